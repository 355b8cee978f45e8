"""``--decode``: the arguments of common Linux calls as ``strace`` prints
them, from tables.

``CALLS`` gives, per call, the kind of each argument strace prints
(``"fd >rbuf lu"``: a descriptor, a buffer printed when the call returns,
an unsigned long); a ``>`` marks the first argument strace prints only at
the call's return (a line split before the return stops there, as
strace's ``read(3,  <unfinished ...>``), and a lone ``>`` at the end a
call whose decoder still has something to print at its return (``poll``'s
``revents``): cut by its process's death it ends ``<unfinished ...>) = ?``,
where a call decoded at entry ends ``) = ?``.  ``KINDS`` turns a kind into
text.  The names, values, their order and the rules (``printflags()``,
``printxval()``, ``fcntl`` and ``ioctl`` arguments, ``socket`` protocols,
signal names, ``siginfo_t``) follow strace 6's ``src/*.c`` and
``src/xlat/*.in``; the code is ours.  What strace reads from the process's
memory (structures, arrays, the strings of calls that record none) shows
as the pointer, in hex.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ktrace.dump.decodings import linux_map_flags
from ktrace.dump.linux_args import hex_c as _hex, umode

STRSIZE = 32
_ESC = {0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t",
        0x0C: "\\f", 0x0B: "\\v"}
_STRACE = [_ESC.get(c, chr(c) if 0x20 <= c < 0x7F else "\\%o" % c)
           for c in range(256)]


def quote(data: bytes, limit: int | None = STRSIZE) -> str:
    """A C string as strace prints it, ``...`` after ``limit`` bytes; an
    octal escape takes three digits when a digit follows it (``\0012``
    is 1 then "2", where ``\12`` would read as a newline)."""
    cut = data if limit is None else data[:limit]
    out = [_STRACE[c] for c in cut]
    for i in range(len(out) - 1):
        if out[i][0] == "\\" and out[i][1:].isdigit() and 0x30 <= cut[i + 1] <= 0x39:
            out[i] = "\\%03o" % cut[i]
    s = '"' + "".join(out) + '"'
    return s + "..." if limit is not None and len(data) > limit else s


# --- strace's printflags() and printxval() --------------------------------


def flags(v: int, table: tuple[tuple[int, str], ...], dflt: str | None) -> str:
    """strace's ``printflags_ex()``: the entries of ``table`` whose bits
    are all in ``v``, in the table's order, then the bits left in hex; a
    zero-valued entry names 0 only as the table's first; nothing named:
    ``0x.. /* dflt */``, or ``0``."""
    out = []
    for val, name in table:
        if v == val or (val and v & val == val):
            out.append(name)
            v &= ~val
        if not v:
            break
    if out:
        if v:
            out.append(_hex(v))
        return "|".join(out)
    if v:
        return "%s /* %s */" % (_hex(v), dflt) if dflt else _hex(v)
    return "0"


def xval(v: int, table: dict[int, str], dflt: str) -> str:
    """strace's ``printxval()``: the name, else ``%#x /* dflt */``."""
    name = table.get(v)
    if name is not None:
        return name
    return "%s /* %s */" % (_hex(v), dflt)




