#!/usr/bin/env python3
"""Eighth independent invoice set: ten archetypes the seven earlier sets did not cover.

usage: python gen.py [N] [SEED] [OUTDIR]      (or gen.main(n, seed, outdir))

For invoice i (1-based) it writes ``invNNN_<lang>.pdf`` (1-3 pages), one PNG per page rendered at 150 dpi
(``invNNN_<lang>_pK.png``; about a third look scanned or photographed: rotation up to 1.4 degrees, blur, noise,
uneven light, JPEG artefacts, grey or tinted paper; the PNGs of image-only PDFs are the scanned pages themselves)
and ``invNNN_<lang>.json`` (the truth). The same seed gives the same files byte for byte (every random choice is
seeded from the seed and the invoice number; PDF metadata, ids and dates are fixed). ``check.py SEED [N]``
regenerates a seed and checks every truth file against its PDF's text layer (for image-only PDFs against the text
drawn before rasterizing). Liberation fonts map space/hyphen to U+00A0/U+00AD in MuPDF's ToUnicode; the generator
rewrites those maps so the text layer says what was typed.

Archetypes (round-robin over a seeded shuffle; fonts DejaVu Sans / Condensed / Serif / Mono and Liberation Sans /
Narrow / Serif / Mono, MuPDF's Droid Sans Fallback for CJK; sizes, margins, A4 / Letter / A5 / landscape, label
wordings, date and number formats, and the positions of parties, meta data and totals vary):

  scanned   image-only PDFs: a generic invoice (EN/DE/FR/ES/NL/IT, 10 countries) rasterized at 150 dpi, degraded
            (rotation, blur, noise, uneven light, tint, JPEG) and embedded as a JPEG page without any text layer;
            some pages turned 90 / 180 / 270 degrees (``features.page_turns``).
  webprint  invoices printed from a shop's web page: browser header (print date and time, page title), footer URL
            and "1/2", site navigation and breadcrumbs, "Invoice #A123" beside "Order #123456789", order date before
            the invoice date, "Sold by" block, SKU column, optional "Amount paid on <order date>", a second page of
            terms.
  email     a printed e-mail (Outlook / Gmail / Thunderbird header: From, Sent/Date, To, Cc, Subject, Attachments; the
            Sent date is days after the invoice date; a body naming the amount and due date) followed by the
            invoice, inline or on page 2.
  export    commercial invoices from CN / JP / DE / US / IT: shipper, consignee, notify party, meta grid (L/C no. and
            date, B/L no. and date, buyer's PO, incoterms, vessel, ports), marks & numbers, HS code and origin per
            line, quantities with units, TOTAL FOB + ocean freight (+ insurance) = TOTAL CIF / CFR (or FOB only),
            amount in words, packages, net / gross weights, CBM, container, SWIFT; USD / EUR / CNY / JPY (JPY
            without decimals).
  pharma    Indian pharma distributor tax invoices, A4 landscape, 16-17 columns (Sr, HSN, product, pack, batch,
            expiry, MRP, rate, qty, free qty, disc %, taxable, GST % / CGST / SGST or IGST % / IGST, amount),
            a GST summary by rate, gross / discount / taxable / CGST / SGST / round off / NET AMOUNT, lakh grouping,
            "Rs." or the rupee sign, amount in words (lakh/crore), drug licence numbers, previous outstanding.
  stamps    a generic invoice with a vector logo whose brand word differs from the legal name, a diagonal
            translucent watermark (PAID / COPY / DUPLICATE / BEZAHLT ...), a double-ruled rubber stamp
            (RECEIVED / PAID / EINGANG ...) with its own date, signature lines with a scribble.
  formbook  carbon-copy invoice-book forms (A5, A4, half letter) on tinted paper: printed shop name and labels in a
            colour, red serial "No. 04512", dotted Date / Your Order No. / M/s. lines, a ruled Qty / Particulars /
            Rate / Amount grid with empty rows, Sub Total / VAT @ % / TOTAL boxes; the filled-in values in another
            font and ink colour, slightly rotated and off the lines; dates like 3/7/26.
  kits      Swiss (CHF, 1'234.50, MWST codes A 8.1 % / B 2.6 % / Z 0 %) and Canadian (CAD, G / H / E codes)
            retail invoices: bundles with indented components at 0.00 or without any price, returns with quantity
            -1, free gifts ("FREE" as the price), a tax letter per line and a tax-code summary, cash rounding to
            0.05, the total also in EUR / USD with the rate, cash tendered / change or card.
  rtl_cjk   Hebrew tax invoices (DejaVu, drawn in visual order; ILS as ₪ or ש״ח, VAT 18 %, company no. ח.פ.,
            allocation number, supply date), Japanese qualified invoices (登録番号 T + 13 digits, 10 % / 8 %
            with ※ marks, tax per rate rounded down, JPY, 御中, 請求日 ... 2026年3月5日) and English-Chinese
            bilingual invoices (CNY or USD, VAT 13 % / 6 %, unified social credit code, 价税合计). CJK only where
            MuPDF's built-in CJK font works (it does here; otherwise Hebrew only).
  multi     two or three separate generic invoices back to back in one PDF, one page each: the same issuer with
            consecutive numbers and later dates, or different issuers of one country.

Truth conventions (keys as ``indep_invoices/score.py`` reads them, plus customer, subtotal, tax; the seventh set's
conventions unless noted):

  invoice_number  as printed, without its label or "#" / "No." ("Invoice #A59817" -> "A59817"; formbook serial
                  "No. 004512" -> "004512", leading zeros kept; Japanese "No. 123456" -> "123456"). Not it: order
                  numbers (webprint "Order #"), e-mail subjects' other references, PO / L/C / B/L / contract /
                  container numbers, register / receipt numbers (kits), Israeli allocation numbers, registration
                  numbers (T...), stamp refs, customer numbers.
  invoice_date    the issue date, ISO. Not it: print date / time (webprint header), order date, e-mail Sent date,
                  rubber-stamp date, L/C and B/L dates, supply / delivery / due dates.
  issuer          the seller's legal name as printed (not the logo's brand word, not the shop's web name, not the
                  e-mail sender's person); export: the shipper; Hebrew / Japanese / Chinese names in their script
                  (bilingual invoices: the Chinese name; the English one in ``features.issuer_english``).
  customer        the buyer's name (consignee on export invoices; M/s. line on formbooks).
  total           the grand total: CIF / CFR total on export invoices (FOB total where the term is FOB); NET AMOUNT
                  after round-off on pharma invoices; the 0.05-rounded total in the first currency on kits (the
                  second-currency total is not it); the total of the first invoice on multi.
  subtotal, tax   subtotal = sum of the item amounts; tax = taxes added on top (CGST + SGST or IGST, VAT / MWST per
                  code, 消費税 per rate). ``features.charges`` = freight + insurance (export), round-off (pharma),
                  cash rounding (kits), shipping and negative discounts (generic), so subtotal + charges + tax == total.
  currency        ISO 4217: ILS for ₪ / ש״ח, JPY for ¥ on Japanese invoices, CNY for ¥ on Chinese ones, INR for Rs. / ₹,
                  ZAR for R, the country's dollar for $.
  items           printed order. export: goods lines (FOB amounts); pharma: amount = the taxable value after the
                  line discount (the Amount column incl. GST is not it), quantity = billed qty (free qty not
                  included), unit_price = Rate (not MRP), ``features.line_discounts``; kits: bundle rows, components
                  printed with 0.00 (quantity, unit_price 0, amount 0), returns (quantity -1, amount negative), free
                  gifts (unit_price null, amount 0); components without any price are not items. Japanese ※ marks
                  and tax-rate cells are not part of the description. multi: the truth's ``documents`` lists every
                  invoice in order (each with all keys); the top-level keys are the first invoice's.
  features        archetype, variant, country, lang, date_fmt and date_printed (the issue date as printed), num_style,
                  font, body_font_size, left_margin, page, charges, pages, png_look / png_rotation, image_only and
                  page_turns (scanned), watermark / stamp_date / brand_word (stamps), order_number / order_date /
                  print_stamp / url (webprint), sent (email), incoterm / fob / freight / insurance / lc_date / bl_date
                  (export), round_off / rupee_sign / columns / free_qty (pharma), cash_rounding / second_currency /
                  tax_codes (kits), registration_number / allocation_number / issuer_english (rtl_cjk), n_documents
                  (multi).
"""

import io
import json
import math
import os
import random
import re
import sys
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

FONTDIR = "/usr/share/fonts/truetype/"
FAMILIES = {
    "DejaVuSans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "DejaVuSansCondensed": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "DejaVuSerif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "DejaVuSansMono": ("dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf"),
    "LiberationSans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "LiberationSerif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    "LiberationMono": ("liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf"),
    "LiberationSansNarrow": ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf"),
}
PROPORTIONAL = ["DejaVuSans", "DejaVuSansCondensed", "DejaVuSerif", "LiberationSans", "LiberationSerif", "LiberationSansNarrow"]
A4, LETTER = (595.0, 842.0), (612.0, 792.0)
_FONTOBJ = {}


def _cjk_ok():
    try:
        f = pymupdf.Font("japan")
        return f.has_glyph(ord("請")) > 0 and f.has_glyph(ord("发")) > 0
    except Exception:
        return False


CJK_OK = _cjk_ok()
D2 = Decimal("0.01")


def q2(x, places=2):
    return Decimal(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fontobj(key):
    if key not in _FONTOBJ:
        if key == "cjk":
            _FONTOBJ[key] = pymupdf.Font("japan")
        else:
            fam, b = key.rsplit(":", 1)
            _FONTOBJ[key] = pymupdf.Font(fontfile=FONTDIR + FAMILIES[fam][int(b)])
    return _FONTOBJ[key]


# ----------------------------------------------------------------------------------------------------------
# hebrew: visual order for drawing (mupdf's text extraction gives the logical order back)
def is_heb(ch):
    return "\u0590" <= ch <= "\u05ff"


def visual(s):
    if not any(is_heb(c) for c in s):
        return s
    toks = s.split(" ")
    runs = []
    for t in toks:
        h = any(is_heb(c) for c in t)
        if runs and runs[-1][0] == h:
            runs[-1][1].append(t)
        else:
            runs.append([h, [t]])
    out = []
    for h, ts in reversed(runs):
        txt = " ".join(ts)
        out.append(txt[::-1] if h else txt)
    return " ".join(out)


# ----------------------------------------------------------------------------------------------------------
class Canvas:
    """A PDF under construction; every string drawn is logged (check.py uses it for image-only PDFs)."""

    def __init__(self, family="DejaVuSans", size=A4):
        self.pdf = pymupdf.open()
        self.family = family
        self.size = size
        self.page = None
        self.log = []
        self.pages = []

    def new_page(self, size=None):
        w, h = size or self.size
        self.page = self.pdf.new_page(width=w, height=h)
        self.pages.append(self.page)
        self.w, self.h = w, h
        self._fonts = set()
        return self.page

    def _font(self, family, bold, s):
        fam = family or self.family
        if any(ord(c) > 0x2e7f for c in s) and any(0x3000 <= ord(c) <= 0x9fff or 0xff00 <= ord(c) <= 0xffef for c in s):
            key = "cjk"
        else:
            key = f"{fam}:{1 if bold else 0}"
        name = "F" + str(abs(hash(key)) % 10 ** 8) if False else "F" + "".join(ch for ch in key if ch.isalnum())
        if name not in self._fonts:
            if key == "cjk":
                self.page.insert_font(fontname=name, fontbuffer=fontobj("cjk").buffer)
            else:
                fam2, b = key.rsplit(":", 1)
                self.page.insert_font(fontname=name, fontfile=FONTDIR + FAMILIES[fam2][int(b)])
            self._fonts.add(name)
        return name, fontobj(key)

    def tlen(self, s, size=9, bold=False, family=None):
        _, f = self._font(family, bold, s)
        return f.text_length(s, fontsize=size)

    def text(self, x, y, s, size=9, bold=False, family=None, align="l", color=(0, 0, 0), rotate=0, log=True, morph=None):
        s = str(s)
        if not s:
            return 0
        if log:
            self.log.append(s)
        vs = visual(s)
        name, f = self._font(family, bold, vs)
        w = f.text_length(vs, fontsize=size)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        kw = {}
        if morph is not None:
            kw["morph"] = morph
        self.page.insert_text((x, y), vs, fontname=name, fontsize=size, color=color, rotate=rotate, **kw)
        return w

    def wrap(self, s, width, size=9, bold=False, family=None):
        words, lines, cur = str(s).split(), [], ""
        for wd in words:
            t = (cur + " " + wd).strip()
            if cur and self.tlen(t, size, bold, family) > width:
                lines.append(cur)
                cur = wd
            else:
                cur = t
        if cur:
            lines.append(cur)
        return lines or [""]

    def line(self, x0, y0, x1, y1, width=0.6, color=(0, 0, 0), dashes=None):
        self.page.draw_line((x0, y0), (x1, y1), color=color, width=width, dashes=dashes)

    def rect(self, x0, y0, x1, y1, width=0.6, color=(0, 0, 0), fill=None):
        self.page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=color, fill=fill, width=width)

    def tobytes(self):
        self.pdf.set_metadata({"producer": "indep_invoices8", "creator": "indep_invoices8", "title": "",
                               "author": "", "subject": "", "keywords": "",
                               "creationDate": "D:20270101000000Z", "modDate": "D:20270101000000Z"})
        fix_tounicode(self.pdf)
        return self.pdf.tobytes(garbage=3, deflate=True, no_new_id=True)


def fix_tounicode(doc):
    """Liberation fonts share one glyph for space / no-break space and hyphen / soft hyphen (and the middle dot);
    the ToUnicode map would send them to U+00A0 / U+00AD / U+2219: map them to what was typed (single-glyph
    entries only; ranges are left alone)."""
    fix = {b"00a0": b"0020", b"00ad": b"002d", b"2219": b"00b7"}
    pat = re.compile(rb"(beginbfchar)(.*?)(endbfchar)", re.S)
    ent = re.compile(rb"(<[0-9a-fA-F]+>\s*<)([0-9a-fA-F]{4})(>)")

    def sub_block(mo):
        body = ent.sub(lambda e: e.group(1) + fix.get(e.group(2).lower(), e.group(2)) + e.group(3), mo.group(2))
        return mo.group(1) + body + mo.group(3)

    for x in range(1, doc.xref_length()):
        if doc.xref_is_stream(x):
            s = doc.xref_stream(x)
            if s and b"begincmap" in s:
                s2 = pat.sub(sub_block, s)
                if s2 != s:
                    doc.update_stream(x, s2)


# ----------------------------------------------------------------------------------------------------------
# money, numbers and dates
def fmt_num(v, style="en", places=2):
    v = Decimal(v)
    neg = v < 0
    s = f"{abs(v):.{places}f}"
    ip, _, fp = s.partition(".")
    if style == "lakh" and len(ip) > 3:
        head, tail = ip[:-3], ip[-3:]
        grp = []
        while len(head) > 2:
            grp.insert(0, head[-2:])
            head = head[:-2]
        if head:
            grp.insert(0, head)
        ip = ",".join(grp) + "," + tail
    else:
        sep = {"en": ",", "de": ".", "fr": " ", "sp": " ", "ch": "'", "plain": "", "lakh": ","}[style]
        g = []
        while len(ip) > 3:
            g.insert(0, ip[-3:])
            ip = ip[:-3]
        g.insert(0, ip)
        ip = sep.join(g)
    dec = "," if style in ("de", "fr", "sp") else "."
    out = ip + (dec + fp if places else "")
    return ("-" if neg else "") + out


def dq(v):
    """Decimal -> JSON number"""
    v = Decimal(v)
    if v == v.to_integral_value():
        return int(v)
    return float(v)


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
}


def fmt_date(d, fmt, lang="en"):
    m = MONTHS.get(lang, MONTHS["en"])
    if fmt == "iso":
        return d.isoformat()
    if fmt == "dmy/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if fmt == "mdy/":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if fmt == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if fmt == "dmy-":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if fmt == "d_month_y":
        return f"{d.day} {m[d.month - 1]} {d.year}" if lang != "de" else f"{d.day}. {m[d.month - 1]} {d.year}"
    if fmt == "month_d_y":
        return f"{m[d.month - 1]} {d.day}, {d.year}"
    if fmt == "mon_d_y":
        return f"{MONTHS['en'][d.month - 1][:3]} {d.day}, {d.year}"
    if fmt == "d-mon-y":
        return f"{d.day:02d}-{MONTHS['en'][d.month - 1][:3]}-{d.year}"
    if fmt == "d-MON-yy":
        return f"{d.day:02d}-{MONTHS['en'][d.month - 1][:3].upper()}-{d.year % 100:02d}"
    if fmt == "ymd/":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if fmt == "jp":
        return f"{d.year}年{d.month}月{d.day}日"
    if fmt == "ymd.":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    raise ValueError(fmt)


DATE_FMTS = {
    "en": ["dmy/", "mdy/", "d_month_y", "month_d_y", "mon_d_y", "d-mon-y", "iso"],
    "us": ["mdy/", "month_d_y", "mon_d_y", "iso"],
    "de": ["dmy.", "d_month_y", "iso"],
    "fr": ["dmy/", "d_month_y"],
    "es": ["dmy/", "d_month_y", "dmy-"],
    "nl": ["dmy-", "d_month_y", "dmy."],
    "it": ["dmy/", "d_month_y", "dmy."],
}


def rand_date(rng, lo=date(2026, 1, 5), hi=date(2026, 12, 28)):
    return lo + timedelta(days=rng.randrange((hi - lo).days))


# ----------------------------------------------------------------------------------------------------------
# scanned look
def scan_look(img, nrng, rng, strength=1.0, rot=None):
    """img: PIL RGB. Returns (img, info)."""
    info = {}
    w, h = img.size
    ang = rot if rot is not None else rng.uniform(-1.4, 1.4) * strength
    info["rotation"] = round(ang, 2)
    tint = rng.choice([(255, 255, 255), (250, 246, 232), (244, 240, 226), (236, 236, 236), (248, 241, 214), (235, 242, 246)])
    info["paper"] = "#%02x%02x%02x" % tint
    img = img.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    a = np.asarray(img).astype(np.float32)
    a = a / 255.0 * (np.array(tint, np.float32) / 255.0) * 255.0
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    r = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(w, h)
    light = 1.0 - rng.uniform(0.05, 0.22) * strength * r
    a = a * light[..., None]
    a = a + nrng.normal(0, rng.uniform(3, 9) * strength, a.shape[:2])[..., None]
    a = np.clip(a, 0, 255).astype(np.uint8)
    img = Image.fromarray(a, "RGB")
    br = rng.uniform(0.3, 0.9) * strength
    img = img.filter(ImageFilter.GaussianBlur(br))
    info["blur"] = round(br, 2)
    qual = rng.randrange(35, 80)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=qual)
    img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    info["jpeg_quality"] = qual
    return img, info


