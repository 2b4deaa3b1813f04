#!/usr/bin/env python3
"""Independent invoice test-set generator ("indep_invoices2").

For each invoice it writes a born-digital PDF (real text layer), one 150-dpi PNG per page (about a
third of the invoices get a "scanned" look on the PNG only: slight rotation, blur, noise, JPEG
artefacts, grey paper) and a ground-truth JSON (invoice number, issue date, issuer, customer, totals,
currency, line items and a `features` dict describing every layout choice).

The invoices are drawn from ten real-world archetypes, each with its own layout logic:
  saas         cloud/SaaS billing statement: account id, billing period, "amount due on", summary of
               charges by service on page 1, grouped usage details on page 2
  marketplace  e-commerce tax invoice: platform vs. "sold by" seller, order no./date distinct from invoice
               no./date, billing/shipping blocks, per-line tax columns, amount in words
  utility      energy/telecom bill: account & meter numbers, previous balance, payments, amount due
               (truth total = current charges incl. tax; balances are distractors)
  hotel        hotel folio: arrival/departure, nights as lines, city tax, deposits/payments, VAT summary
  freelancer   letter-style invoice: letterhead, address window, prose, hours x rate, bank details
  rechnung     German DIN-5008 style "Rechnung" (DE/AT/CH): info block, Übertrag, Skonto, legal footer
  facture      French "Facture" (FR/BE/CH): HT/TVA/TTC, acompte, SIRET/RCS footer, "Fait à ..., le ..."
  eu_local     Spanish / Italian / Dutch / Portuguese invoices with their own labels and conventions
  minimal      modern minimal invoice: number only in the title ("INVOICE #A-10293"), boxed meta grid,
               issuer only in the logo or only in the footer
  trade        B2B wholesale invoice: bill-to/ship-to, PO, SKU column, freight, discount, one or two
               sales taxes, balance due after payment, detachable remittance stub

It was written blind to the reader's rules: the author did not look at the extraction code, its tests or
the earlier benchmark generator; only the scorer (for the truth-JSON format) was read.  All names,
addresses and numbers are invented at random.

usage: python gen.py [N] [SEED] [OUTDIR]          (defaults: 60 20260101 indep-invoices2)
"""
import io
import json
import os
import random
import re
import sys
import unicodedata
from datetime import date, timedelta
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

# ----------------------------------------------------------------------------------------- fonts
TTF = "/usr/share/fonts/truetype"
FAMILIES = {
    "helvetica": {"r": ("helv", None), "b": ("hebo", None), "i": ("heit", None)},
    "times": {"r": ("tiro", None), "b": ("tibo", None), "i": ("tiit", None)},
    "courier": {"r": ("cour", None), "b": ("cobo", None), "i": ("coit", None)},
    "dejavu-sans": {"r": ("DVS", "dejavu/DejaVuSans.ttf"), "b": ("DVSB", "dejavu/DejaVuSans-Bold.ttf"),
                    "i": ("DVSI", "dejavu/DejaVuSans-Oblique.ttf")},
    "dejavu-condensed": {"r": ("DVC", "dejavu/DejaVuSansCondensed.ttf"), "b": ("DVCB", "dejavu/DejaVuSansCondensed-Bold.ttf"),
                         "i": ("DVCI", "dejavu/DejaVuSansCondensed-Oblique.ttf")},
    "dejavu-serif": {"r": ("DVR", "dejavu/DejaVuSerif.ttf"), "b": ("DVRB", "dejavu/DejaVuSerif-Bold.ttf"),
                     "i": ("DVRI", "dejavu/DejaVuSerif-Italic.ttf")},
    "liberation-sans": {"r": ("LS", "liberation/LiberationSans-Regular.ttf"), "b": ("LSB", "liberation/LiberationSans-Bold.ttf"),
                        "i": ("LSI", "liberation/LiberationSans-Italic.ttf")},
    "liberation-serif": {"r": ("LR", "liberation/LiberationSerif-Regular.ttf"), "b": ("LRB", "liberation/LiberationSerif-Bold.ttf"),
                         "i": ("LRI", "liberation/LiberationSerif-Italic.ttf")},
    "liberation-narrow": {"r": ("LN", "liberation/LiberationSansNarrow-Regular.ttf"),
                          "b": ("LNB", "liberation/LiberationSansNarrow-Bold.ttf"),
                          "i": ("LNI", "liberation/LiberationSansNarrow-Italic.ttf")},
    "liberation-mono": {"r": ("LM", "liberation/LiberationMono-Regular.ttf"), "b": ("LMB", "liberation/LiberationMono-Bold.ttf"),
                        "i": ("LMI", "liberation/LiberationMono-Italic.ttf")},
}
BASE14 = {"helvetica", "times", "courier"}
_FONT_CACHE = {}


def font_obj(name, file):
    key = file or name
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = pymupdf.Font(fontfile=os.path.join(TTF, file)) if file else pymupdf.Font(name)
    return _FONT_CACHE[key]


# ----------------------------------------------------------------------------------------- numbers
CENT = D("0.01")


def q2(x):
    return D(x).quantize(CENT, ROUND_HALF_UP)


def money_str(x):
    return f"{q2(x):.2f}"


def dec_str(x):
    return None if x is None else format(D(x).normalize(), "f")


class Fmt:
    """Number / money formatting for one invoice."""

    def __init__(self, thou, dec, cur_mode, cur_text, cur_pos, cur_space, neg):
        self.thou, self.dec = thou, dec
        self.cur_mode, self.cur_text, self.cur_pos, self.cur_space = cur_mode, cur_text, cur_pos, cur_space
        self.neg_style = neg

    def n(self, x, places=2):
        x = D(x)
        neg = x < 0
        s = f"{abs(x).quantize(D(1).scaleb(-places), ROUND_HALF_UP):.{places}f}"
        ip, _, fp = s.partition(".")
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        groups.insert(0, ip)
        out = self.thou.join(groups) + (self.dec + fp if places else "")
        return self.neg(out) if neg else out

    def neg(self, s):
        return {"minus": "-" + s, "paren": "(" + s + ")", "trail": s + "-", "uminus": "\u2212" + s}[self.neg_style]

    def m(self, x, places=2):
        """Amount with the currency marker (only in sym/code modes)."""
        x = D(x)
        s = self.n(abs(x), places)
        if self.cur_mode in ("sym", "code"):
            sp = " " if self.cur_space else ""
            s = f"{self.cur_text}{sp}{s}" if self.cur_pos == "before" else f"{s}{sp}{self.cur_text}"
        if x < 0:
            return ("-" + s) if self.neg_style == "trail" else self.neg(s)
        return s

    def q(self, x):
        """Quantity: integers without decimals, otherwise the decimals it has."""
        x = D(x)
        if x == x.to_integral_value():
            return self.n(x, 0)
        places = max(1, -x.normalize().as_tuple().exponent)
        return self.n(x, places)


def pct_text(r, lang, dec, space):
    r = D(r)
    s = format(r.normalize(), "f") if r != r.to_integral_value() else str(int(r))
    s = s.replace(".", dec)
    return s + ("\u00a0%" if space == "nbsp" else " %" if space else "%")


# ----------------------------------------------------------------------------------------- dates
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
}
MONTHS_ABBR = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sep. Okt. Nov. Dez.".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
    "it": "gen feb mar apr mag giu lug ago set ott nov dic".split(),
    "nl": "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split(),
    "pt": "jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.".split(),
}
DATE_STYLES = {
    "en_US": ["mdy_slash", "mon_d_y", "month_d_y", "mon_dth_y", "iso", "d_mon_y_dash", "mdy_short", "month_dth_y"],
    "en": ["dmy_slash", "d_month_y", "d_mon_y", "d_mon_y_dash", "iso", "dth_month_y", "ymd_slash", "mon_dth_y", "dmy_dot_short"],
    "de": ["dmy_dot", "dmy_dot", "d_month_y", "dmy_dot_short", "iso", "d_m_y_dot", "d_mon_y"],
    "fr": ["dmy_slash", "dmy_slash", "d_month_y", "dmy_dot", "d_mon_y"],
    "es": ["dmy_slash", "d_month_y", "dmy_dash", "dmy_dot"],
    "it": ["dmy_slash", "d_month_y", "dmy_dot", "dmy_dash"],
    "nl": ["dmy_dash", "d_month_y", "dmy_slash", "d_mon_y"],
    "pt": ["dmy_slash", "d_month_y", "iso", "dmy_dash", "ymd_slash"],
}


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d, style, lang):
    M, Ma = MONTHS[lang][d.month - 1], MONTHS_ABBR[lang][d.month - 1]
    f = {
        "dmy_dot": lambda: f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmy_dot_short": lambda: f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        "d_m_y_dot": lambda: f"{d.day}.{d.month}.{d.year}",
        "dmy_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "mdy_slash": lambda: f"{d.month:02d}/{d.day:02d}/{d.year}",
        "mdy_short": lambda: f"{d.month}/{d.day}/{d.year % 100:02d}",
        "dmy_dash": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}",
        "iso": lambda: d.isoformat(),
        "ymd_slash": lambda: f"{d.year}/{d.month:02d}/{d.day:02d}",
        "d_mon_y_dash": lambda: f"{d.day:02d}-{MONTHS_ABBR['en'][d.month - 1]}-{d.year}",
        "mon_d_y": lambda: f"{Ma} {d.day}, {d.year}",
        "month_d_y": lambda: f"{M} {d.day}, {d.year}",
        "mon_dth_y": lambda: f"{Ma} {ordinal(d.day)}, {d.year}",
        "month_dth_y": lambda: f"{M} {ordinal(d.day)}, {d.year}",
        "d_mon_y": lambda: (f"{d.day}. {Ma} {d.year}" if lang == "de" else f"{d.day} {Ma} {d.year}"),
        "dth_month_y": lambda: f"{ordinal(d.day)} {M} {d.year}",
    }
    if style == "d_month_y":
        if lang == "de":
            return f"{d.day}. {M} {d.year}"
        if lang == "fr":
            return f"{'1er' if d.day == 1 else d.day} {M} {d.year}"
        if lang in ("es", "pt"):
            return f"{d.day} de {M} de {d.year}"
        return f"{d.day} {M} {d.year}"
    return f[style]()


# ----------------------------------------------------------------------------------------- words
EN_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
           "seventeen eighteen nineteen").split()
EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def en_words(n):
    if n < 20:
        return EN_ONES[n]
    if n < 100:
        return EN_TENS[n // 10] + ("-" + EN_ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return EN_ONES[n // 100] + " hundred" + (" and " + en_words(n % 100) if n % 100 else "")
    if n < 10 ** 6:
        r = n % 1000
        return en_words(n // 1000) + " thousand" + ((" " if r >= 100 else " and ") + en_words(r) if r else "")
    r = n % 10 ** 6
    return en_words(n // 10 ** 6) + " million" + (" " + en_words(r) if r else "")


DE_ONES = ("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn "
           "siebzehn achtzehn neunzehn").split()
DE_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def de_words(n, final=True):
    if n == 1 and not final:
        return "ein"
    if n < 20:
        return DE_ONES[n]
    if n < 100:
        o = n % 10
        return (("ein" if o == 1 else DE_ONES[o]) + "und" if o else "") + DE_TENS[n // 10]
    if n < 1000:
        r = n % 100
        return de_words(n // 100, False) + "hundert" + (de_words(r, final) if r else "")
    if n < 10 ** 6:
        r = n % 1000
        return de_words(n // 1000, False) + "tausend" + (de_words(r, final) if r else "")
    m, r = divmod(n, 10 ** 6)
    return ("eine Million" if m == 1 else de_words(m) + " Millionen") + (" " + de_words(r) if r else "")


FR_ONES = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
           "dix-huit dix-neuf").split()
FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def fr99(n):
    if n < 20:
        return FR_ONES[n]
    t, o = divmod(n, 10)
    if t == 7:
        return "soixante et onze" if o == 1 else "soixante-" + FR_ONES[10 + o]
    if t == 8:
        return "quatre-vingts" if o == 0 else "quatre-vingt-" + FR_ONES[o]
    if t == 9:
        return "quatre-vingt-" + FR_ONES[10 + o]
    if o == 0:
        return FR_TENS[t]
    return FR_TENS[t] + (" et un" if o == 1 else "-" + FR_ONES[o])


def fr_words(n):
    if n < 100:
        return fr99(n)
    if n < 1000:
        h, r = divmod(n, 100)
        s = "cent" if h == 1 else FR_ONES[h] + " cent" + ("s" if r == 0 else "")
        return s + (" " + fr99(r) if r else "")
    if n < 10 ** 6:
        t, r = divmod(n, 1000)
        s = "mille" if t == 1 else fr_words(t).removesuffix("s") + " mille"
        return s + (" " + fr_words(r) if r else "")
    m, r = divmod(n, 10 ** 6)
    return ("un million" if m == 1 else fr_words(m) + " millions") + (" " + fr_words(r) if r else "")


ES_ONES = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete "
           "dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete "
           "veintiocho veintinueve").split()
ES_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
ES_HUND = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos", 6: "seiscientos",
           7: "setecientos", 8: "ochocientos", 9: "novecientos"}


def es_apoc(s):
    if s.endswith("veintiuno"):
        return s[:-9] + "veintiún"
    return s[:-3] + "un" if s.endswith("uno") else s


def es_words(n):
    if n < 30:
        return ES_ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return ES_TENS[t] + (" y " + ES_ONES[o] if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return ("cien" if n == 100 else ES_HUND[h]) + (" " + es_words(r) if r else "")
    if n < 10 ** 6:
        t, r = divmod(n, 1000)
        return ("mil" if t == 1 else es_apoc(es_words(t)) + " mil") + (" " + es_words(r) if r else "")
    m, r = divmod(n, 10 ** 6)
    return ("un millón" if m == 1 else es_apoc(es_words(m)) + " millones") + (" " + es_words(r) if r else "")


CUR_WORDS = {
    "en": {"USD": ("dollars", "cents"), "GBP": ("pounds", "pence"), "EUR": ("euros", "cents"),
           "CAD": ("Canadian dollars", "cents"), "AUD": ("Australian dollars", "cents"), "CHF": ("Swiss francs", "centimes")},
    "de": {"EUR": ("Euro", "Cent"), "CHF": ("Franken", "Rappen"), "USD": ("US-Dollar", "Cent")},
    "fr": {"EUR": ("euros", "centimes"), "CHF": ("francs suisses", "centimes"), "USD": ("dollars US", "cents")},
    "es": {"EUR": ("euros", "céntimos"), "USD": ("dólares", "centavos")},
}


def amount_in_words(x, lang, cur, rng):
    x = q2(x)
    ip, cents = int(x), int((x - int(x)) * 100)
    major, minor = CUR_WORDS[lang][cur]
    if lang == "en":
        s = f"{en_words(ip)} {major}" + (f" and {en_words(cents)} {minor}" if cents else "")
        return rng.choice([s.title() + " Only", s[0].upper() + s[1:] + " only", s.upper()])
    if lang == "de":
        s = f"{de_words(ip)} {major}" + (f" und {de_words(cents)} {minor}" if cents else "")
        return rng.choice([s, s[0].upper() + s[1:]])
    if lang == "fr":
        s = f"{fr_words(ip)} {major}" + (f" et {fr_words(cents)} {minor}" if cents else "")
        return s[0].upper() + s[1:]
    s = f"{es_apoc(es_words(ip))} {major}" + (f" con {es_words(cents)} {minor}" if cents else "")
    return s.upper() if rng.random() < 0.5 else s[0].upper() + s[1:]


# ----------------------------------------------------------------------------------------- people, places
FIRST = {
    "en": "James Olivia Noah Emma Liam Amelia Oliver Sophia Ethan Grace Henry Chloe Lucas Ruby Daniel Hannah Samuel Isla Thomas Megan".split(),
    "de": "Lena Jonas Miriam Tobias Katrin Florian Anja Matthias Sabine Lukas Carina Stefan Jana Felix Heike Moritz".split(),
    "fr": "Camille Julien Élodie Mathieu Claire Antoine Léa Nicolas Manon Thomas Aurélie Hugo Sophie Baptiste".split(),
    "es": "Lucía Javier Marta Alejandro Carmen Pablo Elena Sergio Nuria Diego Raquel Álvaro".split(),
    "it": "Giulia Marco Chiara Luca Francesca Matteo Elena Davide Sara Alessandro Valentina Stefano".split(),
    "nl": "Sanne Daan Fleur Bram Lotte Thijs Eva Jeroen Anouk Ruben Marloes Joost".split(),
    "pt": "Inês João Beatriz Tiago Mariana Rui Catarina Miguel Sofia Nuno Ana Pedro".split(),
}
LAST = {
    "en": "Whitfield Harper Collins Moreton Bennett Fairley Ashdown Pryce Caldwell Hensley Marsh Thornbury Rowe Oakes Linton Pemberton Cross Delaney Fenwick Garland".split(),
    "de": "Vogt Brandt Kessler Lindner Albrecht Hofmann Seidel Winkler Krämer Busch Pohl Thiele Kuhn Sommer Ebert Franke".split(),
    "fr": "Moreau Lefèvre Girard Bonnet Dupuis Lambert Fontaine Rousseau Chevalier Gauthier Perrin Mercier Blanchard Caron".split(),
    "es": ["García Ortega", "Navarro", "Romero Gil", "Castillo", "Herrera Sanz", "Molina", "Delgado", "Vidal Prieto",
           "Serrano", "Iglesias"],
    "it": "Ferrari Esposito Bianchi Colombo Ricci Marino Greco Bruno Gallo Conti Mancini Lombardi".split(),
    "nl": ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "van den Berg",
           "Dekker", "Kok"],
    "pt": ["Silva Costa", "Ferreira", "Pereira", "Rodrigues", "Martins", "Sousa", "Fernandes", "Gonçalves", "Lopes",
           "Marques", "Almeida", "Ribeiro"],
}
DE_FEMALE = "Lena Miriam Katrin Anja Sabine Carina Jana Heike".split()
DE_MALE = "Jonas Tobias Florian Matthias Lukas Stefan Felix Moritz".split()
STEM_PRE = ("Brel Kest Nov Quor Vall Tam Lind Orv Cal Mer Sil Dar Fen Hal Istr Jor Lum Pell Rav Tor Ulm Ves Wyn Zel "
            "Ard Bren Cor Elv Gar Mor Nor Sar Tev Aur Bel Dov Kaln Ost Prav Sel").split()
STEM_SUF = "ane ora ex wick ton ara ion ix ond elle ast mere ford by ino eda ium aro itz ova una en is ar ell ith".split()

COMPANY_PATTERNS = {
    "en": ["{S} {N}", "{S} {N}", "{L} & {L2} {N}", "{S}"],
    "de": ["{S} {N}", "{L} {N}", "{S}", "{L} & {L2}"],
    "fr": ["{N} {S}", "{S} {N}", "{N} {L}"],
    "es": ["{N} {S}", "{S} {N}"],
    "it": ["{S} {N}", "{N} {S}"],
    "nl": ["{S} {N}", "{N} {S}"],
    "pt": ["{S} {N}", "{S} & Filhos"],
}
COMPANY_NOUNS = {
    "en": ["Analytics", "Supply Co.", "Logistics", "Systems", "Design Studio", "Partners", "Engineering", "Hardware",
           "Foods", "Consulting", "Media", "Electrical", "Print Works", "Outfitters", "Components", "Software",
           "Facilities", "Trading"],
    "de": ["Haustechnik", "Logistik", "Datentechnik", "Metallbau", "Elektrotechnik", "Druckerei", "Software",
           "Beratung", "Gebäudeservice", "Medien", "Maschinenbau", "Büroausstattung"],
    "fr": ["Atelier", "Imprimerie", "Menuiserie", "Cabinet", "Transports", "Conseil", "Informatique", "Éditions"],
    "es": ["Talleres", "Soluciones", "Distribuciones", "Construcciones", "Gráficas", "Suministros"],
    "it": ["Servizi", "Officine", "Informatica", "Impianti", "Tipografia", "Forniture"],
    "nl": ["Techniek", "Groep", "Bouwbedrijf", "Media", "Logistiek", "Installatietechniek"],
    "pt": ["Serviços", "Engenharia", "Comércio", "Gráfica", "Equipamentos"],
}
LEGAL = {
    "US": ["Inc.", "LLC", "Corp.", "Inc."], "GB": ["Ltd", "Limited", "Ltd.", "LLP"], "IE": ["Ltd", "Limited", "DAC"],
    "CA": ["Inc.", "Ltd.", "Corp."], "AU": ["Pty Ltd", "Pty. Ltd."],
    "DE": ["GmbH", "GmbH", "AG", "GmbH & Co. KG", "UG (haftungsbeschränkt)", "e.K."], "AT": ["GmbH", "Ges.m.b.H.", "OG", "KG"],
    "CH": ["AG", "GmbH"], "CH_fr": ["SA", "Sàrl"], "FR": ["SARL", "SAS", "SASU", "EURL", "S.A."], "BE_fr": ["SRL", "SA"],
    "BE_nl": ["BV", "NV"], "ES": ["S.L.", "S.A.", "S.L.U."], "IT": ["S.r.l.", "S.p.A.", "S.n.c.", "S.r.l.s."],
    "NL": ["B.V.", "B.V.", "V.O.F."], "PT": ["Lda.", "S.A.", "Unipessoal Lda."],
}
CITIES = {
    "US": [("Portland", "OR", "972"), ("Columbus", "OH", "432"), ("Austin", "TX", "787"), ("Raleigh", "NC", "276"),
           ("Madison", "WI", "537"), ("Boise", "ID", "837"), ("Richmond", "VA", "232"), ("Tucson", "AZ", "857")],
    "GB": [("Leeds", "LS"), ("Bristol", "BS"), ("Norwich", "NR"), ("York", "YO"), ("Cardiff", "CF"), ("Nottingham", "NG"),
           ("Reading", "RG")],
    "IE": [("Cork", "T12"), ("Galway", "H91"), ("Limerick", "V94"), ("Dublin 2", "D02"), ("Waterford", "X91")],
    "CA": [("Halifax", "NS", "B3"), ("Winnipeg", "MB", "R3"), ("Calgary", "AB", "T2"), ("Ottawa", "ON", "K1"),
           ("Victoria", "BC", "V8")],
    "AU": [("Geelong", "VIC", "32"), ("Newcastle", "NSW", "23"), ("Hobart", "TAS", "70"), ("Perth", "WA", "60"),
           ("Townsville", "QLD", "48")],
    "DE": [("Leipzig", "04"), ("Bremen", "28"), ("Augsburg", "86"), ("Kassel", "34"), ("Freiburg im Breisgau", "79"),
           ("Münster", "48"), ("Rostock", "18"), ("Mainz", "55")],
    "AT": [("Graz", "80"), ("Linz", "40"), ("Salzburg", "50"), ("Innsbruck", "60"), ("Wien", "11")],
    "CH": [("Winterthur", "84"), ("Luzern", "60"), ("St. Gallen", "90"), ("Basel", "40"), ("Bern", "30")],
    "CH_fr": [("Lausanne", "10"), ("Neuchâtel", "20"), ("Genève", "12"), ("Fribourg", "17")],
    "FR": [("Lyon", "69"), ("Nantes", "44"), ("Rennes", "35"), ("Dijon", "21"), ("Grenoble", "38"), ("Toulouse", "31"),
           ("Lille", "59")],
    "BE_fr": [("Namur", "50"), ("Liège", "40"), ("Charleroi", "60"), ("Mons", "70")],
    "BE_nl": [("Gent", "90"), ("Leuven", "30"), ("Antwerpen", "20"), ("Brugge", "80")],
    "ES": [("Valencia", "46"), ("Zaragoza", "50"), ("Málaga", "29"), ("Bilbao", "48"), ("Murcia", "30"), ("Madrid", "28")],
    "IT": [("Bologna", "401", "BO"), ("Torino", "101", "TO"), ("Verona", "371", "VR"), ("Padova", "351", "PD"),
           ("Bari", "701", "BA")],
    "NL": [("Utrecht", "35"), ("Eindhoven", "56"), ("Groningen", "97"), ("Haarlem", "20"), ("Zwolle", "80")],
    "PT": [("Porto", "4"), ("Braga", "47"), ("Coimbra", "30"), ("Aveiro", "38"), ("Lisboa", "1")],
}
COUNTRY_NAMES = {
    "DE": {"en": "Germany", "de": "Deutschland", "fr": "Allemagne", "nl": "Duitsland"},
    "FR": {"en": "France", "de": "Frankreich", "fr": "France", "nl": "Frankrijk"},
    "NL": {"en": "Netherlands", "de": "Niederlande", "fr": "Pays-Bas", "nl": "Nederland"},
    "IE": {"en": "Ireland", "de": "Irland", "fr": "Irlande", "nl": "Ierland"},
    "ES": {"en": "Spain", "de": "Spanien", "fr": "Espagne", "nl": "Spanje"},
    "IT": {"en": "Italy", "de": "Italien", "fr": "Italie", "nl": "Italië"},
    "AT": {"en": "Austria", "de": "Österreich", "fr": "Autriche", "nl": "Oostenrijk"},
    "BE": {"en": "Belgium", "de": "Belgien", "fr": "Belgique", "nl": "België"},
    "US": {"en": "United States", "de": "USA", "fr": "États-Unis", "nl": "Verenigde Staten"},
    "GB": {"en": "United Kingdom", "de": "Vereinigtes Königreich", "fr": "Royaume-Uni", "nl": "Verenigd Koninkrijk"},
}
ST_NAMES = {
    "en": "Maple Harbour Station Mill Orchard Kingfisher Willow Church Foundry Granary Meadow Ashford Bramble Carlton Heron Juniper Linden Marlow".split(),
    "de": "Linden Birken Mühlen Garten Schiller Berg Hafen Kirch Eichen Rosen Wiesen Feld Bahnhof Markt Industrie Ahorn Kastanien Lerchen".split(),
    "fr": ["des Lilas", "des Tilleuls", "des Acacias", "des Vignes", "du Moulin", "de la Gare", "des Artisans",
           "du Château", "des Peupliers", "de la Forge", "des Écoles", "du Stade"],
    "es": ["del Olmo", "de los Almendros", "Mayor", "de la Estación", "del Molino", "de las Huertas", "de San Telmo",
           "de la Industria", "del Pilar", "de los Tilos"],
    "it": ["dei Tigli", "del Lavoro", "della Stazione", "delle Industrie", "dei Mulini", "San Rocco", "dei Castagni",
           "del Porto", "delle Rose", "dei Mille"],
    "nl": "Linden Molen Kerk Beuken Haven Stations Dorps Industrie Wilgen Eiken Zuider Noorder".split(),
    "pt": ["das Flores", "do Moinho", "da Estação", "dos Castanheiros", "Nova", "da Indústria", "de São Bento",
           "do Comércio", "das Oliveiras", "do Sol"],
}
CUR_OF = {"US": "USD", "GB": "GBP", "IE": "EUR", "CA": "CAD", "AU": "AUD", "DE": "EUR", "AT": "EUR", "CH": "CHF",
          "FR": "EUR", "BE": "EUR", "ES": "EUR", "IT": "EUR", "NL": "EUR", "PT": "EUR"}
VAT_STD = {"GB": D(20), "IE": D(23), "DE": D(19), "AT": D(20), "CH": D("8.1"), "FR": D(20), "BE": D(21), "ES": D(21),
           "IT": D(22), "NL": D(21), "PT": D(23), "AU": D(10)}
VAT_RED = {"GB": D(5), "IE": D("13.5"), "DE": D(7), "AT": D(10), "CH": D("2.6"), "FR": D("5.5"), "BE": D(6),
           "ES": D(10), "IT": D(10), "NL": D(9), "PT": D(13), "AU": D(0)}
ACCENTS = [(0.12, 0.30, 0.55), (0.05, 0.45, 0.40), (0.55, 0.15, 0.18), (0.30, 0.30, 0.30), (0.20, 0.20, 0.45),
           (0.62, 0.36, 0.05), (0.10, 0.38, 0.62), (0.35, 0.15, 0.45), (0.0, 0.0, 0.0)]
BLACK, GREY, MID = (0, 0, 0), (0.35, 0.35, 0.35), (0.55, 0.55, 0.55)


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def stem(rng):
    return rng.choice(STEM_PRE) + rng.choice(STEM_SUF)


def person_name(rng, lang):
    return f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}"


def region(country, lang):
    if country in ("CH", "BE"):
        return f"{country}_{'fr' if lang == 'fr' else 'nl' if lang == 'nl' else ''}".rstrip("_")
    return country


def street(rng, lang, country):
    n = rng.randint(1, 180)
    names = ST_NAMES[lang]
    if lang == "en":
        nm = rng.choice(names).replace("Harbour", "Harbor" if country == "US" else "Harbour")
        if rng.random() < 0.15:
            return f"Unit {rng.randint(1, 24)}, {nm} Business Park"
        return f"{rng.randint(2, 2400)} {nm} {rng.choice(['Street', 'Road', 'Avenue', 'Lane', 'Drive', 'Way', 'Court'])}"
    if lang == "de":
        if rng.random() < 0.15:
            return f"Am {rng.choice(names)}hof {n}"
        return f"{rng.choice(names)}{rng.choice(['straße', 'weg', 'allee', 'ring', 'gasse'])} {n}{rng.choice(['', '', 'a', 'b'])}"
    if lang == "fr":
        return f"{n}{rng.choice(['', '', ' bis'])} {rng.choice(['rue', 'avenue', 'boulevard', 'chemin', 'impasse'])} {rng.choice(names)}"
    if lang == "es":
        return f"{rng.choice(['Calle', 'Avenida', 'Paseo', 'C/'])} {rng.choice(names)}, {n}" + rng.choice(["", "", ", 2º B", ", bajo"])
    if lang == "it":
        return f"{rng.choice(['Via', 'Viale', 'Corso', 'Piazza'])} {rng.choice(names)}, {n}"
    if lang == "nl":
        return f"{rng.choice(names)}{rng.choice(['straat', 'weg', 'laan', 'plein', 'kade'])} {n}"
    return f"{rng.choice(['Rua', 'Avenida', 'Travessa', 'Largo'])} {rng.choice(names)}, {n}" + rng.choice(["", "", ", 2.º Esq."])


def city_line(rng, country, lang):
    """Returns (postal line, city name)."""
    c = rng.choice(CITIES[region(country, lang)])
    return _city_line(rng, country, c), c[0]


def _city_line(rng, country, c):
    L = "ABCDEFGHJKLMNPRSTUVWXY"
    if country == "US":
        return f"{c[0]}, {c[1]} {c[2]}{digits(rng, 2)}"
    if country == "GB":
        return f"{c[0]} {c[1]}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice(L)}{rng.choice(L)}"
    if country == "IE":
        return f"{c[0]}, {c[1]} {rng.choice(L)}{digits(rng, 1)}{rng.choice(L)}{rng.choice(L)}"
    if country == "CA":
        return f"{c[0]}, {c[1]} {c[2]}{rng.choice(L)} {digits(rng, 1)}{rng.choice(L)}{digits(rng, 1)}"
    if country == "AU":
        return f"{c[0]} {c[1]} {c[2]}{digits(rng, 2)}"
    if country == "NL":
        return f"{c[1]}{digits(rng, 2)} {rng.choice(L)}{rng.choice(L)} {c[0]}"
    if country == "PT":
        pc = c[1] + digits(rng, 4 - len(c[1]))
        return f"{pc}-{digits(rng, 3)} {c[0]}"
    if country == "IT":
        return f"{c[1]}{digits(rng, 2)} {c[0]} ({c[2]})"
    if country in ("AT", "CH", "BE"):
        return f"{c[1]}{digits(rng, 2)} {c[0]}"
    return f"{c[1]}{digits(rng, 3)} {c[0]}"


def phone(rng, country):
    f = {
        "US": lambda: f"({rng.randint(201, 989)}) 555-01{digits(rng, 2)}", "CA": lambda: f"({rng.choice([902, 204, 403, 613, 250])}) 555-01{digits(rng, 2)}",
        "GB": lambda: f"0{rng.choice(['113', '117', '161', '115'])} 496 0{digits(rng, 3)}",
        "IE": lambda: f"+353 {rng.choice(['21', '91', '61', '1'])} {digits(rng, 3)} {digits(rng, 4)}",
        "AU": lambda: f"(0{rng.choice([2, 3, 7, 8])}) 5550 {digits(rng, 4)}",
        "DE": lambda: f"+49 {rng.choice(['341', '421', '821', '561', '761'])} {digits(rng, 6)}-{digits(rng, 2)}",
        "AT": lambda: f"+43 {rng.choice(['316', '732', '662', '512'])} {digits(rng, 6)}",
        "CH": lambda: f"+41 {rng.choice(['52', '41', '71', '61', '21'])} {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}",
        "FR": lambda: f"0{rng.randint(1, 5)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}",
        "BE": lambda: f"+32 {rng.choice(['81', '4', '71', '9'])} {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}",
        "ES": lambda: f"+34 9{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}",
        "IT": lambda: f"+39 0{digits(rng, 2)} {digits(rng, 7)}",
        "NL": lambda: f"+31 (0){digits(rng, 2)} {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}",
        "PT": lambda: f"+351 2{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}",
    }
    return f[country]()


IBAN_BBAN = {"DE": "n" * 18, "AT": "n" * 16, "CH": "n" * 17, "FR": "n" * 10 + "c" * 11 + "nn", "BE": "n" * 12,
             "ES": "n" * 20, "IT": "a" + "n" * 10 + "c" * 12, "NL": "aaaa" + "n" * 10, "PT": "n" * 21,
             "GB": "aaaa" + "n" * 14, "IE": "aaaa" + "n" * 14}


def iban(rng, country, grouped=True):
    if country not in IBAN_BBAN:
        country = "IE"
    A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    bban = "".join(rng.choice("0123456789" if c == "n" else A if c == "a" else A + "0123456789")
                   for c in IBAN_BBAN[country])
    num = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    s = f"{country}{98 - int(num) % 97:02d}{bban}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if grouped else s


def bic(rng, country):
    A = "ABCDEFGHKLMNPRSTUVWXYZ"
    return "".join(rng.choice(A) for _ in range(4)) + (country if len(country) == 2 else "IE") + \
        rng.choice(A) + rng.choice("23456789") + rng.choice(["", "XXX"])


def vat_id(rng, country):
    f = {
        "DE": lambda: f"DE{digits(rng, 9)}", "AT": lambda: f"ATU{digits(rng, 8)}",
        "CH": lambda: f"CHE-{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)} MWST",
        "FR": lambda: f"FR{digits(rng, 2)}{digits(rng, 9)}", "BE": lambda: f"BE0{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)}",
        "ES": lambda: f"{rng.choice('ABB')}{digits(rng, 8)}", "IT": lambda: f"IT{digits(rng, 11)}",
        "NL": lambda: f"NL{digits(rng, 9)}B01", "PT": lambda: f"PT{rng.choice('5')}{digits(rng, 8)}",
        "GB": lambda: f"GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}", "IE": lambda: f"IE{digits(rng, 7)}{rng.choice('ABCDW')}",
        "US": lambda: f"{digits(rng, 2)}-{digits(rng, 7)}", "CA": lambda: f"{digits(rng, 9)} RT0001",
        "AU": lambda: f"{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
    }
    return f[country]()


DOMAINS = {"US": ".com", "GB": ".co.uk", "IE": ".ie", "CA": ".ca", "AU": ".com.au", "DE": ".de", "AT": ".at",
           "CH": ".ch", "FR": ".fr", "BE": ".be", "ES": ".es", "IT": ".it", "NL": ".nl", "PT": ".pt"}


def company(rng, lang, country, pattern=None, noun=None, legal=True):
    s = stem(rng)
    pat = pattern or rng.choice(COMPANY_PATTERNS[lang])
    nm = pat.format(S=s, N=noun or rng.choice(COMPANY_NOUNS[lang]), L=rng.choice(LAST[lang]),
                    L2=rng.choice(LAST[lang]))
    if legal:
        lg = rng.choice(LEGAL[region(country, lang)])
        nm = f"{nm}, {lg}" if (lang == "pt" and rng.random() < 0.7) or (lang == "en" and lg == "Inc." and rng.random() < 0.3) else f"{nm} {lg}"
    return {"name": nm, "brand": s, "stem": s}


GENERIC_WORDS = {w.lower() for ws in COMPANY_NOUNS.values() for w in ws} | {
    "hotel", "studio", "&", "-", "am", "see", "the", "energy", "énergie", "energie", "energía", "mobile", "telekom", "télécom",
    "telecom"}


def domain_base(name):
    words = [w for w in re.split(r"[\s,]+", name) if w]
    keep = [w for w in words if w.lower() not in GENERIC_WORDS and not any(ch in w for ch in ".()") and w.lower() not in
            {"gmbh", "ag", "kg", "ltd", "llc", "inc", "corp", "sarl", "sas", "sasu", "eurl", "sa", "srl", "nv", "bv", "lda", "llp",
             "limited", "dac", "og", "ug", "co", "pty", "sàrl", "s.a.", "unipessoal", "filhos", "e.k."}]
    w = (keep or words)[0]
    w = unicodedata.normalize("NFKD", w.replace("ß", "ss")).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in w if ch.isalnum()) or "mail"


def party(rng, lang, country, name=None, kind="company", **kw):
    p = dict(kw)
    if kind == "person":
        p["name"] = name or person_name(rng, lang)
        p["stem"] = p["name"].split()[-1].lower()
    else:
        c = company(rng, lang, country, **{k: v for k, v in kw.items() if k in ("pattern", "noun", "legal")})
        p.update(c)
        if name:
            p["name"] = name
    for k in ("pattern", "noun", "legal"):
        p.pop(k, None)
    p["country"] = country
    p["street"] = street(rng, lang, country)
    p["city"], p["city_name"] = city_line(rng, country, lang)
    p["phone"] = phone(rng, country)
    base = domain_base(p["name"]) if kind == "company" else domain_base(p["name"].split()[-1])
    p["web"] = f"www.{base}{DOMAINS[country]}"
    p["email"] = f"{rng.choice(['info', 'billing', 'accounts', 'office', 'invoices', 'hello'])}@{base}{DOMAINS[country]}"
    p["vat"] = vat_id(rng, country)
    p["iban"] = iban(rng, country)
    p["bic"] = bic(rng, country)
    return p


# ----------------------------------------------------------------------------------------- invoice numbers
def make_number(rng, year, month, shape):
    yy = year % 100
    f = {
        "digits": lambda: str(rng.randint(10000, 9999999)),
        "digits_padded": lambda: f"{rng.randint(1, 99999):07d}",
        "year_dash": lambda: f"{year}-{rng.randint(1, 2999):04d}",
        "year_slash": lambda: f"{year}/{rng.randint(1, 999):03d}",
        "num_slash_year": lambda: f"{rng.randint(1, 999)}/{year}",
        "prefix_year": lambda: f"{rng.choice(['RE', 'INV', 'F', 'FA', 'R', 'FAC', 'NF'])}{rng.choice(['-', ''])}{year}-{rng.randint(1, 99999):05d}",
        "prefix_yy": lambda: f"{rng.choice(['RE', 'INV', 'FA', 'SI', 'RG'])}{yy}{rng.choice(['/', '-'])}{rng.randint(1, 9999):04d}",
        "letter_dash": lambda: f"{rng.choice('ABCDEFGHKLMNPRSTUVWXZ')}-{rng.randint(1000, 99999)}",
        "prefix_digits": lambda: f"{rng.choice(['INV', 'IN', 'BL', 'SI', 'CI'])}-{rng.randint(1, 999999):06d}",
        "alnum": lambda: "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8)) + f"-{rng.randint(1, 9999):04d}",
        "dotted": lambda: f"{year}.{month:02d}.{rng.randint(1, 999):03d}",
        "slash_prefix": lambda: f"{rng.choice(['R', 'A', 'V'])}/{year}/{rng.randint(1, 9999):04d}",
        "pt_series": lambda: f"FT {year}/{rng.randint(1, 9999)}",
        "pt_series2": lambda: f"FT {rng.choice(['A', 'M', '1'])}{year}/{rng.randint(1, 9999)}",
        "it_slash": lambda: f"{rng.randint(1, 999)}/{rng.choice(['', 'A', 'PA'])}".rstrip("/") + ("" if rng.random() < 0.5 else f"/{yy}"),
    }
    return f[shape]()


# ----------------------------------------------------------------------------------------- labels
LBL = {
    "inv_no": {"en": ["Invoice No.", "Invoice #", "Invoice number", "Inv. No.", "Document No.", "Invoice Nr"],
               "de": ["Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.", "Beleg-Nr."],
               "fr": ["N° de facture", "Facture n°", "Numéro de facture", "N° facture"],
               "es": ["Factura nº", "Nº de factura", "Número de factura", "Factura n.º"],
               "it": ["Fattura n.", "Numero fattura", "N. documento", "Fattura nr."],
               "nl": ["Factuurnummer", "Factuurnr.", "Factuur nr."],
               "pt": ["Fatura n.º", "N.º da fatura", "Número da fatura", "Fatura nº"]},
    "date": {"en": ["Invoice date", "Date", "Date of issue", "Issue date", "Invoice Date", "Dated"],
             "de": ["Rechnungsdatum", "Datum", "Ausstellungsdatum"],
             "fr": ["Date de facture", "Date", "Date d'émission", "Date de facturation"],
             "es": ["Fecha de expedición", "Fecha factura", "Fecha", "Fecha de emisión"],
             "it": ["Data", "Data fattura", "Data documento", "Data emissione"],
             "nl": ["Factuurdatum", "Datum"],
             "pt": ["Data de emissão", "Data", "Data da fatura"]},
    "due": {"en": ["Due date", "Payment due", "Due"], "de": ["Fällig am", "Fälligkeitsdatum", "Zahlbar bis"],
            "fr": ["Date d'échéance", "Échéance", "À régler avant le"], "es": ["Fecha de vencimiento", "Vencimiento"],
            "it": ["Scadenza", "Data scadenza"], "nl": ["Vervaldatum", "Uiterste betaaldatum"],
            "pt": ["Data de vencimento", "Vencimento"]},
    "cust_no": {"en": ["Customer No.", "Customer ID", "Account No.", "Client ref."],
                "de": ["Kundennummer", "Kunden-Nr.", "Kd.-Nr."], "fr": ["Réf. client", "N° client", "Code client"],
                "es": ["Nº cliente", "Código cliente"], "it": ["Cod. cliente", "Codice cliente"],
                "nl": ["Klantnummer", "Debiteurnummer", "Klantnr."], "pt": ["N.º cliente", "Cliente n.º"]},
    "order_no": {"en": ["Order No.", "Order number", "Sales order", "Your order"],
                 "de": ["Auftragsnummer", "Bestellnummer", "Ihre Bestellung", "Auftrag Nr."],
                 "fr": ["N° de commande", "Bon de commande", "Commande n°", "Votre référence"],
                 "es": ["Nº pedido", "Pedido", "Su referencia"], "it": ["Ordine n.", "Rif. ordine", "Vs. ordine"],
                 "nl": ["Ordernummer", "Uw referentie", "Bestelnummer"], "pt": ["Encomenda n.º", "N.º encomenda", "V/ referência"]},
    "delivery": {"en": ["Delivery date", "Date of supply", "Shipped"], "de": ["Lieferdatum", "Leistungsdatum"],
                 "fr": ["Date de livraison", "Date de prestation"], "es": ["Fecha de entrega", "Fecha de operación"],
                 "it": ["Data consegna", "Data DDT"], "nl": ["Leverdatum", "Leveringsdatum"],
                 "pt": ["Data de entrega", "Data de fornecimento"]},
    "period": {"en": ["Service period", "Period"], "de": ["Leistungszeitraum", "Abrechnungszeitraum"],
               "fr": ["Période", "Période de prestation"], "es": ["Periodo de facturación", "Periodo"],
               "it": ["Periodo", "Periodo di riferimento"], "nl": ["Periode", "Factuurperiode"],
               "pt": ["Período", "Período de faturação"]},
    "desc": {"en": ["Description", "Item", "Details", "Description of goods/services"],
             "de": ["Bezeichnung", "Beschreibung", "Leistung", "Artikel"], "fr": ["Désignation", "Description", "Prestation"],
             "es": ["Concepto", "Descripción", "Artículo"], "it": ["Descrizione", "Articolo"],
             "nl": ["Omschrijving", "Beschrijving"], "pt": ["Descrição", "Designação", "Artigo"]},
    "qty": {"en": ["Qty", "Quantity", "Units"], "de": ["Menge", "Anzahl", "Anz."], "fr": ["Qté", "Quantité"],
            "es": ["Cantidad", "Cant.", "Uds."], "it": ["Q.tà", "Quantità"], "nl": ["Aantal", "Aant."],
            "pt": ["Qtd.", "Quantidade"]},
    "unit": {"en": ["Unit", "UOM"], "de": ["Einheit", "ME"], "fr": ["Unité", "U."], "es": ["Unidad", "Ud."],
             "it": ["U.M.", "Unità"], "nl": ["Eenheid"], "pt": ["Un.", "Unidade"]},
    "price": {"en": ["Unit price", "Rate", "Price", "Unit Cost"], "de": ["Einzelpreis", "E-Preis", "Preis/Einheit"],
              "fr": ["PU HT", "Prix unitaire", "P.U. HT"], "es": ["Precio", "Precio unit.", "Precio unitario"],
              "it": ["Prezzo unitario", "Prezzo", "Prezzo unit."], "nl": ["Prijs", "Stukprijs", "Tarief"],
              "pt": ["Preço unit.", "Preço unitário", "Preço"]},
    "amount": {"en": ["Amount", "Total", "Line total", "Ext. Price"], "de": ["Gesamtpreis", "Betrag", "Gesamt"],
               "fr": ["Montant HT", "Total HT", "Montant"], "es": ["Importe", "Total"], "it": ["Importo", "Totale"],
               "nl": ["Bedrag", "Totaal"], "pt": ["Total", "Valor", "Montante"]},
    "subtotal": {"en": ["Subtotal", "Net total", "Sub-total", "Total excl. VAT"],
                 "de": ["Nettobetrag", "Zwischensumme", "Summe netto", "Gesamt netto"],
                 "fr": ["Total HT", "Montant HT", "Sous-total HT"], "es": ["Base imponible", "Subtotal", "Importe neto"],
                 "it": ["Imponibile", "Totale imponibile", "Totale merce"],
                 "nl": ["Subtotaal", "Totaal excl. btw", "Netto bedrag"],
                 "pt": ["Total ilíquido", "Subtotal", "Incidência", "Base tributável"]},
    "total": {"en": ["Total", "Total due", "Invoice total", "TOTAL", "Total (incl. VAT)", "Amount due"],
              "de": ["Rechnungsbetrag", "Gesamtbetrag", "Bruttobetrag", "Endbetrag", "Gesamtsumme"],
              "fr": ["Total TTC", "Montant TTC", "Total à payer"], "es": ["Total factura", "TOTAL", "Total a pagar", "Importe total"],
              "it": ["Totale documento", "Totale fattura", "Totale da pagare", "TOTALE"],
              "nl": ["Totaal te betalen", "Totaal incl. btw", "Te betalen", "Totaalbedrag"],
              "pt": ["Total", "Total a pagar", "Total do documento"]},
    "discount": {"en": ["Discount"], "de": ["Rabatt", "Nachlass"], "fr": ["Remise"], "es": ["Descuento"],
                 "it": ["Sconto"], "nl": ["Korting"], "pt": ["Desconto"]},
    "shipping": {"en": ["Shipping", "Freight", "Shipping & handling", "Delivery"], "de": ["Versandkosten", "Fracht", "Versand"],
                 "fr": ["Frais de port", "Frais de livraison"], "es": ["Gastos de envío", "Portes"],
                 "it": ["Spese di trasporto", "Spedizione"], "nl": ["Verzendkosten"], "pt": ["Portes", "Despesas de envio"]},
    "rounding": {"en": ["Rounding"], "de": ["Rundung", "Rundungsdifferenz"], "fr": ["Arrondi"], "es": ["Redondeo"],
                 "it": ["Arrotondamento"], "nl": ["Afronding"], "pt": ["Arredondamento"]},
    "bill_to": {"en": ["Bill to", "Billed to", "Invoice to", "Customer", "Sold to"],
                "de": ["Rechnungsempfänger", "Rechnungsadresse", "Kunde"], "fr": ["Facturé à", "Client", "Adresse de facturation"],
                "es": ["Cliente", "Facturar a", "Datos del cliente"], "it": ["Cliente", "Spett.le", "Destinatario"],
                "nl": ["Factuuradres", "Klant", "Aan"], "pt": ["Cliente", "Faturar a", "Exmo(s). Sr(s)."]},
    "ship_to": {"en": ["Ship to", "Deliver to", "Shipping address"], "de": ["Lieferanschrift", "Lieferadresse"],
                "fr": ["Livré à", "Adresse de livraison"], "es": ["Dirección de envío", "Enviar a"],
                "it": ["Destinazione merce", "Luogo di consegna"], "nl": ["Afleveradres"], "pt": ["Local de entrega", "Morada de entrega"]},
    "page": {"en": ["Page {p} of {n}", "Page {p}/{n}"], "de": ["Seite {p} von {n}", "Seite {p}/{n}"], "fr": ["Page {p}/{n}", "Page {p} sur {n}"],
             "es": ["Página {p} de {n}"], "it": ["Pagina {p} di {n}", "Pag. {p}/{n}"], "nl": ["Pagina {p} van {n}"],
             "pt": ["Página {p} de {n}", "Pág. {p}/{n}"]},
    "continued": {"en": ["Continued on next page", "continued overleaf"], "de": ["Fortsetzung auf der nächsten Seite", "weiter auf Seite 2"],
                  "fr": ["Suite page suivante"], "es": ["Continúa en la página siguiente"], "it": ["Segue alla pagina successiva"],
                  "nl": ["Vervolg op volgende pagina"], "pt": ["Continua na página seguinte"]},
    "carry": {"en": ["Carried forward|Brought forward"], "de": ["Übertrag|Übertrag", "Zwischensumme Seite 1|Übertrag von Seite 1"],
              "fr": ["À reporter|Report"], "es": ["Suma y sigue|Suma anterior"], "it": ["A riportare|Riporto"],
              "nl": ["Transport|Transport"], "pt": ["A transportar|Transporte"]},
    "thanks": {"en": ["Thank you for your business!", "Thank you for your order.", "We appreciate your business."],
               "de": ["Vielen Dank für Ihren Auftrag!", "Wir danken für Ihr Vertrauen."],
               "fr": ["Merci de votre confiance.", "Nous vous remercions de votre commande."],
               "es": ["Gracias por su confianza."], "it": ["Grazie per averci scelto."],
               "nl": ["Bedankt voor uw bestelling.", "Hartelijk dank voor uw opdracht."], "pt": ["Obrigado pela preferência."]},
    "terms": {"en": ["Payment due within {days} days.", "Payable within {days} days of the invoice date.", "Terms: Net {days}", "Please pay by {due}."],
              "de": ["Zahlbar innerhalb von {days} Tagen ohne Abzug.", "Bitte überweisen Sie den Rechnungsbetrag bis zum {due}."],
              "fr": ["Paiement à {days} jours date de facture.", "Règlement par virement avant le {due}."],
              "es": ["Forma de pago: transferencia bancaria a {days} días.", "Pago antes del {due} mediante transferencia."],
              "it": ["Pagamento: bonifico bancario a {days} gg d.f.", "Pagamento entro il {due}."],
              "nl": ["Wij verzoeken u het bedrag binnen {days} dagen over te maken.", "Gelieve te betalen vóór {due}."],
              "pt": ["Pagamento a {days} dias.", "Pagamento até {due} por transferência bancária."]},
}
TAXNAME = {"US": "Sales tax", "CA": "GST", "AU": "GST", "GB": "VAT", "IE": "VAT", "DE": "USt.", "AT": "USt.",
           "CH": "MWST", "FR": "TVA", "BE": "TVA", "ES": "IVA", "IT": "IVA", "NL": "BTW", "PT": "IVA"}
TAX_LBL = {
    "en": ["{n} {r}", "{n} @ {r}", "{n} ({r})", "{n} at {r}"],
    "de": ["zzgl. {r} USt.", "zzgl. {r} MwSt.", "Umsatzsteuer {r}", "MwSt. {r}", "USt. {r}"],
    "fr": ["TVA {r}", "TVA ({r})", "Montant TVA {r}"], "es": ["IVA {r}", "Cuota IVA {r}", "IVA ({r})"],
    "it": ["IVA {r}", "IVA al {r}", "Imposta IVA {r}"], "nl": ["BTW {r}", "Btw {r}", "{r} btw"],
    "pt": ["IVA {r}", "IVA à taxa de {r}", "Total IVA ({r})"],
}
CUR_SYMS = {"USD": ["$", "US$"], "GBP": ["£"], "EUR": ["€"], "CHF": ["CHF", "Fr."], "CAD": ["CA$", "C$"], "AUD": ["A$", "AU$"]}
CUR_NAMES = {"USD": {"en": "US dollars", "de": "US-Dollar", "fr": "dollars américains", "nl": "Amerikaanse dollars"},
             "EUR": {"en": "euros", "de": "Euro", "fr": "euros", "es": "euros", "it": "euro", "nl": "euro", "pt": "euros"},
             "GBP": {"en": "pounds sterling"}, "CHF": {"de": "Schweizer Franken", "fr": "francs suisses", "en": "Swiss francs"},
             "CAD": {"en": "Canadian dollars"}, "AUD": {"en": "Australian dollars"}}
WORD_SENT = {"en": ["All amounts in {w}.", "Amounts are stated in {w}.", "Prices in {w}."],
             "de": ["Alle Beträge in {w}.", "Beträge in {w}."], "fr": ["Montants exprimés en {w}.", "Tous les montants sont en {w}."],
             "es": ["Importes expresados en {w}."], "it": ["Importi espressi in {w}."], "nl": ["Alle bedragen in {w}."],
             "pt": ["Valores expressos em {w}."]}
NUMSTYLES = {
    "en": [(",", ".", 8), ("", ".", 2)], "de": [(".", ",", 8), ("", ",", 2)], "de_CH": [("'", ".", 8), ("", ".", 1)],
    "fr": [(" ", ",", 6), ("\u00a0", ",", 2), ("", ",", 2), (".", ",", 1)], "fr_CH": [("'", ".", 4), (" ", ",", 3)],
    "es": [(".", ",", 8), ("", ",", 2)], "it": [(".", ",", 9), ("", ",", 1)], "nl": [(".", ",", 9), ("", ",", 1)],
    "pt": [(" ", ",", 5), (".", ",", 4), ("", ",", 2)],
}


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.uniform(0, tot)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


# ----------------------------------------------------------------------------------------- drawing
ASC = 0.80


class Doc:
    """A flow-layout PDF canvas: y is the top of the next free line (points), pages break at `bottom`."""

    def __init__(self, family, size, margins):
        self.family = family
        self.fonts = {k: (nm, fl, font_obj(nm, fl)) for k, (nm, fl) in FAMILIES[family].items()}
        self.latin1 = family in BASE14
        self.pdf = pymupdf.open()
        self.W, self.H = size
        self.ml, self.mt, self.mr, self.mb = margins
        self.footer_h = 0
        self.cont_header = None
        self.footer = None
        self.page = None
        self.y = self.mt
        self.boxes = {}  # page number -> drawn text boxes, for the self-check against collisions
        self.overflows = []  # table cell texts wider than their column
        self.add_page()

    x0 = property(lambda s: s.ml)
    x1 = property(lambda s: s.W - s.mr)
    bottom = property(lambda s: s.H - s.mb - s.footer_h)
    width = property(lambda s: s.W - s.ml - s.mr)

    def add_page(self):
        p = self.pdf.new_page(width=self.W, height=self.H)
        for nm, fl, _ in self.fonts.values():
            if fl:
                p.insert_font(fontname=nm, fontfile=os.path.join(TTF, fl))
        self.page = p
        self.y = self.mt
        if self.pdf.page_count > 1 and self.cont_header:
            self.cont_header(self)

    def ensure(self, h):
        if self.y + h > self.bottom:
            self.add_page()
            return True
        return False

    def w(self, s, size, st="r"):
        return self.fonts[st][2].text_length(str(s), fontsize=size)

    def t(self, x, y, s, size=9, st="r", align="l", color=BLACK, page=None):
        s = str(s)
        if not s:
            return 0
        if self.latin1:
            s.encode("latin-1")  # base-14 fonts only cover Latin-1; fail loudly
        wd = self.w(s, size, st)
        if align == "r":
            x -= wd
        elif align == "c":
            x -= wd / 2
        if x < 6 or x + wd > self.W - 6:
            raise ValueError(f"text off page: {s!r} x={x:.1f} w={wd:.1f}")
        pg = page or self.page
        pg.insert_text((x, y + size * ASC), s, fontsize=size, fontname=self.fonts[st][0], color=color)
        self.boxes.setdefault(pg.number, []).append((x, y, x + wd, y + size, s))
        return wd

    def collisions(self):
        """Text boxes that overlap or touch (< 1.5 pt apart on the same line) -- should always be empty."""
        bad = []
        for pno, boxes in self.boxes.items():
            boxes = sorted(boxes, key=lambda b: b[1])
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    if b[1] >= a[3]:
                        break
                    iy = min(a[3], b[3]) - max(a[1], b[1])
                    ix = min(a[2], b[2]) - max(a[0], b[0])
                    if iy > 0.3 * min(a[3] - a[1], b[3] - b[1]) and ix > -1.5:
                        bad.append((pno + 1, a[4], b[4]))
        return bad + [(pno, text, "cell overflow") for pno, text in self.overflows]

    def wrap(self, s, width, size, st="r"):
        out = []
        for para in str(s).split("\n"):
            cur = ""
            for word in para.split(" "):
                cand = f"{cur} {word}" if cur else word
                if not cur or self.w(cand, size, st) <= width:
                    cur = cand
                else:
                    out.append(cur)
                    cur = word
            out.append(cur)
        return out

    def para(self, x, y, s, width, size=9, st="r", lead=1.35, color=BLACK, align="l"):
        lines = self.wrap(s, width, size, st)
        for k, ln in enumerate(lines):
            xx = x + width if align == "r" else x + width / 2 if align == "c" else x
            self.t(xx, y + k * size * lead, ln, size, st, align=align, color=color)
        return len(lines) * size * lead

    def lines(self, x, y, lines, size=9, first_st="b", st="r", lead=1.35, color=BLACK, align="l"):
        for k, ln in enumerate(lines):
            self.t(x, y + k * size * lead, ln, size, first_st if k == 0 and first_st else st, align=align, color=color)
        return len(lines) * size * lead

    def block_w(self, lines, size, first_st="b", st="r"):
        return max([self.w(ln, size, first_st if k == 0 and first_st else st) for k, ln in enumerate(lines)] or [0])

    def hline(self, x0, x1, y, width=0.6, color=BLACK, dashes=None, page=None):
        (page or self.page).draw_line((x0, y), (x1, y), color=color, width=width, dashes=dashes)

    def vline(self, x, y0, y1, width=0.5, color=BLACK):
        self.page.draw_line((x, y0), (x, y1), color=color, width=width)

    def rect(self, x0, y0, x1, y1, fill=None, stroke=None, width=0.6, radius=None, page=None):
        (page or self.page).draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=stroke, fill=fill, width=width,
                                      radius=radius)

    def finish(self):
        n = self.pdf.page_count
        if self.footer:
            for k in range(n):
                self.footer(self, self.pdf[k], k + 1, n)
        fix_space_mapping(self.pdf)


# The Liberation fonts share one glyph between U+0020/U+00A0, U+002D/U+00AD and U+00B7/U+2219; pymupdf's
# ToUnicode CMap then maps the glyph to the second code point, so extracted text would show NBSPs, soft hyphens
# and bullet operators where a space, hyphen or middle dot was printed.  Map those glyphs back.
CMAP_FIX = {"00a0": "0020", "00ad": "002d", "2219": "00b7"}
_BFCHAR = re.compile(r"<([0-9a-fA-F]{4})> <(00a0|00ad|2219)>")


def fix_space_mapping(pdf):
    seen = set()
    for page in pdf:
        for f in page.get_fonts():
            xref = f[0]
            if xref in seen or f[2] != "Type0" or "Liberation" not in f[3]:
                continue
            seen.add(xref)
            kind, val = pdf.xref_get_key(xref, "ToUnicode")
            if kind != "xref":
                continue
            tx = int(val.split()[0])
            s = pdf.xref_stream(tx).decode("latin-1")
            s2 = _BFCHAR.sub(lambda m: f"<{m.group(1)}> <{CMAP_FIX[m.group(2)]}>", s)
            if s2 != s:
                pdf.update_stream(tx, s2.encode("latin-1"))


def tint(c, k):
    return tuple(1 - (1 - v) * k for v in c)


TABLE_STYLES = {
    "ruled": dict(head_fill=None, head_color=BLACK, head_rule=True, top_rule=True, row_rules=False, grid=False, zebra=None, outer=False, bottom_rule=True),
    "filled": dict(head_fill="accent", head_color=(1, 1, 1), head_rule=False, top_rule=False, row_rules=False, grid=False, zebra=None, outer=False, bottom_rule=True),
    "zebra": dict(head_fill="accent_light", head_color=BLACK, head_rule=True, top_rule=False, row_rules=False, grid=False, zebra="light", outer=False, bottom_rule=True),
    "grid": dict(head_fill="grey", head_color=BLACK, head_rule=True, top_rule=True, row_rules=True, grid=True, zebra=None, outer=True, bottom_rule=True),
    "lines": dict(head_fill=None, head_color=GREY, head_rule=True, top_rule=False, row_rules=True, grid=False, zebra=None, outer=False, bottom_rule=False),
    "plain": dict(head_fill=None, head_color=BLACK, head_rule=False, top_rule=False, row_rules=False, grid=False, zebra=None, outer=False, bottom_rule=False),
}


