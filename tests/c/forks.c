/* A fork child and a vfork child, each with an exit status of its own. */
#include <sys/wait.h>
#include <unistd.h>

int
main(void)
{
	pid_t p = fork();

	if (p == 0) {
		(void)write(1, "c\n", 2);
		_exit(3);
	}
	(void)waitpid(p, NULL, 0);
	p = vfork();
	if (p == 0)
		_exit(4);
	(void)waitpid(p, NULL, 0);
	return 0;
}
