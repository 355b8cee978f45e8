#!/usr/bin/env python3
"""A long trace: does the tracer's memory stay flat? (issue 7)

Traces ``bench_programs/syscall_loop.c`` for about two million system calls
(default points: CALL, NAMI, GIO and RET records) and samples the tracer's
resident set size from ``/proc/PID/status`` every 0.2 s.  Prints the peak,
the peak of the first and of the second half of the run (flat memory: they
match), the records written and the trace size.

    python scripts/long_run.py [--calls 2000000] [--pyktrace PATH]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from ktrace.tracefile import Reader  # noqa: E402


def rss_kib(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=2_000_000,
                    help="system calls to trace (about; default 2,000,000)")
    ap.add_argument("--pyktrace", default=str(Path(sys.executable).with_name("pyktrace")))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        prog = Path(tmp) / "syscall_loop"
        subprocess.run(["gcc", "-O1", "-o", str(prog),
                        str(HERE / "bench_programs" / "syscall_loop.c")], check=True)
        out = Path(tmp) / "long.ktrace"
        # each iteration: one write, and a stat every tenth
        iterations = args.calls * 10 // 11
        start = time.monotonic()
        tracer = subprocess.Popen([args.pyktrace, "-f", str(out), str(prog), str(iterations)])
        samples: list[tuple[float, int]] = []
        while tracer.poll() is None:
            kib = rss_kib(tracer.pid)
            if kib is not None:
                samples.append((time.monotonic() - start, kib))
            time.sleep(0.2)
        elapsed = time.monotonic() - start
        if tracer.returncode != 0 or not samples:
            print(f"pyktrace exited with {tracer.returncode}", file=sys.stderr)
            return 1
        with open(out, "rb") as f:
            records = sum(1 for _ in Reader(f))
        size = out.stat().st_size
    half = elapsed / 2
    first = max(k for t, k in samples if t <= half)
    second = max((k for t, k in samples if t > half), default=first)
    print(f"{args.calls:,} system calls traced in {elapsed:.1f} s: "
          f"{records:,} records, {size / 1e6:.0f} MB of trace")
    print(f"tracer RSS: peak {max(k for _, k in samples) / 1024:.1f} MiB; "
          f"first half {first / 1024:.1f} MiB, second half {second / 1024:.1f} MiB "
          f"({len(samples)} samples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