class Table:
    """cols: list of dict(h=header, a='l'|'r'|'c', flex=bool). rows: dict(kind='item'|'group'|'sub'|'note', cells=[...],
    amt=Decimal for running carry sums).  Draws with automatic column widths, wrapping, page breaks."""

    def __init__(self, doc, cols, rows, size, style, accent, x0=None, x1=None, break_after=None, carry=None,
                 cont=None, fmt_carry=None, pad=4, vpad=2.6, lead=1.25, head_bold=True, min_flex=120):
        self.d, self.cols, self.rows, self.size = doc, cols, rows, size
        self.sty = dict(TABLE_STYLES[style])
        self.accent = accent
        self.x0 = doc.x0 if x0 is None else x0
        self.x1 = doc.x1 if x1 is None else x1
        self.break_after, self.carry, self.cont, self.fmt_carry = break_after, carry, cont, fmt_carry
        self.pad, self.vpad, self.lead, self.head_st = pad, vpad, lead, ("b" if head_bold else "r")
        while not self._layout(min_flex):
            self.size -= 0.5
            if self.size < 6:
                raise ValueError("table does not fit")

    def _layout(self, min_flex):
        d, s, pad = self.d, self.size, self.pad
        last = len(self.cols) - 1
        extra_last = [d.w(r["cells"][1], s, "b") for r in self.rows if r.get("kind") == "sub"]
        if self.carry and self.fmt_carry:
            tot = sum((r["amt"] for r in self.rows if r.get("amt") is not None), D(0))
            extra_last.append(d.w(self.fmt_carry(tot), s, "b"))
        fi = next((ci for ci, c in enumerate(self.cols) if c.get("flex")), None)
        if fi is not None:  # the flexible column must hold its longest word: no word may cross a column border
            longest = max([d.w(wd, s, r.get("st", "r")) for r in self.rows if r.get("kind", "item") == "item"
                           for wd in str(r["cells"][fi]).split()] + [d.w(wd, s, self.head_st) for wd in self.cols[fi]["h"].split()])
            min_flex = max(min_flex, longest + 2 * pad + 1)
        for wrap_heads in (False, True):
            widths = []
            for ci, c in enumerate(self.cols):
                if c.get("flex"):
                    widths.append(None)
                    continue
                data = [d.w(r["cells"][ci], s, r.get("st", "r")) for r in self.rows if r.get("kind", "item") == "item" and r["cells"][ci]]
                dw = max(data + (extra_last if ci == last else []) + [0])
                words = c["h"].split(" ")
                hw = d.w(c["h"], s, self.head_st)
                lw = max(d.w(wd, s, self.head_st) for wd in words)
                need = max(dw, lw if wrap_heads else hw)
                widths.append(need + 2 * pad + c.get("extra", 0))
            flex = (self.x1 - self.x0) - sum(w for w in widths if w)
            if flex >= min_flex + (60 if not wrap_heads else 0):
                break
        if flex < min_flex:
            return False
        if fi is None:  # no flexible column: the table is only as wide as its columns
            self.x1 = self.x0 + sum(widths)
        self.widths = [flex if w is None else w for w in widths]
        self.xs = [self.x0]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        return True

    def _colors(self, key):
        return {"accent": self.accent, "accent_light": tint(self.accent, 0.15), "grey": (0.88, 0.88, 0.88),
                "light": tint(self.accent, 0.07) if self.accent != BLACK else (0.94, 0.94, 0.94)}.get(key, key)

    def _cell_lines(self, ci, text, st):
        return self.d.wrap(text, self.widths[ci] - 2 * self.pad, self.size, st) if text else []

    def _head(self):
        d, s, lh = self.d, self.size, self.size * self.lead
        hl = [d.wrap(c["h"], self.widths[ci] - 2 * self.pad, s, self.head_st) for ci, c in enumerate(self.cols)]
        h = max(len(x) for x in hl) * lh + 2 * self.vpad + 1
        return hl, h

    def draw_head(self):
        d, _s, lh, sty = self.d, self.size, self.size * self.lead, self.sty
        hl, h = self._head()
        y = d.y
        if sty["head_fill"]:
            d.rect(self.x0, y, self.x1, y + h, fill=self._colors(sty["head_fill"]))
        if sty["top_rule"]:
            d.hline(self.x0, self.x1, y, 0.8)
        for ci, c in enumerate(self.cols):
            for k, ln in enumerate(hl[ci]):
                self._put(ci, y + self.vpad + 1 + k * lh, ln, c.get("ha", c.get("a", "l")), self.head_st,
                          sty["head_color"])
        if sty["grid"]:
            for x in self.xs:
                d.vline(x, y, y + h)
        if sty["head_rule"]:
            d.hline(self.x0, self.x1, y + h, 0.8)
        d.y = y + h

    def _put(self, ci, y, text, a, st="r", color=BLACK, size=None):
        size = size or self.size
        if self.d.w(text, size, st) > self.xs[ci + 1] - self.xs[ci] - self.pad:  # text wider than its cell
            self.d.overflows.append((self.d.page.number + 1, text))
        if a == "r":
            self.d.t(self.xs[ci + 1] - self.pad, y, text, size, st, "r", color)
        elif a == "c":
            self.d.t((self.xs[ci] + self.xs[ci + 1]) / 2, y, text, size, st, "c", color)
        else:
            self.d.t(self.xs[ci] + self.pad, y, text, size, st, "l", color)

    def _row_h(self, r):
        lh = self.size * self.lead
        kind = r.get("kind", "item")
        if kind == "item":
            n = max([len(self._cell_lines(ci, c, r.get("st", "r"))) for ci, c in enumerate(r["cells"])] + [1])
        elif kind in ("group", "note"):
            n = len(self.d.wrap(r["cells"][0], self.x1 - self.x0 - 2 * self.pad, self.size, "b"))
        else:
            n = 1
        return n * lh + 2 * self.vpad

    def _special(self, label, value, st="b"):
        d, lh = self.d, self.size * self.lead
        y = d.y + self.vpad
        d.t(min(self.xs[-2], self.x1 - d.w(value, self.size, st)) - 2 * self.pad, y, label, self.size, st, "r")
        d.t(self.x1 - self.pad, y, value, self.size, st, "r")
        d.y += lh + 2 * self.vpad

    def draw(self):
        d, sty, lh = self.d, self.sty, self.size * self.lead
        _, hh = self._head()
        d.ensure(hh + self._row_h(self.rows[0]) + 4)
        self.draw_head()
        running = D(0)
        broke = False
        reserve = (lh + 2 * self.vpad if self.carry else 0) + (self.size * 1.6 if self.cont else 0)
        zebra = False
        for i, r in enumerate(self.rows):
            h = self._row_h(r)
            forced = self.break_after is not None and i == self.break_after and not broke
            if forced or d.y + h > d.bottom - reserve:
                broke = True
                if sty["bottom_rule"] or sty["grid"]:
                    d.hline(self.x0, self.x1, d.y, 0.6)
                if self.carry:
                    self._special(self.carry[0], self.fmt_carry(running))
                if self.cont:
                    d.t(self.x1, d.y + 2, self.cont, self.size - 0.5, "i", "r", GREY)
                d.add_page()
                self.draw_head()
                if self.carry:
                    self._special(self.carry[1], self.fmt_carry(running))
            y = d.y
            kind = r.get("kind", "item")
            if kind == "item":
                zebra = not zebra
                if sty["zebra"] and zebra:
                    d.rect(self.x0, y, self.x1, y + h, fill=self._colors(sty["zebra"]))
                for ci, c in enumerate(self.cols):
                    for k, ln in enumerate(self._cell_lines(ci, r["cells"][ci], r.get("st", "r"))):
                        self._put(ci, y + self.vpad + k * lh, ln, c.get("a", "l"), r.get("st", "r"),
                                  r.get("color", BLACK))
            elif kind in ("group", "note"):
                st = "b" if kind == "group" else "i"
                for k, ln in enumerate(d.wrap(r["cells"][0], self.x1 - self.x0 - 2 * self.pad, self.size, st)):
                    d.t(self.x0 + self.pad, y + self.vpad + k * lh, ln, self.size, st, color=BLACK if kind == "group" else GREY)
            else:  # sub: label right-aligned before last column, value in last column
                d.t(self.xs[-2] - 2 * self.pad, y + self.vpad, r["cells"][0], self.size, "b", "r")
                d.t(self.x1 - self.pad, y + self.vpad, r["cells"][1], self.size, "b", "r")
            if sty["grid"]:
                for x in self.xs:
                    d.vline(x, y, y + h)
            if sty["row_rules"]:
                d.hline(self.x0, self.x1, y + h, 0.3, (0.6, 0.6, 0.6) if not sty["grid"] else BLACK)
            if r.get("amt") is not None:
                running += r["amt"]
            d.y = y + h
        if sty["bottom_rule"] or sty["grid"]:
            d.hline(self.x0, self.x1, d.y, 0.8)
        return d.y


def totals_block(doc, lines, right=None, size=9, gap=18, label_x=None, label_align="l", keep=True, pad_v=1.45,
                 box_fill=None):
    """lines: list of (label, value, opts) with opts in {'b','big','rule','dbl','fill','grey'} as a set/str."""
    right = doc.x1 if right is None else right
    hts = [size * (1.25 if "big" in o else 1) * pad_v + (3 if "rule" in o else 0) for _, _, o in lines]
    if keep:
        doc.ensure(sum(hts) + 4)
    vw = max(doc.w(v, size * (1.25 if "big" in o else 1), "b" if ("b" in o or "big" in o) else "r") for _, v, o in lines)
    lw = max(doc.w(lab, size * (1.25 if "big" in o else 1), "b" if ("b" in o or "big" in o) else "r") for lab, _, o in lines)
    lx = label_x if label_x is not None else right - vw - gap - lw
    y = doc.y
    for (lab, val, o), h in zip(lines, hts):
        sz = size * (1.25 if "big" in o else 1)
        st = "b" if ("b" in o or "big" in o) else "r"
        if "rule" in o:
            doc.hline(lx, right, y + 1, 0.7)
            y += 3
        if "fill" in o and box_fill:
            doc.rect(lx - 4, y - 1.5, right + 3, y + h - 1.5 - (3 if "rule" in o else 0), fill=box_fill)
        col = GREY if "grey" in o else BLACK
        if label_align == "r":
            doc.t(right - vw - gap, y, lab, sz, st, "r", col)
        else:
            doc.t(lx, y, lab, sz, st, "l", col)
        doc.t(right, y, val, sz, st, "r", col)
        if "dbl" in o:
            doc.hline(right - doc.w(val, sz, st), right, y + sz * 1.12, 0.5)
            doc.hline(right - doc.w(val, sz, st), right, y + sz * 1.22, 0.5)
        y += h - (3 if "rule" in o else 0)
    doc.y = y
    return lx


def kv(doc, pairs, x=None, right=None, y=None, size=9, ls="r", vs="r", lc=GREY, vc=BLACK, gap=10, lead=1.45,
       colon=False, mode="cols", dry=False):
    """Label/value pairs. mode 'cols' (labels left, values aligned), 'valright' (values right-aligned),
    'stack' (label above value). Returns (height, width, x)."""
    labs = [(lab + ":" if colon and not lab.endswith(":") else lab) for lab, _ in pairs]
    vals = [v for _, v in pairs]
    lw = max(doc.w(lab, size, ls) for lab in labs)
    vw = max(doc.w(v, size, vs) for v in vals)
    if mode == "stack":
        tot = max(lw * 0.85, vw)
        h = len(pairs) * size * (lead + 1.05)
    else:
        tot = lw + gap + vw
        h = len(pairs) * size * lead
    if right is not None:
        x = right - tot
    if dry:
        return h, tot, x
    y = doc.y if y is None else y
    for k, (lab, v) in enumerate(zip(labs, vals)):
        if mode == "stack":
            yy = y + k * size * (lead + 1.05)
            doc.t(x, yy, lab, size * 0.85, ls, color=lc)
            doc.t(x, yy + size * 1.05, v, size, vs, color=vc)
        else:
            yy = y + k * size * lead
            doc.t(x, yy, lab, size, ls, color=lc)
            if mode == "valright":
                doc.t(x + tot, yy, v, size, vs, "r", vc)
            else:
                doc.t(x + lw + gap, yy, v, size, vs, color=vc)
    return h, tot, x


# ----------------------------------------------------------------------------------------- per-invoice context
class Ctx:
    def __init__(self, rng, arch, lang, country, cur=None, allow_absent=True, fams=None, cur_modes=None):
        self.rng, self.arch, self.lang, self.country = rng, arch, lang, country
        self.cur_implied = CUR_OF[country]
        self.cur = cur or self.cur_implied
        self.features = {"archetype": arch, "lang": lang, "country": country}
        self.want_two, self.attempt = False, 0
        self.labels = {}
        self.distractors = []
        # invoice date
        self.date = date(2023, 1, 1) + timedelta(days=rng.randint(0, 3 * 365 - 1))
        # currency presentation
        modes = cur_modes or [("sym", 42), ("code", 18), ("header", 12), ("word", 10), ("absent", 13 if allow_absent else 0)]
        if self.cur != self.cur_implied:
            modes = [(m, w) for m, w in modes if m in ("sym", "code")]
        mode = wchoice(rng, modes)
        cur_text, pos, space = "", "before", False
        if mode == "sym":
            cur_text = rng.choice(CUR_SYMS[self.cur])
            if self.cur == "EUR":
                pos = "before" if (lang in ("en", "nl") or (lang == "it" and rng.random() < 0.4)) else "after"
                space = pos == "after" or lang == "nl" or rng.random() < 0.3
            elif cur_text in ("CHF", "Fr."):
                pos, space = rng.choice([("before", True), ("after", True)]) if cur_text == "Fr." else ("before", True)
        elif mode == "code":
            cur_text = self.cur
            pos, space = rng.choice([("before", True), ("after", True)])
        elif mode == "header":
            cur_text = rng.choice([self.cur, self.cur] + CUR_SYMS[self.cur][:1])
        # fonts (base-14 only for English documents without a euro sign)
        latin1_ok = lang == "en" and not (self.cur == "EUR" and (mode == "sym" or cur_text == "€"))
        fams = fams or ["dejavu-sans", "dejavu-condensed", "dejavu-serif", "liberation-sans", "liberation-serif",
                        "liberation-narrow", "liberation-mono"]
        fams = list(fams) + (["helvetica", "helvetica", "times", "courier"] if latin1_ok else [])
        self.family = rng.choice(fams)
        # number format
        key = {"de": "de_CH" if country == "CH" else "de", "fr": "fr_CH" if country == "CH" else "fr"}.get(lang, lang)
        if lang == "en" and country == "CH":
            key = "de_CH"
        styles = [(t, d_, w) for t, d_, w in NUMSTYLES[key] if not (t == "\u00a0" and self.family.startswith("liberation"))]
        thou, dec = wchoice(rng, [((t, d_), w) for t, d_, w in styles])
        negs = ["minus", "minus", "paren"] if lang == "en" else ["minus", "minus", "trail"] if lang == "de" else ["minus"]
        if self.family not in BASE14 and rng.random() < 0.15:
            negs.append("uminus")
        self.fmt = Fmt(thou, dec, mode, cur_text, pos, space, rng.choice(negs))
        self.cur_mode = mode
        self.pct_space = ("nbsp" if (lang == "fr" and rng.random() < 0.2 and not self.family.startswith("liberation"))
                          else (lang in ("de", "fr") and rng.random() < 0.8) or rng.random() < 0.1)
        self.date_style = rng.choice(DATE_STYLES["en_US" if (lang == "en" and country == "US") else lang])
        self.accent = rng.choice(ACCENTS)
        self.size = rng.choice([8, 8.5, 9, 9, 9.5])
        if self.family in ("liberation-mono", "courier"):
            self.size -= 1
        if self.family == "liberation-narrow":
            self.size += 0.5
        self.features.update({
            "currency_mode": mode, "currency_text": cur_text, "currency_position": pos if mode in ("sym", "code") else None,
            "number_format": self.fmt.n(D("1234567.89")), "negative_style": self.fmt.neg_style,
            "date_style": self.date_style, "font": self.family, "font_size": self.size,
        })
        self.doc = None

    # labels -------------------------------------------------------------
    def L(self, key, table=None, **kw):
        table = table or LBL
        if key not in self.labels:
            v = table[key]
            v = v.get(self.lang, v.get("en")) if isinstance(v, dict) else v
            self.labels[key] = self.rng.choice(v) if isinstance(v, list) else v
        s = self.labels[key]
        return s.format(**kw) if kw else s

    def pick(self, key, options):
        if key not in self.labels:
            self.labels[key] = self.rng.choice(options)
        return self.labels[key]

    # formatting ---------------------------------------------------------
    def dt(self, d):
        return fmt_date(d, self.date_style, self.lang)

    def pct(self, r):
        return pct_text(r, self.lang, self.fmt.dec, self.pct_space)

    def hdr(self, label):
        """Amount column header; names the currency in 'header' mode."""
        if self.cur_mode != "header":
            return label
        return self.pick("hdr_form", ["{l} ({c})", "{l} {c}", "{l} in {c}" if self.lang == "de" else "{l} ({c})"]).format(
            l=label, c=self.fmt.cur_text)

    def tax_label(self, rate, name=None):
        r = self.pct(rate)
        if self.lang == "en":
            n = name or TAXNAME.get(self.country, "VAT")
            return self.pick("taxlbl", TAX_LBL["en"]).format(n=n, r=r)
        if self.lang == "de" and self.country == "CH":
            return self.pick("taxlbl", ["MWST {r}", "MWST ({r})", "zzgl. MWST {r}"]).format(r=r)
        if self.lang == "de" and self.country == "AT":
            return self.pick("taxlbl", ["zzgl. {r} USt.", "USt. {r}", "Umsatzsteuer {r}"]).format(r=r)
        if self.lang == "fr" and self.country == "CH":
            return self.pick("taxlbl", ["TVA {r}", "TVA ({r})"]).format(r=r)
        return self.pick("taxlbl", TAX_LBL[self.lang]).format(r=r)

    def word_sentence(self):
        w = CUR_NAMES[self.cur].get(self.lang) or CUR_NAMES[self.cur]["en"]
        return self.rng.choice(WORD_SENT[self.lang]).format(w=w)

    def new_doc(self, margins=None, size=None):
        size = size or ((612, 792) if self.country in ("US", "CA") else (595.28, 841.89))
        m = margins or tuple(self.rng.choice([40, 45, 50, 56]) for _ in range(1)) * 4
        self.doc = Doc(self.family, size, m)
        self.features["page_size"] = "letter" if size[0] == 612 else "A4"
        return self.doc

    def number(self, shapes):
        shape = self.rng.choice(shapes)
        self.features["number_shape"] = shape
        return make_number(self.rng, self.date.year, self.date.month, shape)

    def table(self, cols, rows, style=None, **kw):
        style = style or self.rng.choice(list(TABLE_STYLES))
        self.features.setdefault("table_style", style)
        t = Table(self.doc, cols, rows, kw.pop("size", self.size), style, self.accent, **kw)
        self.features.setdefault("table_font_size", t.size)
        t.draw()
        return t

    def two_page_break(self, n_items, p=0.0):
        """Page breaks are never forced: two-page invoices simply get enough lines to overflow (see n_items)."""
        return None

    def n_items(self, lo, hi):
        if self.want_two:
            return self.rng.randint(22, 32) + 8 * self.attempt
        return self.rng.randint(lo, hi)


# ----------------------------------------------------------------------------------------- items
KIND_RANGE = {"pc": (4, 160), "h": (45, 150), "flat": (80, 2400), "day": (380, 1400), "m": (0.6, 3.5), "kg": (1.2, 9)}
CATALOG = {
    "en": [("Stainless steel hinge 80 mm, satin finish", "pc", 3, 12), ("Cable duct 40x60 mm, grey, 2 m lengths", "pc", 4, 9),
           ("Office chair with mesh back, black", "pc", 120, 340), ("Thermal label rolls 100 x 150 mm (box of 12)", "pc", 18, 45),
           ("Nitrile safety gloves, size L (box of 100)", "pc", 7, 16), ("LED panel 600 x 600, 36 W, neutral white", "pc", 28, 70),
           ("Copy paper A4 80 gsm (box of 5 reams)", "pc", 19, 32), ("Pallet wrap film 500 mm x 300 m", "pc", 9, 21),
           ("Wall anchor assortment kit (250 pcs)", "pc", 11, 26), ("Toner cartridge, black, high yield", "pc", 45, 140),
           ("Extension lead, 4-way, 5 m", "pc", 8, 19), ("Corrugated boxes 400x300x200 mm (bundle of 25)", "pc", 22, 48),
           ("Network patch cable Cat6, 3 m, blue", "pc", 2, 6), ("Cordless drill 18 V incl. 2 batteries and charger", "pc", 95, 260),
           ("Galvanised wire 2.5 mm", "m", 0.6, 2.2), ("Website maintenance - monthly retainer", "flat", 250, 1200),
           ("On-site technical support", "h", 55, 120), ("Project management", "h", 60, 140),
           ("Backend API development", "h", 70, 160), ("UX review and usability report", "flat", 800, 3500),
           ("Data migration to new CRM system", "flat", 600, 4800), ("Workshop facilitation (half day)", "day", 450, 1400),
           ("Copywriting for product pages", "h", 45, 95), ("Network installation and configuration", "h", 60, 110),
           ("Travel expenses (flat rate)", "flat", 40, 260), ("Quarterly bookkeeping and VAT return", "flat", 300, 950),
           ("Product photography incl. retouching", "day", 500, 1500), ("Process analysis and recommendations", "h", 90, 180)],
    "de": [("Edelstahl-Scharnier 80 mm, matt gebürstet", "pc", 3, 12), ("Kabelkanal 40x60 mm, grau, 2-m-Stangen", "pc", 4, 9),
           ("Bürostuhl mit Netzrücken, schwarz", "pc", 120, 340), ("Thermo-Etiketten 100 x 150 mm (12 Rollen)", "pc", 18, 45),
           ("Nitril-Schutzhandschuhe Gr. L (100 Stück)", "pc", 7, 16), ("LED-Panel 62 x 62 cm, 36 W, neutralweiß", "pc", 28, 70),
           ("Kopierpapier A4 80 g/m² (Karton à 5 Pakete)", "pc", 19, 32), ("Stretchfolie 500 mm x 300 m", "pc", 9, 21),
           ("Dübel-Sortiment 250-teilig", "pc", 11, 26), ("Tonerkartusche schwarz, hohe Reichweite", "pc", 45, 140),
           ("Steckdosenleiste 4-fach, 5 m Kabel", "pc", 8, 19), ("Installationskabel NYM-J 3x1,5 mm²", "m", 0.6, 2.2),
           ("Akku-Bohrschrauber 18 V inkl. 2 Akkus", "pc", 95, 260), ("Wartung Website, Monatspauschale", "flat", 250, 1200),
           ("Technischer Support vor Ort", "h", 55, 120), ("Projektleitung", "h", 60, 140),
           ("Entwicklung Schnittstelle (REST-API)", "h", 70, 160), ("Montage und Inbetriebnahme", "h", 48, 95),
           ("Anfahrtspauschale", "flat", 25, 90), ("Datenmigration in neues CRM-System", "flat", 600, 4800),
           ("Workshop (halbtägig) inkl. Vorbereitung", "day", 450, 1400), ("Erstellung Jahresabschluss", "flat", 900, 3200),
           ("Produktfotografie inkl. Bildbearbeitung", "day", 500, 1500), ("Beratung Prozessanalyse", "h", 90, 180),
           ("Elektroinstallation, Arbeitsstunden Geselle", "h", 48, 78), ("Fliesenarbeiten Bad, Material und Verlegung", "flat", 900, 4200)],
    "fr": [("Charnière inox 80 mm, finition satinée", "pc", 3, 12), ("Goulotte PVC 40x60 mm, longueur 2 m", "pc", 4, 9),
           ("Fauteuil de bureau dossier résille, noir", "pc", 120, 340), ("Rouleaux d'étiquettes thermiques 100 x 150 mm", "pc", 18, 45),
           ("Gants nitrile taille L (boîte de 100)", "pc", 7, 16), ("Dalle LED 600 x 600, 36 W", "pc", 28, 70),
           ("Ramettes papier A4 80 g (carton de 5)", "pc", 19, 32), ("Cartouche de toner noir haute capacité", "pc", 45, 140),
           ("Câble réseau Cat6, 3 m", "pc", 2, 6), ("Perceuse-visseuse 18 V avec 2 batteries", "pc", 95, 260),
           ("Maintenance du site internet (forfait mensuel)", "flat", 250, 1200), ("Assistance technique sur site", "h", 55, 120),
           ("Gestion de projet", "h", 60, 140), ("Développement d'une API de synchronisation", "h", 70, 160),
           ("Audit ergonomique et rapport", "flat", 800, 3500), ("Migration des données vers le nouveau CRM", "flat", 600, 4800),
           ("Animation d'atelier (demi-journée)", "day", 450, 1400), ("Rédaction de fiches produits", "h", 45, 95),
           ("Frais de déplacement (forfait)", "flat", 40, 260), ("Tenue de comptabilité trimestrielle", "flat", 300, 950),
           ("Pose de carrelage salle de bains, fourniture et main d'œuvre", "flat", 900, 4200)],
    "es": [("Bisagra de acero inoxidable 80 mm", "pc", 3, 12), ("Canaleta de PVC 40x60 mm, tramos de 2 m", "pc", 4, 9),
           ("Silla de oficina con respaldo de malla", "pc", 120, 340), ("Rollos de etiquetas térmicas 100 x 150 mm", "pc", 18, 45),
           ("Guantes de nitrilo talla L (caja de 100)", "pc", 7, 16), ("Panel LED 60 x 60 cm, 36 W", "pc", 28, 70),
           ("Papel A4 80 g (caja de 5 paquetes)", "pc", 19, 32), ("Cartucho de tóner negro alta capacidad", "pc", 45, 140),
           ("Cable de red Cat6, 3 m", "pc", 2, 6), ("Taladro atornillador 18 V con 2 baterías", "pc", 95, 260),
           ("Mantenimiento web (cuota mensual)", "flat", 250, 1200), ("Asistencia técnica in situ", "h", 55, 120),
           ("Gestión de proyecto", "h", 60, 140), ("Desarrollo de API de integración", "h", 70, 160),
           ("Migración de datos al nuevo CRM", "flat", 600, 4800), ("Taller de formación (media jornada)", "day", 450, 1400),
           ("Redacción de fichas de producto", "h", 45, 95), ("Gastos de desplazamiento", "flat", 40, 260),
           ("Asesoría contable trimestral", "flat", 300, 950), ("Instalación eléctrica, mano de obra oficial", "h", 38, 65)],
    "it": [("Cerniera in acciaio inox 80 mm", "pc", 3, 12), ("Canalina in PVC 40x60 mm, barre da 2 m", "pc", 4, 9),
           ("Sedia da ufficio con schienale in rete", "pc", 120, 340), ("Rotoli etichette termiche 100 x 150 mm", "pc", 18, 45),
           ("Guanti in nitrile taglia L (conf. da 100)", "pc", 7, 16), ("Pannello LED 60 x 60, 36 W", "pc", 28, 70),
           ("Carta A4 80 g (scatola da 5 risme)", "pc", 19, 32), ("Toner nero alta capacità", "pc", 45, 140),
           ("Cavo di rete Cat6, 3 m", "pc", 2, 6), ("Trapano avvitatore 18 V con 2 batterie", "pc", 95, 260),
           ("Manutenzione sito web (canone mensile)", "flat", 250, 1200), ("Assistenza tecnica presso cliente", "h", 55, 120),
           ("Gestione del progetto", "h", 60, 140), ("Sviluppo API di integrazione", "h", 70, 160),
           ("Migrazione dati al nuovo CRM", "flat", 600, 4800), ("Workshop formativo (mezza giornata)", "day", 450, 1400),
           ("Redazione schede prodotto", "h", 45, 95), ("Spese di trasferta (forfait)", "flat", 40, 260),
           ("Tenuta contabilità trimestrale", "flat", 300, 950), ("Impianto elettrico, manodopera", "h", 32, 55)],
    "nl": [("RVS scharnier 80 mm, geborsteld", "pc", 3, 12), ("Kabelgoot 40x60 mm, lengtes van 2 m", "pc", 4, 9),
           ("Bureaustoel met netrug, zwart", "pc", 120, 340), ("Thermische etiketten 100 x 150 mm (12 rollen)", "pc", 18, 45),
           ("Nitril handschoenen maat L (doos 100 st.)", "pc", 7, 16), ("LED-paneel 60 x 60, 36 W", "pc", 28, 70),
           ("Kopieerpapier A4 80 g (doos à 5 pakken)", "pc", 19, 32), ("Tonercartridge zwart, hoge capaciteit", "pc", 45, 140),
           ("Netwerkkabel Cat6, 3 m", "pc", 2, 6), ("Accuboormachine 18 V incl. 2 accu's", "pc", 95, 260),
           ("Onderhoud website (maandelijks)", "flat", 250, 1200), ("Technische ondersteuning op locatie", "h", 55, 120),
           ("Projectmanagement", "h", 60, 140), ("Ontwikkeling koppeling (REST-API)", "h", 70, 160),
           ("Datamigratie naar nieuw CRM", "flat", 600, 4800), ("Workshop (halve dag) incl. voorbereiding", "day", 450, 1400),
           ("Schrijven productteksten", "h", 45, 95), ("Reiskosten (vast bedrag)", "flat", 40, 260),
           ("Kwartaalboekhouding en btw-aangifte", "flat", 300, 950), ("Elektra-installatie, arbeidsuren", "h", 45, 70)],
    "pt": [("Dobradiça em inox 80 mm", "pc", 3, 12), ("Calha técnica PVC 40x60 mm, barras de 2 m", "pc", 4, 9),
           ("Cadeira de escritório com costas em rede", "pc", 120, 340), ("Rolos de etiquetas térmicas 100 x 150 mm", "pc", 18, 45),
           ("Luvas de nitrilo tamanho L (caixa de 100)", "pc", 7, 16), ("Painel LED 60 x 60, 36 W", "pc", 28, 70),
           ("Papel A4 80 g (caixa de 5 resmas)", "pc", 19, 32), ("Toner preto de alta capacidade", "pc", 45, 140),
           ("Cabo de rede Cat6, 3 m", "pc", 2, 6), ("Berbequim aparafusador 18 V com 2 baterias", "pc", 95, 260),
           ("Manutenção do website (avença mensal)", "flat", 250, 1200), ("Assistência técnica no local", "h", 35, 80),
           ("Gestão de projeto", "h", 40, 95), ("Desenvolvimento de API de integração", "h", 45, 110),
           ("Migração de dados para o novo CRM", "flat", 600, 4800), ("Workshop de formação (meio dia)", "day", 300, 900),
           ("Redação de fichas de produto", "h", 25, 60), ("Despesas de deslocação", "flat", 30, 200),
           ("Contabilidade trimestral", "flat", 200, 700), ("Instalação elétrica, mão de obra", "h", 22, 40)],
}
DESC_EXTRA = {
    "en": ["incl. testing and documentation", "as per quote Q-{n}", "calendar week {w}", "on site at customer premises",
           "including all fixings and consumables", "according to order confirmation of {d}"],
    "de": ["inkl. Test und Dokumentation", "gemäß Angebot Nr. {n}", "KW {w}", "vor Ort beim Kunden",
           "inkl. Befestigungsmaterial", "laut Auftragsbestätigung vom {d}"],
    "fr": ["y compris tests et documentation", "selon devis n° {n}", "semaine {w}", "sur site client",
           "conformément au bon de commande du {d}"],
    "es": ["incluye pruebas y documentación", "según presupuesto nº {n}", "semana {w}", "en las instalaciones del cliente"],
    "it": ["inclusi test e documentazione", "come da preventivo n. {n}", "settimana {w}", "presso la sede del cliente"],
    "nl": ["incl. testen en documentatie", "volgens offerte {n}", "week {w}", "op locatie bij klant"],
    "pt": ["inclui testes e documentação", "conforme orçamento n.º {n}", "semana {w}", "nas instalações do cliente"],
}
UNITS = {
    "en": {"pc": ["pcs", "ea", "pc"], "h": ["hrs", "h", "hours"], "flat": ["flat", "lot", "ea"], "day": ["days", "day"], "m": ["m"], "kg": ["kg"]},
    "de": {"pc": ["Stk.", "St."], "h": ["Std.", "h"], "flat": ["Pausch.", "psch."], "day": ["Tage", "Tag"], "m": ["m", "lfm"], "kg": ["kg"]},
    "fr": {"pc": ["u", "pce"], "h": ["h", "heures"], "flat": ["forfait", "ens."], "day": ["j", "jours"], "m": ["m", "ml"], "kg": ["kg"]},
    "es": {"pc": ["ud.", "uds."], "h": ["h", "horas"], "flat": ["global", "ud."], "day": ["días", "jornadas"], "m": ["m"], "kg": ["kg"]},
    "it": {"pc": ["pz", "nr"], "h": ["ore", "h"], "flat": ["a corpo", "nr"], "day": ["gg", "giorni"], "m": ["m", "ml"], "kg": ["kg"]},
    "nl": {"pc": ["st.", "stuks"], "h": ["uur", "u"], "flat": ["post", "vast"], "day": ["dagen", "dag"], "m": ["m", "m1"], "kg": ["kg"]},
    "pt": {"pc": ["un.", "UN"], "h": ["h", "horas"], "flat": ["vg", "un."], "day": ["dias", "dia"], "m": ["m", "ml"], "kg": ["kg"]},
}


def rand_price(rng, lo, hi):
    v = rng.uniform(lo, hi)
    if hi >= 200 and rng.random() < 0.6:
        return D(int(v / 5) * 5)
    if hi >= 40 and rng.random() < 0.4:
        return D(int(v)) + rng.choice([D("0"), D("0.50"), D("0.90"), D("0.95")])
    return q2(D(str(round(v, 2))))


def rand_qty(rng, kind):
    if kind == "pc":
        return D(rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 25, 40, 50]))
    if kind == "h":
        return D(rng.choice([1, 2, 3, 4, 6, 8, 10, 12, 16, 24, 32, 40])) + rng.choice([D(0), D(0), D("0.5"), D("0.25"), D("0.75")])
    if kind == "day":
        return D(rng.choice([1, 1, 2, 3, 5])) + rng.choice([D(0), D(0), D("0.5")])
    if kind == "m":
        return D(rng.choice([5, 10, 12, 25, 50, 100, 120, 250]))
    if kind == "kg":
        return D(str(round(rng.uniform(0.5, 60), 1)))
    return D(1)


