"""``pyktrace``: NetBSD's ktrace(1) for Linux processes (a thin click command).

This module only parses the command line (getopt for the common case, click
for help and errors); :mod:`ktrace.ktrace_common` does what was asked.
"""

from __future__ import annotations

import sys

from ktrace.ktrace_common import UserError, run

TYPE_CHECKING = False
if TYPE_CHECKING:                  # typing costs start-up; annotations are lazy
    from typing import NoReturn

HELP_EPILOG = """\b
Trace points (-t): A all, a exec args, c calls and returns, e emulation,
f exec file descriptors, i data moved by I/O calls, n paths looked up,
s signals taken, u socket message records (msghdr/mbsoname/mbcontrol),
v exec environment, + NetBSD's default set (c e i n s u), - removes.
w (context switches) and S (sysctl MIB) are accepted but have no Linux
source: they never produce records.

\b
-p/-g return at once and leave a background tracer (one per trace file;
a second -p into the same file joins it) that traces until the targets
exit or are cleared with -c/-C; its messages go to pyktrace.log in the
runtime directory ($XDG_RUNTIME_DIR/pyktrace, else /tmp/pyktrace-UID).
With a command, SIGINT and SIGQUIT are left to the command (as strace -o
does); SIGTERM/SIGHUP, or any of them with --foreground, detach every
tracee.  A spawned command whose -t set lets pyktrace filter calls with
seccomp-bpf is never detached: it runs on untraced until it exits.  See
pyktrace(1).
"""


def _fail(message: str) -> "NoReturn":  # noqa: F821 (typing costs 2 ms of start-up)
    sys.stderr.write(f"pyktrace: {message}\n")
    sys.exit(1)


#: option defaults, shared by click and the fast path
DEFAULTS = {"trfile": "ktrace.out", "trstr": None, "version": 2, "append": False,
            "synchronous": False, "nonblocking": False, "inherit": False,
            "descendants": False, "pid": None, "pgid": None, "clear": False,
            "clear_all": False, "foreground": False, "maxentry": 1000,
            "timeout": 5.0, "delayqcnt": 100, "wakedelay": 5000.0, "intrwakdl": 100.0}

def build_cli(click):
    """The click command: help text and error messages for every option."""

    @click.command(context_settings={"help_option_names": ["-h", "--help"],
                                     "allow_interspersed_args": False},
                   epilog=HELP_EPILOG)
    @click.option("-a", "append", is_flag=True, help="Append to the trace file instead of truncating it.")
    @click.option("-c", "clear", is_flag=True,
                  help="Clear: the -t points (all without -t) of the -p/-g processes, or, without -p/-g, all tracing to the -f file.")
    @click.option("-C", "clear_all", is_flag=True,
                  help="Clear all tracing of the caller's processes (every process for root).")
    @click.option("-d", "descendants", is_flag=True, help="With -p/-g: also the targets' current descendants.")
    @click.option("-f", "trfile", default=DEFAULTS["trfile"], show_default=True, metavar="FILE",
                  help="Trace file (a regular file), or - for standard output (the command's own stdout then goes to stderr).")
    @click.option("-g", "pgid", type=int, metavar="PGID", help="Trace every process of this process group.")
    @click.option("-i", "inherit", is_flag=True, help="Follow future children (fork, vfork, clone); threads are always followed.")
    @click.option("-n", "nonblocking", is_flag=True, help="Stop tracing to the file rather than block on it.")
    @click.option("-p", "pid", type=int, metavar="PID", help="Trace this running process (every thread), in a background tracer that -c/-C clear.")
    @click.option("-s", "synchronous", is_flag=True, help="Synchronous writes (O_SYNC).")
    @click.option("-t", "trstr", metavar="TRSTR", help="Trace points (NetBSD letters, see below); default +.")
    @click.option("--foreground", is_flag=True,
                  help="With -p/-g: trace in the foreground until the targets exit or Ctrl-C, rather than in a background tracer.")
    @click.option("-v", "version", type=click.IntRange(0, 2), default=DEFAULTS["version"], show_default=True, metavar="VERS",
                  help="Record version (NetBSD's current kdump reads 2 only).")
    @click.option("--maxentry", type=click.IntRange(1), default=DEFAULTS["maxentry"], show_default=True,
                  help="Queue length beyond which records are dropped (ktd_maxentry).")
    @click.option("--timeout", type=click.FloatRange(0), default=DEFAULTS["timeout"], show_default=True,
                  help="Seconds a thread may be held for a stuck writer (ktd_timeout).")
    @click.option("--delayqcnt", type=click.IntRange(1), default=DEFAULTS["delayqcnt"], show_default=True,
                  help="Queue length that wakes the writer at once (ktd_delayqcnt).")
    @click.option("--wakedelay", type=click.FloatRange(0), default=DEFAULTS["wakedelay"], show_default=True,
                  help="Milliseconds before a delayed writer wake-up (ktd_wakedelay).")
    @click.option("--intrwakdl", type=click.FloatRange(0), default=DEFAULTS["intrwakdl"], show_default=True,
                  help="Milliseconds before a wake-up when writing to a pipe (ktd_intrwakdl).")
    @click.argument("command", nargs=-1, type=click.UNPROCESSED)
    def cli(**kw) -> None:
        """Trace COMMAND, or running processes, into a NetBSD ktrace.out file."""
        _run_parsed(**kw)
    return cli