def c_int(v: int) -> int:
    """``v`` as a C ``int`` (its low 32 bits, signed)."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


# --- tables (src/xlat/*.in, Linux x86 values) -----------------------------

AT_FDCWD = -100
AT_FLAGS = ((0x100, "AT_SYMLINK_NOFOLLOW"), (0x200, "AT_REMOVEDIR"),
            (0x400, "AT_SYMLINK_FOLLOW"), (0x800, "AT_NO_AUTOMOUNT"),
            (0x1000, "AT_EMPTY_PATH"), (0x8000, "AT_RECURSIVE"))
FACCESSAT_FLAGS = ((0x100, "AT_SYMLINK_NOFOLLOW"), (0x200, "AT_EACCESS"),
                   (0x1000, "AT_EMPTY_PATH"))
STATX_SYNC = ((0, "AT_STATX_SYNC_AS_STAT"), (0x2000, "AT_STATX_FORCE_SYNC"),
              (0x4000, "AT_STATX_DONT_SYNC"))
STATX_MASKS = (
    (0xFFF, "STATX_ALL"), (0x7FF, "STATX_BASIC_STATS"), (0x1, "STATX_TYPE"),
    (0x2, "STATX_MODE"), (0x4, "STATX_NLINK"), (0x8, "STATX_UID"),
    (0x10, "STATX_GID"), (0x20, "STATX_ATIME"), (0x40, "STATX_MTIME"),
    (0x80, "STATX_CTIME"), (0x100, "STATX_INO"), (0x200, "STATX_SIZE"),
    (0x400, "STATX_BLOCKS"), (0x800, "STATX_BTIME"),
    (0x1000, "STATX_MNT_ID"), (0x2000, "STATX_DIOALIGN"),
    (0x4000, "STATX_MNT_ID_UNIQUE"), (0x8000, "STATX_SUBVOL"),
    (0x10000, "STATX_WRITE_ATOMIC"), (0x20000, "STATX_DIO_READ_ALIGN"))
OPEN_ACCESS = {0: "O_RDONLY", 1: "O_WRONLY", 2: "O_RDWR", 3: "O_ACCMODE"}
OPEN_FLAGS = (
    (0o100, "O_CREAT"), (0o200, "O_EXCL"), (0o400, "O_NOCTTY"),
    (0o1000, "O_TRUNC"), (0o2000, "O_APPEND"), (0o4000, "O_NONBLOCK"),
    (0o4010000, "O_SYNC"), (0o4000000, "__O_SYNC"), (0o10000, "O_DSYNC"),
    (0o40000, "O_DIRECT"), (0o100000, "O_LARGEFILE"),
    (0o400000, "O_NOFOLLOW"), (0o1000000, "O_NOATIME"),
    (0o2000000, "O_CLOEXEC"), (0o10000000, "O_PATH"),
    (0o20200000, "O_TMPFILE"), (0o20000000, "__O_TMPFILE"),
    (0o200000, "O_DIRECTORY"), (0o20000, "FASYNC"))
FD_FLAGS = ((1, "FD_CLOEXEC"),)
MMAP_PROT = ((0, "PROT_NONE"), (1, "PROT_READ"), (2, "PROT_WRITE"),
             (4, "PROT_EXEC"), (8, "PROT_SEM"), (0x1000000, "PROT_GROWSDOWN"),
             (0x2000000, "PROT_GROWSUP"))
ACCESS_MODES = ((0, "F_OK"), (4, "R_OK"), (2, "W_OK"), (1, "X_OK"))
WHENCE = {0: "SEEK_SET", 1: "SEEK_CUR", 2: "SEEK_END", 3: "SEEK_DATA",
          4: "SEEK_HOLE"}
FCNTL_CMDS = {
    0: "F_DUPFD", 1: "F_GETFD", 2: "F_SETFD", 3: "F_GETFL", 4: "F_SETFL",
    5: "F_GETLK", 6: "F_SETLK", 7: "F_SETLKW", 8: "F_SETOWN", 9: "F_GETOWN",
    10: "F_SETSIG", 11: "F_GETSIG", 12: "F_GETLK64", 13: "F_SETLK64",
    14: "F_SETLKW64", 15: "F_SETOWN_EX", 16: "F_GETOWN_EX",
    17: "F_GETOWNER_UIDS", 36: "F_OFD_GETLK", 37: "F_OFD_SETLK",
    38: "F_OFD_SETLKW", 1024: "F_SETLEASE", 1025: "F_GETLEASE",
    1026: "F_NOTIFY", 1027: "F_DUPFD_QUERY", 1028: "F_CREATED_QUERY",
    1029: "F_CANCELLK", 1030: "F_DUPFD_CLOEXEC", 1031: "F_SETPIPE_SZ",
    1032: "F_GETPIPE_SZ", 1033: "F_ADD_SEALS", 1034: "F_GET_SEALS"}
LOCKF_CMDS = {0: "F_RDLCK", 1: "F_WRLCK", 2: "F_UNLCK", 4: "F_EXLCK",
              8: "F_SHLCK"}
F_SEALS = ((1, "F_SEAL_SEAL"), (2, "F_SEAL_SHRINK"), (4, "F_SEAL_GROW"),
           (8, "F_SEAL_WRITE"), (0x10, "F_SEAL_FUTURE_WRITE"),
           (0x20, "F_SEAL_EXEC"))
NOTIFY_FLAGS = ((1, "DN_ACCESS"), (2, "DN_MODIFY"), (4, "DN_CREATE"),
                (8, "DN_DELETE"), (0x10, "DN_RENAME"), (0x20, "DN_ATTRIB"),
                (0x80000000, "DN_MULTISHOT"))
ADDRESS_FAMILIES = dict(enumerate((
    "AF_UNSPEC", "AF_UNIX", "AF_INET", "AF_AX25", "AF_IPX", "AF_APPLETALK",
    "AF_NETROM", "AF_BRIDGE", "AF_ATMPVC", "AF_X25", "AF_INET6", "AF_ROSE",
    "AF_DECnet", "AF_NETBEUI", "AF_SECURITY", "AF_KEY", "AF_NETLINK",
    "AF_PACKET", "AF_ASH", "AF_ECONET", "AF_ATMSVC", "AF_RDS", "AF_SNA",
    "AF_IRDA", "AF_PPPOX", "AF_WANPIPE", "AF_LLC", "AF_IB", "AF_MPLS",
    "AF_CAN", "AF_TIPC", "AF_BLUETOOTH", "AF_IUCV", "AF_RXRPC", "AF_ISDN",
    "AF_PHONET", "AF_IEEE802154", "AF_CAIF", "AF_ALG", "AF_NFC", "AF_VSOCK",
    "AF_KCM", "AF_QIPCRTR", "AF_SMC", "AF_XDP", "AF_MCTP")))
SOCK_TYPES = {1: "SOCK_STREAM", 2: "SOCK_DGRAM", 3: "SOCK_RAW",
              4: "SOCK_RDM", 5: "SOCK_SEQPACKET", 6: "SOCK_DCCP",
              10: "SOCK_PACKET"}
SOCK_TYPE_FLAGS = ((0o2000000, "SOCK_CLOEXEC"), (0o4000, "SOCK_NONBLOCK"))
INET_PROTOCOLS = {
    0: "IPPROTO_IP", 1: "IPPROTO_ICMP", 2: "IPPROTO_IGMP", 4: "IPPROTO_IPIP",
    6: "IPPROTO_TCP", 8: "IPPROTO_EGP", 12: "IPPROTO_PUP", 17: "IPPROTO_UDP",
    22: "IPPROTO_IDP", 29: "IPPROTO_TP", 33: "IPPROTO_DCCP",
    41: "IPPROTO_IPV6", 43: "IPPROTO_ROUTING", 44: "IPPROTO_FRAGMENT",
    46: "IPPROTO_RSVP", 47: "IPPROTO_GRE", 50: "IPPROTO_ESP",
    51: "IPPROTO_AH", 58: "IPPROTO_ICMPV6", 59: "IPPROTO_NONE",
    60: "IPPROTO_DSTOPTS", 92: "IPPROTO_MTP", 94: "IPPROTO_BEETPH",
    98: "IPPROTO_ENCAP", 103: "IPPROTO_PIM", 108: "IPPROTO_COMP",
    115: "IPPROTO_L2TP", 132: "IPPROTO_SCTP", 135: "IPPROTO_MH",
    136: "IPPROTO_UDPLITE", 137: "IPPROTO_MPLS", 143: "IPPROTO_ETHERNET",
    255: "IPPROTO_RAW", 262: "IPPROTO_MPTCP"}
NETLINK_PROTOCOLS = {
    0: "NETLINK_ROUTE", 1: "NETLINK_UNUSED", 2: "NETLINK_USERSOCK",
    3: "NETLINK_FIREWALL", 4: "NETLINK_SOCK_DIAG", 5: "NETLINK_NFLOG",
    6: "NETLINK_XFRM", 7: "NETLINK_SELINUX", 8: "NETLINK_ISCSI",
    9: "NETLINK_AUDIT", 10: "NETLINK_FIB_LOOKUP", 11: "NETLINK_CONNECTOR",
    12: "NETLINK_NETFILTER", 13: "NETLINK_IP6_FW", 14: "NETLINK_DNRTMSG",
    15: "NETLINK_KOBJECT_UEVENT", 16: "NETLINK_GENERIC",
    18: "NETLINK_SCSITRANSPORT", 19: "NETLINK_ECRYPTFS", 20: "NETLINK_RDMA",
    21: "NETLINK_CRYPTO", 22: "NETLINK_SMC"}
MSG_FLAGS = (
    (0x1, "MSG_OOB"), (0x2, "MSG_PEEK"), (0x4, "MSG_DONTROUTE"),
    (0x8, "MSG_CTRUNC"), (0x10, "MSG_PROBE"), (0x20, "MSG_TRUNC"),
    (0x40, "MSG_DONTWAIT"), (0x80, "MSG_EOR"), (0x100, "MSG_WAITALL"),
    (0x200, "MSG_FIN"), (0x400, "MSG_SYN"), (0x800, "MSG_CONFIRM"),
    (0x1000, "MSG_RST"), (0x2000, "MSG_ERRQUEUE"), (0x4000, "MSG_NOSIGNAL"),
    (0x8000, "MSG_MORE"), (0x10000, "MSG_WAITFORONE"),
    (0x20000, "MSG_SENDPAGE_NOTLAST"), (0x40000, "MSG_BATCH"),
    (0x80000, "MSG_NO_SHARED_FRAGS"), (0x2000000, "MSG_SOCK_DEVMEM"),
    (0x4000000, "MSG_ZEROCOPY"), (0x20000000, "MSG_FASTOPEN"),
    (0x40000000, "MSG_CMSG_CLOEXEC"), (0x80000000, "MSG_CMSG_COMPAT"))
SHUTDOWN = {0: "SHUT_RD", 1: "SHUT_WR", 2: "SHUT_RDWR"}
SOCKET_LEVELS = {0: "SOL_IP", 1: "SOL_SOCKET", 6: "SOL_TCP", 17: "SOL_UDP",
                 41: "SOL_IPV6", 58: "SOL_ICMPV6", 255: "SOL_RAW",
                 263: "SOL_PACKET", 270: "SOL_NETLINK", 282: "SOL_ALG"}
SOCKET_OPTIONS = {1: dict(enumerate((
    None, "SO_DEBUG", "SO_REUSEADDR", "SO_TYPE", "SO_ERROR", "SO_DONTROUTE",
    "SO_BROADCAST", "SO_SNDBUF", "SO_RCVBUF", "SO_KEEPALIVE", "SO_OOBINLINE",
    "SO_NO_CHECK", "SO_PRIORITY", "SO_LINGER", "SO_BSDCOMPAT",
    "SO_REUSEPORT", "SO_PASSCRED", "SO_PEERCRED", "SO_RCVLOWAT",
    "SO_SNDLOWAT", "SO_RCVTIMEO_OLD", "SO_SNDTIMEO_OLD",
    "SO_SECURITY_AUTHENTICATION", "SO_SECURITY_ENCRYPTION_TRANSPORT",
    "SO_SECURITY_ENCRYPTION_NETWORK", "SO_BINDTODEVICE", "SO_ATTACH_FILTER",
    "SO_DETACH_FILTER", "SO_PEERNAME", "SO_TIMESTAMP_OLD", "SO_ACCEPTCONN",
    "SO_PEERSEC", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE", "SO_PASSSEC",
    "SO_TIMESTAMPNS_OLD", "SO_MARK", "SO_TIMESTAMPING_OLD", "SO_PROTOCOL",
    "SO_DOMAIN", "SO_RXQ_OVFL", "SO_WIFI_STATUS", "SO_PEEK_OFF", "SO_NOFCS",
    "SO_LOCK_FILTER", "SO_SELECT_ERR_QUEUE", "SO_BUSY_POLL",
    "SO_MAX_PACING_RATE", "SO_BPF_EXTENSIONS", "SO_INCOMING_CPU",
    "SO_ATTACH_BPF", "SO_ATTACH_REUSEPORT_CBPF", "SO_ATTACH_REUSEPORT_EBPF",
    "SO_CNX_ADVICE", "SO_MEMINFO", "SO_INCOMING_NAPI_ID", "SO_COOKIE",
    "SO_PEERGROUPS", "SO_ZEROCOPY", "SO_TXTIME", "SO_BINDTOIFINDEX",
    "SO_TIMESTAMP_NEW", "SO_TIMESTAMPNS_NEW", "SO_TIMESTAMPING_NEW",
    "SO_RCVTIMEO_NEW", "SO_SNDTIMEO_NEW"))),
    6: dict(enumerate((
        None, "TCP_NODELAY", "TCP_MAXSEG", "TCP_CORK", "TCP_KEEPIDLE",
        "TCP_KEEPINTVL", "TCP_KEEPCNT", "TCP_SYNCNT", "TCP_LINGER2",
        "TCP_DEFER_ACCEPT", "TCP_WINDOW_CLAMP", "TCP_INFO", "TCP_QUICKACK",
        "TCP_CONGESTION", "TCP_MD5SIG", None, "TCP_THIN_LINEAR_TIMEOUTS",
        "TCP_THIN_DUPACK", "TCP_USER_TIMEOUT", "TCP_REPAIR",
        "TCP_REPAIR_QUEUE", "TCP_QUEUE_SEQ", "TCP_REPAIR_OPTIONS",
        "TCP_FASTOPEN", "TCP_TIMESTAMP", "TCP_NOTSENT_LOWAT")))}
WAIT4_OPTIONS = ((1, "WNOHANG"), (4, "WEXITED"), (2, "WSTOPPED"),
                 (8, "WCONTINUED"), (0x1000000, "WNOWAIT"),
                 (0x80000000, "__WCLONE"), (0x40000000, "__WALL"),
                 (0x20000000, "__WNOTHREAD"))
WAITID_TYPES = {0: "P_ALL", 1: "P_PID", 2: "P_PGID", 3: "P_PIDFD"}
SIGPROCMASK_HOWS = {0: "SIG_BLOCK", 1: "SIG_UNBLOCK", 2: "SIG_SETMASK"}
CLOCK_NAMES = dict(enumerate((
    "CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
    "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE",
    "CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM",
    "CLOCK_BOOTTIME_ALARM", "CLOCK_SGI_CYCLE", "CLOCK_TAI")))
CPUCLOCK_NAMES = {0: "CPUCLOCK_PROF", 1: "CPUCLOCK_VIRT", 2: "CPUCLOCK_SCHED"}
CLOCK_FLAGS = ((1, "TIMER_ABSTIME"),)
ARCH_PRCTL = {
    0x1001: "ARCH_SET_GS", 0x1002: "ARCH_SET_FS", 0x1003: "ARCH_GET_FS",
    0x1004: "ARCH_GET_GS", 0x1011: "ARCH_GET_CPUID", 0x1012: "ARCH_SET_CPUID",
    0x1021: "ARCH_GET_XCOMP_SUPP", 0x1022: "ARCH_GET_XCOMP_PERM",
    0x1023: "ARCH_REQ_XCOMP_PERM", 0x1024: "ARCH_GET_XCOMP_GUEST_PERM",
    0x1025: "ARCH_REQ_XCOMP_GUEST_PERM", 0x2001: "ARCH_MAP_VDSO_X32",
    0x2002: "ARCH_MAP_VDSO_32", 0x2003: "ARCH_MAP_VDSO_64",
    0x4001: "ARCH_GET_UNTAG_MASK", 0x4002: "ARCH_ENABLE_TAGGED_ADDR",
    0x4003: "ARCH_GET_MAX_TAG_BITS", 0x4004: "ARCH_FORCE_TAGGED_SVA",
    0x5001: "ARCH_SHSTK_ENABLE", 0x5002: "ARCH_SHSTK_DISABLE",
    0x5003: "ARCH_SHSTK_LOCK", 0x5004: "ARCH_SHSTK_UNLOCK",
    0x5005: "ARCH_SHSTK_STATUS"}
RLIMITS = dict(enumerate((
    "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE",
    "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK",
    "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE",
    "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME")))
RUSAGE_WHO = {0: "RUSAGE_SELF", -1: "RUSAGE_CHILDREN", 1: "RUSAGE_THREAD"}
ITIMER_WHICH = {0: "ITIMER_REAL", 1: "ITIMER_VIRTUAL", 2: "ITIMER_PROF"}
GETRANDOM_FLAGS = ((1, "GRND_NONBLOCK"), (2, "GRND_RANDOM"),
                   (4, "GRND_INSECURE"))
MADVISE = {
    0: "MADV_NORMAL", 1: "MADV_RANDOM", 2: "MADV_SEQUENTIAL",
    3: "MADV_WILLNEED", 4: "MADV_DONTNEED", 8: "MADV_FREE", 9: "MADV_REMOVE",
    10: "MADV_DONTFORK", 11: "MADV_DOFORK", 12: "MADV_MERGEABLE",
    13: "MADV_UNMERGEABLE", 14: "MADV_HUGEPAGE", 15: "MADV_NOHUGEPAGE",
    16: "MADV_DONTDUMP", 17: "MADV_DODUMP", 18: "MADV_WIPEONFORK",
    19: "MADV_KEEPONFORK", 20: "MADV_COLD", 21: "MADV_PAGEOUT",
    22: "MADV_POPULATE_READ", 23: "MADV_POPULATE_WRITE",
    24: "MADV_DONTNEED_LOCKED", 25: "MADV_COLLAPSE", 100: "MADV_HWPOISON",
    101: "MADV_SOFT_OFFLINE"}
FADVISE = {0: "POSIX_FADV_NORMAL", 1: "POSIX_FADV_RANDOM",
           2: "POSIX_FADV_SEQUENTIAL", 3: "POSIX_FADV_WILLNEED",
           4: "POSIX_FADV_DONTNEED", 5: "POSIX_FADV_NOREUSE"}
MSYNC_FLAGS = ((4, "MS_SYNC"), (1, "MS_ASYNC"), (2, "MS_INVALIDATE"))  # xlat order
MREMAP_FLAGS = ((1, "MREMAP_MAYMOVE"), (2, "MREMAP_FIXED"),
                (4, "MREMAP_DONTUNMAP"))
MLOCKALL_FLAGS = ((1, "MCL_CURRENT"), (2, "MCL_FUTURE"), (4, "MCL_ONFAULT"))
EPOLL_FLAGS = ((0o2000000, "EPOLL_CLOEXEC"),)
EPOLL_CTL_OPS = {1: "EPOLL_CTL_ADD", 2: "EPOLL_CTL_DEL", 3: "EPOLL_CTL_MOD"}
EVENTFD_FLAGS = ((1, "EFD_SEMAPHORE"), (0o2000000, "EFD_CLOEXEC"),
                 (0o4000, "EFD_NONBLOCK"))
RENAME_FLAGS = ((1, "RENAME_NOREPLACE"), (2, "RENAME_EXCHANGE"),
                (4, "RENAME_WHITEOUT"))
FLOCK_OPS = ((1, "LOCK_SH"), (2, "LOCK_EX"), (4, "LOCK_NB"), (8, "LOCK_UN"))
XATTR_FLAGS = ((1, "XATTR_CREATE"), (2, "XATTR_REPLACE"))
CLOSE_RANGE_FLAGS = ((2, "CLOSE_RANGE_UNSHARE"), (4, "CLOSE_RANGE_CLOEXEC"))
RSEQ_FLAGS = ((1, "RSEQ_FLAG_UNREGISTER"),)

# --- signals (strace's signame(): SIGRTMIN, then SIGRT_n) -----------------

_SIGNALS = (None, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
            "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV",
            "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
            "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU",
            "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
            "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS", "SIGRTMIN")


def signame(sig: int) -> str:
    """A Linux signal as strace names it: ``SIGUSR1``, ``SIGRTMIN`` (32),
    ``SIGRT_1`` (33) .. ``SIGRT_32`` (64), else the number (0 is ``0``)."""
    if 0 < sig < len(_SIGNALS):
        return _SIGNALS[sig]
    if 32 < sig <= 64:
        return "SIGRT_%d" % (sig - 32)
    return str(sig)


# --- kinds ----------------------------------------------------------------


class Ctx:
    """What a kind may need besides the value: the call's raw arguments,
    its result once known (``error`` None before the RET), the mask of a
    ``long``, and the contents records brought."""

    __slots__ = ("args", "mask", "error", "retval", "paths", "data",
                 "msghdr", "empty", "strsize")

    def __init__(self) -> None:
        self.args: list[int] = []
        self.mask = 0xFFFFFFFFFFFFFFFF
        self.error: int | None = None
        self.retval = 0
        self.paths: Any = iter(())
        self.data: bytes | None = None
        self.msghdr: str | None = None
        #: a path with no NAMI is "" (AT_EMPTY_PATH: pyktrace writes none)
        self.empty = False
        #: bytes of data shown (pykdump's -m, as strace's -s)
        self.strsize: int | None = STRSIZE


def pointer(v: int) -> str:
    """strace's ``printaddr()``: ``NULL`` or the address in hex."""
    return "%#x" % v if v else "NULL"