def png_bytes(img):
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


# ----------------------------------------------------------------------------------------------------------
# names, places, products
SURN = ["Harrington", "Okafor", "Lindqvist", "Moreau", "Castellanos", "Brennan", "Whitfield", "Novak", "Albrecht", "Fontaine",
        "Marchetti", "Van Dijk", "Kowalski", "Sørensen", "Delgado", "Ashworth", "Kerrigan", "Hollis", "Prescott", "Thornbury"]
FIRST = ["Emma", "Liam", "Sofia", "Noah", "Mia", "Lukas", "Chloé", "Mateo", "Giulia", "Daan", "Aoife", "Oliver", "Hannah", "Ravi", "Zara"]
STEMS = ["Northwind", "Bluegate", "Cedarline", "Ironbridge", "Silverfern", "Harbourview", "Redstone", "Kestrel", "Meridian",
         "Oakhurst", "Brightwater", "Falconer", "Granite Peak", "Lakeside", "Summit Ridge", "Copperleaf", "Westbrook", "Highmoor",
         "Alder & Finch", "Marlowe", "Juniper", "Stonebridge", "Trident", "Quayside", "Elmstead", "Larkspur"]
TRADES = ["Supplies", "Trading", "Logistics", "Engineering", "Components", "Office Solutions", "Foods", "Electrical",
          "Packaging", "Interiors", "Systems", "Hardware", "Textiles", "Medical", "Print & Design"]

COUNTRIES = {
    "US": dict(lang="en", cur="USD", sym="$", style="en", dates="us", tax=[("Sales Tax", "7.25"), ("Sales Tax", "8.875"), ("Sales Tax", "6.5")],
               suf=["Inc.", "LLC", "Corp.", "Co."], cities=[("Austin, TX 78701", "Congress Ave"), ("Columbus, OH 43215", "High Street"),
                                                            ("Denver, CO 80202", "Larimer St"), ("Portland, OR 97204", "SW Morrison St")],
               taxid=lambda r: f"EIN {r.randrange(10, 99)}-{r.randrange(1000000, 9999999)}", country_name="USA", size=LETTER),
    "GB": dict(lang="en", cur="GBP", sym="£", style="en", dates="en", tax=[("VAT", "20")], suf=["Ltd", "Limited", "LLP", "plc"],
               cities=[("Leeds LS1 4DY", "Park Row"), ("Bristol BS1 5TR", "Queen Square"), ("Manchester M2 3AW", "King Street"),
                       ("Reading RG1 1AZ", "Friar Street")], taxid=lambda r: f"VAT Reg. No. GB {r.randrange(100, 999)} {r.randrange(1000, 9999)} {r.randrange(10, 99)}",
               country_name="United Kingdom", size=A4),
    "IE": dict(lang="en", cur="EUR", sym="€", style="en", dates="en", tax=[("VAT", "23")], suf=["Ltd", "Limited", "DAC"],
               cities=[("Dublin D02 X285", "Baggot Street"), ("Cork T12 W8KY", "Oliver Plunkett St")],
               taxid=lambda r: f"VAT No. IE{r.randrange(1000000, 9999999)}{r.choice('ABCDEFGHW')}", country_name="Ireland", size=A4),
    "DE": dict(lang="de", cur="EUR", sym="€", style="de", dates="de", tax=[("MwSt.", "19"), ("USt.", "19")], suf=["GmbH", "GmbH & Co. KG", "AG", "KG"],
               cities=[("80331 München", "Sendlinger Straße"), ("50667 Köln", "Hohe Straße"), ("20095 Hamburg", "Mönckebergstraße"),
                       ("70173 Stuttgart", "Königstraße")], taxid=lambda r: f"USt-IdNr. DE{r.randrange(100000000, 999999999)}",
               country_name="Deutschland", size=A4),
    "FR": dict(lang="fr", cur="EUR", sym="€", style="fr", dates="fr", tax=[("TVA", "20")], suf=["SARL", "SAS", "SA", "EURL"],
               cities=[("69002 Lyon", "rue de la République"), ("33000 Bordeaux", "cours de l'Intendance"), ("44000 Nantes", "rue Crébillon")],
               taxid=lambda r: f"N° TVA FR{r.randrange(10, 99)}{r.randrange(100000000, 999999999)}", country_name="France", size=A4),
    "ES": dict(lang="es", cur="EUR", sym="€", style="de", dates="es", tax=[("IVA", "21")], suf=["S.L.", "S.A.", "S.L.U."],
               cities=[("28013 Madrid", "Calle Mayor"), ("46002 Valencia", "Calle de la Paz"), ("41001 Sevilla", "Calle Sierpes")],
               taxid=lambda r: f"CIF B{r.randrange(10000000, 99999999)}", country_name="España", size=A4),
    "NL": dict(lang="nl", cur="EUR", sym="€", style="de", dates="nl", tax=[("BTW", "21")], suf=["B.V.", "V.O.F.", "N.V."],
               cities=[("3511 AB Utrecht", "Oudegracht"), ("1012 JS Amsterdam", "Damrak"), ("2511 CV Den Haag", "Spui")],
               taxid=lambda r: f"BTW-nr NL{r.randrange(100000000, 999999999)}B01", country_name="Nederland", size=A4),
    "IT": dict(lang="it", cur="EUR", sym="€", style="de", dates="it", tax=[("IVA", "22")], suf=["S.r.l.", "S.p.A.", "S.n.c."],
               cities=[("20121 Milano", "Via Manzoni"), ("40123 Bologna", "Via dell'Indipendenza"), ("10121 Torino", "Via Roma")],
               taxid=lambda r: f"P.IVA IT{r.randrange(10000000000, 99999999999)}", country_name="Italia", size=A4),
    "AU": dict(lang="en", cur="AUD", sym="$", style="en", dates="en", tax=[("GST", "10")], suf=["Pty Ltd", "Pty. Ltd."],
               cities=[("Brisbane QLD 4000", "Adelaide Street"), ("Melbourne VIC 3000", "Flinders Lane")],
               taxid=lambda r: f"ABN {r.randrange(10, 99)} {r.randrange(100, 999)} {r.randrange(100, 999)} {r.randrange(100, 999)}",
               country_name="Australia", size=A4),
    "CA": dict(lang="en", cur="CAD", sym="$", style="en", dates="en", tax=[("GST", "5"), ("HST", "13")], suf=["Inc.", "Ltd.", "Corp."],
               cities=[("Calgary AB T2P 1J9", "Stephen Ave SW"), ("Toronto ON M5H 2N2", "Bay Street")],
               taxid=lambda r: f"GST/HST No. {r.randrange(100000000, 999999999)} RT0001", country_name="Canada", size=LETTER),
}

PRODUCTS = {
    "office": [("A4 copier paper 80 g, box of 5 reams", "24.90"), ("Toner cartridge black TN-2420", "68.50"),
               ("Ergonomic office chair, mesh back", "219.00"), ("Whiteboard markers, assorted (pack of 12)", "11.40"),
               ("Lever arch files A4, 75 mm", "3.85"), ("Desk lamp LED with USB port", "42.00"), ("Monitor arm, dual, gas spring", "129.00"),
               ("Shredder P-4 cross cut 20 l", "154.00"), ("Label tape 12 mm black on white", "17.60"), ("Stapler heavy duty 100 sheets", "36.90")],
    "it": [("Laptop docking station USB-C", "189.00"), ("27\" IPS monitor QHD", "299.00"), ("Wireless keyboard and mouse set", "54.90"),
           ("Network switch 24-port gigabit", "349.00"), ("Cat6 patch cable 2 m", "4.20"), ("SSD 1 TB NVMe", "89.90"),
           ("On-site installation (per hour)", "95.00"), ("Annual support contract", "780.00"), ("UPS 1500 VA line interactive", "412.00")],
    "services": [("Consulting services - process review", "125.00"), ("Website maintenance, monthly", "450.00"),
                 ("Design of brochure, 8 pages", "1200.00"), ("Translation EN>DE, per 100 words", "14.00"),
                 ("Photography session, half day", "640.00"), ("Project management (hours)", "85.00"), ("Travel expenses, flat rate", "180.00")],
    "food": [("Espresso beans, 1 kg bag", "21.50"), ("Organic oat milk 1 l (case of 12)", "26.40"), ("Cane sugar sticks (1000)", "18.90"),
             ("Paper cups 8 oz (sleeve of 50)", "6.75"), ("Assorted biscuits 2 kg tin", "32.00"), ("Green tea, 100 bags", "9.80")],
    "hardware": [("Hex bolts M8 x 40, zinc (box 100)", "14.60"), ("Cordless drill 18 V with 2 batteries", "189.00"),
                 ("Safety gloves size 9 (10 pairs)", "23.50"), ("Extension cable 25 m reel", "48.00"), ("Wood screws 4 x 50 (500)", "12.30"),
                 ("Spirit level 120 cm", "39.90"), ("Work light LED 30 W", "56.00")],
}

LABELS = {
    "en": dict(invoice="INVOICE", number="Invoice No.", date="Invoice Date", due="Due Date", bill="Bill To", ship="Ship To",
               desc="Description", qty="Qty", unit="Unit Price", amount="Amount", subtotal="Subtotal", total="Total",
               shipping="Shipping", discount="Discount", cust="Customer No.", po="PO Number", page="Page", terms="Payment terms: 30 days net",
               bank="Bank", thanks="Thank you for your business.", delivery="Delivery Date", order="Order No."),
    "de": dict(invoice="RECHNUNG", number="Rechnungsnummer", date="Rechnungsdatum", due="Fällig am", bill="Rechnungsempfänger", ship="Lieferadresse",
               desc="Bezeichnung", qty="Menge", unit="Einzelpreis", amount="Betrag", subtotal="Zwischensumme", total="Gesamtbetrag",
               shipping="Versandkosten", discount="Rabatt", cust="Kundennummer", po="Bestellnummer", page="Seite", terms="Zahlbar innerhalb 14 Tagen ohne Abzug",
               bank="Bankverbindung", thanks="Vielen Dank für Ihren Auftrag.", delivery="Lieferdatum", order="Auftragsnummer"),
    "fr": dict(invoice="FACTURE", number="Facture n°", date="Date de facture", due="Échéance", bill="Facturé à", ship="Livré à",
               desc="Désignation", qty="Qté", unit="Prix unitaire HT", amount="Montant HT", subtotal="Total HT", total="Total TTC",
               shipping="Frais de port", discount="Remise", cust="N° client", po="Bon de commande", page="Page", terms="Paiement à 30 jours",
               bank="Banque", thanks="Merci de votre confiance.", delivery="Date de livraison", order="N° de commande"),
    "es": dict(invoice="FACTURA", number="Nº factura", date="Fecha de factura", due="Vencimiento", bill="Cliente", ship="Enviar a",
               desc="Concepto", qty="Cant.", unit="Precio", amount="Importe", subtotal="Base imponible", total="Total factura",
               shipping="Portes", discount="Descuento", cust="Nº cliente", po="Pedido", page="Página", terms="Forma de pago: transferencia 30 días",
               bank="Banco", thanks="Gracias por su confianza.", delivery="Fecha de entrega", order="Nº pedido"),
    "nl": dict(invoice="FACTUUR", number="Factuurnummer", date="Factuurdatum", due="Vervaldatum", bill="Factuuradres", ship="Afleveradres",
               desc="Omschrijving", qty="Aantal", unit="Prijs", amount="Bedrag", subtotal="Subtotaal", total="Totaal",
               shipping="Verzendkosten", discount="Korting", cust="Klantnummer", po="Inkoopordernummer", page="Pagina", terms="Betaling binnen 30 dagen",
               bank="Bank", thanks="Bedankt voor uw bestelling.", delivery="Leverdatum", order="Ordernummer"),
    "it": dict(invoice="FATTURA", number="Fattura n.", date="Data fattura", due="Scadenza", bill="Spett.le", ship="Destinazione merce",
               desc="Descrizione", qty="Q.tà", unit="Prezzo unit.", amount="Importo", subtotal="Imponibile", total="Totale documento",
               shipping="Spese di trasporto", discount="Sconto", cust="Cod. cliente", po="Rif. ordine", page="Pagina", terms="Pagamento: bonifico 30 gg d.f.",
               bank="Banca", thanks="Grazie per la preferenza.", delivery="Data consegna", order="N. ordine"),
}


def company(rng, cc):
    c = COUNTRIES[cc]
    stem = rng.choice(STEMS)
    if rng.random() < 0.25:
        stem = rng.choice(SURN) + (" & " + rng.choice(SURN) if rng.random() < 0.4 else "")
    name = f"{stem} {rng.choice(TRADES)} {rng.choice(c['suf'])}"
    city, street = rng.choice(c["cities"])
    num = rng.randrange(1, 240)
    st = f"{num} {street}" if c["lang"] == "en" else (f"{street} {num}" if c["lang"] in ("de", "nl", "it") else f"{num} {street}")
    if c["lang"] == "es":
        st = f"{street}, {num}"
    return dict(name=name, brand=stem.split()[0].upper(), street=st, city=city, country=c["country_name"], taxid=c["taxid"](rng),
                email=f"accounts@{stem.split()[0].lower().replace('&', '')}.{cc.lower() if cc not in ('US',) else 'com'}",
                phone=f"+{rng.randrange(10, 99)} {rng.randrange(100, 999)} {rng.randrange(100000, 999999)}")


def person_or_company(rng, cc):
    if rng.random() < 0.2:
        c = COUNTRIES[cc]
        city, street = rng.choice(c["cities"])
        return dict(name=f"{rng.choice(FIRST)} {rng.choice(SURN)}", street=f"{rng.randrange(1, 99)} {street}", city=city,
                    country=c["country_name"], taxid="", email="", phone="")
    return company(rng, cc)


def make_items(rng, n, cat=None, places=2, qmax=12, scale=Decimal(1)):
    cat = cat or rng.choice(list(PRODUCTS))
    pool = PRODUCTS[cat][:]
    rng.shuffle(pool)
    items = []
    for k in range(n):
        desc, price = pool[k % len(pool)]
        if k >= len(pool):
            desc = desc + f" (batch {k // len(pool) + 1})"
        p = q2(Decimal(price) * scale * Decimal(rng.choice(["0.9", "1", "1", "1.1", "1.25"])), places)
        qty = Decimal(rng.choice([1, 1, 2, 3, 4, 5, 6, 10, 12, 20][: max(3, min(10, qmax))]))
        items.append(dict(description=desc, quantity=qty, unit_price=p, amount=q2(qty * p, places)))
    return items


def truth_doc(number, d, issuer, customer, items, currency, charges=Decimal(0), tax=Decimal(0), places=2, features=None):
    sub = sum((it["amount"] for it in items), Decimal(0))
    total = sub + charges + tax
    return dict(invoice_number=number, invoice_date=d.isoformat(), issuer=issuer, customer=customer,
                total=dq(total), subtotal=dq(sub), tax=dq(tax), currency=currency,
                items=[dict(description=it["description"], quantity=None if it.get("quantity") is None else dq(it["quantity"]),
                            unit_price=None if it.get("unit_price") is None else dq(it["unit_price"]), amount=dq(it["amount"]))
                       for it in items],
                features=dict(features or {}, charges=dq(charges)))


# ----------------------------------------------------------------------------------------------------------
# a generic invoice body (several archetypes wrap it: scanned, webprint, email, stamps, multi)
def money_fn(inv):
    style, places, disp, sym, cur = inv["style"], inv["places"], inv["cur_disp"], inv["sym"], inv["currency"]

    def m(v, sign=True):
        s = fmt_num(v, style, places)
        if not sign or disp == "none":
            return s
        if disp == "code":
            return f"{cur} {s}"
        if disp == "code_after":
            return f"{s} {cur}"
        if disp == "sym_after":
            return f"{s} {sym}"
        return f"{sym}{s}" if sym in ("$", "£", "¥", "₪") and not s.startswith("-") else f"{sym} {s}"
    return m


def draw_logo(cv, rng, x, y, brand, color):
    kind = rng.choice(["circle", "diamond", "bars", "tri"])
    if kind == "circle":
        cv.page.draw_circle((x + 14, y + 14), 13, color=color, fill=color)
        cv.page.draw_circle((x + 14, y + 14), 6, color=(1, 1, 1), fill=(1, 1, 1))
    elif kind == "diamond":
        cv.page.draw_polyline([(x + 14, y), (x + 28, y + 14), (x + 14, y + 28), (x, y + 14), (x + 14, y)], color=color, fill=color)
    elif kind == "bars":
        for k in range(4):
            cv.rect(x + k * 7, y + 28 - 7 * (k + 1), x + k * 7 + 5, y + 28, color=color, fill=color, width=0)
    else:
        cv.page.draw_polyline([(x, y + 28), (x + 14, y), (x + 28, y + 28), (x, y + 28)], color=color, fill=color)
    cv.text(x + 36, y + 22, brand, size=20, bold=True, color=color)
    return kind


