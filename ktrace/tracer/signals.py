"""PSIG records the NetBSD way from Linux signal-delivery stops (design §4).

NetBSD's ``postsig()`` writes PSIG only for a signal the process actually
takes: delivered to a handler, or whose default action terminates or dumps
core.  Linux reports a delivery stop for every signal, so this module decides
which stops are "taken", and converts what Linux knows (signal number, blocked
mask, ``siginfo_t``) into NetBSD's native numbering and layout, because kdump
prints PSIG untranslated.
"""

from __future__ import annotations

# the C module behind ``signal``, whose IntEnum wrappers (and ``enum``)
# cost ~3 ms of pyktrace's start-up; same functions, plain ints
import _signal as signal
import struct

from ktrace.format import AMD64, Abi, Layouts
from ktrace.tracer.procs import SIG_DFL, SIG_IGN

#: default action "ignore" or "stop" on Linux: no PSIG for these at SIG_DFL
NOT_TAKEN_BY_DEFAULT = frozenset({
    signal.SIGCHLD, signal.SIGCONT, signal.SIGWINCH, signal.SIGURG,
    signal.SIGSTOP, signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU,
})
STOP_SIGNALS = frozenset({signal.SIGSTOP, signal.SIGTSTP, signal.SIGTTIN,
                          signal.SIGTTOU})
FAULT_SIGNALS = frozenset({signal.SIGSEGV, signal.SIGBUS, signal.SIGILL,
                           signal.SIGFPE, signal.SIGTRAP})

# Linux si_code values (asm-generic/siginfo.h) -> NetBSD (sys/siginfo.h)
_SI_CODE = {
    0: 0,            # SI_USER
    -1: -1,          # SI_QUEUE
    -2: -2,          # SI_TIMER
    -3: -4,          # SI_MESGQ
    -4: -3,          # SI_ASYNCIO
    -6: -5,          # SI_TKILL -> SI_LWP (NetBSD's _lwp_kill)
    0x80: 32767,     # SI_KERNEL -> SI_NOINFO
}
SI_NOINFO = 32767

_LINUX_SI = struct.Struct("<iii4x")          # signo, errno, code
_LINUX_KILL = struct.Struct("<iIQ")          # pid, uid, sigval
_LINUX_CHLD = struct.Struct("<iIiqq")        # pid, uid, status, utime, stime
_LINUX_FAULT = struct.Struct("<Q")           # addr
_LINUX_POLL = struct.Struct("<qi")           # band, fd


def is_taken(sig: int, handler: int) -> bool:
    """Does the process take ``sig`` (handler, or fatal default action)?"""
    if handler == SIG_IGN:
        return False
    if handler == SIG_DFL:
        return sig not in NOT_TAKEN_BY_DEFAULT
    return True


def netbsd_siginfo(raw: bytes, netbsd_signo: int, abi: Abi = AMD64) -> bytes:
    """Convert a Linux x86-64 ``siginfo_t`` into NetBSD's 128-byte layout."""
    lay = Layouts.get(abi)
    sig, err, code = _LINUX_SI.unpack_from(raw)
    ncode = _SI_CODE.get(code, code if code > 0 else SI_NOINFO)
    if code > 0 and code != 0x80 and sig in FAULT_SIGNALS:
        addr, = _LINUX_FAULT.unpack_from(raw, 16)
        reason = lay.si_fault.pack(addr, 0, 0, 0)
    elif code > 0 and code != 0x80 and sig == signal.SIGCHLD:
        pid, uid, status, utime, stime = _LINUX_CHLD.unpack_from(raw, 16)
        reason = lay.si_child.pack(pid, uid, status, utime & 0xFFFFFFFF,
                                   stime & 0xFFFFFFFF)
    elif code > 0 and code != 0x80 and sig == signal.SIGPOLL:
        band, fd = _LINUX_POLL.unpack_from(raw, 16)
        reason = lay.si_poll.pack(band, fd)
    else:
        pid, uid, value = _LINUX_KILL.unpack_from(raw, 16)
        reason = lay.si_rt.pack(pid, uid, value)
    # the reason union is NUL-padded to fill the 128-byte siginfo_t
    return lay.siginfo.pack(netbsd_signo, ncode, err, reason)
