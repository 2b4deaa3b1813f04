"""``docextract batch``: folders of documents → one resumable JSONL file (and optionally a CSV)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from docextract.cli import extract as ex
from docextract.cli.common import (
    EXIT_USAGE,
    err_console,
    fail,
    handle_errors,
    setup_logging,
    write_text,
)

if TYPE_CHECKING:
    from docextract.engines import EngineOptions

InputsArg = Annotated[list[str], typer.Argument(help="Folders (searched recursively), files, or quoted globs like 'scans/**/*.jpg'.", show_default=False)]
JsonlOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="The JSONL results file: one line per document, appended as each finishes; rerunning resumes.")]
CsvFileOpt = Annotated[Optional[Path], typer.Option("--csv", help="Also write a CSV from the JSONL at the end.")]
CsvModeOpt = Annotated[ex.CsvMode, typer.Option("--csv-mode", help="CSV rows: one per line item (summary repeated) or one per document.")]
WorkersOpt = Annotated[Optional[int], typer.Option("--workers", "-j", min=1, help="Parallel worker processes (default: the free CPU cores).")]
RetryOpt = Annotated[bool, typer.Option("--retry-failed", help="Redo documents whose earlier result failed (the new line supersedes the old).")]


class _Rate(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.2f} docs/s" if speed else "-- docs/s", style="progress.data.speed")


def batch_command(
    inputs: InputsArg,
    schema: ex.SchemaOpt = "receipt",
    output: JsonlOpt = None,
    csv: CsvFileOpt = None,
    csv_mode: CsvModeOpt = ex.CsvMode.items,
    workers: WorkersOpt = None,
    retry_failed: RetryOpt = False,
    engine: ex.EngineOpt = None,
    model: ex.ModelOpt = None,
    mmproj: ex.MmprojOpt = None,
    handler: ex.HandlerOpt = None,
    base_url: ex.BaseUrlOpt = None,
    pages: ex.PagesOpt = None,
    dpi: ex.DpiOpt = 200,
    tiles: ex.TilesOpt = "auto",
    overlap: ex.OverlapOpt = 0.15,
    password: ex.PasswordOpt = None,
    max_pixels: ex.MaxPixelsOpt = 200_000_000,
    max_tokens: ex.MaxTokensOpt = None,
    verify: ex.VerifyOpt = None,
    quiet: ex.QuietOpt = False,
    verbose: ex.VerboseOpt = 0,
) -> None:
    """Extract every document under folders/globs in parallel into a resumable JSONL file.

    Exit codes: 0 all ok, 1 nothing could be processed, 2 usage error (no inputs found), 3 some documents partial or failed.
    """
    from docextract.batch import BatchOptions, default_workers, run_batch
    from docextract.pipeline.tiling import parse_tiles_option

    setup_logging(verbose, quiet)
    with handle_errors(verbose):
        jsonl = _jsonl_path(output, csv, quiet)
        name, eng_opts = _engine_config(engine, model, mmproj, handler, base_url, verbose, quiet, workers or default_workers())
        options = {"pages": pages, "dpi": dpi, "tiles": parse_tiles_option(tiles), "overlap": overlap, "password": password,
                       "max_pixels": max_pixels, "max_tokens": max_tokens, "verify": verify}
        batch_opts = BatchOptions(schema=schema, engine=name, engine_options=eng_opts, options=options,
                                  workers=workers, retry_failed=retry_failed)
        try:
            summary = _run(inputs, jsonl, batch_opts, quiet, run_batch)
        except KeyboardInterrupt:
            raise fail(f"interrupted; finished documents are in {jsonl}: rerun the same command to continue", 130) from None
        if csv is not None:
            _write_csv(jsonl, csv, csv_mode.value, schema)
        _print_summary(summary, jsonl, csv, quiet)
    raise typer.Exit(summary.exit_code)


def _jsonl_path(output: Path | None, csv: Path | None, quiet: bool) -> Path:
    if output is None and csv is None:
        raise fail("batch needs -o results.jsonl (the resumable record of the run) and/or --csv results.csv", EXIT_USAGE)
    if output is not None:
        if output.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
            raise fail(f"{output}: batch writes JSON lines; name the output .jsonl (use --csv for a CSV)", EXIT_USAGE)
        return output
    assert csv is not None
    jsonl = csv.with_suffix(".jsonl")
    if not quiet:
        err_console.print(f"note: results are recorded in {jsonl} (rerunning resumes from it)", highlight=False)
    return jsonl


def _engine_config(engine: str | None, model: str | None, mmproj: str | None, handler: str | None,
                   base_url: str | None, verbose: int, quiet: bool, workers: int) -> tuple[str, EngineOptions]:
    """The engine name and options each worker builds its engine from. The engine is built here
    once (not loaded) so that bad options fail before any work starts."""
    from docextract.engines import default_engine_name, select_engine

    # The cores are shared among the workers.
    options = replace(ex.engine_flags(model, mmproj, handler, base_url, verbose),
                      threads=max(1, (os.cpu_count() or 1) // max(1, workers)))
    probe = select_engine(engine, options)
    ex.warn_if_remote(probe, options, quiet)
    probe.close()
    return engine or default_engine_name(options), options


def _run(inputs: list[str], jsonl: Path, opts: Any, quiet: bool, run_batch: Any) -> Any:
    from docextract.batch import BatchEvent

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=quiet or not err_console.is_terminal,
    )
    with bar:
        task = bar.add_task("extracting", total=None)

        def on_event(event: BatchEvent) -> None:
            if event.kind == "start":
                bar.update(task, total=event.total)
            elif event.kind == "done":
                bar.advance(task)
                record = event.record or {}
                if record.get("status") == "failed":
                    bar.console.print(f"[red]failed:[/] {_escape(str(record.get('error')))}", highlight=False, soft_wrap=True)
            elif event.kind == "crash" and not quiet:
                bar.console.print("[yellow]warning:[/] a worker process died; restarting the pool", highlight=False)

        return run_batch(inputs, jsonl, opts, on_event)


def _write_csv(jsonl: Path, csv: Path, mode: str, schema: str) -> None:
    from docextract.batch import read_results
    from docextract.output.export import rows_to_csv
    from docextract.output.result import Extraction
    from docextract.schemas import resolve_schema

    spec = resolve_schema(schema)
    rows: list[dict[str, Any]] = []
    for record in read_results(jsonl).values():
        result = Extraction.from_dict(record)
        result.spec = spec
        rows.extend(result.to_rows(mode))
    write_text(rows_to_csv(rows), csv)


def _print_summary(summary: Any, jsonl: Path, csv: Path | None, quiet: bool) -> None:
    for warning in summary.warnings:
        err_console.print(f"[yellow]warning:[/] {_escape(warning)}", highlight=False)
    if quiet:
        return
    if summary.repaired_bytes:
        err_console.print(f"[yellow]warning:[/] {jsonl} ended in a partial line from an interrupted run "
                          f"({summary.repaired_bytes} bytes); it was removed and that document is redone", highlight=False)
    parts = [f"{summary.ok} ok", f"{summary.partial} partial", f"{summary.failed} failed", f"{summary.skipped} skipped"]
    if summary.duplicates:
        parts.append(f"{summary.duplicates} duplicate")
    if summary.ignored:
        parts.append(f"{summary.ignored} non-document files ignored")
    rate = f", {summary.rate:.2f} docs/s on {summary.workers} worker(s)" if summary.processed else ""
    written = f"{jsonl}" + (f" and {csv}" if csv else "")
    err_console.print(f"{', '.join(parts)} in {summary.seconds:.1f} s{rate} → {written}", highlight=False, soft_wrap=True)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)

