"""The engine registry: every engine, built-in or from another package, is an entry point.

An engine is a class (a subclass of :class:`Engine`) registered in the ``docextract.engines``
entry-point group under its name; docextract's own are registered the same way in its
``pyproject.toml``::

    [project.entry-points."docextract.engines"]
    myengine = "my_package.engine:MyEngine"

Only the chosen engine's module is imported. Commands and batch choose and build engines through
:func:`select_engine` alone, which passes the command line's engine options
(:class:`EngineOptions`) to :meth:`Engine.from_options`.
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from docextract.engines.base import Engine, EngineOptions
from docextract.errors import EngineNotFound

__all__ = [
    "ENTRY_POINT_GROUP",
    "Engine",
    "EngineOptions",
    "default_engine_name",
    "engine_class",
    "get_engine",
    "list_engines",
    "select_engine",
]

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "docextract.engines"

# What docextract's pyproject registers, for a checkout whose package metadata is missing or was
# installed before an entry point was added (tests/test_engines.py keeps the two equal).
_OWN = {
    "llama": "docextract.engines.llama.engine:LlamaEngine",
    "openai": "docextract.engines.openai:OpenAIEngine",
    "reader": "docextract.engines.reader:ReaderEngine",
}


@dataclass(frozen=True)
class _Entry:
    name: str
    target: str  # "module:attr"
    dist: str | None  # the distribution that registered it; None for the built-in table

    def load(self) -> Any:
        module, _, attr = self.target.partition(":")
        obj = importlib.import_module(module)
        for part in filter(None, attr.split(".")):
            obj = getattr(obj, part)
        return obj


def _entries() -> dict[str, _Entry]:
    found = {name: _Entry(name, target, None) for name, target in _OWN.items()}
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist.name if ep.dist is not None else None
        if ep.name in _OWN and dist != "docextract":
            # A plugin must not stand in for a built-in: "reader" promises that nothing leaves the machine.
            log.warning("ignoring engine %r from %s: the name belongs to a built-in engine", ep.name, dist)
            continue
        found[ep.name] = _Entry(ep.name, ep.value, dist)
    return found


def list_engines() -> list[str]:
    """The names of every registered engine, built-in and plugin."""
    return sorted(_entries())


def engine_class(name: str) -> type[Engine]:
    """The engine class registered as ``name``; :class:`EngineNotFound` names the known ones."""
    # A built-in name needs no scan of every installed package's entry points (8 ms, about 130
    # files read, at every extract() that is given no engine): no plugin may take its name.
    entry = _Entry(name, _OWN[name], None) if name in _OWN else _entries().get(name)
    if entry is None:
        raise EngineNotFound(
            f"unknown engine {name!r}; known engines: {', '.join(sorted(_entries()))} "
            f"(other packages add engines under the {ENTRY_POINT_GROUP!r} entry point)"
        )
    try:
        cls = entry.load()
    except Exception as exc:  # a broken plugin: say which one, do not crash
        raise EngineNotFound(f"engine {name!r} ({entry.target}, from {entry.dist}) cannot be imported: "
                             f"{type(exc).__name__}: {exc}") from None
    if not (isinstance(cls, type) and issubclass(cls, Engine)):
        raise EngineNotFound(f"engine {name!r} ({entry.target}) is not a docextract.engines.Engine subclass")
    return cls


def get_engine(name: str, **options: Any) -> Engine:
    """Create an engine by name with its constructor's own keywords (``model_path=`` for llama...)."""
    return engine_class(name)(**options)


def default_engine_name(options: EngineOptions | None = None) -> str:
    """``$DOCEXTRACT_ENGINE`` if set, else ``openai`` with a server URL, ``llama`` with a model, else ``reader``."""
    from docextract.defaults import engine_name

    opts = options or EngineOptions()
    return engine_name(os.environ.get("DOCEXTRACT_ENGINE"), base_url=opts.base_url,
                       model=opts.model or os.environ.get("DOCEXTRACT_MODEL"))


def select_engine(engine: str | type[Engine] | None, options: EngineOptions | None = None) -> Engine:
    """The engine a command asks for, built (not loaded) from the command line's engine options.

    ``engine`` is a registered name, an :class:`Engine` subclass, or ``None`` for
    :func:`default_engine_name`. Every command and every batch worker builds its engine here.
    """
    opts = options or EngineOptions()
    if isinstance(engine, type):
        if not issubclass(engine, Engine):
            raise EngineNotFound(f"{engine.__qualname__} is not a docextract.engines.Engine subclass")
        cls = engine
    else:
        cls = engine_class(engine or default_engine_name(opts))
    return cls.from_options(opts)
