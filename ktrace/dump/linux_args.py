"""``--decode``: the Linux arguments strace decodes with code of their own
rather than its tables (``linux_calls``): ``futex`` (which arguments an
operation uses, and its names), ``clone`` (named arguments, its flags with
the exit signal last), and file modes in octal.  The rules follow strace's
``futex.c``, ``clone.c`` and ``print_numeric_umode_t``; the code is ours."""

from __future__ import annotations

from collections.abc import Callable


FUTEX_PRIVATE_FLAG = 128
FUTEX_CLOCK_REALTIME = 256
FUTEX_BITSET_MATCH_ANY = 0xFFFFFFFF
_FUTEX_CMDS = ("FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE",
               "FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP", "FUTEX_LOCK_PI",
               "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI", "FUTEX_WAIT_BITSET",
               "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI",
               "FUTEX_CMP_REQUEUE_PI", "FUTEX_LOCK_PI2")
_WAKE_OPS = ("FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR", "FUTEX_OP_ANDN",
             "FUTEX_OP_XOR")
_WAKE_CMPS = ("FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT",
              "FUTEX_OP_CMP_LE", "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE")
#: the commands strace names with FUTEX_CLOCK_REALTIME (the waits)
_CLOCK_CMDS = {0, 9, 11}
#: what each futex command shows after uaddr and futex_op
_FUTEX_SHOWS = {
    0: ("val", "timeout"), 1: ("val",), 2: ("val",),
    3: ("val", "val2", "uaddr2"), 4: ("val", "val2", "uaddr2", "val3"),
    5: ("val", "val2", "uaddr2", "wakeop"), 6: ("timeout",), 7: (), 8: (),
    9: ("val", "timeout", "bitset"), 10: ("val", "bitset"),
    11: ("val", "timeout", "uaddr2"), 12: ("val", "val2", "uaddr2", "val3"),
    13: ("timeout",),
}


def umode(mode: int) -> str:
    """A file mode as strace prints a numeric ``umode_t``: ``%#03o``."""
    return ("0%o" % mode if mode else "0").rjust(3, "0")


_IFMT = {0o140000: "S_IFSOCK", 0o120000: "S_IFLNK", 0o100000: "S_IFREG",
         0o60000: "S_IFBLK", 0o40000: "S_IFDIR", 0o20000: "S_IFCHR",
         0o10000: "S_IFIFO"}


def file_mode(name: str, mode: int) -> str:
    """A ``umode_t`` argument: ``mknod``'s with its file type, as strace's
    ``print_symbolic_mode_t`` (``S_IFCHR|0600``), the others in octal."""
    mode &= 0xFFFFFFFF
    if name in ("mknod", "mknodat") and mode & 0o170000 in _IFMT:
        return _IFMT[mode & 0o170000] + "|" + umode(mode & ~0o170000)
    return umode(mode)


def hex_c(v: int) -> str:
    """C's ``%#x``: ``0`` for zero, where Python writes ``0x0``."""
    return "%#x" % v if v else "0"


def futex_op(op: int) -> str:
    """``FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME``: the names of
    strace's ``futexops`` table (FUTEX_CLOCK_REALTIME only with the waits
    that take it); any other value as strace shows it,
    ``0x401 /* FUTEX_??? */``."""
    cmd = op & 127
    if cmd >= len(_FUTEX_CMDS) or op & ~(127 | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME) \
            or (op & FUTEX_CLOCK_REALTIME and cmd not in _CLOCK_CMDS):
        return "%#x /* FUTEX_??? */" % op
    name = _FUTEX_CMDS[cmd]
    if op & FUTEX_PRIVATE_FLAG:
        name += "|FUTEX_PRIVATE_FLAG" if cmd == 2 else "_PRIVATE"
    return name + ("|FUTEX_CLOCK_REALTIME" if op & FUTEX_CLOCK_REALTIME else "")


def _wake_op(v: int) -> str:
    """FUTEX_WAKE_OP's encoded operation, strace's shifts spelled out."""
    parts = []
    if v >> 28 & 8:
        parts.append("FUTEX_OP_OPARG_SHIFT<<28")
    op, cmp = v >> 28 & 7, v >> 24 & 15
    parts.append(_WAKE_OPS[op] + "<<28" if op < len(_WAKE_OPS)
                 else "%d<<28 /* FUTEX_OP_??? */" % op)
    parts.append("%s<<12" % hex_c(v >> 12 & 0xFFF))
    parts.append(_WAKE_CMPS[cmp] + "<<24" if cmp < len(_WAKE_CMPS)
                 else "%d<<24 /* FUTEX_OP_CMP_??? */" % cmp)
    parts.append(hex_c(v & 0xFFF))
    return "|".join(parts)


