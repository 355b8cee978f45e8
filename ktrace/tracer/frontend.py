"""The stop loop: NetBSD's trace points played from Linux ptrace stops.

One tracer thread owns every ptrace call.  Per stop it does one
``PTRACE_GET_SYSCALL_INFO``, reads the tracee memory the records need,
resumes the tracee, and only then packs the records and queues them on the
:class:`~ktrace.desc.KtrDesc` (design §5): the traced program runs while
Python builds records.

"The traced LWP waits for the writer" (design §6): when ``add_entry`` answers
:data:`~ktrace.desc.PARK`, the thread has already been resumed for this stop,
so it is held at its *next* stop, unresumed, until ``can_resume`` says so,
while the loop keeps serving every other tracee.  The kernel sleeps right
after queueing; pyktrace's thread runs at most to its next stop first.

The common case runs in C when the optional ``_fastpath`` module is built
(``ktrace/tracer/_fastpath.c``): the entry and exit stops of plain x86_64
calls, for threads this loop marks ready in :meth:`Frontend._resume`.  It
hands every other stop back with the call in progress, and this loop stays
the reference; ``PYKTRACE_PURE=1`` keeps every stop here.
"""

from __future__ import annotations

import os
import select
# the C module behind ``signal``, whose IntEnum wrappers (and ``enum``)
# cost ~3 ms of pyktrace's start-up; same functions, plain ints
import _signal as signal
import stat
import struct
import time
from collections import deque
from itertools import groupby
from collections.abc import Callable

from ktrace import desc as _desc
from ktrace.format import (
    EJUSTRETURN, ERESTART, KTR_EMUL, KTR_EXEC_ARG, KTR_EXEC_ENV,
    KTR_EXEC_FD, KTR_GENIO, KTR_NAMEI, KTR_PSIG, KTR_SYSCALL, KTR_SYSRET,
    KTRFAC_EMUL, KTRFAC_EXEC_ARG, KTRFAC_EXEC_ENV, KTRFAC_EXEC_FD,
    KTRFAC_GENIO, KTRFAC_NAMEI, KTRFAC_PSIG, KTRFAC_SYSCALL, KTRFAC_SYSRET,
    KTRFAC_INHERIT, KTRFAC_MASK, KTRFAC_USER, KTR_USER, PAGE_SIZE, UIO_WRITE)
from ktrace.tracer import points as pts
from ktrace.tracer import ptrace as pt
from ktrace.tracer.procs import (
    SA_RESTART, SIG_DFL, SIG_IGN, Proc, Thread, elf_interp, has_seccomp_filter,
    is_zombie, open_fds, read_ppid, read_tgid, signal_state)
from ktrace.tracer.signals import STOP_SIGNALS, is_taken, netbsd_siginfo
from ktrace.tracer.user import message_records, read_msghdr

try:
    if os.environ.get("PYKTRACE_PURE") == "1":
        raise ImportError
    from ktrace.tracer import _fastpath as fast
except ImportError:
    fast = None

#: entries the C loop gathers before this loop queues them (fewer when
#: the queue nears the half of maxentry where threads are made to wait)
_FAST_BATCH = 256
#: the facility bits the C loop reads (CALL, RET, NAMI, GIO)
_FAST_POINTS = KTRFAC_SYSCALL | KTRFAC_SYSRET | KTRFAC_NAMEI | KTRFAC_GENIO



def _stop_of(entry: tuple) -> tuple[int, int]:
    """(lid, ns): the stop a KtrDesc entry of the C loop was made at."""
    return entry[2], entry[5]


EINTR = 4
NETBSD_SYS_FORK = 2                # sys/sys/syscall.h: child_return's RET code
_ERESTARTSYS, _ERESTARTNOINTR, _ERESTARTNOHAND, _ERESTART_RESTARTBLOCK = (
    -512, -513, -514, -516)
_GIO_DATA = PAGE_SIZE - 8          # ktr_io(): one page per record, header included
_U64 = (1 << 64) - 1
_PTR = {pt.AUDIT_ARCH_X86_64: struct.Struct("<Q"), pt.AUDIT_ARCH_I386: struct.Struct("<I")}
_IOVEC = {pt.AUDIT_ARCH_X86_64: struct.Struct("<QQ"), pt.AUDIT_ARCH_I386: struct.Struct("<II")}
# struct msghdr: offset and layout of (msg_iov, msg_iovlen); mmsghdr size
_MSG_IOV = {pt.AUDIT_ARCH_X86_64: (16, struct.Struct("<QQ")),
            pt.AUDIT_ARCH_I386: (8, struct.Struct("<II"))}
_MMSG = {pt.AUDIT_ARCH_X86_64: (64, 56), pt.AUDIT_ARCH_I386: (32, 28)}
# struct sigaction as rt_sigaction(2) takes it: handler, flags
_SIGACTION = {pt.AUDIT_ARCH_X86_64: struct.Struct("<QQ"), pt.AUDIT_ARCH_I386: struct.Struct("<II")}
AF_UNIX = 1
AT_FDCWD = 0xFFFFFF9C
IOV_LIMIT = 1024


