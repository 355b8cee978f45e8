"""vis(3) escaping (lib/libc/gen/vis.c 1.53, VIS_CSTYLE, extra "\\"\\n"),
kdump's visdump_buf folding and hexdump_buf (kdump.c 1.140.2.2)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ktrace.dump.hexdump import hexdump
from ktrace.dump.vis import svis_byte, vis_string, visdump


def test_svis_classes() -> None:
    assert svis_byte(ord("a")) == "a"
    assert svis_byte(ord(" ")) == " "
    assert svis_byte(ord("\t")) == "\t"
    assert svis_byte(ord("\n")) == "\\n"
    assert svis_byte(ord('"')) == '\\"'
    assert svis_byte(ord("\\")) == "\\\\"
    assert [svis_byte(c) for c in b"\r\b\a\v\f"] == [
        "\\r", "\\b", "\\a", "\\v", "\\f"]
    assert svis_byte(0x01) == "\\^A"
    assert svis_byte(0x1B) == "\\^["
    assert svis_byte(0x7F) == "\\^?"
    assert svis_byte(0x80) == "\\M^@"
    assert svis_byte(0xA0) == "\\240"
    assert svis_byte(0xC3) == "\\M-C"
    assert svis_byte(0xFF) == "\\M^?"


def reference_vis(data: bytes) -> str:
    """svis() byte by byte, as kdump calls it, with the look-ahead byte."""
    out = []
    for i, c in enumerate(data):
        nextc = data[i + 1] if i + 1 < len(data) else 0
        out.append("\\000" if c == 0 and 0x30 <= nextc <= 0x37
                   else svis_byte(c))
    return "".join(out)


@given(st.one_of(st.binary(max_size=300),
                 st.text(alphabet="ab \t\n\"\\\x00017\x80\xa0\xa2\xdc\x1c\x9c",
                         max_size=300).map(lambda t: t.encode("latin-1"))))
@settings(max_examples=300, deadline=None)
def test_vis_string_matches_byte_by_byte(data: bytes) -> None:
    assert vis_string(data) == reference_vis(data)


def reference_visdump(data: bytes, col: int, screenwidth: int) -> str:
    """kdump's visdump_buf loop, unit by unit (kdump.c 1.140.2.2)."""
    out = '"'
    col += 1
    for i, c in enumerate(data):
        nextc = data[i + 1] if i + 1 < len(data) else 0
        unit = "\\000" if c == 0 and 0x30 <= nextc <= 0x37 else svis_byte(c)
        width = 8 - (col & 7) if unit == "\t" else len(unit)
        if col + width > screenwidth - 2:
            out += "\\\n\t"
            col = 8
            if unit == "\t":
                width = 8
        col += width
        out += unit
    return out + '"\n'


# the bytes whose escapes end in a backslash, digit, "M", "^" or "-" and
# those characters themselves: where folding must find where units start;
# \x01 is vis.py's mark for inner backslashes
TEXTY = st.text(alphabet="ab \t\n\"\\\x00017\x80\xa0\xa2\xdc\x1c\x9c"
                "M^-24\x8d\x1e\x01\xad\xb0",
                max_size=400).map(lambda t: t.encode("latin-1"))


@given(st.one_of(st.binary(max_size=400), TEXTY),
       st.integers(min_value=0, max_value=100),
       st.sampled_from([80, 80, 132, 20, 12, 9]))
@settings(max_examples=400, deadline=None)
def test_visdump_matches_kdump_loop(data: bytes, col: int, width: int) -> None:
    assert visdump(data, col, width) == reference_visdump(data, col, width)


def test_fold_at_every_start_column() -> None:
    """Each kind of escape unit lands on the fold point in some column."""
    units = b"\\\x1c\x9c\xdc\xa0\x001\x00M\x8d\x1e\x01\xad-\"\n\t"
    for data in (units * 20, b"ab" + units * 20, b"\t" + units * 20):
        for col in range(0, 90):
            assert visdump(data, col) == reference_visdump(data, col, 80)


def test_nul_before_octal_digit() -> None:
    assert vis_string(b"\x001\x009\x00") == "\\0001\\09\\0"


def test_fold_keeps_escapes_whole() -> None:
    # 69 'a's then "\n": the 2-char escape does not fit at column 77
    out = visdump(b"a" * 69 + b"\n" + b"b", 7)
    assert out == '"' + "a" * 69 + "\\\n\t\\nb\"\n"


def test_fold_tab_width() -> None:
    # a tab counts to the next multiple of 8; at the edge it moves whole
    out = visdump(b"x" * 69 + b"\t" + b"y", 7)
    assert out == '"' + "x" * 69 + "\\\n\t\ty\"\n"


def test_screenwidth() -> None:
    assert visdump(b"abcdef", 7, screenwidth=14) == '"abcd\\\n\tef"\n'


