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
from ktrace.tracefile import Reader, Record, Writer, probe_abi, read_all

ABIS = list(f.ABIS.values())
FIXTURE = Path(__file__).parent / "data" / "netbsd-i386-v0-rc.ktrace"


def ints(bits: int, signed: bool = True) -> st.SearchStrategy[int]:
    if signed:
        return st.integers(-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
    return st.integers(0, (1 << bits) - 1)


def reg(abi: f.Abi) -> st.SearchStrategy[int]:
    return ints(64 if abi.lp64 else 32)


def ptr(abi: f.Abi) -> st.SearchStrategy[int]:
    return ints(64 if abi.lp64 else 32, signed=False)


@st.composite
def headers(draw, abi: f.Abi) -> dict:
    version = draw(st.sampled_from(f.VERSIONS))
    comm = draw(st.binary(max_size=f.MAXCOMLEN)).ljust(f.MAXCOMLEN + 1, b"\0")
    time = {"tv_sec": draw(ints(64 if (version == 2 and abi.time64) else 32))}
    if version == 0:
        time |= {"tv_usec": draw(st.integers(0, 999_999)), "buf": draw(ptr(abi))}
    else:
        time |= {"tv_nsec": draw(st.integers(0, 999_999_999)),
                 "lid": draw(ints(32))}
    return {"ktr_type": 0, "ktr_version": version, "ktr_pid": draw(ints(32)),
            "ktr_comm": comm, "time": time}


def bodies(abi: f.Abi, ktype: int) -> st.SearchStrategy[object]:
    i32 = ints(32)
    text = st.binary(max_size=300)
    s = Structs.get(abi)
    reason_len = f.SIGINFO_SIZE - s.siginfo_head.sizeof()
    siginfo = st.fixed_dictionaries({
        "si_signo": i32, "si_code": i32, "si_errno": i32,
        "reason": st.binary(min_size=reason_len, max_size=reason_len)})
    strategies = {
        f.KTR_SYSCALL: st.lists(reg(abi), max_size=8).flatmap(
            lambda args: st.fixed_dictionaries({
                "ktr_code": i32, "ktr_argsize": st.just(len(args) * abi.regsize),
                "args": st.just(args)})),
        f.KTR_SYSRET: st.fixed_dictionaries({
            "ktr_code": ints(16), "ktr_eosys": ints(16), "ktr_error": i32,
            "ktr_retval": reg(abi), "ktr_retval_1": reg(abi)}),
        f.KTR_NAMEI: text,
        f.KTR_GENIO: st.fixed_dictionaries({
            "ktr_fd": i32, "ktr_rw": st.sampled_from([f.UIO_READ, f.UIO_WRITE]),
            "data": st.binary(max_size=f.PAGE_SIZE - 8)}),
        f.KTR_PSIG: st.fixed_dictionaries({
            "signo": i32, "action": ptr(abi),
            "mask": st.lists(ints(32, False), min_size=4, max_size=4),
            "code": i32, "siginfo": st.none() | siginfo}),
        f.KTR_CSW: st.fixed_dictionaries({"out": i32, "user": i32}),
        f.KTR_EMUL: st.sampled_from([b"netbsd", b"linux", b"linux32"]),
        f.KTR_USER: st.fixed_dictionaries({
            "ktr_id": st.binary(min_size=20, max_size=20), "data": text}),
        f.KTR_EXEC_ARG: text,
        f.KTR_EXEC_ENV: text,
        f.KTR_SAUPCALL: st.fixed_dictionaries({
            "ktr_type": i32, "ktr_nevent": i32, "ktr_nint": i32,
            "ktr_sas": ptr(abi), "ktr_ap": ptr(abi), "data": text}),
        f.KTR_MIB: st.lists(i32, max_size=12),
        f.KTR_EXEC_FD: st.fixed_dictionaries({
            "ktr_fd": i32, "ktr_dtype": ints(32, False)}),
    }
    return strategies[ktype]


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


@st.composite
def trace_files(draw) -> tuple[f.Abi, list[Record]]:
    abi = draw(st.sampled_from(ABIS))
    out = []
    for _ in range(draw(st.integers(1, 12))):
        version = draw(st.sampled_from(f.VERSIONS))
        ktype = draw(st.sampled_from(sorted(f.RECORD_TYPES)))
        payload = Structs.get(abi).bodies[ktype].build(draw(bodies(abi, ktype)))
        out.append(Record(
            ktype, version, draw(st.integers(0, 99999)),
            0 if version == 0 else draw(st.integers(1, 99999)),
            draw(st.text("abcdefgh", max_size=16)).encode().ljust(17, b"\0"),
            draw(st.integers(0, (1 << 31) - 1)),
            draw(st.integers(0, 999_999 if version == 0 else 999_999_999)),
            payload, draw(ptr(abi)) if version == 0 else 0))
    return abi, out


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
