"""How benchmarks/bench_reader.py scores a read date against a SROIE label."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_reader import _same_date  # noqa: E402


def test_compact_date_labels() -> None:
    # A label copied from a receipt that prints the date without separators, day first or ISO.
    assert _same_date(dt.date(2019, 7, 14), "14072019")
    assert _same_date(dt.date(2019, 7, 14), "20190714")
    assert not _same_date(dt.date(2019, 7, 13), "14072019")
    assert _same_date(dt.date(2019, 7, 14), "14/07/2019") and not _same_date(None, "14072019")


def test_the_independent_invoice_benchmark_runs_and_scores(tmp_path: Path) -> None:
    """benchmarks/bench_invoices_indep.py end to end on three invoices of its check split (PDFs
    only): the generator's truth, the reading and the scoring fit together."""
    import bench_invoices_indep

    text = bench_invoices_indep.run_split("check", 3, 0, tmp_path)
    rows = dict(line.split(None, 1) for line in text.splitlines()[1:9])
    assert set(rows) == {"invoice_number", "date", "issuer", "total", "currency", "items_count", "items_amounts", "items_exact"}
    assert all(cell.strip().startswith(("100.0%", "66.7%", "33.3%", "0.0%")) for cell in rows.values())
    assert "(n=3)" in rows["total"] and len(list((tmp_path / "check" / "out" / "pdf").glob("*.json"))) == 3


def test_the_independent_table_benchmark_runs_and_scores(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """benchmarks/bench_tables_indep.py end to end on three documents of its check split: the
    generator's files load as ICDAR 2013's do, every table is scored, and docextract finds some."""
    import bench_tables_indep

    assert bench_tables_indep.main(["--n", "3", "--split", "check", "--keep", str(tmp_path)]) == 0
    line = capsys.readouterr().out.splitlines()[-1].split()
    assert line[0] == "docextract"
    f1, rows = float(line[2]), line[4]
    tables = len(list((tmp_path / "check").glob("*.t*.csv")))
    assert tables >= 3 and rows.endswith(f"/{tables}") and 0.5 < f1 <= 1.0
