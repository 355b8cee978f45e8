"""i386 tracees on x86-64: EMUL linux32, i386 call numbers, 8-byte zero-extended
arguments in the amd64 file, 32-bit iovec and sigaction layouts."""

from __future__ import annotations

import subprocess

import pytest

from ktrace.format import EJUSTRETURN, ERESTART
from test_tracer_basic import C_DIR, after_exec, decode, trace

I386_READ, I386_WRITE, I386_WRITEV, I386_EXECVE, I386_OPENAT = 3, 4, 146, 11, 295
I386_STATX = 383
NR_EXECVE_X86_64 = 59


@pytest.fixture(scope="module")
def bin32(tmp_path_factory):
    d = tmp_path_factory.mktemp("bin32")
    for name in ("files", "signals"):
        r = subprocess.run(["gcc", "-m32", "-O1", "-o", str(d / name),
                            str(C_DIR / f"{name}.c")], capture_output=True)
        if r.returncode:
            pytest.skip(f"no gcc -m32: {r.stderr.decode()[:200]}")
    return d


def test_i386_exec_and_calls(tmp_path, bin32):
    target = tmp_path / "data.txt"
    target.write_bytes(b"hello world")
    _, recs = trace(tmp_path, [str(bin32 / "files"), str(target)])
    d = [decode(r) for r in recs]
    # the exec is entered by the 64-bit pyktrace child: x86-64 numbering
    assert d[0] == ("EMUL", b"linux")
    assert d[1][:2] == ("CALL", NR_EXECVE_X86_64)
    k = d.index(("RET", NR_EXECVE_X86_64, EJUSTRETURN, 0))
    assert d[k - 1] == ("EMUL", b"linux32")
    assert d[k - 2] == ("NAMI", b"/lib/ld-linux.so.2")
    a = [decode(r) for r in after_exec(recs)]
    i = a.index(("NAMI", str(target).encode())) - 1
    assert a[i][:2] == ("CALL", I386_OPENAT)
    assert a[i][2][0] == 0xFFFFFF9C              # AT_FDCWD, zero-extended
    fd = a[i + 2][3]
    assert a[i + 3][:2] == ("CALL", I386_READ)
    assert a[i + 4:i + 6] == [("GIO", fd, 0, b"hello"), ("RET", I386_READ, 0, 5)]
    j = a.index(("NAMI", b"/nonexistent/pyktrace"))
    assert a[j - 1][:2] == ("CALL", I386_STATX) and a[j + 1] == ("RET", I386_STATX, -2, -2)
    k = next(n for n, x in enumerate(a) if x[:2] == ("CALL", I386_WRITE) and x[2][2] == 10000)
    assert [len(x[3]) for x in a[k + 1:k + 4]] == [4088, 4088, 1824]
    assert a[k + 5][:2] == ("CALL", I386_WRITEV)
    assert a[k + 6][3] == b"abcde"


def test_i386_signal_handler_and_restart(tmp_path, bin32):
    proc, recs = trace(tmp_path, [str(bin32 / "signals"), "restart"])
    handler = int(proc.stdout.split()[0], 16)
    a = [decode(r) for r in after_exec(recs)]
    reads = [n for n, x in enumerate(a) if x[:2] == ("CALL", I386_READ)]
    i = reads[-2]
    assert a[i + 1] == ("RET", I386_READ, ERESTART, -512)
    assert a[i + 2][:3] == ("PSIG", 14, handler)
    assert a[reads[-1] + 2] == ("RET", I386_READ, 0, 1)


def test_i386_handler_installed_before_attach(tmp_path):
    """-p on an i386 process: the query runs through the vDSO's int $0x80."""
    from test_tracer_signals import test_handler_installed_before_attach_is_asked_for
    test_handler_installed_before_attach_is_asked_for(tmp_path, "-m32")
