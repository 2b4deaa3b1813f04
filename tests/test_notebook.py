from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def test_receipts_notebook_executes(tmp_path, monkeypatch):
    monkeypatch.delenv("RECEIPTS_FOLDER", raising=False)
    nb = nbformat.read(ROOT / "notebooks" / "receipts.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    table = next(o for o in outputs if o.output_type == "execute_result" and "merchant_name" in str(o.get("data", {})))
    assert "total" in str(table["data"])
