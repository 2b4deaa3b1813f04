"""Varied invoices with known contents, one per seed: for the invoice benchmark and its tests.

:func:`random_invoice` draws what an invoice says and how it is laid out from a seed: the language
(en, de, fr, es, it, nl), the labels (several per field and language), the date format, the number
format (1,234.56 / 1.234,56 / 1 234,56 / 1'234.56), the currency (a symbol or a code before or
after the amounts, on every amount or on the totals only, only in a heading, or not at all), where
the issuer stands (top left, top right, centred, or only in the footer with a sender line), where the
invoice's number and dates stand and how they pair with their labels (beside, inline, above, in a
grid), one or two parties' columns, the item table's columns and place, and the tax lines (none, one
rate, two rates). Distractors a reader must not take: customer and order numbers, order and delivery
dates, currency codes inside words (a "CAD" licence, a "Euro" in a company's name).

:func:`invoice_pdf_of` draws it as a digital PDF, :func:`invoice_image_of` as a scan or photo of it
(rendered, tilted, blurred, noisy, JPEG). :meth:`GeneratedInvoice.expected` is the ground truth.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from docextract.testing.documents import degrade, render_pdf

LANGUAGES = ("en", "de", "fr", "es", "it", "nl")

# Per language: label variants a real invoice uses. The reader's own lexicon lives in
# docextract/rules; this one is written apart from it, with more variants, so that the benchmark
# finds labels the rules do not know.
_LEX: dict[str, dict[str, list[str]]] = {
    "en": {
        "title": ["INVOICE", "Invoice", "TAX INVOICE", "Sales Invoice"],
        "number": ["Invoice No.", "Invoice #", "Invoice Number", "Invoice no:", "Invoice ID", "Inv. No."],
        "date": ["Invoice Date", "Date", "Date of issue", "Issue date", "Invoice date:", "Dated"],
        "due": ["Due Date", "Payment due", "Due by", "Pay by"],
        "customer_no": ["Customer No.", "Account No.", "Client ID"],
        "order_no": ["Order No.", "PO Number", "Your reference"],
        "order_date": ["Order Date", "Delivery Date", "Ship Date"],
        "bill_to": ["Bill To:", "Billed to", "Invoice to:", "Customer", "BILL TO"],
        "from": ["From", "Supplier"],
        "desc": ["Description", "Item", "Service", "Item description"],
        "qty": ["Qty", "Quantity", "Hours", "Units"],
        "price": ["Unit Price", "Rate", "Price", "Unit cost"],
        "amount": ["Amount", "Total", "Line Total", "Net"],
        "vat_col": ["VAT", "Tax %"],
        "subtotal": ["Subtotal", "Net amount", "Total excl. VAT", "Sub-total"],
        "tax": ["VAT {r}%", "Tax ({r}%)", "Sales Tax {r}%", "VAT @ {r}%"],
        "total": ["Total", "Total Due", "Amount Due", "Balance Due", "Grand Total", "Total incl. VAT", "Invoice Total"],
        "in_cur": ["All amounts in {c}", "Currency: {c}", "Prices in {c}"],
        "terms": ["Payment within {d} days. Thank you for your business.", "Please pay within {d} days by bank transfer."],
        "page": ["Page 1 of 1", "Page 1/1"],
        "vat_id": ["VAT No.", "VAT Reg. No.", "Tax ID"],
        "discount": ["Discount {r}%", "Less discount ({r}%)"],
        "shipping": ["Shipping", "Delivery charge", "Freight"],
        "incl_tax": ["Includes VAT {r}%", "incl. VAT {r}%", "Of which VAT ({r}%)"],
        "code": ["Item #", "SKU", "Code", "Ref."],
        "notes": ["incl. setup", "as agreed", "see attached report", "remote", "on site", "standard plan"],
        "summary": ["Summary", "Account summary"], "current": ["Current charges", "Charges this period"], "detail": ["Detail", "Details of charges"], "part_names": ["Monthly fee", "Usage"],
        "items": ["Consulting services", "Website hosting (annual)", "Logo design", "Software licence", "Training workshop",
                  "Project management", "Travel expenses", "Maintenance contract", "Data migration", "Support hours",
                  "CAD software licence", "Printer toner cartridge", "Office chair", "Network cabling", "Copywriting"],
    },
    "de": {
        "title": ["RECHNUNG", "Rechnung"],
        "number": ["Rechnungsnummer", "Rechnungsnr.", "Rechnung Nr.", "Rechnungs-Nr.", "Re.-Nr.", "Beleg-Nr."],
        "date": ["Rechnungsdatum", "Datum", "Belegdatum", "Ausstellungsdatum"],
        "due": ["Fällig am", "Zahlbar bis", "Fälligkeitsdatum"],
        "customer_no": ["Kundennummer", "Kunden-Nr.", "Kundennr."],
        "order_no": ["Auftragsnummer", "Bestellnr.", "Ihre Referenz"],
        "order_date": ["Lieferdatum", "Bestelldatum", "Leistungsdatum"],
        "bill_to": ["Rechnungsempfänger", "Kunde", "Rechnungsadresse", "An"],
        "from": ["Absender", "Von"],
        "desc": ["Beschreibung", "Bezeichnung", "Leistung", "Artikel"],
        "qty": ["Menge", "Anzahl", "Stunden"],
        "price": ["Einzelpreis", "E-Preis", "Preis", "Stückpreis"],
        "amount": ["Gesamt", "Betrag", "Gesamtpreis", "Summe"],
        "vat_col": ["MwSt.", "USt. %"],
        "subtotal": ["Zwischensumme", "Nettobetrag", "Summe netto", "Gesamt netto"],
        "tax": ["MwSt. {r} %", "USt. {r}%", "zzgl. {r}% MwSt.", "Umsatzsteuer {r} %"],
        "total": ["Gesamtbetrag", "Rechnungsbetrag", "Summe brutto", "Endbetrag", "Gesamt brutto", "Zu zahlen"],
        "in_cur": ["Alle Beträge in {c}", "Währung: {c}", "Beträge in {c}"],
        "terms": ["Zahlbar innerhalb von {d} Tagen ohne Abzug.", "Bitte überweisen Sie den Betrag innerhalb von {d} Tagen."],
        "page": ["Seite 1 von 1", "Seite 1/1"],
        "vat_id": ["USt-IdNr.", "Steuernummer", "USt-ID"],
        "discount": ["Rabatt {r}%", "abzgl. {r}% Rabatt"],
        "shipping": ["Versandkosten", "Versand", "Fracht"],
        "incl_tax": ["enthaltene MwSt. {r} %", "inkl. {r}% USt.", "darin enthalten {r}% MwSt."],
        "code": ["Art.-Nr.", "Artikelnr.", "Pos.-Nr."],
        "notes": ["inkl. Einrichtung", "laut Angebot", "vor Ort", "pauschal", "nach Aufwand", "siehe Anlage"],
        "summary": ["Übersicht", "Zusammenfassung"], "current": ["Aktuelle Gebühren", "Kosten dieses Zeitraums"], "detail": ["Einzelaufstellung", "Details"], "part_names": ["Grundgebühr", "Verbrauch"],
        "items": ["Beratung", "Montage", "Wartungsvertrag", "Fahrtkosten", "Webdesign", "Schulung vor Ort",
                  "Softwarelizenz", "Reinigung Büroräume", "Druck Visitenkarten", "Projektleitung", "Materialkosten",
                  "Einrichtung Server", "Übersetzung", "Fotografie", "Hosting Jahresgebühr"],
    },
    "fr": {
        "title": ["FACTURE", "Facture"],
        "number": ["Facture n°", "N° de facture", "Numéro de facture", "Facture N°", "Réf. facture", "N° facture"],
        "date": ["Date", "Date de facture", "Date d'émission", "Date de facturation"],
        "due": ["Échéance", "Date d'échéance", "À payer avant le"],
        "customer_no": ["N° client", "Code client", "Réf. client"],
        "order_no": ["N° de commande", "Bon de commande", "Votre référence"],
        "order_date": ["Date de livraison", "Date de commande"],
        "bill_to": ["Client", "Facturé à", "Adresse de facturation", "Destinataire"],
        "from": ["Émetteur", "Fournisseur"],
        "desc": ["Désignation", "Description", "Libellé", "Prestation"],
        "qty": ["Qté", "Quantité", "Nombre"],
        "price": ["Prix unitaire", "P.U. HT", "Prix HT", "PU"],
        "amount": ["Montant", "Total HT", "Montant HT"],
        "vat_col": ["TVA", "Taux TVA"],
        "subtotal": ["Total HT", "Sous-total", "Montant HT"],
        "tax": ["TVA {r} %", "TVA ({r}%)", "TVA à {r} %"],
        "total": ["Total TTC", "Net à payer", "Montant TTC", "Total à payer", "Montant total TTC"],
        "in_cur": ["Montants exprimés en {c}", "Devise : {c}"],
        "terms": ["Paiement à {d} jours par virement.", "Conditions de paiement : {d} jours net."],
        "page": ["Page 1 sur 1", "Page 1/1"],
        "vat_id": ["N° TVA", "TVA intracom.", "SIRET"],
        "discount": ["Remise {r} %", "Remise ({r}%)"],
        "shipping": ["Frais de port", "Livraison", "Frais d'envoi"],
        "incl_tax": ["dont TVA {r} %", "TVA incluse {r} %"],
        "code": ["Réf.", "Code", "Référence"],
        "notes": ["selon devis", "sur site", "forfait", "voir annexe", "à distance", "hors déplacement"],
        "summary": ["Récapitulatif", "Synthèse"], "current": ["Montant de la période", "Consommations de la période"], "detail": ["Détail", "Détail des prestations"], "part_names": ["Abonnement", "Consommation"],
        "items": ["Prestation de conseil", "Développement site web", "Maintenance annuelle", "Frais de déplacement",
                  "Formation", "Licence logiciel", "Conception graphique", "Nettoyage des locaux", "Traduction",
                  "Impression brochures", "Hébergement", "Location matériel", "Audit sécurité", "Rédaction", "Installation"],
    },
    "es": {
        "title": ["FACTURA", "Factura"],
        "number": ["Factura nº", "Nº de factura", "Número de factura", "Factura N.º", "Nº factura", "Factura núm."],
        "date": ["Fecha", "Fecha de factura", "Fecha de emisión", "Fecha factura"],
        "due": ["Vencimiento", "Fecha de vencimiento", "Fecha de pago"],
        "customer_no": ["Nº cliente", "Código cliente"],
        "order_no": ["Nº de pedido", "Su referencia", "Pedido nº"],
        "order_date": ["Fecha de pedido", "Fecha de entrega"],
        "bill_to": ["Cliente", "Facturar a", "Datos del cliente", "Destinatario"],
        "from": ["Emisor", "Proveedor"],
        "desc": ["Descripción", "Concepto", "Artículo", "Detalle"],
        "qty": ["Cantidad", "Cant.", "Unidades", "Horas"],
        "price": ["Precio unitario", "Precio", "Precio unit.", "P. unitario"],
        "amount": ["Importe", "Total", "Subtotal"],
        "vat_col": ["IVA", "% IVA"],
        "subtotal": ["Base imponible", "Subtotal", "Total base"],
        "tax": ["IVA {r}%", "IVA ({r}%)", "IVA {r} %"],
        "total": ["Total", "Total factura", "Importe total", "Total a pagar", "TOTAL"],
        "in_cur": ["Importes en {c}", "Moneda: {c}"],
        "terms": ["Pago a {d} días mediante transferencia.", "Forma de pago: transferencia a {d} días."],
        "page": ["Página 1 de 1", "Pág. 1/1"],
        "vat_id": ["NIF", "CIF", "NIF/CIF"],
        "discount": ["Descuento {r}%", "Dto. {r}%"],
        "shipping": ["Gastos de envío", "Portes", "Transporte y envío"],
        "incl_tax": ["IVA incluido {r}%", "de los cuales IVA {r}%"],
        "code": ["Ref.", "Código", "Cód."],
        "notes": ["según presupuesto", "en sus instalaciones", "tarifa plana", "ver anexo", "en remoto", "incluye material"],
        "summary": ["Resumen", "Resumen de la factura"], "current": ["Importe del periodo", "Cargos del periodo"], "detail": ["Detalle", "Detalle de cargos"], "part_names": ["Cuota fija", "Consumo"],
        "items": ["Servicios de consultoría", "Diseño web", "Mantenimiento mensual", "Gastos de viaje", "Formación",
                  "Licencia de software", "Traducción", "Instalación", "Alquiler de equipo", "Limpieza de oficinas",
                  "Auditoría", "Reparación", "Material de oficina", "Transporte", "Fotografía"],
    },
    "it": {
        "title": ["FATTURA", "Fattura"],
        "number": ["Fattura n.", "Numero fattura", "Fattura N°", "N. fattura", "Fattura nr.", "Documento n."],
        "date": ["Data", "Data fattura", "Data emissione", "Data documento"],
        "due": ["Scadenza", "Data scadenza", "Pagamento entro"],
        "customer_no": ["Codice cliente", "Cod. cliente"],
        "order_no": ["Rif. ordine", "N. ordine", "Vs. riferimento"],
        "order_date": ["Data ordine", "Data consegna"],
        "bill_to": ["Cliente", "Destinatario", "Spett.le", "Intestatario"],
        "from": ["Mittente", "Fornitore"],
        "desc": ["Descrizione", "Articolo", "Prestazione", "Descrizione articolo"],
        "qty": ["Quantità", "Q.tà", "Qtà", "Ore"],
        "price": ["Prezzo unitario", "Prezzo", "Prezzo unit.", "P. unitario"],
        "amount": ["Importo", "Totale", "Imponibile"],
        "vat_col": ["IVA", "Aliquota"],
        "subtotal": ["Imponibile", "Totale imponibile", "Subtotale", "Totale netto"],
        "tax": ["IVA {r}%", "IVA ({r}%)", "IVA al {r}%"],
        "total": ["Totale", "Totale fattura", "Totale da pagare", "Totale documento", "TOTALE"],
        "in_cur": ["Importi in {c}", "Valuta: {c}"],
        "terms": ["Pagamento a {d} giorni data fattura.", "Bonifico bancario a {d} giorni."],
        "page": ["Pagina 1 di 1", "Pag. 1/1"],
        "vat_id": ["P.IVA", "Partita IVA", "C.F."],
        "discount": ["Sconto {r}%", "Sconto ({r}%)"],
        "shipping": ["Spese di spedizione", "Trasporto", "Spese di trasporto"],
        "incl_tax": ["di cui IVA {r}%", "IVA inclusa {r}%"],
        "code": ["Cod.", "Codice", "Rif."],
        "notes": ["come da preventivo", "presso la sede", "forfait", "vedi allegato", "da remoto", "materiale incluso"],
        "summary": ["Riepilogo", "Sintesi"], "current": ["Importo del periodo", "Addebiti del periodo"], "detail": ["Dettaglio", "Dettaglio addebiti"], "part_names": ["Canone", "Consumi"],
        "items": ["Consulenza", "Sviluppo software", "Manutenzione", "Spese di trasferta", "Formazione", "Licenza annuale",
                  "Traduzione", "Installazione impianto", "Noleggio attrezzatura", "Pulizia uffici", "Progettazione",
                  "Stampa cataloghi", "Assistenza tecnica", "Trasporto", "Fotografia"],
    },
    "nl": {
        "title": ["FACTUUR", "Factuur"],
        "number": ["Factuurnummer", "Factuurnr.", "Factuur nr.", "Factuur nummer", "Nummer"],
        "date": ["Factuurdatum", "Datum", "Datum factuur"],
        "due": ["Vervaldatum", "Te betalen voor", "Uiterste betaaldatum"],
        "customer_no": ["Klantnummer", "Debiteurnr.", "Klantnr."],
        "order_no": ["Ordernummer", "Uw referentie", "Bestelnummer"],
        "order_date": ["Orderdatum", "Leverdatum"],
        "bill_to": ["Klant", "Factuuradres", "Aan", "Geadresseerde"],
        "from": ["Van", "Leverancier"],
        "desc": ["Omschrijving", "Artikel", "Product", "Dienst"],
        "qty": ["Aantal", "Uren", "Hoeveelheid"],
        "price": ["Prijs", "Stukprijs", "Tarief", "Prijs per stuk"],
        "amount": ["Bedrag", "Totaal", "Subtotaal"],
        "vat_col": ["BTW", "BTW %"],
        "subtotal": ["Subtotaal", "Totaal excl. BTW", "Totaal exclusief btw", "Netto bedrag"],
        "tax": ["BTW {r}%", "BTW ({r}%)", "{r}% btw"],
        "total": ["Totaal", "Totaal incl. BTW", "Te betalen", "Totaalbedrag", "Totaal te betalen"],
        "in_cur": ["Bedragen in {c}", "Valuta: {c}"],
        "terms": ["Gelieve binnen {d} dagen te betalen.", "Betaling binnen {d} dagen na factuurdatum."],
        "page": ["Pagina 1 van 1", "Blad 1/1"],
        "vat_id": ["BTW-nr.", "KvK", "BTW nummer"],
        "discount": ["Korting {r}%", "Korting ({r}%)"],
        "shipping": ["Verzendkosten", "Verzending", "Vracht"],
        "incl_tax": ["waarvan BTW {r}%", "incl. {r}% btw"],
        "code": ["Art.nr.", "Code", "Artikelnr."],
        "notes": ["volgens offerte", "op locatie", "vast tarief", "zie bijlage", "op afstand", "inclusief materiaal"],
        "summary": ["Overzicht", "Samenvatting"], "current": ["Kosten deze periode", "Huidige kosten"], "detail": ["Specificatie", "Details"], "part_names": ["Vaste kosten", "Verbruik"],
        "items": ["Advieswerk", "Webontwikkeling", "Onderhoud", "Reiskosten", "Training", "Softwarelicentie",
                  "Vertaling", "Installatie", "Huur apparatuur", "Schoonmaak kantoor", "Ontwerp logo", "Drukwerk",
                  "Hosting", "Fotografie", "Projectbegeleiding"],
    },
}

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}

_NAMES = ["Northwind", "Bluepeak", "Harbour", "Silverline", "Greenfield", "Redwood", "Lindqvist", "Montclair",
          "Alder", "Brightwater", "Castellane", "Vermeer", "Fontaine", "Rosales", "Marchetti", "Oakridge", "Kestrel",
          "Sunvale", "Ironbridge", "Meridian", "Talvik", "Delacroix", "Ferraro", "Jansen", "Weber", "Euro"]
_TRADES = {
    "en": ["Consulting", "Design Studio", "Logistics", "Software", "Facilities", "Media", "Engineering", "Supplies"],
    "de": ["Beratung", "Haustechnik", "Logistik", "Software", "Medien", "Elektro", "Bau", "Druckerei"],
    "fr": ["Conseil", "Informatique", "Transports", "Bâtiment", "Communication", "Services", "Études", "Imprimerie"],
    "es": ["Consultores", "Informática", "Transportes", "Construcciones", "Servicios", "Diseño", "Asesores", "Gráficas"],
    "it": ["Consulenze", "Informatica", "Trasporti", "Costruzioni", "Servizi", "Design", "Impianti", "Grafica"],
    "nl": ["Advies", "Installatietechniek", "Transport", "Software", "Media", "Bouw", "Techniek", "Drukkerij"],
}
_FORMS = {
    "en": ["Ltd", "Ltd.", "LLC", "Inc.", "Limited", "plc", ""],
    "de": ["GmbH", "AG", "GmbH & Co. KG", "e.K.", "UG", ""],
    "fr": ["SARL", "SAS", "S.A.", "EURL", ""],
    "es": ["S.L.", "S.A.", "SL", "S.L.U.", ""],
    "it": ["S.r.l.", "S.p.A.", "Srl", "S.n.c.", ""],
    "nl": ["B.V.", "BV", "N.V.", "V.O.F.", ""],
}
_STREETS = {
    "en": ["{n} Market Street", "{n} Station Road", "Unit {n}, Riverside Park", "{n} High Street"],
    "de": ["Hauptstraße {n}", "Bahnhofstr. {n}", "Industriestraße {n}", "Am Markt {n}"],
    "fr": ["{n} rue de la République", "{n} avenue Victor Hugo", "{n} boulevard Gambetta", "{n} place du Marché"],
    "es": ["Calle Mayor {n}", "Avenida de la Constitución {n}", "Paseo de Gracia {n}", "Calle del Sol {n}"],
    "it": ["Via Roma {n}", "Corso Italia {n}", "Via Garibaldi {n}", "Piazza Duomo {n}"],
    "nl": ["Kerkstraat {n}", "Stationsweg {n}", "Havenkade {n}", "Dorpsstraat {n}"],
}
_TOWNS = {
    "en": ["London EC1A 1BB", "Leeds LS1 4AP", "Boston, MA 02110", "Portland, OR 97205", "Dublin 2"],
    "de": ["10115 Berlin", "80331 München", "50667 Köln", "20095 Hamburg", "70173 Stuttgart"],
    "fr": ["75002 Paris", "69002 Lyon", "33000 Bordeaux", "13001 Marseille", "59000 Lille"],
    "es": ["28013 Madrid", "08007 Barcelona", "46001 Valencia", "41001 Sevilla", "48001 Bilbao"],
    "it": ["20121 Milano", "00184 Roma", "10121 Torino", "40121 Bologna", "50123 Firenze"],
    "nl": ["1012 AB Amsterdam", "3011 AD Rotterdam", "3511 LX Utrecht", "2511 CV Den Haag", "5611 AB Eindhoven"],
}
_COUNTRY = {"en": "United Kingdom", "de": "Deutschland", "fr": "France", "es": "España", "it": "Italia", "nl": "Nederland"}
_COUNTRY_CURRENCY = {"en": "GBP", "de": "EUR", "fr": "EUR", "es": "EUR", "it": "EUR", "nl": "EUR"}
# Currencies an invoice in each language is written in, with their symbol (None: printed as a code).
_CURRENCIES = {
    "en": [("GBP", "£"), ("USD", "$"), ("EUR", "€"), ("CAD", None), ("AUD", None), ("SEK", None)],
    "de": [("EUR", "€"), ("CHF", "Fr."), ("EUR", "€"), ("PLN", None)],
    "fr": [("EUR", "€"), ("CHF", "Fr."), ("EUR", "€")],
    "es": [("EUR", "€"), ("EUR", "€"), ("USD", "$")],
    "it": [("EUR", "€"), ("CHF", "Fr."), ("EUR", "€")],
    "nl": [("EUR", "€"), ("EUR", "€"), ("DKK", None)],
}
_RATES = {"en": [20, 5, 8], "de": [19, 7], "fr": [20, 10, 5.5], "es": [21, 10], "it": [22, 10], "nl": [21, 9]}
# Number formats: thousands separator, decimal separator.
_NUMBER_FORMATS = {"en": [(",", "."), ("", ".")], "de": [(".", ","), ("", ","), ("'", ".")],
                   "fr": [(" ", ","), (".", ","), ("", ",")], "es": [(".", ","), ("", ",")],
                   "it": [(".", ","), ("", ",")], "nl": [(".", ","), ("", ",")]}


@dataclass
class GeneratedInvoice:
    """What a generated invoice says and how it is laid out (drawn from a seed by :func:`random_invoice`)."""

    seed: int
    lang: str
    issuer: str
    issuer_address: list[str]
    issuer_vat: str
    customer: str
    customer_address: list[str]
    invoice_number: str
    date: dt.date
    due: dt.date | None
    currency: str  # the currency the invoice is in
    symbol: str | None
    currency_style: str  # symbol_before | symbol_after | code_before | code_after | heading | none
    currency_scope: str  # all | totals: which amounts carry the currency mark
    thousands: str
    decimal: str
    date_style: str  # dmy. | dmy/ | dmy- | ymd | mdy | long
    lines: list[tuple[str, int, Decimal, Decimal]]  # description, quantity, unit price, tax rate (%)
    labels: dict[str, str]  # the label drawn for each field
    layout: dict[str, Any] = field(default_factory=dict)

    @property
    def printed_currency(self) -> str | None:
        """The currency the page says: its mark by the amounts, else the currency of the country the
        issuer's address names (a German issuer's unmarked amounts are in euros), else none. The
        customer's country says nothing: a seller bills in its own currency or marks another."""
        if self.currency_style != "none":
            return self.currency
        return _COUNTRY_CURRENCY[self.lang] if _COUNTRY[self.lang] in self.issuer_address else None

    @property
    def subtotal(self) -> Decimal:
        return sum((q * u for _, q, u, _ in self.lines), Decimal(0))

    @property
    def discount(self) -> Decimal:
        pct = self.layout.get("discount")
        return (self.subtotal * pct / 100).quantize(Decimal("0.01")) if pct else Decimal(0)

    @property
    def shipping(self) -> Decimal:
        return self.layout.get("shipping") or Decimal(0)

    @property
    def net(self) -> Decimal:
        return self.subtotal - self.discount + self.shipping

    @property
    def taxes(self) -> list[tuple[Decimal, Decimal]]:
        """(rate, tax) per rate, in the order of first use (included: the tax the total holds)."""
        tax = self.layout["tax"]
        if tax == "none":
            return []
        if tax == "two":
            out: dict[Decimal, Decimal] = {}
            for _, q, u, r in self.lines:
                out[r] = out.get(r, Decimal(0)) + q * u
            return [(r, (base * r / 100).quantize(Decimal("0.01"))) for r, base in out.items()]
        rate = self.lines[0][3]
        if tax == "included":
            return [(rate, (self.net - self.net / (1 + rate / 100)).quantize(Decimal("0.01")))]
        return [(rate, (self.net * rate / 100).quantize(Decimal("0.01")))]

    @property
    def total(self) -> Decimal:
        if self.layout["tax"] == "included":
            return self.net
        return self.net + sum((t for _, t in self.taxes), Decimal(0))

    def expected(self) -> dict[str, Any]:
        """The fields a reader should find (currency only where the page says it)."""
        return {
            "issuer": self.issuer,
            "invoice_number": self.invoice_number,
            "date": self.date,
            "total": self.total,
            "currency": self.printed_currency,
            "lines": [{"description": d, "amount": q * u} for d, q, u, _ in self.lines],
        }

    # ------------------------------------------------------------------------- printed forms

    def number(self, value: Decimal) -> str:
        """``value`` in the invoice's number format, without currency."""
        sign = "-" if value < 0 else ""
        whole, frac = f"{abs(value):.2f}".split(".")
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        return f"{sign}{self.thousands.join(groups)}{self.decimal}{frac}"

    def money(self, value: Decimal, *, total: bool = False) -> str:
        """``value`` as printed, with the currency mark where the style puts one."""
        text = self.number(value)
        if self.currency_scope == "totals" and not total:
            return text
        mark = self.symbol if self.currency_style.startswith("symbol") else self.currency
        if self.currency_style in ("symbol_before", "code_before"):
            return f"{mark}{'' if mark in ('$', '£', '€') else ' '}{text}"
        if self.currency_style in ("symbol_after", "code_after"):
            return f"{text} {mark}"
        return text

    def date_text(self, d: dt.date) -> str:
        s = self.date_style
        if s == "ymd":
            return d.isoformat()
        if s == "mdy":
            return f"{d.month:02d}/{d.day:02d}/{d.year}"
        if s == "long":
            month = _MONTHS[self.lang].split()[d.month - 1]
            if self.lang == "en":
                return f"{month} {d.day}, {d.year}" if self.layout["us_long"] else f"{d.day} {month} {d.year}"
            if self.lang == "de":
                return f"{d.day}. {month} {d.year}"
            if self.lang == "es":
                return f"{d.day} de {month} de {d.year}"
            return f"{d.day} {month} {d.year}"
        if s == "short":
            month = _MONTHS["en"].split()[d.month - 1][:3]
            return f"{month} {d.day}, {d.year}" if self.layout["us_long"] else f"{d.day} {month} {d.year}"
        if s.endswith("2"):
            return f"{d.day:02d}{s[-2]}{d.month:02d}{s[-2]}{d.year % 100:02d}"
        return f"{d.day:02d}{s[-1]}{d.month:02d}{s[-1]}{d.year}"


