"""Shared fixtures: environment isolation and the tiny vision model (see conftest_llama.py)."""

from __future__ import annotations

import os

import pytest
from conftest_llama import tiny_engine, tiny_vlm  # noqa: F401 - fixtures re-exported for all tests


@pytest.fixture(autouse=True)
def _clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """No DOCEXTRACT_* settings from the developer's shell leak into a test."""
    for key in list(os.environ):
        if key.startswith("DOCEXTRACT_"):
            monkeypatch.delenv(key)
