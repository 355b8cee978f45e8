"""``--decode``: where lines come out when threads interleave, and calls that
never return (strace -f's ``<unfinished ...>`` / ``<... resumed>``).

The synthetic traces are shaped as pyktrace writes them (pid = tgid, lid =
thread id; after a non-leader exec the records carry the leader's id); the
real ones come from ``tests/c/decode_cut.c`` traced by pyktrace.
"""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ktrace.dump.face import Face, Options
from ktrace.dump.decode import Decoder
from ktrace.dump.run import Filters, dump
from ktrace.format import AMD64, EJUSTRETURN, Layouts
from ktrace.tracefile import read_all

from test_kdump_golden import call, rec, ret, trace

A = AMD64
L = Layouts.get(A)
P, T = 1234, 1240                   # a process and its second thread
READ, WRITE, EXECVE, EXIT, EXIT_GROUP, NANOSLEEP, GETPID = 0, 1, 59, 60, 231, 35, 39
BIN = Path(sys.executable).parent


def emul(lid: int = P, pid: int = P) -> object:
    return rec(7, b"linux", pid=pid, lid=lid)


def c(code: int, *args: int, lid: int = P, pid: int = P) -> object:
    return rec(1, call(A, code, *args), pid=pid, lid=lid)


def r(code: int, retval: int = 0, error: int = 0, lid: int = P, pid: int = P) -> object:
    return rec(2, ret(A, code, error=error, retval=retval), pid=pid, lid=lid)


def gio(data: bytes, fd: int = 0, rw: int = 0, lid: int = P) -> object:
    return rec(4, L.genio.pack(fd, rw) + data, pid=P, lid=lid)


def psig(signo: int, action: int = 0, lid: int = P) -> object:
    return rec(5, L.psig.pack(signo, action, 0, 0, 0, 0, 0), pid=P, lid=lid)


def decode(records: list) -> list[str]:
    out, err = io.BytesIO(), io.StringIO()
    status = dump(io.BytesIO(trace(records)), out, Options(), "t", err=err,
                  mode="decode")
    assert status == 0 and err.getvalue() == "", err.getvalue()
    return out.getvalue().decode().splitlines()


# --- one thread ------------------------------------------------------------

def test_killed_in_read_is_unfinished_before_the_kill() -> None:
    # NetBSD's (and pyktrace's) PSIG SIGKILL SIG_DFL: the process is gone;
    # as strace's, the line stops before the buffer read fills in
    assert decode([emul(), c(READ, 0, 0x1000, 4096), psig(9)]) == [
        "read(0,  <unfinished ...>) = ?",
        "+++ killed by SIGKILL +++"]


def test_unfinished_read_leaves_out_the_buffer_it_waits_for() -> None:
    # a trace that carries GIO records: the buffer would have come with one
    assert decode([emul(), c(WRITE, 1, 0x2000, 2), gio(b"hi", 1, 1),
                   r(WRITE, 2), c(READ, 0, 0x1000, 4096), psig(9)]) == [
        'write(1, "hi", 2) = 2',
        "read(0,  <unfinished ...>) = ?",
        "+++ killed by SIGKILL +++"]


def test_end_of_trace_leaves_a_call_unfinished() -> None:
    assert decode([emul(), c(GETPID), r(GETPID, P), c(READ, 0, 0x1000, 10)]) == [
        "getpid() = %d" % P,
        "read(0,  <unfinished ...>"]


def test_handler_signal_inside_a_call_splits_it() -> None:
    assert decode([emul(), c(NANOSLEEP, 0x1000, 0), psig(15, 0x4000),
                   r(NANOSLEEP, -4, -4), c(EXIT_GROUP, 1)]) == [
        "nanosleep(0x1000,  <unfinished ...>",
        "--- SIGTERM ---",
        "<... nanosleep resumed>NULL) = -1 EINTR (Interrupted system call)",
        "exit_group(1) = ?",
        "+++ exited with 1 +++"]


# --- threads ---------------------------------------------------------------

def test_interleaved_calls_split_only_when_another_line_comes_between() -> None:
    assert decode([
        emul(),
        c(GETPID, lid=P), c(GETPID, lid=T), r(GETPID, P, lid=P),
        r(GETPID, P, lid=T),                    # no line between: both whole
        c(READ, 0, 0x1000, 16, lid=T),
        c(WRITE, 1, 0x2000, 1, lid=P), gio(b"x", 1, 1, lid=P), r(WRITE, 1, lid=P),
        gio(b"abc", 0, 0, lid=T), r(READ, 3, lid=T),
    ]) == [
        "getpid() = %d" % P,        # one thread seen yet: no prefix
        "[pid  %d] getpid() = %d" % (T, P),
        "[pid  %d] read(0,  <unfinished ...>" % T,
        '[pid  %d] write(1, "x", 1) = 1' % P,
        '[pid  %d] <... read resumed>"abc", 16) = 3' % T]


def test_exit_group_cuts_the_other_threads_before_the_exit_line() -> None:
    assert decode([emul(), c(GETPID), r(GETPID, P),
                   c(READ, 0, 0x1000, 16, lid=T), c(EXIT_GROUP, 3)]) == [
        "getpid() = %d" % P,
        "[pid  %d] read(0,  <unfinished ...>" % T,
        "[pid  %d] exit_group(3) = ?" % P,
        "[pid  %d] <... read resumed> <unfinished ...>) = ?" % T,
        "[pid  %d] +++ exited with 3 +++" % T,
        "+++ exited with 3 +++"]      # the last thread traced: no prefix


def test_kill_cuts_every_thread_whole_lines_first() -> None:
    assert decode([emul(), c(GETPID), r(GETPID, P),
                   c(READ, 0, 0x1000, 16, lid=T), c(GETPID, lid=P),
                   r(GETPID, P, lid=P),        # splits T's read
                   c(READ, 3, 0x3000, 16, lid=P), psig(9, lid=P)]) == [
        "getpid() = %d" % P,
        "[pid  %d] read(0,  <unfinished ...>" % T,
        "[pid  %d] getpid() = %d" % (P, P),
        "[pid  %d] read(3,  <unfinished ...>) = ?" % P,
        "[pid  %d] <... read resumed> <unfinished ...>) = ?" % T,
        "[pid  %d] +++ killed by SIGKILL +++" % T,
        "+++ killed by SIGKILL +++"]


def test_thread_exit_ends_only_that_thread() -> None:
    assert decode([emul(), c(GETPID), r(GETPID, P),
                   c(READ, 0, 0x1000, 16, lid=P), c(EXIT, 0, lid=T),
                   r(READ, 0, lid=P)]) == [
        "getpid() = %d" % P,
        "read(0,  <unfinished ...>",
        "[pid  %d] exit(0) = ?" % T,
        "[pid  %d] +++ exited with 0 +++" % T,
        '<... read resumed>"", 16) = 0']     # it read nothing: strace's ""


