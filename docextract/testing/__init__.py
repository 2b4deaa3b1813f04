"""Helpers for testing docextract without downloading models.

:func:`write_tiny_vlm` writes a tiny random-weight LLaVA-style GGUF pair (``model.gguf`` +
``mmproj.gguf``) that runs the real llama.cpp code path in a second.
"""

from __future__ import annotations

from docextract.testing.tiny_vlm import write_tiny_vlm

__all__ = ["write_tiny_vlm"]
