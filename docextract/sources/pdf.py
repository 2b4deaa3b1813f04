"""The only module that touches pymupdf for page access (a swap to another PDF library stays cheap)."""

from __future__ import annotations

import re
from typing import Any

from docextract.errors import InputError
from docextract.sources.mupdf import pymupdf
from docextract.types import Page, Word

_REAL_TEXT = re.compile(r"[0-9A-Za-z\u00C0-\uFFFF]")
MIN_TEXT_WORDS = 3  # fewer words than this is a scan with a stray header, not a text layer


def open_pdf(data: bytes, name: str, password: str | None) -> tuple[Any, int]:
    """Open PDF bytes; turn every failure into an InputError that says what to do."""
    pymupdf.TOOLS.mupdf_display_errors(False)  # mupdf would print repair warnings to stderr
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises FileDataError, RuntimeError, ValueError...
        raise InputError(f"{name} is a damaged PDF that cannot be opened ({exc}); try re-exporting it", path=name) from None
    if doc.needs_pass:
        if password is None:
            doc.close()
            raise InputError(f"{name} is encrypted; pass its password with --password", path=name)
        if not doc.authenticate(password):
            doc.close()
            raise InputError(f"{name}: the password is wrong; check --password", path=name)
    try:
        count = doc.page_count
    except Exception as exc:
        doc.close()
        raise InputError(f"{name} is a damaged PDF ({exc}); try re-exporting it", path=name) from None
    if count == 0:
        doc.close()
        raise InputError(f"{name} has no pages (its page tree is empty); re-export or re-scan it", path=name)
    return doc, count


def make_page(doc: Any, page_no: int, dpi: float, name: str, max_pixels: int | None = None) -> Page:
    """A lazily rendered page with its text layer (in pixels at ``dpi``); rendering checks the
    page's size at ``dpi`` against ``max_pixels`` first."""
    try:
        page = doc[page_no - 1]
        rect = page.rect  # the displayed (rotated) page
        words = _words(page, dpi / 72.0)
    except Exception as exc:
        raise InputError(f"{name}: page {page_no} is damaged ({exc})", path=name) from None
    width, height = round(rect.width * dpi / 72.0), round(rect.height * dpi / 72.0)

    def render() -> Any:
        from PIL import Image

        if max_pixels is not None:
            from docextract.sources.images import check_size

            check_size(width, height, name, max_pixels, f" page {page_no} at {dpi:g} dpi",
                          "lower --dpi, or raise --max-pixels if the file is trusted")
        try:
            pix = doc[page_no - 1].get_pixmap(dpi=round(dpi), colorspace=pymupdf.csRGB, alpha=False)
        except Exception as exc:
            raise InputError(f"{name}: page {page_no} cannot be rendered ({exc})", path=name) from None
        return Image.frombytes("RGB", (pix.width, pix.height), pix.samples)

    def find_tables() -> list[Any]:
        from docextract.tables import extract_pdf_tables

        return extract_pdf_tables(doc[page_no - 1], page_no)

    return Page(page_no, width, height, dpi, render=render, words=words or None, find_tables=find_tables if words else None)


def _words(page: Any, scale: float) -> list[Word]:
    raw = page.get_text("words", sort=True)
    if sum(1 for w in raw if _REAL_TEXT.search(w[4])) < MIN_TEXT_WORDS:
        return []
    # Text coordinates are in the unrotated page; map them onto the page as displayed.
    matrix = page.rotation_matrix
    words = []
    for x0, y0, x1, y1, text, *_ in raw:
        r = pymupdf.Rect(x0, y0, x1, y1) * matrix
        words.append(Word(text, r.x0 * scale, r.y0 * scale, r.x1 * scale, r.y1 * scale, 1.0, "text"))
    return words
