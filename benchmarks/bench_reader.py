"""Benchmark of the offline reader engine (rules over OCR / text layer) on real receipts and invoices.

Usage::

    python benchmarks/bench_reader.py [--data DIR] [--gt-ocr] [--limit N] [--failures] [--skip-sroie]
                                      [--ocr-cache DIR]

* SROIE receipts: end to end on the JPGs with the real OCR: ``docextract.extract(path,
  "receipt", engine=...)`` on each file, the way a user runs it, timed from the file to the
  checked result (decoding, EXIF, OCR, rules, checks); model loading excluded. ``--gt-ocr`` also runs the rules on the dataset's own line boxes, which
  separates OCR errors from rule errors.
  ``--ocr-cache DIR`` keeps each receipt's OCR words in ``DIR/ID.json`` and reuses them on later
  runs, so rule changes can be scored in seconds (the time column then excludes OCR; delete the
  folder, or leave the option out, after the OCR itself changes).
* invoice2data invoices: ``extract(pdf, "invoice")`` (the PDFs' text layer) and, where the data
  set has one, ``extract(png, "invoice")`` on the render (OCR).

Measures (as in the eval README): company/address exact after upper-casing and collapsing
whitespace (``*_nospace`` columns also drop the spaces, since the labels space punctuation
inconsistently: "K3-113, JL" vs "K3-113,JL"); date equal as a calendar date (the label's own
format parsed either day- or month-first); total/amount equal as a number; invoice_number and
currency exact. Fields a label does not have are not scored. The eval data is read in place.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docextract  # noqa: E402
from docextract.engines.reader import ReaderEngine  # noqa: E402
from docextract.ocr import get_reader  # noqa: E402
from docextract.parsing import parse_amount, parse_date  # noqa: E402
from docextract.types import Word  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("DOCEXTRACT_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval"))


def _norm(s: Any) -> str:
    return re.sub(r"\s+", " ", str(s or "")).strip().upper()


def _nospace(s: Any) -> str:
    return re.sub(r"\s+", "", str(s or "")).upper()


def _same_date(got: Any, label: str) -> bool:
    if got is None or not label:
        return False
    if re.fullmatch(r"\d{8}", label.strip()):  # a label copied from a compact printing: "25032018"
        d = label.strip()
        return got.isoformat() in (f"{d[4:]}-{d[2:4]}-{d[:2]}", f"{d[:4]}-{d[4:6]}-{d[6:]}")
    return got in (parse_date(label, dayfirst=True), parse_date(label, dayfirst=False))


def _same_amount(got: Any, label: Any) -> bool:
    if got is None or label is None:
        return False
    want = label if isinstance(label, Decimal) else parse_amount(str(label))
    return want is not None and Decimal(got) == Decimal(want)


# ------------------------------------------------------------------------------------------ SROIE


def sroie_gt_words(path: Path, source: str = "ocr") -> list[Word]:
    """SROIE line boxes (``x1,y1,...,x4,y4,TEXT``) as words (``source="text"``: as a text layer's,
    which is what a human transcription stands for: characters without OCR errors)."""
    words = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        p = raw.split(",", 8)
        if len(p) < 9 or not p[8].strip():
            continue
        xs, ys = [float(v) for v in p[0:8:2]], [float(v) for v in p[1:8:2]]
        words.append(Word(p[8], min(xs), min(ys), max(xs), max(ys), 1.0, source))  # type: ignore[arg-type]
    return words


def score_receipt(data: dict[str, Any], label: dict[str, str]) -> dict[str, bool | None]:
    """Each field right or wrong; ``None`` where the label does not give the field (not scored)."""

    def has(k: str) -> bool:
        return bool(str(label.get(k) or "").strip())

    return {
        "company": _norm(data.get("merchant_name")) == _norm(label["company"]) if has("company") else None,
        "address": _norm(data.get("merchant_address")) == _norm(label["address"]) if has("address") else None,
        "date": _same_date(data.get("date"), label["date"]) if has("date") else None,
        "total": _same_amount(data.get("total"), label["total"]) if has("total") else None,
        "company_nospace": _nospace(data.get("merchant_name")) == _nospace(label["company"]) if has("company") else None,
        "address_nospace": _nospace(data.get("merchant_address")) == _nospace(label["address"]) if has("address") else None,
    }


# What a Malaysian receipt prints when it says its currency: "RM 12.00", "RM12.00", "MYR", "Ringgit".
_MYR_EVIDENCE = re.compile(r"(?<![A-Z])RM(?![A-Z])|\bMYR\b|RINGGIT", re.I)


def _currency_right(got: Any, gt_lines: Path) -> bool:
    """SROIE labels no currency; every receipt is Malaysian. The currency is right when it is MYR and
    the dataset's own transcription of the page prints it, or empty where the page says nothing."""
    printed = bool(_MYR_EVIDENCE.search(gt_lines.read_text(encoding="utf-8", errors="replace")))
    return got == "MYR" if printed else got in (None, "MYR")


