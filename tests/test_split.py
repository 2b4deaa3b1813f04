"""Several documents in one file: a PDF of three invoices becomes three results, each with its
pages; a two-page invoice stays one; batch records and exports follow (generated PDFs, the reader)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

import docextract
from docextract.errors import UsageError
from docextract.pipeline.split import page_of, split_pages
from docextract.schemas import BUILTIN_SPECS
from docextract.testing.documents import (
    InvoiceData,
    continued_invoice_pdf,
    invoice_pdf,
    random_receipt,
    receipt_pdf,
    stacked_pdf,
)

REPO = Path(__file__).resolve().parents[1]
INVOICE = BUILTIN_SPECS["invoice"].document
RECEIPT = BUILTIN_SPECS["receipt"].document


def inv(number: str | None, total: float | None = None, issuer: str | None = "Acme", date: str | None = "2025-01-02") -> dict:
    return {"invoice_number": number, "issuer": {"name": issuer}, "date": date, "total": total}


def test_pages_group_by_invoice_number_and_complete_documents():
    pages = [(1, inv("A-1", 10.0)), (2, inv("B-7")), (3, inv(None, None, None, None)), (4, inv("B-7", 99.0)),
             (5, inv(None, 5.0, "Other Co"))]
    # B-7 runs over pages 2-4 (its header repeated on page 4); page 5 is another issuer's, after a total
    assert split_pages(pages, INVOICE) == [[1], [2, 3, 4], [5]]
    # no number read anywhere: a page opening like a first page after a complete document starts one
    assert split_pages([(1, inv(None, 10.0)), (2, inv(None, 20.0)), (3, inv(None, None, None, None))], INVOICE) == [[1], [2, 3]]
    # a page with a total but no header or date (a summary page) stays
    assert split_pages([(1, inv(None, 10.0)), (2, inv(None, 10.0, None, None))], INVOICE) == [[1, 2]]
    # a first page without the total yet does not end the document before it
    assert split_pages([(1, inv(None, None)), (2, inv(None, 12.0))], INVOICE) == [[1, 2]]
    assert split_pages([(1, None), (2, inv("A", 1.0)), (3, None)], INVOICE) == [[1, 2, 3]]


def test_a_page_that_says_it_continues_stays_with_the_document():
    assert page_of(["Hartmann KG", "Seite 2 von 3"]) == (2, 3) and page_of(["Page 1/2"]) == (1, 2)
    assert page_of(["Pagina 3 di 4"]) == (3, 4) and page_of(["Homepage 2 of", "page 5 of 4"]) is None
    # page 2 names the issuer (a running footer), a date and a total of its own after a complete page 1
    pages = [(1, inv(None, 10.0)), (2, inv(None, 99.0))]
    assert split_pages(pages, INVOICE) == [[1], [2]]
    assert split_pages(pages, INVOICE, continued=frozenset({2})) == [[1, 2]]


def two_pages_with_a_section_sum() -> bytes:
    """A German invoice over two pages: page 1 ends on its section's sum, page 2 holds the totals;
    each page's running footer names the issuer and says which page of two it is."""
    doc = pymupdf.open()
    for n, rows in ((1, [("Rechnung Nr. 2699990", ""), ("Datum: 28.05.2026", ""), ("Bezeichnung   Menge   Preis", "Betrag"),
                         ("Locher 2-fach   1   13,98", "13,98"), ("Ordner A4   10   4,50", "45,00"),
                         ("Summe Büromaterial", "58,98")]),
                    (2, [("Datum: 29.05.2026", ""), ("USB-C-Kabel   10   8,81", "88,10"), ("Summe IT-Zubehör", "88,10"),
                         ("Nettobetrag", "147,08"), ("USt. 19 %", "27,95"), ("Rechnungsbetrag (EUR)", "175,03")])):
        page = doc.new_page(width=595, height=842)
        page.insert_text((60, 60), "Hartmann Großhandel KG", fontsize=14)
        for k, (text, amount) in enumerate(rows):
            page.insert_text((60, 120 + 20 * k), text, fontsize=10)
            if amount:
                page.insert_text((540 - pymupdf.get_text_length(amount, fontsize=10), 120 + 20 * k), amount, fontsize=10)
        page.insert_text((60, 800), "Hartmann Großhandel KG · Am Hafen 226 · 80331 München", fontsize=7)
        page.insert_text((480, 800), f"Seite {n} von 2", fontsize=7)
    return doc.tobytes()


def test_a_section_sum_on_page_one_gives_way_to_the_total_the_checks_agree_with():
    """Page 1 alone reads its section's sum as a total, page 2 the invoice's: the document is one
    (page 2 says it is page 2 of 2), and its total is the one its subtotal and tax add up to. The
    pages' dates differ too (a printing date on page 2): the checks say nothing of them, so page 2's
    reading does not bring its date along."""
    [result] = docextract.extract_documents(two_pages_with_a_section_sum(), "invoice")
    assert result.pages == [1, 2]
    assert str(result.data.total) == "175.03" and result.provenance["total"].page == 2
    assert str(result.data.date) == "2026-05-28"
    assert any(i.code == "merge-conflict" and "checks agree" in i.message for i in result.issues)


def test_receipts_and_the_modes():
    r = {"merchant_name": "CAFE", "date": "2025-01-02", "total": 3.5}
    assert split_pages([(1, r), (2, r), (3, {"items": []})], RECEIPT) == [[1], [2, 3]]
    assert split_pages([(1, r), (2, r)], RECEIPT, "off") == [[1, 2]]
    assert split_pages([(1, None), (2, None)], RECEIPT, "pages") == [[1], [2]]
    assert split_pages([(1, r), (2, r)], None) == [[1, 2]]  # a schema without document fields
    with pytest.raises(ValueError):
        split_pages([(1, r)], RECEIPT, "bogus")


