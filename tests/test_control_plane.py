"""ktrace's control model with real processes: background tracers, joining a
file, relinquish, clearing with -c/-C, and who may do what."""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ktrace import control
from ktrace.format import AMD64, KTR_EMUL, KTR_GENIO, KTR_NAMEI, KTR_SYSCALL, Layouts
from ktrace.tracefile import read_all

from nobody import SETPRIV, run_as_nobody
from test_tracer_basic import PYKTRACE
from test_tracer_faults import READ_LOOP
from test_tracer_procs import _status_field, _wait_for

HEADER = Layouts.get(AMD64).header_size


@pytest.fixture
def env(tmp_path: Path, monkeypatch) -> dict:
    """A runtime directory of the test's own, for pyktrace and for us.
    (Tracers end by themselves when the loopers are killed; a root -C
    would reach every tracer on the machine.)"""
    rt = tmp_path / "xdg"
    rt.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(rt))
    return dict(os.environ)


@pytest.fixture
def loopers(cbin: Path, tmp_path: Path):
    """Start looping C programs; each reports its progress."""
    started = []

    def start() -> Looper:
        lp = Looper(cbin / "looper", tmp_path / f"progress{len(started)}")
        started.append(lp)
        return lp
    yield start
    for lp in started:
        lp.proc.kill()
        lp.proc.wait()


class Looper:
    def __init__(self, prog: Path, progress: Path) -> None:
        self.progress = progress
        self.proc = subprocess.Popen([str(prog), str(progress)])
        self.pid = self.proc.pid
        _wait_for(lambda: self.count() > 0, "the looper's start")

    def count(self) -> int:
        try:
            return int(self.progress.read_text() or 0)
        except (OSError, ValueError):
            return 0

    def moves_on(self) -> None:
        start = self.count()
        _wait_for(lambda: self.count() > start + 3, f"progress of {self.pid}")


def _kill_tree(p: subprocess.Popen) -> None:
    """A spawning pyktrace and its command, whatever state a failed test
    left them in (the command dies with a SIGKILLed pyktrace only when
    filtered)."""
    kids = subprocess.run(["pgrep", "-P", str(p.pid)], capture_output=True,
                          text=True).stdout.split()
    for pid in [p.pid, *map(int, kids)]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    p.wait()


def run(env: dict, *args: str, rc: int = 0) -> str:
    p = subprocess.run([str(PYKTRACE), *args], env=env, capture_output=True,
                       timeout=60)
    assert p.returncode == rc, p.stderr
    return p.stderr.decode()


def tracer_of(pid: int) -> int:
    """TracerPid of ``pid``; -1 once it is gone."""
    try:
        return int(_status_field(pid, b"TracerPid:") or 0)
    except (FileNotFoundError, ProcessLookupError):   # gone, or going while read
        return -1


def gone(pid: int) -> bool:
    try:
        return _status_field(pid, b"State:") in (b"Z", b"X")
    except (FileNotFoundError, ProcessLookupError):   # gone, or going while read
        return True


def complete_records(path: Path) -> list:
    """Every record of the file, which must hold whole records only."""
    data = path.read_bytes()
    recs = read_all(data)
    assert sum(HEADER + len(r.payload) for r in recs) == len(data)
    return recs


def test_p_returns_and_the_background_tracer_runs_until_cleared(env, loopers, tmp_path):
    lp = loopers()
    out = tmp_path / "ktrace.out"
    assert run(env, "-f", str(out), "-p", str(lp.pid)) == ""
    tracer = tracer_of(lp.pid)
    assert tracer != 0
    assert os.getsid(tracer) != os.getsid(0)               # a session of its own
    assert os.readlink(f"/proc/{tracer}/cwd") == "/"        # no directory held
    assert os.readlink(f"/proc/{tracer}/fd/0") == "/dev/null"
    assert out.stat().st_mode & 0o777 == 0o600
    lp.moves_on()
    assert run(env, "-c", "-p", str(lp.pid)) == ""
    assert tracer_of(lp.pid) == 0
    lp.moves_on()                                           # untouched, running
    _wait_for(lambda: gone(tracer), "the tracer's exit")    # nothing left to trace
    recs = complete_records(out)
    assert {r.pid for r in recs} == {lp.pid}
    assert {KTR_SYSCALL, KTR_NAMEI} <= {r.type for r in recs}
    assert b"/" in {r.payload for r in recs if r.type == KTR_NAMEI}
    log = (Path(env["XDG_RUNTIME_DIR"]) / "pyktrace" / "pyktrace.log").read_text()
    assert f"pyktrace[{tracer}]: tracing {lp.pid} into {out}" in log


