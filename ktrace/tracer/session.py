"""One tracer: a trace file's :class:`KtrDesc`, the stop loop feeding it, and
the control socket through which other ``pyktrace`` commands reach it.

This is what NetBSD's kernel holds for one ``ktr_desc``: the queue and its
writer thread, the processes traced into it, and (``ktd_lookup``) a way for
``ktrace -p``/``-c``/``-C`` to find it by the file's device and inode.
"""

from __future__ import annotations

import os
# the C module behind ``signal``, whose IntEnum wrappers (and ``enum``)
# cost ~3 ms of pyktrace's start-up; same functions, plain ints
import _signal as signal
from collections.abc import Callable

from ktrace.desc import KtrDesc
from ktrace.tracer.frontend import Frontend

#: signals that end tracing cleanly (every tracee detached or let run)
ENDING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class _SigchldBlocked:
    """``with _SigchldBlocked():`` the threads started inside (the writer,
    the control socket's) never take SIGCHLD: it is the stop loop's, which
    switches its handler (``Frontend._wake_on_stops``)."""

    def __enter__(self) -> None:
        self.mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})

    def __exit__(self, *exc: object) -> None:
        signal.pthread_sigmask(signal.SIG_SETMASK, self.mask)


class Session:
    """A trace file's tracer.  ``joinable`` is false when it spawned its
    command: others may clear it, not add processes to it."""

    def __init__(self, fd: int, name: str, *, facs: int, inherit: bool, version: int,
                 joinable: bool, log: Callable[[str], None], **tunables) -> None:
        self.fd = fd
        self.name = name
        self.version = version
        self.joinable = joinable
        self.log = log
        frontend: Frontend | None = None

        def on_sync() -> None:
            if frontend is not None:
                frontend.on_sync()

        with _SigchldBlocked():
            self.desc = KtrDesc(fd, version=version, on_sync=on_sync, name=name, **tunables)
        frontend = self.frontend = Frontend(self.desc, facs, inherit=inherit, log=log)
        self._server = None
        self._ktrops = None
        self._timer = None

    def listen(self) -> None:
        """Open the control socket (``ktd-DEV-INO.sock`` in the runtime
        directory).  Raises :class:`~ktrace.control.ControlError`."""
        from ktrace import control
        from ktrace.tracer.ktrops import Ktrops

        st = os.fstat(self.fd)
        path = os.path.join(control.runtime_dir(), control.socket_name(st.st_dev, st.st_ino))
        self._ktrops = Ktrops(self.frontend, file_name=self.name, version=self.version,
                              joinable=self.joinable)
        with _SigchldBlocked():
            self._server = control.ControlServer(path, self._ktrops.submit)

    def listen_later(self, delay: float) -> None:
        """Open the control socket once the command has run ``delay``
        seconds: the many commands that end sooner pay nothing for it
        (importing socket and its kin costs milliseconds of start-up)."""
        import threading

        def listen() -> None:
            from ktrace.control import ControlError
            try:
                self.listen()
            except (ControlError, OSError) as e:
                self.log(f"control socket unavailable ({e}): -c and -C cannot reach this trace")

        self._timer = threading.Timer(delay, listen)
        self._timer.daemon = True
        with _SigchldBlocked():
            self._timer.start()

    def handle_signals(self, signals: tuple[int, ...] = ENDING_SIGNALS) -> None:
        for sig in signals:
            signal.signal(sig, self.frontend.request_stop)

    def serve(self, child: int = 0) -> int | None:
        """Run the stop loop until no tracee is left; then refuse requests
        (``EAGAIN``: this tracer is ending).  Returns ``child``'s wait
        status if it was reaped here."""
        try:
            return self.frontend.run(child)
        finally:
            if self._timer is not None:
                self._timer.cancel()
                self._timer.join()
            if self._ktrops is not None:
                self._ktrops.close()

    def close(self) -> int:
        """Flush and close the file, then the socket (until then a joining
        pyktrace learns that this tracer is ending and waits for its exit,
        rather than starting another writer of the file); the number of
        records lost."""
        try:
            return self.desc.close()
        finally:
            if self._server is not None:
                self._server.close()
