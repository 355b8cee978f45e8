"""``--decode`` arguments of ``netbsd`` emulation records, in NetBSD's terms.

python-ptrace's prototypes and flag formatters are Linux's: applied to a
NetBSD call they misread it (NetBSD ``open`` flags 0x601 are
``O_WRONLY|O_CREAT|O_TRUNC``, Linux's reading is ``O_WRONLY|O_TRUNC|
O_APPEND``; NetBSD's ``mmap`` has a ``PAD`` argument before its offset).
Here the arguments are named and typed by NetBSD's own prototypes
(``_netbsd_protos``, generated from ``sys/kern/syscalls.master`` 1.311 by
``scripts/gen_netbsd_protos.py``), and the constants of the common calls
are NetBSD's:

- ``open``/``openat`` (and ``fhopen``, ``_ksem_open``, ``mq_open``) flags,
  from ``sys/sys/fcntl.h`` 1.54; the mode, in octal, only with ``O_CREAT``
  (it is not passed otherwise); ``AT_FDCWD`` and the ``AT_*`` flags of the
  ``*at`` calls; ``access`` modes; ``lseek`` whence; ``fcntl`` commands,
  ``FD_CLOEXEC`` and the ``F_SETFL`` flags; ``flock`` operations;
- ``mmap``/``mprotect`` protections (with ``PROT_MPROTECT(...)``) and
  ``mmap`` flags (with ``MAP_ALIGNED(n)``), ``msync``, ``mlockall`` and
  ``madvise`` values, from ``sys/sys/mman.h`` 1.62;
- signal numbers as NetBSD's names, ``sigprocmask`` hows (``sys/signal.h``),
  ``wait4``/``wait6`` options (``sys/wait.h``);
- ``socket``/``socketpair`` domains and types, ``shutdown`` hows
  (``sys/socket.h``); ``{get,set}sockopt`` levels and names, ``ioctl``
  requests, ``ptrace`` requests and ``futex`` operations from the tables
  kdump uses for NetBSD (:mod:`ktrace.dump.decodings`).

Other integers print in decimal (``mode_t`` in octal), pointers in hex;
``PAD`` arguments are left out.  On 32-bit traces a 64-bit argument
(``off_t``, ``dev_t``) takes two slots, joined here.  A call with no
prototype, or whose record holds another number of slots than its
prototype needs (a NetBSD release whose call differs), prints every slot
as kdump does: decimal below 10, else hex.  Nothing Linux's is applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ktrace.dump import decodings as dec
from ktrace.dump.linux_calls import c_int, flags
from ktrace.dump.face import REV140
from ktrace.format import KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_GENIO, KTR_USER

if TYPE_CHECKING:
    from ktrace.dump.decode import Decoder

#: types two slots wide in a 32-bit trace
WIDE = frozenset({"off_t", "dev_t", "quad_t", "u_quad_t", "int64_t",
                  "uint64_t"})
_SIGNED32 = frozenset({"int", "pid_t", "lwpid_t", "uid_t", "gid_t", "id_t",
                       "clockid_t", "timer_t", "mqd_t", "idtype_t",
                       "psetid_t", "acl_type_t", "int32_t"})
_UNSIGNED32 = frozenset({"u_int", "unsigned int", "unsigned", "socklen_t",
                         "uint32_t"})
_UNSIGNED = frozenset({"size_t", "u_long", "cpuid_t", "dev_t", "uint64_t",
                       "u_quad_t"})
_AT_FD = frozenset({"fd", "fd1", "fd2", "fromfd", "tofd"})
_PATHS = frozenset({"path", "link", "from", "to", "name1", "name2", "path2",
                    "fname"})
IO_CALLS = frozenset({"read", "write", "pread", "pwrite", "recvfrom",
                      "sendto", "compat_43_osend", "compat_43_orecv",
                      "compat_43_orecvfrom"})
EXEC_CALLS = frozenset({"execve", "fexecve"})

# sys/sys/fcntl.h 1.54
O_ACCMODE = {0: "O_RDONLY", 1: "O_WRONLY", 2: "O_RDWR", 3: "O_ACCMODE"}
O_CREAT = 0x200
O_FLAGS = (
    (0x4, "O_NONBLOCK"), (0x8, "O_APPEND"), (0x10, "O_SHLOCK"),
    (0x20, "O_EXLOCK"), (0x40, "O_ASYNC"), (0x80, "O_SYNC"),
    (0x100, "O_NOFOLLOW"), (0x200, "O_CREAT"), (0x400, "O_TRUNC"),
    (0x800, "O_EXCL"), (0x8000, "O_NOCTTY"), (0x10000, "O_DSYNC"),
    (0x20000, "O_RSYNC"), (0x40000, "O_ALT_IO"), (0x80000, "O_DIRECT"),
    (0x200000, "O_DIRECTORY"), (0x400000, "O_CLOEXEC"),
    (0x800000, "O_SEARCH"), (0x1000000, "O_NOSIGPIPE"),
    (0x2000000, "O_REGULAR"), (0x4000000, "O_EXEC"))
AT_FDCWD = -100
AT_FLAGS = ((0x100, "AT_EACCESS"), (0x200, "AT_SYMLINK_NOFOLLOW"),
            (0x400, "AT_SYMLINK_FOLLOW"), (0x800, "AT_REMOVEDIR"))
SEEK = {0: "SEEK_SET", 1: "SEEK_CUR", 2: "SEEK_END"}
FCNTL = dict(dec.NETBSD_FCNTL)
FCNTL[15] = "F_GETPATH"
F_SETFD, F_SETFL = 2, 4
LOCK = ((1, "LOCK_SH"), (2, "LOCK_EX"), (4, "LOCK_NB"), (8, "LOCK_UN"))
# sys/unistd.h
ACCESS = ((4, "R_OK"), (2, "W_OK"), (1, "X_OK"))
# sys/sys/mman.h 1.62
PROT = ((1, "PROT_READ"), (2, "PROT_WRITE"), (4, "PROT_EXEC"))
MAP_FLAGS = (
    (0x1, "MAP_SHARED"), (0x2, "MAP_PRIVATE"), (0x4, "MAP_COPY"),
    (0x10, "MAP_FIXED"), (0x20, "MAP_RENAME"), (0x40, "MAP_NORESERVE"),
    (0x80, "MAP_INHERIT"), (0x200, "MAP_HASSEMAPHORE"),
    (0x400, "MAP_TRYFIXED"), (0x800, "MAP_WIRED"),
    (0x1000, "MAP_ANONYMOUS"), (0x2000, "MAP_STACK"))
MS = ((1, "MS_ASYNC"), (2, "MS_INVALIDATE"), (4, "MS_SYNC"))
MCL = ((1, "MCL_CURRENT"), (2, "MCL_FUTURE"))
MADV = {0: "MADV_NORMAL", 1: "MADV_RANDOM", 2: "MADV_SEQUENTIAL",
        3: "MADV_WILLNEED", 4: "MADV_DONTNEED", 5: "MADV_SPACEAVAIL",
        6: "MADV_FREE"}
# sys/signal.h
SIG_HOW = {1: "SIG_BLOCK", 2: "SIG_UNBLOCK", 3: "SIG_SETMASK"}
# sys/wait.h
WAIT = ((0x1, "WNOHANG"), (0x2, "WUNTRACED"), (0x4, "WALTSIG"),
        (0x8, "WALLSIG"), (0x10, "WCONTINUED"), (0x20, "WEXITED"),
        (0x40, "WTRAPPED"), (0x10000, "WNOWAIT"), (0x20000, "WNOZOMBIE"))
# sys/socket.h
AF = {0: "AF_UNSPEC", 1: "AF_LOCAL", 2: "AF_INET", 3: "AF_IMPLINK",
      4: "AF_PUP", 5: "AF_CHAOS", 6: "AF_NS", 7: "AF_ISO", 8: "AF_ECMA",
      9: "AF_DATAKIT", 10: "AF_CCITT", 11: "AF_SNA", 12: "AF_DECnet",
      13: "AF_DLI", 14: "AF_LAT", 15: "AF_HYLINK", 16: "AF_APPLETALK",
      17: "AF_OROUTE", 18: "AF_LINK", 19: "pseudo_AF_XTP", 20: "AF_COIP",
      21: "AF_CNT", 22: "pseudo_AF_RTIP", 23: "AF_IPX", 24: "AF_INET6",
      25: "pseudo_AF_PIP", 26: "AF_ISDN", 27: "AF_NATM", 28: "AF_ARP",
      29: "pseudo_AF_KEY", 30: "pseudo_AF_HDRCMPLT", 31: "AF_BLUETOOTH",
      32: "AF_IEEE80211", 33: "AF_MPLS", 34: "AF_ROUTE", 35: "AF_CAN",
      36: "AF_ETHER"}
SOCK = {1: "SOCK_STREAM", 2: "SOCK_DGRAM", 3: "SOCK_RAW", 4: "SOCK_RDM",
        5: "SOCK_SEQPACKET", 6: "SOCK_CONN_DGRAM"}
SOCK_FLAGS = ((0x10000000, "SOCK_CLOEXEC"), (0x20000000, "SOCK_NONBLOCK"),
              (0x40000000, "SOCK_NOSIGPIPE"))
SHUT = {0: "SHUT_RD", 1: "SHUT_WR", 2: "SHUT_RDWR"}

OPEN_CALLS = frozenset({"open", "openat", "compat_30_fhopen", "__fhopen40",
                        "_ksem_open", "mq_open"})
SOCKET_CALLS = frozenset({"compat_30_socket", "__socket30", "socket",
                          "socketpair"})
WAIT_CALLS = frozenset({"wait4", "compat_50_wait4", "__wait450", "wait6"})
MSYNC_CALLS = frozenset({"__msync13", "compat_12_msync"})


def bits(value: int, table: tuple[tuple[int, str], ...]) -> str:
    """``A|B|0x..`` of the bits of ``value`` named in ``table`` (single
    bits: strace's ``printflags()`` with no comment)."""
    return flags(value, table, None)


def open_flags(v: int) -> str:
    v &= 0xFFFFFFFF
    rest = v & ~3
    head = O_ACCMODE[v & 3]
    return head + ("|" + bits(rest, O_FLAGS) if rest else "")


def prot(v: int) -> str:
    v &= 0xFFFFFFFF
    if v == 0:
        return "PROT_NONE"
    out = [name for bit, name in PROT if v & bit]
    mp = (v >> 3) & 7
    if mp:
        out.append("PROT_MPROTECT(%s)" % "|".join(
            name for bit, name in PROT if mp & bit))
    rest = v & ~0x3F
    if rest:
        out.append("0x%x" % rest)
    return "|".join(out)


def map_flags(v: int) -> str:
    v &= 0xFFFFFFFF
    align = (v >> 24) & 0xFF
    text = bits(v & 0xFFFFFF, MAP_FLAGS) if v & 0xFFFFFF else ""
    if align:
        text += ("|" if text else "") + "MAP_ALIGNED(%d)" % align
    return text or "0"


def _named(table: dict[int, str], v: int) -> str:
    return table.get(v, str(v))


class NetbsdArgs:
    """Renders one ``netbsd`` call's arguments for a :class:`Decoder`."""

    def __init__(self, decoder: Decoder) -> None:
        from ktrace.dump._netbsd_protos import NETBSD_PROTOS
        self.d = decoder
        self.protos = NETBSD_PROTOS
        abi = decoder.face.abi
        self.narrow = abi.regsize == 4
        self.big = abi.order == ">"

    def __call__(self, call: Any) -> tuple[list[str], int]:
        d = self.d
        face = d.face
        proto = self.protos.get(call.name)
        args = call.args
        slots = None if proto is None else [
            2 if self.narrow and t in WIDE else 1 for t, _, _ in proto]
        if slots is None or sum(slots) != len(args):
            return [self.plain(a & face.mask) for a in args], len(args)
        from ktrace.dump.decode import quote
        carries = d._carries
        paths = iter(call.paths)
        data = b"".join(call.data) if call.data else None
        name = call.name
        values: dict[str, int] = {}
        shown: list[str] = []
        ready = None
        at = 0
        for (ctype, pname, variadic), n in zip(proto, slots):
            v = args[at] & face.mask
            if n == 2:
                lo, hi = (args[at + 1], args[at]) if self.big else \
                    (args[at], args[at + 1])
                v = (lo & 0xFFFFFFFF) | (hi & 0xFFFFFFFF) << 32
            at += n
            values[pname] = v
            if pname == "PAD":
                continue
            if variadic and name in OPEN_CALLS and not (
                    values.get("flags", values.get("oflags", 0)) & O_CREAT):
                break                   # no mode without O_CREAT
            late = False
            if pname in _PATHS and ctype.endswith("char *") and not (
                    name == "symlink" and pname == "path"):
                path = next(paths, None)
                if path is not None:
                    shown.append(quote(path, None))
                    continue
            elif pname == "buf" and name in IO_CALLS:
                if data is not None:
                    shown.append(quote(data, self.d.strsize))
                    continue
                late = KTR_GENIO in carries
            elif "msghdr" in ctype:
                if call.msghdr is not None:
                    shown.append(d.msghdr(call.msghdr))
                    continue
                late = KTR_USER in carries
            elif pname == "argp" and name in EXEC_CALLS:
                if call.argv is not None:
                    shown.append("[%s]" % ", ".join(quote(a, None)
                                                    for a in call.argv))
                    continue
                late = KTR_EXEC_ARG in carries
            elif pname == "envp" and name in EXEC_CALLS:
                if call.envc is not None:
                    shown.append("0x%x /* %d vars */" % (v, call.envc))
                    continue
                late = KTR_EXEC_ENV in carries
            if late and ready is None:
                ready = len(shown)
            shown.append(self.value(name, ctype, pname, v, values))
        return shown, len(shown) if ready is None else ready

    @staticmethod
    def plain(v: int) -> str:
        return str(v) if 0 <= v < 10 else "0x%x" % v

    def value(self, name: str, ctype: str, pname: str, v: int,
              values: dict[str, int]) -> str:
        """One argument of NetBSD call ``name``; ``v`` unsigned."""
        i = c_int(v)
        if pname in ("flags", "oflags", "oflag") and name in OPEN_CALLS:
            return open_flags(v)
        if name.endswith("at"):
            if pname in _AT_FD and i == AT_FDCWD:
                return "AT_FDCWD"
            if pname == "flag" or (name == "linkat" and pname == "flags"):
                return bits(v & 0xFFFFFFFF, AT_FLAGS)
            if pname == "amode":
                return bits(v & 0xFFFFFFFF, ACCESS) if v else "F_OK"
        if name == "access" and pname == "flags":
            return bits(v & 0xFFFFFFFF, ACCESS) if v else "F_OK"
        if pname == "prot" and name in ("mmap", "mprotect"):
            return prot(v)
        if pname == "flags" and name == "mmap":
            return map_flags(v)
        if pname == "whence" and "lseek" in name:
            return _named(SEEK, i)
        if name == "fcntl":
            if pname == "cmd":
                return FCNTL.get(i, str(i))
            if pname == "arg":
                cmd = values.get("cmd", -1) & 0xFFFFFFFF
                if cmd == F_SETFD:
                    return "FD_CLOEXEC" if v == 1 else str(i)
                if cmd == F_SETFL:
                    return open_flags(v)
                return str(i) if cmd != 7 and cmd not in (8, 9) else \
                    "0x%x" % v          # F_GETLK, F_SETLK(W): a pointer
        if name == "flock" and pname == "how":
            return bits(v & 0xFFFFFFFF, LOCK)
        if pname in ("signum", "signo", "sig"):
            if i == 0:
                return "0"
            sig = self.d.face.emul.cur.tables.signame(i, False)
            return "SIG" + sig if not sig.startswith("*") else str(i)
        if pname == "how":
            if "sigprocmask" in name:
                return _named(SIG_HOW, i)
            if name == "shutdown":
                return _named(SHUT, i)
        if pname == "options" and name in WAIT_CALLS:
            return bits(v & 0xFFFFFFFF, WAIT) if v else "0"
        if name in SOCKET_CALLS:
            if pname == "domain":
                return _named(AF, i)
            if pname == "type":
                t = v & 0xFFFFFFFF
                return "|".join([SOCK.get(t & 0xFFFFFFF, str(t & 0xFFFFFFF))] +
                                [n for b, n in SOCK_FLAGS if t & b])
        if name in MSYNC_CALLS and pname == "flags":
            return bits(v & 0xFFFFFFFF, MS)
        if name == "mlockall" and pname == "flags":
            return bits(v & 0xFFFFFFFF, MCL)
        if name == "madvise" and pname == "behav":
            return _named(MADV, i)
        if name in ("setsockopt", "getsockopt", "getsockopt2"):
            if pname == "level":
                return dec.SOCKPROTO.get(i, str(i))
            if pname == "name":
                table = dec.SOCKOPT_BY_LEVEL.get(values.get("level", -1))
                return table.get(i, str(i)) if table else str(i)
        if name == "ioctl" and pname == "com":
            from ktrace.dump.ioctls import IOCTL_NAMES
            known = IOCTL_NAMES.get(v)
            return known if known else dec.ioctldecode(
                v, False, self.d.face.output_long, True)
        if name == "ptrace" and pname == "req":     # with the face's MD names
            face = self.d.face
            return face.ptrace_op(v, face.emul.cur, REV140)
        if name == "__futex" and pname == "op":
            return dec.futexput(v, 0xFFFFFFFF)
        return self.number(ctype, v, i)

    def number(self, ctype: str, v: int, i: int) -> str:
        if "*" in ctype:
            return "NULL" if v == 0 else "0x%x" % v
        if ctype == "mode_t":
            return "0%o" % (v & 0xFFFFFFFF) if v else "0"
        if ctype in _SIGNED32:
            return str(i)
        if ctype in _UNSIGNED32:
            return str(v & 0xFFFFFFFF)
        if ctype in _UNSIGNED:
            return str(v)
        bits_ = 64 if ctype in WIDE else self.d.face.bits
        v &= (1 << bits_) - 1
        return str(v - (1 << bits_) if v >> (bits_ - 1) else v)
