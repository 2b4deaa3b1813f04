#!/usr/bin/env python3
"""Check the seventh set's truth against its own PDFs.

usage: python check.py [N] [SEED] [--keep DIR]

Generates N invoices of SEED into a temporary directory (or DIR) with gen.py and checks every truth file:
  * format: the keys and types score.py reads (plus customer, subtotal, tax, features), a valid ISO date,
    an ISO currency code or "";
  * arithmetic: item amounts sum to the subtotal, subtotal + features.charges + tax == total, and
    quantity x unit price == amount where both are given (to the currency's rounding; skipped for rows with
    per-line discounts);
  * text layer: the invoice number, issuer, customer, every item description and the printed issue date are
    findable in the PDF's text (whitespace ignored; a string wrapped over two or three lines of a column is
    found line by line), the total and every item amount are printed in some number format, the currency
    (when not "") is named or symbolised on the page, and no currency sign or code is printed when it is "";
  * layout: 1-3 pages, one PNG per page, no text span overlapping another;
  * determinism: the first invoices generated a second time are byte-identical.
Exits 1 on any failure.
"""
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal

import pymupdf as fitz

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402

CUR_TOKENS = {
    "USD": ["$", "USD"], "EUR": ["€", "EUR"], "GBP": ["£", "GBP"], "CAD": ["$", "CAD"], "AUD": ["$", "AUD"], "NZD": ["$", "NZD"],
    "SGD": ["S$", "SGD"], "CHF": ["CHF"], "NOK": ["NOK"], "ISK": ["kr.", "ISK"], "ALL": ["Lekë", "ALL"], "TZS": ["TSh", "TZS"],
    "KES": ["KSh", "KES"], "ZAR": ["ZAR", "R "], "PHP": ["₱", "PHP"], "AED": ["AED", "Dhs", "Dirham"], "SAR": ["SAR", "SR ", "Riyal"],
    "QAR": ["QAR", "QR ", "Riyal"], "BHD": ["BHD", "BD ", "Dinar"], "OMR": ["OMR", "RO ", "Rial"], "KWD": ["KWD", "KD ", "Dinar"],
}
ANY_CUR = re.compile(r"[$€£₱¥]|\b(USD|EUR|GBP|CAD|AUD|NZD|SGD|CHF|NOK|ISK|TZS|KES|ZAR|PHP|AED|SAR|QAR|BHD|OMR|KWD|JPY)\b")


def nows(s):
    return re.sub(r"\s+", "", str(s)).casefold()


def page_lines(page):
    out = []
    d = page.get_text("dict")
    for b in d["blocks"]:
        for ln in b.get("lines", []):
            t = "".join(s["text"] for s in ln["spans"])
            if t.strip():
                size = max(s["size"] for s in ln["spans"])
                out.append((ln["bbox"], t, size))
    return out


def spans(page):
    out = []
    d = page.get_text("dict")
    for bi, b in enumerate(d["blocks"]):
        for li, ln in enumerate(b.get("lines", [])):
            for s in ln["spans"]:
                if not s["text"].strip():
                    continue
                x0, y0, x1, y1 = s["bbox"]
                oy = s["origin"][1]
                sz = s["size"]
                out.append(((bi, li), (x0 + 0.4, oy - 0.68 * sz, x1 - 0.4, oy + 0.12 * sz), s["text"]))
    return out


def overlaps(page):
    sp = sorted(spans(page), key=lambda t: t[1][1])
    bad = []
    for i in range(len(sp)):
        li, (ax0, ay0, ax1, ay1), at = sp[i]
        for j in range(i + 1, len(sp)):
            lj, (bx0, by0, bx1, by1), bt = sp[j]
            if by0 > ay1:
                break
            if li == lj:
                continue
            w = min(ax1, bx1) - max(ax0, bx0)
            h = min(ay1, by1) - max(ay0, by0)
            if w > 0.6 and h > 0.6:
                bad.append((at, bt))
    return bad


