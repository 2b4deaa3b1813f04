#!/usr/bin/env python3
"""Check the fifth independent invoice set against its own PDFs.

usage: python check.py [N] [SEED ...]      (default: 200 invoices of seeds 20261221 and 20261222)

Generates N invoices per seed into a temporary folder with gen.py and verifies for each:
  - the truth has exactly the keys score.py reads (plus customer, subtotal, tax), an ISO date, a
    currency code or "", decimal strings;
  - every truth value is printed in the PDF's text layer: the invoice number, the issue date in
    the form the features say it was printed, the issuer and the customer, the total in the
    invoice's number format, each item's description words and its amount (with a minus sign or
    parentheses where it is negative);
  - the arithmetic: the items add up to the subtotal (or, on gross invoices, with the charges to
    the total), subtotal + charges + tax == total (gross: subtotal + tax == total), and quantity x
    unit price == amount where both are given;
  - 1 to 3 pages and one PNG per page.
Prints every failure and a count per archetype; exits 1 if anything failed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import io
import json
import os
import re
import sys
import tempfile
from collections import Counter
from decimal import Decimal

import pymupdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

KEYS = {"invoice_number", "invoice_date", "issuer", "customer", "total", "subtotal", "tax", "currency", "items", "features"}
PUNCT = ",.;:()\u201e\u201c\u00ab\u00bb\"'"


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def signed_present(text: str, number: str) -> bool:
    """A negative amount: the number with a minus sign, parentheses or a trailing minus near it."""
    for m in re.finditer(re.escape(number), text):
        before, after = text[max(0, m.start() - 5):m.start()], text[m.end():m.end() + 1]
        if re.search(r"[-\u2212(]", before) or after == "-":
            return True
    return False


def check_one(stem: str) -> list[str]:
    with open(stem + ".json", encoding="utf-8") as fh:
        t = json.load(fh)
    f = t["features"]
    errs = []
    if set(t) != KEYS:
        errs.append(f"keys {sorted(set(t) ^ KEYS)}")
    with pymupdf.open(stem + ".pdf") as doc:
        n_pages = len(doc)
        text = norm(" ".join(page.get_text() for page in doc))
    tokens = {w.strip(PUNCT) for w in text.split()}
    if not 1 <= n_pages <= 3:
        errs.append(f"{n_pages} pages")
    if len(glob.glob(stem + "_p*.png")) != n_pages:
        errs.append("PNG count differs from pages")
    fmt = gen.numfmt_of(f)
    date = dt.date.fromisoformat(t["invoice_date"])
    printed = gen.printed_date(f, date)
    for label, value in (("number", t["invoice_number"]), ("date", printed), ("issuer", t["issuer"]),
                         ("customer", t["customer"]), ("total", fmt.num(Decimal(t["total"])))):
        if not value or norm(value) not in text:
            errs.append(f"{label} {value!r} not printed")
    if t["currency"] and not re.fullmatch(r"[A-Z]{3}", t["currency"]):
        errs.append(f"currency {t['currency']!r}")
    total, subtotal, tax = (Decimal(t[k]) for k in ("total", "subtotal", "tax"))
    charges = Decimal(f["charges"])
    amounts = []
    for k, it in enumerate(t["items"], 1):
        amount = Decimal(it["amount"])
        amounts.append(amount)
        missing = [w for w in it["description"].split() if w.strip(PUNCT) and w.strip(PUNCT) not in tokens]
        if missing or it["description"] != norm(it["description"]):
            errs.append(f"item {k} description words {missing} not printed")
        num = fmt.num(abs(amount))
        if num not in text or (amount < 0 and not signed_present(text, num)):
            errs.append(f"item {k} amount {fmt.amt(amount)} not printed")
        if it["quantity"] is not None and it["unit_price"] is not None:
            tol = Decimal("0.5") if f["places"] == 0 else Decimal("0.005")
            if abs(Decimal(it["quantity"]) * Decimal(it["unit_price"]) - amount) > tol:
                errs.append(f"item {k}: {it['quantity']} x {it['unit_price']} != {amount}")
    if not t["items"]:
        errs.append("no items")
    if f["items_sum_to"] == "subtotal":
        if sum(amounts) != subtotal:
            errs.append(f"items {sum(amounts)} != subtotal {subtotal}")
        if subtotal + charges + tax != total:
            errs.append(f"subtotal {subtotal} + charges {charges} + tax {tax} != total {total}")
    else:
        if sum(amounts) + charges != total:
            errs.append(f"items {sum(amounts)} + charges {charges} != total {total}")
        if subtotal + tax != total:
            errs.append(f"subtotal {subtotal} + tax {tax} != total {total}")
    return errs


def main(n: int = 200, seeds: tuple[int, ...] = (20261221, 20261222)) -> int:
    failed = 0
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp:
            with contextlib.redirect_stdout(io.StringIO()):
                gen.main(n, seed, tmp)
            per_arch: Counter = Counter()
            bad_arch: Counter = Counter()
            scans = pages = 0
            for path in sorted(glob.glob(os.path.join(tmp, "*.json"))):
                stem = path[:-5]
                with open(path, encoding="utf-8") as fh:
                    f = json.load(fh)["features"]
                per_arch[f["archetype"]] += 1
                scans += f["scan"]
                pages += f["pages"]
                errs = check_one(stem)
                if errs:
                    failed += 1
                    bad_arch[f["archetype"]] += 1
                    print(f"{os.path.basename(stem)} ({f['archetype']}): " + "; ".join(errs))
            print(f"seed {seed}: {sum(per_arch.values())} invoices, {pages} pages, {scans} scanned-looking; "
                  + ", ".join(f"{a} {per_arch[a] - bad_arch[a]}/{per_arch[a]}" for a in sorted(per_arch)))
    print("all checks passed" if not failed else f"{failed} invoices failed")
    return 1 if failed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    raise SystemExit(main(int(args[0]) if args else 200, tuple(int(a) for a in args[1:]) or (20261221, 20261222)))
