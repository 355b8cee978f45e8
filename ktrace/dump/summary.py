"""``--summary``: a table per syscall, like ``strace -c``, and per process.

A call counts, as in strace, when it returns: time is CALL to RET of the
same thread, and a call that never returns (``exit_group``, a thread cut
by a fatal signal) is not counted; a RET whose CALL the trace lacks counts
without time.  Errors are the RETs kdump prints as an error and the calls
to be restarted (strace counts ``ERESTARTSYS`` as an error too).  On a
terminal the tables are drawn by rich (imported only then), in colour;
otherwise they are strace's own plain text, column for column.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ktrace.format import ERESTART, KTR_SYSCALL, KTR_SYSRET
from ktrace.dump.face import Face
from ktrace.tracefile import Record


@dataclass
class Stat:
    calls: int = 0
    errors: int = 0
    ns: int = 0                 # time in calls, in nanoseconds (as strace sums)
    comm: str = ""

    @property
    def seconds(self) -> float:
        return self.ns / 1e9

    def usecs_per_call(self) -> int:
        """strace's ``ts_div`` then truncated microseconds."""
        return self.ns // self.calls // 1000 if self.calls else 0


@dataclass
class Summary:
    """Collects calls; ``render``/``take`` plug into the dump loop."""

    face: Face
    per_call: dict[str, Stat] = field(default_factory=dict)
    per_pid: dict[int, Stat] = field(default_factory=dict)
    _open: dict[tuple[int, int], tuple[str, int]] = field(default_factory=dict)

    def render(self, r: Record) -> Any:
        """The facts of a CALL or RET record (None for the others)."""
        face = self.face
        if face.render(r) is None or r.type not in (KTR_SYSCALL, KTR_SYSRET):
            return None
        code = face.last_call[0] if r.type == KTR_SYSCALL else face.last_ret[0]
        name = face.last_name or "[%d]" % code
        t = r.sec * 1_000_000_000 + r.frac * (1000 if r.version == 0 else 1)
        failed = r.type == KTR_SYSRET and (face.last_error
                                           or face.last_ret[1] == ERESTART)
        return name, t, failed, face.comm(r.comm)

    def take(self, r: Record, facts: Any) -> None:
        name, t, failed, comm = facts
        key = (r.pid, r.lid)
        proc = self.per_pid.setdefault(r.pid, Stat())
        proc.comm = comm
        if r.type == KTR_SYSCALL:
            self._open[key] = (name, t)     # an earlier call left open never returned
            return
        opened = self._open.pop(key, None)
        if opened is None and name == "fork" and proc.calls == 0:
            return      # a child's first record: its fork counts in the parent
        stat = self.per_call.setdefault(name, Stat())
        stat.calls += 1
        proc.calls += 1
        if opened is not None and opened[0] == name:
            stat.ns += t - opened[1]
            proc.ns += t - opened[1]
        if failed:
            stat.errors += 1
            proc.errors += 1

    def rows(self) -> list[tuple[str, Stat]]:
        """Most time first, as strace sorts (then most calls, then name)."""
        return sorted(self.per_call.items(),
                      key=lambda kv: (-kv[1].ns, -kv[1].calls, kv[0]))

    def write(self, out: BinaryIO, terminal: bool) -> None:
        text = self._rich() if terminal else self._plain()
        out.write(text.encode("utf-8"))

    def _plain(self) -> str:
        """strace -c's table (count.c's ``call_summary_pers``: its column
        widths, ``%6.2f``, truncated microseconds per call, blank zero
        errors), then the processes in the same style."""
        rows = self.rows()
        total_ns = sum(s.ns for _, s in rows)
        total = total_ns / 1e9
        calls = sum(s.calls for _, s in rows)
        errors = sum(s.errors for _, s in rows)
        avg = [s.usecs_per_call() for _, s in rows]
        w = [6, max(11, len("%.6f" % total)), max(11, len(str(max(avg, default=0)))),
             max(9, len(str(calls))), max(9, len(str(errors))),
             max(16, max((len(n) for n, _ in rows), default=0) + 1)]

        def line(cells: tuple[str, ...]) -> str:
            return " ".join(c.rjust(n) for c, n in zip(cells[:5], w)) + " " + cells[5] + "\n"

        rule = " ".join("-" * n for n in w) + "\n"
        out = [line(("% time", "seconds", "usecs/call", "calls", "errors", "syscall")), rule]
        for (name, s), per in zip(rows, avg):
            pct = 100 * s.ns / total_ns if s.ns else 0.0
            out.append(line(("%.2f" % pct, "%.6f" % s.seconds, str(per), str(s.calls),
                             str(s.errors) if s.errors else "", name)))
        out.append(rule)
        out.append(line(("100.00", "%.6f" % total,
                         str(total_ns // calls // 1000) if calls else "0",
                         str(calls), str(errors) if errors else "", "total")))
        procs = sorted(self.per_pid.items())
        pw = [max(7, max((len(str(p)) for p, _ in procs), default=0)), 16, 9, 9, 11]
        out.append("\n" + " ".join(("pid".rjust(pw[0]), "command".ljust(pw[1]),
                                    "calls".rjust(9), "errors".rjust(9),
                                    "seconds".rjust(11))) + "\n")
        out.append(" ".join("-" * n for n in pw) + "\n")
        for pid, s in procs:
            out.append(" ".join((str(pid).rjust(pw[0]), s.comm.ljust(pw[1]),
                                 str(s.calls).rjust(9), str(s.errors).rjust(9),
                                 ("%.6f" % s.seconds).rjust(11))) + "\n")
        return "".join(out)

    def _rich(self) -> str:
        """The same tables drawn by rich for a terminal."""
        from rich import box
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        buf = io.StringIO()
        console = Console(file=buf, force_terminal=True, color_system="auto",
                          width=100, highlight=False)
        rows = self.rows()
        total_ns = sum(s.ns for _, s in rows)
        calls = Table(box=box.SIMPLE_HEAD, title="syscalls")
        for col in ("% time", "seconds", "usecs/call", "calls", "errors"):
            calls.add_column(col, justify="right")
        calls.add_column("syscall")
        for name, s in rows:
            calls.add_row(
                "%.2f" % (100 * s.ns / total_ns if total_ns else 0.0),
                "%.6f" % s.seconds, str(s.usecs_per_call()),
                str(s.calls), str(s.errors) if s.errors else "", Text(name))
        ncalls = sum(s.calls for _, s in rows)
        calls.add_row("100.00", "%.6f" % (total_ns / 1e9),
                      str(total_ns // ncalls // 1000) if ncalls else "0",
                      str(ncalls), str(sum(s.errors for _, s in rows) or ""),
                      "total", style="bold")
        console.print(calls)
        procs = Table(box=box.SIMPLE_HEAD, title="processes")
        for col in ("pid", "command", "calls", "errors", "seconds"):
            procs.add_column(col, justify="left" if col == "command" else "right")
        for pid, s in sorted(self.per_pid.items()):
            # a command name is text, never rich markup ("y[red]z")
            procs.add_row(str(pid), Text(s.comm), str(s.calls), str(s.errors),
                          "%.6f" % s.seconds)
        console.print(procs)
        return buf.getvalue()
