"""Vision jobs besides schema extraction: describe, ask, alt text, code, OCR to Markdown, video frames.

Every job takes a source (a path, file bytes or a PIL image), an engine and the pipeline's page
options (``pages``, ``dpi``, ``tiles``, ``overlap``, ``password``, ``max_pixels``, ``max_tokens``),
and returns data; nothing is printed. Free text is streamed to an optional ``on_text`` callback as
it is generated; what the callback receives, in order, is exactly the returned text (page headings
and separators included), so a caller can print as it goes or use the result, never both.

Pages are read and tiled as the extraction pipeline reads and tiles them
(:func:`docextract.pipeline.open_pages`, :func:`docextract.pipeline.page_tiles`); their words come
from the same page stage (:func:`docextract.sources.words.page_words`). One tile is asked directly, with its answer streamed; several tiles (a tall
screenshot, a dense page) are asked one by one and their answers combined by one more, text-only
request, whose answer is streamed. OCR and code stitch tile transcripts instead
(:func:`docextract.pipeline.merge.merge_lines` drops the lines the tile overlap repeats).

``ocr`` and ``code`` also run without a model (``engine=None`` or the ``reader`` engine): the PDF
text layer where a page has one, else offline OCR, laid out by :mod:`docextract.textlayout`.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from docextract.engines.base import Engine
from docextract.errors import EngineError, NeedsVisionModel, UsageError
from docextract.pipeline import Options, open_pages, page_tiles, prompts
from docextract.pipeline.merge import merge_lines
from docextract.sources import source_name
from docextract.sources.words import page_words
from docextract.textlayout import guess_language, locate_tables, words_to_code, words_to_markdown
from docextract.types import EngineRequest, Issue, Page, Word

if TYPE_CHECKING:
    from PIL import Image

    from docextract.output.result import Extraction

TextSink = Callable[[str], None]

ALT_TEXT_MAX = 125
"""Screen readers and style guides cut alt text around 125 characters."""

MAX_TOKENS = {"describe": 768, "ask": 384, "alt": 96, "ocr": 2048, "combine": 768}

DESCRIBE_PROMPT = (
    "Describe this image in detail: what it shows, its layout, the text it contains (quote it "
    "exactly) and anything notable. Do not guess what is not visible."
)
ASK_PROMPT = "Answer the question about this image from what it shows; be concise and do not guess.\nQuestion: {question}"
ASK_PART_NOTE = " If this part does not show the answer, reply exactly: NOT VISIBLE."
ALT_PROMPT = (
    "Write alt text for this image for someone who cannot see it: one short sentence, at most "
    f"{ALT_TEXT_MAX} characters, saying what it shows. Do not start with 'Image of' or 'Picture of'."
)
OCR_PROMPT = (
    "Transcribe all the text in this image exactly as written, in reading order, as Markdown: keep "
    "headings and lists, write tables as Markdown tables. Output only the transcription."
)
DESCRIBE_TASK = "Write one detailed description of the whole page from them."
COMBINE_PROMPT = "{what} {count} parts of one {unit}, in reading order:\n\n{notes}\n\n{task}"

NO_MODEL_HELP = (
    "list the known vision models with `docextract models`, download one with "
    "`docextract models pull NAME` and pass --model NAME, or use your own files with "
    "--model path.gguf --mmproj mmproj.gguf (or set DOCEXTRACT_MODEL)"
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

log = logging.getLogger(__name__)


# --- results -------------------------------------------------------------------------------------


@dataclass
class Answer:
    """A free-text answer and how it was produced."""

    text: str
    pages: int = 1
    tiles: int = 1
    truncated: bool = False  # a tile's answer hit max_tokens
    issues: list[Issue] = field(default_factory=list)


@dataclass
class CodeResult:
    """Code read from a screenshot: the language (guessed when the engine did not say) and the code."""

    language: str | None
    code: str
    issues: list[Issue] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"language": self.language, "code": self.code}


@dataclass
class PageText:
    """The text of one page (Markdown or plain) and where it came from."""

    page: int
    text: str
    origin: str  # "text" (PDF text layer), "ocr" (offline OCR) or "model"


@dataclass
class FrameResult:
    """One sampled video frame and what the engine made of it."""

    index: int
    time: float
    timestamp: str
    text: str | None = None
    data: Any = None
    status: str = "ok"
    issues: list[Issue] = field(default_factory=list)
    reason: str | None = None  # a frame that could not be read: timeout or crash, and why
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``frame``, ``time`` (seconds), ``timestamp`` (HH:MM:SS.mmm) and ``text`` or
        ``data``; a failed frame has ``status``, ``reason`` and ``error`` as a batch record does."""
        out: dict[str, Any] = {"frame": self.index, "time": round(self.time, 3), "timestamp": self.timestamp}
        if self.data is not None or self.text is None:
            out["status"] = self.status
            out["data"] = self.data
            if self.issues:
                out["issues"] = [i.model_dump(exclude_none=True) for i in self.issues]
        else:
            out["text"] = self.text
        if self.error is not None:
            out.update(reason=self.reason, error=self.error)
        return out


