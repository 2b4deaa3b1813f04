#!/usr/bin/env python3
"""Self-check of a folder written by gen.py.

usage: python check.py OUTDIR [--verbose]

For every invNNN_xx.json: the truth keys and formats, the arithmetic (items sum to the subtotal,
subtotal + tax + charges = total), that the invoice number, the total as printed, issuer, customer and
every item description are in the PDF text layer, that no two text spans overlap, that different
text lines keep at least MIN_GAP pt between them, that no text lies outside the page, and that the
PNGs exist (one per page).  Exit status 1 on any error.
"""
import collections
import glob
import json
import os
import re
import sys
from datetime import date
from decimal import Decimal

import pymupdf as fitz

KEYS = ["invoice_number", "invoice_date", "issuer", "customer", "total", "subtotal", "tax", "currency", "items",
        "features", "file", "pngs"]
MIN_GAP = 1.5  # pt between the boxes of two text lines that share horizontal extent
MONEY = re.compile(r"^-?\d+\.\d\d$")
NUM = re.compile(r"^-?\d+(\.\d+)?$")


def norm(s):
    return re.sub(r"\s+", " ", (s or "").replace("\xa0", " ")).strip()


def words_subseq(want, words, window=40):
    """want's words appear in order among words (gaps allowed, within a window)."""
    want = want.split()
    for start in range(len(words)):
        if words[start] != want[0]:
            continue
        k, j = 1, start + 1
        while k < len(want) and j < len(words) and j - start < window + len(want):
            if words[j] == want[k]:
                k += 1
            j += 1
        if k == len(want):
            return True
    return False


def page_spans(page):
    out = []
    d = page.get_text("dict")
    for bi, b in enumerate(d["blocks"]):
        if b.get("type", 0) != 0:
            continue
        for li, ln in enumerate(b["lines"]):
            for sp in ln["spans"]:
                if not sp["text"].strip():
                    continue
                out.append(((bi, li), fitz.Rect(sp["bbox"]), sp["text"]))
    return out


def check_layout(doc, errs):
    for pno, page in enumerate(doc):
        spans = page_spans(page)
        pr = page.rect
        for key, r, t in spans:
            if r.x0 < pr.x0 - 0.01 or r.y0 < pr.y0 - 0.01 or r.x1 > pr.x1 + 0.01 or r.y1 > pr.y1 + 0.01:
                errs.append(f"p{pno + 1}: text outside page: {t!r} {tuple(round(v, 1) for v in r)}")
        for i in range(len(spans)):
            ki, ri, ti = spans[i]
            for j in range(i + 1, len(spans)):
                kj, rj, tj = spans[j]
                ix = min(ri.x1, rj.x1) - max(ri.x0, rj.x0)
                iy = min(ri.y1, rj.y1) - max(ri.y0, rj.y0)
                if ki == kj:  # same line: spans may touch but not overlap
                    if ix > 0.5 and iy > 0.5:
                        errs.append(f"p{pno + 1}: spans overlap in a line: {ti!r} / {tj!r}")
                    continue
                if ix > 0.1 and iy > 0.1:
                    errs.append(f"p{pno + 1}: OVERLAP {ti!r} {tuple(round(v, 1) for v in ri)} / {tj!r} "
                                f"{tuple(round(v, 1) for v in rj)}")
                elif ix > 0.1 and -MIN_GAP < iy <= 0.1:
                    errs.append(f"p{pno + 1}: lines closer than {MIN_GAP} pt: {ti!r} / {tj!r} (gap {-iy:.2f})")


