#!/usr/bin/env python3
"""Validate the invoice set written by gen.py (set 4).

usage: python check.py [N] [SEEDS...]        (defaults: 40, seeds 1 2 3 4 5)

For every seed it regenerates the set into a temporary directory and checks every truth file:
  * keys exactly as score.py reads them (+ "documents" for the two-invoice archetype), types, ISO dates
  * archetype balance (each archetype gets n/10)
  * arithmetic: sum(item amounts) == subtotal (or == total where features.items_sum == "total"),
    subtotal + sum(features.charges) + tax == total, quantity x unit_price == amount per line
  * every truth string is printed in the PDF text layer (pymupdf get_text) in some form:
    invoice number, issuer, customer, the printed date string (which must parse back to
    invoice_date), all amounts/quantities/prices as numbers in any of the used number formats,
    descriptions as word sequences, the currency as code or symbol (and no currency at all when
    the truth currency is "")
  * one PNG per page, at 150 dpi
It also regenerates the first seed a second time and compares the outputs byte for byte.
"""
import glob
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation

import pymupdf
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

KEYS = {"invoice_number", "invoice_date", "issuer", "customer", "total", "subtotal", "tax", "currency", "items", "features"}
ITEM_KEYS = {"description", "quantity", "unit_price", "amount"}
D = Decimal

# ---------------------------------------------------------------- independent date parser
_MONTHS = """
january february march april may june july august september october november december
januar februar märz april mai juni juli august september oktober november dezember
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
januari februari maart april mei juni juli augustus september oktober november december
janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
ledna února března dubna května června července srpna září října listopadu prosince
tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta
januar februar mars april mai juni juli august september oktober november desember
január február március április május június július augusztus szeptember október november december
ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie
"""
MONTH_FULL = {}
for row in _MONTHS.strip().splitlines():
    for k, name in enumerate(row.split()):
        MONTH_FULL.setdefault(name, k + 1)
MONTH_EXTRA = {"mrt": 3, "sept": 9}


def month_of(tok):
    t = tok.lower().strip(".,")
    if t in MONTH_FULL:
        return MONTH_FULL[t]
    if t in MONTH_EXTRA:
        return MONTH_EXTRA[t]
    if len(t) >= 3:
        hits = Counter(m for name, m in MONTH_FULL.items() if name.startswith(t))
        if hits:  # "mar" is March in six languages and the start of Finnish "marraskuuta": majority wins
            return hits.most_common(1)[0][0]
    return None


def parse_date(s, style):
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.", s)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})[./-]\s?(\d{1,2})[./-]\s?(\d{2}|\d{4})", s)
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        y = y + 2000 if y < 100 else y
        return date(y, a, b) if style.startswith("mdy") else date(y, b, a)
    toks = s.replace(",", " ").split()
    mon = [month_of(t) for t in toks]
    if sum(1 for x in mon if x) != 1:
        return None
    month = next(x for x in mon if x)
    nums = [int(re.sub(r"\D", "", t)) for t, mm in zip(toks, mon) if not mm and re.sub(r"\D", "", t)]
    years = [x for x in nums if x > 1900]
    days = [x for x in nums if 1 <= x <= 31]
    if len(years) != 1 or len(days) != 1:
        return None
    return date(years[0], month, days[0])


# ---------------------------------------------------------------- number harvesting
def _interpretations(tok):
    """all decimal values a printed number token may stand for."""
    out = set()
    t = tok.replace("'", "").replace("’", "")
    if not t:
        return out
    has_dot, has_com = "." in t, "," in t
    cands = []
    if has_dot and has_com:
        dec = "." if t.rfind(".") > t.rfind(",") else ","
        th = "," if dec == "." else "."
        cands.append(t.replace(th, "").replace(dec, "."))
    elif has_com:
        cands += [t.replace(",", "."), t.replace(",", "")]
    elif has_dot:
        cands += [t, t.replace(".", "")]
    else:
        cands.append(t)
    for c in cands:
        if c.count(".") <= 1:
            try:
                out.add(abs(D(c)))
            except InvalidOperation:
                pass
    return out