def test_exec_in_leader_ends_the_other_threads() -> None:
    assert decode([
        emul(), c(GETPID), r(GETPID, P),
        c(READ, 0, 0x1000, 16, lid=T),
        c(EXECVE, 0x10, 0x20, 0x30), rec(3, b"/bin/true", pid=P, lid=P),
        rec(3, b"/lib64/ld-linux-x86-64.so.2", pid=P, lid=P), emul(),
        r(EXECVE, 0, EJUSTRETURN), c(EXIT_GROUP, 0)]) == [
        "getpid() = %d" % P,
        "[pid  %d] read(0,  <unfinished ...>) = ?" % T,
        '[pid  %d] execve("/bin/true", 0x20, 0x30 <unfinished ...>' % P,
        "[pid  %d] +++ exited with 0 +++" % T,
        "<... execve resumed>) = 0",
        "exit_group(0) = ?",
        "+++ exited with 0 +++"]


def launch() -> list:
    """The start of a pyktrace trace with ARG records: the first exec."""
    return [c(EXECVE, 0x10, 0x20, 0x30), rec(3, b"./prog", pid=P, lid=P),
            rec(10, b"prog\0", pid=P, lid=P), emul(), r(EXECVE, 0, EJUSTRETURN)]


def test_exec_in_another_thread_supersedes_the_leader() -> None:
    # pyktrace: after a non-leader exec, the records carry the leader's id
    assert decode(launch() + [
        c(READ, 0, 0x1000, 16, lid=P), c(GETPID, lid=T), r(GETPID, P, lid=T),
        c(EXECVE, 0x10, 0x20, 0x30, lid=T), rec(3, b"/bin/true", pid=P, lid=T),
        rec(3, b"/lib64/ld-linux-x86-64.so.2", pid=P, lid=P),
        rec(10, b"true\0", pid=P, lid=P), emul(),
        r(EXECVE, 0, EJUSTRETURN), c(EXIT_GROUP, 0)]) == [
        'execve("./prog", ["prog"], 0x30) = 0',
        "read(0,  <unfinished ...>",
        "[pid  %d] getpid() = %d" % (T, P),
        '[pid  %d] execve("/bin/true",  <unfinished ...>' % T,
        "[pid  %d] <... read resumed> <unfinished ...>) = ?" % P,
        # strace drops the exec'ing thread before this line: one is left
        "+++ superseded by execve in pid %d +++" % T,
        '<... execve resumed>["true"], 0x30) = 0',
        "exit_group(0) = ?",
        "+++ exited with 0 +++"]


def test_exec_in_another_thread_with_nothing_between() -> None:
    # the leader's read is still unwritten: it is cut whole
    assert decode(launch() + [
        c(READ, 0, 0x1000, 16, lid=P),
        c(EXECVE, 0x10, 0x20, 0x30, lid=T), rec(3, b"/bin/true", pid=P, lid=T),
        emul(), r(EXECVE, 0, EJUSTRETURN)]) == [
        'execve("./prog", ["prog"], 0x30) = 0',
        "read(0,  <unfinished ...>) = ?",
        '[pid  %d] execve("/bin/true",  <unfinished ...>' % T,
        "+++ superseded by execve in pid %d +++" % T,
        "<... execve resumed>0x20, 0x30) = 0"]


def test_failed_exec_ends_nothing() -> None:
    # ENOENT is -2 in the record, as EJUSTRETURN; retval tells them apart
    assert decode([emul(), c(GETPID), r(GETPID, P),
                   c(READ, 0, 0x1000, 16, lid=T),
                   c(EXECVE, 0x10, 0x20, 0x30), rec(3, b"/nope", pid=P, lid=P),
                   r(EXECVE, -2, -2), r(READ, 0, lid=T)]) == [
        "getpid() = %d" % P,
        "[pid  %d] read(0,  <unfinished ...>" % T,
        '[pid  %d] execve("/nope", 0x20, 0x30) = -1 ENOENT (No such file or directory)' % P,
        '[pid  %d] <... read resumed>"", 16) = 0' % T]


def test_netbsd_exit_ends_the_process_lwp_exit_the_lwp() -> None:
    nb = [rec(7, b"netbsd", pid=P, lid=1)]
    # NetBSD: 3 read, 1 exit, 310 _lwp_exit
    assert decode(nb + [
        rec(1, call(A, 3, 0, 0x1000, 16), pid=P, lid=2),
        rec(1, call(A, 310), pid=P, lid=3),
        rec(1, call(A, 1, 2), pid=P, lid=1)]) == [
        "[pid     2] read(0, 0x1000, 16 <unfinished ...>",
        "[pid     3] _lwp_exit() = ?",
        "[pid     1] exit(2) = ?",
        "[pid     2] <... read resumed> <unfinished ...>) = ?",
        "[pid     2] +++ exited with 2 +++",
        "+++ exited with 2 +++"]


def test_streaming_lines_come_with_their_records() -> None:
    """A finished call is written at its RET, not at the end, and the
    decoder keeps only the calls in flight."""
    records = read_all(trace([emul()] + [x for i in range(200) for x in (
        c(GETPID, lid=P + i % 3), r(GETPID, P, lid=P + i % 3))]))
    out: list[str] = []
    face = Face(Options(), A)
    face.out = out
    decoder = Decoder(face, out)
    for n, record in enumerate(records):
        facts = decoder.render(record)
        if facts is not None:
            decoder.take(record, facts)
        if n and record.type == 2:
            assert out[-1].endswith("getpid() = %d\n" % P)
        assert len(decoder._open) <= 1
    assert len(out) == 200


# --- real programs -----------------------------------------------------------

@pytest.fixture(scope="module")
def prog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_tracer_basic import compile_c
    return compile_c(tmp_path_factory.mktemp("cbin"), "decode_cut")


def traced(tmp: Path, prog: Path, mode: str, rc: int = 0) -> list[str]:
    out = tmp / (mode + ".out")
    p = subprocess.run([str(BIN / "pyktrace"), "-f", str(out), str(prog), mode],
                       capture_output=True, timeout=120)
    if p.returncode != rc and not out.exists():
        pytest.skip("pyktrace cannot trace here: " + p.stderr.decode()[-200:])
    assert p.returncode == rc, p.stderr.decode()
    return pykdump_decode(out)


def pykdump_decode(path: Path) -> list[str]:
    p = subprocess.run([str(BIN / "pykdump"), "--decode", str(path)],
                       capture_output=True, timeout=120)
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    return p.stdout.decode().splitlines()


def first(lines: list[str], pred, after: int = -1) -> int:
    return next(i for i, ln in enumerate(lines) if i > after and pred(ln))


def reader_tid(lines: list[str]) -> str:
    """The ``[pid  N] `` prefix of the thread that blocked in read."""
    ln = next(ln for ln in lines if ln.endswith("read(3,  <unfinished ...>"))
    return ln[:ln.index("read(")]


def main_tid(lines: list[str]) -> str:
    """The ``[pid  N] `` prefix of the main thread (strace -f's: the lines
    of a process with two threads traced all have one)."""
    ln = next(ln for ln in lines if ln.startswith("set_tid_address("))
    return "[pid %5u] " % int(ln.rsplit(" = ", 1)[1])