def test_what_follows_the_return_of_p_is_traced(env, tmp_path):
    """ktrace -p promises that the target's next system call is recorded:
    a read blocked at the attach is restarted, and its data is in the file."""
    target = subprocess.Popen([sys.executable, "-c", READ_LOOP], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)
    try:
        time.sleep(0.2)                                     # into its read
        out = tmp_path / "ktrace.out"
        run(env, "-f", str(out), "-t", "ci", "-p", str(target.pid))
        target.stdin.write(b"now\n")
        target.stdin.flush()
        assert target.stdout.read(8) == b"ack:now\n"
        run(env, "-c", "-p", str(target.pid))
        gio = [r for r in complete_records(out) if r.type == KTR_GENIO]
        assert [r.payload[8:] for r in gio] == [b"now\n", b"ack:now\n"]
    finally:
        target.kill()
        target.wait()


def test_a_second_p_into_the_same_file_joins_its_tracer(env, loopers, tmp_path):
    a, b = loopers(), loopers()
    out = tmp_path / "ktrace.out"
    run(env, "-f", str(out), "-p", str(a.pid))
    run(env, "-f", str(out), "-p", str(b.pid))
    tracer = tracer_of(a.pid)
    assert tracer_of(b.pid) == tracer                       # one KtrDesc per file
    sock = control.live_tracers()[tracer]
    assert control.send(sock, control.Request("status")).pids == sorted([a.pid, b.pid])
    b.moves_on()
    assert run(env, "-c", "-f", str(out)) == ""             # KTROP_CLEARFILE
    assert tracer_of(a.pid) == tracer_of(b.pid) == 0
    _wait_for(lambda: gone(tracer), "the tracer's exit")
    assert {r.pid for r in complete_records(out)} == {a.pid, b.pid}


def test_a_process_traced_to_another_file_moves(env, loopers, tmp_path):
    lp = loopers()
    first, second = tmp_path / "first.out", tmp_path / "second.out"
    run(env, "-f", str(first), "-p", str(lp.pid))
    old = tracer_of(lp.pid)
    run(env, "-f", str(second), "-p", str(lp.pid))
    new = tracer_of(lp.pid)
    assert new not in (0, old)
    _wait_for(lambda: gone(old), "the first tracer's exit")   # relinquished
    lp.moves_on()
    assert run(env, "-c", "-p", str(lp.pid)) == ""
    assert tracer_of(lp.pid) == 0
    _wait_for(lambda: gone(new), "the second tracer's exit")
    assert complete_records(first) and complete_records(second)


def test_t_with_c_clears_only_those_points(env, loopers, tmp_path):
    lp = loopers()
    out = tmp_path / "ktrace.out"
    run(env, "-f", str(out), "-p", str(lp.pid))
    lp.moves_on()
    tracer = tracer_of(lp.pid)
    run(env, "-t", "n", "-c", "-p", str(lp.pid))
    cleared_at = time.time_ns()
    assert tracer_of(lp.pid) == tracer                      # calls still traced
    lp.moves_on()
    run(env, "-c", "-p", str(lp.pid))
    _wait_for(lambda: gone(tracer), "the tracer's exit")
    recs = complete_records(out)
    later = [r for r in recs if r.sec * 10**9 + r.frac > cleared_at]
    assert later and KTR_SYSCALL in {r.type for r in later}
    assert KTR_NAMEI not in {r.type for r in later}
    assert KTR_NAMEI in {r.type for r in recs}


def test_sigterm_detaches_and_the_tracer_ends(env, loopers, tmp_path):
    lp = loopers()
    out = tmp_path / "ktrace.out"
    run(env, "-f", str(out), "-p", str(lp.pid))
    tracer = tracer_of(lp.pid)
    os.kill(tracer, signal.SIGTERM)
    _wait_for(lambda: gone(tracer), "the tracer's exit")
    assert tracer_of(lp.pid) == 0
    lp.moves_on()
    complete_records(out)


