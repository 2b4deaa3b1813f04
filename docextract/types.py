"""Typed objects passed between the stages.

source → :class:`Page` → :class:`Tile` → engine (:class:`EngineRequest` → :class:`EngineOutput`)
→ :class:`TileResult` → merge → :class:`Extraction`.

Coordinates are pixels of the rasterized page (``Page.dpi``), origin top-left, unless a name says
otherwise. One name per thing: ``bbox`` is a box ``(x0, y0, x1, y1)``, ``page`` a 1-based page number
(a :class:`Page`'s own is ``number``), ``confidence`` a probability in [0, 1].
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from PIL import Image

BBox = tuple[float, float, float, float]  # x0, y0, x1, y1

REVIEW_CONFIDENCE = 0.6
"""A value read with less confidence than this makes its document need review (and is marked so in exports)."""


class Status(str, Enum):
    """Outcome of a document, page or tile."""

    OK = "ok"
    PARTIAL = "partial"  # data is usable but something failed, was truncated or needs review
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Word:
    """A piece of text with its box: a word of the PDF text layer or a line/word from OCR."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float = 1.0
    source: Literal["text", "ocr"] = "text"
    # An OCR line's ink across, (x0, x1) per word of ``text`` (split at its spaces): where its
    # text begins and ends (the detector's margin varies) and where a reader of columns may cut
    # it (the detector boxes cells set close as one line). Empty where not measured.
    spans: tuple[tuple[float, float], ...] = ()

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.y0, self.x1, self.y1)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def mapped(self, to: Callable[[BBox], BBox]) -> Word:
        """This word with its box mapped by ``to`` (another frame of the same image), without its
        ``spans`` (level in the frame read; another frame may turn the line)."""
        x0, y0, x1, y1 = (float(v) for v in to(self.bbox))
        return replace(self, x0=x0, y0=y0, x1=x1, y1=y1, spans=())

    def moved(self, dx: float, dy: float, scale: float = 1.0) -> Word:
        """This word in another frame: ``(x + dx) * scale``."""
        return Word(
            self.text,
            (self.x0 + dx) * scale,
            (self.y0 + dy) * scale,
            (self.x1 + dx) * scale,
            (self.y1 + dy) * scale,
            self.confidence,
            self.source,
            tuple(((a + dx) * scale, (b + dx) * scale) for a, b in self.spans),
        )


@dataclass(eq=False)
class Page:
    """One page of a document. The image is rendered on first access (text-layer work never pays for it)."""

    number: int  # 1-based
    width: int  # pixels at ``dpi``
    height: int
    dpi: float
    render: Callable[[], Image.Image] = field(repr=False)
    words: list[Word] | None = None  # the PDF text layer in page pixels; None for images and scans
    find_tables: Callable[[], list[Any]] | None = field(default=None, repr=False)  # text-layer tables (PDF)
    _image: Image.Image | None = field(default=None, repr=False)

    @property
    def image(self) -> Image.Image:
        if self._image is None:
            self._image = self.render()
        return self._image

    @property
    def has_text_layer(self) -> bool:
        return bool(self.words)

    def release(self) -> None:
        """Drop the rendered image (pages stream; only results are kept)."""
        self._image = None


@dataclass
class PageWords:
    """A page's words as read: its PDF text layer, or OCR of its image (see :mod:`docextract.sources.words`)."""

    words: list[Word]  # in the frame read: the page itself, or for OCR an upright, deskewed copy where rows are level
    origin: Literal["text", "ocr"] = "text"
    to_page: Callable[[BBox], BBox] | None = field(default=None, repr=False)  # that frame → page pixels
    # The page's ruling lines in the words' frame, horizontal (y, x0, x1) and vertical (x, y0, y1),
    # found when asked: a scan's, from its ink (a text layer's come with its tables, ``Page.find_tables``).
    rules: Callable[[], tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]] | None = field(
        default=None, repr=False)

    def on_page(self) -> list[Word]:
        """The words in page pixels."""
        to_page = self.to_page
        return self.words if to_page is None else [w.mapped(to_page) for w in self.words]


