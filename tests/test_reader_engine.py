"""ReaderEngine on a digital PDF made here (text-layer path) and with a stub OCR (image path)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from types import SimpleNamespace

import pymupdf
import pytest
from PIL import Image

from docextract.engines import get_engine
from docextract.engines.reader import ReaderEngine
from docextract.errors import EngineError
from docextract.schemas import resolve_schema
from docextract.sources.words import image_words
from docextract.types import EngineRequest, Word

DPI = 144
LINES = [
    (50, 60, "Blue Harbour Trading Ltd."),
    (50, 76, "22 Quay Street, Dublin"),
    (50, 110, "Invoice No: INV-2024-0042"),
    (50, 126, "Date: 14/03/2024"),
    (50, 142, "Due date: 13/04/2024"),
    (50, 180, "Description"), (300, 180, "Qty"), (360, 180, "Unit"), (450, 180, "Amount"),
    (50, 200, "Consulting hours"), (300, 200, "10"), (360, 200, "95,00 EUR"), (450, 200, "950,00 EUR"),
    (50, 216, "Travel"), (300, 216, "1"), (360, 216, "120,00 EUR"), (450, 216, "120,00 EUR"),
    (360, 250, "Subtotal"), (450, 250, "1.070,00 EUR"),
    (360, 266, "VAT 23%"), (450, 266, "246,10 EUR"),
    (360, 282, "Total due"), (450, 282, "1.316,10 EUR"),
]


def make_pdf_words() -> tuple[list[Word], Image.Image]:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for x, y, text in LINES:
        page.insert_text((x, y), text, fontsize=10)
    data = doc.tobytes()
    doc.close()
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        page = pdf[0]
        s = DPI / 72
        words = [Word(t, a * s, b * s, c * s, d * s) for a, b, c, d, t, *_ in page.get_text("words")]
        pix = page.get_pixmap(dpi=DPI)
        image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    return words, image


def test_invoice_from_pdf_text_layer() -> None:
    words, image = make_pdf_words()
    engine = get_engine("reader")
    assert isinstance(engine, ReaderEngine) and engine.structured and not engine.vision
    out = engine.generate(EngineRequest(images=[image], prompt="", schema=resolve_schema("invoice"), words=words))
    d = out.data
    assert d is not None
    assert d["invoice_number"] == "INV-2024-0042"
    assert d["date"] == dt.date(2024, 3, 14) and d["due_date"] == dt.date(2024, 4, 13)
    assert d["currency"] == "EUR"
    assert (d["subtotal"], d["tax"], d["total"]) == (D("1070.00"), D("246.10"), D("1316.10"))
    assert [(ln["description"], ln["quantity"], ln["unit_price"], ln["amount"]) for ln in d["lines"]] == [
        ("Consulting hours", D(10), D("95.00"), D("950.00")),
        ("Travel", D(1), D("120.00"), D("120.00")),
    ]
    assert d["issuer"]["name"] == "Blue Harbour Trading Ltd."
    assert resolve_schema("invoice").check(d, out.printed) == []  # the kit's checks, as the pipeline runs them
    # Provenance in image pixels: the total's box lies where "1.316,10" was drawn (x=450pt → 900px).
    src = out.provenance["total"]
    assert src.origin == "text" and src.bbox is not None
    assert 880 < src.bbox[0] < 960 and 540 < src.bbox[3] < 580
    assert "lines[1].amount" in out.provenance
    assert "Total due" in out.text and out.words == words
    resolve_schema("invoice").validate(d)  # the data matches the schema


class StubOcr:
    """Pretends to read an image: fixed words in an upright frame twice the image's scale."""

    def read(self, image: Image.Image) -> SimpleNamespace:
        words = [
            Word("SUNRISE CAFE SDN BHD", 100, 20, 400, 50, 0.9, "ocr"),
            Word("12 JALAN MAWAR, 50000 KUALA LUMPUR", 60, 60, 440, 90, 0.9, "ocr"),
            Word("DATE: 01/02/2019", 20, 140, 220, 170, 0.95, "ocr"),
            Word("TOTAL", 20, 200, 100, 230, 0.9, "ocr"),
            Word("RM 12.50", 360, 202, 460, 232, 0.8, "ocr"),
        ]
        return SimpleNamespace(words=words, to_original=lambda b: tuple(v / 2 for v in b))


def test_receipt_from_ocr_words_maps_boxes_back() -> None:
    """The page stage's OCR words (upright frame) in, provenance and words in image pixels out."""
    image = Image.new("RGB", (240, 120))
    read = image_words(image, StubOcr())
    out = ReaderEngine().generate(EngineRequest(images=[image], prompt="", schema=resolve_schema("receipt"),
                                                words=read.words, words_to_image=read.to_page))
    d = out.data
    assert d["merchant_name"] == "SUNRISE CAFE SDN BHD"
    assert d["merchant_address"] == "12 JALAN MAWAR, 50000 KUALA LUMPUR"
    assert d["date"] == dt.date(2019, 2, 1) and d["total"] == D("12.50") and d["currency"] == "MYR"
    src = out.provenance["total"]
    assert src.origin == "ocr" and src.confidence == pytest.approx(0.8)
    assert src.bbox == pytest.approx((180, 101, 230, 116), abs=1)
    assert max(w.x1 for w in out.words) <= 240