# --- describe, ask, alt text ---------------------------------------------------------------------


def describe(source: Any, engine: Engine | None, *, on_text: TextSink | None = None, **options: Any) -> Answer:
    """A detailed description of an image (or of each page of a document, under ``## Page N``)."""
    vision = require_vision(engine, "describe")
    opts = _options(options)
    out = _Out(on_text)
    pages, tiles, truncated = 0, 0, False
    for page, count in _pages(source, opts):
        if count > 1:
            out.emit(f"{chr(10) * 2 if pages else ''}## Page {page.number}\n\n")
        pages += 1
        used, cut = _summarize(vision, _Task(DESCRIBE_PROMPT, "Descriptions of", DESCRIBE_TASK, "describe"), page, count, opts, out)
        tiles += used
        truncated = truncated or cut
    return Answer(out.text(), pages, tiles, truncated)


def ask(source: Any, question: str, engine: Engine | None, *, on_text: TextSink | None = None, **options: Any) -> Answer:
    """Answer ``question`` about an image or document (several pages or tiles: asked per part, then combined)."""
    if not question.strip():
        raise UsageError("the question is empty; pass it in quotes: docextract ask IMG \"What is the total?\"")
    vision = require_vision(engine, "ask")
    opts = _options(options)
    out = _Out(on_text)
    prompt = ASK_PROMPT.format(question=question.strip())
    units = [(page, count, tile) for page, count in _pages(source, opts) for tile in page_tiles(page, vision, opts)]
    if len(units) == 1:
        _, truncated = _generate(vision, [units[0][2].image], prompt, _max_tokens(opts, "ask"), out.emit)
        return Answer(out.text(), 1, 1, truncated)
    notes, truncated = [], False
    for page, count, tile in units:
        part = f"part {tile.index + 1} of page {page.number}" if count > 1 else f"part {tile.index + 1}"
        text, cut = _generate(vision, [tile.image], _with_part(prompt + ASK_PART_NOTE, part), _max_tokens(opts, "ask"), None)
        notes.append(text)
        truncated = truncated or cut
    pages = len({u[0].number for u in units})
    task = f"Question: {question.strip()}\nAnswer it in one reply from the parts above; ignore parts that say NOT VISIBLE."
    _, cut = _combine(vision, notes, _Task(prompt, "Answers from", task, "ask"), "document" if pages > 1 else "image", opts, out.emit)
    return Answer(out.text(), pages, len(units), truncated or cut)


def alt_text(source: Any, engine: Engine | None, *, max_chars: int = ALT_TEXT_MAX, **options: Any) -> str:
    """Alt text for an image: one sentence, at most ``max_chars`` characters, trimmed at a word
    boundary. ``""`` when the model gave none (logged as a warning): do not write that as
    ``alt=""``, which marks an image decorative."""
    vision = require_vision(engine, "alt-text")
    opts = _options(options)
    out = _Out(None)
    for page, count in _pages(source, opts):
        task = f"Write alt text for the whole image: one sentence of at most {max_chars} characters."
        _summarize(vision, _Task(ALT_PROMPT, "Descriptions of", task, "alt"), page, count, opts, out)
        break  # the first page is the image
    alt = trim_alt_text(out.text(), max_chars)
    if not alt:
        log.warning("the model gave no alt text for %s", source_name(source))
    return alt


