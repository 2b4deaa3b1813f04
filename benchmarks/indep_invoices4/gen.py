#!/usr/bin/env python3
"""Independent invoice test-set generator, set 4.

Written BLIND to the extraction code: nothing in docextract/, tests/ or the other benchmark
generators was read while writing this file; the only project file consulted was
benchmarks/indep_invoices/score.py (to match the ground-truth keys it reads).

usage:  python gen.py [N] [SEED] [OUTDIR]        (defaults: 40, 1, ./out)
        or  import gen; gen.main(n, seed, outdir)

For invoice i (1-based) it writes
  invNNN_<lang>.pdf       born-digital PDF with a real text layer (pymupdf), 1-3 pages
  invNNN_<lang>_pK.png    every page K rendered at 150 dpi; about a third of the invoices get a
                          scanned / phone-photo look on the PNG only (rotation <= 3 deg, slight
                          perspective, blur, noise, JPEG artefacts, uneven lighting, grey paper)
  invNNN_<lang>.json      ground truth
Output is deterministic for a given seed (same truth, same pictures).

Archetypes (round-robin over a seeded shuffle, so each gets n/10):
  construction    progress invoice (Abschlagsrechnung / situation de travaux / progress invoice /
                  SAL / termijnfactuur): positions with contract value, % complete, cumulative value,
                  previously invoiced and "this invoice"; summary deducts previous invoices and a
                  retention before VAT.
  medical         dental / veterinary bill: per-line dates, procedure codes (CDT, GOZ, NZa-like,
                  internal) in their own column, tooth / factor columns, insurer vs patient share
                  printed after the total (distractors); medical care is VAT exempt, vets charge VAT.
  catering        event catering invoice: many short items, per-person prices ("85 pax"), service
                  charge and tip lines, totals in a shaded box on the right.
  ruled_grid      every cell boxed with drawn lines, shaded header, "Price" merged over
                  "unit | total", currency code in a column of its own, totals as grid cells.
  multi_currency  invoice in USD/GBP/CHF/EUR with an equivalent-amount column in a second currency
                  and an exchange-rate note.
  long_desc       service items whose descriptions wrap over 2-4 lines, notes / sub-bullets in
                  smaller type under some items, quantities with units ("12 h", "2,5 m²").
  intl_lang       Czech, Finnish, Norwegian, Hungarian, Turkish, Romanian invoices with their own
                  labels, date/number formats and currencies (CZK Kč, EUR, NOK kr, HUF Ft, TRY ₺/TL,
                  RON lei); per-line VAT columns, VAT recap tables, VS/KID/reference numbers.
  two_invoices    two separate invoices in one PDF, each starting on a new page (simple layout).
  sidebar_layout  landscape page, or portrait page with a right-hand column: parties and meta data
                  in the right column, invoice number/date in a boxed grid (labels above values),
                  items spanning the page below.
  receipt         small-shop receipt-style invoice on an 80 mm wide page: "2 x 3,50" under the item
                  name, tax letters, cash given / change, VAT summary table at the bottom.

Truth conventions (keys exactly as benchmarks/indep_invoices/score.py reads them):
  invoice_number  string as printed, without its label.
  invoice_date    ISO yyyy-mm-dd (the issue date; order/delivery/due/event/birth dates are distractors).
  issuer          seller's legal name as printed (in "brand" layouts the big logo word is NOT the
                  issuer; the small legal name elsewhere on the page is).  In "footer" layouts the
                  name is printed only in the footer.
  customer        billed party's name as printed ("" on receipts that print no customer).
  total           grand total including tax (and including service charge / tip where printed),
                  decimal string with "." ("2577.37"; HUF uses whole numbers "125400").  Never a
                  balance after deposit/payments, never the patient/insurer share, never an
                  equivalent amount in a second currency, never the change on a receipt.
  subtotal        net amount before tax = sum of the item amounts, except: receipts (gross item
                  prices, features.items_sum == "total", subtotal = net of the VAT table).
  tax             total tax printed ("0.00" when the bill is tax exempt and prints no tax,
                  features.tax_printed == false).
  charges         features.charges holds extra lines between subtotal and total (service_charge,
                  tip, retention as a negative number), so that
                  subtotal + sum(charges) + tax == total.
  currency        ISO 4217 code of the invoice currency; "" when nothing on the document names or
                  symbolizes a currency (features.currency_mode == "none").
  items           [{description, quantity, unit_price, amount}] in printed order; description is the
                  full item text with wrapped lines joined by one space, without codes, units,
                  line numbers, dates or notes/sub-bullets printed separately; quantity and
                  unit_price are plain decimal strings or null when not printed; amount is the
                  line amount as printed.  Construction: items are the positions, amount is the
                  amount billed this time, quantity/unit_price null.  Multi-currency: amounts in
                  the invoice currency.  Receipts: gross line amounts; quantity/unit_price only
                  when a "2 x 3,50" line is printed.
  features        dict of the choices made (archetype, language, fonts, sizes, page size, date style,
                  the date string printed, number format, currency mode, issuer position,
                  distractors, charges, scan parameters, page count, ...).

Two invoices in one PDF: the truth JSON carries the FIRST invoice's fields at top level (for
compatibility with score.py) plus a key "documents": a list with one complete truth dict per
invoice (same keys as above, each with its own features), in page order;
features.doc_pages lists the number of pages of each invoice.
"""
import io
import json
import os
import random
import sys
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

D = Decimal
ARCHETYPES = ["construction", "medical", "catering", "ruled_grid", "multi_currency", "long_desc",
              "intl_lang", "two_invoices", "sidebar_layout", "receipt"]
ARCH_LANGS = {
    "construction": ["de", "fr", "en", "it", "nl"],
    "medical": ["en", "de", "fr", "nl", "es"],
    "catering": ["en", "fr", "es", "it", "de", "pt"],
    "ruled_grid": ["de", "fr", "es", "it", "nl", "pt", "en"],
    "multi_currency": ["en", "de", "nl", "fr"],
    "long_desc": ["en", "de", "fr", "nl", "es"],
    "intl_lang": ["cs", "fi", "no", "hu", "tr", "ro"],
    "two_invoices": ["en", "de", "fr", "es", "it", "nl", "pt"],
    "sidebar_layout": ["en", "de", "fr", "es", "it", "nl", "pt"],
    "receipt": ["de", "fr", "it", "es", "nl", "pt", "en"],
}
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
RECEIPT_W = 226.77  # 80 mm


def q(x, dec=2):
    return D(x).quantize(D(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def dstr(v):
    """Decimal -> plain truth string ("12", "2.5", "2577.37")."""
    s = format(v, "f")
    return s


def qstr(v):
    v = v.normalize()
    s = format(v, "f")
    return s


# ----------------------------------------------------------------------------------------------
# fonts
# ----------------------------------------------------------------------------------------------
DJ = "/usr/share/fonts/truetype/dejavu/"
LB = "/usr/share/fonts/truetype/liberation/"
_ALL_FAMILIES = {
    "DejaVu Sans": (DJ + "DejaVuSans.ttf", DJ + "DejaVuSans-Bold.ttf", DJ + "DejaVuSans-Oblique.ttf"),
    "DejaVu Sans Condensed": (DJ + "DejaVuSansCondensed.ttf", DJ + "DejaVuSansCondensed-Bold.ttf",
                              DJ + "DejaVuSansCondensed-Oblique.ttf"),
    "DejaVu Serif": (DJ + "DejaVuSerif.ttf", DJ + "DejaVuSerif-Bold.ttf", DJ + "DejaVuSerif-Italic.ttf"),
    "DejaVu Sans Mono": (DJ + "DejaVuSansMono.ttf", DJ + "DejaVuSansMono-Bold.ttf", DJ + "DejaVuSansMono-Oblique.ttf"),
    "Liberation Sans": (LB + "LiberationSans-Regular.ttf", LB + "LiberationSans-Bold.ttf", LB + "LiberationSans-Italic.ttf"),
    "Liberation Serif": (LB + "LiberationSerif-Regular.ttf", LB + "LiberationSerif-Bold.ttf", LB + "LiberationSerif-Italic.ttf"),
    "Liberation Sans Narrow": (LB + "LiberationSansNarrow-Regular.ttf", LB + "LiberationSansNarrow-Bold.ttf",
                               LB + "LiberationSansNarrow-Italic.ttf"),
    "Liberation Mono": (LB + "LiberationMono-Regular.ttf", LB + "LiberationMono-Bold.ttf", LB + "LiberationMono-Italic.ttf"),
    "Helvetica": ("helv", "hebo", "heit"),
    "Times": ("tiro", "tibo", "tiit"),
    "Courier": ("cour", "cobo", "coit"),
}
FAMILIES = {k: v for k, v in _ALL_FAMILIES.items() if not v[0].endswith(".ttf") or all(os.path.exists(p) for p in v)}
BASE14_FALLBACK = {"Helvetica": "Liberation Sans", "Times": "Liberation Serif", "Courier": "Liberation Mono"}
for _b, _f in list(BASE14_FALLBACK.items()):
    if _f not in FAMILIES:
        BASE14_FALLBACK[_b] = _b
# base-14 fonts are only a fallback: pymupdf's simple encoding extracts "-" as a soft hyphen and spaces as
# no-break spaces, which no ordinary PDF producer does.
_TTF = [f for f in FAMILIES if FAMILIES[f][0].endswith(".ttf")]
PROP_FAMILIES = [f for f in ["DejaVu Sans", "DejaVu Sans Condensed", "DejaVu Serif", "Liberation Sans", "Liberation Serif",
                             "Liberation Sans Narrow"] if f in _TTF] or ["Helvetica", "Times"]
MONO_FAMILIES = [f for f in ["DejaVu Sans Mono", "Liberation Mono"] if f in _TTF] or ["Courier"]
_FONTOBJ = {}
_FONTNAME = {}
_FONTBUF = {}


def fontbuf(path):
    """The font file as bytes, with glyphs shared by several code points split into copies.

    The Liberation fonts map U+0020/U+00A0, U+002D/U+00AD, U+003B/U+037E, U+00B7/U+2219 to one glyph each;
    pymupdf then writes a ToUnicode map that turns every "-" into a soft hyphen and every space into a
    no-break space.  Giving each code point its own glyph keeps the text layer honest."""
    if path not in _FONTBUF:
        import copy

        from fontTools.ttLib import TTFont
        f = TTFont(path)
        users = {}
        for c, g in sorted(f.getBestCmap().items()):
            users.setdefault(g, []).append(c)
        dups = {g: cs[1:] for g, cs in users.items() if len(cs) > 1}
        if dups and "glyf" in f:
            order = list(f.getGlyphOrder())
            glyf, hmtx = f["glyf"], f["hmtx"]
            remap = {}
            for g, cps in dups.items():
                for c in cps:
                    new = "dup%04X" % c
                    glyf.glyphs[new] = copy.deepcopy(glyf[g])
                    hmtx.metrics[new] = hmtx.metrics[g]
                    order.append(new)
                    remap[c] = new
            f.setGlyphOrder(order)
            glyf.glyphOrder = order
            for t in f["cmap"].tables:
                if t.isUnicode():
                    for c, new in remap.items():
                        if c in t.cmap:
                            t.cmap[c] = new
            if "post" in f and hasattr(f["post"], "extraNames"):
                f["post"].formatType = 3.0  # drop glyph names instead of rebuilding them
            buf = io.BytesIO()
            f.save(buf)
            _FONTBUF[path] = buf.getvalue()
        else:
            with open(path, "rb") as fh:
                _FONTBUF[path] = fh.read()
    return _FONTBUF[path]


def fontobj(f):
    if f not in _FONTOBJ:
        _FONTOBJ[f] = pymupdf.Font(fontbuffer=fontbuf(f)) if f.endswith(".ttf") else pymupdf.Font(f)
    return _FONTOBJ[f]


def has_glyphs(family, s):
    f = FAMILIES[family][0]
    if not f.endswith(".ttf"):
        return True  # base-14 strings outside Latin-1 fall back to the metric-compatible Liberation font
    fo = fontobj(f)
    return all(fo.has_glyph(ord(c)) for c in s if not c.isspace())


# ----------------------------------------------------------------------------------------------
# drawing
# ----------------------------------------------------------------------------------------------
class Doc:
    """A tiny layout helper around a pymupdf document.  y coordinates grow downwards."""

    def __init__(self, w, h, family, size, margins=(48, 44, 48, 36)):
        self.pdf = pymupdf.open()
        self.w, self.h = w, h
        self.family = family
        self.size = size
        self.ml, self.mt, self.mr, self.mb = margins
        self.pages = []
        self._fonts = {}
        self.footer_h = 0
        self.new_page()

    @property
    def bottom(self):
        return self.h - self.mb - self.footer_h

    @property
    def right(self):
        return self.w - self.mr

    def new_page(self):
        # keep page numbers, not Page objects: pymupdf invalidates older Page handles when pages are added
        self.page = self.pdf.new_page(width=self.w, height=self.h)
        self.pages.append(self.page.number)
        self.y = self.mt

    def use_page(self, k):
        self.page = self.pdf[k]

    def _file(self, style, s, family=None):
        fam = family or self.family
        idx = "rbi".index(style)
        f = FAMILIES[fam][idx]
        if not f.endswith(".ttf") and any(ord(c) > 255 for c in s):
            f = FAMILIES[BASE14_FALLBACK[fam]][idx]
        if f.endswith(".ttf") and "DejaVu Sans" in FAMILIES:
            fo = fontobj(f)
            if not all(fo.has_glyph(ord(c)) for c in s if c != " "):  # glyph fallback, as a PDF producer would do
                f = FAMILIES["DejaVu Sans"][idx]
        return f

    def tw(self, s, size=None, style="r", family=None):
        return fontobj(self._file(style, s, family)).text_length(s, size or self.size)

    def text(self, x, y, s, size=None, style="r", align="l", color=(0, 0, 0), family=None):
        if not s:
            return 0
        size = size or self.size
        f = self._file(style, s, family)
        w = fontobj(f).text_length(s, size)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        if f.endswith(".ttf"):
            name = _FONTNAME.setdefault(f, "T%d" % len(_FONTNAME))
            key = (self.page.number, name)
            if key not in self._fonts:
                self.page.insert_font(fontname=name, fontbuffer=fontbuf(f))
                self._fonts[key] = 1
            self.page.insert_text((x, y), s, fontname=name, fontsize=size, color=color)
        else:
            self.page.insert_text((x, y), s, fontname=f, fontsize=size, color=color)
        return w

    def wrap(self, s, maxw, size=None, style="r", family=None):
        lines, cur = [], ""
        for word in s.split(" "):
            t = word if not cur else cur + " " + word
            if not cur or self.tw(t, size, style, family) <= maxw:
                cur = t
            else:
                lines.append(cur)
                cur = word
        if cur:
            lines.append(cur)
        return lines

    def para(self, x, s, maxw, size=None, style="r", color=(0, 0, 0), lh=1.3, align="l"):
        size = size or self.size
        for ln in self.wrap(s, maxw, size, style):
            self.y += size * lh
            xx = x + maxw if align == "r" else (x + maxw / 2 if align == "c" else x)
            self.text(xx, self.y, ln, size, style, align, color)
        return self.y

    def line(self, x0, y0, x1, y1, width=0.5, color=(0, 0, 0)):
        self.page.draw_line((x0, y0), (x1, y1), color=color, width=width)

    def rect(self, x0, y0, x1, y1, fill=None, stroke=(0, 0, 0), width=0.5, overlay=True):
        self.page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=stroke, fill=fill, width=width if stroke else 0, overlay=overlay)

    def ensure(self, h, on_new_page=None):
        if self.y + h > self.bottom:
            self.new_page()
            if on_new_page:
                on_new_page(self)
            return True
        return False


def draw_table(doc, x0, cols, rows, size, head_style="b", grid="h", head_fill=None, groups=None, pad=2.6,
               on_new_page=None, continued=None, head_color=(0, 0, 0), line_color=(0.35, 0.35, 0.35), lhf=1.22):
    """cols: [{key, head, w, align, wrap}]; rows: [{cells: {key: text}, notes: [text], style}].
    grid: 'h' (horizontal rules), 'zebra', 'none', 'full' (every cell boxed)."""
    lh = size * lhf
    xs = [x0]
    for c in cols:
        xs.append(xs[-1] + c["w"])

    def cx(i, align):
        if align == "r":
            return xs[i + 1] - pad
        if align == "c":
            return (xs[i] + xs[i + 1]) / 2
        return xs[i] + pad

    def header(d):
        y = d.y
        hl = [d.wrap(c["head"], c["w"] - 2 * pad, size, head_style) if c["head"] else [] for c in cols]
        nh = max(1, max(len(h) for h in hl))
        gh = (lh + 2 * pad) if groups else 0
        hh = nh * lh + 2 * pad
        tot = gh + hh
        if head_fill:
            d.rect(x0, y, xs[-1], y + tot, fill=head_fill, stroke=None)
        grouped = set()
        for label, i0, i1 in (groups or []):
            grouped.update(range(i0, i1 + 1))
            d.text((xs[i0] + xs[i1 + 1]) / 2, y + pad + size * 0.95, label, size, head_style, "c", head_color)
            if grid == "full":
                d.line(xs[i0], y + gh, xs[i1 + 1], y + gh, 0.5, line_color)
        for i, c in enumerate(cols):
            top = y + gh if i in grouped else y
            avail = (tot - (gh if i in grouped else 0))
            off = (avail - len(hl[i]) * lh) / 2 - pad
            for k, t in enumerate(hl[i]):
                d.text(cx(i, c.get("align", "l")), top + pad + off + size * 0.95 + k * lh, t, size, head_style,
                       c.get("align", "l"), head_color)
        if grid == "full":
            d.rect(x0, y, xs[-1], y + tot, stroke=line_color)
            for j in range(1, len(cols)):
                inner = any(i0 < j <= i1 for _, i0, i1 in (groups or []))
                d.line(xs[j], y + (gh if inner else 0), xs[j], y + tot, 0.5, line_color)
        elif grid != "none":
            d.line(x0, y, xs[-1], y, 0.8, line_color)
            d.line(x0, y + tot, xs[-1], y + tot, 0.8, line_color)
        else:
            d.line(x0, y + tot, xs[-1], y + tot, 0.6, line_color)
        d.y = y + tot

    header(doc)
    for ri, r in enumerate(rows):
        style = r.get("style", "r")
        wrapped = []
        for i, c in enumerate(cols):
            t = r["cells"].get(c["key"], "")
            if c.get("wrap"):
                wrapped.append(doc.wrap(t, c["w"] - 2 * pad, size, style) if t else [])
            else:
                wrapped.append([t] if t else [])
        nl = max(1, max(len(v) for v in wrapped))
        ns = size - 1.5
        wi = next((i for i, c in enumerate(cols) if c.get("wrap")), 0)
        note_lines = []
        for nt in r.get("notes", []):
            note_lines += doc.wrap(nt, cols[wi]["w"] - 2 * pad - 6, ns, "i")
        rh = nl * lh + len(note_lines) * ns * 1.2 + 2 * pad
        if doc.y + rh > doc.bottom:
            if continued:
                doc.text(xs[-1], doc.y + lh + 2, continued, size - 1, "i", "r", (0.3, 0.3, 0.3))
            doc.new_page()
            if on_new_page:
                on_new_page(doc)
            header(doc)
        y = doc.y
        if grid == "zebra" and ri % 2 == 1:
            doc.rect(x0, y, xs[-1], y + rh, fill=(0.93, 0.94, 0.96), stroke=None)
        for i, c in enumerate(cols):
            for k, t in enumerate(wrapped[i]):
                doc.text(cx(i, c.get("align", "l")), y + pad + size * 0.92 + k * lh, t, size, style, c.get("align", "l"))
        ny = y + pad + nl * lh
        for t in note_lines:
            ny += ns * 1.2
            doc.text(xs[wi] + pad + 6, ny - ns * 0.25, t, ns, "i", "l", (0.33, 0.33, 0.33))
        if grid == "full":
            for i in range(len(cols)):
                doc.rect(xs[i], y, xs[i + 1], y + rh, stroke=line_color)
        elif grid == "h":
            doc.line(x0, y + rh, xs[-1], y + rh, 0.3, (0.6, 0.6, 0.6))
        doc.y = y + rh
    if grid == "zebra":
        doc.line(x0, doc.y, xs[-1], doc.y, 0.8, line_color)
    return xs


def draw_pairs(doc, x, y, pairs, size, label_w=None, align_values="l", label_style="r", value_style="r", lh=1.32,
               value_x=None, color=(0.25, 0.25, 0.25)):
    """label: value lines.  Returns the y after the last line."""
    if label_w is None:
        label_w = max([doc.tw(a, size, label_style) for a, _ in pairs] + [0]) + 8
    for a, b in pairs:
        y += size * lh
        doc.text(x, y, a, size, label_style, "l", color)
        if value_x is not None:
            doc.text(value_x, y, b, size, value_style, align_values)
        else:
            doc.text(x + label_w, y, b, size, value_style)
    return y


def draw_totals(doc, xl, xr, rows, size, box=None, lh=1.45, rule_before_last=True):
    """rows: [(label, value, style)].  box: fill colour for a box around the block."""
    h = len(rows) * size * lh + size * 0.7
    if doc.y + h > doc.bottom:
        doc.new_page()
    y0 = doc.y
    if box:
        doc.rect(xl - 6, y0 - 2, xr + 4, y0 + h + 2, fill=box, stroke=(0.4, 0.4, 0.4))
    y = y0
    for k, (a, b, st) in enumerate(rows):
        if k == len(rows) - 1 and rule_before_last and not box:
            doc.line(xl, y + size * 0.35, xr, y + size * 0.35, 0.6)
        y += size * lh
        sz = size + (1 if st == "b" and k == len(rows) - 1 else 0)
        doc.text(xl, y, a, sz, st)
        doc.text(xr, y, b, sz, st, "r")
    doc.y = y + size * 0.7
    return doc.y


# ----------------------------------------------------------------------------------------------
# locale data
# ----------------------------------------------------------------------------------------------
LABEL_KEYS = ("title no date due cust_no order_no po delivery order_date vat_id bill_to seller desc qty unit_price amount "
              "subtotal vat total deposit paid balance page iban terms thanks pos unit net gross rate continued ship_to "
              "phone").split()
_LAB = {
    "en": "Invoice|Invoice No.|Invoice Date|Due Date|Customer No.|Order No.|PO Number|Delivery Date|Order Date|VAT No.|Bill to|From|Description|Qty|Unit Price|Amount|Subtotal|VAT {r}%|Total|Less deposit received|Amount paid|Balance due|Page {p} of {n}|IBAN|Payment due within {d} days.|Thank you for your business.|No.|Unit|Net|Gross|Rate|continued on next page|Ship to|Tel.",
    "de": "Rechnung|Rechnungsnummer|Rechnungsdatum|Fällig am|Kundennummer|Auftragsnummer|Ihre Bestellnummer|Lieferdatum|Bestelldatum|USt-IdNr.|Rechnungsempfänger|Absender|Bezeichnung|Menge|Einzelpreis|Gesamtpreis|Nettobetrag|zzgl. {r} % MwSt.|Rechnungsbetrag|abzgl. Anzahlung|bereits bezahlt|Offener Betrag|Seite {p} von {n}|IBAN|Zahlbar innerhalb von {d} Tagen ohne Abzug.|Vielen Dank für Ihren Auftrag.|Pos.|Einheit|Netto|Brutto|Satz|Fortsetzung auf der nächsten Seite|Lieferadresse|Tel.",
    "fr": "Facture|N° de facture|Date de facture|Date d'échéance|N° client|N° de commande|Votre référence|Date de livraison|Date de commande|N° TVA intracom.|Facturé à|Émetteur|Désignation|Qté|Prix unitaire HT|Montant HT|Total HT|TVA {r} %|Total TTC|Acompte versé|Déjà réglé|Reste à payer|Page {p} sur {n}|IBAN|Paiement à {d} jours date de facture.|Merci de votre confiance.|Réf.|Unité|HT|TTC|Taux|suite page suivante|Adresse de livraison|Tél.",
    "es": "Factura|N.º de factura|Fecha de factura|Vencimiento|N.º de cliente|N.º de pedido|Su referencia|Fecha de entrega|Fecha de pedido|NIF|Facturar a|Emisor|Descripción|Cant.|Precio unit.|Importe|Base imponible|IVA {r} %|Total factura|Anticipo recibido|Importe pagado|Saldo pendiente|Página {p} de {n}|IBAN|Pago a {d} días fecha factura.|Gracias por su confianza.|Pos.|Unidad|Neto|Bruto|Tipo|continúa en la página siguiente|Dirección de envío|Tel.",
    "it": "Fattura|Fattura n.|Data fattura|Scadenza|Cod. cliente|N. ordine|Vs. riferimento|Data consegna|Data ordine|P. IVA|Spett.le|Mittente|Descrizione|Q.tà|Prezzo unit.|Importo|Imponibile|IVA {r}%|Totale fattura|Acconto ricevuto|Già pagato|Saldo da pagare|Pagina {p} di {n}|IBAN|Pagamento a {d} giorni data fattura.|Grazie per la fiducia.|Pos.|U.M.|Netto|Lordo|Aliquota|segue alla pagina successiva|Destinazione merce|Tel.",
    "nl": "Factuur|Factuurnummer|Factuurdatum|Vervaldatum|Klantnummer|Ordernummer|Uw referentie|Leverdatum|Orderdatum|Btw-nummer|Factuuradres|Afzender|Omschrijving|Aantal|Prijs|Bedrag|Subtotaal|Btw {r}%|Totaal|Ontvangen aanbetaling|Reeds betaald|Openstaand saldo|Pagina {p} van {n}|IBAN|Betaling binnen {d} dagen na factuurdatum.|Bedankt voor uw opdracht.|Nr.|Eenheid|Netto|Bruto|Tarief|vervolg op volgende pagina|Afleveradres|Tel.",
    "pt": "Fatura|Fatura n.º|Data da fatura|Data de vencimento|N.º de cliente|N.º de encomenda|V/ referência|Data de entrega|Data da encomenda|NIF|Cliente|Emitente|Descrição|Qtd.|Preço unit.|Valor|Total s/ IVA|IVA {r}%|Total c/ IVA|Adiantamento recebido|Valor pago|Saldo em dívida|Página {p} de {n}|IBAN|Pagamento a {d} dias.|Obrigado pela preferência.|Pos.|Unid.|Líquido|Bruto|Taxa|continua na página seguinte|Local de entrega|Tel.",
    "cs": "Faktura – daňový doklad|Číslo faktury|Datum vystavení|Datum splatnosti|Číslo zákazníka|Číslo objednávky|Vaše objednávka|Datum zdanitelného plnění|Datum objednávky|DIČ|Odběratel|Dodavatel|Označení dodávky|Množství|Cena za MJ|Celkem bez DPH|Základ daně|DPH {r} %|Celkem k úhradě|Zaplacená záloha|Uhrazeno|Zbývá uhradit|Strana {p} z {n}|IBAN|Splatnost {d} dní.|Děkujeme za spolupráci.|Č.|MJ|Bez DPH|S DPH|Sazba|pokračování na další straně|Místo dodání|Tel.",
    "fi": "Lasku|Laskun numero|Laskun päivämäärä|Eräpäivä|Asiakasnumero|Tilausnumero|Viitteenne|Toimituspäivä|Tilauspäivä|ALV-tunnus|Laskutusosoite|Laskuttaja|Tuote / palvelu|Määrä|À-hinta|Yhteensä|Veroton yhteensä|ALV {r} %|Maksettava yhteensä|Ennakkomaksu|Maksettu|Avoin saldo|Sivu {p}/{n}|IBAN|Maksuehto {d} pv netto|Kiitos tilauksestanne!|Nro|Yks.|Veroton|Verollinen|ALV %|jatkuu seuraavalla sivulla|Toimitusosoite|Puh.",
    "no": "Faktura|Fakturanummer|Fakturadato|Forfallsdato|Kundenummer|Ordrenummer|Deres ref.|Leveringsdato|Ordredato|Org.nr.|Fakturamottaker|Avsender|Beskrivelse|Antall|Enhetspris|Beløp|Sum eks. mva.|MVA {r} %|Å betale|Forskudd mottatt|Innbetalt|Restbeløp|Side {p} av {n}|Kontonummer|Betalingsbetingelser: {d} dager netto|Takk for handelen!|Nr.|Enhet|Netto|Brutto|Sats|fortsetter på neste side|Leveringsadresse|Tlf.",
    "hu": "Számla|Számla sorszáma|Számla kelte|Fizetési határidő|Vevőkód|Rendelésszám|Megrendelés száma|Teljesítés dátuma|Rendelés dátuma|Adószám|Vevő|Eladó|Megnevezés|Mennyiség|Nettó egységár|Nettó érték|Nettó összesen|ÁFA {r}%|Bruttó végösszeg|Előleg|Befizetve|Fennálló tartozás|{p}/{n}. oldal|Bankszámlaszám|Fizetési mód: átutalás, {d} nap|Köszönjük a vásárlást!|Ssz.|Me.e.|Nettó|Bruttó|ÁFA-kulcs|folytatás a következő oldalon|Szállítási cím|Tel.",
    "tr": "Fatura|Fatura No|Fatura Tarihi|Vade Tarihi|Müşteri No|Sipariş No|Sipariş Ref.|Sevk Tarihi|Sipariş Tarihi|VKN|Sayın|Satıcı|Mal/Hizmet|Miktar|Birim Fiyat|Tutar|Ara Toplam|KDV (%{r})|Genel Toplam|Alınan Avans|Ödenen|Kalan Bakiye|Sayfa {p}/{n}|IBAN|Ödeme vadesi {d} gündür.|Teşekkür ederiz.|Sıra|Birim|Net|Brüt|Oran|devamı sonraki sayfada|Teslimat Adresi|Tel.",
    "ro": "Factură|Factura nr.|Data emiterii|Data scadenței|Cod client|Nr. comandă|Comanda dvs.|Data livrării|Data comenzii|CIF|Cumpărător|Furnizor|Denumirea produselor sau a serviciilor|Cant.|Preț unitar|Valoare|Total fără TVA|TVA {r}%|Total de plată|Avans încasat|Achitat|Rest de plată|Pagina {p} din {n}|IBAN|Termen de plată: {d} zile.|Vă mulțumim!|Nr. crt.|U.M.|Net|Brut|Cota|continuare pe pagina următoare|Adresa de livrare|Tel.",
}
LABELS = {}
for _l, _s in _LAB.items():
    _parts = _s.split("|")
    assert len(_parts) == len(LABEL_KEYS), (_l, len(_parts))
    LABELS[_l] = dict(zip(LABEL_KEYS, _parts))
EN_US = {"vat": "Sales Tax ({r}%)", "vat_id": "Tax ID", "balance": "Balance Due"}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "fi": ("tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
           "lokakuuta marraskuuta joulukuuta"),
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "hu": "január február március április május június július augusztus szeptember október november december",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}
MONTHS_ABBR = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sep. Okt. Nov. Dez.",
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sep. oct. nov. dic.",
    "it": "gen feb mar apr mag giu lug ago set ott nov dic",
    "nl": "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.",
    "pt": "jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.",
}
MONTHS_ABBR = {k: v.split() for k, v in MONTHS_ABBR.items()}
DATE_STYLES = {
    "en_us": ["mdy/", "long_us", "mon d, y", "mdy/yy", "iso"],
    "en_gb": ["dmy/", "d mon y", "long", "iso", "dmy/yy"],
    "de": ["dmy.", "long", "iso", "dmy.yy", "d mon y"],
    "fr": ["dmy/", "long", "dmy/yy", "d mon y"],
    "es": ["dmy/", "long", "dmy-", "d mon y"],
    "it": ["dmy/", "long", "dmy-", "dmy."],
    "nl": ["dmy-", "long", "dmy/", "d mon y"],
    "pt": ["dmy/", "iso", "long", "dmy-"],
    "cs": ["d. m. y", "dmy.", "long", "d.m.y"],
    "fi": ["d.m.y", "dmy.", "long"],
    "no": ["dmy.", "long", "iso"],
    "hu": ["ymd.", "ymd. ", "long"],
    "tr": ["dmy.", "dmy/", "long"],
    "ro": ["dmy.", "dmy/", "long"],
}


