"""KTR_USER records for socket messages (``-t u``), as NetBSD's Linux emulation
writes them (``linux_socket.c`` and ``uipc_syscalls.c``, ``ktrkuser``).

``sendmsg``: ``mbsoname`` (the destination, converted to a NetBSD sockaddr),
``mbcontrol`` (the control messages converted to NetBSD's cmsghdr layout),
then ``msghdr`` (NetBSD's ``struct msghdr``), before the data record.
``recvmsg``: after the data, ``mbsoname`` (the source), ``msgcontrol`` (the
kernel really spells it so on this path) and ``msghdr`` as returned.
The structs are NetBSD/amd64's: that is the kernel that writes the file.
"""

from __future__ import annotations

import struct

from ktrace.format import AMD64, user_record_body
from ktrace.tracer.ptrace import AUDIT_ARCH_I386, Memory

#: NetBSD/amd64 struct msghdr: name, namelen, iov, iovlen, control, controllen, flags
NETBSD_MSGHDR = struct.Struct("<QI4xQi4xQIi")
#: Linux struct msghdr per tracee architecture, same field order
_LINUX_MSGHDR = {AUDIT_ARCH_I386: struct.Struct("<IIIIIIi")}
_LINUX_MSGHDR_64 = struct.Struct("<QI4xQQQQi4x")
_NETBSD_CMSG = struct.Struct("<Iii")
_NETBSD_CMSG_DATA = 16                     # CMSG_ALIGN(12) on amd64
_LINUX_CMSG = {AUDIT_ARCH_I386: (struct.Struct("<Iii"), 4)}
_LINUX_CMSG_64 = (struct.Struct("<Qii"), 8)
LINUX_SOL_SOCKET, NETBSD_SOL_SOCKET = 1, 0xFFFF
_FAMILY = {10: 24}                         # AF_INET6; AF_UNIX and AF_INET agree
MAX_CONTROL = 4096


def _align(n: int, a: int) -> int:
    return (n + a - 1) & ~(a - 1)


def read_msghdr(mem: Memory, arch: int, addr: int) -> tuple | None:
    """(name, namelen, iov, iovlen, control, controllen, flags) of a Linux msghdr."""
    lay = _LINUX_MSGHDR.get(arch, _LINUX_MSGHDR_64)
    raw = mem.read(addr, lay.size)
    return lay.unpack(raw) if len(raw) == lay.size else None


def netbsd_sockaddr(raw: bytes) -> bytes:
    """Linux ``sa_family`` (16 bits) becomes NetBSD's ``sa_len``, ``sa_family``."""
    if len(raw) < 2:
        return raw
    family = int.from_bytes(raw[:2], "little")
    return bytes((len(raw) & 0xFF, _FAMILY.get(family, family) & 0xFF)) + raw[2:]


def netbsd_control(raw: bytes, arch: int) -> bytes:
    """Linux control messages laid out as NetBSD/amd64 cmsghdrs."""
    lay, align = _LINUX_CMSG.get(arch, _LINUX_CMSG_64)
    out = []
    at = 0
    while at + lay.size <= len(raw):
        length, level, ctype = lay.unpack_from(raw, at)
        if length < lay.size or at + length > len(raw):
            break
        data = raw[at + lay.size:at + length]
        if level == LINUX_SOL_SOCKET:
            level = NETBSD_SOL_SOCKET
        head = _NETBSD_CMSG.pack(_NETBSD_CMSG_DATA + len(data), level, ctype)
        out.append(head.ljust(_NETBSD_CMSG_DATA, b"\0")
                   + data.ljust(_align(len(data), 8), b"\0"))
        at += _align(length, align)
    return b"".join(out)


def message_records(mem: Memory, arch: int, msg: tuple, sending: bool) -> list[bytes]:
    """USER payloads for one message, in NetBSD's order for its direction."""
    name, namelen, iov, iovlen, control, controllen, flags = msg
    out = []
    if name and namelen:
        out.append(user_record_body(AMD64, "mbsoname",
                                    netbsd_sockaddr(mem.read(name, min(namelen, 128)))))
    if control and controllen:
        raw = mem.read(control, min(controllen, MAX_CONTROL))
        out.append(user_record_body(AMD64, "mbcontrol" if sending else "msgcontrol",
                                    netbsd_control(raw, arch)))
    out.append(user_record_body(AMD64, "msghdr", NETBSD_MSGHDR.pack(
        name, namelen, iov, iovlen, control, controllen, flags)))
    return out