class Frontend:
    """Serve ptrace stops, turn them into records on one :class:`KtrDesc`."""

    def __init__(self, desc: _desc.KtrDesc, points: int, *, inherit: bool,
                 log: Callable[[str], None]) -> None:
        self.desc = desc
        #: the points and -i of the first targets; a process found before
        #: its parent's clone event, whose parent is unknown, gets them too
        self.points = points
        self.inherit = inherit
        self.log = log
        lay = desc.layouts
        self._sysret = lay.sysret
        self._genio = lay.genio
        self._psig = lay.psig
        self._execfd = lay.execfd
        self._call_head = lay.syscall
        # register_t arguments; GET_SYSCALL_INFO gives them unsigned, and "Q"
        # packs the same bytes as the signed register_t without converting
        self._args = [struct.Struct(lay.abi.order + "Q" * n) for n in range(7)]
        self.procs: dict[int, Proc] = {}
        self.threads: dict[int, Thread] = {}
        #: tid -> (request, signal) owed to a thread held for the writer
        self.parked: dict[int, tuple[int, int]] = {}
        self.passthrough = False      # tracing ended: no records, only resumes
        #: a non-root tracer lets go of set-id execs (design §5)
        self.unprivileged = os.geteuid() != 0
        self.end_requested = False    # a signal or a dead trace file ends tracing
        self._wake_r, self._wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._chld_handler = False
        #: control requests (ktrops) for the tracer thread, which alone may
        #: ptrace: each is a callable run between two stops
        self.requests: deque[Callable[[], None]] = deque()
        #: tid -> ptrace options it takes at its next interrupt stop
        self.options_due: dict[int, int] = {}
        #: processes let go by a clear: a thread or child of theirs that
        #: reports only now (created during the detach) is let go too
        self.released: set[int] = set()
        #: interrupted threads to detach at their next stop (their process
        #: is ``silent`` meanwhile); the loop goes on serving the others
        self.detaching: set[int] = set()
        #: (tgids, callback): called once none of those processes is traced
        self._release_waiters: list[tuple[set[int], Callable[[], None]]] = []

    # --- set-up ---------------------------------------------------------------
    def on_sync(self) -> None:
        """Writer thread: parked threads may go; wake the loop."""
        try:
            os.write(self._wake_w, b"s")
        except OSError:
            pass

    def request_stop(self, signum: int, _frame=None) -> None:
        """SIGINT/SIGTERM/SIGHUP handler: leave the loop and detach.

        Raising out of ``waitpid`` could lose a stop it had just returned;
        instead one tracee is interrupted, and its stop ends the wait.
        """
        self.end_requested = True
        for tid in self.threads:
            try:
                pt.interrupt(tid)
                break
            except OSError:
                continue

    def add_process(self, tgid: int, tids: list[int], *, filtered: bool = False,
                    started: bool = True, attached: bool = False,
                    points: int | None = None, inherit: bool | None = None) -> Proc:
        """Trace ``tgid`` (``tids`` seized already) with its own trace
        points, as NetBSD keeps ``p_traceflag`` per process."""
        self.released.discard(tgid)       # traced again (a later -p)
        proc = Proc(tgid, filtered=filtered, started=started)
        proc.set_points(self.points if points is None else points,
                        self.inherit if inherit is None else inherit)
        proc.handlers_unknown = attached
        self.procs[tgid] = proc
        for tid in tids:
            self._add_thread(tid, proc)
        return proc

    def _add_thread(self, tid: int, proc: Proc) -> Thread:
        th = Thread(tid, proc)
        self.threads[tid] = th
        proc.threads.add(tid)
        return th

    # --- the loop -------------------------------------------------------------
    def run(self, child: int = 0) -> int | None:
        """Serve stops until every tracee is gone (or a stop is requested).

        Returns the wait status of ``child`` (the spawned command) if it was
        reaped here.
        """
        status_of_child = None
        waitpid = os.waitpid
        flags = pt.WALL
        requests = self.requests
        batch: list = []
        while self.threads:
            if requests:
                if fast:
                    fast.disable_all()       # what a request changes is Python's
                requests.popleft()()
                continue
            if self.end_requested and not self.passthrough:
                if fast:
                    fast.disable_all()
                self.end_tracing()
                if not self.threads:
                    break
            ns = None
            if self.parked:
                got = self._serve_parked()
                if got is None:
                    continue
                pid, status = got
                if fast:                     # a stop the C loop did not see
                    entry = fast.take(pid)
                    if entry is not None:
                        self._entered(pid, entry)
            elif fast:
                if self._chld_handler:       # the held threads went otherwise
                    self._wake_on_stops(False)
                room = self.desc.maxentry // 2 - self.desc.qcount
                try:
                    got = fast.run(batch, _FAST_BATCH if room > _FAST_BATCH else max(room, 1))
                except ChildProcessError:
                    break
                finally:
                    if batch:
                        self._queue_fast(batch)
                if got is None:
                    continue
                pid, status, ns, entry = got
                if entry is not None:
                    self._entered(pid, entry)
            else:
                try:
                    pid, status = waitpid(-1, flags)
                except ChildProcessError:
                    break
            if pid == child and (os.WIFEXITED(status) or os.WIFSIGNALED(status)):
                status_of_child = status
            self.stop(pid, status, ns)
        self._wake_on_stops(False)
        return status_of_child

    def _wake_on_stops(self, on: bool) -> None:
        """Have every stop (SIGCHLD) write to the wake-up pipe, or no more.
        Only while threads are held: the signal costs each stop a handler
        run (a signal frame and a pass through the eval loop, ~10% of the
        tracer's time when it stayed armed)."""
        if on == self._chld_handler:
            return
        # SIGCHLD is blocked meanwhile (and always in pyktrace's other
        # threads, see Session): one caught between signal.signal()'s run
        # of pending handlers and the change would be written out as
        # "Signal 17 ignored due to race condition"; blocked, it is
        # delivered after the change, and to SIG_DFL it is nothing
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            signal.signal(signal.SIGCHLD, (lambda *_: None) if on else signal.SIG_DFL)
            signal.set_wakeup_fd(self._wake_w if on else -1, warn_on_full_buffer=False)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        self._chld_handler = on

    def _queue_fast(self, batch: list) -> None:
        """Queue the entries the C loop made: in one go, or, near the
        queue's limits, stop by stop through :meth:`_emit`."""
        if not self.desc.add_batch(batch):
            for (lid, ns), stop in groupby(batch, key=_stop_of):
                self._emit(self.threads[lid], lid, ns, [(e[0], e[4]) for e in stop])
        batch.clear()

    def _entered(self, tid: int, entry: tuple) -> None:
        """The C loop hands back a thread inside a call whose entry it
        recorded: the state :meth:`_sys_entry` would have left."""
        th = self.threads.get(tid)
        if th is not None:
            nr, args = entry
            th.call = pts.calls(pt.AUDIT_ARCH_X86_64)[nr]
            th.args = args
            th.arch = pt.AUDIT_ARCH_X86_64

    def _serve_parked(self) -> tuple[int, int] | None:
        """With threads held for the writer: poll stops, syncs and deadlines."""
        now = time.monotonic()
        for tid, (req, sig) in list(self.parked.items()):
            th = self.threads.get(tid)
            if th is None:
                del self.parked[tid]
            elif self._release(th, now):
                del self.parked[tid]
                pt.resume(req, tid, sig)
        if not self.parked:
            self._wake_on_stops(False)
            return None
        self._wake_on_stops(True)
        try:
            pid, status = os.waitpid(-1, pt.WALL | os.WNOHANG)
        except ChildProcessError:
            self.parked.clear()
            return None
        if pid:
            return pid, status
        deadline = min((self.threads[t].park or now) for t in self.parked)
        select.select([self._wake_r], [], [], max(0.0, deadline - now))
        try:
            os.read(self._wake_r, 4096)
        except BlockingIOError:
            pass
        return None

    def _resume(self, th: Thread, sig: int = 0) -> None:
        """Restart ``th`` the way its process is traced, unless it is parked."""
        if th.call is not None or (th.proc.syscall_stops and not th.proc.filtered
                                   and not self.passthrough):
            req = pt.PTRACE_SYSCALL
        else:
            req = pt.PTRACE_CONT
        if th.park is not None and not self._release(th, time.monotonic()):
            self.parked[th.tid] = (req, sig)
            return
        if (fast and req == pt.PTRACE_SYSCALL and th.call is None and not sig
                and th.held is None and not th.backlog and self._plain(th.proc)
                and th.tid not in self.detaching):
            proc = th.proc
            fast.enable(th.tid, proc.points & _FAST_POINTS, proc.tgid, proc.comm)
        pt.resume(req, th.tid, sig)

    def _plain(self, proc: Proc) -> bool:
        """May the C loop serve this process's threads' syscall stops?"""
        return (proc.started and not proc.emul_due and not proc.silent
                and not proc.releasing and not self.passthrough)

    def _release(self, th: Thread, now: float) -> bool:
        """May a thread held for the writer go?  Queue its backlog first,
        one entry at a time, as the kernel's LWP would after each wake-up."""
        desc = self.desc
        while th.park is not None:
            if not (self.passthrough or desc.can_resume(th.park, now)):
                return False
            th.park = None
            items, th.backlog = th.backlog, []
            for k, (lid, ns, ktype, payload) in enumerate(items):
                r = desc.add_entry(ktype, th.proc.tgid, lid, th.proc.comm, payload, ns,
                                   waitok=not self.passthrough)
                if r == _desc.PARK:
                    th.park = desc.park_deadline()
                    th.backlog = items[k + 1:]
                    break
        return True

    def _flush(self, th: Thread) -> None:
        """Queue a leaving thread's backlog without waiting (it cannot wait)."""
        for lid, ns, ktype, payload in th.backlog:
            self.desc.add_entry(ktype, th.proc.tgid, lid, th.proc.comm, payload, ns,
                                waitok=False)
        th.backlog = []
        th.park = None

    def _emit(self, th: Thread, lid: int, ns: int, records: list[tuple[int, bytes]]) -> None:
        """Queue records for ``th``.  At a PARK answer the rest of them wait in
        the thread's backlog, and the thread is held at its next stop.  A
        thread told to wait queues nothing more until it is released (its
        records of the stop where it is held join the backlog): as the
        kernel's LWP, asleep in ``ktraddentry``, adds nothing meanwhile."""
        if th.backlog or th.park is not None:
            th.backlog.extend((lid, ns, t, p) for t, p in records)
            return
        proc = th.proc
        r, done = self.desc.add_entries(proc.tgid, lid, proc.comm, records, ns)
        if r == _desc.PARK:
            th.park = self.desc.park_deadline()
            th.backlog = [(lid, ns, t, p) for t, p in records[done:]]
            if fast:
                fast.disable(th.tid)     # held at its next stop, by this loop
        elif r == _desc.DEAD:
            self.end_requested = True     # the file is gone: detach

    # --- one stop -------------------------------------------------------------
    def stop(self, tid: int, status: int, ns: int | None = None) -> None:
        if ns is None:
            ns = time.clock_gettime_ns(time.CLOCK_REALTIME)
        th = self.threads.get(tid)
        stopped = status & 0xFF == 0x7F          # WIFSTOPPED
        if th is None:
            if not stopped:
                return               # a thread we already forgot (exec, detach)
            th = self._new_task(tid)
            if th is None:
                return
        if not stopped:
            self._gone(th)
            return
        sig = status >> 8 & 0xFF
        event = status >> 16
        if self.passthrough or th.proc.silent:
            self._pass(th, sig, event)
        elif sig == pt.SYSCALL_TRAP or event == pt.EVENT_SECCOMP:
            self._syscall(th, ns)
        elif event == 0:
            self._signal(th, sig, ns)
        elif event == pt.EVENT_STOP:
            self._event_stop(th, sig, ns)
        elif event in (pt.EVENT_FORK, pt.EVENT_VFORK, pt.EVENT_CLONE):
            self._clone(th)
        elif event == pt.EVENT_EXEC:
            self._exec(th, ns)
        elif event == pt.EVENT_EXIT:
            self._exit(th, ns)
        else:
            self._resume(th)

    def _pass(self, th: Thread, sig: int, event: int) -> None:
        """Tracing has ended but this tracee stays attached: just keep it
        going; or it is to be detached, which it is now."""
        if event == pt.EVENT_EXEC:
            th = self._exec_threads(th)
        if th.tid in self.detaching or th.proc.releasing:
            self._detach_at(th, sig, event)
            return
        if event == pt.EVENT_STOP:
            if sig in STOP_SIGNALS:
                pt.resume(pt.PTRACE_LISTEN, th.tid)
            else:
                pt.resume(pt.PTRACE_CONT, th.tid)
        elif event == 0 and sig != pt.SYSCALL_TRAP:
            pt.resume(pt.PTRACE_CONT, th.tid, sig)
        else:
            pt.resume(pt.PTRACE_CONT, th.tid)

    def _new_task(self, tid: int) -> Thread | None:
        """A thread or child reported before its creator's clone event."""
        tgid = read_tgid(tid)
        proc = self.procs.get(tgid) if tgid else None
        if proc is not None and proc.releasing:
            # a thread created while its process is let go, or the leader
            # of an exec (de_thread killed every other thread): let it go
            if tid == proc.tgid:
                for other in list(proc.threads):
                    if other in self.threads:
                        self._drop_thread(self.threads[other])
                proc.threads.clear()
            try:
                pt.detach(tid)
            except OSError:
                pass
            if not proc.threads:
                self._proc_gone(proc)
            return None
        if proc is not None:
            return self._add_thread(tid, proc)
        ppid = read_ppid(tid) or 0
        if tgid is None or tgid in self.released or ppid in self.released:
            pt.detach(tid)
            return None
        return self._child_process(self.procs.get(ppid), tgid, tid)

    def _child_process(self, parent: Proc | None, tgid: int, tid: int) -> Thread | None:
        """A new process: recorded when its parent has -i (it inherits the
        parent's points, as ``ktrinherit`` does); without it, kept silently
        when it inherited pyktrace's seccomp filter (it must stay attached),
        else let go.  Once tracing has ended, only such children stay."""
        points, inherit = ((parent.points, parent.inherit) if parent is not None
                           else (self.points, self.inherit))
        # pyktrace's filter, not one the program installed itself (in a
        # container every process has one): only a filtered command's
        # children carry it
        if parent is not None:
            filtered = parent.filtered
        else:
            filtered = (any(p.filtered for p in self.procs.values())
                        and has_seccomp_filter(tid))
        if self.passthrough:
            inherit = False
        if not inherit and not filtered:
            pt.detach(tid)
            return None
        proc = self.add_process(tgid, [], filtered=filtered, points=points,
                                inherit=inherit)
        # fork1() sets KTRFAC_TRC_EMUL on the child: EMUL, then the RET of
        # fork, come before its first other record (_owed_records)
        proc.fork_ret_due = True
        proc.silent = not inherit
        return self._add_thread(tid, proc)

    def _gone(self, th: Thread) -> None:
        self._drop_thread(th)
        proc = th.proc
        proc.threads.discard(th.tid)
        if not proc.threads:
            self._proc_gone(proc)

    def _drop_thread(self, th: Thread) -> None:
        """Forget a thread: its backlog queued, no longer parked or due
        for a detach (its process's thread set is the caller's)."""
        if th.backlog:
            self._flush(th)
        tid = th.tid
        if self.threads.get(tid) is th:
            del self.threads[tid]
            if fast:
                fast.forget(tid)
        self.parked.pop(tid, None)
        self.detaching.discard(tid)

    def _proc_gone(self, proc: Proc) -> None:
        proc.mem.close()
        self.procs.pop(proc.tgid, None)
        if self._release_waiters:
            self._call_release_waiters()

    def after_release(self, tgids: set[int], then: Callable[[], None]) -> None:
        """Call ``then`` once none of ``tgids`` is traced any more (at once
        if none is): a clear is answered when its processes are let go."""
        self._release_waiters.append((set(tgids), then))
        self._call_release_waiters()

    def _call_release_waiters(self) -> None:
        waiting = []
        for tgids, then in self._release_waiters:
            tgids.intersection_update(self.procs)
            if tgids:
                waiting.append((tgids, then))
            else:
                then()
        self._release_waiters = waiting

    def _event_stop(self, th: Thread, sig: int, ns: int) -> None:
        """``PTRACE_EVENT_STOP``: a group-stop (LISTEN keeps job control
        working) or an attach/interrupt stop (the EMUL of an attach, and the
        handlers installed before it, asked of the process itself)."""
        if sig in STOP_SIGNALS:
            pt.resume(pt.PTRACE_LISTEN, th.tid)
            return
        options = self.options_due.pop(th.tid, None)
        if options is not None:
            try:
                pt.setoptions(th.tid, options)
            except OSError:
                pass
        proc = th.proc
        pending = 0
        if proc.handlers_unknown:
            proc.handlers_unknown = False
            pending = self._ask_handlers(th)
        if proc.emul_due and proc.started:
            records = self._owed_records(th)
            self._resume(th, pending)
            if records:
                self._emit(th, th.tid, ns, records)
            return
        self._resume(th, pending)

    def _owed_records(self, th: Thread) -> list[tuple[int, bytes]]:
        """What NetBSD writes before a process's first other record: EMUL,
        owed after an attach (``ktrops``) or a fork (``fork1`` sets
        ``KTRFAC_TRC_EMUL``), and in a forked child ``child_return``'s
        ``ktrsysret(SYS_fork, 0, 0)``: NetBSD's own number for fork, 2,
        whatever the emulation.  kdump names a RET that follows an EMUL
        record with the emulation before it (``prev_emul``, there for
        execve), which for a new pid is the default: ``RET fork 0``."""
        proc = th.proc
        proc.emul_due = False
        records = []
        if proc.points & KTRFAC_EMUL:
            records.append((KTR_EMUL, proc.emul))
        if proc.fork_ret_due:
            proc.fork_ret_due = False
            if proc.points & KTRFAC_SYSRET:
                records.append((KTR_SYSRET, self._sysret.pack(NETBSD_SYS_FORK, 0, 0, 0, 0)))
        return records

    def _ask_handlers(self, th: Thread) -> int:
        """Learn the handler addresses of signals caught before the attach
        by injecting ``rt_sigaction`` queries (design §4)."""
        caught = signal_state(th.tid).get(b"SigCgt", 0)
        sigs = [n for n in range(1, 65) if caught >> (n - 1) & 1]
        if not sigs:
            return 0
        th.proc.mem.pid = th.tid
        try:
            found, pending = pt.query_sigactions(th.tid, th.proc.mem, sigs,
                                                 i386=th.proc.emul == b"linux32")
        except OSError:
            return 0
        for sig, (handler, flags) in found.items():
            th.proc.handlers.setdefault(sig, (handler, flags))
        return pending

    def _clone(self, th: Thread) -> None:
        """fork/vfork/clone event: know the new task before it reports."""
        try:
            new = pt.geteventmsg(th.tid)
        except OSError:
            new = 0
        if new and new not in self.threads:
            child = self._new_task_from(th, new)
            if child is not None and child.proc is not th.proc:
                child.proc.handlers = dict(th.proc.handlers)
        elif new and self.threads[new].proc is not th.proc:
            self.threads[new].proc.handlers = dict(th.proc.handlers)
        self._resume(th)

    def _new_task_from(self, parent: Thread, tid: int) -> Thread | None:
        tgid = read_tgid(tid)
        if tgid == parent.proc.tgid:
            return self._add_thread(tid, parent.proc)
        if tgid is None:
            return None              # gone already; its exit ends it
        return self._child_process(parent.proc, tgid, tid)

    # --- system calls ---------------------------------------------------------
    def _syscall(self, th: Thread, ns: int) -> None:
        # memory is read through the stopped thread, as the C loop does: the
        # main thread may have left (a zombie has no memory map), or exec'd
        th.proc.mem.pid = th.tid
        info = pt.syscall_info(th.tid)
        op = info[0]
        if op == pt.OP_EXIT:
            self._sys_exit(th, info, ns)
        elif op == pt.OP_ENTRY or op == pt.OP_SECCOMP:
            self._sys_entry(th, info, ns)
        elif op != -1:
            self._resume(th)

    def _held_ret(self, th: Thread, restarted: bool) -> tuple[int, bytes]:
        """The RET held at an ERESTART* exit, now that its fate is known."""
        call, rval = th.held
        th.held = None
        error = ERESTART if restarted else -EINTR
        return KTR_SYSRET, self._sysret.pack(call.nr & 0x7FFF, 0, error, rval, 0)

    def _sys_entry(self, th: Thread, info: tuple, ns: int) -> None:
        arch = info[1]
        nr = info[2]
        args = info[3:]
        # each call is described at its first use (pts.Calls), for the C
        # loop too
        calls = pts.calls(arch)
        call = calls.get(nr)
        if call is None:
            call = calls[nr]
            if fast and arch == pt.AUDIT_ARCH_X86_64 and nr < 1024:
                fast.describe(nr, call.kind == pts.K_NONE, call.nargs, call.paths,
                              call.empty_flag, call.io, call.rw)
        records = []
        p = th.proc.points
        if th.held is not None:
            held_call = th.held[0]
            restarted = call.nr == held_call.nr or call.kind == pts.K_RESTART
            if p & KTRFAC_SYSRET:
                records.append(self._held_ret(th, restarted))
            th.held = None
        proc = th.proc
        if not proc.started:
            if call.kind != pts.K_EXEC:
                self._resume(th)
                return
            proc.started = True
        # the exit stop matters only for RET, GIO and rt_sigaction's outcome
        if (p & KTRFAC_SYSRET or (call.io and p & KTRFAC_GENIO)
                or (call.io in (pts.IO_MSG, pts.IO_MMSG) and p & KTRFAC_USER)
                or call.kind == pts.K_SIGACTION):
            th.call = call
        th.args = args
        th.arch = arch
        mem = proc.mem
        names = []
        if p & KTRFAC_NAMEI:
            for i in call.paths:
                s = mem.string(args[i])
                if s is None:
                    continue
                if not s and call.empty_flag >= 0 and args[call.empty_flag] & pts.AT_EMPTY_PATH:
                    continue
                names.append(s)
            if call.kind == pts.K_SOCKADDR and args[2] > 2:
                sa = mem.read(args[1], min(args[2], 110))
                if len(sa) > 2 and sa[0] == AF_UNIX and sa[1] == 0 and sa[2] != 0:
                    names.append(sa[2:].split(b"\0", 1)[0])
        setid = None
        if call.kind == pts.K_EXEC:
            if self.unprivileged and not proc.filtered:
                setid = self._setid_path(th, call, args)
            th.exec_args = self._read_exec_args(th, call, args, arch)
        elif call.kind == pts.K_SIGACTION:
            th.sigaction = None
            if args[1]:
                raw = mem.read(args[1], _SIGACTION[arch].size)
                if len(raw) == _SIGACTION[arch].size:
                    handler, flags = _SIGACTION[arch].unpack(raw)
                    th.sigaction = (args[0], handler, flags)
        if proc.emul_due:
            records.extend(self._owed_records(th))
        if p & KTRFAC_SYSCALL:
            n = call.nargs
            # ktr_code is an int: a number past 2**31 (syscall(-1)) wraps
            code = (nr & 0xFFFFFFFF) - ((nr & 0x80000000) << 1)
            payload = self._call_head.pack(code, n * 8) + self._args[n].pack(*args[:n])
            records.append((KTR_SYSCALL, payload))
        for s in names:
            records.append((KTR_NAMEI, s))
        if setid is not None:
            th.call = None
            self._emit(th, th.tid, ns, records)
            self._setid_detach(th, setid)
            return
        self._resume(th)
        if records:
            self._emit(th, th.tid, ns, records)

    def _setid_path(self, th: Thread, call: pts.Call, args: tuple) -> bytes | None:
        """The path of a set-id program this exec is about to run, else None."""
        path = th.proc.mem.string(args[call.paths[0]])
        if not path:
            return None
        if path.startswith(b"/"):
            full = path
        elif call.name == "execveat" and args[0] & 0xFFFFFFFF != AT_FDCWD:
            full = b"/proc/%d/fd/%d/%s" % (th.tid, args[0] & 0xFFFFFFFF, path)
        else:
            full = b"/proc/%d/cwd/%s" % (th.tid, path)
        try:
            mode = os.stat(full).st_mode
        except OSError:
            return None
        return path if mode & (stat.S_ISUID | stat.S_ISGID) else None

    def _setid_detach(self, th: Thread, path: bytes) -> None:
        """NetBSD stops tracing at a set-id exec and the program keeps its
        privileges; a non-root tracer would void them, so it lets go first."""
        proc = th.proc
        self.log(f"pid {proc.tgid}: exec of set-id {path.decode(errors='replace')}: "
                 "tracing of this process stops, as on NetBSD")
        self._detach_process(proc, stopped=th.tid)

    def _read_exec_args(self, th: Thread, call: pts.Call, args: tuple,
                        arch: int) -> tuple[bytes, bytes] | None:
        """argv and envp as ``ktr_execarg``/``ktr_execenv`` carry them:
        each string NUL-terminated, one after the other."""
        p = th.proc.points
        if not p & (KTRFAC_EXEC_ARG | KTRFAC_EXEC_ENV):
            return None
        base = 1 if call.name == "execve" else 2
        mem = th.proc.mem
        ptr = _PTR.get(arch, _PTR[pt.AUDIT_ARCH_X86_64])

        def vector(addr: int, wanted: int) -> bytes:
            if not p & wanted or not addr:
                return b""
            out = []
            while True:
                raw = mem.read(addr, ptr.size * 64)
                if not raw:
                    break
                done = False
                for (a,) in ptr.iter_unpack(raw[:len(raw) - len(raw) % ptr.size]):
                    if not a:
                        done = True
                        break
                    s = mem.string(a, 1 << 17)
                    out.append((s or b"") + b"\0")
                if done or len(raw) < ptr.size * 64:
                    break
                addr += len(raw)
            return b"".join(out)

        return (vector(args[base], KTRFAC_EXEC_ARG),
                vector(args[base + 1], KTRFAC_EXEC_ENV))

    def _io_data(self, th: Thread, call: pts.Call, rval: int) -> list[bytes]:
        """The bytes the call moved, one item per message (``ktr_io`` calls)."""
        mem = th.proc.mem
        args = th.args
        arch = th.arch
        if call.io == pts.IO_BUF:
            # what was moved: recv(MSG_TRUNC) returns a datagram's length,
            # which may pass the buffer's
            return [mem.read(args[1], min(rval, args[2]))]
        if call.io == pts.IO_IOV:
            return [self._gather(mem, arch, args[1], args[2], rval)]
        if call.io == pts.IO_MSG:
            off, lay = _MSG_IOV[arch]
            raw = mem.read(args[1] + off, lay.size)
            if len(raw) < lay.size:
                return []
            iov, iovlen = lay.unpack(raw)
            return [self._gather(mem, arch, iov, iovlen, rval)]
        if call.io == pts.IO_MMSG:
            size, len_off = _MMSG[arch]
            off, lay = _MSG_IOV[arch]
            out = []
            raw = mem.read(args[1], size * rval)
            for i in range(len(raw) // size):
                rec = raw[i * size:(i + 1) * size]
                iov, iovlen = lay.unpack_from(rec, off)
                n, = struct.unpack_from("<I", rec, len_off)
                out.append(self._gather(mem, arch, iov, iovlen, n))
            return out
        return []

    @staticmethod
    def _message_users(th: Thread, call: pts.Call, rval: int, is_error: bool,
                       sending: bool) -> list[list[bytes]]:
        """USER payloads (msghdr, mbsoname, mbcontrol) per message moved:
        the one of sendmsg/recvmsg, each one sendmmsg/recvmmsg handled."""
        mem, arch, args = th.proc.mem, th.arch, th.args
        if call.io == pts.IO_MSG:
            if is_error and not sending:
                return []
            addrs = [args[1]]
        else:
            if is_error or rval <= 0:
                return []
            size = _MMSG[arch][0]
            addrs = [args[1] + i * size for i in range(min(rval, IOV_LIMIT))]
        out = []
        for addr in addrs:
            msg = read_msghdr(mem, arch, addr)
            out.append(message_records(mem, arch, msg, sending) if msg else [])
        return out

    @staticmethod
    def _gather(mem, arch: int, iov_addr: int, count: int, total: int) -> bytes:
        lay = _IOVEC[arch]
        count = min(count, IOV_LIMIT)
        raw = mem.read(iov_addr, lay.size * count)
        iovs = []
        left = total
        for base, length in lay.iter_unpack(raw[:len(raw) - len(raw) % lay.size]):
            if left <= 0:
                break
            n = min(length, left)
            if n:
                iovs.append((base, n))
            left -= n
        return mem.readv(iovs)

    def _sys_exit(self, th: Thread, info: tuple, ns: int) -> None:
        call = th.call
        th.call = None
        if call is None:
            self._resume(th)           # entered before we attached
            return
        rval, is_error = info[2], info[3]
        if call.kind == pts.K_SIGRETURN:
            # the registers are the interrupted context's again, not a
            # result: NetBSD's sigreturn returns EJUSTRETURN (below)
            rval, is_error = 0, False
        p = th.proc.points
        data: list[bytes] = []
        if not is_error and rval > 0 and call.io and p & KTRFAC_GENIO:
            data = self._io_data(th, call, rval)
        sending = call.rw == UIO_WRITE
        users = self._message_users(th, call, rval, is_error, sending) \
            if p & KTRFAC_USER and call.io in (pts.IO_MSG, pts.IO_MMSG) else []
        if call.kind == pts.K_SIGACTION and not is_error and th.sigaction:
            sig, handler, flags = th.sigaction
            th.proc.handlers[sig] = (handler, flags)
        if is_error and _ERESTART_RESTARTBLOCK <= rval <= _ERESTARTSYS:
            th.held = (call, rval)       # ERESTART or EINTR: decided at the next stop
            self._resume(th)
            return
        self._resume(th)
        records = []
        if data or users:
            fd = th.args[0] & 0xFFFFFFFF
            head = self._genio.pack(fd - (fd >> 31 << 32), call.rw)
        if not users:                    # the common case: data records only
            for chunk in data:
                if 0 < len(chunk) <= _GIO_DATA:
                    records.append((KTR_GENIO, head + chunk))
                    continue
                for at in range(0, len(chunk), _GIO_DATA):
                    records.append((KTR_GENIO, head + chunk[at:at + _GIO_DATA]))
        # per message, in NetBSD's order: a sender's USER records before its
        # data, a receiver's after
        for k in range(max(len(data), len(users)) if users else 0):
            mine = users[k] if k < len(users) else []
            if sending:
                records.extend((KTR_USER, u) for u in mine)
            chunk = data[k] if k < len(data) else b""
            for at in range(0, len(chunk), _GIO_DATA):
                records.append((KTR_GENIO, head + chunk[at:at + _GIO_DATA]))
            if not sending:
                records.extend((KTR_USER, u) for u in mine)
        if p & KTRFAC_SYSRET:
            if (call.kind == pts.K_EXEC and not is_error) or call.kind == pts.K_SIGRETURN:
                error = EJUSTRETURN
            else:
                error = rval if is_error else 0
            records.append((KTR_SYSRET, self._sysret.pack(
                call.nr & 0x7FFF, 0, error, rval, 0)))
        if records:
            self._emit(th, th.tid, ns, records)

    # --- exec and exit --------------------------------------------------------
    def _exec_threads(self, th: Thread) -> Thread:
        """The threads after an exec: every other one is gone (de_thread;
        their exits may still be reported), and after a non-leader exec the
        execing thread carries on under the tgid (its old tid in
        GETEVENTMSG).  Returns the thread that now has the tgid."""
        proc = th.proc
        tid = th.tid
        try:
            former = pt.geteventmsg(tid)
        except OSError:
            former = tid
        execer = self.threads.get(former) if former != tid else None
        if execer is not None:
            self._drop_thread(th)             # the old leader: its records first
            self._drop_thread(execer)
            proc.threads.discard(former)
            execer.tid = tid
            self.threads[tid] = execer
            th = execer
        for other in list(proc.threads):
            if other != tid and other in self.threads:
                self._drop_thread(self.threads[other])
        proc.threads = {tid}
        return th

    def _exec(self, th: Thread, ns: int) -> None:
        """``PTRACE_EVENT_EXEC``: the image changed."""
        th = self._exec_threads(th)
        proc = th.proc
        tid = th.tid
        if proc.options_after_exec is not None:   # the command itself now runs
            try:
                pt.setoptions(tid, proc.options_after_exec)
            except OSError:
                pass
            proc.options_after_exec = None
        if proc.emul_due:            # never stopped before: the first EMUL is owed
            owed = self._owed_records(th)
            if owed:
                self._emit(th, tid, ns, owed)
        records = []
        proc.started = True
        proc.after_exec()
        exec_args = th.exec_args
        th.exec_args = None
        p = proc.points
        interp = elf_interp(tid) if p & KTRFAC_NAMEI else None
        fds = open_fds(tid) if p & KTRFAC_EXEC_FD else []
        self._resume(th)
        if interp:
            records.append((KTR_NAMEI, interp))
        if exec_args:
            if p & KTRFAC_EXEC_ARG:
                records.append((KTR_EXEC_ARG, exec_args[0]))
            if p & KTRFAC_EXEC_ENV:
                records.append((KTR_EXEC_ENV, exec_args[1]))
        for fd, dtype in fds:
            records.append((KTR_EXEC_FD, self._execfd.pack(fd, dtype)))
        if p & KTRFAC_EMUL:
            records.append((KTR_EMUL, proc.emul))
        if records:
            self._emit(th, tid, ns, records)

    def _exit(self, th: Thread, ns: int) -> None:
        """``PTRACE_EVENT_EXIT``: SIGKILL has no delivery stop, so its PSIG
        (``SIG_DFL``) is written here, once per process."""
        records = []
        proc = th.proc
        if th.held is not None:
            if proc.points & KTRFAC_SYSRET:
                records.append(self._held_ret(th, False))
            th.held = None
        killed = False
        if proc.points & KTRFAC_PSIG and not proc.killed_noted:
            try:
                st = pt.geteventmsg(th.tid)
            except OSError:
                st = 0
            killed = os.WIFSIGNALED(st) and os.WTERMSIG(st) == signal.SIGKILL
        blocked = signal_state(th.tid).get(b"SigBlk", 0) if killed else 0
        th.call = None
        self._resume(th)
        if killed:
            proc.killed_noted = True
            records.append((KTR_PSIG, self._psig_payload(signal.SIGKILL, SIG_DFL, blocked, None)))
        if records:
            self._emit(th, th.tid, ns, records)

    # --- signals --------------------------------------------------------------
    def _disposition(self, th: Thread, sig: int) -> tuple[int, int]:
        """(handler, sa_flags) of ``sig``: followed from rt_sigaction, else /proc."""
        known = th.proc.handlers.get(sig)
        if known is not None:
            return known
        state = signal_state(th.tid)
        bit = 1 << (sig - 1)
        if state.get(b"SigIgn", 0) & bit:
            return SIG_IGN, 0
        if state.get(b"SigCgt", 0) & bit:
            return self._query_handler(th, sig)
        return SIG_DFL, 0

    def _query_handler(self, th: Thread, sig: int) -> tuple[int, int]:
        """A handler /proc says is there, but neither followed from
        rt_sigaction nor learnt at the attach (the query failed): its
        address is unknown, PSIG shows 0, and the user is told once."""
        self.log(f"pid {th.proc.tgid}: handler address of signal {sig} "
                 "unknown (installed before tracing); PSIG action written as 0")
        th.proc.handlers[sig] = (SIG_DFL, 0)
        return SIG_DFL, 0

    def _signal(self, th: Thread, sig: int, ns: int) -> None:
        """Signal-delivery stop: resolve a held RET, write PSIG if taken, inject."""
        records = []
        p = th.proc.points
        held = th.held
        handler, flags = self._disposition(th, sig) if (
            held is not None or p & KTRFAC_PSIG) else (SIG_DFL, 0)
        if held is not None:
            rval = held[1]
            if handler not in (SIG_DFL, SIG_IGN):
                # a handler runs now: NetBSD decides here, before returning
                restarted = rval == _ERESTARTNOINTR or (
                    rval == _ERESTARTSYS and bool(flags & SA_RESTART))
                ret = self._held_ret(th, restarted)
                if p & KTRFAC_SYSRET:
                    records.append(ret)
            elif is_taken(sig, handler):
                ret = self._held_ret(th, False)      # the process dies of it
                if p & KTRFAC_SYSRET:
                    records.append(ret)
            # ignored and stop signals: the kernel restarts; keep holding
        psig = None
        if p & KTRFAC_PSIG and th.proc.started and is_taken(sig, handler):
            raw = pt.getsiginfo(th.tid)
            blocked = signal_state(th.tid).get(b"SigBlk", 0)
            psig = (sig, handler, blocked, raw)
        self._resume(th, sig)
        if psig is not None:
            records.append((KTR_PSIG, self._psig_payload(*psig)))
        if records:
            self._emit(th, th.tid, ns, records)

    def _psig_payload(self, sig: int, handler: int, blocked: int,
                      raw: bytes | None) -> bytes:
        from ktrace.emul import LINUX_TO_NETBSD_SIGNAL, linux_to_netbsd_sigmask
        # SIGSTKFLT and Linux's last two real-time signals have no NetBSD
        # number: 0, not a number that is another NetBSD signal's (16 is
        # SIGURG, 63 the NetBSD SIGRTMAX Linux's 62 maps to)
        nsig = LINUX_TO_NETBSD_SIGNAL.get(sig, 0)
        mask = linux_to_netbsd_sigmask(blocked)
        body = self._psig.pack(nsig, handler & _U64, *mask, 0)
        if raw is None:
            return body
        return body + netbsd_siginfo(raw, nsig, self.desc.layouts.abi)

    # --- control requests (ktrops), run by the tracer thread ----------------
    def trace_more(self, proc: Proc, points: int, inherit: bool, options: int) -> None:
        """``KTROP_SET`` on a process traced here: its points grow (NetBSD
        ORs them into ``p_traceflag``) and an EMUL record is owed.  Each
        thread is interrupted, so that its next resume stops at calls if
        the new points need it and it takes ``options`` (``-i``)."""
        if points & KTRFAC_PSIG and not proc.points & KTRFAC_PSIG:
            proc.handlers = {}           # not followed so far: ask again
            proc.handlers_unknown = True
        grows = inherit and not proc.inherit
        proc.set_points(proc.points | points, proc.inherit or inherit)
        proc.emul_due = True
        proc.fork_ret_due = False         # an attach owes EMUL only (ktrops)
        proc.silent = False
        proc.releasing = False            # a clear in progress is overtaken
        self.detaching.difference_update(proc.threads)
        for tid in proc.threads:
            if grows:
                self.options_due[tid] = options
            try:
                pt.interrupt(tid)
            except OSError:
                pass

    def clear_points(self, proc: Proc, points: int) -> bool:
        """``KTROP_CLEAR``: remove points; a process left with none is let go
        (``ktrderef``).  False when it must stay attached (a seccomp filter),
        in pass-through without records."""
        proc.set_points(proc.points & ~points,
                        proc.inherit and not points & KTRFAC_INHERIT)
        if proc.points & KTRFAC_MASK:
            return True
        if proc.filtered:
            for tid in proc.threads:
                th = self.threads.get(tid)
                if th is not None and th.backlog:
                    self._flush(th)
            proc.silent = True
            return False
        self.released.add(proc.tgid)
        self._detach_process(proc)
        return True

    # --- ending ---------------------------------------------------------------
    def end_tracing(self) -> None:
        """Detach every tracee we may; filtered ones stay in pass-through."""
        for th in self.threads.values():
            if th.backlog:
                self._flush(th)
        self.passthrough = True
        for proc in list(self.procs.values()):
            if not proc.filtered:
                self._detach_process(proc)

    def _detach_process(self, proc: Proc, stopped: int = 0) -> None:
        """Detach every thread of ``proc``: those held at a stop (parked, or
        ``stopped``, whose stop is being served) at once; running ones are
        interrupted and detached at that stop, served by the loop like any
        other (a thread may take a while to stop: a vfork parent waits for
        its child, which the loop must keep serving).  An exited main thread
        (``pthread_exit``) never stops: it is only forgotten."""
        proc.silent = True                # no more records from it
        proc.releasing = True             # new threads are let go at once
        for tid in list(proc.threads):
            if fast:
                fast.disable(tid)         # its stops are this loop's now
            th = self.threads.get(tid)
            if th is None:
                continue
            if th.backlog:
                self._flush(th)
            parked = self.parked.pop(tid, None)
            if tid == stopped or parked is not None:
                pt.detach(tid, parked[1] if parked else 0)
                self._gone(th)
            elif is_zombie(tid):
                self._gone(th)
            else:
                try:
                    pt.interrupt(tid)
                except OSError:
                    self._gone(th)
                    continue
                self.detaching.add(tid)

    def _detach_at(self, th: Thread, sig: int, event: int) -> None:
        """Detach a thread at its stop, passing on a signal it was about to
        receive (a group-stop, an event stop, stays as it is)."""
        pass_sig = sig if event == 0 and sig != pt.SYSCALL_TRAP else 0
        try:
            pt.detach(th.tid, pass_sig)
        except OSError:
            pass
        self._gone(th)
