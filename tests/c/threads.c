/* Two threads, each doing a few known calls. */
#include <pthread.h>
#include <unistd.h>

static void *work(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5; i++)
		(void)getppid();
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, work, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
