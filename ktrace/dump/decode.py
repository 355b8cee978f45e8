"""``--decode``: one strace-style line per call, joining CALL, NAMI, GIO, RET.

``openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3``: arguments are
named and typed by python-ptrace's prototypes (its flag and constant
formatters too); a path argument shows the NAMI record the call wrote, a
buffer of a read or write call the GIO data (its first 32 bytes, as strace
shows them), a ``msghdr`` argument the ``msghdr`` USER record the call
wrote, ``execve``'s argv the ARG record and envp a count of the ENV
record's strings (as strace shows them); other pointers stay addresses.  Errors read
``= -1 ENOENT (No such file or directory)``.

Lines come out as ``strace -f`` writes them: a call's line starts where
its CALL record is; when another thread's line has to come out before the
call's RET, the call shows as ``read(0,  <unfinished ...>`` there and as
``<... read resumed>"data", 16) = 5`` at its RET.  A call that never
returns because its process ends (``exit_group``, a fatal signal, an exec
in another thread) ends ``<unfinished ...>) = ?`` before the lines
``+++ exited with N +++`` / ``+++ killed by SIGKILL +++`` /
``+++ superseded by execve in pid N +++`` of its threads, the process's
last; a call still open at the end of the trace (a detach) ends
``<unfinished ...>``.  Signals taken by a handler show as
``--- SIGUSR1 ---``.  Lines of a thread other than the first one seen are
prefixed ``[pid LID]``, as strace does.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from typing import Any

from ktrace.format import (
    EJUSTRETURN, ERESTART, KTR_EMUL, KTR_GENIO, KTR_NAMEI, KTR_PSIG, KTR_SYSCALL,
    KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_SYSRET, KTR_USER, KTR_USER_MAXIDLEN)
from ktrace.dump.decodings import linux_map_flags, map_flags, putprot
from ktrace.dump.face import Face
from ktrace.dump.linux_args import clone_args, file_mode, futex_args, shows_mode
from ktrace.tracefile import Record

STRSIZE = 32
SIGRETURN_NAMES = {"rt_sigreturn", "sigreturn", "__sigreturn14",
                   "compat_16___sigreturn14", "setcontext"}
FD_NAMES = {"fd", "dirfd", "oldfd", "newfd", "sockfd", "olddfd", "newdfd"}
#: integer parameters that hold addresses (strace shows them in hex)
ADDRESS_NAMES = {"addr", "start", "brk", "new_addr", "old_addr", "uaddr"}
#: python-ptrace's formatBits() "<A|B> (3)" and formatOpenFlags() "A|B (0o101)"
_BITS = re.compile(r"^<(.*)> \(\S+\)$")
_VALUE = re.compile(r" \(0o?[0-7]+\)$")
#: calls whose buffer argument is data moved (the GIO record shows it)
IO_CALLS = {"read", "write", "pread64", "pwrite64", "recvfrom", "sendto",
            "readv", "writev", "preadv", "pwritev", "preadv2", "pwritev2"}
_ESC = {0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t",
        0x0C: "\\f", 0x0B: "\\v"}
_STRACE = [_ESC.get(c, chr(c) if 0x20 <= c < 0x7F else "\\%o" % c)
           for c in range(256)]


def quote(data: bytes, limit: int | None = STRSIZE) -> str:
    """A C string as strace prints it, ``...`` after ``limit`` bytes; an
    octal escape takes three digits when a digit follows it (``\0012``
    is 1 then "2", where ``\12`` would read as a newline)."""
    cut = data if limit is None else data[:limit]
    out = [_STRACE[c] for c in cut]
    for i in range(len(out) - 1):
        if out[i][0] == "\\" and out[i][1:].isdigit() and 0x30 <= cut[i + 1] <= 0x39:
            out[i] = "\\%03o" % cut[i]
    s = '"' + "".join(out) + '"'
    return s + "..." if limit is not None and len(data) > limit else s


def _ptr(v: int) -> str:
    return "NULL" if v == 0 else "0x%x" % v


class _Arg:
    """What python-ptrace's formatters read: ``.value``."""

    def __init__(self, value: int) -> None:
        self.value = value


