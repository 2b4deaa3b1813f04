"""The extraction pipeline: source → pages → tiles → engine → parse + validate → merge → checks.

Stages flow one way and the pipeline never prints: progress goes to an ``on_event`` callback.
Pages stream (only per-tile results, never pixels, are kept), tile failures become data (a failed
:class:`TileResult` with its raw text), and only problems that stop the whole document raise.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from docextract.engines import Engine, default_engine_name, get_engine
from docextract.errors import DocextractError, EngineError, InputError, UsageError
from docextract.output.result import Extraction
from docextract.pipeline import prompts
from docextract.pipeline.confidence import Calibration, load_calibration, lookup
from docextract.pipeline.merge import Merged, Part, drop_summaries, merge_parts, norm
from docextract.pipeline.tiling import DEFAULT_OVERLAP, TileSpec, tile_page
from docextract.schemas import SchemaSpec, resolve_schema
from docextract.sources import DEFAULT_DPI, DEFAULT_MAX_PIXELS, Document, open_document, parse_pages, source_name
from docextract.sources.words import page_words
from docextract.types import (
    REVIEW_CONFIDENCE,
    EngineOutput,
    EngineRequest,
    FieldSource,
    Issue,
    Page,
    PageWords,
    Status,
    Tile,
    TileResult,
    Word,
)

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

MIN_DPI, MAX_DPI = 36, 1200


@dataclass(frozen=True)
class Event:
    """Progress: ``document`` (start), ``page``, ``tile`` (done), ``finished``."""

    kind: str
    source: str
    page: int | None = None
    pages: int | None = None
    tile: int | None = None
    tiles: int | None = None


EventHook = Callable[[Event], None]


@dataclass
class Options:
    """Pipeline settings (the CLI flags map one to one)."""

    pages: str | list[int] | None = None
    dpi: float = DEFAULT_DPI
    tiles: str | int = "auto"
    overlap: float = DEFAULT_OVERLAP
    password: str | None = None
    max_pixels: int = DEFAULT_MAX_PIXELS
    max_tokens: int | None = None
    reasks: int = 1
    verify: bool | None = None  # cross-check model values against the page text; None = when cheap
    fail_fast: bool = False
    split: str = "off"  # several documents in one file: "auto", "pages" or "off" (see pipeline.split)

    def __post_init__(self) -> None:
        # The same bounds as the command line's options: a library caller gets the same refusal.
        checks = [("dpi", self.dpi, MIN_DPI, MAX_DPI), ("overlap", self.overlap, 0.0, 0.49),
                  ("max_pixels", self.max_pixels, 1, float("inf")), ("reasks", self.reasks, 0, 10)]
        for name, value, low, high in checks:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                bounds = f"at least {low}" if high == float("inf") else f"from {low} to {high}"
                raise UsageError(f"{name}={value!r} is out of range: it must be a number {bounds}")
        from docextract.pipeline.split import SPLIT_MODES

        if self.split not in SPLIT_MODES:
            raise UsageError(f"split={self.split!r}: use one of {', '.join(SPLIT_MODES)}")
        if self.max_tokens is not None and (not isinstance(self.max_tokens, int) or self.max_tokens < 1):
            raise UsageError(f"max_tokens={self.max_tokens!r} is out of range: it must be a whole number of at least 1")


def extract(
    source: str | os.PathLike[str] | bytes | Image.Image,
    schema: str | type[BaseModel] | SchemaSpec | dict[str, Any] = "receipt",
    *,
    engine: Engine | str | None = None,
    on_event: EventHook | None = None,
    **options: Any,
) -> Extraction:
    """Extract ``schema`` from a PDF or image.

    Args:
        source: a path (PDF, JPEG, PNG, TIFF, WebP, BMP), the file's bytes, or a PIL image.
        schema: ``receipt``, ``invoice``, ``table``, ``code``, ``file.py:Class``, ``x.schema.json``
            or a Pydantic model class.
        engine: an :class:`Engine` (kept open, you close it), an engine name, or ``None`` for the
            default (``llama`` if ``DOCEXTRACT_MODEL`` is set, else the offline ``reader``).
        on_event: called with progress :class:`Event` objects.
        **options: :class:`Options` fields (``pages="1-3"``, ``dpi``, ``tiles``, ``overlap``,
            ``password``, ``max_tokens``, ``reasks``, ``verify``, ``fail_fast``); any other keyword
            goes to the engine when it is created here (``model_path=``, ``mmproj_path=``...).

    Returns:
        An :class:`Extraction`; raises :class:`DocextractError` only when the document as a whole
        cannot be processed (unreadable file, model that does not load).
    """
    if options.get("split", "off") != "off":
        raise UsageError("extract() gives one result; for a file of several documents use extract_documents(..., split='auto')")
    return _extract(source, schema, engine, on_event, options, run)  # type: ignore[no-any-return]


def extract_documents(
    source: str | os.PathLike[str] | bytes | Image.Image,
    schema: str | type[BaseModel] | SchemaSpec | dict[str, Any] = "receipt",
    *,
    split: str = "auto",
    engine: Engine | str | None = None,
    on_event: EventHook | None = None,
    **options: Any,
) -> list[Extraction]:
    """:func:`extract` for a file that may hold several documents (a PDF of three invoices, a
    stack of scanned receipts): one :class:`Extraction` per document, in page order, each with
    the pages it came from (``result.pages``).

    ``split``: ``auto`` (a new invoice number, or a complete document followed by a page that
    opens like a first one: see :mod:`docextract.pipeline.split`), ``pages`` (every page a
    document) or ``off`` (the file is one document). Other arguments as for :func:`extract`.
    """
    return _extract(source, schema, engine, on_event, {**options, "split": split}, run_documents)  # type: ignore[no-any-return]


def _extract(source: Any, schema: Any, engine: Engine | str | None, on_event: EventHook | None,
             options: dict[str, Any], runner: Callable[..., Any]) -> Any:
    opt_fields = set(Options.__dataclass_fields__)
    engine_options = {k: v for k, v in options.items() if k not in opt_fields}
    owned = not isinstance(engine, Engine)
    _check_keywords(engine_options, engine or default_engine_name() if owned else None, opt_fields)
    opts = Options(**{k: v for k, v in options.items() if k in opt_fields})
    spec = resolve_schema(schema)
    eng = get_engine(engine or default_engine_name(), **engine_options) if owned else engine
    assert isinstance(eng, Engine)
    try:
        eng.load()
        return runner(source, spec, eng, opts, on_event)
    finally:
        if owned:
            eng.close()


def _check_keywords(given: dict[str, Any], engine: str | None, option_names: set[str]) -> None:
    """A keyword neither :class:`Options` nor the engine's constructor takes is a
    :class:`UsageError` that names the valid ones (not a TypeError from deep inside)."""
    if not given:
        return
    import difflib
    import inspect

    from docextract.engines import engine_class

    takes: set[str] = set()
    if engine is not None:  # an engine built here from the other keywords
        params = inspect.signature(engine_class(engine)).parameters.values()
        if any(p.kind is p.VAR_KEYWORD for p in params):
            return
        takes = {p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    unknown = sorted(set(given) - takes)
    if unknown:
        valid = sorted(option_names | takes)
        close = difflib.get_close_matches(unknown[0], valid, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        where = f"the {engine} engine" if engine else "an engine passed in (set its options when you create it)"
        raise UsageError(f"unknown option {unknown[0]!r} for extract(){hint}; valid: {', '.join(valid)} "
                         f"(the engine keywords are those of {where})")


def run(source: Any, spec: SchemaSpec, engine: Engine, opts: Options, on_event: EventHook | None = None,
        *, name: str | None = None) -> Extraction:
    """Run the pipeline with a loaded engine, the file as one document; ``name`` names a source
    given as bytes in messages."""
    return run_documents(source, spec, engine, replace(opts, split="off"), on_event, name=name)[0]


def run_documents(source: Any, spec: SchemaSpec, engine: Engine, opts: Options, on_event: EventHook | None = None,
                  *, name: str | None = None) -> list[Extraction]:
    """Run the pipeline with a loaded engine: one result per document the file holds, in page
    order (``opts.split``; one for ``off``, and for a schema without document fields)."""
    started = time.perf_counter()
    doc = _Document(name or source_name(source), spec, engine, opts, on_event or (lambda e: None))
    with open_pages(source, opts, name=name) as (opened, numbers):
        doc.emit(Event("document", doc.name, pages=len(numbers)))
        for n in numbers:
            try:
                page = opened.page(n, opts.dpi)
                doc.read_page(page, len(numbers))
                page.release()
            except InputError as exc:
                # One damaged page must not lose the others: it becomes a failed (page-sized) result.
                if opts.fail_fast or len(numbers) == 1:
                    raise
                doc.tiles.append(_failed_page(n, exc))
        groups = doc.documents(numbers)
        results = [doc.pages_of(group).finish(opened.sha256, group) for group in groups]
    if len(results) > 1:
        log.info("%s holds %d documents: pages %s", doc.name, len(results), "; ".join(_span(g) for g in groups))
    seconds = time.perf_counter() - started
    for result in results:
        words = {n: w for n, w in doc.words.items() if n in result.pages}
        if opts.verify or (opts.verify is None and not engine.structured and words):
            from docextract.pipeline.verify import cross_check

            result.issues.extend(cross_check(result, words))
        _assess(result, words)
        _set_status(result)
        result.seconds = seconds * len(result.pages) / max(1, len(numbers))
    doc.emit(Event("finished", doc.name, pages=len(numbers)))
    return results


def _span(pages: list[int]) -> str:
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"


@contextmanager
def open_pages(source: Any, opts: Options, *, name: str | None = None) -> Iterator[tuple[Document, list[int]]]:
    """The open document and the page numbers ``opts.pages`` selects (every job reads pages so)."""
    with open_document(source, password=opts.password, max_pixels=opts.max_pixels, name=name) as doc:
        yield doc, opts.pages if isinstance(opts.pages, list) else parse_pages(opts.pages, doc.page_count)


def page_tiles(page: Page, engine: Engine, opts: Options, words: PageWords | None = None) -> list[Tile]:
    """The page cut for the engine's encoder (:func:`tile_page`), or whole for engines without a tile
    size; those get the page's ``words`` (when read) and its image only if they look at images or
    the page has no text layer (a digital page is never rendered for the reader)."""
    if engine.tile_size is None:
        image = page.image if engine.vision or not page.has_text_layer else None
        text = words.words if words is not None else page.words
        return [Tile(page.number, 0, (0, 0, page.width, page.height), 1.0, image, text)]  # type: ignore[arg-type]
    return tile_page(page, TileSpec(engine.tile_size, opts.overlap, opts.tiles))


@dataclass
class _Document:
    """One run's state as its pages go by: per-tile results and the page words, never pixels."""

    name: str
    spec: SchemaSpec
    engine: Engine
    opts: Options
    emit: EventHook
    tiles: list[TileResult] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    words: dict[int, list[Word]] = field(default_factory=dict)  # page words in page pixels, for the cross-check
    printed: dict[int, dict[str, Any]] = field(default_factory=dict)  # by page; printed once, so the last page that has one gives it

    def read_page(self, page: Page, page_count: int) -> None:
        read = self._page_words(page)
        if read is not None:
            self.words[page.number] = read.on_page()
        tiles = page_tiles(page, self.engine, self.opts, read if self.engine.wants_words else None)
        log.info("%s page %d/%d: %dx%d px%s, %s; %d tile%s", self.name, page.number, page_count, page.width, page.height,
                 f" at {page.dpi:g} dpi" if page.dpi else "", "text layer" if page.has_text_layer else "image", len(tiles),
                 "" if len(tiles) == 1 else "s")
        for tile in tiles:
            log.debug("  tile %d: box %s, scale %.3f", tile.index, tuple(round(v) for v in tile.bbox), tile.scale)
        self.emit(Event("page", self.name, page=page.number, pages=page_count, tiles=len(tiles)))
        for tile in tiles:
            part = prompts.tile_part(tile.index, len(tiles), page.number, page_count)
            request = EngineRequest(
                images=[tile.image] if tile.image is not None else [],
                prompt=prompts.extraction_prompt(self.spec.name, self.spec.json_schema, part=part),
                schema=self.spec,
                words=tile.words,
                words_to_image=read.to_page if read is not None and self.engine.wants_words else None,
                tables=_page_tables(page, read) if self.engine.tile_size is None else None,
                max_tokens=self.opts.max_tokens or self.spec.max_tokens,
            )
            tr, data, output = run_tile(self.engine, self.spec, request, tile, self.opts)
            self.tiles.append(tr)
            if data is not None and output is not None:
                self.printed.setdefault(page.number, {}).update(output.printed)
                prov = {k: _to_page(v, tile) for k, v in output.provenance.items()}
                self.parts.append(Part(data, page.number, tile.index, prov))
            self.emit(Event("tile", self.name, page=page.number, pages=page_count, tile=tile.index, tiles=len(tiles)))

    def _page_words(self, page: Page) -> PageWords | None:
        """The page stage: words for an engine that reads them, the text layer when there is one
        (free), and OCR for a vision model's cross-check only when ``--verify`` asks for it."""
        if self.engine.wants_words or page.has_text_layer or self.opts.verify:
            return page_words(page)
        return None

    def documents(self, numbers: list[int]) -> list[list[int]]:
        """The pages grouped into documents (``opts.split``), from what each page alone reads as."""
        if self.opts.split == "off" or len(numbers) < 2 or self.spec.merge != "document":
            return [numbers]
        from docextract.layout import group_rows
        from docextract.pipeline.split import page_of, split_pages

        by_page = [(n, merge_parts([p for p in self.parts if p.page == n], self.spec.merge).data) for n in numbers]
        marks = {n: page_of([line.text for line in group_rows(self.words.get(n) or [])]) for n in numbers}
        continued = frozenset(n for n, mark in marks.items() if mark is not None and mark[0] > 1)
        return split_pages(by_page, self.spec.document, self.opts.split, continued)

    def pages_of(self, pages: list[int]) -> _Document:
        """This document's state for some of its pages (one document of several in the file)."""
        keep = set(pages)
        return replace(self, tiles=[t for t in self.tiles if t.page in keep], parts=[p for p in self.parts if p.page in keep],
                       words={n: w for n, w in self.words.items() if n in keep},
                       printed={n: v for n, v in self.printed.items() if n in keep})

    def finish(self, sha: str, pages: list[int]) -> Extraction:
        spec = self.spec
        parts = drop_summaries(self.parts, spec.items_field) if spec.items_field else self.parts
        merged = merge_parts(parts, spec.merge)
        issues = list(merged.issues)
        data: Any = None
        if merged.data is not None:
            try:
                data = spec.validate(merged.data)
            except Exception as exc:  # the merged object broke a cross-field rule; keep the dict
                data = merged.data
                issues.append(Issue(code="invalid-merge", message=str(exc).splitlines()[0], severity="error", stage="merge"))
        printed = {k: v for n in sorted(self.printed) for k, v in self.printed[n].items()}
        if merged.choices and spec.checks is not None and isinstance(merged.data, dict):
            data = _checked_choice(self.spec, merged, printed, issues) or data
        # A tile's arithmetic checks see one page or one piece of it ("the 4 lines on page 2 add up to
        # 12.00 but the subtotal is 105.00"): a kit's checks run on the merged data alone, whatever its merge.
        redo = spec.checks is not None and data is not None
        issues[:0] = [i for t in self.tiles for i in t.issues if not (redo and i.stage == "check")]
        if self.engine.wants_words and self.words and not any(self.words.values()):
            # say why every field is missing: nothing on the pages to read them from
            issues.insert(0, Issue(code="no-text", stage="source", message="no text found: the page is blank, or its "
                                   "print is too faint or too small to read"))
        result = Extraction(
            source=self.name, schema=spec.name, spec=spec, engine=self.engine.name, model=self.engine.model_id,
            status=Status.OK, data=data, sha256=sha, issues=issues, provenance=merged.provenance, pages=pages,
            tiles=self.tiles, printed=printed,
        )
        if redo:
            result.issues.extend(document_checks(result))
        return result


