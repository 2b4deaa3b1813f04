"""Cut pages into overlapping tiles the vision encoder can read.

A vision encoder sees a fixed square (336 or 448 px for LLaVA-style models). A whole A4 page squeezed
into 336 px turns body text into 3-pixel smudges, so the page is first scaled so that body text stays
legible (``min_text_px`` tall) and then cut into encoder-sized tiles that overlap, so that no line is
only ever seen cut in half. The geometry here is pure (no model knowledge) and unit-tested.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from docextract.errors import UsageError
from docextract.types import BBox, Page, Tile, Word

if TYPE_CHECKING:
    from PIL import Image

MAX_AUTO_TILES = 48  # per page; beyond this the page is scaled down rather than cut further
DEFAULT_OVERLAP = 0.15
DEFAULT_TEXT_PX = 15.0


@dataclass(frozen=True)
class TileSpec:
    """How to tile: encoder size, overlap fraction, mode (``auto``, ``off`` or a maximum count)."""

    size: int
    overlap: float = DEFAULT_OVERLAP
    mode: str | int = "auto"
    min_text_px: float = DEFAULT_TEXT_PX

    def __post_init__(self) -> None:
        if self.size < 32:
            raise UsageError(f"tile size {self.size} is too small (minimum 32 px)")
        if not 0.0 <= self.overlap < 0.5:
            raise UsageError(f"tile overlap {self.overlap} must be between 0 and 0.5")
        if isinstance(self.mode, int) and self.mode < 1:
            raise UsageError("--tiles N needs N >= 1")
        if isinstance(self.mode, str) and self.mode not in ("auto", "off"):
            raise UsageError(f"--tiles must be auto, off or a number, not {self.mode!r}")


def parse_tiles_option(value: str) -> str | int:
    """``auto`` | ``off`` | ``N`` from the command line."""
    value = value.strip().lower()
    if value in ("auto", "off"):
        return value
    if value.isdigit() and int(value) >= 1:
        return int(value)
    raise UsageError(f"--tiles must be auto, off or a positive number, not {value!r}")


def axis_starts(length: float, window: float, overlap_px: float) -> list[float]:
    """Start offsets of windows covering ``[0, length]`` with at least ``overlap_px`` overlap."""
    if length <= window:
        return [0.0]
    step = window - overlap_px
    n = math.ceil((length - overlap_px) / step)
    n = max(n, 2)
    # Spread the windows evenly so every overlap is about the same (>= overlap_px).
    stride = (length - window) / (n - 1)
    return [i * stride for i in range(n)]


def grid(width: float, height: float, window: float, overlap: float) -> list[BBox]:
    """Tiles of side ``window`` over a ``width`` x ``height`` canvas, row-major (reading order)."""
    overlap_px = overlap * window
    xs = axis_starts(width, window, overlap_px)
    ys = axis_starts(height, window, overlap_px)
    return [(x, y, min(x + window, width), min(y + window, height)) for y in ys for x in xs]


def choose_scale(page_w: int, page_h: int, spec: TileSpec, text_px: float | None) -> float:
    """Page→tile scale: text at least ``min_text_px`` tall, never upscaled, within the tile budget."""
    if spec.mode == "off":
        return min(1.0, spec.size / max(page_w, page_h))
    fit = min(1.0, spec.size / max(page_w, page_h))
    if not text_px:
        return fit  # blank page or no measurable text: one tile is all there is to see
    scale = min(1.0, spec.min_text_px / text_px)
    if max(page_w, page_h) * scale <= spec.size:
        return fit  # legible as one tile: show it as large as the encoder allows
    budget = spec.mode if isinstance(spec.mode, int) else MAX_AUTO_TILES
    while scale > 0 and len(grid(page_w * scale, page_h * scale, spec.size, spec.overlap)) > budget:
        scale *= 0.95
    return scale


def plan_tiles(page_w: int, page_h: int, spec: TileSpec, text_px: float | None = None) -> tuple[float, list[BBox]]:
    """Return the scale and the tile boxes in *page* pixels for a page of the given size."""
    scale = choose_scale(page_w, page_h, spec, text_px)
    window = spec.size / scale
    if spec.mode == "off" or max(page_w, page_h) <= window:
        return scale, [(0.0, 0.0, float(page_w), float(page_h))]
    return scale, grid(float(page_w), float(page_h), window, spec.overlap)


def text_height(page: Page) -> float | None:
    """Median body-text height in page pixels: from the text layer, else estimated from the pixels."""
    if page.words:
        heights = [w.height for w in page.words if w.height > 0]
        return median(heights) * 0.75 if heights else None  # word boxes include ascenders/descenders
    return estimate_text_height(page.image)


def estimate_text_height(image: Image.Image) -> float | None:
    """Estimate the typical text-line height of a scan from its horizontal ink profile."""
    import numpy as np

    factor = min(1.0, 1200 / max(image.size))
    small = image.convert("L")
    if factor < 1.0:
        small = small.resize((max(1, round(image.width * factor)), max(1, round(image.height * factor))))
    arr = np.asarray(small, dtype=np.float32)
    if arr.size == 0 or arr.std() < 8:
        return None  # blank page
    ink = arr < (arr.mean() - 1.5 * arr.std() if arr.mean() > 128 else arr.mean() + 1.5 * arr.std())
    rows = ink.mean(axis=1) > 0.002
    runs, run = [], 0
    for r in rows:
        if r:
            run += 1
        elif run:
            runs.append(run)
            run = 0
    runs = [r for r in runs if r >= 3]
    return float(median(runs)) / factor * 0.75 if runs else None


def tile_page(page: Page, spec: TileSpec) -> list[Tile]:
    """Cut a page into tiles (images scaled to the encoder, text-layer words carried along)."""
    scale, boxes = plan_tiles(page.width, page.height, spec, text_height(page))
    image = page.image
    sx, sy = image.width / page.width, image.height / page.height  # render may round the size
    tiles = []
    for index, box in enumerate(boxes):
        x0, y0, x1, y1 = box
        crop = image.crop((round(x0 * sx), round(y0 * sy), round(x1 * sx), round(y1 * sy)))
        size = (max(1, round((x1 - x0) * scale)), max(1, round((y1 - y0) * scale)))
        if crop.size != size:
            from PIL import Image

            crop = crop.resize(size, Image.Resampling.LANCZOS)
        words = _tile_words(page.words, box, scale) if page.words else None
        tiles.append(Tile(page.number, index, box, scale, crop, words))
    return tiles


def _tile_words(words: list[Word], box: BBox, scale: float) -> list[Word]:
    x0, y0, x1, y1 = box
    inside = [w for w in words if x0 <= w.cx < x1 and y0 <= w.cy < y1]
    return [w.moved(-x0, -y0, scale) for w in inside]
