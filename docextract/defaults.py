"""Which engine a run uses when none is named: decided here once, for the library
(:func:`docextract.engines.default_engine_name`) and for the command line's early start of its
reading process (:func:`docextract.cli.prestart`), which must decide before anything heavy is imported."""

from __future__ import annotations

__all__ = ["engine_name"]


def engine_name(named: str | None, *, base_url: str | None, model: str | None) -> str:
    """The engine ``named``, else ``openai`` with a server URL, ``llama`` with a model, else the
    offline ``reader``."""
    if named:
        return named
    if base_url:
        return "openai"
    return "llama" if model else "reader"
