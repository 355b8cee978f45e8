"""``pyktrace``: NetBSD's ktrace(1) for Linux processes (a thin click command).

Everything that traces lives in :mod:`ktrace.tracer`; this module parses the
command line, opens the trace file the way ``sys_ktrace`` accepts it, wires
the :class:`~ktrace.desc.KtrDesc` to the frontend, and ends like the command.
"""

from __future__ import annotations

import errno
import os
import resource
# the C module behind ``signal``, whose IntEnum wrappers (and ``enum``)
# cost ~3 ms of pyktrace's start-up; same functions, plain ints
import _signal as signal
import stat
import sys

from ktrace.format import DEF_POINTS, getpoints

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
With a command, SIGINT and SIGQUIT are left to the command (as strace -o
does); SIGTERM/SIGHUP, or any of them with -p/-g, detach every tracee.
A spawned command whose -t set lets pyktrace filter calls with seccomp-bpf
is never detached: it runs on untraced until it exits.  See pyktrace(1).
"""


ENDING_SIGNALS = {signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP}


class UserError(Exception):
    """One line for stderr, then exit 1."""


def _fail(message: str) -> "NoReturn":  # noqa: F821 (typing costs 2 ms of start-up)
    sys.stderr.write(f"pyktrace: {message}\n")
    sys.exit(1)


def open_trace_file(path: str, append: bool, synchronous: bool) -> tuple[int, str]:
    """Open the trace file as ``ktrace(2)`` accepts it.

    A regular file only (anything else is ``EACCES``, as ``sys_ktrace`` says),
    never through a symbolic link, created 0600; truncated unless ``-a`` --
    only once it is known to be a regular file.  ``-`` is standard output,
    refused on a terminal (the binary stream would garble it).
    """
    if path == "-":
        if os.isatty(1):
            raise UserError("-f -: standard output is a terminal")
        return os.dup(1), "standard output"
    flags = (os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
             | os.O_NONBLOCK | (os.O_APPEND if append else 0)
             | (os.O_SYNC if synchronous else 0))
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise UserError(f"{path}: is a symbolic link") from None
        raise UserError(f"{path}: {e.strerror}") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise UserError(f"{path}: {os.strerror(errno.EACCES)}")
    if not append:
        os.ftruncate(fd, 0)
    os.set_blocking(fd, True)
    return fd, path


def end_like(status: int) -> "NoReturn":  # noqa: F821 (typing costs 2 ms of start-up)
    """Exit as the command did: its exit code, or its fatal signal raised here."""
    if os.WIFEXITED(status):
        sys.exit(os.WEXITSTATUS(status))
    sig = os.WTERMSIG(status)
    sys.stdout.flush()
    sys.stderr.flush()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))   # the command dumped, not us
    if sig != signal.SIGKILL:
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
    os.kill(os.getpid(), sig)
    sys.exit(128 + sig)


def run(command: tuple[str, ...], *, trfile: str, trstr: str | None,
        version: int, append: bool, synchronous: bool, nonblocking: bool,
        inherit: bool, descendants: bool, pid: int | None, pgid: int | None,
        maxentry: int, timeout: float, delayqcnt: int, wakedelay: float,
        intrwakdl: float) -> None:
    """Trace ``command`` or the ``-p``/``-g`` targets into ``trfile``."""
    from ktrace.desc import KtrDesc
    from ktrace.tracer import launch, points, ptrace
    from ktrace.tracer.frontend import Frontend

    if bool(command) == (pid is not None or pgid is not None):
        raise UserError("give a command, or -p/-g, but not both"
                        if command else "nothing to trace: give a command, -p or -g")
    if descendants and not (pid is not None or pgid is not None):
        raise UserError("-d needs -p or -g")
    try:
        facs = getpoints(trstr) if trstr is not None else DEF_POINTS
    except ValueError as e:
        raise UserError(f"-t {trstr}: {e}") from None
    spawned = bool(command)
    targets: list[int] = []
    if not spawned:
        try:
            targets = launch.targets([pid] if pid is not None else [],
                                     [pgid] if pgid is not None else [], descendants)
        except launch.LaunchError as e:
            raise UserError(str(e)) from None
    fd, name = open_trace_file(trfile, append, synchronous)

    # The ending signals wait until their handlers are in place: one that
    # arrived between the seize and the handlers would kill pyktrace and
    # leave the command stopped.  (The child restores the mask before exec.)
    caller_mask = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING_SIGNALS)
    child = 0
    filtered = False
    attached: dict[int, list[int]] = {}
    try:
        if spawned:
            program = None
            if not points.every_call(facs):
                arches = (ptrace.AUDIT_ARCH_X86_64, ptrace.AUDIT_ARCH_I386)
                needed = {a: points.needed(facs, a) for a in arches}
                if any(needed.values()):
                    program = ptrace.seccomp_program(needed)
                    filtered = True
            options = launch.ptrace_options(inherit, filtered)
            child = launch.spawn(list(command), options=options,
                                 stdout_to_stderr=trfile == "-", seccomp=program,
                                 sigmask=caller_mask)
        else:
            opts = launch.ptrace_options(inherit, False)
            for target in targets:
                attached[target] = launch.seize_process(target, opts)
    except launch.LaunchError as e:
        os.close(fd)
        signal.pthread_sigmask(signal.SIG_SETMASK, caller_mask)
        raise UserError(str(e)) from None

    frontend: Frontend | None = None

    def on_sync() -> None:
        if frontend is not None:
            frontend.on_sync()

    desc = KtrDesc(fd, version=version, maxentry=maxentry, timeout=timeout,
                   delayqcnt=delayqcnt, wakedelay=wakedelay, intrwakdl=intrwakdl,
                   nonblocking=nonblocking, on_sync=on_sync, name=name)
    frontend = Frontend(desc, facs, inherit=inherit,
                        log=lambda m: sys.stderr.write(f"pyktrace: {m}\n"))
    if spawned:
        proc = frontend.add_process(child, [child], filtered=filtered, started=False)
        proc.options_after_exec = options
        ending = (signal.SIGTERM, signal.SIGHUP)
        for sig in (signal.SIGINT, signal.SIGQUIT):
            signal.signal(sig, signal.SIG_IGN)
    else:
        for tgid, tids in attached.items():
            frontend.add_process(tgid, tids, attached=True)
        ending = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    for sig in ending:
        signal.signal(sig, frontend.request_stop)
    signal.pthread_sigmask(signal.SIG_SETMASK, caller_mask)

    status = frontend.run(child)
    for sig in ending:
        signal.signal(sig, signal.SIG_DFL)
    lost = desc.close()
    if spawned:
        if status is None:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            _, status = os.waitpid(child, 0)
        end_like(status)
    sys.exit(1 if lost else 0)


#: option defaults, shared by click and the fast path
DEFAULTS = {"trfile": "ktrace.out", "trstr": None, "version": 2, "append": False,
            "synchronous": False, "nonblocking": False, "inherit": False,
            "descendants": False, "pid": None, "pgid": None, "maxentry": 1000,
            "timeout": 5.0, "delayqcnt": 100, "wakedelay": 5000.0, "intrwakdl": 100.0}

def build_cli(click):
    """The click command: help text and error messages for every option."""

    @click.command(context_settings={"help_option_names": ["-h", "--help"],
                                     "allow_interspersed_args": False},
                   epilog=HELP_EPILOG)
    @click.option("-a", "append", is_flag=True, help="Append to the trace file instead of truncating it.")
    @click.option("-d", "descendants", is_flag=True, help="With -p/-g: also the targets' current descendants.")
    @click.option("-f", "trfile", default=DEFAULTS["trfile"], show_default=True, metavar="FILE",
                  help="Trace file (a regular file), or - for standard output (the command's own stdout then goes to stderr).")
    @click.option("-g", "pgid", type=int, metavar="PGID", help="Trace every process of this process group.")
    @click.option("-i", "inherit", is_flag=True, help="Follow future children (fork, vfork, clone); threads are always followed.")
    @click.option("-n", "nonblocking", is_flag=True, help="Stop tracing to the file rather than block on it.")
    @click.option("-p", "pid", type=int, metavar="PID", help="Trace this running process (every thread).")
    @click.option("-s", "synchronous", is_flag=True, help="Synchronous writes (O_SYNC).")
    @click.option("-t", "trstr", metavar="TRSTR", help="Trace points (NetBSD letters, see below); default +.")
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
    def cli(command, trfile, trstr, version, append, synchronous, nonblocking,
            inherit, descendants, pid, pgid, maxentry, timeout, delayqcnt,
            wakedelay, intrwakdl) -> None:
        """Trace COMMAND, or running processes, into a NetBSD ktrace.out file."""
        _run_parsed(command, trfile, trstr, version, append, synchronous, nonblocking,
                    inherit, descendants, pid, pgid, maxentry, timeout, delayqcnt,
                    wakedelay, intrwakdl)
    return cli


_FLAGS = {"-a": "append", "-d": "descendants", "-i": "inherit", "-n": "nonblocking",
          "-s": "synchronous"}
_VALUES = {"-f": ("trfile", str, None), "-t": ("trstr", str, None),
           "-g": ("pgid", int, None), "-p": ("pid", int, None),
           "-v": ("version", int, (0, 2)), "--maxentry": ("maxentry", int, (1, None)),
           "--timeout": ("timeout", float, (0, None)),
           "--delayqcnt": ("delayqcnt", int, (1, None)),
           "--wakedelay": ("wakedelay", float, (0, None)),
           "--intrwakdl": ("intrwakdl", float, (0, None))}


_SHORT = "adf:g:inp:st:v:"
_LONG = tuple(k[2:] for k in _VALUES if k.startswith("--"))


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
            if name in _LONG:
                full = name
            else:
                matches = [o for o in _LONG if o.startswith(name)]
                if len(matches) != 1:
                    return None
                full = matches[0]
            if not eq:                    # every long option takes a value
                if i == len(argv):
                    return None
                value = argv[i]
                i += 1
            opts.append(("--" + full, value))
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


def _run_parsed(command, trfile, trstr, version, append, synchronous, nonblocking,
                inherit, descendants, pid, pgid, maxentry, timeout, delayqcnt,
                wakedelay, intrwakdl) -> None:
    try:
        run(tuple(command), trfile=trfile, trstr=trstr, version=version,
            append=append, synchronous=synchronous, nonblocking=nonblocking,
            inherit=inherit, descendants=descendants, pid=pid, pgid=pgid,
            maxentry=maxentry, timeout=timeout, delayqcnt=delayqcnt,
            wakedelay=wakedelay / 1000.0, intrwakdl=intrwakdl / 1000.0)
    except UserError as e:
        _fail(str(e))


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
