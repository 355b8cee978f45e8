"""Streaming records out of a trace file, flat in memory, for pykdump.

:class:`ktrace.tracefile.Reader` is the general reader; pykdump needs a
little more: the byte offset of every record (bad input is reported at an
offset), follow mode (``-l``: a growing file or a pipe), and a tighter loop
(one ``struct`` call per header, big reads), because the dumper's speed
target is 150,000 records/s.  The header layouts are still the derived
:class:`ktrace.format.Layouts`, and ABI probing is
:func:`ktrace.tracefile.probe_abi`.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from ktrace.format import AMD64, Abi, FormatError, Layouts
from ktrace.tracefile import MAX_RECORD_LEN, PROBE_BYTES, probe_abi

from ktrace.dump.foreign import foreign_format

CHUNK = 1 << 20
FOLLOW_SLEEP = 0.2


class Raw(NamedTuple):
    """One record as read: header fields, payload and file offset."""

    type: int
    version: int
    pid: int
    lid: int
    comm: bytes
    sec: int
    frac: int
    payload: bytes
    offset: int


class NotNetBSD(FormatError):
    """The file is not a NetBSD trace (perhaps another system's)."""


class RecordStream:
    """Iterate over :class:`Raw` records of a binary file object.

    ``follow`` keeps waiting at the end of a regular file for it to grow
    (kdump's ``-l``); a pipe is read as it comes and ends when its writer
    closes it.  Iteration raises :class:`FormatError` naming the offset of
    the first damaged record, after yielding every record before it.
    """

    def __init__(self, f: BinaryIO, abi: Abi | None = None,
                 follow: bool = False) -> None:
        self._f = f
        try:
            self._fd: int | None = f.fileno()
            self._regular = stat.S_ISREG(os.fstat(self._fd).st_mode)
        except (OSError, AttributeError, ValueError):
            self._fd, self._regular = None, True
        self.follow = follow and self._regular
        self._buf = b""
        self._eof = False
        if abi is None:
            abi = self._probe()
        self.abi = abi
        self.layouts = Layouts.get(abi)

    def _read(self, n: int) -> bytes:
        """Whatever is available, up to ``n`` bytes; b"" at end of file."""
        if self._fd is not None and not self._regular:
            return os.read(self._fd, n)
        read1 = getattr(self._f, "read1", None)
        return read1(n) if read1 is not None else self._f.read(n)

    def _probe(self) -> Abi:
        """Read the first 64 KiB (or what a live pipe has sent) and probe.

        An empty input is a valid empty trace in any layout (amd64 is
        assumed); in follow mode the probe waits for the first bytes.
        """
        while len(self._buf) < PROBE_BYTES:
            chunk = self._read(PROBE_BYTES)
            if not chunk:
                if self.follow and not self._buf:
                    time.sleep(FOLLOW_SLEEP)
                    continue
                self._eof = True
                break
            self._buf += chunk
            if not self._regular or self.follow:
                try:        # a live source: probe as soon as records chain
                    abi = probe_abi(self._buf, at_eof=False)
                except FormatError:
                    continue
                if foreign_format(self._buf, True) is None:
                    return abi
        head = self._buf
        if not head:
            return AMD64
        try:
            abi: Abi | None = probe_abi(head, at_eof=self._eof)
        except FormatError:
            abi = None
        other = foreign_format(head, abi is not None and _chains(head, abi))
        if other is not None:
            raise NotNetBSD(f"is {other} ktrace file; this reads NetBSD's")
        if abi is None:
            raise NotNetBSD("is not a NetBSD ktrace file")
        return abi

    def _more(self) -> bool:
        """Append more input to the buffer; False at (final) end of file."""
        while True:
            chunk = self._read(CHUNK)
            if chunk:
                self._buf += chunk
                return True
            if not self.follow:
                return False
            time.sleep(FOLLOW_SLEEP)

    def __iter__(self) -> Iterator[Raw]:
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
            if big:
                ktype = f[2]
            else:
                ktype = f[1]
            yield Raw(ktype, version, f[3], 0 if version == 0 else f[7],
                      f[4], f[5], f[6], buf[pos + hsize:end], base + pos)
            pos = end


def _chains(head: bytes, abi: Abi, enough: int = 8) -> bool:
    """Whether the records of ``head`` follow one another under ``abi``
    up to its end (or for ``enough`` records): a single plausible header
    followed by garbage is not evidence of a NetBSD file."""
    lay = Layouts.get(abi)
    hsize = lay.header_size
    off = count = 0
    while off + hsize <= len(head) and count < enough:
        length, a, b, _pid = lay.prefix.unpack_from(head, off)
        version = a if abi.big_endian else b
        if version not in lay.header or not 0 <= length <= MAX_RECORD_LEN:
            return False
        off += hsize + length
        count += 1
    return count >= enough or off >= len(head)
