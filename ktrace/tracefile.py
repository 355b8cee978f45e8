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
import os
import select
import stat
import time
from collections.abc import Callable, Iterator
from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:              # typing costs start-up; annotations are lazy
    from typing import BinaryIO

from ktrace.format import (
    ABIS, AMD64, Abi, FormatError, Layouts)

#: Records beyond this length are surely damage: the largest record NetBSD
#: writes is a page of GIO data or an exec argument block (ARG_MAX 256 KiB).
MAX_RECORD_LEN = 1 << 24
#: the largest NetBSD header (amd64's): a live source is probed only once
#: this much has arrived, or a part of an amd64 header could pass for a
#: whole i386 one
MAX_HEADER = 56
PROBE_BYTES = 1 << 16
PROBE_RECORDS = 16
READ_CHUNK = 1 << 20
FOLLOW_SLEEP = 0.2


class Record(namedtuple("Record", "type version pid lid comm sec frac payload "
                           "v0_buf offset", defaults=(0, 0))):
    """One decoded header, its raw payload and where it stood in the file.

    ``frac`` is microseconds in version 0 and nanoseconds otherwise; ``lid``
    is 0 in version 0 (where the slot holds a kernel pointer, kept in
    ``v0_buf`` for exact round trips).  ``offset`` is the record's byte
    offset in the file (0 for records not read from one).
    """

    __slots__ = ()

    @property
    def command(self) -> str:
        """The process name as C sees it: up to the first NUL."""
        return self.comm.split(b"\0", 1)[0].decode("latin-1")


class NotNetBSD(FormatError):
    """The file is not a NetBSD trace (perhaps another system's); the
    message follows the file name: ``FILE is not a NetBSD ktrace file``."""


def _strict_walk(lay: Layouts, buf: bytes) -> tuple[int, int]:
    """How many plausible records chain from the start of ``buf`` (at most
    ``PROBE_RECORDS``) and the offset where the chain stops."""
    hsize = lay.header_size
    off = n = 0
    while n < PROBE_RECORDS and off + hsize <= len(buf):
        try:
            length, ktype, version, pid, comm, _sec, frac, _ = \
                lay.unpack_header(buf, off)
        except FormatError:
            break
        if not (0 <= length <= MAX_RECORD_LEN and 0 < ktype < 64 and pid >= 0
                and b"\0" in comm
                and 0 <= frac < (1_000_000 if version == 0 else 1_000_000_000)):
            break
        off += hsize + length
        n += 1
    return n, off


def _chain(lay: Layouts, buf: bytes, at_eof: bool) -> int:
    """Score a layout by the plausible records chaining from the start of
    ``buf``; 0 when it is no evidence of a NetBSD trace.

    A chain counts when it reaches the end of ``buf`` (or ``PROBE_RECORDS``
    records), or when at least two records chain before the damage -- a
    trace may be damaged or cut short, but a single plausible header
    followed by a header's worth of garbage is a coincidence.  A chain that
    ends exactly at the end of a complete file scores one more, which
    separates the 44-, 48- and 56-byte headers on short files.
    """
    n, off = _strict_walk(lay, buf)
    # the end is reached when no further header fits: a trace cut short
    # (or still arriving) is a trace; garbage after one header is not
    reached_end = n >= PROBE_RECORDS or off + lay.header_size > len(buf)
    if n == 0 or (n < 2 and not reached_end):
        return 0
    return n + (off == len(buf) and at_eof)


def probe_abi(buf: bytes, at_eof: bool) -> Abi:
    """Pick the layout under which the first records of ``buf`` chain up.

    Ties go to the earlier candidate: amd64, i386, i386-time32, then the
    big-endian ones.  Raises :class:`FormatError` when none fits.
    """
    best, best_abi = 0, None
    for abi in ABIS.values():
        score = _chain(Layouts.get(abi), buf, at_eof)
        if score > best:
            best, best_abi = score, abi
    if best_abi is None:
        raise FormatError("not a NetBSD ktrace file")
    return best_abi


def _named(buf: bytes, off: int) -> bool:
    """Whether the header at ``off`` has a command name as a kernel writes
    one: not empty, no control characters before its NUL."""
    name = buf[off + 12:off + 29].split(b"\0", 1)[0]
    return bool(name) and all(c >= 0x20 and c != 0x7F for c in name)


