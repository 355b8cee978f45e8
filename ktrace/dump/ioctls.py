"""ioctl request names: kdump's ``ioctlname()``, and Linux's own.

NetBSD's kdump names requests from a table that ``usr.bin/kdump/mkioctls``
generates from every installed header.  pyktrace generates the part of it
NetBSD traces most often need with ``scripts/gen_ioctls.py``: the headers
mkioctls is always given (``sys/sys/ttycom.h``, ``sys/sys/filio.h``,
``sys/sys/sockio.h`` through ``sys/ioctl.h``, ``sys/sys/ioctl_compat.h``)
and ``sys/sys/dkio.h``, ``fdio.h``, ``mtio.h``, ``audioio.h``,
``drvctlio.h`` and ``net/if_tun.h``, leaving out the names mkioctls leaves
out (its keep list: ``TIOCCBRK``, ``TIOCSDTR``, ``TIOCHPCL``,
``SIOCSLOWAT``, ``TUNSLMODE``...: their values belong to other names in its
table).  Requests of other headers are decoded as ``_IOR('x',n,len)``,
where NetBSD's kdump may know a name.

The default face shows ``linux``/``linux32`` processes with the names of
Linux's uapi headers (``asm-generic/ioctls.h``, ``asm-generic/sockios.h``,
``linux/sockios.h``): ``TCGETS`` for 0x5401.  ``--netbsd`` keeps kdump's
table for them too, as kdump does whatever the emulation.
"""

from __future__ import annotations

from ktrace.dump._ioctl_names import LINUX_IOCTLS, NETBSD_IOCTLS

#: NetBSD/amd64 request value -> name
IOCTL_NAMES = NETBSD_IOCTLS
#: Linux x86 request value -> name
LINUX_IOCTL_NAMES = LINUX_IOCTLS
