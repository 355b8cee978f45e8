"""The C stop loop (ktrace/tracer/_fastpath.c) against the Python one,
which stays the reference: the same program traced both ways gives the
same records (ASLR off, so that pointers match)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from test_tracer_basic import PYKTRACE, compile_c
from test_tracer_procs import _attached, _status_field, _wait_for
from ktrace.format import KTR_EXEC_ENV, KTR_GENIO, KTR_NAMEI, KTR_SYSCALL, KTR_SYSRET
from ktrace.tracefile import Reader

NR_WRITE = 1

SERVED = ("import atexit, os, sys\n"
          "from ktrace.tracer import _fastpath\n"
          "atexit.register(lambda: os.write(2, b'served %d' % _fastpath.served()))\n"
          "from ktrace.cli.pyktrace import main\n"
          "sys.argv[0] = 'pyktrace'\n"
          "main()\n")


def test_the_c_stop_loop_is_built():
    """CI must exercise it: without a compiler it is silently left out."""
    from ktrace.tracer import _fastpath, frontend
    assert frontend.fast is _fastpath


def _by_thread(path: Path) -> list[list[tuple[int, bytes]]]:
    """Each thread's records, threads in order of appearance, without the
    environment (which differs), thread ids (set_tid_address's and
    clone3's return values) replaced by their rank."""
    with open(path, "rb") as f:
        recs = [r for r in Reader(f) if r.type != KTR_EXEC_ENV]
    lids = list(dict.fromkeys(r.lid for r in recs))
    threads: dict[int, list] = {}
    for r in recs:
        payload = r.payload
        for rank, lid in enumerate(lids):
            payload = payload.replace(lid.to_bytes(4, "little"), b"tid%d" % rank)
        threads.setdefault(r.lid, []).append((r.type, payload))
    return list(threads.values())


def _upto_last_write(recs: list[tuple[int, bytes]]) -> list[tuple[int, bytes]]:
    last = max(i for i, (t, p) in enumerate(recs)
               if t == KTR_SYSCALL and int.from_bytes(p[:4], "little") == NR_WRITE)
    return recs[:last + 1]


def test_c_and_python_loops_record_the_same(tmp_path):
    prog = compile_c(tmp_path, "callmix")
    runs = {}
    for name, pure in (("c", "0"), ("python", "1")):   # same env size
        out = tmp_path / f"{name}.out"
        p = subprocess.run(
            ["setarch", "-R", sys.executable, "-c", SERVED, "-f", str(out),
             str(prog), str(tmp_path / "scratch")],
            env={**os.environ, "PYKTRACE_PURE": pure}, capture_output=True)
        assert p.returncode == 0, p.stderr
        runs[name] = (_by_thread(out), int(p.stderr.split()[-1]))
    (c, served_c), (py, served_py) = runs["c"], runs["python"]
    assert served_py == 0
    assert served_c > 40                # the thread's and main's plain calls
    assert len(c) == len(py) == 2
    # main's records; the thread's up to its call that lets main go on
    # (whether it reaches its pause() before main's exit_group is timing)
    assert c[0] == py[0]
    assert _upto_last_write(c[1]) == _upto_last_write(py[1])
    kinds = {t for t, _ in c[0]}
    assert {KTR_SYSCALL, KTR_SYSRET, KTR_NAMEI, KTR_GENIO} <= kinds
    # the 10,000-byte write, split one page per record as ktr_io() does
    gio = [len(p) - 8 for t, p in c[0] if t == KTR_GENIO]
    assert gio[-6:] == [4088, 4088, 1824] * 2        # the write, the read back


def _namei(path: Path, name: bytes) -> int:
    with open(path, "rb") as f:
        return sum(1 for r in Reader(f) if r.type == KTR_NAMEI and r.payload == name)


@pytest.mark.parametrize("pure", ["0", "1"])
def test_records_reach_the_file_while_the_program_sleeps(tmp_path, pure):
    """However the stops fall, the C loop hands its entries over within
    milliseconds: nothing waits for the program's next stop."""
    prog = compile_c(tmp_path, "burstsleep")
    out = tmp_path / "ktrace.out"
    p = subprocess.Popen([str(PYKTRACE), "-t", "n", "--wakedelay", "20", "-f", str(out),
                          str(prog)], stdout=subprocess.PIPE,
                         env={**os.environ, "PYKTRACE_PURE": pure})
    try:
        assert p.stdout.readline() == b"slept\n"
        _wait_for(lambda: _namei(out, b"/nonexistent/burst") == 150, "the burst's records",
                  limit=5)
    finally:
        p.kill()
        p.wait()


@pytest.mark.parametrize("pure", ["0", "1"])
def test_sigterm_ends_a_tracer_busy_with_calls_it_does_not_record(tmp_path, pure):
    prog = compile_c(tmp_path, "spin")
    target = subprocess.Popen([str(prog)])
    out = tmp_path / "ktrace.out"
    try:
        # -t ne: an EMUL record says the attach is done; the loop's calls
        # stop (no seccomp filter for -p) but make no record
        tracer = subprocess.Popen([str(PYKTRACE), "--foreground", "-t", "ne", "-f", str(out),
                                   "-p", str(target.pid)],
                                  env={**os.environ, "PYKTRACE_PURE": pure})
        _wait_for(lambda: _attached(out, target.pid), "the attach")
        tracer.send_signal(signal.SIGTERM)
        assert tracer.wait(timeout=20) == 0
        assert _status_field(target.pid, b"TracerPid:") == b"0"
    finally:
        target.kill()
        target.wait()


def test_a_process_whose_main_thread_left_is_read_through_another(tmp_path):
    prog = compile_c(tmp_path, "zombielead")
    for pure in ("0", "1"):
        out = tmp_path / f"{pure}.out"
        subprocess.run([str(PYKTRACE), "-t", "n", "-f", str(out), str(prog)],
                       env={**os.environ, "PYKTRACE_PURE": pure}, check=True)
        assert _namei(out, b"/nonexistent/after-main") == 1, pure


def _records(path: Path) -> list:
    with open(path, "rb") as f:
        return [(r.type, r.payload) for r in Reader(f)]


@pytest.mark.parametrize("how", ["x", "y"])
def test_a_process_is_read_after_a_thread_other_than_main_execs(tmp_path, how):
    """x: main left first; y: main waits and is killed by the exec."""
    prog = compile_c(tmp_path, "threadexecpath")
    for pure in ("0", "1"):
        out = tmp_path / f"{pure}.out"
        p = subprocess.run([str(PYKTRACE), "-t", "ni", "-f", str(out), str(prog), how],
                           env={**os.environ, "PYKTRACE_PURE": pure}, capture_output=True)
        assert p.stdout == b"hello world\n"
        recs = _records(out)
        assert (KTR_NAMEI, b"/nonexistent/after-exec") in recs, pure
        assert [q[8:] for t, q in recs if t == KTR_GENIO][-1:] == [b"hello world\n"], pure


def test_calls_at_the_edges(tmp_path):
    prog = compile_c(tmp_path, "oddcalls")
    runs = {}
    for pure in ("0", "1"):
        out = tmp_path / f"{pure}.out"
        subprocess.run(["setarch", "-R", str(PYKTRACE), "-f", str(out), str(prog)],
                       env={**os.environ, "PYKTRACE_PURE": pure}, check=True)
        runs[pure] = [r for r in _records(out)]
    assert runs["0"][-12:] == runs["1"][-12:]
    calls = [int.from_bytes(q[:4], "little", signed=True)
             for t, q in runs["0"] if t == KTR_SYSCALL]
    assert {-1, -2**31, 500} <= set(calls)    # ktr_code is an int
    gio = [q[8:] for t, q in runs["0"] if t == KTR_GENIO]
    assert gio[-2:] == [b"A" * 200, b"AAAA"]  # sent; received: the buffer's 4
