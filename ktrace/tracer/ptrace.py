"""The Linux kernel calls the tracer needs and python-ptrace lacks, in ctypes.

python-ptrace's debugger loop costs 1.2-1.5x strace on its own (design §5),
so the stop loop calls ``ptrace(2)`` directly: ``PTRACE_SEIZE`` (no
``SIGSTOP`` games), ``PTRACE_INTERRUPT``/``PTRACE_LISTEN`` (job control under
``SEIZE``), ``PTRACE_GET_SYSCALL_INFO`` (one call per stop instead of register
reads), ``PTRACE_GETEVENTMSG``, ``PTRACE_GETSIGINFO``; memory through
``process_vm_readv`` with a ``/proc/PID/mem`` fallback (``PROT_NONE`` pages,
which ``process_vm_readv`` refuses); the seccomp-bpf program the spawned
child installs on itself.
"""

from __future__ import annotations

import ctypes
import os
import struct

_libc = ctypes.CDLL(None, use_errno=True)
_ptrace = _libc.ptrace
_ptrace.argtypes = (ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p)
_ptrace.restype = ctypes.c_long
# The same function for the stop loop's calls, without ``argtypes``: ctypes'
# per-argument conversion costs ~0.35 us a call, twice per stop.  glibc's
# ptrace() is variadic, and libffi sign-extends the small ints passed here
# to full registers; pointers are passed as ctypes buffers, never as ints.
_ptrace_fast = ctypes.CDLL(None, use_errno=True).ptrace
_ptrace_fast.restype = ctypes.c_long

# requests (linux/ptrace.h)
PTRACE_CONT = 7
PTRACE_DETACH = 17
PTRACE_SYSCALL = 24
PTRACE_SETOPTIONS = 0x4200
PTRACE_GETEVENTMSG = 0x4201
PTRACE_GETSIGINFO = 0x4202
PTRACE_SEIZE = 0x4206
PTRACE_INTERRUPT = 0x4207
PTRACE_LISTEN = 0x4208
PTRACE_GET_SYSCALL_INFO = 0x420E

# options
O_TRACESYSGOOD = 0x01
O_TRACEFORK = 0x02
O_TRACEVFORK = 0x04
O_TRACECLONE = 0x08
O_TRACEEXEC = 0x10
O_TRACEEXIT = 0x40
O_TRACESECCOMP = 0x80
O_EXITKILL = 0x100000

# events (status >> 16)
EVENT_FORK = 1
EVENT_VFORK = 2
EVENT_CLONE = 3
EVENT_EXEC = 4
EVENT_EXIT = 6
EVENT_SECCOMP = 7
EVENT_STOP = 128

# PTRACE_GET_SYSCALL_INFO ops
OP_NONE, OP_ENTRY, OP_EXIT, OP_SECCOMP = 0, 1, 2, 3
AUDIT_ARCH_X86_64 = 0xC000003E
AUDIT_ARCH_I386 = 0x40000003

WALL = 0x40000000            # __WALL: threads and non-SIGCHLD children too
SYSCALL_TRAP = 0x80 | 5      # SIGTRAP | 0x80 with PTRACE_O_TRACESYSGOOD

# struct ptrace_syscall_info: op, pad[3], arch, ip, sp, then the union.
# 88 bytes: entry {nr, args[6]}, exit {rval, is_error}, seccomp {nr, args[6], ret_data}
SYSCALL_INFO_SIZE = 88
_INFO_ENTRY = struct.Struct("<B3xI16xQ6Q")
_INFO_EXIT = struct.Struct("<B3xI16xqB")
_INFO_HEAD = struct.Struct("<B3xI")
_info_buf = ctypes.create_string_buffer(SYSCALL_INFO_SIZE)
_info_addr = ctypes.addressof(_info_buf)
_info_view = memoryview(_info_buf).cast("B")
_ulong = ctypes.c_ulong()
_ulong_addr = ctypes.addressof(_ulong)
SIGINFO_SIZE = 128
_siginfo_buf = ctypes.create_string_buffer(SIGINFO_SIZE)
_siginfo_addr = ctypes.addressof(_siginfo_buf)


def _check(ret: int, what: str, tid: int) -> int:
    if ret == -1:
        err = ctypes.get_errno()
        if err:
            raise OSError(err, os.strerror(err), f"{what}({tid})")
    return ret


