"""Words with boxes → rows, cells and blocks in reading order.

The rules read documents row by row, as people do: a *row* (:class:`Line`) is every word whose
vertical extent overlaps its neighbour's, left to right, even when the words are far apart (a label
on the left and its amount on the right). A row splits into *cells* (:meth:`Line.cells`) at wide
horizontal gaps, which is how columns of a table or ``label ... value`` pairs are told apart.
*Blocks* are runs of rows that sit close together (a header, an address).

Works on PDF text-layer words (one box per word) and on OCR output (one box per text line) alike.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from docextract.types import BBox, Word

__all__ = [
    "Line",
    "column_overlap",
    "group_blocks",
    "group_rows",
    "reading_order",
    "union_bbox",
]


def union_bbox(boxes: Iterable[BBox]) -> BBox | None:
    """The smallest box holding all boxes, or None for none."""
    boxes = list(boxes)
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def column_overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Horizontal overlap of two x-ranges as a fraction of the narrower one (0..1)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    width = min(a[1] - a[0], b[1] - b[0])
    if width <= 0:
        return 1.0 if inter >= 0 else 0.0
    return max(0.0, inter / width)


@dataclass(eq=False)
class Line:
    """A row of words, left to right. ``text`` joins them with single spaces; offsets map back to words."""

    words: list[Word] = field(default_factory=list)

    @cached_property
    def _layout(self) -> tuple[str, list[tuple[int, int]]]:
        # Words of one cell are joined by one space, cells by three: "Travel   1   120,00" must not
        # read as the amount "1 120,00" (a space is a thousands separator in many locales).
        text = ""
        spans: list[tuple[int, int]] = []
        limit = max(self.height * 0.9, 1.0)
        prev: Word | None = None
        for w in self.words:
            t = w.text.strip()
            if prev is not None:
                text += "   " if _parted(prev, w, limit) else " "
            spans.append((len(text), len(text) + len(t)))
            text += t
            prev = w
        return text, spans

    @property
    def text(self) -> str:
        return self._layout[0]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Character span of each word in :attr:`text`."""
        return self._layout[1]

    @cached_property
    def bbox(self) -> BBox:
        box = union_bbox(w.bbox for w in self.words)
        return box if box is not None else (0.0, 0.0, 0.0, 0.0)

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def y0(self) -> float:
        return self.bbox[1]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def y1(self) -> float:
        return self.bbox[3]

    @property
    def cy(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2

    @cached_property
    def height(self) -> float:
        """Median word height: robust to one tall or merged box."""
        hs = [w.height for w in self.words if w.height > 0]
        return statistics.median(hs) if hs else 0.0

    @property
    def confidence(self) -> float:
        return min((w.confidence for w in self.words), default=1.0)

    @property
    def source(self) -> str:
        return self.words[0].source if self.words else "text"

    def span_bbox(self, start: int, end: int) -> BBox | None:
        """Approximate pixel box of the characters ``text[start:end]``.

        Whole words are used when the span covers them; inside one OCR box (a whole text line) the box is
        cut in proportion to character positions, which is close enough for highlighting a value.
        """
        boxes: list[BBox] = []
        for w, (s, e) in zip(self.words, self.spans):
            lo, hi = max(s, start), min(e, end)
            if lo >= hi:
                continue
            if lo == s and hi == e or e - s <= 1:
                boxes.append(w.bbox)
                continue
            n = e - s
            x0 = w.x0 + (w.x1 - w.x0) * (lo - s) / n
            x1 = w.x0 + (w.x1 - w.x0) * (hi - s) / n
            boxes.append((x0, w.y0, x1, w.y1))
        return union_bbox(boxes)

    def words_in(self, start: int, end: int) -> list[Word]:
        """The words that overlap ``text[start:end]``."""
        return [w for w, (s, e) in zip(self.words, self.spans) if s < end and start < e]

    def cells(self, gap: float | None = None) -> list[Line]:
        """Split the row at horizontal gaps wider than ``gap`` pixels (default: 0.9 × row height).

        A normal space between words is about a third of the text height, so a gap of about one text
        height separates columns and ``label ... value`` pairs without splitting phrases.
        """
        if not self.words:
            return []
        limit = gap if gap is not None else max(self.height * 0.9, 1.0)
        out: list[Line] = [Line([self.words[0]])]
        for prev, w in zip(self.words, self.words[1:]):
            if (w.x0 - prev.x1 > limit) if gap is not None else _parted(prev, w, limit):
                out.append(Line([w]))
            else:
                out[-1].words.append(w)
        return out

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Line({self.text!r}, y={self.y0:.0f}-{self.y1:.0f})"


def _parted(prev: Word, w: Word, limit: float) -> bool:
    """Whether the gap between two neighbours of a row parts two cells: wider than ``limit`` (0.9 ×
    the row's height) and than 0.9 × the smaller of their own heights. A space grows with the print:
    a letterhead's name set large beside a small address stays one cell."""
    return w.x0 - prev.x1 > max(limit, 0.9 * min(prev.height, w.height))


def _vertical_overlap(a: Word, b: Word) -> float:
    inter = min(a.y1, b.y1) - max(a.y0, b.y0)
    h = min(a.height, b.height)
    if h <= 0:
        return 0.0
    # A tall box (a stamp, a big title) overlaps the rows it spans; only centres that line up make a row.
    if abs(a.cy - b.cy) > 0.6 * h:
        return 0.0
    return inter / h


def group_rows(words: Sequence[Word], *, min_overlap: float = 0.5) -> list[Line]:
    """Cluster words into rows by vertical overlap, top to bottom; words left to right within a row.

    A word joins the row whose horizontally nearest word overlaps it vertically by at least
    ``min_overlap`` of the smaller height. Comparing with the *nearest* word (not the whole row) keeps
    a slightly skewed scan's long rows together. A word never joins a row whose words it overlaps
    as lines of one narrow column do (:func:`_stacked`: two stacked lines stay apart).
    """
    items = sorted((w for w in words if w.text.strip()), key=lambda w: (w.cy, w.x0))
    rows: list[list[Word]] = []
    for w in items:
        best, best_score = None, min_overlap
        # Rows are in cy order; only the last few can still reach this word.
        for row in rows[-8:]:
            if any(_stacked(o, w) for o in row):
                continue
            nearest = min(row, key=lambda o: min(abs(o.x1 - w.x0), abs(w.x1 - o.x0)))
            score = _vertical_overlap(w, nearest)
            if score > best_score:
                best, best_score = row, score
        if best is None:
            rows.append([w])
        else:
            best.append(w)
    lines = [Line(sorted(r, key=lambda w: w.x0)) for r in rows]
    lines.sort(key=lambda ln: (ln.cy, ln.x0))
    return lines


def _stacked(a: Word, b: Word) -> bool:
    """Whether two words share columns as lines of one narrow column do: a third of the narrower
    one's width and more than half a text height. OCR pads its boxes, so two cells set close on one
    line ("6" beside "85.00") overlap by a few pixels and still make one row."""
    inter = min(a.x1, b.x1) - max(a.x0, b.x0)
    return column_overlap((a.x0, a.x1), (b.x0, b.x1)) > 0.3 and inter > 0.5 * min(a.height, b.height)


def reading_order(words: Sequence[Word]) -> list[Word]:
    """Words in reading order: rows top to bottom, left to right within a row."""
    return [w for line in group_rows(words) for w in line.words]


def group_blocks(lines: Sequence[Line], *, gap_factor: float = 0.8) -> list[list[Line]]:
    """Runs of consecutive rows separated by less than ``gap_factor`` × text height that overlap in x."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks:
            prev = blocks[-1][-1]
            h = max(min(prev.height, line.height), 1.0)
            close = line.y0 - prev.y1 <= gap_factor * h
            if close and column_overlap((prev.x0, prev.x1), (line.x0, line.x1)) > 0:
                blocks[-1].append(line)
                continue
        blocks.append([line])
    return blocks
