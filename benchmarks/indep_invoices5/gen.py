#!/usr/bin/env python3
"""Fifth independent invoice set: ten archetypes the earlier sets did not cover.

usage: python gen.py [N] [SEED] [OUTDIR]      (or gen.main(n, seed, outdir))

For invoice i (1-based) it writes ``invNNN_<lang>.pdf`` (born-digital, 1-3 pages), one PNG per page
rendered at 150 dpi (``invNNN_<lang>_pK.png``; about a third look scanned or photographed: rotation,
slight perspective, blur, noise, JPEG artefacts, uneven light, grey paper) and ``invNNN_<lang>.json``
(the truth). The same seed gives the same files.

Archetypes (round-robin over a seeded shuffle, each varied in fonts, sizes, margins, column orders,
label wordings, date and number formats and where the parties and meta data stand):

  india      Indian GST tax invoices: GSTIN/PAN, HSN/SAC, CGST+SGST or IGST per line or in an HSN
             summary, lakh grouping, round-off line, amount in words, IRN/ack/e-way bill numbers.
  swiss      Swiss and Liechtenstein invoices (de-CH, fr-CH, it-CH): apostrophe thousands, MWST/TVA/IVA
             with the UID, 5-rappen rounding, a QR-bill payment slip at the bottom of the last page.
  commonw    Canada (bilingual Quebec, HST, GST+PST), Australia, New Zealand, South Africa, Ireland.
  latam      Mexico (CFDI with RFC, UUID, seals, withholdings), Brazil (DANFE with CNPJ, 44-digit key,
             ICMS informational, IPI added), Argentina (Factura A/B with CUIT and CAE), Chile (RUT, CLP).
  saas       Subscription invoices: seats, proration credits, usage at tiny unit prices, discount
             lines, credit balance applied after the total.
  freight    Air, sea and road freight: shipment blocks full of non-money numbers, rate x weight,
             fuel surcharges, customs duty and import VAT passed through untaxed.
  multipage  Long item tables over 2-3 pages: repeated headings, carried-forward lines, page x of y,
             totals on the last page only.
  gross      Prices including VAT, the tax only stated ("includes VAT 20%"); total labels below or
             left of their amounts, totals boxes at the left.
  notable    No item table: letters, one-line rent or fee invoices, amounts only in the totals.
  eastern    Greek, Russian, Ukrainian, Bulgarian, Serbian (Latin and Cyrillic), Croatian, Slovenian,
             Estonian and Lithuanian invoices with their own labels, dates, currency marks and tax words.

Truth conventions (keys as ``indep_invoices/score.py`` reads them, plus customer, subtotal, tax):

  invoice_number  as printed, without its label; a series printed with the number is part of it
                  (Argentina "0003-00001234", Brazil "000.012.345"). Folio UUIDs, access keys, IRNs,
                  job, order, customer and delivery-note numbers are not it.
  invoice_date    the issue date, ISO; order, delivery, supply, due, acknowledgement, certification,
                  CAE, contract and shipment dates are not it.
  issuer          the seller's legal name as printed (not a brand word or logo text; sometimes only in
                  the footer, the QR-bill slip or the supplier line).
  customer        the buyer's name as printed.
  total           the invoice's grand total including tax, rounding and round-off lines, before any
                  credit balance, payment or previous balance ("Amount due" may differ); Mexican
                  withholdings are deducted as the invoice deducts them.
  subtotal, tax   prices without tax: subtotal = the sum of the item amounts, tax = the tax added
                  (CGST+SGST or IGST; Brazil: the IPI, ICMS being only informational; Mexico: the IVA
                  transferred). Prices with tax (gross invoices, Australian/NZ inclusive pricing,
                  Factura B, Russian "including VAT"): tax = the tax stated as included and
                  subtotal = total - tax.
  currency        ISO 4217 of the money on the page, also where only a symbol stands ("$" is the
                  country's dollar or peso, "R" the rand, "руб." the rouble); "" where nothing on the
                  page names or symbolises a currency (some letters).
  items           the item table's rows in printed order, discount and proration-credit rows
                  included (negative). Not items: tax, round-off and total rows printed inside the
                  table (Indian Tally layout), carried-forward / brought-forward rows, delivery-note
                  heading rows. description = the row's text, wrapped lines joined by one space,
                  without codes, units, line numbers and the small notes under it (periods, batches,
                  tax details); amount = the row's net amount (per-line tax and gross columns are not
                  it) or, where prices include tax, the printed gross amount; quantity and unit_price
                  as printed (plain decimals) or null. Letters and fee notes bill one item: the
                  service phrase the letter charges for, or the subject / the single line.
  features        every random choice; ``items_sum_to`` says whether the items add up to the
                  subtotal or (with ``charges``) to the total, and ``charges`` holds what the totals
                  add besides items and tax (shipping, freight, rounding, round-off, withholdings).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

D = Decimal
ZERO = D("0")
BLACK = (0, 0, 0)
GREY = (0.42, 0.42, 0.42)
LIGHT = (0.92, 0.92, 0.92)
WHITE = (1, 1, 1)

# ----------------------------------------------------------------------------------------------
# fonts: a family per invoice, per-string fallback when a glyph is missing

FONT_DIR = "/usr/share/fonts/truetype"
# DejaVu and the base-14 fonts only: pymupdf writes the Liberation fonts' hyphen and space glyphs as
# U+00AD and U+00A0 into the text layer, which would garble numbers like "RE-2025-0147".
TTF = {
    "dejavu_sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "dejavu_serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "dejavu_cond": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "dejavu_serif_cond": ("dejavu/DejaVuSerifCondensed.ttf", "dejavu/DejaVuSerifCondensed-Bold.ttf"),
    "dejavu_mono": ("dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf"),
}
BASE14 = {"helv": ("helv", "hebo"), "times": ("tiro", "tibo"), "courier": ("cour", "cobo")}  # Latin-1 only
FALLBACK = {"helv": "dejavu_sans", "times": "dejavu_serif", "courier": "dejavu_mono"}
LATIN_FAMILIES = ["helv", "helv", "times", "times", "dejavu_sans", "dejavu_serif", "dejavu_cond", "dejavu_serif_cond"]
UNICODE_FAMILIES = ["dejavu_sans", "dejavu_serif", "dejavu_cond", "dejavu_serif_cond"]

_font_cache: dict[str, pymupdf.Font] = {}
_glyph_cache: dict[tuple[str, str], bool] = {}


def _font(key: str) -> pymupdf.Font:
    if key not in _font_cache:
        _font_cache[key] = pymupdf.Font(key) if len(key) == 4 else pymupdf.Font(fontfile=os.path.join(FONT_DIR, key))
    return _font_cache[key]


def _supports(family: str, bold: bool, s: str) -> bool:
    if family in BASE14:
        return all(ord(ch) < 256 for ch in s)
    key = TTF[family][bold]
    for ch in set(s):
        if (key, ch) not in _glyph_cache:
            _glyph_cache[key, ch] = ch.isspace() or bool(_font(key).has_glyph(ord(ch)))
        if not _glyph_cache[key, ch]:
            return False
    return True


# ----------------------------------------------------------------------------------------------
# numbers, money, dates


def r2(x: Decimal, places: int = 2) -> Decimal:
    return D(x).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


SEPS = {"us": (",", "."), "eu": (".", ","), "ch": ("'", "."), "ch_typo": ("\u2019", "."), "space_comma": (" ", ","),
        "space_dot": (" ", "."), "lakh": (",", "."), "plain": ("", "."), "plain_comma": ("", ",")}


class NumFmt:
    """Numbers as one invoice prints them: grouping, decimal mark, places and the negative sign."""

    def __init__(self, style: str = "us", places: int = 2, neg: str = "-"):
        self.style, self.places, self.neg = style, places, neg
        self.ts, self.ds = SEPS[style]

    def num(self, v, places: int | None = None, group: bool = True) -> str:
        p = self.places if places is None else places
        s = f"{abs(D(v)):.{p}f}"
        ip, _, fp = s.partition(".")
        if group and self.ts:
            if self.style == "lakh" and len(ip) > 3:
                head, tail = ip[:-3], ip[-3:]
                parts = []
                while len(head) > 2:
                    parts.insert(0, head[-2:])
                    head = head[:-2]
                ip = ",".join([head, *parts, tail])
            else:
                ip = f"{int(ip):,}".replace(",", self.ts)
        return ip + (self.ds + fp if p else "")

    def amt(self, v, places: int | None = None) -> str:
        """A signed amount as the invoice prints it."""
        s = self.num(v, places)
        if D(v) >= 0:
            return s
        return {"-": "-" + s, "minus": "\u2212" + s, "paren": f"({s})", "trail": s + "-"}[self.neg]

    def qty(self, v) -> str:
        v = D(v)
        places = max(0, -v.as_tuple().exponent) if v != v.to_integral_value() else 0
        return self.num(v, places)


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "el": "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου "
          "Νοεμβρίου Δεκεμβρίου",
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    "sr_lat": "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar",
    "sr_cyr": "јануар фебруар март април мај јун јул август септембар октобар новембар децембар",
    "hr": "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga prosinca",
    "sl": "januar februar marec april maj junij julij avgust september oktober november december",
    "et": "jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember",
    "lt": "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio",
}


def month(d: dt.date, lang: str) -> str:
    return MONTHS[lang].split()[d.month - 1]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d: dt.date, style: str, lang: str = "en", time: str = "10:00:00") -> str:
    """A date in one of the printed forms (``style``); month names in ``lang``."""
    mon = month(d, lang)
    return {
        "dmy.": f"{d:%d.%m.%Y}",
        "dmy.trail": f"{d:%d.%m.%Y}.",
        "dmy/": f"{d:%d/%m/%Y}",
        "dmy-": f"{d:%d-%m-%Y}",
        "ymd": f"{d:%Y-%m-%d}",
        "ymd/": f"{d:%Y/%m/%d}",
        "mdy/": f"{d:%m/%d/%Y}",
        "d-mon-y": f"{d.day:02d}-{mon[:3]}-{d.year}",
        "d mon y": f"{d.day} {mon[:3]} {d.year}",
        "mon d, y": f"{mon[:3]} {d.day}, {d.year}",
        "month d, y": f"{mon} {d.day}, {d.year}",
        "d month y": f"{d.day} {mon} {d.year}",
        "d. month y": f"{d.day}. {mon} {d.year}",
        "d ord month y": f"{ordinal(d.day)} {mon} {d.year}",
        "d de month de y": f"{d.day} de {mon} de {d.year}",
        "d. m. y": f"{d.day}. {d.month}. {d.year}",
        "dmy. g": f"{d:%d.%m.%Y} г.",
        "d month y g": f"{d.day} {mon} {d.year} г.",
        "d month y r": f"{d.day} {mon} {d.year} р.",
        "lt long": f"{d.year} m. {mon} {d.day} d.",
        "iso_t": f"{d:%Y-%m-%d}T{time}",
        "dmy/ t": f"{d:%d/%m/%Y} {time}",
        "dmy.trail t": f"{d:%d.%m.%Y}. {time[:5]}",
    }[style]


def span(a: dt.date, b: dt.date) -> str:
    """A billing period as subscription invoices print it: 'Mar 3 – Apr 2, 2026'."""
    if a.year == b.year:
        return f"{month(a, 'en')[:3]} {a.day} \u2013 {month(b, 'en')[:3]} {b.day}, {b.year}"
    return f"{month(a, 'en')[:3]} {a.day}, {a.year} \u2013 {month(b, 'en')[:3]} {b.day}, {b.year}"


def iban(rng: random.Random, cc: str, bank: str, digits: int, group: bool = True) -> str:
    """An IBAN with valid check digits: country, bank letters/digits, then random digits."""
    bban = bank + "".join(rng.choice("0123456789") for _ in range(digits))
    n = int("".join(str(int(ch, 36)) for ch in bban + cc + "00"))
    s = f"{cc}{98 - n % 97:02d}{bban}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if group else s


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def letters(rng: random.Random, n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def hexs(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng: random.Random, upper: bool = True) -> str:
    h = hexs(rng, 32)
    s = "-".join((h[:8], h[8:12], h[12:16], h[16:20], h[20:]))
    return s.upper() if upper else s


def pick_date(rng: random.Random, lo: dt.date = dt.date(2025, 3, 1), hi: dt.date = dt.date(2026, 11, 30)) -> dt.date:
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days))


# ----------------------------------------------------------------------------------------------
# amount in words (Indian English, Mexican Spanish)

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _en99(n: int) -> str:
    return _ONES[n] if n < 20 else _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])


def _en999(n: int) -> str:
    h, r = divmod(n, 100)
    return " ".join(p for p in ((_ONES[h] + " hundred") if h else "", _en99(r) if r else "") if p)


def words_indian(n: int) -> str:
    """'one lakh twenty three thousand four hundred fifty six' for 123456."""
    if n == 0:
        return "zero"
    crore, rest = divmod(n, 10 ** 7)
    lakh, rest = divmod(rest, 10 ** 5)
    thousand, rest = divmod(rest, 1000)
    parts = []
    if crore:
        parts.append(words_indian(crore) + " crore")
    if lakh:
        parts.append(_en99(lakh) + " lakh")
    if thousand:
        parts.append(_en99(thousand) + " thousand")
    if rest:
        parts.append(_en999(rest))
    return " ".join(parts)


_ES_UNITS = ("CERO UN DOS TRES CUATRO CINCO SEIS SIETE OCHO NUEVE DIEZ ONCE DOCE TRECE CATORCE QUINCE DIECISÉIS "
             "DIECISIETE DIECIOCHO DIECINUEVE VEINTE VEINTIÚN VEINTIDÓS VEINTITRÉS VEINTICUATRO VEINTICINCO "
             "VEINTISÉIS VEINTISIETE VEINTIOCHO VEINTINUEVE").split()
_ES_TENS = "_ _ _ TREINTA CUARENTA CINCUENTA SESENTA SETENTA OCHENTA NOVENTA".split()
_ES_HUNDREDS = ("_ CIENTO DOSCIENTOS TRESCIENTOS CUATROCIENTOS QUINIENTOS SEISCIENTOS SETECIENTOS OCHOCIENTOS "
                "NOVECIENTOS").split()


def _es999(n: int) -> str:
    if n == 100:
        return "CIEN"
    h, r = divmod(n, 100)
    parts = [_ES_HUNDREDS[h]] if h else []
    if r:
        parts.append(_ES_UNITS[r] if r < 30 else _ES_TENS[r // 10] + ("" if r % 10 == 0 else " Y " + _ES_UNITS[r % 10]))
    return " ".join(parts)


def words_es(n: int) -> str:
    """Mexican cheque Spanish: 'MIL DOSCIENTOS TREINTA Y CUATRO' for 1234 (apocopated UN)."""
    if n == 0:
        return "CERO"
    millions, rest = divmod(n, 10 ** 6)
    thousands, rest = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("UN MILLÓN" if millions == 1 else _es999(millions) + " MILLONES")
    if thousands:
        parts.append("MIL" if thousands == 1 else _es999(thousands) + " MIL")
    if rest:
        parts.append(_es999(rest))
    return " ".join(parts)


# ----------------------------------------------------------------------------------------------
# the drawing surface


class Sheet:
    """A PDF being drawn: a font family with per-string fallback, a cursor ``y`` (top of the next
    line), page breaks and a footer drawn on every page when the document is finished."""

    def __init__(self, rng: random.Random, family: str, size: float, page=(595.0, 842.0), margin: float = 48.0):
        self.rng, self.fam, self.fs = rng, family, size
        self.W, self.H = page
        self.M = margin
        self.bottom_margin = margin
        self.doc = pymupdf.open()
        self.footer = None  # callable(sheet, page_number, n_pages), drawn by finish()
        self.on_new_page = None  # callable(sheet) drawing a continuation header
        self._names: dict[tuple[int, str], str] = {}
        self.pno = -1
        self.new_page()

    # pages
    def new_page(self) -> None:
        self.pg = self.doc.new_page(width=self.W, height=self.H)
        self.pno = self.pg.number
        self.y = self.M
        if self.on_new_page:
            self.on_new_page(self)

    def goto(self, pno: int) -> None:
        self.pg = self.doc[pno]
        self.pno = pno

    @property
    def bottom(self) -> float:
        return self.H - self.bottom_margin

    def need(self, h: float) -> None:
        if self.y + h > self.bottom:
            self.new_page()

    # text
    def _resolve(self, family: str, bold: bool, s: str) -> tuple[str, pymupdf.Font]:
        for fam in dict.fromkeys((family, FALLBACK.get(family, family), "dejavu_sans")):
            if _supports(fam, bold, s):
                break
        if fam in BASE14:
            name = BASE14[fam][bold]
            return name, _font(name)
        key = TTF[fam][bold]
        name = self._names.get((self.pno, key))
        if name is None:
            name = f"F{len(self._names)}"
            self.pg.insert_font(fontname=name, fontfile=os.path.join(FONT_DIR, key))
            self._names[self.pno, key] = name
        return name, _font(key)

    def width(self, s: str, size: float | None = None, bold: bool = False, fam: str | None = None) -> float:
        _, font = self._resolve(fam or self.fam, bold, s)
        return font.text_length(s, fontsize=size or self.fs)

    def text(self, x: float, y: float, s: str, size: float | None = None, bold: bool = False, align: str = "l",
             color=BLACK, fam: str | None = None) -> float:
        """Draw ``s`` with its top at ``y``; ``x`` is its left, right (align r) or centre (c)."""
        size = size or self.fs
        name, font = self._resolve(fam or self.fam, bold, s)
        w = font.text_length(s, fontsize=size)
        x0 = x - w if align == "r" else x - w / 2 if align == "c" else x
        self.pg.insert_text((x0, y + size * 0.8), s, fontname=name, fontsize=size, color=color)
        return w

    def wrap(self, s: str, width: float, size: float | None = None, bold: bool = False) -> list[str]:
        out, cur = [], ""
        for word in s.split(" "):
            trial = f"{cur} {word}" if cur else word
            if cur and self.width(trial, size, bold) > width:
                out.append(cur)
                cur = word
            else:
                cur = trial
        return [*out, cur] if cur else out

    def para(self, x: float, s: str, width: float, size: float | None = None, lead: float = 1.35, bold=False,
             color=BLACK, align: str = "l") -> None:
        size = size or self.fs
        for ln in self.wrap(s, width, size, bold):
            self.need(size * lead)
            self.text(x + (width if align == "r" else width / 2 if align == "c" else 0), self.y, ln, size, bold,
                      align, color)
            self.y += size * lead

    def lines(self, x: float, y: float, rows, size: float | None = None, lead: float = 1.3, align: str = "l",
              color=BLACK, bold_first: bool = False, width: float | None = None) -> float:
        """Draw short lines one under another from ``y`` (each wrapped to ``width`` if given);
        returns the y below them."""
        size = size or self.fs
        for k, s in enumerate(rows):
            for part in self.wrap(s, width, size, bold_first and k == 0) if width else [s]:
                self.text(x, y, part, size, bold_first and k == 0, align, color)
                y += size * lead
        return y

    # graphics
    def line(self, x0, y0, x1, y1, width: float = 0.5, color=BLACK, dashes: str | None = None) -> None:
        self.pg.draw_line((x0, y0), (x1, y1), color=color, width=width, dashes=dashes)

    def rect(self, x0, y0, x1, y1, fill=None, color=BLACK, width: float = 0.5) -> None:
        self.pg.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=color, fill=fill, width=width if color else 0)

    def code2d(self, x: float, y: float, size: float, modules: int = 33, cross: bool = False, finders: bool = True,
               aspect: float = 1.0) -> None:
        """A QR-like (or, with aspect > 1, PDF417-like) pattern of random modules; decorative only."""
        rng = self.rng
        cols, rows = int(modules * aspect), modules
        m = size / rows
        shape = self.pg.new_shape()
        for i in range(rows):
            for j in range(cols):
                corner = finders and ((i < 8 and j < 8) or (i < 8 and j >= cols - 8) or (i >= rows - 8 and j < 8))
                if not corner and rng.random() < 0.5:
                    shape.draw_rect(pymupdf.Rect(x + j * m, y + i * m, x + (j + 1) * m, y + (i + 1) * m))
        if finders:
            for fx, fy in ((0, 0), (cols - 7, 0), (0, rows - 7)):
                for k, n in ((0, 7), (2, 3)):
                    shape.draw_rect(pymupdf.Rect(x + (fx + k) * m, y + (fy + k) * m, x + (fx + k + n) * m,
                                                 y + (fy + k + n) * m))
        shape.finish(color=None, fill=BLACK, width=0)
        if finders:  # the rings inside the finders
            for fx, fy in ((0, 0), (cols - 7, 0), (0, rows - 7)):
                shape.draw_rect(pymupdf.Rect(x + (fx + 1) * m, y + (fy + 1) * m, x + (fx + 6) * m, y + (fy + 6) * m))
            shape.finish(color=WHITE, fill=None, width=m)
            shape.draw_rect(pymupdf.Rect(x + 2 * m, y + 2 * m, x + 5 * m, y + 5 * m))
            shape.draw_rect(pymupdf.Rect(x + (cols - 5) * m, y + 2 * m, x + (cols - 2) * m, y + 5 * m))
            shape.draw_rect(pymupdf.Rect(x + 2 * m, y + (rows - 5) * m, x + 5 * m, y + (rows - 2) * m))
            shape.finish(color=None, fill=BLACK, width=0)
        shape.commit()
        if cross:  # the Swiss cross in the middle of a QR-bill code
            c, s = size / 2, size * 0.15
            self.rect(x + c - s / 2 - 1.5, y + c - s / 2 - 1.5, x + c + s / 2 + 1.5, y + c + s / 2 + 1.5, fill=WHITE, color=None)
            self.rect(x + c - s / 2, y + c - s / 2, x + c + s / 2, y + c + s / 2, fill=BLACK, color=None)
            self.rect(x + c - s * 0.1, y + c - s * 0.32, x + c + s * 0.1, y + c + s * 0.32, fill=WHITE, color=None)
            self.rect(x + c - s * 0.32, y + c - s * 0.1, x + c + s * 0.32, y + c + s * 0.1, fill=WHITE, color=None)

    def finish(self, path: str) -> int:
        n = len(self.doc)
        if self.footer:
            for pno in range(n):
                self.goto(pno)
                self.footer(self, pno + 1, n)
        self.doc.subset_fonts()
        self.doc.save(path, garbage=3, deflate=True, no_new_id=True)
        return n


# ----------------------------------------------------------------------------------------------
# tables and totals


@dataclass
class Col:
    key: str
    head: str
    w: float  # relative width
    align: str = "l"


def table(c: Sheet, cols: list[Col], rows: list[dict], *, x0: float | None = None, x1: float | None = None,
          size: float | None = None, style: str = "lines", head_fill=None, head_color=BLACK, cont: dict | None = None,
          pad: float = 3.0) -> None:
    """Draw an item table from ``c.y``. ``rows`` map column keys to cell text; the ``desc`` cell
    wraps and may carry ``_note`` lines in small grey print under it. Style: lines, grid, zebra,
    plain or dotted. ``cont`` (cf, bf, fmt) adds carried-forward / brought-forward lines with the
    running sum of the rows' ``_amt`` where the table breaks over pages."""
    x0 = c.M if x0 is None else x0
    x1 = c.W - c.M if x1 is None else x1
    size = size or c.fs
    tot = sum(col.w for col in cols)
    xs = [x0]
    for col in cols:
        xs.append(xs[-1] + (x1 - x0) * col.w / tot)
    lead = size * 1.3

    def cell_x(k: int, align: str) -> float:
        return xs[k + 1] - pad if align == "r" else (xs[k] + xs[k + 1]) / 2 if align == "c" else xs[k] + pad

    head_sizes = []
    for k, col in enumerate(cols):  # a heading word wider than its column is set smaller
        hs = size
        while max(c.width(w, hs, True) for w in col.head.split() or [""]) > xs[k + 1] - xs[k] - 2 * pad and hs > 5:
            hs -= 0.25
        head_sizes.append(hs)

    def header() -> None:
        heads = [c.wrap(col.head, xs[k + 1] - xs[k] - 2 * pad, head_sizes[k], True) or [""] for k, col in enumerate(cols)]
        h = max(len(hd) for hd in heads) * lead + 2 * pad
        if head_fill:
            c.rect(x0, c.y, x1, c.y + h, fill=head_fill, color=None)
        if style in ("lines", "grid", "zebra"):
            c.line(x0, c.y, x1, c.y, 0.8)
        for k, col in enumerate(cols):
            for j, ln in enumerate(heads[k]):
                c.text(cell_x(k, col.align), c.y + pad + j * lead, ln, head_sizes[k], True, col.align, head_color)
        if style == "grid":
            for x in xs:
                c.line(x, c.y, x, c.y + h)
        c.y += h
        c.line(x0, c.y, x1, c.y, 0.8 if style != "plain" else 0.5)

    running = ZERO

    def sum_line(label: str) -> None:
        c.text(xs[1] + pad, c.y + pad, label, size, True)
        if cont.get("fmt"):
            c.text(x1 - pad, c.y + pad, cont["fmt"](running), size, True, "r")
        c.y += lead + 2 * pad
        c.line(x0, c.y - pad, x1, c.y - pad, 0.4)

    header()
    for n, row in enumerate(rows):
        k_desc = next(k for k, col in enumerate(cols) if col.key == "desc")
        dl = c.wrap(row.get("desc", ""), xs[k_desc + 1] - xs[k_desc] - 2 * pad, size, row.get("_bold", False)) or [""]
        notes = [part for note in row.get("_note") or [] for part in c.wrap(note, xs[k_desc + 1] - xs[k_desc] - 2 * pad, size * 0.82)]
        h = len(dl) * lead + len(notes) * size * 1.15 + 2 * pad
        reserve = (lead + 2 * pad) if cont else 0
        if c.y + h + reserve > c.bottom:
            if cont:
                sum_line(cont["cf"])
            c.new_page()
            header()
            if cont and cont.get("bf"):
                sum_line(cont["bf"])
        top = c.y
        if style == "zebra" and n % 2:
            c.rect(x0, top, x1, top + h, fill=(0.95, 0.95, 0.95), color=None)
        for k, col in enumerate(cols):
            if col.key == "desc":
                for j, ln in enumerate(dl):
                    c.text(xs[k] + pad, top + pad + j * lead, ln, size, row.get("_bold", False))
                for j, ln in enumerate(notes):
                    c.text(xs[k] + pad, top + pad + len(dl) * lead + j * size * 1.15, ln, size * 0.82, color=GREY)
            elif row.get(col.key):
                s = row[col.key]
                fs = size
                while c.width(s, fs) > xs[k + 1] - xs[k] - 2 * pad and fs > 5:
                    fs -= 0.25
                c.text(cell_x(k, col.align), top + pad, s, fs, align=col.align)
        c.y = top + h
        running += row.get("_amt", ZERO)
        if style == "grid":
            for x in xs:
                c.line(x, top, x, c.y)
            c.line(x0, c.y, x1, c.y)
        elif style == "dotted":
            c.line(x0, c.y, x1, c.y, 0.4, GREY, "[1 2] 0")
    if style != "plain":
        c.line(x0, c.y, x1, c.y, 0.8)
    c.y += size * 0.6


def totals(c: Sheet, rows: list[tuple[str, str, bool]], *, x_label: float, x_val: float, size: float | None = None,
           label_align: str = "l", box: bool = False, lead: float = 1.45, rule_before_last: bool = True) -> None:
    """Label/value rows (label, value, bold); labels start (or end, label_align r) at ``x_label``,
    values end at ``x_val``."""
    size = size or c.fs
    h = len(rows) * size * lead + 6
    c.need(h + 4)
    top = c.y
    left = x_label if label_align == "l" else x_label - max(c.width(r[0], size, r[2]) for r in rows)
    if box:
        c.rect(left - 6, top - 3, x_val + 6, top + h, color=BLACK, width=0.7)
    for k, (label, value, bold) in enumerate(rows):
        if k == len(rows) - 1 and rule_before_last and len(rows) > 1 and not box:
            c.line(left, c.y - 2, x_val, c.y - 2, 0.6)
        c.text(x_label, c.y + 1, label, size, bold, label_align)
        c.text(x_val, c.y + 1, value, size, bold, "r")
        c.y += size * lead
    c.y = top + h + 4


# ----------------------------------------------------------------------------------------------
# items and truth


@dataclass
class Item:
    desc: str
    qty: Decimal | None
    price: Decimal | None
    amount: Decimal
    extra: dict | None = None  # per-archetype cells: codes, units, rates, notes


def make_truth(*, number: str, date: dt.date, issuer: str, customer: str, currency: str, items: list[Item],
               subtotal: Decimal, tax: Decimal, total: Decimal, features: dict) -> dict:
    places = features["places"]

    def money(v: Decimal) -> str:
        return str(r2(v, places))

    def price(v: Decimal | None) -> str | None:  # at least the money places, more where printed (0.0004)
        return None if v is None else str(v if -v.as_tuple().exponent > places else r2(v, places))

    return {
        "invoice_number": number,
        "invoice_date": date.isoformat(),
        "issuer": issuer,
        "customer": customer,
        "total": money(total),
        "subtotal": money(subtotal),
        "tax": money(tax),
        "currency": currency,
        "items": [{"description": it.desc, "quantity": None if it.qty is None else str(it.qty), "unit_price": price(it.price),
                   "amount": money(it.amount)} for it in items],
        "features": features,
    }


def new_sheet(rng: random.Random, f: dict, families: list[str], size_range=(8.0, 10.0), margin_range=(36, 60),
              page=(595.0, 842.0)) -> Sheet:
    f["font"] = rng.choice(families)
    f["font_size"] = round(rng.uniform(*size_range), 1)
    f["margin"] = rng.randint(*margin_range)
    f["page"] = "letter" if page == (612.0, 792.0) else "a4"
    c = Sheet(rng, f["font"], f["font_size"], page, f["margin"])
    c.bottom_margin = f["margin"] * 0.6 + f["font_size"] * 3.5  # room for the footer
    return c


def fmt_setup(rng: random.Random, f: dict, styles: list[str], places: int = 2, negs=("-",)) -> NumFmt:
    f["num_style"] = rng.choice(styles)
    f["places"] = places
    f["neg_style"] = rng.choice(list(negs))
    return NumFmt(f["num_style"], places, f["neg_style"])


def numfmt_of(f: dict) -> NumFmt:
    """The number format an invoice's features describe (check.py uses it too)."""
    return NumFmt(f["num_style"], f["places"], f["neg_style"])


def printed_date(f: dict, date: dt.date) -> str:
    """The issue date exactly as printed (check.py uses it too)."""
    return fmt_date(date, f["date_style"], f.get("date_lang", "en"), f.get("time", "10:00:00"))


def party(c: Sheet, x: float, y: float, title: str | None, name: str, rest: list[str], size: float | None = None,
          title_color=GREY, name_bold: bool = True) -> float:
    """A party block: an optional small title, the name, address and id lines; returns the y below."""
    size = size or c.fs
    if title:
        c.text(x, y, title, size * 0.85, True, color=title_color)
        y += size * 1.35
    c.text(x, y, name, size * 1.05, name_bold)
    y += size * 1.4
    return c.lines(x, y, rest, size)


def kv(c: Sheet, x: float, y: float, pairs: list[tuple[str, str]], label_w: float, size: float | None = None,
       bold_values: bool = False, value_align: str = "l", value_x: float | None = None, lead: float = 1.4) -> float:
    """Label/value pairs one under another; returns the y below them."""
    size = size or c.fs
    label_w = max(label_w, *(c.width(label, size) + 6 for label, _ in pairs))
    for label, value in pairs:
        c.text(x, y, label, size, color=(0.25, 0.25, 0.25))
        vx = value_x if value_x is not None else x + label_w
        c.text(vx, y, value, size, bold_values, value_align)
        y += size * lead
    return y


def brand_mark(c: Sheet, x: float, y: float, word: str, size: float, color) -> float:
    """A logo: a small filled shape and a big brand word; returns its width."""
    rng = c.rng
    s = size * 0.9
    if rng.random() < 0.5:
        c.pg.draw_circle((x + s / 2, y + s * 0.55), s / 2, color=None, fill=color)
    else:
        c.rect(x, y + s * 0.05, x + s, y + s * 1.05, fill=color, color=None)
    return s + 6 + c.text(x + s + 6, y, word, size, True, color=color)


BRAND_COLORS = [(0.05, 0.25, 0.55), (0.6, 0.1, 0.1), (0.1, 0.45, 0.3), (0.35, 0.2, 0.5), (0.85, 0.4, 0.05),
                (0.1, 0.1, 0.1), (0.0, 0.45, 0.6)]


# ----------------------------------------------------------------------------------------------
# 1. Indian GST tax invoice

IN_STATES = [("27", "Maharashtra", ["Mumbai", "Pune", "Nagpur"], "4"), ("29", "Karnataka", ["Bengaluru", "Mysuru"], "5"),
             ("33", "Tamil Nadu", ["Chennai", "Coimbatore"], "6"), ("07", "Delhi", ["New Delhi"], "1"),
             ("24", "Gujarat", ["Ahmedabad", "Surat", "Vadodara"], "3"), ("36", "Telangana", ["Hyderabad"], "5"),
             ("19", "West Bengal", ["Kolkata"], "7"), ("32", "Kerala", ["Kochi", "Thiruvananthapuram"], "6"),
             ("09", "Uttar Pradesh", ["Noida", "Lucknow"], "2")]
IN_NAMES = ["Shree Ganesh Traders", "Kaveri Infotech", "Sahyadri Agro Foods", "Narmada Polymers", "Vindhya Tech Solutions",
            "Ashoka Textile Mills", "Malabar Spice Exports", "Deccan Fabricators", "Ganga Packaging Industries",
            "Sunrise Pharma Distributors", "Lotus Print House", "Brahmaputra Logistics", "Aravalli Electricals",
            "Konark Steel Works", "Nilgiri Beverages", "Indus Valley Software", "Tapti Engineering Works",
            "Chola Hardware Mart", "Mahalaxmi Enterprises", "Saraswati Office Solutions"]
