#!/usr/bin/env python3
"""Regenerate a seed of the eighth set into a temp dir and check every truth file against its PDF.

usage: python check.py SEED [N]

Checks per invoice (and per entry of ``documents`` where a PDF holds several invoices): invoice number,
issuer, customer and item descriptions are in the PDF's text layer (for image-only PDFs: in the text
drawn before rasterizing, and the PDF has no text layer); total, subtotal and item amounts appear as
numbers; items sum to the subtotal; subtotal + features.charges + tax == total; the printed date is
on the page and parses to the truth date; file names and page PNGs are consistent; the first invoices
regenerate byte for byte. Exits 1 on any failure.
"""
import glob
import hashlib
import importlib.util
import json
import os
import re
import sys
import tempfile
from datetime import date
from decimal import Decimal

import pymupdf

HERE = os.path.dirname(os.path.abspath(__file__))

MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
}


def month_no(word):
    w = word.casefold().strip(".")
    for names in MONTHS.values():
        for k, nm in enumerate(names):
            if w == nm or (len(w) == 3 and nm.startswith(w)):
                return k + 1
    raise ValueError(word)


def parse_date(s, fmt):
    s = s.strip()
    nums = [int(x) for x in re.findall(r"\d+", s)]
    if fmt in ("iso", "ymd/", "ymd.", "jp", "ymd-"):
        y, m, d = nums[:3]
    elif fmt in ("dmy/", "dmy.", "dmy-", "d/m/yy"):
        d, m, y = nums[:3]
    elif fmt in ("mdy/", "m/d/yy"):
        m, d, y = nums[:3]
    elif fmt in ("d_month_y", "d-mon-y", "d-MON-yy"):
        mm = re.match(r"(\d+)[.\s-]+([^\d\s-]+)[\s-]+(\d+)$", s)
        d, m, y = int(mm.group(1)), month_no(mm.group(2)), int(mm.group(3))
    elif fmt in ("month_d_y", "mon_d_y"):
        mm = re.match(r"([^\d\s]+)\s+(\d+),\s+(\d+)$", s)
        m, d, y = month_no(mm.group(1)), int(mm.group(2)), int(mm.group(3))
    elif fmt == "he_month":
        mm = re.match(r"(\d+)\s+ב?(\S+)\s+(\d+)$", s)
        he = ["ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"]
        d, m, y = int(mm.group(1)), he.index(mm.group(2)) + 1, int(mm.group(3))
    else:
        raise ValueError("unknown date format " + fmt)
    if y < 100:
        y += 2000
    return date(y, m, d)


def norm(s):
    s = str(s).replace("\u202f", " ").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().casefold()


def present(s, text, words):
    n = norm(s)
    if not n:
        return True
    if n in text or n.replace(" ", "") in text.replace(" ", ""):
        return True
    # wrapped or split into cells: every word present (hebrew words may come out in either order)
    return all(w in words or w[::-1] in words or w in text for w in n.split())


def numbers(text, style):
    dec = "," if style in ("de", "fr") else "."
    vals = set()
    for tok in re.findall(r"\d[\d.,'\u202f]*\d|\d", text):
        t = tok.replace("\u202f", "").replace("'", "")
        if dec == ",":
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", "")
        if t.count(".") > 1:
            continue
        try:
            vals.add(Decimal(t))
        except Exception:
            pass
    if style in ("fr", "sp"):  # a space groups thousands: 2 016,89
        for tok in re.findall(r"(?<![\d,])\d{1,3}(?:[ \u202f\u00a0]\d{3})+,\d{2}(?!\d)", text):
            vals.add(Decimal(re.sub(r"[ \u202f\u00a0]", "", tok).replace(",", ".")))
    return vals


