"""Calibrated confidence and the review flag: the fitted model as shipped, on documents the tests draw."""

from __future__ import annotations

import io
import math
from dataclasses import replace

import pytest
from PIL import Image

import docextract
from docextract.pipeline.confidence import Calibration, FieldModel, field_features, load_calibration
from docextract.testing.documents import ReceiptData, receipt_image, receipt_lines, receipt_pdf
from docextract.types import FieldSource, Issue, Word


def test_field_model_is_a_logistic_on_standardised_features():
    m = FieldModel("total", ("a", "b"), (1.0, 0.0), (2.0, 1.0), (0.8, -1.5), 0.3)
    z = 0.3 + 0.8 * (3.0 - 1.0) / 2.0 - 1.5 * (1.0 - 0.0) / 1.0
    assert m.probability({"a": 3.0, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-z)))
    assert m.probability({}) == pytest.approx(1 / (1 + math.exp(-(0.3 - 0.4))))  # a missing feature is 0


def test_calibration_round_trips_and_ships_for_the_receipt():
    cal = load_calibration("receipt")
    # 1.0 where no threshold reaches the target on tune: then every such result is sent to review.
    assert cal is not None and cal.engine == "reader" and 0 < cal.threshold <= 1
    assert set(cal.fields) == {"merchant_name", "merchant_address", "date", "total"}
    assert Calibration.from_json(cal.to_json()) == cal
    assert "SROIE tune" in cal.fitted_on  # fitted on tune, never on check
    assert load_calibration("no-such-kit") is None


def _words(rows: list[tuple[str, str]]) -> list[Word]:
    out = []
    for n, (left, right) in enumerate(rows):
        y = 20 + 30 * n
        if left:
            out.append(Word(left, 10, y, 10 + 9 * len(left), y + 20, 0.97, "ocr"))
        if right:
            out.append(Word(right, 400, y, 400 + 9 * len(right), y + 20, 0.97, "ocr"))
    return out


def test_a_total_with_its_label_and_its_sums_has_stronger_evidence_than_one_from_an_item_line():
    rows = [("CORNER MART", ""), ("1 Main Street", ""), ("BREAD  2 @ 3.50", "7.00"), ("MILK", "2.00"),
            ("SUBTOTAL", "9.00"), ("TAX", "0.54"), ("TOTAL", "9.54")]
    words = _words(rows)
    labelled = {"total": FieldSource(bbox=(400, 200, 436, 220), text="9.54", confidence=0.97, origin="ocr")}
    data = {"total": "9.54", "subtotal": "9.00", "tax": "0.54", "items": [{"amount": "7.00"}, {"amount": "2.00"}]}
    good = field_features("total", "total", data, labelled, [], words)
    from_item = {"total": FieldSource(bbox=(400, 80, 436, 100), text="7.00", confidence=0.97, origin="ocr")}
    bad = field_features("total", "total", {**data, "total": "7.00"}, from_item,
                         [Issue(code="total-mismatch", message="", stage="check", field="total")], words)
    assert good is not None and bad is not None
    assert good["label"] > bad["label"] and good["agrees"] > bad["agrees"] and bad["check_failed"] == 1.0
    cal = load_calibration("receipt")
    assert cal is not None
    assert cal.fields["total"].probability(good) > cal.fields["total"].probability(bad)
    assert field_features("total", "total", {"total": None}, {}, [], words) is None  # empty: nothing to judge


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def test_a_blank_page_is_flagged_with_a_reason():
    r = docextract.extract(_png(Image.new("RGB", (700, 1000), "white")), "receipt")
    assert r.needs_review
    assert {i.field for i in r.issues if i.code == "missing-field"} == {"merchant_name", "merchant_address", "date", "total"}
    assert r.issues[0].code == "no-text" and "no text found" in r.issues[0].message  # why every field is missing


def test_a_letter_read_as_a_receipt_is_flagged():
    from docextract.sources.mupdf import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    text = ("Dear Ms Alvarez,\n\nThank you for your letter of last week. We have passed your request to our\n"
            "planning team, who will write to you once the survey of the site is complete.\n\nYours sincerely,\n\nJ. Okafor")
    page.insert_textbox((72, 72, 520, 400), text, fontname="helv", fontsize=11)
    r = docextract.extract(doc.tobytes(), "receipt")
    assert r.needs_review and any(i.code == "missing-field" and i.field == "total" for i in r.issues)


def test_a_receipt_without_a_total_is_flagged():
    base = ReceiptData()
    lines = [pair for pair in receipt_lines(base) if not pair[0].startswith(("TOTAL", "SUBTOTAL", "SALES TAX", "VISA"))]
    r = docextract.extract(receipt_pdf(None, base, lines=lines), "receipt")
    assert r.needs_review and (r.data.total is None or r.provenance["total"].confidence < load_calibration("receipt").threshold)


def test_a_clean_scanned_receipt_is_trusted():
    r = docextract.extract(receipt_image(None, replace(ReceiptData(), merchant_name="LANTERN BOOKS SDN BHD")), "receipt")
    assert str(r.data.total) == str(ReceiptData().total)
    assert r.provenance["total"].confidence > 0.9 and r.provenance["date"].confidence > 0.9
    assert all(0.0 <= r.provenance[f].confidence <= 1.0 for f in ("merchant_name", "merchant_address", "date", "total"))
