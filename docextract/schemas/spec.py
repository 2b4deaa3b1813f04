"""A schema kit: the model and everything the stages need to know about it.

The pipeline, the reader, the checks and the exports ask the kit; none of them knows a schema by
its name. The built-in kits are in :mod:`docextract.schemas.builtin`; a user's schema gets one
from its model's ``docextract_*`` class variables, or is a :class:`SchemaSpec` itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from docextract.schemas.table import Table
    from docextract.types import Issue

DEFAULT_MAX_TOKENS = 1536

Merge = Literal["document", "tables", "lines", "object"]
Checks = Callable[[dict[str, Any], Mapping[str, Any]], "list[Issue]"]
"""``(merged data, printed amounts the schema has no field for) -> issues``."""
Rows = Callable[[dict[str, Any], str], "list[dict[str, Any]]"]
"""``(data, mode) -> flat rows`` for CSV and DataFrames (``mode``: ``items`` or ``summary``)."""
TablesOf = Callable[[dict[str, Any]], "list[Table]"]
"""``data -> tables``: one CSV file or spreadsheet sheet each."""
Rules = Callable[..., Any]
"""``(words, *, tables=None) -> docextract.rules.Reading``: the schema read from a page's words
(``tables``: the page's own text-layer tables, a callable, where the source has them)."""


@dataclass(frozen=True)
class DocumentFields:
    """The fields that tell one document from the next in a file holding several (dotted paths
    into the data; see :mod:`docextract.pipeline.split`)."""

    key: tuple[str, ...] = ()  # a document's own name: an invoice number
    header: tuple[str, ...] = ()  # what a first page shows: the issuer's or merchant's name
    date: str | None = None
    total: str | None = None


@dataclass(frozen=True)
class SchemaSpec:
    """A resolved schema.

    Attributes:
        name: what results and records call it.
        model: the Pydantic model, or ``None`` for a JSON Schema (``raw_json_schema``).
        merge: how tile results combine: ``document`` (fields reconciled, item lists joined),
            ``tables`` (tables stitched across tiles and pages), ``lines`` (the code, overlap removed)
            or ``object`` (fields reconciled).
        items_field: the list of line items, if any.
        max_tokens: a vision model's output budget per tile.
        checks: the arithmetic (or other) checks, run once on the merged document.
        rows: CSV/DataFrame flattening; ``None`` is the generic one (one row per item).
        tables: the data as tables (CSV per table, a sheet per table); ``None``: it has none.
        rules: reads the schema from words without a model (the ``reader`` engine); ``None``:
            this schema needs a vision model.
        document: the fields that tell documents apart in a file of several (``--split auto``);
            ``None``: a file is one document.
        key_fields: the fields (dotted paths) a result is no use without: one that is missing, or
            whose calibrated confidence is below the calibration's threshold, sends it to review.
        calibration: the name of the fitted confidence model (``schemas/calibration/NAME.json``,
            :mod:`docextract.pipeline.confidence`); ``None``: confidences are the engine's own.
    """

    name: str
    model: type[BaseModel] | None
    raw_json_schema: dict[str, Any] | None = None
    merge: Merge = "object"
    items_field: str | None = None
    max_tokens: int = DEFAULT_MAX_TOKENS
    checks: Checks | None = None
    rows: Rows | None = None
    tables: TablesOf | None = None
    rules: Rules | None = None
    document: DocumentFields | None = None
    key_fields: tuple[str, ...] = ()
    calibration: str | None = None

    @classmethod
    def from_model(cls, name: str, model: type[BaseModel]) -> SchemaSpec:
        """A user's model, with the kit settings it declares as class variables
        (``docextract_merge``, ``docextract_items``, ``docextract_max_tokens``, ``docextract_document``)."""
        return cls(
            name,
            model,
            merge=getattr(model, "docextract_merge", "object"),
            items_field=getattr(model, "docextract_items", None),
            max_tokens=int(getattr(model, "docextract_max_tokens", DEFAULT_MAX_TOKENS)),
            document=getattr(model, "docextract_document", None),
        )

    @cached_property
    def json_schema(self) -> dict[str, Any]:
        if self.model is not None:
            return self.model.model_json_schema()
        assert self.raw_json_schema is not None
        return self.raw_json_schema

    def validate(self, data: Any) -> BaseModel | dict[str, Any]:
        """Validate data; raises :class:`pydantic.ValidationError` or ``jsonschema.ValidationError``."""
        if self.model is not None:
            return self.model.model_validate(data)
        import jsonschema

        jsonschema.validate(data, self.json_schema)
        return data

    def dump(self, obj: BaseModel | dict[str, Any] | None) -> dict[str, Any] | None:
        """JSON-ready dict of a validated object."""
        if obj is None:
            return None
        if isinstance(obj, BaseModel):
            return obj.model_dump(mode="json")
        return obj

    def check(self, data: dict[str, Any], printed: Mapping[str, Any] | None = None) -> list[Issue]:
        """The kit's checks on (merged) data; none when the kit has no checks."""
        return self.checks(data, printed or {}) if self.checks is not None else []
