"""Emulation contexts as kdump's ``setemul.c`` keeps them.

kdump starts from the ``-e`` emulation (default ``netbsd``), switches a
pid's emulation at each EMUL record and forgets it at ``exit``/
``exit_group``.  It also keeps two globals that leak across pids, and the
output depends on them: ``cur_emul`` (set from the record's pid before
each record, then changed by an EMUL record) and ``prev_emul`` (the
emulation before the last switch, used to name the syscall of the RET that
follows an EMUL record -- "to get system call name right in execve
return").  :class:`EmulContext` keeps exactly that state.

The tables themselves come from :mod:`ktrace.emul`; :class:`View` is what
one face needs of an emulation: its syscall names, whether arguments print
as 32-bit values, its errno and signal translation.
"""

from __future__ import annotations

import sys
from collections import namedtuple
from collections.abc import Callable
from functools import cache

TYPE_CHECKING = False
if TYPE_CHECKING:                  # typing costs start-up; annotations are lazy
    from ktrace.emul import Emulation

LINUX_NAMES = ("linux", "linux32")


class View(namedtuple("View", "name sysnames arg32 linux linux_face tables")):
    """One emulation as one face prints it (a namedtuple: a dataclass costs
    start-up).

    ``name``; ``sysnames``: syscall code -> name as this face prints it
    (absent: ``[N]``); ``arg32``: NetBSD's EMUL_FLAG_NETBSD32, output_long()
    prints ``(u_int)`` values; ``linux``: Linux errno / signal numbering
    (``linux``, ``linux32``); ``linux_face``: the default face's Linux
    truths instead of NetBSD's compat tables; ``tables``: the
    :class:`~ktrace.emul.Emulation` (``eprint``, ``signame``).
    """

    __slots__ = ()
    name: str
    sysnames: dict[int, str]
    arg32: bool
    linux: bool
    linux_face: bool
    tables: Emulation


@cache
def view(name: str, netbsd_face: bool) -> View | None:
    """The :class:`View` of emulation ``name``, or None when unknown."""
    from ktrace.emul import find_emulation
    e = find_emulation(name)
    if e is None:
        return None
    linux = name in LINUX_NAMES
    linux_face = linux and not netbsd_face and e.linux_names is not None
    names = dict(e.linux_names) if linux_face else dict(enumerate(e.netbsd_names))
    return View(name, names, e.arg_hex, linux, linux_face, e)


class EmulContext:
    """``cur_emul``, ``prev_emul`` and the per-pid contexts of setemul.c."""

    def __init__(self, default: str, netbsd_face: bool,
                 warn: Callable[[str], None] | None = None) -> None:
        self._netbsd_face = netbsd_face
        self._warn = warn or (lambda msg: print(msg, file=sys.stderr))
        self._ctx: dict[int, View] = {}
        self.default = view("netbsd", netbsd_face)
        if self.default is None:
            raise RuntimeError("ktrace.emul has no netbsd emulation")
        self.cur = self.prev = self.default
        #: set by an EMUL record, cleared by the next CALL or RET
        self.changed = False
        self.set(default, 0, update=False)
        self.prev = self.cur        # setemul() with no cur_emul yet

    def set(self, name: str, pid: int, update: bool = True) -> None:
        """``setemul(name, pid, update_ectx)``."""
        match = view(name, self._netbsd_face)
        if match is None:
            self._warn(f"Emulation `{name}' unknown")
            return
        if update:
            self._ctx[pid] = match
        else:
            self.default = match
        self.prev = self.cur
        self.cur = match

    def sanify(self, pid: int) -> None:
        """``ectx_sanify``: make the pid's emulation current."""
        self.cur = self._ctx.get(pid, self.default)

    def delete(self, pid: int) -> None:
        """``ectx_delete``: the pid exits; it falls back to the default."""
        self._ctx.pop(pid, None)


def known_syscall_names() -> frozenset[str]:
    """Every name a CALL or RET can be printed with, in either face: each
    emulation's NetBSD table and Linux's own names, and the Mach traps of
    old i386 traces (what ``--syscall`` may select)."""
    from ktrace.emul import find_emulation
    from ktrace.dump import _mach_names as mach
    names: set[str] = set()
    for name in ("netbsd", "linux", "linux32"):
        e = find_emulation(name)
        if e is not None:
            names.update(e.netbsd_names)
            names.update((e.linux_names or {}).values())
    names.update(mach.MACH_SYSCALLNAMES, mach.MACH_PPCCALLS_SYSCALLNAMES,
                 mach.MACH_FASTTRAPS_SYSCALLNAMES)
    return frozenset(names)
