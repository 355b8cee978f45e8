"""Fixtures shared by the tracer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_tracer_basic import compile_c


@pytest.fixture(scope="session")
def cbin(tmp_path_factory) -> Path:
    """The C test programs, compiled once per session."""
    d = tmp_path_factory.mktemp("cbin")
    for name in ("files", "signals", "threads", "texec"):
        compile_c(d, name)
    return d