def make_items(ctx, n, lang=None, extra_p=0.25, units=True, kinds=None):
    """Generic catalogue items: dict(desc, qty, price, amount, unit, kind)."""
    rng, lang = ctx.rng, lang or ctx.lang
    pool = [c for c in CATALOG[lang] if kinds is None or c[1] in kinds]
    cat = rng.sample(pool, min(n, len(pool)))
    while len(cat) < n:
        cat.append(rng.choice(pool) + ("again",))
    out, seen = [], set()
    for entry in cat:
        desc, kind, lo, hi = entry[:4]
        if len(entry) > 4 or rng.random() < extra_p:
            desc = desc + ", " + rng.choice(DESC_EXTRA[lang]).format(n=f"{rng.randint(100, 9999)}", w=rng.randint(1, 52),
                                                                     d=fmt_date(ctx.date - timedelta(days=rng.randint(10, 60)), ctx.date_style, lang))
        if desc in seen:
            desc = f"{desc} ({len(seen) + 1})"
        seen.add(desc)
        qty = rand_qty(rng, kind)
        price = rand_price(rng, lo, hi)
        out.append({"desc": desc, "qty": qty, "price": price, "amount": q2(qty * price), "kind": kind,
                    "unit": ctx.pick(f"unit_{kind}", UNITS[lang][kind]) if units else ""})
    return out


def calc_totals(items, rate_of, discount_pct=None, shipping=None, ship_rate=None, round_to=None):
    """Exclusive-tax totals. rate_of(item) -> Decimal rate or None (no tax)."""
    sub = sum((it["amount"] for it in items), D(0))
    disc = q2(sub * discount_pct / 100) if discount_pct else D(0)
    groups = {}
    for it in items:
        r = rate_of(it)
        groups[r] = groups.get(r, D(0)) + it["amount"]
    if disc:
        assert len(groups) == 1
        k = next(iter(groups))
        groups[k] -= disc
    ship = shipping or D(0)
    if ship:
        groups[ship_rate] = groups.get(ship_rate, D(0)) + ship
    taxes = [{"rate": r, "base": b, "amount": q2(b * r / 100)} for r, b in sorted(groups.items(), key=lambda kv_: -(kv_[0] or 0))
             if r is not None]
    total = sub - disc + ship + sum((t["amount"] for t in taxes), D(0))
    rounding = D(0)
    if round_to:
        rt = (total / round_to).quantize(D(1), ROUND_HALF_UP) * round_to
        rounding, total = rt - total, rt
    return {"subtotal": sub, "discount": disc, "shipping": ship, "taxes": taxes, "rounding": rounding, "total": total,
            "tax": sum((t["amount"] for t in taxes), D(0)) if taxes else None}


def std_total_lines(ctx, T, sub_lbl=None, tot_lbl=None, tax_names=None, disc_pct=None, tot_opts="b rule", money_all=False):
    f, m = ctx.fmt, (ctx.fmt.m if money_all else ctx.fmt.n)
    lines = [(sub_lbl or ctx.L("subtotal"), m(T["subtotal"]), "")]
    if T["discount"]:
        lab = ctx.L("discount") + (f" {ctx.pct(disc_pct)}" if disc_pct else "")
        lines.append((lab, m(-T["discount"]), ""))
    if T["shipping"]:
        lines.append((ctx.L("shipping"), m(T["shipping"]), ""))
    for k, t in enumerate(T["taxes"]):
        lines.append((ctx.tax_label(t["rate"], (tax_names or {}).get(t["rate"])), m(t["amount"]), ""))
    if T["rounding"]:
        lines.append((ctx.L("rounding"), m(T["rounding"]), ""))
    lines.append((tot_lbl or ctx.L("total"), f.m(T["total"]), tot_opts))
    return lines


# ----------------------------------------------------------------------------------------- archetype: SaaS
SAAS_SERVICES = [
    ("Compute Instances", [("vCPU hours, general purpose (g2.medium)", "vCPU-h", (0.018, 0.048), (300, 6000), 0),
                           ("Memory GB-hours", "GB-h", (0.0021, 0.0062), (1000, 24000), 0)]),
    ("Object Storage", [("Standard storage", "GB-month", (0.018, 0.026), (50, 9000), 3),
                        ("Write requests (per 1,000)", "1K req", (0.004, 0.0065), (20, 4000), 0)]),
    ("Managed PostgreSQL", [("Database instance db.m2.large", "hours", (0.19, 0.46), (200, 744), 0),
                            ("Provisioned database storage", "GB-month", (0.10, 0.135), (20, 800), 0)]),
    ("Data Transfer", [("Outbound transfer to internet, Europe", "GB", (0.05, 0.09), (10, 5000), 3),
                       ("Inter-region transfer", "GB", (0.01, 0.02), (10, 3000), 3)]),
    ("Load Balancing", [("Load balancer hours", "hours", (0.0225, 0.03), (300, 1488), 0),
                        ("Processed data", "GB", (0.006, 0.008), (100, 20000), 2)]),
    ("Content Delivery", [("Edge requests (per 10,000)", "10K req", (0.0075, 0.012), (100, 50000), 0),
                          ("Edge data out", "GB", (0.02, 0.085), (50, 8000), 3)]),
    ("Support", [("Business support plan, monthly fee", "month", (99, 299), (1, 1), 0)]),
    ("Backups & Snapshots", [("Snapshot storage", "GB-month", (0.04, 0.05), (50, 5000), 3)]),
    ("Log Analytics", [("Logs ingested", "GB", (0.25, 0.5), (10, 900), 2), ("Log retention", "GB-month", (0.02, 0.03), (10, 5000), 2)]),
    ("Transactional Email", [("Emails sent (per 1,000)", "1K msgs", (0.08, 0.10), (10, 900), 0)]),
    ("Kubernetes Engine", [("Cluster management fee", "cluster-h", (0.08, 0.10), (744, 1488), 0)]),
    ("DNS", [("Hosted zones", "zone-month", (0.40, 0.50), (1, 25), 0), ("DNS queries (per million)", "M queries", (0.35, 0.40), (1, 300), 2)]),
]
SAAS_L = {
    "en": dict(title=["Invoice", "Tax Invoice", "Billing Statement"], account=["Account ID", "Account number", "Billing account"],
               period=["Billing period", "Service period", "Statement period"], due=["Amount due on {d}", "Total due by {d}", "Payment due {d}"],
               summary=["Summary", "Charges by service", "Account summary"], details=["Charge details", "Detail of charges", "Usage details"],
               svc_total="Total {s}", charges=["Total charges", "Subtotal", "Charges before tax"], credit=["Credits applied", "Promotional credit"],
               amount_due=["Amount due", "Balance due"], autopay="This amount will be charged to the card ending in {card} on {d}.",
               bank="Please pay by bank transfer to IBAN {iban} quoting reference {ref}.", rev="Reverse charge: VAT to be accounted for by the recipient.",
               more="Detailed charges by service are listed on the following page.", desc="Description", qty="Usage", unit="Unit",
               rate="Rate", amount="Amount", service="Service", bill_to="Bill to", total="Total", commit="Committed-use discount",
               notax="No sales tax charged.", po="PO number", page="Page {p} of {n}", tax="Tax"),
    "de": dict(title=["Rechnung"], account=["Kundenkonto", "Konto-ID"], period=["Abrechnungszeitraum", "Leistungszeitraum"],
               due=["Fällig am {d}", "Zahlbar bis {d}"], summary=["Übersicht", "Kosten nach Dienst"], details=["Einzelaufstellung", "Detailübersicht"],
               svc_total="Summe {s}", charges=["Zwischensumme", "Summe netto"], credit=["Gutschrift verrechnet"], amount_due=["Offener Betrag", "Zu zahlen"],
               autopay="Der Betrag wird am {d} von Ihrer Karte mit Endziffern {card} abgebucht.",
               bank="Bitte überweisen Sie den Betrag unter Angabe von {ref} auf IBAN {iban}.",
               rev="Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).", more="Die Einzelaufstellung finden Sie auf der folgenden Seite.",
               desc="Beschreibung", qty="Menge", unit="Einheit", rate="Preis", amount="Betrag", service="Dienst", bill_to="Rechnungsempfänger",
               total="Gesamtbetrag", commit="Rabatt Mindestabnahme", notax="", po="Bestellnummer", page="Seite {p} von {n}", tax="USt."),
    "fr": dict(title=["Facture"], account=["Identifiant de compte", "N° de compte"], period=["Période de facturation", "Période"],
               due=["Montant dû le {d}", "À payer avant le {d}"], summary=["Récapitulatif", "Frais par service"], details=["Détail des frais", "Détail de la consommation"],
               svc_total="Total {s}", charges=["Total HT", "Sous-total"], credit=["Crédits appliqués", "Avoir promotionnel"], amount_due=["Montant dû", "Reste à payer"],
               autopay="Ce montant sera prélevé sur la carte se terminant par {card} le {d}.",
               bank="Merci de régler par virement sur l'IBAN {iban} en indiquant la référence {ref}.",
               rev="Autoliquidation : TVA due par le preneur.", more="Le détail des frais par service figure en page suivante.",
               desc="Description", qty="Quantité", unit="Unité", rate="Tarif", amount="Montant", service="Service", bill_to="Facturé à",
               total="Total TTC", commit="Remise d'engagement", notax="", po="Bon de commande", page="Page {p}/{n}", tax="TVA"),
    "nl": dict(title=["Factuur"], account=["Account-ID", "Accountnummer"], period=["Factuurperiode", "Periode"],
               due=["Te betalen vóór {d}", "Verschuldigd op {d}"], summary=["Overzicht", "Kosten per dienst"], details=["Specificatie", "Gebruiksdetails"],
               svc_total="Totaal {s}", charges=["Subtotaal", "Totaal excl. btw"], credit=["Verrekend tegoed"], amount_due=["Te betalen", "Openstaand bedrag"],
               autopay="Dit bedrag wordt op {d} afgeschreven van de creditcard eindigend op {card}.",
               bank="Gelieve over te maken naar IBAN {iban} o.v.v. {ref}.", rev="Btw verlegd naar de afnemer.",
               more="De specificatie per dienst vindt u op de volgende pagina.", desc="Omschrijving", qty="Verbruik", unit="Eenheid",
               rate="Tarief", amount="Bedrag", service="Dienst", bill_to="Factuuradres", total="Totaal", commit="Korting afnamecontract",
               notax="", po="Inkoopordernummer", page="Pagina {p} van {n}", tax="Btw"),
}


def build_saas(ctx):
    rng, lang = ctx.rng, ctx.lang
    S = SAAS_L[lang]
    doc = ctx.new_doc(margins=(46, 42, 46, 40))
    suffix = rng.choice(["Cloud", "Cloud Services", "Hosting", "Data Systems", "Compute", "Platform"])
    iss = party(rng, "en" if lang == "en" else lang, ctx.country, noun=suffix, pattern="{S} {N}")
    brand = iss["stem"]
    cust_country = ctx.features["customer_country"]
    cust_lang = {"DE": "de", "AT": "de", "FR": "fr", "BE": "nl", "NL": "nl", "ES": "es", "IT": "it"}.get(cust_country, "en")
    cust = party(rng, cust_lang, cust_country)
    if cust_country != ctx.country:
        cust["country_name"] = COUNTRY_NAMES.get(cust_country, {}).get(lang, "")
    cust["attn"] = rng.choice(["Attn: ", "c/o ", ""]) + person_name(rng, "en" if lang == "en" else lang) if rng.random() < 0.5 else ""
    # billing period = previous calendar month, invoice issued 1-4 days after it ends
    first_this = ctx.date.replace(day=1)
    p_end = first_this - timedelta(days=1)
    p_start = p_end.replace(day=1)
    ctx.date = first_this + timedelta(days=rng.randint(0, 3))
    due = ctx.date + timedelta(days=rng.choice([10, 14, 15, 30]))
    number = ctx.number(["alnum", "prefix_digits", "digits", "prefix_year", "digits_padded"])
    account = rng.choice([f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}", f"acct_{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in range(10))}",
                          digits(rng, 12)])
    ctx.distractors += ["account_id", "billing_period", "due_date"]
    # usage
    services = rng.sample(SAAS_SERVICES, rng.randint(3, 6))
    items, svc_rows = [], []
    for name, usages in services:
        chosen = usages if len(usages) == 1 else rng.sample(usages, rng.randint(1, len(usages)))
        svc_amt = D(0)
        lines = []
        for desc, unit, (rlo, rhi), (qlo, qhi), qdp in chosen:
            rate = D(str(round(rng.uniform(rlo, rhi), 4 if rhi < 1 else 2)))
            if rhi >= 1:
                rate = q2(rate)
            qty = D(str(round(rng.uniform(qlo, qhi), qdp))) if qdp else D(rng.randint(qlo, qhi))
            amt = q2(qty * rate)
            if amt == 0:
                qty, amt = qty * 10, q2(qty * 10 * rate)
            it = {"desc": desc, "qty": qty, "price": rate, "amount": amt, "unit": unit, "service": name}
            items.append(it)
            lines.append(it)
            svc_amt += amt
        svc_rows.append((name, svc_amt, lines))
    # tax regime
    discount_pct = D(rng.choice([5, 10, 15])) if rng.random() < 0.2 else None
    reverse = ctx.country != "US" and cust_country != ctx.country and cust_country not in ("US",) and ctx.country not in ("GB",) and \
        cust_country not in ("GB",)
    if ctx.country == "US":
        rate = rng.choice([None, D("6.25"), D("8.875"), D("7"), D("4.5")]) if cust_country == "US" else None
    elif reverse:
        rate = D(0)
    else:
        rate = VAT_STD[ctx.country]
    T = calc_totals(items, lambda it: rate, discount_pct=discount_pct)
    credit = q2(min(T["total"], D(rng.choice([25, 50, 100, 150, 300])))) if rng.random() < 0.3 else D(0)
    amount_due = T["total"] - credit
    f = ctx.fmt
    ctx.features.update({"tax_regime": "reverse_charge" if reverse else ("none" if rate is None else "standard"),
                         "credit_applied": money_str(credit) if credit else None, "items_source": "detail page usage rows",
                         "billing_period": [p_start.isoformat(), p_end.isoformat()]})
    # ---------------- page 1
    x0, x1, y = doc.x0, doc.x1, doc.y
    doc.rect(x0, y, x0 + 20, y + 20, fill=ctx.accent)
    doc.rect(x0 + 6, y + 6, x0 + 14, y + 14, fill=(1, 1, 1))
    doc.t(x0 + 28, y + 1, brand, 17, "b", color=ctx.accent)
    yl = y + 30
    yl += doc.lines(x0, yl, [iss["name"], iss["street"], iss["city"], iss["web"]] +
                    ([f"VAT: {iss['vat']}" if ctx.country != "US" else f"EIN: {iss['vat']}"]), 7.5, "b", color=GREY, lead=1.3)
    title = ctx.pick("saas_title", S["title"])
    doc.t(x1, y, title, 18, "b", "r")
    pairs = [(ctx.L("inv_no"), number), (ctx.L("date"), ctx.dt(ctx.date)), (ctx.pick("acct", S["account"]), account),
             (ctx.pick("period", S["period"]), f"{ctx.dt(p_start)} - {ctx.dt(p_end)}")]
    if rng.random() < 0.3:
        pairs.append((S["po"], f"PO-{digits(rng, 6)}"))
    h, _, _ = kv(doc, pairs, right=x1, y=y + 30, size=8.5, mode=rng.choice(["cols", "valright"]))
    y = max(yl, y + 30 + h) + 16
    # bill to + amount-due box
    doc.t(x0, y, S["bill_to"].upper(), 7.5, "b", color=GREY)
    cl = [cust["name"]] + ([cust["attn"]] if cust.get("attn") else []) + [cust["street"], cust["city"]] + \
        ([cust["country_name"]] if cust.get("country_name") else []) + ([f"VAT ID: {cust['vat']}"] if reverse else [])
    hb = doc.lines(x0, y + 12, cl, 9, "b")
    bw = 215
    box_h = 64
    doc.rect(x1 - bw, y, x1, y + box_h, fill=tint(ctx.accent, 0.1), stroke=ctx.accent, width=0.8)
    doc.t(x1 - bw + 10, y + 9, ctx.pick("due", S["due"]).format(d=ctx.dt(due)), 9, "b")
    doc.t(x1 - bw + 10, y + 27, f.m(amount_due), 20, "b", color=ctx.accent)
    doc.y = max(y + 12 + hb, y + box_h) + 20
    # summary
    doc.t(x0, doc.y, ctx.pick("summary", S["summary"]), 11, "b")
    doc.y += 18
    rows = [{"cells": [nm, f.n(a)], "amt": a} for nm, a, _ in svc_rows]
    ctx.table([{"h": S["service"], "flex": True}, {"h": ctx.hdr(S["amount"]), "a": "r", "ha": "r"}], rows,
              style=rng.choice(["lines", "ruled", "zebra"]), x1=x1)
    doc.y += 6
    tl = [(ctx.pick("charges", S["charges"]), f.n(T["subtotal"]), "")]
    if T["discount"]:
        tl.append((f"{S['commit']} ({ctx.pct(discount_pct)})", f.n(-T["discount"]), ""))
    if rate is None:
        tl.append((S["tax"], f.n(0), ""))
    elif reverse:
        tl.append((ctx.tax_label(D(0), "VAT"), f.n(0), ""))
    else:
        tl.append((ctx.tax_label(rate, "Sales tax" if ctx.country == "US" else "VAT"), f.n(T["taxes"][0]["amount"]), ""))
    tl.append((S["total"], f.m(T["total"]), "b rule"))
    if credit:
        tl.append((ctx.pick("credit", S["credit"]), f.m(-credit), ""))
        tl.append((ctx.pick("amount_due", S["amount_due"]), f.m(amount_due), "b"))
    totals_block(doc, tl, size=9)
    doc.y += 14
    notes = []
    if rng.random() < 0.5:
        notes.append(S["autopay"].format(card=digits(rng, 4), d=ctx.dt(due)))
    elif ctx.country == "US":
        notes.append(f"Please pay by ACH to account {digits(rng, 10)} (routing {digits(rng, 9)}) quoting reference {number}.")
    else:
        notes.append(S["bank"].format(iban=iss["iban"], ref=number))
    if reverse:
        notes.append(S["rev"])
    if rate is None and S["notax"]:
        notes.append(S["notax"])
    if ctx.cur_mode == "word":
        notes.append(ctx.word_sentence())
    notes.append(S["more"])
    for nt in notes:
        doc.ensure(12)
        doc.y += doc.para(x0, doc.y, nt, doc.width, 8, "r", color=GREY) + 2
    # ---------------- detail page(s)
    doc.cont_header = lambda d: (d.t(d.x0, d.y, f"{brand}  |  {ctx.L('inv_no')} {number}", 8, "b", color=GREY),
                                 setattr(d, "y", d.y + 22))
    doc.add_page()
    doc.t(x0, doc.y, ctx.pick("details", S["details"]), 12, "b")
    doc.t(x1, doc.y + 2, f"{ctx.pick('period', S['period'])}: {ctx.dt(p_start)} - {ctx.dt(p_end)}", 8, color=GREY, align="r")
    doc.y += 20
    rows = []
    for nm, a, lines in svc_rows:
        rows.append({"kind": "group", "cells": [nm]})
        for it in lines:
            rows.append({"cells": [it["desc"], f.q(it["qty"]), it["unit"],
                                   f.n(it["price"], max(2, -it["price"].normalize().as_tuple().exponent)), f.n(it["amount"])]})
        rows.append({"kind": "sub", "cells": [S["svc_total"].format(s=nm), f.n(a)]})
    rows.append({"kind": "sub", "cells": [ctx.pick("charges", S["charges"]), f.n(T["subtotal"])]})
    ctx.table([{"h": S["desc"], "flex": True}, {"h": S["qty"], "a": "r"}, {"h": S["unit"]}, {"h": ctx.hdr(S["rate"]), "a": "r"},
               {"h": ctx.hdr(S["amount"]), "a": "r"}], rows, style=rng.choice(["lines", "ruled", "plain"]),
              size=ctx.size - 0.5)
    doc.footer = lambda d, pg, p, n: (
        d.hline(d.x0, d.x1, d.H - 34, 0.4, MID, page=pg),
        d.t(d.x0, d.H - 30, f"{iss['name']} - {iss['street']}, {iss['city']}", 7, color=GREY, page=pg),
        d.t(d.x1, d.H - 30, S["page"].format(p=p, n=n), 7, color=GREY, align="r", page=pg))
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T,
                date_text=ctx.dt(ctx.date))


# ----------------------------------------------------------------------------------------- archetype: marketplace
MARKET_GOODS = {
    "en": ["Bamboo cutting board set, 3 pieces", "Wireless earbuds with charging case, white", "Insulated steel water bottle 750 ml, matte green",
           "Non-slip yoga mat 6 mm, teal", "USB-C to USB-C cable 2 m, braided (2-pack)", "Ceramic coffee mugs 350 ml, set of 4",
           "Dimmable LED desk lamp with USB port", "Running socks size 9-12, 3 pairs", "Clear phone case for 6.1-inch phones",
           "Digital kitchen scale, 5 kg / 1 g", "Cotton bath towels 70 x 140 cm, 2 pack", "Stainless steel frying pan 28 cm, induction"],
    "de": ["Bambus-Schneidebrett-Set, 3-teilig", "Kabellose Ohrhörer mit Ladecase, weiß", "Isolierte Trinkflasche 750 ml, mattgrün",
           "Rutschfeste Yogamatte 6 mm, petrol", "USB-C-Kabel 2 m, geflochten (2er-Pack)", "Keramik-Kaffeebecher 350 ml, 4er-Set",
           "Dimmbare LED-Schreibtischlampe mit USB", "Laufsocken Gr. 43-46, 3 Paar", "Handyhülle transparent für 6,1-Zoll-Modelle",
           "Digitale Küchenwaage 5 kg", "Baumwoll-Duschtücher 70 x 140 cm, 2er-Pack", "Edelstahlpfanne 28 cm, induktionsgeeignet"],
    "fr": ["Set de planches à découper en bambou, 3 pièces", "Écouteurs sans fil avec boîtier de charge, blanc", "Gourde isotherme 750 ml, vert mat",
           "Tapis de yoga antidérapant 6 mm", "Câble USB-C 2 m tressé (lot de 2)", "Mugs en céramique 350 ml, lot de 4",
           "Lampe de bureau LED à intensité réglable", "Chaussettes de running 43-46, 3 paires", "Coque transparente pour smartphone 6,1 pouces",
           "Balance de cuisine numérique 5 kg", "Serviettes de bain coton 70 x 140 cm, lot de 2", "Poêle inox 28 cm, compatible induction"],
    "es": ["Set de tablas de cortar de bambú, 3 piezas", "Auriculares inalámbricos con estuche de carga, blanco", "Botella térmica de acero 750 ml, verde mate",
           "Esterilla de yoga antideslizante 6 mm", "Cable USB-C 2 m trenzado (pack de 2)", "Tazas de cerámica 350 ml, juego de 4",
           "Lámpara de escritorio LED regulable", "Calcetines de running 43-46, 3 pares", "Funda transparente para móvil de 6,1 pulgadas",
           "Báscula de cocina digital 5 kg", "Toallas de baño de algodón 70 x 140 cm, pack de 2", "Sartén de acero inoxidable 28 cm, inducción"],
    "it": ["Set taglieri in bambù, 3 pezzi", "Auricolari wireless con custodia di ricarica, bianchi", "Borraccia termica in acciaio 750 ml, verde opaco",
           "Tappetino yoga antiscivolo 6 mm", "Cavo USB-C 2 m intrecciato (confezione da 2)", "Tazze in ceramica 350 ml, set da 4",
           "Lampada da scrivania LED dimmerabile", "Calze da running 43-46, 3 paia", "Cover trasparente per smartphone da 6,1 pollici",
           "Bilancia da cucina digitale 5 kg", "Teli bagno in cotone 70 x 140 cm, confezione da 2", "Padella in acciaio inox 28 cm, induzione"],
}
MARKET_BOOK = {"en": "Paperback: The Quiet Harbour (novel)", "de": "Taschenbuch: Der stille Hafen (Roman)",
               "fr": "Livre de poche : Le Port tranquille (roman)", "es": "Libro de bolsillo: El puerto tranquilo (novela)",
               "it": "Libro tascabile: Il porto tranquillo (romanzo)"}
BOOK_RATE = {"GB": D(0), "IE": D(0), "DE": D(7), "FR": D("5.5"), "ES": D(4), "IT": D(4), "AU": D(10)}
MKT_L = {
    "en": dict(title=["Tax Invoice", "Invoice", "Tax Invoice / Receipt"], sold=["Sold by", "Seller"], bill=["Billing Address", "Bill to"],
               ship=["Shipping Address", "Ship to", "Delivery address"], order_no=["Order Number", "Order ID", "Order #"],
               order_date=["Order Date", "Order placed"], inv_no=["Invoice Number", "Invoice No."], inv_date=["Invoice Date", "Invoice date"],
               details=["Invoice Details", "Invoice reference"], cols=["No.", "Description", "Unit Price", "Qty", "Net Amount", "Tax Rate", "Tax Type", "Tax Amount", "Total Amount"],
               total="TOTAL:", words="Amount in Words:", forx="For {s}:", sig="Authorised Signatory", rc="Tax payable under reverse charge: No",
               ship_line="Shipping charges", pay="Payment method: {m}", pm=["Credit card", "Gift card and credit card", "PayPal"],
               vat="VAT Reg. No.", orig="(Original for recipient)", tx="Transaction ID", tax="VAT", sub="Subtotal (net)",
               note="This invoice was issued by the seller via {p}."),
    "de": dict(title=["Rechnung", "Rechnung / Quittung"], sold=["Verkauft von", "Verkäufer"], bill=["Rechnungsadresse"], ship=["Lieferadresse"],
               order_no=["Bestellnummer"], order_date=["Bestelldatum"], inv_no=["Rechnungsnummer"], inv_date=["Rechnungsdatum"],
               details=["Rechnungsdetails"], cols=["Nr.", "Beschreibung", "Stückpreis (netto)", "Menge", "Nettobetrag", "USt.-Satz", "Steuerart", "USt.-Betrag", "Gesamt"],
               total="SUMME:", words="Betrag in Worten:", forx="Für {s}:", sig="Unterschrift", rc="Steuerschuldnerschaft des Leistungsempfängers: Nein",
               ship_line="Versandkosten", pay="Zahlungsart: {m}", pm=["Kreditkarte", "Lastschrift", "PayPal"], vat="USt-IdNr.", orig="(Original)",
               tx="Transaktions-ID", tax="USt.", sub="Zwischensumme (netto)", note="Diese Rechnung wurde vom Verkäufer über {p} ausgestellt."),
    "fr": dict(title=["Facture", "Facture / Reçu"], sold=["Vendu par", "Vendeur"], bill=["Adresse de facturation"], ship=["Adresse de livraison"],
               order_no=["Numéro de commande"], order_date=["Date de commande"], inv_no=["Numéro de facture"], inv_date=["Date de facturation", "Date de facture"],
               details=["Détails de la facture"], cols=["N°", "Description", "Prix unitaire HT", "Qté", "Montant HT", "Taux TVA", "Type", "Montant TVA", "Total TTC"],
               total="TOTAL :", words="Montant en lettres :", forx="Pour {s} :", sig="Signature autorisée", rc="Autoliquidation : non",
               ship_line="Frais de livraison", pay="Mode de paiement : {m}", pm=["Carte bancaire", "PayPal"], vat="N° TVA", orig="(Original)",
               tx="ID de transaction", tax="TVA", sub="Sous-total HT", note="Facture émise par le vendeur via {p}."),
    "es": dict(title=["Factura", "Factura simplificada" if False else "Factura"], sold=["Vendido por", "Vendedor"], bill=["Dirección de facturación"],
               ship=["Dirección de envío"], order_no=["Número de pedido"], order_date=["Fecha del pedido"], inv_no=["Número de factura"],
               inv_date=["Fecha de factura", "Fecha de emisión"], details=["Detalles de la factura"],
               cols=["Nº", "Descripción", "Precio unitario", "Cant.", "Importe neto", "Tipo IVA", "Impuesto", "Cuota IVA", "Total"],
               total="TOTAL:", words="Importe en letra:", forx="Por {s}:", sig="Firma autorizada", rc="Inversión del sujeto pasivo: No",
               ship_line="Gastos de envío", pay="Forma de pago: {m}", pm=["Tarjeta de crédito", "PayPal"], vat="NIF", orig="(Original)",
               tx="ID de transacción", tax="IVA", sub="Base imponible", note="Factura emitida por el vendedor a través de {p}."),
    "it": dict(title=["Fattura"], sold=["Venduto da", "Venditore"], bill=["Indirizzo di fatturazione"], ship=["Indirizzo di spedizione"],
               order_no=["Numero ordine"], order_date=["Data ordine"], inv_no=["Numero fattura"], inv_date=["Data fattura"],
               details=["Dettagli fattura"], cols=["N.", "Descrizione", "Prezzo unitario", "Q.tà", "Imponibile", "Aliquota", "Imposta", "IVA", "Totale"],
               total="TOTALE:", words="", forx="Per {s}:", sig="Firma autorizzata", rc="Inversione contabile: No",
               ship_line="Spese di spedizione", pay="Metodo di pagamento: {m}", pm=["Carta di credito", "PayPal"], vat="P.IVA", orig="(Originale)",
               tx="ID transazione", tax="IVA", sub="Totale imponibile", note="Fattura emessa dal venditore tramite {p}."),
}


