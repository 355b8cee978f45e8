"""pyktrace on real processes: exec sequence, paths, I/O, errors, headers.

Every test runs the real ``pyktrace`` command on a real program (C programs
compiled here, /bin tools, python3) and asserts on the records read back
with :class:`ktrace.tracefile.Reader`.  Helpers here are shared by the other
``test_tracer_*`` modules.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path


from ktrace.format import (
    AMD64, EJUSTRETURN, KTR_EMUL, KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_EXEC_FD,
    KTR_GENIO, KTR_NAMEI, KTR_PSIG, KTR_SYSCALL, KTR_SYSRET, KTR_USER, Layouts)
from ktrace.tracefile import Reader

C_DIR = Path(__file__).parent / "c"
PYKTRACE = Path(sys.executable).with_name("pyktrace")
LAY = Layouts.get(AMD64)

# x86-64 call numbers used below
NR_READ, NR_WRITE, NR_CLOSE, NR_WRITEV, NR_EXECVE = 0, 1, 3, 20, 59
NR_NEWFSTATAT = 262          # what glibc's stat() calls
NR_OPENAT, NR_GETPPID, NR_EXIT_GROUP, NR_RT_SIGRETURN = 257, 110, 231, 15


def compile_c(tmp: Path, name: str, *flags: str) -> Path:
    out = tmp / (name + "".join(f.replace("-", "_") for f in flags))
    subprocess.run(["gcc", "-O1", "-pthread", *flags, "-o", str(out),
                    str(C_DIR / f"{name}.c")], check=True)
    return out


def decode(rec) -> tuple:
    """A record as a comparable tuple (kind, fields...)."""
    p = rec.payload
    t = rec.type
    if t == KTR_SYSCALL:
        code, size = LAY.syscall.unpack_from(p)
        return ("CALL", code, struct.unpack_from(f"<{size // 8}q", p, 8))
    if t == KTR_SYSRET:
        code, _eosys, error, retval, _r1 = LAY.sysret.unpack(p)
        return ("RET", code, error, retval)
    if t == KTR_NAMEI:
        return ("NAMI", p)
    if t == KTR_GENIO:
        fd, rw = LAY.genio.unpack_from(p)
        return ("GIO", fd, rw, p[8:])
    if t == KTR_EMUL:
        return ("EMUL", p)
    if t == KTR_PSIG:
        signo, action, *rest = LAY.psig.unpack_from(p)
        return ("PSIG", signo, action, tuple(rest[:4]), rest[4], len(p))
    if t == KTR_EXEC_ARG:
        return ("ARG", p)
    if t == KTR_EXEC_ENV:
        return ("ENV", p)
    if t == KTR_EXEC_FD:
        return ("FD", *LAY.execfd.unpack(p))
    if t == KTR_USER:
        return ("USER", p[:20].rstrip(b"\0"), p[20:])
    return ("?", t, p)


def trace(tmp: Path, argv: list[str], *opts: str, check_rc: int | None = 0,
          trfile: str = "ktrace.out", **kw):
    """Run pyktrace; return (completed process, records)."""
    out = tmp / trfile
    proc = subprocess.run([str(PYKTRACE), "-f", str(out), *opts, *argv],
                          capture_output=True, **kw)
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr.decode()
    with open(out, "rb") as f:
        records = list(Reader(f))
    return proc, records


def after_exec(records) -> list:
    """Records from the successful exec's RET on (the program's own calls)."""
    for i, r in enumerate(records):
        d = decode(r)
        if d[0] == "RET" and d[1] == NR_EXECVE and d[2] == EJUSTRETURN and d[3] == 0:
            return records[i + 1:]
    raise AssertionError("no successful execve")


def test_exec_sequence_in_netbsd_order(tmp_path):
    """EMUL, CALL execve, NAMI path, NAMI interpreter, ARG, ENV, FD, EMUL,
    RET EJUSTRETURN; header pid = lid, comm switches at exec."""
    proc, recs = trace(tmp_path, ["/bin/true", "arg1"], "-t", "+afv",
                       env={"PATH": "/usr/bin:/bin", "X": "1"})
    d = [decode(r) for r in recs]
    assert d[0] == ("EMUL", b"linux")
    assert d[1][0:2] == ("CALL", NR_EXECVE) and len(d[1][2]) == 3
    assert d[2] == ("NAMI", b"/bin/true")
    assert d[3][0] == "NAMI" and d[3][1].startswith(b"/lib") and b"ld-linux" in d[3][1]
    assert d[4] == ("ARG", b"/bin/true\0arg1\0")
    assert d[5] == ("ENV", b"PATH=/usr/bin:/bin\0X=1\0")
    fds = [x for x in d[6:] if x[0] == "FD"]
    assert [x[1] for x in fds][:3] == [0, 1, 2]
    i = 6 + len(fds)
    assert d[i] == ("EMUL", b"linux")
    assert d[i + 1] == ("RET", NR_EXECVE, EJUSTRETURN, 0)
    pids = {(r.pid, r.lid) for r in recs}
    assert len(pids) == 1 and recs[0].pid == recs[0].lid
    assert recs[i + 1].command == "true"
    assert recs[0].version == 2


def test_path_candidates_each_fail_with_their_own_ret(tmp_path):
    bindir = tmp_path / "bin"
    bindir.mkdir()
    shutil.copy("/bin/true", bindir / "mytrue")
    env = {"PATH": f"/nonexistent/a:{bindir}"}
    _, recs = trace(tmp_path, ["mytrue"], env=env)
    d = [decode(r) for r in recs]
    assert d[1][:2] == ("CALL", NR_EXECVE)
    assert d[2] == ("NAMI", b"/nonexistent/a/mytrue")
    assert d[3] == ("RET", NR_EXECVE, -2, -2)          # ENOENT, negated
    assert d[4][:2] == ("CALL", NR_EXECVE)
    assert d[5] == ("NAMI", str(bindir / "mytrue").encode())


def test_failed_exec_of_missing_command(tmp_path):
    proc, recs = trace(tmp_path, ["/nonexistent/cmd"], check_rc=1)
    assert b"exec of '/nonexistent/cmd' failed" in proc.stderr
    d = [decode(r) for r in recs]
    assert d[1:4] == [d[1], ("NAMI", b"/nonexistent/cmd"), ("RET", NR_EXECVE, -2, -2)]


def test_openat_read_stat_write_writev(tmp_path, cbin):
    target = tmp_path / "data.txt"
    target.write_bytes(b"hello world")
    _, recs = trace(tmp_path, [str(cbin / "files"), str(target)])
    d = [decode(r) for r in after_exec(recs)]
    i = d.index(("NAMI", str(target).encode())) - 1
    assert d[i][:2] == ("CALL", NR_OPENAT)
    assert len(d[i][2]) == 4                      # openat has 4 arguments
    assert d[i + 2][:3] == ("RET", NR_OPENAT, 0)
    fd = d[i + 2][3]
    assert d[i + 3] == ("CALL", NR_READ, d[i + 3][2])
    assert d[i + 3][2][0] == fd and d[i + 3][2][2] == 5
    assert d[i + 4] == ("GIO", fd, 0, b"hello")
    assert d[i + 5] == ("RET", NR_READ, 0, 5)
    j = d.index(("NAMI", b"/nonexistent/pyktrace"))
    assert d[j - 1][:2] == ("CALL", NR_NEWFSTATAT)
    assert d[j + 1] == ("RET", NR_NEWFSTATAT, -2, -2)
    k = next(n for n, x in enumerate(d) if x[:2] == ("CALL", NR_WRITE)
             and x[2][2] == 10000)
    gio = d[k + 1:k + 4]
    assert [len(g[3]) for g in gio] == [4088, 4088, 1824]
    assert all(g[0] == "GIO" and g[2] == 1 and set(g[3]) == {ord("x")} for g in gio)
    assert [len(r.payload) for r in after_exec(recs)[k + 1:k + 4]] == [4096, 4096, 1832]
    assert d[k + 4] == ("RET", NR_WRITE, 0, 10000)
    assert d[k + 5][:2] == ("CALL", NR_WRITEV)
    assert d[k + 6][0] == "GIO" and d[k + 6][3] == b"abcde"
    assert d[k + 7] == ("RET", NR_WRITEV, 0, 5)


def test_trace_points_filter_records(tmp_path, cbin):
    """-t n: only NAMI (and nothing else) -- through the seccomp filter."""
    target = tmp_path / "data.txt"
    target.write_bytes(b"hello")
    _, recs = trace(tmp_path, [str(cbin / "files"), str(target)], "-t", "n")
    d = [decode(r) for r in recs]
    assert {x[0] for x in d} == {"NAMI"}
    assert ("NAMI", str(target).encode()) in d
    assert ("NAMI", b"/nonexistent/pyktrace") in d


def test_exit_status_and_signal_passed_on(tmp_path):
    proc, _ = trace(tmp_path, ["sh", "-c", "exit 7"], check_rc=7)
    proc, _ = trace(tmp_path, ["sh", "-c", "kill -TERM $$"], check_rc=-15)


def test_stdout_stream_and_command_stdout_to_stderr(tmp_path):
    proc = subprocess.run([str(PYKTRACE), "-f", "-", "/bin/echo", "hi"],
                          capture_output=True)
    assert proc.returncode == 0
    assert proc.stderr == b"hi\n"
    recs = list(Reader(__import__("io").BytesIO(proc.stdout)))
    assert decode(recs[0]) == ("EMUL", b"linux")
    assert ("GIO", 1, 1, b"hi\n") in [decode(r) for r in recs]


def test_trace_file_must_be_regular_and_not_a_symlink(tmp_path):
    proc = subprocess.run([str(PYKTRACE), "-f", "/dev/null", "/bin/true"],
                          capture_output=True)
    assert proc.returncode == 1
    assert proc.stderr == b"pyktrace: /dev/null: Permission denied\n"
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere")
    proc = subprocess.run([str(PYKTRACE), "-f", str(link), "/bin/true"],
                          capture_output=True)
    assert proc.returncode == 1 and not (tmp_path / "elsewhere").exists()
    proc, _ = trace(tmp_path, ["/bin/true"])
    assert (tmp_path / "ktrace.out").stat().st_mode & 0o777 == 0o600


def test_append_keeps_previous_records(tmp_path):
    _, first = trace(tmp_path, ["/bin/true"])
    _, both = trace(tmp_path, ["/bin/true"], "-a")
    assert len(both) == 2 * len(first) or len(both) > len(first)
    assert both[:len(first)] == first


def test_version_0_and_1(tmp_path):
    for v in (0, 1):
        _, recs = trace(tmp_path, ["/bin/true"], "-v", str(v))
        assert {r.version for r in recs} == {v}


def test_python_child(tmp_path):
    """A python3 -c run: the write of its output is captured with its bytes."""
    _, recs = trace(tmp_path, [sys.executable, "-c", "import os; os.write(1, b'py!')"])
    d = [decode(r) for r in recs]
    assert ("GIO", 1, 1, b"py!") in d
    assert ("RET", NR_WRITE, 0, 3) in d


def test_help_and_one_line_usage_errors():
    p = subprocess.run([str(PYKTRACE), "--help"], capture_output=True)
    assert p.returncode == 0
    for word in (b"-t TRSTR", b"--maxentry", b"no Linux", b"source"):
        assert word in p.stdout
    for argv, message in ((["-v", "7", "true"], b"'-v': 7 is not in the range"),
                          (["-t", "Q", "true"], b"-t Q: unknown trace point 'Q'"),
                          (["-X"], b"No such option"),
                          ([], b"nothing to trace")):
        p = subprocess.run([str(PYKTRACE), *argv], capture_output=True)
        assert p.returncode == 1
        assert p.stderr.count(b"\n") == 1 and p.stderr.startswith(b"pyktrace: ")
        assert message in p.stderr


def test_filtered_command_children_without_i_run_untraced_but_attached(tmp_path):
    """A seccomp-filtered command's children inherit the filter: without -i
    they are kept attached silently (else their execve would fail ENOSYS)."""
    proc, recs = trace(tmp_path, ["sh", "-c", "/bin/true; exit 2"], "-t", "an",
                       check_rc=2)
    assert proc.stderr == b""
    assert {r.pid for r in recs} == {recs[0].pid}
    proc, recs = trace(tmp_path, ["sh", "-c", "/bin/true; exit 2"], "-t", "an", "-i",
                       check_rc=2)
    assert len({r.pid for r in recs}) == 2
    assert ("NAMI", b"/bin/true") in [decode(r) for r in recs if r.pid != recs[0].pid]


def test_exec_fd_records_with_netbsd_types(tmp_path):
    """FD records list what survives close-on-exec, in NetBSD's DTYPE_*."""
    r, w = os.pipe()
    efd = os.eventfd(0)
    os.set_inheritable(r, True)
    os.set_inheritable(efd, True)
    try:
        _, recs = trace(tmp_path, ["/bin/true"], "-t", "f", close_fds=False)
    finally:
        for fd in (r, w, efd):
            os.close(fd)
    fds = dict(decode(x)[1:] for x in recs)
    assert fds[r] == 3 and fds[efd] == 9          # DTYPE_PIPE, DTYPE_EVENTFD
    assert w not in fds
