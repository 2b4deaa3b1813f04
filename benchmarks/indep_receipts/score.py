#!/usr/bin/env python3
"""Score docextract receipt outputs against gen.py ground truth.

usage: python score.py [--data data] [--out out] [--json score.json]
Reads DATA/rNNN.json (truth) and OUT/rNNN.json (docextract --full output), OUT/rNNN.time (wall s).
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import re
import unicodedata
from decimal import Decimal, InvalidOperation

FIELDS = ["merchant_name", "merchant_address", "date", "total", "currency"]


def strict_norm(s):
    return re.sub(r"\s+", " ", (s or "")).strip().casefold()


def loose_norm(s):
    return "".join(ch for ch in (s or "").casefold() if ch.isalnum())


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def dec(x):
    if x is None or x == "":
        return None
    try:
        return Decimal(str(x))
    except InvalidOperation:
        return None


def compare(field, got, want):
    """-> (strict_ok, loose_ok)"""
    if field in ("merchant_name", "merchant_address"):
        return strict_norm(got) == strict_norm(want), loose_norm(got) == loose_norm(want) and bool(want)
    if field == "date":
        ok = (got or "") == want
        return ok, ok
    if field == "total":
        g, w = dec(got), dec(want)
        ok = g is not None and g == w
        return ok, ok
    if field == "currency":
        ok = (got or "").upper() == (want or "").upper()
        return ok, ok
    raise KeyError(field)


def cause(field, got, want, meta, data):
    """A heuristic failure category for a wrong field."""
    if field in ("merchant_name", "merchant_address"):
        if not got:
            return "missing"
        lg, lw = loose_norm(got), loose_norm(want)
        if lg == lw:
            return "punctuation/spacing only"
        if loose_norm(fold(got)) == loose_norm(fold(want)):
            return "accents lost"
        if field == "merchant_name":
            if meta.get("name_lines", 1) > 1 and lw.startswith(lg):
                return "only first line of a 2-line name"
            if meta.get("name_lines", 1) > 1 and lw.endswith(lg):
                return "first line of a 2-line name dropped"
            if lw.startswith(lg):
                return "truncated (legal form or tail dropped)"
            if lg.startswith(lw) or lw in lg:
                return "extra text appended"
            if lg in loose_norm(data_addr(meta)):
                return "took an address line"
        else:
            if lw.startswith(lg) or lg in lw:
                return "partial address (lines dropped)"
            if lw in lg:
                return "extra text included (phone/tax id/name)"
        sim = similarity(lg, lw)
        if sim >= 0.85 and abs(len(lg) - len(lw)) <= 2:
            return "OCR character errors"
        if field == "merchant_address" and lg and lw.startswith(lg[: max(8, len(lg) // 2)]):
            return "partial address + OCR errors"
        if sim >= 0.8:
            return "OCR character errors"
        return "other/wrong text"
    if field == "date":
        if not got:
            return "missing"
        y, m, d = want.split("-")
        if got == f"{y}-{d}-{m}":
            return (f"day/month swapped ({meta.get('country')} {meta.get('date_format')}, "
                    f"currency printed: {meta.get('currency_evidence')})")
        if got[5:] == want[5:]:
            return "year wrong"
        return f"other wrong date (format {meta.get('date_format')})"
    if field == "total":
        g, w = dec(got), dec(want)
        if g is None:
            return "missing"
        if w and (g == w * 100 or g * 100 == w or g * 1000 == w or g == w * 1000):
            return "decimal/thousands separator misread"
        d = data.get("data") or {}
        if dec(d.get("subtotal")) == g and g != w:
            return "took subtotal"
        if meta.get("payment") == "cash" and g > w:
            return "took cash tendered"
        if dec(meta.get("tip")) and g == w - dec(meta["tip"]):
            return "tip not included"
        if dec(meta.get("rounding")) and g == w - dec(meta["rounding"]):
            return "rounding ignored"
        if dec(meta.get("discount")) and g == w + dec(meta["discount"]):
            return "discount ignored"
        if abs(g - w) <= Decimal("0.10"):
            return "small numeric difference (OCR digit?)"
        return "other wrong amount"
    if field == "currency":
        if not want:
            return f"currency inferred where none printed (got {got})"
        if not got:
            return f"missing (printed as {meta.get('currency_evidence')})"
        return f"wrong code (printed as {meta.get('currency_evidence')})"
    return "?"


def data_addr(meta):
    return ""


def similarity(a, b):
    import difflib
    return difflib.SequenceMatcher(None, a, b).ratio()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data")
    ap.add_argument("--out", default="out")
    ap.add_argument("--json", default="score.json")
    a = ap.parse_args()
    rows = []
    for tf in sorted(glob.glob(os.path.join(a.data, "r*.json"))):
        name = os.path.basename(tf)[:-5]
        truth = json.load(open(tf, encoding="utf-8"))
        meta = truth.pop("_meta", {})
        of = os.path.join(a.out, name + ".json")
        try:
            res = json.load(open(of, encoding="utf-8"))
        except (OSError, ValueError):
            res = {"status": "no-output", "data": {}, "provenance": {}, "needs_review": None}
        t = None
        try:
            t = float(open(os.path.join(a.out, name + ".time")).read())
        except (OSError, ValueError):
            pass
        d = res.get("data") or {}
        prov = res.get("provenance") or {}
        row = {"name": name, "meta": meta, "status": res.get("status"), "needs_review": res.get("needs_review"),
                   "issues": [i.get("code") if isinstance(i, dict) else str(i) for i in res.get("issues") or []],
                   "seconds": t, "tool_seconds": res.get("seconds"), "fields": {}}
        for f in FIELDS:
            got = d.get(f)
            want = truth[f]
            s_ok, l_ok = compare(f, got, want)
            conf = (prov.get(f) or {}).get("confidence")
            row["fields"][f] = {"got": got, "want": want, "strict": s_ok, "loose": l_ok, "confidence": conf,
                                    "cause": None if s_ok else cause(f, got, want, meta, res)}
        rows.append(row)

    n = len(rows)
    print(f"receipts: {n}")
    print(f"{'field':18s} {'strict':>8s} {'loose':>8s}")
    for f in FIELDS:
        s = sum(r["fields"][f]["strict"] for r in rows)
        l = sum(r["fields"][f]["loose"] for r in rows)
        print(f"{f:18s} {s:3d}/{n} {100*s/n:5.1f}%  {l:3d}/{n} {100*l/n:5.1f}%")
    all_s = sum(all(r["fields"][f]["strict"] for f in FIELDS) for r in rows)
    all_l = sum(all(r["fields"][f]["loose"] for f in FIELDS) for r in rows)
    print(f"all 5 fields right: strict {all_s}/{n}, loose {all_l}/{n}")

    nr = sum(bool(r["needs_review"]) for r in rows)
    print(f"\nneeds_review: {nr}/{n}")
    wrong = [(r, f) for r in rows for f in FIELDS if not r["fields"][f]["strict"]]
    wrong_l = [(r, f) for r in rows for f in FIELDS if not r["fields"][f]["loose"]]
    unfl = [(r, f) for r, f in wrong if not r["needs_review"]]
    unfl_l = [(r, f) for r, f in wrong_l if not r["needs_review"]]
    print(f"wrong fields (strict): {len(wrong)}, of which NOT flagged needs_review: {len(unfl)}")
    print(f"wrong fields (loose):  {len(wrong_l)}, of which NOT flagged needs_review: {len(unfl_l)}")
    print("  unflagged wrong (loose) by field:", dict(collections.Counter(f for _, f in unfl_l)))
    allright_flagged = sum(1 for r in rows if r["needs_review"] and all(r["fields"][f]["loose"] for f in FIELDS))
    print(f"flagged receipts with all 5 fields right (loose): {allright_flagged}")

    print("\nmean confidence, right vs wrong (strict for total/date; loose for text):")
    for f in FIELDS:
        key = "loose"
        rc = [r["fields"][f]["confidence"] for r in rows if r["fields"][f][key] and r["fields"][f]["confidence"] is not None]
        wc = [r["fields"][f]["confidence"] for r in rows if not r["fields"][f][key] and r["fields"][f]["confidence"] is not None]
        def fmt(xs):
            return f"{sum(xs)/len(xs):.3f} (n={len(xs)})" if xs else "n/a"
        print(f"  {f:18s} right {fmt(rc):16s} wrong {fmt(wc)}")

    print("\nfailure causes (strict-wrong fields):")
    by = collections.defaultdict(list)
    for r, f in wrong:
        by[(f, r["fields"][f]["cause"])].append(r)
    for (f, c), rs in sorted(by.items(), key=lambda kv: (FIELDS.index(kv[0][0]), -len(kv[1]))):
        unf = sum(1 for r in rs if not r["needs_review"])
        ex = "; ".join(f"{r['name']} got={r['fields'][f]['got']!r} want={r['fields'][f]['want']!r}" for r in rs[:2])
        print(f"  [{f}] {c}: {len(rs)} (unflagged {unf})  e.g. {ex}")

    ts = [r["seconds"] for r in rows if r["seconds"] is not None]
    if ts:
        print(f"\nseconds per receipt (wall, incl. process start): mean {sum(ts)/len(ts):.2f}, "
              f"min {min(ts):.2f}, max {max(ts):.2f}")
    tt = [r["tool_seconds"] for r in rows if r["tool_seconds"] is not None]
    if tt:
        print(f"tool-reported seconds: mean {sum(tt)/len(tt):.2f}")
    st = collections.Counter(r["status"] for r in rows)
    print("status:", dict(st))

    # breakdowns by metadata
    print("\nloose accuracy by degrade / country (fields right of 5):")
    for key in ("degrade", "country", "font", "paper"):
        grp = collections.defaultdict(lambda: [0, 0])
        for r in rows:
            g = grp[r["meta"].get(key)]
            g[0] += sum(r["fields"][f]["loose"] for f in FIELDS)
            g[1] += len(FIELDS)
        print(f"  {key}: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(grp.items())))
    json.dump(rows, open(a.json, "w"), indent=1, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
