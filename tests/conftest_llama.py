"""Pytest plugin: the tiny random-weight vision model, generated once per test session.

Register from ``tests/conftest.py`` with ``pytest_plugins = ["tests.conftest_llama"]`` (or run
``pytest -p tests.conftest_llama``).

Fixtures:
    tiny_vlm: ``(model_path, mmproj_path)`` of a 224-px LLaVA-style GGUF pair in a temp dir.
    tiny_engine: a loaded :class:`~docextract.engines.llama.LlamaEngine` on that pair (shared;
        do not close it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from docextract.engines.llama.engine import LlamaEngine


@pytest.fixture(scope="session")
def tiny_vlm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Write the tiny model once per session; returns (model.gguf, mmproj.gguf)."""
    pytest.importorskip("gguf")
    from docextract.testing.tiny_vlm import write_tiny_vlm

    return write_tiny_vlm(tmp_path_factory.mktemp("tiny_vlm"), image_size=224)


@pytest.fixture(scope="session")
def tiny_engine(tiny_vlm: tuple[Path, Path]) -> Iterator[LlamaEngine]:
    """The llama engine on the tiny model, loaded once per session."""
    pytest.importorskip("llama_cpp")
    from docextract.engines.llama.engine import LlamaEngine

    # One thread: the tiny model gains nothing from more, and on a busy machine ggml's spinning
    # worker threads slow each call down ten-fold.
    engine = LlamaEngine(*tiny_vlm, n_threads=1)
    engine.load()
    yield engine
    engine.close()