def random_invoice(seed: int) -> GeneratedInvoice:
    """A different plausible invoice per seed (content and layout both vary; see the module)."""
    rng = random.Random(seed)
    lang = LANGUAGES[rng.randrange(len(LANGUAGES))]
    lex = _LEX[lang]
    labels = {k: rng.choice(v) for k, v in lex.items() if k not in ("items", "part_names")}
    currency, symbol = rng.choice(_CURRENCIES[lang])
    styles = ["code_before", "code_after", "heading", "none"] + (["symbol_before", "symbol_after"] * 2 if symbol else [])
    style = rng.choice(styles)
    if symbol in ("$", "£") and style == "symbol_after":
        style = "symbol_before"
    thousands, decimal = rng.choice(_NUMBER_FORMATS[lang])
    if currency in ("USD", "GBP", "CAD", "AUD") and lang == "en":
        thousands, decimal = rng.choice([(",", "."), ("", ".")])
    date_styles = {"en": ["dmy/", "ymd", "long", "dmy.", "short"], "de": ["dmy.", "dmy.", "long", "ymd", "dmy.2"],
                   "fr": ["dmy/", "long", "dmy.", "dmy/2"], "es": ["dmy/", "long", "dmy-"], "it": ["dmy/", "long", "dmy."],
                   "nl": ["dmy-", "long", "dmy/", "dmy-2"]}[lang]
    if currency == "USD" and lang == "en":
        date_styles = ["mdy", "long", "ymd", "short"]
    date_style = rng.choice(date_styles)
    date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900))
    due = date + dt.timedelta(days=rng.choice([14, 30, 30, 60])) if rng.random() < 0.7 else None

    form = rng.choice(_FORMS[lang])
    trade = rng.choice(_TRADES[lang])
    issuer = f"{rng.choice(_NAMES)} {trade}" + (f" {form}" if form else "")
    customer = f"{rng.choice(_NAMES)} {rng.choice(_TRADES[lang])} {rng.choice(_FORMS[lang])}".strip()
    if customer == issuer:
        customer = f"{customer} Holding"

    def address() -> list[str]:
        out = [rng.choice(_STREETS[lang]).format(n=rng.randint(1, 180)), rng.choice(_TOWNS[lang])]
        if rng.random() < 0.4:
            out.append(_COUNTRY[lang])
        return out

    prefix = rng.choice(["INV-", "", "RE-", "F", "FA-", "", "2024-", "A"])
    number = rng.choice([
        f"{prefix}{rng.randint(1000, 99999)}",
        f"{prefix}{date.year}-{rng.randint(1, 9999):04d}",
        f"{date.year}/{rng.randint(1, 999):03d}",
        f"{rng.randint(10000000, 99999999)}",
    ])
    rates = _RATES[lang]
    tax = rng.choice(["one", "one", "one", "two", "zero", "none", "included"])
    n_lines = rng.randint(1, 6)
    descs = rng.sample(_LEX[lang]["items"], n_lines)
    lines = []
    for k, d in enumerate(descs):
        qty = rng.choice([1, 1, 2, 3, 4, 5, 8, 10, 12, 20, 40])
        unit = Decimal(rng.choice([rng.randint(5, 150), rng.randint(100, 2500)])) + Decimal(rng.choice([0, 0, 50, 90, 99, 25])) / 100
        if tax == "two":
            rate = Decimal(str(rates[k % 2]))
        elif tax in ("one", "included"):
            rate = Decimal(str(rates[0]))
        else:
            rate = Decimal(0)
        lines.append((d, qty, unit, rate))
    if tax == "two" and len({r for *_, r in lines}) < 2:
        tax = "one"
    vat_prefix = {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL"}[lang]
    layout = {
        "issuer_pos": rng.choice(["top-left", "top-left", "top-right", "center", "footer"]),
        "meta_pos": rng.choice(["right", "left", "below"]),
        "meta_style": rng.choice(["beside", "beside", "inline", "above", "grid"]),
        "parties": rng.choice(["stacked", "two-col", "letter"]),
        "columns": rng.choice(["dqpa", "dqpa", "pdqpa", "qdpa", "da", "dqpva", "dqa"]),
        "distractors": rng.random() < 0.6,
        "tax": tax,
        "totals_x": rng.choice([330, 360, 50]),
        "title_pos": rng.choice(["opposite", "above-meta"]),
        "us_long": rng.random() < 0.5,
        "page": (612, 792) if currency == "USD" else (595, 842),
        "customer_no": str(rng.randint(10000, 99999)),
        "order_no": f"PO-{rng.randint(1000, 9999)}",
        "order_date": date - dt.timedelta(days=rng.randint(1, 20)),
        "wrap": rng.random() < 0.2,
    }
    if layout["columns"] in ("da",) and n_lines == 1:
        layout["columns"] = "dqpa"
    single_rate = tax in ("one", "zero", "none", "included")
    layout.update({
        "discount": Decimal(rng.choice([5, 10, 15])) if single_rate and rng.random() < 0.15 else None,
        "shipping": Decimal(rng.choice(["4.90", "9.95", "15.00", "25.00"])) if single_rate and rng.random() < 0.15 else None,
        "upper": rng.random() < 0.2,  # labels and headings in capitals
        "font": rng.choice(["helv", "helv", "helv", "tiro", "cour"]),
        "notes": rng.random() < 0.2,  # a second, smaller line under some items
        "code_col": rng.random() < 0.15,  # an item code column before the description
        "two_line_head": rng.random() < 0.12,  # headings of two words set on two lines
        "codes": [rng.choice([f"{rng.randint(10000, 99999)}", f"{chr(65 + rng.randrange(26))}-{rng.randint(100, 9999)}"])
                  for _ in range(n_lines)],
    })
    inv = GeneratedInvoice(
        seed=seed, lang=lang, issuer=issuer, issuer_address=address(), issuer_vat=f"{vat_prefix}{rng.randint(100000000, 999999999)}",
        customer=customer, customer_address=address(), invoice_number=number, date=date, due=due,
        currency=currency, symbol=symbol, currency_style=style, currency_scope=rng.choice(["all", "all", "totals"]),
        thousands=thousands, decimal=decimal, date_style=date_style, lines=lines, labels=labels, layout=layout,
    )
    # Drawn last, so the other invoices stay as they were: a statement (a summary with the total
    # first, then the detail: each item, then the charges that make it up).
    if rng.random() < 0.12:
        inv.layout.update(statement=rng.choice(["outline", "flat"]), tax="none", discount=None, shipping=None)
        inv.layout["parts"] = [rng.uniform(0.2, 0.8) for _ in lines]
        inv.layout["zero_tax_row"] = rng.random() < 0.5
    return inv


class _Page:
    """Text on a pymupdf page with Unicode fonts (the base-14 encoding has no €)."""

    _BOLD = {"helv": "hebo", "tiro": "tibo", "cour": "cobo"}

    def __init__(self, page: Any, font: str = "helv") -> None:
        from docextract.sources.mupdf import pymupdf

        self.page = page
        self.writer = pymupdf.TextWriter(page.rect)
        self.fonts = {False: pymupdf.Font(font), True: pymupdf.Font(self._BOLD[font])}

    def width(self, s: str, size: float = 9.5, bold: bool = False) -> float:
        return float(self.fonts[bold].text_length(s, size))

    def text(self, x: float, y: float, s: str, size: float = 9.5, *, bold: bool = False, align: str = "left") -> None:
        if not s:
            return
        w = self.width(s, size, bold)
        x = x - w if align == "right" else x - w / 2 if align == "center" else x
        self.writer.append((x, y), s, font=self.fonts[bold], fontsize=size)

    def line(self, x0: float, y: float, x1: float) -> None:
        self.page.draw_line((x0, y), (x1, y), width=0.6)

    def finish(self) -> None:
        self.writer.write_text(self.page)


def invoice_pdf_of(inv: GeneratedInvoice) -> bytes:
    """``inv`` drawn as a one-page digital PDF (with a text layer)."""
    from docextract.sources.mupdf import pymupdf

    doc = pymupdf.open()
    width, height = inv.layout["page"]
    page = _Page(doc.new_page(width=width, height=height), inv.layout["font"])
    _draw(inv, page, width, height)
    page.finish()
    data = doc.tobytes()
    doc.close()
    return bytes(data)


def invoice_image_of(inv: GeneratedInvoice, *, dpi: float | None = None) -> Any:
    """``inv`` as a scan or photo: rendered, slightly tilted, blurred, noisy and JPEG-compressed
    (how much of each drawn from its seed; one in four a poor one: low resolution, more tilt, blur,
    noise and compression). A PIL image."""
    from PIL import Image

    rng = random.Random(inv.seed * 7 + 1)
    poor = rng.random() < 0.25
    img = render_pdf(invoice_pdf_of(inv), dpi or (rng.choice([110, 120, 130]) if poor else rng.choice([150, 170, 200])))
    img = degrade(img, skew=rng.uniform(-3, 3) if poor else rng.uniform(-1.5, 1.5),
                  blur=rng.uniform(0.8, 1.2) if poor else rng.uniform(0.2, 0.8),
                  noise=rng.uniform(8, 14) if poor else rng.uniform(3, 10),
                  contrast=rng.uniform(0.6, 0.8) if poor else rng.uniform(0.75, 0.95), seed=inv.seed)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=rng.randint(40, 55) if poor else rng.randint(60, 85))
    buf.seek(0)
    with Image.open(buf) as out:
        return out.convert("RGB")


