"""Side by side with strace -f: the same calls, in the same order, with the
same results (design: documented differences only -- none for these)."""

from __future__ import annotations

import errno
import re
import shutil
import subprocess

import pytest

from test_tracer_basic import decode, trace
from ktrace.tracer import points
from ktrace.tracer.ptrace import AUDIT_ARCH_X86_64

UNFINISHED = re.compile(rb"^(\d+)\s+(\w+)\(.*<unfinished \.\.\.>$")
RESUMED = re.compile(rb"^(\d+)\s+<\.\.\. (\w+) resumed>.*\s+=\s+(-?\d+|0x[0-9a-f]+|\?)(?: (E[A-Z0-9]+))?")
LINE = re.compile(rb"^(\d+)\s+(\w+)\(.*\)\s+=\s+(-?\d+|0x[0-9a-f]+|\?)(?: (E[A-Z0-9]+))?")


def _strace(tmp_path, argv) -> dict[int, list[tuple[str, int | None]]]:
    out = tmp_path / "strace.out"
    subprocess.run(["strace", "-f", "-qq", "-e", "signal=none", "-o", str(out), *argv],
                   check=True, capture_output=True)
    seqs: dict[int, list] = {}
    for line in out.read_bytes().splitlines():
        u = UNFINISHED.match(line)
        if u:
            seqs.setdefault(int(u[1]), []).append((u[2].decode(), None))
            continue
        m = LINE.match(line) or RESUMED.match(line)
        if not m:
            continue
        if line.split()[1] == b"<...":
            seqs[int(m[1])].pop()
        pid, name, ret = int(m[1]), m[2].decode(), m[3]
        value = None if ret == b"?" else int(ret, 0)
        if m[4]:
            value = -getattr(errno, m[4].decode())       # -1 ENOENT: -2 as Linux returns
        seqs.setdefault(pid, []).append((name, value))
    return seqs


def _ours(recs) -> dict[int, list[tuple[str, int | None]]]:
    table = points.table(AUDIT_ARCH_X86_64)
    seqs: dict[int, list] = {}
    for r in recs:
        d = decode(r)
        if d[0] == "CALL":
            seqs.setdefault(r.lid, []).append([table[d[1]].name, None])
        elif d[0] == "RET" and seqs.get(r.lid):
            seqs[r.lid][-1][1] = d[3]          # the raw Linux return value
    return {k: [tuple(x) for x in v] for k, v in seqs.items()}


@pytest.mark.skipif(not shutil.which("strace"), reason="no strace")
def test_same_calls_and_results_as_strace(tmp_path, cbin):
    target = tmp_path / "data.txt"
    target.write_bytes(b"hello world")
    argv = [str(cbin / "files"), str(target)]
    theirs = _strace(tmp_path, argv)
    _, recs = trace(tmp_path, argv)
    ours = _ours(recs)
    assert len(theirs) == len(ours) == 1
    (t,), (o,) = theirs.values(), ours.values()
    assert o[0] == ("execve", 0) and t[0] == ("execve", 0)
    # results that differ run to run (addresses) are compared by name only
    stable = ("read", "write", "writev", "openat", "newfstatat", "close", "pipe2",
              "pipe", "access")
    assert [n for n, _ in o] == [n for n, _ in t]
    assert [(n, v) for n, v in o if n in stable] == [(n, v) for n, v in t if n in stable]


@pytest.mark.skipif(not shutil.which("strace"), reason="no strace")
def test_same_per_thread_sequences_as_strace(tmp_path, cbin):
    argv = [str(cbin / "threads")]
    theirs = _strace(tmp_path, argv)
    _, recs = trace(tmp_path, argv)
    ours = _ours(recs)
    assert len(theirs) == len(ours) == 3

    def workers(seqs, leader):
        return sorted([n for n, _ in v if n != "futex"] for k, v in seqs.items()
                      if k != leader)

    assert workers(ours, recs[0].pid) == workers(theirs, min(theirs))