def _checked_choice(spec: SchemaSpec, merged: Merged, printed: dict[str, Any], issues: list[Issue]) -> Any:
    """Where pages read fields differently (page 1's section sum and its tax, page 2's grand total
    and the document's tax), one page's reading of them, with which the kit's checks find fewest
    faults in the whole document, when that is fewer than with the merge's choices (else None: the
    merge's choices stand; ties keep them); of that reading, only the fields the checks need."""
    base = dict(merged.data or {})

    def faults(data: dict[str, Any]) -> int:
        try:
            return len(spec.check(spec.validate(data).model_dump(), printed))
        except Exception:
            return 1_000  # a combination the schema refuses

    best, best_faults, chosen = base, faults(base), None
    for page in dict.fromkeys(pg for values in merged.choices.values() for _, _, pg in values):
        reading = {key: next(((v, src) for v, src, pg in values if pg == page), None) for key, values in merged.choices.items()}
        trial = {**base, **{key: vs[0] for key, vs in reading.items() if vs is not None}}
        n = faults(trial)
        if n < best_faults:
            best, best_faults, chosen = trial, n, reading
    if chosen is None:
        return None
    # ... and of that reading only what the checks need: a field they are indifferent to (the date)
    # keeps the merge's choice
    for key in merged.choices:
        if norm(best[key]) != norm(base[key]) and faults({**best, key: base[key]}) <= best_faults:
            best = {**best, key: base[key]}
    changed = {key: vs[1] for key, vs in chosen.items() if vs is not None and norm(best[key]) != norm(base[key])}
    for key, source in changed.items():
        if source is not None:
            merged.provenance[key] = source
        for k, issue in enumerate(issues):
            if issue.code == "merge-conflict" and issue.field == key:
                votes = issue.message.rsplit("; kept ", 1)[0]
                issues[k] = issue.model_copy(update={"message": f"{votes}; kept {best[key]!r}, with which the document's checks agree"})
    try:
        return spec.validate(best)
    except Exception:
        return None


