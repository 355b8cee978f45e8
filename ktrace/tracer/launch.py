"""Getting tracees: spawning a command (``pyktrace cmd``) and seizing running
processes (``-p``/``-g``, ``-d``).

The spawned child stops itself, is ``PTRACE_SEIZE``d, then ``execvp``s, so the
trace starts with that execve and shows every ``PATH`` candidate tried, as
NetBSD's ``ktrace cmd`` does.  A seccomp filter, when ``-t`` allows one, is
installed by the child on itself between the stop and the exec.
"""

from __future__ import annotations

import errno
import os
import time
# the C module behind ``signal``, whose IntEnum wrappers (and ``enum``)
# cost ~3 ms of pyktrace's start-up; same functions, plain ints
import _signal as signal

from ktrace.tracer import ptrace as pt
from ktrace.tracer.procs import is_zombie, read_tracer

BASE_OPTIONS = pt.O_TRACESYSGOOD | pt.O_TRACEEXEC | pt.O_TRACEEXIT | pt.O_TRACECLONE
INHERIT_OPTIONS = pt.O_TRACEFORK | pt.O_TRACEVFORK


class LaunchError(Exception):
    """A one-line reason why a target could not be traced."""


def ptrace_options(inherit: bool, filtered: bool) -> int:
    opts = BASE_OPTIONS
    if inherit or filtered:
        # children inherit a filter, and untraced its calls would fail with
        # ENOSYS: without -i they are followed silently (pass-through)
        opts |= INHERIT_OPTIONS
    if filtered:
        # a filtered process can never be detached: die with the tracer
        opts |= pt.O_TRACESECCOMP | pt.O_EXITKILL
    return opts


def initial_environment() -> dict[bytes, bytes]:
    """pyktrace's environment as it was exec'ed (``/proc/self/environ``).

    Python's start-up may add variables (PEP 538 sets ``LC_CTYPE`` under the
    C locale); the command must get exactly what pyktrace was given.
    """
    try:
        with open("/proc/self/environ", "rb") as f:
            raw = f.read()
    except OSError:
        return dict(os.environb)
    env: dict[bytes, bytes] = {}
    for item in raw.split(b"\0"):
        key, sep, value = item.partition(b"=")
        if sep:
            env.setdefault(key, value)
    return env


def spawn(argv: list[str], *, options: int, stdout_to_stderr: bool,
          seccomp: bytes | None, sigmask: set[int]) -> int:
    """Fork the command, seize it while it is stopped, let it exec.

    The child is seized with ``PTRACE_O_EXITKILL`` added; the caller sets
    ``options`` again once the command has exec'd.

    ``sigmask`` is the signal mask the command gets (pyktrace's caller's).
    """
    env = initial_environment()
    pid = os.fork()
    if pid == 0:
        try:
            if stdout_to_stderr:
                os.dup2(2, 1)
            for sig in (signal.SIGPIPE, signal.SIGXFSZ):   # Python ignores these
                signal.signal(sig, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, sigmask)
            os.kill(os.getpid(), signal.SIGSTOP)
            if seccomp is not None:
                pt.install_seccomp(seccomp, no_new_privs=os.geteuid() != 0)
            os.execvpe(argv[0], argv, env)
        except OSError as e:
            # as NetBSD's ktrace: err(EXIT_FAILURE, "exec of '%s' failed")
            os.write(2, f"pyktrace: exec of '{argv[0]}' failed: "
                        f"{os.strerror(e.errno or errno.ENOEXEC)}\n".encode())
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, os.WUNTRACED)
    if not os.WIFSTOPPED(status):
        raise LaunchError(f"{argv[0]}: the child died before it could be traced")
    try:
        # EXITKILL until the exec (the frontend then restores ``options``):
        # a pyktrace killed before it sent SIGCONT must not leave its stopped
        # copy behind
        pt.seize(pid, options | pt.O_EXITKILL)
    except OSError as e:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise LaunchError(f"cannot trace the child: {e.strerror}") from None
    os.kill(pid, signal.SIGCONT)
    return pid


