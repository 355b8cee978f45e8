"""pykdump on damaged traces: everything before the damage, then one line.

Valid traces of every record type and ABI (tests/strategies.py) are cut
short or have their length, version, type or size fields rewritten; the
dump must show every record that ends before the damage, then say where it
stopped, and never raise.  ``scripts/fuzz_kdump.py`` runs the same checks
for longer campaigns.
"""

from __future__ import annotations

import io
import json
import struct

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ktrace.dump.face import Options
from ktrace.dump.run import dump
from ktrace.tracefile import Writer

from strategies import trace_files


def encode(abi, recs) -> tuple[bytes, list[int]]:
    w = Writer(io.BytesIO(), abi)
    data, offsets = b"", []
    for r in recs:
        offsets.append(len(data))
        data += w.encode(r)
    return data, offsets


def run_json(data: bytes, abi=None) -> tuple[int, list[int], str]:
    out, err = io.BytesIO(), io.StringIO()
    status = dump(io.BytesIO(data), out, Options(), "t", abi=abi, err=err,
                  mode="json")
    offsets = [json.loads(line)["offset"]
               for line in out.getvalue().decode().splitlines()]
    return status, offsets, err.getvalue()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(trace_files(), st.data())
def test_cut_short_shows_every_complete_record(sample, data) -> None:
    abi, recs = sample
    raw, offsets = encode(abi, recs)
    cut = data.draw(st.integers(0, len(raw)))
    # the layout is given: a few bytes of a cut trace can read as a whole
    # record of a shorter header, so probing is tested on whole files
    status, shown, err = run_json(raw[:cut], abi)
    ends = offsets[1:] + [len(raw)]
    complete = [o for o, e in zip(offsets, ends) if e <= cut]
    assert shown == complete
    if cut in offsets or cut == len(raw):
        assert (status, err) == (0, "")
    else:
        assert status == 1 and err.count("\n") == 1
        assert err.startswith("pykdump: t: truncated")
        assert err.endswith(f"at offset {offsets[len(complete)]}\n")


FIELDS = {  # name: (offset in the header, struct format) for little-endian
    "ktr_len": (0, "<i"), "ktr_type": (4, "<h"), "ktr_version": (6, "<h")}


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(trace_files(), st.data())
def test_rewritten_header_fields_stop_cleanly(sample, data) -> None:
    abi, recs = sample
    if abi.big_endian:
        return                   # the field offsets below are little-endian
    raw, offsets = encode(abi, recs)
    k = data.draw(st.integers(0, len(recs) - 1))
    name = data.draw(st.sampled_from(sorted(FIELDS)))
    value = data.draw(st.sampled_from([-1, -(1 << 15), 3, 7, 255, 4096,
                                       (1 << 15) - 1]))
    off, fmt = FIELDS[name]
    buf = bytearray(raw)
    struct.pack_into(fmt, buf, offsets[k] + off, value)
    # probed: never an exception, one line on error
    status, shown, err = run_json(bytes(buf))
    assert status in (0, 1)
    assert "Traceback" not in err
    if status:
        assert err.splitlines()[-1].startswith("pykdump: t")
    # with the layout known (tiny all-zero records can chain under another
    # layout as well), every record before the damaged one is shown
    status, shown, err = run_json(bytes(buf), abi)
    assert shown[:k] == offsets[:k]
    if status:
        assert err.splitlines()[-1].startswith("pykdump: t")


def test_two_gigabyte_length_allocates_nothing() -> None:
    import tracemalloc

    head = struct.pack("<ihhi17s3xqqi4x", 0x7FFF_FFF0, 3, 2, 1, b"sh", 0, 0, 1)
    good = struct.pack("<ihhi17s3xqqi4x", 2, 3, 2, 1, b"sh", 0, 0, 1) + b"/x"
    tracemalloc.start()
    status, shown, err = run_json(good * 2 + head + b"\0" * 100)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert status == 1 and shown == [0, 58]
    assert "bad record length" in err and "at offset 116" in err
    assert peak < 16 << 20


def test_damage_is_not_mistaken_for_a_freebsd_file() -> None:
    """Found by hypothesis: read with amd64's 56-byte headers, an i386 trace
    has FreeBSD-looking SYSCALL shapes; only the layout that chains counts."""
    from ktrace.format import I386
    from ktrace.tracefile import Record

    recs = [Record(1, 0, 0, 0, bytes(17), 0, 0, bytes(8))] * 3
    raw, offsets = encode(I386, recs)
    buf = bytearray(raw)
    struct.pack_into("<i", buf, offsets[2], -1)
    status, shown, err = run_json(bytes(buf))
    assert (status, shown) == (1, offsets[:2])
    assert "bad record length -1 at offset 112" in err