def trim_alt_text(text: str, max_chars: int = ALT_TEXT_MAX) -> str:
    """One line of at most ``max_chars`` characters, cut at a word boundary, without 'Image of'."""
    text = " ".join(_CONTROL.sub(" ", text).split()).strip().strip("\"'")
    text = re.sub(r"^(alt(ernative)? text:\s*)", "", text, flags=re.I)
    text = re.sub(r"^((an?|the) )?(image|picture|photo(graph)?) (of|showing) ", "", text, flags=re.I)
    if len(text) > max_chars:
        cut = text[: max_chars + 1]
        space = cut.rfind(" ")
        text = cut[:space] if space > 0 else text[:max_chars]
        text = text.rstrip(" ,;:-–—")
    return text[:1].upper() + text[1:]


# --- code ----------------------------------------------------------------------------------------


def code(source: Any, engine: Engine | None = None, **options: Any) -> CodeResult:
    """Code from a screenshot, indentation preserved.

    With a vision model: the ``code`` schema, tiles merged with overlap removed. Without one
    (``engine`` ``None`` or the reader): text layer or OCR word positions → indentation. The
    language is guessed from keywords when the model did not give one.
    """
    if engine is not None and engine.vision:
        return _code_with_model(source, engine, options)
    opts = _options(options)
    texts = [words_to_code(page_words(page, code=True).words) for page, _ in _pages(source, opts)]
    text = "\n\n".join(t for t in texts if t)
    return CodeResult(guess_language(text), text)


def _code_with_model(source: Any, engine: Engine, options: dict[str, Any]) -> CodeResult:
    from docextract.pipeline import run
    from docextract.schemas import resolve_schema

    result: Extraction = run(source, resolve_schema("code"), engine, _options(options))
    data = result.data_dict() or {}
    if data.get("code") is None:
        raise EngineError(f"no code could be read: {result.error or 'the model gave no answer'}")
    text = str(data.get("code") or "")
    language = data.get("language") or guess_language(text)
    return CodeResult(language.lower() if isinstance(language, str) else None, text, list(result.issues))


# --- OCR to Markdown -----------------------------------------------------------------------------


def iter_ocr(
    source: Any, engine: Engine | None = None, *, plain: bool = False, on_text: TextSink | None = None, **options: Any
) -> Iterator[PageText]:
    """Yield each page's text in reading order: Markdown with tables (``plain=True``: plain text).

    Pages with a PDF text layer use it. Other pages are transcribed by ``engine`` when it is a
    vision model (tile transcripts stitched, overlap removed), else read by the offline OCR.
    ``on_text`` receives the text as it is produced (pages separated by a blank line).
    """
    opts = _options(options)
    out = _Out(on_text)
    vision = engine if engine is not None and engine.vision else None
    first = True
    for page, _count in _pages(source, opts):
        if not first:
            out.emit("\n\n")
        first = False
        if vision is not None and not page.has_text_layer:
            text = _transcribe(vision, page, opts, out)
            yield PageText(page.number, text, "model")
            continue
        read = page_words(page)
        text = page_markdown(read.words, page.number, plain=plain, rules=read.rules() if read.rules else None)
        out.emit(text)
        yield PageText(page.number, text, read.origin)


def ocr_markdown(source: Any, engine: Engine | None = None, *, plain: bool = False, on_text: TextSink | None = None, **options: Any) -> str:
    """All text of a document or image as one Markdown (or plain) string; see :func:`iter_ocr`."""
    return "\n\n".join(p.text for p in iter_ocr(source, engine, plain=plain, on_text=on_text, **options))


def page_markdown(words: list[Word], page: int = 1, *, plain: bool = False, rules: tuple[Sequence[Any], Sequence[Any]] | None = None) -> str:
    """A page's words as Markdown in reading order, the tables found in them as Markdown tables
    (with ``rules``, a scan's ruling lines in their frame: :attr:`PageWords.rules`)."""
    tables: list[Any] = []
    if words:
        from docextract.tables import scan_tables, tables_from_words

        tables = scan_tables(words, page, *rules) if rules is not None else tables_from_words(list(words), page)
    return words_to_markdown(words, locate_tables(words, tables), plain=plain)


