/* Calls whose arguments strace shows its own way: futex operations (which
 * arguments each uses), clone's flags and exit signal, file modes in octal,
 * open's mode only with O_CREAT. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int w, w2;

int
main(void)
{
	int fd;

	syscall(SYS_futex, &w, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
	syscall(SYS_futex, &w, FUTEX_WAIT_PRIVATE, 1, 0, 0, 0);
	syscall(SYS_futex, &w, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME,
	    1, 0, 0, FUTEX_BITSET_MATCH_ANY);
	syscall(SYS_futex, &w, FUTEX_WAKE_OP_PRIVATE, 1, 1, &w2,
	    FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_GT, 1));
	syscall(SYS_futex, &w, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &w2, 0);
	syscall(SYS_futex, &w, 99, 1, 2, &w2, 5);
	syscall(SYS_futex, &w, FUTEX_UNLOCK_PI, 1, 2, &w2, 5);
	syscall(SYS_futex, &w, FUTEX_WAKE | 0x400, 1, 2, &w2, 5);
	fd = open("linuxargs.tmp", O_WRONLY | O_CREAT, 0);
	close(fd);
	fd = openat(AT_FDCWD, "linuxargs.tmp", O_RDONLY | O_CLOEXEC, 0755);
	close(fd);
	mkdir("linuxargs.d", 0700);
	rmdir("linuxargs.d");
	chmod("linuxargs.tmp", 04755);
	unlink("linuxargs.tmp");
	if (syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0) == 0)
		_exit(0);
	wait(NULL);
	if (syscall(SYS_clone, CLONE_FILES, 0, 0, 0, 0) == 0)
		_exit(0);	/* no exit signal: nobody waits for it */
	return 0;
}
