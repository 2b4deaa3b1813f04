#!/usr/bin/env python3
"""Score docextract outputs against the ground truth written by gen.py.

usage: python score.py DATA OUT
Reads OUT/pdf/*.json and OUT/png/*.json (full results, as `docextract pdf --full` writes them),
writes OUT/scores.csv (one row per document x mode x field) and prints the accuracy table and
every wrong field.
"""
import csv
import glob
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation

FIELDS = ["invoice_number", "date", "issuer", "total", "currency", "items_count", "items_amounts", "items_exact"]
PROV = {"invoice_number": "invoice_number", "date": "date", "issuer": "issuer.name", "total": "total", "currency": "currency"}


def norm(s):
    return re.sub(r"\s+", " ", str(s or "")).strip().casefold()


def num(x):
    if x is None or x == "":
        return None
    try:
        return Decimal(str(x))
    except InvalidOperation:
        return None


def eqnum(a, b):
    a, b = num(a), num(b)
    return a is not None and b is not None and abs(a - b) < Decimal("0.005")


def score_one(truth, res):
    docs = res if isinstance(res, list) else [res]
    r = docs[0]
    data = r.get("data") or {}
    prov = r.get("provenance") or {}
    lines = list(data.get("lines") or [])
    for extra in docs[1:]:  # a split document: its lines still count toward the items
        lines += (extra.get("data") or {}).get("lines") or []
    got = {
        "invoice_number": data.get("invoice_number"),
        "date": data.get("date"),
        "issuer": (data.get("issuer") or {}).get("name"),
        "total": data.get("total"),
        "currency": data.get("currency"),
    }
    ok = {
        "invoice_number": norm(got["invoice_number"]) == norm(truth["invoice_number"]),
        "date": got["date"] == truth["invoice_date"],
        "issuer": norm(got["issuer"]) == norm(truth["issuer"]),
        "total": eqnum(got["total"], truth["total"]),
        "currency": (got["currency"] or "") == truth["currency"],
    }
    want = {"invoice_number": truth["invoice_number"], "date": truth["invoice_date"], "issuer": truth["issuer"],
            "total": truth["total"], "currency": truth["currency"]}
    ti = [it for doc in truth.get("documents") or [truth] for it in doc["items"]]  # a file of several invoices: all their lines
    n_amt_ok = sum(1 for k, it in enumerate(ti) if k < len(lines) and eqnum(lines[k].get("amount"), it["amount"]))

    def item_exact(k, it):
        if k >= len(lines):
            return False
        g = lines[k]
        return (norm(g.get("description")) == norm(it["description"]) and eqnum(g.get("amount"), it["amount"])
                and (it["quantity"] is None or eqnum(g.get("quantity"), it["quantity"]))
                and (it["unit_price"] is None or eqnum(g.get("unit_price"), it["unit_price"])))

    n_exact = sum(1 for k, it in enumerate(ti) if item_exact(k, it))
    got["items_count"], want["items_count"] = len(lines), len(ti)
    ok["items_count"] = len(lines) == len(ti)
    got["items_amounts"], want["items_amounts"] = n_amt_ok, len(ti)
    ok["items_amounts"] = n_amt_ok / len(ti)
    got["items_exact"], want["items_exact"] = n_exact, len(ti)
    ok["items_exact"] = n_exact / len(ti)
    conf = {f: (prov.get(p) or {}).get("confidence") for f, p in PROV.items()}
    meta = {"status": r.get("status"), "needs_review": bool(r.get("needs_review")) or any(bool(d.get("needs_review")) for d in docs),
                "n_docs": len(docs), "issues": ";".join(i.get("code", "") for d in docs for i in (d.get("issues") or [])),
                "lines_got": json.dumps([[ln.get("description"), ln.get("quantity"), ln.get("unit_price"), ln.get("amount")] for ln in lines], ensure_ascii=False)}
    return got, want, ok, conf, meta


def main(DATA, OUT):
    rows = []
    for mode in ("pdf", "png"):
        for path in sorted(glob.glob(os.path.join(OUT, mode, "*.json"))):
            stem = os.path.basename(path)[:-5]
            with open(os.path.join(DATA, stem + ".json"), encoding="utf-8") as fh:
                truth = json.load(fh)
            try:
                with open(path, encoding="utf-8") as fh:
                    res = json.load(fh)
            except json.JSONDecodeError:
                res = {"status": "failed", "data": {}}
            got, want, ok, conf, meta = score_one(truth, res)
            for f in FIELDS:
                rows.append(dict(mode=mode, file=stem, field=f, ok=float(ok[f]), got=got[f], want=want[f],
                                 confidence=conf.get(f), **meta, **{"f_" + k: v for k, v in truth["features"].items()}))
    with open(os.path.join(OUT, "scores.csv"), "w", newline="", encoding="utf-8") as fh:
        names = list(dict.fromkeys(k for r in rows for k in r))  # features differ between invoices
        w = csv.DictWriter(fh, fieldnames=names, restval="")
        w.writeheader()
        w.writerows(rows)
    # summary
    print(f"{'field':16s} " + " ".join(f"{m:>14s}" for m in ("pdf", "png")))
    for f in FIELDS:
        cells = []
        for m in ("pdf", "png"):
            rs = [r for r in rows if r["mode"] == m and r["field"] == f]
            cells.append(f"{sum(r['ok'] for r in rs) / max(1, len(rs)):7.1%} (n={len(rs)})")
        print(f"{f:16s} " + " ".join(f"{c:>14s}" for c in cells))
    for m in ("pdf", "png"):
        docs = {r["file"]: r for r in rows if r["mode"] == m}
        allok = {d for d in docs if all(r["ok"] == 1 for r in rows if r["mode"] == m and r["file"] == d
                                       and r["field"] in ("invoice_number", "date", "issuer", "total", "currency", "items_count", "items_amounts"))}
        flagged = sum(1 for r in docs.values() if r["needs_review"])
        wrong = [r for r in rows if r["mode"] == m and r["ok"] < 1 and r["field"] in ("invoice_number", "date", "issuer", "total", "currency", "items_count")]
        unfl = [r for r in wrong if not r["needs_review"]]
        print(f"\n[{m}] docs={len(docs)} all-fields-right={len(allok)} needs_review={flagged} "
              f"(of which all-right={sum(1 for d in allok if docs[d]['needs_review'])}); "
              f"wrong header/count fields={len(wrong)}, left unflagged={len(unfl)}; "
              f"split into >1 document: {sum(1 for r in docs.values() if r['n_docs'] > 1)}")
    print("\nwrong fields (mode file field: got | want | conf | needs_review):")
    for r in rows:
        if r["ok"] < 1 and r["field"] != "items_exact":
            print(f"  {r['mode']} {r['file']} {r['field']}: {r['got']!r} | {r['want']!r} | {r['confidence']} | {r['needs_review']}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
