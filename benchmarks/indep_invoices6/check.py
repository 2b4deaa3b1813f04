#!/usr/bin/env python3
"""Check the sixth independent invoice set against its own PDFs.

usage: python check.py [N] [SEED ...]      (default: 200 invoices of seeds 20261228 and 20261229)

Generates N invoices per seed into a temporary folder with gen.py and verifies for each:
  - the truth has exactly the keys score.py reads (plus customer, subtotal, tax), an ISO date, a
    currency code or "", decimal strings, items with description / quantity / unit_price / amount;
  - every truth value is printed in the PDF's text layer: the invoice number, the issue date in
    the form it was printed (``features.date_printed``), the issuer and the customer, the total in
    the invoice's number format (with a minus sign or parentheses where negative), each item's
    description words and its amount;
  - the arithmetic: the items add up to the subtotal, subtotal + charges + tax == total, and
    quantity x unit price == amount (to the currency's rounding) where both are given;
  - 1 to 3 pages and one PNG per page.
Prints every failure and a count per archetype; exits 1 if anything failed.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal, InvalidOperation

import pymupdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

KEYS = {"invoice_number", "invoice_date", "issuer", "customer", "total", "subtotal", "tax", "currency", "items", "features"}
PUNCT = ",.;:()\"'\u201e\u201c\u00ab\u00bb"


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def dec(x):
    try:
        return Decimal(str(x))
    except (InvalidOperation, ValueError):
        return None


def signed_present(text: str, number: str) -> bool:
    for m in re.finditer(re.escape(number), text):
        before, after = text[max(0, m.start() - 8):m.start()], text[m.end():m.end() + 1]
        if re.search(r"[-\u2212(]", before) or after == "-":
            return True
    return False


def amount_present(text: str, value: Decimal, style: str, d: int) -> bool:
    s = gen.fmt_num(abs(value), style, d)
    if value < 0:
        return signed_present(text, s)
    return re.search(r"(?<![\d.,])" + re.escape(s) + r"(?![\d])", text) is not None


def check_one(stem: str) -> list[str]:
    with open(stem + ".json", encoding="utf-8") as fh:
        t = json.load(fh)
    f = t["features"]
    errs = []
    if set(t) != KEYS:
        errs.append(f"keys {sorted(set(t) ^ KEYS)}")
        return errs
    try:
        dt.date.fromisoformat(t["invoice_date"])
    except ValueError:
        errs.append(f"date not ISO: {t['invoice_date']!r}")
    if not (t["currency"] == "" or re.fullmatch(r"[A-Z]{3}", t["currency"])):
        errs.append(f"currency {t['currency']!r}")
    for k in ("total", "subtotal", "tax"):
        if not isinstance(t[k], str) or dec(t[k]) is None:
            errs.append(f"{k} not a decimal string: {t[k]!r}")
    if not t["items"]:
        errs.append("no items")
    for it in t["items"]:
        if set(it) != {"description", "quantity", "unit_price", "amount"}:
            errs.append(f"item keys {sorted(it)}")
        for k in ("quantity", "unit_price"):
            if it[k] is not None and (not isinstance(it[k], str) or dec(it[k]) is None):
                errs.append(f"item {k} {it[k]!r}")
        if not isinstance(it["amount"], str) or dec(it["amount"]) is None:
            errs.append(f"item amount {it['amount']!r}")
    if errs:
        return errs

    with pymupdf.open(stem + ".pdf") as doc:
        n_pages = len(doc)
        text = norm(" ".join(page.get_text() for page in doc))
    tokens = {w.strip(PUNCT) for w in text.split()}
    if not 1 <= n_pages <= 3:
        errs.append(f"{n_pages} pages")
    if len(glob.glob(stem + "_p*.png")) != n_pages:
        errs.append("PNG count differs from pages")

    for k in ("invoice_number", "issuer", "customer"):
        if norm(t[k]) not in text:
            errs.append(f"{k} {t[k]!r} not in text")
    if norm(f["date_printed"]) not in text:
        errs.append(f"date {f['date_printed']!r} not in text")
    if gen.fmt_date(dt.date.fromisoformat(t["invoice_date"]), f["date_format"], f["lang"]) != f["date_printed"]:
        errs.append("date_printed differs from the ISO date")
    style, d = f["num_style"], f["dec"]
    total = dec(t["total"])
    if not amount_present(text, total, style, d):
        errs.append(f"total {gen.fmt_num(total, style, d)} not in text")
    if f["kind"] == "credit" and total >= 0:
        errs.append("credit note with a non-negative total")
    for it in t["items"]:
        missing = [w for w in it["description"].split() if w.strip(PUNCT) and w.strip(PUNCT) not in tokens]
        if missing:
            errs.append(f"item words {missing} of {it['description']!r} not in text")
        if not amount_present(text, dec(it["amount"]), style, d):
            errs.append(f"item amount {it['amount']} not in text")
        if it["quantity"] is not None and it["unit_price"] is not None:
            qd = gen.LOC[f["country"]]["dec"]
            tol = Decimal("0.5") * Decimal(10) ** -qd + Decimal("0.000001")
            prod = dec(it["quantity"]) * dec(it["unit_price"])
            if abs(prod - dec(it["amount"])) > tol:
                errs.append(f"qty x price {prod} != amount {it['amount']}")

    s_items = sum((dec(it["amount"]) for it in t["items"]), Decimal(0))
    if s_items != dec(t["subtotal"]):
        errs.append(f"items sum {s_items} != subtotal {t['subtotal']}")
    charges = dec(f["charges"])
    if dec(t["subtotal"]) + charges + dec(t["tax"]) != total:
        errs.append(f"subtotal {t['subtotal']} + charges {charges} + tax {t['tax']} != total {t['total']}")
    if t["currency"] == "" and f["cur_show"] != "none":
        errs.append("empty currency but a currency shown")
    return errs


def main(argv):
    n = int(argv[0]) if argv else 200
    seeds = [int(a) for a in argv[1:]] or [20261228, 20261229]
    failures = 0
    per_arch, bad_arch = Counter(), Counter()
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.time()
            gen.main(n, seed, tmp)
            print(f"seed {seed}: generated {n} invoices in {time.time() - t0:.1f}s")
            for path in sorted(glob.glob(os.path.join(tmp, "inv*.json"))):
                stem = path[:-5]
                with open(path, encoding="utf-8") as fh:
                    arch = json.load(fh)["features"]["archetype"]
                per_arch[arch] += 1
                errs = check_one(stem)
                if errs:
                    failures += 1
                    bad_arch[arch] += 1
                    for e in errs:
                        print(f"  seed {seed} {os.path.basename(stem)} [{arch}]: {e}")
    print("\narchetype      invoices  failed")
    for a in gen.ARCHETYPES:
        print(f"{a:14s} {per_arch[a]:8d} {bad_arch[a]:7d}")
    print(f"total          {sum(per_arch.values()):8d} {failures:7d}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
