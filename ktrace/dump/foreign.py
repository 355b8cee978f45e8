"""Recognising other systems' trace files, so they are named, not misread.

* **OpenBSD** (``sys/sys/ktrace.h``): ``struct ktr_header { uint ktr_type;
  pid_t ktr_pid; pid_t ktr_tid; struct timespec ktr_time;
  char ktr_comm[24]; size_t ktr_len; }`` -- the type comes first and the
  length last: 64 bytes on LP64, 52 on ILP32.
* **FreeBSD** (``sys/sys/ktrace.h``) has two header versions, 0 and 1
  (``KTR_VERSION0``/``KTR_VERSION1``; there is no version 2):

  - version 1, written since 2022: ``int ktr_len; short
    ktr_type; short ktr_version; pid_t ktr_pid; char ktr_comm[20];
    struct timespec ktr_time; long ktr_tid; int ktr_cpu;`` -- 64 bytes on
    LP64 (4 bytes of padding at the end), 48 on i386 (32-bit ``time_t``),
    56 on the other ILP32 machines (64-bit ``time_t``).  ``ktr_type``
    carries ``KTR_VERSIONED`` (0x4000, "the kernel exposes the new struct
    ktr_header") and perhaps ``KTR_DROP`` (0x8000), and ``ktr_version``
    is 1: no NetBSD header has those bits, so such headers chaining up
    name a FreeBSD file, however few.
  - version 0, ``struct ktr_header_v0``: no version field (two bytes of
    padding after ``ktr_type``), ``struct timeval ktr_time``, ``long
    ktr_tid`` -- 56 bytes on LP64 and on ILP32 machines with a 64-bit
    ``time_t``, 44 on i386.  These headers pass for NetBSD's, but
    ``ktr_syscall`` is ``{short code; short narg; register_t args[]}``
    and ``ktr_sysret`` has no ``retval_1``: records of those shapes where
    NetBSD's are impossible mark a FreeBSD file.
* **macOS**: ``ktrace(1)``/kdebug raw files begin with the tags
  ``RAW_VERSION1`` (0x55aa0101), ``RAW_VERSION2`` (0x55aa0200) or, for the
  chunked v3 format, ``RAW_VERSION3`` (0x1000) -- which NetBSD's reading
  would take for a 4096-byte record, so that one counts only when the
  records do not chain as NetBSD's.
"""

from __future__ import annotations

import struct

from ktrace.format import Abi

_OPENBSD = {  # name: (header size, struct format)
    "lp64": (64, "<Iii4xqq24sQ"),
    "ilp32": (52, "<Iiiqi24sI"),
}
_KDEBUG_TAGS = (0x55AA0101, 0x55AA0200)
_KDEBUG_V3 = 0x00001000

KTR_VERSIONED, KTR_DROP = 0x4000, 0x8000
#: FreeBSD version 1 headers: (len, type, version, pid, comm, tv_sec,
#: tv_nsec, tid, cpu) for LP64, i386, and ILP32 with a 64-bit time_t, in
#: both byte orders (amd64/arm64/riscv64, powerpc64; i386; armv7, powerpc)
_FREEBSD_V1 = tuple(struct.Struct(order + fmt) for order in "<>" for fmt in (
    "iHhi20sqqqi4x", "iHhi20siiii", "iHhi20sqi4xii"))
#: FreeBSD version 0 layouts for the record-shape test: (header size,
#: register size) -- LP64, i386, ILP32 with a 64-bit time_t
_FREEBSD_V0 = ((56, 8), (44, 4), (56, 4))


def _openbsd_chain(buf: bytes) -> bool:
    """True when at least two records (or the whole input) chain up as
    OpenBSD records of one word size."""
    for size, fmt in _OPENBSD.values():
        st = struct.Struct(fmt)
        off = count = 0
        while off + size <= len(buf) and count < 8:
            ktype, pid, tid, _sec, nsec, comm, length = st.unpack_from(buf, off)
            name = comm.split(b"\0", 1)[0]
            if not (0 < ktype < 32 and pid >= 0 and tid >= 0
                    and 0 <= nsec < 1_000_000_000 and len(name) < len(comm)
                    and all(0x20 <= c < 0x7F for c in name)
                    and length < 1 << 24):
                break
            off += size + length
            count += 1
        if count >= 2 or (count == 1 and off == len(buf)):
            return True
    return False