def check_doc(t, text, stem, errs, fullt):
    words = set(text.split())
    f = t["features"]
    for key in ("invoice_number", "issuer", "customer"):
        if t.get(key) and not present(t[key], text, words):
            errs.append(f"{stem}: {key} {t[key]!r} not in text")
    for it in t["items"]:
        if not present(it["description"], text, words):
            errs.append(f"{stem}: item description {it['description']!r} not in text")
    vals = numbers(fullt, f.get("num_style", "en"))
    for lab, v in [("total", t["total"]), ("subtotal", t["subtotal"])] + [("item amount", it["amount"]) for it in t["items"]]:
        if abs(Decimal(str(v))) not in vals:
            errs.append(f"{stem}: {lab} {v} not printed")
    sub = sum(Decimal(str(it["amount"])) for it in t["items"])
    if abs(sub - Decimal(str(t["subtotal"]))) > Decimal("0.001"):
        errs.append(f"{stem}: items sum {sub} != subtotal {t['subtotal']}")
    calc = Decimal(str(t["subtotal"])) + Decimal(str(f.get("charges", 0))) + Decimal(str(t["tax"]))
    if abs(calc - Decimal(str(t["total"]))) > Decimal("0.001"):
        errs.append(f"{stem}: subtotal + charges + tax = {calc} != total {t['total']}")
    for it in t["items"]:
        if it["quantity"] is not None and it["unit_price"] is not None and not f.get("line_discounts"):
            if abs(Decimal(str(it["quantity"])) * Decimal(str(it["unit_price"])) - Decimal(str(it["amount"]))) > Decimal("0.011"):
                errs.append(f"{stem}: {it['description']!r} qty x price != amount")
    dp = f.get("date_printed")
    if not dp or norm(dp) not in text.replace("\u202f", " "):
        errs.append(f"{stem}: printed date {dp!r} not in text")
    else:
        try:
            if parse_date(dp, f["date_fmt"]).isoformat() != t["invoice_date"]:
                errs.append(f"{stem}: printed date {dp!r} ({f['date_fmt']}) != {t['invoice_date']}")
        except Exception as e:  # noqa: BLE001
            errs.append(f"{stem}: cannot parse {dp!r} as {f.get('date_fmt')}: {e}")
    for key in ("invoice_number", "invoice_date", "issuer", "customer", "total", "subtotal", "tax", "currency", "items", "features"):
        if key not in t:
            errs.append(f"{stem}: key {key} missing")
    if not t["items"]:
        errs.append(f"{stem}: no items")


def main():
    seed = int(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    spec = importlib.util.spec_from_file_location("indep8_gen", os.path.join(HERE, "gen.py"))
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen
    spec.loader.exec_module(gen)
    errs = []
    archs = {}
    with tempfile.TemporaryDirectory() as tmp:
        log = {}
        import contextlib
        import io
        with contextlib.redirect_stdout(io.StringIO()):
            gen.main(n, seed, tmp, textlog=log)
        jsons = sorted(glob.glob(os.path.join(tmp, "*.json")))
        if len(jsons) != n:
            errs.append(f"expected {n} truth files, got {len(jsons)}")
        for path in jsons:
            stem = os.path.basename(path)[:-5]
            t = json.load(open(path, encoding="utf-8"))
            f = t["features"]
            archs[f["archetype"]] = archs.get(f["archetype"], 0) + 1
            doc = pymupdf.open(os.path.join(tmp, stem + ".pdf"))
            layer = "\n".join(p.get_text() for p in doc)
            pngs = sorted(glob.glob(os.path.join(tmp, stem + "_p*.png")))
            if len(pngs) != len(doc) or not 1 <= len(doc) <= 3:
                errs.append(f"{stem}: {len(doc)} pages, {len(pngs)} PNGs")
            if "\u00ad" in layer or "\x00" in layer or "\ufffd" in layer:
                errs.append(f"{stem}: text layer has soft hyphens / NUL / replacement characters")
            if f.get("image_only"):
                if layer.strip():
                    errs.append(f"{stem}: image-only PDF has a text layer")
                raw = "\n".join(log[stem])
            else:
                raw = layer
            text = norm(raw)
            docs = t.get("documents") or [t]
            if t.get("documents"):
                for key in ("invoice_number", "invoice_date", "issuer", "total"):
                    if t[key] != docs[0][key]:
                        errs.append(f"{stem}: top-level {key} differs from documents[0]")
                if len({d["invoice_number"] for d in docs}) != len(docs):
                    errs.append(f"{stem}: documents share an invoice number")
            for d in docs:
                check_doc(d, text, stem, errs, raw)
        # determinism: the first invoices again, byte for byte
        with tempfile.TemporaryDirectory() as tmp2:
            k = min(n, 6)
            with contextlib.redirect_stdout(io.StringIO()):
                gen.main(k, seed, tmp2)
            for p2 in sorted(glob.glob(os.path.join(tmp2, "*"))):
                p1 = os.path.join(tmp, os.path.basename(p2))
                if not os.path.exists(p1) or hashlib.sha256(open(p1, "rb").read()).digest() != hashlib.sha256(open(p2, "rb").read()).digest():
                    errs.append(f"not deterministic: {os.path.basename(p2)}")
    print("archetypes:", dict(sorted(archs.items())))
    for e in errs:
        print("FAIL", e)
    print(f"seed {seed}: {n} invoices, {len(errs)} failures")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
