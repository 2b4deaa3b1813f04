"""``docextract pdf`` and ``docextract image``: one document to structured data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from docextract.cli.common import (
    EXIT_USAGE,
    checked_output,
    err_console,
    exit_code_for,
    fail,
    handle_errors,
    interrupted,
    progress,
    report_issues,
    write_text,
)
from docextract.cli.options import (
    CsvMode,
    EngineFlags,
    LogFlags,
    OutputFormat,
    ReadFlags,
    ResultFlags,
    SchemaOpt,
    command,
)

if TYPE_CHECKING:
    from docextract.engines import Engine, EngineOptions
    from docextract.output.result import Extraction

PdfArg = Annotated[Path, typer.Argument(help="The PDF file to read.")]
ImageArg = Annotated[Path, typer.Argument(help="The image file to read.")]


@dataclass(frozen=True)
class ExtractFlags:
    """The option groups of ``pdf`` and ``image``."""

    out: ResultFlags
    engine: EngineFlags
    read: ReadFlags
    log: LogFlags


@command
def pdf_command(file: PdfArg, schema: SchemaOpt = "receipt", *, out: ResultFlags, engine: EngineFlags, read: ReadFlags, log: LogFlags) -> None:
    """Extract structured data from a PDF (digital or scanned)."""
    run_extract(file, schema, "pdf", ExtractFlags(out, engine, read, log))


@command
def image_command(file: ImageArg, schema: SchemaOpt = "receipt", *, out: ResultFlags, engine: EngineFlags, read: ReadFlags, log: LogFlags) -> None:
    """Extract structured data from an image (JPEG, PNG, TIFF, WebP, BMP)."""
    run_extract(file, schema, "image", ExtractFlags(out, engine, read, log))


def run_extract(file: Path, schema: str, expect: str, flags: ExtractFlags) -> None:
    """Shared body of ``pdf`` and ``image``: the output is claimed first, then the document is read
    in a child process that is ended at ``--timeout``, on Ctrl-C/SIGTERM, or if this process dies;
    write, report, exit with the result's code."""
    from docextract.outputs import OutputClaim

    log = flags.log
    log.setup()
    with handle_errors(log.verbose):
        out = flags.out.output
        fmt = output_format(out, flags.out.fmt, csv=flags.out.csv_mode is not None, inputs=[file])
        name = check_engine(flags.engine.engine, flags.engine.options(log), log.quiet)
        check_reader_schema(name, schema)
        _check_kind(file, expect, log.quiet)
        with OutputClaim([] if out is None or str(out) == "-" else [out], inputs=[file]):
            try:
                results = _extract_with_progress(file, schema, flags, flags.read.time_limit(name))
            except KeyboardInterrupt as exc:
                raise interrupted(exc) from None
            if out is not None and str(out) != "-" and all(r.data is None for r in results):
                # nothing was read: an earlier run's file there is kept, not replaced by an empty record
                if not log.quiet:
                    err_console.print(f"nothing read, so {escape(str(out))} was not written", highlight=False)
            else:
                write_results(results, flags.out, fmt, log.quiet)
        _report(results, log.quiet)
    code = exit_code_for(results)
    for result in results:
        if result.error and code != 0:
            err_console.print(f"[bold red]Error:[/] {escape(result.source)}{_pages(result, results)}: {escape(result.error)}",
                              highlight=False)
    raise typer.Exit(code)


def _pages(result: Extraction, results: list[Extraction]) -> str:
    """`` (pages 3-4)`` for one document of several in a file."""
    if len(results) < 2 or not result.pages:
        return ""
    first, last = result.pages[0], result.pages[-1]
    return f" (page {first})" if first == last else f" (pages {first}-{last})"


def _report(results: list[Extraction], quiet: bool) -> None:
    if len(results) > 1 and not quiet:
        spans = ", ".join(_pages(r, results).strip(" ()") for r in results)
        err_console.print(f"note: {escape(results[0].source)} holds {len(results)} documents: {spans} "
                          "(--split off reads the file as one)", highlight=False, soft_wrap=True)
    for result in results:
        if len(results) > 1 and any(i.severity != "info" for i in result.issues) and not quiet:
            err_console.print(f"document{_pages(result, results)}:", highlight=False)
        report_issues(result, quiet)


def _extract_with_progress(file: Path, schema: str, flags: ExtractFlags, timeout: float) -> list[Extraction]:
    from docextract.workers import documents_isolated

    with progress(flags.log.quiet) as bar:
        task = bar.add_task(file.name, total=None)

        def on_event(event: Any) -> None:
            if event.kind == "page":
                bar.update(task, description=f"{file.name} page {event.page}/{event.pages}")
                bar.update(task, total=(bar.tasks[0].total or 0) + (event.tiles or 1))
            elif event.kind == "tile":
                bar.advance(task)

        return documents_isolated(file, schema, flags.engine.engine, flags.engine.options(flags.log), timeout=timeout,
                                  on_event=on_event, **flags.read.pipeline_options())


