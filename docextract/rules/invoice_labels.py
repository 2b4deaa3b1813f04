"""The words invoices label their fields with, per language, in one place.

Each field maps a language to regular-expression fragments (matched case-insensitively on text
after ``normalize_chars``, which turns "º" into "o"). :func:`compile_labels` joins a field's
fragments of every language into one pattern; a fragment ending in a letter only matches where
no letter follows ("Factura no" is a label, "Factura normal" is not).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# "No", "Nr", "N°", "Nº" ("No" after NFKC), "N.º", "Num", "Nummer"...: the number word. OCR reads
# the raised "º" as another letter or a digit ("NP", "N2"): "N" and one such character count too
# where no letter follows.
_NO = r"(?:N[UÚ]M(?:ERO|[EÉ]RO|BER|MER)?|NR|NO|N\.?\s*[°O]|N[A-Z0-9]|N|#|ID)"

INVOICE_NUMBER: dict[str, list[str]] = {
    "en": [rf"INVOICE\s*{_NO}", rf"INV\.?\s*{_NO}", r"BILL\s*(?:NO|NUMBER|#)", r"INVOICE\s*REF(?:ERENCE)?"],
    "de": [rf"RECHNUNGS?[\s-]*{_NO}", r"RE\.?[\s-]*NR", rf"BELEG[\s-]*{_NO}"],
    "fr": [rf"FACTURE\s*{_NO}", r"(?:N\.?\s*[°O]|N\S|NUM[ÉE]RO|R[ÉE]F\.?)\s*(?:DE\s*)?(?:LA\s*)?FACTURE"],
    "es": [rf"FACTURA\s*{_NO}", r"(?:N\.?\s*[°O]|N\S|N[ÚU]MERO)\s*(?:DE\s*)?FACTURA"],
    "it": [rf"FATTURA\s*{_NO}", r"(?:N\.?|NUMERO|NR\.?)\s*(?:DI\s*|DELLA\s*)?FATTURA", r"DOCUMENTO\s*N(?:R|O|\.)?"],
    "nl": [rf"FACTUUR[\s-]*{_NO}"],
    "pt": [rf"FATURA\s*{_NO}", r"N[ÚU]MERO\s*(?:DA\s*)?FATURA"],
}

# Weaker: a document number that may be the invoice's when nothing names it so.
REFERENCE_NUMBER: dict[str, list[str]] = {
    "en": [r"BOOKING\s*(?:ID|NO|NUMBER|REF)", r"ORDER\s*(?:ID|NO|NUMBER|#)", r"DOCUMENT\s*(?:NO|NUMBER|#)",
           r"REFERENCE\s*(?:NO|NUMBER)?", r"\bREF\b\.?", r"^\s*#", r"^\W*(?:NO|NUMBER)\b\.?"],
    "nl": [r"^\W*NUMMER"],
    "de": [r"^\W*NUMMER"],
}

INVOICE_DATE: dict[str, list[str]] = {
    "en": [r"INVOICE\s*DATE", r"DATE\s*OF\s*(?:ISSUE|INVOICE)", r"ISSUE\s*DATE", r"BILL\s*DATE", r"DATE\s*ISSUED"],
    "de": [r"RECHNUNGS[\s-]*DATUM", r"BELEG[\s-]*DATUM", r"AUSSTELLUNGS[\s-]*DATUM"],
    "fr": [r"DATE\s*(?:DE\s*|D')?(?:LA\s*)?(?:FACTURE|FACTURATION|[ÉE]MISSION)"],
    "es": [r"FECHA\s*(?:DE\s*(?:LA\s*)?)?(?:FACTURA|EMISI[OÓ]N|EXPEDICI[OÓ]N)"],
    "it": [r"DATA\s*(?:DELLA\s*|DI\s*)?(?:FATTURA|EMISSIONE|DOCUMENTO)"],
    "nl": [r"FACTUUR[\s-]*DATUM", r"DATUM\s*FACTUUR"],
    "pt": [r"DATA\s*(?:DA\s*|DE\s*)?(?:FATURA|EMISS[AÃ]O)"],
}
DATE_GENERIC: dict[str, list[str]] = {
    "en": [r"\bDATE\b", r"\bDATED\b"], "de": [r"\bDATUM\b"], "es": [r"\bFECHA\b"], "it": [r"\bDATA\b"],
}
DUE_DATE: dict[str, list[str]] = {
    "en": [r"DUE\s*(?:DATE|ON|BY)", r"(?<!AMOUNT )(?<!BALANCE )(?<!TOTAL )\bDUE\s*:", r"PAYMENT\s*DUE", r"PAY\s*BY"],
    "de": [r"F[AÄ]LLIG(?:KEITS(?:DATUM)?)?(?:\s*(?:AM|BIS))?", r"ZAHLBAR\s*(?:BIS|AM)", r"ZAHLUNGSZIEL"],
    "fr": [r"[ÉE]CH[ÉE]ANCE", r"[AÀ]\s*PAYER\s*AVANT", r"PAYABLE\s*AVANT"],
    "es": [r"VENCIMIENTO", r"FECHA\s*(?:DE\s*)?PAGO"],
    "it": [r"SCADENZA", r"PAGAMENTO\s*ENTRO"],
    "nl": [r"VERVAL(?:DATUM)?", r"TE\s*BETALEN\s*(?:VOOR|V[OÓ][OÓ]R)", r"UITERSTE\s*BETAALDATUM", r"BETAALDATUM"],
    "pt": [r"VENCIMENTO"],
}
# Dates that are neither the invoice's nor the due date.
OTHER_DATE: dict[str, list[str]] = {
    "en": [r"ORDER", r"DELIVER", r"SHIP", r"PERIOD", r"\bFROM\b", r"UNTIL", r"BIRTH", r"EXPIR", r"VALID", r"CHECK",
           r"SERVICE\s*DATE", r"PRINTED"],
    "de": [r"LIEFER", r"BESTELL", r"AUFTRAG", r"LEISTUNGS", r"ZEITRAUM"],
    "fr": [r"COMMANDE", r"LIVRAISON", r"P[ÉE]RIODE"],
    "es": [r"PEDIDO", r"ENTREGA", r"PERIODO"],
    "it": [r"ORDINE", r"CONSEGNA", r"PERIODO"],
    "nl": [r"ORDER", r"LEVER", r"BESTEL", r"PERIODE"],
}
# Labels of the customer's block.
CUSTOMER: dict[str, list[str]] = {
    "en": [r"BILL(?:ED)?\s*TO", r"SOLD\s*TO", r"SHIP\s*TO", r"INVOICE\s*TO", r"CUSTOMER", r"CLIENT", r"ATTN", r"RECIPIENT"],
    "de": [r"RECHNUNGS(?:ADRESSE|EMPF[AÄ]NGER)", r"KUNDE", r"EMPF[AÄ]NGER", r"^\s*(?:HERRN?|FRAU|FIRMA|AN)\s*:?\s*$"],
    "fr": [r"FACTUR[ÉE]\s*[AÀ]", r"ADRESS[ÉE]\s*[AÀ]", r"CLIENT", r"DESTINATAIRE", r"ADRESSE\s*DE\s*FACTURATION"],
    "es": [r"FACTURAR\s*A", r"CLIENTE", r"DESTINATARIO", r"DATOS\s*DEL\s*CLIENTE"],
    "it": [r"CLIENTE", r"DESTINATARIO", r"SPETT\.?\s*LE", r"INTESTATARIO"],
    "nl": [r"FACTUURADRES", r"KLANT", r"GEADRESSEERDE", r"^\s*AAN\s*:?\s*$"],
}
# Labels of the issuer's block.
ISSUER: dict[str, list[str]] = {
    "en": [r"^\W*FROM\W*$", r"SUPPLIER", r"SELLER", r"VENDOR", r"ISSUED\s*BY", r"BILL\s*FROM"],
    "de": [r"ABSENDER", r"^\W*VON\W*$", r"LIEFERANT", r"VERK[AÄ]UFER"],
    "fr": [r"[ÉE]METTEUR", r"FOURNISSEUR", r"VENDEUR"],
    "es": [r"EMISOR", r"PROVEEDOR", r"VENDEDOR"],
    "it": [r"MITTENTE", r"FORNITORE", r"VENDITORE", r"CEDENTE"],
    "nl": [r"^\W*VAN\W*$", r"LEVERANCIER", r"AFZENDER", r"VERKOPER"],
}
# The document's title: no party's name.
TITLE: dict[str, list[str]] = {
    "en": [r"^\W*(?:(?:TAX|SALES|COMMERCIAL|PROFORMA|PRO\s*FORMA)\s*)?INVOICE\W*$", r"^\W*(?:CREDIT\s*NOTE|STATEMENT)\W*$"],
    "de": [r"^\W*RECHNUNG\W*$", r"^\W*GUTSCHRIFT\W*$"],
    "fr": [r"^\W*FACTURE\W*$", r"^\W*AVOIR\W*$"],
    "es": [r"^\W*FACTURA\W*$"],
    "it": [r"^\W*FATTURA\W*$"],
    "nl": [r"^\W*FACTUUR\W*$", r"^\W*CREDITNOTA\W*$"],
    "pt": [r"^\W*FATURA\W*$"],
}
# The amount to pay, per language (beats plain totals).
AMOUNT_DUE: dict[str, list[str]] = {
    "en": [r"AMOUNT\s*DUE", r"BALANCE\s*DUE", r"TOTAL\s*(?:AMOUNT\s*)?DUE", r"TOTAL\s*PAYABLE", r"AMOUNT\s*PAYABLE",
           r"GRAND\s*TOTAL", r"TOTAL\s*FOR\s*THIS\s*INVOICE", r"INVOICE\s*TOTAL", r"TOTAL\s*(?:\(\s*)?INC(?:L|LUDING)?\.?\s*(?:VAT|TAX|GST)"],
    "de": [r"RECHNUNGSBETRAG", r"GESAMTBETRAG", r"ZU\s*ZAHLEN", r"ENDBETRAG", r"(?:SUMME|GESAMT)\s*BRUTTO", r"BRUTTO\s*BETRAG",
           r"ZAHLBETRAG"],
    "fr": [r"TOTAL\s*TTC", r"NET\s*[AÀ]\s*PAYER", r"MONTANT\s*(?:TOTAL\s*)?TTC", r"TOTAL\s*[AÀ]\s*PAYER"],
    "es": [r"TOTAL\s*A\s*PAGAR", r"IMPORTE\s*TOTAL", r"TOTAL\s*FACTURA"],
    "it": [r"TOTALE\s*(?:DA\s*PAGARE|FATTURA|DOCUMENTO)", r"NETTO\s*A\s*PAGARE"],
    "nl": [r"TE\s*BETALEN(?!\s*(?:VOOR|V[OÓ][OÓ]R|BINNEN))", r"TOTAAL\s*(?:INCL|INCLUSIEF)\.?\s*BTW", r"TOTAALBEDRAG",
           r"TOTAAL\s*TE\s*BETALEN"],
    "pt": [r"TOTAL\s*A\s*PAGAR"],
}


def compile_labels(*fields: dict[str, list[str]]) -> re.Pattern[str]:
    """One case-insensitive pattern for the fragments of ``fields`` in every language."""
    parts = []
    for f in fields:
        for fragments in f.values():
            for frag in fragments:
                parts.append(frag + (r"(?![^\W\d_])" if re.search(r"[A-Z\]\)]\??$", frag) else ""))
    return re.compile("|".join(f"(?:{p})" for p in parts), _I)


# The total before tax (beside the receipt rules' own "subtotal" words).
SUBTOTAL: dict[str, list[str]] = {
    "en": [r"SUB\s*-?\s*TOTAL", r"NET\s*(?:AMOUNT|TOTAL|VALUE)", r"TOTAL\s*(?:NET|EX\.?\s*(?:VAT|TAX)|EXCL\.?|EXCLUDING|BEFORE)",
           r"AMOUNT\s*(?:EXCL|BEFORE)"],
    "de": [r"ZWISCHENSUMME", r"NETTO\s*-?\s*(?:BETRAG|SUMME|GESAMT)", r"(?:SUMME|GESAMT|GESAMTBETRAG)\s*NETTO", r"WARENWERT"],
    "fr": [r"SOUS\s*-?\s*TOTAL", r"TOTAL\s*HT", r"MONTANT\s*(?:TOTAL\s*)?HT", r"TOTAL\s*HORS\s*TAXES?"],
    "es": [r"BASE\s*IMPONIBLE", r"TOTAL\s*BASE", r"(?:IMPORTE|TOTAL)\s*NETO"],
    "it": [r"(?:TOTALE\s*)?IMPONIBILE", r"SUBTOTALE", r"TOTALE\s*NETTO"],
    "nl": [r"SUBTOTAAL", r"TOTAAL\s*(?:EXCL|EXCLUSIEF)\.?(?:\s*BTW)?", r"NETTO\s*BEDRAG"],
    "pt": [r"BASE\s*TRIBUT[AÁ]VEL", r"TOTAL\s*L[IÍ]QUIDO"],
}

# Column headings of an item table, by the role of their column; whole words only. A heading's
# role is the role of its leftmost match ("Prijs incl. BTW" is a price, "Tax amount" a tax column).
COLUMNS: dict[str, dict[str, list[str]]] = {
    "qty": {
        "en": [r"QTY", r"QUANTITY", r"UNITS", r"HOURS", r"HRS", r"PCS"],
        "de": [r"MENGE", r"ANZAHL", r"STK", r"STÜCK", r"STUNDEN", r"STD"],
        "fr": [r"QTÉ", r"QTE", r"QUANTITÉ", r"QUANTITE", r"NOMBRE", r"NBRE", r"HEURES"],
        "es": [r"CANT(?:IDAD)?", r"UNIDADES", r"UDS", r"HORAS"],
        "it": [r"QUANTITÀ", r"QUANTITA", r"Q\.?\s*T[AÀ]", r"ORE", r"PEZZI", r"PZ"],
        "nl": [r"AANTAL", r"UREN", r"HOEVEELHEID", r"STUKS"],
        "pt": [r"QUANTIDADE", r"QTD[E]?"],
    },
    "price": {
        "en": [r"RATE", r"PRICE", r"COST", r"UNIT", r"EACH", r"U/P"],
        "de": [r"\w*PREIS", r"E-PREIS", r"SATZ"],
        "fr": [r"PRIX", r"P\.\s*U", r"PU", r"TARIF"],
        "es": [r"PRECIO", r"P\.\s*UNITARIO", r"UNITARIO", r"TARIFA"],
        "it": [r"PREZZO", r"UNITARIO", r"TARIFFA"],
        "nl": [r"\w*PRIJS", r"TARIEF"],
        "pt": [r"PREÇO", r"VALOR\s*UNIT[AÁ]RIO"],
    },
    "amount": {
        "en": [r"AMOUNT", r"AMT", r"TOTAL", r"NET", r"SUM", r"SUB\s*-?\s*TOTAL", r"LINE\s*TOTAL"],
        "de": [r"\w*BETRAG", r"GESAMT\w*", r"SUMME"],
        "fr": [r"MONTANT"],
        "es": [r"IMPORTE"],
        "it": [r"IMPORTO", r"TOTALE", r"IMPONIBILE"],
        "nl": [r"BEDRAG", r"TOTAAL", r"SUBTOTAAL"],
        "pt": [r"VALOR"],
    },
    # the unit of the quantity ("Stk", "h", "kg"): neither description nor number
    "unit": {
        "en": [r"UOM", r"U/M"], "de": [r"EINHEIT", r"ME"], "fr": [r"UNIT[ÉE]"], "es": [r"UNIDAD"], "nl": [r"EENHEID"],
    },
    "desc": {
        "en": [r"DESC(?:RIPTION)?", r"DETAILS?", r"PARTICULARS"],
        "de": [r"BEZEICHNUNG", r"BESCHREIBUNG", r"LEISTUNG"],
        "fr": [r"D[ÉE]SIGNATION", r"LIBELL[ÉE]", r"DESCRIPTION", r"PRESTATION"],
        "es": [r"DESCRIPCI[ÓO]N", r"CONCEPTO", r"DETALLE", r"PRESTACI[ÓO]N"],
        "it": [r"DESCRIZIONE", r"PRESTAZIONE", r"DETTAGLIO"],
        "nl": [r"OMSCHRIJVING", r"DIENST"],
        "pt": [r"DESCRIÇÃO", r"DESCRICAO"],
    },
    "item": {
        "en": [r"ITEMS?", r"PRODUCTS?", r"ARTICLES?", r"SERVICES?", r"POSITION"],
        "de": [r"ARTIKEL", r"PRODUKT"],
        "fr": [r"PRODUIT", r"ARTICLE"],
        "es": [r"ART[ÍI]CULO", r"PRODUCTO", r"SERVICIO"],
        "it": [r"ARTICOLO", r"PRODOTTO", r"SERVIZIO"],
        "nl": [r"ARTIKEL", r"PRODUCT"],
        "pt": [r"PRODUTO", r"ARTIGO"],
    },
}
# Tax-rate columns ("VAT", "MwSt.", "Aliquota") besides the tax words of the totals.
TAX_COLUMN: dict[str, list[str]] = {"fr": [r"TAUX"], "it": [r"ALIQUOTA"], "es": [r"TIPO"]}


def compile_words(*fields: dict[str, list[str]]) -> re.Pattern[str]:
    """Like :func:`compile_labels`, each fragment a whole word (no letter before or after it)."""
    parts = [frag for f in fields for fragments in f.values() for frag in fragments]
    return re.compile("|".join(rf"(?<![^\W\d_])(?:{p})(?![^\W\d_])" for p in parts), _I)

# A statement of the currency the amounts are in, followed by its code or sign ("All amounts in
# EUR", "Beträge in CHF", "Devise : EUR").
CURRENCY_STATED: dict[str, list[str]] = {
    "en": [r"(?:AMOUNTS?|PRICES?|FIGURES|CHARGES)\s*(?:ARE\s*)?(?:STATED\s*|SHOWN\s*|EXPRESSED\s*|QUOTED\s*)?IN", r"CURRENCY"],
    "de": [r"(?:BETR[AÄ]GE|PREISE)\s*(?:SIND\s*)?(?:IN|AUF)", r"W[AÄ]HRUNG"],
    "fr": [r"(?:MONTANTS?|PRIX)\s*(?:SONT\s*)?(?:EXPRIM[ÉE]S\s*|INDIQU[ÉE]S\s*)?EN", r"DEVISE", r"MONNAIE"],
    "es": [r"(?:IMPORTES?|PRECIOS)\s*(?:EXPRESADOS\s*)?EN", r"MONEDA", r"DIVISA"],
    "it": [r"(?:IMPORTI|PREZZI)\s*(?:ESPRESSI\s*|INDICATI\s*)?IN", r"VALUTA"],
    "nl": [r"(?:BEDRAGEN|PRIJZEN)\s*(?:ZIJN\s*)?IN", r"VALUTA"],
    "pt": [r"(?:VALORES|PRE[ÇC]OS)\s*EM", r"MOEDA"],
}

# Legal forms a company's name ends with, besides the receipt rules' own (Ltd, GmbH, SARL, B.V....).
LEGAL_FORMS: dict[str, list[str]] = {
    "de": [r"UG(?:\s*\(HAFTUNGSBESCHR[AÄ]NKT\))?", r"E\.\s*V\.?", r"GBR", r"KGAA"],
    "fr": [r"EURL", r"S\.?A\.?S\.?U?\.?", r"S\.?N\.?C\.?", r"SCI", r"SELARL"],
    "es": [r"S\.?L\.?U?\.?", r"S\.?L\.?L\.?", r"S\.?\s*COOP\.?"],
    "it": [r"S\.?N\.?C\.?", r"S\.?A\.?S\.?", r"S\.?R\.?L\.?S\.?"],
    "nl": [r"V\.?O\.?F\.?", r"C\.?V\.?"],
    "pt": [r"LDA\.?"],
}


_BY_LANGUAGE: dict[str, re.Pattern[str]] = {}


def language_of(text: str) -> str | None:
    """The language whose invoice labels ``text`` uses most (None when it uses none): it decides
    what a language implies, such as the order of day and month in a date."""
    if not _BY_LANGUAGE:
        fields = [INVOICE_NUMBER, INVOICE_DATE, DUE_DATE, OTHER_DATE, CUSTOMER, SUBTOTAL, AMOUNT_DUE, TITLE,
                  *COLUMNS.values()]
        for lang in {lang for f in fields for lang in f}:
            _BY_LANGUAGE[lang] = compile_words({lang: [frag for f in fields for frag in f.get(lang, [])]})
    hits = {lang: len(p.findall(text)) for lang, p in _BY_LANGUAGE.items()}
    best = max(hits, key=lambda lang: hits[lang])
    return best if hits[best] else None