def _long(v: int, c: Ctx) -> str:
    v &= c.mask
    return str(v - c.mask - 1 if v > c.mask >> 1 else v)


def _dirfd(v: int, c: Ctx, i: int) -> str:
    v = c_int(v)
    return "AT_FDCWD" if v == AT_FDCWD else str(v)


def _open_modes(v: int) -> str:
    """strace's ``tprint_open_modes()``: the access mode, then the flags."""
    v &= 0xFFFFFFFF
    head = OPEN_ACCESS[v & 3]
    rest = v & ~3
    return head + "|" + flags(rest, OPEN_FLAGS, None) if rest else head


def _open_mode_arg(v: int, c: Ctx, i: int) -> str | None:
    """open's mode: only with O_CREAT or O_TMPFILE (args[i-1] the flags)."""
    return umode(v & 0xFFFFFFFF) if c.args[i - 1] & 0o20000100 else None


def _sock_type(v: int, c: Ctx, i: int) -> str:
    v &= 0xFFFFFFFF
    name = SOCK_TYPES.get(v & 0xF)
    if name is None:
        return flags(v, SOCK_TYPE_FLAGS, "SOCK_???")
    rest = v & ~0xF
    return name + "|" + flags(rest, SOCK_TYPE_FLAGS, "SOCK_???") if rest else name


