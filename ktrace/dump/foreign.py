"""Recognising other systems' trace files, so they are named, not misread.

* **OpenBSD** (``sys/sys/ktrace.h``): ``struct ktr_header { uint ktr_type;
  pid_t ktr_pid; pid_t ktr_tid; struct timespec ktr_time;
  char ktr_comm[24]; size_t ktr_len; }`` -- the type comes first and the
  length last: 64 bytes on LP64, 52 on ILP32.
* **FreeBSD** (``sys/sys/ktrace.h``): the header starts like NetBSD's (and
  is as long) but ``ktr_syscall`` is ``{short code; short narg;
  register_t args[]}`` and ``ktr_sysret`` has no ``retval_1``; records of
  those shapes where NetBSD's are impossible mark a FreeBSD file.
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
    if any: then only the strict tests may overrule it (macOS tags, and
    FreeBSD's record shapes under that same layout -- FreeBSD's headers are
    NetBSD's, under another layout any bytes may look like anything);
    OpenBSD's layout is only considered otherwise.
    """
    netbsd_chains = netbsd is not None
    if len(head) >= 4:
        tag = struct.unpack_from("<I", head)[0]
        if tag in _KDEBUG_TAGS or (tag == _KDEBUG_V3 and not netbsd_chains):
            return "a macOS"
    if not netbsd_chains and _openbsd_chain(head):
        return "an OpenBSD"
    layouts = ((netbsd.header_size, netbsd.regsize),) if netbsd else ((56, 8), (48, 4))
    if _freebsd_shapes(head, layouts):
        return "a FreeBSD"
    return None
