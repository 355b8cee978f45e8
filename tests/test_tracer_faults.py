"""Ending tracing while programs run: reader gone, SIGTERM, -g/-d attach."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from nobody import call_as_nobody, run_as_nobody
from test_tracer_basic import PYKTRACE, decode
from test_tracer_procs import _attached, _status_field, _wait_for, children, first_child
from ktrace.tracefile import Reader

READ_LOOP = ("import os\nwhile True:\n l = os.read(0, 100)\n if not l: break\n"
             " os.write(1, b'ack:' + l)")


def test_reader_of_stdout_goes_away_program_runs_to_its_end(tmp_path):
    marker = tmp_path / "done"
    cmd = (f"{PYKTRACE} -f - sh -c 'for i in 1 2 3 4 5 6 7 8 9 10; do /bin/true; done;"
           f" touch {marker}; exit 4' | head -c 100 > /dev/null; echo ${{PIPESTATUS[0]}}")
    p = subprocess.run(["bash", "-c", cmd], capture_output=True)
    assert marker.exists()
    assert p.stdout == b"4\n"


def _pipe_target(**kw):
    return subprocess.Popen([sys.executable, "-c", READ_LOOP], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, **kw)


def _talk(target, word: bytes) -> None:
    target.stdin.write(word)
    target.stdin.flush()
    assert target.stdout.read(len(word) + 4) == b"ack:" + word


def test_sigterm_detaches_spawned_command_and_ends_like_it(tmp_path):
    out = tmp_path / "ktrace.out"
    code = "import sys; sys.stdin.readline(); sys.exit(5)"
    p = subprocess.Popen([str(PYKTRACE), "-f", str(out), sys.executable, "-c", code],
                         stdin=subprocess.PIPE, stderr=subprocess.PIPE)

    def child() -> int:
        return first_child(p.pid)

    _wait_for(lambda: child() and _status_field(child(), b"TracerPid:") != b"0",
              "the command")
    kid = child()
    p.send_signal(signal.SIGTERM)
    _wait_for(lambda: _status_field(kid, b"TracerPid:") == b"0", "the detach")
    p.stdin.write(b"go\n")
    p.stdin.flush()
    assert p.wait() == 5, p.stderr.read()
    with open(out, "rb") as f:
        recs = list(Reader(f))          # complete records (maybe none: an early SIGTERM)
    assert all(r.pid == kid for r in recs)


def test_process_group_and_descendants(tmp_path):
    leader = subprocess.Popen(
        ["sh", "-c", f"{sys.executable} -c \"{READ_LOOP}\"; exit 0"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True)

    def kid() -> int:
        return first_child(leader.pid)

    _wait_for(kid, "the python child")
    py = kid()
    out = tmp_path / "ktrace.out"
    tracer = subprocess.Popen([str(PYKTRACE), "--foreground", "-f", str(out), "-p", str(leader.pid), "-d"],
                              stderr=subprocess.PIPE)
    _wait_for(lambda: _attached(out, py), "attach by -d")
    assert _status_field(leader.pid, b"TracerPid:") != b"0"
    _talk(leader, b"one\n")
    _talk(leader, b"two\n")
    tracer.send_signal(signal.SIGTERM)
    assert tracer.wait() == 0, tracer.stderr.read()
    assert _status_field(py, b"TracerPid:") == b"0"
    with open(out, "rb") as f:
        recs = list(Reader(f))
    assert {r.pid for r in recs if decode(r)[0] == "GIO"} == {py}
    # the shell sat in wait4: it may not have reached its attach stop before
    # the detach, and then, as on NetBSD, it has no record; if it has any,
    # EMUL comes first
    mine = [decode(r) for r in recs if r.pid == leader.pid]
    assert not mine or mine[0] == ("EMUL", b"linux")
    assert _status_field(leader.pid, b"TracerPid:") == b"0"

    out = tmp_path / "by-group.out"
    tracer = subprocess.Popen([str(PYKTRACE), "--foreground", "-f", str(out), "-g", str(leader.pid)],
                              stderr=subprocess.PIPE)
    _wait_for(lambda: _attached(out, py), "attach by -g")
    _talk(leader, b"six\n")
    _talk(leader, b"ten\n")
    tracer.send_signal(signal.SIGHUP)
    assert tracer.wait() == 0, tracer.stderr.read()
    leader.stdin.close()
    assert leader.wait() == 0
    with open(out, "rb") as f:
        recs = list(Reader(f))
    assert ("GIO", 0, 0, b"six\n") in [decode(r) for r in recs]


def test_attach_refusals_are_one_line(tmp_path, world_dir):
    st = subprocess.Popen(["strace", "-o", "/dev/null", "sleep", "30"])
    try:
        def sleeper() -> int:
            """strace's traced child once it is sleep (strace also forks
            short-lived probe children of its own at start-up)."""
            for kid in children(st.pid):
                try:
                    with open(f"/proc/{kid}/comm") as c:
                        if c.read().strip() == "sleep":
                            return kid
                except OSError:
                    pass
            return 0

        _wait_for(lambda: sleeper() and _status_field(sleeper(), b"TracerPid:") != b"0",
                  "strace's attach")
        target = sleeper()
        p = subprocess.run([str(PYKTRACE), "-f", str(tmp_path / "o"), "-p", str(target)],
                           capture_output=True)
        assert p.returncode == 1
        assert p.stderr == (f"pyktrace: {target}: already traced by process "
                            f"{st.pid}\n").encode()
    finally:
        st.kill()
        st.wait()
    if os.geteuid() == 0:
        p = run_as_nobody([str(PYKTRACE), "-f", f"{world_dir}/o", "-p", "1"])
        assert p.returncode == 1
        assert p.stderr == b"pyktrace: 1: Operation not permitted\n"


def test_a_refusal_on_one_thread_lets_go_of_the_others(tmp_path):
    """strace holds one thread of a process: pyktrace -p names strace, and
    leaves no other thread of the process attached or stopped."""
    code = ("import threading, time\n"
            "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n"
            "print('ready', flush=True)\ntime.sleep(60)\n")
    target = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    st = None
    try:
        assert target.stdout.readline() == b"ready\n"
        worker = max(int(t) for t in os.listdir(f"/proc/{target.pid}/task"))
        st = subprocess.Popen(["strace", "-o", "/dev/null", "-p", str(worker)],
                              stderr=subprocess.DEVNULL)
        _wait_for(lambda: _status_field(worker, b"TracerPid:") == str(st.pid).encode(),
                  "strace's attach")
        p = subprocess.run([str(PYKTRACE), "--foreground", "-f", str(tmp_path / "o"),
                            "-p", str(target.pid)], capture_output=True, timeout=60)
        assert (p.returncode, p.stderr) == (1, f"pyktrace: {target.pid}: already traced "
                                               f"by process {st.pid}\n".encode())
        assert _status_field(target.pid, b"TracerPid:") == b"0"
        assert _status_field(target.pid, b"State:") == b"S"
    finally:
        if st is not None:
            st.kill()
            st.wait()
        target.kill()
        target.wait()


def test_yama_scope_is_named_in_the_refusal(tmp_path):
    """Where the kernel has Yama, its ptrace_scope is the reason given (the
    sysctl file is injected: this kernel may have no Yama)."""
    from ktrace.tracer.launch import eperm_reason

    fd, name = tempfile.mkstemp(prefix="ptrace_scope-")   # readable by nobody
    os.close(fd)
    os.chmod(name, 0o644)
    scope = Path(name)
    target = subprocess.Popen(["sleep", "30"])
    try:
        scope.write_text("3\n")
        assert eperm_reason(target.pid, str(scope)) == (
            "Operation not permitted (kernel.yama.ptrace_scope is 3: no process may trace)")
        scope.write_text("0\n")
        assert eperm_reason(target.pid, str(scope)) == "Operation not permitted"
        assert eperm_reason(target.pid, str(tmp_path / "none")) == "Operation not permitted"
        if os.geteuid() == 0:
            # root has CAP_SYS_PTRACE: scope 1 does not stop root, but nobody
            scope.write_text("1\n")
            assert eperm_reason(target.pid, str(scope)) == "Operation not permitted"
            said = call_as_nobody(lambda: eperm_reason(target.pid, str(scope)))
            assert said == ("Operation not permitted (kernel.yama.ptrace_scope is 1: "
                            "only a parent may trace its descendants)")
    finally:
        scope.unlink()
        target.kill()
        target.wait()
