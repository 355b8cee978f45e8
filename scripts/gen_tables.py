#!/usr/bin/env python3
"""Generate pyktrace's emulation tables (``ktrace/emul/_*.py``) from NetBSD sources.

NetBSD's kdump does not compute syscall names, errno texts or signal maps: it
compiles the kernel's generated tables into itself (``usr.bin/kdump/setemul.c``
``#include``s them).  To print what it prints we need the very same strings, so
this script reads those C files and freezes their contents into plain Python
modules.  Two tables are rebuilt the way NetBSD's build makes them rather than
read from a generated file: the native syscall names, from
``sys/kern/syscalls.master`` by the rules of ``sys/kern/makesyscalls.sh`` (the
``syscallnames[]`` array of ``syscalls.c``), and libc's strerror texts, by the
rule of ``lib/libc/gen/errlist.awk`` (the comment of each ``#define Exxx N``
line of ``sys/errno.h``).  The Linux side (Linux's own syscall names and errno texts for
pykdump's default face) is frozen from python-ptrace and from the Python
runtime, so that the output never depends on the host that runs pykdump.

The NetBSD files are read from a source tree given with ``--src`` (only the
files listed below are needed, at their usual paths).  Run it as::

    scripts/gen_tables.py --src /tmp/netbsd-src --out ktrace/emul
"""

from __future__ import annotations

import argparse
import errno as host_errno
import os
import platform
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Iterable, Iterator

# NetBSD source files the generator reads, relative to --src, and the revisions
# the committed tables were generated from (stated in --help and in the
# generated headers, which copy each file's own $NetBSD$ id).
NETBSD_FILES: dict[str, str] = {
    "syscalls_master": "sys/kern/syscalls.master",
    "linux_syscalls": "sys/compat/linux/arch/amd64/linux_syscalls.c",
    "linux32_syscalls": "sys/compat/linux32/arch/amd64/linux32_syscalls.c",
    "errno_h": "sys/sys/errno.h",
    "rumpdefs_h": "sys/rump/include/rump/rumpdefs.h",
    "linux_errno_c": "sys/compat/linux/common/linux_errno.c",
    "linux_errno_h": "sys/compat/linux/common/linux_errno.h",
    "linux_errno_generic_h": "sys/compat/linux/common/linux_errno_generic.h",
    "linux_errno_arch_h": "sys/compat/linux/arch/amd64/linux_errno.h",
    "signame_c": "lib/libc/gen/signame.c",
    "linux_sigarray_c": "sys/compat/linux/arch/amd64/linux_sigarray.c",
    "linux_signal_h": "sys/compat/linux/arch/amd64/linux_signal.h",
    "linux_signo_c": "sys/compat/linux/common/linux_signo.c",
}

REVISIONS_USED = """\
  sys/kern/syscalls.master                            1.311 (2023/07/28)
    (names as sys/kern/makesyscalls.sh 1.187 of the same commit emits them)
  sys/compat/linux/arch/amd64/linux_syscalls.c        1.88 (2026/09/11)
    (generated from that directory's syscalls.master 1.78, 2025/11/10)
  sys/compat/linux32/arch/amd64/linux32_syscalls.c    1.88 (2026/09/11)
    (generated from syscalls.master 1.77, 2021/12/02: the names of 1.87,
    the table NetBSD 10 carries)
  sys/rump/include/rump/rumpdefs.h                    1.10.4.3 (2013/01/23),
    its copy of the #define lines of sys/errno.h 1.39 (2006/10/31),
    texts cut as lib/libc/gen/errlist.awk 1.3 cuts them (--errno-from)
  sys/compat/linux/common/linux_errno.c               1.13.44.1 (2014/08/20)
  sys/compat/linux/common/linux_errno.h               1.8.4.1 (2002/02/11)
  sys/compat/linux/common/linux_errno_generic.h       1.1.10.2 (2014/08/20)
  sys/compat/linux/arch/amd64/linux_errno.h           1.4 (2024/10/01)
    (LINUX_SCERR_SIGN only)
  lib/libc/gen/signame.c                              1.13 (2005/09/13)
  sys/compat/linux/arch/amd64/linux_sigarray.c        1.3 (2024/10/01)
  sys/compat/linux/arch/amd64/linux_signal.h          1.6 (2024/10/01)
  sys/compat/linux/common/linux_signo.c               1.7 (2021/09/23)"""

# What is #defined when kdump is compiled on NetBSD/amd64 (the only kdump that
# reads 56-byte headers): userland (no _KERNEL, no _KERNEL_OPT, no kernel
# options such as SYSVSHM), setemul.c's own "#define KTRACE", and the LP64 ABI.
KDUMP_AMD64_DEFINES: frozenset[str] = frozenset({"KTRACE", "_LP64"})

