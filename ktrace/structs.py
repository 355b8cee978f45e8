"""NetBSD's ktrace structs, declared once with construct, per ABI.

Built per ABI in one place, the way pyelftools' ``ELFStructs`` builds its
structs per word size and byte order.  Field names follow ``sys/ktrace.h``
(without the header union's ``_v`` nesting).  Hot paths do not use these
declarations directly: :func:`struct_format` flattens them into
:mod:`struct` formats, which ``scripts/gen_layouts.py`` writes to
``ktrace/_layouts.py`` for :class:`ktrace.format.Layouts`.
"""

from __future__ import annotations

import struct
from functools import cache

import construct as c

from ktrace.format import (
    KTR_CSW, KTR_EMUL, KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_EXEC_FD, KTR_GENIO,
    KTR_MIB, KTR_NAMEI, KTR_PSIG, KTR_SAUPCALL, KTR_SYSCALL, KTR_SYSRET,
    KTR_USER, KTR_USER_MAXIDLEN, MAXCOMLEN, SIGINFO_SIZE, VERSIONS, Abi)


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
        if size < self.abi.union_size:
            fields.append(c.Padding(self.abi.union_size - size))
        return fields

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


def layout_formats(abi: Abi) -> dict[str, str]:
    """Every :mod:`struct` format :class:`ktrace.format.Layouts` uses."""
    s = Structs.get(abi)
    o = abi.order
    out = {f"header_v{v}": struct_format(h, o) for v, h in s.header_v.items()}
    for name in ("syscall", "sysret", "genio", "psig", "siginfo", "si_rt",
                 "si_child", "si_fault", "si_poll", "csw", "user", "execfd",
                 "saupcall"):
        con = getattr(s, name)
        fmt = struct_format(con, o)
        if struct.calcsize(fmt) != con.sizeof():
            raise AssertionError(f"derived layout {fmt} disagrees with {name}")
        out[name] = fmt
    return out
