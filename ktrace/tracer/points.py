"""What each Linux system call means to the trace points.

For every call number of each tracee architecture: its name, its argument
count (python-ptrace's prototypes; 6 when unknown, as the design says), the
arguments holding paths the kernel looks up (NAMI records), and how it moves
data (GIO records).  Built once per architecture at start-up, so the stop loop
does one dict lookup per call.
"""

from __future__ import annotations

import os
from functools import cache
from importlib.machinery import PathFinder, SourceFileLoader

from ktrace.format import (
    KTRFAC_EXEC_ARG, KTRFAC_EXEC_ENV, KTRFAC_GENIO, KTRFAC_NAMEI, KTRFAC_PSIG,
    KTRFAC_SYSCALL, KTRFAC_SYSRET, KTRFAC_USER, UIO_READ, UIO_WRITE)
from ktrace import linux_names
from ktrace.tracer.ptrace import AUDIT_ARCH_I386, AUDIT_ARCH_X86_64


def _ptrace_data(relpath: str, name: str):
    """One of python-ptrace's pure-data modules, loaded without the package's
    ``__init__`` (logging, sockets, ctypes bindings: ~14 ms of pyktrace's
    start-up for one dict).  Its code object (the byte-code cache is used as
    usual) runs in a plain namespace: ``importlib.util``'s module machinery
    would cost ~3 ms of start-up for nothing."""
    spec = PathFinder.find_spec("ptrace")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("python-ptrace is not installed")
    path = os.path.join(spec.submodule_search_locations[0], relpath)
    modname = f"_pyktrace_{relpath.replace('/', '_')[:-3]}"
    namespace = {"__name__": modname, "__file__": path}
    exec(SourceFileLoader(modname, path).get_code(modname), namespace)
    return namespace[name]


@cache
def _prototypes() -> dict:
    """python-ptrace's prototypes, loaded at the first call described."""
    return _ptrace_data("syscall/prototypes.py", "SYSCALL_PROTOTYPES")

# I/O kinds
IO_NONE = 0
IO_BUF = 1        # (fd, buf, count, ...): the first retval bytes of buf
IO_IOV = 2        # (fd, iov, iovcnt, ...): retval bytes across the iovecs
IO_MSG = 3        # (fd, msghdr, flags): retval bytes across msg_iov
IO_MMSG = 4       # (fd, mmsghdr[], vlen, ...): msg_len bytes per message

# special handling
K_NONE = 0
K_EXEC = 1        # execve / execveat: ARG, ENV, FD, EMUL, NAMI of PT_INTERP
K_SIGACTION = 2   # rt_sigaction: follow the dispositions (PSIG handler address)
K_RESTART = 3     # restart_syscall: a held RET resolves to ERESTART
K_SOCKADDR = 4    # bind/connect: NAMI for an AF_UNIX path
K_SIGRETURN = 5   # rt_sigreturn / sigreturn: RET is EJUSTRETURN, as NetBSD's

# i386 calls newer than python-ptrace's table (arch/x86/entry/syscalls/syscall_32.tbl)
_NARGS = {
    "rt_sigreturn": 0, "sigreturn": 0, "restart_syscall": 0,
    "arch_prctl": 2, "umount2": 2, "preadv2": 6, "pwritev2": 6,
    "modify_ldt": 3, "set_thread_area": 1, "get_thread_area": 1,
    "rseq": 4, "pkey_mprotect": 4, "pkey_alloc": 2, "pkey_free": 1,
    "pidfd_send_signal": 4, "pidfd_open": 2, "pidfd_getfd": 3,
    "clone3": 2, "close_range": 3, "openat2": 4, "faccessat2": 4,
    "io_uring_setup": 2, "io_uring_enter": 6, "io_uring_register": 4,
    "open_tree": 3, "move_mount": 5, "fsopen": 2, "fsconfig": 5,
    "fsmount": 3, "fspick": 3, "process_madvise": 5, "fchmodat2": 4,
    "statx": 5, "copy_file_range": 6, "memfd_create": 2, "getrandom": 3,
    "execveat": 5, "renameat2": 5, "socket": 3, "socketpair": 4, "bind": 3,
    "connect": 3, "listen": 2, "accept4": 4, "getsockopt": 5,
    "setsockopt": 5, "getsockname": 3, "getpeername": 3, "sendto": 6,
    "sendmsg": 3, "recvfrom": 6, "recvmsg": 3, "shutdown": 2,
    "recvmmsg": 5, "sendmmsg": 4, "clock_gettime64": 2,
    "utimensat_time64": 4, "futex_time64": 6, "epoll_pwait2": 6,
}

