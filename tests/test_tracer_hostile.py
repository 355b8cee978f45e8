"""Tracees that misbehave: SIGKILL mid-syscall, fork storms, vanishing threads.

Nothing may lose the tracer, leave a process stopped, or leave half a record.
"""

from __future__ import annotations

import subprocess
import sys

from ktrace.format import KTR_PSIG, KTR_SYSCALL, KTR_SYSRET

from test_tracer_basic import LAY, PYKTRACE, decode, trace
from test_tracer_procs import _status_field, _wait_for, first_child

NR_EXIT_GROUP = 231


def test_sigkill_mid_syscall(tmp_path):
    """The sleeping call has a CALL and no RET, then PSIG SIGKILL SIG_DFL;
    pyktrace ends by SIGKILL like the program (no hang, no stopped task)."""
    code = ("import os, threading, time\n"
            "threading.Timer(0.3, lambda: os.kill(os.getpid(), 9)).start()\n"
            "time.sleep(60)\n")
    proc, recs = trace(tmp_path, [sys.executable, "-c", code], check_rc=-9,
                       timeout=50)
    d = [decode(r) for r in recs]
    assert d[-1][:3] == ("PSIG", 9, 0)
    main = [r for r in recs if r.lid == r.pid
            and r.type in (KTR_SYSCALL, KTR_SYSRET)]
    # the main thread's last call (its sleep) never returned
    assert main[-1].type == KTR_SYSCALL
    assert LAY.syscall.unpack_from(main[-1].payload)[0] != NR_EXIT_GROUP


def test_fork_storm_under_i(tmp_path):
    """500 children started as fast as sh can: every one is traced from its
    fork, every exit status reaches the shell, the trace is whole."""
    script = "for i in $(seq 500); do /bin/true & done; wait; echo done"
    proc, recs = trace(tmp_path, ["sh", "-c", script], "-i", "-t", "ce",
                       timeout=300)
    assert proc.stdout == b"done\n"
    pids = {r.pid for r in recs}
    assert len(pids) >= 501
    execs = {r.pid for r in recs if decode(r)[:3] == ("RET", 59, -2)}
    assert len(execs) >= 500                       # each /bin/true's exec


def test_threads_exiting_while_others_are_stopped(tmp_path):
    """Threads that exit at once while the tracer holds others at stops."""
    code = ("import threading\n"
            "ts = [threading.Thread(target=lambda: sum(range(1000))) for _ in range(40)]\n"
            "[t.start() for t in ts]; [t.join() for t in ts]\n"
            "print('ok')\n")
    proc, recs = trace(tmp_path, [sys.executable, "-c", code], timeout=120)
    assert proc.stdout == b"ok\n"
    assert len({r.lid for r in recs}) >= 41
    assert not [r for r in recs if r.type == KTR_PSIG]


def test_exec_of_a_missing_program_from_a_traced_shell(tmp_path):
    proc, recs = trace(tmp_path, ["sh", "-c", "/no/such/program; echo $?"],
                       "-i", check_rc=0, timeout=60)
    assert proc.stdout == b"127\n"
    rets = [decode(r) for r in recs if r.type == KTR_SYSRET]
    assert ("RET", 59, -2, -2) in rets             # execve: ENOENT, negated


def _in_sleep(pid: int) -> bool:
    """Whether ``pid`` is inside nanosleep/clock_nanosleep (x86-64)."""
    try:
        with open(f"/proc/{pid}/syscall") as f:
            return f.read().split()[0] in ("35", "230")
    except (OSError, IndexError):
        return False


def command_of(tracer: subprocess.Popen, ready) -> int:
    """pyktrace's spawned command, once ``ready(pid)`` holds for it."""
    _wait_for(lambda: first_child(tracer.pid) and ready(first_child(tracer.pid)),
              "the traced command")
    return first_child(tracer.pid)


def test_pyktrace_itself_killed_leaves_the_program_running(tmp_path):
    """SIGKILL to an unfiltered pyktrace: the kernel detaches, the traced
    program runs on untraced and ends normally."""
    import os
    import signal
    import time

    out = tmp_path / "ktrace.out"
    flag = tmp_path / "finished"
    p = subprocess.Popen([str(PYKTRACE), "-f", str(out), sys.executable, "-c",
                          "import time, pathlib\n"
                          "time.sleep(1.5)\n"
                          f"pathlib.Path({str(flag)!r}).write_text('yes')\n"])
    # the command itself sleeps, traced: past its exec stop, where pyktrace
    # drops EXITKILL (a pyktrace killed earlier rightly takes its own copy
    # of itself along; /proc's Name changes before that stop is handled)
    command_of(p, lambda kid: _status_field(kid, b"TracerPid:")
               == str(p.pid).encode() and _in_sleep(kid))
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    for _ in range(500):
        if flag.exists():
            break
        time.sleep(0.01)
    assert flag.read_text() == "yes"


def test_full_disk_stops_tracing_and_the_program_runs_on(tiny_tmpfs):
    """The trace file's disk fills: one message, the program runs to its
    normal end (its exit code passed on), the file holds complete records."""
    code = ("import os\n"
            "for i in range(400):\n"
            "    os.write(1, b'%04d' % i + b'x' * 1000)\n"
            "raise SystemExit(7)\n")
    proc, recs = trace(tiny_tmpfs, [sys.executable, "-c", code], check_rc=7,
                       timeout=120)
    assert len(proc.stdout) == 400 * 1004               # every write happened
    err = proc.stderr.decode()
    assert "No space left on device" in err and err.count("\n") == 1
    assert recs and all(r.payload is not None for r in recs)   # all complete
    size = (tiny_tmpfs / "ktrace.out").stat().st_size
    assert size == sum(56 + len(r.payload) for r in recs)


def test_filtered_command_ends_with_a_killed_pyktrace(tmp_path):
    """A command under pyktrace's seccomp filter cannot run untraced (its
    filtered calls would fail with ENOSYS): PTRACE_O_EXITKILL ends it when
    pyktrace is SIGKILLed, as documented."""
    import os
    import signal
    import time

    p = subprocess.Popen([str(PYKTRACE), "-f", str(tmp_path / "ktrace.out"),
                          "-t", "n", sys.executable, "-c",
                          "import time; time.sleep(30)"])
    child = command_of(p, lambda kid: _status_field(kid, b"Seccomp:") == b"2")
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    for _ in range(500):
        if not os.path.exists(f"/proc/{child}") or \
                _status_field(child, b"State:") == b"Z":
            break
        time.sleep(0.01)
    assert not os.path.exists(f"/proc/{child}") or \
        _status_field(child, b"State:") == b"Z"
