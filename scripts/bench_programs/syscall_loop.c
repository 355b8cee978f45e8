/* Benchmark workload 1 and 2: N one-byte writes to /dev/null, a stat every tenth. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 8000;
	int fd = open("/dev/null", O_WRONLY);
	struct stat st;

	for (long i = 0; i < n; i++) {
		if (write(fd, "x", 1) != 1)
			return 1;
		if (i % 10 == 0)
			stat("/etc/passwd", &st);
	}
	return 0;
}
