"""Mach records and Mach trap names: golden lines and damage.

Expected lines are written out by hand from NetBSD's
``usr.bin/kdump/kdump.c`` **1.93.2.1** (the revision that reads 44-byte
i386 headers) and ``usr.bin/kdump/setemul.c`` 1.23.4.1, which it is built
with:

* ``dumpheader``: type ``"MMSG"`` for ``KTR_MMSG`` (9), ``"MOOL"`` for
  ``KTR_MOOL`` (12), printed ``"%-4s  "``;
* ``ktrmmsg``: ``id = mmsg->ktr_id; if ((id / 100) % 2) { reply = " reply";
  id -= 100; }``, then ``"%s%s [%d]\\n"`` (``mach_service_name(id)``, reply,
  the recorded id) or ``"unknown service%s [%d]\\n"``, then
  ``hexdump_buf(mmsg, len, word_size ? word_size : 4)``;
* ``ktrmool``: ``"%ld/0x%lx bytes at %p\\n"`` of size, size, uaddr, then
  ``hexdump_buf(mool + 1, size, word_size ? word_size : 4)``;
* ``ktrsyscall``/``ktrsysret``: a code outside the emulation's table goes
  through ``mach_traps_dispatch()`` (``code & 0xfff0`` == ``0x7ff0``:
  fasttraps, ``0x6000``: ppccalls, ``-128 < code < 0``: Mach traps), for RET
  also under ``-nn``.

Where a revision does not print them (1.115.2.1 for version 0/1 amd64
records, 1.140.2.2 for version 2), the test says so.  The names come from
the tables of ``ktrace/dump/_mach_names.py`` (``mach_syscalls.c``
1.18.20.1, ``mach_ppccalls_syscalls.c`` 1.8.18.1,
``mach_fasttraps_syscalls.c`` 1.12.20.1, ``mach_services_names.c``
1.15.84.1).
"""

from __future__ import annotations

import io
import json
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktrace.dump.face import Options
from ktrace.dump.run import dump
from ktrace.format import ABIS, AMD64, I386_TIME32, Layouts, getpoints

from test_kdump_golden import H0, H2, call, lines, rec, ret, run, trace

T32 = I386_TIME32
SYS_read = 3
H1 = "  1234      1 cat      "           # 1.93.2.1: a lid column for v1


def msg(msgh_id: int, body: bytes = b"", bits: int = 0x1513, size: int = 24,
        remote: int = 0x1003, local: int = 0x1107, order: str = "<") -> bytes:
    """A ``mach_msg_header_t`` (six ints) and its body."""
    return struct.pack(order + "6i", bits, size, remote, local, 0,
                       msgh_id) + body


def mool(uaddr: int, data: bytes, size: int | None = None,
         order: str = "<") -> bytes:
    """A ``struct ktr_mool`` of ILP32 (pointer, size_t) and the data."""
    return struct.pack(order + "2I", uaddr, len(data) if size is None
                       else size) + data


def mmsg_rec(msgh_id: int, **kw) -> object:
    return rec(9, msg(msgh_id, **kw), version=0)


def first_lines(recs, **kw) -> list[str]:
    """The first line of each record (the header and the service)."""
    return [line for line in lines(recs, T32, **kw) if not line.startswith("\t")]


# --- MMSG ---------------------------------------------------------------------
def test_mmsg_request_with_hexdump_in_words() -> None:
    # 1.93.2.1 ktrmmsg: 3404 / 100 = 34, even: a request; "%s%s [%d]";
    # hexdump_buf of the whole record (header included), 4-byte words
    # ("\t%-5.3x", three blanks before each word, bytes most significant
    # first on the little-endian host)
    assert lines([mmsg_rec(3404)], T32) == [
        H0 + "MMSG  ports_lookup [3404]",
        "\t000     00001513   00000018   00001003   00001107  ................",
        "\t010     00000000   00000d4c" + " " * 24 + "....L..."]


def test_mmsg_reply_unknown_and_c_division() -> None:
    # "(id / 100) % 2": C division truncates toward zero, so -150 is a
    # reply (-1 % 2 == -1) whose request, -250, has no name; 0 stops
    # mach_service_name() at the {0, NULL} sentinel
    assert first_lines([mmsg_rec(3504), mmsg_rec(1), mmsg_rec(150),
                        mmsg_rec(-150), mmsg_rec(0), mmsg_rec(-50)]) == [
        H0 + "MMSG  ports_lookup reply [3504]",
        H0 + "MMSG  unknown service [1]",
        H0 + "MMSG  unknown service reply [150]",
        H0 + "MMSG  unknown service reply [-150]",
        H0 + "MMSG  unknown service [0]",
        H0 + "MMSG  unknown service [-50]"]


