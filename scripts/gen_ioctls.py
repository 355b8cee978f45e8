#!/usr/bin/env python3
"""Generate pykdump's ioctl name tables (``ktrace/dump/_ioctl_names.py``).

NetBSD's kdump names ioctl requests with ``ioctlname()``, a switch that
``usr.bin/kdump/mkioctls`` generates from every installed header: it keeps
each ``#define NAME _IO...(`` line (names of capitals and underscores), lets
the C compiler compute the values, and leaves out a fixed list of names
whose values other names already own.  pyktrace has no NetBSD compiler, so
this script does the same for a chosen set of headers, with the argument
sizes of NetBSD/amd64 declared below; a header line with a type it does not
know stops it (a wrong size would name the wrong request).

pykdump's default face shows Linux processes with Linux's own request names
(``TCGETS``, ``FIONREAD``), from Linux's uapi headers: plain hexadecimal
values and ``_IO``/``_IOR``/``_IOW``/``_IOWR`` with Linux's encoding and
x86 sizes.  The first name of a value wins; aliases (``TIOCINQ``) and
conditional expressions are skipped.

Run it as::

    scripts/gen_ioctls.py --netbsd-src /tmp/netbsd-src --linux-src /tmp/linux-src
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

#: NetBSD headers read, in mkioctls' include order
#: (Makefile.ioctl-c always passes sys/ioctl.h and sys/ioctl_compat.h)
NETBSD_HEADERS = ("sys/sys/ttycom.h", "sys/sys/filio.h", "sys/sys/ioctl_compat.h")
#: Linux uapi headers read (x86 uses the asm-generic ones)
LINUX_HEADERS = ("include/uapi/asm-generic/ioctls.h",
                 "include/uapi/asm-generic/sockios.h",
                 "include/uapi/linux/sockios.h")

#: names mkioctls never emits (its ``keep`` list) that these headers define
MKIOCTLS_SKIPPED = {"TIOCCBRK", "TIOCSDTR", "TIOCHPCL"}

#: sizeof() on NetBSD/amd64 of the argument types in NETBSD_HEADERS
NETBSD_SIZES = {
    "int": 4, "char": 1, "uint32_t": 4,
    "daddr_t": 8,                   # int64_t
    "struct termios": 44,           # 4 tcflag_t, cc_t[20], 2 int speeds
    "struct winsize": 8,            # 4 unsigned short
    "struct timeval": 16,           # time_t, suseconds_t (padded)
    "struct mbuf *": 8,
    "struct ptmget": 2056,          # 2 int, 2 char[PATH_MAX = 1024]
    "linedn_t": 32,                 # char[TTLINEDNAMELEN]
    "struct sgttyb": 6,             # 4 char, short
    "struct tchars": 6, "struct ltchars": 6,    # 6 char
}
#: sizeof() on Linux x86-64 (and i386) of the argument types in LINUX_HEADERS
LINUX_SIZES = {
    "int": 4, "unsigned int": 4,
    "struct termios2": 44,          # 4 tcflag_t, c_line, cc_t[19], 2 speed_t
    "long long[2]": 16,
}

# sys/ioccom.h
_NETBSD_DIR = {"": 0x20000000, "R": 0x40000000, "W": 0x80000000,
               "WR": 0xC0000000}
# include/uapi/asm-generic/ioctl.h: _IOC_NONE 0, _IOC_WRITE 1, _IOC_READ 2
_LINUX_DIR = {"": 0, "W": 1, "R": 2, "WR": 3}

_NETBSD_LINE = re.compile(
    r"^#[ \t]*define[ \t]*([A-Z_]*)[ \t]*_IO(W?R?)[ \t]*\(\s*'(.)'\s*,"
    r"\s*(\w+)\s*(?:,\s*([^)]*?)\s*)?\)", re.M)
_LINUX_DEFINE = re.compile(r"^#[ \t]*define[ \t]+([A-Z0-9_]+)[ \t]+(.*?)\s*(?:/\*.*)?$",
                           re.M)
_LINUX_IOC = re.compile(r"_IO(W?R?)\(\s*('.'|\w+)\s*,\s*(\w+)\s*(?:,\s*(.*?)\s*)?\)$")


def _size(sizes: dict[str, int], ctype: str | None, where: str) -> int:
    if ctype is None:
        return 0
    ctype = " ".join(ctype.split())
    if ctype not in sizes:
        raise SystemExit(f"{where}: no size known for {ctype!r}; add it")
    return sizes[ctype]


def active_lines(text: str, defined: set[str]) -> str:
    """``text`` without the lines ``#ifdef``/``#ifndef``/``#else`` rule out,
    as mkioctls' ``cc -E -dM`` sees them (``defined`` grows with each
    active ``#define``); an ``#if`` expression counts as true: the only
    ones here test ``_NETBSD_SOURCE``, which kdump's build has."""
    keep: list[str] = []
    stack: list[bool] = []
    for line in text.splitlines():
        words = line.lstrip("# \t").split()
        if line.startswith("#") and words:
            cmd, arg = words[0], words[1] if len(words) > 1 else ""
            if cmd in ("ifdef", "ifndef", "if"):
                outer = all(stack)
                stack.append((arg in defined if cmd == "ifdef" else
                              arg not in defined if cmd == "ifndef" else True)
                             and outer)
                continue
            if cmd == "else":
                stack[-1] = not stack[-1] and all(stack[:-1])
                continue
            if cmd == "endif":
                stack.pop()
                continue
            if cmd == "define" and all(stack):
                defined.add(arg.split("(")[0])
        if all(stack):
            keep.append(line)
    return "\n".join(keep)


