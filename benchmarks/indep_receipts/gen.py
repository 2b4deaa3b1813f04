#!/usr/bin/env python3
"""Independent synthetic till-receipt generator (no code shared with docextract).

usage: python gen.py --seed 1234 --n 60 --out data/

Written in the sixth session by a helper session that was not allowed to read docextract's own
generators (docextract/testing/) or its rules. Needs the Debian fonts fonts-dejavu-core and
fonts-liberation. Run by benchmarks/bench_receipts_indep.py.

Writes OUT/rNNN.jpg and OUT/rNNN.json (ground truth + metadata used for failure analysis).
Ground truth fields: merchant_name, merchant_address, date (ISO), total (decimal string),
currency (ISO 4217, "" when nothing printed indicates it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"]
FONTS = {  # family -> (regular, bold)
    "DejaVuSansMono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
    "LiberationMono": ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"),
    "DejaVuSansCondensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "LiberationSansNarrow": ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"),
}


def font_path(name):
    for d in FONT_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(name)


MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CENT = Decimal("0.01")

# ---------------------------------------------------------------- country profiles
P = {}
P["UK"] = {
    "cur": "GBP", "syms": ["£"], "code": "GBP", "dec": ".", "thou": ",", "lang": "en",
    "names": ["Harbour Stores", "Oakwood Bakery", "Bramley Pharmacy", "Riverside Deli", "Kings Hardware",
           "The Copper Kettle Cafe", "Whitfield Wine Merchants", "Penny Lane Newsagents"],
    "legal": ["Ltd", "Ltd.", "Limited", "PLC", "", ""],
    "tax": ("VAT", [20, 5], "incl"), "taxid": lambda r: f"VAT No: GB {r.randint(100,999)} {r.randint(1000,9999)} {r.randint(10,99)}",
    "phone": lambda r: f"Tel: 0{r.randint(20,199)} {r.randint(100,999)} {r.randint(1000,9999)}",
    "totals": ["TOTAL", "BALANCE DUE", "TOTAL TO PAY"], "subtotal": ["SUBTOTAL", "Sub Total"],
    "discount": ["DISCOUNT", "Multibuy saving", "Staff discount"], "rounding": None,
    "dates": ["d/m/Y", "d Mon Y", "d/m/y", "ISO"], "cards": ["VISA", "MASTERCARD", "CONTACTLESS", "DEBIT CARD"],
    "cash": "CASH", "change": "CHANGE",
    "thanks": ["THANK YOU FOR SHOPPING WITH US", "Thank you, please call again"],
    "returns": ["Please retain receipt for returns", "Refunds within 28 days with receipt"],
    "items": ["Semi skimmed milk 2L", "White bloomer", "Free range eggs x6", "Cheddar 400g", "Tea bags 80s",
           "Baked beans", "Digestives", "Bananas loose", "Orange juice 1L", "Crisps multipack", "Sausage roll",
           "Flat white", "Paracetamol 16", "Screws 4x40 100pk"],
}
P["US"] = {
    "cur": "USD", "syms": ["$"], "code": "USD", "dec": ".", "thou": ",", "lang": "en",
    "names": ["Greenfield Market", "Main Street Hardware", "Blue Door Diner", "Sunrise Pharmacy", "Lakeside Grocery",
           "Corner Coffee Co", "Pine Valley Liquors", "Redwood Pet Supply"],
    "legal": ["Inc.", "LLC", "Co.", "", ""],
    "tax": ("SALES TAX", [8.25, 6.0, 7.5, 8.875], "added"), "taxid": None,
    "phone": lambda r: f"({r.randint(201,989)}) {r.randint(200,999)}-{r.randint(1000,9999)}",
    "totals": ["TOTAL", "AMOUNT DUE", "TOTAL DUE", "BALANCE"], "subtotal": ["SUBTOTAL", "Sub-Total"],
    "discount": ["COUPON", "DISCOUNT", "MEMBER SAVINGS"], "rounding": None,
    "dates": ["m/d/Y", "m/d/y", "ISO"], "cards": ["VISA", "MASTERCARD", "AMEX", "DEBIT"],
    "cash": "CASH", "change": "CHANGE DUE",
    "thanks": ["THANK YOU! COME AGAIN", "Thanks for stopping by!"],
    "returns": ["Returns accepted within 30 days", "No refunds on sale items"],
    "items": ["Whole milk gal", "Eggs large dz", "Wheat bread", "Coffee 12oz", "Apples gala lb", "Paper towels",
           "Dog food 5lb", "Cheeseburger", "Fries large", "Iced tea", "WD-40 8oz", "Duct tape", "Light bulbs 4pk"],
}
P["DE"] = {
    "cur": "EUR", "syms": ["€"], "code": "EUR", "dec": ",", "thou": ".", "lang": "de",
    "names": ["Bäckerei Schneider", "Getränke Becker", "Apotheke am Markt", "Drogerie Lindner", "Metzgerei Huber",
           "Blumen Krause", "Eisenwaren Vogel", "Café Sonnenschein"],
    "legal": ["GmbH", "GmbH & Co. KG", "e.K.", "OHG", ""],
    "tax": ("MwSt", [19, 7], "incl"), "taxid": lambda r: f"USt-IdNr.: DE{r.randint(100000000,999999999)}",
    "phone": lambda r: f"Tel. 0{r.randint(30,9999)} {r.randint(100000,9999999)}",
    "totals": ["SUMME", "GESAMT", "ZU ZAHLEN", "Summe"], "subtotal": ["Zwischensumme", "ZWISCHENSUMME"],
    "discount": ["Rabatt", "Rabatt 10%", "Treuerabatt"], "rounding": None,
    "dates": ["d.m.Y", "d.m.y", "ISO"], "cards": ["EC-Karte", "girocard", "VISA", "Mastercard"],
    "cash": "BAR", "change": "Rückgeld",
    "thanks": ["Vielen Dank für Ihren Einkauf", "Danke und auf Wiedersehen"],
    "returns": ["Umtausch nur mit Kassenbon", "Bitte Bon aufbewahren"],
    "items": ["Vollkornbrot", "Brötchen", "Butterbrezel", "Apfelschorle 1L", "Kaffee gemahlen", "Milch 3,5%",
           "Leberwurst", "Schrauben 4x30", "Rosen Strauß", "Aspirin 20St", "Pfand", "Käsekuchen"],
}
P["FR"] = {
    "cur": "EUR", "syms": ["€"], "code": "EUR", "dec": ",", "thou": " ", "lang": "fr",
    "names": ["Boulangerie Dupont", "Pharmacie du Centre", "Épicerie Martin", "Librairie des Arts", "Fromagerie Lefèvre",
           "Café de la Gare", "Quincaillerie Moreau"],
    "legal": ["SARL", "SAS", "EURL", ""],
    "tax": ("TVA", [20, 5.5, 10], "incl"), "taxid": lambda r: f"SIRET {r.randint(100,999)} {r.randint(100,999)} {r.randint(100,999)} {r.randint(10000,99999)}",
    "phone": lambda r: f"Tél : 0{r.randint(1,5)} {r.randint(10,99)} {r.randint(10,99)} {r.randint(10,99)} {r.randint(10,99)}",
    "totals": ["TOTAL TTC", "TOTAL", "NET A PAYER"], "subtotal": ["SOUS-TOTAL", "Sous total"],
    "discount": ["REMISE", "Remise fidélité"], "rounding": None,
    "dates": ["d/m/Y", "d/m/y"], "cards": ["CB", "CARTE BANCAIRE", "VISA"],
    "cash": "ESPECES", "change": "RENDU",
    "thanks": ["MERCI DE VOTRE VISITE", "A bientôt !"],
    "returns": ["Ticket à conserver", "Echange sous 15 jours"],
    "items": ["Baguette tradition", "Croissant", "Pain au chocolat", "Camembert", "Comté 250g", "Eau minérale 1,5L",
           "Café serré", "Doliprane 1000", "Tarte aux pommes", "Journal", "Yaourt nature x4"],
}
P["NL"] = {
    "cur": "EUR", "syms": ["€"], "code": "EUR", "dec": ",", "thou": ".", "lang": "nl",
    "names": ["Bakkerij de Vries", "Slagerij Jansen", "Drogisterij Bakker", "Kaashandel Visser", "Bloemenhuis Smit"],
    "legal": ["B.V.", "V.O.F.", ""],
    "tax": ("BTW", [9, 21], "incl"), "taxid": lambda r: f"BTW nr. NL{r.randint(100000000,999999999)}B01",
    "phone": lambda r: f"Tel: 0{r.randint(10,79)}-{r.randint(1000000,9999999)}",
    "totals": ["TOTAAL", "TE BETALEN"], "subtotal": ["SUBTOTAAL"],
    "discount": ["KORTING", "Actiekorting"], "rounding": ("Afronding", "0.05"),
    "dates": ["d-m-Y", "d/m/Y"], "cards": ["PIN", "MAESTRO", "V PAY"],
    "cash": "CONTANT", "change": "WISSELGELD",
    "thanks": ["BEDANKT EN TOT ZIENS", "Dank u wel!"],
    "returns": ["Ruilen binnen 14 dagen met bon", ""],
    "items": ["Volkoren brood", "Krentenbollen 6st", "Gouda jong 500g", "Halfvolle melk", "Rookworst", "Stroopwafels",
           "Tulpen bos", "Hagelslag", "Appeltaart punt"],
}
P["IT"] = {
    "cur": "EUR", "syms": ["€"], "code": "EUR", "dec": ",", "thou": ".", "lang": "it",
    "names": ["Panificio Rossi", "Farmacia Bianchi", "Caffè Milano", "Ferramenta Colombo", "Salumeria Ferrari",
           "Pasticceria Romano"],
    "legal": ["S.r.l.", "S.n.c.", "S.p.A.", ""],
    "tax": ("IVA", [22, 10, 4], "incl"), "taxid": lambda r: f"P.IVA {r.randint(10000000000,99999999999)}",
    "phone": lambda r: f"Tel. 0{r.randint(2,99)} {r.randint(1000000,9999999)}",
    "totals": ["TOTALE", "TOTALE COMPLESSIVO", "TOTALE EURO"], "subtotal": ["SUBTOTALE"],
    "discount": ["SCONTO", "Sconto 10%"], "rounding": None,
    "dates": ["d/m/Y", "d-m-Y"], "cards": ["BANCOMAT", "CARTA DI CREDITO", "PAGAMENTO ELETTRONICO"],
    "cash": "CONTANTI", "change": "RESTO",
    "thanks": ["GRAZIE E ARRIVEDERCI", "Grazie per la visita"],
    "returns": ["DOCUMENTO COMMERCIALE", "di vendita o prestazione"],
    "items": ["Cornetto", "Cappuccino", "Caffè espresso", "Pane casereccio", "Prosciutto crudo", "Parmigiano 200g",
           "Acqua naturale", "Tachipirina", "Cacciavite", "Cannolo"],
}
P["ES"] = {
    "cur": "EUR", "syms": ["€"], "code": "EUR", "dec": ",", "thou": ".", "lang": "es",
    "names": ["Panadería López", "Ferretería García", "Farmacia Ruiz", "Bar Los Amigos", "Frutería Sánchez",
           "Librería Moreno"],
    "legal": ["S.L.", "S.A.", "S.L.U.", ""],
    "tax": ("IVA", [21, 10], "incl"), "taxid": lambda r: f"CIF: B{r.randint(10000000,99999999)}",
    "phone": lambda r: f"Tel: 9{r.randint(10,99)} {r.randint(100,999)} {r.randint(100,999)}",
    "totals": ["TOTAL", "TOTAL A PAGAR", "IMPORTE TOTAL"], "subtotal": ["SUBTOTAL", "BASE IMPONIBLE"],
    "discount": ["DESCUENTO", "Dto. socio"], "rounding": None,
    "dates": ["d/m/Y", "d-m-Y", "d/m/y"], "cards": ["TARJETA", "VISA", "MASTERCARD"],
    "cash": "EFECTIVO", "change": "CAMBIO",
    "thanks": ["GRACIAS POR SU VISITA", "¡Vuelva pronto!"],
    "returns": ["No se admiten devoluciones sin ticket", ""],
    "items": ["Pan de barra", "Café con leche", "Tostada tomate", "Naranjas kg", "Jamón serrano", "Agua 1,5L",
           "Tornillos", "Ibuprofeno 600", "Churros"],
}
P["CH"] = {
    "cur": "CHF", "syms": ["CHF", "Fr."], "code": "CHF", "dec": ".", "thou": "'", "lang": "de",
    "names": ["Bäckerei Keller", "Papeterie Favre", "Apotheke Zentrum", "Käserei Brunner", "Metzgerei Meier"],
    "legal": ["AG", "GmbH", "Sàrl", ""],
    "tax": ("MWST", [8.1, 2.6], "incl"), "taxid": lambda r: f"MWST-Nr. CHE-{r.randint(100,999)}.{r.randint(100,999)}.{r.randint(100,999)} MWST",
    "phone": lambda r: f"Tel. 0{r.randint(21,91)} {r.randint(100,999)} {r.randint(10,99)} {r.randint(10,99)}",
    "totals": ["TOTAL", "Total", "GESAMT"], "subtotal": ["Zwischentotal"],
    "discount": ["Rabatt", "Aktion"], "rounding": ("Rundung", "0.05"),
    "dates": ["d.m.Y", "d.m.y"], "cards": ["TWINT", "Maestro", "PostFinance", "VISA"],
    "cash": "Bar", "change": "Rückgeld",
    "thanks": ["Merci vielmal!", "Besten Dank für Ihren Einkauf"],
    "returns": ["Umtausch innert 30 Tagen", ""],
    "items": ["Zopf 500g", "Gipfeli", "Emmentaler 250g", "Rivella 1.5L", "Cervelat", "Birchermüesli", "Schoggi",
           "Ricola", "Nussgipfel"],
}
P["MY"] = {
    "cur": "MYR", "syms": ["RM"], "code": "MYR", "dec": ".", "thou": ",", "lang": "ms",
    "names": ["Kedai Runcit Ah Seng", "Restoran Nasi Kandar Pelita", "Syarikat Perniagaan Tan", "Kedai Ubat Cina Hup Heng",
           "Mini Market Bintang", "Restoran Selera Kampung"],
    "legal": ["Sdn Bhd", "Sdn. Bhd.", "Enterprise", "Trading", ""],
    "tax": ("SST", [6, 8], "added"), "taxid": lambda r: f"SST ID: W10-{r.randint(1000,9999)}-{r.randint(10000000,99999999)}",
    "phone": lambda r: f"Tel: 03-{r.randint(1000,9999)} {r.randint(1000,9999)}",
    "totals": ["TOTAL", "JUMLAH", "Jumlah Besar", "TOTAL (RM)"], "subtotal": ["SUB TOTAL", "Jumlah Kecil"],
    "discount": ["DISKAUN", "DISCOUNT"], "rounding": ("Rounding Adj", "0.05"),
    "dates": ["d/m/Y", "d-m-Y", "d Mon Y"], "cards": ["VISA", "MASTERCARD", "DEBIT", "TOUCH N GO"],
    "cash": "CASH", "change": "CHANGE",
    "thanks": ["TERIMA KASIH", "Thank you, please come again"],
    "returns": ["Goods sold are not returnable", "Barang yang dijual tidak boleh dikembalikan"],
    "items": ["Nasi lemak", "Teh tarik", "Roti canai", "Milo ais", "Gula 1kg", "Minyak masak 2kg", "Beras 5kg",
           "Maggi kari", "Kopi O", "Panadol 10s"],
}
P["SG"] = {
    "cur": "SGD", "syms": ["S$"], "code": "SGD", "dec": ".", "thou": ",", "lang": "en",
    "names": ["Kopitiam Ah Huat", "Tan Brothers Hardware", "Orchard Florist", "Lucky Provision Shop", "Katong Bakehouse"],
    "legal": ["Pte Ltd", "Pte. Ltd.", ""],
    "tax": ("GST", [9], "added"), "taxid": lambda r: f"GST Reg No: M{r.randint(1,9)}-{r.randint(1000000,9999999)}-{r.randint(0,9)}",
    "phone": lambda r: f"Tel: 6{r.randint(100,999)} {r.randint(1000,9999)}",
    "totals": ["TOTAL", "NETT TOTAL", "GRAND TOTAL"], "subtotal": ["SUBTOTAL", "Sub-total"],
    "discount": ["DISCOUNT", "MEMBER DISC"], "rounding": None,
    "dates": ["d/m/Y", "d Mon Y", "ISO"], "cards": ["NETS", "VISA", "MASTER", "PAYNOW"],
    "cash": "CASH", "change": "CHANGE",
    "thanks": ["THANK YOU & SEE YOU AGAIN", "Thank you!"],
    "returns": ["No exchange / refund", ""],
    "items": ["Kaya toast set", "Kopi C", "Laksa", "Chicken rice", "Hammer 16oz", "Orchid stem", "Bread loaf",
           "Milo tin", "Eggs 10s"],
}
P["AU"] = {
    "cur": "AUD", "syms": ["A$", "$"], "code": "AUD", "dec": ".", "thou": ",", "lang": "en",
    "names": ["Bondi Bakehouse", "Harbourside Pharmacy", "Outback Hardware", "Gum Tree Grocer", "Flat White Espresso Bar"],
    "legal": ["Pty Ltd", "Pty. Ltd.", ""],
    "tax": ("GST", [10], "incl"), "taxid": lambda r: f"ABN {r.randint(10,99)} {r.randint(100,999)} {r.randint(100,999)} {r.randint(100,999)}",
    "phone": lambda r: f"Ph: (0{r.randint(2,8)}) {r.randint(1000,9999)} {r.randint(1000,9999)}",
    "totals": ["TOTAL", "TOTAL (inc GST)", "AMOUNT DUE"], "subtotal": ["SUBTOTAL"],
    "discount": ["DISCOUNT", "Member discount"], "rounding": ("Rounding", "0.05"),
    "dates": ["d/m/Y", "d Mon Y", "d/m/y"], "cards": ["EFTPOS", "VISA", "MASTERCARD", "PAYWAVE"],
    "cash": "CASH", "change": "CHANGE",
    "thanks": ["THANKS FOR SHOPPING LOCAL", "Cheers, see you soon!"],
    "returns": ["Please keep receipt for returns", ""],
    "items": ["Sourdough loaf", "Meat pie", "Flat white", "Lamington", "Vegemite 220g", "Tim Tams", "Milk 2L",
           "Sunscreen SPF50", "Garden hose 15m"],
}

STREETS = {
    "UK": lambda r: [f"{r.randint(1,240)} {r.choice(['High Street','Station Road','Church Lane','Mill Road','Queen Street'])}",
                     r.choice(["Didsbury", "Clifton", "Headingley", ""]),
                     f"{r.choice(['Manchester','Bristol','Leeds','York','Norwich'])} {r.choice(['M','BS','LS','YO','NR'])}{r.randint(1,20)} {r.randint(1,9)}{r.choice('ABDEFGHJ')}{r.choice('LNPQRSTUWXYZ')}"],
    "US": lambda r: [f"{r.randint(10,9999)} {r.choice(['Main St','Oak Ave','Elm Street','Sunset Blvd','Market St'])}",
                     r.choice(["Suite 100", "Unit B", "", ""]),
                     f"{r.choice(['Springfield, IL','Portland, OR','Austin, TX','Albany, NY','Boulder, CO'])} {r.randint(10000,99999)}"],
    "DE": lambda r: [f"{r.choice(['Hauptstraße','Bahnhofstr.','Marktplatz','Lindenallee','Königsweg'])} {r.randint(1,120)}",
                     "", f"{r.randint(10000,99999)} {r.choice(['München','Köln','Leipzig','Nürnberg','Freiburg'])}"],
    "FR": lambda r: [f"{r.randint(1,150)} {r.choice(['rue de la République','avenue Jean Jaurès','place du Marché','boulevard Victor Hugo'])}",
                     "", f"{r.randint(10000,95999)} {r.choice(['Lyon','Toulouse','Nantes','Rennes','Montpellier'])}"],
    "NL": lambda r: [f"{r.choice(['Kerkstraat','Dorpsstraat','Markt','Molenweg'])} {r.randint(1,200)}",
                     "", f"{r.randint(1000,9999)} {r.choice('ABCDEGHJKL')}{r.choice('ABCDEGHJKL')} {r.choice(['Utrecht','Haarlem','Groningen','Delft'])}"],
    "IT": lambda r: [f"Via {r.choice(['Roma','Garibaldi','Mazzini','Dante'])} {r.randint(1,200)}",
                     "", f"{r.randint(10000,98000)} {r.choice(['Milano (MI)','Torino (TO)','Bologna (BO)','Firenze (FI)'])}"],
    "ES": lambda r: [f"{r.choice(['Calle Mayor','Avda. de la Constitución','Plaza España','Calle del Sol'])}, {r.randint(1,150)}",
                     "", f"{r.randint(10000,50999)} {r.choice(['Madrid','Sevilla','Valencia','Zaragoza'])}"],
    "CH": lambda r: [f"{r.choice(['Bahnhofstrasse','Marktgasse','Seestrasse','Rue du Lac'])} {r.randint(1,90)}",
                     "", f"{r.randint(1000,9658)} {r.choice(['Zürich','Bern','Luzern','Lausanne'])}"],
    "MY": lambda r: [f"No. {r.randint(1,88)}, Jalan {r.choice(['SS 2/24','Bukit Bintang','Ampang','Tun Razak'])}",
                     r.choice(["Taman Bahagia", "Taman Melawati", ""]),
                     f"{r.randint(40000,59999)} {r.choice(['Petaling Jaya, Selangor','Kuala Lumpur','Shah Alam, Selangor'])}"],
    "SG": lambda r: [f"Blk {r.randint(1,999)} {r.choice(['Bedok North Ave 3','Tampines St 21','Joo Chiat Road'])}",
                     f"#01-{r.randint(10,99)}", f"Singapore {r.randint(100000,829999)}"],
    "AU": lambda r: [f"{r.randint(1,300)} {r.choice(['George St','Campbell Pde','Smith St','King St'])}",
                     "", f"{r.choice(['Sydney NSW','Bondi Beach NSW','Fitzroy VIC','Fremantle WA'])} {r.randint(2000,6999)}"],
}


# ---------------------------------------------------------------- helpers
def money(x: Decimal, prof, thou=True) -> str:
    x = x.quantize(CENT)
    neg = x < 0
    s = f"{abs(x):.2f}"
    ip, fp = s.split(".")
    if thou and len(ip) > 3:
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        groups.insert(0, ip)
        ip = prof["thou"].join(groups)
    out = ip + prof["dec"] + fp
    return ("-" if neg else "") + out


def fmt_date(d: dt.date, f: str, r) -> str:
    if f == "ISO":
        return d.isoformat()
    if f == "d Mon Y":
        return f"{d.day} {MONTHS_EN[d.month-1]} {d.year}"
    sep = f[1]
    parts = []
    for c in f.split(sep):
        parts.append({"d": f"{d.day:02d}", "m": f"{d.month:02d}", "Y": str(d.year), "y": f"{d.year % 100:02d}"}[c])
    return sep.join(parts)


# ---------------------------------------------------------------- receipt content
def make_receipt(r: random.Random, idx: int):
    country = r.choice(list(P))
    prof = P[country]
    meta = {"country": country}
    # width in characters: 58 mm ~ 32 chars, 80 mm ~ 42/48 chars
    paper = r.choice(["58mm", "80mm", "80mm"])
    cols = 32 if paper == "58mm" else r.choice([42, 48])
    meta["paper"] = paper

    base = r.choice(prof["names"])
    legal = r.choice(prof["legal"])
    name = f"{base} {legal}".strip()
    if r.random() < 0.6:
        name = name.upper()
    lines = []  # each line: dict(segs=[(text, anchor)], size=1.0, bold=False)

    def L(left="", right="", size=1.0, bold=False, center=False, mid=None):
        segs = []
        if center:
            segs.append((left, "c"))
        else:
            if left:
                segs.append((left, "l"))
            if mid:
                segs.extend(mid)
            if right:
                segs.append((right, "r"))
        lines.append({"segs": segs, "size": size, "bold": bold})

    # header: merchant name, maybe on two lines when long
    name_size = r.choice([1.3, 1.5, 1.0]) if paper == "80mm" else r.choice([1.2, 1.0])
    name_lines = [name]
    maxc = int(cols / (name_size * 1.05))
    if len(name) > maxc or (legal and r.random() < 0.25 and len(name.split()) > 2):
        words = name.split()
        # split so the legal form / tail goes to line two
        cut = max(1, len(words) - max(1, len(legal.split())) if legal and r.random() < 0.5 else len(words) // 2)
        name_lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        name_lines = [x for x in name_lines if x]
    meta["name_lines"] = len(name_lines)
    header_align_center = r.random() < 0.8
    if r.random() < 0.15:
        L("*" * min(cols, 24), center=True)
    for nl in name_lines:
        L(nl, size=name_size, bold=True, center=header_align_center)
    addr = [a for a in STREETS[country](r) if a]
    naddr = r.choice([1, 2, 3, 3])
    if naddr < len(addr):  # drop middle lines first, keep the city/postcode line
        keep = addr[:1] + addr[len(addr) - (naddr - 1):] if naddr > 1 else [addr[0] + ", " + addr[-1] if len(addr[0] + addr[-1]) + 2 <= cols else addr[0]]
        addr = keep
    addr = [a[:cols] for a in addr]
    if name.isupper() and r.random() < 0.5:
        addr = [a.upper() for a in addr]
    for a in addr:
        L(a, center=header_align_center)
    meta["addr_lines"] = len(addr)
    if r.random() < 0.8:
        L(prof["phone"](r), center=header_align_center)
    if prof["taxid"] and r.random() < 0.75:
        L(prof["taxid"](r)[:cols], center=header_align_center)
    L("")

    # currency presentation
    cmode = r.choices(["symbol_total", "symbol_all", "code", "none"], [0.35, 0.2, 0.25, 0.2])[0]
    sym = r.choice(prof["syms"])
    if cmode == "code":
        sym = prof["code"]
    evidence = "none" if cmode == "none" else ("code" if sym == prof["code"] else "symbol")
    if sym == "$" and country == "AU":
        evidence = "dollar-ambiguous"
    if country == "CH" and sym == "Fr.":
        evidence = "symbol-Fr."
    currency = "" if cmode == "none" else prof["cur"]
    meta["currency_mode"] = cmode
    meta["currency_evidence"] = evidence

    def cm(x, where="total"):
        s = money(x, prof)
        if cmode == "none":
            return s
        if cmode == "symbol_all" or (where == "total" and cmode in ("symbol_total", "code")):
            if sym in ("CHF", "EUR", "GBP", "USD", "MYR", "SGD", "AUD", "Fr.") or (prof["dec"] == "," and r.random() < 0.5):
                return f"{sym} {s}" if sym != "€" or r.random() < 0.3 else f"{s} {sym}"
            return f"{sym}{s}"
        return s

    # date/time
    d = dt.date(2024, 1, 1) + dt.timedelta(days=r.randint(0, 700))
    if r.random() < 0.5:  # make day <= 12 often, so d/m vs m/d is ambiguous
        d = d.replace(day=r.randint(1, 12))
    t = dt.time(r.randint(7, 21), r.randint(0, 59), r.randint(0, 59))
    dfmt = r.choice(prof["dates"])
    ds = fmt_date(d, dfmt, r)
    ts = t.strftime("%H:%M") if r.random() < 0.7 else t.strftime("%H:%M:%S")
    if country == "US" and r.random() < 0.5:
        ts = t.strftime("%I:%M %p").lstrip("0")
    meta["date_format"] = dfmt
    date_pos = r.choice(["top", "top", "bottom"])
    meta["date_pos"] = date_pos
    dlabel = {"de": "Datum", "fr": "Date", "nl": "Datum", "it": "Data", "es": "Fecha", "ms": "Tarikh", "en": "Date"}[prof["lang"]]
    lg = prof["lang"]
    recno = r.choice({"en": ["Rcpt", "Receipt #", "Trans"], "ms": ["Resit", "Receipt #", "Inv No"], "de": ["Bon", "Beleg", "Bon-Nr."],
                      "fr": ["Ticket", "Ticket n°"], "nl": ["Bon", "Bonnr"], "it": ["Scontrino", "Doc. n."], "es": ["Ticket", "Factura simpl."]}[lg])
    recline = f"{recno} {r.randint(1000,999999)}"
    cashier = f"{r.choice({'en': ['Cashier', 'Server', 'Till'], 'ms': ['Juruwang', 'Cashier'], 'de': ['Kasse', 'Kassierer'], 'fr': ['Caisse', 'Caissier'], 'nl': ['Kassa', 'Kassier'], 'it': ['Cassa', 'Operatore'], 'es': ['Caja', 'Le atendió']}[lg])}: {r.choice(['01','02','3','Anna','Mike','Siti','05'])}"

    def date_lines():
        style = r.random()
        if style < 0.4:
            L(f"{dlabel}: {ds}", ts)
        elif style < 0.7:
            L(f"{ds} {ts}", recline if len(ds + ts + recline) + 3 <= cols else "")
        else:
            L(f"{dlabel}: {ds}")
            L(f"Time: {ts}" if prof["lang"] in ("en", "ms") else f"{ts}")

    if date_pos == "top":
        date_lines()
        if r.random() < 0.6:
            L(cashier, recline if r.random() < 0.5 else "")
        L("-" * cols)
    else:
        if r.random() < 0.6:
            L(cashier, recline)
        L("-" * cols)

    # items
    big = r.random() < 0.1
    n_items = r.randint(1, 7)
    layout = r.choice(["unit_below", "qty_prefix", "columns", "simple"])
    if cols == 32 and layout == "columns":
        layout = "unit_below"
    meta["item_layout"] = layout
    tax_letter = prof["lang"] in ("de", "nl") and r.random() < 0.5
    items_sum = Decimal(0)
    if layout == "columns":
        hdr = {"en": ("Item", "Qty", "Price", "Amount"), "ms": ("Item", "Qty", "Harga", "Jumlah"), "de": ("Artikel", "Menge", "Preis", "Betrag"),
               "fr": ("Article", "Qté", "P.U.", "Montant"), "nl": ("Artikel", "Aantal", "Prijs", "Bedrag"),
               "it": ("Descrizione", "Qtà", "Prezzo", "Importo"), "es": ("Artículo", "Cant", "Precio", "Importe")}[prof["lang"]]
        L(hdr[0], hdr[3], mid=[(hdr[1], ("r", 0.55)), (hdr[2], ("r", 0.77))])
    for _ in range(n_items):
        desc = r.choice(prof["items"])
        if r.random() < 0.6:
            desc = desc.upper()
        q = r.choice([1, 1, 1, 2, 2, 3, 4, 6]) if not big else 1
        if big:
            up = Decimal(r.randint(20000, 90000)) / 100
        else:
            up = Decimal(r.randint(35, 1500 if country not in ("US", "AU", "CH") else 2500)) / 100
        amt = (up * q).quantize(CENT)
        items_sum += amt
        amt_s = cm(amt, "item") + (" " + r.choice("AB") if tax_letter else "")
        desc = desc[: max(8, cols - len(amt_s) - 2)]
        if layout == "columns":
            L(desc[: int(cols * 0.4)], amt_s, mid=[(str(q), ("r", 0.55)), (money(up, prof), ("r", 0.77))])
        elif layout == "qty_prefix":
            L(f"{q} x {desc}"[: cols - len(amt_s) - 1] if q > 1 else desc, amt_s)
        elif layout == "unit_below":
            L(desc, amt_s)
            if q > 1:
                L(f"   {q} x {money(up, prof)}")
        else:
            if q > 1:
                L(f"{desc}", "")
                L(f"  {q} @ {money(up, prof)}", amt_s)
            else:
                L(desc, amt_s)
    L("-" * cols)
    if r.random() < 0.3:
        L({"en": "No. of items", "ms": "Bil. barang", "de": "Anzahl Artikel", "fr": "Nb articles", "nl": "Aantal artikelen",
           "it": "N. pezzi", "es": "Nº artículos"}[prof["lang"]] + f": {n_items}")

    subtotal = items_sum
    discount = Decimal(0)
    if r.random() < 0.25:
        discount = (items_sum * Decimal(r.choice([5, 10, 15])) / 100).quantize(CENT)
        if discount == 0:
            discount = Decimal("0.10")
    meta["discount"] = str(discount)
    taxname, rates, mode = prof["tax"]
    rate = Decimal(str(r.choice(rates)))
    net_after_disc = subtotal - discount
    show_subtotal = mode == "added" or discount > 0 or r.random() < 0.4
    if show_subtotal:
        L(r.choice(prof["subtotal"]), cm(subtotal, "sub"))
    if discount:
        L(r.choice(prof["discount"]), "-" + money(discount, prof))
    if mode == "added":
        tax = (net_after_disc * rate / 100).quantize(CENT, ROUND_HALF_UP)
        L(f"{taxname} {rate.normalize()}%", cm(tax, "tax"))
        gross = net_after_disc + tax
    else:
        tax = (net_after_disc * rate / (100 + rate)).quantize(CENT, ROUND_HALF_UP)
        gross = net_after_disc
    tip = Decimal(0)
    if country in ("US", "AU", "SG", "UK") and r.random() < 0.2:
        tip = (gross * Decimal(r.choice([10, 15, 18, 20])) / 100).quantize(CENT)
        L({"US": "TIP", "AU": "Tip", "SG": "Service charge", "UK": "Gratuity"}[country], cm(tip, "tip"))
        gross += tip
    meta["tip"] = str(tip)
    pay_cash = r.random() < 0.45
    rounding = Decimal(0)
    if prof["rounding"] and pay_cash:
        step = Decimal(prof["rounding"][1])
        rounded = (gross / step).quantize(Decimal(1), ROUND_HALF_UP) * step
        rounding = rounded - gross
        if rounding != 0:
            L(prof["rounding"][0], money(rounding, prof))
        gross = rounded
    meta["rounding"] = str(rounding)
    total = gross.quantize(CENT)
    tlabel = r.choice(prof["totals"])
    meta["total_label"] = tlabel
    tsize = r.choice([1.0, 1.0, 1.25]) if paper == "80mm" else 1.0
    if cmode == "code" and r.random() < 0.4 and "(" not in tlabel:
        L(f"{tlabel} {sym}", money(total, prof), size=tsize, bold=True)
    else:
        L(tlabel, cm(total, "total"), size=tsize, bold=r.random() < 0.7)
    if r.random() < 0.2:
        L("=" * cols)
    # payment
    if pay_cash:
        tendered = total
        for note in (5, 10, 20, 50, 100, 200, 500, 1000, 2000):
            if Decimal(note) >= total:
                tendered = Decimal(note)
                break
        if r.random() < 0.25:
            tendered = total
        L(prof["cash"], money(tendered, prof))
        L(prof["change"], money(tendered - total, prof))
        meta["payment"] = "cash"
    else:
        card = r.choice(prof["cards"])
        L(card, money(total, prof))
        if r.random() < 0.6:
            L(f"**** **** **** {r.randint(1000,9999)}")
        if r.random() < 0.4:
            L(f"AUTH {r.randint(100000,999999)}", "APPROVED" if prof["lang"] == "en" else "")
        meta["payment"] = "card"
    # included tax table
    if mode == "incl" and r.random() < 0.85:
        L("")
        net = net_after_disc - tax
        style = r.random()
        if prof["lang"] == "de" and style < 0.6:
            L(f"{taxname}", "Brutto", mid=[("Netto", ("r", 0.45)), ("Steuer", ("r", 0.68))])
            L(f"A {rate.normalize()}%".replace(".", prof["dec"]), money(net_after_disc, prof),
              mid=[(money(net, prof), ("r", 0.45)), (money(tax, prof), ("r", 0.68))])
        elif style < 0.5:
            L(f"{taxname} {rate.normalize()}%".replace(".", prof["dec"]) + (" incl." if prof["lang"] == "en" else ""), money(tax, prof))
        else:
            L(f"{'Net' if prof['lang'] in ('en','ms') else 'HT' if prof['lang']=='fr' else 'Netto' if prof['lang'] in ('de','nl') else 'Imponibile' if prof['lang']=='it' else 'Base'}",
              money(net, prof))
            L(f"{taxname} {rate.normalize()}%".replace(".", prof["dec"]), money(tax, prof))
    meta["tax_mode"] = mode
    L("")
    if date_pos == "bottom":
        date_lines()
    L(r.choice(prof["thanks"]), center=True)
    ret = r.choice(prof["returns"])
    if ret and r.random() < 0.6:
        L(ret[:cols], center=True)
    barcode = r.random() < 0.5
    if barcode:
        lines.append({"barcode": True})
        L("".join(str(r.randint(0, 9)) for _ in range(13)), center=True)
    elif r.random() < 0.5:
        L("||| " + " ".join(str(r.randint(1000, 9999)) for _ in range(3)) + " |||", center=True)

    gt = {
        "merchant_name": " ".join(name_lines),
        "merchant_address": ", ".join(addr),
        "date": d.isoformat(),
        "total": str(total),
        "currency": currency,
    }
    return gt, meta, lines, cols


# ---------------------------------------------------------------- rendering
def render(r: random.Random, lines, cols, meta):
    fam = r.choice(list(FONTS))
    meta["font"] = fam
    base_px = r.randint(22, 28)
    reg = ImageFont.truetype(font_path(FONTS[fam][0]), base_px)
    cw = reg.getlength("0" * 10) / 10
    if "Mono" not in fam:
        cw *= 1.05
    margin = int(base_px * r.uniform(0.8, 1.6))
    W = int(cw * cols)
    fonts = {}

    def F(size, bold):
        k = (size, bold)
        if k not in fonts:
            fonts[k] = ImageFont.truetype(font_path(FONTS[fam][1 if bold else 0]), int(base_px * size))
        return fonts[k]

    lh = int(base_px * r.uniform(1.25, 1.5))
    H = margin * 2 + sum(int(lh * (l.get("size", 1.0))) if not l.get("barcode") else int(lh * 2.5) for l in lines)
    img = Image.new("L", (W + 2 * margin, H), 255)
    dr = ImageDraw.Draw(img)
    ink = r.randint(0, 70)
    y = margin
    for l in lines:
        if l.get("barcode"):
            bx = margin + W * 0.15
            while bx < margin + W * 0.85:
                w = r.choice([2, 2, 3, 4, 6])
                if r.random() < 0.55:
                    dr.rectangle([bx, y + 4, bx + w - 1, y + int(lh * 2.3)], fill=ink)
                bx += w
            y += int(lh * 2.5)
            continue
        f = F(l["size"], l["bold"])
        for text, anc in l["segs"]:
            if len(text) == cols and len(set(text)) == 1:  # separator rule: fill the paper width
                while f.getlength(text + text[0]) <= W:
                    text += text[0]
                while f.getlength(text) > W:
                    text = text[:-1]
            tw = f.getlength(text)
            if tw > W:  # shrink a line that would not fit
                f2 = ImageFont.truetype(f.path, max(10, int(f.size * W / tw)))
                tw = f2.getlength(text)
            else:
                f2 = f
            if anc == "l":
                x = margin
            elif anc == "r":
                x = margin + W - tw
            elif anc == "c":
                x = margin + (W - tw) / 2
            else:
                x = margin + W * anc[1] - tw
            dr.text((x, y), text, font=f2, fill=ink)
        y += int(lh * l["size"])
    return img


def degrade(r: random.Random, img: Image.Image, meta):
    kind = r.choices(["clean", "photo", "photo90"], [0.35, 0.53, 0.12])[0]
    meta["degrade"] = kind
    arr = np.asarray(img).astype(np.float32)
    # thermal fade: faint horizontal bands
    if r.random() < 0.4:
        band = 1 - 0.25 * np.clip(np.sin(np.linspace(0, r.uniform(2, 8), arr.shape[0]))[:, None], 0, 1)
        arr = 255 - (255 - arr) * band
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if kind == "clean":
        q = r.randint(80, 95)
        meta["jpeg_q"] = q
        return img.convert("RGB"), q
    paper_tint = np.array([r.randint(235, 255), r.randint(232, 252), r.randint(220, 245)], np.float32)
    rgb = np.asarray(img.convert("RGB")).astype(np.float32) / 255.0 * paper_tint
    img = Image.fromarray(rgb.astype(np.uint8))
    pad = int(max(img.size) * r.uniform(0.04, 0.12))
    bgc = tuple(r.randint(40, 150) for _ in range(3))
    canvas = Image.new("RGB", (img.width + 2 * pad, img.height + 2 * pad), bgc)
    canvas.paste(img, (pad + r.randint(-pad // 3, pad // 3), pad + r.randint(-pad // 3, pad // 3)))
    ang = r.uniform(-4, 4)
    meta["angle"] = round(ang, 2)
    canvas = canvas.rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=bgc)
    # scale like a phone photo
    s = r.uniform(0.75, 1.0)
    canvas = canvas.resize((int(canvas.width * s), int(canvas.height * s)), Image.LANCZOS)
    canvas = canvas.filter(ImageFilter.GaussianBlur(r.uniform(0.3, 1.1)))
    a = np.asarray(canvas).astype(np.float32)
    h, w = a.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    cx, cy = r.uniform(0, w), r.uniform(0, h)
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(w, h)
    light = 1.0 - r.uniform(0.15, 0.4) * dist + r.uniform(-0.05, 0.05) * (xx / w)
    a = a * light[..., None]
    a += np.random.default_rng(r.randint(0, 2**31)).normal(0, r.uniform(3, 9), a.shape)
    canvas = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if kind == "photo90":
        canvas = canvas.rotate(r.choice([90, 270]), expand=True)
    q = r.randint(60, 90)
    meta["jpeg_q"] = q
    return canvas, q


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--out", default="data")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for i in range(a.n):
        r = random.Random(a.seed * 100003 + i)
        gt, meta, lines, cols = make_receipt(r, i)
        img = render(r, lines, cols, meta)
        img, q = degrade(r, img, meta)
        name = f"r{i:03d}"
        img.save(os.path.join(a.out, name + ".jpg"), quality=q)
        gt["_meta"] = meta
        with open(os.path.join(a.out, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump(gt, fh, ensure_ascii=False, indent=1)
    print(f"wrote {a.n} receipts to {a.out}")


if __name__ == "__main__":
    main()
