"""pykdump's input: :class:`ktrace.tracefile.Reader`, other systems named.

The reader does the work (ABI probing, offsets, follow mode, damage
reports); pykdump adds one refusal: a FreeBSD, OpenBSD or macOS trace file
is named in the error instead of being misread as NetBSD's.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:                  # typing costs start-up; annotations are lazy
    from typing import BinaryIO

from ktrace.dump.foreign import foreign_format
from ktrace.format import Abi
from ktrace.tracefile import NotNetBSD, Reader

__all__ = ["NotNetBSD", "open_records"]


def _vet(head: bytes, abi: Abi | None) -> None:
    other = foreign_format(head, abi)
    if other is not None:
        raise NotNetBSD(f"is {other} ktrace file; this reads NetBSD's")


def open_records(f: BinaryIO, abi: Abi | None = None,
                 follow: bool = False) -> Reader:
    """A record reader over ``f`` that refuses other systems' trace files."""
    return Reader(f, abi, follow, vet=_vet)
