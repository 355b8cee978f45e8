"""NetBSD's ``ktrace.out`` format, declared once.

Every record is a ``struct ktr_header`` followed by ``ktr_len`` payload bytes
(``sys/sys/ktrace.h``).  The C layout depends on the machine that wrote the
file, so every struct is built here per ABI, in one place, the way pyelftools'
``ELFStructs`` builds its structs per word size and byte order:

* ``amd64``: LP64 little-endian, 56-byte header (lid at offset 48).
* ``i386``: ILP32, NetBSD's 64-bit ``time_t``, 48-byte header (every version:
  the union is sized by its largest member, the v2 ``struct timespec``).
* ``i386-time32``: ILP32 traces from kernels with a 32-bit ``time_t`` (e.g.
  NetBSD 1.6), 44-byte header.
* big-endian variants of the three, for reading; there ``ktr_type`` and
  ``ktr_version`` swap places (``#if BYTE_ORDER == LITTLE_ENDIAN``).

construct parses about 25k records/s, far too slow for the tracer and the
dumper, so :class:`Layouts` derives :mod:`struct` layouts from these same
declarations (:func:`struct_format`): the C layout has one source of truth.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache

import construct as c

# --- record types (sys/ktrace.h) -------------------------------------------
KTR_SYSCALL = 1
KTR_SYSRET = 2
KTR_NAMEI = 3
KTR_GENIO = 4
KTR_PSIG = 5
KTR_CSW = 6
KTR_EMUL = 7
KTR_USER = 8
KTR_EXEC_ARG = 10
KTR_EXEC_ENV = 11
KTR_SAUPCALL = 13
KTR_MIB = 14
KTR_EXEC_FD = 15

RECORD_TYPES = {
    KTR_SYSCALL: "SYSCALL", KTR_SYSRET: "SYSRET", KTR_NAMEI: "NAMEI",
    KTR_GENIO: "GENIO", KTR_PSIG: "PSIG", KTR_CSW: "CSW", KTR_EMUL: "EMUL",
    KTR_USER: "USER", KTR_EXEC_ARG: "EXEC_ARG", KTR_EXEC_ENV: "EXEC_ENV",
    KTR_SAUPCALL: "SAUPCALL", KTR_MIB: "MIB", KTR_EXEC_FD: "EXEC_FD",
}

# --- trace points (p_traceflag) ---------------------------------------------
KTRFAC_MASK = 0x00FFFFFF
KTRFAC_SYSCALL = 1 << KTR_SYSCALL
KTRFAC_SYSRET = 1 << KTR_SYSRET
KTRFAC_NAMEI = 1 << KTR_NAMEI
KTRFAC_GENIO = 1 << KTR_GENIO
KTRFAC_PSIG = 1 << KTR_PSIG
KTRFAC_CSW = 1 << KTR_CSW
KTRFAC_EMUL = 1 << KTR_EMUL
KTRFAC_USER = 1 << KTR_USER
KTRFAC_EXEC_ARG = 1 << KTR_EXEC_ARG
KTRFAC_EXEC_ENV = 1 << KTR_EXEC_ENV
KTRFAC_MIB = 1 << KTR_MIB
KTRFAC_EXEC_FD = 1 << KTR_EXEC_FD
KTRFAC_PERSISTENT = 0x80000000
KTRFAC_INHERIT = 0x40000000
KTRFAC_TRC_EMUL = 0x10000000
KTRFAC_VER_MASK = 0x0F000000
KTRFAC_VER_SHIFT = 24

# ``ktrace -t`` letters (usr.bin/ktrace/subr.c, getpoints()).  The Mach
# points ``l`` and ``m`` were removed from NetBSD with the Mach emulation.
POINT_LETTERS = {
    "A": KTRFAC_MASK,
    "a": KTRFAC_EXEC_ARG,
    "c": KTRFAC_SYSCALL | KTRFAC_SYSRET,
    "e": KTRFAC_EMUL,
    "f": KTRFAC_EXEC_FD,
    "i": KTRFAC_GENIO,
    "n": KTRFAC_NAMEI,
    "S": KTRFAC_MIB,
    "s": KTRFAC_PSIG,
    "u": KTRFAC_USER,
    "v": KTRFAC_EXEC_ENV,
    "w": KTRFAC_CSW,
}
# NetBSD's DEF_POINTS (usr.bin/ktrace/ktrace.h), ktrace.1's "+": c e i n s u.
DEF_POINTS = (KTRFAC_SYSCALL | KTRFAC_SYSRET | KTRFAC_NAMEI | KTRFAC_GENIO
              | KTRFAC_PSIG | KTRFAC_EMUL | KTRFAC_USER)


def getpoints(trstr: str, facs: int = 0) -> int:
    """Parse a ``-t`` string the way NetBSD's ``getpoints()`` does.

    ``-`` switches to removing, ``+`` adds the default set (or, after ``-``,
    switches back to adding); a leading ``-`` starts from the default set.
    Raises :class:`ValueError` naming the first unknown letter.
    """
    add = True
    if trstr.startswith("-") and not facs & KTRFAC_MASK:
        facs |= DEF_POINTS
    for ch in trstr:
        if ch == "-":
            add = False
            continue
        if ch == "+":
            if not add:
                add = True
                continue
            fac = DEF_POINTS
        else:
            try:
                fac = POINT_LETTERS[ch]
            except KeyError:
                raise ValueError(f"unknown trace point {ch!r}") from None
        facs = facs | fac if add else facs & ~fac
    return facs


KTR_USER_MAXIDLEN = 20
KTR_USER_MAXLEN = 2048
MAXCOMLEN = 16
PAGE_SIZE = 4096          # ktr_io() cuts GIO records at one page, header included
SIGINFO_SIZE = 128        # NetBSD's siginfo_t: union { char si_pad[128]; ... }
UIO_READ, UIO_WRITE = 0, 1
EJUSTRETURN = -2          # NetBSD's errno values kdump prints as JUSTRETURN
ERESTART = -3             # ... and RESTART
VERSIONS = (0, 1, 2)


class FormatError(ValueError):
    """The bytes are not a (well-formed) NetBSD trace."""


@dataclass(frozen=True)
class Abi:
    """The C data model that wrote a trace: word size, time_t, byte order."""

    lp64: bool
    time64: bool = True
    big_endian: bool = False

    @property
    def name(self) -> str:
        base = {(True, True): "amd64", (False, True): "i386",
                (False, False): "i386-time32"}.get((self.lp64, self.time64))
        if base is None:
            raise FormatError("LP64 with a 32-bit time_t never existed")
        if self.big_endian:
            base = base.replace("amd64", "lp64").replace("i386", "ilp32") + "-be"
        return base

    @property
    def order(self) -> str:
        """The :mod:`struct` byte-order character."""
        return ">" if self.big_endian else "<"

    @property
    def regsize(self) -> int:
        """``sizeof(register_t)``: 8 on LP64, 4 on ILP32."""
        return 8 if self.lp64 else 4

    @property
    def header_size(self) -> int:
        return Layouts.get(self).header_size


AMD64 = Abi(lp64=True)
I386 = Abi(lp64=False)
I386_TIME32 = Abi(lp64=False, time64=False)
ABIS = {a.name: a for a in (
    AMD64, I386, I386_TIME32,
    Abi(lp64=True, big_endian=True), Abi(lp64=False, big_endian=True),
    Abi(lp64=False, time64=False, big_endian=True))}


class Structs:
    """Every NetBSD ktrace struct for one ABI, declared with construct.

    Field names follow ``sys/ktrace.h`` (without the union's ``_v`` nesting):
    a header has ``ktr_len, ktr_type, ktr_version, ktr_pid, ktr_comm`` and,
    by version, ``tv_sec, tv_usec, buf`` (v0), ``tv_sec, tv_nsec, lid`` (v1,
    v2).  Padding is explicit, so :func:`struct_format` can flatten them.
    """

    def __init__(self, abi: Abi) -> None:
        self.abi = abi
        be = abi.big_endian
        self.int16 = c.Int16sb if be else c.Int16sl
        self.int32 = c.Int32sb if be else c.Int32sl
        self.uint32 = c.Int32ub if be else c.Int32ul
        self.int64 = c.Int64sb if be else c.Int64sl
        self.uint64 = c.Int64ub if be else c.Int64ul
        self.long = self.int64 if abi.lp64 else self.int32
        self.ptr = (self.uint64 if abi.lp64 else self.uint32)
        self.register = self.long
        self.time_t = self.int64 if abi.time64 else self.int32
        self._build()

    # Field lists are kept separately so that a header can be assembled both
    # with a version switch (for parsing any record) and flat per version.
    def _header_prefix(self) -> list:
        tv = [("ktr_type", self.int16), ("ktr_version", self.int16)]
        if self.abi.big_endian:
            tv.reverse()
        return [
            "ktr_len" / self.int32,
            *(name / con for name, con in tv),
            "ktr_pid" / self.int32,
            "ktr_comm" / c.Bytes(MAXCOMLEN + 1),
            c.Padding(3),
        ]

    def _union(self, version: int) -> list:
        """One member of the header's time union, padded to the union size."""
        lp64 = self.abi.lp64
        pad4 = [c.Padding(4)] if lp64 else []
        if version == 0:
            fields = ["tv_sec" / self.int32, *pad4, "tv_usec" / self.long,
                      "buf" / self.ptr]
        elif version == 1:
            fields = ["tv_sec" / self.int32, *pad4, "tv_nsec" / self.long,
                      "lid" / self.int32, *pad4]
        else:
            fields = ["tv_sec" / self.time_t, "tv_nsec" / self.long,
                      "lid" / self.int32, *pad4]
        size = c.Struct(*fields).sizeof()
        if size < self.union_size:
            fields.append(c.Padding(self.union_size - size))
        return fields

    @property
    def union_size(self) -> int:
        if self.abi.lp64:
            return 24
        return 16 if self.abi.time64 else 12

    def _build(self) -> None:
        i32, u32, lp64 = self.int32, self.uint32, self.abi.lp64
        pad4 = [c.Padding(4)] if lp64 else []
        prefix = self._header_prefix()
        #: flat header per version, for derived struct layouts and writing
        self.header_v = {v: c.Struct(*prefix, *self._union(v)) for v in VERSIONS}
        #: any header: the union member is chosen by ktr_version
        self.header = c.Struct(
            *prefix,
            "time" / c.Switch(c.this.ktr_version,
                              {v: c.Struct(*self._union(v)) for v in VERSIONS}))
        self.syscall = c.Struct("ktr_code" / i32, "ktr_argsize" / i32)
        self.syscall_record = c.Struct(
            *self.syscall.subcons,
            "args" / c.Array(c.this.ktr_argsize // self.abi.regsize,
                             self.register))
        self.sysret = c.Struct(
            "ktr_code" / self.int16, "ktr_eosys" / self.int16,
            "ktr_error" / i32, "ktr_retval" / self.register,
            "ktr_retval_1" / self.register)
        self.genio = c.Struct("ktr_fd" / i32, "ktr_rw" / i32)
        self.genio_record = c.Struct(*self.genio.subcons, "data" / c.GreedyBytes)
        self.psig = c.Struct(
            "signo" / i32, *pad4, "action" / self.ptr,
            "mask" / c.Array(4, u32), "code" / i32, *pad4)
        self.siginfo_head = c.Struct(
            "si_signo" / i32, "si_code" / i32, "si_errno" / i32, *pad4)
        reason_size = SIGINFO_SIZE - self.siginfo_head.sizeof()
        self.siginfo = c.Struct(*self.siginfo_head.subcons,
                                "reason" / c.Bytes(reason_size))
        # The members of siginfo's _reason union (sys/siginfo.h); clock_t is
        # unsigned int and sigval_t a pointer-sized union on every NetBSD port.
        self.si_rt = c.Struct("pid" / i32, "uid" / u32, "value" / self.ptr)
        self.si_child = c.Struct("pid" / i32, "uid" / u32, "status" / i32,
                                 "utime" / u32, "stime" / u32)
        self.si_fault = c.Struct("addr" / self.ptr, "trap" / i32,
                                 "trap2" / i32, "trap3" / i32)
        self.si_poll = c.Struct("band" / self.long, "fd" / i32)
        self.psig_record = c.Struct(*self.psig.subcons,
                                    "siginfo" / c.Optional(self.siginfo))
        self.csw = c.Struct("out" / i32, "user" / i32)
        self.user = c.Struct("ktr_id" / c.Bytes(KTR_USER_MAXIDLEN))
        self.user_record = c.Struct(*self.user.subcons, "data" / c.GreedyBytes)
        self.saupcall = c.Struct(
            "ktr_type" / i32, "ktr_nevent" / i32, "ktr_nint" / i32, *pad4,
            "ktr_sas" / self.ptr, "ktr_ap" / self.ptr)
        self.saupcall_record = c.Struct(*self.saupcall.subcons,
                                        "data" / c.GreedyBytes)
        self.mib = c.GreedyRange(i32)
        self.execfd = c.Struct("ktr_fd" / i32, "ktr_dtype" / u32)
        text = c.GreedyBytes
        #: record bodies by type; unknown types stay raw bytes
        self.bodies = {
            KTR_SYSCALL: self.syscall_record, KTR_SYSRET: self.sysret,
            KTR_NAMEI: text, KTR_GENIO: self.genio_record,
            KTR_PSIG: self.psig_record, KTR_CSW: self.csw, KTR_EMUL: text,
            KTR_USER: self.user_record, KTR_EXEC_ARG: text,
            KTR_EXEC_ENV: text, KTR_SAUPCALL: self.saupcall_record,
            KTR_MIB: self.mib, KTR_EXEC_FD: self.execfd,
        }
        #: a whole record: header, then a body of exactly ktr_len bytes
        self.record = c.Struct(
            "header" / self.header,
            "body" / c.FixedSized(
                c.this.header.ktr_len,
                c.Switch(c.this.header.ktr_type, self.bodies,
                         default=c.GreedyBytes)))

    @staticmethod
    @cache
    def get(abi: Abi) -> "Structs":
        return Structs(abi)


def struct_format(con: c.Construct, order: str) -> str:
    """Flatten a fixed-size construct Struct into a :mod:`struct` format.

    Only what the declarations above use is supported: integers, padding,
    fixed byte strings and fixed-count arrays.  Anything else raises, so a
    declaration that cannot be derived is caught by the tests at once.
    """
    out: list[str] = []

    def walk(x: c.Construct) -> None:
        if isinstance(x, c.Renamed):
            walk(x.subcon)
        elif isinstance(x, c.Struct):
            for sub in x.subcons:
                walk(sub)
        elif isinstance(x, c.FormatField):
            out.append(x.fmtstr[1:])
        elif isinstance(x, c.Padded) and isinstance(x.subcon, c.Pass.__class__):
            out.append(f"{x.length}x")
        elif isinstance(x, c.Bytes) and isinstance(x.length, int):
            out.append(f"{x.length}s")
        elif isinstance(x, c.Array) and isinstance(x.count, int):
            for _ in range(x.count):
                walk(x.subcon)
        else:
            raise TypeError(f"no struct layout for {x!r}")

    walk(con)
    return order + "".join(out)


def _derive(con: c.Construct, order: str) -> struct.Struct:
    fmt = struct.Struct(struct_format(con, order))
    if fmt.size != con.sizeof():
        raise AssertionError(f"derived layout {fmt.format} disagrees with {con}")
    return fmt


class Layouts:
    """:mod:`struct` layouts derived from :class:`Structs`, for hot paths.

    Header tuples are ``(len, type, version, pid, comm, sec, frac, third)``
    where ``frac`` is µs (v0) or ns (v1, v2) and ``third`` is the v0 buffer
    pointer or the lid: big-endian files are reordered to this order.
    """

    def __init__(self, abi: Abi) -> None:
        s = Structs.get(abi)
        o = abi.order
        self.abi = abi
        self.header = {v: _derive(h, o) for v, h in s.header_v.items()}
        self.header_size = self.header[2].size
        #: just the fields common to every version, to learn the version
        self.prefix = struct.Struct(o + "ihhi")
        self.syscall = _derive(s.syscall, o)
        self.sysret = _derive(s.sysret, o)
        self.genio = _derive(s.genio, o)
        self.psig = _derive(s.psig, o)
        self.siginfo = _derive(s.siginfo, o)
        self.si_rt = _derive(s.si_rt, o)
        self.si_child = _derive(s.si_child, o)
        self.si_fault = _derive(s.si_fault, o)
        self.si_poll = _derive(s.si_poll, o)
        self.csw = _derive(s.csw, o)
        self.user = _derive(s.user, o)
        self.execfd = _derive(s.execfd, o)
        self.saupcall = _derive(s.saupcall, o)
        self.register = struct.Struct(o + ("q" if abi.lp64 else "i"))
        self.int32 = struct.Struct(o + "i")

    def unpack_header(self, buf: bytes | memoryview, offset: int = 0) -> tuple:
        """Decode one header into the version-independent tuple above.

        Raises :class:`FormatError` for a version this format does not know.
        """
        length, a, b, _pid = self.prefix.unpack_from(buf, offset)
        version = b if not self.abi.big_endian else a
        try:
            lay = self.header[version]
        except KeyError:
            raise FormatError(f"unknown ktrace version {version}") from None
        f = lay.unpack_from(buf, offset)
        if self.abi.big_endian:
            f = (f[0], f[2], f[1], *f[3:])
        return f

    def pack_header(self, length: int, ktype: int, version: int, pid: int,
                    comm: bytes, sec: int, frac: int, third: int) -> bytes:
        """Encode one header; ``frac`` and ``third`` as in :meth:`unpack_header`."""
        if self.abi.big_endian:
            return self.header[version].pack(length, version, ktype, pid, comm,
                                             sec, frac, third)
        return self.header[version].pack(length, ktype, version, pid, comm,
                                         sec, frac, third)

    @staticmethod
    @cache
    def get(abi: Abi) -> "Layouts":
        return Layouts(abi)


def user_record_body(abi: Abi, ident: str, data: bytes) -> bytes:
    """A ``KTR_USER`` payload: the id NUL-padded to 20 bytes, then data."""
    raw = ident.encode()[:KTR_USER_MAXIDLEN - 1]
    return Layouts.get(abi).user.pack(raw) + data