def _page_tables(page: Page, read: PageWords | None) -> Callable[[], list[Any]] | None:
    """The page's own tables: a digital page's (its rules and text layer), a scan's from its OCR
    words and the ruling lines in its ink; ``None`` where it has neither."""
    if page.find_tables is not None or read is None or read.rules is None:
        return page.find_tables
    rules = read.rules

    def find() -> list[Any]:
        from docextract.tables.scan import scan_tables

        return scan_tables(read.words, page.number, *rules())

    return find


def _failed_page(page: int, exc: InputError) -> TileResult:
    issue = Issue(code="page-unreadable", message=str(exc), severity="error", stage="source", page=page)
    return TileResult(page=page, index=0, bbox=(0, 0, 0, 0), status=Status.FAILED, finish_reason="error", issues=[issue])


def _to_page(source: FieldSource, tile: Tile) -> FieldSource:
    bbox = tile.to_page(source.bbox) if source.bbox else None
    return source.model_copy(update={"page": tile.page, "bbox": bbox})


def run_tile(
    engine: Engine, spec: SchemaSpec, request: EngineRequest, tile: Tile, opts: Options
) -> tuple[TileResult, dict[str, Any] | None, EngineOutput | None]:
    """Generate, parse and validate one tile: one retry on truncation, ``opts.reasks`` re-asks on invalid output."""
    started = time.perf_counter()
    issues: list[Issue] = []
    attempts, encodes, prompt_tokens, output_tokens = 0, 0, 0, 0
    output: EngineOutput | None = None
    data: dict[str, Any] | None = None
    where = {"page": tile.page, "tile": tile.index}
    current = request
    truncation_retried = False
    reasks_left = opts.reasks
    while True:
        attempts += 1
        try:
            output = engine.generate(current)
        except DocextractError as exc:
            if opts.fail_fast or not isinstance(exc, EngineError):
                raise
            issues.append(Issue(code="engine-error", message=str(exc), severity="error", stage="engine", **where))
            break
        encodes += output.image_encodes
        prompt_tokens += output.prompt_tokens
        output_tokens += output.completion_tokens
        issues.extend(i.model_copy(update=where) for i in output.issues)
        if output.finish_reason == "length" and not engine.structured:
            if not truncation_retried:
                truncation_retried = True
                current = replace(current, max_tokens=current.max_tokens * 2)
                continue
            issues.append(Issue(code="truncated", severity="error", stage="engine",
                                message=f"the model's answer was cut off at {current.max_tokens} tokens; raise --max-tokens", **where))
            break
        data, error = parse_and_validate(spec, output, engine.structured)
        if error is None:
            break
        if reasks_left > 0 and not engine.structured:
            reasks_left -= 1
            # Re-asks are text-only: the model corrects its own answer against the error, so the
            # tile is not encoded a second time (llama.cpp has no image cache between calls).
            current = replace(request, images=[], prompt=prompts.reask_prompt(request.prompt, output.text, error))
            continue
        issues.append(Issue(code="invalid-output", message=error, severity="error", stage="validate", **where))
        break
    status = Status.OK if data is not None else Status.FAILED
    if data is not None and any(i.severity == "error" for i in issues):
        status = Status.PARTIAL
    tokens = f", {prompt_tokens} prompt + {output_tokens} output tokens" if prompt_tokens or output_tokens else ""
    log.info("page %d tile %d: %s in %.2f s, %d attempt%s%s, finish %s", tile.page, tile.index, status.value,
             time.perf_counter() - started, attempts, "" if attempts == 1 else "s", tokens,
             output.finish_reason if output else "error")
    tr = TileResult(
        page=tile.page,
        index=tile.index,
        bbox=tile.bbox,
        status=status,
        data=data,
        raw_text=output.text if output else "",
        finish_reason=output.finish_reason if output else "error",
        attempts=attempts,
        issues=issues,
        seconds=time.perf_counter() - started,
        image_encodes=encodes,
    )
    return tr, data, output


