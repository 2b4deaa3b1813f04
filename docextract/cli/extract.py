"""``docextract pdf`` and ``docextract image``: one document to structured data."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from docextract.cli.common import (
    EXIT_USAGE,
    err_console,
    exit_code_for,
    fail,
    handle_errors,
    progress,
    report_issues,
    setup_logging,
    write_text,
)
from docextract.output.result import Extraction

if TYPE_CHECKING:
    from docextract.engines import Engine, EngineOptions


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class CsvMode(str, Enum):
    items = "items"
    summary = "summary"


SchemaOpt = Annotated[str, typer.Option("--schema", "-s", help="receipt, invoice, table, code, file.py:Class or file.schema.json.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (.json, .jsonl, .csv, .xlsx for tables); default stdout.")]
FormatOpt = Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="Output format; default from -o's suffix, else json.")]
CsvOpt = Annotated[CsvMode, typer.Option("--csv", help="CSV rows: one per line item (summary repeated) or one per document.")]
FullOpt = Annotated[bool, typer.Option("--full", help="Print the whole result: status, issues, provenance, raw tile output.")]
EngineOpt = Annotated[Optional[str], typer.Option("--engine", "-e", envvar="DOCEXTRACT_ENGINE", help="reader (offline OCR, default), llama (local GGUF vision model) or openai (a server).")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", "-m", envvar="DOCEXTRACT_MODEL", help="GGUF model path or known model name (llama), or the server's model name (openai).")]
MmprojOpt = Annotated[Optional[str], typer.Option("--mmproj", envvar="DOCEXTRACT_MMPROJ", help="The vision projector GGUF that belongs to --model.")]
HandlerOpt = Annotated[Optional[str], typer.Option("--handler", help="Chat handler override (llava15, llava16, moondream, minicpmv26, qwen25vl, mtmd).")]
BaseUrlOpt = Annotated[Optional[str], typer.Option("--base-url", envvar="DOCEXTRACT_BASE_URL", help="OpenAI-compatible server URL (engine openai).")]
PagesOpt = Annotated[Optional[str], typer.Option("--pages", "-p", help="1-based pages, e.g. 1-3,7.")]
DpiOpt = Annotated[float, typer.Option("--dpi", min=36, max=1200, help="Rasterization DPI for PDF pages.")]
TilesOpt = Annotated[str, typer.Option("--tiles", help="auto, off, or the maximum number of tiles per page.")]
OverlapOpt = Annotated[float, typer.Option("--overlap", min=0.0, max=0.49, help="Tile overlap as a fraction of the tile size.")]
PasswordOpt = Annotated[Optional[str], typer.Option("--password", help="Password of an encrypted PDF.")]
MaxPixelsOpt = Annotated[int, typer.Option("--max-pixels", help="Refuse images larger than this many pixels (decompression bombs).")]
MaxTokensOpt = Annotated[Optional[int], typer.Option("--max-tokens", min=16, help="Output token budget per tile.")]
VerifyOpt = Annotated[Optional[bool], typer.Option("--verify/--no-verify", help="Cross-check model values against the page text (default: when the page has a text layer).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr (errors still shown).")]
VerboseOpt = Annotated[int, typer.Option("--verbose", "-v", count=True, help="-v info, -vv debug and tracebacks.")]


def run_extract(
    file: Path,
    schema: str,
    output: Path | None,
    fmt: OutputFormat | None,
    csv_mode: CsvMode,
    full: bool,
    engine: str | None,
    model: str | None,
    mmproj: str | None,
    handler: str | None,
    base_url: str | None,
    pages: str | None,
    dpi: float,
    tiles: str,
    overlap: float,
    password: str | None,
    max_pixels: int,
    max_tokens: int | None,
    verify: bool | None,
    quiet: bool,
    verbose: int,
    expect: str,
) -> None:
    """Shared body of ``pdf`` and ``image``."""
    from docextract.pipeline import extract
    from docextract.pipeline.tiling import parse_tiles_option

    setup_logging(verbose, quiet)
    with handle_errors(verbose):
        tiles_value = parse_tiles_option(tiles)
        fmt = fmt or _format_from_suffix(output)
        eng = build_engine(engine, engine_flags(model, mmproj, handler, base_url, verbose), quiet)
        _check_kind(file, expect, quiet)
        with progress(quiet) as bar:
            task = bar.add_task(file.name, total=None)

            def on_event(event: object) -> None:
                kind = getattr(event, "kind", "")
                if kind == "page":
                    bar.update(task, description=f"{file.name} page {event.page}/{event.pages}")  # type: ignore[attr-defined]
                    bar.update(task, total=(bar.tasks[0].total or 0) + (event.tiles or 1))  # type: ignore[attr-defined]
                elif kind == "tile":
                    bar.advance(task)

            try:
                result = extract(
                    file, schema, engine=eng, on_event=on_event, pages=pages, dpi=dpi, tiles=tiles_value,
                    overlap=overlap, password=password, max_pixels=max_pixels, max_tokens=max_tokens, verify=verify,
                )
            finally:
                eng.close()
        write_result(result, output, fmt, csv_mode, full)
        report_issues(result, quiet)
    code = exit_code_for([result])
    if result.error and code != 0:
        err_console.print(f"[bold red]Error:[/] {file}: {result.error}", highlight=False)
    raise typer.Exit(code)


def engine_flags(model: str | None, mmproj: str | None, handler: str | None, base_url: str | None, verbose: int) -> EngineOptions:
    """The engine options of the command line (the engine itself interprets them)."""
    from docextract.engines import EngineOptions

    return EngineOptions(model=model, mmproj=mmproj, handler=handler, base_url=base_url, verbose=verbose >= 2)


def build_engine(engine: str | None, options: EngineOptions, quiet: bool) -> Engine:
    """The loaded engine the flags ask for (reader when no model is configured)."""
    from docextract.engines import select_engine

    eng = select_engine(engine, options)
    warn_if_remote(eng, options, quiet)
    eng.load()
    return eng


def warn_if_remote(eng: Engine, options: EngineOptions, quiet: bool) -> None:
    if not eng.local and not quiet:
        where = options.base_url or f"the {eng.name} engine"
        err_console.print(f"[yellow]warning:[/] {where} is not on this machine: document images will be sent there", highlight=False)


def _format_from_suffix(output: Path | None) -> OutputFormat:
    if output is None:
        return OutputFormat.json
    suffix = output.suffix.lower()
    return {".jsonl": OutputFormat.jsonl, ".csv": OutputFormat.csv}.get(suffix, OutputFormat.json)


def _check_kind(file: Path, expect: str, quiet: bool) -> None:
    from docextract.sources import IMAGE_SUFFIXES, PDF_SUFFIXES

    suffix = file.suffix.lower()
    other = "image" if expect == "pdf" else "pdf"
    if not quiet and suffix in (IMAGE_SUFFIXES if expect == "pdf" else PDF_SUFFIXES):
        err_console.print(f"[yellow]note:[/] {file.name} looks like a{'n' if other == 'image' else ''} {other}; reading it anyway", highlight=False)


def write_result(result: Extraction, output: Path | None, fmt: OutputFormat, csv_mode: CsvMode, full: bool) -> None:
    """Write one result in the requested format."""
    if output is not None and output.suffix.lower() == ".xlsx" or (result.kit.tables is not None and fmt is OutputFormat.csv):
        if output is None:
            raise fail("tables as CSV need a file: -o tables.csv (one file per table)", EXIT_USAGE)
        written = result.write_tables(output)
        err_console.print(f"wrote {', '.join(map(str, written))}", highlight=False)
        return
    if fmt is OutputFormat.csv:
        write_text(result.to_csv(mode=csv_mode.value), output)
    elif fmt is OutputFormat.jsonl:
        write_text(result.to_json(full=full, indent=None), output)
    else:
        write_text(result.to_json(full=full), output)
