/* Two worker threads look up "/" forever; the main thread leaves with
 * pthread_exit after argv[1] milliseconds, so the process lives on with a
 * zombie leader (a tracer must never wait on it). */
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

static void *work(void *arg)
{
    struct timespec ts = {0, 2 * 1000 * 1000};
    struct stat st;

    (void)arg;
    for (;;) {
        stat("/", &st);
        nanosleep(&ts, NULL);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    long ms = argc > 1 ? atol(argv[1]) : 300;
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000 * 1000};
    pthread_t t[2];

    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, work, NULL);
    nanosleep(&ts, NULL);
    pthread_exit(NULL);
}
