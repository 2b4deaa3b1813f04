"""Cross-check a vision model's values against the text actually on the page.

A vision model can hallucinate a plausible total. Every number and identifier it returned is looked
up in the page's words (PDF text layer or OCR); a value found gets provenance (page, box, text), a
value found nowhere becomes a ``not-on-page`` issue and the result needs review.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from docextract.types import FieldSource, Issue, Word

if TYPE_CHECKING:
    from docextract.output.result import Extraction

_NUMBER = re.compile(r"-?\d[\d.,' ]*\d|-?\d")
CHECKED_TEXT_FIELDS = ("invoice_number",)


def number_readings(text: str) -> set[Decimal]:
    """Every value a printed number can mean: ``1.234,56`` and ``1,234.56`` both give 1234.56."""
    values: set[Decimal] = set()
    for m in _NUMBER.finditer(text.replace("\u00a0", " ")):
        token = m.group().replace(" ", "").replace("'", "")
        for dec, thou in ((".", ","), (",", ".")):
            candidate = token.replace(thou, "")
            if candidate.count(dec) > 1:
                continue
            try:
                values.add(Decimal(candidate.replace(dec, ".")).normalize())
            except InvalidOperation:
                continue
    return values


def _money_paths(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.extend(_money_paths(value, f"{path}."))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    out.extend(_money_paths(item, f"{path}[{i}]."))
        elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            out.append((path, value))
    return out


def cross_check(result: Extraction, page_words: dict[int, list[Word]]) -> list[Issue]:
    """Locate the result's numbers (and invoice numbers) in the page words; flag those that are absent."""
    data = result.data_dict()
    if not data or not page_words:
        return []
    index: list[tuple[int, Word, set[Decimal]]] = [
        (page, w, number_readings(w.text)) for page, words in page_words.items() for w in words
    ]
    issues = []
    for path, value in _money_paths(data):
        target = Decimal(str(value)).normalize()
        hit = next(((p, w) for p, w, nums in index if target in nums), None)
        if hit:
            result.provenance.setdefault(path, FieldSource(page=hit[0], bbox=hit[1].bbox, text=hit[1].text, confidence=0.9, origin="model"))
        else:
            issues.append(Issue(code="not-on-page", severity="warning", stage="check", field=path,
                                message=f"{path} = {value} appears nowhere in the page text; check it"))
    for path in CHECKED_TEXT_FIELDS:
        value = data.get(path)
        if isinstance(value, str) and value.strip():
            needle = re.sub(r"\s+", "", value).casefold()
            hit = next(((p, w) for p, w, _ in index if needle in re.sub(r"\s+", "", w.text).casefold()), None)
            if hit is None:
                joined = {p: re.sub(r"\s+", "", " ".join(w.text for w in ws)).casefold() for p, ws in page_words.items()}
                if not any(needle in t for t in joined.values()):
                    issues.append(Issue(code="not-on-page", severity="warning", stage="check", field=path,
                                        message=f"{path} = {value!r} appears nowhere in the page text; check it"))
            else:
                result.provenance.setdefault(path, FieldSource(page=hit[0], bbox=hit[1].bbox, text=hit[1].text, confidence=0.9, origin="model"))
    return issues