def _transcribe(engine: Engine, page: Page, opts: Options, out: _Out) -> str:
    """A page transcribed tile by tile; tile 0 streams live, later tiles once their overlap is known."""
    tiles = page_tiles(page, engine, opts)
    texts: list[str] = []
    merged = ""
    for tile in tiles:
        prompt = _with_part(OCR_PROMPT, prompts.tile_part(tile.index, len(tiles), 1, 1)) if len(tiles) > 1 else OCR_PROMPT
        live = out.emit if not texts else None
        text, _ = _generate(engine, [tile.image], prompt, _max_tokens(opts, "ocr"), live)
        texts.append(text)
        stitched = merge_lines(texts)
        if texts[1:]:
            added = stitched[len(merged):]
            out.emit(added)
        merged = stitched
    return merged


# --- video ---------------------------------------------------------------------------------------


def video_frames(
    path: str | os.PathLike[str],
    engine: Engine | None,
    *,
    every: float | None = None,
    scenes: float | None = None,
    question: str | None = None,
    schema: Any = None,
    max_frames: int | None = None,
    start: int = 0,
    on_frame: Callable[[int, float], None] | None = None,
    **options: Any,
) -> Iterator[FrameResult]:
    """Sample frames (every ``every`` seconds and/or at scene changes) and describe each, answer
    ``question`` about it, or extract ``schema`` from it (schemas also run on the offline reader).

    ``start`` skips the sampled frames before that index (decoded, not read: a run resumed after
    a frame that failed); ``on_frame(index, time)`` is called as each sampled frame is decoded."""
    from docextract.sources.video import sample_frames

    opts = _options(options)
    spec = None
    if schema is not None:
        from docextract.schemas import resolve_schema

        spec = resolve_schema(schema)
    elif question is not None:
        require_vision(engine, "video --ask")
    else:
        require_vision(engine, "video (describing frames)")
    for frame in sample_frames(path, every=every, scenes=scenes, max_frames=max_frames, max_pixels=opts.max_pixels):
        if on_frame is not None:
            on_frame(frame.index, frame.time)
        if frame.index < start:
            continue
        result = FrameResult(frame.index, frame.time, frame.timestamp)
        if spec is not None:
            extraction = _extract_frame(frame.image, spec, engine, opts)
            result.data, result.status, result.issues = extraction.data_dict(), extraction.status.value, list(extraction.issues)
        elif question is not None:
            result.text = ask(frame.image, question, engine, **_as_kwargs(opts)).text
        else:
            result.text = describe(frame.image, engine, **_as_kwargs(opts)).text
        yield result


def _extract_frame(image: Image.Image, spec: Any, engine: Engine | None, opts: Options) -> Extraction:
    from docextract.engines import get_engine
    from docextract.pipeline import run

    if engine is None:
        engine = get_engine("reader")
    return run(image, spec, engine, opts)


# --- shared plumbing -----------------------------------------------------------------------------


def require_vision(engine: Engine | None, job: str) -> Engine:
    """The engine, if it understands images; else :class:`NeedsVisionModel` saying how to get one."""
    if engine is None or not engine.vision:
        raise NeedsVisionModel(f"{job} needs a vision model, and none is configured; {NO_MODEL_HELP}")
    return engine


class _Out:
    """Collects the text a job produces and forwards it to ``on_text`` as it comes."""

    def __init__(self, on_text: TextSink | None) -> None:
        self.on_text = on_text
        self.parts: list[str] = []

    def emit(self, text: str) -> None:
        if text:
            self.parts.append(text)
            if self.on_text is not None:
                self.on_text(text)

    def text(self) -> str:
        return "".join(self.parts)


