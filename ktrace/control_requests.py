"""What ``pyktrace -c``, ``-C`` and a joining ``-p`` ask of running tracers.

The client half of NetBSD's ``ktrace_common``: it finds the tracers (by the
trace file's device and inode, or by ``TracerPid`` for a process), sends
them requests (:mod:`ktrace.control`), and turns their answers into one line
each.  Semantics follow ``sys_ktrace``: clearing a process nobody traces, or
a file nobody writes, succeeds quietly; a process that does not exist is
``ESRCH``; one the caller may not change is ``EPERM``.
"""

from __future__ import annotations

import errno
import os

from ktrace import control
from ktrace.control import ControlError, Request
from ktrace.format import KTRFAC_INHERIT, KTRFAC_MASK
from ktrace.tracer.procs import read_tracer, status_fields

#: ``ALL_POINTS`` plus ``-i``: what ``-c`` without ``-t`` and ``-C`` clear
ALL_FACS = KTRFAC_MASK | KTRFAC_INHERIT


#: what a tracer that is ending (or has just ended) answers, or its socket
ENDING = frozenset({errno.EAGAIN, errno.ECONNRESET, errno.ECONNREFUSED,
                    errno.ENOENT, errno.EPIPE})


def _clear(path: str, req: Request) -> str:
    """A clearing request: a tracer that ends meanwhile traces nothing more,
    which is what was asked."""
    try:
        return _ask(path, req)
    except ControlError as e:
        if e.errno in ENDING:
            return ""
        raise


def _ask(path: str, req: Request) -> str:
    """Send; raise ControlError for a refusal; return the tracer's note
    (printable characters only: it goes to a terminal)."""
    resp = control.send(path, req)
    message = "".join(c if c.isprintable() else "?" for c in resp.message)
    if resp.error:
        raise ControlError(resp.error, message or os.strerror(resp.error))
    return message


def _by_tracer(pids: list[int], tracers: dict[int, str]) -> dict[str, list[int]]:
    """The targets that reachable tracers trace, grouped per tracer.  A
    target traced by another user's process is EPERM (as ``KTRFAC_ROOT``:
    only root changes what root set up)."""
    groups: dict[str, list[int]] = {}
    me = os.getuid()
    for pid in pids:
        tracer = read_tracer(pid)
        if tracer in tracers:
            groups.setdefault(tracers[tracer], []).append(pid)
        elif tracer and me != 0:
            uids = status_fields(tracer, b"Uid").get(b"Uid")
            if uids is not None and int(uids) != me:
                raise ControlError(errno.EPERM, f"{pid}: traced by process {tracer} "
                                                "of another user")
    return groups


def relinquish(pids: list[int], keep: int | None = None) -> list[str]:
    """Take ``pids`` away from the tracers (other than ``keep``) that trace
    them into other files, before they are traced into a new one."""
    tracers = {p: s for p, s in control.live_tracers().items() if p != keep}
    return [note for path, mine in _by_tracer(pids, tracers).items()
            if (note := _clear(path, Request("clear", mine, facs=ALL_FACS)))]


def join(path: str, pids: list[int], facs: int, inherit: bool, version: int) -> str:
    """Add ``pids`` to the tracer listening on ``path`` (``ktd_lookup`` hit)."""
    return _ask(path, Request("set", pids, facs=facs | (KTRFAC_INHERIT if inherit else 0),
                              inherit=inherit, version=version))


def clear_processes(pids: list[int], facs: int) -> list[str]:
    """``-c -p``/``-g``: remove ``facs`` from the processes' tracing."""
    pids = control.permitted(os.getuid(), pids)
    return [note for path, mine in _by_tracer(pids, control.live_tracers()).items()
            if (note := _clear(path, Request("clear", mine, facs=facs)))]


def clear_file(name: str) -> list[str]:
    """``-c`` without ``-p``: stop all tracing to the file."""
    try:
        st = os.stat(name)
    except OSError as e:
        raise ControlError(e.errno or errno.ENOENT, f"{name}: {e.strerror}") from None
    notes = [_clear(path, Request("clearfile")) for path, _ in control.tracers_of_file(st)]
    return [n for n in notes if n]


def clear_all() -> list[str]:
    """``-C``: stop the tracing of every process the caller may change.
    Every tracer is asked, whatever the others answer; failures are
    reported together at the end."""
    notes, failed = [], []
    for pid, path in control.live_tracers().items():
        try:
            notes.append(_clear(path, Request("clearall")))
        except ControlError as e:
            if e.errno != errno.EPERM:      # another user's tracer: not ours
                failed.append(f"tracer {pid}: {e}")
    if failed:
        raise ControlError(errno.EIO, "; ".join(failed))
    return [n for n in notes if n]