class _ReplayOcr:
    """An OCR reader for :func:`docextract.extract` that gives the words of the receipt being read
    from a file (the cache of an earlier real OCR run, or the dataset's own lines), so the whole
    pipeline (rules, checks, calibration, review flag) runs as for a user, without re-reading."""

    def __init__(self, cache: Path | None, gt_root: Path | None, gt_source: str = "ocr") -> None:
        self.cache, self.gt_root, self.gt_source, self.current = cache, gt_root, gt_source, ""
        self.words: list[Word] = []

    def prefetch(self) -> None:
        pass

    def read(self, image: Any, **_: Any) -> Any:
        from types import SimpleNamespace

        if self.gt_root is not None:
            self.words = sroie_gt_words(self.gt_root / "ocr" / f"{self.current}.txt", self.gt_source)
            return SimpleNamespace(words=self.words, to_original=None)
        assert self.cache is not None
        path = self.cache / f"{self.current}.json"
        if path.exists():
            raw = json.loads(path.read_text(encoding="utf-8"))
            words = [Word(t, x0, y0, x1, y1, c, "ocr") for t, x0, y0, x1, y1, c in raw]
        else:
            words = list(_REAL_READER().read(image).words)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps([[w.text, w.x0, w.y0, w.x1, w.y1, w.confidence] for w in words]), encoding="utf-8")
        self.words = words
        return SimpleNamespace(words=words, to_original=None)


_REAL_READER = get_reader


@dataclass
class Receipt:
    """One SROIE receipt's result and how each field scored (``None``: the label lacks the field)."""

    id: str
    result: Any  # docextract.Extraction
    got: dict[str, bool | None]
    words: dict[int, list[Word]]  # the page's words as the rules read them (replayed runs only)


def run_sroie(
    root: Path,
    engine: ReaderEngine,
    *,
    gt_ocr: bool,
    limit: int | None,
    failures: bool,
    ocr_cache: Path | None = None,
    ids: list[str] | None = None,
    receipts: list[Receipt] | None = None,
    gt_source: str = "ocr",
) -> tuple[dict[str, list[bool]], float, int]:
    """Score ``extract()`` on SROIE JPGs (``receipts`` collects each result). With ``gt_ocr`` or
    ``ocr_cache`` the OCR step replays stored words (time then excludes OCR)."""
    import docextract.ocr as ocr_module

    ids = sorted(ids or (p.stem for p in (root / "labels").glob("*.json")))[:limit]
    scores: dict[str, list[bool]] = {}
    seconds = 0.0
    replay = _ReplayOcr(ocr_cache, root if gt_ocr else None, gt_source) if gt_ocr or ocr_cache is not None else None
    saved = ocr_module.get_reader
    if replay is not None:
        ocr_module.get_reader = lambda: replay  # type: ignore[assignment]
    try:
        for i in ids:
            label = json.loads((root / "labels" / f"{i}.json").read_text())
            if replay is not None:
                replay.current = i
            t0 = time.perf_counter()
            result = docextract.extract(root / "images" / f"{i}.jpg", "receipt", engine=engine)
            seconds += time.perf_counter() - t0
            data = result.data.model_dump() if result.data is not None else {}
            got = score_receipt(data, label)
            got["currency"] = _currency_right(data.get("currency"), root / "ocr" / f"{i}.txt")
            for k, v in got.items():
                if v is not None:
                    scores.setdefault(k, []).append(v)
            if receipts is not None:
                receipts.append(Receipt(i, result, got, {1: list(replay.words)} if replay is not None else {}))
            if failures:
                _print_failures(i, {k: v for k, v in got.items() if v is not None}, data, label)
    finally:
        ocr_module.get_reader = saved
    return scores, seconds, len(ids)


