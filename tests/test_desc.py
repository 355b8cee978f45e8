"""KtrDesc with real files, pipes and full devices.

The tests play the tracer's part: they add entries and honour PARK the way
the ptrace loop does, by not adding for that thread until ``can_resume``.
"""

from __future__ import annotations

import os
import struct
import threading
import time
from pathlib import Path

import pytest

from ktrace import desc as d
from ktrace.format import (
    AMD64, I386, KTR_GENIO, KTR_NAMEI, KTR_USER, Layouts, PAGE_SIZE)
from ktrace.tracefile import read_all


class Messages(list):
    """A log sink: what the desc would print on stderr."""

    def __call__(self, message: str) -> None:
        self.append(message)


def new_file(tmp_path: Path, name: str = "ktrace.out") -> tuple[int, Path]:
    path = tmp_path / name
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), path


def wait_for(cond, limit: float = 10.0) -> bool:
    """Poll a condition (not a timing assertion: the limit only ends hangs)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.01)
    return cond()


def drain(fd: int, into: bytearray) -> threading.Thread:
    def run() -> None:
        while chunk := os.read(fd, 65536):
            into.extend(chunk)
    t = threading.Thread(target=run)
    t.start()
    return t


def fill_pipe(wfd: int) -> int:
    """Fill a pipe so that the next blocking write blocks; return the count."""
    os.set_blocking(wfd, False)
    n = 0
    try:
        while True:
            n += os.write(wfd, b"\0" * 4096)
    except BlockingIOError:
        pass
    os.set_blocking(wfd, True)
    return n


def test_records_parse_back_in_order(tmp_path: Path) -> None:
    fd, path = new_file(tmp_path)
    desc = d.KtrDesc(fd, maxentry=50)
    sync = threading.Event()
    desc._on_sync = sync.set
    per_thread = 3000

    def tracee(lid: int) -> None:
        for seq in range(per_thread):
            while True:
                r = desc.add_entry(KTR_NAMEI, 100, lid, b"worker",
                                   b"/path/%d" % seq)
                assert r in (d.ADDED, d.PARK)
                break
            if r == d.PARK:
                deadline = desc.park_deadline()
                while not desc.can_resume(deadline):
                    sync.wait(0.05)
                    sync.clear()

    threads = [threading.Thread(target=tracee, args=(lid,)) for lid in (1, 2, 3, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert desc.close() == 0
    recs = read_all(path.read_bytes())
    assert len(recs) == 4 * per_thread
    for lid in (1, 2, 3, 4):
        mine = [r.payload for r in recs if r.lid == lid]
        assert mine == [b"/path/%d" % seq for seq in range(per_thread)]
    assert all(r.type == KTR_NAMEI and r.command == "worker" for r in recs)


def test_slow_writer_parks_then_blocks_then_drops(tmp_path: Path) -> None:
    rfd, wfd = os.pipe()
    stuffing = fill_pipe(wfd)       # the writer will block on its first write
    log = Messages()
    desc = d.KtrDesc(wfd, maxentry=40, timeout=0.2, log=log)
    assert desc.flags & d.KTDF_INTERACTIVE
    payload = b"x" * 2000
    results = []
    highest = 0
    # add until the seed would make the thread wait
    while (r := desc.add_entry(KTR_GENIO, 7, 7, b"cat", payload)) != d.PARK:
        results.append(r)
        highest = max(highest, desc.qcount)
    results.append(r)
    deadline = desc.park_deadline()
    assert not desc.can_resume(deadline, now=deadline - 0.1)
    # the writer is stuck on the full pipe: the timeout frees the thread
    assert wait_for(lambda: desc.can_resume(deadline))
    assert desc.flags & d.KTDF_BLOCKING
    assert any("ktrace timeout" in m for m in log)
    for _ in range(500):
        results.append(desc.add_entry(KTR_GENIO, 7, 7, b"cat", payload))
        highest = max(highest, desc.qcount)
    assert highest <= desc.maxentry + 1
    dropped = results.count(d.DROPPED)
    assert dropped > 0 and d.PARK not in results[results.index(d.PARK) + 1:]
    data = bytearray()
    reader = drain(rfd, data)
    assert desc.close() == dropped
    reader.join()
    os.close(rfd)
    recs = read_all(bytes(data[stuffing:]))
    drops = [r for r in recs if r.type == KTR_USER]
    assert len(drops) == 1
    user = Layouts.get(AMD64).user
    (ident,) = user.unpack_from(drops[0].payload)
    assert ident.rstrip(b"\0") == b"pyktrace.drop"
    assert struct.unpack("<Q", drops[0].payload[user.size:]) == (dropped,)
    # the drop record stands where the loss happened: after every record
    # that was queued before it, and all the data records are intact
    assert recs[-1] is drops[0]
    assert len(recs) - 1 == len(results) - dropped
    assert any(f"{dropped} trace records lost" in m for m in log)


def test_closed_pipe_stops_tracing_quietly(tmp_path: Path) -> None:
    rfd, wfd = os.pipe()
    os.close(rfd)
    log = Messages()
    stopped = []
    desc = d.KtrDesc(wfd, delayqcnt=0, log=log, on_stop=stopped.append)
    assert desc.add_entry(KTR_NAMEI, 1, 1, b"sh", b"/bin/sh") == d.ADDED
    assert desc.add_entry(KTR_NAMEI, 1, 1, b"sh", b"/bin/sh") == d.ADDED
    assert wait_for(lambda: desc.stopped)
    assert desc.add_entry(KTR_NAMEI, 1, 1, b"sh", b"/bin/sh") == d.DEAD
    assert desc.close() >= 1
    assert log == []               # EPIPE is not reported, as in the seed
    assert len(stopped) == 1 and "EPIPE" in stopped[0]


def test_full_device_stops_tracing_with_a_message() -> None:
    fd = os.open("/dev/full", os.O_WRONLY)
    log = Messages()
    stopped = []
    desc = d.KtrDesc(fd, log=log, on_stop=stopped.append, name="/dev/full")
    for i in range(5):
        desc.add_entry(KTR_NAMEI, 1, 1, b"sh", b"/etc/%d" % i)
    assert desc.close() == 5
    assert len(log) == 1 and "No space left on device" in log[0]
    assert "5 records not written" in log[0]
    assert stopped == log


def test_disk_full_leaves_only_complete_records(tiny_tmpfs: Path) -> None:
    fd, path = new_file(tiny_tmpfs)
    log = Messages()
    desc = d.KtrDesc(fd, log=log, wakedelay=60)
    data = bytes(range(256)) * 15                # 3840 bytes of GIO data
    n = 0
    while n < 20:
        r = desc.add_entry(KTR_GENIO, 5, 5, b"dd",
                           struct.pack("<ii", 1, 1) + data)
        assert r in (d.ADDED, d.DEAD)
        n += 1
    lost = desc.close()
    assert lost > 0 and len(log) == 1 and "No space left" in log[0]
    recs = read_all(path.read_bytes())
    assert len(recs) + lost == 20
    assert all(r.payload[8:] == data for r in recs)
    assert path.stat().st_size == len(recs) * (56 + 8 + len(data))


def test_close_flushes_everything_queued(tmp_path: Path) -> None:
    fd, path = new_file(tmp_path)
    desc = d.KtrDesc(fd, wakedelay=3600)       # no wake-up would come
    for i in range(10):
        assert desc.add_entry(KTR_NAMEI, 2, 3, b"ls", b"/%d" % i) == d.ADDED
    assert path.stat().st_size == 0            # still queued, delayed
    desc.close()
    assert [r.payload for r in read_all(path.read_bytes())] == \
        [b"/%d" % i for i in range(10)]


def test_wakeup_is_immediate_past_delayqcnt(tmp_path: Path) -> None:
    fd, path = new_file(tmp_path)
    desc = d.KtrDesc(fd, wakedelay=3600, delayqcnt=5)
    for i in range(5):
        desc.add_entry(KTR_NAMEI, 2, 3, b"ls", b"/a")
    assert desc.qcount == 5                    # below delayqcnt: the callout
    desc.add_entry(KTR_NAMEI, 2, 3, b"ls", b"/a")
    assert wait_for(lambda: path.stat().st_size == 6 * (56 + 2))
    desc.close()


def test_callout_fires_after_wakedelay(tmp_path: Path) -> None:
    fd, path = new_file(tmp_path)
    desc = d.KtrDesc(fd, wakedelay=0.05)
    desc.add_entry(KTR_NAMEI, 2, 3, b"ls", b"/a")
    assert wait_for(lambda: path.stat().st_size == 56 + 2)
    desc.close()


def test_nonblocking_mode_stops_when_the_pipe_is_full() -> None:
    rfd, wfd = os.pipe()
    log = Messages()
    desc = d.KtrDesc(wfd, nonblocking=True, delayqcnt=0, log=log)
    for _ in range(100):
        desc.add_entry(KTR_GENIO, 1, 1, b"yes", b"\0" * 4000, waitok=False)
    assert wait_for(lambda: desc.stopped)
    assert "would block" in log[0]
    desc.close()
    os.close(rfd)


def test_blocking_mode_retries_eagain() -> None:
    rfd, wfd = os.pipe()
    os.set_blocking(wfd, False)                # inherited O_NONBLOCK
    desc = d.KtrDesc(wfd, delayqcnt=0)
    for i in range(100):
        desc.add_entry(KTR_GENIO, 1, 1, b"yes", b"%04d" % i + b"\0" * 4000,
                       waitok=False)
    data = bytearray()
    reader = drain(rfd, data)
    assert desc.close() == 0
    reader.join()
    recs = read_all(bytes(data))
    assert [r.payload[:4] for r in recs] == [b"%04d" % i for i in range(100)]


def test_reference_counting_ends_the_writer(tmp_path: Path) -> None:
    fd, path = new_file(tmp_path)
    desc = d.KtrDesc(fd)
    desc.ref()                                  # one traced process
    desc.rel()                                  # the creator lets go
    assert desc.add_entry(KTR_NAMEI, 1, 1, b"a", b"/x") == d.ADDED
    desc.rel()                                  # the process is gone
    assert wait_for(lambda: not desc._thread.is_alive())
    assert desc.add_entry(KTR_NAMEI, 1, 1, b"a", b"/y") == d.DEAD
    with pytest.raises(OSError):
        os.fstat(fd)                            # the writer closed the file
    assert [r.payload for r in read_all(path.read_bytes())] == [b"/x"]


@pytest.mark.parametrize("version", [0, 1, 2])
def test_versions_and_times(tmp_path: Path, version: int) -> None:
    fd, path = new_file(tmp_path)
    desc = d.KtrDesc(fd, version=version, abi=I386)
    ns = 1_700_000_000 * 10**9 + 123_456_789
    desc.add_entry(KTR_NAMEI, 9, 10, b"a-very-long-command-name", b"/", ns=ns)
    desc.close()
    (r,) = read_all(path.read_bytes(), I386)
    assert (r.version, r.pid, r.sec) == (version, 9, 1_700_000_000)
    assert r.frac == (123_456 if version == 0 else 123_456_789)
    assert r.lid == (0 if version == 0 else 10)
    assert r.comm == b"a-very-long-comm\0"


def test_gio_page_constant() -> None:
    assert PAGE_SIZE - 8 == 4088


def test_entries_the_tracer_could_not_build_are_reported(tmp_path: Path) -> None:
    fd, path = new_file(tmp_path)
    log = Messages()
    desc = d.KtrDesc(fd, log=log)
    desc.add_entry(KTR_NAMEI, 4, 4, b"sh", b"/before")
    desc.log_error(d.KTDE_ENOMEM, 4, 5, b"sh")
    desc.add_entry(KTR_NAMEI, 4, 4, b"sh", b"/after")
    assert desc.close() == 1
    assert log == ["ktrace.out: 1 trace records lost: no memory (ENOMEM)"]
    recs = read_all(path.read_bytes())
    assert [r.type for r in recs] == [KTR_NAMEI, KTR_USER, KTR_NAMEI]
    assert recs[1].lid == 5 and recs[1].payload.endswith(struct.pack("<Q", 1))


def test_add_entries_treats_each_record_as_add_entry() -> None:
    """One stop's records queued at once: PARK after the record that
    crosses maxentry/2 (the rest are not taken), DEAD once tracing ended."""
    rfd, wfd = os.pipe()
    stuffing = fill_pipe(wfd)       # the writer blocks: the queue only grows
    desc = d.KtrDesc(wfd, maxentry=8, timeout=0.2, log=Messages())
    recs = [(KTR_GENIO, b"%d" % i) for i in range(7)]
    assert desc.add_entries(7, 7, b"cat", recs[:3], 1) == (d.ADDED, 3)
    assert desc.add_entries(7, 7, b"cat", recs[3:], 2) == (d.PARK, 2)
    data = bytearray()
    reader = drain(rfd, data)
    desc.close()
    reader.join()
    os.close(rfd)
    assert [r.payload for r in read_all(bytes(data[stuffing:]))] == [
        p for _, p in recs[:5]]
    assert desc.add_entries(7, 7, b"cat", recs, 3) == (d.DEAD, 0)
