#!/usr/bin/env python3
"""Independent invoice test-set generator, third set ("indep_invoices3").

Written BLIND to the extraction code: the author could not read docextract/, tests/, the first
generator (indep_invoices/gen.py) nor the second set (indep_invoices2/); only the ground-truth
format read by benchmarks/indep_invoices/score.py was known.  Nothing here is tuned to the
reader's rules; the layouts follow real-world invoice conventions.

usage:  python gen.py [N] [SEED] [OUTDIR]      (or gen.main(n, seed, outdir))

For invoice i it writes invNNN_<lang>.pdf (born-digital, pymupdf text layer, 1-2 pages),
invNNN_<lang>_pK.png (150 dpi; about a third of the invoices get a scanned look on the PNG only:
rotation <= 2 deg, blur, noise, JPEG artefacts, grey paper) and invNNN_<lang>.json (ground truth).
Archetypes are assigned round-robin over a seeded shuffle, so each gets n/10 invoices.

Archetypes
  discount    per-line discount % column, "net amount" per line; unit price printed before discount.
              Issuer top left/right/centred or only in the footer; invoice number sometimes only in the title.
  multirate   two tax rates on the lines (VAT % column), two-column totals box on the right
              (labels | right-aligned amounts, one VAT row per rate) and a tax summary table
              (rate / net / tax / gross) under the items.
  ecommerce   web-shop order invoice: order summary box (order no., order date, payment card digits),
              billing + shipping addresses, SKU column, shipping charge and a negative coupon line;
              tax is charged on subtotal + shipping - coupon.
  timesheet   professional services: per project a heading, lines with date / task / hours / rate /
              amount and a project subtotal; then total fees, VAT and total.  Every line is an item.
  wholesale   landscape A4, small type, 9 columns (pos, article no., description, qty, unit, unit price,
              discount, VAT %, net), 15-30 lines over two pages, "carried forward" at the foot of page 1,
              page 2 headed "<Invoice> <no> - <page> 2" with a "brought forward" line.
  telecom     subscription bill: page 1 "your bill at a glance" (category sums, previous bill, payment
              received, amount due, direct-debit note), page 2 the itemised charges (the items).
  band        dark coloured header band with the issuer name (white text on a filled rectangle),
              zebra-striped table, boxed payment panel.
  nordic      Swedish / Danish "Faktura" or Polish "Faktura VAT" with local labels, number formats
              ("1 234,56 kr", "1.234,56 kr.", "1 234,56 zł"), OCR / bankgiro / CVR / NIP numbers,
              Swedish oresavrundning (rounding line), Polish seller/buyer blocks and VAT summary.
  us          US invoice on Letter: Remit-to block, Terms: Net 30, PO number, $1,234.56,
              taxable marker column, sales tax on taxable lines only, payments/credits and balance due.
  freelancer  minimal single-column invoice, every field a dotted-leader line
              ("Invoice number ........ 2024-017"), items as leader lines (optionally "3 x 450.00" sub-line).

Varied per invoice (recorded in truth["features"]): language (en de fr es it nl pt sv da pl),
font family (DejaVu / Liberation sans, serif, mono, condensed, base-14 Helvetica/Times/Courier),
base size 7.5-11 pt, page size (A4 / Letter, landscape for wholesale), date style (ISO, "5 Jan 2024",
"January 5, 2024", "05.01.2024", "05/01/24", localized month names), number format (1,234.56 /
1.234,56 / 1 234,56 / 1'234.56 / plain), currency shown as symbol before/after, ISO code, on every
amount / only on totals / only in column headings / only in a note / not at all (truth currency ""),
issuer position, distractor numbers (customer no., order no., PO, VAT id, OCR), distractor dates
(order, delivery, due) and distractor amounts (deposit, amount paid, balance, previous bill).
Liberation fonts are embedded with U+00A0/U+00AD removed from their cmap (else mupdf's text layer
would read every space as NBSP and every hyphen as a soft hyphen).

Truth conventions: "total" is the grand total including tax (never a balance after payments);
"subtotal" is the sum of the item amounts; subtotal + tax + sum(features["charges"]) == total.
Item "amount" is the line's (net) amount column; quantity / unit_price are null when not printed.
"""
import importlib.util
import io
import json
import math
import os
import random
import sys
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pymupdf as fitz
from PIL import Image, ImageFilter

_HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("indep_invoices3_langdata", os.path.join(_HERE, "langdata.py"))
LD = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(LD)

D = Decimal
BLACK = (0, 0, 0)
GREY = (0.35, 0.35, 0.35)
LIGHT = (0.55, 0.55, 0.55)
WHITE = (1, 1, 1)


class Overflow(Exception):
    """The chosen content does not fit: re-draw with other random choices."""


class LayoutBug(Exception):
    """Two text boxes would collide or leave the page (a generator bug; retried, but counted)."""


def q2(x):
    return D(x).quantize(D("0.01"), ROUND_HALF_UP)


def tmoney(d):
    return f"{q2(d):.2f}"


def tnum(d):
    d = D(d)
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


# ----------------------------------------------------------------------------------------- numbers
NF = {"en": (",", "."), "de": (".", ","), "fr": (" ", ","), "ch": ("'", "."), "plain": ("", "."),
      "plainc": ("", ",")}


def fmtnum(d, nf, places=2):
    g, dsep = NF[nf]
    d = D(d)
    neg = d < 0
    s = f"{abs(d):.{places}f}"
    ip, _, fp = s.partition(".")
    parts = []
    while len(ip) > 3:
        parts.insert(0, ip[-3:])
        ip = ip[:-3]
    parts.insert(0, ip)
    out = g.join(parts) + ((dsep + fp) if places else "")
    return ("-" if neg else "") + out


def fmtqty(d, nf, places=None):
    d = D(d)
    if places is None:
        places = 0 if d == d.to_integral_value() else max(1, -d.normalize().as_tuple().exponent)
    return fmtnum(d, nf, places)


def fmtrate(r, nf, style):
    s = fmtqty(D(r), nf)
    return {0: f"{s} %", 1: f"{s}%", 2: f"{s},0 %" if NF[nf][1] == "," and "," not in s else f"{s} %"}[style]


SYM = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "SEK": "kr", "DKK": "kr.", "PLN": "zł"}
CURWORD = {
    "EUR": {"en": "euros", "de": "Euro", "fr": "euros", "es": "euros", "it": "euro", "nl": "euro", "pt": "euros",
            "sv": "euro", "da": "euro", "pl": "euro"},
    "USD": {"en": "US dollars"}, "GBP": {"en": "pounds sterling"},
    "CHF": {"de": "Schweizer Franken", "fr": "francs suisses", "it": "franchi svizzeri", "en": "Swiss francs"},
    "SEK": {"sv": "svenska kronor"}, "DKK": {"da": "danske kroner"}, "PLN": {"pl": "złotych"},
}


class Money:
    """How amounts print.  where: all | totals | header | note | none."""

    def __init__(self, cur, nf, mode, where, lang, space):
        self.cur, self.nf, self.mode, self.where, self.lang, self.space = cur, nf, mode, where, lang, space
        self.marker_drawn = False

    def _mark(self, num, neg):
        sym = SYM[self.cur]
        sp = " " if self.space or len(sym) > 1 else ""
        if self.mode == "sym_pre":
            out = f"{sym}{sp}{num}"
        elif self.mode == "sym_post":
            out = f"{num} {sym}"
        elif self.mode == "code_pre":
            out = f"{self.cur} {num}"
        else:
            out = f"{num} {self.cur}"
        return ("-" + out) if neg else out

    def fmt(self, d, marker):
        d = q2(d)
        num = fmtnum(abs(d), self.nf)
        if marker and self.where in ("all", "totals"):
            self.marker_drawn = True
            return self._mark(num, d < 0)
        return ("-" if d < 0 else "") + num

    def t(self, d):  # table cell
        return self.fmt(d, self.where == "all")

    def s(self, d):  # totals rows
        return self.fmt(d, True)

    def head(self, label):  # column heading of an amount column
        if self.where == "header":
            self.marker_drawn = True
            return f"{label} ({self.cur})" if self.cur != "USD" or self.lang != "en" else f"{label} ($)"
        return label

    def note(self, L):
        if self.where in ("note", "header"):
            w = CURWORD[self.cur].get(self.lang) or CURWORD[self.cur].get("en") or self.cur
            self.marker_drawn = True
            return L["note"].format(w=w)
        return None


# ------------------------------------------------------------------------------------------- dates
DATE_STYLES = {
    "en": ["iso", "d_mon_y", "mon_d_y", "dmy_slash", "d_month_y", "dmy_slash2"],
    "us": ["mdy_slash", "mon_d_y", "mon_d_y_short", "iso", "mdy_slash2"],
    "de": ["dmy_dot", "d_month_y", "iso", "dmy_dot2"],
    "fr": ["dmy_slash", "d_month_y", "dmy_dot"],
    "es": ["dmy_slash", "d_month_y", "dmy_dash"],
    "it": ["dmy_slash", "d_month_y", "dmy_dot"],
    "nl": ["dmy_dash", "d_month_y", "iso"],
    "pt": ["dmy_slash", "d_month_y", "iso"],
    "sv": ["iso", "iso", "d_month_y"],
    "da": ["dmy_dot", "d_month_y", "dmy_dash"],
    "pl": ["dmy_dot", "iso", "d_month_y"],
}


def fmtdate(d, style, lang):
    m = LD.MONTHS[lang]
    if style == "iso":
        return d.isoformat()
    if style == "dmy_dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dmy_dot2":
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if style == "dmy_slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_slash2":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "dmy_dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "mdy_slash":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "mdy_slash2":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "d_mon_y":
        return f"{d.day} {LD.MONTHS['en'][d.month - 1][:3]} {d.year}"
    if style == "mon_d_y":
        return f"{LD.MONTHS['en'][d.month - 1]} {d.day}, {d.year}"
    if style == "mon_d_y_short":
        return f"{LD.MONTHS['en'][d.month - 1][:3]} {d.day}, {d.year}"
    if style == "d_month_y":
        if lang in ("de", "da"):
            return f"{d.day}. {m[d.month - 1]} {d.year}"
        if lang in ("es", "pt"):
            return f"{d.day} de {m[d.month - 1]} de {d.year}"
        return f"{d.day} {m[d.month - 1]} {d.year}"
    raise ValueError(style)


# ------------------------------------------------------------------------------------------- fonts
DV = "/usr/share/fonts/truetype/dejavu/"
LB = "/usr/share/fonts/truetype/liberation/"
FAMS = {
    "dejavu-sans": ("sans", DV + "DejaVuSans.ttf", DV + "DejaVuSans-Bold.ttf", DV + "DejaVuSans-Oblique.ttf"),
    "dejavu-serif": ("serif", DV + "DejaVuSerif.ttf", DV + "DejaVuSerif-Bold.ttf", DV + "DejaVuSerif-Italic.ttf"),
    "dejavu-mono": ("mono", DV + "DejaVuSansMono.ttf", DV + "DejaVuSansMono-Bold.ttf",
                    DV + "DejaVuSansMono-Oblique.ttf"),
    "dejavu-sans-condensed": ("condensed", DV + "DejaVuSansCondensed.ttf", DV + "DejaVuSansCondensed-Bold.ttf",
                              DV + "DejaVuSansCondensed-Oblique.ttf"),
    "dejavu-serif-condensed": ("condensed-serif", DV + "DejaVuSerifCondensed.ttf",
                               DV + "DejaVuSerifCondensed-Bold.ttf", DV + "DejaVuSerifCondensed-Italic.ttf"),
    "liberation-sans": ("sans", LB + "LiberationSans-Regular.ttf", LB + "LiberationSans-Bold.ttf",
                        LB + "LiberationSans-Italic.ttf"),
    "liberation-serif": ("serif", LB + "LiberationSerif-Regular.ttf", LB + "LiberationSerif-Bold.ttf",
                         LB + "LiberationSerif-Italic.ttf"),
    "liberation-mono": ("mono", LB + "LiberationMono-Regular.ttf", LB + "LiberationMono-Bold.ttf",
                        LB + "LiberationMono-Italic.ttf"),
    "liberation-narrow": ("condensed", LB + "LiberationSansNarrow-Regular.ttf", LB + "LiberationSansNarrow-Bold.ttf",
                          LB + "LiberationSansNarrow-Italic.ttf"),
    "base14-helvetica": ("sans", "helv", "hebo", "heit"),
    "base14-times": ("serif", "tiro", "tibo", "tiit"),
    "base14-courier": ("mono", "cour", "cobo", "coit"),
}
FAM_WEIGHTS = {"dejavu-sans": 4, "dejavu-serif": 2, "dejavu-mono": 1, "dejavu-sans-condensed": 2,
               "dejavu-serif-condensed": 1, "liberation-sans": 1, "liberation-serif": 1, "liberation-mono": 0.5,
               "liberation-narrow": 1, "base14-helvetica": 1.5, "base14-times": 1, "base14-courier": 0.5}
_FONTS = {}
_BUFS = {}
try:  # Liberation fonts map U+00A0 / U+00AD onto the space / hyphen glyphs, which makes mupdf's text layer
    from fontTools.ttLib import TTFont  # say NBSP / soft hyphen for every space / hyphen: drop those cmap entries.
except ImportError:  # pragma: no cover - without fontTools the Liberation families are not used
    TTFont = None
    for _k in [k for k in FAM_WEIGHTS if k.startswith("liberation")]:
        FAM_WEIGHTS.pop(_k)


def font_buffer(path):
    if path not in _BUFS:
        if "liberation" in path.lower() and TTFont is not None:
            f = TTFont(path)
            for t in f["cmap"].tables:
                if t.isUnicode():
                    for cp in (0xA0, 0xAD):
                        t.cmap.pop(cp, None)
            b = io.BytesIO()
            f.save(b)
            _BUFS[path] = b.getvalue()
        else:
            with open(path, "rb") as fh:
                _BUFS[path] = fh.read()
    return _BUFS[path]


def get_font(spec):
    if spec not in _FONTS:
        _FONTS[spec] = fitz.Font(fontbuffer=font_buffer(spec)) if spec.endswith(".ttf") else fitz.Font(spec)
    return _FONTS[spec]


B14_SUBST = {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "×": "x", "·": "-"}


def wchoice(rng, weights):
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


