"""``--decode``: one strace-style line per call, joining CALL, NAMI, GIO, RET.

``openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3``: arguments are
named and typed by python-ptrace's prototypes (its flag and constant
formatters too); a path argument shows the NAMI record the call wrote, a
buffer of a read or write call the GIO data (its first 32 bytes, as strace
shows them), a ``msghdr`` argument the ``msghdr`` USER record the call
wrote, ``execve``'s argv the ARG record and envp a count of the ENV
record's strings (as strace shows them); other pointers stay addresses.  Errors read
``= -1 ENOENT (No such file or directory)``.  A call cut off (by exit, exec
or detach) has no RET and shows ``= ?``; the end of a process shows as
``+++ exited with N +++`` or ``+++ killed by SIGKILL +++``; signals taken
by a handler as ``--- SIGUSR1 ---``.  Lines of a thread other than the first
one seen are prefixed ``[pid LID]``, as strace does.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from typing import Any

from ktrace.format import (
    EJUSTRETURN, ERESTART, KTR_GENIO, KTR_NAMEI, KTR_PSIG, KTR_SYSCALL,
    KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_SYSRET, KTR_USER, KTR_USER_MAXIDLEN)
from ktrace.dump.decodings import linux_map_flags, map_flags, putprot
from ktrace.dump.face import Face
from ktrace.tracefile import Record

STRSIZE = 32
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
    """A C string as strace prints it, ``...`` after ``limit`` bytes."""
    cut = data if limit is None else data[:limit]
    s = '"' + "".join(_STRACE[c] for c in cut) + '"'
    return s + "..." if limit is not None and len(data) > limit else s


def _ptr(v: int) -> str:
    return "NULL" if v == 0 else "0x%x" % v


class _Arg:
    """What python-ptrace's formatters read: ``.value``."""

    def __init__(self, value: int) -> None:
        self.value = value


@dataclass
class _Call:
    name: str
    args: list[int]
    paths: list[bytes] = field(default_factory=list)
    data: list[bytes] = field(default_factory=list)
    msghdr: bytes | None = None
    argv: list[bytes] | None = None
    envc: int | None = None


class Decoder:
    """Pairs records per thread and writes strace-like lines to ``out``."""

    def __init__(self, face: Face, out: list[str], colour: bool = False) -> None:
        self.face = face
        self.out = out
        self.paint = _Painter() if colour else None
        self._open: dict[tuple[int, int], _Call] = {}
        self._first: tuple[int, int] | None = None
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
            return face.last_name or "syscall_%d" % code, args
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
        return None

    def take(self, r: Record, facts: Any) -> None:
        key = (r.pid, r.lid)
        t = r.type
        if t == KTR_SYSCALL:
            if key in self._open:
                self.line(key, self.call_text(self._open.pop(key)) +
                          " <unfinished ...>")
            name, args = facts
            call = _Call(name, list(args))
            if name in ("exit_group", "exit") and args:
                self.line(key, self.call_text(call) + " = ?")
                self.line(key, "+++ exited with %d +++" % (args[0] & 0xFF))
                return
            self._open[key] = call
        elif t == KTR_SYSRET:
            call = self._open.pop(key, None)
            name, error, retval, linux = facts
            head = self.call_text(call) if call else "<... %s resumed>)" % name
            self.line(key, head + " = " + self.result(name, error, retval, linux))
        elif t in (KTR_NAMEI, KTR_GENIO):
            call = self._open.get(key)
            if call is not None:
                (call.paths if t == KTR_NAMEI else call.data).append(facts)
        elif t == KTR_USER:
            call = self._open.get(key)
            if call is not None and call.msghdr is None:
                call.msghdr = facts
        elif t in (KTR_EXEC_ARG, KTR_EXEC_ENV):
            call = self._open.get(key)
            if call is not None:
                if t == KTR_EXEC_ARG:
                    call.argv = (call.argv or []) + facts
                else:
                    call.envc = (call.envc or 0) + len(facts)
        elif t == KTR_PSIG:
            signame, action = facts
            if action == 0:
                self.line(key, "+++ killed by SIG%s +++" % signame)
            else:
                self.line(key, "--- SIG%s ---" % signame)

    def finish(self) -> None:
        for key, call in list(self._open.items()):
            self.line(key, self.call_text(call) + " = ?")
        self._open.clear()

    # --- formatting -------------------------------------------------------
    def line(self, key: tuple[int, int], text: str) -> None:
        if self._first is None:
            self._first = key
        prefix = "" if key == self._first else "[pid %d] " % key[1]
        if self.paint is not None:
            text = self.paint(text)
        self.out.append(prefix + text + "\n")

    def call_text(self, call: _Call) -> str:
        proto = self.protos.get(call.name)
        params = proto[1] if proto else ()
        paths = iter(call.paths)
        data = b"".join(call.data) if call.data else None
        shown = []
        for i, value in enumerate(call.args[:len(params)] if params else call.args):
            ctype, pname = params[i] if i < len(params) else ("", "")
            if "msghdr" in ctype and call.msghdr is not None:
                shown.append(self.msghdr(call.msghdr))
                continue
            if pname == "argv" and call.argv is not None:
                shown.append("[%s]" % ", ".join(quote(a, None) for a in call.argv))
                continue
            if pname == "envp" and call.envc is not None:
                shown.append("0x%x /* %d vars */" % (value & self.face.mask,
                                                      call.envc))
                continue
            shown.append(self.argument(call.name, ctype, pname, value, paths, data))
        return "%s(%s)" % (call.name, ", ".join(shown))

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
            return quote(data)
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
            return "0"
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