def findable(s, lines, flat):
    """s is in the text layer: on one line (whitespace ignored) or wrapped over 2-3 vertically adjacent lines
    (the first part ending its line or a column, the rest starting the next lines)."""
    key = nows(s)
    if not key:
        return True
    if key in flat:
        return True
    words = str(s).split()
    L = [(bb, " " + re.sub(r"[\s\xa0]+", lambda mm: "  " if len(mm.group(0)) > 1 else " ", t.replace("\xa0", " ")).strip() + "  ", sz)
         for bb, t, sz in lines]
    pat = lambda ws: r"\s+".join(re.escape(w) for w in ws)

    def rest_below(i, ws, depth):
        bb, _, sz = L[i]
        for j, (bj, tj, szj) in enumerate(L):
            dy = bj[1] - bb[1]
            if 0.5 < dy < 3.2 * max(sz, szj) and bj[0] < bb[2] + 40 and bj[2] > bb[0] - 40:
                if re.match(r"\s*" + pat(ws) + r"\s\s", tj, re.I):
                    return True
                if depth < 2:
                    for k in range(1, len(ws)):
                        if re.match(r"\s*" + pat(ws[:k]) + r"\s\s", tj, re.I) and rest_below(j, ws[k:], depth + 1):
                            return True
        return False

    for k in range(1, len(words)):
        first = re.compile(r"\s" + pat(words[:k]) + r"\s\s", re.I)
        for i, (_, t, _) in enumerate(L):
            if first.search(t) and rest_below(i, words[k:], 1):
                return True
    return False


def amount_forms(v):
    v = Decimal(str(v))
    forms = set()
    for style in gen.NUMSTYLE:
        for dec in (0, 2, 3):
            if v != v.quantize(Decimal(1).scaleb(-dec)) and dec < 2:
                continue
            forms.add(nows(gen.fmt_num(abs(v), style, dec)))
    return forms


def check_one(stem, tdir, errs):
    with open(os.path.join(tdir, stem + ".json"), encoding="utf-8") as fh:
        t = json.load(fh)
    F = t.get("features") or {}
    e = lambda kind, msg: errs[kind].append(f"{stem} [{F.get('archetype')}/{F.get('variant', '')}]: {msg}")
    # format
    for k in ("invoice_number", "invoice_date", "issuer", "customer", "total", "subtotal", "tax", "currency", "items", "features"):
        if k not in t:
            e("format", f"missing {k}")
            return t
    if not isinstance(t["invoice_number"], str) or not t["invoice_number"].strip():
        e("format", "empty invoice number")
    if not isinstance(t["issuer"], str) or not t["issuer"].strip():
        e("format", "empty issuer")
    try:
        date.fromisoformat(t["invoice_date"])
    except Exception:
        e("date", f"bad ISO date {t['invoice_date']!r}")
    if t["currency"] not in CUR_TOKENS and t["currency"] != "":
        e("format", f"currency {t['currency']!r}")
    if not t["items"]:
        e("format", "no items")
    for it in t["items"]:
        if not isinstance(it.get("description"), str) or not it["description"].strip():
            e("format", f"item without description {it}")
        if not isinstance(it.get("amount"), (int, float)):
            e("format", f"item amount {it}")
        for k in ("quantity", "unit_price"):
            if k not in it or not (it[k] is None or isinstance(it[k], (int, float))):
                e("format", f"item {k} {it}")
    for k in ("archetype", "date_printed", "charges", "pages"):
        if k not in F:
            e("format", f"features lacks {k}")
    if t["issuer"] == t["customer"]:
        e("format", "issuer == customer")
    # arithmetic
    Dm = lambda x: Decimal(str(x))
    s = sum((Dm(it["amount"]) for it in t["items"]), Decimal(0))
    if abs(s - Dm(t["subtotal"])) > Decimal("0.005"):
        e("arith", f"items sum {s} != subtotal {t['subtotal']}")
    if abs(Dm(t["subtotal"]) + Dm(F.get("charges", 0)) + Dm(t["tax"]) - Dm(t["total"])) > Decimal("0.005"):
        e("arith", f"subtotal {t['subtotal']} + charges {F.get('charges')} + tax {t['tax']} != total {t['total']}")
    whole = all(Dm(it["amount"]) == Dm(it["amount"]).to_integral_value() for it in t["items"])
    tol = Decimal("0.51") if whole and t["currency"] in ("ISK", "TZS", "ALL", "KES") else Decimal("0.0051")
    if not F.get("line_discounts"):
        for it in t["items"]:
            if it["quantity"] is not None and it["unit_price"] is not None:
                if abs(Dm(it["quantity"]) * Dm(it["unit_price"]) - Dm(it["amount"])) > tol:
                    e("arith", f"qty x price != amount: {it}")
    # text layer
    doc = fitz.open(os.path.join(tdir, stem + ".pdf"))
    n = len(doc)
    if not 1 <= n <= 3:
        e("layout", f"{n} pages")
    if F.get("pages") != n:
        e("format", f"features.pages {F.get('pages')} != {n}")
    for k in range(n):
        if not os.path.exists(os.path.join(tdir, f"{stem}_p{k + 1}.png")):
            e("layout", f"missing PNG page {k + 1}")
    if os.path.exists(os.path.join(tdir, f"{stem}_p{n + 1}.png")):
        e("layout", "extra PNG")
    lines, text = [], ""
    for page in doc:
        lines += page_lines(page)
        text += page.get_text() + "\n"
        for a, b in overlaps(page)[:3]:
            e("overlap", f"p{page.number + 1}: {a!r} / {b!r}")
    flat = nows(text)
    for what, s in [("invoice_number", t["invoice_number"]), ("issuer", t["issuer"]), ("customer", t["customer"]),
                    ("date_printed", F.get("date_printed", ""))] + [("item", it["description"]) for it in t["items"]]:
        if s and not findable(s, lines, flat):
            e("text", f"{what} not in text layer: {s!r}")
    if not any(f in flat for f in amount_forms(t["total"])):
        e("text", f"total {t['total']} not printed")
    for it in t["items"]:
        if not any(f in flat for f in amount_forms(it["amount"])):
            e("text", f"item amount {it['amount']} not printed ({it['description']!r})")
    if t["currency"]:
        if not any(tok.casefold() in text.casefold() for tok in CUR_TOKENS[t["currency"]]):
            e("currency", f"{t['currency']} named nowhere")
    else:
        mm = ANY_CUR.search(text)
        if mm:
            e("currency", f"currency '' but {mm.group(0)!r} printed")
    doc.close()
    return t


