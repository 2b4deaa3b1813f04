"""Label words of the header, the totals block, payments, taxes and dates: one place per concept and language.

Each concept is a mapping language → regex fragments; :func:`compile_lexicon` joins them (in the
order given: an earlier fragment wins where two match at one position, so longer labels come first)
into one case-insensitive pattern. The rules import the compiled patterns; a new language is a new
entry here, not a change to the rules. ``"any"`` holds forms shared by several languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = [
    "ADDRESS_LABEL",
    "BODY",
    "BUSINESS",
    "CASH",
    "CASH_EXCLUDE",
    "CHANGE",
    "CHARGE",
    "CONTACT",
    "DATE_BAD",
    "DATE_LABEL",
    "DISCOUNT",
    "FORMERLY",
    "FUZZY_LABEL_WORDS",
    "ITEM_HEADER",
    "LEGAL",
    "LEGAL_FORM_WORDS",
    "MALAY_STREET",
    "NAME_JOINER",
    "PAGE_OF",
    "NEAR_LABEL_WORDS",
    "PAYMENT_METHOD_WORDS",
    "ROUNDING",
    "STREET_WORDS",
    "SHIPPING",
    "SUBTOTAL",
    "SUMMARY",
    "TAX",
    "TAX_BASE",
    "TAX_EXCLUDE",
    "TAX_ID",
    "TIME_LABEL",
    "TIP",
    "TITLE",
    "TOTAL_EXCLUDE",
    "TOTAL_PLAIN",
    "TOTAL_STRONG",
    "TOTAL_WEAK",
    "UNIT_WORDS",
    "alternation",
    "compile_lexicon",
]

Lexicon = Mapping[str, Sequence[str]]


def alternation(words: Lexicon) -> str:
    """The fragments of ``words`` as one alternation (to build into a larger pattern)."""
    return "|".join(f for fragments in words.values() for f in fragments)


def compile_lexicon(words: Lexicon, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern matching any fragment of any language of ``words``."""
    return re.compile(alternation(words), flags)


# ------------------------------------------------------------------------------------------ totals

# Labels of the amount to pay: the strongest evidence that an amount is the total.
TOTAL_STRONG_WORDS: Lexicon = {
    "en": [
        r"GRAND\s*TOTAL", r"NET+\s*TOTAL", r"FINAL\s*TOTAL", r"BILL\s*TOTAL",
        r"TOTAL\s*(?:AMOUNT\s*)?(?:DUE|PAYABLE|TO\s*PAY)", r"AMOUNT\s*(?:DUE|PAYABLE)", r"AMT\s*(?:DUE|PAYABLE)",
        r"BALANCE\s*DUE", r"TOTAL\s*(?:AMOUNT|AMT)", r"ROUNDED\s*TOTAL", r"TOTAL\s*(?:AMT\s*)?ROUNDED",
        r"TOTAL\s*(?:SALES\s*)?\(?\s*INCL", r"TOTAL\s*\(?GST\s*INC", r"TOTAL\s*AFTER", r"TOTAL\s*SALES",
        # "Nett", "Net Amt", "Nett Amount": the amount after discounts (not "NET WEIGHT")
        r"\bNETT?\s*(?:AMOUNT|AMT)\b", r"\bNETT\b(?!\s*(?:WEIGHT|WT|QTY))",
    ],
    "fr": [r"TOTAL\s*TTC", r"MONTANT\s*TTC", r"NET\s*[AÀ]\s*PAYER"],
    "de": [r"GESAMT(?:BETRAG|SUMME)?", r"ZU\s*ZAHLEN", r"\bSUMME\b"],
    "nl": [r"TE\s*BETALEN", r"TOTAAL"],
    "es": [r"IMPORTE\s*TOTAL", r"TOTAL\s*A\s*PAGAR"],
    "it": [r"TOTALE"],
    "ms": [r"JUMLAH"],
    "sv": [r"\bSUMMA\b(?!\s*(?:EXKL|ATT\s*BETALA\s*EXKL))", r"\bTOTALT\b"],
    "da": [r"\bI\s*ALT\b(?!\s*EKSKL)"],
    "pl": [r"\bRAZEM\b(?!\s*NETTO)", r"\bSUMA\b(?!\s*NETTO)"],
    "zh": [r"合计", r"合計", r"总计", r"總計", r"应付", r"應付", r"实付", r"實付"],
    "ja": [r"お会計", r"ご請求"],
    "ko": [r"합계", r"총액", r"결제\s*금액", r"받을\s*금액"],
}
TOTAL_PLAIN_WORDS: Lexicon = {"en": [r"\bTOTAL\b", r"\bTOT\b", r"\bTTL\b"]}
TOTAL_WEAK_WORDS: Lexicon = {"en": [r"\bAMOUNT\b"], "de": [r"\bBETRAG\b"], "fr": [r"\bMONTANT\b"]}
# Rows that hold a total label but are no total to pay: counts, subtotals, tax parts, payments.
TOTAL_EXCLUDE_WORDS: Lexicon = {
    "en": [
        r"SUB\s*-?\s*TOTAL",
        r"TOTAL\s*(?:QTY|QUANTITY|ITEM|UNITS?|PCS|WEIGHT|POINTS?|SAVING|SAVED|DISC|TAX|GST|VAT|HT\b"
        r"|EXCL|NET\s*WEIGHT|SALES\s*\(?\s*EXCL|BEFORE|TENDER|PAID|STAMP|\d+%|0%|NUMBER|COUNT|NO\b)",
        r"EXCLUD", r"\bEXCL\b", r"EXCL\.", r"BEFORE\s*(?:TAX|GST)", r"ITEM\s*COUNT", r"ITEMS\s*SOLD",
        r"NO\.?\s*OF\s*ITEMS", r"ACCEPTED", r"ACCEPTAD", r"TOTAL\s*INCLUDES", r"(?:GST|VAT|TAX)\b.*\bINCLUDED",
        r"CASH\s*TENDERED", r"AMOUNT\s*TENDERED", r"PAID\s*AMOUNT", r"AMOUNT\s*PAID",
    ],
    "de": [r"ZWISCHEN"],
    "nl": [r"SUBTOTAAL", r"EXCLUSIEF"],
    "zh": [r"(?:合计|合計)\s*(?:数量|數量|点数|件数)"],
}
# On an invoice, what was paid already ("Total payments", "Totale pagato", "bereits bezahlt"): no
# total (on a receipt, "total paid" is the total).
PAID_WORDS: Lexicon = {
    "en": [r"TOTAL\s*PAYMENTS?", r"PAYMENTS?\s*RECEIVED"],
    "de": [r"BEZAHLT", r"GEZAHLT"],
    "fr": [r"\bPAY[ÉE]E?S?\b"],
    "es": [r"\bPAGAD[OA]S?\b"],
    "it": [r"\bPAGAT[OA]\b"],
    "pt": [r"\bPAGOS?\b"],
    "nl": [r"\bBETAALD\b"],
    "sv": [r"\bBETALT\b"], "pl": [r"\bZAP[ŁL]ACONO\b"],
}
# What settles part of an invoice's total before the amount due: payments, deposits, credits
# applied ("Applied balance", "Less deposit received", "Acompte versé", "Anzahlung").
SETTLED_WORDS: Lexicon = {
    "en": [r"PAID", r"PAYMENTS?", r"DEPOSITS?", r"ADVANCE", r"PREPAID", r"PREPAYMENTS?", r"CREDITS?", r"APPLIED", r"RETAINER"],
    "de": [r"BEZAHLT", r"GEZAHLT", r"ANZAHLUNG", r"VORAUSZAHLUNG", r"ABSCHLAG\w*", r"GUTSCHRIFT", r"GUTHABEN"],
    "fr": [r"PAY[ÉE]E?S?", r"R[ÉE]GL[ÉE]E?S?", r"ACOMPTES?", r"AVOIRS?", r"VERS[ÉE]E?S?"],
    "es": [r"PAGAD[OA]S?", r"ANTICIPOS?", r"ABONOS?", r"CR[ÉE]DITOS?"],
    "it": [r"PAGAT[OA]", r"ACCONTO", r"ANTICIPO", r"CREDITO"],
    "nl": [r"BETAALD", r"AANBETALING", r"VOORSCHOT", r"TEGOED"],
    "pt": [r"PAGOS?", r"ADIANTAMENTO", r"SINAL", r"CR[ÉE]DITO"],
    "sv": [r"BETALT", r"F[ÖO]RSKOTT"], "da": [r"BETALT", r"FORUDBETALING"], "pl": [r"ZAP[ŁL]ACONO", r"ZALICZKA"],
}
# A bill's balance carried from the one before: the amount to pay then adds it to this invoice's.
PREVIOUS_BALANCE_WORDS: Lexicon = {
    "en": [r"PREVIOUS\s*(?:BALANCE|BILL|INVOICE)", r"BALANCE\s*(?:BROUGHT|CARRIED)\s*FORWARD", r"BALANCE\s*FROM\s*LAST",
           r"LAST\s*(?:BILL|INVOICE)"],
    "de": [r"(?:VORHERIGER|ALTER)\s*SALDO", r"SALDOVORTRAG", r"VORTRAG\s*AUS", r"(?:VORHERIGE|LETZTE)\s*RECHNUNG"],
    "fr": [r"SOLDE\s*(?:PR[ÉE]C[ÉE]DENT|ANT[ÉE]RIEUR|REPORT[ÉE])", r"FACTURE\s*PR[ÉE]C[ÉE]DENTE"],
    "es": [r"SALDO\s*ANTERIOR", r"FACTURA\s*ANTERIOR"],
    "it": [r"SALDO\s*PRECEDENTE", r"FATTURA\s*PRECEDENTE"],
    "nl": [r"VORIG\s*SALDO", r"VORIGE\s*FACTUUR"],
    "pt": [r"SALDO\s*ANTERIOR", r"FATURA\s*ANTERIOR"],
    "sv": [r"F[ÖO]REG[ÅA]ENDE\s*FAKTURA"], "da": [r"FORRIGE\s*FAKTURA"], "pl": [r"POPRZEDNIA\s*FAKTURA"],
}
# A page's running sum carried to the next page and brought forward there: no item, no total.
CARRIED_WORDS: Lexicon = {
    "en": [r"(?:CARRIED|BROUGHT|CARRY)\s*(?:FORWARD|OVER)", r"\b[BC]/F\b"],
    "de": [r"[ÜU]BERTRAG"],
    "fr": [r"REPORT\s*(?:[ÀA]\s*NOUVEAU|DE\s*LA\s*PAGE)", r"[ÀA]\s*REPORTER"],
    "es": [r"SUMA\s*Y\s*SIGUE", r"SUMA\s*ANTERIOR"],
    "it": [r"\bRIPORTO\b", r"A\s*RIPORTARE"],
    "nl": [r"TE\s*TRANSPORTEREN", r"\bTRANSPORT\s*:"],
    "pt": [r"A\s*TRANSPORTAR", r"\bTRANSPORTE\s*:"],
    "pl": [r"\b[ZD]O?\s*PRZENIESIENIA"],
}
# This invoice's own amount on such a bill ("This period's charges", "Bedrag deze factuur").
CURRENT_CHARGES_WORDS: Lexicon = {
    "en": [r"(?:THIS\s*PERIOD'?S|CURRENT|NEW)\s*CHARGES", r"AMOUNT\s*OF\s*THIS\s*(?:INVOICE|BILL)",
           r"TOTAL\s*(?:FOR\s*)?THIS\s*(?:PERIOD|INVOICE|BILL)"],
    "de": [r"BETRAG\s*DIESER\s*RECHNUNG", r"(?:SUMME|BETRAG)\s*(?:DES|DIESES)\s*ZEITRAUMS"],
    "fr": [r"MONTANT\s*DE\s*(?:LA|CETTE)\s*FACTURE", r"TOTAL\s*DE\s*LA\s*P[ÉE]RIODE"],
    "es": [r"IMPORTE\s*DE\s*(?:LA|ESTA)\s*FACTURA", r"TOTAL\s*DEL\s*PERIODO"],
    "it": [r"IMPORTO\s*(?:DELLA|DI\s*QUESTA)\s*FATTURA", r"TOTALE\s*(?:DEL\s*)?PERIODO"],
    "nl": [r"BEDRAG\s*DEZE\s*FACTUUR", r"TOTAAL\s*DEZE\s*PERIODE"],
    "pt": [r"VALOR\s*DESTA\s*FATURA", r"TOTAL\s*DO\s*PER[IÍ]ODO"],
}
# A tax summary table after the totals: its amounts are tax bases, not totals.
SUMMARY_WORDS: Lexicon = {
    "en": [r"(?:GST|TAX|VAT|MWST|BTW|TVA)\s*(?:SUMMARY|ANALYSIS|DETAILS?)", r"\bSUMMARY\b", r"TAX\s*CODE"],
}
SUBTOTAL_WORDS: Lexicon = {
    "zh": [r"小计", r"小計"],
    "ko": [r"소계"],
    "en": [r"SUB\s*-?\s*TOTAL", r"TOTAL\s*(?:SALES\s*)?\(?\s*(?:EXCL|BEFORE)", r"TOTAL\s*NET\b"],
    "fr": [r"TOTAL\s*HT\b", r"MONTANT\s*HT\b"],
    "de": [r"ZWISCHENSUMME", r"NETTO\s*BETRAG"],
    "nl": [r"SUBTOTAAL", r"EXCLUSIEF\s*BTW"],
    "it": [r"SUBTOTALE", r"\bIMPONIBILE\b"],
    "es": [r"BASE\s*IMPONIBLE"],
    "any": [r"^\W*EXCL(?:\.|UDING|USIVE)?\s*(?:OF\s*)?(?:VAT|TAX|GST|BTW|MWST|TVA)\b"],
}
TAX_WORDS: Lexicon = {
    "any": [r"(?<![^\W\d_])(?:GST|[CSI]GST|UTGST|VAT|TVA|MWST|M\.?W\.?ST|UST|BTW|IVA|HST|PST|QST|SST|SALES\s*TAX|TAX|MOMS|MVA|ALV|[ÁA]FA|KDV|DPH|DDV|PDV|PVM|PVN|VSK|TVSH|IGI|ΦΠΑ|НДС|ПДВ|ДДС)(?![^\W\d_])",
            r"K[ÄA]IBEMAKS"],
    "id": [r"\bPPN\b"], "ms": [r"\bCUKAI\b"], "vi": [r"THUẾ\s*GTGT", r"TIỀN\s*THUẾ"],
    "de": [r"MEHRWERTSTEUER", r"UMSATZSTEUER"],
    "zh": [r"消[費费][税稅]", r"[税稅][额額]", r"[税稅]金"],
    "ko": [r"부가세", r"세액"],
}
# The word before a tax rate's base ("VAT 20% on 1,234.00  246.80"): the amount after the base is the tax.
TAX_BASE_WORDS: Lexicon = {
    "en": [r"ON"], "de": [r"AUF"], "fr": [r"SUR"], "es": [r"SOBRE"], "it": [r"SU"], "nl": [r"OVER"], "pt": [r"SOBRE"],
}
# Tax words that label no tax amount: ids, table headings, "total incl. tax".
TAX_EXCLUDE_WORDS: Lexicon = {
    "any": [
        r"(?:GST|VAT|TAX|TVA|BTW|UST)\s*(?:ID|REG|NO\b|NUMBER|NR|#|INVOICE|SUMMARY|CODE|ANALYSIS|IDENT)", r"INVOICE",
        r"TOTAL\s*(?:SALES\s*)?\(?\s*(?:INCL|EXCL|GST\s*INC)", r"INCLUSIVE", r"EXCLUSIVE", r"EXCLUDING", r"EXCLUSIEF",
        r"INCL\.?\s*(?:GST|VAT|BTW)", r"PRICE\s*INCL", r"REG\.?\s*NO", r"\bSR\s*=", r"\bZR\s*=",
    ],
}
ROUNDING_WORDS: Lexicon = {
    "en": [r"\bROUND(?:ING)?\b", r"ROUND\s*ADJ"],
    "fr": [r"ARRONDI"],
    "de": [r"RUNDUNG"],
    "nl": [r"AFRONDING"],
    "es": [r"REDONDEO"],
    "it": [r"ARROTONDAMENTO"],
}
DISCOUNT_WORDS: Lexicon = {
    "en": [r"DISCOUNT", r"\bDISC\b(?!\s*%)", r"PROMO"],
    "fr": [r"REMISE"],
    "de": [r"RABATT"],
    "nl": [r"KORTING"],
    "es": [r"DESCUENTO"],
    "it": [r"SCONTO"],
    "zh": [r"优惠", r"優惠", r"折扣"],
    "ja": [r"値引", r"割引"],
    "ko": [r"할인"],
}
# Charges added to the subtotal besides tax.
# Shipping and handling in an invoice's totals block: no schema field, but the total holds it.
SHIPPING_WORDS: Lexicon = {
    # and surcharges: charges the totals add besides the items and the tax
    "en": [r"SHIPPING", r"DELIVERY", r"FREIGHT", r"POSTAGE", r"HANDLING", r"CARRIAGE", r"SURCHARGE"],
    "de": [r"VERSAND\w*", r"FRACHT\w*", r"LIEFERKOSTEN", r"PORTO", r"\w*ZUSCHLAG"],
    "fr": [r"FRAIS\s*DE\s*(?:PORT|LIVRAISON|TRANSPORT|EXP[ÉE]DITION)", r"LIVRAISON", r"PORT", r"SUPPL[ÉE]MENT"],
    "es": [r"ENV[ÍI]O", r"PORTES", r"TRANSPORTE"],
    "it": [r"SPEDIZIONE", r"TRASPORTO", r"MAGGIORAZIONE"],
    "nl": [r"VERZEND\w*", r"LEVERING", r"BEZORG\w*", r"VRACHT\w*", r"\w*TOESLAG"],
    "pt": [r"FRETE", r"PORTES"],
}
CHARGE_WORDS: Lexicon = {
    "en": [r"SERV(?:ICE)?\.?\s*(?:CHARGE|CHG)", r"\bSVC\.?\s*(?:CHARGE|CHG)", r"DELIVERY\s*(?:CHARGE|FEE|CHG)"],
    "ms": [r"CAJ\s*PERKHIDMATAN"],
    "fr": [r"FRAIS\s*DE\s*SERVICE"],
    "de": [r"SERVICEGEB[UÜ]HR", r"BEDIENUNGSGELD"],
    "es": [r"CARGO\s*POR\s*SERVICIO"],
    "it": [r"SERVIZIO", r"COPERTO"],
}
TIP_WORDS: Lexicon = {
    "en": [r"\bTIPS?\b", r"GRATUITY"],
    "fr": [r"POURBOIRE"],
    "de": [r"TRINKGELD"],
    "es": [r"PROPINA"],
    "nl": [r"\bFOOI\b"],
    "it": [r"MANCIA"],
}

