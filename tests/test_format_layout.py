"""The construct declarations against the C compiler's idea of NetBSD's structs.

``tests/c/netbsd_layout.c`` declares the structs with NetBSD's own field
types; gcc compiles it for each data model and prints every size and offset,
which must equal what :mod:`ktrace.format` declares (and what the derived
``struct`` layouts use).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import construct as c
import pytest

from ktrace.format import AMD64, I386, I386_TIME32, Abi, Layouts
from ktrace.structs import Structs

C_SOURCE = Path(__file__).parent / "c" / "netbsd_layout.c"

MODELS = {
    "amd64": (AMD64, ["-m64"]),
    "i386": (I386, ["-m32"]),
    "i386-time32": (I386_TIME32, ["-m32", "-DTIME32"]),
}


def offsets(con: c.Construct) -> dict[str, int]:
    """Offset of every named field of a flat construct Struct."""
    out, off = {}, 0
    for sub in con.subcons:
        if sub.name:
            out[sub.name] = off
        off += sub.sizeof()
    return out


def c_layout(flags: list[str], tmp_path: Path) -> dict[str, int]:
    if shutil.which("gcc") is None:
        pytest.fail("gcc is required (see .ci/run)")
    exe = tmp_path / "layout"
    subprocess.run(["gcc", *flags, "-o", str(exe), str(C_SOURCE)], check=True)
    lines = subprocess.run([str(exe)], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    return {k: int(v) for k, v in (line.split() for line in lines)}


def declared_layout(abi: Abi) -> dict[str, int]:
    s = Structs.get(abi)
    got: dict[str, int] = {"ktr_header": s.header_v[2].sizeof()}
    for v in (0, 1, 2):
        assert s.header_v[v].sizeof() == got["ktr_header"]
        for name, off in offsets(s.header_v[v]).items():
            key = name if name.startswith("ktr_") else f"v{v}.{name}"
            got[f"ktr_header.{key}"] = off
    for cname, con in [("ktr_syscall", s.syscall), ("ktr_sysret", s.sysret),
                       ("ktr_genio", s.genio), ("ktr_psig", s.psig),
                       ("ktr_csw", s.csw), ("ktr_user", s.user),
                       ("ktr_saupcall", s.saupcall), ("ktr_execfd", s.execfd)]:
        got[cname] = con.sizeof()
        for name, off in offsets(con).items():
            got[f"{cname}.{name}"] = off
    got["siginfo"] = s.siginfo.sizeof()
    reason = offsets(s.siginfo)["reason"]
    got["_ksiginfo.reason"] = reason
    got["_ksiginfo.rt.value"] = reason + offsets(s.si_rt)["value"]
    got["_ksiginfo.child.stime"] = reason + offsets(s.si_child)["stime"]
    got["_ksiginfo.fault.trap3"] = reason + offsets(s.si_fault)["trap3"]
    got["_ksiginfo.poll.fd"] = reason + offsets(s.si_poll)["fd"]
    return got


@pytest.mark.parametrize("model", sorted(MODELS))
def test_declarations_match_c(model: str, tmp_path: Path) -> None:
    abi, flags = MODELS[model]
    expected = c_layout(flags, tmp_path)
    declared = declared_layout(abi)
    assert {k: declared.get(k) for k in expected} == expected


@pytest.mark.parametrize("model", sorted(MODELS))
def test_derived_struct_layouts_have_c_sizes(model: str, tmp_path: Path) -> None:
    abi, flags = MODELS[model]
    expected = c_layout(flags, tmp_path)
    lay = Layouts.get(abi)
    assert lay.header_size == expected["ktr_header"]
    for v in (0, 1, 2):
        assert lay.header[v].size == expected["ktr_header"]
    assert lay.sysret.size == expected["ktr_sysret"]
    assert lay.psig.size == expected["ktr_psig"]
    assert lay.siginfo.size == expected["siginfo"]
    assert lay.saupcall.size == expected["ktr_saupcall"]


def test_documented_sizes() -> None:
    """The sizes design.md states, independent of the compiler."""
    assert Layouts.get(AMD64).header_size == 56
    assert offsets(Structs.get(AMD64).header_v[2])["lid"] == 48
    assert Layouts.get(I386).header_size == 48
    assert Layouts.get(I386_TIME32).header_size == 44
    assert Structs.get(AMD64).sysret.sizeof() == 24
    assert Structs.get(AMD64).psig.sizeof() == 40
    assert Structs.get(AMD64).siginfo.sizeof() == 128


def test_committed_layouts_are_derived_from_the_declarations() -> None:
    """ktrace/_layouts.py must be what scripts/gen_layouts.py derives now."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "gen_layouts", Path(__file__).parents[1] / "scripts" / "gen_layouts.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    committed = (Path(__file__).parents[1] / "ktrace" / "_layouts.py").read_text()
    assert committed == gen.render(), "run scripts/gen_layouts.py"


def test_start_up_paths_stay_light() -> None:
    """pyktrace's start-up (and pykdump's hot path) import none of the heavy
    modules: each of these cost milliseconds on every run."""
    import subprocess
    import sys

    code = ("import sys, ktrace.format, ktrace.tracefile, ktrace.desc,"
            " ktrace.cli.pyktrace, ktrace.tracer.frontend, ktrace.tracer.launch,"
            " ktrace.tracer.session, ktrace.control;"
            "ktrace.format.Layouts.get(ktrace.format.AMD64);"
            "print(sorted(m for m in ('construct', 'dataclasses', 'typing',"
            " 'rich', 'click', 'ptrace', 'socket', 'json')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"