def test_mmsg_first_entry_of_an_id_and_prefixes() -> None:
    # mach_services_names[] lists 617005 twice (lock_handoff_accept, then
    # lock_set_create): the scan stops at the first; the reply to 2401 is
    # 2501, named from 2401 although 2501 has an entry of its own;
    # makemachservices.sh prefixes "unimpl. " and "obsolete "
    assert first_lines([mmsg_rec(617005), mmsg_rec(617105), mmsg_rec(2501),
                        mmsg_rec(64), mmsg_rec(201), mmsg_rec(6201)]) == [
        H0 + "MMSG  unimpl. lock_handoff_accept [617005]",
        H0 + "MMSG  unimpl. lock_handoff_accept reply [617105]",
        H0 + "MMSG  exception_raise reply [2501]",
        H0 + "MMSG  obsolete notify_first [64]",
        H0 + "MMSG  unimpl. host_kernel_version [201]",
        H0 + "MMSG  unimpl. und_notification_created_rpc( [6201]"]


def test_mmsg_word_size_options_and_no_maxdata() -> None:
    # -x / -X choose hexdump_buf's word size ("word_size ? word_size : 4");
    # -m does not apply to ktrmmsg
    r = rec(9, msg(3805, size=28, body=b"ABCD"), version=0)
    assert lines([r], T32, word_size=1, maxdata=0) == [
        H0 + "MMSG  vm_read [3805]",
        "\t000   13 15 00 00 1c 00 00 00  03 10 00 00 07 11 00 00 "
        "................",
        "\t010   00 00 00 00 dd 0e 00 00  41 42 43 44" + " " * 13 + "........ABCD"]
    assert lines([r], T32, word_size=2)[1] == (
        "\t000    1513  0000  001c  0000  1003  0000  1107  0000  "
        "................")


def test_mmsg_version_1_header_has_the_lid() -> None:
    # 1.93.2.1 dumpheader: "%6d " of the lid for ktr_version > KTRFACv0
    assert first_lines([rec(9, msg(1000), version=1)]) == [
        H1 + "MMSG  clock_get_time [1000]"]


def test_mmsg_of_a_big_endian_44_byte_trace() -> None:
    # a big-endian kdump (macppc, where COMPAT_DARWIN ran) reads the id in
    # its byte order and dumps words in file order (bswap 0)
    be = ABIS["ilp32-time32-be"]
    r = rec(9, msg(3804, order=">"), version=0)
    assert lines([r], be) == [
        H0 + "MMSG  vm_inherit [3804]",
        "\t000     00001513   00000018   00001003   00001107  ................",
        "\t010     00000000   00000edc" + " " * 24 + "........"]


# --- MOOL ---------------------------------------------------------------------
def test_mool_size_address_and_data() -> None:
    # 1.93.2.1 ktrmool: "%ld/0x%lx bytes at %p\n" (NetBSD's %p: 0x and
    # lower-case hex, 0x0 for NULL), then size bytes in 4-byte words --
    # size, not the record's length
    recs = [rec(12, mool(0xbfbfe000, bytes(range(20))), version=0),
            rec(12, mool(0, b"xyz!" + b"trailing", size=4), version=0),
            rec(12, mool(0x1000, b""), version=0)]
    assert lines(recs, T32) == [
        H0 + "MOOL  20/0x14 bytes at 0xbfbfe000",
        "\t000     03020100   07060504   0b0a0908   0f0e0d0c  ................",
        "\t010     13121110" + " " * 35 + "....",
        H0 + "MOOL  4/0x4 bytes at 0x0",
        "\t000     217a7978" + " " * 35 + "xyz!",
        H0 + "MOOL  0/0x0 bytes at 0x1000"]


def test_mool_repeated_lines_collapse() -> None:
    # hexdump_buf's "*****" for runs of identical 16-byte lines
    out = lines([rec(12, mool(0x2000, bytes(64)), version=0)], T32)
    assert out == [
        H0 + "MOOL  64/0x40 bytes at 0x2000",
        "\t000     00000000   00000000   00000000   00000000  ................",
        "\t***",
        "\t030     00000000   00000000   00000000   00000000  ................"]