def seize(tid: int, options: int) -> None:
    """``PTRACE_SEIZE``: attach without stopping the thread."""
    _check(_ptrace(PTRACE_SEIZE, tid, None, options), "PTRACE_SEIZE", tid)


def interrupt(tid: int) -> None:
    _check(_ptrace(PTRACE_INTERRUPT, tid, None, None), "PTRACE_INTERRUPT", tid)


def setoptions(tid: int, options: int) -> None:
    _check(_ptrace(PTRACE_SETOPTIONS, tid, None, options), "PTRACE_SETOPTIONS", tid)


def resume(request: int, tid: int, sig: int = 0) -> bool:
    """Restart a stopped thread; False when it has vanished (killed meanwhile).

    ``ESRCH`` is normal here: a thread can be SIGKILLed while stopped, and its
    exit is then reported by the next wait.
    """
    return _ptrace_fast(request, tid, None, sig) != -1


def detach(tid: int, sig: int = 0) -> bool:
    return _ptrace(PTRACE_DETACH, tid, None, sig) != -1


def geteventmsg(tid: int) -> int:
    _check(_ptrace(PTRACE_GETEVENTMSG, tid, None, _ulong_addr), "PTRACE_GETEVENTMSG", tid)
    return _ulong.value


def getsiginfo(tid: int) -> bytes | None:
    """The raw 128-byte Linux ``siginfo_t`` of the current stop (native layout)."""
    if _ptrace(PTRACE_GETSIGINFO, tid, None, _siginfo_addr) == -1:
        return None
    return _siginfo_buf.raw


def syscall_info(tid: int) -> tuple:
    """``PTRACE_GET_SYSCALL_INFO``, decoded by op.

    Returns ``(OP_ENTRY|OP_SECCOMP, arch, nr, a0..a5)``, ``(OP_EXIT, arch,
    rval, is_error)``, or ``(OP_NONE, arch)``; ``(-1,)`` if the thread is gone.
    """
    if _ptrace_fast(PTRACE_GET_SYSCALL_INFO, tid, SYSCALL_INFO_SIZE, _info_buf) == -1:
        return (-1,)
    op = _info_view[0]
    if op == OP_ENTRY or op == OP_SECCOMP:
        return _INFO_ENTRY.unpack_from(_info_buf)
    if op == OP_EXIT:
        return _INFO_EXIT.unpack_from(_info_buf)
    return _INFO_HEAD.unpack_from(_info_buf)


# --- memory -------------------------------------------------------------------

class _Iovec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


_pvr = _libc.process_vm_readv
_pvr.argtypes = (ctypes.c_int, ctypes.POINTER(_Iovec), ctypes.c_ulong,
                 ctypes.POINTER(_Iovec), ctypes.c_ulong, ctypes.c_ulong)
_pvr.restype = ctypes.c_ssize_t
IOV_MAX = 1024
_local = _Iovec()
_remote = (_Iovec * IOV_MAX)()
_CHUNK = 1 << 16
_rbuf = ctypes.create_string_buffer(_CHUNK)
_rbuf_addr = ctypes.addressof(_rbuf)
_local.base = _rbuf_addr
_string_at = ctypes.string_at
# One read of at most _CHUNK bytes, the common case (a write's buffer, a
# path): both iovecs live in one buffer, filled by one pack_into; the call
# has no argtypes (ctypes' conversions and Structure attribute stores cost
# more than the system call) and the bytes are copied out of a memoryview.
_pvr_fast = ctypes.CDLL(None, use_errno=True).process_vm_readv
_pvr_fast.restype = ctypes.c_ssize_t
_iov_pair = (_Iovec * 2)()                  # [0] local, [1] remote
_IOV_PAIR = struct.Struct("QQQQ")
_iov_local = ctypes.byref(_iov_pair, 0)
_iov_remote = ctypes.byref(_iov_pair, ctypes.sizeof(_Iovec))
_rview = memoryview(_rbuf).cast("B")


