"""Corrections beside a results file, their exports, and the review page's pieces that need no browser."""

from __future__ import annotations

import csv
import io
import json
import socket
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner  # noqa: TID251 - tests drive the CLI

from docextract import extract
from docextract.cli import app
from docextract.review import ReviewStore, corrections_path
from docextract.review.render import page_frames, render_page
from docextract.review.store import format_path, parse_path
from docextract.testing.documents import ReceiptData, invoice_pdf, receipt_pdf, render_pdf

runner = CliRunner()


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two receipts read by the real reader, as `docextract pdf --full -f jsonl` lines."""
    root = tmp_path_factory.mktemp("results")
    lines = []
    for name, receipt in (("a.pdf", ReceiptData()), ("b.pdf", ReceiptData(merchant_name="PINE STREET PHARMACY"))):
        receipt_pdf(root / name, receipt)
        lines.append(extract(root / name).to_json(full=True, indent=None))
    path = root / "results.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture()
def fresh(results: Path, tmp_path: Path) -> Path:
    """A copy of the results (with its documents) whose corrections start empty."""
    for f in results.parent.glob("*.pdf"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    copy = tmp_path / "results.jsonl"
    copy.write_text(results.read_text().replace(str(results.parent), str(tmp_path)))
    return copy


def doc_of(store: ReviewStore, name: str):  # noqa: ANN201
    return next(d for d in store.documents() if d.source.endswith(name))


def test_field_paths_round_trip_and_refuse_nonsense() -> None:
    for path in ("total", "issuer.name", "items[0].amount", "lines[12].unit_price"):
        assert format_path(parse_path(path)) == path
    assert parse_path("items[3].amount") == ("items", 3, "amount")
    for bad in ("", "[0]", "items[x]", "a..b", ".a", "items[0]amount", "a b"):
        with pytest.raises(Exception, match="not a field path"):
            parse_path(bad)


def test_a_saved_edit_is_appended_and_the_checks_run_again(fresh: Path) -> None:
    before = fresh.read_bytes()
    store = ReviewStore(fresh)
    doc = doc_of(store, "a.pdf")
    assert not [i for i in doc.result.issues if i.stage == "check"] and doc.result.data["total"] == 11.05

    saved, errors = store.save(doc.id, {"total": "12.05"})
    assert errors == {}
    assert saved.result.data["total"] == 12.05
    assert [i.code for i in saved.result.issues if i.stage == "check"] == ["total-mismatch"]
    assert saved.result.needs_review
    assert saved.result.provenance["total"].confidence == 1.0
    assert saved.corrected == {"total": 11.05}
    lines = [json.loads(line) for line in corrections_path(fresh).read_text().splitlines()]
    assert [(e["action"], e["field"], e["old"], e["new"]) for e in lines] == [("edit", "total", 11.05, 12.05)]
    assert lines[0]["sha256"] == doc.record["sha256"] and lines[0]["source"] == doc.source
    datetime.fromisoformat(lines[0]["time"])

    # Saving the printed value back passes the checks again; another reader of the files agrees.
    store.save(doc.id, {"total": "11.05"})
    again = doc_of(ReviewStore(fresh), "a.pdf")
    assert again.result.data["total"] == 11.05 and not [i for i in again.result.issues if i.stage == "check"]
    assert len(corrections_path(fresh).read_text().splitlines()) == 2
    assert fresh.read_bytes() == before  # the results are never rewritten


def test_a_save_after_a_torn_line_takes_and_bad_lines_are_named(fresh: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A crash mid-line left the corrections file torn: the next save starts a line of its own and
    counts. A line edited by hand that is no correction, or a value the field cannot hold, is
    skipped with a warning, never applied."""
    import docextract

    caplog.set_level("WARNING", logger="docextract.review.store")
    store = ReviewStore(fresh)
    doc = doc_of(store, "a.pdf")
    corrections_path(fresh).write_text('{"action": "edit", "source": "a.p')
    saved, errors = store.save(doc.id, {"total": "9.99"}, accept=True)
    assert errors == {} and saved.result.data["total"] == 9.99 and saved.accepted
    assert doc_of(ReviewStore(fresh), "a.pdf").result.data["total"] == 9.99
    documents, _ = docextract.read_results(fresh)  # pandas sees the review, as export does
    assert documents.set_index(documents.source.map(lambda s: Path(s).name)).loc["a.pdf", "total"] == 9.99
    assert docextract.read_results(fresh, corrections=False)[0]["total"].max() == 11.05

    b = doc_of(store, "b.pdf")
    with corrections_path(fresh).open("a", encoding="utf-8") as fh:
        fh.write("not json at all\n")
        fh.write(json.dumps({"action": "edit", "source": b.source, "sha256": b.record["sha256"], "field": "total",
                             "old": 11.05, "new": "abc"}) + "\n")
    caplog.clear()
    reread = doc_of(ReviewStore(fresh), "b.pdf")
    assert reread.result.data["total"] == 11.05 and not reread.corrected
    assert "2 lines that are no correction skipped (line 1, 4)" in caplog.text  # the torn one, on its own line now
    assert "correction of 'total' to 'abc' is no value of that field" in caplog.text