def build_marketplace(ctx):
    rng, lang, f = ctx.rng, ctx.lang, ctx.fmt
    S = MKT_L[lang]
    doc = ctx.new_doc(margins=(36, 36, 36, 36))
    platform = stem(rng) + rng.choice([" Market", "shop", " Bazaar", " Marketplace"])
    seller = party(rng, lang, ctx.country)
    buyer = party(rng, lang, ctx.country, kind="person")
    ship_same = rng.random() < 0.6
    shipto = buyer if ship_same else party(rng, lang, ctx.country, kind="person",
                                           name=rng.choice([buyer["name"], person_name(rng, lang)]))
    order_date = ctx.date - timedelta(days=rng.randint(0, 6))
    order_no = rng.choice([f"{digits(rng, 3)}-{digits(rng, 7)}-{digits(rng, 7)}", f"ORD-{ctx.date.year}-{digits(rng, 6)}",
                           f"{rng.randint(10, 99)}{digits(rng, 8)}"])
    number = ctx.number(["prefix_digits", "alnum", "prefix_yy", "digits", "letter_dash"])
    details = f"{ctx.country}-{digits(rng, 10)}-{ctx.date.year % 100}{ctx.date.year % 100 + 1}"
    ctx.distractors += ["order_number", "order_date", "invoice_details_ref", "platform_name"]
    # items
    rate = VAT_STD.get(ctx.country, D(20))
    goods = rng.sample(MARKET_GOODS[lang], rng.randint(1, 5))
    items = []
    for g in goods:
        gross = D(rng.randint(6, 120)) + rng.choice([D("0.99"), D("0.49"), D("0.00"), D("0.95")])
        price = q2(gross / (1 + rate / 100))
        qty = D(rng.choice([1, 1, 1, 2, 3]))
        items.append({"desc": g, "qty": qty, "price": price, "amount": q2(price * qty), "rate": rate})
    if rng.random() < 0.3 and ctx.country in BOOK_RATE:
        br = BOOK_RATE[ctx.country]
        p = D(rng.randint(7, 19)) + D("0.99")
        items.append({"desc": MARKET_BOOK[lang], "qty": D(1), "price": q2(p / (1 + br / 100)), "amount": q2(p / (1 + br / 100)), "rate": br})
    if rng.random() < 0.4:
        sp = q2(D(rng.choice(["3.99", "4.49", "5.99", "6.95"])) / (1 + rate / 100))
        items.append({"desc": S["ship_line"], "qty": D(1), "price": sp, "amount": sp, "rate": rate})
    for it in items:
        it["tax"] = q2(it["amount"] * it["rate"] / 100)
    sub = sum((it["amount"] for it in items), D(0))
    tax = sum((it["tax"] for it in items), D(0))
    T = {"subtotal": sub, "discount": D(0), "shipping": D(0), "rounding": D(0), "tax": tax, "total": sub + tax,
         "taxes": [{"rate": r, "amount": sum((it["tax"] for it in items if it["rate"] == r), D(0))} for r in sorted({it["rate"] for it in items})]}
    ctx.features.update({"per_line_tax": True, "two_tax_rates": len(T["taxes"]) > 1})
    # ---- header
    x0, x1, y = doc.x0, doc.x1, doc.y
    doc.t(x0, y, platform, 16, "b", color=ctx.accent)
    title = ctx.pick("mkt_title", S["title"])
    doc.t(x1, y, title, 13, "b", "r")
    if rng.random() < 0.5:
        doc.t(x1, y + 16, S["orig"], 7.5, color=GREY, align="r")
    y += 40
    colw = (doc.width - 20) / 2
    # sold by (left) and billing address (right)
    doc.t(x0, y, ctx.pick("sold", S["sold"]) + ":", 8.5, "b")
    hl = doc.lines(x0, y + 12, [seller["name"], seller["street"], seller["city"], f"{S['vat']}: {seller['vat']}"], 8.5, "b")
    rx = x0 + colw + 20
    doc.t(rx, y, ctx.pick("bill", S["bill"]) + ":", 8.5, "b")
    hr = doc.lines(rx, y + 12, [buyer["name"], buyer["street"], buyer["city"]], 8.5, "b")
    y += 12 + max(hl, hr) + 12
    doc.t(rx, y, ctx.pick("ship", S["ship"]) + ":", 8.5, "b")
    hs = doc.lines(rx, y + 12, [shipto["name"], shipto["street"], shipto["city"]], 8.5, "b")
    h1, _, _ = kv(doc, [(ctx.pick("order_no", S["order_no"]), order_no), (ctx.pick("order_date", S["order_date"]), ctx.dt(order_date))],
                  x=x0, y=y, size=8.5, ls="b", lc=BLACK, colon=True, gap=6)
    y += max(12 + hs, h1) + 10
    h2, _, _ = kv(doc, [(ctx.pick("inv_no2", S["inv_no"]), number), (ctx.pick("inv_date", S["inv_date"]), ctx.dt(ctx.date)),
                        (ctx.pick("details", S["details"]), details)], x=rx if rng.random() < 0.5 else x0, y=y, size=8.5,
                  ls="b", lc=BLACK, colon=True, gap=6)
    doc.y = y + h2 + 12
    # ---- table
    C = S["cols"]
    mm = f.m if f.cur_mode in ("sym", "code") and rng.random() < 0.7 else f.n
    rows = []
    for k, it in enumerate(items):
        rows.append({"cells": [str(k + 1), it["desc"], mm(it["price"]), f.q(it["qty"]), mm(it["amount"]), ctx.pct(it["rate"]),
                               S["tax"], mm(it["tax"]), mm(it["amount"] + it["tax"])]})
    cols = [{"h": C[0]}, {"h": C[1], "flex": True}, {"h": ctx.hdr(C[2]), "a": "r"}, {"h": C[3], "a": "r"},
            {"h": ctx.hdr(C[4]), "a": "r"}, {"h": C[5], "a": "r"}, {"h": C[6]}, {"h": ctx.hdr(C[7]), "a": "r"},
            {"h": ctx.hdr(C[8]), "a": "r"}]
    # the TOTAL line is the last row of the grid (net sum, tax sum, grand total under their columns)
    rows.append({"cells": ["", S["total"], "", "", mm(sub), "", "", mm(tax), f.m(T["total"])], "st": "b"})
    style = rng.choice(["grid", "grid", "ruled"])
    ctx.features["table_style"] = style
    Table(doc, cols, rows, ctx.size - 0.5, style, ctx.accent, min_flex=95).draw()
    doc.y += 12
    if S["words"] and lang in CUR_WORDS and f.cur_mode != "absent" and ctx.cur in CUR_WORDS[lang]:
        doc.t(x0, doc.y, S["words"], 8.5, "b")
        doc.y += 12
        doc.y += doc.para(x0, doc.y, amount_in_words(T["total"], lang, ctx.cur, rng), doc.width, 8.5, "b") + 8
        ctx.features["amount_in_words"] = True
    if ctx.cur_mode == "word":
        doc.t(x0, doc.y, ctx.word_sentence(), 8, color=GREY)
        doc.y += 14
    doc.ensure(60)
    doc.t(x1, doc.y, S["forx"].format(s=seller["name"]), 8.5, "b", "r")
    doc.hline(x1 - 130, x1, doc.y + 36, 0.4, GREY)
    doc.t(x1, doc.y + 40, S["sig"], 8, align="r")
    doc.t(x0, doc.y + 2, S["rc"], 8, color=GREY)
    doc.t(x0, doc.y + 14, S["pay"].format(m=rng.choice(S["pm"])), 8, color=GREY)
    doc.t(x0, doc.y + 26, f"{S['tx']}: {''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in range(14))}", 8, color=GREY)
    doc.y += 60
    doc.footer = lambda d, pg, p, n: (d.hline(d.x0, d.x1, d.H - 30, 0.4, MID, page=pg),
                                      d.t(d.x0, d.H - 26, S["note"].format(p=platform), 7, color=GREY, page=pg),
                                      d.t(d.x1, d.H - 26, f"{p}/{n}", 7, color=GREY, align="r", page=pg))
    return dict(number=number, issuer=seller["name"], customer=buyer["name"], items=items, T=T, date_text=ctx.dt(ctx.date))


# ----------------------------------------------------------------------------------------- archetype: utility / telecom
UTIL_L = {
    "en": dict(title_e=["Your electricity bill", "Your energy bill", "Electricity statement"], title_t=["Your mobile bill", "Your phone & broadband bill"],
               acct=["Account number", "Customer account"], bill_no=["Bill number", "Invoice number", "Invoice no."], bill_date=["Bill date", "Date of issue", "Invoice date"],
               period=["Billing period", "For the period"], meter="Meter serial no.", mpan=["Supply number", "MPAN"], line_no=["Phone number", "Line"],
               summary="Your account summary", prev="Previous balance", paid="Payment received {d} - thank you", bf="Balance brought forward",
               cur=["This period's charges", "Your new charges", "Current charges"], due=["Total amount due", "Amount to pay", "Total to pay"],
               dd=["We will collect this amount by Direct Debit on or after {d}.", "Please pay by {d}."],
               details=["Your charges in detail", "Charges for this period"], reading="Meter readings", prev_r="Previous reading", cur_r="Current reading",
               used="Units used", est=["(actual)", "(estimated)"], desc="Description", qty="Quantity", rate="Rate", amount="Amount",
               sub=["Charges before VAT", "Total before tax"], tot=["Total current charges", "Total charges incl. VAT", "Total for this period"],
               day=["Electricity - day rate", "Electricity used (day)"], night=["Electricity - night rate", "Electricity used (night)"],
               standing=["Standing charge", "Daily standing charge"], gas=["Gas used", "Gas consumption"], gstand="Gas standing charge",
               plan=["Monthly plan - Unlimited calls & texts, {g} GB", "SIM only plan {g} GB - monthly charge"], device="Device payment {k} of 24",
               intl="International calls", roam="Roaming day pass", extra="Extra data add-on {g} GB", per_day="days", per_min="min",
               kwh="kWh", help="Questions about your bill? Call us on {ph}.", units_days="days"),
    "de": dict(title_e=["Stromrechnung", "Ihre Jahresabrechnung Strom", "Energieabrechnung"], title_t=["Ihre Mobilfunkrechnung", "Rechnung Festnetz & Internet"],
               acct=["Vertragskonto", "Kundennummer"], bill_no=["Rechnungsnummer", "Rechnungs-Nr."], bill_date=["Rechnungsdatum", "Datum"],
               period=["Abrechnungszeitraum", "Verbrauchszeitraum"], meter="Zählernummer", mpan=["Marktlokation", "Zählpunkt"], line_no=["Rufnummer", "Anschluss"],
               summary="Zusammenfassung", prev="Saldo Vormonat", paid="Zahlungseingang vom {d}", bf="Saldovortrag",
               cur=["Rechnungsbetrag dieser Abrechnung", "Aktuelle Rechnung"], due=["Zu zahlender Betrag", "Offener Betrag"],
               dd=["Der Betrag wird ab dem {d} per Lastschrift eingezogen.", "Bitte zahlen Sie bis zum {d}."],
               details=["Ihre Kosten im Einzelnen", "Abrechnung im Detail"], reading="Zählerstände", prev_r="Vorheriger Stand", cur_r="Aktueller Stand",
               used="Verbrauch", est=["(abgelesen)", "(geschätzt)"], desc="Position", qty="Menge", rate="Preis", amount="Betrag",
               sub=["Summe netto", "Nettobetrag"], tot=["Rechnungsbetrag (brutto)", "Gesamtbetrag brutto"],
               day=["Arbeitspreis HT", "Arbeitspreis Strom"], night=["Arbeitspreis NT", "Arbeitspreis Nachtstrom"], standing=["Grundpreis"],
               gas=["Arbeitspreis Gas"], gstand="Grundpreis Gas", plan=["Tarif Allnet Flat {g} GB, Monatspreis", "Mobilfunktarif {g} GB"],
               device="Gerätezahlung Rate {k}/24", intl="Auslandsgespräche", roam="Roaming-Tagespass", extra="Zusatzpaket Daten {g} GB",
               per_day="Tage", per_min="Min.", kwh="kWh", help="Fragen zur Rechnung? Telefon {ph}.", units_days="Tage",
               abschlag="abzüglich geleistete Abschläge", nach="Nachzahlung", guthaben="Guthaben"),
    "fr": dict(title_e=["Votre facture d'électricité", "Facture d'énergie"], title_t=["Votre facture mobile", "Facture Box Internet"],
               acct=["Référence client", "N° de compte"], bill_no=["N° de facture", "Facture n°"], bill_date=["Date de facture", "Facture du"],
               period=["Période de consommation", "Période facturée"], meter="N° de compteur", mpan=["Point de livraison (PDL)", "PDL"], line_no=["N° de ligne", "Ligne"],
               summary="Résumé de votre compte", prev="Solde précédent", paid="Paiement reçu le {d}", bf="Solde reporté",
               cur=["Montant de cette facture", "Facture du mois"], due=["Montant total à payer", "Total à régler"],
               dd=["Ce montant sera prélevé à partir du {d}.", "À payer avant le {d}."],
               details=["Détail de votre facture", "Détail des montants"], reading="Relevés de compteur", prev_r="Ancien index", cur_r="Nouvel index",
               used="Consommation", est=["(réel)", "(estimé)"], desc="Désignation", qty="Quantité", rate="Prix unitaire", amount="Montant HT",
               sub=["Total HT", "Montant hors taxes"], tot=["Total TTC de cette facture", "Montant TTC"],
               day=["Consommation heures pleines", "Consommation HP"], night=["Consommation heures creuses", "Consommation HC"],
               standing=["Abonnement"], gas=["Consommation gaz"], gstand="Abonnement gaz", plan=["Forfait mobile {g} Go", "Forfait Illimité {g} Go"],
               device="Paiement du mobile, échéance {k}/24", intl="Appels vers l'international", roam="Pass roaming jour", extra="Recharge data {g} Go",
               per_day="jours", per_min="min", kwh="kWh", help="Une question ? Appelez le {ph}.", units_days="mois"),
    "nl": dict(title_e=["Uw energienota", "Factuur elektriciteit"], title_t=["Uw factuur mobiel", "Factuur internet & bellen"],
               acct=["Klantnummer", "Contractnummer"], bill_no=["Factuurnummer", "Notanummer"], bill_date=["Factuurdatum", "Datum"],
               period=["Periode", "Afrekenperiode"], meter="Meternummer", mpan=["EAN-code", "Aansluiting (EAN)"], line_no=["Telefoonnummer"],
               summary="Overzicht", prev="Vorig saldo", paid="Ontvangen betaling {d}", bf="Saldo",
               cur=["Bedrag deze factuur", "Nieuwe kosten"], due=["Totaal te betalen", "Openstaand bedrag"],
               dd=["Wij schrijven dit bedrag rond {d} af van uw rekening.", "Gelieve te betalen vóór {d}."],
               details=["Specificatie", "Uw kosten"], reading="Meterstanden", prev_r="Beginstand", cur_r="Eindstand", used="Verbruik",
               est=["(gemeten)", "(geschat)"], desc="Omschrijving", qty="Aantal", rate="Tarief", amount="Bedrag",
               sub=["Totaal excl. btw", "Subtotaal"], tot=["Totaal incl. btw", "Totaal deze periode"],
               day=["Levering normaaltarief", "Verbruik normaal"], night=["Levering daltarief", "Verbruik dal"], standing=["Vastrecht", "Vaste leveringskosten"],
               gas=["Levering gas"], gstand="Vastrecht gas", plan=["Abonnement Onbeperkt {g} GB", "Sim Only {g} GB maandbedrag"],
               device="Toestelbetaling termijn {k} van 24", intl="Bellen naar buitenland", roam="Roaming dagbundel", extra="Extra databundel {g} GB",
               per_day="dagen", per_min="min.", kwh="kWh", help="Vragen over uw factuur? Bel {ph}.", units_days="dagen"),
    "es": dict(title_e=["Factura de electricidad", "Su factura de luz"], title_t=["Factura de telefonía", "Su factura móvil y fibra"],
               acct=["Nº de contrato", "Código de cliente"], bill_no=["Nº de factura", "Número de factura"], bill_date=["Fecha de emisión", "Fecha de factura"],
               period=["Periodo de facturación", "Periodo de consumo"], meter="Nº de contador", mpan=["CUPS"], line_no=["Nº de línea", "Línea"],
               summary="Resumen", prev="Saldo anterior", paid="Pago recibido el {d}", bf="Saldo pendiente",
               cur=["Importe de esta factura", "Cargos del periodo"], due=["Total a pagar", "Importe a abonar"],
               dd=["Se cargará en su cuenta a partir del {d}.", "Fecha límite de pago: {d}."],
               details=["Detalle de la factura", "Desglose de conceptos"], reading="Lecturas", prev_r="Lectura anterior", cur_r="Lectura actual",
               used="Consumo", est=["(real)", "(estimada)"], desc="Concepto", qty="Cantidad", rate="Precio", amount="Importe",
               sub=["Base imponible", "Total sin IVA"], tot=["Total importe factura", "Total factura"],
               day=["Energía consumida punta", "Término de energía P1"], night=["Energía consumida valle", "Término de energía P3"],
               standing=["Término fijo (días)", "Cuota fija"], gas=["Consumo de gas"], gstand="Término fijo gas",
               plan=["Cuota mensual Fibra + Móvil {g} GB", "Tarifa móvil {g} GB"], device="Pago a plazos terminal {k}/24",
               intl="Llamadas internacionales", roam="Bono itinerancia diario", extra="Bono datos extra {g} GB",
               per_day="días", per_min="min", kwh="kWh", help="Atención al cliente: {ph}.", units_days="días"),
}


