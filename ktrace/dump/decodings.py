"""The constants behind kdump's special argument decodings.

kdump.c 1.140.2.2 names the ``fcntl`` command, ``{set,get}sockopt`` level
and option, the ``futex`` op, ``mprotect``/``mmap`` protections and
``mmap`` flags (``snprintb`` with ``MAP_FMT`` from ``sys/mman.h``), and
``ptrace`` requests; all revisions decode ``ioctl`` requests.  The values
here are NetBSD's (``sys/fcntl.h``, ``sys/socket.h``, ``netinet/in.h``,
``netinet/tcp.h``, ``sys/futex.h``, ``sys/mman.h``, ``sys/ptrace.h``),
which is what NetBSD's kdump applies even to Linux-emulation records.

The default face shows Linux processes with Linux's values instead
(``LINUX_FCNTL``, Linux ``ioctl`` direction bits, Linux ``mmap`` flags);
where only NetBSD's table exists (socket options) it prints numbers.
"""

from __future__ import annotations


def hexl(v: int) -> str:
    """C's ``%#x``/``%#lx``: no ``0x`` prefix for zero."""
    return "0x%x" % v if v else "0"


NETBSD_FCNTL = {
    0: "F_DUPFD", 1: "F_GETFD", 2: "F_SETFD", 3: "F_GETFL", 4: "F_SETFL",
    5: "F_GETOWN", 6: "F_SETOWN", 7: "F_GETLK", 8: "F_SETLK", 9: "F_SETLKW",
    10: "F_CLOSEM", 11: "F_MAXFD", 12: "F_DUPFD_CLOEXEC",
    13: "F_GETNOSIGPIPE", 14: "F_SETNOSIGPIPE",
}

LINUX_FCNTL = {
    0: "F_DUPFD", 1: "F_GETFD", 2: "F_SETFD", 3: "F_GETFL", 4: "F_SETFL",
    5: "F_GETLK", 6: "F_SETLK", 7: "F_SETLKW", 8: "F_SETOWN", 9: "F_GETOWN",
    10: "F_SETSIG", 11: "F_GETSIG", 15: "F_SETOWN_EX", 16: "F_GETOWN_EX",
    36: "F_OFD_GETLK", 37: "F_OFD_SETLK", 38: "F_OFD_SETLKW",
    1024: "F_SETLEASE", 1025: "F_GETLEASE", 1026: "F_NOTIFY",
    1030: "F_DUPFD_CLOEXEC", 1031: "F_SETPIPE_SZ", 1032: "F_GETPIPE_SZ",
    1033: "F_ADD_SEALS", 1034: "F_GET_SEALS",
}

SOL_SOCKET = 0xFFFF
IPPROTO_IP, IPPROTO_TCP = 0, 6

#: sockproto(): the case order of kdump.c (the first match wins)
SOCKPROTO = {
    0: "IPPROTO_IP", 1: "IPPROTO_ICMP", 2: "IPPROTO_IGMP", 3: "IPPROTO_GGP",
    4: "IPPROTO_IPIP", 6: "IPPROTO_TCP", 8: "IPPROTO_EGP", 12: "IPPROTO_PUP",
    17: "IPPROTO_UDP", 22: "IPPROTO_IDP", 29: "IPPROTO_TP",
    33: "IPPROTO_DCCP", 41: "IPPROTO_IPV6", 43: "IPPROTO_ROUTING",
    44: "IPPROTO_FRAGMENT", 46: "IPPROTO_RSVP", 47: "IPPROTO_GRE",
    50: "IPPROTO_ESP", 51: "IPPROTO_AH", 55: "IPPROTO_MOBILE",
    58: "IPPROTO_ICMPV6", 59: "IPPROTO_NONE", 60: "IPPROTO_DSTOPTS",
    80: "IPPROTO_EON", 97: "IPPROTO_ETHERIP", 98: "IPPROTO_ENCAP",
    103: "IPPROTO_PIM", 108: "IPPROTO_IPCOMP", 112: "IPPROTO_VRRP",
    115: "IPPROTO_L2TP", 132: "IPPROTO_SCTP", 240: "IPPROTO_PFSYNC",
    255: "IPPROTO_RAW", 256: "IPPROTO_MAX", 257: "IPPROTO_DONE",
    SOL_SOCKET: "SOL_SOCKET",
}

