"""Helpers for testing docextract without downloading models.

:class:`FakeEngine` answers with the outputs it is given and records the requests, so code built on
docextract can be tested without any model.
:func:`write_tiny_vlm` writes a tiny random-weight LLaVA-style GGUF pair (``model.gguf`` +
``mmproj.gguf``) that runs the real llama.cpp code path in a second.
"""

from __future__ import annotations

from pathlib import Path

from docextract.testing.fake import FakeEngine


def write_tiny_vlm(outdir: str | Path, image_size: int = 224, **options: object) -> tuple[Path, Path]:
    """See :func:`docextract.testing.tiny_vlm.write_tiny_vlm` (imported lazily so that
    ``python -m docextract.testing.tiny_vlm`` runs the module only once)."""
    from docextract.testing import tiny_vlm

    return tiny_vlm.write_tiny_vlm(outdir, image_size, **options)  # type: ignore[arg-type]


__all__ = ["FakeEngine", "write_tiny_vlm"]
