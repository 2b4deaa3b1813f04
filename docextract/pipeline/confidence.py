"""Calibrated field confidence: the chance that a field is right, from the evidence around it.

A field's raw confidence (the OCR's character probabilities) says little about whether the *right*
text was picked: a total read from an item line is printed as clearly as the real one. Here each
key field gets features from what the page shows around it (the label on its row, the arithmetic
the document's amounts agree on, how often the value is printed, where it stands, whether it has
the form such a field has, the OCR's probabilities) and a logistic model fitted on labelled
documents turns them into a probability. The model is data (``docextract/schemas/calibration/
NAME.json``, written by ``benchmarks/fit_confidence.py``), fitted for one engine: other engines keep
their own confidences.

Which features a field gets follows its *kind* (``total``, ``date``, ``name``, ``address``),
which the calibration file names; no code here knows a schema.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from docextract.types import FieldSource, Issue, Word

__all__ = ["Calibration", "field_features", "load_calibration", "lookup"]

CALIBRATION_DIR = Path(__file__).resolve().parents[1] / "schemas" / "calibration"


@dataclass(frozen=True)
class FieldModel:
    """A logistic model over one field's features (standardised with ``mean`` / ``scale``)."""

    kind: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, feats: Mapping[str, float]) -> float:
        z = self.intercept
        for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef):
            z += c * (float(feats.get(name, 0.0)) - m) / (s or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@dataclass(frozen=True)
class Calibration:
    """A schema's fitted confidence models, the engine they were fitted for, and the review threshold:
    a result whose key field is missing or below ``threshold`` needs review."""

    engine: str
    fields: dict[str, FieldModel]
    threshold: float
    fitted_on: str = ""

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Calibration:
        fields = {
            path: FieldModel(f["kind"], tuple(f["features"]), tuple(f["mean"]), tuple(f["scale"]), tuple(f["coef"]), float(f["intercept"]))
            for path, f in raw["fields"].items()
        }
        return cls(raw["engine"], fields, float(raw["threshold"]), raw.get("fitted_on", ""))

    def to_json(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "fitted_on": self.fitted_on,
            "threshold": self.threshold,
            "fields": {
                p: {"kind": m.kind, "features": list(m.features), "mean": list(m.mean), "scale": list(m.scale),
                    "coef": list(m.coef), "intercept": m.intercept}
                for p, m in self.fields.items()
            },
        }

    def probabilities(self, data: Mapping[str, Any], provenance: Mapping[str, FieldSource], issues: Sequence[Issue],
                      words: Mapping[int, Sequence[Word]]) -> dict[str, float]:
        """Each calibrated field's probability of being right (fields that are missing are left out);
        ``words``: the document's words by page (each field is judged on its own page's)."""
        out: dict[str, float] = {}
        first = next(iter(words), None)
        pages: dict[int | None, _Page] = {}  # rows of a page are grouped once, whatever its fields
        for path, model in self.fields.items():
            src = provenance.get(path)
            n = src.page if src is not None and src.page in words else first
            if n not in pages:
                pages[n] = _Page(words.get(n, []) if n is not None else [])
            feats = _features(model.kind, path, data, provenance, issues, pages[n])
            if feats is not None:
                out[path] = round(model.probability(feats), 4)
        return out


@cache
def load_calibration(name: str) -> Calibration | None:
    """The calibration file ``name`` (in :data:`CALIBRATION_DIR`), or None where there is none."""
    path = CALIBRATION_DIR / f"{name}.json"
    if not path.is_file():
        return None
    return Calibration.from_json(json.loads(path.read_text(encoding="utf-8")))


def lookup(data: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path (``issuer.name``) of JSON-ready data, or None."""
    cur: Any = data
    for part in path.split("."):
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(part)
    return cur


# ----------------------------------------------------------------------------------------- features


def field_features(kind: str, path: str, data: Mapping[str, Any], provenance: Mapping[str, FieldSource],
                   issues: Sequence[Issue], words: Sequence[Word]) -> dict[str, float] | None:
    """The evidence for one field as numbers, or None when the field is empty (nothing to be right)."""
    return _features(kind, path, data, provenance, issues, _Page(words))


def _features(kind: str, path: str, data: Mapping[str, Any], provenance: Mapping[str, FieldSource],
              issues: Sequence[Issue], page: _Page) -> dict[str, float] | None:
    value = lookup(data, path)
    if value in (None, "", []):
        return None
    src = provenance.get(path)
    feats: dict[str, float] = {
        "ocr": float(src.confidence) if src is not None else 0.0,
        "ocr_low": -math.log(max(1e-4, 1.0 - min(0.9999, float(src.confidence)))) if src is not None else 0.0,
        "located": 1.0 if src is not None and src.bbox is not None else 0.0,
        "text_layer": 1.0 if src is not None and src.origin == "text" else 0.0,
    }
    rows = page.rows_of(src.bbox) if src is not None and src.bbox is not None else []
    if rows:
        feats["rel_y"] = page.rel_y(rows[0])
    feats.update(_KIND_FEATURES[kind](value, src, rows, page, data, issues, path))
    if src is not None:  # what the engine chose the value on (the reader's rules: labels, sums, margins)
        feats.update({f"ev_{k}": float(v) for k, v in src.evidence.items()})
    return feats


class _Page:
    """A page's words as rows (for the rows around a value and where they stand)."""

    def __init__(self, words: Sequence[Word]) -> None:
        from docextract.layout import group_rows

        self.rows = group_rows(list(words))
        self.texts = [r.text for r in self.rows]
        ys = [r.y0 for r in self.rows] + [r.y1 for r in self.rows]
        self.top, self.bottom = (min(ys), max(ys)) if ys else (0.0, 1.0)
        heights = [r.height for r in self.rows if r.height > 0]
        self.median_height = statistics.median(heights) if heights else 1.0

    def rows_of(self, bbox: tuple[float, float, float, float]) -> list[int]:
        """Rows whose middle lies within the box's vertical extent (the rows a value was read from)."""
        return [i for i, r in enumerate(self.rows) if bbox[1] - 1 <= r.cy <= bbox[3] + 1]

    def rel_y(self, i: int) -> float:
        return (self.rows[i].cy - self.top) / max(1.0, self.bottom - self.top)

    def left_of(self, i: int, bbox: tuple[float, float, float, float]) -> str:
        """The text of row ``i`` left of a box (a value's label)."""
        return " ".join(w.text for w in self.rows[i].words if w.x1 <= bbox[0] + 2)

    def amounts(self) -> list[Decimal]:
        from docextract.parsing import find_amounts

        return [a.value for t in self.texts for a in find_amounts(t) if a.has_decimals]


def _dec(v: Any) -> Decimal | None:
    try:
        return Decimal(str(v)) if v is not None and not isinstance(v, bool) else None
    except (InvalidOperation, ValueError):
        return None


def _total(value: Any, src: FieldSource | None, rows: list[int], page: _Page, data: Mapping[str, Any],
           issues: Sequence[Issue], path: str) -> dict[str, float]:
    from docextract.rules.lexicon import (
        CASH,
        CHANGE,
        SUBTOTAL,
        TAX,
        TOTAL_EXCLUDE,
        TOTAL_PLAIN,
        TOTAL_STRONG,
        TOTAL_WEAK,
    )

    total = _dec(value) or Decimal(0)
    label_text = page.left_of(rows[0], src.bbox) if rows and src is not None and src.bbox is not None else ""
    if not label_text and rows and rows[0] > 0:
        label_text = page.texts[rows[0] - 1]  # the label on the row above (narrow tills)
    label = 0.0
    if TOTAL_STRONG.search(label_text) and not TOTAL_EXCLUDE.search(label_text):
        label = 3.0
    elif TOTAL_PLAIN.search(label_text) and not TOTAL_EXCLUDE.search(label_text):
        label = 2.0
    elif TOTAL_WEAK.search(label_text):
        label = 1.0
    other_label = bool(SUBTOTAL.search(label_text) or TAX.search(label_text) or CASH.search(label_text) or CHANGE.search(label_text))
    amounts = page.amounts()
    repeats = sum(1 for a in amounts if a == total) - 1
    larger = sum(1 for a in set(amounts) if a > total)
    sub, tax = _dec(data.get("subtotal")), _dec(data.get("tax"))
    items = [_dec(i.get("amount")) for i in data.get("items") or data.get("lines") or [] if isinstance(i, Mapping)]
    item_sum = sum((a for a in items if a is not None), Decimal(0)) if items and all(a is not None for a in items) else None
    tol = Decimal("0.02")
    agrees = 0
    if sub is not None and (abs(sub + (tax or 0) - total) <= tol or (tax is not None and abs(sub - total) <= tol)):
        agrees += 1
    if item_sum is not None and (abs(item_sum - total) <= tol or (sub is not None and abs(item_sum - sub) <= tol)):
        agrees += 1
    failed = any(i.stage == "check" and i.field in (path, "subtotal", "total") for i in issues)
    return {
        "label": label,
        "label_none": 1.0 if label == 0 else 0.0,
        "other_label": 1.0 if other_label else 0.0,
        "repeats": float(min(repeats, 3)),
        "larger": float(min(larger, 5)),
        "agrees": float(agrees),
        "check_failed": 1.0 if failed else 0.0,
        "has_items": 1.0 if items else 0.0,
        "decimals": 1.0 if total != total.to_integral_value() or "." in str(value) else 0.0,
    }


def _date(value: Any, src: FieldSource | None, rows: list[int], page: _Page, data: Mapping[str, Any],
          issues: Sequence[Issue], path: str) -> dict[str, float]:
    import datetime as dt

    from docextract.parsing import find_dates
    from docextract.rules.lexicon import DATE_BAD, DATE_LABEL

    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return {"valid": 0.0}
    row_text = page.texts[rows[0]] if rows else (src.text if src is not None else "")
    found = [m for t in page.texts for m in find_dates(t)]
    distinct = {m.value for m in found}
    own = list(find_dates(src.text)) if src is not None else []
    return {
        "valid": 1.0,
        "label": 1.0 if DATE_LABEL.search(row_text) else 0.0,
        "bad_label": 1.0 if DATE_BAD.search(row_text) else 0.0,
        "ambiguous": 1.0 if own and own[0].ambiguous else 0.0,
        "others": float(min(len(distinct - {day}), 3)),
        "future": 1.0 if day > dt.date.today() else 0.0,
        "old": 1.0 if day.year < 2000 else 0.0,
    }


def _name(value: Any, src: FieldSource | None, rows: list[int], page: _Page, data: Mapping[str, Any],
          issues: Sequence[Issue], path: str) -> dict[str, float]:
    from docextract.rules.lexicon import LEGAL

    text = str(value)
    letters = sum(c.isalpha() for c in text)
    height = max((page.rows[i].height for i in rows), default=page.median_height)
    return {
        "legal": 1.0 if LEGAL.search(text) else 0.0,
        "rank": float(min(rows[0], 10)) if rows else 10.0,
        "height": height / max(page.median_height, 1.0),
        "letters": letters / max(1, len(text.replace(" ", ""))),
        "words": float(min(len(text.split()), 8)),
        "n_rows": float(len(rows)),
    }


def _address(value: Any, src: FieldSource | None, rows: list[int], page: _Page, data: Mapping[str, Any],
             issues: Sequence[Issue], path: str) -> dict[str, float]:
    from docextract.rules.receipt import ADDRESS_WORDS

    text = str(value)
    return {
        "n_rows": float(min(len(rows), 6)),
        "street_words": float(min(len(ADDRESS_WORDS.findall(text)), 5)),
        "postcode": 1.0 if re.search(r"(?<!\d)\d{5}(?!\d)", text) else 0.0,
        "length": min(len(text), 200) / 100.0,
        "commas": float(min(text.count(","), 6)),
        "digits": sum(c.isdigit() for c in text) / max(1, len(text)),
    }


_KIND_FEATURES = {"total": _total, "date": _date, "name": _name, "address": _address}