# --- revisions that do not know them --------------------------------------------
def test_newer_kdumps_show_unknown_types_and_numbers() -> None:
    # 1.115.2.1 (amd64 v0/v1) and 1.140.2.2 (v2) have no KTR_MMSG/KTR_MOOL
    # case and no mach_traps_dispatch(): UNKNOWN(n) with a byte-wise
    # hexdump, [N] for a negative code
    recs = [rec(9, msg(3404)[:8], version=0), rec(12, b"\1\2", version=1),
            rec(1, call(AMD64, -31, 1)), rec(2, ret(AMD64, -31))]
    assert lines(recs, AMD64, netbsd=True) == [
        H0 + "UNKNOWN(9)  ",
        "\t000   13 15 00 00 18 00 00 00" + " " * 26 + "........",
        H2 + "UNKNOWN(12)  ",
        "\t000   01 02" + " " * 44 + "..",
        H2 + "CALL  [-31](1)",
        H2 + "RET   [-31] 0"]


# --- Mach traps -----------------------------------------------------------------
def test_negative_codes_are_mach_traps() -> None:
    # mach_traps_dispatch(): -MACH_SYS_MAXSYSCALL (128) < code < 0 names
    # mach_syscallnames[-code]; the RET is named the same way
    recs = [rec(1, call(T32, -31, 0x3fbfe000, 3, 40, 0, 0, 0, 0), version=0),
            rec(2, ret(T32, -31), version=0),
            rec(1, call(T32, -26), version=0),
            rec(2, ret(T32, -26, retval=0x1103), version=0),
            rec(1, call(T32, -127, 1), version=0),
            rec(1, call(T32, -128, 1), version=0),
            rec(2, ret(T32, -128), version=0)]
    assert lines(recs, T32, netbsd=True) == [
        H0 + "CALL  msg_trap(0x3fbfe000,3,0x28,0,0,0,0)",
        H0 + "RET   msg_trap 0",
        H0 + "CALL  reply_port",
        H0 + "RET   reply_port 4355/0x1103",
        H0 + "CALL  #127 (unimplemented)(1)",
        H0 + "CALL  [-128](1)",
        H0 + "RET   [-128] 0"]


def test_fasttraps_and_ppccalls_on_i386_too() -> None:
    # setemul.c compiles the powerpc tables in on every machine and
    # mach_traps_dispatch() switches on code & 0xfff0 before anything
    # else: 0x7ff0.. are fasttraps, 0x6000.. ppccalls, whatever the arch
    recs = [rec(1, call(T32, 0x7FF2), version=0),
            rec(2, ret(T32, 0x7FF1, retval=0x2000), version=0),
            rec(1, call(T32, 0x6004, 1), version=0),
            rec(1, call(T32, 0x600A), version=0),
            rec(1, call(T32, 0x8000), version=0)]
    assert lines(recs, T32) == [
        H0 + "CALL  cthread_self",
        H0 + "RET   cthread_set_self 8192/0x2000",
        H0 + "CALL  #4 (unimplemented vmm_dispatch)(1)",
        H0 + "CALL  #10 (unimplemented)",
        H0 + "CALL  [32768]"]


def test_masked_codes_beyond_the_16_entry_tables_print_as_numbers() -> None:
    # 0x17ff5 & 0xfff0 == 0x7ff0: kdump would index its fasttraps table
    # at 0x10005, past its end (nothing reproducible); pykdump prints [N]
    assert lines([rec(1, call(T32, 0x17FF5), version=0),
                  rec(1, call(T32, -0x8010), version=0)], T32) == [
        H0 + "CALL  [98293]", H0 + "CALL  [-32784]"]


def test_numeric_and_plain_options() -> None:
    # -N prints [N] before any lookup; -nn makes ktrsysret ask
    # mach_traps_dispatch() for every code, so a Mach trap keeps its name
    # while a native call becomes [N]
    recs = [rec(1, call(T32, -31, 1), version=0),
            rec(2, ret(T32, -31), version=0),
            rec(2, ret(T32, SYS_read, retval=12), version=0)]
    assert lines(recs, T32, numeric=1) == [
        H0 + "CALL  [-31](1)", H0 + "RET   [-31] 0", H0 + "RET   [3] 12/0xc"]
    assert lines(recs, T32, plain=2) == [
        H0 + "CALL  msg_trap(1)", H0 + "RET   msg_trap 0",
        H0 + "RET   [3] 0xc"]