def test_preview_writes_nothing_and_item_edits_are_checked(fresh: Path) -> None:
    store = ReviewStore(fresh)
    doc = doc_of(store, "a.pdf")
    preview, errors = store.preview(doc.id, {"items[0].amount": "5.98"})
    assert errors == {}
    assert {(i.code, i.field) for i in preview.result.issues if i.stage == "check"} == {
        ("item-amount-mismatch", "items[0].amount"), ("items-subtotal-mismatch", "subtotal")}
    assert not corrections_path(fresh).exists()
    # An empty field clears a value the schema lets be empty.
    preview, errors = store.preview(doc.id, {"payment_method": "", "quantity": "1"})
    assert preview.result.data["payment_method"] is None
    assert "quantity" in errors


def test_values_the_schema_refuses_are_not_saved(fresh: Path) -> None:
    store = ReviewStore(fresh)
    doc = doc_of(store, "a.pdf")
    _, errors = store.save(doc.id, {"total": "$12", "date": "2025-02-30", "items[9].amount": "1", "merchant_name": "OK"})
    assert "plain decimal number" in errors["total"]
    assert "date" in errors["date"]
    assert "not a field" in errors["items[9].amount"]
    assert "merchant_name" not in errors
    assert not corrections_path(fresh).exists()  # nothing of a refused save is written
    saved, errors = store.save(doc.id, {"date": "2025-03-15", "currency": "eur", "items[1].quantity": "1"})
    assert errors == {}
    assert saved.result.data["date"] == "2025-03-15"
    assert saved.result.data["currency"] == "EUR"  # as the schema normalises it
    assert saved.result.data["items"][1]["quantity"] == 1


def test_corrections_follow_the_document_and_skip_a_torn_line(fresh: Path) -> None:
    store = ReviewStore(fresh)
    doc = doc_of(store, "b.pdf")
    store.save(doc.id, {"merchant_name": "PINE ST PHARMACY"}, accept=True)
    with corrections_path(fresh).open("a") as fh:
        fh.write('{"action": "edit", "sha256": "' + doc.record["sha256"] + '", "field": "total", "new": 1')  # a crash
    # The document read again (a later line of the same file) keeps its corrections.
    with fresh.open("a") as fh:
        fh.write(json.dumps(doc.record) + "\n")
    reread = doc_of(ReviewStore(fresh), "b.pdf")
    assert reread.result.data["merchant_name"] == "PINE ST PHARMACY"
    assert reread.result.data["total"] == doc.result.data["total"]
    assert reread.accepted and not reread.result.needs_review
    assert {i.code for i in reread.result.issues if i.stage == "review"} == {"corrected", "accepted"}


def test_a_moved_or_changed_document_is_named(fresh: Path) -> None:
    store = ReviewStore(fresh)
    a, b = doc_of(store, "a.pdf"), doc_of(store, "b.pdf")
    assert store.file_problem(a) is None
    (fresh.parent / "a.pdf").rename(fresh.parent / "moved.pdf")
    assert "cannot be read here" in store.file_problem(a)
    (fresh.parent / "b.pdf").write_bytes(receipt_pdf(None, ReceiptData(merchant_name="OTHER")))
    assert "has changed since it was read" in store.file_problem(b)


def test_queue_puts_documents_that_need_review_first(fresh: Path) -> None:
    store = ReviewStore(fresh)
    b = doc_of(store, "b.pdf")
    store.save(b.id, {"subtotal": "1.00"})
    assert [d.source for d in store.queue()][0].endswith("b.pdf")
    # a document not read at all comes before one with a failed check
    from docextract.batch import Job, failed_record

    with fresh.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(failed_record(Job(str(fresh.parent / "c.pdf"), "kc"), "c.pdf is damaged")) + "\n")
    assert [Path(d.source).name for d in ReviewStore(fresh).queue()][:2] == ["c.pdf", "b.pdf"]


