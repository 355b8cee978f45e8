"""kdump's ``ioctlname()`` for the terminal and file ioctls.

kdump names ioctl requests from a table that ``usr.bin/kdump/mkioctls``
generates from every header of the installed system; pyktrace has not got
that table.  This module holds the part everyday traces need, the requests
of ``sys/sys/ttycom.h`` and ``sys/sys/filio.h`` (``_IO``/``_IOR``/``_IOW``/
``_IOWR`` of ``sys/ioccom.h``, with NetBSD's ``struct termios`` of 44 bytes
and ``struct winsize`` of 8 on every port).  ``TIOCCBRK`` and ``TIOCSDTR``
are left out as mkioctls leaves them out (their values belong to other
names in its table).  Other requests are decoded as ``_IOR('x',n,len)``.
"""

from __future__ import annotations

from ktrace.dump.decodings import IOC_IN, IOC_OUT, IOC_VOID, IOCPARM_MASK

_INT, _CHAR, _TERMIOS, _WINSIZE = 4, 1, 44, 8
_KIND = {"_IO": IOC_VOID, "_IOR": IOC_OUT, "_IOW": IOC_IN,
         "_IOWR": IOC_IN | IOC_OUT}

_REQUESTS = (
    # sys/sys/ttycom.h
    ("TIOCMODG", "_IOR", "t", 3, _INT), ("TIOCMODS", "_IOW", "t", 4, _INT),
    ("TIOCEXCL", "_IO", "t", 13, 0), ("TIOCNXCL", "_IO", "t", 14, 0),
    ("TIOCFLUSH", "_IOW", "t", 16, _INT),
    ("TIOCGETA", "_IOR", "t", 19, _TERMIOS),
    ("TIOCSETA", "_IOW", "t", 20, _TERMIOS),
    ("TIOCSETAW", "_IOW", "t", 21, _TERMIOS),
    ("TIOCSETAF", "_IOW", "t", 22, _TERMIOS),
    ("TIOCGETD", "_IOR", "t", 26, _INT), ("TIOCSETD", "_IOW", "t", 27, _INT),
    ("TIOCSBRK", "_IO", "t", 123, 0), ("TIOCCDTR", "_IO", "t", 120, 0),
    ("TIOCGPGRP", "_IOR", "t", 119, _INT), ("TIOCSPGRP", "_IOW", "t", 118, _INT),
    ("TIOCOUTQ", "_IOR", "t", 115, _INT), ("TIOCSTI", "_IOW", "t", 114, _CHAR),
    ("TIOCNOTTY", "_IO", "t", 113, 0), ("TIOCPKT", "_IOW", "t", 112, _INT),
    ("TIOCSTOP", "_IO", "t", 111, 0), ("TIOCSTART", "_IO", "t", 110, 0),
    ("TIOCMSET", "_IOW", "t", 109, _INT), ("TIOCMBIS", "_IOW", "t", 108, _INT),
    ("TIOCMBIC", "_IOW", "t", 107, _INT), ("TIOCMGET", "_IOR", "t", 106, _INT),
    ("TIOCREMOTE", "_IOW", "t", 105, _INT),
    ("TIOCGWINSZ", "_IOR", "t", 104, _WINSIZE),
    ("TIOCSWINSZ", "_IOW", "t", 103, _WINSIZE),
    ("TIOCUCNTL", "_IOW", "t", 102, _INT), ("TIOCSTAT", "_IOW", "t", 101, _INT),
    ("TIOCCONS", "_IOW", "t", 98, _INT), ("TIOCSCTTY", "_IO", "t", 97, 0),
    ("TIOCEXT", "_IOW", "t", 96, _INT), ("TIOCSIG", "_IO", "t", 95, 0),
    ("TIOCDRAIN", "_IO", "t", 94, 0), ("TIOCGFLAGS", "_IOR", "t", 93, _INT),
    ("TIOCSFLAGS", "_IOW", "t", 92, _INT),
    # sys/sys/filio.h
    ("FIOCLEX", "_IO", "f", 1, 0), ("FIONCLEX", "_IO", "f", 2, 0),
    ("FIONREAD", "_IOR", "f", 127, _INT), ("FIONBIO", "_IOW", "f", 126, _INT),
    ("FIOASYNC", "_IOW", "f", 125, _INT), ("FIOSETOWN", "_IOW", "f", 124, _INT),
    ("FIOGETOWN", "_IOR", "f", 123, _INT),
)

#: request value -> name
IOCTL_NAMES = {
    _KIND[kind] | (size & IOCPARM_MASK) << 16 | ord(group) << 8 | num: name
    for name, kind, group, num, size in _REQUESTS}