def check_engine(engine: str | None, options: EngineOptions, quiet: bool) -> str:
    """Build the engine the flags ask for without loading it, so that bad options (a server not on
    this machine without --allow-remote among them) fail before anything starts; warn when it is
    remote. Returns the engine's name; the process that reads the documents builds its own."""
    from docextract.engines import select_engine

    eng = select_engine(engine, options)
    warn_if_remote(eng, options, quiet)
    eng.close()
    return eng.name


def check_reader_schema(engine: str, schema: str) -> None:
    """Refuse a schema of your own for the offline reader before any work (exit 2): it reads only
    the built-in kits. A bare name is a kit's, or an unknown one the reading reports."""
    if engine == "reader" and not schema.isidentifier():
        from docextract.schemas import not_for_reader

        raise fail(not_for_reader(schema), EXIT_USAGE)


def open_engine(flags: EngineFlags, log: LogFlags) -> Engine:
    """The loaded engine the flags ask for (the offline reader when no model is configured)."""
    from docextract.engines import select_engine

    options = flags.options(log)
    eng = select_engine(flags.engine, options)
    warn_if_remote(eng, options, log.quiet)
    eng.load()
    return eng


def warn_if_remote(eng: Engine, options: EngineOptions, quiet: bool) -> None:
    if not eng.local and not quiet:
        where = options.base_url or f"the {eng.name} engine"
        err_console.print(f"[yellow]warning:[/] {where} is not on this machine: document images will be sent there", highlight=False)


def output_format(output: Path | None, fmt: OutputFormat | None, *, csv: bool = False,
                  inputs: list[Path] | None = None) -> OutputFormat:
    """What to write: ``-f``, else what ``-o``'s suffix names, else CSV where ``--csv`` chose its
    rows (``csv``), else JSON; checked before any work (exit 2 when ``-o`` is one of the ``inputs``,
    its suffix names another format, ``--csv`` is given for JSON, or the file cannot be written)."""
    if output is None or str(output) == "-":
        if fmt is OutputFormat.xlsx:
            raise fail("a workbook cannot go to stdout; name a file: -o results.xlsx", EXIT_USAGE)
        chosen = fmt or (OutputFormat.csv if csv else OutputFormat.json)
    else:
        chosen = OutputFormat(checked_output(output, inputs or [], [f.value for f in OutputFormat]))
        if fmt is not None and fmt is not chosen:
            raise fail(f"{escape(str(output))}: -f {fmt.value} does not match the file's suffix; "
                       f"name it .{fmt.value} or drop -f", EXIT_USAGE)
    if csv and chosen not in (OutputFormat.csv, OutputFormat.xlsx):
        raise fail(f"--csv chooses the rows of CSV and xlsx output, not of {chosen.value}; drop it or write .csv / .xlsx",
                   EXIT_USAGE)
    return chosen


def _check_kind(file: Path, expect: str, quiet: bool) -> None:
    from docextract.sources import IMAGE_SUFFIXES, PDF_SUFFIXES

    suffix = file.suffix.lower()
    other = "image" if expect == "pdf" else "pdf"
    if not quiet and suffix in (IMAGE_SUFFIXES if expect == "pdf" else PDF_SUFFIXES):
        err_console.print(f"[yellow]note:[/] {file.name} looks like a{'n' if other == 'image' else ''} {other}; reading it anyway", highlight=False)


def write_results(results: list[Extraction], out: ResultFlags, fmt: OutputFormat, quiet: bool = False) -> None:
    """Write the file's results in the requested format: JSON is one object, or a list of them when
    the file holds several documents; JSONL a line each; CSV and xlsx rows each."""
    output = out.output
    if fmt in (OutputFormat.csv, OutputFormat.xlsx):
        from docextract.output.export import results_to_csv, write_table

        mode = (out.csv_mode or CsvMode.items).value
        if output is None or str(output) == "-":
            write_text(results_to_csv(results, mode), None)
            return
        written = write_table(results, output, mode=mode)
        if (len(written) > 1 or fmt is OutputFormat.xlsx) and not quiet:
            err_console.print(f"wrote {escape(', '.join(map(str, written)))}", highlight=False)
        return
    if fmt is OutputFormat.jsonl:
        write_text("\n".join(r.to_json(full=out.full, indent=None) for r in results), output)
    elif len(results) == 1:
        write_text(results[0].to_json(full=out.full), output)
    else:
        import json

        write_text(json.dumps([r.to_dict(out.full) for r in results], indent=2, ensure_ascii=False), output)
