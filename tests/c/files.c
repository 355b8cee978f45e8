/* Path and I/O calls with known outcomes, for exact record sequences. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[64];
	static char big[10000];
	int p[2];
	struct stat st;
	struct iovec iov[2];
	int fd;

	if (argc < 2)
		return 2;
	fd = openat(AT_FDCWD, argv[1], O_RDONLY);
	if (fd < 0)
		return 3;
	if (read(fd, buf, 5) != 5)
		return 4;
	close(fd);
	if (stat("/nonexistent/pyktrace", &st) == 0)
		return 5;
	if (pipe(p) != 0)
		return 6;
	memset(big, 'x', sizeof big);
	if (write(p[1], big, sizeof big) != sizeof big)
		return 7;
	iov[0].iov_base = "ab";
	iov[0].iov_len = 2;
	iov[1].iov_base = "cde";
	iov[1].iov_len = 3;
	if (writev(p[1], iov, 2) != 5)
		return 8;
	return 0;
}