# Path arguments by argument name (python-ptrace prototypes), and the calls
# whose same-named arguments are not looked up.
_PATH_ARG_NAMES = {"filename", "pathname", "path", "oldname", "newname",
                   "new", "old", "dir_name", "new_root", "put_old",
                   "specialfile", "special", "library"}
_NOT_PATHS = {
    "getcwd", "__getcwd", "symlink:old", "symlinkat:oldname",
}
# paths of calls without (usable) prototypes: name -> argument indices
_PATHS = {
    "umount2": (0,), "umount": (0,), "acct": (0,), "openat2": (1,),
    "faccessat2": (1,), "statx": (1,), "execveat": (1,), "renameat2": (1, 3),
    "open_tree": (1,), "fspick": (1,), "move_mount": (1, 3),
    "fchmodat2": (1,), "utimensat_time64": (1,), "name_to_handle_at": (1,),
}
# index of the flags argument that may carry AT_EMPTY_PATH
_EMPTY_FLAG = {
    "execveat": 4, "fchownat": 4, "linkat": 4, "newfstatat": 3,
    "fstatat64": 3, "statx": 2, "name_to_handle_at": 4, "open_tree": 2,
    "fspick": 2, "move_mount": 4, "fchmodat2": 3, "utimensat": 3,
    "utimensat_time64": 3,
}
AT_EMPTY_PATH = 0x1000

_IO = {
    "read": (IO_BUF, UIO_READ), "pread64": (IO_BUF, UIO_READ),
    "recvfrom": (IO_BUF, UIO_READ), "recv": (IO_BUF, UIO_READ),
    "write": (IO_BUF, UIO_WRITE), "pwrite64": (IO_BUF, UIO_WRITE),
    "sendto": (IO_BUF, UIO_WRITE), "send": (IO_BUF, UIO_WRITE),
    "readv": (IO_IOV, UIO_READ), "preadv": (IO_IOV, UIO_READ),
    "preadv2": (IO_IOV, UIO_READ),
    "writev": (IO_IOV, UIO_WRITE), "pwritev": (IO_IOV, UIO_WRITE),
    "pwritev2": (IO_IOV, UIO_WRITE),
    "recvmsg": (IO_MSG, UIO_READ), "sendmsg": (IO_MSG, UIO_WRITE),
    "recvmmsg": (IO_MMSG, UIO_READ), "recvmmsg_time64": (IO_MMSG, UIO_READ),
    "sendmmsg": (IO_MMSG, UIO_WRITE),
}
_KIND = {
    "execve": K_EXEC, "execveat": K_EXEC, "rt_sigaction": K_SIGACTION,
    "restart_syscall": K_RESTART, "bind": K_SOCKADDR, "connect": K_SOCKADDR,
    "rt_sigreturn": K_SIGRETURN, "sigreturn": K_SIGRETURN,
}


class Call:
    """One system call as the trace points see it (a plain slotted class:
    ``dataclasses`` would cost pyktrace's start-up 5 ms of ``inspect``)."""

    __slots__ = ("nr", "name", "nargs", "paths", "empty_flag", "io", "rw", "kind")

    def __init__(self, nr: int, name: str, nargs: int, paths: tuple[int, ...] = (),
                 empty_flag: int = -1, io: int = IO_NONE, rw: int = UIO_READ,
                 kind: int = K_NONE) -> None:
        self.nr = nr
        self.name = name
        self.nargs = nargs
        self.paths = paths
        self.empty_flag = empty_flag
        self.io = io
        self.rw = rw
        self.kind = kind

    def __repr__(self) -> str:
        return f"Call({self.nr}, {self.name!r}, nargs={self.nargs})"


