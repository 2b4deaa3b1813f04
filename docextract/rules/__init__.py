"""Deterministic, layout-aware field extraction: rows of words → receipt / invoice fields.

Entry points (the ``receipt`` and ``invoice`` schema kits name them as their rules)::

    from docextract.rules.receipt import extract_receipt   # and rules.invoice.extract_invoice
    result = extract_receipt(words)      # words: list[docextract.types.Word]
    result.data        # dict matching the Receipt schema (Decimals for money)
    result.provenance  # {"total": FieldSource(bbox=..., text=...), "items[0].amount": ...}

The shared machinery lives here: :class:`DocContext` (rows, document-wide currency, date order and
decimal separator), :class:`Value` (a value with the text and box it came from) and label → value
pairing (:func:`find_labelled`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from docextract.layout import Line, group_rows, union_bbox
from docextract.parsing import (
    US_ADDRESS,
    AmountMatch,
    detect_currency,
    find_amounts,
    find_dates,
    infer_dayfirst,
    normalize_chars,
)
from docextract.types import BBox, FieldSource, Issue, Word

__all__ = [
    "DocContext",
    "Reading",
    "Value",
    "cells_of",
    "find_labelled",
]


@dataclass
class Value:
    """A value read from the document, with where it was read."""

    value: Any
    text: str = ""
    bbox: BBox | None = None
    confidence: float = 1.0
    origin: str = "text"
    score: float = 0.0
    row: int = -1  # index of the row in DocContext.rows
    # How well the value is supported, for confidence estimates: named features (label strength,
    # arithmetic relations that agree, repeats...); which ones depends on the field (see the rules).
    evidence: dict[str, float] = field(default_factory=dict)

    def source(self) -> FieldSource:
        origin = self.origin if self.origin in ("text", "ocr") else "text"
        return FieldSource(bbox=self.bbox, text=self.text, confidence=round(self.confidence, 4), origin=origin)  # type: ignore[arg-type]


@dataclass
class Reading:
    """What the rules found: schema-shaped data, provenance per field path, and issues."""

    data: dict[str, Any]
    provenance: dict[str, FieldSource] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    text: str = ""
    check_amounts: dict[str, Decimal] = field(default_factory=dict)  # printed, not schema fields: rounding, discount
    # Per field path, the evidence its value was chosen on (Value.evidence), for confidence estimates.
    evidence: dict[str, dict[str, float]] = field(default_factory=dict)


class DocContext:
    """A document as the rules see it: rows in reading order plus document-wide conventions.

    Attributes:
        rows: the rows (:class:`~docextract.layout.Line`), top to bottom.
        texts: each row's normalised text.
        currency: ISO code marked most often in the document, or None.
        decimal_sep: ``","`` when amounts are written ``12,50`` (most of Europe), else ``"."``.
        dayfirst: whether ambiguous numeric dates are day-first (from the document's unambiguous
            dates; month-first only for US dollars when nothing decides).
    """

    def __init__(self, words: Sequence[Word], *, currency_hint: str | None = None) -> None:
        self.words = list(words)
        self.rows: list[Line] = group_rows(self.words)
        # Character offsets in texts[i] match rows[i].text, so values map back to word boxes.
        self.texts: list[str] = [normalize_chars(r.text) for r in self.rows]
        self.upper: list[str] = [t.upper() for t in self.texts]
        full = "\n".join(self.texts)
        self.text = full
        self.currency = currency_hint or detect_currency(full)
        self.decimal_sep = _infer_decimal_sep(full)
        us = self.currency == "USD" or (self.currency is None and US_ADDRESS.search(full) is not None)
        self.dayfirst = infer_dayfirst(self.texts, default=not us)
        self._amounts: dict[int, list[AmountMatch]] = {}

    def amounts(self, i: int) -> list[AmountMatch]:
        """Amounts in row ``i`` (cached)."""
        if i not in self._amounts:
            self._amounts[i] = find_amounts(self.texts[i], decimal_sep=self.decimal_sep)
        return self._amounts[i]

    def value_at(self, i: int, start: int, end: int, value: Any, score: float = 0.0) -> Value:
        """A :class:`Value` for ``texts[i][start:end]`` with its box and confidence."""
        row = self.rows[i]
        # texts[i] is normalised; offsets match row.text as long as normalisation kept the length,
        # which holds for the space-joined rows except for rare compatibility characters.
        bbox = row.span_bbox(start, end) if len(row.text) == len(self.texts[i]) else row.bbox
        words = row.words_in(start, end) or row.words
        conf = min(w.confidence for w in words)
        return Value(value, self.texts[i][start:end], bbox, conf, row.source, score, i)

    def row_value(self, i: int, value: Any, score: float = 0.0) -> Value:
        """A :class:`Value` spanning the whole row ``i``."""
        row = self.rows[i]
        return Value(value, self.texts[i], row.bbox, row.confidence, row.source, score, i)


def _infer_decimal_sep(text: str) -> str:
    text = re.sub(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.])", " ", text)  # dates ("15.03.2027") are no amounts
    comma = len(re.findall(r"(?<![\d,.])\d{1,3}(?:[. ]\d{3})*,\d{2}(?![\d%])", text))
    dot = len(re.findall(r"(?<![\d,.])\d{1,3}(?:[, ]\d{3})*\.\d{2}(?![\d%])", text))
    if comma == dot == 0:
        # no cents anywhere (rupiah, dong): points that group thousands twice ("13.916.000") say
        # a lone "546.000" groups them too
        comma = len(re.findall(r"(?<![\d,.])\d{1,3}(?:\.\d{3}){2,}(?![\d,.])", text))
        dot = len(re.findall(r"(?<![\d,.])\d{1,3}(?:,\d{3}){2,}(?![\d,.])", text))
    if comma == dot == 0 and not _THREE_DECIMALS.search(text):
        # ... and so do points before three digits, two or more of them, where no point stands
        # before one or two digits (krónur, lekë); a dinar's fils come in threes
        grouped = len(re.findall(r"(?<![\d,.])\d{1,3}\.\d{3}(?![\d,.])", text))
        if grouped >= 2 and not re.search(r"\d\.\d{1,2}(?!\d)|\d,\d{3}(?![\d,])", text):
            return ","
    return "," if comma > dot else "."


# Currencies whose amounts have three decimals ("12.500 BHD"), by code or mark.
_THREE_DECIMALS = re.compile(r"(?<![^\W\d_])(?:BHD|KWD|OMR|JOD|TND|LYD|IQD|BD|KD|RO)(?![^\W\d_])")


def find_labelled(
    ctx: DocContext,
    label: re.Pattern[str],
    parse: Callable[[str], list[tuple[Any, int, int]]],
    *,
    exclude: re.Pattern[str] | None = None,
    below: bool = True,
    rows: Sequence[int] | None = None,
) -> list[Value]:
    """Values next to a label: right of the label on its row, else on the row(s) just below it.

    ``parse`` maps a text to ``[(value, start, end), ...]``. The value nearest after the label on the
    same row wins; when the row holds none, the first row below whose left edge lies within the
    label's column (or right of it) is tried, as in ``Invoice Number:`` / ``10042`` stacked layouts.
    Each result's ``score`` is 0; callers add their own weights.
    """
    out: list[Value] = []
    indices = rows if rows is not None else range(len(ctx.rows))
    for i in indices:
        text = ctx.texts[i]
        for m in label.finditer(text):
            if exclude is not None and exclude.search(text, _pairs_before(ctx.rows[i], m.start())):
                continue
            found = [(v, s, e) for v, s, e in parse(text) if s >= m.end()]
            if found:
                v, s, e = found[0]
                out.append(ctx.value_at(i, s, e, v))
                break
            if below:
                got = _value_above(ctx, i, m.start(), m.end(), parse) or _value_below(ctx, i, m.start(), m.end(), parse)
                if got is not None:
                    out.append(got)
                    break
    return out


def cells_of(row: Line) -> list[tuple[int, int, Line]]:
    """The cells of ``row`` with their span in its text."""
    return [(row.spans[row.words.index(c.words[0])][0], row.spans[row.words.index(c.words[-1])][1], c) for c in row.cells()]


def _pairs_before(row: Line, pos: int) -> int:
    """Where the text of ``row`` that bears on a label at ``pos`` starts: after the cells left of
    it that hold a label and its value themselves ("Forma de pago: 03 - Transferencia   Total
    $ 101,315.10"). A cell holding a label alone ("Invoice No.   GST/990") still bears on it."""
    cells = cells_of(row)
    if len(cells) >= 2 and not re.search(r"\d[.,]\d", row.text):
        return max((s for s, _, _ in cells if s <= pos), default=0)  # a row of headings: each its own label
    start, label = 0, False
    for _, end, cell in cells:
        if end > pos:
            break
        if label or re.search(r":\s*\S", cell.text):
            start = end
        label = cell.text.rstrip().endswith(":")
    return start


def _value_above(
    ctx: DocContext,
    i: int,
    start: int,
    end: int,
    parse: Callable[[str], list[tuple[Any, int, int]]],
) -> Value | None:
    """The value over label ``i`` where a stack of lone values and lone labels puts each label
    under its value ("450,62 €" over "Te betalen"): the stack starts with a value and ends with
    a label. A stack that starts with a label, or starts and ends with values, reads downwards."""
    box = ctx.rows[i].span_bbox(start, end) or ctx.rows[i].bbox
    h = max(ctx.rows[i].height, 1.0)

    def kind(j: int) -> str | None:
        row = ctx.rows[j]
        if row.x1 < box[0] or row.x0 > box[2] + 3 * h:
            return None
        found = parse(ctx.texts[j])
        if not found:
            return "label" if re.search(r"[^\W\d_]{2}", ctx.texts[j]) else None
        rest = ctx.texts[j][: found[0][1]] + ctx.texts[j][found[0][2] :]
        return "value" if len(found) == 1 and len(re.findall(r"[^\W\d_]", rest)) <= 3 else None

    def run_end(step: int) -> int:
        j, want = i, "label"
        while 0 <= j + step < len(ctx.rows):
            nxt = j + step
            gap = ctx.rows[nxt].y0 - ctx.rows[j].y1 if step > 0 else ctx.rows[j].y0 - ctx.rows[nxt].y1
            want = "value" if want == "label" else "label"
            if gap > 2.5 * h or kind(nxt) != want:
                break
            j = nxt
        return j

    if i == 0 or kind(i) != "label" or kind(i - 1) != "value":
        return None
    top, bottom = run_end(-1), run_end(1)
    if kind(top) != "value" or kind(bottom) != "label":
        return None
    v, s, e = parse(ctx.texts[i - 1])[0]
    return ctx.value_at(i - 1, s, e, v)


def _grid_value(ctx: DocContext, i: int, start: int, parse: Callable[[str], list[tuple[Any, int, int]]]) -> Value | None:
    """The value under a label in a grid: a row of labels over a row of as many values, the k-th
    value the k-th label's however each is aligned in its column ("SUBTOTAAL  TOESLAG  BTW 21%
    TOTAAL" over "2.440,75  26,68  518,16  2.985,59")."""
    if i + 1 >= len(ctx.rows) or ctx.rows[i + 1].y0 - ctx.rows[i].y1 > 2.5 * max(ctx.rows[i].height, 1.0):
        return None
    labels, values = cells_of(ctx.rows[i]), cells_of(ctx.rows[i + 1])
    if len(labels) < 2 or len(values) != len(labels) or any(parse(normalize_chars(c.text)) for _, _, c in labels):
        return None
    found = [parse(normalize_chars(c.text)) for _, _, c in values]
    if not all(found):
        return None
    k = sum(1 for s, _, _ in labels[1:] if s <= start)
    v, s, e = found[k][0]
    return ctx.value_at(i + 1, values[k][0] + s, values[k][0] + e, v)


def _value_below(
    ctx: DocContext,
    i: int,
    start: int,
    end: int,
    parse: Callable[[str], list[tuple[Any, int, int]]],
) -> Value | None:
    box = ctx.rows[i].span_bbox(start, end) or ctx.rows[i].bbox
    h = max(ctx.rows[i].height, 1.0)
    grid = _grid_value(ctx, i, start, parse)
    if grid is not None:
        return grid
    for j in range(i + 1, min(i + 3, len(ctx.rows))):
        row = ctx.rows[j]
        if row.y0 - box[3] > 2.5 * h:
            break
        for cell in row.cells():
            if cell.x1 < box[0] or cell.x0 > box[2] + 3 * h:
                continue
            text = normalize_chars(cell.text)
            found = parse(text)
            if found:
                v, s, e = found[0]
                off = row.text.find(cell.text)
                if off >= 0:
                    return ctx.value_at(j, off + s, off + e, v)
                return Value(v, text[s:e], cell.bbox, cell.confidence, cell.source, 0.0, j)
    return None


def amounts_parser(ctx: DocContext) -> Callable[[str], list[tuple[Decimal, int, int]]]:
    """A ``parse`` function for :func:`find_labelled` returning the amounts of a text (decimals first)."""

    def parse(text: str) -> list[tuple[Decimal, int, int]]:
        dates = [(d.start, d.end) for d in find_dates(text)]
        found = [
            a
            for a in find_amounts(text, decimal_sep=ctx.decimal_sep)
            if not any(s < a.end and a.start < e for s, e in dates)
        ]
        # "TOTAL DUE ON May 3, 2024  $12.50": bare integers only count when nothing better is there.
        strong = [a for a in found if a.has_decimals or a.currency]
        return [(a.value, a.start, a.end) for a in (strong or found)]

    return parse


def bbox_of(values: Sequence[Value]) -> BBox | None:
    """The union of the boxes of some values."""
    return union_bbox(v.bbox for v in values if v.bbox is not None)
