#!/usr/bin/env python3
"""Independent invoice test-set generator (born-digital PDFs + ground truth JSON + 150 dpi PNGs).

usage: python gen.py [N] [SEED] [OUTDIR]      (defaults: 60 20250307 ./indep-invoices)

Written in the sixth session by a helper session that was not allowed to read docextract's own
generator (docextract/testing/invoices.py) or its rules, so that the set measures how the reader
carries to invoices laid out by someone else. Run by benchmarks/bench_invoices_indep.py.
"""
import json
import os
import random
import sys
from decimal import ROUND_HALF_UP, Decimal

import pymupdf

D = Decimal
C2 = D("0.01")


def q2(x):
    return D(x).quantize(C2, rounding=ROUND_HALF_UP)


FONTS = {k: pymupdf.Font(k) for k in ("helv", "hebo", "tiro", "tibo", "cour", "cobo")}
FAMILIES = [("helv", "hebo"), ("tiro", "tibo"), ("cour", "cobo")]

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
}

L = {
    "en": {"title": ["INVOICE", "Invoice", "TAX INVOICE"],
               "num": ["Invoice No.", "Invoice #", "Inv. Number", "Invoice Number", "Invoice no:"],
               "date": ["Date", "Invoice Date", "Date of issue", "Issue date"],
               "due": ["Due Date", "Payment due", "Due"], "po": ["PO Number", "Purchase Order", "Your ref. (PO)"],
               "bill": ["Bill to", "Invoice to", "Customer", "Client", "Billed to"], "frm": ["From"],
               "desc": ["Description", "Item", "Service"], "qty": ["Qty", "Quantity", "Hours"],
               "unit": ["Unit Price", "Rate", "Price"], "amt": ["Amount", "Line Total", "Total"],
               "sub": ["Subtotal", "Net amount", "Sub-total"], "ship": ["Shipping", "Delivery", "Freight"],
               "disc": ["Discount", "Less discount"], "total": ["Total", "Total Due", "Amount Due", "Balance Due", "TOTAL"],
               "terms": ["Payment terms: Net 30", "Terms: payment due within 14 days", "Please pay within 30 days of the invoice date."],
               "page": "Page {} of {}", "cont": "Continued on next page", "thanks": "Thank you for your business!",
               "bank": "Bank details", "amounts_in": "All amounts in {}"},
    "de": {"title": ["RECHNUNG", "Rechnung"],
               "num": ["Rechnung Nr.", "Rechnungsnummer", "Re.-Nr.", "Rechnungs-Nr."],
               "date": ["Rechnungsdatum", "Datum"], "due": ["Fällig am", "Zahlbar bis", "Fälligkeit"],
               "po": ["Bestellnummer", "Ihre Bestellung"], "bill": ["Rechnungsempfänger", "Kunde", "Rechnung an"], "frm": ["Von"],
               "desc": ["Beschreibung", "Bezeichnung", "Leistung"], "qty": ["Menge", "Anz.", "Anzahl"],
               "unit": ["Einzelpreis", "E-Preis", "Preis"], "amt": ["Betrag", "Gesamt", "Gesamtpreis"],
               "sub": ["Zwischensumme", "Nettobetrag", "Summe netto"], "ship": ["Versand", "Versandkosten"],
               "disc": ["Rabatt", "Nachlass"], "total": ["Gesamtbetrag", "Rechnungsbetrag", "Summe", "Endbetrag", "Zu zahlen"],
               "terms": ["Zahlbar innerhalb von 14 Tagen ohne Abzug.", "Zahlungsziel: 30 Tage netto"],
               "page": "Seite {} von {}", "cont": "Fortsetzung auf der nächsten Seite", "thanks": "Vielen Dank für Ihren Auftrag!",
               "bank": "Bankverbindung", "amounts_in": "Alle Beträge in {}"},
    "fr": {"title": ["FACTURE", "Facture"], "num": ["Facture n°", "N° de facture", "Numéro de facture", "Facture N°"],
               "date": ["Date", "Date de facture", "Date d'émission"], "due": ["Échéance", "Date d'échéance", "À payer avant le"],
               "po": ["Bon de commande", "Réf. commande"], "bill": ["Facturé à", "Client", "Adressé à"], "frm": ["De"],
               "desc": ["Désignation", "Description"], "qty": ["Qté", "Quantité"], "unit": ["Prix unitaire", "P.U. HT", "Prix unit."],
               "amt": ["Montant", "Total HT", "Montant HT"], "sub": ["Sous-total", "Total HT"], "ship": ["Frais de port", "Livraison"],
               "disc": ["Remise"], "total": ["Total TTC", "Net à payer", "Montant dû", "Total à payer"],
               "terms": ["Paiement à 30 jours.", "Conditions de paiement : 30 jours fin de mois"],
               "page": "Page {} sur {}", "cont": "Suite page suivante", "thanks": "Merci de votre confiance.",
               "bank": "Coordonnées bancaires", "amounts_in": "Montants exprimés en {}"},
    "es": {"title": ["FACTURA", "Factura"], "num": ["Factura nº", "Nº de factura", "Número de factura", "Factura n.º"],
               "date": ["Fecha", "Fecha de emisión", "Fecha factura"], "due": ["Vencimiento", "Fecha de vencimiento"],
               "po": ["Nº de pedido", "Pedido"], "bill": ["Facturar a", "Cliente", "Datos del cliente"], "frm": ["De"],
               "desc": ["Descripción", "Concepto"], "qty": ["Cant.", "Cantidad", "Uds."], "unit": ["Precio unit.", "Precio", "P. unitario"],
               "amt": ["Importe", "Total"], "sub": ["Subtotal", "Base imponible"], "ship": ["Envío", "Portes"],
               "disc": ["Descuento"], "total": ["Total", "Total a pagar", "TOTAL FACTURA", "Importe total"],
               "terms": ["Forma de pago: transferencia bancaria a 30 días", "Pago a 15 días fecha factura."],
               "page": "Página {} de {}", "cont": "Continúa en la página siguiente", "thanks": "Gracias por su confianza.",
               "bank": "Datos bancarios", "amounts_in": "Importes en {}"},
    "it": {"title": ["FATTURA", "Fattura"], "num": ["Fattura n.", "Numero fattura", "N. fattura", "Fattura nr."],
               "date": ["Data", "Data fattura", "Data emissione"], "due": ["Scadenza", "Data scadenza"],
               "po": ["Ordine n.", "Rif. ordine"], "bill": ["Intestatario", "Cliente", "Spett.le", "Destinatario"], "frm": ["Da"],
               "desc": ["Descrizione"], "qty": ["Q.tà", "Quantità"], "unit": ["Prezzo unitario", "Prezzo", "Prezzo unit."],
               "amt": ["Importo", "Totale"], "sub": ["Imponibile", "Subtotale", "Totale imponibile"], "ship": ["Spedizione", "Trasporto"],
               "disc": ["Sconto"], "total": ["Totale", "Totale fattura", "Totale da pagare", "TOTALE DOCUMENTO"],
               "terms": ["Pagamento: bonifico bancario 30 gg d.f.", "Condizioni di pagamento: rimessa diretta"],
               "page": "Pagina {} di {}", "cont": "Segue alla pagina successiva", "thanks": "Grazie per averci scelto.",
               "bank": "Coordinate bancarie", "amounts_in": "Importi in {}"},
    "nl": {"title": ["FACTUUR", "Factuur"], "num": ["Factuurnummer", "Factuur nr.", "Factuurnr.", "Factuur nummer"],
               "date": ["Factuurdatum", "Datum"], "due": ["Vervaldatum", "Te betalen voor"], "po": ["Ordernummer", "Uw referentie"],
               "bill": ["Factuur aan", "Klant", "Aan"], "frm": ["Van"], "desc": ["Omschrijving"], "qty": ["Aantal", "Aant."],
               "unit": ["Prijs", "Stukprijs", "Tarief"], "amt": ["Bedrag", "Totaal"], "sub": ["Subtotaal", "Totaal excl. BTW"],
               "ship": ["Verzendkosten"], "disc": ["Korting"], "total": ["Totaal", "Te betalen", "Totaalbedrag", "Totaal incl. BTW"],
               "terms": ["Betaling binnen 14 dagen na factuurdatum.", "Betalingstermijn: 30 dagen"],
               "page": "Pagina {} van {}", "cont": "Vervolg op volgende pagina", "thanks": "Bedankt voor uw opdracht!",
               "bank": "Bankgegevens", "amounts_in": "Alle bedragen in {}"},
}
TAXNAME = {"en": ["VAT", "Tax", "Sales Tax", "GST"], "de": ["MwSt.", "USt.", "Mehrwertsteuer"], "fr": ["TVA"],
           "es": ["IVA"], "it": ["IVA"], "nl": ["BTW"]}