def fmt_date(d, style, lang):
    M = MONTHS[lang]
    if style == "iso":
        return d.isoformat()
    if style == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dmy.yy":
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if style == "d.m.y":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "d. m. y":
        return f"{d.day}. {d.month}. {d.year}"
    if style == "dmy/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy/yy":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "mdy/":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "mdy/yy":
        return f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}"
    if style == "dmy-":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "ymd.":
        return f"{d.year}.{d.month:02d}.{d.day:02d}."
    if style == "ymd. ":
        return f"{d.year}. {d.month:02d}. {d.day:02d}."
    if style == "mon d, y":
        return f"{MONTHS_ABBR['en'][d.month - 1]} {d.day}, {d.year}"
    if style == "long_us":
        return f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}"
    if style == "d mon y":
        a = MONTHS_ABBR[lang][d.month - 1]
        return f"{d.day}. {a} {d.year}" if lang == "de" else f"{d.day} {a} {d.year}"
    if style == "long":
        m = M[d.month - 1]
        if lang in ("de", "cs", "fi", "no"):
            return f"{d.day}. {m} {d.year}"
        if lang in ("es", "pt"):
            return f"{d.day} de {m} de {d.year}"
        if lang == "fr":
            return f"{'1er' if d.day == 1 else d.day} {m} {d.year}"
        if lang == "hu":
            return f"{d.year}. {m} {d.day}."
        return f"{d.day} {m} {d.year}"
    raise ValueError(style)


NUMFMT = {"en": (",", "."), "de": (".", ","), "fr_sp": (" ", ","), "fr_nbsp": ("\u00a0", ","),
          "fr_nnbsp": ("\u202f", ","), "ch": ("'", "."), "plain_dot": ("", "."), "plain_comma": ("", ",")}


def fmt_num(v, style, dec=2):
    th, dp = NUMFMT[style]
    v = q(v, dec)
    neg = v < 0
    s = f"{abs(v):.{dec}f}"
    ip, _, fp = s.partition(".")
    if th:
        g = []
        while len(ip) > 3:
            g.insert(0, ip[-3:])
            ip = ip[:-3]
        g.insert(0, ip)
        ip = th.join(g)
    out = ip + (dp + fp if dec else "")
    return ("-" if neg else "") + out


CUR_SYMS = {"EUR": ["€"], "USD": ["$", "US$"], "GBP": ["£"], "CHF": ["CHF"], "CZK": ["Kč"], "NOK": ["kr", "NOK"],
            "HUF": ["Ft"], "TRY": ["₺", "TL"], "RON": ["lei"]}
SYM_AFTER_ONLY = {"Kč", "Ft", "lei", "TL"}
UNITS = {
    "en": dict(pc="pcs", h="h", m2="m²", m="m", day="days", flat="flat", box="box", pers="pers."),
    "de": dict(pc="Stk.", h="Std.", m2="m²", m="m", day="Tage", flat="pausch.", box="Pck.", pers="Pers."),
    "fr": dict(pc="pce", h="h", m2="m²", m="ml", day="j", flat="forfait", box="bte", pers="pers."),
    "es": dict(pc="ud.", h="h", m2="m²", m="m", day="días", flat="global", box="caja", pers="pers."),
    "it": dict(pc="pz.", h="h", m2="m²", m="m", day="gg", flat="forfait", box="conf.", pers="pers."),
    "nl": dict(pc="st.", h="uur", m2="m²", m="m", day="dagen", flat="post", box="doos", pers="pers."),
    "pt": dict(pc="un.", h="h", m2="m²", m="m", day="dias", flat="global", box="cx.", pers="pax"),
    "cs": dict(pc="ks", h="hod", m2="m²", m="m", day="dny", flat="kpl", box="bal.", pers="os."),
    "fi": dict(pc="kpl", h="h", m2="m²", m="m", day="pv", flat="erä", box="ltk", pers="hlö"),
    "no": dict(pc="stk", h="t", m2="m²", m="m", day="dager", flat="rs", box="pk", pers="pers"),
    "hu": dict(pc="db", h="óra", m2="m²", m="m", day="nap", flat="klt", box="doboz", pers="fő"),
    "tr": dict(pc="Adet", h="Saat", m2="m²", m="m", day="Gün", flat="Götürü", box="Kutu", pers="Kişi"),
    "ro": dict(pc="buc", h="ore", m2="mp", m="m", day="zile", flat="serv.", box="cutie", pers="pers."),
}
VAT_RATES = {"de": [19, 7], "fr": [20, 10, D("5.5")], "es": [21, 10], "it": [22, 10], "nl": [21, 9], "pt": [23, 13, 6],
             "en_gb": [20], "en_us": [D("8.875"), D("6.25"), 7, D("8.25")], "cs": [21, 12], "fi": [24, 14],
             "no": [25, 15], "hu": [27, 5], "tr": [20, 10], "ro": [19, 9], "ch": [D("8.1"), D("2.6")]}

# ----------------------------------------------------------------------------------------------
# invented names
# ----------------------------------------------------------------------------------------------
SYL_A = ["Vel", "Nor", "Kal", "Bren", "Tor", "Mar", "Lun", "Sol", "Har", "Ost", "Wen", "Dal", "Fer", "Gal", "Ris",
         "Quen", "Tam", "Bel", "Cor", "Ver", "Lin", "Mor", "Sar", "Tre", "Zan", "Hol", "Ker", "Fal", "Nev", "Ald", "Brix",
         "Jor", "Pel", "Ulm", "Vask", "Wil", "Yar", "Orn", "Ast", "Grel"]
SYL_M = ["", "t", "n", "r", "v", "m", "d", "k", "st", "br", "l"]
SYL_B = ["ara", "ion", "ex", "ona", "ik", "ando", "ell", "ino", "ora", "ast", "um", "en", "isa", "eto", "ova", "ar", "is",
         "ent", "ix", "alia", "uva", "emo", "orin", "adt"]


def coined(rng):
    return pick(rng, SYL_A) + pick(rng, SYL_M) + pick(rng, SYL_B)


TRADES = {
    "en": ["Building Services", "Print & Design", "Facility Solutions", "Metalworks", "Office Supply", "Electrical",
           "Joinery", "Logistics", "Software Studio"],
    "de": ["Haustechnik", "Metallbau", "Druckerei", "Gebäudeservice", "Elektrotechnik", "Holzbau", "Büroausstattung",
           "Bauunternehmung", "Systemhaus"],
    "fr": ["Bâtiment", "Imprimerie", "Services", "Menuiserie", "Électricité", "Fournitures de bureau", "Métallerie",
           "Conseil"],
    "es": ["Construcciones", "Instalaciones", "Suministros", "Artes Gráficas", "Carpintería", "Servicios Integrales"],
    "it": ["Costruzioni", "Impianti", "Forniture", "Arti Grafiche", "Falegnameria", "Servizi", "Carpenteria"],
    "nl": ["Installatietechniek", "Bouw", "Drukkerij", "Kantoorinrichting", "Elektro", "Timmerwerken", "Advies"],
    "pt": ["Construções", "Instalações", "Artes Gráficas", "Serralharia", "Serviços", "Comércio de Material"],
    "cs": ["stavby", "technika", "servis", "elektro", "kancelářské potřeby"],
    "fi": ["Rakennus", "Sähkö", "Kiinteistöpalvelut", "Tekniikka", "Toimistotarvike"],
    "no": ["Bygg", "Elektro", "Eiendomsservice", "Teknikk", "Kontorutstyr"],
    "hu": ["Építőipari", "Villamossági", "Kereskedelmi", "Műszaki", "Szolgáltató"],
    "tr": ["İnşaat", "Elektrik", "Ticaret", "Mühendislik", "Ofis Malzemeleri"],
    "ro": ["Construct", "Instal", "Comerț", "Tehnic", "Servicii"],
}
FORMS = {"en": ["Ltd", "Limited", "LLC", "Inc.", "Ltd."], "de": ["GmbH", "GmbH & Co. KG", "e.K.", "AG", "GmbH"],
         "fr": ["SARL", "SAS", "EURL", "SA"], "es": ["S.L.", "S.A.", "S.L.U."], "it": ["S.r.l.", "S.p.A.", "S.n.c."],
         "nl": ["B.V.", "V.O.F.", "B.V."], "pt": ["Lda.", "S.A.", "Unipessoal Lda."], "cs": ["s.r.o.", "a.s."],
         "fi": ["Oy", "Ay", "Oy"], "no": ["AS", "AS", "ANS"], "hu": ["Kft.", "Zrt.", "Bt."], "tr": ["Ltd. Şti.", "A.Ş."],
         "ro": ["S.R.L.", "S.A."]}
FIRST = {
    "en": ["Olivia", "James", "Harriet", "Daniel", "Priya", "Marcus", "Eleanor", "Tom"],
    "de": ["Anna", "Jonas", "Miriam", "Lukas", "Sabine", "Felix", "Katrin", "Tobias"],
    "fr": ["Camille", "Julien", "Élodie", "Mathieu", "Inès", "Laurent", "Chloé", "Hugo"],
    "es": ["Lucía", "Javier", "Marta", "Sergio", "Carmen", "Pablo", "Nuria", "Diego"],
    "it": ["Giulia", "Matteo", "Chiara", "Lorenzo", "Francesca", "Davide", "Elena", "Marco"],
    "nl": ["Sanne", "Daan", "Femke", "Joris", "Lotte", "Bram", "Eva", "Thijs"],
    "pt": ["Inês", "Tiago", "Beatriz", "Rui", "Mariana", "Duarte", "Sofia", "Nuno"],
    "cs": ["Petra", "Tomáš", "Lenka", "Jiří", "Kateřina", "Ondřej"],
    "fi": ["Aino", "Mikko", "Sanna", "Juho", "Laura", "Ville"],
    "no": ["Ingrid", "Eirik", "Silje", "Håkon", "Marte", "Sindre"],
    "hu": ["Zsófia", "Bence", "Eszter", "Gábor", "Réka", "Levente"],
    "tr": ["Elif", "Emre", "Zeynep", "Burak", "Selin", "Kerem"],
    "ro": ["Ioana", "Andrei", "Maria", "Radu", "Elena", "Mihai"],
}
LAST = {
    "en": ["Ashworth", "Pembridge", "Callow", "Fenwick", "Radley", "Okafor", "Whitmore", "Lindqvist"],
    "de": ["Brenneke", "Wolters", "Hövelmann", "Kranich", "Sattler", "Dörnberg", "Lehnert", "Abels"],
    "fr": ["Duvernois", "Marchetti", "Lefranc", "Boisvert", "Carrère", "Teissier", "Morvan", "Aubry"],
    "es": ["Castañeda", "Olmedo", "Iriarte", "Valcárcel", "Peralta", "Saavedra", "Montoya", "Ribas"],
    "it": ["Bellandi", "Ferraresi", "Caruso", "Montanari", "Pellegrini", "Zanetti", "Rinaldi", "Sartori"],
    "nl": ["Verhoeven", "de Groot", "Bakker", "Hoekstra", "van Dijk", "Mulder", "Brouwer", "Kuipers"],
    "pt": ["Figueiredo", "Carvalho", "Teixeira", "Moura", "Antunes", "Barros", "Pacheco", "Quintela"],
    "cs": ["Dvořáková", "Novotný", "Procházka", "Kučerová", "Veselý", "Horáková"],
    "fi": ["Virtanen", "Mäkelä", "Nieminen", "Heikkinen", "Koskinen", "Laaksonen"],
    "no": ["Haugen", "Solberg", "Lunde", "Bakken", "Strand", "Eide"],
    "hu": ["Kovács", "Szabó", "Horváth", "Varga", "Tóth", "Németh"],
    "tr": ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın"],
    "ro": ["Popescu", "Ionescu", "Dumitru", "Stoica", "Georgescu", "Marin"],
}
CITY_SUF = {"en": ["ford", "ton", "bury", "field", "wick"], "de": ["hausen", "dorf", "feld", "bach", "stedt", "heim"],
            "fr": ["ville", "court", "ac", "ières", "eux"], "es": ["ejo", "illa", "al", "ares"],
            "it": ["ano", "ello", "ate", "ina"], "nl": ["dam", "dorp", "hoven", "wijk"], "pt": ["elo", "ães", "al", "inha"],
            "cs": ["ice", "ov", "any"], "fi": ["la", "lä", "koski", "järvi"], "no": ["vik", "dal", "heim", "sund"],
            "hu": ["háza", "falva", "vár"], "tr": ["köy", "pınar", "dere"], "ro": ["ești", "eni", "ița"]}


def city_name(rng, lang):
    return pick(rng, SYL_A) + pick(rng, ["", "n", "r", "s"]) + pick(rng, CITY_SUF[lang])