def test_linux_process_mach_names_only_in_the_netbsd_face() -> None:
    # kdump 1.93.2.1 asks mach_traps_dispatch() whatever the emulation;
    # the default face names a linux process's calls as Linux does, and
    # Linux has no call -31
    recs = [rec(7, b"linux", version=0),
            rec(1, call(T32, -31, 1), version=0)]
    assert lines(recs, T32, netbsd=True)[1] == H0 + "CALL  msg_trap(1)"
    assert lines(recs, T32)[1] == H0 + "CALL  [-31](1)"


# --- -t, --json, --decode ---------------------------------------------------------
def test_trace_points_m_and_l() -> None:
    # kdump 1.93.2.1's getpoints() (usr.bin/ktrace/subr.c 1.13): m is
    # KTRFAC_MMSG, l KTRFAC_MOOL
    recs = [mmsg_rec(3404), rec(12, mool(0x1000, b""), version=0),
            rec(2, ret(T32, SYS_read), version=0)]
    assert first_lines(recs, trpoints=getpoints("m", letters=_letters())) == [
        H0 + "MMSG  ports_lookup [3404]"]
    assert first_lines(recs, trpoints=getpoints("lc", letters=_letters())) == [
        H0 + "MOOL  0/0x0 bytes at 0x1000", H0 + "RET   read 0"]


def _letters() -> dict[str, int]:
    from ktrace.format import KDUMP_POINT_LETTERS
    return KDUMP_POINT_LETTERS


def test_pykdump_command_takes_t_m_and_l(tmp_path) -> None:
    from test_kdump_cli import cli

    p = tmp_path / "ktrace.out"
    p.write_bytes(trace([mmsg_rec(3404), rec(2, ret(T32, SYS_read), version=0),
                         rec(12, mool(0x1000, b""), version=0)], T32))
    code, out, err = cli("-t", "m", "--netbsd", str(p))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == H0 + "MMSG  ports_lookup [3404]"
    assert len(out.splitlines()) == 3
    code, out, err = cli("-tl", str(p))
    assert (code, out, err) == (0, H0 + "MOOL  0/0x0 bytes at 0x1000\n", "")


def _json(recs, abi=T32) -> list[dict]:
    out, err = io.BytesIO(), io.StringIO()
    assert dump(io.BytesIO(trace(recs, abi)), out, Options(), "t",
                err=err, mode="json") == 0, err.getvalue()
    return [json.loads(line) for line in out.getvalue().decode().splitlines()]


def test_json_bodies() -> None:
    objs = _json([mmsg_rec(3504), rec(12, mool(0xbfbfe000, b"ab"), version=0),
                  rec(1, call(T32, -31, 1), version=0)])
    m, o, c = objs
    assert m["type"] == "MMSG" and m["ktr_type"] == 9
    assert {k: m[k] for k in ("msgh_bits", "msgh_size", "msgh_remote_port",
                              "msgh_local_port", "msgh_reserved", "msgh_id",
                              "service", "reply")} == {
        "msgh_bits": 0x1513, "msgh_size": 24, "msgh_remote_port": 0x1003,
        "msgh_local_port": 0x1107, "msgh_reserved": 0, "msgh_id": 3504,
        "service": "ports_lookup", "reply": True}
    assert m["payload"] == msg(3504).hex()
    assert m["text"].splitlines()[0] == "ports_lookup reply [3504]"
    assert (o["type"], o["uaddr"], o["size"], o["data"]) == (
        "MOOL", 0xbfbfe000, 2, "6162")
    assert o["text"].startswith("2/0x2 bytes at 0xbfbfe000\n")
    assert (c["name"], c["code"], c["text"]) == ("msg_trap", -31, "msg_trap(1)")
    unknown = _json([mmsg_rec(1)])[0]
    assert (unknown["service"], unknown["reply"]) == (None, False)


def test_json_of_newer_revisions_keeps_the_payload() -> None:
    obj = _json([rec(9, msg(3404))], AMD64)[0]
    assert obj["type"] == "UNKNOWN(9)" and obj["payload"] == msg(3404).hex()
    assert "service" not in obj