SOCKOPT = {
    0x0002: "SO_ACCEPTCONN", 0x1000: "SO_ACCEPTFILTER", 0x0020: "SO_BROADCAST",
    0x0001: "SO_DEBUG", 0x0010: "SO_DONTROUTE", 0x1007: "SO_ERROR",
    0x0008: "SO_KEEPALIVE", 0x0080: "SO_LINGER", 0x100A: "SO_NOHEADER",
    0x0800: "SO_NOSIGPIPE", 0x0100: "SO_OOBINLINE", 0x1009: "SO_OVERFLOWED",
    0x1002: "SO_RCVBUF", 0x1004: "SO_RCVLOWAT", 0x100C: "SO_RCVTIMEO",
    0x4000: "SO_RERROR", 0x0004: "SO_REUSEADDR", 0x0200: "SO_REUSEPORT",
    0x1001: "SO_SNDBUF", 0x1003: "SO_SNDLOWAT", 0x100B: "SO_SNDTIMEO",
    0x2000: "SO_TIMESTAMP", 0x1008: "SO_TYPE", 0x0040: "SO_USELOOPBACK",
}

TCPOPT = {
    1: "TCP_NODELAY", 2: "TCP_MAXSEG", 0x10: "TCP_MD5SIG", 3: "TCP_KEEPIDLE",
    5: "TCP_KEEPINTVL", 6: "TCP_KEEPCNT", 7: "TCP_KEEPINIT", 9: "TCP_INFO",
}

IPOPT = {
    1: "IP_OPTIONS", 2: "IP_HDRINCL", 3: "IP_TOS", 4: "IP_TTL",
    5: "IP_RECVOPTS", 6: "IP_RECVRETOPTS", 7: "IP_RECVDSTADDR",
    8: "IP_RETOPTS", 9: "IP_MULTICAST_IF", 10: "IP_MULTICAST_TTL",
    11: "IP_MULTICAST_LOOP", 12: "IP_ADD_MEMBERSHIP",
    13: "IP_DROP_MEMBERSHIP", 18: "IP_PORTALGO", 19: "IP_PORTRANGE",
    20: "IP_RECVIF", 21: "IP_ERRORMTU", 22: "IP_IPSEC_POLICY",
    23: "IP_RECVTTL", 24: "IP_MINTTL", 25: "IP_PKTINFO",
    26: "IP_RECVPKTINFO", 27: "IP_BINDANY",
}

SOCKOPT_BY_LEVEL = {SOL_SOCKET: SOCKOPT, IPPROTO_IP: IPOPT, IPPROTO_TCP: TCPOPT}

# sys/futex.h (the same numbers as Linux's)
FUTEX_PRIVATE_FLAG = 128
FUTEX_CLOCK_REALTIME = 256
FUTEX_CMD_MASK = ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)
FUTEX_OPS = {
    0: "FUTEX_WAIT", 1: "FUTEX_WAKE", 2: "FUTEX_FD", 3: "FUTEX_REQUEUE",
    4: "FUTEX_CMP_REQUEUE", 5: "FUTEX_WAKE_OP", 6: "FUTEX_LOCK_PI",
    7: "FUTEX_UNLOCK_PI", 8: "FUTEX_TRYLOCK_PI", 9: "FUTEX_WAIT_BITSET",
    10: "FUTEX_WAKE_BITSET", 11: "FUTEX_WAIT_REQUEUE_PI",
    12: "FUTEX_CMP_REQUEUE_PI",
}


def futexput(op: int, mask: int) -> str:
    """kdump's ``futexput``; ``op`` is the register as ``u_long``."""
    op &= mask
    name = FUTEX_OPS.get(op & FUTEX_CMD_MASK & mask)
    out = hexl(op & FUTEX_CMD_MASK & mask) if name is None else name
    op &= ~FUTEX_CMD_MASK & mask
    if op & FUTEX_PRIVATE_FLAG:
        out += "_PRIVATE"
        op &= ~FUTEX_PRIVATE_FLAG
    sep = ""
    if op & FUTEX_CLOCK_REALTIME:
        out += sep + "FUTEX_CLOCK_REALTIME"    # kdump's s is still ""
        op &= ~FUTEX_CLOCK_REALTIME
        sep = "|"
    if op:
        out += sep + hexl(op)
    return out


def putprot(pr: int, long_mask: int) -> str:
    """kdump's ``putprot``: ``pr`` is a C ``int``; leftover bits print
    as ``%#lx`` of ``(long)pr``."""
    pr = ((pr & 0xFFFFFFFF) ^ 0x80000000) - 0x80000000
    if pr == 0:
        return "PROT_NONE"
    out, sep = "", ""
    for bit, name in ((1, "PROT_READ"), (2, "PROT_WRITE"), (4, "PROT_EXEC")):
        if pr & bit:
            out += sep + name
            pr &= ~bit
            sep = "|"
    if pr:
        out += sep + hexl(pr & long_mask)
    return out


