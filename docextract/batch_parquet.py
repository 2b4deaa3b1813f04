"""Batch records as a Parquet file: the codec behind ``docextract batch -o results.parquet``.

How a Parquet output is written without ever losing a finished record is in
:class:`docextract.batch.ParquetResults` (a journal, folded in at the end); this module only turns
records into a table and back.

Columns: the record's scalar fields as typed columns (``key``, ``source``, ``sha256``, ``size``,
``status``, ``reason``, ``schema``, ``engine``, ``model``, ``needs_review``, ``seconds``, ``error``,
``detail``, ``finished_at``, ``source_bytes_hex``, ``v``), and ``data``, ``issues``,
``provenance``, ``pages``, ``tiles`` as JSON text (their shape depends on the schema, which one
Parquet schema cannot follow; ``json.loads`` them, or use DuckDB's ``data->>'total'``). Any other
field of a record goes into ``extra`` (JSON). Reading gives back the JSONL record exactly.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docextract.errors import MissingDependency, UsageError

__all__ = ["read_parquet", "require", "write_parquet"]

_TYPES = {
    "v": "int64", "key": "string", "source": "string", "source_bytes_hex": "string", "sha256": "string",
    "size": "int64", "status": "string", "reason": "string", "schema": "string", "engine": "string", "model": "string",
    "needs_review": "bool", "seconds": "float64", "error": "string", "detail": "string", "finished_at": "string",
}
_JSON = ("data", "issues", "provenance", "pages", "tiles")
_OPTIONAL = ("source_bytes_hex", "reason", "detail")  # absent from most records, and absent again when read


def require() -> Any:
    """pyarrow (with its parquet module), or :class:`MissingDependency` saying how to install it."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency("writing Parquet needs pyarrow: pip install 'docextract[parquet]' "
                                "(or 'docextract[ray]'), or name the output .jsonl") from None
    return pyarrow


def read_parquet(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The records of a Parquet output, in order."""
    pa = require()
    try:
        table = pa.parquet.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise UsageError(f"{path} cannot be read as Parquet ({exc}); use another -o file") from None
    if "key" not in table.column_names:
        raise UsageError(f"{path} is not a docextract batch output (it has no key column); use another -o file")
    return [_decode(row) for row in table.to_pylist()]


def write_parquet(path: str | os.PathLike[str], records: Iterable[dict[str, Any]]) -> None:
    """Write ``records`` as the Parquet file ``path``, whole or not at all, and durably (the caller
    deletes the journal they came from next)."""
    from docextract.output.files import write_atomic

    pa = require()
    fields = [pa.field(k, pa.type_for_alias(t)) for k, t in _TYPES.items()] + [pa.field(k, pa.string()) for k in (*_JSON, "extra")]
    table = pa.Table.from_pylist([_encode(r) for r in records], schema=pa.schema(fields))

    def write(tmp: Path) -> None:
        pa.parquet.write_table(table, tmp, compression="zstd")
        _fsync(tmp, os.O_RDONLY)

    target = write_atomic(path, write)
    _fsync(target.parent, os.O_RDONLY)


def _encode(record: dict[str, Any]) -> dict[str, Any]:
    row = {k: record.get(k) for k in _TYPES}
    for k in _JSON:
        row[k] = json.dumps(record[k], ensure_ascii=False, separators=(",", ":")) if record.get(k) is not None else None
    extra = {k: v for k, v in record.items() if k not in _TYPES and k not in _JSON}
    row["extra"] = json.dumps(extra, ensure_ascii=False, separators=(",", ":")) if extra else None
    return row


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    record = {k: row.get(k) for k in _TYPES if not (k in _OPTIONAL and row.get(k) is None)}
    for k in _JSON:
        record[k] = json.loads(row[k]) if row.get(k) is not None else None
    if row.get("extra"):
        record.update(json.loads(row["extra"]))
    return record


def _fsync(path: Path, flags: int) -> None:
    try:
        fd = os.open(path, flags)
    except OSError:  # pragma: no cover - not every platform opens folders
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