def _sock_protocol(v: int, c: Ctx, i: int) -> str:
    domain = c.args[0] & 0xFFFFFFFF
    v &= 0xFFFFFFFF
    if domain in (2, 10):
        return xval(v, INET_PROTOCOLS, "IPPROTO_???")
    if domain == 16:
        return xval(v, NETLINK_PROTOCOLS, "NETLINK_???")
    return str(v)


def _sockopt_name(v: int, c: Ctx, i: int) -> str:
    level = c.args[i - 1] & 0xFFFFFFFF
    table = SOCKET_OPTIONS.get(level)
    v &= 0xFFFFFFFF
    if table is None:
        return str(v)
    return xval(v, table, "SO_???" if level == 1 else "TCP_???")


def _statx_flags(v: int, c: Ctx, i: int) -> str:
    v &= 0xFFFFFFFF
    text = flags(v & 0x6000, STATX_SYNC, None)
    rest = v & ~0x6000
    return text + "|" + flags(rest, AT_FLAGS, None) if rest else text


def _clock(v: int, c: Ctx, i: int) -> str:
    """strace's ``printclockname()``: CPU clocks of a pid or thread are
    negative (``MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED)``)."""
    v = c_int(v)
    if v >= 0:
        return xval(v, CLOCK_NAMES, "CLOCK_???")     # printxval: hex if unknown
    if v & 7 == 3:
        return "FD_TO_CLOCKID(%d)" % ~(v >> 3)
    return "MAKE_%s_CPUCLOCK(%d, %s)" % (
        "THREAD" if v & 4 else "PROCESS", ~(v >> 3),
        xval(v & 3, CPUCLOCK_NAMES, "CPUCLOCK_???"))


def _fcntl_arg(v: int, c: Ctx, i: int) -> str | None:
    """fcntl's third argument by command, as strace's ``print_fcntl()``:
    none for the commands that take none (``F_GETFL``), ``FD_CLOEXEC``,
    the open flags of ``F_SETFL``, a signal, or the value in hex."""
    cmd = c.args[1] & 0xFFFFFFFF
    if cmd == 2:                                    # F_SETFD
        return flags(v & c.mask, FD_FLAGS, "FD_???")
    if cmd in (0, 8, 1030, 1031):   # F_DUPFD, F_SETOWN, _CLOEXEC, F_SETPIPE_SZ
        return str(c_int(v))
    if cmd == 4:                                    # F_SETFL
        return _open_modes(v)
    if cmd in (6, 7, 13, 14, 37, 38, 15):           # set locks, F_SETOWN_EX
        return pointer(v & c.mask)
    if cmd in (5, 12, 36, 16):                      # get locks: at the return
        return pointer(v & c.mask) if c.error is not None else None
    if cmd == 1026:
        return flags(v & c.mask, NOTIFY_FLAGS, "DN_???")
    if cmd == 1027:
        return str(c_int(v))
    if cmd == 1024:
        return xval(v & c.mask, LOCKF_CMDS, "F_???")
    if cmd == 1033:
        return flags(v & c.mask, F_SEALS, "F_SEAL_???")
    if cmd == 10:                                   # F_SETSIG
        return signame(c_int(v))
    if cmd in (1, 3, 9, 11, 1025, 1032, 1034):      # the getters
        return None
    return _hex(v & c.mask)


def _ioctl_request(v: int, c: Ctx, i: int) -> str:
    """The request's name (pykdump's Linux table), else strace's
    ``_IOC(dir, type, nr, size)``."""
    from ktrace.dump.ioctls import LINUX_IOCTL_NAMES
    v &= 0xFFFFFFFF
    name = LINUX_IOCTL_NAMES.get(v)
    if name is not None:
        return name
    d = v >> 30
    dirs = "|".join(n for b, n in ((2, "_IOC_READ"), (1, "_IOC_WRITE"))
                    if d & b) or "_IOC_NONE"
    return "_IOC(%s, %s, %s, %s)" % (dirs, _hex(v >> 8 & 0xFF), _hex(v & 0xFF),
                                     _hex(v >> 16 & 0x3FFF))


#: ioctl requests strace prints without an argument (its term.c)
IOCTL_NO_ARG = frozenset({0x5427, 0x5428, 0x541D, 0x5422, 0x540C, 0x540D,
                          0x5451, 0x5450, 0x5437, 0x541F})
TCXONC_OPTIONS = {0: "TCOOFF", 1: "TCOON", 2: "TCIOFF", 3: "TCION"}
TCFLSH_OPTIONS = {0: "TCIFLUSH", 1: "TCOFLUSH", 2: "TCIOFLUSH"}


def _ioctl_arg(v: int, c: Ctx, i: int) -> str | None:
    """ioctl's argument: none for FIOCLEX and the like, the values of
    TCXONC, TCFLSH, TCSBRK, TIOCSCTTY; else (a pointer strace may read)
    in hex."""
    req = c.args[1] & 0xFFFFFFFF
    if req in IOCTL_NO_ARG:
        return None
    if req == 0x540A:
        return xval(v & c.mask, TCXONC_OPTIONS, "TC???")
    if req == 0x540B:
        return xval(v & c.mask, TCFLSH_OPTIONS, "TC???")
    if req in (0x5409, 0x5425, 0x540E):
        return str(c_int(v))
    from ktrace.dump.ioctls import LINUX_IOCTL_NAMES
    # a request strace decodes reads its argument as a pointer (NULL); an
    # unknown one's is a number
    return (pointer if req in LINUX_IOCTL_NAMES else _hex)(v & c.mask)