def _draw(inv: GeneratedInvoice, p: _Page, width: float, height: float) -> None:
    lay, lab = inv.layout, inv.labels
    if lay["upper"]:
        lab = {k: v if k in ("terms", "page", "notes", "in_cur") else v.upper().replace("{R}", "{r}") for k, v in lab.items()}
        inv = _replace_labels(inv, lab)
    left, right = 50.0, width - 50.0
    y_top = 60.0
    # the issuer's letterhead
    pos = lay["issuer_pos"]
    if pos == "footer":
        sender = " · ".join([inv.issuer, *inv.issuer_address[:2]])
        header_bottom = y_top
    else:
        x, align = {"top-left": (left, "left"), "top-right": (right, "right"), "center": (width / 2, "center")}[pos]
        p.text(x, y_top, inv.issuer, 14, bold=True, align=align)
        for k, line in enumerate(inv.issuer_address):
            p.text(x, y_top + 16 + 12 * k, line, 9, align=align)
        p.text(x, y_top + 16 + 12 * len(inv.issuer_address), f"{lab['vat_id']}: {inv.issuer_vat}", 9, align=align)
        header_bottom = y_top + 16 + 12 * (len(inv.issuer_address) + 1)
    # the title
    title_x, title_align = (right, "right") if pos in ("top-left", "footer") else (left, "left")
    if pos == "center":
        title_y = header_bottom + 24
    else:
        title_y = y_top
    p.text(title_x, title_y, lab["title"], 18, bold=True, align=title_align)
    y = max(header_bottom, title_y) + 30
    # the meta entries
    meta = [(lab["number"], inv.invoice_number), (lab["date"], inv.date_text(inv.date))]
    if inv.due is not None:
        meta.append((lab["due"], inv.date_text(inv.due)))
    if lay["distractors"]:
        meta.insert(1, (lab["customer_no"], lay["customer_no"]))
        meta.append((lab["order_date"], inv.date_text(lay["order_date"])))
        meta.append((lab["order_no"], lay["order_no"]))
    # the customer block
    cust = [inv.customer, *inv.customer_address]
    parties = lay["parties"]
    if parties == "two-col" and pos != "top-right":
        cust_x, meta_x = width / 2 + 20, left
    elif lay["meta_pos"] == "left":
        cust_x, meta_x = width / 2 + 20, left
    else:
        cust_x, meta_x = left, width / 2 + 30
    cust_y = y
    if pos == "footer":
        p.text(cust_x, cust_y - 4, sender, 7)
        cust_y += 10
    if parties != "letter":
        p.text(cust_x, cust_y, lab["bill_to"].rstrip(":") + (":" if lab["bill_to"].endswith(":") else ""), 9.5, bold=True)
        cust_y += 14
    for k, line in enumerate(cust):
        p.text(cust_x, cust_y + 12.5 * k, line, 9.5)
    cust_bottom = cust_y + 12.5 * len(cust)
    meta_bottom = _draw_meta(p, meta, lay["meta_style"], meta_x, y, right if meta_x > left else width / 2 - 10)
    y = max(cust_bottom, meta_bottom) + 30
    if inv.currency_style == "heading" and (lay["columns"] in ("da", "dqa") or inv.seed % 2 or lay.get("statement")):
        p.text(left, y, lab["in_cur"].format(c=inv.currency), 9)
        y += 20
    if lay.get("statement"):
        _draw_statement(inv, p, left, right, y)
    else:
        y = _draw_table(inv, p, left, right, y)
        _draw_totals(inv, p, left, right, y + 14)
    # the footer
    foot = height - 60
    p.line(left, foot - 14, right)
    terms = lab["terms"].format(d=(inv.due - inv.date).days if inv.due else 30)
    p.text(left, foot, terms, 8)
    if pos == "footer":
        p.text(left, foot + 12, " · ".join([inv.issuer, *inv.issuer_address, f"{lab['vat_id']}: {inv.issuer_vat}"]), 7.5)
    p.text(right, foot + 24, lab["page"], 7.5, align="right")