# sys/mman.h MAP_FMT for snprintb(3): bits, then fields with their values.
_MAP_BITS = ((0, "SHARED"), (1, "PRIVATE"), (2, "COPY"), (4, "FIXED"),
             (5, "RENAME"), (6, "NORESERVE"), (7, "INHERIT"),
             (9, "HASSEMAPHORE"), (10, "TRYFIXED"), (11, "WIRED"))
_MAP_ALIGN = {0: "ALIGN=NONE", 10: "ALIGN=1KB", 11: "ALIGN=2KB",
              12: "ALIGN=4KB", 13: "ALIGN=8KB", 14: "ALIGN=16KB",
              15: "ALIGN=32KB", 16: "ALIGN=64KB", 17: "ALIGN=128KB",
              18: "ALIGN=256KB", 19: "ALIGN=512KB", 20: "ALIGN=1MB",
              21: "ALIGN=2MB", 22: "ALIGN=4MB", 23: "ALIGN=8MB",
              24: "ALIGN=16MB", 28: "ALIGN=256MB", 32: "ALIGN=4GB",
              36: "ALIGN=64GB", 40: "ALIGN=1TB", 44: "ALIGN=16TB",
              48: "ALIGN=256TB", 52: "ALIGN=4PB", 56: "ALIGN=64PB",
              60: "ALIGN=256PB"}


def map_flags(val: int) -> str:
    """``snprintb(buf, sizeof(buf), MAP_FMT, flags)`` (``val`` as uint64)."""
    val &= 0xFFFFFFFFFFFFFFFF
    items = [name for bit, name in _MAP_BITS if val >> bit & 1]
    items.append("ANONYMOUS" if val >> 12 & 1 else "FILE")
    if val >> 13 & 1:
        items.append("STACK")
    align = val >> 24 & 0xFF
    items.append(_MAP_ALIGN.get(align, "ALIGN=2^%d" % align))
    return "%s<%s>" % (hexl(val), ",".join(items))


_LINUX_MAP = ((0x10, "FIXED"), (0x20, "ANONYMOUS"), (0x100, "GROWSDOWN"),
              (0x800, "DENYWRITE"), (0x1000, "EXECUTABLE"), (0x2000, "LOCKED"),
              (0x4000, "NORESERVE"), (0x8000, "POPULATE"),
              (0x10000, "NONBLOCK"), (0x20000, "STACK"), (0x40000, "HUGETLB"),
              (0x80000, "SYNC"), (0x100000, "FIXED_NOREPLACE"))
_LINUX_MAP_TYPE = {1: "SHARED", 2: "PRIVATE", 3: "SHARED_VALIDATE"}


def linux_map_flags(val: int) -> str:
    """Linux ``mmap`` flags in the same ``snprintb`` shape."""
    val &= 0xFFFFFFFF
    items = [_LINUX_MAP_TYPE.get(val & 0xF, "TYPE=%d" % (val & 0xF))]
    rest = val & ~0xF
    for bit, name in _LINUX_MAP:
        if rest & bit:
            items.append(name)
            rest &= ~bit
    if rest:
        items.append(hexl(rest))
    return "%s<%s>" % (hexl(val), ",".join(items))


# ptrace requests: PT_STRINGS of sys/ptrace.h at each kdump revision.
PTRACE_OPS_140 = (
    "PT_TRACE_ME", "PT_READ_I", "PT_READ_D", "*PT_INVALID_3*", "PT_WRITE_I",
    "PT_WRITE_D", "*PT_INVALID_6*", "PT_CONTINUE", "PT_KILL", "PT_ATTACH",
    "PT_DETACH", "PT_IO", "PT_DUMPCORE", "PT_LWPINFO", "PT_SYSCALL",
    "PT_SYSCALLEMU", "PT_SET_EVENT_MASK", "PT_GET_EVENT_MASK",
    "PT_GET_PROCESS_STATE", "PT_SET_SIGINFO", "PT_GET_SIGINFO", "PT_RESUME",
    "PT_SUSPEND", "PT_STOP", "PT_LWPSTATUS", "PT_LWPNEXT", "PT_SET_SIGPASS",
    "PT_GET_SIGPASS")
PTRACE_OPS_115 = PTRACE_OPS_140[:19]
PTRACE_OPS_93 = (
    "PT_TRACE_ME", "PT_READ_I", "PT_READ_D", "PT_READ_U", "PT_WRITE_I",
    "PT_WRITE_D", "PT_WRITE_U", "PT_CONTINUE", "PT_KILL", "PT_ATTACH",
    "PT_DETACH", "PT_IO", "PT_DUMPCORE", "PT_LWPINFO", "PT_SYSCALL")