def futex_args(args: list[int], ptr: Callable[[int], str]) -> list[str]:
    """``futex``'s arguments as strace shows them: the ones the command
    uses, ``timeout`` and the addresses as pointers (a trace holds no
    timespec), counts unsigned."""
    a = list(args) + [0] * (6 - len(args))
    op = a[1] & 0xFFFFFFFF
    shows = _FUTEX_SHOWS.get(op & 127, ("val", "timeout", "uaddr2", "val3*"))
    value = {
        "val": str(a[2] & 0xFFFFFFFF), "val2": str(a[3] & 0xFFFFFFFF),
        "timeout": ptr(a[3]), "uaddr2": ptr(a[4]),
        "val3": str(a[5] & 0xFFFFFFFF), "val3*": hex_c(a[5] & 0xFFFFFFFF),
        "wakeop": _wake_op(a[5] & 0xFFFFFFFF),
        "bitset": ("FUTEX_BITSET_MATCH_ANY"
                   if a[5] & 0xFFFFFFFF == FUTEX_BITSET_MATCH_ANY
                   else hex_c(a[5] & 0xFFFFFFFF)),
    }
    return [ptr(a[0]), futex_op(op)] + [value[s] for s in shows]


_CLONE_FLAGS = (
    (0x100, "CLONE_VM"), (0x200, "CLONE_FS"), (0x400, "CLONE_FILES"),
    (0x800, "CLONE_SIGHAND"), (0x1000, "CLONE_PIDFD"),
    (0x2000, "CLONE_PTRACE"), (0x4000, "CLONE_VFORK"),
    (0x8000, "CLONE_PARENT"), (0x10000, "CLONE_THREAD"),
    (0x20000, "CLONE_NEWNS"), (0x40000, "CLONE_SYSVSEM"),
    (0x80000, "CLONE_SETTLS"), (0x100000, "CLONE_PARENT_SETTID"),
    (0x200000, "CLONE_CHILD_CLEARTID"), (0x400000, "CLONE_DETACHED"),
    (0x800000, "CLONE_UNTRACED"), (0x1000000, "CLONE_CHILD_SETTID"),
    (0x2000000, "CLONE_NEWCGROUP"), (0x4000000, "CLONE_NEWUTS"),
    (0x8000000, "CLONE_NEWIPC"), (0x10000000, "CLONE_NEWUSER"),
    (0x20000000, "CLONE_NEWPID"), (0x40000000, "CLONE_NEWNET"),
    (0x80000000, "CLONE_IO"))
_CSIGNAL = 0xFF


def clone_args(args: list[int], i386: bool, ptr: Callable[[int], str],
               signame: Callable[[int], str]) -> list[str]:
    """``clone``'s arguments as strace shows them: ``child_stack=``,
    ``flags=`` (``CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD``), then
    only the pointers the flags use; an i386 process passes ``tls`` before
    ``child_tidptr``.  ``parent_tid`` is its address (a trace holds no
    memory to show the tid written there)."""
    a = list(args) + [0] * (5 - len(args))
    flags, sig = a[0] & ~_CSIGNAL, a[0] & _CSIGNAL
    names, rest = [], flags
    for bit, name in _CLONE_FLAGS:
        if rest & bit:
            names.append(name)
            rest &= ~bit
    if rest:
        names.append("%#x /* CLONE_??? */" % rest)
    if sig or not names:
        names.append(signame(sig))
    shown = ["child_stack=" + ptr(a[1]), "flags=" + "|".join(names)]
    ctid, tls = (a[4], a[3]) if i386 else (a[3], a[4])
    if flags & (0x100000 | 0x1000):
        shown.append("parent_tid=" + ptr(a[2]))
    if flags & 0x80000:
        shown.append("tls=" + ptr(tls))
    if flags & (0x1000000 | 0x200000):
        shown.append("child_tidptr=" + ptr(ctid))
    return shown