PRCTL_OPTIONS = {
    1: "PR_SET_PDEATHSIG", 2: "PR_GET_PDEATHSIG", 3: "PR_GET_DUMPABLE",
    4: "PR_SET_DUMPABLE", 5: "PR_GET_UNALIGN", 6: "PR_SET_UNALIGN",
    7: "PR_GET_KEEPCAPS", 8: "PR_SET_KEEPCAPS", 9: "PR_GET_FPEMU",
    10: "PR_SET_FPEMU", 11: "PR_GET_FPEXC", 12: "PR_SET_FPEXC",
    13: "PR_GET_TIMING", 14: "PR_SET_TIMING", 15: "PR_SET_NAME",
    16: "PR_GET_NAME", 19: "PR_GET_ENDIAN", 20: "PR_SET_ENDIAN",
    21: "PR_GET_SECCOMP", 22: "PR_SET_SECCOMP", 23: "PR_CAPBSET_READ",
    24: "PR_CAPBSET_DROP", 25: "PR_GET_TSC", 26: "PR_SET_TSC",
    27: "PR_GET_SECUREBITS", 28: "PR_SET_SECUREBITS", 29: "PR_SET_TIMERSLACK",
    30: "PR_GET_TIMERSLACK", 31: "PR_TASK_PERF_EVENTS_DISABLE",
    32: "PR_TASK_PERF_EVENTS_ENABLE", 33: "PR_MCE_KILL", 34: "PR_MCE_KILL_GET",
    35: "PR_SET_MM", 36: "PR_SET_CHILD_SUBREAPER", 37: "PR_GET_CHILD_SUBREAPER",
    38: "PR_SET_NO_NEW_PRIVS", 39: "PR_GET_NO_NEW_PRIVS",
    40: "PR_GET_TID_ADDRESS", 41: "PR_SET_THP_DISABLE",
    42: "PR_GET_THP_DISABLE", 43: "PR_MPX_ENABLE_MANAGEMENT",
    44: "PR_MPX_DISABLE_MANAGEMENT", 45: "PR_SET_FP_MODE", 46: "PR_GET_FP_MODE",
    47: "PR_CAP_AMBIENT", 50: "PR_SVE_SET_VL", 51: "PR_SVE_GET_VL",
    52: "PR_GET_SPECULATION_CTRL", 53: "PR_SET_SPECULATION_CTRL",
    54: "PR_PAC_RESET_KEYS", 55: "PR_SET_TAGGED_ADDR_CTRL",
    56: "PR_GET_TAGGED_ADDR_CTRL", 57: "PR_SET_IO_FLUSHER",
    58: "PR_GET_IO_FLUSHER", 59: "PR_SET_SYSCALL_USER_DISPATCH",
    60: "PR_PAC_SET_ENABLED_KEYS", 61: "PR_PAC_GET_ENABLED_KEYS",
    62: "PR_SCHED_CORE", 63: "PR_SME_SET_VL", 64: "PR_SME_GET_VL",
    65: "PR_SET_MDWE", 66: "PR_GET_MDWE", 67: "PR_SET_MEMORY_MERGE",
    68: "PR_GET_MEMORY_MERGE", 0x59616D61: "PR_SET_PTRACER",
    0x53564D41: "PR_SET_VMA"}
#: prctl options strace prints with no argument, with one pointer (read
#: at the return, or PR_SET_NAME's string), with one unsigned value
_PRCTL_NONE = frozenset({3, 7, 13, 21, 27, 30, 31, 32, 46})
_PRCTL_POINTER = frozenset({2, 5, 9, 11, 15, 16, 19, 25, 37, 40})
_PRCTL_UNSIGNED = frozenset({8, 10, 12, 14, 20, 36})
SECCOMP_MODES = {0: "SECCOMP_MODE_DISABLED", 1: "SECCOMP_MODE_STRICT",
                 2: "SECCOMP_MODE_FILTER"}
SUID_DUMP = {0: "SUID_DUMP_DISABLE", 1: "SUID_DUMP_USER", 2: "SUID_DUMP_ROOT"}


def _prctl_args(v: int, c: Ctx, i: int) -> str | None:
    """prctl's arguments after the option, as strace's ``prctl.c`` prints
    the common options: none, a pointer, a value, a signal; the others'
    four in hex (``print_prctl_args()``)."""
    option = c.args[0] & 0xFFFFFFFF
    a = [x & c.mask for x in c.args[1:5]]
    if option in _PRCTL_NONE:
        return None
    if option in _PRCTL_POINTER:
        return pointer(a[0])
    if option in _PRCTL_UNSIGNED:
        return str(a[0])
    if option == 1:                                 # PR_SET_PDEATHSIG
        return str(a[0]) if a[0] > 128 else signame(a[0])
    if option == 4:
        return xval(a[0], SUID_DUMP, "SUID_DUMP_???")
    if option == 29:                                # PR_SET_TIMERSLACK
        return _long(a[0], c)
    if option == 0x59616D61:                        # PR_SET_PTRACER
        return "PR_SET_PTRACER_ANY" if c_int(a[0]) == -1 else str(c_int(a[0]))
    if option == 22:                                # PR_SET_SECCOMP
        mode = xval(a[0], SECCOMP_MODES, "SECCOMP_MODE_???")
        if a[0] == 1:
            return mode
        if a[0] == 2:
            return mode + ", " + pointer(a[1])
        return ", ".join([mode] + [_hex(x) for x in a[1:]])
    if option in (38, 41, 57):      # PR_SET_NO_NEW_PRIVS, _THP_DISABLE...
        return ", ".join([str(a[0])] + [_hex(x) for x in a[1:]])
    return ", ".join(_hex(x) for x in a)


PTRACE_REQUESTS = {
    0: "PTRACE_TRACEME", 1: "PTRACE_PEEKTEXT", 2: "PTRACE_PEEKDATA",
    3: "PTRACE_PEEKUSER", 4: "PTRACE_POKETEXT", 5: "PTRACE_POKEDATA",
    6: "PTRACE_POKEUSER", 7: "PTRACE_CONT", 8: "PTRACE_KILL",
    9: "PTRACE_SINGLESTEP", 12: "PTRACE_GETREGS", 13: "PTRACE_SETREGS",
    14: "PTRACE_GETFPREGS", 15: "PTRACE_SETFPREGS", 16: "PTRACE_ATTACH",
    17: "PTRACE_DETACH", 18: "PTRACE_GETFPXREGS", 19: "PTRACE_SETFPXREGS",
    24: "PTRACE_SYSCALL", 25: "PTRACE_GET_THREAD_AREA",
    26: "PTRACE_SET_THREAD_AREA", 30: "PTRACE_ARCH_PRCTL", 31: "PTRACE_SYSEMU",
    32: "PTRACE_SYSEMU_SINGLESTEP", 33: "PTRACE_SINGLEBLOCK",
    0x4200: "PTRACE_SETOPTIONS", 0x4201: "PTRACE_GETEVENTMSG",
    0x4202: "PTRACE_GETSIGINFO", 0x4203: "PTRACE_SETSIGINFO",
    0x4204: "PTRACE_GETREGSET", 0x4205: "PTRACE_SETREGSET",
    0x4206: "PTRACE_SEIZE", 0x4207: "PTRACE_INTERRUPT", 0x4208: "PTRACE_LISTEN",
    0x4209: "PTRACE_PEEKSIGINFO", 0x420A: "PTRACE_GETSIGMASK",
    0x420B: "PTRACE_SETSIGMASK", 0x420C: "PTRACE_SECCOMP_GET_FILTER",
    0x420D: "PTRACE_SECCOMP_GET_METADATA", 0x420E: "PTRACE_GET_SYSCALL_INFO",
    0x420F: "PTRACE_GET_RSEQ_CONFIGURATION"}
PTRACE_OPTIONS = ((1, "PTRACE_O_TRACESYSGOOD"), (2, "PTRACE_O_TRACEFORK"),
                  (4, "PTRACE_O_TRACEVFORK"), (8, "PTRACE_O_TRACECLONE"),
                  (0x10, "PTRACE_O_TRACEEXEC"), (0x20, "PTRACE_O_TRACEVFORKDONE"),
                  (0x40, "PTRACE_O_TRACEEXIT"), (0x80, "PTRACE_O_TRACESECCOMP"),
                  (0x100000, "PTRACE_O_EXITKILL"),
                  (0x200000, "PTRACE_O_SUSPEND_SECCOMP"))


