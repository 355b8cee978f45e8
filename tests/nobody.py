"""Acting as a second, unprivileged user (``nobody``) in tests run as root."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable

NOBODY = 65534
SETPRIV = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def run_as_nobody(argv: list[str], **kw) -> subprocess.CompletedProcess:
    """Run a program as nobody (``setpriv``), capturing its output."""
    return subprocess.run([*SETPRIV, *argv], capture_output=True, **kw)


def call_as_nobody(fn: Callable[[], str]) -> str:
    """``fn()`` in a forked child that has become nobody; its result.

    The child forks without exec: the interpreter may live where nobody
    cannot read it (a venv under /root), the code under test needs no more.
    """
    rfd, wfd = os.pipe()
    child = os.fork()
    if child == 0:
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.write(wfd, fn().encode())
        finally:
            os._exit(0)
    os.close(wfd)
    with os.fdopen(rfd) as f:
        out = f.read()
    os.waitpid(child, 0)
    return out
