"""NetBSD ``vis(3)`` in kdump's flavour, and kdump's ``visdump_buf`` folding.

kdump shows GIO data, exec arguments and environments through
``svis(buf, c, VIS_CSTYLE, nextc, "\\"\\n")`` one byte at a time and folds
the result like ``fold(1)``.  Rules from ``lib/libc/gen/vis.c`` 1.53
(``do_svis``), in the C locale kdump runs in:

* the "extra" set is ``"``, newline and (no ``VIS_NOSLASH``) backslash;
* any other graphic character, space and tab print as themselves;
* C escapes for ``\\n \\r \\b \\a \\v \\f``, ``\\0`` (``\\000`` when the
  next byte is an octal digit), and a backslash before ``"`` and ``\\``;
* 0xa0 (``(c & 0177) == ' '``) as octal ``\\240``;
* the rest as ``\\^X``, ``\\^?``, ``\\M-X``, ``\\M^X``.

Doing that per byte in Python would cost a microsecond a byte, so every
byte's escape is precomputed and applied with :meth:`str.translate`; the
folding works on whole runs with a parallel "unit boundary" string.
"""

from __future__ import annotations

import re

#: NUL followed by an octal digit is the one context-dependent escape; it is
#: first rewritten to this private code point (outside latin-1).
_NUL_OCTAL = "\u0100"
_NUL_BEFORE_OCTAL = re.compile("\x00(?=[0-7])")

_CSTYLE = {0x0A: "\\n", 0x0D: "\\r", 0x08: "\\b", 0x07: "\\a", 0x0B: "\\v",
           0x0C: "\\f", 0x00: "\\0"}


def svis_byte(c: int) -> str:
    """One byte as ``svis(..., VIS_CSTYLE, nextc, "\\"\\n")`` shows it
    when ``nextc`` is not an octal digit."""
    extra = c in (0x22, 0x0A, 0x5C)
    graph = 0x21 <= c <= 0x7E
    if not extra and (graph or c in (0x20, 0x09)):
        return chr(c)
    if c in _CSTYLE:
        return _CSTYLE[c]
    if graph:                       # '"' and '\\'
        return "\\" + chr(c)
    if (c & 0o177) == 0x20:         # 0xa0: octal, like an extra character
        return "\\%03o" % c
    out = "\\"
    if c & 0o200:
        c &= 0o177
        out += "M"
    if c < 0x20 or c == 0x7F:
        return out + ("^?" if c == 0x7F else "^" + chr(c + 0x40))
    return out + "-" + chr(c)


_UNITS = [svis_byte(c) for c in range(256)] + ["\\000"]
#: str.translate tables: the escape of each byte, and "S" + "c" * (len - 1)
#: marking where each escape starts (so a fold never splits one).
VIS_TABLE = {i: u for i, u in enumerate(_UNITS) if u != chr(i)}
VIS_TABLE[ord(_NUL_OCTAL)] = "\\000"
BOUNDARY_TABLE = ["S" + "c" * (len(u) - 1) for u in _UNITS]


def vis_string(data: bytes) -> str:
    """The escaped text of ``data``, with kdump's look-ahead for ``\\0``."""
    s = data.decode("latin-1")
    if "\x00" in s:
        s = _NUL_BEFORE_OCTAL.sub(_NUL_OCTAL, s)
    return s.translate(VIS_TABLE)


def visdump(data: bytes, col: int, screenwidth: int = 80) -> str:
    """kdump's ``visdump_buf(data, len, col)``: the quoted, folded text.

    ``col`` is the column the opening quote is printed at.  A unit that
    would pass column ``screenwidth - 2`` starts a continuation line
    (``\\`` newline tab, column 8); tabs print raw and count to the next
    multiple of eight.
    """
    s = data.decode("latin-1")
    if "\x00" in s:
        s = _NUL_BEFORE_OCTAL.sub(_NUL_OCTAL, s)
    col += 1
    limit = screenwidth - 2
    out = s.translate(VIS_TABLE)
    if "\t" not in s and col + len(out) <= limit:
        return '"' + out + '"\n'
    parts = ['"']
    append = parts.append
    for i, seg in enumerate(s.split("\t")):
        if i:                               # the tab before this segment
            width = 8 - (col & 7)
            if col + width > limit:
                append("\\\n\t")
                col, width = 8, 8
            col += width
            append("\t")
        if not seg:
            continue
        text = seg.translate(VIS_TABLE)
        if len(text) == len(seg):           # no escapes: every unit is 1 wide
            bounds = None
        else:
            bounds = seg.translate(BOUNDARY_TABLE)
        pos, end = 0, len(text)
        while pos < end:
            room = limit - col
            if end - pos <= room:
                append(text[pos:])
                col += end - pos
                break
            cut = pos + room if room > 0 else pos
            if bounds is not None and cut > pos and bounds[cut] == "c":
                cut = bounds.rfind("S", pos, cut)
            if cut > pos:
                append(text[pos:cut])
            append("\\\n\t")
            col = 8
            if cut <= pos:
                # nothing fitted: the unit goes alone on the fresh line
                nxt = pos + 1
                if bounds is not None:
                    while nxt < end and bounds[nxt] == "c":
                        nxt += 1
                append(text[pos:nxt])
                col += nxt - pos
                cut = nxt
            pos = cut
    parts.append('"\n')
    return "".join(parts)
