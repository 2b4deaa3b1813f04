"""``docextract schemas``: list and show the built-in schemas."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from docextract.cli.common import handle_errors
from docextract.cli.options import JsonOpt

schemas_app = typer.Typer(help="List and show schemas.", no_args_is_help=False, invoke_without_command=True)


@schemas_app.callback()
def _default(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the built-in schemas (same as `schemas list`)."""
    if ctx.invoked_subcommand is None:
        list_(as_json)


@schemas_app.command("list")
def list_(as_json: JsonOpt = False) -> None:
    """List the built-in schemas."""
    from docextract.schemas import BUILTIN_SCHEMAS

    rows = [{"name": n, "description": (m.__doc__ or "").strip().splitlines()[0], "fields": list(m.model_fields)} for n, m in sorted(BUILTIN_SCHEMAS.items())]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['name']:<8} {row['description']}  fields: {', '.join(row['fields'])}")


@schemas_app.command("show")
def show(name: Annotated[str, typer.Argument(help="A built-in name, file.py:Class or file.schema.json.")]) -> None:
    """Print a schema's JSON Schema."""
    from docextract.schemas import resolve_schema

    with handle_errors():
        spec = resolve_schema(name)
        typer.echo(json.dumps(spec.json_schema, indent=2, ensure_ascii=False))
