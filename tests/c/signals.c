/* Signals taken, ignored, and interrupting a read: argv[1] picks the case.
 * Prints the handler's address so the test can compare it with PSIG. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static int wfd = -1;

static void handler(int sig)
{
	(void)sig;
	if (wfd >= 0)
		(void)write(wfd, "h", 1);
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	struct itimerval it;
	char c;
	int p[2];
	ssize_t n;

	if (argc < 2)
		return 2;
	printf("%p\n", (void *)handler);
	fflush(stdout);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	if (strcmp(argv[1], "handler") == 0) {
		sigaction(SIGUSR1, &sa, NULL);
		raise(SIGUSR1);
		return 0;
	}
	if (strcmp(argv[1], "ignore") == 0) {
		signal(SIGUSR1, SIG_IGN);
		raise(SIGUSR1);
		return 0;
	}
	if (strcmp(argv[1], "default") == 0) {
		raise(SIGTERM);
		return 0;
	}
	if (strcmp(argv[1], "kill") == 0) {
		raise(SIGKILL);
		return 0;
	}
	/* "eintr" (no SA_RESTART) or "restart" (SA_RESTART): a read on an
	 * empty pipe, interrupted by SIGALRM; the handler then feeds the pipe */
	if (pipe(p) != 0)
		return 3;
	wfd = p[1];
	if (strcmp(argv[1], "restart") == 0)
		sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	memset(&it, 0, sizeof it);
	it.it_value.tv_usec = 100000;
	setitimer(ITIMER_REAL, &it, NULL);
	n = read(p[0], &c, 1);
	return n == 1 ? 0 : 10;
}
