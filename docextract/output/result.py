"""The result of extracting one document."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from docextract.errors import ExportError
from docextract.types import FieldSource, Issue, Status, TileResult

if TYPE_CHECKING:
    import pandas as pd

    from docextract.schemas import SchemaSpec, Table


@dataclass
class Extraction:
    """A validated result with its status, issues, provenance and the raw per-tile output.

    ``data`` is an instance of the schema's Pydantic model (a dict for JSON Schema files); it is
    ``None`` only when nothing could be extracted. ``status`` is ``ok``, ``partial`` (usable, but a
    tile failed or was truncated) or ``failed``. ``needs_review`` is set when a check failed or a field
    has low confidence.
    """

    source: str
    schema: str
    engine: str
    status: Status
    data: BaseModel | dict[str, Any] | None
    model: str | None = None
    sha256: str | None = None
    issues: list[Issue] = field(default_factory=list)
    provenance: dict[str, FieldSource] = field(default_factory=dict)
    needs_review: bool = False
    pages: list[int] = field(default_factory=list)
    tiles: list[TileResult] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    printed: dict[str, Decimal] = field(default_factory=dict)  # amounts the checks use that no field holds (rounding, discount)
    spec: SchemaSpec | None = field(default=None, repr=False, compare=False)  # the schema's kit

    @property
    def kit(self) -> SchemaSpec:
        """The schema kit: the one the result was made with, else the built-in of that name."""
        if self.spec is not None:
            return self.spec
        from docextract.schemas import spec_named

        return spec_named(self.schema)

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def data_dict(self) -> dict[str, Any] | None:
        """The data as JSON-ready Python (money as numbers, dates as ISO strings)."""
        if self.data is None:
            return None
        if isinstance(self.data, BaseModel):
            return self.data.model_dump(mode="json")
        return self.data

    def to_dict(self, full: bool = True) -> dict[str, Any]:
        """The data alone, or (``full``) the whole result: status, issues, provenance, tiles."""
        if not full:
            return self.data_dict() or {}
        return {
            "source": self.source,
            "sha256": self.sha256,
            "schema": self.schema,
            "engine": self.engine,
            "model": self.model,
            "status": self.status.value,
            "needs_review": self.needs_review,
            "data": self.data_dict(),
            "issues": [i.model_dump(exclude_none=True) for i in self.issues],
            "provenance": {k: v.model_dump() for k, v in self.provenance.items()},
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "error": self.error,
            "printed": {k: str(v) for k, v in self.printed.items()},
            "tiles": [t.model_dump(mode="json") for t in self.tiles],
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Extraction:
        """A result from :meth:`to_dict` (``full``) or a batch JSONL record. The data stays JSON-ready
        (a dict); issues, provenance and tiles become their objects again."""
        return cls(
            source=record.get("source") or "",
            schema=record.get("schema") or "",
            engine=record.get("engine") or "",
            status=Status(record.get("status") or "failed"),
            data=record.get("data"),
            model=record.get("model"),
            sha256=record.get("sha256"),
            issues=[Issue.model_validate(i) for i in record.get("issues") or []],
            provenance={k: FieldSource.model_validate(v) for k, v in (record.get("provenance") or {}).items()},
            needs_review=bool(record.get("needs_review")),
            pages=list(record.get("pages") or []),
            tiles=[TileResult.model_validate(t) for t in record.get("tiles") or []],
            seconds=float(record.get("seconds") or 0.0),
            error=record.get("error"),
            printed={k: Decimal(str(v)) for k, v in _printed(record).items()},
        )

    def to_json(self, full: bool = False, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(full), indent=indent, ensure_ascii=False)

    def to_rows(self, mode: str = "items") -> list[dict[str, Any]]:
        """Flat rows for CSV/DataFrames: one per line item (document columns repeated) or one
        ``summary`` row, with needs_review, issues and confidences (see :mod:`docextract.output.export`)."""
        from docextract.output.export import result_rows

        return result_rows(self, mode)

    def to_csv(self, path: str | Path | None = None, mode: str = "items") -> str:
        """CSV text (also written to ``path`` if given)."""
        from docextract.output.export import results_to_csv
        from docextract.output.files import write_atomic

        if path is not None and Path(path).suffix.lower() != ".csv":
            raise ExportError(f"{path}: to_csv writes CSV text; name the file .csv (to_xlsx writes a workbook)")
        text = results_to_csv([self], mode)
        if path is not None:
            write_atomic(path, text)
        return text

    def to_xlsx(self, path: str | Path) -> Path:
        """Write an xlsx workbook: a ``documents`` and an ``items`` sheet (a sheet per table for tables)."""
        from docextract.output.export import write_table

        if Path(path).suffix.lower() != ".xlsx":
            raise ExportError(f"{path}: to_xlsx writes a workbook; name the file .xlsx (to_csv writes CSV)")
        return write_table([self], path)[0]

    def to_dataframe(self, mode: str = "items") -> pd.DataFrame:
        """A pandas DataFrame of :meth:`to_rows`, typed: money as floats, dates as datetimes."""
        from docextract.output.export import results_to_dataframe

        return results_to_dataframe([self], mode)

    def tables(self) -> list[Table]:
        """The data as tables (the ``table`` schema's); :class:`ExportError` for schemas without."""
        from docextract.errors import ExportError

        tables_of = self.kit.tables
        if tables_of is None:
            raise ExportError(f"schema {self.schema!r} has no tables; use --schema table")
        return tables_of(self.data_dict() or {})

    def to_dataframes(self) -> list[pd.DataFrame]:
        """For the ``table`` schema: one DataFrame per table, numeric columns typed."""
        from docextract.output.export import tables_to_dataframes

        return tables_to_dataframes(self.tables())

    def write_tables(self, path: str | Path) -> list[Path]:
        """The tables as ``.csv`` files (one per table) or one ``.xlsx`` (a sheet per table)."""
        from docextract.output.export import write_tables

        return write_tables(self.tables(), path)


def _printed(record: dict[str, Any]) -> dict[str, Any]:
    printed = record.get("printed")
    if printed is None:  # records written before results carried them kept them per tile
        printed = {k: v for t in record.get("tiles") or [] for k, v in (t.get("check_amounts") or {}).items()}
    return printed