# ------------------------------------------------------------------------------------------ canvas
class Canvas:
    def __init__(self, w, h, fam):
        self.doc = fitz.open()
        self.W, self.H, self.fam = w, h, fam
        kind, r, b, i = FAMS[fam]
        self.kind = kind
        self.files = {"r": r, "b": b, "i": i}
        self.base14 = not r.endswith(".ttf")
        self.pages = []
        self.page = None
        self.bottom = h - 30

    def new_page(self):
        p = self.doc.new_page(width=self.W, height=self.H)
        if not self.base14:
            for st, f in self.files.items():
                p.insert_font(fontname="F" + st, fontbuffer=font_buffer(f))
        self.page, self.boxes = p, []
        self.pages.append(p)
        self.bottom = self.H - 30
        return p

    def F(self, st):
        return get_font(self.files[st])

    def clean(self, s):
        if self.base14:
            for a, b in B14_SUBST.items():
                s = s.replace(a, b)
            try:
                s.encode("latin-1")
            except UnicodeEncodeError:
                raise Overflow("base14 cannot show " + s) from None
        return s

    def tw(self, s, size, st="r"):
        return self.F(st).text_length(self.clean(s), fontsize=size)

    def lh(self, size):
        return max((self.F(st).ascender - self.F(st).descender) for st in "rbi") * size

    def pitch(self, size, extra=0.0):
        return self.lh(size) + max(2.2, 0.22 * size) + extra

    def text(self, x, y, s, size, st="r", color=BLACK, align="l", ignore_bottom=False):
        """Draw s with the top of its box at y; returns the right edge."""
        s = self.clean(s)
        if not s:
            return x
        F = self.F(st)
        w = F.text_length(s, fontsize=size)
        x0 = x if align == "l" else (x - w if align == "r" else x - w / 2)
        top, base = y, y + F.ascender * size
        bot = base - F.descender * size
        if x0 < 4 or x0 + w > self.W - 4 or top < 4 or bot > self.H - 4:
            raise LayoutBug(f"outside page: {s!r} at {x0:.1f},{top:.1f}")
        if not ignore_bottom and bot > self.bottom:
            raise Overflow("below content bottom")
        for b in self.boxes:
            if x0 < b[2] + 2.0 and b[0] < x0 + w + 2.0 and top < b[3] + 1.0 and b[1] < bot + 1.0:
                raise LayoutBug(f"collision: {s!r} with {b[4]!r}")
        self.boxes.append((x0, top, x0 + w, bot, s))
        alias = self.files[st] if self.base14 else "F" + st
        self.page.insert_text((x0, base), s, fontname=alias, fontsize=size, color=color)
        return x0 + w

    def wrap(self, s, width, size, st="r"):
        words, lines, cur = s.split(" "), [], ""
        for w in words:
            if self.tw(w, size, st) > width:
                raise Overflow("word too long: " + w)
            t = (cur + " " + w) if cur else w
            if self.tw(t, size, st) <= width:
                cur = t
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
        return lines

    def hline(self, x0, x1, y, color=(0.6, 0.6, 0.6), width=0.6):
        self.page.draw_line((x0, y), (x1, y), color=color, width=width)

    def vline(self, x, y0, y1, color=(0.6, 0.6, 0.6), width=0.6):
        self.page.draw_line((x, y0), (x, y1), color=color, width=width)

    def rect(self, x0, y0, x1, y1, fill=None, color=None, width=0.6):
        self.page.draw_rect(fitz.Rect(x0, y0, x1, y1), color=color, fill=fill, width=width if color else 0)


class Block:
    """A stack of text lines, measurable before drawing."""

    def __init__(self):
        self.lines = []

    def add(self, text, size, st="r", color=BLACK, gap=0.0):
        if text:
            self.lines.append((text, size, st, color, gap))
        return self

    def width(self, c):
        return max((c.tw(t, s, st) for t, s, st, _, _ in self.lines), default=0)

    def height(self, c):
        return sum(c.pitch(s) + g for _, s, _, _, g in self.lines)

    def draw(self, c, x, y, align="l"):
        for t, s, st, col, g in self.lines:
            y += g
            c.text(x, y, t, s, st, col, align)
            y += c.pitch(s)
        return y


class KV:
    """label | value pairs in two columns."""

    def __init__(self, pairs, size, lst="r", vst="r", lcolor=GREY, gap=10, valign="l", colon=False):
        self.pairs = [((lab + ":") if colon else lab, val) for lab, val in pairs]
        self.size, self.lst, self.vst, self.lcolor, self.gap, self.valign = size, lst, vst, lcolor, gap, valign

    def lw(self, c):
        return max(c.tw(p[0], self.size, self.lst) for p in self.pairs)

    def vw(self, c):
        return max(c.tw(p[1], self.size, self.vst) for p in self.pairs)

    def width(self, c):
        return self.lw(c) + self.gap + self.vw(c)

    def height(self, c):
        return len(self.pairs) * c.pitch(self.size)

    def draw(self, c, x, y):
        lw, w = self.lw(c), self.width(c)
        for lab, val in self.pairs:
            c.text(x, y, lab, self.size, self.lst, self.lcolor)
            if self.valign == "l":
                c.text(x + lw + self.gap, y, val, self.size, self.vst)
            else:
                c.text(x + w, y, val, self.size, self.vst, align="r")
            y += c.pitch(self.size)
        return y


def kv_strip(c, x, y, maxw, pairs, size, boxed=True, fill=None):
    """Labels above values, cells side by side (wrapping to a new row when needed)."""
    ls = max(6.8, size - 1.5)
    cells = [(lab, val, max(c.tw(lab, ls), c.tw(val, size, "b")) + 14) for lab, val in pairs]
    h = c.pitch(ls) + c.pitch(size) + 6
    cx, cy = x, y
    for lab, val, w in cells:
        if cx + w > x + maxw + 0.1:
            cx, cy = x, cy + h + 4
        if cx + w > x + maxw + 0.1:
            raise Overflow("strip cell too wide")
        if boxed or fill:
            c.rect(cx, cy, cx + w - 4, cy + h, fill=fill, color=(0.7, 0.7, 0.7) if boxed else None)
        c.text(cx + 5, cy + 3, lab, ls, "r", GREY)
        c.text(cx + 5, cy + 3 + c.pitch(ls), val, size, "b")
        cx += w
    return cy + h


class Table:
    """Columns: dicts with key, head, align ('l'/'r'/'c'), flex (wraps, takes the remaining width)."""

    def __init__(self, c, x, width, cols, rows, size, hsize=None, pad=4.5, style="fill", head_fill=(0.88, 0.88, 0.88),
                 head_color=BLACK, zebra=None, min_flex=80, grid=False, vpad=2.0):
        self.c, self.x, self.width, self.cols, self.size = c, x, width, cols, size
        self.hsize = hsize or size
        self.pad, self.style, self.head_fill, self.head_color, self.zebra, self.grid = pad, style, head_fill, head_color, zebra, grid
        self.vpad = vpad
        widths = []
        for col in cols:
            if col.get("flex"):
                widths.append(None)
                continue
            vals = [c.tw(r.get(col["key"], ""), size, col.get("st", "r")) for r in rows if not r.get("_special")]
            hw = max(c.tw(w, self.hsize, "b") for w in col["head"].split(" "))
            widths.append(max(vals + [hw]) + 2 * pad + col.get("extra", 0))
        fixed = sum(w for w in widths if w is not None)
        nflex = sum(1 for w in widths if w is None)
        if width is None:  # natural width (no flex column)
            width = self.width = fixed
        flexw = (width - fixed) / max(1, nflex)
        if nflex and flexw < min_flex:
            raise Overflow(f"flex column too narrow ({flexw:.0f})")
        if not nflex and fixed > width:
            raise Overflow("table too wide")
        self.widths = [flexw if w is None else w for w in widths]
        if not nflex:  # spread the slack over all columns
            extra = (width - fixed) / len(widths)
            self.widths = [w + extra for w in self.widths]
        self.xs = [x]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.head_lines = [c.wrap(col["head"], self.widths[k] - 2 * pad, self.hsize, "b") for k, col in enumerate(cols)]

    def col(self, key):
        for k, col in enumerate(self.cols):
            if col["key"] == key:
                return self.xs[k], self.xs[k + 1]
        raise KeyError(key)

    def header_height(self):
        return max(len(h) for h in self.head_lines) * self.c.pitch(self.hsize) + 2 * self.vpad + 2

    def draw_header(self, y):
        c, h = self.c, self.header_height()
        if self.style == "fill":
            c.rect(self.x, y, self.x + self.width, y + h, fill=self.head_fill)
        elif self.style == "rule":
            c.hline(self.x, self.x + self.width, y, color=(0.2, 0.2, 0.2), width=0.8)
            c.hline(self.x, self.x + self.width, y + h, color=(0.2, 0.2, 0.2), width=0.8)
        elif self.style == "box":
            c.rect(self.x, y, self.x + self.width, y + h, color=(0.3, 0.3, 0.3), width=0.8)
        else:
            c.hline(self.x, self.x + self.width, y + h, color=(0.2, 0.2, 0.2), width=1.0)
        for k, col in enumerate(self.cols):
            yy = y + self.vpad + 1
            for line in self.head_lines[k]:
                self._cell_text(k, yy, line, self.hsize, "b", self.head_color, col.get("align", "l"))
                yy += c.pitch(self.hsize)
        return y + h

    def _cell_text(self, k, y, s, size, st, color, align):
        x0, x1 = self.xs[k], self.xs[k + 1]
        if align == "r":
            self.c.text(x1 - self.pad, y, s, size, st, color, "r")
        elif align == "c":
            self.c.text((x0 + x1) / 2, y, s, size, st, color, "c")
        else:
            self.c.text(x0 + self.pad, y, s, size, st, color, "l")

    def cell_lines(self, row):
        out = []
        for k, col in enumerate(self.cols):
            v = row.get(col["key"], "")
            if col.get("flex"):
                out.append(self.c.wrap(v, self.widths[k] - 2 * self.pad, self.size, col.get("st", "r")) if v else [])
            else:
                out.append([v] if v else [])
        return out

    def row_height(self, row):
        n = max(1, max(len(x) for x in self.cell_lines(row)))
        return n * self.c.pitch(self.size) + 2 * self.vpad

    def draw_row(self, y, row, idx=0):
        c = self.c
        lines = self.cell_lines(row)
        h = self.row_height(row)
        if y + h > c.bottom:
            raise Overflow("table row below bottom")
        if self.zebra and idx % 2 == 1:
            c.rect(self.x, y, self.x + self.width, y + h, fill=self.zebra)
        for k, col in enumerate(self.cols):
            yy = y + self.vpad
            for line in lines[k]:
                self._cell_text(k, yy, line, self.size, col.get("st", "r"), BLACK, col.get("align", "l"))
                yy += c.pitch(self.size)
        if self.grid:
            c.hline(self.x, self.x + self.width, y + h, color=(0.75, 0.75, 0.75), width=0.4)
        return y + h


def totals_box(c, xr, y, rows, size, label_x=None, label_align="l", boxed=False, rule_last=True, gap=12,
               fill_last=None):
    """rows: (label, value, bold).  Labels in one column, values right-aligned at xr."""
    vw = max(c.tw(v, size, "b" if b else "r") for _, v, b in rows)
    lw = max(c.tw(lab, size, "b" if b else "r") for lab, _, b in rows)
    xm = xr - vw - gap  # right edge of the label column
    if label_x is None:
        label_x = xm - lw
    if label_x + lw > xm + 0.01:
        raise Overflow("totals labels too wide")
    top = y
    p = c.pitch(size)
    for k, (lab, val, bold) in enumerate(rows):
        st = "b" if bold else "r"
        _last = k == len(rows) - 1 or bold
        if rule_last and bold:
            c.hline(label_x, xr, y - 1, color=(0.2, 0.2, 0.2), width=0.8)
            y += 2
        if fill_last and bold:
            c.rect(label_x - 4, y - 1, xr + 4, y + p, fill=fill_last)
        if label_align == "l":
            c.text(label_x, y, lab, size, st)
        else:
            c.text(xm, y, lab, size, st, align="r")
        c.text(xr, y, val, size, st, align="r")
        y += p
    if boxed:
        c.rect(label_x - 6, top - 4, xr + 6, y + 2, color=(0.4, 0.4, 0.4), width=0.7)
        c.vline(xm + gap / 2, top - 4, y + 2, color=(0.6, 0.6, 0.6), width=0.5)
        y += 4
    return y


def leader(c, x0, x1, y, label, value, size, st="r", vst="r", dot="."):
    """label ........ value, value right-aligned at x1."""
    lend = c.text(x0, y, label, size, st)
    vw = c.tw(value, size, vst)
    dw = c.tw(dot, size)
    start, end = lend + 3, x1 - vw - 3
    n = int((end - start) / dw)
    if n < 3:
        raise Overflow("leader too short")
    c.text(start, y, dot * n, size, "r", LIGHT)
    c.text(x1, y, value, size, vst, align="r")
    return y + c.pitch(size)


def draw_footer(c, cols, size, margin, rule=True, color=GREY):
    """cols: list of lists of lines, spread across the page width at the bottom; sets c.bottom."""
    p = c.pitch(size)
    n = max(len(col) for col in cols)
    top = c.H - margin - n * p
    if rule:
        c.hline(margin, c.W - margin, top - 4, color=(0.7, 0.7, 0.7), width=0.5)
    avail = c.W - 2 * margin
    widths = [max(c.tw(line, size) for line in col) for col in cols]
    if sum(widths) + 12 * (len(cols) - 1) > avail:
        raise Overflow("footer too wide")
    gapw = (avail - sum(widths)) / max(1, len(cols) - 1) if len(cols) > 1 else 0
    x = margin if len(cols) > 1 else (c.W - widths[0]) / 2
    for col, w in zip(cols, widths):
        y = top
        for line in col:
            c.text(x, y, line, size, "r", color, ignore_bottom=True)
            y += p
        x += w + gapw
    c.bottom = top - 10
    return top


# -------------------------------------------------------------------------------------- random data
def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def company(rng, lang):
    root = rng.choice(LD.ROOTS)
    form = rng.random()
    legal = rng.choice(LD.LEGAL[lang])
    dom = rng.choice(LD.DOMAIN[lang])
    if form < 0.45:
        name = f"{root} {dom}" if lang in ("en", "de", "nl", "sv", "da", "pl") else f"{dom} {root}"
    elif form < 0.7:
        a, b = rng.sample(LD.LAST[lang], 2)
        name = f"{a} & {b}"
    else:
        name = root + rng.choice(["tec", "ware", "line", "plan", "form", "bau", "print", "data"]) if lang in ("de", "nl", "sv", "da") \
            else root + rng.choice(["tek", "ware", "line", "plan", "form", "print", "data"])
    if legal == "& Co." and "&" in name:
        legal = "Ltd"
    return f"{name} {legal}"


def person(rng, lang):
    return f"{rng.choice(LD.FIRST[lang])} {rng.choice(LD.LAST[lang])}"


def address(rng, lang, us=False, ch=False):
    if us:
        city, st = rng.choice(LD.CITIES["us"])
        return [f"{rng.randint(10, 9899)} {rng.choice(LD.STREETW['en'])}", f"{city}, {st} {digits(rng, 5)}"]
    st = rng.choice(LD.STREETW[lang])
    no = rng.randint(1, 140)
    city = rng.choice(LD.CITIES[lang] if not ch else {"fr": ["Genève", "Lausanne", "Neuchâtel", "Fribourg"],
                                                        "it": ["Lugano", "Bellinzona", "Locarno"]}.get(lang, LD.CITIES["ch"]))
    if ch:
        st = st.replace("ß", "ss")
    if lang in ("fr",):
        street = f"{no} {st}"
    elif lang == "en":
        street = f"{no} {st}"
    elif lang == "pt":
        street = f"{st}, {no}"
    else:
        street = f"{st} {no}"
    if ch:
        pc = f"CH-{rng.randint(1000, 9658)}"
    else:
        pc = {"de": lambda: digits(rng, 5), "fr": lambda: digits(rng, 5), "es": lambda: digits(rng, 5),
              "it": lambda: digits(rng, 5), "nl": lambda: f"{rng.randint(1000, 9999)} {rng.choice('ABCDEGHJKLMNPRST')}{rng.choice('ABCDEGHJKLMNPRST')}",
              "pt": lambda: f"{rng.randint(1000, 9999)}-{digits(rng, 3)}", "sv": lambda: f"{rng.randint(100, 989)} {digits(rng, 2)}",
              "da": lambda: str(rng.randint(1000, 9990)), "pl": lambda: f"{digits(rng, 2)}-{digits(rng, 3)}",
              "en": lambda: f"{rng.choice(['LS', 'BS', 'NR', 'EX', 'YO', 'RG'])}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"}[lang]()
    if lang == "en":
        return [street, city, pc]
    return [street, f"{pc} {city}"]