# Linux spells a few errno numbers twice; strace and the kernel's
# asm-generic/errno.h name the first, Python's errno.errorcode may give the
# alias.  Only these aliases exist on x86 Linux.
LINUX_ERRNO_ALIASES: dict[str, str] = {
    "EWOULDBLOCK": "EAGAIN",
    "EDEADLOCK": "EDEADLK",
    "ENOTSUP": "EOPNOTSUPP",
}

# linux_errno.c (1.13.44.1) uses LINUX_ENOTSUP, which the linux_errno*.h files
# of the same era at hand do not define; Linux defines ENOTSUP as EOPNOTSUPP
# (include/uapi/asm-generic/errno.h, glibc bits/errno.h), as do later NetBSD
# linux_errno.h revisions.
LINUX_ERRNO_SYMBOL_ALIASES: dict[str, str] = {"LINUX_ENOTSUP": "LINUX_EOPNOTSUPP"}


class SourceError(Exception):
    """A NetBSD source file does not have the shape the generator expects."""


@dataclass(frozen=True)
class NamesArray:
    """One ``const char *const NAME[]`` syscall-name array as kdump compiles it."""

    rcsid: str
    names: tuple[str, ...]
    nsysnames: int


# ---------------------------------------------------------------- C helpers

_COMMENT_RE = re.compile(r"/\*.*?\*/", re.S)
_RCSID_RE = re.compile(r"\$NetBSD: [^$]*\$")


def rcsid(text: str, path: str) -> str:
    """Return the file's ``$NetBSD: ... $`` id, which the generated headers cite."""
    m = _RCSID_RE.search(text)
    if m is None:
        raise SourceError(f"{path}: no $NetBSD$ id")
    return m.group(0)


def eval_cpp_condition(expr: str, defined: frozenset[str]) -> bool:
    """Evaluate a ``#if`` expression of the forms found in generated syscall tables.

    Only ``defined(X)``/``defined X``, ``!``, ``&&``, ``||``, parentheses,
    integers and identifiers (which count as 0, as in cpp) occur there.
    """
    expr = _COMMENT_RE.sub(" ", expr)
    expr = re.sub(r"defined\s*\(\s*(\w+)\s*\)|defined\s+(\w+)",
                  lambda m: " 1 " if (m.group(1) or m.group(2)) in defined else " 0 ",
                  expr)
    expr = re.sub(r"[A-Za-z_]\w*", " 0 ", expr)
    expr = expr.replace("&&", " and ").replace("||", " or ")
    expr = re.sub(r"!(?!=)", " not ", expr)
    if not re.fullmatch(r"[\s\d()]*(?:(?:and|or|not)[\s\d()]*)*", expr):
        raise SourceError(f"unsupported #if expression: {expr!r}")
    return bool(eval(expr, {"__builtins__": {}}, {}))  # noqa: S307 - validated above


def preprocess(lines: Iterable[str], defined: frozenset[str]) -> Iterator[str]:
    """Yield the lines cpp would keep, given the set of defined macros.

    ``#define``/``#include`` lines and other directives are dropped: the arrays
    we read never depend on values defined inside them.
    """
    stack: list[tuple[bool, bool]] = []  # (this branch active, a branch was taken)

    def active() -> bool:
        return all(a for a, _ in stack)

    for line in lines:
        s = line.strip()
        if not s.startswith("#"):
            if active():
                yield line
            continue
        m = re.match(r"#\s*(\w+)\s*(.*)", s)
        if m is None:
            continue
        word, rest = m.group(1), m.group(2)
        if word in ("if", "ifdef", "ifndef"):
            if word == "if":
                cond = eval_cpp_condition(rest, defined)
            else:
                name = _COMMENT_RE.sub(" ", rest).split()[0]
                cond = (name in defined) == (word == "ifdef")
            stack.append((cond, cond))
        elif word == "elif":
            _, taken = stack.pop()
            cond = not taken and eval_cpp_condition(rest, defined)
            stack.append((cond, taken or cond))
        elif word == "else":
            _, taken = stack.pop()
            stack.append((not taken, True))
        elif word == "endif":
            stack.pop()
    if stack:
        raise SourceError("unterminated #if")


