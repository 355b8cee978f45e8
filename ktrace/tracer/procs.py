"""Per-process and per-thread tracer state, and what /proc tells about them.

NetBSD keeps trace state on ``struct proc`` (``p_traceflag``, ``p_emul``,
``p_comm``) and the in-flight call on the LWP; pyktrace mirrors that split:
:class:`Proc` holds the emulation name, the process name written in every
header (read at attach and after exec, never per stop), the memory reader and
the signal dispositions; :class:`Thread` holds the call between its entry and
exit stops, a RET held back to resolve a restart, and a park deadline.
"""

from __future__ import annotations

import os
import struct

from ktrace.tracer.points import Call, needed
from ktrace.tracer.ptrace import AUDIT_ARCH_X86_64, Memory

SIG_DFL = 0
SIG_IGN = 1
SA_RESTART = 0x10000000


class Proc:
    """One traced process (thread group)."""

    __slots__ = ("tgid", "comm", "emul", "mem", "threads", "handlers",
                 "filtered", "started", "emul_due", "killed_noted",
                 "handlers_unknown", "silent", "options_after_exec",
                 "fork_ret_due",
                 "points", "inherit", "syscall_stops", "releasing")

    def __init__(self, tgid: int, *, filtered: bool = False,
                 started: bool = True) -> None:
        self.tgid = tgid
        self.comm = read_comm(tgid)
        self.emul = elf_emul(tgid)
        self.mem = Memory(tgid)
        self.threads: set[int] = set()
        #: Linux signo -> (handler address, sa_flags), as followed from
        #: rt_sigaction; absent means "ask /proc" (not yet seen)
        self.handlers: dict[int, tuple[int, int]] = {}
        #: a seccomp filter is installed: never detach (design §5)
        self.filtered = filtered
        #: records flow (a spawned command starts at its first execve)
        self.started = started
        #: an EMUL record is owed before this process's next record
        self.emul_due = True
        #: a forked child: the RET of the fork it returns from is owed after
        #: that EMUL (NetBSD's ``child_return`` writes it)
        self.fork_ret_due = False
        self.killed_noted = False
        #: attached while running: ask the process for its handlers (-p/-g)
        self.handlers_unknown = False
        #: a filtered command's child followed without -i: never recorded,
        #: only kept going (it cannot be detached, design §5)
        self.silent = False
        #: a spawned command is seized with PTRACE_O_EXITKILL until its exec
        #: (until then it is a copy of pyktrace, which must not outlive it
        #: stopped); these are the options it keeps afterwards
        self.options_after_exec: int | None = None
        #: its trace points (``p_traceflag``), -i, and whether they need a
        #: stop at every call (else PTRACE_CONT between events)
        self.points = 0
        self.inherit = False
        self.syscall_stops = False
        #: being let go (a clear): a thread it gains meanwhile is let go too
        self.releasing = False

    def set_points(self, points: int, inherit: bool) -> None:
        self.points = points
        self.inherit = inherit
        self.syscall_stops = bool(needed(points, AUDIT_ARCH_X86_64))

    def after_exec(self) -> None:
        """An exec replaced the image: new name, emulation, address space;
        caught signals revert to SIG_DFL, ignored ones stay ignored."""
        self.comm = read_comm(self.tgid)
        self.emul = elf_emul(self.tgid)
        self.mem.close()
        self.handlers = {s: h for s, h in self.handlers.items() if h[0] == SIG_IGN}


class Thread:
    """One traced thread (LWP)."""

    __slots__ = ("tid", "proc", "call", "args", "arch", "held", "park",
                 "backlog", "exec_args", "sigaction")

    def __init__(self, tid: int, proc: Proc) -> None:
        self.tid = tid
        self.proc = proc
        self.call: Call | None = None      # between entry and exit stops
        self.args: tuple = ()
        self.arch = 0
        #: (Call, raw rval) of a RET held until restart or EINTR is known
        self.held: tuple[Call, int] | None = None
        #: monotonic deadline while the writer makes this thread wait
        self.park: float | None = None
        #: records of a stop not yet queued when the writer said PARK:
        #: (lid, ns, type, payload), queued before the thread may go on
        self.backlog: list[tuple[int, int, int, bytes]] = []
        self.exec_args: tuple[bytes, bytes] | None = None
        self.sigaction: tuple[int, int, int] | None = None


def read_comm(pid: int) -> bytes:
    """The process name (``p_comm``), at most 16 bytes."""
    try:
        with open(f"/proc/{pid}/comm", "rb") as f:
            return f.read().rstrip(b"\n")[:16]
    except OSError:
        return b""


