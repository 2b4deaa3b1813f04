"""The ``docextract`` command. The only package that imports typer/rich or writes to the terminal."""


from typing import Annotated

import typer
from rich.markup import escape

from docextract._version import __version__
from docextract.cli import extract as ex
from docextract.cli import vision
from docextract.cli.batch import batch_command
from docextract.cli.common import err_console
from docextract.cli.models import doctor_command, models_app
from docextract.cli.review import export_command, review_command
from docextract.cli.schemas import schemas_app

app = typer.Typer(
    name="docextract",
    help="Receipts, invoices, tables and scans to validated structured data, entirely on this machine.\n\n"
    "Exit codes: 0 ok, 1 failure, 2 usage error, 3 partial result (output written, some parts failed).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # main() turns unexpected errors into one line (traceback with -vv)
    add_completion=False,
)
app.add_typer(schemas_app, name="schemas")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"docextract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """docextract: documents to structured data, offline."""


app.command("pdf")(ex.pdf_command)
app.command("image")(ex.image_command)
app.command("batch")(batch_command)
app.command("review")(review_command)
app.command("export")(export_command)
app.command("describe")(vision.describe_command)
app.command("ask")(vision.ask_command)
app.command("alt-text")(vision.alt_text_command)
app.command("code")(vision.code_command)
app.command("ocr")(vision.ocr_command)
app.command("video")(vision.video_command)
app.add_typer(models_app, name="models")
app.command("doctor")(doctor_command)


def main() -> None:
    """The commands, run by :func:`docextract.cli.main` (which has caught the stop signals): no
    traceback reaches the user unless they ask with -vv."""
    import sys

    from docextract.cli.common import report_stop

    try:
        app()
    except (KeyboardInterrupt, SystemExit) as exc:  # typer turns an interrupt it sees into exit 130
        raise SystemExit(report_stop(exc)) from None
    except Exception as exc:  # a bug, not a user error: say so plainly
        if "-vv" in sys.argv or "--verbose" in sys.argv:
            err_console.print_exception(show_locals=False)
        err_console.print(
            f"[bold red]Error:[/] internal error: {type(exc).__name__}: {escape(str(exc))} "
            "(run with -vv for the traceback, and please report it)",
            highlight=False,
        )
        raise SystemExit(1) from None

