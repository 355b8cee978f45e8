/* A process that never ends by itself: every 5 ms it looks up "/" (a NAMI)
 * and writes its iteration count to the file named by argv[1] (from the
 * start, so its size stays small), so a test sees it make progress. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct timespec ts = {0, 5 * 1000 * 1000};
    struct stat st;
    char buf[32];
    unsigned long n;
    int fd;

    if (argc < 2)
        return 2;
    fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return 1;
    for (n = 1;; n++) {
        stat("/", &st);
        int len = snprintf(buf, sizeof buf, "%lu\n", n);
        pwrite(fd, buf, (size_t)len, 0);
        nanosleep(&ts, NULL);
    }
}