# locale profiles: (lang, country, currency, tax rates, date formats, number conventions)
PROFILES = [
    {"lang": "en", "cc": "US", "cur": "USD", "rates": ["8.875", "7.25", "6"], "dates": ["mdy", "iso", "en_us_long"], "nums": ["en", "en_plain"], "tax": ["Sales Tax", "Tax"]},
    {"lang": "en", "cc": "GB", "cur": "GBP", "rates": ["20", "5"], "dates": ["dmy", "iso", "long"], "nums": ["en", "en_plain"], "tax": ["VAT"]},
    {"lang": "en", "cc": "SG", "cur": "SGD", "rates": ["9"], "dates": ["dmy", "iso", "long"], "nums": ["en"], "tax": ["GST"]},
    {"lang": "en", "cc": "IE", "cur": "EUR", "rates": ["23", "13.5"], "dates": ["dmy", "long", "iso"], "nums": ["en"], "tax": ["VAT"]},
    {"lang": "de", "cc": "DE", "cur": "EUR", "rates": ["19", "7"], "dates": ["dot", "long", "iso"], "nums": ["eu", "eu_plain"], "tax": TAXNAME["de"]},
    {"lang": "de", "cc": "AT", "cur": "EUR", "rates": ["20", "10"], "dates": ["dot", "long"], "nums": ["eu"], "tax": ["USt.", "MwSt."]},
    {"lang": "de", "cc": "CH", "cur": "CHF", "rates": ["8.1", "2.6"], "dates": ["dot", "long"], "nums": ["ch", "en"], "tax": ["MwSt."]},
    {"lang": "fr", "cc": "FR", "cur": "EUR", "rates": ["20", "5.5", "10"], "dates": ["dmy", "long"], "nums": ["fr", "eu"], "tax": ["TVA"]},
    {"lang": "fr", "cc": "CH", "cur": "CHF", "rates": ["8.1"], "dates": ["dot", "long"], "nums": ["ch", "en"], "tax": ["TVA"]},
    {"lang": "es", "cc": "ES", "cur": "EUR", "rates": ["21", "10"], "dates": ["dmy", "long"], "nums": ["eu"], "tax": ["IVA"]},
    {"lang": "it", "cc": "IT", "cur": "EUR", "rates": ["22", "10"], "dates": ["dmy", "long"], "nums": ["eu", "eu_plain"], "tax": ["IVA"]},
    {"lang": "nl", "cc": "NL", "cur": "EUR", "rates": ["21", "9"], "dates": ["dmy_dash", "long", "iso"], "nums": ["eu"], "tax": ["BTW"]},
]
PROFILE_WEIGHTS = [9, 6, 3, 2, 9, 3, 3, 6, 2, 6, 6, 5]

SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "SGD": "S$", "CHF": "CHF"}
CURWORD = {
    "en": {"USD": "US dollars", "EUR": "euros", "GBP": "pounds sterling", "SGD": "Singapore dollars", "CHF": "Swiss francs"},
    "de": {"EUR": "Euro", "CHF": "Schweizer Franken"},
    "fr": {"EUR": "euros", "CHF": "francs suisses"},
    "es": {"EUR": "euros"}, "it": {"EUR": "euro"}, "nl": {"EUR": "euro"},
}

ADDR = {
    "US": [("245 Market Street, Suite 400", "San Francisco, CA 94105"), ("18 Elm Avenue", "Portland, OR 97205"),
           ("1200 Main St", "Austin, TX 78701"), ("77 Water Street", "New York, NY 10005")],
    "GB": [("14 Carver Lane", "Leeds LS1 4AP"), ("Unit 3, Riverside Park", "Bristol BS1 6QH"), ("221 King's Road", "London SW3 5EP")],
    "SG": [("10 Anson Road #21-02", "Singapore 079903"), ("3 Fusionopolis Way #14-21", "Singapore 138633")],
    "IE": [("4 Harcourt Street", "Dublin 2, D02 XY45"), ("Dock Road 11", "Galway H91 T2XY")],
    "DE": [("Lindenstraße 12", "10969 Berlin"), ("Am Hafen 3", "20457 Hamburg"), ("Königsallee 88", "40212 Düsseldorf"), ("Bahnhofstr. 7", "80335 München")],
    "AT": [("Mariahilfer Straße 45", "1060 Wien"), ("Herrengasse 9", "8010 Graz")],
    "CH": [("Bahnhofstrasse 21", "8001 Zürich"), ("Rue du Rhône 40", "1204 Genève"), ("Marktgasse 5", "3011 Bern")],
    "FR": [("12 rue de la Paix", "75002 Paris"), ("8 quai Saint-Antoine", "69002 Lyon"), ("45 avenue Jean Médecin", "06000 Nice")],
    "ES": [("Calle Mayor 15, 2º B", "28013 Madrid"), ("Passeig de Gràcia 54", "08007 Barcelona"), ("Av. del Puerto 120", "46023 Valencia")],
    "IT": [("Via Roma 22", "20121 Milano"), ("Corso Vittorio Emanuele 101", "00186 Roma"), ("Via dei Mille 7", "80121 Napoli")],
    "NL": [("Keizersgracht 210", "1016 DZ Amsterdam"), ("Coolsingel 40", "3011 AD Rotterdam"), ("Oudegracht 99", "3511 AK Utrecht")],
}
COUNTRY = {"US": "USA", "GB": "United Kingdom", "SG": "Singapore", "IE": "Ireland", "DE": "Deutschland", "AT": "Österreich",
           "CH": "Schweiz", "FR": "France", "ES": "España", "IT": "Italia", "NL": "Nederland"}
SUFFIX = {"US": ["LLC", "Inc.", "Co."], "GB": ["Ltd", "Ltd.", "LLP"], "SG": ["Pte. Ltd.", "Pte Ltd"], "IE": ["Ltd", "DAC"],
          "DE": ["GmbH", "GmbH & Co. KG", "UG", "e.K."], "AT": ["GmbH", "KG"], "CH": ["AG", "GmbH", "Sàrl"],
          "FR": ["SARL", "SAS", "EURL"], "ES": ["S.L.", "S.A.", "SL"], "IT": ["S.r.l.", "S.p.A.", "Srl"], "NL": ["B.V.", "BV", "V.O.F."]}
NAME_A = ["Bluefield", "Kestrel", "Altamira", "Brightwater", "Hohenberg", "Lindqvist", "Marigold", "Okapi", "Pemberton",
          "Quarzo", "Riverstone", "Silbermann", "Tangent", "Valmont", "Weidmann", "Zephyr", "Corvid", "Delacroix",
          "Estrella", "Fontana", "Groenveld", "Ironbark", "Juniper", "Larkspur", "Mistral", "Nordlicht", "Orchidea",
          "Pfeiffer", "Sabine", "Terranova", "Umbra", "Vanderberg"]
NAME_B = {"en": ["Consulting", "Design Studio", "Supplies", "Logistics", "Software", "Print & Media", "Engineering", "Catering"],
          "de": ["Beratung", "Druckerei", "Haustechnik", "Software", "Logistik", "Elektrotechnik", "Werbeagentur", "Bürobedarf"],
          "fr": ["Conseil", "Imprimerie", "Informatique", "Transports", "Études", "Traiteur", "Bureautique"],
          "es": ["Consultores", "Gráficas", "Informática", "Transportes", "Suministros", "Ingeniería"],
          "it": ["Consulenze", "Tipografia", "Informatica", "Trasporti", "Forniture", "Ingegneria"],
          "nl": ["Advies", "Drukwerk", "ICT", "Transport", "Installatietechniek", "Kantoorartikelen"]}
PERSON = ["Anna Keller", "John Miller", "Sophie Martin", "Luca Rossi", "Marta García", "Pieter de Vries", "Emma Brown",
          "Thomas Wagner", "Claire Dubois", "Giulia Bianchi"]

