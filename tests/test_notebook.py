from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def test_receipts_notebook_executes_and_shows_its_plot(tmp_path, monkeypatch):
    monkeypatch.delenv("RECEIPTS_FOLDER", raising=False)
    nb = nbformat.read(ROOT / "notebooks" / "receipts.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    table = next(o for o in outputs if o.output_type == "execute_result" and "merchant_name" in str(o.get("data", {})))
    assert "total" in str(table["data"]) and "needs_review" in str(table["data"])
    assert "NaN" not in table["data"]["text/plain"]  # every generated receipt's total was read
    plots = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(plots) == 1  # the plot is shown inline, in the notebook itself
    sheets = next(o for o in outputs if o.output_type == "execute_result" and "documents" in str(o.get("data", {})))
    assert "('documents', 6)" in str(sheets["data"]) and "'items'" in str(sheets["data"])


def test_the_notebook_reads_a_real_folder_with_a_damaged_file_and_a_blank_page(tmp_path, monkeypatch):
    """A user's folder: a receipt, a JPEG cut short and a blank page. The damaged file is listed and
    left out, the blank page has no total, and the workbook goes to the notebook's folder."""
    from docextract.testing.documents import ReceiptData, receipt_pdf

    folder = tmp_path / "receipts"
    folder.mkdir()
    receipt_pdf(folder / "shop.pdf", ReceiptData())
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 40)
    import pymupdf

    with pymupdf.open() as blank:
        blank.new_page()
        blank.save(folder / "blank.pdf")
    monkeypatch.setenv("RECEIPTS_FOLDER", str(folder))
    work = tmp_path / "work"
    work.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / "receipts.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "2 receipts read; could not read: [('broken.jpg'," in printed
    assert (work / "receipts.xlsx").is_file() and sorted(p.name for p in folder.iterdir()) == ["blank.pdf", "broken.jpg", "shop.pdf"]
