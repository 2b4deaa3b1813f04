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


_TOKENS = [
    "Description", "Item", "Qty", "Quantity", "Unit price", "Price", "Amount", "Total", "Subtotal", "VAT 20%",
    "BTW", "Prijs incl. BTW", "Désignation", "Nombre", "P.U. HT", "Montant HT", "Total TTC", "Balance Due:",
    "Invoice No:", "INV-7", "Date:", "2024-02-30", "31/12/2023", "12", "0", "3,50 €", "1.234,56", "$10.00",
    "-4.00", "EUR 399,00", "21%", "Notes: x", "SDN BHD", "Widget", "", " ", "€", "x" * 80, "1 x 2.50",
]


@st.composite
def word_layouts(draw: st.DrawFn) -> list:
    from docextract.types import Word

    words = []
    for _ in range(draw(st.integers(0, 40))):
        text = draw(st.sampled_from(_TOKENS) | st.text(max_size=12))
        # mostly on a grid of rows and columns, so that headings and tables form; sometimes anywhere
        x = draw(st.sampled_from([20.0, 150.0, 300.0, 400.0, 500.0]) | st.floats(-50, 2000, allow_nan=False))
        y = draw(st.integers(0, 15).map(lambda r: 25.0 * r) | st.floats(-50, 2000, allow_nan=False))
        w = draw(st.sampled_from([60.0, 90.0]) | st.floats(0, 400, allow_nan=False))
        h = draw(st.just(18.0) | st.floats(0, 60, allow_nan=False))
        words.append(Word(text, x, y, x + w, y + h, draw(st.floats(0, 1)), draw(st.sampled_from(["text", "ocr"]))))
    return words


_HEADINGS = ["Description", "Item", "Qty", "Unit price", "Price", "Amount", "VAT Price incl. BTW", "Nombre", "Total"]
_CELLS = ["Widget", "Service A", "Total care", "Notes: x", "12", "0", "1", "3,50 €", "$10.00", "-4.00", "21%",
          "EUR 399,00", "0 €", "1.234,56", "", "Subtotal:", "Total", "x 2"]


@st.composite
def table_layouts(draw: st.DrawFn) -> list:
    """A heading row over rows of cells, in columns, with random cells and offsets."""
    from docextract.types import Word

    xs = [20.0, 200.0, 300.0, 400.0, 500.0]
    words = []
    for x in xs:
        text = draw(st.sampled_from(_HEADINGS))
        words.append(Word(text, x, 100, x + 9 * len(text), 118, 1.0, "text"))
    for r in range(draw(st.integers(0, 8))):
        y = 130.0 + 25 * r + draw(st.floats(-6, 6))
        for x in xs:
            text = draw(st.sampled_from(_CELLS))
            dx = draw(st.floats(-60, 60))
            if text:
                words.append(Word(text, x + dx, y, x + dx + 9 * len(text), y + 18, 1.0, "text"))
    return words


@settings(FUZZ, max_examples=300)
@given(st.one_of(word_layouts(), table_layouts()), st.sampled_from(["invoice", "receipt"]))
def test_rules_never_raise_and_give_schema_data(words, schema):
    """Any words in any places (empty, zero-size, overlapping, headings without tables, tables
    without headings) give schema-valid data from the layout rules, never an exception."""
    spec = resolve_schema(schema)
    res = spec.rules(words)  # the kit's rules: what the reader runs
    spec.validate(res.data)
