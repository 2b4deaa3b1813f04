"""Page images for the review page, drawn in the frame of the result's provenance boxes.

A result's boxes are in page pixels: a PDF page rasterized at the run's dpi, an image's pixels after
its EXIF orientation (:mod:`docextract.sources`). The run's dpi is not recorded, but its frame is: the
tiles of a page cover it, so their far corner is the page's size in pixels. Pages are drawn by the
same source code the pipeline used, at the dpi that gives that frame (capped); the page scales the
boxes by the frame, so a capped or downscaled image still carries them in the right place.
"""

from __future__ import annotations

import functools
import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docextract.output.result import Extraction

MAX_SIDE = 2400  # pixels on the long side of a served image (a 12 MP photo need not cross the wire)
MAX_DPI = 300

_render_lock = threading.Lock()  # pymupdf is not thread-safe; the server renders in a thread pool

Frame = tuple[float, float]


@dataclass(frozen=True)
class PageImage:
    data: bytes
    media_type: str
    width: int
    height: int


def page_frames(result: Extraction) -> dict[int, Frame]:
    """Each page's size in the pixels of its boxes: the far corner of the tiles that cover it."""
    frames: dict[int, Frame] = {}
    for tile in result.tiles:
        w, h = frames.get(tile.page, (0.0, 0.0))
        frames[tile.page] = (max(w, tile.bbox[2]), max(h, tile.bbox[3]))
    return {page: f for page, f in frames.items() if f[0] > 0 and f[1] > 0}


def render_page(path: Path, page_no: int, frame: Frame | None) -> PageImage:
    """The page as PNG (PDF) or JPEG (photos and scans); :class:`~docextract.errors.InputError` when
    the file cannot be read."""
    stat = path.stat()
    return _render(str(path), stat.st_mtime_ns, stat.st_size, page_no, frame)


@functools.lru_cache(maxsize=24)
def _render(path: str, mtime_ns: int, size: int, page_no: int, frame: Frame | None) -> PageImage:
    from docextract.sources import DEFAULT_DPI, open_document

    with _render_lock, open_document(path) as doc:
        page = doc.page(page_no, DEFAULT_DPI)
        if doc.kind == "pdf" and frame and (page.width, page.height) != (round(frame[0]), round(frame[1])):
            page = doc.page(page_no, min(MAX_DPI, DEFAULT_DPI * frame[0] / page.width))
        image = page.image
        if max(image.size) > MAX_SIDE:
            image = image.copy()
            image.thumbnail((MAX_SIDE, MAX_SIDE))
        buf = io.BytesIO()
        if doc.kind == "pdf":
            image.save(buf, "PNG", optimize=False, compress_level=3)
            media = "image/png"
        else:
            image.save(buf, "JPEG", quality=88)
            media = "image/jpeg"
        return PageImage(buf.getvalue(), media, image.width, image.height)
