"""``--summary``: a table per syscall, like ``strace -c``, and per process.

Time is CALL to RET of the same thread; calls whose RET is missing count
as calls without time.  The tables are drawn by rich, imported only here:
colour on a terminal, plain text otherwise.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ktrace.format import KTR_SYSCALL, KTR_SYSRET
from ktrace.dump.face import Face
from ktrace.tracefile import Record


@dataclass
class Stat:
    calls: int = 0
    errors: int = 0
    seconds: float = 0.0
    comm: str = ""


@dataclass
class Summary:
    """Collects calls; ``render``/``take`` plug into the dump loop."""

    face: Face
    per_call: dict[str, Stat] = field(default_factory=dict)
    per_pid: dict[int, Stat] = field(default_factory=dict)
    _open: dict[tuple[int, int], tuple[str, float]] = field(default_factory=dict)

    def render(self, r: Record) -> Any:
        """The facts of a CALL or RET record (None for the others)."""
        face = self.face
        if face.render(r) is None or r.type not in (KTR_SYSCALL, KTR_SYSRET):
            return None
        code = face.last_call[0] if r.type == KTR_SYSCALL else face.last_ret[0]
        name = face.last_name or "[%d]" % code
        t = r.sec + r.frac / (1e6 if r.version == 0 else 1e9)
        return name, t, face.last_error, face.comm(r.comm)

    def take(self, r: Record, facts: Any) -> None:
        name, t, failed, comm = facts
        key = (r.pid, r.lid)
        proc = self.per_pid.setdefault(r.pid, Stat())
        proc.comm = comm
        if r.type == KTR_SYSCALL:
            self.per_call.setdefault(name, Stat()).calls += 1
            proc.calls += 1
            self._open[key] = (name, t)
            return
        opened = self._open.pop(key, None)
        if opened is None and name == "fork" and proc.calls == 0:
            return      # a child's first record: its fork counts in the parent
        stat = self.per_call.setdefault(name, Stat())
        if opened is None:
            stat.calls += 1
            proc.calls += 1
        elif opened[0] == name:
            stat.seconds += t - opened[1]
            proc.seconds += t - opened[1]
        if failed:
            stat.errors += 1
            proc.errors += 1

    def write(self, out: BinaryIO, terminal: bool) -> None:
        from rich import box
        from rich.console import Console
        from rich.table import Table

        buf = io.StringIO()
        console = Console(file=buf, force_terminal=terminal,
                          color_system="auto" if terminal else None,
                          width=100, highlight=False)
        total = sum(s.seconds for s in self.per_call.values())
        calls = Table(box=box.SIMPLE_HEAD, title="syscalls" if terminal else None)
        for col in ("% time", "seconds", "usecs/call", "calls", "errors"):
            calls.add_column(col, justify="right")
        calls.add_column("syscall")
        rows = sorted(self.per_call.items(),
                      key=lambda kv: (-kv[1].seconds, -kv[1].calls, kv[0]))
        for name, s in rows:
            calls.add_row(
                "%.2f" % (100 * s.seconds / total if total else 0.0),
                "%.6f" % s.seconds,
                "%d" % round(1e6 * s.seconds / s.calls if s.calls else 0),
                str(s.calls), str(s.errors) if s.errors else "", name)
        calls.add_row("100.00" if total else "0.00", "%.6f" % total, "",
                      str(sum(s.calls for s in self.per_call.values())),
                      str(sum(s.errors for s in self.per_call.values()) or ""),
                      "total", style="bold" if terminal else None)
        console.print(calls)
        procs = Table(box=box.SIMPLE_HEAD, title="processes" if terminal else None)
        for col in ("pid", "command", "calls", "errors", "seconds"):
            procs.add_column(col, justify="left" if col == "command" else "right")
        for pid, s in sorted(self.per_pid.items()):
            procs.add_row(str(pid), s.comm, str(s.calls), str(s.errors),
                          "%.6f" % s.seconds)
        console.print(procs)
        out.write(buf.getvalue().encode("utf-8"))