@given(st.binary(max_size=600), st.integers(min_value=0, max_value=60))
@settings(max_examples=200, deadline=None)
def test_fold_is_only_line_breaks(data: bytes, col: int) -> None:
    """Removing the continuations gives back the vis string, and no line
    passes column 78 unless one unit alone does."""
    out = visdump(data, col)
    assert out.startswith('"') and out.endswith('"\n')
    assert out[1:-2].replace("\\\n\t", "") == vis_string(data)


def reference_hexdump(data: bytes, word: int, little: bool = True) -> str:
    """kdump's hexdump_buf loop, byte by byte (kdump.c 1.140.2.2, as built
    for a little-endian host, or with ``little=False`` for a big-endian
    one: ``#define bswap 0``)."""
    if word == 1:
        divmask, bsize, gdelim = 7, 3, 1
    else:
        divmask, bsize, gdelim = word - 1, 2, (2 if word == 2 else 3)
    bswap = word - 1 if little else 0
    width = 16 * bsize + (16 // (divmask + 1)) * gdelim + (2 if word != 1 else 0)
    out = []
    dupl = 0
    prev = b""
    n = len(data)
    off = 0
    dp = 0
    cells = [" "] * 52
    chars = ""
    line_len = 0
    while dp < n:
        cells = [" "] * 52
        line_end = min(dp + 16, n)
        if line_end >= n or dupl == 0 or data[dp:dp + 16] != prev:
            dupl |= 1
        if not dupl & 1:
            dupl += 2
            dp = line_end
            off += line_len
            continue
        if dupl > 3:
            if dupl == 5:
                out.append("\t%-5.3x%s%s\n" % (off - line_len, "".join(cells)[:width], chars))
            else:
                out.append("\t" + "*****"[:len("%3x" % off)] + "\n")
        group = 0
        chars = ""
        line = data[dp:line_end]
        for i, c in enumerate(line):
            if i & divmask == 0:
                group += gdelim
            at = group + (i ^ bswap) * bsize
            cells[at:at + 2] = "%02x" % c
            chars += chr(c) if 0x21 <= c <= 0x7E else "."
        prev = line
        line_len = len(line)
        out.append("\t%-5.3x%s%s\n" % (off, "".join(cells)[:width], chars))
        dupl = 2
        dp = line_end
        off += line_len
    return "".join(out)


LINES = st.lists(st.one_of(st.binary(min_size=16, max_size=16),
                           st.sampled_from([bytes(16), b"\x01" * 16])),
                 max_size=12).map(b"".join)


@given(st.one_of(st.binary(max_size=300), LINES,
                 st.tuples(LINES, st.binary(max_size=15)).map(b"".join)),
       st.sampled_from([1, 2, 4, 8, 16]))
@settings(max_examples=400, deadline=None)
def test_hexdump_matches_kdump_loop(data: bytes, word: int) -> None:
    assert hexdump(data, word) == reference_hexdump(data, word)
    assert hexdump(data, word, big_endian=True) == \
        reference_hexdump(data, word, little=False)


def test_hexdump_lines_and_duplicates() -> None:
    # a run of duplicates collapses to "*" as wide as "%3x" of the offset
    out = hexdump(bytes(64)).splitlines()
    zeros = " 00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00 "
    assert out == ["\t000  " + zeros + "." * 16, "\t***",
                   "\t030  " + zeros + "." * 16]


def test_hexdump_single_duplicate_quirk() -> None:
    # exactly one duplicate: reprinted with a blank hex field (kdump's
    # buffer was cleared before the reprint)
    data = bytes(32) + b"\x01" * 16 + b"\x02"
    out = hexdump(data).splitlines()
    assert out[1] == "\t010  " + " " * 50 + "." * 16
    assert out[2].startswith("\t020   01 01")
    assert out[3] == "\t030   02" + " " * 47 + "."


def test_hexdump_words() -> None:
    data = bytes(range(16))
    assert hexdump(data, 4) == (
        "\t000     03020100   07060504   0b0a0908   0f0e0d0c  "
        "................\n")
    assert hexdump(data, 2) == (
        "\t000    0100  0302  0504  0706  0908  0b0a  0d0c  0f0e  "
        "................\n")
    assert hexdump(data[:3], 4) == "\t000       020100" + " " * 35 + "...\n"


def test_hexdump_words_big_endian_host() -> None:
    # a big-endian host's kdump (bswap 0) shows each word's bytes in order
    data = bytes(range(16))
    assert hexdump(data, 4, big_endian=True) == (
        "\t000     00010203   04050607   08090a0b   0c0d0e0f  "
        "................\n")
    assert hexdump(data[:3], 4, big_endian=True) == \
        "\t000     000102" + " " * 37 + "...\n"
