"""``--decode``: one strace-style line per call, joining CALL, NAMI, GIO, RET.

``openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3``.  The
arguments of the common Linux calls follow the tables of
:mod:`ktrace.dump.linux_calls` (strace's order, names and rules: signal
names, ``ioctl`` requests, ``AT_FDCWD`` and the ``AT_*`` flags, socket
domains and types, ``fcntl``'s argument by command...), ``futex`` and
``clone`` those of :mod:`ktrace.dump.linux_args`; the other Linux calls
are named and typed by python-ptrace's prototypes (its flag and constant
formatters too), NetBSD ones by :mod:`ktrace.dump.netbsd_args`.  A path
argument shows the NAMI record the call wrote, a buffer of a read or
write call the GIO data (its first 32 bytes, as strace shows them; ``""``
when nothing moved), a ``msghdr`` argument the ``msghdr`` USER record the
call wrote, ``execve``'s argv the ARG record and envp a count of the ENV
record's strings (as strace shows them); the structures and arrays strace
reads from the process's memory stay addresses, in hex.  Errors read
``= -1 ENOENT (No such file or directory)``, Linux's restarts as strace's
``= ? ERESTARTSYS (To be restarted if SA_RESTART is set)``.

Lines come out as ``strace -f`` writes them: a call's line starts where
its CALL record is; when another thread's line has to come out before the
call's RET, the call shows as ``read(0,  <unfinished ...>`` there (up to
the first argument strace prints at the return, or that a later record
brings) and as ``<... read resumed>"data", 16) = 5`` at its RET.  A call
that never returns because its process ends (``exit_group``, a fatal
signal, an exec in another thread) ends ``) = ?``, with
``<unfinished ...>`` before it when strace's decoder had more to print at
the return (``read(3,  <unfinished ...>) = ?``, but
``tgkill(7, 7, SIGKILL) = ?``), before the lines ``+++ exited with N +++``
/ ``+++ killed by SIGKILL +++`` / ``+++ superseded by execve in pid N +++``
of its threads, the process's last; a call still open at the end of the
trace (a detach) ends ``<unfinished ...>``.  A signal shows as
``--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, ...} ---`` from the PSIG
record's siginfo (a fatal one before ``+++ killed by``), and
``restart_syscall`` as ``<... resuming interrupted read ...>``.  As strace
-f's, lines carry a ``[pid  TID]`` prefix while two threads or more are
traced: from a thread's first record to its end line.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from typing import Any

from ktrace.format import (
    EJUSTRETURN, ERESTART, KTR_EMUL, KTR_GENIO, KTR_NAMEI, KTR_PSIG, KTR_SYSCALL,
    KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_SYSRET, KTR_USER, KTR_USER_MAXIDLEN)
from ktrace.dump.decodings import putprot
from ktrace.dump.face import Face
from ktrace.dump.linux_args import clone_args, file_mode, futex_args
from ktrace.dump.linux_calls import (
    CALLS, EMPTY_PATH_FLAGS, KINDS, LATE, MSG_FLAGS, SPECIAL_MORE, STRSIZE, Ctx,
    c_int, flags, pointer as _ptr, quote, result as linux_result,
    signame as linux_signame, siginfo as linux_siginfo)
from ktrace.tracefile import Record

SIGRETURN_NAMES = {"rt_sigreturn", "sigreturn", "__sigreturn14",
                   "compat_16___sigreturn14", "setcontext"}
FD_NAMES = {"fd", "dirfd", "oldfd", "newfd", "sockfd", "olddfd", "newdfd"}
#: python-ptrace's types that are pointers under another name
POINTER_TYPES = {"cap_user_header_t", "cap_user_data_t", "const cap_user_data_t"}
#: directory descriptors (python-ptrace's names): AT_FDCWD for -100
DIRFD_NAMES = {"dirfd", "dfd", "olddfd", "newdfd"}
#: strace's texts of Linux's restart codes (syscall.c)
RESTART_TEXTS = {"ERESTARTSYS": "To be restarted if SA_RESTART is set",
                 "ERESTARTNOINTR": "To be restarted",
                 "ERESTARTNOHAND": "To be restarted if no handler",
                 "ERESTART_RESTARTBLOCK": "Interrupted by signal"}
EINTR, EFAULT = 4, 14
#: integer parameters that hold addresses (strace shows them in hex)
ADDRESS_NAMES = {"addr", "start", "brk", "new_addr", "old_addr", "uaddr"}
#: python-ptrace's formatBits() "<A|B> (3)" and formatOpenFlags() "A|B (0o101)"
_BITS = re.compile(r"^<(.*)> \(\S+\)$")
_VALUE = re.compile(r" \(0o?[0-7]+\)$")
class _Arg:
    """What python-ptrace's formatters read: ``.value``."""

    def __init__(self, value: int) -> None:
        self.value = value


