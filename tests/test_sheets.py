"""Spreadsheets a person can act on: the documents and items sheets, typed xlsx cells, CSV review
columns, DataFrames of a batch JSONL, and the CLI's output checks (real files, opened with openpyxl)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import docextract
from docextract.errors import ExportError
from docextract.output.export import sheets, write_table
from docextract.output.result import Extraction
from docextract.schemas import Invoice, Receipt
from docextract.testing.documents import InvoiceData, ReceiptData, invoice_pdf, receipt_pdf
from docextract.types import FieldSource, Issue, Status

REPO = Path(__file__).resolve().parents[1]


def cli(*args: str | os.PathLike[str], timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], capture_output=True,
                          text=True, timeout=timeout, cwd=REPO)


def receipt(source: str, merchant: str = "GREENLEAF", total: str = "11.05", *, review: bool = False) -> Extraction:
    data = Receipt.model_validate({
        "merchant_name": merchant, "date": "2025-03-14", "currency": "USD", "total": total, "tax": "0.65",
        "items": [{"description": "MILK", "quantity": 2, "unit_price": "2.49", "amount": "4.98"},
                  {"description": "BREAD", "amount": "4.25"}],
    })
    provenance = {"merchant_name": FieldSource(page=1, text=merchant, confidence=0.42 if review else 0.99),
                  "total": FieldSource(page=1, text=total, confidence=0.97),
                  "items[1].amount": FieldSource(page=1, text="4.25", confidence=0.9)}
    issues = [Issue(code="total-mismatch", message="the items add up to 9.23, not the total 11.05", stage="check")] if review else []
    return Extraction(source=source, schema="receipt", engine="reader", status=Status.OK, data=data, pages=[1],
                      provenance=provenance, issues=issues, needs_review=review)


def failed(source: str) -> Extraction:
    return Extraction(source=source, schema="receipt", engine="reader", status=Status.FAILED, data=None,
                      error=f"{source} is not a PDF or an image", needs_review=True)


def test_documents_and_items_sheets_columns_in_schema_order():
    documents, items = sheets([receipt("a.jpg"), receipt("b.jpg", review=True), failed("c.txt")])
    names = [c.name for c in documents.columns]
    assert names[:5] == ["source", "pages", "status", "needs_review", "issues"]
    fields = list(Receipt.model_fields)
    fields.remove("items")
    assert names[5:5 + len(fields)] == fields  # every field, even those no receipt had (tip)
    assert names[5 + len(fields):] == ["items_count", "merchant_name_confidence", "total_confidence"]
    a, b, c = documents.rows
    assert a["total"] == 11.05 and a["needs_review"] is False and a["issues"] == "" and a["merchant_name_confidence"] == 0.99
    assert b["needs_review"] is True and "add up to 9.23" in b["issues"]
    assert c["status"] == "failed" and c["issues"] == "c.txt is not a PDF or an image" and c["items_count"] is None
    assert [c.name for c in items.columns] == ["source", "pages", "line", "description", "quantity", "unit_price", "amount",
                                               "amount_confidence"]
    assert [(r["source"], r["line"], r["amount"]) for r in items.rows] == [("a.jpg", 1, 4.98), ("a.jpg", 2, 4.25),
                                                                           ("b.jpg", 1, 4.98), ("b.jpg", 2, 4.25)]
    assert items.rows[1]["amount_confidence"] == 0.9 and "amount_confidence" not in items.rows[0]


def test_xlsx_has_typed_cells_and_marks_what_needs_review(tmp_path):
    out = tmp_path / "receipts.xlsx"
    tricky = receipt("d.jpg", merchant="=HYPERLINK(\"http://x\")\x07")
    assert write_table([receipt("a.jpg"), receipt("b.jpg", review=True), failed("c.txt"), tricky.to_dict()], out) == [out]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["documents", "items"]
    docs = book["documents"]
    header = [c.value for c in docs[1]]
    col = {name: i for i, name in enumerate(header)}
    rows = [list(row) for row in docs.iter_rows(min_row=2)]
    a, b, c, d = rows
    assert a[col["date"]].value == dt.datetime(2025, 3, 14) and a[col["date"]].is_date
    assert a[col["total"]].value == 11.05 and a[col["total"]].data_type == "n" and a[col["total"]].number_format == "#,##0.00"
    assert a[col["items_count"]].value == 2 and a[col["needs_review"]].value is False and b[col["needs_review"]].value is True
    assert a[col["tip"]].value is None and c[col["total"]].value is None
    # a document that needs review is shaded; a value read with low confidence stands out
    assert b[col["source"]].fill.fgColor.rgb.endswith("FFF2CC") and a[col["source"]].fill.fill_type is None
    assert b[col["merchant_name"]].fill.fgColor.rgb.endswith("F8CBAD")
    assert b[col["merchant_name_confidence"]].value == pytest.approx(0.42)
    # text from a document stays text: never a formula, control characters gone
    assert d[col["merchant_name"]].data_type == "s" and d[col["merchant_name"]].value == '=HYPERLINK("http://x") '
    assert docs.freeze_panes == "A2" and docs.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}5"
    items = [[c.value for c in row] for row in book["items"].iter_rows()]
    assert items[0][:7] == ["source", "pages", "line", "description", "quantity", "unit_price", "amount"]
    assert items[1][:7] == ["a.jpg", "1", 1, "MILK", 2, 2.49, 4.98] and len(items) == 1 + 6


def test_csv_has_review_issue_and_confidence_columns(tmp_path):
    out = tmp_path / "r.csv"
    write_table([receipt("a.jpg"), receipt("b.jpg", review=True)], out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 4 and rows[2]["needs_review"] == "true" and "9.23" in rows[2]["issues"]
    assert rows[0]["merchant_name_confidence"] == "0.99" and rows[1]["item_amount_confidence"] == "0.9"
    assert rows[0]["item_line"] == "1" and rows[1]["item_description"] == "BREAD"
    write_table([receipt("a.jpg")], out, mode="summary")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_invoice_parties_flatten_and_pages_of_a_document():
    inv = Invoice.model_validate({"invoice_number": "7", "issuer": {"name": "N", "tax_id": "DE1"},
                                  "lines": [{"description": "a", "amount": 1}]})
    record = Extraction(source="i.pdf", schema="invoice", engine="reader", status=Status.OK, data=inv, pages=[2, 3, 5],
                        provenance={"issuer.name": FieldSource(confidence=0.8)}).to_dict()
    documents, items = sheets([record])
    [row] = documents.rows
    assert row["issuer_name"] == "N" and row["issuer_tax_id"] == "DE1" and row["issuer_name_confidence"] == 0.8
    assert row["pages"] == "2-3, 5" and row["lines_count"] == 1 and items.rows[0]["pages"] == "2-3, 5"


def test_write_table_refuses_what_it_cannot_write(tmp_path):
    with pytest.raises(ExportError, match=r"r\.json: a spreadsheet is written as \.xlsx or \.csv"):
        write_table([receipt("a.jpg")], tmp_path / "r.json")
    with pytest.raises(ExportError) as err:
        write_table([receipt("a.jpg")], tmp_path / "nodir" / "r.xlsx")
    assert str(tmp_path / "nodir" / "r.xlsx") in str(err.value) and ".tmp" not in str(err.value)
    inv = Extraction(source="i.pdf", schema="invoice", engine="reader", status=Status.OK, data=Invoice())
    with pytest.raises(ExportError, match="several schemas"):
        write_table([receipt("a.jpg"), inv], tmp_path / "r.xlsx")
    assert list(tmp_path.iterdir()) == []  # nothing half-written left behind


def test_read_results_gives_typed_dataframes(tmp_path):
    from docextract.batch import Job, ResultWriter, failed_record, result_record

    jsonl = tmp_path / "out.jsonl"
    with ResultWriter(jsonl) as writer:
        for i, r in enumerate([receipt("a.jpg"), receipt("b.jpg", "CAFE", "3.00", review=True)]):
            writer.write(result_record(Job(r.source, f"k{i}"), r.to_dict()))
        writer.write(failed_record(Job("c.txt", "k2"), "c.txt is not a document"))
    documents, items = docextract.read_results(jsonl)
    assert list(documents["source"]) == ["a.jpg", "b.jpg", "c.txt"]
    assert documents["total"].dtype.kind == "f" and documents["total"].sum() == pytest.approx(14.05)
    assert str(documents["date"].dtype).startswith("datetime64") and documents["needs_review"].dtype == bool
    assert list(documents[documents.needs_review]["source"]) == ["b.jpg", "c.txt"]
    assert len(items) == 4 and items.groupby("source")["amount"].sum()["a.jpg"] == pytest.approx(9.23)
    with pytest.raises(ExportError, match="missing.jsonl"):
        docextract.read_results(tmp_path / "missing.jsonl")


def test_read_results_says_what_it_skips_and_refuses_other_files(tmp_path, caplog):
    from docextract.batch import Job, ResultWriter, result_record

    jsonl = tmp_path / "out.jsonl"
    with ResultWriter(jsonl) as writer:
        writer.write(result_record(Job("a.jpg", "k0"), receipt("a.jpg").to_dict()))
    with jsonl.open("a", encoding="utf-8") as fh:
        fh.write("garbage{\n")
    with ResultWriter(jsonl) as writer:
        writer.write(result_record(Job("b.jpg", "k1"), receipt("b.jpg").to_dict()))
    with caplog.at_level("WARNING", logger="docextract.batch"):
        documents, _ = docextract.read_results(jsonl)
    assert list(documents["source"]) == ["a.jpg", "b.jpg"]
    assert "out.jsonl: 1 line that is no result record skipped (line 2)" in caplog.text
    data_only = tmp_path / "one.jsonl"  # what `image -o one.jsonl` writes: the data, no source
    data_only.write_text(receipt("a.jpg").to_json(indent=None) + "\n")
    with pytest.raises(ExportError, match=r"one\.jsonl holds no results; make it with `docextract batch DIR -o one\.jsonl`"):
        docextract.read_results(data_only)
    workbook = tmp_path / "out.xlsx"
    write_table([receipt("a.jpg")], workbook)
    with pytest.raises(ExportError, match=r"out\.xlsx is not a results file; .* `docextract batch DIR -o out\.jsonl`"):
        docextract.read_results(workbook)


def test_one_result_writes_only_what_its_name_says(tmp_path):
    r = receipt("a.jpg")
    with pytest.raises(ExportError, match=r"x\.xlsx: to_csv writes CSV text"):
        r.to_csv(tmp_path / "x.xlsx")
    with pytest.raises(ExportError, match=r"x\.csv: to_xlsx writes a workbook"):
        r.to_xlsx(tmp_path / "x.csv")
    assert list(tmp_path.iterdir()) == []
    assert write_table(r, tmp_path / "one.xlsx") == [tmp_path / "one.xlsx"]  # one result alone, as a list of one


def test_cli_image_and_batch_to_xlsx(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    receipt_pdf(docs / "r1.pdf", ReceiptData())
    receipt_pdf(docs / "r2.pdf", ReceiptData(merchant_name="CORNER CAFE"))
    invoice_pdf(tmp_path / "inv.pdf", InvoiceData())
    one = tmp_path / "one.xlsx"
    run = cli("pdf", docs / "r1.pdf", "--schema", "receipt", "-o", one)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and f"wrote {one}" in run.stderr
    book = openpyxl.load_workbook(one)
    [header, row] = [[c.value for c in r] for r in book["documents"].iter_rows()]
    assert dict(zip(header, row))["total"] == float(ReceiptData().total)
    run = cli("pdf", tmp_path / "inv.pdf", "--schema", "invoice", "-o", tmp_path / "inv.xlsx")
    assert run.returncode == 0, run.stderr
    inv = [[c.value for c in r] for r in openpyxl.load_workbook(tmp_path / "inv.xlsx")["items"].iter_rows()]
    assert len(inv) == 1 + len(InvoiceData().lines)
    out = tmp_path / "all.xlsx"
    run = cli("batch", docs, "--schema", "receipt", "-o", out, "--workers", "1")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "all.jsonl").is_file() and "all.jsonl" in run.stderr
    names = [r[0].value for r in openpyxl.load_workbook(out)["documents"].iter_rows(min_row=2)]
    assert sorted(Path(n).name for n in names) == ["r1.pdf", "r2.pdf"]


@pytest.mark.parametrize("args, message", [
    (["-o", "{tmp}/nodir/x.json"], "cannot write {tmp}/nodir/x.json: the folder {tmp}/nodir does not exist"),
    (["-o", "{tmp}/x.txt"], "{tmp}/x.txt: a .txt file cannot hold this output"),
    (["-f", "csv", "-o", "{tmp}/x.xlsx"], "-f csv does not match the file's suffix"),
    (["-f", "xlsx"], "a workbook cannot go to stdout"),
    (["--csv", "summary", "-o", "{tmp}/x.json"], "--csv chooses the rows of CSV and xlsx output, not of json"),
    (["--schema", "{tmp}/mine.schema.json", "-o", "{tmp}/x.json"],
     "the offline reader extracts code, invoice, receipt, table, not '{tmp}/mine.schema.json'; your own schemas need a vision model"),
])
def test_cli_refuses_an_output_before_any_work(tmp_path, args, message):
    pdf = tmp_path / "r.pdf"
    receipt_pdf(pdf, ReceiptData())
    run = cli("pdf", pdf, *[a.format(tmp=tmp_path) for a in args])
    assert run.returncode == 2 and run.stdout == ""
    assert message.format(tmp=tmp_path) in " ".join(run.stderr.split()), run.stderr
    assert ".tmp" not in run.stderr and sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_cli_csv_rows_alone_mean_csv_and_quiet_means_quiet(tmp_path):
    pdf = tmp_path / "r.pdf"
    receipt_pdf(pdf, ReceiptData())
    run = cli("pdf", pdf, "--csv", "summary")
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(rows) == 1 and rows[0]["total"] == str(ReceiptData().total)
    run = cli("pdf", pdf, "-q", "-o", tmp_path / "r.xlsx")
    assert run.returncode == 0 and run.stderr == "" and (tmp_path / "r.xlsx").is_file()


def test_cli_batch_refuses_csv_named_xlsx(tmp_path):
    receipt_pdf(tmp_path / "r.pdf", ReceiptData())
    run = cli("batch", tmp_path / "r.pdf", "--csv", tmp_path / "out.xlsx")
    assert run.returncode == 2 and "out.xlsx: a .xlsx file cannot hold this output; name it .csv" in " ".join(run.stderr.split())
    run = cli("batch", tmp_path / "r.pdf", "-o", tmp_path / "out.json")
    assert run.returncode == 2 and "name it .jsonl" in " ".join(run.stderr.split())
    run = cli("batch", tmp_path / "r.pdf", "--schema", tmp_path / "mine.schema.json", "-o", tmp_path / "out.jsonl")
    assert run.returncode == 2 and "your own schemas need a vision model" in " ".join(run.stderr.split())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_a_result_flagged_for_review_with_nothing_wrong_says_which_fields_are_doubtful():
    from docextract.testing.documents import receipt_image

    result = docextract.extract(receipt_image(None, dpi=150), "receipt")
    assert result.needs_review and not [i for i in result.issues if i.severity != "info"]
    [why] = [i for i in result.issues if i.code == "low-confidence"]
    assert why.severity == "info" and why.field in ("merchant_name", "merchant_address", "date", "total")
    listed = why.message.split(": ", 1)[1].split(", ")
    confidences = [result.provenance[entry.rsplit(" ", 1)[0]].confidence for entry in listed]
    assert confidences == sorted(confidences)  # the least sure first
    [row] = list(csv.DictReader(io.StringIO(result.to_csv(mode="summary"))))
    assert row["needs_review"] == "true" and row["issues"].startswith("low-confidence: read with less confidence")