def test_decode_shows_mach_traps_and_skips_messages() -> None:
    recs = [rec(1, call(T32, -31, 0x1000, 3), version=0),
            mmsg_rec(3404), rec(12, mool(0x1000, b"ab"), version=0),
            rec(2, ret(T32, -31), version=0)]
    out, err = io.BytesIO(), io.StringIO()
    assert dump(io.BytesIO(trace(recs, T32)), out, Options(), "t", err=err,
                mode="decode") == 0, err.getvalue()
    assert out.getvalue().decode().splitlines() == ["msg_trap(0x1000, 3) = 0"]


# --- damage ---------------------------------------------------------------------
@pytest.mark.parametrize("payload, reason", [
    (msg(3404)[:20], "MMSG record of 20 bytes, shorter than its 24-byte "
                     "Mach message header,"),
    (b"", "MMSG record of 0 bytes, shorter than its 24-byte Mach message "
          "header,"),
])
def test_short_mmsg_is_damage(payload: bytes, reason: str) -> None:
    good = rec(2, ret(T32, SYS_read), version=0)
    data = trace([good, rec(9, payload, version=0), good], T32)
    status, out, err = run(data, abi=T32, netbsd=True)
    offset = len(trace([good], T32))
    assert status == 1
    # the damaged record prints nothing (as for every damaged record)
    assert out == H0 + "RET   read 0\n"
    assert err == f"pykdump: t.out: {reason} at offset {offset}\n"


@pytest.mark.parametrize("payload, reason", [
    (b"\0\0\x10\0", "MOOL record of 4 bytes, shorter than its 8-byte header,"),
    (mool(0x1000, b"abc", size=100), "MOOL size 100 beyond its 11-byte record"),
    (mool(0x1000, b"", size=0xFFFFFFFF),
     "MOOL size 4294967295 beyond its 8-byte record"),
])
def test_bad_mool_is_damage(payload: bytes, reason: str) -> None:
    # kdump would print stale bytes of its buffer past the record
    good = rec(2, ret(T32, SYS_read), version=0)
    data = trace([good, rec(12, payload, version=0), good], T32)
    for kw in ({"netbsd": True}, {}):
        status, out, err = run(data, abi=T32, **kw)
        assert status == 1
        assert out.splitlines()[0] == H0 + "RET   read 0"
        assert err == (f"pykdump: t.out: {reason} at offset "
                       f"{len(trace([good], T32))}\n")


def test_damaged_mach_records_in_json_and_decode_modes() -> None:
    good = rec(2, ret(T32, SYS_read), version=0)
    data = trace([good, rec(9, b"\1\2\3", version=0)], T32)
    for mode in ("json", "decode", "summary"):
        out, err = io.BytesIO(), io.StringIO()
        status = dump(io.BytesIO(data), out, Options(), "t", abi=T32,
                      err=err, mode=mode)
        assert status == 1, mode
        assert err.getvalue().count("\n") == 1
        assert "MMSG record of 3 bytes" in err.getvalue()
        assert "Traceback" not in err.getvalue()


def test_every_cut_of_a_mach_trace_stops_cleanly() -> None:
    lay = Layouts.get(T32)
    recs = [mmsg_rec(3404), rec(12, mool(0x1000, bytes(40)), version=0),
            rec(1, call(T32, -31, 1, 2), version=0),
            rec(4, lay.genio.pack(1, 0) + b"x", version=0)]
    data = trace(recs, T32)
    for cut in range(len(data) + 1):
        status, out, err = run(data[:cut], abi=T32, netbsd=True)
        assert status in (0, 1)
        assert err.count("\n") == (status != 0)
        assert "Traceback" not in err


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([9, 12]), st.binary(max_size=80),
       st.sampled_from(["i386-time32", "ilp32-time32-be"]),
       st.sampled_from(["kdump", "json", "decode"]))
def test_random_mach_payloads_never_raise(ktype: int, payload: bytes,
                                          abi_name: str, mode: str) -> None:
    abi = ABIS[abi_name]
    data = trace([rec(ktype, payload, version=0),
                  rec(2, ret(abi, SYS_read), version=0)], abi)
    out, err = io.BytesIO(), io.StringIO()
    status = dump(io.BytesIO(data), out, Options(netbsd=True), "t", abi=abi,
                  err=err, mode=mode)
    assert status in (0, 1)
    assert err.getvalue().count("\n") == status