def vat_id(rng, lang, ch=False):
    if ch:
        return f"CHE-{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)} MWST"
    return {"en": lambda: f"GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}", "de": lambda: "DE" + digits(rng, 9),
            "fr": lambda: f"FR{digits(rng, 2)} {digits(rng, 9)}", "es": lambda: f"B{digits(rng, 8)}",
            "it": lambda: "IT" + digits(rng, 11), "nl": lambda: f"NL{digits(rng, 9)}B01", "pt": lambda: "PT" + digits(rng, 9),
            "sv": lambda: f"SE{digits(rng, 10)}01", "da": lambda: digits(rng, 8),
            "pl": lambda: f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 2)}"}[lang]()


def iban(rng, lang):
    cc = {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "sv": "SE", "da": "DK",
          "pl": "PL"}[lang]
    n = {"GB": 18, "DE": 20, "FR": 25, "ES": 22, "IT": 25, "NL": 16, "PT": 23, "SE": 22, "DK": 16, "PL": 26}[cc]
    body = digits(rng, 2) + ("".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) if cc in ("GB", "NL") else "") + digits(rng, n - (4 if cc in ("GB", "NL") else 0))
    s = cc + body
    return " ".join(s[k:k + 4] for k in range(0, len(s), 4))


def phone(rng, lang):
    cc = {"en": "+44", "de": "+49", "fr": "+33", "es": "+34", "it": "+39", "nl": "+31", "pt": "+351", "sv": "+46",
          "da": "+45", "pl": "+48"}[lang]
    return f"{cc} {rng.randint(10, 99)} {digits(rng, 3)} {digits(rng, 4)}"


def slug(name):
    s = "".join(ch for ch in name.split(" ")[0].lower() if ch.isalnum())
    return s.translate(str.maketrans("äöüåøæéèàçñãõóíúłąęśżźćń", "aouaoaeeacnaooiulaeszzcn")) or "office"


def email_of(name, lang, rng):
    tld = {"en": "co.uk", "de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "pt": "pt", "sv": "se", "da": "dk",
           "pl": "pl"}[lang]
    return f"{rng.choice(['info', 'billing', 'office', 'accounts', 'kontakt'])}@{slug(name)}.{tld}"


def rand_date(rng):
    return date(2023, 1, 1) + timedelta(days=rng.randint(0, 1090))


def inv_number(rng, lang, d):
    k = rng.random()
    if lang == "pl":
        return rng.choice([f"FV/{rng.randint(1, 480)}/{d.month:02d}/{d.year}", f"{rng.randint(1, 480)}/{d.month:02d}/{d.year}",
                           f"FV {d.year}/{d.month:02d}/{rng.randint(1, 480):03d}"])
    if lang in ("sv", "da") and k < 0.6:
        return str(rng.randint(10000, 99999))
    pre = {"en": ["INV-", "IN", ""], "de": ["RE-", "R", "RG"], "fr": ["FA", "F-", "FAC"], "es": ["FAC-", "F", "A-"],
           "it": ["FT", "", "FPR "], "nl": ["F", "INV", ""], "pt": ["FT ", "FT A", "FR "], "sv": ["F", ""], "da": ["F-", ""]}[lang]
    p = rng.choice(pre)
    r = rng.random()
    if lang == "it" and p in ("", "FPR "):
        return f"{p}{rng.randint(1, 480)}/{d.year % 100 if rng.random() < .5 else d.year}"
    if lang == "pt" and p.startswith("F"):
        return f"{p}{d.year}/{rng.randint(1, 2999)}"
    if r < 0.35:
        return f"{p}{d.year}-{rng.randint(1, 2999):04d}"
    if r < 0.6:
        return f"{p}{rng.randint(10000, 999999)}"
    if r < 0.8:
        return f"{p}{d.year % 100:02d}{rng.randint(1, 9999):04d}"
    return f"{d.year}-{rng.randint(1, 999):03d}" if not p else f"{p}{d.year}/{rng.randint(1, 999):03d}"


def other_number(rng, kind):
    f = {"cust": [lambda: f"K{digits(rng, 5)}", lambda: digits(rng, 6), lambda: f"C-{digits(rng, 4)}", lambda: f"{digits(rng, 3)}-{digits(rng, 3)}"],
         "order": [lambda: f"AB-{digits(rng, 5)}", lambda: digits(rng, 7), lambda: f"SO{digits(rng, 6)}", lambda: f"{digits(rng, 4)}/{digits(rng, 2)}"],
         "po": [lambda: f"PO-{digits(rng, 5)}", lambda: f"4500{digits(rng, 6)}", lambda: f"P{digits(rng, 6)}"]}[kind]
    return rng.choice(f)()


RATES = {"en": (D(20), D(5)), "de": (D(19), D(7)), "fr": (D(20), D("5.5")), "es": (D(21), D(10)), "it": (D(22), D(10)),
         "nl": (D(21), D(9)), "pt": (D(23), D(6)), "sv": (D(25), D(12)), "da": (D(25), None), "pl": (D(23), D(8))}
CH_RATES = (D("8.1"), D("2.6"))


# ----------------------------------------------------------------------------------------- context
class Ctx:
    def __init__(self, rng, arch, lang, attempt, cur=None, nf=None, money_mode=None, where=None, fam=None,
                 size=None, page=None, date_style=None, ch=False):
        self.rng, self.arch, self.lang, self.attempt = rng, arch, lang, attempt
        self.L = LD.L[lang]
        self.safe = attempt >= 5
        self.ch = ch
        self.cur = cur or self.pick_cur()
        self.nf = nf or self.pick_nf()
        where = where or wchoice(rng, {"all": 3, "totals": 4, "header": 1.2, "note": 1, "none": 1})
        if money_mode is None:
            money_mode = self.pick_mode()
        self.money = Money(self.cur, self.nf, money_mode, where, lang, rng.random() < 0.5)
        self.date_style = date_style or rng.choice(DATE_STYLES["us" if (lang == "en" and self.cur == "USD") else lang])
        self.inv_date = rand_date(rng)
        base14_ok = lang != "pl" and not (self.cur == "EUR" and money_mode.startswith("sym") and where in ("all", "totals"))
        weights = dict(FAM_WEIGHTS)
        if not base14_ok:
            for k in list(weights):
                if k.startswith("base14"):
                    weights.pop(k)
        self.fam = fam or wchoice(rng, weights)
        kind = FAMS[self.fam][0]
        lo, hi = (7.5, 9.0) if kind == "mono" else (8.0, 10.5) if kind.startswith("condensed") else (7.5, 10.5)
        if self.safe:
            hi = lo + 0.5
        self.size = size or round(rng.uniform(lo, hi) * 2) / 2
        self.page = page or rng.choice(["A4"] * 3 + ["Letter"] if lang != "en" or self.cur != "USD" else ["Letter"] * 3 + ["A4"])
        self.feat = {"archetype": arch, "lang": lang, "font_family": self.fam, "font_kind": kind, "font_size": self.size,
                     "page_size": self.page, "date_style": self.date_style, "number_format": self.nf,
                     "currency_mode": money_mode, "currency_where": where, "attempt": attempt,
                     "liberation_cmap_patched": self.fam.startswith("liberation")}
        self.charges = []

    def pick_cur(self):
        r = self.rng
        if self.ch:
            return "CHF"
        return {"en": lambda: r.choice(["GBP", "GBP", "EUR"]), "sv": lambda: "SEK", "da": lambda: "DKK",
                "pl": lambda: "PLN"}.get(self.lang, lambda: "EUR")()

    def pick_nf(self):
        r = self.rng
        if self.cur == "CHF":
            return "ch"
        opts = {"en": ["en"] * 6 + ["plain"], "de": ["de"] * 5 + ["plainc"], "fr": ["fr"] * 4 + ["de", "plainc"],
                "es": ["de"] * 5 + ["plainc"], "it": ["de"] * 5 + ["plainc"], "nl": ["de"] * 5 + ["en"],
                "pt": ["fr", "de", "de", "plainc"], "sv": ["fr"] * 5 + ["plainc"], "da": ["de"] * 5 + ["plainc"],
                "pl": ["fr"] * 5 + ["plainc"]}[self.lang]
        return r.choice(opts)

    def pick_mode(self):
        r = self.rng
        if self.cur in ("USD", "GBP"):
            return r.choice(["sym_pre"] * 4 + ["code_pre"])
        if self.cur == "CHF":
            return r.choice(["code_pre", "code_pre", "code_post"])
        if self.cur in ("SEK", "DKK", "PLN"):
            return r.choice(["sym_post"] * 4 + ["code_post"])
        if self.lang in ("nl", "en"):
            return r.choice(["sym_pre", "sym_pre", "code_pre", "sym_post"])
        return r.choice(["sym_post"] * 4 + ["code_post", "code_pre"])

    def d(self, dt):
        return fmtdate(dt, self.date_style, self.lang)

    @property
    def rates(self):
        return CH_RATES if self.ch else RATES[self.lang]

    def canvas(self, landscape=False):
        w, h = (595.28, 841.89) if self.page == "A4" else (612.0, 792.0)
        if landscape:
            w, h = h, w
        self.feat["orientation"] = "landscape" if landscape else "portrait"
        c = Canvas(w, h, self.fam)
        c.new_page()
        return c

    def rate_str(self, r, style=None):
        if style is None:
            style = self.rng.choice([0, 1, 2])
            self._rate_style = style
        return fmtrate(r, self.nf, style)

    def items(self, n, kind="goods", qty_hours=False, price=(4, 600), details=0.2):
        rng, lang = self.rng, self.lang
        pool = list(LD.GOODS[lang] if kind == "goods" else LD.SERVICES[lang])
        rng.shuffle(pool)
        out = []
        mw = {"en": "model", "de": "Modell", "fr": "modèle", "es": "modelo", "it": "modello", "nl": "model",
              "pt": "modelo", "sv": "modell", "da": "model", "pl": "model"}[lang]
        for k in range(n):
            desc = pool[k % len(pool)]
            if k >= len(pool):
                desc = f"{desc}, {mw} {rng.choice('ABCDEFGHKLMNPRSTVX')}{rng.randint(10, 99)}"
            elif rng.random() < details:
                desc = f"{desc}, {rng.choice(LD.DETAILS[lang])}"
            if kind == "goods":
                qty = D(rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 25, 50, 100]))
                unit = self.L["pcs"]
            elif qty_hours:
                qty = D(rng.randint(1, 32)) / 2
                unit = self.L["h"]
            else:
                qty = D(rng.choice([1, 1, 1, 2, 3]))
                unit = self.L["pcs"]
            lo, hi = price
            if kind != "goods" and qty_hours:
                lo, hi = 45, 190
            p = math.exp(rng.uniform(math.log(lo), math.log(hi)))
            p = D(str(round(p, 2))) if rng.random() < 0.7 else D(str(round(p)))
            if p <= 0:
                p = D("1.00")
            if kind == "goods" and p > 300 and qty > 5:
                qty = D(rng.choice([1, 2, 3, 4, 5]))
            out.append({"desc": desc, "qty": qty, "unit": unit, "price": p})
        return out


def truth_item(desc, qty, price, amount):
    return {"description": desc, "quantity": None if qty is None else tnum(qty),
            "unit_price": None if price is None else (tmoney(price) if D(price) == q2(price) else tnum(price)),
            "amount": tmoney(amount)}


def tax_by_rate(nets):
    """nets: list of (rate, net).  Returns ordered {rate: (net, tax)}."""
    out = {}
    for r, n in nets:
        out.setdefault(r, D(0))
        out[r] += n
    return {r: (n, q2(n * r / 100)) for r, n in sorted(out.items(), key=lambda t: -t[0])}


def party_block(ctx, name, lines, size, title=None, bold_name=True, extra=()):
    b = Block()
    if title:
        b.add(title, max(7.0, size - 1), "b", GREY)
    b.add(name, size, "b" if bold_name else "r")
    for ln in lines:
        b.add(ln, size)
    for ln in extra:
        b.add(ln, size)
    return b


def pick_distractors(ctx, kinds, k):
    """(label, value) pairs of look-alike numbers and dates."""
    rng, L = ctx.rng, ctx.L
    pool = []
    for kind in kinds:
        if kind == "cust":
            pool.append((L["cust_no"], other_number(rng, "cust")))
        elif kind == "order":
            pool.append((L["order_no"], other_number(rng, "order")))
        elif kind == "po":
            pool.append((L["po_no"], other_number(rng, "po")))
        elif kind == "order_date":
            pool.append((L["order_date"], ctx.d(ctx.inv_date - timedelta(days=rng.randint(2, 20)))))
        elif kind == "delivery_date":
            pool.append((L["delivery_date"], ctx.d(ctx.inv_date - timedelta(days=rng.randint(0, 6)))))
        elif kind == "vat":
            pool.append((L["vat_id"], vat_id(rng, ctx.lang, ch=ctx.ch)))
        elif kind == "due":
            pool.append((L["due"], ctx.d(ctx.inv_date + timedelta(days=rng.choice([7, 10, 14, 30, 30, 45, 60])))))
    rng.shuffle(pool)
    return pool[:k]


def finish_truth(ctx, inv_no, issuer, customer, items, subtotal, tax, total):
    assert q2(sum((D(it["amount"]) for it in items), D(0))) == q2(subtotal), "items != subtotal"
    assert q2(subtotal + tax + sum((D(a) for _, a in ctx.charges), D(0))) == q2(total), "arith"
    if ctx.money.where in ("note", "header") and not ctx.money.marker_drawn:
        raise LayoutBug("currency note/heading not drawn")
    ctx.feat["charges"] = [{"label": lab, "amount": tmoney(a)} for lab, a in ctx.charges]
    ctx.feat["total_printed"] = ctx.money.s(total)
    ctx.feat["n_items"] = len(items)
    return {"invoice_number": inv_no, "invoice_date": ctx.inv_date.isoformat(), "issuer": issuer, "customer": customer,
            "total": tmoney(total), "subtotal": tmoney(subtotal), "tax": tmoney(tax),
            "currency": ctx.cur if ctx.money.marker_drawn else "", "items": items, "features": ctx.feat}


def notes_lines(ctx, extra=()):
    out = [x for x in extra if x]
    n = ctx.money.note(ctx.L)
    if n:
        out.append(n)
    return out


def draw_notes(c, x, y, width, lines, size, gap=6):
    y += gap
    for ln in lines:
        for part in c.wrap(ln, width, size):
            c.text(x, y, part, size, "r", GREY)
            y += c.pitch(size)
    return y


def std_footer(ctx, c, issuer, iss_lines, vat, margin, size, with_name=True, page=None):
    L = ctx.L
    col1 = ([issuer] if with_name else []) + iss_lines
    col2 = [f"{L['phone']} {phone(ctx.rng, ctx.lang)}", f"{L['email']} {email_of(issuer, ctx.lang, ctx.rng)}",
            f"{L['vat_id']} {vat}"]
    col3 = [L["bank"], f"{L['iban']} {iban(ctx.rng, ctx.lang)}"]
    if page:
        col3.append(page)
    return draw_footer(c, [col1, col2, col3], size, margin)


