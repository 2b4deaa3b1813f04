"""``describe``, ``ask``, ``alt-text``, ``code``, ``ocr`` and ``video``: the vision jobs on the command line.

Free text streams to stdout as the model writes it; everything else (warnings, errors) goes to
stderr. Without a vision model (no ``--model``, ``DOCEXTRACT_MODEL`` or ``--base-url``) ``ocr``
and ``code`` run on the offline reader, and the jobs that need one exit 2 saying how to get one.
"""

from __future__ import annotations

import contextlib
import html
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TextIO

import typer
from rich.markup import escape

from docextract.cli import extract as ex
from docextract.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    checked_output,
    err_console,
    fail,
    handle_errors,
    interrupted,
    write_text,
)
from docextract.cli.options import DocFlags, EngineFlags, FileArg, LogFlags, OutputOpt, TileFlags, command
from docextract.names import printable
from docextract.workers import ENGINE, STREAM, default_timeout

if TYPE_CHECKING:
    from docextract.engines.base import Engine
    from docextract.types import Issue
    from docextract.workers import IsolatedJobs


class CodeFormat(str, Enum):
    text = "text"
    json = "json"


class OcrFormat(str, Enum):
    markdown = "markdown"
    text = "text"
    json = "json"


CodeFormatOpt = Annotated[CodeFormat, typer.Option("--format", "-f", help="text: the code; json: {language, code}.")]
OcrFormatOpt = Annotated[Optional[OcrFormat], typer.Option("--format", "-f", help="markdown (tables as Markdown tables), plain text, or json ({source, format, text}); default from -o's suffix (.md, .txt, .json), else markdown.")]
QuestionArg = Annotated[str, typer.Argument(help="The question, in quotes.")]
ImagesArg = Annotated[list[Path], typer.Argument(help="One or more images.")]
VideoArg = Annotated[Path, typer.Argument(help="A video file (anything FFmpeg reads: MP4, MKV, WebM, MOV...).")]
SchemaFrameOpt = Annotated[Optional[str], typer.Option("--schema", "-s", help="Extract this schema from each frame (receipt, invoice, table, code, file.py:Class...).")]


class _Stdout:
    """Writes streamed text to stdout as it arrives and ends it with a newline."""

    def __init__(self) -> None:
        self.last = ""

    def __call__(self, text: str) -> None:
        if text:
            sys.stdout.write(text)
            sys.stdout.flush()
            self.last = text

    def finish(self) -> None:
        if self.last and not self.last.endswith("\n"):
            sys.stdout.write("\n")
            sys.stdout.flush()


def isolated_jobs(job: str, flags: EngineFlags, log: LogFlags, *, needs_vision: bool) -> tuple[IsolatedJobs, str]:
    """A child process for ``job``'s calls (each ended at its time limit, on Ctrl-C, or with this
    process) and the engine's name; the engine is built here first, unloaded, to check the flags."""
    from docextract.engines import select_engine
    from docextract.jobs import NO_MODEL_HELP
    from docextract.workers import IsolatedJobs

    options = flags.options(log)
    eng = select_engine(flags.engine, options)
    eng.close()
    if not eng.vision and needs_vision:
        raise fail(f"{job} needs a vision model, and none is configured. To get one: {NO_MODEL_HELP}.", EXIT_USAGE)
    if eng.vision:
        ex.warn_if_remote(eng, options, log.quiet)
    return IsolatedJobs(flags.engine, options), eng.name


def _warn_truncated(truncated: bool, quiet: bool) -> None:
    if truncated and not quiet:
        err_console.print("[yellow]warning:[/] the answer was cut off at the token limit; raise --max-tokens", highlight=False)


def _report(issues: list[Issue], quiet: bool) -> int:
    """Print issues on stderr; EXIT_PARTIAL when one is an error."""
    for issue in issues:
        if not quiet and issue.severity != "info":
            colour = "red" if issue.severity == "error" else "yellow"
            err_console.print(f"[{colour}]{issue.severity}:[/] {escape(issue.message)}", highlight=False)
    return EXIT_PARTIAL if any(i.severity == "error" for i in issues) else EXIT_OK