class Memory:
    """Read one process's memory: ``process_vm_readv``, then ``/proc/PID/mem``.

    One instance per traced process (the ``/proc`` fd is opened on first need
    and reopened after exec, which replaces the address space).
    """

    #: ``pid``: the thread read through (the loop sets the one it serves;
    #: an open ``/proc/PID/mem`` stays good whichever thread opened it)
    __slots__ = ("pid", "_memfd")

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._memfd = -1

    def close(self) -> None:
        if self._memfd >= 0:
            os.close(self._memfd)
            self._memfd = -1

    def _pread(self, addr: int, size: int) -> bytes:
        if self._memfd < 0:
            try:
                self._memfd = os.open(f"/proc/{self.pid}/mem", os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                return b""
        try:
            return os.pread(self._memfd, size, addr)
        except OSError:
            return b""

    def read(self, addr: int, size: int) -> bytes:
        """Up to ``size`` bytes at ``addr``; shorter if memory ends (never raises)."""
        if size <= 0 or not addr:
            return b""
        if size <= _CHUNK:
            _IOV_PAIR.pack_into(_iov_pair, 0, _rbuf_addr, size, addr, size)
            got = _pvr_fast(self.pid, _iov_local, 1, _iov_remote, 1, 0)
            if got == size:
                return _rview[:got].tobytes()
            # short or failed: the general path below, with its fallback
        out = []
        got_total = 0
        while got_total < size:
            n = min(size - got_total, _CHUNK)
            _local.len = n
            _remote[0].base = addr + got_total
            _remote[0].len = n
            got = _pvr(self.pid, _local, 1, _remote, 1, 0)
            if got <= 0:
                rest = self._pread(addr + got_total, size - got_total)
                out.append(rest)
                got_total += len(rest)
                break
            out.append(_string_at(_rbuf_addr, got))
            got_total += got
            if got < n:
                # partial: the next page is unreadable to process_vm_readv
                rest = self._pread(addr + got_total, size - got_total)
                out.append(rest)
                got_total += len(rest)
                break
        return b"".join(out)

    def readv(self, iovs: list[tuple[int, int]]) -> bytes:
        """The concatenation of several remote buffers (readv/writev data)."""
        total = sum(n for _, n in iovs)
        if total <= _CHUNK and 0 < len(iovs) <= IOV_MAX:
            for i, (base, n) in enumerate(iovs):
                _remote[i].base = base
                _remote[i].len = n
            _local.len = total
            if _pvr(self.pid, _local, 1, _remote, len(iovs), 0) == total:
                return _string_at(_rbuf_addr, total)
        return b"".join(self.read(base, n) for base, n in iovs)

    def string(self, addr: int, limit: int = 4096) -> bytes | None:
        """A NUL-terminated string (without the NUL), read up to page ends first."""
        if not addr:
            return None
        out = b""
        first = True
        while len(out) < limit:
            n = min(4096 - ((addr + len(out)) & 4095), limit - len(out))
            if first and n > 256:
                n = 256          # most paths are short: copy little first
            first = False
            chunk = self.read(addr + len(out), n)
            nul = chunk.find(b"\0")
            if nul >= 0:
                return out + chunk[:nul]
            out += chunk
            if len(chunk) < n:
                break
        return out


# --- seccomp ------------------------------------------------------------------

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_TRACE = 0x7FF00000
_BPF_LD_W_ABS = 0x20
_BPF_JEQ_K = 0x15
_BPF_RET_K = 0x06
_X32_BIT = 0x40000000


def seccomp_program(nrs: dict[int, frozenset[int]]) -> bytes:
    """A classic-BPF program: ``SECCOMP_RET_TRACE`` for ``nrs[arch]``, else allow.

    Each listed number costs two instructions (``jeq nr, 0, 1; ret TRACE``)
    so no jump ever exceeds the 8-bit offsets; x32 calls (which pyktrace does
    not decode) are allowed.
    """
    ins: list[tuple[int, int, int, int]] = []
    for arch, numbers in nrs.items():
        body: list[tuple[int, int, int, int]] = [(_BPF_LD_W_ABS, 0, 0, 0)]
        for nr in sorted(numbers):
            body.append((_BPF_JEQ_K, 0, 1, nr))
            body.append((_BPF_RET_K, 0, 0, SECCOMP_RET_TRACE))
        body.append((_BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW))
        # ld arch; jeq arch, 0, len(body)  -> fall into body or skip it
        ins.append((_BPF_LD_W_ABS, 0, 0, 4))
        ins.append((_BPF_JEQ_K, 0, len(body), arch))
        ins.extend(body)
    ins.append((_BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW))
    if len(ins) > 4096:
        raise ValueError("seccomp program too long")
    return b"".join(struct.pack("<HBBI", *i) for i in ins)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def install_seccomp(program: bytes, no_new_privs: bool) -> None:
    """Install ``program`` on the calling process (the forked child, pre-exec)."""
    prctl = _libc.prctl
    prctl.argtypes = (ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p,
                      ctypes.c_ulong, ctypes.c_ulong)
    if no_new_privs and prctl(PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    buf = ctypes.create_string_buffer(program)
    prog = _SockFprog(len(program) // 8, ctypes.addressof(buf))
    if prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))


# --- syscall injection (x86-64 tracees) -------------------------------------------

PTRACE_SINGLESTEP = 9
PTRACE_GETREGS = 12
PTRACE_SETREGS = 13
NR_RT_SIGACTION_X86_64 = 13
NR_RT_SIGACTION_I386 = 174
_SYSCALL_INSN = b"\x0f\x05"          # syscall
_INT80_INSN = b"\xcd\x80"            # int $0x80 (i386 processes)


class UserRegs(ctypes.Structure):
    """``struct user_regs_struct`` of x86-64."""

    _fields_ = [(n, ctypes.c_ulonglong) for n in (
        "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8",
        "rax", "rcx", "rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "eflags",
        "rsp", "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs")]


def getregs(tid: int) -> UserRegs:
    regs = UserRegs()
    _check(_ptrace(PTRACE_GETREGS, tid, None, ctypes.addressof(regs)), "PTRACE_GETREGS", tid)
    return regs


def setregs(tid: int, regs: UserRegs) -> None:
    _check(_ptrace(PTRACE_SETREGS, tid, None, ctypes.addressof(regs)), "PTRACE_SETREGS", tid)


def vdso_syscall_insn(pid: int, mem: Memory, insn: bytes = _SYSCALL_INSN) -> int | None:
    """The address of a system call instruction in the process's vDSO."""
    try:
        with open(f"/proc/{pid}/maps") as f:
            for line in f:
                if line.rstrip().endswith("[vdso]"):
                    lo, hi = (int(x, 16) for x in line.split()[0].split("-"))
                    at = mem.read(lo, hi - lo).find(insn)
                    return lo + at if at >= 0 else None
    except OSError:
        pass
    return None


def query_sigactions(tid: int, mem: Memory, signals: list[int],
                     i386: bool = False) -> tuple[dict[int, tuple[int, int]], int]:
    """Ask a stopped thread ``rt_sigaction(sig, NULL, &old)`` for each signal.

    The thread must be in a ptrace stop outside a syscall's entry/exit (an
    attach or interrupt stop).  Its registers are saved, the call is run by
    single-stepping a ``syscall`` (``int $0x80`` in an i386 process)
    instruction of the vDSO with ``orig_rax`` = -1 (so no restart logic
    touches it), and the registers are restored:
    an interrupted call restarts as if nothing happened.  Returns the
    ``(handler, flags)`` found and a signal that arrived meanwhile (0 if
    none) for the caller to deliver when it resumes the thread.
    """
    found: dict[int, tuple[int, int]] = {}
    insn = vdso_syscall_insn(tid, mem, _INT80_INSN if i386 else _SYSCALL_INSN)
    if insn is None:
        return found, 0
    saved = getregs(tid)
    scratch = ((saved.rsp - 512) & ~0xF)          # below the red zone
    old = struct.Struct("<II" if i386 else "<QQ")
    pending = 0
    try:
        for sig in signals:
            regs = UserRegs.from_buffer_copy(saved)
            regs.rip = insn
            regs.orig_rax = (1 << 64) - 1
            if i386:
                regs.rax = NR_RT_SIGACTION_I386
                regs.rbx, regs.rcx, regs.rdx, regs.rsi = sig, 0, scratch, 8
            else:
                regs.rax = NR_RT_SIGACTION_X86_64
                regs.rdi, regs.rsi, regs.rdx, regs.r10 = sig, 0, scratch, 8
            setregs(tid, regs)
            if _ptrace(PTRACE_SINGLESTEP, tid, None, None) == -1:
                break
            _, status = os.waitpid(tid, WALL)
            if not os.WIFSTOPPED(status):
                raise ProcessLookupError(tid)
            if os.WSTOPSIG(status) != 5 or status >> 16:
                pending = os.WSTOPSIG(status) if not status >> 16 else 0
                break
            if getregs(tid).rax & 0xFFFFFFFF == 0:
                raw = mem.read(scratch, old.size)
                if len(raw) == old.size:
                    found[sig] = old.unpack(raw)
    finally:
        try:
            setregs(tid, saved)
        except OSError:
            pass
    return found, pending
