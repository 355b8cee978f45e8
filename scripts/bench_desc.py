#!/usr/bin/env python3
"""Records per second through KtrDesc into a file, end to end.

Measures what the tracer pays per record: building the payload with the
derived struct layouts, ``add_entry`` (honouring PARK the way the ptrace
loop does), and the writer thread's header packing and ``writev`` -- until
``close()`` has flushed everything to the file.

    python scripts/bench_desc.py [--records N] [--dir DIR]

Targets (issue 2): >= 100,000 small records/s and >= 200 MB/s of GIO payload.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from ktrace.desc import PARK, KtrDesc  # noqa: E402
from ktrace.format import (  # noqa: E402
    AMD64, KTR_GENIO, KTR_SYSCALL, KTR_SYSRET, PAGE_SIZE, Layouts)


def run(path: str, count: int, kind: str) -> tuple[float, int]:
    lay = Layouts.get(AMD64)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    sync = threading.Event()
    desc = KtrDesc(fd, on_sync=sync.set)
    add = desc.add_entry
    comm = b"bench"
    data = os.urandom(PAGE_SIZE - lay.genio.size)
    args = lay.register.pack(1) + lay.register.pack(0x7FFF0000) + lay.register.pack(1)
    t0 = time.perf_counter()
    parks = 0
    for i in range(count):
        if kind == "small":
            rc = add(KTR_SYSCALL, 4242, 4242, comm, lay.syscall.pack(1, 24) + args)
            rc2 = add(KTR_SYSRET, 4242, 4242, comm, lay.sysret.pack(1, 0, 0, 1, 0))
            rc = PARK if PARK in (rc, rc2) else rc
        else:
            rc = add(KTR_GENIO, 4242, 4242, comm, lay.genio.pack(1, 1) + data)
        if rc == PARK:
            parks += 1
            deadline = desc.park_deadline()
            while not desc.can_resume(deadline):
                sync.wait(0.5)
                sync.clear()
    desc.close()
    elapsed = time.perf_counter() - t0
    return elapsed, parks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=300_000,
                    help="CALL+RET pairs / GIO records per run (default 300000)")
    ap.add_argument("--dir", default=None, help="where to write (default: tmp)")
    ap.add_argument("--runs", type=int, default=3)
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=opts.dir) as tmp:
        path = os.path.join(tmp, "ktrace.out")
        best_small = min(run(path, opts.records // 2, "small")[0]
                         for _ in range(opts.runs))
        size_small = os.path.getsize(path)
        gio = opts.records // 4
        best_gio = min(run(path, gio, "gio")[0] for _ in range(opts.runs))
        size_gio = os.path.getsize(path)
    n_small = opts.records // 2 * 2
    payload = gio * (PAGE_SIZE - 8)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"small records (CALL+RET): {n_small / best_small:,.0f} records/s "
          f"({n_small} records, {size_small / 1e6:.1f} MB, best of {opts.runs})")
    print(f"GIO 4 KiB records: {gio / best_gio:,.0f} records/s, "
          f"{payload / best_gio / 1e6:,.0f} MB/s of payload "
          f"({size_gio / 1e6:.0f} MB file)")
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