def _extract(path: Path, schema: str, engine: ReaderEngine) -> tuple[dict[str, Any], float]:
    """``docextract.extract`` on the file as a user runs it: the data (Python values) and seconds."""
    t0 = time.perf_counter()
    result = docextract.extract(path, schema, engine=engine)
    seconds = time.perf_counter() - t0
    return (result.data.model_dump() if result.data is not None else {}), seconds


def _print_failures(doc: str, got: dict[str, bool], data: dict[str, Any], label: dict[str, Any]) -> None:
    names = {"company": "merchant_name", "address": "merchant_address", "amount": "total"}
    for k, ok in got.items():
        if not ok and not k.endswith("_nospace"):
            print(f"  FAIL {doc} {k}: got {data.get(names.get(k, k))!r} want {label.get(k)!r}")


# ------------------------------------------------------------------------------------ invoice2data


def score_invoice(data: dict[str, Any], label: dict[str, Any]) -> dict[str, bool | None]:
    return {
        "total": _same_amount(data.get("total"), label["amount"]) if "amount" in label else None,
        "date": _same_date(data.get("date"), label["date"]) if "date" in label else None,
        "invoice_number": (str(data.get("invoice_number")) == str(label["invoice_number"]))
        if "invoice_number" in label
        else None,
        "currency": (data.get("currency") == label["currency"]) if "currency" in label else None,
    }


def score_lines(lines: list[dict[str, Any]], label: dict[str, Any]) -> list[bool]:
    """Per labelled line item with a name and an amount: was it extracted (description + amount)?

    The description matches when one contains the other after normalising case and whitespace
    (labels sometimes add or drop a trailing note); the amount is the label's line subtotal, or
    its unit price when it gives only that (matched against the line's amount or unit price).
    """
    out = []
    for want in label.get("lines") or []:
        name = _norm(want.get("name"))
        subtotal, unit = want.get("price_subtotal"), want.get("price_unit")
        if not name or (subtotal is None and unit is None):
            continue
        found = False
        for got in lines:
            desc = _norm(got.get("description"))
            if not desc or (desc not in name and name not in desc):
                continue
            if subtotal is not None:
                found = _same_amount(got.get("amount"), subtotal)
            else:
                found = _same_amount(got.get("amount"), unit) or _same_amount(got.get("unit_price"), unit)
            if found:
                break
        out.append(found)
    return out


def run_invoices(
    root: Path, engine: ReaderEngine, *, failures: bool, ocr: bool = False
) -> tuple[dict[str, list[bool]], float, int]:
    """Score the invoices from their PDF text layer, or (``ocr``) by OCR of their PNG renders."""
    scores: dict[str, list[bool]] = {}
    seconds = 0.0
    pdfs = sorted(p for p in root.glob("*.pdf") if not ocr or p.with_suffix(".png").is_file())
    for pdf in pdfs:
        label = json.loads(pdf.with_suffix(".json").read_text())[0]
        data, secs = _extract(pdf.with_suffix(".png") if ocr else pdf, "invoice", engine)
        seconds += secs
        got = score_invoice(data, label)
        for k, v in got.items():
            if v is not None:
                scores.setdefault(k, []).append(v)
        found = score_lines(data.get("lines") or [], label)
        scores.setdefault("line_items", []).extend(found)
        if failures and not all(found):
            print(f"  FAIL {pdf.stem} line_items: {sum(found)}/{len(found)} labelled lines found")
        if failures:
            _print_failures(pdf.stem, {k: v for k, v in got.items() if v is not None}, data, label)
    return scores, seconds, len(pdfs)


