"""kdump's text, record by record: the ``--netbsd`` face and the default face.

Each function mirrors one of kdump.c's (``dumpheader``, ``ktrsyscall``,
``ktrsysret``/``eprint``/``rprint``, ``ktrnamei``, ``ktremul``,
``ktrgenio``, ``ktrpsig``, ``ktrcsw``, ``ktruser``, ``ktrexecfd``,
``ktrmib``) and follows the kdump revision that reads the record:

* ``REV140`` -- kdump.c 1.140.2.2 (NetBSD 10) for version 2 records;
* ``REV115`` -- kdump.c 1.115.2.1 (NetBSD 6), the last to read version 0
  and 1 records (no lid column for v0, ``%06ld`` microseconds);
* ``REV93`` -- kdump.c 1.93.2.1 (NetBSD 4) for 44-byte i386 headers
  (32-bit ``time_t`` kernels); it also prints the Mach records (``MMSG``,
  ``MOOL``) and names Mach traps (:mod:`ktrace.dump.mach`).

The default face differs only for the ``linux``/``linux32`` emulations:
Linux's syscall names, Linux errno names and texts, ``RESTART`` and
``JUSTRETURN`` told from ``ESRCH``/``ENOENT`` by the raw Linux return value
pyktrace stores in ``retval`` (design §4), Linux signal names, and Linux's
values where kdump would apply NetBSD constants.

Output is built as latin-1 text, so every byte of the trace reaches the
terminal unchanged, as C's ``printf`` would pass it.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Callable

from ktrace.format import (
    KTR_CSW, KTR_EMUL, KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_EXEC_FD, KTR_GENIO,
    KTR_MIB, KTR_MMSG, KTR_MOOL, KTR_NAMEI, KTR_PSIG, KTR_SYSCALL,
    KTR_SYSRET, KTR_USER, KTRFAC_MASK, Abi, FormatError, Layouts,
    EJUSTRETURN, ERESTART, KTR_USER_MAXIDLEN, SIGINFO_SIZE)
from ktrace.dump import decodings as dec
from ktrace.dump.emulation import EmulContext, View
from ktrace.dump.hexdump import hexdump
from ktrace.dump.ioctls import IOCTL_NAMES, LINUX_IOCTL_NAMES
from ktrace.tracefile import Record
from ktrace.dump.user import user_body
from ktrace.dump.vis import visdump

REV93, REV115, REV140 = 93, 115, 140

_TYPES = {1: "CALL", 2: "RET ", 3: "NAMI", 4: "GIO ", 5: "PSIG", 6: "CSW ",
          7: "EMUL", 8: "MISC", 10: "ARG", 11: "ENV", 13: "SAU", 14: "MIB",
          15: "FD"}
#: 1.93.2.1's dumpheader: no FD type yet, the Mach records still
_TYPES_93 = {**{k: v for k, v in _TYPES.items() if k != KTR_EXEC_FD},
             KTR_MMSG: "MMSG", KTR_MOOL: "MOOL"}

#: sys/file.h DTYPE_NAMES
DTYPE_NAMES = ("0", "file", "socket", "pipe", "kqueue", "misc", "crypto",
               "mqueue", "semaphore", "eventfd", "timerfd")

NSIG = 64
# sys/siginfo.h
SI_USER, SI_QUEUE, SI_TIMER, SI_ASYNCIO, SI_MESGQ, SI_LWP = 0, -1, -2, -3, -4, -5
SI_NOINFO = 32767
SIGILL, SIGTRAP, SIGFPE, SIGBUS, SIGSEGV, SIGCHLD, SIGIO = 4, 5, 8, 10, 11, 20, 23
#: mksiginfos: the ILL_, FPE_, SEGV_, BUS_, TRAP_ and CLD_ codes
SIGINFO_CODES = {
    SIGILL: ("ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP",
             "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK"),
    SIGFPE: ("FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF",
             "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"),
    SIGSEGV: ("SEGV_MAPERR", "SEGV_ACCERR"),
    SIGBUS: ("BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"),
    SIGTRAP: ("TRAP_BRKPT", "TRAP_TRACE", "TRAP_EXEC", "TRAP_CHLD",
              "TRAP_LWP", "TRAP_DBREG", "TRAP_SCE", "TRAP_SCX"),
    SIGCHLD: ("CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED",
              "CLD_STOPPED", "CLD_CONTINUED"),
}
#: The same tables as the kdumps of REV115 and REV93 were built with: their
#: sys/siginfo.h (e.g. 1.14.20.1, 2006) has TRAP_BRKPT and TRAP_TRACE only;
#: TRAP_EXEC..TRAP_SCX came with the ptrace work of 2016-2018, so the older
#: kdumps print codes 3..8 of SIGTRAP as "[N]".
SIGINFO_CODES_OLD = {**SIGINFO_CODES, SIGTRAP: ("TRAP_BRKPT", "TRAP_TRACE")}

#: Linux's restart errors (kernel-internal, seen as raw return values)
LINUX_RESTARTS = range(-516, -511)


class Options:
    """kdump's flags, plus the face.

    A plain class (a dataclass costs pykdump's start-up 5 ms): the class
    attributes are the defaults, keywords set any of them.
    """

    netbsd: bool = False
    decimal: bool = False          # -d
    plain: int = 0                 # -n (counted)
    numeric: int = 0               # -N
    absolute: bool = False         # -T
    elapsed: bool = False          # -E
    relative: bool = False         # -R
    #: kdump before 1.140 keeps only the last of -T and -R given
    last_time_flag: str = ""
    maxdata: int = -1              # -m
    word_size: int = 0             # -x / -X
    pid: int | None = None         # -p
    trpoints: int = KTRFAC_MASK    # -t (ALL_POINTS)
    emulation: str = "netbsd"      # -e
    screenwidth: int = 80

    def __init__(self, **flags: object) -> None:
        for name, value in flags.items():
            if not hasattr(Options, name):
                raise TypeError(f"Options has no {name!r}")
            setattr(self, name, value)


class BadRecord(FormatError):
    """A record whose inner sizes contradict its length."""


class NotInKdump(FormatError):
    """``--netbsd`` was asked for output the kdump reading a record never
    printed (``-E`` on records only kdumps without ``-E`` read)."""


def _pointer(v: int) -> str:
    """NetBSD's ``%p``: ``0x`` and lower-case hex, ``0x0`` for NULL."""
    return "0x%x" % v


class Face:
    """Turns records into kdump's lines for one trace file.

    :meth:`record` appends text to :attr:`out`; the caller writes it out in
    big chunks.  State that kdump keeps in statics (emulation contexts,
    the previous and first timestamps) lives here.
    """

    def __init__(self, opts: Options, abi: Abi,
                 warn: Callable[[str], None] | None = None) -> None:
        self.o = opts
        self.abi = abi
        #: the lines are kdump's (not --decode's, --summary's or --json's,
        #: which show no timestamp columns): set by the dump loop
        self.kdump_lines = True
        self.warn = warn or (lambda m: print("pykdump: " + m, file=sys.stderr))
        self.out: list[str] = []
        lay = Layouts.get(abi)
        self.lay = lay
        self.reg = abi.regsize
        self.bits = abi.regsize * 8
        self.mask = (1 << self.bits) - 1
        self.sign = 1 << (self.bits - 1)
        self.time32 = not abi.time64
        #: only a big-endian host's kdump reads a big-endian trace, and its
        #: hex dumps show words in file order
        self.big = abi.big_endian
        self.emul = EmulContext(opts.emulation, opts.netbsd, self.warn)
        self._args: dict[int, struct.Struct] = {}
        self._comm: dict[bytes, str] = {}
        self.last_name: str | None = None
        self.last_error = False
        self.last_type = ""
        self.last_head_len = 0
        #: the values of the last CALL (code, args) and RET (code, error,
        #: retval, retval_1), for the modes beyond kdump
        self.last_call: tuple[int, list[int]] = (0, [])
        self.last_ret: tuple[int, int, int, int] = (0, 0, 0, 0)
        self._prev = (0, 0)
        self._start = (0, 0)
        self._psig_sizes = (lay.psig.size, lay.psig.size + SIGINFO_SIZE)
        self._sysret_min = 8 + self.reg
        self._sysret_full = lay.sysret.size
        self._body = {
            KTR_SYSCALL: self.syscall, KTR_SYSRET: self.sysret,
            KTR_NAMEI: self.namei, KTR_GENIO: self.genio,
            KTR_PSIG: self.psig, KTR_CSW: self.csw, KTR_EMUL: self.emulrec,
            KTR_USER: self.user, KTR_EXEC_ARG: self.visrec,
            KTR_EXEC_ENV: self.visrec, KTR_MIB: self.mib,
        }
        if not self.time32:
            self._body[KTR_EXEC_FD] = self.execfd
        else:                       # only 1.93.2.1 reads these layouts
            self._body[KTR_MMSG] = self.mmsg
            self._body[KTR_MOOL] = self.mool
        #: PT_MACHDEP_STRINGS of the machine whose kdump reads this layout,
        #: per revision; big-endian files come from machines (sparc64,
        #: powerpc, mips, ...) whose requests this does not know
        if abi.big_endian:
            self._machdep: dict[int, tuple[str, ...]] = {}
        elif abi.lp64:
            self._machdep = {REV140: dec.PTRACE_MACHDEP_AMD64_140,
                             REV115: dec.PTRACE_MACHDEP_AMD64_115}
        else:
            self._machdep = {REV140: dec.PTRACE_MACHDEP_I386_140,
                             REV115: dec.PTRACE_MACHDEP_I386_OLD,
                             REV93: dec.PTRACE_MACHDEP_I386_OLD}

    # --- helpers --------------------------------------------------------
    def slong(self, v: int) -> int:
        """``(long)v`` on the traced machine."""
        v &= self.mask
        return v - (1 << self.bits) if v & self.sign else v

    def output_long(self, v: int, as_x: bool) -> str:
        """kdump's ``output_long`` for the current emulation."""
        if self.emul.cur.arg32:
            v &= 0xFFFFFFFF
            if as_x:
                return dec.hexl(v)
            return str(v - (1 << 32) if v & 0x80000000 else v)
        if as_x:
            return dec.hexl(v & self.mask)
        return str(self.slong(v))

    def arg(self, v: int) -> str:
        """One argument: ``output_long(v, !(decimal || small(v)))``."""
        s = self.slong(v)
        return self.output_long(v, not (self.o.decimal or 0 <= s < 10))

    def signame(self, sig: int, xlat: bool) -> str:
        """kdump's ``signame``: the name without ``SIG``; the default face
        names a Linux process's signal arguments in Linux's numbering."""
        sig = self.slong(sig)
        cur = self.emul.cur
        if xlat and cur.linux_face and 0 < sig < NSIG:
            from ktrace.emul import LINUX_SIGNALS
            name = LINUX_SIGNALS.get(sig)
            if name:
                return name[3:] if name.startswith("SIG") else name
        return cur.tables.signame(sig, xlat)

    def comm(self, raw: bytes) -> str:
        """``%.16s`` of ``ktr_comm`` (cached: a trace has few commands)."""
        s = self._comm.get(raw)
        if s is None:
            if len(self._comm) > 4096:      # garbage after the NUL varies
                self._comm.clear()
            s = raw.split(b"\0", 1)[0][:16].decode("latin-1")
            self._comm[raw] = s
        return s

    def revision(self, version: int) -> int:
        if self.time32:
            return REV93
        return REV140 if version == 2 else REV115

    # --- header ---------------------------------------------------------
    def header(self, r: Record, rev: int) -> str:
        """``dumpheader``: pid, lid, comm, timestamps, type."""
        if r.version > 0:
            h = "%6d %6d %-8s " % (r.pid, r.lid, self.comm(r.comm))
        else:
            h = "%6d %-8s " % (r.pid, self.comm(r.comm))
        o = self.o
        if o.absolute or o.elapsed or o.relative:
            h += self.timestamps(r, rev)
        if rev == REV93:
            t = _TYPES_93.get(r.type)
        else:
            t = _TYPES.get(r.type)
        if t is None:
            t = "UNKNOWN(%d)" % r.type
        self.last_type = t.strip()
        return h + "%-4s  " % t

    def timestamps(self, r: Record, rev: int) -> str:
        unit = 1_000_000 if r.version == 0 else 1_000_000_000
        cur = (r.sec, r.frac)
        out = ""
        o = self.o
        if o.elapsed and o.netbsd and rev != REV140 and self.kdump_lines:
            # kdump 1.115.2.1 and 1.93.2.1 have no -E (their getopt string
            # is "e:f:dlm:Nnp:RTt:xX:"): -E there is a usage error, so the
            # strict face has nothing faithful to print; the default face
            # shows elapsed times for these records as an extension
            what, kdump = (("version %d record" % r.version, "1.115.2.1")
                           if rev == REV115 else
                           ("record with a 44-byte header", "1.93.2.1"))
            raise NotInKdump(
                "%s at offset %d: kdump %s, which reads it, has no -E "
                "(leave out --netbsd for elapsed times)"
                % (what, r.offset, kdump))
        absolute, relative = o.absolute, o.relative
        if rev != REV140 and absolute and relative:   # timestamp = 1 or 2
            absolute = o.last_time_flag == "T"
            relative = not absolute
        if absolute:
            out += self.ts(cur, unit, rev)
        if self.o.elapsed:
            if self._start[0] == 0:
                self._start = cur
                out += self.ts((0, 0), unit, rev)
            else:
                out += self.ts(_sub(cur, self._start, unit), unit, rev)
        if relative:
            if self._prev[0] == 0:
                d = (0, 0)
            else:
                d = _sub(cur, self._prev, unit)
            self._prev = cur
            out += self.ts(d, unit, rev)
        return out

    @staticmethod
    def ts(t: tuple[int, int], unit: int, rev: int) -> str:
        sec, frac = t
        digits = 6 if unit == 1_000_000 else 9
        if rev == REV140 and sec < 0:      # output_ts() of 1.140.2.2
            sec, frac = _sub((0, 0), t, unit)
            return "-%d.%0*d " % (sec, digits, frac)
        return "%d.%0*d " % (sec, digits, frac)

    # --- records --------------------------------------------------------
    def record(self, r: Record) -> None:
        """Append the text kdump prints for one record (if selected)."""
        text = self.render(r)
        if text is not None:
            self.out.append(text)

    def render(self, r: Record) -> str | None:
        """The text kdump prints for one record; None when ``-t``/``-p``
        leave it out (kdump then skips it entirely, EMUL records too).

        Afterwards :attr:`last_name` holds the syscall name a CALL or RET
        was printed with (None when printed as a number) and
        :attr:`last_error` whether a RET printed an error.
        """
        o = self.o
        if not (o.trpoints >> (r.type & 31)) & 1:
            if r.type == KTR_EMUL and not self.kdump_lines:
                # kdump skips an EMUL record -t leaves out, and names a
                # linux process's calls with NetBSD's table; the modes
                # beyond kdump follow the emulation all the same
                self.emul.sanify(r.pid)
                self.emulrec(r, 0, 0)
            return None
        if o.pid is not None and r.pid != o.pid:
            return None
        rev = self.revision(r.version)
        head = self.header(r, rev)
        self.last_head_len = len(head)
        self.emul.sanify(r.pid)
        body = self._body.get(r.type)
        if body is None:
            return head + "\n" + hexdump(r.payload, o.word_size or 1, self.big)
        return head + body(r, rev, len(head))

    def syscall(self, r: Record, rev: int, col: int) -> str:
        p = r.payload
        if len(p) < 8:
            raise BadRecord(f"short CALL record ({len(p)} bytes) at offset {r.offset}")
        code, argsize = self.lay.syscall.unpack_from(p)
        if argsize < 0 or 8 + argsize > len(p):
            raise BadRecord(
                f"CALL argsize {argsize} beyond its {len(p)}-byte record "
                f"at offset {r.offset}")
        n = argsize // self.reg
        st = self._args.get(n)
        if st is None:
            st = struct.Struct("%s%d%s" % (self.abi.order, n,
                                           "q" if self.reg == 8 else "i"))
            if n <= 32:
                self._args[n] = st
        args = list(st.unpack_from(p, 8))
        self.last_call = (code, args[:])
        o = self.o
        em = self.emul
        e = em.cur
        em.changed = False
        name = None if o.numeric else e.sysnames.get(code)
        if name is None and rev == REV93 and not o.numeric and \
                not e.linux_face:
            from ktrace.dump.mach import trap_name
            name = trap_name(code)
        self.last_name = name
        if name is None:
            name = "?"
            s = "[%d]" % code
        else:
            s = name
        if e.arg32 and name.startswith("netbsd32_"):
            name = name[9:]
        if not args:
            return s + "\n"
        c = "("
        if o.plain:
            pass
        elif self._exits(name, e, rev):
            em.delete(r.pid)
        else:
            special, args = self.special(name, e, args, rev)
            if special is not None:
                s += special
                c = ","
        for a in args:
            s += c + self.arg(a)
            c = ","
        return s + ")\n"

    @staticmethod
    def _exits(name: str, e: View, rev: int) -> bool:
        if rev == REV93:
            return name == "exit"
        return name == "exit_group" or (not e.linux and name == "exit")

    def special(self, name: str, e: View, args: list[int],
                rev: int) -> tuple[str | None, list[int]]:
        """kdump's decodings of the first arguments of some calls.

        Returns the text (starting with ``(``) and the arguments left.
        """
        n = len(args)
        d = self.o.decimal
        lin = e.linux_face
        if name == "ioctl" and n >= 2:
            cmd = args[1] & self.mask
            known = (LINUX_IOCTL_NAMES if lin else IOCTL_NAMES).get(cmd)
            if known is not None:
                req = "," + known
            elif lin:
                req = "," + dec.linux_ioctldecode(cmd)
            else:
                req = "," + dec.ioctldecode(cmd, d, self.output_long,
                                            rev == REV140)
            return "(" + self.arg(args[0]) + req, args[2:]
        if rev == REV140 and name == "fcntl" and n >= 2:
            table = dec.LINUX_FCNTL if lin else dec.NETBSD_FCNTL
            cmd = args[1] & self.mask
            nm = table.get(cmd)
            return ("(" + self.arg(args[0]) + "," +
                    (nm if nm else dec.hexl(cmd))), args[2:]
        if rev == REV140 and not lin and n >= 3 and name in (
                "setsockopt", "getsockopt", "getsockopt2"):
            s = "(" + self.arg(args[0])
            level = self.slong(args[1])
            proto = dec.SOCKPROTO.get(level)
            # kdump prints no comma before an unnamed level (sic)
            s += "," + proto if proto else self.arg(args[1])
            table = dec.SOCKOPT_BY_LEVEL.get(level)
            opt = table.get(self.slong(args[2])) if table else None
            s += "," + (opt if opt else self.arg(args[2]))
            return s, args[3:]
        if rev == REV140 and name in ("futex", "__futex") and n > 2:
            return ("(" + self.output_long(args[0], True) + "," +
                    dec.futexput(args[1], self.mask)), args[2:]
        if "sigaction" in name or "sigvec" in name:
            return "(SIG" + self.signame(args[0], True), args[1:]
        if name in ("kill", "killpg") and n >= 2:
            return ("(" + self.arg(args[0]) + ", SIG" +
                    self.signame(args[1], True)), args[2:]
        if rev == REV140 and name == "mprotect" and n >= 3:
            return ("(" + self.arg(args[0]) + "," + self.arg(args[1]) + "," +
                    dec.putprot(args[2], self.mask)), args[3:]
        if rev == REV140 and name == "mmap" and n >= 6:
            flags = dec.linux_map_flags(args[3]) if lin else \
                dec.map_flags(args[3])
            return ("(" + self.arg(args[0]) + "," + self.arg(args[1]) + "," +
                    dec.putprot(args[2], self.mask) + "," + flags), args[4:]
        if name == "ptrace" and n >= 1:
            return "(" + self.ptrace_op(args[0], e, rev), args[1:]
        return None, args

    def ptrace_op(self, op: int, e: View, rev: int) -> str:
        v = self.slong(op)
        if rev == REV93:
            linux = e.name == "linux"
            table = dec.LINUX_PTRACE_OPS_93 if linux else dec.PTRACE_OPS_93
        else:
            linux = e.linux
            table = dec.LINUX_PTRACE_OPS_NEW if linux else (
                dec.PTRACE_OPS_140 if rev == REV140 else dec.PTRACE_OPS_115)
        if 0 <= v < len(table):
            return table[v] or "(null)"
        if not linux:
            machdep = self._machdep.get(rev, ())
            if 0 <= v - dec.PT_FIRSTMACH < len(machdep):
                return machdep[v - dec.PT_FIRSTMACH]
        return self.output_long(op, True)

    def sysret(self, r: Record, rev: int, col: int) -> str:
        p = r.payload
        n = len(p)
        if n < self._sysret_min or (self._sysret_min < n < self._sysret_full):
            raise BadRecord(f"RET record of {n} bytes at offset {r.offset}")
        if n >= self._sysret_full:
            code, _eosys, error, retval, retval1 = self.lay.sysret.unpack_from(p)
        else:
            code, _eosys, error = struct.unpack_from(self.abi.order + "hhi", p)
            retval = self.lay.register.unpack_from(p, 8)[0]
            retval1 = 0
        o = self.o
        em = self.emul
        if em.changed:
            e = em.prev
            em.changed = False
        else:
            e = em.cur
        if o.numeric:
            name = None
        elif rev == REV93 and not e.linux_face:
            # 1.93.2.1: "(code >= nsysnames || code < 0 || plain > 1) &&
            # mach_traps_dispatch(&code, &emul) == 0" prints [N]: under -nn
            # a Mach trap keeps its name
            from ktrace.dump.mach import trap_name
            name = e.sysnames.get(code) if o.plain <= 1 else None
            if name is None:
                name = trap_name(code)
        else:
            name = None if o.plain > 1 else e.sysnames.get(code)
        self.last_name = name
        self.last_ret = (code, error, retval, retval1)
        s = "[%d] " % code if name is None else name + " "
        if error == 0:
            self.last_error = False
            s += self.rprint(retval, rev)
            if n > self._sysret_min and retval1 != 0:
                s += ", " + self.rprint(retval1, rev)
        else:
            text = self.eprint(error, retval)
            self.last_error = text.startswith("-1")
            s += text
        return s + "\n"

    def rprint(self, ret: int, rev: int) -> str:
        o = self.o
        if rev == REV140:
            if not o.plain:
                s = self.output_long(ret, False)
                if not 0 <= self.slong(ret) < 10:
                    s += "/" + self.output_long(ret, True)
                return s
            return self.arg(ret)
        v = self.slong(ret)                 # printf("%ld") / ("%#lx")
        small = 0 <= v < 10
        if not o.plain:
            return str(v) if small else "%d/%s" % (v, dec.hexl(ret & self.mask))
        return str(v) if (o.decimal or small) else dec.hexl(ret & self.mask)

    def eprint(self, e: int, retval: int) -> str:
        """``eprint``; in the default face, Linux's errno for Linux.

        pyktrace records ``error`` as NetBSD's Linux emulation does (negated
        Linux errno, ERESTART -3 and EJUSTRETURN -2 untranslated) and the
        raw Linux return value in ``retval``: -3 with a raw -512..-516 is a
        restart, -2 with a raw value other than -2 a JUSTRETURN.
        """
        cur = self.emul.cur
        plain = self.o.plain
        if not cur.linux_face:
            return cur.tables.eprint(e, bool(plain))
        from ktrace.emul import LINUX_ERRNO, LINUX_RESTART_ERRNO
        raw = self.slong(retval)
        if e == ERESTART and -raw in LINUX_RESTART_ERRNO:
            return "RESTART"
        if e == EJUSTRETURN and raw != EJUSTRETURN:
            return "JUSTRETURN"
        entry = LINUX_ERRNO.get(-e) if e < 0 else None
        if entry is None:
            return "-1 unknown errno %d" % e
        if plain:
            return "-1 errno %d" % -e
        return "-1 errno %d %s %s" % (-e, entry[0], entry[1])

    def namei(self, r: Record, rev: int, col: int) -> str:
        return '"%s"\n' % r.payload.split(b"\0", 1)[0].decode("latin-1")

    def emulrec(self, r: Record, rev: int, col: int) -> str:
        name = r.payload.split(b"\0", 1)[0].decode("latin-1")
        self.emul.set(name, r.pid)
        self.emul.changed = True
        return '"%s"\n' % name

    def genio(self, r: Record, rev: int, col: int) -> str:
        p = r.payload
        if len(p) < 8:
            raise BadRecord(f"GIO record of {len(p)} bytes, shorter than its "
                            f"header, at offset {r.offset}")
        fd, rw = self.lay.genio.unpack_from(p)
        datalen = len(p) - 8
        s = ("fd %d " % fd if fd != -1 else "") + "%s %d bytes\n" % (
            "read" if rw == 0 else "wrote", datalen)
        o = self.o
        if o.maxdata == 0:
            return s
        data = p[8:] if o.maxdata < 0 else p[8:8 + o.maxdata]
        if o.word_size:
            return s + hexdump(data, o.word_size, self.big)
        return s + "       " + visdump(data, 7, self.o.screenwidth)

    def visrec(self, r: Record, rev: int, col: int) -> str:
        return visdump(r.payload, col, self.o.screenwidth)

    def psig(self, r: Record, rev: int, col: int) -> str:
        p = r.payload
        n = len(p)
        if n not in self._psig_sizes:
            raise BadRecord(f"PSIG record of {n} bytes (neither "
                            f"{self._psig_sizes[0]} nor {self._psig_sizes[1]}) "
                            f"at offset {r.offset}")
        signo, action, m0, m1, m2, m3, code = self.lay.psig.unpack_from(p)
        s = "SIG%s " % self.signame(signo, False)
        if action == 0:
            s += "SIG_DFL"
        else:
            mask = m0 | m1 << 32 | m2 << 64 | m3 << 96
            sigs = ",".join(str(i) for i in range(1, NSIG) if mask >> (i - 1) & 1)
            s += "caught handler=%s mask=(%s)" % (_pointer(action), sigs)
        if n == self._psig_sizes[0]:
            if code:
                s += " code=0x%x" % (code & 0xFFFFFFFF)
            return s + ("\n" if action == 0 else ")\n")
        return s + self.siginfo(p[self._psig_sizes[0]:], rev)

    def siginfo(self, si: bytes, rev: int) -> str:
        lay = self.lay
        signo, code, errno_, reason = lay.siginfo.unpack_from(si)
        if code == SI_USER:
            pid, uid, _v = lay.si_rt.unpack_from(reason)
            return ": code=SI_USER sent by pid=%d, uid=%d)\n" % (pid, _int(uid))
        if code < 0:
            pid, uid, value = lay.si_rt.unpack_from(reason)
            if rev == REV93:
                if code == SI_TIMER:
                    return ": code=SI_TIMER sigval %s)\n" % _pointer(value)
                names = {SI_QUEUE: "SI_QUEUE", SI_ASYNCIO: "SI_ASYNCIO",
                         SI_MESGQ: "SI_MESGQ"}
                if code in names:
                    return ": code=%s unimplemented)\n" % names[code]
                return ": code=%d unimplemented)\n" % code
            if code in (SI_TIMER, SI_QUEUE):
                return (": code=%s sent by pid=%d, uid=%d with sigval %s)\n" % (
                    "SI_TIMER" if code == SI_TIMER else "SI_QUEUE", pid,
                    _int(uid), _pointer(value)))
            if code in (SI_ASYNCIO, SI_MESGQ):
                return ": code=%s with sigval %s)\n" % (
                    "SI_ASYNCIO" if code == SI_ASYNCIO else "SI_MESGQ",
                    _pointer(value))
            if code == SI_LWP:
                return ": code=SI_LWP sent by pid=%d, uid=%d)\n" % (pid, _int(uid))
            return ": code=%d unimplemented)\n" % code
        if code == SI_NOINFO and rev != REV93:
            return ": code=SI_NOINFO\n"
        names = (SIGINFO_CODES if rev == REV140 else SIGINFO_CODES_OLD).get(signo, ())
        cname = names[code - 1] if 0 < code <= len(names) else "[%d]" % code
        if signo == SIGCHLD:
            pid, uid, status, utime, stime = lay.si_child.unpack_from(reason)
            return (": code=%s child pid=%d, uid=%d,  status=%u, utime=%u, "
                    "stime=%u)\n" % (cname, pid, _int(uid), status & 0xFFFFFFFF,
                                     utime, stime))
        if signo in (SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP):
            addr, trap, _t2, _t3 = lay.si_fault.unpack_from(reason)
            return ": code=%s, addr=%s, trap=%d)\n" % (cname, _pointer(addr), trap)
        if signo == SIGIO:
            band, fd = lay.si_poll.unpack_from(reason)
            return ": code=%s, fd=%d, band=%x)\n" % (cname, fd, band & self.mask)
        return ": code=%s, errno=%d)\n" % (cname, errno_)

    def csw(self, r: Record, rev: int, col: int) -> str:
        if len(r.payload) < 8:
            raise BadRecord(f"CSW record of {len(r.payload)} bytes at offset "
                            f"{r.offset}")
        out, user = self.lay.csw.unpack_from(r.payload)
        return "%s %s\n" % ("stop" if out else "resume",
                            "user" if user else "kernel")

    def user(self, r: Record, rev: int, col: int) -> str:
        p = r.payload
        if len(p) < KTR_USER_MAXIDLEN:
            raise BadRecord(f"USER record of {len(p)} bytes at offset {r.offset}")
        ident = p[:KTR_USER_MAXIDLEN].split(b"\0", 1)[0].decode("latin-1")
        data = p[KTR_USER_MAXIDLEN:]
        if self.o.word_size:
            return ident + ":\n" + hexdump(data, self.o.word_size, self.big)
        return user_body(ident, data, rev, self.abi, self.warn)

    def execfd(self, r: Record, rev: int, col: int) -> str:
        if len(r.payload) < 8:
            raise BadRecord(f"FD record of {len(r.payload)} bytes at offset "
                            f"{r.offset}")
        fd, dtype = self.lay.execfd.unpack_from(r.payload)
        if dtype < len(DTYPE_NAMES):
            return "%s %d\n" % (DTYPE_NAMES[dtype], fd)
        return "UNKNOWN(%u) %d\n" % (dtype, fd)

    def mmsg(self, r: Record, rev: int, col: int) -> str:
        """1.93.2.1's ``ktrmmsg``: the service, then the whole record."""
        from ktrace.dump.mach import MSGH_SIZE, mmsg_header, mmsg_line
        p = r.payload
        if len(p) < MSGH_SIZE:
            raise BadRecord(f"MMSG record of {len(p)} bytes, shorter than "
                            f"its {MSGH_SIZE}-byte Mach message header, at "
                            f"offset {r.offset}")
        return mmsg_line(mmsg_header(p, self.abi.order)[5]) + hexdump(
            p, self.o.word_size or 4, self.big)

    def mool(self, r: Record, rev: int, col: int) -> str:
        """1.93.2.1's ``ktrmool``: size and address, then ``size`` bytes."""
        from ktrace.dump.mach import mool_header
        p = r.payload
        head = 2 * self.reg
        if len(p) < head:
            raise BadRecord(f"MOOL record of {len(p)} bytes, shorter than "
                            f"its {head}-byte header, at offset {r.offset}")
        uaddr, size = mool_header(p, self.abi.order, self.reg)
        if size > len(p) - head:
            raise BadRecord(f"MOOL size {size} beyond its {len(p)}-byte "
                            f"record at offset {r.offset}")
        # "%ld/0x%lx bytes at %p\n" of (u_long)size: size fits a long here
        return "%d/0x%x bytes at %s\n" % (size, size, _pointer(uaddr)) + \
            hexdump(p[head:head + size], self.o.word_size or 4, self.big)

    def mib(self, r: Record, rev: int, col: int) -> str:
        n = len(r.payload) // 4
        names = struct.unpack_from("%s%di" % (self.abi.order, n), r.payload)
        return ".".join(str(x) for x in names) + "\n"


def _sub(a: tuple[int, int], b: tuple[int, int], unit: int) -> tuple[int, int]:
    """``timespecsub``/``timersub``."""
    sec, frac = a[0] - b[0], a[1] - b[1]
    if frac < 0:
        sec -= 1
        frac += unit
    return sec, frac


def _int(v: int) -> int:
    """An unsigned 32-bit field printed with ``%d``."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v
