/* A non-leader thread execs argv[1...]: the process carries on as the tgid. */
#include <pthread.h>
#include <unistd.h>

static char **args;

static void *run(void *arg)
{
	(void)arg;
	execv(args[0], args);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	if (argc < 2)
		return 2;
	args = argv + 1;
	pthread_create(&t, NULL, run, NULL);
	pthread_join(t, NULL);
	return 1;
}