# ---------------------------------------------------------------------------------------- payment

# The money handed over (cash tendered, a card's charge).
CASH_WORDS: Lexicon = {
    "en": [
        r"\bCASH\b", r"TENDER(?:ED)?", r"\bACCEPTED\b", r"\bPAID\b", r"\bPAYMENT\b", r"\bRECEIVED\b", r"\bVISA\b",
        r"MASTER\s*CARD", r"\bMASTER\b", r"\bAMEX\b", r"\bCARD\b", r"\bCREDIT\b", r"\bDEBIT\b",
    ],
    "de": [r"\bBAR\b", r"GIROCARD", r"EC[\s-]*KARTE", r"KARTENZAHLUNG"],
    "fr": [r"ESP[EÈ]CES", r"\bCB\b", r"CARTE\s*(?:BANCAIRE|BLEUE)"],
    "nl": [r"CONTANT", r"\bPIN(?:BETALING|NEN)?\b"],
    "es": [r"EFECTIVO", r"\bTARJETA\b"],
    "it": [r"CONTANTI", r"BANCOMAT"],
    "pt": [r"MULTIBANCO", r"NUMER[ÁA]RIO"],
    "zh": [r"现金", r"現金"],
    "ja": [r"お預り", r"お預かり", r"預り金", r"クレジット"],
    "ko": [r"현금", r"카드", r"받은\s*금액", r"실\s*받은"],
}
CASH_EXCLUDE_WORDS: Lexicon = {
    "en": [
        r"CASHIER", r"CASH\s*(?:SALE|RECEIPT|INV|REFUND|BILL|MEMO)", r"PAYMENT\s*(?:MODE|TYPE|METHOD)", r"CREDIT\s*NOTE",
        r"TOTAL\s*PAID", r"BILL\s*PAYMENT", r"NO\s*CASH",
    ],
}
CHANGE_WORDS: Lexicon = {
    "en": [r"(?<!EX)CHANGE"],
    "ms": [r"\bKEMBALI", r"\bBAKI\b"],
    "de": [r"R(?:[UÜ]|UE)CKGELD", r"WECHSELGELD"],
    "fr": [r"RENDU"],
    "nl": [r"WISSELGELD"],
    "es": [r"CAMBIO", r"VUELTO"],
    "it": [r"RESTO"],
    "zh": [r"找零", r"找赎", r"找續"],
    "ja": [r"お釣り", r"お釣リ", r"おつり", r"釣銭"],
    "ko": [r"거스름돈", r"잔돈"],
}

# How a payment row names its method: (word in the row, "card" or "cash"), the first found wins.
PAYMENT_METHOD_WORDS: tuple[tuple[str, str], ...] = (
    # en
    ("VISA", "card"), ("MASTER", "card"), ("AMEX", "card"), ("CARD", "card"), ("CREDIT", "card"), ("DEBIT", "card"),
    # fr, de, es
    ("CARTE", "card"), ("KARTE", "card"), ("GIROCARD", "card"), ("TARJETA", "card"),
    # en, de, fr, nl, es
    ("CASH", "cash"), ("BAR", "cash"), ("ESP", "cash"), ("CONTANT", "cash"), ("EFECTIVO", "cash"),
    # zh, ja, ko
    ("现金", "cash"), ("現金", "cash"), ("お預", "cash"), ("현금", "cash"), ("クレジット", "card"), ("카드", "card"),
)

# -------------------------------------------------------------------------------------- OCR slips

# Label words OCR garbles ("Ttal Pable", "Grand TotaiRM12.50", "Accapted total"), with the edit
# distance at which a token still reads as the word ("IOTAL": a faded T's stem alone is read as I).
# Only tokens with the word's first letter, and not themselves real words near a label word
# (NEAR_LABEL_WORDS), are read that way.
FUZZY_LABEL_WORDS: dict[str, int] = {
    "TOTAL": 1,
    "GRAND": 1,
    "AMOUNT": 1,
    "CHANGE": 1,
    "PAYABLE": 2,
    "ROUNDING": 2,
    "SUBTOTAL": 2,
    "TENDERED": 2,
    "ACCEPTED": 2,
    "INCLUSIVE": 2,
}
NEAR_LABEL_WORDS = frozenset(
    "TOTE TOTALS TOTALLY GRANT GRANDE CHARGE CHARGES CHANCE CHANGI CHANNEL ROUNDED ROUNDS ROUND PAYABLES ACCEPT "
    "ACCEPTS EXCEPTED TENDER TENDERS RENDERED AMOUNTS MOUNT TRIAL".split()
)

# ------------------------------------------------------------------------------------------- dates

DATE_LABEL_WORDS: Lexicon = {
    "en": [r"DATE", r"\bDT\b"],
    "de": [r"DATUM"],
    "es": [r"FECHA"],
    "ms": [r"TARIKH"],
    "it": [r"DATA\b"],
}
# Dates that are not the purchase date: due, expiry, validity, birth, print dates.
DATE_BAD_WORDS: Lexicon = {
    "en": [r"DUE", r"EXPIR", r"EXP\b", r"VALID", r"BEST\s*BEFORE", r"PERIOD", r"BIRTH", r"PRINTED", r"\bUNTIL\b", r"\bSINCE\b", r"JOINED"],
    "de": [r"F[AÄ]LLIG", r"G[UÜ]LTIG"],
    "fr": [r"ÉCH[EÉ]ANCE"],
    "ms": [r"TAMAT", r"LUPUT"],
}
TIME_LABEL_WORDS: Lexicon = {"en": [r"TIME"], "de": [r"ZEIT"], "fr": [r"HEURE"], "es": [r"HORA"], "ms": [r"MASA"]}

# ------------------------------------------------------------------------------------------- items

# Column headings of an item table.
ITEM_HEADER_WORDS: Lexicon = {
    "en": [r"\b(?:ITEM|DESCRIPTION|DESC|QTY|QUANTITY|PRICE|AMOUNT|AMT|PRODUCT|ARTICLE|UNIT\s*PRICE|U/?P)\b"],
    "de": [r"\b(?:ARTIKEL|BEZEICHNUNG|MENGE)\b"],
    "fr": [r"\b(?:DESIGNATION|DÉSIGNATION|QTE|QTÉ)\b"],
}
# Words a unit-of-measure column prints where a description would stand.
UNIT_WORDS = frozenset(
    "PCS PC PCE PCES EA EACH UNIT UNITS NOS NO SET SETS PKT PACK BOX BTL KG G GM L ML LTR M CTN DOZ ROLL "
    "STK STÜCK ST PIECE PIECES".split()
)

TOTAL_STRONG = compile_lexicon(TOTAL_STRONG_WORDS)
TOTAL_PLAIN = compile_lexicon(TOTAL_PLAIN_WORDS)
TOTAL_WEAK = compile_lexicon(TOTAL_WEAK_WORDS)
# a page's running sum carried over is no total
TOTAL_EXCLUDE = re.compile(f"{alternation(TOTAL_EXCLUDE_WORDS)}|{alternation(CARRIED_WORDS)}", re.IGNORECASE)
SUMMARY = compile_lexicon(SUMMARY_WORDS)
SUBTOTAL = compile_lexicon(SUBTOTAL_WORDS)
TAX = compile_lexicon(TAX_WORDS)
TAX_EXCLUDE = compile_lexicon(TAX_EXCLUDE_WORDS)
ROUNDING = compile_lexicon(ROUNDING_WORDS)
DISCOUNT = compile_lexicon(DISCOUNT_WORDS)
TIP = compile_lexicon(TIP_WORDS)
CHARGE = compile_lexicon(CHARGE_WORDS)
CASH = compile_lexicon(CASH_WORDS)
CASH_EXCLUDE = compile_lexicon(CASH_EXCLUDE_WORDS)
CHANGE = compile_lexicon(CHANGE_WORDS)
DATE_LABEL = compile_lexicon(DATE_LABEL_WORDS)
DATE_BAD = compile_lexicon(DATE_BAD_WORDS)
TIME_LABEL = compile_lexicon(TIME_LABEL_WORDS)
ITEM_HEADER = compile_lexicon(ITEM_HEADER_WORDS)


# ------------------------------------------------------------------------------------------ header

