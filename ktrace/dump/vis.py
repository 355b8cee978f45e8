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

Doing that per byte in Python would cost a microsecond a byte, so nothing
here loops over bytes or output lines in Python:

* Escaping: text (few distinct bytes to escape) takes one
  :meth:`str.replace` per such byte; other data goes through four
  :meth:`bytes.translate` tables, one per character of a unit (units are at
  most four characters), interleaved by slice assignment, with the padding
  of short units deleted.
* Folding: inside the escaped text every backslash that does not start a
  unit (the second of ``\\\\``, the last of ``\\^\\``, ``\\M^\\``,
  ``\\M-\\``) is written as ``\\x01`` (a byte that is always escaped, so
  it never appears as itself) until the end.  Then whether a position
  starts a unit is decided by the three characters before it, and one
  regular expression cuts a whole run of text between tabs into lines.
"""

from __future__ import annotations

import functools
import re

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


#: stands for a backslash that does not start a unit, until the end
_MARK = "\x01"
#: the escape of each byte, and at 256 that of a NUL before an octal digit
_UNITS = [svis_byte(c) for c in range(256)] + ["\\000"]
#: the same with inner backslashes marked
_MARKED = [u[0] + u[1:].replace("\\", _MARK) for u in _UNITS]
#: bytes.translate tables giving the k-th character of each marked unit,
#: NUL where the unit is shorter (NUL never appears in vis text)
_CELLS = [bytes.maketrans(bytes(range(256)), bytes(
    ord(u[k]) if k < len(u) else 0 for u in _MARKED[:256])) for k in range(4)]

_SAFE_BYTES = bytes(c for c in range(256)
                    if c == 0x09 or (0x20 <= c <= 0x7E and c not in (0x22, 0x5C)))
#: beyond this many distinct bytes to escape, the tables beat replace
_REPLACE_MAX = 12
_NUL_BEFORE_OCTAL = re.compile(rb"\x00(?=[0-7])")
_NUL_BEFORE_OCTAL_S = re.compile("\x00(?=[0-7])")


def _by_tables(data: bytes) -> str:
    """The marked vis text of ``data`` from the four cell tables."""
    cells = bytearray(4 * len(data))
    for k, table in enumerate(_CELLS):
        cells[k::4] = data.translate(table)
    if b"\0" in data:
        for m in _NUL_BEFORE_OCTAL.finditer(data):
            at = 4 * m.start()
            cells[at:at + 4] = b"\\000"
    return cells.translate(None, b"\0").decode("latin-1")


def _by_replace(s: str, present: set[int]) -> str:
    """The marked vis text of ``s`` (``data`` as latin-1), escaping each of
    the ``present`` bytes with one replace; the mark must not be among
    them, as it is inserted before they are escaped."""
    # backslash first and quote second: later escapes contain them
    # (0xa2 is "\\M-\""), and no escape contains any other byte escaped here
    if 0x5C in present:
        s = s.replace("\\", "\\" + _MARK)
        present.discard(0x5C)
    if 0x22 in present:
        s = s.replace('"', '\\"')
        present.discard(0x22)
    if 0 in present:                # the rest of the NULs below
        s = _NUL_BEFORE_OCTAL_S.sub("\\\\000", s)
    for c in present:
        s = s.replace(chr(c), _MARKED[c])
    return s


def _escape(data: bytes) -> str:
    """The vis text of ``data`` with inner backslashes marked."""
    unsafe = data.translate(None, _SAFE_BYTES)
    if not unsafe:
        return data.decode("latin-1")
    # counting distinct bytes costs as much as the tables when most are unsafe
    if len(unsafe) > len(data) >> 3:
        return _by_tables(data)
    present = set(unsafe)
    if len(present) > _REPLACE_MAX or 1 in present:
        return _by_tables(data)
    return _by_replace(data.decode("latin-1"), present)


def vis_string(data: bytes) -> str:
    """The escaped text of ``data``, with kdump's look-ahead for ``\\0``."""
    return _escape(data).replace(_MARK, "\\")


#: true where a unit starts, in marked text: not just after a backslash,
#: nor after "\\^", "\\M" or "\\M" and one more, nor inside an octal escape
#: (a "\\0" unit is never followed by an octal digit: that is "\\000")
_UNIT_START = (r"(?<!\\)(?<!\\[\^M])(?<!\\M.)(?<!\\[0-7]{2})"
               r"(?!(?<=\\[0-7])[0-7])")
_FOLD = "\\\n\t"


@functools.lru_cache(maxsize=None)
def _line(least: int, room: int) -> re.Pattern[str]:
    """The longest run of ``least`` to ``room`` columns ending where a unit
    starts."""
    return re.compile(".{%d,%d}%s" % (least, room, _UNIT_START))


def visdump(data: bytes, col: int, screenwidth: int = 80) -> str:
    """kdump's ``visdump_buf(data, len, col)``: the quoted, folded text.

    ``col`` is the column the opening quote is printed at.  A unit that
    would pass column ``screenwidth - 2`` starts a continuation line
    (backslash, newline, tab: column 8) and goes there whatever its
    width; tabs print raw and count to the next multiple of eight.
    """
    col += 1
    limit = screenwidth - 2
    text = _escape(data)
    if col + len(text) <= limit and "\t" not in text:
        return '"' + text.replace(_MARK, "\\") + '"\n'
    if limit - 8 < 4:               # a unit may not fit a continuation line
        return _visdump_units(data, col, limit)
    full = _line(1, limit - 8)
    parts = ['"']
    append = parts.append
    tab = False                     # a tab before this run of text
    for seg in text.split("\t"):
        if tab:
            width = 8 - (col & 7)
            if col + width > limit:
                append(_FOLD)
                col, width = 8, 8
            col += width
            append("\t")
        tab = True
        n = len(seg)
        if col + n <= limit or not n:
            append(seg)
            col += n
            continue
        head = _line(0, limit - col if col < limit else 0).match(seg).group()
        rest = full.findall(seg, len(head))
        append(head)
        append(_FOLD)
        append(_FOLD.join(rest))
        col = 8 + len(rest[-1])
    append('"\n')
    return "".join(parts).replace(_MARK, "\\")


def _visdump_units(data: bytes, col: int, limit: int) -> str:
    """:func:`visdump` unit by unit, as kdump's loop runs, for screens too
    narrow for a unit to be sure of fitting a continuation line."""
    parts = ['"']
    last = len(data) - 1
    for i, c in enumerate(data):
        octal_next = i < last and 0x30 <= data[i + 1] <= 0x37
        unit = _UNITS[256 if c == 0 and octal_next else c]
        width = 8 - (col & 7) if unit == "\t" else len(unit)
        if col + width > limit:
            parts.append(_FOLD)
            col = 8
            if unit == "\t":
                width = 8
        col += width
        parts.append(unit)
    parts.append('"\n')
    return "".join(parts)
