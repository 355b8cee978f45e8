"""``KTR_USER`` bodies: kdump's ``ktruser`` and its decoders by id.

kdump.c 1.140.2.2 decodes the ids ``msghdr``, ``mbsoname``, ``mbcontrol``
(written by the kernel's socket code, and by NetBSD's Linux emulation),
``malloc`` and ``xattr-name``/``-val``/``-list``; 1.115.2.1 only the first
three; 1.93.2.1 none.  Anything else prints as ``id: length, hex``.  The
structs are NetBSD's native ones for the trace's word size.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from ktrace.format import Abi

AF_LOCAL, AF_INET, AF_INET6 = 1, 2, 24


def _ptr(v: int) -> str:
    return "0x%x" % v


def _msghdr(ident: str, data: bytes, abi: Abi, warn) -> str:
    fmt = abi.order + ("Q I4x Q i4x Q I i" if abi.lp64 else "I I I i I I i")
    st = struct.Struct(fmt.replace(" ", ""))
    if len(data) != st.size:
        warn("%s: len %d != %d" % (ident, len(data), st.size))
    name, namelen, iov, iovlen, control, controllen, flags = st.unpack(
        data[:st.size].ljust(st.size, b"\0"))
    # msg_iovlen is an int printed as "%zu" of (size_t)msg_iovlen: sign
    # extended to the reading machine's size_t (-1 is 18446744073709551615
    # on LP64, 4294967295 on ILP32); namelen and controllen are unsigned
    return ("%s: [name=%s, namelen=%d, iov=%s, iovlen=%d, control=%s, "
            "controllen=%d, flags=%x]\n" % (
                ident, _ptr(name), namelen, _ptr(iov),
                iovlen % (1 << (64 if abi.lp64 else 32)),
                _ptr(control), controllen, flags & 0xFFFFFFFF))


def sockaddr_a(sa: bytes) -> str:
    """``sockaddr_snprintf(..., "%a", sa)`` for local, inet and inet6."""
    if len(sa) < 2:
        return ""
    family = sa[1]
    if family == AF_LOCAL:
        return sa[2:].split(b"\0", 1)[0].decode("latin-1")
    if family == AF_INET and len(sa) >= 8:
        import ipaddress            # not on every run's start-up
        return str(ipaddress.IPv4Address(sa[4:8]))
    if family == AF_INET6 and len(sa) >= 24:
        return _inet6_ntop(sa[8:24])
    return ""


def _inet6_ntop(raw: bytes) -> str:
    import ipaddress
    addr = ipaddress.IPv6Address(raw)
    if addr.ipv4_mapped is not None:
        return "::ffff:%s" % addr.ipv4_mapped
    return addr.compressed


def _soname(ident: str, data: bytes, abi: Abi, warn) -> str:
    return "%s: [%s]\n" % (ident, sockaddr_a(data))


def _control(ident: str, data: bytes, abi: Abi, warn) -> str:
    if len(data) < 12:
        warn("%s: len %d < %d" % (ident, len(data), 12))
    length, level, ctype = struct.unpack(abi.order + "Iii",
                                         data[:12].ljust(12, b"\0"))
    return "%s: [len=%d, level=%d, type=%d]\n" % (ident, length, level, ctype)


def _malloc(ident: str, data: bytes, abi: Abi, warn) -> str:
    st = struct.Struct(abi.order + ("QQQ" if abi.lp64 else "III"))
    if len(data) != st.size:
        warn("%s: len %d != %d" % (ident, len(data), st.size))
    p, s, r = st.unpack(data[:st.size].ljust(st.size, b"\0"))
    if p == 0 and s == 0 and r == 0:
        return "%s: malloc_init()\n" % ident
    if p != 0 and s != 0:
        return "%s: %s = realloc(%s, %d)\n" % (ident, _ptr(r), _ptr(p), s)
    if s == 0:
        return "%s: free(%s)\n" % (ident, _ptr(p))
    return "%s: %s = malloc(%d)\n" % (ident, _ptr(r), s)


def _xattr_name(ident: str, data: bytes, abi: Abi, warn) -> str:
    return "%s: [%s]\n" % (ident, data.split(b"\0", 1)[0].decode("latin-1"))


def _xattr_val(ident: str, data: bytes, abi: Abi, warn) -> str:
    return "%s: %s\n" % (ident, data.hex())


def _xattr_list(ident: str, data: bytes, abi: Abi, warn) -> str:
    out = ident + ":"
    i = 0
    while i < len(data):
        n = data[i]
        i += 1
        out += " " + data[i:i + n].split(b"\0", 1)[0].decode("latin-1")
        i += n
    return out + "\n"


def _misc(ident: str, data: bytes, signed_char: bool) -> str:
    if signed_char and any(b & 0x80 for b in data):
        # 1.115.2.1 prints (unsigned int) of a plain (signed) char
        hexed = "".join("%02x" % (b if b < 0x80 else b + 0xFFFFFF00)
                        for b in data)
    else:
        hexed = data.hex()
    return "%s: %d, %s\n" % (ident, len(data), hexed)


_DECODERS_115 = {"msghdr": _msghdr, "mbsoname": _soname, "mbcontrol": _control}
_DECODERS_140 = dict(_DECODERS_115, malloc=_malloc, **{
    "xattr-name": _xattr_name, "xattr-val": _xattr_val,
    "xattr-list": _xattr_list})


def user_body(ident: str, data: bytes, rev: int, abi: Abi,
              warn: Callable[[str], None]) -> str:
    """The text after the header of a ``KTR_USER`` record (no ``-x``)."""
    if rev >= 140:
        fn = _DECODERS_140.get(ident)
    elif rev >= 115:
        fn = _DECODERS_115.get(ident)
    else:
        fn = None
    if fn is not None:
        return fn(ident, data, abi, warn)
    return _misc(ident, data, signed_char=(rev == 115))
