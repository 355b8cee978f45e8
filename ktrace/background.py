"""Running the tracer in the background, the way ``ktrace -p`` returns at once.

On NetBSD the kernel goes on tracing after ``ktrace -p PID`` has returned.
pyktrace's equivalent is a background tracer process: the command forks a
daemon (new session, standard streams on ``/dev/null``, messages into a log
file in the runtime directory), which seizes the targets and reports back
through a pipe; the command then exits 0, or prints the daemon's one-line
error and exits 1.  The daemon must be the one that seizes: ptrace belongs to
the thread that attached.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

#: ``ready(error, message)``: the daemon's report to the waiting command;
#: error 0 means the targets are seized and the command may return.
Ready = Callable[[int, str], None]


#: how long the command waits for the daemon's report
READY_TIMEOUT = 15.0


def run_in_background(log_path: str, body: Callable[[Ready], int],
                      keep: tuple[int, ...] = (),
                      timeout: float = READY_TIMEOUT) -> tuple[int, str]:
    """Fork a daemon running ``body(ready)``; return ``(error, message)``.

    Returns in the calling process once the daemon has called ``ready`` (or
    died before doing so: then EIO with what its log says).  The daemon
    never returns from here; it exits with ``body``'s return value.  It
    keeps the descriptors in ``keep`` and closes every other one it
    inherited beyond the standard three (a pipe held open by a forgotten
    copy would make whoever reads it wait for the tracer's end).

    A daemon that has not reported within ``timeout`` seconds is killed
    (ETIMEDOUT): attaching to a process in the middle of an exec can hang
    in the kernel (the exec waits for threads the stuck tracer would reap),
    and SIGKILL is what undoes it -- the kernel then detaches everything.
    """
    rfd, wfd = os.pipe()
    first = os.fork()
    if first:
        os.close(wfd)
        report = _read_report(rfd, timeout)
        os.waitpid(first, 0)
        daemon, _, report = report.partition(b"\n")
        if not report.strip():
            if daemon.isdigit() and _kill(int(daemon)):
                return 110, ("the background tracer did not finish attaching "
                             f"within {timeout:.0f} s and was killed; try again")
            return 5, f"the background tracer died; see {log_path}"
        err, _, message = report.decode(errors="replace").partition(" ")
        return int(err), message
    # the intermediate child: a new session, then the daemon itself
    try:
        os.close(rfd)
        os.setsid()
        if os.fork():
            os._exit(0)
        _daemon_streams(log_path)
        _close_inherited({*keep, wfd})
        os.chdir("/")               # hold no directory busy (paths here are absolute)
        os.write(wfd, b"%d\n" % os.getpid())
    except BaseException:
        os._exit(1)
    reported = False

    def ready(error: int, message: str) -> None:
        nonlocal reported
        if not reported:
            reported = True
            os.write(wfd, f"{error} {message}".encode())
            os.close(wfd)

    code = 1
    try:
        code = body(ready)
    except BaseException as e:  # noqa: BLE001 - the daemon reports, never raises
        print(f"pyktrace: background tracer failed: {e!r}", file=sys.stderr)
    finally:
        if not reported:
            ready(5, f"the background tracer stopped before tracing; see {log_path}")
        sys.stderr.flush()
        os._exit(code)


def _read_report(fd: int, timeout: float) -> bytes:
    """What the daemon wrote (its pid, a newline, its report) until it
    closed the pipe, or until ``timeout`` has passed."""
    import select
    end = time.monotonic() + timeout
    data = b""
    with os.fdopen(fd, "rb", buffering=0) as r:
        while (left := end - time.monotonic()) > 0:
            if not select.select([r], [], [], left)[0]:
                break
            chunk = r.read(4096)
            if not chunk:
                break
            data += chunk
    return data


def _kill(pid: int) -> bool:
    try:
        os.kill(pid, 9)
        return True
    except OSError:
        return False


def _close_inherited(keep: set[int]) -> None:
    try:
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    for fd in fds:
        if fd > 2 and fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass


def _daemon_streams(log_path: str) -> None:
    """stdin/stdout to /dev/null, stderr appended to the log file (0600)."""
    null = os.open(os.devnull, os.O_RDWR)
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND
                  | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.dup2(log, 2)
    os.close(null)
    os.close(log)
    sys.stdout = open(1, "w", closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)