@contextlib.contextmanager
def _interruptible(out: _Stdout | None) -> Iterator[None]:
    """End streamed text with its newline, and say so (exit 130/143) when Ctrl-C or SIGTERM stops the job."""
    try:
        yield
    except KeyboardInterrupt as exc:
        raise interrupted(exc) from None
    finally:
        if out is not None:
            out.finish()


@command
def describe_command(file: FileArg, *, engine: EngineFlags, doc: DocFlags, log: LogFlags) -> None:
    """Describe an image in detail (needs a vision model). Streams the description to stdout."""

    log.setup()
    out = _Stdout()
    with handle_errors(log.verbose):
        opts = doc.pipeline_options()
        child, name = isolated_jobs("describe", engine, log, needs_vision=True)
        with child, _interruptible(out):
            answer = child.call("docextract.jobs:describe", file, ENGINE, on_text=STREAM, timeout=doc.time_limit(name),
                                on_event=out, **opts)
    _warn_truncated(answer.truncated, log.quiet)


@command
def ask_command(file: FileArg, question: QuestionArg, *, engine: EngineFlags, doc: DocFlags, log: LogFlags) -> None:
    """Answer a question about an image (needs a vision model). Streams the answer to stdout."""

    log.setup()
    out = _Stdout()
    with handle_errors(log.verbose):
        opts = doc.pipeline_options()
        if not question.strip():
            raise fail('the question is empty; pass it in quotes: docextract ask IMG "What is the total?"', EXIT_USAGE)
        child, name = isolated_jobs("ask", engine, log, needs_vision=True)
        with child, _interruptible(out):
            answer = child.call("docextract.jobs:ask", file, question, ENGINE, on_text=STREAM, timeout=doc.time_limit(name),
                                on_event=out, **opts)
    _warn_truncated(answer.truncated, log.quiet)


@dataclass
class AltFlags:
    """How alt text is printed."""

    as_html: Annotated[bool, typer.Option("--html", help="Print an <img src=... alt=...> tag per image.")] = False
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per image: {file, alt}.")] = False
    max_chars: Annotated[int, typer.Option("--max-chars", min=20, max=1000, help="Longest alt text allowed.")] = 125


@command
def alt_text_command(files: ImagesArg, *, style: AltFlags, engine: EngineFlags, tile: TileFlags, log: LogFlags) -> None:
    """Alt text for images (needs a vision model): one line each, at most 125 characters."""

    log.setup()
    with handle_errors(log.verbose):
        if style.as_html and style.as_json:
            raise fail("choose one of --html and --json", EXIT_USAGE)
        opts = {"pages": "1", **tile.pipeline_options()}
        child, name = isolated_jobs("alt-text", engine, log, needs_vision=True)
        missing = 0
        with child, _interruptible(None):
            for file in files:
                alt = child.call("docextract.jobs:alt_text", file, ENGINE, max_chars=style.max_chars,
                                 timeout=default_timeout(name), **opts)
                if not alt:
                    # alt="" tells a screen reader the image is decorative: never give it for an image
                    # the model could not describe.
                    missing += 1
                    err_console.print(f"[red]error:[/] {escape(printable(file))}: the model gave no alt text; none is "
                                      "written (an empty alt would mark the image decorative)", highlight=False)
                line = _alt_line(file, alt, style)
                if line is not None:
                    write_text(line, None)
    raise typer.Exit(EXIT_PARTIAL if missing else EXIT_OK)


def _alt_line(file: Path, alt: str, style: AltFlags) -> str | None:
    """The output line for one image; for one without alt text: nothing (HTML), ``alt: null``
    (JSON), or an empty line, so that the lines still follow the images (plain text)."""
    if style.as_html:
        return f'<img src="{html.escape(str(file), quote=True)}" alt="{html.escape(alt, quote=True)}">' if alt else None
    if style.as_json:
        return json.dumps({"file": str(file), "alt": alt or None}, ensure_ascii=False)
    return alt