def status_fields(tid: int, *keys: bytes) -> dict[bytes, bytes]:
    """The first word of each ``Key:`` line asked for in ``/proc/TID/status``
    (an empty dict when the task is gone)."""
    out: dict[bytes, bytes] = {}
    try:
        with open(f"/proc/{tid}/status", "rb") as f:
            for line in f:
                key = line.split(b":", 1)[0]
                if key in keys:
                    out[key] = line.split()[1]
                    if len(out) == len(keys):
                        break
    except OSError:
        pass
    return out


def read_tgid(tid: int) -> int | None:
    tgid = status_fields(tid, b"Tgid").get(b"Tgid")
    return int(tgid) if tgid is not None else None


def read_tracer(tid: int) -> int:
    """The pid tracing ``tid`` (``TracerPid``; 0: none, or gone)."""
    return int(status_fields(tid, b"TracerPid").get(b"TracerPid", 0))


def read_ppid(tid: int) -> int | None:
    ppid = status_fields(tid, b"PPid").get(b"PPid")
    return int(ppid) if ppid is not None else None


def is_zombie(tid: int) -> bool:
    """Has the task exited (zombie, or gone altogether)?"""
    return status_fields(tid, b"State").get(b"State", b"X") in (b"Z", b"X")


def has_seccomp_filter(tid: int) -> bool:
    """Does the thread run under a seccomp filter (``Seccomp: 2``)?"""
    return status_fields(tid, b"Seccomp").get(b"Seccomp") == b"2"


def signal_state(tid: int) -> dict[bytes, int]:
    """SigBlk/SigIgn/SigCgt of a thread, as 64-bit masks (bit n-1 = signal n)."""
    return {k: int(v, 16) for k, v in
            status_fields(tid, b"SigBlk", b"SigIgn", b"SigCgt").items()}


def _exe_header(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/exe", "rb") as f:
            return f.read(64)
    except OSError:
        return b""


def elf_emul(pid: int) -> bytes:
    """``linux`` for a 64-bit ELF image, ``linux32`` for a 32-bit one (design §4)."""
    head = _exe_header(pid)
    return b"linux32" if head[:4] == b"\x7fELF" and head[4] == 1 else b"linux"


def elf_interp(pid: int) -> bytes | None:
    """The ``PT_INTERP`` path of the process's executable, if it has one."""
    try:
        with open(f"/proc/{pid}/exe", "rb") as f:
            head = f.read(64)
            if head[:4] != b"\x7fELF":
                return None
            is64 = head[4] == 2
            end = "<" if head[5] == 1 else ">"
            if is64:
                phoff, = struct.unpack_from(end + "Q", head, 32)
                phentsize, phnum = struct.unpack_from(end + "HH", head, 54)
                ph = struct.Struct(end + "IIQQQQQQ")
            else:
                phoff, = struct.unpack_from(end + "I", head, 28)
                phentsize, phnum = struct.unpack_from(end + "HH", head, 42)
                ph = struct.Struct(end + "IIIIIIII")
            f.seek(phoff)
            table = f.read(phentsize * phnum)
            for i in range(phnum):
                fields = ph.unpack_from(table, i * phentsize)
                if fields[0] == 3:       # PT_INTERP
                    offset, size = (fields[2], fields[6]) if is64 else (fields[1], fields[4])
                    f.seek(offset)
                    return f.read(size).split(b"\0", 1)[0]
    except (OSError, struct.error):
        pass
    return None


# NetBSD's file types (sys/file.h DTYPE_*) for KTR_EXEC_FD records
DTYPE_VNODE, DTYPE_SOCKET, DTYPE_PIPE, DTYPE_KQUEUE, DTYPE_MISC = 1, 2, 3, 4, 5
DTYPE_MQUEUE, DTYPE_EVENTFD, DTYPE_TIMERFD = 7, 9, 10
#: Linux anon_inode kinds with a NetBSD type of their own
_ANON_DTYPE = {"anon_inode:[eventpoll]": DTYPE_KQUEUE,
               "anon_inode:[eventfd]": DTYPE_EVENTFD,
               "anon_inode:[timerfd]": DTYPE_TIMERFD}


def open_fds(pid: int) -> list[tuple[int, int]]:
    """``(fd, NetBSD dtype)`` of every open descriptor, as ``fd_ktrexecfd`` lists."""
    base = f"/proc/{pid}/fd"
    try:
        names = os.listdir(base)
    except OSError:
        return []
    out = []
    for name in names:
        try:
            target = os.readlink(f"{base}/{name}")
        except OSError:
            continue
        if target.startswith("pipe:"):
            dtype = DTYPE_PIPE
        elif target.startswith("socket:"):
            dtype = DTYPE_SOCKET
        elif target.startswith("anon_inode:"):
            dtype = _ANON_DTYPE.get(target, DTYPE_MISC)
        elif target.startswith("/dev/mqueue/"):
            dtype = DTYPE_MQUEUE
        else:
            dtype = DTYPE_VNODE
        out.append((int(name), dtype))
    out.sort()
    return out