def _ptrace_data(v: int, c: Ctx, i: int) -> str:
    """ptrace's data: a signal to resume with, the PTRACE_O_* options,
    else (a pointer or a word) in hex."""
    req = c.args[0] & 0xFFFFFFFF
    if req in (7, 9, 17, 24, 31, 32, 33, 0x4208):
        return signame(c_int(v))
    if req in (0x4200, 0x4206):
        return flags(v & c.mask, PTRACE_OPTIONS, "PTRACE_O_???")
    return pointer(v & c.mask)


def _arch_arg(v: int, c: Ctx, i: int) -> str | None:
    code = c.args[0] & 0xFFFFFFFF
    if code in (0x1011, 0x4001, 0x4003):    # ARCH_GET_CPUID, .._UNTAG_MASK
        return None
    return _hex(v & c.mask)


def _mremap_new(v: int, c: Ctx, i: int) -> str | None:
    return pointer(v & c.mask) if c.args[3] & 3 == 3 else None


def _map_flags(v: int, c: Ctx, i: int) -> str:
    names = linux_map_flags(v).split("<", 1)[1].rstrip(">").split(",")
    return "|".join(n if n.startswith("0x") else "MAP_" + n for n in names)


def _rbuf(v: int, c: Ctx, i: int) -> str:
    """What a read call filled: its GIO data; ``""`` when it read nothing
    (strace prints the empty string it reads); else the pointer."""
    if c.data is not None:
        return quote(c.data, c.strsize)
    if c.error == 0 and c.retval == 0:
        return '""'
    return pointer(v & c.mask)


def _wbuf(v: int, c: Ctx, i: int) -> str:
    if c.data is not None:
        return quote(c.data, c.strsize)
    if c.args[i + 1] & c.mask == 0:
        return '""'
    return pointer(v & c.mask)


def _iov(v: int, c: Ctx, i: int) -> str:
    if c.data is not None:
        return quote(c.data, c.strsize)
    return pointer(v & c.mask)


def _path(v: int, c: Ctx, i: int) -> str:
    path = next(c.paths, None)
    if path is not None:
        return quote(path, None)
    return '""' if c.empty and v & c.mask else pointer(v & c.mask)


def _sockaddr(v: int, c: Ctx, i: int) -> str:
    """bind's or connect's address: pyktrace's NAMI of an AF_UNIX path
    is all a trace holds of it."""
    path = next(c.paths, None)
    if path is not None:
        return "{sa_family=AF_UNIX, sun_path=%s}" % quote(path, None)
    return pointer(v & c.mask)


def _msghdr(v: int, c: Ctx, i: int) -> str:
    return c.msghdr if c.msghdr is not None else pointer(v & c.mask)


def _uid(v: int, c: Ctx, i: int) -> str:
    v &= 0xFFFFFFFF
    return "-1" if v == 0xFFFFFFFF else str(v)


Kind = Callable[[int, Ctx, int], "str | None"]

KINDS: dict[str, Kind] = {
    "d": lambda v, c, i: str(c_int(v)),
    "u": lambda v, c, i: str(v & 0xFFFFFFFF),
    "ld": lambda v, c, i: _long(v, c),
    "lu": lambda v, c, i: str(v & c.mask),
    "x": lambda v, c, i: _hex(v & c.mask),
    "p": lambda v, c, i: pointer(v & c.mask),
    "fd": lambda v, c, i: str(c_int(v)),
    "dirfd": _dirfd,
    "uid": _uid,
    "path": _path,
    "rbuf": _rbuf,
    "wbuf": _wbuf,
    "iov": _iov,
    "msghdr": _msghdr,
    "sockaddr": _sockaddr,
    "sig": lambda v, c, i: signame(c_int(v)),
    "mode": lambda v, c, i: umode(v & 0xFFFFFFFF),
    "oflags": lambda v, c, i: _open_modes(v),
    "omode": _open_mode_arg,
    "oflagbits": lambda v, c, i: flags(v & 0xFFFFFFFF, OPEN_FLAGS, "O_???"),
    "atflags": lambda v, c, i: flags(v & 0xFFFFFFFF, AT_FLAGS, "AT_???"),
    "faccessat": lambda v, c, i: flags(v & 0xFFFFFFFF, FACCESSAT_FLAGS, "AT_???"),
    "statxflags": _statx_flags,
    "statxmask": lambda v, c, i: flags(v & 0xFFFFFFFF, STATX_MASKS, "STATX_???"),
    "access": lambda v, c, i: flags(v & 0xFFFFFFFF, ACCESS_MODES, "?_OK"),
    "whence": lambda v, c, i: xval(v & 0xFFFFFFFF, WHENCE, "SEEK_???"),
    "fcntlcmd": lambda v, c, i: xval(v & 0xFFFFFFFF, FCNTL_CMDS, "F_???"),
    "fcntlarg": _fcntl_arg,
    "ioctl": _ioctl_request,
    "ioctlarg": _ioctl_arg,
    "domain": lambda v, c, i: xval(v & 0xFFFFFFFF, ADDRESS_FAMILIES, "AF_???"),
    "socktype": _sock_type,
    "sockproto": _sock_protocol,
    "sockflags": lambda v, c, i: flags(v & 0xFFFFFFFF, SOCK_TYPE_FLAGS, "SOCK_???"),
    "msgflags": lambda v, c, i: flags(v & 0xFFFFFFFF, MSG_FLAGS, "MSG_???"),
    "shutdown": lambda v, c, i: xval(v & 0xFFFFFFFF, SHUTDOWN, "SHUT_???"),
    "solevel": lambda v, c, i: xval(v & 0xFFFFFFFF, SOCKET_LEVELS, "SOL_??"),
    "soname": _sockopt_name,
    "wait4": lambda v, c, i: flags(v & 0xFFFFFFFF, WAIT4_OPTIONS, "W???"),
    "idtype": lambda v, c, i: xval(v & 0xFFFFFFFF, WAITID_TYPES, "P_???"),
    "how": lambda v, c, i: xval(v & 0xFFFFFFFF, SIGPROCMASK_HOWS, "SIG_???"),
    "clock": _clock,
    "clockflags": lambda v, c, i: flags(v & 0xFFFFFFFF, CLOCK_FLAGS, "TIMER_???"),
    "arch": lambda v, c, i: xval(v & 0xFFFFFFFF, ARCH_PRCTL, "ARCH_???"),
    "archarg": _arch_arg,
    "rlimit": lambda v, c, i: xval(v & 0xFFFFFFFF, RLIMITS, "RLIMIT_???"),
    "rusage": lambda v, c, i: RUSAGE_WHO.get(c_int(v)) or
    "%#x /* RUSAGE_??? */" % (v & 0xFFFFFFFF),
    "itimer": lambda v, c, i: xval(v & 0xFFFFFFFF, ITIMER_WHICH, "ITIMER_???"),
    "grnd": lambda v, c, i: flags(v & 0xFFFFFFFF, GETRANDOM_FLAGS, "GRND_???"),
    "madvise": lambda v, c, i: xval(v & 0xFFFFFFFF, MADVISE, "MADV_???"),
    "fadvise": lambda v, c, i: xval(v & 0xFFFFFFFF, FADVISE, "POSIX_FADV_???"),
    "msync": lambda v, c, i: flags(v & 0xFFFFFFFF, MSYNC_FLAGS, "MS_???"),
    "mremap": lambda v, c, i: flags(v & c.mask, MREMAP_FLAGS, "MREMAP_???"),
    "mremapnew": _mremap_new,
    "mlockall": lambda v, c, i: flags(v & 0xFFFFFFFF, MLOCKALL_FLAGS, "MCL_???"),
    "prot": lambda v, c, i: flags(v & 0xFFFFFFFF, MMAP_PROT, "PROT_???"),
    "mapflags": _map_flags,
    # _llseek's offset: its high and low halves (the next slot)
    "lloff": lambda v, c, i: str(c_int(v) << 32 | (c.args[i + 1] & 0xFFFFFFFF)),
    "mofs": lambda v, c, i: _hex(v & c.mask),
    "mofs_pg": lambda v, c, i: _hex((v & 0xFFFFFFFF) << 12),
    "epollflags": lambda v, c, i: flags(v & 0xFFFFFFFF, EPOLL_FLAGS, "EPOLL_???"),
    "epollop": lambda v, c, i: xval(v & 0xFFFFFFFF, EPOLL_CTL_OPS, "EPOLL_CTL_???"),
    "efdflags": lambda v, c, i: flags(v & 0xFFFFFFFF, EVENTFD_FLAGS, "EFD_???"),
    "renameflags": lambda v, c, i: flags(v & 0xFFFFFFFF, RENAME_FLAGS, "RENAME_??"),
    "flock": lambda v, c, i: flags(v & 0xFFFFFFFF, FLOCK_OPS, "LOCK_???"),
    "xattr": lambda v, c, i: flags(v & 0xFFFFFFFF, XATTR_FLAGS, "XATTR_???"),
    "prctl": lambda v, c, i: xval(v & 0xFFFFFFFF, PRCTL_OPTIONS, "PR_???"),
    "prctlargs": _prctl_args,
    "ptrace": lambda v, c, i: xval(v & c.mask, PTRACE_REQUESTS, "PTRACE_???"),
    "ptracedata": _ptrace_data,
    "closerange": lambda v, c, i: flags(v & 0xFFFFFFFF, CLOSE_RANGE_FLAGS,
                                        "CLOSE_RANGE_???"),
    "rseqflags": lambda v, c, i: flags(v & 0xFFFFFFFF, RSEQ_FLAGS, "RSEQ_FLAG_???"),
}
#: the calls whose flags (argument index) may say AT_EMPTY_PATH
EMPTY_PATH_FLAGS = {"newfstatat": 3, "fstatat64": 3, "statx": 2,
                    "fchownat": 4, "utimensat": 3, "faccessat2": 3,
                    "execveat": 4}
