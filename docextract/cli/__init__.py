"""The ``docextract`` command. The only package that imports typer/rich or writes to the terminal."""


from pathlib import Path
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


def _make_command(expect: str, help_text: str):  # type: ignore[no-untyped-def]
    def command(
        file: Annotated[Path, typer.Argument(help=f"The {expect} file to read.")],
        schema: ex.SchemaOpt = "receipt",
        output: ex.OutputOpt = None,
        fmt: ex.FormatOpt = None,
        csv_mode: ex.CsvOpt = ex.CsvMode.items,
        full: ex.FullOpt = False,
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
        ex.run_extract(file, schema, output, fmt, csv_mode, full, engine, model, mmproj, handler, base_url, pages,
                       dpi, tiles, overlap, password, max_pixels, max_tokens, verify, quiet, verbose, expect)

    command.__doc__ = help_text
    return command


app.command("pdf")(_make_command("pdf", "Extract structured data from a PDF (digital or scanned)."))
app.command("image")(_make_command("image", "Extract structured data from an image (JPEG, PNG, TIFF, WebP, BMP)."))
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
    """Console-script entry point: no traceback reaches the user unless they ask with -vv."""
    import sys

    try:
        app()
    except KeyboardInterrupt:
        err_console.print("[bold red]Aborted.[/]")
        raise SystemExit(130) from None
    except Exception as exc:  # a bug, not a user error: say so plainly
        if "-vv" in sys.argv or "--verbose" in sys.argv:
            err_console.print_exception(show_locals=False)
        err_console.print(
            f"[bold red]Error:[/] internal error: {type(exc).__name__}: {escape(str(exc))} "
            "(run with -vv for the traceback, and please report it)",
            highlight=False,
        )
        raise SystemExit(1) from None
