"""The control plane's plumbing: runtime directory, socket protocol, ktrcanset.

NetBSD keeps tracing state in the kernel, so ``ktrace -p``, ``ktrace -c`` and
``ktrace -C`` are single system calls (``ktrace_common``).  pyktrace keeps it
in one background tracer process per trace file (one ``KtrDesc``), and other
``pyktrace`` invocations reach that process through a Unix-domain socket:

* The sockets live in a per-user runtime directory,
  ``$XDG_RUNTIME_DIR/pyktrace`` (when that directory is the user's) or else
  ``/tmp/pyktrace-UID``; it is created
  0700 and refused when it is not owned by the user or is group/world
  writable (someone else could plant sockets there).
* A tracer's socket is named after its trace file's device and inode
  (``ktd-DEV-INO.sock``), which is the seed's ``ktd_lookup``: a second
  ``pyktrace -f SAME_FILE`` finds the tracer that already writes that file.
* The protocol: one request per connection, one JSON object on one line
  (at most 64 KiB), answered by one JSON object on one line::

      {"op": "set", "pids": [123, 124], "facs": 1234, "inherit": false, "version": 2}
      {"op": "clear", "pids": [123], "facs": 1234}
      {"op": "clearfile"}
      {"op": "clearall"}
      {"op": "status"}
      -> {"error": 0, "message": "", "pids": [123]}

  ``set`` traces the processes (every thread) into the tracer's file, adding
  ``facs`` (``KTRFAC_*`` bits) to the points of those it already traces;
  ``clear`` removes ``facs`` and lets go of a process left with none;
  ``clearfile`` stops all tracing to the file; ``clearall`` stops the
  tracing of every process the caller may change; ``status`` lists the
  traced pids.  The client resolves ``-g`` and ``-d`` into pids.  ``error``
  is an errno number (0 for success); ``message`` is for humans.  Anything
  else gets ``EINVAL`` and the tracer goes on.
* Every request is checked like the seed's ``ktrcanset``: the peer's uid
  (``SO_PEERCRED``, not anything it claims) must be root or own every target
  (real, effective and saved uid all equal to the peer's); otherwise the
  answer is ``EPERM`` and nothing changes.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
from collections.abc import Callable

TYPE_CHECKING = False
if TYPE_CHECKING:
    import socket

# socket, threading, fcntl, json (and re) and pathlib cost milliseconds of
# pyktrace's start-up: paths are strings, the rest is imported where used.

MAX_REQUEST = 64 * 1024
OPS = ("set", "clear", "clearfile", "clearall", "status")
_UCRED = struct.Struct("3i")


class ControlError(Exception):
    """A control-plane failure with the errno it stands for."""

    def __init__(self, err: int, message: str) -> None:
        super().__init__(message)
        self.errno = err


def runtime_dir(create: bool = True) -> str:
    """The caller's runtime directory for tracer sockets, checked.

    Raises :class:`ControlError` (EACCES) when it exists but is not safe.
    """
    uid = os.getuid()
    base = os.environ.get("XDG_RUNTIME_DIR")
    try:
        # another user's (an environment kept across su/setpriv) is not ours
        mine = bool(base) and os.stat(base).st_uid == uid
    except OSError:
        mine = False
    path = os.path.join(base, "pyktrace") if mine else f"/tmp/pyktrace-{uid}"
    if create:
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        except OSError as e:
            raise ControlError(e.errno or errno.EACCES,
                               f"cannot create {path}: {e.strerror}") from None
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return path
    if not stat.S_ISDIR(st.st_mode):
        raise ControlError(errno.EACCES, f"{path} is not a directory")
    if st.st_uid != uid:
        raise ControlError(errno.EACCES, f"{path} is owned by uid {st.st_uid}, not {uid}")
    if st.st_mode & 0o022:
        raise ControlError(errno.EACCES, f"{path} is group or world writable")
    return path


def socket_name(dev: int, ino: int) -> str:
    """The socket of the tracer writing the file (dev, ino): ktd_lookup's key."""
    return f"ktd-{dev}-{ino}.sock"


def tracer_sockets(directory: str) -> list[str]:
    """Every tracer socket in a runtime directory."""
    try:
        return sorted(os.path.join(directory, n) for n in os.listdir(directory)
                      if n.startswith("ktd-") and n.endswith(".sock"))
    except (FileNotFoundError, PermissionError, NotADirectoryError):
        return []


def reachable_dirs() -> list[str]:
    """The runtime directories whose tracers the caller may ask things of:
    its own; for root every user's (``ktrace -C`` as root clears all) --
    only those that are what pyktrace makes (a 0700 directory owned by the
    uid its name says), never one planted by someone else."""
    own = runtime_dir(create=False)
    dirs = [own]
    if os.getuid() == 0:        # (glob would import re: start-up milliseconds)
        candidates = [f"/tmp/{n}" for n in _listdir("/tmp") if n.startswith("pyktrace-")]
        candidates += [f"/run/user/{n}/pyktrace" for n in _listdir("/run/user")]
        for d in sorted(candidates):
            if d != own and _owned_as_named(d):
                dirs.append(d)
    return dirs