def parse_and_validate(spec: SchemaSpec, output: EngineOutput, structured: bool) -> tuple[dict[str, Any] | None, str | None]:
    """JSON-ready validated data, or ``(None, error)`` saying what was wrong."""
    if structured:
        raw: Any = output.data
    else:
        try:
            raw = json.loads(output.text)
        except json.JSONDecodeError as exc:
            return None, f"not valid JSON ({exc.msg} at character {exc.pos})"
    if not isinstance(raw, dict):
        return None, "the answer is not a JSON object"
    try:
        return spec.dump(spec.validate(raw)), None
    except ValidationError as exc:
        return None, "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors()[:8])
    except Exception as exc:  # jsonschema.ValidationError for JSON Schema files
        if type(exc).__name__ != "ValidationError":
            raise
        return None, getattr(exc, "message", str(exc))


def document_checks(result: Extraction) -> list[Issue]:
    """The schema kit's checks, once, on the merged data, with the amounts they need that no schema
    field holds (:attr:`Extraction.printed`: a rounding line, a discount)."""
    data = result.data
    return result.kit.check(data.model_dump() if isinstance(data, BaseModel) else dict(data or {}), result.printed)


def _set_status(result: Extraction) -> None:
    tiles = result.tiles
    if result.data is None or not any(t.data is not None for t in tiles):
        result.status = Status.FAILED
        errors = [i.message for i in result.issues if i.severity == "error"]
        result.error = errors[0] if errors else "nothing could be extracted"
    elif any(t.status is not Status.OK for t in tiles) or any(i.code == "invalid-merge" for i in result.issues):
        result.status = Status.PARTIAL
    result.needs_review = needs_review(result)
    if result.needs_review:
        result.issues += low_confidence(result)


