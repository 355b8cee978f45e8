"""Threads, children (-i), vfork, multithreaded exec, job control, -p attach."""

from __future__ import annotations

import os
import select
import sys
import signal
import subprocess
import time

import pytest

from test_tracer_basic import (
    NR_EXECVE, NR_GETPPID, PYKTRACE, decode, trace)
from ktrace.format import EJUSTRETURN
from ktrace.tracefile import FormatError, Reader


def _wait_for(pred, what: str, limit: float = 30.0) -> None:
    """Poll until ``pred()``; a generous limit only guards against hangs."""
    end = time.monotonic() + limit
    while not pred():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)


def _attached(out: os.PathLike, pid: int) -> bool:
    """Whether ``pid``'s attach stop is over: its EMUL record is in ``out``.

    TracerPid changes at PTRACE_SEIZE, before the tracer has stopped the
    process and resumed it to its syscall stops; what the program does in
    between is not traced (NetBSD's ktrace attaches at once, we cannot).
    """
    try:
        with open(out, "rb") as f:
            return any(r.pid == pid and decode(r)[0] == "EMUL" for r in Reader(f))
    except (OSError, FormatError):      # not there yet, or a record half-written
        return False


def _status_field(pid: int, key: bytes) -> bytes:
    with open(f"/proc/{pid}/status", "rb") as f:
        for line in f:
            if line.startswith(key):
                return line.split()[1]
    return b""