# Machine-dependent requests from PT_FIRSTMACH (32) on: the kdump that reads
# a file prints PT_MACHDEP_STRINGS[req - PT_FIRSTMACH] of its own machine's
# <machine/ptrace.h> when the index is inside that array, else the number.
PT_FIRSTMACH = 32
_PT_MD_BASE = ("PT_STEP", "PT_GETREGS", "PT_SETREGS", "PT_GETFPREGS",
               "PT_SETFPREGS")
#: amd64 ptrace.h 1.3 to 1.6 (NetBSD 6, read by kdump 1.115.2.1)
PTRACE_MACHDEP_AMD64_115 = _PT_MD_BASE
#: amd64 ptrace.h 1.22 (NetBSD 10, read by kdump 1.140.2.2); the XMMREGS
#: requests exist for COMPAT_NETBSD32 only, but their strings are listed
PTRACE_MACHDEP_AMD64_140 = _PT_MD_BASE + (
    "PT_GETDBREGS", "PT_SETDBREGS", "PT_SETSTEP", "PT_CLEARSTEP",
    "PT_GETXSTATE", "PT_SETXSTATE", "PT_GETXMMREGS", "PT_SETXMMREGS")
#: i386 ptrace.h before the 2017 debug-register requests (NetBSD 4 and 6)
PTRACE_MACHDEP_I386_OLD = _PT_MD_BASE + ("PT_GETXMMREGS", "PT_SETXMMREGS")
#: i386 ptrace.h of NetBSD 10 (the same strings as today's 1.28)
PTRACE_MACHDEP_I386_140 = PTRACE_MACHDEP_I386_OLD + (
    "PT_GETDBREGS", "PT_SETDBREGS", "PT_SETSTEP", "PT_CLEARSTEP",
    "PT_GETXSTATE", "PT_SETXSTATE")
_LINUX_PTRACE_HEAD = (
    "PTRACE_TRACEME", "PTRACE_PEEKTEXT", "PTRACE_PEEKDATA", "PTRACE_PEEKUSER",
    "PTRACE_POKETEXT", "PTRACE_POKEDATA", "PTRACE_POKEUSER", "PTRACE_CONT",
    "PTRACE_KILL", "PTRACE_SINGLESTEP", None, None, "PTRACE_GETREGS",
    "PTRACE_SETREGS", "PTRACE_GETFPREGS", "PTRACE_SETFPREGS",
    "PTRACE_ATTACH", "PTRACE_DETACH")
#: kdump's linux_ptrace_ops; NULL entries print as printf's "(null)"
LINUX_PTRACE_OPS_NEW = _LINUX_PTRACE_HEAD + (None,) * 6 + ("PTRACE_SYSCALL",)
LINUX_PTRACE_OPS_93 = _LINUX_PTRACE_HEAD + ("PTRACE_SYSCALL",)

# sys/ioccom.h
IOC_VOID, IOC_OUT, IOC_IN = 0x20000000, 0x40000000, 0x80000000
IOCPARM_MASK = 0x1FFF


def ioctldecode(cmd: int, decimal: bool, out_long, new: bool) -> str:
    """kdump's ``ioctldecode`` (NetBSD's ``_IO*`` encoding).

    ``new`` is 1.140.2.2's check that prints requests above 32 bits as a
    plain number.
    """
    if new and cmd & ~0xFFFFFFFF:
        return out_long(cmd, True)
    d = ("W" if cmd & IOC_IN else "") + ("R" if cmd & IOC_OUT else "")
    c = (cmd >> 8) & 0xFF
    head = "_IO%s('%c'," % (d, c) if 0x20 <= c <= 0x7E else \
        "_IO%s(0x%02x," % (d, c)
    s = head + out_long(cmd & 0xFF, not decimal)
    if not cmd & IOC_VOID:
        s += "," + out_long((cmd >> 16) & IOCPARM_MASK, not decimal)
    return s + ")"


def linux_ioctldecode(cmd: int) -> str:
    """A Linux request in the same shape, with Linux's direction bits
    (``_IOC_WRITE`` 1, ``_IOC_READ`` 2 at bit 30, 14-bit size)."""
    cmd &= 0xFFFFFFFF
    dirs = cmd >> 30
    d = ("W" if dirs & 1 else "") + ("R" if dirs & 2 else "")
    c = (cmd >> 8) & 0xFF
    head = "_IO%s('%c'," % (d, c) if 0x20 <= c <= 0x7E else \
        "_IO%s(0x%02x," % (d, c)
    s = head + hexl(cmd & 0xFF)
    if dirs:
        s += "," + hexl((cmd >> 16) & 0x3FFF)
    return s + ")"
