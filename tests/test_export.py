import csv
import io
import json
from decimal import Decimal

import pytest

from docextract.errors import ExportError
from docextract.output.export import results_to_dataframe
from docextract.output.result import Extraction
from docextract.schemas import Invoice, Receipt
from docextract.types import Issue, Status


def receipt_result(source="r1.jpg", total="11.05", merchant="GREENLEAF"):
    data = Receipt.model_validate({
        "merchant_name": merchant, "date": "2025-03-14", "currency": "USD", "total": total, "tax": "0.65",
        "items": [{"description": "MILK", "quantity": 2, "unit_price": "2.49", "amount": "4.98"},
                  {"description": "BREAD, sourdough", "amount": "4.25"}],
    })
    return Extraction(source=source, schema="receipt", engine="reader", status=Status.OK, data=data,
                      issues=[Issue(code="x", message="m")])


def test_json_data_and_full():
    r = receipt_result()
    data = json.loads(r.to_json())
    assert data["total"] == 11.05 and data["date"] == "2025-03-14" and data["items"][1]["description"] == "BREAD, sourdough"
    full = json.loads(r.to_json(full=True))
    assert full["status"] == "ok" and full["data"] == data and full["issues"][0]["code"] == "x"


def test_csv_items_and_summary():
    r = receipt_result()
    rows = list(csv.DictReader(io.StringIO(r.to_csv())))
    assert len(rows) == 2
    assert rows[0]["merchant_name"] == rows[1]["merchant_name"] == "GREENLEAF"
    assert rows[0]["item_amount"] == "4.98" and rows[1]["item_description"] == "BREAD, sourdough"
    assert rows[0]["total"] == "11.05" and rows[0]["items_count"] == "2"
    summary = list(csv.DictReader(io.StringIO(r.to_csv(mode="summary"))))
    assert len(summary) == 1 and "item_amount" not in summary[0]
    with pytest.raises(ExportError):
        r.to_csv(mode="bogus")


def test_invoice_csv_flattens_parties(tmp_path):
    inv = Invoice.model_validate({"invoice_number": "7", "issuer": {"name": "N", "tax_id": "DE1"}, "lines": [{"description": "a", "amount": 1}]})
    r = Extraction(source="i.pdf", schema="invoice", engine="reader", status=Status.OK, data=inv)
    out = tmp_path / "i.csv"
    r.to_csv(out)
    with out.open() as f:
        row = next(csv.DictReader(f))
    assert row["issuer_name"] == "N" and row["issuer_tax_id"] == "DE1" and row["item_description"] == "a"


def test_dataframe_types():
    df = results_to_dataframe([receipt_result(), receipt_result("r2.jpg", "3.00", "CAFE")], mode="summary")
    assert list(df["source"]) == ["r1.jpg", "r2.jpg"]
    assert df["total"].dtype.kind == "f" and df["total"].sum() == pytest.approx(14.05)
    assert str(df["date"].dtype).startswith("datetime64")
    items = receipt_result().to_dataframe()
    assert len(items) == 2 and items["item_amount"].sum() == pytest.approx(9.23)


def test_failed_result_row_and_code_csv():
    r = Extraction(source="x.pdf", schema="receipt", engine="reader", status=Status.FAILED, data=None, error="boom")
    [row] = r.to_rows()
    assert row["source"] == "x.pdf" and row["status"] == "failed" and row["issues"] == "boom"
    assert row.get("total") is None and row["items_count"] is None
    code = Extraction(source="c.png", schema="code", engine="reader", status=Status.OK, data={"language": "python", "code": "x"})
    with pytest.raises(ExportError, match="no tabular form"):  # the code kit says so
        code.to_csv()
    assert Decimal(str(json.loads(receipt_result().to_json())["total"])) == Decimal("11.05")


def test_records_of_earlier_versions_still_read():
    """Batch files outlive versions: a tile's "box" and per-tile check amounts are read as today's
    ``bbox`` and ``Extraction.printed`` (the review page re-checks with them)."""
    old = {"source": "r.jpg", "schema": "receipt", "engine": "reader", "status": "ok", "data": {"total": 5},
           "tiles": [{"page": 1, "index": 0, "box": [0, 0, 10, 20], "status": "ok", "check_amounts": {"rounding": "0.02"}}]}
    result = Extraction.from_dict(old)
    assert result.tiles[0].bbox == (0, 0, 10, 20) and result.printed == {"rounding": Decimal("0.02")}
    again = Extraction.from_dict(result.to_dict(full=True))
    assert again.printed == result.printed and again.tiles[0].bbox == (0, 0, 10, 20)
