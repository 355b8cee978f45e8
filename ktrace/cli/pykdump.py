"""pykdump: NetBSD's kdump(1) for ktrace.out files (a thin command).

A well-formed command line is parsed with getopt: importing click costs
about 14 ms, a third of a short run.  ``-h``/``--help``, errors and anything
unusual go to click, which prints the help; both paths check the values
with the same :func:`_prepare`.  Every usage error is one line
``pykdump: ...`` and exit status 1, as kdump's ``errx(1, ...)`` (design
§9), not click's usage block.
"""

from __future__ import annotations

import os
import signal
import sys

from ktrace.format import ABIS

TYPE_CHECKING = False
if TYPE_CHECKING:                  # typing costs start-up; annotations are lazy
    from typing import Any, NoReturn

    from ktrace.dump.face import Options
    from ktrace.dump.run import Filters
    from ktrace.format import Abi

ABI_NAMES = sorted(ABIS)

#: the command's parameters as click passes them (strings, counts, flags),
#: plus which of -T and -R came last
DEFAULTS: dict[str, Any] = {
    "decimal": False, "elapsed": False, "emulation": "netbsd",
    "tracefile": None, "follow": False, "maxdata": None, "numeric": 0,
    "plain": 0, "pid": None, "relative": False, "absolute": False,
    "trstr": None, "hexa": False, "xsize": None, "netbsd": False,
    "abi": None, "mode": None, "syscalls": None, "lid": None,
    "errors_only": False, "file": None, "last_time_flag": ""}


class UsageError(Exception):
    """A bad value on the command line: one line, exit status 1."""


_ULONG = 1 << 64


def strtoul(value: str) -> int | None:
    """C's ``strtoul(value, &cp, 0)`` on LP64, or None where ``*cp`` would
    not be the terminating NUL.

    Leading white space, an optional sign, then ``0x``/``0X`` and hex
    digits, ``0`` and octal digits, or decimal digits; a negative number
    wraps modulo 2**64 and an overflow gives ``ULONG_MAX``.  No digits at
    all leaves ``cp`` at the start: only the empty string passes (as 0).
    """
    i, n = 0, len(value)
    while i < n and value[i] in " \t\n\v\f\r":
        i += 1
    neg = False
    if i < n and value[i] in "+-":
        neg = value[i] == "-"
        i += 1
    base = 10
    if value[i:i + 2] in ("0x", "0X") and i + 2 < n and \
            value[i + 2] in "0123456789abcdefABCDEF":
        base, i = 16, i + 2
    elif value[i:i + 1] == "0":
        base = 8
    digits = "0123456789abcdef"[:base]
    start = i
    while i < n and value[i].lower() in digits:
        i += 1
    if i == start:                  # no conversion: cp is the string itself
        return 0 if value == "" else None
    if i != n:
        return None
    v = int(value[start:i], base)
    if v >= _ULONG:
        return _ULONG - 1
    return (_ULONG - v) % _ULONG if neg else v


def _int32(v: int) -> int:
    """The ``int`` (or ``pid_t``) an ``unsigned long`` is assigned to."""
    return ((v & 0xFFFFFFFF) ^ 0x80000000) - 0x80000000


def _number(value: str) -> int:
    """kdump's ``x = strtoul(optarg, &cp, 0)`` into an ``int`` variable,
    with its ``errx(1, "invalid number %s", optarg)`` when ``*cp``."""
    v = strtoul(value)
    if v is None:
        raise UsageError(f"invalid number {value}")
    return _int32(v)


