"""Driving a dump: open the input, stream records through a face, write.

Kept apart from the click command so that tests and the benchmark call it
directly.  Output is written in large chunks (kdump's stdio does the same),
except in follow mode, where every record is flushed as it comes.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO

from ktrace.format import Abi, FormatError
from ktrace.dump.face import Face, Options
from ktrace.dump.stream import NotNetBSD, RecordStream

FLUSH_EVERY = 512


def dump(f: BinaryIO, out: BinaryIO, opts: Options, name: str,
         abi: Abi | None = None, follow: bool = False,
         err: BinaryIO | None = None) -> int:
    """Dump trace ``f`` to ``out``; returns the exit status.

    Every record before a damaged one is printed, then one line
    ``pykdump: NAME: reason at offset N`` goes to ``err`` and 1 is returned.
    """
    errf = err if err is not None else sys.stderr

    def warn(msg: str) -> None:
        flush()
        print("pykdump: " + msg, file=errf, flush=True)

    face: Face | None = None

    def flush() -> None:
        if face is not None and face.out:
            out.write("".join(face.out).encode("latin-1"))
            face.out.clear()
            if follow:
                out.flush()

    try:
        stream = RecordStream(f, abi, follow)
        face = Face(opts, stream.abi, warn)
        record = face.record
        pending = face.out
        if follow:
            for r in stream:
                record(r)
                flush()
        else:
            for r in stream:
                record(r)
                if len(pending) >= FLUSH_EVERY:
                    flush()
        flush()
    except NotNetBSD as e:
        flush()
        print(f"pykdump: {name} {e}", file=errf)
        return 1
    except FormatError as e:
        flush()
        print(f"pykdump: {name}: {e}", file=errf)
        return 1
    except OSError as e:
        flush()
        print(f"pykdump: {name}: {os.strerror(e.errno) if e.errno else e}",
              file=errf)
        return 1
    out.flush()
    return 0