class _Cleaner:
    """Streams model text without control characters, leading blank space or trailing blank space."""

    def __init__(self, sink: TextSink | None) -> None:
        self.sink = sink
        self.started = False
        self.pending = ""  # whitespace held back until more text follows it
        self.parts: list[str] = []

    def __call__(self, piece: str) -> None:
        piece = _CONTROL.sub("", piece.replace("\r\n", "\n"))
        if not self.started:
            piece = piece.lstrip()
            if not piece:
                return
            self.started = True
        body = piece.rstrip()
        tail = piece[len(body):]
        if body:
            self._send(self.pending + body)
            self.pending = tail
        else:
            self.pending += tail

    def _send(self, text: str) -> None:
        self.parts.append(text)
        if self.sink is not None:
            self.sink(text)

    def text(self) -> str:
        return "".join(self.parts)


def _generate(engine: Engine, images: list[Any], prompt: str, max_tokens: int, sink: TextSink | None) -> tuple[str, bool]:
    """Free text for one request, cleaned, streamed to ``sink``; also whether it was cut off."""
    cleaner = _Cleaner(sink)
    request = EngineRequest(images=images, prompt=prompt, schema=None, max_tokens=max_tokens,
                            on_text=cleaner if sink is not None else None)
    output = engine.generate(request)
    if not cleaner.parts and output.text:  # not streamed (no sink, or an engine that does not stream)
        cleaner(output.text)
    return cleaner.text(), output.finish_reason == "length"


@dataclass(frozen=True)
class _Task:
    """A free-text job: what each tile is asked, how the answers of several are combined, its budget."""

    prompt: str
    what: str  # how the combining request names the answers ("Descriptions of")
    combine: str  # what the combining request asks for
    kind: str  # its key in MAX_TOKENS


def _summarize(engine: Engine, task: _Task, page: Page, count: int, opts: Options, out: _Out) -> tuple[int, bool]:
    """One tile: ask and stream. Several: ask each, then combine the notes in one streamed request.

    Returns the number of tiles and whether an answer was cut off at the token limit.
    """
    tiles = page_tiles(page, engine, opts)
    limit = _max_tokens(opts, task.kind)
    if len(tiles) == 1:
        _, truncated = _generate(engine, [tiles[0].image], task.prompt, limit, out.emit)
        return 1, truncated
    notes, truncated = [], False
    for tile in tiles:
        part = prompts.tile_part(tile.index, len(tiles), page.number, count)
        text, cut = _generate(engine, [tile.image], _with_part(task.prompt, part), limit, None)
        notes.append(text)
        truncated = truncated or cut
    unit = "page" if page.width <= page.height * 1.5 else "image"
    _, cut = _combine(engine, notes, replace(task, kind="combine"), unit, opts, out.emit)
    return len(tiles), truncated or cut


def _combine(engine: Engine, notes: list[str], task: _Task, unit: str, opts: Options, sink: TextSink) -> tuple[str, bool]:
    numbered = "\n".join(f"{i}. {' '.join(n.split()) or '(nothing)'}" for i, n in enumerate(notes, 1))
    prompt = COMBINE_PROMPT.format(what=task.what, count=len(notes), unit=unit, notes=numbered, task=task.combine)
    return _generate(engine, [], prompt, _max_tokens(opts, task.kind), sink)


def _with_part(prompt: str, part: str) -> str:
    return f"This image is {part}. {prompt}"


def _options(options: dict[str, Any]) -> Options:
    known = set(Options.__dataclass_fields__)
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return Options(**options)


def _as_kwargs(opts: Options) -> dict[str, Any]:
    return {k: getattr(opts, k) for k in Options.__dataclass_fields__}


def _max_tokens(opts: Options, kind: str) -> int:
    return opts.max_tokens or MAX_TOKENS[kind]


def _pages(source: Any, opts: Options) -> Iterator[tuple[Page, int]]:
    """``(page, number of selected pages)``, one page at a time, each released after use."""
    with open_pages(source, opts) as (doc, numbers):
        for page in doc.pages(numbers, opts.dpi):
            yield page, len(numbers)
            page.release()


__all__ = [
    "ALT_TEXT_MAX",
    "Answer",
    "CodeResult",
    "FrameResult",
    "NeedsVisionModel",
    "PageText",
    "alt_text",
    "ask",
    "code",
    "describe",
    "iter_ocr",
    "ocr_markdown",
    "page_markdown",
    "require_vision",
    "trim_alt_text",
    "video_frames",
]
