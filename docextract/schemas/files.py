"""Write the built-in schemas as JSON Schema files (``python -m docextract.schemas.files schemas/``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from docextract.schemas import BUILTIN_SCHEMAS


def render(name: str) -> str:
    """The JSON Schema file text of a built-in schema (stable formatting)."""
    return json.dumps(BUILTIN_SCHEMAS[name].model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schema_files(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(BUILTIN_SCHEMAS):
        path = directory / f"{name}.schema.json"
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_schema_files(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        sys.stderr.write(f"wrote {p}\n")