def stack() -> tuple[bytes, list[InvoiceData]]:
    a = InvoiceData()
    b = InvoiceData(issuer="Fabrikam Supplies AG", invoice_number="FS-7781", lines=[("Paper", 10, "4.50")])
    c = InvoiceData(invoice_number="INV-2025-0044", lines=[(f"Item {i}", 1, "10.00") for i in range(8)])
    d = InvoiceData(invoice_number="INV-2025-0043", lines=[("Consulting day", 2, "900.00"), ("Travel", 1, "120.00")])
    pdf = stacked_pdf([invoice_pdf(inv=a), invoice_pdf(inv=b), continued_invoice_pdf(inv=c), invoice_pdf(inv=d)])
    return pdf, [a, b, c, d]


def test_a_pdf_of_four_invoices_gives_four_results_with_their_pages():
    pdf, invoices = stack()
    results = docextract.extract_documents(pdf, "invoice")
    assert [r.pages for r in results] == [[1], [2], [3, 4], [5]]
    for result, expected in zip(results, invoices, strict=True):
        assert result.data.invoice_number == expected.invoice_number and result.data.total == expected.total
        assert len(result.data.lines) == len(expected.lines) and result.ok and not result.needs_review, result.issues
    one = docextract.extract(pdf, "invoice")  # the file as one document: a mix the checks flag
    assert one.pages == [1, 2, 3, 4, 5] and one.needs_review
    assert [r.pages for r in docextract.extract_documents(pdf, "invoice", split="pages")] == [[1], [2], [3], [4], [5]]
    assert len(docextract.extract_documents(pdf, "invoice", split="off")) == 1
    with pytest.raises(UsageError, match="extract_documents"):
        docextract.extract(pdf, "invoice", split="auto")


def test_a_two_page_invoice_and_a_stack_of_receipts():
    c = InvoiceData(invoice_number="INV-9", lines=[(f"Item {i}", 1, "10.00") for i in range(8)])
    [result] = docextract.extract_documents(continued_invoice_pdf(inv=c), "invoice")
    assert result.pages == [1, 2] and result.data.total == c.total and len(result.data.lines) == 8
    receipts = [random_receipt(i) for i in range(3)]
    results = docextract.extract_documents(stacked_pdf([receipt_pdf(r=r) for r in receipts]), "receipt")
    assert [(r.pages, r.data.total) for r in results] == [([i + 1], receipts[i].total) for i in range(3)]


def cli(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], capture_output=True, text=True,
                          timeout=240, cwd=REPO)


def test_cli_writes_one_record_per_document(tmp_path):
    import openpyxl

    pdf, invoices = stack()
    path = tmp_path / "stack.pdf"
    path.write_bytes(pdf)
    run = cli("pdf", path, "--schema", "invoice")
    assert run.returncode == 0, run.stderr
    assert [d["invoice_number"] for d in json.loads(run.stdout)] == [i.invoice_number for i in invoices]
    assert "holds 4 documents: page 1, page 2, pages 3-4, page 5" in " ".join(run.stderr.split())
    one = cli("pdf", path, "--schema", "invoice", "--split", "off", "-q")
    assert isinstance(json.loads(one.stdout), dict)
    lines = cli("pdf", path, "--schema", "invoice", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["invoice_number"] for line in lines] == [i.invoice_number for i in invoices]
    xlsx = tmp_path / "stack.xlsx"
    assert cli("pdf", path, "--schema", "invoice", "-o", xlsx).returncode == 0
    rows = list(openpyxl.load_workbook(xlsx)["documents"].iter_rows(values_only=True))
    col = {name: i for i, name in enumerate(rows[0])}
    assert [(r[col["pages"]], r[col["invoice_number"]]) for r in rows[1:]] == [
        ("1", "INV-2025-0042"), ("2", "FS-7781"), ("3-4", "INV-2025-0044"), ("5", "INV-2025-0043")]


def test_batch_records_each_document_and_a_changed_file_replaces_them(tmp_path):
    from docextract.batch import read_results

    docs = tmp_path / "docs"
    docs.mkdir()
    pdf, invoices = stack()
    (docs / "stack.pdf").write_bytes(pdf)
    invoice_pdf(docs / "single.pdf", InvoiceData(invoice_number="S-1"))
    out = tmp_path / "out.jsonl"
    run = cli("batch", docs, "--schema", "invoice", "-o", out, "-j", "1")
    assert run.returncode == 0, run.stderr
    records = list(read_results(out).values())
    stacked = [r for r in records if r["source"].endswith("stack.pdf")]
    assert [(r["pages"], r["document"], r["documents"], r["data"]["invoice_number"]) for r in stacked] == [
        ([1], 1, 4, "INV-2025-0042"), ([2], 2, 4, "FS-7781"), ([3, 4], 3, 4, "INV-2025-0044"), ([5], 4, 4, "INV-2025-0043")]
    assert len({r["key"] for r in stacked}) == 1 and "5 ok" in run.stderr
    again = cli("batch", docs, "--schema", "invoice", "-o", out, "-j", "1")
    assert "2 skipped" in again.stderr and len(read_results(out)) == 5
    invoice_pdf(docs / "stack.pdf", InvoiceData(invoice_number="NEW-1"))  # the file now holds one invoice
    cli("batch", docs, "--schema", "invoice", "-o", out, "-j", "1")
    numbers = sorted(r["data"]["invoice_number"] for r in read_results(out).values())
    assert numbers == ["NEW-1", "S-1"]  # the earlier reading's other documents are gone
    documents, _ = docextract.read_results(out)
    assert sorted(documents["invoice_number"]) == ["NEW-1", "S-1"]