def _replace_labels(inv: GeneratedInvoice, labels: dict[str, str]) -> GeneratedInvoice:
    from dataclasses import replace

    return replace(inv, labels=labels)


def _draw_meta(p: _Page, meta: list[tuple[str, str]], style: str, x: float, y: float, x_end: float) -> float:
    """The invoice's number and dates with their labels; returns the y under them."""
    if style == "inline":
        for k, (label, value) in enumerate(meta):
            p.text(x, y + 14 * k, f"{label.rstrip(':')}: {value}")
        return y + 14 * len(meta)
    if style == "beside":
        col = x + max(p.width(label.rstrip(":") + ":") for label, _ in meta) + 12
        for k, (label, value) in enumerate(meta):
            p.text(x, y + 14 * k, label.rstrip(":") + ":")
            p.text(col, y + 14 * k, value)
        return y + 14 * len(meta)
    if style == "above":
        for k, (label, value) in enumerate(meta):
            p.text(x, y + 26 * k, label.rstrip(":"), 8, bold=True)
            p.text(x, y + 26 * k + 11, value, 9.5)
        return y + 26 * len(meta)
    # grid: the labels in a row, their values in the row under them, up to three per row
    per_row = max(1, min(3, int((x_end - x) // 100)))
    step = (x_end - x) / per_row
    for r in range(0, len(meta), per_row):
        for k, (label, value) in enumerate(meta[r : r + per_row]):
            p.text(x + k * step, y, label.rstrip(":"), 8, bold=True)
            p.text(x + k * step, y + 12, value, 9.5)
        y += 30
    return y


def _draw_table(inv: GeneratedInvoice, p: _Page, left: float, right: float, y: float) -> float:
    """The item table from ``y`` down; returns the y under it."""
    lab, cols = inv.labels, inv.layout["columns"]
    heading_cur = inv.currency_style == "heading"
    amount_head = lab["amount"] + (f" ({inv.currency})" if heading_cur else "")
    price_head = lab["price"] + (f" ({inv.currency})" if heading_cur and inv.seed % 3 == 0 else "")
    # x of each column: (x, align); numbers right-aligned at their column's right edge
    spec: dict[str, tuple[float, str]]
    if cols == "pdqpa":
        spec = {"p": (left, "left"), "d": (left + 30, "left"), "q": (right - 200, "right"), "u": (right - 100, "right"), "a": (right, "right")}
    elif cols == "qdpa":
        spec = {"q": (left + 22, "right"), "d": (left + 40, "left"), "u": (right - 100, "right"), "a": (right, "right")}
    elif cols == "da":
        spec = {"d": (left, "left"), "a": (right, "right")}
    elif cols == "dqa":
        spec = {"d": (left, "left"), "q": (right - 130, "right"), "a": (right, "right")}
    elif cols == "dqpva":
        spec = {"d": (left, "left"), "q": (right - 230, "right"), "u": (right - 150, "right"), "v": (right - 90, "right"), "a": (right, "right")}
    else:
        spec = {"d": (left, "left"), "q": (right - 180, "right"), "u": (right - 95, "right"), "a": (right, "right")}
    if inv.layout["code_col"]:
        d_x = spec["d"][0]
        spec = {k: ((v[0] + 60, v[1]) if v[0] >= d_x and k != "a" and v[1] == "left" else v) for k, v in spec.items()}
        spec = {"c": (d_x, "left"), **spec}
    heads = {"p": "#" if inv.lang == "en" else "Pos.", "d": lab["desc"], "q": lab["qty"], "u": price_head, "v": lab["vat_col"],
             "a": amount_head, "c": lab["code"]}
    two = inv.layout["two_line_head"]
    for key, (x, align) in spec.items():
        head = heads[key]
        if two and " " in head and key != "d":
            first, last = head.rsplit(" ", 1)
            p.text(x, y - 11, first, 9, bold=True, align=align)
            head = last
        p.text(x, y, head, 9, bold=True, align=align)
    p.line(left, y + 5, right)
    y += 20
    for n, (desc, qty, unit, rate) in enumerate(inv.lines, 1):
        amount = qty * unit
        wrap = inv.layout["wrap"] and n == 1 and " " in desc
        cells = {"p": str(n), "d": desc, "q": str(qty), "u": inv.money(unit), "v": f"{rate.normalize():f}%", "a": inv.money(amount),
                 "c": inv.layout["codes"][n - 1]}
        if wrap:
            first, rest = desc.rsplit(" ", 1)
            cells["d"] = first
        for key, (x, align) in spec.items():
            p.text(x, y, cells[key], 9.5, align=align)
        if wrap:
            y += 11.5
            p.text(spec["d"][0], y, rest, 9.5)
        if inv.layout["notes"] and n % 2:
            y += 10.5
            p.text(spec["d"][0], y, lab["notes"], 7.5)
        y += 17
    p.line(left, y - 8, right)
    return y


def _draw_totals(inv: GeneratedInvoice, p: _Page, left: float, right: float, y: float) -> None:
    lab, tax = inv.labels, inv.layout["tax"]
    x = left + inv.layout["totals_x"] if inv.layout["totals_x"] != 50 else left
    rows: list[tuple[str, str, bool]] = []
    decimal_rate = lambda r: f"{r.normalize():f}".replace(".", inv.decimal)  # noqa: E731
    pct, shipping = inv.layout["discount"], inv.layout["shipping"]
    if tax not in ("none", "included") or pct or shipping:
        rows.append((lab["subtotal"], inv.money(inv.subtotal, total=True), False))
    if pct:
        rows.append((lab["discount"].format(r=pct), inv.money(-inv.discount, total=True), False))
    if shipping:
        rows.append((lab["shipping"], inv.money(shipping, total=True), False))
    if tax not in ("none", "included"):
        for rate, amount in inv.taxes:
            rows.append((lab["tax"].format(r=decimal_rate(rate)), inv.money(amount, total=True), False))
    total_label = lab["total"]
    if inv.currency_style == "heading" and not inv.seed % 2 and inv.layout["columns"] not in ("da", "dqa"):
        total_label = f"{total_label} {inv.currency}"
    rows.append((total_label, inv.money(inv.total, total=True), True))
    if tax == "included":
        for rate, amount in inv.taxes:
            rows.append((lab["incl_tax"].format(r=decimal_rate(rate)), inv.money(amount, total=True), False))
    size = 10.0
    room = max(p.width(label, size, True) + p.width(value, size, True) for label, value, _ in rows) + 24
    x = min(x, right - room)  # a long label moves left of the values, never into them
    for label, value, bold in rows:
        p.text(x, y, label, 10 if bold else 9.5, bold=bold)
        p.text(right, y, value, 10 if bold else 9.5, bold=bold, align="right")
        y += 16


def _draw_statement(inv: GeneratedInvoice, p: _Page, left: float, right: float, y: float) -> None:
    """A statement: the summary with the total, then the detail of each item (its name and amount,
    in an outline the charges that make it up under it)."""
    lab = inv.labels
    p.text(left, y, lab["summary"], 11, bold=True)
    y += 18
    p.text(left, y, lab["current"])
    p.text(right, y, inv.money(inv.total, total=True), align="right")
    y += 16
    p.text(left, y, lab["total"], 10, bold=True)
    p.text(right, y, inv.money(inv.total, total=True), 10, bold=True, align="right")
    y += 36
    p.text(left, y, lab["detail"], 11, bold=True)
    y += 20
    names = _LEX[inv.lang]["part_names"]
    for (desc, qty, unit, _), share in zip(inv.lines, inv.layout["parts"]):
        amount = qty * unit
        p.text(left, y, desc, bold=inv.layout["statement"] == "outline")
        p.text(right, y, inv.money(amount), align="right")
        y += 15
        if inv.layout["statement"] != "outline":
            continue
        first = (amount * Decimal(str(round(share, 2)))).quantize(Decimal("0.01"))
        parts = [(names[0], first), (names[1], amount - first)]
        if inv.layout["zero_tax_row"]:
            parts.append((lab["tax"].format(r=0), Decimal(0)))
        for name, value in parts:
            p.text(left + 20, y, name, 9)
            p.text(right, y, inv.money(value), 9, align="right")
            y += 13
        y += 4
