"""What one ``pyktrace`` command does: NetBSD's ``ktrace_common`` in user space.

* ``pyktrace cmd``: spawn the command and trace it in the foreground, ending
  like it (:func:`trace_command`).
* ``pyktrace -p``/``-g``: find the tracer already writing the file
  (``ktd_lookup``: device and inode) and add the processes to it, else start
  one -- in the background by default, as ``ktrace -p`` returns at once and
  the kernel goes on tracing; ``--foreground`` keeps strace's habit
  (:func:`trace_processes`).  Processes traced into another file move
  (the seed's relinquish).
* ``pyktrace -c``/``-C``: clear (:func:`clear`).
"""

from __future__ import annotations

import errno
import os
import resource
# the C module behind ``signal``, whose IntEnum wrappers (and ``enum``)
# cost ~3 ms of pyktrace's start-up; same functions, plain ints
import _signal as signal
import stat
import sys
import time

from ktrace.format import DEF_POINTS, KTRFAC_INHERIT, getpoints

TYPE_CHECKING = False
if TYPE_CHECKING:                  # typing costs start-up; annotations are lazy
    from typing import NoReturn

    from ktrace.tracer.session import Session


#: a spawned command's tracer opens its control socket after this many
#: seconds (see Session.listen_later)
LISTEN_DELAY = 0.1


class UserError(Exception):
    """One line for stderr, then exit 1."""


def open_trace_file(path: str, synchronous: bool) -> tuple[int, str]:
    """Open the trace file as ``ktrace(2)`` accepts it, not yet truncated.

    A regular file only (anything else is ``EACCES``, as ``sys_ktrace`` says),
    never through a symbolic link, created 0600.  ``-`` is standard output,
    refused on a terminal (the binary stream would garble it).
    """
    if path == "-":
        if os.isatty(1):
            raise UserError("-f -: standard output is a terminal")
        return os.dup(1), "standard output"
    flags = (os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
             | os.O_NONBLOCK | (os.O_SYNC if synchronous else 0))
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise UserError(f"{path}: is a symbolic link") from None
        raise UserError(f"{path}: {e.strerror}") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise UserError(f"{path}: {os.strerror(errno.EACCES)}")
    os.set_blocking(fd, True)
    return fd, path


def start_writing(fd: int, append: bool) -> None:
    """Truncate (unless ``-a``) and write at the end: only once it is known
    that no running tracer writes the file."""
    if append:
        os.lseek(fd, 0, os.SEEK_END)
    elif stat.S_ISREG(os.fstat(fd).st_mode):
        os.ftruncate(fd, 0)


def _wait_gone(pid: int, limit: float = 30.0) -> None:
    """Wait for an ending tracer to exit (it has flushed its file then)."""
    from ktrace.tracer.procs import is_zombie
    end = time.monotonic() + limit
    while not is_zombie(pid) and time.monotonic() < end:
        time.sleep(0.01)


def end_like(status: int) -> "NoReturn":  # noqa: F821 (typing costs 2 ms of start-up)
    """Exit as the command did: its exit code, or its fatal signal raised here."""
    if os.WIFEXITED(status):
        sys.exit(os.WEXITSTATUS(status))
    sig = os.WTERMSIG(status)
    sys.stdout.flush()
    sys.stderr.flush()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))   # the command dumped, not us
    if sig != signal.SIGKILL:
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
    os.kill(os.getpid(), sig)
    sys.exit(128 + sig)


def _stderr_log(message: str) -> None:
    sys.stderr.write(f"pyktrace: {message}\n")


def _daemon_log(message: str) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    sys.stderr.write(f"{stamp} pyktrace[{os.getpid()}]: {message}\n")


def _facs(trstr: str | None, default: int) -> int:
    try:
        return getpoints(trstr) if trstr is not None else default
    except ValueError as e:
        raise UserError(f"-t {trstr}: {e}") from None