def test_export_applies_corrections_to_xlsx_and_csv(fresh: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    store = ReviewStore(fresh)
    a = doc_of(store, "a.pdf")
    store.save(a.id, {"total": "11.50", "date": "2025-03-15"})

    out = tmp_path / "out.xlsx"
    result = runner.invoke(app, ["export", str(fresh), "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["documents", "items"]
    docs = list(book["documents"].iter_rows(values_only=True))
    header, rows = docs[0], {Path(r[0]).name: dict(zip(docs[0], r)) for r in docs[1:]}
    for column in ("source", "status", "needs_review", "issues", "merchant_name", "total", "total_confidence", "items_count"):
        assert column in header
    assert rows["a.pdf"]["total"] == 11.5 and isinstance(rows["a.pdf"]["total"], float)
    assert rows["a.pdf"]["date"] == datetime(2025, 3, 15)  # a typed date cell
    assert rows["a.pdf"]["needs_review"] is True and "total-mismatch" in rows["a.pdf"]["issues"]
    assert rows["b.pdf"]["total"] == 11.05 and "total-mismatch" not in (rows["b.pdf"]["issues"] or "")
    assert isinstance(rows["b.pdf"]["needs_review"], bool)  # a typed cell (its value is the calibration's)
    items = list(book["items"].iter_rows(values_only=True))
    assert items[0][:4] == ("source", "pages", "line", "description") and len(items) == 1 + 6
    assert "amount_confidence" in items[0]

    result = runner.invoke(app, ["export", str(fresh), "--csv-mode", "summary"])
    assert result.exit_code == 0, result.output
    rows_csv = {Path(r["source"]).name: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert Decimal(rows_csv["a.pdf"]["total"]) == Decimal("11.50") and rows_csv["a.pdf"]["date"] == "2025-03-15"

    bad = runner.invoke(app, ["export", str(fresh), "-o", str(tmp_path / "out.json")])
    assert bad.exit_code == 2 and "a .json file cannot hold this output; name it .csv, .xlsx" in " ".join(bad.output.split())
    nodir = runner.invoke(app, ["export", str(fresh), "-o", str(tmp_path / "nodir" / "out.xlsx")])
    assert nodir.exit_code == 2 and f"the folder {tmp_path / 'nodir'} does not exist" in " ".join(nodir.output.split())
    onto = runner.invoke(app, ["export", str(fresh), "-o", str(fresh)])
    assert onto.exit_code == 2 and "is also an input" in onto.output


def test_xlsx_cells_never_hold_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from docextract.output.export import write_xlsx
    from docextract.output.result import Extraction
    from docextract.types import Status

    result = Extraction(source="x.pdf", schema="receipt", engine="reader", status=Status.OK,
                        data={"merchant_name": "=HYPERLINK(\"http://x\")", "total": 1, "date": "not a date"})
    write_xlsx([result], tmp_path / "x.xlsx")
    sheet = load_workbook(tmp_path / "x.xlsx")["documents"]
    cells = {c.value: c.data_type for c in sheet[2]}
    assert cells['=HYPERLINK("http://x")'] == "s"


def test_review_command_errors_are_one_line(tmp_path: Path, results: Path) -> None:
    missing = runner.invoke(app, ["review", str(tmp_path / "nope.jsonl"), "--no-browser"])
    assert missing.exit_code == 1 and "does not exist" in missing.output and "Traceback" not in missing.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert "holds no results" in runner.invoke(app, ["review", str(empty), "--no-browser"]).output
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        busy = runner.invoke(app, ["review", str(results), "--no-browser", "--port", str(taken.getsockname()[1])])
    finally:
        taken.close()
    assert busy.exit_code == 2 and "cannot listen" in busy.output


def test_any_page_of_a_pdf_renders_in_its_boxes_frame(tmp_path: Path) -> None:
    from docextract.sources.mupdf import pymupdf

    two = pymupdf.open()
    for data in (receipt_pdf(), invoice_pdf()):
        with pymupdf.open(stream=data, filetype="pdf") as part:
            two.insert_pdf(part)
    path = tmp_path / "two.pdf"
    path.write_bytes(two.tobytes())
    result = extract(path, "receipt", dpi=150)
    frames = page_frames(result)
    assert set(frames) == {1, 2}
    image = render_page(path, 2, frames[2])
    # The pipeline's own raster of that page (pymupdf rounds its size up, the frame to the nearest).
    assert abs(image.width - frames[2][0]) <= 1 and abs(image.height - frames[2][1]) <= 1
    from PIL import Image, ImageChops

    shown = Image.open(io.BytesIO(image.data)).convert("RGB")
    assert ImageChops.difference(shown, render_pdf(path.read_bytes(), 150, page=1)).getbbox() is None
