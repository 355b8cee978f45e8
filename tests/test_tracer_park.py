"""Threads held for the writer (design §6): with a tiny queue every stop
parks, and the trace is still complete, in order, with nothing dropped."""

from __future__ import annotations

from test_tracer_basic import decode, trace


def _shape(recs):
    return [(r.lid, decode(r)[:2]) for r in recs]


def test_tiny_queue_parks_but_loses_nothing(tmp_path, cbin):
    target = tmp_path / "data.txt"
    target.write_bytes(b"hello")
    argv = [str(cbin / "files"), str(target)]
    _, normal = trace(tmp_path, argv, trfile="a.out")
    proc, parked = trace(tmp_path, argv, "--maxentry", "4", "--wakedelay", "20",
                         trfile="b.out")
    assert proc.stderr == b""
    assert not [r for r in parked if decode(r)[0] == "USER"]     # no pyktrace.drop
    assert [decode(r)[:2] for r in parked] == [decode(r)[:2] for r in normal]
    gio = [decode(r) for r in parked if decode(r)[0] == "GIO"]
    assert sum(len(g[3]) for g in gio if g[2] == 1) == 10005


def test_tiny_queue_with_threads(tmp_path, cbin):
    # a generous ktd_timeout: a writer starved by a loaded machine for the
    # default 5 s would rightly let threads go and drop (and say so)
    proc, recs = trace(tmp_path, [str(cbin / "threads")], "--maxentry", "8",
                       "--wakedelay", "10", "--timeout", "120")
    assert proc.stderr == b""
    pid = recs[0].pid
    for lid in {r.lid for r in recs} - {pid}:
        mine = [decode(r)[0] for r in recs if r.lid == lid]
        # every call of a worker has its RET, in order
        assert mine.count("CALL") - mine.count("RET") <= 1
        assert mine.count("RET") >= 5
