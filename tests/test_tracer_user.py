"""USER records for socket messages (-t u), NetBSD's Linux emulation order."""

from __future__ import annotations

import struct

from test_tracer_basic import after_exec, compile_c, decode, trace
from ktrace.tracer.user import NETBSD_MSGHDR

NR_SENDMSG, NR_RECVMSG = 46, 47
NR_RECVMMSG, NR_SENDMMSG = 299, 307


def test_sendmsg_recvmsg_user_records(tmp_path):
    prog = compile_c(tmp_path, "sockmsg")
    _, recs = trace(tmp_path, [str(prog)])
    d = [decode(r) for r in after_exec(recs)]
    i = next(n for n, x in enumerate(d) if x[:2] == ("CALL", NR_SENDMSG))
    kinds = [x[0] if x[0] != "USER" else x[1] for x in d[i:i + 5]]
    assert kinds == ["CALL", b"mbcontrol", b"msghdr", "GIO", "RET"]
    length, level, ctype = struct.unpack_from("<Iii", d[i + 1][2])
    assert (length, level, ctype) == (20, 0xFFFF, 1)      # SOL_SOCKET, SCM_RIGHTS
    assert struct.unpack_from("<i", d[i + 1][2], 16) == (0,)
    hdr = NETBSD_MSGHDR.unpack(d[i + 2][2])
    assert hdr[3] == 1 and hdr[5] == 24                  # iovlen, controllen
    j = next(n for n, x in enumerate(d) if x[:2] == ("CALL", NR_RECVMSG))
    kinds = [x[0] if x[0] != "USER" else x[1] for x in d[j:j + 5]]
    assert kinds == ["CALL", "GIO", b"msgcontrol", b"msghdr", "RET"]
    assert d[j + 1][3] == b"hello"


def test_only_u(tmp_path):
    prog = compile_c(tmp_path, "sockmsg")
    _, recs = trace(tmp_path, [str(prog)], "-t", "u")
    d = [decode(r) for r in recs]
    assert [x[1] for x in d] == [b"mbcontrol", b"msghdr", b"msgcontrol", b"msghdr"]


def test_sendmmsg_recvmmsg_records_per_message(tmp_path):
    prog = compile_c(tmp_path, "mmsg")
    _, recs = trace(tmp_path, [str(prog)])
    d = [decode(r) for r in after_exec(recs)]

    def shape(start):
        out = []
        for x in d[start:start + 6]:
            out.append(x[1] if x[0] == "USER" else
                       (x[0], x[3]) if x[0] == "GIO" else x[0])
        return out

    i = next(n for n, x in enumerate(d) if x[:2] == ("CALL", NR_SENDMMSG))
    assert shape(i) == ["CALL", b"msghdr", ("GIO", b"one"),
                        b"msghdr", ("GIO", b"second"), "RET"]
    j = next(n for n, x in enumerate(d) if x[:2] == ("CALL", NR_RECVMMSG))
    assert shape(j) == ["CALL", ("GIO", b"one"), b"msghdr",
                        ("GIO", b"second"), b"msghdr", "RET"]
    hdr = NETBSD_MSGHDR.unpack(d[j + 2][2])
    assert hdr[3] == 1                                   # iovlen


def test_only_u_with_mmsg(tmp_path):
    prog = compile_c(tmp_path, "mmsg")
    _, recs = trace(tmp_path, [str(prog)], "-t", "u")
    assert [decode(r)[1] for r in recs] == [b"msghdr"] * 4