def _describe(nr: int, name: str) -> Call:
    proto = _prototypes().get(name)
    if name in _NARGS:
        nargs = _NARGS[name]
    elif proto is not None:
        nargs = len(proto[1])
    else:
        nargs = 6
    if name in _PATHS:
        paths = _PATHS[name]
    elif proto is not None and name not in _NOT_PATHS:
        paths = tuple(
            i for i, (ctype, arg) in enumerate(proto[1])
            if ctype in ("const char *", "char *") and arg in _PATH_ARG_NAMES
            and f"{name}:{arg}" not in _NOT_PATHS)
    else:
        paths = ()
    io, rw = _IO.get(name, (IO_NONE, UIO_READ))
    return Call(nr, name, nargs, paths, _EMPTY_FLAG.get(name, -1), io, rw,
                _KIND.get(name, K_NONE))


def _names(arch: int) -> dict[int, str]:
    if arch == AUDIT_ARCH_X86_64:
        return linux_names.X86_64
    if arch == AUDIT_ARCH_I386:
        return linux_names.I386
    return {}


@cache
def table(arch: int) -> dict[int, Call]:
    """Call descriptions by number for an ``AUDIT_ARCH_*`` value."""
    return {nr: _describe(nr, name) for nr, name in _names(arch).items()}


class Calls(dict):
    """``calls[nr]``: the :class:`Call` of one architecture's number ``nr``,
    described on first use (an unknown number gets :func:`unknown`).

    The stop loop looks calls up here rather than in :func:`table`, so a
    start-up describes the few dozen calls a program makes, not all ~450
    of both architectures (~2 ms).
    """

    def __init__(self, arch: int) -> None:
        super().__init__()
        self.names = _names(arch)

    def __missing__(self, nr: int) -> Call:
        name = self.names.get(nr)
        call = _describe(nr, name) if name is not None else unknown(nr)
        self[nr] = call
        return call


@cache
def calls(arch: int) -> Calls:
    """The lazily described calls of ``arch`` (one shared :class:`Calls`)."""
    return Calls(arch)


def unknown(nr: int) -> Call:
    """A call missing from the tables: six arguments, nothing else known."""
    return Call(nr, f"#{nr}", 6)


def every_call(points: int) -> bool:
    """Does the ``-t`` set need a stop at every call (no seccomp filter)?"""
    return bool(points & (KTRFAC_SYSCALL | KTRFAC_SYSRET))


def numbers(arch: int, pred) -> frozenset[int]:
    """The call numbers of ``arch`` whose :class:`Call` satisfies ``pred``."""
    return frozenset(nr for nr, call in table(arch).items() if pred(call))


def needed(points: int, arch: int) -> frozenset[int]:
    """The calls the ``-t`` set needs to see (the seccomp filter's list).

    With ``c`` every call; otherwise paths (``n``), I/O (``i``), socket
    messages (``u``), ``rt_sigaction`` for PSIG handler addresses (``s``),
    and exec for ARG/ENV (``a``/``v``).  Empty: no call stops at all (EMUL
    and FD come from the exec event).
    """
    if every_call(points):
        return frozenset(_names(arch))

    def wanted(call: Call) -> bool:
        return bool(
            (points & KTRFAC_NAMEI and (call.paths or call.kind in (K_SOCKADDR, K_EXEC)))
            or (points & KTRFAC_GENIO and call.io)
            or (points & KTRFAC_USER and call.io in (IO_MSG, IO_MMSG))
            or (points & KTRFAC_PSIG and call.kind == K_SIGACTION)
            or (points & (KTRFAC_EXEC_ARG | KTRFAC_EXEC_ENV) and call.kind == K_EXEC))
    return numbers(arch, wanted)
