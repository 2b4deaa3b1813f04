"""Exports: CSV rows, pandas, table files. JSON is :class:`~docextract.output.result.Extraction`'s own.

These functions take plain data or a :class:`Result` (any object shaped like
:class:`~docextract.output.result.Extraction`); which of them a schema uses is its kit's business
(:class:`~docextract.schemas.SchemaSpec` ``rows`` and ``tables``). The generic CSV flattening,
:func:`flatten_rows`, is one row per line item with the summary fields repeated (``items`` mode)
or one row per document (``summary`` mode). Excel has a ``documents`` and an ``items`` sheet. Nested objects are flattened with ``_``
(``issuer_name``); item fields are prefixed ``item_``. Money is written as a plain decimal string, so
no precision is lost. pandas is imported only inside the functions that need it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from docextract.errors import ExportError, MissingDependency

if TYPE_CHECKING:
    import pandas as pd

    from docextract.schemas.table import Table


class Result(Protocol):
    """What the exports read of a result (:class:`~docextract.output.result.Extraction` has it all)."""

    source: str
    status: Any
    needs_review: bool
    issues: Sequence[Any]
    provenance: Mapping[str, Any]
    error: str | None

    def data_dict(self) -> dict[str, Any] | None: ...

    def to_rows(self, mode: str = "items") -> list[dict[str, Any]]: ...


CSV_MODES = ("items", "summary")


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}_"))
        elif isinstance(value, list):
            out[name] = "; ".join(json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v) for v in value)
        else:
            out[name] = value
    return out


def _item_list_field(data: dict[str, Any]) -> str | None:
    """The field holding line items: the one list of objects in the data, if exactly one."""
    fields = [k for k, v in data.items() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
    if len(fields) == 1:
        return fields[0]
    for name in ("items", "lines"):
        if name in data and isinstance(data[name], list):
            return name
    return None


def check_mode(mode: str) -> None:
    if mode not in CSV_MODES:
        raise ExportError(f"unknown CSV mode {mode!r}; use one of: {', '.join(CSV_MODES)}")


def flatten_rows(data: dict[str, Any], mode: str = "items") -> list[dict[str, Any]]:
    """Flat rows of one document's data (see module docstring): the default of a schema kit."""
    items_key = _item_list_field(data)
    summary = _flatten({k: v for k, v in data.items() if k != items_key})
    if items_key:
        summary[f"{items_key}_count"] = len(data.get(items_key) or [])
    items = data.get(items_key) or [] if items_key else []
    if mode == "summary" or not items:
        return [summary]
    return [{**summary, **_flatten(item, "item_")} for item in items]


def rows_to_csv(rows: Iterable[dict[str, Any]]) -> str:
    """CSV text with the union of columns in first-seen order."""
    rows = list(rows)
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buf.getvalue()


def results_to_csv(results: Iterable[Result], mode: str = "items") -> str:
    """One CSV for many results (a batch), rows as ``Extraction.to_rows``."""
    rows: list[dict[str, Any]] = []
    for result in results:
        rows.extend(result.to_rows(mode))
    return rows_to_csv(rows)


def document_row(result: Result) -> dict[str, Any]:
    """One row per document: source, status, needs_review, issues, every field (items counted) and
    ``<field>_confidence`` for the fields with provenance."""
    row: dict[str, Any] = {
        "source": result.source,
        "status": result.status.value,
        "needs_review": result.needs_review,
        "issues": "; ".join(f"{i.code}: {i.message}" for i in result.issues),
    }
    data = result.data_dict()
    if data is None:
        row["error"] = result.error
        return row
    items_key = _item_list_field(data)
    row.update(_flatten({k: v for k, v in data.items() if k != items_key}))
    if items_key:
        row[f"{items_key}_count"] = len(data.get(items_key) or [])
    for key, source in result.provenance.items():
        if "[" not in key:
            row[f"{key.replace('.', '_')}_confidence"] = source.confidence
    return row


