"""A sheet of rows with typed columns: what the exports build and the CSV and xlsx writers write."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CONFIDENCE = "_confidence"
"""Suffix of the column that holds how sure the engine was of the column before it."""


@dataclass(frozen=True)
class Column:
    """A sheet column: its name and what its cells hold (``text``, ``number``, ``date``,
    ``datetime``, ``bool``, ``count`` or ``confidence``)."""

    name: str
    kind: str = "text"


@dataclass
class Sheet:
    """Rows of one sheet, all with the same columns (cells missing from a row are empty)."""

    name: str
    columns: list[Column]
    rows: list[dict[str, Any]]