def address(rng, lang, us=False):
    nm = pick(rng, SYL_A) + pick(rng, SYL_B)
    n = rng.randint(1, 180)
    c = city_name(rng, lang)
    if lang == "en":
        if us:
            st = pick(rng, ["AZ", "OH", "OR", "PA", "WI", "NC", "CO"])
            return [f"{n * 10 + rng.randint(0, 9)} {nm} {pick(rng, ['Street', 'Avenue', 'Road', 'Blvd'])}",
                    f"{pick(rng, ['Suite', 'Unit'])} {rng.randint(100, 900)}", f"{c}, {st} {rng.randint(10000, 99999)}"]
        pc = f"{pick(rng, 'BCDGHKLMNS')}{pick(rng, 'ABDEHLMNRST')}{rng.randint(1, 29)} {rng.randint(1, 9)}{pick(rng, 'ABDEFGHJ')}{pick(rng, 'LNPQRSTUW')}"
        return [f"{n} {nm} {pick(rng, ['Road', 'Lane', 'Street', 'Way'])}", c, pc]
    if lang == "de":
        return [f"{nm}{pick(rng, ['straße', 'weg', 'ring', 'allee'])} {n}", f"{rng.randint(10000, 99999)} {c}"]
    if lang == "fr":
        return [f"{n} {pick(rng, ['rue des', 'avenue des', 'chemin des', 'rue du'])} {nm}", f"{rng.randint(10, 95):02d}{rng.randint(0, 999):03d} {c}"]
    if lang == "es":
        return [f"{pick(rng, ['Calle', 'Avenida', 'Paseo'])} {nm}, {n}", f"{rng.randint(1, 52):02d}{rng.randint(0, 999):03d} {c}"]
    if lang == "it":
        return [f"{pick(rng, ['Via', 'Viale', 'Corso'])} {nm} {n}", f"{rng.randint(10, 98)}{rng.randint(0, 999):03d} {c} ({pick(rng, ['MI', 'TO', 'BO', 'VR', 'PD', 'FI'])})"]
    if lang == "nl":
        return [f"{nm}{pick(rng, ['straat', 'laan', 'weg', 'kade'])} {n}", f"{rng.randint(1000, 9999)} {pick(rng, 'ABCDEGHJKLMNPRST')}{pick(rng, 'ABCDEGHJKLMNPRST')} {c}"]
    if lang == "pt":
        return [f"{pick(rng, ['Rua', 'Avenida', 'Travessa'])} {nm}, {n}", f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)} {c}"]
    if lang == "cs":
        return [f"{nm}ova {rng.randint(100, 2999)}/{rng.randint(1, 40)}", f"{rng.randint(100, 799)} {rng.randint(10, 99)} {c}"]
    if lang == "fi":
        return [f"{nm}{pick(rng, ['katu', 'tie', 'kuja'])} {n}", f"{rng.randint(0, 99):02d}{rng.randint(100, 990)} {c.upper()}"]
    if lang == "no":
        return [f"{nm}{pick(rng, ['veien', 'gata', 'bakken'])} {n}", f"{rng.randint(1000, 9999)} {c.upper()}"]
    if lang == "hu":
        return [f"{rng.randint(1000, 9999)} {c}", f"{nm} {pick(rng, ['utca', 'út', 'tér'])} {n}."]
    if lang == "tr":
        return [f"{nm} {pick(rng, ['Cad.', 'Sok.', 'Bulvarı'])} No: {n}", f"{rng.randint(10000, 81999)} {c}"]
    if lang == "ro":
        return [f"Str. {nm} nr. {n}", f"{c}, jud. {pick(rng, ['Cluj', 'Iași', 'Brașov', 'Timiș', 'Argeș'])}, {rng.randint(100000, 999999)}"]
    raise ValueError(lang)


TRADE_BY_ARCH = {
    "construction": {"de": ["Bauunternehmung", "Hochbau", "Bau"], "fr": ["Bâtiment", "Construction", "BTP"], "en": ["Construction", "Building Contractors"],
                     "it": ["Costruzioni", "Edilizia"], "nl": ["Bouw", "Aannemersbedrijf", "Bouwbedrijf"]},
    "catering": {"en": ["Catering", "Events & Catering", "Kitchen Company"], "de": ["Catering", "Partyservice", "Eventgastronomie"],
                 "fr": ["Traiteur", "Réceptions"], "es": ["Catering", "Eventos"], "it": ["Catering", "Banqueting"], "pt": ["Catering", "Eventos"]},
}


def company(rng, lang, us=False, trades=None):
    c = coined(rng)
    if trades:
        forms = (["LLC", "Inc."] if us else ["Ltd", "Limited"]) if lang == "en" else FORMS[lang]
        return f"{c} {pick(rng, trades)} {pick(rng, forms)}", c
    if lang == "en":
        forms = ["LLC", "Inc.", "Corp.", "LLC"] if us else ["Ltd", "Limited", "Ltd.", "LLP"]
        r = rng.random()
        if r < 0.55:
            return f"{c} {pick(rng, TRADES[lang])} {pick(rng, forms)}", c
        if r < 0.8:
            return f"{c} {pick(rng, forms)}", c
        a, b = rng.sample(LAST[lang], 2)
        return f"{a} & {b} {pick(rng, forms)}", a
    r = rng.random()
    if r < 0.55:
        legal = f"{c} {pick(rng, TRADES[lang])} {pick(rng, FORMS[lang])}"
    elif r < 0.8:
        legal = f"{c} {pick(rng, FORMS[lang])}"
    else:
        a, b = rng.sample(LAST[lang], 2)
        legal = f"{a} & {b} {pick(rng, FORMS[lang])}" if lang not in ("cs", "hu", "fi") else f"{a} {pick(rng, TRADES[lang])} {pick(rng, FORMS[lang])}"
        c = a
    if lang == "cs" and legal.split()[1:2] and legal.split()[1].islower():
        pass
    return legal, c


def person(rng, lang):
    f, l = pick(rng, FIRST[lang]), pick(rng, LAST[lang])
    if lang == "hu":
        return f"{l} {f}"
    t = rng.random()
    if t < 0.15 and lang in ("de", "en", "nl"):
        return f"Dr. {f} {l}"
    return f"{f} {l}"


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


VATID = {"de": lambda r: "DE" + digits(r, 9), "fr": lambda r: "FR" + digits(r, 11), "es": lambda r: "ES" + pick(r, "ABB") + digits(r, 8),
         "it": lambda r: "IT" + digits(r, 11), "nl": lambda r: "NL" + digits(r, 9) + "B01", "pt": lambda r: "PT" + digits(r, 9),
         "en": lambda r: "GB " + digits(r, 3) + " " + digits(r, 4) + " " + digits(r, 2), "cs": lambda r: "CZ" + digits(r, 8),
         "fi": lambda r: "FI" + digits(r, 8), "no": lambda r: f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)} MVA",
         "hu": lambda r: f"{digits(r, 8)}-2-{digits(r, 2)}", "tr": lambda r: digits(r, 10), "ro": lambda r: "RO" + digits(r, 8)}
IBAN_CC = {"de": ("DE", 18), "fr": ("FR", 23), "es": ("ES", 20), "it": ("IT", 23), "nl": ("NL", 14), "pt": ("PT", 21),
           "en": ("GB", 18), "cs": ("CZ", 20), "fi": ("FI", 14), "no": ("NO", 11), "hu": ("HU", 24), "tr": ("TR", 22),
           "ro": ("RO", 20)}


def iban(rng, lang):
    cc, n = IBAN_CC[lang]
    body = cc + digits(rng, 2)
    rest = digits(rng, n)
    if cc == "NL":
        rest = pick(rng, ["ABNA", "RABO", "INGB", "KNAB"]) + digits(rng, 10)
    s = body + rest
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def inv_number(rng, y, lang):
    n = rng.randint(1, 9999)
    pre = {"de": ["RE", "R", "RG"], "fr": ["FA", "F", "FAC"], "es": ["F", "FV", "FRA"], "it": ["FT", "F"],
           "nl": ["F", "FAC"], "pt": ["FT", "FAC"], "en": ["INV", "IN", "SI"], "cs": ["FV", ""], "fi": [""], "no": [""],
           "hu": ["SZ", "E-ALFA"], "tr": ["GIB", "ABC"], "ro": ["BVX", "CJ", "TMS"]}[lang]
    p = pick(rng, pre)
    k = rng.randrange(7)
    if lang == "tr":
        return f"{p}{y}{rng.randint(1, 999999999):09d}"
    if lang in ("fi", "no"):
        return str(rng.randint(10000, 99999))
    if k == 0 and p:
        return f"{p}-{y}-{n:04d}"
    if k == 1:
        return f"{y}{n:05d}"
    if k == 2:
        return f"{rng.randint(100000, 999999)}"
    if k == 3 and p:
        return f"{p}{y % 100:02d}{rng.randint(1, 12):02d}-{n:03d}"
    if k == 4:
        return f"{y}/{n:04d}"
    if k == 5 and p:
        return f"{p}/{y}/{n:03d}"
    return f"{p or 'A'}{rng.randint(10000, 99999)}"


# ----------------------------------------------------------------------------------------------
# product vocabulary (all invented / generic)
# ----------------------------------------------------------------------------------------------
W7 = ["en", "de", "fr", "es", "it", "nl", "pt"]
GOODS = [  # (unit key, price lo, hi, en, de, fr, es, it, nl, pt)
    ("box", 3.9, 6.5, "Copy paper A4, 80 g/m², 500 sheets", "Kopierpapier A4, 80 g/m², 500 Blatt", "Papier copieur A4, 80 g/m², 500 feuilles",
     "Papel de copia A4, 80 g/m², 500 hojas", "Carta per fotocopie A4, 80 g/m², 500 fogli", "Kopieerpapier A4, 80 g/m², 500 vel",
     "Papel de fotocópia A4, 80 g/m², 500 folhas"),
    ("box", 8, 15, "Ballpoint pens, blue, box of 50", "Kugelschreiber blau, 50 Stück", "Stylos à bille bleus, boîte de 50",
     "Bolígrafos azules, caja de 50", "Penne a sfera blu, confezione da 50", "Balpennen blauw, doos à 50", "Esferográficas azuis, caixa de 50"),
    ("pc", 4, 9, "Stainless steel hinge 100 mm", "Edelstahl-Scharnier 100 mm", "Charnière inox 100 mm", "Bisagra de acero inoxidable 100 mm",
     "Cerniera in acciaio inox 100 mm", "RVS scharnier 100 mm", "Dobradiça em aço inox 100 mm"),
    ("pc", 45, 90, "LED panel light 60 x 60 cm, 36 W", "LED-Panel 60 x 60 cm, 36 W", "Panneau LED 60 x 60 cm, 36 W", "Panel LED 60 x 60 cm, 36 W",
     "Pannello LED 60 x 60 cm, 36 W", "LED-paneel 60 x 60 cm, 36 W", "Painel LED 60 x 60 cm, 36 W"),
    ("pc", 180, 420, "Ergonomic office chair, mesh back", "Bürodrehstuhl ergonomisch, Netzrücken", "Fauteuil de bureau ergonomique, dossier résille",
     "Silla de oficina ergonómica, respaldo de malla", "Sedia da ufficio ergonomica, schienale in rete", "Ergonomische bureaustoel, netrug",
     "Cadeira de escritório ergonómica, costas em rede"),
    ("m", 3, 7, "Cable duct 40 x 60 mm, white", "Kabelkanal 40 x 60 mm, weiß", "Goulotte 40 x 60 mm, blanche", "Canaleta 40 x 60 mm, blanca",
     "Canalina 40 x 60 mm, bianca", "Kabelgoot 40 x 60 mm, wit", "Calha técnica 40 x 60 mm, branca"),
    ("box", 9, 18, "Wood screws 5 x 60 mm, box of 200", "Holzschrauben 5 x 60 mm, 200 Stück", "Vis à bois 5 x 60 mm, boîte de 200",
     "Tornillos para madera 5 x 60 mm, caja de 200", "Viti per legno 5 x 60 mm, scatola da 200", "Houtschroeven 5 x 60 mm, doos à 200",
     "Parafusos para madeira 5 x 60 mm, caixa de 200"),
    ("pc", 38, 95, "Toner cartridge, black, high yield", "Tonerkartusche schwarz, hohe Reichweite", "Cartouche de toner noir, haute capacité",
     "Cartucho de tóner negro, alta capacidad", "Cartuccia toner nera, alta capacità", "Tonercartridge zwart, hoge capaciteit",
     "Tinteiro de toner preto, alta capacidade"),
    ("pc", 4, 12, "Network cable Cat6, 5 m", "Netzwerkkabel Cat6, 5 m", "Câble réseau Cat6, 5 m", "Cable de red Cat6, 5 m", "Cavo di rete Cat6, 5 m",
     "Netwerkkabel Cat6, 5 m", "Cabo de rede Cat6, 5 m"),
    ("pc", 25, 60, "Desk lamp with USB port", "Schreibtischleuchte mit USB-Anschluss", "Lampe de bureau avec port USB", "Lámpara de escritorio con puerto USB",
     "Lampada da scrivania con porta USB", "Bureaulamp met USB-poort", "Candeeiro de secretária com porta USB"),
    ("pc", 60, 140, "Galvanised storage shelf, 5 tiers", "Steckregal verzinkt, 5 Böden", "Étagère galvanisée, 5 niveaux", "Estantería galvanizada, 5 baldas",
     "Scaffale zincato, 5 ripiani", "Gegalvaniseerde stellingkast, 5 legborden", "Estante galvanizada, 5 prateleiras"),
    ("box", 6, 14, "Microfibre cleaning cloths, pack of 10", "Mikrofasertücher, 10er-Pack", "Chiffons microfibre, lot de 10", "Bayetas de microfibra, pack de 10",
     "Panni in microfibra, confezione da 10", "Microvezeldoeken, 10 stuks", "Panos de microfibra, pack de 10"),
    ("h", 45, 95, "Installation labour", "Montagearbeiten", "Main-d'œuvre installation", "Mano de obra instalación", "Manodopera installazione",
     "Montagewerkzaamheden", "Mão de obra de instalação"),
    ("flat", 15, 60, "Delivery and packaging", "Versand und Verpackung", "Livraison et emballage", "Transporte y embalaje", "Trasporto e imballo",
     "Verzending en verpakking", "Transporte e embalagem"),
    ("m2", 60, 120, "Laminated safety glass 6 mm, cut to size", "Verbundsicherheitsglas 6 mm, Zuschnitt", "Verre feuilleté de sécurité 6 mm, sur mesure",
     "Vidrio laminado de seguridad 6 mm, a medida", "Vetro stratificato di sicurezza 6 mm, su misura", "Gelaagd veiligheidsglas 6 mm, op maat",
     "Vidro laminado de segurança 6 mm, por medida"),
    ("pc", 28, 55, "Interior wall paint, white, 10 l", "Innenwandfarbe weiß, 10 l", "Peinture murale intérieure blanche, 10 l", "Pintura plástica interior blanca, 10 l",
     "Pittura murale per interni bianca, 10 l", "Muurverf binnen wit, 10 l", "Tinta de parede interior branca, 10 l"),
]
GOODS_INTL = {  # (unit key, lo, hi, text)
    "cs": [("box", 90, 160, "Kancelářský papír A4, 500 listů"), ("h", 450, 900, "Montážní práce"), ("flat", 250, 900, "Dopravné"),
           ("pc", 900, 2200, "LED svítidlo 36 W"), ("pc", 2400, 4500, "Kabel UTP Cat6, 305 m"), ("pc", 3500, 8900, "Kancelářská židle"),
           ("pc", 1200, 2600, "Toner černý, vysoká výtěžnost"), ("flat", 1500, 4000, "Servisní prohlídka zařízení")],
    "fi": [("box", 4, 7, "Kopiopaperi A4, 500 arkkia"), ("h", 48, 85, "Asennustyö"), ("flat", 15, 60, "Rahti"), ("pc", 45, 110, "LED-valaisin 36 W"),
           ("pc", 4, 12, "Verkkokaapeli Cat6, 5 m"), ("pc", 190, 420, "Työtuoli, verkkoselkänoja"), ("pc", 40, 95, "Värikasetti musta"),
           ("flat", 90, 250, "Huoltokäynti ja tarkastus")],
    "no": [("box", 45, 80, "Kopipapir A4, 500 ark"), ("h", 650, 1100, "Montasjearbeid"), ("flat", 150, 600, "Frakt"), ("pc", 450, 1200, "LED-armatur 36 W"),
           ("pc", 45, 140, "Nettverkskabel Cat6, 5 m"), ("pc", 1900, 4500, "Kontorstol med nettingrygg"), ("pc", 450, 1100, "Tonerkassett sort"),
           ("flat", 900, 2500, "Servicebesøk og kontroll")],
    "hu": [("box", 1800, 3200, "Fénymásolópapír A4, 500 lap"), ("h", 9000, 18000, "Szerelési munkadíj"), ("flat", 4000, 15000, "Szállítási díj"),
           ("pc", 12000, 35000, "LED lámpatest 36 W"), ("pc", 1500, 4500, "Hálózati kábel Cat6, 5 m"), ("pc", 45000, 120000, "Irodai forgószék"),
           ("pc", 15000, 38000, "Toner fekete, nagy kapacitású"), ("flat", 25000, 80000, "Éves karbantartás")],
    "tr": [("box", 120, 260, "Fotokopi kağıdı A4, 500 yaprak"), ("h", 600, 1500, "Montaj işçiliği"), ("flat", 300, 1500, "Nakliye bedeli"),
           ("pc", 900, 2600, "LED armatür 36 W"), ("pc", 150, 450, "Ağ kablosu Cat6, 5 m"), ("pc", 4500, 12000, "Ofis koltuğu, file sırtlı"),
           ("pc", 1800, 4200, "Siyah toner, yüksek kapasiteli"), ("flat", 2500, 7500, "Periyodik bakım hizmeti")],
    "ro": [("box", 22, 40, "Hârtie copiator A4, 500 coli"), ("h", 90, 200, "Manoperă montaj"), ("flat", 50, 300, "Transport"),
           ("pc", 180, 520, "Corp de iluminat LED 36 W"), ("pc", 25, 70, "Cablu de rețea Cat6, 5 m"), ("pc", 800, 1900, "Scaun de birou ergonomic"),
           ("pc", 250, 600, "Cartuș toner negru"), ("flat", 400, 1200, "Revizie tehnică anuală")],
}


def goods_items(iv, n):
    rng = iv.rng
    out = []
    if iv.lang in GOODS_INTL:
        pool = rng.sample(GOODS_INTL[iv.lang], min(n, len(GOODS_INTL[iv.lang])))
        for u, lo, hi, txt in pool:
            out.append((txt, u, lo, hi))
    else:
        k = W7.index(iv.lang)
        for g in rng.sample(GOODS, min(n, len(GOODS))):
            out.append((g[3 + k], g[0], g[1], g[2]))
    res = []
    for txt, u, lo, hi in out:
        if u == "h":
            qty = D(pick(rng, [1, 2, 3, 4, 6, 8, 12, D("1.5"), D("2.5"), D("7.5")]))
        elif u == "m2":
            qty = D(pick(rng, ["2.5", "4", "6.75", "12", "1.2"]))
        elif u == "m":
            qty = D(rng.randint(2, 60))
        elif u == "flat":
            qty = D(1)
        else:
            qty = D(pick(rng, [1, 1, 2, 3, 4, 5, 6, 10, 12, 20, 25]))
        res.append(iv.item(txt, qty, iv.price(lo, hi), unit=u))
    return res


