"""Shared fixtures: environment isolation and the tiny vision model (see conftest_llama.py)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest
from conftest_llama import tiny_engine, tiny_vlm  # noqa: F401 - fixtures re-exported for all tests


@pytest.fixture(autouse=True)
def _clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """No DOCEXTRACT_* settings from the developer's shell leak into a test."""
    for key in list(os.environ):
        if key.startswith("DOCEXTRACT_"):
            monkeypatch.delenv(key)


@pytest.fixture(autouse=True, scope="session")
def _ctrl_c_reaches_started_processes() -> Iterator[None]:
    """The processes tests start get Ctrl-C as at a terminal. A shell starts a background job with
    SIGINT ignored, which every child inherits and docextract rightly keeps (as Python does): run
    so, the tests that press Ctrl-C would wait for a process that never hears it."""
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # reset to the default at exec
    yield
    signal.signal(signal.SIGINT, previous)
