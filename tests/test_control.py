"""The control plane's plumbing with real sockets, processes and a second user."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
from pathlib import Path

import pytest

from ktrace import control as c

from nobody import NOBODY, call_as_nobody



def test_runtime_dir_is_created_private(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    d = c.runtime_dir()
    assert Path(d) == tmp_path / "pyktrace"
    assert os.stat(d).st_mode & 0o777 == 0o700


def test_runtime_dir_refuses_unsafe_directories(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    d = tmp_path / "pyktrace"
    d.mkdir(mode=0o700)
    d.chmod(0o777)
    with pytest.raises(c.ControlError, match="writable"):
        c.runtime_dir()
    d.chmod(0o700)
    os.chown(d, NOBODY, NOBODY)
    with pytest.raises(c.ControlError, match="owned by uid"):
        c.runtime_dir()
    d.rmdir()
    d.symlink_to(tmp_path)
    with pytest.raises(c.ControlError, match="not a directory"):
        c.runtime_dir()


@pytest.fixture
def server(tmp_path: Path):
    seen = []

    def handler(req: c.Request, uid: int) -> c.Response:
        seen.append((req, uid))
        for pid in req.pids:
            if not c.ktrcanset(uid, pid):
                return c.Response(errno.EPERM, f"not yours: {pid}")
        return c.Response(0, "ok", req.pids)

    srv = c.ControlServer(str(tmp_path / c.socket_name(1, 2)), handler)
    yield srv, seen
    srv.close()


def test_request_round_trip(server) -> None:
    srv, seen = server
    resp = c.send(srv.path, c.Request("set", [os.getpid()], facs=14, inherit=True))
    assert resp == c.Response(0, "ok", [os.getpid()])
    req, uid = seen[0]
    assert (req.op, req.facs, req.inherit, uid) == ("set", 14, True, os.getuid())
    assert c.server_pid(srv.path) == os.getpid()
    assert c.tracer_sockets(os.path.dirname(srv.path)) == [srv.path]


@pytest.mark.parametrize("raw", [
    b"not json\n", b"[1, 2]\n", b'{"op": "format-disk"}\n',
    b'{"op": "set", "pids": ["1"]}\n', b'{"op": "set", "pids": [-5]}\n',
    b'{"op": "set", "facs": 1e99}\n', b'{"op": "clear", "evil": 1}\n',
    b'{"op": "set", "version": 7}\n', b"\xff\xfe\n", b"\n",
    b'{"op": "set", "pids": 5}\n', b'{"op": "set", "inherit": 1}\n',
    b"[" * 60000 + b"\n",
])
def test_malformed_requests_never_reach_the_handler(server, raw: bytes) -> None:
    srv, seen = server
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(str(srv.path))
        s.sendall(raw)
        reply = c.Response.decode(s.makefile("rb").readline())
    assert reply.error == errno.EINVAL
    assert seen == []
    # and the server goes on serving
    assert c.send(srv.path, c.Request("status")).error == 0


def test_oversized_request_is_refused(server) -> None:
    srv, seen = server
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(str(srv.path))
        try:
            s.sendall(b"{" * (c.MAX_REQUEST + 10))
        except BrokenPipeError:
            pass
        reply = c.Response.decode(s.makefile("rb").readline())
    assert reply.error == errno.E2BIG and seen == []


def test_ktrcanset() -> None:
    me = os.getpid()
    assert c.ktrcanset(0, me)
    assert c.ktrcanset(os.getuid(), me)
    assert not c.ktrcanset(NOBODY, me)
    with pytest.raises(c.ControlError) as e:
        c.ktrcanset(0, 2**22 + 12345)          # above pid_max: never exists
    assert e.value.errno == errno.ESRCH


def as_nobody(path: str, pid: int) -> str:
    """Send a clear request as the unprivileged user nobody; the outcome."""
    def clear() -> str:
        try:
            return str(c.send(path, c.Request("clear", [pid], facs=14)).error)
        except c.ControlError as e:
            return f"refused {e.errno}"
    return call_as_nobody(clear)


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to become nobody")
def test_second_user_cannot_clear_roots_tracing(world_dir: Path) -> None:
    # a world-reachable socket, so that only SO_PEERCRED stands in the way
    seen = []

    def handler(req: c.Request, uid: int) -> c.Response:
        seen.append(uid)
        if not all(c.ktrcanset(uid, p) for p in req.pids):
            return c.Response(errno.EPERM, "not yours")
        return c.Response(0, "cleared", req.pids)

    srv = c.ControlServer(str(world_dir / "ktd-9-9.sock"), handler)
    try:
        os.chmod(srv.path, 0o666)
        target = subprocess.Popen(["sleep", "30"])
        assert as_nobody(srv.path, target.pid) == str(errno.EPERM)
        assert seen == [NOBODY]
        target.kill()
        target.wait()
    finally:
        srv.close()


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to become nobody")
def test_second_user_cannot_reach_roots_runtime_dir(world_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(world_dir))
    d = c.runtime_dir()
    srv = c.ControlServer(os.path.join(d, c.socket_name(3, 4)), lambda r, u: c.Response())
    try:
        assert as_nobody(srv.path, 1) == f"refused {errno.EPERM}"
    finally:
        srv.close()
