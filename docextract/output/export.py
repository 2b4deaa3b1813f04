"""Spreadsheets and pandas from results: CSV, xlsx, DataFrames (JSON / JSONL is ``Extraction.to_json``).

Everything takes results (:class:`~docextract.output.result.Extraction` objects) or their
*records*: the dicts of ``Extraction.to_dict(full=True)``, which is also what each line of a
batch JSONL holds (the review page hands them over with its corrections applied). A result gives

- one **document** row: ``source``, ``pages``, ``status``, ``needs_review``, ``issues`` (what a
  person should read: the error of a failed document, then ``code: message`` of each error and
  warning), every schema field (nested objects flattened with ``_``: ``issuer_name``),
  ``<items>_count``, and ``<field>_confidence`` for the fields the engine said how sure it was
  of (provenance);
- one **item** row per line item: ``source``, ``pages``, ``line`` (1-based), the item's fields
  and their confidences.

The fields come from the schema kit's flattening (:attr:`SchemaSpec.rows`; :func:`flatten_rows`
when it has none), in the schema's order, so a built-in schema always gives the same columns;
a kit with tables (:attr:`SchemaSpec.tables`) gets a sheet per table instead of items. CSV is
one row per line item with the document columns repeated and the item's prefixed ``item_``
(``items`` mode), or the document rows alone (``summary``); money is a plain decimal, so no
precision is lost. The xlsx workbook (:mod:`docextract.output.xlsx`) has typed cells. pandas
and openpyxl are imported only inside the functions that need them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from docextract.errors import ExportError
from docextract.output.files import write_atomic
from docextract.output.sheet import CONFIDENCE, Column, Sheet

if TYPE_CHECKING:
    import pandas as pd

    from docextract.schemas import SchemaSpec
    from docextract.schemas.table import Table

CSV_MODES = ("items", "summary")

Record = dict[str, Any]


class Result(Protocol):
    """What the exports read of a result (:class:`~docextract.output.result.Extraction` has it all)."""

    source: str
    status: Any
    needs_review: bool
    issues: Sequence[Any]
    provenance: Mapping[str, Any]
    error: str | None

    @property
    def kit(self) -> SchemaSpec: ...

    def data_dict(self) -> dict[str, Any] | None: ...

    def to_dict(self, full: bool = True) -> dict[str, Any]: ...


def check_mode(mode: str) -> None:
    if mode not in CSV_MODES:
        raise ExportError(f"unknown CSV mode {mode!r}; use one of: {', '.join(CSV_MODES)}")


# --- records -------------------------------------------------------------------------------------


def as_record(result: Result | Record) -> Record:
    """The record of a result: a JSONL record as is, an :class:`Extraction` as ``to_dict(full=True)``."""
    if isinstance(result, dict):
        return result
    if not hasattr(result, "to_dict"):
        raise ExportError(f"cannot export a {type(result).__name__}; pass Extraction objects or their records (dicts)")
    return result.to_dict(full=True)


def kit_of(result: Result | Record) -> SchemaSpec:
    """The schema kit of a result: its own, else the built-in kit its record names (a plain kit for
    a user schema's records)."""
    if not isinstance(result, dict):
        return result.kit
    from docextract.schemas import spec_named

    return spec_named(str(result.get("schema") or ""))


def _with_kits(results: Iterable[Result | Record] | Result, spec: SchemaSpec | None) -> list[tuple[Record, SchemaSpec]]:
    if isinstance(results, dict) or hasattr(results, "to_dict"):  # one result given alone
        results = [results]  # type: ignore[list-item]
    if not isinstance(results, Iterable):
        raise ExportError(f"cannot export a {type(results).__name__}; pass Extraction objects or their records (dicts)")
    return [(as_record(r), spec or kit_of(r)) for r in results]


# --- the shape of a kit's rows ---------------------------------------------------------------------


@dataclass
class Layout:
    """Columns of a schema's rows: document fields, the line-item field and the items' fields."""

    fields: list[Column] = field(default_factory=list)
    items_key: str | None = None
    item_fields: list[Column] = field(default_factory=list)

    @staticmethod
    def add(columns: list[Column], name: str, kind: str) -> None:
        if all(c.name != name for c in columns):
            columns.append(Column(name, kind))


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """A property without its ``$ref`` and its ``anyOf [X, null]`` wrapper."""
    for _ in range(16):  # $refs may chain; a loop would be a broken schema
        if "$ref" in prop:
            prop = defs.get(str(prop["$ref"]).rsplit("/", 1)[-1], {})
            continue
        options = [p for p in prop.get("anyOf", prop.get("oneOf", [])) if p.get("type") != "null"]
        if len(options) == 1:
            prop = options[0]
            continue
        break
    return prop


def _kind(prop: dict[str, Any]) -> str:
    kind = prop.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind in ("number", "integer"):
        return "number"
    if kind == "boolean":
        return "bool"
    if kind == "string" and prop.get("format") in ("date", "date-time"):
        return "date" if prop["format"] == "date" else "datetime"
    return "text"


def _schema_columns(schema: dict[str, Any], defs: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(column, kind, property) of each field as :func:`flatten_rows` names it; lists are kind ``list``."""
    for key, raw in (schema.get("properties") or {}).items():
        prop = _resolve(raw, defs)
        name = f"{prefix}{key}"
        if prop.get("type") == "object" or "properties" in prop:
            yield from _schema_columns(prop, defs, f"{name}_")
        elif prop.get("type") == "array":
            yield name, "list", _resolve(prop.get("items") or {}, defs)
        else:
            yield name, _kind(prop), prop


def _schema_layout(spec: SchemaSpec) -> Layout:
    out = Layout(items_key=spec.items_field)
    try:
        schema = spec.json_schema
    except Exception:  # a kit without a usable schema: the data alone decides the columns
        return out
    defs = schema.get("$defs") or schema.get("definitions") or {}
    for name, kind, prop in _schema_columns(schema, defs):
        if kind != "list":
            out.add(out.fields, name, kind)
        elif name == out.items_key:
            for item, item_kind, _ in _schema_columns(prop, defs):
                out.add(out.item_fields, item, item_kind)
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _item_list_field(data: dict[str, Any]) -> str | None:
    """The field holding line items in data of a kit that does not say: its one list of objects."""
    fields = [k for k, v in data.items() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
    if len(fields) == 1:
        return fields[0]
    for name in ("items", "lines"):
        if name in data and isinstance(data[name], list):
            return name
    return None


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


def flatten_rows(data: dict[str, Any], mode: str = "items", items_field: str | None = None) -> list[dict[str, Any]]:
    """The default flattening of a kit (:attr:`SchemaSpec.rows`): one row per line item with the
    document's fields repeated and the item's prefixed ``item_`` (``items``), or one ``summary``
    row with ``<items>_count``. Nested objects are flattened with ``_``; other lists are joined."""
    check_mode(mode)
    items_key = items_field or _item_list_field(data)
    summary = _flatten({k: v for k, v in data.items() if k != items_key})
    if items_key:
        summary[f"{items_key}_count"] = len(data.get(items_key) or [])
    items = data.get(items_key) or [] if items_key else []
    if mode == "summary" or not items:
        return [summary]
    return [{**summary, **_flatten(item, "item_")} for item in items if isinstance(item, dict)]


def _kit_rows(kit: SchemaSpec, data: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A document's fields and its items' fields, by the kit's flattening (which ``items``-mode
    rows repeat the document's fields in and prefix the item's with ``item_``)."""
    if kit.rows is None:
        [summary] = flatten_rows(data, "summary", kit.items_field)
        rows = flatten_rows(data, "items", kit.items_field)
    else:
        [summary] = kit.rows(data, "summary")[:1] or [{}]
        rows = kit.rows(data, "items")
    items = []
    for row in rows:
        item = {k.removeprefix("item_"): v for k, v in row.items() if k not in summary}
        if item:
            items.append(item)
    return summary, items


# --- rows ----------------------------------------------------------------------------------------

_ITEM_KEY = re.compile(r"^(?P<list>\w+)\[(?P<index>\d+)\]\.(?P<field>.+)$")


def _pages_text(pages: Any) -> str:
    """``[1, 2, 3, 5]`` as ``1-3, 5``."""
    numbers = sorted({p for p in pages or [] if isinstance(p, int)})
    spans: list[list[int]] = []
    for n in numbers:
        if spans and spans[-1][1] == n - 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def issue_text(record: Record) -> str:
    """What a person should read about a record: its error, then its errors and warnings, and the
    fields read with low confidence, as ``code: message`` (the code to filter on, the message to act on)."""
    texts: list[str] = []
    if record.get("error"):
        texts.append(str(record["error"]))
    for issue in record.get("issues") or []:
        # infos are notes, but a doubtful field says why a record without problems needs review
        if not isinstance(issue, dict) or (issue.get("severity") == "info" and issue.get("code") != "low-confidence"):
            continue
        code, message = issue.get("code"), str(issue.get("message") or "")
        message = f"{code}: {message}" if code and message else str(code or message)
        if issue.get("page") and len(record.get("pages") or []) > 1:
            message += f" (page {issue['page']})"
        if message and message not in texts:
            texts.append(message)
    return "; ".join(texts)


def _confidences(record: Record, items_key: str | None) -> tuple[dict[str, float], dict[int, dict[str, float]]]:
    """Confidence per document column and per item (index → item column) from the provenance."""
    document: dict[str, float] = {}
    items: dict[int, dict[str, float]] = {}
    for key, source in (record.get("provenance") or {}).items():
        confidence = source.get("confidence") if isinstance(source, dict) else getattr(source, "confidence", None)
        if not _is_number(confidence):
            continue
        match = _ITEM_KEY.match(key)
        if match and match["list"] == items_key:
            items.setdefault(int(match["index"]), {})[match["field"].replace(".", "_")] = float(confidence)
        elif not match:
            document[key.replace(".", "_")] = float(confidence)
    return document, items


def _head(record: Record) -> dict[str, Any]:
    return {"source": record.get("source"), "pages": _pages_text(record.get("pages")), "status": record.get("status"),
            "needs_review": bool(record.get("needs_review")), "issues": issue_text(record)}


def _head_columns() -> list[Column]:
    return [Column("source"), Column("pages"), Column("status"), Column("needs_review", "bool"), Column("issues")]


def _confidence_columns(columns: list[Column], rows: list[dict[str, Any]]) -> list[Column]:
    """A ``<field>_confidence`` column for each field that some row has a confidence for."""
    seen = {k for row in rows for k in row if k.endswith(CONFIDENCE)}
    return [Column(c.name + CONFIDENCE, "confidence") for c in columns if c.name + CONFIDENCE in seen]


def _tables_of(kit: SchemaSpec, record: Record) -> list[Table]:
    data = record.get("data")
    return kit.tables(data) if kit.tables is not None and isinstance(data, dict) else []


def _data(record: Record) -> dict[str, Any]:
    data = record.get("data")
    if data is not None and not isinstance(data, dict):
        raise ExportError(f"{record.get('source')}: its data is a {type(data).__name__}, not an object; it has no rows")
    return data or {}


def sheets(results: Iterable[Result | Record], spec: SchemaSpec | None = None) -> tuple[Sheet, Sheet]:
    """The ``documents`` and ``items`` sheets of results of one schema (``spec``: the kit to
    read them with, else each result's own)."""
    pairs = _with_kits(results, spec)
    names = {r.get("schema") for r, _ in pairs} - {None, ""}
    if len(names) > 1:
        raise ExportError(f"the results are of several schemas ({', '.join(sorted(map(str, names)))}); export each schema on its own")
    kit = next((k for r, k in pairs if r.get("schema")), pairs[0][1] if pairs else None)
    lay = _schema_layout(kit) if kit is not None else Layout()
    counted: list[str] = []
    documents: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for record, _ in pairs:
        data = _data(record)
        head = _head(record)
        row = dict(head)
        if kit is not None and kit.tables is not None:  # tables get sheets of their own; here, a count
            for name, value in data.items():
                if isinstance(value, list):
                    row[f"{name}_count"] = len(value)
                    counted += [name] if name not in counted else []
            documents.append(row)
            continue
        if record.get("data") is not None:
            fields, item_fields = _kit_rows(kit, data) if kit is not None else (flatten_rows(data, "summary")[0], [])
        else:
            fields, item_fields = {}, []
        lay.items_key = lay.items_key or (_item_list_field(data) if data else None)
        count = f"{lay.items_key}_count" if lay.items_key else None
        for name, value in fields.items():
            if name != count:
                lay.add(lay.fields, name, "number" if _is_number(value) else "text")
        row.update(fields)
        if count and count not in row:
            row[count] = None
        conf, item_conf = _confidences(record, lay.items_key)
        row.update({k + CONFIDENCE: v for k, v in conf.items()})
        documents.append(row)
        for i, item in enumerate(item_fields):
            for name, value in item.items():
                lay.add(lay.item_fields, name, "number" if _is_number(value) else "text")
            item_row = {"source": head["source"], "pages": head["pages"], "line": i + 1, **item}
            item_row.update({k + CONFIDENCE: v for k, v in item_conf.get(i, {}).items()})
            items.append(item_row)
    counts = [Column(f"{name}_count", "count") for name in ([lay.items_key] if lay.items_key else counted)]
    doc_columns = _head_columns() + lay.fields + counts + _confidence_columns(lay.fields, documents)
    item_columns = [Column("source"), Column("pages"), Column("line", "count"), *lay.item_fields]
    item_columns += _confidence_columns(lay.item_fields, items)
    return Sheet("documents", doc_columns, documents), Sheet("items", item_columns, items)


def csv_sheet(results: Iterable[Result | Record], mode: str = "items", spec: SchemaSpec | None = None) -> Sheet:
    """The rows of a CSV: one per line item with its document's columns (``items``), or one per
    document (``summary``). A kit with tables has no such rows (:class:`ExportError`)."""
    check_mode(mode)
    pairs = _with_kits(results, spec)
    for record, kit in pairs:
        if kit.tables is not None and record.get("data") is not None:
            raise ExportError("table results have one CSV per table (-o tables.csv) or a sheet per table (-o tables.xlsx)")
    documents, items = sheets([r for r, _ in pairs], next((k for _, k in pairs), None))
    if mode == "summary":
        return documents
    by_doc: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for item in items.rows:
        by_doc.setdefault((item["source"], item["pages"]), []).append(item)
    item_columns = [Column("item_" + c.name, c.kind) for c in items.columns[2:]]
    rows: list[dict[str, Any]] = []
    for doc in documents.rows:
        mine = by_doc.pop((doc["source"], doc["pages"]), None) or [{}]
        rows.extend({**doc, **{"item_" + k: v for k, v in item.items() if k not in ("source", "pages")}} for item in mine)
    return Sheet("rows", documents.columns + item_columns, rows)


def _cell_text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def sheet_csv(sheet: Sheet) -> str:
    """CSV text of a sheet (header first; empty cells for missing values)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[c.name for c in sheet.columns], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in sheet.rows:
        writer.writerow({k: _cell_text(v) for k, v in row.items()})
    return buf.getvalue()


# --- the public functions ----------------------------------------------------------------------------


def result_rows(result: Result | Record, mode: str = "items", spec: SchemaSpec | None = None) -> list[dict[str, Any]]:
    """Flat rows of one result (see :func:`csv_sheet`)."""
    return csv_sheet([result], mode, spec).rows


def rows_to_csv(rows: Iterable[dict[str, Any]]) -> str:
    """CSV text of rows, with the union of their columns in first-seen order."""
    rows = list(rows)
    names: list[str] = []
    for row in rows:
        names.extend(k for k in row if k not in names)
    return sheet_csv(Sheet("rows", [Column(n) for n in names], rows))


def results_to_csv(results: Iterable[Result | Record], mode: str = "items", spec: SchemaSpec | None = None) -> str:
    """CSV text of results of one schema (see :func:`csv_sheet`)."""
    return sheet_csv(csv_sheet(results, mode, spec))


def write_xlsx(results: Iterable[Result | Record], target: str | os.PathLike[str] | BinaryIO,
               spec: SchemaSpec | None = None) -> None:
    """The workbook of :func:`write_table` written to a path (whole or not at all) or to a binary
    file object (a download)."""
    from docextract.output.xlsx import workbook, write_workbook

    parts = _workbook_sheets(_with_kits(results, spec))
    if isinstance(target, (str, os.PathLike)):
        write_workbook(Path(target), *parts)
    else:
        workbook(*parts).save(target)


def _workbook_sheets(pairs: list[tuple[Record, SchemaSpec]]) -> tuple[list[Sheet], list[tuple[str, list[list[object]]]]]:
    """The sheets of a workbook: documents, items (unless the kit has tables), one per table."""
    kit = next((k for _, k in pairs), None)
    documents, items = sheets([r for r, _ in pairs], kit)
    if kit is None or kit.tables is None:
        return [documents, items], []
    from docextract.tables.export import typed_rows

    grids: list[tuple[str, list[list[object]]]] = []
    for record, _ in pairs:
        stem = Path(str(record.get("source") or "")).stem if len(pairs) > 1 else ""
        for i, table in enumerate(_tables_of(kit, record), 1):
            name = f"Table {i}" + (f" (p{table.page})" if table.page else "")
            grids.append((f"{stem[:12]} {name}".strip() if stem else name, typed_rows(table)))
    return [documents], grids


def write_table(results: Iterable[Result | Record], path: str | os.PathLike[str], *, mode: str = "items",
                spec: SchemaSpec | None = None) -> list[Path]:
    """Write results as a spreadsheet: ``.xlsx`` (a ``documents`` and an ``items`` sheet with typed
    cells, or a sheet per table for a kit with tables) or ``.csv`` (rows as :func:`csv_sheet`;
    one file per table for one result with tables). Files are replaced only once complete.

    ``results`` are :class:`~docextract.output.result.Extraction` objects or their records
    (dicts as in a batch JSONL, e.g. with a reviewer's corrections applied); ``spec`` is the kit
    to read records of a user schema with. Returns the files written.
    """
    target = Path(path)
    pairs = _with_kits(results, spec)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        from docextract.output.xlsx import write_workbook

        write_workbook(target, *_workbook_sheets(pairs))
        return [target]
    if suffix == ".csv":
        with_tables = [(r, k) for r, k in pairs if k.tables is not None and r.get("data") is not None]
        if with_tables:
            if len(pairs) > 1:
                raise ExportError(f"{target}: tables of several documents need a workbook (.xlsx, a sheet per table), not one CSV")
            record, kit = with_tables[0]
            return write_tables(_tables_of(kit, record), target)
        write_atomic(target, sheet_csv(csv_sheet([r for r, _ in pairs], mode, next((k for _, k in pairs), None))))
        return [target]
    raise ExportError(f"{target}: a spreadsheet is written as .xlsx or .csv, not {suffix or 'a file without a suffix'}")


def sheet_dataframe(sheet: Sheet) -> pd.DataFrame:
    """A sheet as a DataFrame: numbers as floats, dates as datetimes, flags as booleans."""
    import pandas as pd

    df = pd.DataFrame(sheet.rows, columns=[c.name for c in sheet.columns])
    for column in sheet.columns:
        values = df[column.name]
        if column.kind in ("number", "confidence", "count"):
            df[column.name] = pd.to_numeric(values, errors="coerce")
        elif column.kind in ("date", "datetime"):
            df[column.name] = pd.to_datetime(values, errors="coerce", format="ISO8601")
        elif column.kind == "bool":
            df[column.name] = values.fillna(False).astype(bool)
    return df


def results_to_dataframe(results: Iterable[Result | Record], mode: str = "items", spec: SchemaSpec | None = None) -> pd.DataFrame:
    """One DataFrame for many results (a folder of receipts): CSV rows (see :func:`csv_sheet`), typed."""
    return sheet_dataframe(csv_sheet(results, mode, spec))


# --- tables ----------------------------------------------------------------------------------------


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