# ----------------------------------------------------------------------------------------------
# the invoice object: locale choices, formatting, parties
# ----------------------------------------------------------------------------------------------
class Inv:
    def __init__(self, rng, lang, arch):
        self.rng, self.lang, self.arch = rng, lang, arch
        self.L = dict(LABELS[lang])
        self.features = {"archetype": arch, "language": lang}
        self.distractors = []
        self.charges = []  # (label, key, amount)
        self.items = []
        self.tax_printed = True
        self.items_sum = "subtotal"
        self.customer = ""

    # ---- locale ----
    def setup(self, currency=None, modes=None, allow_none=True, en_us=None, page=None, family=None, size=None,
              families=None, size_range=(8, 10.5)):
        rng, lang = self.rng, self.lang
        self.us = False
        if lang == "en":
            self.us = (rng.random() < 0.5) if en_us is None else en_us
            if self.us:
                self.L.update(EN_US)
        if currency is None:
            currency = {"en": "USD" if self.us else pick(rng, ["GBP", "GBP", "EUR"]), "de": pick(rng, ["EUR"] * 6 + ["CHF"]),
                        "fr": pick(rng, ["EUR"] * 8 + ["CHF"]), "cs": pick(rng, ["CZK"] * 8 + ["EUR"]), "fi": "EUR", "no": "NOK",
                        "hu": pick(rng, ["HUF"] * 8 + ["EUR"]), "tr": "TRY", "ro": pick(rng, ["RON"] * 8 + ["EUR"])}.get(lang, "EUR")
        self.cur = currency
        self.dec = 0 if currency == "HUF" else 2
        self.sym = pick(rng, CUR_SYMS[currency])
        if modes is None:
            modes = ["sym_after", "sym_before", "code_after", "code_before", "heading", "totals"]
            weights = [22, 18, 14, 11, 12, 13]
            if allow_none:
                modes, weights = modes + ["none"], weights + [10]
            self.cur_mode = rng.choices(modes, weights)[0]
        else:
            self.cur_mode = pick(rng, modes)
        if self.cur_mode == "sym_before" and (self.sym in SYM_AFTER_ONLY or (lang in ("fr", "cs", "hu", "ro"))):
            self.cur_mode = "sym_after"
        if self.cur_mode == "sym_after" and self.sym in ("$", "US$", "£") and lang == "en":
            self.cur_mode = "sym_before"
        self.cur_in_cells = rng.random() < 0.35
        # numbers
        ns = {"en": "en", "de": "de", "fr": pick(rng, ["fr_sp", "fr_nbsp", "fr_nnbsp"]), "es": "de", "it": "de", "nl": "de",
              "pt": pick(rng, ["de", "fr_sp"]), "cs": pick(rng, ["fr_sp", "fr_nbsp"]), "fi": pick(rng, ["fr_sp", "fr_nbsp"]),
              "no": pick(rng, ["fr_sp", "fr_nbsp"]), "hu": pick(rng, ["fr_sp", "fr_nbsp"]), "tr": "de", "ro": "de"}[lang]
        if currency == "CHF":
            ns = "ch"
        if rng.random() < 0.12:
            ns = "plain_dot" if NUMFMT[ns][1] == "." else "plain_comma"
        self.numstyle = ns
        # dates
        dkey = ("en_us" if self.us else "en_gb") if lang == "en" else lang
        self.date_style = pick(rng, DATE_STYLES[dkey])
        self.vkey = ("en_us" if self.us else "en_gb") if lang == "en" else ("ch" if currency == "CHF" else lang)
        # page + fonts
        if page is None:
            page = LETTER if (self.us and rng.random() < 0.85) else (A4 if rng.random() < 0.9 else LETTER)
        self.pagesize = page
        fams = families or PROP_FAMILIES
        need = "".join(LABELS[lang].values()) + self.sym + "".join(MONTHS[lang]) + NUMFMT[self.numstyle][0]
        fams = [f for f in fams if has_glyphs(f, need)] or ["DejaVu Sans"]
        self.family = family or pick(rng, fams)
        self.size = size or pick(rng, [s / 2 for s in range(int(size_range[0] * 2), int(size_range[1] * 2) + 1)])
        # dates
        start = date(2023, 1, 2)
        self.date = start + timedelta(days=rng.randint(0, 900))
        self.due = self.date + timedelta(days=pick(rng, [7, 10, 14, 14, 30, 30, 45, 60]))
        self.order_date = self.date - timedelta(days=rng.randint(3, 40))
        self.delivery_date = self.date - timedelta(days=rng.randint(0, 6))
        self.number = inv_number(rng, self.date.year, lang)

    def parties(self, person_customer=None):
        rng, lang = self.rng, self.lang
        self.issuer, self.brand = company(rng, lang, self.us, TRADE_BY_ARCH.get(self.arch, {}).get(lang))
        self.issuer_addr = address(rng, lang, self.us)
        self.issuer_vat = VATID[lang](rng)
        self.iban = iban(rng, lang)
        if self.us:
            self.issuer_vat = f"{digits(rng, 2)}-{digits(rng, 7)}"
            self.iban = f"ABA {digits(rng, 9)} / Acct {digits(rng, 10)}"
            self.L["iban"] = "ACH"
        self.phone = {"en": "+1 " if self.us else "+44 ", "de": "+49 ", "fr": "+33 ", "es": "+34 ", "it": "+39 ", "nl": "+31 ",
                      "pt": "+351 ", "cs": "+420 ", "fi": "+358 ", "no": "+47 ", "hu": "+36 ", "tr": "+90 ", "ro": "+40 "}[lang] + \
            f"{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        dom = self.brand.lower().replace(" ", "").replace("&", "")
        dom = "".join(c for c in dom if c.isascii() and c.isalnum()) or "mail"
        self.email = f"{pick(rng, ['info', 'billing', 'office', 'accounts'])}@{dom}.{pick(rng, ['com', 'net', 'eu'] if lang == 'en' else [lang if lang != 'en' else 'com', 'com'])}"
        pc = (rng.random() < 0.35) if person_customer is None else person_customer
        if pc:
            self.customer = person(rng, lang)
        else:
            self.customer = company(rng, lang, self.us)[0]
        self.customer_addr = address(rng, lang, self.us)
        self.cust_no = pick(rng, ["K", "C", "KD", "", "D-"]) + str(rng.randint(1000, 99999))
        self.order_no = pick(rng, ["AB-", "SO", "ORD-", "A", ""]) + f"{self.date.year % 100:02d}{rng.randint(1000, 99999)}"
        self.po = pick(rng, ["PO-", "45", "BE-", "P"]) + digits(rng, pick(rng, [5, 6, 8]))

    # ---- formatting ----
    def n(self, v, dec=None):
        return fmt_num(v, self.numstyle, self.dec if dec is None else dec)

    def qty(self, v):
        v = D(v)
        if v == v.to_integral_value():
            return str(int(v))
        s = qstr(v)
        return s.replace(".", NUMFMT[self.numstyle][1])

    def rate(self, r):
        return self.qty(r)

    def deco(self, s, force=False):
        m = self.cur_mode
        if m in ("sym_before", "sym_after"):
            sym = self.sym
        else:
            sym = self.cur
        if m.endswith("_before") or (force and m == "totals" and self.sym in ("$", "£", "€") and self.lang == "en"):
            j = "" if sym in ("$", "US$", "£") else " "
            if s.startswith("-"):
                return "-" + sym + j + s[1:]
            return sym + j + s
        return s + "\u00a0" + sym if (self.lang == "fr" and sym == "€" and self.numstyle == "fr_nbsp") else s + " " + sym

    def m(self, v, where="cell"):
        """where: cell (table cells), sum (subtotal/tax lines), total (grand total)."""
        s = self.n(v)
        m = self.cur_mode
        if m in ("none", "heading", "column"):
            return s
        if m == "totals":
            return self.deco(s, True) if where == "total" else s
        if where == "cell" and not self.cur_in_cells:
            return s
        return self.deco(s)

    def head(self, label):
        """column heading, with the currency where the mode puts it in headings."""
        if self.cur_mode == "heading":
            c = pick(random.Random(label), [self.cur, self.sym])
            return f"{label} ({c})" if self.lang != "de" else f"{label} in {c}"
        return label

    def d(self, dt):
        return fmt_date(dt, self.date_style, self.lang)

    def vat_label(self, r):
        return self.L["vat"].format(r=self.rate(r))

    def price(self, lo, hi):
        if self.dec == 0:
            v = D(self.rng.randint(int(lo), int(hi)))
            return q(v, 0) if v < 1000 else q(v / 10, 0) * 10
        return q(D(str(self.rng.uniform(lo, hi))), 2)

    def item(self, desc, qty, price, unit=None, **kw):
        it = dict(desc=desc, qty=qty, price=price, unit=unit, amount=q(qty * price, self.dec), qty_printed=True,
                  price_printed=True, notes=[])
        it.update(kw)
        return it

    def unit(self, key):
        return UNITS[self.lang].get(key, key) if key else ""

    # ---- totals ----
    def compute(self, rates=None, base_extra=D(0)):
        """net items; rates: single rate or per-item it['rate']."""
        self.subtotal = sum((it["amount"] for it in self.items), D(0))
        groups = {}
        for it in self.items:
            r = D(it.get("rate", rates if rates is not None else 0))
            groups[r] = groups.get(r, D(0)) + it["amount"]
        if base_extra and len(groups) == 1:
            r = next(iter(groups))
            groups[r] += base_extra
        self.tax_groups = [(r, b, q(b * r / 100, self.dec)) for r, b in sorted(groups.items(), reverse=True)]
        self.tax = sum((t for _, _, t in self.tax_groups), D(0))
        self.total = self.subtotal + sum((c[2] for c in self.charges), D(0)) + self.tax

    def truth(self, pages):
        f = dict(self.features)
        f.update({"font_family": self.family, "font_size": self.size, "page_size": [round(self.pagesize[0], 2), round(self.pagesize[1], 2)],
                  "date_style": self.date_style, "date_printed": self.d(self.date), "number_format": self.numstyle,
                  "currency_mode": self.cur_mode, "currency_symbol": self.sym if self.cur_mode != "none" else "",
                  "distractors": sorted(set(self.distractors)), "charges": {c[1]: dstr(c[2]) for c in self.charges},
                  "items_sum": self.items_sum, "tax_printed": self.tax_printed, "n_items": len(self.items), "n_pages": pages})
        return {
            "invoice_number": self.number, "invoice_date": self.date.isoformat(), "issuer": self.issuer,
            "customer": self.customer, "total": dstr(q(self.total, self.dec)), "subtotal": dstr(q(self.subtotal, self.dec)),
            "tax": dstr(q(self.tax, self.dec)), "currency": "" if self.cur_mode == "none" else self.cur,
            "items": [{"description": it["desc"], "quantity": qstr(it["qty"]) if it["qty_printed"] and it["qty"] is not None else None,
                       "unit_price": dstr(it["price"]) if it["price_printed"] and it["price"] is not None else None,
                       "amount": dstr(it["amount"])} for it in self.items],
            "features": f,
        }

    # ---- common blocks ----
    def meta_pairs(self, k_extra=None):
        """invoice number, date and a random set of distractor numbers/dates."""
        rng, L = self.rng, self.L
        pairs = [(L["no"], self.number), (L["date"], self.d(self.date))]
        opts = [("cust_no", (L["cust_no"], self.cust_no)), ("order_no", (L["order_no"], self.order_no)), ("po", (L["po"], self.po)),
                ("due_date", (L["due"], self.d(self.due))), ("delivery_date", (L["delivery"], self.d(self.delivery_date))),
                ("order_date", (L["order_date"], self.d(self.order_date)))]
        chosen = rng.sample(opts, rng.randint(1, 4) if k_extra is None else k_extra)
        for key, p in chosen:
            self.distractors.append(key)
            pairs.append(p)
        if rng.random() < 0.3:
            pairs = [pairs[1], pairs[0]] + pairs[2:]
        if rng.random() < 0.3 and len(pairs) > 3:
            pairs.insert(0, pairs.pop(2))
        return pairs

    def footer_lines(self, with_name=True):
        L = self.L
        a = ([self.issuer] if with_name else []) + list(self.issuer_addr)
        b = [f"{L['phone']} {self.phone}", self.email, f"{L['vat_id']}: {self.issuer_vat}"]
        c = [f"{L['iban']}: {self.iban}", "BIC: " + "".join(pick(self.rng, "ABCDEFGHKLMNPRSTUVWXZ") for _ in range(4)) + self.iban[:2] + "XX"]
        self.distractors += ["vat_id", "iban"]
        return [a, b, c]


def draw_footer(doc, iv, cols, page_label=True, size=None, pages=None):
    size = size or max(6.5, iv.size - 2)
    k0, k1 = pages or (0, len(doc.pages))
    n = k1 - k0
    for k in range(k0, k1):
        doc.use_page(k)
        if cols:
            nl = max(len(c) for c in cols)
            y0 = doc.h - doc.mb - nl * size * 1.25 + 4
            doc.line(doc.ml, y0 - 4, doc.right, y0 - 4, 0.4, (0.5, 0.5, 0.5))
            cw = (doc.right - doc.ml) / len(cols)
            for j, c in enumerate(cols):
                for i, t in enumerate(c):
                    doc.text(doc.ml + j * cw, y0 + i * size * 1.25 + size, t, size, "r", "l", (0.3, 0.3, 0.3))
        if page_label and n > 1:
            doc.text(doc.right, doc.h - 14, iv.L["page"].format(p=k - k0 + 1, n=n), size, "r", "r", (0.3, 0.3, 0.3))
    doc.use_page(len(doc.pages) - 1)


def footer_height(iv, cols, size=None):
    size = size or max(6.5, iv.size - 2)
    return (max(len(c) for c in cols) * size * 1.25 + 12) if cols else 0


def scale_cols(cols, total_w):
    s = sum(c["w"] for c in cols)
    for c in cols:
        c["w"] = c["w"] * total_w / s
    return cols


ACCENTS = [(0.10, 0.25, 0.45), (0.55, 0.12, 0.12), (0.1, 0.4, 0.3), (0.25, 0.25, 0.25), (0.35, 0.2, 0.5), (0.0, 0.35, 0.55)]
TAGLINES = {"en": ["Quality since 1987", "Your partner for better buildings", "Design · Print · Deliver"],
            "de": ["Qualität aus Meisterhand", "Ihr Partner am Bau", "Seit 1984 für Sie da"],
            "fr": ["Le savoir-faire depuis 1979", "Votre partenaire de confiance"],
            "es": ["Calidad y servicio desde 1992", "Su socio de confianza"],
            "it": ["Qualità dal 1975", "Il vostro partner di fiducia"],
            "nl": ["Vakmanschap sinds 1988", "Uw partner in techniek"],
            "pt": ["Qualidade desde 1990", "O seu parceiro de confiança"]}


def style_choices(iv, positions=("left", "right", "center", "footer", "brand")):
    rng = iv.rng
    iv.issuer_pos = pick(rng, positions)
    iv.accent = pick(rng, ACCENTS)
    iv.name_size = iv.size + pick(rng, [2, 3, 4, 6])
    iv.brand_size = pick(rng, [20, 22, 24, 28])
    iv.sender_line = iv.issuer_pos == "brand" or (iv.issuer_pos == "left" and rng.random() < 0.4)
    iv.title_pos = pick(rng, ["left", "right"])
    iv.bill_label = rng.random() < 0.6
    iv.features["issuer_position"] = iv.issuer_pos


def std_header(doc, iv, title, meta, extra_left=None, meta_title=None):
    """issuer block, title, customer (left) and meta pairs (right).  Leaves doc.y below everything."""
    S, L, grey = iv.size, iv.L, (0.3, 0.3, 0.3)
    pos = iv.issuer_pos
    y = doc.mt
    if pos in ("left", "right", "center"):
        x, al = {"left": (doc.ml, "l"), "right": (doc.right, "r"), "center": (doc.w / 2, "c")}[pos]
        y += iv.name_size
        doc.text(x, y, iv.issuer, iv.name_size, "b", al, iv.accent)
        for ln in iv.issuer_addr + [f"{L['phone']} {iv.phone}"]:
            y += (S - 0.5) * 1.3
            doc.text(x, y, ln, S - 0.5, "r", al, grey)
    elif pos == "brand":
        y += iv.brand_size
        doc.text(doc.ml, y, iv.brand.upper(), iv.brand_size, "b", "l", iv.accent)
        y += S * 1.5
        doc.text(doc.ml, y, pick(iv.rng, TAGLINES.get(iv.lang, TAGLINES["en"])), S - 0.5, "i", "l", grey)
    else:
        doc.rect(doc.ml, y, doc.right, y + 4, fill=iv.accent, stroke=None)
        y += 6
    y += S * 2.2
    ytop = y
    if iv.sender_line:
        sl = f"{iv.issuer} · {iv.issuer_addr[0]} · {iv.issuer_addr[-1]}"
        doc.text(doc.ml, y, sl, max(6, S - 2.5), "r", "l", grey)
        doc.line(doc.ml, y + 2, doc.ml + doc.tw(sl, max(6, S - 2.5)), y + 2, 0.3, grey)
        y += S * 1.6
    if iv.title_pos == "left":
        y += S + 6
        doc.text(doc.ml, y, title, S + 7, "b", "l", iv.accent)
        y += S * 1.4
    if iv.bill_label:
        y += S * 1.35
        doc.text(doc.ml, y, L["bill_to"], S - 1, "b", "l", grey)
    y += S * 1.35
    doc.text(doc.ml, y, iv.customer, S + 0.5, "b")
    for ln in iv.customer_addr + (extra_left or []):
        y += S * 1.32
        doc.text(doc.ml, y, ln, S)
    # right column
    xr = doc.ml + (doc.right - doc.ml) * 0.58
    yr = ytop
    if iv.title_pos == "right":
        yr += S + 6
        doc.text(doc.right, yr, title, S + 7, "b", "r", iv.accent)
        yr += S * 0.8
    if meta_title:
        yr += S * 1.4
        doc.text(xr, yr, meta_title, S, "b")
    if meta:
        lw = max(doc.tw(a, S - 0.5) for a, _ in meta) + 8
        vx = max(xr + lw, doc.right - max(doc.tw(b, S) for _, b in meta) - 2)
        yr = draw_pairs(doc, min(xr, vx - lw), yr, meta, S, value_x=vx)
    doc.y = max(y, yr) + S * 2.2


def balance_rows(iv, p=0.3):
    rng, L = iv.rng, iv.L
    if rng.random() >= p:
        return []
    dep = q(iv.total * D(pick(rng, ["0.2", "0.3", "0.5", "0.25"])), iv.dec)
    lab = pick(rng, ["deposit", "paid"])
    iv.distractors += [lab, "balance_due"]
    return [(L[lab], "-" + iv.m(dep, "sum"), "r"), (L["balance"], iv.m(iv.total - dep, "total"), "b")]


def std_totals(iv, pre=None, charges_before_tax=True):
    L = iv.L
    rows = [(L["subtotal"], iv.m(iv.subtotal, "sum"), "r")]
    for lab, key, amt in iv.charges:
        if key != "tip":
            rows.append((lab, iv.m(amt, "sum"), "r"))
    for r, b, t in iv.tax_groups:
        rows.append((iv.vat_label(r), iv.m(t, "sum"), "r"))
    for lab, key, amt in iv.charges:
        if key == "tip":
            rows.append((lab, iv.m(amt, "sum"), "r"))
    rows.append((L["total"], iv.m(iv.total, "total"), "b"))
    return rows


def new_page_banner(iv):
    def f(doc):
        doc.text(doc.ml, doc.y + iv.size, f"{iv.L['title']} {iv.number}", iv.size - 0.5, "r", "l", (0.35, 0.35, 0.35))
        doc.y += iv.size * 2.2
    return f


def simple_item_cols(iv, width, pos=True, unit_col=False):
    L = iv.L
    cols = []
    if pos:
        cols.append(dict(key="pos", head=L["pos"], w=26, align="l"))
    cols.append(dict(key="desc", head=L["desc"], w=230, align="l", wrap=True))
    cols.append(dict(key="qty", head=L["qty"], w=44, align="r"))
    if unit_col:
        cols.append(dict(key="unit", head=L["unit"], w=36, align="l"))
    cols.append(dict(key="price", head=iv.head(L["unit_price"]), w=70, align="r"))
    cols.append(dict(key="amount", head=iv.head(L["amount"]), w=76, align="r"))
    return scale_cols(cols, width)


def simple_rows(iv, unit_col=False, qty_with_unit=False):
    rows = []
    for i, it in enumerate(iv.items):
        qtxt = iv.qty(it["qty"])
        if qty_with_unit and it.get("unit"):
            qtxt += " " + iv.unit(it["unit"])
        rows.append(dict(cells=dict(pos=str(i + 1), desc=it["desc"], qty=qtxt, unit=iv.unit(it.get("unit")),
                                    price=iv.m(it["price"]), amount=iv.m(it["amount"])), notes=it.get("notes", [])))
    return rows


def pay_sentence(iv):
    L = iv.L
    return L["terms"].format(d=(iv.due - iv.date).days)


# ---------------------------------------------------------------------------------------------- 1 construction
CON = {
    "de": dict(title="{k}. Abschlagsrechnung", project="Bauvorhaben", objs=["Neubau Mehrfamilienhaus", "Sanierung Schulgebäude", "Erweiterung Lagerhalle"],
               cols=("Pos.", "Leistung", "Auftragssumme", "Stand", "Leistung kumuliert", "bisher abgerechnet", "diese Rechnung"),
               contract="Auftragssumme netto", cum="Gesamtleistung kumuliert netto", prev="abzgl. bisherige Abschlagsrechnungen",
               this="Leistung dieser Rechnung netto", ret="abzgl. Sicherheitseinbehalt {r} %", net="Nettobetrag", gross="Rechnungsbetrag brutto",
               odate="Auftrag vom", period="Leistungsstand per", pay="Bitte überweisen Sie den Rechnungsbetrag bis zum {d}."),
    "fr": dict(title="Situation de travaux n° {k}", project="Chantier", objs=["Construction de 12 logements collectifs", "Réhabilitation du groupe scolaire", "Extension d'un entrepôt"],
               cols=("N°", "Désignation des ouvrages", "Montant marché HT", "Avancement", "Cumul HT", "Situations précédentes", "Montant de la situation"),
               contract="Montant du marché HT", cum="Total cumulé des travaux HT", prev="Déduction des situations antérieures",
               this="Montant HT de la présente situation", ret="Retenue de garantie {r} %", net="Net HT", gross="Net à payer TTC",
               odate="Ordre de service du", period="Travaux arrêtés au", pay="Règlement par virement avant le {d}."),
    "en": dict(title="Progress Invoice No. {k}", project="Project", objs=["New build, 14 residential units", "School refurbishment, Block B", "Warehouse extension"],
               cols=("Item", "Description of work", "Contract value", "Complete", "Value to date", "Previously invoiced", "This invoice"),
               contract="Contract sum", cum="Gross value of work to date", prev="Less previous invoices", this="Value of work this period",
               ret="Less retention {r}%", net="Net amount", gross="Amount due this invoice", odate="Contract date", period="Work valued to",
               pay="Payment is due by {d}."),
    "it": dict(title="Fattura di acconto SAL n. {k}", project="Cantiere", objs=["Nuova costruzione di 10 alloggi", "Ristrutturazione scuola primaria", "Ampliamento capannone"],
               cols=("Pos.", "Descrizione lavori", "Importo contratto", "% eseguito", "Importo progressivo", "Già fatturato", "Importo presente SAL"),
               contract="Importo contrattuale", cum="Totale lavori eseguiti", prev="A dedurre fatture precedenti", this="Importo lavori del periodo",
               ret="Ritenuta a garanzia {r}%", net="Imponibile", gross="Totale fattura", odate="Contratto del", period="Lavori eseguiti al",
               pay="Pagamento entro il {d} tramite bonifico."),
    "nl": dict(title="{k}e termijnfactuur", project="Project", objs=["Nieuwbouw 12 appartementen", "Renovatie basisschool", "Uitbreiding bedrijfshal"],
               cols=("Nr.", "Omschrijving", "Aanneemsom", "Gereed", "Cumulatief", "Eerder gefactureerd", "Deze termijn"),
               contract="Totale aanneemsom", cum="Uitgevoerd werk cumulatief", prev="Af: eerdere termijnen", this="Deze termijn excl. btw",
               ret="Af: inhouding {r}%", net="Netto", gross="Te betalen incl. btw", odate="Opdracht d.d.", period="Stand werkzaamheden per",
               pay="Wij verzoeken u het bedrag vóór {d} over te maken."),
}
CON_POS = {
    "de": ["Baustelleneinrichtung und Vorhaltung", "Erdarbeiten Baugrube", "Stahlbetonarbeiten Bodenplatte", "Mauerwerk Erdgeschoss",
           "Mauerwerk Obergeschoss", "Stahlbetondecke über Erdgeschoss", "Dachstuhl und Eindeckung", "Fenster und Außentüren",
           "Elektroinstallation Rohbau", "Heizungs- und Sanitärinstallation", "Innenputz und Estrich"],
    "fr": ["Installation de chantier", "Terrassements généraux", "Fondations et dallage", "Maçonnerie rez-de-chaussée", "Maçonnerie étage",
           "Plancher béton armé", "Charpente et couverture", "Menuiseries extérieures", "Électricité courants forts", "Plomberie et chauffage",
           "Enduits et chapes"],
    "en": ["Site set-up and preliminaries", "Excavation and earthworks", "Concrete ground slab", "Blockwork, ground floor", "Blockwork, first floor",
           "Reinforced concrete upper floor", "Roof structure and covering", "Windows and external doors", "First-fix electrical installation",
           "Heating and plumbing installation", "Plastering and screed"],
    "it": ["Allestimento cantiere", "Scavi e movimenti terra", "Fondazioni e platea in c.a.", "Murature piano terra", "Murature piano primo",
           "Solaio in latero-cemento", "Copertura e lattonerie", "Serramenti esterni", "Impianto elettrico", "Impianto idrotermosanitario",
           "Intonaci e massetti"],
    "nl": ["Bouwplaatsinrichting", "Grondwerk bouwput", "Funderingen en vloeren", "Metselwerk begane grond", "Metselwerk verdieping",
           "Betonvloeren", "Dakconstructie en dakbedekking", "Kozijnen en buitendeuren", "Elektrotechnische installatie",
           "Werktuigbouwkundige installatie", "Stukadoorwerk en dekvloeren"],
}