def new_inv(rng, cc=None, lang=None, n_items=None, cat=None):
    cc = cc or rng.choice(list(COUNTRIES))
    c = COUNTRIES[cc]
    lang = lang or c["lang"]
    d = rand_date(rng)
    items = make_items(rng, n_items or rng.randrange(2, 9), cat)
    inv = dict(cc=cc, lang=lang, L=LABELS[lang], issuer=company(rng, cc), customer=person_or_company(rng, cc), date=d,
               due=d + timedelta(days=rng.choice([14, 30, 45, 60])), delivery=d - timedelta(days=rng.randrange(1, 9)),
               items=items, currency=c["cur"], sym=c["sym"], style=c["style"], places=2,
               cur_disp=rng.choice(["sym", "code", "sym", "code_after" if c["lang"] != "en" else "sym"]),
               date_fmt=rng.choice(DATE_FMTS[c["dates"]]))
    if c["style"] == "de" and inv["cur_disp"] == "sym" and rng.random() < 0.6:
        inv["cur_disp"] = "sym_after"
    pre = rng.choice(["INV-", "", "RE", "F", "A", "INV/2026/", "", "26-"])
    inv["number"] = pre + str(rng.randrange(1000, 99999)).zfill(rng.choice([4, 5, 6]))
    inv["cust_no"] = str(rng.randrange(10000, 99999))
    inv["po"] = f"PO-{rng.randrange(100000, 999999)}"
    sub = sum(it["amount"] for it in items)
    charges = []
    if rng.random() < 0.35:
        charges.append((inv["L"]["shipping"], q2(Decimal(rng.choice(["4.95", "9.90", "12.50", "25.00", "39.00"])))))
    if rng.random() < 0.2:
        charges.append((inv["L"]["discount"] + " 5%", -q2(sub * Decimal("0.05"))))
    inv["charges"] = charges
    tl, rate = rng.choice(c["tax"])
    base = sub + sum(a for _, a in charges)
    inv["taxes"] = [(f"{tl} {rate}%", q2(base * Decimal(rate) / 100))]
    return inv


def inv_truth(inv, features):
    charges = sum((a for _, a in inv["charges"]), Decimal(0))
    tax = sum((a for _, a in inv["taxes"]), Decimal(0))
    f = dict(country=inv["cc"], lang=inv["lang"], date_fmt=inv["date_fmt"], date_printed=fmt_date(inv["date"], inv["date_fmt"], inv["lang"]),
             num_style=inv["style"], cur_disp=inv["cur_disp"])
    f.update(features)
    return truth_doc(inv["number"], inv["date"], inv["issuer"]["name"], inv["customer"]["name"], inv["items"], inv["currency"],
                     charges, tax, inv["places"], f)


def draw_generic(cv, rng, inv, top=None, knobs=None):
    """Draw a complete invoice starting on the current page at `top`; may add pages. Returns knobs used."""
    k = dict(knobs or {})
    L, m = inv["L"], money_fn(inv)
    fd = lambda d: fmt_date(d, inv["date_fmt"], inv["lang"])  # noqa: E731
    fs = k.setdefault("size", rng.choice([8, 8.5, 9, 9.5, 10]))
    mx = k.setdefault("margin", rng.choice([36, 42, 50, 56, 64]))
    k.setdefault("issuer_pos", rng.choice(["left", "right", "center"]))
    k.setdefault("logo", rng.random() < 0.3)
    k.setdefault("qty_first", rng.random() < 0.25)
    k.setdefault("meta", rng.choice(["right", "grid", "under_title"]))
    accent = k.setdefault("accent", rng.choice([(0, 0, 0), (0.1, 0.25, 0.5), (0.45, 0.1, 0.1), (0.1, 0.4, 0.3)]))
    W = cv.w
    y = top if top is not None else mx
    iss, cus = inv["issuer"], inv["customer"]
    # issuer
    y0 = y
    if k["logo"]:
        k["logo_kind"] = draw_logo(cv, rng, mx if k["issuer_pos"] != "left" else W - mx - 150, y, iss["brand"], accent)
    ilines = [iss["street"], iss["city"], iss["country"], iss["taxid"], iss["phone"]]
    if k["issuer_pos"] == "center":
        yy = y + (40 if k["logo"] else 12)
        cv.text(W / 2, yy, iss["name"], size=fs + 5, bold=True, align="c", color=accent)
        cv.text(W / 2, yy + fs + 4, " · ".join(ilines[:3]), size=fs - 1, align="c")
        cv.text(W / 2, yy + 2 * fs + 6, f"{iss['taxid']} · {iss['phone']}", size=fs - 1, align="c")
        y = yy + 3 * fs + 16
    else:
        x, al = (mx, "l") if k["issuer_pos"] == "left" else (W - mx, "r")
        yy = y + 12
        cv.text(x, yy, iss["name"], size=fs + 4, bold=True, align=al, color=accent)
        for ln in ilines:
            yy += fs + 2.5
            cv.text(x, yy, ln, size=fs - 0.5, align=al)
        y = max(yy, y0 + (34 if k["logo"] else 0)) + 18
    # title + meta
    tx = mx if k["issuer_pos"] != "left" or k["meta"] == "under_title" else mx
    cv.text(tx, y + 10, L["invoice"], size=fs + 9, bold=True, color=accent)
    y += 24
    meta = [(L["number"], inv["number"]), (L["date"], fd(inv["date"])), (L["due"], fd(inv["due"]))]
    traps = [(L["cust"], inv["cust_no"]), (L["po"], inv["po"]), (L["delivery"], fd(inv["delivery"]))]
    rng.shuffle(traps)
    meta += traps[: rng.randrange(1, 4)]
    if k.get("extra_meta"):
        meta += k["extra_meta"]
    yb = y + 4
    # customer block
    cx = mx
    cv.text(cx, yb + fs, L["bill"] + ":", size=fs - 0.5, bold=True)
    cl = [cus["name"], cus["street"], cus["city"], cus["country"]] + ([cus["taxid"]] if cus.get("taxid") else [])
    yc = yb + fs
    for j, ln in enumerate(cl):
        yc += fs + 3
        cv.text(cx, yc, ln, size=fs, bold=(j == 0))
    # meta block
    if k["meta"] == "grid":
        yg = yc + 16
        ncol = min(len(meta), 4)
        cw = (W - 2 * mx) / ncol
        rows = [meta[i:i + ncol] for i in range(0, len(meta), ncol)]
        for row in rows:
            for j, (lab, val) in enumerate(row):
                cv.rect(mx + j * cw, yg, mx + (j + 1) * cw, yg + 2 * fs + 10, width=0.5)
                cv.text(mx + j * cw + 4, yg + fs + 1, lab, size=fs - 1.5, color=(0.3, 0.3, 0.3))
                cv.text(mx + j * cw + 4, yg + 2 * fs + 5, val, size=fs, bold=(j == 0))
            yg += 2 * fs + 10
        y = yg + 14
    else:
        lx = W / 2 + 40 if k["meta"] == "right" else W - mx - 200
        ym = yb + fs
        for lab, val in meta:
            cv.text(lx, ym, lab + ":", size=fs - 0.5)
            cv.text(W - mx, ym, val, size=fs, align="r", bold=(lab == L["number"]))
            ym += fs + 4
        y = max(yc, ym) + 18
    # item table
    cols = [("desc", L["desc"], "l"), ("qty", L["qty"], "r"), ("unit", L["unit"], "r"), ("amount", L["amount"], "r")]
    if k["qty_first"]:
        cols = [cols[1], cols[0], cols[2], cols[3]]
    widths = {"desc": None, "qty": 40, "unit": 75, "amount": 80}
    tw = W - 2 * mx
    widths["desc"] = tw - 195
    if inv["cur_disp"] != "none" and rng.random() < 0.4:
        cols = [(c0, (h + f" ({inv['currency']})" if c0 == "amount" else h), a) for c0, h, a in cols]

    def header(yh):
        x = mx
        cv.rect(mx, yh - fs - 3, W - mx, yh + 4, width=0, color=None, fill=(0.9, 0.9, 0.9) if accent == (0, 0, 0) else tuple(0.85 + 0.15 * c for c in accent))
        for c0, h, a in cols:
            w = widths[c0]
            cv.text(x + (w - 3 if a == "r" else 3), yh, h, size=fs - 0.5, bold=True, align=a)
            x += w
        return yh + fs + 8

    y = header(y)
    pageno = 1
    for it in inv["items"]:
        dl = cv.wrap(it["description"], widths["desc"] - 8, fs)
        need = len(dl) * (fs + 2.5) + 6
        if y + need > cv.h - mx - 40:
            cv.text(W - mx, cv.h - mx / 2, f"{L['page']} {pageno}", size=fs - 2, align="r")
            pageno += 1
            cv.new_page()
            y = mx + 20
            cv.text(mx, y - 6, f"{L['invoice']} {inv['number']}", size=fs - 1)
            y = header(y + 16)
        x = mx
        for c0, h, a in cols:
            w = widths[c0]
            if c0 == "desc":
                for j, dln in enumerate(dl):
                    cv.text(x + 3, y + j * (fs + 2.5), dln, size=fs)
            else:
                val = {"qty": fmt_num(it["quantity"], inv["style"], 0) if it["quantity"] == it["quantity"].to_integral_value() else fmt_num(it["quantity"], inv["style"], 2),
                       "unit": fmt_num(it["unit_price"], inv["style"], inv["places"]),
                       "amount": fmt_num(it["amount"], inv["style"], inv["places"])}[c0]
                cv.text(x + w - 3, y, val, size=fs, align="r")
            x += w
        y += need
        if k.get("row_lines", True):
            cv.line(mx, y - fs - 1, W - mx, y - fs - 1, width=0.3, color=(0.7, 0.7, 0.7))
    # totals
    if y > cv.h - mx - 130:
        cv.text(W - mx, cv.h - mx / 2, f"{L['page']} {pageno}", size=fs - 2, align="r")
        pageno += 1
        cv.new_page()
        y = mx + 20
    y += 8
    sub = sum(it["amount"] for it in inv["items"])
    rows = [(L["subtotal"], sub)] + list(inv["charges"]) + list(inv["taxes"])
    total = sub + sum(a for _, a in inv["charges"]) + sum(a for _, a in inv["taxes"])
    lx = W - mx - 230
    for lab, val in rows:
        cv.text(lx, y, lab, size=fs)
        cv.text(W - mx, y, m(val), size=fs, align="r")
        y += fs + 5
    cv.line(lx, y - fs - 1, W - mx, y - fs - 1, width=0.8)
    y += 3
    cv.text(lx, y, L["total"], size=fs + 2, bold=True)
    cv.text(W - mx, y, m(total), size=fs + 2, bold=True, align="r")
    y += 26
    if y < cv.h - mx - 40:
        cv.text(mx, y, L["terms"] + f" ({L['due']}: {fd(inv['due'])})", size=fs - 1)
        cv.text(mx, y + fs + 3, L["thanks"], size=fs - 1)
        y += 2 * fs + 10
    fy = cv.h - mx / 2 - 10
    cv.line(mx, fy - fs, W - mx, fy - fs, width=0.3)
    iban = "".join(str(rng.randrange(10)) for _ in range(18))
    cv.text(mx, fy, f"{iss['name']} · {L['bank']}: IBAN {inv['cc'] if inv['cc'] not in ('US', 'CA', 'AU') else 'GB'}{iban[:2]} {iban[2:6]} {iban[6:10]} {iban[10:14]} {iban[14:18]}", size=fs - 2.5)
    if pageno > 1:
        cv.text(W - mx, cv.h - mx / 2, f"{L['page']} {pageno}", size=fs - 2, align="r")
    k["pages"] = pageno
    k["y_end"] = y
    return k


# ----------------------------------------------------------------------------------------------------------
# archetypes wrapping the generic body
def pick_family(rng, hebrew=False):
    if hebrew:
        return rng.choice(["DejaVuSans", "DejaVuSansCondensed"])
    return rng.choice(PROPORTIONAL)


def arch_scanned(rng, nrng):
    inv = new_inv(rng, n_items=rng.randrange(2, 8))
    cv = Canvas(pick_family(rng), COUNTRIES[inv["cc"]]["size"] if rng.random() < 0.7 else rng.choice([A4, LETTER]))
    cv.new_page()
    k = draw_generic(cv, rng, inv)
    turns = [rng.choice([0, 0, 0, 0, 90, 180, 270]) for _ in cv.pages]
    t = inv_truth(inv, dict(archetype="scanned", variant="image_only", font=cv.family, body_font_size=k["size"], left_margin=k["margin"],
                            layout=f"{k['issuer_pos']}/{k['meta']}", page=("A4" if cv.w == 595 else "Letter"), page_turns=turns, image_only=True))
    return dict(cv=cv, truth=t, lang=inv["lang"], image_only=True, turns=turns)


def arch_stamps(rng, nrng):
    inv = new_inv(rng)
    cv = Canvas(pick_family(rng), COUNTRIES[inv["cc"]]["size"])
    cv.new_page()
    k = draw_generic(cv, rng, inv, knobs=dict(logo=True, issuer_pos=rng.choice(["left", "right"]), meta=rng.choice(["right", "grid"])))
    word = rng.choice(["PAID", "COPY", "DUPLICATE", "BEZAHLT", "COPIE", "PAGADO", "KOPIE"] if inv["lang"] != "en" else ["PAID", "COPY", "DUPLICATE", "ORIGINAL"])
    col = rng.choice([(0.85, 0.2, 0.2), (0.2, 0.3, 0.8), (0.6, 0.6, 0.6)])
    # diagonal watermark: drawn through a morph around the page centre
    fam = cv.family
    sz = rng.choice([70, 90, 110])
    ang = rng.choice([30, 35, 45])
    wlen = cv.tlen(word, sz, True)
    c = pymupdf.Point(cv.w / 2, cv.h / 2)
    mat = pymupdf.Matrix(1, 1).prerotate(ang)
    page = cv.pages[0]
    cv.page = page
    name, _ = cv._font(fam, True, word)
    cv.log.append(word)
    page.insert_text((c.x - wlen / 2, c.y + sz / 3), word, fontname=name, fontsize=sz, color=tuple(0.5 + 0.5 * x for x in col),
                     morph=(c, mat), fill_opacity=0.35, stroke_opacity=0.35)
    # rubber stamp with its own date
    sd = inv["date"] + timedelta(days=rng.randrange(3, 40))
    sx, sy = rng.uniform(cv.w * 0.45, cv.w - 200), min(max(k["y_end"] + 10, cv.h * 0.55), cv.h - 150)
    stamp_lab = {"en": ["RECEIVED", "PAID", "ENTERED"], "de": ["EINGANG", "BEZAHLT", "GEBUCHT"], "fr": ["REÇU LE", "PAYÉ LE"],
                 "es": ["RECIBIDO", "PAGADO"], "nl": ["ONTVANGEN", "BETAALD"], "it": ["RICEVUTO", "PAGATO"]}[inv["lang"]]
    sl = rng.choice(stamp_lab)
    scol = rng.choice([(0.75, 0.1, 0.15), (0.15, 0.2, 0.7), (0.1, 0.45, 0.2)])
    sdate = fmt_date(sd, rng.choice(["dmy.", "d-MON-yy", "iso", "dmy/"]), inv["lang"])
    cv.rect(sx, sy, sx + 150, sy + 58, width=2, color=scol)
    cv.rect(sx + 3, sy + 3, sx + 147, sy + 55, width=0.8, color=scol)
    cv.text(sx + 75, sy + 20, sl, size=13, bold=True, align="c", color=scol)
    cv.text(sx + 75, sy + 38, sdate, size=12, bold=True, align="c", color=scol)
    cv.text(sx + 75, sy + 51, f"Ref. {rng.randrange(1000, 9999)}", size=7, align="c", color=scol)
    # signature lines
    yy = cv.h - 95
    for j, lab in enumerate(rng.sample(["Authorised signature", "Received by", "Checked", "Approved"], 2)):
        x0 = 50 + j * (cv.w / 2)
        cv.line(x0, yy, x0 + 170, yy, width=0.5)
        cv.text(x0, yy + 10, lab, size=7)
        if j == 0:
            pts = [(x0 + 10 + t * 3, yy - 8 - 8 * math.sin(t * 0.9) * math.cos(t * 0.23)) for t in range(40)]
            cv.page.draw_polyline(pts, color=(0.1, 0.1, 0.45), width=1.0)
    t = inv_truth(inv, dict(archetype="stamps", variant=word.lower(), font=cv.family, body_font_size=k["size"], left_margin=k["margin"],
                            watermark=word, stamp_label=sl, stamp_date=sdate, brand_word=inv["issuer"]["brand"],
                            logo=k.get("logo_kind"), page=("A4" if cv.w == 595 else "Letter")))
    return dict(cv=cv, truth=t, lang=inv["lang"])


def arch_email(rng, nrng):
    inv = new_inv(rng, cc=rng.choice(["US", "GB", "IE", "AU", "CA", "DE", "NL", "FR"]))
    cv = Canvas(pick_family(rng), rng.choice([A4, LETTER]))
    cv.new_page()
    iss = inv["issuer"]
    sent = inv["date"] + timedelta(days=rng.randrange(1, 12))
    who = f"{rng.choice(FIRST)} {rng.choice(SURN)}"
    rcpt = f"{rng.choice(FIRST)} {rng.choice(SURN)}"
    dom = iss["email"].split("@")[1]
    hh, mi = rng.randrange(7, 19), rng.randrange(60)
    sentf = rng.choice([f"{sent.strftime('%A')}, {MONTHS['en'][sent.month - 1]} {sent.day}, {sent.year} {hh % 12 or 12}:{mi:02d} {'AM' if hh < 12 else 'PM'}",
                        f"{sent.strftime('%a')}, {sent.day} {MONTHS['en'][sent.month - 1][:3]} {sent.year} {hh:02d}:{mi:02d}:{rng.randrange(60):02d} +0000",
                        f"{sent.day:02d}/{sent.month:02d}/{sent.year} {hh:02d}:{mi:02d}"])
    fs = 9.5
    y = 50
    client = rng.choice(["Outlook", "Gmail", "Thunderbird"])
    if client == "Gmail":
        cv.text(40, y, f"Gmail - Invoice {inv['number']}", size=8)
        cv.text(cv.w - 40, y, f"{rcpt.split()[0].lower()}.{rcpt.split()[1].lower()}@{rng.choice(['gmail.com', 'outlook.com'])}", size=8, align="r")
        y += 26
        cv.text(40, y, f"Invoice {inv['number']} from {iss['brand'].title()}", size=14, bold=True)
        y += 22
        cv.line(40, y - 10, cv.w - 40, y - 10, width=0.4)
    hdr = [("From", f"{who} <billing@{dom}>"), ("Sent" if client != "Gmail" else "Date", sentf),
           ("To", f"{rcpt} <{rcpt.split()[0].lower()}@{inv['customer']['name'].split()[0].lower()}.com>")]
    if rng.random() < 0.5:
        hdr.append(("Cc", f"accounts@{dom}"))
    hdr.append(("Subject", rng.choice([f"Invoice {inv['number']}", f"Your invoice {inv['number']} is ready", f"FW: Invoice {inv['number']} - payment reminder"])))
    hdr.append(("Attachments", f"Invoice_{inv['number'].replace('/', '_')}.pdf ({rng.randrange(40, 400)} KB)"))
    for lab, val in hdr:
        cv.text(40, y, lab + ":", size=fs, bold=True)
        cv.text(120, y, val, size=fs)
        y += fs + 5
    y += 10
    tot = sum(it["amount"] for it in inv["items"]) + sum(a for _, a in inv["charges"]) + sum(a for _, a in inv["taxes"])
    m = money_fn(inv)
    body = [f"Dear {rcpt.split()[0]},", "",
            f"Please find attached our invoice {inv['number']}. The amount of {m(tot)} is due by "
            f"{fmt_date(inv['due'], inv['date_fmt'], inv['lang'])}.",
            f"Our reference for this order is {rng.randrange(100000, 999999)}; please quote the invoice number with your payment.", "",
            "Kind regards,", who, f"Accounts Receivable | {iss['name']}", iss["phone"]]
    for ln in body:
        for wl in cv.wrap(ln, cv.w - 80, fs):
            cv.text(40, y, wl, size=fs)
            y += fs + 4
        if not ln:
            y += fs
    same = rng.random() < 0.5 and y < cv.h * 0.45
    if same:
        cv.line(40, y, cv.w - 40, y, width=0.6, dashes="[3 2] 0")
        top = y + 20
    else:
        cv.text(cv.w / 2, cv.h - 30, "1", size=8, align="c")
        cv.new_page()
        top = None
    k = draw_generic(cv, rng, inv, top=top)
    t = inv_truth(inv, dict(archetype="email", variant=client.lower() + ("_inline" if same else "_nextpage"), font=cv.family,
                            body_font_size=k["size"], left_margin=k["margin"], sent=sentf, page=("A4" if cv.w == 595 else "Letter")))
    return dict(cv=cv, truth=t, lang=inv["lang"])


