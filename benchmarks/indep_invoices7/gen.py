#!/usr/bin/env python3
"""Seventh independent invoice set: ten archetypes the six earlier sets did not cover.

usage: python gen.py [N] [SEED] [OUTDIR]      (or gen.main(n, seed, outdir))

For invoice i (1-based) it writes ``invNNN_<lang>.pdf`` (born-digital with a text layer, 1-3 pages),
one PNG per page rendered at 150 dpi (``invNNN_<lang>_pK.png``; about a third look scanned or
photographed: rotation up to 1.5 degrees, blur, noise, uneven light, JPEG artefacts, grey or tinted
paper) and ``invNNN_<lang>.json`` (the truth). The same seed gives the same files (byte for byte).
``check.py`` regenerates a seed and checks every truth file against its PDF's text layer.

Archetypes (round-robin over a seeded shuffle; each varied in fonts - DejaVu Sans / Condensed / Serif /
Mono and Liberation Sans / Narrow / Serif / Mono -, sizes, margins, A4 / Letter, column orders, rulings,
label wordings, date and number formats, and where the parties, the meta data and the totals stand):

  stripe   SaaS / online-payment invoices and receipts in English, German, French, Dutch and Spanish:
           "Invoice number", "Date of issue", "Date due", a large "$1,234.00 due January 5, 2027"
           line, plan lines with their billing period in small print under them, seats x price,
           usage at 3-4 decimal unit prices, proration pairs ("Unused time on ... after ...",
           negative), coupons, tax per jurisdiction (US state + city sales tax, EU VAT by the
           customer's country, reverse charge, GST/HST/QST), applied balance; receipts with
           "Receipt number", "Date paid", "Payment method Visa .... 4242", some with only a receipt
           number; a footer repeating number, amount and page.
  qbooks   Small-business accounting templates: QuickBooks (meta grid INVOICE # / DATE / DUE DATE /
           TERMS, BILL TO / SHIP TO, ACTIVITY / QTY / RATE / AMOUNT with an optional service-date
           column, BALANCE DUE after payments, some without any currency sign), Xero (TAX INVOICE,
           labels above values, ABN / GST / VAT number, "Amount AUD" column, "TOTAL AUD",
           a PAYMENT ADVICE tear-off), Zoho (# INV-000123, Balance Due box, "Payment Made (-)"),
           FreshBooks (Rate before Qty, "Amount Due (USD)"), Wave (Amount Due (CAD) shaded row);
           US, Canada, UK, Ireland, Australia, New Zealand.
  erp      Dense SAP-, Oracle- and Odoo-like printouts in German, Dutch and English (DE, AT, NL, BE,
           GB, IE): DIN-5008 sender line and address window, reference blocks (customer, vendor,
           order, delivery note, delivery date, PO, PO date, cost centre, contact), positions
           10/20/30 with material numbers and units (ST, EA, KG, M, STD ...), quantities with three
           decimals, delivery-note / batch / customer-part notes under positions, boxed Oracle
           grids with ordered vs shipped quantities and a currency cell, Odoo titles
           "Invoice INV/2026/00123" with "3.00 Units", freight, VAT per rate with a VAT summary,
           cash-discount (Skonto) amounts in the payment terms, carried-forward lines, 4-column
           footers (register court, managing directors, IBAN / BIC), "page x of y" and continuation
           headers repeating the document number.
  mono     Monospace printouts (DejaVu Sans Mono / Liberation Mono), every line one string aligned
           with spaces: greenbar fan-fold paper with tractor holes, AS/400 reports with program /
           user / RUN DATE headers (a print date that is not the invoice date), POS-ERP; upper case,
           "-----" / "=====" rules, "INV NO.  :" labels, ordered / shipped / back-order columns,
           totals right-aligned with spaces, "**** TOTAL AMOUNT DUE : 1,363.48 ****"; dates like
           12/05/26, 05-DEC-26, 20261205; a third without any currency sign.
  einv     European e-invoice visualisations: Italian FatturaPA courtesy copies (Cedente/prestatore,
           Cessionario/committente, "Denominazione:", TD01 grid, riepilogo IVA with esigibilita and
           Natura N2.2, forfettario regime with bollo, professionals with cassa previdenziale 4 %
           and ritenuta d'acconto 20 %), Spanish facturas with Dto. % per line, recargo de
           equivalencia and a VERI*FACTU QR box, facturas simplificadas (gross prices), Portuguese
           faturas FT / FR / FS with ATCUD, "Consumidor final", a QR box and the certified-program
           line, French Factur-X invoices with mentions legales (SIRET, RCS, TVA intracom., the 40 EUR
           recovery indemnity), German XRechnung viewer pages (Leitweg-ID, sections of label/value
           pairs, positions as blocks or a table), Belgian/Dutch Peppol invoices with structured
           communication +++123/4567/89012+++ and Peppol IDs.
  travel   Airline invoices (13-digit ticket numbers, 6-character booking references, passengers as
           SMITH/JOHN MR, fare / taxes, fees and charges / carrier surcharge / seat / bag rows per
           passenger, flight details with travel dates after the invoice date, VAT only on domestic
           flights), rail invoices with VAT included in the prices ("Im Gesamtbetrag enthaltene MwSt.
           7 %", trips and departure times as notes), car-rental invoices (rental agreement and
           reservation numbers, pick-up / return dates and places, mileage out / in / driven, fuel
           level, days x rate, refuelling litres x 3-decimal price, one-way fee, airport surcharge).
  gulf     UAE, Saudi, Bahraini, Omani, Qatari and Kuwaiti invoices in English, 60 % with Arabic labels
           (shaped right-to-left by MuPDF's HTML engine with DejaVu Sans): Tax Invoice / Simplified
           Tax Invoice (QR box, cash customer) / Invoice (no VAT in Qatar and Kuwait), TRN / VAT No. /
           VATIN, date of supply, per-line taxable amount / VAT % / VAT amount / total incl. VAT
           columns, AED / SAR / QAR / BHD / OMR / KWD (3 decimals for BHD, OMR, KWD) as codes or
           Dhs / SR / QR / BD / RO / KD, amounts in words ("UAE Dirhams ... and Fils ... Only"),
           signature lines.
  newlang  Slovak (Faktura, Dodavatel / Odberatel, ICO / DIC / IC DPH, variabilny symbol, DPH 23 %),
           Latvian (Rekins, PVN rekins, SIA "..." names, "2026. gada 5. decembris"), Catalan (Factura,
           "5 d'octubre de 2026", Andorran IGI 4.5 % with NRT), Icelandic (Reikningur, ISK without
           decimals, VSK 24 % / 11 %), Albanian (Fature tatimore, NIPT, NIVF, TVSH 20 %, Leke),
           Swahili (Ankara ya Kodi, TZS / KES, VRN / KRA PIN), Afrikaans (Belastingfaktuur, R 1 234,56,
           2026/12/05), Maltese (Fattura tat-Taxxa, "5 ta' Dicembru 2026"), Luxembourgish (Rechnung,
           "Total ouni TVA", TVA 17 %), Filipino (Resibo / Sales Invoice, Petsa, Kabuuang Halagang
           Dapat Bayaran, PHP sign, BIR authority-to-print line); layouts with classic blocks, two
           party boxes over a label/value grid, or a coloured band with the legal name only in the
           footer.
  summary  Totals-first layouts: an account summary box at the top (account number, number, dates,
           previous balance, payments "(1,200.00)", current charges, amount due), totals in a
           sidebar beside the items, totals printed twice, tear-off remittance slips repeating
           account, number, due date and amount due; negative amounts in parentheses, with a
           trailing minus or "CR"; credit rows inside the item table; print-overage clicks at 4
           decimal prices; English, Dutch, German.
  longtab  20-60 item rows over 2-3 pages in English, German, French and Dutch: category heading rows,
           category subtotal rows, group discount rows, "Carried forward / Brought forward",
           "Ubertrag", "A reporter / Report", "Transport" or page-subtotal lines at page breaks,
           continuation headers, the grand total only on the last page, a VAT summary with 2-3 rates.

Truth conventions (keys as ``indep_invoices/score.py`` reads them, plus customer, subtotal, tax; the
same as the sixth set's except where noted):

  invoice_number  as printed, without its label ("# INV-000123" -> "INV-000123"); Portuguese numbers
                  with their document type ("FT 2026A/45"). Not it: receipt numbers when an invoice
                  number is printed too (a receipt with only a receipt number: that number), ticket
                  numbers, booking references, rental agreement / reservation numbers, order, delivery
                  note, PO, customer / account numbers, ATCUD, NIVF, variable symbols, structured
                  communications, Leitweg-IDs.
  invoice_date    the issue date, ISO ("Date paid" on receipts); due, delivery, supply, operation,
                  service-period, travel, pick-up / return, run / print, PO and ATP dates are not it.
  issuer          the seller's legal name as printed (upper case on mono printouts), not the brand
                  word of a logo; sometimes after "Denominazione:" / "Name", in a coloured band, or
                  only in the footer.
  customer        the buyer's name as printed; "" on Spanish simplified invoices without a buyer,
                  "Consumidor final" / "Cash Customer" where printed.
  total           the grand total including tax and charges, before deposits, payments, applied
                  balances, previous balances, ritenuta d'acconto and cash discounts. Invoices whose
                  prices include VAT (rail tickets, Spanish simplified invoices) have tax = 0 and the
                  included VAT in ``features.vat_included`` (this set's addition: tax counts only
                  taxes added on top of the items).
  subtotal, tax   subtotal = the sum of the item amounts; tax = all taxes added (several VAT rates,
                  state + local sales tax, GST + PST/QST, recargo de equivalencia).
                  ``features.charges`` = what the totals add besides items and tax (shipping, freight,
                  fuel surcharges, core charges, cassa previdenziale, bollo) and negative totals-level
                  discounts (coupons, remise, discounts in the totals), so subtotal + charges + tax ==
                  total.
  currency        ISO 4217 of the money on the page, also where only a symbol or word stands ($ is the
                  issuer's country's dollar: CAD, AUD, NZD, SGD); "" where nothing on the page names
                  or symbolises a currency (some QuickBooks, mono and summary invoices).
  items           the item table's rows in printed order: proration rows, credit rows and group
                  discount rows (negative amounts, no quantity / unit price), per-passenger fare and
                  tax rows, XRechnung position blocks. Not items: category heading rows, category
                  subtotal rows, carried-forward / page-subtotal lines, VAT summaries, itinerary
                  rows, totals. description = the row's text, wrapped lines joined by one space,
                  without codes / material numbers, units, position numbers, passengers, ticket
                  numbers, tax codes and the small notes under it (billing periods, delivery notes,
                  batches, departure times, refs); amount = the net line amount (VAT and gross
                  columns are not it; Spanish and Portuguese lines after their discount %, flagged in
                  ``features.line_discounts``); quantity and unit_price as printed (shipped quantity
                  where ordered and shipped are both printed), or null where the row has none.
  features        the random choices: archetype, variant, country, lang, page, font, date_fmt,
                  date_printed (the issue date as printed), money / number styles, layout knobs,
                  charges, pages, png_look and png_rotation, body_font_size, left_margin.
"""

import io
import json
import math
import os
import random
import sys
import textwrap
import unicodedata
from collections import Counter
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pymupdf as fitz
from PIL import Image, ImageFilter

D = Decimal
ZERO = D("0")


def q(v, dec=2):
    return D(v).quantize(D(1).scaleb(-dec), ROUND_HALF_UP)


# ----------------------------------------------------------------------------------------------
# fonts and the drawing canvas
# ----------------------------------------------------------------------------------------------
FD = "/usr/share/fonts/truetype/dejavu/"
FL = "/usr/share/fonts/truetype/liberation/"
FAMILIES = {
    "dejavu_sans": {"r": FD + "DejaVuSans.ttf", "b": FD + "DejaVuSans-Bold.ttf", "i": FD + "DejaVuSans-Oblique.ttf"},
    "dejavu_cond": {"r": FD + "DejaVuSansCondensed.ttf", "b": FD + "DejaVuSansCondensed-Bold.ttf",
                    "i": FD + "DejaVuSansCondensed-Oblique.ttf"},
    "dejavu_serif": {"r": FD + "DejaVuSerif.ttf", "b": FD + "DejaVuSerif-Bold.ttf", "i": FD + "DejaVuSerif-Italic.ttf"},
    "dejavu_serif_cond": {"r": FD + "DejaVuSerifCondensed.ttf", "b": FD + "DejaVuSerifCondensed-Bold.ttf",
                          "i": FD + "DejaVuSerifCondensed-Italic.ttf"},
    "liberation_sans": {"r": FL + "LiberationSans-Regular.ttf", "b": FL + "LiberationSans-Bold.ttf",
                        "i": FL + "LiberationSans-Italic.ttf"},
    "liberation_serif": {"r": FL + "LiberationSerif-Regular.ttf", "b": FL + "LiberationSerif-Bold.ttf",
                         "i": FL + "LiberationSerif-Italic.ttf"},
    "liberation_narrow": {"r": FL + "LiberationSansNarrow-Regular.ttf", "b": FL + "LiberationSansNarrow-Bold.ttf",
                          "i": FL + "LiberationSansNarrow-Italic.ttf"},
    "dejavu_mono": {"r": FD + "DejaVuSansMono.ttf", "b": FD + "DejaVuSansMono-Bold.ttf",
                    "i": FD + "DejaVuSansMono-Oblique.ttf"},
    "liberation_mono": {"r": FL + "LiberationMono-Regular.ttf", "b": FL + "LiberationMono-Bold.ttf",
                        "i": FL + "LiberationMono-Italic.ttf"},
}
SANS_FAMS = ["dejavu_sans", "dejavu_cond", "liberation_sans", "liberation_narrow"]
ALL_FAMS = SANS_FAMS + ["dejavu_serif", "dejavu_serif_cond", "liberation_serif"]
FALLBACK = FAMILIES["dejavu_sans"]
_FONTS = {}


def font(path):
    f = _FONTS.get(path)
    if f is None:
        f = _FONTS[path] = fitz.Font(fontfile=path)
    return f


A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
BLACK = (0, 0, 0)
GREY = (0.38, 0.38, 0.38)
LGREY = (0.55, 0.55, 0.55)
WHITE = (1, 1, 1)


class Canvas:
    """Records drawing operations per page; render() turns them into a PDF with pymupdf."""

    def __init__(self, size, fam):
        self.W, self.H = size
        self.fam = FAMILIES[fam]
        self.famname = fam
        self.pages = []
        self.pn = 0
        self.new_page()

    def new_page(self):
        self.pages.append([])
        self.pn = len(self.pages) - 1

    def runs(self, s, style):
        path = self.fam.get(style) or self.fam["r"]
        f = font(path)
        out = []
        for ch in s:
            p = path if (ch == " " or f.has_glyph(ord(ch))) else (FALLBACK.get(style) or FALLBACK["r"])
            if out and out[-1][1] == p:
                out[-1][0] += ch
            else:
                out.append([ch, p])
        return out

    def tw(self, s, size, style="r"):
        return sum(font(p).text_length(t, fontsize=size) for t, p in self.runs(s, style))

    def text(self, x, y, s, size=9, style="r", color=BLACK, align="l"):
        s = str(s)
        w = self.tw(s, size, style)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        if s.strip():
            self.pages[self.pn].append(("t", x, y, s, size, style, color))
        return w

    def rect(self, x0, y0, x1, y1, fill=None, stroke=None, lw=0.5, dash=None):
        self.pages[self.pn].append(("r", x0, y0, x1, y1, fill, stroke, lw, dash))

    def line(self, x0, y0, x1, y1, color=BLACK, lw=0.5, dash=None):
        self.pages[self.pn].append(("l", x0, y0, x1, y1, color, lw, dash))

    def circle(self, x, y, r, fill=None, stroke=None, lw=0.5):
        self.pages[self.pn].append(("c", x, y, r, fill, stroke, lw))

    def html(self, x_right, y, s, size):
        """Right-to-left (Arabic) text, shaped by MuPDF's HTML engine, right edge at x_right, baseline y."""
        w = arabic_width(s, size)
        self.pages[self.pn].append(("h", x_right - w, y, s, size, w))
        return w

    def wrap(self, s, size, style, maxw):
        words = str(s).split()
        lines, cur = [], ""
        for wd in words:
            t = (cur + " " + wd) if cur else wd
            if self.tw(t, size, style) <= maxw or not cur:
                cur = t
            else:
                lines.append(cur)
                cur = wd
        if cur:
            lines.append(cur)
        return lines or [""]

    def render(self):
        doc = fitz.open()
        for ops in self.pages:
            page = doc.new_page(width=self.W, height=self.H)
            sh = page.new_shape()
            for op in ops:
                k = op[0]
                if k == "r":
                    _, x0, y0, x1, y1, fill, stroke, lw, dash = op
                    sh.draw_rect(fitz.Rect(x0, y0, x1, y1))
                    sh.finish(width=lw, color=stroke, fill=fill, dashes=dash)
                elif k == "l":
                    _, x0, y0, x1, y1, col, lw, dash = op
                    sh.draw_line((x0, y0), (x1, y1))
                    sh.finish(width=lw, color=col, dashes=dash)
                elif k == "c":
                    _, x, y, r, fill, stroke, lw = op
                    sh.draw_circle((x, y), r)
                    sh.finish(width=lw, color=stroke, fill=fill)
            sh.commit()
            writers = {}
            for op in ops:
                if op[0] != "t":
                    continue
                _, x, y, s, size, style, color = op
                tw = writers.get(color)
                if tw is None:
                    tw = writers[color] = fitz.TextWriter(page.rect)
                xx = x
                for t, p in self.runs(s, style):
                    f = font(p)
                    if t.strip():
                        tw.append((xx, y), t, font=f, fontsize=size)
                    xx += f.text_length(t, fontsize=size)
            for color, tw in writers.items():
                tw.write_text(page, color=color)
            for op in ops:
                if op[0] == "h":
                    _, x, y, s, size, w = op
                    _insert_arabic(page, x, y, s, size, w)
        doc.subset_fonts()
        fix_tounicode(doc)
        doc.set_metadata({"producer": "", "creator": "", "creationDate": "", "modDate": ""})
        return doc


# Liberation fonts map one glyph from two code points (hyphen / soft hyphen, space / no-break space, ...);
# MuPDF's ToUnicode then names the wrong one. Rewrite those CMaps so the text layer says what was written.
_TOU_FIX = {0x00A0: 0x0020, 0x00AD: 0x002D, 0x037E: 0x003B, 0x2219: 0x00B7}


def fix_tounicode(doc):
    import re
    done = set()
    for x in range(1, doc.xref_length()):
        try:
            t = doc.xref_get_key(x, "ToUnicode")
        except Exception:
            continue
        if t[0] != "xref":
            continue
        tx = int(t[1].split()[0])
        if tx in done:
            continue
        done.add(tx)
        src = doc.xref_stream(tx).decode("latin-1")
        if "[" in src.split("begincmap", 1)[-1]:
            continue
        m = {}
        for blk in re.findall(r"beginbfrange(.*?)endbfrange", src, re.S):
            for a, b, c in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blk):
                a, b, c = int(a, 16), int(b, 16), int(c, 16)
                for k in range(b - a + 1):
                    m[a + k] = c + k
        for blk in re.findall(r"beginbfchar(.*?)endbfchar", src, re.S):
            for a, c in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blk):
                m[int(a, 16)] = int(c, 16) if len(c) <= 6 else c
        if not any(isinstance(v, int) and v in _TOU_FIX for v in m.values()):
            continue
        head = src[:re.search(r"\d+\s+beginbf", src).start()]
        items = sorted(m.items())
        out = [head]
        for i in range(0, len(items), 100):
            chunk = items[i:i + 100]
            out.append(f"{len(chunk)} beginbfchar\n")
            for g, v in chunk:
                v = _TOU_FIX.get(v, v) if isinstance(v, int) else v
                out.append(f"<{g:04x}> <{v:04x}>\n" if isinstance(v, int) else f"<{g:04x}> <{v}>\n")
            out.append("endbfchar\n")
        out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        doc.update_stream(tx, "".join(out).encode("latin-1"))


_AR_CSS = "@font-face {font-family: dv; src: url(DejaVuSans.ttf);} * {font-family: dv; margin: 0; padding: 0;}"
_AR_ARCH = None
_AR_W = {}


def _ar_arch():
    global _AR_ARCH
    if _AR_ARCH is None:
        _AR_ARCH = fitz.Archive(FD)
    return _AR_ARCH


def _ar_html(s, size):
    return '<div dir="rtl" style="font-size:%.2fpx; line-height:1.2">%s</div>' % (size, s)


def arabic_width(s, size):
    key = (s, round(size, 2))
    if key not in _AR_W:
        d = fitz.open()
        p = d.new_page(width=600, height=100)
        p.insert_htmlbox(fitz.Rect(0, 0, 600, 100), _ar_html(s, size), css=_AR_CSS, archive=_ar_arch())
        bb = fitz.Rect()
        for b in p.get_text("dict")["blocks"]:
            for ln in b.get("lines", []):
                bb |= fitz.Rect(ln["bbox"])
        _AR_W[key] = (bb.x1 - bb.x0, bb.x0)
    return _AR_W[key][0]


def _insert_arabic(page, x, y, s, size, w):
    r = fitz.Rect(x - 3, y - size * 1.05, x + w + 3, y + size * 0.45)
    page.insert_htmlbox(r, _ar_html(s, size), css=_AR_CSS, archive=_ar_arch())


# ----------------------------------------------------------------------------------------------
# number, money and date formatting
# ----------------------------------------------------------------------------------------------
NUMSTYLE = {"en": (",", "."), "de": (".", ","), "fr": (" ", ","), "ch": ("'", "."), "plain": ("", "."),
            "plainc": ("", ","), "sp": (" ", ".")}


def fmt_num(v, style="en", dec=2, neg="minus"):
    v = D(v)
    a = abs(q(v, dec))
    s = f"{a:.{dec}f}"
    ip, _, fp = s.partition(".")
    th, dp = NUMSTYLE[style]
    if th and len(ip) > 3:
        g = []
        while len(ip) > 3:
            g.insert(0, ip[-3:])
            ip = ip[:-3]
        g.insert(0, ip)
        ip = th.join(g)
    out = ip + (dp + fp if dec else "")
    if q(v, dec) < 0:
        out = {"minus": "-" + out, "paren": "(" + out + ")", "trail": out + "-", "cr": out + " CR",
               "dash": "\u2013" + out}[neg]
    return out


def fmt_qty(v, style="en", mode="auto"):
    v = D(v).normalize()
    if v == v.to_integral_value():
        if mode == "dec2":
            return fmt_num(v, style, 2)
        if mode == "dec3":
            return fmt_num(v, style, 3)
        return fmt_num(v, style, 0)
    dec = max(1, -v.as_tuple().exponent)
    if mode == "dec2":
        dec = max(dec, 2)
    if mode == "dec3":
        dec = max(dec, 3)
    return fmt_num(v, style, dec)


class Money:
    """How an invoice prints money: number style, decimals, negatives and currency placement."""

    def __init__(self, style="en", dec=2, neg="minus", pos="none", sym=""):
        self.style, self.dec, self.neg, self.pos, self.sym = style, dec, neg, pos, sym

    def n(self, v, neg=None):
        return fmt_num(v, self.style, self.dec, neg or self.neg)

    def c(self, v, sym=None, pos=None, neg=None, dec=None):
        """Amount with the currency as this invoice places it."""
        sym = self.sym if sym is None else sym
        pos = self.pos if pos is None else pos
        neg = neg or self.neg
        dec = self.dec if dec is None else dec
        body = fmt_num(abs(D(v)), self.style, dec)
        isneg = q(v, dec) < 0
        if pos == "pre":
            s = sym + body
        elif pos == "pre_sp":
            s = sym + " " + body
        elif pos == "post":
            s = body + sym
        elif pos == "post_sp":
            s = body + " " + sym
        else:
            s = body
        if isneg:
            if neg == "paren":
                s = "(" + s + ")"
            elif neg == "trail":
                s = s + "-"
            elif neg == "cr":
                s = s + " CR"
            elif pos in ("pre", "pre_sp") and neg == "minus":
                s = "-" + s
            else:
                s = "-" + s
        return s

    def desc(self):
        return f"{self.style}/{self.dec}/{self.neg}/{self.pos}/{self.sym}"


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "ca": "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre",
    "sk": "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
    "lv": "janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris novembris decembris",
    "is": "janúar febrúar mars apríl maí júní júlí ágúst september október nóvember desember",
    "sq": "janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor",
    "sw": "Januari Februari Machi Aprili Mei Juni Julai Agosti Septemba Oktoba Novemba Desemba",
    "af": "Januarie Februarie Maart April Mei Junie Julie Augustus September Oktober November Desember",
    "mt": "Jannar Frar Marzu April Mejju Ġunju Lulju Awwissu Settembru Ottubru Novembru Diċembru",
    "lb": "Januar Februar Mäerz Abrëll Mee Juni Juli August September Oktober November Dezember",
    "tl": "Enero Pebrero Marso Abril Mayo Hunyo Hulyo Agosto Setyembre Oktubre Nobyembre Disyembre",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}
MON_SHORT = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "nl": "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split(),
}


def fmt_date(d, f, lang="en"):
    dd, mm, yy = d.day, d.month, d.year
    M = MONTHS.get(lang, MONTHS["en"])
    if f == "iso":
        return f"{yy:04d}-{mm:02d}-{dd:02d}"
    if f == "dmy.":
        return f"{dd:02d}.{mm:02d}.{yy}"
    if f == "d.m.y":
        return f"{dd}.{mm}.{yy}"
    if f == "d. m. y":
        return f"{dd}. {mm}. {yy}"
    if f == "dmy/":
        return f"{dd:02d}/{mm:02d}/{yy}"
    if f == "d/m/y":
        return f"{dd}/{mm}/{yy}"
    if f == "dmy-":
        return f"{dd:02d}-{mm:02d}-{yy}"
    if f == "mdy/":
        return f"{mm:02d}/{dd:02d}/{yy}"
    if f == "m/d/y":
        return f"{mm}/{dd}/{yy}"
    if f == "ymd/":
        return f"{yy}/{mm:02d}/{dd:02d}"
    if f == "ymd.":
        return f"{yy}.{mm:02d}.{dd:02d}"
    if f == "dmy2/":
        return f"{dd:02d}/{mm:02d}/{yy % 100:02d}"
    if f == "mdy2/":
        return f"{mm:02d}/{dd:02d}/{yy % 100:02d}"
    if f == "dmy2.":
        return f"{dd:02d}.{mm:02d}.{yy % 100:02d}"
    if f == "ymd8":
        return f"{yy}{mm:02d}{dd:02d}"
    if f == "DMONY":
        return f"{dd:02d}-{MON_SHORT['en'][mm - 1].upper()}-{yy % 100:02d}"
    if f == "DMONYYYY":
        return f"{dd:02d}-{MON_SHORT['en'][mm - 1].upper()}-{yy}"
    if f == "d-Mon-Y":
        return f"{dd:02d}-{MON_SHORT['en'][mm - 1]}-{yy}"
    if f == "d Mon Y":
        return f"{dd} {MON_SHORT.get(lang, MON_SHORT['en'])[mm - 1]} {yy}"
    if f == "dd Mon Y":
        return f"{dd:02d} {MON_SHORT.get(lang, MON_SHORT['en'])[mm - 1]} {yy}"
    if f == "Mon d, Y":
        return f"{MON_SHORT['en'][mm - 1]} {dd}, {yy}"
    if f == "Month d, Y":
        return f"{M[mm - 1]} {dd}, {yy}"
    if f == "long":
        m = M[mm - 1]
        if lang in ("en", "nl", "it", "sq", "sw", "af"):
            return f"{dd} {m} {yy}"
        if lang in ("de", "is", "lb", "sk"):
            return f"{dd}. {m} {yy}"
        if lang == "fr":
            return f"{'1er' if dd == 1 else dd} {m} {yy}"
        if lang in ("es", "pt"):
            return f"{dd} de {m} de {yy}"
        if lang == "ca":
            return f"{dd} {'d' + chr(39) if m[0] in 'aeiouAEIOU' else 'de '}{m} de {yy}"
        if lang == "lv":
            return f"{yy}. gada {dd}. {m}"
        if lang == "mt":
            return f"{dd} ta' {m} {yy}"
        if lang == "tl":
            return f"{m} {dd}, {yy}"
    raise ValueError(f)


def rand_date(rng, lo=date(2025, 6, 1), hi=date(2027, 3, 31)):
    return lo + timedelta(days=rng.randrange((hi - lo).days))


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    mdays = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return date(y, m, min(d.day, mdays[m - 1]))


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
        "seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words_en(n):
    n = int(n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" and " + words_en(n % 100) if n % 100 else "")
    for div, name in ((10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")):
        if n >= div:
            rest = n % div
            return words_en(n // div) + " " + name + ((" and " if rest < 100 else " ") + words_en(rest) if rest else "")
    return ""


def cap_words(s):
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


# ----------------------------------------------------------------------------------------------
# parties: countries, company names, people, addresses, tax ids
# ----------------------------------------------------------------------------------------------
def digits(rng, n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def letters(rng, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def _sp(s):
    return s.split("|")


CO = {
    "US": dict(stems=_sp("Bluefin|Northgate|Cedar Ridge|Harbor Point|Ironwood|Summit Peak|Brightline|Clearwater|Redwood|"
                         "Silverline|Pinecrest|Lakeside|Copperfield|Westbrook|Granite State|Blue Mesa|Keystone"),
               words=_sp("Supply|Software|Analytics|Logistics|Systems|Labs|Consulting|Print & Design|Electrical|"
                         "Foods|Office Solutions|Industrial|Technologies|Landscaping|Plumbing|Creative"),
               suffix=_sp("Inc.|LLC|Corp.|Co.|Inc."),
               first=_sp("James|Mary|Robert|Linda|Michael|Sarah|David|Karen|Daniel|Emily|Kevin|Laura|Brian|Megan"),
               last=_sp("Johnson|Miller|Davis|Anderson|Thompson|Martinez|Walker|Harris|Clark|Lewis|Young|Wright"),
               cities=[("San Francisco", "CA", "941"), ("Austin", "TX", "787"), ("Denver", "CO", "802"),
                       ("Columbus", "OH", "432"), ("Portland", "OR", "972"), ("Raleigh", "NC", "276"),
                       ("Madison", "WI", "537"), ("Phoenix", "AZ", "850"), ("Boise", "ID", "837"),
                       ("Nashville", "TN", "372")],
               streets=_sp("Market Street|Main Street|Oak Avenue|Congress Avenue|Industrial Parkway|Commerce Drive|"
                           "Elm Street|Lincoln Blvd|Riverside Drive|Park Place|Cherry Lane")),
    "CA": dict(stems=_sp("Maple Leaf|Northern Lights|Fraser Valley|Lakehead|Prairie Sky|Rideau|Cascadia|Laurentian|"
                         "Bay Street|Muskoka"), words=None, suffix=_sp("Inc.|Ltd.|Corp."),
               cities=[("Toronto", "ON", "M5V"), ("Vancouver", "BC", "V6B"), ("Calgary", "AB", "T2P"),
                       ("Ottawa", "ON", "K1P"), ("Winnipeg", "MB", "R3C"), ("Halifax", "NS", "B3J")],
               streets=_sp("King Street West|Granville Street|Portage Avenue|Jasper Avenue|Bank Street|Barrington Street")),
    "GB": dict(stems=_sp("Thames|Pennine|Kingsway|Oakfield|Ashdown|Brookside|Wessex|Mercia|Highgate|Fenwick|Calder"),
               words=None, suffix=_sp("Ltd|Limited|LLP|Ltd"),
               first=_sp("Oliver|Amelia|Harry|Isla|George|Sophie|Jack|Grace|Thomas|Emma"),
               last=_sp("Smith|Jones|Taylor|Brown|Wilson|Evans|Roberts|Walker|Wright|Hughes"),
               cities=[("Manchester", "M1 2AB"), ("Leeds", "LS1 4DY"), ("Bristol", "BS1 5TR"), ("London", "EC2A 4NE"),
                       ("Birmingham", "B2 4QA"), ("Glasgow", "G2 1DY"), ("Cardiff", "CF10 1EP")],
               streets=_sp("High Street|Station Road|Church Lane|Victoria Street|Mill Road|Queen Street|King's Road")),
    "IE": dict(stems=_sp("Liffey|Shannon|Emerald|Wicklow|Connacht|Burren"), words=None, suffix=_sp("Ltd|Limited|DAC"),
               cities=[("Dublin 2", "D02 X285"), ("Cork", "T12 R2NC"), ("Galway", "H91 E2K3")],
               streets=_sp("Grafton Street|Patrick Street|Shop Street|Dame Street")),
    "AU": dict(stems=_sp("Southern Cross|Coral Coast|Eucalypt|Red Centre|Harbourside|Murray River|Blue Gum|Outback"),
               words=None, suffix=_sp("Pty Ltd|Pty. Ltd.|Pty Ltd"),
               cities=[("Sydney", "NSW", "2000"), ("Melbourne", "VIC", "3000"), ("Brisbane", "QLD", "4000"),
                       ("Perth", "WA", "6000"), ("Adelaide", "SA", "5000"), ("Hobart", "TAS", "7000")],
               streets=_sp("George Street|Collins Street|Queen Street|Hay Street|Rundle Mall|Elizabeth Street")),
    "NZ": dict(stems=_sp("Kiwi Coast|Southern Alps|Kauri|Pohutukawa|Tasman|Rangitoto|Aoraki"), words=None,
               suffix=_sp("Limited|Ltd"),
               cities=[("Auckland", "1010"), ("Wellington", "6011"), ("Christchurch", "8011"), ("Hamilton", "3204")],
               streets=_sp("Queen Street|Lambton Quay|Colombo Street|Victoria Street")),
    "SG": dict(stems=_sp("Merlion|Straits|Orchard|Lion City|Marina|Temasek"), words=None, suffix=_sp("Pte. Ltd.|Pte Ltd"),
               cities=[("Singapore", "049315"), ("Singapore", "238879"), ("Singapore", "609434")],
               streets=_sp("Robinson Road|Orchard Road|Jurong West Street 41|Ubi Avenue 1")),
    "DE": dict(stems=_sp("Bergmann|Hoffmann|Schäfer|Wagner|Keller|Lindner|Krüger|Vogel|Brandt|Seidel|Hartmann|Ziegler"),
               words=_sp("Maschinenbau|Elektrotechnik|Logistik|Metallbau|Industriebedarf|Haustechnik|Verpackung|"
                         "Kunststofftechnik|Antriebstechnik|Bürotechnik|Medientechnik"),
               suffix=_sp("GmbH|GmbH & Co. KG|AG|KG|GmbH"),
               first=_sp("Jonas|Lena|Lukas|Anna|Felix|Laura|Maximilian|Julia|Tobias|Sabine|Stefan|Katrin"),
               last=_sp("Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Koch|Richter|Wolf"),
               cities=[("70565", "Stuttgart"), ("80331", "München"), ("20095", "Hamburg"), ("50667", "Köln"),
                       ("04109", "Leipzig"), ("90402", "Nürnberg"), ("28195", "Bremen"), ("33602", "Bielefeld")],
               streets=_sp("Industriestraße|Hauptstraße|Gewerbering|Am Hafen|Bahnhofstraße|Daimlerstraße|Lindenallee|"
                           "Robert-Bosch-Straße|Schillerstraße")),
    "AT": dict(stems=_sp("Alpen|Donau|Tauern|Wienerwald|Steirer"), words=_sp("Technik|Handel|Bau|Logistik"),
               suffix=_sp("GmbH|KG|GesmbH"),
               cities=[("1010", "Wien"), ("4020", "Linz"), ("8010", "Graz"), ("5020", "Salzburg")],
               streets=_sp("Mariahilfer Straße|Landstraße|Herrengasse|Linzer Gasse")),
    "NL": dict(stems=_sp("Van Dijk|De Vries|Bakker|Jansen|Visser|Smit|Meijer|Mulder|De Boer|Van Leeuwen"),
               words=_sp("Installatietechniek|Logistiek|Techniek|Groothandel|Bouwmaterialen|Verpakkingen|Kantoorartikelen"),
               suffix=_sp("B.V.|B.V.|N.V.|V.O.F."),
               first=_sp("Daan|Sanne|Bram|Lotte|Thijs|Eva|Ruben|Iris|Jeroen|Femke"),
               last=_sp("de Jong|Jansen|de Vries|van den Berg|Bakker|Visser|Smit|Meijer|de Graaf|Mulder"),
               cities=[("1015 CJ", "Amsterdam"), ("3011 AD", "Rotterdam"), ("3511 LX", "Utrecht"),
                       ("5611 AZ", "Eindhoven"), ("9711 LM", "Groningen"), ("2511 CV", "Den Haag")],
               streets=_sp("Keizersgracht|Coolsingel|Oudegracht|Stationsweg|Industrieweg|Marconistraat|Havenstraat")),
    "BE": dict(stems=_sp("Peeters|Janssens|Maes|Claes|Wouters|Dubois|Lambert|Mertens"),
               words=_sp("Logistics|Techniek|Bouw|Services|Distributie|Consult"), suffix=_sp("BV|NV|SRL|SA|BV"),
               cities=[("2000", "Antwerpen"), ("9000", "Gent"), ("1000", "Brussel"), ("3000", "Leuven"),
                       ("8000", "Brugge"), ("4000", "Liège")],
               streets=_sp("Meir|Kortrijksesteenweg|Rue Neuve|Bondgenotenlaan|Steenstraat|Industriepark")),
    "FR": dict(stems=_sp("Dubois|Lefèvre|Moreau|Laurent|Girard|Fournier|Bonnet|Mercier|Rousseau|Blanchard"),
               words=_sp("Industrie|Distribution|Conseil|Services|Équipements|Transports|Informatique|Bâtiment"),
               suffix=_sp("SAS|SARL|SA|EURL|SAS"),
               first=_sp("Camille|Lucas|Manon|Hugo|Chloé|Louis|Léa|Julien|Sophie|Antoine"),
               last=_sp("Martin|Bernard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefebvre|Michel"),
               cities=[("69002", "Lyon"), ("75011", "Paris"), ("13001", "Marseille"), ("31000", "Toulouse"),
                       ("44000", "Nantes"), ("67000", "Strasbourg"), ("33000", "Bordeaux")],
               streets=_sp("rue de la République|avenue Jean Jaurès|boulevard Voltaire|rue du Commerce|"
                           "rue des Lilas|chemin des Vignes|quai Saint-Antoine")),
    "IT": dict(stems=_sp("Rossi|Bianchi|Esposito|Ferrari|Romano|Colombo|Ricci|Marino|Greco|Conti|Galli|Fontana"),
               words=_sp("Forniture|Impianti|Costruzioni|Meccanica|Informatica|Servizi|Elettronica|Trasporti"),
               suffix=_sp("S.r.l.|S.p.A.|S.n.c.|S.r.l.s.|S.R.L."),
               first=_sp("Marco|Giulia|Luca|Francesca|Andrea|Chiara|Matteo|Sara|Paolo|Elena"),
               last=_sp("Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Bruno|Gallo|Costa"),
               cities=[("20121", "Milano", "MI"), ("00184", "Roma", "RM"), ("10121", "Torino", "TO"),
                       ("40121", "Bologna", "BO"), ("50123", "Firenze", "FI"), ("80133", "Napoli", "NA"),
                       ("35121", "Padova", "PD")],
               streets=_sp("Via Roma|Via Garibaldi|Corso Vittorio Emanuele II|Via Dante|Via Mazzini|Viale Europa|"
                           "Via dell'Industria")),
    "ES": dict(stems=_sp("García|Martínez|López|Sánchez|Romero|Navarro|Torres|Ruiz|Iberia|Levante"),
               words=_sp("Suministros|Instalaciones|Distribuciones|Servicios Informáticos|Construcciones|Logística"),
               suffix=_sp("S.L.|S.A.|S.L.U.|S.L."),
               first=_sp("Javier|Lucía|Carlos|María|Pablo|Laura|Sergio|Marta|Alberto|Elena"),
               last=_sp("García|Fernández|González|Rodríguez|López|Martín|Pérez|Gómez|Díaz|Moreno"),
               cities=[("28013", "Madrid"), ("46002", "Valencia"), ("41001", "Sevilla"), ("50001", "Zaragoza"),
                       ("29015", "Málaga"), ("48001", "Bilbao")],
               streets=_sp("Calle Mayor|Avenida de la Constitución|Calle de Alcalá|Gran Vía|Calle Colón|"
                           "Polígono Industrial El Pla")),
    "PT": dict(stems=_sp("Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Lusitânia|Atlântico"),
               words=_sp("Comércio|Serviços|Distribuição|Engenharia|Informática|Construções"),
               suffix=_sp("Lda.|S.A.|Unipessoal Lda.|Lda."),
               first=_sp("João|Ana|Pedro|Maria|Rui|Inês|Miguel|Sofia|Tiago|Catarina"),
               last=_sp("Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Sousa|Fernandes"),
               cities=[("1100-148", "Lisboa"), ("4000-322", "Porto"), ("3000-150", "Coimbra"), ("4700-327", "Braga"),
                       ("8000-076", "Faro")],
               streets=_sp("Rua Augusta|Avenida da Liberdade|Rua de Santa Catarina|Rua Ferreira Borges|Rua do Comércio")),
    "LU": dict(stems=_sp("Weber|Schmit|Muller|Wagner|Hoffmann|Kieffer|Thill|Reuter|Majerus"),
               words=_sp("Services|Construction|Consulting|Technique|Logistique|Immobilière"),
               suffix=_sp("S.à r.l.|S.A.|Sàrl|S.à r.l."),
               first=_sp("Luc|Anne|Marc|Claire|Paul|Nathalie|Tom|Sandra"),
               last=_sp("Schmit|Muller|Weber|Wagner|Hoffmann|Thill|Kieffer|Reuter"),
               cities=[("L-1611", "Luxembourg"), ("L-4002", "Esch-sur-Alzette"), ("L-9050", "Ettelbruck"),
                       ("L-3401", "Dudelange"), ("L-8010", "Strassen")],
               streets=_sp("rue de la Gare|avenue de la Liberté|route d'Arlon|Grand-Rue|rue de Hollerich|boulevard Royal")),
    "SK": dict(stems=_sp("Novák|Kováč|Horváth|Varga|Tóth|Baláž|Molnár|Tatra|Dunaj|Považie"),
               words=_sp("Stavby|Trade|Servis|Elektro|Technik|Logistik|Invest"), suffix=_sp("s.r.o.|a.s.|s.r.o."),
               first=_sp("Peter|Jana|Martin|Zuzana|Tomáš|Lucia|Michal|Katarína"),
               last=_sp("Horváth|Kováč|Varga|Tóth|Nagy|Baláž|Szabó|Molnár"),
               cities=[("811 01", "Bratislava"), ("040 01", "Košice"), ("010 01", "Žilina"), ("949 01", "Nitra"),
                       ("974 01", "Banská Bystrica")],
               streets=_sp("Hlavná|Štúrova|Mlynské nivy|Priemyselná|Námestie SNP|Obchodná")),
    "LV": dict(stems=_sp("Baltijas|Daugavas|Rīgas|Kurzemes|Vidzemes|Ozols|Liepa|Bērziņš|Kalniņš"),
               words=_sp("Tehnika|Būve|Serviss|Loģistika|Projekti|Tirdzniecība"), suffix=_sp("SIA|AS|SIA"),
               first=_sp("Jānis|Anna|Andris|Inese|Mārtiņš|Līga|Edgars|Ilze"),
               last=_sp("Bērziņš|Kalniņš|Ozols|Liepiņa|Jansons|Krūmiņa|Zariņš|Vītola"),
               cities=[("LV-1010", "Rīga"), ("LV-1050", "Rīga"), ("LV-3001", "Jelgava"), ("LV-5401", "Daugavpils"),
                       ("LV-3401", "Liepāja")],
               streets=_sp("Brīvības iela|Krišjāņa Valdemāra iela|Elizabetes iela|Lāčplēša iela|Rūpniecības iela")),
    "ES_CAT": dict(stems=_sp("Puig|Vila|Ferrer|Font|Soler|Roca|Pujol|Serra|Montseny|Empordà"),
                   words=_sp("Instal·lacions|Serveis|Subministraments|Distribucions|Enginyeria|Construccions"),
                   suffix=_sp("S.L.|SL|S.A.|SLU"),
                   first=_sp("Jordi|Montserrat|Pere|Núria|Marc|Laia|Arnau|Mireia"),
                   last=_sp("Puig|Vila|Ferrer|Font|Soler|Roca|Pujol|Serra"),
                   cities=[("08001", "Barcelona"), ("17001", "Girona"), ("25001", "Lleida"), ("43001", "Tarragona"),
                           ("08201", "Sabadell"), ("AD500", "Andorra la Vella"), ("AD700", "Escaldes-Engordany")],
                   streets=_sp("Carrer Major|Carrer de Balmes|Passeig de Gràcia|Avinguda Diagonal|Carrer Nou|"
                               "Avinguda Meritxell")),
    "IS": dict(stems=_sp("Jökul|Norður|Hekla|Sólar|Hraun|Fjarðar|Vík|Esju"),
               words=_sp("tækni|verk|ráðgjöf|flutningar|lausnir|smíði"), suffix=_sp("ehf.|hf.|ehf."),
               first=_sp("Jón|Guðrún|Sigurður|Anna|Gunnar|Kristín|Ólafur|Helga"),
               last=_sp("Jónsson|Sigurðardóttir|Guðmundsson|Ólafsdóttir|Einarsson|Kristjánsdóttir"),
               cities=[("101", "Reykjavík"), ("105", "Reykjavík"), ("200", "Kópavogur"), ("220", "Hafnarfjörður"),
                       ("600", "Akureyri")],
               streets=_sp("Laugavegur|Borgartún|Skeifan|Hafnarstræti|Smiðjuvegur|Suðurlandsbraut")),
    "AL": dict(stems=_sp("Albatros|Shqiponja|Dardania|Iliria|Adriatik|Vlora|Korça|Butrinti|Dajti"),
               words=_sp("Ndërtim|Tregti|Shërbime|Konsulting|Teknologji|Logjistikë"), suffix=_sp("sh.p.k.|sh.a.|sh.p.k."),
               first=_sp("Arben|Elira|Besnik|Anila|Gentian|Mirela|Dritan|Ermira"),
               last=_sp("Hoxha|Shehu|Dervishi|Leka|Gjoka|Kola|Basha|Marku"),
               cities=[("1001", "Tiranë"), ("2001", "Durrës"), ("9401", "Vlorë"), ("4001", "Shkodër"),
                       ("7001", "Korçë")],
               streets=_sp("Rruga e Kavajës|Bulevardi Zogu I|Rruga Myslym Shyri|Rruga e Durrësit|Rruga Ismail Qemali")),
    "TZ": dict(stems=_sp("Kilimanjaro|Serengeti|Zanzibar|Pwani|Mwanza|Tanga|Uhuru|Msafiri|Kariakoo"),
               words=_sp("Traders|Supplies|Enterprises|Hardware|General Merchants|Logistics"),
               suffix=_sp("Limited|Co. Ltd|Ltd"),
               first=_sp("Juma|Amina|Baraka|Neema|Hamisi|Rehema|Salim|Zawadi"),
               last=_sp("Mwakyusa|Mushi|Kimaro|Said|Mollel|Massawe|Lyimo|Shirima"),
               cities=[("Dar es Salaam", ""), ("Arusha", ""), ("Mwanza", ""), ("Dodoma", ""), ("Moshi", "")],
               streets=_sp("Samora Avenue|Nyerere Road|Uhuru Street|Sokoine Drive|Morogoro Road")),
    "KE": dict(stems=_sp("Mombasa|Rift Valley|Nyali|Savanna|Tana|Kilifi"), words=_sp("Traders|Supplies|Enterprises"),
               suffix=_sp("Limited|Ltd"), cities=[("Nairobi", "00100"), ("Mombasa", "80100"), ("Nakuru", "20100")],
               streets=_sp("Moi Avenue|Kenyatta Avenue|Ngong Road|Digo Road")),
    "ZA": dict(stems=_sp("Van der Merwe|Botha|Pretorius|Du Plessis|Venter|Nel|Steyn|Kruger|Karoo|Drakensberg"),
               words=_sp("Boerdery|Ingenieurswerke|Vervoer|Bouers|Handelaars|Elektries|Eiendomme"),
               suffix=_sp("(Edms) Bpk|(Pty) Ltd|BK|(Edms) Bpk"),
               first=_sp("Johan|Annelie|Pieter|Marietjie|Hendrik|Elsabe|Willem|Riana"),
               last=_sp("van der Merwe|Botha|Pretorius|du Plessis|Venter|Nel|Steyn|Coetzee"),
               cities=[("Stellenbosch", "7600"), ("Pretoria", "0002"), ("Bloemfontein", "9301"), ("Paarl", "7646"),
                       ("George", "6530"), ("Kaapstad", "8001")],
               streets=_sp("Kerkstraat|Dorpstraat|Hoofweg|Voortrekkerweg|Pleinstraat|Stasieweg")),
    "MT": dict(stems=_sp("Camilleri|Borg|Vella|Farrugia|Zammit|Galea|Grech|Micallef|Melita|Għawdex"),
               words=_sp("Trading|Services|Enterprises|Imports|Supplies|Engineering"), suffix=_sp("Ltd|Limited|Ltd"),
               first=_sp("Joseph|Maria|Mark|Rita|Paul|Carmen|Kevin|Doris"),
               last=_sp("Borg|Camilleri|Vella|Farrugia|Zammit|Galea|Grech|Micallef"),
               cities=[("Valletta", "VLT 1117"), ("Birkirkara", "BKR 4012"), ("Mosta", "MST 1010"),
                       ("Qormi", "QRM 3000"), ("Victoria, Għawdex", "VCT 1010")],
               streets=_sp("Triq il-Merkanti|Triq ir-Repubblika|Triq il-Kbira|Triq San Pawl|Triq l-Industrija")),
    "PH": dict(stems=_sp("Dela Cruz|Santos|Reyes|Bautista|Mendoza|Villanueva|Bayanihan|Mabuhay|Luzon"),
               words=_sp("Trading|Enterprises|General Merchandise|Hardware|Marketing|Construction Supply"),
               suffix=_sp("Inc.|Corporation|Co.|Inc."),
               first=_sp("Juan|Maria|Jose|Ana|Mark|Rosario|Paolo|Liza"),
               last=_sp("Dela Cruz|Santos|Reyes|Bautista|Mendoza|Garcia|Villanueva|Ramos"),
               cities=[("Makati City", "1200"), ("Quezon City", "1100"), ("Pasig City", "1600"), ("Cebu City", "6000"),
                       ("Davao City", "8000")],
               streets=_sp("Rizal Street|Mabini Street|Ayala Avenue|Bonifacio Street|Quezon Avenue|Osmeña Boulevard")),
    "AE": dict(stems=_sp("Al Noor|Al Fajr|Emirates Star|Gulf Star|Desert Rose|Al Waha|Palm Crest|Al Baraka|Al Khaleej"),
               words=_sp("Trading|General Trading|Technical Services|Building Materials|IT Solutions|Contracting"),
               suffix=_sp("LLC|L.L.C.|FZ-LLC|FZE|FZCO"),
               cities=[("Dubai", "Sheikh Zayed Road"), ("Abu Dhabi", "Hamdan Street"), ("Sharjah", "Al Wahda Street"),
                       ("Ajman", "Sheikh Khalifa Street")],
               streets=_sp("Al Moosa Tower 2|Business Bay Tower|Al Ghurair Centre|Sky Tower|Emirates Tower")),
    "SA": dict(stems=_sp("Al Rashed|Al Jazeera|Najd|Al Hijaz|Al Yamamah|Red Sea|Al Dawaa|Tabuk"),
               words=_sp("Trading Est.|Contracting Co.|Technical Services Co.|Trading Co.|Supplies Co."),
               suffix=_sp("Ltd.|||LLC"),
               cities=[("Riyadh", "12214"), ("Jeddah", "21442"), ("Dammam", "32241"), ("Khobar", "34426")],
               streets=_sp("King Fahd Road|Prince Sultan Street|Olaya Street|King Abdulaziz Road")),
    "QA": dict(stems=_sp("Al Doha|Pearl|Al Wakra|Lusail|Al Sadd|Msheireb"),
               words=_sp("Trading|Contracting|Engineering Services|Facility Management"), suffix=_sp("W.L.L.|W.L.L"),
               cities=[("Doha", "25"), ("Doha", "40"), ("Al Wakrah", "90"), ("Lusail", "69")], streets=None),
    "BH": dict(stems=_sp("Dilmun|Al Manama|Muharraq|Seef|Al Areen|Pearl Coast"),
               words=_sp("Trading|Contracting|Technical Services|Supplies"), suffix=_sp("W.L.L.|B.S.C. (c)|W.L.L."),
               cities=[("Manama", "428"), ("Muharraq", "210"), ("Sitra", "611"), ("Riffa", "929")], streets=None),
    "OM": dict(stems=_sp("Muscat|Al Batinah|Dhofar|Sohar|Nizwa|Al Khuwair|Salalah"),
               words=_sp("Trading|Engineering|Contracting|Oilfield Supplies"), suffix=_sp("LLC|SAOC|L.L.C."),
               cities=[("Muscat", "112"), ("Ruwi", "112"), ("Sohar", "311"), ("Salalah", "211")], streets=None),
    "KW": dict(stems=_sp("Al Kout|Failaka|Al Ahmadi|Salmiya|Hawalli"), words=_sp("General Trading|Contracting"),
               suffix=_sp("W.L.L.|K.S.C.C."), cities=[("Kuwait City", "13001"), ("Salmiya", "22001")], streets=None),
}
for _k in ("CA", "IE", "AU", "NZ", "SG", "KE"):
    CO[_k].setdefault("first", CO["US"]["first"] if _k != "IE" else CO["GB"]["first"])
    CO[_k].setdefault("last", CO["US"]["last"] if _k != "IE" else CO["GB"]["last"])
for _k in ("CA", "GB", "IE", "AU", "NZ", "SG", "KE"):
    if not CO[_k].get("words"):
        CO[_k]["words"] = CO["US"]["words"]
for _k in ("AT", "BE"):
    CO[_k].setdefault("first", CO["DE" if _k == "AT" else "NL"]["first"])
    CO[_k].setdefault("last", CO["DE" if _k == "AT" else "NL"]["last"])
GULF_FIRST = _sp("Ahmed|Mohammed|Fatima|Omar|Aisha|Khalid|Mariam|Yousef|Noura|Hassan")
GULF_LAST = _sp("Al Mansoori|Al Hashimi|Al Qahtani|Al Harthy|Al Marri|Al Khalifa|Al Balushi|Al Shamsi|Al Otaibi")
for _k in ("AE", "SA", "QA", "BH", "OM", "KW"):
    CO[_k]["first"], CO[_k]["last"] = GULF_FIRST, GULF_LAST


def person(rng, cc):
    P = CO[cc]
    return rng.choice(P["first"]) + " " + rng.choice(P["last"])


def company_name(rng, cc, words=None):
    P = CO[cc]
    stem = rng.choice(P["stems"])
    word = rng.choice(words or P["words"])
    suf = rng.choice(P["suffix"])
    r = rng.random()
    if cc == "LV":
        return f'{suf} "{stem} {word}"'
    if cc == "IS":
        return f"{stem}{word} {suf}"
    if cc in ("SA",) and not suf:
        return f"{stem} {word}"
    if r < 0.55:
        name = f"{stem} {word}"
    elif r < 0.75 and cc not in ("AE", "SA", "QA", "BH", "OM", "KW"):
        s2 = rng.choice([s for s in P["stems"] if s != stem])
        name = f"{stem} & {s2}"
    elif r < 0.88 and cc in ("DE", "AT", "NL", "BE", "FR", "IT", "ES", "PT", "SK", "ES_CAT", "LU", "AL"):
        name = f"{word} {stem}"
    else:
        name = f"{stem} {word}"
    return f"{name} {suf}".strip()


def address(rng, cc):
    P = CO[cc]
    n = rng.randrange(1, 240)
    if cc == "US":
        city, st, z = rng.choice(P["cities"])
        l1 = f"{rng.randrange(100, 9999)} {rng.choice(P['streets'])}" + (f", Suite {rng.randrange(100, 950)}" if rng.random() < 0.35 else "")
        return [l1, f"{city}, {st} {z}{digits(rng, 2)}"]
    if cc == "CA":
        city, pv, p3 = rng.choice(P["cities"])
        return [f"{rng.randrange(10, 2999)} {rng.choice(P['streets'])}", f"{city}, {pv} {p3} {digits(rng, 1)}{letters(rng, 1)}{digits(rng, 1)}"]
    if cc in ("GB", "IE"):
        city, pc = rng.choice(P["cities"])
        return [f"{n} {rng.choice(P['streets'])}", city, pc]
    if cc == "AU":
        city, st, pc = rng.choice(P["cities"])
        return [f"Level {rng.randrange(1, 30)}, {n} {rng.choice(P['streets'])}", f"{city} {st} {pc}"]
    if cc == "NZ":
        city, pc = rng.choice(P["cities"])
        return [f"{n} {rng.choice(P['streets'])}", f"{city} {pc}"]
    if cc == "SG":
        city, pc = rng.choice(P["cities"])
        return [f"{n} {rng.choice(P['streets'])}, #{rng.randrange(2, 20):02d}-{rng.randrange(1, 30):02d}", f"Singapore {pc}"]
    if cc in ("DE", "AT", "NL", "BE", "SK", "IS"):
        pc, city = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])} {n}", f"{pc} {city}"]
    if cc == "FR":
        pc, city = rng.choice(P["cities"])
        return [f"{n} {rng.choice(P['streets'])}", f"{pc} {city.upper() if rng.random() < 0.5 else city}"]
    if cc == "IT":
        pc, city, pr = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])}, {n}", f"{pc} {city} ({pr})"]
    if cc == "ES":
        pc, city = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])}, {n}", f"{pc} {city}"]
    if cc == "ES_CAT":
        pc, city = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])}, {n}", f"{pc} {city}"]
    if cc == "PT":
        pc, city = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])}, {n}", f"{pc} {city}"]
    if cc == "LU":
        pc, city = rng.choice(P["cities"])
        return [f"{n}, {rng.choice(P['streets'])}", f"{pc} {city}"]
    if cc == "LV":
        pc, city = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])} {n}", f"{city}, {pc}"]
    if cc == "AL":
        pc, city = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])}, Nr. {n}", f"{city} {pc}"]
    if cc == "TZ":
        city, _ = rng.choice(P["cities"])
        return [f"Plot {n}, {rng.choice(P['streets'])}", f"P.O. Box {rng.randrange(100, 99999)}", city]
    if cc == "KE":
        city, pc = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])}, {rng.choice(['2nd', '3rd', '5th'])} Floor", f"P.O. Box {rng.randrange(100, 99999)}-{pc}", city]
    if cc == "ZA":
        city, pc = rng.choice(P["cities"])
        return [f"{rng.choice(P['streets'])} {n}", city, pc]
    if cc == "MT":
        city, pc = rng.choice(P["cities"])
        return [f"{n}, {rng.choice(P['streets'])}", f"{city} {pc}"]
    if cc == "PH":
        city, pc = rng.choice(P["cities"])
        return [f"{n} {rng.choice(P['streets'])}, Brgy. {rng.choice(['San Antonio', 'Poblacion', 'Bel-Air', 'Kapitolyo', 'Lahug'])}",
                f"{city} {pc}"]
    if cc == "AE":
        city, road = rng.choice(P["cities"])
        return [f"Office {rng.randrange(101, 3999)}, {rng.choice(P['streets'])}, {road}", f"P.O. Box {rng.randrange(1000, 99999)}, {city}, UAE"]
    if cc == "SA":
        city, pc = rng.choice(P["cities"])
        return [f"Building No. {digits(rng, 4)}, {rng.choice(P['streets'])}", f"{city} {pc}, Additional No. {digits(rng, 4)}", "Kingdom of Saudi Arabia"]
    if cc == "QA":
        city, zone = rng.choice(P["cities"])
        return [f"Building {rng.randrange(1, 99)}, Street {rng.randrange(200, 999)}, Zone {zone}", f"P.O. Box {rng.randrange(1000, 30000)}, {city}, Qatar"]
    if cc == "BH":
        city, block = rng.choice(P["cities"])
        return [f"Flat {rng.randrange(1, 40)}, Building {rng.randrange(100, 2999)}, Road {rng.randrange(100, 4999)}, Block {block}", f"{city}, Kingdom of Bahrain"]
    if cc == "OM":
        city, pc = rng.choice(P["cities"])
        return [f"Way {rng.randrange(1000, 9999)}, Building {rng.randrange(100, 2999)}", f"P.O. Box {rng.randrange(100, 2000)}, PC {pc}, {city}", "Sultanate of Oman"]
    if cc == "KW":
        city, pc = rng.choice(P["cities"])
        return [f"Block {rng.randrange(1, 12)}, Street {rng.randrange(1, 40)}, Building {rng.randrange(1, 80)}", f"{city} {pc}, Kuwait"]
    raise KeyError(cc)


def vat_id(rng, cc):
    return {
        "DE": lambda: "DE" + digits(rng, 9), "AT": lambda: "ATU" + digits(rng, 8), "NL": lambda: "NL" + digits(rng, 9) + "B01",
        "BE": lambda: "BE0" + digits(rng, 9), "FR": lambda: "FR" + digits(rng, 11), "IT": lambda: "IT" + digits(rng, 11),
        "ES": lambda: "ES" + rng.choice("ABG") + digits(rng, 8), "ES_CAT": lambda: "ES" + rng.choice("AB") + digits(rng, 8),
        "PT": lambda: "PT5" + digits(rng, 8), "LU": lambda: "LU" + digits(rng, 8), "SK": lambda: "SK202" + digits(rng, 7),
        "LV": lambda: "LV4000" + digits(rng, 7), "MT": lambda: "MT" + digits(rng, 8),
        "GB": lambda: f"GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}", "IE": lambda: "IE" + digits(rng, 7) + "WH",
        "AU": lambda: f"{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
        "NZ": lambda: f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}",
        "CA": lambda: f"{digits(rng, 9)} RT0001", "ZA": lambda: "4" + digits(rng, 9),
        "AE": lambda: "100" + digits(rng, 12), "SA": lambda: "3" + digits(rng, 13) + "3",
        "BH": lambda: "2" + digits(rng, 8) + "00002", "OM": lambda: "OM11000" + digits(rng, 5), "QA": lambda: digits(rng, 10),
        "KW": lambda: digits(rng, 12), "SG": lambda: "M9-" + digits(rng, 7) + "-" + letters(rng, 1),
        "IS": lambda: digits(rng, 5), "AL": lambda: rng.choice("KLM") + digits(rng, 8) + letters(rng, 1),
        "TZ": lambda: f"40-{digits(rng, 6)}-{letters(rng, 1)}", "KE": lambda: "P05" + digits(rng, 7) + letters(rng, 1),
        "PH": lambda: f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}-000", "US": lambda: f"{digits(rng, 2)}-{digits(rng, 7)}",
    }[cc]()


def party(rng, cc, words=None, person_prob=0.0):
    """A company (or a person) with address and ids."""
    if rng.random() < person_prob:
        name = person(rng, cc)
        kind = "person"
    else:
        name = company_name(rng, cc, words)
        kind = "company"
    words_ = [w.strip('"') for w in name.split() if len(w.strip('"')) > 3 and w not in ("SIA", "Stadt")]
    base = unicodedata.normalize("NFKD", (words_ or name.split())[0].lower().replace("&", ""))
    base = "".join(ch for ch in base if ch.isascii() and ch.isalnum()) or "info"
    tld = {"US": "com", "CA": "ca", "GB": "co.uk", "IE": "ie", "AU": "com.au", "NZ": "co.nz", "SG": "com.sg",
           "ES_CAT": "cat", "AE": "ae", "SA": "sa", "QA": "qa", "BH": "bh", "OM": "om", "KW": "com.kw",
           "TZ": "co.tz", "KE": "co.ke", "ZA": "co.za", "PH": "ph"}.get(cc, cc.lower())
    return dict(name=name, kind=kind, addr=address(rng, cc), vat=vat_id(rng, cc), cc=cc,
                email=f"{rng.choice(['info', 'billing', 'accounts', 'office', 'sales', 'invoices'])}@{base}.{tld}",
                web=f"www.{base}.{tld}", phone=phone(rng, cc))


def phone(rng, cc):
    pre = {"US": "+1 ", "CA": "+1 ", "GB": "+44 ", "IE": "+353 ", "AU": "+61 ", "NZ": "+64 ", "SG": "+65 ",
           "DE": "+49 ", "AT": "+43 ", "NL": "+31 ", "BE": "+32 ", "FR": "+33 ", "IT": "+39 ", "ES": "+34 ",
           "ES_CAT": "+34 ", "PT": "+351 ", "LU": "+352 ", "SK": "+421 ", "LV": "+371 ", "IS": "+354 ",
           "AL": "+355 ", "TZ": "+255 ", "KE": "+254 ", "ZA": "+27 ", "MT": "+356 ", "PH": "+63 ", "AE": "+971 ",
           "SA": "+966 ", "QA": "+974 ", "BH": "+973 ", "OM": "+968 ", "KW": "+965 "}[cc]
    if cc in ("US", "CA"):
        return f"({digits(rng, 3)}) {digits(rng, 3)}-{digits(rng, 4)}" if rng.random() < 0.6 else pre + f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 4)}"
    return pre + f"{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 4)}"


def iban(rng, cc):
    L = {"DE": 22, "AT": 20, "NL": 18, "BE": 16, "FR": 27, "IT": 27, "ES": 24, "ES_CAT": 24, "PT": 25, "LU": 20,
         "SK": 24, "LV": 21, "MT": 31, "IS": 26, "AL": 28, "GB": 22, "IE": 22, "AE": 23, "SA": 24, "QA": 29,
         "BH": 22, "KW": 30, "AD": 24}.get(cc, 22)
    c = "ES" if cc == "ES_CAT" else cc
    body = c + digits(rng, 2)
    if c in ("NL",):
        body += rng.choice(["INGB", "ABNA", "RABO"]) + digits(rng, 10)
    elif c in ("GB", "IE"):
        body += rng.choice(["NWBK", "BARC", "AIBK", "BOFI"]) + digits(rng, 14)
    elif c in ("LV", "MT", "QA", "BH", "KW"):
        body += letters(rng, 4) + digits(rng, L - 8)
    else:
        body += digits(rng, L - 4)
    return " ".join(body[i:i + 4] for i in range(0, len(body), 4))


def bic(rng, cc):
    c = "ES" if cc == "ES_CAT" else cc
    return letters(rng, 4) + c + letters(rng, 2) + ("" if rng.random() < 0.5 else "XXX")


def rebrand(p, name, stem=None, cc=None):
    """Give party p a new legal name, with e-mail and web address derived from it."""
    p["name"] = name
    base = unicodedata.normalize("NFKD", (stem or name.split()[0]).lower())
    base = "".join(ch for ch in base if ch.isascii() and ch.isalnum())
    tld = p["web"].split(".", 2)[-1] if p.get("web") else "com"
    p["email"] = p["email"].split("@")[0] + "@" + base + "." + tld
    p["web"] = "www." + base + "." + tld
    return p


# ----------------------------------------------------------------------------------------------
# layout helpers: page flow, tables, totals, blocks
# ----------------------------------------------------------------------------------------------
class Lay:
    """Vertical flow over pages: y cursor, bottom limit, continuation header."""

    def __init__(self, cv, x0, x1, top, bot, cont=None):
        self.cv, self.x0, self.x1, self.top, self.bot, self.cont = cv, x0, x1, top, bot, cont
        self.y = top

    def need(self, h):
        if self.y + h > self.bot:
            self.brk()
            return True
        return False

    def brk(self):
        self.cv.new_page()
        self.y = self.top
        if self.cont:
            self.y = self.cont(self.cv, self)


def table(cv, lay, cols, rows, st):
    """Draw an item table with wrapping descriptions, notes, sections, subtotal rows and page breaks.

    cols: dicts key, head, align ('l'|'r'|'c'), flex (the description column), minw.
    rows: dicts kind ('item'|'section'|'subtotal'|'discount'|'text'), cells {key: text}, note, amt (Decimal).
    st: size, pad, vpad, lh, ruling ('none'|'h'|'grid'|'zebra'|'hhead'|'box'), head_fill, head_color,
        head_style, head_caps, head_rule, line_color, carry {cf, bf, key, fmt, mode}, note_size.
    """
    size = st.get("size", 8.5)
    pad = st.get("pad", 4)
    vpad = st.get("vpad", 2.5)
    lh = st.get("lh", 1.22) * size
    x0, x1 = st.get("x0", lay.x0), st.get("x1", lay.x1)
    hsize = st.get("hsize", size)
    hstyle = st.get("head_style", "b")
    note_size = st.get("note_size", size - 1.3)
    line_col = st.get("line_color", (0.6, 0.6, 0.6))
    ruling = st.get("ruling", "h")
    heads = [(c["head"].upper() if st.get("head_caps") else c["head"]) for c in cols]
    # widths
    ws = []
    for c, h in zip(cols, heads):
        if c.get("flex"):
            ws.append(None)
            continue
        cw = max([cv.tw(r["cells"].get(c["key"], ""), size, r.get("style", "r") if r["kind"] == "item" else "b")
                  for r in rows if r["kind"] in ("item", "discount", "subtotal")] + [0])
        hw = max(cv.tw(wd, hsize, hstyle) for wd in (h.split() or [""]))
        full = cv.tw(h, hsize, hstyle)
        w = max(cw, hw, c.get("minw", 0)) + 2 * pad
        if full + 2 * pad <= max(w, c.get("prefw", 0)) or full + 2 * pad < 60:
            w = max(w, full + 2 * pad)
        ws.append(w)
    flexw = (x1 - x0) - sum(w for w in ws if w is not None)
    if flexw < 90:
        raise OverflowError("table too wide")
    ws = [flexw if w is None else w for w in ws]
    xs = [x0]
    for w in ws:
        xs.append(xs[-1] + w)
    dk = next(c["key"] for c in cols if c.get("flex"))
    dcol = [c["key"] for c in cols].index(dk)
    # header layout
    hlines = [cv.wrap(h, hsize, hstyle, w - 2 * pad) if h else [""] for h, w in zip(heads, ws)]
    nh = max(len(h) for h in hlines)
    hh = nh * hsize * 1.2 + 2 * st.get("hvpad", 3.5)
    seg_top = [None]
    carry = st.get("carry")
    state = {"run": ZERO, "page": ZERO, "zebra": 0}

    def draw_head():
        y = lay.y
        seg_top[0] = y
        if st.get("head_fill"):
            cv.rect(x0, y, x1, y + hh, fill=st["head_fill"])
        if st.get("head_rule", True) and ruling != "grid":
            cv.line(x0, y, x1, y, color=st.get("head_rule_color", BLACK), lw=st.get("head_rule_w", 0.8))
            cv.line(x0, y + hh, x1, y + hh, color=st.get("head_rule_color", BLACK), lw=st.get("head_rule_w", 0.8))
        for i, c in enumerate(cols):
            for k, t in enumerate(hlines[i]):
                by = y + st.get("hvpad", 3.5) + hsize * 0.85 + k * hsize * 1.2
                if c["align"] == "r":
                    cv.text(xs[i + 1] - pad, by, t, hsize, hstyle, st.get("head_color", BLACK), "r")
                elif c["align"] == "c":
                    cv.text((xs[i] + xs[i + 1]) / 2, by, t, hsize, hstyle, st.get("head_color", BLACK), "c")
                else:
                    cv.text(xs[i] + pad, by, t, hsize, hstyle, st.get("head_color", BLACK))
        lay.y = y + hh

    def close_seg():
        if ruling in ("grid", "box") and seg_top[0] is not None:
            cv.rect(x0, seg_top[0], x1, lay.y, stroke=line_col, lw=0.6)
            if ruling == "grid":
                for xx in xs[1:-1]:
                    cv.line(xx, seg_top[0], xx, lay.y, color=line_col, lw=0.5)
                cv.line(x0, seg_top[0] + hh, x1, seg_top[0] + hh, color=line_col, lw=0.6)
        elif ruling == "hhead":
            cv.line(x0, lay.y, x1, lay.y, color=BLACK, lw=0.6)

    def carry_row(label, value, top_rule):
        y = lay.y
        rh = size * 1.25 + 2 * vpad + 1
        if top_rule:
            cv.line(x0, y, x1, y, color=BLACK, lw=0.5)
        by = y + vpad + size * 0.85 + 1
        ak = [c["key"] for c in cols].index(carry["key"])
        cv.text(xs[dcol] + pad, by, label, size, "i" if carry.get("italic") else "b")
        cv.text(xs[ak + 1] - pad, by, value, size, "b", BLACK, "r")
        lay.y = y + rh

    def row_height(r):
        if r["kind"] in ("section", "text"):
            return size * 1.25 + 2 * vpad + (3 if r["kind"] == "section" else 0)
        dl = cv.wrap(r["cells"].get(dk, ""), size, r.get("style", "r"), ws[dcol] - 2 * pad)
        r["_dl"] = dl
        nl = []
        if r.get("note"):
            nl = cv.wrap(r["note"], note_size, "r", ws[dcol] - 2 * pad)
        r["_nl"] = nl
        return 2 * vpad + len(dl) * lh + len(nl) * note_size * 1.2 + (1.5 if r["kind"] == "subtotal" else 0)

    reserve = (size * 1.25 + 2 * vpad + 2) if carry else 0
    lay.need(hh + 3 * lh)
    draw_head()
    for idx, r in enumerate(rows):
        rh = row_height(r)
        last = idx == len(rows) - 1
        if lay.y + rh + (0 if last else reserve) > lay.bot:
            if carry and carry.get("mode", "running") != "none":
                val = state["run"] if carry.get("mode", "running") == "running" else state["page"]
                carry_row(carry["cf"], carry["fmt"](val), True)
            close_seg()
            lay.brk()
            draw_head()
            state["page"] = ZERO
            if carry and carry.get("mode", "running") == "running" and carry.get("bf"):
                carry_row(carry["bf"], carry["fmt"](state["run"]), False)
        y = lay.y
        if r["kind"] == "section":
            if st.get("section_fill"):
                cv.rect(x0, y + 1.5, x1, y + rh - 0.5, fill=st["section_fill"])
            cv.text(x0 + pad, y + vpad + size * 0.85 + 2, r["text"], size, "b")
            lay.y = y + rh
            continue
        if r["kind"] == "text":
            cv.text(xs[dcol] + pad, y + vpad + size * 0.85, r["text"], size, r.get("style", "i"), GREY)
            lay.y = y + rh
            continue
        if ruling == "zebra" and r["kind"] == "item":
            if state["zebra"] % 2 == 1:
                cv.rect(x0, y, x1, y + rh, fill=st.get("zebra_fill", (0.94, 0.94, 0.94)))
            state["zebra"] += 1
        if r["kind"] == "subtotal":
            cv.line(xs[dcol], y + 0.5, x1, y + 0.5, color=BLACK, lw=0.4)
        by = y + vpad + size * 0.85 + (1.5 if r["kind"] == "subtotal" else 0)
        sty = r.get("style", "b" if r["kind"] == "subtotal" else "r")
        for i, c in enumerate(cols):
            if i == dcol:
                for k, t in enumerate(r["_dl"]):
                    cv.text(xs[i] + pad, by + k * lh, t, size, sty)
                ny = by + len(r["_dl"]) * lh - lh + note_size * 1.25
                for k, t in enumerate(r["_nl"]):
                    cv.text(xs[i] + pad + st.get("note_indent", 0), ny + k * note_size * 1.2, t, note_size,
                            st.get("note_style", "r"), st.get("note_color", GREY))
                continue
            t = r["cells"].get(c["key"], "")
            if not t:
                continue
            if c["align"] == "r":
                cv.text(xs[i + 1] - pad, by, t, size, sty, BLACK, "r")
            elif c["align"] == "c":
                cv.text((xs[i] + xs[i + 1]) / 2, by, t, size, sty, BLACK, "c")
            else:
                cv.text(xs[i] + pad, by, t, size, sty)
        lay.y = y + rh
        if r["kind"] in ("item", "discount"):
            state["run"] += r.get("amt", ZERO)
            state["page"] += r.get("amt", ZERO)
        if ruling == "h" and not last:
            cv.line(x0, lay.y, x1, lay.y, color=line_col, lw=0.35)
        if ruling == "grid":
            cv.line(x0, lay.y, x1, lay.y, color=line_col, lw=0.35)
    if ruling == "h":
        cv.line(x0, lay.y, x1, lay.y, color=BLACK, lw=0.6)
    close_seg()
    return xs


def totals_block(cv, lay, rows, xl, xr, size, st=None):
    """rows: (label, value, opts) opts: b, big, fill, rule, dbl, color. Labels left at xl (or right before values)."""
    st = st or {}
    gap = st.get("gap", 1.45)
    h = sum(size * (o.get("big", 1)) * gap + (3 if o.get("fill") or o.get("rule") else 0) for _, _, o in rows) + 4
    lay.need(h)
    y = lay.y
    valw = max(cv.tw(v, size * o.get("big", 1), "b" if o.get("b") else "r") for _, v, o in rows)
    for lab, val, o in rows:
        sz = size * o.get("big", 1)
        sty = "b" if o.get("b") else "r"
        rh = sz * gap + (3 if o.get("fill") or o.get("rule") else 0)
        if o.get("rule"):
            cv.line(xl, y + 1, xr, y + 1, color=BLACK, lw=0.6)
        if o.get("fill"):
            cv.rect(xl - 4, y + 0.5, xr + 4, y + rh, fill=o["fill"])
        by = y + sz * 0.95 + (2 if o.get("fill") or o.get("rule") else 0)
        col = o.get("color", BLACK)
        if st.get("label_align") == "r":
            cv.text(xr - valw - st.get("lv_gap", 14), by, lab, sz, o.get("lstyle", sty), col, "r")
        else:
            cv.text(xl, by, lab, sz, o.get("lstyle", sty), col)
        cv.text(xr, by, val, sz, sty, col, "r")
        if o.get("dbl"):
            cv.line(xr - cv.tw(val, sz, sty), y + rh + 0.5, xr, y + rh + 0.5, lw=0.5)
            cv.line(xr - cv.tw(val, sz, sty), y + rh + 2, xr, y + rh + 2, lw=0.5)
        y += rh
    lay.y = y + 2
    return y


def text_lines(cv, x, y, lines, size, style="r", color=BLACK, gap=1.25, align="l", maxw=None):
    """Draw lines (wrapping those wider than maxw); returns the y below them."""
    for ln in lines:
        if isinstance(ln, tuple):
            ln, sty = ln
        else:
            sty = style
        parts = cv.wrap(ln, size, sty, maxw) if maxw else [ln]
        for p in parts:
            cv.text(x, y + size * 0.9, p, size, sty, color, align)
            y += size * gap
    return y


def kv_lines(cv, x, y, pairs, size, labw=None, sep="", lstyle="r", vstyle="r", lcolor=BLACK, gap=1.3, xr=None):
    """label  value pairs, value left-aligned at x+labw (or right-aligned at xr)."""
    if labw is None:
        labw = max(cv.tw(l + sep, size, lstyle) for l, _ in pairs) + 8
    for lab, val in pairs:
        by = y + size * 0.9
        cv.text(x, by, lab + sep, size, lstyle, lcolor)
        if xr is not None:
            cv.text(xr, by, val, size, vstyle, BLACK, "r")
        else:
            cv.text(x + labw, by, val, size, vstyle)
        y += size * gap
    return y


def kv_width(cv, pairs, size, sep="", lstyle="r", vstyle="r", labw=None):
    if labw is None:
        labw = max(cv.tw(l + sep, size, lstyle) for l, _ in pairs) + 8
    return labw + max(cv.tw(v, size, vstyle) for _, v in pairs)


def kv_grid(cv, x0, x1, y, pairs, size, lsize=None, fill=(0.92, 0.92, 0.92), lstyle="b", stroke=(0.5, 0.5, 0.5), centers=None):
    """A grid with a label row over a value row; columns sized to their content, stretched to x1."""
    lsize = lsize or size - 1
    ws = [max(cv.tw(l, lsize, lstyle), cv.tw(v, size, "r")) + 10 for l, v in pairs]
    extra = (x1 - x0) - sum(ws)
    if extra < 0:
        raise OverflowError("grid too wide")
    ws = [w + extra / len(ws) for w in ws]
    h1, h2 = lsize * 1.25 + 5, size * 1.25 + 6
    if fill:
        cv.rect(x0, y, x1, y + h1, fill=fill)
    cv.rect(x0, y, x1, y + h1 + h2, stroke=stroke, lw=0.6)
    cv.line(x0, y + h1, x1, y + h1, color=stroke, lw=0.5)
    xx = x0
    for (l, v), w in zip(pairs, ws):
        if xx > x0:
            cv.line(xx, y, xx, y + h1 + h2, color=stroke, lw=0.5)
        cv.text(xx + w / 2, y + 2.5 + lsize * 0.9, l, lsize, lstyle, BLACK, "c")
        cv.text(xx + w / 2, y + h1 + 3 + size * 0.9, v, size, "r", BLACK, "c")
        if centers is not None:
            centers.append(xx + w / 2)
        xx += w
    return y + h1 + h2


def above_cells(cv, x, y, pairs, lsize, vsize, colw, lcolor=GREY, vstyle="r", lstyle="r", gap=6):
    """label-above-value cells in a row from x, each colw wide; returns bottom y."""
    for k, (l, v) in enumerate(pairs):
        xx = x + k * colw
        cv.text(xx, y + lsize * 0.9, l, lsize, lstyle, lcolor)
        cv.text(xx, y + lsize * 1.25 + vsize * 0.95, v, vsize, vstyle)
    return y + lsize * 1.25 + vsize * 1.3 + gap


def party_block(cv, x, y, title, p, size, maxw, title_style="b", title_color=BLACK, name_style="b", extra=(),
                tsize=None, gap=1.28):
    lines = []
    if title:
        y = text_lines(cv, x, y, [title], tsize or size, title_style, title_color, gap, maxw=maxw) + 1
    y = text_lines(cv, x, y, [p["name"]], size, name_style, BLACK, gap, maxw=maxw)
    lines = list(p["addr"]) + list(extra)
    return text_lines(cv, x, y, lines, size, "r", BLACK, gap, maxw=maxw)


def logo_box(cv, x, y, brand, size, color, shape="rect"):
    """A simple logo: a coloured mark with the brand word beside it; returns (w, h)."""
    h = size * 1.6
    if shape == "rect":
        cv.rect(x, y, x + h, y + h, fill=color)
    elif shape == "circle":
        cv.circle(x + h / 2, y + h / 2, h / 2, fill=color)
    else:
        cv.rect(x, y + h * 0.25, x + h, y + h * 0.75, fill=color)
        cv.rect(x + h * 0.25, y, x + h * 0.75, y + h, fill=color)
    w = cv.text(x + h + 6, y + h * 0.8, brand, size, "b", color)
    return h + 6 + w, h


# ----------------------------------------------------------------------------------------------
# scanned / photographed look for the PNGs
# ----------------------------------------------------------------------------------------------
def degrade(img, rs, mode):
    arr = np.asarray(img.convert("RGB")).astype(np.float32)
    h, w = arr.shape[:2]
    paper = np.array([rs.uniform(0.84, 0.96), 0, 0])
    paper[1] = paper[0] * rs.uniform(0.97, 1.0)
    paper[2] = paper[0] * rs.uniform(0.88, 0.99)
    ink = rs.uniform(0.05, 0.2) * 255
    arr = ink + (arr / 255.0) * (paper * 255 - ink)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rs.uniform(-0.3, 1.3) * w, rs.uniform(-0.3, 1.3) * h
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(w, h)
    strength = rs.uniform(0.08, 0.22) if mode == "photo" else rs.uniform(0.0, 0.08)
    arr *= (1 - strength * dist)[..., None]
    arr += rs.normal(0, rs.uniform(2.5, 9.0), arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    fill = tuple(int(c * 255) for c in paper)
    ang = rs.uniform(-1.5, 1.5)
    out = out.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    out = out.filter(ImageFilter.GaussianBlur(rs.uniform(0.35, 1.0)))
    if rs.random() < 0.3:
        out = out.convert("L").convert("RGB")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=int(rs.integers(30, 72)))
    buf.seek(0)
    return Image.open(buf).convert("RGB"), round(float(ang), 2)


# ----------------------------------------------------------------------------------------------
# the invoice being built and its truth
# ----------------------------------------------------------------------------------------------
MON_SHORT["es"] = "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split()


class Inv:
    def __init__(self, rng, arch):
        self.rng = rng
        self.items = []
        self.F = {"archetype": arch}
        self.number = self.issuer = self.customer = self.currency = None
        self.date = None
        self.charges = ZERO
        self.tax = ZERO
        self.lang = "en"

    def item(self, desc, qty, up, dec=2, amt=None, **kw):
        if amt is None:
            amt = q(D(qty) * D(up), dec)
        it = dict(desc=desc, qty=None if qty is None else D(qty), up=None if up is None else D(up), amt=D(amt), **kw)
        self.items.append(it)
        return it

    @property
    def subtotal(self):
        return sum((it["amt"] for it in self.items), ZERO)

    @property
    def total(self):
        return self.subtotal + self.charges + self.tax

    def truth(self, pages):
        def num(x):
            return None if x is None else float(x)

        F = dict(self.F)
        F["charges"] = float(self.charges)
        F["pages"] = pages
        F["lang"] = self.lang
        return {
            "invoice_number": self.number,
            "invoice_date": self.date.isoformat(),
            "issuer": self.issuer,
            "customer": self.customer,
            "total": float(self.total),
            "subtotal": float(self.subtotal),
            "tax": float(self.tax),
            "currency": self.currency,
            "items": [dict(description=it["desc"], quantity=num(it["qty"]), unit_price=num(it["up"]),
                           amount=float(it["amt"])) for it in self.items],
            "features": F,
        }


def pick(rng, *opts, w=None):
    return rng.choices(opts, weights=w)[0] if w else rng.choice(opts)


def page_setup(rng, F, sizes=(A4, LETTER), fams=None, w=None):
    size = rng.choice(sizes)
    fam = rng.choices(fams or ALL_FAMS, weights=w)[0] if w else rng.choice(fams or ALL_FAMS)
    F["page"] = "A4" if size == A4 else "Letter"
    F["font"] = fam
    return Canvas(size, fam)


def accent(rng):
    return rng.choice([(0.1, 0.25, 0.55), (0.55, 0.1, 0.15), (0.05, 0.4, 0.35), (0.2, 0.2, 0.2), (0.35, 0.2, 0.55),
                       (0.0, 0.35, 0.6), (0.6, 0.35, 0.0), (0.15, 0.45, 0.2)])


def light(c, f=0.85):
    return tuple(1 - (1 - x) * (1 - f) for x in c)


def footer_pages(cv, fn):
    """Call fn(cv, page_index, n_pages) on every page (after the content is laid out)."""
    n = len(cv.pages)
    keep = cv.pn
    for k in range(n):
        cv.pn = k
        fn(cv, k, n)
    cv.pn = keep


def item_rows(inv, m, qfmt="auto", up_dec=None, cols=("desc", "qty", "up", "amt"), notes=True, extra=None):
    """Table rows for inv.items: cells desc/qty/up/amt (+ whatever extra(it) returns)."""
    rows = []
    for it in inv.items:
        cells = {"desc": it["desc"], "amt": m.n(it["amt"])}
        if it["qty"] is not None:
            cells["qty"] = fmt_qty(it["qty"], m.style, qfmt)
        if it["up"] is not None:
            cells["up"] = fmt_num(it["up"], m.style, up_dec if up_dec is not None else max(m.dec, it.get("up_dec", m.dec)))
        if extra:
            cells.update(extra(it))
        rows.append(dict(kind="item", cells=cells, note=it.get("note") if notes else None, amt=it["amt"]))
    return rows


# ----------------------------------------------------------------------------------------------
# 1. stripe: SaaS / online-payment invoices and receipts
# ----------------------------------------------------------------------------------------------
STRIPE_L = {
    "en": dict(inv="Invoice", rec="Receipt", no="Invoice number", date="Date of issue", due="Date due",
               recno="Receipt number", paid="Date paid", pm="Payment method", bill="Bill to", ship="Ship to",
               due_line="{a} due {d}", paid_line="{a} paid on {d}", pay="Pay online", desc="Description", qty="Qty",
               up="Unit price", amt="Amount", sub="Subtotal", excl="Total excluding tax", tot="Total",
               adue="Amount due", apaid="Amount paid", bal="Applied balance", page="Page {p} of {n}",
               unused="Unused time on {p} after {d}", remain="Remaining time on {p} after {d}", vat="VAT",
               on="on", rc="Reverse charge", q="Questions? Contact {n} at {e}", off="off"),
    "de": dict(inv="Rechnung", rec="Beleg", no="Rechnungsnummer", date="Rechnungsdatum", due="Fälligkeitsdatum",
               recno="Belegnummer", paid="Zahlungsdatum", pm="Zahlungsmethode", bill="Rechnungsempfänger",
               ship="Lieferadresse", due_line="{a} fällig am {d}", paid_line="{a} bezahlt am {d}", pay="Online bezahlen",
               desc="Beschreibung", qty="Menge", up="Stückpreis", amt="Betrag", sub="Zwischensumme",
               excl="Gesamtbetrag ohne Steuern", tot="Gesamtbetrag", adue="Fälliger Betrag", apaid="Bezahlter Betrag",
               bal="Angewendetes Guthaben", page="Seite {p} von {n}", unused="Nicht genutzte Zeit für {p} nach dem {d}",
               remain="Verbleibende Zeit für {p} nach dem {d}", vat="USt.", on="auf", rc="Steuerschuldnerschaft des Leistungsempfängers",
               q="Fragen? Kontaktieren Sie {n} unter {e}", off="Rabatt"),
    "fr": dict(inv="Facture", rec="Reçu", no="Numéro de facture", date="Date d'émission", due="Date d'échéance",
               recno="Numéro de reçu", paid="Date de paiement", pm="Moyen de paiement", bill="Facturer à",
               ship="Expédier à", due_line="{a} dû le {d}", paid_line="{a} payé le {d}", pay="Payer en ligne",
               desc="Description", qty="Qté", up="Prix unitaire", amt="Montant", sub="Sous-total",
               excl="Total hors taxes", tot="Total", adue="Montant dû", apaid="Montant payé", bal="Solde appliqué",
               page="Page {p} sur {n}", unused="Temps inutilisé sur {p} après le {d}", remain="Temps restant sur {p} après le {d}",
               vat="TVA", on="sur", rc="Autoliquidation", q="Des questions ? Contactez {n} à l'adresse {e}", off="de remise"),
    "nl": dict(inv="Factuur", rec="Ontvangstbewijs", no="Factuurnummer", date="Uitgiftedatum", due="Vervaldatum",
               recno="Nummer ontvangstbewijs", paid="Betaaldatum", pm="Betaalmethode", bill="Factuur aan",
               ship="Verzenden naar", due_line="{a} te betalen vóór {d}", paid_line="{a} betaald op {d}",
               pay="Online betalen", desc="Omschrijving", qty="Aantal", up="Stukprijs", amt="Bedrag", sub="Subtotaal",
               excl="Totaal exclusief btw", tot="Totaal", adue="Te betalen bedrag", apaid="Betaald bedrag",
               bal="Toegepast saldo", page="Pagina {p} van {n}", unused="Ongebruikte tijd op {p} na {d}",
               remain="Resterende tijd op {p} na {d}", vat="Btw", on="op", rc="Btw verlegd",
               q="Vragen? Neem contact op met {n} via {e}", off="korting"),
    "es": dict(inv="Factura", rec="Recibo", no="Número de factura", date="Fecha de emisión", due="Fecha de vencimiento",
               recno="Número de recibo", paid="Fecha de pago", pm="Método de pago", bill="Facturar a", ship="Enviar a",
               due_line="{a} a pagar antes del {d}", paid_line="{a} pagado el {d}", pay="Pagar online",
               desc="Descripción", qty="Cant.", up="Precio unitario", amt="Importe", sub="Subtotal",
               excl="Total sin impuestos", tot="Total", adue="Importe adeudado", apaid="Importe pagado",
               bal="Saldo aplicado", page="Página {p} de {n}", unused="Tiempo no utilizado en {p} después del {d}",
               remain="Tiempo restante en {p} después del {d}", vat="IVA", on="sobre", rc="Inversión del sujeto pasivo",
               q="¿Preguntas? Contacta con {n} en {e}", off="de descuento"),
}
SAAS_PRODUCTS = _sp("Starter|Basic|Pro|Business|Team|Growth|Scale|Premium|Plus|Essentials")
SAAS_BRANDS = _sp("Nimbus|Loopwise|Trellis|Quanta|Sparkboard|Fieldnote|Relay|Beacon|Ledgerly|Formcraft|Pixelry|"
                  "Helio|Tidal|Cobalt|Meridian|Lumen")
SAAS_ADDONS = {
    "en": _sp("Additional seats|Extra storage (100 GB)|Priority support|Analytics add-on|Custom domain|SSO / SAML|"
              "Advanced reporting|Audit log retention|Sandbox environment"),
    "de": _sp("Zusätzliche Nutzer|Zusätzlicher Speicher (100 GB)|Priority-Support|Analyse-Add-on|Eigene Domain|"
              "SSO / SAML|Erweiterte Berichte"),
    "fr": _sp("Utilisateurs supplémentaires|Stockage supplémentaire (100 Go)|Support prioritaire|Module d'analyse|"
              "Domaine personnalisé|SSO / SAML|Rapports avancés"),
    "nl": _sp("Extra gebruikers|Extra opslag (100 GB)|Prioriteitsondersteuning|Analyse-add-on|Eigen domein|SSO / SAML"),
    "es": _sp("Usuarios adicionales|Almacenamiento adicional (100 GB)|Soporte prioritario|Complemento de analítica|"
              "Dominio personalizado|SSO / SAML"),
}
SAAS_USAGE = {"en": _sp("API requests|SMS messages|Email sends|Video minutes|Tracked events|Compute hours"),
              "de": _sp("API-Aufrufe|SMS-Nachrichten|E-Mail-Versand|Videominuten"),
              "fr": _sp("Requêtes API|Messages SMS|Envois d'e-mails|Minutes vidéo"),
              "nl": _sp("API-verzoeken|Sms-berichten|Verzonden e-mails|Videominuten"),
              "es": _sp("Solicitudes de API|Mensajes SMS|Envíos de correo|Minutos de vídeo")}
EU_VAT = {"DE": ("Germany", "Deutschland", 19), "FR": ("France", "France", 20), "NL": ("Netherlands", "Nederland", 21),
          "IE": ("Ireland", "Ireland", 23), "ES": ("Spain", "España", 21), "IT": ("Italy", "Italia", 22),
          "AT": ("Austria", "Österreich", 20), "BE": ("Belgium", "België", 21), "PT": ("Portugal", "Portugal", 23)}
US_TAX = [("Texas", "6.25", "Austin", "2"), ("New York", "4", "New York City", "4.5"), ("Washington", "6.5", "Seattle", "3.85"),
          ("Ohio", "5.75", "Franklin County", "2.25"), ("Pennsylvania", "6", None, None), ("Connecticut", "1", None, None),
          ("Utah", "4.85", "Salt Lake County", "2.4")]


def period_str(d1, d2, lang):
    if lang == "en":
        return f"{fmt_date(d1, 'Mon d, Y')} – {fmt_date(d2, 'Mon d, Y')}"
    if lang == "de":
        return f"{d1.day}. {MON_SHORT['de'][d1.month - 1]} {d1.year} – {d2.day}. {MON_SHORT['de'][d2.month - 1]} {d2.year}"
    return f"{d1.day} {MON_SHORT[lang][d1.month - 1]} {d1.year} – {d2.day} {MON_SHORT[lang][d2.month - 1]} {d2.year}"


def arch_stripe(rng, inv):
    F = inv.F
    lang = pick(rng, "en", "de", "fr", "nl", "es", w=[6, 1.5, 1.5, 1, 1])
    inv.lang = lang
    L = STRIPE_L[lang]
    cc = {"en": pick(rng, "US", "GB", "IE", "CA", "AU", "SG", w=[4, 2, 1, 1, 1, 1]), "de": pick(rng, "DE", "AT"),
          "fr": "FR", "nl": "NL", "es": "ES"}[lang]
    variant = pick(rng, "invoice", "receipt", "receipt_only", w=[6, 3, 1.2])
    F.update(country=cc, variant=variant)
    cur, sym = {"US": ("USD", "$"), "GB": ("GBP", "£"), "IE": ("EUR", "€"), "CA": ("CAD", "CA$"), "AU": ("AUD", "A$"),
                "SG": ("SGD", "S$")}.get(cc, ("EUR", "€"))
    if lang == "en":
        m = Money("en", 2, "minus", "pre", sym)
    elif lang == "fr":
        m = Money("fr", 2, "minus", "post_sp", sym)
    elif lang == "nl":
        m = Money("de", 2, "minus", "pre_sp", sym)
    else:
        m = Money("de", 2, "minus", "post_sp", sym)
    inv.currency = cur
    F["money"] = m.desc()
    cv = page_setup(rng, F, fams=["liberation_sans", "dejavu_sans", "dejavu_cond", "liberation_narrow"])
    brand = rng.choice(SAAS_BRANDS)
    iss = party(rng, cc)
    word = {"en": pick(rng, "Software", "Technologies", "Labs", "Cloud", "Digital"), "de": pick(rng, "Software", "Digital", "Cloud"),
            "fr": pick(rng, "Logiciels", "Numérique", "Cloud"), "nl": pick(rng, "Software", "Digital"), "es": pick(rng, "Software", "Digital")}[lang]
    rebrand(iss, f"{brand} {word} {rng.choice(CO[cc]['suffix'])}")
    iss["email"] = f"{rng.choice(['billing', 'invoices', 'support'])}@{brand.lower()}.{rng.choice(['com', 'io', 'app'])}"
    inv.issuer = iss["name"]
    cust_cc = cc
    tax_mode = "none"
    if cc == "US":
        tax_mode = pick(rng, "us", "none", w=[3, 1])
    elif cc in ("GB", "AU", "SG"):
        tax_mode = "single"
    elif cc == "CA":
        tax_mode = "ca"
    else:
        tax_mode = pick(rng, "eu", "rc", w=[3, 1])
        if lang == "en":
            cust_cc = pick(rng, "IE", "DE", "FR", "NL", "ES", "IT", "BE")
    cust_cc_party = cust_cc if cust_cc in CO else "DE"
    cust = party(rng, cust_cc_party, person_prob=0.3 if tax_mode != "rc" else 0)
    inv.customer = cust["name"]
    d = rand_date(rng)
    inv.date = d
    due = d + timedelta(days=pick(rng, 0, 7, 14, 30))
    # items
    dfmt = {"en": "Month d, Y" if cc in ("US", "CA") else "long", "de": "long", "fr": "long", "nl": "long", "es": "long"}[lang]
    if rng.random() < 0.3 and lang == "en":
        dfmt = "Mon d, Y" if cc in ("US", "CA") else "d Mon Y"
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    inv.F["date_printed"] = ds(d)
    plan = rng.choice(SAAS_PRODUCTS)
    pstart = d
    pend = add_months(d, 1) if rng.random() < 0.8 else add_months(d, 12)
    price = D(rng.choice([9, 12, 19, 25, 29, 39, 49, 79, 99, 149, 199, 299, 499]))
    seats = rng.choice([1, 1, 1, 3, 5, 8, 12, 25])
    pname = f"{brand} {plan}"
    seatword = {"en": "seat", "de": "Nutzer", "fr": "utilisateur", "nl": "gebruiker", "es": "usuario"}[lang]
    if seats > 1:
        inv.item(f"{pname} (per {seatword})" if lang == "en" else f"{pname} ({seatword})", seats, price,
                 note=period_str(pstart, pend, lang))
    else:
        inv.item(pname, 1, price, note=period_str(pstart, pend, lang))
    if rng.random() < 0.35:
        old = rng.choice([p for p in SAAS_PRODUCTS if p != plan])
        pd = d - timedelta(days=rng.randrange(5, 25))
        pds = period_str(pd, d, lang).split(" – ")[0] if lang != "en" else fmt_date(pd, "d Mon Y")
        frac = D(rng.randrange(15, 85)) / 100
        amt_old = -q(D(rng.choice([9, 19, 29, 49])) * frac)
        amt_new = q(price * frac * seats)
        inv.item(L["unused"].format(p=f"{brand} {old}", d=pds), 1, None, amt=amt_old)
        inv.item(L["remain"].format(p=pname, d=pds), 1, None, amt=amt_new)
        F["proration"] = True
    for _ in range(rng.choice([0, 1, 1, 2])):
        ad = rng.choice([a for a in SAAS_ADDONS[lang] if a not in [i["desc"] for i in inv.items]])
        qn = rng.choice([1, 1, 2, 5, 10])
        inv.item(ad, qn, D(rng.choice([5, 10, 15, 20, 25, 49])), note=period_str(pstart, pend, lang) if rng.random() < 0.5 else None)
    if rng.random() < 0.4:
        us = rng.choice(SAAS_USAGE[lang])
        qn = rng.choice([1200, 25000, 125000, 48000, 3150])
        up = D(rng.choice(["0.0004", "0.002", "0.0075", "0.01", "0.015"]))
        it = inv.item(us, qn, up, up_dec=len(str(up).split(".")[1]))
    # discount / taxes
    charges_lines = []
    if rng.random() < 0.2:
        code = rng.choice(["WELCOME20", "LAUNCH15", "ANNUAL10", "PARTNER25"])
        pct = int("".join(ch for ch in code if ch.isdigit()))
        disc = -q(inv.subtotal * pct / 100)
        inv.charges = disc
        charges_lines.append((f"{code} ({pct}% {L['off']})", m.c(disc)))
        F["discount"] = code
    base = inv.subtotal + inv.charges
    tax_lines = []
    on = lambda b: f"{L['on']} {m.c(b)}"
    if tax_mode == "us":
        st, r1, loc, r2 = rng.choice(US_TAX)
        t1 = q(base * D(r1) / 100)
        tax_lines.append((f"Sales tax – {st} ({r1}% {on(base)})", t1))
        if loc and rng.random() < 0.8:
            t2 = q(base * D(r2) / 100)
            tax_lines.append((f"Sales tax – {loc} ({r2}% {on(base)})", t2))
    elif tax_mode == "single":
        nm, rate = {"GB": ("VAT - United Kingdom", "20"), "AU": ("GST - Australia", "10"), "SG": ("GST - Singapore", "9")}[cc]
        tax_lines.append((f"{nm} ({rate}% {on(base)})", q(base * D(rate) / 100)))
    elif tax_mode == "ca":
        prov = rng.choice([("GST", "5", "QST - Quebec", "9.975"), ("HST - Ontario", "13", None, None), ("GST", "5", "PST - British Columbia", "7")])
        tax_lines.append((f"{prov[0]} ({prov[1]}% {on(base)})", q(base * D(prov[1]) / 100)))
        if prov[2]:
            tax_lines.append((f"{prov[2]} ({prov[3]}% {on(base)})", q(base * D(prov[3]) / 100)))
    elif tax_mode == "eu":
        en_name, loc_name, rate = EU_VAT[cust_cc]
        nm = en_name if lang == "en" else loc_name
        pct = f"{rate}%" if lang in ("en", "nl") else f"{rate} %"
        tax_lines.append((f"{L['vat']} – {nm} ({pct} {on(base)})", q(base * rate / 100)))
    elif tax_mode == "rc":
        pct = "0%" if lang in ("en", "nl") else "0 %"
        tax_lines.append((f"{L['vat']} ({pct} – {L['rc']})", ZERO))
    inv.tax = sum((t for _, t in tax_lines), ZERO)
    F["tax_mode"] = tax_mode
    total = inv.total
    balance = ZERO
    if variant == "invoice" and rng.random() < 0.2:
        balance = -q(min(total, D(rng.choice([5, 10, 20, 50]))))
        F["applied_balance"] = float(balance)
    # numbers
    nstyle = pick(rng, "stripe", "dash", "inv")
    if nstyle == "stripe":
        pref = "".join(rng.choice("ABCDEF0123456789") for _ in range(8))
        number = f"{pref}-{rng.randrange(1, 40):04d}"
    elif nstyle == "dash":
        number = f"{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
    else:
        number = f"INV-{d.year}-{rng.randrange(1, 99999):05d}"
    recno = f"{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
    inv.number = recno if variant == "receipt_only" else number
    F["number_style"] = nstyle
    # ---- drawing
    W, H = cv.W, cv.H
    mx = rng.choice([44, 50, 56, 64])
    x0, x1 = mx, W - mx
    base_sz = rng.choice([8.5, 9, 9.5])
    y = rng.choice([46, 54, 62])
    title = L["inv"] if variant == "invoice" else (L["rec"] if variant == "receipt" else f"{L['rec']} #{recno}")
    cv.text(x0, y + 18, title, rng.choice([18, 20, 22]), "b")
    col = accent(rng)
    if rng.random() < 0.75:
        bw = cv.tw(brand, 13, "b") + 13 * 1.6 + 6
        logo_box(cv, x1 - bw, y + 2, brand, 13, col, rng.choice(["rect", "circle", "cross"]))
    y += 36
    meta = []
    if variant == "invoice":
        meta = [(L["no"], number), (L["date"], ds(d)), (L["due"], ds(due))]
    else:
        if variant == "receipt":
            meta.append((L["no"], number))
        meta += [(L["recno"], recno), (L["paid"], ds(d)),
                 (L["pm"], f"{rng.choice(['Visa', 'Mastercard', 'American Express'])} {rng.choice(['–', '••••', '-'])} {digits(rng, 4)}")]
    if rng.random() < 0.5:
        meta = [(l, v) for l, v in meta]
        y = kv_lines(cv, x0, y, meta, base_sz, labw=max(cv.tw(l, base_sz, "b") for l, _ in meta) + 24, lstyle="b")
    else:
        y = kv_lines(cv, x0, y, meta, base_sz, labw=max(cv.tw(l, base_sz) for l, _ in meta) + 30, lcolor=GREY)
    y += 14
    # parties in columns
    ncol = 3 if (rng.random() < 0.3 and cust["kind"] == "company") else 2
    colw = (x1 - x0) / ncol
    extra_i = [iss["email"]] + ([f"{L['vat'] if cc not in ('US', 'CA', 'AU', 'SG') else ('GST' if cc in ('AU', 'SG', 'CA') else 'EIN')} {iss['vat']}"] if rng.random() < 0.7 else [])
    ys = [party_block(cv, x0, y, None, iss, base_sz, colw - 12, extra=extra_i)]
    extra_c = [cust["email"]] if rng.random() < 0.6 else []
    if tax_mode in ("eu", "rc") and cust["kind"] == "company":
        extra_c.append(f"{L['vat']} {cust['vat']}")
    ys.append(party_block(cv, x0 + colw, y, L["bill"], cust, base_sz, colw - 12, title_style="b", extra=extra_c))
    if ncol == 3:
        ys.append(party_block(cv, x0 + 2 * colw, y, L["ship"], dict(cust, addr=address(rng, cust_cc_party)), base_sz, colw - 12))
        F["ship_to"] = True
    y = max(ys) + 16
    amt_s = m.c(total + balance)
    big = L["due_line"].format(a=amt_s, d=ds(due)) if variant == "invoice" else L["paid_line"].format(a=m.c(total), d=ds(d))
    cv.text(x0, y + 14, big, rng.choice([14, 15, 16]), "b")
    y += 24
    if variant == "invoice" and rng.random() < 0.6:
        cv.text(x0, y + 9, L["pay"], base_sz, "r", col)
        y += 14
    y += 16
    lay = Lay(cv, x0, x1, 60, H - 70, cont=lambda cv_, l_: 60)
    lay.y = y
    cols = [dict(key="desc", head=L["desc"], align="l", flex=True), dict(key="qty", head=L["qty"], align="r"),
            dict(key="up", head=L["up"], align="r"), dict(key="amt", head=L["amt"], align="r")]
    rows = []
    for it in inv.items:
        cells = {"desc": it["desc"], "qty": fmt_qty(it["qty"], m.style), "amt": m.c(it["amt"])}
        if it["up"] is not None:
            cells["up"] = m.c(it["up"], dec=it.get("up_dec"))
        rows.append(dict(kind="item", cells=cells, note=it.get("note"), amt=it["amt"]))
    table(cv, lay, cols, rows, dict(size=base_sz, hsize=base_sz - 0.5, head_style="r", head_color=GREY, ruling="h",
                                    head_rule_color=(0.7, 0.7, 0.7), head_rule_w=0.5, vpad=4, line_color=(0.85, 0.85, 0.85)))
    lay.y += 8
    trows = [(L["sub"], m.c(inv.subtotal), {})]
    for lab, v in charges_lines:
        trows.append((lab, v, {}))
    if tax_lines:
        if rng.random() < 0.6:
            trows.append((L["excl"], m.c(base), {}))
        for lab, t in tax_lines:
            trows.append((lab, m.c(t), {}))
    trows.append((L["tot"], m.c(total), {"rule": True}))
    if variant == "invoice":
        if balance:
            trows.append((L["bal"], m.c(balance), {}))
        trows.append((L["adue"], m.c(total + balance), {"b": True, "rule": True}))
    else:
        trows.append((L["apaid"], m.c(total), {"b": True, "rule": True}))
    xl = x0 + (x1 - x0) * 0.42
    if max(cv.tw(l, base_sz, "r") for l, _, _ in trows) > (x1 - xl) * 0.72:
        xl = x0 + (x1 - x0) * 0.25
    totals_block(cv, lay, trows, xl, x1, base_sz)
    if tax_mode == "rc":
        lay.need(20)
        cv.text(x0, lay.y + 14, L["rc"] + (" – Article 196 Council Directive 2006/112/EC" if lang == "en" else ""), base_sz - 1, "r", GREY)
        lay.y += 20
    if rng.random() < 0.6:
        lay.need(24)
        cv.text(x0, lay.y + 18, L["q"].format(n=iss["name"], e=iss["email"]), base_sz - 0.5, "r", GREY)
        lay.y += 24

    def foot(cv_, k, n):
        parts = [number if variant != "receipt_only" else recno,
                 (L["due_line"].format(a=amt_s, d=ds(due)) if variant == "invoice" else L["paid_line"].format(a=m.c(total), d=ds(d))),
                 L["page"].format(p=k + 1, n=n)]
        cv_.text(x0, H - 36, " · ".join(parts), base_sz - 1.5, "r", GREY)

    footer_pages(cv, foot)
    return cv


# ----------------------------------------------------------------------------------------------
# 2. qbooks: small-business accounting templates (QuickBooks, Xero, Zoho, FreshBooks, Wave)
# ----------------------------------------------------------------------------------------------
TRADES = {
    "landscaping": [("Lawn mowing – front and back", 45), ("Hedge trimming", 65), ("Mulch (per cubic yard)", 38),
                    ("Spring cleanup", 180), ("Leaf removal", 95), ("Sprinkler system check", 75),
                    ("Fertilizer application", 55), ("Tree pruning (per hour)", 70)],
    "webdesign": [("Website design – home page", 850), ("Additional page design", 180), ("Logo design", 450),
                  ("Web hosting (12 months)", 240), ("Domain renewal", 18), ("SEO audit", 375),
                  ("Content updates (hourly)", 65), ("E-commerce setup", 1200)],
    "plumbing": [("Service call", 95), ("Labor (per hour)", 85), ("Water heater 50 gal", 780),
                 ("Kitchen faucet installation", 150), ("Drain cleaning", 175), ("PEX pipe 1/2 in (per ft)", D("1.25")),
                 ("Shut-off valve", D("24.50")), ("Toilet repair kit", D("32.90"))],
    "cleaning": [("Office cleaning – weekly", 220), ("Carpet cleaning (per room)", 45), ("Window cleaning – exterior", 160),
                 ("Deep clean – kitchen", 140), ("Cleaning supplies", 35), ("Floor waxing (per sq ft)", D("0.35"))],
    "photography": [("Event coverage (hourly)", 150), ("Photo editing (per image)", 8), ("Print 8x10", 12),
                    ("Travel fee", 60), ("Online gallery", 75), ("Engagement session", 350)],
    "bookkeeping": [("Monthly bookkeeping", 350), ("Payroll processing (per employee)", 12), ("Sales tax filing", 125),
                    ("Year-end adjustments", 400), ("Advisory call (hourly)", 110), ("Accounts payable setup", 180)],
    "printing": [("Business cards (500)", 45), ("Flyers A5, 1,000 pcs", 139), ("Vinyl banner 3x6 ft", 89),
                 ("Poster 18x24", 22), ("Design setup fee", 40), ("Booklet printing, 24 pages", D("4.35"))],
    "it_support": [("Managed IT – monthly (per device)", 35), ("On-site support (hourly)", 120),
                   ("Microsoft 365 Business Standard licence", D("12.50")), ("Firewall configuration", 300),
                   ("Backup storage 1 TB", 25), ("Laptop setup and data transfer", 150)],
    "handyman": [("Drywall repair", 120), ("Interior painting (per room)", 280), ("Door installation", 190),
                 ("Shelving installation", 85), ("Materials", D("64.37")), ("Gutter cleaning", 130)],
}
TRADE_WORDS = {"landscaping": ["Landscaping", "Lawn & Garden"], "webdesign": ["Web Studio", "Digital Design"],
               "plumbing": ["Plumbing", "Plumbing & Heating"], "cleaning": ["Cleaning Services", "Janitorial"],
               "photography": ["Photography", "Photo Studio"], "bookkeeping": ["Bookkeeping", "Accounting Services"],
               "printing": ["Print & Sign", "Printing"], "it_support": ["IT Services", "Tech Support"],
               "handyman": ["Home Repairs", "Handyman Services"]}
ITEM_NOTES = ["Completed {d}", "Ref. work order {n}", "As per quote {n}", "Includes 2 revisions", "Materials supplied by client",
              "Service date {d}", "Per agreement dated {d}", "Approved by {p}"]


def qb_items(rng, inv, trade, dstr, cc):
    pool = TRADES[trade][:]
    rng.shuffle(pool)
    for desc, price in pool[:rng.randrange(2, min(7, len(pool)) + 1)]:
        price = D(price)
        if price >= 20 and rng.random() < 0.4:
            price = q(price * D(rng.choice(["0.9", "1.1", "1.05", "0.95"])))
        qty = D(rng.choice([1, 1, 1, 2, 3, 4, 6, 10])) if price > 5 else D(rng.choice([25, 50, 120, 200, 350]))
        if "hour" in desc and rng.random() < 0.5:
            qty = D(rng.choice(["1.5", "2.5", "3.25", "0.75", "4"]))
        note = None
        if rng.random() < 0.25:
            note = rng.choice(ITEM_NOTES).format(d=dstr(inv.date - timedelta(days=rng.randrange(1, 20))),
                                                 n=rng.randrange(1000, 9999), p=person(rng, cc))
        inv.item(desc, qty, price, note=note)


def arch_qbooks(rng, inv):
    F = inv.F
    variant = pick(rng, "quickbooks", "xero", "zoho", "freshbooks", "wave")
    cc = {"quickbooks": pick(rng, "US", "US", "CA", "GB"), "xero": pick(rng, "AU", "NZ", "GB"),
          "zoho": pick(rng, "US", "GB", "CA", "AU", "IE"), "freshbooks": pick(rng, "US", "CA", "GB"),
          "wave": pick(rng, "CA", "US")}[variant]
    F.update(variant=variant, country=cc)
    inv.lang = "en"
    trade = rng.choice(list(TRADES))
    F["trade"] = trade
    iss = party(rng, cc, words=TRADE_WORDS[trade], person_prob=0.0)
    cust = party(rng, cc, person_prob=0.35)
    inv.issuer, inv.customer = iss["name"], cust["name"]
    cur = {"US": "USD", "CA": "CAD", "GB": "GBP", "AU": "AUD", "NZ": "NZD", "IE": "EUR"}[cc]
    sym = {"GB": "£", "IE": "€"}.get(cc, "$")
    show_cur = True
    if variant == "quickbooks" and rng.random() < 0.3:
        show_cur = False
    inv.currency = cur if show_cur else ""
    F["currency_shown"] = show_cur
    m = Money("en", 2, "minus", "pre" if show_cur else "none", sym)
    F["money"] = m.desc()
    d = rand_date(rng)
    inv.date = d
    terms_days = rng.choice([0, 7, 14, 15, 30, 30, 45])
    due = d + timedelta(days=terms_days)
    terms = "Due on receipt" if terms_days == 0 else f"Net {terms_days}"
    dfmt = {"quickbooks": "mdy/" if cc == "US" else "dmy/", "xero": "d Mon Y", "zoho": pick(rng, "dd Mon Y", "dmy/" if cc != "US" else "mdy/"),
            "freshbooks": "mdy/" if cc == "US" else pick(rng, "dmy/", "iso"), "wave": pick(rng, "Month d, Y", "iso")}[variant]
    if cc == "CA" and dfmt == "mdy/":
        dfmt = "iso"
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt)
    F["date_printed"] = ds(d)
    qb_items(rng, inv, trade, ds, cc)
    # tax
    tax_lines = []
    sub = inv.subtotal
    if cc == "US":
        if rng.random() < 0.75:
            r = D(rng.choice(["6.25", "7", "7.5", "8.25", "8.875", "9.5", "6"]))
            tax_lines.append((f"Sales Tax ({r}%)" if variant != "quickbooks" else f"TAX ({r}%)", q(sub * r / 100), r))
    elif cc == "CA":
        prov = rng.choice([("GST", "5", "PST", "7"), ("HST", "13", None, None), ("GST", "5", "QST", "9.975"), ("GST", "5", None, None)])
        tax_lines.append((f"{prov[0]} {prov[1]}%", q(sub * D(prov[1]) / 100), D(prov[1])))
        if prov[2]:
            tax_lines.append((f"{prov[2]} {prov[3]}%", q(sub * D(prov[3]) / 100), D(prov[3])))
    elif cc == "GB":
        tax_lines.append(("VAT 20%", q(sub * D(20) / 100), D(20)))
    elif cc == "AU":
        tax_lines.append(("GST 10%", q(sub * D(10) / 100), D(10)))
    elif cc == "NZ":
        tax_lines.append(("GST 15%", q(sub * D(15) / 100), D(15)))
    elif cc == "IE":
        tax_lines.append(("VAT 23%", q(sub * D(23) / 100), D(23)))
    inv.tax = sum((t for _, t, _ in tax_lines), ZERO)
    if rng.random() < 0.2 and variant in ("quickbooks", "wave", "zoho"):
        sh = D(rng.choice([15, 25, "12.50", 40]))
        inv.charges = sh
        F["shipping"] = float(sh)
    total = inv.total
    paid = ZERO
    if rng.random() < 0.25 and variant in ("quickbooks", "zoho", "freshbooks", "wave"):
        paid = q(total * D(rng.choice(["0.5", "0.3", "0.25"])))
        F["paid"] = float(paid)
    balance = total - paid
    number = {"quickbooks": str(rng.randrange(1001, 9999)), "xero": f"INV-{rng.randrange(1, 9999):04d}",
              "zoho": f"INV-{rng.randrange(1, 999999):06d}", "freshbooks": f"{rng.randrange(1, 9999999):07d}",
              "wave": pick(rng, str(rng.randrange(1, 999)), f"INV-{rng.randrange(1, 999)}")}[variant]
    inv.number = number
    cv = page_setup(rng, F, sizes=(LETTER, A4) if cc in ("US", "CA") else (A4, A4, LETTER),
                    fams=["liberation_sans", "dejavu_sans", "dejavu_cond", "liberation_narrow", "liberation_serif"])
    W, H = cv.W, cv.H
    mx = rng.choice([40, 48, 54, 60])
    x0, x1 = mx, W - mx
    sz = rng.choice([8.5, 9, 9.5])
    col = accent(rng)
    lay = Lay(cv, x0, x1, 54, H - 64, cont=lambda c_, l_: 54)
    show_ship = rng.random() < 0.4 and cust["kind"] == "company"
    ship = dict(cust, addr=address(rng, cc)) if show_ship else None
    cm = lambda v: m.c(v)
    trows_base = [("Subtotal", cm(inv.subtotal), {})]
    if inv.charges:
        trows_base.append(("Shipping", cm(inv.charges), {}))
    for lab, t, _ in tax_lines:
        trows_base.append((lab, cm(t), {}))
    if variant == "quickbooks":
        y = 46
        cv.text(x0, y + 14, iss["name"], sz + 4, "b")
        y2 = text_lines(cv, x0, y + 20, iss["addr"] + [iss["phone"], iss["email"]], sz, maxw=(x1 - x0) * 0.55)
        title = pick(rng, "INVOICE", "Invoice")
        cv.text(x1, y + 16, title, 22, "b", col, "r")
        y = y2 + 18
        cw = (x1 - x0) / (3 if show_ship else 2.2)
        yb = party_block(cv, x0, y, "BILL TO", cust, sz, cw - 10, title_color=col, tsize=sz - 1, name_style="r")
        if show_ship:
            yb = max(yb, party_block(cv, x0 + cw, y, "SHIP TO", ship, sz, cw - 10, title_color=col, tsize=sz - 1, name_style="r"))
        meta = [("INVOICE #", number), ("DATE", ds(d)), ("DUE DATE", ds(due)), ("TERMS", terms)]
        mw = kv_width(cv, meta, sz, lstyle="b")
        ym = kv_lines(cv, x1 - mw - 10, y, meta, sz, lstyle="b", lcolor=col)
        lay.y = max(yb, ym) + 14
        cv.line(x0, lay.y - 6, x1, lay.y - 6, color=col, lw=1)
        with_date = rng.random() < 0.35
        F["service_date_col"] = with_date
        cols = ([dict(key="sd", head="DATE", align="l")] if with_date else []) + \
               [dict(key="desc", head="ACTIVITY", align="l", flex=True), dict(key="qty", head="QTY", align="r"),
                dict(key="up", head="RATE", align="r"), dict(key="amt", head="AMOUNT", align="r")]
        sdates = {id(it): ds(d - timedelta(days=rng.randrange(0, 25))) for it in inv.items}
        rows = item_rows(inv, m, extra=lambda it: {"sd": sdates[id(it)]})
        table(cv, lay, cols, rows, dict(size=sz, head_fill=light(col, 0.82), head_color=col, head_rule=False,
                                        ruling=pick(rng, "none", "h"), vpad=3.5))
        lay.y += 8
        trows = trows_base + [("TOTAL", cm(total), {"rule": True})]
        if paid:
            trows.append(("PAYMENT", cm(-paid), {}))
        trows.append(("BALANCE DUE", m.c(balance, pos="pre" if show_cur else "none"), {"b": True, "big": 1.35, "rule": True}))
        totals_block(cv, lay, trows, x0 + (x1 - x0) * 0.5, x1, sz)
        if rng.random() < 0.6:
            lay.need(40)
            text_lines(cv, x0, lay.y + 6, [("Notes", "b"), pick(rng, "Thank you for your business!", "Please make checks payable to " + iss["name"].rstrip(".") + ".",
                                                                   "A 1.5% monthly finance charge applies to overdue balances.")], sz - 0.5, maxw=x1 - x0)
            lay.y += 40
    elif variant == "xero":
        tax_nm = "GST" if cc in ("AU", "NZ") else "VAT"
        title = "TAX INVOICE" if cc != "GB" else pick(rng, "INVOICE", "TAX INVOICE")
        y = 50
        cv.text(x0, y + 20, title, 20, "b")
        ycust = text_lines(cv, x0 + 8, y + 40, [cust["name"]] + cust["addr"], sz, maxw=(x1 - x0) * 0.36)
        idlab = {"AU": "ABN", "NZ": "GST Number", "GB": "VAT Number"}[cc]
        ref = f"PO {rng.randrange(1000, 99999)}" if rng.random() < 0.6 else None
        meta = [("Invoice Date", ds(d)), ("Invoice Number", number)] + ([("Reference", ref)] if ref else []) + [(idlab, iss["vat"])]
        mx2 = x0 + (x1 - x0) * 0.42
        yy = y + 26
        for l, v in meta:
            cv.text(mx2, yy + sz, l, sz - 0.5, "b")
            cv.text(mx2, yy + sz * 2.2, v, sz)
            yy += sz * 2.9
        iy = text_lines(cv, x0 + (x1 - x0) * 0.70, y + 26, [(iss["name"], "r")] + iss["addr"], sz, maxw=(x1 - x0) * 0.30)
        lay.y = max(ycust, yy, iy) + 22
        cols = [dict(key="desc", head="Description", align="l", flex=True), dict(key="qty", head="Quantity", align="r"),
                dict(key="up", head="Unit Price", align="r"), dict(key="tx", head=tax_nm, align="r"),
                dict(key="amt", head=f"Amount {cur}", align="r")]
        rate = tax_lines[0][2]
        rows = item_rows(inv, m.__class__("en", 2, "minus", "none", ""), qfmt="dec2", extra=lambda it: {"tx": f"{rate}%"})
        table(cv, lay, cols, rows, dict(size=sz, head_style="b", ruling="h", head_rule_w=0.6, vpad=3.5, line_color=(0.8, 0.8, 0.8)))
        lay.y += 6
        nm = lambda v: fmt_num(v, "en")
        trows = [("Subtotal", nm(inv.subtotal), {}), (f"TOTAL {tax_nm} {rate}%", nm(inv.tax), {}),
                 (f"TOTAL {cur}", nm(total), {"b": True, "rule": True})]
        totals_block(cv, lay, trows, x0 + (x1 - x0) * 0.55, x1, sz)
        lay.need(60)
        y = lay.y + 14
        cv.text(x0, y, f"Due Date: {ds(due)}", sz, "b")
        if cc == "AU":
            bank = [f"BSB: {digits(rng, 3)}-{digits(rng, 3)}", f"Account: {digits(rng, 4)} {digits(rng, 4)}"]
        elif cc == "NZ":
            bank = [f"Account: {digits(rng, 2)}-{digits(rng, 4)}-{digits(rng, 7)}-00"]
        else:
            bank = [f"Sort code: {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", f"Account number: {digits(rng, 8)}"]
        y = text_lines(cv, x0, y + 6, ["Payment details:", f"Account name: {iss['name']}"] + bank + [f"Reference: {number}"], sz - 0.5)
        lay.y = y + 6
        if rng.random() < 0.7:
            # payment advice tear-off
            h_adv = 130
            if lay.y + h_adv > lay.bot:
                lay.brk()
            ya = max(lay.y + 10, lay.bot - h_adv + 30)
            cv.line(x0, ya, x1, ya, color=GREY, lw=0.6, dash="[3 2] 0")
            cv.text(x0, ya + 24, "PAYMENT ADVICE", 14, "b")
            text_lines(cv, x0, ya + 34, [("To:", "b"), iss["name"]] + iss["addr"], sz - 0.5, maxw=(x1 - x0) * 0.45)
            adv = [("Customer", cust["name"]), ("Invoice Number", number), ("Amount Due", nm(total)), ("Due Date", ds(due)),
                   ("Amount Enclosed", "")]
            ax = x0 + (x1 - x0) * 0.5
            yy = ya + 16
            for l, v in adv:
                cv.text(ax, yy + sz, l, sz - 0.5, "b")
                if v:
                    cv.text(ax + 90, yy + sz, v, sz - 0.5)
                else:
                    cv.line(ax + 90, yy + sz + 2, x1, yy + sz + 2, lw=0.5)
                yy += sz * 1.6
            cv.text(ax + 90, yy + sz * 0.6, "Enter the amount you are paying above", sz - 2.5, "r", GREY)
            F["payment_advice"] = True
            lay.y = yy + 10
    elif variant == "zoho":
        y = 46
        brand = iss["name"].split()[0]
        lw_, lh_ = logo_box(cv, x0, y, brand.upper(), 12, col, rng.choice(["rect", "circle"]))
        y1 = text_lines(cv, x0, y + lh_ + 8, [(iss["name"], "b")] + iss["addr"] + [iss["email"]], sz, maxw=(x1 - x0) * 0.5)
        cv.text(x1, y + 20, "INVOICE", 24, "r", BLACK, "r")
        cv.text(x1, y + 36, f"# {number}", sz + 1, "b", BLACK, "r")
        cv.text(x1, y + 56, "Balance Due", sz - 0.5, "r", GREY, "r")
        cv.text(x1, y + 72, m.c(balance), sz + 4, "b", BLACK, "r")
        y = max(y1, y + 84) + 14
        yb = party_block(cv, x0, y, "Bill To", cust, sz, (x1 - x0) * 0.45, title_style="r", title_color=GREY, name_style="b")
        meta = [("Invoice Date :", ds(d)), ("Terms :", terms), ("Due Date :", ds(due))]
        if rng.random() < 0.5:
            meta.append(("P.O.# :", f"PO-{rng.randrange(100, 9999)}"))
        mw = max(cv.tw(l, sz) for l, _ in meta)
        vw = max(cv.tw(v, sz) for _, v in meta)
        yy = y
        for l, v in meta:
            cv.text(x1 - vw - 14, yy + sz, l, sz, "r", GREY, "r")
            cv.text(x1, yy + sz, v, sz, "r", BLACK, "r")
            yy += sz * 1.5
        lay.y = max(yb, yy) + 14
        cols = [dict(key="no", head="#", align="l"), dict(key="desc", head="Item & Description", align="l", flex=True),
                dict(key="qty", head="Qty", align="r"), dict(key="up", head="Rate", align="r"), dict(key="amt", head="Amount", align="r")]
        cnt = iter(range(1, 99))
        rows = item_rows(inv, Money("en", 2, "minus", "none"), qfmt="dec2", extra=lambda it: {"no": str(next(cnt))})
        for r in rows:
            r["style"] = "b"
        table(cv, lay, cols, rows, dict(size=sz, head_fill=(0.2, 0.2, 0.22), head_color=WHITE, ruling="h", vpad=4,
                                        line_color=(0.85, 0.85, 0.85)))
        lay.y += 6
        trows = [("Sub Total", fmt_num(inv.subtotal), {})]
        if inv.charges:
            trows.append(("Shipping charge", fmt_num(inv.charges), {}))
        for lab, t, _ in tax_lines:
            trows.append((lab.replace("Sales Tax", "Sales Tax"), fmt_num(t), {}))
        trows.append(("Total", m.c(total), {"b": True}))
        if paid:
            trows.append(("Payment Made", "(-) " + fmt_num(paid), {"color": (0.7, 0.1, 0.1)}))
        trows.append(("Balance Due", m.c(balance), {"b": True, "fill": (0.93, 0.93, 0.93)}))
        totals_block(cv, lay, trows, x0 + (x1 - x0) * 0.55, x1, sz, {"label_align": "r"})
        lay.need(60)
        y = text_lines(cv, x0, lay.y + 10, [("Notes", "r"), "Thanks for your business."], sz - 0.5, GREY)
        y = text_lines(cv, x0, y + 6, [("Terms & Conditions", "r"), f"Payment is due within {terms_days or 1} days. Please quote the invoice number with your payment."],
                       sz - 0.5, GREY, maxw=x1 - x0)
        lay.y = y
    elif variant == "freshbooks":
        y = 50
        cv.text(x0, y + 20, iss["name"], 18, "b", col)
        ia = text_lines(cv, x1 - 170, y + 6, [iss["phone"], iss["email"]] + iss["addr"], sz - 0.5, GREY, maxw=170, align="l")
        y = max(ia, y + 34) + 22
        cw = (x1 - x0) / 4
        text_lines(cv, x0, y, [("Billed To", "r")], sz - 1, GREY)
        yb = text_lines(cv, x0, y + sz * 1.3, [cust["name"]] + cust["addr"], sz, maxw=cw - 8)
        text_lines(cv, x0 + cw, y, [("Date of Issue", "r")], sz - 1, GREY)
        cv.text(x0 + cw, y + sz * 2.2, ds(d), sz)
        text_lines(cv, x0 + cw, y + sz * 3.4, [("Due Date", "r")], sz - 1, GREY)
        cv.text(x0 + cw, y + sz * 5.6, ds(due), sz)
        text_lines(cv, x0 + 2 * cw, y, [("Invoice Number", "r")], sz - 1, GREY)
        cv.text(x0 + 2 * cw, y + sz * 2.2, number, sz)
        hdr = f"Amount Due ({cur})"
        cv.text(x1, y + sz * 0.9, hdr, sz - 1, "r", GREY, "r")
        cv.text(x1, y + sz * 3.4, m.c(balance), 20, "r", col, "r")
        lay.y = max(yb, y + sz * 6.5) + 16
        cv.line(x0, lay.y - 6, x1, lay.y - 6, color=col, lw=2)
        cols = [dict(key="desc", head="Description", align="l", flex=True), dict(key="up", head="Rate", align="r"),
                dict(key="qty", head="Qty", align="r"), dict(key="amt", head="Line Total", align="r")]
        rows = item_rows(inv, m)
        table(cv, lay, cols, rows, dict(size=sz, head_color=GREY, head_style="r", head_rule=False, ruling="h",
                                        line_color=(0.88, 0.88, 0.88), vpad=5))
        lay.y += 6
        trows = trows_base + [("Total", cm(total), {"rule": True})]
        trows.append(("Amount Paid", cm(paid), {}))
        trows.append((f"Amount Due ({cur})", cm(balance), {"b": True, "dbl": True}))
        totals_block(cv, lay, trows, x0 + (x1 - x0) * 0.5, x1, sz, {"label_align": "r"})
        lay.need(40)
        text_lines(cv, x0, lay.y + 12, [("Terms", "b"), f"Please pay within {terms_days or 1} days. Thank you!"], sz - 0.5, maxw=x1 - x0)
        lay.y += 40
    else:  # wave
        y = 46
        cv.text(x1, y + 20, "INVOICE", 22, "r", BLACK, "r")
        ia = text_lines(cv, x1 - 220, y + 30, [(iss["name"], "b")] + iss["addr"] + [iss["phone"]], sz, maxw=220)
        # right aligned issuer block
        logo_box(cv, x0, y, iss["name"].split()[0], 14, col, "rect")
        y = max(ia, y + 60) + 14
        cv.line(x0, y - 6, x1, y - 6, color=(0.8, 0.8, 0.8), lw=0.6)
        yb = party_block(cv, x0, y, "BILL TO", cust, sz, (x1 - x0) * 0.4, title_style="b", title_color=GREY,
                         extra=[cust["email"]] if rng.random() < 0.5 else [])
        meta = [("Invoice Number:", number), ("Invoice Date:", ds(d)), ("Payment Due:", ds(due))]
        vw = max(cv.tw(v, sz) for _, v in meta + [("", m.c(balance))])
        yy = y
        for l, v in meta:
            cv.text(x1 - vw - 10, yy + sz, l, sz, "b", BLACK, "r")
            cv.text(x1, yy + sz, v, sz, "r", BLACK, "r")
            yy += sz * 1.5
        cv.rect(x1 - vw - 10 - cv.tw(f"Amount Due ({cur}):", sz, "b") - 8, yy, x1 + 4, yy + sz * 1.7, fill=(0.92, 0.92, 0.92))
        cv.text(x1 - vw - 10, yy + sz * 1.2, f"Amount Due ({cur}):", sz, "b", BLACK, "r")
        cv.text(x1, yy + sz * 1.2, m.c(balance), sz, "b", BLACK, "r")
        lay.y = max(yb, yy + sz * 2) + 16
        cols = [dict(key="desc", head="Items", align="l", flex=True), dict(key="qty", head="Quantity", align="c"),
                dict(key="up", head="Price", align="r"), dict(key="amt", head="Amount", align="r")]
        rows = item_rows(inv, m)
        for r in rows:
            r["style"] = "b"
        table(cv, lay, cols, rows, dict(size=sz, head_fill=col, head_color=WHITE, head_rule=False, ruling="h",
                                        line_color=(0.85, 0.85, 0.85), vpad=4.5))
        lay.y += 6
        trows = [(l + ":", v, o) for l, v, o in trows_base] + [("Total:", cm(total), {"b": True, "rule": True})]
        if paid:
            trows.append((f"Payment on {ds(d)}:", cm(paid), {}))
        trows.append((f"Amount Due ({cur}):", cm(balance), {"b": True, "rule": True}))
        totals_block(cv, lay, trows, x0 + (x1 - x0) * 0.45, x1, sz, {"label_align": "r"})
        lay.need(30)
        cv.text(x0, lay.y + 18, pick(rng, "Thank you for your business.", "Payment by e-Transfer to " + iss["email"]), sz - 0.5, "r", GREY)
        lay.y += 30
    return cv


# ----------------------------------------------------------------------------------------------
# 3. erp: dense corporate ERP printouts (SAP-, Oracle-, Odoo-like)
# ----------------------------------------------------------------------------------------------
ERP_MAT = [
    ("Sechskantschraube DIN 933 M8x30 8.8 verzinkt", "Hex bolt DIN 933 M8x30 8.8 zinc plated", "Zeskantbout DIN 933 M8x30 8.8 verzinkt", "0.12", "pc"),
    ("Kugellager 6204-2RS", "Ball bearing 6204-2RS", "Kogellager 6204-2RS", "4.85", "pc"),
    ('Hydraulikschlauch 1/2" 2SN, konfektioniert', 'Hydraulic hose 1/2" 2SN, assembled', 'Hydraulische slang 1/2" 2SN, afgemonteerd', "38.90", "pc"),
    ("O-Ring 20x2 NBR 70", "O-ring 20x2 NBR 70", "O-ring 20x2 NBR 70", "0.35", "pc"),
    ("Zahnriemen HTD 8M-1200-30", "Timing belt HTD 8M-1200-30", "Tandriem HTD 8M-1200-30", "27.40", "pc"),
    ("Schutzhandschuhe Nitril Gr. 9", "Nitrile safety gloves size 9", "Nitril werkhandschoenen maat 9", "1.95", "pr"),
    ("Kabelbinder 200 x 4,8 mm schwarz (VE 100)", "Cable ties 200 x 4.8 mm black (pack of 100)", "Kabelbinders 200 x 4,8 mm zwart (100 st.)", "3.60", "pk"),
    ("Drehmomentschlüssel 40-200 Nm", "Torque wrench 40-200 Nm", "Momentsleutel 40-200 Nm", "129.00", "pc"),
    ("Dichtungssatz Hydraulikzylinder", "Seal kit hydraulic cylinder", "Afdichtingsset hydraulische cilinder", "64.50", "set"),
    ("Stehlagergehäuse UCP 205", "Pillow block bearing UCP 205", "Staand lagerhuis UCP 205", "18.70", "pc"),
    ("Flachstahl S235 40x5 mm", "Flat bar S235 40x5 mm", "Platstaal S235 40x5 mm", "1.42", "kg"),
    ("Schmierfett Lithium EP2, 400 g Kartusche", "Grease lithium EP2, 400 g cartridge", "Smeervet lithium EP2, 400 g patroon", "5.90", "pc"),
    ("Kupferkabel NYM-J 3x1,5 mm²", "Copper cable NYM-J 3x1.5 mm²", "Koperkabel NYM-J 3x1,5 mm²", "0.89", "m"),
    ("Hydrauliköl HLP 46", "Hydraulic oil HLP 46", "Hydraulische olie HLP 46", "3.20", "l"),
    ("Frequenzumrichter 2,2 kW, 400 V", "Frequency inverter 2.2 kW, 400 V", "Frequentieregelaar 2,2 kW, 400 V", "412.00", "pc"),
    ("Näherungsschalter M12 PNP", "Proximity sensor M12 PNP", "Naderingsschakelaar M12 PNP", "24.80", "pc"),
    ("Pneumatikzylinder ISO 15552, 50x100", "Pneumatic cylinder ISO 15552, 50x100", "Pneumatische cilinder ISO 15552, 50x100", "96.40", "pc"),
    ("Druckluftschlauch PU 8x6 mm blau", "Air hose PU 8x6 mm blue", "Persluchtslang PU 8x6 mm blauw", "0.74", "m"),
    ("Montage vor Ort", "On-site installation", "Montage op locatie", "78.00", "h"),
    ("Fachbuch: Hydraulik in Theorie und Praxis", "Technical book: Hydraulics in Theory and Practice", "Vakboek: Hydrauliek in theorie en praktijk", "49.90", "pc*"),
    ("Kaffeebohnen 1 kg (Kantine)", "Coffee beans 1 kg (canteen)", "Koffiebonen 1 kg (kantine)", "14.90", "pc*"),
]
ERP_UNITS = {"de": {"pc": "ST", "pr": "PAA", "pk": "VE", "set": "SAT", "kg": "KG", "m": "M", "l": "L", "h": "STD"},
             "en": {"pc": "EA", "pr": "PR", "pk": "PAK", "set": "SET", "kg": "KG", "m": "M", "l": "L", "h": "HR"},
             "nl": {"pc": "ST", "pr": "PR", "pk": "DS", "set": "SET", "kg": "KG", "m": "M", "l": "L", "h": "UUR"}}
ERP_L = {
    "de": dict(inv="Rechnung", no=["Rechnungsnummer", "Belegnummer", "Rechnung Nr."], date=["Rechnungsdatum", "Belegdatum", "Datum"],
               cust=["Kundennummer", "Kunden-Nr."], vend=["Lieferanten-Nr.", "Unsere Lief.-Nr."], order=["Auftragsnummer", "Kundenauftrag"],
               dn=["Lieferschein-Nr.", "Lieferschein"], dd=["Lieferdatum", "Leistungsdatum"], po=["Ihre Bestellung", "Bestellnummer"],
               pod="Bestelldatum", cc="Kostenstelle", contact="Ansprechpartner", page="Seite {p} von {n}", pos="Pos.", mat="Material",
               desc="Bezeichnung", qty="Menge", unit="ME", up=["Preis/ME", "Einzelpreis"], net=["Nettowert", "Betrag"],
               vat="MwSt.", taxc="St", sub="Summe netto", vline="MwSt. {r} %", tot=["Rechnungsbetrag", "Gesamtbetrag", "Endbetrag"],
               vs=["MwSt-Satz", "Nettobetrag", "MwSt-Betrag", "Bruttobetrag"], freight="Fracht und Verpackung",
               terms="Zahlbar innerhalb von {d1} Tagen mit {s} % Skonto ({sa} {cur}) bis {sd}, innerhalb von {d2} Tagen netto.",
               bank="Bankverbindung", ceo="Geschäftsführer", reg="Amtsgericht {c} HRB {n}", vatid="USt-IdNr.", taxno="Steuer-Nr.",
               hello="Sehr geehrte Damen und Herren,", intro="wir berechnen Ihnen für unsere Lieferung bzw. Leistung wie folgt:",
               attn="z. Hd.", dnote="Lieferschein {n} vom {d}", ymat="Ihre Mat.-Nr. {n}", batch="Charge {n}", cont="Fortsetzung",
               src="Herkunft", ref="Referenz", due="Fälligkeitsdatum", untaxed="Nettobetrag", taxes="Steuern", amount="Betrag",
               total_s="Gesamt", paycomm="Verwendungszweck", onacc="auf das Konto", cur="Währung", shipped="Geliefert", ordered="Bestellt",
               billto="Rechnungsadresse", shipto="Lieferadresse", payterm="Zahlungsbedingung", duedate="Fällig am"),
    "nl": dict(inv="Factuur", no=["Factuurnummer", "Factuurnr."], date=["Factuurdatum", "Datum"], cust=["Klantnummer", "Debiteurnr."],
               vend=["Leveranciersnr.", "Ons leveranciersnr."], order=["Ordernummer", "Verkooporder"], dn=["Pakbonnummer", "Pakbon"],
               dd=["Leverdatum", "Leveringsdatum"], po=["Uw inkoopordernr.", "Uw referentie"], pod="Orderdatum", cc="Kostenplaats",
               contact="Contactpersoon", page="Pagina {p} van {n}", pos="Pos.", mat="Artikel", desc="Omschrijving", qty="Aantal",
               unit="Eenh.", up=["Prijs/eenh.", "Stukprijs"], net=["Bedrag", "Netto"], vat="btw", taxc="Btw", sub="Totaal excl. btw",
               vline="Btw {r}%", tot=["Totaal incl. btw", "Te betalen", "Factuurtotaal"], vs=["Btw-%", "Grondslag", "Btw-bedrag", "Totaal"],
               freight="Vracht- en verpakkingskosten",
               terms="Betaling binnen {d1} dagen met {s}% korting ({sa} {cur}) tot {sd}, binnen {d2} dagen netto.",
               bank="Bankgegevens", ceo="Directie", reg="KvK {n}", vatid="Btw-nr.", taxno="KvK",
               hello="Geachte heer/mevrouw,", intro="Hierbij brengen wij u het volgende in rekening:", attn="T.a.v.",
               dnote="Pakbon {n} van {d}", ymat="Uw artikelnr. {n}", batch="Lot {n}", cont="Vervolg", src="Bron", ref="Referentie",
               due="Vervaldatum", untaxed="Totaal excl. btw", taxes="Btw", amount="Bedrag", total_s="Totaal",
               paycomm="Betalingskenmerk", onacc="op rekening", cur="Valuta", shipped="Geleverd", ordered="Besteld",
               billto="Factuuradres", shipto="Afleveradres", payterm="Betalingstermijn", duedate="Vervaldatum"),
    "en": dict(inv="Invoice", no=["Invoice No.", "Document No.", "Invoice Number"], date=["Invoice Date", "Document Date", "Date"],
               cust=["Customer No.", "Account No."], vend=["Vendor No.", "Supplier No."], order=["Sales Order", "Order No."],
               dn=["Delivery Note", "Delivery No."], dd=["Delivery Date", "Ship Date"], po=["Your PO", "Customer PO"], pod="PO Date",
               cc="Cost Centre", contact="Contact", page="Page {p} of {n}", pos="Item", mat="Material", desc="Description", qty="Qty",
               unit="UoM", up=["Unit Price", "Price/Unit"], net=["Net Value", "Amount"], vat="VAT", taxc="VAT", sub="Net Total",
               vline="VAT {r}%", tot=["Invoice Total", "Total Amount Due", "Gross Total"], vs=["VAT Rate", "Net Amount", "VAT Amount", "Gross Amount"],
               freight="Freight & Packing", terms="Payment within {d1} days less {s}% discount ({sa} {cur}) until {sd}, {d2} days net.",
               bank="Bank details", ceo="Directors", reg="Registered in England and Wales No. {n}", vatid="VAT Reg. No.", taxno="Company No.",
               hello="Dear Sir or Madam,", intro="We invoice you for our deliveries and services as follows:", attn="Attn.",
               dnote="Delivery note {n} of {d}", ymat="Your part no. {n}", batch="Batch {n}", cont="Continued", src="Source",
               ref="Reference", due="Due Date", untaxed="Untaxed Amount", taxes="Taxes", amount="Amount", total_s="Total",
               paycomm="Payment Communication", onacc="on this account", cur="Currency", shipped="Shipped", ordered="Ordered",
               billto="Bill-To", shipto="Ship-To", payterm="Payment Terms", duedate="Due Date"),
}
ERP_RATES = {"DE": (19, 7), "AT": (20, 10), "NL": (21, 9), "BE": (21, 6), "GB": (20, 0), "IE": (23, 0)}
ODOO_UNITS = {"de": {"pc": "Stk", "pr": "Paar", "pk": "VE", "set": "Satz", "kg": "kg", "m": "m", "l": "l", "h": "Std"},
              "nl": {"pc": "Stuks", "pr": "Paar", "pk": "Doos", "set": "Set", "kg": "kg", "m": "m", "l": "l", "h": "Uur"},
              "en": {"pc": "Units", "pr": "Pair", "pk": "Pack", "set": "Set", "kg": "kg", "m": "m", "l": "L", "h": "Hours"}}
REG_CITIES = {"DE": ["Stuttgart", "München", "Hamburg", "Köln", "Leipzig"], "AT": ["Wien", "Linz"], "BE": ["Antwerpen", "Gent"]}


def erp_money_style(rng, lang):
    return {"de": "de", "nl": "de", "en": "en"}[lang]


def arch_erp(rng, inv):
    F = inv.F
    lang = pick(rng, "de", "nl", "en", w=[4, 2.5, 2.5])
    inv.lang = lang
    cc = {"de": pick(rng, "DE", "DE", "AT"), "nl": pick(rng, "NL", "NL", "BE"), "en": pick(rng, "GB", "IE")}[lang]
    variant = pick(rng, "sap", "oracle", "odoo", w=[4, 3, 3])
    F.update(variant=variant, country=cc)
    L = {k: (rng.choice(v) if isinstance(v, list) and k not in ("vs",) else v) for k, v in ERP_L[lang].items()}
    U = ERP_UNITS[lang]
    iss = party(rng, cc)
    cust = party(rng, cc)
    inv.issuer, inv.customer = iss["name"], cust["name"]
    cur = "GBP" if cc == "GB" else "EUR"
    inv.currency = cur
    sym = "£" if cc == "GB" else "€"
    style = erp_money_style(rng, lang)
    m = Money(style, 2, "minus", "none", sym)
    d = rand_date(rng)
    inv.date = d
    dfmt = {"de": pick(rng, "dmy.", "dmy.", "d.m.y", "iso"), "nl": pick(rng, "dmy-", "dmy.", "iso", "long"),
            "en": pick(rng, "dmy/", "d-Mon-Y", "dd Mon Y", "iso")}[lang]
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    F["date_printed"] = ds(d)
    r_std, r_red = ERP_RATES[cc]
    # items
    n = rng.randrange(3, 22)
    mats = rng.sample(ERP_MAT, min(n, len(ERP_MAT)))
    step = pick(rng, 10, 1, w=[3, 1])
    dn_no = "80" + digits(rng, 6)
    dn_date = d - timedelta(days=rng.randrange(0, 10))
    qdec = pick(rng, "auto", "dec3", w=[2, 1])
    for k, mt in enumerate(mats):
        name = {"de": mt[0], "en": mt[1], "nl": mt[2]}[lang]
        unit = mt[4].rstrip("*")
        reduced = mt[4].endswith("*")
        price = D(mt[3])
        if rng.random() < 0.5:
            price = q(price * D(rng.choice(["0.92", "1.08", "0.97", "1.15"])))
        if unit in ("kg", "m", "l"):
            qty = D(rng.choice([12, 25, 50, 100, 150, "37.5", "12.4", 250]))
        elif unit == "h":
            qty = D(rng.choice(["2", "3.5", "6", "8", "12.5"]))
        elif price < 1:
            qty = D(rng.choice([100, 200, 250, 500, 1000]))
        else:
            qty = D(rng.choice([1, 2, 4, 5, 10, 12, 20]))
        note = None
        nr = rng.random()
        if nr < 0.2:
            note = L["dnote"].format(n=dn_no, d=ds(dn_date))
        elif nr < 0.35:
            note = L["ymat"].format(n=f"{letters(rng, 2)}-{digits(rng, 5)}")
        elif nr < 0.45:
            note = L["batch"].format(n=digits(rng, 10))
        inv.item(name, qty, price, note=note, pos=(k + 1) * step, mat=f"{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 2)}" if rng.random() < 0.5 else digits(rng, 8),
                 unit=U[unit], ukey=unit, rate=D(r_red if reduced else r_std))
    freight = ZERO
    if rng.random() < 0.4:
        freight = D(rng.choice(["12.50", "24.90", "45.00", "8.95", "65.00"]))
    inv.charges = freight
    rates = {}
    for it in inv.items:
        rates.setdefault(it["rate"], ZERO)
        rates[it["rate"]] += it["amt"]
    if freight:
        rates[D(r_std)] = rates.get(D(r_std), ZERO) + freight
    vat = {r: q(b * r / 100) for r, b in rates.items()}
    inv.tax = sum(vat.values(), ZERO)
    total = inv.total
    F["vat_rates"] = sorted(float(r) for r in rates)
    # numbers and refs
    if variant == "sap":
        number = "9" + digits(rng, 7) if rng.random() < 0.6 else "90" + digits(rng, 8)
    elif variant == "oracle":
        number = str(rng.randrange(100000, 9999999))
    else:
        pre = {"de": pick(rng, "RE", "INV"), "nl": pick(rng, "INV", "FACT"), "en": "INV"}[lang]
        number = f"{pre}/{d.year}/{rng.randrange(1, 99999):05d}"
    inv.number = number
    refs = {
        "cust": digits(rng, 6), "vend": digits(rng, 7), "order": "4" + digits(rng, 7), "dn": dn_no, "po": "45" + digits(rng, 8),
        "cc": digits(rng, 4) + "-" + digits(rng, 2), "contact": person(rng, cc),
    }
    due = d + timedelta(days=rng.choice([30, 45, 60]))
    cv = page_setup(rng, F, sizes=(A4,), fams=["liberation_sans", "dejavu_cond", "liberation_narrow", "dejavu_sans"], w=[3, 3, 3, 1])
    W, H = cv.W, cv.H
    sz = rng.choice([7.5, 8, 8.5])
    x0, x1 = rng.choice([50, 56, 62, 70]), W - rng.choice([40, 46, 52])
    col = accent(rng)
    footer_h = 62
    bot = H - footer_h - 18
    brand = iss["name"].split()[0].upper()
    head_line = lambda k, n_: f"{L['inv']} {number} · {ds(d)} · {L['page'].format(p=k + 1, n=n_)}"

    def cont(cv_, l_):
        return 84

    lay = Lay(cv, x0, x1, 84, bot, cont=cont)
    page_pos = []
    if variant == "sap":
        cv.text(x1, 62, brand, 20, "b", col, "r")
        cv.text(x1, 74, iss["name"], sz, "r", GREY, "r")
        sender = f"{iss['name']} · {iss['addr'][0]} · {iss['addr'][-1]}"
        cv.text(x0, 138, sender, 6.5, "r", GREY)
        cv.line(x0, 140, x0 + cv.tw(sender, 6.5), 140, color=GREY, lw=0.3)
        attn = [f"{L['attn']} {refs['contact']}"] if rng.random() < 0.4 else []
        ya = text_lines(cv, x0, 150, [cust["name"]] + attn + cust["addr"], sz + 1.5, maxw=230)
        pairs = [(L["no"], number), (L["date"], ds(d)), (L["cust"], refs["cust"])]
        if rng.random() < 0.6:
            pairs.append((L["vend"], refs["vend"]))
        pairs += [(L["order"], refs["order"]), (L["dn"], refs["dn"]), (L["dd"], ds(dn_date)), (L["po"], refs["po"])]
        if rng.random() < 0.6:
            pairs.append((L["pod"], ds(dn_date - timedelta(days=rng.randrange(3, 30)))))
        if rng.random() < 0.5:
            pairs.append((L["cc"], refs["cc"]))
        pairs += [(L["contact"], refs["contact"]), (L["vatid"], cust["vat"] if rng.random() < 0.5 else iss["vat"])]
        mxk = x1 - kv_width(cv, pairs + [("", "Seite 99 von 99")], sz)
        mxk = max(mxk, x0 + 280)
        ym = kv_lines(cv, mxk, 118, pairs, sz, gap=1.35)
        page_pos.append((mxk, ym))
        ym += sz * 1.35
        title = f"{L['inv']} {number}" if rng.random() < 0.6 else L["inv"]
        yt = max(ya, ym) + 22
        cv.text(x0, yt, title, 13, "b")
        yt += 10
        if rng.random() < 0.7:
            yt = text_lines(cv, x0, yt + 4, [L["hello"], L["intro"]], sz + 0.5, maxw=x1 - x0)
        lay.y = yt + 8
        cols = [dict(key="pos", head=L["pos"], align="l"), dict(key="mat", head=L["mat"], align="l"),
                dict(key="desc", head=L["desc"], align="l", flex=True), dict(key="qty", head=L["qty"], align="r"),
                dict(key="unit", head=L["unit"], align="l"), dict(key="up", head=L["up"], align="r"),
                dict(key="tc", head=L["taxc"], align="r"), dict(key="amt", head=L["net"], align="r")]
        if rng.random() < 0.5:
            cols = [c for c in cols if c["key"] != "tc"]
        st = dict(size=sz, ruling=pick(rng, "none", "h", "hhead"), vpad=2.2, head_rule_w=0.6)
    elif variant == "oracle":
        yy = 46
        y1 = text_lines(cv, x0, yy, [(iss["name"], "b")] + iss["addr"] + [iss["phone"]], sz + 0.5, maxw=(x1 - x0) * 0.5)
        bx = x0 + (x1 - x0) * 0.56
        cv.rect(bx, yy, x1, yy + 20, fill=(0.85, 0.85, 0.85), stroke=BLACK, lw=0.6)
        cv.text((bx + x1) / 2, yy + 14, L["inv"].upper(), 12, "b", BLACK, "c")
        gy = kv_grid(cv, bx, x1, yy + 20, [(L["no"], number), (L["date"], ds(d))], sz, fill=None)
        cen = []
        gy = kv_grid(cv, bx, x1, gy, [(L["cust"], refs["cust"]), ("Page" if lang == "en" else L["page"].split()[0], "          ")], sz,
                     fill=None, centers=cen)
        page_pos.append((cen[1], gy - 6, "c"))
        yb = max(y1, gy) + 14
        bw = (x1 - x0 - 12) / 2
        for k, (lab, p) in enumerate([(L["billto"], cust), (L["shipto"], dict(cust, addr=address(rng, cc)) if rng.random() < 0.5 else cust)]):
            bx0 = x0 + k * (bw + 12)
            cv.rect(bx0, yb, bx0 + bw, yb + 14, fill=(0.85, 0.85, 0.85), stroke=BLACK, lw=0.6)
            cv.text(bx0 + 5, yb + 10, lab, sz, "b")
            text_lines(cv, bx0 + 6, yb + 18, [p["name"]] + p["addr"], sz, maxw=bw - 12)
            cv.rect(bx0, yb + 14, bx0 + bw, yb + 14 + 60, stroke=BLACK, lw=0.6)
        yb += 82
        grid = [(L["po"], refs["po"]), (L["order"], refs["order"]), (L["dn"], refs["dn"]),
                (L["payterm"], f"{(due - d).days} " + {"de": "Tage netto", "nl": "dagen netto", "en": "days net"}[lang]),
                (L["duedate"], ds(due))]
        if rng.random() < 0.6:
            grid.append((L["cur"], cur))
            F["currency_in_grid"] = True
        lay.y = kv_grid(cv, x0, x1, yb, grid, sz) + 14
        ship_col = rng.random() < 0.45
        F["ordered_col"] = ship_col
        cols = [dict(key="pos", head=L["pos"], align="l"), dict(key="mat", head=L["mat"], align="l"),
                dict(key="desc", head=L["desc"], align="l", flex=True)] + \
               ([dict(key="ord", head=L["ordered"], align="r"), dict(key="qty", head=L["shipped"], align="r")] if ship_col else
                [dict(key="qty", head=L["qty"], align="r")]) + \
               [dict(key="unit", head=L["unit"], align="l"), dict(key="up", head=L["up"], align="r"),
                dict(key="amt", head=L["net"], align="r")]
        st = dict(size=sz, ruling="grid", head_fill=(0.85, 0.85, 0.85), vpad=2.5, line_color=(0.35, 0.35, 0.35))
    else:  # odoo
        yy = 44
        lw_, lh_ = logo_box(cv, x0, yy, brand.title(), 13, col, rng.choice(["rect", "circle"]))
        y1 = text_lines(cv, x0, yy + lh_ + 8, [iss["name"]] + iss["addr"], sz + 0.5, maxw=(x1 - x0) * 0.45)
        cx = x0 + (x1 - x0) * 0.55
        y2 = text_lines(cv, cx, yy + lh_ + 30, [cust["name"]] + cust["addr"] + ([f"{L['vatid']}: {cust['vat']}"] if rng.random() < 0.6 else []),
                        sz + 0.5, maxw=x1 - cx)
        yt = max(y1, y2) + 24
        cv.text(x0, yt, f"{L['inv']} {number}", 17, "r", col)
        yt += 14
        cells = [(L["date"] + ":", ds(d)), (L["due"] + ":", ds(due)), (L["src"] + ":", "S" + digits(rng, 5))]
        if rng.random() < 0.5:
            cells.append((L["ref"] + ":", refs["po"]))
        colw = (x1 - x0) / len(cells)
        lay.y = above_cells(cv, x0, yt, cells, sz, sz + 0.5, colw, lcolor=BLACK, lstyle="b") + 8
        cols = [dict(key="desc", head=L["desc"], align="l", flex=True), dict(key="qty", head=L["qty"], align="r"),
                dict(key="up", head=L["up"], align="r"), dict(key="tc", head=L["taxes"], align="r"),
                dict(key="amt", head=L["amount"], align="r")]
        st = dict(size=sz + 0.5, ruling="h", vpad=3, head_rule_w=0.8, line_color=(0.85, 0.85, 0.85))
    F["ruling"] = st["ruling"]
    # rows
    rows = []
    for it in inv.items:
        qs = fmt_qty(it["qty"], style, qdec if variant != "odoo" else "dec2")
        cells = {"pos": str(it["pos"]), "mat": it["mat"], "desc": it["desc"], "unit": it["unit"],
                 "qty": qs if variant != "odoo" else f"{qs} {ODOO_UNITS[lang][it['ukey']]}",
                 "up": fmt_num(it["up"], style, 2), "amt": m.n(it["amt"]),
                 "tc": (f"{it['rate']}%" if lang in ("en", "nl") else f"{it['rate']} %") if variant == "odoo" else
                 ("1" if it["rate"] == r_std else "2"),
                 "ord": fmt_qty(it["qty"] + (D(rng.choice([0, 0, 1, 2, 5])) if it["unit"] not in ("KG", "M", "L") else 0), style, qdec)}
        rows.append(dict(kind="item", cells=cells, note=it.get("note"), amt=it["amt"]))
    if variant == "odoo":
        for r in rows:
            r["cells"]["amt"] = m.c(r["amt"], pos=pick(rng, "post_sp") if style == "de" else "pre")
    if rng.random() < 0.4 and variant != "odoo":
        st["carry"] = dict(cf={"de": "Übertrag", "nl": "Transport", "en": "Carried forward"}[lang],
                           bf={"de": "Übertrag", "nl": "Transport", "en": "Brought forward"}[lang], key="amt", fmt=m.n)
        F["carry"] = True
    table(cv, lay, cols, rows, st)
    lay.y += 6
    # totals
    tl = [(L["sub"] if variant != "odoo" else L["untaxed"], m.n(inv.subtotal), {})]
    if freight:
        tl.append((L["freight"], m.n(freight), {}))
    for r in sorted(vat, reverse=True):
        lab = L["vline"].format(r=r) if variant != "odoo" else (f"{L['taxes']} {r}%" if lang != "de" else f"USt. {r} %")
        tl.append((lab, m.n(vat[r]), {}))
    tlab = L["tot"] if variant != "odoo" else L["total_s"]
    cpos = pick(rng, "label", "value", "both")
    F["total_currency"] = cpos
    if cpos == "label":
        tl.append((f"{tlab} {cur}", m.n(total), {"b": True, "rule": True}))
    elif cpos == "value":
        tl.append((tlab, m.c(total, pos="post_sp" if style == "de" else "pre", sym=sym), {"b": True, "rule": True}))
    else:
        tl.append((f"{tlab} ({cur})", m.c(total, pos="post_sp", sym=cur), {"b": True, "rule": True}))
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.52, x1, sz + 0.5)
    if len(vat) > 1 or rng.random() < 0.6:
        vs = L["vs"]
        vrows = [dict(kind="item", cells={"r": f"{r} %", "b": m.n(rates[r]), "v": m.n(vat[r]), "g": m.n(rates[r] + vat[r])}, amt=ZERO)
                 for r in sorted(vat, reverse=True)]
        vcols = [dict(key="r", head=vs[0], align="l", flex=True), dict(key="b", head=vs[1], align="r"),
                 dict(key="v", head=vs[2], align="r"), dict(key="g", head=vs[3], align="r")]
        lay.need(12 + 14 * (len(vrows) + 2))
        lay.y += 6
        table(cv, lay, vcols, vrows, dict(size=sz, ruling="grid", x1=x0 + (x1 - x0) * 0.62, vpad=2, head_fill=(0.92, 0.92, 0.92)))
        F["vat_summary"] = True
    # payment terms with cash-discount amount
    lay.need(34)
    y = lay.y + 8
    if rng.random() < 0.6:
        s = rng.choice([2, 3])
        sd = d + timedelta(days=rng.choice([8, 10, 14]))
        sa = m.n(q(total * (100 - s) / 100))
        y = text_lines(cv, x0, y, [L["terms"].format(d1=(sd - d).days, s=s, sa=sa, cur=cur, sd=ds(sd), d2=(due - d).days)], sz, maxw=x1 - x0)
        F["skonto"] = True
    if variant == "odoo":
        y = text_lines(cv, x0, y + 4, [f"{L['paycomm']}: {number} {L['onacc']} {iban(rng, cc)}"], sz, maxw=x1 - x0)
    lay.y = y

    def foot(cv_, k, n_):
        yf = H - footer_h
        cv_.line(x0, yf - 4, x1, yf - 4, color=GREY, lw=0.4)
        c4 = (x1 - x0) / 4
        reg = {"AT": "FN {n}a, Handelsgericht {c}", "BE": "RPR {c}, KBO {n}", "IE": "Registered in Ireland No. {n}"}.get(cc, L["reg"]).format(
            c=rng_fixed["regc"], n=rng_fixed["hrb"])
        blocks = [[iss["name"]] + iss["addr"],
                  [f"{L['ceo']}: {rng_fixed['ceo']}", reg, f"{L['vatid']} {iss['vat']}"],
                  [L["bank"], rng_fixed["bank"], f"IBAN {rng_fixed['iban']}", f"BIC {rng_fixed['bic']}"],
                  [iss["phone"], iss["email"], iss["web"]]]
        for j, b in enumerate(blocks):
            text_lines(cv_, x0 + j * c4, yf, b, 6.3, "r", GREY, gap=1.22, maxw=c4 - 6)
        if k > 0:
            cv_.text(x0, 58, head_line(k, n_), sz, "b")
            cv_.line(x0, 64, x1, 64, color=GREY, lw=0.4)
        if variant == "sap" and k == 0:
            xk, yk = page_pos[0]
            cv_.text(xk, yk + sz * 0.9, L["page"].format(p=1, n=n_), sz)
        elif variant == "oracle" and k == 0:
            xk, yk, _ = page_pos[0]
            cv_.text(xk, yk, f"1 / {n_}", sz, "r", BLACK, "c")
        elif variant == "odoo":
            cv_.text(x1, H - 20, L["page"].format(p=k + 1, n=n_), 7, "r", GREY, "r")

    bank_names = {"DE": ["Commerzbank AG", "Deutsche Bank AG", "Kreissparkasse", "Volksbank eG"], "AT": ["Erste Bank", "Raiffeisenbank"],
                  "NL": ["ING Bank N.V.", "Rabobank", "ABN AMRO"], "BE": ["KBC Bank", "BNP Paribas Fortis", "Belfius"],
                  "GB": ["Barclays Bank plc", "HSBC UK", "Lloyds Bank"], "IE": ["AIB", "Bank of Ireland"]}
    rng_fixed = dict(regc=rng.choice(REG_CITIES.get(cc, ["Cardiff"])), hrb=digits(rng, 5) if cc != "NL" else digits(rng, 8),
                     ceo=person(rng, cc) + (", " + person(rng, cc) if rng.random() < 0.5 else ""),
                     bank=rng.choice(bank_names[cc]), iban=iban(rng, cc), bic=bic(rng, cc))
    footer_pages(cv, foot)
    return cv


# ----------------------------------------------------------------------------------------------
# 4. mono: dot-matrix / AS-400 / POS-ERP printouts in a monospace font
# ----------------------------------------------------------------------------------------------
MONO_ITEMS = {
    "hardware": [("HEX BOLT 1/2-13 X 2 GR5 ZINC PLATED", "0.38", "EA"), ("FLAT WASHER 1/2 USS ZINC", "0.06", "EA"),
                 ("NYLON LOCK NUT 1/2-13 ZP", "0.14", "EA"), ("PVC PIPE 2IN X 10FT SCH40", "14.85", "EA"),
                 ("ELBOW 90 DEG 2IN PVC SXS", "2.47", "EA"), ("WIRE THHN 12 AWG BLACK 500FT SPOOL", "89.90", "RL"),
                 ("BREAKER 20A 1 POLE PLUG-ON", "11.25", "EA"), ("DUCT TAPE 2IN X 60YD SILVER", "6.95", "RL"),
                 ("SAFETY GLASSES CLEAR ANSI Z87", "3.10", "PR"), ("WORK GLOVES LEATHER PALM LARGE", "4.75", "PR"),
                 ("CONDUIT EMT 3/4IN X 10FT", "8.64", "EA"), ("ANCHOR WEDGE 3/8 X 3 ZP 50/BX", "21.30", "BX")],
    "auto": [("BRAKE PAD SET FRONT CERAMIC", "48.95", "ST"), ("OIL FILTER SPIN-ON", "6.49", "EA"),
             ("MOTOR OIL 5W-30 FULL SYNTHETIC 5QT", "27.99", "EA"), ("WIPER BLADE 22IN BEAM", "14.50", "EA"),
             ("SPARK PLUG IRIDIUM", "9.75", "EA"), ("SERPENTINE BELT 6K850", "32.40", "EA"),
             ("BATTERY GROUP 24F 750 CCA", "139.00", "EA"), ("BRAKE ROTOR FRONT VENTED", "61.20", "EA"),
             ("CABIN AIR FILTER", "17.80", "EA"), ("COOLANT 50/50 PREMIX 1 GAL", "15.25", "EA")],
    "food": [("CHICKEN BREAST BNLS SKLS 4/10LB", "96.50", "CS"), ("FRIES 3/8 STRAIGHT CUT 6/5LB", "38.75", "CS"),
             ("CANOLA OIL CLEAR FRY 35LB JIB", "44.20", "EA"), ("CHEDDAR CHEESE SHREDDED 4/5LB", "52.80", "CS"),
             ("TOMATOES DICED #10 CAN 6/CS", "27.40", "CS"), ("NAPKINS DINNER 2PLY WHITE 3000CT", "41.15", "CS"),
             ("GLOVES VINYL LARGE 10/100", "23.90", "CS"), ("GROUND BEEF 80/20 4/10LB", "118.40", "CS"),
             ("LETTUCE ROMAINE 24CT", "36.25", "CS"), ("BUNS SESAME 4IN 8/12CT", "19.60", "CS")],
    "office": [("COPY PAPER 8.5X11 20LB 10 RM/CS", "46.99", "CS"), ("TONER CARTRIDGE HP 58A BLACK", "118.50", "EA"),
               ("FILE FOLDERS LETTER 1/3 CUT 100/BX", "12.85", "BX"), ("STAPLES STANDARD 5000/BX", "3.40", "BX"),
               ("BINDER 2IN D-RING WHITE", "7.25", "EA"), ("BALLPOINT PEN MED BLUE 12/DZ", "4.95", "DZ"),
               ("STICKY NOTES 3X3 YELLOW 12/PK", "8.70", "PK"), ("LABELS LASER 1X2-5/8 30/SH 100SH", "24.60", "BX")],
}
MONO_REMARKS = ["THANK YOU FOR YOUR BUSINESS", "ALL CLAIMS MUST BE MADE WITHIN 5 DAYS OF RECEIPT",
                "PAST DUE ACCOUNTS SUBJECT TO 1.5% SERVICE CHARGE PER MONTH", "RETURNS SUBJECT TO 15% RESTOCKING FEE",
                "GOODS REMAIN OUR PROPERTY UNTIL PAID IN FULL", "PLEASE REMIT TO ADDRESS ABOVE"]


def arch_mono(rng, inv):
    F = inv.F
    inv.lang = "en"
    variant = pick(rng, "greenbar", "as400", "pos", w=[3, 3, 2])
    cc = pick(rng, "US", "US", "GB", "AU", "NZ", "SG", "CA", "IE", "ZA")
    F.update(variant=variant, country=cc)
    dom = rng.choice(list(MONO_ITEMS))
    F["domain"] = dom
    fam = pick(rng, "dejavu_mono", "liberation_mono")
    size_page = LETTER if cc in ("US", "CA") else A4
    if variant == "greenbar" and rng.random() < 0.5:
        size_page = (684.0, 792.0)
    cv = Canvas(size_page, fam)
    F["font"] = fam
    F["page"] = {A4: "A4", LETTER: "Letter"}.get(size_page, "9.5x11 fanfold")
    W, H = cv.W, cv.H
    holes = variant == "greenbar"
    mx = 58 if holes else rng.choice([36, 44, 52])
    x0 = mx
    ncols = rng.choice([80, 88, 96])
    bo_cols = rng.random() < 0.35
    F["backorder_cols"] = bo_cols
    wq, wu, wp, wa, wln, wcode = (6 if bo_cols else 7), 4, 11, 12, 4, 9
    cols_fixed = wln + wcode + (wq * 3 if bo_cols else wq) + wu + wp + wa + (8 if bo_cols else 6)
    ncols = max(ncols, cols_fixed + 26)
    cw1 = cv.tw("M", 10) / 10
    size = min(10.0, (W - 2 * mx) / (ncols * cw1))
    F["columns"] = ncols
    lh = size * rng.choice([1.25, 1.3, 1.4])
    N = ncols
    ink = (0.22, 0.22, 0.26) if variant == "greenbar" else BLACK
    iss = party(rng, cc)
    cust = party(rng, cc, person_prob=0.1)
    iss["name"] = iss["name"].upper()
    cust["name"] = cust["name"].upper()
    iss["addr"] = [a.upper() for a in iss["addr"]]
    cust["addr"] = [a.upper() for a in cust["addr"]]
    inv.issuer, inv.customer = iss["name"], cust["name"]
    cur = {"US": "USD", "GB": "GBP", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "CA": "CAD", "IE": "EUR", "ZA": "ZAR"}[cc]
    sym = {"GB": "£", "IE": "€", "ZA": "R", "SG": "S$"}.get(cc, "$")
    cur_mode = pick(rng, "none", "sym", "code", w=[3, 3, 2])
    inv.currency = "" if cur_mode == "none" else cur
    F["currency_mode"] = cur_mode
    style = "sp" if cc == "ZA" and rng.random() < 0.5 else "en"
    neg = pick(rng, "minus", "trail", w=[2, 1])
    nf = lambda v, dec=2: fmt_num(v, style, dec, neg)
    d = rand_date(rng)
    inv.date = d
    dfmt = ({"US": pick(rng, "mdy2/", "mdy/", "DMONY", "ymd8"), "CA": pick(rng, "iso", "DMONY", "ymd8")}.get(cc) or
            pick(rng, "dmy2/", "dmy/", "DMONY", "ymd8", "DMONYYYY"))
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt)
    F["date_printed"] = ds(d)
    number = pick(rng, f"{rng.randrange(100000, 999999):06d}", f"{rng.randrange(1000000, 9999999):08d}", f"{letters(rng, 1)}{rng.randrange(10000, 99999)}")
    inv.number = number
    # items
    pool = MONO_ITEMS[dom][:]
    rng.shuffle(pool)
    n = rng.randrange(3, min(12, len(pool)) + 1)
    for desc, p, um in pool[:n]:
        price = q(D(p) * D(rng.choice(["1", "1", "0.95", "1.07", "1.12"])), 2 if D(p) >= 1 else 3)
        qty = D(rng.choice([1, 2, 3, 4, 6, 10, 12, 24])) if price > 2 else D(rng.choice([50, 100, 200, 250]))
        ordered = qty + (D(rng.choice([0, 0, 0, 2, 4])) if bo_cols else 0)
        inv.item(desc, qty, price, up_dec=3 if price < 1 else 2, um=um, code=f"{letters(rng, 2)}{digits(rng, 5)}" if rng.random() < 0.6 else digits(rng, 7),
                 ordered=ordered)
    charges = []
    if rng.random() < 0.45:
        fr = D(rng.choice(["18.50", "25.00", "35.75", "12.00"]))
        charges.append(("FREIGHT", fr))
    if dom == "auto" and rng.random() < 0.4:
        charges.append(("CORE CHARGE", D("22.00")))
    if rng.random() < 0.15:
        charges.append(("FUEL SURCHARGE", D(rng.choice(["4.95", "7.50"]))))
    inv.charges = sum((v for _, v in charges), ZERO)
    taxr = {"US": D(rng.choice(["0", "6", "7.25", "8.25", "8.875"])), "GB": D(20), "AU": D(10), "NZ": D(15), "SG": D(9),
            "CA": D(13), "IE": D(23), "ZA": D(15)}[cc]
    taxname = {"US": "SALES TAX", "GB": "VAT", "AU": "GST", "NZ": "GST", "SG": "GST", "CA": "HST", "IE": "VAT", "ZA": "VAT"}[cc]
    taxbase = inv.subtotal + inv.charges
    inv.tax = q(taxbase * taxr / 100)
    total = inv.total
    # ---- compose lines
    L = []   # (text, style)
    center = lambda s: " " * max(0, (N - len(s)) // 2) + s
    if variant == "as400":
        run = d + timedelta(days=rng.randrange(0, 4))
        left = f"INV{rng.randrange(100, 999)}R"
        right = f"RUN DATE: {ds(run)}  TIME: {rng.randrange(6, 20):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
        L.append((left + right.rjust(N - len(left)), "r"))
        L.append((f"USER: {letters(rng, 1)}{person(rng, 'US').split()[1].upper()[:7]}".ljust(N - 12) + "PAGE {P}", "r"))
        F["run_date"] = ds(run)
        L.append(("", "r"))
    L.append((center(iss["name"]), "b"))
    for a in iss["addr"]:
        L.append((center(a), "r"))
    L.append((center(f"TEL {iss['phone'].upper()}" + (f"   {'VAT REG' if cc in ('GB', 'IE', 'ZA') else ('GST NO' if cc in ('AU', 'NZ', 'SG', 'CA') else 'FED ID')} {iss['vat']}" if rng.random() < 0.7 else "")), "r"))
    L.append(("", "r"))
    title = pick(rng, "INVOICE", "TAX INVOICE" if cc in ("AU", "NZ", "SG", "ZA") else "INVOICE", "SALES INVOICE")
    L.append((center(title), "b"))
    if rng.random() < 0.5:
        L.append((center("=" * len(title)), "r"))
    L.append(("", "r"))
    acct = digits(rng, 6)
    labs = pick(rng, ["INV NO.  :", "DATE     :", "ACCT NO. :", "P.O. NO. :", "TERMS    :", "SLSMN    :", "PAGE     :"],
                ["INVOICE NO:", "INV DATE  :", "CUST NO   :", "CUST PO   :", "TERMS     :", "SALESREP  :", "PAGE      :"],
                ["INVOICE #  ", "DATE       ", "ACCOUNT    ", "YOUR ORDER ", "TERMS      ", "REP        ", "PAGE       "])
    terms = pick(rng, "NET 30", "NET 15", "COD", "NET 10TH PROX", "2% 10 NET 30")
    metav = [number, ds(d), acct, f"{rng.randrange(1000, 99999)}", terms, f"{rng.randrange(10, 99)} {person(rng, 'US').split()[1].upper()}", "{P} OF {N}"]
    left = ["SOLD TO: " + acct] + [" " + cust["name"]] + [" " + a for a in cust["addr"]]
    if rng.random() < 0.5:
        left += ["", "SHIP TO:", " " + cust["name"]] + [" " + a for a in address(rng, cc)]
        left = [x.upper() for x in left]
    mcol = N - max(len(l) + 1 + len(v) for l, v in zip(labs, metav)) - 2
    for k in range(max(len(left), len(labs))):
        lt = left[k] if k < len(left) else ""
        rt = (labs[k] + " " + metav[k]) if k < len(labs) else ""
        lt = lt[:mcol - 2]
        L.append((lt.ljust(mcol) + rt, "r"))
    L.append(("", "r"))
    # table
    wd = N - cols_fixed
    hdr = "LN".ljust(wln) + " " + "ITEM NO".ljust(wcode) + " " + "DESCRIPTION".ljust(wd) + " " + \
        ("ORD".rjust(wq) + " " + "SHIP".rjust(wq) + " " + "B/O".rjust(wq) if bo_cols else "QTY".rjust(wq)) + " " + \
        "U/M".ljust(wu) + " " + "UNIT PRICE".rjust(wp) + " " + "AMOUNT".rjust(wa)
    rule = pick(rng, "-", "=")
    L.append((rule * N, "r"))
    L.append((hdr, "r"))
    L.append((rule * N, "r"))
    tstart = len(L)
    for k, it in enumerate(inv.items):
        dl = textwrap.wrap(it["desc"], wd) or [""]
        qcols = (nf(it["ordered"], 0).rjust(wq) + " " + nf(it["qty"], 0).rjust(wq) + " " + nf(it["ordered"] - it["qty"], 0).rjust(wq)
                 if bo_cols else nf(it["qty"], 0).rjust(wq))
        line = str(k + 1).rjust(3).ljust(wln) + " " + it["code"].ljust(wcode)[:wcode] + " " + dl[0].ljust(wd) + " " + qcols + " " + \
            it["um"].ljust(wu) + " " + nf(it["up"], it["up_dec"]).rjust(wp) + " " + nf(it["amt"]).rjust(wa)
        L.append((line, "r"))
        for extra in dl[1:]:
            L.append((" " * (wln + wcode + 2) + extra, "r"))
    tend = len(L)
    L.append((rule * N, "r"))
    # totals
    taxs = format(taxr.normalize(), "f")
    tw_ = max(len(x) for x in ["MERCHANDISE", "SUB-TOTAL"] + [c for c, _ in charges] + [f"{taxname} {taxs}%"]) + 2
    sub_lab = pick(rng, "MERCHANDISE", "SUB-TOTAL", "SUBTOTAL")
    tl = [(sub_lab, nf(inv.subtotal))] + [(c, nf(v)) for c, v in charges] + [(f"{taxname} {taxs}%", nf(inv.tax))]
    for lab, v in tl:
        L.append(((lab.ljust(tw_) + ": " + v.rjust(wa)).rjust(N), "r"))
    L.append((("=" * (tw_ + 2 + wa)).rjust(N), "r"))
    tot_s = nf(total)
    if cur_mode == "sym":
        tot_s = sym + tot_s
    elif cur_mode == "code":
        tot_s = tot_s + " " + cur
    tstyle = pick(rng, "stars", "plain", "box")
    F["total_style"] = tstyle
    if tstyle == "stars":
        core = f"  TOTAL AMOUNT DUE  :  {tot_s}  "
        side = (N - len(core)) // 2
        L.append(("*" * side + core + "*" * (N - side - len(core)), "b"))
    elif tstyle == "plain":
        L.append((("INVOICE TOTAL".ljust(tw_) + ": " + tot_s.rjust(wa)).rjust(N), "b"))
    else:
        L.append(("*" * N, "r"))
        L.append((("*** TOTAL DUE ***".ljust(tw_ + 4) + ": " + tot_s.rjust(wa + 2)).rjust(N), "b"))
        L.append(("*" * N, "r"))
    L.append(("", "r"))
    for rm in rng.sample(MONO_REMARKS, rng.randrange(1, 4)):
        L.append((rm, "r"))
    if cur_mode == "code" and rng.random() < 0.5:
        L.append((f"ALL AMOUNTS IN {cur}", "r"))
    # ---- paginate
    top = 48
    per_page = int((H - top - 46) / lh)
    pages = []
    cur_page = []
    head_repeat = [(f"{iss['name']}   INVOICE {number}   {ds(d)}".ljust(N - 12) + "PAGE {P}", "r"), ("", "r"),
                   (rule * N, "r"), (hdr, "r"), (rule * N, "r")]
    for idx, ln in enumerate(L):
        if len(cur_page) >= per_page - 1:
            cur_page.append(("CONTINUED ON NEXT PAGE".rjust(N), "r"))
            pages.append(cur_page)
            cur_page = list(head_repeat) if tstart <= idx < tend + 1 else list(head_repeat[:2])
        cur_page.append(ln)
    pages.append(cur_page)
    if len(pages) > 3:
        raise OverflowError("mono too long")
    npg = len(pages)
    for k, pl in enumerate(pages):
        if k:
            cv.new_page()
        if holes:
            for j in range(int(H / 36) + 1):
                yb = j * 36
                if j % 2 == 0:
                    cv.rect(x0 - 6, yb, W - x0 + 6, min(H, yb + 18), fill=(0.87, 0.95, 0.87))
            for j in range(int(H / 36)):
                for hx in (18, W - 18):
                    cv.circle(hx, 18 + j * 36, 5.5, fill=WHITE, stroke=(0.7, 0.7, 0.7), lw=0.6)
            cv.line(34, 0, 34, H, color=(0.75, 0.75, 0.75), lw=0.4, dash="[2 2] 0")
            cv.line(W - 34, 0, W - 34, H, color=(0.75, 0.75, 0.75), lw=0.4, dash="[2 2] 0")
        y = top
        for s, sty in pl:
            s = s.replace("{P} OF {N}", f"{k + 1} OF {npg}").replace("PAGE {P}", f"PAGE {k + 1:>3}")
            if s.strip():
                cv.text(x0, y, s, size, sty, ink)
            y += lh
    cv.pn = len(cv.pages) - 1
    return cv


# ----------------------------------------------------------------------------------------------
# 5. einv: European e-invoice visualisations (FatturaPA, VeriFactu, Portuguese ATCUD, Factur-X,
#    XRechnung viewer, Peppol BIS)
# ----------------------------------------------------------------------------------------------
EINV_ITEMS = {
    "it": _sp("Manutenzione ordinaria impianto elettrico|Consulenza tecnica (ore)|Canone assistenza software mensile|"
              "Fornitura toner per stampanti laser|Installazione climatizzatore 12000 BTU|Sopralluogo e preventivo|"
              "Sviluppo sito web – prima fase|Trasporto e consegna|Noleggio piattaforma aerea (giorni)|"
              "Corso di formazione sulla sicurezza (ore)|Revisione estintori|Pulizia uffici mese di novembre"),
    "es": _sp("Servicio de mantenimiento mensual|Consultoría técnica (horas)|Material de oficina|Instalación eléctrica|"
              "Reparación de fontanería|Licencia de software anual|Transporte y entrega|Diseño gráfico de catálogo|"
              "Limpieza de oficinas|Alquiler de maquinaria (días)|Revisión de extintores"),
    "pt": _sp("Serviços de consultoria (horas)|Manutenção de equipamento|Material de escritório|Reparação de canalização|"
              "Licença de software anual|Deslocação|Instalação de ar condicionado|Formação profissional (horas)|"
              "Transporte de mercadorias|Limpeza de instalações"),
    "fr": _sp("Prestation de conseil (jours)|Maintenance annuelle du parc informatique|Développement d'application web|"
              "Formation des utilisateurs (heures)|Location de matériel|Fournitures de bureau|Frais de déplacement|"
              "Installation réseau|Audit de sécurité|Hébergement serveur (mois)"),
    "de": _sp("Beratungsleistung (Std.)|Wartung Heizungsanlage|Softwarelizenz Jahresabonnement|Schulung Mitarbeiter (Std.)|"
              "Anfahrtspauschale|Installation Netzwerkkomponenten|Reinigung Büroflächen November|"
              "Druck Broschüren A4, 500 Stück|Miete Hubarbeitsbühne (Tage)|Entsorgung Altgeräte"),
    "nl": _sp("Advieswerkzaamheden (uren)|Onderhoud cv-installatie|Softwarelicentie jaarabonnement|Training medewerkers (uren)|"
              "Voorrijkosten|Installatie netwerkapparatuur|Schoonmaak kantoorruimte november|Drukwerk brochures A4, 500 st.|"
              "Huur hoogwerker (dagen)|Afvoer oude apparatuur"),
}
EINV_RATES = {"IT": (22, 10, 4), "ES": (21, 10, 4), "PT": (23, 13, 6), "FR": (20, 10, D("5.5")), "DE": (19, 7), "NL": (21, 9),
              "BE": (21, 12, 6)}


def einv_items(rng, inv, lang, cc, nmin=1, nmax=8, disc=False, small=False):
    pool = EINV_ITEMS[lang][:]
    rng.shuffle(pool)
    rates = EINV_RATES[cc]
    for desc in pool[:rng.randrange(nmin, nmax + 1)]:
        hourly = any(w in desc for w in ("ore)", "horas)", "heures)", "Std.)", "uren)", "jours)", "días)", "giorni)", "Tage)", "dagen)"))
        qty = D(rng.choice([1, 2, 3, 4, 5, 8, 10, "1.5", "2.5", "7.5"])) if hourly else D(rng.choice([1, 1, 1, 2, 3, 5, 10, 12]))
        up = D(rng.choice([35, 45, 60, 75, 85, 95, 120, 150, 240, 380, 650, 1200])) + D(rng.choice([0, 0, "0.50", "0.90"]))
        if small:
            up = D(rng.choice(["4.50", "9.90", "12.00", "18.50", "24.95", "35.00", "49.00"]))
            qty = D(rng.choice([1, 1, 2, 3]))
        rate = D(rates[0]) if rng.random() < 0.8 else D(rng.choice(rates[1:]))
        dsc = D(rng.choice([0, 0, 0, 5, 10, 15])) if disc else ZERO
        amt = q(qty * up * (100 - dsc) / 100)
        inv.item(desc, qty, up, amt=amt, rate=rate, disc=dsc)
    if disc and any(it["disc"] for it in inv.items):
        inv.F["line_discounts"] = True


def vat_groups(inv, extra=None):
    g = {}
    for it in inv.items:
        g[it["rate"]] = g.get(it["rate"], ZERO) + it["amt"]
    for r, v in (extra or {}).items():
        g[r] = g.get(r, ZERO) + v
    return g


def fake_qr(cv, x, y, s, rng, n=25):
    cell = s / n
    cv.rect(x, y, x + s, y + s, fill=WHITE)
    for i in range(n):
        for j in range(n):
            corner = (i < 7 and j < 7) or (i < 7 and j >= n - 7) or (i >= n - 7 and j < 7)
            if corner:
                a, b = i % (n - 7) if i >= 7 else i, j % (n - 7) if j >= 7 else j
                a, b = (i if i < 7 else i - (n - 7)), (j if j < 7 else j - (n - 7))
                on = a in (0, 6) or b in (0, 6) or (2 <= a <= 4 and 2 <= b <= 4)
            else:
                on = rng.random() < 0.47
            if on:
                cv.rect(x + j * cell, y + i * cell, x + (j + 1) * cell, y + (i + 1) * cell, fill=BLACK)


def structured_comm(rng):
    base = rng.randrange(10 ** 9, 10 ** 10)
    chk = base % 97 or 97
    s = f"{base:010d}{chk:02d}"
    return f"+++{s[:3]}/{s[3:7]}/{s[7:]}+++"


def arch_einv(rng, inv):
    variant = pick(rng, "it_fpa", "es", "pt", "fr_fx", "de_xr", "peppol", w=[2, 1.5, 1.5, 1.5, 1.5, 2])
    inv.F["variant"] = variant
    return globals()["einv_" + variant](rng, inv)


def grid_box(cv, lay, heads, vals, size, x0, x1, fill=(0.9, 0.9, 0.9)):
    """A one-row grid of headed cells (AdE style), widths by content."""
    lay.need(size * 4)
    return kv_grid(cv, x0, x1, lay.y, list(zip(heads, vals)), size, lsize=size - 0.5, fill=fill, lstyle="b", stroke=(0.45, 0.45, 0.45))


def einv_it_fpa(rng, inv):
    F = inv.F
    inv.lang, cc = "it", "IT"
    F["country"] = cc
    cv = page_setup(rng, F, sizes=(A4,), fams=["dejavu_sans", "liberation_sans", "dejavu_cond", "liberation_narrow"])
    W, H = cv.W, cv.H
    x0, x1 = 36, W - 36
    sz = rng.choice([7.5, 8, 8.5])
    forf = rng.random() < 0.25
    prof = (not forf) and rng.random() < 0.3
    F.update(forfettario=forf, professional=prof)
    iss = party(rng, cc, person_prob=0.0)
    if forf or prof:
        nm = person(rng, cc)
        rebrand(iss, pick(rng, nm, f"Studio {nm.split()[1]} di {nm}", f"{nm.upper()}"), nm.split()[1])
    iss["name"] = iss["name"] if rng.random() < 0.6 else iss["name"].upper()
    cust = party(rng, cc)
    inv.issuer, inv.customer = iss["name"], cust["name"]
    inv.currency = "EUR"
    style = pick(rng, "de", "plain", w=[3, 1])
    nf = lambda v, dec=2: fmt_num(v, style, dec)
    d = rand_date(rng)
    inv.date = d
    dfmt = pick(rng, "dmy-", "iso", "dmy/")
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt)
    F["date_printed"] = ds(d)
    number = pick(rng, f"{rng.randrange(1, 999)}/{d.year}", f"FPR {rng.randrange(1, 300)}/{d.year % 100}", f"{d.year}/{rng.randrange(1, 9999):04d}",
                  f"{rng.randrange(1, 999)}/A")
    inv.number = number
    einv_items(rng, inv, "it", cc, 1, 7)
    if forf:
        for it in inv.items:
            it["rate"] = ZERO
    cassa = ZERO
    if prof:
        cassa = q(inv.subtotal * 4 / 100)
    bollo = D("2.00") if forf and inv.subtotal > D("77.47") else ZERO
    inv.charges = cassa + bollo
    groups = vat_groups(inv, {D(22): cassa} if cassa else None)
    vat = {r: q(b * r / 100) for r, b in groups.items()}
    inv.tax = sum(vat.values(), ZERO)
    total = inv.total
    rit = q((inv.subtotal + cassa) * 20 / 100) if prof else ZERO
    F.update(cassa=float(cassa), bollo=float(bollo), ritenuta=float(rit))
    lay = Lay(cv, x0, x1, 40, H - 50, cont=lambda c_, l_: 40)
    y = 36
    if rng.random() < 0.5:
        cv.text(x0, y + 8, "FATTURA ELETTRONICA - Copia di cortesia", sz + 2, "b")
        y += 16
    bw = (x1 - x0 - 10) / 2
    codice = letters(rng, 7, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    def pblock(x, title, p, cust_side):
        cv.rect(x, y, x + bw, y + 14, fill=(0.86, 0.86, 0.86))
        cv.text(x + 4, y + 10, title, sz, "b")
        rows = [f"Identificativo fiscale ai fini IVA: {p['vat']}", f"Codice fiscale: {p['vat'][2:]}", f"Denominazione: {p['name']}"]
        if not cust_side:
            rows.append("Regime fiscale: " + ("RF19 (forfettario - art.1, c. 54-89, L. 190/2014)" if forf else "RF01 (ordinario)"))
        a0, a1 = p["addr"][0], p["addr"][-1]
        cap, rest = a1.split(" ", 1)
        rows += [f"Indirizzo: {a0}", f"Comune: {rest.split(' (')[0]}   Provincia: {rest[-3:-1]}", f"Cap: {cap}   Nazione: IT"]
        if not cust_side:
            rows += [f"Telefono: {p['phone']}", f"Email: {p['email']}"]
        else:
            rows.append(f"Pec: amministrazione@pec.{p['web'][4:]}")
        return text_lines(cv, x + 4, y + 18, rows, sz, maxw=bw - 8, gap=1.3)

    yb = max(pblock(x0, "Cedente/prestatore (fornitore)", iss, False), pblock(x0 + bw + 10, "Cessionario/committente (cliente)", cust, True))
    lay.y = yb + 10
    lay.y = grid_box(cv, lay, ["Tipologia documento", "Art. 73", "Numero documento", "Data documento", "Codice destinatario"],
                     ["TD01 fattura", "", number, ds(d), codice], sz, x0, x1) + 6
    if rng.random() < 0.5:
        lay.y = text_lines(cv, x0, lay.y, [f"Causale: {pick(rng, 'Prestazione di servizi come da contratto', 'Fornitura materiale come da ordine n. ' + digits(rng, 4), 'Saldo lavori eseguiti')}"],
                           sz, maxw=x1 - x0) + 4
    cols = [dict(key="code", head="Cod. articolo", align="l"), dict(key="desc", head="Descrizione", align="l", flex=True),
            dict(key="qty", head="Quantità", align="r"), dict(key="up", head="Prezzo unitario", align="r"), dict(key="um", head="UM", align="l"),
            dict(key="sc", head="Sconto o magg.", align="r"), dict(key="iva", head="%IVA", align="r"), dict(key="amt", head="Prezzo totale", align="r")]
    udec = pick(rng, 2, 8, w=[3, 1])
    rows = []
    for it in inv.items:
        rows.append(dict(kind="item", amt=it["amt"], cells={
            "code": digits(rng, 5) if rng.random() < 0.4 else "", "desc": it["desc"], "qty": nf(it["qty"], 2), "up": nf(it["up"], udec),
            "um": pick(rng, "", "pz", "h", "nr"), "iva": (nf(it["rate"], 2) if it["rate"] else "0,00 (N2.2)" if style == "de" else "0.00 (N2.2)"),
            "amt": nf(it["amt"], udec)}))
    table(cv, lay, cols, rows, dict(size=sz, ruling="grid", head_fill=(0.86, 0.86, 0.86), line_color=(0.45, 0.45, 0.45), vpad=2.5))
    lay.y += 8
    if prof:
        lay.need(40)
        cv.text(x0, lay.y + 8, "Dati cassa previdenziale", sz, "b")
        lay.y += 12
        lay.y = grid_box(cv, lay, ["Tipo cassa", "Aliquota", "Importo contributo", "Imponibile", "%IVA"],
                         ["TC22 (INPS)", nf(4), nf(cassa), nf(inv.subtotal), nf(22)], sz, x0, x1) + 6
        cv.text(x0, lay.y + 8, "Dati ritenuta d'acconto", sz, "b")
        lay.y += 12
        lay.y = grid_box(cv, lay, ["Tipo ritenuta", "Aliquota ritenuta", "Importo ritenuta", "Causale pagamento"],
                         ["RT01 (persone fisiche)", nf(20), nf(rit), "A"], sz, x0, x1) + 6
    lay.need(60)
    cv.text(x0, lay.y + 8, "RIEPILOGHI IVA E TOTALI", sz, "b")
    lay.y += 12
    rcols = [dict(key="desc", head="esigibilità iva / riferimenti normativi", align="l", flex=True), dict(key="r", head="%IVA", align="r"),
             dict(key="sp", head="Spese accessorie", align="r"), dict(key="arr", head="Arr.", align="r"),
             dict(key="imp", head="Totale imponibile", align="r"), dict(key="tax", head="Totale imposta", align="r")]
    esig = pick(rng, "I (esigibilità immediata)", "D (esigibilità differita)", "S (scissione dei pagamenti)", w=[5, 1, 1])
    rrows = []
    for r in sorted(groups, reverse=True):
        lab = esig if r else "N2.2 - Non soggette - altri casi"
        rrows.append(dict(kind="item", amt=ZERO, cells={"desc": lab, "r": nf(r), "sp": "", "arr": "", "imp": nf(groups[r]), "tax": nf(vat[r])}))
    table(cv, lay, rcols, rrows, dict(size=sz, ruling="grid", head_fill=(0.86, 0.86, 0.86), line_color=(0.45, 0.45, 0.45), vpad=2.5))
    lay.y += 6
    lay.y = grid_box(cv, lay, ["Importo bollo", "Sconto/Maggiorazione", "Arr.", "Divisa", "Totale documento"],
                     [nf(bollo) if bollo else "", "", "", "EUR", nf(total)], sz, x0, x1) + 8
    pay_amt = total - rit
    lay.y = grid_box(cv, lay, ["Modalità pagamento", "IBAN", "Istituto finanziario", "Data scadenza", "Importo"],
                     ["MP05 bonifico", iban(rng, "IT"), pick(rng, "Intesa Sanpaolo", "UniCredit", "Banco BPM", "BPER Banca"),
                      ds(d + timedelta(days=rng.choice([0, 30, 60]))), nf(pay_amt)], sz, x0, x1) + 8
    if forf:
        lay.y = text_lines(cv, x0, lay.y, ["Operazione in franchigia da IVA ai sensi dell'art. 1, commi 54-89, L. 190/2014 – regime forfettario. "
                                           "Imposta di bollo assolta in modo virtuale."], sz - 0.5, "i", maxw=x1 - x0) + 4

    def foot(cv_, k, n_):
        text_lines(cv_, x0, H - 40, ["Copia di cortesia priva di valenza fiscale ai sensi dell'art. 21 D.P.R. 633/72. L'originale è disponibile "
                                     "all'indirizzo telematico da Lei fornito oppure nella Sua area riservata del sito web dell'Agenzia delle Entrate."],
                   6.5, "r", GREY, maxw=x1 - x0 - 60)
        cv_.text(x1, H - 34, f"Pag. {k + 1}/{n_}", 7, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


def einv_es(rng, inv):
    F = inv.F
    inv.lang, cc = "es", "ES"
    F["country"] = cc
    simp = rng.random() < 0.3
    F["simplified"] = simp
    cv = page_setup(rng, F, sizes=(A4,), fams=["liberation_sans", "dejavu_sans", "dejavu_cond", "dejavu_serif", "liberation_serif"])
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([40, 50, 56]), W - rng.choice([40, 50, 56])
    sz = rng.choice([8, 8.5, 9])
    col = accent(rng)
    iss = party(rng, cc)
    cust = party(rng, cc, person_prob=0.2)
    inv.issuer = iss["name"]
    inv.customer = "" if simp else cust["name"]
    inv.currency = "EUR"
    m = Money("de", 2, "minus", "post_sp", "€")
    d = rand_date(rng)
    inv.date = d
    dfmt = pick(rng, "dmy/", "dmy-", "long", "d/m/y")
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, "es")
    F["date_printed"] = ds(d)
    serie = pick(rng, "A", "F", "FV", "")
    number = pick(rng, f"{serie}{d.year}-{rng.randrange(1, 9999):04d}" if serie else f"{d.year}/{rng.randrange(1, 9999):04d}",
                  f"{serie or 'F'}/{rng.randrange(1, 99999):05d}")
    if simp:
        number = f"T{d.year}-{rng.randrange(1, 999999):06d}"
    inv.number = number
    einv_items(rng, inv, "es", cc, 1, 8 if not simp else 5, disc=not simp, small=simp)
    lay = Lay(cv, x0, x1, 50, H - 70, cont=lambda c_, l_: 50)
    y = 44
    cv.text(x0, y + 16, iss["name"], rng.choice([14, 16]), "b", col)
    y1 = text_lines(cv, x0, y + 24, [f"NIF: {iss['vat'][2:]}"] + iss["addr"] + [iss["phone"], iss["email"]], sz, maxw=(x1 - x0) * 0.5)
    title = "FACTURA SIMPLIFICADA" if simp else pick(rng, "FACTURA", "Factura")
    cv.text(x1, y + 16, title, 16, "b", BLACK, "r")
    meta = [("Nº factura:" if not simp else "Nº:", number), ("Fecha de expedición:" if rng.random() < 0.6 else "Fecha:", ds(d))]
    if not simp and rng.random() < 0.4:
        meta.append(("Fecha de operación:", ds(d - timedelta(days=rng.randrange(1, 28)))))
    if not simp:
        meta.append(("Forma de pago:", pick(rng, "Transferencia bancaria", "Domiciliación", "Contado")))
    mw = kv_width(cv, meta, sz, lstyle="b")
    ym = kv_lines(cv, x1 - mw, y + 28, meta, sz, lstyle="b")
    y = max(y1, ym) + 14
    if not simp:
        cv.rect(x0, y, x1, y + 4 + sz * 1.3 * (len(cust["addr"]) + 3), stroke=(0.6, 0.6, 0.6), lw=0.5)
        text_lines(cv, x0 + 6, y + 4, [("Cliente", "b"), cust["name"], f"NIF/CIF: {cust['vat'][2:]}"] + cust["addr"], sz, maxw=x1 - x0 - 12, gap=1.3)
        y += 10 + sz * 1.3 * (len(cust["addr"]) + 3)
    lay.y = y + 10
    re_ = (not simp) and rng.random() < 0.25
    F["recargo"] = re_
    cols = [dict(key="desc", head="Concepto", align="l", flex=True), dict(key="qty", head="Cantidad", align="r"),
            dict(key="up", head="Precio", align="r")] + ([dict(key="dto", head="Dto. %", align="r")] if not simp else []) + \
           [dict(key="iva", head="IVA", align="r"), dict(key="amt", head="Importe", align="r")]
    if simp:
        # prices with VAT included
        for it in inv.items:
            it["up"] = q(it["up"] * (100 + it["rate"]) / 100)
            it["amt"] = q(it["qty"] * it["up"])
    rows = item_rows(inv, Money("de"), extra=lambda it: {"iva": f"{fmt_num(it['rate'], 'de', 0 if it['rate'] == it['rate'].to_integral() else 1)} %",
                                                        "dto": fmt_num(it["disc"], "de", 0) if it["disc"] else ""})
    table(cv, lay, cols, rows, dict(size=sz, ruling=pick(rng, "h", "zebra", "grid"), head_fill=light(col, 0.8), vpad=3))
    lay.y += 8
    groups = vat_groups(inv)
    if simp:
        inv.tax = ZERO
        base = {r: q(g * 100 / (100 + r)) for r, g in groups.items()}
        F["vat_included"] = float(sum((groups[r] - base[r] for r in groups), ZERO))
        tl = [("Base imponible " + f"{fmt_num(r, 'de', 0)} %", m.c(base[r]), {}) for r in sorted(base, reverse=True)]
        tl += [(f"Cuota IVA {fmt_num(r, 'de', 0)} %", m.c(groups[r] - base[r]), {}) for r in sorted(base, reverse=True)]
        tl.append(("TOTAL (IVA incluido)", m.c(inv.total), {"b": True, "rule": True, "big": 1.2}))
    else:
        vat = {r: q(g * r / 100) for r, g in groups.items()}
        rec = {r: q(g * {D(21): D("5.2"), D(10): D("1.4"), D(4): D("0.5")}[r] / 100) for r, g in groups.items()} if re_ else {}
        inv.tax = sum(vat.values(), ZERO) + sum(rec.values(), ZERO)
        tl = [("Base imponible", m.c(inv.subtotal), {})]
        for r in sorted(vat, reverse=True):
            tl.append((f"IVA {fmt_num(r, 'de', 0)} % s/ {m.n(groups[r])}", m.c(vat[r]), {}))
        for r in sorted(rec, reverse=True):
            rr = {D(21): "5,2", D(10): "1,4", D(4): "0,5"}[r]
            tl.append((f"Recargo de equivalencia {rr} %", m.c(rec[r]), {}))
        tl.append(("TOTAL FACTURA", m.c(inv.total), {"b": True, "rule": True, "big": 1.2}))
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.45, x1, sz)
    # VeriFactu QR
    lay.need(80)
    yq = lay.y + 10
    fake_qr(cv, x0, yq, 58, rng)
    text_lines(cv, x0 + 66, yq + 8, [("VERI*FACTU", "b"), "Factura verificable en la sede electrónica de la AEAT"], sz, maxw=x1 - x0 - 70)
    lay.y = yq + 66
    if not simp:
        lay.need(30)
        text_lines(cv, x0, lay.y + 4, [f"IBAN: {iban(rng, 'ES')}", f"Vencimiento: {ds(d + timedelta(days=30))}"], sz)
        lay.y += 30

    def foot(cv_, k, n_):
        text_lines(cv_, x0, H - 44, [f"{iss['name']} – NIF {iss['vat'][2:]} – Inscrita en el Registro Mercantil de {iss['addr'][-1].split(' ', 1)[-1]}, "
                                     f"Tomo {rng_f[0]}, Folio {rng_f[1]}, Hoja {rng_f[2]}"], 6.5, "r", GREY, maxw=x1 - x0)

    rng_f = (rng.randrange(1000, 40000), rng.randrange(1, 220), f"M-{rng.randrange(10000, 700000)}")
    footer_pages(cv, foot)
    return cv


def einv_pt(rng, inv):
    F = inv.F
    inv.lang, cc = "pt", "PT"
    F["country"] = cc
    kind = pick(rng, "FT", "FR", "FS", w=[3, 1.5, 1])
    F["doc_type"] = kind
    cv = page_setup(rng, F, sizes=(A4,), fams=["dejavu_sans", "liberation_sans", "dejavu_cond", "liberation_narrow"])
    W, H = cv.W, cv.H
    x0, x1 = 42, W - 42
    sz = rng.choice([7.5, 8, 8.5])
    iss = party(rng, cc)
    cons = kind == "FS" or rng.random() < 0.15
    cust = party(rng, cc, person_prob=0.3)
    if cons:
        cust["name"] = "Consumidor final"
    inv.issuer = iss["name"]
    inv.customer = cust["name"]
    inv.currency = "EUR"
    style = pick(rng, "de", "fr")
    m = Money(style, 2, "minus", "post_sp", "€")
    d = rand_date(rng)
    inv.date = d
    dfmt = pick(rng, "iso", "dmy-", "dmy/")
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, "pt")
    F["date_printed"] = ds(d)
    serie = pick(rng, f"{d.year}A", f"A{d.year}", f"{d.year}", "A")
    seq = rng.randrange(1, 9999)
    number = f"{kind} {serie}/{seq}"
    inv.number = number
    atcud = f"{letters(rng, 8, 'BCDFGHJKLMNPQRSTVWXYZ23456789')}-{seq}"
    einv_items(rng, inv, "pt", cc, 1, 7, disc=rng.random() < 0.3)
    exempt = rng.random() < 0.15
    if exempt:
        inv.items[-1]["rate"] = ZERO
    groups = vat_groups(inv)
    vat = {r: q(g * r / 100) for r, g in groups.items()}
    inv.tax = sum(vat.values(), ZERO)
    lay = Lay(cv, x0, x1, 50, H - 80, cont=lambda c_, l_: 50)
    y = 40
    cv.text(x0, y + 14, iss["name"], 13, "b")
    y1 = text_lines(cv, x0, y + 22, iss["addr"] + [f"NIF: {iss['vat'][2:]}", f"Tel.: {iss['phone']}", iss["email"]], sz, maxw=(x1 - x0) * 0.48)
    cv.text(x1, y + 8, pick(rng, "Original", "ORIGINAL"), sz, "r", GREY, "r")
    title = {"FT": "Fatura", "FR": "Fatura-Recibo", "FS": "Fatura Simplificada"}[kind]
    meta = [("Data de emissão:", ds(d))]
    if kind == "FT":
        meta.append(("Data de vencimento:", ds(d + timedelta(days=rng.choice([15, 30, 60])))))
    meta += [("ATCUD:", atcud)]
    in_title = rng.random() < 0.6
    if not in_title or rng.random() < 0.5:
        meta.insert(0, ("N.º documento:", number))
    cv.text(x1, y + 28, f"{title} {number}" if in_title else title, 13, "b", BLACK, "r")
    mw = kv_width(cv, meta, sz)
    ym = kv_lines(cv, x1 - mw, y + 40, meta, sz)
    y = max(y1, ym) + 12
    cx = x0 + (x1 - x0) * 0.5
    cv.rect(cx - 6, y - 4, x1, y + sz * 1.3 * (len(cust["addr"]) + 3) + 4, stroke=(0.6, 0.6, 0.6))
    yc = text_lines(cv, cx, y, [("Exmo.(s) Sr.(s)", "r"), (cust["name"], "b")] + ([] if cons else cust["addr"]) +
                    [f"Contribuinte n.º: {'999999990' if cons else cust['vat'][2:]}"], sz, maxw=x1 - cx - 6, gap=1.3)
    lay.y = max(yc, y + sz * 1.3 * (len(cust["addr"]) + 3) + 8) + 10
    cols = [dict(key="code", head="Artigo", align="l"), dict(key="desc", head="Descrição", align="l", flex=True),
            dict(key="qty", head="Qtd.", align="r"), dict(key="un", head="Un.", align="l"), dict(key="up", head="Preço unit.", align="r"),
            dict(key="dsc", head="Desc.", align="r"), dict(key="iva", head="IVA", align="r"), dict(key="amt", head="Total", align="r")]
    rows = item_rows(inv, Money(style), extra=lambda it: {"code": f"{letters(rng, 2)}{digits(rng, 4)}", "un": pick(rng, "UN", "H", "UN"),
                                                        "dsc": fmt_num(it["disc"], style, 1) + "%" if it["disc"] else "0%",
                                                        "iva": fmt_num(it["rate"], style, 0) + "%"})
    table(cv, lay, cols, rows, dict(size=sz, ruling=pick(rng, "h", "hhead"), vpad=2.5, head_fill=(0.9, 0.9, 0.9)))
    lay.y += 8
    lay.need(70)
    ys = lay.y
    vcols = [dict(key="desc", head="Taxa", align="l", flex=True), dict(key="b", head="Incidência", align="r"), dict(key="v", head="Valor IVA", align="r")]
    vrows = [dict(kind="item", amt=ZERO, cells={"desc": ("IVA " + fmt_num(r, style, 0) + "%") if r else "Isento (M07)", "b": m.n(groups[r]), "v": m.n(vat[r])})
             for r in sorted(groups, reverse=True)]
    cv.text(x0, ys + 8, "Quadro resumo de IVA", sz, "b")
    lay.y = ys + 12
    table(cv, lay, vcols, vrows, dict(size=sz - 0.5, ruling="grid", x1=x0 + (x1 - x0) * 0.45, vpad=2))
    yl = lay.y
    lay.y = ys
    tl = [("Total ilíquido", m.c(inv.subtotal), {}), ("Total IVA", m.c(inv.tax), {}),
          (pick(rng, "Total (EUR)", "Total a pagar", "Total documento"), m.c(inv.total), {"b": True, "rule": True, "big": 1.15})]
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.58, x1, sz + 0.5)
    lay.y = max(lay.y, yl) + 8
    if exempt:
        lay.y = text_lines(cv, x0, lay.y, ["Motivo de isenção: M07 – Isento nos termos do artigo 9.º do CIVA"], sz - 0.5, maxw=x1 - x0)
    lay.need(80)
    yq = lay.y + 6
    fake_qr(cv, x0, yq, 62, rng)
    h4 = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(4))
    text_lines(cv, x0 + 72, yq + 10, [f"{h4}-Processado por programa certificado n.º {rng.randrange(100, 3000)}/AT",
                                      "Os bens/serviços foram colocados à disposição do adquirente na data do documento."], sz - 1, maxw=x1 - x0 - 80)
    lay.y = yq + 70

    def foot(cv_, k, n_):
        cv_.text(x0, H - 30, f"{iss['name']} · Capital social {fmt_num(rng_c, style, 2)} € · Matrícula C.R.C. {iss['vat'][2:]}", 6.5, "r", GREY)
        cv_.text(x1, H - 30, f"Pág. {k + 1}/{n_}", 6.5, "r", GREY, "r")

    rng_c = D(rng.choice([5000, 10000, 50000, 250000]))
    footer_pages(cv, foot)
    return cv


def einv_fr_fx(rng, inv):
    F = inv.F
    inv.lang, cc = "fr", "FR"
    F["country"] = cc
    cv = page_setup(rng, F, sizes=(A4,), fams=["dejavu_sans", "liberation_sans", "dejavu_serif", "liberation_serif", "dejavu_cond"])
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([42, 50, 60]), W - rng.choice([42, 50, 60])
    sz = rng.choice([8, 8.5, 9])
    col = accent(rng)
    iss = party(rng, cc)
    cust = party(rng, cc)
    inv.issuer, inv.customer = iss["name"], cust["name"]
    inv.currency = "EUR"
    m = Money("fr", 2, "minus", "post_sp", "€")
    d = rand_date(rng)
    inv.date = d
    dfmt = pick(rng, "dmy/", "long", "iso")
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, "fr")
    F["date_printed"] = ds(d)
    number = pick(rng, f"FA-{d.year}-{rng.randrange(1, 9999):04d}", f"F{d.year % 100}{d.month:02d}-{rng.randrange(1, 999):03d}", f"{d.year}{rng.randrange(1, 99999):05d}")
    inv.number = number
    einv_items(rng, inv, "fr", cc, 1, 8)
    remise = ZERO
    if rng.random() < 0.25:
        remise = -q(inv.subtotal * D(rng.choice([3, 5, 10])) / 100)
    inv.charges = remise
    groups = vat_groups(inv)
    if remise:
        # the discount is spread over the rates in proportion to their bases
        tot = inv.subtotal
        for r in list(groups):
            groups[r] = groups[r] + q(remise * groups[r] / tot)
        diff = (inv.subtotal + remise) - sum(groups.values(), ZERO)
        groups[max(groups)] += diff
    vat = {r: q(g * r / 100) for r, g in groups.items()}
    inv.tax = sum(vat.values(), ZERO)
    total = inv.total
    acompte = q(total * D("0.3")) if rng.random() < 0.2 else ZERO
    F["acompte"] = float(acompte)
    lay = Lay(cv, x0, x1, 50, H - 84, cont=lambda c_, l_: 50)
    y = 40
    brand = iss["name"].split()[0]
    lw_, lh_ = logo_box(cv, x0, y, brand.upper(), 14, col, rng.choice(["rect", "circle", "cross"]))
    y1 = text_lines(cv, x0, y + lh_ + 8, [(iss["name"], "b")] + iss["addr"] + [iss["phone"], iss["email"]], sz, maxw=(x1 - x0) * 0.45)
    cv.text(x1, y + 16, "FACTURE", 20, "b", col, "r")
    meta = [("N° :", number), ("Date :", ds(d)), ("Échéance :", ds(d + timedelta(days=rng.choice([30, 45, 60]))))]
    if rng.random() < 0.5:
        meta.append(("Date de livraison :", ds(d - timedelta(days=rng.randrange(1, 20)))))
    if rng.random() < 0.5:
        meta.append(("N° client :", "C" + digits(rng, 5)))
    mw = kv_width(cv, meta, sz)
    ym = kv_lines(cv, x1 - mw, y + 30, meta, sz)
    y = max(y1, ym) + 14
    cx = x0 + (x1 - x0) * 0.52
    yc = text_lines(cv, cx, y, [("Adressé à", "b"), cust["name"]] + cust["addr"] + [f"TVA : {cust['vat']}"], sz, maxw=x1 - cx)
    lay.y = yc + 16
    cols = [dict(key="desc", head="Désignation", align="l", flex=True), dict(key="qty", head="Qté", align="r"),
            dict(key="un", head="Unité", align="l"), dict(key="up", head="PU HT", align="r"), dict(key="iva", head="TVA", align="r"),
            dict(key="amt", head="Total HT", align="r")]
    rows = item_rows(inv, Money("fr"), extra=lambda it: {"un": pick(rng, "u", "h", "j", "forfait"), "iva": fmt_num(it["rate"], "fr", 1 if it["rate"] % 1 else 0) + " %"})
    table(cv, lay, cols, rows, dict(size=sz, ruling=pick(rng, "h", "zebra", "grid"), head_fill=col, head_color=WHITE, vpad=3))
    lay.y += 8
    tl = [("Total HT", m.c(inv.subtotal), {})]
    if remise:
        tl.append(("Remise commerciale", m.c(remise), {}))
        tl.append(("Total HT net", m.c(inv.subtotal + remise), {}))
    for r in sorted(vat, reverse=True):
        tl.append((f"TVA {fmt_num(r, 'fr', 1 if r % 1 else 0)} %", m.c(vat[r]), {}))
    tl.append(("Total TTC", m.c(total), {"b": True, "rule": True}))
    if acompte:
        tl.append(("Acompte versé", m.c(-acompte), {}))
    tl.append(("Net à payer", m.c(total - acompte), {"b": True, "fill": light(col, 0.85)}))
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.55, x1, sz)
    lay.need(50)
    yq = lay.y + 6
    cv.rect(x0, yq, x0 + 96, yq + 30, stroke=col, lw=1)
    cv.text(x0 + 48, yq + 13, "Factur-X", 10, "b", col, "c")
    cv.text(x0 + 48, yq + 24, "profil EN 16931", 6.5, "r", col, "c")
    text_lines(cv, x0 + 106, yq + 2, [f"Règlement par virement : IBAN {iban(rng, 'FR')} – BIC {bic(rng, 'FR')}",
                                      f"Référence à rappeler : {number}"], sz - 0.5, maxw=x1 - x0 - 110)
    lay.y = yq + 40
    siren = digits(rng, 9)
    cap = rng.choice([1000, 5000, 10000, 37000, 150000])
    siret5, ape = digits(rng, 5), digits(rng, 4) + letters(rng, 1)

    def foot(cv_, k, n_):
        t = [f"{iss['name']} – {iss['name'].split()[-1]} au capital de {fmt_num(cap, 'fr', 0)} € – RCS {iss['addr'][-1].split(' ', 1)[-1].title()} "
             f"{siren[:3]} {siren[3:6]} {siren[6:]} – SIRET {siren} {siret5} – APE {ape} – "
             f"N° TVA intracommunautaire {iss['vat']}",
             "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 € "
             "(art. L441-10 du Code de commerce). Pas d'escompte pour paiement anticipé."]
        text_lines(cv_, x0, H - 64, t, 6.5, "r", GREY, maxw=x1 - x0)
        cv_.text(x1, H - 22, f"Page {k + 1}/{n_}", 6.5, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


def einv_de_xr(rng, inv):
    F = inv.F
    inv.lang, cc = "de", "DE"
    F["country"] = cc
    cv = page_setup(rng, F, sizes=(A4,), fams=["dejavu_sans", "liberation_sans", "dejavu_cond"])
    W, H = cv.W, cv.H
    x0, x1 = 46, W - 46
    sz = rng.choice([8, 8.5])
    iss = party(rng, cc)
    cust = party(rng, cc)
    cust["name"] = pick(rng, f"Stadt {cust['addr'][-1].split(' ', 1)[1]}", f"Landratsamt {cust['addr'][-1].split(' ', 1)[1]}", cust["name"],
                        f"Universität {cust['addr'][-1].split(' ', 1)[1]}")
    inv.issuer, inv.customer = iss["name"], cust["name"]
    inv.currency = "EUR"
    style = pick(rng, "de", "plain")
    nf = lambda v: fmt_num(v, style, 2)
    d = rand_date(rng)
    inv.date = d
    dfmt = pick(rng, "dmy.", "iso")
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, "de")
    F["date_printed"] = ds(d)
    number = pick(rng, f"R-{d.year}-{rng.randrange(1, 9999):04d}", f"{d.year}{rng.randrange(1, 99999):05d}", f"RE{rng.randrange(10000, 99999)}")
    inv.number = number
    einv_items(rng, inv, "de", cc, 1, 7)
    groups = vat_groups(inv)
    vat = {r: q(g * r / 100) for r, g in groups.items()}
    inv.tax = sum(vat.values(), ZERO)
    total = inv.total
    leitweg = f"{rng.choice(['991', '04011000', '05315000', '09162000'])}-{digits(rng, 5)}-{digits(rng, 2)}"
    blocks = pick(rng, True, False)
    F["item_blocks"] = blocks
    lay = Lay(cv, x0, x1, 46, H - 46, cont=lambda c_, l_: 46)
    y = 40
    cv.text(x0, y + 14, "Rechnung", 16, "b")
    cv.text(x1, y + 14, "XRechnung 3.0 · Visualisierung", sz, "r", GREY, "r")
    lay.y = y + 26

    def section(title):
        lay.need(40)
        cv.rect(x0, lay.y, x1, lay.y + sz * 1.9, fill=(0.2, 0.3, 0.45))
        cv.text(x0 + 5, lay.y + sz * 1.35, title, sz + 0.5, "b", WHITE)
        lay.y += sz * 1.9 + 5

    def kv(pairs, x=None, labw=150):
        lay.need(len(pairs) * sz * 1.4 + 4)
        lay.y = kv_lines(cv, x0 + 5, lay.y, pairs, sz, labw=labw, lcolor=GREY, gap=1.4) + 4

    section("Übersicht")
    per0 = add_months(d, -1).replace(day=1)
    per1 = d.replace(day=1) - timedelta(days=1)
    kv([("Rechnungsnummer", number), ("Rechnungsdatum", ds(d)), ("Rechnungsart", "380 (Handelsrechnung)"), ("Währung", "EUR"),
        ("Leitweg-ID / Käuferreferenz", leitweg), ("Leistungszeitraum", f"{ds(per0)} – {ds(per1)}"),
        ("Fälligkeitsdatum", ds(d + timedelta(days=30)))] + ([("Bestellnummer", digits(rng, 8))] if rng.random() < 0.5 else []))
    half = (x1 - x0) / 2
    lay.need(110)
    ys = lay.y
    for k, (title, p) in enumerate([("Verkäufer", iss), ("Käufer", cust)]):
        xx = x0 + k * half
        cv.rect(xx, ys, xx + half - 6, ys + sz * 1.9, fill=(0.2, 0.3, 0.45))
        cv.text(xx + 5, ys + sz * 1.35, title, sz + 0.5, "b", WHITE)
        pairs = [("Name", p["name"]), ("Straße", p["addr"][0]), ("PLZ / Ort", p["addr"][-1])]
        pairs += [("USt-IdNr.", p["vat"]), ("E-Mail", p["email"])] if k == 0 else [("Kundennummer", digits(rng, 6))]
        yy = kv_lines(cv, xx + 5, ys + sz * 1.9 + 5, pairs, sz, labw=70, lcolor=GREY, gap=1.4)
        lay.y = max(lay.y, yy)
    lay.y += 8
    section("Rechnungspositionen")
    if blocks:
        for k, it in enumerate(inv.items):
            unit = "HUR (Stunde)" if "Std." in it["desc"] else ("DAY (Tag)" if "Tage" in it["desc"] else pick(rng, "H87 (Stück)", "C62 (Einheit)"))
            pairs = [("Artikelname", it["desc"]), ("Menge", f"{fmt_qty(it['qty'], style)} {unit}"),
                     ("Preis pro Einheit (netto)", nf(it["up"])), ("Gesamtpreis (netto)", nf(it["amt"])), ("Umsatzsteuersatz", f"{it['rate']} %")]
            lay.need(len(pairs) * sz * 1.4 + sz * 2)
            cv.text(x0 + 5, lay.y + sz, f"Position {k + 1}", sz, "b")
            lay.y += sz * 1.5
            kv(pairs, labw=150)
            cv.line(x0 + 5, lay.y - 1, x1, lay.y - 1, color=(0.8, 0.8, 0.8), lw=0.3)
            lay.y += 3
    else:
        cols = [dict(key="no", head="Pos.", align="l"), dict(key="desc", head="Artikelname", align="l", flex=True),
                dict(key="qty", head="Menge", align="r"), dict(key="un", head="Einheit", align="l"), dict(key="up", head="Preis (netto)", align="r"),
                dict(key="iva", head="USt.", align="r"), dict(key="amt", head="Gesamt (netto)", align="r")]
        cnt = iter(range(1, 99))
        rows = item_rows(inv, Money(style), extra=lambda it: {"no": str(next(cnt)), "iva": f"{it['rate']} %",
                                                             "un": "HUR" if "Std." in it["desc"] else ("DAY" if "Tage" in it["desc"] else pick(rng, "H87", "C62"))})
        table(cv, lay, cols, rows, dict(size=sz, ruling="h", vpad=2.5))
        lay.y += 6
    section("Gesamtbeträge")
    pairs = [("Summe aller Positionen (netto)", nf(inv.subtotal)), ("Summe Nachlässe", nf(0)), ("Summe Zuschläge", nf(0)),
             ("Gesamtsumme (netto)", nf(inv.subtotal))]
    pairs += [(f"Umsatzsteuer {r} % auf {nf(groups[r])}", nf(vat[r])) for r in sorted(vat, reverse=True)]
    pairs += [("Summe Umsatzsteuer", nf(inv.tax)), ("Gesamtsumme (brutto)", nf(total)), ("Bereits gezahlt", nf(0)), ("Fälliger Betrag", nf(total))]
    lay.need(len(pairs) * sz * 1.4 + 4)
    lay.y = kv_lines(cv, x0 + 5, lay.y, pairs, sz, labw=200, lcolor=GREY, gap=1.4, xr=x0 + 330) + 6
    section("Zahlungsinformationen")
    kv([("Zahlungsart", "58 (SEPA-Überweisung)"), ("Kontoinhaber", iss["name"]), ("IBAN", iban(rng, "DE")), ("BIC", bic(rng, "DE")),
        ("Verwendungszweck", number)])

    def foot(cv_, k, n_):
        cv_.text(x1, H - 24, f"Seite {k + 1} von {n_}", 7, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


def einv_peppol(rng, inv):
    F = inv.F
    cc = pick(rng, "BE", "BE", "NL")
    lang = "nl" if cc == "NL" else pick(rng, "nl", "fr")
    inv.lang = lang
    F["country"] = cc
    cv = page_setup(rng, F, sizes=(A4,), fams=["liberation_sans", "dejavu_sans", "dejavu_cond", "liberation_narrow"])
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([40, 50]), W - rng.choice([40, 50])
    sz = rng.choice([8, 8.5, 9])
    col = accent(rng)
    iss = party(rng, cc)
    cust = party(rng, cc)
    inv.issuer, inv.customer = iss["name"], cust["name"]
    inv.currency = "EUR"
    m = Money("de", 2, "minus", pick(rng, "pre_sp", "post_sp"), "€")
    d = rand_date(rng)
    inv.date = d
    dfmt = pick(rng, "dmy/", "dmy-", "dmy.", "long")
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    F["date_printed"] = ds(d)
    number = pick(rng, f"{d.year}/{rng.randrange(1, 9999):04d}", f"F{d.year}-{rng.randrange(1, 999):03d}", f"{d.year % 100}{rng.randrange(1, 9999):04d}")
    inv.number = number
    einv_items(rng, inv, "nl" if lang == "nl" else "fr", "BE" if cc == "BE" else "NL", 1, 7)
    groups = vat_groups(inv)
    vat = {r: q(g * r / 100) for r, g in groups.items()}
    inv.tax = sum(vat.values(), ZERO)
    total = inv.total
    T = {"nl": dict(t="Factuur", no="Factuurnummer", dt="Factuurdatum", due="Vervaldatum", cust="Klant", ent="Ondernemingsnummer" if cc == "BE" else "KvK-nummer",
                    vat="Btw-nummer", ref="Uw referentie", desc="Omschrijving", qty="Aantal", up="Eenheidsprijs", rate="Btw %",
                    amt="Totaal excl. btw", sub="Totaal excl. btw", vline="Btw {r}%", tot="Totaal incl. btw", pay="Te betalen",
                    comm="Gestructureerde mededeling" if cc == "BE" else "Betalingskenmerk", sent="Deze factuur werd elektronisch verzonden via het Peppol-netwerk.",
                    to="Gelieve te betalen op rekening"),
         "fr": dict(t="Facture", no="Numéro de facture", dt="Date de facture", due="Date d'échéance", cust="Client", ent="Numéro d'entreprise",
                    vat="N° TVA", ref="Votre référence", desc="Description", qty="Quantité", up="Prix unitaire", rate="TVA %",
                    amt="Total HTVA", sub="Total HTVA", vline="TVA {r}%", tot="Total TVAC", pay="À payer",
                    comm="Communication structurée", sent="Cette facture a été envoyée électroniquement via le réseau Peppol.",
                    to="Merci de payer sur le compte")}[lang]
    ent = f"{iss['vat'][2:6]}.{iss['vat'][6:9]}.{iss['vat'][9:]}" if cc == "BE" else digits(rng, 8)
    peppol = f"0208:{iss['vat'][2:]}" if cc == "BE" else f"0106:{ent}"
    comm = structured_comm(rng) if cc == "BE" else " ".join(digits(rng, 4) for _ in range(4))
    lay = Lay(cv, x0, x1, 50, H - 60, cont=lambda c_, l_: 50)
    y = 44
    y1 = text_lines(cv, x0, y, [(iss["name"], "b")] + iss["addr"] + [f"{T['ent']}: {ent}" if cc == "BE" else f"{T['ent']}: {ent}",
                                                                     f"{T['vat']}: {iss['vat']}", f"Peppol ID: {peppol}"], sz, maxw=(x1 - x0) * 0.5)
    cx = x0 + (x1 - x0) * 0.56
    yc = text_lines(cv, cx, y + 30, [(T["cust"], "r"), (cust["name"], "b")] + cust["addr"] + [f"{T['vat']}: {cust['vat']}"], sz, maxw=x1 - cx)
    y = max(y1, yc) + 18
    cv.text(x0, y + 14, T["t"], 18, "b", col)
    y += 24
    cells = [(T["no"], number), (T["dt"], ds(d)), (T["due"], ds(d + timedelta(days=rng.choice([14, 30, 30, 60]))))]
    if rng.random() < 0.5:
        cells.append((T["ref"], "PO" + digits(rng, 6)))
    lay.y = above_cells(cv, x0, y, cells, sz - 0.5, sz + 0.5, (x1 - x0) / len(cells), lstyle="b", lcolor=col) + 6
    cols = [dict(key="desc", head=T["desc"], align="l", flex=True), dict(key="qty", head=T["qty"], align="r"),
            dict(key="up", head=T["up"], align="r"), dict(key="iva", head=T["rate"], align="r"), dict(key="amt", head=T["amt"], align="r")]
    rows = item_rows(inv, Money("de"), extra=lambda it: {"iva": f"{it['rate']}%"})
    table(cv, lay, cols, rows, dict(size=sz, ruling=pick(rng, "h", "zebra"), head_fill=light(col, 0.85), vpad=3))
    lay.y += 8
    tl = [(T["sub"], m.c(inv.subtotal), {})] + [(T["vline"].format(r=r) + f" ({m.c(groups[r])})", m.c(vat[r]), {}) for r in sorted(vat, reverse=True)]
    tl += [(T["tot"], m.c(total), {"b": True, "rule": True}), (T["pay"], m.c(total), {"b": True, "fill": light(col, 0.85)})]
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.5, x1, sz)
    lay.need(50)
    lay.y = text_lines(cv, x0, lay.y + 8, [f"{T['to']} {iban(rng, cc)} (BIC {bic(rng, cc)})", (f"{T['comm']}: {comm}", "b"), (T["sent"], "i")],
                       sz, maxw=x1 - x0)
    F["payment_reference"] = comm

    def foot(cv_, k, n_):
        cv_.line(x0, H - 42, x1, H - 42, color=GREY, lw=0.4)
        cv_.text(x0, H - 32, f"{iss['name']} · {iss['addr'][0]} · {iss['addr'][-1]} · {iss['email']}", 6.5, "r", GREY)
        cv_.text(x1, H - 32, f"{k + 1}/{n_}", 6.5, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


# ----------------------------------------------------------------------------------------------
# 6. travel: airline, rail and car-rental invoices
# ----------------------------------------------------------------------------------------------
AIRLINES = [("Nordic Sky Airlines AS", "NS", "NO", "NOK"), ("Alpine Air AG", "AL", "CH", "CHF"),
            ("Aero Lusitania S.A.", "AU", "PT", "EUR"), ("Atlantic Coast Airways Ltd", "AC", "GB", "GBP"),
            ("Rheinland Air GmbH", "RA", "DE", "EUR"), ("Air Provence SAS", "AP", "FR", "EUR"),
            ("Iberian Wings S.A.", "IW", "ES", "EUR"), ("Hanse Jet GmbH", "HJ", "DE", "EUR")]
AIRPORTS = {"NO": [("OSL", "Oslo"), ("BGO", "Bergen"), ("TRD", "Trondheim")], "CH": [("ZRH", "Zurich"), ("GVA", "Geneva")],
            "PT": [("LIS", "Lisbon"), ("OPO", "Porto"), ("FAO", "Faro")], "GB": [("LHR", "London"), ("MAN", "Manchester"), ("EDI", "Edinburgh")],
            "DE": [("FRA", "Frankfurt"), ("MUC", "Munich"), ("HAM", "Hamburg"), ("BER", "Berlin")],
            "FR": [("CDG", "Paris"), ("NCE", "Nice"), ("LYS", "Lyon"), ("MRS", "Marseille")],
            "ES": [("MAD", "Madrid"), ("BCN", "Barcelona"), ("AGP", "Malaga")]}
FOREIGN = [("JFK", "New York"), ("DXB", "Dubai"), ("AMS", "Amsterdam"), ("FCO", "Rome"), ("ATH", "Athens"), ("CPH", "Copenhagen"),
           ("VIE", "Vienna"), ("IST", "Istanbul"), ("BOS", "Boston")]
TRAVEL_L = {
    "en": dict(inv="Invoice", no="Invoice number", date="Invoice date", pnr="Booking reference", pax="Passenger", tkt="Ticket number",
               desc="Description", amt="Amount", fare="Air fare", tax="Taxes, fees and charges", yq="Carrier-imposed surcharge",
               seat="Seat reservation", bag="Checked baggage 23 kg", svc="Service fee", net="Net amount", vat="VAT {r}%", tot="Total",
               paid="Paid by credit card", itin="Flight details", exempt="VAT exempt – international transport", recip="Invoice recipient",
               issued="Ticket issue date", flight="Flight", dep="Departure", arr="Arrival", cls="Class"),
    "de": dict(inv="Rechnung", no="Rechnungsnummer", date="Rechnungsdatum", pnr="Buchungscode", pax="Passagier", tkt="Ticketnummer",
               desc="Leistung", amt="Betrag", fare="Flugpreis", tax="Steuern, Gebühren und Entgelte", yq="Internationaler Zuschlag",
               seat="Sitzplatzreservierung", bag="Aufgabegepäck 23 kg", svc="Servicegebühr", net="Nettobetrag", vat="MwSt. {r} %", tot="Gesamtbetrag",
               paid="Bezahlt mit Kreditkarte", itin="Flugdaten", exempt="Steuerfreie Beförderungsleistung (§ 4 Nr. 6 UStG / grenzüberschreitend)",
               recip="Rechnungsempfänger", issued="Ausstellungsdatum Ticket", flight="Flug", dep="Abflug", arr="Ankunft", cls="Klasse"),
    "fr": dict(inv="Facture", no="Numéro de facture", date="Date de facture", pnr="Référence de réservation", pax="Passager", tkt="Numéro de billet",
               desc="Prestation", amt="Montant", fare="Tarif aérien", tax="Taxes, frais et redevances", yq="Surcharge transporteur",
               seat="Réservation de siège", bag="Bagage en soute 23 kg", svc="Frais de service", net="Montant HT", vat="TVA {r} %", tot="Total",
               paid="Payé par carte bancaire", itin="Détail des vols", exempt="Exonération de TVA – transport international", recip="Destinataire de la facture",
               issued="Date d'émission du billet", flight="Vol", dep="Départ", arr="Arrivée", cls="Classe"),
}
CAR_L = {
    "en": dict(inv="Invoice", no="Invoice no.", date="Invoice date", ra="Rental agreement no.", res="Reservation no.", cust="Customer no.",
               veh="Vehicle", plate="Registration", out="Pick-up", ret="Return", km_out="Mileage out", km_in="Mileage in", km="Distance driven",
               fuel="Fuel out / in", desc="Description", qty="Qty", unit="Unit", up="Rate", amt="Amount", net="Subtotal", tot="Total",
               base="Time and mileage, unlimited km", cdw="Collision damage waiver", tp="Theft protection", add="Additional driver",
               refuel="Refuelling service", oneway="One-way fee", apt="Airport surcharge", young="Young driver surcharge",
               extra_km="Excess kilometres", days="day", litre="L", vat="VAT {r}%", paid="Charged to card", similar="or similar"),
    "de": dict(inv="Rechnung", no="Rechnungs-Nr.", date="Rechnungsdatum", ra="Mietvertrag-Nr.", res="Reservierungs-Nr.", cust="Kunden-Nr.",
               veh="Fahrzeug", plate="Kennzeichen", out="Anmietung", ret="Rückgabe", km_out="Km-Stand Abgabe", km_in="Km-Stand Rückgabe",
               km="Gefahrene km", fuel="Tank Abgabe / Rückgabe", desc="Beschreibung", qty="Menge", unit="Einheit", up="Preis", amt="Betrag",
               net="Zwischensumme netto", tot="Gesamtbetrag", base="Grundmiete inkl. unbegrenzter km", cdw="Haftungsreduzierung (CDW)",
               tp="Diebstahlschutz", add="Zusatzfahrer", refuel="Betankungsservice", oneway="Einweggebühr", apt="Flughafenzuschlag",
               young="Zuschlag junger Fahrer", extra_km="Mehrkilometer", days="Tag", litre="l", vat="MwSt. {r} %", paid="Belastet auf Karte",
               similar="oder ähnlich"),
    "fr": dict(inv="Facture", no="N° de facture", date="Date de facture", ra="N° de contrat de location", res="N° de réservation",
               cust="N° client", veh="Véhicule", plate="Immatriculation", out="Départ", ret="Retour", km_out="Km départ", km_in="Km retour",
               km="Km parcourus", fuel="Carburant départ / retour", desc="Désignation", qty="Qté", unit="Unité", up="Prix unitaire", amt="Montant",
               net="Total HT", tot="Total TTC", base="Location, kilométrage illimité", cdw="Rachat de franchise dommages", tp="Protection vol",
               add="Conducteur additionnel", refuel="Service de remplissage carburant", oneway="Frais d'abandon (aller simple)",
               apt="Supplément aéroport", young="Supplément jeune conducteur", extra_km="Kilomètres supplémentaires", days="jour", litre="L",
               vat="TVA {r} %", paid="Débité sur la carte", similar="ou similaire"),
}
CARS = ["VW Golf", "Opel Astra", "Peugeot 308", "Toyota Corolla", "Skoda Octavia Combi", "BMW 3er Touring", "Renault Clio", "Ford Focus"]
RAILWAYS = [("Nordbahn Fernverkehr AG", "de", "DE", 7, ["Hamburg Hbf", "Berlin Hbf", "Hannover Hbf", "Köln Hbf", "Frankfurt (Main) Hbf", "München Hbf"]),
            ("Alpenbahn Reisen GmbH", "de", "AT", 10, ["Wien Hbf", "Salzburg Hbf", "Innsbruck Hbf", "Graz Hbf", "Linz Hbf"]),
            ("Rail Atlantique SAS", "fr", "FR", 10, ["Paris Montparnasse", "Bordeaux Saint-Jean", "Nantes", "Rennes", "La Rochelle"]),
            ("Northern Express Rail Ltd", "en", "GB", 0, ["London Kings Cross", "York", "Newcastle", "Edinburgh Waverley", "Leeds"])]


def arch_travel(rng, inv):
    v = pick(rng, "air", "rail", "car", w=[4, 2.5, 3.5])
    inv.F["variant"] = v
    return {"air": travel_air, "rail": travel_rail, "car": travel_car}[v](rng, inv)


def pax_name(rng, cc, fmt):
    nm = person(rng, cc if cc in CO else "GB")
    first, last = nm.split(" ", 1)
    t = rng.choice(["MR", "MS", "MRS"])
    return {"slash": f"{last.upper()}/{first.upper()} {t}", "title": f"{t} {first.upper()} {last.upper()}", "plain": f"{first} {last}"}[fmt]


def travel_air(rng, inv):
    F = inv.F
    name, iata, cc, cur = rng.choice(AIRLINES)
    lang = pick(rng, "en", "de" if cc in ("DE", "CH") else "fr" if cc == "FR" else "en", w=[1, 1])
    inv.lang = lang
    L = TRAVEL_L[lang]
    F["country"] = cc
    pcc = {"NO": "GB", "CH": "DE", "PT": "PT", "GB": "GB", "DE": "DE", "FR": "FR", "ES": "ES"}[cc]
    iss = rebrand(party(rng, pcc), name, name.split()[0] + name.split()[1])
    inv.issuer = name
    cust = party(rng, pcc, person_prob=0.4)
    inv.customer = cust["name"]
    inv.currency = cur
    style = {"en": "en", "de": "de", "fr": "fr"}[lang] if cur != "CHF" else "ch"
    m = Money(style, 2, "minus", "none", "")
    cur_place = pick(rng, "heading", "code_total", "sym")
    F["currency_place"] = cur_place
    d = rand_date(rng)
    inv.date = d
    dfmt = {"en": pick(rng, "d Mon Y", "dd Mon Y", "dmy/", "iso"), "de": pick(rng, "dmy.", "long"), "fr": pick(rng, "dmy/", "long")}[lang]
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    F["date_printed"] = ds(d)
    prefix = {"NS": "328", "AL": "724", "AU": "047", "AC": "125", "RA": "220", "AP": "057", "IW": "075", "HJ": "741"}[iata]
    pnr = letters(rng, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    number = pick(rng, f"{iata}-{d.year % 100}{rng.randrange(100000, 999999)}", f"{d.year % 100}{digits(rng, 8)}", f"R{digits(rng, 7)}")
    inv.number = number
    F["booking_ref"] = pnr
    domestic = rng.random() < 0.35
    F["domestic"] = domestic
    home = AIRPORTS[cc]
    a1 = rng.choice(home)
    a2 = rng.choice([a for a in home if a != a1]) if domestic else rng.choice(FOREIGN)
    out_d = d + timedelta(days=rng.randrange(3, 60))
    back = rng.random() < 0.7
    ret_d = out_d + timedelta(days=rng.randrange(2, 14))
    npax = rng.choice([1, 1, 2, 2, 3])
    pfmt = pick(rng, "slash", "title", "plain")
    F["pax_fmt"] = pfmt
    paxes = [pax_name(rng, pcc, pfmt) for _ in range(npax)]
    tickets = [prefix + digits(rng, 10) for _ in range(npax)]
    tkfmt = pick(rng, "plain", "dash")
    tk = lambda t: t if tkfmt == "plain" else f"{t[:3]}-{t[3:]}"
    fare = D(rng.choice([89, 129, 189, 249, 420, 690, 1150])) + D(rng.choice(["0", "0.99", "0.50"]))
    taxes = D(rng.choice(["38.27", "64.12", "112.40", "23.86", "187.55"]))
    yq = D(rng.choice(["0", "0", "50.00", "120.00"])) if not domestic else ZERO
    if cur == "NOK":
        fare, taxes, yq = fare * 10, taxes * 10, yq * 10
    per_pax_rows = []
    for p_, t_ in zip(paxes, tickets):
        per_pax_rows.append((p_, t_, L["fare"], fare))
        per_pax_rows.append((p_, t_, L["tax"], taxes))
        if yq:
            per_pax_rows.append((p_, t_, L["yq"], yq))
        if rng.random() < 0.3:
            per_pax_rows.append((p_, t_, L["seat"], D(rng.choice(["12.00", "18.00", "25.00"]))))
        if rng.random() < 0.25:
            per_pax_rows.append((p_, t_, L["bag"], D(rng.choice(["30.00", "45.00", "60.00"]))))
    for p_, t_, desc, a in per_pax_rows:
        inv.item(desc, None, None, amt=a, pax=p_, tkt=t_)
    if rng.random() < 0.25:
        inv.item(L["svc"], None, None, amt=D(rng.choice(["15.00", "25.00", "35.00"])), pax="", tkt="")
    vr = {"NO": 12, "CH": D("8.1"), "PT": 6, "GB": 0, "DE": 19, "FR": 10, "ES": 10}[cc]
    if domestic and vr:
        inv.tax = q(inv.subtotal * D(vr) / 100)
    F["vat_rate"] = float(vr) if domestic else 0.0
    total = inv.total
    cv = page_setup(rng, F, sizes=(A4,), fams=["liberation_sans", "dejavu_sans", "dejavu_cond", "liberation_narrow"])
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([40, 48, 56]), W - rng.choice([40, 48, 56])
    sz = rng.choice([8, 8.5, 9])
    col = accent(rng)
    lay = Lay(cv, x0, x1, 50, H - 60, cont=lambda c_, l_: 50)
    y = 40
    bw, bh = logo_box(cv, x0, y, name.split()[0] + " " + name.split()[1], 14, col, "cross")
    yi = text_lines(cv, x1 - 200, y, [(name, "b")] + iss["addr"] + [f"VAT {iss['vat']}" if cc != "NO" else f"Org.nr. {digits(rng, 9)} MVA"], sz - 0.5, maxw=200)
    y = max(y + bh + 10, yi) + 14
    cv.text(x0, y + 14, L["inv"], 18, "b")
    y += 26
    yc = text_lines(cv, x0, y, [(L["recip"], "b"), cust["name"]] + cust["addr"], sz, maxw=(x1 - x0) * 0.45)
    meta = [(L["no"], number), (L["date"], ds(d)), (L["pnr"], pnr), (L["issued"], ds(d - timedelta(days=rng.randrange(0, 3))))]
    mw = kv_width(cv, meta, sz, lstyle="b")
    ym = kv_lines(cv, x1 - mw, y, meta, sz, lstyle="b")
    lay.y = max(yc, ym) + 14
    # itinerary
    cv.text(x0, lay.y + sz, L["itin"], sz + 1, "b", col)
    lay.y += sz * 1.8
    fl = [(f"{iata} {rng.randrange(100, 9999)}", out_d, a1, a2)]
    if back:
        fl.append((f"{iata} {rng.randrange(100, 9999)}", ret_d, a2, a1))
    icols = [dict(key="f", head=L["flight"], align="l"), dict(key="dt", head="Date" if lang != "de" else "Datum", align="l"),
             dict(key="desc", head=L["dep"] + " → " + L["arr"], align="l", flex=True), dict(key="c", head=L["cls"], align="l")]
    irows = []
    for f_, dd_, fa, fb in fl:
        t1 = f"{rng.randrange(6, 21):02d}:{rng.choice(['05', '20', '35', '50'])}"
        irows.append(dict(kind="item", amt=ZERO, cells={"f": f_, "dt": fmt_date(dd_, "DMONYYYY" if lang == "en" else "dmy."),
                                                        "desc": f"{fa[1]} ({fa[0]}) {t1} → {fb[1]} ({fb[0]})", "c": pick(rng, "Economy (K)", "Economy (Q)", "Business (J)", "Economy Light (V)")}))
    table(cv, lay, icols, irows, dict(size=sz - 0.5, ruling="none", head_style="b", head_rule=False, vpad=1.5))
    lay.y += 10
    cols = [dict(key="pax", head=L["pax"], align="l"), dict(key="tkt", head=L["tkt"], align="l"), dict(key="desc", head=L["desc"], align="l", flex=True),
            dict(key="amt", head=L["amt"] + (f" ({cur})" if cur_place == "heading" else ""), align="r")]
    rows = []
    prev = None
    for it in inv.items:
        same = prev == it["pax"]
        rows.append(dict(kind="item", amt=it["amt"], cells={"pax": "" if same else it["pax"], "tkt": "" if same or not it["tkt"] else tk(it["tkt"]),
                                                            "desc": it["desc"], "amt": m.n(it["amt"]) if cur_place != "sym" else m.c(it["amt"], sym=cur + " ", pos="pre")}))
        prev = it["pax"]
    table(cv, lay, cols, rows, dict(size=sz, ruling=pick(rng, "h", "zebra"), head_fill=light(col, 0.85), vpad=3))
    lay.y += 6
    tl = []
    if inv.tax:
        tl.append((L["net"], m.n(inv.subtotal), {}))
        tl.append((L["vat"].format(r=vr), m.n(inv.tax), {}))
    tl.append((L["tot"] + (f" {cur}" if cur_place in ("code_total", "heading") else ""),
               m.n(total) if cur_place != "sym" else m.c(total, sym=cur + " ", pos="pre"), {"b": True, "rule": True, "big": 1.15}))
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.5, x1, sz)
    lay.need(40)
    notes = []
    if not inv.tax:
        notes.append(L["exempt"])
    notes.append(f"{L['paid']} {pick(rng, 'VISA', 'MASTERCARD', 'AMEX')} XXXX XXXX XXXX {digits(rng, 4)}: {m.n(total)} {cur}")
    lay.y = text_lines(cv, x0, lay.y + 6, notes, sz - 0.5, "r", GREY, maxw=x1 - x0)

    def foot(cv_, k, n_):
        cv_.text(x0, H - 30, f"{name} · {iss['addr'][0]} · {iss['addr'][-1]} · {iss['web']}", 6.5, "r", GREY)
        cv_.text(x1, H - 30, f"{k + 1}/{n_}", 6.5, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


def travel_rail(rng, inv):
    F = inv.F
    name, lang, cc, vr, stations = rng.choice(RAILWAYS)
    inv.lang = lang
    F["country"] = cc
    iss = rebrand(party(rng, cc), name)
    inv.issuer = name
    cust = party(rng, cc, person_prob=0.5)
    inv.customer = cust["name"]
    cur = "GBP" if cc == "GB" else "EUR"
    inv.currency = cur
    sym = "£" if cc == "GB" else "€"
    style = {"de": "de", "fr": "fr", "en": "en"}[lang]
    m = Money(style, 2, "minus", "pre" if cc == "GB" else "post_sp", sym)
    d = rand_date(rng)
    inv.date = d
    dfmt = {"de": "dmy.", "fr": "dmy/", "en": pick(rng, "d Mon Y", "dmy/")}[lang]
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    F["date_printed"] = ds(d)
    T = {"de": dict(inv="Rechnung", no="Rechnungsnummer", date="Rechnungsdatum", order="Auftragsnummer", desc="Leistung", amt="Betrag",
                    tot="Gesamtbetrag", incl="Im Gesamtbetrag enthaltene MwSt. {r} %", out="Hinfahrt am {d}, ab {t}", back="Rückfahrt am {d}, ab {t}",
                    cls=["2. Klasse", "1. Klasse"], adult="{n} Erwachsene(r)", res="Sitzplatzreservierung", fare=["Flexpreis", "Sparpreis", "Super Sparpreis"],
                    bc="BahnCard 25 berücksichtigt", pay="Zahlungsart", cust="Rechnungsempfänger", tr="Reisender"),
         "fr": dict(inv="Facture", no="Numéro de facture", date="Date de facture", order="Référence de dossier", desc="Prestation", amt="Montant",
                    tot="Total TTC", incl="Dont TVA {r} %", out="Aller le {d}, départ {t}", back="Retour le {d}, départ {t}",
                    cls=["2de classe", "1re classe"], adult="{n} adulte(s)", res="Réservation de place", fare=["Tarif Flex", "Tarif Loisir", "Prem's"],
                    bc="Carte Avantage appliquée", pay="Mode de paiement", cust="Facturé à", tr="Voyageur"),
         "en": dict(inv="Invoice", no="Invoice number", date="Invoice date", order="Booking reference", desc="Description", amt="Amount",
                    tot="Total", incl="Includes VAT at {r}%", out="Outward {d}, departs {t}", back="Return {d}, departs {t}",
                    cls=["Standard", "First Class"], adult="{n} adult(s)", res="Seat reservation", fare=["Anytime", "Off-Peak", "Advance"],
                    bc="Railcard discount applied", pay="Payment method", cust="Billed to", tr="Traveller")}[lang]
    order = letters(rng, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789") if lang != "de" else f"{digits(rng, 12)}"
    number = pick(rng, f"{d.year}{digits(rng, 8)}", f"R-{digits(rng, 9)}", f"{letters(rng, 2)}{digits(rng, 8)}")
    inv.number = number
    F["booking_ref"] = order
    for _ in range(rng.choice([1, 1, 2])):
        s1, s2 = rng.sample(stations, 2)
        dd1 = d + timedelta(days=rng.randrange(1, 40))
        npx = rng.choice([1, 1, 2])
        price = D(rng.choice(["29.90", "49.90", "79.90", "119.90", "139.90", "189.90"])) * npx
        cl = rng.choice(T["cls"])
        desc = f"{rng.choice(T['fare'])} {s1} → {s2}, {cl}, {T['adult'].format(n=npx)}"
        note = T["out"].format(d=ds(dd1), t=f"{rng.randrange(5, 21):02d}:{rng.choice(['04', '18', '34', '49'])}")
        if rng.random() < 0.5:
            note += "; " + T["back"].format(d=ds(dd1 + timedelta(days=rng.randrange(1, 9))), t=f"{rng.randrange(6, 22):02d}:{rng.choice(['12', '27', '43'])}")
            price *= 2
        inv.item(desc, None, None, amt=price, note=note)
        if rng.random() < 0.4:
            inv.item(T["res"], None, None, amt=npx * D(rng.choice(["4.90", "5.20", "3.00"])) * (2 if "; " in note else 1))
    total = inv.total
    vat_incl = q(total * D(vr) / (100 + D(vr))) if vr else ZERO
    F["vat_included"] = float(vat_incl)
    cv = page_setup(rng, F, sizes=(A4,), fams=["dejavu_sans", "liberation_sans", "dejavu_cond"])
    W, H = cv.W, cv.H
    x0, x1 = 50, W - 50
    sz = rng.choice([8.5, 9])
    col = accent(rng)
    lay = Lay(cv, x0, x1, 50, H - 60, cont=lambda c_, l_: 50)
    y = 44
    cv.rect(x0, y, x0 + 46, y + 24, fill=col)
    cv.text(x0 + 23, y + 16, name.split()[0][:2].upper(), 12, "b", WHITE, "c")
    cv.text(x0 + 56, y + 16, name, 12, "b", col)
    y += 46
    yc = text_lines(cv, x0, y, [(T["cust"], "b"), cust["name"]] + cust["addr"], sz, maxw=(x1 - x0) * 0.45)
    meta = [(T["no"], number), (T["date"], ds(d)), (T["order"], order), (T["pay"], pick(rng, "Kreditkarte" if lang == "de" else "Carte bancaire" if lang == "fr" else "Credit card", "PayPal"))]
    mw = kv_width(cv, meta, sz)
    ym = kv_lines(cv, x1 - mw, y, meta, sz)
    y = max(yc, ym) + 16
    cv.text(x0, y + 14, T["inv"], 16, "b")
    lay.y = y + 26
    cols = [dict(key="desc", head=T["desc"], align="l", flex=True), dict(key="amt", head=T["amt"], align="r")]
    rows = [dict(kind="item", amt=it["amt"], note=it.get("note"), cells={"desc": it["desc"], "amt": m.c(it["amt"])}) for it in inv.items]
    table(cv, lay, cols, rows, dict(size=sz, ruling="h", vpad=4, head_fill=light(col, 0.85)))
    lay.y += 6
    tl = [(T["tot"], m.c(total), {"b": True, "big": 1.2})]
    if vr:
        tl.append((T["incl"].format(r=vr), m.c(vat_incl), {}))
    else:
        tl.append((T["incl"].format(r=0), m.c(0), {}))
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.45, x1, sz)
    if rng.random() < 0.4:
        lay.need(20)
        cv.text(x0, lay.y + 12, T["bc"], sz - 0.5, "i", GREY)
        lay.y += 20

    def foot(cv_, k, n_):
        cv_.text(x0, H - 34, f"{name} · {iss['addr'][0]} · {iss['addr'][-1]} · USt-IdNr./VAT {iss['vat']}", 6.5, "r", GREY)
        cv_.text(x1, H - 34, f"{k + 1}/{n_}", 6.5, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


def travel_car(rng, inv):
    F = inv.F
    lang = pick(rng, "en", "de", "fr", w=[2, 2, 1.5])
    inv.lang = lang
    L = CAR_L[lang]
    cc = {"en": pick(rng, "GB", "IE", "US"), "de": pick(rng, "DE", "AT"), "fr": "FR"}[lang]
    F["country"] = cc
    iss = party(rng, cc)
    brand = rng.choice(["Autovia", "Driveaway", "Roadstar", "Loca'Route", "Fahrwerk", "Citymobil", "Greenline"])
    iss["name"] = {"GB": f"{brand} Car Rental Ltd", "IE": f"{brand} Car Hire Ltd", "US": f"{brand} Rent A Car, Inc.", "DE": f"{brand} Autovermietung GmbH",
                   "AT": f"{brand} Mietwagen GmbH", "FR": f"{brand} Location SAS"}[cc]
    rebrand(iss, iss["name"], brand)
    inv.issuer = iss["name"]
    cust = party(rng, cc, person_prob=0.5)
    inv.customer = cust["name"]
    cur = {"GB": "GBP", "IE": "EUR", "US": "USD", "DE": "EUR", "AT": "EUR", "FR": "EUR"}[cc]
    sym = {"GB": "£", "US": "$"}.get(cc, "€")
    inv.currency = cur
    style = {"en": "en", "de": "de", "fr": "fr"}[lang]
    m = Money(style, 2, "minus", "pre" if sym in "£$" else "post_sp", sym)
    ret_d = rand_date(rng)
    days = rng.randrange(1, 15)
    out_d = ret_d - timedelta(days=days)
    d = ret_d + timedelta(days=rng.choice([0, 0, 1, 2]))
    inv.date = d
    dfmt = {"en": "mdy/" if cc == "US" else pick(rng, "dmy/", "d Mon Y"), "de": "dmy.", "fr": "dmy/"}[lang]
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    F["date_printed"] = ds(d)
    number = pick(rng, f"{digits(rng, 10)}", f"{letters(rng, 2)}{digits(rng, 8)}", f"{d.year}-{digits(rng, 7)}")
    ra = f"{digits(rng, 9)}"
    inv.number = number
    F["agreement_no"] = ra
    km0 = rng.randrange(3000, 80000)
    km = rng.randrange(days * 40, days * 260 + 50)
    rate = D(rng.choice(["39.00", "49.00", "59.00", "72.50", "89.00"]))
    inv.item(L["base"], days, rate, unit=L["days"])
    if rng.random() < 0.7:
        inv.item(L["cdw"], days, D(rng.choice(["12.50", "15.00", "19.90"])), unit=L["days"])
    if rng.random() < 0.3:
        inv.item(L["tp"], days, D(rng.choice(["4.50", "6.00"])), unit=L["days"])
    if rng.random() < 0.3:
        inv.item(L["add"], days, D(rng.choice(["7.50", "9.00"])), unit=L["days"])
    if rng.random() < 0.2:
        inv.item(L["young"], days, D("11.00"), unit=L["days"])
    if rng.random() < 0.5:
        lit = D(rng.choice(["18.4", "23.7", "31.2", "9.8"]))
        inv.item(L["refuel"], lit, D(rng.choice(["2.349", "2.590", "2.879"])), unit=L["litre"], up_dec=3)
    if rng.random() < 0.25:
        inv.item(L["oneway"], 1, D(rng.choice(["75.00", "120.00", "150.00"])), unit="")
    if rng.random() < 0.4:
        inv.item(L["apt"], 1, D(rng.choice(["29.00", "38.00", "45.50"])), unit="")
    if rng.random() < 0.2:
        extra = rng.randrange(40, 300)
        inv.item(L["extra_km"], extra, D(rng.choice(["0.25", "0.29", "0.35"])), unit="km")
    if cc == "US":
        r = D(rng.choice(["6.25", "8.875", "10.25"]))
        inv.tax = q(inv.subtotal * r / 100)
        taxlab = f"Sales tax {r}%"
    else:
        r = {"GB": D(20), "IE": D(23), "DE": D(19), "AT": D(20), "FR": D(20)}[cc]
        inv.tax = q(inv.subtotal * r / 100)
        taxlab = L["vat"].format(r=r)
    total = inv.total
    cv = page_setup(rng, F, sizes=(LETTER,) if cc == "US" else (A4,), fams=["liberation_sans", "dejavu_sans", "dejavu_cond", "liberation_narrow"])
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([40, 48]), W - rng.choice([40, 48])
    sz = rng.choice([8, 8.5])
    col = accent(rng)
    lay = Lay(cv, x0, x1, 50, H - 56, cont=lambda c_, l_: 50)
    y = 40
    cv.rect(x0, y, x1, y + 34, fill=col)
    cv.text(x0 + 10, y + 23, brand.upper(), 18, "b", WHITE)
    cv.text(x1 - 10, y + 22, L["inv"].upper(), 14, "b", WHITE, "r")
    y += 46
    yi = text_lines(cv, x0, y, [(iss["name"], "b")] + iss["addr"] + [iss["phone"]], sz - 0.5, maxw=(x1 - x0) * 0.4)
    yc = text_lines(cv, x0 + (x1 - x0) * 0.42, y, [cust["name"]] + cust["addr"], sz, maxw=(x1 - x0) * 0.3)
    meta = [(L["no"], number), (L["date"], ds(d)), (L["ra"], ra), (L["res"], letters(rng, 2) + digits(rng, 7)), (L["cust"], digits(rng, 7))]
    mw = kv_width(cv, meta, sz - 0.5)
    ym = kv_lines(cv, x1 - mw, y, meta, sz - 0.5)
    y = max(yi, yc, ym) + 12
    apt = rng.choice(["Airport", "City Centre", "Central Station"]) if lang == "en" else rng.choice(["Flughafen", "Hauptbahnhof", "Innenstadt"]) if lang == "de" else rng.choice(["Aéroport", "Gare", "Centre-ville"])
    city0 = iss["addr"][-1].split(",")[0].split(" ", 1)[-1] if cc != "US" else iss["addr"][-1].split(",")[0]
    t0 = f"{rng.randrange(7, 19):02d}:{rng.choice(['00', '15', '30', '45'])}"
    t1 = f"{rng.randrange(7, 20):02d}:{rng.choice(['05', '20', '40', '55'])}"
    cells = [(L["veh"], f"{rng.choice(CARS)} {L['similar']}"), (L["plate"], f"{letters(rng, 2)}-{letters(rng, 2)} {rng.randrange(100, 9999)}"),
             (L["out"], f"{ds(out_d)} {t0}, {city0} {apt}"), (L["ret"], f"{ds(ret_d)} {t1}, {city0} {apt}")]
    cv.rect(x0, y, x1, y + 4 + sz * 1.4 * 4 + sz * 1.4, fill=(0.95, 0.95, 0.95))
    kv_lines(cv, x0 + 6, y + 4, cells, sz - 0.5, lstyle="b")
    kms = [(L["km_out"], f"{fmt_num(km0, style, 0)} km"), (L["km_in"], f"{fmt_num(km0 + km, style, 0)} km"), (L["km"], f"{fmt_num(km, style, 0)} km"),
           (L["fuel"], f"8/8 / {rng.choice(['8/8', '6/8', '5/8', '3/8'])}")]
    kv_lines(cv, x0 + (x1 - x0) * 0.62, y + 4, kms, sz - 0.5, lstyle="b")
    lay.y = y + 4 + sz * 1.4 * 5 + 10
    cols = [dict(key="desc", head=L["desc"], align="l", flex=True), dict(key="qty", head=L["qty"], align="r"), dict(key="un", head=L["unit"], align="l"),
            dict(key="up", head=L["up"], align="r"), dict(key="amt", head=L["amt"], align="r")]
    rows = item_rows(inv, Money(style), extra=lambda it: {"un": it.get("unit", "")})
    table(cv, lay, cols, rows, dict(size=sz, ruling=pick(rng, "h", "grid", "zebra"), head_fill=light(col, 0.8), vpad=3))
    lay.y += 6
    tl = [(L["net"], m.c(inv.subtotal), {}), (taxlab, m.c(inv.tax), {}), (L["tot"], m.c(total), {"b": True, "rule": True, "big": 1.15})]
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.5, x1, sz)
    lay.need(20)
    cv.text(x0, lay.y + 12, f"{L['paid']} {pick(rng, 'VISA', 'Mastercard', 'AMEX')} **** {digits(rng, 4)}", sz - 0.5, "r", GREY)
    lay.y += 20

    def foot(cv_, k, n_):
        cv_.text(x0, H - 30, f"{iss['name']} · {iss['vat']} · {iss['web']}", 6.5, "r", GREY)
        cv_.text(x1, H - 30, f"{k + 1}/{n_}", 6.5, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


# ----------------------------------------------------------------------------------------------
# 7. gulf: UAE / Saudi / Bahrain / Oman / Qatar / Kuwait tax invoices in English (+ shaped Arabic labels)
# ----------------------------------------------------------------------------------------------
AR = {"Tax Invoice": "فاتورة ضريبية", "Simplified Tax Invoice": "فاتورة ضريبية مبسطة", "Invoice": "فاتورة",
      "Invoice No.": "رقم الفاتورة", "Invoice Date": "تاريخ الفاتورة", "Date of Supply": "تاريخ التوريد",
      "TRN": "رقم التسجيل الضريبي", "VAT No.": "الرقم الضريبي", "Customer": "العميل", "Seller": "البائع",
      "Total (Excl. VAT)": "الإجمالي غير شامل الضريبة", "VAT Amount": "مبلغ الضريبة", "Total (Incl. VAT)": "الإجمالي شامل الضريبة",
      "Grand Total": "المجموع الكلي", "Discount": "الخصم", "Total": "المجموع"}
GULF = {"AE": ("AED", D(5), 2, "UAE Dirhams", "Fils", "TRN", ["AED", "Dhs"], D(1)),
        "SA": ("SAR", D(15), 2, "Saudi Riyals", "Halalas", "VAT No.", ["SAR", "SR"], D(1)),
        "BH": ("BHD", D(10), 3, "Bahraini Dinars", "Fils", "VAT No.", ["BHD", "BD"], D("0.1")),
        "OM": ("OMR", D(5), 3, "Omani Rials", "Baisa", "VATIN", ["OMR", "RO"], D("0.1")),
        "QA": ("QAR", ZERO, 2, "Qatari Riyals", "Dirhams", "C.R. No.", ["QAR", "QR"], D(1)),
        "KW": ("KWD", ZERO, 3, "Kuwaiti Dinars", "Fils", "C.R. No.", ["KWD", "KD"], D("0.08"))}
GULF_ITEMS = [("Supply of A4 copier paper 80 gsm (box of 5 reams)", 95), ("Split AC 1.5 ton – supply and installation", 1850),
              ("Annual maintenance contract – HVAC system", 4200), ("Cement OPC 50 kg bag", D("14.50")),
              ("Steel rebar 12 mm (per ton)", 2650), ("Office cleaning services – monthly", 3500),
              ("Laptop Dell Latitude 5440, Core i5, 16 GB, 512 GB SSD", 3899), ("Ergonomic office chair, mesh back", 650),
              ("Printing of brochures A4, 1,000 pcs", 780), ("Corporate lunch catering (per person)", 65),
              ("Manpower supply – general helper (hours)", 18), ("Diesel generator rental 100 kVA (per day)", 950),
              ("Safety helmet with chin strap", 22), ("Network cabling Cat6 (per point)", 180), ("Drinking water 5 gallon bottle", 7),
              ("Gypsum board partition works (sq m)", 85), ("CCTV camera 4 MP dome – installed", 420)]


def amount_words(v, dec, major, minor):
    v = q(v, dec)
    whole = int(v)
    frac = int((v - whole) * (10 ** dec))
    cw = lambda n: " ".join(w if w == "and" else "-".join(p.capitalize() for p in w.split("-")) for w in words_en(n).split())
    s = f"{major} {cw(whole)}"
    if frac:
        s += f" and {minor} {cw(frac)}" if dec == 2 else f" and {frac} {minor}"
    return s + " Only"


def arch_gulf(rng, inv):
    F = inv.F
    inv.lang = "en"
    cc = pick(rng, "AE", "SA", "BH", "OM", "QA", "KW", w=[4, 3, 1.5, 1.5, 1, 0.8])
    cur, rate, dec, major, minor, idlab, syms, fac = GULF[cc]
    simplified = cc in ("AE", "SA") and rng.random() < 0.3
    arabic = rng.random() < 0.6
    F.update(country=cc, simplified=simplified, arabic=arabic)
    iss = party(rng, cc)
    cust = party(rng, cc, person_prob=0.2)
    if simplified and rng.random() < 0.5:
        cust["name"] = pick(rng, "Cash Customer", "Walk-in Customer", "CASH CUSTOMER")
        cust["addr"] = []
    inv.issuer, inv.customer = iss["name"], cust["name"]
    inv.currency = cur
    sym = rng.choice(syms)
    F["symbol"] = sym
    m = Money("en", dec, "minus", "none", "")
    d = rand_date(rng)
    inv.date = d
    dfmt = pick(rng, "dmy/", "dmy-", "d-Mon-Y", "iso", "dd Mon Y")
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt)
    F["date_printed"] = ds(d)
    number = pick(rng, f"INV-{d.year}-{rng.randrange(1, 99999):05d}", f"TI/{d.year % 100}/{rng.randrange(1, 9999):04d}",
                  f"{rng.randrange(10000, 99999)}", f"SI{d.year}{rng.randrange(1, 9999):04d}")
    inv.number = number
    pool = GULF_ITEMS[:]
    rng.shuffle(pool)
    for desc, p in pool[:rng.randrange(1, 8)]:
        up = q(D(p) * fac * D(rng.choice(["1", "1", "0.95", "1.1"])), dec)
        qty = D(rng.choice([1, 1, 2, 3, 5, 10, 20, 40])) if D(p) < 500 else D(rng.choice([1, 1, 2, 3]))
        inv.item(desc, qty, up, dec=dec, note=(f"Model/Ref: {letters(rng, 3)}-{digits(rng, 4)}" if rng.random() < 0.15 else None))
    full = rng.random() < 0.55 and bool(rate)
    F["vat_columns"] = full
    disc = ZERO
    if rng.random() < 0.2 and not full:
        disc = -q(inv.subtotal * D(rng.choice([2, 5, 10])) / 100, dec)
    inv.charges = disc
    inv.tax = q((inv.subtotal + disc) * rate / 100, dec)
    total = inv.total
    title_en = ("Simplified Tax Invoice" if simplified else "Tax Invoice") if rate else "Invoice"
    cv = page_setup(rng, F, sizes=(A4,), fams=["dejavu_sans", "dejavu_cond", "liberation_sans", "liberation_narrow", "dejavu_serif"])
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([36, 44, 52]), W - rng.choice([36, 44, 52])
    sz = rng.choice([8, 8.5, 9])
    col = accent(rng)
    lay = Lay(cv, x0, x1, 50, H - 70, cont=lambda c_, l_: 50)
    y = 40
    brand = iss["name"].split()[0] + (" " + iss["name"].split()[1] if iss["name"].startswith("Al ") else "")
    if rng.random() < 0.5:
        cv.rect(x0, y, x1, y + 44, fill=col)
        cv.text(x0 + 10, y + 20, iss["name"], 13, "b", WHITE)
        cv.text(x0 + 10, y + 34, " · ".join(iss["addr"][:2]), sz - 1, "r", WHITE)
        if arabic:
            cv.html(x1 - 10, y + 26, AR.get(title_en, "فاتورة"), 13)
        y += 54
        yb = y
    else:
        lw_, lh_ = logo_box(cv, x0, y, brand.upper(), 13, col, rng.choice(["rect", "circle"]))
        yb = text_lines(cv, x0, y + lh_ + 6, [(iss["name"], "b")] + iss["addr"] + [f"Tel: {iss['phone']}", iss["email"]], sz, maxw=(x1 - x0) * 0.55)
        if arabic:
            cv.html(x1, y + 16, AR.get(title_en, "فاتورة"), 14)
    yt = yb + 8
    cv.text((x0 + x1) / 2, yt + 14, title_en.upper(), 15, "b", col, "c")
    yt += 26
    idv = iss["vat"]
    meta = [("Invoice No.", number), ("Invoice Date", ds(d))]
    if rng.random() < 0.5:
        meta.append(("Date of Supply", ds(d - timedelta(days=rng.randrange(0, 12)))))
    meta.append((idlab if cc != "AE" else "TRN", idv))
    if rng.random() < 0.5:
        meta.append(("PO No.", f"PO-{rng.randrange(1000, 99999)}"))
    if rng.random() < 0.4:
        meta.append(("Payment Terms", pick(rng, "Cash", "Credit 30 days", "Credit 60 days", "Advance payment")))
    # customer block left, meta right
    cxw = (x1 - x0) * 0.5
    cl = [("Customer", "b"), cust["name"]] + cust["addr"]
    if not simplified and rate:
        cl.append(f"Customer {('TRN' if cc == 'AE' else 'VAT No.')}: {cust['vat']}")
    yc = text_lines(cv, x0, yt, cl, sz, maxw=cxw - 10)
    if arabic:
        cv.html(x0 + cxw - 14, yt + sz * 0.95, AR["Customer"], sz)
    mx = x0 + cxw + 6
    labw = max(cv.tw(l, sz, "b") for l, _ in meta) + 10
    yy = yt
    for l, v in meta:
        cv.text(mx, yy + sz * 0.95, l, sz, "b")
        cv.text(mx + labw, yy + sz * 0.95, v, sz)
        if arabic and l in AR:
            vw = cv.tw(v, sz)
            if mx + labw + vw + 10 + arabic_width(AR[l], sz) < x1:
                cv.html(x1, yy + sz * 0.95, AR[l], sz)
        yy += sz * 1.55
    lay.y = max(yc, yy) + 12
    curhead = pick(rng, "heading", "none", "cells")
    F["currency_place"] = curhead
    ch = f" ({cur})" if curhead == "heading" else ""
    cell = (lambda v: f"{sym} {m.n(v)}") if curhead == "cells" else m.n
    if full:
        cols = [dict(key="no", head="S.No", align="c"), dict(key="desc", head="Description", align="l", flex=True),
                dict(key="qty", head="Qty", align="r"), dict(key="up", head="Unit Price" + ch, align="r"),
                dict(key="amt", head="Taxable Amount" + ch, align="r"), dict(key="vr", head="VAT %", align="r"),
                dict(key="va", head="VAT Amount", align="r"), dict(key="gross", head="Total (Incl. VAT)", align="r")]
    else:
        cols = [dict(key="no", head="Sr.", align="c"), dict(key="desc", head="Item Description", align="l", flex=True),
                dict(key="qty", head="Qty", align="r"), dict(key="un", head="Unit", align="l"), dict(key="up", head="Rate" + ch, align="r"),
                dict(key="amt", head="Amount" + ch, align="r")]
    cnt = iter(range(1, 99))
    rows = []
    for it in inv.items:
        va = q(it["amt"] * rate / 100, dec)
        rows.append(dict(kind="item", amt=it["amt"], note=it.get("note"), cells={
            "no": str(next(cnt)), "desc": it["desc"], "qty": fmt_qty(it["qty"], "en"), "up": cell(it["up"]), "amt": cell(it["amt"]),
            "vr": f"{rate}%", "va": m.n(va), "gross": m.n(it["amt"] + va), "un": pick(rng, "Nos", "Pcs", "Each", "Lot", "Job")}))
    table(cv, lay, cols, rows, dict(size=sz - (0.5 if full else 0), ruling=pick(rng, "grid", "h", "zebra"), head_fill=col, head_color=WHITE, vpad=3,
                                    line_color=(0.6, 0.6, 0.6)))
    lay.y += 6
    # totals with optional Arabic labels between label and value
    tl = [("Total (Excl. VAT)" if rate else "Total", m.n(inv.subtotal), False)]
    if disc:
        tl.append(("Discount", m.n(disc), False))
        tl.append(("Taxable Amount", m.n(inv.subtotal + disc), False))
    if rate:
        tl.append((f"VAT Amount ({rate}%)", m.n(inv.tax), False))
        tl.append((pick(rng, "Total (Incl. VAT)", "Grand Total"), (f"{sym} " if curhead != "heading" else "") + m.n(total), True))
    else:
        tl[0] = ("Total", m.n(inv.subtotal), not disc)
        if disc:
            tl.append(("Net Amount", (f"{sym} " if curhead != "heading" else "") + m.n(total), True))
        else:
            tl[0] = ("Total Amount", (f"{sym} " if curhead != "heading" else "") + m.n(total), True)
    rh = sz * 1.7
    lay.need(rh * len(tl) + 30)
    xl = x0 + (x1 - x0) * 0.42
    valw = max(cv.tw(v, sz, "b") for _, v, _ in tl)
    for lab, val, big in tl:
        y = lay.y
        if big:
            cv.rect(xl - 4, y, x1 + 2, y + rh, fill=light(col, 0.85))
        cv.text(xl, y + sz * 1.2, lab, sz, "b" if big else "r")
        cv.text(x1 - 2, y + sz * 1.2, val, sz, "b" if big else "r", BLACK, "r")
        key = lab.split(" (")[0] if lab.startswith("VAT Amount") else lab
        if arabic and key in AR:
            aw = arabic_width(AR[key], sz - 0.5)
            xr_ar = x1 - valw - 14
            if xr_ar - aw > xl + cv.tw(lab, sz, "b") + 10:
                cv.html(xr_ar, y + sz * 1.2, AR[key], sz - 0.5)
        lay.y += rh
    lay.y += 6
    lay.need(60)
    lay.y = text_lines(cv, x0, lay.y, [("Amount in words:", "b"), amount_words(total, dec, major, minor)], sz, maxw=x1 - x0) + 8
    if simplified:
        fake_qr(cv, x0, lay.y, 64, rng)
        text_lines(cv, x0 + 72, lay.y + 8, ["Scan to verify this e-invoice" + (" (ZATCA Phase 2)" if cc == "SA" else ""),
                                            f"Seller {idlab}: {idv}"], sz - 1, "r", GREY, maxw=x1 - x0 - 80)
        lay.y += 72
    else:
        bank = {"AE": ["Emirates NBD", "ADCB", "Mashreq Bank"], "SA": ["Al Rajhi Bank", "Saudi National Bank", "Riyad Bank"],
                "BH": ["National Bank of Bahrain", "BBK"], "OM": ["Bank Muscat", "Bank Dhofar"], "QA": ["Qatar National Bank", "Doha Bank"],
                "KW": ["National Bank of Kuwait", "Gulf Bank"]}[cc]
        lay.y = text_lines(cv, x0, lay.y, [("Bank Details", "b"), f"Account Name: {iss['name']}", f"Bank: {rng.choice(bank)}",
                                           f"IBAN: {iban(rng, cc) if cc != 'OM' else 'OM' + digits(rng, 21)}"], sz - 0.5, maxw=x1 - x0) + 10
        lay.need(50)
        ys = lay.y + 26
        for k_, lab in enumerate(["Received by", "For " + iss["name"]]):
            xx = x0 + k_ * (x1 - x0) * 0.55
            cv.line(xx, ys, xx + (x1 - x0) * 0.4, ys, lw=0.5)
            cv.text(xx, ys + 10, lab if k_ == 0 else "Authorised Signatory", sz - 1, "r", GREY)
        lay.y = ys + 16

    def foot(cv_, k, n_):
        cv_.text((x0 + x1) / 2, H - 36, "This is a computer generated invoice and does not require a signature.", 6.8, "i", GREY, "c")
        cv_.text(x1, H - 24, f"Page {k + 1} of {n_}", 6.8, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


# ----------------------------------------------------------------------------------------------
# 8. newlang: Slovak, Latvian, Catalan, Icelandic, Albanian, Swahili, Afrikaans, Maltese,
#    Luxembourgish and Filipino invoices with their own labels
# ----------------------------------------------------------------------------------------------
NL_LANGS = {
    "sk": dict(cc="SK", cur="EUR", rates=(23, 19, 5), dec=2, style="fr", pos="post_sp", sym=["€", "EUR"], dfmt=["d.m.y", "dmy.", "d. m. y"],
               title=["Faktúra", "FAKTÚRA – DAŇOVÝ DOKLAD", "Faktúra č."], no="Číslo faktúry", date="Dátum vyhotovenia", supply="Dátum dodania",
               due="Dátum splatnosti", seller="Dodávateľ", buyer="Odberateľ", id1="IČO", id2="DIČ", vatid="IČ DPH", desc="Názov položky",
               qty="Množstvo", unit="MJ", up="Jedn. cena", amt="Spolu bez DPH", vcol="DPH %", sub="Základ dane", vat="DPH {r} %",
               tot="Celkom k úhrade", bank="Bankové spojenie", vs="Variabilný symbol", pay="Forma úhrady: prevodným príkazom",
               note="Faktúra slúži zároveň ako dodací list.", units=["ks", "hod", "m", "bal"], thanks="Ďakujeme za spoluprácu."),
    "lv": dict(cc="LV", cur="EUR", rates=(21, 12, 5), dec=2, style="fr", pos="post_sp", sym=["EUR", "€"], dfmt=["dmy.", "long"],
               title=["Rēķins", "PVN rēķins", "Rēķins Nr."], no="Rēķina Nr.", date="Datums", supply="Piegādes datums", due="Apmaksas termiņš",
               seller="Piegādātājs", buyer="Saņēmējs", id1="Reģ. Nr.", id2="Juridiskā adrese", vatid="PVN reģ. Nr.", desc="Nosaukums",
               qty="Daudzums", unit="Mērv.", up="Cena", amt="Summa", vcol="PVN %", sub="Kopā bez PVN", vat="PVN {r}%", tot="Summa apmaksai",
               bank="Banka", vs="Maksājuma mērķis", pay="Apmaksas veids: pārskaitījums",
               note="Rēķins sagatavots elektroniski un ir derīgs bez paraksta.", units=["gab.", "st.", "m", "kompl."], thanks="Paldies par sadarbību!"),
    "ca": dict(cc="ES_CAT", cur="EUR", rates=(21, 10, 4), dec=2, style="de", pos="post_sp", sym=["€"], dfmt=["dmy/", "long"],
               title=["Factura", "FACTURA"], no="Núm. factura", date="Data", supply="Data de l'operació", due="Data de venciment",
               seller="Proveïdor", buyer="Client", id1="NIF", id2="NIF", vatid="NIF", desc="Concepte", qty="Quantitat", unit="Unitat",
               up="Preu unitari", amt="Import", vcol="IVA", sub="Base imposable", vat="IVA {r}%", tot="Total factura", bank="Dades bancàries",
               vs="Referència", pay="Forma de pagament: transferència bancària", note="", units=["u.", "h", "m²", "lot"], thanks="Gràcies per la vostra confiança."),
    "is": dict(cc="IS", cur="ISK", rates=(24, 11), dec=0, style="de", pos="post_sp", sym=["kr.", "ISK"], dfmt=["dmy.", "long", "d.m.y"],
               title=["Reikningur", "REIKNINGUR"], no="Reikningsnúmer", date="Útgáfudagur", supply="Afhendingardagur", due="Gjalddagi",
               seller="Seljandi", buyer="Kaupandi", id1="Kennitala", id2="Kennitala", vatid="VSK-númer", desc="Lýsing", qty="Magn", unit="Eining",
               up="Einingarverð", amt="Upphæð", vcol="VSK %", sub="Samtals án VSK", vat="VSK {r}%", tot="Til greiðslu", bank="Banki",
               vs="Eindagi", pay="Greiðsla: millifærsla", note="Reikningur þessi er gefinn út rafrænt.", units=["stk.", "klst.", "m", "pk."],
               thanks="Takk fyrir viðskiptin!"),
    "sq": dict(cc="AL", cur="ALL", rates=(20, 6), dec=2, style="de", pos="post_sp", sym=["Lekë", "ALL"], dfmt=["dmy.", "dmy/", "long"],
               title=["Faturë", "FATURË TATIMORE", "Faturë Tatimore"], no="Nr. i faturës", date="Data e lëshimit", supply="Data e furnizimit",
               due="Afati i pagesës", seller="Shitësi", buyer="Blerësi", id1="NIPT", id2="NIPT", vatid="NIPT", desc="Përshkrimi", qty="Sasia",
               unit="Njësia", up="Çmimi", amt="Vlera", vcol="TVSH %", sub="Vlera pa TVSH", vat="TVSH {r}%", tot="Vlera totale me TVSH",
               bank="Banka", vs="NIVF", pay="Mënyra e pagesës: transfertë bankare", note="", units=["copë", "orë", "m", "pako"],
               thanks="Faleminderit për bashkëpunimin!"),
    "sw": dict(cc="TZ", cur="TZS", rates=(18,), dec=2, style="en", pos="pre_sp", sym=["TSh", "TZS"], dfmt=["dmy/", "long", "dmy."],
               title=["Ankara ya Kodi", "ANKARA", "Ankara"], no="Namba ya Ankara", date="Tarehe", supply="Tarehe ya Usambazaji",
               due="Tarehe ya Mwisho ya Malipo", seller="Muuzaji", buyer="Mnunuzi", id1="TIN", id2="TIN", vatid="VRN", desc="Maelezo",
               qty="Idadi", unit="Kipimo", up="Bei", amt="Jumla", vcol="VAT", sub="Jumla Ndogo", vat="VAT {r}%", tot="Jumla Kuu",
               bank="Benki", vs="Kumbukumbu", pay="Njia ya Malipo: Benki au M-Pesa", note="Bidhaa zilizouzwa hazirudishwi.",
               units=["pcs", "mfuko", "saa", "lita"], thanks="Asante kwa biashara yako!"),
    "af": dict(cc="ZA", cur="ZAR", rates=(15,), dec=2, style="fr", pos="pre_sp", sym=["R"], dfmt=["ymd/", "long", "dmy/"],
               title=["Belastingfaktuur", "BELASTINGFAKTUUR", "Faktuur"], no="Faktuurnommer", date="Datum", supply="Leweringsdatum",
               due="Vervaldatum", seller="Verskaffer", buyer="Kliënt", id1="Reg. nr.", id2="Reg. nr.", vatid="BTW-nommer", desc="Beskrywing",
               qty="Hoeveelheid", unit="Eenheid", up="Eenheidsprys", amt="Bedrag", vcol="BTW", sub="Subtotaal", vat="BTW {r}%",
               tot="Totaal verskuldig", bank="Bankbesonderhede", vs="Verwysing", pay="Betaling: EFT binne 30 dae", note="",
               units=["stuk", "uur", "m", "pak"], thanks="Baie dankie vir u besigheid!"),
    "mt": dict(cc="MT", cur="EUR", rates=(18, 7, 5), dec=2, style="en", pos="pre", sym=["€"], dfmt=["dmy/", "long"],
               title=["Fattura tat-Taxxa", "FATTURA", "Fattura"], no="Numru tal-Fattura", date="Data", supply="Data tal-provvista",
               due="Terminu tal-ħlas", seller="Fornitur", buyer="Klijent", id1="Numru tal-VAT", id2="Numru tal-VAT", vatid="Numru tal-VAT",
               desc="Deskrizzjoni", qty="Kwantità", unit="Unità", up="Prezz għal kull unità", amt="Ammont", vcol="VAT", sub="Subtotal",
               vat="VAT {r}%", tot="Ammont dovut", bank="Dettalji tal-bank", vs="Referenza", pay="Ħlas b'trasferiment bankarju", note="",
               units=["pz.", "siegħa", "m", "pakk"], thanks="Grazzi tan-negozju tagħkom!"),
    "lb": dict(cc="LU", cur="EUR", rates=(17, 8, 3), dec=2, style="de", pos="post_sp", sym=["€", "EUR"], dfmt=["dmy.", "long", "dmy/"],
               title=["Rechnung", "RECHNUNG"], no="Rechnungsnummer", date="Datum", supply="Liwwerdatum", due="Bezuelen bis",
               seller="Liwwerant", buyer="Client", id1="Matricule", id2="RCS", vatid="No TVA", desc="Beschreiwung", qty="Quantitéit",
               unit="Eenheet", up="Eenheetspräis", amt="Betrag", vcol="TVA", sub="Total ouni TVA", vat="TVA {r}%", tot="Total mat TVA",
               bank="Bankverbindung", vs="Referenz", pay="Bezuelung per Iwwerweisung", note="", units=["St.", "Std.", "m", "Pak."],
               thanks="Merci fir Äert Vertrauen!"),
    "tl": dict(cc="PH", cur="PHP", rates=(12,), dec=2, style="en", pos="pre", sym=["₱", "PHP "], dfmt=["long", "mdy/"],
               title=["Resibo / Sales Invoice", "SALES INVOICE", "Resibo"], no="Numero ng Invoice", date="Petsa", supply="Petsa ng Paghahatid",
               due="Takdang Petsa ng Bayad", seller="Nagbenta", buyer="Pangalan ng Mamimili", id1="TIN", id2="TIN", vatid="TIN",
               desc="Paglalarawan", qty="Dami", unit="Yunit", up="Presyo bawat isa", amt="Halaga", vcol="VAT", sub="Kabuuang Benta (VATable)",
               vat="VAT ({r}%)", tot="Kabuuang Halagang Dapat Bayaran", bank="Bangko", vs="Reperensya", pay="Paraan ng Pagbayad: Cash / Tseke",
               note="", units=["pc", "sako", "oras", "kahon"], thanks="Salamat po sa inyong pagtangkilik!"),
}
NL_ITEMS = {
    "sk": _sp("Montáž elektroinštalácie|Dodávka materiálu|Servisná prehliadka kotla|Konzultácie (hod.)|Doprava|Kancelársky papier A4|"
              "Oprava strechy|Softvérová licencia na rok|Čistenie priestorov|Tlač letákov A5"),
    "lv": _sp("Konsultācijas (stundas)|Transporta pakalpojumi|Biroja papīrs A4|Tehniskā apkope|Programmatūras licence (gads)|"
              "Uzkopšanas pakalpojumi|Elektroinstalācijas darbi|Būvmateriāli|Mājas lapas izstrāde|Apmācības"),
    "ca": _sp("Servei de manteniment|Consultoria tècnica (hores)|Material d'oficina|Instal·lació elèctrica|Reparació de fontaneria|"
              "Disseny gràfic de catàleg|Transport i lliurament|Llicència de programari anual|Neteja d'oficines|Lloguer de maquinària (dies)"),
    "is": _sp("Ráðgjöf (klst.)|Vinna við uppsetningu|Efni og smávörur|Akstur|Hugbúnaðarleyfi (ársáskrift)|Þrif á skrifstofu|"
              "Viðhald á loftræstikerfi|Prentun bæklinga|Námskeið fyrir starfsfólk|Flutningur"),
    "sq": _sp("Shërbime konsulence (orë)|Transport malli|Letër A4 (pako)|Mirëmbajtje e pajisjeve|Licencë programi vjetore|"
              "Punime elektrike|Materiale ndërtimi|Pastrim zyrash|Trajnim për stafin|Riparim kondicioneri"),
    "sw": _sp("Huduma ya ushauri (saa)|Usafirishaji wa mizigo|Saruji mfuko wa kilo 50|Mabati ya geji 28|Matengenezo ya gari|"
              "Karatasi za A4 (rimu)|Huduma ya usafi wa ofisi|Ufungaji wa umeme|Mafunzo kwa wafanyakazi|Vifaa vya ofisi"),
    "af": _sp("Konsultasiedienste (uur)|Vervoer van goedere|Kantoorpapier A4 (riem)|Instandhouding van toerusting|Sagteware-lisensie (jaarliks)|"
              "Elektriese installasie|Boumateriaal|Skoonmaakdienste|Opleiding van personeel|Herstelwerk aan dak"),
    "mt": _sp("Servizzi ta' konsulenza (siegħa)|Trasport tal-merkanzija|Karta A4 (pakkett)|Manutenzjoni tal-arja kondizzjonata|"
              "Liċenzja tas-software (sena)|Xogħol elettriku|Materjal tal-bini|Tindif tal-uffiċċju|Taħriġ għall-impjegati|Tiswija tal-bejt"),
    "lb": _sp("Berodung (Stonnen)|Transport vu Wueren|Büromaterial|Wartung vun der Heizung|Software-Lizenz (Joer)|Elektroaarbechten|"
              "Baumaterial|Botzen vun de Büroen|Formatioun fir d'Personal|Reparatur vum Daach"),
    "tl": _sp("Serbisyo sa pagkonsulta (oras)|Paghahatid ng kargamento|Papel A4 (ream)|Pagpapanatili ng aircon|Bigas (sako, 25 kg)|"
              "Semento (sako)|Paglilinis ng opisina|Pag-aayos ng tubo|Pagsasanay ng mga empleyado|Gamit pang-opisina"),
}
NL_SCALE = {"ISK": D(140), "ALL": D(100), "TZS": D(2600), "ZAR": D(18), "PHP": D(55)}


def arch_newlang(rng, inv):
    F = inv.F
    lang = rng.choice(list(NL_LANGS))
    T = NL_LANGS[lang]
    inv.lang = lang
    cc = T["cc"]
    andorra = lang == "ca" and rng.random() < 0.35
    kenya = lang == "sw" and rng.random() < 0.25
    F.update(country="AD" if andorra else ("KE" if kenya else cc))
    layout = pick(rng, "classic", "boxes", "band")
    F["layout"] = layout
    iss = party(rng, cc if not kenya else "KE")
    cust = party(rng, cc if not kenya else "KE", person_prob=0.15)
    if andorra:
        for p_ in (iss, cust):
            p_["addr"] = [f"{rng.choice(['Avinguda Meritxell', 'Carrer de la Unió', 'Avinguda Carlemany'])}, {rng.randrange(1, 120)}",
                          f"{rng.choice(['AD500 Andorra la Vella', 'AD700 Escaldes-Engordany', 'AD200 Encamp'])}"]
            p_["vat"] = f"{rng.choice('LFU')}-{digits(rng, 6)}-{letters(rng, 1)}"
            p_["phone"] = f"+376 {digits(rng, 3)} {digits(rng, 3)}"
            p_["email"] = p_["email"].rsplit(".", 1)[0] + ".ad"
    inv.issuer, inv.customer = iss["name"], cust["name"]
    cur = "KES" if kenya else T["cur"]
    inv.currency = cur
    sym = rng.choice(T["sym"]) if not kenya else rng.choice(["KSh", "KES"])
    dec = T["dec"]
    if lang == "sw" and rng.random() < 0.5:
        dec = 0
    if lang == "sq" and rng.random() < 0.4:
        dec = 0
    m = Money(T["style"], dec, "minus", T["pos"] if sym not in ("EUR", "ISK", "ALL", "TZS", "KES") else "post_sp" if lang != "sw" else "pre_sp", sym)
    F["money"] = m.desc()
    d = rand_date(rng)
    inv.date = d
    dfmt = rng.choice(T["dfmt"])
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    F["date_printed"] = ds(d)
    rates = T["rates"] if not andorra else (D("4.5"), 1, D("9.5"))
    if kenya:
        rates = (16,)
    number = {"sk": f"{d.year}{rng.randrange(1, 9999):04d}", "lv": f"{letters(rng, 2)}-{d.year}/{rng.randrange(1, 999):03d}",
              "ca": f"{d.year}/{rng.randrange(1, 999):03d}", "is": f"{rng.randrange(10000, 99999)}", "sq": f"{rng.randrange(1, 9999)}/{d.year}",
              "sw": f"INV-{rng.randrange(100, 9999)}", "af": f"INV{rng.randrange(1000, 99999)}", "mt": f"{rng.randrange(1, 9999):05d}",
              "lb": f"R{d.year % 100}-{rng.randrange(1, 9999):04d}", "tl": f"{rng.randrange(1, 99999):06d}"}[lang]
    inv.number = number
    scale = NL_SCALE.get(cur, D(1)) if not kenya else D(130)
    pool = NL_ITEMS[lang][:]
    rng.shuffle(pool)
    for desc in pool[:rng.randrange(1, 8)]:
        up = D(rng.choice([8, 12, 25, 35, 45, 60, 85, 120, 250, 480])) + D(rng.choice([0, 0, "0.50", "0.90"]))
        up = q(up * scale, dec)
        if dec == 0 and up > 1000:
            up = D(int(up / 100) * 100)
        qty = D(rng.choice([1, 1, 2, 3, 4, 5, 10, 20])) if "(" not in desc else D(rng.choice([1, 2, 3, "1.5", "2.5", 4, 8]))
        rate = D(rates[0]) if rng.random() < 0.8 or len(rates) == 1 else D(rng.choice(rates[1:]))
        inv.item(desc, qty, up, dec=dec, rate=rate, unit=rng.choice(T["units"]))
    groups = vat_groups(inv)
    vat = {r: q(b * r / 100, dec) for r, b in groups.items()}
    inv.tax = sum(vat.values(), ZERO)
    total = inv.total
    vat_label = (lambda r: f"IGI {fmt_num(r, 'de', 1 if r % 1 else 0)}%") if andorra else (lambda r: T["vat"].format(r=fmt_num(r, T["style"], 1 if r % 1 else 0)))
    idl = "NRT" if andorra else ("KRA PIN" if kenya else T["vatid"])
    cv = page_setup(rng, F, sizes=(A4,) if lang not in ("tl",) else (A4, LETTER))
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([40, 48, 56]), W - rng.choice([40, 48, 56])
    sz = rng.choice([8, 8.5, 9])
    col = accent(rng)
    title = rng.choice(T["title"])
    title_has_no = title.endswith(("č.", "Nr."))
    lay = Lay(cv, x0, x1, 50, H - 64, cont=lambda c_, l_: 50)
    meta = [(T["no"], number), (T["date"], ds(d))]
    if rng.random() < 0.4:
        meta.append((T["supply"], ds(d - timedelta(days=rng.randrange(0, 10)))))
    meta.append((T["due"], ds(d + timedelta(days=rng.choice([7, 14, 30])))))
    if lang == "sk":
        meta.append((T["vs"], number))
    pl = lambda p_: p_["addr"] + [f"{idl}: {p_['vat']}"]
    y = 42
    if layout == "classic":
        yi = text_lines(cv, x0, y, [(iss["name"], "b")] + pl(iss) + [iss["phone"], iss["email"]], sz, maxw=(x1 - x0) * 0.5)
        ttl = f"{title} {number}" if title_has_no else title
        cv.text(x1, y + 14, ttl, 16, "b", col, "r")
        mw = kv_width(cv, meta, sz, sep=":", lstyle="b")
        ym = kv_lines(cv, x1 - mw, y + 26, meta, sz, sep=":", lstyle="b")
        y = max(yi, ym) + 14
        yc = text_lines(cv, x0, y, [(T["buyer"], "b"), cust["name"]] + pl(cust), sz, maxw=(x1 - x0) * 0.5)
        lay.y = yc + 14
    elif layout == "boxes":
        ttl = f"{title} {number}" if title_has_no else title
        cv.text(x0, y + 14, ttl, 15, "b")
        y += 26
        bw = (x1 - x0 - 10) / 2
        ys = []
        for k, (lab, p_) in enumerate([(T["seller"], iss), (T["buyer"], cust)]):
            xx = x0 + k * (bw + 10)
            ys.append(text_lines(cv, xx + 6, y + 6, [(lab, "b"), (p_["name"], "b")] + pl(p_), sz, maxw=bw - 12))
        yb = max(ys) + 4
        for k in range(2):
            cv.rect(x0 + k * (bw + 10), y, x0 + k * (bw + 10) + bw, yb, stroke=(0.4, 0.4, 0.4), lw=0.6)
        lay.y = yb + 8
        try:
            lay.y = kv_grid(cv, x0, x1, lay.y, meta, sz) + 12
        except OverflowError:
            lay.y = kv_lines(cv, x0, lay.y, meta, sz, sep=":", lstyle="b") + 10
    else:
        cv.rect(0, 0, W, 78, fill=col)
        brand = iss["name"].split()[0].strip('"')
        cv.text(x0, 44, brand.upper() if len(brand) > 3 else iss["name"], 18, "b", WHITE)
        cv.text(x1, 36, title, 14, "b", WHITE, "r")
        cv.text(x1, 54, f"{T['no']}: {number}", sz + 0.5, "r", WHITE, "r")
        y = 96
        yc = text_lines(cv, x0, y, [(T["buyer"], "b"), cust["name"]] + pl(cust), sz, maxw=(x1 - x0) * 0.5)
        meta2 = [p_ for p_ in meta if p_[0] != T["no"]]
        mw = kv_width(cv, meta2, sz, sep=":")
        ym = kv_lines(cv, x1 - mw, y, meta2, sz, sep=":")
        lay.y = max(yc, ym) + 14
        F["issuer_in_footer_only"] = True
    cols = [dict(key="no", head="#", align="r"), dict(key="desc", head=T["desc"], align="l", flex=True), dict(key="qty", head=T["qty"], align="r"),
            dict(key="un", head=T["unit"], align="l"), dict(key="up", head=T["up"], align="r"),
            dict(key="vr", head=T["vcol"] if not andorra else "IGI", align="r"), dict(key="amt", head=T["amt"], align="r")]
    if len(rates) == 1 and rng.random() < 0.5:
        cols = [c for c in cols if c["key"] != "vr"]
    if rng.random() < 0.4:
        cols = [c for c in cols if c["key"] != "no"]
    cnt = iter(range(1, 99))
    rows = item_rows(inv, Money(T["style"], dec), extra=lambda it: {"no": str(next(cnt)), "un": it["unit"],
                                                                   "vr": fmt_num(it["rate"], T["style"], 1 if it["rate"] % 1 else 0) + "%"})
    table(cv, lay, cols, rows, dict(size=sz, ruling=pick(rng, "h", "grid", "zebra", "hhead"), head_fill=light(col, 0.82), vpad=3))
    lay.y += 8
    tl = [(T["sub"], m.c(inv.subtotal), {})] + [(vat_label(r), m.c(vat[r]), {}) for r in sorted(vat, reverse=True)]
    tl.append((T["tot"], m.c(total), {"b": True, "rule": True, "big": 1.15}))
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.45, x1, sz)
    lay.need(60)
    extra = [T["pay"], f"{T['bank']}: " + (f"IBAN {iban(rng, 'AD' if andorra else cc)}" if cc not in ("TZ", "ZA", "PH", "IS") else
                                              {"TZ": f"{'KCB Bank' if kenya else 'CRDB Bank'}, A/C {digits(rng, 13)}", "ZA": f"FNB, rekening {digits(rng, 11)}, takkode 250655",
                                               "PH": f"BDO, Acct. No. {digits(rng, 12)}", "IS": f"{digits(rng, 4)}-26-{digits(rng, 6)}"}[cc])]
    if T["note"]:
        extra.append(T["note"])
    if lang == "sq":
        extra.append(f"NIVF: {'-'.join(''.join(rng.choice('0123456789abcdef') for _ in range(n)) for n in (8, 4, 4, 4, 12))}")
    if lang == "tl":
        extra.append(f"BIR Authority to Print No. {digits(rng, 10)}  ·  Petsa ng ATP: {ds(d - timedelta(days=rng.randrange(90, 700)))}")
    extra.append((T["thanks"], "i"))
    lay.y = text_lines(cv, x0, lay.y + 8, extra, sz - 0.5, maxw=x1 - x0)

    def foot(cv_, k, n_):
        cv_.line(x0, H - 46, x1, H - 46, color=(0.7, 0.7, 0.7), lw=0.4)
        text_lines(cv_, x0, H - 42, [f"{iss['name']} · {' · '.join(iss['addr'])} · {idl} {iss['vat']} · {iss['email']}"], 6.5, "r", GREY, maxw=x1 - x0 - 30)
        cv_.text(x1, H - 36, f"{k + 1}/{n_}", 6.5, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


# ----------------------------------------------------------------------------------------------
# 9. summary: totals-first layouts, totals sidebars, totals printed twice, tear-off payment slips,
#    negative amounts in parentheses / with a trailing minus / CR
# ----------------------------------------------------------------------------------------------
SUM_ITEMS = {
    "en": [("Monthly cleaning contract – {site}", None, (1, 1), (1450, 2900)), ("Security guard services (hours)", None, (80, 200), ("22.50", "31.00")),
           ("Waste collection – 1,100 L container (lifts)", None, (4, 13), ("14.50", "22.75")), ("Copier lease – model C3530", None, (1, 1), (119, 219)),
           ("B/W print overage (clicks)", 4, (800, 6000), ("0.0085", "0.0125")), ("Colour print overage (clicks)", 4, (100, 1500), ("0.045", "0.065")),
           ("Window cleaning – quarterly", None, (1, 1), (280, 540)), ("Pest control service visit", None, (1, 2), (85, 140)),
           ("Temporary staff – warehouse operative (hours)", None, (20, 160), ("19.50", "28.00")), ("Washroom hygiene units (per unit)", None, (4, 24), ("6.50", "11.00")),
           ("Grounds maintenance – {site}", None, (1, 1), (380, 960)), ("Fire alarm inspection", None, (1, 1), (210, 390))],
    "nl": [("Schoonmaakcontract maand – {site}", None, (1, 1), (1450, 2900)), ("Beveiligingsdiensten (uren)", None, (80, 200), ("22.50", "31.00")),
           ("Afvalinzameling – container 1.100 L (ledigingen)", None, (4, 13), ("14.50", "22.75")), ("Lease kopieerapparaat C3530", None, (1, 1), (119, 219)),
           ("Meerverbruik zwart-wit (afdrukken)", 4, (800, 6000), ("0.0085", "0.0125")), ("Glasbewassing – kwartaal", None, (1, 1), (280, 540)),
           ("Ongediertebestrijding bezoek", None, (1, 2), (85, 140)), ("Uitzendkracht magazijn (uren)", None, (20, 160), ("19.50", "28.00")),
           ("Sanitaire voorzieningen (per unit)", None, (4, 24), ("6.50", "11.00"))],
    "de": [("Unterhaltsreinigung Monatspauschale – {site}", None, (1, 1), (1450, 2900)), ("Objektschutz Wachdienst (Std.)", None, (80, 200), ("22.50", "31.00")),
           ("Entsorgung Container 1.100 l (Leerungen)", None, (4, 13), ("14.50", "22.75")), ("Leasing Kopiersystem C3530", None, (1, 1), (119, 219)),
           ("Mehrseiten s/w (Klicks)", 4, (800, 6000), ("0.0085", "0.0125")), ("Glasreinigung quartalsweise", None, (1, 1), (280, 540)),
           ("Schädlingsbekämpfung Kontrollbesuch", None, (1, 2), (85, 140)), ("Zeitarbeit Lagerhelfer (Std.)", None, (20, 160), ("19.50", "28.00"))],
}
SUM_CREDITS = {"en": ["Credit – missed collection {d}", "Returned goods credit (RMA {n})", "Service credit – SLA breach {d}"],
               "nl": ["Creditering – gemiste lediging {d}", "Retour goederen (RMA {n})"],
               "de": ["Gutschrift – ausgefallene Leerung {d}", "Gutschrift Rücksendung (RMA {n})"]}
SUM_L = {
    "en": dict(inv="Invoice", summ="Invoice summary", acct="Account number", no="Invoice number", date="Invoice date", due="Due date",
               prev="Previous balance", pays="Payments received – thank you", new="Current charges", adue="Amount due", period="Service period",
               desc="Description", qty="Qty", up="Unit price", amt="Amount", sub="Subtotal", tot="Invoice total", slip="Please detach and return this portion with your payment",
               enc="Amount enclosed", remit="Remit to", pay_to="Make cheques payable to", cust="Customer", bill="Bill to", credit="Credits", site=["Head Office", "Warehouse 3", "Unit 12", "Main Campus"]),
    "nl": dict(inv="Factuur", summ="Overzicht", acct="Klantnummer", no="Factuurnummer", date="Factuurdatum", due="Vervaldatum",
               prev="Vorig saldo", pays="Ontvangen betalingen", new="Nieuwe kosten", adue="Te betalen", period="Periode", desc="Omschrijving",
               qty="Aantal", up="Prijs", amt="Bedrag", sub="Subtotaal", tot="Factuurtotaal", slip="Knip af en stuur mee met uw betaling",
               enc="Overgemaakt bedrag", remit="Betalen aan", pay_to="Ten name van", cust="Klant", bill="Factuuradres", credit="Creditering",
               site=["Hoofdkantoor", "Magazijn 3", "Vestiging Zuid"]),
    "de": dict(inv="Rechnung", summ="Übersicht", acct="Kundennummer", no="Rechnungsnummer", date="Rechnungsdatum", due="Fällig am",
               prev="Vorheriger Saldo", pays="Zahlungseingänge", new="Aktuelle Rechnung", adue="Zahlbetrag", period="Leistungszeitraum",
               desc="Leistung", qty="Menge", up="Einzelpreis", amt="Betrag", sub="Zwischensumme", tot="Rechnungsbetrag",
               slip="Bitte abtrennen und mit Ihrer Zahlung zurücksenden", enc="Überwiesener Betrag", remit="Zahlbar an", pay_to="Empfänger",
               cust="Kunde", bill="Rechnungsanschrift", credit="Gutschriften", site=["Zentrale", "Lager 3", "Werk Nord"]),
}


def arch_summary(rng, inv):
    F = inv.F
    lang = pick(rng, "en", "nl", "de", w=[6, 2, 2])
    inv.lang = lang
    L = SUM_L[lang]
    cc = {"en": pick(rng, "US", "GB", "AU", "CA", "IE"), "nl": "NL", "de": "DE"}[lang]
    variant = pick(rng, "topbox", "sidebar", "twice")
    F.update(variant=variant, country=cc)
    iss = party(rng, cc, words={"en": ["Facility Services", "Office Solutions", "Environmental", "Staffing", "Property Services"],
                                "nl": ["Facilitair", "Schoonmaak", "Milieuservice"], "de": ["Gebäudeservice", "Facility Management", "Entsorgung"]}[lang])
    cust = party(rng, cc)
    inv.issuer, inv.customer = iss["name"], cust["name"]
    cur = {"US": "USD", "GB": "GBP", "AU": "AUD", "CA": "CAD", "IE": "EUR", "NL": "EUR", "DE": "EUR"}[cc]
    sym = {"GB": "£", "IE": "€", "NL": "€", "DE": "€"}.get(cc, "$")
    show = rng.random() < 0.85 or cc not in ("US", "CA", "AU")
    inv.currency = cur if show else ""
    F["currency_shown"] = show
    style = {"en": "en", "nl": "de", "de": "de"}[lang]
    neg = pick(rng, "paren", "trail", "cr", "minus", w=[3, 2, 2, 1])
    F["negative_style"] = neg
    pos = ("pre" if lang == "en" else "post_sp") if show else "none"
    m = Money(style, 2, neg, pos, sym)
    mn = lambda v: fmt_num(v, style, 2, neg)
    d = rand_date(rng)
    inv.date = d
    dfmt = {"en": pick(rng, "mdy/" if cc == "US" else "dmy/", "d Mon Y", "Month d, Y" if cc == "US" else "long"), "nl": pick(rng, "dmy-", "long"),
            "de": pick(rng, "dmy.", "long")}[lang]
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    F["date_printed"] = ds(d)
    due = d + timedelta(days=rng.choice([14, 21, 30]))
    acct = pick(rng, f"{digits(rng, 4)}-{digits(rng, 5)}", f"C{digits(rng, 6)}", digits(rng, 8))
    number = pick(rng, f"{d.year}-{rng.randrange(1, 99999):06d}", f"SI{digits(rng, 7)}", f"{digits(rng, 9)}")
    inv.number = number
    site = rng.choice(L["site"])
    pool = SUM_ITEMS[lang][:]
    rng.shuffle(pool)
    for desc, updec, qr, pr in pool[:rng.randrange(2, 8)]:
        qty = D(rng.randrange(qr[0], qr[1] + 1))
        if updec:
            up = q(D(pr[0]) + (D(pr[1]) - D(pr[0])) * D(rng.randrange(0, 100)) / 100, updec)
        else:
            lo, hi = D(pr[0]), D(pr[1])
            up = q(lo + (hi - lo) * D(rng.randrange(0, 100)) / 100, 2)
        inv.item(desc.format(site=site), qty, up, up_dec=updec or 2)
    if rng.random() < 0.45:
        c = rng.choice(SUM_CREDITS[lang]).format(d=ds(d - timedelta(days=rng.randrange(5, 30))), n=digits(rng, 4))
        inv.item(c, None, None, amt=-D(rng.choice(["18.75", "45.00", "62.40", "120.00"])))
        F["credit_line"] = True
    rate = {"US": D(rng.choice(["0", "6.5", "8.25"])), "GB": D(20), "AU": D(10), "CA": D(5), "IE": D(23), "NL": D(21), "DE": D(19)}[cc]
    taxlab = {"US": f"Sales tax {rate}%", "GB": "VAT 20%", "AU": "GST 10%", "CA": "GST 5%", "IE": "VAT 23%", "NL": "Btw 21%", "DE": "USt. 19 %"}[cc]
    inv.tax = q(inv.subtotal * rate / 100)
    total = inv.total
    prev = D(rng.choice([0, 0, "812.40", "1250.00", "2310.55"])) if variant != "sidebar" else ZERO
    paid = prev if rng.random() < 0.7 else q(prev / 2)
    adue = prev - paid + total
    F.update(previous_balance=float(prev), payments=float(paid))
    cv = page_setup(rng, F, sizes=(LETTER, A4) if cc in ("US", "CA") else (A4,), fams=["liberation_sans", "dejavu_sans", "dejavu_cond", "liberation_narrow", "liberation_serif"])
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([40, 48, 54]), W - rng.choice([40, 48, 54])
    sz = rng.choice([8, 8.5, 9])
    col = accent(rng)
    slip = rng.random() < 0.65
    F["slip"] = slip
    slip_h = 120 if slip else 0
    lay = Lay(cv, x0, x1, 50, H - 56, cont=lambda c_, l_: 50)
    y = 40
    lw_, lh_ = logo_box(cv, x0, y, iss["name"].split()[0].upper(), 14, col, rng.choice(["rect", "circle", "cross"]))
    from_block = rng.random() < 0.35
    F["from_block"] = from_block
    yi = text_lines(cv, x0, y + lh_ + 6, ([({"en": "From", "nl": "Van", "de": "Von"}[lang], "r")] if from_block else []) +
                    [(iss["name"], "b")] + iss["addr"] + [iss["phone"]], sz - 0.5, maxw=(x1 - x0) * 0.45)
    cv.text(x1, y + 16, L["inv"].upper(), 18, "b", col, "r")
    # summary box (top right)
    sbox = [(L["acct"], acct), (L["no"], number), (L["date"], ds(d)), (L["due"], ds(due))]
    if variant in ("topbox", "twice"):
        money_rows = []
        if prev:
            money_rows = [(L["prev"], m.c(prev)), (L["pays"], m.c(-paid)), (L["new"], m.c(total))]
        money_rows.append((L["adue"], m.c(adue)))
        bx0 = x0 + (x1 - x0) * 0.5
        by = y + 26
        rows_ = sbox + money_rows
        bh = len(rows_) * sz * 1.5 + 22
        cv.rect(bx0, by, x1, by + bh, stroke=col, lw=1)
        cv.rect(bx0, by, x1, by + 16, fill=col)
        cv.text(bx0 + 6, by + 11.5, L["summ"], sz, "b", WHITE)
        yy = by + 20
        for k, (l_, v_) in enumerate(rows_):
            big = l_ == L["adue"]
            if big:
                cv.line(bx0 + 6, yy + 1, x1 - 6, yy + 1, color=col, lw=0.6)
            cv.text(bx0 + 6, yy + sz * 1.05, l_, sz, "b" if big else "r")
            cv.text(x1 - 6, yy + sz * 1.05, v_, sz, "b" if big else "r", BLACK, "r")
            yy += sz * 1.5
        ytop = max(yi, by + bh) + 12
    else:
        mw = kv_width(cv, sbox, sz, lstyle="b")
        ytop = max(yi, kv_lines(cv, x1 - mw, y + 30, sbox, sz, lstyle="b")) + 12
    yc = text_lines(cv, x0, ytop, [(L["bill"], "b"), cust["name"]] + cust["addr"], sz, maxw=(x1 - x0) * 0.45)
    per0 = add_months(d, -1)
    cv.text(x0 + (x1 - x0) * 0.5, ytop + sz, f"{L['period']}: {ds(per0)} – {ds(d - timedelta(days=1))}", sz, "r", GREY)
    lay.y = yc + 14
    tx1 = x1 if variant != "sidebar" else x0 + (x1 - x0) * 0.68
    cols = [dict(key="desc", head=L["desc"], align="l", flex=True), dict(key="qty", head=L["qty"], align="r"),
            dict(key="up", head=L["up"], align="r"), dict(key="amt", head=L["amt"] + (f" ({cur})" if show and rng.random() < 0.3 else ""), align="r")]
    rows = []
    for it in inv.items:
        c_ = {"desc": it["desc"], "amt": mn(it["amt"])}
        if it["qty"] is not None:
            c_["qty"] = fmt_qty(it["qty"], style)
            c_["up"] = fmt_num(it["up"], style, it.get("up_dec", 2))
        rows.append(dict(kind="item", cells=c_, amt=it["amt"]))
    ytab = lay.y
    table(cv, lay, cols, rows, dict(size=sz, x1=tx1, ruling=pick(rng, "h", "zebra"), head_fill=light(col, 0.85), vpad=3))
    tl = [(L["sub"], m.c(inv.subtotal), {}), (taxlab, m.c(inv.tax), {}), (L["tot"], m.c(total), {"b": True, "rule": True})]
    if variant == "sidebar" and len(cv.pages) == 1:
        # totals in a sidebar to the right of the items
        sx0 = tx1 + 14
        cv.rect(sx0, ytab, x1, ytab + 10 + (len(tl) + 1) * sz * 3.0 + 4, fill=light(col, 0.9))
        yy = ytab + 8
        for l_, v_, o_ in tl:
            cv.text(sx0 + 6, yy + sz * 0.9, l_, sz - 0.5, "r", GREY)
            cv.text(x1 - 6, yy + sz * 2.3, v_, sz + (2 if o_.get("b") else 0), "b" if o_.get("b") else "r", BLACK, "r")
            yy += sz * 3.0
        cv.text(sx0 + 6, yy + sz * 0.9, L["due"], sz - 0.5, "r", GREY)
        cv.text(x1 - 6, yy + sz * 2.3, ds(due), sz, "b", BLACK, "r")
        lay.y = max(lay.y, yy + sz * 3) + 10
        F["totals_sidebar"] = True
    else:
        lay.y += 6
        totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.5, x1, sz)
        if variant == "twice" and prev:
            totals_block(cv, lay, [(L["prev"], m.c(prev), {}), (L["pays"], m.c(-paid), {}), (L["adue"], m.c(adue), {"b": True, "rule": True})],
                         x0 + (x1 - x0) * 0.5, x1, sz)
    if slip:
        if lay.y + slip_h > lay.bot:
            lay.brk()
        ys = lay.bot - slip_h + 6
        cv.line(x0, ys, x1, ys, color=GREY, lw=0.6, dash="[4 3] 0")
        cv.text(x0, ys - 3, "✂", 10, "r", GREY)
        cv.text((x0 + x1) / 2, ys + 11, L["slip"], sz - 1.5, "i", GREY, "c")
        ys += 20
        text_lines(cv, x0, ys, [(L["remit"], "b"), iss["name"]] + iss["addr"], sz, maxw=(x1 - x0) * 0.45)
        pairs = [(L["acct"], acct), (L["no"], number), (L["due"], ds(due)), (L["adue"], m.c(adue))]
        mw = kv_width(cv, pairs + [(L["enc"], "__________________")], sz, lstyle="b")
        yy = kv_lines(cv, x1 - mw, ys, pairs, sz, lstyle="b")
        cv.text(x1 - mw, yy + sz, L["enc"], sz, "b")
        cv.rect(x1 - mw + kv_width(cv, [(L["enc"], "")], sz, lstyle="b") - 4, yy - 2, x1, yy + sz * 1.6, stroke=BLACK, lw=0.6)
        lay.y = lay.bot

    def foot(cv_, k, n_):
        cv_.text(x0, H - 30, f"{iss['name']} · {iss['email']} · {iss['phone']}", 6.5, "r", GREY)
        cv_.text(x1, H - 30, f"{k + 1}/{n_}", 6.5, "r", GREY, "r")

    footer_pages(cv, foot)
    return cv


# ----------------------------------------------------------------------------------------------
# 10. longtab: long grouped item tables over 2-3 pages with group subtotals and discounts,
#     carried-forward / page-subtotal lines and a VAT summary with 2-3 rates
# ----------------------------------------------------------------------------------------------
LT_CATS = {
    "office": dict(rate="std", names={"en": "Office supplies", "de": "Büromaterial", "fr": "Fournitures de bureau", "nl": "Kantoorartikelen"},
                   items={"en": ["Copy paper A4 80 g/m², 500 sheets", "Ballpoint pens blue, box of 50", "Lever arch file 80 mm, {c}", "Sticky notes 76 x 76 mm, 12 pads",
                                 "Stapler 24/6, {c}", "Staples 24/6, box of 1,000", "Highlighters assorted, 4-pack", "Whiteboard markers, 4 colours",
                                 "Envelopes C4 with window, 250 pcs", "Printer toner black, {m}", "Desk organiser, {c}", "Hole punch 2-hole, {c}"],
                          "de": ["Kopierpapier A4 80 g/m², 500 Blatt", "Kugelschreiber blau, 50 Stück", "Ordner 80 mm, {c}", "Haftnotizen 76 x 76 mm, 12 Blöcke",
                                 "Heftgerät 24/6, {c}", "Heftklammern 24/6, 1.000 Stück", "Textmarker sortiert, 4er-Set", "Whiteboard-Marker, 4 Farben",
                                 "Versandtaschen C4 mit Fenster, 250 Stück", "Toner schwarz, {m}", "Schreibtischorganizer, {c}", "Locher 2-fach, {c}"],
                          "fr": ["Papier A4 80 g/m², ramette de 500 feuilles", "Stylos bille bleus, boîte de 50", "Classeur à levier 80 mm, {c}",
                                 "Notes repositionnables 76 x 76 mm, 12 blocs", "Agrafeuse 24/6, {c}", "Agrafes 24/6, boîte de 1 000", "Surligneurs assortis, lot de 4",
                                 "Marqueurs tableau blanc, 4 couleurs", "Enveloppes C4 à fenêtre, 250 pièces", "Toner noir, {m}", "Organiseur de bureau, {c}", "Perforatrice 2 trous, {c}"],
                          "nl": ["Kopieerpapier A4 80 g/m², 500 vel", "Balpennen blauw, doos van 50", "Ordner 80 mm, {c}", "Memoblaadjes 76 x 76 mm, 12 blokken",
                                 "Nietmachine 24/6, {c}", "Nietjes 24/6, doos van 1.000", "Markeerstiften assorti, 4 stuks", "Whiteboardmarkers, 4 kleuren",
                                 "Enveloppen C4 met venster, 250 stuks", "Toner zwart, {m}", "Bureau-organizer, {c}", "Perforator 2-gaats, {c}"]},
                   price=("1.20", "48.00")),
    "clean": dict(rate="std", names={"en": "Cleaning & hygiene", "de": "Reinigung & Hygiene", "fr": "Entretien & hygiène", "nl": "Schoonmaak & hygiëne"},
                  items={"en": ["Paper towels Z-fold, 3,750 sheets", "Toilet paper 2-ply, 72 rolls", "Hand soap refill 1 L", "All-purpose cleaner 10 L",
                                "Bin liners 120 L, 250 pcs", "Nitrile gloves size {s}, 100 pcs", "Microfibre cloths {c}, 10 pcs", "Floor cleaner concentrate 5 L"],
                         "de": ["Papierhandtücher Z-Falz, 3.750 Blatt", "Toilettenpapier 2-lagig, 72 Rollen", "Flüssigseife Nachfüllung 1 l", "Allzweckreiniger 10 l",
                                "Müllsäcke 120 l, 250 Stück", "Nitrilhandschuhe Gr. {s}, 100 Stück", "Mikrofasertücher {c}, 10 Stück", "Bodenreiniger Konzentrat 5 l"],
                         "fr": ["Essuie-mains pliés en Z, 3 750 feuilles", "Papier toilette 2 plis, 72 rouleaux", "Recharge savon mains 1 L", "Nettoyant multi-usages 10 L",
                                "Sacs poubelle 120 L, 250 pièces", "Gants nitrile taille {s}, 100 pièces", "Lavettes microfibre {c}, 10 pièces", "Détergent sols concentré 5 L"],
                         "nl": ["Handdoekjes Z-vouw, 3.750 vel", "Toiletpapier 2-laags, 72 rollen", "Handzeep navulling 1 L", "Allesreiniger 10 L",
                                "Afvalzakken 120 L, 250 stuks", "Nitril handschoenen maat {s}, 100 stuks", "Microvezeldoeken {c}, 10 stuks", "Vloerreiniger concentraat 5 L"]},
                  price=("2.40", "39.00")),
    "food": dict(rate="red", names={"en": "Catering supplies", "de": "Lebensmittel & Getränke", "fr": "Alimentation & boissons", "nl": "Catering"},
                 items={"en": ["Coffee beans 1 kg, {b}", "Tea bags assorted, box of 100", "UHT milk 1 L, pack of 12", "Sugar sticks, box of 1,000",
                               "Biscuits assorted 2 kg", "Orange juice 1 L, pack of 6", "Hot chocolate powder 1 kg"],
                        "de": ["Kaffeebohnen 1 kg, {b}", "Teebeutel sortiert, 100 Stück", "H-Milch 1 l, 12er-Pack", "Zuckersticks, 1.000 Stück",
                               "Gebäckmischung 2 kg", "Orangensaft 1 l, 6er-Pack", "Kakaopulver 1 kg"],
                        "fr": ["Café en grains 1 kg, {b}", "Sachets de thé assortis, boîte de 100", "Lait UHT 1 L, pack de 12", "Sucre en bûchettes, boîte de 1 000",
                               "Biscuits assortis 2 kg", "Jus d'orange 1 L, pack de 6", "Chocolat en poudre 1 kg"],
                        "nl": ["Koffiebonen 1 kg, {b}", "Theezakjes assorti, doos van 100", "Houdbare melk 1 L, 12 stuks", "Suikersticks, doos van 1.000",
                               "Koekjesassortiment 2 kg", "Sinaasappelsap 1 L, 6 stuks", "Chocolademelkpoeder 1 kg"]},
                 price=("3.20", "29.00")),
    "it": dict(rate="std", names={"en": "IT accessories", "de": "IT-Zubehör", "fr": "Accessoires informatiques", "nl": "IT-accessoires"},
               items={"en": ["USB-C cable 1 m", "Wireless mouse, {c}", "Keyboard USB, {k} layout", "HDMI cable 2 m", "Laptop stand aluminium",
                             "USB stereo headset", "Webcam 1080p", "USB-C docking station", "Monitor arm, single"],
                      "de": ["USB-C-Kabel 1 m", "Funkmaus, {c}", "Tastatur USB, Layout {k}", "HDMI-Kabel 2 m", "Laptopständer Aluminium",
                             "USB-Stereo-Headset", "Webcam 1080p", "USB-C-Dockingstation", "Monitorhalterung, einfach"],
                      "fr": ["Câble USB-C 1 m", "Souris sans fil, {c}", "Clavier USB, disposition {k}", "Câble HDMI 2 m", "Support ordinateur portable aluminium",
                             "Casque stéréo USB", "Webcam 1080p", "Station d'accueil USB-C", "Bras pour écran, simple"],
                      "nl": ["USB-C-kabel 1 m", "Draadloze muis, {c}", "Toetsenbord USB, indeling {k}", "HDMI-kabel 2 m", "Laptopstandaard aluminium",
                             "USB-stereoheadset", "Webcam 1080p", "USB-C-dockingstation", "Monitorarm, enkel"]},
               price=("6.90", "189.00")),
    "books": dict(rate="low", names={"en": "Books & publications", "de": "Bücher & Zeitschriften", "fr": "Livres & publications", "nl": "Boeken & tijdschriften"},
                  items={"en": ["Handbook of Occupational Safety, 4th ed.", "Wall calendar {y}", "Trade journal subscription (12 issues)", "Pocket dictionary English–German",
                                "Guide to VAT Compliance {y}"],
                         "de": ["Handbuch Arbeitssicherheit, 4. Auflage", "Wandkalender {y}", "Fachzeitschrift Abonnement (12 Ausgaben)", "Taschenwörterbuch Deutsch–Englisch",
                                "Praxisleitfaden Umsatzsteuer {y}"],
                         "fr": ["Manuel de sécurité au travail, 4e édition", "Calendrier mural {y}", "Abonnement revue professionnelle (12 numéros)",
                                "Dictionnaire de poche français–anglais", "Guide pratique de la TVA {y}"],
                         "nl": ["Handboek arbeidsveiligheid, 4e druk", "Wandkalender {y}", "Abonnement vakblad (12 nummers)", "Pocketwoordenboek Nederlands–Engels",
                                "Praktijkgids btw {y}"]},
                  price=("8.50", "64.00")),
    "safety": dict(rate="std", names={"en": "Safety equipment", "de": "Arbeitsschutz", "fr": "Équipements de protection", "nl": "Veiligheidsartikelen"},
                   items={"en": ["Safety goggles, clear", "Ear plugs, 200 pairs", "First aid kit, workplace", "Hi-vis vest size {s}", "Safety shoes S3 size 43",
                                 "Dust masks FFP2, 20 pcs", "Fire blanket 1.2 x 1.2 m"],
                          "de": ["Schutzbrille, klar", "Gehörschutzstöpsel, 200 Paar", "Verbandkasten DIN 13157", "Warnweste Gr. {s}", "Sicherheitsschuhe S3 Gr. 43",
                                 "Atemschutzmasken FFP2, 20 Stück", "Löschdecke 1,2 x 1,2 m"],
                          "fr": ["Lunettes de protection, incolores", "Bouchons d'oreilles, 200 paires", "Trousse de premiers secours", "Gilet haute visibilité taille {s}",
                                 "Chaussures de sécurité S3 pointure 43", "Masques FFP2, 20 pièces", "Couverture anti-feu 1,2 x 1,2 m"],
                          "nl": ["Veiligheidsbril, helder", "Oordopjes, 200 paar", "Verbandtrommel bedrijf", "Veiligheidshesje maat {s}", "Veiligheidsschoenen S3 maat 43",
                                 "Stofmaskers FFP2, 20 stuks", "Blusdeken 1,2 x 1,2 m"]},
                   price=("1.90", "84.00")),
}
LT_VARS = {"c": {"en": ["black", "blue", "grey", "white", "red"], "de": ["schwarz", "blau", "grau", "weiß", "rot"],
                 "fr": ["noir", "bleu", "gris", "blanc", "rouge"], "nl": ["zwart", "blauw", "grijs", "wit", "rood"]},
           "s": {k: ["S", "M", "L", "XL"] for k in ("en", "de", "fr", "nl")},
           "b": {k: ["Espresso", "Crema", "Lungo", "Decaf"] for k in ("en", "de", "fr", "nl")},
           "k": {"en": ["UK", "US"], "de": ["DE", "CH"], "fr": ["AZERTY", "BE"], "nl": ["US", "BE"]},
           "m": {k: ["HP 58A", "Brother TN-2420", "Canon 052", "Kyocera TK-1150"] for k in ("en", "de", "fr", "nl")}}
LT_L = {
    "en": dict(inv="INVOICE", no="Invoice No.", date="Invoice Date", cust="Customer No.", order="Order No.", dd="Delivery Date", page="Page {p} of {n}",
               pos="Pos.", art="Item No.", desc="Description", qty="Qty", unit="Unit", up="Unit Price", vat="VAT", amt="Amount",
               gsub="Subtotal {g}", gdisc="Group discount {p}% – {g}", cf="Carried forward", bf="Brought forward", psub="Page subtotal",
               net="Total net", vline="VAT {r}% on {b}", tot="Total amount due", vs=["VAT rate", "Net", "VAT", "Gross"], deliver="Delivery address",
               units=["pcs", "box", "pack", "ea"], terms="Payment terms: 30 days net. Goods remain our property until paid in full."),
    "de": dict(inv="RECHNUNG", no="Rechnungs-Nr.", date="Rechnungsdatum", cust="Kunden-Nr.", order="Auftrags-Nr.", dd="Lieferdatum", page="Seite {p} von {n}",
               pos="Pos.", art="Art.-Nr.", desc="Bezeichnung", qty="Menge", unit="Einheit", up="Einzelpreis", vat="USt.", amt="Gesamt",
               gsub="Summe {g}", gdisc="Gruppenrabatt {p} % {g}", cf="Übertrag", bf="Übertrag", psub="Seitensumme",
               net="Nettobetrag", vline="USt. {r} % auf {b}", tot="Rechnungsbetrag", vs=["USt.-Satz", "Netto", "USt.", "Brutto"], deliver="Lieferanschrift",
               units=["Stk", "Pck", "Kt", "VE"], terms="Zahlbar innerhalb 30 Tagen ohne Abzug. Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum."),
    "fr": dict(inv="FACTURE", no="Facture n°", date="Date", cust="N° client", order="N° commande", dd="Date de livraison", page="Page {p}/{n}",
               pos="Pos.", art="Réf.", desc="Désignation", qty="Qté", unit="Unité", up="PU HT", vat="TVA", amt="Montant HT",
               gsub="Sous-total {g}", gdisc="Remise {p} % – {g}", cf="À reporter", bf="Report", psub="Sous-total page",
               net="Total HT", vline="TVA {r} % sur {b}", tot="Total TTC", vs=["Taux TVA", "Base HT", "TVA", "TTC"], deliver="Adresse de livraison",
               units=["pce", "bte", "lot", "u"], terms="Paiement à 30 jours. Pénalités de retard : 3 fois le taux d'intérêt légal ; indemnité forfaitaire de recouvrement : 40 €."),
    "nl": dict(inv="FACTUUR", no="Factuurnr.", date="Factuurdatum", cust="Klantnr.", order="Ordernr.", dd="Leverdatum", page="Pagina {p} van {n}",
               pos="Pos.", art="Art.nr.", desc="Omschrijving", qty="Aantal", unit="Eenh.", up="Prijs", vat="Btw", amt="Bedrag",
               gsub="Subtotaal {g}", gdisc="Groepskorting {p}% {g}", cf="Transport", bf="Transport", psub="Subtotaal pagina",
               net="Totaal excl. btw", vline="Btw {r}% over {b}", tot="Totaal te betalen", vs=["Btw-tarief", "Grondslag", "Btw", "Totaal"], deliver="Afleveradres",
               units=["st", "ds", "pak", "st"], terms="Betaling binnen 30 dagen na factuurdatum."),
}
LT_RATES = {"GB": {"std": 20, "red": 0, "low": 0}, "IE": {"std": 23, "red": D("13.5"), "low": 0}, "DE": {"std": 19, "red": 7, "low": 7},
            "AT": {"std": 20, "red": 10, "low": 10}, "FR": {"std": 20, "red": D("5.5"), "low": D("5.5")}, "BE": {"std": 21, "red": 6, "low": 6},
            "NL": {"std": 21, "red": 9, "low": 9}, "LU": {"std": 17, "red": 3, "low": 3}}


def arch_longtab(rng, inv):
    F = inv.F
    lang = pick(rng, "en", "de", "fr", "nl", w=[3, 3, 2.5, 2])
    inv.lang = lang
    L = LT_L[lang]
    cc = {"en": pick(rng, "GB", "IE"), "de": pick(rng, "DE", "AT"), "fr": pick(rng, "FR", "BE", "LU"), "nl": pick(rng, "NL", "BE")}[lang]
    F["country"] = cc
    R = dict(LT_RATES[cc])
    if cc == "IE" and rng.random() < 0.5:
        R["red"] = 0
    if cc == "FR" and rng.random() < 0.5:
        R["red"] = 10
    iss = party(rng, cc if cc in CO else "FR", words={"en": ["Office Supplies", "Wholesale", "Business Supplies"], "de": ["Bürobedarf", "Großhandel", "Büro & Betrieb"],
                                                      "fr": ["Fournitures", "Distribution", "Bureautique"], "nl": ["Kantoorartikelen", "Groothandel", "Bedrijfsbenodigdheden"]}[lang])
    cust = party(rng, cc if cc in CO else "FR")
    inv.issuer, inv.customer = iss["name"], cust["name"]
    cur = "GBP" if cc == "GB" else "EUR"
    inv.currency = cur
    sym = "£" if cc == "GB" else "€"
    style = {"en": "en", "de": "de", "fr": pick(rng, "fr", "de"), "nl": "de"}[lang]
    m = Money(style, 2, "minus", "none", sym)
    d = rand_date(rng)
    inv.date = d
    dfmt = {"en": pick(rng, "dmy/", "d Mon Y"), "de": pick(rng, "dmy.", "iso"), "fr": pick(rng, "dmy/", "long"), "nl": pick(rng, "dmy-", "dmy.", "long")}[lang]
    F["date_fmt"] = dfmt
    ds = lambda x: fmt_date(x, dfmt, lang)
    F["date_printed"] = ds(d)
    number = pick(rng, f"{d.year % 100}{rng.randrange(1, 99999):05d}", f"{d.year}-{rng.randrange(1, 9999):04d}", f"RG{digits(rng, 7)}")
    inv.number = number
    # groups and items
    cats = list(LT_CATS)
    rng.shuffle(cats)
    ncat = rng.randrange(3, 7)
    cats = cats[:ncat]
    rates_used = {R[LT_CATS[c]["rate"]] for c in cats}
    if len(rates_used) < 2:
        cats[-1] = "food" if "food" not in cats else "books"
    n_items = rng.randrange(20, 61)
    per = [n_items // len(cats)] * len(cats)
    for k in range(n_items - sum(per)):
        per[k % len(cats)] += 1
    units = L["units"]
    groups = []
    for c, k in zip(cats, per):
        C = LT_CATS[c]
        pool = C["items"][lang]
        used = set()
        its = []
        for _ in range(k):
            for _try in range(20):
                t = rng.choice(pool)
                desc = t.format(c=rng.choice(LT_VARS["c"][lang]), s=rng.choice(LT_VARS["s"][lang]), b=rng.choice(LT_VARS["b"][lang]),
                                k=rng.choice(LT_VARS["k"][lang]), m=rng.choice(LT_VARS["m"][lang]), y=d.year + 1)
                if desc not in used:
                    break
            else:
                continue
            used.add(desc)
            lo, hi = D(C["price"][0]), D(C["price"][1])
            up = q(lo + (hi - lo) * D(rng.randrange(0, 1000)) / 1000, 2)
            qty = D(rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 25]))
            it = inv.item(desc, qty, up, rate=D(R[C["rate"]]), unit=rng.choice(units), art=f"{letters(rng, 2)}{digits(rng, 5)}")
            its.append(it)
        gdisc = None
        if rng.random() < 0.35:
            pct = rng.choice([3, 5, 8, 10])
            gsum = sum((i["amt"] for i in its), ZERO)
            gdisc = inv.item(L["gdisc"].format(p=pct, g=C["names"][lang]), None, None, amt=-q(gsum * pct / 100), rate=D(R[C["rate"]]), disc=True)
        groups.append((C["names"][lang], its, gdisc))
    F["n_items"] = len(inv.items)
    vg = vat_groups(inv)
    vat = {r: q(b * r / 100) for r, b in vg.items()}
    inv.tax = sum(vat.values(), ZERO)
    total = inv.total
    F["groups"] = len(groups)
    F["vat_rates"] = sorted(float(r) for r in vg)
    # layout
    cv = page_setup(rng, F, sizes=(A4,), fams=["liberation_sans", "dejavu_cond", "liberation_narrow", "dejavu_sans", "dejavu_serif_cond"])
    W, H = cv.W, cv.H
    x0, x1 = rng.choice([40, 48, 56]), W - rng.choice([36, 44])
    rows_est = n_items + 2 * len(groups)
    sz = 9 if rows_est < 36 else rng.choice([8, 8.5, 9])
    vpad = 4.5 if rows_est < 36 else rng.choice([2.5, 3.5, 4.5])
    col = accent(rng)
    carry_mode = pick(rng, "running", "page", "none", w=[5, 2, 1])
    F["carry"] = carry_mode

    def cont(cv_, l_):
        cv_.text(x0, 50, f"{iss['name']} · {L['inv'].title()} {number} · {ds(d)}", sz, "b")
        cv_.line(x0, 56, x1, 56, color=GREY, lw=0.4)
        return 66

    lay = Lay(cv, x0, x1, 50, H - 70, cont=cont)
    y = 42
    yi = text_lines(cv, x0, y, [(iss["name"], "b")] + iss["addr"] + [iss["phone"], f"{'VAT' if lang == 'en' else L['vat']} {iss['vat']}"], sz, maxw=(x1 - x0) * 0.5)
    cv.text(x1, y + 16, L["inv"], 18, "b", col, "r")
    meta = [(L["no"], number), (L["date"], ds(d)), (L["cust"], digits(rng, 6)), (L["order"], f"{letters(rng, 2)}-{digits(rng, 6)}"),
            (L["dd"], ds(d - timedelta(days=rng.randrange(0, 6))))]
    mw = kv_width(cv, meta + [("", "Page 99 of 99")], sz, lstyle="b")
    ym = kv_lines(cv, x1 - mw, y + 28, meta, sz, lstyle="b")
    pg_pos = (x1 - mw, ym)
    y = max(yi, ym + sz * 1.3) + 16
    yc = text_lines(cv, x0, y, [cust["name"]] + cust["addr"], sz + 0.5, maxw=(x1 - x0) * 0.45)
    if rng.random() < 0.4:
        text_lines(cv, x0 + (x1 - x0) * 0.55, y, [(L["deliver"], "b"), cust["name"]] + address(rng, cc if cc in CO else "FR"), sz, maxw=(x1 - x0) * 0.45)
    lay.y = yc + 18
    cols = [dict(key="pos", head=L["pos"], align="r"), dict(key="art", head=L["art"], align="l"), dict(key="desc", head=L["desc"], align="l", flex=True),
            dict(key="qty", head=L["qty"], align="r"), dict(key="un", head=L["unit"], align="l"), dict(key="up", head=L["up"], align="r"),
            dict(key="vr", head=L["vat"], align="r"), dict(key="amt", head=L["amt"], align="r")]
    if rng.random() < 0.3:
        cols = [c for c in cols if c["key"] != "art"]
    rows = []
    pos = 0
    for gname, its, gdisc in groups:
        rows.append(dict(kind="section", text=gname))
        for it in its:
            pos += 1
            rows.append(dict(kind="item", amt=it["amt"], cells={"pos": str(pos), "art": it["art"], "desc": it["desc"], "qty": fmt_qty(it["qty"], style),
                                                                 "un": it["unit"], "up": m.n(it["up"]), "amt": m.n(it["amt"]),
                                                                 "vr": fmt_num(it["rate"], style, 1 if it["rate"] % 1 else 0) + "%"}))
        gsum = sum((i["amt"] for i in its), ZERO)
        if gdisc:
            rows.append(dict(kind="discount", amt=gdisc["amt"], style="i", cells={"desc": gdisc["desc"], "amt": m.n(gdisc["amt"]),
                                                                                 "vr": fmt_num(gdisc["rate"], style, 1 if gdisc["rate"] % 1 else 0) + "%"}))
            gsum += gdisc["amt"]
        rows.append(dict(kind="subtotal", cells={"desc": L["gsub"].format(g=gname), "amt": m.n(gsum)}))
    st = dict(size=sz, vpad=vpad, ruling=pick(rng, "h", "none", "grid", "zebra"), head_fill=light(col, 0.82), section_fill=(0.93, 0.93, 0.93))
    if carry_mode != "none":
        st["carry"] = dict(cf=L["cf"] if carry_mode == "running" else L["psub"], bf=L["bf"], key="amt", fmt=m.n, mode=carry_mode)
    table(cv, lay, cols, rows, st)
    lay.y += 8
    tl = [(L["net"], m.n(inv.subtotal), {})] + [(L["vline"].format(r=fmt_num(r, style, 1 if r % 1 else 0), b=m.n(vg[r])), m.n(vat[r]), {})
                                                 for r in sorted(vat, reverse=True)]
    cplace = pick(rng, "label", "value", "both")
    F["total_currency"] = cplace
    tl.append((f"{L['tot']} ({cur})" if cplace in ("label", "both") else L["tot"],
               m.c(total, pos="post_sp" if style != "en" else "pre") if cplace in ("value", "both") else m.n(total), {"b": True, "rule": True, "big": 1.15}))
    totals_block(cv, lay, tl, x0 + (x1 - x0) * 0.45, x1, sz)
    vcols = [dict(key="r", head=L["vs"][0], align="l", flex=True), dict(key="b", head=L["vs"][1], align="r"), dict(key="v", head=L["vs"][2], align="r"),
             dict(key="g", head=L["vs"][3], align="r")]
    vrows = [dict(kind="item", amt=ZERO, cells={"r": fmt_num(r, style, 1 if r % 1 else 0) + " %", "b": m.n(vg[r]), "v": m.n(vat[r]), "g": m.n(vg[r] + vat[r])})
             for r in sorted(vat, reverse=True)]
    lay.need(16 * (len(vrows) + 2))
    table(cv, lay, vcols, vrows, dict(size=sz - 0.5, ruling="grid", x1=x0 + (x1 - x0) * 0.55, vpad=2, head_fill=(0.92, 0.92, 0.92)))
    lay.need(30)
    lay.y = text_lines(cv, x0, lay.y + 8, [L["terms"]], sz - 0.5, maxw=x1 - x0)
    if len(cv.pages) < 2:
        raise OverflowError("longtab fits on one page")

    def foot(cv_, k, n_):
        cv_.line(x0, H - 48, x1, H - 48, color=GREY, lw=0.4)
        text_lines(cv_, x0, H - 44, [f"{iss['name']} · {' · '.join(iss['addr'])} · {iss['email']} · IBAN {rng_iban}"], 6.5, "r", GREY, maxw=x1 - x0 - 60)
        cv_.text(x1, H - 38, L["page"].format(p=k + 1, n=n_), 7, "r", GREY, "r")
        if k == 0:
            cv_.text(pg_pos[0], pg_pos[1] + sz * 0.9, L["page"].format(p=1, n=n_), sz, "r")

    rng_iban = iban(rng, cc if cc != "LU" else "LU")
    footer_pages(cv, foot)
    return cv


# ----------------------------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------------------------
ARCHETYPES = ["stripe", "qbooks", "erp", "mono", "einv", "travel", "gulf", "newlang", "summary", "longtab"]


def build(arch, seed, i):
    """Build invoice i of archetype arch; retried with a continued generator when it would exceed 3 pages."""
    rng = random.Random(seed * 100003 + i)
    for attempt in range(8):
        inv = Inv(rng, arch)
        try:
            cv = globals()["arch_" + arch](rng, inv)
        except OverflowError:
            continue
        same = inv.issuer.casefold().split()[:2] == (inv.customer or "").casefold().split()[:2]
        if len(cv.pages) <= 3 and not same:
            inv.F["attempt"] = attempt
            sizes = Counter(round(op[4], 1) for op in cv.pages[0] if op[0] == "t")
            inv.F["body_font_size"] = sizes.most_common(1)[0][0]
            inv.F["left_margin"] = round(min(op[1] for op in cv.pages[0] if op[0] == "t"))
            return inv, cv
    raise RuntimeError(f"could not lay out invoice {i} ({arch})")


def main(n=60, seed=20270104, outdir="out"):
    os.makedirs(outdir, exist_ok=True)
    order = ARCHETYPES[:]
    random.Random(seed).shuffle(order)
    written = []
    for i in range(1, n + 1):
        arch = order[(i - 1) % len(order)]
        inv, cv = build(arch, seed, i)
        stem = f"inv{i:03d}_{inv.lang}"
        doc = cv.render()
        npages = len(doc)
        drng = random.Random(seed * 7919 + i)
        look = drng.choices(["clean", "scan", "photo"], weights=[2, 0.6, 0.4])[0]
        inv.F["png_look"] = look
        rs = np.random.default_rng(seed * 31 + i)
        angles = []
        for k, page in enumerate(doc):
            pix = page.get_pixmap(dpi=150)
            img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            if look != "clean":
                img, ang = degrade(img, rs, look)
                angles.append(ang)
            img.save(os.path.join(outdir, f"{stem}_p{k + 1}.png"), optimize=False)
        if angles:
            inv.F["png_rotation"] = angles[0]
        with open(os.path.join(outdir, stem + ".pdf"), "wb") as fh:
            fh.write(doc.tobytes(garbage=3, deflate=True, no_new_id=True))
        doc.close()
        truth = inv.truth(npages)
        with open(os.path.join(outdir, stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
        written.append(stem)
    return written


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if a else 60, int(a[1]) if len(a) > 1 else 20270104, a[2] if len(a) > 2 else "out")