EXEC_NAMES = frozenset({"execve", "execveat", "fexecve"})
#: records that bring the contents of arguments
_CONTENT = frozenset({KTR_NAMEI, KTR_GENIO, KTR_USER, KTR_EXEC_ARG, KTR_EXEC_ENV})
_UNFINISHED = " <unfinished ...>"


@dataclass
class _Call:
    """A call between its CALL record and its RET, with what its other
    records brought.  ``shown`` is None while no part of its line has been
    written, else how many arguments its ``<unfinished ...>`` line showed."""
    name: str
    args: list[int]
    key: tuple[int, int]
    seq: int
    linux: bool
    paths: list[bytes] = field(default_factory=list)
    data: list[bytes] = field(default_factory=list)
    msghdr: bytes | None = None
    argv: list[bytes] | None = None
    envc: int | None = None
    shown: int | None = None
    #: made by a linux32 process (clone's last arguments are swapped)
    i386: bool = False
    #: bytes of GIO data kept in ``data``
    kept: int = 0
    #: the ``[pid N] `` its line starts with (strace's leader at the entry)
    lead: str = ""
    #: the result, once its RET came (``error`` None before)
    error: int | None = None
    retval: int = 0
    #: restart_syscall: the call it resumes
    resumes: str | None = None


class Decoder:
    """Pairs records per thread and writes strace-like lines to ``out``.

    Lines come out in the order of the events they start with, as strace
    prints them: a call's line starts at its CALL record.  A call stays
    unwritten until its RET (then it is written whole) unless some other
    line must come out first -- another thread's call that started later
    and ended, a signal, the end of a process: then its beginning is
    written, ``read(0,  <unfinished ...>``, and its RET later gives
    ``<... read resumed>"data", 16) = 5``.  The state is the calls in
    flight, one per thread, so memory does not grow with the trace.

    A thread's call never returns when its process ends: ``exit_group``
    (NetBSD's ``exit``), a fatal signal (a PSIG record with ``SIG_DFL``) or
    a successful exec in another thread.  Those calls are ended then, as
    ``... <unfinished ...>) = ?``, each followed by its thread's end line,
    before the line of the process's end.  Calls still open at the end of
    the trace (a detach, or a trace still being written) are shown
    ``<unfinished ...>`` if no part of them was shown yet.

    The threads seen and not ended yet (``_live``) decide the ``[pid N]``
    prefixes: a call's line takes it at its CALL record (strace prints its
    beginning when the call starts), any other line when it comes out.
    Each thread's last call that returned is kept for ``restart_syscall``.
    """

    def __init__(self, face: Face, out: list[str], colour: bool = False) -> None:
        self.face = face
        self.out = out
        #: bytes of data a line shows: -m, as strace's -s (32 by default)
        self.strsize = face.o.maxdata if face.o.maxdata >= 0 else STRSIZE
        self.paint = _Painter() if colour else None
        #: open calls by (pid, lid), in the order they were entered
        self._open: dict[tuple[int, int], _Call] = {}
        #: the open calls of which nothing is written yet, in entry order
        self._unwritten: dict[tuple[int, int], _Call] = {}
        #: keys of open exec calls (their success ends the other threads)
        self._execs: set[tuple[int, int]] = set()
        self._seq = 0
        #: the kinds of records that bring arguments' contents this trace
        #: has shown (an argument waits only for a kind the trace carries)
        self._carries: set[int] = set()
        #: the threads strace would be tracing now: seen, and not ended
        #: (its ``[pid N]`` prefixes show while there are two or more)
        self._live: dict[tuple[int, int], None] = {}
        #: each thread's last call that returned (restart_syscall's)
        self._prev: dict[tuple[int, int], str] = {}
        self._netbsd: Any = None
        try:
            from ptrace.syscall.prototypes import SYSCALL_PROTOTYPES
            from ptrace.syscall.syscall_argument import (
                ARGUMENT_CALLBACK, SYSCALL_ARG_DICT)
        except ImportError:         # python-ptrace is a dependency; be safe
            SYSCALL_PROTOTYPES, ARGUMENT_CALLBACK, SYSCALL_ARG_DICT = {}, {}, {}
        self.protos = SYSCALL_PROTOTYPES
        self.callbacks = ARGUMENT_CALLBACK
        self.constants = SYSCALL_ARG_DICT

    # --- the dump loop's two hooks ---------------------------------------
    def render(self, r: Record) -> Any:
        face = self.face
        if face.render(r) is None:
            return None
        t = r.type
        if t == KTR_SYSCALL:
            code, args = face.last_call
            return (face.last_name or "syscall_%d" % code, args,
                    face.emul.cur.linux)
        if t == KTR_SYSRET:
            code, error, retval, _ = face.last_ret
            return (face.last_name or "syscall_%d" % code, error,
                    face.slong(retval), face.emul.cur.linux)
        if t == KTR_NAMEI:
            return r.payload.split(b"\0", 1)[0]
        if t == KTR_GENIO:
            return r.payload[8:]
        if t == KTR_PSIG:
            return self._psig(r.payload)
        if t == KTR_USER and r.payload[:KTR_USER_MAXIDLEN].split(b"\0", 1)[0] \
                == b"msghdr":
            return r.payload[KTR_USER_MAXIDLEN:]
        if t in (KTR_EXEC_ARG, KTR_EXEC_ENV):
            return r.payload.rstrip(b"\0").split(b"\0") if r.payload else []
        if t == KTR_EMUL:
            return True
        return None

    def _psig(self, payload: bytes) -> tuple[str, int, str | None]:
        """A PSIG record: the signal's name, its action and, for a Linux
        process, its siginfo in strace's braces (the record's NetBSD
        numbers translated back to Linux's)."""
        face = self.face
        lay = face.lay
        signo, action = lay.psig.unpack_from(payload)[:2]
        if not face.emul.cur.linux:
            return "SIG" + face.signame(signo, False), action, None
        from ktrace.emul import NETBSD_TO_LINUX_SIGNAL
        name = linux_signame(NETBSD_TO_LINUX_SIGNAL.get(signo, 0))
        info = None
        if len(payload) > lay.psig.size:
            try:
                info = linux_siginfo(payload[lay.psig.size:], lay,
                                     NETBSD_TO_LINUX_SIGNAL)
            except struct.error:
                info = None
        return name, action, info

    def take(self, r: Record, facts: Any) -> None:
        key = (r.pid, r.lid)
        t = r.type
        if key not in self._live:
            self._live[key] = None  # strace would have attached it by now
        if (t == KTR_SYSRET and facts[0] == "fork" and facts[1] == 0
                and facts[2] == 0 and key not in self._open):
            return      # a child's child_return RET (a parent's has the pid)
        if t in _CONTENT and t not in self._carries:
            self._carries.add(t)
        if t == KTR_SYSCALL:
            self.call(key, *facts)
        elif t == KTR_SYSRET:
            self.ret(key, *facts)
        elif t in (KTR_NAMEI, KTR_GENIO):
            call = self._open.get(key)
            if call is not None:
                if t == KTR_NAMEI:
                    call.paths.append(facts)
                elif call.kept <= self.strsize:
                    # a line shows strsize bytes at most, and "..." after:
                    # a call's data is not kept beyond (memory stays flat
                    # however much one write moves)
                    call.data.append(facts[:self.strsize + 1 - call.kept])
                    call.kept += len(call.data[-1])
        elif t == KTR_USER:
            call = self._open.get(key)
            if call is not None and call.msghdr is None:
                call.msghdr = facts
        elif t in (KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_EMUL):
            call = self._exec_call(key)
            if call is not None and t != KTR_EMUL:
                if t == KTR_EXEC_ARG:
                    call.argv = (call.argv or []) + facts
                else:
                    call.envc = (call.envc or 0) + len(facts)
        elif t == KTR_PSIG:
            signame, action, info = facts
            line = "--- %s %s ---" % (signame, info) if info else \
                "--- %s ---" % signame
            if action == 0:         # taken with SIG_DFL: the process dies
                if info:            # (strace sees no SIGKILL: no siginfo)
                    self._say(key, line)
                self._end_process(key[0], key, "+++ killed by %s +++" % signame)
            else:
                self._say(key, line)

    def waiting(self) -> None:
        """The input stalls (a live trace): show the calls in progress now,
        as strace shows a call when it starts; each ends later as
        ``<... read resumed>``."""
        self._begin()

    def finish(self) -> None:
        """The end of the trace: calls that never got a RET."""
        for call in list(self._open.values()):
            self._abandon(call)
        self._open.clear()
        self._execs.clear()

    # --- events -----------------------------------------------------------
    def call(self, key: tuple[int, int], name: str, args: list[int],
             linux: bool) -> None:
        old = self._pop(key)
        if old is not None:         # its RET never came (-t without r?)
            self._abandon(old)
        self._seq += 1
        call = _Call(name, list(args), key, self._seq, linux,
                     i386=self.face.emul.cur.name == "linux32",
                     lead=self._lead(key))
        if name == "restart_syscall":
            call.resumes = self._prev.get(key, "system call")
        if name == "exit_group" or (name == "exit" and not linux):
            status = "+++ exited with %d +++" % (args[0] & 0xFF if args else 0)
            self._say(key, self.call_text(call) + " = ?")
            self._end_process(key[0], key, status)
            return
        if name in ("exit", "_lwp_exit"):       # the thread ends
            self._say(key, self.call_text(call) + " = ?")
            if name == "exit":
                self._gone(key, "+++ exited with %d +++" % (
                    args[0] & 0xFF if args else 0))
            else:
                self._gone(key, None)
            return
        self._open[key] = call
        self._unwritten[key] = call
        if name in EXEC_NAMES:
            self._execs.add(key)

    def ret(self, key: tuple[int, int], name: str, error: int, retval: int,
            linux: bool) -> None:
        call = self._exec_call(key) if name in EXEC_NAMES else \
            self._open.get(key)
        if call is not None and call.name != name:
            call = None             # not this call's RET (records were lost)
        if name != "restart_syscall":
            self._prev[key] = name
        result = self.result(name, error, retval, linux,
                             call.args if call is not None else None)
        if call is None:
            self._say(key, "<... %s resumed>) = %s" % (name, result))
            return
        call.error, call.retval = error, retval
        if name == "clone" and linux and error == 0 and retval > 0 and \
                call.args and call.args[0] & 0x10000:
            # a thread: strace has it attached when clone returns
            self._live.setdefault((key[0], retval), None)
        if call.name in EXEC_NAMES and (
                error == 0 or (error == EJUSTRETURN and
                               not (linux and retval == EJUSTRETURN))):
            # the exec succeeded: every other thread of the process is gone
            for other in self._cut_threads(key[0], call):
                self._gone(other.key, "+++ exited with 0 +++")
        self._pop(key)
        self._finish(call, ") = " + result)

    def _exec_call(self, key: tuple[int, int]) -> _Call | None:
        """The exec call that a post-exec record of ``key`` belongs to.

        After a thread other than the leader execs, Linux gives it the
        leader's id: its later records (interpreter NAMI, ARG, ENV, EMUL,
        RET) carry another lid than its CALL.  Such a record, while that
        thread's exec is open and ``key``'s own call is no exec, means the
        exec succeeded: the other threads end, the leader's thread is
        superseded, and the exec call moves to ``key``.
        """
        call = self._open.get(key)
        if call is not None and call.name in EXEC_NAMES:
            return call
        execer = next((k for k in self._execs if k[0] == key[0] and k != key),
                      None)
        if execer is None:
            return call
        exe = self._open[execer]
        for other in self._cut_threads(key[0], exe):
            if other.key != key:
                self._gone(other.key, "+++ exited with 0 +++")
        self._gone(execer, None)    # strace goes on with the leader's pid
        self._say(key, "+++ superseded by %s in pid %d +++" % (exe.name,
                                                               execer[1]))
        self._pop(execer)
        exe.key = key
        self._open[key] = exe
        self._execs.add(key)
        return exe

    def _end_process(self, pid: int, key: tuple[int, int], end: str) -> None:
        """Process ``pid`` ends by ``key``'s doing: its threads' open calls
        end unfinished, then each thread's end line; the process's own comes
        last, on the leader's line when the leader (lid = pid, as pyktrace
        writes Linux threads) is among them, as strace ends."""
        threads = dict.fromkeys(c.key for c in self._cut_threads(pid))
        # and the threads it has that are in no call, as strace sees them go
        threads.update(dict.fromkeys(k for k in self._live if k[0] == pid))
        last = (pid, pid) if (pid, pid) in threads else key
        for other in threads:
            if other != key and other != last:
                self._gone(other, end)
        if key != last:
            self._gone(key, end)
        self._gone(last, end)

    # --- the calls in flight ----------------------------------------------
    def _cut_threads(self, pid: int, keep: _Call | None = None) -> list[_Call]:
        """End the open calls of ``pid`` (but ``keep``) unfinished, and
        return them.  Those of which nothing is written yet come first,
        whole, so that their lines need not be split."""
        calls = [c for k, c in self._open.items() if k[0] == pid and c is not keep]
        calls.sort(key=lambda c: (c.shown is not None, c.seq))
        for call in calls:
            self._pop(call.key)
            self._cut(call)
        return calls

    def _pop(self, key: tuple[int, int]) -> _Call | None:
        call = self._open.pop(key, None)
        if call is not None:
            self._unwritten.pop(key, None)
            self._execs.discard(key)
        return call

    def _begin(self, before: int | None = None) -> None:
        """Write the beginning of every unwritten call entered before
        ``before`` (all when None): a line is about to come out."""
        while self._unwritten:
            key, call = next(iter(self._unwritten.items()))
            if before is not None and call.seq >= before:
                return
            del self._unwritten[key]
            shown, ready, _ = self.arguments(call)
            call.shown = ready
            self._line(call.key, self._unfinished(call, shown, ready), call.lead)

    @staticmethod
    def _head(call: _Call, shown: list[str], ready: int) -> str:
        """``read(3, ``: the name and the arguments known at entry
        (``pipe2(`` when none is)."""
        more = ", " if 0 < ready < len(shown) else ""
        return "%s(%s%s" % (call.name, ", ".join(shown[:ready]), more)

    def _unfinished(self, call: _Call, shown: list[str], ready: int) -> str:
        """``read(3,  <unfinished ...>``, ``pipe2( <unfinished ...>``."""
        return self._head(call, shown, ready) + _UNFINISHED

    def _say(self, key: tuple[int, int], text: str) -> None:
        """A line that is no open call's: after all begun calls."""
        self._begin()
        self._line(key, text)

    def _gone(self, key: tuple[int, int], text: str | None) -> None:
        """The thread ``key`` ends, with the line ``text``: strace stops
        tracing it (and counting it for the ``[pid N]`` prefixes)."""
        if text is not None:
            self._say(key, text)
        self._live.pop(key, None)
        self._prev.pop(key, None)

    def _first_line(self, call: _Call) -> bool:
        """Take an unwritten ``call`` off the waiting list, after writing
        the beginnings of the calls entered before it; False if a part of
        its line is out already."""
        if call.shown is not None:
            return False
        self._unwritten.pop(call.key, None)
        self._begin(call.seq)
        return True

    def _finish(self, call: _Call, tail: str) -> None:
        """Write the rest of ``call``'s line (already out of ``_open``)."""
        shown = self.arguments(call)[0]
        if self._first_line(call):
            self._line(call.key, "%s(%s%s" % (call.name, ", ".join(shown), tail),
                       call.lead)
        else:
            self._say(call.key, "<... %s resumed>%s%s" % (
                call.name, ", ".join(shown[call.shown:]), tail))

    def _cut(self, call: _Call) -> None:
        """``call`` ends without returning: its thread is gone.  As
        strace's, the line stops before the arguments the call would have
        filled in, and says ``<unfinished ...>`` only if the call had more
        to show at its return (``tgkill(1, 1, SIGKILL) = ?``,
        ``read(3,  <unfinished ...>) = ?``)."""
        shown, ready, more = self.arguments(call, final=True)
        unfinished = _UNFINISHED if more else ""
        if self._first_line(call):
            self._line(call.key, self._head(call, shown, ready) + unfinished
                       + ") = ?", call.lead)
        else:
            part = shown[call.shown:ready]
            sep = ", " if part and ready < len(shown) else ""
            self._say(call.key, "<... %s resumed>%s%s%s) = ?" % (
                call.name, ", ".join(part), sep, unfinished))

    def _abandon(self, call: _Call) -> None:
        """The trace says nothing more of ``call`` (it ends, or the thread
        makes another call): show what was known, if nothing was yet."""
        if self._first_line(call):
            shown, ready, _ = self.arguments(call)
            self._line(call.key, self._unfinished(call, shown, ready), call.lead)

    # --- formatting -------------------------------------------------------
    def _lead(self, key: tuple[int, int]) -> str:
        """strace -f's ``[pid  N] ``: while it traces two threads or more."""
        return "[pid %5u] " % key[1] if len(self._live) > 1 else ""

    def _line(self, key: tuple[int, int], text: str, lead: str | None = None) -> None:
        if self.paint is not None:
            text = self.paint(text)
        self.out.append((self._lead(key) if lead is None else lead) + text + "\n")

    def call_text(self, call: _Call) -> str:
        """The whole call, ``name(arguments)``."""
        return "%s(%s)" % (call.name, ", ".join(self.arguments(call)[0]))

    def arguments(self, call: _Call, final: bool = False) -> tuple[list[str], int, bool]:
        """The arguments as shown; how many of them come before the first
        one strace prints at the call's return, or whose content a later
        record may still bring (the data of a read or write, a path, a
        ``msghdr``, ``execve``'s vectors): an ``<unfinished ...>`` line
        stops there, as strace's stops before the arguments a call fills
        in; and whether the call has more to show at its return.
        ``final``: no more records will come (nothing is late)."""
        if not call.linux:          # never Linux's prototypes or constants
            if self._netbsd is None:
                from ktrace.dump.netbsd_args import NetbsdArgs
                self._netbsd = NetbsdArgs(self)
            shown, ready = self._netbsd(call)
            return shown, ready, True   # (cut: always "<unfinished ...>")
        spec = CALLS.get(call.name)
        if spec is not None:
            return self._table(call, spec, final)
        name = call.name
        if name in ("futex", "clone", "clone3", "restart_syscall"):
            ptr = lambda v: _ptr(v & self.face.mask)    # noqa: E731
            if name == "futex":
                shown = futex_args(call.args, ptr)
            elif name == "clone":
                shown = clone_args(call.args, call.i386, ptr, linux_signame)
            elif name == "clone3":      # clone3(struct clone_args *, size_t)
                a = list(call.args) + [0, 0]        # a record may lack them
                shown = [ptr(a[0]), str(a[1])]
            else:
                shown = ["<... resuming interrupted %s ...>" % call.resumes]
            return shown, len(shown), SPECIAL_MORE.get(name, False)
        shown, ready = self._prototype(call, final)
        return shown, ready, SPECIAL_MORE.get(name, False) or ready < len(shown)

    def _table(self, call: _Call, spec: tuple[tuple[str, ...], int, bool],
               final: bool) -> tuple[list[str], int, bool]:
        """The arguments of a call ``linux_calls.CALLS`` describes."""
        kinds, ready, more = spec
        c = Ctx()
        args = call.args
        if len(args) <= len(kinds):     # (a short record: zeros, as kdump)
            args = args + [0] * (len(kinds) + 1 - len(args))
        c.args = args
        c.mask = 0xFFFFFFFF if call.i386 else self.face.mask
        c.error, c.retval = call.error, call.retval
        c.paths = iter(call.paths)
        c.data = b"".join(call.data) if call.data else None
        c.strsize = self.strsize
        if call.msghdr is not None:
            c.msghdr = self.msghdr(call.msghdr, True)
        at = EMPTY_PATH_FLAGS.get(call.name)
        if at is not None and at < len(args) and args[at] & 0x1000 and \
                KTR_NAMEI in self._carries and call.error != -EFAULT:
            c.empty = True          # AT_EMPTY_PATH: pyktrace writes no NAMI
        waits = not final and call.error is None
        npath = 0
        shown = []
        stop = None                 # where a split line stops (in ``shown``)
        for i, kind in enumerate(kinds):
            if kind == "-":         # a slot the previous argument used
                continue
            v = args[i]
            if i == ready and stop is None:
                stop = len(shown)
            if waits and stop is None and kind in LATE:
                what = LATE[kind]
                if what == "paths":
                    npath += 1
                    late = npath > len(call.paths) and not c.empty and \
                        KTR_NAMEI in self._carries
                elif what == "data":
                    late = c.data is None and KTR_GENIO in self._carries and not (
                        kind == "wbuf" and args[i + 1] & c.mask == 0)
                else:
                    late = c.msghdr is None and KTR_USER in self._carries
                if late:
                    stop = len(shown)
            text = KINDS[kind](v, c, i)
            if text is None:        # an argument this call does not take
                break
            shown.append(text)
        return shown, len(shown) if stop is None else min(stop, len(shown)), more

    def _prototype(self, call: _Call, final: bool) -> tuple[list[str], int]:
        """The arguments of another Linux call, by python-ptrace's
        prototype (an unknown call's: kdump's numbers)."""
        proto = self.protos.get(call.name)
        params = proto[1] if proto else ()
        paths = iter(call.paths)
        carries = set() if final or call.error is not None else self._carries
        shown = []
        ready = None
        for i, value in enumerate(call.args[:len(params)] if params else call.args):
            ctype, pname = params[i] if i < len(params) else ("", "")
            if "msghdr" in ctype:
                late = call.msghdr is None and KTR_USER in carries
                if call.msghdr is not None:
                    shown.append(self.msghdr(call.msghdr, True))
                    continue
            elif pname == "argv" and call.name in EXEC_NAMES:
                late = call.argv is None and KTR_EXEC_ARG in carries
                if call.argv is not None:
                    shown.append("[%s]" % ", ".join(quote(a, None)
                                                    for a in call.argv))
                    continue
            elif pname == "envp" and call.name in EXEC_NAMES:
                late = call.envc is None and KTR_EXEC_ENV in carries
                if call.envc is not None:
                    shown.append("0x%x /* %d vars */" % (
                        value & self.face.mask, call.envc))
                    continue
            else:
                late = False        # the calls of moved data are linux_calls'
            if late and ready is None:
                ready = i
            shown.append(self.argument(call.name, ctype, pname, value, paths))
        return shown, len(shown) if ready is None else ready

    def msghdr(self, raw: bytes, linux: bool = False) -> str:
        """A ``msghdr`` USER record (NetBSD's native layout, as kdump reads
        it) in strace's braces; for a Linux call as strace shows it, with
        ``msg_control`` only when ``msg_controllen`` is not 0 and the
        ``MSG_*`` names of ``msg_flags``."""
        lp64 = self.face.abi.lp64
        fmt = self.face.abi.order + ("QI4xQi4xQIi" if lp64 else "IIIiIIi")
        size = struct.calcsize(fmt)
        name, namelen, iov, iovlen, control, controllen, mflags = \
            struct.unpack(fmt, raw[:size].ljust(size, b"\0"))
        if not linux:
            return ("{msg_name=%s, msg_namelen=%d, msg_iov=%s, msg_iovlen=%d, "
                    "msg_control=%s, msg_controllen=%d, msg_flags=%d}" % (
                        _ptr(name), namelen, _ptr(iov), iovlen, _ptr(control),
                        controllen, mflags))
        return ("{msg_name=%s, msg_namelen=%d, msg_iov=%s, msg_iovlen=%d, %s"
                "msg_controllen=%d, msg_flags=%s}" % (
                    _ptr(name), namelen, _ptr(iov), iovlen,
                    "msg_control=%s, " % _ptr(control) if controllen else "",
                    controllen, flags(mflags & 0xFFFFFFFF, MSG_FLAGS, "MSG_???")))

    def argument(self, name: str, ctype: str, pname: str, value: int,
                 paths) -> str:
        face = self.face
        u = value & face.mask
        if ctype in ("const char *", "char *") and pname != "buf":
            path = next(paths, None)
            if path is not None:
                return quote(path, None)
        if ctype == "umode_t":
            return file_mode(name, u)
        if "[" in ctype or ctype in POINTER_TYPES or (
                name == "semctl" and pname == "arg"):
            return _ptr(u)          # an array, a pointer typedef: an address
        if ctype == "aio_context_t":
            return "0x%x" % u if u else "0"
        if pname in DIRFD_NAMES and u & 0xFFFFFFFF == 0xFFFFFF9C:
            return "AT_FDCWD"
        if pname in ("sig", "signum", "signo"):
            return linux_signame(c_int(u))
        const = self.constants.get(name, {}).get(pname, {})
        if u in const:
            return const[u]
        callback = self.callbacks.get(name, {}).get(pname)
        if callback is not None:
            try:
                text = callback(_Arg(face.slong(value) if "int" in ctype else u))
            except Exception:       # a formatter that needs a live process
                text = None
            if text:
                m = _BITS.match(text)
                return m.group(1) if m else _VALUE.sub("", text)
            if text == "":
                return "0"
        if pname == "prot" and name == "pkey_mprotect":    # others: linux_calls
            return putprot(u, face.mask)
        if pname in ADDRESS_NAMES:
            return _ptr(u)
        if pname in FD_NAMES:
            return str(c_int(u))
        if not ctype:               # no prototype: kdump's rule
            return str(u) if u < 10 else "0x%x" % u
        if "*" in ctype or ctype.startswith("struct") or pname == "addr":
            return _ptr(u)
        if ctype.startswith("unsigned") or ctype in ("size_t", "umode_t"):
            return str(u)
        if ctype in ("int", "pid_t", "uid_t", "gid_t", "clockid_t"):
            return str(c_int(u))
        return str(face.slong(value))

    @staticmethod
    def result(name: str, error: int, retval: int, linux: bool,
               args: list[int] | None = None) -> str:
        if error == 0:
            if linux and args is not None:
                text = linux_result(name, retval, args)
                if text is not None:
                    return text
            if name in ("mmap", "mmap2", "brk", "mremap") and retval > 9:
                return "0x%x" % retval
            return str(retval)
        from ktrace.emul import LINUX_ERRNO, LINUX_RESTART_ERRNO, NETBSD_ERRNO
        if linux and -retval in LINUX_RESTART_ERRNO and error in (ERESTART, -EINTR):
            # what strace sees at the call's return, before the signal
            # decides (pyktrace records the EINTR a handler made of it)
            label = LINUX_RESTART_ERRNO[-retval]
            return "? %s (%s)" % (label, RESTART_TEXTS[label])
        if error == EJUSTRETURN and (not linux or retval != EJUSTRETURN):
            # a sigreturn's registers are the interrupted context's: no result
            return "?" if name in SIGRETURN_NAMES else "0"
        if error == ERESTART and not linux:
            return "? ERESTART (To be restarted)"
        if linux and error < 0:
            entry = LINUX_ERRNO.get(-error)
        else:
            entry = NETBSD_ERRNO.get(error)
        if entry is None:
            return "-1 (errno %d)" % error
        return "-1 %s (%s)" % entry


class _Painter:
    """Colour for a terminal (rich, imported only then): call names bold,
    errors red, process and signal events yellow."""

    def __init__(self) -> None:
        import io

        from rich.console import Console
        self._buf = io.StringIO()
        self._console = Console(file=self._buf, force_terminal=True,
                                color_system="standard", highlight=False,
                                soft_wrap=True, width=1 << 16)

    def __call__(self, line: str) -> str:
        from rich.text import Text
        text = Text(line)
        if line.startswith(("+++", "---")):
            text.stylize("yellow")
        else:
            end = line.find(" resumed>") if line.startswith("<... ") else -1
            if end > 0:                 # "<... read resumed>": the name
                text.stylize("bold", 5, end)
            else:
                paren = line.find("(")
                if paren > 0:
                    text.stylize("bold", 0, paren)
            eq = line.rfind(" = ")
            if eq >= 0 and line.startswith("-1", eq + 3):
                text.stylize("red", eq + 3)
        self._console.print(text, end="")
        out = self._buf.getvalue()
        self._buf.seek(0)
        self._buf.truncate()
        return out