def _faults(lay: Layouts, buf: bytes, off: int) -> tuple[int, int]:
    """The record length at ``off`` and how many of the probe's checks its
    header fails (length, type, version, pid, comm, time fraction)."""
    length, a, b, pid = lay.prefix.unpack_from(buf, off)
    version, ktype = (a, b) if lay.abi.big_endian else (b, a)
    faults = (not 0 <= length <= MAX_RECORD_LEN) + (not 0 < ktype < 64) + \
        (pid < 0) + (b"\0" not in buf[off + 12:off + 29])
    if version not in lay.header:
        return length, faults + 1
    frac = lay.unpack_header(buf, off)[6]
    return length, faults + (
        not 0 <= frac < (1_000_000 if version == 0 else 1_000_000_000))


def _evidence(lay: Layouts, buf: bytes, n: int, at_eof: bool) -> int:
    """How strongly the first ``n`` records of a strict chain say NetBSD:
    one for each with a kernel-like command name, one more when the chain
    ends exactly at the end of a complete file."""
    off = count = 0
    for _ in range(n):
        count += _named(buf, off)
        off += lay.header_size + lay.prefix.unpack_from(buf, off)[0]
    return count + (off == len(buf) and at_eof)


def _damaged_chain(lay: Layouts, buf: bytes, at_eof: bool) -> int:
    """Score a layout allowing one damaged header among the first two
    records: one whose only fault is one field (an unknown version, an
    impossible type, pid or time, a length that is negative or huge).
    0 when that is no evidence of a NetBSD trace; else, as
    :func:`_evidence` counts, the records with kernel-like command names
    (the damaged one included) and an exact end.

    The record after a damaged one is found through its length.  A damaged
    length ends the walk: it counts after a good first record, or in a
    first header with a kernel-like name.  Otherwise the chain counts when
    it holds two good records, or one and reaches the end of ``buf``; a
    lone damaged record when it fills a complete file exactly and is named.
    """
    hsize = lay.header_size
    off = good = n = named = 0
    damaged = -1
    while n < PROBE_RECORDS and off + hsize <= len(buf):
        length, faults = _faults(lay, buf, off)
        if faults:
            if faults > 1 or damaged >= 0 or n > 1:
                break
            damaged = n
            named += _named(buf, off)
            if not 0 <= length <= MAX_RECORD_LEN:
                return named if n == 1 or _named(buf, off) else 0
        else:
            good += 1
            named += _named(buf, off)
        off += hsize + length
        n += 1
    if damaged < 0:
        return 0
    exact = off == len(buf) and at_eof
    if good == 0:
        return int(n == 1 and exact and named == 1) * 2
    reached_end = n >= PROBE_RECORDS or off + hsize > len(buf)
    if good < 2 and not (reached_end and (exact or not at_eof)):
        return 0
    return named + exact


def probe_damaged(buf: bytes, at_eof: bool, beat: int = 0) -> Abi | None:
    """The layout of a NetBSD trace whose first or second record is
    damaged (:func:`_damaged_chain`) scoring above ``beat``, or None.
    Reading the file then reports the damage at its offset, after the
    records before it."""
    best, best_abi = beat, None
    for abi in ABIS.values():
        score = _damaged_chain(Layouts.get(abi), buf, at_eof)
        if score > best:
            best, best_abi = score, abi
    return best_abi


#: ``vet(head, abi)``: a caller's look at the first bytes and the probed ABI
#: (None when no NetBSD layout fits cleanly), which may raise FormatError to
#: refuse the file (pykdump names other systems' trace files this way).
Vet = Callable[[bytes, "Abi | None"], None]


def _readable(fd: int | None) -> bool:
    """Input is waiting on a pipe (or it is not a descriptor one can ask)."""
    if fd is None:
        return True
    return bool(select.select([fd], [], [], 0)[0])


