"""``KtrDesc``: NetBSD's ``struct ktr_desc``, its queue and its writer thread.

A faithful user-space reimplementation of ``kern_ktrace.c`` 1.130 (the seed):
trace points queue entries on the descriptor of their trace file
(:meth:`KtrDesc.add_entry`, the seed's ``ktraddentry``), and one writer thread
per file (the seed's ``ktrace_thread``) takes the *whole* queue when woken and
writes it with ``writev`` in batches of at most 64 iovecs (``ktrwrite``).
Wake-ups are delayed as in the seed: immediately once more than ``delayqcnt``
entries wait, otherwise after ``wakedelay`` (``intrwakdl`` when the file is a
pipe: ``KTDF_INTERACTIVE``, as ``fktrace`` on a pipe sets it).

One thing cannot be copied: in the kernel, ``ktraddentry(KTA_WAITOK)`` puts
the traced LWP to sleep on ``ktd_sync_cv`` when more than ``maxentry / 2``
entries wait (or ``KTDF_WAIT`` is set).  pyktrace has a single tracer thread
serving every tracee, which must never block, so :meth:`add_entry` returns
:data:`PARK` instead and the caller keeps that one traced thread stopped until
:meth:`can_resume` says the writer has caught up (it cleared ``KTDF_WAIT``) or
``timeout`` has passed -- then ``KTDF_BLOCKING`` is set and nobody waits any
more, exactly as the seed's ``cv_timedwait`` failure does.

Departures from 1.130, on purpose:

* ``KTA_LARGE`` is dead code in the seed (``/* flags & KTA_LARGE */0``) and
  is not copied.
* The drop test is the seed's ``qcount > maxentry`` *before* insertion, so the
  queue may hold ``maxentry + 1`` entries; this bound is kept.
* Losses are never silent: besides the seed's accumulated error report (here
  on stderr), the writer writes a ``KTR_USER`` record ``pyktrace.drop``
  (count as little-endian u64) at the place in the stream of the first loss.
* The v0 time is written in correct microseconds (the seed converts twice).
* After a write error the file is truncated back to the end of the last
  complete record, so a reader never meets half a record.
* ``close()`` stops tracing to the file (``ktrderefall``) and waits for the
  writer to flush what was queued.
"""

from __future__ import annotations

import errno
import os
import select
import stat
import struct
import sys
import threading
import time
from collections.abc import Callable

from ktrace.format import (
    AMD64, KTR_USER, MAXCOMLEN, Abi, Layouts, user_record_body)

# add_entry() results
ADDED = 0     #: queued; resume the traced thread
PARK = 1      #: queued; keep the traced thread stopped until can_resume()
DROPPED = 2   #: queue over maxentry: lost, counted (ENOSPC)
DEAD = 3      #: tracing to this file has ended; the entry was discarded

# ktd_flags
KTDF_WAIT = 0x0001
KTDF_DONE = 0x0002
KTDF_BLOCKING = 0x0004
KTDF_INTERACTIVE = 0x0008
# ktd_error
KTDE_ENOMEM = 0x0001
KTDE_ENOSPC = 0x0002

# Defaults of the seed's patchable variables (KTD_*).
KTD_MAXENTRY = 1000
KTD_TIMEOUT = 5.0        # s
KTD_DELAYQCNT = 100
KTD_WAKEDELAY = 5.0      # s (the seed: 5000 ms)
KTD_INTRWAKDL = 0.1      # s (the seed: 100 ms)

IOV_MAX_BATCH = 64       # aiov[64] in ktrwrite()
DROP_ID = "pyktrace.drop"
_U64 = struct.Struct("<Q")

#: an entry: (ktr_type, pid, lid, comm, payload, CLOCK_REALTIME ns)
Entry = tuple[int, int, int, bytes, bytes, int]


def _stderr_log(message: str) -> None:
    sys.stderr.write(f"pyktrace: {message}\n")
    sys.stderr.flush()