def _freebsd_v1_chain(buf: bytes) -> bool:
    """True when FreeBSD version 1 headers (``KTR_VERSIONED`` in the type,
    version 1) chain up from the start of ``buf``: two or more, or one
    after which no further header fits (a one-record file).

    Headers without ``KTR_VERSIONED`` (which FreeBSD always sets with
    version 1) count only in the 64-byte LP64 layout, which no NetBSD
    layout shares -- FreeBSD's 48- and 56-byte ones are byte for byte
    NetBSD's i386 and amd64 version 1 headers -- and a single one only
    when it fills the file exactly."""
    for st in _FREEBSD_V1:
        hsize = st.size
        off = count = 0
        flagged = True
        while off + hsize <= len(buf) and count < 8:
            length, ktype, version, pid, comm, _sec, nsec, tid, cpu = \
                st.unpack_from(buf, off)
            if not (version == 1 and (ktype & KTR_VERSIONED or hsize == 64)
                    and 0 < ktype & ~(KTR_VERSIONED | KTR_DROP) < 32
                    and 0 <= length < 1 << 24 and pid >= 0
                    and b"\0" in comm and 0 <= nsec < 1_000_000_000
                    and tid >= 0 and 0 <= cpu < 1 << 16):
                break
            flagged = flagged and bool(ktype & KTR_VERSIONED)
            off += hsize + length
            count += 1
        if count >= 2 or (count == 1 and (
                off == len(buf) or (flagged and off + hsize > len(buf)))):
            return True
    return False


def _freebsd_shapes(buf: bytes, layouts: tuple[tuple[int, int], ...]) -> bool:
    """True when SYSCALL/SYSRET payloads have FreeBSD's shapes, not NetBSD's,
    under one of ``layouts`` ((header size, register size) pairs)."""
    for hsize, reg in layouts:
        off = seen = 0
        freebsd = True
        while off + hsize <= len(buf) and seen < 16:
            length, ktype, version, pid = struct.unpack_from("<ihhi", buf, off)
            if not (0 <= length < 1 << 24 and version in (0, 1) and pid >= 0):
                freebsd = False
                break
            body = buf[off + hsize:off + hsize + length]
            if len(body) < length:
                break
            if ktype == 1 and length >= 4:          # KTR_SYSCALL
                _code, narg = struct.unpack_from("<hh", body)
                argsize = struct.unpack_from("<i", body, 4)[0] if length >= 8 else -1
                if argsize == length - 8:             # NetBSD's shape
                    freebsd = False
                    break
                if reg + narg * reg != length:  # args aligned to register_t
                    freebsd = False
                    break
                seen += 1
            elif ktype == 2:                          # KTR_SYSRET
                if length == 8 + 2 * reg:             # NetBSD's shape
                    freebsd = False
                    break
                if length != 8 + reg:
                    freebsd = False
                    break
                seen += 1
            off += hsize + length
        if freebsd and seen:
            return True
    return False


def foreign_format(head: bytes, netbsd: Abi | None) -> str | None:
    """Name the system whose trace file ``head`` starts, if not NetBSD's.

    ``netbsd`` is the layout under which the records chain up as NetBSD's,
    if any: then only the strict tests may overrule it (macOS tags,
    FreeBSD's version 1 headers, and FreeBSD's record shapes under that
    same layout -- FreeBSD's version 0 headers are NetBSD's, under another
    layout any bytes may look like anything); OpenBSD's layout is only
    considered otherwise.
    """
    netbsd_chains = netbsd is not None
    if len(head) >= 4:
        tag = struct.unpack_from("<I", head)[0]
        if tag in _KDEBUG_TAGS or (tag == _KDEBUG_V3 and not netbsd_chains):
            return "a macOS"
    if _freebsd_v1_chain(head):
        return "a FreeBSD"
    if not netbsd_chains and _openbsd_chain(head):
        return "an OpenBSD"
    layouts = ((netbsd.header_size, netbsd.regsize),) if netbsd else _FREEBSD_V0
    if _freebsd_shapes(head, layouts):
        return "a FreeBSD"
    return None
