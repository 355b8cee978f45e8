"""Beyond kdump: --decode, --summary, --json and the filters."""

from __future__ import annotations

import io
import json

from ktrace.format import AMD64, Layouts
from ktrace.dump.face import Options
from ktrace.dump.run import Filters, dump

from test_kdump_golden import H2, call, rec, ret, trace

L_read, L_write, L_openat, L_exit_group = 0, 1, 257, 231
GIO = Layouts.get(AMD64).genio


def linux_trace() -> bytes:
    """openat fails, openat succeeds, read of 5 bytes, then exit_group."""
    return trace([
        rec(7, b"linux", sec=10, frac=0),
        rec(1, call(AMD64, L_openat, -100, 0x1000, 0o2000000), sec=10, frac=1000),
        rec(3, b"/nope", sec=10, frac=2000),
        rec(2, ret(AMD64, L_openat, error=-2, retval=-2), sec=10, frac=5000),
        rec(1, call(AMD64, L_openat, -100, 0x1000, 0), sec=10, frac=6000),
        rec(3, b"/etc/passwd", sec=10, frac=7000),
        rec(2, ret(AMD64, L_openat, retval=3), sec=10, frac=9000),
        rec(1, call(AMD64, L_read, 3, 0x2000, 4096), lid=2, sec=10, frac=10000),
        rec(4, GIO.pack(3, 0) + b"root\n", lid=2, sec=10, frac=11000),
        rec(2, ret(AMD64, L_read, retval=5), lid=2, sec=10, frac=20000),
        rec(1, call(AMD64, L_exit_group, 1), sec=10, frac=30000),
    ])


def run(mode: str = "kdump", filters: Filters | None = None, **kw) -> str:
    out, err = io.BytesIO(), io.StringIO()
    status = dump(io.BytesIO(linux_trace()), out, Options(**kw), "t",
                  err=err, mode=mode, filters=filters)
    assert status == 0, err.getvalue()
    return out.getvalue().decode()


def test_decode() -> None:
    assert run("decode").splitlines() == [
        'openat(AT_FDCWD, "/nope", O_RDONLY|O_CLOEXEC) = -1 ENOENT '
        "(No such file or directory)",
        'openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3',
        '[pid     2] read(3, "root\\n", 4096) = 5',
        "[pid     1] exit_group(1) = ?",        # two threads traced
        "[pid     2] +++ exited with 1 +++",
        "+++ exited with 1 +++"]


def test_decode_unfinished_and_restart() -> None:
    data = trace([rec(7, b"linux"),
                  rec(1, call(AMD64, L_read, 0, 0x1000, 10)),
                  rec(2, ret(AMD64, L_read, error=-3, retval=-512)),
                  rec(1, call(AMD64, L_read, 0, 0x1000, 10))])
    out = io.BytesIO()
    assert dump(io.BytesIO(data), out, Options(), "t", mode="decode") == 0
    assert out.getvalue().decode().splitlines() == [
        "read(0, 0x1000, 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)",
        "read(0,  <unfinished ...>"]     # the trace ends


def test_json() -> None:
    objs = [json.loads(line) for line in run("json").splitlines()]
    assert len(objs) == 11
    assert objs[1]["type"] == "CALL" and objs[1]["name"] == "openat"
    assert objs[1]["args"][0] == (1 << 64) - 100
    assert objs[3] == {
        "offset": objs[3]["offset"], "type": "RET", "ktr_type": 2,
        "version": 2, "pid": 1234, "lid": 1, "comm": "cat", "sec": 10,
        "nsec": 5000, "emulation": "linux",
        "text": "openat -1 errno 2 ENOENT No such file or directory",
        "code": 257, "name": "openat", "error": -2, "retval": -2,
        "retval_1": 0}
    assert objs[8]["data"] == "root\n" and objs[8]["rw"] == "read"


def test_summary() -> None:
    """strace -c's plain table (count.c 'call_summary_pers': column widths,
    %6.2f, usecs/call truncated, blank zero errors), calls counted at their
    return as strace counts them: exit_group, which never returns, is none."""
    lines = run("summary").splitlines()
    assert lines[:4] == [
        "% time     seconds  usecs/call     calls    errors syscall",
        "------ ----------- ----------- --------- --------- ----------------",
        # read: 10 microseconds; openat: 2 calls, 1 error, 4 + 3 microseconds
        " 58.82    0.000010          10         1           read",
        " 41.18    0.000007           3         2         1 openat"]
    assert lines[4:6] == [
        "------ ----------- ----------- --------- --------- ----------------",
        "100.00    0.000017           5         3         1 total"]
    assert lines[7:] == [
        "    pid command              calls    errors     seconds",
        "------- ---------------- --------- --------- -----------",
        "   1234 cat                      3         1    0.000017"]


