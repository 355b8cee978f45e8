"""pykdump: NetBSD's kdump(1) for ktrace.out files (thin click command)."""

from __future__ import annotations

import os
import signal
import sys

import click

from ktrace.format import ABIS

ABI_NAMES = sorted(ABIS)


def _time_flag(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    """Remember which of -T and -R came last (old kdumps keep only that)."""
    if value:
        ctx.meta["pykdump.last_time_flag"] = param.opts[0][1]
    return value


def _number(value: str) -> int:
    """``strtoul(optarg, &cp, 0)`` with kdump's "invalid number" error."""
    try:
        return int(value, 0)
    except ValueError:
        raise click.UsageError(f"invalid number {value}") from None


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-d", "decimal", is_flag=True,
              help="Show all numbers in decimal.")
@click.option("-E", "elapsed", is_flag=True,
              help="Time elapsed since the first record.")
@click.option("-e", "emulation", default="netbsd", show_default=True,
              metavar="EMULATION",
              help="Emulation assumed until an EMUL record names one.")
@click.option("-f", "tracefile", default=None, metavar="FILE",
              help="Trace file; - reads standard input.  [default: ktrace.out]")
@click.option("-l", "follow", is_flag=True,
              help="Keep reading as a file grows (a pipe: until it closes).")
@click.option("-m", "maxdata", default=None, metavar="MAXDATA",
              help="Show at most MAXDATA bytes of each GIO record.")
@click.option("-N", "numeric", count=True,
              help="Show syscall numbers, not names.")
@click.option("-n", "plain", count=True,
              help="No translation of numbers to names or texts; twice: "
                   "numeric RET names too.")
@click.option("-p", "pid", default=None, metavar="PID",
              help="Only records of this process.")
@click.option("-R", "relative", is_flag=True, callback=_time_flag,
              help="Time since the previous record.")
@click.option("-T", "absolute", is_flag=True, callback=_time_flag,
              help="Absolute timestamps.")
@click.option("-t", "trstr", default=None, metavar="TRSTR",
              help="Record types to show, as ktrace -t letters (acefinsuvwSA).")
@click.option("-x", "hexa", is_flag=True, help="Hex dump of data (bytes).")
@click.option("-X", "xsize", default=None, metavar="SIZE",
              help="Hex dump in SIZE-byte words (1, 2, 4, 8 or 16).")
@click.option("--netbsd", is_flag=True,
              help="Exactly NetBSD kdump's output, NetBSD's compat tables "
                   "for linux/linux32 included.")
@click.option("--abi", type=click.Choice(ABI_NAMES), default=None,
              help="Header layout, instead of probing the file.")
@click.option("--decode", "mode", flag_value="decode",
              help="One strace-style line per call (CALL, NAMI, GIO, RET "
                   "joined).")
@click.option("--summary", "mode", flag_value="summary",
              help="A table per syscall (calls, errors, time) and per process.")
@click.option("--json", "mode", flag_value="json",
              help="One JSON object per record (fields in pykdump(1)).")
@click.option("--syscall", "syscalls", default=None, metavar="NAME[,NAME...]",
              help="Only these calls (with the records they wrote).")
@click.option("--lid", default=None, metavar="TID",
              help="Only the records of this thread.")
@click.option("--errors-only", is_flag=True,
              help="Only calls that returned an error.")
@click.argument("file", required=False)
def main(decimal: bool, elapsed: bool, emulation: str, tracefile: str | None,
         follow: bool, maxdata: str | None, numeric: int, plain: int,
         pid: str | None, relative: bool, absolute: bool, trstr: str | None,
         hexa: bool, xsize: str | None, netbsd: bool, abi: str | None,
         mode: str | None, syscalls: str | None, lid: str | None,
         errors_only: bool, file: str | None) -> None:
    """Show a NetBSD ktrace file (default ktrace.out) as NetBSD's kdump does.

    The default face shows linux and linux32 processes with Linux's syscall
    names and errno texts; --netbsd prints what NetBSD's kdump prints.
    CSW and MIB records never come from pyktrace (Linux has no source for
    them) but are shown when a NetBSD trace has them.
    """
    from ktrace.dump.face import Options
    from ktrace.dump.run import Filters, dump
    from ktrace.format import getpoints

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    opts = Options(netbsd=netbsd, decimal=decimal, plain=plain,
                   numeric=numeric, absolute=absolute, elapsed=elapsed,
                   relative=relative, emulation=emulation,
                   last_time_flag=click.get_current_context().meta.get(
                       "pykdump.last_time_flag", ""))
    if maxdata is not None:
        opts.maxdata = _number(maxdata)
    if pid is not None:
        opts.pid = _number(pid)
    if trstr is not None:
        try:
            opts.trpoints = getpoints(trstr)
        except ValueError:
            raise click.UsageError(f"unknown trace point in {trstr}") from None
    if hexa:
        opts.word_size = 1
    if xsize is not None:
        size = _number(xsize)
        if size not in (1, 2, 4, 8, 16):
            raise click.UsageError("argument to -X must be 1, 2, 4, 8 or 16")
        opts.word_size = size
    if not plain and os.isatty(2):
        cols = os.get_terminal_size(2).columns
        opts.screenwidth = cols if cols > 8 else 80
    if tracefile is None:
        tracefile = file if file is not None else "ktrace.out"
    elif file is not None:
        raise click.UsageError(f"unexpected argument {file}")
    filters = Filters(
        syscalls=[n for n in (syscalls or "").split(",") if n],
        lid=_number(lid) if lid is not None else None,
        errors_only=errors_only)
    chosen = ABIS[abi] if abi else None
    out = sys.stdout.buffer
    extra = {"mode": mode or "kdump", "filters": filters,
             "terminal": os.isatty(1)}
    if tracefile == "-":
        f, name = sys.stdin.buffer, "stdin"
    else:
        name = tracefile
        try:
            f = open(tracefile, "rb")
            if os.path.isdir(tracefile):
                f.close()
                raise IsADirectoryError(21, os.strerror(21))
        except OSError as e:
            click.echo(f"pykdump: {tracefile}: {e.strerror}", err=True)
            sys.exit(1)
    try:
        with f:
            status = dump(f, out, opts, name, chosen, follow, **extra)
    except KeyboardInterrupt:       # the way out of -l
        status = 130
    sys.exit(status)