def build_construction(rng, lang):
    iv = Inv(rng, lang, "construction")
    iv.setup(en_us=False, size_range=(7, 8.5))
    iv.parties(person_customer=rng.random() < 0.25)
    style_choices(iv)
    C = CON[lang]
    k = rng.randint(2, 8)
    rate = VAT_RATES[iv.vkey][0]
    for desc in rng.sample(CON_POS[lang], rng.randint(4, 9)):
        contract = q(D(rng.randint(40, 900)) * 100 + D(rng.randint(0, 9999)) / 100)
        prev_pct = pick(rng, [0, 10, 20, 25, 30, 40, 50, 60, 75, 80])
        cum_pct = min(100, prev_pct + pick(rng, [5, 10, 15, 20, 25, 30, 40]))
        prev, cum = q(contract * prev_pct / 100), q(contract * cum_pct / 100)
        iv.items.append(dict(desc=desc, qty=None, price=None, amount=cum - prev, qty_printed=False, price_printed=False,
                             contract=contract, pct=cum_pct, cum=cum, prev=prev, notes=[]))
    W = sum(it["amount"] for it in iv.items)
    ret = D(0)
    if rng.random() < 0.75:
        rr = pick(rng, [5, 5, 10])
        ret = q(W * rr / 100)
        iv.charges.append((C["ret"].format(r=rr), "retention", -ret))
    iv.compute(rate, base_extra=-ret)
    iv.features.update(progress_no=k, retention=dstr(ret), landscape=False)
    land = rng.random() < 0.3
    if land:
        iv.pagesize = (iv.pagesize[1], iv.pagesize[0])
        iv.features["landscape"] = True
    doc = Doc(*iv.pagesize, iv.family, iv.size)
    fcols = iv.footer_lines()
    doc.footer_h = footer_height(iv, fcols)
    meta = [(iv.L["no"], iv.number), (iv.L["date"], iv.d(iv.date)), (C["odate"], iv.d(iv.order_date - timedelta(days=rng.randint(60, 400)))),
            (C["period"], iv.d(iv.delivery_date))]
    if rng.random() < 0.5:
        meta.append((iv.L["cust_no"], iv.cust_no))
        iv.distractors.append("cust_no")
    iv.distractors += ["order_date", "period_date", "progress_no", "contract_sum", "cumulative", "previous_invoices"]
    std_header(doc, iv, C["title"].format(k=k), meta)
    doc.para(doc.ml, f"{C['project']}: {pick(rng, C['objs'])}, {address(rng, lang)[0]}", doc.right - doc.ml, iv.size + 0.5, "b")
    doc.y += iv.size
    h = C["cols"]
    cols = scale_cols([dict(key="pos", head=h[0], w=26), dict(key="desc", head=h[1], w=150, wrap=True),
                       dict(key="contract", head=iv.head(h[2]), w=62, align="r"), dict(key="pct", head=h[3], w=54, align="r"),
                       dict(key="cum", head=iv.head(h[4]), w=62, align="r"), dict(key="prev", head=iv.head(h[5]), w=62, align="r"),
                       dict(key="amount", head=iv.head(h[6]), w=62, align="r")], doc.right - doc.ml)
    pfx = pick(rng, ["{:02d}", "1.{}", "{}"])
    rows = [dict(cells=dict(pos=pfx.format(i + 1), desc=it["desc"], contract=iv.m(it["contract"]), pct=f"{it['pct']} %" if lang != "en" else f"{it['pct']}%",
                            cum=iv.m(it["cum"]), prev=iv.m(it["prev"]), amount=iv.m(it["amount"]))) for i, it in enumerate(iv.items)]
    draw_table(doc, doc.ml, cols, rows, iv.size, grid=pick(rng, ["h", "full", "zebra"]), head_fill=pick(rng, [None, (0.88, 0.88, 0.88)]),
               on_new_page=new_page_banner(iv), continued=iv.L["continued"])
    doc.y += iv.size
    ctot = sum(it["contract"] for it in iv.items)
    cum = sum(it["cum"] for it in iv.items)
    prev = sum(it["prev"] for it in iv.items)
    rows = []
    if rng.random() < 0.6:
        rows.append((C["contract"], iv.m(ctot, "sum"), "r"))
    rows += [(C["cum"], iv.m(cum, "sum"), "r"), (C["prev"], iv.m(-prev, "sum"), "r"), (C["this"], iv.m(W, "sum"), "b")]
    if ret:
        rows += [(iv.charges[0][0], iv.m(-ret, "sum"), "r"), (C["net"], iv.m(W - ret, "sum"), "r")]
    rows += [(iv.vat_label(rate), iv.m(iv.tax, "sum"), "r"), (C["gross"], iv.m(iv.total, "total"), "b")]
    xl = doc.right - 270
    draw_totals(doc, xl, doc.right, rows, iv.size)
    doc.y += iv.size
    doc.para(doc.ml, C["pay"].format(d=iv.d(iv.due)), doc.right - doc.ml, iv.size)
    iv.distractors.append("due_date")
    draw_footer(doc, iv, fcols)
    return doc, [iv]


# ---------------------------------------------------------------------------------------------- 2 medical
MED = {
    ("en", "dental"): dict(title="Patient Invoice", patient="Patient", dob="DOB", acct="Account #", period="Treatment dates",
                           cols=dict(date="Date", tooth="Tooth", code="Code", desc="Procedure", factor=None, qty="Qty", price="Fee", amount="Amount"),
                           total="Total charges", ins="Estimated insurance portion", pat="Estimated patient portion", exempt=None,
                           prof="General & Cosmetic Dentistry", us=True, vat=None, billed="Responsible party"),
    ("en", "vet"): dict(title="Invoice", patient="Patient", acct="Client ID", period="Visit date(s)", species=["Canine, Labrador cross, 6 yrs", "Feline, DSH, 11 yrs", "Canine, Border Terrier, 3 yrs"],
                        cols=dict(date="Date", tooth=None, code="Code", desc="Item", factor=None, qty="Qty", price="Unit price", amount="Total"),
                        total="Total", ins="Insurance claim (estimated)", pat="Client contribution", exempt=None, prof="Veterinary Surgeons",
                        us=False, vat=20, billed="Client"),
    ("de", "dental"): dict(title="Rechnung", patient="Patient/in", dob="geb.", acct="Patienten-Nr.", period="Behandlungszeitraum",
                           cols=dict(date="Datum", tooth="Zahn", code="GOZ-Nr.", desc="Leistungsbeschreibung", factor="Faktor", qty="Anz.", price=None, amount="Betrag"),
                           total="Rechnungsbetrag", ins="Voraussichtliche Erstattung Ihrer Versicherung", pat="Voraussichtlicher Eigenanteil",
                           exempt="Umsatzsteuerfrei gemäß § 4 Nr. 14 UStG.", prof="Zahnheilkunde · Implantologie · Prophylaxe", vat=None,
                           billed="Rechnungsempfänger/in"),
    ("de", "vet"): dict(title="Tierärztliche Rechnung", patient="Tier", acct="Kunden-Nr.", period="Behandlungszeitraum",
                        species=["Hund, Labrador, 6 J.", "Katze, EKH, 11 J.", "Hund, Dackel, 3 J."],
                        cols=dict(date="Datum", tooth=None, code="GOT-Nr.", desc="Leistung", factor="Faktor", qty="Anz.", price=None, amount="Betrag"),
                        total="Gesamtbetrag", ins="Erstattung Tierkrankenversicherung (voraussichtlich)", pat="Ihr Eigenanteil", exempt=None,
                        prof="Kleintiere · Chirurgie · Zahnheilkunde", vat=19, billed="Tierhalter/in"),
    ("fr", "vet"): dict(title="Facture", patient="Animal", acct="N° client", period="Date(s) des soins",
                        species=["Chien, Labrador, 6 ans", "Chat, européen, 11 ans", "Chien, Jack Russell, 3 ans"],
                        cols=dict(date="Date", tooth=None, code="Code", desc="Acte / produit", factor=None, qty="Qté", price="P.U. HT", amount="Montant HT"),
                        total="Total TTC", ins="Prise en charge assurance (estimation)", pat="Reste à charge", exempt=None,
                        prof="Médecine · Chirurgie · Imagerie", vat=20, billed="Propriétaire"),
    ("nl", "dental"): dict(title="Nota tandheelkundige zorg", patient="Patiënt", dob="geb.", acct="Patiëntnummer", period="Behandelperiode",
                           cols=dict(date="Datum", tooth="Element", code="Code", desc="Omschrijving", factor=None, qty="Aantal", price="Tarief", amount="Bedrag"),
                           total="Totaal", ins="Vergoed door zorgverzekeraar (indicatie)", pat="Eigen bijdrage", exempt="Vrijgesteld van btw.",
                           prof="Algemene tandheelkunde", vat=None, billed="Verzekerde"),
    ("es", "dental"): dict(title="Factura", patient="Paciente", dob="F. nac.", acct="N.º historia", period="Fechas de tratamiento",
                           cols=dict(date="Fecha", tooth="Pieza", code="Código", desc="Tratamiento", factor=None, qty="Uds.", price="Precio", amount="Importe"),
                           total="Total factura", ins="Cubierto por la aseguradora (estimado)", pat="A cargo del paciente",
                           exempt="Operación exenta de IVA (art. 20.Uno.3.º Ley 37/1992).", prof="Odontología general e implantes", vat=None,
                           billed="Titular"),
}
MED_ITEMS = {
    ("en", "dental"): [("D0120", "Periodic oral evaluation - established patient", 55, 75), ("D0274", "Bitewings - four radiographic images", 60, 90),
                       ("D1110", "Prophylaxis - adult", 90, 130), ("D2391", "Resin-based composite - one surface, posterior", 150, 220),
                       ("D2740", "Crown - porcelain/ceramic", 1000, 1400), ("D4341", "Periodontal scaling and root planing - four or more teeth per quadrant", 200, 280),
                       ("D7140", "Extraction, erupted tooth or exposed root", 150, 250), ("D1206", "Topical application of fluoride varnish", 30, 50),
                       ("D0220", "Intraoral - periapical first radiographic image", 25, 40)],
    ("en", "vet"): [("CON1", "Consultation - standard", 38, 55), ("VAC2", "Booster vaccination (DHP + Lepto)", 45, 70), ("LAB5", "Blood panel - senior wellness", 85, 140),
                    ("DEN3", "Dental scale and polish under general anaesthetic", 250, 420), ("CHP1", "Microchip implantation", 18, 30),
                    ("PAR3", "Anti-parasitic tablet, 3-month pack", 28, 45), ("HOS1", "Hospitalisation per day", 60, 95), ("XR02", "Radiograph - thorax, two views", 120, 190),
                    ("MED7", "Anti-inflammatory oral suspension 30 ml", 15, 32)],
    ("de", "dental"): [("0010", "Eingehende Untersuchung zur Feststellung von Zahn-, Mund- und Kiefererkrankungen", 12, 25), ("1040", "Professionelle Zahnreinigung", 3, 8),
                       ("2060", "Präparieren einer Kavität und Restauration mit Kompositmaterialien, einflächig", 45, 80),
                       ("0070", "Vitalitätsprüfung eines Zahnes oder mehrerer Zähne", 4, 9), ("4050", "Entfernung harter und weicher Zahnbeläge, einwurzelige Zähne", 1, 3),
                       ("3000", "Entfernung eines einwurzeligen Zahnes", 12, 25), ("2197", "Adhäsive Befestigung", 15, 25), ("0100", "Intraorale Leitungsanästhesie", 8, 15)],
    ("de", "vet"): [("1", "Allgemeine Untersuchung mit Beratung, Hund", 23, 35), ("13", "Impfung, einschließlich Impfbescheinigung", 8, 15), ("312", "Blutentnahme, venös", 10, 18),
                    ("336", "Blutbild, großes", 25, 40), ("170", "Injektion, subkutan", 5, 10), ("409", "Röntgenaufnahme, je Aufnahme", 30, 55),
                    ("76", "Zahnsteinentfernung, je Sitzung", 60, 110), ("99", "Medikament: Entzündungshemmer, 30 ml", 12, 28)],
    ("fr", "vet"): [("CS01", "Consultation", 35, 55), ("VAC2", "Vaccin CHPPiL + rage", 55, 80), ("BIO3", "Bilan sanguin complet", 80, 130),
                    ("DET1", "Détartrage sous anesthésie générale", 180, 320), ("IDE1", "Identification par puce électronique", 55, 75),
                    ("ANT3", "Antiparasitaire interne et externe (3 mois)", 25, 45), ("HOS1", "Hospitalisation (par jour)", 40, 70),
                    ("RAD2", "Radiographie thorax, deux incidences", 70, 120)],
    ("nl", "dental"): [("C11", "Periodieke controle", 25, 30), ("X10", "Maken en beoordelen kleine röntgenfoto", 15, 20), ("M03", "Gebitsreiniging, per vijf minuten", 14, 18),
                       ("V92", "Drievlaksvulling composiet", 80, 110), ("H11", "Trekken tand of kies", 55, 70),
                       ("A10", "Geleidings-, infiltratie- en/of intraligamentaire verdoving", 13, 17), ("T021", "Grondig reinigen wortel, per element", 28, 36)],
    ("es", "dental"): [("RV01", "Revisión y diagnóstico", 30, 50), ("LB02", "Limpieza dental (tartrectomía)", 45, 70), ("RX03", "Radiografía periapical", 15, 25),
                       ("OB04", "Empaste de composite", 55, 90), ("EN05", "Endodoncia unirradicular", 150, 250), ("EX06", "Extracción simple", 45, 80),
                       ("FL07", "Aplicación de flúor", 15, 30)],
}
PET_NAMES = ["Bello", "Minka", "Pepper", "Lumi", "Oskar", "Nala", "Fibi", "Toffee"]


def practice_name(rng, lang, kind):
    c = coined(rng)
    f, l = pick(rng, FIRST[lang]), pick(rng, LAST[lang])
    return {("en", "dental"): pick(rng, [f"{c} Dental Group PLLC", f"{l} Family Dentistry, P.C."]),
            ("en", "vet"): pick(rng, [f"{c} Veterinary Centre Ltd", f"{l} & Partners Veterinary Surgeons Ltd"]),
            ("de", "dental"): f"Zahnarztpraxis Dr. {f} {l}", ("de", "vet"): pick(rng, [f"Tierarztpraxis {c}", f"Tierklinik {c} GmbH"]),
            ("fr", "vet"): f"Clinique Vétérinaire {c} SELARL", ("nl", "dental"): f"Tandartsenpraktijk {c} B.V.",
            ("es", "dental"): f"Clínica Dental {c} S.L."}[(lang, kind)]


def build_medical(rng, lang):
    kind = {"en": pick(rng, ["dental", "vet"]), "de": pick(rng, ["dental", "vet"]), "fr": "vet", "nl": "dental", "es": "dental"}[lang]
    M = MED[(lang, kind)]
    iv = Inv(rng, lang, "medical")
    iv.setup(en_us=M.get("us", False) if lang == "en" else None, size_range=(7.5, 9.5), allow_none=True)
    iv.parties(person_customer=True)
    iv.issuer = practice_name(rng, lang, kind)
    iv.email = "info@" + "".join(c for c in iv.issuer.split()[-2 if kind == "dental" and lang == "de" else 1].lower() if c.isascii() and c.isalpha()) + \
        {"en": ".com", "de": ".de", "fr": ".fr", "nl": ".nl", "es": ".es"}[lang]
    iv.features.update(kind=kind, issuer_position="center")
    S, L = iv.size, iv.L
    n = rng.randint(3, 9)
    start = iv.date - timedelta(days=rng.randint(5, 40))
    days = sorted(start + timedelta(days=rng.randint(0, (iv.date - start).days)) for _ in range(n))
    show_qty = rng.random() < 0.85
    show_price = show_qty and M["cols"]["price"] is not None and rng.random() < 0.7
    for i in range(n):
        code, desc, lo, hi = pick(rng, MED_ITEMS[(lang, kind)])
        qty = D(pick(rng, [1, 1, 1, 1, 2, 3])) if show_qty else D(1)
        teeth = [str(rng.randint(1, 32)) for _ in range(6)] + [""] if iv.us else ["11", "16", "24", "36", "37", "45", "46", ""]
        it = iv.item(desc, qty, iv.price(lo, hi), code=code, date=days[i], tooth=pick(rng, teeth),
                     factor=pick(rng, ["2,3", "3,5", "1,8", "2,3"]))
        it["qty_printed"], it["price_printed"] = show_qty, show_price
        iv.items.append(it)
    iv.compute(M["vat"] or 0)
    if not M["vat"]:
        iv.tax_printed = False
        iv.tax_groups = []
    doc = Doc(*iv.pagesize, iv.family, S)
    fcols = [[iv.issuer] + iv.issuer_addr, [f"{L['phone']} {iv.phone}", iv.email], [f"{L['iban']}: {iv.iban}"]]
    iv.distractors.append("iban")
    doc.footer_h = footer_height(iv, fcols)
    accent = pick(rng, ACCENTS)
    y = doc.mt + S + 8
    doc.text(doc.w / 2, y, iv.issuer, S + 6, "b", "c", accent)
    y += S * 1.5
    doc.text(doc.w / 2, y, M["prof"], S, "i", "c", (0.3, 0.3, 0.3))
    y += S * 1.4
    doc.text(doc.w / 2, y, " · ".join(iv.issuer_addr + [iv.phone]), S - 1, "r", "c", (0.3, 0.3, 0.3))
    doc.line(doc.ml, y + 6, doc.right, y + 6, 0.8, accent)
    y += S * 3
    doc.text(doc.ml, y, M["billed"], S - 1, "b", "l", (0.35, 0.35, 0.35))
    yl = y
    for ln in [iv.customer] + iv.customer_addr:
        yl += S * 1.32
        doc.text(doc.ml, yl, ln, S)
    yl += S * 1.8
    if kind == "vet":
        pet = f"{M['patient']}: {pick(rng, PET_NAMES)} ({pick(rng, M['species'])})"
    else:
        patient = iv.customer if rng.random() < 0.6 else f"{pick(rng, FIRST[lang])} {iv.customer.split()[-1]}"
        dob = date(rng.randint(1950, 2015), rng.randint(1, 12), rng.randint(1, 28))
        pet = f"{M['patient']}: {patient}, {M.get('dob', 'DOB')} {iv.d(dob)}"
        iv.distractors.append("birth_date")
    doc.text(doc.ml, yl, pet, S)
    meta = [(L["no"], iv.number), (L["date"], iv.d(iv.date)), (M["acct"], iv.cust_no),
            (M["period"], f"{iv.d(days[0])} – {iv.d(days[-1])}" if days[0] != days[-1] else iv.d(days[0]))]
    iv.distractors += ["account_no", "treatment_dates", "line_dates"]
    if rng.random() < 0.4:
        meta.append((L["due"], iv.d(iv.due)))
        iv.distractors.append("due_date")
    doc.text(doc.right, y, M["title"], S + 4, "b", "r", accent)
    lw = max(doc.tw(a, S) for a, _ in meta) + 10
    vw = max(doc.tw(b, S) for _, b in meta)
    yr = draw_pairs(doc, doc.right - lw - vw, y + S * 0.6, meta, S, value_x=doc.right - vw)
    doc.y = max(yl, yr) + S * 2.5
    c = M["cols"]
    cols = [dict(key="date", head=c["date"], w=58)]
    if c["tooth"] and rng.random() < 0.75:
        cols.append(dict(key="tooth", head=c["tooth"], w=32, align="c"))
    cols.append(dict(key="code", head=c["code"], w=46))
    cols.append(dict(key="desc", head=c["desc"], w=210, wrap=True))
    if c["factor"]:
        cols.append(dict(key="factor", head=c["factor"], w=36, align="r"))
        iv.distractors.append("factor")
    if show_qty:
        cols.append(dict(key="qty", head=c["qty"], w=30, align="r"))
    if show_price:
        cols.append(dict(key="price", head=iv.head(c["price"]), w=56, align="r"))
    cols.append(dict(key="amount", head=iv.head(c["amount"]), w=62, align="r"))
    scale_cols(cols, doc.right - doc.ml)
    rows = [dict(cells=dict(date=iv.d(it["date"]), tooth=it["tooth"], code=it["code"], desc=it["desc"], factor=it["factor"],
                            qty=iv.qty(it["qty"]), price=iv.m(it["price"]), amount=iv.m(it["amount"]))) for it in iv.items]
    draw_table(doc, doc.ml, cols, rows, S, grid=pick(rng, ["h", "none", "zebra"]), head_fill=pick(rng, [None, (0.9, 0.93, 0.96)]),
               on_new_page=new_page_banner(iv), continued=L["continued"])
    doc.y += S * 0.5
    if iv.tax_printed:
        rows = std_totals(iv)
        rows[-1] = (M["total"], rows[-1][1], "b")
    else:
        rows = [(M["total"], iv.m(iv.total, "total"), "b")]
    draw_totals(doc, doc.right - 230, doc.right, rows, S)
    share = q(iv.total * D(pick(rng, ["0.5", "0.6", "0.7", "0.8", "0.9"])), iv.dec)
    doc.y += S * 0.4
    draw_totals(doc, doc.right - 230, doc.right, [(M["ins"], iv.m(share, "sum"), "r"), (M["pat"], iv.m(iv.total - share, "sum"), "r")],
                S - 0.5, rule_before_last=False)
    iv.distractors += ["insurer_share", "patient_share"]
    if M["exempt"]:
        doc.para(doc.ml, M["exempt"], doc.right - doc.ml, S - 0.5, "i")
    doc.para(doc.ml, pay_sentence(iv), doc.right - doc.ml, S - 0.5)
    draw_footer(doc, iv, fcols)
    return doc, [iv]


# ---------------------------------------------------------------------------------------------- 3 catering
CAT = {
    "en": dict(event="Event", guests="Guests", venue="Venue", edate="Event date", per="Price per person", service="Service charge {r}%",
               tip="Gratuity", types=["Wedding reception", "Company summer party", "Product launch dinner", "Retirement buffet"],
               items=[("Welcome drink: sparkling wine or elderflower spritz", "pp", 6, 12), ("Canapés, four pieces per guest", "pp", 8, 14),
                      ("Starter: beetroot carpaccio with goat cheese", "pp", 9, 15), ("Main course: braised beef cheek, root vegetables", "pp", 22, 34),
                      ("Vegetarian main: wild mushroom risotto", "few", 18, 26), ("Dessert buffet", "pp", 9, 16), ("Coffee, tea and petits fours", "pp", 4, 7),
                      ("House wine, red and white (bottle)", "n", 18, 32), ("Soft drinks and mineral water", "pp", 4, 8), ("Late-night snack: mini burgers", "pp", 6, 10),
                      ("Waiting staff", "h", 28, 38), ("Bar staff", "h", 28, 38), ("Room hire, evening", "flat", 400, 1200),
                      ("Table linen and centrepieces", "flat", 150, 450), ("Children's menu", "few", 12, 18)]),
    "fr": dict(event="Événement", guests="Convives", venue="Lieu", edate="Date de l'événement", per="Prix par personne", service="Service {r} %",
               tip="Pourboire", types=["Mariage", "Soirée d'entreprise", "Cocktail dînatoire", "Séminaire résidentiel"],
               items=[("Apéritif : crémant et jus de fruits", "pp", 6, 12), ("Pièces cocktail, 4 par convive", "pp", 8, 14), ("Entrée : velouté de potimarron", "pp", 8, 14),
                      ("Plat : suprême de volaille, gratin dauphinois", "pp", 20, 32), ("Plat végétarien : risotto aux cèpes", "few", 17, 25),
                      ("Buffet de desserts", "pp", 9, 15), ("Café et mignardises", "pp", 3, 6), ("Vin rouge et blanc (bouteille)", "n", 16, 30),
                      ("Softs et eaux minérales", "pp", 3, 7), ("Personnel de service", "h", 30, 40), ("Location de salle", "flat", 500, 1500),
                      ("Nappage et décoration florale", "flat", 150, 400), ("Menu enfant", "few", 12, 18)]),
    "es": dict(event="Evento", guests="Comensales", venue="Lugar", edate="Fecha del evento", per="Precio por persona", service="Servicio {r} %",
               tip="Propina", types=["Banquete de boda", "Cena de empresa", "Cóctel de inauguración", "Comunión"],
               items=[("Cóctel de bienvenida con cava", "pp", 6, 12), ("Canapés variados, 4 por persona", "pp", 7, 13), ("Entrante: ensalada templada de queso de cabra", "pp", 8, 14),
                      ("Principal: carrillera ibérica al vino tinto", "pp", 18, 30), ("Principal vegetariano: arroz de verduras", "few", 15, 22),
                      ("Mesa de postres", "pp", 8, 14), ("Café e infusiones", "pp", 2, 5), ("Vino tinto y blanco (botella)", "n", 12, 28),
                      ("Refrescos y agua mineral", "pp", 3, 6), ("Camareros", "h", 22, 30), ("Alquiler del salón", "flat", 400, 1200),
                      ("Mantelería y centros de mesa", "flat", 120, 380), ("Menú infantil", "few", 12, 18)]),
    "it": dict(event="Evento", guests="Ospiti", venue="Location", edate="Data evento", per="Prezzo a persona", service="Servizio {r}%",
               tip="Mancia", types=["Ricevimento di nozze", "Cena aziendale", "Aperitivo di inaugurazione", "Pranzo di battesimo"],
               items=[("Aperitivo di benvenuto con prosecco", "pp", 6, 12), ("Stuzzichini, 4 pezzi a persona", "pp", 7, 13), ("Antipasto: tagliere di salumi e formaggi", "pp", 9, 15),
                      ("Primo: risotto alla milanese", "pp", 10, 16), ("Secondo: brasato al Barolo con polenta", "pp", 18, 28),
                      ("Menù vegetariano", "few", 22, 32), ("Buffet di dolci", "pp", 8, 14), ("Caffè e amari", "pp", 3, 6), ("Vino rosso e bianco (bottiglia)", "n", 14, 30),
                      ("Personale di sala", "h", 24, 34), ("Affitto sala", "flat", 400, 1200), ("Allestimento floreale", "flat", 150, 450)]),
    "de": dict(event="Veranstaltung", guests="Gäste", venue="Ort", edate="Veranstaltungsdatum", per="Preis pro Person", service="Servicepauschale {r} %",
               tip="Trinkgeld", types=["Hochzeitsfeier", "Sommerfest", "Jubiläumsempfang", "Weihnachtsfeier"],
               items=[("Sektempfang mit alkoholfreier Alternative", "pp", 6, 12), ("Fingerfood, 4 Stück pro Gast", "pp", 8, 14), ("Vorspeise: Feldsalat mit Walnüssen", "pp", 8, 14),
                      ("Hauptgang: Rinderschmorbraten mit Rotkohl", "pp", 22, 32), ("Vegetarischer Hauptgang: Kürbisrisotto", "few", 17, 25),
                      ("Dessertbuffet", "pp", 9, 15), ("Kaffee und Gebäck", "pp", 3, 6), ("Hauswein rot und weiß (Flasche)", "n", 18, 30),
                      ("Softgetränke und Mineralwasser", "pp", 4, 7), ("Servicepersonal", "h", 30, 40), ("Saalmiete", "flat", 400, 1200),
                      ("Tischwäsche und Blumendekoration", "flat", 150, 450), ("Kindermenü", "few", 12, 18)]),
    "pt": dict(event="Evento", guests="Convidados", venue="Local", edate="Data do evento", per="Preço por pessoa", service="Taxa de serviço {r}%",
               tip="Gorjeta", types=["Casamento", "Jantar de empresa", "Batizado", "Cocktail de lançamento"],
               items=[("Welcome drink com espumante", "pp", 5, 10), ("Salgadinhos, 4 por convidado", "pp", 6, 11), ("Entrada: creme de legumes", "pp", 4, 8),
                      ("Prato de peixe: bacalhau com broa", "pp", 14, 22), ("Prato de carne: lombo assado", "pp", 14, 22), ("Prato vegetariano", "few", 12, 18),
                      ("Buffet de sobremesas", "pp", 7, 12), ("Café", "pp", 1, 3), ("Vinho tinto e branco (garrafa)", "n", 10, 24), ("Empregados de mesa", "h", 18, 26),
                      ("Aluguer da sala", "flat", 300, 900), ("Decoração floral", "flat", 120, 380)]),
}


