#!/usr/bin/env python3
"""A long fuzzing campaign against pykdump's decoder, in every mode.

Hypothesis builds valid NetBSD traces of every record type and ABI
(``tests/strategies.py``), then damages them: truncation, bit flips, and
rewritten ``ktr_len``/``ktr_type``/``ktr_version``/``ktr_argsize`` fields
with hostile values (negative, huge, a 2 GB length).  Every case must end
with status 0 or 1, at most one ``pykdump:`` line on error, no exception,
bounded memory (tracemalloc peak) and bounded time.

    python scripts/fuzz_kdump.py [--examples 20000] [--seconds 600]

The test suite runs the same properties briefly (tests/test_kdump_damage.py,
tests/test_kdump_cli.py); this is for campaigns of hours.
"""

from __future__ import annotations

import argparse
import io
import struct
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ktrace.dump.face import Options  # noqa: E402
from ktrace.dump.run import Filters, dump  # noqa: E402
from ktrace.tracefile import Writer  # noqa: E402
from strategies import trace_files  # noqa: E402

MEMORY_LIMIT = 64 << 20
TIME_LIMIT = 5.0
HOSTILE = [-1, -(1 << 31), (1 << 31) - 1, 0x7FFF_FFF0, 0, 3, 7, 255, 4096,
           65535, 1 << 24]
MODES = [({}, "kdump"), ({"netbsd": True}, "kdump"), ({"word_size": 4}, "kdump"),
         ({"decimal": True, "plain": 2}, "kdump"), ({}, "json"),
         ({}, "decode"), ({}, "summary")]


@st.composite
def damaged(draw) -> tuple[bytes, dict, str]:
    abi, recs = draw(trace_files())
    w = Writer(io.BytesIO(), abi)
    offsets, data = [], bytearray()
    for r in recs:
        offsets.append(len(data))
        data += w.encode(r)
    order = ">" if abi.big_endian else "<"
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["flip", "len", "type", "version", "argsize"]))
        at = offsets[draw(st.integers(0, len(offsets) - 1))]
        if kind == "flip" and data:
            pos = draw(st.integers(0, len(data) - 1))
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "len":
            struct.pack_into(order + "i", data, at, draw(st.sampled_from(HOSTILE)))
        elif kind in ("type", "version"):
            off = 4 + ((kind == "version") ^ abi.big_endian) * 2
            struct.pack_into(order + "h", data, at + off,
                             draw(st.sampled_from(HOSTILE)) & 0x7FFF)
        elif kind == "argsize" and at + abi.header_size + 8 <= len(data):
            struct.pack_into(order + "i", data, at + abi.header_size + 4,
                             draw(st.sampled_from(HOSTILE)))
    cut = draw(st.integers(0, len(data)))
    opts, mode = draw(st.sampled_from(MODES))
    return bytes(data[:cut]), opts, mode


def check(case: tuple[bytes, dict, str]) -> None:
    data, opts, mode = case
    out, err = io.BytesIO(), io.StringIO()
    filters = Filters(errors_only=True) if mode == "kdump" and len(data) % 3 == 0 else None
    tracemalloc.start()
    t0 = time.perf_counter()
    status = dump(io.BytesIO(data), out, Options(**opts), "t", err=err,
                  mode=mode, filters=filters)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert status in (0, 1), status
    text = err.getvalue()
    assert "Traceback" not in text
    if status:      # one line that names the file, after any kdump warnings
        assert text.splitlines()[-1].startswith("pykdump: t"), text
    assert peak < MEMORY_LIMIT, f"peak memory {peak} bytes"
    assert elapsed < TIME_LIMIT, f"{elapsed:.1f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=20000)
    ap.add_argument("--seconds", type=float, default=600.0,
                    help="stop after this long (hypothesis ends the run early)")
    opts = ap.parse_args()
    start = time.monotonic()
    count = 0

    @settings(max_examples=opts.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(damaged())
    def campaign(case: tuple[bytes, dict, str]) -> None:
        nonlocal count
        if time.monotonic() - start > opts.seconds:
            return
        count += 1
        check(case)

    campaign()
    print(f"fuzz_kdump: {count} damaged traces decoded in "
          f"{time.monotonic() - start:.0f} s: no exception, status 0/1, "
          f"memory < {MEMORY_LIMIT >> 20} MiB, time < {TIME_LIMIT:.0f} s each")


if __name__ == "__main__":
    main()