def c_string(literal: str) -> str:
    """Decode a C string literal body (the syscall tables use no exotic escapes)."""
    out, i = [], 0
    simple = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}
    while i < len(literal):
        c = literal[i]
        if c == "\\" and i + 1 < len(literal):
            nxt = literal[i + 1]
            if nxt not in simple:
                raise SourceError(f"unsupported escape \\{nxt} in {literal!r}")
            out.append(simple[nxt])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def array_body(text: str, array: str, path: str) -> list[str]:
    """Return the source lines between ``ARRAY[...] = {`` and the closing ``};``."""
    lines = text.splitlines()
    start = None
    for n, line in enumerate(lines):
        if re.search(rf"\b{re.escape(array)}\s*\[[^]]*\]\s*=\s*{{", line):
            start = n + 1
            break
    if start is None:
        raise SourceError(f"{path}: array {array}[] not found")
    for n in range(start, len(lines)):
        if lines[n].strip().startswith("};"):
            return lines[start:n]
    raise SourceError(f"{path}: array {array}[] not terminated")


# ------------------------------------------------------------ syscall names

_NAME_ENTRY_RE = re.compile(r'^\s*/\*\s*(\d+)\s*\*/\s*"((?:[^"\\]|\\.)*)"\s*,?\s*$')


def names_array_entries(lines: Iterable[str], path: str, array: str,
                        defined: frozenset[str]) -> list[str]:
    """The strings of a names-array body (``/* N */ "name",`` and cpp lines) after cpp."""
    names: list[str] = []
    for line in preprocess(lines, defined):
        if not line.strip() or _COMMENT_RE.sub("", line).strip() == "":
            continue
        m = _NAME_ENTRY_RE.match(line)
        if m is None:
            raise SourceError(f"{path}: unexpected line in {array}[]: {line!r}")
        if int(m.group(1)) != len(names):
            raise SourceError(f"{path}: entry /* {m.group(1)} */ at index {len(names)}")
        names.append(c_string(m.group(2)))
    return names


def parse_syscall_names(text: str, array: str, path: str,
                        defined: frozenset[str] = KDUMP_AMD64_DEFINES) -> NamesArray:
    """Parse a generated ``*_syscalls.c`` names array, verbatim, as kdump sees it.

    Entries are ``/* N */ "string",``; the ``#ifdef``/``#else`` around kernel
    options resolve as in kdump's userland compile (``defined``).
    ``nsysnames`` is kdump's bound (``*_SYS_MAXSYSCALL``): makesyscalls pads
    the array to ``*_SYS_NSYSENT`` with ``"# filler"`` entries after the last
    real call, and those are not part of ``MAXSYSCALL``.
    """
    names = names_array_entries(array_body(text, array, path), path, array, defined)
    nsys = len(names)
    while nsys and names[nsys - 1] == "# filler":
        nsys -= 1
    return NamesArray(rcsid(text, path), tuple(names), nsys)



# makesyscalls.sh (1.187) turns syscalls.master into syscalls.c.  Only its
# syscallnames[] output matters to kdump; these are the rules that make it.
_MAKESYSCALLS_STD = ("STD", "NODEF", "NOARGS", "INDIR", "NOERR", "EXTERN")
_MAKESYSCALLS_NOSYS = {"OBSOL": "obsolete", "EXCL": "excluded",
                       "IGNORED": "ignored", "UNIMPL": "unimplemented"}


def master_records(text: str) -> list[str]:
    """makesyscalls.sh's sed stage: the lines its awk program sees.

    Dollar signs are dropped, a line ending in a backslash is joined to the
    next (backslash and newline removed), and from the second line on every
    line not starting with ``#`` gets blanks around ``{ } ( ) * , |``.
    """
    raw = text.replace("$", "").split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    out: list[str] = []
    i = 0
    while i < len(raw):
        line, first = raw[i], i == 0
        while line.endswith("\\") and i + 1 < len(raw):
            i += 1
            line = line[:-1] + raw[i]
        if not first and not line.startswith("#"):
            line = re.sub(r"([{}()*,|])", r" \1 ", line)
        out.append(line)
        i += 1
    return out