def _prepare(kw: dict[str, Any]) -> tuple[Options, Filters, str, Abi | None]:
    """The dump's options, filters, file name and forced ABI; raises
    :class:`UsageError` before anything is opened or printed."""
    from ktrace.dump.face import Options
    from ktrace.dump.run import Filters
    from ktrace.format import KDUMP_POINT_LETTERS, getpoints

    plain = kw["plain"]
    opts = Options(netbsd=kw["netbsd"], decimal=kw["decimal"], plain=plain,
                   numeric=kw["numeric"], absolute=kw["absolute"],
                   elapsed=kw["elapsed"], relative=kw["relative"],
                   emulation=kw["emulation"],
                   last_time_flag=kw["last_time_flag"])
    if kw["maxdata"] is not None:       # int maxdata: negative is no limit
        opts.maxdata = _number(kw["maxdata"])
    if kw["pid"] is not None:           # pid_t do_pid: -1 is every process
        pid = _number(kw["pid"])
        opts.pid = None if pid == -1 else pid
    trstr = kw["trstr"]
    if trstr is not None:
        try:
            opts.trpoints = getpoints(trstr, letters=KDUMP_POINT_LETTERS)
        except ValueError:
            raise UsageError(f"unknown trace point in {trstr}") from None
    if kw["hexa"]:
        opts.word_size = 1
    if kw["xsize"] is not None:
        size = strtoul(kw["xsize"])
        if size is None or _int32(size) not in (1, 2, 4, 8, 16):
            raise UsageError("argument to -X must be 1, 2, 4, 8 or 16")
        opts.word_size = _int32(size)
    if not plain and os.isatty(2):
        cols = os.get_terminal_size(2).columns
        opts.screenwidth = cols if cols > 8 else 80
    tracefile, file = kw["tracefile"], kw["file"]
    if tracefile is None:
        tracefile = file if file is not None else "ktrace.out"
    elif file is not None:
        raise UsageError(f"unexpected argument {file}")
    syscalls = [n for n in (kw["syscalls"] or "").split(",") if n]
    if syscalls:
        from ktrace.dump.emulation import known_syscall_names
        unknown = [n for n in syscalls if n not in known_syscall_names()]
        if unknown:         # as strace's -e trace= refuses a misspelt name
            raise UsageError("--syscall: no system call is named "
                             + ", ".join(unknown))
    filters = Filters(
        syscalls=syscalls,
        lid=_number(kw["lid"]) if kw["lid"] is not None else None,
        errors_only=kw["errors_only"])
    return opts, filters, tracefile, ABIS[kw["abi"]] if kw["abi"] else None


def _fail(message: str) -> NoReturn:
    """A usage error: one line, exit status 1 (kdump's ``errx(1, ...)``)."""
    sys.stderr.write(f"pykdump: {message}\n")
    sys.exit(1)


def _dump(opts: Options, filters: Filters, tracefile: str, abi: Abi | None,
          mode: str | None, follow: bool) -> NoReturn:
    """Open the trace (``-`` is standard input), dump it, exit with its status."""
    from ktrace.dump.run import dump

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
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
            sys.stderr.write(f"pykdump: {tracefile}: {e.strerror}\n")
            sys.exit(1)
    try:
        with f:
            status = dump(f, sys.stdout.buffer, opts, name, abi, follow,
                          mode=mode or "kdump", filters=filters,
                          terminal=os.isatty(1))
    except KeyboardInterrupt:       # the way out of -l
        status = 130
    sys.exit(status)


_FLAGS = {"-d": "decimal", "-E": "elapsed", "-l": "follow", "-R": "relative",
          "-T": "absolute", "-x": "hexa", "--netbsd": "netbsd",
          "--errors-only": "errors_only"}
_COUNTS = {"-N": "numeric", "-n": "plain"}
_VALUES = {"-e": "emulation", "-f": "tracefile", "-m": "maxdata", "-p": "pid",
           "-t": "trstr", "-X": "xsize", "--abi": "abi", "--syscall": "syscalls",
           "--lid": "lid"}
_MODES = {"--decode": "decode", "--summary": "summary", "--json": "json"}
_LONG = ["netbsd", "errors-only", "decode", "summary", "json",
         "abi=", "syscall=", "lid="]
_LONG_NAMES = {n.rstrip("=") for n in _LONG}