def threads_of(pid: int) -> list[int]:
    try:
        return sorted(int(t) for t in os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return []


def _stat_fields(pid: int) -> tuple[int, int] | None:
    """(ppid, pgrp) from /proc/PID/stat (the name may hold spaces and parens)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except OSError:
        return None
    rest = data[data.rindex(b")") + 2:].split()
    return int(rest[1]), int(rest[2])


def _all_pids() -> list[int]:
    return [int(n) for n in os.listdir("/proc") if n.isdigit()]


def targets(pids: list[int], pgids: list[int], descendants: bool) -> list[int]:
    """The processes ``-p``/``-g`` (and ``-d``) name; ESRCH as one line."""
    me = os.getpid()
    chosen: list[int] = []
    table = {p: f for p in _all_pids() if (f := _stat_fields(p)) is not None}
    for pid in pids:
        if pid not in table:
            raise LaunchError(f"{pid}: No such process")
        chosen.append(pid)
    for pgid in pgids:
        members = [p for p, (_, g) in table.items() if g == pgid and p != me]
        if not members:
            raise LaunchError(f"process group {pgid}: No such process")
        chosen.extend(members)
    if descendants:
        children: dict[int, list[int]] = {}
        for p, (ppid, _) in table.items():
            children.setdefault(ppid, []).append(p)
        todo = list(chosen)
        while todo:
            for c in children.get(todo.pop(), []):
                if c not in chosen and c != me:
                    chosen.append(c)
                    todo.append(c)
    if me in chosen:
        raise LaunchError(f"{me}: cannot trace pyktrace itself")
    return list(dict.fromkeys(chosen))


def seize_process(pid: int, options: int) -> list[int]:
    """Seize every thread of ``pid`` (again until no new thread appears) and
    interrupt each at once, so that the loop starts them with the right
    request: from its PTRACE_INTERRUPT a thread makes no system call the
    trace would miss (a blocking one is restarted after the stop), which is
    what returning from ``pyktrace -p`` promises, as ktrace's ktrops does."""
    seized: list[int] = []
    tried: set[int] = set()     # a zombie main thread stays listed: once
    while True:
        new = [t for t in threads_of(pid) if t not in tried]
        if not new:
            break
        tried.update(new)
        for tid in new:
            try:
                _seize(tid, options)
            except OSError as e:
                if e.errno == errno.ESRCH:
                    continue
                if e.errno == errno.EPERM and read_tracer(tid) == os.getpid():
                    # created meanwhile by a seized thread: attached already
                    # (PTRACE_O_TRACECLONE)
                    seized.append(tid)
                    continue
                _let_go(seized)
                reason = eperm_reason(tid) if e.errno == errno.EPERM else e.strerror
                raise LaunchError(f"{pid}: {reason}") from None
            seized.append(tid)
            try:
                pt.interrupt(tid)
            except OSError:             # gone meanwhile: its exit is reported
                pass
    if not seized:
        raise LaunchError(f"{pid}: No such process")
    return seized


def _seize(tid: int, options: int) -> None:
    """PTRACE_SEIZE, retried for a few milliseconds on EPERM while the
    thread is on its way out (a thread exiting, or killed by another's
    exec, refuses the attach): then ESRCH.  A real refusal stays EPERM."""
    for _ in range(20):
        try:
            pt.seize(tid, options)
            return
        except OSError as e:
            if e.errno != errno.EPERM or read_tracer(tid) == os.getpid():
                raise
            if is_zombie(tid):
                raise OSError(errno.ESRCH, os.strerror(errno.ESRCH)) from None
            time.sleep(0.001)
    pt.seize(tid, options)


def _let_go(tids: list[int]) -> None:
    """Detach threads seized before a later one failed: each must stop
    first (PTRACE_DETACH needs a stopped tracee)."""
    for tid in tids:
        try:
            pt.interrupt(tid)
            os.waitpid(tid, pt.WALL)
            pt.detach(tid)
        except OSError:
            pass


YAMA_SCOPE = "/proc/sys/kernel/yama/ptrace_scope"
_YAMA_RULES = {1: "only a parent may trace its descendants",
               2: "only processes with CAP_SYS_PTRACE may trace",
               3: "no process may trace"}


def eperm_reason(tid: int, yama_scope: str = YAMA_SCOPE) -> str:
    """Why PTRACE_SEIZE said EPERM, as far as can be told: another tracer
    (with its pid), or the Yama LSM's ``ptrace_scope``, else permission."""
    tracer = read_tracer(tid)
    if tracer:
        return f"already traced by process {tracer}"
    try:
        with open(yama_scope) as f:
            scope = int(f.read())
    except (OSError, ValueError):
        scope = 0
    if scope in _YAMA_RULES and (scope == 3 or os.geteuid() != 0):
        return (f"{os.strerror(errno.EPERM)} (kernel.yama.ptrace_scope is {scope}: "
                f"{_YAMA_RULES[scope]})")
    return os.strerror(errno.EPERM)
