"""NetBSD's ``ktrace.out`` format: constants, ABIs, fast struct layouts.

Every record is a ``struct ktr_header`` followed by ``ktr_len`` payload bytes
(``sys/sys/ktrace.h``).  The C layout depends on the machine that wrote the
file (:class:`Abi`):

* ``amd64``: LP64 little-endian, 56-byte header (lid at offset 48).
* ``i386``: ILP32, NetBSD's 64-bit ``time_t``, 48-byte header (every version:
  the union is sized by its largest member, the v2 ``struct timespec``).
* ``i386-time32``: ILP32 traces from kernels with a 32-bit ``time_t`` (e.g.
  NetBSD 1.6), 44-byte header.
* big-endian variants of the three, for reading; there ``ktr_type`` and
  ``ktr_version`` swap places (``#if BYTE_ORDER == LITTLE_ENDIAN``).

The structs themselves are declared once, with construct, in
:mod:`ktrace.structs`.  construct parses about 25k records/s, far too slow
for the tracer and the dumper, so :class:`Layouts` uses :mod:`struct`
layouts derived from those declarations: the C layout has one source of
truth.  This module holds the constants, the ABIs and those layouts, and
imports no construct.
"""

from __future__ import annotations

import struct
from collections import namedtuple
from functools import cache

# --- record types (sys/ktrace.h) -------------------------------------------
KTR_SYSCALL = 1
KTR_SYSRET = 2
KTR_NAMEI = 3
KTR_GENIO = 4
KTR_PSIG = 5
KTR_CSW = 6
KTR_EMUL = 7
KTR_USER = 8
KTR_MMSG = 9              # Mach message (NetBSD's COMPAT_MACH, gone since 2009)
KTR_EXEC_ARG = 10
KTR_EXEC_ENV = 11
KTR_MOOL = 12             # Mach out-of-line data (likewise; pykdump reads both)
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
#: The letters of the kdump that read 44-byte i386 traces (1.93.2.1, whose
#: usr.bin/ktrace/subr.c of its time, 1.13, still has the Mach points): pykdump's -t
#: accepts them so that such traces' Mach records can be picked.
KDUMP_POINT_LETTERS = {**POINT_LETTERS, "m": 1 << KTR_MMSG,
                       "l": 1 << KTR_MOOL}
# NetBSD's DEF_POINTS (usr.bin/ktrace/ktrace.h), ktrace.1's "+": c e i n s u.
DEF_POINTS = (KTRFAC_SYSCALL | KTRFAC_SYSRET | KTRFAC_NAMEI | KTRFAC_GENIO
              | KTRFAC_PSIG | KTRFAC_EMUL | KTRFAC_USER)


def getpoints(trstr: str, facs: int = 0,
              letters: dict[str, int] = POINT_LETTERS) -> int:
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
                fac = letters[ch]
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


class Abi(namedtuple("Abi", "lp64 time64 big_endian", defaults=(True, False))):
    """The C data model that wrote a trace: word size, time_t, byte order.

    A named tuple rather than a dataclass: importing ``dataclasses`` would
    cost pyktrace's start-up about 8 ms.
    """

    __slots__ = ()

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

    @property
    def union_size(self) -> int:
        """Size of the header's time union: the v2 member is the largest."""
        if self.lp64:
            return 24
        return 16 if self.time64 else 12


AMD64 = Abi(lp64=True)
I386 = Abi(lp64=False)
I386_TIME32 = Abi(lp64=False, time64=False)
ABIS = {a.name: a for a in (
    AMD64, I386, I386_TIME32,
    Abi(lp64=True, big_endian=True), Abi(lp64=False, big_endian=True),
    Abi(lp64=False, time64=False, big_endian=True))}


class Layouts:
    """:mod:`struct` layouts for one ABI, for the hot paths.

    The formats are derived from the construct declarations in
    :mod:`ktrace.structs` by ``scripts/gen_layouts.py`` into
    ``ktrace/_layouts.py`` (a test re-derives them and compares), so that
    starting pyktrace or pykdump does not import construct at all.

    Header tuples are ``(len, type, version, pid, comm, sec, frac, third)``
    where ``frac`` is µs (v0) or ns (v1, v2) and ``third`` is the v0 buffer
    pointer or the lid: big-endian files are reordered to this order.
    """

    def __init__(self, abi: Abi) -> None:
        from ktrace._layouts import FORMATS

        fmt = FORMATS[abi.name]
        self.abi = abi
        self.header = {v: struct.Struct(fmt[f"header_v{v}"]) for v in VERSIONS}
        self.header_size = self.header[2].size
        #: just the fields common to every version, to learn the version
        self.prefix = struct.Struct(abi.order + "ihhi")
        self.syscall = struct.Struct(fmt["syscall"])
        self.sysret = struct.Struct(fmt["sysret"])
        self.genio = struct.Struct(fmt["genio"])
        self.psig = struct.Struct(fmt["psig"])
        self.siginfo = struct.Struct(fmt["siginfo"])
        self.si_rt = struct.Struct(fmt["si_rt"])
        self.si_child = struct.Struct(fmt["si_child"])
        self.si_fault = struct.Struct(fmt["si_fault"])
        self.si_poll = struct.Struct(fmt["si_poll"])
        self.csw = struct.Struct(fmt["csw"])
        self.user = struct.Struct(fmt["user"])
        self.execfd = struct.Struct(fmt["execfd"])
        self.saupcall = struct.Struct(fmt["saupcall"])
        self.register = struct.Struct(abi.order + ("q" if abi.lp64 else "i"))
        self.int32 = struct.Struct(abi.order + "i")

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