def item_rows(result: Result) -> list[dict[str, Any]]:
    """One row per line item with its document's source, its position and ``<field>_confidence``."""
    data = result.data_dict() or {}
    items_key = _item_list_field(data)
    rows = []
    for n, item in enumerate(data.get(items_key) or [] if items_key else []):
        row = {"source": result.source, "item": n + 1, **_flatten(item)}
        prefix = f"{items_key}[{n}]."
        for key, source in result.provenance.items():
            if key.startswith(prefix):
                row[f"{key.removeprefix(prefix).replace('.', '_')}_confidence"] = source.confidence
        rows.append(row)
    return rows


def write_xlsx(results: Iterable[Result], target: str | Path | BinaryIO) -> None:
    """An Excel workbook: a ``documents`` sheet (:func:`document_row`) and an ``items`` sheet
    (:func:`item_rows`), with numbers, dates and booleans as typed cells."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError:
        raise MissingDependency("Excel output needs openpyxl: pip install 'docextract[pandas]'") from None
    results = list(results)
    book = Workbook()
    sheets = (("documents", [document_row(r) for r in results]), ("items", [row for r in results for row in item_rows(r)]))
    for n, (title, rows) in enumerate(sheets):
        sheet = book.active if n == 0 else book.create_sheet()
        sheet.title = title
        columns: list[str] = []
        for row in rows:
            columns.extend(k for k in row if k not in columns)
        sheet.append(columns)
        for row in rows:
            sheet.append([_cell(column, row.get(column)) for column in columns])
            for cell in sheet[sheet.max_row]:
                if cell.data_type == "f":  # text read off a page is never a formula ('=HYPERLINK(...)')
                    cell.data_type = "s"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for n_col, column in enumerate(columns, start=1):
            if column.removeprefix("item_") in _DATE_COLUMNS:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=n_col, max_col=n_col):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
        if rows:
            sheet.auto_filter.ref = sheet.dimensions
    book.save(target)


def _cell(column: str, value: Any) -> Any:
    """A typed cell value: ISO dates as dates; numbers and booleans stay; anything else as text."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if column.removeprefix("item_") in _DATE_COLUMNS and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return str(value)


_MONEY_COLUMNS = ("total", "subtotal", "tax", "tip", "amount", "unit_price", "quantity")
_DATE_COLUMNS = ("date", "due_date")


def rows_to_dataframe(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of rows with money columns as floats and dates as datetimes."""
    import pandas as pd

    df = pd.DataFrame(rows)
    for column in df.columns:
        base = column.removeprefix("item_")
        if base in _MONEY_COLUMNS or column.endswith("_count"):
            df[column] = pd.to_numeric(df[column], errors="coerce")
        elif base in _DATE_COLUMNS:
            df[column] = pd.to_datetime(df[column], errors="coerce", format="ISO8601")
    return df


def results_to_dataframe(results: Iterable[Result], mode: str = "items") -> pd.DataFrame:
    """One DataFrame for many results (a folder of receipts)."""
    rows: list[dict[str, Any]] = []
    for result in results:
        rows.extend(result.to_rows(mode))
    return rows_to_dataframe(rows)


def tables_to_dataframes(tables: Sequence[Table]) -> list[pd.DataFrame]:
    """One DataFrame per table, numeric columns typed."""
    from docextract.tables.export import to_dataframes

    return to_dataframes(list(tables))


def write_tables(tables: Sequence[Table], path: str | Path) -> list[Path]:
    """Write tables as ``.csv`` (one file per table) or ``.xlsx`` (a sheet per table)."""
    from docextract.tables import export as tex

    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        tex.write_xlsx(list(tables), path)
        return [path]
    if path.suffix.lower() == ".csv":
        return list(tex.write_csv(list(tables), path))
    raise ExportError(f"tables can be written as .csv or .xlsx, not {path.suffix or 'no suffix'} ({path})")