# ====================================================================================== archetypes
def arch_discount(rng, attempt):
    lang = rng.choice(["de", "de", "fr", "fr", "es", "it", "nl", "pt", "en"])
    ctx = Ctx(rng, "discount", lang, attempt, ch=(lang in ("de", "fr", "it") and rng.random() < 0.3))
    L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([36, 42, 50, 56])
    issuer = company(rng, lang)
    iss_addr = address(rng, lang, ch=ctx.ch)
    vat = vat_id(rng, lang, ch=ctx.ch)
    customer = company(rng, lang) if rng.random() < 0.8 else person(rng, lang)
    cust_lines = ([f"{L['contact']}: {person(rng, lang)}"] if rng.random() < 0.4 else []) + address(rng, lang, ch=ctx.ch)
    inv_no = inv_number(rng, lang, ctx.inv_date)
    pos = rng.choice(["left", "right", "center", "footer"])
    num_in_title = rng.random() < 0.35
    ctx.feat.update(issuer_pos=pos, number_in_title=num_in_title)

    draw_footer(c, [[issuer] + iss_addr if pos == "footer" else iss_addr,
                    [f"{L['vat_id']} {vat}", f"{L['phone']} {phone(rng, lang)}"],
                    [L["bank"], f"{L['iban']} {iban(rng, lang)}"]], max(7.0, s - 1.5), m)
    y = m
    if pos != "footer":
        b = Block().add(issuer, s * rng.choice([1.5, 1.7, 1.9]), "b")
        for ln in iss_addr:
            b.add(ln, s - 0.5, color=GREY)
        x = {"left": m, "right": c.W - m, "center": c.W / 2}[pos]
        y = b.draw(c, x, y, {"left": "l", "right": "r", "center": "c"}[pos]) + 14
    else:
        y += 10
    # customer (left) and meta (right)
    cust = party_block(ctx, customer, cust_lines, s, title=rng.choice([L["bill_to"], L["customer"], None]))
    pairs = [] if num_in_title else [(L["inv_no"], inv_no)]
    pairs.append((rng.choice([L["date"], L["date_s"]]), ctx.d(ctx.inv_date)))
    pairs += pick_distractors(ctx, ["cust", "order", "delivery_date", "due", "po", "vat"], rng.randint(2, 4))
    rng.shuffle(pairs)
    ctx.feat["meta_fields"] = [p[0] for p in pairs]
    kv = KV(pairs, s, lst="r", vst=rng.choice(["r", "b"]), colon=rng.random() < 0.5)
    kx = c.W - m - kv.width(c)
    if pos == "footer" or rng.random() < 0.4:  # window-envelope return address above the recipient
        sender = " · ".join([issuer] + iss_addr) if not c.base14 else " - ".join([issuer] + iss_addr)
        ss = max(7.0, s - 2)
        if m + c.tw(sender, ss) > (kx - 10 if m + cust.width(c) + 20 < kx else c.W - m):
            raise Overflow("sender line")
        c.text(m, y, sender, ss, "r", GREY)
        c.hline(m, m + c.tw(sender, ss), y + c.lh(ss) + 0.5, color=(0.5, 0.5, 0.5), width=0.4)
        y += c.pitch(ss) + 4
        ctx.feat["sender_line"] = True
    if m + cust.width(c) + 20 < kx:
        y1 = cust.draw(c, m, y)
        y2 = kv.draw(c, kx, y)
        y = max(y1, y2) + 16
    else:
        y = cust.draw(c, m, y) + 10
        y = kv.draw(c, m, y) + 14
    title = f"{L['title']} {inv_no}" if num_in_title else L["title"]
    if num_in_title and lang in ("de", "fr", "es", "it", "pt"):
        title = f"{L['title']} {'Nr.' if lang == 'de' else 'n°' if lang == 'fr' else 'n.º' if lang in ('es', 'pt') else 'n.'} {inv_no}"
    c.text(m, y, title, s * 1.6, "b")
    y += c.pitch(s * 1.6) + 6
    # items
    n = rng.randint(3, 5 if ctx.safe else 11)
    its = ctx.items(n, kind=rng.choice(["goods", "goods", "services"]), qty_hours=True, price=(3, 900))
    rows, titems = [], []
    for k, it in enumerate(its):
        disc = D(rng.choice([0, 0, 0, 5, 10, 15, 20, 3, D("2.5"), 25]))
        amt = q2(it["qty"] * it["price"] * (100 - disc) / 100)
        dstr = fmtqty(disc, ctx.nf) if disc else rng.choice(["", "0", "-"])
        rows.append({"pos": str(k + 1), "desc": it["desc"], "qty": fmtqty(it["qty"], ctx.nf), "unit": it["unit"],
                     "price": ctx.money.t(it["price"]), "disc": dstr, "amt": ctx.money.t(amt)})
        titems.append(truth_item(it["desc"], it["qty"], it["price"], amt))
    cols = [{"key": "pos", "head": L["pos"], "align": "r"}, {"key": "desc", "head": L["desc"], "flex": True},
            {"key": "qty", "head": L["qty"], "align": "r"}, {"key": "unit", "head": L["unit"]},
            {"key": "price", "head": ctx.money.head(L["unit_price"]), "align": "r"},
            {"key": "disc", "head": L["disc"], "align": "r"},
            {"key": "amt", "head": ctx.money.head(L["net_amount"]), "align": "r"}]
    if rng.random() < 0.3:
        cols = cols[1:]
    t = Table(c, m, c.W - 2 * m, cols, rows, s, style=rng.choice(["fill", "rule", "box", "plain"]),
              grid=rng.random() < 0.5, zebra=(0.95, 0.95, 0.95) if rng.random() < 0.2 else None)
    y = t.draw_header(y)
    for k, r in enumerate(rows):
        y = t.draw_row(y, r, k)
    c.hline(m, c.W - m, y + 1, color=(0.3, 0.3, 0.3))
    y += 10
    sub = sum((D(it["amount"]) for it in titems), D(0))
    rate = CH_RATES[0] if ctx.ch else RATES[lang][0]
    tax = q2(sub * rate / 100)
    total = sub + tax
    trows = [(L["subtotal"] if rng.random() < 0.6 else L["net_total"], ctx.money.s(sub), False),
             (f"{L['vat']} {ctx.rate_str(rate)}", ctx.money.s(tax), False),
             (rng.choice([L["total"], L["total_due"], L["grand_total"]]), ctx.money.s(total), True)]
    dist = rng.random()
    if dist < 0.3:
        dep = q2(total * D(rng.choice([20, 30, 50])) / 100)
        trows += [(L["deposit"], ctx.money.s(-dep), False), (L["balance"], ctx.money.s(total - dep), False)]
        ctx.feat["total_distractor"] = "deposit+balance"
    y = totals_box(c, c.W - m, y, trows, s, boxed=rng.random() < 0.3)
    notes = notes_lines(ctx, [L["terms"].format(d=rng.choice([10, 14, 30])), L["thanks"] if rng.random() < 0.5 else None])
    draw_notes(c, m, y + 6, c.W - 2 * m, notes, s - 0.5)
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_multirate(rng, attempt):
    lang = rng.choice(["de", "de", "fr", "fr", "es", "it", "nl", "pt", "pl", "sv", "en"])
    ctx = Ctx(rng, "multirate", lang, attempt, ch=(lang in ("de", "fr") and rng.random() < 0.3))
    L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([40, 48, 56])
    issuer, iss_addr, vat = company(rng, lang), address(rng, lang, ch=ctx.ch), vat_id(rng, lang, ch=ctx.ch)
    customer = company(rng, lang)
    cust_lines = address(rng, lang, ch=ctx.ch)
    inv_no = inv_number(rng, lang, ctx.inv_date)
    pos = rng.choice(["left", "right", "center", "footer"])
    ctx.feat["issuer_pos"] = pos
    std_footer(ctx, c, issuer, iss_addr, vat, m, max(7.0, s - 1.5), with_name=pos == "footer" or rng.random() < 0.5)
    y = m
    if pos != "footer":
        b = Block().add(issuer, s * 1.6, "b")
        for ln in iss_addr:
            b.add(ln, s - 0.5, color=GREY)
        x = {"left": m, "right": c.W - m, "center": c.W / 2}[pos]
        y = b.draw(c, x, y, {"left": "l", "right": "r", "center": "c"}[pos]) + 16
    # title row + strip of meta fields
    c.text(m, y, L["title"].upper() if rng.random() < 0.5 else L["title"], s * 2.0, "b")
    y += c.pitch(s * 2.0) + 4
    cust = party_block(ctx, customer, cust_lines, s, title=L["bill_to"])
    pairs = [(L["inv_no"], inv_no), (L["date"], ctx.d(ctx.inv_date))] + pick_distractors(
        ctx, ["cust", "delivery_date", "due", "order"], rng.randint(1, 3))
    if rng.random() < 0.5:
        y = kv_strip(c, m, y, c.W - 2 * m, pairs, s, boxed=rng.random() < 0.6) + 12
        y = cust.draw(c, m, y) + 14
    else:
        kv = KV(pairs, s, vst="b")
        kx = c.W - m - kv.width(c)
        if m + cust.width(c) + 20 > kx:
            raise Overflow("meta")
        y = max(cust.draw(c, m, y), kv.draw(c, kx, y)) + 14
    ctx.feat["meta_fields"] = [p[0] for p in pairs]
    hi, lo = CH_RATES if ctx.ch else RATES[lang]
    n = rng.randint(3, 5 if ctx.safe else 10)
    its = ctx.items(n, kind="goods", price=(2, 400))
    rate_style = rng.choice([0, 1, 2])
    rows, titems, nets = [], [], []
    for it in its:
        r = hi if rng.random() < 0.5 else lo
        amt = q2(it["qty"] * it["price"])
        nets.append((r, amt))
        rows.append({"desc": it["desc"], "qty": fmtqty(it["qty"], ctx.nf), "price": ctx.money.t(it["price"]),
                     "vat": fmtrate(r, ctx.nf, rate_style), "amt": ctx.money.t(amt)})
        titems.append(truth_item(it["desc"], it["qty"], it["price"], amt))
    if len({r for r, _ in nets}) < 2:  # make sure both rates occur
        r0 = lo if nets[0][0] == hi else hi
        nets[0] = (r0, nets[0][1])
        rows[0]["vat"] = fmtrate(r0, ctx.nf, rate_style)
    cols = [{"key": "desc", "head": L["desc"], "flex": True}, {"key": "qty", "head": L["qty"], "align": "r"},
            {"key": "price", "head": ctx.money.head(L["unit_price"]), "align": "r"},
            {"key": "vat", "head": L["vat_pct"], "align": "r"},
            {"key": "amt", "head": ctx.money.head(L["amount"]), "align": "r"}]
    t = Table(c, m, c.W - 2 * m, cols, rows, s, style=rng.choice(["fill", "rule"]), grid=True)
    y = t.draw_header(y)
    for k, r in enumerate(rows):
        y = t.draw_row(y, r, k)
    y += 12
    groups = tax_by_rate(nets)
    sub = sum((n for n, _ in groups.values()), D(0))
    tax = sum((t_ for _, t_ in groups.values()), D(0))
    total = sub + tax
    # totals box on the right
    trows = [(L["net_total"], ctx.money.s(sub), False)]
    for r, (n_, t_) in groups.items():
        trows.append((f"{L['vat']} {fmtrate(r, ctx.nf, rate_style)}", ctx.money.s(t_), False))
    trows.append((rng.choice([L["total"], L["total_due"], L["grand_total"]]), ctx.money.s(total), True))
    ytot = y
    y = totals_box(c, c.W - m, y, trows, s, boxed=True, label_align=rng.choice(["l", "r"]), rule_last=False,
                   fill_last=(0.9, 0.9, 0.9))
    # tax summary table on the left, under the items
    srows = [{"rate": fmtrate(r, ctx.nf, rate_style), "net": ctx.money.t(n_), "tax": ctx.money.t(t_),
              "gross": ctx.money.t(n_ + t_)} for r, (n_, t_) in groups.items()]
    scols = [{"key": "rate", "head": L["rate_col"]}, {"key": "net", "head": L["net_col"], "align": "r"},
             {"key": "tax", "head": L["tax_amt"], "align": "r"}, {"key": "gross", "head": L["gross"], "align": "r"}]
    ts = Table(c, m, None, scols, srows, s - 0.5, style="rule", min_flex=0)
    sw = sum(ts.widths)
    boxleft = min(bx[0] for bx in c.boxes[-2 * len(trows):]) - 10
    if m + sw + 20 < boxleft:
        ts = Table(c, m, sw, scols, srows, s - 0.5, style="rule", min_flex=0)
        yy = ytot
        c.text(m, yy, L["tax_summary"], s - 0.5, "b")
        yy = ts.draw_header(yy + c.pitch(s - 0.5) + 2)
        for k, r in enumerate(srows):
            yy = ts.draw_row(yy, r, k)
        y = max(y, yy)
        ctx.feat["tax_summary_pos"] = "left_of_totals"
    else:
        y += 10
        ts = Table(c, m, sw, scols, srows, s - 0.5, style="rule", min_flex=0)
        c.text(m, y, L["tax_summary"], s - 0.5, "b")
        y = ts.draw_header(y + c.pitch(s - 0.5) + 2)
        for k, r in enumerate(srows):
            y = ts.draw_row(y, r, k)
        ctx.feat["tax_summary_pos"] = "below_totals"
    ctx.feat["tax_rates"] = [str(r) for r in groups]
    notes = notes_lines(ctx, [L["terms"].format(d=rng.choice([14, 30]))])
    draw_notes(c, m, y + 8, c.W - 2 * m, notes, s - 0.5)
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_ecommerce(rng, attempt):
    lang = rng.choice(["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "pl"])
    ctx = Ctx(rng, "ecommerce", lang, attempt)
    L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([36, 44, 52])
    shop_root = rng.choice(LD.ROOTS)
    issuer = f"{shop_root} {rng.choice(['Shop', 'Store', 'Online', 'Direct'])} {rng.choice(LD.LEGAL[lang])}"
    web = f"www.{shop_root.lower()}-{rng.choice(['shop', 'store', 'direct'])}.{ {'en': 'com', 'sv': 'se', 'da': 'dk'}.get(lang, lang)}"
    iss_addr = address(rng, lang)
    vat = vat_id(rng, lang)
    customer = person(rng, lang)
    bill = address(rng, lang)
    ship = address(rng, lang) if rng.random() < 0.5 else bill
    inv_no = inv_number(rng, lang, ctx.inv_date)
    order_no = other_number(rng, "order")
    order_date = ctx.inv_date - timedelta(days=rng.randint(0, 4))
    std_footer(ctx, c, issuer, iss_addr, vat, m, max(7.0, s - 1.5))
    y = m
    pos = rng.choice(["left", "center"])
    ctx.feat["issuer_pos"] = pos
    if pos == "left":
        c.text(m, y, issuer, s * 1.7, "b")
        c.text(c.W - m, y + 2, web, s, "r", GREY, align="r")
        y += c.pitch(s * 1.7) + 4
    else:
        c.text(c.W / 2, y, issuer, s * 1.7, "b", align="c")
        y += c.pitch(s * 1.7)
        c.text(c.W / 2, y, web, s, "r", GREY, align="c")
        y += c.pitch(s) + 4
    c.hline(m, c.W - m, y, color=(0.2, 0.2, 0.2), width=1.2)
    y += 10
    c.text(m, y, L["title"], s * 1.5, "b")
    y += c.pitch(s * 1.5) + 4
    # order summary box
    card = digits(rng, 4)
    pairs = [(L["order_no"], order_no), (L["order_date"], ctx.d(order_date)), (L["inv_no"], inv_no),
             (L["date"], ctx.d(ctx.inv_date)), (L["payment_method"], L["card"].format(n=card)),
             (L["ship_method"], L["std_ship"])]
    if rng.random() < 0.5:
        pairs[0:4] = [pairs[2], pairs[3], pairs[0], pairs[1]]
    kv = KV(pairs, s, vst="r", colon=True)
    bw = kv.width(c) + 16
    c.text(m, y, L["order_summary"], s, "b")
    y0 = y + c.pitch(s) + 2
    c.rect(m, y0, m + bw, y0 + kv.height(c) + 8, fill=(0.96, 0.96, 0.96), color=(0.75, 0.75, 0.75))
    yk = kv.draw(c, m + 8, y0 + 4) + 4
    # addresses to the right of the summary box
    ax = m + bw + 18
    bb = party_block(ctx, customer, bill, s, title=L["bill_to"])
    sb = party_block(ctx, customer, ship, s, title=L["ship_to"])
    if ax + bb.width(c) + 16 + sb.width(c) <= c.W - m:
        ya = max(bb.draw(c, ax, y), sb.draw(c, ax + bb.width(c) + 16, y))
    elif ax + bb.width(c) <= c.W - m:
        ya = bb.draw(c, ax, y)
        ya = sb.draw(c, ax, ya + 4)
    else:
        ya = max(bb.draw(c, m, yk + 8), 0)
        ya = sb.draw(c, m + bb.width(c) + 30, yk + 8) if m + bb.width(c) + 30 + sb.width(c) < c.W - m else sb.draw(c, m, ya + 4)
    y = max(yk, ya) + 16
    n = rng.randint(2, 4 if ctx.safe else 8)
    its = ctx.items(n, kind="goods", price=(3, 250))
    rows, titems = [], []
    for it in its:
        q = D(rng.choice([1, 1, 1, 2, 2, 3, 4]))
        amt = q2(q * it["price"])
        sku = f"{rng.choice(['SKU', 'ART', ''])}{rng.choice('ABCDEFGHKMNPRSTX')}{digits(rng, rng.randint(4, 6))}"
        if rng.random() < 0.4:
            sku = f"{digits(rng, 3)}-{digits(rng, 4)}"
        rows.append({"sku": sku, "desc": it["desc"], "qty": fmtqty(q, ctx.nf), "price": ctx.money.t(it["price"]),
                     "amt": ctx.money.t(amt)})
        titems.append(truth_item(it["desc"], q, it["price"], amt))
    cols = [{"key": "sku", "head": L["sku"]}, {"key": "desc", "head": L["product"], "flex": True},
            {"key": "qty", "head": L["qty"], "align": "c"}, {"key": "price", "head": ctx.money.head(L["unit_price"]), "align": "r"},
            {"key": "amt", "head": ctx.money.head(L["amount"]), "align": "r"}]
    if rng.random() < 0.4:
        cols = [cols[1], cols[0]] + cols[2:]
    t = Table(c, m, c.W - 2 * m, cols, rows, s, style=rng.choice(["rule", "fill"]), grid=True)
    y = t.draw_header(y)
    for k, r in enumerate(rows):
        y = t.draw_row(y, r, k)
    y += 12
    sub = sum((D(i["amount"]) for i in titems), D(0))
    shipping = D(rng.choice(["4.90", "5.95", "6.99", "9.90", "12.50", "0.00"])) if rng.random() < 0.85 else D("7.50")
    code = rng.choice(["WELCOME10", "SPRING15", "SAVE5", "NEWS20", "VIP10"])
    pct = D(int("".join(ch for ch in code if ch.isdigit())))
    coupon = q2(sub * pct / 100)
    rate = RATES[lang][0]
    tax = q2((sub + shipping - coupon) * rate / 100)
    total = sub + shipping - coupon + tax
    ctx.charges = [(L["shipping"], shipping), (f"{L['coupon']} {code}", -coupon)]
    trows = [(L["subtotal"], ctx.money.s(sub), False), (L["shipping"], ctx.money.s(shipping), False),
             (f"{L['coupon']} {code} (-{fmtqty(pct, ctx.nf)} %)", ctx.money.s(-coupon), False),
             (f"{L['vat']} {ctx.rate_str(rate)}", ctx.money.s(tax), False),
             (rng.choice([L["total"], L["grand_total"]]), ctx.money.s(total), True)]
    if rng.random() < 0.5:
        trows.append((L["paid"], ctx.money.s(total), False))
        trows.append((L["balance"], ctx.money.s(D(0)), False))
        ctx.feat["total_distractor"] = "paid+balance0"
    y = totals_box(c, c.W - m, y, trows, s)
    notes = notes_lines(ctx, [L["thanks"]])
    draw_notes(c, m, y + 8, c.W - 2 * m, notes, s - 0.5)
    ctx.feat["coupon"] = code
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_timesheet(rng, attempt):
    lang = rng.choice(["en", "en", "de", "fr", "fr", "nl", "es", "it", "pt", "da", "sv"])
    ctx = Ctx(rng, "timesheet", lang, attempt)
    L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([40, 50, 60])
    firm = rng.random() < 0.5
    issuer = company(rng, lang) if firm else person(rng, lang)
    iss_addr = address(rng, lang)
    vat = vat_id(rng, lang)
    customer = company(rng, lang)
    cust_lines = address(rng, lang)
    inv_no = inv_number(rng, lang, ctx.inv_date)
    draw_footer(c, [[f"{L['bank']}: {L['iban']} {iban(rng, lang)}"], [f"{L['vat_id']} {vat}"]], max(7.0, s - 1.5), m)
    y = m
    pos = rng.choice(["left", "right"])
    ctx.feat["issuer_pos"] = pos
    b = Block().add(issuer, s * 1.5, "b")
    if not firm:
        b.add(rng.choice(["Freelance consultant", "IT-Beratung", "Conseil & développement", "Software engineering"])
              if lang in ("en", "de", "fr") else LD.SERVICES[lang][0], s, "i", GREY)
    for ln in iss_addr + [email_of(issuer, lang, rng)]:
        b.add(ln, s - 0.5, color=GREY)
    if pos == "left":
        y1 = b.draw(c, m, y)
        c.text(c.W - m, y, L["title"].upper(), s * 2.2, "b", align="r")
    else:
        y1 = b.draw(c, c.W - m, y, "r")
        c.text(m, y, L["title"].upper(), s * 2.2, "b")
    y = y1 + 14
    cust = party_block(ctx, customer, cust_lines, s, title=L["invoice_for"])
    per_start = ctx.inv_date.replace(day=1) - timedelta(days=1)
    per_start = per_start.replace(day=1)
    per_end = ctx.inv_date.replace(day=1) - timedelta(days=1)
    pairs = [(L["inv_no"], inv_no), (L["date"], ctx.d(ctx.inv_date)),
             (L["service_period"], f"{ctx.d(per_start)} - {ctx.d(per_end)}")] + pick_distractors(ctx, ["due", "po"], rng.randint(1, 2))
    kv = KV(pairs, s, vst="b", colon=rng.random() < 0.5)
    kx = c.W - m - kv.width(c)
    if m + cust.width(c) + 20 < kx:
        y = max(cust.draw(c, m, y), kv.draw(c, kx, y)) + 18
    else:
        y = cust.draw(c, m, y) + 8
        y = kv.draw(c, m, y) + 16
    rate = D(rng.choice([65, 75, 85, 90, 95, 110, 120, 135, 150]))
    nproj = rng.choice([1, 2, 2, 3]) if not ctx.safe else 1
    projects = rng.sample(LD.PROJECTS[lang], nproj)
    hours_places = rng.choice([None, 2])
    cols = [{"key": "date", "head": L["date_col"]}, {"key": "desc", "head": L["desc"], "flex": True},
            {"key": "hours", "head": L["hours"], "align": "r"},
            {"key": "rate", "head": ctx.money.head(L["rate"]), "align": "r"},
            {"key": "amt", "head": ctx.money.head(L["amount"]), "align": "r"}]
    titems, all_rows, sections = [], [], []
    days = sorted(rng.sample(range((per_end - per_start).days + 1), min(20, (per_end - per_start).days + 1)))
    di = 0
    for p in projects:
        rows = []
        nl = rng.randint(2, 3 if ctx.safe else (5 if nproj > 1 else 8))
        tasks = rng.sample(LD.SERVICES[lang], min(nl, len(LD.SERVICES[lang])))
        r_p = rate if rng.random() < 0.7 else rate + D(rng.choice([-20, 15, 25]))
        for task in tasks:
            h = D(rng.randint(1, 18)) / 2
            amt = q2(h * r_p)
            dd = per_start + timedelta(days=days[di % len(days)])
            di += 1
            rows.append({"date": ctx.d(dd), "desc": task, "hours": fmtqty(h, ctx.nf, hours_places),
                         "rate": ctx.money.t(r_p), "amt": ctx.money.t(amt), "_h": h, "_amt": amt})
            titems.append(truth_item(task, h, r_p, amt))
        sections.append((p, rows))
        all_rows += rows
    t = Table(c, m, c.W - 2 * m, cols, all_rows, s, style=rng.choice(["rule", "fill", "plain"]), grid=rng.random() < 0.5)
    ref = rng.random() < 0.5
    for p, rows in sections:
        head = f"{L['project']}: {p}" + (f" (ref. P-{digits(rng, 4)})" if ref else "")
        c.text(m, y, head, s * 1.1, "b")
        y += c.pitch(s * 1.1) + 2
        y = t.draw_header(y)
        for k, r in enumerate(rows):
            y = t.draw_row(y, r, k)
        psub = sum((r["_amt"] for r in rows), D(0))
        hrs = sum((r["_h"] for r in rows), D(0))
        x0, x1 = t.col("hours")
        c.hline(m, c.W - m, y + 1, color=(0.4, 0.4, 0.4), width=0.6)
        y += 4
        label = L["proj_sub"].format(p=p)
        if c.tw(label, s, "b") < x0 - m - 12:
            c.text(x0 - 10, y, label, s, "b", align="r")
        else:
            c.text(m + t.pad, y, label, s, "b")
        c.text(x1 - t.pad, y, fmtqty(hrs, ctx.nf, hours_places), s, "b", align="r")
        c.text(c.W - m - t.pad, y, ctx.money.s(psub) if ctx.money.where != "header" else ctx.money.t(psub), s, "b", align="r")
        y += c.pitch(s) + 12
    sub = sum((D(i["amount"]) for i in titems), D(0))
    vrate = RATES[lang][0]
    tax = q2(sub * vrate / 100)
    total = sub + tax
    trows = [(L["fees"], ctx.money.s(sub), False), (f"{L['vat']} {ctx.rate_str(vrate)}", ctx.money.s(tax), False),
             (rng.choice([L["total"], L["total_due"]]), ctx.money.s(total), True)]
    if nproj > 1 and rng.random() < 0.5:
        trows.insert(0, (L["total_hours"], fmtqty(sum((r["_h"] for r in all_rows), D(0)), ctx.nf, hours_places), False))
    y = totals_box(c, c.W - m, y, trows, s)
    notes = notes_lines(ctx, [L["terms"].format(d=rng.choice([14, 21, 30]))])
    draw_notes(c, m, y + 6, c.W - 2 * m, notes, s - 0.5)
    ctx.feat["projects"] = nproj
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_wholesale(rng, attempt):
    lang = rng.choice(["de", "de", "it", "nl", "fr", "es", "en", "pl"])
    ctx = Ctx(rng, "wholesale", lang, attempt, page="A4")
    L = ctx.L
    s = round(rng.uniform(7.5, 8.5) * 2) / 2 if not ctx.safe else 7.5
    ctx.size = ctx.feat["font_size"] = s
    c = ctx.canvas(landscape=True)
    m = rng.choice([30, 36, 42])
    issuer, iss_addr, vat = company(rng, lang), address(rng, lang), vat_id(rng, lang)
    customer, cust_lines = company(rng, lang), address(rng, lang)
    inv_no = inv_number(rng, lang, ctx.inv_date)
    fs = max(7.0, s - 0.5)
    fcols = [[issuer] + iss_addr, [f"{L['vat_id']} {vat}", f"{L['phone']} {phone(rng, lang)}"],
             [L["bank"], f"{L['iban']} {iban(rng, lang)}"]]
    draw_footer(c, fcols + [[L["page_of"].format(p=1, n=2)]], fs, m)
    y = m
    c.text(m, y, issuer, s * 1.8, "b")
    c.text(c.W - m, y, L["title"].upper(), s * 2.2, "b", align="r")
    y += c.pitch(s * 2.2) + 6
    cust = party_block(ctx, customer, cust_lines, s, title=L["bill_to"])
    pairs = [(L["inv_no"], inv_no), (L["date"], ctx.d(ctx.inv_date))] + pick_distractors(
        ctx, ["cust", "order", "po", "delivery_date", "due", "vat"], rng.randint(3, 5))
    rng.shuffle(pairs)
    kv = KV(pairs, s, vst="b")
    kv2 = None
    if len(pairs) > 4 and rng.random() < 0.6:
        kv, kv2 = KV(pairs[:3], s, vst="b"), KV(pairs[3:], s, vst="b")
    yc = cust.draw(c, m, y)
    if kv2:
        x2 = c.W - m - kv2.width(c)
        x1 = x2 - 24 - kv.width(c)
        if x1 < m + cust.width(c) + 20:
            raise Overflow("meta")
        yk = max(kv.draw(c, x1, y), kv2.draw(c, x2, y))
    else:
        yk = kv.draw(c, c.W - m - kv.width(c), y)
    y = max(yc, yk) + 12
    ctx.feat["meta_fields"] = [p[0] for p in pairs]
    n = rng.randint(15, 30)
    its = ctx.items(n, kind="goods", price=(0.3, 180))
    hi, lo = RATES[lang]
    mixed = rng.random() < 0.5 and lo is not None
    places = 3 if rng.random() < 0.3 else 2
    rows, titems, nets = [], [], []
    units = {"en": ["pcs", "box", "kg", "m"], "de": ["Stk.", "Karton", "kg", "m"], "it": ["pz", "conf.", "kg", "m"],
             "nl": ["st.", "doos", "kg", "m"], "fr": ["pce", "carton", "kg", "m"], "es": ["ud.", "caja", "kg", "m"],
             "pl": ["szt.", "karton", "kg", "m"]}[lang]
    for k, it in enumerate(its):
        qty = D(rng.choice([1, 2, 4, 5, 6, 10, 12, 20, 24, 25, 40, 48, 50, 60, 100, 120, 200, 250]))
        price = D(str(round(float(it["price"]), places)))
        if price <= 0:
            price = D("0.5")
        disc = D(rng.choice([0, 0, 0, 2, 3, 5, 8, 10, 12]))
        r = (lo if rng.random() < 0.35 else hi) if mixed else hi
        amt = q2(qty * price * (100 - disc) / 100)
        nets.append((r, amt))
        rows.append({"pos": str(k + 1) if rng.random() < 2 else "", "art": f"{digits(rng, 2)}.{digits(rng, 3)}.{digits(rng, 2)}",
                     "desc": it["desc"], "qty": fmtqty(qty, ctx.nf), "unit": units[0] if rng.random() < 0.7 else units[1],
                     "price": fmtnum(price, ctx.nf, places), "disc": fmtqty(disc, ctx.nf) if disc else "",
                     "vat": fmtrate(r, ctx.nf, 1), "amt": ctx.money.t(amt)})
        titems.append(truth_item(it["desc"], qty, price, amt))
    _pos_w = str(10 * (k // 10 + 1))
    cols = [{"key": "pos", "head": L["pos"], "align": "r"}, {"key": "art", "head": L["art"]},
            {"key": "desc", "head": L["desc"], "flex": True}, {"key": "qty", "head": L["qty"], "align": "r"},
            {"key": "unit", "head": L["unit"]}, {"key": "price", "head": ctx.money.head(L["unit_price"]), "align": "r"},
            {"key": "disc", "head": L["disc"], "align": "r"}, {"key": "vat", "head": L["vat_pct"], "align": "r"},
            {"key": "amt", "head": ctx.money.head(L["net_amount"]), "align": "r"}]
    t = Table(c, m, c.W - 2 * m, cols, rows, s, style="fill", grid=True, vpad=1.5,
              head_fill=rng.choice([(0.85, 0.85, 0.85), (0.8, 0.86, 0.93), (0.9, 0.9, 0.82)]))
    y = t.draw_header(y)
    # page 1: as many rows as fit, keeping room for the carried-forward line, but at least 3 rows go to page 2
    carry_h = c.pitch(s) + 8
    k = 0
    running = D(0)
    while k < len(rows) - 3 and y + t.row_height(rows[k]) + carry_h <= c.bottom:
        y = t.draw_row(y, rows[k], k)
        running += D(titems[k]["amount"])
        k += 1
    if k < 5:
        raise Overflow("too little on page 1")
    xa0, xa1 = t.col("amt")
    y += 3
    c.hline(m, c.W - m, y, color=(0.2, 0.2, 0.2), width=0.8)
    y += 3
    c.text(xa0 - 12, y, f"{L['carried']}:" if rng.random() < 0.5 else L["carried"], s, "b", align="r")
    c.text(xa1 - t.pad, y, ctx.money.t(running), s, "b", align="r")
    # page 2
    c.new_page()
    draw_footer(c, fcols + [[L["page_of"].format(p=2, n=2)]], fs, m)
    y = m
    head2 = f"{L['title']} {inv_no} – {L['page_n'].format(p=2)}"
    c.text(m, y, head2, s * 1.3, "b")
    c.text(c.W - m, y + 1, customer, s, "r", GREY, align="r")
    y += c.pitch(s * 1.3) + 8
    y = t.draw_header(y)
    c.text(xa0 - 12, y + 2, f"{L['brought']}:" if rng.random() < 0.5 else L["brought"], s, "b", align="r")
    c.text(xa1 - t.pad, y + 2, ctx.money.t(running), s, "b", align="r")
    y += c.pitch(s) + 6
    for j in range(k, len(rows)):
        y = t.draw_row(y, rows[j], j)
    y += 10
    groups = tax_by_rate(nets)
    sub = sum((n_ for n_, _ in groups.values()), D(0))
    tax = sum((t_ for _, t_ in groups.values()), D(0))
    total = sub + tax
    trows = [(L["net_total"], ctx.money.s(sub), False)]
    for r, (n_, t_) in groups.items():
        trows.append((f"{L['vat']} {fmtrate(r, ctx.nf, 1)} ({ctx.money.t(n_)})", ctx.money.s(t_), False))
    trows.append((L["total_due"], ctx.money.s(total), True))
    y = totals_box(c, c.W - m, y, trows, s + 0.5)
    notes = notes_lines(ctx, [L["terms"].format(d=rng.choice([30, 45, 60]))])
    draw_notes(c, m, y + 4, c.W / 2, notes, s)
    ctx.feat.update(rows_page1=k, rows_page2=len(rows) - k, tax_rates=[str(r) for r in groups], price_places=places,
                    issuer_pos="left")
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_telecom(rng, attempt):
    lang = rng.choice(["en", "de", "fr", "fr", "it", "es", "pt", "nl", "da"])
    ctx = Ctx(rng, "telecom", lang, attempt, where=rng.choice(["all", "all", "totals", "header", "note"]))
    L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([40, 48])
    brand = rng.choice(LD.ROOTS)
    issuer = f"{brand} {rng.choice(['Telecom', 'Mobile', 'Connect', 'Net'])} {rng.choice(LD.LEGAL[lang])}"
    iss_addr, vat = address(rng, lang), vat_id(rng, lang)
    customer = person(rng, lang)
    cust_lines = address(rng, lang)
    inv_no = inv_number(rng, lang, ctx.inv_date)
    acct = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"
    cust_no = other_number(rng, "cust")
    per_end = ctx.inv_date - timedelta(days=rng.randint(1, 5))
    per_start = per_end - timedelta(days=29)
    fcol = [[issuer] + iss_addr, [f"{L['vat_id']} {vat}", f"www.{brand.lower()}.example"],
            [L["page_of"].format(p=1, n=2)]]
    fs = max(7.0, s - 1.5)
    draw_footer(c, fcol, fs, m)
    accent = rng.choice([(0.75, 0.1, 0.35), (0.0, 0.45, 0.7), (0.1, 0.55, 0.35), (0.9, 0.45, 0.0)])
    # logo: coloured circle + brand
    c.page.draw_circle((m + 12, m + 12), 12, color=None, fill=accent)
    c.text(m + 30, m + 2, brand, s * 2.0, "b", accent)
    y = m + 36
    # window-envelope address on the left, account box on the right
    cb = party_block(ctx, customer, cust_lines, s + 0.5, bold_name=False)
    pairs = [(L["cust_no"], cust_no), (L["account"], acct), (L["inv_no"], inv_no), (L["date"], ctx.d(ctx.inv_date)),
             (L["period"], f"{ctx.d(per_start)} - {ctx.d(per_end)}")]
    kv = KV(pairs, s, vst="b")
    kx = c.W - m - kv.width(c) - 8
    if m + cb.width(c) + 20 > kx:
        raise Overflow("account box")
    c.rect(kx - 8, y - 6, c.W - m, y + kv.height(c) + 2, fill=(0.95, 0.95, 0.95))
    y = max(cb.draw(c, m, y + 14), kv.draw(c, kx, y)) + 20
    c.text(m, y, f"{L['title']} {ctx.d(ctx.inv_date)}" if rng.random() < 0.3 else L["title"], s * 1.6, "b")
    y += c.pitch(s * 1.6) + 8
    # items (page 2 detail)
    pool = list(LD.TELECOM[lang])
    rng.shuffle(pool)
    chosen = [p for p in pool if p[0] == "m"][:rng.randint(2, 4)] + [p for p in pool if p[0] == "u"][:rng.randint(1, 3)] \
        + [p for p in pool if p[0] == "o"][:rng.randint(0, 1)]
    cats = {"m": L["monthly"], "u": L["usage"], "o": L["oneoff"]}
    lines = []
    for cat, text in chosen:
        if cat == "m":
            amt = D(rng.choice(["9.99", "14.95", "19.99", "24.99", "29.95", "34.99", "4.99", "39.90"]))
        elif cat == "u":
            amt = q2(D(rng.randint(50, 2500)) / 100)
            if any(k in text.lower() for k in ("call", "gespräch", "appel", "llamad", "chiamat", "chamad", "bellen", "opkald")):
                text = text + rng.choice([f" ({rng.randint(3, 140)} min)", ""])
        else:
            amt = D(rng.choice(["4.95", "9.90", "14.90"]))
        lines.append((cat, text, amt))
    sums = {}
    for cat, _, amt in lines:
        sums[cat] = sums.get(cat, D(0)) + amt
    sub = sum(sums.values(), D(0))
    rate = RATES[lang][0]
    tax = q2(sub * rate / 100)
    total = sub + tax
    # at a glance box
    c.rect(m, y, c.W - m, y + c.pitch(s * 1.2) + 6, fill=accent)
    c.text(m + 8, y + 3, L["glance"], s * 1.2, "b", WHITE)
    y += c.pitch(s * 1.2) + 14
    prev = q2(D(rng.randint(2500, 9000)) / 100)
    paid = prev if rng.random() < 0.75 else q2(prev - D(rng.randint(500, 2000)) / 100)
    due_total = total + prev - paid
    grows = [(cats[k], ctx.money.s(v), False) for k, v in sums.items()]
    grows += [(L["net_total"], ctx.money.s(sub), False), (f"{L['vat']} {ctx.rate_str(rate)}", ctx.money.s(tax), False),
              (L["this_bill"], ctx.money.s(total), True)]
    xl = m + 10
    xr = xl + rng.choice([300, 340, c.W - 2 * m - 20])
    y = totals_box(c, xr, y, grows, s + 0.5, label_x=xl, rule_last=True)
    y += 8
    prow = [(L["prev"], ctx.money.s(prev), False), (L["pay_recv"], ctx.money.s(-paid), False),
            (L["amount_due"], ctx.money.s(due_total), True)]
    y = totals_box(c, xr, y, prow, s + 0.5, label_x=xl, rule_last=True)
    ctx.feat["total_distractor"] = "previous+payment+amount_due" + ("(unpaid)" if paid != prev else "")
    debit_day = ctx.inv_date + timedelta(days=rng.choice([10, 14]))
    notes = notes_lines(ctx, [L["debit"].format(d=ctx.d(debit_day))])
    draw_notes(c, m, y + 8, c.W - 2 * m, notes, s)
    # page 2
    c.new_page()
    fcol[2] = [L["page_of"].format(p=2, n=2)]
    draw_footer(c, fcol, fs, m)
    y = m
    c.text(m, y, f"{L['title']} {inv_no}", s, "b")
    c.text(c.W - m, y, f"{L['cust_no']} {cust_no}", s, "r", GREY, align="r")
    y += c.pitch(s) + 10
    c.text(m, y, L["detail"], s * 1.4, "b", accent)
    y += c.pitch(s * 1.4) + 8
    titems = []
    pstr = f"{ctx.d(per_start)} - {ctx.d(per_end)}"
    show_period = rng.random() < 0.6
    cols = [{"key": "desc", "head": L["desc"], "flex": True}] + (
        [{"key": "per", "head": L["service_period"]}] if show_period else []) + [
        {"key": "amt", "head": ctx.money.head(L["net_amount"] if rng.random() < 0.5 else L["amount"]), "align": "r"}]
    allrows = [{"desc": t_, "per": pstr if cat == "m" else "", "amt": ctx.money.t(a)} for cat, t_, a in lines]
    t = Table(c, m, c.W - 2 * m, cols, allrows, s, style="rule", grid=True)
    for cat in ("m", "u", "o"):
        rows = [(t_, a) for cc, t_, a in lines if cc == cat]
        if not rows:
            continue
        c.text(m, y, cats[cat], s * 1.1, "b")
        y += c.pitch(s * 1.1) + 2
        y = t.draw_header(y)
        for k, (t_, a) in enumerate(rows):
            y = t.draw_row(y, {"desc": t_, "per": pstr if cat == "m" else "", "amt": ctx.money.t(a)}, k)
            titems.append(truth_item(t_, None, None, a))
        y += 3
        c.text(c.W - m - t.pad, y, ctx.money.s(sums[cat]), s, "b", align="r")
        c.text(c.W - m - t.pad - c.tw(ctx.money.s(sums[cat]), s, "b") - 14, y, L["subtotal"], s, "b", align="r")
        y += c.pitch(s) + 12
    y = totals_box(c, c.W - m, y, [(L["net_total"], ctx.money.s(sub), False),
                                   (f"{L['vat']} {ctx.rate_str(rate)}", ctx.money.s(tax), False),
                                   (L["this_bill"], ctx.money.s(total), True)], s)
    ctx.feat.update(issuer_pos="logo_top_left+footer", prev_paid=str(paid == prev))
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_band(rng, attempt):
    lang = rng.choice(LD.LANGS)
    ctx = Ctx(rng, "band", lang, attempt, ch=(lang in ("de", "fr", "it") and rng.random() < 0.3))
    L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([36, 44, 52])
    issuer, iss_addr, vat = company(rng, lang), address(rng, lang, ch=ctx.ch), vat_id(rng, lang, ch=ctx.ch)
    if rng.random() < 0.3:
        issuer = issuer.upper()
    customer = company(rng, lang) if rng.random() < 0.7 else person(rng, lang)
    cust_lines = address(rng, lang, ch=ctx.ch)
    inv_no = inv_number(rng, lang, ctx.inv_date)
    col = rng.choice([(0.08, 0.16, 0.32), (0.1, 0.3, 0.22), (0.4, 0.08, 0.12), (0.2, 0.2, 0.22), (0.0, 0.3, 0.35)])
    bh = rng.choice([70, 80, 92])
    c.rect(0, 0, c.W, bh, fill=col)
    ns = min(s * 2.0, 20)
    yb = (bh - c.pitch(ns) - c.pitch(s - 0.5)) / 2
    c.text(m, yb, issuer, ns, "b", WHITE)
    tag = " · ".join([iss_addr[0], iss_addr[-1]])
    c.text(m, yb + c.pitch(ns), tag, s - 0.5, "r", (0.85, 0.85, 0.85))
    title_in_band = rng.random() < 0.6
    if title_in_band:
        c.text(c.W - m, yb, L["title"].upper(), s * 1.8, "b", WHITE, align="r")
        # make sure the title and the issuer do not collide: Canvas checks
    y = bh + 22
    draw_footer(c, [[f"{L['vat_id']} {vat}", f"{L['phone']} {phone(rng, lang)}"],
                    [email_of(issuer, lang, rng), L["thanks"]]], max(7.0, s - 1.5), m)
    if not title_in_band:
        c.text(m, y, L["title"], s * 1.8, "b", col)
        y += c.pitch(s * 1.8) + 6
    cust = party_block(ctx, customer, cust_lines, s, title=L["bill_to"].upper())
    pairs = [(L["inv_no_s"], inv_no), (L["date"], ctx.d(ctx.inv_date))] + pick_distractors(
        ctx, ["due", "cust", "order", "order_date"], rng.randint(1, 3))
    kv = KV(pairs, s, vst="b", valign="r")
    kx = c.W - m - kv.width(c) - 8
    if m + cust.width(c) + 20 > kx - 8:
        raise Overflow("band meta")
    c.rect(kx - 8, y - 4, c.W - m, y + kv.height(c) + 2, color=col, width=0.8)
    y = max(cust.draw(c, m, y), kv.draw(c, kx, y)) + 18
    n = rng.randint(2, 4 if ctx.safe else 9)
    its = ctx.items(n, kind=rng.choice(["goods", "services"]), qty_hours=True, price=(10, 1500))
    rows, titems = [], []
    show_qty = rng.random() < 0.8
    for it in its:
        amt = q2(it["qty"] * it["price"])
        rows.append({"desc": it["desc"], "qty": fmtqty(it["qty"], ctx.nf), "price": ctx.money.t(it["price"]),
                     "amt": ctx.money.t(amt)})
        titems.append(truth_item(it["desc"], it["qty"] if show_qty else None, it["price"] if show_qty else None, amt))
    cols = [{"key": "desc", "head": L["desc"], "flex": True}]
    if show_qty:
        cols += [{"key": "qty", "head": L["qty"], "align": "c"},
                 {"key": "price", "head": ctx.money.head(L["unit_price"]), "align": "r"}]
    cols += [{"key": "amt", "head": ctx.money.head(L["amount"]), "align": "r"}]
    t = Table(c, m, c.W - 2 * m, cols, rows, s, style="fill", head_fill=col, head_color=WHITE,
              zebra=(0.94, 0.95, 0.97))
    y = t.draw_header(y)
    for k, r in enumerate(rows):
        y = t.draw_row(y, r, k)
    y += 12
    sub = sum((D(i["amount"]) for i in titems), D(0))
    rate = ctx.rates[0]
    tax = q2(sub * rate / 100)
    total = sub + tax
    trows = [(L["subtotal"], ctx.money.s(sub), False), (f"{L['vat']} ({ctx.rate_str(rate)})", ctx.money.s(tax), False),
             (L["total"], ctx.money.s(total), True)]
    if rng.random() < 0.35:
        paid = q2(total * D(rng.choice([25, 40, 50])) / 100)
        trows += [(L["paid"], ctx.money.s(paid), False), (L["balance"], ctx.money.s(total - paid), True)]
        ctx.feat["total_distractor"] = "paid+balance"
    y = totals_box(c, c.W - m, y, trows, s, fill_last=(0.92, 0.92, 0.92))
    # payment panel
    pb = Block().add(L["bank"], s, "b", col).add(f"{L['payable']}: {issuer}", s - 0.5).add(
        f"{L['iban']}: {iban(rng, lang)}", s - 0.5).add(f"BIC: {''.join(rng.choice('ABCDEFGHKLMNPRSTUZ') for _ in range(6))}{digits(rng, 2)}", s - 0.5)
    y += 10
    ph = pb.height(c) + 8
    c.rect(m, y, m + pb.width(c) + 16, y + ph, fill=(0.95, 0.95, 0.95))
    y = pb.draw(c, m + 8, y + 4) + 8
    notes = notes_lines(ctx, [L["terms"].format(d=rng.choice([8, 14, 30]))])
    draw_notes(c, m, y, c.W - 2 * m, notes, s - 0.5)
    ctx.feat.update(issuer_pos="band", title_in_band=title_in_band, band_height=bh, qty_printed=show_qty)
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_nordic(rng, attempt):
    lang = rng.choice(["sv", "da", "pl"])
    ctx = Ctx(rng, "nordic", lang, attempt)
    L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([40, 48, 56])
    issuer, iss_addr = company(rng, lang), address(rng, lang)
    customer, cust_lines = company(rng, lang), address(rng, lang)
    inv_no = inv_number(rng, lang, ctx.inv_date)
    fs = max(7.0, s - 1.5)
    if lang == "sv":
        orgnr = f"55{digits(rng, 4)}-{digits(rng, 4)}"
        bg = f"{digits(rng, 3)}-{digits(rng, 4)}"
        draw_footer(c, [[issuer] + iss_addr, [f"Org.nr {orgnr}", f"Momsreg.nr SE{orgnr.replace('-', '')}01", "Godkänd för F-skatt"],
                        [f"Bankgiro {bg}", f"{L['phone']} {phone(rng, lang)}"]], fs, m)
    elif lang == "da":
        cvr = digits(rng, 8)
        draw_footer(c, [[issuer] + iss_addr, [f"CVR-nr. {cvr}", f"{L['phone']} {phone(rng, lang)}"],
                        [f"Reg.nr. {digits(rng, 4)}  Konto {digits(rng, 10)}", f"{L['iban']} {iban(rng, lang)}"]], fs, m)
    else:
        draw_footer(c, [[issuer, L["thanks"]]], fs, m)
    y = m
    rows, titems, nets = [], [], []
    n = rng.randint(2, 4 if ctx.safe else 9)
    its = ctx.items(n, kind=rng.choice(["goods", "goods", "services"]), qty_hours=True, price=(5, 2500))
    hi, lo = RATES[lang]
    pl_gross = lang == "pl" and rng.random() < 0.5
    for it in its:
        amt = q2(it["qty"] * it["price"])
        r = hi if (lo is None or rng.random() < 0.75) else lo
        nets.append((r, amt))
        row = {"art": digits(rng, rng.choice([4, 5, 6])), "desc": it["desc"], "qty": fmtqty(it["qty"], ctx.nf),
               "unit": it["unit"], "price": ctx.money.t(it["price"]), "amt": ctx.money.t(amt),
               "vat": fmtrate(r, ctx.nf, 1)}
        if pl_gross:
            row["vatamt"] = ctx.money.t(q2(amt * r / 100))
            row["gross"] = ctx.money.t(amt + q2(amt * r / 100))
        rows.append(row)
        titems.append(truth_item(it["desc"], it["qty"], it["price"], amt))
    if lang in ("sv", "da"):
        lo = None if lang == "da" else lo
        # issuer top left, FAKTURA top right with the field boxes below it
        b = Block().add(issuer, s * 1.6, "b")
        for ln in iss_addr:
            b.add(ln, s - 0.5, color=GREY)
        yl = b.draw(c, m, y)
        c.text(c.W - m, y, L["title"].upper(), s * 2.2, "b", align="r")
        yr = y + c.pitch(s * 2.2) + 4
        if lang == "sv":
            ocr = digits(rng, rng.randint(8, 12))
            pairs = [(L["date"], ctx.d(ctx.inv_date)), (L["inv_no"], inv_no), ("OCR-nummer", ocr),
                     (L["cust_no"], other_number(rng, "cust")), (L["due"], ctx.d(ctx.inv_date + timedelta(days=30))),
                     (L["our_ref"], person(rng, lang)), (L["ref"], person(rng, lang))]
            ctx.feat["ocr"] = ocr
        else:
            pairs = [(L["inv_no"], inv_no), (L["date"], ctx.d(ctx.inv_date)), (L["cust_no"], other_number(rng, "cust")),
                     (L["due"], ctx.d(ctx.inv_date + timedelta(days=rng.choice([8, 14, 30])))),
                     (L["po_no"], other_number(rng, "po"))]
        kv = KV(pairs[:rng.randint(4, len(pairs))], s, vst="b", lcolor=GREY)
        kx = c.W - m - kv.width(c)
        yr = kv.draw(c, kx, yr)
        y = max(yl, yr) + 14
        cb = party_block(ctx, customer, cust_lines, s + 0.5)
        if m + cb.width(c) + 10 > kx:
            raise Overflow("nordic header")
        y = cb.draw(c, m, y) + 20
        cols = [{"key": "art", "head": L["art"]}, {"key": "desc", "head": L["desc"], "flex": True},
                {"key": "qty", "head": L["qty"], "align": "r"}, {"key": "unit", "head": L["unit"]},
                {"key": "price", "head": ctx.money.head(L["unit_price"]), "align": "r"},
                {"key": "amt", "head": ctx.money.head(L["amount"]), "align": "r"}]
    else:
        # Polish VAT invoice: title with number, place/date lines, seller | buyer, table with Lp.
        title = f"{L['title']} nr {inv_no}"
        c.text(m, y, title, s * 1.7, "b")
        if rng.random() < 0.6:
            c.text(c.W - m, y, "ORYGINAŁ", s, "b", GREY, align="r")
        y += c.pitch(s * 1.7) + 4
        city = iss_addr[-1].split(" ", 1)[1]
        sale_d = ctx.inv_date - timedelta(days=rng.randint(0, 5))
        kv = KV([("Miejsce wystawienia", city), (L["date"], ctx.d(ctx.inv_date)), (L["delivery_date"], ctx.d(sale_d))],
                s, vst="b", colon=True)
        y = kv.draw(c, m, y) + 12
        nip_s, nip_b = vat_id(rng, lang), vat_id(rng, lang)
        sb = party_block(ctx, issuer, iss_addr + [f"NIP: {nip_s}"], s, title=L["seller"])
        bb = party_block(ctx, customer, cust_lines + [f"NIP: {nip_b}"], s, title=L["buyer"])
        half = (c.W - 2 * m) / 2
        if sb.width(c) > half - 10 or bb.width(c) > half - 10:
            raise Overflow("pl parties")
        c.hline(m, c.W - m, y - 4)
        y = max(sb.draw(c, m, y), bb.draw(c, m + half, y)) + 16
        cols = [{"key": "pos", "head": L["pos"], "align": "r"}, {"key": "desc", "head": L["desc"], "flex": True},
                {"key": "unit", "head": L["unit"]}, {"key": "qty", "head": L["qty"], "align": "r"},
                {"key": "price", "head": ctx.money.head(L["unit_price"]), "align": "r"},
                {"key": "amt", "head": ctx.money.head(L["amount"]), "align": "r"},
                {"key": "vat", "head": "Stawka VAT", "align": "r"}]
        if pl_gross:
            cols += [{"key": "vatamt", "head": ctx.money.head(L["tax_amt"]), "align": "r"},
                     {"key": "gross", "head": ctx.money.head(L["gross"]), "align": "r"}]
        for k, r in enumerate(rows):
            r["pos"] = str(k + 1)
    t = Table(c, m, c.W - 2 * m, cols, rows, s, style=rng.choice(["fill", "rule", "box"]), grid=True, min_flex=70)
    y = t.draw_header(y)
    for k, r in enumerate(rows):
        y = t.draw_row(y, r, k)
    y += 12
    groups = tax_by_rate(nets)
    sub = sum((n_ for n_, _ in groups.values()), D(0))
    tax = sum((t_ for _, t_ in groups.values()), D(0))
    total = sub + tax
    if lang == "sv":
        trows = [(L["subtotal"], ctx.money.s(sub), False)]
        for r, (n_, t_) in groups.items():
            trows.append((f"{L['vat']} {fmtrate(r, ctx.nf, 0)}", ctx.money.s(t_), False))
        if rng.random() < 0.6:
            rounded = total.quantize(D("1"), ROUND_HALF_UP)
            if rounded != total:
                ctx.charges.append(("Öresavrundning", rounded - total))
                trows.append(("Öresavrundning", ctx.money.s(rounded - total), False))
                total = rounded
                ctx.feat["rounding"] = True
        trows.append((L["total_due"], ctx.money.s(total), True))
        y = totals_box(c, c.W - m, y, trows, s + 0.5)
    elif lang == "da":
        trows = [(L["subtotal"], ctx.money.s(sub), False), (f"{L['vat']} {fmtrate(hi, ctx.nf, 0)}", ctx.money.s(tax), False),
                 (f"{L['total']} {ctx.cur}" if ctx.money.where in ("header", "note", "none") and rng.random() < 0.5 else L["total_due"],
                  ctx.money.s(total), True)]
        if trows[-1][0].endswith(ctx.cur):
            ctx.money.marker_drawn = True
            ctx.feat["currency_where"] += "+total_label"
        y = totals_box(c, c.W - m, y, trows, s + 0.5)
    else:
        srows = [{"rate": fmtrate(r, ctx.nf, 1), "net": ctx.money.t(n_), "tax": ctx.money.t(t_), "gross": ctx.money.t(n_ + t_)}
                 for r, (n_, t_) in groups.items()]
        srows.append({"rate": "Razem", "net": ctx.money.t(sub), "tax": ctx.money.t(tax), "gross": ctx.money.t(total)})
        scols = [{"key": "rate", "head": "Stawka"}, {"key": "net", "head": L["net_col"], "align": "r"},
                 {"key": "tax", "head": L["tax_amt"], "align": "r"}, {"key": "gross", "head": "Brutto", "align": "r"}]
        ts = Table(c, 0, None, scols, srows, s, style="rule", min_flex=0)
        sw = sum(ts.widths)
        ts = Table(c, c.W - m - sw, sw, scols, srows, s, style="rule", min_flex=0)
        y = ts.draw_header(y)
        for k, r in enumerate(srows):
            y = ts.draw_row(y, r, k)
        y += 12
        c.text(m, y, f"{L['total_due']}: {ctx.money.s(total)}", s * 1.3, "b")
        y += c.pitch(s * 1.3) + 4
        kv = KV([("Sposób płatności", "przelew"), (L["due"], ctx.d(ctx.inv_date + timedelta(days=rng.choice([7, 14, 21])))),
                 (L["iban"], iban(rng, lang))], s, colon=True)
        y = kv.draw(c, m, y) + 20
        sig_w = (c.W - 2 * m) / 2 - 20
        c.hline(m, m + sig_w, y + 20, color=(0.5, 0.5, 0.5))
        c.hline(c.W - m - sig_w, c.W - m, y + 20, color=(0.5, 0.5, 0.5))
        c.text(m + sig_w / 2, y + 24, "Podpis osoby upoważnionej do wystawienia", s - 1.5, "r", GREY, align="c")
        c.text(c.W - m - sig_w / 2, y + 24, "Podpis osoby upoważnionej do odbioru", s - 1.5, "r", GREY, align="c")
        y += 24 + c.pitch(s - 1.5)
        ctx.feat["pl_gross_columns"] = pl_gross
    notes = notes_lines(ctx, [L["terms"].format(d=rng.choice([10, 14, 30]))] if lang != "pl" else [])
    draw_notes(c, m, y + 6, c.W - 2 * m, notes, s - 0.5)
    ctx.feat.update(tax_rates=[str(r) for r in groups], issuer_pos="left" if lang != "pl" else "seller_block")
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_us(rng, attempt):
    lang = "en"
    ctx = Ctx(rng, "us", lang, attempt, cur="USD", nf="en", money_mode="sym_pre",
              where=rng.choice(["all", "totals", "totals", "header"]), page=rng.choice(["Letter", "Letter", "Letter", "A4"]))
    _L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([36, 45, 54])
    issuer = f"{rng.choice(LD.ROOTS)} {rng.choice(LD.DOMAIN['en'])} {rng.choice(['LLC', 'Inc.', 'Co.', 'Corp.'])}"
    iss_addr = address(rng, lang, us=True)
    customer = f"{rng.choice(LD.ROOTS)} {rng.choice(['Holdings', 'Partners', 'Manufacturing', 'Dental Group', 'School District', 'Builders'])} {rng.choice(['LLC', 'Inc.', ''])}".strip()
    cust_lines = address(rng, lang, us=True)
    ship_lines = address(rng, lang, us=True)
    inv_no = rng.choice([f"{rng.randint(1000, 99999)}", f"INV-{rng.randint(10000, 99999)}", f"{ctx.inv_date.year}{rng.randint(100, 999)}"])
    tel = f"({digits(rng, 3)}) {digits(rng, 3)}-{digits(rng, 4)}"
    ein = f"{digits(rng, 2)}-{digits(rng, 7)}"
    draw_footer(c, [[f"Questions? Call {tel} or email {email_of(issuer, 'en', rng).replace('.co.uk', '.com')}"]],
                max(7.0, s - 1.5), m, rule=False)
    y = m
    # logo box with initials
    ini = "".join(w[0] for w in issuer.split()[:2])
    c.rect(m, y, m + 34, y + 34, fill=(0.15, 0.3, 0.55))
    c.text(m + 17, y + 10, ini, 12, "b", WHITE, align="c")
    b = Block().add(issuer, s * 1.4, "b")
    for ln in iss_addr + [f"Phone {tel}", f"EIN {ein}"]:
        b.add(ln, s - 0.5, color=GREY)
    yl = b.draw(c, m + 44, y)
    c.text(c.W - m, y, "INVOICE", s * 2.4, "b", (0.15, 0.3, 0.55), align="r")
    yr = y + c.pitch(s * 2.4) + 4
    due = ctx.inv_date + timedelta(days=30)
    pairs = [("Invoice #", inv_no), ("Invoice Date", ctx.d(ctx.inv_date)), ("P.O. Number", other_number(rng, "po")),
             ("Customer ID", other_number(rng, "cust")), ("Terms", "Net 30"), ("Due Date", ctx.d(due))]
    kv = KV(pairs, s, vst="b", valign="r")
    yr = kv.draw(c, c.W - m - kv.width(c), yr)
    y = max(yl, yr) + 14
    bt = party_block(ctx, customer, cust_lines, s, title="BILL TO")
    st = party_block(ctx, customer, ship_lines, s, title="SHIP TO")
    half = (c.W - 2 * m) / 2
    if bt.width(c) > half - 10 or st.width(c) > half - 10:
        raise Overflow("us addr")
    y = max(bt.draw(c, m, y), st.draw(c, m + half, y)) + 14
    n = rng.randint(2, 4 if ctx.safe else 10)
    its = ctx.items(n, kind=rng.choice(["goods", "services"]), qty_hours=True, price=(5, 1200))
    taxrate = D(rng.choice(["6.25", "7.25", "8.25", "8.875", "6.5", "9.5", "5.3"]))
    rows, titems = [], []
    taxable_sum = D(0)
    for it in its:
        tx = rng.random() < 0.6
        amt = q2(it["qty"] * it["price"])
        if tx:
            taxable_sum += amt
        rows.append({"item": f"{rng.choice('ABCDEFGHKLMNPRSTW')}{digits(rng, 3)}", "desc": it["desc"],
                     "qty": fmtqty(it["qty"], "en"), "price": ctx.money.t(it["price"]), "tax": "T" if tx else "",
                     "amt": ctx.money.t(amt)})
        titems.append(truth_item(it["desc"], it["qty"], it["price"], amt))
    if taxable_sum == 0:
        rows[0]["tax"] = "T"
        taxable_sum = D(titems[0]["amount"])
    cols = [{"key": "item", "head": "Item"}, {"key": "desc", "head": "Description", "flex": True},
            {"key": "qty", "head": "Qty", "align": "r"}, {"key": "price", "head": ctx.money.head("Unit Price"), "align": "r"},
            {"key": "tax", "head": "Tax", "align": "c"}, {"key": "amt", "head": ctx.money.head("Amount"), "align": "r"}]
    t = Table(c, m, c.W - 2 * m, cols, rows, s, style="fill", head_fill=(0.15, 0.3, 0.55), head_color=WHITE, grid=True)
    y = t.draw_header(y)
    for k, r in enumerate(rows):
        y = t.draw_row(y, r, k)
    y += 10
    sub = sum((D(i["amount"]) for i in titems), D(0))
    tax = q2(taxable_sum * taxrate / 100)
    total = sub + tax
    trows = [("Subtotal", ctx.money.s(sub), False), ("Taxable", ctx.money.s(taxable_sum), False),
             (f"Sales Tax ({fmtqty(taxrate, 'en')}%)", ctx.money.s(tax), False)]
    if rng.random() < 0.4:
        sh = D(rng.choice(["12.00", "18.50", "25.00", "45.00"]))
        ctx.charges.append(("Shipping & Handling", sh))
        trows.append(("Shipping & Handling", ctx.money.s(sh), False))
        total += sh
    trows.append(("Total", ctx.money.s(total), True))
    paid = q2(total * D(rng.choice([0, 0, 25, 50])) / 100)
    trows += [("Payments/Credits", ctx.money.s(-paid), False), ("Balance Due", ctx.money.s(total - paid), True)]
    ctx.feat["total_distractor"] = "taxable+payments+balance_due"
    yt = y
    y = totals_box(c, c.W - m, y, trows, s)
    # remit-to block on the left of the totals
    remit = Block().add("Remit to:", s, "b").add(issuer, s).add(f"P.O. Box {rng.randint(100, 99999)}", s).add(
        f"{rng.choice(LD.CITIES['us'])[0]}, {rng.choice(LD.CITIES['us'])[1]} {digits(rng, 5)}-{digits(rng, 4)}", s)
    remit.add("Make all checks payable to", s - 0.5, "i", GREY, gap=3).add(issuer, s - 0.5, "i", GREY)
    labels_left = min(bx[0] for bx in c.boxes[-2 * len(trows):])
    if m + remit.width(c) + 16 < labels_left - 10:
        c.rect(m - 4, yt - 4, m + remit.width(c) + 8, yt + remit.height(c) + 2, color=(0.6, 0.6, 0.6), width=0.6)
        y2 = remit.draw(c, m + 2, yt)
        y = max(y, y2)
        ctx.feat["remit_pos"] = "left_of_totals"
    else:
        y = remit.draw(c, m, y + 10)
        ctx.feat["remit_pos"] = "below_totals"
    notes = notes_lines(ctx, ["Terms: Net 30. A finance charge of 1.5% per month applies to past due balances.",
                              "Thank you for your business!"])
    draw_notes(c, m, y + 8, c.W - 2 * m, notes, s - 0.5)
    ctx.feat.update(issuer_pos="left_logo", sales_tax_rate=str(taxrate), paid=tmoney(paid))
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


def arch_freelancer(rng, attempt):
    lang = rng.choice(LD.LANGS)
    fam_pick = rng.choice([None, "dejavu-mono", "dejavu-serif", "liberation-serif", "base14-courier", "base14-times"])
    ctx = Ctx(rng, "freelancer", lang, attempt, ch=(lang in ("de", "fr", "it") and rng.random() < 0.25), fam=fam_pick if (fam_pick is None or not fam_pick.startswith("base14") or lang != "pl") else "dejavu-serif")
    if ctx.money.where == "header":
        ctx.money.where = "note"
        ctx.feat["currency_where"] = "note"
    if ctx.fam.startswith("base14") and ctx.cur == "EUR" and ctx.money.mode.startswith("sym") and ctx.money.where in ("all", "totals"):
        ctx.money.mode = "code_post" if ctx.nf != "en" else "code_pre"
        ctx.feat["currency_mode"] = ctx.money.mode
    L, s = ctx.L, ctx.size
    c = ctx.canvas()
    m = rng.choice([60, 72, 84])
    issuer = person(rng, lang) if rng.random() < 0.7 else f"Studio {rng.choice(LD.ROOTS)}"
    trade = {"en": "Illustration & Graphic Design", "de": "Übersetzungen & Lektorat", "fr": "Photographie et vidéo",
             "es": "Diseño web y fotografía", "it": "Traduzioni e interpretariato", "nl": "Tekst & Redactie",
             "pt": "Fotografia e vídeo", "sv": "Grafisk formgivning", "da": "Grafisk design og illustration",
             "pl": "Tłumaczenia i korekta"}[lang]
    iss_addr = address(rng, lang, ch=ctx.ch)
    customer = company(rng, lang)
    inv_no = rng.choice([f"{ctx.inv_date.year}-{rng.randint(1, 60):03d}", f"{rng.randint(1, 60):02d}/{ctx.inv_date.year}",
                         f"#{rng.randint(100, 999)}", inv_number(rng, lang, ctx.inv_date)])
    width = min(c.W - 2 * m, rng.choice([380, 420, 460]))
    x0 = (c.W - width) / 2 if rng.random() < 0.5 else m
    x1 = x0 + width
    y = m
    align = rng.choice(["l", "c"])
    xa = x0 if align == "l" else (x0 + x1) / 2
    c.text(xa, y, issuer, s * 1.8, "b", align=align)
    y += c.pitch(s * 1.8)
    c.text(xa, y, trade, s, "i", GREY, align=align)
    y += c.pitch(s)
    c.text(xa, y, " · ".join(iss_addr) if not c.base14 else " - ".join(iss_addr), s - 0.5, "r", GREY, align=align)
    y += c.pitch(s) + 18
    c.text(x0, y, L["title"].upper(), s * 1.4, "b")
    y += c.pitch(s * 1.4) + 8
    due = ctx.inv_date + timedelta(days=rng.choice([14, 30]))
    meta = [(L["inv_no"], inv_no), (L["date"], ctx.d(ctx.inv_date)), (L["due"], ctx.d(due)), (L["client"], customer)]
    if rng.random() < 0.5:
        meta.insert(1, (L["ref"], other_number(rng, "po")))
    for lab, val in meta:
        y = leader(c, x0, x1, y, lab, val, s, vst="b" if lab == L["inv_no"] else "r")
    y += 14
    c.text(x0, y, L["items"] if rng.random() < 0.5 else L["desc"], s, "b")
    y += c.pitch(s) + 4
    n = rng.randint(1, 3 if ctx.safe else 6)
    its = ctx.items(n, kind="services", qty_hours=True, price=(40, 1500), details=0)
    sub_lines = rng.random() < 0.5
    titems = []
    for it in its:
        amt = q2(it["qty"] * it["price"])
        if sub_lines:
            c.text(x0, y, it["desc"], s)
            y += c.pitch(s)
            y = leader(c, x0 + 14, x1, y, f"{fmtqty(it['qty'], ctx.nf)} {it['unit']} x {ctx.money.t(it['price'])}",
                       ctx.money.t(amt), s - 0.5)
            titems.append(truth_item(it["desc"], it["qty"], it["price"], amt))
        else:
            y = leader(c, x0, x1, y, it["desc"], ctx.money.t(amt), s)
            titems.append(truth_item(it["desc"], None, None, amt))
        y += 2
    y += 8
    sub = sum((D(i["amount"]) for i in titems), D(0))
    rate = ctx.rates[0]
    exempt = lang == "de" and not ctx.ch and rng.random() < 0.3
    if exempt:
        rate = D(0)
    tax = q2(sub * rate / 100)
    total = sub + tax
    c.hline(x0, x1, y - 4, color=(0.5, 0.5, 0.5), width=0.5)
    y = leader(c, x0, x1, y + 2, L["subtotal"], ctx.money.s(sub), s)
    y = leader(c, x0, x1, y, f"{L['vat']} {fmtrate(rate, ctx.nf, 0)}", ctx.money.s(tax), s)
    y = leader(c, x0, x1, y + 2, L["total"].upper() if rng.random() < 0.5 else L["total"], ctx.money.s(total), s + 1, "b", "b")
    y += 14
    for lab, val in [(L["iban"], iban(rng, lang)), (L["payable"], issuer), (L["vat_id"], vat_id(rng, lang, ch=ctx.ch))]:
        y = leader(c, x0, x1, y, lab, val, s - 0.5)
    extra = ["Gemäß § 19 UStG wird keine Umsatzsteuer berechnet."] if exempt else []
    notes = notes_lines(ctx, extra + [L["thanks"]])
    draw_notes(c, x0, y + 8, width, notes, s - 0.5)
    ctx.feat.update(issuer_pos="top_" + align, leaders=True, qty_sublines=sub_lines, vat_exempt=exempt)
    return c, finish_truth(ctx, inv_no, issuer, customer, titems, sub, tax, total)


ARCHS = {"discount": arch_discount, "multirate": arch_multirate, "ecommerce": arch_ecommerce,
         "timesheet": arch_timesheet, "wholesale": arch_wholesale, "telecom": arch_telecom, "band": arch_band,
         "nordic": arch_nordic, "us": arch_us, "freelancer": arch_freelancer}


# ------------------------------------------------------------------------------------------ output
def scanify(img, rs):
    paper = np.array([rs.randint(222, 242), rs.randint(220, 238), rs.randint(206, 230)], dtype=np.float32)
    a = np.asarray(img).astype(np.float32)
    a = a / 255.0 * paper
    a = a * rs.uniform(0.88, 1.0) + rs.uniform(0, 14)
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    ang = rs.uniform(0.3, 2.0) * rs.choice([-1, 1])
    img = img.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=tuple(int(v) for v in paper))
    img = img.filter(ImageFilter.GaussianBlur(rs.uniform(0.35, 0.95)))
    a = np.asarray(img).astype(np.float32)
    a += rs.normal(0, rs.uniform(3, 9), a.shape)
    gray = rs.random_sample() < 0.4
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if gray:
        img = img.convert("L").convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=int(rs.randint(30, 66)))
    buf.seek(0)
    return Image.open(buf).convert("RGB"), {"angle": round(ang, 2), "gray": bool(gray)}


def build_one(arch, seed, i):
    errs = []
    for attempt in range(30):
        rng = random.Random(f"{seed}:{i}:{attempt}")
        try:
            c, truth = ARCHS[arch](rng, attempt)
            truth["features"]["retries"] = errs
            return c, truth, rng
        except (Overflow, LayoutBug) as e:
            errs.append(f"{type(e).__name__}: {e}"[:120])
    raise RuntimeError(f"invoice {i} ({arch}) failed: {errs[-3:]}")


def main(n=60, seed=20261207, outdir="indep_invoices3_out"):
    n, seed = int(n), int(seed)
    os.makedirs(outdir, exist_ok=True)
    master = random.Random(seed)
    names = list(ARCHS)
    order = [names[k % len(names)] for k in range(n)]
    master.shuffle(order)
    for i in range(n):
        c, truth, rng = build_one(order[i], seed, i)
        lang = truth["features"]["lang"]
        stem = f"inv{i:03d}_{lang}"
        stamp = "D:" + truth["invoice_date"].replace("-", "") + "120000"
        c.doc.set_metadata({"title": f"{truth['features']['archetype']} {truth['invoice_number']}",
                            "creator": "indep_invoices3 gen.py", "producer": "PyMuPDF",
                            "creationDate": stamp, "modDate": stamp})
        try:
            c.doc.subset_fonts()
        except Exception:  # noqa: BLE001 - keep the full fonts if subsetting is unavailable
            pass
        c.doc.save(os.path.join(outdir, stem + ".pdf"), garbage=3, deflate=True, no_new_id=True)
        scanned = rng.random() < 1 / 3
        rs = np.random.RandomState((seed * 1009 + i) % (2 ** 32))
        pngs, scan_info = [], []
        for k, page in enumerate(c.doc):
            pix = page.get_pixmap(dpi=150, alpha=False)
            img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            if scanned:
                img, info = scanify(img, rs)
                scan_info.append(info)
            name = f"{stem}_p{k + 1}.png"
            img.save(os.path.join(outdir, name), optimize=False)
            pngs.append(name)
        truth["features"]["scanned_png"] = scanned
        if scanned:
            truth["features"]["scan"] = scan_info
        truth["features"]["n_pages"] = len(c.doc)
        truth["file"] = stem + ".pdf"
        truth["pngs"] = pngs
        keys = ["invoice_number", "invoice_date", "issuer", "customer", "total", "subtotal", "tax", "currency", "items",
                "features", "file", "pngs"]
        with open(os.path.join(outdir, stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump({k: truth[k] for k in keys}, fh, ensure_ascii=False, indent=1)
        print(f"{stem}  {truth['features']['archetype']:10s} pages={len(c.doc)} items={len(truth['items']):2d} "
              f"total={truth['total']} {truth['currency'] or '-'} retries={len(truth['features']['retries'])}")
        c.doc.close()


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if a else 60, int(a[1]) if len(a) > 1 else 20261207, a[2] if len(a) > 2 else "indep_invoices3_out")
