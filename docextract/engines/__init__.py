"""Engine registry. Built-ins are import strings, so nothing heavy loads until an engine is chosen."""

from __future__ import annotations

import importlib
from typing import Any

from docextract.engines.base import Engine
from docextract.errors import EngineNotFound

BUILTIN_ENGINES: dict[str, str] = {
    "llama": "docextract.engines.llama.engine:LlamaEngine",
    "reader": "docextract.engines.reader:ReaderEngine",
    "openai": "docextract.engines.openai:OpenAIEngine",
}


def list_engines() -> list[str]:
    return sorted(BUILTIN_ENGINES)


def get_engine(name: str, **options: Any) -> Engine:
    """Create an engine by name (``llama``, ``reader``, ``openai``) with its options."""
    try:
        target = BUILTIN_ENGINES[name]
    except KeyError:
        raise EngineNotFound(
            f"unknown engine {name!r}; known engines: {', '.join(list_engines())}"
        ) from None
    module_name, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module_name), attr)
    return cls(**options)


__all__ = ["BUILTIN_ENGINES", "Engine", "get_engine", "list_engines"]