# Document titles, greetings and copy marks: never a name or an address.
TITLE_WORDS: Lexicon = {
    "en": [
        r"^\W*(?:SIMPLIFIED\s+)?(?:FULL\s+)?(?:TAX\s+)?(?:INVOICE|RECEIPT|BILL)\b", r"^\W*(?:OFFICIAL\s+)?RECEIPT\b",
        r"\bTAX\s*INVOICE\b", r"\bCASH\s+(?:SALES?|RECEIPT|BILL)\b", r"WELCOME", r"THANK\s*YOU", r"\bCOPY\b",
        r"DUPLICATE", r"REPRINT", r"\bGUEST\s+CHECK\b", r"^\W*(?:POSTED|PAID|CUSTOMER\s+COPY|MERCHANT\s+COPY)\W*$",
        r"^\W*ADJUSTMENT\s+NOTE\b",
    ],
    "fr": [r"^\W*(?:FACTURE|TICKET)\b"],
    "de": [r"^\W*(?:RECHNUNG|KASSENBON|QUITTUNG|BON)\b"],
    "nl": [r"^\W*(?:FACTUUR|KASSABON)\b"],
    "es": [r"^\W*(?:FACTURA|RECIBO)\b"],
    "it": [r"^\W*(?:RICEVUTA|SCONTRINO)\b"],
}
# Registration and tax number labels.
TAX_ID_WORDS: Lexicon = {
    "en": [
        r"\b(?:GST|VAT|TAX|SST|ABN|TIN|EIN|GSTIN|CO\.?\s*-?\s*REG|COMPANY\s*(?:REG|NO)|CO\.\s*NO"
        r"|REG(?:ISTRATION)?\.?\s*(?:NO|#)|BUSINESS\s*(?:NO|REG))\b",
        r"\b(?:GST|VAT|SST|TAX)(?:ID|REG|NO)",  # glued by OCR: "GSTID:", "GSTREGNO", "VATNO."
    ],
    "fr": [r"\b(?:TVA|SIRE[TN])\b"],
    # "MwSt.-Nr." and "MWST-Nr." (Switzerland, Austria) label the VAT number; "MwSt 19 %" is a tax row.
    "de": [r"\b(?:UST|STEUER(?:NUMMER|[\s-]*NR)?|USt[\s-]*Id(?:Nr)?|UID)\b", r"\bM\.?W\.?ST\.?[\s-]*(?:NR|NUMMER)\b"],
    "nl": [r"\b(?:BTW|KVK)\b"],
    "es": [r"\b(?:CIF|NIF)\b"],
    "it": [r"\bP\.?\s*IVA\b", r"\bPARTITA\s*IVA\b"],
    "id": [r"\bNPWP\b"],
    "sv": [r"\bORG\.?\s*-?\s*NR\b", r"\bMOMSREG"], "da": [r"\bCVR\b", r"\bSE\s*-?\s*NR\b"], "pl": [r"\bNIP\b", r"\bREGON\b"],
    "fi": [r"\bY-TUNNUS\b", r"\bALV-TUNNUS\b"], "hu": [r"\bAD[ÓO]SZ[ÁA]M\b", r"\bC[ÉE]GJEGYZ[ÉE]KSZ[ÁA]M\b"],
    "cs": [r"\bI[ČC]O?\b", r"\bDI[ČC]\b"], "ro": [r"\bCUI\b", r"\bNR\.?\s*REG\.?\s*COM\b"],
    "tr": [r"\bVKN\b", r"\bVERG[İI]\s*(?:DA[İI]RES[İI]|NO)\b", r"\bMERS[İI]S\b"],
}
# Contact labels ("TEL" also as OCR reads it: "Te1", "TeI", "Te|", "Telr", a colon read as a letter).
CONTACT_WORDS: Lexicon = {
    "en": [r"\b(?:TEL|TELE?PHONE|PHONE|PH|FAX|H/?P|MOBILE|HOTLINE|E-?MAIL|WEB|WWW|HTTP|CALL)\b"],
    "other": [r"\b(?:TLF|TÉL|TELEFON)\b"],
    "any": [r"@", r"WWW\.", r"\.COM\b", r"\bT[E3][L1I|][A-Z]?(?![A-Z0-9])"],
}
# Row labels of a receipt's body (who served, which till, the item table).
BODY_WORDS: Lexicon = {
    "en": [
        r"\b(?:CASHIER|SALESPERSON|TABLE|BILL\s*(?:NO|#)|INV(?:OICE)?\s*(?:NO|#)|RECEIPT\s*(?:NO|#)|DOC\s*NO|TERMINAL"
        r"|POS\b|COUNTER|ORDER|SERVER|TRANS|STAFF|OPERATOR|MEMBER|CUSTOMER|QTY|ITEM|DESCRIPTION|PAX|SLIP)\b",
    ],
}
# Registered legal forms of a business: a name ending in one is the registered name.
LEGAL_FORM_WORDS: Lexicon = {
    "ms": [r"SDN\.?\s*BHD", r"BHD", r"S/B"],
    "en": [r"PTE\.?\s*LTD", r"PTY\.?\s*LTD", r"LTD", r"LIMITED", r"LLC", r"L\.L\.C", r"LLP", r"INC", r"INCORPORATED",
           r"CORP", r"CORPORATION", r"CO\.?,?\s*LTD", r"PLC"],
    "de": [r"GMBH", r"MBH", r"AG", r"KG", r"OHG", r"E\.?\s*K"],
    "fr": [r"SARL", r"SAS", r"SA", r"S\.A"],
    "it": [r"SRL", r"S\.R\.L", r"SPA", r"S\.P\.A"],
    "nl": [r"B\.?V", r"N\.?V"],
    "nordic": [r"OY", r"AB", r"A/S", r"AS"],
    "id": [r"PT"],
}
# Words naming a kind of business: weaker evidence of a name than a legal form.
BUSINESS_WORDS: Lexicon = {
    "en": [r"ENTERPRISES?", r"TRADING", r"HOLDINGS?", r"COMPANY", r"RESTAURANTS?"],
    "ms": [r"PERNIAGAAN", r"RESTORAN", r"KEDAI", r"SYARIKAT"],
    "id": [r"TOKO"],
}
# Street words of an address.
STREET_WORDS_BY_LANGUAGE: Lexicon = {
    "ms": [r"JALAN", r"JLN", r"JL", r"LORONG", r"PERSIARAN", r"TAMAN", r"TMN", r"BANDAR", r"KAWASAN", r"SEKSYEN",
           r"KAMPUNG", r"MENARA", r"LRG", r"LEBUH", r"LEBUHRAYA", r"WISMA", r"BANGUNAN", r"KOMPLEKS",
           r"PANGSAPURI"],
    "en": [r"LOT", r"NO", r"UNIT", r"SUITE", r"STE", r"LEVEL", r"FLOOR", r"FLR", r"BLOCK", r"BLK", r"ROAD", r"RD",
           r"STREET", r"ST", r"AVENUE", r"AVE", r"BOULEVARD", r"BLVD", r"DRIVE", r"DR", r"LANE", r"LN", r"WAY",
           r"HIGHWAY", r"HWY", r"PLAZA", r"MALL", r"LOOP", r"COURT", r"CT", r"PLACE", r"PL", r"TERRACE", r"CIRCLE",
           r"CIR", r"PARKWAY", r"PKWY", r"SQUARE", r"SQ", r"CRESCENT", r"CLOSE", r"TRAIL", r"TRL", r"PIKE", r"CENTRE",
           r"CENTER", r"BUILDING", r"BLDG", r"TOWER", r"P\.?O\.?\s*BOX", r"EXPRESSWAY", r"FREEWAY", r"MOTORWAY"],
    "de": [r"STRASSE", r"STRAßE", r"STR", r"WEG", r"PLATZ", r"ALLEE", r"GASSE", r"DAMM", r"UFER", r"CHAUSSEE"],
    "fr": [r"RUE", r"CHEMIN", r"ROUTE", r"AUTOROUTE", r"IMPASSE", r"ALL[EÉ]E", r"QUAI", r"FAUBOURG", r"BD"],
    "nl": [r"STRAAT", r"LAAN", r"PLEIN", r"KADE", r"SINGEL", r"DIJK"],
    "it": [r"VIA", r"VIALE", r"PIAZZA", r"CORSO", r"VICOLO", r"STRADA"],
    "es": [r"CALLE", r"AVENIDA", r"AVDA", r"PASEO", r"CARRETERA", r"CTRA", r"CAMINO", r"RONDA", r"TRAVES[IÍ]A"],
    "pt": [r"RUA", r"TRAVESSA", r"ESTRADA", r"PRA[CÇ]A", r"RODOVIA"],
}
# Germanic compounds ("Hauptstraße", "Kerkstraat") carry the street word as a suffix.
STREET_SUFFIXES: Sequence[str] = (
    r"STRASSE", r"STRAßE", r"WEG", r"PLATZ", r"GASSE", r"ALLEE", r"DAMM", r"STRAAT", r"LAAN", r"GRACHT", r"PLEIN",
    r"DIJK", r"KADE", r"SINGEL", r"VEJ", r"GATAN", r"VÄGEN"
)
# "(formerly known as ...)": an earlier name, neither the name nor the address.
FORMERLY_WORDS: Lexicon = {
    "en": [r"\bFORMERLY\b", r"\bPREVIOUSLY\s+KNOWN\b"],
    "ms": [r"\bDAHULUNYA\b", r"\bDAHULU\s+DIKENALI\b"],
    "de": [r"\bEHEMALS\b"],
    "fr": [r"\bANCIENNEMENT\b"],
    "es": [r"\bANTERIORMENTE\b"],
}
# "Address:" before an address; a head office's or a branch's ("HEAD OFFICE ADD:").
ADDRESS_LABEL_WORDS: Lexicon = {
    "en": [r"ADD\s*[:.]", r"ADDRESS\b", r"ADDR\b"],
    "ms": [r"ALAMAT\b"],
    "de": [r"ANSCHRIFT\b", r"ADRESSE\b"],
    "fr": [r"ADRESSE\b"],
    "nl": [r"ADRES\b"],
    "es": [r"DIRECCI[OÓ]N\b"],
    "it": [r"INDIRIZZO\b"],
}
ADDRESS_OF_WORDS: Lexicon = {"en": [r"HQ", r"HEAD\s*OFFICE", r"BRANCH", r"OUTLET"]}
# Words that join two parts of a name ("PAINT &" / "HARDWARE").
NAME_JOINER_WORDS: Lexicon = {
    "any": [r"&", r"\+", r"-"], "en": [r"\bAND", r"\bOF"], "ms": [r"\bDAN"], "de": [r"\bUND"], "fr": [r"\bET"],
}


TITLE = compile_lexicon(TITLE_WORDS)
TAX_ID = compile_lexicon(TAX_ID_WORDS)
CONTACT = compile_lexicon(CONTACT_WORDS)
BODY = compile_lexicon(BODY_WORDS)
BUSINESS = re.compile(rf"\b(?:{alternation(BUSINESS_WORDS)})\b", re.IGNORECASE)
LEGAL = re.compile(rf"\b(?:{alternation(LEGAL_FORM_WORDS)}|{alternation(BUSINESS_WORDS)})\b\.?", re.IGNORECASE)
MALAY_STREET = re.compile(rf"\b(?:{alternation({'ms': STREET_WORDS_BY_LANGUAGE['ms']})})\b", re.IGNORECASE)
STREET_WORDS = re.compile(
    rf"\b(?:{alternation(STREET_WORDS_BY_LANGUAGE)})\b|\w(?:{'|'.join(STREET_SUFFIXES)})\b|\wSTR\.", re.IGNORECASE
)
FORMERLY = compile_lexicon(FORMERLY_WORDS)
TAX_BASE = re.compile(rf"\b(?:{alternation(TAX_BASE_WORDS)})\W*$", re.IGNORECASE)
SHIPPING = re.compile(rf"\b(?:{alternation(SHIPPING_WORDS)})\b", re.IGNORECASE)
ADDRESS_LABEL = re.compile(
    rf"^\W*(?:(?:{alternation(ADDRESS_OF_WORDS)})\s+)?(?:{alternation(ADDRESS_LABEL_WORDS)})\s*[:.]?\s*",
    re.IGNORECASE,
)
NAME_JOINER = re.compile(rf"(?:{alternation(NAME_JOINER_WORDS)})\s*$", re.IGNORECASE)


# ------------------------------------------------------------------------------------- invoices
#
# The words invoices label their fields with, per language, in one place.
#
# Each field maps a language to regular-expression fragments (matched case-insensitively on text
# after ``normalize_chars``, which turns "º" into "o"). :func:`compile_labels` joins a field's
# fragments of every language into one pattern; a fragment ending in a letter only matches where
# no letter follows ("Factura no" is a label, "Factura normal" is not).
_I = re.IGNORECASE

# "No", "Nr", "N°", "Nº" ("No" after NFKC), "N.º", "Num", "Nummer"...: the number word. OCR reads
# the raised "º" as another letter or a digit ("NP", "N2"): "N" and one such character count too
# where no letter follows.
_NO = r"(?:N[UÚ]M(?:ERO|[EÉ]RO|BER|MER)?|NR|NO|N\.?\s*[°O]|N[A-Z0-9]|N|#|ID)"

INVOICE_NUMBER: dict[str, list[str]] = {
    "ja": [r"請求(?:書)?番号", r"伝票番号"],
    # a credit note's own number ("CN No.")
    "en": [rf"INVOICE\s*{_NO}", rf"INV\.?\s*{_NO}", r"BILL\s*(?:NO|NUMBER|#)", r"INVOICE\s*REF(?:ERENCE)?",
           rf"CREDIT\s*(?:NOTE|MEMO)\s*{_NO}", r"\bCN\s*(?:NO|NR|NUMBER|#)\.?"],
    "de": [rf"RECHNUNGS?[\s-]*{_NO}", r"RE\.?[\s-]*NR", rf"BELEG[\s-]*{_NO}", rf"GUTSCHRIFTS?[\s-]*{_NO}"],
    "fr": [rf"AVOIR\s*{_NO}", rf"FACTURE\s*{_NO}", r"(?:N\.?\s*[°O]|N\S|NUM[ÉE]RO|R[ÉE]F\.?)\s*(?:DE\s*)?(?:LA\s*)?FACTURE"],
    # a Mexican invoice's "Serie y folio" ("Folio" alone numbers a hotel's folio too)
    "es": [rf"NOTA\s*DE\s*CR[ÉE]DITO\s*{_NO}", rf"FACTURA\s*(?:SIMPLIFICADA\s*|RECTIFICATIVA\s*)?{_NO}", r"(?:N\.?\s*[°O]|N\S|N[ÚU]MERO)\s*(?:DE\s*)?FACTURA",
           r"SERIE\s*Y\s*FOLIO"],
    "it": [rf"FATTURA\s*{_NO}", r"(?:N\.?|NUMERO|NR\.?)\s*(?:DI\s*|DELLA\s*)?FATTURA", r"DOCUMENTO\s*N(?:R|O|\.)?"],
    "nl": [rf"FACTUUR[\s-]*{_NO}", r"NOTA[\s-]*(?:NUMMER|NR)"],
    "pt": [rf"FATURA(?:[\s-]*RECIBO|\s*SIMPLIFICADA)?\s*{_NO}", r"N[ÚU]MERO\s*(?:DA\s*)?FATURA"],
    # Swedish, Danish, Norwegian ("Fakturanummer", "Fakturanr.") and Polish ("Faktura VAT nr", "Numer faktury")
    "sv": [rf"FAKTURA[\s-]*{_NO}"],
    "pl": [rf"FAKTURA\s*(?:VAT\s*)?{_NO}", r"(?:NUMER|NR)\s*FAKTURY"],
    # Finnish, Hungarian, Czech, Romanian, Turkish ("Fatura No" as Portuguese)
    "fi": [r"LASKUN\s*(?:NUMERO|NRO)", r"LASKUNUMERO"],
    "hu": [r"SZ[ÁA]MLA\s*(?:SORSZ[ÁA]MA|SZ[ÁA]MA)", r"SZ[ÁA]MLASZ[ÁA]M", r"SORSZ[ÁA]M"],
    "cs": [r"[ČC][ÍI]SLO\s*(?:FAKTURY|DOKLADU)"],
    "ro": [rf"FACTUR[ĂA]\s*{_NO}", r"NUM[ĂA]R\s*FACTUR[ĂA]"],
    "tr": [r"FATURA\s*NUMARASI"],
    # Slovenian, Croatian, Serbian (both scripts), Bulgarian, Russian, Ukrainian, Greek, Estonian, Lithuanian
    "sl": [r"[ŠS]TEVILKA\s*RA[ČC]UNA", r"RA[ČC]UN\s*[ŠS]T\.?"],
    "hr": [r"BROJ\s*RA[ČC]UNA", r"RA[ČC]UN\s*(?:BR\.?|BROJ)"],
    "sr": [r"BROJ\s*FAKTURE", r"FAKTURA\s*(?:BR\.?|BROJ)", r"БРОЈ\s*ФАКТУРЕ", r"ФАКТУРА\s*(?:БР\.?|БРОЈ)",
           r"РАЧУН\s*(?:БР\.?|БРОЈ)"],
    "bg": [r"ФАКТУРА\s*№", r"НОМЕР\s*НА\s*ФАКТУРА(?:ТА)?"],
    "ru": [r"СЧ[ЕЁ]Т(?:\s*-?\s*ФАКТУРА)?\s*(?:НА\s*ОПЛАТУ\s*)?№"],
    "uk": [r"РАХУНОК(?:\s*-?\s*ФАКТУРА)?\s*(?:НА\s*ОПЛАТУ\s*)?№"],
    "el": [r"ΑΡ(?:ΙΘΜΟΣ|\.)\s*(?:ΠΑΡΑΣΤΑΤΙΚΟ[ΥΎ]|ΤΙΜΟΛΟΓ[ΙΊ]ΟΥ)"],
    "et": [r"ARVE\s*(?:NR|NUMBER)"],
    "lt": [r"S[ĄA]SKAITOS\s*(?:FAKT[ŪU]ROS\s*)?(?:NR|NUMERIS)"],
    # Indonesian, Malay, Vietnamese ("Số:" with its colon: "Số 12 Nguyễn Huệ" is a house number)
    "id": [r"(?:NOMOR|NO\.?)\s*(?:FAKTUR|INVOICE|NOTA(?:\s*KREDIT)?)", r"FAKTUR\s*(?:NOMOR|NO\.?)"],
    "ms": [r"(?:NO\.?|NOMBOR)\s*(?:INVOIS|NOTA\s*KREDIT|BIL)", r"INVOIS\s*(?:NO\.?|NOMBOR)"],
    "vi": [r"S[ỐÔO]\s*H[ÓO]A\s*[ĐD][ƠO]N", r"(?<![^\W\d_])S[ỐÔO]\s*:"],
    # Slovak, Latvian, Icelandic, Albanian, Swahili, Afrikaans, Maltese, Filipino (Catalan's are Spanish's)
    "sk": [r"[ČC][ÍI]SLO\s*FAKT[ÚU]RY", r"FAKT[ÚU]RA\s*(?:[ČC]\.|[ČC][ÍI]SLO)"],
    "lv": [r"R[ĒE][ĶK]INA\s*(?:NR|NUMURS)", r"R[ĒE][ĶK]INS\s*NR"],
    "is": [r"REIKNINGS\s*(?:N[ÚU]MER|NR)", r"REIKNINGSN[ÚU]MER", r"REIKNINGUR\s*NR"],
    "sq": [r"(?:NUMRI|NR\.?)\s*(?:I\s*)?FATUR[ËE]S", r"FATUR[ËE]\s*(?:NR|NUMRI)"],
    "sw": [r"NAMBA\s*YA\s*ANKARA", r"ANKARA\s*(?:NA\.?|NAMBA)"],
    "af": [r"FAKTUUR\s*-?\s*(?:NOMMER|NO\.?|NR\.?)"],
    "mt": [r"NUMRU\s*TAL\s*-?\s*FATTURA", r"FATTURA\s*(?:NRU|NUMRU)"],
    "fil": [r"(?:NUMERO|BLG\.?|BILANG)\s*NG\s*(?:RESIBO|INVOICE)", r"RESIBO\s*(?:BLG\.?|NO\.?)"],
}