ITEMS = {
    "en": ["Website maintenance", "Consulting hours", "A4 copy paper, 80 g (box of 5 reams)", "Toner cartridge HP 26X",
           "On-site installation", "Annual software licence", "Logo redesign", "Delivery pallet", "Network switch 24-port",
           "Project management", "Training workshop (half day)", "Cloud hosting - monthly", "Office chairs, ergonomic",
           "Photography session", "Translation services", "Catering for 20 guests", "Server rack rental", "SEO audit"],
    "de": ["Wartung Website", "Beratungsstunden", "Kopierpapier A4, 80 g", "Tonerkartusche schwarz", "Montage vor Ort",
           "Softwarelizenz (jährlich)", "Anfahrtspauschale", "Elektroinstallation Küche", "Netzwerkkabel Cat6, 20 m",
           "Projektleitung", "Schulung (halber Tag)", "Hosting Paket M", "Bürostuhl ergonomisch", "Fotoshooting",
           "Übersetzung Deutsch-Englisch", "Fliesenarbeiten Bad", "Entsorgung Altmaterial", "Druck Flyer A5, 1000 Stk."],
    "fr": ["Maintenance du site web", "Heures de conseil", "Papier A4 80 g", "Cartouche de toner noir", "Installation sur site",
           "Licence logicielle annuelle", "Frais de déplacement", "Formation (demi-journée)", "Hébergement mensuel",
           "Chaise de bureau ergonomique", "Séance photo", "Traduction français-anglais", "Impression brochures A5", "Audit SEO"],
    "es": ["Mantenimiento web", "Horas de consultoría", "Papel A4 80 g", "Cartucho de tóner negro", "Instalación in situ",
           "Licencia de software anual", "Gastos de desplazamiento", "Formación (media jornada)", "Alojamiento web mensual",
           "Silla de oficina ergonómica", "Sesión de fotos", "Traducción español-inglés", "Impresión de folletos A5"],
    "it": ["Manutenzione sito web", "Ore di consulenza", "Carta A4 80 g", "Cartuccia toner nero", "Installazione in loco",
           "Licenza software annuale", "Spese di trasferta", "Formazione (mezza giornata)", "Hosting mensile",
           "Sedia da ufficio ergonomica", "Servizio fotografico", "Traduzione italiano-inglese", "Stampa brochure A5"],
    "nl": ["Onderhoud website", "Adviesuren", "Kopieerpapier A4 80 g", "Tonercartridge zwart", "Installatie op locatie",
           "Softwarelicentie (jaarlijks)", "Voorrijkosten", "Training (halve dag)", "Hosting maandelijks",
           "Ergonomische bureaustoel", "Fotoshoot", "Vertaling Nederlands-Engels", "Drukwerk folders A5"],
}
EXTRA = {"en": ["including configuration and testing of all components", "period 1-31 March, as per agreement",
                "as quoted in estimate Q-2291, materials included"],
         "de": ["inkl. Konfiguration und Funktionstest aller Komponenten", "Zeitraum 01.-31. März gemäß Vereinbarung",
                "laut Angebot A-2291, inklusive Material"],
         "fr": ["y compris configuration et tests de tous les composants", "période du 1er au 31 mars selon contrat"],
         "es": ["incluye configuración y pruebas de todos los componentes", "periodo del 1 al 31 de marzo según contrato"],
         "it": ["comprensivo di configurazione e collaudo dei componenti", "periodo 1-31 marzo come da contratto"],
         "nl": ["inclusief configuratie en test van alle onderdelen", "periode 1-31 maart volgens afspraak"]}


def fmt_num(x, conv, decimals=2):
    x = D(x)
    neg = x < 0
    s = f"{abs(x):,.{decimals}f}" if decimals else f"{abs(x):,.0f}"
    if conv == "en":
        pass
    elif conv == "en_plain":
        s = s.replace(",", "")
    elif conv == "eu":
        s = s.replace(",", "X").replace(".", ",").replace("X", ".")
    elif conv == "eu_plain":
        s = s.replace(",", "").replace(".", ",")
    elif conv == "fr":
        s = s.replace(",", " ").replace(".", ",")
    elif conv == "ch":
        s = s.replace(",", "'")
    return ("-" if neg else "") + s


def fmt_qty(qv, conv):
    if qv == int(qv):
        return str(int(qv))
    return fmt_num(qv, conv, 1 if (qv * 10) == int(qv * 10) else 2)


def fmt_date(y, m, d, style, lang):
    mon = MONTHS[lang][m - 1]
    if style == "iso":
        return f"{y:04d}-{m:02d}-{d:02d}"
    if style == "dmy":
        return f"{d:02d}/{m:02d}/{y}"
    if style == "mdy":
        return f"{m:02d}/{d:02d}/{y}"
    if style == "dot":
        return f"{d:02d}.{m:02d}.{y}"
    if style == "dmy_dash":
        return f"{d:02d}-{m:02d}-{y}"
    if style == "en_us_long":
        return f"{MONTHS['en'][m - 1]} {d}, {y}"
    if style == "long":
        return {"en": f"{d} {mon} {y}", "de": f"{d}. {mon} {y}", "fr": f"{'1er' if d == 1 else d} {mon} {y}",
                "es": f"{d} de {mon} de {y}", "it": f"{d} {mon} {y}", "nl": f"{d} {mon} {y}"}[lang]
    raise ValueError(style)


class Canvas:
    """Text through TextWriter (embedded base-14 fonts, so € and accents survive), one writer per colour."""

    def __init__(self, page):
        self.page = page
        self.writers = {}

    def width(self, s, font, size):
        return FONTS[font].text_length(s, size)

    def text(self, x, y, s, font="helv", size=9, align="l", color=(0, 0, 0)):
        w = self.width(s, font, size)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        tw = self.writers.setdefault(color, pymupdf.TextWriter(self.page.rect))
        tw.append((x, y), s, font=FONTS[font], fontsize=size)
        return w

    def wrap(self, s, font, size, maxw):
        words, lines, cur = s.split(), [], ""
        for w in words:
            t = (cur + " " + w).strip()
            if self.width(t, font, size) <= maxw or not cur:
                cur = t
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
        return lines

    def finish(self):
        for color, tw in self.writers.items():
            tw.write_text(self.page, color=color)


