#!/usr/bin/env python3
"""Generate ``ktrace/dump/_netbsd_protos.py``: NetBSD's syscall prototypes.

``pykdump --decode`` names and types the arguments of a ``netbsd``
emulation record with NetBSD's own prototypes, never Linux's: NetBSD's
``mmap`` has a ``PAD`` argument before its offset, its ``open`` flags have
other values, and on i386 an ``off_t`` takes two argument slots.  The
prototypes are those of ``sys/kern/syscalls.master`` (the file NetBSD's
``makesyscalls.sh`` turns into ``syscalls.c``, whose names kdump prints),
keyed by the name kdump prints for each entry:

- ``{ ret|sys||open(...); }`` is ``open``; a compat version in the third
  field makes ``__stat50`` of ``{ int|sys|50|stat(...); }``; an alias after
  the braces replaces the name (``getpid`` for ``getpid_with_ppid``);
- a ``COMPAT_NN`` entry is prefixed ``compat_NN_`` (``compat_43_ocreat``,
  ``compat_30___fstat13``).

The name table keeps the calls NetBSD 10 had as its own unprefixed
(``gen_tables.NETBSD10_CURRENT``: ``__kevent50``, not the master's
``compat_100___kevent50``): those entries are also listed under that name.
The ``syscall``/``__syscall`` indirections (``INDIR``) are left out.

Run it as::

    scripts/gen_netbsd_protos.py --src /tmp/netbsd-src --out ktrace/dump

where ``--src`` holds ``sys/kern/syscalls.master`` (the committed table
comes from revision 1.311, 2023/07/28, the one the syscall names come from).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from gen_tables import NETBSD10_CURRENT

MASTER = "sys/kern/syscalls.master"
_ENTRY = re.compile(r"^(\d+)\s+(\S+)\s*(.*)$", re.S)
_PROTO = re.compile(r"^\s*(.*?)\|(\w*)\|(\w*)\|(\w+)\s*\((.*)\)\s*;\s*$", re.S)
_PARAM = re.compile(r"^(.*?)(\w+)\s*(\[[^]]*\])?$", re.S)


def rcsid(text: str) -> str:
    m = re.search(r"\$NetBSD: [^$]*\$", text)
    if m is None:
        raise SystemExit(f"{MASTER}: no $NetBSD$ id")
    return m.group(0)


def entries(text: str):
    """(number, type, prototype or None, alias) for each entry after ``%%``."""
    body = text.split("\n%%\n", 1)
    if len(body) != 2:
        raise SystemExit(f"{MASTER}: no %% line")
    lines: list[str] = []
    pending = ""
    for raw in body[1].split("\n"):
        if raw.endswith("\\"):
            pending += raw[:-1] + " "
            continue
        lines.append(pending + raw)
        pending = ""
    for line in lines:
        line = line.strip()
        if not line or line[0] in ";#":
            continue
        m = _ENTRY.match(line)
        if m is None:
            raise SystemExit(f"{MASTER}: cannot read {line!r}")
        number, kind, rest = int(m.group(1)), m.group(2), m.group(3)
        if "{" not in rest:
            yield number, kind, None, ""
            continue
        inner = rest[rest.index("{") + 1:rest.rindex("}")]
        alias = rest[rest.rindex("}") + 1:].split()
        yield number, kind, inner, alias[0] if alias else ""


def params(arglist: str) -> tuple[tuple[str, str, bool], ...]:
    """``int fd, ... mode_t mode`` -> ((type, name, variadic), ...)."""
    out = []
    for part in arglist.split(","):
        part = " ".join(part.split())
        if part in ("", "void"):
            continue
        variadic = part.startswith("...")
        part = part[3:].strip() if variadic else part
        m = _PARAM.match(part)
        if m is None or not m.group(1).strip():
            raise SystemExit(f"{MASTER}: cannot read parameter {part!r}")
        ctype = " ".join(m.group(1).replace("*", " * ").split())
        ctype = ctype.replace("* *", "**")
        out.append((ctype, m.group(2), variadic))
    return tuple(out)


def table(text: str) -> dict[str, tuple[tuple[str, str, bool], ...]]:
    named: dict[str, tuple[tuple[str, str, bool], ...]] = {}
    plain: dict[str, tuple[tuple[str, str, bool], ...]] = {}
    for number, kind, inner, alias in entries(text):
        if inner is None or kind == "INDIR":
            continue
        m = _PROTO.match(inner)
        if m is None:
            raise SystemExit(f"{MASTER}: cannot read entry {number}: {inner!r}")
        _ret, _prefix, compat, base, args = m.groups()
        name = alias or ("__%s%s" % (base, compat) if compat else base)
        proto = params(args)
        if kind.startswith("COMPAT_"):
            prefix = "compat_%s_" % kind[7:].lower()
            if prefix in NETBSD10_CURRENT:
                plain.setdefault(name, proto)
            name = prefix + name
        named.setdefault(name, proto)
    for name, proto in plain.items():
        named.setdefault(name, proto)
    return named


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, required=True,
                    help="a NetBSD source tree (only %s is read)" % MASTER)
    ap.add_argument("--out", type=Path, default=Path("ktrace/dump"))
    a = ap.parse_args(argv)
    text = (a.src / MASTER).read_text()
    protos = table(text)
    ident = rcsid(text)
    lines = [
        "# Generated by scripts/gen_netbsd_protos.py -- do not edit.",
        "# source: %s %s" % (MASTER, ident),
        '"""NetBSD syscall prototypes by the name kdump prints: '
        "(type, name, variadic) per argument.\"\"\"",
        "",
        "NETBSD_PROTOS_RCSID = %r" % ident,
        "",
        "NETBSD_PROTOS = {",
    ]
    for name in sorted(protos):
        lines.append("    %r: %r," % (name, protos[name]))
    lines.append("}")
    path = a.out / "_netbsd_protos.py"
    path.write_text("\n".join(lines) + "\n")
    print(f"{path}: {len(protos)} prototypes from {ident}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
