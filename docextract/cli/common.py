"""Shared CLI plumbing: consoles, error → exit-code mapping, progress, output writing.

stdout carries only data; progress, warnings and errors go to stderr.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from docextract.errors import DocextractError
from docextract.output.result import Extraction
from docextract.types import Status

err_console = Console(stderr=True)

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


def fail(message: str, code: int = EXIT_FAILURE) -> typer.Exit:
    """Print ``Error: message`` on stderr and return the Exit to raise."""
    err_console.print(f"[bold red]Error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    return typer.Exit(code)


@contextlib.contextmanager
def handle_errors(verbose: int = 0) -> Iterator[None]:
    """Turn docextract errors into one line on stderr and the documented exit code."""
    try:
        yield
    except DocextractError as exc:
        if verbose >= 2:
            err_console.print_exception(show_locals=False)
        raise fail(_escape(str(exc)), getattr(exc, "exit_code", EXIT_FAILURE)) from None
    except OSError as exc:  # writing the output: disk full, permission denied
        raise fail(_escape(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))) from None


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose >= 2 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def progress(quiet: bool) -> Progress:
    """A transient progress bar on stderr, hidden when stderr is not a terminal."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=quiet or not err_console.is_terminal,
    )


def exit_code_for(results: list[Extraction]) -> int:
    if results and all(r.status is Status.FAILED for r in results):
        return EXIT_FAILURE
    if any(r.status is not Status.OK for r in results):
        return EXIT_PARTIAL
    return EXIT_OK


def write_text(text: str, output: Path | None) -> None:
    """Write to the output file (atomically) or to stdout."""
    if output is None or str(output) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8", newline="")
    os.replace(tmp, output)


def report_issues(result: Extraction, quiet: bool) -> None:
    """Summarise a result's problems on stderr."""
    if quiet:
        return
    for issue in result.issues:
        if issue.severity == "info":
            continue
        colour = "red" if issue.severity == "error" else "yellow"
        where = f" (page {issue.page})" if issue.page else ""
        err_console.print(f"[{colour}]{issue.severity}[/]{where}: {_escape(issue.message)}", highlight=False)
