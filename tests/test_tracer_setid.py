"""Set-id exec (design §5): a non-root pyktrace lets go before the exec, so the
program keeps its privileges, as on NetBSD; root keeps tracing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

import pytest

from nobody import run_as_nobody
from test_tracer_basic import PYKTRACE, decode
from ktrace.tracefile import Reader

NR_EXECVE = 59


@pytest.fixture()
def setid_dir():
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root (to make a set-uid binary) and setpriv")
    d = tempfile.mkdtemp(prefix="pyktrace-setid-")
    os.chmod(d, 0o777)
    prog = os.path.join(d, "suid-id")
    shutil.copy("/usr/bin/id", prog)
    os.chmod(prog, 0o4755)
    yield d, prog
    shutil.rmtree(d)


def test_unprivileged_tracer_lets_setid_program_run_privileged(setid_dir):
    d, prog = setid_dir
    out = os.path.join(d, "ktrace.out")
    if run_as_nobody([str(PYKTRACE), "--help"]).returncode != 0:
        pytest.skip("pyktrace is not runnable by nobody here")
    p = run_as_nobody([str(PYKTRACE), "-f", out, prog, "-u"])
    assert p.returncode == 0, p.stderr
    assert p.stdout == b"0\n"                       # the set-uid bit took effect
    assert b"set-id" in p.stderr
    with open(out, "rb") as f:
        d_ = [decode(r) for r in Reader(f)]
    assert d_[-2][:2] == ("CALL", NR_EXECVE) and d_[-1] == ("NAMI", prog.encode())


def test_root_keeps_tracing_setid_program(setid_dir):
    d, prog = setid_dir
    out = os.path.join(d, "root.out")
    p = subprocess.run([str(PYKTRACE), "-f", out, prog, "-u"], capture_output=True)
    assert p.returncode == 0 and p.stdout == b"0\n"
    with open(out, "rb") as f:
        d_ = [decode(r) for r in Reader(f)]
    assert ("RET", NR_EXECVE, -2, 0) in d_
