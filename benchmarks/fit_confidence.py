"""Fit the receipt's calibrated confidence on SROIE ``tune`` and write it as package data.

Usage::

    .venv/bin/python benchmarks/fit_confidence.py --ocr-cache /tmp/sroie-ocr [--data ../shared/eval]

Reads the ``tune`` receipts of ``sroie/split.json`` (never ``check``) end to end through
``docextract.extract`` with calibration switched off, takes each key field's features
(:func:`docextract.pipeline.confidence.field_features`) and whether the field was right, and fits
one logistic model per field (scikit-learn, standardised features, L2). The review threshold is
chosen on out-of-fold predictions (5-fold cross-validation on tune, so the threshold is not chosen
on the very predictions the model was fitted to): the lowest threshold at which the key fields of
the receipts left unflagged are right at least ``--target`` of the time. Writes
``docextract/schemas/calibration/receipt.json``; ``bench_reader.py`` then reports on ``check``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_reader  # noqa: E402
import numpy as np  # noqa: E402

from docextract.pipeline import confidence  # noqa: E402

# The receipt's key fields, their kinds, and the SROIE label each is scored against.
FIELDS = {"merchant_name": ("name", "company"), "merchant_address": ("address", "address"),
          "date": ("date", "date"), "total": ("total", "total")}
OUT = Path(__file__).resolve().parents[1] / "docextract" / "schemas" / "calibration" / "receipt.json"


def collect(data: Path, ids: list[str], cache: Path | None, *, text: bool = False) -> list[dict[str, Any]]:
    """Per receipt: each present key field's features and whether it was right (calibration off).
    ``text``: read the dataset's own transcription as a text layer instead of the OCR (the regime
    of digital documents: the right characters, the same layout)."""
    import docextract.pipeline as pipeline

    saved = pipeline.load_calibration
    pipeline.load_calibration = lambda name: None  # type: ignore[assignment]
    receipts: list[bench_reader.Receipt] = []
    try:
        bench_reader.run_sroie(data / "sroie", bench_reader.ReaderEngine(), gt_ocr=text, limit=None, failures=False,
                               ocr_cache=None if text else cache, ids=ids, receipts=receipts, gt_source="text")
    finally:
        pipeline.load_calibration = saved
    rows = []
    for r in receipts:
        res = r.result
        dumped = res.data.model_dump(mode="json") if res.data is not None else {}
        fields = {}
        for path, (kind, label) in FIELDS.items():
            if r.got.get(label) is None:
                continue  # the label lacks it: neither right nor wrong
            feats = confidence.field_features(kind, path, dumped, res.provenance, res.issues, r.words.get(1, []))
            fields[path] = {"features": feats, "right": bool(r.got[label])}
        label = json.loads((data / "sroie" / "labels" / f"{r.id}.json").read_text())
        group = " ".join(str(label.get("company") or r.id).upper().split())
        rows.append({"id": ("text:" if text else "") + r.id, "group": group, "fields": fields})
    return rows


def fit_field(X: np.ndarray, y: np.ndarray, c: float, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, Any]:
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((X - mean) / scale, y, sample_weight=w)
    return mean, scale, model


def merchant_weights(groups: list[str]) -> np.ndarray:
    """Each merchant counts once, however many of its receipts tune holds (check's merchants are
    all new: a merchant seen ten times would otherwise teach the model its own layout)."""
    counts: dict[str, int] = {}
    for g in groups:
        counts[g] = counts.get(g, 0) + 1
    w = np.array([1.0 / counts[g] for g in groups])
    return w * len(w) / w.sum()


def out_of_fold(X: np.ndarray, y: np.ndarray, c: float, groups: list[str], folds: int = 5, seed: int = 0) -> np.ndarray:
    """Each sample's probability from a model fitted without its merchant (folds by merchant)."""
    names = sorted(set(groups))
    fold_of = {g: k % folds for k, g in enumerate(np.random.default_rng(seed).permutation(names))}
    fold = np.array([fold_of[g] for g in groups])
    w = merchant_weights(groups)
    p = np.zeros(len(y))
    for k in range(folds):
        test, train = np.where(fold == k)[0], np.where(fold != k)[0]
        if len(test) == 0:
            continue
        if len(set(y[train])) < 2:
            p[test] = y[train].mean()
            continue
        mean, scale, model = fit_field(X[train], y[train], c, w[train])
        p[test] = model.predict_proba((X[test] - mean) / scale)[:, 1]
    return p


