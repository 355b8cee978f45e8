/* The main thread leaves first (pthread_exit): it stays a zombie with no
 * memory map while the other thread looks a path up. */
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

static void *worker(void *arg)
{
	struct stat st;

	(void)arg;
	usleep(100000);
	(void)stat("/nonexistent/after-main", &st);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_exit(NULL);
}
