"""pykdump: NetBSD kdump's output for ktrace.out files, and what kdump never had.

One decoder, several outputs:

* :mod:`~ktrace.dump.stream` reads records as a stream (offsets, follow
  mode, probing, other systems' files named by :mod:`~ktrace.dump.foreign`);
* :mod:`~ktrace.dump.face` prints them as kdump.c does (``--netbsd``, and
  the default face with Linux's truths), helped by
  :mod:`~ktrace.dump.emulation` (setemul.c's contexts), :mod:`~ktrace.dump.vis`,
  :mod:`~ktrace.dump.hexdump`, :mod:`~ktrace.dump.decodings`,
  :mod:`~ktrace.dump.ioctls` and :mod:`~ktrace.dump.user`;
* beyond kdump: :mod:`~ktrace.dump.decode` (strace-style lines),
  :mod:`~ktrace.dump.summary` (tables), :mod:`~ktrace.dump.jsonout`, and
  the filters of :mod:`~ktrace.dump.select`;
* :mod:`~ktrace.dump.run` drives them for the ``pykdump`` command.
"""
