#!/usr/bin/env python3
"""Sixth independent invoice set: ten archetypes the five earlier sets did not cover.

usage: python gen.py [N] [SEED] [OUTDIR]      (or gen.main(n, seed, outdir))

For invoice i (1-based) it writes ``invNNN_<lang>.pdf`` (born-digital with a text layer, 1-3 pages),
one PNG per page rendered at 150 dpi (``invNNN_<lang>_pK.png``; about a third look scanned or
photographed: slight rotation, blur, noise, uneven light, JPEG artefacts, grey paper) and
``invNNN_<lang>.json`` (the truth). The same seed gives the same files.

Archetypes (round-robin over a seeded shuffle; each varied in fonts, sizes, margins, page size,
column orders, table rulings, label wordings, date and number formats, where the parties, the meta
data and the totals stand, and whether the issuer's legal name is in the header, beside a logo box,
in a "From" block, in a labelled seller line or only in the footer):

  sea        Southeast Asia: Indonesian faktur (Rp, dot thousands, PPN 11%, NPWP, tax-invoice
             serial beside the number, "Terbilang" amount in words, Roman-numeral month numbers),
             Malaysian invois in Malay or English (RM, SST, e-invoice UUID and validation time),
             Vietnamese VAT invoices (Ky hieu / So, "Ngay .. thang .. nam ..", letter row A B C 1 2 3
             under the heading, dot thousands, no decimals, VND / d / dong), Philippine sales
             invoices (PHP / P-peso sign, VAT 12% with VATable / exempt / zero-rated lines, TIN,
             printer's authority-to-print number and date).
  africa     Kenya (KES / Ksh, VAT 16%, KRA PIN, control-unit serial and invoice numbers), Nigeria
             (NGN / naira sign, VAT 7.5%, RC and TIN), Ghana (GHS / cedi sign, NHIL and GETFund
             levies before VAT 15%), Morocco in French (MAD / DH, TVA 20%, ICE, IF, RC, patente).
  credit     Credit notes (negative quantities or prices, negative totals, "CN-..." numbers, the
             original invoice's number and date nearby), proforma invoices and quotations whose
             layout is an invoice's, told apart only by the title (and a validity date).
  repair     Car and appliance repair: Parts and Labour sections in one table with their own
             subtotal rows, hours x rate labour lines, shop supplies %, environmental / disposal
             fees, a vehicle or appliance block (VIN, plate, odometer, RO number, serial numbers,
             date in / out).
  proftime   Law and consulting firms: time entries with dates, timekeepers, hours (0.3, 1.25) x
             rate; disbursements section; fee / disbursement subtotal rows; a timekeeper summary
             table after the totals on some; retainer / trust funds applied after the total.
  fuel       Fuel, grain, scrap and aggregates: unit prices with 3 decimals (1.459 per litre),
             quantities with 1-3 decimals (L, gal, t, kg, m3), amounts rounded to cents; fuel-card
             statements with a date, site and receipt number per row; delivery surcharges.
  above      Label-above-value layouts: meta data in boxes with small grey caps labels above the
             values, totals as stacked label-above-amount cells, parties in two columns (From / To).
  amtleft    Tables whose amount column is not the rightmost (Amount | Description | Qty ...) or
             whose description is rightmost; tables without a heading row; tax rate, tax amount
             and gross columns per line.
  deposit    Deposits and balances: deposit / advance invoices, payments received, credits
             applied after the total, "Balance due" lower than the total, references to earlier
             invoices and orders with their own numbers and dates.
  eastasia   English invoices from Korea (KRW / won sign, no decimals, VAT 10%), Japan (JPY / yen
             sign, consumption tax 10% and reduced 8% marked per line, registration number T...),
             Taiwan (TWD / NT$, business tax 5%) and Hong Kong (HKD / HK$, no tax). (No CJK font is
             installed on the generating machine, so labels are English.)

Truth conventions (keys as ``indep_invoices/score.py`` reads them, plus customer, subtotal, tax):

  invoice_number  as printed, without its label; for credit notes, proformas and quotations the
                  document's own number. Tax-invoice serials (Indonesia), control-unit numbers
                  (Kenya), e-invoice UUIDs, RO / job / matter / order / receipt numbers and the
                  numbers of earlier invoices referred to are not it. Vietnam: the "So" number
                  (the series "Ky hieu" is printed separately and not part of it).
  invoice_date    the issue date, ISO; due, delivery, service, period, time-entry, validity,
                  authority-to-print, date-in/out and earlier invoices' dates are not it.
  issuer          the seller's legal name as printed (not the logo / brand word); sometimes only in
                  the footer, beside a logo box, under "From" or after a "seller" label.
  customer        the buyer's name as printed.
  total           the document's grand total including tax, levies and charges, before deposits,
                  payments, retainers and credits applied ("Balance due" may be lower). Credit
                  notes: negative.
  subtotal, tax   subtotal = the sum of the item amounts (net); tax = all taxes and levies added
                  (Ghana: NHIL + GETFund + VAT). ``features.charges`` = what the totals add besides
                  items and tax (shop supplies, environmental fees, delivery, surcharges), so
                  subtotal + charges + tax == total.
  currency        ISO 4217 of the money on the page, also where only a symbol or word stands
                  (Rp, RM, d / dong, P-peso, Ksh, naira, cedi, DH, won, yen, NT$, HK$); "" where
                  nothing on the page names or symbolises a currency (a few invoices).
  items           the item table's rows in printed order (parts and labour rows, time entries and
                  disbursements, credit-note rows with their negative amounts). Not items: section
                  heading rows, section subtotal rows inside the table, the Vietnamese letter row,
                  the timekeeper summary table, totals, payments. description = the row's text,
                  wrapped lines joined by one space, without codes / part numbers, units, line
                  numbers, dates, timekeepers, sites, receipt numbers, reduced-rate marks and the
                  small notes under it; amount = the net line amount (tax and gross columns are
                  not it); quantity (hours for time entries) and unit_price (rate) as printed, as
                  plain decimals, or null where the row has none.
  features        every random choice: archetype, country, layout knobs, number and date formats,
                  ``date_printed`` (the issue date as printed), ``charges``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

D = Decimal
ARCHETYPES = ["sea", "africa", "credit", "repair", "proftime", "fuel", "above", "amtleft", "deposit", "eastasia"]


# ----------------------------------------------------------------------------- numbers, dates

def q(x, dec=2):
    return D(x).quantize(D(1).scaleb(-dec), ROUND_HALF_UP)


def dstr(x) -> str:
    """A Decimal as a plain decimal string ("1.459", "2", "-30.00" -> "-30")."""
    s = format(D(x).normalize(), "f")
    return "0" if s in ("-0", "") else s


SEPS = {"en": (",", "."), "eu": (".", ","), "sp": (" ", ","), "spd": (" ", "."), "ch": ("'", "."),
        "plain": ("", "."), "plainc": ("", ",")}


def fmt_num(x, style="en", dec=2, group=True) -> str:
    """Format a number; negative numbers get a leading '-'."""
    x = q(x, dec)
    neg = x < 0
    ip, _, fp = f"{abs(x):.{dec}f}".partition(".")
    th, ds = SEPS[style]
    if group and th:
        parts = []
        while len(ip) > 3:
            parts.insert(0, ip[-3:])
            ip = ip[:-3]
        parts.insert(0, ip)
        ip = th.join(parts)
    s = ip + (ds + fp if dec else "")
    return ("-" if neg else "") + s


def fmt_pct(rate, style) -> str:
    p = (D(rate) * 100).normalize()
    s = format(p, "f")
    if SEPS[style][1] == ",":
        s = s.replace(".", ",")
    return s


MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split(),
    "ms": "Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember".split(),
}
ROMAN = "I II III IV V VI VII VIII IX X XI XII".split()


def fmt_date(d: dt.date, f: str, lang: str = "en") -> str:
    m = MONTHS.get(lang, MONTHS["en"])
    if f == "dmy/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if f == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if f == "dmy-":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if f == "mdy/":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if f == "m/d/y":
        return f"{d.month}/{d.day}/{d.year}"
    if f == "ymd-":
        return d.isoformat()
    if f == "ymd/":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if f == "ymd.":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if f == "d mon y":
        return f"{d.day} {m[d.month - 1]} {d.year}"
    if f == "d mon3 y":
        return f"{d.day:02d} {MONTHS['en'][d.month - 1][:3]} {d.year}"
    if f == "d-mon3-y":
        return f"{d.day:02d}-{MONTHS['en'][d.month - 1][:3]}-{d.year}"
    if f == "mon d, y":
        return f"{m[d.month - 1]} {d.day}, {d.year}"
    if f == "mon3. d, y":
        return f"{MONTHS['en'][d.month - 1][:3]}. {d.day}, {d.year}"
    if f == "de_long":
        return f"{d.day}. {m[d.month - 1]} {d.year}"
    if f == "es_long":
        return f"{d.day} de {m[d.month - 1]} de {d.year}"
    if f == "vn":
        return f"Ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    raise ValueError(f)


# ----------------------------------------------------------------------------- amount in words

_EN1 = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen").split()
_EN10 = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words_en(n: int) -> str:
    if n < 20:
        return _EN1[n]
    if n < 100:
        return _EN10[n // 10] + ("-" + _EN1[n % 10] if n % 10 else "")
    if n < 1000:
        return _EN1[n // 100] + " hundred" + (" and " + words_en(n % 100) if n % 100 else "")
    for div, name in ((10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")):
        if n >= div:
            rest = n % div
            return words_en(n // div) + " " + name + ((" and " if rest < 100 else " ") + words_en(rest) if rest else "")
    return str(n)


def words_id(n: int, malay=False) -> str:
    ones = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "lapan" if malay else "delapan", "sembilan"]
    if n < 10:
        return ones[n] or "nol"
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return ones[n % 10] + " belas"
    if n < 100:
        return ones[n // 10] + " puluh" + (" " + ones[n % 10] if n % 10 else "")
    if n < 200:
        return "seratus" + (" " + words_id(n - 100, malay) if n > 100 else "")
    if n < 1000:
        return ones[n // 100] + " ratus" + (" " + words_id(n % 100, malay) if n % 100 else "")
    if n < 2000:
        return "seribu" + (" " + words_id(n - 1000, malay) if n > 1000 else "")
    for div, name in ((10 ** 9, "miliar" if not malay else "bilion"), (10 ** 6, "juta"), (1000, "ribu")):
        if n >= div:
            rest = n % div
            return words_id(n // div, malay) + " " + name + (" " + words_id(rest, malay) if rest else "")
    return str(n)


# ----------------------------------------------------------------------------- locales

def _digits(rng, k):
    return "".join(str(rng.randint(0, 9)) for _ in range(k))


LOC = {
    "us": dict(lang="en", cur="USD", syms=["$"], dec=2, num=["en"], dates=["mdy/", "m/d/y", "mon d, y", "mon3. d, y"],
               page="letter", tax=[("Sales Tax", ["0.0625", "0.07", "0.0725", "0.0825", "0.0875"])],
               cities=["Columbus, OH 43215", "Austin, TX 78701", "Denver, CO 80202", "Tacoma, WA 98402", "Raleigh, NC 27601"],
               streets=["Main Street", "Commerce Drive", "Industrial Pkwy", "Oak Avenue", "Market St"],
               suffix=["Inc.", "LLC", "Corp.", "Co."], words="en"),
    "gb": dict(lang="en", cur="GBP", syms=["£"], dec=2, num=["en"], dates=["dmy/", "d mon y", "d mon3 y"],
               page="a4", tax=[("VAT", ["0.20"])],
               cities=["Leeds LS1 4AP", "Bristol BS1 6QF", "Manchester M4 1HN", "Norwich NR2 1SH", "Reading RG1 3EU"],
               streets=["High Street", "Station Road", "Mill Lane", "Victoria Road", "Church Street"],
               suffix=["Ltd", "Limited", "LLP"], words="en"),
    "ie": dict(lang="en", cur="EUR", syms=["€"], dec=2, num=["en"], dates=["dmy/", "d mon y"], page="a4",
               tax=[("VAT", ["0.23", "0.135"])], cities=["Dublin 2, D02 X285", "Cork T12 RX2A", "Galway H91 E2K3"],
               streets=["Harcourt Street", "Patrick Street", "Dock Road"], suffix=["Limited", "DAC", "Ltd"], words="en"),
    "sg": dict(lang="en", cur="SGD", syms=["S$", "SGD "], dec=2, num=["en"], dates=["dmy/", "d mon y", "d mon3 y"], page="a4",
               tax=[("GST", ["0.09"])], cities=["Singapore 068898", "Singapore 139964", "Singapore 609930"],
               streets=["Robinson Road", "Jurong East Street 21", "Kallang Avenue", "Ubi Crescent"],
               suffix=["Pte. Ltd.", "Pte Ltd"], words="en"),
    "hk": dict(lang="en", cur="HKD", syms=["HK$", "HKD "], dec=2, num=["en"], dates=["dmy/", "d mon y", "ymd/"], page="a4",
               tax=[], cities=["Kwun Tong, Kowloon", "Wan Chai, Hong Kong", "Sha Tin, New Territories"],
               streets=["Hoi Bun Road", "Gloucester Road", "On Lai Street"], suffix=["Limited", "Co., Limited"], words="en"),
    "kr": dict(lang="en", cur="KRW", syms=["₩", "KRW "], dec=0, num=["en"], dates=["ymd.", "ymd-", "mon d, y"], page="a4",
               tax=[("VAT", ["0.10"])], cities=["Gangnam-gu, Seoul 06236", "Yeongdeungpo-gu, Seoul 07326", "Haeundae-gu, Busan 48058"],
               streets=["Teheran-ro", "Gukjegeumyung-ro", "Centum jungang-ro"], suffix=["Co., Ltd.", "Corporation"], words="en"),
    "jp": dict(lang="en", cur="JPY", syms=["¥", "JPY "], dec=0, num=["en"], dates=["ymd/", "mon d, y", "ymd-"], page="a4",
               tax=[("Consumption Tax", ["0.10"])], cities=["Minato-ku, Tokyo 105-0011", "Chuo-ku, Osaka 541-0041", "Naka-ku, Nagoya 460-0008"],
               streets=["Shiba-koen 2-4-1", "Kitahama 3-5-29", "Sakae 4-16-36"], suffix=["Co., Ltd.", "K.K.", "Corporation"], words="en"),
    "tw": dict(lang="en", cur="TWD", syms=["NT$", "TWD "], dec=0, num=["en"], dates=["ymd/", "ymd-", "mon3. d, y"], page="a4",
               tax=[("Business Tax", ["0.05"])], cities=["Xinyi Dist., Taipei City 110", "East Dist., Hsinchu City 300", "Xitun Dist., Taichung City 407"],
               streets=["Sec. 5, Xinyi Rd.", "Guangfu Rd.", "Sec. 3, Taiwan Blvd."], suffix=["Co., Ltd.", "Corporation"], words="en"),
    "de": dict(lang="de", cur="EUR", syms=["€", "EUR "], dec=2, num=["eu"], dates=["dmy.", "de_long"], page="a4",
               tax=[("MwSt.", ["0.19"]), ("USt.", ["0.19"])], cities=["80331 München", "50667 Köln", "04109 Leipzig", "70173 Stuttgart"],
               streets=["Hauptstraße", "Industriestraße", "Bahnhofstraße", "Gewerbering"], suffix=["GmbH", "GmbH & Co. KG", "AG", "e.K."], words=None),
    "fr": dict(lang="fr", cur="EUR", syms=["€", "EUR "], dec=2, num=["sp", "eu"], dates=["dmy/", "d mon y"], page="a4",
               tax=[("TVA", ["0.20"])], cities=["69003 Lyon", "33000 Bordeaux", "44000 Nantes", "59000 Lille"],
               streets=["rue de la République", "avenue Jean Jaurès", "boulevard Gambetta", "rue Nationale"],
               suffix=["SARL", "SAS", "SA", "EURL"], words=None),
    "nl": dict(lang="nl", cur="EUR", syms=["€", "EUR "], dec=2, num=["eu"], dates=["dmy-", "d mon y", "dmy/"], page="a4",
               tax=[("BTW", ["0.21"])], cities=["3011 AB Rotterdam", "3512 JE Utrecht", "5611 EM Eindhoven"],
               streets=["Coolsingel", "Oudegracht", "Stratumseind", "Kanaalweg"], suffix=["B.V.", "V.O.F."], words=None),
    "es": dict(lang="es", cur="EUR", syms=["€", "EUR "], dec=2, num=["eu"], dates=["dmy/", "es_long", "dmy-"], page="a4",
               tax=[("IVA", ["0.21"])], cities=["28013 Madrid", "46002 Valencia", "41001 Sevilla", "50001 Zaragoza"],
               streets=["Calle Mayor", "Avenida de la Constitución", "Calle Alcalá", "Paseo de Gracia"],
               suffix=["S.L.", "S.A.", "S.L.U."], words=None),
    "id": dict(lang="id", cur="IDR", syms=["Rp ", "Rp", "IDR "], dec=0, num=["eu"], dates=["d mon y", "dmy/", "dmy-"], page="a4",
               tax=[("PPN", ["0.11"])], cities=["Jakarta Selatan 12190", "Surabaya 60271", "Bandung 40115", "Medan 20112"],
               streets=["Jl. Jend. Sudirman Kav. 52", "Jl. Raya Darmo No. 88", "Jl. Asia Afrika No. 17", "Jl. Gatot Subroto No. 5"],
               suffix=[], words="id"),
    "my": dict(lang="ms", cur="MYR", syms=["RM", "RM "], dec=2, num=["en"], dates=["dmy/", "d mon y", "dmy-"], page="a4",
               tax=[("SST", ["0.08", "0.06"]), ("Cukai Jualan", ["0.10", "0.05"])],
               cities=["50450 Kuala Lumpur", "10200 George Town, Pulau Pinang", "81300 Johor Bahru, Johor", "40150 Shah Alam, Selangor"],
               streets=["Jalan Sultan Ismail", "Jalan Burma", "Jalan Tebrau", "Persiaran Kayangan"],
               suffix=["Sdn. Bhd.", "Sdn Bhd", "Berhad"], words="ms"),
    "vn": dict(lang="vi", cur="VND", syms=[" ₫", " đ", "VND "], dec=0, num=["eu"], dates=["vn", "dmy/"], page="a4",
               tax=[("Thuế GTGT", ["0.10", "0.08"])],
               cities=["Quận 1, TP. Hồ Chí Minh", "Quận Cầu Giấy, Hà Nội", "Quận Hải Châu, Đà Nẵng"],
               streets=["Số 12 Nguyễn Huệ", "Số 88 Trần Duy Hưng", "Số 5 Bạch Đằng", "Số 201 Lê Lợi"], suffix=[], words=None),
    "ph": dict(lang="en", cur="PHP", syms=["₱", "PHP "], dec=2, num=["en"], dates=["mdy/", "mon d, y", "dmy/"], page="letter",
               tax=[("VAT", ["0.12"])], cities=["Makati City 1226", "Quezon City 1103", "Cebu City 6000", "Pasig City 1605"],
               streets=["Ayala Avenue", "EDSA", "Osmeña Blvd.", "Ortigas Avenue"], suffix=["Corporation", "Inc.", "Corp."], words="en"),
    "ke": dict(lang="en", cur="KES", syms=["KES ", "Ksh ", "Kshs. "], dec=2, num=["en"], dates=["dmy/", "d mon3 y", "d-mon3-y"], page="a4",
               tax=[("VAT", ["0.16"])], cities=["Nairobi", "Mombasa", "Nakuru", "Kisumu"],
               streets=["Moi Avenue", "Kenyatta Avenue", "Mombasa Road", "Ngong Road"], suffix=["Limited", "Ltd"], words="en"),
    "ng": dict(lang="en", cur="NGN", syms=["₦", "NGN "], dec=2, num=["en"], dates=["dmy/", "d mon y", "d mon3 y"], page="a4",
               tax=[("VAT", ["0.075"])], cities=["Ikeja, Lagos", "Victoria Island, Lagos", "Wuse II, Abuja", "GRA, Port Harcourt"],
               streets=["Allen Avenue", "Adeola Odeku Street", "Aminu Kano Crescent", "Aba Road"],
               suffix=["Nigeria Limited", "Limited", "Ltd"], words="en"),
    "gh": dict(lang="en", cur="GHS", syms=["GH₵", "GH₵ ", "GHS "], dec=2, num=["en"], dates=["dmy/", "d mon y", "d-mon3-y"], page="a4",
               tax=[("VAT", ["0.15"])], cities=["Accra", "Kumasi", "Takoradi", "Tema"],
               streets=["Oxford Street, Osu", "Liberation Road", "Spintex Road", "Harper Road, Adum"],
               suffix=["Limited", "Company Limited", "Ltd"], words="en"),
    "ma": dict(lang="fr", cur="MAD", syms=[" DH", " DHS", " MAD", "MAD "], dec=2, num=["sp", "eu"], dates=["dmy/", "d mon y"], page="a4",
               tax=[("TVA", ["0.20"])], cities=["20250 Casablanca", "10000 Rabat", "40000 Marrakech", "90000 Tanger"],
               streets=["Boulevard Zerktouni", "Avenue Mohammed V", "Rue Ibn Batouta", "Boulevard Hassan II"],
               suffix=["SARL", "SA", "SARL AU"], words=None),
}
CUR_FACTOR = {"USD": 1, "GBP": 0.8, "EUR": 0.92, "SGD": 1.35, "HKD": 7.8, "KRW": 1350, "JPY": 150, "TWD": 32,
              "IDR": 15800, "MYR": 4.5, "VND": 25000, "PHP": 57, "KES": 130, "NGN": 1550, "GHS": 15, "MAD": 10}

NAME_WORDS = {
    "en": (["Northwind", "Harbor", "Bluepeak", "Redwood", "Granite", "Meridian", "Kestrel", "Lakeside", "Ironbridge",
            "Copperfield", "Silverline", "Ashford", "Summit", "Brightwater"],
           ["Supply", "Systems", "Consulting", "Services", "Trading", "Works", "Partners", "Industries", "Solutions"]),
    "sg": (["Lion City", "Temasek", "Orchid", "Merlion", "Straits", "Kallang", "Tanjong"], ["Engineering", "Trading", "Supplies", "Technologies"]),
    "hk": (["Victoria", "Kowloon", "Harbour", "Lantau", "Pearl River", "Jade"], ["Trading", "Enterprises", "Industrial", "Logistics"]),
    "kr": (["Hanbit", "Daehan", "Mirae", "Sejong", "Hanul", "Jeil", "Samil", "Dongbang"], ["Trading", "Precision", "Electronics", "Logistics", "Materials"]),
    "jp": (["Sakura", "Fujimoto", "Kobayashi", "Yamato", "Tokai", "Hoshino", "Midori", "Kawaguchi"], ["Seiki", "Trading", "Shoji", "Denki", "Kogyo"]),
    "tw": (["Formosa", "Yushan", "Hsinchu", "Jade Mountain", "Sun Moon", "Taroko"], ["Technology", "Electronics", "Industrial", "Precision"]),
    "de": (["Müller", "Schneider", "Becker", "Hoffmann", "Wagner", "Krüger", "Weber", "Schäfer"],
           ["Maschinenbau", "Bürotechnik", "Haustechnik", "Logistik", "Handel", "Systemtechnik"]),
    "fr": (["Dubois", "Lefèvre", "Moreau", "Garnier", "Rousseau", "Fontaine", "Mercier"], ["Services", "Distribution", "Conseil", "Équipements", "Industrie"]),
    "nl": (["Van Dijk", "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Mulder"], ["Techniek", "Handel", "Advies", "Logistiek", "Installatie"]),
    "es": (["García", "Martínez", "López", "Navarro", "Ortega", "Romero"], ["Suministros", "Servicios", "Consultores", "Instalaciones", "Distribución"]),
    "id": (["Sinar", "Jaya", "Abadi", "Mitra", "Sentosa", "Makmur", "Nusantara", "Cahaya", "Karya", "Utama", "Sejahtera", "Bintang", "Samudra"], None),
    "my": (["Bina", "Jaya", "Teguh", "Cemerlang", "Gemilang", "Setia", "Murni", "Wawasan", "Mutiara"], ["Enterprise", "Trading", "Teknik", "Resources", "Industries"]),
    "vn": (["Minh Phát", "Hoàng Long", "An Khang", "Phú Thịnh", "Việt Tiến", "Thành Công", "Hưng Thịnh", "Sao Việt"],
           ["Thương mại", "Dịch vụ", "Kỹ thuật", "Xây dựng", "Thiết bị", "Công nghệ"]),
    "ph": (["Luzon", "Mabuhay", "Bayanihan", "Visayas", "Pacific", "Manila Bay", "Sampaguita", "Mindanao"], ["Trading", "Industrial Supply", "Logistics", "Technologies"]),
    "ke": (["Savannah", "Rift Valley", "Nairobi", "Acacia", "Tana River", "Athi", "Baobab"], ["Supplies", "Engineering", "Agencies", "Distributors"]),
    "ng": (["Lagos", "Niger Delta", "Eko", "Ikeja", "Zuma", "Oduduwa", "Benue"], ["Supplies", "Engineering", "Ventures", "Resources", "Logistics"]),
    "gh": (["Volta", "Ashanti", "Accra", "Adinkra", "Akwaaba", "Kente", "Osu"], ["Supplies", "Engineering", "Enterprise", "Ventures", "Logistics"]),
    "ma": (["Atlas", "Maghreb", "Chaouia", "Souss", "Anfa", "Oasis", "Tafilalet"], ["Distribution", "Équipements", "Services", "Négoce", "Travaux"]),
}
NAME_WORDS["us"] = NAME_WORDS["gb"] = NAME_WORDS["ie"] = NAME_WORDS["en"]


def company(rng, cc, kind="generic", avoid=()):
    for _ in range(20):
        n = _company(rng, cc, kind)
        if n not in avoid and not any(n.split()[-1] == a.split()[-1] and n.split()[0] == a.split()[0] for a in avoid):
            return n
    return n


def _company(rng, cc, kind):
    a, b = NAME_WORDS.get(cc, NAME_WORDS["en"])
    suf = LOC[cc]["suffix"]
    if kind == "law":
        sn = ["Harrington", "Vale", "Okafor", "Mensah", "Patel", "Whitmore", "Lindqvist", "Tan", "Kimani", "Osei", "Brennan", "Castell"]
        x, y = rng.sample(sn, 2)
        if cc == "de":
            return f"{rng.choice(['Krüger', 'Hoffmann', 'Weber', 'Schäfer'])} & {rng.choice(['Lang', 'Brandt', 'Vogel'])} Rechtsanwälte PartG mbB"
        return rng.choice([f"{x} & {y} LLP", f"{x} {y} & Partners", f"{x} & {y} Solicitors", f"{x} Advisory {rng.choice(suf or ['Ltd'])}"])
    if kind == "repair":
        if cc == "de":
            return f"Kfz-Meisterbetrieb {rng.choice(a)} {rng.choice(['GmbH', 'e.K.'])}"
        if cc == "fr":
            return f"Garage {rng.choice(a)} {rng.choice(['SARL', 'SAS'])}"
        return rng.choice([f"{rng.choice(a)} Auto Repair {rng.choice(suf)}", f"{rng.choice(a)} Motors Service Centre {rng.choice(suf)}",
                           f"{rng.choice(a)} Appliance Service {rng.choice(suf)}", f"{rng.choice(a)} Garage {rng.choice(suf)}"])
    if cc == "id":
        w = rng.sample(a, 2)
        return rng.choice(["PT ", "PT ", "CV "]) + " ".join(w) + rng.choice(["", "", " Tbk"] if True else [""])
    if cc == "vn":
        n_ = rng.choice(["Công ty TNHH ", "Công ty Cổ phần "]) + rng.choice(b) + " " + rng.choice(a)
        return n_.upper() if rng.random() < 0.5 else n_
    if cc in ("de", "nl") and rng.random() < 0.4:
        return f"{rng.choice(a)} {rng.choice(b)} {rng.choice(suf)}"
    if cc == "fr" or cc == "ma":
        return f"{rng.choice(['Société ', '', ''])}{rng.choice(a)} {rng.choice(b)} {rng.choice(suf)}"
    return f"{rng.choice(a)} {rng.choice(b)} {rng.choice(suf)}".strip()


def address(rng, cc):
    L = LOC[cc]
    st = rng.choice(L["streets"])
    if cc in ("us", "gb", "ie", "ph", "ke", "ng", "gh"):
        line = f"{rng.randint(2, 980)} {st}"
    elif cc in ("de", "nl", "es", "my", "ma", "fr"):
        line = f"{st} {rng.randint(2, 180)}" if cc != "fr" else f"{rng.randint(2, 180)} {st}"
        if cc == "ma":
            line = f"{rng.randint(2, 180)}, {st}"
    elif cc in ("sg", "kr", "tw", "hk"):
        line = f"{rng.randint(2, 400)} {st}" + (f", #{rng.randint(2, 19):02d}-{rng.randint(1, 30):02d}" if cc == "sg" else "")
    else:
        line = st
    lines = [line, rng.choice(L["cities"])]
    if cc == "ke":
        lines[1] = f"P.O. Box {rng.randint(100, 99999)}-{rng.choice(['00100', '80100', '20100'])} {lines[1]}"
    return lines


def tax_ids(rng, cc):
    r = rng
    if cc == "us":
        return [f"EIN {_digits(r, 2)}-{_digits(r, 7)}"] if r.random() < 0.4 else []
    if cc == "gb":
        return [f"VAT Reg. No. GB {_digits(r, 3)} {_digits(r, 4)} {_digits(r, 2)}"] + ([f"Company No. {_digits(r, 8)}"] if r.random() < 0.5 else [])
    if cc == "ie":
        return [f"VAT No. IE{_digits(r, 7)}{r.choice('ABCDTW')}"]
    if cc == "sg":
        return [f"GST Reg. No. {r.choice(['M2', 'M9', '20'])}-{_digits(r, 7)}-{r.randint(0, 9)}", f"UEN {r.randint(2005, 2023)}{_digits(r, 5)}{r.choice('KMNRWZ')}"]
    if cc == "hk":
        return [f"BR No. {_digits(r, 8)}"]
    if cc == "kr":
        return [f"Business Reg. No. {_digits(r, 3)}-{_digits(r, 2)}-{_digits(r, 5)}"]
    if cc == "jp":
        return [f"Registration No. T{_digits(r, 13)}"]
    if cc == "tw":
        return [f"Unified Business No. {_digits(r, 8)}"]
    if cc == "de":
        return [f"USt-IdNr. DE{_digits(r, 9)}"] + ([f"HRB {_digits(r, 5)} Amtsgericht {r.choice(['München', 'Köln', 'Leipzig'])}"] if r.random() < 0.5 else [])
    if cc == "fr":
        return [f"SIRET {_digits(r, 3)} {_digits(r, 3)} {_digits(r, 3)} {_digits(r, 5)}", f"TVA intracom. FR{_digits(r, 2)} {_digits(r, 9)}"]
    if cc == "nl":
        return [f"BTW-nr. NL{_digits(r, 9)}B01", f"KvK {_digits(r, 8)}"]
    if cc == "es":
        return [f"CIF {r.choice('ABF')}{_digits(r, 8)}"]
    if cc == "id":
        return [r.choice([f"NPWP: {_digits(r, 2)}.{_digits(r, 3)}.{_digits(r, 3)}.{_digits(r, 1)}-{_digits(r, 3)}.000",
                          f"NPWP: {_digits(r, 4)} {_digits(r, 4)} {_digits(r, 4)} {_digits(r, 4)}"])]
    if cc == "my":
        return [f"({r.randint(2001, 2022)}{_digits(r, 8)} ({_digits(r, 7)}-{r.choice('AHKPUVW')}))", f"SST No. W10-{_digits(r, 4)}-{_digits(r, 8)}"]
    if cc == "vn":
        return [f"Mã số thuế: {_digits(r, 10)}"]
    if cc == "ph":
        return [f"VAT Reg. TIN: {_digits(r, 3)}-{_digits(r, 3)}-{_digits(r, 3)}-{_digits(r, 5)}"]
    if cc == "ke":
        return [f"KRA PIN: P{_digits(r, 9)}{r.choice('ABCDKLMNPQRSTXYZ')}"]
    if cc == "ng":
        return [f"RC {_digits(r, 7)}", f"TIN: {_digits(r, 8)}-0001"]
    if cc == "gh":
        return [f"TIN: C{_digits(r, 10)}"]
    if cc == "ma":
        return [f"ICE : {_digits(r, 15)}", f"IF : {_digits(r, 8)} - RC : {_digits(r, 6)} - Patente : {_digits(r, 8)}"]
    return []


def phone(rng, cc):
    pre = {"us": "+1", "gb": "+44", "ie": "+353", "sg": "+65", "hk": "+852", "kr": "+82", "jp": "+81", "tw": "+886", "de": "+49",
           "fr": "+33", "nl": "+31", "es": "+34", "id": "+62", "my": "+60", "vn": "+84", "ph": "+63", "ke": "+254", "ng": "+234",
           "gh": "+233", "ma": "+212"}[cc]
    return f"{pre} {_digits(rng, 2)} {_digits(rng, 4)} {_digits(rng, 4)}"


# ----------------------------------------------------------------------------- labels

def _L(**kw):
    return {k: v.split("|") for k, v in kw.items()}


LBL = {
    "en": _L(inv="INVOICE|TAX INVOICE|Invoice|SALES INVOICE", credit="CREDIT NOTE|Credit Memo|CREDIT NOTE",
             proforma="PROFORMA INVOICE|Pro Forma Invoice|PRO-FORMA INVOICE", quote="QUOTATION|Quote|ESTIMATE",
             no="Invoice No.|Invoice #|Invoice Number|Invoice no:|No.", no_credit="Credit Note No.|Credit Memo #|CN No.|Number",
             no_proforma="Proforma No.|Pro Forma #|Number", no_quote="Quote No.|Quotation #|Estimate #|No.",
             date="Date|Invoice Date|Date of Issue|Issue Date", due="Due Date|Payment Due|Due", valid="Valid Until|Expiry Date|Valid to",
             billto="Bill To|Billed To|Customer|Invoice To|Sold To", shipto="Ship To|Deliver To|Delivery Address", frm="From|Supplier|Seller",
             desc="Description|Item|Details|Particulars", qty="Qty|Quantity|QTY", unit="Unit|UoM", price="Unit Price|Rate|Price|Unit Cost",
             amount="Amount|Line Total|Total|Net Amount", code="Code|Item Code|Part No.|SKU", no_col="#|No.|Line",
             subtotal="Subtotal|Sub-total|Net Total|Total before tax", total="Total|TOTAL|Grand Total|Invoice Total|Total Amount",
             total_credit="Total Credit|Credit Total|Total", balance="Balance Due|Amount Due|Balance Outstanding|Amount Payable",
             deposit="Less: Deposit paid|Deposit received|Less advance payment", paid="Payment received|Less: Payment|Paid",
             terms="Terms|Payment Terms", terms_v="Net 30|Net 14|Due on receipt|30 days", po="PO Number|PO #|Purchase Order|Your Ref.",
             cust_no="Customer No.|Account No.|Client ID", page="Page {p} of {n}|Page {p}/{n}|{p} / {n}", cont="Continued on next page|continued ...",
             taxcol="Tax|VAT|Tax Amt", taxrate="Tax %|Rate", gross="Gross|Total incl. tax|Gross Amount", net="Net|Net Amount|Amount",
             words="Amount in words|In words|Say", thanks="Thank you for your business.|We appreciate your business!|Thank you.",
             bank="Bank|Bank details|Remit to", ref_inv="Original Invoice|Ref. Invoice|Against Invoice", reason="Reason|Reason for credit",
             hours="Hours|Hrs|Time", rate="Rate|Hourly Rate", parts="PARTS|Parts", labour="LABOUR|Labor|LABOR|Labour",
             shop="Shop supplies|Shop Supplies|Sundries", env="Environmental fee|Waste disposal fee|Env. / disposal fee",
             delivery="Delivery charge|Freight|Delivery|Fuel surcharge", currency="Currency", seller="Seller|Supplier", buyer="Buyer|Customer"),
    "de": _L(inv="RECHNUNG|Rechnung", credit="GUTSCHRIFT|Gutschrift|RECHNUNGSKORREKTUR", proforma="PROFORMA-RECHNUNG|Proformarechnung",
             quote="ANGEBOT|Angebot|KOSTENVORANSCHLAG", no="Rechnungsnummer|Rechnung Nr.|Rechnungs-Nr.|Beleg-Nr.",
             no_credit="Gutschrift Nr.|Gutschriftsnummer|Beleg-Nr.", no_proforma="Proforma-Nr.|Nummer", no_quote="Angebotsnummer|Angebot Nr.|Nummer",
             date="Rechnungsdatum|Datum|Belegdatum", due="Fällig am|Zahlbar bis|Fälligkeit", valid="Gültig bis|Bindefrist",
             billto="Rechnungsempfänger|Kunde|Rechnungsadresse", shipto="Lieferanschrift|Lieferadresse", frm="Von|Absender|Lieferant",
             desc="Bezeichnung|Beschreibung|Artikel|Leistung", qty="Menge|Anz.|Anzahl", unit="Einheit|ME", price="Einzelpreis|E-Preis|Preis/Einh.",
             amount="Betrag|Gesamt|Gesamtpreis|Summe", code="Art.-Nr.|Artikelnr.|Teile-Nr.", no_col="Pos.|Nr.",
             subtotal="Nettobetrag|Zwischensumme|Summe netto|Gesamt netto", total="Gesamtbetrag|Rechnungsbetrag|Bruttobetrag|Gesamtsumme",
             total_credit="Gutschriftsbetrag|Gesamtbetrag", balance="Restbetrag|Offener Betrag|Noch zu zahlen|Zahlbetrag",
             deposit="abzgl. Anzahlung|Abzüglich Anzahlung|Erhaltene Anzahlung", paid="Zahlung erhalten|abzgl. Zahlung|Bereits bezahlt",
             terms="Zahlungsbedingungen|Zahlungsziel", terms_v="14 Tage netto|30 Tage ohne Abzug|sofort ohne Abzug",
             po="Bestellnummer|Ihre Bestellung|Ihr Zeichen", cust_no="Kundennummer|Kunden-Nr.", page="Seite {p} von {n}|Seite {p}/{n}",
             cont="Fortsetzung auf der nächsten Seite|Übertrag ...", taxcol="MwSt.|USt.", taxrate="MwSt. %|USt-Satz", gross="Brutto|Gesamt brutto",
             net="Netto|Betrag netto", words="In Worten", thanks="Vielen Dank für Ihren Auftrag.|Wir danken für Ihren Auftrag.",
             bank="Bankverbindung|Bank", ref_inv="Zu Rechnung|Bezug: Rechnung|Ursprungsrechnung", reason="Grund|Anlass",
             hours="Stunden|Std.", rate="Stundensatz|Satz", parts="ERSATZTEILE|Teile|Material", labour="ARBEITSLOHN|Arbeitswerte|Lohn",
             shop="Kleinmaterial|Werkstattbedarf", env="Entsorgungspauschale|Altöl-/Entsorgungsgebühr", delivery="Anfahrt|Lieferpauschale|Fracht",
             currency="Währung", seller="Verkäufer|Lieferant", buyer="Käufer|Kunde"),
    "fr": _L(inv="FACTURE|Facture", credit="AVOIR|Facture d'avoir|NOTE DE CRÉDIT", proforma="FACTURE PROFORMA|Facture pro forma",
             quote="DEVIS|Devis", no="N° de facture|Facture n°|Numéro|N°", no_credit="Avoir n°|N° d'avoir|Numéro", no_proforma="Proforma n°|Numéro",
             no_quote="Devis n°|N° de devis|Numéro", date="Date|Date de facture|Date d'émission|Le", due="Échéance|Date d'échéance|À payer avant le",
             valid="Valable jusqu'au|Validité", billto="Client|Facturé à|Adressé à|Destinataire", shipto="Livré à|Adresse de livraison",
             frm="Émetteur|De|Fournisseur", desc="Désignation|Description|Libellé", qty="Qté|Quantité", unit="Unité|U.",
             price="P.U. HT|Prix unitaire|PU HT", amount="Montant HT|Total HT|Montant", code="Réf.|Référence|Code",
             no_col="N°|Ligne", subtotal="Total HT|Sous-total HT|Montant HT", total="Total TTC|Montant TTC|TOTAL TTC",
             total_credit="Total avoir TTC|Total TTC", balance="Reste à payer|Solde dû|Net à payer", deposit="Acompte versé|Acompte reçu|Déduction acompte",
             paid="Règlement reçu|Déjà réglé|Paiement reçu", terms="Conditions de paiement|Règlement", terms_v="30 jours fin de mois|À réception|45 jours",
             po="Bon de commande|Votre commande|Réf. client", cust_no="N° client|Code client", page="Page {p}/{n}|Page {p} sur {n}",
             cont="Suite page suivante|À reporter ...", taxcol="TVA|Montant TVA", taxrate="Taux TVA|TVA %", gross="TTC|Montant TTC", net="HT|Montant HT",
             words="Arrêtée la présente facture à la somme de", thanks="Merci de votre confiance.|Nous vous remercions de votre confiance.",
             bank="Coordonnées bancaires|RIB|Banque", ref_inv="Facture d'origine|Réf. facture|Sur facture", reason="Motif|Objet",
             hours="Heures|H", rate="Taux horaire|Taux", parts="PIÈCES|Pièces", labour="MAIN-D'ŒUVRE|Main d'œuvre",
             shop="Ingrédients / petites fournitures|Petites fournitures", env="Éco-participation|Traitement des déchets",
             delivery="Frais de livraison|Transport|Port", currency="Devise", seller="Vendeur|Fournisseur", buyer="Acheteur|Client"),
    "nl": _L(inv="FACTUUR|Factuur", credit="CREDITNOTA|Creditfactuur", proforma="PRO FORMA FACTUUR|Proformafactuur", quote="OFFERTE|Offerte",
             no="Factuurnummer|Factuurnr.|Nummer", no_credit="Creditnota nr.|Nummer", no_proforma="Proforma nr.|Nummer", no_quote="Offertenummer|Offerte nr.",
             date="Factuurdatum|Datum", due="Vervaldatum|Te betalen voor", valid="Geldig tot", billto="Klant|Factuuradres|Aan",
             shipto="Afleveradres", frm="Van|Leverancier", desc="Omschrijving|Artikel", qty="Aantal|Aant.", unit="Eenheid",
             price="Prijs|Stukprijs|Eenheidsprijs", amount="Bedrag|Totaal", code="Art.nr.|Code", no_col="Nr.|#",
             subtotal="Subtotaal|Totaal excl. btw", total="Totaal|Totaal incl. btw|Factuurbedrag", total_credit="Totaal creditnota|Totaal",
             balance="Te betalen|Openstaand saldo|Nog te betalen", deposit="Aanbetaling|Reeds aanbetaald", paid="Ontvangen betaling|Betaald",
             terms="Betalingstermijn|Betaalvoorwaarden", terms_v="14 dagen|30 dagen", po="Uw referentie|Inkoopordernr.", cust_no="Klantnummer|Debiteurnr.",
             page="Pagina {p} van {n}|Blad {p}/{n}", cont="Vervolg op volgende pagina", taxcol="BTW|Btw-bedrag", taxrate="BTW %|Tarief",
             gross="Bruto|Incl. btw", net="Netto|Excl. btw", words="In woorden", thanks="Bedankt voor uw opdracht.", bank="Bankgegevens|IBAN",
             ref_inv="Betreft factuur|Originele factuur", reason="Reden", hours="Uren", rate="Uurtarief|Tarief", parts="ONDERDELEN|Onderdelen",
             labour="ARBEIDSLOON|Arbeid", shop="Klein materiaal", env="Milieutoeslag|Afvalverwerking", delivery="Bezorgkosten|Vracht|Toeslag",
             currency="Valuta", seller="Verkoper", buyer="Koper"),
    "es": _L(inv="FACTURA|Factura", credit="FACTURA RECTIFICATIVA|Nota de crédito|ABONO", proforma="FACTURA PROFORMA|Factura proforma",
             quote="PRESUPUESTO|Presupuesto", no="Nº de factura|Factura nº|Número|Nº", no_credit="Nº rectificativa|Número", no_proforma="Proforma nº|Número",
             no_quote="Presupuesto nº|Número", date="Fecha|Fecha de emisión|Fecha factura", due="Vencimiento|Fecha de vencimiento",
             valid="Válido hasta|Validez", billto="Cliente|Facturar a|Datos del cliente", shipto="Enviar a|Dirección de entrega",
             frm="Emisor|Proveedor|De", desc="Concepto|Descripción|Artículo", qty="Cant.|Cantidad|Uds.", unit="Unidad|Ud.",
             price="Precio|Precio unit.|P. unitario", amount="Importe|Total", code="Ref.|Código", no_col="Nº|Línea",
             subtotal="Base imponible|Subtotal|Importe neto", total="Total|Total factura|TOTAL", total_credit="Total rectificado|Total",
             balance="Pendiente de pago|Saldo pendiente|A pagar", deposit="Anticipo recibido|Menos anticipo|Entrega a cuenta",
             paid="Pago recibido|Cobrado", terms="Forma de pago|Condiciones de pago", terms_v="Transferencia 30 días|Al contado|60 días",
             po="Su pedido|Nº pedido", cust_no="Nº cliente|Código cliente", page="Página {p} de {n}|Pág. {p}/{n}", cont="Continúa en la página siguiente|Suma y sigue ...",
             taxcol="IVA|Cuota IVA", taxrate="% IVA|Tipo", gross="Total|Importe con IVA", net="Neto|Base", words="Son",
             thanks="Gracias por su confianza.", bank="Datos bancarios|IBAN", ref_inv="Factura rectificada|Factura original", reason="Motivo",
             hours="Horas", rate="Tarifa|Precio/hora", parts="RECAMBIOS|Piezas", labour="MANO DE OBRA|Mano de obra", shop="Material diverso",
             env="Tasa medioambiental|Gestión de residuos", delivery="Portes|Transporte|Recargo", currency="Moneda", seller="Vendedor", buyer="Comprador"),
    "id": _L(inv="FAKTUR|INVOICE|Faktur Penjualan", credit="NOTA KREDIT|Nota Retur", proforma="FAKTUR PROFORMA|PROFORMA INVOICE",
             quote="PENAWARAN HARGA|Surat Penawaran", no="No. Faktur|Nomor Faktur|No. Invoice|Nomor", no_credit="No. Nota Kredit|Nomor",
             no_proforma="No. Proforma|Nomor", no_quote="No. Penawaran|Nomor", date="Tanggal|Tanggal Faktur|Tgl.", due="Jatuh Tempo|Tgl. Jatuh Tempo",
             valid="Berlaku sampai", billto="Kepada Yth.|Ditagihkan kepada|Pelanggan|Pembeli", shipto="Dikirim ke|Alamat Pengiriman",
             frm="Dari|Penjual", desc="Keterangan|Nama Barang|Uraian|Deskripsi", qty="Kuantitas|Qty|Banyaknya", unit="Satuan|Sat.",
             price="Harga Satuan|Harga|@ Harga", amount="Jumlah|Total Harga|Jumlah (Rp)", code="Kode|Kode Barang", no_col="No.|No",
             subtotal="Subtotal|Jumlah|Dasar Pengenaan Pajak", total="Total|Grand Total|Total Tagihan|Jumlah Tagihan",
             total_credit="Total Nota Kredit|Total", balance="Sisa Tagihan|Sisa Pembayaran|Kurang Bayar", deposit="Uang Muka (DP)|Dikurangi Uang Muka|DP Diterima",
             paid="Pembayaran diterima|Sudah dibayar", terms="Syarat Pembayaran|Termin", terms_v="30 hari|14 hari|Tunai",
             po="No. PO|Nomor PO|No. Pesanan", cust_no="Kode Pelanggan|No. Pelanggan", page="Halaman {p} dari {n}|Hal. {p}/{n}",
             cont="Bersambung ke halaman berikutnya", taxcol="PPN|Pajak", taxrate="Tarif|PPN %", gross="Total + PPN|Jumlah Bruto", net="DPP|Jumlah",
             words="Terbilang", thanks="Terima kasih atas kepercayaan Anda.", bank="Rekening Bank|Pembayaran ke", ref_inv="Atas Faktur|Ref. Faktur",
             reason="Alasan", hours="Jam", rate="Tarif", parts="SUKU CADANG|Suku Cadang", labour="JASA|Ongkos Kerja", shop="Bahan habis pakai",
             env="Biaya limbah", delivery="Ongkos Kirim|Biaya Pengiriman", currency="Mata Uang", seller="Penjual", buyer="Pembeli"),
    "ms": _L(inv="INVOIS|INVOIS CUKAI|Invois", credit="NOTA KREDIT", proforma="INVOIS PROFORMA", quote="SEBUT HARGA|Sebut Harga",
             no="No. Invois|Nombor Invois|No. Rujukan Invois", no_credit="No. Nota Kredit|Nombor", no_proforma="No. Proforma", no_quote="No. Sebut Harga",
             date="Tarikh|Tarikh Invois", due="Tarikh Akhir Bayaran|Tarikh Matang", valid="Sah sehingga", billto="Kepada|Pelanggan|Dibilkan kepada",
             shipto="Dihantar ke|Alamat Penghantaran", frm="Daripada|Penjual", desc="Perihal|Butiran|Keterangan", qty="Kuantiti|Kuan.",
             unit="Unit", price="Harga Seunit|Harga", amount="Jumlah|Amaun|Jumlah (RM)", code="Kod|Kod Item", no_col="Bil.|No.",
             subtotal="Jumlah Kecil|Jumlah Sebelum Cukai", total="Jumlah Besar|Jumlah Keseluruhan|JUMLAH", total_credit="Jumlah Kredit|Jumlah",
             balance="Baki Perlu Dibayar|Baki Tertunggak", deposit="Tolak: Deposit|Deposit diterima", paid="Bayaran diterima|Tolak: Bayaran",
             terms="Terma Pembayaran|Terma", terms_v="30 hari|Tunai|14 hari", po="No. Pesanan Belian|No. PO", cust_no="Kod Pelanggan|No. Akaun",
             page="Muka surat {p} daripada {n}|Mukasurat {p}/{n}", cont="Bersambung di muka surat berikut", taxcol="Cukai|SST", taxrate="Kadar",
             gross="Jumlah termasuk cukai", net="Jumlah", words="Ringgit Malaysia", thanks="Terima kasih atas sokongan anda.",
             bank="Maklumat Bank|Bayaran kepada", ref_inv="Rujukan Invois|Invois Asal", reason="Sebab", hours="Jam", rate="Kadar",
             parts="ALAT GANTI", labour="UPAH", shop="Bahan bengkel", env="Caj pelupusan", delivery="Caj Penghantaran|Pengangkutan",
             currency="Mata Wang", seller="Penjual|Pembekal", buyer="Pembeli"),
    "vi": _L(inv="HÓA ĐƠN GIÁ TRỊ GIA TĂNG|HÓA ĐƠN BÁN HÀNG", credit="HÓA ĐƠN ĐIỀU CHỈNH GIẢM", proforma="HÓA ĐƠN CHIẾU LỆ",
             quote="BẢNG BÁO GIÁ", no="Số|Số hóa đơn", no_credit="Số", no_proforma="Số", no_quote="Số",
             date="Ngày lập|Ngày", due="Hạn thanh toán", valid="Hiệu lực đến", billto="Tên đơn vị|Đơn vị mua hàng|Người mua hàng",
             shipto="Địa chỉ giao hàng", frm="Đơn vị bán hàng|Người bán", desc="Tên hàng hóa, dịch vụ|Tên hàng hóa", qty="Số lượng|SL",
             unit="Đơn vị tính|ĐVT", price="Đơn giá", amount="Thành tiền", code="Mã hàng", no_col="STT",
             subtotal="Cộng tiền hàng|Tổng tiền hàng", total="Tổng cộng tiền thanh toán|Tổng tiền thanh toán", total_credit="Tổng cộng",
             balance="Còn phải thanh toán", deposit="Đã tạm ứng", paid="Đã thanh toán", terms="Hình thức thanh toán", terms_v="TM/CK|Chuyển khoản",
             po="Số đơn hàng", cust_no="Mã khách hàng", page="Trang {p}/{n}", cont="Tiếp theo trang sau", taxcol="Tiền thuế", taxrate="Thuế suất",
             gross="Tổng cộng", net="Thành tiền", words="Số tiền viết bằng chữ", thanks="Cảm ơn quý khách.", bank="Số tài khoản",
             ref_inv="Hóa đơn gốc", reason="Lý do", hours="Giờ", rate="Đơn giá", parts="PHỤ TÙNG", labour="NHÂN CÔNG", shop="Vật tư phụ",
             env="Phí môi trường", delivery="Phí vận chuyển", currency="Đơn vị tiền tệ", seller="Đơn vị bán hàng", buyer="Đơn vị mua hàng"),
}


class Labels:
    def __init__(self, lang, rng):
        self.d, self.rng, self.cache = LBL[lang], rng, {}

    def __call__(self, key):
        if key not in self.cache:
            opts = self.d.get(key) or LBL["en"][key]
            self.cache[key] = self.rng.choice(opts)
        return self.cache[key]


# ----------------------------------------------------------------------------- item pools
# (description, unit, low, high) prices in USD-equivalents

GEN = {
    "en": [("Office chair, ergonomic mesh back with lumbar support", "pcs", 120, 260), ("A4 copy paper 80 g/m2, box of 5 reams", "box", 18, 32),
           ("Network switch 24-port gigabit managed", "pcs", 180, 420), ("Installation and configuration of wireless access points", "h", 60, 110),
           ("Monthly cleaning service for office premises", "month", 300, 900), ("LED panel light 600 x 600 mm 40 W", "pcs", 25, 60),
           ("Toner cartridge black, high yield", "pcs", 60, 140), ("Website maintenance and security updates", "month", 150, 450),
           ("Steel shelving unit, 5 tiers", "pcs", 90, 190), ("Training workshop, half day, up to 12 participants", "day", 500, 1200),
           ("Safety gloves nitrile size L (box of 100)", "box", 9, 20), ("Laptop docking station USB-C", "pcs", 120, 260),
           ("Consulting services", "h", 80, 160), ("Printed brochures A5, 4 pages, full colour", "lot", 40, 90),
           ("Cable ties 300 mm black (pack of 100)", "pack", 4, 9), ("Hand sanitiser 5 litre refill", "pcs", 15, 35),
           ("Annual software licence renewal", "pcs", 200, 900), ("Conference room rental", "day", 150, 450),
           ("Stainless steel bolts M8 x 40 (100 pcs)", "box", 12, 28), ("Solar panel 400 W monocrystalline", "pcs", 140, 260),
           ("Cement CEM II 42.5N, 50 kg bag", "bag", 7, 12), ("Borehole pump servicing and pressure test", "job", 180, 420),
           ("Uninterruptible power supply 1500 VA", "pcs", 160, 320), ("Security guard services, night shift", "shift", 45, 90)],
    "de": [("Bürostuhl ergonomisch mit Lordosenstütze", "Stk.", 120, 260), ("Kopierpapier A4 80 g/m2, Karton à 5 Pakete", "Ktn.", 18, 32),
           ("Installation und Konfiguration der WLAN-Zugangspunkte", "Std.", 60, 110), ("Monatliche Unterhaltsreinigung Büroflächen", "Monat", 300, 900),
           ("LED-Panel 62 x 62 cm 40 W neutralweiß", "Stk.", 25, 60), ("Tonerkartusche schwarz, hohe Reichweite", "Stk.", 60, 140),
           ("Wartung Webseite und Sicherheitsupdates", "Monat", 150, 450), ("Schwerlastregal verzinkt, 5 Böden", "Stk.", 90, 190),
           ("Schulung Arbeitssicherheit, halbtägig", "Tag", 500, 1200), ("Einmalhandschuhe Nitril Gr. L (100 Stück)", "Pkt.", 9, 20),
           ("Dockingstation USB-C", "Stk.", 120, 260), ("Beratungsleistung Projektmanagement", "Std.", 80, 160),
           ("Flyer DIN A5 beidseitig farbig", "Aufl.", 40, 90), ("Softwarelizenz Jahresverlängerung", "Stk.", 200, 900),
           ("Edelstahlschrauben M8 x 40 (100 Stück)", "Pkt.", 12, 28), ("Besprechungsraum Tagesmiete", "Tag", 150, 450)],
    "fr": [("Fauteuil de bureau ergonomique avec soutien lombaire", "u", 120, 260), ("Ramette papier A4 80 g, carton de 5", "carton", 18, 32),
           ("Installation et paramétrage des bornes Wi-Fi", "h", 60, 110), ("Prestation de nettoyage mensuelle des bureaux", "mois", 300, 900),
           ("Dalle LED 60 x 60 cm 40 W", "u", 25, 60), ("Cartouche de toner noir haute capacité", "u", 60, 140),
           ("Maintenance du site internet et mises à jour", "mois", 150, 450), ("Rayonnage métallique 5 tablettes", "u", 90, 190),
           ("Formation sécurité au travail, demi-journée", "jour", 500, 1200), ("Gants nitrile taille L, boîte de 100", "boîte", 9, 20),
           ("Station d'accueil USB-C", "u", 120, 260), ("Conseil en organisation", "h", 80, 160), ("Dépliants A5 quadrichromie", "lot", 40, 90),
           ("Renouvellement licence logicielle annuelle", "u", 200, 900), ("Carreaux céramique 60 x 60 cm", "m2", 12, 30),
           ("Ciment CPJ 45, sac de 50 kg", "sac", 7, 12), ("Onduleur 1500 VA", "u", 160, 320)],
    "nl": [("Bureaustoel ergonomisch met lendensteun", "st", 120, 260), ("Kopieerpapier A4 80 g, doos met 5 pakken", "doos", 18, 32),
           ("Installatie en configuratie wifi-accesspoints", "uur", 60, 110), ("Maandelijkse schoonmaak kantoorruimte", "mnd", 300, 900),
           ("LED-paneel 60 x 60 cm 40 W", "st", 25, 60), ("Tonercartridge zwart, hoge capaciteit", "st", 60, 140),
           ("Onderhoud website en beveiligingsupdates", "mnd", 150, 450), ("Stellingkast staal 5 legborden", "st", 90, 190),
           ("Training veilig werken, halve dag", "dag", 500, 1200), ("Nitril handschoenen maat L (100 stuks)", "doos", 9, 20),
           ("Dockingstation USB-C", "st", 120, 260), ("Adviesuren projectbegeleiding", "uur", 80, 160), ("Folders A5 full colour", "oplage", 40, 90),
           ("Jaarlicentie software verlenging", "st", 200, 900)],
    "es": [("Silla de oficina ergonómica con soporte lumbar", "ud", 120, 260), ("Papel A4 80 g, caja de 5 paquetes", "caja", 18, 32),
           ("Instalación y configuración de puntos de acceso wifi", "h", 60, 110), ("Servicio mensual de limpieza de oficinas", "mes", 300, 900),
           ("Panel LED 60 x 60 cm 40 W", "ud", 25, 60), ("Cartucho de tóner negro alta capacidad", "ud", 60, 140),
           ("Mantenimiento web y actualizaciones de seguridad", "mes", 150, 450), ("Estantería metálica de 5 baldas", "ud", 90, 190),
           ("Curso de prevención de riesgos, media jornada", "jornada", 500, 1200), ("Guantes de nitrilo talla L (caja de 100)", "caja", 9, 20),
           ("Base de conexión USB-C", "ud", 120, 260), ("Consultoría de gestión", "h", 80, 160), ("Folletos A5 a todo color", "lote", 40, 90),
           ("Renovación anual de licencia de software", "ud", 200, 900)],
    "id": [("Kursi kantor ergonomis sandaran jaring", "unit", 60, 160), ("Kertas HVS A4 80 gram (1 dus isi 5 rim)", "dus", 15, 25),
           ("Jasa instalasi dan konfigurasi access point", "jam", 20, 50), ("Jasa kebersihan kantor bulanan", "bulan", 150, 500),
           ("Lampu panel LED 60 x 60 40 watt", "pcs", 15, 40), ("Toner printer hitam kapasitas tinggi", "pcs", 40, 90),
           ("Pemeliharaan website dan pembaruan keamanan", "bulan", 80, 250), ("Rak besi 5 susun", "unit", 50, 120),
           ("Pelatihan keselamatan kerja setengah hari", "hari", 300, 800), ("Sarung tangan nitril ukuran L (isi 100)", "box", 6, 14),
           ("Semen Portland 50 kg", "sak", 4, 7), ("Jasa konsultasi manajemen", "jam", 40, 120), ("Cetak brosur A5 full color", "rim", 30, 70),
           ("Perpanjangan lisensi perangkat lunak tahunan", "lisensi", 150, 600), ("Air mineral galon 19 liter", "galon", 1, 3)],
    "ms": [("Kerusi pejabat ergonomik dengan sokongan lumbar", "unit", 80, 200), ("Kertas A4 80 gsm (kotak 5 rim)", "kotak", 15, 28),
           ("Kerja pemasangan dan konfigurasi titik akses WiFi", "jam", 30, 70), ("Perkhidmatan pembersihan pejabat bulanan", "bulan", 200, 700),
           ("Lampu panel LED 60 x 60 40W", "unit", 20, 50), ("Kartrij toner hitam kapasiti tinggi", "unit", 50, 120),
           ("Penyelenggaraan laman web dan kemas kini keselamatan", "bulan", 100, 350), ("Rak besi 5 tingkat", "unit", 70, 160),
           ("Latihan keselamatan pekerjaan separuh hari", "hari", 400, 1000), ("Sarung tangan nitril saiz L (kotak 100)", "kotak", 8, 18),
           ("Perkhidmatan perundingan", "jam", 60, 140), ("Cetakan risalah A5 berwarna", "lot", 35, 80), ("Pembaharuan lesen perisian tahunan", "lesen", 180, 800)],
    "vi": [("Ghế văn phòng công thái học lưới", "cái", 60, 160), ("Giấy in A4 Double A 80gsm", "ram", 3, 5),
           ("Dịch vụ lắp đặt và cấu hình bộ phát Wi-Fi", "giờ", 15, 40), ("Dịch vụ vệ sinh văn phòng hằng tháng", "tháng", 150, 500),
           ("Đèn LED panel 600 x 600 40W", "bộ", 15, 40), ("Hộp mực in laser màu đen", "hộp", 30, 80), ("Bảo trì website và cập nhật bảo mật", "tháng", 80, 250),
           ("Kệ sắt 5 tầng", "cái", 40, 110), ("Đào tạo an toàn lao động nửa ngày", "buổi", 200, 600), ("Găng tay nitrile size L (hộp 100 chiếc)", "hộp", 5, 12),
           ("Cáp mạng Cat6 UTP", "thùng", 60, 120), ("Dịch vụ tư vấn phần mềm", "giờ", 30, 90), ("Máy lọc nước RO 10 lõi", "cái", 150, 320),
           ("Bảo dưỡng hệ thống điều hòa không khí", "lần", 40, 120)],
}
GEN["ms_en"] = GEN["en"]

REPAIR = {
    "en": (["Brake pad set, front|BP-4471|35|90", "Brake disc 280 mm|BD-2803|40|95", "Oil filter|OF-115|6|18", "Engine oil 5W-30 synthetic (litre)|OIL-530|7|14",
            "Air filter element|AF-332|12|35", "Cabin filter, activated carbon|CF-210|15|40", "Spark plug iridium|SP-IR7|9|22", "Wiper blade 600 mm|WB-600|12|28",
            "Serpentine belt|SB-6PK1|25|60", "Coolant concentrate G12 (litre)|CL-G12|6|14", "Battery 12 V 70 Ah AGM|BAT-70|140|260",
            "Wheel bearing kit, rear left|WBK-118|60|140", "Drain plug washer|DW-14|1|3"],
           ["Replace front brake pads and discs|1.2|2.0", "Engine oil and filter service|0.5|1.0", "Diagnostic scan and road test|0.5|1.0",
            "Replace serpentine belt and tensioner|1.0|2.5", "Replace rear wheel bearing|1.5|2.5", "Coolant flush and pressure test|0.8|1.5",
            "Four-wheel alignment|0.8|1.2", "Replace spark plugs|0.6|1.5", "Battery test and replacement|0.3|0.6"]),
    "appl": (["Drain pump assembly|DP-2210|45|95", "Door gasket|DG-0871|30|70", "Heating element 2000 W|HE-2000|40|85", "Control board, main|CB-5513|120|260",
              "Water inlet valve|WV-330|25|55", "Carbon brushes (pair)|CB-12|15|30", "Drum bearing kit|DBK-6205|35|80"],
             ["Call-out and diagnosis|0.5|1.0", "Replace drain pump and test cycle|0.8|1.5", "Replace door gasket|0.6|1.2",
              "Replace control board and update firmware|1.0|1.8", "Replace drum bearings|2.0|3.5"]),
    "de": (["Bremsbelagsatz vorne|BB-4471|35|90", "Bremsscheibe 280 mm|BS-2803|40|95", "Ölfilter|OF-115|6|18", "Motoröl 5W-30 vollsynthetisch (Liter)|OEL-530|7|14",
            "Luftfilter|LF-332|12|35", "Innenraumfilter Aktivkohle|IF-210|15|40", "Zündkerze Iridium|ZK-IR7|9|22", "Wischerblatt 600 mm|WB-600|12|28",
            "Keilrippenriemen|KR-6PK1|25|60", "Kühlerfrostschutz G12 (Liter)|KF-G12|6|14", "Starterbatterie 12 V 70 Ah AGM|BAT-70|140|260"],
           ["Bremsbeläge und Bremsscheiben vorne erneuern|1.2|2.0", "Ölwechsel inkl. Filter|0.5|1.0", "Fehlerspeicher auslesen und Probefahrt|0.5|1.0",
            "Keilrippenriemen und Spanner ersetzen|1.0|2.5", "Radlager hinten links erneuern|1.5|2.5", "Kühlsystem spülen und abdrücken|0.8|1.5",
            "Achsvermessung|0.8|1.2", "Zündkerzen erneuern|0.6|1.5"]),
    "fr": (["Jeu de plaquettes de frein avant|PL-4471|35|90", "Disque de frein 280 mm|DF-2803|40|95", "Filtre à huile|FH-115|6|18",
            "Huile moteur 5W-30 synthèse (litre)|HM-530|7|14", "Filtre à air|FA-332|12|35", "Filtre habitacle charbon actif|FC-210|15|40",
            "Bougie d'allumage iridium|BG-IR7|9|22", "Balai d'essuie-glace 600 mm|BE-600|12|28", "Courroie d'accessoires|CA-6PK1|25|60",
            "Batterie 12 V 70 Ah AGM|BAT-70|140|260"],
           ["Remplacement plaquettes et disques avant|1.2|2.0", "Vidange huile moteur et filtre|0.5|1.0", "Diagnostic électronique et essai routier|0.5|1.0",
            "Remplacement courroie d'accessoires et galet|1.0|2.5", "Remplacement roulement de roue arrière gauche|1.5|2.5",
            "Purge du circuit de refroidissement|0.8|1.5", "Contrôle et réglage du parallélisme|0.8|1.2", "Remplacement des bougies|0.6|1.5"]),
}

PROF = {
    "en": (["Review and analyse draft share purchase agreement", "Telephone conference with client re disclosure schedule",
            "Draft letter to opposing counsel regarding discovery deadlines", "Research case law on limitation periods",
            "Prepare for and attend mediation session", "Revise board resolutions and circulate for signature",
            "Email correspondence with client re settlement terms", "Review documents produced by defendant",
            "Prepare first draft of witness statement", "Attend hearing at County Court", "Conference call with accountants re tax structuring",
            "Finalise engagement letter and conflict check", "Analyse market data and update financial model",
            "Workshop with management team on strategy options", "Prepare slide deck for steering committee", "Interview key stakeholders",
            "Review lease terms and prepare summary memo", "Prepare and file application with supporting affidavit",
            "Negotiate revised indemnity wording with counterparty", "Update data room index and respond to buyer queries"],
           ["Court filing fee|150|400", "Courier charges|15|60", "Companies registry search fees|10|40", "Travel, train fare to client site|60|220",
            "Photocopying and binding of trial bundles|40|180", "Land registry search|8|30", "Translation of exhibits|200|650", "Expert report fee (pass-through)|900|2500"]),
    "de": (["Prüfung des Vertragsentwurfs und Anmerkungen", "Telefonat mit Mandant zur Vergleichsbereitschaft", "Entwurf Schriftsatz an das Landgericht",
            "Recherche Rechtsprechung zur Verjährung", "Vorbereitung und Teilnahme am Gütetermin", "Besprechung mit der Geschäftsführung",
            "Prüfung der Unterlagen der Gegenseite", "Überarbeitung Gesellschafterbeschluss", "Korrespondenz mit Notariat",
            "Entwurf Arbeitsvertrag und Aufhebungsvereinbarung", "Analyse Marktdaten und Aktualisierung Finanzmodell"],
           ["Gerichtskostenvorschuss|150|400", "Post- und Telekommunikationspauschale|20|20", "Reisekosten Bahn|60|220",
            "Kopierkosten|20|80", "Handelsregisterauszug|5|20", "Übersetzung Anlagen|200|650"]),
}
TIMEKEEPERS = [("JMH", "J. Harrington", 450, 650), ("AKP", "A. Patel", 280, 380), ("SLO", "S. Okafor", 300, 420),
               ("RWM", "R. Whitmore", 500, 700), ("TNB", "T. Brennan", 150, 220), ("KLC", "K. Castell", 200, 320)]

FUEL = {
    "en": ["Diesel EN 590|L|1.30|1.80|200|6000|2", "Unleaded petrol 95 RON|L|1.35|1.90|100|4000|2", "AdBlue (urea solution 32.5%)|L|0.55|0.95|20|400|2",
           "Heating oil|L|0.85|1.25|500|5000|0", "LPG autogas|L|0.60|0.95|100|2000|2", "Wheat, milling grade|t|190|260|5|40|3",
           "Feed barley|t|160|220|5|40|3", "Scrap copper No. 2|kg|6.8|8.2|50|2000|1", "Aluminium scrap, mixed|kg|1.1|1.6|100|5000|1",
           "Ready-mix concrete C25/30|m3|95|140|3|30|2", "Crushed stone 20 mm|t|14|26|5|60|2", "Natural gas|m3|0.35|0.90|500|20000|3"],
    "us": ["Ultra-low sulfur diesel #2|gal|3.10|4.60|100|3000|1", "Unleaded regular 87|gal|2.90|4.20|100|2500|1", "Diesel exhaust fluid|gal|2.50|3.90|10|200|1",
           "Propane|gal|1.90|2.90|50|900|1", "Heating oil No. 2|gal|3.00|4.20|100|800|1", "Corn, yellow No. 2|bu|3.80|4.90|200|5000|2",
           "Soybeans|bu|9.50|12.80|100|3000|2", "Crushed limestone #57|ton|14|24|5|60|2"],
    "de": ["Dieselkraftstoff EN 590|l|1.40|1.85|200|6000|2", "Super E10|l|1.55|1.95|100|4000|2", "AdBlue|l|0.55|0.95|20|400|2",
           "Heizöl EL schwefelarm|l|0.85|1.25|500|5000|0", "Weizen, Mahlqualität|t|190|260|5|40|3", "Futtergerste|t|160|220|5|40|3",
           "Kupferschrott|kg|6.8|8.2|50|2000|1", "Transportbeton C25/30|m3|95|140|3|30|2", "Schotter 16/32|t|14|26|5|60|2"],
    "fr": ["Gazole|L|1.55|1.95|200|6000|2", "SP95-E10|L|1.65|2.00|100|4000|2", "AdBlue|L|0.55|0.95|20|400|2", "Fioul domestique|L|0.95|1.35|500|5000|0",
           "Blé tendre meunier|t|190|260|5|40|3", "Orge fourragère|t|160|220|5|40|3", "Ferraille cuivre|kg|6.8|8.2|50|2000|1",
           "Béton prêt à l'emploi C25/30|m3|95|140|3|30|2", "Gravier concassé 6/20|t|14|26|5|60|2"],
    "nl": ["Diesel EN 590|l|1.55|1.95|200|6000|2", "Euro 95 E10|l|1.85|2.15|100|4000|2", "AdBlue|l|0.55|0.95|20|400|2",
           "Baktarwe|t|190|260|5|40|3", "Voergerst|t|160|220|5|40|3", "Koperschroot|kg|6.8|8.2|50|2000|1", "Betonmortel C25/30|m3|95|140|3|30|2"],
    "es": ["Gasóleo A|L|1.35|1.75|200|6000|2", "Gasolina 95|L|1.45|1.85|100|4000|2", "AdBlue|L|0.55|0.95|20|400|2", "Gasóleo C calefacción|L|0.85|1.20|500|5000|0",
           "Trigo panificable|t|190|260|5|40|3", "Cebada pienso|t|160|220|5|40|3", "Chatarra de cobre|kg|6.8|8.2|50|2000|1", "Hormigón HA-25|m3|95|140|3|30|2"],
}
STATIONS = ["Shell Leeds Ring Rd", "BP M6 Keele Svcs", "Esso Harbour Way", "Texaco Main St", "Total Access Nord", "Aral Autohof 12",
            "Shell Station 0442", "Pilot #318", "Love's #574", "Q8 Zuidas", "Repsol A-2 km 34"]

EAST = [("Semiconductor test socket, 48-pin", "pcs", 40, 120), ("Precision ball bearing 6204-2RS", "pcs", 3, 9),
        ("LCD module 7 inch 1024 x 600", "pcs", 35, 80), ("Injection mould maintenance service", "job", 400, 1500),
        ("Stainless sheet SUS304 1.5 mm", "sheet", 30, 70), ("Servo motor 400 W with encoder cable", "set", 180, 360),
        ("Printed circuit board assembly, rev. C", "pcs", 12, 45), ("Cloud hosting, monthly plan", "month", 80, 400),
        ("Translation and localisation services", "page", 20, 45), ("Packaging cartons 40 x 30 x 25 cm", "pcs", 1, 3),
        ("Industrial camera 5 MP GigE", "pcs", 400, 900), ("Calibration of torque wrenches", "pcs", 25, 60)]
EAST_FOOD = [("Green tea, sencha 500 g", "pack", 10, 25), ("Packaged lunch boxes", "pcs", 5, 9), ("Bottled mineral water 2 L", "case", 6, 12),
             ("Rice crackers assorted", "box", 8, 15), ("Coffee beans, medium roast 1 kg", "bag", 15, 30)]


# ----------------------------------------------------------------------------- document model

@dataclass
class Item:
    desc: str
    amount: Decimal
    qty: Decimal | None = None
    price: Decimal | None = None
    unit: str = ""
    code: str = ""
    note: str = ""
    date: str = ""
    who: str = ""
    site: str = ""
    ref: str = ""
    mark: str = ""
    qdec: int = 0
    pdec: int = 2
    taxrate: Decimal | None = None
    taxamt: Decimal | None = None


@dataclass
class Money:
    style: str
    dec: int
    sym: str
    show: str  # totals | all | head | none
    neg: str  # "-" or "()"
    code: str

    def n(self, x) -> str:
        s = fmt_num(abs(x), self.style, self.dec)
        return s if x >= 0 else (f"({s})" if self.neg == "()" else "-" + s)

    def c(self, x) -> str:
        s = fmt_num(abs(x), self.style, self.dec)
        if self.show in ("totals", "all") and self.sym:
            s = self.sym + s if not self.sym.startswith(" ") else s + self.sym
        return s if x >= 0 else (f"({s})" if self.neg == "()" else "-" + s)

    def t(self, x) -> str:  # table cells
        return self.c(x) if self.show == "all" else self.n(x)


@dataclass
class Spec:
    arch: str
    cc: str
    lang: str
    rng: random.Random
    lab: Labels
    money: Money
    kind: str = "invoice"
    title: str = ""
    subtitle: str = ""
    number: str = ""
    no_label: str = ""
    date: dt.date | None = None
    date_fmt: str = ""
    date_str: str = ""
    date_label: str = ""
    meta: list = field(default_factory=list)
    issuer: str = ""
    issuer_lines: list = field(default_factory=list)
    brand: str = ""
    issuer_mode: str = "header"
    customer: str = ""
    customer_lines: list = field(default_factory=list)
    cust_label: str = ""
    ship: list | None = None
    ship_label: str = ""
    blocks: list = field(default_factory=list)
    refs: list = field(default_factory=list)
    cols: list = field(default_factory=list)
    heads: dict = field(default_factory=dict)
    heading: bool = True
    letter_row: list | None = None
    rows: list = field(default_factory=list)
    totals: list = field(default_factory=list)
    after: list = field(default_factory=list)
    words: str = ""
    notes: list = field(default_factory=list)
    footer: list = field(default_factory=list)
    extra_table: tuple | None = None
    force: dict = field(default_factory=dict)
    subtotal: Decimal = D(0)
    tax: Decimal = D(0)
    charges: Decimal = D(0)
    total: Decimal = D(0)
    currency: str = ""
    feats: dict = field(default_factory=dict)

    @property
    def items(self):
        return [r[1] for r in self.rows if r[0] == "item"]


def rand_date(rng):
    return dt.date(2025, 1, 6) + dt.timedelta(days=rng.randint(0, 712))


def new_spec(rng, arch, cc, lang=None, pool_lang=None):
    L = LOC[cc]
    lang = lang or L["lang"]
    lab = Labels(lang, rng)
    style = rng.choice(L["num"])
    if cc in ("us", "gb", "sg", "hk", "ph") and rng.random() < 0.08:
        style = "plain"
    sym = rng.choice(L["syms"])
    if sym == "€":
        sym = "€ " if cc == "nl" else ("€" if cc == "ie" else " €")
    show = rng.choices(["totals", "all", "head"], [6, 2, 2])[0]
    dec = L["dec"]
    if cc == "id" and rng.random() < 0.3:
        dec = 2
    if cc in ("us", "gb", "ie", "de", "fr", "nl", "es", "sg") and arch not in ("sea", "africa", "eastasia") and rng.random() < 0.07:
        show = "none"
    money = Money(style, dec, sym, show, "()" if rng.random() < 0.25 else "-", L["cur"])
    s = Spec(arch=arch, cc=cc, lang=lang, rng=rng, lab=lab, money=money)
    s.currency = L["cur"] if show != "none" else ""
    s.date = rand_date(rng)
    s.date_fmt = rng.choice(L["dates"])
    if lang == "en" and s.date_fmt in ("d mon y",) and cc in ("kr", "tw", "jp"):
        s.date_fmt = "mon d, y"
    s.date_str = fmt_date(s.date, s.date_fmt, lang)
    s.date_label = lab("date")
    s.issuer = company(rng, cc, "law" if arch == "proftime" else ("repair" if arch == "repair" else "generic"))
    s.customer = company(rng, cc, avoid=(s.issuer,)) if rng.random() < 0.85 else rng.choice(
        ["Maria Santos", "David Mensah", "Grace Wanjiru", "Tran Thi Lan", "Ahmad bin Yusof", "Laura Becker", "Pierre Martin", "Emily Carter"])
    s.issuer_lines = address(rng, cc) + ([f"Tel. {phone(rng, cc)}"] if rng.random() < 0.6 else []) + tax_ids(rng, cc)
    email_dom = ""
    if cc != "vn":
        email_dom = "".join(ch for ch in s.issuer.split()[1 if s.issuer.split()[0] in ("PT", "CV", "Société", "Garage", "Kfz-Meisterbetrieb") else 0].lower() if "a" <= ch <= "z")
    if rng.random() < 0.5 and len(email_dom) > 2:
        s.issuer_lines.append(f"accounts@{email_dom or 'mail'}.{rng.choice(['com', 'co', 'net', 'biz'])}")
    s.customer_lines = address(rng, cc) + (tax_ids(rng, cc)[:1] if rng.random() < 0.5 else [])
    s.cust_label = lab("billto")
    s.issuer_mode = rng.choices(["header", "logo_beside", "footer", "from_block"], [55, 15, 15, 15])[0]
    words = [w for w in s.issuer.split() if w not in ("PT", "CV", "Tbk", "Công", "ty", "TNHH", "Cổ", "phần", "CÔNG", "Société", "&")]
    s.brand = (words[0] if len(words[0]) > 3 else " ".join(words[:2])).upper() if words else "LOGO"
    if s.brand.casefold() == s.issuer.casefold():
        s.brand = s.brand[:3]
    s.footer = []
    return s


def nice_price(rng, lo, hi, s, pdec=None):
    cur = LOC[s.cc]["cur"]
    v = rng.uniform(lo, hi) * CUR_FACTOR[cur]
    if LOC[s.cc]["dec"] == 0 and pdec is None:
        mag = 10 ** max(0, len(str(int(v))) - 3)
        return D(max(1, int(round(v / mag))) * mag)
    if pdec is not None and pdec > 2:
        return q(D(str(v)), pdec)
    cents = rng.choice([0, 0, 50, 95, 99, rng.randint(0, 99)])
    return D(max(1, int(v))) + D(cents) / 100


def pool_items(s, pool, n, codes=False):
    rng = s.rng
    picks = rng.sample(pool, min(n, len(pool)))
    while len(picks) < n:
        picks.append(rng.choice(pool))
    out = []
    adec = LOC[s.cc]["dec"]
    for desc, unit, lo, hi in picks:
        price = nice_price(rng, lo, hi, s)
        qty = D(rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 50] if hi < 100 else [1, 1, 1, 2, 2, 3, 4, 5]))
        if rng.random() < 0.06 and unit in ("h", "Std.", "uur", "jam", "giờ"):
            qty = D(rng.choice(["1.5", "2.5", "7.5", "0.75"]))
        it = Item(desc=desc, amount=q(qty * price, adec), qty=qty, price=price, unit=unit, qdec=0 if qty == qty.to_integral() else 2,
                  pdec=s.money.dec)
        if codes:
            it.code = f"{rng.choice(['A', 'B', 'K', 'P', 'X'])}{rng.randint(100, 9999)}-{rng.randint(10, 99)}"
        out.append(it)
    return out


def gen_pool(s):
    lang = s.lang
    if s.cc in ("ke", "ng", "gh", "ph", "us", "gb", "ie", "sg", "hk"):
        return GEN["en"]
    return GEN.get(lang, GEN["en"])


def tax_label(s, rate, name=None):
    name = name or LOC[s.cc]["tax"][0][0]
    sp = " " if s.lang in ("fr", "de") or s.rng.random() < 0.2 else ""
    pct = fmt_pct(rate, s.money.style)
    return s.rng.choice([f"{name} {pct}{sp}%", f"{name} ({pct}{sp}%)", f"{name} @ {pct}%" if s.lang == "en" else f"{name} {pct}{sp}%"])


def finish(s, taxes, charges, sub_label=None, total_label=None, extra_rows=()):
    """taxes/charges: [(label, amount)]; computes truth and the totals rows."""
    m = s.money
    sub = sum((it.amount for it in s.items), D(0))
    s.subtotal, s.tax, s.charges = sub, sum((a for _, a in taxes), D(0)), sum((a for _, a in charges), D(0))
    s.total = s.subtotal + s.charges + s.tax
    rows = []
    if sub_label is not False:
        rows.append((sub_label or s.lab("subtotal"), m.c(sub) if m.show == "all" else m.n(sub), False))
    for lab_, a in charges:
        rows.append((lab_, m.n(a), False))
    rows += list(extra_rows)
    for lab_, a in taxes:
        rows.append((lab_, m.n(a), False))
    tl = total_label or (s.lab("total_credit") if s.kind == "credit" else s.lab("total"))
    if m.show == "head" and rng_ok(s, 0.5):
        tl = f"{tl} ({s.currency})"
    rows.append((tl, m.c(s.total), True))
    s.totals = rows


def rng_ok(s, p):
    return s.rng.random() < p


def tax_on(s, base, rate):
    return q(base * D(rate), LOC[s.cc]["dec"])


def std_number(s, prefix="INV"):
    r, y, m = s.rng, s.date.year, s.date.month
    n = r.randint(1, 99999)
    return r.choice([f"{prefix}-{y}-{n:05d}", f"{y}{n:05d}", f"{y % 100:02d}-{n:04d}", f"{prefix}{n:06d}", f"{prefix}/{y}/{m:02d}/{n % 10000:04d}",
                     f"{r.choice('ABFRS')}{n:06d}", f"{n % 100000}"])


def base_meta(s, due=True, po=True, cust_no=True, date=True):
    r, lab = s.rng, s.lab
    s.no_label = s.no_label or lab({"credit": "no_credit", "proforma": "no_proforma", "quote": "no_quote"}.get(s.kind, "no"))
    meta = [(s.no_label, s.number)]
    if date:
        meta.append((s.date_label, s.date_str))
    if due and r.random() < 0.6:
        key = "valid" if s.kind in ("quote", "proforma") else "due"
        meta.append((lab(key), fmt_date(s.date + dt.timedelta(days=r.choice([7, 14, 30, 30, 45, 60])), s.date_fmt, s.lang)))
    if cust_no and r.random() < 0.4:
        meta.append((lab("cust_no"), f"{r.choice(['C', 'K', 'CUST-', ''])}{r.randint(1000, 99999)}"))
    if po and r.random() < 0.4:
        meta.append((lab("po"), f"{r.choice(['PO-', 'PO', '45', 'B-'])}{r.randint(10000, 9999999)}"))
    if r.random() < 0.3:
        meta.append((lab("terms"), lab("terms_v")))
    if s.money.show == "head" and r.random() < 0.5:
        meta.append((lab("currency"), s.currency))
    first, rest = meta[:2], meta[2:]
    r.shuffle(rest)
    if r.random() < 0.3:
        first.reverse()
    s.meta = first + rest


def pick_generic_cc(rng):
    cc = rng.choice(["us", "gb", "ie", "sg", "de", "fr", "nl", "es", "id", "my", "ke", "ng", "ph", "hk", "gh"])
    lang = "en" if cc == "my" and rng.random() < 0.4 else None
    return cc, lang


def std_tax(s, base, which=0):
    taxes = LOC[s.cc]["tax"]
    if not taxes:
        return []
    name, rates = taxes[which % len(taxes)]
    rate = D(s.rng.choice(rates))
    s.feats["tax_rate"] = str(rate)
    return [(tax_label(s, rate, name), tax_on(s, base, rate))]


def maybe_words(s):
    r, w = s.rng, LOC[s.cc]["words"]
    if not w or r.random() < 0.5 or s.kind == "credit" or s.money.show == "none":
        return
    tot = s.total
    ip = int(tot)
    cents = int((tot - ip) * 100)
    if w == "id":
        s.words = f"{s.lab('words')}: {words_id(ip).capitalize()} rupiah"
    elif w == "ms" and s.lang == "ms":
        s.words = f"Ringgit Malaysia: {words_id(ip, True).capitalize()}" + (f" dan sen {words_id(cents, True)}" if cents else "") + " sahaja"
    else:
        unit = {"us": "dollars", "gb": "pounds", "ie": "euro", "sg": "Singapore dollars", "hk": "Hong Kong dollars", "kr": "won", "jp": "yen",
                "tw": "New Taiwan dollars", "ph": "pesos", "ke": "Kenya shillings", "ng": "naira", "gh": "Ghana cedis", "my": "ringgit"}.get(s.cc, "")
        s.words = f"{s.lab('words')}: {words_en(ip).capitalize()} {unit}" + (f" and {cents:02d}/100" if cents else "") + " only"


# ----------------------------------------------------------------------------- archetype builders

def b_sea(rng):
    cc = rng.choice(["id", "id", "my", "vn", "vn", "ph"])
    lang = rng.choice(["ms", "en"]) if cc == "my" else None
    s = new_spec(rng, "sea", cc, lang)
    lab, y, m = s.lab, s.date.year, s.date.month
    pool = {"id": GEN["id"], "my": GEN["ms"] if s.lang == "ms" else GEN["en"], "vn": GEN["vi"], "ph": GEN["en"]}[cc]
    n = rng.choice([2, 3, 4, 5, 6, 8, 12, 20, 26]) if cc != "vn" else rng.choice([1, 2, 3, 4, 6, 9, 14])
    items = pool_items(s, pool, n)
    s.rows = [("item", it) for it in items]
    cols = ["no", "desc", "qty", "unit", "price", "amount"]
    if cc == "id":
        k = rng.randint(1, 9999)
        s.number = rng.choice([f"INV/{y}/{ROMAN[m - 1]}/{k:04d}", f"FKT-{y % 100:02d}{m:02d}{k:04d}", f"{k:04d}/INV/{ROMAN[m - 1]}/{y}"])
        s.title = lab("inv")
        base_meta(s)
        if rng.random() < 0.45:
            s.meta.insert(2, ("No. Seri Faktur Pajak", f"0{rng.randint(10, 40)}.{_digits(rng, 3)}-{y % 100:02d}.{_digits(rng, 8)}"))
        taxes = std_tax(s, sum(i.amount for i in items))
        finish(s, taxes, [])
        maybe_words(s)
        if rng.random() < 0.5:
            cols = ["no", "code", "desc", "qty", "unit", "price", "amount"]
            for it in items:
                it.code = f"BRG-{rng.randint(100, 9999):04d}"
    elif cc == "my":
        k = rng.randint(1, 99999)
        s.number = rng.choice([f"INV-{y}-{k:05d}", f"IV{y % 100:02d}{m:02d}-{k % 10000:04d}", f"SI{k:06d}"])
        s.title = lab("inv")
        base_meta(s)
        if rng.random() < 0.6:
            uuid = "".join(rng.choice("ABCDEFGHJKMNPQRSTVWXYZ0123456789") for _ in range(26))
            vt = dt.datetime(s.date.year, s.date.month, s.date.day, rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59)) + dt.timedelta(days=rng.choice([0, 1]))
            s.blocks.append(("e-Invois" if s.lang == "ms" else "e-Invoice", [("UUID", uuid), ("Tarikh & Masa Pengesahan" if s.lang == "ms" else "Validated",
                                                                            vt.strftime("%Y-%m-%d %H:%M:%S"))]))
        name, rates = rng.choice(LOC["my"]["tax"])
        if s.lang == "en":
            name = {"SST": "Service Tax", "Cukai Jualan": "Sales Tax"}[name] if rng.random() < 0.6 else "SST"
        rate = D(rng.choice(rates))
        taxes = [(tax_label(s, rate, name), tax_on(s, sum(i.amount for i in items), rate))]
        finish(s, taxes, [])
        maybe_words(s)
    elif cc == "vn":
        s.money.style, s.money.dec = "eu", 0
        s.number = f"{rng.randint(1, 99999):0{rng.choice([7, 8])}d}"
        kh = f"1C{y % 100:02d}T{rng.choice('ABCDEFGHKLMNPQRSTUVXY')}{rng.choice('ABCDEFGHKLMNPQRSTUVXY')}"
        s.title = lab("inv")
        s.subtitle = rng.choice(["(VAT INVOICE)", "", "(Bản thể hiện của hóa đơn điện tử)"])
        s.no_label = "Số"
        s.meta = [("Ký hiệu", kh), ("Số", s.number)]
        if s.date_fmt != "vn":
            s.meta.append((s.date_label, s.date_str))
        if rng.random() < 0.6:
            s.meta.append(("Mã của CQT", "00" + "".join(rng.choice("0123456789ABCDEF") for _ in range(32))))
        s.force.update(header="vn", party="labeled")
        s.issuer_mode = "labeled" if rng.random() < 0.8 else "header"
        s.cust_label = lab("billto")
        s.customer_lines = [("Địa chỉ", ", ".join(address(rng, cc))), ("Mã số thuế", _digits(rng, 10)),
                            ("Hình thức thanh toán", rng.choice(["TM/CK", "Chuyển khoản"]))]
        if rng.random() < 0.6:
            s.customer_lines.insert(0, ("Họ tên người mua hàng", rng.choice(["Nguyễn Văn An", "Trần Thị Lan", "Lê Minh Tuấn", "Phạm Thu Hà"])))
        s.letter_row = True
        cols = ["no", "desc", "unit", "qty", "price", "amount"]
        rate = D(rng.choice(["0.10", "0.08"]))
        t = tax_on(s, sum(i.amount for i in items), rate)
        pct = fmt_pct(rate, "en")
        finish(s, [("Tiền thuế GTGT", t)], [], sub_label=lab("subtotal"), extra_rows=[("Thuế suất GTGT", f"{pct}%", False)])
        if s.money.show == "head":
            s.meta.append(("Đơn vị tiền tệ", "VND"))
        if rng.random() < 0.5:
            s.words = f"{lab('words')}: (theo tổng cộng tiền thanh toán) đồng"
    else:  # ph
        k = rng.randint(1, 999999)
        s.number = rng.choice([f"{k:07d}", f"SI-{k:06d}", f"{k:06d}"])
        s.title = rng.choice(["SALES INVOICE", "SERVICE INVOICE", "BILLING INVOICE", "INVOICE"])
        s.no_label = rng.choice(["No.", "SI No.", "Invoice No.", "N\u00ba"]) if s.title != "SERVICE INVOICE" else rng.choice(["No.", "Invoice No."])
        base_meta(s)
        s.customer_lines = s.customer_lines[:2] + [f"TIN: {_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 5)}"]
        sub = sum(i.amount for i in items)
        rate = D("0.12")
        t = tax_on(s, sub, rate)
        z = s.money.n(D(0))
        extra = [("VAT-Exempt Sales", z, False), ("Zero-Rated Sales", z, False)] if rng.random() < 0.7 else []
        finish(s, [(rng.choice(["VAT (12%)", "Add: VAT", "12% VAT"]), t)], [], sub_label=rng.choice(["VATable Sales", "Total Sales (VAT Exclusive)"]),
               total_label=rng.choice(["TOTAL AMOUNT DUE", "Total Amount Due", "TOTAL"]), extra_rows=extra)
        atp = s.date - dt.timedelta(days=rng.randint(90, 700))
        s.footer.append(f"ATP No. OCN{_digits(rng, 3)}AU{atp.year}{_digits(rng, 10)}  Date Issued: {fmt_date(atp, s.date_fmt)}  "
                        f"Serial Nos. {rng.randint(1, 50) * 1000 + 1:07d}-{rng.randint(51, 99) * 1000:07d}")
        maybe_words(s)
    s.cols = cols
    return s


def b_africa(rng):
    cc = rng.choice(["ke", "ng", "gh", "ma"])
    s = new_spec(rng, "africa", cc)
    lab, y = s.lab, s.date.year
    k = rng.randint(1, 99999)
    pool = GEN["fr"] if cc == "ma" else GEN["en"]
    items = pool_items(s, pool, rng.choice([1, 2, 3, 4, 5, 7, 10, 16, 24]))
    s.rows = [("item", it) for it in items]
    s.cols = rng.choice([["no", "desc", "qty", "price", "amount"], ["desc", "qty", "unit", "price", "amount"], ["code", "desc", "qty", "price", "amount"]])
    if "code" in s.cols:
        for it in items:
            it.code = f"{rng.choice(['IT', 'P', 'SKU'])}{rng.randint(100, 9999)}"
    sub = sum(i.amount for i in items)
    if cc == "ke":
        s.title = rng.choice(["TAX INVOICE", "INVOICE", "Tax Invoice"])
        s.number = rng.choice([f"INV-{k:05d}", f"KE/{y}/{k % 10000:04d}", f"{k:06d}", f"SI{y % 100}-{k:05d}"])
        base_meta(s)
        cu = [("CU Serial No.", f"KRA{rng.choice(['MW', 'CU'])}{_digits(rng, 15)}"), ("CU Invoice No.", f"{_digits(rng, 19)}")]
        if rng.random() < 0.5:
            s.blocks.append(("Control Unit", cu))
        else:
            s.footer.append("  ".join(f"{a}: {b}" for a, b in cu))
        finish(s, std_tax(s, sub), [])
    elif cc == "ng":
        s.title = rng.choice(["INVOICE", "TAX INVOICE", "Commercial Invoice"])
        s.number = rng.choice([f"NG-INV-{k:05d}", f"{y}/{k:05d}", f"INV{k:06d}"])
        base_meta(s)
        ch = [(lab("delivery"), nice_price(rng, 10, 60, s))] if rng.random() < 0.35 else []
        finish(s, std_tax(s, sub + sum(a for _, a in ch)), ch)
    elif cc == "gh":
        s.title = rng.choice(["TAX INVOICE", "INVOICE", "VAT INVOICE"])
        s.number = rng.choice([f"GH-{k:05d}", f"INV/{y}/{k:05d}", f"{k:06d}"])
        base_meta(s)
        nhil, getf = q(sub * D("0.025")), q(sub * D("0.025"))
        lev = [("NHIL (2.5%)", nhil), ("GETFund Levy (2.5%)", getf)]
        if rng.random() < 0.3:
            lev.append(("COVID-19 HRL (1%)", q(sub * D("0.01"))))
        base = sub + sum(a for _, a in lev)
        vat = q(base * D("0.15"))
        extra = [(rng.choice(["Total before VAT", "Taxable Value", "Value incl. levies"]), s.money.n(base), False)]
        # levies before the intermediate line, VAT after
        m = s.money
        s.subtotal, s.tax, s.charges = sub, sum(a for _, a in lev) + vat, D(0)
        s.total = sub + s.tax
        tl = lab("total")
        s.totals = ([(lab("subtotal"), m.n(sub), False)] + [(a, m.n(b), False) for a, b in lev] + extra +
                    [(rng.choice(["VAT (15%)", "VAT @ 15%"]), m.n(vat), False), (tl, m.c(s.total), True)])
        if rng.random() < 0.5:
            s.blocks.append(("E-VAT", [("SDC ID", f"SDC-{_digits(rng, 6)}"), ("Item Count", str(len(items))),
                                       ("SDC Time", f"{fmt_date(s.date, 'ymd-')} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}")]))
    else:  # ma
        s.title = lab("inv")
        s.number = rng.choice([f"F{y}/{k % 10000:04d}", f"FA-{y % 100}-{k:05d}", f"{k % 10000:04d}/{y}", f"N° {k % 10000:04d}/{y % 100}"])
        if s.number.startswith("N° "):
            s.number = s.number[3:]
        base_meta(s)
        if rng.random() < 0.35:  # two VAT rates per line
            s.cols = ["desc", "qty", "price", "taxrate", "amount"]
            by = {}
            for it in items:
                it.taxrate = D(rng.choice(["0.20", "0.20", "0.10", "0.14"]))
                by[it.taxrate] = by.get(it.taxrate, D(0)) + it.amount
            taxes = [(f"TVA {fmt_pct(r_, s.money.style)} %", q(b * r_)) for r_, b in sorted(by.items())]
        else:
            taxes = [(f"TVA {rng.choice(['20 %', '20%'])}", q(sub * D("0.20")))]
        finish(s, taxes, [])
        s.words = f"{lab('words')} : {s.money.n(s.total)} dirhams TTC" if rng.random() < 0.6 else ""
        if s.words and s.money.show != "none" and rng.random() < 0.5:
            s.words = s.words.replace(" dirhams TTC", " DH TTC")
    maybe_words(s) if cc != "ma" else None
    return s


def b_credit(rng):
    cc, lang = pick_generic_cc(rng)
    s = new_spec(rng, "credit", cc, lang)
    lab, y = s.lab, s.date.year
    s.kind = rng.choices(["credit", "proforma", "quote"], [45, 30, 25])[0]
    k = rng.randint(1, 9999)
    generic_no = rng.random() < 0.4
    if generic_no:
        s.no_label = {"en": "No.", "de": "Nr.", "fr": "N°", "nl": "Nr.", "es": "Nº", "id": "Nomor", "ms": "No."}[s.lang]
    items = pool_items(s, gen_pool(s), rng.choice([1, 1, 2, 3, 4, 6]) if s.kind == "credit" else rng.choice([2, 3, 5, 8, 14]))
    if s.kind == "credit":
        s.title = lab("credit")
        s.number = rng.choice([f"CN-{y}-{k:04d}", f"CN{k:06d}", f"CR-{k:05d}", f"{ {'de': 'GS', 'fr': 'AV', 'es': 'R', 'nl': 'CN'}.get(s.lang, 'CN')}-{y}-{k:04d}"])
        neg_qty = rng.random() < 0.5
        s.feats["credit_sign"] = "qty" if neg_qty else "price"
        for it in items:
            if neg_qty:
                it.qty = -it.qty
            else:
                it.price = -it.price
            it.amount = -it.amount
        base_meta(s, due=False, po=False)
        orig = s.date - dt.timedelta(days=rng.randint(5, 80))
        orig_no = std_number(s, rng.choice(["INV", "RE", "F"]))
        while orig_no == s.number:
            orig_no = std_number(s)
        odl = {"en": "Original invoice date", "de": "Datum Ursprungsrechnung", "fr": "Date facture d'origine", "nl": "Datum originele factuur",
               "es": "Fecha factura original", "id": "Tanggal faktur asal", "ms": "Tarikh invois asal"}[s.lang]
        ref = [(lab("ref_inv"), orig_no), (odl, fmt_date(orig, s.date_fmt, s.lang))]
        if rng.random() < 0.5:
            s.meta += ref
        else:
            s.refs.append(f"{lab('ref_inv')}: {orig_no} " + {"en": "dated", "de": "vom", "fr": "du", "nl": "van", "es": "de", "id": "tanggal", "ms": "bertarikh"}[s.lang]
                          + f" {fmt_date(orig, s.date_fmt, s.lang)}")
        s.refs.append(f"{lab('reason')}: " + rng.choice({"en": ["Goods returned damaged", "Pricing error on original invoice", "Cancelled service period"],
                                                         "de": ["Rücksendung beschädigter Ware", "Preiskorrektur"], "fr": ["Retour de marchandise", "Erreur de prix"],
                                                         "nl": ["Retour goederen", "Prijscorrectie"], "es": ["Devolución de mercancía", "Error en el precio"],
                                                         "id": ["Retur barang rusak", "Koreksi harga"], "ms": ["Barang dipulangkan", "Pembetulan harga"]}[s.lang]))
    else:
        s.title = lab(s.kind)
        s.number = rng.choice([f"PF-{y}-{k:04d}", f"PRO{k:05d}", f"PI-{k:04d}"]) if s.kind == "proforma" else rng.choice([f"Q-{k:05d}", f"QT{y % 100}{k:04d}", f"EST-{k:04d}", f"AN-{y}-{k:04d}"])
        base_meta(s)
        if s.kind == "proforma" and rng.random() < 0.6:
            s.notes.append({"en": "This is not a tax invoice. Payment in advance is required before dispatch.",
                            "de": "Dies ist keine Rechnung im Sinne des UStG. Bitte Vorauszahlung leisten.",
                            "fr": "Ce document n'est pas une facture. Paiement à la commande.", "nl": "Dit is geen factuur. Vooruitbetaling vereist.",
                            "es": "Este documento no es una factura. Pago anticipado.", "id": "Dokumen ini bukan faktur pajak. Mohon pembayaran di muka.",
                            "ms": "Dokumen ini bukan invois cukai."}[s.lang])
    s.rows = [("item", it) for it in items]
    s.cols = rng.choice([["no", "desc", "qty", "price", "amount"], ["desc", "qty", "unit", "price", "amount"], ["code", "desc", "qty", "price", "amount"]])
    if "code" in s.cols:
        for it in items:
            it.code = f"{rng.choice(['A', 'SKU', 'P'])}{rng.randint(100, 99999)}"
    sub = sum(i.amount for i in items)
    finish(s, std_tax(s, sub), [])
    if s.kind != "credit":
        maybe_words(s)
    return s


VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
CARS = ["Toyota Corolla 1.8 Hybrid", "Ford Transit Custom 2.0 TDCi", "Volkswagen Golf 1.5 TSI", "Honda CR-V 2.0", "Chevrolet Silverado 1500",
        "Peugeot 308 1.2 PureTech", "Renault Clio V", "BMW 320d Touring", "Nissan Navara 2.3 dCi", "Hyundai Tucson 1.6 T-GDi", "Mazda CX-5 2.5"]
APPLIANCES = [("Bosch dishwasher", "SMS46KI01E"), ("Samsung washing machine", "WW90T534DAW"), ("LG refrigerator", "GBB72PZEFN"),
              ("Whirlpool dryer", "FFT M11 8X3"), ("Miele washing machine", "WWD320 WCS")]


def b_repair(rng):
    cc = rng.choice(["us", "us", "gb", "sg", "ke", "de", "fr", "ie"])
    s = new_spec(rng, "repair", cc)
    lab, y = s.lab, s.date.year
    appliance = s.lang == "en" and rng.random() < 0.25
    parts_pool, lab_pool = REPAIR["appl" if appliance else s.lang]
    s.feats["variant"] = "appliance" if appliance else "vehicle"
    adec = LOC[cc]["dec"]
    parts = []
    for row in rng.sample(parts_pool, rng.randint(2, min(7, len(parts_pool)))):
        d, code, lo, hi = row.split("|")
        price = nice_price(rng, float(lo), float(hi), s)
        qty = D(rng.choice([4, 5, 6])) if "litre" in d or "Liter" in d else D(rng.choice([1, 1, 1, 2, 4]))
        parts.append(Item(desc=d, code=code, qty=qty, price=price, amount=q(qty * price, adec), unit="", pdec=s.money.dec))
    rate = nice_price(rng, 85, 165, s)
    rate = q(rate, 0) if rng.random() < 0.6 else rate
    labour = []
    hdec = rng.choice([1, 2])
    for row in rng.sample(lab_pool, rng.randint(1, min(4, len(lab_pool)))):
        d, lo, hi = row.split("|")
        h = D(str(round(rng.uniform(float(lo), float(hi)) * 4) / 4)) if hdec == 2 else D(str(round(rng.uniform(float(lo), float(hi)), 1)))
        h = max(h, D("0.1"))
        labour.append(Item(desc=d, code=rng.choice(["", f"L{rng.randint(100, 999)}", "LAB"]), qty=h, price=rate, amount=q(h * rate, adec),
                           qdec=hdec, pdec=s.money.dec))
    pl, ll = lab("parts"), lab("labour")
    subw = {"en": "subtotal", "de": "gesamt", "fr": "total", "nl": "totaal", "es": "total"}.get(s.lang, "")
    sublab = lambda x: rng.choice([f"{x.capitalize()} {subw}", f"{subw.capitalize()} {x.lower()}"]) if s.lang in ("en", "de") else f"{subw.capitalize()} {x.lower()}"
    sp, sl = sum(i.amount for i in parts), sum(i.amount for i in labour)
    order = [("P", pl, parts, sp), ("L", ll, labour, sl)]
    if rng.random() < 0.3:
        order.reverse()
    with_subrows = rng.random() < 0.8
    s.rows = []
    for _, head, its, tot in order:
        s.rows.append(("head", head))
        s.rows += [("item", it) for it in its]
        if with_subrows:
            s.rows.append(("sub", sublab(head), tot))
    if any(it.code for it in labour) or rng.random() < 0.7:
        s.cols = rng.choice([["code", "desc", "qty", "price", "amount"], ["desc", "code", "qty", "price", "amount"]])
    else:
        s.cols = ["desc", "qty", "price", "amount"]
        for it in parts:
            it.code = ""
    s.heads["qty"] = rng.choice([lab("qty"), f"{lab('qty')}/{lab('hours')}"])
    s.heads["price"] = rng.choice([lab("price"), f"{lab('price')}/{lab('rate')}"]) if s.lang == "en" else lab("price")
    s.number = rng.choice([f"{rng.randint(10000, 99999)}", f"INV-{rng.randint(1000, 99999)}", f"W{y % 100}-{rng.randint(100, 9999):04d}"])
    base_meta(s, po=False)
    ro = f"{rng.choice(['RO ', 'RO-', 'Job ', 'AU-'])}{rng.randint(10000, 99999)}"
    while ro.split()[-1] == s.number:
        ro = f"RO-{rng.randint(10000, 99999)}"
    din = s.date - dt.timedelta(days=rng.randint(0, 4))
    if appliance:
        ap, model = rng.choice(APPLIANCES)
        blk = [("Appliance", ap), ("Model no.", model), ("Serial no.", _digits(rng, 9)), ("Job no.", ro), ("Visit date", fmt_date(din, s.date_fmt, s.lang))]
        bt = "Appliance"
    else:
        vin = "".join(rng.choice(VIN_CH) for _ in range(17))
        km = rng.randint(8000, 240000)
        unit = "mi" if cc == "us" or (cc == "gb" and rng.random() < 0.5) else "km"
        odo = fmt_num(km, s.money.style if s.money.style != "plain" else "en", 0)
        plate = {"us": f"{rng.choice(['7', '8'])}{rng.choice('ABCDEFGH')}{rng.choice('KLMNPR')}{rng.choice('STUVWX')}{_digits(rng, 3)}",
                 "gb": f"{rng.choice(['AB', 'KX', 'LD', 'YF'])}{rng.randint(15, 24)} {''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}",
                 "de": f"{rng.choice(['M', 'K', 'L', 'S'])}-{rng.choice(['AB', 'XY', 'KT'])} {rng.randint(10, 9999)}",
                 "fr": f"{rng.choice('ABCDEFG')}{rng.choice('ABCDEFG')}-{_digits(rng, 3)}-{rng.choice('HJKLMN')}{rng.choice('PQRST')}"}.get(
            cc, f"K{rng.choice('ABCDEFG')}{rng.choice('ABCDEFG')} {_digits(rng, 3)}{rng.choice('ABCDEFG')}")
        names = {"en": ["Vehicle", "VIN", "Reg. / Plate", "Odometer", "RO No.", "Date in", "Date out"],
                 "de": ["Fahrzeug", "FIN", "Kennzeichen", "km-Stand", "Auftrag", "Annahme", "Fertig"],
                 "fr": ["Véhicule", "VIN", "Immatriculation", "Kilométrage", "OR n°", "Entrée", "Sortie"]}[s.lang]
        blk = [(names[0], f"{rng.randint(2008, 2024)} {rng.choice(CARS)}"), (names[1], vin), (names[2], plate), (names[3], f"{odo} {unit}"),
               (names[4], ro), (names[5], fmt_date(din, s.date_fmt, s.lang))]
        if rng.random() < 0.5:
            blk.append((names[6], fmt_date(s.date, s.date_fmt, s.lang)))
        bt = names[0]
        if rng.random() < 0.3:
            blk.append(("Advisor" if s.lang == "en" else ("Berater" if s.lang == "de" else "Conseiller"), rng.choice(["Mike R.", "Sandra K.", "Tomás P."])))
    s.blocks.append((bt, blk))
    charges = []
    if rng.random() < 0.7:
        pct = D(rng.choice(["0.05", "0.08", "0.10", "0.06"]))
        charges.append((f"{lab('shop')} ({fmt_pct(pct, s.money.style)}%)" if rng.random() < 0.6 else lab("shop"), q(sl * pct, adec)))
    if rng.random() < 0.6:
        charges.append((lab("env"), nice_price(rng, 3, 15, s)))
    extra = [(pl, s.money.n(sp), False), (ll, s.money.n(sl), False)] if rng.random() < 0.7 else []
    chs = sum((a for _, a in charges), D(0))
    if cc == "us":
        rate_ = D(rng.choice(LOC["us"]["tax"][0][1]))
        base = sp + (chs if rng.random() < 0.5 else D(0))
        taxes = [(rng.choice([f"Sales Tax {fmt_pct(rate_, 'en')}%", "Sales tax on parts", f"Tax ({fmt_pct(rate_, 'en')}%)"]), tax_on(s, base, rate_))]
    else:
        taxes = std_tax(s, sp + sl + chs)
    # totals: parts, labour, charges, subtotal (incl. charges), tax, total
    m = s.money
    s.subtotal, s.charges, s.tax = sp + sl, chs, sum(a for _, a in taxes)
    s.total = s.subtotal + s.charges + s.tax
    rows = extra + [(a, m.n(b), False) for a, b in charges]
    if rng.random() < 0.7:
        rows.append((lab("subtotal"), m.n(s.subtotal + s.charges), False))
    rows += [(a, m.n(b), False) for a, b in taxes]
    rows.append((lab("total"), m.c(s.total), True))
    s.totals = rows
    if rng.random() < 0.4:
        s.notes.append({"en": "All parts warranted 12 months / 12,000 miles unless stated otherwise. Old parts available on request.",
                        "de": "Gewährleistung auf Teile 24 Monate. Altteile auf Wunsch zur Abholung.",
                        "fr": "Pièces garanties 12 mois. Les pièces remplacées sont à votre disposition."}[s.lang])
    return s


def b_proftime(rng):
    cc = rng.choice(["us", "gb", "sg", "hk", "ie", "de", "gb", "us"])
    s = new_spec(rng, "proftime", cc)
    lab, y = s.lab, s.date.year
    entries, disb = PROF["de" if s.lang == "de" else "en"]
    adec = LOC[cc]["dec"]
    tks = rng.sample(TIMEKEEPERS, rng.randint(1, 4))
    fx = CUR_FACTOR[LOC[cc]["cur"]]
    rates = {tk[0]: D(int(rng.uniform(tk[2], tk[3]) * fx / 5) * 5) for tk in tks}
    per_end = s.date.replace(day=1) - dt.timedelta(days=1)
    per_start = per_end.replace(day=1)
    n = rng.choice([4, 6, 8, 10, 14, 18, 24, 30])
    dates = sorted(per_start + dt.timedelta(days=rng.randint(0, (per_end - per_start).days)) for _ in range(n))
    use_names = rng.random() < 0.4
    hq = rng.choice(["fixed2", "auto", "fixed1"])
    time_items = []
    for d in dates:
        tk = rng.choice(tks)
        h = D(rng.choice(["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.75", "0.8", "1.0", "1.25", "1.5", "2.0", "2.5", "3.0", "3.25", "4.0", "5.5"]))
        if hq == "fixed1" and h != h.quantize(D("0.1")):
            h = h.quantize(D("0.1"), ROUND_HALF_UP)
        qd = 2 if hq == "fixed2" else max(1, -h.normalize().as_tuple().exponent)
        time_items.append(Item(desc=rng.choice(entries), qty=h, price=rates[tk[0]], amount=q(h * rates[tk[0]], adec), qdec=qd,
                               pdec=s.money.dec, date=fmt_date(d, s.date_fmt if s.date_fmt not in ("d mon y", "de_long", "mon d, y") else "dmy/" if cc != "us" else "mdy/", s.lang),
                               who=tk[1] if use_names else tk[0]))
    disb_items = []
    for row in rng.sample(disb, rng.randint(0, 4)):
        d_, lo, hi = row.split("|")
        dd = per_start + dt.timedelta(days=rng.randint(0, (per_end - per_start).days))
        disb_items.append(Item(desc=d_, amount=nice_price(rng, float(lo), float(hi), s), date=fmt_date(dd, "dmy/" if cc != "us" else "mdy/")))
    no_rate = rng.random() < 0.2
    if no_rate:
        for it in time_items:
            it.price = None
    s.cols = rng.choice([["date", "who", "desc", "qty", "price", "amount"], ["date", "desc", "who", "qty", "price", "amount"],
                         ["date", "desc", "qty", "price", "amount"]])
    if no_rate:
        s.cols = [c for c in s.cols if c != "price"]
    de = s.lang == "de"
    s.heads.update(qty=lab("hours"), price=lab("rate"), date="Datum" if de else "Date",
                   who=("Bearbeiter" if de else rng.choice(["Timekeeper", "Fee earner", "By", "Lawyer"])),
                   desc=("Tätigkeit" if de else rng.choice(["Description", "Narrative", "Services"])))
    fees_h = "Honorar" if de else rng.choice(["Professional services", "Fees", "PROFESSIONAL FEES"])
    disb_h = "Auslagen" if de else rng.choice(["Disbursements", "Expenses", "DISBURSEMENTS"])
    fsum, dsum = sum(i.amount for i in time_items), sum((i.amount for i in disb_items), D(0))
    s.rows = [("head", fees_h)] + [("item", it) for it in time_items]
    subrows = rng.random() < 0.75
    if subrows:
        s.rows.append(("sub", "Summe Honorar" if de else rng.choice(["Total fees", "Total professional fees", "Fees subtotal"]), fsum))
    if disb_items:
        s.rows += [("head", disb_h)] + [("item", it) for it in disb_items]
        if subrows:
            s.rows.append(("sub", "Summe Auslagen" if de else rng.choice(["Total disbursements", "Disbursements subtotal"]), dsum))
    k = rng.randint(100, 99999)
    s.number = rng.choice([f"{y}{k:05d}", f"INV-{k:05d}", f"{k}", f"RE-{y}-{k % 10000:04d}" if de else f"B{k:06d}"])
    base_meta(s, po=False, cust_no=False)
    mat = f"{rng.randint(1000, 9999)}-{rng.randint(1, 999):03d}"
    blk = [("Mandat" if de else rng.choice(["Matter", "Re", "Engagement"]), rng.choice(["Acquisition of Brightwater Holdings", "Employment dispute (Kestrel)",
                                                                                        "Commercial lease renewal", "Strategy review 2026", "Debt recovery"])),
           ("Aktenzeichen" if de else rng.choice(["Matter No.", "Matter ID", "File Ref."]), mat),
           ("Leistungszeitraum" if de else rng.choice(["Period", "Services through", "Billing period"]),
            f"{fmt_date(per_start, s.date_fmt, s.lang)} - {fmt_date(per_end, s.date_fmt, s.lang)}")]
    if rng.random() < 0.5:
        blk.append(("Mandant Nr." if de else "Client No.", f"{rng.randint(10000, 99999)}"))
    s.blocks.append(("Mandat" if de else rng.choice(["Matter", "Engagement details"]), blk))
    taxes = std_tax(s, fsum + dsum) if LOC[cc]["tax"] and cc != "us" else []
    m = s.money
    s.subtotal, s.tax, s.charges = fsum + dsum, sum((a for _, a in taxes), D(0)), D(0)
    s.total = s.subtotal + s.tax
    rows = [("Honorar" if de else rng.choice(["Total fees", "Professional fees"]), m.n(fsum), False)]
    if disb_items:
        rows.append(("Auslagen" if de else "Disbursements", m.n(dsum), False))
    if taxes and rng.random() < 0.6:
        rows.append((lab("subtotal"), m.n(s.subtotal), False))
    rows += [(a, m.n(b), False) for a, b in taxes]
    rows.append(("Rechnungsbetrag" if de else rng.choice(["Total this invoice", "Invoice total", "Total current charges", "TOTAL"]), m.c(s.total), True))
    s.totals = rows
    after = []
    if rng.random() < 0.55:
        ret = min(s.total, nice_price(rng, 500, 8000, s))
        after.append(("abzgl. Vorschuss" if de else rng.choice(["Less: retainer applied", "Paid from client trust account", "Less funds held on account"]), m.n(-ret)))
        after.append((lab("balance"), m.c(s.total - ret), True))
    elif rng.random() < 0.3:
        prev, paid = nice_price(rng, 200, 3000, s), None
        paid = prev
        after += [("Vorheriger Saldo" if de else "Previous balance", m.n(prev)), ("Zahlungen" if de else "Payments received", m.n(-paid)),
                  (lab("balance"), m.c(s.total + prev - paid), True)]
    s.after = [(a, b, (c[0] if c else False)) for a, b, *c in after]
    if rng.random() < 0.4:
        hrs = {}
        for it in time_items:
            hrs.setdefault(it.who, [D(0), D(0)])
            hrs[it.who][0] += it.qty
            hrs[it.who][1] += it.amount
        rws = []
        for who, (h, a) in hrs.items():
            tk = next(t for t in tks if who in t)
            rws.append([who, fmt_num(h, s.money.style, 2), m.n(rates[tk[0]]), m.n(a)])
        s.extra_table = ("Zusammenfassung" if de else "Timekeeper summary", ["Bearbeiter" if de else "Timekeeper", lab("hours"), lab("rate"), lab("amount")], rws)
    s.notes.append("Zahlbar innerhalb von 14 Tagen ohne Abzug." if de else rng.choice(
        ["Payment due within 30 days. Please quote the matter number with your remittance.", "Trust account statement enclosed.", ""]))
    return s


def b_fuel(rng):
    cc = rng.choice(["us", "gb", "de", "fr", "nl", "es", "ie"])
    s = new_spec(rng, "fuel", cc)
    lab = s.lab
    pool = FUEL["us" if cc == "us" else ("en" if s.lang == "en" else s.lang)]
    card = rng.random() < 0.45
    s.feats["variant"] = "card" if card else "delivery"
    fx = D(str(CUR_FACTOR[LOC[cc]["cur"]]))
    items = []
    prods = [p for p in pool[:5] if "|L|" in p or "|l|" in p or "|gal|" in p] if card else pool
    n = rng.choice([6, 9, 12, 16, 22, 30]) if card else rng.choice([1, 2, 3, 4, 5])
    day0 = s.date - dt.timedelta(days=30)
    for j in range(n):
        d, unit, plo, phi, qlo, qhi, qd = rng.choice(prods).split("|")
        pdec = 3 if float(phi) < 20 or rng.random() < 0.5 else 2
        price = q(D(str(rng.uniform(float(plo), float(phi)))) * fx, pdec)
        qd = int(qd)
        if card:
            qty = q(D(str(rng.uniform(20, 120 if unit != "gal" else 40))), 2 if unit != "gal" else 3)
            qd = 2 if unit != "gal" else 3
        else:
            qty = q(D(str(rng.uniform(float(qlo), float(qhi)))), qd)
        it = Item(desc=d, unit=unit, qty=qty, price=price, amount=q(qty * price, 2), qdec=qd, pdec=pdec)
        if card:
            it.date = fmt_date(day0 + dt.timedelta(days=sorted(rng.sample(range(30), 1))[0]), "dmy/" if cc != "us" else "mdy/")
            it.site = rng.choice(STATIONS)
            it.ref = f"{rng.randint(100000, 999999)}"
        items.append(it)
    if card:
        items.sort(key=lambda i: (i.date[6:], i.date[3:5], i.date[:2]) if cc != "us" else (i.date[6:], i.date[:5]))
        s.cols = rng.choice([["date", "site", "ref", "desc", "qty", "price", "amount"], ["date", "ref", "desc", "site", "qty", "unit", "price", "amount"]])
        s.heads.update(date={"en": "Date", "de": "Datum", "fr": "Date", "nl": "Datum", "es": "Fecha"}[s.lang],
                       site={"en": "Site", "de": "Tankstelle", "fr": "Station", "nl": "Station", "es": "Estación"}[s.lang],
                       ref={"en": "Receipt", "de": "Beleg", "fr": "Ticket", "nl": "Bon", "es": "Ticket"}[s.lang])
        s.blocks.append(({"en": "Fuel card", "de": "Tankkarte", "fr": "Carte carburant", "nl": "Tankpas", "es": "Tarjeta"}[s.lang],
                         [({"en": "Card no.", "de": "Karten-Nr.", "fr": "N° carte", "nl": "Pasnr.", "es": "Nº tarjeta"}[s.lang], f"7077 {_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 4)}"),
                          ({"en": "Vehicle", "de": "Fahrzeug", "fr": "Véhicule", "nl": "Voertuig", "es": "Vehículo"}[s.lang], f"{rng.choice(['LK', 'B', 'GH', 'M'])}-{_digits(rng, 3)}"),
                          ({"en": "Statement period", "de": "Zeitraum", "fr": "Période", "nl": "Periode", "es": "Periodo"}[s.lang],
                           f"{fmt_date(day0, s.date_fmt, s.lang)} - {fmt_date(s.date - dt.timedelta(days=1), s.date_fmt, s.lang)}")]))
    else:
        s.cols = rng.choice([["no", "desc", "qty", "unit", "price", "amount"], ["code", "desc", "unit", "qty", "price", "amount"], ["desc", "qty", "unit", "price", "amount"]])
        for it in items:
            it.code = f"{rng.randint(1000, 99999)}"
        if rng.random() < 0.5:
            s.blocks.append(({"en": "Delivery", "de": "Lieferung", "fr": "Livraison", "nl": "Levering", "es": "Entrega"}[s.lang],
                             [({"en": "Delivery note", "de": "Lieferschein", "fr": "Bon de livraison", "nl": "Pakbon", "es": "Albarán"}[s.lang], f"{rng.randint(100000, 999999)}"),
                              ({"en": "Delivered", "de": "Lieferdatum", "fr": "Livré le", "nl": "Geleverd", "es": "Fecha entrega"}[s.lang],
                               fmt_date(s.date - dt.timedelta(days=rng.randint(1, 6)), s.date_fmt, s.lang)),
                              ({"en": "Truck / meter ticket", "de": "Zählwerk", "fr": "Compteur", "nl": "Teller", "es": "Contador"}[s.lang], f"{_digits(rng, 7)}")]))
    s.heads["price"] = rng.choice([lab("price"), f"{lab('price')}/{items[0].unit}"])
    s.rows = [("item", it) for it in items]
    s.number = std_number(s, rng.choice(["INV", "FC", "RE", "F"]))
    base_meta(s)
    sub = sum(i.amount for i in items)
    ch = [(lab("delivery"), nice_price(rng, 25, 120, s))] if rng.random() < 0.4 else []
    taxes = std_tax(s, sub + sum(a for _, a in ch)) if cc != "us" else ([] if rng.random() < 0.5 else std_tax(s, sub))
    finish(s, taxes, ch)
    return s


def b_above(rng):
    cc, lang = pick_generic_cc(rng)
    s = new_spec(rng, "above", cc, lang)
    items = pool_items(s, gen_pool(s), rng.choice([1, 2, 3, 4, 5, 7, 10, 18]))
    s.rows = [("item", it) for it in items]
    s.cols = rng.choice([["desc", "qty", "price", "amount"], ["no", "desc", "qty", "unit", "price", "amount"], ["desc", "price", "qty", "amount"]])
    s.title = s.lab("inv")
    s.number = std_number(s)
    base_meta(s)
    s.force.update(meta="above", totals="stacked", party="two_col")
    s.issuer_mode = "from_block" if rng.random() < 0.75 else rng.choice(["header", "logo_beside"])
    sub = sum(i.amount for i in items)
    ch = [(s.lab("delivery"), nice_price(rng, 5, 40, s))] if rng.random() < 0.25 else []
    finish(s, std_tax(s, sub + sum(a for _, a in ch)), ch)
    return s


def b_amtleft(rng):
    cc, lang = pick_generic_cc(rng)
    s = new_spec(rng, "amtleft", cc, lang)
    items = pool_items(s, gen_pool(s), rng.choice([2, 3, 4, 5, 6, 8, 12, 20]))
    s.rows = [("item", it) for it in items]
    s.title = s.lab("inv")
    s.number = std_number(s)
    base_meta(s)
    orders = [(["amount", "desc", "qty", "price"], True), (["qty", "price", "amount", "desc"], True), (["code", "amount", "qty", "desc"], True),
              (["qty", "desc", "price", "amount", "taxamt"], False), (["desc", "amount", "qty", "price", "taxrate", "taxamt"], False),
              (["qty", "desc", "price", "amount", "taxamt", "gross"], False), (["no", "desc", "qty", "price", "taxrate", "amount", "taxamt"], False),
              (["amount", "qty", "unit", "desc"], True)]
    cols, may_drop = rng.choice(orders)
    s.cols = cols
    s.heading = not (may_drop and rng.random() < 0.45)
    s.feats["col_order"] = "|".join(cols)
    for it in items:
        it.code = f"{rng.randint(10000, 99999)}"
    taxes = LOC[cc]["tax"]
    sub = sum(i.amount for i in items)
    if taxes and any(c in cols for c in ("taxamt", "taxrate", "gross")):
        name, rates = taxes[0]
        rate = D(rng.choice(rates))
        for it in items:
            it.taxrate = rate
            it.taxamt = tax_on(s, it.amount, rate)
        s.heads["amount"] = s.lab("net")
        finish(s, [(tax_label(s, rate, name), sum(i.taxamt for i in items))], [])
    else:
        s.cols = [c for c in cols if c not in ("taxamt", "taxrate", "gross")]
        finish(s, std_tax(s, sub), [])
    return s


def b_deposit(rng):
    cc, lang = pick_generic_cc(rng)
    s = new_spec(rng, "deposit", cc, lang)
    lab = s.lab
    items = pool_items(s, gen_pool(s), rng.choice([1, 2, 3, 4, 6, 9, 15]))
    s.rows = [("item", it) for it in items]
    s.cols = rng.choice([["no", "desc", "qty", "price", "amount"], ["desc", "qty", "unit", "price", "amount"], ["code", "desc", "qty", "price", "amount"]])
    if "code" in s.cols:
        for it in items:
            it.code = f"{rng.randint(1000, 99999)}"
    s.title = s.lab("inv") if rng.random() < 0.7 else {"en": "FINAL INVOICE", "de": "SCHLUSSRECHNUNG", "fr": "FACTURE DE SOLDE", "nl": "EINDFACTUUR",
                                                       "es": "FACTURA FINAL", "id": "FAKTUR PELUNASAN", "ms": "INVOIS AKHIR"}[s.lang]
    s.number = std_number(s)
    base_meta(s)
    sub = sum(i.amount for i in items)
    finish(s, std_tax(s, sub), [])
    m = s.money
    dep_no = std_number(s, rng.choice(["ADV", "DP", "AZ", "PF"]))
    while dep_no == s.number:
        dep_no = std_number(s, "DP")
    dep_date = s.date - dt.timedelta(days=rng.randint(10, 120))
    dds = fmt_date(dep_date, s.date_fmt, s.lang)
    of = {"en": "dated", "de": "vom", "fr": "du", "nl": "van", "es": "de", "id": "tgl.", "ms": "bertarikh"}[s.lang]
    pct = D(rng.choice(["0.2", "0.3", "0.4", "0.5"]))
    dep = q(s.total * pct, LOC[cc]["dec"])
    after = [(f"{lab('deposit')} ({dep_no} {of} {dds})" if rng.random() < 0.5 else f"{lab('deposit')} {fmt_pct(pct, m.style)}%", m.n(-dep), False)]
    if rng.random() < 0.5:
        s.refs.append({"en": "Advance invoice", "de": "Anzahlungsrechnung", "fr": "Facture d'acompte", "nl": "Voorschotfactuur", "es": "Factura de anticipo",
                       "id": "Faktur uang muka", "ms": "Invois deposit"}[s.lang] + f" {dep_no} {of} {dds}: {m.c(dep)}")
    if rng.random() < 0.4:
        oc = f"{rng.choice(['OC', 'AB', 'SO'])}-{rng.randint(1000, 99999)}"
        s.refs.append({"en": "Order confirmation", "de": "Auftragsbestätigung", "fr": "Confirmation de commande", "nl": "Orderbevestiging",
                       "es": "Confirmación de pedido", "id": "Konfirmasi pesanan", "ms": "Pengesahan pesanan"}[s.lang]
                      + f" {oc} {of} {fmt_date(dep_date - dt.timedelta(days=rng.randint(1, 20)), s.date_fmt, s.lang)}")
    rest = s.total - dep
    for _ in range(rng.choice([0, 0, 1, 2])):
        p = q(rest * D(rng.choice(["0.2", "0.3", "0.5"])), LOC[cc]["dec"])
        pd = dep_date + dt.timedelta(days=rng.randint(5, 40))
        after.append((f"{lab('paid')} {fmt_date(pd, s.date_fmt, s.lang)}", m.n(-p), False))
        rest -= p
    after.append((lab("balance"), m.c(rest), True))
    s.after = after
    s.feats["balance"] = dstr(rest)
    return s


def b_eastasia(rng):
    cc = rng.choice(["kr", "jp", "tw", "hk"])
    s = new_spec(rng, "eastasia", cc)
    y, mo, d = s.date.year, s.date.month, s.date.day
    if s.money.sym == "₩" and rng.random() < 0.3:
        s.money.sym = "₩ "
    n = rng.choice([1, 2, 3, 4, 6, 8, 12, 18])
    items = pool_items(s, EAST, n)
    reduced = cc == "jp" and rng.random() < 0.5
    if reduced:
        food = pool_items(s, EAST_FOOD, rng.randint(1, 3))
        for it in food:
            it.mark = "*"
        items = items + food
        rng.shuffle(items)
    s.rows = [("item", it) for it in items]
    s.cols = rng.choice([["no", "desc", "qty", "price", "amount"], ["desc", "qty", "unit", "price", "amount"], ["no", "code", "desc", "qty", "price", "amount"]])
    if reduced:
        i = s.cols.index("desc")
        s.cols = s.cols[:i] + ["mark"] + s.cols[i:] if rng.random() < 0.5 else s.cols[:i + 1] + ["mark"] + s.cols[i + 1:]
    for it in items:
        it.code = f"{rng.choice(['TS', 'BR', 'LM', 'SV'])}-{rng.randint(100, 9999)}"
    k = rng.randint(1, 999)
    s.number = {"kr": f"KR{y % 100:02d}{mo:02d}{d:02d}-{k:03d}", "jp": rng.choice([f"{y}{mo:02d}-{k:04d}", f"No. {y % 100}-{k:05d}"]),
                "tw": rng.choice([f"TW-{k:06d}", f"INV{y}{k:04d}"]), "hk": rng.choice([f"HK{k:05d}", f"INV-{k:05d}"])}[cc]
    if s.number.startswith("No. "):
        s.number = s.number[4:]
    s.title = rng.choice(["INVOICE", "Invoice"] + (["TAX INVOICE", "COMMERCIAL INVOICE"] if cc == "kr" else []) + (["INVOICE (Qualified Invoice)"] if cc == "jp" else []))
    base_meta(s)
    sub = sum(i.amount for i in items)
    m = s.money
    if cc == "jp":
        if reduced:
            b8 = sum(i.amount for i in items if i.mark)
            b10 = sub - b8
            t10, t8 = q(b10 * D("0.10"), 0), q(b8 * D("0.08"), 0)
            taxes = [(f"Consumption Tax 10% (on {m.c(b10) if m.show != 'none' else m.n(b10)})", t10), (f"Consumption Tax 8%* (on {m.c(b8) if m.show != 'none' else m.n(b8)})", t8)]
            s.notes.append("* Reduced tax rate item (8%)")
        else:
            taxes = [(rng.choice(["Consumption Tax (10%)", "Consumption Tax 10%", "Tax 10%"]), q(sub * D("0.10"), 0))]
        finish(s, taxes, [], sub_label=rng.choice(["Subtotal", "Subtotal (excl. tax)"]))
        s.notes.append("Please remit by bank transfer. Bank charges are borne by the remitter.")
    elif cc == "kr":
        finish(s, [(rng.choice(["VAT (10%)", "Tax Amount", "VAT 10%"]), q(sub * D("0.10"), 0))], [], sub_label=rng.choice(["Supply Value", "Subtotal", "Supply Amount"]),
               total_label=rng.choice(["Total Amount", "TOTAL", "Grand Total"]))
    elif cc == "tw":
        finish(s, [(rng.choice(["Business Tax (5%)", "Tax 5%", "VAT 5%"]), q(sub * D("0.05"), 0))], [])
    else:
        finish(s, [], [], sub_label=False if rng.random() < 0.4 else None)
    maybe_words(s)
    return s


BUILDERS = {"sea": b_sea, "africa": b_africa, "credit": b_credit, "repair": b_repair, "proftime": b_proftime, "fuel": b_fuel,
            "above": b_above, "amtleft": b_amtleft, "deposit": b_deposit, "eastasia": b_eastasia}


# ----------------------------------------------------------------------------- fonts and canvas

FD = "/usr/share/fonts/truetype/dejavu/"
FAMILIES = {
    "dejavu-sans": (FD + "DejaVuSans.ttf", FD + "DejaVuSans-Bold.ttf", 5),
    "dejavu-sans-cond": (FD + "DejaVuSansCondensed.ttf", FD + "DejaVuSansCondensed-Bold.ttf", 3),
    "dejavu-serif": (FD + "DejaVuSerif.ttf", FD + "DejaVuSerif-Bold.ttf", 2),
    "dejavu-serif-cond": (FD + "DejaVuSerifCondensed.ttf", FD + "DejaVuSerifCondensed-Bold.ttf", 1),
    "dejavu-mono": (FD + "DejaVuSansMono.ttf", FD + "DejaVuSansMono-Bold.ttf", 0.5),
    "helv": ("helv", "hebo", 4),
    "times": ("tiro", "tibo", 1.5),
    "courier": ("cour", "cobo", 0.5),
}
_CMAPS: dict = {}
_FONTS: dict = {}


def _cmap(path):
    if path not in _CMAPS:
        from fontTools.ttLib import TTFont
        _CMAPS[path] = set(TTFont(path).getBestCmap())
    return _CMAPS[path]


def covers(fam, chars):
    r, b, _ = FAMILIES[fam]
    if not r.endswith(".ttf"):
        return all(0x20 <= ord(c) < 0x7F or 0xA0 <= ord(c) <= 0xFF for c in chars)
    return all(ord(c) in _cmap(r) and ord(c) in _cmap(b) for c in chars if not c.isspace())


def _font(name):
    if name not in _FONTS:
        _FONTS[name] = pymupdf.Font(fontfile=name) if name.endswith(".ttf") else pymupdf.Font(name)
    return _FONTS[name]


class Canvas:
    def __init__(self, w, h, fam):
        self.doc = pymupdf.open()
        self.w, self.h = w, h
        r, b, _ = FAMILIES[fam]
        self.files = {False: r, True: b}
        self.names = {False: "FR" if r.endswith(".ttf") else r, True: "FB" if b.endswith(".ttf") else b}
        self.pages = []
        self.new_page()

    def new_page(self):
        self.page = self.doc.new_page(width=self.w, height=self.h)
        self.pages.append(self.page)

    def tw(self, s, sz, b=False):
        return _font(self.files[b]).text_length(s, fontsize=sz)

    def text(self, x, y, s, sz=9, b=False, color=(0, 0, 0), align="l", page=None):
        if not s:
            return 0
        w = self.tw(s, sz, b)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        f = self.files[b]
        (page or self.page).insert_text((x, y), s, fontname=self.names[b], fontfile=f if f.endswith(".ttf") else None, fontsize=sz, color=color)
        return w

    def wrap(self, s, sz, maxw, b=False):
        words, lines, cur = s.split(" "), [], ""
        for w in words:
            t = (cur + " " + w) if cur else w
            if cur and self.tw(t, sz, b) > maxw:
                lines.append(cur)
                cur = w
            else:
                cur = t
        if cur:
            lines.append(cur)
        return lines or [""]

    def line(self, x0, y0, x1, y1, w=0.5, color=(0, 0, 0)):
        self.page.draw_line((x0, y0), (x1, y1), color=color, width=w)

    def rect(self, x0, y0, x1, y1, fill=None, color=None, w=0.5):
        self.page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=color, fill=fill, width=w)


@dataclass
class Lay:
    fam: str
    size: float
    W: float
    H: float
    L: float
    R: float
    T: float
    B: float
    header: str
    meta: str
    party: str
    tstyle: str
    totals: str
    accent: tuple
    caps_labels: bool
    meta_boxes: bool
    label_bold: bool
    page_numbers: bool


ACCENTS = [(0.12, 0.25, 0.45), (0.1, 0.4, 0.35), (0.45, 0.1, 0.15), (0.2, 0.2, 0.2), (0.55, 0.35, 0.05), (0.25, 0.15, 0.45)]
GREY = (0.42, 0.42, 0.42)


def _strings(x, out):
    if isinstance(x, str):
        out.append(x)
    elif isinstance(x, (list, tuple)):
        for y in x:
            _strings(y, out)
    elif isinstance(x, dict):
        for y in x.values():
            _strings(y, out)
    elif isinstance(x, Item):
        _strings([x.desc, x.unit, x.code, x.note, x.date, x.who, x.site, x.ref, x.mark], out)


def choose_layout(s, rng):
    chars = []
    _strings([v for k, v in s.__dict__.items() if k not in ("rng", "lab", "money", "feats")], chars)
    _strings(LBL[s.lang], chars)
    chars.append(s.money.sym + "0123456789.,-()%/:#")
    cs = set("".join(chars))
    fams = [f for f in FAMILIES if covers(f, cs)]
    fam = rng.choices(fams, [FAMILIES[f][2] for f in fams])[0]
    letter = LOC[s.cc]["page"] == "letter" and rng.random() < 0.85
    W, H = (612, 792) if letter else (595, 842)
    size = round(rng.uniform(7.6, 9.6), 1) - (0.8 if fam in ("courier", "dejavu-mono") else 0)
    f = s.force
    party = f.get("party") or rng.choice(["left", "left", "right", "two_col"])
    if s.issuer_mode == "from_block":
        party = "two_col"
    if s.issuer_mode == "labeled":
        party = "labeled"
    return Lay(fam=fam, size=size, W=W, H=H, L=rng.randint(34, 62), R=rng.randint(34, 62), T=rng.randint(30, 58), B=rng.randint(30, 50),
               header=f.get("header") or rng.choice(["left", "left", "right", "center"]),
               meta=f.get("meta") or rng.choices(["colon", "grid", "inline", "above"], [6, 2, 2, 1])[0], party=party,
               tstyle=rng.choice(["grid", "lines", "zebra", "plain", "headfill"]),
               totals=f.get("totals") or rng.choices(["right", "left", "stacked"], [7, 2, 1])[0], accent=rng.choice(ACCENTS),
               caps_labels=rng.random() < 0.4, meta_boxes=rng.random() < 0.6, label_bold=rng.random() < 0.5, page_numbers=rng.random() < 0.4)


# ----------------------------------------------------------------------------- renderer

ADDR_LBL = {"en": "Address", "id": "Alamat", "ms": "Alamat", "vi": "Địa chỉ", "fr": "Adresse", "de": "Anschrift", "nl": "Adres", "es": "Dirección"}
NUMERIC = {"qty", "price", "amount", "taxamt", "gross", "taxrate"}


class R:
    """Render state: canvas, layout, current y."""

    def __init__(self, s, lay):
        self.s, self.lay, self.rng = s, lay, s.rng
        self.cv = Canvas(lay.W, lay.H, lay.fam)
        self.x0, self.x1 = lay.L, lay.W - lay.R
        self.fs = lay.size
        self.lh = self.fs * 1.32
        nfoot = len(s.footer) + (1 if s.issuer_mode == "footer" else 0) + 1
        self.bottom = lay.H - lay.B - nfoot * (self.fs * 1.2) - 6
        self.y = lay.T

    def ensure(self, h):
        if self.y + h > self.bottom:
            self.cv.new_page()
            self.y = self.lay.T

    def lbl(self, t):
        return t.upper() if self.lay.caps_labels else t

    # --- header -----------------------------------------------------------------
    def logo(self, x, y, align="l"):
        s, fs = self.s, self.fs
        bs = fs + 4
        w = self.cv.tw(s.brand, bs, True) + 16
        h = bs + 12
        if align == "r":
            x -= w
        if self.rng.random() < 0.6:
            self.cv.rect(x, y, x + w, y + h, fill=self.lay.accent)
            self.cv.text(x + 8, y + h - 7, s.brand, bs, True, color=(1, 1, 1))
        else:
            self.cv.rect(x, y, x + w, y + h, color=self.lay.accent, w=1.2)
            self.cv.text(x + 8, y + h - 7, s.brand, bs, True, color=self.lay.accent)
        return x, w, h

    def issuer_block(self, x, y, align="l"):
        s, cv, fs = self.s, self.cv, self.fs
        mode = s.issuer_mode
        if mode in ("footer",) or (mode in ("from_block", "labeled") and s.brand and self.rng.random() < 0.5):
            _, w, h = self.logo(x, y, align)
            return y + h + 6
        if mode in ("from_block", "labeled"):
            return y
        if mode == "logo_beside":
            lx, w, h = self.logo(x, y, align)
            nx = x + w + 8 if align == "l" else x - w - 8
            yy = y + fs + 3
            cv.text(nx, yy, s.issuer, fs + 1.5, True, align=align)
            for ln in s.issuer_lines[:3]:
                yy += self.lh * 0.95
                cv.text(nx, yy, ln, fs - 1, color=GREY, align=align)
            yy = max(yy, y + h)
            for ln in s.issuer_lines[3:]:
                yy += self.lh * 0.95
                cv.text(x, yy, ln, fs - 1, color=GREY, align=align)
            return yy + 8
        ns = fs + self.rng.choice([3, 4, 5, 6])
        yy = y + ns
        maxw = (self.x1 - self.x0) * 0.5
        while cv.tw(s.issuer, ns, True) > maxw and ns > fs:
            ns -= 0.5
        cv.text(x, yy, s.issuer, ns, True, align=align, color=self.lay.accent if self.rng.random() < 0.4 else (0, 0, 0))
        yy += 3
        for ln in s.issuer_lines:
            yy += self.lh * 0.95
            cv.text(x, yy, ln, fs - 0.5, align=align)
        return yy + 8

    def meta_colon(self, x, y, align="l", width=None):
        s, cv, fs = self.s, self.cv, self.fs
        lw = max(cv.tw(self.lbl(a) + ":", fs, self.lay.label_bold) for a, _ in s.meta) + 8
        vw = max(cv.tw(b, fs) for _, b in s.meta)
        if align == "r":
            x = x - lw - vw
        yy = y
        for a, b in s.meta:
            yy += self.lh
            cv.text(x, yy, self.lbl(a) + ":", fs, self.lay.label_bold, color=(0, 0, 0) if self.lay.label_bold else GREY)
            if align == "r":
                cv.text(x + lw + vw, yy, b, fs, align="r")
            else:
                cv.text(x + lw, yy, b, fs)
        return yy + 6

    def header(self):
        s, cv, fs, lay = self.s, self.cv, self.fs, self.lay
        x0, x1, y = self.x0, self.x1, self.y
        ts = fs + self.rng.choice([6, 8, 10, 12])
        while cv.tw(s.title, ts, True) > (x1 - x0) * 0.48 and ts > fs + 2:
            ts -= 1
        tcol = lay.accent if self.rng.random() < 0.5 else (0, 0, 0)
        if lay.header == "left":
            yl = self.issuer_block(x0, y, "l")
            cv.text(x1, y + ts, s.title, ts, True, color=tcol, align="r")
            yr = y + ts + 6
            if lay.meta == "colon":
                yr = self.meta_colon(x1, yr, "r")
            self.y = max(yl, yr) + 6
        elif lay.header == "right":
            yr = self.issuer_block(x1, y, "r")
            cv.text(x0, y + ts, s.title, ts, True, color=tcol)
            yl = y + ts + 6
            if lay.meta == "colon":
                yl = self.meta_colon(x0, yl, "l")
            self.y = max(yl, yr) + 6
        elif lay.header == "center":
            cx = (x0 + x1) / 2
            yy = y
            if s.issuer_mode in ("header", "logo_beside"):
                ns = fs + 5
                while cv.tw(s.issuer, ns, True) > (x1 - x0) * 0.9 and ns > fs:
                    ns -= 0.5
                yy += ns
                cv.text(cx, yy, s.issuer, ns, True, align="c")
                for ln in self.wrap_join(s.issuer_lines, fs - 0.5, x1 - x0):
                    yy += self.lh
                    cv.text(cx, yy, ln, fs - 0.5, align="c", color=GREY)
                yy += 10
            else:
                yy = self.issuer_block(x0, yy, "l")
            yy += ts
            cv.text(cx, yy, s.title, ts, True, align="c", color=tcol)
            yy += 8
            if lay.meta == "colon":
                yy = self.meta_colon(x1, yy, "r")
            self.y = yy + 6
        else:  # vn
            yy = y
            if s.issuer_mode == "header":
                yy = self.issuer_block(x0, yy, "l")
            cx = (x0 + x1) / 2
            ty = yy + ts
            cv.text(cx, ty, s.title, ts, True, align="c", color=tcol)
            if s.subtitle:
                ty += self.lh
                cv.text(cx, ty, s.subtitle, fs, align="c")
            if s.date_fmt == "vn":
                ty += self.lh + 2
                cv.text(cx, ty, s.date_str, fs + 0.5, align="c")
            yr = yy
            if lay.meta == "colon":
                lw = max(cv.tw(a + ":", fs) for a, _ in s.meta)
                for a, b in s.meta:
                    yr += self.lh
                    w = cv.tw(b, fs)
                    cv.text(x1 - w - lw - 4, yr, a + ":", fs)
                    cv.text(x1, yr, b, fs, b=a == "Số", align="r")
                if yr > yy + 2 * self.lh:  # long meta column: keep the title clear of it
                    pass
            self.y = max(ty, yr) + 10
        if lay.meta != "colon":
            self.meta_row(lay.meta)

    def wrap_join(self, parts, sz, maxw):
        out, cur = [], ""
        for p in parts:
            t = (cur + "  ·  " + p) if cur else p
            if cur and self.cv.tw(t, sz) > maxw:
                out.append(cur)
                cur = p
            else:
                cur = t
        return out + ([cur] if cur else [])

    def meta_row(self, style):
        s, cv, fs = self.s, self.cv, self.fs
        x0, x1 = self.x0, self.x1
        meta = s.meta
        if style == "inline":
            parts = [f"{a}: {b}" for a, b in meta]
            for ln in self.wrap_join(parts, fs, x1 - x0):
                self.y += self.lh
                cv.text(x0, self.y, ln.replace("  ·  ", "     "), fs)
            self.y += 10
            return
        per = min(len(meta), self.rng.choice([3, 4, 4, 5]))
        while per > 1 and max(max(cv.tw(b, fs + 0.5, True), cv.tw(a.upper(), fs - 2)) for a, b in meta) + 12 > (x1 - x0) / per:
            per -= 1
        cw = (x1 - x0) / per
        for k in range(0, len(meta), per):
            row = meta[k:k + per]
            h = fs * 2 + 14
            self.ensure(h)
            for j, (a, b) in enumerate(row):
                bx = x0 + j * cw
                if style == "grid" or self.lay.meta_boxes:
                    self.cv.rect(bx, self.y, bx + cw - (4 if style == "above" else 0), self.y + h, color=(0.6, 0.6, 0.6),
                                 fill=(0.94, 0.94, 0.94) if style == "grid" else None)
                if style == "grid":
                    cv.line(bx, self.y + fs + 6, bx + cw, self.y + fs + 6, 0.4, (0.6, 0.6, 0.6))
                    cv.text(bx + 5, self.y + fs + 2, a, fs - 0.5, True)
                    cv.text(bx + 5, self.y + h - 5, b, fs)
                else:
                    cv.text(bx + 5, self.y + fs + 1, a.upper(), fs - 2, color=GREY)
                    cv.text(bx + 5, self.y + h - 5, b, fs + 0.5, True)
            self.y += h + 4
        self.y += 6

    # --- parties ----------------------------------------------------------------
    def party_lines(self, lines):
        return [f"{ln[0]}: {ln[1]}" if isinstance(ln, tuple) else ln for ln in lines]

    def parties(self):
        s, cv, fs, lay = self.s, self.cv, self.fs, self.lay
        x0, x1 = self.x0, self.x1
        w = x1 - x0
        if lay.party == "labeled":
            lines = []
            if s.issuer_mode == "labeled":
                lines.append((s.lab("frm") + ":", s.issuer, True))
                lines.append((ADDR_LBL[s.lang] + ":", ", ".join(s.issuer_lines[:2]), False))
                for ln in s.issuer_lines[2:]:
                    lines.append(("", ln, False))
                lines.append(None)
            lines.append((s.cust_label + ":", s.customer, True))
            cl = s.customer_lines
            if cl and isinstance(cl[0], tuple):
                for a, b in cl:
                    lines.append((a + ":", b, False))
            else:
                lines.append((ADDR_LBL[s.lang] + ":", ", ".join(cl[:2]), False))
                for ln in cl[2:]:
                    lines.append(("", ln, False))
            for ln in lines:
                if ln is None:
                    self.y += 4
                    cv.line(x0, self.y, x1, self.y, 0.3, (0.7, 0.7, 0.7))
                    self.y += 2
                    continue
                a, b, bold = ln
                self.y += self.lh
                if a:
                    wa = cv.text(x0, self.y, a, fs)
                    cv.text(x0 + wa + 4, self.y, b, fs, bold)
                else:
                    cv.text(x0, self.y, b, fs)
            self.y += 12
            return
        blocks = []
        if lay.party == "two_col" and s.issuer_mode == "from_block":
            blocks.append((s.lab("frm"), s.issuer, s.issuer_lines))
        blocks.append((s.cust_label, s.customer, self.party_lines(s.customer_lines)))
        if s.ship:
            blocks.append((s.ship_label, s.ship[0], s.ship[1:]))
        if lay.party == "right" and len(blocks) == 1:
            xs = [x0 + w * 0.55]
        else:
            xs = [x0 + w * k / max(2, len(blocks)) for k in range(len(blocks))]
        y0, ye = self.y, self.y
        for (lab_, name, lines), bx in zip(blocks, xs):
            yy = y0 + self.lh
            if lay.party == "two_col":
                cv.text(bx, yy, lab_.upper(), fs - 1.5, color=GREY)
            else:
                cv.text(bx, yy, self.lbl(lab_) + ("" if self.lay.caps_labels else ":"), fs, True)
            yy += self.lh + 1
            cv.text(bx, yy, name, fs + (1 if lay.party == "two_col" else 0.5), True)
            for ln in lines:
                yy += self.lh
                cv.text(bx, yy, ln, fs - 0.3)
            ye = max(ye, yy)
        self.y = ye + 14

    def blocks(self):
        s, cv, fs = self.s, self.cv, self.fs
        x0, x1 = self.x0, self.x1
        for title, pairs in s.blocks:
            self.ensure(self.lh * 3)
            above = self.lay.meta == "above"
            cells = [f"{a}: {b}" for a, b in pairs]
            mw = max(cv.tw(c, fs) for c in cells) + 14
            k = max(1, min(3, int((x1 - x0) // mw)))
            cw = (x1 - x0) / k
            nrows = (len(pairs) + k - 1) // k
            rh = (fs * 2 + 8) if above else self.lh
            top = self.y
            self.y += self.lh
            cv.text(x0 + 4, self.y, self.lbl(title), fs, True)
            self.y += 3
            for r_ in range(nrows):
                for j in range(k):
                    idx = r_ * k + j
                    if idx >= len(pairs):
                        break
                    a, b = pairs[idx]
                    bx = x0 + 4 + j * cw
                    if above:
                        cv.text(bx, self.y + fs, a.upper(), fs - 2, color=GREY)
                        cv.text(bx, self.y + fs * 2 + 3, b, fs)
                    else:
                        wa = cv.text(bx, self.y + self.lh, a + ":", fs, color=GREY)
                        cv.text(bx + wa + 4, self.y + self.lh, b, fs)
                self.y += rh
            self.y += 6
            if self.rng.random() < 0.6:
                cv.rect(x0, top, x1, self.y, color=(0.65, 0.65, 0.65), w=0.5)
            self.y += 10
        for ln in s.refs:
            self.ensure(self.lh)
            self.y += self.lh
            cv.text(self.x0, self.y, ln, self.fs)
        if s.refs:
            self.y += 10

    # --- item table ---------------------------------------------------------------
    def head_text(self, key):
        s, lab = self.s, self.s.lab
        if key in s.heads:
            t = s.heads[key]
        else:
            t = {"no": lab("no_col"), "code": lab("code"), "desc": lab("desc"), "unit": lab("unit"), "qty": lab("qty"), "price": lab("price"),
                 "amount": lab("amount"), "taxrate": lab("taxrate"), "taxamt": lab("taxcol"), "gross": lab("gross"), "date": "Date",
                 "who": "By", "site": "Site", "ref": "Ref.", "mark": ""}[key]
        if key == "amount" and s.money.show == "head":
            t = f"{t} ({s.currency})"
        return t

    def cell(self, it, key, idx):
        m, st = self.s.money, self.s.money.style
        if key == "no":
            return str(idx)
        if key == "qty":
            return "" if it.qty is None else fmt_num(it.qty, st, it.qdec)
        if key == "price":
            return "" if it.price is None else fmt_num(it.price, st, it.pdec)
        if key == "amount":
            return m.t(it.amount)
        if key == "taxrate":
            return "" if it.taxrate is None else f"{fmt_pct(it.taxrate, st)}%"
        if key == "taxamt":
            return "" if it.taxamt is None else m.n(it.taxamt)
        if key == "gross":
            return "" if it.taxamt is None else m.n(it.amount + it.taxamt)
        return getattr(it, key) or ""

    def table(self):
        s, cv, lay = self.s, self.cv, self.lay
        x0, x1 = self.x0, self.x1
        fs = self.fs
        cols = s.cols
        items = s.items
        pad = 4
        heads = {k: self.head_text(k) for k in cols}
        cells = {}
        for k_, it in enumerate(items, 1):
            for c in cols:
                cells[(id(it), c)] = self.cell(it, c, k_)
        sub_vals = [s.money.n(r[2]) for r in s.rows if r[0] == "sub"]
        for _ in range(8):
            widths = {}
            for c in cols:
                if c == "desc":
                    continue
                ws = [cv.tw(cells[(id(it), c)], fs) for it in items] + [cv.tw(heads[c], fs - 0.5, True) if s.heading else 0]
                if c == "amount":
                    ws += [cv.tw(v, fs, True) for v in sub_vals]
                widths[c] = max(ws) + 2 * pad + (4 if c in NUMERIC else 0)
            dw = (x1 - x0) - sum(widths.values())
            if dw >= max(150, (x1 - x0) * 0.3) or fs <= 6.5:
                break
            fs -= 0.4
        widths["desc"] = max(dw, 100)
        xs, x = {}, x0
        for c in cols:
            xs[c] = x
            x += widths[c]
        lh = fs * 1.28
        hfs = fs - 0.5
        ac = lay.accent
        grid = lay.tstyle == "grid"
        rule = (0.55, 0.55, 0.55)

        def vlines(y0, y1):
            if grid:
                for c in cols:
                    cv.line(xs[c], y0, xs[c], y1, 0.4, rule)
                cv.line(x1, y0, x1, y1, 0.4, rule)

        def draw_head():
            if not s.heading:
                cv.line(x0, self.y, x1, self.y, 0.6, rule)
                return
            hlines = {c: cv.wrap(heads[c], hfs, widths[c] - 2 * pad, True) if c == "desc" else [heads[c]] for c in cols}
            h = max(len(v) for v in hlines.values()) * lh + 2 * pad
            fill = {"headfill": ac, "zebra": (0.88, 0.88, 0.88), "grid": (0.92, 0.92, 0.92)}.get(lay.tstyle)
            if fill:
                cv.rect(x0, self.y, x1, self.y + h, fill=fill)
            col = (1, 1, 1) if lay.tstyle == "headfill" else (0, 0, 0)
            for c in cols:
                for j, t in enumerate(hlines[c]):
                    yy = self.y + pad + (j + 1) * lh - 2
                    if c in NUMERIC:
                        cv.text(xs[c] + widths[c] - pad, yy, t, hfs, True, col, "r")
                    elif c in ("no", "mark"):
                        cv.text(xs[c] + widths[c] / 2, yy, t, hfs, True, col, "c")
                    else:
                        cv.text(xs[c] + pad, yy, t, hfs, True, col)
            if lay.tstyle in ("lines", "plain", "zebra"):
                cv.line(x0, self.y, x1, self.y, 0.8)
                cv.line(x0, self.y + h, x1, self.y + h, 0.8)
            if grid:
                cv.rect(x0, self.y, x1, self.y + h, color=rule, w=0.4)
                vlines(self.y, self.y + h)
            self.y += h
            if s.letter_row:
                labs = []
                n_ = 0
                for c in cols:
                    if c in ("no", "desc", "unit", "code"):
                        labs.append("ABCDE"[len(labs)])
                    else:
                        n_ += 1
                        labs.append(str(n_) if c != "amount" else f"{n_} = {n_ - 2} x {n_ - 1}")
                h2 = lh + 4
                for c, t in zip(cols, labs):
                    cv.text(xs[c] + widths[c] / 2, self.y + lh, t, fs - 1, False, GREY, "c")
                if grid:
                    cv.rect(x0, self.y, x1, self.y + h2, color=rule, w=0.4)
                    vlines(self.y, self.y + h2)
                else:
                    cv.line(x0, self.y + h2, x1, self.y + h2, 0.4, rule)
                self.y += h2

        head_h = (lh * 2 + 2 * pad) if s.heading else 2
        self.ensure(head_h + lh * 3)
        draw_head()
        k_ = 0
        for r in s.rows:
            if r[0] == "item":
                it = r[1]
                k_ += 1
                dl = cv.wrap(it.desc, fs, widths["desc"] - 2 * pad)
                nl = cv.wrap(it.note, fs - 1.5, widths["desc"] - 2 * pad) if it.note else []
                h = len(dl) * lh + len(nl) * lh * 0.85 + 2 * pad
            elif r[0] == "head":
                h = lh + 2 * pad + 2
            else:
                h = lh + 2 * pad
            if self.y + h > self.bottom:
                cv.line(x0, self.y, x1, self.y, 0.6, rule)
                cv.text(x1, self.y + lh + 2, s.lab("cont"), fs - 1, False, GREY, "r")
                cv.new_page()
                self.y = self.lay.T
                draw_head()
            y0 = self.y
            if r[0] == "item":
                if lay.tstyle == "zebra" and k_ % 2 == 0:
                    cv.rect(x0, y0, x1, y0 + h, fill=(0.95, 0.95, 0.95))
                for c in cols:
                    if c == "desc":
                        for j, t in enumerate(dl):
                            cv.text(xs[c] + pad, y0 + pad + (j + 1) * lh - 2, t, fs)
                        for j, t in enumerate(nl):
                            cv.text(xs[c] + pad, y0 + pad + len(dl) * lh + (j + 1) * lh * 0.85 - 2, t, fs - 1.5, color=GREY)
                        continue
                    t = cells[(id(it), c)]
                    yy = y0 + pad + lh - 2
                    if c in NUMERIC:
                        cv.text(xs[c] + widths[c] - pad, yy, t, fs, align="r")
                    elif c in ("no", "mark"):
                        cv.text(xs[c] + widths[c] / 2, yy, t, fs, align="c")
                    else:
                        cv.text(xs[c] + pad, yy, t, fs)
            elif r[0] == "head":
                cv.text(x0 + pad, y0 + pad + lh, r[1], fs, True, color=ac)
            else:
                xa = xs["amount"]
                cv.text(xa - pad - 2, y0 + pad + lh - 2, r[1], fs, True, align="r")
                cv.text(xa + widths["amount"] - pad, y0 + pad + lh - 2, s.money.n(r[2]), fs, True, align="r")
                cv.line(xa + 2, y0 + 1, xa + widths["amount"] - 2, y0 + 1, 0.4)
            if grid:
                cv.line(x0, y0 + h, x1, y0 + h, 0.4, rule)
                cv.line(x0, y0, x0, y0 + h, 0.4, rule)
                if r[0] == "item":
                    vlines(y0, y0 + h)
                else:
                    cv.line(x1, y0, x1, y0 + h, 0.4, rule)
            elif lay.tstyle == "lines":
                cv.line(x0, y0 + h, x1, y0 + h, 0.3, (0.75, 0.75, 0.75))
            self.y += h
        if lay.tstyle in ("plain", "zebra", "headfill", "lines"):
            cv.line(x0, self.y, x1, self.y, 0.8)
        self.y += 12
        self.table_fs = fs

    # --- totals -----------------------------------------------------------------
    def totals_rows(self, rows, first=True):
        cv, lay = self.cv, self.lay
        fs = self.fs
        x0, x1 = self.x0, self.x1
        if not rows:
            return
        style = lay.totals
        if style == "stacked":
            if len(rows) <= 4 and max(cv.tw(b, fs + 3, True) for _, b, _ in rows) < (x1 - x0) * 0.8 / len(rows) - 14:
                cw = min(150, (x1 - x0) / len(rows))
                h = fs * 2 + 20
                self.ensure(h + 4)
                bx = x1 - cw * len(rows)
                for j, (a, b, emph) in enumerate(rows):
                    xx = bx + j * cw
                    tint = tuple(0.8 + 0.2 * c for c in lay.accent)
                    cv.rect(xx + 2, self.y, xx + cw, self.y + h, color=(0.6, 0.6, 0.6), fill=tint if emph and self.rng.random() < 0.6 else None)
                    col = (0, 0, 0)
                    cv.text(xx + 8, self.y + fs + 3, a.upper(), fs - 2, color=GREY if not emph else (0, 0, 0))
                    cv.text(xx + cw - 6, self.y + h - 7, b, fs + (3 if emph else 1.5), True, col, "r")
                self.y += h + 8
            else:
                for a, b, emph in rows:
                    self.ensure(fs * 2 + 10)
                    cv.text(x1, self.y + fs, a.upper(), fs - 2, color=GREY, align="r")
                    cv.text(x1, self.y + fs * 2 + 5, b, fs + (3 if emph else 1), True, align="r")
                    self.y += fs * 2 + 10
                self.y += 4
            return
        bw = min((x1 - x0) * 0.55, max(cv.tw(a, fs + 1, True) for a, _, _ in rows) + max(cv.tw(b, fs + 1, True) for _, b, _ in rows) + 30)
        bx = x1 - bw if style == "right" else x0
        self.ensure(len(rows) * (self.lh + 3) + 10)
        for a, b, emph in rows:
            self.ensure(self.lh + 6)
            sz = fs + (1.5 if emph else 0)
            if emph:
                if self.rng.random() < 0.4:
                    cv.rect(bx - 4, self.y + 2, bx + bw + 2, self.y + self.lh + 6, fill=(0.9, 0.9, 0.9))
                else:
                    cv.line(bx, self.y + 2, bx + bw, self.y + 2, 0.8)
            self.y += self.lh + (4 if emph else 1)
            cv.text(bx, self.y, a, sz, emph)
            cv.text(bx + bw, self.y, b, sz, emph, align="r")
        self.y += 10

    def extras(self):
        s, cv, fs = self.s, self.cv, self.fs
        x0, x1 = self.x0, self.x1
        if s.words:
            for ln in cv.wrap(s.words, fs, x1 - x0):
                self.ensure(self.lh)
                self.y += self.lh
                cv.text(x0, self.y, ln, fs, color=(0.15, 0.15, 0.15))
            self.y += 8
        if s.extra_table:
            title, heads, rws = s.extra_table
            self.ensure(self.lh * (len(rws) + 3))
            self.y += self.lh
            cv.text(x0, self.y, title, fs, True)
            cw = [max(cv.tw(r[j], fs) for r in rws + [heads]) + 16 for j in range(len(heads))]
            self.y += self.lh
            for r in [heads] + rws:
                xx = x0
                for j, t in enumerate(r):
                    if j == 0:
                        cv.text(xx, self.y, t, fs, r is heads)
                    else:
                        cv.text(xx + cw[j], self.y, t, fs, r is heads, align="r")
                    xx += cw[j]
                if r is heads:
                    cv.line(x0, self.y + 3, xx, self.y + 3, 0.5)
                self.y += self.lh
            self.y += 8
        for nt in s.notes:
            if not nt:
                continue
            for ln in cv.wrap(nt, fs - 0.5, x1 - x0):
                self.ensure(self.lh)
                self.y += self.lh
                cv.text(x0, self.y, ln, fs - 0.5, color=GREY)
        if self.rng.random() < 0.4:
            self.ensure(self.lh * 2)
            self.y += self.lh * 1.5
            cv.text(x0, self.y, s.lab("thanks"), fs, False)

    def footer(self):
        s, cv, fs, lay = self.s, self.cv, self.fs, self.lay
        lines = list(s.footer)
        if s.issuer_mode == "footer":
            lines.insert(0, "  ·  ".join([s.issuer] + s.issuer_lines[:2] + [l_ for l_ in s.issuer_lines[2:] if "Tel" not in l_][:2]))
        n = len(cv.doc)
        pl = s.lab("page")
        for p_i in range(1, n + 1):
            page = cv.doc[p_i - 1]
            yy = lay.H - lay.B - (len(lines) - 1) * fs * 1.2
            cv.page = page
            if lines:
                cv.line(self.x0, yy - fs * 1.3, self.x1, yy - fs * 1.3, 0.4, (0.6, 0.6, 0.6))
            for ln in lines:
                sz = fs - 1.5
                while cv.tw(ln, sz) > self.x1 - self.x0 and sz > 5:
                    sz -= 0.3
                cv.text((self.x0 + self.x1) / 2, yy, ln, sz, color=GREY, align="c", page=page)
                yy += fs * 1.2
            if n > 1 or lay.page_numbers:
                cv.text(self.x1, lay.H - lay.B + fs + 2, pl.format(p=p_i, n=n), fs - 1.5, color=GREY, align="r", page=page)

    def run(self):
        self.header()
        self.parties()
        self.blocks()
        self.table()
        self.totals_rows(self.s.totals)
        if self.s.after:
            self.totals_rows(self.s.after)
        self.extras()
        self.footer()
        return self.cv.doc


# ----------------------------------------------------------------------------- images

def scanify(img: Image.Image, rng: random.Random, nrng) -> Image.Image:
    paper = rng.choice([(246, 244, 238), (236, 233, 226), (228, 226, 222), (240, 240, 240)])
    arr = np.asarray(img.convert("RGB")).astype(np.float32) / 255.0
    h, w, _ = arr.shape
    arr = arr * (np.array(paper, dtype=np.float32) / 255.0)
    if rng.random() < 0.6:  # uneven light
        gx = np.linspace(rng.uniform(0.85, 1.0), rng.uniform(0.92, 1.03), w, dtype=np.float32)
        gy = np.linspace(rng.uniform(0.88, 1.02), rng.uniform(0.9, 1.0), h, dtype=np.float32)
        arr = arr * np.outer(gy, gx)[:, :, None]
    arr = np.clip(arr * 255.0 + nrng.normal(0, rng.uniform(3, 9), (h, w, 1)).astype(np.float32), 0, 255).astype(np.uint8)
    im = Image.fromarray(arr, "RGB")
    ang = rng.uniform(-1.6, 1.6)
    im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=tuple(int(c * 0.9) for c in paper))
    if rng.random() < 0.8:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.35, 0.95)))
    if rng.random() < 0.4:
        im = im.convert("L").convert("RGB")
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=rng.randint(30, 65))
    buf.seek(0)
    return Image.open(buf).convert("RGB")


# ----------------------------------------------------------------------------- assembly

BANKS = ["Barclays", "Deutsche Bank", "BNP Paribas", "ING", "Santander", "Bank Central Asia", "Maybank", "Vietcombank", "BDO Unibank", "KCB Bank",
         "Access Bank", "Ecobank", "Attijariwafa bank", "DBS Bank", "HSBC", "MUFG Bank", "Shinhan Bank", "Chase"]


def build(i, rng, arch):
    s = BUILDERS[arch](rng)
    if not s.title:
        s.title = s.lab({"credit": "credit", "proforma": "proforma", "quote": "quote"}.get(s.kind, "inv"))
    if rng.random() < 0.45:
        acct = rng.choice([f"IBAN {rng.choice(['DE', 'FR', 'NL', 'ES', 'IE', 'GB'])}{_digits(rng, 2)} {_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 4)}",
                           f"Account {_digits(rng, 10)}", f"A/C No. {_digits(rng, 3)}-{_digits(rng, 6)}-{_digits(rng, 3)}"])
        s.footer.append(f"{s.lab('bank')}: {rng.choice(BANKS)}  {acct}")
    if s.ship is None and rng.random() < 0.15 and s.issuer_mode != "labeled":
        s.ship = [s.customer] + address(rng, s.cc)
        s.ship_label = s.lab("shipto")
    s.feats.update(archetype=arch, country=s.cc, lang=s.lang, kind=s.kind, issuer_mode=s.issuer_mode, num_style=s.money.style,
                   dec=s.money.dec, neg=s.money.neg, cur_show=s.money.show, symbol=s.money.sym.strip(), date_format=s.date_fmt,
                   date_printed=s.date_str, charges=dstr(s.charges), n_items=len(s.items), cols="|".join(s.cols), heading=s.heading)
    lay = choose_layout(s, rng)
    s.feats.update(font=lay.fam, size=lay.size, page="letter" if lay.W == 612 else "a4", header=lay.header, meta=lay.meta, party=lay.party,
                   table_style=lay.tstyle, totals_style=lay.totals)
    doc = R(s, lay).run()
    return s, doc


def truth(s):
    def it_json(it):
        return {"description": it.desc, "quantity": None if it.qty is None else dstr(it.qty),
                "unit_price": None if it.price is None else dstr(it.price), "amount": dstr(q(it.amount, LOC[s.cc]["dec"]))}
    dec = LOC[s.cc]["dec"]
    return {"invoice_number": s.number, "invoice_date": s.date.isoformat(), "issuer": s.issuer, "customer": s.customer,
            "total": dstr(q(s.total, dec)), "subtotal": dstr(q(s.subtotal, dec)), "tax": dstr(q(s.tax, dec)), "currency": s.currency,
            "items": [it_json(it) for it in s.items], "features": s.feats}


def main(n=60, seed=20261228, outdir="out"):
    os.makedirs(outdir, exist_ok=True)
    order = list(ARCHETYPES)
    random.Random(seed).shuffle(order)
    for i in range(1, n + 1):
        arch = order[(i - 1) % len(order)]
        rng = random.Random(seed * 10007 + i)
        s, doc = build(i, rng, arch)
        s.feats["scanned"] = scanned = rng.random() < 0.34
        stem = os.path.join(outdir, f"inv{i:03d}_{s.lang}")
        doc.set_metadata({"producer": "indep_invoices6", "creator": "indep_invoices6", "creationDate": "", "modDate": "",
                          "title": "", "author": "", "subject": "", "keywords": ""})
        doc.subset_fonts()
        doc.save(stem + ".pdf", garbage=3, deflate=True, no_new_id=True)
        nrng = np.random.default_rng(seed * 10007 + i)
        for k, page in enumerate(doc, 1):
            pix = page.get_pixmap(dpi=150)
            img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            if scanned:
                img = scanify(img, rng, nrng)
            img.save(f"{stem}_p{k}.png", optimize=False)
        doc.close()
        with open(stem + ".json", "w", encoding="utf-8") as fh:
            json.dump(truth(s), fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if a else 60, int(a[1]) if len(a) > 1 else 20261228, a[2] if len(a) > 2 else "out")
