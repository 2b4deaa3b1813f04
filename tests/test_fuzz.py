"""Bounded fuzzing: mutated PDF/PNG/JPEG bytes through open_document + page iteration, and arbitrary
model text through parse_and_validate. Only the documented error types may come out."""

from __future__ import annotations

import io
import json
from functools import lru_cache

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from docextract.errors import DocextractError  # noqa: E402
from docextract.pipeline import parse_and_validate  # noqa: E402
from docextract.schemas import resolve_schema  # noqa: E402
from docextract.sources import open_document  # noqa: E402
from docextract.testing.documents import receipt_image, receipt_pdf, render_pdf  # noqa: E402
from docextract.types import EngineOutput  # noqa: E402

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def seeds() -> dict[str, bytes]:
    """Small, valid documents to mutate."""
    png = io.BytesIO()
    render_pdf(receipt_pdf(), dpi=30).save(png, "PNG")
    return {"pdf": receipt_pdf(), "png": png.getvalue(), "jpeg": receipt_image(None, dpi=30, quality=40)}


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(seeds()[draw(st.sampled_from(["pdf", "png", "jpeg"]))])
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "overwrite", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=32))
            data[at : at + len(chunk)] = chunk
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 512))]
    return bytes(data)


@settings(FUZZ, max_examples=800)
@given(mutated())
def test_open_document_and_pages_raise_only_docextract_errors(data):
    try:
        with open_document(data, max_pixels=4_000_000) as doc:
            assert doc.page_count >= 1
            for page in doc.pages(dpi=36):
                assert page.image.mode == "RGB"
                _ = page.words
                page.release()
    except DocextractError as exc:
        message = str(exc)
        assert message and "\n" not in message.strip()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
RECEIPT_KEYS = ["merchant_name", "date", "total", "subtotal", "tax", "currency", "items", "time", "payment_method"]


@st.composite
def receipt_like(draw: st.DrawFn) -> dict:
    keys = draw(st.lists(st.sampled_from(RECEIPT_KEYS) | st.text(max_size=8), max_size=8))
    return {k: draw(JSON_VALUES | st.sampled_from(["12.50", "2025-03-14", "USD", "1e400", "-0", "NaN", "99999999999999.99"])) for k in keys}


@FUZZ
@given(st.one_of(st.text(max_size=300), receipt_like().map(lambda d: json.dumps(d, default=str)),
                 JSON_VALUES.map(lambda v: json.dumps(v))), st.sampled_from(["receipt", "invoice", "table", "code"]))
def test_parse_and_validate_never_raises_on_model_text(text, schema):
    spec = resolve_schema(schema)
    data, error = parse_and_validate(spec, EngineOutput(text=text), structured=False)
    assert (data is None) != (error is None)
    if data is not None:
        json.dumps(data)  # what passes validation is JSON-ready


@FUZZ
@given(receipt_like(), st.sampled_from(["receipt", "invoice"]))
def test_parse_and_validate_structured_data(raw, schema):
    spec = resolve_schema(schema)
    data, error = parse_and_validate(spec, EngineOutput(text="", data=raw), structured=True)
    assert (data is None) != (error is None)