def fast_parse(argv: list[str]) -> dict[str, Any] | None:
    """The parameters of a well-formed command line, as click would pass
    them, or ``None`` for click to explain: help, errors, an abbreviated
    long option (getopt accepts those, click does not)."""
    import getopt

    for arg in argv:
        if arg == "--":
            break
        if arg.startswith("--") and arg[2:].split("=", 1)[0] not in _LONG_NAMES:
            return None
    try:
        opts, rest = getopt.gnu_getopt(argv, "dEe:f:lm:Nnp:RTt:xX:", _LONG)
    except getopt.GetoptError:
        return None
    if len(rest) > 1:
        return None
    kw = dict(DEFAULTS)
    for opt, value in opts:
        if opt in _FLAGS:
            kw[_FLAGS[opt]] = True
            if opt in ("-T", "-R"):
                kw["last_time_flag"] = opt[1]
        elif opt in _COUNTS:
            kw[_COUNTS[opt]] += 1
        elif opt in _MODES:
            kw["mode"] = _MODES[opt]
        else:
            kw[_VALUES[opt]] = value
    if kw["abi"] is not None and kw["abi"] not in ABIS:
        return None
    kw["file"] = rest[0] if rest else None
    return kw


def build_cli(click: Any) -> Any:
    """The click command: help text and usage errors for every option."""

    def time_flag(ctx: Any, param: Any, value: bool) -> bool:
        """Remember which of -T and -R came last (old kdumps keep only
        that; click orders a repeated flag by its first use)."""
        if value:
            ctx.meta["pykdump.last_time_flag"] = param.opts[0][1]
        return value

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
                  help="Show at most MAXDATA bytes of each GIO record "
                       "(--decode: bytes of a call's data, as strace -s).")
    @click.option("-N", "numeric", count=True,
                  help="Show syscall numbers, not names.")
    @click.option("-n", "plain", count=True,
                  help="No translation of numbers to names or texts; twice: "
                       "numeric RET names too.")
    @click.option("-p", "pid", default=None, metavar="PID",
                  help="Only records of this process.")
    @click.option("-R", "relative", is_flag=True, callback=time_flag,
                  help="Time since the previous record.")
    @click.option("-T", "absolute", is_flag=True, callback=time_flag,
                  help="Absolute timestamps.")
    @click.option("-t", "trstr", default=None, metavar="TRSTR",
                  help="Record types to show, as ktrace -t letters "
                       "(acefinsuvwSA; ml: Mach records of old i386 traces).")
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
                       "joined); --decode, --summary and --json exclude each "
                       "other.")
    @click.option("--summary", "mode", flag_value="summary",
                  help="A table per syscall (calls, errors, time), as strace -c, "
                       "and per process.")
    @click.option("--json", "mode", flag_value="json",
                  help="One JSON object per record (fields in pykdump(1)).")
    @click.option("--syscall", "syscalls", default=None, metavar="NAME[,NAME...]",
                  help="Only these calls (with the records they wrote); an "
                       "unknown name is refused.")
    @click.option("--lid", default=None, metavar="TID",
                  help="Only the records of this thread.")
    @click.option("--errors-only", is_flag=True,
                  help="Only calls that returned an error.")
    @click.argument("file", required=False)
    def pykdump(**kw: Any) -> None:
        """Show a NetBSD ktrace file (default ktrace.out) as NetBSD's kdump does.

        The default face shows linux and linux32 processes with Linux's syscall
        names and errno texts; --netbsd prints what NetBSD's kdump prints.
        CSW and MIB records never come from pyktrace (Linux has no source for
        them) but are shown when a NetBSD trace has them.
        """
        kw["last_time_flag"] = click.get_current_context().meta.get(
            "pykdump.last_time_flag", "")
        try:
            prepared = _prepare(kw)
        except UsageError as e:
            _fail(str(e))
        _dump(*prepared, kw["mode"], kw["follow"])

    return pykdump


def main() -> None:
    """Console entry point: the getopt fast path, else click (for the help
    and to name what is wrong); usage errors are one line either way."""
    args = sys.argv[1:]
    modes = {a for a in args[:args.index("--") if "--" in args else None]
             if a in _MODES}
    if len(modes) > 1:
        _fail("--decode, --summary and --json are alternatives: give one")
    kw = fast_parse(args)
    if kw is not None:
        try:
            prepared = _prepare(kw)
        except UsageError as e:
            _fail(str(e))
        _dump(*prepared, kw["mode"], kw["follow"])
    import click
    try:
        status = build_cli(click).main(args=sys.argv[1:], prog_name="pykdump",
                                       standalone_mode=False)
    except click.ClickException as e:
        _fail(e.format_message())
    except click.exceptions.Abort:
        _fail("aborted")
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    main()