def run(command: tuple[str, ...], *, trfile: str, trstr: str | None,
        version: int, append: bool, synchronous: bool, nonblocking: bool,
        inherit: bool, descendants: bool, pid: int | None, pgid: int | None,
        clear: bool = False, clear_all: bool = False, foreground: bool = False,
        **tunables) -> None:
    """Trace ``command`` or the ``-p``/``-g`` targets into ``trfile``, or clear."""
    targeted = pid is not None or pgid is not None
    tunables["nonblocking"] = nonblocking
    if clear or clear_all:
        if command:
            raise UserError("-c and -C take no command")
        _clear(trfile, trstr, inherit, descendants, pid, pgid, clear_all)
        return
    if bool(command) == targeted:
        raise UserError("give a command, or -p/-g, but not both"
                        if command else "nothing to trace: give a command, -p or -g")
    if descendants and not targeted:
        raise UserError("-d needs -p or -g")
    facs = _facs(trstr, DEF_POINTS)
    if command:
        trace_command(command, trfile=trfile, facs=facs, version=version, append=append,
                      synchronous=synchronous, inherit=inherit, **tunables)
    else:
        trace_processes(_targets(pid, pgid, descendants), trfile=trfile, facs=facs,
                        version=version, append=append, synchronous=synchronous,
                        inherit=inherit, foreground=foreground or trfile == "-",
                        **tunables)


def _targets(pid: int | None, pgid: int | None, descendants: bool) -> list[int]:
    from ktrace.tracer import launch
    try:
        return launch.targets([pid] if pid is not None else [],
                              [pgid] if pgid is not None else [], descendants)
    except launch.LaunchError as e:
        raise UserError(str(e)) from None


def _session(fd: int, name: str, *, facs: int, inherit: bool, version: int,
             joinable: bool, log, **tunables) -> "Session":
    from ktrace.tracer.session import Session
    return Session(fd, name, facs=facs, inherit=inherit, version=version,
                   joinable=joinable, log=log, **tunables)


def _listen(session: "Session", required: bool) -> None:
    from ktrace.control import ControlError
    try:
        session.listen()
    except (ControlError, OSError) as e:
        if required:
            raise UserError(f"control socket: {e}") from None
        session.log(f"control socket unavailable ({e}): -c and -C cannot reach this trace")


def trace_command(command: tuple[str, ...], *, trfile: str, facs: int, version: int,
                  append: bool, synchronous: bool, inherit: bool,
                  **tunables) -> "NoReturn":  # noqa: F821
    """Spawn ``command``, trace it from its exec, end like it."""
    from ktrace.tracer import launch, points, ptrace

    fd, name = open_trace_file(trfile, synchronous)
    from ktrace import control
    try:
        busy = control.tracer_of_file(fd)
    except control.ControlError:
        busy = None
    if busy is not None:
        os.close(fd)
        raise UserError(f"{trfile}: a running pyktrace (pid {busy[1]}) "
                        "writes this file; trace the command into another one")
    start_writing(fd, append)
    # The ending signals wait until their handlers are in place: one that
    # arrived between the seize and the handlers would kill pyktrace and
    # leave the command stopped.  (The child restores the mask before exec.)
    caller_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {
        signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP})
    program = None
    filtered = False
    if not points.every_call(facs):
        arches = (ptrace.AUDIT_ARCH_X86_64, ptrace.AUDIT_ARCH_I386)
        needed = {a: points.needed(facs, a) for a in arches}
        if any(needed.values()):
            program = ptrace.seccomp_program(needed)
            filtered = True
    options = launch.ptrace_options(inherit, filtered)
    try:
        child = launch.spawn(list(command), options=options,
                             stdout_to_stderr=trfile == "-", seccomp=program,
                             sigmask=caller_mask)
    except launch.LaunchError as e:
        os.close(fd)
        signal.pthread_sigmask(signal.SIG_SETMASK, caller_mask)
        raise UserError(str(e)) from None

    session = _session(fd, name, facs=facs, inherit=inherit, version=version,
                       joinable=False, log=_stderr_log, **tunables)
    proc = session.frontend.add_process(child, [child], filtered=filtered, started=False)
    proc.options_after_exec = options
    # SIGINT and SIGQUIT are the command's (as strace -o leaves them)
    for sig in (signal.SIGINT, signal.SIGQUIT):
        signal.signal(sig, signal.SIG_IGN)
    ending = (signal.SIGTERM, signal.SIGHUP)
    session.handle_signals(ending)
    signal.pthread_sigmask(signal.SIG_SETMASK, caller_mask)
    session.listen_later(LISTEN_DELAY)

    status = session.serve(child)
    for sig in ending:
        signal.signal(sig, signal.SIG_DFL)
    session.close()
    if status is None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _, status = os.waitpid(child, 0)
    end_like(status)