def _listdir(path: str) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return []


def _owned_as_named(d: str) -> bool:
    try:
        st = os.lstat(d)
    except OSError:
        return False
    name = d[len("/tmp/pyktrace-"):] if d.startswith("/tmp/") else d.split("/")[3]
    return (stat.S_ISDIR(st.st_mode) and not st.st_mode & 0o077
            and name.isdigit() and st.st_uid == int(name))


def live_tracers() -> dict[int, str]:
    """pid of each running tracer -> its socket.  Sockets nobody listens on
    (a tracer killed by SIGKILL leaves its own, until a tracer of the same
    file replaces it) are skipped, never removed here: a client cannot tell
    a dead tracer's socket from one being replaced at that moment.  A
    socket whose listener is not the directory's owner is ignored."""
    found: dict[int, str] = {}
    for d in reachable_dirs():
        try:
            owner = os.lstat(d).st_uid
        except OSError:
            continue                        # none made yet: no tracer
        for path in tracer_sockets(d):
            peer = server_credentials(path)
            if peer is not None and peer[1] == owner:
                found[peer[0]] = path
    return found


def tracers_of_file(st: os.stat_result) -> list[tuple[str, int]]:
    """(socket, pid) of each running tracer that writes the file ``st``
    describes (the seed's ``ktd_lookup``: same device and inode), searched
    in every reachable runtime directory."""
    if not stat.S_ISREG(st.st_mode):
        return []
    name = socket_name(st.st_dev, st.st_ino)
    found = []
    for d in reachable_dirs():
        path = os.path.join(d, name)
        if os.path.exists(path):
            pid = server_pid(path)
            if pid is not None:
                found.append((path, pid))
    return found


def tracer_of_file(fd: int) -> tuple[str, int] | None:
    """The first of :func:`tracers_of_file` for the file open on ``fd``."""
    found = tracers_of_file(os.fstat(fd))
    return found[0] if found else None


class file_lock:  # noqa: N801 - used as a context manager, like open()
    """Serialise the pyktrace commands that look up, start or join tracers
    (one lock per runtime directory: starting is rare and quick), so that
    two never start a tracer each for one file.  ``with`` gives the lock's
    descriptor: a background tracer forked meanwhile inherits the lock and
    must close its copy once it listens."""

    def __init__(self, directory: str) -> None:
        self.path = os.path.join(directory, "lock")
        self.fd = -1

    def __enter__(self) -> int:
        import fcntl
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW
                          | os.O_CLOEXEC, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self.fd

    def __exit__(self, *exc: object) -> None:
        try:
            os.close(self.fd)
        except OSError:
            pass


class _Line:
    """A message of the protocol: its attributes as one JSON line."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.__dict__ == other.__dict__

    def encode(self) -> bytes:
        import json
        return json.dumps(self.__dict__).encode() + b"\n"


class Request(_Line):
    """One control request (see the module docstring for the wire form)."""

    FIELDS = ("op", "pids", "facs", "inherit", "version")

    def __init__(self, op: str, pids: list[int] | None = None, facs: int = 0,
                 inherit: bool = False, version: int = 2) -> None:
        self.op = op
        self.pids = [] if pids is None else pids     # checked by decode()
        self.facs = facs
        self.inherit = inherit
        self.version = version

    @classmethod
    def decode(cls, line: bytes) -> "Request":
        """Parse and validate; raises ControlError(EINVAL) on anything odd."""
        try:
            import json
            obj = json.loads(line)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise ControlError(errno.EINVAL, "request is not JSON") from None
        if not isinstance(obj, dict) or obj.get("op") not in OPS:
            raise ControlError(errno.EINVAL, "request has no valid op")
        if set(obj) - set(cls.FIELDS):
            raise ControlError(errno.EINVAL,
                               f"unknown fields {sorted(set(obj) - set(cls.FIELDS))}")
        req = cls(**obj)
        ints = (isinstance(req.pids, list)
                and all(type(p) is int and 0 < p < 1 << 31 for p in req.pids)
                and type(req.facs) is int and 0 <= req.facs < 1 << 32
                and req.version in (0, 1, 2) and type(req.inherit) is bool)
        if not ints:
            raise ControlError(errno.EINVAL, "request has malformed fields")
        return req


class Response(_Line):
    """A tracer's answer: an errno (0: done), a line for humans, the pids."""

    def __init__(self, error: int = 0, message: str = "",
                 pids: list[int] | None = None) -> None:
        self.error = error
        self.message = message
        self.pids = list(pids or [])

    def __repr__(self) -> str:
        return f"Response({self.error}, {self.message!r}, {self.pids})"

    @classmethod
    def decode(cls, line: bytes) -> "Response":
        try:
            import json
            obj = json.loads(line)
            return cls(int(obj["error"]), str(obj.get("message", "")),
                       [int(p) for p in obj.get("pids", [])])
        except (ValueError, KeyError, TypeError):
            raise ControlError(errno.EPROTO, "malformed reply from the tracer") from None