def children(pid: int) -> list[int]:
    """The children of a process (none once it is gone)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(k) for k in f.read().split()]
    except OSError:
        return []


def first_child(pid: int) -> int:
    kids = children(pid)
    return kids[0] if kids else 0


def test_threads_are_followed_with_their_lids(tmp_path, cbin):
    _, recs = trace(tmp_path, [str(cbin / "threads")])
    assert len({r.pid for r in recs}) == 1
    pid = recs[0].pid
    workers = {r.lid for r in recs if r.lid != pid}
    assert len(workers) == 2
    for lid in workers:
        mine = [decode(r) for r in recs if r.lid == lid]
        calls = [x for x in mine if x[:2] == ("CALL", NR_GETPPID)]
        rets = [x for x in mine if x[:2] == ("RET", NR_GETPPID)]
        assert len(calls) == len(rets) == 5


def test_non_leader_exec_continues_under_tgid(tmp_path, cbin):
    _, recs = trace(tmp_path, [str(cbin / "texec"), "/bin/echo", "hi"])
    pid = recs[0].pid
    execs = [r for r in recs if decode(r)[:2] == ("CALL", NR_EXECVE)]
    assert execs[-1].lid != pid                       # the thread's own tid
    k = recs.index(execs[-1])
    ret = next(r for r in recs[k:] if decode(r) == ("RET", NR_EXECVE, EJUSTRETURN, 0))
    assert ret.lid == pid and ret.command == "echo"
    assert all(r.lid == pid for r in recs[recs.index(ret):])


def test_inherit_follows_children_and_not_without(tmp_path):
    cmd = ["sh", "-c", "/bin/true; /bin/echo x; exit 3"]
    _, recs = trace(tmp_path, cmd, "-i", check_rc=3)
    pids = {r.pid for r in recs}
    assert len(pids) == 3
    for child in pids - {recs[0].pid}:
        d = [decode(r) for r in recs if r.pid == child]
        assert ("RET", NR_EXECVE, EJUSTRETURN, 0) in d
    _, recs = trace(tmp_path, cmd, check_rc=3)
    assert {r.pid for r in recs} == {recs[0].pid}


def test_vfork_child_is_followed(tmp_path):
    code = ("import os, sys; pid = os.posix_spawn('/bin/true', ['true'], {}); "
            "sys.exit(os.waitpid(pid, 0)[1] >> 8)")
    _, recs = trace(tmp_path, [sys.executable, "-c", code], "-i")
    child = {r.pid for r in recs} - {recs[0].pid}
    assert len(child) == 1
    d = [decode(r) for r in recs if r.pid in child]
    assert ("NAMI", b"/bin/true") in d
    assert ("RET", NR_EXECVE, EJUSTRETURN, 0) in d


def children_of(recs) -> list[int]:
    return sorted({r.pid for r in recs} - {recs[0].pid})


@pytest.mark.parametrize("pure", ["", "1"])
def test_fork_child_starts_with_emul_and_ret_fork(tmp_path, cbin, pure):
    """fork1() owes the child an EMUL record and child_return() writes
    ``ktrsysret(SYS_fork, 0, 0)``, NetBSD's fork number (2) in every
    emulation: a child's first records are EMUL, then RET 2 0 (kdump
    names it with the emulation before the EMUL, so ``RET fork 0``)."""
    env = dict(os.environ, PYKTRACE_PURE=pure)
    _, recs = trace(tmp_path, [str(cbin / "forks")], "-i", env=env)
    children = children_of(recs)
    assert len(children) == 2                  # the fork and the vfork child
    for child in children:
        d = [decode(r) for r in recs if r.pid == child]
        assert d[:2] == [("EMUL", b"linux"), ("RET", 2, 0, 0)], d[:3]
        assert d[2][0] == "CALL" and ("RET", 2, 0, 0) not in d[2:]
    # each follows its trace point: -t c (CALL and RET) has no EMUL
    _, recs = trace(tmp_path, [str(cbin / "forks")], "-i", "-t", "c", env=env)
    assert "EMUL" not in {decode(r)[0] for r in recs}
    for child in children_of(recs):
        assert decode(next(r for r in recs if r.pid == child)) == ("RET", 2, 0, 0)


def test_job_control_stop_and_continue(tmp_path):
    out = tmp_path / "ktrace.out"
    p = subprocess.Popen([str(PYKTRACE), "-f", str(out), "sh", "-c",
                          "kill -STOP $$; echo resumed"], stdout=subprocess.PIPE)

    def child() -> int:
        return first_child(p.pid)

    _wait_for(child, "the command")
    # SIGCONT until it answers: one sent before the stop is simply lost
    while not select.select([p.stdout], [], [], 0.05)[0]:
        os.kill(child(), signal.SIGCONT)
    assert p.stdout.read() == b"resumed\n"
    assert p.wait() == 0


def test_attach_with_p_then_detach_on_sigint(tmp_path):
    target = subprocess.Popen(
        [sys.executable, "-c",
         "import os\nwhile True:\n l = os.read(0, 100)\n if not l: break\n os.write(1, b'ack:' + l)"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out = tmp_path / "ktrace.out"
    tracer = subprocess.Popen([str(PYKTRACE), "--foreground", "-f", str(out), "-p", str(target.pid)],
                              stderr=subprocess.PIPE)
    _wait_for(lambda: _attached(out, target.pid), "the attach")
    for word in (b"one\n", b"two\n"):
        target.stdin.write(word)
        target.stdin.flush()
        assert target.stdout.read(8) == b"ack:" + word
    # "ack:one" was fully recorded before "two" was read; now detach
    tracer.send_signal(signal.SIGINT)
    assert tracer.wait() == 0, tracer.stderr.read()
    assert _status_field(target.pid, b"TracerPid:") == b"0"
    target.stdin.write(b"six\n")
    target.stdin.flush()
    assert target.stdout.read(8) == b"ack:six\n"
    target.stdin.close()
    assert target.wait() == 0
    with open(out, "rb") as f:
        d = [decode(r) for r in Reader(f)]
    assert d[0] == ("EMUL", b"linux")
    assert ("GIO", 0, 0, b"one\n") in d
    assert ("GIO", 1, 1, b"ack:one\n") in d
    assert not [x for x in d if x[0] == "GIO" and b"six" in x[3]]


def test_attach_to_missing_pid_is_one_line(tmp_path):
    p = subprocess.run([str(PYKTRACE), "-f", str(tmp_path / "o"), "-p", "999999999"],
                       capture_output=True)
    assert p.returncode == 1
    assert p.stderr == b"pyktrace: 999999999: No such process\n"
