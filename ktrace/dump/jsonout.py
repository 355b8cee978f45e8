"""``--json``: one JSON object per record, with stable field names.

Every object has the header fields ``offset`` (of the record in the file),
``type`` (kdump's type column, trimmed: ``CALL``, ``RET``, ``NAMI``...),
``ktr_type``, ``version``, ``pid``, ``lid``, ``comm``, ``sec``, ``nsec``
(microseconds of version 0 records are converted), ``emulation`` (the
process's emulation as kdump tracks it) and ``text`` (what the chosen face
prints after the header, without the final newline); then per type:

* CALL: ``code``, ``name`` (null when unnamed), ``args`` (registers as
  unsigned numbers);
* RET: ``code``, ``name``, ``error``, ``retval``, ``retval_1`` (signed);
* NAMI: ``path``; EMUL: ``name``;
* GIO: ``fd``, ``rw`` (``read``/``write``), ``length``, ``data`` (shown
  bytes, cut by ``-m``);
* PSIG: ``signo``, ``action``, ``mask`` (signal numbers), ``code`` and,
  with a siginfo, ``si_signo``, ``si_code``, ``si_errno``;
* CSW: ``out``, ``user``; USER: ``id``, ``data``; ARG/ENV: ``strings``;
  FD: ``fd``, ``dtype``; MIB: ``mib``;
* MMSG (read by kdump 1.93.2.1, 44-byte headers only): the Mach message
  header ``msgh_bits``, ``msgh_size``, ``msgh_remote_port``,
  ``msgh_local_port``, ``msgh_reserved``, ``msgh_id``, and ``service`` (the
  name kdump prints, null when unknown), ``reply``, ``payload`` (the whole
  record, header included);
* MOOL (the same): ``uaddr``, ``size``, ``data`` (the ``size`` bytes);
* other types: ``payload``.

Byte strings (paths, data, comm) map each byte to the code point of the same
value (latin-1), so nothing is lost; ``data`` and ``payload`` of USER and
unknown records are hexadecimal.
"""

from __future__ import annotations

import json
import struct
from typing import Any

from ktrace.format import (
    KTR_CSW, KTR_EMUL, KTR_EXEC_ARG, KTR_EXEC_ENV, KTR_EXEC_FD, KTR_GENIO,
    KTR_MIB, KTR_MMSG, KTR_MOOL, KTR_NAMEI, KTR_PSIG, KTR_SYSCALL,
    KTR_SYSRET, KTR_USER, KTR_USER_MAXIDLEN)
from ktrace.dump.face import NSIG, Face
from ktrace.tracefile import Record


def _str(b: bytes) -> str:
    return b.decode("latin-1")


def _mach_body(face: Face, t: int, p: bytes) -> dict[str, Any]:
    """MMSG and MOOL records, which only kdump 1.93.2.1 (the reader of
    44-byte headers) decodes; the face has checked their sizes."""
    from ktrace.dump.mach import (MSGH_FIELDS, mmsg_header, mool_header,
                                  service)
    if t == KTR_MMSG:
        fields = mmsg_header(p, face.abi.order)
        name, reply = service(fields[5])
        out: dict[str, Any] = {"msgh_" + k: v
                               for k, v in zip(MSGH_FIELDS, fields)}
        out.update(service=name, reply=reply, payload=p.hex())
        return out
    uaddr, size = mool_header(p, face.abi.order, face.reg)
    head = 2 * face.reg
    return {"uaddr": uaddr, "size": size, "data": p[head:head + size].hex()}


class JsonRender:
    """Renders records as JSON lines through a face (for its state)."""

    def __init__(self, face: Face) -> None:
        self.face = face

    def __call__(self, r: Record) -> str | None:
        face = self.face
        text = face.render(r)
        if text is None:
            return None
        head = face.last_head_len
        obj: dict[str, Any] = {
            "offset": r.offset, "type": face.last_type,
            "ktr_type": r.type, "version": r.version, "pid": r.pid,
            "lid": r.lid, "comm": face.comm(r.comm), "sec": r.sec,
            "nsec": r.frac * 1000 if r.version == 0 else r.frac,
            "emulation": face.emul.cur.name, "text": text[head:].rstrip("\n"),
        }
        obj.update(self.body(r))
        return json.dumps(obj) + "\n"

    def body(self, r: Record) -> dict[str, Any]:
        face, p, t = self.face, r.payload, r.type
        lay = face.lay
        if t == KTR_SYSCALL:
            code, args = face.last_call
            return {"code": code, "name": face.last_name,
                    "args": [a & face.mask for a in args]}
        if t == KTR_SYSRET:
            code, error, retval, retval1 = face.last_ret
            return {"code": code, "name": face.last_name, "error": error,
                    "retval": face.slong(retval), "retval_1": face.slong(retval1)}
        if t == KTR_NAMEI:
            return {"path": _str(p.split(b"\0", 1)[0])}
        if t == KTR_EMUL:
            return {"name": _str(p.split(b"\0", 1)[0])}
        if t == KTR_GENIO:
            fd, rw = lay.genio.unpack_from(p)
            data = p[8:] if face.o.maxdata < 0 else p[8:8 + face.o.maxdata]
            return {"fd": fd, "rw": "read" if rw == 0 else "write",
                    "length": len(p) - 8, "data": _str(data)}
        if t == KTR_PSIG:
            signo, action, m0, m1, m2, m3, code = lay.psig.unpack_from(p)
            mask = m0 | m1 << 32 | m2 << 64 | m3 << 96
            out: dict[str, Any] = {
                "signo": signo, "action": action, "code": code,
                "mask": [i for i in range(1, NSIG) if mask >> (i - 1) & 1]}
            if len(p) > lay.psig.size:
                si_signo, si_code, si_errno, _ = lay.siginfo.unpack_from(
                    p, lay.psig.size)
                out.update(si_signo=si_signo, si_code=si_code, si_errno=si_errno)
            return out
        if t == KTR_CSW:
            o, u = lay.csw.unpack_from(p)
            return {"out": o, "user": u}
        if t == KTR_USER:
            return {"id": _str(p[:KTR_USER_MAXIDLEN].split(b"\0", 1)[0]),
                    "data": p[KTR_USER_MAXIDLEN:].hex()}
        if t in (KTR_EXEC_ARG, KTR_EXEC_ENV):
            return {"strings": [_str(s) for s in p.rstrip(b"\0").split(b"\0")]
                    if p else []}
        if t == KTR_EXEC_FD and not face.time32:
            fd, dtype = lay.execfd.unpack_from(p)
            return {"fd": fd, "dtype": dtype}
        if t == KTR_MIB:
            n = len(p) // 4
            return {"mib": list(struct.unpack_from("%s%di" % (face.abi.order, n), p))}
        if face.time32 and t in (KTR_MMSG, KTR_MOOL):
            return _mach_body(face, t, p)
        return {"payload": p.hex()}
