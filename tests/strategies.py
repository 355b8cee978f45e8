"""Hypothesis strategies for valid NetBSD traces, of every record type and ABI.

Shared by the round-trip tests, the damage tests and
``scripts/fuzz_kdump.py`` (which puts this directory on its path).
"""

from __future__ import annotations

from hypothesis import strategies as st

from ktrace import format as f
from ktrace.structs import Structs
from ktrace.tracefile import Record

ABIS = list(f.ABIS.values())


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