@command
def code_command(file: FileArg, fmt: CodeFormatOpt = CodeFormat.text, output: OutputOpt = None, *,
                 engine: EngineFlags, doc: DocFlags, log: LogFlags) -> None:
    """Code from a screenshot, indentation preserved (a vision model, or offline OCR without one)."""

    from docextract.outputs import OutputClaim

    log.setup()
    with handle_errors(log.verbose):
        # code of any language goes to a file of its suffix (x.py); a data format's suffix only with -f json
        as_json = fmt is CodeFormat.json
        checked_output(output, [file], ["json"] if as_json else ["text", "markdown"], None if as_json else "text")
        opts = doc.pipeline_options()
        child, name = isolated_jobs("code", engine, log, needs_vision=False)
        with OutputClaim([output] if output is not None and str(output) != "-" else [], inputs=[file]), child:
            with _interruptible(None):
                result = child.call("docextract.jobs:code", file, ENGINE, timeout=doc.time_limit(name), **opts)
            text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if as_json else result.code
            write_text(text, output)
        if not log.quiet and fmt is CodeFormat.text and result.language:
            err_console.print(f"language: {result.language}", highlight=False)
    raise typer.Exit(_report(result.issues, log.quiet))


@command
def ocr_command(file: FileArg, fmt: OcrFormatOpt = None, output: OutputOpt = None, *,
                engine: EngineFlags, doc: DocFlags, log: LogFlags) -> None:
    """All text of a document or image in reading order, as Markdown (PDF text layer where present)."""
    from docextract.outputs import OutputClaim

    log.setup()
    to_stdout = output is None or str(output) == "-"
    out = _Stdout()
    with handle_errors(log.verbose):
        kind = _ocr_format(None if to_stdout else output, fmt, file)
        opts = doc.pipeline_options()
        child, name = isolated_jobs("ocr", engine, log, needs_vision=False)
        stream = to_stdout and kind is not OcrFormat.json
        with OutputClaim([] if to_stdout else [output], inputs=[file]), child:
            with _interruptible(out):
                text = child.call("docextract.jobs:ocr_markdown", file, ENGINE, plain=kind is OcrFormat.text,
                                  on_text=STREAM if stream else None, timeout=doc.time_limit(name), on_event=out, **opts)
            if kind is OcrFormat.json:
                record = {"source": printable(file), "format": "markdown", "text": text}
                write_text(json.dumps(record, ensure_ascii=False, indent=2), None if to_stdout else output)
            elif not to_stdout:
                write_text(text, output)


def _ocr_format(output: Path | None, fmt: OcrFormat | None, file: Path) -> OcrFormat:
    """What ``ocr`` writes: ``-f``, else what ``-o``'s suffix names (which must agree), else Markdown."""
    if output is None:
        return fmt or OcrFormat.markdown
    named = OcrFormat(checked_output(output, [file], [f.value for f in OcrFormat]))
    if fmt is not None and fmt is not named:
        raise fail(f"{escape(str(output))}: -f {fmt.value} does not match the file's suffix; drop -f or rename the file",
                   EXIT_USAGE)
    return named


@dataclass
class FrameFlags:
    """Which frames of a video, and what to do with each."""

    every: Annotated[Optional[str], typer.Option("--every", help="Sample a frame every DURATION (5s, 500ms, 1m30s). Default 5s without --scenes.")] = None
    scenes: Annotated[Optional[float], typer.Option("--scenes", min=0.001, max=0.999, help="Sample at scene changes: frame difference threshold 0..1 (try 0.12).")] = None
    question: Annotated[Optional[str], typer.Option("--ask", help="Ask this question about each frame instead of describing it.")] = None
    schema: SchemaFrameOpt = None
    max_frames: Annotated[Optional[int], typer.Option("--max-frames", min=1, help="Stop after this many frames.")] = None
    timeout: Annotated[Optional[float], typer.Option("--timeout", min=0, show_default=False, help="Seconds one frame may take (decoding up to it, then reading it) before it is stopped and gets a failed line (0: no limit; default 900 with the reader, 3600 with a vision model).")] = None

    def job(self) -> str:
        return "video --ask" if self.question is not None else "video" if self.schema is None else "video --schema"

    def sampling(self) -> dict[str, Any]:
        """The keywords of :func:`docextract.jobs.video_frames` these flags set."""
        from docextract.sources.video import parse_duration

        every = parse_duration(self.every) if self.every is not None else None
        return {"every": every, "scenes": self.scenes, "question": self.question, "schema": self.schema,
                "max_frames": self.max_frames}


