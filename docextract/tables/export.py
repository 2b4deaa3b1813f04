"""Exports of tables: pandas DataFrames with typed numeric columns, CSV files, an xlsx workbook.

pandas and openpyxl are optional (``pip install 'docextract[pandas]'``) and imported on use.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docextract.errors import ExportError, MissingDependency
from docextract.schemas.table import Table

if TYPE_CHECKING:
    import pandas

_MISSING = {"", "-", "–", "—", "−", "n/a", "na", "n.a.", "..."}
MAX_HEADER_ROWS = 4
_YEAR = re.compile(r"^(19|20)\d\d([-–/](\d\d|\d{4}))?$")
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")


def parse_number(text: str) -> float | None:
    """A number from a cell: ``"1,234.5"``, ``"(12)"`` (negative), ``"12%"``, ``"€ 3"``, ``"−4"``.

    Returns None when the cell is not a number. Missing-value marks (``"-"``, ``""``) are not numbers
    here; :func:`to_dataframes` turns them into NaN in columns that are otherwise numeric.
    """
    s = text.strip().replace("\u2212", "-").replace("\u2013", "-").replace("\u00a0", "").replace(" ", "")
    negative = s.startswith("(") and s.endswith(")")
    if negative:
        s = s[1:-1]
    s = s.strip("$€£¥%")
    if s.startswith(("-", "+")):
        negative ^= s.startswith("-")
        s = s[1:]
    s = s.strip("$€£¥")
    if not s or not _NUMBER.match(s) or not any(ch.isdigit() for ch in s):
        return None
    value = float(s.replace(",", ""))
    return -value if negative else value


def _column_values(cells: Sequence[str]) -> list[float | None] | None:
    """Parsed numbers of a column (None for missing marks), or None when any cell is not numeric."""
    values: list[float | None] = []
    seen = False
    for c in cells:
        if c.strip().lower() in _MISSING:
            values.append(None)
            continue
        v = parse_number(c)
        if v is None:
            return None
        values.append(v)
        seen = True
    return values if seen else None


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for i, n in enumerate(names):
        name = " ".join(n.split()) or f"col{i + 1}"
        while name in out:
            name = f"{name}_{i + 1}"
        out.append(name)
    return out


def _is_data_cell(text: str) -> bool:
    """A cell only a body row holds: a number (not a year like "2023") or a missing mark ("-")."""
    t = text.strip()
    return t.lower() in _MISSING - {""} or parse_number(t) is not None and not _YEAR.match(t)


def split_header(table: Table) -> tuple[list[str], list[list[str]]]:
    """Column names and body rows for a DataFrame.

    Leading rows without numbers or missing marks, above a row that has some, are header rows (a group
    header like "Revenue" over "2023 | 2024" included): their texts are joined per column, a group
    header carried over the empty cells to its right. Otherwise ``table.columns`` are the names.
    """
    rows = [list(r) for r in table_rows(table)]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    k = 0
    while k < min(len(rows) - 1, MAX_HEADER_ROWS) and not any(_is_data_cell(c) for c in rows[k]):
        k += 1
    body_starts = any(_is_data_cell(c) for c in rows[k])  # not just the row cap
    if k <= 1 or not body_starts:
        n = 1 if table.columns else 0
        names = rows[0] if n else [""] * width
        return _unique(names), rows[n:]
    parts: list[list[str]] = [[] for _ in range(width)]
    for i, row in enumerate(rows[:k]):
        group = i < k - 1 and 2 * sum(1 for c in row if c) <= width  # a sparse row of group headers
        carried = ""
        for j, cell in enumerate(row):
            if cell:
                carried = cell if j > 0 else ""
            text = cell or (carried if group else "")
            if text:
                parts[j].append(text)
    return _unique([" ".join(p) for p in parts]), rows[k:]


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise MissingDependency("pandas is needed for DataFrames: pip install 'docextract[pandas]'") from e
    return pandas


def to_dataframe(table: Table) -> pandas.DataFrame:
    """One table as a DataFrame: names from the header row(s) (see :func:`split_header`); a column
    whose every cell parses as a number (missing marks aside) becomes float64, int64 when all
    values are whole and none is missing; other columns stay text."""
    pd = _import_pandas()
    names, rows = split_header(table)
    df = pd.DataFrame(rows, columns=names, dtype=object)
    for j, name in enumerate(names):
        values = _column_values([r[j] for r in rows])
        if values is None:
            df[name] = df[name].astype(str)
            continue
        whole = all(v is not None and float(v).is_integer() for v in values)
        series = pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
        df[name] = series.astype("int64") if whole else series
    return df


def to_dataframes(tables: Sequence[Table]) -> list[pandas.DataFrame]:
    """Each table as a pandas DataFrame, numeric columns typed (see :func:`to_dataframe`)."""
    return [to_dataframe(t) for t in tables]


def table_rows(table: Table) -> list[list[str]]:
    """Header (if any) and body rows of a table as one list of rows."""
    return ([list(table.columns)] if table.columns else []) + [list(r) for r in table.rows]


def csv_paths(path: str | Path, count: int) -> list[Path]:
    """Where :func:`write_csv` writes: the path itself for one table, else ``name-1.csv``, ``name-2.csv``…"""
    p = Path(path)
    if count == 1:
        return [p]
    return [p.with_name(f"{p.stem}-{i}{p.suffix or '.csv'}") for i in range(1, count + 1)]


def write_csv(tables: Sequence[Table], path: str | Path) -> list[Path]:
    """Write one CSV per table (UTF-8, header row first when there is one); returns the files written."""
    paths = csv_paths(path, len(tables))
    try:
        for table, p in zip(tables, paths, strict=True):
            with p.open("w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows(table_rows(table))
    except OSError as e:
        raise ExportError(f"cannot write CSV {path}: {e.strerror}; choose a writable path") from e
    return paths


def write_xlsx(tables: Sequence[Table], path: str | Path) -> Path:
    """Write an xlsx workbook with one sheet per table (``Table 1``, ``Table 2``…, numbers as numbers)."""
    try:
        from openpyxl import Workbook
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise MissingDependency("openpyxl is needed for xlsx: pip install 'docextract[pandas]'") from e
    wb = Workbook()
    wb.remove(wb.active)
    for i, table in enumerate(tables or [Table()], 1):
        ws = wb.create_sheet(f"Table {i}" + (f" (p{table.page})" if table.page else ""))
        for row in typed_rows(table):
            ws.append(row)
    try:
        wb.save(path)
    except OSError as e:
        raise ExportError(f"cannot write xlsx {path}: {e.strerror}; choose a writable path") from e
    return Path(path)


def typed_rows(table: Table) -> list[list[object]]:
    """Rows for a sheet: cells of numeric columns as numbers (missing marks as empty cells)."""
    width = max([len(table.columns)] + [len(r) for r in table.rows])
    rows = [list(r) + [""] * (width - len(r)) for r in table.rows]
    typed: list[list[object]] = [list(r) for r in rows]
    for j in range(width):
        values = _column_values([r[j] for r in rows])
        if values is not None:
            for r, v in zip(typed, values, strict=True):
                r[j] = None if v is None else (int(v) if v.is_integer() else v)
    return ([list(table.columns)] if table.columns else []) + typed
