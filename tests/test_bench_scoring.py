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
