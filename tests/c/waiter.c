/* Installs a SIGUSR1 handler (no SA_RESTART), prints its address, then
 * answers each byte read from stdin; "intr" when a read is interrupted. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void handler(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa;
	char c;
	ssize_t n;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigaction(SIGUSR1, &sa, NULL);
	printf("%p\n", (void *)handler);
	fflush(stdout);
	for (;;) {
		n = read(0, &c, 1);
		if (n == 1)
			(void)write(1, "ack\n", 4);
		else if (n < 0 && errno == EINTR)
			(void)write(1, "intr\n", 5);
		else
			return 0;
	}
}
