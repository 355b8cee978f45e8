"""Driving a dump: open the input, stream records through a face, write.

Kept apart from the click command so that tests and the benchmark call it
directly.  Output is written in large chunks (kdump's stdio does the same),
except in follow mode, where every record is flushed as it comes.

Modes: ``kdump`` (the faces), and beyond kdump ``json``, ``decode`` and
``summary``; the filters of :mod:`ktrace.dump.select` compose with all.
"""

from __future__ import annotations

import os
import sys
TYPE_CHECKING = False
if TYPE_CHECKING:                  # typing costs start-up; annotations are lazy
    from typing import BinaryIO

from ktrace.format import Abi, FormatError
from ktrace.dump.face import Face, Options
from ktrace.dump.stream import NotNetBSD, open_records

FLUSH_EVERY = 512


class Filters:
    """``--syscall``, ``--lid``, ``--errors-only``."""

    def __init__(self, syscalls: list[str] | None = None, lid: int | None = None,
                 errors_only: bool = False) -> None:
        self.syscalls = syscalls or []
        self.lid = lid
        self.errors_only = errors_only

    @property
    def active(self) -> bool:
        return bool(self.syscalls) or self.lid is not None or self.errors_only


def dump(f: BinaryIO, out: BinaryIO, opts: Options, name: str,
         abi: Abi | None = None, follow: bool = False,
         err: BinaryIO | None = None, mode: str = "kdump",
         filters: Filters | None = None, terminal: bool = False) -> int:
    """Dump trace ``f`` to ``out``; returns the exit status.

    Every record before a damaged one is shown, then one line
    ``pykdump: NAME: reason at offset N`` goes to ``err`` and 1 is returned.
    ``terminal`` lets ``decode`` and ``summary`` use colour.
    """
    errf = err if err is not None else sys.stderr
    filters = filters or Filters()
    face: Face | None = None

    def flush() -> None:
        if face is not None and face.out:
            out.write("".join(face.out).encode("latin-1" if mode == "kdump"
                                              else "utf-8", "replace"))
            face.out.clear()
            if follow:
                out.flush()

    def warn(msg: str) -> None:
        flush()
        print("pykdump: " + msg, file=errf, flush=True)

    summary = decoder = None
    status, message = 0, ""
    try:
        stream = open_records(f, abi, follow)
        face = Face(opts, stream.abi, warn)
        face.kdump_lines = mode == "kdump"
        pending = face.out
        if mode == "kdump" and not filters.active:
            record = face.record
        else:
            record = _pipeline(face, mode, filters, terminal)
            summary = getattr(record, "summary", None)
            decoder = getattr(record, "decoder", None)
        stream.idle = flush if decoder is None else \
            lambda: (decoder.waiting(), flush())
        if follow:
            for r in stream:
                record(r)
                flush()
        else:
            for r in stream:
                record(r)
                if len(pending) >= FLUSH_EVERY:
                    flush()
    except NotNetBSD as e:
        flush()
        print(f"pykdump: {name} {e}", file=errf)
        return 1
    except FormatError as e:
        status = 1
        message = f"pykdump: {name}: {e}"
    except OSError as e:
        status = 1
        message = f"pykdump: {name}: {os.strerror(e.errno) if e.errno else e}"
    except KeyboardInterrupt:       # the end of -l: still close the output
        status, message = 130, ""
    if decoder is not None:
        decoder.finish()
    flush()
    if summary is not None:
        summary.write(out, terminal)
    out.flush()
    if message:
        print(message, file=errf)
    return status


def _pipeline(face: Face, mode: str, filters: Filters, terminal: bool):
    """The per-record function of a mode, behind the filters."""
    from ktrace.dump.select import Selector

    holder: dict[str, object] = {}
    if mode == "json":
        from ktrace.dump.jsonout import JsonRender
        render = JsonRender(face)

        def take(r, text) -> None:
            face.out.append(text)
    elif mode == "decode":
        from ktrace.dump.decode import Decoder
        decoder = Decoder(face, face.out, colour=terminal)
        render, take = decoder.render, decoder.take
        holder["decoder"] = decoder
    elif mode == "summary":
        from ktrace.dump.summary import Summary
        summary = Summary(face)
        render, take = summary.render, summary.take
        holder["summary"] = summary
    else:
        render = face.render

        def take(r, text) -> None:
            face.out.append(text)
    sel = Selector(render, lambda: face.last_name, lambda: face.last_error,
                   take, filters.syscalls or None, filters.lid,
                   filters.errors_only)

    def record(r) -> None:
        sel.record(r)
    for k, v in holder.items():
        setattr(record, k, v)
    return record
