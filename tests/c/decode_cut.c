/* Calls that another thread's line interrupts, and calls that never return.
 *
 *   decode_cut data       a thread blocks in read(2) on a pipe; the main
 *                         thread writes "hello\n" to it, then joins
 *   decode_cut exit       a thread blocks in read(2); the main thread calls
 *                         exit(3) (exit_group)
 *   decode_cut exec       a thread blocks in read(2); the main thread execs
 *                         /bin/true
 *   decode_cut threadexec the main thread blocks in read(2); a second thread
 *                         execs /bin/true
 *   decode_cut kill       prints its pid, then a thread and the main thread
 *                         block in read(2) until a SIGKILL from outside
 *
 * "Blocks" is checked, not hoped for: the waiting side polls
 * /proc/self/task/TID/syscall until the reader is inside read(2) (syscall 0
 * on x86-64, 3 on i386), so the traces have the same shape on a busy
 * machine. */
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int fds[2];
static volatile pid_t reader_tid;

static void *reader(void *arg)
{
    char buf[16];

    (void)arg;
    reader_tid = (pid_t)syscall(SYS_gettid);
    (void)read(fds[0], buf, sizeof buf);
    return NULL;
}

/* The first line of /proc/self/task/TID/FILE, or "" */
static void task_file(pid_t tid, const char *file, char *line, size_t size)
{
    char path[64];
    int fd;
    ssize_t n;

    snprintf(path, sizeof path, "/proc/self/task/%d/%s", (int)tid, file);
    fd = open(path, O_RDONLY);
    n = fd < 0 ? -1 : read(fd, line, size - 1);
    if (fd >= 0)
        close(fd);
    line[n > 0 ? n : 0] = '\0';
}

/* Wait until thread `tid` of this process sleeps inside read(2): not at a
 * ptrace stop on its way in, where the tracer may not have seen it yet. */
static void wait_in_read(pid_t tid)
{
    char line[512];
    struct timespec ts = {0, 5 * 1000 * 1000};

    for (;;) {
        task_file(tid, "syscall", line, sizeof line);
        if (strchr(line, ' ') && atoi(line) == SYS_read) {
            char *state;

            task_file(tid, "stat", line, sizeof line);
            state = strrchr(line, ')');
            if (state && state[1] == ' ' && state[2] == 'S')
                return;
        }
        nanosleep(&ts, NULL);
    }
}

static void *execer(void *arg)
{
    wait_in_read(*(pid_t *)arg);
    execl("/bin/true", "true", (char *)NULL);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    const char *mode = argc > 1 ? argv[1] : "";
    char buf[16];

    if (pipe(fds) != 0)
        return 1;
    if (strcmp(mode, "threadexec") == 0) {
        pid_t me = getpid();

        pthread_create(&t, NULL, execer, &me);
        (void)read(fds[0], buf, sizeof buf);
        return 1;
    }
    pthread_create(&t, NULL, reader, NULL);
    while (reader_tid == 0)
        sched_yield();
    wait_in_read(reader_tid);
    if (strcmp(mode, "data") == 0) {
        (void)write(fds[1], "hello\n", 6);
        pthread_join(t, NULL);
        return 0;
    }
    if (strcmp(mode, "exit") == 0)
        exit(3);
    if (strcmp(mode, "exec") == 0) {
        execl("/bin/true", "true", (char *)NULL);
        return 1;
    }
    if (strcmp(mode, "kill") == 0) {
        printf("%d\n", (int)getpid());
        fflush(stdout);
        (void)read(fds[0], buf, sizeof buf);
    }
    return 1;
}
