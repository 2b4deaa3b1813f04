"""The offline reader for the table and code schemas, through extract() and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest

from docextract import extract
from docextract.errors import EngineError
from docextract.sources.mupdf import pymupdf

ROWS = [["Region", "Units", "Revenue"], ["North", "120", "1,250.50"], ["South", "80", "990.00"], ["East", "45", "430.25"]]
CODE = ["def total(items):", "    s = 0", "    for x in items:", "        s += x", "    return s"]


def _table_pdf(path, pages=1):
    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 60), f"Quarterly report, part {p + 1}", fontsize=14)
        y = 120
        for r, row in enumerate(ROWS if p == 0 else [ROWS[0], ["West", "10", "99.00"]]):
            for c, cell in enumerate(row):
                page.insert_text((72 + 150 * c, y), cell, fontsize=10, fontname="hebo" if r == 0 else "helv")
            y += 18
    doc.save(path)


def test_table_schema_on_a_digital_pdf(tmp_path):
    pdf = tmp_path / "report.pdf"
    _table_pdf(pdf)
    result = extract(pdf, "table")
    [table] = [t for t in result.data_dict()["tables"] if t["columns"] == ROWS[0]]
    assert table["rows"] == ROWS[1:] and table["page"] == 1
    frames = result.to_dataframes()
    df = next(f for f in frames if list(f.columns) == ROWS[0])
    assert df["Units"].sum() == 245 and df["Revenue"].dtype.kind == "f"


def test_table_continuing_on_the_next_page_is_stitched(tmp_path):
    pdf = tmp_path / "two.pdf"
    _table_pdf(pdf, pages=2)
    tables = extract(pdf, "table").data_dict()["tables"]
    [table] = [t for t in tables if t["columns"] == ROWS[0]]
    assert [r[0] for r in table["rows"]] == ["North", "South", "East", "West"]


def test_cli_tables_to_xlsx_and_csv(tmp_path):
    pdf = tmp_path / "report.pdf"
    _table_pdf(pdf)
    xlsx = tmp_path / "tables.xlsx"
    run = subprocess.run([sys.executable, "-m", "docextract", "pdf", str(pdf), "--schema", "table", "-o", str(xlsx)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    book = openpyxl.load_workbook(xlsx)
    values = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    assert ["North", 120, 1250.5] in values
    out = tmp_path / "tables.csv"
    run = subprocess.run([sys.executable, "-m", "docextract", "pdf", str(pdf), "--schema", "table", "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    written = sorted(p.name for p in tmp_path.glob("tables*.csv"))
    assert written and any("North,120" in (tmp_path / n).read_text() for n in written)
    run = subprocess.run([sys.executable, "-m", "docextract", "pdf", str(pdf), "--schema", "table"],
                         capture_output=True, text=True, timeout=120)
    assert json.loads(run.stdout)["tables"]


def test_code_schema_on_a_monospace_pdf(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    for i, line in enumerate(CODE):
        page.insert_text((30, 40 + 14 * i), line, fontname="cour", fontsize=10)
    pdf = tmp_path / "code.pdf"
    doc.save(pdf)
    data = extract(pdf, "code").data_dict()
    assert data["code"] == "\n".join(CODE) and data["language"] == "python"


def test_own_schema_needs_a_model(tmp_path):
    pdf = tmp_path / "report.pdf"
    _table_pdf(pdf)
    from pydantic import BaseModel

    class Mine(BaseModel):
        x: int | None = None

    with pytest.raises(EngineError, match="vision model"):
        extract(pdf, Mine, fail_fast=True)
