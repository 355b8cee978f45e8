"""pykdump on a trace pyktrace records of a real process (skipped where
ptrace is not permitted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def echo_trace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("trace") / "echo.out"
    p = subprocess.run([str(BIN / "pyktrace"), "-f", str(out), "/bin/echo", "hi"],
                       capture_output=True, timeout=60)
    if p.returncode != 0 or not out.exists():
        pytest.skip("pyktrace cannot trace here: " + p.stderr.decode()[-200:])
    return out


def pykdump(*args: str) -> list[str]:
    p = subprocess.run([str(BIN / "pykdump"), *args], capture_output=True,
                       timeout=60)
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    return p.stdout.decode("latin-1").splitlines()


def test_default_face(echo_trace: Path) -> None:
    lines = pykdump(str(echo_trace))
    bodies = [ln[23:] for ln in lines]
    assert bodies[0].startswith('EMUL  "linux"')
    assert "RET   execve JUSTRETURN" in bodies
    assert "GIO   fd 1 wrote 3 bytes" in bodies
    assert '       "hi\\n"' in lines
    assert bodies[-1].startswith("CALL  exit_group(0)")


def test_netbsd_face_quirk(echo_trace: Path) -> None:
    # NetBSD's kdump reads EJUSTRETURN (-2) through native_to_linux_errno[]
    bodies = [ln[23:] for ln in pykdump("--netbsd", str(echo_trace))]
    assert "RET   execve -1 errno -2 No such file or directory" in bodies


def test_decode(echo_trace: Path) -> None:
    lines = pykdump("--decode", str(echo_trace))
    assert lines[0].startswith('execve("/bin/echo", ') and lines[0].endswith(" = 0")
    assert 'write(1, "hi\\n", 3) = 3' in lines
    assert lines[-2:] == ["exit_group(0) = ?", "+++ exited with 0 +++"]


def test_fork_child_ret_is_named_fork(tmp_path: Path) -> None:
    # A child's first records are EMUL and child_return's RET of NetBSD's
    # SYS_fork (2); kdump 1.140.2.2's ktrsysret() names a RET that follows
    # an EMUL with prev_emul, the new pid's default (netbsd): "fork".
    out = tmp_path / "sh.out"
    p = subprocess.run([str(BIN / "pyktrace"), "-i", "-f", str(out), "sh", "-c",
                        "/bin/true; exit 0"], capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr
    for face in ((), ("--netbsd",)):
        lines = pykdump(*face, str(out))
        heads = [ln for ln in lines if ln[:6].strip().isdigit()]
        child = [ln for ln in heads if ln[:6] != heads[0][:6]]
        assert child[0][23:] == 'EMUL  "linux"'
        assert child[1][23:] == "RET   fork 0"
        assert child[2][23:].startswith("CALL  ")
    # --summary counts the fork once, in the parent (as strace -c does)
    assert not [ln for ln in pykdump("--summary", str(out))
                if ln.split()[-1:] == ["fork"]]
    # --decode: strace shows nothing for a child's return from fork
    assert not [ln for ln in pykdump("--decode", str(out)) if "<... fork resumed>" in ln]
    # ... also without EMUL records (-t cn): the RET alone tells a child's
    out2 = tmp_path / "cn.out"
    p = subprocess.run([str(BIN / "pyktrace"), "-i", "-t", "cn", "-f", str(out2),
                        "sh", "-c", "/bin/true; exit 0"], capture_output=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    assert "RET   fork 0" in [ln[23:] for ln in pykdump(str(out2))]
    assert not [ln for ln in pykdump("--decode", str(out2))
                if "<... fork resumed>" in ln]
