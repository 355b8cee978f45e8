#!/usr/bin/env python3
"""pyktrace against strace on the same workloads, side by side, in one run.

Each workload runs untraced, under ``strace -o FILE`` and under
``pyktrace -f FILE`` with equivalent settings, interleaved (one warm-up
round, then ``--pairs`` rounds, the order rotating each round), and the
script prints per workload:

* the median wall time of each way of running it,
* the median of the pairwise ratios pyktrace/strace, and their spread
  (min and max over the rounds),
* each tracer's own CPU time per ptrace stop (utime+stime of the tracer
  process alone, read from ``/proc/PID/stat`` while it is a zombie, so the
  traced program's CPU is not counted; stops are counted from the trace
  files: two per traced system call),
* the peak RSS of the run (``wait4``'s ``ru_maxrss``: the largest process of
  the tree, which is the tracer for every workload here; a forked child
  starts from this script's own high-water mark, kept small for that),
* the trace file size.

Workloads (issue 6): 1 syscall-heavy, 2 path-heavy (namei only),
3 data-heavy (dd, all data captured), 4 process-heavy (sh -c, 200 commands),
5 thread-heavy (8 threads x 2,000 calls), 6 start-up (/bin/true).

    python scripts/bench.py [--pairs 11] [--only 1,3] [--pyktrace PATH]

Run it on an otherwise idle machine: ptrace stop latency moves with load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from ktrace.format import KTR_NAMEI, KTR_SYSCALL  # noqa: E402
from ktrace.tracefile import Reader  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")


@dataclass
class Workload:
    number: int
    title: str
    command: list[str]
    pyktrace_opts: list[str]
    strace_opts: list[str]


@dataclass
class Sample:
    wall: float
    tracer_cpu: float = 0.0
    maxrss_kb: int = 0
    stops: int = 0
    size: int = 0


@dataclass
class Result:
    runs: dict[str, list[Sample]] = field(default_factory=lambda: {
        "untraced": [], "strace": [], "pyktrace": []})


def build_programs(tmp: Path) -> dict[str, str]:
    out = {}
    for name in ("syscall_loop", "threads"):
        exe = tmp / name
        subprocess.run(["gcc", "-O2", "-pthread", "-o", str(exe),
                        str(HERE / "bench_programs" / f"{name}.c")], check=True)
        out[name] = str(exe)
    data = tmp / "data.bin"
    chunk = os.urandom(1 << 20)
    with open(data, "wb") as f:         # 64 MiB, written so that this
        for _ in range(64):             # process stays small: children
            f.write(chunk)              # start with its RSS high-water mark
    out["data"] = str(data)
    return out


def workloads(progs: dict[str, str], tmp: Path) -> list[Workload]:
    sh_script = "; ".join(["/bin/true"] * 200)
    return [
        Workload(1, "syscall-heavy: 8,000 1-byte writes + stat every 10th",
                 [progs["syscall_loop"], "8000"], ["-i"], ["-f", "-s", "4096"]),
        Workload(2, "path-heavy, namei only: 80,000 iterations",
                 [progs["syscall_loop"], "80000"], ["-i", "-t", "n"],
                 ["-f", "--seccomp-bpf", "-e", "trace=%file"]),
        Workload(3, "data-heavy: dd 64 MiB in 64 KiB blocks, all data",
                 ["dd", f"if={progs['data']}", f"of={tmp / 'copy.bin'}",
                  "bs=65536", "status=none"],
                 ["-i", "-t", "ci"],
                 ["-f", "-e", "trace=read,write", "-e", "read=all",
                  "-e", "write=all"]),
        Workload(4, "process-heavy: sh -c running 200 commands",
                 ["sh", "-c", sh_script], ["-i"], ["-f"]),
        Workload(5, "thread-heavy: 8 threads x 2,000 syscalls",
                 [progs["threads"], "8", "2000"], ["-i"], ["-f"]),
        Workload(6, "start-up: /bin/true", ["/bin/true"], [], []),
    ]


def run_one(argv: list[str], trace: Path | None, kind: str) -> Sample:
    """Run a command, timing it and reading the tracer's own CPU time."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL)
    # wait without reaping, so /proc/PID/stat still holds the tracer's times
    os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
    wall = time.perf_counter() - t0
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / CLK_TCK
    _pid, status, rusage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited with {proc.returncode}")
    s = Sample(wall, cpu if kind != "untraced" else 0.0, rusage.ru_maxrss)
    if trace is not None:
        s.size = trace.stat().st_size
        s.stops = count_stops(trace, kind)
    return s


