"""Tables of a scanned page: its OCR words and the ruling lines in its ink.

A digital PDF draws its rules (:mod:`docextract.tables.pdf` reads them); on a scan they are ink.
A rule is a long, thin run of dark pixels, kept by an opening with a kernel along either axis of
the input (a page read sideways has its rules turned), then put in the frame the OCR words are in.
The words and rules then go the way a PDF's do (:func:`~docextract.tables.pdf.ruled_and_open_tables`):
ruled lattices, then whitespace tables with the rules as a header's rule, a table's top and
bottom, or the line between two tables.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from docextract.schemas.table import Table
from docextract.tables.grid import split_figure_boxes
from docextract.tables.pdf import Segment, ruled_and_open_tables
from docextract.types import Word

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["ruling_lines", "scan_tables"]

_ALONG = 30  # a rule across the page is at least 1/N of the image's width long
_DOWN = 60  # a rule down the page at least 1/N of its height (columns are short; see scan_tables)
_THIN = 400  # ... and at most 3 px or 1/N of the other side thick, whichever is more
_LEVEL = 0.05  # a rule runs along an axis of the words' frame within this slope (3 degrees)
_UNIT = 15.0  # the median OCR box is this many points tall (a 9-10 pt text with its margin)


def ruling_lines(
    image: Image.Image, to_words: Callable[[np.ndarray], np.ndarray] | None = None
) -> tuple[list[Segment], list[Segment]]:
    """The image's ruling lines in the words' frame: horizontal ``(y, x0, x1)`` and vertical
    ``(x, y0, y1)``.

    ``to_words`` maps input-image points ``(N, 2)`` to that frame (an OCR result's
    :meth:`~docextract.ocr.OcrResult.to_upright`); none: the words are in the image's pixels.
    """
    import cv2

    gray = np.asarray(image.convert("L"))
    h, w = gray.shape
    if min(h, w) < 16:
        return [], []
    # A rule a pixel thick set between two pixel rows is drawn as two grey rows, lighter than
    # the cut Otsu finds between text and paper: rules are ink halfway from that cut to white.
    # A rule along a shaded cell (a grey header) runs into the shading at that lightness, too
    # thick for a rule; it is found again as a thin line darker than what is either side of it
    # (what a closing across its way lifts: a black-hat), unless a rule was found there already.
    cut, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    light = np.where(gray < (cut + 255) / 2, np.uint8(255), np.uint8(0))
    ends = []
    for across in (True, False):  # along the input's rows, then down its columns
        length = max(20, w // _ALONG) if across else max(15, h // _DOWN)
        thin = max(3, (h if across else w) // _THIN)
        side = cv2.getStructuringElement(cv2.MORPH_RECT, (1, 2 * thin + 1) if across else (2 * thin + 1, 1))
        hat = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, side)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if across else (1, length))
        found = np.zeros_like(gray)
        for dark in (light, np.where(hat > (255 - cut) / 2, np.uint8(255), np.uint8(0))):
            _, _, stats, _ = cv2.connectedComponentsWithStats(cv2.morphologyEx(dark, cv2.MORPH_OPEN, kernel))
            for x, y, bw, bh, _ in stats[1:].tolist():
                if (bh if across else bw) > thin or found[y : y + bh, x : x + bw].any():
                    continue
                found[y : y + bh, x : x + bw] = 255
                ends.append(((x, y + bh / 2), (x + bw, y + bh / 2)) if across else ((x + bw / 2, y), (x + bw / 2, y + bh)))
    # the bars for length again in the words' frame: a page turned a quarter finds its rules
    # across among the input's upright runs, whose bar is lower (ink this light also makes a
    # letter's stroke a run of 15 px)
    corners = np.array([[0, 0], [w, 0], [0, h], [w, h]], np.float64)
    fw, fh = np.ptp(to_words(corners) if to_words is not None else corners, axis=0).tolist()
    hs, vs = [], []
    for a, b in ends:
        (x0, y0), (x1, y1) = to_words(np.array([a, b], np.float64)).tolist() if to_words is not None else (a, b)
        if abs(y1 - y0) <= _LEVEL * abs(x1 - x0) and abs(x1 - x0) >= max(20, fw / _ALONG) - 1:
            hs.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= _LEVEL * abs(y1 - y0) and abs(y1 - y0) >= max(15, fh / _DOWN) - 1:
            vs.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return sorted(hs), sorted(vs)


def scan_tables(words: Sequence[Word], page_no: int, hs: Sequence[Segment] = (), vs: Sequence[Segment] = ()) -> list[Table]:
    """Tables of a scan's OCR words and ruling lines (:func:`ruling_lines`, in the words' frame).

    The lattice code measures in PDF points; a scan has pixels at a resolution nobody said, so
    the page is scaled to make its median OCR box :data:`_UNIT` points tall."""
    if not words:
        return []
    line = statistics.median(w.height for w in words)
    k = _UNIT / max(line, 1e-6)

    def scaled(segments: Sequence[Segment]) -> list[Segment]:
        return [(p * k, a * k, b * k) for p, a, b in segments]

    # A rule down the page crosses two lines at least; a shorter upright stroke is a letter's.
    down = [s for s in vs if s[2] - s[1] >= 2 * line]
    return ruled_and_open_tables([w.moved(0, 0, k) for w in split_figure_boxes(words)], scaled(hs), scaled(down), page_no)