#: kinds whose value a later record may still bring (GIO data, a NAMI
#: path, a USER msghdr): a line split before it stops there
LATE = {"path": "paths", "rbuf": "data", "wbuf": "data", "iov": "data",
        "msghdr": "msghdr"}

#: strace's order and kinds of the arguments of the common calls (x86_64
#: and i386 names); ``>`` the first one printed at the return, a lone
#: ``>`` a decoder with more to print at the return, ``-`` a slot the
#: argument before it takes too (shown as one)
_CALLS = {
    # files
    "read": "fd >rbuf lu", "write": "fd wbuf lu",
    "pread64": "fd >rbuf lu ld", "pwrite64": "fd wbuf lu ld",
    "readv": "fd >iov lu", "writev": "fd iov lu",
    "preadv": "fd >iov lu ld", "pwritev": "fd iov lu ld",
    "preadv2": "fd >iov lu ld", "pwritev2": "fd iov lu ld",
    "open": "path oflags omode", "openat": "dirfd path oflags omode",
    "creat": "path mode", "close": "fd", "close_range": "fd fd closerange",
    "stat": "path >p", "lstat": "path >p", "fstat": "fd >p",
    "stat64": "path >p", "lstat64": "path >p", "fstat64": "fd >p",
    "newfstatat": "dirfd path >p atflags", "fstatat64": "dirfd path >p atflags",
    "statx": "dirfd path statxflags statxmask >p",
    "statfs": "path >p", "fstatfs": "fd >p",
    "lseek": "fd ld whence", "llseek": "fd lloff - >p whence",
    "_llseek": "fd lloff - >p whence",
    "access": "path access", "faccessat": "dirfd path access",
    "faccessat2": "dirfd path access faccessat",
    "getdents64": "fd >p u", "getdents": "fd >p u",
    "ioctl": "fd ioctl ioctlarg",
    "fcntl": "fd fcntlcmd fcntlarg", "fcntl64": "fd fcntlcmd fcntlarg",
    "dup": "fd", "dup2": "fd fd", "dup3": "fd fd oflagbits",
    "pipe": ">p", "pipe2": ">p oflagbits",
    "chdir": "path", "fchdir": "fd", "getcwd": ">p lu",
    "mkdir": "path mode", "mkdirat": "dirfd path mode",
    "rmdir": "path", "unlink": "path", "unlinkat": "dirfd path atflags",
    "rename": "path path", "renameat": "dirfd path dirfd path",
    "renameat2": "dirfd path dirfd path renameflags",
    "link": "path path", "linkat": "dirfd path dirfd path atflags",
    "readlink": "path >p lu", "readlinkat": "dirfd path >p lu",
    "chmod": "path mode", "fchmod": "fd mode", "fchmodat": "dirfd path mode",
    "chown": "path uid uid", "lchown": "path uid uid",
    "fchown": "fd uid uid", "fchownat": "dirfd path uid uid atflags",
    "utimensat": "dirfd path p atflags",
    "truncate": "path ld", "ftruncate": "fd ld",
    "fsync": "fd", "fdatasync": "fd", "flock": "fd flock",
    "fadvise64": "fd ld ld fadvise",
    "getxattr": "path p >p lu", "lgetxattr": "path p >p lu",
    "fgetxattr": "fd p >p lu", "listxattr": "path >p lu",
    "llistxattr": "path >p lu", "flistxattr": "fd >p lu",
    "setxattr": "path p p lu xattr", "lsetxattr": "path p p lu xattr",
    "fsetxattr": "fd p p lu xattr", "removexattr": "path p",
    "lremovexattr": "path p", "fremovexattr": "fd p",
    "umask": "mode",
    # memory
    "mmap": "p lu prot mapflags fd mofs", "mmap2": "p lu prot mapflags fd mofs_pg",
    "mprotect": "p lu prot", "munmap": "p lu", "brk": "p",
    "mremap": "p lu lu mremap mremapnew", "madvise": "p lu madvise",
    "msync": "p lu msync", "mlock": "p lu", "munlock": "p lu",
    "mlockall": "mlockall", "munlockall": "",
    # signals
    "kill": "d sig", "tkill": "d sig", "tgkill": "d d sig",
    "rt_sigaction": "sig p >p lu", "rt_sigprocmask": "how p >p lu",
    "rt_sigqueueinfo": "d sig p", "rt_tgsigqueueinfo": "d d sig p",
    "rt_sigsuspend": "p lu", "rt_sigpending": ">p lu",
    "rt_sigtimedwait": "p >p p lu", "sigaltstack": "p >p",
    "rt_sigreturn": "", "sigreturn": "", "pause": "",
    "pidfd_send_signal": "fd sig p u",
    # processes
    "exit": "d", "exit_group": "d", "fork": "", "vfork": "",
    "wait4": "d >p wait4 p", "waitid": "idtype d >p wait4 p",
    "getpid": "", "gettid": "", "getppid": "", "getpgrp": "", "setsid": "",
    "getuid": "", "geteuid": "", "getgid": "", "getegid": "",
    "setuid": "uid", "setgid": "uid", "getpgid": "d", "setpgid": "d d",
    "getsid": "d", "set_tid_address": "p", "set_robust_list": "p lu",
    "get_robust_list": "d >p p", "rseq": "p x rseqflags x",
    "arch_prctl": "arch archarg", "prctl": "prctl prctlargs - - -",
    "ptrace": "ptrace d p ptracedata",
    "prlimit64": "d rlimit p >p", "getrlimit": "rlimit >p",
    "setrlimit": "rlimit p", "ugetrlimit": "rlimit >p",
    "getrusage": "rusage >p", "times": ">p", "sched_yield": "",
    "sched_getaffinity": "d lu >p", "sched_setaffinity": "d lu p",
    "getrandom": ">p lu grnd", "uname": ">p", "sysinfo": ">p",
    # time
    "nanosleep": "p >p", "clock_nanosleep": "clock clockflags p >p",
    "clock_gettime": "clock >p", "clock_getres": "clock >p",
    "clock_settime": "clock p", "gettimeofday": ">p p",
    "getitimer": "itimer >p", "setitimer": "itimer p >p", "alarm": "u",
    "timer_create": "clock p >p", "timer_settime": "d clockflags p >p",
    "timer_gettime": "d >p", "timer_delete": "d",
    # sockets and polling
    "socket": "domain socktype sockproto",
    "socketpair": "domain socktype u >p",
    "connect": "fd sockaddr d", "bind": "fd sockaddr d", "listen": "fd d",
    "accept": "fd >p p", "accept4": "fd >p p sockflags",
    "getsockname": "fd >p p", "getpeername": "fd >p p",
    "shutdown": "fd shutdown",
    "sendto": "fd wbuf lu msgflags p d", "recvfrom": "fd >rbuf lu msgflags p p",
    "sendmsg": "fd msghdr msgflags", "recvmsg": "fd >msghdr msgflags",
    "sendmmsg": "fd p u msgflags", "recvmmsg": "fd >p u msgflags p",
    "setsockopt": "fd solevel soname p d", "getsockopt": "fd solevel soname >p p",
    "poll": "p u d >", "ppoll": "p u p p lu >",
    "select": "d p p p p >", "pselect6": "d p p p p p >",
    "epoll_create": "d", "epoll_create1": "epollflags",
    "epoll_ctl": "fd epollop fd p", "epoll_wait": "fd >p d d",
    "epoll_pwait": "fd >p d d p lu", "eventfd": "u", "eventfd2": "u efdflags",
}