def low_confidence(result: Extraction) -> list[Issue]:
    """Why a result with nothing wrong in it may still need a look: the fields read with less
    confidence than :func:`needs_review` trusts, the least sure first, as one info issue."""
    if result.data is None:
        return []
    threshold, low = _doubtful(result)
    if not low:
        return []
    listed = ", ".join(f"{p} {c:.0%}" for c, p in low)
    return [Issue(code="low-confidence", severity="info", stage="review", field=low[0][1],
                  message=f"read with less confidence than the review threshold ({threshold:.2f}): {listed}")]


def _calibration(result: Extraction) -> Calibration | None:
    """The kit's fitted confidence model, where it was fitted for the engine that read the result."""
    spec = result.kit
    cal = load_calibration(spec.calibration) if spec.calibration else None
    return cal if cal is not None and cal.engine == result.engine else None


def _assess(result: Extraction, words: dict[int, list[Word]]) -> None:
    """Judge the key fields: each one missing is an issue (a blank page or a letter read as a
    receipt says why it needs review), and where the kit has a confidence model for the engine,
    their confidences become the calibrated chance that they are right
    (:mod:`docextract.pipeline.confidence`); other fields keep the engine's."""
    if result.data is None:
        return
    data = result.data.model_dump(mode="json") if isinstance(result.data, BaseModel) else dict(result.data)
    for path in result.kit.key_fields:
        if lookup(data, path) in (None, "", []):
            result.issues.append(Issue(code="missing-field", severity="warning", stage="check", field=path,
                                       message=f"no {path} was found"))
    cal = _calibration(result)
    if cal is None:
        return
    for path, p in cal.probabilities(data, result.provenance, result.issues, words).items():
        src = result.provenance.get(path)
        if src is not None:
            result.provenance[path] = src.model_copy(update={"confidence": p})