def test_clearing_what_nobody_traces_is_quiet_and_bad_targets_fail(env, loopers, tmp_path):
    lp = loopers()
    assert run(env, "-c", "-p", str(lp.pid)) == ""
    untraced = tmp_path / "untraced.out"
    untraced.write_bytes(b"")
    assert run(env, "-c", "-f", str(untraced)) == ""
    assert run(env, "-c", "-p", "999999999", rc=1) == \
        "pyktrace: 999999999: No such process\n"
    assert run(env, "-c", "-f", str(tmp_path / "missing"), rc=1) == \
        f"pyktrace: {tmp_path / 'missing'}: No such file or directory\n"
    assert run(env, "-c", "-p", str(lp.pid), "/bin/true", rc=1) == \
        "pyktrace: -c and -C take no command\n"


def test_a_spawned_command_can_be_cleared_not_joined(env, loopers, cbin, tmp_path):
    """Unfiltered: -c detaches the command, pyktrace still ends like it."""
    out = tmp_path / "ktrace.out"
    p = subprocess.Popen([str(PYKTRACE), "-f", str(out), str(cbin / "looper"),
                          str(tmp_path / "spawned")], env=env)
    try:
        _wait_for(lambda: p.pid in control.live_tracers(), "the tracer's socket")
        child = int(subprocess.check_output(["pgrep", "-P", str(p.pid)]).split()[0])
        other = loopers()
        err = run(env, "-f", str(out), "-p", str(other.pid), rc=1)
        assert "written by pyktrace for a command it runs" in err
        assert tracer_of(other.pid) == 0
        run(env, "-c", "-p", str(child))
        assert tracer_of(child) == 0
        os.kill(child, signal.SIGKILL)
        assert p.wait(timeout=30) == -signal.SIGKILL
    finally:
        _kill_tree(p)
    assert complete_records(out)


def test_a_filtered_command_stays_attached_when_cleared(env, cbin, tmp_path):
    out = tmp_path / "ktrace.out"
    progress = tmp_path / "spawned"
    p = subprocess.Popen([str(PYKTRACE), "-t", "n", "-f", str(out),
                          str(cbin / "looper"), str(progress)], env=env)
    try:
        _wait_for(lambda: progress.exists() and progress.read_text(), "the command")
        _wait_for(lambda: p.pid in control.live_tracers(), "the tracer's socket")
        child = int(subprocess.check_output(["pgrep", "-P", str(p.pid)]).split()[0])
        assert _status_field(child, b"Seccomp:") == b"2"
        err = run(env, "-c", "-p", str(child))
        cleared_at = time.time_ns()
        assert "seccomp filter and cannot be detached" in err
        assert tracer_of(child) == p.pid                    # pass-through
        start = int(progress.read_text())
        _wait_for(lambda: int(progress.read_text() or 0) > start + 3, "progress")
        os.kill(child, signal.SIGKILL)
        assert p.wait(timeout=30) == -signal.SIGKILL
    finally:
        _kill_tree(p)
    recs = complete_records(out)
    assert recs and not [r for r in recs if r.sec * 10**9 + r.frac > cleared_at]