def test_summary_counts_restarts_as_errors_and_names_as_text() -> None:
    # strace -c counts an ERESTARTSYS return as an error; a command name
    # with brackets is text, not rich markup, on a terminal too
    from ktrace.format import ERESTART
    data = trace([rec(7, b"linux", comm=b"y[red]z"),
                  rec(1, call(AMD64, L_read, 0, 0x1000, 1), comm=b"y[red]z"),
                  rec(2, ret(AMD64, L_read, error=ERESTART, retval=-512),
                      comm=b"y[red]z")])
    for terminal in (False, True):
        out = io.BytesIO()
        assert dump(io.BytesIO(data), out, Options(), "t", mode="summary",
                    terminal=terminal) == 0
        text = out.getvalue().decode()
        assert "y[red]z" in text
        if not terminal:
            row = [ln for ln in text.splitlines() if ln.endswith(" read")]
            assert row[0].split()[3:] == ["1", "1", "read"]    # calls, errors


def test_filters_compose_with_kdump_face() -> None:
    assert run(filters=Filters(errors_only=True)).splitlines() == [
        H2 + "CALL  openat(0xffffffffffffff9c,0x1000,0x80000)",
        H2 + 'NAMI  "/nope"',
        H2 + "RET   openat -1 errno 2 ENOENT No such file or directory"]
    lines = run(filters=Filters(syscalls=["read"])).splitlines()
    assert lines[2] == '       "root\\n"'
    heads = lines[:2] + lines[3:]
    assert [ln[23:27] for ln in heads] == ["CALL", "GIO ", "RET "]
    assert all(ln.startswith("  1234      2 cat") for ln in heads)
    lines = run(filters=Filters(lid=2)).splitlines()
    assert len(lines) == 4


def test_filters_compose_with_decode() -> None:
    assert run("decode", Filters(syscalls=["openat"], errors_only=True)) == (
        'openat(AT_FDCWD, "/nope", O_RDONLY|O_CLOEXEC) = -1 ENOENT '
        "(No such file or directory)\n")


def test_colour_only_on_a_terminal() -> None:
    plain = run("decode")
    out = io.BytesIO()
    dump(io.BytesIO(linux_trace()), out, Options(), "t", mode="decode",
         terminal=True)
    coloured = out.getvalue().decode()
    assert "\x1b[" not in plain and "\x1b[31m-1 ENOENT" in coloured
    assert "\x1b[" not in run("summary")


def test_decode_msghdr_from_user_record() -> None:
    import struct
    m = struct.pack("<QI4xQi4xQIi", 0, 0, 0x7000, 1, 0, 0, 0)
    data = trace([rec(7, b"linux"), rec(1, call(AMD64, 46, 3, 0x5000, 0)),
                  rec(8, b"msghdr".ljust(20, b"\0") + m),
                  rec(2, ret(AMD64, 46, retval=5))])
    out = io.BytesIO()
    assert dump(io.BytesIO(data), out, Options(), "t", mode="decode") == 0
    assert out.getvalue().decode() == (
        "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=0x7000, "
        "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0)"    # as strace's
        " = 5\n")


def test_decode_execve_argv_envp() -> None:
    data = trace([rec(1, call(AMD64, 59, 0x1000, 0x2000, 0x3000)),
                  rec(3, b"/bin/echo"), rec(10, b"echo\0hi\0"),
                  rec(11, b"A=1\0B=2\0"), rec(7, b"linux"),
                  rec(2, ret(AMD64, 59, error=-2, retval=0))])
    out = io.BytesIO()
    assert dump(io.BytesIO(data), out, Options(), "t", mode="decode") == 0
    assert out.getvalue().decode() == (
        'execve("/bin/echo", ["echo", "hi"], 0x3000 /* 2 vars */) = 0\n')


def test_modes_follow_the_emulation_without_its_records() -> None:
    """-t without e hides EMUL records; kdump then names a linux process's
    calls with NetBSD's table, but --decode and --summary still follow the
    emulation (their names stay Linux's)."""
    from ktrace.format import KTR_EMUL, KTRFAC_MASK
    points = KTRFAC_MASK & ~(1 << KTR_EMUL)
    assert run("decode", trpoints=points).splitlines()[1] == \
        'openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3'
    assert " openat" in run("summary", trpoints=points)
    # the kdump face stays kdump's: linux 257 is NetBSD's 257 there
    assert "openat" not in run(trpoints=points)