@dataclass(eq=False)
class Tile:
    """A crop of a page, scaled to what the engine's encoder sees best."""

    page: int
    index: int  # reading order within the page, 0-based
    bbox: BBox  # the crop in page pixels
    scale: float  # tile pixels per page pixel
    image: Image.Image = field(repr=False)
    words: list[Word] | None = None  # text-layer words inside the tile, in *tile* pixels

    def to_page(self, bbox: BBox) -> BBox:
        """Map a box in tile pixels back to page pixels."""
        x0, y0, x1, y1 = bbox
        s = self.scale
        return (self.bbox[0] + x0 / s, self.bbox[1] + y0 / s, self.bbox[0] + x1 / s, self.bbox[1] + y1 / s)


class Issue(BaseModel):
    """Something the user should know about a result: a failed check, a conflict, a truncated tile."""

    model_config = ConfigDict(frozen=True)

    code: str  # kebab-case, stable: "total-mismatch", "truncated", "merge-conflict", ...
    message: str
    severity: Literal["error", "warning", "info"] = "warning"
    stage: Literal["source", "engine", "validate", "merge", "check", "export", "review"] = "validate"
    field: str | None = None
    page: int | None = None
    tile: int | None = None


class FieldSource(BaseModel):
    """Where a value came from (provenance) and how sure we are of it."""

    page: int | None = None
    bbox: BBox | None = None  # page pixels
    text: str = ""  # the source text the value was read from
    confidence: float = 1.0
    origin: Literal["text", "ocr", "model"] = "text"
    # What the engine chose the value on (label strength, sums that agree...), for the calibrated
    # confidence (docextract.pipeline.confidence); in memory only, never written out.
    evidence: dict[str, float] = Field(default_factory=dict, exclude=True, repr=False)


@dataclass
class EngineRequest:
    """All an engine ever sees: image(s), a prompt and a schema (plus the text layer if there is one)."""

    images: list[Image.Image]
    prompt: str
    schema: Any  # docextract.schemas.SchemaSpec or None for free text
    words: list[Word] | None = None  # the page's words (text layer or OCR) when the engine reads words, else the text layer
    words_to_image: Callable[[BBox], BBox] | None = None  # maps a box in the words' frame to images[0]; None: the same
    tables: Callable[[], list[Any]] | None = None  # finds a digital page's own tables (docextract.schemas.Table)
    max_tokens: int = 2048
    temperature: float = 0.0
    seed: int = 0
    on_text: Callable[[str], None] | None = None  # streaming callback for free-text jobs


@dataclass
class EngineOutput:
    """What an engine returns. ``text`` is the raw model output, always kept."""

    text: str
    finish_reason: Literal["stop", "length", "error"] = "stop"
    data: dict[str, Any] | None = None  # engines that structure directly (the reader) fill this
    provenance: dict[str, FieldSource] = field(default_factory=dict)  # bbox in image pixels
    words: list[Word] = field(default_factory=list)  # text the engine saw (OCR/text layer), image pixels
    issues: list[Issue] = field(default_factory=list)
    # Amounts the page prints that no schema field holds but the checks use (a rounding line, a
    # discount); they end up on the result (Extraction.printed), where the checks read them.
    printed: dict[str, Decimal] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    image_encodes: int = 0
    seconds: float = 0.0


class TileResult(BaseModel):
    """The validated output of one tile. Raw text is kept even when parsing failed."""

    page: int
    index: int
    bbox: BBox = Field(validation_alias=AliasChoices("bbox", "box"))  # the tile in page pixels ("box" in older records)
    status: Status
    data: dict[str, Any] | None = None
    raw_text: str = ""
    finish_reason: str = "stop"
    attempts: int = 1
    issues: list[Issue] = []
    seconds: float = 0.0
    image_encodes: int = 0