def check_one(path, errs, verbose=False):
    with open(path, encoding="utf-8") as fh:
        t = json.load(fh)
    folder = os.path.dirname(path)
    if list(t.keys()) != KEYS:
        errs.append(f"keys {list(t.keys())}")
    for k in ("total", "subtotal", "tax"):
        if not MONEY.match(t[k]):
            errs.append(f"{k} not a money string: {t[k]!r}")
    date.fromisoformat(t["invoice_date"])
    if t["currency"] not in ("", "EUR", "USD", "GBP", "CHF", "SEK", "DKK", "PLN"):
        errs.append(f"currency {t['currency']!r}")
    items = t["items"]
    if not items:
        errs.append("no items")
    for it in items:
        if list(it.keys()) != ["description", "quantity", "unit_price", "amount"]:
            errs.append(f"item keys {list(it)}")
        if not MONEY.match(it["amount"]):
            errs.append(f"item amount {it['amount']!r}")
        for k in ("quantity", "unit_price"):
            if it[k] is not None and not NUM.match(it[k]):
                errs.append(f"item {k} {it[k]!r}")
        if Decimal(it["amount"]) <= 0:
            errs.append(f"non-positive item amount {it['amount']}")
    s = sum(Decimal(it["amount"]) for it in items)
    if s != Decimal(t["subtotal"]):
        errs.append(f"items sum {s} != subtotal {t['subtotal']}")
    charges = sum(Decimal(c["amount"]) for c in t["features"].get("charges", []))
    if Decimal(t["subtotal"]) + Decimal(t["tax"]) + charges != Decimal(t["total"]):
        errs.append(f"subtotal {t['subtotal']} + tax {t['tax']} + charges {charges} != total {t['total']}")
    if Decimal(t["total"]) <= 0:
        errs.append("total not positive")
    pdf = os.path.join(folder, t["file"])
    doc = fitz.open(pdf)
    if len(doc) not in (1, 2):
        errs.append(f"{len(doc)} pages")
    if len(t["pngs"]) != len(doc):
        errs.append("png count != page count")
    for p in t["pngs"]:
        if not os.path.exists(os.path.join(folder, p)):
            errs.append(f"missing {p}")
    text = norm(" ".join(pg.get_text() for pg in doc))
    words = text.split(" ")
    for k in ("invoice_number", "issuer", "customer"):
        if norm(t[k]) not in text:
            errs.append(f"{k} {t[k]!r} not in text layer")
    tp = t["features"].get("total_printed")
    if not tp or norm(tp) not in text:
        errs.append(f"total as printed {tp!r} not in text layer")
    for it in items:
        d = norm(it["description"])
        if d not in text and not words_subseq(d, words):
            errs.append(f"description {d!r} not in text layer")
    check_layout(doc, errs)
    if t["currency"] == "" and t["features"].get("currency_where") != "none":
        errs.append("currency empty but currency_where != none")
    doc.close()
    return t


def main(folder, verbose=False):
    files = sorted(glob.glob(os.path.join(folder, "inv*.json")))
    if not files:
        print("no truth files in", folder)
        return 1
    bad = 0
    arch, langs, feats = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
    for f in files:
        errs = []
        try:
            t = check_one(f, errs, verbose)
            ft = t["features"]
            arch[ft["archetype"]] += 1
            langs[ft["lang"]] += 1
            for k in ("font_family", "page_size", "orientation", "date_style", "number_format", "currency_mode",
                      "currency_where", "issuer_pos", "scanned_png", "n_pages"):
                feats[k][str(ft.get(k))] += 1
            if ft.get("retries"):
                feats["retries"][str(len(ft["retries"]))] += 1
        except Exception as e:  # noqa: BLE001
            errs.append(f"exception {type(e).__name__}: {e}")
        if errs:
            bad += 1
            print(f"FAIL {os.path.basename(f)}")
            for e in errs[:25]:
                print("   ", e)
            if len(errs) > 25:
                print(f"    ... {len(errs) - 25} more")
    print(f"\n{len(files)} invoices, {bad} with errors")
    print("archetypes:", dict(sorted(arch.items())))
    print("languages: ", dict(sorted(langs.items())))
    if verbose:
        for k, v in feats.items():
            print(f"{k:15s}", dict(sorted(v.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--verbose" in sys.argv))
