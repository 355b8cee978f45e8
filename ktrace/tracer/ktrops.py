"""Control requests carried out by a running tracer: the seed's ``ktrops``.

NetBSD changes a process's tracing inside ``sys_ktrace`` (``ktrace_common``,
``ktrops``, ``ktrsetchildren``).  Here the state lives in the tracer process,
and only its tracer thread may make ptrace calls, so a request that arrives
on the control socket (its own thread) is queued on
:attr:`Frontend.requests <ktrace.tracer.frontend.Frontend.requests>` and the
tracer thread is woken out of ``waitpid``: the control thread forks a child
that exits at once, and ``waitpid(-1, __WALL)`` returns for it (no tracee is
touched, no stop can be lost).  The answer goes back once the tracer thread
has done the work, so ``pyktrace -c -p PID`` returns when PID is detached.
"""

from __future__ import annotations

import errno
import os
import threading

from ktrace.control import ControlError, Request, Response, may_change, permitted
from ktrace.format import KTRFAC_INHERIT, KTRFAC_MASK
from ktrace.tracer import launch
from ktrace.tracer.frontend import Frontend

#: how long a control thread waits for the tracer thread
ANSWER_TIMEOUT = 20.0


class Ktrops:
    """The requests one tracer (one trace file, one ``KtrDesc``) accepts.

    ``joinable`` is false for a tracer that spawned its command: it ends
    with that command, so other processes may not be added to it.
    """

    def __init__(self, frontend: Frontend, *, file_name: str, version: int,
                 joinable: bool) -> None:
        self.frontend = frontend
        self.file_name = file_name
        self.version = version
        self.joinable = joinable
        self.owner = os.geteuid()
        self._lock = threading.Lock()
        self._closing = False
        self._waiting: list[tuple[list, threading.Event]] = []

    # --- the control thread's side ---------------------------------------------
    def submit(self, req: Request, uid: int) -> Response:
        """Hand ``req`` to the tracer thread and wait for its answer."""
        if uid not in (0, self.owner):
            # the file and the tracer are someone else's (ktrcanset: only
            # root, or the owner, may change what a trace file receives)
            return Response(errno.EPERM, f"{self.file_name}: {os.strerror(errno.EPERM)}")
        slot: list = [None]
        done = threading.Event()
        pending: list[set[int]] = []          # carried out, detaches under way

        def finish(resp: Response) -> None:
            with self._lock:
                if not done.is_set():
                    slot[0] = resp
                    done.set()

        def carry_out() -> None:
            if done.is_set():
                return                        # the client was told it timed out
            try:
                resp, detached = self.carry_out(req, uid)
            except ControlError as e:
                finish(Response(e.errno, str(e)))
            except Exception as e:  # noqa: BLE001 - the tracer must go on
                finish(Response(errno.EIO, f"internal error: {e!r}"))
            else:
                # answered once the processes let go are detached
                pending.append(detached)
                self.frontend.after_release(detached, lambda: finish(resp))

        with self._lock:
            if self._closing:
                return Response(errno.EAGAIN, "the tracer is ending")
            self._waiting.append((slot, done))
            self.frontend.requests.append(carry_out)
        _wake_waitpid()
        if not done.wait(ANSWER_TIMEOUT):
            with self._lock:
                if not done.is_set():
                    done.set()                # never carried out now, or done
                    if pending:               # but a thread has not stopped yet
                        return Response(0, f"{', '.join(map(str, sorted(pending[0])))}: "
                                           "cleared; a thread that has not stopped yet "
                                           "is let go at its next stop")
                    return Response(errno.ETIMEDOUT, "the tracer did not answer")
        return slot[0]

    def close(self) -> None:
        """The loop has ended: refuse new requests, answer queued ones."""
        with self._lock:
            self._closing = True
            waiting, self._waiting = self._waiting, []
        self.frontend.requests.clear()
        for slot, done in waiting:
            if not done.is_set():
                slot[0] = Response(errno.EAGAIN, "the tracer is ending")
                done.set()

    # --- the tracer thread's side ----------------------------------------------
    def carry_out(self, req: Request, uid: int) -> tuple[Response, set[int]]:
        """Do what ``req`` asks; the answer, and the processes being let go
        (the answer waits until they are)."""
        fe = self.frontend
        if req.op == "status":
            return Response(0, "", sorted(p for p, proc in fe.procs.items()
                                          if not proc.silent)), set()
        if req.op == "clearfile":
            pids = sorted(fe.procs)
            fe.end_tracing()
            return Response(0, "", pids), {p for p in pids if not fe.procs.get(p) or
                                           not fe.procs[p].filtered}
        if req.op == "clearall":
            mine = [p for p in fe.procs if may_change(uid, p)]
            return self._clear(mine, KTRFAC_MASK | KTRFAC_INHERIT)
        req.pids = permitted(uid, req.pids)
        if req.op == "clear":
            return self._clear(req.pids, req.facs)
        return self._set(req), set()

    def _clear(self, pids: list[int], facs: int) -> tuple[Response, set[int]]:
        fe = self.frontend
        kept = []
        for pid in pids:
            proc = fe.procs.get(pid)
            if proc is not None and not fe.clear_points(proc, facs):
                kept.append(pid)
        detached = {p for p in pids if p in fe.released}
        if kept:
            return Response(0, f"{', '.join(map(str, kept))}: runs under pyktrace's "
                               "seccomp filter and cannot be detached; no more records, "
                               "it stays attached until it exits", pids), detached
        return Response(0, "", pids), detached

    def _set(self, req: Request) -> Response:
        if not self.joinable:
            return Response(errno.EBUSY, f"{self.file_name}: written by pyktrace for a "
                                         "command it runs; trace into another file")
        if not req.facs & KTRFAC_MASK:
            return Response(errno.EINVAL, "no trace points")
        if req.version != self.version:
            return Response(errno.EINVAL, f"{self.file_name}: the tracer writes version "
                                          f"{self.version} records, not {req.version}")
        fe = self.frontend
        options = launch.ptrace_options(req.inherit, False)
        for pid in req.pids:
            proc = fe.procs.get(pid)
            if proc is not None:
                fe.trace_more(proc, req.facs, req.inherit, options)
                continue
            try:
                tids = launch.seize_process(pid, options)
            except launch.LaunchError as e:
                return Response(errno.EPERM, str(e))
            fe.add_process(pid, tids, attached=True, points=req.facs, inherit=req.inherit)
        return Response(0, "", req.pids)


def _wake_waitpid() -> None:
    """Make the tracer thread's ``waitpid(-1, __WALL)`` return: a child of
    this process that exits at once (the loop ignores its status)."""
    if os.fork() == 0:
        os._exit(0)