IN_FORMS = ["Private Limited", "Pvt. Ltd.", "LLP", "Limited", "Pvt Ltd"]
IN_STREETS = ["Plot No. 14, MIDC Industrial Area", "2nd Floor, Sai Complex, M.G. Road", "Shop No. 7, Laxmi Market",
              "No. 42, 3rd Cross, Indiranagar", "B-204, Sector 63", "Survey No. 118/2, Outer Ring Road",
              "Unit 5, Ganesh Industrial Estate", "Gala No. 11, Vasai East", "14/3 Anna Salai, Teynampet"]
IN_ITEMS = [  # description, HSN/SAC, GST % before 22 Sep 2025, unit, price range
    ("Corrugated shipping cartons 5-ply, 18 x 12 x 10 inch", "4819", 18, "Nos", (18, 65)),
    ("Dell Latitude 5440 laptop, 16 GB RAM, 512 GB SSD", "8471", 18, "Nos", (58000, 82000)),
    ("Basmati rice premium, 25 kg bag", "1006", 5, "Bag", (1800, 2600)),
    ("Cotton round neck T-shirts, assorted sizes", "6109", 5, "Pcs", (180, 450)),
    ("Black pepper whole, 500 g pouch", "0904", 5, "Pkt", (280, 420)),
    ("Annual maintenance contract for CCTV system", "998719", 18, "Job", (8000, 24000)),
    ("Software development services", "998314", 18, "Hrs", (1200, 3500)),
    ("Digital marketing and social media management", "998361", 18, "Month", (15000, 60000)),
    ("Paracetamol 650 mg tablets, strip of 15", "3004", 12, "Strip", (25, 40)),
    ("LED panel light 18 W, cool white", "9405", 12, "Nos", (350, 900)),
    ("PVC conduit pipe 25 mm, 3 m length", "3917", 18, "Pcs", (60, 140)),
    ("Stainless steel kitchen sink 24 x 18 inch", "7324", 18, "Nos", (3200, 7800)),
    ("Cement OPC 53 grade", "2523", 28, "Bag", (360, 420)),
    ("Split air conditioner 1.5 ton inverter", "8415", 28, "Nos", (34000, 46000)),
    ("Accounting and GST return filing services", "998222", 18, "Month", (4000, 15000)),
    ("Printed brochures A4, 4 colour, 130 gsm", "4911", 12, "Nos", (9, 28)),
    ("Copper wire 2.5 sq mm FR, 90 m coil", "8544", 18, "Coil", (2100, 3400)),
    ("Office chairs, high back, mesh", "9401", 18, "Nos", (4200, 9800)),
]
GST_REFORM = dt.date(2025, 9, 22)


