"""docextract: receipts, invoices, tables, scans and screenshots to validated structured data, offline.

    >>> import docextract
    >>> result = docextract.extract("receipt.jpg", schema="receipt")
    >>> result.data.total, result.status, result.issues
    >>> result.to_json(), result.to_csv(), result.to_xlsx("r.xlsx"), result.to_dataframe()
    >>> documents, items = docextract.read_results("batch.jsonl")   # DataFrames of a batch

Heavy dependencies (pymupdf, llama_cpp, onnxruntime, pandas) load only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docextract._version import __version__
from docextract.errors import (
    ClusterError,
    DocextractError,
    EngineError,
    EngineLoadError,
    EngineNotFound,
    ExportError,
    InputError,
    MissingDependency,
    ModelError,
    NeedsVisionModel,
    SchemaError,
    SchemaNotFound,
    UsageError,
)

if TYPE_CHECKING:
    from docextract.batch import BatchOptions, run_batch
    from docextract.batch_ray import RayExecutor
    from docextract.engines import Engine, get_engine, list_engines
    from docextract.output.export import results_to_dataframe, write_table
    from docextract.output.frames import Results, read_results
    from docextract.output.result import Extraction
    from docextract.pipeline import Event, extract, extract_documents
    from docextract.schemas import SchemaSpec, list_schemas, resolve_schema
    from docextract.types import FieldSource, Issue, Status, TileResult, Word

_LAZY = {
    "extract": "docextract.pipeline",
    "extract_documents": "docextract.pipeline",
    "Event": "docextract.pipeline",
    "Extraction": "docextract.output.result",
    "Results": "docextract.output.frames",
    "read_results": "docextract.output.frames",
    "results_to_dataframe": "docextract.output.export",
    "write_table": "docextract.output.export",
    "Engine": "docextract.engines",
    "get_engine": "docextract.engines",
    "list_engines": "docextract.engines",
    "SchemaSpec": "docextract.schemas",
    "list_schemas": "docextract.schemas",
    "resolve_schema": "docextract.schemas",
    "BatchOptions": "docextract.batch",
    "run_batch": "docextract.batch",
    "RayExecutor": "docextract.batch_ray",
    "FieldSource": "docextract.types",
    "Issue": "docextract.types",
    "Status": "docextract.types",
    "TileResult": "docextract.types",
    "Word": "docextract.types",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'docextract' has no attribute {name!r}")


__all__ = [
    "BatchOptions",
    "ClusterError",
    "DocextractError",
    "Engine",
    "EngineError",
    "EngineLoadError",
    "EngineNotFound",
    "Event",
    "ExportError",
    "Extraction",
    "FieldSource",
    "InputError",
    "Issue",
    "MissingDependency",
    "ModelError",
    "NeedsVisionModel",
    "RayExecutor",
    "Results",
    "SchemaError",
    "SchemaNotFound",
    "SchemaSpec",
    "Status",
    "TileResult",
    "UsageError",
    "Word",
    "__version__",
    "extract",
    "extract_documents",
    "get_engine",
    "list_engines",
    "list_schemas",
    "read_results",
    "resolve_schema",
    "results_to_dataframe",
    "run_batch",
    "write_table",
]
