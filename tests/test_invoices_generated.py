"""Generated invoices (docextract.testing.invoices) through ``docextract.extract``: the digital PDF
(text layer) and, for a few, a degraded image of it (OCR). Seeds are from the benchmark's tune range
(benchmarks/bench_invoices.py); each covers another language and layout."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from docextract import extract
from docextract.testing.invoices import GeneratedInvoice, invoice_image_of, invoice_pdf_of, random_invoice


def _norm(s: Any) -> str:
    return " ".join(str(s or "").split()).upper()


def assert_read(data: Any, inv: GeneratedInvoice) -> None:
    want = inv.expected()
    assert data is not None
    assert _norm(data.issuer.name) == _norm(want["issuer"])
    assert (data.invoice_number, data.date, data.total) == (want["invoice_number"], want["date"], want["total"])
    # where the page prints no currency, empty is right and so is the invoice's own
    assert data.currency in ((want["currency"],) if want["currency"] else (None, inv.currency))
    lines = [(_norm(ln.description), ln.amount) for ln in data.lines]
    assert len(lines) == len(want["lines"])
    for (desc, amount), w in zip(lines, want["lines"]):
        assert _norm(w["description"]) in desc and amount == Decimal(w["amount"])


# it: tax included, codes after amounts; fr: labels above, capitals, two-line headings; fr: issuer in
# the footer, a grid of labels, currency in the headings, item codes; es: issuer in the footer, codes
# before amounts; de: capitals, two tax rates; nl: issuer in the footer, two-line headings; nl: grid,
# currency in the headings; en: US dates; es: in US dollars, an ambiguous date day first (Spanish);
# fr: a statement (total first, the detail as an outline), its currency stated in a note.
@pytest.mark.parametrize("seed", [1002, 1006, 1011, 1018, 1025, 1033, 1045, 1056, 1109, 1140])
def test_a_generated_invoice_from_its_text_layer(seed: int) -> None:
    inv = random_invoice(seed)
    assert_read(extract(invoice_pdf_of(inv), "invoice").data, inv)


def test_the_issuer_named_only_in_the_sender_line_and_footer() -> None:
    """No letterhead: the issuer is the name that opens the sender line above the customer's
    address and the footer, not the customer's name with its legal form."""
    inv = random_invoice(1003)
    inv.layout.update(issuer_pos="footer", parties="letter")
    inv.issuer = "Talvik Servicios"
    inv.customer = "Rosales Diseño S.L."
    assert_read(extract(invoice_pdf_of(inv), "invoice").data, inv)


def test_a_currency_stated_once_beats_a_name_that_looks_like_one() -> None:
    """Amounts without a mark, the currency stated in the headings and a note: a company called
    "Euro ..." does not make the invoice's currency EUR."""
    inv = random_invoice(1009)
    inv.issuer = "Euro Beratung GmbH"
    inv.currency, inv.symbol, inv.currency_style = "CHF", "Fr.", "heading"
    assert_read(extract(invoice_pdf_of(inv), "invoice").data, inv)
    assert extract(invoice_pdf_of(inv), "invoice").data.currency == "CHF"


@pytest.mark.parametrize("seed", [1007, 1045])
def test_a_generated_invoice_by_ocr(seed: int) -> None:
    """The rendered page, tilted, blurred, noisy and JPEG-compressed, read by the real OCR."""
    inv = random_invoice(seed)
    assert_read(extract(invoice_image_of(inv), "invoice").data, inv)


@pytest.mark.parametrize("issuer_country", [None, "United Kingdom"])
def test_unmarked_amounts_are_not_in_the_customers_currency(issuer_country: str | None) -> None:
    """No amount carries a mark and the customer's address names Switzerland: the currency is the
    issuer's country's where its address names one, else none, never francs."""
    inv = random_invoice(1020)  # en, amounts printed without a mark, the customer under "Invoice to"
    assert inv.currency_style == "none"
    inv.issuer_address = ["Unit 113, Riverside Park", "London EC1A 1BB", *([issuer_country] if issuer_country else [])]
    inv.customer_address = ["Bahnhofstrasse 12", "8001 Zürich", "Switzerland"]
    data = extract(invoice_pdf_of(inv), "invoice").data
    assert data.currency == ("GBP" if issuer_country else None)
    assert_read(data, inv)


def test_a_country_in_a_footer_of_dotted_parts_gives_the_currency() -> None:
    """The issuer's address only in the footer, its parts joined by middle dots, the last one the
    country: the unmarked amounts are in its currency."""
    inv = random_invoice(1169)  # en, issuer in the sender line and footer, amounts without a mark
    assert inv.currency_style == "none" and inv.issuer_address[-1] == "United Kingdom"
    assert extract(invoice_pdf_of(inv), "invoice").data.currency == "GBP"
