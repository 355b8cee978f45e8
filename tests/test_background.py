"""The background tracer's daemonisation, with real processes."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ktrace.background import run_in_background


def wait_for_file(path: Path, text: str, limit: float = 10.0) -> str:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if path.exists() and text in (content := path.read_text()):
            return content
        time.sleep(0.02)
    return path.read_text() if path.exists() else ""


def test_daemon_reports_ready_and_lives_on(tmp_path: Path) -> None:
    log = tmp_path / "tracer.log"
    facts = tmp_path / "facts"
    me = os.getpid()
    my_session = os.getsid(0)

    def body(ready) -> int:
        ready(0, "")
        facts.write_text(" ".join(map(str, [
            os.getppid() != me, os.getsid(0) != my_session,
            os.readlink("/proc/self/fd/0"), os.readlink("/proc/self/fd/1")])))
        import sys
        print("a message for the log", file=sys.stderr)
        return 0

    assert run_in_background(log, body) == (0, "")
    assert "a message for the log" in wait_for_file(log, "a message")
    assert facts.read_text() == "True True /dev/null /dev/null"
    assert log.stat().st_mode & 0o777 == 0o600


def test_daemon_error_reaches_the_command(tmp_path: Path) -> None:
    def body(ready) -> int:
        ready(1, "pid 99999: Operation not permitted")
        return 1

    assert run_in_background(tmp_path / "log", body) == \
        (1, "pid 99999: Operation not permitted")


def test_daemon_dying_before_ready_is_reported(tmp_path: Path) -> None:
    log = tmp_path / "log"

    def body(ready) -> int:
        raise RuntimeError("boom")

    err, message = run_in_background(log, body)
    assert err == 5 and str(log) in message
    assert "boom" in wait_for_file(log, "boom")


def test_a_daemon_that_never_reports_is_killed(tmp_path: Path) -> None:
    """Attaching can hang in the kernel (a target mid-exec): the command
    gives up after its timeout and SIGKILLs the daemon."""
    log = tmp_path / "tracer.log"
    pidfile = tmp_path / "pid"

    def body(ready) -> int:
        pidfile.write_text(str(os.getpid()))
        time.sleep(60)
        return 0

    err, message = run_in_background(str(log), body, timeout=1.0)
    assert (err, message) == (110, "the background tracer did not finish attaching "
                                    "within 1 s and was killed; try again")
    pid = int(pidfile.read_text())
    end = time.monotonic() + 10
    while time.monotonic() < end:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    break
        except (FileNotFoundError, ProcessLookupError):   # gone, or going while read
            break
        time.sleep(0.02)
    else:
        raise AssertionError("the daemon still runs")
