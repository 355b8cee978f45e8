"""The pykdump command: options, files, the fixture, errors and bad input."""

from __future__ import annotations

import io
import struct
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ktrace.cli.pykdump import main
from ktrace.dump.face import Options
from ktrace.dump.run import Filters, dump
from ktrace.format import AMD64, I386

from test_kdump_golden import H2, call, rec, ret, trace

FIXTURE = Path(__file__).parent / "data" / "netbsd-i386-v0-rc.ktrace"
PYKDUMP = [str(Path(sys.executable).parent / "pykdump")]


def cli(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    """The console entry point (getopt fast path, else click) run on
    ``args``: exit status, stdout, stderr."""
    saved = sys.argv
    with CliRunner().isolation(input=input) as (out, err, _):
        sys.argv = ["pykdump", *args]
        try:
            main()
            code = 0
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else int(e.code is not None)
        finally:
            sys.argv = saved
            sys.stdout.flush()
            sys.stderr.flush()
    return code, out.getvalue().decode("latin-1"), \
        err.getvalue().decode("latin-1")


SAMPLE = trace([rec(1, call(AMD64, 3, 0, 0x1000, 10)),
                rec(3, b"/etc/motd"),
                rec(2, ret(AMD64, 3, retval=10))])


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    p = tmp_path / "ktrace.out"
    p.write_bytes(SAMPLE)
    return p


# --- the real NetBSD/i386 trace ---------------------------------------------
def test_fixture_decodes_completely() -> None:
    code, out, err = cli(str(FIXTURE))
    assert code == 0 and err == ""
    heads = [ln for ln in out.splitlines() if ln.startswith("  7504 ")]
    assert len(heads) == 636
    assert heads[5] == "  7504 rc       RET   execve JUSTRETURN"
    assert heads[1] == "  7504 ktrace   CALL  execve(0xbfbff733,0xbfbff64c,0xbfbff65c)"
    assert "  7504 rc       RET   open -1 errno 2 No such file or directory" in heads
    assert heads[-1] == "  7504 rc       CALL  exit(0)"


def test_fixture_timestamps_v0() -> None:
    # kdump.c 1.93.2.1: "%ld.%06ld " for version 0 records
    code, out, _ = cli("-T", "-t", "e", str(FIXTURE))
    assert out.splitlines()[0] == \
        '  7504 ktrace   1064505173.483507 EMUL  "netbsd"'


def test_fixture_both_faces_agree() -> None:
    assert cli(str(FIXTURE))[1] == cli("--netbsd", str(FIXTURE))[1]


# --- options ------------------------------------------------------------------
def test_default_file_and_f(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample.parent)
    code, out, _ = cli()
    assert code == 0 and out.splitlines()[1] == H2 + 'NAMI  "/etc/motd"'
    assert cli("-f", str(sample))[1] == out


def test_stdin() -> None:
    code, out, _ = cli("-f", "-", input=SAMPLE)
    assert code == 0 and len(out.splitlines()) == 3


def test_t_p_n_N(sample: Path) -> None:
    assert cli("-t", "n", str(sample))[1] == H2 + 'NAMI  "/etc/motd"\n'
    assert cli("-p", "99", str(sample))[1] == ""
    assert cli("-N", "-t", "c", str(sample))[1].splitlines() == [
        H2 + "CALL  [3](0,0x1000,0xa)", H2 + "RET   [3] 10/0xa"]
    assert cli("-dn", "-t", "c", str(sample))[1].splitlines()[0] == \
        H2 + "CALL  read(0,4096,10)"


def test_bad_options(sample: Path) -> None:
    code, _, err = cli("-t", "q", str(sample))
    assert code != 0 and "unknown trace point in q" in err
    code, _, err = cli("-X", "3", str(sample))
    assert code != 0 and "argument to -X must be 1, 2, 4, 8 or 16" in err
    code, _, err = cli("-m", "lots", str(sample))
    assert code != 0 and "invalid number lots" in err


# every well-formed command line takes the getopt path; it must read it as
# click does (repeated -T/-R excepted: getopt keeps the last, as kdump does)
VALID = [[], ["f"], ["-f", "f"], ["-ff"], ["--", "-f"], ["f", "-T"], ["-d"],
         ["-ETdn", "f"], ["-nn", "-NN"], ["-R", "-T"], ["-T", "-R"], ["-x"],
         ["-X4"], ["-X", "0x10"], ["-m", "010"], ["-p", "4242"],
         ["-t", "cn"], ["-t+"], ["-e", "linux"], ["-elinux", "-l"],
         ["--netbsd"], ["--abi", "amd64"], ["--abi=i386"], ["--json"],
         ["--summary", "--decode"], ["--decode", "--json", "f"],
         ["--errors-only", "--syscall", "openat,read"], ["--syscall="],
         ["--lid=7", "-f", "-"], ["-e", "-x"], ["-f", "--json"], ["-"],
         ["-m", "lots"], ["-X", "3"], ["-f", "a", "b"], ["-t", "q"]]
INVALID = [["-h"], ["--help"], ["-q"], ["--net"], ["--netbsd=1"], ["a", "b"],
           ["-e"], ["--abi", "vax"], ["--json=1"], ["--errors"]]


@pytest.mark.parametrize("argv", VALID)
def test_fast_parse_reads_like_click(argv: list[str]) -> None:
    import click

    from ktrace.cli.pykdump import build_cli, fast_parse

    kw = fast_parse(argv)
    assert kw is not None
    ctx = build_cli(click).make_context("pykdump", list(argv))
    expected = dict(ctx.params,
                    last_time_flag=ctx.meta.get("pykdump.last_time_flag", ""))
    assert kw == expected


@pytest.mark.parametrize("argv", INVALID)
def test_fast_parse_leaves_help_and_errors_to_click(argv: list[str]) -> None:
    from ktrace.cli.pykdump import fast_parse

    assert fast_parse(argv) is None


def test_help_and_usage_errors_from_click(sample: Path) -> None:
    code, out, err = cli("-h")
    assert code == 0 and out.startswith("Usage: pykdump [OPTIONS] [FILE]")
    assert "-X SIZE" in out and "--errors-only" in out
    assert cli("--help")[:2] == (0, out)


@pytest.mark.parametrize("argv,message", [
    (["--net", "F"], "No such option '--net'"),
    (["-q", "F"], "No such option '-q'"),
    (["F", "-m"], "Option '-m' requires an argument"),
    (["--abi", "vax", "F"], "Invalid value for '--abi'"),
    (["F", "b"], "unexpected extra argument (b)"),
    (["-f", "a", "F"], "unexpected argument F"),
    (["-t", "q", "F"], "unknown trace point in q"),
    (["-X", "3", "F"], "argument to -X must be 1, 2, 4, 8 or 16"),
    (["-X", "0x", "F"], "argument to -X must be 1, 2, 4, 8 or 16"),
    (["-m", "lots", "F"], "invalid number lots"),
    (["-m", "08", "F"], "invalid number 08"),
    (["-p", "12 ", "F"], "invalid number 12 "),
    (["--lid", "x", "F"], "invalid number x"),
])
def test_usage_errors_are_one_line(sample: Path, argv: list[str],
                                   message: str) -> None:
    # kdump: errx(1, ...) or usage() -> exit 1; design section 9: one line
    argv = [str(sample) if a == "F" else a for a in argv]
    code, out, err = cli(*argv)
    assert (code, out) == (1, "")
    assert err.startswith("pykdump: ") and err.count("\n") == 1
    assert message.replace("F", str(sample)) in err


GIO_DATA = b"abcdefghijklmnopqrstuvwxyz012345"
GIO_TRACE = trace([rec(4, struct.pack("<ii", 1, 1) + GIO_DATA)])


@pytest.mark.parametrize("value,shown", [
    ("010", 8), ("0x10", 16), ("0X1f", 31), ("20", 20), (" 3", 3), ("+4", 4),
    ("", 0), ("0", 0), ("-1", 32), ("4294967295", 32), ("-5", 32)])
def test_maxdata_reads_numbers_as_strtoul(tmp_path: Path, value: str,
                                          shown: int) -> None:
    # kdump 1.140.2.2: maxdata = strtoul(optarg, &cp, 0) into an int: octal,
    # hex, a sign; -1 (or ULONG_MAX's low 32 bits) is no limit, 0 no data
    p = tmp_path / "t"
    p.write_bytes(GIO_TRACE)
    code, out, err = cli("-m", value, str(p))
    assert (code, err) == (0, "")
    lines_ = out.splitlines()
    assert lines_[0] == H2 + "GIO   fd 1 wrote 32 bytes"
    data = GIO_DATA[:shown].decode()
    assert lines_[1:] == ([] if shown == 0 else ['       "' + data + '"'])


def test_pid_and_x_read_numbers_as_strtoul(tmp_path: Path) -> None:
    p = tmp_path / "t"
    p.write_bytes(GIO_TRACE)
    everything = cli(str(p))[1]
    for value in ("1234", "02322", "0x4d2", "-1", "4294967295"):
        assert cli("-p", value, str(p))[1] == everything, value
    assert cli("-p", "01234", str(p))[1] == ""         # octal 668
    assert cli("-X", "010", str(p))[1] == cli("-X", "8", str(p))[1]
    assert cli("-X", "0x10", str(p))[1] == cli("-X", "16", str(p))[1]


def test_fast_path_imports_no_click(sample: Path) -> None:
    """The common command lines start without click, dataclasses, typing
    or rich (each costs milliseconds of every run)."""
    code = ("import sys\nfrom ktrace.cli.pykdump import main\n"
            f"sys.argv = ['pykdump', '-T', {str(sample)!r}]\n"
            "try:\n    main()\nexcept SystemExit as e:\n    status = e.code\n"
            "heavy = ('click', 'dataclasses', 'typing', 'rich', 'construct',"
            " 'inspect')\n"
            "print(status, sorted(m for m in heavy if m in sys.modules),"
            " file=sys.stderr)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True,
                       text=True, check=True)
    assert r.stderr == "0 []\n" and "NAMI" in r.stdout


def test_abi_override(tmp_path: Path) -> None:
    p = tmp_path / "t"
    p.write_bytes(trace([rec(2, ret(I386, 6))], I386))
    assert cli("--abi", "i386", str(p))[1] == H2 + "RET   close 0\n"
    code, out, err = cli("--abi", "amd64", str(p))
    assert code == 1 and "pykdump: " in err


# --- errors -------------------------------------------------------------------
def test_missing_file_and_directory(tmp_path: Path) -> None:
    code, out, err = cli(str(tmp_path / "nope"))
    assert code == 1 and out == ""
    assert err == f"pykdump: {tmp_path / 'nope'}: No such file or directory\n"
    code, out, err = cli(str(tmp_path))
    assert code == 1 and err == f"pykdump: {tmp_path}: Is a directory\n"


def test_truncated_record_prints_what_decodes(tmp_path: Path) -> None:
    p = tmp_path / "t"
    p.write_bytes(SAMPLE[:-5])
    code, out, err = cli(str(p))
    assert code == 1
    assert out.splitlines() == [H2 + "CALL  read(0,0x1000,0xa)",
                                H2 + 'NAMI  "/etc/motd"']
    second_end = len(SAMPLE) - (56 + 24)
    assert err == (f"pykdump: {p}: truncated record (19 of 24 payload "
                   f"bytes) at offset {second_end}\n")


def test_lying_inner_sizes() -> None:
    bad_call = rec(1, struct.pack("<ii", 3, 64) + bytes(8))
    bad_psig = rec(5, bytes(41))
    bad_gio = rec(4, bytes(5))
    for r, what in ((bad_call, "argsize 64"), (bad_psig, "PSIG record of 41"),
                    (bad_gio, "GIO record of 5")):
        data = SAMPLE + trace([r])
        status, out, err = run_bytes(data)
        assert status == 1
        assert len(out.splitlines()) == 3
        assert what in err and err.endswith(f"at offset {len(SAMPLE)}\n")


def test_huge_and_negative_lengths() -> None:
    for length in (-1, 0x7FFFFFF0):
        data = SAMPLE + struct.pack("<ihhi", length, 1, 2, 1) + bytes(52)
        status, out, err = run_bytes(data)
        assert status == 1 and len(out.splitlines()) == 3
        assert f"bad record length {length} at offset {len(SAMPLE)}" in err


def test_unknown_version() -> None:
    data = SAMPLE + struct.pack("<ihhi", 0, 1, 7, 1) + bytes(52)
    status, _, err = run_bytes(data)
    assert status == 1 and f"unknown ktrace version 7 at offset {len(SAMPLE)}" in err


def run_bytes(data: bytes, mode: str = "kdump", **kw) -> tuple[int, str, str]:
    out, err = io.BytesIO(), io.StringIO()
    filters = kw.pop("filters", None)
    status = dump(io.BytesIO(data), out, Options(**kw), "t", err=err,
                  mode=mode, filters=filters)
    return status, out.getvalue().decode("latin-1"), err.getvalue()


# --- foreign files ------------------------------------------------------------
KTR_VERSIONED = 0x4000     # FreeBSD sys/ktrace.h: set in ktr_type of v1


def freebsd_trace(version: int = 1, abi: str = "amd64",
                  records: tuple = ((1, 3, (0, 4096)), (3, b"/etc/motd"),
                                    (2, 3, 10))) -> bytes:
    """A FreeBSD trace as its kernel writes one (sys/sys/ktrace.h).

    Version 1 (FreeBSD 14 on): ``int ktr_len; short ktr_type; short
    ktr_version; pid_t ktr_pid; char ktr_comm[20]; struct timespec
    ktr_time; long ktr_tid; int ktr_cpu`` -- 64 bytes on amd64, 48 on
    i386 -- with KTR_VERSIONED in ktr_type and ktr_version 1.  Version 0
    (``struct ktr_header_v0``): padding where the version would be, a
    ``struct timeval`` and ``long ktr_tid`` -- 56 bytes on amd64, 44 on
    i386.  Records: ``ktr_syscall {short code; short narg; register_t
    args[]}``, ``ktr_sysret {short code; short eosys; int error;
    register_t retval}``, a NAMI path.
    """
    lp64 = abi == "amd64"
    reg = "q" if lp64 else "i"
    out = b""
    for r in records:
        if r[0] == 1:
            _, code, args = r
            body = struct.pack("<hh" + ("4x" if lp64 else ""), code, len(args))
            body += struct.pack("<%d%s" % (len(args), reg), *args)
        elif r[0] == 2:
            body = struct.pack("<hhi" + reg, r[1], 0, 0, r[2])
        else:
            body = r[1]
        ktype = r[0]
        if version == 1:
            head = struct.pack("<iHhi20s", len(body), ktype | KTR_VERSIONED, 1,
                               42, b"cat")
            head += struct.pack("<qqqi4x" if lp64 else "<iiii",
                                1700000000, 123456789, 100042, 3)
        else:
            head = struct.pack("<ihxxi20s", len(body), ktype, 42, b"cat")
            head += struct.pack("<qqq" if lp64 else "<iii",
                                1700000000, 123456, 100042)
        out += head + body
    return out


def test_freebsd_header_sizes() -> None:
    one = ((3, b""),)
    assert [len(freebsd_trace(v, a, one)) for v, a in (
        (1, "amd64"), (1, "i386"), (0, "amd64"), (0, "i386"))] == [64, 48, 56, 44]


@pytest.mark.parametrize("data", [
    freebsd_trace(), freebsd_trace(abi="i386"), freebsd_trace(0),
    freebsd_trace(0, "i386"),
    freebsd_trace(records=((1, 3, (0, 4096, 10)),)),       # one record
    freebsd_trace(records=((3, b"/etc/motd"),)),            # one NAMI
    freebsd_trace(abi="i386", records=((2, 3, 10),)),
    freebsd_trace(0, records=((1, 3, (0, 4096, 10)),)),
], ids=["v1", "v1-i386", "v0", "v0-i386", "v1-one-call", "v1-one-nami",
        "v1-i386-one-ret", "v0-one-call"])
def test_freebsd_traces_named(data: bytes) -> None:
    status, out, err = run_bytes(data)
    assert (status, out) == (1, "")
    assert err == "pykdump: t is a FreeBSD ktrace file; this reads NetBSD's\n"


def test_64_byte_headers_without_ktr_versioned_named() -> None:
    """FreeBSD sets KTR_VERSIONED with version 1, but 64-byte version 1
    headers without it still say FreeBSD: no NetBSD layout has 64 bytes.
    A single one must fill the file (a NetBSD amd64 v1 record is 8 bytes
    shorter and must stay NetBSD's)."""
    data = bytearray(freebsd_trace())
    for off in (0, 64 + 24, 2 * 64 + 24 + 9):
        struct.pack_into("<H", data, off + 4, data[off + 4])   # flag off
    assert "is a FreeBSD ktrace file" in run_bytes(bytes(data))[2]
    one = bytearray(freebsd_trace(records=((1, 3, (0, 4096, 10)),)))
    struct.pack_into("<H", one, 4, 1)
    assert "is a FreeBSD ktrace file" in run_bytes(bytes(one))[2]
    netbsd = trace([rec(1, call(AMD64, 3, 0, 0x1000, 10), version=1)])
    assert run_bytes(netbsd) == (0, H2 + "CALL  read(0,0x1000,0xa)\n", "")


def test_freebsd_v1_with_dropped_records_named() -> None:
    data = bytearray(freebsd_trace())
    struct.pack_into("<H", data, 4, 1 | KTR_VERSIONED | 0x8000)  # KTR_DROP
    assert "is a FreeBSD ktrace file" in run_bytes(bytes(data))[2]


def openbsd_trace() -> bytes:
    """OpenBSD/amd64: type first, 24-byte comm, size_t length last."""
    out = b""
    for ktype, body in ((1, struct.pack("<iiq", 3, 8, 0)), (3, b"/etc/x")):
        out += struct.pack("<Iii4xqq24sQ", ktype, 42, 100042, 1700000000, 5,
                           b"cat", len(body)) + body
    return out


@pytest.mark.parametrize("data,system", [
    (freebsd_trace(), "a FreeBSD"), (openbsd_trace(), "an OpenBSD"),
    (struct.pack("<IIQ", 0x55AA0200, 0, 0) + bytes(64), "a macOS")])
def test_foreign_formats_named(data: bytes, system: str) -> None:
    status, out, err = run_bytes(data)
    assert status == 1 and out == ""
    assert err == f"pykdump: t is {system} ktrace file; this reads NetBSD's\n"


def test_not_a_trace() -> None:
    status, _, err = run_bytes(b"hello world, this is text\n" * 10)
    assert (status, err) == (1, "pykdump: t is not a NetBSD ktrace file\n")


def test_empty_file() -> None:
    assert run_bytes(b"") == (0, "", "")


# --- never a traceback ------------------------------------------------------
@given(st.binary(max_size=2048))
@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
def test_random_bytes_never_raise(data: bytes) -> None:
    status, _, err = run_bytes(data)
    assert status in (0, 1)
    if status:
        assert err.count("\n") == 1 and err.startswith("pykdump: t")


DAMAGE_BASE = SAMPLE + trace([
    rec(5, bytes(168)), rec(8, b"msghdr".ljust(20, b"\0") + bytes(7)),
    rec(4, struct.pack("<ii", 1, 1) + b"x\0y"), rec(15, bytes(8)),
    rec(14, bytes(6)), rec(6, bytes(8)), rec(10, b"a\0"), rec(7, b"linux"),
    rec(1, call(AMD64, 231, 0)), rec(2, ret(AMD64, 0, -3, -512))])


@given(st.lists(st.tuples(st.integers(0, len(DAMAGE_BASE) - 1),
                          st.integers(0, 255)), max_size=6),
       st.integers(0, len(DAMAGE_BASE)), st.sampled_from([
           {}, {"word_size": 4}, {"netbsd": True}, {"mode": "json"},
           {"mode": "decode"}, {"mode": "summary"},
           {"filters": Filters(errors_only=True, syscalls=["read"])}]))
@settings(max_examples=400, deadline=None)
def test_damaged_traces_never_raise(flips, cut, opts) -> None:
    data = bytearray(DAMAGE_BASE)
    for pos, val in flips:
        data[pos] = val
    status, _, err = run_bytes(bytes(data[:cut]), **opts)
    assert status in (0, 1)
    assert "Traceback" not in err
    if status:      # one line, after any of kdump's warnings (msghdr length)
        assert err.splitlines()[-1].startswith("pykdump: t")


# --- a real process: follow mode and exit status ----------------------------
def test_follow_waits_for_a_whole_first_header(tmp_path: Path) -> None:
    """kdump -l reads the header with fread_tail, which sleeps and retries
    until the whole header is there; a file holding less than one header
    when pykdump -l first reads it is waited for, not refused."""
    import threading
    import time

    p = tmp_path / "live.out"
    p.write_bytes(SAMPLE[:20])                # part of the first header

    def read_up_to(pid: int, size: int) -> None:
        """Wait until pykdump's descriptor of the file is at ``size``: it
        has read all there is (its /proc fdinfo ``pos``)."""
        end = time.monotonic() + 30
        while time.monotonic() < end:
            try:
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    if os.readlink(f"/proc/{pid}/fd/{fd}") == str(p):
                        with open(f"/proc/{pid}/fdinfo/{fd}") as info:
                            if f"pos:\t{size}\n" in info.read():
                                return
            except OSError:
                pass
            time.sleep(0.01)
        raise AssertionError(f"pykdump never read {size} bytes")

    proc = subprocess.Popen(PYKDUMP + ["-l", str(p)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    watchdog = threading.Timer(60, proc.kill)  # a hang fails, not stalls
    watchdog.start()
    try:
        read_up_to(proc.pid, 20)
        with open(p, "ab") as f:
            f.write(SAMPLE[20:50])            # still less than a header
        read_up_to(proc.pid, 50)
        assert proc.poll() is None            # waiting, not refused
        with open(p, "ab") as f:
            f.write(SAMPLE[50:])
        assert proc.stdout.readline().decode().startswith(H2 + "CALL  read(")
        assert proc.stdout.readline().decode() == H2 + 'NAMI  "/etc/motd"\n'
        assert proc.stdout.readline().decode() == H2 + "RET   read 10/0xa\n"
        assert proc.poll() is None            # still following
    finally:
        watchdog.cancel()
        proc.kill()
        _, err = proc.communicate()
    assert err == b""


def test_follow_growing_file(tmp_path: Path) -> None:
    p = tmp_path / "live.out"
    p.write_bytes(SAMPLE[:56 + 32])          # the first record only
    proc = subprocess.Popen(PYKDUMP + ["-l", str(p)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        first = proc.stdout.readline().decode()
        assert first.startswith(H2 + "CALL  read(")
        with open(p, "ab") as f:
            f.write(SAMPLE[56 + 32:])
        assert proc.stdout.readline().decode() == H2 + 'NAMI  "/etc/motd"\n'
        assert proc.stdout.readline().decode() == H2 + "RET   read 10/0xa\n"
        assert proc.poll() is None            # still following
    finally:
        proc.kill()
        proc.wait()


def test_pipe_to_stdin_and_exit_status() -> None:
    p = subprocess.run(PYKDUMP + ["-f", "-"], input=SAMPLE[:-1],
                       capture_output=True)
    assert p.returncode == 1 and len(p.stdout.splitlines()) == 2
    assert p.stderr.decode().startswith("pykdump: stdin: truncated record")
    assert b"Traceback" not in p.stderr


def test_macos_v3_tag() -> None:
    data = struct.pack("<IIQ", 0x1000, 0x2000, 48) + bytes(200)
    status, _, err = run_bytes(data)
    assert (status, err) == (
        1, "pykdump: t is a macOS ktrace file; this reads NetBSD's\n")


def test_syscall_names_and_modes_are_checked(tmp_path: Path) -> None:
    """A misspelt --syscall name is refused, as strace -e trace= refuses
    it, instead of selecting nothing; the modes are alternatives."""
    p = tmp_path / "t.out"
    p.write_bytes(SAMPLE)
    for args, message in (
            (["--syscall", "read,opne"], "pykdump: --syscall: no system call is named opne\n"),
            (["--decode", "--json"],
             "pykdump: --decode, --summary and --json are alternatives: give one\n")):
        r = subprocess.run(PYKDUMP + args + [str(p)], capture_output=True)
        assert (r.returncode, r.stdout, r.stderr.decode()) == (1, b"", message)
    # names of every table count: NetBSD's (stat64 of its linux table) too
    r = subprocess.run(PYKDUMP + ["--syscall", "read,stat64", str(p)],
                       capture_output=True)
    assert r.returncode == 0 and r.stdout


def test_maxdata_is_decode_string_size(tmp_path: Path) -> None:
    # -m in --decode is strace's -s: how many bytes of data a line shows
    from ktrace.format import Layouts
    p = tmp_path / "t.out"
    p.write_bytes(trace([rec(7, b"linux"), rec(1, call(AMD64, 0, 0, 0x1000, 64)),
                         rec(4, Layouts.get(AMD64).genio.pack(0, 0) + b"Welcome\n"),
                         rec(2, ret(AMD64, 0, retval=8))]))
    for m, shown in (("3", '"Wel"...'), ("0", '""...'), ("-1", '"Welcome\\n"')):
        out = subprocess.run(PYKDUMP + ["--decode", "-m", m, str(p)],
                             capture_output=True).stdout.decode()
        assert out == "read(0, %s, 64) = 8\n" % shown, (m, out)