def _gstin(rng: random.Random, state: str, name: str, kind: str) -> tuple[str, str]:
    pan = letters(rng, 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + kind + name[0].upper() + digits(rng, 4) + letters(rng, 1)
    return f"{state}{pan}1Z{rng.choice('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ')}", pan


def _in_party(rng: random.Random, exclude: str = "") -> dict:
    base = rng.choice([n for n in IN_NAMES if n != exclude])
    form = rng.choice(IN_FORMS)
    state = rng.choice(IN_STATES)
    city = rng.choice(state[2])
    gstin, pan = _gstin(rng, state[0], base, "F" if form == "LLP" else "C")
    return {"base": base, "name": f"{base} {form}", "state": state, "city": city, "gstin": gstin, "pan": pan,
            "addr": [rng.choice(IN_STREETS), f"{city} - {state[3]}{digits(rng, 5)}"]}


def build_india(rng: random.Random, f: dict):
    f.update(lang="en", locale="en-IN", date_lang="en")
    c = new_sheet(rng, f, LATIN_FAMILIES, (7.2, 8.6), (26, 42))
    fmt = fmt_setup(rng, f, ["lakh", "lakh", "lakh", "us"])
    seller = _in_party(rng)
    buyer = _in_party(rng, seller["base"])
    if rng.random() < 0.55:
        buyer["state"] = seller["state"]
        buyer["gstin"] = seller["state"][0] + buyer["gstin"][2:]
        buyer["city"] = rng.choice(seller["state"][2])
        buyer["addr"][1] = f"{buyer['city']} - {seller['state'][3]}{digits(rng, 5)}"
    intra = buyer["state"] == seller["state"]
    date = pick_date(rng)
    fy0 = date.year if date.month >= 4 else date.year - 1
    fy = f"{fy0 % 100:02d}-{(fy0 + 1) % 100:02d}"
    seq = rng.randint(12, 2400)
    initials = "".join(w[0] for w in seller["base"].split())[:3].upper()
    number = rng.choice([f"{initials}/{fy}/{seq:04d}", f"INV-{fy.replace('-', '')}-{seq:05d}", f"{seq}/{fy}",
                         f"GST/{seq:03d}/{fy0}-{(fy0 + 1) % 100:02d}", f"{initials}{seq:06d}"])
    f["layout"] = rng.choice(["tally", "modern"])
    f["per_line_tax"] = f["layout"] == "modern" and rng.random() < 0.5
    f["line_total_col"] = f["per_line_tax"] and rng.random() < 0.5
    f["cur_mark"] = rng.choice(["₹", "Rs.", "INR"])
    f["date_style"] = rng.choice(["dmy-", "d-mon-y", "dmy/", "dmy.", "d month y", "d mon y"])
    f["round_off"] = rng.random() < 0.7
    f["brand"] = f["layout"] == "modern" and rng.random() < 0.5
    f["einvoice"] = rng.random() < 0.5
    f["intra_state"] = intra

    items = []
    for desc, hsn, rate, unit, (lo, hi) in rng.sample(IN_ITEMS, rng.randint(1, 6)):
        if date >= GST_REFORM:
            rate = {12: 5, 28: 18}.get(rate, rate)
        qty = D(rng.choice([1, 1, 2, 3, 5, 10, 12, 20, 25, 50, 100, 250])) if hi > 500 else D(rng.choice([10, 24, 50, 100, 200, 500, 1000]))
        if unit == "Hrs":
            qty = D(rng.choice(["12", "37.5", "40", "64", "80"]))
        if hi > 20000:
            qty = D(rng.randint(1, 4))
        price = r2(D(str(rng.uniform(lo, hi))))
        note = [f"Batch: {letters(rng, 2)}{digits(rng, 4)}  Exp: {rng.randint(1, 12):02d}/{date.year + 2}"] if hsn == "3004" else []
        if unit == "Month" and rng.random() < 0.6:
            note = [f"Period: {fmt_date(date.replace(day=1), 'dmy/')} to {fmt_date(date, 'dmy/')}"]
        items.append(Item(desc, qty, price, r2(qty * price), {"hsn": hsn, "rate": rate, "unit": unit, "note": note}))
    subtotal = sum((it.amount for it in items), ZERO)
    # tax per line or per HSN/rate group; both halves (CGST, SGST) rounded on their own
    if f["per_line_tax"]:
        for it in items:
            half = r2(it.amount * it.extra["rate"] / 200)
            it.extra["tax"] = (half, half) if intra else (r2(it.amount * it.extra["rate"] / 100),)
        groups: dict = {}
        for it in items:
            g = groups.setdefault((it.extra["hsn"], it.extra["rate"]), [ZERO, [ZERO] * len(it.extra["tax"])])
            g[0] += it.amount
            g[1] = [a + b for a, b in zip(g[1], it.extra["tax"])]
    else:
        groups = {}
        for it in items:
            groups.setdefault((it.extra["hsn"], it.extra["rate"]), [ZERO, []])[0] += it.amount
        for (_, rate), g in groups.items():
            g[1] = [r2(g[0] * rate / 200)] * 2 if intra else [r2(g[0] * rate / 100)]
    by_rate: dict[int, list] = {}
    for (_, rate), g in groups.items():
        acc = by_rate.setdefault(rate, [ZERO] * len(g[1]))
        by_rate[rate] = [a + b for a, b in zip(acc, g[1])]
    tax = sum((sum(v, ZERO) for v in by_rate.values()), ZERO)
    gross = subtotal + tax
    total = r2(gross, 0) + ZERO if f["round_off"] else gross
    total = r2(total)
    round_off = total - gross
    f["items_sum_to"], f["charges"] = "subtotal", str(round_off)
    mark = f["cur_mark"]

    sep = " " if mark != "₹" or rng.random() < 0.5 else ""

    def money(v: Decimal) -> str:
        return f"{mark}{sep}{fmt.num(v)}"

    rupees, paise = int(total), int((total - int(total)) * 100)
    words = ("Indian Rupees " if mark == "INR" else "Rupees ") + words_indian(rupees).title()
    words += (f" and {_en99(paise).title()} Paise" if paise else "") + " Only"
    if mark == "INR" and rng.random() < 0.5:
        words = "INR " + words.split(" ", 2)[2]
    order_no = f"PO/{fy0}/{rng.randint(100, 999)}" if rng.random() < 0.7 else f"{rng.randint(4500000000, 4599999999)}"
    order_date = date - dt.timedelta(days=rng.randint(3, 40))
    due = date + dt.timedelta(days=rng.choice([15, 30, 45]))
    ds = f["date_style"]
    x0, x1 = c.M, c.W - c.M
    fs = c.fs
    irn = hexs(rng, 64)
    ack = (f"1{rng.randint(1, 9)}2{digits(rng, 12)}", date + dt.timedelta(days=rng.choice([0, 0, 1])))

    seller_lines = [*seller["addr"], f"GSTIN/UIN: {seller['gstin']}",
                    f"State Name: {seller['state'][1]}, Code: {seller['state'][0]}"]
    if rng.random() < 0.5:
        seller_lines.append(f"CIN: U{digits(rng, 5)}{letters(rng, 2)}{fy0 - rng.randint(2, 20)}PTC{digits(rng, 6)}")
    if rng.random() < 0.6:
        seller_lines.append(f"Phone: +91 {rng.randint(70000, 99999)} {digits(rng, 5)}")
    buyer_lines = [*buyer["addr"], f"GSTIN/UIN: {buyer['gstin']}",
                   f"State Name: {buyer['state'][1]}, Code: {buyer['state'][0]}"]
    pos = f"{buyer['state'][0]}-{buyer['state'][1]}"

    if f["layout"] == "tally":
        c.text(c.W / 2, c.y, "Tax Invoice", fs + 4, True, "c")
        c.text(x1, c.y + 2, "(ORIGINAL FOR RECIPIENT)", fs - 1, align="r")
        c.y += fs * 2.2
        if f["einvoice"]:
            c.text(x0, c.y, f"IRN : {irn}", fs - 0.5)
            c.text(x0, c.y + fs * 1.3, f"Ack No. : {ack[0]}", fs - 0.5)
            c.text(x0, c.y + fs * 2.6, f"Ack Date : {fmt_date(ack[1], ds)}", fs - 0.5)
            c.y += fs * 4.2
        top, mid = c.y, (x0 + x1) / 2 + 10
        y = party(c, x0 + 4, top + 4, None, seller["name"], seller_lines)
        c.line(x0, y + 2, mid, y + 2)
        if rng.random() < 0.5:
            y = party(c, x0 + 4, y + 6, "Consignee (Ship to)", buyer["name"], buyer_lines[:2], title_color=BLACK)
            c.line(x0, y + 2, mid, y + 2)
        y = party(c, x0 + 4, y + 6, "Buyer (Bill to)", buyer["name"], [*buyer_lines, f"Place of Supply : {pos}"],
                  title_color=BLACK)
        cells = [("Invoice No.", number), ("Dated", fmt_date(date, ds)), ("Delivery Note", ""),
                 ("Mode/Terms of Payment", rng.choice(["30 Days", "Immediate", "NEFT/RTGS", "15 Days Credit"])),
                 ("Reference No. & Date.", ""), ("Other References", ""),
                 ("Buyer's Order No.", order_no), ("Dated", fmt_date(order_date, ds)),
                 ("Dispatch Doc No.", f"DC-{rng.randint(100, 999)}"), ("Delivery Note Date", fmt_date(order_date + dt.timedelta(days=2), ds)),
                 ("Dispatched through", rng.choice(["By Road", "VRL Logistics", "Blue Dart Express", "Own Vehicle"])),
                 ("Destination", buyer["city"])]
        if rng.random() < 0.4:
            cells += [("e-Way Bill No.", f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}"), ("Terms of Delivery", "Door delivery")]
        cw = (x1 - mid) / 2
        ry = top
        for k in range(0, len(cells), 2):
            for j, (label, value) in enumerate(cells[k:k + 2]):
                c.text(mid + j * cw + 3, ry + 2, label, fs - 1)
                if value:
                    c.text(mid + j * cw + 3, ry + 3 + fs * 1.1, value, fs, True)
            ry += fs * 2.6
            c.line(mid, ry, x1, ry, 0.4)
        bottom = max(y, ry) + 4
        c.rect(x0, top, x1, bottom, width=0.7)
        c.line(mid, top, mid, bottom)
        c.y = bottom
    else:
        top = c.y
        color = rng.choice(BRAND_COLORS)
        if f["brand"]:
            brand_mark(c, x0, top, seller["base"].split()[0].upper(), fs + 10, color)
            y = top + fs * 2.6
            c.text(x0, y, seller["name"], fs, True)
            y = c.lines(x0, y + fs * 1.35, seller_lines, fs - 0.5)
        else:
            y = party(c, x0, top, None, seller["name"], seller_lines)
        c.text(x1, top, "TAX INVOICE", fs + 7, True, "r", color)
        ry = top + fs * 2.4
        c.text(x1, ry, rng.choice(["Original for Recipient", "ORIGINAL FOR BUYER"]), fs - 1, align="r", color=GREY)
        ry += fs * 1.8
        if f["einvoice"]:
            q = fs * 7
            c.code2d(x1 - q, ry, q, 29)
            ry += q + 4
        meta = [("Invoice No.", number), ("Invoice Date", fmt_date(date, ds)), ("Due Date", fmt_date(due, ds)),
                ("Place of Supply", pos), ("Reverse Charge", "No")]
        if rng.random() < 0.6:
            meta.insert(3, ("PO No.", order_no))
        lw = max(c.width(k, fs) for k, _ in meta) + 10
        vw = max(c.width(v, fs, True) for _, v in meta)
        ry = kv(c, x1 - lw - vw, ry, meta, lw, fs, True)
        c.y = max(y, ry) + fs
        if f["einvoice"]:
            c.text(x0, c.y, f"IRN: {irn}", fs - 1.5, color=GREY)
            c.text(x0, c.y + fs * 1.2, f"Ack No.: {ack[0]}    Ack Date: {fmt_date(ack[1], ds)}", fs - 1.5, color=GREY)
            c.y += fs * 2.8
        c.line(x0, c.y, x1, c.y, 0.6)
        c.y += fs * 0.8
        mid = (x0 + x1) / 2
        y1 = party(c, x0, c.y, "Bill To", buyer["name"], buyer_lines)
        y2 = party(c, mid, c.y, "Ship To", buyer["name"], buyer["addr"]) if rng.random() < 0.6 else c.y
        c.y = max(y1, y2) + fs * 0.8

    # item table
    cur_head = {"₹": "(₹)", "Rs.": "(Rs.)", "INR": "(INR)"}[mark]
    cols = [Col("sl", "Sl No." if rng.random() < 0.5 else "#", 3.2, "c"), Col("desc", "Description of Goods/Services", 24),
            Col("hsn", "HSN/SAC", 6.5, "c"), Col("qty", "Qty", 7, "r"), Col("rate", "Rate", 8.5, "r")]
    if not f["per_line_tax"] and rng.random() < 0.5:
        cols.insert(4, Col("unit", "per", 4, "c"))
        f["unit_col"] = True
    if f["per_line_tax"]:
        cols.append(Col("amount", "Taxable Value", 9.5, "r"))
        if intra:
            cols += [Col("t0r", "CGST %", 4.6, "r"), Col("t0", "CGST Amt", 7.5, "r"), Col("t1r", "SGST %", 4.6, "r"),
                     Col("t1", "SGST Amt", 7.5, "r")]
        else:
            cols += [Col("t0r", "IGST %", 4.6, "r"), Col("t0", "IGST Amt", 8, "r")]
        if f["line_total_col"]:
            cols.append(Col("gross", "Total", 9.5, "r"))
    else:
        cols.append(Col("amount", f"Amount {cur_head}" if rng.random() < 0.5 else "Amount", 10, "r"))
    rows = []
    for k, it in enumerate(items, 1):
        unit = it.extra["unit"]
        row = {"sl": str(k), "desc": it.desc, "hsn": it.extra["hsn"], "rate": fmt.num(it.price), "amount": fmt.num(it.amount),
               "_note": it.extra["note"], "unit": unit}
        row["qty"] = fmt.qty(it.qty) if f.get("unit_col") else f"{fmt.qty(it.qty)} {unit}"
        if f["per_line_tax"]:
            half = it.extra["rate"] / 2 if intra else it.extra["rate"]
            for j, t in enumerate(it.extra["tax"]):
                row[f"t{j}r"] = f"{half:g}%"
                row[f"t{j}"] = fmt.num(t)
            row["gross"] = fmt.num(it.amount + sum(it.extra["tax"], ZERO))
        rows.append(row)
    tax_rows = []
    for rate, parts in sorted(by_rate.items()):
        names = ["CGST", "SGST"] if intra else ["IGST"]
        pct = rate / 2 if intra else rate
        tax_rows += [(f"{nm} @ {pct:g}%", v) for nm, v in zip(names, parts)]
    in_table = f["layout"] == "tally" and rng.random() < 0.6
    f["tax_rows_in_table"] = in_table
    if in_table:  # Tally prints the output tax and round-off as rows of the item table
        rows.append({"desc": "", "amount": fmt.num(subtotal)})
        prefix = rng.choice(["Output ", ""])
        for label, v in tax_rows:
            rows.append({"desc": prefix + label, "amount": fmt.num(v), "_bold": True})
        if round_off:
            rows.append({"desc": "Round Off", "amount": fmt.amt(round_off) if round_off > 0 else f"(-){fmt.num(round_off)}",
                         "_bold": True})
        rows.append({"desc": "Total", "amount": money(total), "_bold": True})
    table(c, cols, rows, x0=x0, x1=x1, style="grid" if f["layout"] == "tally" else rng.choice(["lines", "zebra"]),
          head_fill=LIGHT if rng.random() < 0.6 else None)
    if not in_table:
        trs = [("Taxable Amount" if rng.random() < 0.5 else "Sub Total", fmt.num(subtotal), False)]
        trs += [(label, fmt.num(v), False) for label, v in tax_rows]
        if round_off:
            trs.append(("Round Off", fmt.num(round_off) if round_off > 0 else f"(-){fmt.num(round_off)}", False))
        trs.append((rng.choice(["Grand Total", "Total", "Total Amount", "Invoice Total"]), money(total), True))
        wx = x0 + (x1 - x0) * 0.52
        top = c.y
        totals(c, trs, x_label=wx + 10, x_val=x1 - 2)
        end = c.y
        c.y = top
        c.text(x0, c.y, "Amount Chargeable (in words)", fs - 1, color=GREY)
        c.y += fs * 1.3
        c.para(x0, words, wx - x0 - 10, fs, bold=True)
        c.y = max(c.y, end)
    else:
        c.text(x0, c.y, "Amount Chargeable (in words)", fs - 1)
        c.text(x1, c.y, "E. & O.E", fs - 1, align="r")
        c.y += fs * 1.3
        c.para(x0, words, x1 - x0, fs, bold=True)
    if not f["per_line_tax"] and (f["layout"] == "tally" or rng.random() < 0.4):
        c.y += fs * 0.5
        scols = [Col("desc", "HSN/SAC", 10), Col("tv", "Taxable Value", 9, "r")]
        if intra:
            scols += [Col("r0", "Central Tax Rate", 6, "r"), Col("a0", "Central Tax Amount", 8, "r"),
                      Col("r1", "State Tax Rate", 6, "r"), Col("a1", "State Tax Amount", 8, "r")]
        else:
            scols += [Col("r0", "Integrated Tax Rate", 7, "r"), Col("a0", "Integrated Tax Amount", 9, "r")]
        scols.append(Col("tt", "Total Tax Amount", 9, "r"))
        srows = []
        for (hsn, rate), (tv, parts) in groups.items():
            row = {"desc": hsn, "tv": fmt.num(tv), "tt": fmt.num(sum(parts, ZERO))}
            for j, v in enumerate(parts):
                row[f"r{j}"] = f"{rate / len(parts):g}%"
                row[f"a{j}"] = fmt.num(v)
            srows.append(row)
        srows.append({"desc": "Total", "tv": fmt.num(subtotal), "tt": fmt.num(tax), "_bold": True,
                      **{f"a{j}": fmt.num(sum((g[1][j] for g in groups.values()), ZERO)) for j in range(2 if intra else 1)}})
        c.need(fs * 1.5 * (len(srows) + 3))
        table(c, scols, srows, x0=x0, x1=x1, size=fs - 0.8, style="grid")
        tw = words_indian(int(tax)).title()
        c.text(x0, c.y, f"Tax Amount (in words) : {'INR ' if mark == 'INR' else 'Rupees '}{tw}"
               f"{' and ' + _en99(int((tax - int(tax)) * 100)).title() + ' Paise' if tax != int(tax) else ''} Only", fs - 0.5)
        c.y += fs * 2
    # bank details, declaration, signature
    c.need(fs * 9)
    mid = (x0 + x1) / 2
    y0 = c.y
    bank = rng.choice(["HDFC Bank", "State Bank of India", "ICICI Bank", "Axis Bank", "Kotak Mahindra Bank"])
    ifsc = {"HDFC Bank": "HDFC", "State Bank of India": "SBIN", "ICICI Bank": "ICIC", "Axis Bank": "UTIB",
            "Kotak Mahindra Bank": "KKBK"}[bank] + "0" + digits(rng, 6)
    c.lines(x0, y0, [f"Company's PAN : {seller['pan']}", "Declaration"], fs - 1)
    c.y = y0 + fs * 2.6
    c.para(x0, "We declare that this invoice shows the actual price of the goods described and that all "
           "particulars are true and correct.", mid - x0 - 12, fs - 1)
    left_end = c.y
    y = kv(c, mid, y0, [("Company's Bank Details", ""), ("Bank Name :", bank), ("A/c No. :", digits(rng, 14)),
                        ("Branch & IFS Code :", f"{seller['city']} & {ifsc}")], fs * 9, fs - 1)
    c.y = max(y, left_end) + fs
    c.text(x1, c.y, f"for {seller['name']}", fs, True, "r")
    c.text(x1, c.y + fs * 3.5, "Authorised Signatory", fs - 1, align="r")
    c.y += fs * 5
    jur = seller["city"]

    def footer(s: Sheet, i: int, n: int) -> None:
        s.text(s.W / 2, s.H - s.M * 0.6 - fs, f"SUBJECT TO {jur.upper()} JURISDICTION", fs - 1.5, align="c")
        s.text(s.W / 2, s.H - s.M * 0.6, "This is a Computer Generated Invoice", fs - 1.5, align="c", color=GREY)
        if n > 1:
            s.text(s.W - s.M, s.H - s.M * 0.6, f"Page {i} of {n}", fs - 1.5, align="r")

    c.footer = footer
    return c, make_truth(number=number, date=date, issuer=seller["name"], customer=buyer["name"], currency="INR",
                         items=items, subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# 2. Swiss / Liechtenstein invoice with a QR-bill slip

MM = 72 / 25.4
CH_PLACES = {
    "de": [("8001", "Zürich"), ("3011", "Bern"), ("4051", "Basel"), ("6003", "Luzern"), ("9000", "St. Gallen"),
           ("8400", "Winterthur"), ("5000", "Aarau"), ("7000", "Chur")],
    "fr": [("1204", "Genève"), ("1003", "Lausanne"), ("2000", "Neuchâtel"), ("1700", "Fribourg"), ("1950", "Sion"),
           ("1800", "Vevey")],
    "it": [("6900", "Lugano"), ("6500", "Bellinzona"), ("6600", "Locarno"), ("6850", "Mendrisio")],
    "li": [("9490", "Vaduz"), ("9494", "Schaan"), ("9496", "Balzers"), ("9495", "Triesen"), ("9485", "Nendeln")],
}
CH_STREETS = {
    "de": ["Bahnhofstrasse", "Seestrasse", "Hauptgasse", "Industriestrasse", "Zürcherstrasse", "Dorfstrasse"],
    "fr": ["Rue du Rhône", "Avenue de la Gare", "Chemin des Vignes", "Rue du Marché", "Route de Lausanne"],
    "it": ["Via Nassa", "Corso Elvezia", "Via Cantonale", "Viale Stazione", "Via San Gottardo"],
    "li": ["Städtle", "Landstrasse", "Herrengasse", "Essanestrasse", "Im alten Riet"],
}
CH_NAMES = {
    "de": ["Bergmann Haustechnik", "Alpenblick Informatik", "Rheintal Metallbau", "Zürcher Druckwerk", "Limmat Consulting",
           "Seeland Gartenbau", "Huber & Partner Treuhand", "Aare Elektro", "Emmentaler Holzbau"],
    "fr": ["Léman Informatique", "Atelier Dubois Menuiserie", "Fiduciaire Rochat", "Jura Horlogerie Services",
           "Genevoise de Nettoyage", "Lavaux Caves & Vins", "Carrosserie du Lac"],
    "it": ["Ceresio Informatica", "Ticino Costruzioni", "Fiduciaria Bernasconi", "Gottardo Trasporti",
           "Studio Grafico Riva", "Verzasca Impianti"],
    "li": ["Rheinberg Treuhand", "Vaduzer Bauunternehmung", "Alpina Software", "Gutenberg Druck", "Three Sisters Immobilien"],
}
CH_FORMS = {"de": ["AG", "GmbH"], "fr": ["SA", "Sàrl"], "it": ["SA", "Sagl"], "li": ["AG", "Anstalt", "Est."]}
CH_LABELS = {
    "de": dict(title=["Rechnung", "RECHNUNG"], no=["Rechnungsnummer", "Rechnung Nr.", "Rechnungs-Nr."],
               date=["Rechnungsdatum", "Datum"], cust=["Kundennummer", "Kunden-Nr."], order="Ihre Bestellung vom",
               due="Zahlbar bis", delivery="Lieferdatum", pos="Pos.", art="Art.-Nr.", desc="Bezeichnung", qty="Menge",
               unit="Einheit", price=["Preis", "Einzelpreis"], vatcol="MWST", amount=["Betrag", "Total"],
               net=["Total exkl. MWST", "Zwischentotal", "Nettobetrag"], vat="MWST", on="auf",
               gross=["Total inkl. MWST", "Rechnungsbetrag", "Total"], rounding=["Rundungsdifferenz", "Rundung"],
               discount="Rabatt", terms="Zahlbar innert {d} Tagen netto.", thanks="Besten Dank für Ihren Auftrag.",
               receipt="Empfangsschein", payment="Zahlteil", account="Konto / Zahlbar an", ref="Referenz",
               info="Zusätzliche Informationen", by="Zahlbar durch", cur="Währung", amt="Betrag",
               accept="Annahmestelle", info_text="Rechnung", attn="z. Hd.", vatid="MWST", page="Seite",
               items=[("Installation Wärmepumpe, Montagearbeiten", "Std.", (95, 145), "8.1"),
                      ("Servicepauschale Heizungsanlage", "Pauschal", (180, 420), "8.1"),
                      ("Kupferrohr 22 mm, verchromt", "m", (14, 32), "8.1"),
                      ("Beratung und Konzepterstellung", "Std.", (140, 220), "8.1"),
                      ("Webhosting Business, Jahresgebühr", "Jahr", (240, 480), "8.1"),
                      ("Fachbuch Schweizer Mehrwertsteuerrecht", "Stk.", (68, 119), "2.6"),
                      ("Fahrspesen Pauschale", "Pauschal", (45, 90), "8.1"),
                      ("Buchhaltung und Jahresabschluss 2025", "Pauschal", (1800, 4200), "8.1"),
                      ("Mineralwasser mit Kohlensäure, 6 x 1.5 l", "Pack", (7, 12), "2.6")]),
    "fr": dict(title=["Facture", "FACTURE"], no=["N° de facture", "Facture n°", "Numéro de facture"],
               date=["Date de facture", "Date"], cust=["N° client", "Numéro client"], order="Votre commande du",
               due="Payable jusqu'au", delivery="Date de livraison", pos="Pos.", art="N° art.", desc="Désignation",
               qty="Quantité", unit="Unité", price=["Prix unitaire", "Prix"], vatcol="TVA", amount=["Montant", "Total"],
               net=["Total hors TVA", "Sous-total", "Montant net"], vat="TVA", on="sur",
               gross=["Total TVA incluse", "Montant total", "Total"], rounding=["Arrondi", "Différence d'arrondi"],
               discount="Rabais", terms="Payable à {d} jours net.", thanks="Nous vous remercions de votre confiance.",
               receipt="Récépissé", payment="Section paiement", account="Compte / Payable à", ref="Référence",
               info="Informations supplémentaires", by="Payable par", cur="Monnaie", amt="Montant",
               accept="Point de dépôt", info_text="Facture", attn="À l'att. de", vatid="TVA", page="Page",
               items=[("Travaux de menuiserie, pose de fenêtres", "h", (85, 130), "8.1"),
                      ("Forfait de déplacement", "forfait", (40, 95), "8.1"),
                      ("Nettoyage des bureaux, mois de mars", "forfait", (600, 1800), "8.1"),
                      ("Révision de montre automatique", "pce", (280, 650), "8.1"),
                      ("Chasselas Lavaux AOC 2024, 75 cl", "bt", (14, 28), "8.1"),
                      ("Conseil fiscal et déclaration d'impôt", "h", (150, 240), "8.1"),
                      ("Pain de seigle valaisan AOP", "pce", (5, 9), "2.6"),
                      ("Licence logiciel de gestion, abonnement annuel", "an", (480, 1200), "8.1")]),
    "it": dict(title=["Fattura", "FATTURA"], no=["Fattura n.", "Numero fattura", "N. fattura"],
               date=["Data fattura", "Data"], cust=["N. cliente", "Numero cliente"], order="Vostro ordine del",
               due="Pagabile entro il", delivery="Data di consegna", pos="Pos.", art="N. art.", desc="Descrizione",
               qty="Quantità", unit="Unità", price=["Prezzo unitario", "Prezzo"], vatcol="IVA", amount=["Importo", "Totale"],
               net=["Totale IVA esclusa", "Subtotale", "Importo netto"], vat="IVA", on="su",
               gross=["Totale IVA inclusa", "Importo totale", "Totale"], rounding=["Arrotondamento"],
               discount="Sconto", terms="Pagabile entro {d} giorni netto.", thanks="Grazie per la fiducia accordataci.",
               receipt="Ricevuta", payment="Sezione pagamento", account="Conto / Pagabile a", ref="Riferimento",
               info="Informazioni supplementari", by="Pagabile da", cur="Valuta", amt="Importo",
               accept="Punto di accettazione", info_text="Fattura", attn="All'att. di", vatid="IVA", page="Pagina",
               items=[("Lavori di impiantistica elettrica", "ore", (90, 135), "8.1"),
                      ("Trasporto merci Lugano - Chiasso", "viaggio", (180, 420), "8.1"),
                      ("Progettazione grafica logo e immagine coordinata", "forfait", (900, 2600), "8.1"),
                      ("Cavo elettrico 3 x 2.5 mm²", "m", (3, 8), "8.1"),
                      ("Tenuta contabilità mensile", "mese", (350, 900), "8.1"),
                      ("Formaggio d'alpe ticinese DOP", "kg", (28, 45), "2.6"),
                      ("Consulenza fiscale", "ore", (160, 240), "8.1")]),
}
_MOD10 = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]


def qr_reference(rng: random.Random) -> str:
    """A 27-digit QR reference with its recursive mod-10 check digit, grouped as printed."""
    body = digits(rng, 26)
    carry = 0
    for ch in body:
        carry = _MOD10[(carry + int(ch)) % 10]
    ref = body + str((10 - carry) % 10)
    return ref[:2] + " " + " ".join(ref[i:i + 5] for i in range(2, 27, 5))


def qr_slip(c: Sheet, L: dict, creditor: list[str], account: str, ref: str | None, debtor: list[str], currency: str,
            amount: str, info: str) -> None:
    """The QR-bill payment part and receipt, 105 mm high at the bottom of the current page."""
    top = c.H - 105 * MM
    fam = "helv"
    c.line(0, top, c.W, top, 0.4, dashes="[3 2] 0")
    c.line(62 * MM, top, 62 * MM, c.H, 0.4, dashes="[3 2] 0")
    c.text(8 * MM, top - 5, "\u2702", 9, fam="dejavu_sans")

    def block(x: float, y: float, head: str, rows: list[str], hs: float, vs: float) -> float:
        c.text(x, y, head, hs, True, fam=fam)
        y += hs * 1.5
        for r in rows:
            c.text(x, y, r, vs, fam=fam)
            y += vs * 1.25
        return y + vs * 0.8

    # receipt
    x = 5 * MM
    c.text(x, top + 5 * MM, L["receipt"], 11, True, fam=fam)
    y = block(x, top + 12 * MM, L["account"], [account, *creditor], 6, 8)
    if ref:
        y = block(x, y, L["ref"], [ref], 6, 8)
    block(x, y, L["by"], debtor, 6, 8)
    c.text(x, top + 68 * MM, L["cur"], 6, True, fam=fam)
    c.text(x + 14 * MM, top + 68 * MM, L["amt"], 6, True, fam=fam)
    c.text(x, top + 71.5 * MM, currency, 8, fam=fam)
    c.text(x + 14 * MM, top + 71.5 * MM, amount, 8, fam=fam)
    c.text(57 * MM, top + 82 * MM, L["accept"], 6, True, "r", fam=fam)
    # payment part
    px = 67 * MM
    c.text(px, top + 5 * MM, L["payment"], 11, True, fam=fam)
    c.code2d(px, top + 17 * MM, 46 * MM, 41, cross=True)
    c.text(px, top + 68 * MM, L["cur"], 8, True, fam=fam)
    c.text(px + 16 * MM, top + 68 * MM, L["amt"], 8, True, fam=fam)
    c.text(px, top + 72 * MM, currency, 10, fam=fam)
    c.text(px + 16 * MM, top + 72 * MM, amount, 10, fam=fam)
    rx = 118 * MM
    y = block(rx, top + 5 * MM, L["account"], [account, *creditor], 8, 10)
    if ref:
        y = block(rx, y, L["ref"], [ref], 8, 10)
    y = block(rx, y, L["info"], [info], 8, 10)
    block(rx, y, L["by"], debtor, 8, 10)


def _ch_party(rng: random.Random, region: str, exclude: str = "") -> dict:
    base = rng.choice([n for n in CH_NAMES[region] if n != exclude])
    plz, city = rng.choice(CH_PLACES[region])
    return {"base": base, "name": f"{base} {rng.choice(CH_FORMS[region])}", "street": f"{rng.choice(CH_STREETS[region])} {rng.randint(1, 120)}",
            "city": f"{'FL-' if region == 'li' and rng.random() < 0.3 else ''}{plz} {city}", "town": city}


def build_swiss(rng: random.Random, f: dict):
    region = rng.choice(["de", "de", "de", "fr", "fr", "it", "li"])
    lang = "de" if region == "li" else region
    f.update(lang=lang, locale=f"{lang}-{'LI' if region == 'li' else 'CH'}", date_lang=lang)
    L = CH_LABELS[lang]
    c = new_sheet(rng, f, LATIN_FAMILIES, (8.2, 9.8), (40, 62))
    fmt = fmt_setup(rng, f, ["ch", "ch", "ch", "ch_typo", "space_dot"])
    seller = _ch_party(rng, region)
    buyer = _ch_party(rng, region if rng.random() < 0.7 else rng.choice(["de", "fr", "it"]), seller["base"])
    date = pick_date(rng)
    f["date_style"] = rng.choice(["dmy.", "dmy.", "d. month y" if lang == "de" else "d month y"])
    ds = f["date_style"]
    number = rng.choice([f"RE-{date.year}-{rng.randint(1, 999):04d}", f"{date.year}-{rng.randint(10, 999)}",
                         f"{rng.randint(10000, 99999)}", f"{date:%y}{rng.randint(1000, 9999)}", f"F{rng.randint(100000, 999999)}"])
    f["currency_mark"] = rng.choice(["CHF", "CHF", "Fr."])
    f["rounding_05"] = rng.random() < 0.6
    f["discount"] = rng.random() < 0.25
    f["layout"] = rng.choice(["letterhead", "brand_footer", "sender_line"])
    f["window"] = rng.choice(["left", "right"])
    f["number_in_title"] = rng.random() < 0.4
    f["qr_reference"] = rng.choice(["qrr", "scor", "none"])
    cur = f["currency_mark"]

    items = []
    for desc, unit, (lo, hi), rate in rng.sample(L["items"], rng.randint(1, 6)):
        qty = D(rng.choice(["1", "1", "2", "3", "4.5", "6", "8", "12", "24", "2.25"])) if unit not in ("Pauschal", "forfait") else D(1)
        raw = D(str(rng.uniform(lo, hi)))
        price = r2(r2(raw * 20, 0) / 20 if rng.random() < 0.5 else raw)  # often a round 5-rappen price
        items.append(Item(desc, qty, price, r2(qty * price), {"unit": unit, "rate": D(rate), "art": f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"}))
    if f["discount"]:
        pct = rng.choice([5, 10, 15])
        base = sum((it.amount for it in items), ZERO)
        items.append(Item(f"{L['discount']} {pct}%", None, None, -r2(base * pct / 100), {"unit": "", "rate": D("8.1"), "art": ""}))
    subtotal = sum((it.amount for it in items), ZERO)
    by_rate: dict[Decimal, Decimal] = {}
    for it in items:
        by_rate[it.extra["rate"]] = by_rate.get(it.extra["rate"], ZERO) + it.amount
    vat = {r: r2(b * r / 100) for r, b in by_rate.items()}
    tax = sum(vat.values(), ZERO)
    gross = subtotal + tax
    total = r2((gross * 20).quantize(D(1), rounding=ROUND_HALF_UP) / 20) if f["rounding_05"] else gross
    rounding = total - gross
    f["items_sum_to"], f["charges"] = "subtotal", str(rounding)

    x0, x1, fs = c.M, c.W - c.M, c.fs
    uid = (f"MWST-Nr. {rng.randint(50000, 59999)}" if region == "li"
           else f"CHE-{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)} {L['vatid']}")
    acct_iban = iban(rng, "LI" if region == "li" else "CH", "3" + rng.choice("01") + digits(rng, 3) if f["qr_reference"] == "qrr" else "00" + digits(rng, 3), 12)
    contact = [f"Tel. +{'423' if region == 'li' else '41'} {rng.randint(20, 99)} {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}",
               f"info@{seller['base'].split()[0].lower().replace('é', 'e').replace('ü', 'ue')}.{'li' if region == 'li' else 'ch'}", uid]
    top = c.y
    color = rng.choice(BRAND_COLORS)
    if f["layout"] == "letterhead":
        c.text(x0, top, seller["name"], fs + 6, True, color=color)
        c.lines(x0, top + fs * 2.3, [seller["street"], seller["city"]], fs)
        c.lines(x1, top, contact, fs - 1, align="r")
        addr_top = top + fs * 9
    else:
        brand_mark(c, x0 if f["window"] == "right" else x1 - 150, top, seller["base"].split()[0].upper(), fs + 9, color)
        addr_top = top + fs * 8
    wx = x0 if f["window"] == "left" else c.W / 2 + 20
    if f["layout"] == "sender_line":
        c.text(wx, addr_top - fs * 1.6, f"{seller['name']} \u00b7 {seller['street']} \u00b7 {seller['city']}", fs - 2.5)
        c.line(wx, addr_top - fs * 0.5, wx + c.width(f"{seller['name']} \u00b7 {seller['street']} \u00b7 {seller['city']}", fs - 2.5), addr_top - fs * 0.5, 0.3)
    attn = rng.choice(["Frau Müller", "Herrn Keller", "M. Favre", "Mme Rochat", "Sig.ra Bernasconi", "Herrn Dr. Frei"])
    buyer_lines = [buyer["name"], *([f"{L['attn']} {attn}"] if rng.random() < 0.5 else []), buyer["street"], buyer["city"]]
    c.lines(wx, addr_top, buyer_lines, fs + 0.5)
    meta = [(rng.choice(L["no"]), number), (rng.choice(L["date"]), fmt_date(date, ds, lang)),
            (rng.choice(L["cust"]), f"{rng.randint(1000, 99999)}"),
            (L["order"], fmt_date(date - dt.timedelta(days=rng.randint(5, 40)), "dmy.")),
            (L["due"], fmt_date(date + dt.timedelta(days=30), "dmy."))]
    if f["number_in_title"]:
        meta = meta[1:]
    tail = meta[1:]
    rng.shuffle(tail)
    meta = [meta[0], *tail]
    mx = c.W / 2 + 20 if f["window"] == "left" else x0
    lw = max(c.width(k, fs - 0.5) for k, _ in meta) + 8
    my = kv(c, mx, addr_top, meta, lw, fs - 0.5)
    c.y = max(my, addr_top + len(buyer_lines) * fs * 1.8) + fs * 2
    title = rng.choice(L["title"])
    c.text(x0, c.y, f"{title} {number}" if f["number_in_title"] else title, fs + 5, True)
    c.y += fs * 3
    cols = [Col("pos", L["pos"], 4, "l"), Col("desc", L["desc"], 28), Col("qty", L["qty"], 7, "r"),
            Col("unit", L["unit"], 7.5), Col("price", rng.choice(L["price"]), 9, "r"), Col("amount", rng.choice(L["amount"]) + f" {cur}", 10, "r")]
    if rng.random() < 0.4:
        cols.insert(1, Col("art", L["art"], 7))
    if len(by_rate) > 1 or rng.random() < 0.3:
        cols.insert(-1, Col("vat", L["vatcol"], 5, "r"))
    if rng.random() < 0.4:  # quantity before the description
        q = [col for col in cols if col.key in ("qty", "unit")]
        cols = [cols[0], *q, *[col for col in cols[1:] if col.key not in ("qty", "unit")]]
    rows = []
    pos_step = rng.choice([1, 1, 10])
    for k, it in enumerate(items, 1):
        rows.append({"pos": str(k * pos_step), "desc": it.desc, "art": it.extra["art"],
                     "qty": fmt.qty(it.qty) if it.qty is not None else "", "unit": it.extra["unit"],
                     "price": fmt.num(it.price) if it.price is not None else "", "vat": f"{it.extra['rate']}%",
                     "amount": fmt.amt(it.amount)})
    table(c, cols, rows, style=rng.choice(["lines", "plain", "zebra"]), head_fill=LIGHT if rng.random() < 0.4 else None)
    trs = [(rng.choice(L["net"]), fmt.num(subtotal), False)]
    for r, v in sorted(vat.items()):
        trs.append((f"{L['vat']} {r}% {L['on']} {fmt.num(by_rate[r])}" if rng.random() < 0.5 else f"{L['vat']} {r}%", fmt.num(v), False))
    if rounding:
        trs.append((rng.choice(L["rounding"]), fmt.amt(rounding), False))
    trs.append((f"{rng.choice(L['gross'])} {cur}", fmt.num(total), True))
    totals(c, trs, x_label=x0 + (x1 - x0) * 0.45, x_val=x1 - 3)
    c.y += fs
    c.para(x0, L["terms"].format(d=30) + " " + L["thanks"], x1 - x0, fs)
    if f["layout"] != "letterhead":
        c.y += fs
        foot = f"{seller['name']} \u00b7 {seller['street']} \u00b7 {seller['city']} \u00b7 {contact[0]} \u00b7 {uid}"
        c.para(x0, foot, x1 - x0, fs - 2, color=GREY)
    c.y += fs
    c.text(x0, c.y, f"IBAN {acct_iban}  \u00b7  {rng.choice(['PostFinance AG', 'UBS Switzerland AG', 'Zürcher Kantonalbank', 'Banque Cantonale Vaudoise', 'Banca dello Stato del Cantone Ticino', 'LGT Bank AG'])}", fs - 1.5, color=GREY)
    c.y += fs * 2
    if c.y > c.H - 105 * MM - 6:
        c.new_page()
    ref = {"qrr": qr_reference(rng), "scor": f"RF{rng.randint(10, 99)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}", "none": None}[f["qr_reference"]]
    slip_amount = NumFmt("space_dot").num(total)
    qr_slip(c, L, [seller["name"], seller["street"], seller["city"]], acct_iban, ref,
            [buyer["name"], buyer["street"], buyer["city"]], "CHF", slip_amount, f"{L['info_text']} {number}")
    return c, make_truth(number=number, date=date, issuer=seller["name"], customer=buyer["name"], currency="CHF",
                         items=items, subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# a standard letterhead used by several archetypes


def std_header(c: Sheet, rng: random.Random, f: dict, *, title: str, seller: dict, buyer: dict,
               meta: list[tuple[str, str]], ship: dict | None = None, positions=("left", "right", "center", "brand", "footer"),
               title_size: float = 9.0) -> list[str]:
    """Issuer (left, right, centred, brand word with the legal name in small print, or a brand word
    with the legal name only in the footer), title, meta data (right column, a row of boxes or under
    the title) and the bill-to / ship-to blocks. ``seller``/``buyer``: name, lines, title (buyer).
    Returns the footer lines the issuer position asks for."""
    x0, x1, fs = c.M, c.W - c.M, c.fs
    pos = f.setdefault("issuer_pos", rng.choice(list(positions)))
    mpos = f.setdefault("meta_pos", rng.choice(["right", "boxes", "under_title"]))
    color = rng.choice(BRAND_COLORS) if rng.random() < 0.6 else BLACK
    top = c.y
    footer = []
    brand = seller.get("brand") or seller["name"].split()[0].upper()
    if pos == "left":
        c.text(x0, top, seller["name"], fs + 4, True, color=color)
        y = c.lines(x0, top + fs * 2, seller["lines"], fs - 0.5)
    elif pos == "right":
        c.text(x1, top, seller["name"], fs + 4, True, "r", color)
        y = c.lines(x1, top + fs * 2, seller["lines"], fs - 0.5, align="r")
    elif pos == "center":
        c.text(c.W / 2, top, seller["name"], fs + 5, True, "c", color)
        y = top + fs * 2.2
        for ln in c.wrap("  \u00b7  ".join(seller["lines"]), x1 - x0, fs - 1):
            c.text(c.W / 2, y, ln, fs - 1, align="c")
            y += fs * 1.3
        c.line(x0, y + 2, x1, y + 2, 0.6, color)
        y += fs
    else:
        brand_mark(c, x0, top, brand, fs + 12, color if color != BLACK else BRAND_COLORS[0])
        y = top + fs * 3.2
        if pos == "brand":
            c.text(x0, y, seller["name"], fs - 0.5, True)
            y = c.lines(x0, y + fs * 1.3, seller["lines"], fs - 1)
        else:
            footer = [seller["name"], "  \u00b7  ".join(seller["lines"])]
    tx, talign = (x0, "l") if pos == "right" else (x1, "r")
    ty = top if pos != "center" else y + fs * 0.5
    # the title shares its line with the issuer's name or brand: shrink it, or put it below
    if pos in ("left", "right"):
        taken = c.width(seller["name"], fs + 4, True)
    elif pos in ("brand", "footer"):
        taken = (fs + 12) * 0.9 + 6 + c.width(brand, fs + 12, True)
    else:
        taken = 0
    ts = fs + title_size
    while c.width(title, ts, True) > x1 - x0 - taken - 24 and ts > fs + 1:
        ts -= 0.5
    if c.width(title, ts, True) > x1 - x0 - taken - 24:
        ty = y + fs * 0.5
    c.text(tx, ty, title, ts, True, talign, color)
    ty += ts + fs * 1.2
    lw = max(c.width(k, fs) for k, _ in meta) + 10
    vw = max(c.width(v, fs, True) for _, v in meta)
    if mpos == "under_title" or (mpos == "right" and pos != "right"):
        mx = tx if talign == "l" else x1 - lw - vw
        ty = kv(c, mx, ty, meta, lw, fs, True)
        y = max(y, ty)
    c.y = max(y, ty) + fs
    if mpos == "boxes" or (mpos == "right" and pos == "right"):
        n = len(meta)
        bw = (x1 - x0) / n
        for k, (label, value) in enumerate(meta):
            c.rect(x0 + k * bw, c.y, x0 + (k + 1) * bw, c.y + fs * 3.4, fill=LIGHT if k % 2 == 0 else None, width=0.5)
            c.text(x0 + k * bw + 4, c.y + 3, label, fs - 1.5, color=GREY)
            vs = fs
            while c.width(value, vs, True) > bw - 8 and vs > 5:
                vs -= 0.25
            c.text(x0 + k * bw + 4, c.y + 4 + fs * 1.3, value, vs, True)
        c.y += fs * 4.6
    y1 = party(c, x0, c.y, buyer.get("title"), buyer["name"], buyer["lines"])
    y2 = party(c, (x0 + x1) / 2, c.y, ship["title"], ship["name"], ship["lines"]) if ship else y1
    c.y = max(y1, y2) + fs * 1.2
    return footer


def std_footer(c: Sheet, lines: list[str], page_label: str | None = None, align: str = "c") -> None:
    """Small print at the bottom of every page, and 'Page x of y' if ``page_label`` ('Page {i} of {n}')."""
    fs = c.fs

    def draw(s: Sheet, i: int, n: int) -> None:
        y = s.H - s.M * 0.6 - fs * 1.2 * len(lines)
        x = s.W / 2 if align == "c" else s.M
        for ln in lines:
            for part in s.wrap(ln, s.W - 2 * s.M, fs - 2):
                s.text(x, y, part, fs - 2, align=align, color=GREY)
                y += (fs - 2) * 1.3
        if page_label and (n > 1 or "{n}" not in page_label):
            s.text(s.W - s.M, s.H - s.M * 0.6, page_label.format(i=i, n=n), fs - 1.5, align="r")

    c.footer = draw
    c.bottom_margin = c.M * 0.6 + fs * (1.2 * len(lines) + 3.5)


def std_totals(c: Sheet, rng: random.Random, f: dict, rows: list[tuple[str, str, bool]],
               styles=("right", "right", "left_box", "right_box")) -> None:
    """The totals block: right-aligned rows, or a box at the left or right."""
    x0, x1 = c.M, c.W - c.M
    style = f.setdefault("totals_style", rng.choice(list(styles)))
    if style == "right":
        totals(c, rows, x_label=x0 + (x1 - x0) * 0.5, x_val=x1 - 3)
    elif style == "left_box":
        totals(c, rows, x_label=x0 + 6, x_val=x0 + (x1 - x0) * 0.45, box=True)
    elif style == "right_box":
        totals(c, rows, x_label=x0 + (x1 - x0) * 0.55, x_val=x1 - 6, box=True)
    elif style == "below":  # each amount with its label on the line below it
        fs = c.fs
        c.need(len(rows) * fs * 3 + 10)
        for label, value, bold in rows:
            c.text(x1 - 3, c.y, value, fs + (4 if bold else 1), bold, "r")
            c.y += (fs + (4 if bold else 1)) * 1.2
            c.text(x1 - 3, c.y, label, fs - 1.5, align="r", color=GREY)
            c.y += fs * 1.6
    elif style == "label_left_far":  # labels at the left margin, amounts at the right
        totals(c, rows, x_label=x0, x_val=x1 - 3, rule_before_last=False)


# ----------------------------------------------------------------------------------------------
# 3. Canada / Australia / New Zealand / South Africa / Ireland

CW_NAMES = {
    "CA": (["Maple Ridge Consulting", "Laurentian Supply", "Boréal Technologies", "Northshore Plumbing",
            "Prairie Grain Logistics", "Côte-Nord Électrique", "Rideau Office Interiors"], ["Inc.", "Ltd.", "Ltée", "Corp."]),
    "AU": (["Southern Cross Electrical", "Wattle Creek Landscaping", "Harbourside IT Services", "Outback Freight Co",
            "Kookaburra Print", "Coral Coast Plumbing"], ["Pty Ltd", "Pty. Limited"]),
    "NZ": (["Kiwi Coast Builders", "Tasman Digital", "Aoraki Engineering", "Pohutukawa Catering", "Rangitoto Marine"],
           ["Limited", "Ltd"]),
    "ZA": (["Table Mountain Solutions", "Highveld Security", "Karoo Agri Supplies", "Protea Office Furniture",
            "Ubuntu Software", "Drakensberg Tyres"], ["(Pty) Ltd", "(Pty) Limited", "CC"]),
    "IE": (["Liffey Digital", "Shannon Engineering", "Connemara Crafts", "Emerald Facilities Management",
            "Wicklow Print & Design", "Burren Analytics"], ["Limited", "Ltd", "DAC"]),
}
CW_ADDR = {
    "QC": [("rue Sainte-Catherine O.", "Montréal (Québec) H3G 1P1"), ("boul. Laurier", "Québec (Québec) G1V 2L8"),
           ("rue King O.", "Sherbrooke (Québec) J1H 1P4")],
    "ON": [("King St W", "Toronto, ON M5H 1K4"), ("Sparks St", "Ottawa, ON K1P 5B5"), ("Dundas St", "London, ON N6A 1G7")],
    "BC": [("W Georgia St", "Vancouver, BC V6E 3P3"), ("Douglas St", "Victoria, BC V8W 2E7")],
    "AB": [("101 St NW", "Edmonton, AB T5J 3S4"), ("8 Ave SW", "Calgary, AB T2P 1B5")],
    "AU": [("George Street", "Sydney NSW 2000"), ("Flinders Lane", "Melbourne VIC 3000"), ("Adelaide Street", "Brisbane QLD 4000"),
           ("Hay Street", "Perth WA 6000"), ("Rundle Mall", "Adelaide SA 5000")],
    "NZ": [("Customs Street East", "Auckland 1010"), ("Cuba Street", "Wellington 6011"), ("Colombo Street", "Christchurch 8011"),
           ("Victoria Street", "Hamilton 3204")],
    "ZA": [("Loop Street", "Cape Town, 8001"), ("Rivonia Road", "Sandton, Johannesburg, 2196"), ("Florida Road", "Durban, 4001"),
           ("Church Street", "Pretoria, 0002")],
    "IE": [("Sandyford Business Park", "Dublin 18, D18 K7W2"), ("Eyre Square", "Galway, H91 X2Y3"),
           ("Patrick Street", "Cork, T12 AB34"), ("O'Connell Street", "Limerick, V94 E2K4")],
}
CW_ITEMS = [("Network installation and configuration", (85, 165), "hrs"), ("Annual software support plan", (450, 2400), ""),
            ("Site inspection and report", (250, 900), ""), ("Labour - electrician", (75, 120), "hrs"),
            ("LED downlights, 10 W warm white", (12, 38), "ea"), ("Copper cable 2.5 mm twin and earth, 100 m", (95, 180), "roll"),
            ("Graphic design - brochure layout", (60, 140), "hrs"), ("Catering for staff workshop, 25 guests", (400, 1400), ""),
            ("Office desks, 1600 x 800 mm", (280, 650), "ea"), ("Monthly bookkeeping services", (300, 1200), "month"),
            ("Call-out fee", (60, 150), ""), ("Security patrol services, night shift", (35, 70), "hrs"),
            ("Printer toner cartridges, black", (45, 120), "ea"), ("Garden maintenance, fortnightly visit", (90, 260), "visit")]
CW_FR = {"Network installation and configuration": "Installation et configuration réseau",
         "Annual software support plan": "Plan de soutien logiciel annuel", "Call-out fee": "Frais de déplacement",
         "Monthly bookkeeping services": "Services de tenue de livres mensuels"}


def build_commonwealth(rng: random.Random, f: dict):
    country = rng.choice(["CA", "CA", "AU", "NZ", "ZA", "IE"])
    prov = rng.choice(["QC", "QC", "ON", "BC", "AB"]) if country == "CA" else country
    bilingual = prov == "QC" or (country == "CA" and rng.random() < 0.2)
    f.update(country=country, region=prov, lang="en", locale=f"en-{country}", bilingual=bilingual, date_lang="en")
    letter = country == "CA" and rng.random() < 0.4
    c = new_sheet(rng, f, LATIN_FAMILIES, (8.2, 10.0), (36, 60), (612.0, 792.0) if letter else (595.0, 842.0))
    styles = {"CA": ["us", "space_comma"] if bilingual else ["us"], "AU": ["us"], "NZ": ["us"],
              "ZA": ["us", "space_dot", "space_comma"], "IE": ["us"]}[country]
    fmt = fmt_setup(rng, f, styles)
    currency = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "ZA": "ZAR", "IE": "EUR"}[country]
    sym = {"CA": "$", "AU": "$", "NZ": "$", "ZA": "R", "IE": "€"}[country]
    f["code_shown"] = country not in ("ZA", "IE") or rng.random() < 0.4
    f["date_style"] = rng.choice({"CA": ["ymd", "month d, y", "mon d, y", "ymd"], "AU": ["dmy/", "d mon y", "d month y"],
                                  "NZ": ["dmy/", "d month y", "d mon y"], "ZA": ["ymd/", "dmy/", "d month y", "ymd"],
                                  "IE": ["dmy/", "d month y", "d ord month y", "dmy-"]}[country])
    if bilingual and f["date_style"] != "ymd" and rng.random() < 0.5:
        f["date_style"], f["date_lang"] = "d month y", "fr"
    date = pick_date(rng)

    def d(x: dt.date) -> str:
        return fmt_date(x, f["date_style"], f["date_lang"])

    sym_sep = " " if sym == "R" and rng.random() < 0.5 else ""

    def money(v: Decimal) -> str:
        s = fmt.amt(v)
        if sym == "$" and fmt.ds == ",":
            return f"{s} $"
        return f"{sym}{sym_sep}{s}"

    def bi(en: str, fr: str) -> str:
        if en == fr:
            return en
        return f"{fr} / {en}" if prov == "QC" and bilingual else f"{en} / {fr}" if bilingual else en

    names, forms = CW_NAMES[country]
    sbase = rng.choice(names)
    sname = f"{sbase} {rng.choice(forms)}"
    cname = f"{rng.choice([n for n in names if n != sbase])} {rng.choice(forms)}"
    street, city = rng.choice(CW_ADDR[prov])
    bregion = prov if rng.random() < 0.7 or country != "CA" else rng.choice(["QC", "ON", "BC", "AB"])
    bstreet, bcity = rng.choice(CW_ADDR[bregion])
    # taxes
    if country == "CA":
        taxes = {"QC": [("GST", "TPS", D("5")), ("QST", "TVQ", D("9.975"))], "ON": [("HST", "TVH", D("13"))],
                 "BC": [("GST", "TPS", D("5")), ("PST", "TVP", D("7"))], "AB": [("GST", "TPS", D("5"))]}[prov]
    else:
        word = "GST" if country in ("AU", "NZ") else "VAT"
        rate = {"AU": D("10"), "NZ": D("15"), "ZA": D("15"), "IE": D("23")}[country]
        taxes = [(word, word, rate)]
    f["inclusive"] = country in ("AU", "NZ") and rng.random() < 0.45
    seller_ids = {
        "CA": [f"GST/HST No. {digits(rng, 9)} RT0001"] + ([f"QST No. {digits(rng, 10)} TQ0001"] if prov == "QC" else []),
        "AU": [f"ABN {digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"] + ([f"ACN {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"] if rng.random() < 0.4 else []),
        "NZ": [f"GST No. {digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}", f"NZBN 9429{digits(rng, 9)}"],
        "ZA": [f"VAT No. 4{digits(rng, 9)}", f"Reg. No. {rng.randint(1995, 2022)}/{digits(rng, 6)}/07"],
        "IE": [f"VAT No. IE {digits(rng, 7)}{letters(rng, 1)}", f"CRO No. {rng.randint(100000, 799999)}"],
    }[country]
    phone = {"CA": f"({rng.randint(400, 905)}) {digits(rng, 3)}-{digits(rng, 4)}", "AU": f"(02) {digits(rng, 4)} {digits(rng, 4)}",
             "NZ": f"+64 9 {digits(rng, 3)} {digits(rng, 4)}", "ZA": f"+27 21 {digits(rng, 3)} {digits(rng, 4)}",
             "IE": f"+353 1 {digits(rng, 3)} {digits(rng, 4)}"}[country]
    seller = {"name": sname, "lines": [f"{rng.randint(1, 2400)} {street}", city, f"Tel. {phone}", *seller_ids]}
    buyer_lines = [f"{rng.randint(1, 900)} {bstreet}", bcity]
    if country == "ZA" and rng.random() < 0.5:
        buyer_lines.append(f"Customer VAT No. 4{digits(rng, 9)}")
    buyer = {"title": bi("Bill To", "Facturer à"), "name": cname, "lines": buyer_lines}
    number = rng.choice([f"INV-{rng.randint(1000, 99999)}", f"{rng.randint(10000, 999999)}", f"{date.year}-{rng.randint(1, 9999):04d}",
                         f"TI{rng.randint(100000, 999999)}", f"{letters(rng, 2)}{date:%y}{rng.randint(100, 9999):04d}"])
    meta = [(bi("Invoice No.", "No de facture"), number), (bi("Date", "Date"), d(date)),
            (bi("Due Date", "Échéance"), d(date + dt.timedelta(days=rng.choice([7, 14, 20, 30]))))]
    if rng.random() < 0.6:
        meta.append((bi("Customer ID", "No client") if rng.random() < 0.5 else "Account No.", f"{letters(rng, 3)}{rng.randint(100, 9999)}"))
    if rng.random() < 0.5:
        meta.append(("PO Number" if not bilingual else bi("PO No.", "Bon de commande"), f"PO{rng.randint(10000, 99999)}"))
    title = {"CA": bi("INVOICE", "FACTURE"), "AU": "TAX INVOICE", "NZ": rng.choice(["TAX INVOICE", "Tax Invoice"]),
             "ZA": "TAX INVOICE", "IE": rng.choice(["INVOICE", "VAT INVOICE", "Invoice"])}[country]
    ship = None
    if rng.random() < 0.35:
        ship = {"title": bi("Ship To", "Expédier à"), "name": cname, "lines": [f"{rng.randint(1, 900)} {rng.choice(CW_ADDR[bregion])[0]}", bcity]}
    footer = std_header(c, rng, f, title=title, seller=seller, buyer=buyer, meta=meta, ship=ship, title_size=rng.choice([6, 9, 12]))
    std_footer(c, footer or [rng.choice(["Thank you for your business!", "Payment terms: 14 days.", bi("Thank you!", "Merci!")])],
               "Page {i} of {n}" if rng.random() < 0.4 else None)

    items = []
    ie_rates = [D("23"), D("13.5")]
    for desc, (lo, hi), unit in rng.sample(CW_ITEMS, rng.randint(1, 7)):
        if bilingual and desc in CW_FR and rng.random() < 0.7:
            desc = f"{desc} / {CW_FR[desc]}" if prov != "QC" else f"{CW_FR[desc]} / {desc}"
        qty = D(rng.choice(["1", "1", "2", "3", "4", "6", "10", "2.5", "7.5", "12"])) if unit else D(1)
        price = r2(D(str(rng.uniform(lo, hi))))
        rate = rng.choice(ie_rates) if country == "IE" else taxes[0][2]
        items.append(Item(desc, qty, price, r2(qty * price), {"unit": unit, "rate": rate}))
    f["qty_printed"] = rng.random() < 0.85
    if not f["qty_printed"]:
        for it in items:
            it.qty, it.price = None, None
    lines_sum = sum((it.amount for it in items), ZERO)
    tax_lines: list[tuple[str, Decimal]] = []
    if f["inclusive"]:
        rate = taxes[0][2]
        tax = r2(lines_sum * rate / (100 + rate))
        subtotal, total = lines_sum - tax, lines_sum
        f["items_sum_to"] = "total"
    else:
        if country == "IE":
            for rate in ie_rates:
                base = sum((it.amount for it in items if it.extra["rate"] == rate), ZERO)
                if base:
                    tax_lines.append((f"VAT @ {rate}%", r2(base * rate / 100)))
        else:
            for en, fr, rate in taxes:
                tax_lines.append((bi(f"{en} ({rate}%)", f"{fr} ({rate} %)"), r2(lines_sum * rate / 100)))
        tax = sum((v for _, v in tax_lines), ZERO)
        subtotal, total = lines_sum, lines_sum + tax
        f["items_sum_to"] = "subtotal"
    f["charges"] = "0"
    cols = [Col("desc", bi("Description", "Description"), 30), Col("qty", bi("Qty", "Qté"), 6, "r"),
            Col("price", bi("Unit Price", "Prix unitaire"), 10, "r"), Col("amount", bi("Amount", "Montant"), 11, "r")]
    if not f["qty_printed"]:
        cols = [cols[0], cols[3]]
    elif rng.random() < 0.3:
        cols = [cols[1], cols[0], cols[2], cols[3]]
    if country in ("AU", "NZ") and not f["inclusive"] and f["qty_printed"] and rng.random() < 0.5:
        cols.insert(-1, Col("gst", taxes[0][0], 8, "r"))
    if country == "IE" and rng.random() < 0.6:
        cols.insert(-1, Col("vat", "VAT %", 6, "r"))
    if rng.random() < 0.3:
        cols.insert(0, Col("code", "Item" if not bilingual else bi("Item", "Article"), 7))
    if f["code_shown"] and rng.random() < 0.5:
        cols[-1].head += f" ({currency})"
    rows = []
    for it in items:
        rows.append({"desc": it.desc, "qty": fmt.qty(it.qty) if it.qty is not None else "",
                     "price": fmt.num(it.price) if it.price is not None else "", "amount": fmt.num(it.amount),
                     "gst": fmt.num(r2(it.amount * it.extra["rate"] / 100)), "vat": f"{it.extra['rate']}",
                     "code": f"{letters(rng, 2)}-{rng.randint(100, 999)}"})
    table(c, cols, rows, style=rng.choice(["lines", "zebra", "grid", "dotted"]), head_fill=LIGHT if rng.random() < 0.5 else None)
    code = f" {currency}" if f["code_shown"] else ""
    trs = []
    if f["inclusive"]:
        trs.append((f"Total{code} (incl. {taxes[0][0]})" if rng.random() < 0.5 else f"Total{code}", money(total), True))
        trs.append((f"Includes {taxes[0][0]} of" if rng.random() < 0.5 else f"{taxes[0][0]} included in total", money(tax), False))
        if rng.random() < 0.5:
            trs.insert(1, (f"Total excl. {taxes[0][0]}", money(subtotal), False))
    else:
        trs.append((bi("Subtotal", "Sous-total") if country != "ZA" else rng.choice(["Sub Total (Excl. VAT)", "Subtotal"]), money(subtotal), False))
        trs += [(label, money(v), False) for label, v in tax_lines]
        trs.append((bi(f"Total{code}", f"Total{code}") if country != "ZA" else f"Total (Incl. VAT){code}", money(total), True))
    std_totals(c, rng, f, trs)
    f["previous_balance"] = rng.random() < 0.15
    if f["previous_balance"]:
        prev = r2(D(str(rng.uniform(100, 3000))))
        paid = prev if rng.random() < 0.5 else r2(prev * D("0.5"))
        c.y += c.fs
        c.text(c.M, c.y, "Account summary", c.fs, True)
        c.y += c.fs * 1.5
        totals(c, [("Previous balance", money(prev), False), ("Payment received - thank you", money(-paid), False),
                   ("This invoice", money(total), False), ("Balance due", money(prev - paid + total), True)],
               x_label=c.M, x_val=c.M + 260)
    bank = {"CA": [f"Transit {digits(rng, 5)}  Institution 00{rng.randint(1, 9)}  Account {digits(rng, 7)}"],
            "AU": [f"BSB {digits(rng, 3)}-{digits(rng, 3)}  Account {digits(rng, 4)} {digits(rng, 4)}"],
            "NZ": [f"Bank account 12-{digits(rng, 4)}-{digits(rng, 7)}-00"],
            "ZA": [f"FNB Branch code 250655  Account no. 62{digits(rng, 9)}"],
            "IE": [f"IBAN {iban(rng, 'IE', 'AIBK' + digits(rng, 6), 8)}  BIC AIBKIE2D"]}[country]
    c.y += c.fs
    c.need(c.fs * 4)
    c.text(c.M, c.y, bi("Payment details", "Modalités de paiement"), c.fs, True)
    c.y = c.lines(c.M, c.y + c.fs * 1.4, [*bank, f"Please quote {number} as the payment reference."], c.fs - 0.5)
    if f["code_shown"] and rng.random() < 0.5:
        c.text(c.M, c.y + 4, bi(f"All amounts are in {currency}.", f"Tous les montants sont en {currency}."), c.fs - 1, color=GREY)
    return c, make_truth(number=number, date=date, issuer=sname, customer=cname, currency=currency, items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# 4. Latin America: Mexico CFDI, Brazil DANFE, Argentina Factura A/B, Chile factura electronica


def _mod11(nums: list[int], weights: list[int]) -> int:
    return sum(a * b for a, b in zip(nums, weights)) % 11


def cnpj(rng: random.Random) -> tuple[str, str]:
    n = [int(x) for x in digits(rng, 8)] + [0, 0, 0, 1]
    for w in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
        s = _mod11(n, w)
        n.append(0 if s < 2 else 11 - s)
    s = "".join(map(str, n))
    return f"{s[:2]}.{s[2:5]}.{s[5:8]}/{s[8:12]}-{s[12:]}", s


def cuit(rng: random.Random, prefix: str) -> str:
    while True:
        body = prefix + digits(rng, 8)
        dv = 11 - _mod11([int(x) for x in body], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if dv != 10:
            return f"{body[:2]}-{body[2:]}-{0 if dv == 11 else dv}"


def rut(rng: random.Random) -> str:
    body = str(rng.randint(76000000, 77999999))
    s = sum(int(ch) * (2 + k % 6) for k, ch in enumerate(reversed(body)))
    dv = {10: "K", 11: "0"}.get(11 - s % 11, str(11 - s % 11))
    return f"{body[:2]}.{body[2:5]}.{body[5:]}-{dv}"


def rfc(rng: random.Random, name: str, person: bool) -> str:
    initials = "".join(w[0] for w in name.replace(",", "").split() if w[0].isalpha() and len(w) > 2)
    initials = (initials + "XXXX")[:4 if person else 3]
    return initials.upper() + f"{rng.randint(60, 99) if person else rng.randint(0, 22):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + \
        letters(rng, 2, "ABCDEFGHJKLMNPRSTUVWXYZ123456789") + rng.choice("0123456789A")


MX_EMISORES = ["COMERCIALIZADORA DEL BAJÍO S.A. DE C.V.", "SERVICIOS INTEGRALES REGIOMONTANOS S.A. DE C.V.",
               "DISTRIBUIDORA FARMACÉUTICA DEL PACÍFICO S.A. DE C.V.", "TECNOLOGÍAS AZTECA S. DE R.L. DE C.V.",
               "CONSTRUCTORA SIERRA MADRE S.A. DE C.V.", "GRUPO LOGÍSTICO DEL GOLFO S.A.P.I. DE C.V."]
MX_PERSONAS = ["MARÍA FERNANDA LÓPEZ GARCÍA", "JOSÉ ANTONIO RAMÍREZ TORRES", "ANA SOFÍA HERNÁNDEZ RUIZ"]
MX_ITEMS = [("Servicio de consultoría en sistemas de información", "81111500", "E48", "Unidad de servicio", (8000, 45000)),
            ("Licencia de software de gestión, suscripción anual", "43232400", "E48", "Unidad de servicio", (12000, 60000)),
            ("Tóner para impresora láser, negro", "44103103", "H87", "Pieza", (900, 2400)),
            ("Mantenimiento preventivo de equipo de aire acondicionado", "72101500", "E48", "Unidad de servicio", (2500, 9000)),
            ("Papel bond tamaño carta, caja con 10 paquetes", "14111507", "XBX", "Caja", (700, 1100)),
            ("Renta mensual de montacargas eléctrico", "78181800", "MON", "Mes", (15000, 30000)),
            ("Honorarios por asesoría contable y fiscal", "84111500", "E48", "Unidad de servicio", (5000, 20000))]
BR_EMITENTES = ["INDÚSTRIA METALÚRGICA PAULISTA LTDA", "COMERCIAL DE FERRAGENS RIO GRANDE LTDA",
                "DISTRIBUIDORA DE TINTAS MINAS GERAIS S.A.", "ELÉTRICA CAPIXABA COMÉRCIO LTDA", "SUPRIMENTOS INDUSTRIAIS RECIFE EIRELI"]
BR_ITEMS = [("PARAFUSO SEXTAVADO M10 X 50 ZINCADO", "73181500", "CX", (35, 90)),
            ("CHAPA DE AÇO CARBONO 2MM 1000X2000", "72085200", "PC", (380, 720)),
            ("TINTA ACRÍLICA FOSCA BRANCO NEVE 18L", "32091010", "GL", (210, 480)),
            ("CABO FLEXÍVEL 2,5MM 100M AZUL", "85444900", "RL", (180, 360)),
            ("VÁLVULA ESFERA LATÃO 1/2 POLEGADA", "84818099", "UN", (28, 75)),
            ("LUVA NITRÍLICA DESCARTÁVEL CAIXA COM 100", "40151900", "CX", (32, 60)),
            ("DISCO DE CORTE INOX 7 POLEGADAS", "68042211", "UN", (9, 22))]
AR_EMISORES = ["DISTRIBUIDORA DEL PLATA S.R.L.", "SERVICIOS INFORMÁTICOS PAMPA S.A.", "FERRETERÍA INDUSTRIAL ROSARIO S.A.",
               "LIBRERÍA Y PAPELERÍA CUYO S.R.L.", "TRANSPORTES PATAGÓNICOS S.A."]
AR_CONSUMIDORES = ["PÉREZ, JUAN CARLOS", "GÓMEZ, MARÍA LAURA", "FERNÁNDEZ, DIEGO MARTÍN"]
AR_ITEMS = [("Servicio de mantenimiento mensual de redes", "unidades", (80000, 450000), "21"),
            ("Resma papel A4 75 g", "unidades", (6000, 9500), "21"), ("Cartucho de tinta negro original", "unidades", (15000, 42000), "21"),
            ("Honorarios profesionales", "unidades", (150000, 900000), "21"), ("Yerba mate con palo 1 kg", "unidades", (3500, 6500), "10.5"),
            ("Flete a domicilio", "unidades", (12000, 45000), "21"), ("Harina de trigo 000, bolsa 25 kg", "unidades", (14000, 26000), "10.5")]
CL_EMISORES = ["SERVICIOS INFORMÁTICOS ANDES SpA", "COMERCIAL PATAGONIA LIMITADA", "CONSTRUCTORA LOS AROMOS S.A.",
               "DISTRIBUIDORA DEL PACÍFICO SUR LTDA.", "ASESORÍAS CONTABLES VALPARAÍSO SpA"]
CL_ITEMS = [("Desarrollo de módulo de facturación", (450000, 2500000)), ("Soporte técnico mensual", (120000, 600000)),
            ("Notebook Lenovo ThinkPad E14", (650000, 1100000)), ("Licencia Microsoft 365 Business anual", (90000, 160000)),
            ("Cable UTP Cat6 caja 305 m", (75000, 140000)), ("Mouse inalámbrico", (8000, 25000)),
            ("Arriendo de bodega, marzo", (350000, 900000))]


def build_latam(rng: random.Random, f: dict):
    country = rng.choice(["MX", "BR", "AR", "CL"])
    f.update(country=country, lang="pt" if country == "BR" else "es", locale=f"{'pt' if country == 'BR' else 'es'}-{country}",
             date_lang="pt" if country == "BR" else "es")
    return {"MX": _mexico, "BR": _brazil, "AR": _argentina, "CL": _chile}[country](rng, f)


def _mexico(rng: random.Random, f: dict):
    c = new_sheet(rng, f, LATIN_FAMILIES, (7.0, 8.4), (26, 40))
    fmt = fmt_setup(rng, f, ["us"])
    person = rng.random() < 0.3
    issuer = rng.choice(MX_PERSONAS) if person else rng.choice(MX_EMISORES)
    customer = rng.choice([e for e in MX_EMISORES if e != issuer])
    date = pick_date(rng)
    f["time"] = f"{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    f["date_style"] = rng.choice(["iso_t", "iso_t", "dmy/ t"])
    f["withholdings"] = person
    f["currency_code_shown"] = rng.random() < 0.7
    serie = rng.choice(["A", "F", "FAC", "MTY", ""])
    folio = rng.randint(100, 99999)
    number = f"{serie}-{folio}" if serie and rng.random() < 0.5 else f"{serie}{folio}"
    uid = uuid(rng)
    cert_time = f"{rng.randint(8, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    cert = fmt_date(date + dt.timedelta(days=rng.choice([0, 0, 1])), "iso_t", time=cert_time)
    x0, x1, fs = c.M, c.W - c.M, c.fs
    mid = x0 + (x1 - x0) * 0.5
    top = c.y
    if not person and rng.random() < 0.5:
        brand_mark(c, x0, top, issuer.split()[0].title(), fs + 9, rng.choice(BRAND_COLORS))
        top += fs * 3
    y = c.lines(x0, top, [issuer], fs + 1.5, bold_first=True)
    regimen = "612 - Personas Físicas con Actividades Empresariales y Profesionales" if person else "601 - General de Ley Personas Morales"
    y = c.lines(x0, y, [f"RFC: {rfc(rng, issuer, person)}", f"Régimen fiscal: {regimen}",
                        f"Lugar de expedición: {rng.randint(1000, 99999):05d}"], fs, width=mid - x0 - 10)
    c.rect(mid, c.M - 4, x1, c.M + fs * 13, color=GREY, width=0.6)
    ry = c.lines(mid + 6, c.M, ["FACTURA" if rng.random() < 0.5 else "CFDI 4.0 - Comprobante de Ingreso"], fs + 3, bold_first=True)
    ry = kv(c, mid + 6, ry + 2, [("Folio:" if rng.random() < 0.5 else "Serie y folio:", number), ("Folio fiscal (UUID):", uid),
                                 ("No. de serie del CSD:", f"0000100000050{digits(rng, 7)}"),
                                 ("Fecha de emisión:", fmt_date(date, f["date_style"], time=f["time"])),
                                 ("Fecha de certificación:", cert), ("Tipo de comprobante:", "I - Ingreso"),
                                 ("Exportación:", "01 - No aplica")], fs * 10, fs - 0.5)
    c.y = max(y, ry, c.M + fs * 13) + fs
    c.rect(x0, c.y, x1, c.y + fs * 1.6, fill=LIGHT, color=None)
    c.text(x0 + 4, c.y + 2, "Receptor", fs, True)
    c.y += fs * 2.2
    c.y = kv(c, x0 + 4, c.y, [("Nombre:", customer), ("RFC:", rfc(rng, customer, False)), ("Uso CFDI:", "G03 - Gastos en general"),
                              ("Domicilio fiscal:", f"{rng.randint(1000, 99999):05d}"), ("Régimen fiscal:", "601 - General de Ley Personas Morales")],
             fs * 8, fs) + fs * 0.5
    items = []
    for desc, clave, cu, unidad, (lo, hi) in rng.sample(MX_ITEMS, rng.randint(1, 5)):
        qty = D(rng.choice(["1", "1", "2", "3", "5", "10", "12"])) if cu != "E48" else D(1)
        price = r2(D(str(rng.uniform(lo, hi))))
        items.append(Item(desc, qty, price, r2(qty * price), {"clave": clave, "cu": cu, "unidad": unidad}))
    subtotal = sum((it.amount for it in items), ZERO)
    tax = r2(subtotal * D("0.16"))
    ret = [("Retención ISR 10%", r2(subtotal * D("0.10"))), ("Retención IVA 10.6667%", r2(subtotal * D("0.106667")))] if person else []
    total = subtotal + tax - sum((v for _, v in ret), ZERO)
    f["items_sum_to"], f["charges"] = "subtotal", str(-sum((v for _, v in ret), ZERO))
    cols = [Col("clave", "Clave ProdServ", 7), Col("qty", "Cantidad", 6, "r"), Col("cu", "Clave unidad", 5.5, "c"),
            Col("unidad", "Unidad", 9), Col("desc", "Descripción", 26), Col("price", "Valor unitario", 9, "r"),
            Col("amount", "Importe", 9, "r")]
    if rng.random() < 0.5:
        cols.insert(-1, Col("obj", "Objeto imp.", 5, "c"))
    rows = [{"clave": it.extra["clave"], "qty": fmt.qty(it.qty), "cu": it.extra["cu"], "unidad": it.extra["unidad"], "desc": it.desc,
             "price": fmt.num(it.price), "amount": fmt.num(it.amount), "obj": "02",
             "_note": [f"Impuesto: 002 IVA  Tasa 0.160000  Base {fmt.num(it.amount)}  Importe {fmt.num(r2(it.amount * D('0.16')))}"]
             if rng.random() < 0.3 else []} for it in items]
    table(c, cols, rows, style=rng.choice(["lines", "grid"]), head_fill=LIGHT)
    trs = [("Subtotal", f"$ {fmt.num(subtotal)}", False), ("IVA Trasladado 16%" if rng.random() < 0.5 else "IVA 16%", f"$ {fmt.num(tax)}", False)]
    trs += [(label, f"$ {fmt.num(v)}", False) for label, v in ret]
    trs.append(("Total", f"$ {fmt.num(total)}", True))
    top = c.y
    totals(c, trs, x_label=x0 + (x1 - x0) * 0.62, x_val=x1 - 3)
    end = c.y
    c.y = top
    pesos, cents = int(total), int((total - int(total)) * 100)
    moneda = "MXN - Peso Mexicano" if f["currency_code_shown"] else None
    c.para(x0, f"Importe con letra: ({words_es(pesos)} {'PESO' if pesos == 1 else 'PESOS'} {cents:02d}/100 M.N.)", (x1 - x0) * 0.58, fs)
    info = [("Forma de pago:", "03 - Transferencia electrónica de fondos"), ("Método de pago:", "PUE - Pago en una sola exhibición")]
    if moneda:
        info.insert(0, ("Moneda:", moneda))
    c.y = kv(c, x0, c.y + 2, info, fs * 7.5, fs)
    c.y = max(c.y, end) + fs
    q = fs * 11
    c.need(q + fs)
    c.code2d(x0, c.y, q, 33)
    tx = x0 + q + 10
    seal = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(344)) + "=="
    y0 = c.y
    for head, body in (("Sello digital del CFDI:", seal[:172]), ("Sello digital del SAT:", seal[172:]),
                       ("Cadena original del complemento de certificación digital del SAT:", f"||1.1|{uid}|{cert}|SAT970701NN3|{seal[:40]}||")):
        c.text(tx, c.y, head, fs - 1.5, True)
        c.y += fs * 1.1
        chunks = [body[i:i + 100] for i in range(0, len(body), 100)]
        for ch in chunks:
            c.text(tx, c.y, ch, fs - 2.2)
            c.y += fs * 0.95
        c.y += fs * 0.3
    c.y = max(c.y, y0 + q) + fs * 0.5
    std_footer(c, ["Este documento es una representación impresa de un CFDI"], "Página {i} de {n}")
    return c, make_truth(number=number, date=date, issuer=issuer, customer=customer, currency="MXN", items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


def _brazil(rng: random.Random, f: dict):
    c = new_sheet(rng, f, ["helv", "dejavu_cond", "dejavu_sans"], (6.4, 7.4), (20, 30))
    fmt = fmt_setup(rng, f, ["eu"])
    issuer = rng.choice(BR_EMITENTES)
    customer = rng.choice([e for e in BR_EMITENTES if e != issuer])
    date = pick_date(rng)
    f["date_style"] = "dmy/"
    nnf = rng.randint(1000, 999999)
    serie = rng.choice([1, 1, 2, 3])
    number = f"{nnf:09d}"
    number = f"{number[:3]}.{number[3:6]}.{number[6:]}"
    cn_fmt, cn = cnpj(rng)
    uf = rng.choice([("35", "SP", "São Paulo"), ("43", "RS", "Porto Alegre"), ("31", "MG", "Belo Horizonte"),
                     ("32", "ES", "Vitória"), ("26", "PE", "Recife")])
    key = f"{uf[0]}{date:%y%m}{cn}55{serie:03d}{nnf:09d}1{digits(rng, 8)}"
    s = sum(int(ch) * (2 + k % 8) for k, ch in enumerate(reversed(key)))
    key += str(0 if s % 11 < 2 else 11 - s % 11)
    key_print = " ".join(key[i:i + 4] for i in range(0, 44, 4))
    x0, x1, fs = c.M, c.W - c.M, c.fs
    W = x1 - x0

    def cell(x: float, y: float, w: float, h: float, label: str, value: str, align: str = "l", bold: bool = False,
             vs: float | None = None) -> None:
        c.rect(x, y, x + w, y + h, width=0.5)
        c.text(x + 2, y + 1.5, label, fs - 1.6)
        vs = vs or fs
        while c.width(value, vs, bold) > w - 4 and vs > 4:
            vs -= 0.25
        c.text(x + w - 2 if align == "r" else x + 2, y + h - vs - 1.5, value, vs, bold, align)

    # receipt stub
    y = c.y
    c.rect(x0, y, x0 + W * 0.8, y + fs * 5.2, width=0.5)
    c.text(x0 + 2, y + 2, f"RECEBEMOS DE {issuer} OS PRODUTOS/SERVIÇOS CONSTANTES DA NOTA FISCAL INDICADA AO LADO", fs - 1.6)
    cell(x0, y + fs * 2, W * 0.2, fs * 3.2, "DATA DE RECEBIMENTO", "")
    cell(x0 + W * 0.2, y + fs * 2, W * 0.6, fs * 3.2, "IDENTIFICAÇÃO E ASSINATURA DO RECEBEDOR", "")
    c.rect(x0 + W * 0.8, y, x1, y + fs * 5.2, width=0.5)
    c.text(x0 + W * 0.9, y + 3, "NF-e", fs + 2, True, "c")
    c.text(x0 + W * 0.9, y + fs * 2.1, f"Nº {number}", fs, True, "c")
    c.text(x0 + W * 0.9, y + fs * 3.3, f"SÉRIE {serie:03d}", fs, True, "c")
    y += fs * 6
    c.line(x0, y - fs * 0.4, x1, y - fs * 0.4, 0.4, dashes="[2 2] 0")
    # header: issuer, DANFE box, key
    h = fs * 12
    c.rect(x0, y, x0 + W * 0.4, y + h, width=0.5)
    yy = c.lines(x0 + 4, y + 4, [issuer], fs + 1.5, bold_first=True)
    c.lines(x0 + 4, yy + 2, [f"{rng.choice(['RUA', 'AV.', 'RODOVIA'])} {rng.choice(['DAS INDÚSTRIAS', 'BRASIL', 'SETE DE SETEMBRO', 'DOS BANDEIRANTES'])}, {rng.randint(10, 4000)}",
                             f"{rng.choice(['DISTRITO INDUSTRIAL', 'CENTRO', 'JARDIM AMÉRICA'])} - {uf[2].upper()} - {uf[1]}",
                             f"CEP {digits(rng, 5)}-{digits(rng, 3)}  FONE ({rng.randint(11, 99)}) {digits(rng, 4)}-{digits(rng, 4)}"], fs - 0.5)
    c.rect(x0 + W * 0.4, y, x0 + W * 0.58, y + h, width=0.5)
    cx = x0 + W * 0.49
    c.lines(cx, y + 4, ["DANFE"], fs + 4, align="c", bold_first=True)
    c.lines(cx, y + fs * 2.6, ["DOCUMENTO AUXILIAR DA", "NOTA FISCAL ELETRÔNICA", "0 - ENTRADA", "1 - SAÍDA   [ 1 ]"], fs - 1.2, align="c")
    c.lines(cx, y + fs * 7.6, [f"Nº {number}", f"SÉRIE {serie:03d}", "FOLHA 1/1"], fs, align="c", bold_first=True)
    c.rect(x0 + W * 0.58, y, x1, y + h, width=0.5)
    bx = x0 + W * 0.6
    for k in range(90):  # a barcode-like stripe pattern
        if rng.random() < 0.55:
            c.rect(bx + k * (W * 0.38 / 90), y + 4, bx + (k + 0.7) * (W * 0.38 / 90), y + fs * 4, fill=BLACK, color=None)
    c.text(bx, y + fs * 4.8, "CHAVE DE ACESSO", fs - 1.6)
    c.text(bx, y + fs * 6, key_print, fs - 0.3, True)
    c.lines(bx, y + fs * 7.7, ["Consulta de autenticidade no portal nacional da NF-e", "www.nfe.fazenda.gov.br/portal ou no site da Sefaz Autorizadora"], fs - 1.4)
    y += h
    prot = f"1{uf[0]}{date:%y}{digits(rng, 10)} - {fmt_date(date, 'dmy/')} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    cell(x0, y, W * 0.58, fs * 2.6, "NATUREZA DA OPERAÇÃO", "VENDA DE MERCADORIA ADQUIRIDA DE TERCEIROS")
    cell(x0 + W * 0.58, y, W * 0.42, fs * 2.6, "PROTOCOLO DE AUTORIZAÇÃO DE USO", prot)
    y += fs * 2.6
    for k, (label, value) in enumerate([("INSCRIÇÃO ESTADUAL", f"{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)}"),
                                        ("INSCR. ESTADUAL DO SUBST. TRIB.", ""), ("CNPJ", cn_fmt)]):
        cell(x0 + k * W / 3, y, W / 3, fs * 2.6, label, value)
    y += fs * 3.2
    # recipient
    c.text(x0, y, "DESTINATÁRIO / REMETENTE", fs - 0.8, True)
    y += fs * 1.2
    saida = date + dt.timedelta(days=rng.choice([0, 0, 1, 2]))
    rows = [[("NOME / RAZÃO SOCIAL", customer, 0.6), ("CNPJ / CPF", cnpj(rng)[0], 0.22), ("DATA DA EMISSÃO", fmt_date(date, "dmy/"), 0.18)],
            [("ENDEREÇO", f"AV. {rng.choice(['PAULISTA', 'ATLÂNTICA', 'IPIRANGA', 'BEIRA MAR'])}, {rng.randint(10, 3000)}", 0.45),
             ("BAIRRO / DISTRITO", rng.choice(["CENTRO", "BELA VISTA", "MOEMA"]), 0.2), ("CEP", f"{digits(rng, 5)}-{digits(rng, 3)}", 0.17),
             ("DATA DA SAÍDA/ENTRADA", fmt_date(saida, "dmy/"), 0.18)],
            [("MUNICÍPIO", rng.choice(["SÃO PAULO", "CAMPINAS", "CURITIBA", "SALVADOR"]), 0.45), ("UF", rng.choice(["SP", "PR", "BA"]), 0.07),
             ("FONE / FAX", f"({rng.randint(11, 99)}) {digits(rng, 4)}-{digits(rng, 4)}", 0.15),
             ("INSCRIÇÃO ESTADUAL", digits(rng, 12), 0.15), ("HORA DA SAÍDA", f"{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}", 0.18)]]
    for row in rows:
        x = x0
        for label, value, w in row:
            cell(x, y, W * w, fs * 2.6, label, value)
            x += W * w
        y += fs * 2.6
    # items and taxes
    items = []
    for desc, ncm, un, (lo, hi) in rng.sample(BR_ITEMS, rng.randint(1, 6)):
        qty = D(rng.choice([1, 2, 4, 5, 10, 12, 20, 50]))
        price = r2(D(str(rng.uniform(lo, hi))))
        items.append(Item(desc, qty, price, r2(qty * price), {"ncm": ncm, "un": un, "code": f"{rng.randint(1000, 99999)}",
                                                              "ipi": rng.choice([D("0"), D("5"), D("10")])}))
    icms_rate = rng.choice([D("12"), D("18"), D("17")])
    subtotal = sum((it.amount for it in items), ZERO)
    ipi = sum((r2(it.amount * it.extra["ipi"] / 100) for it in items), ZERO)
    icms = sum((r2(it.amount * icms_rate / 100) for it in items), ZERO)
    frete = r2(D(str(rng.uniform(40, 600)))) if rng.random() < 0.5 else ZERO
    seguro = r2(D(str(rng.uniform(10, 80)))) if rng.random() < 0.2 else ZERO
    outras = r2(D(str(rng.uniform(5, 50)))) if rng.random() < 0.2 else ZERO
    total = subtotal + ipi + frete + seguro + outras
    f["items_sum_to"], f["charges"] = "subtotal", str(frete + seguro + outras)
    f["ipi"] = str(ipi)
    y += fs * 0.6
    c.text(x0, y, "FATURA / DUPLICATAS", fs - 0.8, True)
    y += fs * 1.2
    parts = rng.choice([1, 1, 2, 3])
    share = r2(total / parts)
    dup = []
    for k in range(parts):
        v = share if k < parts - 1 else total - share * (parts - 1)
        dup.append(f"{k + 1:03d}   {fmt_date(date + dt.timedelta(days=30 * (k + 1)), 'dmy/')}   R$ {fmt.num(v)}")
    c.rect(x0, y, x1, y + fs * 2.4, width=0.5)
    c.text(x0 + 3, y + fs * 0.7, "        ".join(dup), fs - 0.5)
    y += fs * 3.2
    c.text(x0, y, "CÁLCULO DO IMPOSTO", fs - 0.8, True)
    y += fs * 1.2
    tcells = [[("BASE DE CÁLC. DO ICMS", subtotal), ("VALOR DO ICMS", icms), ("BASE DE CÁLC. ICMS S.T.", ZERO),
               ("VALOR DO ICMS SUBST.", ZERO), ("V. TOTAL PRODUTOS", subtotal)],
              [("VALOR DO FRETE", frete), ("VALOR DO SEGURO", seguro), ("DESCONTO", ZERO), ("OUTRAS DESPESAS", outras),
               ("VALOR TOTAL IPI", ipi), ("V. TOTAL DA NOTA", total)]]
    for row in tcells:
        w = W / len(row)
        for k, (label, v) in enumerate(row):
            cell(x0 + k * w, y, w, fs * 2.6, label, fmt.num(v), "r", label == "V. TOTAL DA NOTA")
        y += fs * 2.6
    y += fs * 0.6
    c.text(x0, y, "TRANSPORTADOR / VOLUMES TRANSPORTADOS", fs - 0.8, True)
    y += fs * 1.2
    vol = rng.randint(1, 12)
    peso = D(rng.randint(20000, 900000)) / 1000
    x = x0
    for label, value, w in [("RAZÃO SOCIAL", rng.choice(["TRANSPORTADORA RÁPIDO SUL LTDA", "JAMEF TRANSPORTES LTDA", "O MESMO"]), 0.34),
                            ("FRETE POR CONTA", rng.choice(["0-EMITENTE", "1-DESTINATÁRIO"]), 0.14),
                            ("PLACA DO VEÍCULO", f"{letters(rng, 3)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}", 0.12),
                            ("QUANTIDADE", str(vol), 0.1), ("ESPÉCIE", "VOLUMES", 0.1),
                            ("PESO BRUTO", fmt.num(peso, 3), 0.1), ("PESO LÍQUIDO", fmt.num(peso * D("0.95"), 3), 0.1)]:
        cell(x, y, W * w, fs * 2.6, label, value)
        x += W * w
    y += fs * 3.2
    c.text(x0, y, "DADOS DOS PRODUTOS / SERVIÇOS", fs - 0.8, True)
    c.y = y + fs * 1.2
    cols = [Col("code", "CÓDIGO", 5), Col("desc", "DESCRIÇÃO DO PRODUTO / SERVIÇO", 22), Col("ncm", "NCM/SH", 6, "c"),
            Col("cst", "CST", 3.5, "c"), Col("cfop", "CFOP", 4, "c"), Col("un", "UN", 3, "c"), Col("qty", "QUANT", 6, "r"),
            Col("price", "VALOR UNIT", 7, "r"), Col("amount", "VALOR TOTAL", 7.5, "r"), Col("bc", "B.CÁLC ICMS", 7, "r"),
            Col("icms", "VALOR ICMS", 6, "r"), Col("ipi", "VALOR IPI", 5.5, "r"), Col("ai", "ALÍQ. ICMS", 4, "r"),
            Col("aipi", "ALÍQ. IPI", 4, "r")]
    rows = [{"code": it.extra["code"], "desc": it.desc, "ncm": it.extra["ncm"], "cst": "000", "cfop": "5102", "un": it.extra["un"],
             "qty": fmt.num(it.qty, 4), "price": fmt.num(it.price, 4), "amount": fmt.num(it.amount), "bc": fmt.num(it.amount),
             "icms": fmt.num(r2(it.amount * icms_rate / 100)), "ipi": fmt.num(r2(it.amount * it.extra["ipi"] / 100)),
             "ai": fmt.num(icms_rate), "aipi": fmt.num(it.extra["ipi"])} for it in items]
    table(c, cols, rows, style="grid", size=fs - 0.6, pad=2)
    c.y += fs * 0.6
    c.text(x0, c.y, "DADOS ADICIONAIS", fs - 0.8, True)
    c.y += fs * 1.2
    c.rect(x0, c.y, x1, c.y + fs * 6, width=0.5)
    c.text(x0 + 2, c.y + 1.5, "INFORMAÇÕES COMPLEMENTARES", fs - 1.6)
    c.y += fs * 1.5
    c.para(x0 + 3, f"PEDIDO DE COMPRA Nº {rng.randint(1000, 99999)}. DOCUMENTO EMITIDO POR ME OU EPP OPTANTE PELO SIMPLES NACIONAL? NÃO. "
           f"VALOR APROXIMADO DOS TRIBUTOS R$ {fmt.num(r2(total * D('0.31')))} (31,00%) FONTE: IBPT.", W - 8, fs - 1)
    c.y += fs * 3
    return c, make_truth(number=number, date=date, issuer=issuer, customer=customer, currency="BRL", items=items,
                         subtotal=subtotal, tax=ipi, total=total, features=f)


def _argentina(rng: random.Random, f: dict):
    c = new_sheet(rng, f, LATIN_FAMILIES, (7.6, 9.0), (28, 44))
    fmt = fmt_setup(rng, f, ["eu"])
    letter = rng.choice(["A", "B"])
    f["letter"] = letter
    issuer = rng.choice(AR_EMISORES)
    customer = rng.choice([e for e in AR_EMISORES if e != issuer]) if letter == "A" else rng.choice(AR_CONSUMIDORES)
    date = pick_date(rng)
    f["date_style"] = "dmy/"
    pv, nro = rng.randint(1, 30), rng.randint(100, 99999)
    number = rng.choice([f"{pv:04d}-{nro:08d}", f"{pv:05d}-{nro:08d}"])
    f["split_number_too"] = rng.random() < 0.5
    x0, x1, fs = c.M, c.W - c.M, c.fs
    mid = (x0 + x1) / 2
    c.rect(x0, c.y, x1, c.y + fs * 2, width=0.6)
    c.text(mid, c.y + fs * 0.5, "ORIGINAL", fs + 1, True, "c")
    c.y += fs * 2
    top = c.y
    h = fs * 13
    c.rect(x0, top, x1, top + h, width=0.6)
    c.line(mid, top + fs * 4.5, mid, top + h, 0.6)
    c.rect(mid - fs * 2.5, top, mid + fs * 2.5, top + fs * 4.5, fill=WHITE, width=0.8)
    c.text(mid, top + fs * 0.3, letter, fs * 2.6, True, "c")
    c.text(mid, top + fs * 3.2, "COD. 01" if letter == "A" else "COD. 06", fs - 2, True, "c")
    brand = rng.random() < 0.4
    y = top + fs
    if brand:
        brand_mark(c, x0 + 8, y, issuer.split()[1].title() if len(issuer.split()) > 2 else issuer.split()[0].title(), fs + 6, rng.choice(BRAND_COLORS))
        y += fs * 3
    else:
        size = fs + 2.5
        while c.width(issuer, size, True) > mid - fs * 2.5 - x0 - 16:
            size -= 0.25
        c.text(x0 + 8, y, issuer, size, True)
        y += fs * 2.5
    domicilio = rng.choice(["Av. Corrientes 1234 - Ciudad de Buenos Aires", "Bv. Oroño 850 - Rosario, Santa Fe", "San Martín 455 - Mendoza"])
    c.lines(x0 + 8, y, [f"Razón Social: {issuer}", f"Domicilio Comercial: {domicilio}", "Condición frente al IVA: IVA Responsable Inscripto"],
            fs - 0.6, 1.45, width=mid - fs * 2.5 - x0 - 16)
    ry = top + fs * 0.8
    c.text(mid + fs * 3.5, ry, "FACTURA", fs + 6, True)
    ry += fs * 2.4
    pairs = [("N°:", number)]
    seller_cuit = cuit(rng, rng.choice(["30", "33"]))
    if rng.random() < 0.5:
        seller_cuit = seller_cuit.replace("-", "")
    if f["split_number_too"]:
        pairs.append(("Punto de Venta:", f"{pv:05d}    Comp. Nro: {nro:08d}"))
    pairs += [("Fecha de Emisión:", fmt_date(date, "dmy/")), ("CUIT:", seller_cuit),
              ("Ingresos Brutos:", f"{digits(rng, 3)}-{digits(rng, 6)}-{digits(rng, 1)}"),
              ("Fecha de Inicio de Actividades:", fmt_date(dt.date(rng.randint(1995, 2021), rng.randint(1, 12), 1), "dmy/"))]
    kv(c, mid + 8, max(ry + fs * 1.2, top + fs * 5), pairs, fs * 12, fs - 0.5)
    c.y = top + h + fs * 0.4
    desde = date.replace(day=1)
    c.rect(x0, c.y, x1, c.y + fs * 2, width=0.5)
    c.text(x0 + 6, c.y + fs * 0.5, f"Período Facturado Desde: {fmt_date(desde, 'dmy/')}    Hasta: {fmt_date(date, 'dmy/')}    "
           f"Fecha de Vto. para el pago: {fmt_date(date + dt.timedelta(days=10), 'dmy/')}", fs - 0.5)
    c.y += fs * 2.4
    cy = c.y
    c.rect(x0, cy, x1, cy + fs * 6.2, width=0.5)
    doc_id = ("CUIT:", cuit(rng, "30")) if letter == "A" else ("DNI:", f"{rng.randint(20, 45)}.{digits(rng, 3)}.{digits(rng, 3)}")
    kv(c, x0 + 6, cy + 4, [doc_id, ("Condición frente al IVA:", "IVA Responsable Inscripto" if letter == "A" else "Consumidor Final"),
                           ("Condición de venta:", rng.choice(["Contado", "Cuenta Corriente", "Transferencia Bancaria"]))], fs * 9.5, fs - 0.5)
    kv(c, mid - 20, cy + 4, [("Apellido y Nombre / Razón Social:", customer), ("Domicilio:", rng.choice(["Lavalle 1550 Piso 3 - CABA", "Belgrano 230 - Córdoba", "Mitre 77 - Neuquén"]))],
       fs * 14, fs - 0.5)
    c.y = cy + fs * 7
    items = []
    for desc, unit, (lo, hi), rate in rng.sample(AR_ITEMS, rng.randint(1, 5)):
        qty = D(rng.choice([1, 1, 2, 3, 5, 10, 20]))
        price = r2(D(str(rng.uniform(lo, hi))))
        items.append(Item(desc, qty, price, r2(qty * price), {"unit": unit, "rate": D(rate), "code": f"{rng.randint(100, 9999)}"}))
    lines_sum = sum((it.amount for it in items), ZERO)
    if letter == "A":
        cols = [Col("code", "Código", 5), Col("desc", "Producto / Servicio", 24), Col("qty", "Cantidad", 6, "r"), Col("unit", "U. Medida", 7, "c"),
                Col("price", "Precio Unit.", 9, "r"), Col("bonif", "% Bonif", 5, "r"), Col("amount", "Subtotal", 9, "r"),
                Col("rate", "Alícuota IVA", 6, "r"), Col("gross", "Subtotal c/IVA", 9.5, "r")]
        vat = {}
        for it in items:
            vat[it.extra["rate"]] = vat.get(it.extra["rate"], ZERO) + r2(it.amount * it.extra["rate"] / 100)
        tax = sum(vat.values(), ZERO)
        subtotal, total = lines_sum, lines_sum + tax
        f["items_sum_to"] = "subtotal"
    else:
        cols = [Col("code", "Código", 5), Col("desc", "Producto / Servicio", 28), Col("qty", "Cantidad", 6, "r"), Col("unit", "U. Medida", 7, "c"),
                Col("price", "Precio Unit.", 9, "r"), Col("bonif", "% Bonif", 5, "r"), Col("impb", "Imp. Bonif.", 7, "r"),
                Col("amount", "Subtotal", 9, "r")]
        tax = sum((r2(it.amount * it.extra["rate"] / (100 + it.extra["rate"])) for it in items), ZERO)
        subtotal, total = lines_sum - tax, lines_sum
        f["items_sum_to"] = "total"
    f["charges"] = "0"
    rows = [{"code": it.extra["code"], "desc": it.desc, "qty": fmt.num(it.qty), "unit": it.extra["unit"], "price": fmt.num(it.price),
             "bonif": "0,00", "impb": "0,00", "amount": fmt.num(it.amount), "rate": f"{fmt.qty(it.extra['rate'])}%",
             "gross": fmt.num(r2(it.amount * (1 + it.extra["rate"] / 100)))} for it in items]
    table(c, cols, rows, style=rng.choice(["lines", "grid"]), head_fill=LIGHT)
    c.y = max(c.y, c.H * 0.55)
    if letter == "A":
        trs = [("Importe Neto Gravado: $", fmt.num(subtotal), True)]
        for r in (D("27"), D("21"), D("10.5"), D("5"), D("2.5"), D("0")):
            trs.append((f"IVA {fmt.qty(r)}%: $", fmt.num(vat.get(r, ZERO)), True))
        trs += [("Importe Otros Tributos: $", "0,00", True), ("Importe Total: $", fmt.num(total), True)]
    else:
        trs = [("Subtotal: $", fmt.num(total), True), ("Importe Otros Tributos: $", "0,00", True), ("Importe Total: $", fmt.num(total), True)]
    c.rect(x0, c.y, x1, c.y + len(trs) * fs * 1.45 + 8, width=0.5)
    c.y += 4
    totals(c, trs, x_label=x1 - 100, x_val=x1 - 8, label_align="r", rule_before_last=False)
    if letter == "B":
        c.text(x0, c.y, "Régimen de Transparencia Fiscal al Consumidor (Ley 27.743)", fs - 0.5, True)
        c.y = kv(c, x0, c.y + fs * 1.4, [("IVA Contenido: $", fmt.num(tax)), ("Otros Impuestos Nacionales Indirectos: $", "0,00")], fs * 16, fs - 0.5)
    c.y += fs
    q = fs * 9
    c.need(q)
    c.code2d(x0, c.y, q, 29)
    cae_due = date + dt.timedelta(days=10)
    kv(c, x0 + q + 20, c.y + fs, [("CAE N°:", digits(rng, 14)), ("Fecha de Vto. de CAE:", fmt_date(cae_due, "dmy/"))], fs * 9, fs, True)
    c.text(x0 + q + 20, c.y + fs * 4.5, "Comprobante Autorizado", fs + 1, True)
    c.text(x0 + q + 20, c.y + fs * 6, "Esta Administración Federal no se responsabiliza por los datos ingresados en el detalle de la operación", fs - 2.2)
    c.y += q
    if rng.random() < 0.3:
        f["currency_code_shown"] = True
        c.text(x1, c.y, "Moneda: ARS - Pesos Argentinos", fs - 1, align="r")
    std_footer(c, [], "Pág. {i}/{n}")
    return c, make_truth(number=number, date=date, issuer=issuer, customer=customer, currency="ARS", items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


def _chile(rng: random.Random, f: dict):
    c = new_sheet(rng, f, LATIN_FAMILIES, (8.0, 9.4), (30, 48))
    fmt = fmt_setup(rng, f, ["eu"], places=0)
    issuer = rng.choice(CL_EMISORES)
    customer = rng.choice([e for e in CL_EMISORES if e != issuer])
    date = pick_date(rng)
    f["date_style"] = rng.choice(["d de month de y", "dmy-", "dmy/"])
    number = str(rng.randint(100, 99999))
    x0, x1, fs = c.M, c.W - c.M, c.fs
    red = (0.8, 0.1, 0.1)
    bx0 = x1 - 190
    top = c.y
    c.rect(bx0, top, x1, top + fs * 7.5, color=red, width=2)
    c.lines((bx0 + x1) / 2, top + fs * 0.8, [f"R.U.T.: {rut(rng)}", "FACTURA ELECTRÓNICA", f"N° {number}"], fs + 2.5, 1.45,
            "c", red)
    c.text((bx0 + x1) / 2, top + fs * 8.3, f"S.I.I. - {rng.choice(['SANTIAGO ORIENTE', 'SANTIAGO CENTRO', 'VALPARAÍSO', 'CONCEPCIÓN'])}",
           fs, True, "c", red)
    y = c.lines(x0, top, [issuer], fs + 4, bold_first=True)
    c.lines(x0, y + 2, [f"Giro: {rng.choice(['Servicios de consultoría informática', 'Venta al por mayor de artículos de oficina', 'Construcción de edificios', 'Asesorías contables'])}",
                        f"Casa Matriz: {rng.choice(['Av. Apoquindo 4500, Las Condes', 'Av. Providencia 1208, Providencia', 'Calle Prat 827, Valparaíso'])}",
                        f"Teléfono: +56 2 {digits(rng, 4)} {digits(rng, 4)}"], fs - 0.5)
    c.y = top + fs * 11
    pairs = [("SEÑOR(ES):", customer), ("R.U.T.:", rut(rng)), ("GIRO:", rng.choice(["Comercio al por menor", "Transporte de carga", "Servicios de ingeniería"])),
             ("DIRECCIÓN:", rng.choice(["Av. Libertador B. O'Higgins 1302", "Los Militares 5890", "Av. Vitacura 2939"])),
             ("COMUNA:", rng.choice(["Santiago", "Las Condes", "Vitacura", "Ñuñoa"])),
             ("CONDICIÓN DE VENTA:", rng.choice(["Contado", "30 días", "Crédito"]))]
    c.rect(x0, c.y, x1, c.y + fs * 1.45 * 6 + 8, width=0.5)
    kv(c, x0 + 6, c.y + 4, pairs, fs * 10, fs - 0.3)
    kv(c, c.W / 2 + 40, c.y + 4, [("FECHA EMISIÓN:", fmt_date(date, f["date_style"], "es")),
                                  ("FECHA VENCIMIENTO:", fmt_date(date + dt.timedelta(days=30), f["date_style"], "es")),
                                  ("ORDEN DE COMPRA:", str(rng.randint(1000, 99999)))], fs * 9.5, fs - 0.3)
    c.y += fs * 1.45 * 6 + 14
    items = []
    for desc, (lo, hi) in rng.sample(CL_ITEMS, rng.randint(1, 5)):
        qty = D(rng.choice([1, 1, 1, 2, 3, 5, 10]))
        price = D(round(rng.uniform(lo, hi), -2 if hi > 100000 else 0))
        items.append(Item(desc, qty, price, qty * price, {"code": f"{letters(rng, 3)}-{rng.randint(10, 999)}"}))
    subtotal = sum((it.amount for it in items), ZERO)
    tax = r2(subtotal * D("0.19"), 0)
    total = subtotal + tax
    f["items_sum_to"], f["charges"] = "subtotal", "0"
    cols = [Col("code", "Código", 7), Col("desc", "Descripción", 30), Col("qty", "Cantidad", 7, "r"), Col("price", "Precio", 10, "r"),
            Col("disc", "% Desc.", 6, "r"), Col("amount", "Valor", 11, "r")]
    if rng.random() < 0.4:
        cols = [col for col in cols if col.key != "disc"]
    rows = [{"code": it.extra["code"], "desc": it.desc, "qty": fmt.qty(it.qty), "price": fmt.num(it.price), "disc": "0",
             "amount": fmt.num(it.amount)} for it in items]
    table(c, cols, rows, style=rng.choice(["grid", "lines"]), head_fill=LIGHT)
    top = c.y
    totals(c, [("MONTO NETO $", fmt.num(subtotal), True), ("I.V.A. 19% $", fmt.num(tax), True), ("TOTAL $", fmt.num(total), True)],
           x_label=x1 - 190, x_val=x1 - 6, box=True)
    c.y = top
    c.code2d(x0, c.y, fs * 7, 12, finders=False, aspect=3.6)
    c.y += fs * 7.5
    c.lines(x0 + fs * 12.5, c.y, ["Timbre Electrónico SII", "Res. 80 de 2014 - Verifique documento: www.sii.cl"], fs - 1, align="c")
    c.y += fs * 3
    if rng.random() < 0.4:
        c.text(x1, c.y, "CEDIBLE", fs + 4, True, "r")
        c.y += fs * 2
    f["currency_code_shown"] = rng.random() < 0.3
    if f["currency_code_shown"]:
        c.text(x0, c.y, "Valores expresados en pesos chilenos (CLP)", fs - 1)
    return c, make_truth(number=number, date=date, issuer=issuer, customer=customer, currency="CLP", items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# 5. SaaS subscription invoice with proration, usage and credit

SAAS_SELLERS = [("cloudnest", "Cloudnest Software Inc.", "US"), ("orbitly", "Orbitly Labs, Inc.", "US"),
                ("pipeflow", "Pipeflow Analytics Ltd", "GB"), ("quillstack", "Quillstack GmbH", "DE"),
                ("loomwise", "Loomwise B.V.", "NL"), ("tallyhub", "Tallyhub Technologies Inc.", "CA"),
                ("sendcraft", "Sendcraft Ltd.", "GB"), ("vaultkit", "Vaultkit Security, Inc.", "US")]
SAAS_ADDR = {"US": ["548 Market St, Suite 310", "San Francisco, CA 94104", "United States"],
             "GB": ["20 Farringdon Road", "London EC1M 3HE", "United Kingdom"],
             "DE": ["Torstraße 140", "10119 Berlin", "Germany"], "NL": ["Keizersgracht 520", "1017 EK Amsterdam", "Netherlands"],
             "CA": ["180 John St, 4th Floor", "Toronto, ON M5T 1X5", "Canada"]}
SAAS_CUSTOMERS = ["Acme Robotics LLC", "Brightside Dental Group", "Northwind Traders Ltd", "Hollow Oak Studios",
                  "Fernbrook Logistics Inc.", "Meridian Legal LLP", "Pinecrest Apparel Co.", "Kestrel Bio GmbH"]
SAAS_PLANS = [("Starter", (9, 19)), ("Pro", (29, 59)), ("Business", (79, 129)), ("Team", (15, 35)), ("Enterprise", (199, 399))]
SAAS_USAGE = [("API requests", ["0.0004", "0.00025", "0.0009"], (150000, 4800000)), ("Emails sent", ["0.0008", "0.0012"], (20000, 900000)),
              ("Compute minutes", ["0.008", "0.0125"], (3000, 95000)), ("Storage (GB-month)", ["0.023", "0.021", "0.10"], (40, 5000)),
              ("SMS messages", ["0.0079", "0.0415"], (500, 60000)), ("Tracked events", ["0.00005", "0.00012"], (1000000, 25000000))]


def build_saas(rng: random.Random, f: dict):
    brand, seller, home = rng.choice(SAAS_SELLERS)
    f.update(lang="en", locale="en-US" if home in ("US", "CA") else "en-GB", date_lang="en", seller_country=home)
    c = new_sheet(rng, f, ["helv", "helv", "dejavu_sans", "dejavu_cond"], (8.2, 9.6), (40, 60),
                  (612.0, 792.0) if home == "US" and rng.random() < 0.6 else (595.0, 842.0))
    currency = rng.choice({"US": ["USD", "USD", "EUR"], "GB": ["GBP", "GBP", "EUR", "USD"], "DE": ["EUR"], "NL": ["EUR", "EUR", "USD"],
                           "CA": ["CAD", "USD"]}[home])
    sym = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$"}[currency]
    fmt = fmt_setup(rng, f, ["eu"] if currency == "EUR" and home in ("DE", "NL") and rng.random() < 0.5 else ["us"],
                    negs=("-", "minus", "paren"))
    f["code_in_totals"] = rng.random() < 0.5
    post = fmt.ds == ","

    def money(v: Decimal, places: int | None = None) -> str:
        core = f"{fmt.num(v, places)} {sym}" if post else f"{sym}{fmt.num(v, places)}"
        if v >= 0:
            return core
        return {"-": "-" + core, "minus": "\u2212" + core, "paren": f"({core})"}[fmt.neg]

    f["date_style"] = rng.choice(["month d, y", "month d, y", "mon d, y", "d month y", "ymd"])
    date = pick_date(rng)

    def d(x: dt.date) -> str:
        return fmt_date(x, f["date_style"], "en")

    number = rng.choice([f"{hexs(rng, 8).upper()}-{rng.randint(1, 40):04d}", f"INV-{date.year}-{rng.randint(1, 99999):06d}",
                         f"{brand[:2].upper()}{rng.randint(100000, 999999)}", f"{rng.randint(10000, 99999)}"])
    period_start = date
    period_end = date + dt.timedelta(days=30)
    customer = rng.choice(SAAS_CUSTOMERS)
    items: list[Item] = []
    notes: list[list[str]] = []
    plan, (lo, hi) = rng.choice(SAAS_PLANS)
    seats = D(rng.choice([1, 3, 5, 8, 12, 25, 40]))
    price = D(rng.randint(lo, hi))
    unit_word = rng.choice(["seat", "user", ""])
    items.append(Item(f"{plan} plan" + (f" ({unit_word}s)" if unit_word and rng.random() < 0.3 else ""), seats, price, seats * price))
    notes.append([span(period_start, period_end)])
    f["proration"] = rng.random() < 0.55
    if f["proration"]:
        old_plan, (olo, ohi) = rng.choice([p for p in SAAS_PLANS if p[0] != plan])
        old_price = D(rng.randint(olo, ohi))
        change = date - dt.timedelta(days=rng.randint(5, 25))
        frac = D((date - change).days) / D(30)
        unused = r2(old_price * seats * frac)
        remaining = r2(price * seats * frac)
        show_qty = rng.random() < 0.5
        items.append(Item(f"Unused time on {old_plan} plan", D(1) if show_qty else None, None, -unused))
        notes.append([span(change, date)])
        items.append(Item(f"Remaining time on {plan} plan", D(1) if show_qty else None, None, remaining))
        notes.append([span(change, date)])
    f["usage_lines"] = rng.randint(0, 2)
    for name, prices, (qlo, qhi) in rng.sample(SAAS_USAGE, f["usage_lines"]):
        up = D(rng.choice(prices))
        q = D(rng.randint(qlo, qhi))
        if name.startswith("Storage"):
            q = D(rng.randint(qlo * 10, qhi * 10)) / 10
        if rng.random() < 0.3:
            free = D(rng.choice([1000, 10000, 100000])) if q > 100000 else D(100)
            items.append(Item(f"{name} - included", free, ZERO, ZERO))
            notes.append([f"First {fmt.qty(free)} included"])
            q -= free
        items.append(Item(name, q, up, r2(q * up)))
        notes.append([span(date - dt.timedelta(days=30), date)] if rng.random() < 0.6 else [])
    if rng.random() < 0.4:
        addon = rng.choice([("Priority support add-on", 49, 299), ("Single sign-on (SSO)", 99, 499), ("Extra workspace", 20, 90)])
        p = D(rng.randint(addon[1], addon[2]))
        items.append(Item(addon[0], D(1), p, p))
        notes.append([span(period_start, period_end)] if rng.random() < 0.5 else [])
    f["discount_line"] = rng.random() < 0.4
    if f["discount_line"]:
        pct = rng.choice([10, 15, 20, 25, 50])
        base = sum((it.amount for it in items if it.amount > 0), ZERO)
        code = rng.choice(["LAUNCH20", "NONPROFIT", "ANNUAL", "PARTNER", "WELCOME"])
        items.append(Item(f"Discount: {code} ({pct}% off)", None, None, -r2(base * pct / 100)))
        notes.append([])
    subtotal = sum((it.amount for it in items), ZERO)
    tax_kind = rng.choice({"US": ["none", "sales", "sales"], "GB": ["vat20"], "DE": ["reverse", "vat19"], "NL": ["reverse", "vat21"],
                           "CA": ["hst", "none"]}[home])
    rate = {"none": ZERO, "sales": D(rng.choice(["6.25", "7.25", "8.875", "9.5"])), "vat20": D(20), "vat19": D(19),
            "vat21": D(21), "reverse": ZERO, "hst": D(13)}[tax_kind]
    f["tax_kind"] = tax_kind
    tax = r2(subtotal * rate / 100)
    total = subtotal + tax
    f["items_sum_to"], f["charges"] = "subtotal", "0"
    f["credit"] = rng.choice(["none", "none", "balance", "paid"])
    credit = ZERO
    if f["credit"] == "balance":
        credit = min(total, r2(D(str(rng.uniform(20, float(total) * 0.9 + 21)))))
    elif f["credit"] == "paid":
        credit = total
    due = total - credit
    due_date = date + dt.timedelta(days=rng.choice([0, 14, 30]))
    headline = f"{money(due)} due {d(due_date)}" if due else f"{money(total)} paid on {d(date)}"
    std_footer(c, [f"{number} \u00b7 {headline}"],
               "Page {i} of {n}", align="l")

    x0, x1, fs = c.M, c.W - c.M, c.fs
    color = rng.choice(BRAND_COLORS)
    top = c.y
    logo_right = rng.random() < 0.5
    c.text(x0, top, "Invoice" if rng.random() < 0.7 else "INVOICE", fs + 10, True)
    if logo_right:
        w = c.width(brand, fs + 8, True) + fs + 14
        brand_mark(c, x1 - w, top, brand, fs + 8, color)
    y = top + fs * 3.4
    meta = [("Invoice number", number), ("Date of issue", d(date)), ("Date due", d(due_date))]
    if rng.random() < 0.4:
        meta.append(("Billing period", f"{d(period_start)} - {d(period_end)}"))
    y = kv(c, x0, y, meta, fs * 9, fs, True) + fs
    sl = [*SAAS_ADDR[home], f"billing@{brand}.{'com' if home in ('US', 'CA') else 'io'}"]
    if home in ("DE", "NL", "GB") and rng.random() < 0.7:
        sl.append({"DE": f"VAT ID: DE{digits(rng, 9)}", "NL": f"VAT: NL{digits(rng, 9)}B01", "GB": f"VAT Reg No: GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}"}[home])
    colw = (x1 - x0) / 3
    y1 = party(c, x0, y, None, seller, sl, fs - 0.3)
    cl = [*rng.choice([("1200 Harbor Blvd", "Weehawken, NJ 07086"), ("77 Bishopsgate", "London EC2N 4AG"),
                       ("Hauptstraße 5", "80331 München"), ("350 Fifth Avenue", "New York, NY 10118")]),
          f"accounts@{customer.split()[0].lower()}.com"]
    if tax_kind == "reverse":
        cl.append(f"VAT ID: {rng.choice(['FR', 'BE', 'IT', 'ES'])}{digits(rng, 10)}")
    y2 = party(c, x0 + colw * 1.1, y, "Bill to", customer, cl, fs - 0.3)
    c.y = max(y1, y2) + fs * 1.2
    f["headline"] = rng.random() < 0.7
    if f["headline"]:
        c.text(x0, c.y, headline, fs + 5, True)
        c.y += fs * 2.2
        if due:
            c.text(x0, c.y, "Pay online", fs, color=color)
            c.y += fs * 2
    if rng.random() < 0.4:
        c.para(x0, rng.choice(["Thanks for your business!", f"Your subscription renews on {d(period_end)}.",
                               "Questions? Contact billing support at any time."]), x1 - x0, fs)
        c.y += fs * 0.5
    cols = [Col("desc", "Description", 34), Col("qty", "Qty", 7, "r"), Col("price", "Unit price", 9, "r"), Col("amount", "Amount", 9, "r")]
    if rate and rng.random() < 0.4:
        cols.insert(3, Col("tax", "Tax", 5, "r"))
    rows = []
    for it, note in zip(items, notes):
        places = max(2, -it.price.as_tuple().exponent) if it.price is not None else 2
        rows.append({"desc": it.desc, "_note": note, "qty": fmt.qty(it.qty) if it.qty is not None else "",
                     "price": money(it.price, places) if it.price is not None else "", "amount": money(it.amount),
                     "tax": f"{fmt.qty(rate)}%"})
    table(c, cols, rows, style=rng.choice(["lines", "plain", "dotted"]))
    code = f" ({currency})" if f["code_in_totals"] else ""
    trs = [("Subtotal", money(subtotal), False)]
    if rate or tax_kind == "reverse":
        trs.append(("Total excluding tax", money(subtotal), False))
        label = {"sales": f"Sales tax ({fmt.qty(rate)}%)", "vat20": f"VAT (20% on {money(subtotal)})", "vat19": f"VAT (19% on {money(subtotal)})",
                 "vat21": f"VAT (21% on {money(subtotal)})", "reverse": "VAT (0% reverse charge)", "hst": "HST (13%)"}[tax_kind]
        trs.append((label, money(tax), False))
    trs.append((f"Total{code}", money(total), True))
    if f["credit"] == "balance":
        trs.append(("Applied balance" if rng.random() < 0.5 else "Credit applied", money(-credit), False))
        trs.append((f"Amount due{code}", money(due), True))
    elif f["credit"] == "paid":
        trs.append(("Amount paid", money(-credit) if rng.random() < 0.5 else money(credit), False))
        trs.append(("Amount remaining", money(due), True))
    else:
        trs.append((f"Amount due{code}", money(due), True))
    totals(c, trs, x_label=x0 + (x1 - x0) * 0.5, x_val=x1 - 3, rule_before_last=False)
    if tax_kind == "reverse":
        c.para(x0, "Reverse charge: the customer is liable to account for VAT (Art. 196 Council Directive 2006/112/EC).", x1 - x0, fs - 1)
    return c, make_truth(number=number, date=date, issuer=seller, customer=customer, currency=currency, items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# 6. Freight / logistics invoice

FR_LABELS = {
    "en": dict(title=["Freight Invoice", "INVOICE", "Invoice"], no="Invoice No.", date="Invoice date", due="Due date", cust="Customer No.",
               job="Job No.", bill="Invoice to", desc="Description", qty="Quantity", unit="Unit", rate="Rate", amount="Amount",
               vat="VAT", net="Total net", total="Total", ship="Shipment details", gross="Gross weight", chg="Chargeable weight",
               vol="Volume", pcs="Pieces", shipper="Shipper", consignee="Consignee", ref="Your reference", analysis="VAT analysis",
               code="Code", base="Net", zero="Z", std="S", out="O", pallets="pallets", duty="Customs duty (disbursement)",
               ivat="Import VAT (disbursement)", fuel="Fuel surcharge", sec="Security surcharge", handling="Terminal handling charges",
               export="Export customs clearance", delivery="Delivery to consignee", bl="B/L fee", thc="THC origin",
               baf="Bunker adjustment factor (BAF)", isps="ISPS surcharge", toll="Road toll", wait="Waiting time",
               tail="Tail-lift delivery", airfreight="Air freight", ocean="Ocean freight", road="Road freight", flat="flat",
               on="on", page="Page {i} of {n}", terms="Payment within 30 days of invoice date without deduction."),
    "de": dict(title=["Rechnung", "Frachtrechnung", "RECHNUNG"], no="Rechnungs-Nr.", date="Rechnungsdatum", due="Fällig am",
               cust="Kunden-Nr.", job="Auftrags-Nr.", bill="Rechnungsempfänger", desc="Leistung", qty="Menge", unit="Einheit",
               rate="Preis", amount="Betrag", vat="USt.", net="Summe netto", total="Gesamtbetrag", ship="Sendungsdaten",
               gross="Bruttogewicht", chg="Frachtpflichtiges Gewicht", vol="Volumen", pcs="Packstücke", shipper="Versender",
               consignee="Empfänger", ref="Ihre Referenz", analysis="USt.-Aufstellung", code="Code", base="Netto", zero="0%",
               std="19%", out="n.st.", pallets="Paletten", duty="Zoll (verauslagt)", ivat="Einfuhrumsatzsteuer (verauslagt)",
               fuel="Treibstoffzuschlag", sec="Sicherheitszuschlag", handling="Terminal-Handling", export="Ausfuhranmeldung",
               delivery="Zustellung an Empfänger", bl="B/L-Gebühr", thc="THC Ursprung", baf="Bunkerzuschlag (BAF)",
               isps="ISPS-Zuschlag", toll="Maut", wait="Standzeit", tail="Zustellung mit Hebebühne", airfreight="Luftfracht",
               ocean="Seefracht", road="Straßentransport", flat="pauschal", on="auf", page="Seite {i} von {n}",
               terms="Zahlbar innerhalb von 30 Tagen ohne Abzug. Leistungen gemäß ADSp 2017."),
    "fr": dict(title=["Facture", "FACTURE", "Facture de transport"], no="N° facture", date="Date de facture", due="Échéance",
               cust="N° client", job="N° dossier", bill="Facturé à", desc="Désignation", qty="Quantité", unit="Unité",
               rate="Prix unitaire", amount="Montant", vat="TVA", net="Total HT", total="Total TTC", ship="Données d'expédition",
               gross="Poids brut", chg="Poids taxable", vol="Volume", pcs="Colis", shipper="Expéditeur", consignee="Destinataire",
               ref="Votre référence", analysis="Récapitulatif TVA", code="Code", base="Base HT", zero="0%", std="20%", out="exo",
               pallets="palettes", duty="Droits de douane (débours)", ivat="TVA import (débours)", fuel="Surcharge carburant",
               sec="Surcharge sûreté", handling="Frais de manutention terminal", export="Déclaration export", delivery="Livraison destinataire",
               bl="Frais de B/L", thc="THC départ", baf="Surcharge soute (BAF)", isps="Surcharge ISPS", toll="Péage", wait="Temps d'attente",
               tail="Livraison avec hayon", airfreight="Fret aérien", ocean="Fret maritime", road="Transport routier", flat="forfait",
               on="sur", page="Page {i}/{n}", terms="Paiement à 30 jours date de facture. Pénalités de retard : 3 fois le taux d'intérêt légal."),
}
FR_SELLERS = {"en": ["Kestrel Freight Forwarding Ltd", "Bluewater Shipping & Logistics Ltd", "Skybridge Air Cargo Ltd", "Thameside Haulage Ltd"],
              "de": ["Hanseatic Spedition GmbH", "Rheinland Cargo Logistik GmbH & Co. KG", "Alpen Transport GmbH", "Elbe Luftfracht Service GmbH"],
              "fr": ["Transports Garonne SAS", "Atlantique Fret International SARL", "Rhône Logistique SA", "Normandie Maritime Services SAS"]}
FR_CUSTOMERS = {"en": ["Harwood Engineering Ltd", "Blue Finch Retail Ltd", "Castleford Foods plc"],
                "de": ["Maschinenbau Kessler GmbH", "Bäckerei Vogt KG", "Optik Brandt GmbH"],
                "fr": ["Ateliers Moreau SARL", "Chocolaterie Lemaire SAS", "Pharmacie Centrale du Midi"]}
FR_ADDR = {"en": [("Unit 7, Heathrow Cargo Centre", "Hounslow TW6 3AA"), ("Dock Road", "Felixstowe IP11 3SX")],
           "de": [("Am Sandtorkai 12", "20457 Hamburg"), ("Cargo City Süd, Geb. 532", "60549 Frankfurt am Main")],
           "fr": [("ZI du Port, 14 quai Nord", "76600 Le Havre"), ("Zone de Fret 4, Roissy", "95700 Roissy-en-France")]}
ROUTES = {"air": [("FRA", "ORD"), ("LHR", "JFK"), ("CDG", "PVG"), ("MUC", "DXB"), ("AMS", "HKG")],
          "sea": [("Hamburg", "Shanghai"), ("Felixstowe", "Singapore"), ("Le Havre", "New York"), ("Rotterdam", "Santos")],
          "road": [("Duisburg", "Milano"), ("Lyon", "Barcelona"), ("Birmingham", "Glasgow"), ("München", "Wien")]}


def build_freight(rng: random.Random, f: dict):
    lang = rng.choice(["en", "en", "de", "fr"])
    L = FR_LABELS[lang]
    mode = rng.choice(["air", "sea", "road"])
    f.update(lang=lang, locale={"en": "en-GB", "de": "de-DE", "fr": "fr-FR"}[lang], date_lang=lang, mode=mode)
    c = new_sheet(rng, f, [*LATIN_FAMILIES, "courier"], (7.6, 9.0), (32, 50))
    fmt = fmt_setup(rng, f, {"en": ["us"], "de": ["eu"], "fr": ["space_comma", "eu"]}[lang])
    currency = rng.choice(["GBP", "GBP", "EUR", "USD"]) if lang == "en" else "EUR"
    sym = {"GBP": "£", "EUR": "€", "USD": "US$"}[currency]
    f["date_style"] = rng.choice({"en": ["dmy/", "d mon y", "d month y"], "de": ["dmy.", "dmy.", "d. month y"],
                                  "fr": ["dmy/", "d month y"]}[lang])
    date = pick_date(rng)

    def d(x: dt.date) -> str:
        return fmt_date(x, f["date_style"], lang)

    seller = rng.choice(FR_SELLERS[lang])
    customer = rng.choice(FR_CUSTOMERS[lang])
    street, city = rng.choice(FR_ADDR[lang])
    vat_rate = {"en": D(20), "de": D(19), "fr": D(20)}[lang]
    number = rng.choice([f"{rng.choice(['FRA', 'HAM', 'LHR', 'LEH'])}-INV-{date.year}-{rng.randint(1, 99999):05d}",
                         f"{letters(rng, 2)}{date:%y%m}{rng.randint(100, 999)}", f"9{digits(rng, 7)}"])
    job = f"{date:%y}-{rng.choice(['AE', 'SE', 'RD', 'AI', 'SI'])}-{rng.randint(100, 99999):05d}"
    o, dest = rng.choice(ROUTES[mode])
    gross_kg = D(rng.randint(800, 180000)) / 10 if mode != "sea" else D(rng.randint(30000, 240000)) / 10
    cbm = D(rng.randint(50, 4500)) / 100
    chargeable = max(gross_kg, r2(cbm * 167, 1)) if mode == "air" else gross_kg
    pallets = rng.randint(1, 26)
    etd = date - dt.timedelta(days=rng.randint(3, 30))
    eta = etd + dt.timedelta(days={"air": 2, "sea": 28, "road": 3}[mode])

    def wt(v: Decimal) -> str:
        return f"{fmt.num(v, 1)} kg"

    block = []
    if mode == "air":
        block += [("MAWB", f"{rng.choice(['020', '176', '057', '618'])}-{digits(rng, 8)}"), ("HAWB", f"{letters(rng, 3)}{digits(rng, 7)}"),
                  ("Flight", f"{rng.choice(['LH', 'BA', 'AF', 'EK', 'CX'])} {rng.randint(100, 9999)} / {etd:%d}{month(etd, 'en')[:3].upper()}"),
                  ("Routing", f"{o} - {dest}")]
    elif mode == "sea":
        cont = f"{rng.choice(['MSCU', 'MAEU', 'CMAU', 'HLXU'])} {digits(rng, 6)}-{digits(rng, 1)}"
        block += [("B/L No.", f"{rng.choice(['MEDU', 'HLCU', 'CMDU'])}{letters(rng, 2)}{digits(rng, 6)}"), ("Container", f"{cont} / 40' HC"),
                  ("Vessel / Voyage", f"{rng.choice(['MSC AURORA', 'CMA CGM RIVOLI', 'MAERSK KENSINGTON', 'EVER GIVEN'])} / {rng.randint(100, 999)}W"),
                  ("POL / POD", f"{o} / {dest}"), ("Seal", f"ML-{letters(rng, 2)} {digits(rng, 7)}")]
    else:
        block += [("CMR No.", digits(rng, 7)), ("Truck / Trailer", f"{letters(rng, 2)}-{letters(rng, 2)} {rng.randint(100, 9999)} / {letters(rng, 2)}-{digits(rng, 4)}"),
                  ("Route", f"{o} - {dest}"), ("Loading metres", f"{fmt.num(D(rng.randint(8, 136)) / 10, 1)} ldm")]
    block += [(L["pcs"], f"{pallets} {L['pallets']}"), (L["gross"], wt(gross_kg)), (L["vol"], f"{fmt.num(cbm)} m³" if rng.random() < 0.5 else f"{fmt.num(cbm)} CBM")]
    if mode == "air":
        block.append((L["chg"], wt(chargeable)))
    block += [("ETD", d(etd)), ("ETA", d(eta)), ("Incoterms", f"{rng.choice(['FCA', 'EXW', 'DAP', 'FOB', 'CIF'])} {o}"),
              (L["ref"], f"PO-{rng.randint(10000, 99999)}"), (L["shipper"], rng.choice(["Nordic Parts AB", "Shenzhen Brightlight Co., Ltd.", "Ferro Italia S.p.A."])),
              (L["consignee"], customer if rng.random() < 0.6 else rng.choice(["Harbour Distribution Centre", "Lager Nord GmbH"]))]

    def line(desc, qty, price, unit, code, amount=None) -> Item:
        amt = r2(qty * price) if amount is None else amount
        return Item(desc, qty, price, amt, {"unit": unit, "code": code})

    S, Z, O = "std", "zero", "out"
    items: list[Item] = []
    intl = mode != "road" or (lang == "de" and rng.random() < 0.5)
    fr_code = Z if intl else S
    if mode == "air":
        rate = r2(D(str(rng.uniform(1.8, 4.9))))
        items.append(line(f"{L['airfreight']} {o} - {dest}", chargeable, rate, "kg", fr_code))
        base = items[0].amount
        if rng.random() < 0.5:
            items.append(line(L["fuel"], chargeable, r2(D(str(rng.uniform(0.7, 1.5)))), "kg", fr_code))
        else:
            pct = D(rng.choice(["12.5", "16", "18.5", "22"]))
            items.append(Item(f"{L['fuel']} {fmt.qty(pct)}%", None, None, r2(base * pct / 100), {"unit": "", "code": fr_code}))
        items.append(line(L["sec"], chargeable, r2(D(str(rng.uniform(0.1, 0.2)))), "kg", fr_code))
        items.append(line(L["handling"], D(1), r2(D(str(rng.uniform(45, 160)))), L["flat"], S))
    elif mode == "sea":
        n = D(rng.choice([1, 1, 2, 3]))
        items.append(line(f"{L['ocean']} {o} - {dest}", n, D(rng.randint(900, 2600)), "cntr", fr_code))
        items.append(line(L["baf"], n, D(rng.randint(150, 420)), "cntr", fr_code))
        items.append(line(L["thc"], n, D(rng.randint(180, 290)), "cntr", S))
        items.append(line(L["bl"], D(1), D(rng.randint(45, 85)), L["flat"], S))
        if rng.random() < 0.5:
            items.append(line(L["isps"], n, D(rng.randint(10, 22)), "cntr", S))
    else:
        per = r2(D(str(rng.uniform(55, 140))))
        items.append(line(f"{L['road']} {o} - {dest}", D(pallets), per, "pal", fr_code))
        pct = D(rng.choice(["14.5", "16", "18.5"]))
        items.append(Item(f"{L['fuel']} {fmt.qty(pct)}% {L['on']} {fmt.num(items[0].amount)}", None, None,
                          r2(items[0].amount * pct / 100), {"unit": "", "code": fr_code}))
        items.append(line(L["toll"], D(1), r2(D(str(rng.uniform(40, 260)))), L["flat"], fr_code))
        if rng.random() < 0.5:
            items.append(line(L["wait"], D(rng.choice([1, 2, 3])), D(rng.choice([45, 55, 60])), "h", fr_code))
        if rng.random() < 0.5:
            items.append(line(L["tail"], D(1), D(rng.randint(35, 90)), L["flat"], fr_code))
    if mode != "road" and rng.random() < 0.7:
        items.append(line(L["export"], D(1), D(rng.randint(35, 120)), L["flat"], S))
        items.append(line(L["delivery"], D(1), r2(D(str(rng.uniform(60, 380)))), L["flat"], S))
    f["disbursements"] = mode != "road" and rng.random() < 0.7
    if f["disbursements"]:
        items.append(Item(L["duty"], None, None, r2(D(str(rng.uniform(80, 4200)))), {"unit": "", "code": O}))
        if rng.random() < 0.5:
            items.append(Item(L["ivat"], None, None, r2(D(str(rng.uniform(200, 9000)))), {"unit": "", "code": O}))
    subtotal = sum((it.amount for it in items), ZERO)
    groups = {k: sum((it.amount for it in items if it.extra["code"] == k), ZERO) for k in (S, Z, O)}
    tax = r2(groups[S] * vat_rate / 100)
    total = subtotal + tax
    f["items_sum_to"], f["charges"] = "subtotal", "0"

    cust_no = f"{rng.randint(10000, 99999)}"
    meta = [(L["no"], number), (L["date"], d(date)), (L["due"], d(date + dt.timedelta(days=30))), (L["cust"], cust_no), (L["job"], job)]
    if rng.random() < 0.5:
        meta[0], meta[4] = meta[4], meta[0]
    phone = {"en": "+44 20", "de": "+49 40", "fr": "+33 2"}[lang]
    sl = [street, city, f"Tel. {phone} {digits(rng, 4)} {digits(rng, 4)}"]
    vat_id = {"en": f"VAT Reg. GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}", "de": f"USt-IdNr. DE{digits(rng, 9)}",
              "fr": f"TVA FR{digits(rng, 11)}  SIRET {digits(rng, 14)}"}[lang]
    seller_d = {"name": seller, "lines": [*sl, vat_id], "brand": seller.split()[0].upper()}
    caddr = {"en": ["14 Mill Lane", "Leeds LS1 4DY"], "de": ["Industriestraße 8", "42329 Wuppertal"],
             "fr": ["12 rue de la République", "69002 Lyon"]}[lang]
    footer = std_header(c, rng, f, title=rng.choice(L["title"]), seller=seller_d, buyer={"title": L["bill"], "name": customer, "lines": caddr},
                        meta=meta, title_size=rng.choice([5, 8]))
    bank = iban(rng, {"en": "GB", "de": "DE", "fr": "FR"}[lang], {"en": "NWBK" + digits(rng, 6), "de": digits(rng, 8), "fr": digits(rng, 10)}[lang],
                {"en": 8, "de": 10, "fr": 13}[lang])
    std_footer(c, footer + [f"IBAN {bank} \u00b7 BIC {rng.choice(['NWBKGB2L', 'COBADEFFXXX', 'BNPAFRPPXXX', 'DEUTDEHHXXX'])}"], L["page"])
    # the shipment block: a grid of small labels over values
    x0, x1, fs = c.M, c.W - c.M, c.fs
    c.text(x0, c.y, L["ship"], fs + 1, True)
    c.y += fs * 1.6
    ncol = 4
    cw = (x1 - x0) / ncol
    for k in range(0, len(block), ncol):
        for j, (label, value) in enumerate(block[k:k + ncol]):
            x = x0 + j * cw
            c.text(x + 3, c.y, label, fs - 1.8, color=GREY)
            vs = fs - 0.5
            while c.width(value, vs) > cw - 6 and vs > 5:
                vs -= 0.25
            c.text(x + 3, c.y + fs * 1.05, value, vs)
        c.y += fs * 2.6
    c.line(x0, c.y, x1, c.y, 0.4, GREY)
    c.y += fs
    code_txt = {S: L["std"], Z: L["zero"], O: L["out"]}
    cols = [Col("desc", L["desc"], 30), Col("qty", L["qty"], 8, "r"), Col("unit", L["unit"], 6), Col("rate", L["rate"], 8, "r"),
            Col("vat", L["vat"], 5, "c"), Col("amount", f"{L['amount']} {currency}" if rng.random() < 0.6 else L["amount"], 10, "r")]
    if rng.random() < 0.3:
        cols = [cols[0], cols[4], cols[1], cols[2], cols[3], cols[5]]
    rows = [{"desc": it.desc, "qty": fmt.qty(it.qty) if it.qty is not None else "", "unit": it.extra["unit"],
             "rate": fmt.num(it.price) if it.price is not None else "", "vat": code_txt[it.extra["code"]],
             "amount": fmt.num(it.amount)} for it in items]
    table(c, cols, rows, style=rng.choice(["lines", "grid", "zebra"]), head_fill=LIGHT if rng.random() < 0.5 else None)
    trs = [(L["net"], fmt.num(subtotal), False), (f"{L['vat']} {fmt.qty(vat_rate)}% {L['on']} {fmt.num(groups[S])}", fmt.num(tax), False),
           (f"{L['total']} {currency}" if rng.random() < 0.7 else L["total"], f"{sym} {fmt.num(total)}" if rng.random() < 0.5 else fmt.num(total), True)]
    std_totals(c, rng, f, trs, styles=("right", "right_box", "label_left_far"))
    if rng.random() < 0.6:
        c.y += fs * 0.5
        c.need(fs * 7)
        c.text(x0, c.y, L["analysis"], fs, True)
        c.y += fs * 1.4
        arows = [{"desc": code_txt[k], "rate": {S: f"{fmt.qty(vat_rate)}%", Z: "0%", O: "-"}[k], "base": fmt.num(v),
                  "vat": fmt.num(tax if k == S else ZERO)} for k, v in groups.items() if v]
        table(c, [Col("desc", L["code"], 6), Col("rate", "%", 6, "r"), Col("base", L["base"], 10, "r"), Col("vat", L["vat"], 10, "r")], arows,
              x0=x0, x1=x0 + (x1 - x0) * 0.45, size=fs - 1, style="plain")
    c.y += fs * 0.5
    c.para(x0, L["terms"], x1 - x0, fs - 1)
    return c, make_truth(number=number, date=date, issuer=seller, customer=customer, currency=currency, items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# 7. Item table continued over 2-3 pages

MP_LABELS = {
    "en": dict(title="Invoice", no="Invoice No.", date="Invoice Date", cust="Account No.", order="Order No.", dn="Delivery note",
               art="Item No.", desc="Description", qty="Qty", unit="Unit", price="Unit Price", amount="Net Amount", net="Net total",
               vat="VAT", total="Invoice total", cf=["Carried forward", "Continued on next page"], bf="Brought forward",
               page="Page {i} of {n}", cont="continued", bill="Invoice address", deliver="Delivery address", of="of",
               units=["pcs", "box", "pack", "roll", "m"], fmt=["us"], dates=["dmy/", "d mon y", "d month y"],
               rates=[D(20), D(5)], cur=[("GBP", "£"), ("EUR", "€")],
               names=["Midland Fastener Supplies Ltd", "Pennine Trade Wholesale Ltd", "Severn Electrical Distributors Ltd"],
               customers=["Riverside Building Services Ltd", "Oakfield Maintenance Ltd", "Ashgrove Facilities plc"],
               addr=[["Unit 4, Tame Valley Industrial Estate", "Birmingham B24 9QR"], ["Canal Street 22", "Manchester M1 3HE"]],
               products=[("Hex bolt", ["M6 x 30", "M8 x 40", "M10 x 50", "M12 x 60"], "box", (4, 18)),
                         ("Cable tie, black", ["100 mm", "200 mm", "300 mm"], "pack", (2, 9)),
                         ("Wood screw, countersunk", ["4 x 40", "5 x 60", "6 x 80"], "box", (5, 16)),
                         ("LED batten 4 ft", ["18 W", "24 W", "36 W"], "pcs", (12, 38)),
                         ("PVC insulation tape", ["red", "blue", "black", "green/yellow"], "roll", (1, 3)),
                         ("Twin and earth cable", ["1.5 mm", "2.5 mm", "6 mm"], "m", (1, 4)),
                         ("Masonry drill bit", ["6 mm", "8 mm", "10 mm", "12 mm"], "pcs", (2, 9)),
                         ("Wall plug, brown", ["7 mm", "10 mm"], "pack", (2, 6)),
                         ("Nitrile gloves, box of 100", ["size M", "size L", "size XL"], "box", (6, 12)),
                         ("Silicone sealant 310 ml", ["white", "clear", "grey"], "pcs", (4, 9))]),
    "de": dict(title="Rechnung", no="Rechnungsnummer", date="Rechnungsdatum", cust="Kundennummer", order="Auftragsnummer",
               dn="Lieferschein", art="Artikel-Nr.", desc="Bezeichnung", qty="Menge", unit="ME", price="Einzelpreis",
               amount="Gesamtpreis", net="Nettobetrag", vat="MwSt.", total="Rechnungsbetrag", cf=["Übertrag"], bf="Übertrag",
               page="Seite {i} von {n}", cont="Fortsetzung", bill="Rechnungsanschrift", deliver="Lieferanschrift", of="vom",
               units=["Stk", "Pck", "Rolle", "m", "Ktn"], fmt=["eu"], dates=["dmy.", "dmy."], rates=[D(19), D(7)], cur=[("EUR", "€")],
               names=["Schrauben Wagner GmbH", "Elektro-Großhandel Lindner KG", "Bürobedarf Hoffmann GmbH & Co. KG"],
               customers=["Hausverwaltung Becker GmbH", "Stadtwerke Neustadt GmbH", "Autohaus Seidel KG"],
               addr=[["Gewerbering 17", "90451 Nürnberg"], ["Hafenstraße 3", "28217 Bremen"]],
               products=[("Sechskantschraube DIN 933", ["M6 x 30", "M8 x 40", "M10 x 50", "M12 x 60"], "Pck", (4, 18)),
                         ("Kabelbinder schwarz", ["100 mm", "200 mm", "300 mm"], "Pck", (2, 9)),
                         ("Spanplattenschraube Senkkopf", ["4 x 40", "5 x 60", "6 x 80"], "Pck", (5, 16)),
                         ("LED-Feuchtraumleuchte", ["18 W", "24 W", "36 W"], "Stk", (12, 38)),
                         ("Isolierband", ["rot", "blau", "schwarz", "grün-gelb"], "Rolle", (1, 3)),
                         ("Mantelleitung NYM-J", ["3 x 1,5 mm²", "5 x 2,5 mm²"], "m", (1, 4)),
                         ("Steinbohrer", ["6 mm", "8 mm", "10 mm", "12 mm"], "Stk", (2, 9)),
                         ("Kopierpapier A4 80 g", ["weiß", "recycling"], "Ktn", (18, 32)),
                         ("Nitril-Handschuhe, 100 Stück", ["Gr. M", "Gr. L", "Gr. XL"], "Pck", (6, 12)),
                         ("Kaffee ganze Bohne 1 kg", ["Crema", "Espresso"], "Pck", (12, 22))]),
    "fr": dict(title="Facture", no="N° de facture", date="Date", cust="Code client", order="N° de commande", dn="Bon de livraison",
               art="Référence", desc="Désignation", qty="Qté", unit="Unité", price="P.U. HT", amount="Montant HT", net="Total HT",
               vat="TVA", total="Total TTC", cf=["À reporter"], bf="Report", page="Page {i}/{n}", cont="suite",
               bill="Adresse de facturation", deliver="Adresse de livraison", of="du",
               units=["pce", "bte", "paq", "rlx", "m"], fmt=["space_comma", "eu"], dates=["dmy/", "d month y"], rates=[D(20), D("5.5")],
               cur=[("EUR", "€")], names=["Quincaillerie Dupont SAS", "Comptoir Électrique Lyonnais SARL", "Fournitures Martin & Fils SA"],
               customers=["Mairie de Villeurbanne", "Clinique Saint-Joseph", "Boulangerie Petit SARL"],
               addr=[["ZA des Platanes, 8 rue Ampère", "69200 Vénissieux"], ["45 avenue Jean Jaurès", "31000 Toulouse"]],
               products=[("Vis tête hexagonale", ["M6 x 30", "M8 x 40", "M10 x 50"], "bte", (4, 18)),
                         ("Collier de serrage noir", ["100 mm", "200 mm", "300 mm"], "paq", (2, 9)),
                         ("Vis agglo tête fraisée", ["4 x 40", "5 x 60", "6 x 80"], "bte", (5, 16)),
                         ("Réglette LED étanche", ["18 W", "24 W", "36 W"], "pce", (12, 38)),
                         ("Ruban isolant", ["rouge", "bleu", "noir"], "rlx", (1, 3)),
                         ("Câble R2V", ["3G1,5", "3G2,5", "5G6"], "m", (1, 4)),
                         ("Foret béton", ["6 mm", "8 mm", "10 mm"], "pce", (2, 9)),
                         ("Ramette papier A4 80 g", ["blanc", "recyclé"], "paq", (4, 8)),
                         ("Gants nitrile, boîte de 100", ["taille M", "taille L"], "bte", (6, 12)),
                         ("Mastic silicone 310 ml", ["blanc", "transparent"], "pce", (4, 9))]),
    "it": dict(title="Fattura", no="Numero fattura", date="Data", cust="Codice cliente", order="Ordine n.", dn="DDT",
               art="Codice", desc="Descrizione", qty="Q.tà", unit="U.M.", price="Prezzo unit.", amount="Importo",
               net="Imponibile", vat="IVA", total="Totale documento", cf=["A riportare"], bf="Riporto", page="Pagina {i} di {n}",
               cont="segue", bill="Destinatario", deliver="Luogo di destinazione", of="del", units=["pz", "conf", "rot", "m", "kg"],
               fmt=["eu"], dates=["dmy/", "dmy."], rates=[D(22), D(10)], cur=[("EUR", "€")],
               names=["Ferramenta Rossi S.r.l.", "Elettroforniture Brambilla S.p.A.", "Cartoleria Ferraro S.n.c."],
               customers=["Comune di Bergamo", "Albergo Bellavista S.r.l.", "Officina Meccanica Colombo S.r.l."],
               addr=[["Via dell'Industria 45", "20090 Segrate (MI)"], ["Corso Vittorio Emanuele 112", "10121 Torino"]],
               products=[("Vite testa esagonale zincata", ["M6 x 30", "M8 x 40", "M10 x 50"], "conf", (4, 18)),
                         ("Fascetta nera", ["100 mm", "200 mm", "300 mm"], "conf", (2, 9)),
                         ("Plafoniera LED stagna", ["18 W", "24 W", "36 W"], "pz", (12, 38)),
                         ("Nastro isolante", ["rosso", "blu", "nero"], "rot", (1, 3)),
                         ("Cavo FG16OR16", ["3G1,5", "3G2,5", "5G6"], "m", (1, 4)),
                         ("Punta per muro", ["6 mm", "8 mm", "10 mm"], "pz", (2, 9)),
                         ("Carta per fotocopie A4", ["bianca", "riciclata"], "conf", (4, 8)),
                         ("Guanti in nitrile, scatola da 100", ["taglia M", "taglia L"], "conf", (6, 12)),
                         ("Caffè in grani 1 kg", ["arabica", "miscela bar"], "kg", (14, 24))]),
    "es": dict(title="Factura", no="Nº factura", date="Fecha", cust="Nº cliente", order="Nº pedido", dn="Albarán",
               art="Referencia", desc="Descripción", qty="Cant.", unit="Ud.", price="Precio", amount="Importe", net="Base imponible",
               vat="IVA", total="Total factura", cf=["Suma y sigue"], bf="Suma anterior", page="Página {i} de {n}", cont="continuación",
               bill="Facturar a", deliver="Enviar a", of="de", units=["ud", "caja", "rollo", "m", "paq"], fmt=["eu"],
               dates=["dmy/", "d de month de y"], rates=[D(21), D(10)], cur=[("EUR", "€")],
               names=["Suministros Industriales Gómez S.L.", "Ferretería El Clavo S.A.", "Distribuciones Eléctricas del Sur S.L."],
               customers=["Hotel Mirador S.L.", "Ayuntamiento de Getafe", "Talleres Navarro S.A."],
               addr=[["Polígono Industrial Las Arenas, nave 12", "28906 Getafe (Madrid)"], ["Calle Mayor 45", "46001 Valencia"]],
               products=[("Tornillo hexagonal cincado", ["M6 x 30", "M8 x 40", "M10 x 50"], "caja", (4, 18)),
                         ("Brida de nylon negra", ["100 mm", "200 mm", "300 mm"], "paq", (2, 9)),
                         ("Pantalla LED estanca", ["18 W", "24 W", "36 W"], "ud", (12, 38)),
                         ("Cinta aislante", ["roja", "azul", "negra"], "rollo", (1, 3)),
                         ("Cable RZ1-K", ["3G1,5", "3G2,5", "5G6"], "m", (1, 4)),
                         ("Broca para hormigón", ["6 mm", "8 mm", "10 mm"], "ud", (2, 9)),
                         ("Papel A4 80 g, paquete 500 hojas", ["blanco", "reciclado"], "paq", (4, 8)),
                         ("Guantes de nitrilo, caja de 100", ["talla M", "talla L"], "caja", (6, 12)),
                         ("Silicona neutra 300 ml", ["blanca", "transparente"], "ud", (4, 9))]),
    "nl": dict(title="Factuur", no="Factuurnummer", date="Factuurdatum", cust="Klantnummer", order="Ordernummer", dn="Pakbon",
               art="Artikelnr.", desc="Omschrijving", qty="Aantal", unit="Eenh.", price="Prijs", amount="Bedrag", net="Subtotaal",
               vat="Btw", total="Totaal", cf=["Transport"], bf="Transport", page="Pagina {i} van {n}", cont="vervolg",
               bill="Factuuradres", deliver="Afleveradres", of="van", units=["st", "doos", "rol", "m", "pak"], fmt=["eu"],
               dates=["dmy-", "d month y"], rates=[D(21), D(9)], cur=[("EUR", "€")],
               names=["Technische Groothandel Visser B.V.", "Bouwmaterialen De Jong B.V.", "Kantoorartikelen Bakker V.O.F."],
               customers=["Gemeente Zwolle", "Zorggroep De Linde", "Installatiebedrijf Smit B.V."],
               addr=[["Industrieweg 31", "3542 AD Utrecht"], ["Havenstraat 8", "9711 RA Groningen"]],
               products=[("Zeskantbout verzinkt", ["M6 x 30", "M8 x 40", "M10 x 50"], "doos", (4, 18)),
                         ("Kabelbinder zwart", ["100 mm", "200 mm", "300 mm"], "pak", (2, 9)),
                         ("LED armatuur waterdicht", ["18 W", "24 W", "36 W"], "st", (12, 38)),
                         ("Isolatietape", ["rood", "blauw", "zwart"], "rol", (1, 3)),
                         ("Installatiekabel VMvK", ["3 x 1,5 mm²", "3 x 2,5 mm²"], "m", (1, 4)),
                         ("Steenboor", ["6 mm", "8 mm", "10 mm"], "st", (2, 9)),
                         ("Printpapier A4 80 g", ["wit", "gerecycled"], "pak", (4, 8)),
                         ("Nitril handschoenen, doos 100 stuks", ["maat M", "maat L"], "doos", (6, 12)),
                         ("Koffiebonen 1 kg", ["espresso", "crema"], "pak", (12, 22))]),
}


def build_multipage(rng: random.Random, f: dict):
    lang = rng.choice(list(MP_LABELS))
    L = MP_LABELS[lang]
    f.update(lang=lang, locale=lang, date_lang=lang)
    c = new_sheet(rng, f, LATIN_FAMILIES, (8.4, 10.0), (32, 50))
    fmt = fmt_setup(rng, f, L["fmt"])
    currency, sym = rng.choice(L["cur"])
    f["date_style"] = rng.choice(L["dates"])
    date = pick_date(rng)

    def d(x: dt.date) -> str:
        return fmt_date(x, f["date_style"], lang)

    seller = rng.choice(L["names"])
    customer = rng.choice(L["customers"])
    addr = rng.choice(L["addr"])
    number = rng.choice([f"{date.year}{rng.randint(1, 9999):05d}", f"{rng.randint(100000, 999999)}", f"R{date:%y}-{rng.randint(1, 9999):04d}",
                         f"{date.year}/{rng.randint(1, 2999)}"])
    # the catalogue: every product in each variant, at least two pages of lines
    combos = [(f"{name} {spec}", unit, rng_range) for name, specs, unit, rng_range in L["products"] for spec in specs]
    rng.shuffle(combos)
    fs = c.fs
    lot = {"en": "Batch", "de": "Charge", "fr": "Lot", "it": "Lotto", "es": "Lote", "nl": "Partij"}[lang]
    row_h = fs * 1.3 + 6
    usable = c.H - c.M - (c.M * 0.6 + fs * 5)
    cap1 = int((usable - 330) / row_h)
    cap2 = int((usable - 60) / row_h)
    if len(combos) < cap1 + cap2 + 8:  # a second delivery of the same articles
        combos += rng.sample(combos, len(combos))
    n = rng.randint(cap1 + 3, min(len(combos), cap1 + cap2 + 8))
    lo_rate, hi_rate = L["rates"]
    items = []
    for desc, unit, (lo, hi) in combos[:n]:
        qty = D(rng.choice([1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50, 100]))
        price = r2(D(str(rng.uniform(lo, hi))))
        rate = lo_rate if rng.random() < 0.85 else hi_rate
        note = [f"{lot} {letters(rng, 2)}{digits(rng, 5)}"] if rng.random() < 0.25 else []
        items.append(Item(desc, qty, price, r2(qty * price), {"unit": unit, "rate": rate, "art": f"{rng.randint(10000, 999999)}",
                                                              "note": note}))
    subtotal = sum((it.amount for it in items), ZERO)
    by_rate = {r: sum((it.amount for it in items if it.extra["rate"] == r), ZERO) for r in (lo_rate, hi_rate)}
    vat = {r: r2(b * r / 100) for r, b in by_rate.items() if b}
    tax = sum(vat.values(), ZERO)
    total = subtotal + tax
    f["items_sum_to"], f["charges"] = "subtotal", "0"
    f["n_items"] = n

    sl = [*addr, f"Tel. {rng.randint(10, 99)} {digits(rng, 3)} {digits(rng, 4)}"]
    footer = std_header(c, rng, f, title=L["title"], seller={"name": seller, "lines": sl},
                        buyer={"title": L["bill"], "name": customer, "lines": rng.choice([a for a in L["addr"] if a != addr] or [addr])},
                        meta=[(L["no"], number), (L["date"], d(date)), (L["cust"], f"{rng.randint(10000, 99999)}"),
                              (L["order"], f"{rng.randint(400000, 499999)}")],
                        positions=("left", "right", "center", "brand"))
    page_label = L["page"]
    std_footer(c, footer or [f"{seller} \u00b7 {addr[0]} \u00b7 {addr[1]}"], page_label)
    title_line = f"{L['title']} {number} {L['of']} {d(date)} ({L['cont']})"

    def continuation(s: Sheet) -> None:
        s.text(s.M, s.y, title_line if rng.random() < 0.8 else f"{L['title']} {number}", fs, True)
        s.text(s.W - s.M, s.y, seller, fs - 1, align="r", color=GREY)
        s.y += fs * 2.4

    c.on_new_page = continuation
    cols = [Col("pos", "Pos.", 4), Col("art", L["art"], 8), Col("desc", L["desc"], 30), Col("qty", L["qty"], 6, "r"),
            Col("unit", L["unit"], 5), Col("price", L["price"], 9, "r"), Col("amount", L["amount"], 10, "r")]
    if rng.random() < 0.5:
        cols.insert(-1, Col("vat", f"{L['vat']} %", 5, "r"))
    if rng.random() < 0.3:
        cols = [col for col in cols if col.key != "art"]
    rows = []
    dn_rows = rng.random() < 0.3
    f["delivery_note_rows"] = dn_rows
    for k, it in enumerate(items, 1):
        if dn_rows and (k == 1 or k == n // 2 + 1):
            dn_date = date - dt.timedelta(days=rng.randint(1, 20))
            rows.append({"desc": f"{L['dn']} {rng.randint(70000, 79999)} {L['of']} {fmt_date(dn_date, f['date_style'], lang)}", "_bold": True})
        rows.append({"pos": str(k), "art": it.extra["art"], "desc": it.desc, "qty": fmt.qty(it.qty), "unit": it.extra["unit"],
                     "price": fmt.num(it.price), "amount": fmt.num(it.amount), "vat": fmt.qty(it.extra["rate"]), "_amt": it.amount,
                     "_note": it.extra["note"]})
    cf = rng.choice(L["cf"])
    with_amount = not cf.startswith("Continued")
    f["carry_forward"] = cf
    table(c, cols, rows, style=rng.choice(["lines", "zebra", "plain", "grid"]), head_fill=LIGHT if rng.random() < 0.5 else None,
          cont={"cf": cf, "bf": L["bf"] if with_amount else None, "fmt": fmt.num if with_amount else None})
    trs = [(L["net"], fmt.num(subtotal), False)]
    for r, v in vat.items():
        trs.append((f"{L['vat']} {fmt.qty(r)}% {'(' + fmt.num(by_rate[r]) + ')' if rng.random() < 0.4 else ''}".strip(), fmt.num(v), False))
    trs.append((f"{L['total']} {currency}" if rng.random() < 0.5 else L["total"], f"{fmt.num(total)} {sym}" if fmt.ds == "," else f"{sym}{fmt.num(total)}", True))
    std_totals(c, rng, f, trs, styles=("right", "right_box"))
    c.para(c.M, rng.choice(["", f"IBAN {iban(rng, 'DE', digits(rng, 8), 10)}"]), c.W - 2 * c.M, fs - 1)
    return c, make_truth(number=number, date=date, issuer=seller, customer=customer, currency=currency, items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# 8. Gross-price invoices: prices include VAT, the VAT is only stated

GR_LABELS = {
    "en": dict(title=["Invoice", "VAT Invoice", "INVOICE"], no="Invoice number", date="Invoice date", order="Order number",
               odate="Order date", item="Item", qty="Qty", price="Price (incl. VAT)", amount="Total", total=["Total", "Total incl. VAT", "Amount paid"],
               incl=["includes VAT {r}%", "VAT included ({r}%)", "of which VAT {r}%"], net="Net amount", ship="Shipping",
               bill="Billing address", rates=[D(20), D(5)], cur=("GBP", "£"), fmt=["us"], dates=["dmy/", "d month y", "d mon y"],
               sellers=["Hartley & Finch Home Ltd", "Brambleberry Books Ltd", "Coastline Outdoor Supplies Ltd"],
               customers=["Emma Richardson", "Thomas Whitaker", "Priya Nair"],
               products=[("Cotton bath towel set, sage green", 0, (18, 45)), ("Ceramic pour-over coffee dripper", 0, (14, 32)),
                         ("Children's picture book: The Owl Who Stayed Up", None, (6, 14)), ("Waterproof hiking jacket, men's L", 0, (65, 180)),
                         ("Stainless steel water bottle 750 ml", 0, (12, 28)), ("Organic loose leaf tea 250 g", None, (5, 12)),
                         ("Wool walking socks, 3 pairs", 0, (14, 24)), ("LED desk lamp with USB charging", 0, (24, 60))]),
    "de": dict(title=["Rechnung", "RECHNUNG"], no="Rechnungsnummer", date="Rechnungsdatum", order="Bestellnummer",
               odate="Bestelldatum", item="Artikel", qty="Anzahl", price="Einzelpreis", amount="Gesamt", total=["Gesamtsumme", "Gesamtbetrag inkl. MwSt.", "Rechnungsbetrag"],
               incl=["enthaltene MwSt. {r}%", "inkl. {r}% MwSt.", "darin enthaltene USt. {r}%"], net="Nettobetrag", ship="Versandkosten",
               bill="Rechnungsadresse", rates=[D(19), D(7)], cur=("EUR", "€"), fmt=["eu"], dates=["dmy.", "d. month y"],
               sellers=["Nordlicht Wohnen GmbH", "Buchhandlung Seitenweise GmbH", "Gipfelglück Outdoor GmbH"],
               customers=["Julia Schneider", "Markus Weber", "Leonie Fischer"],
               products=[("Frottier-Handtuchset, salbeigrün", 0, (18, 45)), ("Keramik-Kaffeefilter Handaufguss", 0, (14, 32)),
                         ("Kinderbuch: Die Eule, die nicht schlafen wollte", None, (8, 16)), ("Wanderjacke wasserdicht, Herren L", 0, (65, 180)),
                         ("Edelstahl-Trinkflasche 750 ml", 0, (12, 28)), ("Bio-Schwarztee lose 250 g", None, (5, 12)),
                         ("Wandersocken Merino, 3 Paar", 0, (14, 24)), ("LED-Schreibtischleuchte mit USB", 0, (24, 60))]),
    "fr": dict(title=["Facture", "FACTURE"], no="N° de facture", date="Date de facture", order="N° de commande",
               odate="Date de commande", item="Article", qty="Qté", price="Prix unitaire TTC", amount="Total TTC", total=["Total TTC", "Montant total", "Net à payer"],
               incl=["dont TVA {r} %", "TVA incluse ({r} %)"], net="Total HT", ship="Frais de port", bill="Adresse de facturation",
               rates=[D(20), D("5.5")], cur=("EUR", "€"), fmt=["space_comma", "eu"], dates=["dmy/", "d month y"],
               sellers=["Maison Lumière SAS", "Librairie Les Mots Passants SARL", "Altitude Sport & Montagne SAS"],
               customers=["Camille Martin", "Julien Bernard", "Sophie Lefèvre"],
               products=[("Parure de bain en coton, vert sauge", 0, (18, 45)), ("Dripper à café en céramique", 0, (14, 32)),
                         ("Album jeunesse : La Chouette qui ne dormait pas", None, (8, 16)), ("Veste de randonnée imperméable, homme L", 0, (65, 180)),
                         ("Gourde inox 750 ml", 0, (12, 28)), ("Thé noir bio en vrac 250 g", None, (5, 12)),
                         ("Chaussettes de randonnée en laine, lot de 3", 0, (14, 24)), ("Lampe de bureau LED avec port USB", 0, (24, 60))]),
    "es": dict(title=["Factura", "FACTURA"], no="Nº de factura", date="Fecha de factura", order="Nº de pedido", odate="Fecha del pedido",
               item="Artículo", qty="Cant.", price="Precio (IVA incl.)", amount="Total", total=["Total", "Total factura", "Importe total"],
               incl=["IVA incluido ({r}%)", "de los cuales IVA {r}%"], net="Base imponible", ship="Gastos de envío", bill="Datos de facturación",
               rates=[D(21), D(10)], cur=("EUR", "€"), fmt=["eu"], dates=["dmy/", "d de month de y"],
               sellers=["Casa Alba Hogar S.L.", "Librería La Página S.L.", "Cumbre Aventura S.L."],
               customers=["Lucía García", "Javier Moreno", "Carmen Ruiz"],
               products=[("Juego de toallas de algodón, verde salvia", 0, (18, 45)), ("Cafetera de goteo de cerámica", 0, (14, 32)),
                         ("Aceite de oliva virgen extra 1 l", None, (8, 16)), ("Chaqueta impermeable de montaña, hombre L", 0, (65, 180)),
                         ("Botella de acero inoxidable 750 ml", 0, (12, 28)), ("Café molido natural 500 g", None, (5, 12)),
                         ("Calcetines de lana, pack de 3", 0, (14, 24)), ("Lámpara de escritorio LED con USB", 0, (24, 60))]),
    "it": dict(title=["Fattura", "FATTURA"], no="Numero fattura", date="Data fattura", order="Numero ordine", odate="Data ordine",
               item="Articolo", qty="Q.tà", price="Prezzo (IVA incl.)", amount="Totale", total=["Totale", "Totale documento", "Totale da pagare"],
               incl=["di cui IVA {r}%", "IVA inclusa ({r}%)"], net="Imponibile", ship="Spese di spedizione", bill="Dati di fatturazione",
               rates=[D(22), D(10)], cur=("EUR", "€"), fmt=["eu"], dates=["dmy/", "d month y"],
               sellers=["Casa Serena S.r.l.", "Libreria Il Segnalibro S.n.c.", "Vetta Sport S.r.l."],
               customers=["Giulia Romano", "Luca Esposito", "Francesca Ricci"],
               products=[("Set asciugamani in cotone, verde salvia", 0, (18, 45)), ("Filtro caffè in ceramica", 0, (14, 32)),
                         ("Olio extravergine di oliva 1 l", None, (8, 16)), ("Giacca impermeabile da trekking, uomo L", 0, (65, 180)),
                         ("Borraccia in acciaio 750 ml", 0, (12, 28)), ("Pasta di Gragnano 1 kg", None, (3, 7)),
                         ("Calze da trekking in lana, 3 paia", 0, (14, 24)), ("Lampada da scrivania LED con USB", 0, (24, 60))]),
    "nl": dict(title=["Factuur", "FACTUUR"], no="Factuurnummer", date="Factuurdatum", order="Bestelnummer", odate="Besteldatum",
               item="Artikel", qty="Aantal", price="Prijs incl. btw", amount="Totaal", total=["Totaal", "Totaal incl. btw", "Te betalen"],
               incl=["waarvan btw {r}%", "inclusief {r}% btw"], net="Totaal excl. btw", ship="Verzendkosten", bill="Factuuradres",
               rates=[D(21), D(9)], cur=("EUR", "€"), fmt=["eu"], dates=["dmy-", "d month y"],
               sellers=["Huis & Haven B.V.", "Boekhandel De Bladzijde B.V.", "Buitenwerk Outdoor B.V."],
               customers=["Sanne de Vries", "Daan Jansen", "Lotte van Dijk"],
               products=[("Badhanddoekenset katoen, saliegroen", 0, (18, 45)), ("Keramische koffiefilterhouder", 0, (14, 32)),
                         ("Prentenboek: De uil die niet wilde slapen", None, (8, 16)), ("Waterdichte wandeljas, heren L", 0, (65, 180)),
                         ("RVS drinkfles 750 ml", 0, (12, 28)), ("Biologische losse thee 250 g", None, (5, 12)),
                         ("Wollen wandelsokken, 3 paar", 0, (14, 24)), ("LED bureaulamp met USB", 0, (24, 60))]),
}


def build_gross(rng: random.Random, f: dict):
    lang = rng.choice(list(GR_LABELS))
    L = GR_LABELS[lang]
    f.update(lang=lang, locale=lang, date_lang=lang)
    c = new_sheet(rng, f, LATIN_FAMILIES, (8.4, 10.0), (36, 60))
    fmt = fmt_setup(rng, f, L["fmt"])
    currency, sym = L["cur"]
    f["date_style"] = rng.choice(L["dates"])
    date = pick_date(rng)

    def d(x: dt.date) -> str:
        return fmt_date(x, f["date_style"], lang)

    def money(v: Decimal) -> str:
        return f"{fmt.num(v)} {sym}" if fmt.ds == "," else f"{sym}{fmt.num(v)}"

    seller = rng.choice(L["sellers"])
    customer = rng.choice(L["customers"])
    std_rate, red_rate = L["rates"]
    items = []
    for desc, reduced, (lo, hi) in rng.sample(L["products"], rng.randint(1, 6)):
        rate = red_rate if reduced is None else std_rate
        qty = D(rng.choice([1, 1, 1, 2, 2, 3, 4]))
        price = r2(D(str(rng.uniform(lo, hi)))) if rng.random() < 0.5 else D(rng.randint(lo, hi)) - D("0.01")
        items.append(Item(desc, qty, price, r2(qty * price), {"rate": rate, "sku": f"{letters(rng, 3)}-{digits(rng, 5)}"}))
    ship = D(rng.choice(["3.95", "4.90", "4.99", "5.95", "6.90"])) if rng.random() < 0.5 else ZERO
    gross = {r: sum((it.amount for it in items if it.extra["rate"] == r), ZERO) for r in (std_rate, red_rate)}
    gross[std_rate] += ship
    vat = {r: r2(g * r / (100 + r)) for r, g in gross.items() if g}
    tax = sum(vat.values(), ZERO)
    total = sum((it.amount for it in items), ZERO) + ship
    subtotal = total - tax
    f["items_sum_to"], f["charges"] = "total", str(ship)
    number = rng.choice([f"{date.year}-{rng.randint(10000, 99999)}", f"RE{rng.randint(1000000, 9999999)}", f"{rng.randint(100000, 999999)}",
                         f"INV{date:%y%m}{rng.randint(100, 999)}"])
    order = f"{rng.choice(['', '#', 'WEB-'])}{rng.randint(100000, 999999)}"
    odate = date - dt.timedelta(days=rng.randint(0, 6))
    meta = [(L["no"], number), (L["date"], d(date)), (L["order"], order), (L["odate"], d(odate))]
    rng.shuffle(meta)
    sl = {"en": ["Unit 12, Riverside Park", "Bristol BS2 0QA", f"VAT No. GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}"],
          "de": ["Lindenallee 21", "50968 Köln", f"USt-IdNr. DE{digits(rng, 9)}", f"Amtsgericht Köln HRB {rng.randint(10000, 99999)}"],
          "fr": ["12 rue des Tanneurs", "67000 Strasbourg", f"SIRET {digits(rng, 14)}", f"TVA intracom. FR{digits(rng, 11)}"],
          "es": ["Calle de Alcalá 120", "28009 Madrid", f"CIF B{digits(rng, 8)}"],
          "it": ["Via Roma 18", "40121 Bologna", f"P.IVA IT{digits(rng, 11)}"],
          "nl": ["Oudegracht 144", "3511 AZ Utrecht", f"KvK {digits(rng, 8)}", f"btw NL{digits(rng, 9)}B01"]}[lang]
    caddr = {"en": ["8 Elm Grove", "Bath BA1 5NP"], "de": ["Gartenweg 4", "53111 Bonn"], "fr": ["3 allée des Tilleuls", "33000 Bordeaux"],
             "es": ["Avenida de la Constitución 7", "41004 Sevilla"], "it": ["Via Garibaldi 9", "10122 Torino"],
             "nl": ["Kastanjelaan 19", "2012 CK Haarlem"]}[lang]
    footer = std_header(c, rng, f, title=rng.choice(L["title"]), seller={"name": seller, "lines": sl},
                        buyer={"title": L["bill"], "name": customer, "lines": caddr}, meta=meta,
                        positions=("left", "right", "brand", "footer", "footer"))
    std_footer(c, footer or ([sl[-1]] if rng.random() < 0.5 else []), None)
    cols = [Col("desc", L["item"], 32), Col("qty", L["qty"], 6, "r"), Col("price", L["price"], 11, "r"), Col("amount", L["amount"], 10, "r")]
    if rng.random() < 0.4:
        cols.insert(0, Col("sku", "SKU" if lang == "en" else "Art.", 8))
    if rng.random() < 0.3 and red_rate in vat:
        cols.insert(-1, Col("rate", "%", 4, "r"))
    rows = [{"desc": it.desc, "qty": fmt.qty(it.qty), "price": fmt.num(it.price), "amount": fmt.num(it.amount), "sku": it.extra["sku"],
             "rate": fmt.qty(it.extra["rate"])} for it in items]
    table(c, cols, rows, style=rng.choice(["lines", "plain", "zebra", "dotted"]), head_fill=LIGHT if rng.random() < 0.4 else None)
    trs = []
    if ship:
        trs.append((L["ship"], money(ship), False))
    trs.append((rng.choice(L["total"]), money(total), True))
    for r, v in vat.items():
        trs.append((rng.choice(L["incl"]).format(r=fmt.qty(r)), money(v), False))
    if rng.random() < 0.4:
        trs.append((L["net"], money(subtotal), False))
    std_totals(c, rng, f, trs, styles=("right", "left_box", "below", "below", "label_left_far"))
    c.y += c.fs
    c.para(c.M, {"en": "Thank you for shopping with us. Returns are accepted within 30 days.",
                 "de": "Vielen Dank für Ihren Einkauf! Der Rechnungsbetrag wurde per PayPal beglichen.",
                 "fr": "Merci pour votre commande. Montant réglé par carte bancaire.",
                 "es": "Gracias por su compra. Importe pagado con tarjeta.",
                 "it": "Grazie per il tuo acquisto. Importo pagato con carta di credito.",
                 "nl": "Bedankt voor je bestelling. Het bedrag is voldaan via iDEAL."}[lang], c.W - 2 * c.M, c.fs - 0.5)
    return c, make_truth(number=number, date=date, issuer=seller, customer=customer, currency=currency, items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# 9. No item table: letters, one-line rent or fee invoices, amounts only in the totals

NT_LABELS = {
    "en": dict(inv="Invoice No.", inv_title="INVOICE", date="Date", place_date="{city}, {date}", dear="Dear {who},",
               charge=["For {s} I charge you the agreed fee of {amt}.", "For {s} we invoice the agreed flat fee of {amt}."],
               plus="Plus VAT at {r}% ({vat}), the total amount is {total}.", fee="Fee", vat="VAT {r}%", total="Total due",
               exempt="No VAT is charged (small supplier, below the VAT registration threshold).",
               pay="Please transfer the amount within 14 days to the account below, quoting the invoice number.",
               regards="Kind regards", subject="Subject", tenant="Tenant No.", period="Period", net="Net", rent_vat="VAT {r}%",
               rent_total="Amount due", city="London", rates=D(20), cur=("GBP", "£"), fmt="us", ds="d month y",
               who=["Ms Keller", "Mr Osei", "Dr Lindqvist"],
               services=["services rendered in {month} {year}", "the translation of your annual report into German",
                         "the data protection workshop held at your offices", "the preparation of your {year0} tax return",
                         "consulting services for the Atlas project in {month} {year}"],
               rent=["Rent for Unit {u}, {street}, {month} {year}", "Office rent {month} {year} - Suite {u}, {street}",
                     "Service charge for {month} {year}, Unit {u}"],
               subjects=["Annual membership fee {year}", "Licence fee for the use of photographs, {month} {year}",
                         "Speaker fee - Spring Conference {year}"],
               freelancers=["Sarah Mitchell", "Daniel Okafor", "Helen Price"], firms=["Harbour Lettings Ltd", "Cresswell Property Management Ltd"],
               clubs=["Riverside Tennis Club Ltd", "Northern Photographers' Guild Ltd"], customers=["Brightwater Media Ltd", "Keller & Osei LLP"],
               addr=["27 Chalk Farm Road", "London NW1 8AG"]),
    "de": dict(inv="Rechnung Nr.", inv_title="RECHNUNG", date="Datum", place_date="{city}, {date}", dear="Sehr geehrte {who},",
               charge=["Für {s} berechne ich Ihnen das vereinbarte Honorar von {amt}.", "Für {s} stellen wir Ihnen pauschal {amt} in Rechnung."],
               plus="Zuzüglich {r} % Umsatzsteuer ({vat}) ergibt sich ein Rechnungsbetrag von {total}.", fee="Honorar", vat="USt. {r} %",
               total="Rechnungsbetrag", exempt="Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
               pay="Bitte überweisen Sie den Betrag innerhalb von 14 Tagen unter Angabe der Rechnungsnummer auf das unten genannte Konto.",
               regards="Mit freundlichen Grüßen", subject="Betreff", tenant="Mieter-Nr.", period="Zeitraum", net="Netto",
               rent_vat="zzgl. USt. {r} %", rent_total="Zahlbetrag", city="Berlin", rates=D(19), cur=("EUR", "€"), fmt="eu", ds="d. month y",
               who=["Frau Keller", "Damen und Herren", "Frau Dr. Lindner"],
               services=["meine Leistungen im {month} {year}", "die Übersetzung Ihres Geschäftsberichts ins Englische",
                         "die Moderation des Workshops Datenschutz", "die Erstellung Ihrer Einkommensteuererklärung {year0}",
                         "die Beratungsleistungen im Projekt Atlas im {month} {year}"],
               rent=["Miete Gewerbeeinheit {u}, {street}, {month} {year}", "Büromiete {month} {year} - Einheit {u}, {street}",
                     "Nebenkostenvorauszahlung {month} {year}, Einheit {u}"],
               subjects=["Mitgliedsbeitrag {year}", "Lizenzgebühr für Fotonutzung, {month} {year}", "Vortragshonorar Frühjahrstagung {year}"],
               freelancers=["Anna Keller", "Jonas Bergmann", "Dr. Miriam Hoffmann"], firms=["Hausverwaltung Krüger GmbH", "Immobilien Weiß & Sohn KG"],
               clubs=["Tennisclub Grün-Weiß Steglitz e.V.", "Fotografenverband Berlin e.V."], customers=["Medienhaus Spreeblick GmbH", "Kanzlei Roth & Partner mbB"],
               addr=["Kastanienallee 12", "10435 Berlin"]),
    "fr": dict(inv="Facture n°", inv_title="FACTURE", date="Date", place_date="{city}, le {date}", dear="{who},",
               charge=["Pour {s}, je vous facture les honoraires convenus de {amt}.", "Pour {s}, nous vous facturons le forfait convenu de {amt}."],
               plus="Majoré de la TVA à {r} % ({vat}), le montant total s'élève à {total}.", fee="Honoraires HT", vat="TVA {r} %",
               total="Total TTC", exempt="TVA non applicable, art. 293 B du CGI.",
               pay="Merci de régler cette facture sous 14 jours par virement sur le compte ci-dessous en rappelant le numéro de facture.",
               regards="Veuillez agréer mes salutations distinguées.", subject="Objet", tenant="Réf. locataire", period="Période",
               net="Montant HT", rent_vat="TVA {r} %", rent_total="Net à payer", city="Paris", rates=D(20), cur=("EUR", "€"), fmt="space_comma",
               ds="d month y", who=["Madame", "Monsieur", "Madame, Monsieur"],
               services=["les prestations réalisées en {month} {year}", "la traduction de votre rapport annuel en anglais",
                         "l'animation de l'atelier sur la protection des données", "la préparation de votre déclaration fiscale {year0}",
                         "l'accompagnement du projet Atlas en {month} {year}"],
               rent=["Loyer du local {u}, {street}, {month} {year}", "Loyer bureaux {month} {year} - lot {u}, {street}",
                     "Provision sur charges {month} {year}, lot {u}"],
               subjects=["Cotisation annuelle {year}", "Droits d'utilisation de photographies, {month} {year}", "Intervention colloque de printemps {year}"],
               freelancers=["Claire Dubois", "Antoine Girard", "Nadia Benali"], firms=["Gestion Immobilière Lemoine SAS", "SCI Les Tilleuls"],
               clubs=["Association Photo-Club de Montmartre", "Tennis Club du Parc"], customers=["Éditions du Canal SARL", "Cabinet Morel & Associés"],
               addr=["18 rue des Martyrs", "75009 Paris"]),
    "es": dict(inv="Factura n.º", inv_title="FACTURA", date="Fecha", place_date="{city}, {date}", dear="Estimada {who}:",
               charge=["Por {s} le facturo los honorarios acordados de {amt}.", "Por {s} les facturamos el importe acordado de {amt}."],
               plus="Más IVA del {r} % ({vat}), el importe total asciende a {total}.", fee="Honorarios", vat="IVA {r} %", total="Total a pagar",
               exempt="Operación exenta de IVA (art. 20 Ley 37/1992).",
               pay="Le ruego realice la transferencia en un plazo de 14 días a la cuenta indicada, citando el número de factura.",
               regards="Atentamente", subject="Asunto", tenant="N.º inquilino", period="Periodo", net="Base imponible", rent_vat="IVA {r} %",
               rent_total="Total", city="Madrid", rates=D(21), cur=("EUR", "€"), fmt="eu", ds="d de month de y",
               who=["Sra. Keller", "Sra. Martín", "Sra. Ortega"],
               services=["los servicios prestados en {month} de {year}", "la traducción de su informe anual al inglés",
                         "el taller sobre protección de datos impartido en sus oficinas", "la preparación de su declaración de la renta {year0}",
                         "la consultoría del proyecto Atlas en {month} de {year}"],
               rent=["Alquiler del local {u}, {street}, {month} {year}", "Alquiler oficina {month} {year} - planta {u}, {street}"],
               subjects=["Cuota anual de socio {year}", "Derechos de uso de fotografías, {month} {year}", "Honorarios ponencia jornada de primavera {year}"],
               freelancers=["Laura Jiménez", "Pablo Serrano", "Marta Vidal"], firms=["Gestión Inmobiliaria Castilla S.L.", "Alquileres Levante S.L."],
               clubs=["Club de Tenis Retiro", "Asociación Fotográfica de Madrid"], customers=["Ediciones Alba S.L.", "Bufete Ortega y Asociados"],
               addr=["Calle de Atocha 34", "28012 Madrid"]),
    "nl": dict(inv="Factuurnummer", inv_title="FACTUUR", date="Datum", place_date="{city}, {date}", dear="Geachte {who},",
               charge=["Voor {s} breng ik u het afgesproken honorarium van {amt} in rekening.", "Voor {s} brengen wij u het vaste bedrag van {amt} in rekening."],
               plus="Vermeerderd met {r}% btw ({vat}) bedraagt het totaal {total}.", fee="Honorarium", vat="Btw {r}%", total="Totaal te betalen",
               exempt="Vrijgesteld van btw op grond van de kleineondernemersregeling (KOR).",
               pay="Gelieve het bedrag binnen 14 dagen over te maken onder vermelding van het factuurnummer.",
               regards="Met vriendelijke groet", subject="Betreft", tenant="Huurdernr.", period="Periode", net="Netto", rent_vat="Btw {r}%",
               rent_total="Te betalen", city="Amsterdam", rates=D(21), cur=("EUR", "€"), fmt="eu", ds="d month y",
               who=["mevrouw Keller", "heer De Boer", "mevrouw Visser"],
               services=["mijn werkzaamheden in {month} {year}", "de vertaling van uw jaarverslag naar het Engels",
                         "de workshop gegevensbescherming op uw kantoor", "het opstellen van uw aangifte inkomstenbelasting {year0}",
                         "advieswerkzaamheden project Atlas in {month} {year}"],
               rent=["Huur bedrijfsruimte {u}, {street}, {month} {year}", "Kantoorhuur {month} {year} - unit {u}, {street}"],
               subjects=["Jaarcontributie {year}", "Licentievergoeding fotogebruik, {month} {year}", "Sprekersvergoeding voorjaarscongres {year}"],
               freelancers=["Eva de Wit", "Bram Mulder", "Fleur Hendriks"], firms=["Vastgoedbeheer Van Leeuwen B.V.", "Verhuur Noord B.V."],
               clubs=["Tennisvereniging De Kaai", "Fotoclub Amstel"], customers=["Uitgeverij Gracht B.V.", "Advocatenkantoor Visser & De Boer"],
               addr=["Prinsengracht 401", "1016 HM Amsterdam"]),
}
NT_STREETS = {"en": "12 Harbour Street", "de": "Hafenstraße 12", "fr": "12 quai de la Loire", "es": "Calle del Puerto 12",
              "nl": "Havenstraat 12"}


def build_notable(rng: random.Random, f: dict):
    lang = rng.choice(list(NT_LABELS))
    L = NT_LABELS[lang]
    kind = rng.choice(["letter", "letter", "single_line", "totals_only"])
    f.update(lang=lang, locale=lang, date_lang=lang, kind=kind)
    c = new_sheet(rng, f, LATIN_FAMILIES, (9.0, 11.0), (50, 72))
    fmt = fmt_setup(rng, f, [L["fmt"]])
    currency, sym = L["cur"]
    f["date_style"] = L["ds"] if kind == "letter" or rng.random() < 0.5 else {"en": "dmy/", "de": "dmy.", "fr": "dmy/", "es": "dmy/", "nl": "dmy-"}[lang]
    date = pick_date(rng)
    prev = (date.replace(day=1) - dt.timedelta(days=1))
    nxt = (date.replace(day=28) + dt.timedelta(days=5))
    f["currency_shown"] = rng.random() < 0.85
    cur_txt = rng.choice([sym, currency]) if f["currency_shown"] else ""
    f["currency_after"] = fmt.ds == "," or (cur_txt == currency and rng.random() < 0.5)

    def money(v: Decimal) -> str:
        if not cur_txt:
            return fmt.num(v)
        return f"{fmt.num(v)} {cur_txt}" if f["currency_after"] else f"{cur_txt}{fmt.num(v)}"

    billed = prev if kind == "letter" else nxt  # letters bill last month, rent the coming one
    fill = {"month": month(billed, lang), "year": billed.year, "year0": date.year - 1, "u": f"{rng.randint(1, 9)}{rng.choice('ABC')}",
            "street": NT_STREETS[lang]}
    number = rng.choice([f"{date.year}-{rng.randint(1, 60):03d}", f"{rng.randint(1, 300)}/{date.year}", f"{date:%y}{rng.randint(1, 99):02d}",
                         f"RE-{date:%Y%m}-{rng.randint(1, 9)}"])
    x0, x1, fs = c.M, c.W - c.M, c.fs
    color = rng.choice(BRAND_COLORS)
    vat_rate = L["rates"]
    if kind == "letter":
        issuer = rng.choice(L["freelancers"])
        desc = rng.choice(L["services"]).format(**fill)
        customer = rng.choice(L["customers"])
    elif kind == "single_line":
        issuer = rng.choice(L["firms"])
        desc = rng.choice(L["rent"]).format(**fill)
        customer = rng.choice(L["customers"])
    else:
        issuer = rng.choice(L["clubs"] + L["freelancers"])
        desc = rng.choice(L["subjects"]).format(**fill)
        customer = rng.choice([n for n in L["customers"] + L["freelancers"][:1] if n != issuer])
    amount = D(rng.choice([180, 250, 450, 600, 850, 1200, 1450, 1800, 2400, 3150])) + (D(rng.choice([0, 0, 50, 75])) if kind != "letter" else 0)
    f["vat"] = rng.choice(["added", "added", "exempt"]) if kind != "single_line" else rng.choice(["added", "exempt"])
    tax = r2(amount * vat_rate / 100) if f["vat"] == "added" else ZERO
    total = amount + tax
    items = [Item(desc, None, None, amount)]
    f["items_sum_to"], f["charges"] = "subtotal", "0"
    bank_iban = iban(rng, {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "nl": "NL"}[lang],
                     {"en": "BARC" + digits(rng, 6), "de": digits(rng, 8), "fr": digits(rng, 10), "es": digits(rng, 8), "nl": "INGB"}[lang],
                     {"en": 8, "de": 10, "fr": 13, "es": 12, "nl": 10}[lang])
    taxid = {"en": f"VAT Reg. No. GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}", "de": f"Steuernummer {digits(rng, 2)}/{digits(rng, 3)}/{digits(rng, 5)}",
             "fr": f"SIRET {digits(rng, 14)}", "es": f"NIF {digits(rng, 8)}{letters(rng, 1)}", "nl": f"KvK {digits(rng, 8)}"}[lang]
    std_footer(c, [f"{issuer} \u00b7 {L['addr'][0]} \u00b7 {L['addr'][1]} \u00b7 {taxid}", f"IBAN {bank_iban}"], None)
    # letterhead
    align = rng.choice(["l", "r", "c"])
    hx = {"l": x0, "r": x1, "c": c.W / 2}[align]
    c.text(hx, c.y, issuer, fs + 6, True, align, color)
    c.y += fs * 2.2
    c.text(hx, c.y, f"{L['addr'][0]} \u00b7 {L['addr'][1]} \u00b7 {rng.choice(['Tel.', 'Tél.'] if lang == 'fr' else ['Tel.'])} "
           f"{rng.randint(10, 99)} {digits(rng, 4)} {digits(rng, 4)}", fs - 1, align=align, color=GREY)
    c.y += fs * 4
    rl = {"en": ["Brightwater House, 4 Canal Walk", "Manchester M1 2AB"], "de": ["Friedrichstraße 200", "10117 Berlin"],
          "fr": ["5 boulevard Haussmann", "75009 Paris"], "es": ["Paseo de la Castellana 80", "28046 Madrid"],
          "nl": ["Keizersgracht 62", "1015 CS Amsterdam"]}[lang]
    c.y = c.lines(x0, c.y, [customer, *rl], fs) + fs * 2
    date_txt = fmt_date(date, f["date_style"], lang)
    if kind == "letter" or rng.random() < 0.5:
        c.text(x1, c.y, L["place_date"].format(city=L["city"], date=date_txt), fs, align="r")
        c.y += fs * 3
        c.text(x0, c.y, f"{L['inv']} {number}" if rng.random() < 0.6 else f"{L['inv_title']} {number}", fs + 1.5, True)
        c.y += fs * 3
    else:
        c.text(x0, c.y, L["inv_title"], fs + 8, True)
        c.y += fs * 3
        c.y = kv(c, x0, c.y, [(L["inv"], number), (L["date"], date_txt)] + ([(L["tenant"], f"{rng.randint(100, 999)}-{rng.randint(10, 99)}")] if kind == "single_line" else []),
                 fs * 8, fs, True) + fs * 2
    W = x1 - x0
    if kind == "letter":
        c.para(x0, L["dear"].format(who=rng.choice(L["who"])), W, fs)
        c.y += fs * 0.8
        c.para(x0, rng.choice(L["charge"]).format(s=desc, amt=money(amount)), W, fs)
        c.y += fs * 0.6
        f["totals_in_text"] = f["vat"] == "added" and rng.random() < 0.35
        if f["vat"] == "exempt":
            c.para(x0, L["exempt"], W, fs)
            c.y += fs * 0.6
        elif f["totals_in_text"]:
            c.para(x0, L["plus"].format(r=fmt.qty(vat_rate), vat=money(tax), total=money(total)), W, fs)
            c.y += fs * 0.6
        if not f["totals_in_text"]:
            rows = [(L["fee"], money(amount), False)]
            if f["vat"] == "added":
                rows.append((L["vat"].format(r=fmt.qty(vat_rate)), money(tax), False))
            rows.append((L["total"], money(total), True))
            totals(c, rows, x_label=x0 + W * 0.45, x_val=x1)
        c.para(x0, L["pay"], W, fs)
        c.y += fs * 2
        c.text(x0, c.y, L["regards"], fs)
        c.y += fs * 3.5
        c.text(x0, c.y, issuer, fs, fam="times" if rng.random() < 0.5 else None)
    elif kind == "single_line":
        c.line(x0, c.y, x1, c.y, 0.6)
        c.y += fs * 0.6
        c.text(x0, c.y, desc, fs)
        c.text(x1, c.y, money(amount), fs, align="r")
        c.y += fs * 1.4
        if rng.random() < 0.5:
            start = nxt.replace(day=1)
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            c.text(x0, c.y, f"{L['period']}: {fmt_date(start, 'dmy.' if lang == 'de' else 'dmy/')} - {fmt_date(end, 'dmy.' if lang == 'de' else 'dmy/')}", fs - 1.5, color=GREY)
            c.y += fs * 1.4
        c.line(x0, c.y, x1, c.y, 0.6)
        c.y += fs
        rows = []
        if f["vat"] == "added":
            rows += [(L["net"], money(amount), False), (L["rent_vat"].format(r=fmt.qty(vat_rate)), money(tax), False)]
        rows.append((L["rent_total"], money(total), True))
        totals(c, rows, x_label=x0 + W * 0.5, x_val=x1)
        if f["vat"] == "exempt":
            c.para(x0, L["exempt"], W, fs - 1)
    else:
        c.text(x0, c.y, f"{L['subject']}: {desc}", fs, True)
        c.y += fs * 2.5
        rows = [(L["fee"] if f["vat"] == "added" else L["total"], money(amount), f["vat"] != "added")]
        if f["vat"] == "added":
            rows += [(L["vat"].format(r=fmt.qty(vat_rate)), money(tax), False), (L["total"], money(total), True)]
        totals(c, rows, x_label=x0, x_val=x0 + W * 0.55, rule_before_last=False)
        if f["vat"] == "exempt":
            c.para(x0, L["exempt"], W, fs - 1)
        c.y += fs
        c.para(x0, L["pay"], W, fs)
    subtotal = amount
    return c, make_truth(number=number, date=date, issuer=issuer, customer=customer, currency=currency if f["currency_shown"] else "",
                         items=items, subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# 10. Greek, Bulgarian, Serbian, Croatian, Slovenian, Estonian, Lithuanian, Russian, Ukrainian

EA_LABELS = {
    "el": dict(title=["ΤΙΜΟΛΟΓΙΟ ΠΑΡΟΧΗΣ ΥΠΗΡΕΣΙΩΝ", "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ"], no="Αρ. παραστατικού", date="Ημερομηνία έκδοσης",
               supply="Ημ. αποστολής", due="Ημερομηνία λήξης", seller="Στοιχεία εκδότη", buyer="Στοιχεία πελάτη", pos="Α/Α",
               desc="Περιγραφή", unit="Μ.Μ.", qty="Ποσ.", price="Τιμή μονάδας", amount="Καθαρή αξία", net="Σύνολο καθαρής αξίας",
               vat="ΦΠΑ", total="Πληρωτέο ποσό", fmt=["eu"], dates=["dmy/", "d month y"], rates=[D(24), D(13)], cur=("EUR", "€"),
               sellers=["ΑΛΦΑ ΠΛΗΡΟΦΟΡΙΚΗ Α.Ε.", "ΗΛΙΟΣ ΛΟΓΙΣΜΙΚΟ Ι.Κ.Ε.", "ΘΕΣΣΑΛΙΚΗ ΤΕΧΝΙΚΗ Ο.Ε.", "ΑΙΓΑΙΟ ΤΡΟΦΙΜΑ Α.Ε."],
               buyers=["ΚΑΦΕ ΑΚΡΟΠΟΛΙΣ Ε.Π.Ε.", "ΞΕΝΟΔΟΧΕΙΟ ΠΟΣΕΙΔΩΝ Α.Ε.", "ΝΙΚΟΛΑΟΥ ΔΗΜΗΤΡΙΟΣ"],
               addr=[("Λεωφ. Κηφισίας 124", "115 26 Αθήνα"), ("Εγνατίας 45", "546 30 Θεσσαλονίκη"), ("Αγίου Νικολάου 8", "262 21 Πάτρα")],
               items=[("Υπηρεσίες τεχνικής υποστήριξης", "ώρες", (35, 70), 0), ("Άδεια χρήσης λογισμικού ERP, ετήσια", "τεμ.", (600, 2400), 0),
                      ("Συντήρηση κλιματιστικών μονάδων", "τεμ.", (45, 120), 0), ("Ελαιόλαδο έξτρα παρθένο 5 lt", "τεμ.", (35, 60), 1),
                      ("Χαρτί εκτύπωσης Α4 80gr", "κιβ.", (18, 32), 0), ("Καφές espresso 1 kg", "τεμ.", (14, 28), 0)]),
    "bg": dict(title=["ФАКТУРА"], no="Номер", date="Дата на издаване", supply="Дата на данъчното събитие", due="Срок на плащане",
               seller="Доставчик", buyer="Получател", pos="№", desc="Наименование на стоката/услугата", unit="Мярка", qty="Количество",
               price="Ед. цена", amount="Стойност", net="Данъчна основа", vat="ДДС", total="Сума за плащане", fmt=["space_comma"],
               dates=["dmy. g", "dmy."], rates=[D(20), D(9)], cur=("BGN", "лв."),
               sellers=["Балкан Софт ЕООД", "Родопи Трейд ООД", "Витоша Консулт ЕАД", "Черноморски Логистик ООД"],
               buyers=["Стара Планина Хотели АД", "Дунав Инженеринг ЕООД", "Пирин Агро ООД"],
               addr=[("ул. Граф Игнатиев 15", "1000 София"), ("бул. Княгиня Мария Луиза 22", "4000 Пловдив"), ("ул. Приморска 40", "9000 Варна")],
               items=[("Абонаментна поддръжка на софтуер", "бр.", (150, 900), 0), ("Консултантски услуги", "час", (40, 120), 0),
                      ("Офис хартия А4, 80 г", "пакет", (6, 12), 0), ("Минерална вода 1,5 л", "бр.", (1, 2), 0),
                      ("Нощувка в хотел, двойна стая", "нощ.", (80, 180), 1)]),
    "sr_lat": dict(title=["RAČUN", "FAKTURA"], no="Broj računa", date="Datum izdavanja", supply="Datum prometa", due="Valuta plaćanja",
                   seller="Izdavalac", buyer="Kupac", pos="R.br.", desc="Naziv dobra/usluge", unit="JM", qty="Količina", price="Cena",
                   amount="Iznos", net="Osnovica", vat="PDV", total="Ukupno za uplatu", fmt=["eu"], dates=["dmy.trail"],
                   rates=[D(20), D(10)], cur=("RSD", "din."),
                   sellers=["Dunav Soft d.o.o.", "Beogradska Trgovina d.o.o.", "Šumadija Inženjering a.d."],
                   buyers=["Hotel Zlatibor d.o.o.", "Novosadska Pekara d.o.o.", "Niš Transport d.o.o."],
                   addr=[("Bulevar kralja Aleksandra 73", "11000 Beograd"), ("Bulevar oslobođenja 30", "21000 Novi Sad")],
                   items=[("Održavanje informacionog sistema", "kom", (20000, 120000), 0), ("Konsultantske usluge", "sat", (3000, 9000), 0),
                          ("Papir za štampač A4", "pak", (500, 900), 0), ("Hleb beli 500 g", "kom", (60, 110), 1)]),
    "sr_cyr": dict(title=["РАЧУН", "ФАКТУРА"], no="Број рачуна", date="Датум издавања", supply="Датум промета", due="Валута плаћања",
                   seller="Издавалац", buyer="Купац", pos="Р.бр.", desc="Назив добра/услуге", unit="ЈМ", qty="Количина", price="Цена",
                   amount="Износ", net="Основица", vat="ПДВ", total="Укупно за уплату", fmt=["eu"], dates=["dmy.trail"],
                   rates=[D(20), D(10)], cur=("RSD", "дин."),
                   sellers=["Дунав Софт д.о.о.", "Београдска Трговина д.о.о.", "Шумадија Инжењеринг а.д."],
                   buyers=["Хотел Златибор д.о.о.", "Новосадска Пекара д.о.о."],
                   addr=[("Булевар краља Александра 73", "11000 Београд"), ("Булевар ослобођења 30", "21000 Нови Сад")],
                   items=[("Одржавање информационог система", "ком", (20000, 120000), 0), ("Консултантске услуге", "сат", (3000, 9000), 0),
                          ("Папир за штампач А4", "пак", (500, 900), 0), ("Хлеб бели 500 г", "ком", (60, 110), 1)]),
    "hr": dict(title=["RAČUN", "R1 RAČUN"], no="Broj računa", date="Datum i vrijeme izdavanja", supply="Datum isporuke",
               due="Datum dospijeća", seller="Izdavatelj", buyer="Kupac", pos="Rb.", desc="Opis", unit="Jed. mj.", qty="Kol.",
               price="Cijena", amount="Iznos", net="Osnovica", vat="PDV", total="Ukupno za platiti", fmt=["eu"], dates=["dmy.trail t"],
               rates=[D(25), D(13)], cur=("EUR", "€"),
               sellers=["Jadran Informatika d.o.o.", "Zagrebačka Tiskara d.d.", "Slavonija Agro d.o.o."],
               buyers=["Hotel Lapad d.d.", "Pekarnica Horvat j.d.o.o.", "Riječki Servis d.o.o."],
               addr=[("Ilica 45", "10000 Zagreb"), ("Riva 12", "51000 Rijeka"), ("Vukovarska 9", "21000 Split")],
               items=[("Održavanje poslužitelja", "h", (35, 80), 0), ("Tisak letaka A5, 1000 kom", "kom", (80, 240), 0),
                      ("Licenca za antivirusni program", "kom", (25, 90), 0), ("Smještaj u hotelu, noćenje", "noć", (60, 180), 1)]),
    "sl": dict(title=["RAČUN"], no="Številka računa", date="Datum izdaje", supply="Datum opravljene storitve", due="Rok plačila",
               seller="Izdajatelj", buyer="Kupec", pos="Zap. št.", desc="Opis", unit="EM", qty="Količina", price="Cena", amount="Znesek",
               net="Osnova za DDV", vat="DDV", total="Za plačilo", fmt=["eu"], dates=["d. m. y", "dmy."], rates=[D(22), D("9.5")],
               cur=("EUR", "€"), sellers=["Triglav Software d.o.o.", "Ljubljanska Trgovina d.o.o.", "Pohorje Gradnje d.d."],
               buyers=["Hotel Jezero d.o.o.", "Kmetija Novak s.p.", "Celjske Mesnine d.o.o."],
               addr=[("Slovenska cesta 54", "1000 Ljubljana"), ("Partizanska cesta 6", "2000 Maribor")],
               items=[("Vzdrževanje spletne strani", "ura", (35, 75), 0), ("Svetovanje na področju IT", "ura", (50, 110), 0),
                      ("Pisarniški papir A4", "zav.", (4, 8), 0), ("Kava v zrnu 1 kg", "kos", (14, 26), 0),
                      ("Knjiga: Zgodovina Ljubljane", "kos", (18, 35), 1)]),
    "et": dict(title=["ARVE"], no="Arve nr", date="Kuupäev", supply="Tarnekuupäev", due="Maksetähtaeg", seller="Müüja", buyer="Ostja",
               pos="Nr", desc="Kirjeldus", unit="Ühik", qty="Kogus", price="Hind", amount="Summa", net="Summa käibemaksuta",
               vat="Käibemaks", total="Tasuda", fmt=["space_comma", "eu"], dates=["dmy."], rates=[D(24), D(9)], cur=("EUR", "€"),
               sellers=["Tallinna Tarkvara OÜ", "Saaremaa Puit AS", "Tartu Konsultatsioonid OÜ"],
               buyers=["Pärnu Rannahotell AS", "Kalev Ehitus OÜ", "Narva Metall AS"],
               addr=[("Narva mnt 7", "10117 Tallinn"), ("Riia 15", "51010 Tartu")],
               items=[("Tarkvaraarenduse teenus", "h", (45, 95), 0), ("Serveri hooldus", "kuu", (120, 450), 0),
                      ("Kontoripaber A4", "pakk", (4, 8), 0), ("Raamat: Eesti ajalugu", "tk", (15, 35), 1)]),
    "lt": dict(title=["PVM SĄSKAITA FAKTŪRA"], no="Sąskaitos Nr.", date="Išrašymo data", supply="Prekių pristatymo data", due="Apmokėti iki",
               seller="Pardavėjas", buyer="Pirkėjas", pos="Eil. Nr.", desc="Pavadinimas", unit="Mato vnt.", qty="Kiekis", price="Kaina",
               amount="Suma", net="Suma be PVM", vat="PVM", total="Iš viso mokėti", fmt=["space_comma", "eu"], dates=["ymd", "lt long"],
               rates=[D(21), D(9)], cur=("EUR", "€"),
               sellers=["UAB „Vilniaus programa“", "UAB „Baltijos logistika“", "AB „Kauno statyba“"],
               buyers=["UAB „Neringos viešbutis“", "UAB „Trakų duona“", "MB „Žalias kiemas“"],
               addr=[("Gedimino pr. 20", "LT-01103 Vilnius"), ("Laisvės al. 53", "LT-44309 Kaunas")],
               items=[("Programavimo paslaugos", "val.", (30, 80), 0), ("Serverio priežiūra", "mėn.", (100, 400), 0),
                      ("Biuro popierius A4", "pak.", (4, 8), 0), ("Knyga: Lietuvos istorija", "vnt.", (12, 30), 1)]),
}
EURO_BGN = D("1.95583")


def build_eastern(rng: random.Random, f: dict):
    lang = rng.choice(["el", "bg", "sr_lat", "sr_cyr", "hr", "sl", "et", "lt", "ru", "ru", "uk"])
    f.update(lang=lang.split("_")[0], locale=lang, date_lang=lang)
    if lang in ("ru", "uk"):
        return _eastern_ru_uk(rng, f, lang)
    L = EA_LABELS[lang]
    c = new_sheet(rng, f, UNICODE_FAMILIES, (8.0, 9.6), (34, 54))
    fmt = fmt_setup(rng, f, L["fmt"])
    date = pick_date(rng)
    f["time"] = f"{rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}:00"
    f["date_style"] = rng.choice(L["dates"])

    def d(x: dt.date, style: str | None = None) -> str:
        return fmt_date(x, style or f["date_style"], lang, f["time"])

    currency, mark = L["cur"]
    dual_bgn = lang == "bg" and date.year >= 2026  # Bulgaria: euro from 2026, lev amounts still shown
    if dual_bgn:
        currency, mark = "EUR", rng.choice(["€", "EUR"])
    if lang == "sr_lat" and rng.random() < 0.4:
        mark = "RSD"
    std_rate, red_rate = L["rates"]
    if lang == "et" and date < dt.date(2025, 7, 1):
        std_rate = D(22)
    seller = rng.choice(L["sellers"])
    buyer = rng.choice([b for b in L["buyers"] if b != seller])
    (sa, sc), (ba, bc) = rng.sample(L["addr"], 2) if len(L["addr"]) > 1 else (L["addr"][0], L["addr"][0])
    seq = rng.randint(1, 9999)
    number = {"el": rng.choice([f"ΤΠΥ-{seq:04d}", f"Α-{seq}", f"{seq:06d}"]), "bg": f"{rng.randint(1, 99999):010d}",
              "sr_lat": f"{seq}/{date.year}", "sr_cyr": f"{seq}/{date.year}", "hr": rng.choice([f"{seq}-1-1", f"{seq}/POS1/1", f"{seq}/1/2"]),
              "sl": f"{date.year}-{seq:05d}", "et": str(seq + 1000), "lt": f"{letters(rng, 3, 'ABCDEFGHJKLMNPRSTUVZ')}{seq:07d}"}[lang]
    ids = {
        "el": [f"ΑΦΜ: {digits(rng, 9)}", f"ΔΟΥ: {rng.choice(['ΦΑΕ Αθηνών', 'Α΄ Θεσσαλονίκης', 'Πατρών'])}", f"ΓΕΜΗ: {digits(rng, 12)}"],
        "bg": [f"ЕИК: {digits(rng, 9)}", f"ИН по ЗДДС: BG{digits(rng, 9)}", f"МОЛ: {rng.choice(['Иван Петров', 'Мария Георгиева'])}"],
        "sr_lat": [f"PIB: {digits(rng, 9)}", f"MB: {digits(rng, 8)}", f"Tekući račun: {rng.randint(150, 340)}-{digits(rng, 10)}-{digits(rng, 2)}"],
        "sr_cyr": [f"ПИБ: {digits(rng, 9)}", f"МБ: {digits(rng, 8)}", f"Текући рачун: {rng.randint(150, 340)}-{digits(rng, 10)}-{digits(rng, 2)}"],
        "hr": [f"OIB: {digits(rng, 11)}", f"IBAN: {iban(rng, 'HR', digits(rng, 7), 10)}"],
        "sl": [f"ID za DDV: SI{digits(rng, 8)}", f"Matična številka: {digits(rng, 10)}", f"TRR: {iban(rng, 'SI', digits(rng, 5), 8)}"],
        "et": [f"Reg. kood {digits(rng, 8)}", f"KMKR nr EE10{digits(rng, 7)}", f"IBAN {iban(rng, 'EE', digits(rng, 2), 14)}"],
        "lt": [f"Įmonės kodas {digits(rng, 9)}", f"PVM mokėtojo kodas LT{digits(rng, 9)}", f"A. s. {iban(rng, 'LT', digits(rng, 5), 11)}"],
    }[lang]
    buyer_ids = [{"el": f"ΑΦΜ: {digits(rng, 9)}", "bg": f"ЕИК: {digits(rng, 9)}", "sr_lat": f"PIB: {digits(rng, 9)}",
                  "sr_cyr": f"ПИБ: {digits(rng, 9)}", "hr": f"OIB: {digits(rng, 11)}", "sl": f"ID za DDV: SI{digits(rng, 8)}",
                  "et": f"Reg. kood {digits(rng, 8)}", "lt": f"Įmonės kodas {digits(rng, 9)}"}[lang]]
    items = []
    for desc, unit, (lo, hi), reduced in rng.sample(L["items"], rng.randint(1, len(L["items"]))):
        qty = D(rng.choice([1, 1, 2, 3, 5, 8, 10, 12, 20])) if unit not in ("ώρες", "час", "sat", "сат", "h", "ura", "val.") else D(rng.choice(["2", "4", "6.5", "8", "12", "16"]))
        price = r2(D(str(rng.uniform(lo, hi))))
        items.append(Item(desc, qty, price, r2(qty * price), {"unit": unit, "rate": red_rate if reduced else std_rate}))
    subtotal = sum((it.amount for it in items), ZERO)
    by_rate = {r: sum((it.amount for it in items if it.extra["rate"] == r), ZERO) for r in (std_rate, red_rate)}
    vat = {r: r2(b * r / 100) for r, b in by_rate.items() if b}
    tax = sum(vat.values(), ZERO)
    total = subtotal + tax
    f["items_sum_to"], f["charges"] = "subtotal", "0"

    def money(v: Decimal) -> str:
        return f"{fmt.num(v)} {mark}" if mark != "€" or fmt.ds == "," else f"€{fmt.num(v)}"

    meta = [(L["no"], number), (L["date"], d(date))]
    if rng.random() < 0.7:
        meta.append((L["supply"], d(date - dt.timedelta(days=rng.choice([0, 0, 1, 3, 7])), L["dates"][0].replace(" t", ""))))
    meta.append((L["due"], d(date + dt.timedelta(days=rng.choice([8, 14, 15, 30])), L["dates"][0].replace(" t", ""))))
    if lang == "el":
        meta.append(("ΜΑΡΚ", f"4000{digits(rng, 11)}"))
    footer = std_header(c, rng, f, title=rng.choice(L["title"]), seller={"name": seller, "lines": [sa, sc, *ids]},
                        buyer={"title": L["buyer"], "name": buyer, "lines": [ba, bc, *buyer_ids]}, meta=meta,
                        positions=("left", "right", "center", "brand"))
    extra = []
    if lang == "hr":
        extra = [f"JIR: {uuid(rng, False)}", f"ZKI: {hexs(rng, 32)}", "Način plaćanja: Transakcijski račun",
                 f"Operater: {rng.choice(['Ana Horvat', 'Ivan Kovač'])}", f"Poziv na broj: HR00 {number.replace('/', '-')}"]
    elif lang == "sl":
        extra = [f"ZOI: {hexs(rng, 32)}", f"EOR: {uuid(rng, False)}", f"Sklic: SI00 {number}"]
    elif lang == "et":
        extra = [f"Viitenumber: {digits(rng, 7)}", "Viivis 0,05% päevas"]
    elif lang == "el":
        extra = [f"UID: {hexs(rng, 40).upper()}", f"IBAN: {iban(rng, 'GR', digits(rng, 7), 16)}"]
    std_footer(c, footer + extra[:2], None)
    cols = [Col("pos", L["pos"], 4), Col("desc", L["desc"], 30), Col("unit", L["unit"], 6, "c"), Col("qty", L["qty"], 7, "r"),
            Col("price", L["price"], 9, "r"), Col("amount", L["amount"], 10, "r")]
    if len(vat) > 1 or rng.random() < 0.4:
        cols.insert(-1, Col("rate", f"{L['vat']} %", 5, "r"))
    if rng.random() < 0.3:
        cols = [cols[0], cols[1], cols[3], cols[2], *cols[4:]]
    rows = [{"pos": f"{k}.", "desc": it.desc, "unit": it.extra["unit"], "qty": fmt.qty(it.qty), "price": fmt.num(it.price),
             "amount": fmt.num(it.amount), "rate": fmt.qty(it.extra["rate"])} for k, it in enumerate(items, 1)]
    table(c, cols, rows, style=rng.choice(["grid", "lines", "zebra"]), head_fill=LIGHT if rng.random() < 0.6 else None)
    trs = [(L["net"], money(subtotal), False)]
    for r, v in vat.items():
        trs.append((f"{L['vat']} {fmt.qty(r)}%", money(v), False))
    trs.append((L["total"], money(total), True))
    if dual_bgn:
        trs.append(("Левова равностойност", f"{fmt.num(r2(total * EURO_BGN))} лв.", False))
    std_totals(c, rng, f, trs)
    if dual_bgn:
        c.text(c.M, c.y, f"Фиксиран курс: 1 EUR = {fmt.num(EURO_BGN, 5)} BGN", c.fs - 1, color=GREY)
        c.y += c.fs * 1.6
    c.y += c.fs
    for ln in extra[2:]:
        c.text(c.M, c.y, ln, c.fs - 1)
        c.y += c.fs * 1.4
    f["currency_mark"] = mark
    return c, make_truth(number=number, date=date, issuer=seller, customer=buyer, currency=currency, items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


RU_UK = {
    "ru": dict(title="Счёт на оплату № {n} от {d}", seller="Поставщик\n(Исполнитель):", buyer="Покупатель\n(Заказчик):",
               basis="Основание:", contract="Договор № {k} от {d}", cols=("№", "Товары (работы, услуги)", "Кол-во", "Ед.", "Цена", "Сумма"),
               total="Итого:", incl="В том числе НДС ({r}%):", vat="НДС ({r}%):", novat="Без налога (НДС)", due="Всего к оплате:",
               summary="Всего наименований {n}, на сумму {s} {c}", pay_by="Оплатить не позднее {d}",
               sign=["Руководитель", "Бухгалтер"], bank=["Банк получателя", "Получатель", "БИК", "Сч. №", "ИНН", "КПП"],
               cur=("RUB", ["руб.", "₽"]), dates=["d month y g"],
               sellers=["ООО «Вектор»", "ООО «СеверСтрой»", "АО «ТехноПром»", "ООО «Гранит Плюс»"],
               buyers=["ООО «Ромашка»", "ООО «Альфа Логистик»", "ПАО «Восток»", "ИП Кузнецова Анна Сергеевна"],
               addr=["123056, г. Москва, ул. Тверская, д. 12", "191186, г. Санкт-Петербург, Невский пр., д. 28",
                     "620014, г. Екатеринбург, ул. Малышева, д. 51"],
               items=[("Услуги по технической поддержке серверов", "усл.", (15000, 90000)), ("Бумага офисная А4, 500 листов", "пач.", (350, 520)),
                      ("Картридж лазерный HP 59A", "шт", (6500, 14000)), ("Разработка программного обеспечения", "час", (2500, 6000)),
                      ("Доставка груза по Москве", "рейс", (3500, 9000)), ("Монитор 27\" Dell P2723D", "шт", (28000, 42000))]),
    "uk": dict(title="Рахунок на оплату № {n} від {d}", seller="Постачальник:", buyer="Покупець:", basis="Договір:",
               contract="№ {k} від {d}", cols=("№", "Товари (роботи, послуги)", "Кіл-сть", "Од.", "Ціна без ПДВ", "Сума без ПДВ"),
               total="Разом без ПДВ:", incl="У тому числі ПДВ ({r}%):", vat="ПДВ ({r}%):", novat="Без ПДВ", due="Всього з ПДВ:",
               summary="Всього найменувань {n}, на суму {s} {c}", pay_by="Оплатити до {d}", sign=["Виписав(ла)", "Директор"],
               bank=["Банк", "Отримувач", "МФО", "IBAN", "ЄДРПОУ", "ІПН"], cur=("UAH", ["грн", "₴"]), dates=["d month y r"],
               sellers=["ТОВ «Смарт Сервіс»", "ТОВ «Дніпро Логістик»", "ПрАТ «Київпромбуд»", "ФОП Коваленко Олена Іванівна"],
               buyers=["ТОВ «Карпати Трейд»", "ТОВ «Одеса Фрукт»", "ПП «Львівська кава»"],
               addr=["01001, м. Київ, вул. Хрещатик, буд. 22", "49000, м. Дніпро, просп. Яворницького, буд. 60",
                     "79008, м. Львів, пл. Ринок, буд. 10"],
               items=[("Послуги з технічної підтримки", "посл.", (3000, 25000)), ("Папір офісний А4, 500 аркушів", "пач.", (180, 260)),
                      ("Картридж лазерний HP 59A", "шт", (2500, 5200)), ("Розробка програмного забезпечення", "год", (900, 2200)),
                      ("Доставка вантажу по місту", "рейс", (1200, 3500))]),
}


def _eastern_ru_uk(rng: random.Random, f: dict, lang: str):
    L = RU_UK[lang]
    c = new_sheet(rng, f, UNICODE_FAMILIES, (8.2, 9.6), (36, 54))
    fmt = fmt_setup(rng, f, ["space_comma"])
    date = pick_date(rng)
    f["date_style"] = L["dates"][0]
    currency, marks = L["cur"]
    mark = rng.choice(marks)
    seller = rng.choice(L["sellers"])
    buyer = rng.choice(L["buyers"])
    number = str(rng.randint(1, 2999)) if lang == "ru" else rng.choice([f"СФ-{rng.randint(1, 9999):07d}", str(rng.randint(1, 999))])
    if lang == "ru":
        rate = D(22) if date.year >= 2026 else D(20)
    else:
        rate = ZERO if seller.startswith("ФОП") else D(20)
    f["vat_mode"] = "none" if rate == 0 else (rng.choice(["included", "added"]) if lang == "ru" else "added")
    items = []
    for desc, unit, (lo, hi) in rng.sample(L["items"], rng.randint(1, 5)):
        qty = D(rng.choice([1, 1, 2, 3, 5, 10, 20])) if unit not in ("час", "год") else D(rng.choice([4, 8, 16, 24, 40]))
        price = r2(D(str(rng.uniform(lo, hi))))
        items.append(Item(desc, qty, price, r2(qty * price), {"unit": unit}))
    lines_sum = sum((it.amount for it in items), ZERO)
    if f["vat_mode"] == "included":
        tax = r2(lines_sum * rate / (100 + rate))
        subtotal, total = lines_sum - tax, lines_sum
        f["items_sum_to"] = "total"
    else:
        tax = r2(lines_sum * rate / 100)
        subtotal, total = lines_sum, lines_sum + tax
        f["items_sum_to"] = "subtotal"
    f["charges"] = "0"
    x0, x1, fs = c.M, c.W - c.M, c.fs
    W = x1 - x0
    inn = digits(rng, 10)
    kpp = digits(rng, 9)
    sa = rng.choice(L["addr"])
    # bank details grid above the title, as these invoices have it
    b = L["bank"]
    if lang == "ru":
        bank_name = rng.choice(["ПАО Сбербанк г. Москва", "АО «Альфа-Банк» г. Москва", "Банк ВТБ (ПАО) г. Санкт-Петербург"])
        grid = [[(bank_name, 0.6), (f"{b[2]}", 0.1), (f"044525{digits(rng, 3)}", 0.3)],
                [(b[0], 0.6), (b[3], 0.1), (f"30101810{digits(rng, 12)}", 0.3)],
                [(f"{b[4]} {inn}    {b[5]} {kpp}", 0.6), (b[3], 0.1), (f"40702810{digits(rng, 12)}", 0.3)],
                [(seller, 0.6), ("", 0.1), ("", 0.3)], [(b[1], 0.6), ("", 0.1), ("", 0.3)]]
    else:
        grid = [[(f"{b[1]}: {seller}", 0.65), (f"{b[4]}: {digits(rng, 8)}", 0.35)],
                [(f"{b[3]}: {iban(rng, 'UA', digits(rng, 6), 19)}", 0.65), (f"{b[2]}: {digits(rng, 6)}", 0.35)],
                [(f"{b[0]}: {rng.choice(['АТ КБ «ПриватБанк»', 'АТ «Ощадбанк»', 'АТ «Райффайзен Банк»'])}", 0.65), ("", 0.35)]]
    y = c.y
    for row in grid:
        x = x0
        for text, w in row:
            c.rect(x, y, x + W * w, y + fs * 1.7, width=0.5)
            if text:
                c.text(x + 3, y + fs * 0.4, text, fs - 0.8)
            x += W * w
        y += fs * 1.7
    c.y = y + fs * 1.5
    c.text(x0, c.y, L["title"].format(n=number, d=fmt_date(date, f["date_style"], lang)), fs + 5, True)
    c.y += fs * 2.2
    c.line(x0, c.y, x1, c.y, 1.5)
    c.y += fs
    tax_ids = f"ИНН {inn}, КПП {kpp}" if lang == "ru" else f"ЄДРПОУ {digits(rng, 8)}" + (f", ІПН {digits(rng, 12)}" if rate else "")
    phone = f"тел.: +{'7 495' if lang == 'ru' else '380 44'} {digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 2)}"
    parties = [(L["seller"], f"{seller}, {tax_ids}, {sa}, {phone}"),
               (L["buyer"], f"{buyer}, {'ИНН ' + digits(rng, 10) if lang == 'ru' else 'ЄДРПОУ ' + digits(rng, 8)}, {rng.choice([a for a in L['addr'] if a != sa])}")]
    contract_date = date - dt.timedelta(days=rng.randint(30, 400))
    parties.append((L["basis"], L["contract"].format(k=f"{rng.randint(1, 99)}/{contract_date.year}", d=fmt_date(contract_date, "dmy."))))
    lw = W * 0.2
    for label, value in parties:
        top = c.y
        c.lines(x0, top, label.split("\n"), fs - 0.5)
        c.para(x0 + lw, value, W - lw, fs, bold=label != L["basis"])
        c.y = max(c.y, top + fs * 1.35 * len(label.split("\n"))) + fs * 0.5
    c.y += fs * 0.5
    h = L["cols"]
    cols = [Col("pos", h[0], 4, "c"), Col("desc", h[1], 36), Col("qty", h[2], 7, "r"), Col("unit", h[3], 5, "c"),
            Col("price", h[4], 10, "r"), Col("amount", h[5], 11, "r")]
    rows = [{"pos": str(k), "desc": it.desc, "qty": fmt.qty(it.qty), "unit": it.extra["unit"], "price": fmt.num(it.price),
             "amount": fmt.num(it.amount)} for k, it in enumerate(items, 1)]
    table(c, cols, rows, style="grid", head_fill=None)
    trs = [(L["total"], fmt.num(lines_sum), True)]
    if f["vat_mode"] == "none":
        trs.append((L["novat"], "-", True))
    elif f["vat_mode"] == "included":
        trs.append((L["incl"].format(r=rate), fmt.num(tax), True))
    else:
        trs.append((L["vat"].format(r=rate), fmt.num(tax), True))
    trs.append((L["due"], f"{fmt.num(total)}{' ' + mark if rng.random() < 0.5 else ''}", True))
    totals(c, trs, x_label=x1 - W * 0.22, x_val=x1, label_align="r", rule_before_last=False)
    c.text(x0, c.y, L["summary"].format(n=len(items), s=fmt.num(total), c=mark), fs)
    c.y += fs * 1.6
    c.text(x0, c.y, L["pay_by"].format(d=fmt_date(date + dt.timedelta(days=rng.choice([3, 5, 10])), "dmy.")), fs - 0.5)
    c.y += fs * 3
    c.line(x0, c.y, x1, c.y, 1.5)
    c.y += fs * 2
    c.need(fs * 3)
    for k, role in enumerate(L["sign"]):
        x = x0 + k * W / 2
        c.text(x, c.y, role, fs, True)
        c.line(x + c.width(role, fs, True) + 6, c.y + fs, x + W / 2 - 20, c.y + fs, 0.5)
    std_footer(c, [], None)
    f["currency_mark"] = mark
    return c, make_truth(number=number, date=date, issuer=seller, customer=buyer, currency=currency, items=items,
                         subtotal=subtotal, tax=tax, total=total, features=f)


# ----------------------------------------------------------------------------------------------
# scanned / photographed look of the PNGs


def _perspective_coeffs(src, dst) -> list[float]:
    """PIL PERSPECTIVE data mapping output points ``dst`` back to input points ``src``."""
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return [float(v) for v in np.linalg.solve(np.array(a, float), np.array(b, float))]


def scan_look(img: Image.Image, rng: random.Random, f: dict) -> Image.Image:
    w, h = img.size
    a = np.asarray(img.convert("RGB"), dtype=np.float32)
    tone = f.setdefault("scan_paper", round(rng.uniform(0.8, 0.95), 3))
    tint = np.array([1.0, rng.uniform(0.97, 1.0), rng.uniform(0.88, 0.98)], np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = f.setdefault("scan_light", [round(rng.uniform(-0.3, 0.3), 3), round(rng.uniform(-0.3, 0.3), 3)])
    light = 1 + gx * (xx / w - 0.5) + gy * (yy / h - 0.5)
    light -= rng.uniform(0.05, 0.2) * ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) * 2
    a = a * (tone * tint)[None, None, :] * light[..., None]
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    d = f.setdefault("scan_perspective", round(rng.uniform(0.0, 0.02), 4))
    jit = [(rng.uniform(-d, d) * w, rng.uniform(-d, d) * h) for _ in range(4)]
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    dst = [(x + jx, y + jy) for (x, y), (jx, jy) in zip(corners, jit)]
    bg = tuple(int(v) for v in rng.choice([(60, 58, 55), (120, 110, 95), (200, 200, 198)]))
    img = img.transform((w, h), Image.Transform.PERSPECTIVE, _perspective_coeffs(corners, dst),
                        Image.Resampling.BICUBIC, fillcolor=bg)
    angle = f.setdefault("scan_angle", round(rng.uniform(-3, 3), 2))
    img = img.rotate(angle, Image.Resampling.BICUBIC, expand=False, fillcolor=bg)
    blur = f.setdefault("scan_blur", round(rng.uniform(0.3, 1.2), 2))
    img = img.filter(ImageFilter.GaussianBlur(blur))
    noise = f.setdefault("scan_noise", round(rng.uniform(3, 11), 1))
    nrng = np.random.default_rng(rng.getrandbits(32))
    a = np.asarray(img, dtype=np.float32) + nrng.normal(0, noise, (h, w, 1)).astype(np.float32)
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    quality = f.setdefault("scan_jpeg", rng.randint(25, 70))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


# ----------------------------------------------------------------------------------------------

ARCHETYPES = {
    "india": build_india,
    "swiss": build_swiss,
    "commonw": build_commonwealth,
    "latam": build_latam,
    "saas": build_saas,
    "freight": build_freight,
    "multipage": build_multipage,
    "gross": build_gross,
    "notable": build_notable,
    "eastern": build_eastern,
}


def main(n: int = 30, seed: int = 20261221, outdir: str = "out") -> None:
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    order = list(ARCHETYPES)
    rng.shuffle(order)
    for i in range(1, n + 1):
        r = random.Random(rng.getrandbits(64))
        f = {"archetype": order[(i - 1) % len(order)]}
        f["scan"] = r.random() < 1 / 3
        sheet, truth = ARCHETYPES[f["archetype"]](r, f)
        stem = os.path.join(outdir, f"inv{i:03d}_{f['lang']}")
        f["pages"] = sheet.finish(stem + ".pdf")
        srng = random.Random(r.getrandbits(64))
        with pymupdf.open(stem + ".pdf") as doc:
            for k, page in enumerate(doc, 1):
                pix = page.get_pixmap(dpi=150)
                img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
                if f["scan"]:
                    img = scan_look(img, srng, f)
                img.save(f"{stem}_p{k}.png")
        with open(stem + ".json", "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
        print(stem, f["archetype"], f["pages"])


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[0]) if args else 30, int(args[1]) if len(args) > 1 else 20261221, args[2] if len(args) > 2 else "out")