# ------------------------------------------------------------------------------------------ report


def table(title: str, scores: dict[str, list[bool]], seconds: float, n: int, main: Iterable[str]) -> str:
    main = list(main)
    lines = [f"{title}  ({n} documents, {seconds / max(n, 1):.3f} s/doc)", f"  {'field':<18} {'acc':>6}  n"]
    for k, v in scores.items():
        lines.append(f"  {k:<18} {sum(v) / len(v):>6.3f}  {len(v)}")
    scored = [sum(scores[k]) / len(scores[k]) for k in main if scores.get(k)]
    if scored:
        lines.append(f"  {'mean(' + ','.join(main) + ')':<18} {sum(scored) / len(scored):>6.3f}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------ trust

KEY_FIELDS = {"merchant_name": "company", "merchant_address": "address", "date": "date", "total": "total"}


def _key_fields(r: Receipt) -> list[tuple[float | None, bool]]:
    """(confidence or None when the field is empty, right) for each key field the label gives."""
    out = []
    data = r.result.data.model_dump(mode="json") if r.result.data is not None else {}
    for path, label in KEY_FIELDS.items():
        if r.got.get(label) is None:
            continue
        src = r.result.provenance.get(path)
        empty = data.get(path) in (None, "")
        out.append((None if empty or src is None else src.confidence, bool(r.got[label])))
    return out


def trust_report(split: str, receipts: list[Receipt], plot: Path | None = None) -> str:
    """Calibration of the key fields' confidences and what the review flag protects, on one split:
    a reliability table, ECE, a risk-coverage table and the flag's own figures."""
    fields = [f for r in receipts for f in _key_fields(r)]
    scored = [(p, ok) for p, ok in fields if p is not None]
    lines = [f"Trust on {split} ({len(receipts)} receipts, {len(fields)} key fields, {len(fields) - len(scored)} empty)"]
    lines.append(f"  {'confidence':<12} {'n':>5} {'mean conf':>10} {'right':>7}")
    ece = 0.0
    bins = []
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        inside = [(p, ok) for p, ok in scored if lo <= p < hi or (b == 9 and p == 1.0)]
        if not inside:
            continue
        conf = sum(p for p, _ in inside) / len(inside)
        acc = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(scored) * abs(acc - conf)
        bins.append((conf, acc, len(inside)))
        lines.append(f"  {f'{lo:.1f}-{hi:.1f}':<12} {len(inside):>5} {conf:>10.3f} {acc:>7.3f}")
    lines.append(f"  ECE {ece:.3f} (key fields read; an empty field counts as wrong below)")
    # Risk-coverage: receipts sent to review by their least sure key field (an empty one first).
    order = sorted(receipts, key=lambda r: min((p if p is not None else -1.0) for p, _ in _key_fields(r) or [(1.0, True)]))
    lines.append(f"  {'to review':>10} {'key fields right in the rest':>30}")
    for share in (0.0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40, 0.50):
        rest = order[round(share * len(order)) :]
        right = [ok for r in rest for _, ok in _key_fields(r)]
        lines.append(f"  {share:>10.0%} {sum(right) / max(1, len(right)):>30.3f}")
    flagged = [r for r in receipts if r.result.needs_review]
    kept = [r for r in receipts if not r.result.needs_review]
    right = [ok for r in kept for _, ok in _key_fields(r)]
    wrong_all = sum(not ok for r in receipts for _, ok in _key_fields(r))
    wrong_kept = sum(not ok for r in kept for _, ok in _key_fields(r))
    lines.append(
        f"  needs_review: {len(flagged)}/{len(receipts)} ({len(flagged) / max(1, len(receipts)):.0%}) flagged; key fields right in "
        f"the others {sum(right) / max(1, len(right)):.3f}; wrong key fields left unflagged {wrong_kept}/{wrong_all}"
    )
    if plot is not None and bins:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(4.2, 4.2), dpi=110)
        ax.plot([0, 1], [0, 1], color="#999", lw=1, ls="--", label="perfect")
        ax.plot([c for c, _, _ in bins], [a for _, a, _ in bins], marker="o", color="#1f6fb2", label=f"{split} (ECE {ece:.3f})")
        for c, a, n in bins:
            ax.annotate(str(n), (c, a), textcoords="offset points", xytext=(4, -10), fontsize=7, color="#555")
        ax.set_xlabel("confidence (key fields)")
        ax.set_ylabel("share right")
        ax.set_title(f"SROIE {split}: reliability")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.02)
        ax.legend(loc="upper left", fontsize=8)
        fig.tight_layout()
        plot.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(plot)
        plt.close(fig)
        lines.append(f"  reliability plot: {plot}")
    return "\n".join(lines)


