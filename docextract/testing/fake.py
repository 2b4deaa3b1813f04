"""An engine that answers with what it is given, to test code that uses docextract without a model."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Union

from docextract.engines.base import Engine
from docextract.errors import EngineError
from docextract.types import EngineOutput, EngineRequest

Answer = Union[Mapping[str, Any], str, EngineOutput]


class FakeEngine(Engine):
    """Returns the given output(s) as a vision model's answers, and records every request.

    ``outputs`` is one answer for every request, a list of answers given in turn (one per tile or
    re-ask; running out is an engine error), or a function of the :class:`EngineRequest`. An answer
    is a dict (sent as its JSON text, so parsing, validation and re-asks run as for a real model),
    a string (raw model text, to test what happens with broken output) or an :class:`EngineOutput`::

        engine = FakeEngine({"merchant_name": "Corner Shop", "total": "4.20"})
        result = docextract.extract("receipt.png", "receipt", engine=engine)
        assert result.data.total == Decimal("4.20") and len(engine.requests) == 1
    """

    name: ClassVar[str] = "fake"

    def __init__(self, outputs: Answer | Sequence[Answer] | Callable[[EngineRequest], Answer], *,
                 tile_size: int | None = None, vision: bool = True) -> None:
        self._outputs = outputs
        self._turn = 0
        self.tile_size = tile_size  # None: one request per page, as the reader gets
        self.vision = vision  # type: ignore[misc]  # per instance
        self.requests: list[EngineRequest] = []

    @property
    def model_id(self) -> str | None:
        return "fake"

    def generate(self, request: EngineRequest) -> EngineOutput:
        self.requests.append(request)
        answer = self._next(request)
        if isinstance(answer, EngineOutput):
            return answer
        text = answer if isinstance(answer, str) else json.dumps(dict(answer), ensure_ascii=False, default=str)
        if request.on_text is not None:
            request.on_text(text)
        return EngineOutput(text=text, finish_reason="stop")

    def _next(self, request: EngineRequest) -> Answer:
        outputs = self._outputs
        if callable(outputs):
            return outputs(request)
        if isinstance(outputs, (Mapping, str, EngineOutput)):
            return outputs
        if self._turn >= len(outputs):
            raise EngineError(f"FakeEngine was given {len(outputs)} output(s) and got request {self._turn + 1}")
        self._turn += 1
        return outputs[self._turn - 1]
