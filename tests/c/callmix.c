/* Calls of every shape the C stop loop serves, and some it hands back:
 * data over a page (GIO split), errors, a path across a page boundary, a
 * path longer than the first 256-byte read, an empty AT_EMPTY_PATH path,
 * a NULL and an unmapped path, in a thread and then in main. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* each thread maps its page at its own address: concurrent mmap()s would
 * otherwise return addresses in an order that changes from run to run */
static void calls(const char *file, unsigned long at)
{
	static char big[10000], back[10000];
	char longpath[400];
	struct stat st;

	memset(big, 'a', sizeof big);
	int fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0600);
	(void)write(fd, big, sizeof big);
	(void)lseek(fd, 0, SEEK_SET);
	(void)read(fd, back, sizeof back);
	(void)read(-1, back, 1);
	(void)stat("/nonexistent/x", &st);
	(void)fstatat(fd, "", &st, AT_EMPTY_PATH);
	(void)syscall(SYS_newfstatat, AT_FDCWD, NULL, &st, 0);
	char *page = mmap((void *)at, 8192, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	strcpy(page + 4096 - 5, "/tmp/across");
	(void)stat(page + 4096 - 5, &st);
	munmap(page, 8192);
	(void)stat(page, &st);                  /* unmapped now: EFAULT */
	memset(longpath, 'b', sizeof longpath - 1);
	longpath[0] = '/';
	longpath[sizeof longpath - 1] = 0;
	(void)stat(longpath, &st);
	close(fd);
}

static int done[2];

/* The thread's calls, then main's: one after the other, so that file
 * descriptors and the order of calls are the same in every run. */
static void *worker(void *file)
{
	calls(file, 0x20000000);
	(void)write(done[1], "", 1);
	for (;;)
		pause();               /* until main's exit_group */
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	char other[4096], c;

	if (argc < 2 || pipe(done) < 0)
		return 2;
	snprintf(other, sizeof other, "%s.thread", argv[1]);
	pthread_create(&t, NULL, worker, other);
	(void)read(done[0], &c, 1);
	calls(argv[1], 0x10000000);
	unlink(other);
	unlink(argv[1]);
	return 0;
}
