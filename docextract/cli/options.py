"""Every command-line option, defined once, in groups that commands take whole.

A group is a dataclass whose fields are typer options. A command names the groups it takes as
keyword-only parameters typed with the group (``engine: EngineFlags``); :func:`command` spreads
the groups' fields into the signature typer reads and hands the command one object per group::

    @command
    def describe(file: FileArg, *, engine: EngineFlags, doc: DocFlags, log: LogFlags) -> None: ...

In ``--help`` each group has a panel of its own.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar, get_type_hints

import typer

if TYPE_CHECKING:
    from docextract.engines import EngineOptions


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


class CsvMode(str, Enum):
    items = "items"
    summary = "summary"


class SplitMode(str, Enum):
    auto = "auto"
    pages = "pages"
    off = "off"


ENGINE, PAGES, TILES, OUTPUT, LOGGING = "Engine", "Pages", "Tiles and model output", "Output", "Messages"

SchemaOpt = Annotated[str, typer.Option("--schema", "-s", help="receipt, invoice, table, code, file.py:Class or file.schema.json.")]
FileArg = Annotated[Path, typer.Argument(help="An image (JPEG, PNG, TIFF, WebP, BMP) or a PDF.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.", rich_help_panel=OUTPUT)]
CsvModeOpt = Annotated[CsvMode, typer.Option("--csv-mode", help="CSV rows: one per line item (summary repeated) or one per document.", rich_help_panel=OUTPUT)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of a table.")]


@dataclasses.dataclass
class EngineFlags:
    """Which engine reads the pages, and its model or server."""

    engine: Annotated[Optional[str], typer.Option("--engine", "-e", envvar="DOCEXTRACT_ENGINE", rich_help_panel=ENGINE, help="reader (offline OCR, default), llama (local GGUF vision model), openai (a server), or an engine another package registers.")] = None
    model: Annotated[Optional[str], typer.Option("--model", "-m", envvar="DOCEXTRACT_MODEL", rich_help_panel=ENGINE, help="GGUF model path or known model name (llama), or the server's model name (openai).")] = None
    mmproj: Annotated[Optional[str], typer.Option("--mmproj", envvar="DOCEXTRACT_MMPROJ", rich_help_panel=ENGINE, help="The vision projector GGUF that belongs to --model.")] = None
    handler: Annotated[Optional[str], typer.Option("--handler", rich_help_panel=ENGINE, help="Chat handler override (llava15, llava16, moondream, minicpmv26, qwen25vl, mtmd).")] = None
    base_url: Annotated[Optional[str], typer.Option("--base-url", envvar="DOCEXTRACT_BASE_URL", rich_help_panel=ENGINE, help="OpenAI-compatible server URL (engine openai).")] = None
    allow_remote: Annotated[bool, typer.Option("--allow-remote", envvar="DOCEXTRACT_ALLOW_REMOTE", rich_help_panel=ENGINE, help="Allow a --base-url or a batch's --ray cluster that is not on this machine (documents are then sent there).")] = False

    def options(self, log: LogFlags, threads: int | None = None) -> EngineOptions:
        """What :func:`docextract.engines.select_engine` builds the engine from."""
        from docextract.engines import EngineOptions

        return EngineOptions(model=self.model, mmproj=self.mmproj, handler=self.handler, base_url=self.base_url,
                             verbose=log.verbose >= 2, threads=threads, allow_remote=self.allow_remote)


@dataclasses.dataclass
class PageFlags:
    """Which pages, and how they are read from the file."""

    pages: Annotated[Optional[str], typer.Option("--pages", "-p", rich_help_panel=PAGES, help="1-based pages, e.g. 1-3,7.")] = None
    dpi: Annotated[float, typer.Option("--dpi", min=36, max=1200, rich_help_panel=PAGES, help="Rasterization DPI for PDF pages.")] = 200
    password: Annotated[Optional[str], typer.Option("--password", rich_help_panel=PAGES, help="Password of an encrypted PDF.")] = None
    max_pixels: Annotated[int, typer.Option("--max-pixels", min=1, rich_help_panel=PAGES, help="Refuse images larger than this many pixels (decompression bombs).")] = 200_000_000
    timeout: Annotated[Optional[float], typer.Option("--timeout", min=0, show_default=False, rich_help_panel=PAGES, help="Seconds one document may take before it is stopped (0: no limit; default 900 with the reader, 3600 with a vision model).")] = None

    def time_limit(self, engine: str) -> float:
        """``--timeout``, else the default for ``engine`` (see :func:`docextract.workers.default_timeout`)."""
        from docextract.workers import default_timeout

        return default_timeout(engine) if self.timeout is None else self.timeout


@dataclasses.dataclass
class TileFlags:
    """How pages are cut for a vision model, and how much it may write."""

    tiles: Annotated[str, typer.Option("--tiles", rich_help_panel=TILES, help="auto, off, or the maximum number of tiles per page (vision models).")] = "auto"
    overlap: Annotated[float, typer.Option("--overlap", min=0.0, max=0.49, rich_help_panel=TILES, help="Tile overlap as a fraction of the tile size.")] = 0.15
    max_tokens: Annotated[Optional[int], typer.Option("--max-tokens", min=8, rich_help_panel=TILES, help="Output token budget per tile (per request for free text).")] = None

    def pipeline_options(self) -> dict[str, Any]:
        """The pipeline's ``Options`` fields these flags set (a bad ``--tiles`` is a usage error)."""
        from docextract.pipeline.tiling import parse_tiles_option

        return {"tiles": parse_tiles_option(self.tiles), "overlap": self.overlap, "max_tokens": self.max_tokens}


