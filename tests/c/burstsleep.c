/* 150 stat()s among getppid()s, a line on stdout, then a long sleep: the
 * records of the burst must reach the trace file while it sleeps. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	struct stat st;

	for (int i = 0; i < 150; i++) {
		(void)stat("/nonexistent/burst", &st);
		(void)getppid();
	}
	printf("slept\n");
	fflush(stdout);
	sleep(30);
	return 0;
}
