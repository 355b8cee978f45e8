"""Filters beyond kdump's ``-p``/``-t``: ``--syscall``, ``--lid``, ``--errors-only``.

A call is a window per thread, from its CALL record to its RET: the NAMI,
GIO, EMUL, ARG, ENV and USER records a thread writes in between belong to
that call.  ``--syscall`` keeps the windows of the named calls (names as the
face prints them), ``--errors-only`` the windows whose RET prints an error
(kdump's ``-1 errno``; RESTART and JUSTRETURN are not errors), which means
holding a window back until its RET, or its first GIO record (data moved:
the call did not fail); records outside any window (PSIG, CSW)
are left out by both.  Every record still goes through the face, so that
emulation switches are followed exactly as kdump follows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ktrace.format import KTR_GENIO, KTR_SYSCALL, KTR_SYSRET

#: a window that is being dropped
_DROP: list[Any] = []


class Selector:
    """Feeds records through a face and keeps the output the filters select.

    ``render(record)`` gives a record's output (or None) and afterwards
    ``name_of()`` the syscall name and ``failed()`` whether a RET errs;
    ``emit(record, output)`` receives what is kept, in order per thread.
    """

    def __init__(self, render: Callable[[Any], Any], name_of: Callable[[], str | None],
                 failed: Callable[[], bool], emit: Callable[[Any, Any], None],
                 syscalls: Iterable[str] | None = None, lid: int | None = None,
                 errors_only: bool = False) -> None:
        self.render = render
        self.name_of = name_of
        self.failed = failed
        self.emit = emit
        self.syscalls = set(syscalls) if syscalls else None
        self.lid = lid
        self.errors_only = errors_only
        self.windowed = self.syscalls is not None or errors_only
        #: (pid, lid) -> held outputs of the open call, or _DROP, or None
        #: for a call being passed through as it comes
        self._open: dict[tuple[int, int], list[Any] | None] = {}

    def record(self, r: Any) -> None:
        out = self.render(r)
        if out is None or (self.lid is not None and r.lid != self.lid):
            return
        if not self.windowed:
            self.emit(r, out)
            return
        key = (r.pid, r.lid)
        if r.type == KTR_SYSCALL:
            name = self.name_of()
            if self.syscalls is not None and name not in self.syscalls:
                self._open[key] = _DROP
            elif self.errors_only:
                self._open[key] = [(r, out)]
            else:
                self._open[key] = None
                self.emit(r, out)
            return
        if key not in self._open:
            if r.type != KTR_SYSRET:
                return                      # outside any call
            name = self.name_of()
            if (self.syscalls is None or name in self.syscalls) and \
                    (not self.errors_only or self.failed()):
                self.emit(r, out)
            return
        held = self._open[key]
        if r.type == KTR_SYSRET:
            del self._open[key]
            if held is None:
                self.emit(r, out)
            elif held is not _DROP and self.failed():
                for rr, o in held:
                    self.emit(rr, o)
                self.emit(r, out)
            return
        if held is None:
            self.emit(r, out)
        elif held is not _DROP:
            if self.errors_only and r.type == KTR_GENIO:
                # data moved: the call succeeded (a GIO record is written
                # only then), so its window goes now, not at its RET: one
                # huge write is not held
                self._open[key] = _DROP
                return
            held.append((r, out))
