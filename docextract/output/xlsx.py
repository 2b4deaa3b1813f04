"""The xlsx workbook of :func:`docextract.output.export.write_table` (openpyxl, loaded on use).

Cells are typed (numbers, dates, TRUE/FALSE) so a spreadsheet sums and filters them; text is
always stored as text, never as a formula (a document's "=..." stays a string). Each sheet has
its header frozen and a filter on it; a document that needs review is shaded, and so are values
read with low confidence, so a person sees at once what to check.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docextract.errors import ExportError, MissingDependency
from docextract.output.files import write_atomic
from docextract.output.sheet import CONFIDENCE, Sheet
from docextract.types import REVIEW_CONFIDENCE

REVIEW_FILL = "FFF2CC"  # a document that needs review: pale amber row
DOUBT_FILL = "F8CBAD"  # a value read with low confidence, and its confidence: orange
MAX_CELL = 32_767  # characters Excel keeps in a cell
MAX_WIDTH = 60
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_MONEY_FORMAT = "#,##0.00"


def write_workbook(path: Path, sheets: Sequence[Sheet], grids: Sequence[tuple[str, list[list[object]]]] = ()) -> Path:
    """Write the sheets (typed, styled) and plain grids (tables) as one workbook at ``path``."""
    book = workbook(sheets, grids)
    write_atomic(path, lambda tmp: _save(book, tmp, path))
    return path


def workbook(sheets: Sequence[Sheet], grids: Sequence[tuple[str, list[list[object]]]] = ()) -> Any:
    """The openpyxl workbook of the sheets (typed, styled) and plain grids (tables)."""
    try:
        from openpyxl import Workbook
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise MissingDependency("openpyxl is needed for xlsx: pip install 'docextract[pandas]'") from e
    book = Workbook()
    book.remove(book.active)
    names: set[str] = set()
    for sheet in sheets:
        _write_sheet(book.create_sheet(_sheet_name(sheet.name, names)), sheet, REVIEW_CONFIDENCE)
    for name, rows in grids:
        ws = book.create_sheet(_sheet_name(name, names))
        for row in rows:
            ws.append([_text(v) if isinstance(v, str) else v for v in row])
        _set_strings(ws)
    if not book.worksheets:
        book.create_sheet("documents")
    return book


def _save(book: Any, tmp: Path, path: Path) -> None:
    try:
        book.save(tmp)
    except OSError:
        raise
    except Exception as exc:  # openpyxl refusing a value: a bug here, named plainly
        raise ExportError(f"cannot write {path}: {type(exc).__name__}: {exc}") from None


def _write_sheet(ws: Any, sheet: Sheet, review_below: float) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns = sheet.columns
    ws.append([c.name for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    review = PatternFill("solid", fgColor=REVIEW_FILL)
    doubt = PatternFill("solid", fgColor=DOUBT_FILL)
    index = {c.name: j for j, c in enumerate(columns, 1)}
    money = {c.name for c in columns if c.kind == "number" and _looks_like_money([r.get(c.name) for r in sheet.rows])}
    for r, row in enumerate(sheet.rows, 2):
        ws.append([_typed(row.get(c.name), c.kind) for c in columns])
        cells = ws[r]
        if row.get("needs_review"):
            for cell in cells:
                cell.fill = review
        for c in columns:
            cell = cells[index[c.name] - 1]
            if c.kind == "confidence" and isinstance(cell.value, float):
                cell.number_format = "0.00"
                if cell.value < review_below:
                    cell.fill = doubt
                    field = c.name.removesuffix(CONFIDENCE)
                    if field in index:
                        cells[index[field] - 1].fill = doubt
            elif c.kind == "date" and isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif c.kind == "datetime" and isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif c.name in money and isinstance(cell.value, (int, float)):
                cell.number_format = _MONEY_FORMAT
    _set_strings(ws)
    ws.freeze_panes = "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(sheet.rows) + 1)}"
    for j, c in enumerate(columns, 1):
        longest = max([len(c.name)] + [len(str(row.get(c.name) or "")) for row in sheet.rows[:500]])
        ws.column_dimensions[get_column_letter(j)].width = min(MAX_WIDTH, longest + 2)


def _set_strings(ws: Any) -> None:
    """Every text cell as a string: openpyxl would store a value starting with "=" as a formula."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def _looks_like_money(values: list[Any]) -> bool:
    """Amounts (some with cents, none finer) get two decimals; counts and finer figures stay as they are."""
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not numbers or all(float(v).is_integer() for v in numbers):
        return False
    return all(abs(round(v * 100) - v * 100) < 1e-6 for v in numbers)


def _typed(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if kind == "bool":
        return bool(value)
    if kind in ("number", "confidence", "count") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) if kind == "confidence" else value
    if kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return _text(value)
    if kind == "datetime" and isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).replace(tzinfo=None)  # Excel has no time zones
        except ValueError:
            return _text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return _text(str(value))


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub(" ", value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    base = _SHEET_NAME_BAD.sub("_", name).strip("'") or "sheet"
    candidate, n = base[:31], 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base[: 31 - len(str(n)) - 1]}~{n}"
    taken.add(candidate.lower())
    return candidate