def error_kinds(root: Path, per_split: dict[str, list[Receipt]], fields: Iterable[str] = ("company", "address")) -> str:
    """How the wrong text fields are wrong, counted per split (never which document): spacing only,
    punctuation only, a letter or two misread, text missing, text extra, or other. Counts are
    safe to print for ``check``; they say which mechanism would pay, not which receipt to patch."""
    import difflib
    from collections import Counter

    names = {"company": "merchant_name", "address": "merchant_address"}
    kinds = ("spacing", "punctuation", "misread", "missing", "extra", "empty", "other")
    lines = ["Wrong text fields by kind", f"  {'field':<9}{'split':<7}" + "".join(f"{k:>12}" for k in kinds)]
    for field in fields:
        for split, receipts in per_split.items():
            counts: Counter[str] = Counter()
            for r in receipts:
                if r.got.get(field) is not False:
                    continue
                want = json.loads((root / "labels" / f"{r.id}.json").read_text())[field]
                data = r.result.data.model_dump() if r.result.data is not None else {}
                got = str(data.get(names[field]) or "")
                g, w = re.findall(r"[A-Z0-9]+", got.upper()), re.findall(r"[A-Z0-9]+", want.upper())
                ops = [o for o in difflib.SequenceMatcher(None, g, w, autojunk=False).get_opcodes() if o[0] != "equal"]
                if not got:
                    counts["empty"] += 1
                elif _nospace(got) == _nospace(want):
                    counts["spacing"] += 1
                elif g == w:
                    counts["punctuation"] += 1
                elif all(t == "replace" and i2 - i1 == j2 - j1 for t, i1, i2, j1, j2 in ops) and len(ops) <= 2:
                    counts["misread"] += 1
                elif all(t == "insert" for t, *_ in ops):
                    counts["missing"] += 1
                elif all(t == "delete" for t, *_ in ops):
                    counts["extra"] += 1
                else:
                    counts["other"] += 1
            lines.append(f"  {field:<9}{split:<7}" + "".join(f"{counts[k]:>12}" for k in kinds))
    return "\n".join(lines)