def arch_multi(rng, nrng):
    cc = rng.choice(list(COUNTRIES))
    n = rng.choice([2, 2, 3])
    fam = pick_family(rng)
    cv = Canvas(fam, COUNTRIES[cc]["size"])
    docs = []
    same_issuer = rng.random() < 0.5
    base = None
    knobs = None
    for j in range(n):
        inv = new_inv(rng, cc=cc, n_items=rng.randrange(1, 6))
        if base is not None:
            if same_issuer:
                inv["issuer"] = base["issuer"]
                inv["customer"] = base["customer"] if rng.random() < 0.5 else inv["customer"]
                inv["date_fmt"], inv["cur_disp"] = base["date_fmt"], base["cur_disp"]
                try:
                    inv["number"] = base["number"][:-3] + str(int(base["number"][-3:]) + j).zfill(3)
                except ValueError:
                    pass
            inv["date"] = base["date"] + timedelta(days=rng.randrange(1, 40) * j)
            inv["due"] = inv["date"] + timedelta(days=30)
        else:
            base = inv
        cv.new_page()
        k = draw_generic(cv, rng, inv, knobs=dict(knobs) if (same_issuer and knobs) else None)
        if knobs is None:
            knobs = {kk: vv for kk, vv in k.items() if kk in ("size", "margin", "issuer_pos", "meta", "accent", "qty_first")}
        docs.append(inv_truth(inv, dict(archetype="multi", font=fam, body_font_size=k["size"], left_margin=k["margin"])))
    t = dict(docs[0])
    t["features"] = dict(docs[0]["features"], variant=f"{n}_invoices_{'same' if same_issuer else 'different'}_issuer", n_documents=n)
    t["documents"] = docs
    return dict(cv=cv, truth=t, lang=docs[0]["features"]["lang"])


def arch_webprint(rng, nrng):
    cc = rng.choice(["US", "GB", "DE", "FR", "NL", "ES", "IT", "AU", "CA", "IE"])
    inv = new_inv(rng, cc=cc, n_items=rng.randrange(1, 7), cat=rng.choice(["it", "office", "hardware", "food"]))
    L, m = inv["L"], money_fn(inv)
    fd = lambda d: fmt_date(d, inv["date_fmt"], inv["lang"])  # noqa: E731
    cv = Canvas(rng.choice(["DejaVuSans", "LiberationSans", "DejaVuSansCondensed"]), rng.choice([A4, LETTER]))
    iss = inv["issuer"]
    shop = iss["brand"].title() + rng.choice(["Shop", " Store", " Direct", "Market", ".com"])
    site = "www." + iss["brand"].lower().replace("&", "") + rng.choice([".com", ".shop", "." + cc.lower()])
    order_no = str(rng.randrange(100000000, 999999999))
    order_date = inv["date"] - timedelta(days=rng.randrange(1, 10))
    pd_ = inv["date"] + timedelta(days=rng.randrange(1, 60))
    hh, mi = rng.randrange(0, 24), rng.randrange(60)
    pstamp = rng.choice([f"{pd_.month}/{pd_.day}/{pd_.year % 100:02d}, {hh % 12 or 12}:{mi:02d} {'AM' if hh < 12 else 'PM'}",
                         f"{pd_.day:02d}.{pd_.month:02d}.{pd_.year}, {hh:02d}:{mi:02d}", f"{pd_.day:02d}/{pd_.month:02d}/{pd_.year}, {hh:02d}:{mi:02d}"])
    title = rng.choice([f"{shop} - Invoice for order #{order_no}", f"Invoice | {shop}", f"My Account - Orders - {shop}"])
    url = f"https://{site}/account/orders/{order_no}/invoice" + rng.choice(["", "?print=1", f"?id={rng.randrange(10 ** 6, 10 ** 7)}"])
    npages = rng.choice([1, 2, 2])
    fs = rng.choice([8.5, 9, 9.5])
    mx = rng.choice([30, 36, 40])
    word = {"en": "Invoice", "de": "Rechnung", "fr": "Facture", "es": "Factura", "nl": "Factuur", "it": "Fattura"}[inv["lang"]]
    ordw = {"en": "Order", "de": "Bestellung", "fr": "Commande", "es": "Pedido", "nl": "Bestelling", "it": "Ordine"}[inv["lang"]]
    odl = {"en": "Order date", "de": "Bestelldatum", "fr": "Date de commande", "es": "Fecha del pedido", "nl": "Besteldatum", "it": "Data ordine"}[inv["lang"]]
    cv.new_page()

    def chrome(pg):
        cv.text(20, 18, pstamp, size=7)
        cv.text(cv.w / 2, 18, title, size=7, align="c")
        cv.text(20, cv.h - 14, url, size=7)
        cv.text(cv.w - 20, cv.h - 14, f"{pg}/{npages}", size=7, align="r")

    chrome(1)
    y = 48
    cv.rect(mx, y - 14, cv.w - mx, y + 12, width=0, color=None, fill=(0.95, 0.95, 0.97))
    cv.text(mx + 6, y + 4, shop, size=13, bold=True, color=(0.1, 0.2, 0.55))
    nav = rng.choice([["Home", "Shop", "Deals", "My Account", "Orders", "Help"], ["Products", "Business", "Support", "Sign out"],
                      ["Startseite", "Sortiment", "Mein Konto", "Hilfe"] if inv["lang"] == "de" else ["Home", "Categories", "Cart (0)", "Account"]])
    cv.text(cv.w - mx - 6, y + 3, "   |   ".join(nav), size=7.5, align="r", color=(0.2, 0.2, 0.2))
    y += 30
    cv.text(mx, y, "Home > My Account > Orders > " + f"#{order_no}", size=7, color=(0.35, 0.35, 0.35))
    y += 24
    cv.text(mx, y, f"{word} #{inv['number']}", size=15, bold=True)
    cv.text(cv.w - mx, y, f"{ordw} #{order_no}", size=11, align="r")
    y += 20
    meta = [(f"{ordw} #", order_no), (odl, fmt_date(order_date, inv["date_fmt"], inv["lang"])),
            (f"{word} #", inv["number"]), (L["date"], fd(inv["date"]))]
    if rng.random() < 0.5:
        meta = [meta[2], meta[3], meta[0], meta[1]]
    meta.append((rng.choice(["Payment method", "Zahlungsart" if inv["lang"] == "de" else "Payment"]), rng.choice(["Visa •••• 4242", "PayPal", "Mastercard ending 5511", "Invoice (30 days)"])))
    for lab, val in meta:
        cv.text(mx, y, lab + ":", size=fs, color=(0.3, 0.3, 0.3))
        cv.text(mx + 120, y, val, size=fs)
        y += fs + 5
    y += 8
    cus = inv["customer"]
    cv.text(mx, y, L["bill"], size=fs, bold=True)
    cv.text(cv.w / 2, y, L["ship"], size=fs, bold=True)
    cv.text(cv.w - mx, y, "Sold by", size=fs, bold=True, align="r")
    sold = [iss["name"], iss["street"], iss["city"], iss["taxid"]]
    for j, ln in enumerate([cus["name"], cus["street"], cus["city"], cus["country"]]):
        cv.text(mx, y + (j + 1) * (fs + 3), ln, size=fs)
        cv.text(cv.w / 2, y + (j + 1) * (fs + 3), ln, size=fs)
        cv.text(cv.w - mx, y + (j + 1) * (fs + 3), sold[j], size=fs, align="r")
    y += 5 * (fs + 3) + 16
    cols = [(L["desc"], mx + 4, "l"), ("SKU", cv.w - mx - 250, "l"), (L["qty"], cv.w - mx - 150, "r"), (L["unit"], cv.w - mx - 80, "r"), (L["amount"], cv.w - mx - 4, "r")]
    cv.line(mx, y + 4, cv.w - mx, y + 4, width=0.8)
    for h, x, a in cols:
        cv.text(x, y, h, size=fs, bold=True, align=a)
    y += fs + 10
    dw = cv.w - mx - 250 - mx - 12
    for it in inv["items"]:
        dl = cv.wrap(it["description"], dw, fs)
        for j, dln in enumerate(dl):
            cv.text(mx + 4, y + j * (fs + 2), dln, size=fs)
        cv.text(cols[1][1], y, f"{rng.choice('ABCDEFGHKM')}{rng.randrange(10000, 99999)}-{rng.randrange(10, 99)}", size=fs - 1, color=(0.4, 0.4, 0.4))
        cv.text(cols[2][1], y, fmt_num(it["quantity"], inv["style"], 0), size=fs, align="r")
        cv.text(cols[3][1], y, m(it["unit_price"]), size=fs, align="r")
        cv.text(cols[4][1], y, m(it["amount"]), size=fs, align="r")
        y += len(dl) * (fs + 2) + 8
        cv.line(mx, y - fs, cv.w - mx, y - fs, width=0.2, color=(0.8, 0.8, 0.8))
    y += 6
    sub = sum(it["amount"] for it in inv["items"])
    total = sub + sum(a for _, a in inv["charges"]) + sum(a for _, a in inv["taxes"])
    for lab, val in [(L["subtotal"], sub)] + inv["charges"] + inv["taxes"]:
        cv.text(cv.w - mx - 200, y, lab, size=fs)
        cv.text(cv.w - mx - 4, y, m(val), size=fs, align="r")
        y += fs + 5
    cv.text(cv.w - mx - 200, y + 4, L["total"], size=fs + 2, bold=True)
    cv.text(cv.w - mx - 4, y + 4, m(total), size=fs + 2, bold=True, align="r")
    y += 30
    if rng.random() < 0.5:
        cv.text(mx, y, f"Amount paid on {fmt_date(order_date, inv['date_fmt'], inv['lang'])}: {m(total)}", size=fs)
        y += fs + 6
    cv.text(mx, y, rng.choice(["Need help with your order? Visit our Help Centre.", "Return items within 30 days. Print return label",
                               "Rate your purchase", "Track package"]), size=fs - 1, color=(0.1, 0.3, 0.7))
    if npages == 2:
        cv.new_page()
        chrome(2)
        y = 60
        cv.text(mx, y, rng.choice(["Terms and conditions", "Returns & refunds", "Legal information"]), size=11, bold=True)
        y += 18
        txt = (f"{iss['name']} is registered at {iss['street']}, {iss['city']}. {iss['taxid']}. Goods remain our property until paid in full. "
               f"Returns are accepted within 30 days of delivery. For questions about order #{order_no} contact {iss['email']}. ") * 3
        for wl in cv.wrap(txt, cv.w - 2 * mx, fs - 0.5):
            cv.text(mx, y, wl, size=fs - 0.5)
            y += fs + 2
        cv.text(mx, y + 20, "© 2026 " + shop + "   Privacy   Cookies   Imprint   Contact", size=7, color=(0.4, 0.4, 0.4))
    t = inv_truth(inv, dict(archetype="webprint", variant=f"{npages}_pages", font=cv.family, body_font_size=fs, left_margin=mx,
                            order_number=order_no, order_date=order_date.isoformat(), print_stamp=pstamp, url=url, page=("A4" if cv.w == 595 else "Letter")))
    return dict(cv=cv, truth=t, lang=inv["lang"])


# ----------------------------------------------------------------------------------------------------------
ARCHETYPES = {}


def register():
    for name in ["scanned", "webprint", "email", "export", "pharma", "stamps", "formbook", "kits", "rtl_cjk", "multi"]:
        fn = globals().get("arch_" + name)
        if fn is not None:
            ARCHETYPES[name] = fn


def render_pages(pdfbytes):
    doc = pymupdf.open("pdf", pdfbytes)
    out = []
    for p in doc:
        pix = p.get_pixmap(dpi=150, alpha=False)
        out.append(Image.frombytes("RGB", (pix.width, pix.height), pix.samples))
    return out


def build(i, seed):
    register()
    names = sorted(ARCHETYPES)
    random.Random(f"order-{seed}").shuffle(names)
    arch = names[(i - 1) % len(names)]
    rng = random.Random(f"{seed}-{i}-{arch}")
    nrng = np.random.default_rng(rng.getrandbits(63))
    res = ARCHETYPES[arch](rng, nrng)
    cv, truth = res["cv"], res["truth"]
    pdf = cv.tobytes()
    imgs = render_pages(pdf)
    look = "clean"
    if res.get("image_only"):
        look = "scanned"
        out = pymupdf.open()
        new = []
        for img, turn in zip(imgs, res["turns"]):
            img, info = scan_look(img, nrng, rng, strength=rng.uniform(0.8, 1.3))
            if turn:
                img = img.rotate(turn, expand=True)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=85)
            w, h = img.size
            pg = out.new_page(width=w * 72 / 150, height=h * 72 / 150)
            pg.insert_image(pg.rect, stream=buf.getvalue())
            new.append(img)
        out.set_metadata({"producer": "indep_invoices8 scanner", "creator": "indep_invoices8", "title": "", "author": "", "subject": "",
                          "keywords": "", "creationDate": "D:20270101000000Z", "modDate": "D:20270101000000Z"})
        pdf = out.tobytes(garbage=3, deflate=True, no_new_id=True)
        imgs = new
        truth["features"]["png_rotation"] = info["rotation"]
    elif rng.random() < 0.34:
        look = rng.choice(["scanned", "photographed"])
        new = []
        for img in imgs:
            img, info = scan_look(img, nrng, rng, strength=1.0 if look == "scanned" else 1.5)
            new.append(img)
        imgs = new
        truth["features"]["png_rotation"] = info["rotation"]
    truth["features"]["png_look"] = look
    truth["features"]["pages"] = len(imgs)
    truth["features"].setdefault("archetype", arch)
    for d in truth.get("documents") or []:
        d["features"]["png_look"] = look
    return arch, res["lang"], pdf, imgs, truth, cv.log