def needs_review(result: Extraction) -> bool:
    """A person should look: the status is not ok, a key field of the kit is missing, or a merge
    conflicted; then, where the kit has a confidence model for the engine, a key field below its
    threshold or a failed check on one, else (the engine's own confidences) any field below
    :data:`REVIEW_CONFIDENCE` or any failed check."""
    if result.status is not Status.OK or result.data is None:
        return True
    spec = result.kit
    if any(i.stage == "merge" or i.code == "missing-field" for i in result.issues):
        return True
    _, low = _doubtful(result)
    if _calibration(result) is not None:
        # A failed check on a key field ("the total is not subtotal + tax") is no matter of degree.
        return bool(low) or any(i.stage == "check" and i.field in spec.key_fields for i in result.issues)
    return bool(low) or any(i.stage == "check" for i in result.issues)


def _doubtful(result: Extraction) -> tuple[float, list[tuple[float, str]]]:
    """The confidence a field needs to pass unseen (the calibration's threshold for its key
    fields, else :data:`REVIEW_CONFIDENCE` for every field), and the fields below it, as
    (confidence, path), the least sure first."""
    cal = _calibration(result)
    threshold = cal.threshold if cal is not None else REVIEW_CONFIDENCE
    paths = cal.fields if cal is not None else list(result.provenance)
    return threshold, sorted((result.provenance[p].confidence, p) for p in paths if p in result.provenance
                             and result.provenance[p].confidence < threshold)