def company(rng, lang, cc):
    a = rng.choice(NAME_A)
    form = rng.random()
    if form < 0.45:
        name = f"{a} {rng.choice(NAME_B[lang])} {rng.choice(SUFFIX[cc])}"
    elif form < 0.75:
        name = f"{a} {rng.choice(SUFFIX[cc])}"
    else:
        b = rng.choice([n for n in NAME_A if n != a])
        name = f"{a} & {b} {rng.choice(SUFFIX[cc])}"
    street, city = rng.choice(ADDR[cc])
    return name, [street, city] + ([COUNTRY[cc]] if rng.random() < 0.5 else [])


def invoice_number(rng, year):
    k = rng.randrange(8)
    n = rng.randint(1, 9999)
    return [f"INV-{year}-{n:04d}", f"{year}/{n:04d}", f"RE-{rng.randint(10000, 99999)}", f"F{year}-{n:03d}",
            f"A-{n:05d}", f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-{rng.randint(1, 99):02d}",
            f"FAC/{year}/{n:04d}", f"{rng.randint(1000, 99999)}"][k]


def iban(rng, cc):
    ctry = cc if cc in ("DE", "AT", "CH", "FR", "ES", "IT", "NL", "IE", "GB") else "DE"
    digits = "".join(str(rng.randrange(10)) for _ in range(18))
    raw = f"{ctry}{rng.randint(10, 99)}{digits}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def make_invoice(rng, idx):
    prof = rng.choices(PROFILES, PROFILE_WEIGHTS)[0]
    lang, cc, cur = prof["lang"], prof["cc"], prof["cur"]
    lab = {k: (rng.choice(v) if isinstance(v, list) else v) for k, v in L[lang].items()}
    reg, bold = rng.choice(FAMILIES)
    conv = rng.choice(prof["nums"])
    dstyle = rng.choice(prof["dates"])
    year = rng.choice([2024, 2025, 2025])
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    inv_no = invoice_number(rng, year)
    issuer, iaddr = company(rng, lang, cc)
    while True:
        cust, caddr = company(rng, lang, cc)
        if cust.split()[0] != issuer.split()[0] and caddr[0] != iaddr[0]:
            break
    # currency display
    cmode = rng.choices(["symbol", "code", "word", "header", "none"], [35, 30, 12, 15, 5])[0]
    if cmode == "word" and cur not in CURWORD[lang]:
        cmode = "code"
    sym = SYMBOL[cur]
    if cur == "USD" and cmode == "symbol":
        pass
    cur_after = lang in ("de", "fr", "es", "it") and rng.random() < 0.7

    def money(x, show):
        s = fmt_num(x, conv)
        if s.startswith("-") and not cur_after and show and cmode in ("symbol", "code"):
            return "-" + money(-x, show)
        if not show or cmode in ("word", "header", "none"):
            return s
        tag = sym if cmode == "symbol" else cur
        if cur_after:
            return f"{s} {tag}"
        return f"{tag}{s}" if (cmode == "symbol" and len(tag) == 1) else f"{tag} {s}"

    sym_on_items = rng.random() < 0.3

    # items
    n_items = rng.choices(range(1, 13), [8, 10, 10, 10, 9, 8, 7, 6, 5, 5, 4, 4])[0]
    no_qty = rng.random() < 0.18
    two_rates = len(prof["rates"]) > 1 and rng.random() < 0.25 and not no_qty
    main_rate = D(prof["rates"][0])
    items = []
    pool = ITEMS[lang][:]
    rng.shuffle(pool)
    for i in range(n_items):
        desc = pool[i % len(pool)]
        if i >= len(pool):
            desc += f" ({i + 1})"
        wrapped = rng.random() < 0.2
        if wrapped:
            desc = desc + ", " + rng.choice(EXTRA[lang])
        if no_qty:
            qv = None
            up = None
            amt = q2(D(rng.randint(2000, 250000)) / 100)
        else:
            qv = D(rng.choice([1, 1, 1, 2, 3, 4, 5, 8, 10, 12, 20, 25, 50])) if rng.random() < 0.8 else D(rng.choice(["0.5", "1.5", "2.5", "3.25", "7.5"]))
            up = q2(D(rng.randint(150, 150000)) / 100) if rng.random() < 0.9 else D(rng.randint(1, 40) * 50)
            amt = q2(qv * up)
        rate = D(prof["rates"][1]) if (two_rates and rng.random() < 0.4) else main_rate
        items.append({"description": desc, "quantity": qv, "unit_price": up, "amount": amt, "rate": rate, "wrapped": wrapped})
    if two_rates and len({it["rate"] for it in items}) < 2:
        if len(items) == 1:
            two_rates = False
        else:
            items[-1]["rate"] = D(prof["rates"][1])
    subtotal = sum((it["amount"] for it in items), D(0))
    discount = q2(subtotal * D(rng.choice([5, 10, 3])) / 100) if (rng.random() < 0.15 and not two_rates) else D(0)
    shipping = q2(D(rng.randint(490, 4990)) / 100) if rng.random() < 0.2 else D(0)
    no_tax = rng.random() < 0.08
    tax_lines = []
    if not no_tax:
        bases = {}
        for it in items:
            bases[it["rate"]] = bases.get(it["rate"], D(0)) + it["amount"]
        bases[main_rate] = bases.get(main_rate, D(0)) - discount + shipping
        for r in sorted(bases, reverse=True):
            tax_lines.append((r, bases[r], q2(bases[r] * r / 100)))
    tax = sum((t[2] for t in tax_lines), D(0))
    total = subtotal - discount + shipping + tax
    assert total == q2(sum(it["amount"] for it in items) - discount + shipping + tax)
    assert subtotal == sum(it["amount"] for it in items)

    has_due = rng.random() < 0.5
    has_po = rng.random() < 0.3
    has_terms = rng.random() < 0.5
    has_bank = rng.random() < 0.6
    has_pageno = rng.random() < 0.4
    layout = rng.choice(["left", "right", "centred", "letter"] if lang == "de" else ["left", "right", "centred"])
    meta_style = rng.choice(["pairs", "pairs", "row"])
    bill_label = rng.random() < 0.85
    table_style = rng.choice(["plain", "ruled", "shaded"])
    qty_first = (not no_qty) and rng.random() < 0.15
    two_pages = n_items >= 7 and rng.random() < 0.45
    issuer_in_footer = rng.random() < 0.35
    mm, dd, yy = m, d, year
    due_m, due_d = (m % 12) + 1, d
    due_y = year + (1 if m == 12 else 0)

    # ---------------------------------------------------------------- drawing
    us = cc == "US"
    W, H = (612, 792) if us else (595, 842)
    doc = pymupdf.open()
    n_pages = 2 if two_pages else 1
    for _ in range(n_pages):
        doc.new_page(width=W, height=H)
    pages = [doc[k] for k in range(n_pages)]
    cvs = [Canvas(p) for p in pages]
    c = cvs[0]
    pg = pages[0]
    X0, X1 = 50, W - 50
    grey = (0.35, 0.35, 0.35)
    accent = rng.choice([(0.1, 0.3, 0.6), (0.6, 0.1, 0.1), (0.1, 0.45, 0.3), (0.2, 0.2, 0.2)])
    datestr = fmt_date(yy, mm, dd, dstyle, lang)
    duestr = fmt_date(due_y, due_m, due_d, dstyle, lang)
    meta = [(lab["num"], inv_no), (lab["date"], datestr)]
    if has_due:
        meta.append((lab["due"], duestr))
    if has_po:
        meta.append((lab["po"], f"PO-{rng.randint(1000, 9999)}"))
    colon = rng.choice(["", ":"])

    def draw_meta(x, y, right_edge=None, size=9):
        if meta_style == "row":
            colw = (X1 - X0) / len(meta)
            for k, (lbl, val) in enumerate(meta):
                xx = X0 + k * colw
                c.text(xx, y, lbl, bold, 8, color=grey)
                c.text(xx, y + 13, val, reg, size + 1)
            pg.draw_line((X0, y + 19), (X1, y + 19), color=(0.7, 0.7, 0.7), width=0.5)
            return y + 34
        for lbl, val in meta:
            if right_edge:
                c.text(right_edge - 95, y, lbl + colon, bold, size, align="r")
                c.text(right_edge, y, val, reg, size, align="r")
            else:
                c.text(x, y, lbl + colon, bold, size)
                c.text(x + 105, y, val, reg, size)
            y += 13
        return y

    def draw_block(x, y, lines, align="l", first_bold=True, size=9):
        for k, s in enumerate(lines):
            c.text(x, y, s, bold if (k == 0 and first_bold) else reg, size + (1 if k == 0 else 0), align=align)
            y += 12
        return y

    cust_lines = [cust] + ([f"Attn: {rng.choice(PERSON)}"] if rng.random() < 0.25 else []) + caddr
    iss_lines_extra = iaddr + ([f"Tel. +{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(100000, 999999)}"] if rng.random() < 0.5 else [])
    vat_id = {"DE": "USt-IdNr. DE", "AT": "UID ATU", "CH": "MWST CHE-", "FR": "TVA FR", "ES": "NIF ES", "IT": "P.IVA IT",
              "NL": "BTW NL", "GB": "VAT Reg. GB", "IE": "VAT IE", "SG": "GST Reg. M", "US": "EIN "}[cc] + str(rng.randint(10**8, 10**9 - 1))
    if rng.random() < 0.5:
        iss_lines_extra.append(vat_id)
    title = lab["title"]
    y = 60
    if layout == "left":
        c.text(X0, y + 10, issuer, bold, 16, color=accent)
        yb = y + 26
        for s in iss_lines_extra:
            c.text(X0, yb, s, reg, 8.5, color=grey)
            yb += 11
        c.text(X1, y + 10, title, bold, 20, align="r", color=accent)
        ym = draw_meta(None, y + 34, right_edge=X1) if meta_style == "pairs" else None
        yb = max(yb, ym or 0) + 22
        if meta_style == "row":
            yb = draw_meta(None, yb) + 6
        if bill_label:
            c.text(X0, yb, lab["bill"] + colon, bold, 9, color=accent)
            yb += 14
        ybill = draw_block(X0, yb, cust_lines)
        y = ybill + 20
    elif layout == "right":
        c.text(X0, y + 14, title, bold, 24, color=accent)
        yr = y
        for k, s in enumerate([issuer] + iss_lines_extra):
            c.text(X1, yr + 10, s, bold if k == 0 else reg, 12 if k == 0 else 8.5, align="r", color=(0, 0, 0) if k == 0 else grey)
            yr += 15 if k == 0 else 11
        yl = y + 48
        if bill_label:
            c.text(X0, yl, lab["bill"] + colon, bold, 9, color=accent)
            yl += 14
        yl = draw_block(X0, yl, cust_lines)
        if meta_style == "pairs":
            ym = draw_meta(None, max(yr + 24, y + 62), right_edge=X1)
            y = max(yl, ym) + 20
        else:
            y = draw_meta(None, max(yl, yr) + 18) + 6
    elif layout == "centred":
        bw = 46
        pg.draw_rect(pymupdf.Rect(W / 2 - bw / 2, y - 20, W / 2 + bw / 2, y + 14), color=accent, fill=accent)
        initials = "".join(w[0] for w in issuer.split()[:2] if w[0].isalpha())
        c.text(W / 2, y + 3, initials, bold, 16, align="c", color=(1, 1, 1))
        c.text(W / 2, y + 34, issuer, bold, 14, align="c")
        yc = y + 48
        c.text(W / 2, yc, " · ".join(iss_lines_extra), reg, 8, align="c", color=grey)
        yc += 26
        c.text(X0, yc, title, bold, 16, color=accent)
        yc += 22
        if meta_style == "pairs":
            ym = draw_meta(X0, yc)
            yr = yc
            if bill_label:
                c.text(W / 2 + 40, yr, lab["bill"] + colon, bold, 9, color=accent)
                yr += 14
            yr = draw_block(W / 2 + 40, yr, cust_lines)
            y = max(ym, yr) + 20
        else:
            yc = draw_meta(None, yc)
            if bill_label:
                c.text(X0, yc, lab["bill"] + colon, bold, 9, color=accent)
                yc += 14
            y = draw_block(X0, yc, cust_lines) + 20
    else:  # German business-letter layout: sender line above the window address, issuer logo top-right
        c.text(X1, y + 8, issuer, bold, 15, align="r", color=accent)
        yr = y + 24
        for s in iss_lines_extra:
            c.text(X1, yr, s, reg, 8.5, align="r", color=grey)
            yr += 11
        yw = 150
        c.text(X0, yw, f"{issuer} · {iaddr[0]} · {iaddr[1]}", reg, 6.5, color=grey)
        pg.draw_line((X0, yw + 3), (X0 + 240, yw + 3), color=grey, width=0.4)
        yb = draw_block(X0, yw + 18, cust_lines, first_bold=False, size=10)
        if rng.random() < 0.5:
            c.text(X1, yw + 60, f"{iaddr[1].split(' ', 1)[1]}, {datestr}", reg, 9, align="r")
            meta[:] = [mt for mt in meta if mt[0] != lab["date"]]
        ym = draw_meta(None, yw + 78, right_edge=X1) if meta_style == "pairs" else yw + 78
        yt = max(yb, ym) + 18
        c.text(X0, yt, f"{title} {inv_no}" if meta_style == "pairs" and rng.random() < 0.3 else title, bold, 14)
        y = yt + 14
        if meta_style == "row":
            y = draw_meta(None, y + 6) + 4

    # currency statements that are not on amounts
    cur_word = CURWORD[lang].get(cur, cur)
    if cmode == "word":
        c.text(X0, y, lab["amounts_in"].format(cur_word), reg, 8.5, color=grey)
        y += 16

    # table columns
    amt_hdr = lab["amt"] + (f" ({cur})" if cmode == "header" else "")
    unit_hdr = lab["unit"] + (f" ({cur})" if cmode == "header" and rng.random() < 0.5 else "")
    if no_qty:
        cols = [("desc", X0 + 4, "l"), ("amt", X1 - 4, "r")]
        hdrs = {"desc": lab["desc"], "amt": amt_hdr}
        desc_w = X1 - X0 - 140
    elif qty_first:
        cols = [("qty", X0 + 4, "l"), ("desc", X0 + 50, "l"), ("unit", X1 - 100, "r"), ("amt", X1 - 4, "r")]
        hdrs = {"qty": lab["qty"], "desc": lab["desc"], "unit": unit_hdr, "amt": amt_hdr}
        desc_w = X1 - X0 - 230
    else:
        cols = [("desc", X0 + 4, "l"), ("qty", X1 - 190, "r"), ("unit", X1 - 100, "r"), ("amt", X1 - 4, "r")]
        hdrs = {"desc": lab["desc"], "qty": lab["qty"], "unit": unit_hdr, "amt": amt_hdr}
        desc_w = X1 - X0 - 250

    def table_header(cv, p, yy):
        if table_style == "shaded":
            p.draw_rect(pymupdf.Rect(X0, yy - 11, X1, yy + 5), color=None, fill=(0.88, 0.9, 0.94))
        for key, x, al in cols:
            cv.text(x, yy, hdrs[key], bold, 9, align=al)
        p.draw_line((X0, yy + 5), (X1, yy + 5), color=(0.2, 0.2, 0.2), width=0.8)
        return yy + 20

    def footer(cv, p, pno):
        fy = H - 58
        p.draw_line((X0, fy - 12), (X1, fy - 12), color=(0.75, 0.75, 0.75), width=0.4)
        parts = []
        if issuer_in_footer:
            parts.append(f"{issuer} · {iaddr[0]} · {iaddr[1]}")
        if has_bank:
            bic = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(4)) + cc[:2] + "2X"
            if cc == "US":
                parts.append(f"{lab['bank']}: First Republic · Routing 121000248 · Account {rng.randint(10**8, 10**9)}")
            else:
                parts.append(f"{lab['bank']}: IBAN {iban(rng, cc)} · BIC {bic}")
        for s in parts:
            cv.text(W / 2, fy, s, reg, 7, align="c", color=grey)
            fy += 10
        if has_pageno or n_pages > 1:
            cv.text(X1, H - 25, lab["page"].format(pno, n_pages), reg, 7.5, align="r", color=grey)

    y = table_header(c, pg, y + 6)
    split_at = rng.randint(max(3, n_items // 2), n_items - 2) if two_pages else n_items
    cur_c, cur_p, pno = c, pg, 1
    for i, it in enumerate(items):
        if i == split_at:
            cur_c.text(X1, y + 8, lab["cont"], reg, 8, align="r", color=grey)
            footer(cur_c, cur_p, pno)
            pno += 1
            cur_c, cur_p = cvs[1], pages[1]
            ytop = 60
            cur_c.text(X0, ytop, f"{issuer}", bold, 10)
            cur_c.text(X1, ytop, f"{lab['num']} {inv_no}" if rng.random() < 0.7 else lab["page"].format(2, 2), reg, 9, align="r")
            y = table_header(cur_c, cur_p, ytop + 30)
        lines = cur_c.wrap(it["description"], reg, 9, desc_w)
        vals = {"desc": None, "qty": fmt_qty(it["quantity"], conv) if it["quantity"] is not None else "",
                "unit": money(it["unit_price"], sym_on_items) if it["unit_price"] is not None else "",
                "amt": money(it["amount"], sym_on_items)}
        for key, x, al in cols:
            if key == "desc":
                for k, ln in enumerate(lines):
                    cur_c.text(x, y + 12 * k, ln, reg, 9)
            else:
                cur_c.text(x, y, vals[key], reg, 9, align=al)
        y += 12 * len(lines) + 5
        if table_style == "ruled":
            cur_p.draw_line((X0, y - 9), (X1, y - 9), color=(0.8, 0.8, 0.8), width=0.4)
    # totals
    c, pg = cur_c, cur_p
    y += 8
    pg.draw_line((X1 - 220, y - 8), (X1, y - 8), color=(0.3, 0.3, 0.3), width=0.6)
    lx = X1 - 205
    tl = [(lab["sub"], money(subtotal, False if cmode == "symbol" and rng.random() < 0.3 else True), False)]
    if discount:
        tl.append((f"{lab['disc']}", money(-discount, True), False))
    if shipping:
        tl.append((lab["ship"], money(shipping, True), False))
    taxname = rng.choice(prof["tax"]) if lang == "en" else rng.choice(TAXNAME[lang])
    for r, base, t in tax_lines:
        rs = fmt_num(r, conv, 0) if r == int(r) else fmt_num(r, conv, 3 if r * 100 != int(r * 100) else (2 if r * 10 != int(r * 10) else 1))
        if len(tax_lines) > 1 and rng.random() < 0.5:
            label = f"{taxname} {rs} % auf {fmt_num(base, conv)}" if lang == "de" else f"{taxname} {rs}% ({fmt_num(base, conv)})"
        else:
            label = f"{taxname} {rs}%" if lang in ("en", "nl") else f"{taxname} {rs} %"
        tl.append((label, money(t, True), False))
    if no_tax:
        tl.append((f"{taxname} 0%", money(D(0), True), False))
    tl.append((lab["total"], money(total, True), True))
    if cmode == "word" and rng.random() < 0.5:
        tl[-1] = (f"{lab['total']} ({cur_word})", fmt_num(total, conv), True)
    for lbl, val, is_total in tl:
        if is_total:
            pg.draw_line((X1 - 220, y - 9), (X1, y - 9), color=(0, 0, 0), width=1)
            y += 3
        f = bold if is_total else reg
        sz = 10.5 if is_total else 9
        c.text(lx - (90 if len(lbl) > 22 else 0), y, lbl, f, sz)
        c.text(X1 - 4, y, val, f, sz, align="r")
        y += 15
    y += 14
    if has_terms:
        c.text(X0, y, lab["terms"], reg, 8.5)
        y += 13
    if rng.random() < 0.4:
        c.text(X0, y, lab["thanks"], reg, 8.5, color=grey)
    footer(c, pg, pno)
    for cv in cvs:
        cv.finish()

    truth = {
        "invoice_number": inv_no, "invoice_date": f"{yy:04d}-{mm:02d}-{dd:02d}", "issuer": issuer, "customer": cust,
        "total": str(total), "subtotal": str(subtotal), "tax": str(tax),
        "currency": "" if cmode == "none" else cur, "currency_implied": cur,
        "items": [{"description": it["description"], "quantity": None if it["quantity"] is None else str(it["quantity"]),
                    "unit_price": None if it["unit_price"] is None else str(it["unit_price"]), "amount": str(it["amount"])}
               for it in items],
        "features": {"lang": lang, "country": cc, "layout": layout, "meta_style": meta_style, "date_style": dstyle, "date_text": datestr,
                      "num_conv": conv, "cur_mode": cmode, "cur_after": cur_after, "n_items": n_items, "no_qty": no_qty, "qty_first": qty_first,
                      "wrapped": sum(1 for it in items if it["wrapped"]), "two_rates": two_rates, "no_tax": no_tax,
                      "discount": str(discount), "shipping": str(shipping), "due": has_due, "po": has_po, "bank": has_bank,
                      "pages": n_pages, "bill_label": bill_label, "font": reg, "table_style": table_style,
                      "issuer_in_footer": issuer_in_footer, "num_label": lab["num"], "total_label": lab["total"]},
    }
    return doc, truth


def main(n=60, seed=20250307, out="indep-invoices"):
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        doc, truth = make_invoice(rng, i)
        stem = f"inv{i:03d}_{truth['features']['lang']}"
        truth["file"] = stem + ".pdf"
        doc.save(os.path.join(out, stem + ".pdf"), garbage=3, deflate=True)
        pngs = []
        for k, page in enumerate(doc):
            name = f"{stem}_p{k + 1}.png"
            page.get_pixmap(dpi=150).save(os.path.join(out, name))
            pngs.append(name)
        truth["pngs"] = pngs
        with open(os.path.join(out, stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
    print(f"wrote {n} invoices to {out}")


if __name__ == "__main__":
    main(*(f(a) for f, a in zip((int, int, str), sys.argv[1:])))
