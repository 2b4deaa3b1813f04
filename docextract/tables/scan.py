"""Ruling lines of a scanned page, for the tables read from its OCR words.

A digital PDF draws its rules (:mod:`docextract.tables.pdf` reads them); on a scan they are ink.
The table rules use them as they use a PDF's: a header's rule, a table's top and bottom, two
tables apart. A rule is a long, thin run of dark pixels: kept by an opening with a kernel a
thirtieth of the image long, along either axis (a page read sideways has its rules upright in
the input), then put in the frame the OCR words are in and kept where it runs level there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from docextract.tables.grid import Rule

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["ruling_lines"]

_KERNEL = 30  # a rule is at least 1/N of the image's side along it long
_THIN = 400  # ... and at most 3 px or 1/N of the other side thick, whichever is more


def ruling_lines(image: Image.Image, to_words: Callable[[np.ndarray], np.ndarray] | None = None) -> list[Rule]:
    """The image's horizontal ruling lines as ``(y, x0, x1)`` in the words' frame.

    ``to_words`` maps input-image points ``(N, 2)`` to that frame (an OCR result's
    :meth:`~docextract.ocr.OcrResult.to_upright`); none: the words are in the image's pixels.
    """
    import cv2

    gray = np.asarray(image.convert("L"))
    h, w = gray.shape
    if min(h, w) < 16:
        return []
    _, dark = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    segments = []
    for along in (0, 1):  # 0: rows of the input, 1: its columns
        length = max(20, (w if along == 0 else h) // _KERNEL)
        thin = max(3, (h if along == 0 else w) // _THIN)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if along == 0 else (1, length))
        _, _, stats, _ = cv2.connectedComponentsWithStats(cv2.morphologyEx(dark, cv2.MORPH_OPEN, kernel))
        for x, y, bw, bh, _ in stats[1:].tolist():
            if along == 0 and bh <= thin:
                segments.append(((x, y + bh / 2), (x + bw, y + bh / 2)))
            elif along == 1 and bw <= thin:
                segments.append(((x + bw / 2, y), (x + bw / 2, y + bh)))
    rules = []
    for a, b in segments:
        (x0, y0), (x1, y1) = to_words(np.array([a, b], np.float64)) if to_words is not None else (a, b)
        # Level in the words' frame, give or take the OCR's estimate of the skew (3 degrees).
        if abs(y1 - y0) <= 0.05 * abs(x1 - x0):
            rules.append((float(y0 + y1) / 2, float(min(x0, x1)), float(max(x0, x1))))
    return sorted(rules)
