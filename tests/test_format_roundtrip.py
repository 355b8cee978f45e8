"""Round trips through the format declarations, for every record type and ABI.

Hypothesis builds records with construct, parses them back with construct
and with the derived ``struct`` layouts (:class:`ktrace.tracefile.Reader`),
and writes/reads whole files with ABI probing.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktrace import format as f
from ktrace.structs import Structs
from ktrace.tracefile import Record, Writer, probe_abi, read_all

from strategies import ABIS, bodies, headers, trace_files
FIXTURE = Path(__file__).parent / "data" / "netbsd-i386-v0-rc.ktrace"


def strip(value: object) -> object:
    """construct Containers/ListContainers to plain dicts/lists."""
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


@st.composite
def records(draw) -> tuple[f.Abi, dict]:
    abi = draw(st.sampled_from(ABIS))
    ktype = draw(st.sampled_from(sorted(f.RECORD_TYPES)))
    header = draw(headers(abi))
    header["ktr_type"] = ktype
    return abi, {"header": header, "body": draw(bodies(abi, ktype))}


@settings(max_examples=600, deadline=None)
@given(records())
def test_construct_round_trip(sample: tuple[f.Abi, dict]) -> None:
    abi, rec = sample
    s = Structs.get(abi)
    body = s.bodies[rec["header"]["ktr_type"]].build(rec["body"])
    rec["header"]["ktr_len"] = len(body)
    data = s.record.build(rec)
    assert len(data) == abi.header_size + len(body)
    assert strip(s.record.parse(data)) == strip(rec)
    # the derived struct layouts read the same header and payload
    (r,) = read_all(data, abi)
    h = rec["header"]
    assert (r.type, r.version, r.pid, r.comm, r.sec, r.payload) == (
        h["ktr_type"], h["ktr_version"], h["ktr_pid"], h["ktr_comm"],
        h["time"]["tv_sec"], body)
    if r.version == 0:
        assert (r.frac, r.v0_buf) == (h["time"]["tv_usec"], h["time"]["buf"])
    else:
        assert (r.frac, r.lid) == (h["time"]["tv_nsec"], h["time"]["lid"])
    # and the struct writer produces the same bytes as construct
    assert Writer(io.BytesIO(), abi).encode(r) == data


@settings(max_examples=300, deadline=None)
@given(trace_files())
def test_file_round_trip_with_probing(sample: tuple[f.Abi, list[Record]]) -> None:
    abi, recs = sample
    buf = io.BytesIO()
    w = Writer(buf, abi)
    for r in recs:
        w.write(r)
    data = buf.getvalue()
    # the first records decide the layout; any layout that reads the whole
    # file record for record is a correct answer only if it is the writer's
    assert probe_abi(data, at_eof=True) == abi
    got = read_all(data)
    assert [r._replace(offset=0) for r in got] == recs
    sizes = [abi.header_size + len(r.payload) for r in recs]
    assert [r.offset for r in got] == [sum(sizes[:i]) for i in range(len(recs))]


def test_big_endian_swaps_type_and_version() -> None:
    be = f.ABIS["lp64-be"]
    data = Writer(io.BytesIO(), be).encode(
        Record(f.KTR_EMUL, 2, 7, 8, b"sh".ljust(17, b"\0"), 1, 2, b"netbsd"))
    assert data[:8] == bytes.fromhex("00000006" "0002" "0007")
    le = Writer(io.BytesIO(), f.AMD64).encode(
        Record(f.KTR_EMUL, 2, 7, 8, b"sh".ljust(17, b"\0"), 1, 2, b"netbsd"))
    assert le[:8] == bytes.fromhex("06000000" "0700" "0200")


def test_netbsd_i386_fixture_parses_completely() -> None:
    data = FIXTURE.read_bytes()
    assert probe_abi(data[:65536], at_eof=len(data) <= 65536) == f.I386_TIME32
    recs = read_all(data)
    assert len(recs) == 636
    assert {r.version for r in recs} == {0}
    assert recs[0].type == f.KTR_EMUL and recs[0].payload == b"netbsd"
    assert recs[0].command == "ktrace"
    # the same file through the construct declarations, record by record
    s = Structs.get(f.I386_TIME32)
    off = 0
    for r in recs:
        parsed = s.record.parse(data[off:])
        assert parsed.header.ktr_type == r.type
        assert parsed.header.ktr_len == len(r.payload)
        off += 44 + len(r.payload)
    assert off == len(data)
    # execve (NetBSD 59) returns EJUSTRETURN; the SYSRET code echoes the call
    lay = f.Layouts.get(f.I386_TIME32)
    rets = [lay.sysret.unpack_from(r.payload) for r in recs if r.type == f.KTR_SYSRET]
    assert (59, 0, f.EJUSTRETURN, 0, 0) in rets


@pytest.mark.parametrize("trstr, expected", [
    ("c", f.KTRFAC_SYSCALL | f.KTRFAC_SYSRET),
    ("+", f.DEF_POINTS),
    ("-s", f.DEF_POINTS & ~f.KTRFAC_PSIG),
    ("cn-n", f.KTRFAC_SYSCALL | f.KTRFAC_SYSRET),
    ("i-+n", f.KTRFAC_GENIO | f.KTRFAC_NAMEI),
    ("A", f.KTRFAC_MASK),
])
def test_getpoints(trstr: str, expected: int) -> None:
    assert f.getpoints(trstr) == expected


def test_getpoints_rejects_unknown_letters() -> None:
    with pytest.raises(ValueError, match="'q'"):
        f.getpoints("cq")


def test_probe_refuses_one_plausible_header_followed_by_garbage() -> None:
    rec = Writer(io.BytesIO(), f.AMD64).encode(
        Record(f.KTR_EMUL, 2, 7, 8, b"sh".ljust(17, b"\0"), 1, 2, b"netbsd"))
    with pytest.raises(f.FormatError):
        probe_abi(rec + b"\xff" * 200, at_eof=True)
    assert probe_abi(rec + rec[:30], at_eof=False) == f.AMD64   # still arriving
