/* Calls whose arguments and lines strace -f shows its own way, made so that
 * strace's line holds nothing read from memory a trace lacks (NULL
 * pointers, failed calls, data a GIO record carries): signal names, ioctl
 * requests, AT_FDCWD and AT_* flags, statx flags and masks, socket
 * domains/types/protocols, MSG_* flags, lseek whence, fcntl commands and
 * their argument and result, prlimit64 resources, clock ids, wait4
 * options, access modes, pipe2/dup3/epoll/eventfd flags, mmap offsets,
 * empty reads and writes; then the line shapes of signals: a siginfo for a
 * handled signal and for a fatal one, a restart (ERESTARTSYS), a
 * restart_syscall, and [pid N] prefixes while a child lives. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <time.h>
#include <unistd.h>

static int handled = -1;	/* a pipe the handler reports to, once opened */

static void
handler(int sig)
{
	(void)sig;
	if (handled >= 0)
		(void)write(handled, "h", 1);
}

/* Wait until process pid is blocked in system call nr (its /proc syscall
 * file), so that what the test expects does not hang on the scheduler. */
static void
wait_until_in(pid_t pid, long nr)
{
	char path[64], line[64];

	snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
	for (;;) {
		int fd = open(path, O_RDONLY);
		ssize_t n = fd < 0 ? -1 : read(fd, line, sizeof line - 1);

		if (fd >= 0)
			close(fd);
		if (n > 0) {
			line[n] = '\0';
			if (line[0] >= '0' && line[0] <= '9' && strtol(line, NULL, 10) == nr)
				return;
		}
		usleep(1000);
	}
}

int
main(void)
{
	char buf[64];
	int fd, p[2], q[2], s, sv[2];
	pid_t me = getpid(), child;
	struct sigaction sa = {0};
	struct timespec ts = {0, 200000000};
	union sigval val;

	/* signals as arguments */
	kill(me, 0);
	syscall(SYS_rt_sigaction, SIGUSR2, NULL, NULL, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, NULL, 8);
	syscall(SYS_tgkill, me, me, 0);
	syscall(SYS_tkill, me, 0);
	/* ioctl requests */
	pipe2(p, O_NONBLOCK | O_CLOEXEC);
	ioctl(p[0], TIOCGPGRP, buf);
	syscall(SYS_ioctl, p[0], _IOC(_IOC_NONE, 0x12, 0x34, 0), 0);
	/* descriptors of directories, AT_* flags, statx */
	syscall(SYS_newfstatat, AT_FDCWD, "/nonexistent", buf, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_statx, AT_FDCWD, "/nonexistent", AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT,
	    STATX_TYPE | STATX_MODE | STATX_SIZE, buf);
	syscall(SYS_statx, AT_FDCWD, "/nonexistent", AT_STATX_DONT_SYNC, 0xfff, buf);
	mkdirat(AT_FDCWD, "strace_args.d", 0750);
	unlinkat(AT_FDCWD, "strace_args.d", AT_REMOVEDIR);
	access("/", F_OK);
	syscall(SYS_faccessat, AT_FDCWD, "/", R_OK | X_OK);
	/* sockets */
	s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	close(s);
	s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	shutdown(s, SHUT_WR);
	close(s);
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	sendto(sv[0], "x", 1, MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
	recvfrom(sv[1], buf, sizeof buf, MSG_PEEK, NULL, NULL);
	/* files */
	fd = open("/etc/passwd", O_RDONLY);
	lseek(fd, 0, SEEK_END);
	lseek(fd, -1, SEEK_CUR);
	lseek(fd, 0, SEEK_SET);
	read(fd, buf, 0);
	write(sv[0], buf, 0);
	mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 4096);
	fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_DUPFD_CLOEXEC, 20);
	dup3(fd, 30, O_CLOEXEC);
	lseek(fd, 0, SEEK_END);
	read(fd, buf, 16);
	epoll_create1(EPOLL_CLOEXEC);
	eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, NULL);
	syscall(SYS_clock_getres, CLOCK_BOOTTIME, NULL);
	syscall(SYS_wait4, -1, NULL, WNOHANG | __WALL, NULL);
	umask(027);
	/* a handled signal, and one sent with a value */
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	kill(me, SIGUSR1);
	val.sival_int = 7;
	sigqueue(me, SIGUSR1, val);
	/* a read restarted after a handler (SA_RESTART): the signal comes once
	 * the read blocks, the data once the handler ran and the read is back */
	pipe(q);
	handled = q[1];
	child = fork();
	if (child == 0) {
		wait_until_in(getppid(), SYS_read);
		kill(getppid(), SIGUSR1);
		read(q[0], buf, 1);
		wait_until_in(getppid(), SYS_read);
		write(p[1], "y", 1);
		_exit(0);
	}
	fcntl(p[0], F_SETFL, 0);
	read(p[0], buf, 1);
	waitpid(child, NULL, 0);
	/* a sleep a child's end interrupts: restart_syscall (SIGCHLD ignored) */
	signal(SIGCHLD, SIG_DFL);
	child = fork();
	if (child == 0) {
		wait_until_in(getppid(), SYS_clock_nanosleep);
		_exit(0);
	}
	syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &ts, NULL);
	waitpid(child, NULL, 0);
	/* a fatal signal */
	child = fork();
	if (child == 0) {
		kill(getpid(), SIGTERM);
		_exit(1);
	}
	waitpid(child, NULL, 0);
	return 0;
}