def process_uids(pid: int) -> tuple[int, ...]:
    """Real, effective, saved and fs uid of a process (ESRCH if it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("Uid:"):
                    return tuple(int(x) for x in line.split()[1:5])
    except (FileNotFoundError, ProcessLookupError):
        pass
    raise ControlError(errno.ESRCH, f"no such process {pid}")


def ktrcanset(uid: int, pid: int) -> bool:
    """May a caller with this uid change the tracing of ``pid``? (ktrcanset)

    Root may; anyone else only for processes whose every uid is theirs, so a
    set-id program cannot be traced by the user who started it.
    """
    uids = process_uids(pid)           # ESRCH first, even for root
    return uid == 0 or all(u == uid for u in uids)


def may_change(uid: int, pid: int) -> bool:
    """:func:`ktrcanset`, false for a process gone meanwhile."""
    try:
        return ktrcanset(uid, pid)
    except ControlError:
        return False


def permitted(uid: int, pids: list[int]) -> list[int]:
    """Those of ``pids`` a caller with ``uid`` may change.  As
    ``ktrace_common``, an error only when none may be changed (a process
    group mixing users is traced where it may be): ESRCH for the first of
    them that does not exist, else EPERM."""
    mine = [p for p in pids if may_change(uid, p)]
    if pids and not mine:
        for pid in pids:
            ktrcanset(uid, pid)             # ESRCH when it does not exist
        raise ControlError(errno.EPERM, f"{pids[0]}: {os.strerror(errno.EPERM)}")
    return mine


def peer_credentials(conn: "socket.socket") -> tuple[int, int, int]:
    """(pid, uid, gid) of the process at the other end, from the kernel."""
    import socket
    raw = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _UCRED.size)
    return _UCRED.unpack(raw)


def _read_line(conn: "socket.socket") -> bytes:
    buf = b""
    while not buf.endswith(b"\n"):
        chunk = conn.recv(4096)
        if not chunk:
            break
        buf += chunk
        if len(buf) > MAX_REQUEST:
            raise ControlError(errno.E2BIG, "request too long")
    return buf


Handler = Callable[[Request, int], Response]


class ControlServer:
    """A tracer's control socket: accepts requests in a thread of its own.

    ``handler(request, peer_uid)`` runs in the server thread and must return
    a :class:`Response`; permission checks against targets are the
    handler's (it knows which processes it traces), helped by
    :func:`ktrcanset`.  Malformed requests are answered here and never reach
    the handler; an exception in the handler is answered with EIO.
    """

    def __init__(self, path: str, handler: Handler) -> None:
        import socket
        import threading
        self.path = path
        self._handler = handler
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # bound under a name of its own and renamed into place (over any
        # stale socket of a dead tracer) only once listening: a client never
        # finds a socket there that refuses connections but is live
        fresh = f"{path}.{os.getpid()}"
        try:
            os.unlink(fresh)
        except FileNotFoundError:
            pass
        self._sock.bind(fresh)
        os.chmod(fresh, 0o600)
        self._sock.listen(16)
        os.rename(fresh, path)
        self._closed = False
        self._thread = threading.Thread(target=self._serve, daemon=True,
                                        name="pyktrace control")
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return              # closed
            with conn:
                conn.settimeout(5.0)
                try:
                    self._answer(conn)
                except OSError:
                    pass            # the client went away; nothing to tell

    def _answer(self, conn: "socket.socket") -> None:
        _pid, uid, _gid = peer_credentials(conn)
        try:
            req = Request.decode(_read_line(conn))
            reply = self._handler(req, uid)
        except ControlError as e:
            reply = Response(e.errno, str(e))
        except Exception as e:      # noqa: BLE001 - the tracer must go on
            reply = Response(errno.EIO, f"internal error: {e}")
        conn.sendall(reply.encode())

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        import socket
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        self._thread.join(timeout=5)


def send(path: str, request: Request, timeout: float = 30.0) -> Response:
    """Send one request to a tracer and wait for its answer."""
    import socket
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        try:
            s.connect(path)
            s.sendall(request.encode())
            line = _read_line(s)
        except FileNotFoundError:
            raise ControlError(errno.ENOENT, f"no tracer at {path}") from None
        except ConnectionRefusedError:
            raise ControlError(errno.ECONNREFUSED, f"stale socket {path}") from None
        except PermissionError:
            raise ControlError(errno.EPERM, f"not allowed to reach {path}") from None
        except OSError as e:
            raise ControlError(e.errno or errno.EIO, f"{path}: {e.strerror}") from None
    return Response.decode(line)


def server_credentials(path: str) -> tuple[int, int, int] | None:
    """(pid, uid, gid) of the tracer listening on a socket, or None."""
    import socket
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        try:
            s.connect(path)
        except OSError:
            return None
        return peer_credentials(s)


def server_pid(path: str) -> int | None:
    """The pid of the tracer listening on a socket, or None if none does."""
    cred = server_credentials(path)
    return cred[0] if cred is not None else None