def build_utility(ctx):
    rng, lang, f = ctx.rng, ctx.lang, ctx.fmt
    S = UTIL_L[lang]
    doc = ctx.new_doc(margins=(42, 40, 42, 44))
    kind = rng.choice(["energy", "energy", "telecom"])
    brand_noun = {"energy": {"en": "Energy", "de": "Energie", "fr": "Énergie", "nl": "Energie", "es": "Energía"},
                  "telecom": {"en": "Mobile", "de": "Telekom", "fr": "Télécom", "nl": "Telecom", "es": "Telecom"}}[kind][lang]
    name = f"{stem(rng)} {brand_noun}" if lang in ("en", "de", "nl") else f"{brand_noun} {stem(rng)}"
    iss = party(rng, lang, ctx.country, name=name)
    cust = party(rng, lang, ctx.country, kind="person" if rng.random() < 0.75 else "company")
    p_end = ctx.date - timedelta(days=rng.randint(2, 8))
    annual = lang == "de" and kind == "energy" and rng.random() < 0.6
    p_start = (p_end - timedelta(days=364)) if annual else (p_end - timedelta(days=rng.choice([29, 30, 60, 90]) - 1))
    days = (p_end - p_start).days + 1
    due = ctx.date + timedelta(days=rng.choice([10, 14, 15, 21]))
    number = ctx.number(["digits", "digits_padded", "prefix_digits", "year_dash"])
    account = rng.choice([digits(rng, 10), f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}", f"{digits(rng, 4)}-{digits(rng, 6)}"])
    ctx.distractors += ["account_number", "meter_or_line_number", "billing_period", "previous_balance", "payment_received", "amount_due"]
    items, readings = [], []
    if kind == "energy":
        prev = D(rng.randint(2000, 90000))
        used_day = D(rng.randint(150, 900) * (12 if annual else max(1, days // 30)))
        readings.append((f"{digits(rng, 2)}{rng.choice('ABCDEFGH')}{digits(rng, 6)}", prev, prev + used_day))
        items.append({"desc": ctx.pick("day", S["day"]), "qty": used_day, "unit": S["kwh"],
                      "price": D(str(round(rng.uniform(0.22, 0.38), 4)))})
        if rng.random() < 0.5:
            used_n = D(rng.randint(60, 400) * (12 if annual else max(1, days // 30)))
            items.append({"desc": ctx.pick("night", S["night"]), "qty": used_n, "unit": S["kwh"],
                          "price": D(str(round(rng.uniform(0.11, 0.20), 4)))})
        items.append({"desc": ctx.pick("standing", S["standing"]), "qty": D(days), "unit": S["per_day"],
                      "price": D(str(round(rng.uniform(0.27, 0.61), 4)))})
        if rng.random() < 0.25:
            gu = D(rng.randint(300, 2500))
            items.append({"desc": ctx.pick("gas", S["gas"]), "qty": gu, "unit": S["kwh"], "price": D(str(round(rng.uniform(0.06, 0.12), 4)))})
            items.append({"desc": S["gstand"], "qty": D(days), "unit": S["per_day"], "price": D(str(round(rng.uniform(0.25, 0.35), 4)))})
        rate = {"GB": D(5), "US": None}.get(ctx.country, VAT_STD.get(ctx.country, D(20)))
    else:
        g = rng.choice([10, 20, 30, 50, 60, 100])
        items.append({"desc": ctx.pick("plan", S["plan"]).format(g=g), "qty": None, "price": None, "unit": "",
                      "amount": D(rng.randint(12, 60)) + rng.choice([D("0.99"), D("0.00"), D("0.50")])})
        if rng.random() < 0.5:
            items.append({"desc": S["device"].format(k=rng.randint(2, 23)), "qty": None, "price": None, "unit": "",
                          "amount": D(rng.randint(9, 45)) + D("0.99")})
        if rng.random() < 0.7:
            items.append({"desc": S["intl"], "qty": D(rng.randint(5, 180)), "unit": S["per_min"], "price": D(str(round(rng.uniform(0.05, 0.49), 2)))})
        if rng.random() < 0.4:
            items.append({"desc": S["roam"], "qty": D(rng.randint(1, 9)), "unit": S["per_day"], "price": D(rng.choice(["2.00", "3.00", "4.99", "5.00"]))})
        if rng.random() < 0.3:
            items.append({"desc": S["extra"].format(g=rng.choice([2, 5, 10])), "qty": None, "price": None, "unit": "",
                          "amount": D(rng.choice(["5.00", "7.50", "10.00"]))})
        rate = VAT_STD.get(ctx.country, D(20)) if ctx.country != "US" else D(rng.choice(["6.5", "7.25", "8"]))
    for it in items:
        if it.get("amount") is None:
            it["amount"] = q2(it["qty"] * it["price"])
    T = calc_totals(items, lambda it: rate)
    prev_bal = q2(D(rng.uniform(20, 400))) if not annual else D(0)
    paid = prev_bal if rng.random() < 0.6 else q2(prev_bal * D(rng.choice(["0.5", "0.8", "0"])))
    bf = prev_bal - paid
    amount_due = bf + T["total"]
    # ---- page 1 header: logo left, title right
    x0, x1, y = doc.x0, doc.x1, doc.y
    doc.rect(x0, y, x0 + 8, y + 28, fill=ctx.accent)
    doc.t(x0 + 14, y + 4, iss["name"], 16, "b", color=ctx.accent)
    title = ctx.pick("title", S["title_e"] if kind == "energy" else S["title_t"])
    doc.t(x1, y + 6, title, 13, "b", "r")
    y += 46
    # customer address window (left), key facts (right)
    cl = [cust["name"], cust["street"], cust["city"]]
    hc = doc.lines(x0, y + 14, cl, 9.5, "b")
    meter_no = readings[0][0] if readings else phone(rng, ctx.country)
    supply = {"en": f"S {digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 13)}"}.get(lang, digits(rng, 18 if lang != "es" else 20))
    pairs = [(ctx.pick("bill_no", S["bill_no"]), number), (ctx.pick("bill_date", S["bill_date"]), ctx.dt(ctx.date)),
             (ctx.pick("acct", S["acct"]), account), (ctx.pick("period", S["period"]), f"{ctx.dt(p_start)} - {ctx.dt(p_end)}")]
    if kind == "energy":
        pairs.append((ctx.pick("mpan", S["mpan"]), supply if lang != "es" else "ES" + digits(rng, 16) + "JN0F"))
    else:
        pairs.append((ctx.pick("line_no", S["line_no"]), meter_no))
    rng.shuffle(pairs)
    hk, wk, kx = kv(doc, pairs, right=x1, y=y, size=8.5, mode="cols", ls="b", lc=BLACK)
    y = max(y + 14 + hc, y + hk) + 18
    # account summary box
    doc.y = y
    summ = []
    if not annual:
        summ.append((S["prev"], f.m(prev_bal), ""))
        if paid:
            summ.append((S["paid"].format(d=ctx.dt(p_end - timedelta(days=rng.randint(1, 20)))), f.m(-paid), ""))
        summ.append((S["bf"], f.m(bf), ""))
        summ.append((ctx.pick("cur", S["cur"]), f.m(T["total"]), ""))
        summ.append((ctx.pick("due", S["due"]), f.m(amount_due), "b big"))
    box_top = y
    if summ:
        doc.t(x0 + 10, y + 8, S["summary"], 11, "b", color=ctx.accent)
        doc.y = y + 28
        totals_block(doc, summ, right=x1 - 12, label_x=x0 + 10, size=9, keep=False)
        doc.rect(x0, box_top, x1, doc.y + 6, stroke=ctx.accent, width=1.0)
        doc.y += 12
        doc.para(x0 + 2, doc.y, ctx.pick("dd", S["dd"]).format(d=ctx.dt(due)), doc.width - 4, 8.5, "i", color=GREY)
        doc.y += 22
    else:
        doc.y = y
    # meter readings table
    if readings:
        doc.t(x0, doc.y, S["reading"], 10, "b")
        doc.y += 15
        rr = [{"cells": [m, f"{f.n(a, 0)} {rng.choice(S['est'])}", f"{f.n(b, 0)} {S['est'][0]}", f"{f.n(b - a, 0)} {S['kwh']}"]} for m, a, b in readings]
        Table(doc, [{"h": S["meter"], "flex": True}, {"h": S["prev_r"], "a": "r"}, {"h": S["cur_r"], "a": "r"}, {"h": S["used"], "a": "r"}],
              rr, ctx.size - 0.5, "lines", ctx.accent, min_flex=80).draw()
        doc.y += 14
    # charges table
    doc.ensure(60)
    doc.t(x0, doc.y, ctx.pick("details", S["details"]), 10, "b")
    doc.y += 15
    rows = []
    for it in items:
        q = f"{f.q(it['qty'])} {it['unit']}".strip() if it["qty"] is not None else ""
        pr = f.n(it["price"], max(2, -it["price"].normalize().as_tuple().exponent)) if it["price"] is not None else ""
        rows.append({"cells": [it["desc"], q, pr, f.n(it["amount"])]})
    ctx.table([{"h": S["desc"], "flex": True}, {"h": S["qty"], "a": "r"}, {"h": ctx.hdr(S["rate"]), "a": "r"},
               {"h": ctx.hdr(S["amount"]), "a": "r"}], rows, style=rng.choice(["lines", "zebra", "ruled"]))
    doc.y += 6
    sub_lbl = ctx.pick("sub", S["sub"])
    if ctx.country == "US":
        sub_lbl = ctx.pick("sub_us", ["Charges before tax", "Subtotal"])
    tl = [(sub_lbl, f.n(T["subtotal"]), "")]
    for t in T["taxes"]:
        tl.append((ctx.tax_label(t["rate"]), f.n(t["amount"]), ""))
    tl.append((ctx.pick("tot", S["tot"]) if ctx.country != "US" else ctx.pick("tot_us", ["Total current charges", "Total for this period"]),
               f.m(T["total"]), "b rule"))
    if annual:
        n_abs = rng.choice([11, 12])
        abschlag = q2(T["total"] / n_abs * D(rng.choice(["0.9", "0.95", "1.05", "1.1"])))
        abschlag = D(int(abschlag))
        paid_total = abschlag * n_abs
        diff = T["total"] - paid_total
        tl.append((f"{S['abschlag']} ({n_abs} x {f.n(abschlag)})", f.m(-paid_total), ""))
        tl.append((S["nach"] if diff >= 0 else S["guthaben"], f.m(abs(diff)), "b"))
        ctx.features["installments_paid"] = money_str(paid_total)
    totals_block(doc, tl, size=9)
    doc.y += 10
    if ctx.cur_mode == "word":
        doc.t(x0, doc.y, ctx.word_sentence(), 8, color=GREY)
        doc.y += 12
    if annual:
        doc.t(x0, doc.y, ctx.pick("dd", S["dd"]).format(d=ctx.dt(due)), 8.5, "i", color=GREY)
        doc.y += 12
    doc.footer = lambda d, pg, p, n: (
        d.hline(d.x0, d.x1, d.H - 38, 0.4, MID, page=pg),
        d.t(d.x0, d.H - 34, f"{iss['name']} - {iss['street']}, {iss['city']} - {S['help'].format(ph=iss['phone'])}", 6.5, color=GREY, page=pg),
        d.t(d.x0, d.H - 25, f"IBAN {iss['iban']} - {iss['vat']}" if ctx.country != "US" else iss["web"], 6.5, color=GREY, page=pg),
        d.t(d.x1, d.H - 25, f"{p}/{n}", 6.5, color=GREY, align="r", page=pg))
    ctx.features.update({"service": kind, "annual_statement": annual, "previous_balance": money_str(prev_bal),
                         "payment_received": money_str(paid), "amount_due_printed": money_str(amount_due if not annual else T["total"])})
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T, date_text=ctx.dt(ctx.date))


# ----------------------------------------------------------------------------------------- archetype: hotel folio
HOTEL_L = {
    "en": dict(title=["INVOICE", "Guest folio / Invoice", "Invoice"], room="Room", arr="Arrival", dep="Departure", guests="Guests",
               conf="Confirmation no.", folio="Folio", cashier="Cashier", acc="Accommodation - {r}", bf="Breakfast", mini="Minibar",
               rest="Restaurant", park="Parking", city="City tax", laundry="Laundry service", spa="Spa access", date="Date",
               desc="Description", charges="Charges", credits="Credits", deposit="Deposit received", pay="Payment {c} ****{n}",
               total=["Total", "Total charges"], paid="Total payments", bal=["Balance", "Balance due"], vat="VAT", net="Net", gross="Gross",
               rate="Rate", vat_sum=["VAT summary", "VAT analysis"], incl="All prices include VAT.", thanks="Thank you for staying with us!",
               rooms=["Superior Double", "Classic Twin", "Deluxe King", "Junior Suite", "Standard Single"], guest="Guest", qty="Qty", price="Price",
               tot_net="Total net"),
    "de": dict(title=["Rechnung", "RECHNUNG"], room="Zimmer", arr="Anreise", dep="Abreise", guests="Personen", conf="Reservierungsnr.",
               folio="Folio", cashier="Kassierer", acc="Übernachtung {r}", bf="Frühstück", mini="Minibar", rest="Restaurant", park="Parkplatz",
               city="City-Tax", laundry="Wäscheservice", spa="Spa-Nutzung", date="Datum", desc="Beschreibung", charges="Belastung",
               credits="Gutschrift", deposit="Anzahlung", pay="Zahlung {c} ****{n}", total=["Gesamtbetrag", "Summe"], paid="Zahlungen",
               bal=["Saldo", "Offener Saldo"], vat="MwSt.", net="Netto", gross="Brutto", rate="Satz", vat_sum=["MwSt.-Aufstellung", "Steuerausweis"],
               incl="Alle Preise inkl. gesetzlicher MwSt.", thanks="Vielen Dank für Ihren Aufenthalt!",
               rooms=["Doppelzimmer Superior", "Einzelzimmer Komfort", "Junior Suite", "Doppelzimmer Classic"], guest="Gast", qty="Anz.",
               price="Preis", tot_net="Summe netto"),
    "fr": dict(title=["FACTURE", "Note / Facture"], room="Chambre", arr="Arrivée", dep="Départ", guests="Personnes", conf="N° de réservation",
               folio="Folio", cashier="Caissier", acc="Hébergement {r}", bf="Petit-déjeuner", mini="Minibar", rest="Restaurant", park="Parking",
               city="Taxe de séjour", laundry="Blanchisserie", spa="Accès spa", date="Date", desc="Désignation", charges="Débit", credits="Crédit",
               deposit="Acompte reçu", pay="Règlement {c} ****{n}", total=["Total TTC", "Total"], paid="Total réglé", bal=["Solde", "Reste dû"],
               vat="TVA", net="HT", gross="TTC", rate="Taux", vat_sum=["Détail TVA", "Récapitulatif TVA"], incl="Prix TTC, TVA incluse.",
               thanks="Merci de votre séjour !", rooms=["Chambre Double Supérieure", "Chambre Twin Classique", "Suite Junior"], guest="Client",
               qty="Qté", price="Prix", tot_net="Total HT"),
    "es": dict(title=["FACTURA", "Factura"], room="Habitación", arr="Llegada", dep="Salida", guests="Huéspedes", conf="Nº de reserva",
               folio="Folio", cashier="Cajero", acc="Alojamiento {r}", bf="Desayuno", mini="Minibar", rest="Restaurante", park="Aparcamiento",
               city="Tasa turística", laundry="Lavandería", spa="Acceso spa", date="Fecha", desc="Concepto", charges="Cargos", credits="Abonos",
               deposit="Depósito recibido", pay="Pago {c} ****{n}", total=["Total factura", "Total"], paid="Total pagado", bal=["Saldo", "Pendiente"],
               vat="IVA", net="Base", gross="Total", rate="Tipo", vat_sum=["Desglose IVA"], incl="Precios con IVA incluido.",
               thanks="¡Gracias por su estancia!", rooms=["Doble Superior", "Habitación Twin Clásica", "Junior Suite"], guest="Huésped",
               qty="Cant.", price="Precio", tot_net="Total base"),
    "it": dict(title=["FATTURA", "Fattura"], room="Camera", arr="Arrivo", dep="Partenza", guests="Ospiti", conf="N. prenotazione",
               folio="Conto", cashier="Operatore", acc="Pernottamento {r}", bf="Colazione", mini="Minibar", rest="Ristorante", park="Parcheggio",
               city="Imposta di soggiorno", laundry="Lavanderia", spa="Ingresso spa", date="Data", desc="Descrizione", charges="Addebiti",
               credits="Accrediti", deposit="Acconto ricevuto", pay="Pagamento {c} ****{n}", total=["Totale documento", "Totale"],
               paid="Totale pagato", bal=["Saldo", "Da pagare"], vat="IVA", net="Imponibile", gross="Totale", rate="Aliquota",
               vat_sum=["Riepilogo IVA"], incl="Prezzi IVA inclusa.", thanks="Grazie per il vostro soggiorno!",
               rooms=["Camera Doppia Superior", "Camera Classic", "Junior Suite"], guest="Ospite", qty="Q.tà", price="Prezzo", tot_net="Totale imponibile"),
    "nl": dict(title=["FACTUUR", "Factuur"], room="Kamer", arr="Aankomst", dep="Vertrek", guests="Gasten", conf="Reserveringsnr.",
               folio="Folio", cashier="Medewerker", acc="Overnachting {r}", bf="Ontbijt", mini="Minibar", rest="Restaurant", park="Parkeren",
               city="Toeristenbelasting", laundry="Wasservice", spa="Toegang spa", date="Datum", desc="Omschrijving", charges="Debet",
               credits="Credit", deposit="Aanbetaling", pay="Betaling {c} ****{n}", total=["Totaal", "Totaalbedrag"], paid="Betaald",
               bal=["Saldo", "Openstaand"], vat="BTW", net="Netto", gross="Bruto", rate="Tarief", vat_sum=["BTW-specificatie"],
               incl="Alle prijzen zijn inclusief btw.", thanks="Bedankt voor uw verblijf!", rooms=["Superior tweepersoonskamer", "Comfort kamer", "Junior suite"],
               guest="Gast", qty="Aantal", price="Prijs", tot_net="Totaal netto"),
    "pt": dict(title=["FATURA", "Fatura"], room="Quarto", arr="Chegada", dep="Partida", guests="Hóspedes", conf="N.º reserva",
               folio="Conta", cashier="Operador", acc="Alojamento {r}", bf="Pequeno-almoço", mini="Minibar", rest="Restaurante",
               park="Estacionamento", city="Taxa turística", laundry="Lavandaria", spa="Acesso spa", date="Data", desc="Descrição",
               charges="Débito", credits="Crédito", deposit="Depósito recebido", pay="Pagamento {c} ****{n}", total=["Total", "Total a pagar"],
               paid="Total pago", bal=["Saldo", "Em dívida"], vat="IVA", net="Incidência", gross="Total", rate="Taxa", vat_sum=["Resumo do IVA"],
               incl="Preços com IVA incluído.", thanks="Obrigado pela sua estadia!", rooms=["Quarto Duplo Superior", "Quarto Twin Clássico", "Suite Júnior"],
               guest="Hóspede", qty="Qtd.", price="Preço", tot_net="Total incidência"),
}
HOTEL_VAT = {"DE": (D(7), D(19)), "AT": (D(10), D(20)), "CH": (D("3.8"), D("8.1")), "FR": (D(10), D(20)), "BE": (D(6), D(21)),
             "ES": (D(10), D(21)), "IT": (D(10), D(22)), "NL": (D(9), D(21)), "PT": (D(6), D(23)), "GB": (D(20), D(20)),
             "IE": (D("13.5"), D(23))}


def build_hotel(ctx):
    rng, lang, f = ctx.rng, ctx.lang, ctx.fmt
    S = HOTEL_L[lang]
    doc = ctx.new_doc(margins=(48, 40, 48, 48))
    hname = rng.choice(["Hotel {S}", "{S} Hotel", "Hotel {S} {X}", "{S} {X} Hotel"]).format(
        S=stem(rng), X=rng.choice(["Garden", "am See", "Park", "Central", "Plaza", "Palace", "Riverside"] if lang == "de" else
                                  ["Garden", "Park", "Central", "Plaza", "Palace", "Riverside", "Harbour"]))
    iss = party(rng, lang, ctx.country, name=hname)
    guest = person_name(rng, lang)
    company_bill = rng.random() < 0.35
    cust = party(rng, lang, ctx.country) if company_bill else party(rng, lang, ctx.country, kind="person", name=guest)
    nights = rng.randint(9, 14) + 3 * ctx.attempt if ctx.want_two else rng.randint(1, 5)
    dep = ctx.date - timedelta(days=rng.choice([0, 0, 0, 1]))
    arr = dep - timedelta(days=nights)
    r_acc, r_std = HOTEL_VAT[ctx.country]
    room = rng.choice(S["rooms"])
    npers = rng.choice([1, 2, 2])
    rate = D(rng.randint(69, 260)) + rng.choice([D(0), D("0.50"), D(0)])
    items, _rows_raw = [], []
    for k in range(nights):
        d = arr + timedelta(days=k)
        items.append({"desc": S["acc"].format(r=room), "qty": None, "price": None, "amount": rate, "rate": r_acc, "date": d})
        if rng.random() < 0.5:
            bp = D(rng.choice([14, 16, 18, 19, 22, 25]))
            items.append({"desc": S["bf"], "qty": D(npers), "price": bp, "amount": bp * npers, "rate": r_std, "date": d + timedelta(days=1)})
    extras = [(S["mini"], 4, 35), (S["rest"], 25, 140), (S["park"], 12, 30), (S["laundry"], 9, 40), (S["spa"], 15, 45)]
    for nm, lo, hi in rng.sample(extras, rng.randint(0, 3)):
        items.append({"desc": nm, "qty": None, "price": None, "amount": D(rng.randint(lo, hi)) + rng.choice([D(0), D("0.50"), D("0.80")]),
                      "rate": r_std, "date": arr + timedelta(days=rng.randint(0, max(0, nights - 1)))})
    if ctx.country not in ("GB", "IE") and rng.random() < 0.75:
        ct = D(rng.choice(["1.50", "2.00", "2.50", "3.00", "3.30", "4.00"]))
        items.append({"desc": S["city"], "qty": D(npers * nights), "price": ct, "amount": ct * npers * nights, "rate": D(0), "date": dep})
    items.sort(key=lambda it: it["date"])
    # VAT contained in gross prices (tax-inclusive folio)
    groups = {}
    for it in items:
        groups[it["rate"]] = groups.get(it["rate"], D(0)) + it["amount"]
    vat_rows = []
    for r in sorted(groups, reverse=True):
        g = groups[r]
        v = q2(g * r / (100 + r))
        vat_rows.append((r, g - v, v, g))
    total = sum((it["amount"] for it in items), D(0))
    tax = sum((v for _, _, v, _ in vat_rows), D(0))
    T = {"subtotal": total - tax, "tax": tax, "total": total, "discount": D(0), "shipping": D(0), "rounding": D(0),
         "taxes": [{"rate": r, "amount": v} for r, _, v, _ in vat_rows]}
    deposit = q2(total * D(rng.choice(["0.2", "0.3", "0.5"]))) if rng.random() < 0.4 else D(0)
    settled = rng.random() < 0.75
    payment = total - deposit if settled else D(0)
    number = ctx.number(["digits", "year_dash", "prefix_digits", "digits_padded", "num_slash_year"])
    conf = f"{rng.choice(['', 'R', 'BK'])}{digits(rng, rng.choice([6, 8, 9]))}"
    folio = digits(rng, 5)
    ctx.distractors += ["arrival", "departure", "confirmation_no", "folio_no", "room_no", "payments", "balance"]
    # ---- header: hotel name centred (or left), address line
    x0, x1, y = doc.x0, doc.x1, doc.y
    centred = rng.random() < 0.6
    if centred:
        doc.t(doc.W / 2, y, iss["name"], 18, "b", "c", color=ctx.accent)
        doc.t(doc.W / 2, y + 24, f"{iss['street']} - {iss['city']} - {iss['phone']}", 8, align="c", color=GREY)
        y += 50
    else:
        doc.t(x0, y, iss["name"], 17, "b", color=ctx.accent)
        doc.lines(x1, y, [iss["street"], iss["city"], iss["phone"], iss["email"]], 7.5, None, align="r", color=GREY)
        y += 54
    # address (left) and stay facts (right)
    lines = [cust["name"]] + ([f"{S['guest']}: {guest}"] if company_bill else []) + [cust["street"], cust["city"]]
    ha = doc.lines(x0, y + 6, lines, 9.5, "b")
    pairs = [(S["room"], str(rng.randint(101, 640))), (S["arr"], ctx.dt(arr)), (S["dep"], ctx.dt(dep)), (S["guests"], str(npers)),
             (S["conf"], conf), (S["folio"], folio)]
    title = ctx.pick("title", S["title"])
    inv_in_title = rng.random() < 0.35
    if not inv_in_title:
        pairs += [(ctx.L("inv_no"), number)]
    pairs += [(ctx.L("date"), ctx.dt(ctx.date))]
    if rng.random() < 0.4:
        pairs.append((S["cashier"], rng.choice(FIRST[lang])))
    hk, _, _ = kv(doc, pairs, right=x1, y=y, size=8.5, colon=rng.random() < 0.5)
    y = max(y + 6 + ha, y + hk) + 16
    doc.t(x0, y, f"{title} {ctx.L('inv_no')} {number}" if inv_in_title else title, 13, "b")
    doc.y = y + 22
    # ---- folio table: date | description | (qty | price) | charges | credits
    with_qty = rng.random() < 0.5
    rows = []
    for it in items:
        cells = [ctx.dt(it["date"]), it["desc"]]
        if with_qty:
            cells += [f.q(it["qty"]) if it["qty"] is not None else "", f.n(it["price"]) if it["price"] is not None else ""]
        rows.append({"cells": cells + [f.n(it["amount"]), ""]})
    if deposit:
        rows.insert(0, {"cells": [ctx.dt(arr - timedelta(days=rng.randint(3, 30))), S["deposit"]] + (["", ""] if with_qty else []) + ["", f.n(deposit)]})
    if payment:
        rows.append({"cells": [ctx.dt(dep), S["pay"].format(c=rng.choice(["Visa", "Mastercard", "Amex", "EC"]), n=digits(rng, 4))] +
                     (["", ""] if with_qty else []) + ["", f.n(payment)]})
    cols = [{"h": S["date"]}, {"h": S["desc"], "flex": True}] + \
        ([{"h": S["qty"], "a": "r"}, {"h": ctx.hdr(S["price"]), "a": "r"}] if with_qty else []) + \
        [{"h": ctx.hdr(S["charges"]), "a": "r"}, {"h": ctx.hdr(S["credits"]), "a": "r"}]
    brk = ctx.two_page_break(len(rows), 0.15)
    doc.cont_header = lambda d: (d.t(d.x0, d.y, f"{iss['name']} - {title} {number}", 8, "b", color=GREY), setattr(d, "y", d.y + 20))
    ctx.table(cols, rows, style=rng.choice(["ruled", "zebra", "lines", "grid"]), break_after=brk,
              cont=ctx.L("continued") if brk is not None else None)
    doc.y += 6
    tl = [(ctx.pick("total", S["total"]), f.m(total), "b")]
    if deposit or payment:
        tl.append((S["paid"], f.m(-(deposit + payment)), ""))
        tl.append((ctx.pick("bal", S["bal"]), f.m(total - deposit - payment), "b rule"))
    totals_block(doc, tl, size=9.5)
    doc.y += 14
    # VAT summary table
    doc.ensure(30 + 14 * len(vat_rows))
    doc.t(x0, doc.y, ctx.pick("vat_sum", S["vat_sum"]), 9, "b")
    doc.y += 14
    vr = [{"cells": [ctx.pct(r), f.n(n), f.n(v), f.n(g)]} for r, n, v, g in vat_rows]
    vr.append({"cells": [S["tot_net"] if rng.random() < 0.5 else "", f.n(T["subtotal"]), f.n(tax), f.n(total)], "st": "b"})
    Table(doc, [{"h": S["rate"]}, {"h": S["net"], "a": "r"}, {"h": S["vat"], "a": "r"}, {"h": S["gross"], "a": "r"}], vr,
          ctx.size - 0.5, "lines", ctx.accent, x1=x0 + min(330, doc.width), min_flex=0).draw()
    doc.y += 10
    notes = [S["incl"]] + ([ctx.word_sentence()] if ctx.cur_mode == "word" else []) + [S["thanks"]]
    for nt in notes:
        doc.ensure(12)
        doc.t(x0, doc.y, nt, 8.5, "i", color=GREY)
        doc.y += 12
    vat_lbl = {"en": "VAT No.", "de": "USt-IdNr.", "fr": "N° TVA", "es": "NIF", "it": "P.IVA", "nl": "BTW-nr.", "pt": "NIF"}[lang]
    if ctx.country == "CH":
        vat_lbl = "MWST-Nr." if lang == "de" else "N° TVA"
    elif ctx.country == "AT":
        vat_lbl = "UID-Nr."
    doc.footer = lambda d, pg, p, n: (
        d.hline(d.x0, d.x1, d.H - 40, 0.4, MID, page=pg),
        d.t(d.W / 2, d.H - 36, f"{iss['name']} - {iss['street']} - {iss['city']} - {iss['web']}", 7, align="c", color=GREY, page=pg),
        d.t(d.W / 2, d.H - 27, f"{vat_lbl} {iss['vat']} - IBAN {iss['iban']} - BIC {iss['bic']}", 7, align="c", color=GREY, page=pg))
    ctx.features.update({"prices_include_tax": True, "nights": nights, "arrival": arr.isoformat(), "departure": dep.isoformat(),
                         "deposit": money_str(deposit) if deposit else None, "payment": money_str(payment) if payment else None,
                         "number_only_in_title": inv_in_title, "two_tax_rates": len([r for r in groups if r]) > 1})
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T, date_text=ctx.dt(ctx.date), inclusive=True)


# ----------------------------------------------------------------------------------------- archetype: freelancer letter
FREE_L = {
    "en": dict(prof=["Freelance UX Designer", "Independent IT Consultant", "Technical Writer", "Photographer", "Web Developer", "Translator"],
               subj=["Invoice {no}", "Invoice no. {no}", "INVOICE {no}"], sal=["Dear {n},", "Dear Sir or Madam,", "Hello {f},"],
               intro=["For the work carried out in {m} under our agreement of {d}, I am invoicing the following:",
                      "Thank you for the pleasant collaboration. As agreed, I hereby charge for the services provided in {m}:",
                      "Please find below my invoice for the project work completed in {m}."],
               cols=["Pos.", "Description", "Hours", "Rate", "Amount"], net="Net amount", tot=["Total", "Amount due", "Total amount"],
               pay=["Please transfer the amount of {t} to the account below within {days} days of the invoice date, quoting the invoice number.",
                    "Payable within {days} days. Please transfer {t} to the bank account below."],
               nopay="Payable within {days} days.", bank="Bank details", holder="Account holder", taxno="Tax reference",
               novat=["Not VAT registered.", "No VAT is charged as I am not registered for VAT."], close=["Kind regards,", "Best regards,", "Yours sincerely,"],
               place_date="{p}, {d}", proj="Project: {x}", projects=["Website relaunch", "Annual report 2023", "Onboarding app", "Product catalogue"]),
    "de": dict(prof=["UX-Design", "IT-Beratung", "Technische Redaktion", "Fotografie", "Webentwicklung", "Übersetzungen"],
               subj=["Rechnung Nr. {no}", "Rechnung {no}", "RECHNUNG {no}"], sal=["Sehr geehrte Damen und Herren,", "Sehr geehrte/r {n},", "Hallo {f},"],
               intro=["für die im {m} erbrachten Leistungen gemäß unserer Vereinbarung vom {d} berechne ich Ihnen:",
                      "vielen Dank für die angenehme Zusammenarbeit. Vereinbarungsgemäß stelle ich Ihnen folgende Leistungen aus dem {m} in Rechnung:"],
               cols=["Pos.", "Leistung", "Stunden", "Satz", "Betrag"], net="Nettobetrag", tot=["Gesamtbetrag", "Rechnungsbetrag", "Zu zahlen"],
               pay=["Bitte überweisen Sie den Betrag von {t} innerhalb von {days} Tagen unter Angabe der Rechnungsnummer auf das unten genannte Konto.",
                    "Zahlbar innerhalb von {days} Tagen ohne Abzug. Bitte überweisen Sie {t} auf das unten angegebene Konto."],
               nopay="Zahlbar innerhalb von {days} Tagen.", bank="Bankverbindung", holder="Kontoinhaber", taxno="Steuernummer",
               novat=["Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.", "Kleinunternehmer gem. § 19 UStG, keine Umsatzsteuer."],
               close=["Mit freundlichen Grüßen", "Viele Grüße"], place_date="{p}, {d}", proj="Projekt: {x}",
               projects=["Relaunch Website", "Geschäftsbericht 2023", "Onboarding-App", "Produktkatalog"]),
    "fr": dict(prof=["Design UX", "Conseil informatique", "Rédaction technique", "Photographie", "Développement web", "Traduction"],
               subj=["Facture n° {no}", "Facture {no}", "FACTURE N° {no}"], sal=["Madame, Monsieur,", "Bonjour {f},"],
               intro=["Pour les prestations réalisées en {m} conformément à notre accord du {d}, je vous prie de trouver ci-dessous ma facture :",
                      "Suite à notre collaboration, voici le détail des prestations effectuées en {m} :"],
               cols=["N°", "Prestation", "Heures", "Taux", "Montant"], net="Total HT", tot=["Total TTC", "Net à payer", "Montant total"],
               pay=["Merci de régler la somme de {t} par virement sous {days} jours à réception, en rappelant le numéro de facture.",
                    "Paiement à {days} jours par virement bancaire ({t})."],
               nopay="Paiement à {days} jours.", bank="Coordonnées bancaires", holder="Titulaire", taxno="SIRET",
               novat=["TVA non applicable, art. 293 B du CGI."], close=["Cordialement,", "Bien cordialement,"], place_date="{p}, le {d}",
               proj="Projet : {x}", projects=["Refonte du site", "Rapport annuel 2023", "Application mobile", "Catalogue produits"]),
    "nl": dict(prof=["UX-ontwerp", "IT-advies", "Tekstschrijven", "Fotografie", "Webontwikkeling"],
               subj=["Factuur {no}", "Factuurnummer {no}"], sal=["Geachte heer/mevrouw,", "Beste {f},"],
               intro=["Voor de werkzaamheden in {m} volgens onze afspraak van {d} breng ik u het volgende in rekening:",
                      "Hierbij ontvangt u de factuur voor de werkzaamheden in {m}:"],
               cols=["Nr.", "Omschrijving", "Uren", "Tarief", "Bedrag"], net="Totaal excl. btw", tot=["Totaal te betalen", "Totaal incl. btw"],
               pay=["Ik verzoek u vriendelijk het bedrag van {t} binnen {days} dagen over te maken onder vermelding van het factuurnummer.",
                    "Gelieve {t} binnen {days} dagen over te maken op onderstaande rekening."],
               nopay="Betaling binnen {days} dagen.", bank="Bankgegevens", holder="Ten name van", taxno="KvK",
               novat=["Vrijgesteld van btw (KOR)."], close=["Met vriendelijke groet,", "Hartelijke groet,"], place_date="{p}, {d}",
               proj="Project: {x}", projects=["Vernieuwing website", "Jaarverslag 2023", "Onboarding-app"]),
    "es": dict(prof=["Diseño UX", "Consultoría informática", "Redacción técnica", "Fotografía", "Desarrollo web"],
               subj=["Factura nº {no}", "FACTURA {no}"], sal=["Estimados señores:", "Hola {f}:"],
               intro=["Por los servicios prestados en {m} según nuestro acuerdo del {d}, le facturo los siguientes conceptos:",
                      "Adjunto la factura correspondiente a los trabajos realizados en {m}:"],
               cols=["Nº", "Concepto", "Horas", "Precio/h", "Importe"], net="Base imponible", tot=["Total factura", "Total a pagar"],
               pay=["Le ruego transfiera el importe de {t} en un plazo de {days} días a la cuenta indicada, indicando el número de factura.",
                    "Pago por transferencia a {days} días ({t})."],
               nopay="Pago a {days} días.", bank="Datos bancarios", holder="Titular", taxno="NIF",
               novat=["Operación exenta de IVA."], close=["Atentamente,", "Un saludo,"], place_date="{p}, {d}",
               proj="Proyecto: {x}", projects=["Rediseño web", "Memoria anual 2023", "App de bienvenida"]),
}
MONTH_PHRASE = {"en": "{M} {Y}", "de": "{M} {Y}", "fr": "{M} {Y}", "nl": "{M} {Y}", "es": "{M} de {Y}"}


def build_freelancer(ctx):
    rng, lang, f = ctx.rng, ctx.lang, ctx.fmt
    S = FREE_L[lang]
    doc = ctx.new_doc(margins=(62, 50, 56, 50))
    name = person_name(rng, lang)
    trading = rng.random() < 0.3
    iss_name = (rng.choice(["{n} Design", "Studio {l}", "{n} Consulting"]).format(n=name, l=name.split()[-1]) if lang == "en"
                else rng.choice(["Studio {l}", "{n}"]).format(n=name, l=name.split()[-1])) if trading else name
    iss = party(rng, lang, ctx.country, kind="person", name=iss_name)
    cust = party(rng, lang, ctx.country)
    contact = person_name(rng, lang)
    number = ctx.number(["year_dash", "year_slash", "num_slash_year", "digits", "prefix_yy", "dotted"])
    work_month = (ctx.date.replace(day=1) - timedelta(days=1))
    month_txt = MONTH_PHRASE[lang].format(M=MONTHS[lang][work_month.month - 1], Y=work_month.year)
    agreement = ctx.date - timedelta(days=rng.randint(40, 200))
    ctx.distractors += ["agreement_date", "tax_number", "iban"]
    n = ctx.n_items(2, 6)
    base = make_items(ctx, n, extra_p=0.35, kinds=("h", "day", "flat"))
    hourly = D(rng.choice([45, 55, 60, 65, 75, 80, 85, 95, 110, 120]))
    items = []
    for it in base:
        if it["kind"] in ("h", "day") or rng.random() < 0.5:
            hrs = D(rng.choice([2, 3, 4, 5, 6, 7.5, 8, 10, 12, 14, 16, 20, 24, 32])).quantize(D("0.1")).normalize()
            items.append({"desc": it["desc"], "qty": hrs, "price": hourly, "amount": q2(hrs * hourly)})
        else:
            items.append({"desc": it["desc"], "qty": None, "price": None, "amount": it["amount"]})
    small_business = rng.random() < 0.25
    rate = None if small_business or ctx.country == "US" else VAT_STD.get(ctx.country)
    T = calc_totals(items, lambda it: rate)
    days = rng.choice([14, 21, 30, 30])
    # ---- letterhead
    x0, x1, y = doc.x0, doc.x1, doc.y
    centred = rng.random() < 0.4
    prof = rng.choice(S["prof"])
    if centred:
        doc.t(doc.W / 2, y, iss["name"], 20, "b", "c", color=ctx.accent)
        doc.t(doc.W / 2, y + 25, prof, 9.5, "i", "c", color=GREY)
        doc.t(doc.W / 2, y + 38, f"{iss['street']} · {iss['city']} · {iss['phone']} · {iss['email']}", 7.5, align="c", color=GREY)
        doc.hline(x0, x1, y + 52, 0.6, ctx.accent)
        y += 66
    else:
        doc.t(x0, y, iss["name"], 20, "b", color=ctx.accent)
        doc.t(x0, y + 25, prof, 9.5, "i", color=GREY)
        doc.lines(x1, y, [iss["street"], iss["city"], iss["phone"], iss["email"]], 7.5, None, align="r", color=GREY)
        doc.hline(x0, x1, y + 50, 0.6, ctx.accent)
        y += 64
    # sender line + recipient window
    doc.t(x0, y, f"{iss['name']} · {iss['street']} · {iss['city']}", 6.5, color=GREY)
    y += 14
    hr = doc.lines(x0, y, [cust["name"], f"{contact}", cust["street"], cust["city"]], 10, "r")
    # place/date right aligned, below the window
    city = iss["city_name"]
    y += hr + 18
    date_line = S["place_date"].format(p=city, d=ctx.dt(ctx.date))
    doc.t(x1, y, date_line, 10, align="r")
    y += 26
    doc.t(x0, y, rng.choice(S["subj"]).format(no=number), 12, "b")
    y += 18
    if rng.random() < 0.5:
        doc.t(x0, y, S["proj"].format(x=rng.choice(S["projects"])), 10)
        y += 16
    y += 8
    sal = rng.choice(S["sal"]).format(n=contact, f=contact.split()[0])
    doc.t(x0, y, sal, 10)
    y += 20
    intro = rng.choice(S["intro"]).format(m=month_txt, d=ctx.dt(agreement))
    y += doc.para(x0, y, intro, doc.width, 10, lead=1.4) + 10
    doc.y = y
    C = S["cols"]
    if all(it["qty"] is None for it in items):
        rows = [{"cells": [str(k + 1), it["desc"], f.n(it["amount"])]} for k, it in enumerate(items)]
        cols = [{"h": C[0]}, {"h": C[1], "flex": True}, {"h": ctx.hdr(C[4]), "a": "r"}]
    else:
        rows = [{"cells": [str(k + 1), it["desc"], f.q(it["qty"]) if it["qty"] is not None else "",
                           f.n(it["price"]) if it["price"] is not None else "", f.n(it["amount"])]} for k, it in enumerate(items)]
        cols = [{"h": C[0]}, {"h": C[1], "flex": True}, {"h": C[2], "a": "r"}, {"h": ctx.hdr(C[3]), "a": "r"}, {"h": ctx.hdr(C[4]), "a": "r"}]
    ctx.table(cols, rows, style=rng.choice(["plain", "ruled", "lines"]), size=ctx.size + 0.5)
    doc.y += 6
    tl = []
    if rate is not None:
        tl = [(S["net"], f.n(T["subtotal"]), ""), (ctx.tax_label(rate), f.n(T["taxes"][0]["amount"]), "")]
    tl.append((ctx.pick("tot", S["tot"]), f.m(T["total"]), "b rule" if tl else "b"))
    totals_block(doc, tl, size=10)
    doc.y += 14
    if small_business:
        doc.t(x0, doc.y, rng.choice(S["novat"]), 9, "i")
        doc.y += 14
    paytxt = rng.choice(S["pay"]).format(t=f.m(T["total"]), days=days) if f.cur_mode != "absent" or rng.random() < 0.5 else \
        S["nopay"].format(days=days)
    doc.ensure(40)
    doc.y += doc.para(x0, doc.y, paytxt, doc.width, 10, lead=1.4) + 6
    if ctx.cur_mode == "word":
        doc.t(x0, doc.y, ctx.word_sentence(), 9)
        doc.y += 14
    bank = [(S["holder"], name), ("IBAN", iss["iban"]), ("BIC", iss["bic"])] if ctx.country != "US" else \
        [(S["holder"], name), ("Routing no.", digits(rng, 9)), ("Account no.", digits(rng, 10))]
    taxno = {"de": f"{digits(rng, 2)}/{digits(rng, 3)}/{digits(rng, 5)}", "fr": f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 5)}",
             "nl": digits(rng, 8), "es": f"{digits(rng, 8)}{rng.choice('KLMNPQRSTVWXYZ')}"}.get(lang, f"{digits(rng, 5)} {digits(rng, 5)}")
    bank.append((S["taxno"], taxno))
    if rate is not None and ctx.country not in ("US",):
        bank.append(("VAT ID" if lang == "en" else {"de": "USt-IdNr.", "fr": "N° TVA", "nl": "Btw-id", "es": "NIF-IVA"}[lang], iss["vat"]))
    doc.ensure(20 + 13 * len(bank) + 50)
    doc.t(x0, doc.y, S["bank"], 9.5, "b")
    doc.y += 14
    h, _, _ = kv(doc, bank, x=x0, size=9, lc=GREY)
    doc.y += h + 14
    doc.t(x0, doc.y, rng.choice(S["close"]), 10)
    doc.t(x0, doc.y + 34, name, 10)
    doc.y += 50
    ctx.features.update({"small_business_no_vat": small_business, "trading_name": trading, "date_line": date_line})
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T, date_text=ctx.dt(ctx.date),
                subtotal_printed=rate is not None)


# ----------------------------------------------------------------------------------------- archetype: German Rechnung
def build_rechnung(ctx):
    rng, f = ctx.rng, ctx.fmt
    ch, at = ctx.country == "CH", ctx.country == "AT"
    doc = ctx.new_doc(margins=(62, 40, 48, 72))
    iss = party(rng, "de", ctx.country)
    cust = party(rng, "de", ctx.country)
    fem = rng.random() < 0.5
    contact = ("Frau " if fem else "Herrn ") + rng.choice(DE_FEMALE if fem else DE_MALE) + " " + rng.choice(LAST["de"])
    number = ctx.number(["year_dash", "prefix_year", "prefix_yy", "digits", "slash_prefix", "dotted"])
    cust_no = rng.choice([f"K-{digits(rng, 5)}", digits(rng, 5), f"{digits(rng, 2)}{digits(rng, 4)}"])
    order_no = rng.choice([f"B-{digits(rng, 6)}", f"PO {digits(rng, 7)}", f"{ctx.date.year}-{digits(rng, 4)}"])
    order_date = ctx.date - timedelta(days=rng.randint(8, 40))
    deliv = ctx.date - timedelta(days=rng.randint(0, 10))
    period = rng.random() < 0.4
    if period:
        pe = ctx.date.replace(day=1) - timedelta(days=1)
        ps = pe.replace(day=1)
    due = ctx.date + timedelta(days=rng.choice([7, 10, 14, 30]))
    ctx.distractors += ["kundennummer", "bestellnummer", "bestelldatum", "leistungsdatum/-zeitraum", "steuernummer", "ust-idnr", "iban", "hrb"]
    n = ctx.n_items(3, 9) if rng.random() < 0.7 else ctx.n_items(10, 16)
    items = make_items(ctx, n, "de", extra_p=0.3)
    two = not ch and rng.random() < 0.2
    std, red = VAT_STD[ctx.country], VAT_RED[ctx.country]
    for it in items:
        it["rate"] = red if two and it["kind"] == "pc" and rng.random() < 0.4 else std
    two = two and len({it["rate"] for it in items}) > 1
    disc_pct = D(rng.choice([2, 3, 5, 10])) if (not two and rng.random() < 0.2) else None
    ship = D(rng.choice(["4.90", "6.90", "9.50", "12.00", "15.00"])) if rng.random() < 0.25 else None
    T = calc_totals(items, lambda it: it["rate"], discount_pct=disc_pct, shipping=ship, ship_rate=std,
                    round_to=D("0.05") if ch and rng.random() < 0.7 else None)
    # ---- letterhead (right) and return line above the address window
    x0, x1 = doc.x0, doc.x1
    doc.t(x1, 40, iss["name"], 16, "b", "r", color=ctx.accent)
    tag = rng.choice(["Qualität aus Meisterhand", "Ihr Partner für Technik und Service", "Seit 1987", "", ""])
    if tag:
        doc.t(x1, 60, tag, 8, "i", "r", color=GREY)
    sender = f"{iss['name']} · {iss['street']} · {iss['city']}"
    sz = 7
    while doc.w(sender, sz) > 250:
        sz -= 0.5
    doc.t(x0, 122, sender, sz, color=GREY)
    doc.hline(x0, x0 + doc.w(sender, sz), 131, 0.3, GREY)
    addr = [cust["name"], contact, cust["street"], cust["city"]] if rng.random() < 0.6 else [cust["name"], cust["street"], cust["city"]]
    doc.lines(x0, 140, addr, 10, None)
    # info block
    pairs = [(ctx.L("inv_no"), number), (ctx.L("date"), ctx.dt(ctx.date)), (ctx.L("cust_no"), cust_no)]
    if rng.random() < 0.6:
        pairs.append((ctx.L("order_no"), f"{order_no} vom {ctx.dt(order_date)}" if rng.random() < 0.5 else order_no))
    if period:
        pairs.append((ctx.L("period"), f"{ctx.dt(ps)} - {ctx.dt(pe)}"))
    else:
        pairs.append((ctx.L("delivery"), ctx.dt(deliv)))
    if rng.random() < 0.5:
        pairs.append(("Ansprechpartner", person_name(rng, "de")))
    number_in_heading = rng.random() < 0.3
    if number_in_heading:
        pairs = pairs[1:]
    mode = rng.choice(["cols", "cols", "valright"])
    h, w, _ = kv(doc, pairs, right=x1, y=118, size=8.5, mode=mode, dry=True)
    kv(doc, pairs, x=max(x1 - w, 330), y=118, size=8.5, mode=mode)
    y = max(140 + 4 * 13.5, 118 + h) + 36
    head = f"Rechnung Nr. {number}" if number_in_heading else rng.choice(["Rechnung", "RECHNUNG", "Rechnung"])
    doc.t(x0, y, head, 14, "b")
    y += 26
    if rng.random() < 0.7:
        greet = rng.choice(["Sehr geehrte Damen und Herren,", f"Sehr geehrte{'' if fem else 'r'} {'Frau' if fem else 'Herr'} {contact.split()[-1]},"])
        doc.t(x0, y, greet, 9.5)
        y += 16
        y += doc.para(x0, y, rng.choice(["wir erlauben uns, Ihnen folgende Leistungen in Rechnung zu stellen:",
                                         "vielen Dank für Ihren Auftrag. Wir berechnen Ihnen wie folgt:",
                                         "für die erbrachten Lieferungen und Leistungen berechnen wir:"]), doc.width, 9.5) + 8
    doc.y = y
    # table: Pos | Menge | Einheit | Bezeichnung | Einzelpreis | (USt) | Gesamt
    rows = []
    for k, it in enumerate(items):
        cells = [str(k + 1), f.q(it["qty"]), it["unit"], it["desc"], f.n(it["price"])]
        if two:
            cells.append(ctx.pct(it["rate"]))
        rows.append({"cells": cells + [f.n(it["amount"])], "amt": it["amount"]})
    cols = [{"h": "Pos."}, {"h": ctx.L("qty"), "a": "r"}, {"h": ctx.L("unit")}, {"h": ctx.L("desc"), "flex": True},
            {"h": ctx.hdr(ctx.L("price")), "a": "r"}] + ([{"h": "USt.", "a": "r"}] if two else []) + [{"h": ctx.hdr(ctx.L("amount")), "a": "r"}]
    brk = ctx.two_page_break(len(items), 0.3)
    carry = ctx.L("carry").split("|") if rng.random() < 0.7 else None
    doc.cont_header = lambda d: (d.t(d.x0, d.y, f"{iss['name']} - Rechnung {number} - {ctx.dt(ctx.date)}", 8, color=GREY), setattr(d, "y", d.y + 20))
    ctx.table(cols, rows, style=rng.choice(["ruled", "grid", "zebra", "filled", "lines"]), break_after=brk, carry=carry,
              cont=ctx.L("continued") if rng.random() < 0.5 else None, fmt_carry=f.n)
    ctx.features["carry_lines"] = bool(carry)
    doc.y += 6
    tl = std_total_lines(ctx, T, disc_pct=disc_pct)
    totals_block(doc, tl, size=9.5)
    doc.y += 14
    notes = []
    if rng.random() < 0.35 and (due - ctx.date).days > 8:
        sk = D(rng.choice([2, 3]))
        sk_date = ctx.date + timedelta(days=rng.choice([5, 7, 8]))
        notes.append(f"Bei Zahlung bis {ctx.dt(sk_date)} gewähren wir {ctx.pct(sk)} Skonto ({f.m(q2(T['total'] * sk / 100))}).")
        ctx.distractors.append("skonto_amount")
    notes.append(rng.choice(["Zahlbar innerhalb von {d} Tagen ohne Abzug.", "Bitte überweisen Sie den Rechnungsbetrag bis zum {due} auf unten stehendes Konto.",
                             "Zahlungsziel: {due}"]).format(d=(due - ctx.date).days, due=ctx.dt(due)))
    if not period and rng.random() < 0.3:
        notes.append("Das Leistungsdatum entspricht dem Rechnungsdatum." if deliv == ctx.date else f"Leistungsdatum: {ctx.dt(deliv)}")
    if ctx.cur_mode == "word":
        notes.append(ctx.word_sentence())
    notes.append(rng.choice(["Vielen Dank für Ihren Auftrag!", "Wir bedanken uns für die gute Zusammenarbeit.", "Mit freundlichen Grüßen"]))
    for nt in notes:
        doc.ensure(14)
        doc.y += doc.para(x0, doc.y, nt, doc.width, 9) + 3
    # legal footer in columns
    gf = person_name(rng, "de")
    reg = f"Amtsgericht {rng.choice(['Leipzig', 'Bremen', 'Augsburg', 'Kassel', 'Mainz'])} HRB {digits(rng, 5)}" if not (at or ch) else \
        (f"FN {digits(rng, 6)}{rng.choice('abcdkmpst')}, LG {rng.choice(['Graz', 'Linz', 'Salzburg'])}" if at else f"Handelsregister {rng.choice(['ZH', 'LU', 'BS', 'BE'])}")
    taxl = ("UID-Nr." if at else "MWST-Nr." if ch else "USt-IdNr.")
    colsF = [[iss["name"], iss["street"], iss["city"]],
             [f"Tel. {iss['phone']}", iss["email"], iss["web"]],
             [f"Geschäftsführung: {gf}", reg] + ([f"Steuernummer: {digits(rng, 3)}/{digits(rng, 3)}/{digits(rng, 5)}"] if not (at or ch) else []),
             [f"{taxl} {iss['vat']}", f"IBAN {iss['iban']}", f"BIC {iss['bic']}"]]

    def footer(d, pg, p, n):
        fs = 6.3
        cw = d.width / 4
        d.hline(d.x0, d.x1, d.H - 66, 0.4, MID, page=pg)
        for ci, col in enumerate(colsF):
            for k, ln in enumerate(col):
                while d.w(ln, fs) > cw - 6 and fs > 5:
                    fs -= 0.2
        for ci, col in enumerate(colsF):
            for k, ln in enumerate(col):
                d.t(d.x0 + ci * cw, d.H - 60 + k * fs * 1.35, ln, fs, color=GREY, page=pg)
        if n > 1:
            d.t(d.x1, d.H - 18, ctx.L("page", p=p, n=n), 7, color=GREY, align="r", page=pg)
    doc.footer = footer
    ctx.features.update({"two_tax_rates": two, "discount_pct": str(disc_pct) if disc_pct else None, "shipping": money_str(ship) if ship else None,
                         "rounding": money_str(T["rounding"]) if T["rounding"] else None, "number_in_heading": number_in_heading})
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T, date_text=ctx.dt(ctx.date))


# ----------------------------------------------------------------------------------------- archetype: French facture
def build_facture(ctx):
    rng, f = ctx.rng, ctx.fmt
    fr, be, ch = ctx.country == "FR", ctx.country == "BE", ctx.country == "CH"
    doc = ctx.new_doc(margins=(48, 42, 48, 60))
    auto_ent = fr and rng.random() < 0.2
    iss = party(rng, "fr", ctx.country, kind="person") if auto_ent else party(rng, "fr", ctx.country)
    cust = party(rng, "fr", ctx.country)
    number = ctx.number(["prefix_year", "year_dash", "digits", "prefix_yy", "num_slash_year"])
    cust_ref = f"C{digits(rng, 4)}"
    bc = f"BC-{digits(rng, 5)}"
    due = ctx.date + timedelta(days=rng.choice([15, 30, 30, 45]))
    siren = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"
    ctx.distractors += ["siret", "tva_intracom", "rcs", "bon_de_commande", "ref_client", "echeance", "capital_social"]
    n = ctx.n_items(2, 8) if rng.random() < 0.75 else ctx.n_items(9, 15)
    items = make_items(ctx, n, "fr", extra_p=0.3)
    std, red = VAT_STD[ctx.country], VAT_RED[ctx.country]
    two = not auto_ent and rng.random() < 0.25
    for it in items:
        it["rate"] = None if auto_ent else (red if two and it["kind"] == "pc" and rng.random() < 0.45 else std)
    two = two and len({it["rate"] for it in items}) > 1
    disc_pct = D(rng.choice([3, 5, 10])) if not two and not auto_ent and rng.random() < 0.25 else None
    T = calc_totals(items, lambda it: it["rate"], discount_pct=disc_pct, round_to=D("0.05") if ch and rng.random() < 0.7 else None)
    acompte = q2(T["total"] * D(rng.choice(["0.3", "0.4", "0.5"]))) if rng.random() < 0.3 else D(0)
    if ch:  # Swiss amounts are settled in 5-centime steps
        acompte = (acompte / D("0.05")).quantize(D(1), ROUND_HALF_UP) * D("0.05")
    fait_a = rng.random() < 0.3
    # ---- header
    x0, x1, y = doc.x0, doc.x1, doc.y
    doc.t(x0, y, iss["name"], 15, "b", color=ctx.accent)
    sub_lines = [rng.choice(["Menuiserie - agencement", "Graphisme & illustration", "Dépannage informatique", "Cours et formations"])] if auto_ent else []
    hi = doc.lines(x0, y + 22, sub_lines + [iss["street"], iss["city"], f"Tél. {iss['phone']}", iss["email"]], 8, None, color=GREY)
    title = rng.choice(["FACTURE", "Facture", "FACTURE"])
    doc.t(x1, y, title, 22, "b", "r")
    pairs = [(ctx.L("inv_no"), number)]
    if not fait_a:
        pairs.append((ctx.L("date"), ctx.dt(ctx.date)))
    pairs += [(ctx.L("due"), ctx.dt(due)), (ctx.L("cust_no"), cust_ref)]
    if rng.random() < 0.4:
        pairs.append((ctx.L("order_no"), bc))
    hk, _, _ = kv(doc, pairs, right=x1, y=y + 32, size=8.5, colon=True, mode=rng.choice(["cols", "valright"]))
    y = max(y + 22 + hi, y + 32 + hk) + 16
    # client box on the right
    bx = x0 + doc.width * 0.48
    lines = [cust["name"], cust["street"], cust["city"]] + ([f"TVA : {cust['vat']}"] if rng.random() < 0.4 else [])
    bh = len(lines) * 9.5 * 1.35 + 22
    doc.rect(bx, y, x1, y + bh, stroke=ctx.accent, width=0.7, radius=0.05 if rng.random() < 0.5 else None)
    doc.t(bx + 8, y + 5, ctx.L("bill_to"), 7.5, "b", color=GREY)
    doc.lines(bx + 8, y + 17, lines, 9.5, "b")
    y += bh + 16
    if fait_a:
        city = iss["city_name"]
        txt = f"Fait à {city}, le {ctx.dt(ctx.date)}"
        doc.t(x1, y, txt, 9.5, align="r")
        y += 18
        ctx.features["date_only_in_fait_a"] = True
    if rng.random() < 0.5:
        doc.t(x0, y, "Objet : " + rng.choice(["Maintenance informatique - contrat n° " + digits(rng, 5), "Travaux de rénovation, chantier " + stem(rng),
                                              "Prestations de conseil", "Fourniture de matériel de bureau"]), 9.5, "b")
        y += 18
    doc.y = y
    rows = []
    for it in items:
        cells = [it["desc"], f.q(it["qty"]), it["unit"], f.n(it["price"])]
        if two:
            cells.append(ctx.pct(it["rate"]))
        rows.append({"cells": cells + [f.n(it["amount"])], "amt": it["amount"]})
    cols = [{"h": ctx.L("desc"), "flex": True}, {"h": ctx.L("qty"), "a": "r"}, {"h": ctx.L("unit")},
            {"h": ctx.hdr("PU HT" if not auto_ent else "Prix unitaire"), "a": "r"}] + ([{"h": "TVA", "a": "r"}] if two else []) + \
        [{"h": ctx.hdr("Montant HT" if not auto_ent else "Montant"), "a": "r"}]
    brk = ctx.two_page_break(len(items), 0.25)
    carry = ctx.L("carry").split("|") if rng.random() < 0.3 else None
    doc.cont_header = lambda d: (d.t(d.x0, d.y, f"{iss['name']} - Facture {number}", 8, color=GREY), setattr(d, "y", d.y + 20))
    ctx.table(cols, rows, style=rng.choice(["filled", "grid", "zebra", "ruled"]), break_after=brk, carry=carry,
              cont=ctx.L("continued") if rng.random() < 0.5 else None, fmt_carry=f.n)
    doc.y += 8
    if auto_ent:
        tl = [("Total", f.m(T["total"]), "b rule")]
        ctx.labels["total"] = "Total"
    else:
        tl = std_total_lines(ctx, T, sub_lbl=rng.choice(["Total HT", "Montant HT"]), disc_pct=disc_pct,
                             tot_lbl=rng.choice(["Total TTC", "Montant TTC"]), tot_opts="b rule")
    if acompte:
        tl.append((rng.choice(["Acompte versé", "Acompte reçu le " + ctx.dt(ctx.date - timedelta(days=rng.randint(10, 40)))]), f.m(-acompte), ""))
        tl.append(("Net à payer", f.m(T["total"] - acompte), "b"))
        ctx.distractors.append("net_a_payer_after_acompte")
    elif rng.random() < 0.4:
        tl.append(("Net à payer", f.m(T["total"]), "b"))
    totals_block(doc, tl, size=9.5, box_fill=tint(ctx.accent, 0.12))
    doc.y += 14
    notes = []
    if auto_ent:
        notes.append("TVA non applicable, art. 293 B du CGI.")
    notes.append(rng.choice(["Conditions de paiement : 30 jours date de facture.", f"Règlement par virement avant le {ctx.dt(due)}.",
                             "Paiement à réception de facture."]))
    if fr:
        notes.append("Pas d'escompte pour paiement anticipé. En cas de retard, pénalités au taux de 3 fois le taux d'intérêt légal"
                     + (" et indemnité forfaitaire pour frais de recouvrement de 40 €." if ctx.cur_mode != "absent" and not doc.latin1 else "."))
    if ctx.cur_mode == "word":
        notes.append(ctx.word_sentence())
    for nt in notes:
        doc.ensure(14)
        doc.y += doc.para(x0, doc.y, nt, doc.width, 8, color=GREY) + 2
    doc.y += 6
    doc.ensure(40)
    doc.t(x0, doc.y, "Coordonnées bancaires", 8.5, "b")
    kv(doc, [("IBAN", iss["iban"]), ("BIC", iss["bic"])], x=x0, y=doc.y + 12, size=8.5)
    doc.y += 40
    form = {"SARL": "SARL", "SAS": "SAS", "SASU": "SASU", "EURL": "EURL", "S.A.": "SA"}.get(iss["name"].split()[-1], "Société")
    cap = f" au capital de {f.n(D(rng.choice([1000, 5000, 7500, 10000, 37000, 50000])), 0)} €" if ctx.cur_mode != "absent" and not doc.latin1 and fr else ""
    if fr:
        legal = (f"{iss['name']} - {form}{cap} - RCS {rng.choice(['Lyon', 'Nantes', 'Rennes', 'Dijon', 'Lille'])} {siren} - "
                 f"SIRET {siren} {digits(rng, 5)} - APE {digits(rng, 4)}{rng.choice('ABCZ')} - TVA intracommunautaire {iss['vat'][:4]}{siren.replace(' ', '')}")
        if auto_ent:
            legal = f"{iss['name']} - Entrepreneur individuel - SIRET {siren} {digits(rng, 5)} - APE {digits(rng, 4)}{rng.choice('ABCZ')}"
    elif be:
        legal = f"{iss['name']} - TVA {iss['vat']} - RPM {rng.choice(['Namur', 'Liège', 'Charleroi'])} - IBAN {iss['iban']}"
    else:
        legal = f"{iss['name']} - IDE {iss['vat']} - Registre du commerce du canton de {rng.choice(['Vaud', 'Neuchâtel', 'Genève', 'Fribourg'])}"

    def footer(d, pg, p, n):
        fs = 6.8
        lines = d.wrap(legal, d.width, fs)
        top = d.H - 50
        d.hline(d.x0, d.x1, top - 4, 0.4, MID, page=pg)
        for k, ln in enumerate(lines):
            d.t(d.W / 2, top + k * fs * 1.35, ln, fs, align="c", color=GREY, page=pg)
        if n > 1:
            d.t(d.x1, top - 16, ctx.L("page", p=p, n=n), 7, color=GREY, align="r", page=pg)
    doc.footer = footer
    ctx.features.update({"auto_entrepreneur": auto_ent, "acompte": money_str(acompte) if acompte else None, "two_tax_rates": two,
                         "discount_pct": str(disc_pct) if disc_pct else None, "fait_a": fait_a})
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T, date_text=ctx.dt(ctx.date),
                subtotal_printed=not auto_ent)


