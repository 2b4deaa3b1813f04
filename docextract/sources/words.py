"""The page stage that gives a page its words: the PDF text layer where there is one, else OCR.

Every consumer of a page's text asks here: the offline reader's rules, the cross-check of a vision
model's values, the OCR and code jobs. OCR reads an upright, deskewed copy of the image (rows are
level there, which is what the rules need); :attr:`PageWords.to_page` maps its boxes back.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from docextract.types import Page, PageWords

if TYPE_CHECKING:
    from PIL import Image


def page_words(page: Page, ocr: Any = None, *, code: bool = False) -> PageWords:
    """The page's text layer, or OCR of its image (``ocr``: a reader with ``read(image)``,
    default :func:`docextract.ocr.get_reader`; its models load on the first scanned page).
    ``code``: the page is source code (OCR then sets letter case by glyph height throughout)."""
    if page.has_text_layer:
        return PageWords(list(page.words or []), "text")
    if ocr is None:
        from docextract.ocr import get_reader

        ocr = get_reader()
    if hasattr(ocr, "prefetch"):
        ocr.prefetch()  # the models load (once) while the page renders or decodes
    return image_words(page.image, ocr, code=code)


def image_words(image: Image.Image, ocr: Any = None, *, code: bool = False) -> PageWords:
    """OCR of an image: its words in the upright frame, with the map back to the image."""
    if ocr is None:
        from docextract.ocr import get_reader

        ocr = get_reader()
    result = ocr.read(image, code=True) if code else ocr.read(image)
    to_upright = getattr(result, "to_upright", None)
    rules = None if to_upright is None else partial(_ruling_lines, image, to_upright)
    return PageWords(list(result.words), "ocr", getattr(result, "to_original", None), rules)


def _ruling_lines(image: Image.Image, to_upright: Any) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    from docextract.tables.scan import ruling_lines

    return ruling_lines(image, to_upright)