def side_by_side(title: str, per_split: dict[str, tuple[dict[str, list[bool]], float, int]], main: Iterable[str]) -> str:
    """The splits' scores in columns: accuracy per field, the mean of ``main``, seconds per document."""
    main = list(main)
    names = list(per_split)
    keys = list(dict.fromkeys(k for scores, _, _ in per_split.values() for k in scores))
    lines = [title, f"  {'field':<18}" + "".join(f" {f'{s} ({per_split[s][2]})':>14}" for s in names)]
    for k in keys:
        cells = []
        for s in names:
            v = per_split[s][0].get(k) or []
            cells.append(f"{sum(v) / len(v):>14.3f}" if v else f"{'-':>14}")
        lines.append(f"  {k:<18} " + " ".join(cells))
    means = []
    for s in names:
        scored = [sum(per_split[s][0][k]) / len(per_split[s][0][k]) for k in main if per_split[s][0].get(k)]
        means.append(f"{sum(scored) / len(scored):>14.3f}" if scored else f"{'-':>14}")
    lines.append(f"  {'mean(' + ','.join(main) + ')':<18} " + " ".join(means))
    lines.append(f"  {'s/doc':<18} " + " ".join(f"{per_split[s][1] / max(per_split[s][2], 1):>14.3f}" for s in names))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the eval folder (sroie/, invoice2data/)")
    ap.add_argument("--gt-ocr", action="store_true", help="also score SROIE on the dataset's own line boxes")
    ap.add_argument("--gt-only", action="store_true", help="score SROIE only on the dataset's line boxes (no OCR)")
    ap.add_argument("--skip-sroie", action="store_true")
    ap.add_argument("--skip-invoices", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="first N receipts of each split only")
    ap.add_argument(
        "--split", default="tune,check", help="SROIE splits (split.json): develop on tune, report check (never tuned on)"
    )
    ap.add_argument("--failures", action="store_true", help="print each wrong field")
    ap.add_argument(
        "--ocr-cache", type=Path, default=None, help="reuse/keep SROIE OCR words in DIR/ID.json (time excludes OCR)"
    )
    ap.add_argument("--plot", type=Path, default=None, help="write reliability plots (PNG) into this folder")
    args = ap.parse_args(argv)

    engine = ReaderEngine()
    receipt_main = ("company", "address", "date", "total")
    if not args.skip_sroie:
        sroie = args.data / "sroie"
        split_ids = json.loads((sroie / "split.json").read_text())
        splits = [x for x in args.split.split(",") if x]
        runs: list[tuple[str, bool]] = []
        if not args.gt_only:
            runs.append(("SROIE end to end (real OCR on the JPGs)", False))
        if args.gt_ocr or args.gt_only:
            runs.append(("SROIE rules on ground-truth OCR lines", True))
        for title, gt in runs:
            if not gt and args.ocr_cache is None:
                try:
                    t0 = time.perf_counter()
                    get_reader().load()
                    print(f"OCR models loaded in {time.perf_counter() - t0:.1f} s (not counted)")
                except ImportError as exc:
                    print(f"skipping end-to-end SROIE: OCR unavailable ({exc})")
                    continue
            per_split = {}
            collected: dict[str, list[Receipt]] = {}
            for split in splits:
                collected[split] = []
                per_split[split] = run_sroie(
                    sroie, engine, gt_ocr=gt, limit=args.limit, failures=args.failures and split != "check",
                    ocr_cache=None if gt else args.ocr_cache, ids=split_ids[split], receipts=collected[split],
                )
            if not gt and args.ocr_cache is not None:
                title += f" [OCR cached in {args.ocr_cache}]"
            print(side_by_side(title, per_split, receipt_main))
            print()
            print(error_kinds(sroie, collected))
            print()
            if not gt:  # the confidence model is fitted on real OCR; the dataset's lines have none
                for split in splits:
                    plot = args.plot / f"reliability-{split}.png" if args.plot is not None else None
                    print(trust_report(split, collected[split], plot))
                    print()
    if not args.skip_invoices:
        fields = ("total", "date", "invoice_number", "currency")
        scores, secs, n = run_invoices(args.data / "invoice2data", engine, failures=args.failures)
        print(table("invoice2data (PDF text layer)", scores, secs, n, fields))
        print()
        get_reader().load()  # not counted
        scores, secs, n = run_invoices(args.data / "invoice2data", engine, failures=args.failures, ocr=True)
        print(table("invoice2data (OCR of the PNG renders)", scores, secs, n, fields))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