def bare(ln: str) -> str:
    return ln[ln.index("] ") + 2:] if ln.startswith("[pid ") else ln


def test_real_data_arrives_in_the_resumed_line(tmp_path: Path, prog: Path) -> None:
    lines = traced(tmp_path, prog, "data")
    who = reader_tid(lines)
    start = lines.index(who + "read(3,  <unfinished ...>")
    done = lines.index(who + '<... read resumed>"hello\\n", 16) = 6')
    wrote = first(lines, lambda ln: bare(ln).startswith(
        ("write(4,", "<... write resumed>")) and ln.endswith(" = 6"))
    assert start < wrote and start < done
    assert lines[-2:] == ["exit_group(0) = ?", "+++ exited with 0 +++"]


def test_real_exit_group_cuts_the_blocked_reader(tmp_path: Path, prog: Path) -> None:
    lines = traced(tmp_path, prog, "exit", rc=3)
    who = reader_tid(lines)
    assert lines[-4:] == [
        main_tid(lines) + "exit_group(3) = ?",
        who + "<... read resumed> <unfinished ...>) = ?",
        who + "+++ exited with 3 +++",
        "+++ exited with 3 +++"]
    assert lines.index(who + "read(3,  <unfinished ...>") < len(lines) - 4


def test_real_exec_in_leader_ends_the_reader(tmp_path: Path, prog: Path) -> None:
    lines = traced(tmp_path, prog, "exec")
    who = reader_tid(lines)
    i = first(lines, lambda ln: ln.startswith(main_tid(lines) + 'execve("/bin/true", ')
              and ln.endswith(" <unfinished ...>"), 1)
    assert lines[i + 1:i + 4] == [
        who + "<... read resumed> <unfinished ...>) = ?",
        who + "+++ exited with 0 +++",
        "<... execve resumed>) = 0"]
    assert lines[-2:] == ["exit_group(0) = ?", "+++ exited with 0 +++"]


def test_real_exec_in_a_thread_supersedes_the_leader(tmp_path: Path,
                                                      prog: Path) -> None:
    lines = traced(tmp_path, prog, "threadexec")
    main = main_tid(lines)
    # (its prefix is the one of its CALL: whether the new thread's first
    # record came before it is the scheduler's)
    start = first(lines, lambda ln: ln in (main + "read(3,  <unfinished ...>",
                                           "read(3,  <unfinished ...>"))
    i = first(lines, lambda ln: 'execve("/bin/true", ' in ln, 1)
    execer = lines[i][:lines[i].index("execve(")]
    assert execer.startswith("[pid ") and lines[i].endswith(" <unfinished ...>")
    assert start < i
    assert lines[i + 1:i + 4] == [
        main + "<... read resumed> <unfinished ...>) = ?",
        "+++ superseded by execve in pid %s +++" % execer[5:-2].strip(),
        "<... execve resumed>) = 0"]
    assert lines[-2:] == ["exit_group(0) = ?", "+++ exited with 0 +++"]