@dataclasses.dataclass
class DocFlags(TileFlags, PageFlags):
    """The pages of a document and how they are cut (commands that read documents)."""

    def pipeline_options(self) -> dict[str, Any]:
        return {"pages": self.pages, "dpi": self.dpi, "password": self.password, "max_pixels": self.max_pixels,
                **TileFlags.pipeline_options(self)}


@dataclasses.dataclass
class ReadFlags(DocFlags):
    """Document reading for schema extraction: pages, tiles, and the cross-check."""

    verify: Annotated[Optional[bool], typer.Option("--verify/--no-verify", rich_help_panel=TILES, help="Cross-check model values against the page text (default: when the page has a text layer).")] = None
    split: Annotated[SplitMode, typer.Option("--split", rich_help_panel=PAGES, help="A file holding several invoices or receipts: auto (a new invoice number, or a complete document followed by a new first page), pages (one document per page) or off (the file is one document).")] = SplitMode.auto

    def pipeline_options(self) -> dict[str, Any]:
        return {**DocFlags.pipeline_options(self), "verify": self.verify, "split": self.split.value}



@dataclasses.dataclass
class ResultFlags:
    """How an extraction result is written."""

    output: Annotated[Optional[Path], typer.Option("--output", "-o", rich_help_panel=OUTPUT, help="Write here: .json, .jsonl, .csv or .xlsx (a documents and an items sheet); default stdout.")] = None
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", rich_help_panel=OUTPUT, help="Output format; default from -o's suffix (which must match), else json.")] = None
    csv_mode: Annotated[Optional[CsvMode], typer.Option("--csv", rich_help_panel=OUTPUT, show_default=False, help="CSV rows: one per line item (summary repeated; the default) or one per document. Alone, writes CSV to stdout.")] = None
    full: Annotated[bool, typer.Option("--full", rich_help_panel=OUTPUT, help="Print the whole result: status, issues, provenance, raw tile output.")] = False


@dataclasses.dataclass
class LogFlags:
    """What goes to stderr."""

    quiet: Annotated[bool, typer.Option("--quiet", "-q", rich_help_panel=LOGGING, help="No progress or warnings on stderr (errors still shown).")] = False
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, rich_help_panel=LOGGING, help="-v info, -vv debug and tracebacks.")] = 0

    def setup(self) -> None:
        from docextract.cli.common import setup_logging

        setup_logging(self.verbose, self.quiet)


F = TypeVar("F", bound=Callable[..., Any])


def command(fn: F) -> F:
    """Spread the option groups (dataclass-typed parameters) of ``fn`` into one flat signature for typer."""
    hints = get_type_hints(fn, include_extras=True)
    flat: list[inspect.Parameter] = []
    groups: dict[str, type] = {}
    for param in inspect.signature(fn).parameters.values():
        hint = hints.get(param.name, param.annotation)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            groups[param.name] = hint
            field_hints = get_type_hints(hint, include_extras=True)
            for f in dataclasses.fields(hint):
                flat.append(inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default,
                                              annotation=field_hints[f.name]))
        else:
            flat.append(param.replace(annotation=hint))
    names = [p.name for p in flat]
    duplicated = {n for n in names if names.count(n) > 1}
    assert not duplicated, f"{fn.__name__}: options defined twice: {duplicated}"

    @functools.wraps(fn)
    def wrapper(**values: Any) -> Any:
        for name, group in groups.items():
            values[name] = group(**{f.name: values.pop(f.name) for f in dataclasses.fields(group)})
        return fn(**values)

    wrapper.__signature__ = inspect.Signature(flat)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in flat}
    return wrapper  # type: ignore[return-value]
