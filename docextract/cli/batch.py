"""``docextract batch``: folders of documents → one resumable JSONL (or Parquet) file, optionally a
spreadsheet; on this machine's cores or, with ``--ray``, on a Ray cluster."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from docextract.cli import extract as ex
from docextract.cli.common import EXIT_USAGE, ProgressLines, err_console, fail, handle_errors, interrupted
from docextract.cli.options import OUTPUT, CsvMode, CsvModeOpt, EngineFlags, LogFlags, ReadFlags, SchemaOpt, command

if TYPE_CHECKING:
    from docextract.engines import EngineOptions

InputsArg = Annotated[list[str], typer.Argument(help="Folders (searched recursively), files, or quoted globs like 'scans/**/*.jpg'.", show_default=False)]


RAY = "Ray cluster"


@dataclass
class BatchFlags:
    """Where a batch writes, where and on how many workers it runs, what it redoes."""

    output: Annotated[Optional[Path], typer.Option("--output", "-o", rich_help_panel=OUTPUT, help="results.jsonl (one line per document, appended as each finishes; rerunning resumes), results.parquet (the same, folded into one Parquet file at the end), or results.xlsx / results.csv (written at the end, from a .jsonl of the same name beside it).")] = None
    csv: Annotated[Optional[Path], typer.Option("--csv", rich_help_panel=OUTPUT, help="Also write a CSV (.csv) from the JSONL at the end.")] = None
    csv_mode: CsvModeOpt = CsvMode.items
    workers: Annotated[Optional[int], typer.Option("--workers", "-j", min=1, help="Parallel worker processes (default: the free CPU cores).")] = None
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Redo documents whose earlier result failed (the new line supersedes the old).")] = False
    ray: Annotated[Optional[str], typer.Option("--ray", metavar="ADDRESS", rich_help_panel=RAY, show_default=False, help="Run on Ray: 'local' (a Ray instance on this machine), 'auto' ($RAY_ADDRESS, else the cluster started on this machine) or a cluster address; a cluster on other machines needs --allow-remote (the documents are sent to its nodes). Inputs may then be URIs the workers read themselves (file:///shared/..., s3://...).")] = None
    ray_workers: Annotated[Optional[int], typer.Option("--ray-workers", min=1, rich_help_panel=RAY, help="Ray workers (actors, each loads the engine once); default: as many as the cluster fits.")] = None
    ray_cpus: Annotated[float, typer.Option("--ray-cpus", min=0.01, rich_help_panel=RAY, help="CPUs per Ray worker.")] = 1.0
    ray_gpus: Annotated[float, typer.Option("--ray-gpus", min=0, rich_help_panel=RAY, help="GPUs per Ray worker.")] = 0.0

    def executor(self, log: LogFlags, allow_remote: bool) -> Any:
        """The local pool, or with ``--ray`` the Ray executor (nothing connects here; a cluster not
        on this machine is refused unless ``allow_remote``)."""
        from docextract.batch import LocalPool

        if self.ray is None:
            if self.ray_workers is not None or self.ray_cpus != 1.0 or self.ray_gpus:
                raise fail("--ray-workers, --ray-cpus and --ray-gpus need --ray ADDRESS (or --ray local)", EXIT_USAGE)
            return LocalPool(self.workers)
        if self.workers is not None:
            raise fail("--workers sets the local pool; with --ray use --ray-workers", EXIT_USAGE)
        from docextract.batch_ray import RayExecutor

        executor = RayExecutor(self.ray, self.ray_workers, self.ray_cpus, self.ray_gpus, allow_remote=allow_remote)
        executor.init = {} if log.verbose else _quiet_ray()  # after the address is checked: Ray is slow to import
        if executor.remote is not None and not log.quiet:
            err_console.print(f"[yellow]warning:[/] the documents are sent to the nodes of the Ray cluster at "
                              f"{_escape(executor.remote)}", highlight=False)
        return executor

    def threads(self) -> int:
        """Each worker's share of the cores (of its node's, on Ray)."""
        from docextract.batch import default_workers

        if self.ray is not None:
            return max(1, int(self.ray_cpus))
        return max(1, (os.cpu_count() or 1) // (self.workers or default_workers()))


def _quiet_ray() -> dict[str, Any]:
    """Keep Ray's own chatter (start-up notes, a few lines per dataset, its workers' output) for -v;
    its errors still show. Returns the matching ``ray.init`` options."""
    try:
        import ray.data  # noqa: F401 - it sets up its loggers on import; they are quieted after
    except ImportError:  # the executor says how to install it
        return {}
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    return {"logging_level": logging.ERROR, "log_to_driver": False}


class _Rate(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.2f} docs/s" if speed else "-- docs/s", style="progress.data.speed")


@command
def batch_command(inputs: InputsArg, schema: SchemaOpt = "receipt", *, out: BatchFlags, engine: EngineFlags, read: ReadFlags, log: LogFlags) -> None:
    """Extract every document under folders/globs in parallel into a resumable JSONL file.

    Exit codes: 0 all ok, 1 nothing could be processed, 2 usage error (no inputs found), 3 some documents partial or failed.
    """
    from docextract.batch import BatchOptions
    from docextract.outputs import OutputClaim, check_not_inputs

    log.setup()
    with handle_errors(log.verbose):
        jsonl, tables = _outputs(out.output, out.csv, log.quiet)
        executor = out.executor(log, engine.allow_remote)
        name, eng_opts = _engine_config(engine, log, out.threads())
        ex.check_reader_schema(name, schema)
        batch_opts = BatchOptions(schema=schema, engine=name, engine_options=eng_opts, options=read.pipeline_options(),
                                  workers=out.workers, retry_failed=out.retry_failed, timeout=read.time_limit(name))
        check_not_inputs([jsonl, *tables], [])  # --csv naming the JSONL
        with OutputClaim(tables):
            try:
                summary = _run(inputs, jsonl, batch_opts, log.quiet, executor, tables)
            except KeyboardInterrupt as exc:
                raise interrupted(exc, f"finished documents are in {_escape(str(jsonl))}: rerun the same command to continue") from None
            if tables:
                _write_tables(jsonl, tables, out.csv_mode.value, schema)
        _print_summary(summary, jsonl, tables, log.quiet)
    raise typer.Exit(summary.exit_code)


def _outputs(output: Path | None, csv: Path | None, quiet: bool) -> tuple[Path, list[Path]]:
    """The JSONL record of the run and the spreadsheets to write from it, checked before any work."""
    from docextract.output.files import check_output, format_of
    from docextract.outputs import check_not_inputs

    if output is None and csv is None:
        raise fail("batch needs -o results.jsonl (the resumable record of the run), results.xlsx or results.csv", EXIT_USAGE)
    check_not_inputs([p for p in (output, csv) if p is not None], [])  # --csv naming -o: before their suffixes
    tables: list[Path] = []
    if output is not None and format_of(output, ("jsonl", "parquet", "xlsx", "csv")) in ("jsonl", "parquet"):
        jsonl = output
    else:
        tables += [output] if output is not None else []
        jsonl = (output or csv).with_suffix(".jsonl")  # type: ignore[union-attr]
    if csv is not None:
        format_of(csv, ("csv",))
        tables.append(csv)
    if not quiet and jsonl != output:
        err_console.print(f"note: results are recorded in {_escape(str(jsonl))} (rerunning resumes from it)", highlight=False)
    for path in (jsonl, *tables):
        check_output(path)
    return jsonl, tables


def _engine_config(flags: EngineFlags, log: LogFlags, threads: int) -> tuple[str, EngineOptions]:
    """The engine name and options each worker builds its engine from. The engine is built here
    once (not loaded) so that bad options fail before any work starts."""
    from docextract.engines import default_engine_name

    options = flags.options(log, threads=threads)
    ex.check_engine(flags.engine, options, log.quiet)
    return flags.engine or default_engine_name(options), options


def _run(inputs: list[str], jsonl: Path, opts: Any, quiet: bool, executor: Any, other_outputs: list[Path]) -> Any:
    from docextract.batch import BatchEvent, run_batch

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
    lines = ProgressLines("batch", enabled=not quiet and not err_console.is_terminal)
    with bar, lines:
        task = bar.add_task("extracting", total=None)

        def on_event(event: BatchEvent) -> None:
            if event.kind == "start":
                bar.update(task, total=event.total)
                lines.update(total=event.total)
            elif event.kind == "skipped":
                bar.advance(task)
                lines.update(done=1)
            elif event.kind == "done":
                bar.advance(task)
                record = event.record or {}
                lines.update(done=1, failed=record.get("status") == "failed")
                if record.get("status") == "failed":
                    bar.console.print(f"[red]failed:[/] {_escape(str(record.get('error')))}", highlight=False, soft_wrap=True)
            elif event.kind == "crash" and not quiet:
                bar.console.print("[yellow]warning:[/] a worker process died; restarting the pool", highlight=False)
            elif event.kind == "retry" and not quiet:
                bar.console.print("[yellow]warning:[/] a Ray worker died; its document was redone", highlight=False)

        # Ray prints its workers' deaths on stdout; they are diagnostics, and stdout is for data.
        with contextlib.redirect_stdout(sys.stderr):
            return run_batch(inputs, jsonl, opts, on_event, other_outputs=other_outputs, executor=executor)


def _write_tables(jsonl: Path, paths: list[Path], mode: str, schema: str) -> None:
    from docextract.batch import read_results
    from docextract.output.export import write_table
    from docextract.schemas import resolve_schema

    spec = resolve_schema(schema)  # a user's kit reads its own records
    records = list(read_results(jsonl).values())
    for path in paths:
        write_table(records, path, mode=mode, spec=spec)


def _print_summary(summary: Any, jsonl: Path, tables: list[Path], quiet: bool) -> None:
    for warning in summary.warnings:
        err_console.print(f"[yellow]warning:[/] {_escape(warning)}", highlight=False)
    if quiet:
        return
    if summary.repaired_bytes:
        err_console.print(f"[yellow]warning:[/] {jsonl} ended in a partial line from an interrupted run "
                          f"({summary.repaired_bytes} bytes); it was removed and that document is redone", highlight=False)
    parts = [f"{summary.ok} ok", f"{summary.partial} partial", f"{summary.failed} failed", f"{summary.skipped} skipped"]
    if summary.ignored:
        parts.append(f"{summary.ignored} non-document files ignored")
    # the exit code counts the whole file's documents: say so when earlier runs left some not ok
    before = {k: summary.final.get(k, 0) - getattr(summary, k) for k in ("failed", "partial")}
    if any(n > 0 for n in before.values()):
        earlier = " and ".join(f"{n} {k}" for k, n in before.items() if n > 0)
        parts.append(f"{earlier} from an earlier run{' (--retry-failed redoes the failed)' if before['failed'] > 0 else ''}")
    rate = f", {summary.rate:.2f} docs/s on {summary.workers} worker(s)" if summary.processed else ""
    written = " and ".join(map(str, [jsonl, *tables]))
    err_console.print(f"{', '.join(parts)} in {summary.seconds:.1f} s{rate} → {_escape(written)}", highlight=False, soft_wrap=True)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)

