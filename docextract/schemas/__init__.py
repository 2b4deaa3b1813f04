"""Schemas: the built-ins (receipt, invoice, table, code) and the user's own.

A schema is resolved from a name (``receipt``), a Python file and class (``models.py:Expense``, or
a :class:`SchemaSpec` defined there) or a JSON Schema file (``expense.schema.json``) into a
:class:`SchemaSpec`, the kit the stages ask instead of comparing names.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from docextract.errors import SchemaError, SchemaNotFound
from docextract.schemas.builtin import BUILTIN_SPECS
from docextract.schemas.code import Code
from docextract.schemas.invoice import Invoice, InvoiceLine, Party
from docextract.schemas.receipt import LineItem, Receipt
from docextract.schemas.spec import DocumentFields, SchemaSpec
from docextract.schemas.table import Table, Tables

MAX_SCHEMA_BYTES = 2 << 20
"""A JSON Schema file larger than this is refused unread (the built-in ones are under 10 KB)."""
MAX_SCHEMA_DEPTH = 64
"""Nesting of objects and arrays in a JSON Schema (a document schema needs fewer than 20)."""
MAX_SCHEMA_NODES = 100_000

BUILTIN_SCHEMAS: dict[str, type[BaseModel]] = {name: spec.model for name, spec in BUILTIN_SPECS.items()}  # type: ignore[misc]


def list_schemas() -> list[str]:
    return sorted(BUILTIN_SPECS)


def reader_schemas() -> list[str]:
    """The built-in schemas the offline reader can read (those with rules)."""
    return [name for name in list_schemas() if BUILTIN_SPECS[name].rules is not None]


def not_for_reader(schema: str | None) -> str:
    """Why the offline reader cannot read ``schema`` (one of your own): what it reads, and what will."""
    return (f"the offline reader extracts {', '.join(reader_schemas())}, not {schema!r}; "
            "your own schemas need a vision model (--model, see `docextract models`)")


def spec_named(name: str) -> SchemaSpec:
    """The built-in kit called ``name``, else a plain kit of that name (a user schema's results)."""
    return BUILTIN_SPECS.get(name) or SchemaSpec(name, None, {"type": "object"})


def resolve_schema(schema: str | type[BaseModel] | SchemaSpec | dict[str, Any]) -> SchemaSpec:
    """Turn a schema name, ``file.py:Class``, ``file.schema.json``, model class or dict into a spec."""
    if isinstance(schema, SchemaSpec):
        return schema
    if isinstance(schema, type) and issubclass(schema, BaseModel):
        return SchemaSpec.from_model(schema.__name__.lower(), schema)
    if isinstance(schema, dict):
        _check_json_schema(schema, "the given dict")
        return SchemaSpec(str(schema.get("title", "custom")).lower(), None, schema)
    if not isinstance(schema, str):
        raise SchemaError(f"a schema must be a name, a path or a Pydantic model, not {type(schema).__name__}")
    if schema in BUILTIN_SPECS:
        return BUILTIN_SPECS[schema]
    if schema.endswith(".json"):
        return _load_json_schema(Path(schema))
    if ":" in schema and schema.rsplit(":", 1)[0].endswith(".py"):
        path, _, cls = schema.rpartition(":")
        return _load_python_schema(Path(path), cls)
    raise SchemaNotFound(
        f"unknown schema {schema!r}; built-in schemas: {', '.join(list_schemas())}; "
        "or pass your own as path/model.py:ClassName or file.schema.json"
    )


def _load_json_schema(path: Path) -> SchemaSpec:
    if not path.is_file():
        raise SchemaNotFound(f"schema file {path} does not exist")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_SCHEMA_BYTES + 1)
    except OSError as exc:
        raise SchemaError(f"schema file {path} cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_SCHEMA_BYTES:
        raise SchemaError(f"schema file {path} is larger than {MAX_SCHEMA_BYTES >> 20} MB, the limit for a schema; "
                          "it is not read (a document schema is a few KB)")
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise SchemaError(f"schema file {path} is nested deeper than {MAX_SCHEMA_DEPTH} levels, the limit for a schema") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemaError(f"schema file {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise SchemaError(f"schema file {path} must hold a JSON object (a JSON Schema)")
    _check_json_schema(data, str(path))
    name = path.name.removesuffix(".json").removesuffix(".schema")
    return SchemaSpec(name, None, data)


def _check_shape(data: Any, where: str) -> None:
    """Depth and size limits, checked without recursion (the validator and the grammar compiler recurse)."""
    stack, nodes = [(data, 1)], 0
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if depth > MAX_SCHEMA_DEPTH:
            raise SchemaError(f"{where} is nested deeper than {MAX_SCHEMA_DEPTH} levels, the limit for a schema")
        if nodes > MAX_SCHEMA_NODES:
            raise SchemaError(f"{where} has more than {MAX_SCHEMA_NODES:,} values, the limit for a schema")
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children)


def _check_json_schema(data: dict[str, Any], where: str) -> None:
    import jsonschema

    _check_shape(data, where)
    try:
        jsonschema.Draft202012Validator.check_schema(data)
    except jsonschema.SchemaError as exc:
        raise SchemaError(f"{where} is not a valid JSON Schema: {exc.message}") from None
    if data.get("type") != "object":
        raise SchemaError(f'{where}: the top level of a schema must be "type": "object"')


def _load_python_schema(path: Path, class_name: str) -> SchemaSpec:
    if not path.is_file():
        raise SchemaNotFound(f"schema module {path} does not exist")
    # The same name in every process (str hashes are salted per process): results that hold the
    # model's instances travel back from the child that read the document.
    digest = hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:16]
    module_name = f"docextract_user_schema_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:  # pragma: no cover - only for odd suffixes
        raise SchemaError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as exc:  # a user's file can raise anything at import time, exit() too
        sys.modules.pop(module_name, None)
        raise SchemaError(f"importing {path} failed: {type(exc).__name__}: {exc}") from None
    model = getattr(module, class_name, None)
    if isinstance(model, SchemaSpec):  # a whole kit: checks, rules, exports of the user's own
        return model
    if model is None:
        found = [k for k, v in vars(module).items() if isinstance(v, type) and issubclass(v, BaseModel) and v is not BaseModel]
        raise SchemaNotFound(f"{path} has no class {class_name!r}; Pydantic models there: {', '.join(found) or 'none'}")
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise SchemaError(f"{path}:{class_name} is not a Pydantic model (subclass of pydantic.BaseModel)")
    return SchemaSpec.from_model(class_name.lower(), model)


__all__ = [
    "BUILTIN_SCHEMAS",
    "BUILTIN_SPECS",
    "Code",
    "DocumentFields",
    "Invoice",
    "InvoiceLine",
    "LineItem",
    "Party",
    "Receipt",
    "SchemaSpec",
    "Table",
    "Tables",
    "ValidationError",
    "list_schemas",
    "not_for_reader",
    "reader_schemas",
    "resolve_schema",
    "spec_named",
]