def main(n=60, seed=20270111, outdir="out", textlog=None):
    os.makedirs(outdir, exist_ok=True)
    for i in range(1, n + 1):
        arch, lang, pdf, imgs, truth, log = build(i, seed)
        stem = f"inv{i:03d}_{lang}"
        with open(os.path.join(outdir, stem + ".pdf"), "wb") as fh:
            fh.write(pdf)
        for k, img in enumerate(imgs, 1):
            with open(os.path.join(outdir, f"{stem}_p{k}.png"), "wb") as fh:
                fh.write(png_bytes(img))
        with open(os.path.join(outdir, stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1, sort_keys=False)
        if textlog is not None:
            textlog[stem] = log
        print(stem, arch, len(imgs))



# ----------------------------------------------------------------------------------------------------------
ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words_int(n, indian=False):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " hundred" + (" and " + words_int(n % 100) if n % 100 else "")
    units = [(10 ** 7, "crore"), (10 ** 5, "lakh"), (1000, "thousand")] if indian else [(10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")]
    for u, nm in units:
        if n >= u:
            return words_int(n // u, indian) + " " + nm + (" " + words_int(n % u, indian) if n % u else "")
    return words_int(n % 1000, indian)


EXPORTERS = {
    "CN": (["Ningbo Haitian Hardware Co., Ltd.", "Shenzhen Brightway Electronics Co., Ltd.", "Qingdao Everbright Textile Co., Ltd.",
            "Xiamen Lianfa Stone Industry Co., Ltd."], ["No. 88 Jiangnan Road, Beilun District, Ningbo, Zhejiang 315800, China",
                                                         "Block B, Tianan Cyber Park, Futian, Shenzhen 518040, China"], ["Ningbo", "Shenzhen", "Qingdao", "Xiamen"]),
    "JP": (["Kansai Precision Tools Co., Ltd.", "Tokai Seiki Kogyo K.K.", "Hokuriku Fine Chemicals Co., Ltd."],
           ["2-14-7 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023, Japan", "3-5-1 Minatomirai, Nishi-ku, Yokohama 220-0012, Japan"], ["Yokohama", "Kobe", "Nagoya"]),
    "DE": (["Rheinland Maschinenbau GmbH", "Nordsee Armaturen GmbH & Co. KG"], ["Hafenstraße 12, 28217 Bremen, Germany"], ["Hamburg", "Bremerhaven"]),
    "US": (["Great Lakes Polymer Corp.", "Pacific Crest Agricultural Exports Inc."], ["1450 Harbor Blvd, Long Beach, CA 90802, USA"], ["Los Angeles", "Savannah"]),
    "IT": (["Ceramiche Emiliane S.p.A.", "Oleificio del Garda S.r.l."], ["Via Emilia Est 211, 41122 Modena, Italy"], ["Genoa", "La Spezia"]),
}
IMPORTERS = [("Al Noor General Trading LLC", "Office 1204, Al Attar Tower, Sheikh Zayed Road, Dubai, UAE", "Jebel Ali"),
             ("Sapphire Imports Pty Ltd", "41 Fennell Street, Port Melbourne VIC 3207, Australia", "Melbourne"),
             ("Hanseatic Trade Partners GmbH", "Großer Burstah 31, 20457 Hamburg, Germany", "Hamburg"),
             ("Mercado Andino S.A.C.", "Av. Javier Prado Este 4200, Surco, Lima, Peru", "Callao"),
             ("Kestrel Distribution Ltd", "Unit 7, Thames Gateway Park, Dagenham RM9 6QD, United Kingdom", "Felixstowe"),
             ("Great Basin Supply Co.", "2200 Port of Tacoma Rd, Tacoma, WA 98421, USA", "Tacoma")]
EXPORT_GOODS = [("Stainless steel ball valve DN50", "8481.80", "PCS", "14.60"), ("Brass pipe fitting 1/2\" elbow", "7412.20", "PCS", "0.86"),
                ("Cotton bath towel 70x140 cm", "6302.60", "PCS", "3.95"), ("LED panel light 600x600 40W", "9405.42", "PCS", "11.20"),
                ("Granite countertop slab 3 cm", "6802.93", "M2", "48.00"), ("Cordless angle grinder 18V", "8467.29", "SETS", "27.50"),
                ("Polypropylene woven bag 50 kg", "6305.33", "PCS", "0.21"), ("Hydraulic cylinder 80/45-300", "8412.21", "PCS", "96.00"),
                ("Ceramic floor tile 60x60 matt", "6907.21", "M2", "9.80"), ("Extra virgin olive oil 5 l tin", "1509.20", "CTNS", "38.40"),
                ("Industrial safety shoes S3", "6403.40", "PRS", "15.75"), ("Copper enamelled wire 0.8 mm", "8544.11", "KG", "10.35")]


def arch_export(rng, nrng):
    ec = rng.choice(list(EXPORTERS))
    names, addrs, ports = EXPORTERS[ec]
    shipper, saddr, pol = rng.choice(names), rng.choice(addrs), rng.choice(ports)
    cons, caddr, pod = rng.choice(IMPORTERS)
    notify = rng.choice([x for x in IMPORTERS if x[0] != cons])
    cur = {"CN": rng.choice(["USD", "USD", "CNY", "EUR"]), "JP": rng.choice(["JPY", "USD"]), "DE": "EUR", "US": "USD", "IT": "EUR"}[ec]
    places = 0 if cur == "JPY" else 2
    scale = {"JPY": Decimal(150), "CNY": Decimal(7), "EUR": Decimal("0.92"), "USD": Decimal(1)}[cur]
    d = rand_date(rng)
    fam = pick_family(rng)
    cv = Canvas(fam, rng.choice([A4, LETTER]))
    cv.new_page()
    fs = rng.choice([7.5, 8, 8.5])
    mx = rng.choice([30, 36, 42])
    W = cv.w
    goods = rng.sample(EXPORT_GOODS, rng.randrange(2, 7))
    items = []
    for desc, hs, unit, price in goods:
        p = q2(Decimal(price) * scale * Decimal(rng.choice(["0.95", "1", "1.05"])), places if places else 0)
        if places == 0:
            p = q2(p, 0)
        qty = Decimal(rng.choice([200, 500, 600, 1000, 1200, 2400, 3000, 5000]) if Decimal(price) < 5 else rng.choice([20, 48, 60, 100, 150, 240, 300]))
        items.append(dict(description=desc, quantity=qty, unit_price=p, amount=q2(qty * p, places), hs=hs, unit=unit,
                          origin={"CN": "China", "JP": "Japan", "DE": "Germany", "US": "USA", "IT": "Italy"}[ec]))
    fob = sum(it["amount"] for it in items)
    term = rng.choice(["CIF", "CIF", "CFR", "FOB"])
    freight = q2(fob * Decimal(rng.choice(["0.04", "0.06", "0.08"])), places) if term in ("CIF", "CFR") else Decimal(0)
    insurance = q2((fob + freight) * Decimal("1.1") * Decimal("0.003"), places) if term == "CIF" else Decimal(0)
    if places == 0:
        freight, insurance = q2(freight, 0), q2(insurance, 0)
    total = fob + freight + insurance
    inv_no = rng.choice([f"{ec}{d.year % 100}{rng.randrange(1000, 9999)}", f"EXP-{d.year}-{rng.randrange(100, 999)}", f"CI{rng.randrange(100000, 999999)}"])
    po_no = f"PO {rng.randrange(4500000000, 4599999999)}"
    lc_no = f"LC{rng.randrange(10, 99)}{rng.choice('ABCDEFGH')}{rng.randrange(100000, 999999)}"
    bl_no = f"{rng.choice(['COSU', 'MAEU', 'MSCU', 'ONEY', 'HLCU'])}{rng.randrange(100000000, 999999999)}"
    lc_date = d - timedelta(days=rng.randrange(20, 60))
    bl_date = d + timedelta(days=rng.randrange(2, 12))
    dfmt = rng.choice(["d-mon-y", "month_d_y", "dmy/", "iso", "mon_d_y"])
    fd = lambda x: fmt_date(x, dfmt, "en")  # noqa: E731
    m = lambda v: fmt_num(v, "en", places)  # noqa: E731
    y = mx + 14
    title = rng.choice(["COMMERCIAL INVOICE", "COMMERCIAL INVOICE", "INVOICE", "EXPORT INVOICE"])
    cv.text(W / 2, y, title, size=15, bold=True, align="c")
    y += 14
    if rng.random() < 0.5:
        cv.text(W / 2, y, shipper.upper(), size=9, bold=True, align="c")
        y += 11
    y += 6
    half = W / 2
    boxes_l = [("Shipper / Exporter", [shipper, saddr]), ("Consignee", [cons, caddr]), ("Notify Party", [notify[0], notify[1]])]
    boxes_r = [("Invoice No.", inv_no), ("Invoice Date", fd(d)), ("Buyer's Order No.", po_no), ("L/C No. / Date", f"{lc_no} / {fd(lc_date)}"),
               ("B/L No. / Date", f"{bl_no} / {fd(bl_date)}"), ("Terms of Delivery", f"{term} {pod if term != 'FOB' else pol}, Incoterms 2020"),
               ("Terms of Payment", rng.choice(["L/C at sight", "T/T 30% deposit, 70% against B/L copy", "D/P at sight"])),
               ("Vessel / Voyage", f"{rng.choice(['MSC ANNA', 'COSCO SHIPPING ARIES', 'MAERSK KENSINGTON', 'ONE HARMONY'])} / {rng.randrange(100, 999)}{rng.choice('EWNS')}"),
               ("Port of Loading", pol), ("Port of Discharge", pod)]
    yl = y
    for lab, lines in boxes_l:
        h = 12 + 10 * sum(len(cv.wrap(ln, half - mx - 10, fs)) for ln in lines) + 4
        cv.rect(mx, yl, half, yl + h, width=0.6)
        cv.text(mx + 3, yl + 8, lab, size=fs - 1.5, color=(0.3, 0.3, 0.3))
        yy = yl + 18
        for j, ln in enumerate(lines):
            for wl in cv.wrap(ln, half - mx - 10, fs):
                cv.text(mx + 4, yy, wl, size=fs, bold=(j == 0))
                yy += 10
        yl += h
    yr = y
    rh = (yl - y) / len(boxes_r)
    for lab, val in boxes_r:
        cv.rect(half, yr, W - mx, yr + rh, width=0.6)
        cv.text(half + 3, yr + rh / 2 + 3, lab + ":", size=fs - 1)
        cv.text(half + 95, yr + rh / 2 + 3, val, size=fs - 0.5, bold=(lab == "Invoice No."))
        yr += rh
    y = yl + 12
    cols = [("Marks & Nos.", 62, "l"), ("Description of Goods", None, "l"), ("HS Code", 46, "l"), ("Origin", 40, "l"),
            ("Quantity", 58, "r"), (f"Unit Price ({cur})", 62, "r"), (f"Amount ({cur})", 70, "r")]
    tw = W - 2 * mx
    dw = tw - sum(c[1] for c in cols if c[1])
    cols = [(h, w or dw, a) for h, w, a in cols]
    cv.rect(mx, y, W - mx, y + 16, width=0.6, fill=(0.92, 0.92, 0.92))
    x = mx
    for h, w, a in cols:
        cv.text(x + (w - 3 if a == "r" else 3), y + 11, h, size=fs - 1, bold=True, align=a)
        x += w
    y += 28
    marks = [f"{cons.split()[0].upper()}", f"{pod.upper()}", f"C/NO. 1-{rng.randrange(20, 400)}", "MADE IN " + items[0]["origin"].upper()]
    for j, mk in enumerate(marks):
        cv.text(mx + 3, y + j * 10, mk, size=fs - 1.5)
    ymarks = y + 10 * len(marks)
    for it in items:
        x = mx
        cells = ["", it["description"], it["hs"], it["origin"], f"{fmt_num(it['quantity'], 'en', 0)} {it['unit']}", m(it["unit_price"]) if places else fmt_num(it["unit_price"], "en", 0), m(it["amount"])]
        dl = cv.wrap(it["description"], dw - 6, fs)
        for (h, w, a), c in zip(cols, cells):
            if h.startswith("Description"):
                for j, dln in enumerate(dl):
                    cv.text(x + 3, y + j * 10, dln, size=fs)
            elif c:
                cv.text(x + (w - 3 if a == "r" else 3), y, c, size=fs, align=a)
            x += w
        y += 10 * len(dl) + 6
    y = max(y, ymarks) + 6
    cv.line(mx, y - 8, W - mx, y - 8, width=0.6)
    lx = W - mx - 250
    tq = sum(it["quantity"] for it in items)
    rows = [(f"TOTAL FOB {pol.upper()}", fob)]
    if term in ("CIF", "CFR"):
        rows.append(("Ocean Freight", freight))
    if term == "CIF":
        rows.append(("Insurance (110% CIF x 0.3%)", insurance))
    if term != "FOB":
        rows.append((f"TOTAL {term} {pod.upper()}", total))
    for j, (lab, val) in enumerate(rows):
        last = j == len(rows) - 1 and term != "FOB"
        cv.text(lx, y + 4, lab, size=fs + (1 if last else 0), bold=last or j == 0)
        cv.text(W - mx - 3, y + 4, f"{cur} {m(val)}", size=fs + (1 if last else 0), bold=last or j == 0, align="r")
        y += fs + 6
    cv.text(mx, y + 2 - (fs + 6) * len(rows), f"Total quantity: {fmt_num(tq, 'en', 0)}", size=fs - 0.5)
    y += 8
    curname = {"USD": "US DOLLARS", "EUR": "EUROS", "CNY": "CHINESE YUAN RENMINBI", "JPY": "JAPANESE YEN"}[cur]
    ip = int(total)
    cents = int((total - ip) * 100)
    wtxt = f"SAY {curname} {words_int(ip).upper()}" + (f" AND CENTS {words_int(cents).upper()}" if cents else "") + " ONLY."
    for wl in cv.wrap("Amount in words: " + wtxt, W - 2 * mx, fs):
        cv.text(mx, y, wl, size=fs)
        y += fs + 3
    y += 6
    pk = rng.randrange(20, 400)
    nw = Decimal(rng.randrange(800, 18000))
    gw = nw + Decimal(rng.randrange(50, 900))
    pack = [f"Packages: {pk} cartons on {rng.randrange(4, 22)} pallets", f"Net weight: {fmt_num(nw, 'en', 2)} kg", f"Gross weight: {fmt_num(gw, 'en', 2)} kg",
            f"Measurement: {fmt_num(Decimal(rng.randrange(800, 6700)) / 100, 'en', 2)} CBM",
            f"Container: {rng.choice(['MSKU', 'TGHU', 'CMAU'])}{rng.randrange(1000000, 9999999)} / {rng.choice(['20GP', '40HQ', '40GP'])}"]
    for j, t_ in enumerate(pack):
        cv.text(mx + (j % 2) * (tw / 2), y + (j // 2) * (fs + 4), t_, size=fs)
    y += 3 * (fs + 4) + 8
    bank = rng.choice(["Bank of China, Ningbo Branch", "MUFG Bank, Ltd., Tokyo", "Deutsche Bank AG, Bremen", "Wells Fargo Bank, N.A.", "Intesa Sanpaolo S.p.A."])
    cv.text(mx, y, f"Beneficiary bank: {bank}   SWIFT: {''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(6))}{rng.choice(['XX', '2X', '33'])}"
                   f"   A/C No.: {rng.randrange(10 ** 11, 10 ** 12)}", size=fs - 0.5)
    y += fs + 6
    cv.text(mx, y, "We hereby certify that the goods described above are of the origin stated and that this invoice is true and correct.", size=fs - 1)
    y += 40
    cv.line(W - mx - 200, y, W - mx, y, width=0.5)
    cv.text(W - mx - 200, y + 10, f"For and on behalf of {shipper}", size=fs - 1)
    cv.text(W - mx - 200, y + 20, "Authorized Signature", size=fs - 1)
    itemsT = [dict(description=it["description"], quantity=it["quantity"], unit_price=it["unit_price"], amount=it["amount"]) for it in items]
    t = truth_doc(inv_no, d, shipper, cons, itemsT, cur, freight + insurance, Decimal(0), places,
                  dict(archetype="export", variant=term, country=ec, lang="en", date_fmt=dfmt, date_printed=fd(d), num_style="en",
                       font=fam, body_font_size=fs, left_margin=mx, incoterm=term, freight=dq(freight), insurance=dq(insurance), fob=dq(fob),
                       lc_date=lc_date.isoformat(), bl_date=bl_date.isoformat(), po_number=po_no, page=("A4" if cv.w == 595 else "Letter")))
    return dict(cv=cv, truth=t, lang="en")


PHARMA = [("Paracetamol 650 mg Tab", "10x15", "30049099", "30.91"), ("Amoxicillin + Clavulanic 625 Tab", "10x6", "30042019", "201.47"),
          ("Pantoprazole 40 mg Tab", "10x15", "30049039", "155.00"), ("Azithromycin 500 mg Tab", "10x3", "30042019", "71.56"),
          ("Cefixime 200 mg Tab", "10x10", "30042039", "109.00"), ("Metformin SR 500 mg Tab", "10x15", "30049099", "43.10"),
          ("Telmisartan 40 mg Tab", "10x15", "30049099", "96.40"), ("Atorvastatin 10 mg Tab", "10x15", "30049099", "88.25"),
          ("Cough Syrup 100 ml", "1x100ml", "30049011", "118.00"), ("ORS Powder Orange 21 g", "1x21g", "30049099", "21.00"),
          ("Vitamin D3 60K Cap", "1x4", "30045020", "132.50"), ("Ondansetron 4 mg MD Tab", "10x10", "30049099", "62.75"),
          ("Insulin Glargine 100 IU Cartridge", "1x3ml", "30043110", "720.00"), ("Diclofenac Gel 30 g", "1x30g", "30049099", "86.00"),
          ("Surgical Gloves 7.5 (pair)", "1x50", "40151900", "14.00"), ("Hand Sanitizer 500 ml", "1x500ml", "38089400", "145.00")]
IN_STATES = [("Maharashtra", "27", "Pune", "411002"), ("Karnataka", "29", "Bengaluru", "560002"), ("Gujarat", "24", "Ahmedabad", "380009"),
             ("Tamil Nadu", "33", "Chennai", "600001"), ("Telangana", "36", "Hyderabad", "500001")]


def gstin(rng, code):
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return f"{code}{''.join(rng.choice(letters) for _ in range(5))}{rng.randrange(1000, 9999)}{rng.choice(letters)}1Z{rng.choice('0123456789ABCD')}"


def arch_pharma(rng, nrng):
    st, code, city, pin = rng.choice(IN_STATES)
    fam = rng.choice(["DejaVuSansCondensed", "LiberationSansNarrow", "DejaVuSans", "LiberationSans"])
    cv = Canvas(fam, (842.0, 595.0))
    cv.new_page()
    rs = "₹" if fam.startswith("DejaVu") and rng.random() < 0.6 else "Rs."
    issuer = f"{rng.choice(['Shree Balaji', 'Sai Krupa', 'Om Sai', 'Mahalaxmi', 'Sanjivani', 'Venkateshwara', 'Navkar'])} " \
             f"{rng.choice(['Pharma Distributors', 'Medical Agencies', 'Pharmaceuticals', 'Healthcare Distributors'])} {rng.choice(['Pvt. Ltd.', 'LLP', ''])}".strip()
    cust = f"{rng.choice(['New', 'Shri', 'Jai', 'City', 'Lifeline', 'Apna', 'Janata'])} {rng.choice(['Medical Stores', 'Chemists & Druggists', 'Medicos', 'Pharmacy'])}"
    d = rand_date(rng)
    fy = f"{d.year % 100}-{d.year % 100 + 1}" if d.month >= 4 else f"{d.year % 100 - 1}-{d.year % 100}"
    inv_no = rng.choice([f"GST/{fy}/{rng.randrange(100, 9999):04d}", f"{rng.choice(['SB', 'SK', 'MA'])}{rng.randrange(10000, 99999)}", f"INV-{fy}-{rng.randrange(1000, 9999)}"])
    dfmt = rng.choice(["dmy/", "dmy-", "d-mon-y"])
    fd = lambda x: fmt_date(x, dfmt, "en")  # noqa: E731
    fs = rng.choice([6.5, 7, 7.5])
    mx = rng.choice([18, 24, 28])
    W, H = cv.w, cv.h
    inter = rng.random() < 0.2
    y = mx + 12
    cv.rect(mx, mx, W - mx, H - mx, width=0.8)
    cv.text(W / 2, y, "TAX INVOICE", size=11, bold=True, align="c")
    cv.text(W - mx - 4, y, rng.choice(["Original for Recipient", "ORIGINAL", "Duplicate for Transporter"]), size=fs, align="r")
    y += 14
    cv.text(mx + 6, y, issuer, size=12, bold=True)
    y += 11
    addr = f"Shop No. {rng.randrange(1, 40)}, {rng.choice(['Ganesh Peth', 'Market Yard', 'MG Road', 'Station Road', 'Gandhi Nagar'])}, {city} - {pin}, {st}"
    dl1, dl2 = f"20B-{code}/{rng.randrange(10000, 99999)}", f"21B-{code}/{rng.randrange(10000, 99999)}"
    for ln in [addr, f"GSTIN: {gstin(rng, code)}   D.L. No.: {dl1}, {dl2}   Ph: 0{rng.randrange(20, 80)}-{rng.randrange(20000000, 29999999)}"]:
        cv.text(mx + 6, y, ln, size=fs + 0.5)
        y += fs + 3
    # buyer + meta
    y += 4
    cv.line(mx, y - 7, W - mx, y - 7)
    bst = rng.choice(IN_STATES) if inter else (st, code, city, pin)
    buyer = [f"Bill To: {cust}", f"{rng.randrange(1, 200)}, {rng.choice(['Nehru Chowk', 'Laxmi Road', 'Ring Road', 'Civil Lines'])}, {bst[2]}",
             f"GSTIN: {gstin(rng, bst[1])}   State: {bst[0]} ({bst[1]})", f"D.L. No.: 20-{rng.randrange(1000, 9999)}/21-{rng.randrange(1000, 9999)}"]
    order_d = d - timedelta(days=rng.randrange(0, 4))
    meta = [("Invoice No.", inv_no), ("Invoice Date", fd(d)), ("Order No.", f"ORD{rng.randrange(10000, 99999)}"), ("Order Date", fd(order_d)),
            ("Salesman", rng.choice(["RAJESH", "SURESH K", "AMIT", "PRAKASH"])), ("Due Date", fd(d + timedelta(days=rng.choice([15, 21, 30]))))]
    for j, ln in enumerate(buyer):
        cv.text(mx + 6, y + j * (fs + 3), ln, size=fs + 0.5, bold=(j == 0))
    for j, (lab, val) in enumerate(meta):
        xx = W / 2 + 60 + (j % 2) * 170
        cv.text(xx, y + (j // 2) * (fs + 3), f"{lab}: {val}", size=fs + 0.5, bold=(lab == "Invoice No."))
    y += 4 * (fs + 3) + 4
    cv.line(mx, y - 6, W - mx, y - 6)
    # table
    n = rng.randrange(5, 15)
    prods = rng.sample(PHARMA, n)
    disc_col = rng.random() < 0.8
    rows = []
    for k, (name, pack, hsn, mrp) in enumerate(prods):
        mrp = Decimal(mrp)
        gst = Decimal(18) if hsn.startswith(("40", "38")) else Decimal(rng.choice([5, 12, 12]))
        rate = q2(mrp / (1 + gst / 100) * Decimal("0.8"))
        qty = Decimal(rng.choice([2, 5, 10, 10, 20, 30, 50]))
        free = Decimal(rng.choice([0, 0, 0, 1, 2, 5])) if qty >= 10 else Decimal(0)
        disc = Decimal(rng.choice([0, 0, 2, 5, 7.5, 10])) if disc_col else Decimal(0)
        taxable = q2(qty * rate * (1 - disc / 100))
        if inter:
            ig = q2(taxable * gst / 100)
            cg = sg = Decimal(0)
        else:
            cg = sg = q2(taxable * gst / 200)
            ig = Decimal(0)
        batch = f"{rng.choice(['B', 'T', 'K', 'AX', 'MN'])}{rng.randrange(10000, 99999)}"
        exp = date(d.year + rng.randrange(1, 3), rng.randrange(1, 13), 1)
        rows.append(dict(name=name, pack=pack, hsn=hsn, mrp=mrp, gst=gst, rate=rate, qty=qty, free=free, disc=disc, taxable=taxable, cg=cg, sg=sg, ig=ig,
                         batch=batch, exp=f"{exp.month:02d}/{exp.year % 100:02d}"))
    tax_cols = [("IGST%", 34), ("IGST", 44)] if inter else [("GST%", 28), ("CGST", 40), ("SGST", 40)]
    cols = [("Sr", 16), ("HSN", 44), ("Product Name", None), ("Pack", 38), ("Batch", 44), ("Exp.", 30), ("MRP", 40), ("Rate", 40), ("Qty", 26),
            ("Free", 24)] + ([("Disc%", 28)] if disc_col else []) + [("Taxable", 50)] + tax_cols + [("Amount", 52)]
    fixed = sum(w for _, w in cols if w)
    pw = W - 2 * mx - fixed
    cols = [(h, w or pw) for h, w in cols]
    cv.rect(mx, y - 4, W - mx, y + 8, width=0.5, fill=(0.9, 0.9, 0.9))
    x = mx
    for h, w in cols:
        cv.text(x + (3 if h in ("Product Name", "Pack", "Batch", "HSN") else w - 3), y + 5, h, size=fs, bold=True,
                align="l" if h in ("Product Name", "Pack", "Batch", "HSN") else "r")
        x += w
    y += 20
    for k, r in enumerate(rows, 1):
        gross = r["taxable"] + r["cg"] + r["sg"] + r["ig"]
        vals = {"Sr": str(k), "HSN": r["hsn"], "Product Name": r["name"], "Pack": r["pack"], "Batch": r["batch"], "Exp.": r["exp"],
                "MRP": fmt_num(r["mrp"], "lakh"), "Rate": fmt_num(r["rate"], "lakh"), "Qty": fmt_num(r["qty"], "en", 0),
                "Free": fmt_num(r["free"], "en", 0) if r["free"] else "-", "Disc%": fmt_num(r["disc"], "en", 2 if r["disc"] % 1 else 0) if r["disc"] else "-",
                "Taxable": fmt_num(r["taxable"], "lakh"), "GST%": fmt_num(r["gst"], "en", 0), "IGST%": fmt_num(r["gst"], "en", 0),
                "CGST": fmt_num(r["cg"], "lakh"), "SGST": fmt_num(r["sg"], "lakh"), "IGST": fmt_num(r["ig"], "lakh"), "Amount": fmt_num(gross, "lakh")}
        x = mx
        for h, w in cols:
            left = h in ("Product Name", "Pack", "Batch", "HSN")
            cv.text(x + (3 if left else w - 3), y, vals[h], size=fs, align="l" if left else "r")
            x += w
        y += fs + 5
    cv.line(mx, y - fs + 1, W - mx, y - fs + 1, width=0.5)
    sub = sum(r["taxable"] for r in rows)
    cgt, sgt, igt = (sum(r[k] for r in rows) for k in ("cg", "sg", "ig"))
    tax = cgt + sgt + igt
    exact = sub + tax
    net = exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    ro = net - exact
    gross_val = sum(q2(r["qty"] * r["rate"]) for r in rows)
    # GST summary (left) + totals (right)
    y += 6
    ys = y
    cv.text(mx + 6, y, "GST Summary", size=fs + 0.5, bold=True)
    y += fs + 4
    hdr = ["GST %", "Taxable", "IGST"] if inter else ["GST %", "Taxable", "CGST", "SGST", "Total Tax"]
    for j, h in enumerate(hdr):
        cv.text(mx + 6 + j * 62 + 55, y, h, size=fs, bold=True, align="r")
    y += fs + 3
    for rate in sorted({r["gst"] for r in rows}):
        rr = [r for r in rows if r["gst"] == rate]
        tb = sum(r["taxable"] for r in rr)
        vals = [fmt_num(rate, "en", 0) + "%", fmt_num(tb, "lakh")] + ([fmt_num(sum(r["ig"] for r in rr), "lakh")] if inter else
                                                                        [fmt_num(sum(r["cg"] for r in rr), "lakh"), fmt_num(sum(r["sg"] for r in rr), "lakh"),
                                                                         fmt_num(sum(r["cg"] + r["sg"] for r in rr), "lakh")])
        for j, v in enumerate(vals):
            cv.text(mx + 6 + j * 62 + 55, y, v, size=fs, align="r")
        y += fs + 3
    yl = y
    y = ys
    lx, vx = W - mx - 220, W - mx - 6
    trows = [("Gross Amount", gross_val), ("Less: Discount", -(gross_val - sub)), ("Taxable Value", sub)]
    trows += [("Add: IGST", igt)] if inter else [("Add: CGST", cgt), ("Add: SGST", sgt)]
    trows.append(("Round Off", ro))
    for lab, v in trows:
        cv.text(lx, y, lab, size=fs + 0.5)
        cv.text(vx, y, ("+" if lab == "Round Off" and v > 0 else "") + fmt_num(v, "lakh"), size=fs + 0.5, align="r")
        y += fs + 4
    cv.line(lx, y - fs, vx, y - fs, width=0.6)
    y += 4
    cv.text(lx, y, "NET AMOUNT", size=fs + 3, bold=True)
    cv.text(vx, y, f"{rs} {fmt_num(net, 'lakh')}", size=fs + 3, bold=True, align="r")
    y = max(y, yl) + 16
    cv.text(mx + 6, y, f"Rupees {words_int(int(net), indian=True).title()} Only", size=fs + 0.5, bold=True)
    y += fs + 6
    prev_bal = Decimal(rng.randrange(0, 300000)) / 100
    cv.text(mx + 6, y, f"Total items: {len(rows)}   Total qty: {fmt_num(sum(r['qty'] for r in rows), 'en', 0)} + {fmt_num(sum(r['free'] for r in rows), 'en', 0)} free"
                       f"   Previous outstanding: {fmt_num(prev_bal, 'lakh')}", size=fs)
    y += fs + 5
    cv.text(mx + 6, y, "Terms: Goods once sold will not be taken back. Subject to " + city + " jurisdiction. E.&O.E.", size=fs)
    cv.text(W - mx - 6, H - mx - 10, f"For {issuer}", size=fs + 0.5, bold=True, align="r")
    cv.text(W - mx - 6, H - mx - 3, "Authorised Signatory", size=fs, align="r")
    items = [dict(description=r["name"], quantity=r["qty"], unit_price=r["rate"], amount=r["taxable"]) for r in rows]
    t = truth_doc(inv_no, d, issuer, cust, items, "INR", ro, tax, 2,
                  dict(archetype="pharma", variant="igst" if inter else "cgst_sgst", country="IN", lang="en", date_fmt=dfmt, date_printed=fd(d),
                       num_style="en", money="lakh", font=fam, body_font_size=fs, left_margin=mx, page="A4 landscape", line_discounts=disc_col,
                       round_off=dq(ro), rupee_sign=rs, columns=len(cols), free_qty=any(r["free"] for r in rows)))
    return dict(cv=cv, truth=t, lang="en")


KIT_BUNDLES = [("Home office starter kit", "189.00", ["Stapler heavy duty", "Desk organiser", "A4 notebooks (3)", "Gel pens, blue (10)"]),
               ("Espresso machine bundle", "449.00", ["Espresso machine", "Milk frother jug", "Descaler sample", "Coffee beans 250 g"]),
               ("Network starter pack", "329.00", ["Router AX3000", "Patch cable 2 m (4)", "Wall bracket"]),
               ("First aid station", "119.50", ["First aid kit 50 pcs", "Eye wash bottle", "Wall cabinet"]),
               ("Camera vlogging kit", "612.00", ["Camera body", "Lapel microphone", "Mini tripod", "SD card 128 GB"])]


def arch_kits(rng, nrng):
    cc = rng.choice(["CH", "CH", "CA"])
    lang = "de" if cc == "CH" and rng.random() < 0.5 else "en"
    style = "ch" if cc == "CH" else "en"
    cur, cur2 = ("CHF", "EUR") if cc == "CH" else ("CAD", "USD")
    codes = {"A": Decimal("8.1"), "B": Decimal("2.6"), "Z": Decimal(0)} if cc == "CH" else {"G": Decimal(5), "H": Decimal(13), "E": Decimal(0)}
    ck = list(codes)
    fam = pick_family(rng)
    cv = Canvas(fam, A4 if cc == "CH" else LETTER)
    cv.new_page()
    fs = rng.choice([8, 8.5, 9])
    mx = rng.choice([36, 44, 52])
    W = cv.w
    iss_name = f"{rng.choice(STEMS)} {rng.choice(['Handels AG', 'Retail AG', 'GmbH', 'SA']) if cc == 'CH' else rng.choice(['Retail Inc.', 'Wholesale Ltd.', 'Supply Co.'])}"
    cust_name = f"{rng.choice(FIRST)} {rng.choice(SURN)}" if rng.random() < 0.4 else f"{rng.choice(STEMS)} {rng.choice(TRADES)} {'AG' if cc == 'CH' else 'Inc.'}"
    d = rand_date(rng)
    dfmt = rng.choice(["dmy.", "d_month_y"] if cc == "CH" else ["iso", "mon_d_y", "dmy/", "month_d_y"])
    fd = lambda x: fmt_date(x, dfmt, lang)  # noqa: E731
    m = lambda v: fmt_num(v, style)  # noqa: E731
    inv_no = rng.choice([f"R-{rng.randrange(100000, 999999)}", f"{d.year}-{rng.randrange(1000, 9999)}", f"S{rng.randrange(10 ** 7, 10 ** 8)}"])
    receipt_no = f"{rng.randrange(1000, 9999)}/{rng.randrange(100, 999)}"
    L = dict(title="Rechnung" if lang == "de" else "Invoice", no="Rechnung Nr." if lang == "de" else "Invoice no.", date="Datum" if lang == "de" else "Date",
             desc="Artikel" if lang == "de" else "Item", qty="Menge" if lang == "de" else "Qty", price="Preis" if lang == "de" else "Price",
             amt="Betrag" if lang == "de" else "Amount", code="MWST" if cc == "CH" and lang == "de" else "Tax", sub="Zwischentotal" if lang == "de" else "Subtotal",
             rnd="Rundung" if lang == "de" else "Rounding", tot="Total" if lang == "de" else "Total", free="GRATIS" if lang == "de" else "FREE",
             ret="Retoure" if lang == "de" else "Return", gift="Geschenk" if lang == "de" else "Free gift")
    # lines
    lines = []  # (kind, text, qty, price, amount, code)
    pool = [p for cat in ("office", "it", "hardware") for p in PRODUCTS[cat]]
    rng.shuffle(pool)
    nreg = rng.randrange(1, 4)
    for desc, price in pool[:nreg]:
        q = Decimal(rng.choice([1, 2, 3, 5]))
        p = q2(Decimal(price))
        lines.append(("item", desc, q, p, q * p, rng.choice(ck[:2])))
    bname, bprice, comps = rng.choice(KIT_BUNDLES)
    bq = Decimal(rng.choice([1, 1, 2]))
    lines.insert(rng.randrange(0, len(lines) + 1), ("bundle", bname, bq, Decimal(bprice), bq * Decimal(bprice), ck[0]))
    bi = [k for k, ln in enumerate(lines) if ln[0] == "bundle"][0]
    priced = rng.random() < 0.5
    for j, c in enumerate(comps):
        lines.insert(bi + 1 + j, ("comp0" if priced else "compnp", c, bq, Decimal(0), Decimal(0), ck[0]))
    if rng.random() < 0.7:
        desc, price = pool[nreg]
        lines.append(("return", f"{L['ret']}: {desc}", Decimal(-1), q2(Decimal(price)), -q2(Decimal(price)), ck[0]))
    if rng.random() < 0.7:
        lines.append(("free", f"{L['gift']}: {rng.choice(['Tote bag', 'Cable organiser', 'Notebook A5', 'Travel mug'])}", Decimal(1), None, Decimal(0), ck[-1]))
    if rng.random() < 0.5:
        desc, price = rng.choice(PRODUCTS["food"])
        lines.append(("item", desc, Decimal(rng.choice([1, 2, 4])), q2(Decimal(price)), None, ck[1]))
        k, t_, q, p, _, c = lines[-1]
        lines[-1] = (k, t_, q, p, q * p, c)
    # header
    y = mx + 16
    cv.text(mx, y, iss_name, size=fs + 6, bold=True)
    cv.text(W - mx, y, f"{L['title']}", size=fs + 8, bold=True, align="r")
    y += fs + 6
    if cc == "CH":
        info = [f"{rng.choice(['Bahnhofstrasse', 'Marktgasse', 'Rue du Rhône'])} {rng.randrange(1, 90)}", f"{rng.choice(['8001 Zürich', '3011 Bern', '1204 Genève', '4051 Basel'])}",
                f"CHE-{rng.randrange(100, 999)}.{rng.randrange(100, 999)}.{rng.randrange(100, 999)} MWST"]
    else:
        info = [f"{rng.randrange(100, 9999)} {rng.choice(['Granville St', 'Yonge St', 'Portage Ave'])}", rng.choice(["Vancouver BC V6C 1T2", "Toronto ON M4W 1A8", "Winnipeg MB R3C 0A5"]),
                f"GST/HST Reg. No. {rng.randrange(100000000, 999999999)} RT0001"]
    for ln in info:
        cv.text(mx, y, ln, size=fs)
        y += fs + 3
    ym = mx + 16 + fs + 6
    meta = [(L["no"], inv_no), (L["date"], fd(d)), ("Kasse/Beleg" if lang == "de" else "Register/receipt", receipt_no),
            ("Lieferdatum" if lang == "de" else "Delivered", fd(d + timedelta(days=rng.randrange(1, 6))))]
    for lab, val in meta:
        cv.text(W - mx - 170, ym, lab, size=fs)
        cv.text(W - mx, ym, val, size=fs, align="r", bold=lab == L["no"])
        ym += fs + 3
    y = max(y, ym) + 10
    cv.text(mx, y, ("Kunde: " if lang == "de" else "Customer: ") + cust_name, size=fs, bold=True)
    y += 20
    cols = [(L["desc"], mx + 4, "l"), (L["qty"], W - mx - 190, "r"), (L["price"], W - mx - 125, "r"), (L["amt"], W - mx - 40, "r"), (L["code"], W - mx - 4, "r")]
    cv.line(mx, y + 4, W - mx, y + 4, width=0.8)
    for h, x, a in cols:
        cv.text(x, y, h, size=fs, bold=True, align=a)
    y += fs + 10
    items = []
    for kind, text, q, p, a, c in lines:
        ind = 16 if kind.startswith("comp") else 0
        shown = ("– " if kind.startswith("comp") else "") + text
        cv.text(mx + 4 + ind, y, shown, size=fs - (0.5 if ind else 0), color=(0.25, 0.25, 0.25) if ind else (0, 0, 0))
        if kind != "compnp":
            cv.text(cols[1][1], y, fmt_num(q, style, 0), size=fs, align="r")
            cv.text(cols[2][1], y, L["free"] if kind == "free" else m(p), size=fs, align="r")
            cv.text(cols[3][1], y, m(a), size=fs, align="r")
            cv.text(cols[4][1], y, c, size=fs, align="r")
            items.append(dict(description=text, quantity=q, unit_price=p, amount=a))
        else:
            cv.text(cols[1][1], y, fmt_num(q, style, 0), size=fs - 0.5, align="r", color=(0.25, 0.25, 0.25))
        y += fs + 5
    cv.line(mx, y - fs, W - mx, y - fs, width=0.5)
    sub = sum(it["amount"] for it in items)
    taxes = {}
    for kind, text, q, p, a, c in lines:
        taxes[c] = taxes.get(c, Decimal(0)) + a
    tax = Decimal(0)
    y += 6
    cv.text(cols[3][1], y, f"{L['sub']}  {cur} {m(sub)}", size=fs, align="r", bold=True)
    y += fs + 10
    ys = y
    cv.text(mx, y, ("MWST-Übersicht" if lang == "de" else "Tax summary"), size=fs, bold=True)
    y += fs + 4
    for j, h in enumerate(["Code", "%", "Netto" if lang == "de" else "Net", "MWST" if cc == "CH" else "Tax"]):
        cv.text(mx + 30 + j * 60, y, h, size=fs - 0.5, bold=True, align="r")
    y += fs + 3
    for c in ck:
        if c not in taxes:
            continue
        tv = q2(taxes[c] * codes[c] / 100)
        tax += tv
        for j, v in enumerate([c, fmt_num(codes[c], style, 1 if codes[c] % 1 else 0), m(taxes[c]), m(tv)]):
            cv.text(mx + 30 + j * 60, y, v, size=fs - 0.5, align="r")
        y += fs + 3
    exact = sub + tax
    rounded = (exact / Decimal("0.05")).quantize(Decimal(1), rounding=ROUND_HALF_UP) * Decimal("0.05")
    rounded = q2(rounded)
    rnd = rounded - exact
    y2 = ys
    rows = [("MWST" if cc == "CH" else "Tax", tax), (L["rnd"], rnd)]
    for lab, v in rows:
        cv.text(W - mx - 200, y2, lab, size=fs)
        cv.text(cols[3][1], y2, m(v), size=fs, align="r")
        y2 += fs + 5
    cv.text(W - mx - 200, y2 + 4, f"{L['tot']} {cur}", size=fs + 3, bold=True)
    cv.text(cols[3][1], y2 + 4, m(rounded), size=fs + 3, bold=True, align="r")
    y2 += fs + 12
    rate = Decimal(rng.choice(["1.0412", "1.0655", "0.9387"])) if cc == "CH" else Decimal(rng.choice(["0.7312", "0.7244"]))
    cv.text(W - mx - 200, y2, f"{L['tot']} {cur2}", size=fs)
    cv.text(cols[3][1], y2, m(q2(rounded * rate)), size=fs, align="r")
    cv.text(W - mx - 200, y2 + fs + 2, f"(1 {cur} = {rate} {cur2})", size=fs - 1.5, color=(0.3, 0.3, 0.3))
    y = max(y, y2) + 30
    paid = rounded + Decimal(rng.choice([0, 0, 5, 20, 50]))
    pay = [("Bar" if lang == "de" else "Cash", paid), ("Rückgeld" if lang == "de" else "Change", paid - rounded)] if rng.random() < 0.5 else \
        [("Karte" if lang == "de" else "Card (Visa ****1881)", rounded)]
    for lab, v in pay:
        cv.text(mx, y, lab, size=fs)
        cv.text(mx + 160, y, m(v), size=fs, align="r")
        y += fs + 4
    cv.text(mx, y + 14, ("Umtausch innert 30 Tagen mit Beleg." if lang == "de" else "Exchanges within 30 days with receipt.") + " Bundle components are not sold separately.", size=fs - 1)
    t = truth_doc(inv_no, d, iss_name, cust_name, items, cur, rnd, tax, 2,
                  dict(archetype="kits", variant=("priced_components" if priced else "unpriced_components"), country=cc, lang=lang, date_fmt=dfmt,
                       date_printed=fd(d), num_style=style, font=fam, body_font_size=fs, left_margin=mx, cash_rounding=dq(rnd), second_currency=cur2,
                       tax_codes={c: dq(codes[c]) for c in ck}, page=("A4" if cv.w == 595 else "Letter")))
    return dict(cv=cv, truth=t, lang=lang)


def arch_formbook(rng, nrng):
    cc = rng.choice(["GB", "IE", "AU", "US", "ZA", "IN"])
    cur = {"GB": "GBP", "IE": "EUR", "AU": "AUD", "US": "USD", "ZA": "ZAR", "IN": "INR"}[cc]
    sym = {"GB": "£", "IE": "€", "AU": "$", "US": "$", "ZA": "R", "IN": "Rs."}[cc]
    size = rng.choice([(420.0, 595.0), A4, (396.0, 612.0)])  # A5, A4, half letter
    tfam = rng.choice(["LiberationSerif", "DejaVuSerif", "LiberationSans"])
    ffam = rng.choice([f for f in ["DejaVuSansMono", "LiberationMono", "DejaVuSansCondensed", "LiberationSansNarrow", "DejaVuSerif"] if f != tfam])
    cv = Canvas(tfam, size)
    cv.new_page()
    W, H = cv.w, cv.h
    paper = rng.choice([(1, 0.95, 0.95), (1, 1, 0.9), (0.92, 0.96, 1), (0.95, 1, 0.93), (1, 0.97, 0.9)])
    cv.rect(0, 0, W, H, width=0, color=None, fill=paper)
    ink = rng.choice([(0.1, 0.2, 0.6), (0.1, 0.1, 0.1), (0.05, 0.15, 0.45)])
    tc = rng.choice([(0.15, 0.3, 0.6), (0.55, 0.15, 0.2), (0.1, 0.4, 0.3), (0.3, 0.3, 0.3)])
    s = W / 595
    mx = 28 * s + 6
    fs = 8.5 * max(s, 0.8)
    shop_stem = rng.choice(STEMS)
    issuer = f"{shop_stem} {rng.choice(['Motors', 'Plumbing', 'Hardware', 'Electricals', 'Glass & Glazing', 'Catering', 'Garden Centre'])}" + \
             {"GB": " Ltd", "IE": " Ltd", "AU": " Pty Ltd", "US": " LLC", "ZA": " (Pty) Ltd", "IN": " & Sons"}[cc]
    serial = str(rng.randrange(100, 99999)).zfill(rng.choice([5, 6]))
    d = rand_date(rng)
    dfmt = rng.choice(["d/m/yy", "dmy/", "dmy."] if cc != "US" else ["mdy/", "m/d/yy"])
    if dfmt == "d/m/yy":
        dp = f"{d.day}/{d.month}/{d.year % 100:02d}"
    elif dfmt == "m/d/yy":
        dp = f"{d.month}/{d.day}/{d.year % 100:02d}"
    else:
        dp = fmt_date(d, dfmt, "en")
    # printed template
    y = mx + 14 * s + 8
    cv.text(W / 2, y, issuer.upper(), size=14 * s + 3, bold=True, align="c", color=tc)
    y += 12 * s + 4
    addr = {"GB": "Unit 4, Riverside Trading Estate, Leeds LS10 1AB  Tel 0113 496 0172", "IE": "Main Street, Naas, Co. Kildare  Tel 045 878 213",
            "AU": "12 Industrial Ave, Wollongong NSW 2500  Ph 02 4226 1187", "US": "410 Route 9, Poughkeepsie, NY 12601  (845) 555-0142",
            "ZA": "22 Voortrekker Rd, Bellville 7530  Tel 021 948 1220", "IN": "Shop 5, Lal Bagh Road, Lucknow 226001  Ph 0522-2614432"}[cc]
    cv.text(W / 2, y, addr, size=6.5 * s + 1.5, align="c", color=tc)
    y += 8 * s + 3
    taxl = {"GB": f"VAT Reg No. {rng.randrange(100, 999)} {rng.randrange(1000, 9999)} {rng.randrange(10, 99)}", "IE": f"VAT No. IE{rng.randrange(1000000, 9999999)}T",
            "AU": f"ABN {rng.randrange(10, 99)} {rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}", "US": "",
            "ZA": f"VAT No. 4{rng.randrange(100000000, 999999999)}", "IN": f"GSTIN 09{rng.randrange(10 ** 9, 10 ** 10)}1Z5"}[cc]
    if taxl:
        cv.text(W / 2, y, taxl, size=6.5 * s + 1.5, align="c", color=tc)
    y += 14 * s + 4
    title = rng.choice(["INVOICE", "TAX INVOICE", "CASH / CREDIT INVOICE"] if cc != "US" else ["INVOICE", "SALES ORDER / INVOICE"])
    cv.rect(W / 2 - 70 * s - 10, y - 11 * s - 3, W / 2 + 70 * s + 10, y + 5, width=0, color=None, fill=tc)
    cv.text(W / 2, y, title, size=10 * s + 3, bold=True, align="c", color=(1, 1, 1))
    cv.log.append("No. " + serial)
    nw = cv.tlen(serial, 13 * s + 3, False, "DejaVuSansMono")
    cv.text(W - mx - nw - 4, y - 16 * s - 4, "No.", size=9 * s + 2, align="r", color=(0.8, 0.05, 0.05), log=False)
    cv.text(W - mx - nw, y - 16 * s - 4, serial, size=13 * s + 3, family="DejaVuSansMono", color=(0.85, 0.05, 0.05), log=False)
    y += 20 * s + 6
    _box = [("Date", dp), ("Order No.", f"{rng.randrange(100, 9999)}"), ("M/s.", None)]
    cv.text(mx, y, "Date", size=fs, color=tc)
    cv.line(mx + 28, y + 2, mx + 130 * s + 20, y + 2, width=0.4, color=tc, dashes="[1 1.5] 0")
    cv.text(W / 2, y, "Your Order No.", size=fs, color=tc)
    cv.line(W / 2 + 70, y + 2, W - mx, y + 2, width=0.4, color=tc, dashes="[1 1.5] 0")
    ydate = y
    y += 18 * s + 4
    cv.text(mx, y, "M/s.", size=fs, color=tc)
    ycust = y
    for k in range(3):
        cv.line(mx + 24, y + 2 + k * (16 * s + 3), W - mx, y + 2 + k * (16 * s + 3), width=0.4, color=tc, dashes="[1 1.5] 0")
    y += 3 * (16 * s + 3) + 8
    # grid
    cw = [40 * s + 6, None, 60 * s + 8, 70 * s + 10]
    cw[1] = W - 2 * mx - sum(c for c in cw if c)
    heads = ["Qty", "Particulars" if cc != "US" else "Description", "Rate", "Amount"]
    nrows = rng.choice([10, 12, 14]) if H > 600 else rng.choice([8, 10])
    rh = 15 * s + 3
    gy0 = y
    cv.rect(mx, gy0, W - mx, gy0 + rh, width=0.8, color=tc)
    x = mx
    for h, w in zip(heads, cw):
        cv.text(x + w / 2, gy0 + rh - 4, h, size=fs, bold=True, align="c", color=tc)
        x += w
    for r in range(1, nrows + 1):
        cv.line(mx, gy0 + rh * (r + 1), W - mx, gy0 + rh * (r + 1), width=0.3, color=tc)
    x = mx
    for w in cw[:-1]:
        x += w
        cv.line(x, gy0, x, gy0 + rh * (nrows + 1), width=0.6, color=tc)
    cv.rect(mx, gy0, W - mx, gy0 + rh * (nrows + 1), width=0.8, color=tc)
    yt = gy0 + rh * (nrows + 1)
    vat = {"GB": Decimal(20), "IE": Decimal("13.5"), "AU": Decimal(10), "US": Decimal(0), "ZA": Decimal(15), "IN": Decimal(0)}[cc]
    tlabels = ["Sub Total", f"{'GST' if cc == 'AU' else 'VAT'} @ ____ %", "TOTAL"] if vat else ["TOTAL"]
    for j, tl in enumerate(tlabels):
        cv.rect(W - mx - cw[3] - cw[2], yt + j * rh, W - mx, yt + (j + 1) * rh, width=0.6, color=tc)
        cv.line(W - mx - cw[3], yt + j * rh, W - mx - cw[3], yt + (j + 1) * rh, width=0.6, color=tc)
        cv.text(W - mx - cw[3] - cw[2] + 4, yt + (j + 1) * rh - 4, tl.replace("____ ", ""), size=fs - 0.5, bold=(tl == "TOTAL"), color=tc, log=True)
    cv.text(mx, H - mx - 20, "Received the above goods in good order and condition", size=fs - 1.5, color=tc)
    cv.line(mx, H - mx - 2, mx + 120 * s + 20, H - mx - 2, width=0.4, color=tc)
    cv.text(mx, H - mx + 7, "Signature", size=fs - 2, color=tc)
    cv.text(W - mx, H - mx + 7, f"E.&O.E.   {rng.choice(['White - Customer', 'Original', 'Pink - Office copy', 'Yellow - Duplicate'])}", size=fs - 2, align="r", color=tc)
    # filled in
    jit = lambda: rng.uniform(-2.5, 2.5)  # noqa: E731
    ffs = fs + rng.choice([0.5, 1, 1.5])
    ang = rng.uniform(-1.2, 1.2)
    mat = pymupdf.Matrix(1, 1).prerotate(ang)

    def fill(x, y_, txt, align="l"):
        return cv.text(x + jit(), y_ + jit() - 1, txt, size=ffs, family=ffam, color=ink, align=align,
                       morph=(pymupdf.Point(x, y_), mat))

    fill(mx + 34, ydate, dp)
    if rng.random() < 0.5:
        fill(W / 2 + 76, ydate, f"{rng.randrange(100, 9999)}")
    cust = rng.choice([f"{rng.choice(FIRST)} {rng.choice(SURN)}", f"{rng.choice(STEMS)} {rng.choice(['Builders', 'Cafe', 'Farms', 'Property Services'])}"])
    fill(mx + 30, ycust, cust)
    fill(mx + 30, ycust + 16 * s + 3, f"{rng.randrange(1, 120)} {rng.choice(['Church Lane', 'Hill Road', 'Station St', 'Kings Way'])}")
    n = rng.randrange(2, min(7, nrows))
    goods = [("Labour", "45.00"), ("Call-out charge", "65.00"), ("Copper pipe 15mm x 3m", "18.40"), ("Compression elbow 15mm", "2.15"),
             ("Toughened glass 4mm cut to size", "38.00"), ("Silicone sealant", "6.90"), ("Oil filter", "12.50"), ("Engine oil 5W30 5L", "32.00"),
             ("Brake pads front", "54.00"), ("Hedge trimming", "80.00"), ("Compost 50L bag", "7.50"), ("Sandwich platter", "24.00"),
             ("LED downlight fitted", "28.00"), ("Cable 2.5mm twin & earth (m)", "1.20")]
    rng.shuffle(goods)
    items = []
    for r in range(n):
        desc, price = goods[r]
        q = Decimal(rng.choice([1, 1, 2, 3, 4, 6, 10]))
        p = q2(Decimal(price) * (Decimal(80) if cc == "IN" else Decimal(16) if cc == "ZA" else 1))
        a = q * p
        yy = gy0 + rh * (r + 2) - 4
        fill(mx + cw[0] / 2, yy, fmt_num(q, "en", 0), "c")
        fill(mx + cw[0] + 4, yy, desc)
        fill(W - mx - cw[3] - 4, yy, fmt_num(p, "lakh" if cc == "IN" else "en"), "r")
        fill(W - mx - 4, yy, fmt_num(a, "lakh" if cc == "IN" else "en"), "r")
        items.append(dict(description=desc, quantity=q, unit_price=p, amount=a))
    sub = sum(it["amount"] for it in items)
    tax = q2(sub * vat / 100)
    total = sub + tax
    st = "lakh" if cc == "IN" else "en"
    vals = [sub, tax, total] if vat else [total]
    for j, v in enumerate(vals):
        fill(W - mx - 4, yt + (j + 1) * rh - 4, (sym + " " if j == len(vals) - 1 and rng.random() < 0.6 else "") + fmt_num(v, st), "r")
    if vat:
        fill(W - mx - cw[3] - cw[2] + 40, yt + 2 * rh - 4, fmt_num(vat, "en", 1 if vat % 1 else 0))
    if rng.random() < 0.5:
        fill(mx + 10, yt + rh - 2, rng.choice(["Paid cash - thank you", "On account", f"Paid by cheque {rng.randrange(100000, 999999)}"]))
    t = truth_doc(serial, d, issuer, cust, items, cur, Decimal(0), tax, 2,
                  dict(archetype="formbook", variant=f"{size[0]:.0f}x{size[1]:.0f}", country=cc, lang="en", date_fmt=dfmt, date_printed=dp, num_style="en",
                       font=tfam, fill_font=ffam, body_font_size=round(ffs, 1), left_margin=round(mx, 1), paper="#%02x%02x%02x" % tuple(int(c * 255) for c in paper),
                       currency_printed=sym if vals else "", serial_printed="No. " + serial, page="A5" if size[0] == 420 else ("A4" if size[0] == 595 else "half-letter")))
    return dict(cv=cv, truth=t, lang="en")


HE_ITEMS = [("שירותי ייעוץ עסקי", "450.00"), ("תחזוקת מערכת מחשוב חודשית", "1200.00"), ("נייר צילום A4 קרטון", "119.90"),
            ("מחסנית טונר שחורה", "289.00"), ("התקנת נקודת רשת", "350.00"), ("שעת עבודה טכנאי", "220.00"), ("כיסא משרדי ארגונומי", "890.00"),
            ("מנוי תוכנה שנתי", "2400.00"), ("הובלה והרכבה", "300.00")]
HE_NAMES = ["אלפא מערכות בע״מ", "גל טכנולוגיות בע״מ", "שחר שיווק והפצה בע״מ", "נחשון ציוד משרדי בע״מ", "אורן הנדסה בע״מ", "כרמל פתרונות תוכנה בע״מ"]
HE_CUST = ["רשת מזון טעים בע״מ", "עיריית חולון", "דוד לוי", "מרכז רפואי השרון בע״מ", "סטודיו נוי עיצוב"]
JA_ITEMS = [("コピー用紙 A4 500枚", "550", 10), ("トナーカートリッジ 黒", "8800", 10), ("業務用コーヒー豆 1kg", "2980", 8),
            ("お茶 ペットボトル 24本", "2400", 8), ("保守サービス 月額", "15000", 10), ("ノートパソコン スタンド", "4380", 10),
            ("弁当 (会議用)", "980", 8), ("設置作業費", "12000", 10), ("ミネラルウォーター 2L 6本", "780", 8)]
JA_ISSUERS = ["株式会社さくら商事", "有限会社山田事務機", "株式会社東和テクノ", "株式会社みどり食品", "合同会社ブルーオーシャン"]
JA_CUST = ["株式会社青葉建設", "北川工業株式会社", "有限会社ひかり企画", "株式会社中央物流"]
ZH_ITEMS = [("不锈钢阀门 Stainless steel valve DN25", "86.00"), ("LED 灯管 LED tube 1.2 m", "24.50"), ("包装纸箱 Carton box 40x30x30", "3.20"),
            ("技术服务费 Technical service fee", "1500.00"), ("工业电缆 Industrial cable (m)", "6.80"), ("办公椅 Office chair", "420.00"),
            ("运输服务 Freight service", "800.00")]
ZH_ISSUERS = [("上海鸿达贸易有限公司", "Shanghai Hongda Trading Co., Ltd."), ("深圳市恒信电子有限公司", "Shenzhen Hengxin Electronics Co., Ltd."),
              ("杭州博远科技有限公司", "Hangzhou Boyuan Technology Co., Ltd.")]
ZH_CUST = [("北京华宇建设有限公司", "Beijing Huayu Construction Co., Ltd."), ("Harbour Point Engineering Pte. Ltd.", "Harbour Point Engineering Pte. Ltd."),
           ("广州联创物流有限公司", "Guangzhou Lianchuang Logistics Co., Ltd.")]


def arch_rtl_cjk(rng, nrng):
    kinds = ["he", "ja", "zh"] if CJK_OK else ["he"]
    kind = rng.choice(kinds)
    return {"he": _hebrew, "ja": _japanese, "zh": _bilingual}[kind](rng)


def _hebrew(rng):
    fam = pick_family(rng, hebrew=True)
    cv = Canvas(fam, A4)
    cv.new_page()
    W = cv.w
    fs = rng.choice([9, 9.5, 10])
    mx = rng.choice([40, 48, 56])
    R = W - mx
    iss = rng.choice(HE_NAMES)
    cust = rng.choice(HE_CUST)
    d = rand_date(rng)
    dfmt = rng.choice(["dmy/", "dmy.", "dmy/"])
    fd = lambda x: fmt_date(x, dfmt)  # noqa: E731
    num = str(rng.randrange(10000, 99999))
    sym = rng.choice(["₪", "ש״ח", "₪"])
    m = lambda v: fmt_num(v, "en")  # noqa: E731
    y = mx + 16
    cv.text(R, y, iss, size=fs + 7, bold=True, align="r")
    y += fs + 8
    hp = str(rng.randrange(510000000, 519999999))
    for ln in [f"{rng.choice(['רחוב הרצל', 'דרך מנחם בגין', 'רחוב ז׳בוטינסקי', 'שדרות רוטשילד'])} {rng.randrange(1, 150)}",
               rng.choice(["תל אביב", "חיפה", "ירושלים", "רמת גן", "פתח תקווה"])]:
        cv.text(R, y, ln, size=fs, align="r")
        y += fs + 3
    cv.text(R, y, "ח.פ.", size=fs, align="r")
    cv.text(R - cv.tlen("ח.פ.", fs) - 6, y, hp, size=fs, align="r")
    y += fs + 3
    cv.text(R, y, "טלפון", size=fs, align="r")
    cv.text(R - cv.tlen("טלפון", fs) - 6, y, f"03-{rng.randrange(5000000, 7999999)}", size=fs, align="r")
    y += 26
    title = rng.choice(["חשבונית מס", "חשבונית מס / קבלה"])
    cv.text(W / 2, y, title, size=fs + 8, bold=True, align="c")
    cv.text(W / 2 - cv.tlen(title, fs + 8, True) / 2 - 8, y, num, size=fs + 8, bold=True, align="r")
    y += 14
    cv.text(W / 2, y, rng.choice(["מקור", "העתק נאמן למקור"]), size=fs - 1, align="c")
    y += 24
    alloc = str(rng.randrange(100000000, 999999999))
    meta = [("מספר חשבונית", num), ("תאריך", fd(d)), ("תאריך אספקה", fd(d - timedelta(days=rng.randrange(1, 6)))), ("מספר הקצאה", alloc),
            ("תנאי תשלום", "שוטף + 30")]
    yy = y
    for lab, val in meta:
        cv.text(mx + 200, yy, lab, size=fs, align="r", bold=True)
        cv.text(mx, yy, val, size=fs)
        yy += fs + 4
    cv.text(R, y, "לכבוד", size=fs, align="r", bold=True)
    cv.text(R, y + fs + 4, cust, size=fs + 1, align="r")
    cv.text(R, y + 2 * (fs + 4), f"{rng.choice(['רחוב העצמאות', 'רחוב הנביאים'])} {rng.randrange(1, 90)}", size=fs, align="r")
    y = max(yy, y + 3 * (fs + 4)) + 18
    n = rng.randrange(2, 7)
    pool = rng.sample(HE_ITEMS, n)
    cols = [("תיאור", R - 4, "r"), ("כמות", mx + 230, "r"), ("מחיר ליחידה", mx + 150, "r"), ("סה״כ", mx + 60, "r")]
    cv.rect(mx, y - fs - 2, R, y + 5, width=0, color=None, fill=(0.9, 0.92, 0.96))
    for h, x, a in cols:
        cv.text(x, y, h, size=fs, bold=True, align="r")
    y += fs + 10
    items = []
    for desc, price in pool:
        q = Decimal(rng.choice([1, 1, 2, 3, 5, 10]))
        p = Decimal(price)
        a = q * p
        cv.text(cols[0][1], y, desc, size=fs, align="r")
        cv.text(cols[1][1], y, fmt_num(q, "en", 0), size=fs, align="r")
        cv.text(cols[2][1], y, m(p), size=fs, align="r")
        cv.text(cols[3][1], y, m(a), size=fs, align="r")
        items.append(dict(description=desc, quantity=q, unit_price=p, amount=a))
        y += fs + 6
        cv.line(mx, y - fs, R, y - fs, width=0.3, color=(0.7, 0.7, 0.7))
    sub = sum(it["amount"] for it in items)
    disc = q2(sub * Decimal("0.05")) if rng.random() < 0.3 else Decimal(0)
    vat = q2((sub - disc) * Decimal(18) / 100)
    total = sub - disc + vat
    y += 10
    rows = [("סה״כ לפני מע״מ", sub)] + ([("הנחה 5%", -disc)] if disc else []) + [("מע״מ 18%", vat), ("סה״כ לתשלום", total)]
    for j, (lab, v) in enumerate(rows):
        last = j == len(rows) - 1
        cv.text(mx + 220, y, lab, size=fs + (2 if last else 0), bold=last, align="r")
        cv.text(mx, y, f"{m(v)} {sym}" if sym != "₪" else f"₪ {m(v)}", size=fs + (2 if last else 0), bold=last)
        y += fs + 8
    y += 16
    cv.text(R, y, "העברה בנקאית לחשבון 12-345-678901", size=fs - 1, align="r")
    cv.text(R, y + fs + 4, "המסמך הופק באמצעות מערכת ממוחשבת", size=fs - 1, align="r")
    t = truth_doc(num, d, iss, cust, items, "ILS", -disc, vat, 2,
                  dict(archetype="rtl_cjk", variant="hebrew", country="IL", lang="he", date_fmt=dfmt, date_printed=fd(d), num_style="en", font=fam,
                       body_font_size=fs, left_margin=mx, allocation_number=alloc, currency_printed=sym, page="A4"))
    return dict(cv=cv, truth=t, lang="he")


def _japanese(rng):
    cv = Canvas("DejaVuSans", A4)
    cv.new_page()
    W = cv.w
    fs = rng.choice([8.5, 9, 9.5])
    mx = rng.choice([40, 50])
    iss, cust = rng.choice(JA_ISSUERS), rng.choice(JA_CUST)
    d = rand_date(rng)
    dfmt = rng.choice(["jp", "ymd/", "jp"])
    fd = lambda x: fmt_date(x, dfmt)  # noqa: E731
    num = rng.choice([f"No. {rng.randrange(100000, 999999)}", f"INV-{d.year}{d.month:02d}-{rng.randrange(100, 999)}", f"{rng.randrange(10000, 99999)}"])
    num_t = num[4:] if num.startswith("No. ") else num
    reg = "T" + str(rng.randrange(10 ** 12, 10 ** 13))
    y = mx + 20
    cv.text(W / 2, y, "請求書", size=20, bold=True, align="c")
    y += 30
    cv.text(mx, y, f"{cust} 御中", size=13)
    cv.line(mx, y + 4, mx + 230, y + 4, width=0.6)
    rx = W - mx - 190
    for lab, val in [("請求番号", num_t), ("請求日", fd(d)), ("お支払期限", fd(d + timedelta(days=30)))]:
        cv.text(rx, y - 10, lab, size=fs)
        cv.text(W - mx, y - 10, val, size=fs, align="r")
        y += fs + 4
    y += 10
    cv.text(rx, y, iss, size=fs + 2, bold=True)
    y += fs + 5
    for ln in [f"〒{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}", rng.choice(["東京都千代田区丸の内1-2-3", "大阪府大阪市北区梅田2-4-9", "愛知県名古屋市中区栄3-1-1"]),
               f"TEL 0{rng.randrange(3, 6)}-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}", f"登録番号 {reg}"]:
        cv.text(rx, y, ln, size=fs - 0.5)
        y += fs + 3
    cv.text(mx, y - 20, "下記のとおりご請求申し上げます。", size=fs)
    n = rng.randrange(3, 8)
    pool = rng.sample(JA_ITEMS, n)
    items = []
    for desc, price, rate in pool:
        q = Decimal(rng.choice([1, 2, 3, 5, 10, 12]))
        items.append(dict(description=desc, quantity=q, unit_price=Decimal(price), amount=q * Decimal(price), rate=rate))
    base = {r: sum(it["amount"] for it in items if it["rate"] == r) for r in (10, 8)}
    taxes = {r: (base[r] * r / 100).quantize(Decimal(1), rounding="ROUND_DOWN") for r in base}
    sub = sum(base.values())
    tax = sum(taxes.values())
    total = sub + tax
    y += 6
    cv.rect(mx, y, mx + 260, y + 26, width=1)
    cv.text(mx + 6, y + 17, "ご請求金額(税込)", size=fs + 1)
    cv.text(mx + 254, y + 17, f"¥{fmt_num(total, 'en', 0)}-", size=14, bold=True, align="r")
    y += 46
    cols = [("品名", mx + 4, "l"), ("数量", W - mx - 200, "r"), ("単価", W - mx - 120, "r"), ("金額", W - mx - 30, "r"), ("税率", W - mx - 4, "r")]
    cv.rect(mx, y - fs - 3, W - mx, y + 4, width=0, color=None, fill=(0.88, 0.9, 0.95))
    for h, x, a in cols:
        cv.text(x, y, h, size=fs, bold=True, align=a)
    y += fs + 9
    for it in items:
        cv.text(mx + 4, y, it["description"] + (" ※" if it["rate"] == 8 else ""), size=fs)
        cv.text(cols[1][1], y, fmt_num(it["quantity"], "en", 0), size=fs, align="r")
        cv.text(cols[2][1], y, fmt_num(it["unit_price"], "en", 0), size=fs, align="r")
        cv.text(cols[3][1], y, fmt_num(it["amount"], "en", 0), size=fs, align="r")
        cv.text(cols[4][1], y, f"{it['rate']}%", size=fs, align="r")
        y += fs + 6
        cv.line(mx, y - fs, W - mx, y - fs, width=0.3)
    y += 8
    rows = [("小計(税抜)", sub)]
    for r in (10, 8):
        if base[r]:
            rows += [(f"{r}%対象", base[r]), (f"消費税({r}%)", taxes[r])]
    rows.append(("合計", total))
    for lab, v in rows:
        cv.text(W - mx - 200, y, lab, size=fs + (1 if lab == "合計" else 0), bold=lab == "合計")
        cv.text(cols[3][1], y, f"¥{fmt_num(v, 'en', 0)}", size=fs + (1 if lab == "合計" else 0), bold=lab == "合計", align="r")
        y += fs + 5
    y += 10
    cv.text(mx, y, "※は軽減税率(8%)対象商品です。", size=fs - 1)
    cv.text(mx, y + fs + 4, f"振込先: {rng.choice(['みずほ銀行', '三井住友銀行', '三菱UFJ銀行'])} 本店営業部 普通 {rng.randrange(1000000, 9999999)}", size=fs - 1)
    itemsT = [dict(description=it["description"], quantity=it["quantity"], unit_price=it["unit_price"], amount=it["amount"]) for it in items]
    t = truth_doc(num_t, d, iss, cust, itemsT, "JPY", Decimal(0), tax, 0,
                  dict(archetype="rtl_cjk", variant="japanese_qualified", country="JP", lang="ja", date_fmt=dfmt, date_printed=fd(d), num_style="en",
                       font="Droid Sans Fallback", body_font_size=fs, left_margin=mx, registration_number=reg, page="A4"))
    return dict(cv=cv, truth=t, lang="ja")


def _bilingual(rng):
    cv = Canvas("DejaVuSans", A4)
    cv.new_page()
    W = cv.w
    fs = rng.choice([8.5, 9])
    mx = rng.choice([40, 50])
    (iz, ie), (cz, ce) = rng.choice(ZH_ISSUERS), rng.choice(ZH_CUST)
    d = rand_date(rng)
    dfmt = rng.choice(["jp", "iso", "ymd/"])
    fd = lambda x: fmt_date(x, dfmt)  # noqa: E731
    num = f"{rng.choice(['HD', 'HX', 'BY'])}{d.year}{rng.randrange(10000, 99999)}"
    y = mx + 16
    cv.text(W / 2, y, iz, size=15, bold=True, align="c")
    cv.text(W / 2, y + 16, ie, size=10, align="c")
    y += 44
    cv.text(W / 2, y, "发票 INVOICE", size=16, bold=True, align="c")
    y += 26
    uscc = "91" + str(rng.randrange(310000, 449999)) + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(10))
    meta = [("发票号码 Invoice No.", num), ("开票日期 Date", fd(d)), ("合同号 Contract No.", f"HT-{rng.randrange(10000, 99999)}"),
            ("纳税人识别号 Tax ID", uscc)]
    for lab, val in meta:
        cv.text(W - mx - 250, y, lab + ":", size=fs)
        cv.text(W - mx, y, val, size=fs, align="r")
        y += fs + 5
    yb = y - 4 * (fs + 5)
    cv.text(mx, yb, "买方 Buyer:", size=fs, bold=True)
    cv.text(mx, yb + fs + 5, cz, size=fs)
    if cz != ce:
        cv.text(mx, yb + 2 * (fs + 5), ce, size=fs)
    y += 14
    cur = rng.choice(["CNY", "CNY", "USD"])
    sym = "¥" if cur == "CNY" else "US$"
    rate = Decimal(rng.choice([13, 13, 6]))
    n = rng.randrange(2, 6)
    pool = rng.sample(ZH_ITEMS, n)
    cols = [("货物名称 Description", mx + 4, "l"), ("数量 Qty", W - mx - 210, "r"), ("单价 Unit price", W - mx - 130, "r"), ("金额 Amount", W - mx - 4, "r")]
    cv.rect(mx, y - fs - 3, W - mx, y + 4, width=0.5)
    for h, x, a in cols:
        cv.text(x, y, h, size=fs, bold=True, align=a)
    y += fs + 10
    items = []
    for desc, price in pool:
        q = Decimal(rng.choice([1, 2, 5, 10, 20, 50, 100]))
        p = Decimal(price) if cur == "CNY" else q2(Decimal(price) / 7)
        a = q * p
        cv.text(mx + 4, y, desc, size=fs)
        cv.text(cols[1][1], y, fmt_num(q, "en", 0), size=fs, align="r")
        cv.text(cols[2][1], y, fmt_num(p, "en"), size=fs, align="r")
        cv.text(cols[3][1], y, fmt_num(a, "en"), size=fs, align="r")
        items.append(dict(description=desc, quantity=q, unit_price=p, amount=a))
        y += fs + 7
    sub = sum(it["amount"] for it in items)
    tax = q2(sub * rate / 100)
    total = sub + tax
    y += 6
    for lab, v in [("合计 Subtotal", sub), (f"税额 VAT {rate}%", tax), ("价税合计 Total", total)]:
        cv.text(W - mx - 230, y, lab, size=fs + (1 if "Total" in lab else 0), bold="Total" in lab)
        cv.text(W - mx - 4, y, f"{sym}{fmt_num(v, 'en')}", size=fs + (1 if "Total" in lab else 0), bold="Total" in lab, align="r")
        y += fs + 6
    y += 10
    cv.text(mx, y, f"开户行 Bank: {rng.choice(['中国银行 Bank of China', '招商银行 China Merchants Bank'])}   SWIFT: {rng.choice(['BKCHCNBJ', 'CMBCCNBS'])}", size=fs - 1)
    cv.text(mx, y + fs + 4, f"收款人 Payee: {rng.choice(['王芳', '李伟', '张敏'])}   复核 Reviewer: {rng.choice(['陈杰', '刘洋'])}", size=fs - 1)
    t = truth_doc(num, d, ie if rng.random() < 0 else iz, cz, items, cur, Decimal(0), tax, 2,
                  dict(archetype="rtl_cjk", variant="english_chinese", country="CN", lang="zh", date_fmt=dfmt, date_printed=fd(d), num_style="en",
                       font="Droid Sans Fallback", body_font_size=fs, left_margin=mx, issuer_english=ie, page="A4"))
    return dict(cv=cv, truth=t, lang="zh")


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if a else 60, int(a[1]) if len(a) > 1 else 20270111, a[2] if len(a) > 2 else "out")