def build_catering(rng, lang):
    iv = Inv(rng, lang, "catering")
    iv.setup(size_range=(7.5, 10))
    iv.parties(person_customer=rng.random() < 0.5)
    style_choices(iv, ("left", "center", "brand", "right"))
    C = CAT[lang]
    S, L = iv.size, iv.L
    guests = rng.randint(25, 140)
    for desc, kind, lo, hi in rng.sample(C["items"], rng.randint(8, len(C["items"]))):
        if kind == "pp":
            qty, u = D(guests - pick(rng, [0, 0, 0, rng.randint(1, 8)])), "pers"
        elif kind == "few":
            qty, u = D(rng.randint(2, 14)), "pers"
        elif kind == "n":
            qty, u = D(rng.randint(guests // 4, guests // 2 + 1)), "pc"
        elif kind == "h":
            qty, u = D(rng.randint(2, 6) * pick(rng, [4, 5, 6, 7])), "h"
        else:
            qty, u = D(1), "flat"
        iv.items.append(iv.item(desc, qty, iv.price(lo, hi), unit=u, kind=kind))
    iv.subtotal = sum(it["amount"] for it in iv.items)
    sr = pick(rng, [10, 10, 12, 15, 18] if lang == "en" else [10, 10, 12, 15])
    if iv.us:
        sr = pick(rng, [18, 20, 22])
    if rng.random() < 0.8:
        iv.charges.append((C["service"].format(r=sr), "service_charge", q(iv.subtotal * sr / 100, iv.dec)))
    rate = {"en_us": pick(rng, VAT_RATES["en_us"]), "en_gb": 20, "de": 19, "fr": 10, "es": 10, "it": 10, "pt": 13, "ch": D("8.1")}[iv.vkey]
    extra = sum((c[2] for c in iv.charges), D(0))
    iv.compute(rate, base_extra=extra)
    if rng.random() < 0.6:
        tip = D(pick(rng, [50, 100, 150, 200, 250])) if rng.random() < 0.6 else q(iv.subtotal * D("0.05"), 0)
        iv.charges.append((C["tip"], "tip", q(tip, iv.dec)))
        iv.compute(rate, base_extra=extra)
    iv.features.update(guests=guests, service_rate=sr)
    doc = Doc(*iv.pagesize, iv.family, S)
    fcols = iv.footer_lines()
    doc.footer_h = footer_height(iv, fcols)
    ev_date = iv.date - timedelta(days=rng.randint(1, 12))
    vpre = {"en": ["The", "Old"], "de": ["Gut", "Schloss"], "fr": ["Domaine de", "Château de"], "es": ["Finca", "Hacienda"],
            "it": ["Villa", "Tenuta"], "pt": ["Quinta da", "Casa da"]}[lang]
    venue = f"{pick(rng, vpre)} {coined(rng)}"
    extra_left = [""] + [f"{C['event']}: {pick(rng, C['types'])}", f"{C['edate']}: {iv.d(ev_date)}", f"{C['guests']}: {guests}", f"{C['venue']}: {venue}"]
    iv.distractors += ["event_date", "guest_count"]
    std_header(doc, iv, L["title"], iv.meta_pairs(rng.randint(1, 3)), extra_left=extra_left)
    cols = scale_cols([dict(key="desc", head=L["desc"], w=250, wrap=True), dict(key="qty", head=L["qty"], w=50, align="r"),
                       dict(key="price", head=iv.head(C["per"] if rng.random() < 0.5 else L["unit_price"]), w=70, align="r"),
                       dict(key="amount", head=iv.head(L["amount"]), w=70, align="r")], doc.right - doc.ml)
    rows = [dict(cells=dict(desc=it["desc"], qty=f"{iv.qty(it['qty'])} {iv.unit(it['unit'])}" if it["unit"] != "flat" else "1",
                            price=iv.m(it["price"]), amount=iv.m(it["amount"]))) for it in iv.items]
    draw_table(doc, doc.ml, cols, rows, S, grid=pick(rng, ["h", "none", "zebra"]), head_fill=pick(rng, [None, (0.95, 0.92, 0.86)]),
               on_new_page=new_page_banner(iv), continued=L["continued"], lhf=1.15, pad=2)
    doc.y += S
    rows = std_totals(iv) + balance_rows(iv, 0.45)
    draw_totals(doc, doc.right - 200, doc.right - 6, rows, S, box=pick(rng, [(0.95, 0.95, 0.95), (0.93, 0.96, 0.93), (1, 1, 1)]))
    doc.y += S
    doc.para(doc.ml, L["thanks"], doc.right - doc.ml, S, "i")
    draw_footer(doc, iv, fcols)
    return doc, [iv]


# ---------------------------------------------------------------------------------------------- 4 ruled grid
GRID = {"en": ("Price", "unit", "total", "Cur.", "Item code"), "de": ("Preis", "Einzel", "Gesamt", "Whg.", "Art.-Nr."),
        "fr": ("Prix HT", "unitaire", "total", "Devise", "Réf. article"), "es": ("Precio", "unitario", "total", "Moneda", "Código"),
        "it": ("Prezzo", "unitario", "totale", "Valuta", "Codice"), "nl": ("Prijs", "per stuk", "totaal", "Valuta", "Art.nr."),
        "pt": ("Preço", "unitário", "total", "Moeda", "Código")}


def grid_cells(doc, x, y, cells, S, fill_labels=(0.88, 0.88, 0.88), widths=None):
    """a 2-row grid: labels (shaded, small) above values."""
    widths = widths or [max(doc.tw(a, S - 1.5), doc.tw(b, S)) + 14 for a, b in cells]
    h1, h2 = S * 1.5, S * 1.9
    xx = x
    for (a, b), w in zip(cells, widths):
        doc.rect(xx, y, xx + w, y + h1, fill=fill_labels, stroke=(0.3, 0.3, 0.3))
        doc.rect(xx, y + h1, xx + w, y + h1 + h2, stroke=(0.3, 0.3, 0.3))
        doc.text(xx + 4, y + h1 - S * 0.45, a, S - 1.5, "b")
        doc.text(xx + 4, y + h1 + h2 - S * 0.55, b, S)
        xx += w
    return y + h1 + h2


def build_ruled_grid(rng, lang):
    iv = Inv(rng, lang, "ruled_grid")
    iv.setup(size_range=(7.5, 9.5), modes=["column"])
    iv.parties()
    style_choices(iv, ("left", "right", "center", "brand", "footer"))
    iv.title_pos = "right"
    G = GRID[lang]
    S, L = iv.size, iv.L
    iv.items = goods_items(iv, rng.randint(4, 14))
    iv.compute(pick(rng, VAT_RATES[iv.vkey][:1] * 3 + VAT_RATES[iv.vkey][1:]))
    cur_txt = pick(rng, [iv.cur, iv.cur, iv.sym])
    iv.features["currency_column_text"] = cur_txt
    doc = Doc(*iv.pagesize, iv.family, S)
    fcols = iv.footer_lines()
    doc.footer_h = footer_height(iv, fcols)
    meta = iv.meta_pairs(rng.randint(1, 3))
    # title + meta grid instead of pairs: override std_header's pairs by drawing our own grid below
    std_header(doc, iv, L["title"].upper() if rng.random() < 0.5 else L["title"], [])
    doc.y = grid_cells(doc, doc.ml, doc.y - S, [(a, b) for a, b in meta], S) + S * 1.5
    cols = [dict(key="pos", head=L["pos"], w=24, align="c"), dict(key="code", head=G[4], w=52), dict(key="desc", head=L["desc"], w=190, wrap=True),
            dict(key="qty", head=L["qty"], w=36, align="r"), dict(key="unit", head=L["unit"], w=36, align="c"), dict(key="cur", head=G[3], w=34, align="c"),
            dict(key="price", head=G[1], w=56, align="r"), dict(key="amount", head=G[2], w=62, align="r")]
    scale_cols(cols, doc.right - doc.ml)
    rows = []
    for i, it in enumerate(iv.items):
        code = f"{pick(rng, ['A', 'B', 'K', 'M', 'T'])}{rng.randint(1000, 99999)}"
        rows.append(dict(cells=dict(pos=str(i + 1), code=code, desc=it["desc"], qty=iv.qty(it["qty"]), unit=iv.unit(it["unit"]), cur=cur_txt,
                                    price=iv.n(it["price"]), amount=iv.n(it["amount"]))))
    iv.distractors.append("item_codes")
    xs = draw_table(doc, doc.ml, cols, rows, S, grid="full", head_fill=pick(rng, [(0.85, 0.85, 0.85), (0.82, 0.88, 0.95)]),
                    groups=[(G[0], 6, 7)], on_new_page=new_page_banner(iv), continued=L["continued"])
    trows = [(L["subtotal"], iv.subtotal, "r")] + [(iv.vat_label(r), t, "r") for r, b, t in iv.tax_groups] + [(L["total"], iv.total, "b")]
    h = S * 1.9
    if doc.y + h * len(trows) > doc.bottom:
        doc.new_page()
    for lab, v, st in trows:
        y = doc.y
        if st == "b":
            doc.rect(xs[3], y, xs[-1], y + h, fill=(0.9, 0.9, 0.9), stroke=None)
        doc.rect(xs[3], y, xs[5], y + h, stroke=(0.35, 0.35, 0.35))
        doc.rect(xs[5], y, xs[6], y + h, stroke=(0.35, 0.35, 0.35))
        doc.rect(xs[6], y, xs[8], y + h, stroke=(0.35, 0.35, 0.35))
        doc.text(xs[3] + 3, y + h - S * 0.6, lab, S, st)
        doc.text((xs[5] + xs[6]) / 2, y + h - S * 0.6, cur_txt, S, st, "c")
        doc.text(xs[8] - 3, y + h - S * 0.6, iv.n(v), S, st, "r")
        doc.y = y + h
    doc.y += S * 1.5
    doc.para(doc.ml, pay_sentence(iv), doc.right - doc.ml, S)
    draw_footer(doc, iv, fcols)
    return doc, [iv]


# ---------------------------------------------------------------------------------------------- 5 multi-currency
MC = {"en": ("Equivalent", "Exchange rate applied: 1 {a} = {r} {b} (reference rate of {d}). Amounts in {b} are for information only; payment is due in {a}.",
             "VAT reverse charge: the customer is liable to account for the VAT."),
      "de": ("Gegenwert", "Umrechnungskurs: 1 {a} = {r} {b} (Referenzkurs vom {d}). Die Beträge in {b} dienen nur der Information; zahlbar in {a}.",
             "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge)."),
      "nl": ("Tegenwaarde", "Wisselkoers: 1 {a} = {r} {b} (referentiekoers van {d}). Bedragen in {b} zijn indicatief; betaling in {a}.", "Btw verlegd."),
      "fr": ("Contre-valeur", "Taux de change appliqué : 1 {a} = {r} {b} (cours de référence du {d}). Les montants en {b} sont indicatifs ; paiement en {a}.",
             "Autoliquidation : TVA due par le preneur.")}
FX = {("USD", "EUR"): (0.88, 0.95), ("USD", "GBP"): (0.76, 0.82), ("GBP", "EUR"): (1.14, 1.19), ("EUR", "USD"): (1.05, 1.13),
      ("CHF", "EUR"): (1.02, 1.08), ("EUR", "GBP"): (0.84, 0.88)}


def build_multi_currency(rng, lang):
    pair = pick(rng, [("USD", "EUR"), ("USD", "EUR"), ("USD", "GBP"), ("GBP", "EUR"), ("EUR", "USD"), ("CHF", "EUR"), ("EUR", "GBP")])
    iv = Inv(rng, lang, "multi_currency")
    iv.setup(currency=pair[0], modes=["code_before", "code_after", "heading"], en_us=pair[0] == "USD" and lang == "en" and rng.random() < 0.6,
             size_range=(7.5, 10))
    iv.cur_in_cells = False
    iv.parties()
    style_choices(iv, ("left", "right", "center", "brand"))
    S, L = iv.size, iv.L
    a, b = pair
    fx = D(str(round(rng.uniform(*FX[pair]), 4)))
    iv.items = goods_items(iv, rng.randint(3, 10))
    rc = rng.random() < 0.4
    rate = D(0) if rc else pick(rng, VAT_RATES[iv.vkey][:1])
    iv.compute(rate)
    iv.features.update(second_currency=b, fx_rate=str(fx), reverse_charge=rc)
    doc = Doc(*iv.pagesize, iv.family, S)
    fcols = iv.footer_lines()
    doc.footer_h = footer_height(iv, fcols)
    std_header(doc, iv, L["title"], iv.meta_pairs())
    eq = MC[lang][0]
    cols = scale_cols([dict(key="desc", head=L["desc"], w=220, wrap=True), dict(key="qty", head=L["qty"], w=40, align="r"),
                       dict(key="price", head=f"{L['unit_price']} ({a})", w=70, align="r"), dict(key="amount", head=f"{L['amount']} ({a})", w=76, align="r"),
                       dict(key="eq", head=f"{eq} ({b})", w=76, align="r")], doc.right - doc.ml)
    rows = [dict(cells=dict(desc=it["desc"], qty=iv.qty(it["qty"]), price=iv.n(it["price"]), amount=iv.n(it["amount"]),
                            eq=iv.n(it["amount"] * fx))) for it in iv.items]
    iv.distractors += ["equivalent_amounts", "fx_rate"]
    xs = draw_table(doc, doc.ml, cols, rows, S, grid=pick(rng, ["h", "zebra", "full"]), head_fill=pick(rng, [None, (0.9, 0.9, 0.9)]),
                    on_new_page=new_page_banner(iv), continued=L["continued"])
    lines = [(L["subtotal"], iv.subtotal, "r")] + [(iv.vat_label(r), t, "r") for r, _, t in iv.tax_groups] + [(L["total"], iv.total, "b")]
    if doc.y + len(lines) * S * 1.5 + 10 > doc.bottom:
        doc.new_page()
    doc.y += S * 0.5
    for lab, v, st in lines:
        doc.y += S * 1.5
        doc.text(xs[1], doc.y, lab, S, st)
        doc.text(xs[4] - 3, doc.y, f"{a} {iv.n(v)}" if iv.cur_mode != "code_after" else f"{iv.n(v)} {a}", S, st, "r")
        doc.text(xs[5] - 3, doc.y, f"{b} {iv.n(v * fx)}" if iv.cur_mode != "code_after" else f"{iv.n(v * fx)} {b}", S - 0.5, "r", "r", (0.35, 0.35, 0.35))
    doc.y += S * 1.5
    doc.para(doc.ml, MC[lang][1].format(a=a, b=b, r=iv.n(fx, 4), d=iv.d(iv.date - timedelta(days=1))), doc.right - doc.ml, S - 0.5, "i")
    if rc:
        doc.para(doc.ml, MC[lang][2], doc.right - doc.ml, S - 0.5)
    doc.para(doc.ml, pay_sentence(iv), doc.right - doc.ml, S - 0.5)
    draw_footer(doc, iv, fcols)
    return doc, [iv]


# ---------------------------------------------------------------------------------------------- 6 long descriptions
LONG = {
    "en": [("Consulting services for the migration of the customer's document archive to the new records management platform, including analysis of the existing folder structure and mapping of retention rules", "h", 85, 140),
           ("Supply and installation of acoustic ceiling panels in the open-plan office on the second floor, including suspension grid, edge trims and removal of packaging waste", "m2", 38, 65),
           ("Preventive maintenance of the rooftop ventilation units according to the service agreement, filter replacement, belt inspection and functional test of all dampers", "pc", 180, 320),
           ("Workshop facilitation for the quarterly planning session with department heads, preparation of materials and written summary of agreed actions", "day", 750, 1200),
           ("Repair of the damaged floor screed in the loading area after removal of the old coating, including primer and two-component levelling compound", "m2", 45, 80),
           ("Development of custom reporting templates for the monthly management accounts with automated data import from the accounting system", "h", 90, 130),
           ("Replacement of the emergency lighting batteries in stairwells A and B, including documentation of the test results in the maintenance log", "pc", 35, 60),
           ("Cleaning of the facade glazing on all elevations using a mobile elevating work platform, including frames and sills", "m2", 4, 9)],
    "de": [("Beratungsleistungen zur Migration des Dokumentenarchivs auf die neue Aktenverwaltungsplattform, einschließlich Analyse der bestehenden Ordnerstruktur und Abbildung der Aufbewahrungsfristen", "h", 85, 140),
           ("Lieferung und Montage von Akustik-Deckenplatten im Großraumbüro im zweiten Obergeschoss inklusive Abhängesystem, Randabschlüssen und Entsorgung der Verpackung", "m2", 38, 65),
           ("Wartung der Lüftungsgeräte auf dem Dach gemäß Wartungsvertrag, Filterwechsel, Kontrolle der Keilriemen und Funktionsprüfung sämtlicher Klappen", "pc", 180, 320),
           ("Moderation des Workshops zur Quartalsplanung mit den Abteilungsleitungen, Vorbereitung der Unterlagen und schriftliche Zusammenfassung der vereinbarten Maßnahmen", "day", 750, 1200),
           ("Instandsetzung des beschädigten Estrichs im Anlieferungsbereich nach Entfernen der alten Beschichtung, einschließlich Grundierung und zweikomponentiger Ausgleichsmasse", "m2", 45, 80),
           ("Entwicklung individueller Berichtsvorlagen für das monatliche Reporting mit automatisiertem Datenimport aus der Finanzbuchhaltung", "h", 90, 130),
           ("Austausch der Akkus der Sicherheitsbeleuchtung in den Treppenhäusern A und B inklusive Dokumentation der Prüfergebnisse im Wartungsbuch", "pc", 35, 60),
           ("Reinigung der Fassadenverglasung an allen Ansichten mittels Hubarbeitsbühne, einschließlich Rahmen und Fensterbänke", "m2", 4, 9)],
    "fr": [("Prestations de conseil pour la migration des archives documentaires vers la nouvelle plateforme de gestion, y compris l'analyse de l'arborescence existante et la reprise des règles de conservation", "h", 85, 140),
           ("Fourniture et pose de dalles de plafond acoustiques dans l'open space du deuxième étage, y compris ossature, cornières de rive et évacuation des emballages", "m2", 38, 65),
           ("Maintenance préventive des centrales de traitement d'air en toiture selon le contrat d'entretien, remplacement des filtres, contrôle des courroies et essai de tous les clapets", "pc", 180, 320),
           ("Animation de l'atelier de planification trimestrielle avec les chefs de service, préparation des supports et compte rendu écrit des actions décidées", "day", 750, 1200),
           ("Réfection de la chape endommagée dans la zone de livraison après dépose de l'ancien revêtement, y compris primaire et ragréage bicomposant", "m2", 45, 80),
           ("Développement de modèles de reporting sur mesure pour les comptes mensuels avec import automatisé des données comptables", "h", 90, 130),
           ("Remplacement des batteries de l'éclairage de sécurité dans les escaliers A et B, avec consignation des essais dans le registre de sécurité", "pc", 35, 60)],
    "nl": [("Advieswerkzaamheden voor de migratie van het documentarchief naar het nieuwe archiefplatform, inclusief analyse van de bestaande mappenstructuur en vastleggen van de bewaartermijnen", "h", 85, 140),
           ("Levering en montage van akoestische plafondplaten in de kantoortuin op de tweede verdieping, inclusief ophangsysteem, randprofielen en afvoer van verpakkingsmateriaal", "m2", 38, 65),
           ("Preventief onderhoud van de luchtbehandelingskasten op het dak volgens onderhoudscontract, vervangen van filters, controle van de V-snaren en functietest van alle kleppen", "pc", 180, 320),
           ("Begeleiding van de kwartaalplanningssessie met de afdelingshoofden, voorbereiding van het materiaal en schriftelijke samenvatting van de afspraken", "day", 750, 1200),
           ("Herstel van de beschadigde dekvloer in de laad- en loszone na verwijderen van de oude coating, inclusief primer en tweecomponenten egaliseermiddel", "m2", 45, 80),
           ("Ontwikkeling van maatwerk rapportagesjablonen voor de maandrapportage met geautomatiseerde gegevensimport uit de boekhouding", "h", 90, 130),
           ("Vervangen van de accu's van de noodverlichting in trappenhuis A en B, inclusief registratie van de testresultaten in het logboek", "pc", 35, 60)],
    "es": [("Servicios de consultoría para la migración del archivo documental a la nueva plataforma de gestión, incluido el análisis de la estructura de carpetas existente y la definición de los plazos de conservación", "h", 85, 140),
           ("Suministro e instalación de placas acústicas de techo en la oficina diáfana de la segunda planta, incluida la perfilería, los remates perimetrales y la retirada de embalajes", "m2", 38, 65),
           ("Mantenimiento preventivo de las unidades de ventilación de cubierta según contrato, sustitución de filtros, revisión de correas y prueba de funcionamiento de todas las compuertas", "pc", 180, 320),
           ("Dinamización del taller de planificación trimestral con los responsables de departamento, preparación de materiales y resumen escrito de las acciones acordadas", "day", 750, 1200),
           ("Reparación del recrecido dañado en la zona de carga tras retirar el revestimiento antiguo, incluida imprimación y mortero autonivelante bicomponente", "m2", 45, 80),
           ("Desarrollo de plantillas de informes a medida para el cierre mensual con importación automática de datos desde la contabilidad", "h", 90, 130),
           ("Sustitución de las baterías del alumbrado de emergencia en las escaleras A y B, con registro de los resultados de las pruebas en el libro de mantenimiento", "pc", 35, 60)],
}
NOTES = {"en": ["Note: work carried out on {d} by two technicians.", "• phase 1: survey and measurements", "• phase 2: execution and handover",
                "Time sheets are attached to this invoice.", "Material certificates available on request."],
         "de": ["Hinweis: Ausführung am {d} durch zwei Techniker.", "• Phase 1: Aufmaß und Bestandsaufnahme", "• Phase 2: Ausführung und Übergabe",
                "Stundenzettel liegen der Rechnung bei.", "Materialnachweise auf Anfrage."],
         "fr": ["Remarque : intervention réalisée le {d} par deux techniciens.", "• phase 1 : relevés et métrés", "• phase 2 : exécution et réception",
                "Les feuilles d'heures sont jointes à la présente facture.", "Fiches techniques disponibles sur demande."],
         "nl": ["Opmerking: uitgevoerd op {d} door twee monteurs.", "• fase 1: inmeten en opname", "• fase 2: uitvoering en oplevering",
                "Urenstaten zijn bij deze factuur gevoegd.", "Materiaalcertificaten op aanvraag beschikbaar."],
         "es": ["Nota: trabajos realizados el {d} por dos técnicos.", "• fase 1: toma de datos y mediciones", "• fase 2: ejecución y entrega",
                "Se adjuntan los partes de horas a esta factura.", "Certificados de materiales disponibles bajo petición."]}


SITE = {"en": "Building", "de": "Objekt Haus", "fr": "Bâtiment", "nl": "Gebouw", "es": "Edificio"}


def build_long_desc(rng, lang):
    iv = Inv(rng, lang, "long_desc")
    iv.setup(size_range=(8, 10.5))
    iv.parties()
    style_choices(iv)
    S, L = iv.size, iv.L
    pool = rng.sample(LONG[lang], rng.randint(4, len(LONG[lang])))
    if rng.random() < 0.4:  # the same services for several sites: long enough for 2-3 pages
        sites = rng.sample(["A", "B", "C", "D", "E"], rng.randint(2, 4))
        pool = [(f"{SITE[lang]} {s}: {txt}", u, lo, hi) for s in sites for txt, u, lo, hi in pool]
        iv.features["multi_site"] = len(sites)
    for txt, u, lo, hi in pool:
        if u == "h":
            qty = D(pick(rng, [4, 6, 8, 12, 16, 24, D("7.5"), D("12.5")]))
        elif u == "m2":
            qty = D(pick(rng, ["2.5", "14", "36.5", "120", "48.25", "8"]))
        elif u == "day":
            qty = D(pick(rng, [1, 2, D("0.5"), 3]))
        else:
            qty = D(pick(rng, [1, 2, 3, 4, 6, 12]))
        it = iv.item(txt, qty, iv.price(lo, hi), unit=u)
        if rng.random() < 0.45:
            notes = rng.sample(NOTES[lang], rng.randint(1, 2))
            it["notes"] = [n.format(d=iv.d(iv.date - timedelta(days=rng.randint(2, 20)))) for n in notes]
        iv.items.append(it)
    if rng.random() < 0.5:  # mix in short goods lines
        for it in goods_items(iv, rng.randint(1, 4)):
            iv.items.insert(rng.randrange(len(iv.items) + 1), it)
    iv.compute(pick(rng, VAT_RATES[iv.vkey][:1]))
    iv.features["units_in_qty"] = True
    doc = Doc(*iv.pagesize, iv.family, S)
    fcols = iv.footer_lines(with_name=True)
    doc.footer_h = footer_height(iv, fcols)
    std_header(doc, iv, L["title"], iv.meta_pairs())
    cols = simple_item_cols(iv, doc.right - doc.ml, pos=rng.random() < 0.7)
    rows = simple_rows(iv, qty_with_unit=True)
    draw_table(doc, doc.ml, cols, rows, S, grid=pick(rng, ["h", "none"]), head_fill=pick(rng, [None, (0.9, 0.92, 0.95)]),
               on_new_page=new_page_banner(iv), continued=L["continued"])
    doc.y += S * 0.5
    draw_totals(doc, doc.right - 220, doc.right, std_totals(iv) + balance_rows(iv), S)
    doc.y += S * 0.5
    doc.para(doc.ml, pay_sentence(iv), doc.right - doc.ml, S)
    draw_footer(doc, iv, fcols)
    return doc, [iv]


# ---------------------------------------------------------------------------------------------- 7 other languages
INTL = {
    "cs": dict(style="boxes", ids=("IČO", "DIČ"), extra=[("Variabilní symbol", "vs"), ("Konstantní symbol", "0308"), ("Forma úhrady", "Převodem")],
               recap="Rekapitulace DPH", tax="DPH", total_line="Celkem", cols=("Č.", "Označení dodávky", "Množství", "MJ", "Cena za MJ", "DPH %", "Celkem bez DPH")),
    "hu": dict(style="boxes", ids=("Adószám", "Cégjegyzékszám"), extra=[("Fizetési mód", "Átutalás"), ("Pénznem", "cur")],
               recap="ÁFA összesítő", tax="ÁFA", total_line="Összesen", cols=("Ssz.", "Megnevezés", "Mennyiség", "Me.e.", "Nettó egységár", "ÁFA %", "Nettó érték")),
    "ro": dict(style="boxes", ids=("CIF", "Nr. Reg. Com."), extra=[("Cota TVA", "rate"), ("Moneda", "cur")],
               recap=None, tax="TVA", total_line="Total", cols=("Nr. crt.", "Denumirea produselor sau a serviciilor", "Cant.", "U.M.", "Preț unitar (fără TVA)", "Cota TVA", "Valoarea")),
    "tr": dict(style="boxes", ids=("Vergi Dairesi", "VKN"), extra=[("Düzenleme Saati", "time"), ("Fatura Tipi", "SATIŞ"), ("ETTN", "uuid")],
               recap=None, tax="KDV", total_line="Toplam", cols=("Sıra No", "Mal/Hizmet", "Miktar", "Birim", "Birim Fiyat", "KDV Oranı", "Mal Hizmet Tutarı"),
               tot=("Mal Hizmet Toplam Tutarı", "Hesaplanan KDV (%{r})", "Vergiler Dahil Toplam Tutar", "Ödenecek Tutar")),
    "fi": dict(style="nordic", ids=("Y-tunnus", "ALV-tunnus"), extra=[("Viitenumero", "ref"), ("Viivästyskorko", "8,0 %"), ("Huomautusaika", "7 pv")],
               recap=None, tax="ALV", total_line="Yhteensä", cols=("Nro", "Tuote / palvelu", "Määrä", "Yks.", "À-hinta", "ALV %", "Yhteensä"),
               giro=("Saajan tilinumero", "Saaja", "Viitenumero", "Eräpäivä", "Euro")),
    "no": dict(style="nordic", ids=("Org.nr.", "Foretaksregisteret"), extra=[("KID", "ref"), ("Kontonummer", "acct"), ("Deres ref.", "person")],
               recap=None, tax="MVA", total_line="Sum", cols=("Nr.", "Beskrivelse", "Antall", "Enhet", "Enhetspris", "MVA %", "Beløp"),
               giro=("Betal til konto", "Betalt til", "KID", "Forfallsdato", "Beløp")),
}


def build_intl(rng, lang):
    iv = Inv(rng, lang, "intl_lang")
    iv.setup(size_range=(7.5, 9.5), allow_none=False)
    if iv.cur == "TRY" and iv.sym == "₺":
        iv.family = pick(rng, [f for f in ("DejaVu Sans", "DejaVu Sans Condensed", "DejaVu Serif") if f in FAMILIES])
    iv.parties(person_customer=rng.random() < 0.2)
    I = INTL[lang]
    S, L = iv.size, iv.L
    iv.items = goods_items(iv, rng.randint(3, 8))
    rates = VAT_RATES[lang]
    multi = lang in ("cs", "hu") and rng.random() < 0.4
    for it in iv.items:
        it["rate"] = pick(rng, rates) if multi else rates[0]
    per_line_tax = lang in ("ro", "tr")
    iv.compute()
    if per_line_tax:
        for it in iv.items:
            it["tax"] = q(it["amount"] * D(it["rate"]) / 100, iv.dec)
        groups = {}
        for it in iv.items:
            g = groups.setdefault(D(it["rate"]), [D(0), D(0)])
            g[0] += it["amount"]
            g[1] += it["tax"]
        iv.tax_groups = [(r, b, t) for r, (b, t) in sorted(groups.items(), reverse=True)]
        iv.tax = sum(t for _, _, t in iv.tax_groups)
        iv.total = iv.subtotal + iv.tax
    iv.features.update(layout=I["style"], multi_rate=multi, per_line_tax=per_line_tax)
    doc = Doc(*iv.pagesize, iv.family, S)
    grey = (0.3, 0.3, 0.3)
    vs = "".join(c for c in iv.number if c.isdigit())[-10:]
    ref = digits(rng, 7) + str(rng.randint(0, 9))
    extra = []
    for lab, v in I["extra"]:
        val = {"vs": vs, "cur": iv.cur, "rate": f"{rates[0]}%", "time": f"{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}",
               "uuid": f"{digits(rng, 8)}-{digits(rng, 4)}-4{digits(rng, 3)}-a{digits(rng, 3)}-{digits(rng, 12)}", "ref": ref,
               "acct": f"{digits(rng, 4)}.{digits(rng, 2)}.{digits(rng, 5)}", "person": person(rng, lang)}.get(v, v)
        extra.append((lab, val))
        iv.distractors.append(lab)
    meta = [(L["no"], iv.number), (L["date"], iv.d(iv.date)), (L["delivery"], iv.d(iv.delivery_date)), (L["due"], iv.d(iv.due))]
    iv.distractors += ["delivery_date", "due_date", "seller_ids", "buyer_ids"]
    regcom = lambda: f"J{rng.randint(1, 40):02d}/{rng.randint(100, 9999)}/{rng.randint(2005, 2022)}"
    if lang == "cs":
        seller_ids = [f"IČO: {digits(rng, 8)}", f"DIČ: {iv.issuer_vat}"]
        buyer_ids = [f"IČO: {digits(rng, 8)}", f"DIČ: {VATID[lang](rng)}"]
    elif lang == "hu":
        seller_ids = [f"Adószám: {iv.issuer_vat}", f"Cégjegyzékszám: {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 6)}"]
        buyer_ids = [f"Adószám: {VATID[lang](rng)}"]
    elif lang == "ro":
        seller_ids = [f"CIF: {iv.issuer_vat}", f"Nr. Reg. Com.: {regcom()}"]
        buyer_ids = [f"CIF: {VATID[lang](rng)}", f"Nr. Reg. Com.: {regcom()}"]
    elif lang == "tr":
        seller_ids = [f"Vergi Dairesi: {city_name(rng, lang)} V.D.", f"VKN: {iv.issuer_vat}"]
        buyer_ids = [f"Vergi Dairesi: {city_name(rng, lang)} V.D.", f"VKN: {VATID[lang](rng)}"]
    elif lang == "fi":
        seller_ids = [f"Y-tunnus: {digits(rng, 7)}-{rng.randint(0, 9)}", f"ALV-tunnus: {iv.issuer_vat}"]
        buyer_ids = []
    else:
        seller_ids = [f"Org.nr. {iv.issuer_vat}"]
        buyer_ids = []
    if I["style"] == "boxes":
        y = doc.mt + S + 10
        title = L["title"] if lang != "hu" or rng.random() < 0.5 else "SZÁMLA"
        doc.text(doc.ml, y, title, S + 8, "b")
        doc.text(doc.right, y, f"{L['no']}: {iv.number}", S + 2, "b", "r")
        if lang == "tr" and rng.random() < 0.6:
            doc.text(doc.w / 2, y + S * 1.6, "e-Arşiv Fatura", S, "i", "c", grey)
        y += S * 2.2
        bw = (doc.right - doc.ml - 12) / 2
        boxes = [(L["seller"], [iv.issuer] + iv.issuer_addr + seller_ids + [f"{L['iban']}: {iv.iban}"]),
                 (L["bill_to"], [iv.customer] + iv.customer_addr + buyer_ids)]
        iv.distractors.append("iban")
        hmax = max(len(b[1]) for b in boxes) * S * 1.35 + S * 2.6
        for k, (lab, lines) in enumerate(boxes):
            x = doc.ml + k * (bw + 12)
            doc.rect(x, y, x + bw, y + hmax, stroke=(0.4, 0.4, 0.4))
            doc.rect(x, y, x + bw, y + S * 1.7, fill=(0.9, 0.9, 0.9), stroke=(0.4, 0.4, 0.4))
            doc.text(x + 5, y + S * 1.25, lab, S, "b")
            yy = y + S * 1.7
            for j, ln in enumerate(lines):
                yy += S * 1.35
                doc.text(x + 5, yy, ln, S + (0.5 if j == 0 else 0), "b" if j == 0 else "r")
        y += hmax + S
        cells = meta[1:] + extra[:2]
        doc.y = grid_cells(doc, doc.ml, y, cells, S - 0.5, widths=[(doc.right - doc.ml) / len(cells)] * len(cells)) + S * 1.5
        for lab, val in extra[2:]:
            doc.y += S * 1.3
            doc.text(doc.ml, doc.y, f"{lab}: {val}", S - 1, "r", "l", grey)
        doc.y += S
    else:
        y = doc.mt + S + 6
        doc.text(doc.ml, y, iv.issuer, S + 5, "b")
        for ln in iv.issuer_addr + seller_ids:
            y += S * 1.3
            doc.text(doc.ml, y, ln, S - 0.5, "r", "l", grey)
        yr = doc.mt + S + 6
        xr = doc.ml + (doc.right - doc.ml) * 0.55
        doc.text(xr, yr, L["title"].upper(), S + 6, "b")
        yr = draw_pairs(doc, xr, yr + 4, meta[:1] + meta[1:2] + [(L["cust_no"], iv.cust_no)] + extra[:1] + meta[3:4] + extra[1:], S - 0.5)
        iv.distractors.append("cust_no")
        y += S * 3
        doc.text(doc.ml, y, L["bill_to"], S - 1, "r", "l", grey)
        for ln in [iv.customer] + iv.customer_addr:
            y += S * 1.35
            doc.text(doc.ml, y, ln, S + 0.5)
        doc.y = max(y, yr) + S * 2.5
    c = I["cols"]
    cols = scale_cols([dict(key="pos", head=c[0], w=26, align="c"), dict(key="desc", head=c[1], w=200, wrap=True), dict(key="qty", head=c[2], w=46, align="r"),
                       dict(key="unit", head=c[3], w=34, align="c"), dict(key="price", head=iv.head(c[4]), w=64, align="r"),
                       dict(key="rate", head=c[5], w=40, align="r")] +
                      ([dict(key="tax", head=iv.head("Valoarea TVA" if lang == "ro" else "KDV Tutarı"), w=60, align="r")] if per_line_tax else []) +
                      [dict(key="amount", head=iv.head(c[6]), w=70, align="r")], doc.right - doc.ml)
    rows = [dict(cells=dict(pos=str(i + 1), desc=it["desc"], qty=iv.qty(it["qty"]), unit=iv.unit(it["unit"]), price=iv.m(it["price"]),
                            rate=f"{iv.rate(it['rate'])} %" if lang != "tr" else f"%{iv.rate(it['rate'])}", tax=iv.m(it.get("tax", D(0))),
                            amount=iv.m(it["amount"]))) for i, it in enumerate(iv.items)]
    draw_table(doc, doc.ml, cols, rows, S, grid=pick(rng, ["full", "h"]), head_fill=(0.9, 0.9, 0.9), on_new_page=new_page_banner(iv),
               continued=L["continued"])
    doc.y += S
    if I["recap"]:
        rc = [dict(key="rate", head=L["rate"], w=60, align="r"), dict(key="base", head=iv.head(L["subtotal"]), w=90, align="r"),
              dict(key="tax", head=iv.head(I["tax"]), w=80, align="r"), dict(key="gross", head=iv.head(L["gross"]), w=90, align="r")]
        rrows = [dict(cells=dict(rate=f"{iv.rate(r)} %", base=iv.m(b), tax=iv.m(t), gross=iv.m(b + t))) for r, b, t in iv.tax_groups]
        rrows.append(dict(cells=dict(rate=I["total_line"], base=iv.m(iv.subtotal), tax=iv.m(iv.tax), gross=iv.m(iv.total)), style="b"))
        if doc.y + S * 1.4 * (len(rrows) + 3) > doc.bottom:
            doc.new_page()
        doc.y += S * 1.2
        doc.text(doc.ml, doc.y, I["recap"], S, "b")
        doc.y += S * 0.5
        draw_table(doc, doc.ml, rc, rrows, S - 0.5, grid="full", head_fill=(0.93, 0.93, 0.93))
        doc.y += S
        rows = [(L["total"], iv.m(iv.total, "total"), "b")]
    elif lang == "tr":
        T = I["tot"]
        rows = [(T[0], iv.m(iv.subtotal, "sum"), "r")] + [(T[1].format(r=iv.rate(r)), iv.m(t, "sum"), "r") for r, _, t in iv.tax_groups] + \
               [(T[2], iv.m(iv.total, "sum"), "r"), (T[3], iv.m(iv.total, "total"), "b")]
    else:
        rows = std_totals(iv)
        if lang == "ro":
            rows = [(L["subtotal"], iv.m(iv.subtotal, "sum"), "r"), (f"{L['vat'].format(r=iv.rate(rates[0]))}", iv.m(iv.tax, "sum"), "r"),
                    (L["total"], iv.m(iv.total, "total"), "b")]
    draw_totals(doc, doc.right - 240, doc.right, rows, S + 0.5)
    if I["style"] == "nordic":
        gh = S * 7
        if doc.y + gh + 20 > doc.bottom:
            doc.new_page()
        y = max(doc.y + S * 2, doc.bottom - gh)
        g = I["giro"]
        doc.line(doc.ml, y - 6, doc.right, y - 6, 0.6, grey)
        half = (doc.right - doc.ml) / 2
        cells = [(g[0], iv.iban if lang == "fi" else extra[1][1]), (g[1], iv.issuer), (g[2], ref), (g[3], iv.d(iv.due)), (g[4], iv.n(iv.total))]
        for k, (a, b) in enumerate(cells):
            x = doc.ml + (k % 2) * half
            yy = y + (k // 2) * S * 2.4
            doc.rect(x, yy, x + half - 4, yy + S * 2.2, stroke=(0.5, 0.5, 0.5))
            doc.text(x + 3, yy + S * 0.85, a, S - 2.5, "r", "l", grey)
            doc.text(x + 3, yy + S * 1.95, b, S)
        iv.distractors.append("giro_strip")
    else:
        doc.y += S
        t = L["terms"].format(d=(iv.due - iv.date).days)
        doc.para(doc.ml, t + ("" if t[-1] in ".!" else ".") + " " + L["thanks"], doc.right - doc.ml, S - 0.5)
    n = len(doc.pages)
    if n > 1:
        draw_footer(doc, iv, [], page_label=True)
    return doc, [iv]


# ---------------------------------------------------------------------------------------------- 8 two invoices in one PDF
def render_simple(doc, iv, fcols, first_page):
    rng, S, L = iv.rng, iv.size, iv.L
    std_header(doc, iv, L["title"], iv.meta_pairs(rng.randint(1, 3)))
    cols = simple_item_cols(iv, doc.right - doc.ml, pos=rng.random() < 0.5)
    draw_table(doc, doc.ml, cols, simple_rows(iv), S, grid=pick(rng, ["h", "zebra", "none"]), head_fill=pick(rng, [None, (0.9, 0.9, 0.9)]),
               on_new_page=new_page_banner(iv), continued=L["continued"])
    doc.y += S * 0.5
    draw_totals(doc, doc.right - 210, doc.right, std_totals(iv) + balance_rows(iv, 0.2), S)
    doc.y += S
    doc.para(doc.ml, pay_sentence(iv), doc.right - doc.ml, S)
    draw_footer(doc, iv, fcols, pages=(first_page, len(doc.pages)))


def build_two(rng, lang):
    a = Inv(rng, lang, "two_invoices")
    a.setup(size_range=(8, 10))
    a.parties()
    style_choices(a, ("left", "right", "center", "brand"))
    b = Inv(rng, lang, "two_invoices")
    for k in ("us", "cur", "dec", "sym", "cur_mode", "cur_in_cells", "numstyle", "date_style", "vkey", "pagesize", "family", "size",
              "issuer", "brand", "issuer_addr", "issuer_vat", "iban", "phone", "email", "issuer_pos", "accent", "name_size", "brand_size",
              "sender_line", "title_pos", "bill_label", "L"):
        setattr(b, k, getattr(a, k))
    b.features["issuer_position"] = a.issuer_pos
    b.date = a.date + timedelta(days=pick(rng, [0, 0, 1, 2, 7]))
    b.due = b.date + (a.due - a.date)
    b.order_date = b.date - timedelta(days=rng.randint(3, 30))
    b.delivery_date = b.date - timedelta(days=rng.randint(0, 5))
    b.number = inv_number(rng, b.date.year, lang)
    if rng.random() < 0.6 and a.number[-1].isdigit():  # consecutive numbers, as a batch export would print them
        head = a.number.rstrip("0123456789")
        tail = a.number[len(head):]
        b.number = head + str(int(tail) + rng.randint(1, 3)).zfill(len(tail))
    cust = company(rng, lang)[0] if rng.random() < 0.7 else person(rng, lang)
    b.customer, b.customer_addr = cust, address(rng, lang, a.us)
    b.cust_no = pick(rng, ["K", "C", ""]) + str(rng.randint(1000, 99999))
    b.order_no, b.po = a.order_no[:-2] + digits(rng, 2), a.po[:-2] + digits(rng, 2)
    rate = VAT_RATES[a.vkey][0]
    for iv in (a, b):
        iv.items = goods_items(iv, rng.randint(2, 6))
        iv.compute(rate)
    doc = Doc(*a.pagesize, a.family, a.size)
    fcols = a.footer_lines()
    b.distractors += ["vat_id", "iban"]
    doc.footer_h = footer_height(a, fcols)
    render_simple(doc, a, fcols, 0)
    p1 = len(doc.pages)
    doc.new_page()
    render_simple(doc, b, fcols, p1)
    a.features["doc_pages"] = [p1, len(doc.pages) - p1]
    return doc, [a, b]


# ---------------------------------------------------------------------------------------------- 9 sidebar / landscape
def build_sidebar(rng, lang):
    iv = Inv(rng, lang, "sidebar_layout")
    iv.setup(size_range=(7.5, 10))
    iv.parties()
    S, L = iv.size, iv.L
    variant = pick(rng, ["landscape", "portrait_sidebar"])
    if variant == "landscape":
        iv.pagesize = (iv.pagesize[1], iv.pagesize[0])
    iv.features.update(layout=variant, issuer_position=pick(rng, ["left", "brand"]))
    iv.items = goods_items(iv, rng.randint(3, 10 if variant == "portrait_sidebar" else 7))
    iv.compute(pick(rng, VAT_RATES[iv.vkey][:1]))
    doc = Doc(*iv.pagesize, iv.family, S, margins=(36, 34, 36, 30))
    fcols = iv.footer_lines()
    doc.footer_h = footer_height(iv, fcols)
    accent = pick(rng, ACCENTS)
    grey = (0.3, 0.3, 0.3)
    xr = doc.ml + (doc.right - doc.ml) * (0.58 if variant == "landscape" else 0.6)
    # left column: issuer / brand and title
    y = doc.mt + 20
    if iv.features["issuer_position"] == "brand":
        doc.text(doc.ml, y + 6, iv.brand.upper(), 26, "b", "l", accent)
        y += 20
        doc.text(doc.ml, y, iv.issuer, S - 0.5, "r", "l", grey)
    else:
        doc.text(doc.ml, y, iv.issuer, S + 6, "b", "l", accent)
    for ln in iv.issuer_addr + [iv.email]:
        y += S * 1.3
        doc.text(doc.ml, y, ln, S - 0.5, "r", "l", grey)
    y += S * 3.2
    doc.text(doc.ml, y, L["title"].upper(), S + 12, "b", "l", accent)
    y += S * 1.5
    # right column: parties and boxed meta grid
    yr = doc.mt + 6
    doc.text(xr, yr + S, L["bill_to"], S - 1, "b", "l", grey)
    yr += S
    for ln in [iv.customer] + iv.customer_addr:
        yr += S * 1.3
        doc.text(xr, yr, ln, S, "b" if ln == iv.customer else "r")
    if rng.random() < 0.5:
        yr += S * 1.6
        doc.text(xr, yr, L["ship_to"], S - 1, "b", "l", grey)
        ship = [person(rng, lang)] + address(rng, lang, iv.us)
        for ln in ship:
            yr += S * 1.3
            doc.text(xr, yr, ln, S - 0.5)
        iv.distractors.append("ship_to")
    yr += S * 1.5
    gw = doc.right - xr
    c1 = [(L["no"], iv.number), (L["date"], iv.d(iv.date)), (L["cust_no"], iv.cust_no)]
    c2 = rng.sample([(L["due"], iv.d(iv.due)), (L["order_no"], iv.order_no), (L["po"], iv.po), (L["delivery"], iv.d(iv.delivery_date))], 3)
    if rng.random() < 0.4:
        c1[0], c1[1] = c1[1], c1[0]
    iv.distractors += ["cust_no", "grid_meta"]
    ncol = 3 if variant == "landscape" else 2
    cells = c1 + c2
    k = 0
    while k < len(cells):
        row = cells[k:k + ncol]
        yr = grid_cells(doc, xr, yr, row, S - 0.5, widths=[gw / ncol] * len(row))
        k += ncol
    if variant == "portrait_sidebar":
        doc.rect(xr - 10, 0, doc.w, yr + S * 1.2, fill=(0.95, 0.95, 0.93), stroke=None, overlay=False)
    doc.y = max(y, yr) + S * 2.5
    cols = simple_item_cols(iv, doc.right - doc.ml, pos=True, unit_col=rng.random() < 0.5)
    draw_table(doc, doc.ml, cols, simple_rows(iv), S, grid=pick(rng, ["h", "zebra", "full"]), head_fill=(0.88, 0.9, 0.93),
               on_new_page=new_page_banner(iv), continued=L["continued"])
    doc.y += S * 0.5
    draw_totals(doc, xr, doc.right, std_totals(iv) + balance_rows(iv), S)
    doc.y += S
    doc.para(doc.ml, pay_sentence(iv), xr - doc.ml - 20, S - 0.5)
    draw_footer(doc, iv, fcols)
    return doc, [iv]


# ---------------------------------------------------------------------------------------------- 10 receipt
RC = {
    "de": dict(no="Rechnung Nr.", total="SUMME", cash="Bar", change="Rückgeld", card="EC-Karte", vat="MwSt", net="Netto", tax="Steuer", gross="Brutto",
               thanks="Vielen Dank für Ihren Einkauf!", till="Kasse", cust="Kunde", rates=[("A", 19), ("B", 7)], sum="Summe"),
    "fr": dict(no="Facture n°", total="TOTAL", cash="Espèces", change="Rendu", card="Carte bancaire", vat="TVA", net="HT", tax="TVA", gross="TTC",
               thanks="Merci de votre visite !", till="Caisse", cust="Client", rates=[("1", D("5.5")), ("2", 10), ("3", 20)], sum="Total"),
    "it": dict(no="Fattura n.", total="TOTALE", cash="Contanti", change="Resto", card="Carta", vat="IVA", net="Imponibile", tax="Imposta", gross="Totale",
               thanks="Grazie e arrivederci!", till="Cassa", cust="Cliente", rates=[("A", 4), ("B", 10), ("C", 22)], sum="Totale"),
    "es": dict(no="Factura simplificada n.º", total="TOTAL", cash="Efectivo", change="Cambio", card="Tarjeta", vat="IVA", net="Base", tax="Cuota", gross="Total",
               thanks="¡Gracias por su visita!", till="Caja", cust="Cliente", rates=[("A", 4), ("B", 10), ("C", 21)], sum="Total"),
    "nl": dict(no="Factuurnr.", total="TOTAAL", cash="Contant", change="Wisselgeld", card="Pinbetaling", vat="Btw", net="Excl.", tax="Btw", gross="Incl.",
               thanks="Bedankt en tot ziens!", till="Kassa", cust="Klant", rates=[("L", 9), ("H", 21)], sum="Totaal"),
    "pt": dict(no="Fatura-recibo n.º", total="TOTAL", cash="Numerário", change="Troco", card="Multibanco", vat="IVA", net="Base", tax="IVA", gross="Total",
               thanks="Obrigado pela preferência!", till="Caixa", cust="Cliente", rates=[("A", 6), ("B", 13), ("C", 23)], sum="Total"),
    "en": dict(no="Invoice No.", total="TOTAL", cash="Cash", change="Change", card="Card", vat="VAT", net="Net", tax="VAT", gross="Gross",
               thanks="Thank you for shopping with us!", till="Till", cust="Customer", rates=[("Z", 0), ("S", 20)], sum="Total"),
}
SHOP = {  # (text, rate index, lo, hi)
    "de": [("Roggenbrot 750 g", 1, 3, 5), ("Butterbrezel", 1, 1, 2), ("Croissant", 1, 1, 2), ("Kaffee Crema", 0, 2, 4), ("Mineralwasser 0,5 l", 0, 1, 3),
           ("Apfelstrudel", 1, 2, 4), ("Teelichter 30 Stk.", 0, 3, 5), ("Müsliriegel", 1, 1, 2), ("Cappuccino groß", 0, 3, 5), ("Dinkelbrötchen", 1, 0.5, 1)],
    "fr": [("Baguette tradition", 0, 1, 2), ("Croissant pur beurre", 0, 1, 2), ("Pain aux céréales", 0, 2, 4), ("Café allongé", 1, 2, 3),
           ("Tarte aux pommes", 0, 3, 6), ("Jus d'orange pressé", 1, 3, 5), ("Sac cabas", 2, 1, 3), ("Éclair au chocolat", 0, 2, 4), ("Quiche lorraine", 1, 4, 7)],
    "it": [("Pane integrale 500 g", 0, 2, 4), ("Cornetto alla crema", 1, 1, 2), ("Caffè espresso", 1, 1, 2), ("Cappuccino", 1, 1, 3),
           ("Focaccia genovese", 0, 2, 5), ("Acqua minerale 0,5 l", 1, 1, 2), ("Shopper riutilizzabile", 2, 1, 2), ("Tramezzino", 1, 2, 4)],
    "es": [("Barra de pan", 0, 1, 2), ("Napolitana de chocolate", 1, 1, 3), ("Café con leche", 1, 1, 3), ("Zumo de naranja", 1, 2, 4),
           ("Bocadillo de tortilla", 1, 3, 6), ("Agua mineral 0,5 l", 1, 1, 2), ("Bolsa reutilizable", 2, 1, 2), ("Magdalenas (6 uds.)", 0, 2, 4)],
    "nl": [("Volkorenbrood", 0, 2, 4), ("Krentenbol", 0, 1, 2), ("Koffie verkeerd", 0, 2, 4), ("Appeltaart punt", 0, 3, 5),
           ("Spa blauw 0,5 l", 0, 1, 3), ("Draagtas", 1, 1, 2), ("Stroopwafels", 0, 2, 4), ("Theelichtjes 30 st.", 1, 3, 5)],
    "pt": [("Pão de forma", 0, 1, 3), ("Pastel de nata", 1, 1, 2), ("Café", 1, 1, 2), ("Galão", 1, 1, 3), ("Sumo de laranja natural", 2, 2, 4),
           ("Tosta mista", 1, 2, 4), ("Água 0,5 l", 1, 1, 2), ("Saco reutilizável", 2, 1, 2), ("Bolo de arroz", 1, 1, 2)],
    "en": [("Sourdough loaf", 0, 3, 5), ("Croissant", 0, 1, 3), ("Flat white", 1, 3, 4), ("Cinnamon bun", 0, 2, 4), ("Sparkling water 500 ml", 1, 1, 2),
           ("Tote bag", 1, 2, 4), ("Granola 500 g", 0, 4, 7), ("Hot chocolate", 1, 3, 4)],
}
SHOP_KIND = {"de": "Bäckerei", "fr": "Boulangerie", "it": "Panificio", "es": "Panadería", "nl": "Bakkerij", "pt": "Padaria", "en": "Bakery"}


def render_receipt(doc, iv, R):
    S = iv.size
    W = doc.w
    x0, x1 = doc.ml, W - doc.mr
    y = doc.mt
    grey = (0.25, 0.25, 0.25)
    rr = iv.rdata

    def line(t, st="r", al="l", sz=None, x=None):
        nonlocal y
        y += (sz or S) * 1.3
        doc.text(x if x is not None else (x0 if al == "l" else (x1 if al == "r" else W / 2)), y, t, sz or S, st, al)

    def lr(a, b, st="r", sz=None):
        nonlocal y
        y += (sz or S) * 1.3
        doc.text(x0, y, a, sz or S, st)
        doc.text(x1, y, b, sz or S, st, "r")

    def dash():
        nonlocal y
        y += S * 0.8
        if rr["rule"] == "line":
            doc.line(x0, y, x1, y, 0.5, grey)
        else:
            doc.text(W / 2, y + S * 0.3, "-" * int((x1 - x0) / doc.tw("-", S)), S, "r", "c")
        y += S * 0.3

    y += S
    doc.text(W / 2, y + S * 0.8, rr["brand"], S + 5, "b", "c")
    y += S * 1.6
    if rr["legal_top"]:
        line(iv.issuer, al="c")
    for ln in iv.issuer_addr:
        line(ln, al="c")
    line(f"{iv.L['phone']} {iv.phone}", al="c")
    line(f"{iv.L['vat_id']}: {iv.issuer_vat}", al="c", sz=S - 0.5)
    dash()
    line(f"{R['no']} {iv.number}", "b")
    lr(iv.d(iv.date), rr["time"])
    line(f"{R['till']} {rr['till']}  Bon {rr['bon']}", sz=S - 0.5)
    if iv.customer:
        line(f"{R['cust']}: {iv.customer}")
    dash()
    for it in iv.items:
        letter = rr["letters"][it["rate"]]
        if it["qty_printed"]:
            line(it["desc"])
            lr(f"  {iv.qty(it['qty'])} x {iv.n(it['price'])}", f"{iv.m(it['amount'])} {letter}")
        else:
            lr(it["desc"], f"{iv.m(it['amount'])} {letter}")
    dash()
    tot = iv.m(iv.total, "total")
    lr(R["total"] + (f" {iv.cur}" if iv.cur_mode == "heading" else ""), tot, "b", S + 2)
    if rr["pay"] == "cash":
        lr(R["cash"], iv.m(rr["given"], "sum"))
        lr(R["change"], iv.m(rr["given"] - iv.total, "sum"))
    else:
        lr(R["card"], iv.m(iv.total, "sum"))
    dash()
    # VAT summary
    cw = (x1 - x0) / 4
    y += S * 1.3
    for j, h in enumerate([R["vat"], R["net"], R["tax"], R["gross"]]):
        doc.text(x0 + cw * (j + 1) - 2 if j else x0, y, h, S - 0.5, "b", "r" if j else "l")
    for r, b, t in iv.tax_groups:
        y += S * 1.3
        vals = [f"{rr['letters'][r]} {iv.rate(r)}%", iv.n(b), iv.n(t), iv.n(b + t)]
        for j, v in enumerate(vals):
            doc.text(x0 + cw * (j + 1) - 2 if j else x0, y, v, S - 0.5, "r", "r" if j else "l")
    if len(iv.tax_groups) > 1 or rr["sumrow"]:
        y += S * 1.3
        for j, v in enumerate([R["sum"], iv.n(iv.subtotal), iv.n(iv.tax), iv.n(iv.total)]):
            doc.text(x0 + cw * (j + 1) - 2 if j else x0, y, v, S - 0.5, "b", "r" if j else "l")
    dash()
    if not rr["legal_top"]:
        line(iv.issuer, al="c", sz=S - 0.5)
    line(R["thanks"], al="c")
    if iv.lang == "de":
        line(f"TSE-Signaturzähler: {rr['tse']}", sz=S - 1.5, al="c")
    y += S * 2
    return y


def build_receipt(rng, lang):
    iv = Inv(rng, lang, "receipt")
    iv.setup(en_us=False, currency="GBP" if lang == "en" else "EUR", size_range=(7, 8.5), families=MONO_FAMILIES + PROP_FAMILIES[:4],
             page=(RECEIPT_W, 800))
    iv.family = pick(rng, MONO_FAMILIES) if rng.random() < 0.6 else iv.family
    if iv.cur_mode == "heading":
        iv.cur_mode = pick(rng, ["heading", "totals"])
    iv.numstyle = "en" if lang == "en" else "plain_comma" if iv.numstyle in ("de", "fr_sp", "fr_nbsp", "fr_nnbsp") else iv.numstyle
    iv.parties(person_customer=False)
    if rng.random() < 0.5:
        iv.customer = ""
    iv.issuer = f"{iv.brand} {SHOP_KIND[lang]} {pick(rng, FORMS[lang])}" if rng.random() < 0.7 else f"{iv.brand} {pick(rng, FORMS[lang])}"
    R = RC[lang]
    rates = {k: D(r) for k, (_, r) in enumerate(R["rates"])}
    for desc, ri, lo, hi in rng.sample(SHOP[lang], rng.randint(3, min(8, len(SHOP[lang])))):
        ri = min(ri, len(rates) - 1)
        qty = D(pick(rng, [1, 1, 1, 2, 2, 3, 4, 6]))
        it = iv.item(desc, qty, q(D(str(rng.uniform(lo, hi))) * 20, 0) / 20, rate=rates[ri])
        it["price"] = q(it["price"])
        it["amount"] = q(it["qty"] * it["price"])
        if qty == 1 and rng.random() < 0.8:
            it["qty_printed"] = it["price_printed"] = False
        iv.items.append(it)
    groups = {}
    for it in iv.items:
        groups[it["rate"]] = groups.get(it["rate"], D(0)) + it["amount"]
    iv.tax_groups = []
    for r, g in sorted(groups.items()):
        net = q(g / (1 + r / 100))
        iv.tax_groups.append((r, net, g - net))
    iv.total = sum(groups.values())
    iv.subtotal = sum(b for _, b, _ in iv.tax_groups)
    iv.tax = sum(t for _, _, t in iv.tax_groups)
    iv.items_sum = "total"
    letters = {D(r): k for k, r in R["rates"]}
    given = iv.total
    for note in (5, 10, 20, 50, 100):
        if note >= iv.total:
            given = D(note)
            break
    iv.rdata = dict(brand=iv.brand.upper(), legal_top=rng.random() < 0.6, time=f"{rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}",
                    till=rng.randint(1, 4), bon=rng.randint(1000, 99999), letters=letters, pay=pick(rng, ["cash", "card"]), given=given,
                    rule=pick(rng, ["line", "dash"]), sumrow=rng.random() < 0.5, tse=rng.randint(10000, 999999))
    iv.distractors += ["time", "till_bon", "vat_id"] + (["cash_given", "change"] if iv.rdata["pay"] == "cash" else ["card_amount"])
    iv.features.update(prices_incl_tax=True, payment=iv.rdata["pay"], issuer_position="top_center" if iv.rdata["legal_top"] else "bottom")
    probe = Doc(RECEIPT_W, 3000, iv.family, iv.size, margins=(10, 8, 10, 10))
    h = render_receipt(probe, iv, R)
    iv.pagesize = (RECEIPT_W, round(h + 12, 2))
    doc = Doc(*iv.pagesize, iv.family, iv.size, margins=(10, 8, 10, 10))
    render_receipt(doc, iv, R)
    return doc, [iv]


BUILDERS = {"construction": build_construction, "medical": build_medical, "catering": build_catering, "ruled_grid": build_ruled_grid,
            "multi_currency": build_multi_currency, "long_desc": build_long_desc, "intl_lang": build_intl, "two_invoices": build_two,
            "sidebar_layout": build_sidebar, "receipt": build_receipt}


# ----------------------------------------------------------------------------------------------
# scanned look (PNG only)
# ----------------------------------------------------------------------------------------------
def _perspective_coeffs(src, dst):
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B += [u, v]
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def degrade(img, rng, nprng):
    """rng: random.Random; returns (image, params)."""
    kind = pick(rng, ["scanner", "phone"])
    w, h = img.size
    p = dict(kind=kind)
    arr = np.asarray(img.convert("RGB"), dtype=np.float32)
    paper = np.array(pick(rng, [(0.93, 0.92, 0.89), (0.9, 0.9, 0.9), (0.95, 0.93, 0.86), (0.88, 0.88, 0.87)]), np.float32)
    arr = 255 - (255 - arr) * rng.uniform(0.8, 0.95)  # slightly faded ink
    arr = arr * paper
    p["paper"] = paper.round(3).tolist()
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    dist = np.sqrt(((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2)
    strength = rng.uniform(0.08, 0.25) if kind == "phone" else rng.uniform(0.02, 0.08)
    light = 1.0 - strength * dist / dist.max()
    arr = arr * light[..., None]
    p["lighting"] = round(strength, 3)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    bg = (40, 38, 36) if kind == "phone" else (235, 235, 235)
    if kind == "phone" or rng.random() < 0.3:
        d = 0.02 if kind == "phone" else 0.008
        jit = lambda s: rng.uniform(0, d) * s
        dst = [(jit(w), jit(h)), (w - jit(w), jit(h)), (w - jit(w), h - jit(h)), (jit(w), h - jit(h))]
        coeffs = _perspective_coeffs([(0, 0), (w, 0), (w, h), (0, h)], dst)
        img = img.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=bg)
        p["perspective"] = round(d, 3)
    ang = rng.uniform(-3, 3)
    img = img.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=bg)
    p["rotation"] = round(ang, 2)
    blur = rng.uniform(0.3, 1.1)
    img = img.filter(ImageFilter.GaussianBlur(blur))
    p["blur"] = round(blur, 2)
    arr = np.asarray(img, dtype=np.float32)
    sigma = rng.uniform(3, 9)
    arr = arr + nprng.normal(0, sigma, arr.shape[:2])[..., None]
    p["noise"] = round(sigma, 2)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if rng.random() < 0.5:
        img = img.convert("L").convert("RGB")
        p["grey"] = True
    qual = rng.randint(30, 70)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=qual)
    img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    p["jpeg_quality"] = qual
    return img, p


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------
def main(n=40, seed=1, outdir="out"):
    os.makedirs(outdir, exist_ok=True)
    master = random.Random(f"indep4-{seed}")
    order = ARCHETYPES[:]
    master.shuffle(order)
    offsets = {a: master.randrange(100) for a in ARCHETYPES}
    counts = dict.fromkeys(ARCHETYPES, 0)
    written = []
    for i in range(n):
        arch = order[i % len(order)]
        langs = ARCH_LANGS[arch]
        lang = langs[(counts[arch] + offsets[arch]) % len(langs)]
        counts[arch] += 1
        for attempt in range(8):
            rng = random.Random(f"{seed}:{i}:{attempt}")
            doc, ivs = BUILDERS[arch](rng, lang)
            if 1 <= len(doc.pages) <= 3:
                break
        stem = f"inv{i + 1:03d}_{lang}"
        pdf = doc.pdf
        pdf.set_metadata({"title": f"{ivs[0].L['title']} {ivs[0].number}", "author": ivs[0].issuer, "creator": "indep_invoices4 gen.py",
                          "producer": "pymupdf", "creationDate": "D:20240101000000", "modDate": "D:20240101000000"})
        pdf.subset_fonts()
        pdf.save(os.path.join(outdir, stem + ".pdf"), garbage=3, deflate=True, no_new_id=True)
        npages = len(doc.pages)
        srng = random.Random(f"{seed}:{i}:scan")
        scanned = srng.random() < 1 / 3
        scan_params = []
        for k, page in enumerate(pdf):
            pix = page.get_pixmap(dpi=150)
            img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            if scanned:
                img, sp = degrade(img, srng, np.random.RandomState((seed * 1000003 + i * 101 + k) % (2 ** 32)))
                scan_params.append(sp)
            img.save(os.path.join(outdir, f"{stem}_p{k + 1}.png"), dpi=(150, 150))
        if len(ivs) == 1:
            truth = ivs[0].truth(npages)
        else:
            dp = ivs[0].features["doc_pages"]
            docs = [iv.truth(p) for iv, p in zip(ivs, dp)]
            truth = dict(docs[0])
            truth["documents"] = docs
            truth["features"] = dict(docs[0]["features"], n_pages=npages, n_documents=len(docs))
        for t in [truth] + truth.get("documents", []):
            t["features"]["scanned"] = scanned
            if scanned:
                t["features"]["scan"] = scan_params
            t["features"]["index"] = i + 1
            t["features"]["seed"] = seed
        with open(os.path.join(outdir, stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
        written.append(stem)
        pdf.close()
    return written


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if a else 40, int(a[1]) if len(a) > 1 else 1, a[2] if len(a) > 2 else "out")