# --- damage in the first or second record -------------------------------------
def _three_records(abi):
    """CALL read, NAMI, RET read: a NetBSD trace of the given layout."""
    from ktrace.format import Layouts
    from ktrace.tracefile import Record

    lay = Layouts.get(abi)
    regs = b"".join(lay.register.pack(a) for a in (0, 0x1000, 10))
    bodies = [(1, lay.syscall.pack(3, len(regs)) + regs), (3, b"/etc/motd"),
              (2, lay.sysret.pack(3, 0, 0, 10, 0))]
    return encode(abi, [Record(t, 2, 1234, 1, b"cat".ljust(17, b"\0"),
                               1700000000, 5, b) for t, b in bodies])


def _kdump(data: bytes, abi=None) -> tuple[int, str, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = dump(io.BytesIO(data), out, Options(netbsd=True), "t", abi=abi,
                  err=err)
    return status, out.getvalue().decode("latin-1"), err.getvalue()


def test_damage_in_first_or_second_record_reported_at_its_offset() -> None:
    """kdump reads on until the damage; a file recognisably NetBSD's apart
    from one field of its first or second header is read the same way as
    later damage: the records before it, then the offset (it used to be
    refused whole as "not a NetBSD ktrace file")."""
    from ktrace.format import AMD64, I386

    for abi in (AMD64, I386):
        raw, offsets = _three_records(abi)
        whole = _kdump(raw)[1].splitlines(keepends=True)
        assert len(whole) == 3
        for k in (0, 1):
            for off, fmt, value, reason in (
                    (6, "<h", 7, "unknown ktrace version 7"),
                    (0, "<i", -1, "bad record length -1"),
                    (0, "<i", 0x7FFFFFF0, "bad record length 2147483632")):
                buf = bytearray(raw)
                struct.pack_into(fmt, buf, offsets[k] + off, value)
                got = _kdump(bytes(buf))
                assert got == _kdump(bytes(buf), abi), (abi, k, reason)
                assert got == (1, "".join(whole[:k]),
                               f"pykdump: t: {reason} at offset "
                               f"{offsets[k]}\n"), (abi, k, reason)


def test_odd_first_header_fields_print_as_kdump_prints_them() -> None:
    """An impossible type, pid or time in the first header is no damage to
    kdump: it prints UNKNOWN(n), -1, the odd time; so does pykdump once the
    rest of the file shows it is NetBSD's (one record alone counts when it
    fills the file exactly)."""
    from ktrace.format import AMD64

    raw, offsets = _three_records(AMD64)
    for off, fmt, value, first in (
            (4, "<h", 0, "  1234      1 cat      UNKNOWN(0)  \n"),
            (4, "<h", 100, "  1234      1 cat      UNKNOWN(100)  \n"),
            (8, "<i", -1, "    -1      1 cat      CALL  read(0,0x1000,0xa)\n")):
        for data in (raw, raw[:offsets[1]]):
            buf = bytearray(data)
            struct.pack_into(fmt, buf, off, value)
            status, out, err = _kdump(bytes(buf))
            assert (status, err) == (0, "")
            assert out.startswith(first)
            assert out.count("  1234 ") + out.count("    -1 ") == \
                (3 if data is raw else 1)
    buf = bytearray(raw)
    struct.pack_into("<q", buf, 40, 1_500_000_000)      # tv_nsec
    out = _kdump(bytes(buf))[1]
    assert out.count("\n") == 3
    status, out, _ = dump_T(bytes(buf))
    assert out.splitlines()[0] == \
        "  1234      1 cat      1700000000.1500000000 CALL  read(0,0x1000,0xa)"


def dump_T(data: bytes) -> tuple[int, str, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = dump(io.BytesIO(data), out, Options(netbsd=True, absolute=True),
                  "t", err=err)
    return status, out.getvalue().decode("latin-1"), err.getvalue()


def test_garbage_is_still_not_a_netbsd_file() -> None:
    import random

    rnd = random.Random(4)
    for _ in range(200):
        data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 600)))
        status, out, err = _kdump(data)
        assert status == 1 and err.count("\n") == 1
    assert _kdump(b"hello world\n" * 100)[2] == \
        "pykdump: t is not a NetBSD ktrace file\n"