NUMBER_MARK = _NO
# A quotation's or proforma's own number, where the document's title says it is one (an invoice
# cites quotations: "selon devis n° 6790").
QUOTE_NUMBER: dict[str, list[str]] = {
    "en": [rf"(?:PRO\s*-?\s*FORMA|QUOTATION|QUOTE|ESTIMATE)\s*{_NO}"], "fr": [rf"DEVIS\s*{_NO}"],
    "de": [rf"ANGEBOTS?[\s-]*{_NO}"], "es": [rf"(?:PRESUPUESTO|COTIZACI[ÓO]N|PROFORMA)\s*{_NO}"],
}
QUOTE_TITLE: dict[str, list[str]] = {
    "en": [r"^\W*(?:QUOTATION|QUOTE|ESTIMATE|PRO\s*-?\s*FORMA(?:\s*INVOICE)?)\W*$"], "fr": [r"^\W*(?:DEVIS|FACTURE\s*PRO\s*-?\s*FORMA)\W*$"],
    "de": [r"^\W*(?:ANGEBOT|PROFORMA[\s-]*RECHNUNG)\W*$"],
    "es": [r"^\W*(?:PRESUPUESTO|COTIZACI[ÓO]N|FACTURA\s*PRO\s*-?\s*FORMA)\W*$"],
}
# Another document's invoice number on this one: a credit note's original invoice, a supplier's,
# a fiscal device's ("CU Invoice No." on Kenyan invoices).
OTHER_INVOICE: dict[str, list[str]] = {
    "en": [r"(?:ORIGINAL|ORIG\.|RELATED|REFERENCED?|PREVIOUS|CORRECTED|SUPPLIER'?S?|VENDOR'?S?|\bCU)\s*INVOICE"],
    "fr": [r"FACTURE\s*(?:D'ORIGINE|INITIALE|ORIGINALE)"], "es": [r"FACTURA\s*(?:ORIGINAL|RECTIFICADA)"],
    "de": [r"(?:URSPR[ÜU]NGLICHE|ORIGINAL)\s*RECHNUNG"], "ms": [r"INVOIS\s*ASAL"], "id": [r"FAKTUR\s*ASAL"],
}
# A page's number after a running head's invoice number ("Invoice INV-490526 - page 2").
PAGE_WORDS: Lexicon = {
    "en": [r"PAGE"], "de": [r"SEITE", r"BLATT"], "fr": [r"PAGE"], "es": [r"P[ÁA]GINA", r"P[ÁA]G\."], "it": [r"PAGINA", r"PAG\."],
    "nl": [r"PAGINA", r"BLAD"], "pt": [r"P[ÁA]GINA", r"P[ÁA]G\."], "sv": [r"SIDA"], "da": [r"SIDE"], "pl": [r"STRONA", r"STR\."],
}
# "Page 2 of 3", "Seite 2 von 3", "Page 2/3": which page of how many a page is.
PAGE_OF_WORDS: Lexicon = {
    "en": [r"OF"], "de": [r"VON"], "fr": [r"SUR"], "es": [r"DE"], "it": [r"DI"], "nl": [r"VAN"], "pt": [r"DE"],
    "sv": [r"AV"], "da": [r"AF"], "pl": [r"Z"],
}
PAGE_OF = re.compile(
    rf"(?<![^\W\d_])(?:{alternation(PAGE_WORDS)})\s*(\d{{1,3}})\s*(?:/|(?:{alternation(PAGE_OF_WORDS)})(?![^\W\d_]))\s*(\d{{1,3}})(?!\d)",
    re.IGNORECASE,
)
# The document's title word, which may carry its number ("Facture RG23-2203").
INVOICE_TITLE_WORDS: Lexicon = {
    "en": [r"INVOICE"], "de": [r"RECHNUNG"], "fr": [r"FACTURE"], "es": [r"FACTURA"], "it": [r"FATTURA"],
    "nl": [r"FACTUUR"], "pt": [r"FATURA"], "sv": [r"FAKTURA"], "fi": [r"LASKU"], "hu": [r"SZ[ÁA]MLA"], "ro": [r"FACTUR[ĂA]"],
    "id": [r"FAKTUR"], "ms": [r"INVOIS"],
    "sk": [r"FAKT[ÚU]RA"], "lv": [r"R[ĒE][ĶK]INS"], "is": [r"REIKNINGUR"], "sq": [r"FATUR[ËE]"], "sw": [r"ANKARA"],
    "af": [r"FAKTUUR"], "fil": [r"RESIBO"],
}

# Weaker: a document number that may be the invoice's when nothing names it so.
REFERENCE_NUMBER: dict[str, list[str]] = {
    # a receipt's number, where it has no invoice number
    "en": [r"RECEIPT\s*(?:NUMBER|NO\.?|#)", r"BOOKING\s*(?:ID|NO|NUMBER|REF)", r"ORDER\s*(?:ID|NO|NUMBER|#)", r"DOCUMENT\s*(?:NO|NUMBER|#)",
           r"REFERENCE\s*(?:NO|NUMBER)?", r"\bREF\b\.?", r"^\s*#", r"^\W*(?:NO|NUMBER)\b\.?"],
    "nl": [r"^\W*NUMMER", r"BONNUMMER", r"KWITANTIE\s*(?:NR|NUMMER)"],
    "de": [r"^\W*NUMMER", r"QUITTUNGS?\s*-?\s*(?:NUMMER|NR)"],
    "fr": [r"NUM[ÉE]RO\s*DE\s*RE[ÇC]U", r"RE[ÇC]U\s*(?:N[°O]|#)"], "es": [r"N[ÚU]MERO\s*DE\s*RECIBO", r"RECIBO\s*(?:N[°ºO]|#)"],
}

# Labels of the customer's references (their order, their reference): neither a name nor the invoice's number.
ORDER_REFERENCE: dict[str, list[str]] = {
    "en": [r"YOUR\s*(?:REF(?:ERENCE)?|ORDER)", r"(?:PURCHASE\s*)?ORDER\s*(?:NO|NUMBER|REF)", r"P\.?\s*O\.?\s*(?:NO|NUMBER|#)"],
    "de": [r"IHR(?:E)?\s*(?:ZEICHEN|REFERENZ|BESTELL\w*|AUFTRAG\w*)", r"BESTELL\s*-?\s*(?:NR|NUMMER)", r"REFERENZ"],
    "fr": [r"VOTRE\s*(?:R[ÉE]F[ÉE]RENCE|COMMANDE|R[ÉE]F\.?)", r"BON\s*DE\s*COMMANDE", r"N[°O]?\s*(?:DE\s*)?COMMANDE"],
    "es": [r"SU\s*(?:REFERENCIA|PEDIDO|REF\.?)", r"N[ºO°]?\s*(?:DE\s*)?PEDIDO"],
    "it": [r"(?:VS\.?|VOSTRO)\s*(?:RIFERIMENTO|ORDINE|RIF\.?)", r"N\.?\s*ORDINE"],
    "nl": [r"UW\s*(?:REFERENTIE|KENMERK|ORDER\w*|BESTEL\w*|REF\.?)", r"(?:ORDER|BESTEL)\s*-?\s*NUMMER"],
    "pt": [r"(?:SUA|V\.?)\s*(?:REFER[ÊE]NCIA|ENCOMENDA|REF\.?)", r"N\.?[ºO°]?\s*(?:DE\s*)?ENCOMENDA"],
}