_FLAGS = {"-a": "append", "-d": "descendants", "-i": "inherit", "-n": "nonblocking",
          "-s": "synchronous", "-c": "clear", "-C": "clear_all",
          "--foreground": "foreground"}
_VALUES = {"-f": ("trfile", str, None), "-t": ("trstr", str, None),
           "-g": ("pgid", int, None), "-p": ("pid", int, None),
           "-v": ("version", int, (0, 2)), "--maxentry": ("maxentry", int, (1, None)),
           "--timeout": ("timeout", float, (0, None)),
           "--delayqcnt": ("delayqcnt", int, (1, None)),
           "--wakedelay": ("wakedelay", float, (0, None)),
           "--intrwakdl": ("intrwakdl", float, (0, None))}


_SHORT = "aCcdf:g:inp:st:v:"
#: getopt's ``longopts``: a trailing ``=`` marks an option that takes a value
_LONG = tuple(k[2:] + "=" for k in _VALUES if k.startswith("--")) + tuple(
    k[2:] for k in _FLAGS if k.startswith("--"))


def _getopt(argv: list[str]) -> tuple[list[tuple[str, str]], list[str]] | None:
    """``getopt.getopt(argv, _SHORT, [long + "=" ...])``, or None where it
    would raise ``GetoptError``.

    The same rules (clustered short options, a value attached or in the next
    word, ``--name=value`` or ``--name value``, unique prefixes of long
    names, the first non-option or ``--`` ends the options), written out
    because the ``getopt`` module imports ``gettext`` and with it ``re``:
    about 5 ms of every run.  A test checks it against ``getopt`` itself.
    """
    opts: list[tuple[str, str]] = []
    i = 0
    while i < len(argv) and argv[i].startswith("-") and argv[i] != "-":
        word = argv[i]
        i += 1
        if word == "--":
            break
        if word.startswith("--"):
            name, eq, value = word[2:].partition("=")
            matches = [o for o in _LONG if o.startswith(name)]
            if name in matches:
                spec = name
            elif name + "=" in matches:
                spec = name + "="
            elif len(matches) == 1:
                spec = matches[0]
            else:
                return None
            if not spec.endswith("="):    # a flag
                if eq:
                    return None
                opts.append(("--" + spec, ""))
                continue
            if not eq:
                if i == len(argv):
                    return None
                value = argv[i]
                i += 1
            opts.append(("--" + spec[:-1], value))
            continue
        k = 1
        while k < len(word):
            ch = word[k]
            at = _SHORT.find(ch)
            if ch == ":" or at < 0:
                return None
            if _SHORT[at + 1:at + 2] != ":":
                opts.append(("-" + ch, ""))
                k += 1
                continue
            value = word[k + 1:]
            if not value:
                if i == len(argv):
                    return None
                value = argv[i]
                i += 1
            opts.append(("-" + ch, value))
            break
    return opts, argv[i:]


def fast_parse(argv: list[str]) -> dict | None:
    """Parse a well-formed command line without importing click (about
    19 ms, a quarter of pyktrace's start-up).  ``None`` hands anything
    unusual -- help, errors -- to click, which explains it."""
    parsed = _getopt(argv)
    if parsed is None:
        return None
    opts, rest = parsed
    kw = dict(DEFAULTS)
    for opt, value in opts:
        if opt in _FLAGS:
            kw[_FLAGS[opt]] = True
            continue
        key, conv, bounds = _VALUES[opt]
        try:
            v = conv(value)
        except ValueError:
            return None
        if bounds and (v < bounds[0] or bounds[1] is not None and v > bounds[1]):
            return None
        kw[key] = v
    kw["command"] = tuple(rest)
    return kw


def _run_parsed(command, wakedelay: float, intrwakdl: float, **kw) -> None:
    try:
        run(tuple(command), wakedelay=wakedelay / 1000.0, intrwakdl=intrwakdl / 1000.0,
            **kw)
    except UserError as e:
        _fail(str(e))
    except OSError as e:               # unforeseen, but still one line
        _fail(f"{e.filename + ': ' if e.filename else ''}{e.strerror or e}")


def main() -> None:
    """Console entry point: the getopt fast path, else click (whose usage
    errors become one line too)."""
    kw = fast_parse(sys.argv[1:])
    if kw is not None:
        _run_parsed(**kw)
        return
    import click
    cli = build_cli(click)
    try:
        cli.main(standalone_mode=False)
    except click.ClickException as e:
        _fail(e.format_message())
    except click.exceptions.Abort:
        _fail("aborted")


if __name__ == "__main__":
    main()
