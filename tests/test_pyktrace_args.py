"""pyktrace's fast option parser agrees with ``getopt`` (which it replaces
to keep ``gettext`` and ``re`` off the start-up path)."""

from __future__ import annotations

import getopt

from hypothesis import given, settings
from hypothesis import strategies as st

from ktrace.cli.pyktrace import _LONG, _SHORT, _getopt, fast_parse

_WORDS = st.sampled_from([
    "-a", "-d", "-i", "-n", "-s", "-ai", "-ain", "-f", "-fout", "-if", "-t",
    "-tcn", "-v", "-v1", "-p", "-g", "-x", "-:", "-", "--", "--maxentry",
    "--maxentry=5", "--max=7", "--m", "--time=1", "--t", "--wakedelay",
    "--intr=3", "--delayq", "--=1", "--nope", "--maxentry=", "ls", "/bin/true",
    "12", "out", "-ia", "-sv", "-s2", "-ptrue", "-", "x=y", "-c", "-C", "-cC",
    "-cp", "--foreground", "--fore", "--f", "--foreground=1", "--foreground=",
])


def _reference(argv: list[str]):
    try:
        return getopt.getopt(argv, _SHORT, list(_LONG))
    except getopt.GetoptError:
        return None


@settings(max_examples=3000)
@given(st.lists(_WORDS, max_size=7))
def test_same_as_getopt(argv: list[str]) -> None:
    ref = _reference(argv)
    got = _getopt(argv)
    if ref is None:
        assert got is None
    else:
        assert got == (ref[0], ref[1])


def test_fast_parse_examples() -> None:
    kw = fast_parse(["-f", "out", "-it", "cn", "--max=10", "make", "-j4"])
    assert kw is not None
    assert (kw["trfile"], kw["inherit"], kw["trstr"], kw["maxentry"],
            kw["command"]) == ("out", True, "cn", 10, ("make", "-j4"))
    assert fast_parse(["-h"]) is None          # click explains
    assert fast_parse(["-v", "3", "ls"]) is None
