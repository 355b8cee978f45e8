/* A thread other than main execs (main left first with "x", or waits):
 * after the exec the process must still be read (a path, writev data). */
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static char *self;

static void *worker(void *arg)
{
	(void)arg;
	usleep(100000);
	execl(self, self, "after", (char *)NULL);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "after")) {
		struct stat st;
		struct iovec iov[2] = {{"hello ", 6}, {"world\n", 6}};

		(void)stat("/nonexistent/after-exec", &st);
		(void)writev(1, iov, 2);
		return 0;
	}
	pthread_create(&t, NULL, worker, NULL);
	if (argc > 1 && !strcmp(argv[1], "x"))
		pthread_exit(NULL);
	for (;;)
		pause();
}
