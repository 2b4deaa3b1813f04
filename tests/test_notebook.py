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
    plots = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(plots) == 1  # the plot is shown inline, in the notebook itself
    sheets = next(o for o in outputs if o.output_type == "execute_result" and "documents" in str(o.get("data", {})))
    assert "('documents', 6)" in str(sheets["data"]) and "'items'" in str(sheets["data"])