def _parse(spec: str) -> tuple[tuple[str, ...], int, bool]:
    words = spec.split()
    more = bool(words) and words[-1] == ">"
    if more:
        words.pop()
    out = next((i for i, w in enumerate(words) if w.startswith(">")), len(words))
    kinds = tuple(w.lstrip(">") for w in words)
    unknown = [k for k in kinds if k not in KINDS and k != "-"]
    assert not unknown, (spec, unknown)
    return kinds, out, more or out < len(kinds)


#: call name -> (kinds, index of the first argument printed at the return,
#: whether the decoder prints anything at the return)
CALLS: dict[str, tuple[tuple[str, ...], int, bool]] = {
    name: _parse(spec) for name, spec in _CALLS.items()}
#: calls decoded elsewhere (``linux_args``), and whether strace's decoder
#: has a part at the return (``clone``'s ``parent_tid``, ``clone3``'s)
SPECIAL_MORE = {"futex": False, "clone": True, "clone3": True,
                "execve": False, "execveat": False}


# --- results ----------------------------------------------------------------


def result(name: str, retval: int, args: list[int]) -> str | None:
    """A successful return strace shows its own way: ``fcntl``'s
    ``F_GETFL``/``F_GETFD`` flags (``0x8002 (flags O_RDWR|O_LARGEFILE)``),
    ``umask``'s octal; None for the plain decimal."""
    if name in ("fcntl", "fcntl64") and len(args) > 1:
        cmd = args[1] & 0xFFFFFFFF
        if cmd == 3:
            return "%s (flags %s)" % (_hex(retval), _open_modes(retval))
        if cmd == 1 and retval:
            return "%s (flags %s)" % (_hex(retval), flags(retval, FD_FLAGS, None))
        if cmd == 1034 and retval:
            return "%s (seals %s)" % (_hex(retval), flags(retval, F_SEALS, None))
        if cmd == 1025:
            return "%s (%s)" % (_hex(retval), LOCKF_CMDS[retval]) \
                if retval in LOCKF_CMDS else _hex(retval)
        if cmd == 11 and retval:
            return "%d (%s)" % (retval, signame(retval))
    elif name == "umask":
        return umode(retval & 0o777777)
    return None


# --- siginfo ----------------------------------------------------------------

#: NetBSD si_code (what pyktrace's PSIG holds) -> Linux's
_SI_CODE_TO_LINUX = {0: 0, -1: -1, -2: -2, -4: -3, -3: -4, -5: -6,
                     32767: 0x80}
SI_CODES = {0: "SI_USER", 0x80: "SI_KERNEL", -1: "SI_QUEUE", -2: "SI_TIMER",
            -3: "SI_MESGQ", -4: "SI_ASYNCIO", -5: "SI_SIGIO", -6: "SI_TKILL",
            -7: "SI_DETHREAD", -60: "SI_ASYNCNL"}
_SIG_CODES = {
    4: ("ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC",
        "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"),
    5: ("TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT", "TRAP_UNK",
        "TRAP_PERF"),
    7: ("BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR",
        "BUS_MCEERR_AO"),
    8: ("FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND",
        "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB", None, None, None, None,
        None, "FPE_FLTUNK", "FPE_CONDTRAP"),
    11: ("SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR",
         "SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR",
         "SEGV_MTESERR", "SEGV_CPERR"),
    17: ("CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED",
         "CLD_STOPPED", "CLD_CONTINUED"),
    29: ("POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI",
         "POLL_HUP"),
    31: ("SYS_SECCOMP", "SYS_USER_DISPATCH"),
}
_FAULTS = frozenset({4, 5, 7, 8, 11})
#: sysconf(_SC_CLK_TCK) on Linux: strace comments clock_t values with it
CLK_TCK = 100


def _clock_t(v: int) -> str:
    return "%d /* %d.%02d s */" % (v, v // CLK_TCK, v % CLK_TCK) if v else "0"


def siginfo(si: bytes, lay: Any, to_linux: dict[int, int]) -> str:
    """A NetBSD-layout ``siginfo_t`` (pyktrace's PSIG) in strace's braces,
    in Linux's terms: ``{si_signo=SIGUSR1, si_code=SI_USER, si_pid=42,
    si_uid=0}`` (strace's ``printsiginfo()``)."""
    from ktrace.emul import LINUX_ERRNO
    nsig, ncode, errno_, reason = lay.siginfo.unpack_from(si)
    if not nsig:
        return "{}"
    sig = to_linux.get(nsig, 0)
    code = _SI_CODE_TO_LINUX.get(ncode, ncode if ncode > 0 else 0x80)
    if code <= 0 or code == 0x80:
        cname = SI_CODES.get(code)
    else:
        names = _SIG_CODES.get(sig, ())
        cname = names[code - 1] if code <= len(names) else None
    out = ["si_signo=" + signame(sig),
           "si_code=" + (cname or _hex(code & 0xFFFFFFFF))]
    if errno_:
        entry = LINUX_ERRNO.get(errno_)
        out.append("si_errno=" + (entry[0] if entry else str(errno_)))
    pid, uid, value = lay.si_rt.unpack_from(reason)
    uid &= 0xFFFFFFFF
    source = ["si_pid=%d" % pid, "si_uid=%s" % ("-1" if uid == 0xFFFFFFFF else uid)]
    sigval = ["si_int=%d" % c_int(value), "si_ptr=" + pointer(value)]
    if code <= 0:                       # sent by a process
        if code == -2:                  # SI_TIMER: timer id, overrun
            out += ["si_timerid=" + _hex(pid & 0xFFFFFFFF), "si_overrun=%d" % c_int(uid)]
            out += sigval
        else:
            out += source
            if code not in (0, -6) and value:
                out += sigval
    elif sig == 17 and code != 0x80:    # SIGCHLD
        cpid, cuid, status, utime, stime = lay.si_child.unpack_from(reason)
        out += ["si_pid=%d" % cpid, "si_uid=%d" % (cuid & 0xFFFFFFFF),
                "si_status=%s" % (status if code == 1 else signame(status)),
                "si_utime=" + _clock_t(utime), "si_stime=" + _clock_t(stime)]
    elif sig in _FAULTS:
        # (with SI_KERNEL pyktrace kept the raw bytes: the same address)
        out.append("si_addr=" + pointer(lay.si_fault.unpack_from(reason)[0]))
    elif sig == 29 and 1 <= code <= 3:  # SIGIO's POLL_IN .. POLL_MSG
        band, fd = lay.si_poll.unpack_from(reason)
        out += ["si_band=%d" % band, "si_fd=%d" % fd]
    else:
        if pid or uid:
            out += source
        if value:
            out += sigval
    return "{" + ", ".join(out) + "}"