def digest(d):
    h = {}
    for f in sorted(os.listdir(d)):
        with open(os.path.join(d, f), "rb") as fh:
            h[f] = hashlib.md5(fh.read()).hexdigest()
    return h


def main(argv):
    keep = None
    if "--keep" in argv:
        i = argv.index("--keep")
        keep = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    n = int(argv[0]) if argv else 200
    seed = int(argv[1]) if len(argv) > 1 else 20270104
    tmp = tempfile.TemporaryDirectory()
    out = keep or tmp.name
    if keep and os.path.isdir(keep):
        for f in os.listdir(keep):
            if f.startswith("inv") and f.endswith((".pdf", ".png", ".json")):
                os.remove(os.path.join(keep, f))
    stems = gen.main(n, seed, out)
    errs = defaultdict(list)
    arch = Counter()
    for stem in stems:
        t = check_one(stem, out, errs)
        arch[(t.get("features") or {}).get("archetype")] += 1
    # determinism on the first invoices
    k = min(n, 12)
    with tempfile.TemporaryDirectory() as t2:
        gen.main(k, seed, t2)
        a, b = digest(out), digest(t2)
        for f, h in b.items():
            if a.get(f) != h:
                errs["determinism"].append(f"{f} differs between two runs")
    nerr = sum(len(v) for v in errs.values())
    bad_docs = {m.split(" ")[0] for v in errs.values() for m in v}
    print(f"seed {seed}: {len(stems)} invoices, archetypes {dict(sorted(arch.items()))}")
    print(f"pages: {dict(Counter(json.load(open(os.path.join(out, s + '.json'), encoding='utf-8'))['features']['pages'] for s in stems))}")
    for kind, v in sorted(errs.items()):
        print(f"  {kind}: {len(v)}")
        for msg in v[:25]:
            print("    " + msg)
    print(f"{'FAIL' if nerr else 'OK'}: {nerr} problems in {len(bad_docs)} invoices")
    tmp.cleanup()
    return 1 if nerr else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