class KtrDesc:
    """One trace file's queue and writer thread (``struct ktr_desc``).

    The caller owns ``fd`` until it hands it over here; the writer closes it
    when tracing to the file ends.  Tunables keep the seed's names and
    defaults; times are in seconds.
    """

    def __init__(self, fd: int, *, version: int = 2, abi: Abi = AMD64,
                 maxentry: int = KTD_MAXENTRY, timeout: float = KTD_TIMEOUT,
                 delayqcnt: int = KTD_DELAYQCNT,
                 wakedelay: float = KTD_WAKEDELAY,
                 intrwakdl: float = KTD_INTRWAKDL, nonblocking: bool = False,
                 on_sync: Callable[[], None] | None = None,
                 on_stop: Callable[[str], None] | None = None,
                 name: str = "ktrace.out",
                 log: Callable[[str], None] = _stderr_log) -> None:
        self.fd = fd
        self.version = version
        self.layouts = Layouts.get(abi)
        self.maxentry = maxentry
        self.timeout = timeout
        self.delayqcnt = delayqcnt
        self.wakedelay = wakedelay
        self.intrwakdl = intrwakdl
        self.nonblocking = nonblocking
        self.name = name
        self._on_sync = on_sync
        self._on_stop = on_stop
        self._log = log

        self._lock = threading.Lock()          # ktrace_lock
        self._cv = threading.Condition(self._lock)   # ktd_cv
        self._queue: list[Entry] = []          # ktd_queue (qcount = len)
        self.flags = 0                         # ktd_flags
        self.error = 0                         # ktd_error
        self.errcnt = 0                        # ktd_errcnt
        # (queue position, entry) of the first loss since the last report
        self._lost_at: tuple[int, Entry] | None = None
        self.lost = 0                          # every loss, for close()
        self.ref_count = 1                     # the creator's reference
        self._woken = False                    # ktd_cv was signalled
        self._callout: float | None = None     # ktd_wakch deadline (monotonic)
        self._timeout_logged = False
        self.stopped = False                   # a write error ended tracing

        st = os.fstat(fd)
        self._regular = stat.S_ISREG(st.st_mode)
        if stat.S_ISFIFO(st.st_mode):
            self.flags |= KTDF_INTERACTIVE
        if nonblocking:
            os.set_blocking(fd, False)
        try:
            self._offset: int | None = os.lseek(fd, 0, os.SEEK_CUR)
        except OSError:
            self._offset = None                # a pipe or socket
        self._thread = threading.Thread(target=self._ktrace_thread,
                                        name=f"ktrace {name}", daemon=True)
        self._thread.start()

    # --- reference counting (ktdref / ktdrel) ------------------------------
    def ref(self) -> None:
        """Take a reference: a traced process now writes to this file."""
        with self._lock:
            self.ref_count += 1

    def rel(self) -> None:
        """Drop a reference; at zero the writer flushes and ends (KTDF_DONE)."""
        with self._lock:
            self.ref_count -= 1
            if self.ref_count <= 0:
                self.flags |= KTDF_DONE
                self._wakeup()

    # --- the trace point side (ktraddentry) --------------------------------
    def add_entry(self, ktype: int, pid: int, lid: int, comm: bytes,
                  payload: bytes, ns: int | None = None,
                  waitok: bool = True) -> int:
        """Queue one record; never blocks.  Returns ADDED, PARK, DROPPED or DEAD.

        ``ns`` is the CLOCK_REALTIME time of the event (default: now);
        ``comm`` at most MAXCOMLEN (16) bytes.  ``waitok`` is ``KTA_WAITOK``:
        with it, PARK means "the seed would make this LWP wait for the
        writer": keep the thread stopped until :meth:`can_resume`.
        """
        if ns is None:
            ns = time.clock_gettime_ns(time.CLOCK_REALTIME)
        with self._lock:
            return self._add_locked((ktype, pid, lid, comm, payload, ns), waitok)

    def add_entries(self, pid: int, lid: int, comm: bytes,
                    records: list[tuple[int, bytes]], ns: int) -> tuple[int, int]:
        """Queue the records of one trace point stop, in order, under one
        acquisition of the lock (the stop loop's common case: a CALL and its
        NAMI, a RET and its GIO).  Each record is treated exactly as by
        :meth:`add_entry` with ``waitok``; it stops after a PARK (the rest
        wait for the thread to be released) or at DEAD.

        Returns ``(result, consumed)``: ADDED (dropped records included:
        they are counted), PARK or DEAD, and how many records were taken.
        """
        with self._lock:
            if self._add_bulk_locked([(ktype, pid, lid, comm, payload, ns)
                                      for ktype, payload in records]):
                return ADDED, len(records)
            for k, (ktype, payload) in enumerate(records):
                r = self._add_locked((ktype, pid, lid, comm, payload, ns), True)
                if r == PARK:
                    return PARK, k + 1
                if r == DEAD:
                    return DEAD, k
        return ADDED, len(records)

    def add_batch(self, entries: list[Entry]) -> bool:
        """Queue the entries of several stops (the C stop loop's batch) if
        none of them could be dropped or make its thread wait; else queue
        nothing and say so (the caller then goes stop by stop)."""
        with self._lock:
            return self._add_bulk_locked(entries)

    def _add_bulk_locked(self, entries: list[Entry]) -> bool:
        """Entries in one go, where each would be ADDED by
        :meth:`_add_locked` with ``waitok``: the queue stays within half of
        ``maxentry`` (where threads start to wait), and the writer's
        wake-up or callout ends as one per entry would leave it."""
        queue = self._queue
        if (self.flags & (KTDF_DONE | KTDF_WAIT | KTDF_BLOCKING)
                or len(queue) + len(entries) > self.maxentry >> 1):
            return False
        queue.extend(entries)
        if len(queue) > self.delayqcnt:
            self._wakeup()
        elif self._callout is None:
            self._arm_callout()
        return True

    def _add_locked(self, entry: Entry, waitok: bool) -> int:
        """ktraddentry() proper; the caller holds the lock."""
        if self.flags & KTDF_DONE:
            return DEAD
        queue = self._queue
        if len(queue) > self.maxentry:
            self._logerr(KTDE_ENOSPC, entry)
            return DROPPED
        queue.append(entry)
        if self.flags & KTDF_BLOCKING:
            return ADDED
        if waitok and (self.flags & KTDF_WAIT
                       or len(queue) > self.maxentry >> 1):
            self.flags |= KTDF_WAIT
            self._wakeup()
            return PARK
        if len(queue) > self.delayqcnt:
            self._wakeup()
        elif self._callout is None:
            self._arm_callout()
        return ADDED

    def _arm_callout(self) -> None:
        """callout_schedule(ktd_wakch): wake the writer after the delay."""
        self._callout = time.monotonic() + (
            self.intrwakdl if self.flags & KTDF_INTERACTIVE else self.wakedelay)
        self._cv.notify()      # the writer re-arms its timed wait

    def log_error(self, error: int, pid: int, lid: int, comm: bytes) -> None:
        """Count an entry a trace point could not build (``ktd_logerrl``),
        as ``ktealloc`` failing with :data:`KTDE_ENOMEM`; the loss is
        reported and recorded like a queue overflow.
        """
        with self._lock:
            self._logerr(error, (KTR_USER, pid, lid, comm, b"",
                                 time.clock_gettime_ns(time.CLOCK_REALTIME)))

    def park_deadline(self) -> float:
        """When a thread parked now must be resumed anyway (``ktd_timeout``)."""
        return time.monotonic() + self.timeout

    def can_resume(self, deadline: float, now: float | None = None) -> bool:
        """May a thread parked with ``deadline`` be resumed?

        Yes once the writer has cleared ``KTDF_WAIT`` (or tracing to the file
        ended); yes too when the deadline has passed, and then
        ``KTDF_BLOCKING`` is set so that no thread waits any more until the
        writer has emptied the queue (the seed's "ktrace timeout").
        """
        with self._lock:
            if not self.flags & KTDF_WAIT or self.flags & KTDF_DONE:
                return True
            if (time.monotonic() if now is None else now) < deadline:
                return False
            self.flags |= KTDF_BLOCKING
            log_it = not self._timeout_logged
            self._timeout_logged = True
        if log_it:
            self._log(f"{self.name}: ktrace timeout: the writer is stuck, "
                      "traced threads no longer wait for it")
        return True

    @property
    def qcount(self) -> int:
        return len(self._queue)

    def close(self) -> int:
        """Stop tracing to this file, flush the queue, close the file.

        Returns the number of records lost over the file's life.
        """
        with self._lock:
            self.flags |= KTDF_DONE
            self._wakeup()
        self._thread.join()
        return self.lost

    # --- internals ----------------------------------------------------------
    def _logerr(self, error: int, entry: Entry) -> None:
        """ktd_logerrl(); the caller holds the lock."""
        self.error |= error
        self.errcnt += 1
        self.lost += 1
        if self._lost_at is None:
            self._lost_at = (len(self._queue), entry)

    def _wakeup(self) -> None:
        """ktd_wakeup(): stop the callout and signal the writer (lock held).
        Once signalled, the writer looks at the queue before it sleeps
        again, so signalling it again until then is a no-op we skip: with
        the queue past ``delayqcnt`` every add wakes it, and a notify costs
        the stop loop ~0.7 us each time while the writer waits for a CPU."""
        self._callout = None
        if not self._woken:
            self._woken = True
            self._cv.notify()

    def _ktrace_thread(self) -> None:
        """The writer thread (``ktrace_thread``)."""
        try:
            self._run()
        finally:
            try:
                os.close(self.fd)
            except OSError:
                pass
            if self._on_sync is not None:
                self._on_sync()        # parked threads may go: we are done

    def _run(self) -> None:
        cv = self._cv
        with cv:
            while True:
                if not self._queue:
                    if self.flags & KTDF_WAIT:
                        self.flags &= ~(KTDF_WAIT | KTDF_BLOCKING)
                        if self._on_sync is not None:
                            self._on_sync()
                    if self.flags & KTDF_DONE:
                        break
                    self._sleep()
                    continue
                batch, self._queue = self._queue, []
                error, errcnt, lost_at = self.error, self.errcnt, self._lost_at
                self.error = self.errcnt = 0
                self._lost_at = None
                cv.release()
                try:
                    if error:
                        where, entry = lost_at
                        batch.insert(where, self._report_loss(error, errcnt, entry))
                    if not self.stopped:
                        self._ktrwrite(batch)
                finally:
                    cv.acquire()

    def _sleep(self) -> None:
        """cv_wait on ktd_cv, with the callout folded into the timeout."""
        self._woken = False
        while not self._woken:
            if self._callout is None:
                self._cv.wait()
                continue
            left = self._callout - time.monotonic()
            if left <= 0:
                self._wakeup()       # ktd_callout fired
            else:
                self._cv.wait(left)

    def _report_loss(self, error: int, errcnt: int, lost_at: Entry) -> Entry:
        """Say what was lost, and build the ``pyktrace.drop`` record for it."""
        why = []
        if error & KTDE_ENOSPC:
            why.append("queue full (ENOSPC)")
        if error & KTDE_ENOMEM:
            why.append("no memory (ENOMEM)")
        self._log(f"{self.name}: {errcnt} trace records lost: {', '.join(why)}")
        _t, pid, lid, comm, _p, ns = lost_at
        body = user_record_body(self.layouts.abi, DROP_ID, _U64.pack(errcnt))
        return (KTR_USER, pid, lid, comm, body, ns)

    def _header(self, e: Entry) -> bytes:
        ktype, pid, lid, comm, payload, ns = e
        sec, nsec = divmod(ns, 1_000_000_000)
        if self.version < 2:               # int32_t tv_sec: wraps in 2038
            sec = (sec + (1 << 31)) % (1 << 32) - (1 << 31)
        if self.version == 0:
            return self.layouts.pack_header(len(payload), ktype, 0, pid,
                                            comm[:MAXCOMLEN], sec, nsec // 1000, 0)
        return self.layouts.pack_header(len(payload), ktype, self.version, pid,
                                        comm[:MAXCOMLEN], sec, nsec, lid)

    def _ktrwrite(self, batch: list[Entry]) -> None:
        """Write entries in writev batches of at most 64 iovecs (``ktrwrite``)."""
        header = self._header
        fast = self.version == 2 and not self.layouts.abi.big_endian
        # v2 little-endian (the default) packs inline: this loop holds the
        # GIL the stop loop needs, so no call per entry that can be avoided
        pack = self.layouts.header[2].pack
        hsize = self.layouts.header_size
        i, n = 0, len(batch)
        while i < n:
            iov: list[bytes] = []
            sizes: list[int] = []
            while i < n and len(iov) < IOV_MAX_BATCH - 1:
                e = batch[i]
                if fast:
                    ktype, pid, lid, comm, payload, ns = e
                    sec, nsec = divmod(ns, 1_000_000_000)
                    iov.append(pack(len(payload), ktype, 2, pid, comm[:MAXCOMLEN],
                                    sec, nsec, lid))
                    size = hsize + len(payload)
                else:
                    payload = e[4]
                    h = header(e)
                    iov.append(h)
                    size = len(h) + len(payload)
                if payload:
                    iov.append(payload)
                sizes.append(size)
                i += 1
            failure = self._writev(iov, sizes)
            if failure is not None:
                done, reason = failure
                self._stop(reason, done, sizes, unwritten_after=n - i)
                return

    def _writev(self, iov: list[bytes], sizes: list[int]
                ) -> tuple[int, str | None] | None:
        """Write one batch completely.

        Returns None on success, else ``(bytes written, message)``; the
        message is None for EPIPE, which the seed does not report either.
        """
        total = sum(sizes)
        done = 0
        while done < total:
            try:
                n = os.writev(self.fd, iov)
            except BlockingIOError:
                if self.nonblocking:
                    return done, "writing would block (-n)"
                select.select([], [self.fd], [], 1.0)   # the seed: kpause()
                continue
            except OSError as e:
                if e.errno == errno.EPIPE:
                    return done, None
                return done, f"write failed: {e.strerror} (errno {e.errno})"
            done += n
            if done < total:
                iov = _advance(iov, n)
        if self._offset is not None:
            self._offset += total
        return None

    def _stop(self, reason: str | None, done: int, sizes: list[int],
              unwritten_after: int) -> None:
        """ktrderefall(): end tracing to this file after a write error.

        The file is cut back to the end of the last complete record; every
        record not written is counted as lost; queued entries are discarded.
        """
        complete = written = 0
        for size in sizes:
            if written + size > done:
                break
            written += size
            complete += 1
        if self._regular and self._offset is not None:
            try:
                os.ftruncate(self.fd, self._offset + written)
            except OSError:
                pass
        with self._lock:
            self.stopped = True
            self.flags |= KTDF_DONE
            lost = len(sizes) - complete + unwritten_after + len(self._queue)
            self.lost += lost
            self._queue.clear()
        message = (f"{self.name}: {reason or 'reader went away (EPIPE)'}; "
                   f"tracing to it stopped, {lost} records not written")
        if reason is not None:
            self._log(message)
        if self._on_stop is not None:
            self._on_stop(message)


def _advance(iov: list[bytes], n: int) -> list[bytes]:
    """Drop the first ``n`` bytes of an iovec list after a short write."""
    for k, buf in enumerate(iov):
        if n < len(buf):
            return [memoryview(buf)[n:], *iov[k + 1:]]
        n -= len(buf)
    return []
