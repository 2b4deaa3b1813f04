"""Prompts: plain strings built from the schema, with no engine specifics."""

from __future__ import annotations

import json
from typing import Any

PROMPT_VERSION = "1"

_GUIDE = (
    "Copy names, numbers and text exactly as printed. Money is a plain number without currency "
    "symbols or thousands separators (1234.50). Dates are YYYY-MM-DD. Use null (or an empty list) "
    "for anything not visible in this image; never guess."
)


def compact_schema(schema: dict[str, Any]) -> str:
    """The JSON Schema without titles, minified: what the model needs to know, in few tokens."""

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("title", "default")}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return json.dumps(strip(schema), separators=(",", ":"), ensure_ascii=False)


def extraction_prompt(schema_name: str, json_schema: dict[str, Any], *, part: str = "") -> str:
    """Ask for the schema's fields as JSON; ``part`` tells the model it sees one tile of a page."""
    where = f" This image is {part}." if part else ""
    return (
        f"Extract the {schema_name} from this document image.{where} {_GUIDE}\n"
        f"Answer with one JSON object matching this JSON Schema:\n{compact_schema(json_schema)}"
    )


def reask_prompt(prompt: str, previous: str, errors: str) -> str:
    """The original request plus the rejected answer and why it was rejected."""
    return (
        f"{prompt}\n\nA previous answer was rejected:\n{previous[:2000]}\n"
        f"Problems: {errors[:1000]}\nAnswer again with corrected JSON only."
    )


def tile_part(index: int, count: int, page: int, pages: int) -> str:
    """Human wording of where a tile sits, e.g. 'part 2 of 6 of page 1'."""
    where = f"page {page} of {pages}" if pages > 1 else "the page"
    return f"part {index + 1} of {count} of {where}" if count > 1 else where
