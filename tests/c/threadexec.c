/* Forever: start three threads that look up "/" in a loop; after 2 ms one
 * of them (never the main thread) execs this program again, so de_thread
 * keeps killing threads and moving the execing one to the leader's tid. */
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char **args;

static void *work(void *arg)
{
    struct stat st;
    struct timespec ts = {0, 2 * 1000 * 1000};

    if (arg) {
        nanosleep(&ts, NULL);
        execv("/proc/self/exe", args);
    }
    for (;;)
        stat("/", &st);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t[3];

    (void)argc;
    args = argv;
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, work, i == 2 ? (void *)1 : NULL);
    for (;;)
        pause();
}