def test_a_malformed_request_never_stops_a_tracer(env, loopers, tmp_path):
    lp = loopers()
    run(env, "-f", str(tmp_path / "ktrace.out"), "-p", str(lp.pid))
    sock = control.live_tracers()[tracer_of(lp.pid)]
    for raw in (b"\x00" * 100 + b"\n", b'{"op": "set", "pids": [0]}\n', b"{" * 1000 + b"\n"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.connect(str(sock))
            s.sendall(raw)
            assert control.Response.decode(s.makefile("rb").readline()).error == errno.EINVAL
    assert control.send(sock, control.Request("status")).pids == [lp.pid]


def _as_nobody(env: dict, *args: str) -> subprocess.CompletedProcess:
    return run_as_nobody([str(PYKTRACE), *args], env=env, timeout=60)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become nobody")
def test_C_clears_the_callers_processes_and_root_clears_all(env, loopers, cbin,
                                                            tmp_path, world_dir):
    """nobody's -C clears nobody's tracing only; root's -C clears every
    user's (``ktrace -C``).  (This reaches every tracer on the machine.)"""
    if _as_nobody(env, "--help").returncode != 0:
        pytest.skip("nobody cannot run this pyktrace (installed under a private directory)")
    mine = loopers()
    run(env, "-f", str(tmp_path / "root.out"), "-p", str(mine.pid))
    prog = world_dir / "looper"
    prog.write_bytes((cbin / "looper").read_bytes())
    prog.chmod(0o755)
    theirs = subprocess.Popen([*SETPRIV, str(prog), str(world_dir / "progress")])
    try:
        _wait_for(lambda: (world_dir / "progress").exists(), "nobody's looper")
        out = world_dir / "nobody.out"
        assert _as_nobody(env, "-f", str(out), "-p", str(theirs.pid)).returncode == 0
        assert tracer_of(theirs.pid) != 0
        assert _as_nobody(env, "-C").returncode == 0
        assert tracer_of(theirs.pid) == 0                   # theirs cleared
        assert tracer_of(mine.pid) != 0                     # root's untouched
        assert _as_nobody(env, "-f", str(out), "-p", str(theirs.pid)).returncode == 0
        assert run(env, "-C") == ""
        assert tracer_of(theirs.pid) == tracer_of(mine.pid) == 0
    finally:
        theirs.kill()
        theirs.wait()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become nobody")
def test_another_user_cannot_clear_or_join_roots_tracing(env, loopers, tmp_path):
    if _as_nobody(env, "--help").returncode != 0:
        pytest.skip("nobody cannot run this pyktrace (installed under a private directory)")
    lp = loopers()
    out = tmp_path / "ktrace.out"
    run(env, "-f", str(out), "-p", str(lp.pid))
    tracer = tracer_of(lp.pid)
    p = _as_nobody(env, "-c", "-p", str(lp.pid))
    assert (p.returncode, p.stderr) == (1, f"pyktrace: {lp.pid}: Operation not permitted\n".encode())
    p = _as_nobody(env, "-C")                  # nothing of nobody's is traced
    assert p.returncode == 0
    shared = Path("/tmp") / f"pyktrace-test-{os.getpid()}.out"
    try:
        p = _as_nobody(env, "-f", str(shared), "-p", str(lp.pid))
        assert p.returncode == 1 and b"Operation not permitted" in p.stderr
    finally:
        shared.unlink(missing_ok=True)
    p = _as_nobody(env, "-c", "-f", str(out))   # root's file, in root's tmp_path
    assert p.returncode == 1
    assert tracer_of(lp.pid) == tracer                       # all untouched
    lp.moves_on()


def test_a_killed_background_tracer_leaves_its_targets_running(env, loopers, tmp_path):
    lp = loopers()
    run(env, "-f", str(tmp_path / "ktrace.out"), "-p", str(lp.pid))
    tracer = tracer_of(lp.pid)
    os.kill(tracer, signal.SIGKILL)
    _wait_for(lambda: gone(tracer), "the tracer's death")
    _wait_for(lambda: tracer_of(lp.pid) == 0, "the kernel's detach")
    lp.moves_on()
    # its socket is stale now: a new tracer starts and renames its own over it
    run(env, "-f", str(tmp_path / "ktrace.out"), "-p", str(lp.pid))
    assert tracer_of(lp.pid) not in (0, tracer)
    run(env, "-c", "-p", str(lp.pid))


def test_joining_again_adds_trace_points(env, loopers, tmp_path):
    """A second -p of a process already traced into the file ORs its -t
    points in (KTROP_SET), and an EMUL record marks the change."""
    lp = loopers()
    out = tmp_path / "ktrace.out"
    run(env, "-t", "ce", "-f", str(out), "-p", str(lp.pid))
    tracer = tracer_of(lp.pid)
    lp.moves_on()
    asked_at = time.time_ns()
    run(env, "-t", "n", "-f", str(out), "-p", str(lp.pid))
    added_at = time.time_ns()
    assert tracer_of(lp.pid) == tracer
    lp.moves_on()
    run(env, "-c", "-p", str(lp.pid))
    _wait_for(lambda: gone(tracer), "the tracer's exit")
    recs = complete_records(out)
    before = [r for r in recs if r.sec * 10**9 + r.frac < asked_at]
    later = [r for r in recs if r.sec * 10**9 + r.frac > added_at]
    assert KTR_NAMEI not in {r.type for r in before}
    assert {KTR_NAMEI, KTR_SYSCALL} <= {r.type for r in later}
    assert [r for r in recs if r.type == KTR_EMUL][1:]      # one more EMUL


def _threads_state(pid: int) -> set[bytes]:
    states = set()
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            states.add(_status_field(int(t), b"State:"))
        except (FileNotFoundError, ProcessLookupError):   # gone, or going while read
            pass
    return states


def test_clearing_a_process_whose_main_thread_has_exited(env, cbin, tmp_path):
    """pthread_exit leaves a zombie leader that never stops: -c must not
    wait on it, and the workers are let go, never left in tracing stop."""
    target = subprocess.Popen([str(cbin / "leaderexit"), "400"])
    try:
        run(env, "-f", str(tmp_path / "ktrace.out"), "-p", str(target.pid))
        tracer = tracer_of(target.pid)
        _wait_for(lambda: _status_field(target.pid, b"State:") == b"Z", "pthread_exit")
        run(env, "-c", "-p", str(target.pid))
        workers = [int(t) for t in os.listdir(f"/proc/{target.pid}/task")
                   if int(t) != target.pid]
        assert workers and all(tracer_of(w) == 0 for w in workers)
        assert b"t" not in _threads_state(target.pid)
        _wait_for(lambda: gone(tracer), "the tracer's exit")
    finally:
        target.kill()
        target.wait()


def test_attaching_to_a_process_whose_main_thread_has_exited(env, cbin, tmp_path):
    """The zombie leader cannot be seized and stays listed in /proc: -p
    seizes the workers (it used to retry the leader forever), and their
    lookups are read through them."""
    target = subprocess.Popen([str(cbin / "leaderexit"), "0"])
    try:
        _wait_for(lambda: _status_field(target.pid, b"State:") == b"Z", "pthread_exit")
        out = tmp_path / "ktrace.out"
        run(env, "-f", str(out), "-t", "n", "-p", str(target.pid))
        _wait_for(lambda: any(r.payload == b"/" for r in complete_records(out)),
                  "a worker's lookup")
        run(env, "-c", "-p", str(target.pid))
        assert {r.pid for r in complete_records(out)} == {target.pid}
    finally:
        target.kill()
        target.wait()


def test_a_programs_own_seccomp_filter_does_not_pin_its_children(env, cbin, tmp_path):
    """Only pyktrace's own filter keeps a process attached: children of a
    program that filters itself (as in a container) are let go by -c."""
    shell = subprocess.Popen([str(cbin / "ownfilter"), "sh", "-c",
                              "while :; do sleep 0.05; done"])
    try:
        _wait_for(lambda: _status_field(shell.pid, b"Seccomp:") == b"2", "the filter")
        run(env, "-i", "-f", str(tmp_path / "ktrace.out"), "-p", str(shell.pid))
        tracer = tracer_of(shell.pid)

        def traced_sleep() -> int:
            for kid in subprocess.run(["pgrep", "-P", str(shell.pid)], capture_output=True,
                                      text=True).stdout.split():
                if tracer_of(int(kid)) == tracer:
                    return int(kid)
            return 0
        _wait_for(traced_sleep, "a traced child")
        assert run(env, "-c", "-p", str(shell.pid)) == ""
        assert tracer_of(shell.pid) == 0
        assert run(env, "-c", "-f", str(tmp_path / "ktrace.out")) == ""
        _wait_for(lambda: gone(tracer), "the tracer's exit")   # nothing kept attached
    finally:
        shell.kill()
        shell.wait()


def test_attaching_while_threads_are_being_created(env, tmp_path):
    """Threads created by an already seized thread are attached by the
    kernel (TRACECLONE): seizing them again is no refusal."""
    code = ("import threading, time\n"
            "while True:\n"
            "    ts = [threading.Thread(target=time.sleep, args=(0.01,)) for _ in range(20)]\n"
            "    [t.start() for t in ts]; [t.join() for t in ts]\n")
    target = subprocess.Popen([sys.executable, "-c", code])
    try:
        for _ in range(8):
            run(env, "-f", str(tmp_path / "ktrace.out"), "-p", str(target.pid))
            tracer = tracer_of(target.pid)
            run(env, "-c", "-p", str(target.pid))
            _wait_for(lambda: gone(tracer), "the tracer's exit")
        assert b"t" not in _threads_state(target.pid)
    finally:
        target.kill()
        target.wait()


def test_the_background_tracer_keeps_no_inherited_descriptor(env, loopers, tmp_path):
    """A pipe the caller passed down reaches EOF when pyktrace returns, not
    when tracing ends."""
    lp = loopers()
    r, w = os.pipe()
    p = subprocess.Popen([str(PYKTRACE), "-f", str(tmp_path / "ktrace.out"),
                          "-p", str(lp.pid)], env=env, stdout=w, pass_fds=(w,))
    os.close(w)
    with os.fdopen(r, "rb") as f:
        assert f.read() == b""                  # EOF: nobody holds the pipe
    assert p.wait(timeout=60) == 0
    assert tracer_of(lp.pid) != 0
    run(env, "-c", "-p", str(lp.pid))


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become nobody")
def test_a_process_group_is_traced_where_the_caller_may(env, cbin, world_dir):
    """-g over a group mixing users: nobody traces its own member and
    leaves root's alone (EPERM only when no member could be traced)."""
    if _as_nobody(env, "--help").returncode != 0:
        pytest.skip("nobody cannot run this pyktrace (installed under a private directory)")
    prog = world_dir / "looper"
    prog.write_bytes((cbin / "looper").read_bytes())
    prog.chmod(0o755)
    script = (f"{prog} {world_dir}/root & "
              f"{' '.join(SETPRIV)} {prog} {world_dir}/nobody & wait")
    group = subprocess.Popen(["sh", "-c", script], start_new_session=True)
    try:
        def member(owner: str) -> int:
            for kid in subprocess.run(["pgrep", "-g", str(group.pid), "-f", f"{world_dir}/{owner}"],
                                      capture_output=True, text=True).stdout.split():
                if _status_field(int(kid), b"Uid:") == (b"65534" if owner == "nobody" else b"0"):
                    return int(kid)
            return 0
        _wait_for(lambda: member("root") and member("nobody"), "the group")
        p = _as_nobody(env, "-f", str(world_dir / "g.out"), "-g", str(group.pid))
        assert p.returncode == 0, p.stderr
        assert tracer_of(member("nobody")) != 0
        assert tracer_of(member("root")) == tracer_of(group.pid) == 0
        assert _as_nobody(env, "-c", "-g", str(group.pid)).returncode == 0
        assert tracer_of(member("nobody")) == 0
    finally:
        os.killpg(group.pid, signal.SIGKILL)
        group.wait()


def test_clearing_a_shell_that_vforks_children_we_trace(env, tmp_path):
    """A vfork parent stops only once its traced child has exec'd: the
    loop must go on serving that child while the parent waits to be
    detached (python's subprocess spawns with vfork)."""
    code = ("import subprocess\n"
            "while True:\n"
            "    subprocess.run(['/bin/true'])\n")
    target = subprocess.Popen([sys.executable, "-c", code])
    try:
        for _ in range(5):
            run(env, "-i", "-f", str(tmp_path / "ktrace.out"), "-p", str(target.pid))
            tracer = tracer_of(target.pid)
            run(env, "-c", "-p", str(target.pid))
            assert tracer_of(target.pid) == 0
            _wait_for(lambda: gone(tracer), "the tracer's exit")   # children too
        assert b"t" not in _threads_state(target.pid)
    finally:
        target.kill()
        target.wait()


@pytest.mark.parametrize("how", ["clear", "sigterm"])
def test_letting_go_of_a_process_whose_threads_keep_execing(env, cbin, tmp_path, how):
    """A non-main thread execs every 2 ms: the exec (de_thread) lands in
    the middle of the asynchronous detach, and nothing stays traced."""
    target = subprocess.Popen([str(cbin / "threadexec")])
    try:
        for _ in range(6):
            p = subprocess.run([str(PYKTRACE), "-f", str(tmp_path / "ktrace.out"),
                                "-p", str(target.pid)], env=env, capture_output=True,
                               timeout=60)
            if p.returncode != 0:
                # the kernel's exec/attach hang: the daemon was killed
                assert b"did not finish attaching" in p.stderr, p.stderr
                _wait_for(lambda: tracer_of(target.pid) == 0, "the kernel's detach")
                continue
            tracer = tracer_of(target.pid)
            assert tracer > 0
            time.sleep(0.05)
            assert tracer_of(target.pid) == tracer          # still traced
            if how == "clear":
                run(env, "-c", "-p", str(target.pid))
            else:
                os.kill(tracer, signal.SIGTERM)
            _wait_for(lambda: gone(tracer), "the tracer's exit")
            _wait_for(lambda: tracer_of(target.pid) == 0, "the detach")
            assert b"t" not in _threads_state(target.pid)
    finally:
        target.kill()
        target.wait()
