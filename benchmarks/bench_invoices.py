"""Benchmark of the offline reader on invoices: generated ones (tune / check) and the real invoice2data ones.

Usage::

    python benchmarks/bench_invoices.py [--tune N] [--check N] [--no-ocr] [--failures] [--ocr-cache DIR]
                                        [--data DIR] [--skip-real]

* Generated invoices (``docextract.testing.invoices.random_invoice``): the seeds of ``tune``
  (develop on these) and of ``check`` (held back: report these, never look at their failures) come
  from the same generator, so check measures whether a rule carries to invoices it was not made on.
  Each is read as a digital PDF (``docextract.extract`` on its bytes: the text layer) and, unless
  ``--no-ocr``, as a degraded image (rendered, tilted, blurred, noisy, JPEG: the OCR path).
  ``--ocr-cache DIR`` keeps each image's OCR words in ``DIR`` (keyed by the image's pixels) so rule
  changes are scored in seconds; the rules then run on the cached words as ``extract`` would.
* invoice2data's five real invoices (``--data``: the eval folder), never tuned on: their PDFs' text
  layer and the OCR of the PNG renders that exist, as ``benchmarks/bench_reader.py`` reads them.

Fields: issuer (name; on invoice2data, whose labels name the issuer loosely, right when one name
contains the other after dropping case, spaces and punctuation), invoice_number (exact), date
(calendar date), total (number), currency (ISO code; where a generated invoice prints none, empty
or the invoice's own currency), line_items (each labelled line found: description contained
either way after normalising case and spaces, and the same amount), lines_exact (generated: every
line found and no other).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_reader import DEFAULT_DATA, _norm, score_invoice, score_lines  # noqa: E402

import docextract  # noqa: E402
from docextract.engines.reader import ReaderEngine  # noqa: E402
from docextract.schemas import resolve_schema  # noqa: E402
from docextract.testing.invoices import GeneratedInvoice, invoice_image_of, invoice_pdf_of, random_invoice  # noqa: E402
from docextract.types import EngineRequest, Word  # noqa: E402

SPLITS = {"tune": 1000, "check": 5000}  # first seed of each split
FIELDS = ("issuer", "invoice_number", "date", "total", "currency")


def score_generated(data: dict[str, Any], inv: GeneratedInvoice) -> dict[str, bool]:
    want = inv.expected()
    issuer = (data.get("issuer") or {}).get("name")
    got = {
        "issuer": _norm(issuer) == _norm(want["issuer"]),
        "invoice_number": str(data.get("invoice_number")) == want["invoice_number"],
        "date": data.get("date") == want["date"],
        "total": data.get("total") is not None and data["total"] == want["total"],
        # where the page prints no currency, empty is right and so is the invoice's own (a country may say it)
        "currency": data.get("currency") in ((want["currency"],) if want["currency"] else (None, inv.currency)),
    }
    lines = data.get("lines") or []
    found = []
    for w in want["lines"]:
        name = _norm(w["description"])
        found.append(any(
            (d := _norm(ln.get("description"))) and (d in name or name in d) and ln.get("amount") == w["amount"]
            for ln in lines
        ))
    got["line_items"] = found  # type: ignore[assignment]
    got["lines_exact"] = all(found) and len(lines) == len(want["lines"])
    return got


def _ocr_words(image: Any, cache: Path | None) -> list[Word]:
    from docextract.ocr import get_reader

    if cache is None:
        return list(get_reader().read(image).words)
    path = cache / f"{hashlib.sha1(image.tobytes()).hexdigest()[:20]}.json"
    if path.exists():
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [Word(t, x0, y0, x1, y1, c, "ocr") for t, x0, y0, x1, y1, c in raw]
    words = list(get_reader().read(image).words)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([[w.text, w.x0, w.y0, w.x1, w.y1, w.confidence] for w in words]), encoding="utf-8")
    return words


def read(inv: GeneratedInvoice, engine: ReaderEngine, *, ocr: bool, cache: Path | None) -> dict[str, Any]:
    """The invoice read as a user would: ``extract`` on the PDF's bytes, or on the degraded image
    (with ``cache``: the rules on the image's cached OCR words)."""
    if not ocr:
        result = docextract.extract(invoice_pdf_of(inv), "invoice", engine=engine)
        return result.data.model_dump() if result.data is not None else {}
    image = invoice_image_of(inv)
    if cache is None:
        result = docextract.extract(image, "invoice", engine=engine)
        return result.data.model_dump() if result.data is not None else {}
    words = _ocr_words(image, cache)
    out = engine.generate(EngineRequest(images=[], prompt="", schema=resolve_schema("invoice"), words=words))
    return out.data or {}


def run_generated(split: str, n: int, engine: ReaderEngine, *, ocr: bool, cache: Path | None, failures: bool) -> dict[str, list[bool]]:
    scores: dict[str, list[bool]] = {}
    for seed in range(SPLITS[split], SPLITS[split] + n):
        inv = random_invoice(seed)
        data = read(inv, engine, ocr=ocr, cache=cache)
        got = score_generated(data, inv)
        for k, v in got.items():
            scores.setdefault(k, []).extend(v if isinstance(v, list) else [v])
        if failures and split != "check":  # check stays unseen
            _print_failures(seed, inv, got, data, ocr)
    return scores


def _print_failures(seed: int, inv: GeneratedInvoice, got: dict[str, Any], data: dict[str, Any], ocr: bool) -> None:
    want = inv.expected()
    tag = f"{seed} {'ocr' if ocr else 'pdf'} {inv.lang}"
    for k in FIELDS:
        if not got[k]:
            have = (data.get("issuer") or {}).get("name") if k == "issuer" else data.get(k)
            print(f"  FAIL {tag} {k}: got {have!r} want {want[k]!r}")
    if not got["lines_exact"]:
        have = [(ln.get("description"), str(ln.get("amount"))) for ln in data.get("lines") or []]
        print(f"  FAIL {tag} lines: got {have} want {[(w['description'], str(w['amount'])) for w in want['lines']]}")


def run_real(root: Path, engine: ReaderEngine, *, ocr: bool) -> dict[str, list[bool]]:
    """invoice2data: the PDFs' text layer, or (``ocr``) the PNG renders."""
    scores: dict[str, list[bool]] = {}
    for pdf in sorted(p for p in root.glob("*.pdf") if not ocr or p.with_suffix(".png").is_file()):
        label = json.loads(pdf.with_suffix(".json").read_text())[0]
        result = docextract.extract(pdf.with_suffix(".png") if ocr else pdf, "invoice", engine=engine)
        data = result.data.model_dump() if result.data is not None else {}
        got: dict[str, Any] = score_invoice(data, label)
        if "issuer" in label:
            name, want = _letters((data.get("issuer") or {}).get("name")), _letters(label["issuer"])
            got["issuer"] = bool(name) and (name in want or want in name)
        for k in FIELDS:
            if got.get(k) is not None:
                scores.setdefault(k, []).append(bool(got[k]))
        scores.setdefault("line_items", []).extend(score_lines(data.get("lines") or [], label))
    return scores


def _letters(s: Any) -> str:
    return re.sub(r"[\W_]+", "", str(s or "")).upper()


def report(title: str, columns: dict[str, dict[str, list[bool]]]) -> str:
    names = list(columns)
    keys = [*FIELDS, "line_items", "lines_exact"]
    width = max([14, *(len(n) + 2 for n in names)])
    lines = [title, f"  {'field':<16}" + "".join(f"{n:>{width}}" for n in names)]
    for k in keys:
        if not any(columns[n].get(k) for n in names):
            continue
        cells = []
        for n in names:
            v = columns[n].get(k) or []
            cells.append(f"{sum(v) / len(v):>{width - 6}.3f} {f'/{len(v)}':<5}" if v else f"{'-':>{width}}")
        lines.append(f"  {k:<16}" + "".join(cells))
    means = []
    for n in names:
        got = [sum(columns[n][k]) / len(columns[n][k]) for k in FIELDS if columns[n].get(k)]
        means.append(f"{sum(got) / len(got):>{width - 6}.3f}      " if got else f"{'-':>{width}}")
    lines.append(f"  {'mean(5 fields)':<16}" + "".join(means))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tune", type=int, default=100, help="generated invoices in tune (seeds from 1000)")
    ap.add_argument("--check", type=int, default=100, help="generated invoices in check (seeds from 5000)")
    ap.add_argument("--no-ocr", action="store_true", help="digital PDFs only (no rendered, degraded images)")
    ap.add_argument("--ocr-cache", type=Path, default=None, help="keep/reuse the images' OCR words in DIR")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the eval folder (invoice2data/)")
    ap.add_argument("--skip-real", action="store_true", help="no invoice2data")
    ap.add_argument("--failures", action="store_true", help="print each wrong field of tune (never of check)")
    args = ap.parse_args(argv)

    engine = ReaderEngine()
    columns: dict[str, dict[str, list[bool]]] = {}
    modes = [False] if args.no_ocr else [False, True]
    for ocr in modes:
        for split, n in (("tune", args.tune), ("check", args.check)):
            if n:
                columns[f"{split} {'ocr' if ocr else 'pdf'}"] = run_generated(
                    split, n, engine, ocr=ocr, cache=args.ocr_cache, failures=args.failures
                )
    if columns:
        print(report(f"generated invoices (tune {args.tune}, check {args.check})", columns))
    root = args.data / "invoice2data"
    if not args.skip_real and root.is_dir():
        real = {"pdf": run_real(root, engine, ocr=False)}
        if not args.no_ocr:
            real["ocr of png"] = run_real(root, engine, ocr=True)
        print()
        print(report("invoice2data (real, never tuned on)", real))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
