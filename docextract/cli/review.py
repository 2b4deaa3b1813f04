"""``docextract review`` (the local review page) and ``docextract export`` (corrections applied, offline)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from docextract.cli.common import EXIT_USAGE, checked_output, err_console, fail, handle_errors, write_text
from docextract.cli.options import CsvMode, CsvModeOpt, LogFlags, command

ResultsArg = Annotated[Path, typer.Argument(help="The results JSONL file (from `docextract batch DIR -o results.jsonl`).", show_default=False)]
PortOpt = Annotated[int, typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one).")]
NoBrowserOpt = Annotated[bool, typer.Option("--no-browser", help="Only print the URL; do not open a browser.")]
ExportOutOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="out.xlsx (documents and items sheets) or out.csv; default: CSV on stdout.")]


@command
def review_command(results: ResultsArg, port: PortOpt = 0, no_browser: NoBrowserOpt = False, *, log: LogFlags) -> None:
    """Check and correct extracted fields on a local page: each field's box on the page, the doubtful first.

    The page is served on 127.0.0.1 with a random token in its URL (printed on stdout). Corrections are
    appended to RESULTS.corrections.jsonl beside the results; the results file is never rewritten.
    Stop with Ctrl+C.
    """
    log.setup()
    quiet = log.quiet
    with handle_errors(log.verbose):
        try:
            from docextract.review.app import bind, create_app, new_token, serve
        except ImportError as exc:
            raise fail(f"the review page needs starlette and uvicorn ({exc.name} is missing): pip install 'docextract[review]'") from None
        from docextract.review import ReviewStore

        store = ReviewStore(results)
        try:
            sock = bind(port)
        except OSError as exc:
            raise fail(f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); pick another --port or leave it out", EXIT_USAGE) from None
        token = new_token()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/?token={token}"
        app = create_app(store, token)
        sys.stdout.write(url + "\n")
        sys.stdout.flush()
        if not quiet:
            count = len(store.documents())
            waiting = sum(1 for d in store.documents() if d.result.needs_review)
            err_console.print(f"reviewing {count} document(s), {waiting} needing review; corrections go to "
                              f"{store.corrections}. Ctrl+C stops.", highlight=False, soft_wrap=True)
        if not no_browser:
            _open_browser(url, quiet)
        try:
            serve(app, sock)
        except KeyboardInterrupt:  # uvicorn shuts down cleanly, then passes the Ctrl+C on
            pass
        finally:
            sock.close()
        if not quiet:
            err_console.print(f"stopped; the corrections are in {store.corrections}", highlight=False, soft_wrap=True)


@command
def export_command(results: ResultsArg, output: ExportOutOpt = None, csv_mode: CsvModeOpt = CsvMode.items, *, log: LogFlags) -> None:
    """Write the results with the review's corrections applied, as Excel or CSV (no server needed)."""
    log.setup()
    quiet = log.quiet
    with handle_errors(log.verbose):
        checked_output(output, [results], ["csv", "xlsx"])
        from docextract.output.export import results_to_csv, write_table
        from docextract.review import ReviewStore

        store = ReviewStore(results)
        docs = store.documents()
        exported = [d.result for d in docs]
        if output is not None and str(output) != "-":
            write_table(exported, output, mode=csv_mode.value)
        else:
            write_text(results_to_csv(exported, csv_mode.value), output)
        if not quiet:
            corrected = sum(len(d.corrected) for d in docs)
            accepted = sum(1 for d in docs if d.accepted is not None)
            where = f" → {output}" if output is not None and str(output) != "-" else ""
            err_console.print(f"{len(docs)} document(s), {corrected} corrected field(s), {accepted} accepted{where}",
                              highlight=False, soft_wrap=True)


def _open_browser(url: str, quiet: bool) -> None:
    """A graphical browser only: with no display, Python's webbrowser would run a text browser in this
    terminal and wait for it, before the page is served."""
    import os
    import webbrowser

    graphical = sys.platform in ("darwin", "win32") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if graphical and webbrowser.open(url):
        return
    if not quiet:
        err_console.print("note: no browser could be opened here; open the URL above (or use --no-browser)", highlight=False)