def test_real_sigkill_in_read(tmp_path: Path, prog: Path) -> None:
    out = tmp_path / "kill.out"
    p = subprocess.Popen([str(BIN / "pyktrace"), "-f", str(out), str(prog), "kill"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        head = p.stdout.readline()
        if not head:
            pytest.skip("pyktrace cannot trace here: " + p.stderr.read().decode()[-200:])
        pid = int(head)

        def in_read(tid: str) -> bool:
            try:
                sc = Path(f"/proc/{pid}/task/{tid}/syscall").read_text()
                st = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
            except OSError:
                return False
            return sc.split()[0] == "0" and st[st.rindex(")") + 2] == "S"

        end = time.monotonic() + 60
        while True:         # both threads asleep inside read(2)
            tids = os.listdir(f"/proc/{pid}/task")
            if len(tids) == 2 and all(in_read(t) for t in tids):
                break
            assert time.monotonic() < end, "the program never blocked"
            time.sleep(0.01)
        os.kill(pid, signal.SIGKILL)
        assert p.wait(timeout=60) == -signal.SIGKILL
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        p.stdout.close()
        p.stderr.close()
    lines = pykdump_decode(out)
    who = reader_tid(lines)
    # main's read keeps the prefix of its CALL: none if the reader's first
    # record came after it (the thread clone3 made is known from there)
    assert lines[-4] in (main_tid(lines) + "read(3,  <unfinished ...>) = ?",
                         "read(3,  <unfinished ...>) = ?")
    assert lines[-3:] == [
        who + "<... read resumed> <unfinished ...>) = ?",
        who + "+++ killed by SIGKILL +++",
        "+++ killed by SIGKILL +++"]


# --- NetBSD's own prototypes and constants for netbsd records ---------------

NB = {"open": 5, "kill": 37, "fcntl": 92, "mmap": 197, "lseek": 199,
      "sigprocmask": 293, "socket": 394, "read": 3}


def nb(abi, code: int, *args: int, **kw) -> object:
    return rec(1, call(abi, code, *args), **kw)


def nbret(abi, code: int, retval: int = 0, **kw) -> object:
    return rec(2, ret(abi, code, retval=retval), **kw)


def decode_abi(records: list, abi) -> list[str]:
    out, err = io.BytesIO(), io.StringIO()
    status = dump(io.BytesIO(trace(records, abi)), out, Options(), "t",
                  err=err, mode="decode")
    assert status == 0 and err.getvalue() == "", err.getvalue()
    return out.getvalue().decode().splitlines()


def test_netbsd_open_flags_are_netbsd_s() -> None:
    # the reviewer's case: 0x601 is O_WRONLY|O_CREAT|O_TRUNC on NetBSD
    # (Linux would read O_WRONLY|O_TRUNC|O_APPEND); signal 30 is SIGUSR1
    assert decode([
        nb(A, NB["open"], 0x1000, 0x601, 0o644), rec(3, b"/tmp/x"),
        nbret(A, NB["open"], 3),
        nb(A, NB["open"], 0x1000, 0x400000, 0x4806),  # no O_CREAT: no mode
        rec(3, b"/etc/motd"), nbret(A, NB["open"], 4),
        nb(A, NB["kill"], 5, 30), nbret(A, NB["kill"])]) == [
        'open("/tmp/x", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3',
        'open("/etc/motd", O_RDONLY|O_CLOEXEC) = 4',
        "kill(5, SIGUSR1) = 0"]


def test_netbsd_amd64_records_pad_and_constants() -> None:
    # numbers named alike in every table revision since 2008
    assert decode([
        nb(A, NB["mmap"], 0, 0x8000, 3, 0x1002, -1, 0, 0x2000),
        nbret(A, NB["mmap"], 0x7f7ff7e00000),
        nb(A, NB["fcntl"], 5, 4, 0x4), nbret(A, NB["fcntl"]),
        nb(A, NB["socket"], 24, 0x10000002, 0), nbret(A, NB["socket"], 6),
        nb(A, NB["sigprocmask"], 3, 0x4000, 0), nbret(A, NB["sigprocmask"]),
        nb(A, 600, 3, 0x5000), nbret(A, 600)]) == [
        "mmap(NULL, 32768, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1,"
        " 8192) = 0x7f7ff7e00000",
        "fcntl(5, F_SETFL, O_RDONLY|O_NONBLOCK) = 0",
        "__socket30(AF_INET6, SOCK_DGRAM|SOCK_CLOEXEC, 0) = 6",
        "__sigprocmask14(SIG_SETMASK, 0x4000, NULL) = 0",
        # a number the name table lacks: no prototype, kdump's numbers
        "syscall_600(3, 0x5000) = 0"]


def nbargs(name: str, *args: int, paths: tuple[bytes, ...] = ()) -> str:
    """The arguments of NetBSD call ``name`` as --decode shows them."""
    from ktrace.dump.decode import _Call
    decoder = Decoder(Face(Options(), A), [])
    call = _Call(name, [a & (1 << 64) - 1 for a in args], (1, 1), 1, False,
                 paths=list(paths))
    return ", ".join(decoder.arguments(call)[0])


def test_netbsd_constants_by_prototype() -> None:
    # also names of newer tables than the one kdump's numbers come from here
    assert nbargs("openat", -100, 0x2000, 0x200 | 0x200000, 0o755,
                  paths=(b"/d",)) == 'AT_FDCWD, "/d", O_RDONLY|O_CREAT|O_DIRECTORY, 0755'
    assert nbargs("fstatat", 3, 0x2000, 0x3000, 0x200, paths=(b"x",)) == \
        '3, "x", 0x3000, AT_SYMLINK_NOFOLLOW'
    assert nbargs("faccessat", -100, 0x2000, 6, 0x100, paths=(b"x",)) == \
        'AT_FDCWD, "x", R_OK|W_OK, AT_EACCESS'
    assert nbargs("__wait450", -1, 0x3000, 0x11, 0) == \
        "-1, 0x3000, WNOHANG|WCONTINUED, NULL"
    assert nbargs("compat_50_wait4", 12, 0x3000, 0, 0) == "12, 0x3000, 0, NULL"
    assert nbargs("access", 0x1000, 0, paths=(b"/x",)) == '"/x", F_OK'
    assert nbargs("mprotect", 0x1000, 4096, 0) == "0x1000, 4096, PROT_NONE"
    assert nbargs("shutdown", 3, 2) == "3, SHUT_RDWR"
    assert nbargs("flock", 3, 2 | 4) == "3, LOCK_EX|LOCK_NB"
    assert nbargs("_lwp_kill", 2, 15) == "2, SIGTERM"
    assert nbargs("symlink", 0x1000, 0x2000, paths=(b"/new",)) == \
        '0x1000, "/new"'                # only the link is looked up
    assert nbargs("__posix_rename", 0x1000, 0x2000, paths=(b"/a", b"/b")) == \
        '"/a", "/b"'
    assert nbargs("ioctl", 1, 0x40087468, 0x7000) == "1, TIOCGWINSZ, 0x7000"
    assert nbargs("setsockopt", 3, 0xFFFF, 4, 0x5000, 4) == \
        "3, SOL_SOCKET, SO_REUSEADDR, 0x5000, 4"
    assert nbargs("umask", 0o22) == "022"
    assert nbargs("setuid", -1) == "-1"


def test_netbsd_i386_off_t_takes_two_slots() -> None:
    from ktrace.format import I386
    lines = decode_abi([
        nb(I386, NB["lseek"], 3, 0, 0, 1, 2), nbret(I386, NB["lseek"], 0),
        nb(I386, NB["mmap"], 0, 0x2000, 3, 0x12, 4, 0, 0x15000, 0),
        nbret(I386, NB["mmap"], 0x48082000),
        # a slot count the prototype does not explain: kdump's numbers
        nb(I386, NB["mmap"], 0, 0x2000, 3, 0x12, 4, 0),
        nbret(I386, NB["mmap"], 0x48082000)], I386)
    assert lines == [
        "lseek(3, 4294967296, SEEK_END) = 0",
        "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED, 4, 86016)"
        " = 0x48082000",
        "mmap(0, 0x2000, 3, 0x12, 4, 0) = 0x48082000"]


def test_netbsd_fixture_is_decoded_with_netbsd_constants() -> None:
    from test_kdump_cli import FIXTURE
    lines = pykdump_decode(FIXTURE)
    assert lines[1:3] == [
        "mmap(NULL, 32768, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS,"
        " -1, 0) = 0x48064000",
        'open("/etc/ld.so.conf", O_RDONLY) = 4']
    assert ("mmap(0x48082000, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED,"
            " 4, 86016) = 0x48082000") in lines
    assert 'open("/dev/null", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4' in lines
    assert "fcntl(5, F_SETFD, FD_CLOEXEC) = 0" in lines
    assert "__sigaction_sigtramp(SIGHUP, 0xbfbff56c, 0xbfbff554, 0x480d94d8, 2)" \
        " = 0" in lines
    assert "__sigprocmask14(SIG_BLOCK, 0xbfbfec74, 0xbfbfec84) = 0" in lines
    assert "ioctl(0, TIOCGWINSZ, 0xbfbfec1c) = 0" in lines
    assert any(ln.startswith('pread(5, "') and ln.endswith(
        '..., 4096, 1286144) = 4096') for ln in lines)
    assert lines[-2:] == ["exit(0) = ?", "+++ exited with 0 +++"]
    # nothing of Linux's: no python-ptrace octal, no Linux-only names
    assert not any("0o" in ln or "O_LARGEFILE" in ln or "MAP_DENYWRITE" in ln
                   for ln in lines)


def test_ret_of_another_call_does_not_complete_an_open_one() -> None:
    # an exec's RET whose CALL is not in the trace (-t without c, or lost)
    assert decode([emul(), c(GETPID), r(GETPID, P),
                   c(READ, 0, 0x1000, 16), r(EXECVE, 0, EJUSTRETURN),
                   r(READ, 5)]) == [
        "getpid() = %d" % P,
        "read(0,  <unfinished ...>",
        "<... execve resumed>) = 0",
        "<... read resumed>0x1000, 16) = 5"]


def test_linux_futex_and_modes_as_strace_shows_them(tmp_path: Path) -> None:
    """futex's arguments by operation (strace's futex.c), modes in octal,
    open's mode only with O_CREAT: the lines strace writes for the same
    program, addresses aside."""
    import re
    import shutil
    from test_tracer_basic import compile_c
    if shutil.which("strace") is None:
        pytest.skip("no strace here")
    exe = compile_c(tmp_path, "linuxargs")
    st = tmp_path / "st"
    subprocess.run(["strace", "-o", str(st), str(exe)], cwd=tmp_path, check=True,
                   timeout=60)
    out = tmp_path / "k.out"
    subprocess.run([str(BIN / "pyktrace"), "-f", str(out), str(exe)],
                   cwd=tmp_path, check=True, timeout=60)
    wanted = re.compile(r"(\[pid +\d+\] )?(futex|open|openat|mkdir|chmod)\(.*linuxargs|"
                        r"(futex|clone)\(")

    def lines(text: str) -> list[str]:
        keep = [re.sub(r" +=", " =", ln) for ln in text.splitlines()
                if wanted.match(ln)]
        keep = [re.sub(r"^(clone\(.*\)) = \d+$", r"\1 = PID", ln) for ln in keep]
        return [re.sub(r"0x[0-9a-f]{6,}", "ADDR", ln) for ln in keep]

    ours = lines("\n".join(pykdump_decode(out)))
    theirs = lines(st.read_text())
    assert len(theirs) == 14 and ours == theirs


#: calls of strace_args.c whose strace line shows memory a trace lacks
#: (structures, the fds of pipe2 and socketpair) or a result it does not
#: keep (rt_sigreturn's)
_MEMORY = re.compile(r"^(rt_sigaction\(SIG(USR1|CHLD),|(rt_sigqueueinfo|"
                     r"rt_sigreturn|clock_nanosleep|pipe2|socketpair)\()|"
                     r"--- SIGCHLD .*si_code=CLD_KILLED")


def _strace_lines(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """strace -f (stderr form) or --decode lines, normalised: no column
    padding, pids and addresses masked, clock ticks masked; and each
    thread's lines with its split calls joined (their interleaving is the
    scheduler's)."""
    pids = set(re.findall(r"^\[pid +(\d+)\]", text, re.M))
    pids |= set(re.findall(r"^(?:\[pid +\d+\] )?(?:getpid|clone)\(.*\) += (\d+)$",
                           text, re.M))
    main = re.search(r"^getpid\(\) += (\d+)$", text, re.M).group(1)
    lines, threads, pending, live = [], {}, {}, {}
    for ln in text.splitlines():
        ln = re.sub(r"\) +=( |$)", r") =\1", ln)
        ln = re.sub(r"0x[0-9a-f]{6,}", "ADDR", ln)
        ln = re.sub(r"(si_[us]time=)\d+( /\* [^*]+ \*/)?", r"\1T", ln)
        m = re.match(r"\[pid +(\d+)\] (.*)", ln)
        tid, body = (m.group(1), m.group(2)) if m else ("", ln)
        if tid:
            live[tid] = None
            if body.startswith("+++"):
                del live[tid]
        else:                       # the thread left alone, or the first
            tid = next(iter(live)) if len(live) == 1 else main
        for pid in pids:
            body = re.sub(r"\b%s\b" % pid, "PID", body)
        lines.append(("P " if m else "- ") + body)
        if body.endswith(" <unfinished ...>") and not body.startswith("<..."):
            pending[tid] = body[:-len(" <unfinished ...>")]
            continue
        r = re.match(r"<\.\.\. \w+ resumed>(.*)", body)
        if r and pending.get(tid):
            body = pending.pop(tid) + r.group(1)
        threads.setdefault("main" if tid == main else tid, []).append(body)
    return lines, threads


def test_linux_arguments_and_lines_as_strace_shows_them(tmp_path: Path) -> None:
    """tests/c/strace_args.c under strace -f and under pyktrace -i: the
    same lines, memory aside (signal names, ioctl requests, AT_FDCWD and
    the AT_* flags, statx, sockets, MSG_*, whence, fcntl, prlimit64, clock
    ids, wait4 options, access modes, flags of pipe2/dup3/epoll/eventfd,
    mmap offsets, "" for empty reads; a siginfo, a restart, a
    restart_syscall, a fatal signal, [pid N] prefixes)."""
    import shutil
    from test_tracer_basic import compile_c
    if shutil.which("strace") is None:
        pytest.skip("no strace here")
    exe = compile_c(tmp_path, "strace_args")
    st = subprocess.run(["strace", "-f", "-q", str(exe)], cwd=tmp_path,
                        capture_output=True, text=True, timeout=60)
    assert st.returncode == 0, st.stderr[-500:]
    out = tmp_path / "k.out"
    subprocess.run([str(BIN / "pyktrace"), "-i", "-f", str(out), str(exe)],
                   cwd=tmp_path, check=True, timeout=60)
    theirs, their_threads = _strace_lines(st.stderr)
    ours, our_threads = _strace_lines("\n".join(pykdump_decode(out)))

    def phase(lines: list[str]) -> list[str]:
        """main's own lines, from getpid() to the first fork."""
        start = lines.index("getpid() = PID")
        end = next(i for i, ln in enumerate(lines) if ln.startswith("clone("))
        return [ln for ln in lines[start:end] if not _MEMORY.search(ln)]

    assert phase(our_threads["main"]) == phase(their_threads["main"])
    assert len(phase(our_threads["main"])) > 45
    # one process: no prefixes
    assert all(ln.startswith("- ") for ln in ours[:ours.index("- clone(" + next(
        ln for ln in our_threads["main"] if ln.startswith("clone("))[6:])])
    # the lines of the children's phase each output has, whatever the order
    wanted = ("read(3, ADDR, 1) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)",
              "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID, si_uid=0} ---",
              "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=PID, si_uid=0, "
              "si_int=7, si_ptr=0x7} ---",
              "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=PID, si_uid=0, "
              "si_status=0, si_utime=T, si_stime=T} ---",
              "clock_nanosleep(CLOCK_REALTIME, 0, ADDR, NULL) = ? ERESTART_RESTARTBLOCK "
              "(Interrupted by signal)",
              "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0",
              "kill(PID, SIGTERM) = 0",
              "--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=PID, si_uid=0} ---",
              "+++ killed by SIGTERM +++")
    for threads in (their_threads, our_threads):
        joined = [ln.replace("{tv_sec=0, tv_nsec=200000000}", "ADDR")
                  for t in threads.values() for ln in t]
        assert [w for w in wanted if w not in joined] == []
    # [pid N] while a child lives, none when the process is alone again
    for lines in (theirs, ours):
        assert "P +++ killed by SIGTERM +++" in lines
        assert lines[-2:] == ["- exit_group(0) = ?", "- +++ exited with 0 +++"]
        assert "- restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0" \
            in lines


def test_linux_futex_op_names() -> None:
    from ktrace.dump.linux_args import file_mode, futex_op
    assert futex_op(0x189) == "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME"
    assert futex_op(0x82) == "FUTEX_FD|FUTEX_PRIVATE_FLAG"
    assert futex_op(0x101) == "0x101 /* FUTEX_??? */"      # only the waits
    assert futex_op(14) == "0xe /* FUTEX_??? */"
    assert file_mode("mknodat", 0o20600) == "S_IFCHR|0600"
    assert file_mode("mkdir", 7) == "007" and file_mode("chmod", 0) == "000"


def test_netbsd_review_cases() -> None:
    # slots that do not fit the prototype: kdump's numbers, unsigned as it
    # prints them (never "0x-1")
    assert decode([nb(A, NB["read"], -1, 0x1000), nbret(A, NB["read"])]) == [
        "read(0xffffffffffffffff, 0x1000) = 0"]
    # machine-dependent ptrace requests by amd64's PT_MACHDEP_STRINGS, as the
    # kdump face names them; faccessat's mode keeps every bit
    assert nbargs("ptrace", 32, 7, 0, 0).startswith("PT_STEP, ")
    assert nbargs("faccessat", -100, 0x2000, 0x4 | 0x10, 0, paths=(b"f",)) \
        .startswith('AT_FDCWD, "f", R_OK|0x10')


def test_live_pipe_shows_a_call_in_progress() -> None:
    """From a live pipe, a call whose RET has not come yet is shown when
    the input stalls (``read(0, <unfinished ...>``), as strace shows a call
    when it starts, and ends as ``<... read resumed>`` at its RET."""
    import threading
    head = trace([emul(), c(GETPID), r(GETPID, 1234), c(READ, 0, 0x1000, 16)])
    tail = trace([gio(b"hello\n"), r(READ, 6)])
    proc = subprocess.Popen([str(BIN / "pykdump"), "--decode", "-f", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    watchdog = threading.Timer(60, proc.kill)      # a hang fails, not stalls
    watchdog.start()
    try:
        proc.stdin.write(head)
        proc.stdin.flush()
        assert proc.stdout.readline() == b"getpid() = 1234\n"
        # as strace's: up to the buffer read fills in
        assert proc.stdout.readline() == b"read(0,  <unfinished ...>\n"
        proc.stdin.write(tail)
        proc.stdin.close()
        assert proc.stdout.read() == b'<... read resumed>"hello\\n", 16) = 6\n'
        assert proc.wait() == 0
    finally:
        watchdog.cancel()
        proc.kill()
        proc.wait()


def test_strings_escape_as_strace_does() -> None:
    from ktrace.dump.decode import quote
    # an octal escape before a digit takes three digits (strace's rule):
    # "\12" would read back as a newline
    assert quote(bytes([1, 0x32, 0, 0x37, 0x78, 0x1B, 0x5B, 0x30, 0x6D, 0x7F,
                        0x80, 0xFF])) == '"\\0012\\0007x\\33[0m\\177\\200\\377"'
    assert quote(b"a\nb\0c\x009") == '"a\\nb\\0c\\0009"'
    assert quote(b"x" * 33) == '"' + "x" * 32 + '"...'


def test_one_huge_write_is_not_held() -> None:
    """A call's line shows 32 bytes of its data: 16 MiB of GIO records of
    one write are not kept while the call is in flight."""
    import tracemalloc
    chunk = bytes(range(256)) * 16                       # 4 KiB
    data = trace([emul(), c(WRITE, 1, 0x1000, 4096 * 4096)]
                 + [gio(chunk, fd=1, rw=1)] * 4096 + [r(WRITE, 4096 * 4096)])
    out, err = io.BytesIO(), io.StringIO()
    tracemalloc.start()
    status = dump(io.BytesIO(data), out, Options(), "t", err=err, mode="decode")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert status == 0 and out.getvalue().startswith(b'write(1, "\\0\\1\\2')
    assert peak < 4 << 20, peak


def test_errors_only_does_not_hold_a_huge_write() -> None:
    import tracemalloc
    chunk = bytes(4096)
    data = trace([emul(), c(WRITE, 1, 0x1000, 4096 * 4096)]
                 + [gio(chunk, fd=1, rw=1)] * 4096 + [r(WRITE, 4096 * 4096),
                    c(READ, 9, 0x1000, 1), r(READ, 9, error=-9)])
    for mode in ("kdump", "decode", "json"):
        out, err = io.BytesIO(), io.StringIO()
        tracemalloc.start()
        status = dump(io.BytesIO(data), out, Options(), "t", err=err, mode=mode,
                      filters=Filters(errors_only=True))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert status == 0 and b"write" not in out.getvalue(), mode
        assert b"read" in out.getvalue() and peak < 4 << 20, (mode, peak)


# --- strace's line shapes, on synthetic records ----------------------------

TGKILL, KILL, RESTART_SYSCALL, CLOCK_NANOSLEEP, RT_SIGRETURN = 234, 62, 219, 230, 15
#: NetBSD's numbers in pyktrace's PSIG records, and si_code values
NB_SIGUSR1, NB_SIGCHLD, NB_SIGSEGV, NB_SIGTERM, NB_SIGKILL = 30, 20, 11, 15, 9


def psig_info(signo: int, action: int, code: int, reason: bytes,
              lid: int = P, errno_: int = 0) -> object:
    """A PSIG record with a NetBSD-layout siginfo, as pyktrace writes one."""
    return rec(5, L.psig.pack(signo, action, 0, 0, 0, 0, code)
               + L.siginfo.pack(signo, code, errno_, reason), pid=P, lid=lid)


def test_prefixes_while_two_threads_are_traced() -> None:
    # strace -f: "[pid %5u] " on every line while it traces two threads or
    # more; a call's line takes it when the call starts
    assert decode([emul(), c(GETPID), r(GETPID, P),
                   c(GETPID, lid=T), r(GETPID, P, lid=T),
                   c(GETPID), r(GETPID, P),
                   c(EXIT, 0, lid=T), c(GETPID), r(GETPID, P),
                   c(EXIT_GROUP, 0)]) == [
        "getpid() = %d" % P,
        "[pid  %d] getpid() = %d" % (T, P),
        "[pid  %d] getpid() = %d" % (P, P),
        "[pid  %d] exit(0) = ?" % T,
        "[pid  %d] +++ exited with 0 +++" % T,
        "getpid() = %d" % P,                    # alone again
        "exit_group(0) = ?",
        "+++ exited with 0 +++"]
    # a thread clone made is counted from clone's return, as strace has it
    # attached by then (CLONE_VM|CLONE_THREAD...)
    assert decode([emul(), c(56, 0x3d0f00, 0x7000, 0x8000, 0x9000, 0xA000),
                   r(56, T), c(GETPID), r(GETPID, P)])[1] == \
        "[pid  %d] getpid() = %d" % (P, P)
    assert decode([emul(lid=123456, pid=123456), c(GETPID, lid=123456, pid=123456),
                   c(GETPID, lid=1234567, pid=123456),
                   r(GETPID, 1, lid=1234567, pid=123456)])[1] == \
        "[pid 1234567] getpid() = 1"            # wider than %5u


def test_cut_calls_say_unfinished_only_when_strace_had_more_to_print() -> None:
    # a call decoded whole at entry: "= ?" right after its arguments
    assert decode([emul(), c(TGKILL, P, P, 9), psig(NB_SIGKILL)]) == [
        "tgkill(%d, %d, SIGKILL) = ?" % (P, P), "+++ killed by SIGKILL +++"]
    # split before, then cut: the same rule on the resumed part
    assert decode([emul(), c(KILL, T, 15), c(GETPID, lid=T), r(GETPID, P, lid=T),
                   c(READ, 0, 0x1000, 8, lid=T), psig(NB_SIGKILL)]) == [
        "kill(%d, SIGTERM <unfinished ...>" % T,
        "[pid  %d] getpid() = %d" % (T, P),
        "[pid  %d] read(0,  <unfinished ...>) = ?" % T,    # unwritten: whole
        "[pid  %d] <... kill resumed>) = ?" % P,
        "[pid  %d] +++ killed by SIGKILL +++" % T,
        "+++ killed by SIGKILL +++"]
    # poll's decoder prints revents at the return: <unfinished ...>
    assert decode([emul(), c(7, 0x1000, 1, -1), psig(NB_SIGKILL)])[0] == \
        "poll(0x1000, 1, -1 <unfinished ...>) = ?"


def test_restart_texts_are_strace_s() -> None:
    texts = {512: "ERESTARTSYS (To be restarted if SA_RESTART is set)",
             513: "ERESTARTNOINTR (To be restarted)",
             514: "ERESTARTNOHAND (To be restarted if no handler)",
             516: "ERESTART_RESTARTBLOCK (Interrupted by signal)"}
    for code, text in texts.items():
        assert decode([emul(), c(READ, 0, 0x1000, 4),
                       r(READ, -code, -3)]) == ["read(0, 0x1000, 4) = ? " + text]
    # the EINTR pyktrace records when a handler ends the call: strace saw
    # the restart code at the call's return
    assert decode([emul(), c(READ, 0, 0x1000, 4), r(READ, -512, -4)]) == [
        "read(0, 0x1000, 4) = ? " + texts[512]]
    # a real EINTR stays one
    assert decode([emul(), c(READ, 0, 0x1000, 4), r(READ, -4, -4)]) == [
        "read(0, 0x1000, 4) = -1 EINTR (Interrupted system call)"]


def test_restart_syscall_names_the_call_it_resumes() -> None:
    assert decode([emul(), c(CLOCK_NANOSLEEP, 0, 0, 0x1000, 0),
                   r(CLOCK_NANOSLEEP, -516, -3),
                   c(RESTART_SYSCALL), r(RESTART_SYSCALL, 0),
                   c(RESTART_SYSCALL, lid=T), r(RESTART_SYSCALL, 0, lid=T)]) == [
        "clock_nanosleep(CLOCK_REALTIME, 0, 0x1000, NULL) = ? "
        "ERESTART_RESTARTBLOCK (Interrupted by signal)",
        "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0",
        # a thread with no call seen before
        "[pid  %d] restart_syscall(<... resuming interrupted system call ...>) = 0"
        % T]


def test_signal_lines_show_the_siginfo_in_linux_terms() -> None:
    si = L.si_rt.pack
    usr1 = psig_info(NB_SIGUSR1, 0x5000, 0, si(4321, 1000, 0))
    assert decode([emul(), usr1]) == [
        "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=4321, si_uid=1000} ---"]
    # sigqueue: a value; tkill: SI_LWP in the record, SI_TKILL in Linux's
    assert decode([emul(), psig_info(NB_SIGUSR1, 0x5000, -1, si(4321, 0, 7)),
                   psig_info(35, 0x5000, -5, si(4321, 0, 0))]) == [
        "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=4321, si_uid=0, "
        "si_int=7, si_ptr=0x7} ---",
        "--- SIGRT_2 {si_signo=SIGRT_2, si_code=SI_TKILL, si_pid=4321, si_uid=0} ---"]
    chld = psig_info(NB_SIGCHLD, 0x5000, 2, L.si_child.pack(4321, 0, 9, 0, 150))
    assert decode([emul(), chld]) == [
        "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=4321, si_uid=0, "
        "si_status=SIGKILL, si_utime=0, si_stime=150 /* 1.50 s */} ---"]
    # a fatal signal: its line, then the process's end; SIGKILL has none
    segv = psig_info(NB_SIGSEGV, 0, 1, L.si_fault.pack(0, 0, 0, 0))
    assert decode([emul(), c(GETPID), r(GETPID, P), segv]) == [
        "getpid() = %d" % P,
        "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---",
        "+++ killed by SIGSEGV +++"]
    # SI_KERNEL (SI_NOINFO in the record): nothing more, as strace
    assert decode([emul(), psig_info(NB_SIGTERM, 0, 32767, si(0, 0, 0))]) == [
        "--- SIGTERM {si_signo=SIGTERM, si_code=SI_KERNEL} ---",
        "+++ killed by SIGTERM +++"]
    # a PSIG without siginfo, and NetBSD's: the name only
    assert decode([emul(), psig(NB_SIGUSR1, 0x5000)]) == ["--- SIGUSR1 ---"]
    nb = [rec(7, b"netbsd", pid=P, lid=1)]
    assert decode(nb + [rec(5, L.psig.pack(30, 0x5000, 0, 0, 0, 0, 0)
                            + L.siginfo.pack(30, 0, 0, si(1, 0, 0)), pid=P,
                            lid=1)]) == ["--- SIGUSR1 ---"]


def test_linux_call_tables() -> None:
    from ktrace.dump.linux_calls import (
        AT_FLAGS, CALLS, KINDS, STATX_SYNC, Ctx, flags, result, signame)
    # printflags(): a zero entry only first; leftovers in hex; nothing named
    assert flags(0, STATX_SYNC, None) == "AT_STATX_SYNC_AS_STAT"
    assert flags(0, AT_FLAGS, "AT_???") == "0"
    assert flags(0x100 | 0x80000000, AT_FLAGS, "AT_???") == \
        "AT_SYMLINK_NOFOLLOW|0x80000000"
    assert flags(0x4, AT_FLAGS, "AT_???") == "0x4 /* AT_??? */"
    assert [signame(s) for s in (0, 9, 31, 32, 33, 64, 65)] == [
        "0", "SIGKILL", "SIGSYS", "SIGRTMIN", "SIGRT_1", "SIGRT_32", "65"]

    def args(name: str, *values: int, error: int | None = 0, retval: int = 0) -> list:
        c = Ctx()
        c.args = list(values)
        c.error, c.retval = error, retval
        out = []
        for i, kind in enumerate(CALLS[name][0]):
            if kind == "-":
                continue
            text = KINDS[kind](values[i] if i < len(values) else 0, c, i)
            if text is None:
                break
            out.append(text)
        return out

    assert args("fcntl", 3, 3, 0) == ["3", "F_GETFL"]
    assert args("fcntl", 3, 2, 1) == ["3", "F_SETFD", "FD_CLOEXEC"]
    assert args("fcntl", 3, 4, 0o4000) == ["3", "F_SETFL", "O_RDONLY|O_NONBLOCK"]
    assert args("fcntl", 3, 0, 10) == ["3", "F_DUPFD", "10"]
    assert args("fcntl", 3, 6, 0x7ffd0000) == ["3", "F_SETLK", "0x7ffd0000"]
    assert args("fcntl", 3, 10, 10) == ["3", "F_SETSIG", "SIGUSR1"]
    assert result("fcntl", 0o100002, [3, 3]) == "0x8002 (flags O_RDWR|O_LARGEFILE)"
    assert result("fcntl", 1, [3, 1]) == "0x1 (flags FD_CLOEXEC)"
    assert result("fcntl", 0, [3, 1]) is None and result("umask", 0o22, [0]) == "022"
    assert args("ioctl", 1, 0x5401, 0x7ffd0000) == ["1", "TCGETS", "0x7ffd0000"]
    assert args("ioctl", 1, 0x80086601, 0) == [
        "1", "_IOC(_IOC_READ, 0x66, 0x1, 0x8)", "0"]
    assert args("ioctl", 3, 0x5451, 0) == ["3", "FIOCLEX"]        # no argument
    assert args("ioctl", 3, 0x540B, 2) == ["3", "TCFLSH", "TCIOFLUSH"]
    assert args("close_range", 3, 0xFFFFFFFF, 4) == ["3", "-1", "CLOSE_RANGE_CLOEXEC"]
    assert args("llseek", 3, 1, 5, 0xFFFF0000, 0) == ["3", str((1 << 32) + 5),
                                                     "0xffff0000", "SEEK_SET"]
    assert args("socket", 2, 0o2004001, 6) == [
        "AF_INET", "SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK", "IPPROTO_TCP"]
    assert args("socket", 16, 3, 9) == ["AF_NETLINK", "SOCK_RAW", "NETLINK_AUDIT"]
    assert args("socket", 1, 2, 0) == ["AF_UNIX", "SOCK_DGRAM", "0"]
    assert args("clock_gettime", -6, 0)[0] == "MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED)"
    assert args("clock_gettime", 99, 0)[0] == "0x63 /* CLOCK_??? */"  # strace 6.1
    assert args("statx", (1 << 64) - 100, 0, 0x900, 0x7FF, 0)[::2] == [
        "AT_FDCWD", "AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT", "NULL"]
    assert args("statx", 3, 0, 0x6000, 0xFFF, 0)[2:4] == [
        "AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC", "STATX_ALL"]
    assert args("wait4", -1, 0, 0x40000001, 0) == ["-1", "NULL", "WNOHANG|__WALL", "NULL"]
    assert args("lseek", 3, (1 << 64) - 60, 1) == ["3", "-60", "SEEK_CUR"]
    assert args("lseek", 3, 0, 9) == ["3", "0", "0x9 /* SEEK_??? */"]
    assert args("mmap", 0, 4096, 1, 2, 3, 0x1000) == [
        "NULL", "4096", "PROT_READ", "MAP_PRIVATE", "3", "0x1000"]
    assert args("openat", (1 << 64) - 100, 0, 0o400101, 0o644)[2:] == [
        "O_WRONLY|O_CREAT|O_NOFOLLOW", "0644"]
    assert args("openat", 3, 0, 0, 0o644)[2:] == ["O_RDONLY"]       # no mode
    assert args("arch_prctl", 0x1002, 0x7ff0) == ["ARCH_SET_FS", "0x7ff0"]
    assert args("prlimit64", 0, 7, 0, 0x7000) == ["0", "RLIMIT_NOFILE", "NULL", "0x7000"]
    assert args("access", 0, 0) == ["NULL", "F_OK"]
    # prctl: the arguments each option takes, never decimal pointers
    assert args("prctl", 15, 0x7ffd0000, 0x7ffd0100, 0x5000, 0) == [
        "PR_SET_NAME", "0x7ffd0000"]
    assert args("prctl", 3, 0, 0, 0, 0) == ["PR_GET_DUMPABLE"]
    assert args("prctl", 1, 9, 0, 0, 0) == ["PR_SET_PDEATHSIG", "SIGKILL"]
    assert args("prctl", 38, 1, 0, 0, 0) == ["PR_SET_NO_NEW_PRIVS", "1, 0, 0, 0"]
    assert args("prctl", 0x59616D61, (1 << 64) - 1, 0, 0, 0) == [
        "PR_SET_PTRACER", "PR_SET_PTRACER_ANY"]
    assert args("ptrace", 0x4206, 42, 0, 0x100008) == [
        "PTRACE_SEIZE", "42", "NULL", "PTRACE_O_TRACECLONE|PTRACE_O_EXITKILL"]
    assert args("ptrace", 24, 42, 0, 10) == ["PTRACE_SYSCALL", "42", "NULL", "SIGUSR1"]
    assert args("ptrace", 12, 42, 0, 0x7ffd0000)[3] == "0x7ffd0000"
    assert args("prctl", 99, 1, 0x7ffd0000, 0, 0) == [
        "0x63 /* PR_??? */", "0x1, 0x7ffd0000, 0, 0"]
    assert args("kill", 1, 0) == ["1", "0"]
    # reads that moved nothing, and writes of nothing, show ""
    assert args("read", 3, 0x1000, 16, retval=0)[1] == '""'
    assert args("read", 3, 0x1000, 16, error=-11)[1] == "0x1000"
    assert args("write", 3, 0x1000, 0)[1] == '""'
    # every kind the table names exists (the table is parsed at import)
    assert all(kind in KINDS or kind == "-"
               for kinds, _, _ in CALLS.values() for kind in kinds)


def test_split_call_with_no_argument_known_at_entry() -> None:
    """pipe2's first argument is filled in by the call: split, its line is
    ``pipe2( <unfinished ...>`` as strace's (not ``pipe2(,``)."""
    PIPE2 = 293
    assert decode([emul(), c(PIPE2, 0x7000, 0), emul(T), c(GETPID, lid=T),
                   r(GETPID, 5, lid=T), r(PIPE2)]) == [
        "pipe2( <unfinished ...>",
        "[pid  1240] getpid() = 5",
        "[pid  1234] <... pipe2 resumed>0x7000, 0) = 0"]
    lines = decode([emul(), c(PIPE2, 0x7000, 0), emul(T), c(EXIT_GROUP, 0, lid=T)])
    assert lines[0] == "pipe2( <unfinished ...>"


def test_short_clone3_record_does_not_crash() -> None:
    assert decode([emul(), c(435, 0x7000), emul(T), c(GETPID, lid=T),
                   r(GETPID, 5, lid=T)])[0].startswith("clone3(0x7000, 0")


def test_review_table_details() -> None:
    """strace 6.1's renderings the third review checked: flag order of its
    tables, signed backlog, NULL pointers, hex for unknown values."""
    from ktrace.dump.decode import _Call
    decoder = Decoder(Face(Options(), A), [])

    def show(name: str, *a: int) -> str:
        call = _Call(name, [v & (1 << 64) - 1 for v in a], (1, 1), 1, True)
        return ", ".join(decoder.arguments(call)[0])

    assert show("msync", 0x1000, 4096, 6) == "0x1000, 4096, MS_SYNC|MS_INVALIDATE"
    assert show("listen", 3, -1) == "3, -1"
    assert show("ioctl", 3, 0xC0045401, 0) == "3, _IOC(_IOC_READ|_IOC_WRITE, 0x54, 0x1, 0x4), 0"
    assert show("ioctl", 3, 0x5413, 0) == "3, TIOCGWINSZ, NULL"
    assert show("getrusage", 5, 0x1000) == "0x5 /* RUSAGE_??? */, 0x1000"
    assert show("ptrace", 0, 5, 0, 0).endswith(", NULL, NULL")
