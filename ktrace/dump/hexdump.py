"""kdump's ``hexdump_buf``: ``-x``/``-X size`` dumps and unknown records.

Follows ``hexdump_buf`` of kdump.c (identical in 1.93.2.1, 1.115.2.1 and
1.140.2.2).  Built for a little-endian host (NetBSD/amd64 and i386) it
shows words of ``size`` bytes most significant byte first, swapping the
bytes of each word (``bswap = word_sz - 1``); built for a big-endian host
it shows the bytes in file order (``#define bswap 0``).  A kdump reads
only its own byte order, so a big-endian trace is dumped as a big-endian
host's kdump dumps it: ``big_endian=True``.  A run of
identical 16-byte lines collapses to one line of ``*`` (as wide as the
``%3x`` offset), and a run of exactly one duplicate reprints it -- with
the hex columns blank, because kdump cleared its byte buffer before
deciding to reprint (a quirk kept here).
"""

from __future__ import annotations

_HEX = "0123456789abcdef"
_GRAPH = "".join(chr(c) if 0x21 <= c <= 0x7E else "." for c in range(256))
_GRAPH_BYTES = _GRAPH.encode("latin-1")


def _geometry(word: int, bswap: int) -> tuple[list[int], int]:
    """Column of each of the 16 bytes' hex digits, and the hex field width."""
    if word == 1:
        divmask, bsize, gdelim = 7, 3, 1
    else:
        divmask, bsize, gdelim = word - 1, 2, (2 if word == 2 else 3)
    width = 16 * bsize + (16 // (divmask + 1)) * gdelim
    if word != 1:
        width += 2
    cols = []
    groups = 0
    for i in range(16):
        if i & divmask == 0:
            groups += 1
        cols.append(groups * gdelim + (i ^ bswap) * bsize)
    return cols, width


#: (word, big-endian host) -> geometry; bswap is word - 1 on little-endian
_GEOMETRY = {(w, big): _geometry(w, 0 if big else w - 1)
             for w in (1, 2, 4, 8, 16) for big in (False, True)}


def _line(off: int, chunk: bytes, word: int, big: bool) -> str:
    """One line from the byte cells, as kdump fills them (any length)."""
    cols, width = _GEOMETRY[word, big]
    cells = [" "] * 52
    for i, c in enumerate(chunk):
        p = cols[i]
        cells[p] = _HEX[c >> 4]
        cells[p + 1] = _HEX[c & 15]
    return "\t%-5.3x%s%s\n" % (off, "".join(cells)[:width],
                               chunk.decode("latin-1").translate(_GRAPH))


def _full_lines(data: bytes, word: int, big: bool) -> list[str]:
    """The lines of all of ``data`` (16-byte lines only) built from one
    hex string of the whole buffer, sliced line by line.

    For words of 2 or more bytes the bytes are first swapped inside each
    word (most significant first) unless ``big`` (a big-endian host shows
    them as they are), and the hex is grouped by words.
    """
    n = len(data)
    chars = data.translate(_GRAPH_BYTES).decode("latin-1")
    if word == 1:
        h = data.hex(" ")       # 3 characters a byte, groups of 8 apart
        return ["\t%-5.3x %s %s %s\n" % (
            off, h[3 * off:3 * off + 24], h[3 * off + 24:3 * off + 47],
            chars[off:off + 16]) for off in range(0, n, 16)]
    if big:
        swapped = data
    else:
        swapped = bytearray(n)
        for k in range(word):
            swapped[k::word] = data[word - 1 - k::word]
    gap = " " * (2 if word == 2 else 3)
    h = swapped.hex(" ", word).replace(" ", gap)
    step = 32 + 16 * len(gap) // word      # hex characters a line
    return ["\t%-5.3x%s%s  %s\n" % (
        off, gap, h[at:at + step - len(gap)], chars[off:off + 16])
        for off, at in zip(range(0, n, 16), range(0, len(h), step))]


def hexdump(data: bytes, word: int = 1, big_endian: bool = False) -> str:
    """The text ``hexdump_buf(data, len(data), word)`` prints, on a
    little-endian host or, with ``big_endian``, on a big-endian one."""
    n = len(data)
    whole = n & ~15
    big = big_endian and word > 1
    lines = _full_lines(data[:whole], word, big)
    if n > whole:
        lines.append(_line(whole, data[whole:], word, big))
    chunks = [data[off:off + 16] for off in range(0, whole, 16)]
    if not any(map(bytes.__eq__, chunks, chunks[1:])):
        return "".join(lines)       # no line repeats the one before
    return "".join(_collapse(data, lines, word))


def _collapse(data: bytes, lines: list[str], word: int) -> list[str]:
    """``lines`` with kdump's handling of repeated lines."""
    out: list[str] = []
    n = len(data)
    width = _GEOMETRY[word, False][1]     # the width is the same for both
    dupl = 0
    prev = b""
    prev_len = 0
    off = 0
    while off < n:
        chunk = data[off:off + 16]
        last = off + 16 >= n
        if last or dupl == 0 or chunk != prev:
            dupl |= 1
        if not dupl & 1:
            dupl += 2
            off += 16
            continue
        if dupl > 3:
            if dupl == 5:
                out.append("\t%-5.3x%s%s\n" % (
                    off - prev_len, " " * width,
                    prev.decode("latin-1").translate(_GRAPH)))
            else:
                out.append("\t" + "*****"[:len("%3x" % off)] + "\n")
        out.append(lines[off >> 4])
        prev, prev_len = chunk, len(chunk)
        dupl = 2
        off += len(chunk)
    return out
