"""PSIG records and restarts, traced for real (design §4)."""

from __future__ import annotations

import os
import signal
import subprocess

from ktrace.format import ERESTART
from ktrace.tracefile import Reader
from test_tracer_basic import (
    NR_READ, PYKTRACE, after_exec, compile_c, decode, trace)
from test_tracer_procs import _attached, _wait_for

NB_SIGUSR1, NB_SIGALRM, NB_SIGTERM, NB_SIGKILL = 30, 14, 15, 9
PSIG_LEN, PSIG_SIGINFO_LEN = 40, 40 + 128


def _run(tmp_path, cbin, case, rc=0, *opts):
    proc, recs = trace(tmp_path, [str(cbin / "signals"), case], *opts, check_rc=rc)
    handler = int(proc.stdout.split()[0], 16)
    if opts:
        return handler, [decode(r) for r in recs]
    return handler, [decode(r) for r in after_exec(recs)]


def test_handled_signal_psig_netbsd_number_and_handler(tmp_path, cbin):
    handler, d = _run(tmp_path, cbin, "handler")
    psigs = [x for x in d if x[0] == "PSIG"]
    assert len(psigs) == 1
    _, signo, action, mask, code, length = psigs[0]
    assert (signo, action, code, length) == (NB_SIGUSR1, handler, 0, PSIG_SIGINFO_LEN)
    assert mask == (0, 0, 0, 0)


def test_handler_known_with_only_s(tmp_path, cbin):
    """-t s alone still knows the handler: rt_sigaction passes the filter."""
    handler, d = _run(tmp_path, cbin, "handler", 0, "-t", "s")
    assert [x[:3] for x in d if x[0] == "PSIG"] == [("PSIG", NB_SIGUSR1, handler)]
    assert {x[0] for x in d} == {"PSIG"}


def test_ignored_signal_has_no_psig(tmp_path, cbin):
    _, d = _run(tmp_path, cbin, "ignore")
    assert not [x for x in d if x[0] == "PSIG"]


def test_default_fatal_signal_psig_and_exit_like_it(tmp_path, cbin):
    _, d = _run(tmp_path, cbin, "default", -15)
    assert [x[1:3] for x in d if x[0] == "PSIG"] == [(NB_SIGTERM, 0)]


def test_sigkill_synthesized_at_exit(tmp_path, cbin):
    _, d = _run(tmp_path, cbin, "kill", -9)
    psigs = [x for x in d if x[0] == "PSIG"]
    assert [(x[1], x[2], x[5]) for x in psigs] == [(NB_SIGKILL, 0, PSIG_LEN)]


def test_read_interrupted_without_sa_restart_is_eintr(tmp_path, cbin):
    handler, d = _run(tmp_path, cbin, "eintr", 10)
    reads = [n for n, x in enumerate(d) if x[:2] == ("CALL", NR_READ)]
    i = reads[-1]
    assert d[i + 1] == ("RET", NR_READ, -4, -512)
    assert d[i + 2][:3] == ("PSIG", NB_SIGALRM, handler)
    assert not [x for x in d[i + 3:] if x[:2] == ("CALL", NR_READ)]


def test_read_interrupted_with_sa_restart_is_erestart(tmp_path, cbin):
    handler, d = _run(tmp_path, cbin, "restart", 0)
    reads = [n for n, x in enumerate(d) if x[:2] == ("CALL", NR_READ)]
    i = reads[-2]
    assert d[i + 1] == ("RET", NR_READ, ERESTART, -512)
    assert d[i + 2][:3] == ("PSIG", NB_SIGALRM, handler)
    j = reads[-1]
    assert d[j + 1:j + 3] == [("GIO", d[j][2][0], 0, b"h"), ("RET", NR_READ, 0, 1)]


def test_handler_installed_before_attach_is_asked_for(tmp_path, *cflags):
    """-p: the handler address comes from an injected rt_sigaction query."""
    prog = compile_c(tmp_path, "waiter", *cflags)
    target = subprocess.Popen([str(prog)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    handler = int(target.stdout.readline(), 16)
    out = tmp_path / "ktrace.out"
    tracer = subprocess.Popen([str(PYKTRACE), "--foreground", "-f", str(out), "-p", str(target.pid)],
                              stderr=subprocess.PIPE)
    _wait_for(lambda: _attached(out, target.pid), "the attach")
    target.stdin.write(b"x")
    target.stdin.flush()
    assert target.stdout.readline() == b"ack\n"
    os.kill(target.pid, signal.SIGUSR1)     # in read, or just before it
    target.stdin.write(b"y")
    target.stdin.flush()
    line = target.stdout.readline()
    interrupted = line == b"intr\n"
    if interrupted:
        line = target.stdout.readline()
    assert line == b"ack\n"
    tracer.send_signal(signal.SIGINT)
    assert tracer.wait() == 0, tracer.stderr.read()
    assert tracer.stderr.read() == b""
    target.stdin.close()
    assert target.wait() == 0
    with open(out, "rb") as f:
        d = [decode(r) for r in Reader(f)]
    psigs = [x for x in d if x[0] == "PSIG"]
    assert [x[1:3] for x in psigs] == [(NB_SIGUSR1, handler)]
    if interrupted:
        assert d[d.index(psigs[0]) - 1] == ("RET", 3 if cflags else NR_READ, -4, -512)


def test_linux_signals_without_a_netbsd_number_are_signal_0(tmp_path):
    """SIGSTKFLT (16) and Linux's last two real-time signals have no NetBSD
    number: their PSIG says 0, never another NetBSD signal's number (16 is
    NetBSD's SIGURG; NetBSD's 63 is where Linux's 62 goes)."""
    import sys
    code = ("import os, signal\n"
            "for s in (16, 62, 63):\n"
            "    signal.signal(s, lambda *a: None)\n"
            "    os.kill(os.getpid(), s)\n")
    _, recs = trace(tmp_path, [sys.executable, "-c", code], "-t", "s")
    assert [d[1] for d in map(decode, recs) if d[0] == "PSIG"] == [0, 63, 0]


def test_sigreturn_returns_ejustreturn(tmp_path):
    """rt_sigreturn restores the interrupted context: NetBSD's returns
    EJUSTRETURN, whatever the registers hold (here kill's 0), in both
    stop loops."""
    import sys
    from ktrace.format import EJUSTRETURN
    code = ("import os, signal\n"
            "signal.signal(signal.SIGUSR1, lambda *a: None)\n"
            "os.kill(os.getpid(), signal.SIGUSR1)\n")
    for pure in ("", "1"):
        env = dict(os.environ, PYKTRACE_PURE=pure)
        _, recs = trace(tmp_path, [sys.executable, "-c", code], env=env)
        rets = [d for d in map(decode, recs) if d[0] == "RET" and d[1] == 15]
        assert rets and all(d[2:] == (EJUSTRETURN, 0) for d in rets), rets