# ----------------------------------------------------------------------------------------- archetype: ES / IT / NL / PT
EU_L = {
    "es": dict(title=["FACTURA", "Factura"], issuer=["Emisor", "Datos del emisor"], client=["Cliente", "Datos del cliente"],
               taxid="NIF", pay=["Forma de pago", "Pago"], pay_v=["Transferencia bancaria", "Domiciliación bancaria", "Transferencia"],
               extra=lambda r, c: [("Fecha de operación", None)], reg="Inscrita en el Registro Mercantil de {c}, Tomo {a}, Folio {b}, Hoja {h}",
               base="Base imponible", cuota="Cuota", tipo="% IVA", tot=["Total factura", "TOTAL FACTURA", "Total a pagar"], iban="IBAN"),
    "it": dict(title=["FATTURA", "Fattura", "FATTURA DIFFERITA"], issuer=["Cedente/Prestatore", "Mittente"], client=["Cessionario/Committente", "Spett.le"],
               taxid="P.IVA", pay=["Modalità di pagamento", "Pagamento"], pay_v=["Bonifico bancario", "Ri.Ba. 30 gg d.f.", "Bonifico 60 gg f.m."],
               extra=lambda r, c: [("Codice destinatario", "".join(r.choice("ABCDEFGHKLMNPRSTUVWXZ0123456789") for _ in range(7)))],
               reg="Capitale sociale i.v. - REA {c}-{h}", base="Imponibile", cuota="Imposta", tipo="Aliquota",
               tot=["Totale documento", "TOTALE FATTURA", "Totale da pagare"], iban="IBAN"),
    "nl": dict(title=["FACTUUR", "Factuur"], issuer=["Van", "Leverancier"], client=["Aan", "Factuuradres"],
               taxid="Btw-nr.", pay=["Betaalwijze", "Betaling"], pay_v=["Overboeking", "Automatische incasso"],
               extra=lambda r, c: [], reg="KvK {h}", base="Grondslag", cuota="Btw", tipo="Tarief",
               tot=["Totaal te betalen", "Totaal incl. btw", "Te betalen"], iban="IBAN"),
    "pt": dict(title=["FATURA", "Fatura", "FATURA / ORIGINAL"], issuer=["Fornecedor", "Emitente"], client=["Cliente", "Exmo(s). Sr(s)."],
               taxid="NIF", pay=["Condições de pagamento", "Pagamento"], pay_v=["Transferência bancária", "Pronto pagamento", "30 dias"],
               extra=lambda r, c: [("ATCUD", "".join(r.choice("ABCDEFGHJKLMNPQRSTVWXYZ23456789") for _ in range(8)) + f"-{r.randint(1, 999)}")],
               reg="Capital social {a} - Matrícula C.R.C. {c} n.º {h}", base="Incidência", cuota="Valor IVA", tipo="Taxa",
               tot=["Total", "Total a pagar", "Total do documento"], iban="IBAN"),
}
EU_COUNTRY = {"es": "ES", "it": "IT", "nl": "NL", "pt": "PT"}


def build_eu_local(ctx):
    rng, lang, f = ctx.rng, ctx.lang, ctx.fmt
    S = EU_L[lang]
    doc = ctx.new_doc(margins=(44, 40, 44, 50))
    iss = party(rng, lang, ctx.country)
    cust = party(rng, lang, ctx.country)
    shapes = {"es": ["year_slash", "prefix_year", "year_dash", "letter_dash", "digits"], "it": ["num_slash_year", "it_slash", "digits", "year_slash"],
              "nl": ["year_dash", "digits", "prefix_year", "dotted"], "pt": ["pt_series", "pt_series2", "pt_series"]}[lang]
    number = ctx.number(shapes)
    due = ctx.date + timedelta(days=rng.choice([15, 30, 30, 60]))
    op_date = ctx.date - timedelta(days=rng.randint(1, 20))
    cust_no = digits(rng, rng.choice([4, 5, 6]))
    ctx.distractors += ["tax_ids", "iban", "due_date", "customer_no", "registry_numbers"]
    n = ctx.n_items(2, 8) if rng.random() < 0.75 else ctx.n_items(9, 15)
    items = make_items(ctx, n, lang, extra_p=0.25)
    line_disc = lang in ("it", "pt") and rng.random() < 0.5
    for it in items:
        it["disc"] = D(rng.choice([0, 0, 5, 10, 15])) if line_disc else D(0)
        it["amount"] = q2(it["qty"] * it["price"] * (100 - it["disc"]) / 100)
    std, red = VAT_STD[ctx.country], VAT_RED[ctx.country]
    two = rng.random() < 0.2
    for it in items:
        it["rate"] = red if two and it["kind"] == "pc" and rng.random() < 0.45 else std
    two = two and len({it["rate"] for it in items}) > 1
    ship = D(rng.choice(["8.00", "12.50", "15.00", "25.00"])) if rng.random() < 0.2 else None
    T = calc_totals(items, lambda it: it["rate"], shipping=ship, ship_rate=std)
    layout = rng.choice(["boxes", "classic", "sidebar"])
    ctx.features["layout"] = layout
    x0, x1, y = doc.x0, doc.x1, doc.y
    title = ctx.pick("title", S["title"])
    tid = f"{S['taxid']}: {iss['vat']}"
    extra = [(k, v if v is not None else ctx.dt(op_date)) for k, v in S["extra"](rng, ctx)]
    if layout == "boxes":
        # title bar, two party boxes, a grid of meta cells
        doc.t(x0, y, iss["name"], 15, "b", color=ctx.accent)
        doc.t(x1, y, title, 16, "b", "r")
        y += 30
        bw = (doc.width - 14) / 2
        lines_i = [iss["name"], iss["street"], iss["city"], tid, iss["phone"]]
        lines_c = [cust["name"], cust["street"], cust["city"], f"{S['taxid']}: {cust['vat']}"]
        bh = max(len(lines_i), len(lines_c)) * 8.5 * 1.35 + 22
        for bx, lab, lines in ((x0, ctx.pick("iss", S["issuer"]), lines_i), (x0 + bw + 14, ctx.pick("cl", S["client"]), lines_c)):
            doc.rect(bx, y, bx + bw, y + bh, stroke=GREY, width=0.6)
            doc.rect(bx, y, bx + bw, y + 14, fill=tint(ctx.accent, 0.15))
            doc.t(bx + 6, y + 3, lab, 7.5, "b")
            doc.lines(bx + 6, y + 19, lines, 8.5, "b")
        y += bh + 12
        cells = [(ctx.L("inv_no"), number), (ctx.L("date"), ctx.dt(ctx.date)), (ctx.L("due"), ctx.dt(due)),
                 (ctx.L("cust_no"), cust_no)] + extra + [(ctx.pick("pay", S["pay"]), rng.choice(S["pay_v"]))]
        cells = cells[:6]
        cw = doc.width / len(cells)
        for k, (lab, val) in enumerate(cells):
            sz = 8.5
            while doc.w(val, sz, "b") > cw - 8:
                sz -= 0.5
            cx = x0 + k * cw
            doc.rect(cx, y, cx + cw, y + 30, stroke=GREY, width=0.6)
            lsz = 6.5
            while doc.w(lab, lsz) > cw - 8:
                lsz -= 0.3
            doc.t(cx + 4, y + 4, lab, lsz, color=GREY)
            doc.t(cx + 4, y + 15, val, sz, "b")
        y += 44
    elif layout == "classic":
        doc.t(x0, y, iss["name"], 15, "b", color=ctx.accent)
        hi = doc.lines(x0, y + 20, [iss["street"], iss["city"], tid, iss["email"]], 8, None, color=GREY)
        doc.t(x1, y, title, 18, "b", "r")
        y += max(20 + hi, 30) + 14
        doc.t(x0 + doc.width * 0.52, y, ctx.pick("cl", S["client"]), 7.5, "b", color=GREY)
        hc = doc.lines(x0 + doc.width * 0.52, y + 12, [cust["name"], cust["street"], cust["city"], f"{S['taxid']}: {cust['vat']}"], 9, "b")
        pairs = [(ctx.L("inv_no"), number), (ctx.L("date"), ctx.dt(ctx.date)), (ctx.L("due"), ctx.dt(due))] + extra + \
            [(ctx.pick("pay", S["pay"]), rng.choice(S["pay_v"]))]
        hk, _, _ = kv(doc, pairs, x=x0, y=y, size=8.5, colon=True)
        y += max(12 + hc, hk) + 16
    else:  # sidebar: coloured band with issuer on the left of the header, meta as stacked fields
        doc.rect(0, 0, doc.W, 92, fill=tint(ctx.accent, 0.12))
        doc.t(x0, 28, iss["name"], 15, "b", color=ctx.accent)
        doc.t(x0, 50, f"{iss['street']} - {iss['city']}", 8, color=GREY)
        doc.t(x0, 62, f"{tid} - {iss['phone']}", 8, color=GREY)
        doc.t(x1, 28, title, 20, "b", "r")
        doc.t(x1, 56, number, 11, "b", "r")
        y = 110
        doc.t(x0, y, ctx.pick("cl", S["client"]), 7.5, "b", color=GREY)
        hc = doc.lines(x0, y + 12, [cust["name"], cust["street"], cust["city"], f"{S['taxid']}: {cust['vat']}"], 9, "b")
        pairs = [(ctx.L("date"), ctx.dt(ctx.date)), (ctx.L("due"), ctx.dt(due)), (ctx.L("cust_no"), cust_no)] + extra
        hk, _, _ = kv(doc, pairs, right=x1, y=y, size=8.5, mode="stack")
        y += max(12 + hc, hk) + 16
        ctx.features["number_only_in_header_band"] = True
    doc.y = y
    C = {"es": ["Concepto", "Cant.", "Precio", "Dto.", "Importe"], "it": ["Descrizione", "Q.tà", "Prezzo unit.", "Sconto %", "Importo"],
         "nl": ["Omschrijving", "Aantal", "Prijs", "Korting", "Bedrag"], "pt": ["Descrição", "Qtd.", "Preço unit.", "Desc. %", "Total"]}[lang]
    rows = []
    for it in items:
        cells = [it["desc"], f.q(it["qty"]), f.n(it["price"])]
        if line_disc:
            cells.append(f.q(it["disc"]) if it["disc"] else "")
        if two or lang == "pt":
            cells.append(ctx.pct(it["rate"]))
        rows.append({"cells": cells + [f.n(it["amount"])], "amt": it["amount"]})
    cols = [{"h": C[0], "flex": True}, {"h": C[1], "a": "r"}, {"h": ctx.hdr(C[2]), "a": "r"}] + \
        ([{"h": C[3], "a": "r"}] if line_disc else []) + ([{"h": "IVA" if lang != "nl" else "Btw", "a": "r"}] if (two or lang == "pt") else []) + \
        [{"h": ctx.hdr(C[4]), "a": "r"}]
    brk = ctx.two_page_break(len(items), 0.25)
    carry = ctx.L("carry").split("|") if rng.random() < 0.3 else None
    doc.cont_header = lambda d: (d.t(d.x0, d.y, f"{iss['name']} - {title} {number}", 8, color=GREY), setattr(d, "y", d.y + 20))
    ctx.table(cols, rows, style=rng.choice(["grid", "zebra", "filled", "ruled"]), break_after=brk, carry=carry,
              cont=ctx.L("continued") if rng.random() < 0.5 else None, fmt_carry=f.n)
    doc.y += 10
    # tax summary grid (base | rate | tax) on the left, totals on the right
    vr = [{"cells": [f.n(t["base"]), ctx.pct(t["rate"]), f.n(t["amount"])]} for t in T["taxes"]]
    top = doc.y
    doc.ensure(20 + 16 * (len(vr) + 4))
    top = doc.y
    Table(doc, [{"h": S["base"], "a": "r"}, {"h": S["tipo"], "a": "r"}, {"h": S["cuota"], "a": "r"}], vr, ctx.size - 0.5, "grid",
          ctx.accent, x0=x0, x1=x0 + 200, min_flex=0).draw() if rng.random() < 0.6 else None
    left_bottom = doc.y
    doc.y = top
    tl = std_total_lines(ctx, T, tot_lbl=ctx.pick("tot", S["tot"]), tot_opts="big rule")
    if lang == "nl" and rng.random() < 0.5:
        tl[0] = ("Totaal excl. btw", tl[0][1], "")
    totals_block(doc, tl, size=9, keep=False)
    doc.y = max(doc.y, left_bottom) + 14
    notes = [f"{S['iban']}: {iss['iban']} - BIC: {iss['bic']}"]
    if lang == "nl":
        notes.append(rng.choice(["Gelieve het bedrag binnen 14 dagen over te maken onder vermelding van het factuurnummer.",
                                 f"Wij verzoeken u het totaalbedrag vóór {ctx.dt(due)} te voldoen."]))
    if lang == "pt":
        notes.append(f"Processado por programa certificado n.º {rng.randint(1000, 2999)}/AT")
        notes.append("IVA - regime normal. Os bens/serviços foram colocados à disposição do adquirente na data do documento.")
    if lang == "es" and rng.random() < 0.5:
        notes.append("Operación sujeta a IVA. Conserve esta factura como justificante.")
    if lang == "it":
        notes.append(rng.choice(["Documento privo di valenza fiscale ai sensi dell'art. 21 DPR 633/72; l'originale è disponibile nel cassetto fiscale.",
                                 "Copia di cortesia della fattura elettronica trasmessa tramite SdI."]))
    if ctx.cur_mode == "word":
        notes.append(ctx.word_sentence())
    for nt in notes:
        doc.ensure(14)
        doc.y += doc.para(x0, doc.y, nt, doc.width, 8, color=GREY) + 2
    reg = S["reg"].format(c=iss["city_name"] if lang != "nl" else "",
                          a=f.n(D(rng.choice([3000, 5000, 10000, 50000])), 0) + (" €" if ctx.cur_mode != "absent" and lang == "pt" else ""),
                          b=digits(rng, 3), h=(f"{rng.choice(['V', 'M', 'B'])}-{digits(rng, 6)}" if lang == "es" else digits(rng, 8)))
    if lang == "pt" and ctx.cur_mode == "absent":
        reg = f"Matrícula C.R.C. n.º {digits(rng, 9)}"
    legal = f"{iss['name']} - {iss['street']}, {iss['city']} - {S['taxid']} {iss['vat']} - {reg}"
    doc.footer = lambda d, pg, p, n: (
        d.hline(d.x0, d.x1, d.H - 44, 0.4, MID, page=pg),
        [d.t(d.x0, d.H - 40 + k * 8.5, ln, 6.5, color=GREY, page=pg) for k, ln in enumerate(d.wrap(legal, d.width - 50, 6.5))],
        d.t(d.x1, d.H - 40, f"{p}/{n}", 6.5, color=GREY, align="r", page=pg))
    ctx.features.update({"line_discounts": line_disc, "two_tax_rates": two, "shipping": money_str(ship) if ship else None})
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T, date_text=ctx.dt(ctx.date))


# ----------------------------------------------------------------------------------------- archetype: modern minimal
MIN_L = {
    "en": dict(title="INVOICE", issued=["Issued", "Issue date", "Date issued"], due=["Due", "Due date", "Payment due"], billed=["Billed to", "Bill to", "Client"],
               ship=["Ship to", "Delivered to"], terms="Terms", terms_v="Net {d}", po="PO Number", cust="Customer ID", proj="Project",
               desc="Description", qty="Qty", price="Price", amount="Amount", sub="Subtotal", total=["Total", "Total due", "Amount due"],
               pay=["Payment details", "How to pay"], online="Pay online at {url}", ref="Reference", thanks=["Thank you!", "Thanks for your business."],
               hrs="Hours", rate="Rate"),
    "de": dict(title="RECHNUNG", issued=["Rechnungsdatum", "Datum"], due=["Fällig am", "Zahlbar bis"], billed=["Rechnung an", "Kunde"],
               ship=["Lieferung an"], terms="Zahlungsziel", terms_v="{d} Tage netto", po="Bestell-Nr.", cust="Kunden-Nr.", proj="Projekt",
               desc="Beschreibung", qty="Menge", price="Preis", amount="Betrag", sub="Zwischensumme", total=["Gesamt", "Gesamtbetrag"],
               pay=["Zahlungsinformationen", "Bankverbindung"], online="Online bezahlen: {url}", ref="Verwendungszweck",
               thanks=["Vielen Dank!", "Danke für Ihren Auftrag."], hrs="Stunden", rate="Satz"),
    "fr": dict(title="FACTURE", issued=["Émise le", "Date"], due=["Échéance", "À payer avant le"], billed=["Facturé à", "Client"],
               ship=["Livré à"], terms="Conditions", terms_v="{d} jours net", po="N° de commande", cust="N° client", proj="Projet",
               desc="Description", qty="Qté", price="Prix", amount="Montant", sub="Total HT", total=["Total TTC", "Total"],
               pay=["Informations de paiement", "Règlement"], online="Payer en ligne : {url}", ref="Référence",
               thanks=["Merci !", "Merci pour votre confiance."], hrs="Heures", rate="Taux"),
    "nl": dict(title="FACTUUR", issued=["Factuurdatum", "Datum"], due=["Vervaldatum", "Te betalen vóór"], billed=["Gefactureerd aan", "Klant"],
               ship=["Afleveradres"], terms="Betaaltermijn", terms_v="{d} dagen", po="Inkoopnummer", cust="Klantnummer", proj="Project",
               desc="Omschrijving", qty="Aantal", price="Prijs", amount="Bedrag", sub="Subtotaal", total=["Totaal", "Te betalen"],
               pay=["Betaalgegevens", "Betaling"], online="Online betalen: {url}", ref="Kenmerk",
               thanks=["Bedankt!", "Dank voor uw opdracht."], hrs="Uren", rate="Tarief"),
}