def count_stops(trace: Path, kind: str) -> int:
    """Two stops per traced system call, counted from the trace itself."""
    if kind == "strace":
        with open(trace, errors="replace") as f:
            return 2 * sum(1 for line in f
                           if "(" in line and not line.lstrip("0123456789 ")
                           .startswith(("+++", "---", "<...")))
    calls = namei = 0
    with open(trace, "rb") as f:
        for r in Reader(f):
            calls += r.type == KTR_SYSCALL
            namei += r.type == KTR_NAMEI
    return 2 * (calls or namei)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=11)
    ap.add_argument("--only", default="", help="comma-separated workload numbers")
    ap.add_argument("--pyktrace", default=shutil.which("pyktrace") or
                    str(Path(sys.executable).with_name("pyktrace")))
    ap.add_argument("--strace", default=shutil.which("strace") or "strace")
    opts = ap.parse_args()
    only = {int(x) for x in opts.only.split(",") if x}
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        progs = build_programs(tmp)
        table = []
        for w in workloads(progs, tmp):
            if only and w.number not in only:
                continue
            res = Result()
            ways = {
                "untraced": (w.command, None),
                "strace": ([opts.strace, "-o", str(tmp / "strace.out"),
                            *w.strace_opts, *w.command], tmp / "strace.out"),
                "pyktrace": ([opts.pyktrace, "-f", str(tmp / "ktrace.out"),
                              *w.pyktrace_opts, *w.command], tmp / "ktrace.out"),
            }
            order = list(ways)
            for rnd in range(opts.pairs + 1):
                for kind in order:
                    argv, trace = ways[kind]
                    sample = run_one(argv, trace, kind)
                    if rnd:                          # round 0 warms up
                        res.runs[kind].append(sample)
                order = order[1:] + order[:1]
            table.append((w, res))
            report(w, res)
        summary(table)


def report(w: Workload, res: Result) -> None:
    r = res.runs
    ratios = [p.wall / s.wall for p, s in zip(r["pyktrace"], r["strace"])]
    med = {k: statistics.median(x.wall for x in v) for k, v in r.items()}
    print(f"\n[{w.number}] {w.title}")
    print(f"  wall median: untraced {med['untraced']*1000:.1f} ms, "
          f"strace {med['strace']*1000:.1f} ms, "
          f"pyktrace {med['pyktrace']*1000:.1f} ms")
    print(f"  pyktrace/strace: median {statistics.median(ratios):.2f} "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f}, n={len(ratios)})")
    for kind in ("strace", "pyktrace"):
        v = r[kind]
        cpu = statistics.median(x.tracer_cpu for x in v)
        stops = statistics.median(x.stops for x in v)
        per = f"{cpu / stops * 1e6:.1f} µs/stop" if stops else "n/a"
        print(f"  {kind:8s}: tracer CPU {cpu*1000:.0f} ms, {stops:.0f} stops, "
              f"{per}, peak RSS {max(x.maxrss_kb for x in v)/1024:.0f} MB, "
              f"trace {statistics.median(x.size for x in v)/1e6:.2f} MB")


def summary(table: list[tuple[Workload, Result]]) -> None:
    print("\n| workload | untraced | strace | pyktrace | pyktrace/strace (min–max) | pyktrace peak RSS |")
    print("|---|---|---|---|---|---|")
    for w, res in table:
        r = res.runs
        ratios = [p.wall / s.wall for p, s in zip(r["pyktrace"], r["strace"])]
        med = {k: statistics.median(x.wall for x in v) for k, v in r.items()}
        print(f"| {w.number} | {med['untraced']*1000:.1f} ms | "
              f"{med['strace']*1000:.1f} ms | {med['pyktrace']*1000:.1f} ms | "
              f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}) | "
              f"{max(x.maxrss_kb for x in r['pyktrace'])/1024:.0f} MB |")


if __name__ == "__main__":
    main()
