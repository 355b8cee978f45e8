#!/usr/bin/env python3
"""Measure pykdump: records/s on a syscall mix, MB/s on 4 KiB GIO records.

(a) at least a million small records shaped like a pyktrace trace of a
    linux process: CALL, NAMI, RET, with a small GIO record every few calls;
(b) a GIO-heavy trace of 4 KiB records (text with newlines and tabs, so the
    vis escaping and the folding both work).

Each trace is written to a temporary file and dumped by the installed
``pykdump`` command to /dev/null in a child process, best of ``--rounds``;
the child's peak RSS (``ru_maxrss``) is reported to show that memory stays
flat as the file grows (records are streamed).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

from ktrace.format import AMD64, Layouts
from ktrace.tracefile import Record, Writer

COMM = b"bench".ljust(17, b"\0")


def mix_trace(path: str, n: int) -> int:
    """Write ``n`` records of the syscall mix; returns the count written."""
    lay = Layouts.get(AMD64)
    reg = lay.register.pack
    rnd = random.Random(1)
    written = 0
    with open(path, "wb") as f:
        w = Writer(f, AMD64)

        def put(ktype: int, payload: bytes) -> None:
            nonlocal written
            w.write(Record(ktype, 2, 4242, 4242, COMM, 1700000000 + written // 100000,
                           (written * 997) % 1_000_000_000, payload))
            written += 1

        put(7, b"linux")
        while written < n:
            put(1, lay.syscall.pack(257, 32) + reg(-100) + reg(0x7ffd1000)
                + reg(0x80000) + reg(0))
            put(3, b"/usr/lib/x86_64-linux-gnu/libc.so.6")
            if rnd.random() < 0.2:
                put(2, lay.sysret.pack(257, 0, -2, -2, 0))
                continue
            put(2, lay.sysret.pack(257, 0, 0, 3, 0))
            put(1, lay.syscall.pack(0, 24) + reg(3) + reg(0x7ffd2000) + reg(832))
            put(4, lay.genio.pack(3, 0) + bytes(rnd.getrandbits(8) for _ in range(48)))
            put(2, lay.sysret.pack(0, 0, 0, 48, 0))
            put(1, lay.syscall.pack(3, 8) + reg(3))
            put(2, lay.sysret.pack(3, 0, 0, 0, 0))
    return written


def gio_trace(path: str, n: int, binary: bool) -> int:
    """Write ``n`` GIO records of 4 KiB (a page, ``ktr_genio`` included):
    text shaped like source code and logs (lines of about 50 characters,
    tab indentation, quotes), or random bytes."""
    lay = Layouts.get(AMD64)
    rnd = random.Random(2)
    if binary:
        text = bytes(rnd.getrandbits(8) for _ in range(8192))
    else:
        words = [b"kdump", b"ktrace", b"record", b"netbsd", b"linux", b"=",
                 b"(fd)", b"0x1f", b'"quoted"', b"path/to/file", b"{", b"}"]
        lines = []
        while sum(map(len, lines)) < 8192:
            line = b"\t" * rnd.randrange(3) + b" ".join(
                rnd.choice(words) for _ in range(rnd.randrange(3, 10)))
            lines.append(line + b"\n")
        text = b"".join(lines)
    data = 0
    with open(path, "wb") as f:
        w = Writer(f, AMD64)
        for i in range(n):
            start = (i * 131) % 4096
            chunk = text[start:start + 4088]
            data += len(chunk)
            w.write(Record(4, 2, 4242, 4242, COMM, 1700000000, i,
                           lay.genio.pack(1, 1) + chunk))
    return data


def run(pykdump: str, path: str, args: list[str], rounds: int) -> tuple[float, int]:
    """Best wall time of ``rounds`` runs, and the largest child peak RSS (KiB)."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        with open(os.devnull, "wb") as null:
            subprocess.run([pykdump, *args, path], stdout=null, check=True)
        best = min(best, time.perf_counter() - t0)
    return best, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--gio", type=int, default=20_000,
                    help="number of 4 KiB GIO records")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--netbsd", action="store_true", help="time --netbsd too")
    opts = ap.parse_args()
    pykdump = shutil.which("pykdump") or os.path.join(
        os.path.dirname(sys.executable), "pykdump")
    with tempfile.TemporaryDirectory() as tmp:
        mix = os.path.join(tmp, "mix.out")
        n = mix_trace(mix, opts.records)
        size = os.path.getsize(mix)
        faces = [[]] + ([["--netbsd"]] if opts.netbsd else [])
        for face in faces:
            t, rss = run(pykdump, mix, face, opts.rounds)
            print(f"(a) syscall mix {' '.join(face) or 'default'}: {n} records, "
                  f"{size / 1e6:.1f} MB in {t:.2f} s = {n / t:,.0f} records/s; "
                  f"peak RSS {rss / 1024:.1f} MiB")
        for kind in ("text", "binary"):
            gio = os.path.join(tmp, f"gio-{kind}.out")
            data = gio_trace(gio, opts.gio, kind == "binary")
            for face in faces:
                t, rss = run(pykdump, gio, face, opts.rounds)
                print(f"(b) 4 KiB GIO, {kind}, {' '.join(face) or 'default'}: "
                      f"{opts.gio} records, {data / 1e6:.1f} MB of data in "
                      f"{t:.2f} s = {data / 1e6 / t:.1f} MB/s; "
                      f"peak RSS {rss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
