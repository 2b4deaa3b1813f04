"""The offline reader: a page's words → the schema kit's rules → structured data.

No model weights beyond the OCR's; deterministic. The words are the page's (its text layer, or OCR
of its image: :mod:`docextract.sources.words`), given in ``request.words``; a request with an
image alone is read through the same page stage. What is read from them is the kit's business
(:attr:`docextract.schemas.SchemaSpec.rules`: :mod:`docextract.rules` for receipts and invoices,
:mod:`docextract.tables` and :mod:`docextract.textlayout` for tables and code).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from docextract.engines.base import Engine
from docextract.errors import EngineError
from docextract.types import BBox, EngineOutput, EngineRequest, FieldSource, PageWords

if TYPE_CHECKING:  # the rules come with the schema kit; a command checking its options needs none of them
    from docextract.rules import Reading

__all__ = ["ReaderEngine"]

log = logging.getLogger(__name__)


class ReaderEngine(Engine):
    """Rules over words with boxes; fills ``EngineOutput.data`` directly (``structured``)."""

    name: ClassVar[str] = "reader"
    structured: ClassVar[bool] = True
    vision: ClassVar[bool] = False
    wants_words: ClassVar[bool] = True
    tile_size: int | None = None

    def __init__(self, *, currency: str | None = None) -> None:
        """``currency``: ISO code to assume when the document marks none."""
        self.currency = currency

    @property
    def model_id(self) -> str | None:
        return "rules"

    def generate(self, request: EngineRequest) -> EngineOutput:
        """Read the request's schema from its words (or its image's) with the schema kit's rules."""
        start = time.perf_counter()
        spec = request.schema
        if spec is None or getattr(spec, "rules", None) is None:
            from docextract.schemas import not_for_reader

            raise EngineError(not_for_reader(getattr(spec, "name", None)))
        text = _words(request)
        try:
            result: Reading = spec.rules(text.words, tables=request.tables)
        except Exception as exc:  # a rule's bug on one odd page: that page fails, the others are read
            log.exception("the %s rules failed on a page", spec.name)
            raise EngineError(f"the {spec.name} rules failed on this page ({type(exc).__name__}: {exc}); "
                              "please report it with the document if you can") from exc
        if self.currency and "currency" in result.data and result.data["currency"] is None:
            result.data["currency"] = self.currency
        return EngineOutput(
            text=result.text,
            finish_reason="stop",
            data=result.data,
            provenance={k: _mapped(v, text.to_page, result.evidence.get(k)) for k, v in result.provenance.items()},
            words=text.on_page(),
            issues=[i.model_copy(update={"stage": "check"}) for i in result.issues],
            printed=dict(result.check_amounts),
            seconds=time.perf_counter() - start,
        )


def _words(request: EngineRequest) -> PageWords:
    """The request's words (in the frame the rules read: rows level), else OCR of its image."""
    if request.words is not None:
        return PageWords(list(request.words), to_page=request.words_to_image)
    if not request.images:
        raise EngineError("the reader engine needs an image or text-layer words; the request had neither")
    from docextract.sources.words import image_words

    return image_words(request.images[0])


def _mapped(src: FieldSource, to_image: Callable[[BBox], BBox] | None, evidence: dict[str, float] | None) -> FieldSource:
    update: dict[str, object] = {"evidence": dict(evidence)} if evidence else {}
    if to_image is not None and src.bbox is not None:
        update["bbox"] = tuple(float(v) for v in to_image(src.bbox))
    return src.model_copy(update=update) if update else src