def draw_vector_logo(doc, x, y, accent, rng):
    kind = rng.choice(["circles", "bars", "diamond"])
    if kind == "circles":
        doc.page.draw_circle((x + 12, y + 12), 12, color=None, fill=accent)
        doc.page.draw_circle((x + 26, y + 12), 12, color=None, fill=tint(accent, 0.5))
    elif kind == "bars":
        for k in range(4):
            doc.rect(x + k * 8, y + 24 - 6 * (k + 1), x + k * 8 + 6, y + 24, fill=accent)
    else:
        doc.page.draw_polyline([(x + 14, y), (x + 28, y + 14), (x + 14, y + 28), (x, y + 14), (x + 14, y)], color=None, fill=accent)
    return kind


def build_minimal(ctx):
    rng, lang, f = ctx.rng, ctx.lang, ctx.fmt
    S = MIN_L[lang]
    doc = ctx.new_doc(margins=(54, 50, 54, 60))
    iss = party(rng, lang, ctx.country)
    cust = party(rng, lang, ctx.country)
    number_in_title = rng.random() < 0.55
    grid = not number_in_title or rng.random() < 0.2
    if number_in_title:
        grid = False
    placement = rng.choice(["logo_only", "footer_only", "logo_only", "footer_only", "header_and_footer"])
    number = ctx.number(["letter_dash", "prefix_digits", "digits", "year_dash", "alnum", "prefix_yy"])
    due = ctx.date + timedelta(days=rng.choice([7, 14, 15, 30, 45]))
    terms_days = (due - ctx.date).days
    cust_id = f"C-{digits(rng, 4)}"
    po = f"PO-{digits(rng, 5)}"
    ctx.distractors += ["due_date", "customer_id", "po_number"]
    services = rng.random() < 0.5
    n = ctx.n_items(2, 7) if rng.random() < 0.8 else ctx.n_items(8, 12)
    items = make_items(ctx, n, extra_p=0.3, kinds=("h", "day", "flat") if services else None)
    if services:
        rate_h = D(rng.choice([60, 75, 90, 120, 140]))
        for it in items:
            it["qty"] = D(rng.choice([1, 2, 3.5, 4, 6, 8, 10, 12.5, 16, 20])).normalize()
            it["price"] = rate_h
            it["amount"] = q2(it["qty"] * rate_h)
    if ctx.country == "US":
        rate = rng.choice([None, D("6.5"), D("7.25"), D("8.25")])
    elif ctx.country == "CA":
        rate = D(13)
    else:
        rate = VAT_STD[ctx.country]
    disc_pct = D(rng.choice([5, 10, 15])) if rng.random() < 0.2 else None
    T = calc_totals(items, lambda it: rate, discount_pct=disc_pct)
    x0, x1, y = doc.x0, doc.x1, doc.y
    # ---- header
    title_txt = S["title"] if lang != "en" else rng.choice(["INVOICE", "Invoice"])
    logo_w = 0
    if placement in ("logo_only", "header_and_footer"):
        sz = 11 if doc.w(iss["name"], 13, "b") > 220 else 13
        w = doc.w(iss["name"], sz, "b") + 24
        doc.rect(x1 - w, y, x1, y + 30, fill=ctx.accent, radius=0.2)
        doc.t(x1 - w / 2, y + 15 - sz * 0.45, iss["name"], sz, "b", "c", color=(1, 1, 1))
        logo_w = w
        hl = doc.lines(x1, y + 38, [iss["street"], iss["city"], iss["email"]], 7.5, None, align="r", color=GREY)
        head_bottom = y + 38 + hl
    else:
        kind = draw_vector_logo(doc, x1 - 40, y, ctx.accent, rng)
        ctx.features["vector_logo"] = kind
        head_bottom = y + 32
    if number_in_title:
        sep = rng.choice(["#", "# ", "No. ", "N° "] if lang in ("en", "fr") else ["#", "Nr. ", "# "])
        ttl = f"{title_txt} {sep}{number}"
        sz = 22
        while doc.w(ttl, sz, "b") > doc.width - logo_w - 30:
            sz -= 1
        doc.t(x0, y, ttl, sz, "b")
        h, _, _ = kv(doc, [(ctx.pick("issued", S["issued"]), ctx.dt(ctx.date)), (ctx.pick("due", S["due"]), ctx.dt(due))],
                     x=x0, y=y + sz + 12, size=9, mode=rng.choice(["cols", "stack"]))
        y = max(y + sz + 12 + h, head_bottom) + 22
    else:
        doc.t(x0, y, title_txt, 24, "b", color=ctx.accent)
        y = max(y + 40, head_bottom) + 16
    doc.y = y
    if grid:
        cells = [(ctx.L("inv_no"), number), (ctx.pick("issued", S["issued"]), ctx.dt(ctx.date)), (ctx.pick("due", S["due"]), ctx.dt(due)),
                 (S["cust"], cust_id), (S["po"], po), (S["terms"], S["terms_v"].format(d=terms_days))]
        ncol = 3
        cw, ch_ = doc.width / ncol, 32
        for k, (lab, val) in enumerate(cells):
            cx, cy = x0 + (k % ncol) * cw, y + (k // ncol) * ch_
            doc.rect(cx, cy, cx + cw, cy + ch_, stroke=GREY, width=0.6)
            doc.t(cx + 6, cy + 5, lab, 7, color=GREY)
            doc.t(cx + 6, cy + 16, val, 9.5, "b")
        y += 2 * ch_ + 20
        ctx.features["meta_grid"] = "2x3"
    # bill to / ship to
    doc.t(x0, y, ctx.pick("billed", S["billed"]), 8, "b", color=ctx.accent)
    hb = doc.lines(x0, y + 12, [cust["name"], cust["street"], cust["city"]], 9.5, "b")
    if rng.random() < 0.35:
        sx = x0 + doc.width * 0.5
        doc.t(sx, y, ctx.pick("ship", S["ship"]), 8, "b", color=ctx.accent)
        doc.lines(sx, y + 12, [person_name(rng, lang), street(rng, lang, ctx.country), cust["city"]], 9.5, "b")
    elif not grid and rng.random() < 0.5:
        kv(doc, [(S["proj"], rng.choice(["Brand refresh", "Q3 maintenance", "Spring campaign", "Onboarding"])) if lang == "en" else
                 (S["proj"], stem(rng)), (S["po"], po)], right=x1, y=y, size=9)
    doc.y = y + 12 + hb + 20
    # items
    if services:
        cols = [{"h": S["desc"], "flex": True}, {"h": S["hrs"], "a": "r"}, {"h": ctx.hdr(S["rate"]), "a": "r"}, {"h": ctx.hdr(S["amount"]), "a": "r"}]
        rows = [{"cells": [it["desc"], f.q(it["qty"]), f.n(it["price"]), f.n(it["amount"])]} for it in items]
    else:
        cols = [{"h": S["desc"], "flex": True}, {"h": S["qty"], "a": "r"}, {"h": ctx.hdr(S["price"]), "a": "r"}, {"h": ctx.hdr(S["amount"]), "a": "r"}]
        rows = [{"cells": [it["desc"], f.q(it["qty"]), f.n(it["price"]), f.n(it["amount"])]} for it in items]
    cur_cells = ctx.cur_mode in ("sym", "code") and rng.random() < 0.5
    if cur_cells:
        for r, it in zip(rows, items):
            r["cells"][2], r["cells"][3] = f.m(it["price"]), f.m(it["amount"])
    brk = ctx.two_page_break(len(items), 0.2)
    doc.cont_header = lambda d: (d.t(d.x0, d.y, f"{title_txt} {number}" if (number_in_title or grid) else title_txt, 8, color=GREY),
                                 setattr(d, "y", d.y + 20))
    ctx.table(cols, rows, style=rng.choice(["plain", "lines", "zebra", "ruled"]), break_after=brk,
              cont=ctx.L("continued") if brk is not None else None, pad=5, vpad=4)
    doc.y += 10
    tl = [(S["sub"], f.m(T["subtotal"]) if cur_cells else f.n(T["subtotal"]), "")]
    if T["discount"]:
        tl.append((f"{ctx.L('discount')} ({ctx.pct(disc_pct)})", f.n(-T["discount"]), ""))
    if rate is not None:
        tl.append((ctx.tax_label(rate, "HST" if ctx.country == "CA" else None), f.n(T["taxes"][0]["amount"]), ""))
    tl.append((ctx.pick("total", S["total"]), f.m(T["total"]), "big rule"))
    totals_block(doc, tl, size=10, box_fill=tint(ctx.accent, 0.1))
    doc.y += 18
    # payment details
    doc.ensure(70)
    doc.t(x0, doc.y, ctx.pick("pay", S["pay"]), 9, "b")
    doc.y += 14
    if ctx.country in ("US", "CA", "AU"):
        pay = [("Bank", f"{stem(rng)} {rng.choice(['Bank', 'Credit Union', 'Savings Bank'])}"), ("Account", digits(rng, 10)),
               ("Routing" if ctx.country == "US" else "Transit/BSB", digits(rng, 9 if ctx.country == "US" else 6)), (S["ref"], number)]
    else:
        pay = [("IBAN", iss["iban"]), ("BIC", iss["bic"]), (S["ref"], number)]
    h, _, _ = kv(doc, pay, x=x0, size=8.5)
    doc.y += h + 6
    if rng.random() < 0.4:
        doc.t(x0, doc.y, S["online"].format(url=f"pay.{iss['web'][4:]}/{digits(rng, 6)}"), 8.5, color=GREY)
        doc.y += 14
    if ctx.cur_mode == "word":
        doc.t(x0, doc.y, ctx.word_sentence(), 8.5, color=GREY)
        doc.y += 14
    doc.t(x0, doc.y + 6, rng.choice(S["thanks"]), 11, "b", color=ctx.accent)
    doc.y += 24
    foot = f"{iss['name']}  ·  {iss['street']}, {iss['city']}  ·  {iss['email']}" if placement != "logo_only" else \
        f"{iss['web']}  ·  {iss['phone']}  ·  {iss['vat']}"

    def footer(d, pg, p, n):
        fs = 7.5
        while d.w(foot, fs) > d.width:
            fs -= 0.25
        d.t(d.W / 2, d.H - 40, foot, fs, align="c", color=GREY, page=pg)
        if n > 1:
            d.t(d.x1, d.H - 28, f"{p} / {n}", 7, align="r", color=GREY, page=pg)
    doc.footer = footer
    ctx.features.update({"number_only_in_title": number_in_title, "meta_grid": grid, "issuer_placement": placement,
                         "hourly": services, "currency_on_item_cells": cur_cells, "discount_pct": str(disc_pct) if disc_pct else None})
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T, date_text=ctx.dt(ctx.date))


# ----------------------------------------------------------------------------------------- archetype: B2B trade invoice
def build_trade(ctx):
    rng, f = ctx.rng, ctx.fmt
    doc = ctx.new_doc(margins=(40, 38, 40, 36))
    iss = party(rng, "en", ctx.country)
    cust = party(rng, "en", ctx.country)
    ship_to = dict(cust, name=cust["name"] if rng.random() < 0.5 else f"{cust['name']} - {rng.choice(['Warehouse', 'Receiving', 'Store #' + digits(rng, 2)])}",
                   street=street(rng, "en", ctx.country))
    number = ctx.number(["digits", "prefix_digits", "letter_dash", "digits_padded", "prefix_yy"])
    po = rng.choice([f"PO-{digits(rng, 6)}", digits(rng, 7), f"{cust['stem'][:3].upper()}-{digits(rng, 5)}"])
    so = f"SO-{digits(rng, 6)}"
    cust_id = f"{cust['stem'][:4].upper()}{digits(rng, 3)}"
    terms_days = rng.choice([15, 30, 45, 60])
    due = ctx.date + timedelta(days=terms_days)
    ship_date = ctx.date - timedelta(days=rng.randint(0, 4))
    ctx.distractors += ["po_number", "sales_order", "customer_id", "ship_date", "due_date", "remittance_stub", "balance_due"]
    n = ctx.n_items(3, 10) if rng.random() < 0.7 else ctx.n_items(11, 16)
    goods = [c for c in CATALOG["en"] if c[1] in ("pc", "m")]
    picks = rng.sample(goods, min(n, len(goods)))
    while len(picks) < n:
        d_, k_, lo_, hi_ = rng.choice(goods)
        picks.append((f"{d_}, {rng.choice(['grey', 'black', 'white', 'blue', 'heavy duty', 'economy', 'pack of 10', 'bulk'])}", k_, lo_, hi_))
    seen = set()
    items = []
    for desc, kind, lo, hi in picks:
        if desc in seen:
            continue
        seen.add(desc)
        qty = D(rng.choice([1, 2, 4, 5, 6, 10, 12, 20, 24, 36, 48, 50, 100])) if kind == "pc" else D(rng.choice([25, 50, 100, 250, 500]))
        price = q2(D(str(round(rng.uniform(lo, hi), 2))))
        items.append({"desc": desc, "qty": qty, "price": price, "amount": q2(qty * price), "unit": rng.choice(["EA", "BX", "CS", "PK"]) if kind == "pc" else "M",
                      "sku": f"{rng.choice(['HW', 'EL', 'PK', 'OF', 'TL'])}-{digits(rng, 4)}{rng.choice(['', '-A', '-B', '-XL'])}"})
    disc_pct = D(rng.choice([2, 5, 7.5, 10])) if rng.random() < 0.3 else None
    freight = q2(D(str(round(rng.uniform(15, 180), 2)))) if rng.random() < 0.55 else None
    if ctx.country == "CA":
        sub = sum((it["amount"] for it in items), D(0))
        disc = q2(sub * disc_pct / 100) if disc_pct else D(0)
        base = sub - disc + (freight or 0)
        prov = rng.choice([("PST", D(7)), ("PST", D(6)), ("QST", D("9.975"))])
        taxes = [{"rate": D(5), "base": base, "amount": q2(base * 5 / 100), "name": "GST"},
                 {"rate": prov[1], "base": base, "amount": q2(base * prov[1] / 100), "name": prov[0]}]
        tax = sum((t["amount"] for t in taxes), D(0))
        T = {"subtotal": sub, "discount": disc, "shipping": freight or D(0), "taxes": taxes, "rounding": D(0), "tax": tax,
             "total": sub - disc + (freight or 0) + tax}
    else:
        rate = {"US": D(rng.choice(["6", "6.25", "7", "7.5", "8.25", "8.875"])), "GB": D(20), "AU": D(10)}[ctx.country]
        ship_rate = None if ctx.country == "US" else rate
        T = calc_totals(items, lambda it: rate, discount_pct=disc_pct, shipping=freight, ship_rate=ship_rate)
        for t in T["taxes"]:
            t["name"] = {"US": "Sales Tax", "GB": "VAT", "AU": "GST"}[ctx.country]
    paid = q2(T["total"] * D(rng.choice(["0.25", "0.5"]))) if rng.random() < 0.3 else D(0)
    balance = T["total"] - paid
    x0, x1, y = doc.x0, doc.x1, doc.y
    # ---- header
    doc.t(x0, y, iss["name"], 15, "b", color=ctx.accent)
    hi = doc.lines(x0, y + 20, [iss["street"], iss["city"], f"Tel {iss['phone']}", iss["web"]] +
                   ([f"{ {'US': 'Fed. Tax ID', 'GB': 'VAT Reg No', 'AU': 'ABN', 'CA': 'GST/HST Reg. No.'}[ctx.country]}: {iss['vat']}"]), 8, None, color=GREY)
    doc.t(x1, y, "INVOICE", 20, "b", "r", color=ctx.accent)
    meta = [(ctx.L("inv_no"), number), (ctx.L("date"), ctx.dt(ctx.date)), ("Customer ID", cust_id), ("PO Number", po)]
    if rng.random() < 0.5:
        meta.append(("Sales Order", so))
    meta += [("Terms", rng.choice([f"Net {terms_days}", f"{terms_days} days"])), ("Ship Date", ctx.dt(ship_date)),
             ("Ship Via", rng.choice(["UPS Ground", "FedEx Freight", "Customer pickup", "Courier", "LTL carrier"])), (ctx.L("due"), ctx.dt(due))]
    meta_grid = rng.random() < 0.4
    if meta_grid:
        # two-row boxed grid under the header spanning the page
        y2 = y + 20 + max(hi, 30) + 10
        sel = meta[:5]
        cw = doc.width / len(sel)
        for k, (lab, val) in enumerate(sel):
            cx = x0 + k * cw
            doc.rect(cx, y2, cx + cw, y2 + 14, fill=tint(ctx.accent, 0.18), stroke=GREY, width=0.5)
            doc.rect(cx, y2 + 14, cx + cw, y2 + 30, stroke=GREY, width=0.5)
            doc.t(cx + cw / 2, y2 + 3, lab, 7, "b", "c")
            vs = 8.5
            while doc.w(val, vs) > cw - 6:
                vs -= 0.5
            doc.t(cx + cw / 2, y2 + 18, val, vs, align="c")
        rest = meta[5:]
        h, _, _ = kv(doc, rest[:3], right=x1, y=y + 28, size=8, colon=True)
        y = max(y2 + 30, y + 28 + h) + 14
    else:
        h, _, _ = kv(doc, meta, right=x1, y=y + 28, size=8, colon=True, mode="valright", ls="b", lc=BLACK)
        y = max(y + 20 + hi, y + 28 + h) + 14
    ctx.features["meta_grid"] = meta_grid
    # bill-to / ship-to boxes
    bw = (doc.width - 16) / 2
    bl = [cust["name"], cust["street"], cust["city"]]
    sl = [ship_to["name"], ship_to["street"], ship_to["city"]]
    bh = 3 * 9 * 1.35 + 22
    for bx, lab, lines in ((x0, ctx.L("bill_to"), bl), (x0 + bw + 16, ctx.L("ship_to"), sl)):
        doc.rect(bx, y, bx + bw, y + 14, fill=ctx.accent)
        doc.t(bx + 5, y + 3, lab.upper(), 7.5, "b", color=(1, 1, 1))
        doc.rect(bx, y, bx + bw, y + bh, stroke=ctx.accent, width=0.6)
        doc.lines(bx + 6, y + 19, lines, 9, "b")
    y += bh + 14
    doc.y = y
    rows = [{"cells": [it["sku"], it["desc"], f.q(it["qty"]), it["unit"], f.n(it["price"]), f.n(it["amount"])], "amt": it["amount"]} for it in items]
    cols = [{"h": "Item #"}, {"h": ctx.L("desc"), "flex": True}, {"h": ctx.L("qty"), "a": "r"}, {"h": ctx.L("unit")},
            {"h": ctx.hdr(ctx.L("price")), "a": "r"}, {"h": ctx.hdr(ctx.L("amount")), "a": "r"}]
    brk = ctx.two_page_break(len(items), 0.3)
    doc.cont_header = lambda d: (d.t(d.x0, d.y, f"{iss['name']} - INVOICE {number} (continued)", 8, "b", color=GREY), setattr(d, "y", d.y + 20))
    ctx.table(cols, rows, style=rng.choice(["grid", "zebra", "filled", "ruled"]), break_after=brk,
              cont=ctx.L("continued") if brk is not None or rng.random() < 0.5 else None)
    doc.y += 6
    tl = [("Subtotal", f.n(T["subtotal"]), "")]
    if T["discount"]:
        tl.append((f"Discount ({ctx.pct(disc_pct)})", f.n(-T["discount"]), ""))
    if T["shipping"]:
        tl.append((ctx.L("shipping"), f.n(T["shipping"]), ""))
    for t in T["taxes"]:
        tl.append((f"{t['name']} ({ctx.pct(t['rate'])})", f.n(t["amount"]), ""))
    tl.append((ctx.pick("tt", ["Total", "Invoice Total", "TOTAL"]), f.m(T["total"]), "b rule"))
    if paid:
        tl.append((rng.choice(["Less: payment received", "Amount paid", "Deposit applied"]), f.m(-paid), ""))
    if paid or rng.random() < 0.5:
        tl.append((rng.choice(["Balance due", "BALANCE DUE", "Amount due"]), f.m(balance), "b fill"))
    totals_block(doc, tl, size=9, box_fill=tint(ctx.accent, 0.15))
    doc.y += 10
    notes = [rng.choice(["Please make checks payable to " + iss["name"] + ".", "Past due balances are subject to a 1.5% monthly finance charge.",
                         "Returns require an RMA number within 30 days.", "Goods remain our property until paid in full."])]
    if ctx.cur_mode == "word":
        notes.append(ctx.word_sentence())
    for nt in notes:
        doc.ensure(12)
        doc.y += doc.para(x0, doc.y, nt, doc.width, 8, "i", color=GREY) + 2
    # remittance stub
    need = 86
    stub = rng.random() < 0.6 and doc.y + 14 + need <= doc.bottom  # only when it fits below the totals
    if stub:
        ys = max(doc.y + 14, doc.bottom - need)
        doc.hline(x0, x1, ys, 0.6, GREY, dashes="[3 3] 0")
        doc.t(doc.W / 2, ys + 4, "Please detach and return this portion with your payment", 7, "i", "c", color=GREY)
        doc.t(x0, ys + 18, "REMITTANCE", 10, "b")
        doc.lines(x0, ys + 32, ["Remit to:", iss["name"], iss["street"], iss["city"]], 8, None)
        kv(doc, [("Customer ID", cust_id), (ctx.L("inv_no"), number), ("Amount Due", f.m(balance)), ("Amount Enclosed", "________________")],
           right=x1, y=ys + 18, size=8.5, colon=True, mode="cols")
        doc.y = ys + need
    ctx.features.update({"remittance_stub": stub, "paid": money_str(paid) if paid else None, "two_taxes": ctx.country == "CA",
                         "freight": money_str(freight) if freight else None, "discount_pct": str(disc_pct) if disc_pct else None})
    doc.footer = lambda d, pg, p, n: d.t(d.x1, d.H - 26, f"Page {p} of {n}", 7, align="r", color=GREY, page=pg) if n > 1 else None
    return dict(number=number, issuer=iss["name"], customer=cust["name"], items=items, T=T, date_text=ctx.dt(ctx.date))


# ----------------------------------------------------------------------------------------- scan look (PNG only)
def scanify(img, rng):
    """Make a rendered page look like a scan: grey paper, slight rotation, blur, noise, JPEG artefacts."""
    p = {"angle": round(rng.uniform(0.25, 1.45) * rng.choice([-1, 1]), 2), "paper": rng.randint(218, 244),
         "blur": round(rng.uniform(0.35, 1.0), 2), "noise": round(rng.uniform(3, 9), 1), "jpeg_quality": rng.randint(28, 65),
         "grey": rng.random() < 0.5, "shift": (rng.randint(-12, 12), rng.randint(-12, 12))}
    arr = np.asarray(img.convert("RGB"), dtype=np.float32)
    ink = 22.0
    paper = np.array([p["paper"], p["paper"] - rng.randint(0, 5), p["paper"] - rng.randint(2, 12)], dtype=np.float32)
    arr = ink + (arr / 255.0) * (paper - ink)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    fill = tuple(int(v) for v in paper)
    img = img.rotate(p["angle"], resample=Image.BICUBIC, expand=False, fillcolor=fill, translate=p["shift"])
    img = img.filter(ImageFilter.GaussianBlur(p["blur"]))
    nrng = np.random.default_rng(rng.randint(0, 2 ** 31))
    arr = np.asarray(img, dtype=np.float32)
    arr += nrng.normal(0, p["noise"], arr.shape[:2])[..., None]
    # a few dust specks
    h, w = arr.shape[:2]
    for _ in range(rng.randint(5, 40)):
        yy, xx = nrng.integers(0, h - 3), nrng.integers(0, w - 3)
        arr[yy:yy + nrng.integers(1, 3), xx:xx + nrng.integers(1, 3)] = ink + 40
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if p["grey"]:
        img = img.convert("L")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=p["jpeg_quality"])
    buf.seek(0)
    p["shift"] = list(p["shift"])
    return Image.open(buf).convert(img.mode), p


# ----------------------------------------------------------------------------------------- driver
ARCHETYPES = {
    "saas": (build_saas, [("en", "US"), ("en", "US"), ("en", "IE"), ("en", "GB"), ("en", "NL"), ("de", "DE"), ("fr", "FR"), ("nl", "NL")]),
    "marketplace": (build_marketplace, [("en", "GB"), ("en", "IE"), ("en", "AU"), ("de", "DE"), ("fr", "FR"), ("es", "ES"), ("it", "IT")]),
    "utility": (build_utility, [("en", "GB"), ("en", "US"), ("en", "IE"), ("en", "AU"), ("de", "DE"), ("de", "AT"), ("fr", "FR"),
                                ("nl", "NL"), ("nl", "BE"), ("es", "ES")]),
    "hotel": (build_hotel, [("en", "GB"), ("en", "IE"), ("de", "DE"), ("de", "AT"), ("de", "CH"), ("fr", "FR"), ("es", "ES"), ("it", "IT"),
                            ("nl", "NL"), ("pt", "PT")]),
    "freelancer": (build_freelancer, [("en", "GB"), ("en", "US"), ("en", "IE"), ("de", "DE"), ("de", "AT"), ("fr", "FR"), ("nl", "NL"), ("es", "ES")]),
    "rechnung": (build_rechnung, [("de", "DE"), ("de", "DE"), ("de", "AT"), ("de", "CH")]),
    "facture": (build_facture, [("fr", "FR"), ("fr", "FR"), ("fr", "BE"), ("fr", "CH")]),
    "eu_local": (build_eu_local, [("es", "ES"), ("it", "IT"), ("nl", "NL"), ("pt", "PT")]),
    "minimal": (build_minimal, [("en", "US"), ("en", "GB"), ("en", "CA"), ("en", "AU"), ("de", "DE"), ("fr", "FR"), ("nl", "NL")]),
    "trade": (build_trade, [("en", "US"), ("en", "US"), ("en", "GB"), ("en", "CA"), ("en", "AU")]),
}
EU = {"IE", "NL", "DE", "FR", "ES", "IT", "AT", "BE", "PT"}


def check_arithmetic(res, inclusive):
    T = res["T"]
    s = sum((it["amount"] for it in res["items"]), D(0))
    tax = T["tax"] or D(0)
    if inclusive:
        assert s == T["total"], (s, T["total"])
        assert T["subtotal"] + tax == T["total"]
    else:
        assert s == T["subtotal"], (s, T["subtotal"])
        assert T["subtotal"] - T["discount"] + T["shipping"] + tax + T["rounding"] == T["total"], T
    for it in res["items"]:
        if it.get("qty") is not None and it.get("price") is not None and not it.get("disc"):
            assert q2(it["qty"] * it["price"]) == it["amount"], it


TWO_PAGE_P = {"rechnung": 0.3, "facture": 0.25, "eu_local": 0.25, "trade": 0.3, "minimal": 0.2, "hotel": 0.15,
              "freelancer": 0.1, "utility": 0.0, "marketplace": 0.0, "saas": 0.0}


def make_one(i, seed, arch, scan, out):
    base = random.Random(f"{seed}-{i}-{arch}")
    builder, combos = ARCHETYPES[arch]
    lang, country = base.choice(combos)
    want_two = base.random() < TWO_PAGE_P[arch]
    cur = None
    if arch == "saas":
        if country == "US" and base.random() < 0.2:
            cur = "EUR"
        elif country in ("IE", "NL") and base.random() < 0.25:
            cur = "USD"
        if country == "US":
            cc = "US" if base.random() < 0.7 else base.choice(["DE", "FR", "NL", "GB"])
        elif country == "GB":
            cc = "GB"
        else:
            cc = country if base.random() < 0.5 else base.choice(sorted(EU - {country, "PT"}))
    for attempt in range(5):
        # two-page invoices get more lines; if they still fit on one page, draw again with more
        rng = random.Random(f"{seed}-{i}-{arch}-{attempt}")
        ctx = Ctx(rng, arch, lang, country, cur=cur)
        ctx.want_two, ctx.attempt = want_two, attempt
        if arch == "saas":
            ctx.features["customer_country"] = cc
        res = builder(ctx)
        if not want_two or ctx.doc.pdf.page_count >= 2:
            break
        ctx.doc.pdf.close()
    ctx.features["two_pages_requested"] = want_two
    inclusive = bool(res.get("inclusive"))
    T = res["T"]
    if arch == "saas" and T["tax"] is None:
        T["tax"] = D(0)  # printed as "Tax 0.00"
    check_arithmetic(res, inclusive)
    doc = ctx.doc
    doc.finish()
    collisions = doc.collisions()
    if collisions:
        print(f"warning: inv{i:03d} text collisions: {collisions[:3]}", file=sys.stderr)
    stem_ = f"inv{i:03d}_{lang}"
    doc.pdf.set_metadata({"title": f"Invoice {res['number']}", "author": res["issuer"], "producer": "indep_invoices2/gen.py",
                          "creator": "indep_invoices2/gen.py", "creationDate": "D:20260101000000", "modDate": "D:20260101000000"})
    doc.pdf.save(os.path.join(out, stem_ + ".pdf"), garbage=3, deflate=True, no_new_id=True)
    pngs, scan_params = [], []
    for k, page in enumerate(doc.pdf):
        name = f"{stem_}_p{k + 1}.png"
        pix = page.get_pixmap(dpi=150)
        if scan:
            img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            img, p = scanify(img, rng)
            img.save(os.path.join(out, name), optimize=False)
            scan_params.append(p)
        else:
            pix.save(os.path.join(out, name))
        pngs.append(name)
    sub_printed = res.get("subtotal_printed", True)
    no_tax = T["tax"] is None
    truth_items = [{"description": it["desc"], "quantity": dec_str(it["qty"]) if it.get("qty") is not None else None,
                    "unit_price": dec_str(it["price"]) if it.get("price") is not None else None, "amount": money_str(it["amount"])}
                   for it in res["items"]]
    feats = dict(ctx.features)
    feats.update({
        "pages": doc.pdf.page_count, "date_text": res["date_text"], "total_text": ctx.fmt.n(T["total"]),
        "total_printed": ctx.fmt.m(T["total"]), "labels": dict(ctx.labels), "distractors": ctx.distractors,
        "tax_rates": [str(t["rate"]) for t in T["taxes"]], "n_items": len(truth_items), "scan_look": bool(scan),
        "scan_params": scan_params or None, "prices_include_tax": inclusive, "layout_collisions": len(collisions),
        "discount": money_str(T["discount"]) if T["discount"] else None, "shipping_amount": money_str(T["shipping"]) if T["shipping"] else None,
        "rounding_amount": money_str(T["rounding"]) if T["rounding"] else None,
    })
    truth = {
        "invoice_number": res["number"], "invoice_date": ctx.date.isoformat(), "issuer": res["issuer"], "customer": res["customer"],
        "total": money_str(T["total"]),
        "subtotal": money_str(T["subtotal"]) if sub_printed else None,
        "tax": None if no_tax else money_str(T["tax"]),
        "currency": "" if ctx.cur_mode == "absent" else ctx.cur, "currency_implied": ctx.cur_implied,
        "items": truth_items, "features": feats, "file": stem_ + ".pdf", "pngs": pngs,
    }
    with open(os.path.join(out, stem_ + ".json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
    doc.pdf.close()
    return truth


def main(n=60, seed=20260101, out="indep-invoices2"):
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    names = list(ARCHETYPES)
    order = []
    while len(order) < n:
        block = names[:]
        rng.shuffle(block)
        order += block
    order = order[:n]
    scan_set = set(rng.sample(range(n), round(n / 3)))
    truths = []
    for i in range(n):
        truths.append(make_one(i, seed, order[i], i in scan_set, out))
    return truths


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if len(a) > 0 else 60, int(a[1]) if len(a) > 1 else 20260101, a[2] if len(a) > 2 else "indep-invoices2")
