"""The one interface every engine implements: an image (or images), a prompt and a schema in, text out.

Engines know nothing about documents, pages, tiles, merging or export.
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from docextract.types import EngineOutput, EngineRequest


@dataclass(frozen=True)
class EngineOptions:
    """The engine options of every command: ``--model``, ``--mmproj``, ``--handler``, ``--base-url``,
    ``-vv`` (``verbose``), and ``threads`` (the CPU threads an engine may use; batch shares the cores
    among its workers). ``None`` means not given."""

    model: str | None = None
    mmproj: str | None = None
    handler: str | None = None
    base_url: str | None = None
    verbose: bool = False
    threads: int | None = None
    allow_remote: bool = False  # --allow-remote: a server not on this machine may be sent images

    def given(self) -> dict[str, Any]:
        """The options that were given, by name."""
        return {k: v for k, v in vars(self).items() if v is not None and v is not False}


class Engine(ABC):
    """Base class of extraction engines.

    Attributes:
        name: registry name (``llama``, ``reader``, ``openai``).
        tile_size: the square side the engine's image encoder sees natively; ``None`` means the
            engine wants whole pages (the OCR reader).
        structured: True when :meth:`generate` fills ``EngineOutput.data`` itself (no JSON parsing).
        vision: True when the engine understands images beyond their text (captions, Q&A).
        wants_words: True when the engine reads the page's words (``EngineRequest.words``: the text
            layer, else OCR from the page stage), as the offline reader does.
        local: False only for engines that send images to another machine.
    """

    name: ClassVar[str] = "engine"
    structured: ClassVar[bool] = False
    vision: ClassVar[bool] = True
    wants_words: ClassVar[bool] = False
    local: ClassVar[bool] = True
    tile_size: int | None = None

    @classmethod
    def from_options(cls, options: EngineOptions) -> Engine:
        """Build the engine from the command line's engine options.

        By default the given options are passed as keywords of the same names (``model=``,
        ``base_url=``...), each one only if the constructor takes it: ``--model`` set in the
        environment must not break an engine that has no use for it. Override to map or check them.
        """
        params = inspect.signature(cls).parameters
        if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
            return cls(**options.given())
        return cls(**{k: v for k, v in options.given().items() if k in params})

    def load(self) -> None:  # noqa: B027 - optional hook
        """Heavy initialisation (weights, OCR models, HTTP client). Idempotent."""

    @abstractmethod
    def generate(self, request: EngineRequest) -> EngineOutput:
        """Run the engine on one request."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release native resources."""

    @property
    def model_id(self) -> str | None:
        """A short identifier of the model in use (file name, server model name)."""
        return None

    def describe(self) -> dict[str, Any]:
        return {"engine": self.name, "model": self.model_id, "tile_size": self.tile_size}

    def __enter__(self) -> Engine:
        self.load()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