def numbers_in(text):
    vals = set()
    for m in re.finditer(r"\d[\d.,'’]*", text.replace("\u00a0", " ").replace("\u202f", " ")):
        pass
    t = text.replace("\u00a0", " ").replace("\u202f", " ")
    for line in t.splitlines():
        toks = re.findall(r"\d[\d.,'’]*\d|\d", line)
        # space-grouped numbers: join neighbouring tokens separated by single spaces
        spans = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\d[\d.,'’]*\d|\d", line)]
        for i in range(len(spans)):
            vals |= _interpretations(spans[i][2].rstrip(".,"))
            vals |= _interpretations(spans[i][2])
            joined = spans[i][2]
            for j in range(i + 1, min(i + 4, len(spans))):
                if line[spans[j - 1][1]:spans[j][0]] != " ":
                    break
                joined += spans[j][2]
                vals |= _interpretations(joined)
        del toks
    return vals


def norm(s):
    return re.sub(r"\s+", " ", str(s).replace("\u00a0", " ").replace("\u202f", " ")).strip()


def words_seq_found(words, target, max_gap=14):
    tw = norm(target).split(" ")
    n = len(words)
    for start in range(n):
        if words[start] != tw[0]:
            continue
        pos, ok = start, True
        for w in tw[1:]:
            for k in range(pos + 1, min(n, pos + 2 + max_gap)):
                if words[k] == w:
                    pos = k
                    break
            else:
                ok = False
                break
        if ok:
            return True
    return False


CUR_TOKENS = {"EUR": ["€"], "USD": ["$"], "GBP": ["£"], "CHF": [], "CZK": ["Kč"], "NOK": ["kr"], "HUF": ["Ft"], "TRY": ["₺", "TL"], "RON": ["lei"]}
ANY_CUR = re.compile(r"[€$£₺]|\b(EUR|USD|GBP|CHF|CZK|NOK|HUF|TRY|RON|SEK|DKK|PLN|Kč|Ft|lei|kr|TL)\b")


def check_doc(t, text, lang, errs, tag):
    f = t["features"]
    dec = 0 if t["currency"] == "HUF" else 2
    tol = D("0.5") if dec == 0 else D("0.005")
    # ---- structure
    if not (set(t) == KEYS or set(t) == KEYS | {"documents"}):
        errs.append(f"{tag}: keys {sorted(set(t) ^ KEYS)}")
    for k in ("invoice_number", "invoice_date", "issuer", "customer", "total", "subtotal", "tax", "currency"):
        if not isinstance(t[k], str):
            errs.append(f"{tag}: {k} not a string")
    try:
        idate = date.fromisoformat(t["invoice_date"])
    except ValueError:
        errs.append(f"{tag}: invoice_date {t['invoice_date']!r}")
        idate = None
    if not t["items"]:
        errs.append(f"{tag}: no items")
    for it in t["items"]:
        if set(it) != ITEM_KEYS:
            errs.append(f"{tag}: item keys {sorted(it)}")
    # ---- arithmetic
    tot, sub, tax = D(t["total"]), D(t["subtotal"]), D(t["tax"])
    charges = sum((D(v) for v in f.get("charges", {}).values()), D(0))
    s_items = sum((D(it["amount"]) for it in t["items"]), D(0))
    want = sub if f.get("items_sum", "subtotal") == "subtotal" else tot
    if abs(s_items - want) > tol:
        errs.append(f"{tag}: sum(items) {s_items} != {f.get('items_sum')} {want}")
    if abs(sub + charges + tax - tot) > tol:
        errs.append(f"{tag}: subtotal {sub} + charges {charges} + tax {tax} != total {tot}")
    for it in t["items"]:
        if it["quantity"] is not None and it["unit_price"] is not None:
            if abs(D(it["quantity"]) * D(it["unit_price"]) - D(it["amount"])) > tol:
                errs.append(f"{tag}: {it['quantity']} x {it['unit_price']} != {it['amount']}")
    # ---- printed
    ntext = norm(text)
    for k in ("invoice_number", "issuer", "customer"):
        if t[k] and norm(t[k]) not in ntext:
            errs.append(f"{tag}: {k} {t[k]!r} not in text")
    if not t["issuer"]:
        errs.append(f"{tag}: empty issuer")
    dp = f.get("date_printed", "")
    if norm(dp) not in ntext:
        errs.append(f"{tag}: date string {dp!r} not in text")
    pd = parse_date(dp, f.get("date_style", ""))
    if idate and pd != idate:
        errs.append(f"{tag}: date string {dp!r} parses to {pd}, truth {idate}")
    nums = numbers_in(text)
    want_nums = [("total", t["total"]), ("subtotal", t["subtotal"])]
    if f.get("tax_printed", True):
        want_nums.append(("tax", t["tax"]))
    want_nums += [(f"charge {k}", v) for k, v in f.get("charges", {}).items()]
    for it in t["items"]:
        want_nums.append(("amount", it["amount"]))
        for k in ("quantity", "unit_price"):
            if it[k] is not None:
                want_nums.append((k, it[k]))
    for k, v in want_nums:
        if abs(D(v)) not in nums:
            errs.append(f"{tag}: {k} {v} not printed")
    words = ntext.split(" ")
    for it in t["items"]:
        if not words_seq_found(words, it["description"]):
            errs.append(f"{tag}: description {it['description'][:50]!r} not printed")
    cur = t["currency"]
    if cur:
        if not (re.search(r"\b%s\b" % cur, text) or any(s in text for s in CUR_TOKENS[cur])):
            errs.append(f"{tag}: currency {cur} neither as code nor symbol in text")
    else:
        m = ANY_CUR.search(text)
        if m:
            errs.append(f"{tag}: currency '' but {m.group()!r} printed")


def check_dir(outdir, n):
    errs = []
    files = sorted(glob.glob(os.path.join(outdir, "inv*.json")))
    if len(files) != n:
        errs.append(f"{len(files)} truth files, want {n}")
    arch = Counter()
    for jf in files:
        stem = os.path.basename(jf)[:-5]
        lang = stem.split("_", 1)[1]
        with open(jf, encoding="utf-8") as fh:
            t = json.load(fh)
        f = t["features"]
        arch[f["archetype"]] += 1
        pdf = pymupdf.open(os.path.join(outdir, stem + ".pdf"))
        npages = len(pdf)
        if not 1 <= npages <= 3 or npages != f["n_pages"]:
            errs.append(f"{stem}: {npages} pages (features say {f['n_pages']})")
        texts = [p.get_text() for p in pdf]
        if any(len(x.strip()) < 20 for x in texts):
            errs.append(f"{stem}: page without a text layer")
        for k, page in enumerate(pdf):
            png = os.path.join(outdir, f"{stem}_p{k + 1}.png")
            if not os.path.exists(png):
                errs.append(f"{stem}: missing {png}")
                continue
            w, h = Image.open(png).size
            ew, eh = page.rect.width * 150 / 72, page.rect.height * 150 / 72
            if abs(w - ew) > 2 or abs(h - eh) > 2:
                errs.append(f"{stem}: png p{k + 1} is {w}x{h}, want about {ew:.0f}x{eh:.0f}")
        if os.path.exists(os.path.join(outdir, f"{stem}_p{npages + 1}.png")):
            errs.append(f"{stem}: extra png")
        if "documents" in t:
            docs = t["documents"]
            if f["archetype"] != "two_invoices" or len(docs) < 2:
                errs.append(f"{stem}: unexpected documents")
            for k in KEYS - {"features"}:
                if t[k] != docs[0][k]:
                    errs.append(f"{stem}: top-level {k} differs from documents[0]")
            if len({d["invoice_number"] for d in docs}) != len(docs) or len({d["customer"] for d in docs}) != len(docs):
                errs.append(f"{stem}: documents share a number or customer")
            p0 = 0
            for j, (d, np_) in enumerate(zip(docs, f["doc_pages"])):
                check_doc(d, "\n".join(texts[p0:p0 + np_]), lang, errs, f"{stem}[doc{j + 1}]")
                p0 += np_
            if p0 != npages:
                errs.append(f"{stem}: doc_pages {f['doc_pages']} do not add up to {npages}")
        else:
            if f["archetype"] == "two_invoices":
                errs.append(f"{stem}: two_invoices without documents")
            check_doc(t, "\n".join(texts), lang, errs, stem)
    if n % 10 == 0 and set(arch.values()) != {n // 10}:
        errs.append(f"archetype counts {dict(arch)}")
    return errs, arch


def digest(outdir):
    h = hashlib.sha256()
    for p in sorted(glob.glob(os.path.join(outdir, "*"))):
        if p.endswith(".pdf"):
            continue  # PDF bytes may embed ids; content is covered by the JSON + PNG hashes
        h.update(os.path.basename(p).encode())
        with open(p, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()


def main(n=40, seeds=(1, 2, 3, 4, 5)):
    total_errs = 0
    tmp = tempfile.mkdtemp(prefix="indep4_check_")
    stats = Counter()
    for seed in seeds:
        out = os.path.join(tmp, f"s{seed}")
        gen.main(n, seed, out)
        errs, arch = check_dir(out, n)
        for jf in glob.glob(os.path.join(out, "*.json")):
            with open(jf, encoding="utf-8") as fh:
                t = json.load(fh)
            stats["pages=%d" % t["features"]["n_pages"]] += 1
            stats["scanned"] += bool(t["features"]["scanned"])
            stats["currency_none"] += t["currency"] == ""
            stats["lang_" + t["features"]["language"]] += 1
        print(f"seed {seed}: {n} invoices, {len(errs)} problems; archetypes {dict(sorted(arch.items()))}")
        for e in errs[:60]:
            print("   ", e)
        total_errs += len(errs)
    out2 = os.path.join(tmp, "again")
    gen.main(n, seeds[0], out2)
    same = digest(out2) == digest(os.path.join(tmp, f"s{seeds[0]}"))
    print(f"deterministic (seed {seeds[0]} regenerated, JSON+PNG bytes identical): {same}")
    print("stats:", dict(sorted(stats.items())))
    ok = total_errs == 0 and same
    print("CHECK PASSED" if ok else f"CHECK FAILED ({total_errs} problems)")
    return ok


if __name__ == "__main__":
    a = sys.argv[1:]
    sys.exit(0 if main(int(a[0]) if a else 40, tuple(int(x) for x in a[1:]) or (1, 2, 3, 4, 5)) else 1)