def trace_processes(targets: list[int], *, trfile: str, facs: int, version: int,
                    append: bool, synchronous: bool, inherit: bool,
                    foreground: bool, **tunables) -> None:
    """``-p``/``-g``: join the file's tracer, or start one."""
    from ktrace import control
    from ktrace.background import run_in_background

    fd, name = open_trace_file(trfile, synchronous)
    if trfile == "-":
        start_writing(fd, append)
        _serve_targets(_start(fd, name, targets, facs, version, inherit, tunables,
                              required=False, log=_stderr_log))
    try:
        targets = control.permitted(os.getuid(), targets)
        rdir = control.runtime_dir()
        with control.file_lock(rdir) as lock_fd:
            if _join(fd, rdir, trfile, targets, facs, inherit, version):
                os.close(fd)
                return
            start_writing(fd, append)
            if foreground:
                session = _start(fd, name, targets, facs, version, inherit, tunables,
                                 required=True, log=_stderr_log)
            else:
                err, message = run_in_background(
                    os.path.join(rdir, "pyktrace.log"),
                    lambda ready: _background(ready, lock_fd, fd, name, targets, facs,
                                              version, inherit, tunables),
                    keep=(fd, lock_fd))
                os.close(fd)
                if err:
                    raise UserError(message)
                return
    except control.ControlError as e:
        raise UserError(str(e)) from None
    _serve_targets(session)


def _join(fd: int, rdir: str, trfile: str, targets: list[int], facs: int,
          inherit: bool, version: int) -> bool:
    """Add the targets to the tracer writing the file, if one runs (after
    taking them from tracers of other files).  A tracer that is ending is
    waited for: then a new one starts, after the old one's last write."""
    from ktrace import control, control_requests
    while True:
        found = control.tracer_of_file(fd)
        if found is not None and os.path.dirname(found[0]) != rdir:
            raise UserError(f"{trfile}: written by another user's tracer (pid {found[1]})")
        for note in control_requests.relinquish(targets, found[1] if found else None):
            _stderr_log(note)
        if found is None:
            return False
        try:
            note = control_requests.join(found[0], targets, facs, inherit, version)
        except control.ControlError as e:
            if e.errno not in control_requests.ENDING:
                raise
            _wait_gone(found[1])
            continue
        if note:
            _stderr_log(note)
        return True


def _start(fd: int, name: str, targets: list[int], facs: int, version: int,
           inherit: bool, tunables: dict, *, required: bool, log) -> "Session":
    """Seize the targets into a new tracer with its control socket; the
    ending signals are held until their handlers are in place."""
    from ktrace.tracer import launch

    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {
        signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    session = _session(fd, name, facs=facs | (KTRFAC_INHERIT if inherit else 0),
                       inherit=inherit, version=version, joinable=True, log=log,
                       **tunables)
    try:
        _listen(session, required)      # requests wait for the loop
    except UserError:
        session.close()
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        raise
    opts = launch.ptrace_options(inherit, False)
    try:
        for target in targets:
            tids = launch.seize_process(target, opts)
            session.frontend.add_process(target, tids, attached=True)
    except launch.LaunchError as e:
        session.frontend.end_requested = True
        session.serve()                  # lets go of those already seized
        session.close()
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        raise UserError(str(e)) from None
    session.handle_signals()
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    return session


def _serve_targets(session: "Session") -> "NoReturn":  # noqa: F821
    session.serve()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    sys.exit(1 if session.close() else 0)


def _background(ready, lock_fd: int, fd: int, name: str, targets: list[int], facs: int,
                version: int, inherit: bool, tunables: dict) -> int:
    """The background tracer's body: seize, listen, report, serve."""
    try:
        session = _start(fd, name, targets, facs, version, inherit, tunables,
                         required=True, log=_daemon_log)
    except UserError as e:
        ready(errno.EPERM, str(e))
        return 1
    ready(0, "")
    os.close(lock_fd)                    # the command that started us holds it
    _daemon_log(f"tracing {', '.join(map(str, targets))} into {name}")
    session.serve()
    lost = session.close()
    _daemon_log(f"done with {name}" + (f": {lost} records lost" if lost else ""))
    return 1 if lost else 0


def _clear(trfile: str, trstr: str | None, inherit: bool, descendants: bool,
           pid: int | None, pgid: int | None, clear_all: bool) -> None:
    """``-c`` (processes, or the file) and ``-C``."""
    from ktrace import control, control_requests as req
    try:
        if clear_all:
            notes = req.clear_all()
        elif pid is not None or pgid is not None:
            facs = _facs(trstr, req.ALL_FACS) | (KTRFAC_INHERIT if inherit else 0)
            notes = req.clear_processes(_targets(pid, pgid, descendants), facs)
        else:
            notes = req.clear_file(trfile)
    except control.ControlError as e:
        raise UserError(str(e)) from None
    for note in notes:
        _stderr_log(note)
