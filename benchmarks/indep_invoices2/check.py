#!/usr/bin/env python3
"""Self-checks for gen.py output: truth arithmetic, key strings present in the PDF text layer,
no overlapping text spans, no text outside the page.  usage: python check.py OUTDIR"""
import glob
import json
import os
import re
import sys
from collections import Counter
from decimal import Decimal as D

import pymupdf


def spans(page):
    out = []
    for b in page.get_text("dict")["blocks"]:
        for ln in b.get("lines", []):
            for sp in ln["spans"]:
                if not sp["text"].strip():
                    continue
                x0, _, x1, _ = sp["bbox"]
                oy, sz = sp["origin"][1], sp["size"]
                out.append((x0, oy - 0.70 * sz, x1, oy + 0.18 * sz, sp["text"], oy))
    return out


def overlaps(sp):
    bad = []
    for i in range(len(sp)):
        a = sp[i]
        for j in range(i + 1, len(sp)):
            b = sp[j]
            ix = min(a[2], b[2]) - max(a[0], b[0])
            iy = min(a[3], b[3]) - max(a[1], b[1])
            if ix > 0.8 and iy > 0.8:
                bad.append((a[4], b[4], round(ix, 1), round(iy, 1)))
            elif abs(a[5] - b[5]) < 0.6 and -0.8 <= -ix < 1.5:  # same baseline, (almost) touching: would read as one word
                bad.append((a[4], b[4], "touching", round(-ix, 1)))
    return bad


def norm(s):
    return " ".join(str(s).replace("\u00a0", " ").replace("\u202f", " ").split())


def main(out):
    problems, stats = [], Counter()
    for jp in sorted(glob.glob(os.path.join(out, "*.json"))):
        t = json.load(open(jp, encoding="utf-8"))
        stem = os.path.basename(jp)[:-5]
        f = t["features"]
        stats[f["archetype"]] += 1
        stats["pages=%d" % f["pages"]] += 1
        stats["scan"] += f["scan_look"]
        stats["cur_" + f["currency_mode"]] += 1
        # arithmetic
        items = sum(D(it["amount"]) for it in t["items"])
        tot, sub, tax = D(t["total"]), t["subtotal"], D(t["tax"] or 0)
        extra = -D(f["discount"] or 0) + D(f["shipping_amount"] or 0) + D(f["rounding_amount"] or 0)
        if f["prices_include_tax"]:
            ok = items == tot and (sub is None or D(sub) + tax == tot)
        else:
            ok = (sub is None or items == D(sub)) and items + extra + tax == tot
        for it in t["items"]:
            if it["quantity"] is not None and it["unit_price"] is not None and not f.get("line_discounts"):
                q = (D(it["quantity"]) * D(it["unit_price"])).quantize(D("0.01"), "ROUND_HALF_UP")
                ok &= q == D(it["amount"])
        if not ok:
            problems.append(f"{stem}: arithmetic")
        # text layer
        doc = pymupdf.open(os.path.join(out, t["file"]))
        text = norm(" ".join(p.get_text() for p in doc))
        for key, val in (("invoice_number", t["invoice_number"]), ("issuer", t["issuer"]), ("customer", t["customer"]),
                         ("total_text", f["total_text"]), ("date_text", f["date_text"])):
            if norm(val) not in text:
                problems.append(f"{stem}: {key} {val!r} not in text layer")
        for it in t["items"]:
            if norm(it["description"]) not in text:
                # descriptions may wrap: check word by word order-insensitively
                if not all(w in text for w in norm(it["description"]).split()):
                    problems.append(f"{stem}: item description missing {it['description']!r}")
        if doc.page_count != len(t["pngs"]) or not all(os.path.exists(os.path.join(out, p)) for p in t["pngs"]):
            problems.append(f"{stem}: png count")
        # currency absent must really be absent
        if t["currency"] == "":
            hit = re.search(r"[€$£]|\b(EUR|USD|GBP|CHF|CAD|AUD|[Ee]uros?|[Dd]ollars?|[Pp]ounds?|[Ff]rancs?|Franken)\b", text)
            if hit:
                problems.append(f"{stem}: currency absent but {hit.group(0)!r} printed")
        for k, page in enumerate(doc):
            sp = spans(page)
            for x0, y0, x1, y1, s, _ in sp:
                if x0 < 5 or y0 < 3 or x1 > page.rect.width - 5 or y1 > page.rect.height - 3:
                    problems.append(f"{stem} p{k + 1}: off page {s!r}")
            for a, b, ix, iy in overlaps(sp):
                problems.append(f"{stem} p{k + 1}: overlap {a!r} / {b!r} ({ix}x{iy})")
        if f.get("layout_collisions"):
            problems.append(f"{stem}: {f['layout_collisions']} text collisions recorded by the generator")
        stats["docs"] += 1
    print(dict(sorted(stats.items())))
    print(f"{len(problems)} problems")
    for p in problems:
        print("  ", p)
    return problems


if __name__ == "__main__":
    main(sys.argv[1])