def _master_name(f: list[str], path: str, nr: int) -> str:
    """makesyscalls.sh's ``parseline()``, as far as it decides ``funcalias``."""
    def bad(was: str, wanted: str) -> SourceError:
        return SourceError(f"{path}: record {nr}: unexpected {was!r} (expected <{wanted}>)")

    i = 2
    if f[-1] != "}":
        funcalias, end = f[-1], len(f) - 2
    else:
        funcalias, end = "", len(f) - 1
    if f[i] == "INDIR":
        i += 1
    if f[i] == "MODULAR":             # MODULAR takes a module name
        i += 2
    if f[i] == "RUMP":
        i += 1
    if re.fullmatch(r"[a-z0-9_]*", f[i]):   # a syscall alias
        funcalias = f[i]
        i += 1
    if f[i] != "{":
        raise bad(f[i], "{")
    i += 1
    for want in ("}", ";", ")"):
        if f[end] != want:
            raise bad(f[end], want)
        end -= 1
    while True:                       # the return type, up to the first "|"
        i += 1
        if not (f[i] != "|" and i < end - 1):
            break
    if i == end - 1:
        raise bad(f[i], "function argument definition")
    i += 1
    fprefix = f[i]
    i += 1
    if f[i] != "|":
        raise bad(f[i], "function compat delimiter")
    i += 1
    fcompat = ""
    if f[i] != "|":
        fcompat = f[i]
        i += 1
    if f[i] != "|":
        raise bad(f[i], "function name delimiter")
    fbase = f[i + 1]
    funcname = f"{fprefix}___{fbase}{fcompat}" if fcompat else f"{fprefix}_{fbase}"
    if funcalias == "":
        funcalias = re.sub(r"^([^_]+_)*sys_", "", funcname, count=1)
    return funcalias


def master_names_lines(text: str, path: str) -> tuple[list[str], int]:
    """The ``syscallnames[]`` body makesyscalls.sh writes, and SYS_MAXSYSCALL.

    Entries are ``/* N */ "name",`` lines and the table's cpp lines copied
    as they stand, exactly what kdump compiles; cpp is left to the caller.
    Names: ``[compat_NN_]alias`` for STD/NODEF/NOARGS/INDIR/NOERR/EXTERN and
    the ``COMPAT_NN`` types (the alias is the one given, else the function
    name ``sys_base`` or ``sys___baseNN`` with ``^([^_]+_)*sys_`` cut off);
    ``#N (obsolete|excluded|ignored|unimplemented[ words...])`` for the
    others.  The ``COMPAT_NN`` types must be listed in syscalls.conf's
    ``compatopts``; the name is the type in lower case, as that list spells it.
    """
    lines: list[str] = []
    intable, syscall, saved = False, 0, []
    for nr, rec in enumerate(master_records(text), 1):
        if nr == 1:
            continue
        f = rec.split()
        if not f or f[0].startswith(";"):
            continue
        if rec == "%%":
            intable = True
            continue
        if re.match(r"#[ \t]*include", f[0]) or (f[0].startswith("#") and not intable):
            continue
        if f[0].startswith("#"):
            if re.match(r"#[ \t]*if", f[0]):
                saved.append(syscall)
            if re.match(r"#[ \t]*else", f[0]):
                if not saved:
                    raise SourceError(f"{path}: record {nr}: unbalanced #else")
                syscall = saved[-1]
            if re.match(r"#[ \t]*endif", f[0]):
                if not saved:
                    raise SourceError(f"{path}: record {nr}: unbalanced #endif")
                saved.pop()
            lines.append(rec)
            continue
        if not f[0].isdigit() or int(f[0]) != syscall:
            raise SourceError(f"{path}: record {nr}: syscall number out of sync at {syscall}")
        kind = f[1] if len(f) > 1 else ""
        if kind in _MAKESYSCALLS_STD:
            name = _master_name(f, path, nr)
        elif kind in _MAKESYSCALLS_NOSYS:
            name = f"#{syscall} (" + " ".join([_MAKESYSCALLS_NOSYS[kind]] + f[2:]) + ")"
        elif re.fullmatch(r"COMPAT_\w+", kind):
            name = f"{kind.lower()}_{_master_name(f, path, nr)}"
        else:
            raise SourceError(f"{path}: record {nr}: unrecognized keyword {kind}")
        c_literal = name.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'\t/* {syscall:3d} */\t"{c_literal}",')
        syscall += 1
    if saved:
        raise SourceError(f"{path}: unterminated #if")
    return lines, syscall


#: COMPAT types of calls that were current in NetBSD 10, whose kdump
#: (1.140.2.2, the reference for v2 traces) names them without the prefix a
#: later syscalls.master gives them (1.311: ``compat_100___kevent50``, 435,
#: since ``__kevent100`` came in 11.0)
NETBSD10_CURRENT = ("compat_100_",)
# The compat-Linux tables need no such list: linux32_syscalls.c 1.88 is
# generated from the syscalls.master NetBSD 10 has (1.77), and
# linux_syscalls.c 1.88 renames no call that NetBSD 10 names (the only
# renames of named calls since the older tables, the robust-list calls
# 273/274, come from the native-futex rework of 2020); the calls it names
# where NetBSD 10 has "#N (unimplemented x)" are additions, as for 502-504.