def netbsd_requests(text: str, where: str) -> list[tuple[str, int]]:
    """``(name, value)`` of each request line mkioctls would emit."""
    out = []
    for m in _NETBSD_LINE.finditer(active_lines(text, {"COMPAT_43"})):
        name, kind, group, num, ctype = m.groups()
        if not name or name in MKIOCTLS_SKIPPED:
            continue
        size = _size(NETBSD_SIZES, ctype, where) if kind else 0
        out.append((name, _NETBSD_DIR[kind] | (size & 0x1FFF) << 16
                    | ord(group) << 8 | int(num, 0)))
    return out


def linux_requests(text: str, where: str, consts: dict[str, int]) -> list[tuple[str, int]]:
    """``(name, value)`` of each request defined as a hexadecimal number of
    at least 0x100 or as an ``_IO*`` macro; smaller numbers are remembered
    in ``consts`` (``SOCK_IOC_TYPE``) for the macros."""
    out = []
    for m in _LINUX_DEFINE.finditer(text):
        name, value = m.groups()
        if re.fullmatch(r"0[xX][0-9A-Fa-f]+", value):
            v = int(value, 16)
            if v >= 0x100:
                out.append((name, v))
            else:
                consts[name] = v
            continue
        ioc = _LINUX_IOC.match(value)
        if ioc is None:
            continue                # an alias or an expression
        kind, group, num, ctype = ioc.groups()
        g = ord(group[1]) if group.startswith("'") else consts[group]
        size = _size(LINUX_SIZES, ctype, where) if kind else 0
        out.append((name, _LINUX_DIR[kind] << 30 | size << 16 | g << 8
                    | int(num, 0)))
    return out


def _first_names(pairs: list[tuple[str, int]], unique: bool) -> dict[int, str]:
    """value -> name; with ``unique``, two names of one value are an error
    (ioctlname()'s switch would not compile: mkioctls' list must grow)."""
    table: dict[int, str] = {}
    for name, value in pairs:
        if unique and value in table:
            raise SystemExit(f"{name} and {table[value]} are both {value:#x}")
        table.setdefault(value, name)
    return table


def _ident(text: str, path: str) -> str:
    m = re.search(r"\$NetBSD: (\S+ \S+ \S+)", text)
    return f"{path} {m.group(1)}" if m else path


def render(netbsd_src: Path, linux_src: Path) -> str:
    """The text of ``_ioctl_names.py``."""
    sources = []
    netbsd: list[tuple[str, int]] = []
    for path in NETBSD_HEADERS:
        text = (netbsd_src / path).read_text()
        sources.append("NetBSD " + _ident(text, path))
        netbsd += netbsd_requests(text, path)
    linux: list[tuple[str, int]] = []
    consts: dict[str, int] = {}
    for path in LINUX_HEADERS:
        sources.append("Linux " + path)
        linux += linux_requests((linux_src / path).read_text(), path, consts)
    lines = ['"""ioctl request names, generated by scripts/gen_ioctls.py: do not edit.',
             "", "Sources:", ""]
    lines += ["* " + s for s in sources]
    lines += ['"""', "", "#: NetBSD/amd64 request -> name, as kdump's ioctlname() has them",
              "NETBSD_IOCTLS = {"]
    lines += ["    %#010x: %r," % (v, n) for v, n in sorted(_first_names(netbsd, True).items())]
    lines += ["}", "", "#: Linux x86 request -> name (the first of a value's names)",
              "LINUX_IOCTLS = {"]
    lines += ["    %#010x: %r," % (v, n) for v, n in sorted(_first_names(linux, False).items())]
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--netbsd-src", type=Path, required=True)
    ap.add_argument("--linux-src", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path(__file__).parents[1]
                    / "ktrace" / "dump" / "_ioctl_names.py")
    opts = ap.parse_args()
    opts.out.write_text(render(opts.netbsd_src, opts.linux_src))


if __name__ == "__main__":
    main()
