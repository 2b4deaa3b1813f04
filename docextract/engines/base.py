"""The one interface every engine implements: an image (or images), a prompt and a schema in, text out.

Engines know nothing about documents, pages, tiles, merging or export.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from docextract.types import EngineOutput, EngineRequest


class Engine(ABC):
    """Base class of extraction engines.

    Attributes:
        name: registry name (``llama``, ``reader``, ``openai``).
        tile_size: the square side the engine's image encoder sees natively; ``None`` means the
            engine wants whole pages (the OCR reader).
        structured: True when :meth:`generate` fills ``EngineOutput.data`` itself (no JSON parsing).
        vision: True when the engine understands images beyond their text (captions, Q&A).
        local: False only for engines that send images to another machine.
    """

    name: ClassVar[str] = "engine"
    structured: ClassVar[bool] = False
    vision: ClassVar[bool] = True
    local: ClassVar[bool] = True
    tile_size: int | None = None

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