@command
def video_command(file: VideoArg, output: OutputOpt = None, *, frames: FrameFlags, engine: EngineFlags, tile: TileFlags, log: LogFlags) -> None:
    """Sample video frames and describe each (or --ask, or --schema): one JSON line per frame with its timestamp."""
    from docextract.outputs import OutputClaim, check_not_inputs

    log.setup()
    worst = EXIT_OK
    with handle_errors(log.verbose):
        outputs = [output] if output is not None and str(output) != "-" else []
        check_not_inputs(outputs, [file])
        if frames.question is not None and frames.schema is not None:
            raise fail("choose one of --ask and --schema", EXIT_USAGE)
        job = {**frames.sampling(), **tile.pipeline_options()}
        child, name = isolated_jobs(frames.job(), engine, log, needs_vision=frames.schema is None)
        limit = default_timeout(name) if frames.timeout is None else frames.timeout
        with OutputClaim(outputs, inputs=[file]), child:
            sink = outputs[0].open("w", encoding="utf-8") if outputs else sys.stdout
            try:
                with _interruptible(None):
                    worst = _video_lines(child, file, job, limit, sink)
            finally:
                if sink is not sys.stdout:
                    sink.close()
    raise typer.Exit(worst)


def _video_lines(child: IsolatedJobs, file: Path, job: dict[str, Any], limit: float, sink: TextIO) -> int:
    """Run the video job in the child, a line written as each frame is read; returns the exit code.

    The time limit is per frame: its decoding, then its reading. A frame whose reading runs out
    of time or takes the child down gets a failed line, and a fresh child goes on after it (the
    frames before are decoded again, not read); when decoding itself does, that is the video's
    error, and the lines written stay.
    """
    from docextract.errors import TimeLimitExceeded, WorkerDied
    from docextract.jobs import FrameResult
    from docextract.names import printable
    from docextract.sources.video import format_timestamp
    from docextract.workers import Terminated, ended_by_signal

    start, worst = 0, EXIT_OK
    reading: tuple[int, float] | None = None  # the frame the child is reading

    def write(line: dict[str, Any]) -> None:
        nonlocal worst
        sink.write(json.dumps(line, ensure_ascii=False) + "\n")
        sink.flush()
        if line.get("status", "ok") != "ok":
            worst = EXIT_PARTIAL

    def on_event(event: tuple[Any, ...]) -> None:
        nonlocal reading
        if event[0] == "frame":  # decoded: it is read next, unless an earlier child read it
            reading = (event[1], event[2]) if event[1] >= start else None
        else:
            reading = None
            write(event[1])

    while True:
        reading = None
        try:
            child.call("docextract.cli.vision:video_job", file, ENGINE, STREAM, start=start, timeout=limit,
                       per_event=True, on_event=on_event, **job)
            return worst
        except (TimeLimitExceeded, WorkerDied) as exc:
            stop = ended_by_signal(exc) if isinstance(exc, WorkerDied) else None
            if stop is not None:
                raise Terminated(stop) from None
            if reading is None:
                raise
            index, time = reading
            where = f"{printable(file)} frame {index} at {format_timestamp(time)}"
            timeout = isinstance(exc, TimeLimitExceeded)
            error = TimeLimitExceeded(where, limit) if timeout else WorkerDied(exc.exitcode, where)  # type: ignore[union-attr]
            write(FrameResult(index, time, format_timestamp(time), status="failed", reason="timeout" if timeout else "crash",
                              error=str(error)).to_dict())
            start = index + 1


def video_job(path: Path, engine: Engine | None, emit: Callable[[Any], None], **options: Any) -> None:
    """The video job as the child runs it: ``("frame", index, time)`` as each sampled frame is
    decoded, then ``("line", its JSON-ready result)`` once it is read."""
    from docextract.jobs import video_frames

    for result in video_frames(path, engine, on_frame=lambda index, time: emit(("frame", index, time)), **options):
        emit(("line", result.to_dict()))


__all__ = [
    "alt_text_command",
    "ask_command",
    "code_command",
    "describe_command",
    "ocr_command",
    "isolated_jobs",
    "video_command",
]