def parse_syscalls_master(text: str, path: str,
                          defined: frozenset[str] = KDUMP_AMD64_DEFINES) -> NamesArray:
    """kdump's ``syscallnames[]`` built from ``syscalls.master``; see
    ``master_names_lines``; calls NetBSD 10 still had as its own keep their
    own names (``NETBSD10_CURRENT``)."""
    lines, maxsyscall = master_names_lines(text, path)
    names = names_array_entries(lines, path, "syscallnames", defined)
    names = [n.removeprefix(next((p for p in NETBSD10_CURRENT
                                  if n.startswith(p)), "")) for n in names]
    if len(names) != maxsyscall:
        raise SourceError(f"{path}: {len(names)} names after cpp, SYS_MAXSYSCALL {maxsyscall}")
    return NamesArray(rcsid(text, path), tuple(names), maxsyscall)


# ------------------------------------------------------------------ errno

def parse_errno_h(text: str, path: str, prefix: str = "") -> dict[int, tuple[str, str]]:
    """Return ``{errno: (name, strerror text)}`` exactly as libc's errlist.awk builds it.

    Since December 2010 NetBSD's libc does not carry an errlist.c of its own:
    ``lib/libc/gen/errlist.awk`` (1.2 and later) writes it from the
    ``#define Exxx N /* text */`` lines of ``sys/errno.h``.  Its rule, kept
    here to the character: every line starting ``#define``; skip ``ELAST``,
    a third field below 0 (which for a non-number means a string comparison
    with ``"0"``) and ``EAGAIN`` aliases; the text is the line from three
    characters after ``/*`` up to its last three characters (so a blank after
    ``*/`` stays in the text as a trailing blank); numbers must run 1, 2, ...
    ``prefix`` strips a name prefix (``RUMP_`` in rumpdefs.h's copy).
    """
    table: dict[int, tuple[str, str]] = {}
    for line in text.split("\n"):
        if not line.startswith("#define"):
            continue
        f = line.split()
        name = f[1] if len(f) > 1 else ""
        if prefix and name.startswith(prefix):
            name = name[len(prefix):]
        if name == "ELAST":
            continue
        number = f[2] if len(f) > 2 else ""
        if re.fullmatch(r"-?\d+", number):
            if int(number) < 0:
                continue
        elif number < "0" or number == "EAGAIN":
            continue
        else:
            raise SourceError(f"{path}: cannot number {line!r}")
        q = line.find("/*")
        desc = line[q + 3:len(line) - 3]
        if int(number) != len(table) + 1:
            raise SourceError(f"{path}: error number mismatch {number} != {len(table) + 1}")
        table[int(number)] = (name, desc)
    if not table:
        raise SourceError(f"{path}: no errno definitions")
    return table


_RUMP_ERRNO_RE = re.compile(r"^/\*\s*(NetBSD: errno\.h,v [^*]*?)\s*\*/$", re.M)


def rumpdefs_errno(text: str, path: str) -> tuple[str, str]:
    """The ``sys/errno.h`` block of rumpdefs.h and the errno.h id it names.

    ``sys/rump/include/rump/makerumpdefs.sh`` copies errno.h's ``#define``
    lines into rumpdefs.h with ``RUMP_`` before each name, comments and
    trailing blanks included, under a ``/*\tNetBSD: errno.h,v ... */`` line;
    the block ends at the next empty line.
    """
    m = _RUMP_ERRNO_RE.search(text)
    if m is None:
        raise SourceError(f"{path}: no errno.h block")
    block = text[m.end() + 1:].split("\n\n", 1)[0]
    return block, m.group(1)