EXEC_NAMES = frozenset({"execve", "execveat", "fexecve"})
#: records that bring the contents of arguments
_CONTENT = frozenset({KTR_GENIO, KTR_USER, KTR_EXEC_ARG, KTR_EXEC_ENV})
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
        self._first: tuple[int, int] | None = None
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
            signo, action = face.lay.psig.unpack_from(r.payload)[:2]
            return face.signame(signo, False), action
        if t == KTR_USER and r.payload[:KTR_USER_MAXIDLEN].split(b"\0", 1)[0] \
                == b"msghdr":
            return r.payload[KTR_USER_MAXIDLEN:]
        if t in (KTR_EXEC_ARG, KTR_EXEC_ENV):
            return r.payload.rstrip(b"\0").split(b"\0") if r.payload else []
        if t == KTR_EMUL:
            return True
        return None

    def take(self, r: Record, facts: Any) -> None:
        key = (r.pid, r.lid)
        t = r.type
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
            signame, action = facts
            if action == 0:         # taken with SIG_DFL: the process dies
                self._end_process(key[0], key, "+++ killed by SIG%s +++" % signame)
            else:
                self._say(key, "--- SIG%s ---" % signame)

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
                     i386=self.face.emul.cur.name == "linux32")
        if name == "exit_group" or (name == "exit" and not linux):
            status = "+++ exited with %d +++" % (args[0] & 0xFF if args else 0)
            self._say(key, self.call_text(call) + " = ?")
            self._end_process(key[0], key, status)
            return
        if name in ("exit", "_lwp_exit"):       # the thread ends
            self._say(key, self.call_text(call) + " = ?")
            if name == "exit":
                self._say(key, "+++ exited with %d +++" % (
                    args[0] & 0xFF if args else 0))
            return
        self._open[key] = call
        self._unwritten[key] = call
        if name in EXEC_NAMES:
            self._execs.add(key)

    def ret(self, key: tuple[int, int], name: str, error: int, retval: int,
            linux: bool) -> None:
        call = self._exec_call(key) if name in EXEC_NAMES else \
            self._open.get(key)
        result = self.result(name, error, retval, linux)
        if call is not None and call.name != name:
            call = None             # not this call's RET (records were lost)
        if call is None:
            self._say(key, "<... %s resumed>) = %s" % (name, result))
            return
        if call.name in EXEC_NAMES and (
                error == 0 or (error == EJUSTRETURN and
                               not (linux and retval == EJUSTRETURN))):
            # the exec succeeded: every other thread of the process is gone
            for other in self._cut_threads(key[0], call):
                self._say(other.key, "+++ exited with 0 +++")
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
                self._say(other.key, "+++ exited with 0 +++")
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
        cut = self._cut_threads(pid)
        last = (pid, pid) if any(c.key == (pid, pid) for c in cut) else key
        for call in cut:
            if call.key != key and call.key != last:
                self._say(call.key, end)
        if key != last:
            self._say(key, end)
        self._say(last, end)

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
            shown, ready = self.arguments(call)
            call.shown = ready
            self._line(call.key, self._unfinished(call, shown, ready))

    @staticmethod
    def _unfinished(call: _Call, shown: list[str], ready: int) -> str:
        """``read(3,  <unfinished ...>``: the arguments known at entry."""
        more = ", " if ready < len(shown) else ""
        return "%s(%s%s%s" % (call.name, ", ".join(shown[:ready]), more,
                              _UNFINISHED)

    def _say(self, key: tuple[int, int], text: str) -> None:
        """A line that is no open call's: after all begun calls."""
        self._begin()
        self._line(key, text)

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
        shown, _ = self.arguments(call)
        if self._first_line(call):
            self._line(call.key, "%s(%s%s" % (call.name, ", ".join(shown), tail))
        else:
            self._say(call.key, "<... %s resumed>%s%s" % (
                call.name, ", ".join(shown[call.shown:]), tail))

    def _cut(self, call: _Call) -> None:
        """``call`` ends without returning: its thread is gone.  As strace,
        the arguments it was waiting for are left out."""
        shown, ready = self.arguments(call)
        if self._first_line(call):
            self._line(call.key, self._unfinished(call, shown, ready) + ") = ?")
        else:
            part = shown[call.shown:ready]
            more = ", " if part and ready < len(shown) else ""
            self._say(call.key, "<... %s resumed>%s%s%s) = ?" % (
                call.name, ", ".join(part), more, _UNFINISHED))

    def _abandon(self, call: _Call) -> None:
        """The trace says nothing more of ``call`` (it ends, or the thread
        makes another call): show what was known, if nothing was yet."""
        if self._first_line(call):
            self._line(call.key, self._unfinished(call, *self.arguments(call)))

    # --- formatting -------------------------------------------------------
    def _line(self, key: tuple[int, int], text: str) -> None:
        if self._first is None:
            self._first = key
        prefix = "" if key == self._first else "[pid %d] " % key[1]
        if self.paint is not None:
            text = self.paint(text)
        self.out.append(prefix + text + "\n")

    def call_text(self, call: _Call) -> str:
        """The whole call, ``name(arguments)``."""
        return "%s(%s)" % (call.name, ", ".join(self.arguments(call)[0]))

    def arguments(self, call: _Call) -> tuple[list[str], int]:
        """The arguments as shown, and how many of them come before the
        first one whose content a later record may still bring (the data
        of a read or write, a ``msghdr``, ``execve``'s vectors): an
        ``<unfinished ...>`` line stops there, as strace's stops before
        the arguments a call fills in."""
        if not call.linux:          # never Linux's prototypes or constants
            if self._netbsd is None:
                from ktrace.dump.netbsd_args import NetbsdArgs
                self._netbsd = NetbsdArgs(self)
            return self._netbsd(call)
        if call.name in ("futex", "clone", "clone3"):
            ptr = lambda v: _ptr(v & self.face.mask)    # noqa: E731
            if call.name == "futex":
                shown = futex_args(call.args, ptr)
            elif call.name == "clone":
                shown = clone_args(call.args, call.i386, ptr, self._linux_signame)
            else:                   # clone3(struct clone_args *, size_t)
                shown = [ptr(call.args[0]), str(call.args[1])]
            return shown, len(shown)
        proto = self.protos.get(call.name)
        params = proto[1] if proto else ()
        paths = iter(call.paths)
        data = b"".join(call.data) if call.data else None
        carries = self._carries
        shown = []
        ready = None
        for i, value in enumerate(call.args[:len(params)] if params else call.args):
            ctype, pname = params[i] if i < len(params) else ("", "")
            if pname == "mode" and not shows_mode(call.name, call.args):
                break               # open's mode counts only with O_CREAT
            if "msghdr" in ctype:
                late = call.msghdr is None and KTR_USER in carries
                if call.msghdr is not None:
                    shown.append(self.msghdr(call.msghdr))
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
                late = (pname == "buf" and call.name in IO_CALLS and
                        data is None and KTR_GENIO in carries)
            if late and ready is None:
                ready = i
            shown.append(self.argument(call.name, ctype, pname, value, paths, data))
        return shown, len(shown) if ready is None else ready

    @staticmethod
    def _linux_signame(sig: int) -> str:
        from ktrace.emul import LINUX_SIGNALS
        return LINUX_SIGNALS.get(sig, str(sig))

    def msghdr(self, raw: bytes) -> str:
        """A ``msghdr`` USER record (NetBSD's native layout, as kdump reads
        it) in strace's braces."""
        lp64 = self.face.abi.lp64
        fmt = self.face.abi.order + ("QI4xQi4xQIi" if lp64 else "IIIiIIi")
        size = struct.calcsize(fmt)
        name, namelen, iov, iovlen, control, controllen, flags = \
            struct.unpack(fmt, raw[:size].ljust(size, b"\0"))
        return ("{msg_name=%s, msg_namelen=%d, msg_iov=%s, msg_iovlen=%d, "
                "msg_control=%s, msg_controllen=%d, msg_flags=%d}" % (
                    _ptr(name), namelen, _ptr(iov), iovlen, _ptr(control),
                    controllen, flags))

    def argument(self, name: str, ctype: str, pname: str, value: int,
                 paths, data: bytes | None) -> str:
        face = self.face
        u = value & face.mask
        if ctype in ("const char *", "char *") and pname != "buf":
            path = next(paths, None)
            if path is not None:
                return quote(path, None)
        if pname == "buf" and name in IO_CALLS and data is not None:
            return quote(data, self.strsize)
        if ctype == "umode_t":
            return file_mode(name, u)
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
        if pname == "prot" and name in ("mmap", "mmap2", "mprotect", "pkey_mprotect"):
            return putprot(u, face.mask)
        if pname == "flags" and name in ("mmap", "mmap2"):
            if not face.emul.cur.linux:
                return map_flags(u)         # NetBSD's, as kdump shows them
            names = linux_map_flags(u).split("<", 1)[1].rstrip(">").split(",")
            return "|".join(n if n.startswith("0x") else "MAP_" + n for n in names)
        if pname in ADDRESS_NAMES:
            return "NULL" if u == 0 else "0x%x" % u
        if pname in FD_NAMES:
            v = u & 0xFFFFFFFF
            return str(v - (1 << 32) if v & 0x80000000 else v)
        if not ctype:               # no prototype: kdump's rule
            return str(u) if u < 10 else "0x%x" % u
        if "*" in ctype or ctype.startswith("struct") or pname == "addr":
            return "NULL" if u == 0 else "0x%x" % u
        if ctype.startswith("unsigned") or ctype in ("size_t", "umode_t"):
            return str(u)
        if ctype in ("int", "pid_t", "uid_t", "gid_t", "clockid_t"):
            v = u & 0xFFFFFFFF
            return str(v - (1 << 32) if v & 0x80000000 else v)
        return str(face.slong(value))

    @staticmethod
    def result(name: str, error: int, retval: int, linux: bool) -> str:
        from ktrace.emul import LINUX_ERRNO, LINUX_RESTART_ERRNO, NETBSD_ERRNO
        if error == 0:
            if name in ("mmap", "mmap2", "brk", "mremap") and retval > 9:
                return "0x%x" % retval
            return str(retval)
        if error == EJUSTRETURN and (not linux or retval != EJUSTRETURN):
            # a sigreturn's registers are the interrupted context's: no result
            return "?" if name in SIGRETURN_NAMES else "0"
        if error == ERESTART and (not linux or -retval in LINUX_RESTART_ERRNO):
            label = LINUX_RESTART_ERRNO.get(-retval, "ERESTART")
            return "? %s (To be restarted)" % label
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
