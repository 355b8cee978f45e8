"""Fixtures shared by the tracer tests."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from test_tracer_basic import compile_c


@pytest.fixture(scope="session")
def cbin(tmp_path_factory) -> Path:
    """The C test programs, compiled once per session."""
    d = tmp_path_factory.mktemp("cbin")
    for name in ("files", "signals", "threads", "texec", "looper", "leaderexit",
                 "ownfilter", "threadexec", "forks"):
        compile_c(d, name)
    return d



@pytest.fixture
def tiny_tmpfs(tmp_path: Path):
    """A 64 KiB tmpfs: a disk that fills up (root only; skipped elsewhere)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs",
                          str(mnt)], capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def world_dir():
    """A directory under /tmp where every user may write (sticky, like /tmp:
    pytest's tmp_path is root's only)."""
    path = Path(tempfile.mkdtemp(prefix="pyktrace-test-", dir="/tmp"))
    path.chmod(0o1777)
    yield path
    shutil.rmtree(path)