def test_the_pipeline_reads_a_scan_through_the_page_stage(monkeypatch) -> None:
    """extract() on an image: the page stage OCRs it once (here a stand-in OCR) and the reader
    reads those words; the boxes come back in page pixels."""
    import io

    from docextract import extract, ocr

    reads = []

    class CountingOcr(StubOcr):
        def read(self, image):  # type: ignore[no-untyped-def]
            reads.append(image.size)
            return super().read(image)

    monkeypatch.setattr(ocr, "_READER", CountingOcr())
    buf = io.BytesIO()
    Image.new("RGB", (240, 120), "white").save(buf, format="PNG")
    result = extract(buf.getvalue(), "receipt", engine="reader")
    assert reads == [(240, 120)]
    assert result.data.total == D("12.50")
    assert result.provenance["total"].bbox == pytest.approx((180, 101, 230, 116), abs=1)


def test_unsupported_schema_and_no_input() -> None:
    engine = ReaderEngine()
    with pytest.raises(EngineError):
        engine.generate(EngineRequest(images=[], prompt="", schema=resolve_schema("table")))
    with pytest.raises(EngineError):
        engine.generate(EngineRequest(images=[], prompt="", schema=resolve_schema("receipt")))


def test_a_digital_pdf_never_loads_the_ocr_models(tmp_path, monkeypatch) -> None:
    from docextract import extract, ocr
    from docextract.testing.documents import invoice_pdf

    reader = ocr.OcrReader()
    monkeypatch.setattr(ocr, "_READER", reader)
    pdf = tmp_path / "invoice.pdf"
    pdf.write_bytes(invoice_pdf())
    assert extract(pdf, schema="invoice", engine=ReaderEngine()).data.invoice_number
    assert reader._models is None


@pytest.mark.parametrize(("schema", "make", "check"), [("receipt", "receipt_pdf", "check_receipt"),
                                                        ("invoice", "invoice_pdf", "check_invoice")])
def test_the_arithmetic_checks_run_once_per_document(monkeypatch, schema, make, check) -> None:
    """The rules read; the kit checks the merged document, once (not the rules' copy thrown away)."""
    import sys

    import docextract.rules.invoice
    import docextract.rules.receipt  # noqa: F401  (loaded first: a name they bind is counted too)
    from docextract import checks, extract
    from docextract.testing import documents

    real, calls = getattr(checks, check), []

    def counted(data, **printed):
        calls.append(data)
        return real(data, **printed)

    for module in [m for name, m in sys.modules.items() if name.startswith("docextract")]:
        if getattr(module, check, None) is real:
            monkeypatch.setattr(module, check, counted)
    result = extract(getattr(documents, make)(), schema=schema, engine=ReaderEngine())
    assert result.ok and not [i for i in result.issues if i.stage == "check"]
    assert len(calls) == 1


def test_a_vision_models_cross_check_reads_the_same_page_words(tmp_path) -> None:
    """--verify on a scan: the page stage OCRs the page, and a figure the page does not print is
    flagged while one it prints gets its box (the model itself gave none)."""
    from docextract import extract
    from docextract.testing import FakeEngine
    from docextract.testing.documents import ReceiptData, receipt_image

    image = tmp_path / "receipt.jpg"
    receipt_image(image, ReceiptData(), dpi=150, blur=0, noise=0, contrast=1.0, quality=95)
    engine = FakeEngine({"merchant_name": "GREENLEAF GROCERY", "tax": "999.99", "items": [{"amount": "4.25"}]})
    checked = extract(image, "receipt", engine=engine, verify=True)
    # The fake answer has no address, date or total: each is a missing key field as well.
    assert [(i.code, i.field) for i in checked.issues if i.code != "missing-field"] == [("not-on-page", "tax")]
    assert checked.provenance["items[0].amount"].bbox is not None and checked.needs_review
    unchecked = extract(image, "receipt", engine=FakeEngine({"tax": "999.99"}))
    # no text layer, no --verify: nothing read, nothing flagged but the key fields the answer lacks
    assert {i.code for i in unchecked.issues} == {"missing-field"}


def test_reader_currency_from_a_column_heading_and_none_from_a_legal_form() -> None:
    """A receipt that marks its currency only in a column heading ("AMOUNT (RM)") reads as MYR; one
    whose only "currency-like" letters are the merchant's legal form reads as none."""

    def read(rows: list[str]) -> dict:
        words = [Word(t, 20, 20 + 30 * i, 20 + 9 * len(t), 40 + 30 * i, 0.9, "ocr") for i, t in enumerate(rows)]
        schema = resolve_schema("receipt")
        return ReaderEngine().generate(EngineRequest(images=[], prompt="", schema=schema, words=words)).data

    rows = ["ORCHID TRADING SDN BHD 555123-W", "DESCRIPTION QTY AMOUNT (RM)", "PAPER A4 1 12.90", "TOTAL 12.90"]
    assert read(rows)["currency"] == "MYR"
    rows[1] = "DESCRIPTION QTY AMOUNT"
    assert read(rows)["currency"] is None


def test_a_rules_bug_on_one_page_fails_that_page_only() -> None:
    """A rule that raises on one odd page (a bug) costs that page, not the document: the other
    page is read, the result is partial with an engine error naming the failure, nothing raises."""
    from dataclasses import replace

    from docextract import extract
    from docextract.types import Status

    invoice = resolve_schema("invoice")

    def rules(words, *, tables=None):
        if any(w.text == "Appendix" for w in words):
            raise IndexError("list index out of range")
        return invoice.rules(words, tables=tables)

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for y, text in ((60, "Acme Supplies Ltd"), (90, "Invoice No: A-90"), (105, "Date: 2024-05-02"), (140, "Total 12.00")):
        page.insert_text((60, y), text, fontsize=10)
    doc.new_page(width=595, height=842).insert_text((60, 60), "Appendix", fontsize=10)
    res = extract(doc.tobytes(), schema=replace(invoice, rules=rules))
    assert res.status == Status.PARTIAL and res.data.invoice_number == "A-90"
    (issue,) = [i for i in res.issues if i.code == "engine-error"]
    assert issue.page == 2 and "IndexError" in issue.message