class Reader:
    """Iterate over the records of a trace file object, in constant memory.

    ``abi`` forces a layout; otherwise it is probed from the first 64 KiB
    (or, from a live pipe or in follow mode, as soon as records chain up).
    ``follow`` keeps waiting at the end of a regular file for it to grow
    (kdump's ``-l``); a pipe is read as it comes and ends when its writer
    closes it.  Iteration raises :class:`FormatError` naming the offset of
    the first damaged record, after yielding every record before it.
    """

    def __init__(self, f: BinaryIO, abi: Abi | None = None,
                 follow: bool = False, vet: Vet | None = None) -> None:
        self._f = f
        try:
            self._fd: int | None = f.fileno()
            self._regular = stat.S_ISREG(os.fstat(self._fd).st_mode)
        except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
            self._fd, self._regular = None, True
        self.follow = follow and self._regular
        #: called once each time the reader is about to wait for input that
        #: is not there yet (a live pipe, or a followed file at its end):
        #: what was held back for more records can be shown meanwhile
        self.idle: Callable[[], None] | None = None
        self._buf = b""
        self._eof = False
        self.abi = abi if abi is not None else self._probe(vet)
        self.layouts = Layouts.get(self.abi)

    def _read(self, n: int) -> bytes:
        """Whatever is available, up to ``n`` bytes; b"" at end of file."""
        if self._fd is not None and not self._regular:
            return os.read(self._fd, n)
        read1 = getattr(self._f, "read1", None)
        return read1(n) if read1 is not None else self._f.read(n)

    def _probe(self, vet: Vet | None) -> Abi:
        """Read the first 64 KiB (or what a live source has sent) and probe.

        An empty input is a valid empty trace in any layout (amd64 is
        assumed).  In follow mode the probe waits, as kdump's
        ``fread_tail`` does, until at least a whole header has arrived.
        When no layout chains cleanly, ``vet`` may name another system's
        file; else a NetBSD trace damaged in its first or second record
        is still read (:func:`probe_damaged`), up to the damage.
        """
        while len(self._buf) < PROBE_BYTES:
            chunk = self._read(PROBE_BYTES)
            if not chunk:
                if self.follow and len(self._buf) < MAX_HEADER:
                    time.sleep(FOLLOW_SLEEP)
                    continue
                self._eof = True
                break
            self._buf += chunk
            if (not self._regular or self.follow) and \
                    len(self._buf) >= MAX_HEADER:
                try:        # a live source: decide as soon as records chain
                    abi = probe_abi(self._buf, at_eof=False)
                except FormatError:
                    continue
                if vet is not None:
                    vet(self._buf, abi)
                return abi
        if not self._buf:
            return AMD64
        try:
            found: Abi | None = probe_abi(self._buf, at_eof=self._eof)
        except FormatError:
            found = None
        if vet is not None:
            vet(self._buf, found)
        if found is None:
            found = probe_damaged(self._buf, at_eof=self._eof)
        else:
            # a chain that breaks early may be another layout's coincidence
            # (a few records of nonsense names): a layout that reads more
            # kernel-like records but for one damaged header is better
            lay = Layouts.get(found)
            n, off = _strict_walk(lay, self._buf)
            if n < PROBE_RECORDS and off + lay.header_size <= len(self._buf):
                found = probe_damaged(
                    self._buf, self._eof,
                    beat=_evidence(lay, self._buf, n, self._eof)) or found
        if found is None:
            raise NotNetBSD("is not a NetBSD ktrace file")
        return found

    def _more(self) -> bool:
        """Append more input to the buffer; False at (final) end of file."""
        idled = self.idle is None
        if not idled and not self._regular and not _readable(self._fd):
            self.idle()
            idled = True
        while True:
            chunk = self._read(READ_CHUNK)
            if chunk:
                self._buf += chunk
                return True
            if not self.follow:
                return False
            if not idled:
                self.idle()
                idled = True
            time.sleep(FOLLOW_SLEEP)

    def __iter__(self) -> Iterator[Record]:
        lay = self.layouts
        hsize = lay.header_size
        prefix = lay.prefix.unpack_from
        big = lay.abi.big_endian
        heads = {v: s.unpack_from for v, s in lay.header.items()}
        buf = self._buf
        base = 0            # file offset of buf[0]
        pos = 0
        while True:
            if len(buf) - pos < hsize:
                self._buf = buf[pos:]
                base += pos
                pos = 0
                while len(self._buf) < hsize and self._more():
                    pass
                buf = self._buf
                if not buf:
                    return
                if len(buf) < hsize:
                    raise FormatError(f"truncated header at offset {base}")
            length, a, b, _pid = prefix(buf, pos)
            version = a if big else b
            head = heads.get(version)
            if head is None:
                raise FormatError(
                    f"unknown ktrace version {version} at offset {base + pos}")
            if not 0 <= length <= MAX_RECORD_LEN:
                raise FormatError(
                    f"bad record length {length} at offset {base + pos}")
            end = pos + hsize + length
            if end > len(buf):
                self._buf = buf[pos:]
                base += pos
                end -= pos
                pos = 0
                while len(self._buf) < end and self._more():
                    pass
                buf = self._buf
                if end > len(buf):
                    raise FormatError(
                        f"truncated record ({len(buf) - hsize} of {length} "
                        f"payload bytes) at offset {base}")
            f = head(buf, pos)
            if version == 0:
                yield Record(f[2] if big else f[1], 0, f[3], 0, f[4], f[5],
                             f[6], buf[pos + hsize:end], f[7], base + pos)
            else:
                yield Record(f[2] if big else f[1], version, f[3], f[7], f[4],
                             f[5], f[6], buf[pos + hsize:end], 0, base + pos)
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
