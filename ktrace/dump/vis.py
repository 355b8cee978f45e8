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

Doing that per byte in Python would cost a microsecond a byte.  Text (few
distinct bytes to escape) is escaped with one :meth:`str.replace` per such
byte, and a fold point is checked against the backslash runs around it;
other data is escaped byte by byte from a table, with a parallel string
marking where each escape starts, so that a fold never splits one.
"""

from __future__ import annotations

import re

#: NUL followed by an octal digit is the one context-dependent escape
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


#: the escape of each byte, and at 256 that of a NUL before an octal digit
_UNITS = [svis_byte(c) for c in range(256)] + ["\\000"]

_SAFE_BYTES = bytes(c for c in range(256)
                    if c == 0x09 or (0x20 <= c <= 0x7E and c not in (0x22, 0x5C)))
#: bytes whose escape has a backslash after its first character
#: (0x1c "\\^\\", 0x9c "\\M^\\", 0xdc "\\M-\\")
_INNER_BACKSLASH = b"\x1c\x9c\xdc"
#: beyond this many distinct bytes to escape, the byte table beats replace
_REPLACE_MAX = 12
#: one escape unit of vis output: a backslash and its forms, or one char
_UNIT = re.compile(r"\\(?:\^.|M[-^].|[0-7]{3}|.)|.", re.S)
_OCTAL3 = re.compile(r"[0-7]{3}")


_UNITS_T = tuple(_UNITS)
_BOUNDS_T = tuple("S" + "c" * (len(u) - 1) for u in _UNITS)
_NUL_OCTAL_B = re.compile(rb"\x00(?=[0-7])")


def _escape(data: bytes, bounds: bool = False) -> tuple[str, str | None, bool]:
    """The vis text of ``data``; for data escaped byte by byte and when
    ``bounds`` is asked, a string as long marking where units start ("S")
    and continue ("c"); and whether every backslash in the text starts an
    escape or is the second of an escaped backslash ("simple" text)."""
    s = data.decode("latin-1")
    unsafe = data.translate(None, _SAFE_BYTES)
    if not unsafe:
        return s, None, True
    present = set(unsafe)
    simple = not (present & set(_INNER_BACKSLASH))
    if len(present) > _REPLACE_MAX:
        # a list of table entries joined beats str.translate by half
        codes: bytes | list[int] = data
        if 0 in present and _NUL_OCTAL_B.search(data):
            codes = list(data)
            for m in _NUL_OCTAL_B.finditer(data):
                codes[m.start()] = 256
        text = "".join([_UNITS_T[c] for c in codes])
        marks = "".join([_BOUNDS_T[c] for c in codes]) if bounds else None
        return text, marks, simple
    # backslash first and quote second: later escapes contain them
    # (0xa2 is "\\M-\""), and no escape contains any other byte escaped here
    if 0x5C in present:
        s = s.replace("\\", "\\\\")
        present.discard(0x5C)
    if 0x22 in present:
        s = s.replace('"', '\\"')
        present.discard(0x22)
    if 0 in present:
        s = _NUL_BEFORE_OCTAL.sub("\\\\000", s)
        present.discard(0)
        s = s.replace("\x00", "\\0")
    for c in present:
        s = s.replace(chr(c), _UNITS[c])
    return s, None, simple


def vis_string(data: bytes) -> str:
    """The escaped text of ``data``, with kdump's look-ahead for ``\\0``."""
    return _escape(data)[0]


def _boundary(text: str, pos: int, cut: int) -> int:
    """The start of the escape unit that contains ``cut`` (``pos`` is a
    unit boundary at or before it).

    Units are at most four characters and start with their only leading
    backslash, so a position with no backslash among the three characters
    before it is a boundary: the units are parsed from the nearest one.
    """
    anchor = cut - 1
    while anchor > pos and "\\" in text[max(pos, anchor - 3):anchor]:
        anchor -= 1
    start = anchor
    for m in _UNIT.finditer(text, anchor):
        if m.end() > cut:
            return m.start()
        start = m.end()
    return start


def _boundary_simple(text: str, pos: int, cut: int) -> int:
    """:func:`_boundary` for text whose backslashes all start escapes or
    end escaped backslashes: the backslash run before ``cut`` decides."""
    b = text.rfind("\\", max(pos, cut - 3), cut)
    if b < 0:
        return cut
    r = b
    while r > pos and text[r - 1] == "\\":
        r -= 1
    if (b - r) & 1:                 # the second half of an escaped "\\"
        return cut
    nxt = text[b + 1:b + 2]
    if nxt == "^":
        width = 3
    elif nxt == "M":
        width = 4
    elif _OCTAL3.match(text, b + 1):
        width = 4
    else:
        width = 2
    return b if b + width > cut else cut


def visdump(data: bytes, col: int, screenwidth: int = 80) -> str:
    """kdump's ``visdump_buf(data, len, col)``: the quoted, folded text.

    ``col`` is the column the opening quote is printed at.  A unit that
    would pass column ``screenwidth - 2`` starts a continuation line
    (backslash, newline, tab: column 8); tabs print raw and count to the
    next multiple of eight.  Escapes never contain tabs, and a fold point
    can only split one when a backslash is among the three characters
    before it.
    """
    col += 1
    limit = screenwidth - 2
    text, marks, simple = _escape(data, bounds=col + len(data) > limit)
    end = len(text)
    tabs = "\t" in text
    if col + end <= limit and not tabs:
        return '"' + text + '"\n'
    boundary = _boundary_simple if simple else _boundary
    parts = ['"']
    append = parts.append
    pos = 0
    tab = text.find("\t") if tabs else end     # the next tab at or after pos
    if tab < 0:
        tab = end
    while pos < end:
        room = limit - col
        if tab - pos <= room:
            # everything up to the next tab (or the end) fits
            append(text[pos:tab])
            col += tab - pos
            pos = tab
            if tab < end:
                width = 8 - (col & 7)
                if col + width > limit:
                    append("\\\n\t")
                    col, width = 8, 8
                col += width
                append("\t")
                pos += 1
                tab = text.find("\t", pos)
                if tab < 0:
                    tab = end
            continue
        cut = pos + room if room > 0 else pos
        if cut <= pos:
            pass
        elif marks is not None:
            if marks[cut] == "c":
                cut = marks.rfind("S", pos, cut)
        elif "\\" in text[cut - 3 if cut - 3 > pos else pos:cut]:
            cut = boundary(text, pos, cut)
        if cut > pos:
            append(text[pos:cut])
        # the unit at the cut does not fit: a fresh line, and it goes there
        # whatever its width (kdump checks each unit once)
        append("\\\n\t")
        if marks is not None:
            nxt = marks.find("S", cut + 1)
            unit = text[cut:nxt if nxt > 0 else end]
        else:
            unit = text[cut]
            if unit == "\\":
                unit = _UNIT.match(text, cut).group()
        append(unit)
        pos = cut + len(unit)
        if unit == "\t":
            col = 16
            tab = text.find("\t", pos)
            if tab < 0:
                tab = end
        else:
            col = 8 + len(unit)
    parts.append('"\n')
    return "".join(parts)