def best_c(X: np.ndarray, y: np.ndarray, groups: list[str]) -> float:
    """The L2 strength with the lowest out-of-fold log loss on tune, merchants weighted alike (few
    wrong fields: a strong prior keeps a handful of them from deciding the coefficients)."""
    w = merchant_weights(groups)

    def loss(c: float) -> float:
        p = np.clip(out_of_fold(X, y, c, groups), 1e-4, 1 - 1e-4)
        return float(-np.average(y * np.log(p) + (1 - y) * np.log(1 - p), weights=w))

    return min((0.003, 0.01, 0.03, 0.1, 0.3, 1.0), key=loss)


def choose_threshold(per_receipt: list[dict[str, tuple[float, bool]]], weights: np.ndarray,
                     target: float) -> tuple[float, float, float]:
    """The lowest threshold whose unflagged receipts' key fields are right >= ``target``, merchants
    weighted alike: (threshold, share flagged, accuracy of the unflagged)."""
    best = (1.0, 1.0, 1.0)
    for t in sorted({round(p, 4) for r in per_receipt for p, _ in r.values()} | {0.0}, reverse=True):
        kept = [(r, w) for r, w in zip(per_receipt, weights) if all(p >= t for p, _ in r.values())]
        right = sum(w * ok for r, w in kept for _, ok in r.values())
        n = sum(w * len(r) for r, w in kept)
        if n and right / n >= target:
            best = (t, 1 - sum(w for _, w in kept) / weights.sum(), right / n)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=bench_reader.DEFAULT_DATA)
    ap.add_argument("--ocr-cache", type=Path, default=None, help="SROIE OCR words, as bench_reader.py keeps them")
    ap.add_argument("--target", type=float, default=0.98, help="accuracy of key fields in unflagged receipts")
    ap.add_argument("--c", type=float, default=None, help="inverse L2 strength (default: chosen by cross-validation)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    tune = json.loads((args.data / "sroie" / "split.json").read_text())["tune"]
    rows = collect(args.data, tune, args.ocr_cache) + collect(args.data, tune, None, text=True)
    models: dict[str, confidence.FieldModel] = {}
    oof: dict[str, dict[str, float]] = {}
    for path, (kind, _) in FIELDS.items():
        samples = [(r["group"], r["fields"][path]) for r in rows if path in r["fields"] and r["fields"][path]["features"]]
        ids = [r["id"] for r in rows if path in r["fields"] and r["fields"][path]["features"]]
        names = sorted({k for _, f in samples for k in f["features"]})
        X = np.array([[f["features"].get(n, 0.0) for n in names] for _, f in samples], dtype=float)
        y = np.array([1 if f["right"] else 0 for _, f in samples])
        groups = [g for g, _ in samples]
        if len(set(y)) < 2:
            # Every field read was right (or wrong): nothing to tell apart; the smoothed rate it is.
            rate = (y.sum() + 1) / (len(y) + 2)
            models[path] = confidence.FieldModel(kind, (), (), (), (), round(float(np.log(rate / (1 - rate))), 6))
            oof[path] = {i: float(rate) for i in ids}
            print(f"{path:<18} n={len(y):<4} right={y.mean():.3f}  (one class: constant {rate:.3f})")
            continue
        c = args.c if args.c is not None else best_c(X, y, groups)
        mean, scale, model = fit_field(X, y, c, merchant_weights(groups))
        models[path] = confidence.FieldModel(kind, tuple(names), tuple(mean.round(6)), tuple(scale.round(6)),
                                             tuple(model.coef_[0].round(6)), round(float(model.intercept_[0]), 6))
        oof[path] = dict(zip(ids, out_of_fold(X, y, c, groups)))
        print(f"{path:<18} n={len(y):<4} right={y.mean():.3f} C={c:g}  " + ", ".join(f"{n} {c:+.2f}" for n, c in zip(names, model.coef_[0])))
    per_receipt = []
    for r in rows:
        got = {}
        for path in FIELDS:
            if path in r["fields"]:
                p = oof[path].get(r["id"], 0.0)  # an empty field (no features) is missing: flagged
                got[path] = (p, r["fields"][path]["right"])
        per_receipt.append(got)
    threshold, flagged, acc = choose_threshold(per_receipt, merchant_weights([r["group"] for r in rows]), args.target)
    print(f"threshold {threshold:.4f}: tune (out of fold, OCR and text) flags {flagged:.1%}, unflagged key fields right {acc:.3f}")
    cal = confidence.Calibration("reader", models, threshold,
                                 f"SROIE tune ({len(tune)} receipts, OCR and their transcription as text), {dt.date.today().isoformat()}, benchmarks/fit_confidence.py")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(cal.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