def c_defines(text: str) -> dict[str, str]:
    """Return ``{NAME: value text}`` for every object-like ``#define`` in ``text``."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        m = re.match(r"\s*#\s*define\s+(\w+)(?!\()\s+(.*)", line)
        if m:
            out[m.group(1)] = _COMMENT_RE.sub(" ", m.group(2)).strip()
    return out


def resolve(expr: str, symbols: dict[str, str], path: str) -> int:
    """Evaluate an array initialiser such as ``LINUX_SCERR_SIGN LINUX_ENOENT``.

    Symbols are expanded as text, the way cpp expands object-like macros
    (``LINUX_SCERR_SIGN`` is a lone ``-``); what remains must be integers joined
    by binary ``+``/``-`` and unary ``-``.
    """
    text = expr
    for _ in range(16):
        expanded = re.sub(r"[A-Za-z_]\w*",
                          lambda m: f" {symbols[m.group(0)]} " if m.group(0) in symbols
                          else m.group(0), text)
        if expanded == text:
            break
        text = expanded
    total, sign, expect_term = 0, 1, True
    for tok in re.findall(r"\w+|[-+]|\S", text):
        if tok in "+-":
            if expect_term:
                sign = -sign if tok == "-" else sign
            else:
                sign, expect_term = (-1 if tok == "-" else 1), True
        elif tok.isdigit() and expect_term:
            total, sign, expect_term = total + sign * int(tok), 1, False
        else:
            raise SourceError(f"{path}: cannot resolve {tok!r} in {expr!r}")
    if expect_term:
        raise SourceError(f"{path}: incomplete expression {expr!r}")
    return total


def array_values(text: str, array: str, path: str, symbols: dict[str, str]) -> tuple[int, ...]:
    """Return the resolved integer initialisers of a C array, one per entry."""
    values: list[int] = []
    body = _COMMENT_RE.sub(" ", "\n".join(preprocess(array_body(text, array, path),
                                                     frozenset())))
    for item in body.split(","):
        if item.strip():
            values.append(resolve(item, symbols, path))
    return tuple(values)


def parse_native_to_linux_errno(errno_c: str, headers: list[str], path: str) -> tuple[int, ...]:
    """Return ``native_to_linux_errno[]`` with LINUX_SCERR_SIGN applied (negated on x86)."""
    symbols: dict[str, str] = {}
    for h in headers:
        symbols.update(c_defines(h))
    for alias, target in LINUX_ERRNO_SYMBOL_ALIASES.items():
        symbols.setdefault(alias, target)
    return array_values(errno_c, "native_to_linux_errno", path, symbols)


# ---------------------------------------------------------------- signals

_SIGNAME_ENTRY_RE = re.compile(r'^\s*"([^"]*)"\s*,?\s*/\*\s*(\d+)\s*(SIG\w+)?\s*(?:\+\s*(\d+))?\s*\*/')


def parse_signame(text: str, path: str) -> tuple[tuple[str, ...], dict[str, int]]:
    """Return libc's ``sys_signame[]`` and the native ``SIGxxx`` numbers its comments give.

    Each entry reads ``"HUP", /* 1 SIGHUP */`` or ``"RT3", /* 36 SIGRTMIN + 3 */``;
    the comments are the only place in these files that number the native
    signals, and ``SIGRTMIN`` falls out of the ``+ 0`` entry.
    """
    names: list[str] = []
    numbers: dict[str, int] = {}
    for line in array_body(text, "__signame14", path):
        if not line.strip():
            continue
        m = _SIGNAME_ENTRY_RE.match(line)
        if m is None:
            raise SourceError(f"{path}: unexpected line in sys_signame: {line!r}")
        num = int(m.group(2))
        if num != len(names):
            raise SourceError(f"{path}: entry /* {num} */ at index {len(names)}")
        names.append(m.group(1))
        if m.group(3) and (m.group(4) is None or int(m.group(4)) == 0):
            numbers[m.group(3)] = num
    return tuple(names), numbers


def linux_signal_names(signal_h: str, path: str) -> dict[int, str]:
    """Return Linux's signal names by number from ``LINUX_SIGxxx`` defines.

    The first name defined for a number wins (``SIGABRT`` before ``SIGIOT``).
    Realtime signals are named as glibc's ``SIGRTMIN+n`` / ``SIGRTMAX``
    notation, from ``LINUX_SIGRTMIN`` up to ``LINUX__NSIG``.
    """
    defs = c_defines(signal_h)
    out: dict[int, str] = {}
    for name, val in defs.items():
        if re.fullmatch(r"LINUX_SIG[A-Z0-9]+", name) and val.isdigit() and name != "LINUX_SIGRTMIN":
            out.setdefault(int(val), name[len("LINUX_"):])
    rtmin = resolve("LINUX_SIGRTMIN", defs, path)
    nsig = resolve("LINUX__NSIG", defs, path)
    for sig in range(rtmin, nsig + 1):
        out[sig] = ("SIGRTMIN" if sig == rtmin else "SIGRTMAX" if sig == nsig
                    else f"SIGRTMIN+{sig - rtmin}")
    return dict(sorted(out.items()))


# ------------------------------------------------------------ Linux (host)

def linux_host_tables() -> tuple[dict[int, str], dict[int, str], dict[int, tuple[str, str]], str]:
    """Freeze Linux's syscall names (python-ptrace) and errno names/texts (runtime).

    Returns the x86-64 and i386 name maps, the errno table and a provenance line.
    """
    from ptrace.syscall.linux import i386, x86_64

    errnos: dict[int, tuple[str, str]] = {}
    for num, name in sorted(host_errno.errorcode.items()):
        errnos[num] = (LINUX_ERRNO_ALIASES.get(name, name), os.strerror(num))
    libc = " ".join(platform.libc_ver())
    prov = (f"python-ptrace {metadata.version('python-ptrace')} "
            f"(ptrace.syscall.linux.x86_64, ptrace.syscall.linux.i386); "
            f"errno: Python {platform.python_version()} errno.errorcode + os.strerror "
            f"on {platform.system()} {libc}")
    return dict(sorted(x86_64.SYSCALL_NAMES.items())), dict(sorted(i386.SYSCALL_NAMES.items())), errnos, prov


# ---------------------------------------------------------------- writing

HEADER = '''\
# Generated by scripts/gen_tables.py -- do not edit.
{sources}
"""{doc}"""

'''


def py_tuple(name: str, values: Iterable[object], per_line: int = 1) -> str:
    """Render a module-level tuple, one element per line for reviewable diffs."""
    items = [repr(v) for v in values]
    lines = [f"{name} = ("]
    for i in range(0, len(items), per_line):
        lines.append("    " + ", ".join(items[i:i + per_line]) + ",")
    lines.append(")")
    return "\n".join(lines) + "\n"


def py_dict(name: str, mapping: dict[object, object], annotation: str) -> str:
    """Render a module-level dict literal with a type annotation."""
    lines = [f"{name}: {annotation} = {{"]
    lines += [f"    {k!r}: {v!r}," for k, v in mapping.items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_module(path: Path, sources: list[str], doc: str, body: list[str]) -> None:
    """Write one generated module with its provenance header."""
    src = "\n".join(f"# source: {s}" for s in sources)
    path.write_text(HEADER.format(sources=src, doc=doc) + "\n".join(body), encoding="utf-8")


def read(src: Path, key: str) -> tuple[str, str]:
    """Read one NetBSD source file; return its text and its path for messages."""
    rel = NETBSD_FILES[key]
    try:
        return (src / rel).read_text(encoding="utf-8", errors="replace"), rel
    except OSError as e:
        raise SourceError(f"{src / rel}: {e.strerror}") from e


def generate_netbsd(src: Path, out: Path, errno_from: str = "rumpdefs.h") -> None:
    """Write ``_netbsd_syscalls.py``, ``_netbsd_errno.py`` and ``_netbsd_signals.py``.

    ``errno_from`` names the file the strerror texts come from: ``errno.h``
    (``sys/sys/errno.h``) or ``rumpdefs.h`` (the copy of errno.h's lines in
    ``sys/rump/include/rump/rumpdefs.h``).
    """
    text, rel = read(src, "syscalls_master")
    arrays = {"syscalls_master": (rel, parse_syscalls_master(text, rel))}
    for key, array in (("linux_syscalls", "linux_syscallnames"),
                       ("linux32_syscalls", "linux32_syscallnames")):
        text, rel = read(src, key)
        arrays[key] = (rel, parse_syscall_names(text, array, rel))
    body = []
    for key, const in (("syscalls_master", "NETBSD"), ("linux_syscalls", "LINUX"),
                       ("linux32_syscalls", "LINUX32")):
        rel, arr = arrays[key]
        body.append(f"{const}_RCSID = {arr.rcsid!r}\n")
        body.append(f"{const}_NSYSNAMES = {arr.nsysnames}\n")
        body.append(py_tuple(f"{const}_NAMES", arr.names))
    write_module(out / "_netbsd_syscalls.py",
                 [f"{rel} {arr.rcsid}" for rel, arr in arrays.values()],
                 "Syscall-name arrays compiled into NetBSD's kdump (amd64 userland view of "
                 "the #ifdefs).\n\nNETBSD_NAMES is syscalls.c's syscallnames[] as "
                 "makesyscalls.sh writes it from\nsyscalls.master (without the \"# filler\" "
                 "padding).  *_NSYSNAMES is kdump's bound\n(*_SYS_MAXSYSCALL); codes at or "
                 "above it print as [N].\n",
                 body)

    if errno_from == "errno.h":
        errno_h, errno_rel = read(src, "errno_h")
        errno_id = rcsid(errno_h, errno_rel)
        errnos = parse_errno_h(errno_h, errno_rel)
        errno_src = f"{errno_rel} {errno_id} (texts cut as errlist.awk cuts them)"
    else:
        rump, rump_rel = read(src, "rumpdefs_h")
        block, errno_id = rumpdefs_errno(rump, rump_rel)
        errnos = parse_errno_h(block, rump_rel, prefix="RUMP_")
        errno_src = (f"{rump_rel} {rcsid(rump, rump_rel)}: its copy of the lines of "
                     f"{errno_id} (texts cut as errlist.awk cuts them)")
    lec, lec_rel = read(src, "linux_errno_c")
    heads = [read(src, k)[0] for k in ("linux_errno_h", "linux_errno_generic_h",
                                       "linux_errno_arch_h")]
    n2l = parse_native_to_linux_errno(lec, heads, lec_rel)
    write_module(out / "_netbsd_errno.py",
                 [errno_src,
                  f"{lec_rel} {rcsid(lec, lec_rel)} (with LINUX_SCERR_SIGN '-' of amd64)"],
                 "NetBSD errno names and strerror texts; native_to_linux_errno[].\n\n"
                 "ERRNO holds sys_errlist[1..sys_nerr-1]; libc's strerror prints "
                 "\"Undefined error: 0\" for 0\nand \"Unknown error: %u\" for "
                 "anything else.\n",
                 [f"ERRNO_RCSID = {errno_id!r}\n",
                  py_dict("ERRNO", errnos, "dict[int, tuple[str, str]]"),
                  f"NATIVE_TO_LINUX_ERRNO_RCSID = {rcsid(lec, lec_rel)!r}\n",
                  py_tuple("NATIVE_TO_LINUX_ERRNO", n2l, per_line=8)])

    signame, sig_rel = read(src, "signame_c")
    sys_signame, native = parse_signame(signame, sig_rel)
    native_syms = {k: str(v) for k, v in native.items()}
    sigarray, arr_rel = read(src, "linux_sigarray_c")
    l2n = array_values(sigarray, "linux_to_native_signo", arr_rel, native_syms)
    lsig_h, lsig_rel = read(src, "linux_signal_h")
    lsyms = c_defines(lsig_h)
    signo, signo_rel = read(src, "linux_signo_c")
    for name, val in c_defines(signo).items():
        lsyms.setdefault(name, val)
    n2lsig = array_values(signo, "native_to_linux_signo", signo_rel, lsyms)
    write_module(out / "_netbsd_signals.py",
                 [f"{sig_rel} {rcsid(signame, sig_rel)}",
                  f"{arr_rel} {rcsid(sigarray, arr_rel)}",
                  f"{lsig_rel} {rcsid(lsig_h, lsig_rel)}",
                  f"{signo_rel} {rcsid(signo, signo_rel)}"],
                 "NetBSD's sys_signame[] and the x86 Linux <-> NetBSD signal arrays.\n",
                 [py_tuple("SYS_SIGNAME", sys_signame, per_line=8),
                  py_tuple("LINUX_TO_NATIVE_SIGNO", l2n, per_line=8),
                  py_tuple("NATIVE_TO_LINUX_SIGNO", n2lsig, per_line=8),
                  py_dict("LINUX_SIGNAL_NAMES", linux_signal_names(lsig_h, lsig_rel),
                          "dict[int, str]")])


def generate_linux(out: Path) -> None:
    """Write ``_linux_host.py``: Linux's own syscall names and errno table, frozen."""
    x86_64, i386, errnos, prov = linux_host_tables()
    write_module(out / "_linux_host.py", [prov],
                 "Linux's own syscall names (x86-64, i386) and errno names/texts.\n",
                 [py_dict("X86_64_NAMES", x86_64, "dict[int, str]"),
                  py_dict("I386_NAMES", i386, "dict[int, str]"),
                  py_dict("ERRNO", errnos, "dict[int, tuple[str, str]]")])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; see ``--help``."""
    files = "\n".join(f"  {p}" for p in NETBSD_FILES.values())
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(f"NetBSD files read from --src (NetBSD/src paths; sys/sys/errno.h or "
                f"rumpdefs.h, per --errno-from):\n{files}\n\n"
                f"Revisions the committed tables come from:\n{REVISIONS_USED}\n\n"
                "The Linux tables come from the installed python-ptrace and the running "
                "Python (a Linux host)."))
    ap.add_argument("--src", type=Path, help="root of a NetBSD source tree holding the files below")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "ktrace" / "emul",
                    help="directory to write the generated modules to (default: ktrace/emul)")
    ap.add_argument("--errno-from", choices=("rumpdefs.h", "errno.h"), default="rumpdefs.h",
                    help="take the strerror texts from sys/sys/errno.h or from its copy in "
                         "sys/rump/include/rump/rumpdefs.h (default: rumpdefs.h, newer than "
                         "any sys/sys/errno.h at hand)")
    ap.add_argument("--only", choices=("netbsd", "linux"),
                    help="generate only the NetBSD-derived or only the Linux-derived modules")
    args = ap.parse_args(argv)
    if args.only != "linux" and args.src is None:
        ap.error("--src is required unless --only linux")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        if args.only != "linux":
            generate_netbsd(args.src, args.out, args.errno_from)
        if args.only != "netbsd":
            generate_linux(args.out)
    except SourceError as e:
        print(f"gen_tables: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
