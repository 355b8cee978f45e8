"""Reading and writing whole trace files: a symmetric Reader/Writer pair.

Modelled on dpkt's ``pcap.Reader``/``pcap.Writer``: both work over plain
binary file objects, so a file written by :class:`Writer` (or by
:class:`ktrace.desc.KtrDesc`) reads back record for record.

The ABI of a file is not recorded in it; :func:`probe_abi` finds it by
trying each layout on the first records and keeping the one under which
they chain up plausibly (design §3: "choose by probing").
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from ktrace.format import (
    ABIS, AMD64, Abi, FormatError, Layouts, RECORD_TYPES)

#: Records beyond this length are surely damage: the largest record NetBSD
#: writes is a page of GIO data or an exec argument block (ARG_MAX 256 KiB).
MAX_RECORD_LEN = 1 << 24
PROBE_BYTES = 1 << 16
PROBE_RECORDS = 16


class Record(NamedTuple):
    """One decoded header and its raw payload.

    ``frac`` is microseconds in version 0 and nanoseconds otherwise; ``lid``
    is 0 in version 0 (where the slot holds a kernel pointer, kept in
    ``v0_buf`` for exact round trips).
    """

    type: int
    version: int
    pid: int
    lid: int
    comm: bytes
    sec: int
    frac: int
    payload: bytes
    v0_buf: int = 0

    @property
    def command(self) -> str:
        """The process name as C sees it: up to the first NUL."""
        return self.comm.split(b"\0", 1)[0].decode("latin-1")


def _plausible(lay: Layouts, buf: bytes, off: int) -> int | None:
    """Return the record's total size if its header looks real, else None."""
    if off + lay.header_size > len(buf):
        return None
    try:
        length, ktype, version, pid, comm, _sec, frac, _ = \
            lay.unpack_header(buf, off)
    except FormatError:
        return None
    if not 0 <= length <= MAX_RECORD_LEN:
        return None
    if not 0 < ktype < 64 or pid < 0 or b"\0" not in comm:
        return None
    if not 0 <= frac < (1_000_000 if version == 0 else 1_000_000_000):
        return None
    return lay.header_size + length


def probe_abi(buf: bytes, at_eof: bool) -> Abi:
    """Pick the layout under which the first records of ``buf`` chain up.

    Each candidate scores the number of consecutive plausible records
    (a record that ends exactly at the end of a complete file counts double,
    which separates the 44-, 48- and 56-byte headers on one-record files).
    Ties go to the earlier candidate: amd64, i386, i386-time32, then the
    big-endian ones.
    """
    best: tuple[int, Abi] | None = None
    for abi in ABIS.values():
        lay = Layouts.get(abi)
        off = score = 0
        while score < PROBE_RECORDS:
            size = _plausible(lay, buf, off)
            if size is None:
                break
            off += size
            score += 1
            if off >= len(buf):
                if off == len(buf) and at_eof:
                    score += 1
                elif off > len(buf):
                    score -= 1
                break
        if score > 0 and (best is None or score > best[0]):
            best = (score, abi)
    if best is None:
        raise FormatError("not a NetBSD ktrace file")
    return best[1]


class Reader:
    """Iterate over the records of a trace file object.

    ``abi`` forces a layout; otherwise it is probed from the first 64 KiB.
    Iteration raises :class:`FormatError` (with the byte offset) at the first
    damaged record, after yielding every record before it.
    """

    def __init__(self, f: BinaryIO, abi: Abi | None = None) -> None:
        self._f = f
        self._buf = b""
        self.offset = 0          # file offset of self._buf[0]
        if abi is None:
            head = self._fill(PROBE_BYTES)
            if not head:
                abi = AMD64      # an empty trace is valid in any layout
            else:
                abi = probe_abi(head, at_eof=len(head) < PROBE_BYTES
                                and not self._more())
        self.abi = abi
        self.layouts = Layouts.get(abi)

    def _more(self) -> bool:
        chunk = self._f.read(PROBE_BYTES)
        self._buf += chunk
        return bool(chunk)

    def _fill(self, n: int) -> bytes:
        """Make at least ``n`` bytes available (fewer only at end of file)."""
        while len(self._buf) < n:
            chunk = self._f.read(max(n - len(self._buf), PROBE_BYTES))
            if not chunk:
                break
            self._buf += chunk
        return self._buf

    def __iter__(self) -> Iterator[Record]:
        lay = self.layouts
        hsize = lay.header_size
        pos = 0
        while True:
            if len(self._buf) - pos < hsize:
                self._buf = self._buf[pos:]
                self.offset += pos
                pos = 0
                self._fill(hsize)
                if not self._buf:
                    return
                if len(self._buf) < hsize:
                    raise FormatError(
                        f"truncated header at offset {self.offset}")
            try:
                (length, ktype, version, pid, comm, sec, frac,
                 third) = lay.unpack_header(self._buf, pos)
            except FormatError as e:
                raise FormatError(f"{e} at offset {self.offset + pos}") from None
            if not 0 <= length <= MAX_RECORD_LEN:
                raise FormatError(
                    f"bad record length {length} at offset {self.offset + pos}")
            end = pos + hsize + length
            if end > len(self._buf):
                self._buf = self._buf[pos:]
                self.offset += pos
                end -= pos
                pos = 0
                self._fill(end)
                if end > len(self._buf):
                    raise FormatError(
                        f"truncated record ({len(self._buf) - hsize} of "
                        f"{length} payload bytes) at offset {self.offset}")
            payload = self._buf[pos + hsize:end]
            if version == 0:
                yield Record(ktype, 0, pid, 0, comm, sec, frac, payload, third)
            else:
                yield Record(ktype, version, pid, third, comm, sec, frac, payload)
            pos = end


class Writer:
    """Write records to a binary file object in one ABI's layout."""

    def __init__(self, f: BinaryIO, abi: Abi = AMD64) -> None:
        self._f = f
        self.layouts = Layouts.get(abi)

    def encode(self, r: Record) -> bytes:
        third = r.v0_buf if r.version == 0 else r.lid
        return self.layouts.pack_header(
            len(r.payload), r.type, r.version, r.pid, r.comm, r.sec, r.frac,
            third) + r.payload

    def write(self, r: Record) -> None:
        self._f.write(self.encode(r))


def read_all(data: bytes, abi: Abi | None = None) -> list[Record]:
    """Decode a whole trace held in memory (tests and small tools)."""
    return list(Reader(io.BytesIO(data), abi))


def type_name(ktype: int) -> str:
    return RECORD_TYPES.get(ktype, f"UNKNOWN({ktype})")