INVOICE_DATE: dict[str, list[str]] = {
    "ja": [r"請求日", r"発行日"], "zh": [r"[开開]票日期"],
    "en": [r"INVOICE\s*DATE", r"DATE\s*OF\s*(?:ISSUE|INVOICE)", r"ISSUE\s*DATE", r"BILL\s*DATE", r"DATE\s*ISSUED"],
    "de": [r"RECHNUNGS[\s-]*DATUM", r"BELEG[\s-]*DATUM", r"AUSSTELLUNGS[\s-]*DATUM"],
    "fr": [r"DATE\s*(?:DE\s*|D')?(?:LA\s*)?(?:FACTURE|FACTURATION|[ÉE]MISSION)"],
    "es": [r"FECHA\s*(?:DE\s*(?:LA\s*)?)?(?:FACTURA|EMISI[OÓ]N|EXPEDICI[OÓ]N)"],
    "it": [r"DATA\s*(?:DELLA\s*|DI\s*)?(?:FATTURA|EMISSIONE|DOCUMENTO)"],
    "nl": [r"FACTUUR[\s-]*DATUM", r"DATUM\s*FACTUUR"],
    "pt": [r"DATA\s*(?:DA\s*|DE\s*)?(?:FATURA|EMISS[AÃ]O)"],
    "sv": [r"FAKTURADATUM"],
    "da": [r"FAKTURADATO"],
    "pl": [r"DATA\s*WYSTAWIENIA"],
    "fi": [r"LASKUN\s*P[ÄA]IV[ÄA]M[ÄA][ÄA]R[ÄA]", r"LASKUP[ÄA]IV[ÄA]", r"P[ÄA]IV[ÄA]YS"],
    "hu": [r"SZ[ÁA]MLA\s*KELTE", r"KELTE", r"KI[ÁA]LL[ÍI]T[ÁA]S\s*D[ÁA]TUMA"],
    "cs": [r"DATUM\s*VYSTAVEN[ÍI]"],
    "ro": [r"DATA\s*(?:EMITERII|FACTURII|EMITERE)"],
    "id": [r"TANGGAL\s*(?:FAKTUR|INVOICE|NOTA)", r"TGL\.?\s*(?:FAKTUR|INVOICE)"], "ms": [r"TARIKH\s*INVOIS"],
    "vi": [r"NG[ÀA]Y\s*(?:L[ẬA]P|H[ÓO]A\s*[ĐD][ƠO]N|XU[ẤA]T)"],
    "tr": [r"FATURA\s*TAR[İI]H[İI]", r"D[ÜU]ZENLEME\s*TAR[İI]H[İI]"],
    "sl": [r"DATUM\s*IZDAJE"], "hr": [r"DATUM\s*(?:IZDAVANJA|RA[ČC]UNA)"],
    "sr": [r"DATUM\s*(?:IZDAVANJA|PROMETA)", r"ДАТУМ\s*(?:ИЗДАВАЊА|ПРОМЕТА)"],
    "bg": [r"ДАТА\s*НА\s*(?:ИЗДАВАНЕ|ФАКТУРА)"], "el": [r"ΗΜΕΡΟΜΗΝ[ΙΊ]Α\s*[ΕΈ]ΚΔΟΣΗΣ"],
    "et": [r"ARVE\s*KUUP[ÄA]EV"], "lt": [r"I[ŠS]RA[ŠS]YMO\s*DATA", r"S[ĄA]SKAITOS\s*DATA"],
    "sk": [r"D[ÁA]TUM\s*(?:VYHOTOVENIA|VYSTAVENIA)"], "lv": [r"R[ĒE][ĶK]INA\s*DATUMS", r"IZRAKST[ĪI][ŠS]ANAS\s*DATUMS"],
    "ca": [r"DATA\s*(?:DE\s*(?:LA\s*)?)?(?:FACTURA|EMISSI[ÓO])", r"DATA\s*D['’]\s*EMISSI[ÓO]"],
    "is": [r"[ÚU]TG[ÁA]FUDAGUR", r"REIKNINGSDAGUR"], "sq": [r"DATA\s*(?:E\s*)?(?:FATUR[ËE]S|L[ËE]SHIMIT)"],
    "sw": [r"TAREHE\s*YA\s*ANKARA"], "af": [r"FAKTUURDATUM", r"FAKTUUR\s*DATUM"], "mt": [r"DATA\s*TAL\s*-?\s*FATTURA"],
    "fil": [r"PETSA\s*NG\s*(?:RESIBO|INVOICE)"],
}
DATE_GENERIC: dict[str, list[str]] = {
    "en": [r"\bDATE\b", r"\bDATED\b"], "de": [r"\bDATUM\b"], "es": [r"\bFECHA\b"], "it": [r"\bDATA\b"],
    "da": [r"\bDATO\b"], "et": [r"\bKUUP[ÄA]EV\b"], "id": [r"\bTANGGAL\b", r"\bTGL\b"], "ms": [r"\bTARIKH\b"],
    "lv": [r"\bDATUMS\b"], "is": [r"\bDAGSETNING\b"], "sw": [r"\bTAREHE\b"], "fil": [r"\bPETSA\b"],
}
DUE_DATE: dict[str, list[str]] = {
    "ja": [r"お?支払(?:い)?期(?:限|日)"], "zh": [r"付款期限"],
    "en": [r"DUE\s*(?:DATE|ON|BY)", r"(?<!AMOUNT )(?<!BALANCE )(?<!TOTAL )\bDUE\s*:", r"PAYMENT\s*DUE", r"PAY\s*BY"],
    "de": [r"F[AÄ]LLIG(?:KEITS(?:DATUM)?)?(?:\s*(?:AM|BIS))?", r"ZAHLBAR\s*(?:BIS|AM)", r"ZAHLUNGSZIEL"],
    "fr": [r"[ÉE]CH[ÉE]ANCE", r"[AÀ]\s*PAYER\s*AVANT", r"PAYABLE\s*AVANT"],
    "es": [r"VENCIMIENTO", r"FECHA\s*(?:DE\s*)?PAGO"],
    "it": [r"SCADENZA", r"PAGAMENTO\s*ENTRO"],
    "nl": [r"VERVAL(?:DATUM)?", r"TE\s*BETALEN\s*(?:VOOR|V[OÓ][OÓ]R)", r"UITERSTE\s*BETAALDATUM", r"BETAALDATUM"],
    "pt": [r"VENCIMENTO"],
    "sv": [r"F[ÖO]RFALLO(?:DAG|DATUM)", r"BETALAS\s*SENAST"],
    "da": [r"FORFALDS?DATO", r"FORFALLSDATO", r"BETALES\s*SENEST", r"BETALINGSFRIST"],
    "pl": [r"TERMIN\s*P[ŁL]ATNO[ŚS]CI"],
    "fi": [r"ER[ÄA]P[ÄA]IV[ÄA]"],
    "hu": [r"FIZET[ÉE]SI\s*HAT[ÁA]RID[ŐO]", r"ESED[ÉE]KESS[ÉE]G"],
    "cs": [r"DATUM\s*SPLATNOSTI", r"SPLATNOST"],
    "ro": [r"DATA\s*SCADEN[ȚŢT]EI", r"SCADEN[ȚŢT][ĂA]"],
    "tr": [r"VADE\s*TAR[İI]H[İI]", r"SON\s*[ÖO]DEME\s*TAR[İI]H[İI]"],
    "id": [r"JATUH\s*TEMPO"], "ms": [r"TARIKH\s*(?:AKHIR|MATANG)"], "vi": [r"HẠN\s*THANH\s*TOÁN"],
    "sk": [r"D[ÁA]TUM\s*SPLATNOSTI", r"SPLATNOS[ŤT]"], "lv": [r"APMAKSAS\s*TERMI[ŅN][ŠS]", r"SAMAKS[ĀA]T\s*L[ĪI]DZ"],
    "ca": [r"(?:DATA\s*DE\s*)?VENCIMENT"], "is": [r"GJALDDAGI", r"EINDAGI"],
    "sq": [r"AFATI\s*(?:I\s*)?PAGES[ËE]S", r"DATA\s*E\s*PAGES[ËE]S"],
    "sw": [r"TAREHE\s*YA\s*(?:MWISHO\s*(?:YA\s*)?MALIPO|KULIPA|MWISHO)"], "af": [r"VERVALDATUM", r"BETAALBAAR\s*VOOR"],
    "mt": [r"DATA\s*TA['’]?\s*(?:L-)?SKADENZA"], "fil": [r"TAKDANG\s*PETSA", r"DAPAT\s*BAYARAN\s*BAGO"],
}
# Dates that are neither the invoice's nor the due date.
OTHER_DATE: dict[str, list[str]] = {
    "en": [r"ORDER", r"DELIVER", r"SHIP", r"PERIOD", r"\bFROM\b", r"UNTIL", r"BIRTH", r"EXPIR", r"VALID", r"CHECK",
           r"SERVICE\s*DATE", r"PRINTED", r"RUN\s*DATE", r"PRINT\s*DATE"],
    "de": [r"LIEFER", r"BESTELL", r"AUFTRAG", r"LEISTUNGS", r"ZEITRAUM"],
    "fr": [r"COMMANDE", r"LIVRAISON", r"P[ÉE]RIODE"],
    "es": [r"PEDIDO", r"ENTREGA", r"PERIODO"],
    "it": [r"ORDINE", r"CONSEGNA", r"PERIODO"],
    "nl": [r"ORDER", r"LEVER", r"BESTEL", r"PERIODE"],
    "sv": [r"LEVERANS", r"BESTÄLLNING"],
    "da": [r"LEVERING", r"ORDRE"],
    "pl": [r"SPRZEDA[ŻZ]Y", r"DOSTAWY", r"ZAM[ÓO]WIENIA"],
    "fi": [r"TOIMITUS"], "hu": [r"TELJES[ÍI]T[ÉE]S"], "cs": [r"PLN[ĚE]N[ÍI]"], "ro": [r"LIVR[ĂA]RII"],
    "tr": [r"SEVK", r"S[İI]PAR[İI][ŞS]"],
    "id": [r"PESANAN", r"PENGIRIMAN"], "ms": [r"PESANAN", r"PENGHANTARAN"], "vi": [r"GIAO\s*HÀNG"],
    "sk": [r"DODANIA", r"DODACIE"], "lv": [r"PIEG[ĀA]DES"], "ca": [r"LLIURAMENT", r"COMANDA"], "is": [r"AFHENDINGAR"],
    "sq": [r"DOR[ËE]ZIMIT"], "sw": [r"UTOAJI", r"KUWASILISHA"], "af": [r"AFLEWERING", r"BESTELLING"], "mt": [r"KUNSINNA"],
    "fil": [r"PAGHAHATID"],
}
# Labels of the customer's block.
CUSTOMER: dict[str, list[str]] = {
    # "M/s." (messrs) before the buyer's name on Indian and Commonwealth forms
    "en": [r"BILL(?:ED)?\s*TO", r"SOLD\s*TO", r"SHIP\s*TO", r"INVOICE\s*TO", r"CUSTOMER", r"CLIENT", r"ATTN", r"RECIPIENT",
           r"^\W*GUEST\b", r"^\W*M\s*/\s*S\b\.?", r"^\W*MESSRS\b\.?", r"CONSIGNEE", r"NOTIFY\s*PARTY"],
    "de": [r"RECHNUNGS(?:ADRESSE|EMPF[AÄ]NGER)", r"KUNDE", r"EMPF[AÄ]NGER", r"^\s*(?:HERRN?|FRAU|FIRMA|AN)\s*:?\s*$",
           r"RECHNUNG\s*AN\b", r"LIEFERUNG\s*AN\b", r"^\W*GAST\b"],
    "fr": [r"FACTUR[ÉE]\s*[AÀ]", r"ADRESS[ÉE]\s*[AÀ]", r"CLIENT", r"DESTINATAIRE", r"ADRESSE\s*DE\s*FACTURATION"],
    "es": [r"FACTURAR\s*A", r"CLIENTE", r"DESTINATARIO", r"DATOS\s*DEL\s*CLIENTE"],
    "it": [r"CLIENTE", r"DESTINATARIO", r"SPETT\.?\s*LE", r"INTESTATARIO", r"^\W*OSPITE\b"],
    "nl": [r"FACTUURADRES", r"KLANT", r"GEADRESSEERDE", r"^\s*AAN\s*:?\s*$"],
    "sv": [r"FAKTURA\s*TILL", r"FAKTURAADRESS", r"\bKUND\b", r"\bMOTTAGARE", r"\bK[ÖO]PARE"],
    "da": [r"FAKTURERES\s*TIL", r"FAKTURA\s*TIL", r"\bMODTAGER", r"\bK[ØO]BER"],
    "pl": [r"NABYWCA", r"ODBIORCA", r"P[ŁL]ATNIK"],
    "no": [r"FAKTURAMOTTAKER"],
    "fi": [r"LASKUTUSOSOITE", r"\bASIAKAS\b", r"VASTAANOTTAJA"], "hu": [r"\bVEV[ŐO]\b"],
    "cs": [r"ODB[ĚE]RATEL"], "ro": [r"CUMP[ĂA]R[ĂA]TOR"], "tr": [r"\bALICI\b", r"^\W*SAYIN\b"],
    "id": [r"KEPADA(?:\s*YTH)?", r"PEMBELI", r"DIKIRIM\s*KE"], "ms": [r"KEPADA", r"PEMBELI"],
    "vi": [r"(?:ĐƠN\s*VỊ|NGƯỜI)\s*MUA(?:\s*HÀNG)?", r"KHÁCH\s*HÀNG"],
    "sk": [r"ODBERATE[ĽL]"], "lv": [r"SA[ŅN][ĒE]M[ĒE]JS", r"PIRC[ĒE]JS", r"MAKS[ĀA]T[ĀA]JS"], "ca": [r"DESTINATARI"],
    "is": [r"KAUPANDI", r"VI[ÐD]SKIPTAVINUR", r"GREI[ÐD]ANDI"], "sq": [r"BLER[ËE]SI", r"KLIENTI"],
    "sw": [r"MNUNUZI", r"MTEJA"], "af": [r"KLI[ËE]NT", r"KOPER", r"FAKTUUR\s*AAN"], "mt": [r"KLIJENT", r"XERREJ"],
    "fil": [r"KUSTOMER", r"MAMIMILI", r"SINGILIN\s*KAY"],
}
# Labels of the issuer's block.
ISSUER: dict[str, list[str]] = {
    # a remittance block ("Remit to", "Make checks payable to") names the seller who is paid
    # an export's exporter is its seller (a forwarder's bill names a shipment's shipper, no seller)
    "en": [r"^\W*FROM\W*$", r"SUPPLIER", r"SELLER", r"VENDOR", r"ISSUED\s*BY", r"BILL\s*FROM", r"SOLD\s*BY",
           r"REMIT(?:TANCE)?\s*(?:TO|ADDRESS)", r"(?:MAKE\s*)?(?:CHECKS?|CHEQUES?)\s*PAYABLE\s*TO", r"EXPORTER"],
    "de": [r"ABSENDER", r"^\W*VON\W*$", r"LIEFERANT", r"VERK[AÄ]UFER", r"VERKAUFT\s*VON"],
    "fr": [r"[ÉE]METTEUR", r"FOURNISSEUR", r"VENDEUR", r"VENDU\s*PAR"],
    "es": [r"EMISOR", r"PROVEEDOR", r"VENDEDOR", r"VENDIDO\s*POR"],
    "it": [r"MITTENTE", r"FORNITORE", r"VENDITORE", r"CEDENTE", r"VENDUTO\s*DA"],
    "nl": [r"^\W*VAN\W*$", r"LEVERANCIER", r"AFZENDER", r"VERKOPER", r"VERKOCHT\s*DOOR"],
    "pt": [r"VENDEDOR", r"FORNECEDOR", r"VENDIDO\s*POR"],
    "sv": [r"S[ÄA]LJARE", r"LEVERANT[ÖO]R", r"AVS[ÄA]NDARE"],
    "da": [r"S[ÆA]LGER", r"LEVERAND[ØO]R", r"AFSENDER"],
    "pl": [r"SPRZEDAWCA", r"WYSTAWCA", r"DOSTAWCA"],
    "no": [r"SELGER"],
    "fi": [r"MYYJ[ÄA]", r"TOIMITTAJA"], "hu": [r"ELAD[ÓO]", r"SZ[ÁA]LL[ÍI]T[ÓO]"], "cs": [r"DODAVATEL"],
    "ro": [r"FURNIZOR", r"V[ÂA]NZ[ĂA]TOR"], "tr": [r"SATICI"],
    "id": [r"PENJUAL"], "ms": [r"PENJUAL", r"PEMBEKAL"], "vi": [r"(?:ĐƠN\s*VỊ|NGƯỜI)\s*BÁN(?:\s*HÀNG)?"],
    "sk": [r"DOD[ÁA]VATE[ĽL]"], "lv": [r"PIEG[ĀA]D[ĀA]T[ĀA]JS", r"P[ĀA]RDEV[ĒE]JS"], "ca": [r"PROVE[ÏI]DOR", r"EMISSOR"],
    "is": [r"SELJANDI"], "sq": [r"SHIT[ËE]SI", r"FURNIZUESI"], "sw": [r"MUUZAJI"], "af": [r"VERSKAFFER"], "mt": [r"FORNITUR"],
    "fil": [r"NAGBEBENTA"],
}
# A signature's sign-off before the issuer's name ("For ACME Ltd:" over "Authorised Signatory").
SIGN_OFF: dict[str, list[str]] = {
    "en": [r"FOR"], "de": [r"F[ÜU]R"], "fr": [r"POUR"], "es": [r"POR"], "it": [r"PER"], "nl": [r"VOOR"],
    "pt": [r"PEL[AO]", r"POR"],
}
# The document's title: no party's name (a quotation's titles are QUOTE_TITLE's).
INVOICE_TITLE: dict[str, list[str]] = {
    "ja": [r"^\W*(?:適格)?請求書\W*$"], "zh": [r"^\W*[发發]票\W*$"],
    "en": [r"^\W*(?:(?:TAX|SALES|COMMERCIAL|BILLING|SERVICE|FINAL|INTERIM|PROFORMA|PRO\s*FORMA)\s*)?INVOICE\W*$",
           r"^\W*(?:CREDIT\s*(?:NOTE|MEMO)|(?:BILLING\s*|ACCOUNT\s*)?STATEMENT)\W*$"],
    "de": [r"^\W*RECHNUNG\W*$", r"^\W*GUTSCHRIFT\W*$"],
    "fr": [r"^\W*FACTURE\W*$", r"^\W*AVOIR\W*$"],
    "es": [r"^\W*FACTURA\W*$", r"^\W*NOTA\s*DE\s*CR[ÉE]DITO\W*$"],
    "it": [r"^\W*FATTURA\W*$"],
    "nl": [r"^\W*FACTUUR\W*$", r"^\W*CREDITNOTA\W*$"],
    "pt": [r"^\W*FATURA\W*$"],
    "sv": [r"^\W*FAKTURA(?:\s*VAT)?\W*$", r"^\W*KREDITNOTA\W*$"],
    "fi": [r"^\W*LASKU\W*$"], "hu": [r"^\W*SZ[ÁA]MLA\W*$"],
    "cs": [r"^\W*FAKTURA\W*(?:DA[ŇN]OV[ÝY]\s*DOKLAD\W*)?$"], "ro": [r"^\W*FACTUR[ĂA](?:\s*FISCAL[ĂA])?\W*$"],
    "tr": [r"^\W*(?:E-?AR[ŞS][İI]V\s*|E-?FATURA\s*)?FATURA\W*$"],
    "id": [r"^\W*FAKTUR(?:\s*(?:PAJAK|PENJUALAN|PELUNASAN|TAGIHAN))?\W*$", r"^\W*NOTA\s*KREDIT\W*$"],
    "ms": [r"^\W*INVOIS(?:\s*CUKAI)?\W*$", r"^\W*NOTA\s*KREDIT\W*$"],
    "vi": [r"^\W*H[ÓO]A\s*[ĐD][ƠO]N(?:\s*(?:GI[ÁA]\s*TR[ỊI]\s*GIA\s*T[ĂA]NG|B[ÁA]N\s*H[ÀA]NG|[ĐD]I[ỆE]N\s*T[ỬU]))?\W*$"],
    "sk": [r"^\W*FAKT[ÚU]RA(?:\s*[–-]\s*DA[ŇN]OV[ÝY]\s*DOKLAD)?\W*$"], "lv": [r"^\W*(?:PVN\s*)?R[ĒE][ĶK]INS\W*$"],
    "is": [r"^\W*REIKNINGUR\W*$"], "sq": [r"^\W*FATUR[ËE](?:\s*TATIMORE)?\W*$"], "sw": [r"^\W*ANKARA(?:\s*YA\s*KODI)?\W*$"],
    "af": [r"^\W*(?:BELASTING)?FAKTUUR\W*$"], "mt": [r"^\W*FATTURA(?:\s*TAT\s*-?\s*TAXXA)?\W*$"],
    "fil": [r"^\W*(?:(?:OPISYAL\s*NA\s*)?RESIBO|SALES\s*INVOICE)\W*$"],
}
# The amount to pay, per language (beats plain totals).
AMOUNT_DUE: dict[str, list[str]] = {
    "en": [r"AMOUNT\s*DUE", r"AMOUNT\s*TO\s*PAY", r"BALANCE\s*DUE", r"TOTAL\s*(?:AMOUNT\s*)?DUE", r"TOTAL\s*PAYABLE", r"AMOUNT\s*PAYABLE",
           r"GRAND\s*TOTAL", r"TOTAL\s*FOR\s*THIS\s*INVOICE", r"INVOICE\s*TOTAL", r"TOTAL\s*(?:\(\s*)?INC(?:L|LUDING)?\.?\s*(?:VAT|TAX|GST)"],
    "de": [r"RECHNUNGSBETRAG", r"GESAMTBETRAG", r"ZU\s*ZAHLEN", r"ENDBETRAG", r"(?:SUMME|GESAMT)\s*BRUTTO", r"BRUTTO\s*BETRAG",
           r"ZAHLBETRAG"],
    "fr": [r"TOTAL\s*TTC", r"NET\s*[AÀ]\s*PAYER", r"MONTANT\s*(?:TOTAL\s*)?TTC", r"(?:TOTAL|MONTANT)\s*[AÀ]\s*PAYER",
           r"(?:MONTANT|SOLDE)\s*D[ÛU]"],
    "es": [r"TOTAL\s*A\s*PAGAR", r"IMPORTE\s*TOTAL", r"TOTAL\s*FACTURA", r"IMPORTE\s*A\s*PAGAR"],
    "it": [r"TOTALE\s*(?:DA\s*PAGARE|FATTURA|DOCUMENTO|DOVUTO)", r"NETTO\s*A\s*PAGARE", r"IMPORTO\s*DOVUTO"],
    "nl": [r"TE\s*BETALEN(?!\s*(?:VOOR|V[OÓ][OÓ]R|BINNEN))", r"TOTAAL\s*(?:INCL|INCLUSIEF)\.?\s*BTW", r"TOTAALBEDRAG",
           r"TOTAAL\s*TE\s*BETALEN"],
    "pt": [r"TOTAL\s*A\s*PAGAR"],
    "sv": [r"ATT\s*BETALA", r"TOTALT\s*ATT\s*BETALA"],
    "da": [r"AT\s*BETALE", r"[ÅAÀ]\s*BETALE", r"TOTAL\s*INKL\.?\s*MOMS", r"I\s*ALT\s*INKL\.?\s*MOMS"],
    "pl": [r"DO\s*ZAP[ŁL]ATY", r"RAZEM\s*BRUTTO", r"SUMA\s*BRUTTO"],
    "fi": [r"MAKSETTAVA(?:\s*YHTEENS[ÄA])?"],
    "hu": [r"FIZETEND[ŐO](?:\s*[ÖO]SSZEG)?", r"(?:BRUTT[ÓO]\s*)?V[ÉE]G[ÖO]SSZEG"],
    "cs": [r"(?:CELKEM\s*)?K\s*[ÚU]HRAD[ĚE]"],
    "ro": [r"TOTAL\s*(?:DE\s*)?PLAT[ĂA]"],
    "tr": [r"GENEL\s*TOPLAM", r"[ÖO]DENECEK\s*TUTAR"],
    "sl": [r"ZA\s*PLA[ČC]ILO", r"SKUPAJ\s*Z\s*DDV"], "hr": [r"ZA\s*PLATITI", r"UKUPNO\s*(?:ZA\s*PLA[ĆC]ANJE|S\s*PDV)"],
    "sr": [r"UKUPNO\s*ZA\s*(?:UPLATU|PLA[ĆC]ANJE)", r"УКУПНО\s*ЗА\s*(?:УПЛАТУ|ПЛАЋАЊЕ)"],
    "bg": [r"СУМА\s*ЗА\s*ПЛАЩАНЕ", r"ОБЩО\s*(?:С\s*ДДС|ЗА\s*ПЛАЩАНЕ)"],
    "ru": [r"ВСЕГО\s*К\s*ОПЛАТЕ", r"ИТОГО\s*К\s*ОПЛАТЕ"], "uk": [r"ВСЬОГО\s*ДО\s*СПЛАТИ", r"РАЗОМ\s*ДО\s*СПЛАТИ"],
    "el": [r"ΠΛΗΡΩΤ[ΕΈ]Ο(?:\s*ΠΟΣ[ΟΌ])?", r"ΣΥΝΟΛΟ\s*ΠΛΗΡΩΤ[ΕΈ]Ο"],
    "et": [r"TASUDA", r"KOKKU\s*TASUDA", r"ARVE\s*SUMMA"], "lt": [r"MOK[ĖE]TI", r"I[ŠS]\s*VISO\s*MOK[ĖE]TI", r"SUMA\s*SU\s*PVM"],
    "id": [r"(?:JUMLAH|TOTAL)\s*(?:TAGIHAN|YANG\s*HARUS\s*DIBAYAR|DIBAYAR|BAYAR)"],
    "ms": [r"JUMLAH\s*(?:BESAR|PERLU\s*DIBAYAR|KESELURUHAN|BAYARAN)"],
    "vi": [r"T[ỔO]NG\s*(?:C[ỘO]NG\s*)?(?:TI[ỀE]N\s*)?THANH\s*TO[ÁA]N", r"T[ỔO]NG\s*C[ỘO]NG"],
    "sk": [r"(?:CELKOM\s*)?K\s*[ÚU]HRADE", r"SUMA\s*NA\s*[ÚU]HRADU"], "lv": [r"(?:KOP[ĀA]|SUMMA)\s*APMAKSAI", r"APMAKSAI"],
    "ca": [r"IMPORT\s*TOTAL", r"TOTAL\s*A\s*PAGAR"], "is": [r"TIL\s*GREI[ÐD]SLU", r"SAMTALS\s*ME[ÐD]\s*VSK", r"HEILDARUPPH[ÆA][ÐD]"],
    "sq": [r"TOTALI\s*P[ËE]R\s*T['’]?\s*U?\s*PAGUAR", r"VLERA\s*TOTALE", r"TOTALI\s*ME\s*TVSH"],
    "sw": [r"JUMLA\s*KUU", r"JUMLA\s*YA\s*KULIPA", r"KIASI\s*CHA\s*KULIPA", r"JUMLA\s*(?:PAMOJA\s*)?NA\s*VAT"],
    "af": [r"(?:TOTAAL|BEDRAG)\s*(?:VERSKULDIG|BETAALBAAR)", r"TOTAAL\s*INSL(?:UITEND)?\.?\s*BTW"],
    "mt": [r"(?:TOTAL|AMMONT)\s*DOVUT"], "lb": [r"TOTAL\s*MAT\s*TVA", r"ZE\s*BEZUELEN"],
    "fil": [r"KABUUANG\s*HALAGA(?:NG\s*DAPAT\s*BAYARAN)?", r"HALAGANG\s*DAPAT\s*BAYARAN"],
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
INVOICE_SUBTOTAL: dict[str, list[str]] = {
    "en": [r"SUB\s*-?\s*TOTAL", r"NET\s*(?:AMOUNT|TOTAL|VALUE)", r"TOTAL\s*(?:NET|EX\.?\s*(?:VAT|TAX)|EXCL\.?|EXCLUDING|BEFORE)",
           r"AMOUNT\s*(?:EXCL|BEFORE)"],
    "de": [r"ZWISCHENSUMME", r"NETTO\s*-?\s*(?:BETRAG|SUMME|GESAMT)", r"(?:SUMME|GESAMT|GESAMTBETRAG)\s*NETTO", r"WARENWERT"],
    "fr": [r"SOUS\s*-?\s*TOTAL", r"TOTAL\s*HT", r"MONTANT\s*(?:TOTAL\s*)?HT", r"TOTAL\s*HORS\s*TAXES?"],
    "es": [r"BASE\s*IMPONIBLE", r"TOTAL\s*BASE", r"(?:IMPORTE|TOTAL)\s*NETO"],
    "it": [r"(?:TOTALE\s*)?IMPONIBILE", r"SUBTOTALE", r"TOTALE\s*NETTO", r"TOTALE\s*MERCE"],
    "nl": [r"SUBTOTAAL", r"TOTAAL\s*(?:EXCL|EXCLUSIEF)\.?(?:\s*BTW)?", r"NETTO\s*BEDRAG"],
    "pt": [r"BASE\s*TRIBUT[AÁ]VEL", r"TOTAL\s*L[IÍ]QUIDO", r"INCID[ÊE]NCIA"],
    "sv": [r"DELSUMMA", r"NETTOBELOPP", r"SUMMA\s*EXKL\.?\s*MOMS", r"BELOPP\s*EXKL\.?\s*MOMS"],
    "da": [r"NETTOBEL[ØO][BP]", r"(?:I\s*ALT|BEL[ØO]B)\s*EKSKL\.?\s*MOMS"],
    "pl": [r"RAZEM\s*NETTO", r"SUMA\s*NETTO"],
    "no": [r"SUM\s*EKS\.?\s*MVA"],
    "fi": [r"VEROTON\s*YHTEENS[ÄA]", r"YHTEENS[ÄA]\s*ILMAN\s*ALV"],
    "hu": [r"NETT[ÓO]\s*(?:[ÉE]RT[ÉE]K\s*)?[ÖO]SSZESEN"],
    "cs": [r"CELKEM\s*BEZ\s*DPH"],
    "ro": [r"TOTAL\s*F[ĂA]R[ĂA]\s*TVA"],
    "tr": [r"ARA\s*TOPLAM"],
    "sl": [r"OSNOVA\s*ZA\s*DDV", r"SKUPAJ\s*BREZ\s*DDV"], "hr": [r"OSNOVICA", r"UKUPNO\s*BEZ\s*PDV"],
    "sr": [r"OSNOVICA", r"ОСНОВИЦА"], "bg": [r"ДАН[ЪЧ]ЧНА\s*ОСНОВА", r"СУМА\s*БЕЗ\s*ДДС"],
    "ru": [r"ИТОГО\s*БЕЗ\s*НДС"], "el": [r"ΣΥΝΟΛΟ\s*ΚΑΘΑΡ[ΗΉ]Σ\s*ΑΞ[ΙΊ]ΑΣ", r"ΚΑΘΑΡ[ΗΉ]\s*ΑΞ[ΙΊ]Α"],
    "et": [r"KOKKU\s*ILMA\s*K[ÄA]IBEMAKSUTA", r"MAKSUSTATAV"], "lt": [r"SUMA\s*BE\s*PVM"],
    "id": [r"DASAR\s*PENGENAAN\s*PAJAK", r"\bDPP\b"], "ms": [r"JUMLAH\s*KECIL"], "vi": [r"(?:TỔNG|CỘNG)\s*TIỀN\s*HÀNG"],
    "sk": [r"Z[ÁA]KLAD\s*DANE", r"SPOLU\s*BEZ\s*DPH"], "lv": [r"(?:KOP[ĀA]|SUMMA)\s*BEZ\s*PVN", r"APLIEKAM[ĀA]\s*SUMMA"],
    "ca": [r"BASE\s*IMPOSABLE"], "is": [r"(?:SAMTALS|UPPH[ÆA][ÐD])\s*[ÁA]N\s*VSK"],
    "sq": [r"(?:VLERA|TOTALI)\s*PA\s*TVSH", r"N[ËE]NTOTALI"], "sw": [r"JUMLA\s*NDOGO", r"JUMLA\s*KABLA\s*YA\s*(?:VAT|KODI)"],
    "af": [r"TOTAAL\s*UITSL(?:UITEND)?\.?\s*BTW"], "lb": [r"TOTAL\s*OUNI\s*TVA"], "fil": [r"KABUUANG\s*BENTA", r"VATABLE\s*SALES"],
}

# Column headings of an item table, by the role of their column; whole words only. A heading's
# role is the role of its leftmost match ("Prijs incl. BTW" is a price, "Tax amount" a tax column).
COLUMNS: dict[str, dict[str, list[str]]] = {
    "qty": {
        "ja": [r"数量"], "zh": [r"数量", r"數量"],
        # metered use ("Usage", "Verbrauch") counts units too
        # a lawyer's "Time" is hours worked
        "en": [r"QTY", r"QUANTITY", r"UNITS", r"HOURS", r"HRS", r"PCS", r"USAGE", r"TIME"],
        "de": [r"MENGE", r"ANZAHL", r"ANZ", r"STK", r"STÜCK", r"STUNDEN", r"STD", r"VERBRAUCH"],
        "fr": [r"QTÉ", r"QTE", r"QUANTITÉ", r"QUANTITE", r"NOMBRE", r"NBRE", r"HEURES", r"CONSOMMATION"],
        "es": [r"CANT(?:IDAD)?", r"UNIDADES", r"UDS", r"HORAS", r"CONSUMO"],
        "it": [r"QUANTITÀ", r"QUANTITA", r"Q\.?\s*T[AÀ]", r"ORE", r"PEZZI", r"PZ", r"CONSUMO"],
        "nl": [r"AANTAL", r"AANT", r"UREN", r"HOEVEELHEID", r"STUKS", r"VERBRUIK"],
        "pt": [r"QUANTIDADE", r"QTD[E]?", r"CONSUMO"],
        "sv": [r"ANTAL", r"TIMMAR"], "da": [r"TIMER", r"STK"],
        "pl": [r"[IL]LO[ŚS][ĆC]", r"GODZ"],  # OCR reads its capital I as a small l ("llość")
        "fi": [r"M[ÄA][ÄA]R[ÄA]"], "hu": [r"MENNYIS[ÉE]G"], "cs": [r"MNO[ŽZ]STV[ÍI]"], "ro": [r"CANTITATE"],
        "tr": [r"M[İI]KTAR"], "no": [r"ANTALL"],
        "id": [r"BANYAKNYA", r"KUANTITAS"], "ms": [r"KUANTITI"], "vi": [r"S[ỐO]\s*L[ƯU][ỢO]NG", r"SL(?!\.?\s*N[OR])"],  # ("Sl. No." numbers the lines)
        "el": [r"ΠΟΣ[ΟΌ]ΤΗΤΑ", r"ΠΟΣ\."], "ru": [r"КОЛ(?:ИЧЕСТВО|-ВО|\.)"], "uk": [r"К[ІI]ЛЬК[ІI]СТЬ", r"К[ІI]Л(?:-ТЬ|\.)", r"К-СТЬ"],
        "bg": [r"КОЛИЧЕСТВО", r"К-ВО"], "sr": [r"KOLI[ČC]INA", r"КОЛИЧИНА", r"KOL\."], "et": [r"KOGUS"], "lt": [r"KIEKIS"],
        "lv": [r"DAUDZUMS"], "sk": [r"MNO[ŽZ]STVO"],
        "is": [r"MAGN"], "sq": [r"SASIA"], "sw": [r"IDADI"], "af": [r"HOEVEELHEID", r"AANTAL"], "mt": [r"KWANTIT[ÀA]"],
        "ca": [r"QUANTITAT"], "lb": [r"UNZUEL"], "fil": [r"DAMI"],
    },
    "price": {
        "ja": [r"単価"], "zh": [r"单价", r"單價"],
        "en": [r"RATE", r"PRICE", r"COST", r"UNIT", r"EACH", r"U/P", r"FEE"],
        "de": [r"\w*PREIS", r"E-PREIS", r"SATZ", r"STUNDENSATZ", r"TAGESSATZ"],
        "fr": [r"PRIX", r"P\.\s*U", r"PU", r"TARIF"],
        "es": [r"PRECIO", r"P\.\s*UNITARIO", r"UNITARIO", r"TARIFA"],
        "it": [r"PREZZO", r"UNITARIO", r"TARIFFA"],
        "nl": [r"\w*PRIJS", r"TARIEF", r"UURTARIEF", r"DAGTARIEF"],
        "pt": [r"PREÇO", r"VALOR\s*UNIT[AÁ]RIO"],
        "sv": [r"\w*PRIS", r"[AÀÁ]\s*-?\s*PRIS"], "da": [r"\w*PRIS", r"TIMESATS"], "pl": [r"CENA"],
        "fi": [r"[AÀ]\s*-?\s*HINTA", r"YKSIKK[ÖO]HINTA"], "hu": [r"EGYS[ÉE]G[ÁA]R"], "cs": [r"CENA\s*ZA\s*MJ"],
        "ro": [r"PRE[ȚŢT]\s*UNITAR"], "tr": [r"B[İI]R[İI]M\s*F[İI]YAT"],
        "id": [r"HARGA(?:\s*SATUAN)?"], "ms": [r"HARGA(?:\s*SEUNIT)?"], "vi": [r"ĐƠN\s*GIÁ"],
        "el": [r"ΤΙΜ[ΗΉ](?:\s*ΜΟΝ[ΑΆ]ΔΑΣ)?"], "ru": [r"ЦЕНА"], "uk": [r"Ц[ІI]НА"], "bg": [r"(?:ЕД\.?\s*)?ЦЕНА"],
        "sr": [r"CIJENA", r"CENA", r"ЦЕНА"], "et": [r"(?:[ÜU]HIKU\s*)?HIND"], "lt": [r"KAINA"], "lv": [r"CENA"],
        "is": [r"EININGARVER[ÐD]", r"VER[ÐD]"], "sq": [r"[ÇC]MIMI(?:\s*NJ[ËE]SI)?"], "sw": [r"BEI"], "af": [r"\w*PRYS"],
        "mt": [r"PREZZ"], "ca": [r"PREU"], "lb": [r"PR[ÄA]IS"], "fil": [r"PRESYO"],
    },
    "amount": {
        "ja": [r"金額"], "zh": [r"金额", r"金額"],
        "en": [r"AMOUNT", r"AMT", r"TOTAL", r"NET", r"SUM", r"SUB\s*-?\s*TOTAL", r"LINE\s*TOTAL", r"DEBITS?", r"TAXABLE(?:\s*(?:VALUE|AMOUNT))?"],
        "de": [r"\w*BETRAG", r"GESAMT\w*", r"SUMME", r"BELASTUNG", r"SOLL", r"NETTO", r"\w*WERT"],
        "fr": [r"MONTANT", r"D[ÉE]BIT", r"NET"],
        "es": [r"IMPORTE", r"CARGOS?", r"NETO"],
        "it": [r"IMPORTO", r"TOTALE", r"IMPONIBILE", r"ADDEBITI?", r"NETTO"],
        "nl": [r"BEDRAG", r"TOTAAL", r"SUBTOTAAL", r"DEBET", r"NETTO"],
        "pt": [r"VALOR", r"D[ÉE]BITO", r"L[ÍI]QUIDO"],
        "sv": [r"BELOPP", r"SUMMA"], "da": [r"BEL[ØO][BP]"], "pl": [r"WARTO[ŚS][ĆC]"],
        "fi": [r"YHTEENS[ÄA]"], "hu": [r"[ÉE]RT[ÉE]K", r"[ÖO]SSZEG"], "cs": [r"CELKEM"], "ro": [r"VALOAREA?"],
        "tr": [r"TUTARI?"], "no": [r"BEL[ØO]P"],
        "id": [r"JUMLAH", r"NILAI"], "ms": [r"JUMLAH", r"AMAUN"], "vi": [r"THÀNH\s*TIỀN"],
        "el": [r"(?:ΚΑΘΑΡ[ΗΉ]\s*)?ΑΞ[ΙΊ]Α", r"ΣΥΝΟΛΟ"], "ru": [r"СУММА", r"СТОИМОСТЬ"], "uk": [r"СУМА", r"ВАРТ[ІI]СТЬ"],
        "bg": [r"СТОЙНОСТ", r"СУМА"], "sr": [r"IZNOS", r"VR(?:IJ)?EDNOST", r"ZNESEK", r"ИЗНОС", r"ВРЕДНОСТ"],
        "et": [r"SUMMA", r"KOKKU"], "lt": [r"SUMA"], "lv": [r"SUMMA", r"KOP[ĀA]"], "sk": [r"SUMA", r"SPOLU"],
        "is": [r"UPPH[ÆA][ÐD]", r"SAMTALS"], "sq": [r"VLERA"], "sw": [r"JUMLA", r"KIASI"], "mt": [r"AMMONT"], "ca": [r"IMPORT"],
        "fil": [r"HALAGA", r"KABUUAN"],
    },
    # a folio's payments and deposits, beside its charges: numbers, no item's
    "credit": {
        "en": [r"CREDITS?", r"PAYMENTS?"], "de": [r"GUTSCHRIFT", r"HABEN"], "fr": [r"CR[ÉE]DIT"], "es": [r"ABONOS?"],
        "it": [r"ACCREDITI?"], "nl": [r"CREDIT"], "pt": [r"CR[ÉE]DITO"],
    },
    # the date of each line (a folio's nights): no part of its description
    "date": {
        "en": [r"DATE", r"PERIOD"], "de": [r"DATUM", r"\w*ZEITRAUM"], "fr": [r"DATE", r"P[ÉE]RIODE"],
        "es": [r"FECHA", r"PERIODO"], "it": [r"DATA", r"PERIODO"], "nl": [r"DATUM", r"PERIODE"], "pt": [r"DATA", r"PER[IÍ]ODO"],
        "da": [r"DATO"],
    },
    # who did the work (a lawyer's or consultant's time entries): no part of the description
    "person": {
        "en": [r"BY", r"TIMEKEEPER", r"FEE\s*EARNER", r"STAFF", r"ATTORNEY", r"LAWYER", r"INITIALS"],
        "de": [r"BEARBEITER(?:IN)?", r"MITARBEITER(?:IN)?"], "fr": [r"INTERVENANT"], "nl": [r"MEDEWERKER", r"BEHANDELAAR"],
        "es": [r"PROFESIONAL", r"ABOGADO"], "it": [r"PROFESSIONISTA"],
    },
    # an article number, SKU or product code beside the description: the item's code
    "article": {
        # India's goods and services codes ("HSN/SAC")
        "en": [r"SKU", r"(?:ITEM|PART|PRODUCT|ARTICLE|CATALOG(?:UE)?|STOCK)\s*(?:#|NO\.?|NUMBER|CODE|ID)", r"CODE", r"REF(?:ERENCE)?\.?",
               r"HSN(?:\s*/\s*SAC)?(?:\s*CODE)?", r"SAC"],
        # "GOZ-Nr.", "Geb.-Nr.": a "…-Nr." heading (but "Pos.-Nr.") numbers something; "Ziffer" a fee schedule's item;
        # "Art." abbreviated (beside the article's name)
        "de": [r"ART\.", r"ART(?:IKEL)?\.?\s*-?\s*NR\.?", r"ARTIKELNUMMER", r"BESTELL\s*-?\s*NR\.?", r"(?!POS)[A-ZÄÖÜ]+\.?\s*-\s*NR\.?",
               r"MATERIAL(?:\s*-?\s*NR\.?)?", r"ARTIKEL\s*-?\s*CODE", r"ZIFFER"],
        "fr": [r"R[ÉE]F(?:[ÉE]RENCE)?\.?", r"CODE(?:\s*ARTICLE)?", r"ART\."],
        # Mexico's product key ("Clave ProdServ")
        "es": [r"C[ÓO]D(?:IGO)?\.?", r"REF(?:ERENCIA)?\.?", r"CLAVE\s*PROD\.?\s*(?:/\s*)?SERV\.?"],
        "it": [r"COD(?:ICE)?\.?(?:\s*ARTICOLO)?", r"RIF\.?"],
        "nl": [r"ARTIKEL\s*-?\s*NR\.?", r"ARTIKELNUMMER", r"CODE", r"(?:ARTIKEL|PRODUCT)\s*-?\s*CODE", r"ART\."],
        "sv": [r"ART(?:IKEL)?\.?\s*-?\s*NR\.?", r"(?:ARTIKEL|PRODUKT)\s*-?\s*KOD"],
        "da": [r"VARE\s*-?\s*NR\.?", r"VARENUMMER", r"VARE\s*-?\s*KODE"], "pl": [r"KOD", r"INDEKS"],
        "pt": [r"C[ÓO]D(?:IGO)?\.?", r"REF(?:\.|ER[ÊE]NCIA)?"],
        "id": [r"KODE(?:\s*BARANG)?"], "ms": [r"KOD(?:\s*BARANG)?"],
    },
    # a fee schedule's multiplier ("Faktor 2,3" on a medical bill): neither description nor price
    "factor": {
        "en": [r"FACTOR", r"MULTIPLIER"], "de": [r"FAKTOR", r"STEIGERUNGS(?:SATZ|FAKTOR)"], "fr": [r"COEFF?(?:ICIENT)?\.?"],
        "nl": [r"FACTOR"],
    },
    # the unit of the quantity ("Stk", "h", "kg"): neither description nor number
    "unit": {
        "en": [r"UOM", r"U/M"], "de": [r"EINHEIT", r"ME"], "fr": [r"UNIT[ÉE]"], "es": [r"UNIDAD", r"CLAVE\s*(?:DE\s*)?UNIDAD"], "nl": [r"EENHEID"],
        "it": [r"U\.\s*M\.?", r"UNIT[ÀA]"],
        "sv": [r"ENHET"], "da": [r"ENHED"], "pl": [r"J\.\s*M\.?", r"JEDN(?:OSTKA)?\.?"],
        "fi": [r"YKS\.?"], "cs": [r"MJ"], "ro": [r"U\.\s*M\.?"], "tr": [r"B[İI]R[İI]M"],
        "id": [r"SATUAN"], "vi": [r"ĐƠN\s*VỊ\s*TÍNH", r"ĐVT"],
        "el": [r"Μ\.\s*Μ\."], "ru": [r"ЕД\.?\s*ИЗМ\.?", r"ЕД\."], "uk": [r"ОД\.?\s*ВИМ\.?", r"ОД\."],
        "bg": [r"М\.?\s*ЕД\.?", r"МЯРКА"], "sr": [r"J(?:ED)?\.?\s*M(?:ERE|J)?\.?", r"ЈЕД\.?\s*МЕРЕ", r"EM"],
        "et": [r"[ÜU]HIK"], "lt": [r"MATO\s*VNT\.?", r"VNT\."], "lv": [r"M[ĒE]RV\.?"],
        "is": [r"EINING"], "sq": [r"NJ[ËE]SIA"], "sk": [r"MJ"],
    },
    "desc": {
        "ja": [r"品名", r"品目", r"摘要", r"内容"], "zh": [r"(?:货物|貨物|商品)?名称", r"品名", r"摘要"],
        # a medical bill's "Procedure" / "Treatment" too
        "en": [r"DESC(?:RIPTION)?", r"DETAILS?", r"PARTICULARS", r"PROCEDURE", r"TREATMENT", r"NARRATIVE", r"ACTIVIT(?:Y|IES)"],
        # compounds: "Artikelbezeichnung", "Leistungsbeschreibung", "Artikelname"
        "de": [r"\w*BEZEICHNUNG", r"\w*BESCHREIBUNG", r"LEISTUNG", r"BEHANDLUNG", r"ARTIKEL\s*-?\s*NAME"],
        "fr": [r"D[ÉE]SIGNATION", r"LIBELL[ÉE]", r"DESCRIPTION", r"PRESTATION"],
        "es": [r"DESCRIPCI[ÓO]N", r"CONCEPTO", r"DETALLE", r"PRESTACI[ÓO]N", r"TRATAMIENTO"],
        "it": [r"DESCRIZIONE", r"PRESTAZIONE", r"DETTAGLIO", r"TRATTAMENTO"],
        "nl": [r"OMSCHRIJVING", r"DIENST", r"BEHANDELING"],
        "pt": [r"DESCRIÇÃO", r"DESCRICAO"],
        "sv": [r"BESKRIVNING", r"BEN[ÄA]MNING", r"SPECIFIKATION"], "da": [r"BESKRIVELSE", r"YDELSE"],
        "pl": [r"NAZWA(?:\s*TOWARU)?", r"OPIS"],
        "fi": [r"TUOTE(?:\s*/\s*PALVELU)?", r"NIMIKE", r"KUVAUS"], "hu": [r"MEGNEVEZ[ÉE]S"],
        "cs": [r"OZNA[ČC]EN[ÍI](?:\s*DOD[ÁA]VKY)?", r"POPIS"], "ro": [r"DENUMIREA?", r"DESCRIERE"],
        "tr": [r"MAL\s*/?\s*H[İI]ZMET", r"A[ÇC]IKLAMA"],
        "id": [r"DESKRIPSI", r"KETERANGAN", r"URAIAN", r"NAMA\s*BARANG"], "ms": [r"BUTIRAN", r"PERIHAL", r"KETERANGAN"],
        "vi": [r"TÊN\s*HÀNG\s*HÓA(?:\s*,?\s*DỊCH\s*VỤ)?", r"DIỄN\s*GIẢI", r"MÔ\s*TẢ"],
        "el": [r"ΠΕΡΙΓΡΑΦ[ΗΉ]", r"ΕΙΔΟΣ"], "ru": [r"НАИМЕНОВАНИЕ(?:\s*(?:ТОВАРА|РАБОТ|УСЛУГ)\w*)?", r"ОПИСАНИЕ"],
        "uk": [r"НАЙМЕНУВАННЯ", r"ОПИС"], "bg": [r"НАИМЕНОВАНИЕ", r"ОПИСАНИЕ"], "sr": [r"NAZIV", r"OPIS", r"НАЗИВ", r"ОПИС"],
        "et": [r"KIRJELDUS", r"NIMETUS"], "lt": [r"PAVADINIMAS", r"APRA[ŠS]YMAS"], "lv": [r"NOSAUKUMS", r"APRAKSTS"],
        "sk": [r"N[ÁA]ZOV", r"POPIS"],
        "is": [r"L[ÝY]SING"], "sq": [r"P[ËE]RSHKRIMI"], "sw": [r"MAELEZO", r"BIDHAA"], "af": [r"BESKRYWING"],
        "mt": [r"DESKRIZZJONI"], "ca": [r"DESCRIPCI[ÓO]", r"CONCEPTE"], "lb": [r"BESCHREIWUNG"], "fil": [r"PAGLALARAWAN"],
    },
    "item": {
        "en": [r"ITEMS?", r"PRODUCTS?", r"ARTICLES?", r"SERVICES?", r"POSITION"],
        "de": [r"ARTIKEL", r"PRODUKT"],
        "fr": [r"PRODUIT", r"ARTICLE"],
        "es": [r"ART[ÍI]CULO", r"PRODUCTO", r"SERVICIO"],
        "it": [r"ARTICOLO", r"PRODOTTO", r"SERVIZIO"],
        "nl": [r"ARTIKEL", r"PRODUCT"],
        "pt": [r"PRODUTO", r"ARTIGO"],
        "sv": [r"PRODUKT", r"TJ[ÄA]NST"], "da": [r"VARER?", r"PRODUKT"], "pl": [r"TOWAR", r"US[ŁL]UGA"],
        "ru": [r"ТОВАР[ЫА]?", r"УСЛУГ[АИ]", r"РАБОТ[ЫА]?"], "uk": [r"ТОВАР[ИА]?", r"ПОСЛУГ[АИ]"], "bg": [r"СТОКА", r"УСЛУГА"],
    },
}
# Tax-rate columns ("VAT", "MwSt.", "Aliquota") besides the tax words of the totals.
TAX_COLUMN: dict[str, list[str]] = {"fr": [r"TAUX"], "it": [r"ALIQUOTA"], "es": [r"TIPO"], "pl": [r"STAWKA"]}


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and ideographs: words not set apart by spaces


def compile_words(*fields: dict[str, list[str]]) -> re.Pattern[str]:
    """Like :func:`compile_labels`, each fragment a whole word (no letter before or after it), but
    where it begins or ends in Chinese or Japanese, whose words stand together."""
    parts = [frag for f in fields for fragments in f.values() for frag in fragments]
    return re.compile("|".join(("" if _CJK.match(p) else r"(?<![^\W\d_])") + f"(?:{p})" + ("" if _CJK.search(p[-1:]) else r"(?![^\W\d_])")
                               for p in parts), _I)

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

# The headings of a payment section, alone on their line ("Payment details" over a bank account): no
# party's name.
PAYMENT_SECTION: dict[str, list[str]] = {
    "en": [r"^\W*(?:PAYMENT|BANK(?:ING)?|REMITTANCE)\s*(?:DETAILS|INFORMATION|INFO|INSTRUCTIONS)\W*$"],
    "de": [r"^\W*(?:ZAHLUNGSINFORMATIONEN|BANKVERBINDUNG|ZAHLUNGSHINWEISE?)\W*$"],
    "fr": [r"^\W*(?:COORDONN[ÉE]ES\s*BANCAIRES|INFORMATIONS\s*DE\s*PAIEMENT|MODALIT[ÉE]S\s*DE\s*(?:PAIEMENT|R[ÈE]GLEMENT))\W*$"],
    "es": [r"^\W*(?:DATOS\s*BANCARIOS|DATOS\s*DE\s*PAGO|INFORMACI[ÓO]N\s*DE\s*PAGO)\W*$"],
    "it": [r"^\W*(?:COORDINATE\s*BANCARIE|DATI\s*(?:DI\s*)?PAGAMENTO|MODALIT[ÀA]\s*DI\s*PAGAMENTO)\W*$"],
    "nl": [r"^\W*(?:BETAALGEGEVENS|BETALINGSGEGEVENS|BANKGEGEVENS|BETAALINFORMATIE)\W*$"],
    "pt": [r"^\W*(?:DADOS\s*BANC[ÁA]RIOS|DADOS\s*DE\s*PAGAMENTO)\W*$"],
}

# A letter's or an e-mail's salutation ("Dear Hannah,"): what follows is a person, no party's name.
SALUTATION: dict[str, list[str]] = {
    "en": [r"^\W*(?:DEAR|HELLO|HI)\b"], "de": [r"^\W*(?:SEHR\s*GEEHRTE[RS]?|LIEBE[RS]?|HALLO|GUTEN\s*TAG)\b"],
    "fr": [r"^\W*(?:CH[ÈE]RE?S?|BONJOUR|MADAME|MONSIEUR)\b"], "es": [r"^\W*(?:ESTIMAD[OA]S?|HOLA)\b"],
    "it": [r"^\W*(?:GENTILE|SPETTABILE|CAR[OA]|BUONGIORNO)\b"], "nl": [r"^\W*(?:BESTE|GEACHTE|HALLO)\b"],
    "pt": [r"^\W*(?:PREZAD[OA]S?|CAR[OA]S?|OL[ÁA])\b"],
}

# A letter's or an e-mail's closing ("Kind regards,"): the line under it is the writer's name.
CLOSING: dict[str, list[str]] = {
    "en": [r"^\W*(?:(?:KIND|BEST|WARM)\s*REGARDS|REGARDS|SINCERELY|YOURS\s*(?:SINCERELY|FAITHFULLY|TRULY)|BEST\s*WISHES"
           r"|(?:MANY\s*)?THANKS|THANK\s*YOU)\W*$"],
    "de": [r"^\W*(?:MIT\s*)?(?:FREUNDLICHEN?|BESTEN?|VIELEN?|LIEBEN?)\s*GR[ÜU](?:SS|ß)EN?\W*$"],
    "fr": [r"^\W*(?:(?:BIEN\s*)?CORDIALEMENT|(?:MEILLEURES\s*|SINC[ÈE]RES\s*)?SALUTATIONS|BIEN\s*[ÀA]\s*VOUS)\W*$"],
    "es": [r"^\W*(?:(?:UN\s*)?SALUDOS?(?:\s*CORDIALES?)?|ATENTAMENTE|CORDIALMENTE)\W*$"],
    "it": [r"^\W*(?:(?:CORDIALI|DISTINTI)\s*SALUTI|SALUTI|CORDIALMENTE)\W*$"],
    "nl": [r"^\W*(?:MET\s*)?(?:VRIENDELIJKE\s*)?GROET(?:EN)?\W*$"],
    "pt": [r"^\W*(?:ATENCIOSAMENTE|(?:MELHORES\s*)?CUMPRIMENTOS)\W*$"],
}

# The labels of an e-mail's header as a mail program prints it ("From:", "Sent:", "Subject:"): the
# message's sender, date and subject, not the invoice's.
EMAIL_HEADER: dict[str, list[str]] = {
    "en": [r"FROM", r"TO", r"CC", r"BCC", r"SUBJECT", r"SENT", r"DATE", r"ATTACHMENTS?", r"REPLY-TO"],
    "de": [r"VON", r"AN", r"BETREFF", r"GESENDET", r"DATUM", r"ANLAGEN?", r"ANH[ÄA]NGE?"],
    "fr": [r"DE", r"[ÀA]", r"OBJET", r"ENVOY[ÉE]", r"DATE", r"PI[ÈE]CES?\s*JOINTES?"],
    "es": [r"DE", r"PARA", r"ASUNTO", r"ENVIADO", r"FECHA", r"ADJUNTOS?"],
    "it": [r"DA", r"A", r"OGGETTO", r"INVIATO", r"DATA", r"ALLEGATI?"],
    "nl": [r"VAN", r"AAN", r"ONDERWERP", r"VERZONDEN", r"DATUM", r"BIJLAGEN?"],
    "pt": [r"DE", r"PARA", r"ASSUNTO", r"ENVIADO", r"DATA", r"ANEXOS?"],
}
# ... of which these are an e-mail's alone (a letter or a memo may say "From", "To" and "Date" too)
EMAIL_ONLY: dict[str, list[str]] = {
    "en": [r"SUBJECT", r"SENT", r"CC", r"ATTACHMENTS?"], "de": [r"BETREFF", r"GESENDET"], "fr": [r"OBJET", r"ENVOY[ÉE]"],
    "es": [r"ASUNTO", r"ENVIADO"], "it": [r"OGGETTO", r"INVIATO"], "nl": [r"ONDERWERP", r"VERZONDEN"], "pt": [r"ASSUNTO", r"ENVIADO"],
}

# Legal forms a company's name ends with, besides the receipt rules' own (Ltd, GmbH, SARL, B.V....).
LEGAL_FORMS: dict[str, list[str]] = {
    "de": [r"UG(?:\s*\(HAFTUNGSBESCHR[AÄ]NKT\))?", r"E\.\s*V\.?", r"GBR", r"KGAA"],
    "fr": [r"EURL", r"S\.?A\.?S\.?U?\.?", r"S\.?N\.?C\.?", r"SCI", r"SELARL"],
    "es": [r"S\.?L\.?U?\.?", r"S\.?L\.?L\.?", r"S\.?\s*COOP\.?"],
    "it": [r"S\.?N\.?C\.?", r"S\.?A\.?S\.?", r"S\.?R\.?L\.?S\.?"],
    "nl": [r"V\.?O\.?F\.?", r"C\.?V\.?"],
    "pt": [r"LDA\.?"],
    "cs": [r"S\.\s*R\.\s*O\.?", r"SPOL\.\s*S\s*R\.\s*O\.?", r"A\.\s*S\.", r"V\.\s*O\.\s*S\.?", r"K\.\s*S\."],
    "hu": [r"KFT\.?", r"ZRT\.?", r"NYRT\.?", r"BT\.?", r"KKT\.?"],
    "fi": [r"OYJ?", r"AY", r"KY", r"TMI"],
    "no": [r"ASA", r"ANS", r"ENK"],
    "ro": [r"S\.\s*R\.\s*L\.?", r"S\.\s*C\.\s*S\.?", r"P\.\s*F\.\s*A\.?"],
    "tr": [r"LTD\.?\s*[ŞS]T[İI]\.?", r"A\.\s*[ŞS]\.?"],
    # Vietnam's and Indonesia's forms stand first ("Công ty TNHH …", "PT … Tbk")
    "vi": [r"CÔNG\s*TY(?:\s*(?:CỔ\s*PHẦN|TNHH))?", r"TNHH"], "id": [r"TBK"],
    # Icelandic, Albanian, Afrikaans, Luxembourgish; Latvia's "SIA" stands first ("SIA \"Baltija\"")
    "en": [r"CC", r"DAC", r"CLG"],  # South Africa's close corporation; Irish companies
    "is": [r"E?HF\.?", r"SF\.?"], "sq": [r"SH\.\s*P\.\s*K\.?", r"SH\.\s*A\.?"], "af": [r"\(EDMS\)\s*BPK\.?", r"BPK\.?", r"BK"],
    "lb": [r"S\.?\s*[ÀA]\s*R\.?\s*L\.?"], "lv": [r"SIA"],
    "ja": [r"株式会社", r"有限会社", r"合同会社"],
}

# Honorifics after the addressee's name ("株式会社青葉建設 御中", "山田太郎 様"): the customer, no issuer.
ADDRESSEE: dict[str, list[str]] = {"ja": [r"(?:御中|様|殿)\s*$"]}


_BY_LANGUAGE: dict[str, re.Pattern[str]] = {}


def language_of(text: str) -> str | None:
    """The language whose invoice labels ``text`` uses most (None when it uses none): it decides
    what a language implies, such as the order of day and month in a date."""
    if not _BY_LANGUAGE:
        fields = [INVOICE_NUMBER, INVOICE_DATE, DUE_DATE, OTHER_DATE, CUSTOMER, INVOICE_SUBTOTAL, AMOUNT_DUE, INVOICE_TITLE, QUOTE_TITLE,
                  *COLUMNS.values()]
        for lang in {lang for f in fields for lang in f}:
            _BY_LANGUAGE[lang] = compile_words({lang: [frag for f in fields for frag in f.get(lang, [])]})
    hits = {lang: len(p.findall(text)) for lang, p in _BY_LANGUAGE.items()}
    best = max(hits, key=lambda lang: hits[lang])
    return best if hits[best] else None
