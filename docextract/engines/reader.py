"""The offline reader: text layer or OCR → the schema kit's rules → structured data.

No model weights beyond the OCR's; deterministic. Words come from ``request.words`` (a PDF text
layer, in ``request.images[0]`` pixels) when given, otherwise from OCR on ``request.images[0]``
(:func:`docextract.ocr.get_reader`). What is read from them is the kit's business
(:attr:`docextract.schemas.SchemaSpec.rules`: :mod:`docextract.rules` for receipts and invoices,
:mod:`docextract.tables` and :mod:`docextract.textlayout` for tables and code).
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from docextract.engines.base import Engine
from docextract.errors import EngineError
from docextract.rules import Extraction
from docextract.types import BBox, EngineOutput, EngineRequest, FieldSource, Word

__all__ = ["ReaderEngine"]

class ReaderEngine(Engine):
    """Rules over words with boxes; fills ``EngineOutput.data`` directly (``structured``)."""

    name: ClassVar[str] = "reader"
    structured: ClassVar[bool] = True
    vision: ClassVar[bool] = False
    tile_size: int | None = None

    def __init__(self, *, currency: str | None = None, ocr: Any = None) -> None:
        """``currency``: ISO code to assume when the document marks none; ``ocr``: an OCR reader
        with ``read(image)`` (default: :func:`docextract.ocr.get_reader` on first use)."""
        self.currency = currency
        self._ocr = ocr

    @property
    def model_id(self) -> str | None:
        return "rules"

    def load(self, *, ocr: bool = False) -> None:
        """Get the engine ready. The OCR models load on the first image without a text layer (a
        digital PDF never pays for them), or now with ``ocr=True``."""
        reader = self._reader()
        if ocr and hasattr(reader, "load"):  # a stand-in reader may have nothing to load
            reader.load()

    def _reader(self) -> Any:
        if self._ocr is None:
            from docextract.ocr import get_reader

            self._ocr = get_reader()
        return self._ocr

    def _words(self, request: EngineRequest) -> tuple[list[Word], Any]:
        """The words to read and, for OCR, the map from the upright OCR frame back to the image."""
        if request.words:
            return list(request.words), None
        if not request.images:
            raise EngineError("the reader engine needs an image or text-layer words; the request had neither")
        result = self._reader().read(request.images[0])
        # OCR reads an upright, deskewed copy: the rules work in that frame (rows are level there),
        # provenance and words are mapped back to the request image.
        return list(result.words), getattr(result, "to_original", None)

    def generate(self, request: EngineRequest) -> EngineOutput:
        """Read the request's schema from its words or image with the schema kit's rules."""
        start = time.perf_counter()
        spec = request.schema
        if spec is None or getattr(spec, "rules", None) is None:
            from docextract.schemas import reader_schemas

            raise EngineError(
                f"the offline reader extracts {', '.join(reader_schemas())}, not {getattr(spec, 'name', None)!r}; "
                "your own schemas need a vision model (--model, see `docextract models`)"
            )
        words, to_orig = self._words(request)
        result: Extraction = spec.rules(words, tables=request.tables)
        if self.currency and "currency" in result.data and result.data["currency"] is None:
            result.data["currency"] = self.currency
        provenance = {k: _mapped(v, to_orig) for k, v in result.provenance.items()}
        out_words = [_map_word(w, to_orig) for w in words] if to_orig is not None else words
        return EngineOutput(
            text=result.text,
            finish_reason="stop",
            data=result.data,
            provenance=provenance,
            words=out_words,
            issues=[i.model_copy(update={"stage": "check"}) for i in result.issues],
            check_amounts=dict(result.check_amounts),
            seconds=time.perf_counter() - start,
        )


def _map_box(box: BBox | None, to_original: Any) -> BBox | None:
    if box is None or to_original is None:
        return box
    mapped = to_original(box)
    return tuple(float(v) for v in mapped)  # type: ignore[return-value]


def _mapped(src: FieldSource, to_original: Any) -> FieldSource:
    if to_original is None:
        return src
    return src.model_copy(update={"bbox": _map_box(src.bbox, to_original)})


def _map_word(w: Word, to_original: Any) -> Word:
    x0, y0, x1, y1 = _map_box(w.bbox, to_original) or w.bbox
    return Word(w.text, x0, y0, x1, y1, w.conf, w.source)
