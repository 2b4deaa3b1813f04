"""Shared CLI plumbing: consoles, error → exit-code mapping, progress, output writing.

stdout carries only data; progress, warnings and errors go to stderr.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from docextract.errors import DocextractError
from docextract.names import SafeFormatter, printable
from docextract.output.result import Extraction
from docextract.types import Status


class _StderrConsole(Console):
    """stderr, where text from outside (file names, server replies) never arrives as raw control
    sequences: ESC, CR, backspace and the like are spelled out."""

    def print(self, *objects: Any, **kwargs: Any) -> None:  # type: ignore[override]
        from docextract.names import terminal_safe

        super().print(*(terminal_safe(o) if isinstance(o, str) else o for o in objects), **kwargs)


err_console = _StderrConsole(stderr=True)

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT; SIGTERM gives 143


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
    except BrokenPipeError:  # `| head` has read enough: stop quietly, as a shell tool would
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        raise typer.Exit(141) from None
    except OSError as exc:  # writing the output: disk full, permission denied
        raise fail(_escape(f"{printable(exc.filename or '')}: {exc.strerror or exc}".lstrip(": "))) from None


from docextract.cli.stops import _STOP, catch_stop_signals, stop_line  # noqa: E402,F401 - re-exported for the commands


def interrupted(exc: KeyboardInterrupt, what: str = "") -> typer.Exit:
    """The one line for Ctrl-C or SIGTERM/SIGHUP (``exc`` a :class:`docextract.workers.Terminated`),
    and its exit code: 130, or 128 + the signal."""
    from docextract.workers import Terminated

    _STOP["reported"] = True
    if isinstance(exc, Terminated):
        return fail(f"terminated by {exc.name}{'; ' + what if what else ''}", 128 + exc.signum)
    return fail(f"interrupted{'; ' + what if what else ''}", EXIT_INTERRUPTED)


def report_stop(exc: BaseException) -> int | str | None:
    """The exit status for a command that ended by an exception: an interrupt the command did not
    report itself gets its line here."""
    if isinstance(exc, SystemExit) and (_STOP["signum"] is None or _STOP["reported"] or exc.code != EXIT_INTERRUPTED):
        return exc.code  # no signal, or the command handled it and chose its exit
    line, code = stop_line(exc)
    err_console.print(f"[bold red]Error:[/] {line}", highlight=False)
    return code


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def log_level(verbose: int, quiet: bool) -> int:
    """docextract's log level for the flags: -q errors only, default warnings, -v info, -vv debug."""
    return logging.ERROR if quiet else logging.DEBUG if verbose >= 2 else logging.INFO if verbose else logging.WARNING


class _ConsoleHandler(logging.Handler):
    """Log records as lines on the stderr console, so they go above a live progress bar, unwrapped."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            err_console.print(self.format(record), markup=False, highlight=False, soft_wrap=True)
        except Exception:  # pragma: no cover - logging must never break the command
            self.handleError(record)


def setup_logging(verbose: int, quiet: bool) -> None:
    """Show docextract's log on stderr; other libraries' only from warnings up (from info with -vv)."""
    from docextract.workers import LOG_LEVEL_ENV

    handler = _ConsoleHandler()
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose >= 2 else logging.WARNING)
    logging.getLogger("docextract").setLevel(log_level(verbose, quiet))
    os.environ[LOG_LEVEL_ENV] = str(log_level(verbose, quiet))  # for the child processes that read documents


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


class ProgressLines:
    """Progress as a plain line on stderr every few seconds, where no bar can be drawn (stderr is a
    log file or a CI console): ``batch: 12/40 documents (1 failed), 0.61 docs/s, about 46 s left``.

    A line follows a finished document when the last one is at least ``every`` seconds old
    (``$DOCEXTRACT_PROGRESS_SECONDS``, default 5); with nothing finishing, one comes every six
    times that, so a long document still shows the run is alive.
    """

    def __init__(self, label: str, enabled: bool, every: float | None = None) -> None:
        self.label = label
        self.enabled = enabled
        self.every = every if every is not None else float(os.environ.get("DOCEXTRACT_PROGRESS_SECONDS") or 5)
        self.total: int | None = None
        self.done = self.failed = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = self._printed = time.monotonic()

    def update(self, *, total: int | None = None, done: int = 0, failed: int = 0) -> None:
        with self._lock:
            self.total = total if total is not None else self.total
            self.done += done
            self.failed += failed
        if done and time.monotonic() - self._printed >= self.every:
            self._print()

    def line(self) -> str:
        with self._lock:
            total, done, failed = self.total, self.done, self.failed
        elapsed = time.monotonic() - self._started
        text = f"{self.label}: {done}/{total if total is not None else '?'} documents"
        text += f" ({failed} failed)" if failed else ""
        if done and elapsed > 0:
            rate = done / elapsed
            text += f", {rate:.2f} docs/s"
            if total:
                text += f", about {max(0.0, (total - done) / rate):.0f} s left"
        return text + f", {elapsed:.0f} s so far"

    def _print(self) -> None:
        if self.enabled:
            self._printed = time.monotonic()
            err_console.print(self.line(), markup=False, highlight=False, soft_wrap=True)

    def _heartbeat(self) -> None:
        quiet = max(6 * self.every, 1.0)
        while not self._stop.wait(quiet / 4):
            if time.monotonic() - self._printed >= quiet:
                self._print()

    def __enter__(self) -> ProgressLines:
        if self.enabled:
            self._thread = threading.Thread(target=self._heartbeat, name="docextract-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def exit_code_for(results: list[Extraction]) -> int:
    if results and all(r.status is Status.FAILED for r in results):
        return EXIT_FAILURE
    if any(r.status is not Status.OK for r in results):
        return EXIT_PARTIAL
    return EXIT_OK


def checked_output(output: Path | None, inputs: list[Path], allowed: list[str], default: str | None = None) -> str | None:
    """The format ``-o`` names (None for stdout), checked before any work (exit 2): not one of the
    inputs, a suffix that holds one of ``allowed`` (``default`` for a suffix that names no format,
    such as code's ``.py``), a folder that exists and can be written."""
    if output is None or str(output) == "-":
        return None
    from docextract.output.files import check_output, format_of
    from docextract.outputs import check_not_inputs

    check_not_inputs([output], inputs)  # before its suffix: the worse mistake
    fmt = format_of(output, allowed, default)
    check_output(output)
    return fmt


def write_text(text: str, output: Path | None) -> None:
    """Write UTF-8 to stdout or to the output file (atomically when it is a regular file:
    :func:`docextract.output.files.write_atomic`)."""
    data = (text if text.endswith("\n") else text + "\n").encode("utf-8", "backslashreplace")
    if output is None or str(output) == "-":
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream (a test's capture)
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        return
    if output.exists() and not output.is_file():  # /dev/stdout, a pipe
        with open(output, "wb") as fh:
            fh.write(data)
        return
    from docextract.output.files import write_atomic

    write_atomic(output, data)


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
