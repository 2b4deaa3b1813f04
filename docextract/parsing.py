"""Locale-aware parsing of the values printed on receipts and invoices: amounts, currencies, dates, times.

Everything here is pure string work (no layout): the rules in :mod:`docextract.rules` call these on the
text of lines and cells. Functions never raise on bad input; they return ``None`` or an empty list.

Amounts::

    >>> parse_amount("1.234,56 €")
    Decimal('1234.56')
    >>> parse_amount("RM 80.90")
    Decimal('80.90')

Dates (day/month order inferred when unambiguous, else ``dayfirst``)::

    >>> parse_date("12/28/2017")
    datetime.date(2017, 12, 28)
    >>> parse_date("3. März 2021")
    datetime.date(2021, 3, 3)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

__all__ = [
    "AmountMatch",
    "DateMatch",
    "TimeMatch",
    "currency_evidence",
    "detect_currency",
    "find_amounts",
    "find_dates",
    "find_times",
    "infer_dayfirst",
    "normalize_text",
    "parse_amount",
    "parse_currency",
    "parse_date",
    "parse_time",
]

# --------------------------------------------------------------------------------------------- text


def normalize_text(text: str, *, printed: bool = False) -> str:
    """Fold width/compatibility forms (full-width digits, ligatures), unify dashes and collapse spaces.
    ``printed``: keep "º", "ª" and dashes (a value as printed, "según presupuesto nº 7778",
    "Office cleaning – monthly")."""
    return re.sub(r"\s+", " ", normalize_chars(text, printed=printed)).strip()


def normalize_chars(text: str, *, printed: bool = False) -> str:
    """:func:`normalize_text` without touching whitespace (keeps character offsets of layout text).

    NFKC is applied per character and only where it keeps the length (full-width digits, "ﬁ" stays).
    Superscript and subscript digits stay ("m²" is no "m2"); "nº" reads "no" (as the label
    lexicon spells it) unless ``printed``.
    """
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        raised = n.isdigit() and unicodedata.decomposition(ch).startswith(("<super>", "<sub>"))
        kept = raised or printed and ch in "ºª"
        out.append(n if len(n) == 1 and not kept else ch)
    return "".join(out) if printed else re.sub(r"[\u2010-\u2015\u2212]", "-", "".join(out))


# ----------------------------------------------------------------------------------------- currency

# Symbols and local abbreviations. Longer keys first at match time, so "US$" wins over "$".
_CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U$S": "USD",
    "S$": "SGD",
    "SG$": "SGD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "R$": "BRL",
    "MX$": "MXN",
    "NT$": "TWD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₱": "PHP",
    "฿": "THB",
    "₫": "VND",
    "₺": "TRY",
    "₽": "RUB",
    "₪": "ILS",
    "₦": "NGN",
    "GH₵": "GHS",
    "GH¢": "GHS",
    "₵": "GHS",
    "KShs": "KES",
    "KSh": "KES",
    "Kshs": "KES",
    "Ksh": "KES",
    "DH": "MAD",  # Morocco's dirham, or the UAE's where the page names the Emirates: currency_evidence decides
    "Dhs": "MAD",
    "TSh": "TZS",
    "Lekë": "ALL",
    "zł": "PLN",
    "Kč": "CZK",
    "Ft": "HUF",
    "lei": "RON",
    "kr": "SEK",  # the crown of Sweden, Denmark, Norway, Iceland: currency_evidence decides which
    "kr.": "SEK",
    "RM": "MYR",
    "Rs": "INR",
    "Rs.": "INR",
    "Rp": "IDR",
    "Fr.": "CHF",
    "RMB": "CNY",
    "円": "JPY",
}

# Symbols read only as printed: "ft" is feet.
_AS_PRINTED = frozenset({"Ft"})
# Letter marks printed after the amount ("626 950 Ft", "12,50 lei", "99 zł"), not before it.
_AFTER_AMOUNTS = frozenset({"Ft", "lei", "zł", "Kč"})

# ISO 4217 codes common on receipts and invoices (a code alone is only trusted from this list).
_ISO_CODES = frozenset(
    "USD EUR GBP JPY CNY INR MYR SGD AUD CAD NZD HKD CHF SEK NOK DKK PLN CZK HUF RON BGN TRY RUB "
    "BRL MXN ARS CLP COP PEN ZAR NGN KES EGP MAD AED SAR QAR KWD BHD OMR ILS IDR THB VND PHP KRW "
    "TWD PKR BDT LKR GHS UGX TZS XOF XAF TND DZD UAH RSD ISK ALL".split()
)

# Currency names in words ("All charges are in US Dollars", "montant en euros").
_CURRENCY_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bU\.?S\.? ?dollars?\b", re.I), "USD"),
    (re.compile(r"\beuros?\b", re.I), "EUR"),
    (re.compile(r"\b(pounds? sterling|british pounds?)\b", re.I), "GBP"),
    (re.compile(r"\b(ringgit)\b", re.I), "MYR"),
    (re.compile(r"\b(rupees?)\b", re.I), "INR"),
    (re.compile(r"\b(singapore dollars?)\b", re.I), "SGD"),
    (re.compile(r"\b(canadian dollars?)\b", re.I), "CAD"),
    (re.compile(r"\b(australian dollars?)\b", re.I), "AUD"),
    (re.compile(r"\bswiss francs?\b", re.I), "CHF"),
    (re.compile(r"\b(?:svenska\s+)?kronor\b", re.I), "SEK"),
    (re.compile(r"\bdanske\s+kroner\b", re.I), "DKK"),
    (re.compile(r"\bnorske\s+kroner\b", re.I), "NOK"),
    (re.compile(r"\bz[łl]ot(?:y|ych|e)\b", re.I), "PLN"),
    (re.compile(r"\bforint(?:ot)?\b", re.I), "HUF"),
    (re.compile(r"\bkorun(?:a|y)?\b", re.I), "CZK"),
    (re.compile(r"\bt[üu]rk\s+liras[ıi]\b", re.I), "TRY"),
    (re.compile(r"\b(?:UAE|emirati)\s+dirhams?\b", re.I), "AED"),
    (re.compile(r"\bsaudi\s+riyals?\b", re.I), "SAR"),
    (re.compile(r"\bqatari?\s+riyals?\b", re.I), "QAR"),
    (re.compile(r"\bomani\s+ria?ls?\b", re.I), "OMR"),
    (re.compile(r"\bbahraini\s+dinars?\b", re.I), "BHD"),
    (re.compile(r"\bkuwaiti\s+dinars?\b", re.I), "KWD"),
    (re.compile(r"\bsouth\s+african\s+rands?\b", re.I), "ZAR"),
]

_SYMBOL_ALT = "|".join(re.escape(s) for s in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True))
# Letter symbols (RM, Rs, Rp, zł...) need word boundaries; "$" and "€" do not.
_CURRENCY_TOKEN = re.compile(
    rf"(?<![A-Za-z])(?:{_SYMBOL_ALT}|{'|'.join(sorted(_ISO_CODES))})(?![A-Za-z])"
)


def strip_currency(text: str) -> str:
    """``text`` with currency symbols and ISO codes blanked out ("EUR 399,00" → "    399,00")."""
    return _CURRENCY_TOKEN.sub(lambda m: " " * len(m.group(0)), text)


def parse_currency(token: str) -> str | None:
    """The ISO 4217 code of one currency token: ``"RM"`` → ``MYR``, ``"€"`` → ``EUR``, ``"usd"`` → ``USD``."""
    t = normalize_text(token).strip(" ()")
    if not t:
        return None
    if t in _CURRENCY_SYMBOLS:
        return _CURRENCY_SYMBOLS[t]
    if t.upper() in _ISO_CODES:
        return t.upper()
    # "RM", "Rs" and friends are printed in any case on receipts.
    for sym, code in _CURRENCY_SYMBOLS.items():
        if sym[0].isalpha() and sym not in _AS_PRINTED and t.lower() == sym.lower():
            return code
    for pattern, code in _CURRENCY_WORDS:
        if pattern.fullmatch(t):
            return code
    return None


# Country and region names an address prints, and the currency of that country. Weak evidence: they
# decide between currencies the page hints at (a bare "$") and give the currency where no amount is
# marked, but never outvote a currency printed with the amounts.
_COUNTRY_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:MALAYSIA|SELANGOR|JOHOR|KUALA\s*LUMPUR|PULAU\s*PINANG|PENANG|PERAK|KEDAH|MELAKA|MALACCA"
                r"|PAHANG|KELANTAN|TERENGGANU|NEGERI\s*SEMBILAN|PERLIS|SABAH|SARAWAK|PUTRAJAYA|LABUAN)\b", re.I), "MYR"),
    (re.compile(r"\bSINGAPORE\b", re.I), "SGD"),
    (re.compile(r"\bAUSTRALIA\b", re.I), "AUD"),
    (re.compile(r"\bCANADA\b", re.I), "CAD"),
    (re.compile(r"\bNEW\s+ZEALAND\b", re.I), "NZD"),
    (re.compile(r"\bHONG\s*KONG\b", re.I), "HKD"),
    (re.compile(r"\bINDONESIA\b", re.I), "IDR"),
    (re.compile(r"\bTHAILAND\b", re.I), "THB"),
    (re.compile(r"\bPHILIPPINES\b", re.I), "PHP"),
    (re.compile(r"\bUNITED\s+KINGDOM\b", re.I), "GBP"),
    (re.compile(r"\b(?:DEUTSCHLAND|GERMANY|FRANCE|NEDERLAND|NETHERLANDS|ESPA[ÑN]A|SPAIN|ITALIA|ITALY|BELGI(?:QUE|[ËE])"
                r"|[ÖO]STERREICH|AUSTRIA|IRELAND|PORTUGAL|FINLAND|SUOMI)\b", re.I), "EUR"),
    (re.compile(r"\b(?:SCHWEIZ|SUISSE|SVIZZERA|SWITZERLAND)\b", re.I), "CHF"),
    (re.compile(r"\b(?:UNITED\s+STATES|U\.S\.A\.?|USA)\b"), "USD"),
    (re.compile(r"\b(?:SVERIGE|SWEDEN)\b", re.I), "SEK"),
    (re.compile(r"\b(?:DANMARK|DENMARK)\b", re.I), "DKK"),
    (re.compile(r"\b(?:NORGE|NORWAY)\b", re.I), "NOK"),
    (re.compile(r"\b(?:[IÍ]SLAND|ICELAND)\b", re.I), "ISK"),
    (re.compile(r"\b(?:POLSKA|POLAND)\b", re.I), "PLN"),
    (re.compile(r"\b(?:MAGYARORSZ[ÁA]G|HUNGARY)\b", re.I), "HUF"),
    (re.compile(r"\b(?:[ČC]ESK[ÁA]\s+REPUBLIKA|[ČC]ESKO|CZECHIA|CZECH\s+REPUBLIC)\b", re.I), "CZK"),
    (re.compile(r"\b(?:ROM[ÂA]NIA|ROMANIA)\b", re.I), "RON"),
    (re.compile(r"\b(?:T[ÜU]RK[İI]YE|TURKEY)\b", re.I), "TRY"),
    (re.compile(r"\bKENYA\b", re.I), "KES"),
    (re.compile(r"\bNIGERIA\b", re.I), "NGN"),
    (re.compile(r"\bGHANA\b", re.I), "GHS"),
    (re.compile(r"\b(?:MAROC|MOROCCO)\b", re.I), "MAD"),
    (re.compile(r"\bSOUTH\s+AFRICA\b", re.I), "ZAR"),
    (re.compile(r"\bVI[ỆE]T\s*NAM\b", re.I), "VND"),
    (re.compile(r"\b(?:SLOVENSKO|SLOVAKIA|LATVIJA|LATVIA|ANDORRA|MALTA|LUXEMBOURG|L[ËE]TZEBUERG|LUXEMBURG)\b", re.I), "EUR"),
    (re.compile(r"\b(?:SHQIP[ËE]RI[AË]?|ALBANIA)\b", re.I), "ALL"),
    (re.compile(r"\bTANZANIA\b", re.I), "TZS"),
    (re.compile(r"\bUGANDA\b", re.I), "UGX"),
    (re.compile(r"\bSUID-?\s*AFRIKA\b", re.I), "ZAR"),
    (re.compile(r"\bPILIPINAS\b", re.I), "PHP"),
    (re.compile(r"\b(?:U\.?A\.?E\.?|UNITED\s+ARAB\s+EMIRATES|DUBAI|ABU\s+DHABI|SHARJAH|AJMAN)\b"), "AED"),
    (re.compile(r"\b(?:SAUDI\s+ARABIA|KINGDOM\s+OF\s+SAUDI|RIYADH|JEDDAH|DAMMAM)\b", re.I), "SAR"),
    (re.compile(r"\b(?:QATAR|DOHA)\b", re.I), "QAR"),
    (re.compile(r"\b(?:BAHRAIN|MANAMA)\b", re.I), "BHD"),
    (re.compile(r"\b(?:SULTANATE\s+OF\s+OMAN|OMAN|MUSCAT)\b", re.I), "OMR"),
    (re.compile(r"\bKUWAIT\b", re.I), "KWD"),
    (re.compile(r"\bCHINA\b|中国", re.I), "CNY"),
    (re.compile(r"\bJAPAN\b|日本", re.I), "JPY"),
]
# A tax or business number in its country's own form names the country, and so which dollar or
# peso a bare "$" is, wherever it stands (a Chilean R.U.T. "76.872.853-4", an Argentine CUIT, a
# Mexican RFC, a Brazilian CNPJ, an Australian ABN, a New Zealand NZBN, a Canadian business number
# "123456789 RT0001"); alone it is no evidence of the currency.
_TAX_ID_COUNTRY: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bR\.?\s?U\.?\s?T\.?\s*:?\s*\d{1,2}\.\d{3}\.\d{3}-[\dK]\b", re.I), "CLP"),
    (re.compile(r"\bC\.?U\.?I\.?T\.?\s*:?\s*\d{2}-?\d{8}-?\d\b", re.I), "ARS"),
    (re.compile(r"\bR\.?F\.?C\.?\s*:?\s*[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}\b"), "MXN"),
    (re.compile(r"\bCNPJ\s*:?\s*\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}\b", re.I), "BRL"),
    (re.compile(r"\bABN\s*:?\s*\d{2}\s?\d{3}\s?\d{3}\s?\d{3}\b"), "AUD"),
    (re.compile(r"\bNZBN\s*:?\s*\d{13}\b"), "NZD"),
    (re.compile(r"\b\d{9}\s?RT\s?\d{4}\b"), "CAD"),
    # so does a state and its postcode: Australia's ("Hobart TAS 7000"), a Canadian province's ("ON K1P 6F5")
    (re.compile(r"\b(?:NSW|VIC|QLD|TAS|SA|WA|ACT|NT)\s+\d{4}\b"), "AUD"),
    (re.compile(r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"), "CAD"),
]
# Currencies written with a bare "$" (their own marks, "A$", "NZ$", "MX$", are rarer than the sign alone).
_DOLLARS = frozenset("USD CAD AUD NZD SGD HKD MXN ARS CLP COP TWD".split())
# Which crown a page's "kr" is when no country says: words only its language uses.
_CROWN_LANGUAGE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:KRONOR|FAKTURADATUM|F[ÖO]RFALLO(?:DAG|DATUM)|ATT\s+BETALA|BANKGIRO|PLUSGIRO|BELOPP)\b", re.I), "SEK"),
    (re.compile(r"\b(?:FAKTURADATO|FORFALDS?DATO|AT\s+BETALE|BEL[ØO]B|CVR|I\s+ALT)\b", re.I), "DKK"),
    (re.compile(r"\b(?:FORFALLSDATO|Å\s+BETALE|BEL[ØO]P|MVA)\b", re.I), "NOK"),
    (re.compile(r"\b(?:REIKNINGUR|GJALDDAGI|VSK|GREI[ÐD]SLU|SAMTALS|UPPH[ÆA][ÐD])\b", re.I), "ISK"),
]
_PARTS = re.compile(r"\s+[·•|]\s+")
# An amount as a currency mark stands next to it: digits with cents, or a whole number that is no id.
_AMOUNT_AFTER = re.compile(r"[ \t]*[.:]?[ \t]?-?(?:\d{1,3}(?:[,.' ]\d{3})*|\d+)(?:[.,]\d{2}|[.,]\d{3}(?!\d)|[.,]-)?(?![\w/\-])")
_AMOUNT_BEFORE = re.compile(r"(?<![\w/\-])-?\d+[.,]\d{2}[ \t]?$")
# A money mark glued to the label before it by OCR ("TOTALRM12.50"); capitals only.
_GLUED_MARK = re.compile(r"(?<=[A-Z])(RM|MYR|EUR|USD|SGD|GBP)(?=\d+[.,]\d{2}(?!\d))")

# Weights of the evidence kinds (see detect_currency).
_BY_AMOUNT = 3.0
_UNIT_MARK = 3.0
_HEADING = 2.0
_WORDS = 3.0
_SYMBOL = 3.0
_STRAY_SIGN = 1.0
_DOLLAR = 1.5
_CODE_WHOLE = 1.0
_COUNTRY = 1.5
_RAND = re.compile(r"(?<![^\W\d_])R(?=[ \t]?\d)")
# Simplified Chinese words of an invoice (a fapiao, the yuan, its tax; Japanese writes 金額, 合計, 円)
_CHINESE = re.compile(r"发票|人民币|元|税额|价税合计|合计|金额")
# Afrikaans words, and South Africa's "(Pty) Ltd" in brackets (Australia's stands without them)
_SOUTH_AFRICAN = re.compile(r"\b(?:BELASTINGFAKTUUR|FAKTUURNOMMER|VERSKULDIG|BEDRAG|BESKRYWING|EDMS|BPK)\b|\(PTY\)", re.I)
# Less than this in all is no evidence (a code before one short number).
_MIN_VOTES = 1.5


def currency_evidence(text: str) -> dict[str, float]:
    """Votes for each currency a text marks, weighted by how strongly it marks it.

    * a currency sign (``€``, ``£``, ``₹``...) beside an amount with cents or as a column heading: strong,
      elsewhere weak (OCR reads a digit as one); a bare ``$``: weaker (many countries use it; the
      country the page names decides which dollar it is);
    * a letter mark (``RM``, ``Rs``, an ISO code in capitals) next to an amount (``RM12.00``, ``RM 12.00``,
      ``12.00 RM``, ``EUR: 399``), as a unit in parentheses (``AMOUNT (RM)``), after a "currency" label,
      or as a column heading (a row that is the mark alone or with heading words: ``QTY  PRICE  RM``);
      an ISO code before a short whole number is weak ("EUR 399", but also a product code), before a
      longer one no evidence;
    * currency names in words ("ringgit", "US dollars");
    * country and region names (weak, once per country).

    Letter marks inside words or names ("SDN BHD", "PENWORKS") and codes before a product number are not
    counted: a code must stand next to a money amount, not any number.
    """
    votes: dict[str, float] = {}

    def vote(code: str, weight: float) -> None:
        votes[code] = votes.get(code, 0.0) + weight

    text = normalize_chars(text)  # keep line breaks: "SDN BHD\n12 JALAN" is not 12 dinars
    dollars = crowns = dirhams = rands = yens = 0.0
    for line in text.split("\n"):
        words = re.split(r"[\s/]+", line.strip()) if line.strip() else []
        rands += sum(_BY_AMOUNT for m in _RAND.finditer(line) if _beside_cents(line, m.start(), m.end()))
        for m in _GLUED_MARK.finditer(line):
            code = parse_currency(m.group(1))
            if code:
                vote(code, _BY_AMOUNT)
        for m in _CURRENCY_TOKEN.finditer(line):
            tok = m.group(0)
            code = parse_currency(tok)
            if code is None:
                continue
            if not tok[0].isalpha():
                if tok == "$":
                    dollars += _DOLLAR
                elif tok == "¥":
                    yens += _SYMBOL if _beside_cents(line, m.start(), m.end()) or _AMOUNT_AFTER.match(line[m.end():]) else _STRAY_SIGN
                elif _beside_cents(line, m.start(), m.end()) or _heading(words, tok):
                    vote(code, _SYMBOL)
                else:
                    vote(code, _STRAY_SIGN)  # a sign by a whole number or alone: OCR reads digits as signs too
                continue
            if tok.upper() in _ISO_CODES and tok != tok.upper():
                continue  # "Eur", "usd" in prose are too rare to weigh against words that look like them
            if tok in ("DH", "Dhs") and (_beside_cents(line, m.start(), m.end()) or _AMOUNT_AFTER.match(line[m.end():])):
                dirhams += _BY_AMOUNT
                continue
            if tok.lower().rstrip(".") == "kr":
                bracketed = re.search(r"[(\[]\s*$", line[: m.start()]) and re.match(r"\s*[)\]]", line[m.end() :])
                # Iceland's crowns have no cents: "43.716 kr." (thousands grouped) is an amount too
                by_amount = _beside_cents(line, m.start(), m.end()) or re.search(r"\d{1,3}(?:[.,' ]\d{3})+[ \t]?$", line[: m.start()])
                crowns += _BY_AMOUNT if by_amount else _UNIT_MARK if bracketed else 0.0
                continue
            before, after = line[: m.start()], line[m.end() :]
            near = _AMOUNT_AFTER.match(after)
            if _beside_cents(line, m.start(), m.end()):
                vote(code, _BY_AMOUNT)
            elif near and tok.upper() not in _ISO_CODES:
                vote(code, _BY_AMOUNT)  # a price in whole units ("Rs 2480", "RM 5")
            elif tok in _AFTER_AMOUNTS and re.search(r"\d[ \t]?$", before):
                vote(code, _BY_AMOUNT)  # after one, where the mark is printed after amounts ("626 950 Ft")
            elif re.search(r"(?<![\d.,])\d{1,3}(?:[.,' \u202f]\d{3})+[ \t]?$", before):
                vote(code, _BY_AMOUNT)  # after a whole amount in thousands ("171.500 ISK"): money without cents
            elif near and len(re.sub(r"\D", "", near.group(0))) <= 3:
                vote(code, _CODE_WHOLE)  # "EUR 399", or a product code "ABC 123": weak alone
            elif re.search(r"[(\[]\s*$", before) and re.match(r"\s*[)\]]", after):
                vote(code, _UNIT_MARK)
            elif _after_label(line, m.start()):
                vote(code, _UNIT_MARK)
            elif _heading(words, tok) and (len(words) == 1 or tok.upper() == tok):
                vote(code, _HEADING)
            elif tok.upper() not in _ISO_CODES and not after.strip() and not re.search(r"\d", line) and len(words) <= 4:
                # a till's own mark ending a label row, the amount printed under it ("NETT TOTAL RM");
                # never an ISO code, which ends names too ("... SDN BHD")
                vote(code, _HEADING)
    for pattern, code in _CURRENCY_WORDS:
        hits = len(pattern.findall(text))
        if hits:
            vote(code, _WORDS * hits)
    # A footer or sender line joins an address's parts with dots or bars ("Name · Street · Town · Country").
    parts = [part for line in text.split("\n") for part in _PARTS.split(line)]
    countries = {code for part in parts if _address_line(part) for pattern, code in _COUNTRY_WORDS if pattern.search(part)}
    for code in countries:
        vote(code, _COUNTRY)
    if crowns:
        # "kr" is the crown of the country the page names, else of the language its labels are in
        local = [c for c in countries if c in ("SEK", "DKK", "NOK", "ISK")]
        spoken = sorted(((len(pattern.findall(text)), code) for pattern, code in _CROWN_LANGUAGE), reverse=True)
        told = spoken[0][0] > spoken[1][0]  # one language's words outnumber the others' (Norwegian and Danish share some)
        vote(local[0] if len(local) == 1 else spoken[0][1] if told else "SEK", crowns)
    # "R 1 234,56": the rand where the page names South Africa or speaks Afrikaans (a bare "R" before
    # an amount is too common a letter to count alone: OCR splits "RM", a column reads "R")
    if rands and ("ZAR" in countries or _SOUTH_AFRICAN.search(text)):
        vote("ZAR", rands)
    if dirhams:
        vote("AED" if "AED" in countries else "MAD", dirhams)  # the Emirates' dirham where the page names them
    if yens:
        # "¥" is the yuan's sign too: China's where the page names China or speaks simplified Chinese
        vote("CNY" if "CNY" in countries or _CHINESE.search(text) else "JPY", yens)
    if dollars:
        # "$" is the sign of the named country's currency, or of the one dollar the page names by its
        # code or in words ("Total CAD  $3,696.83"), else of the US dollar; never of a currency with a
        # sign of its own (an invoice from Spain in dollars is in US dollars).
        ids = {code for pattern, code in _TAX_ID_COUNTRY if pattern.search(text)}
        local = {c for c in countries | ids if c not in ("USD", "EUR", "GBP", "CHF")}
        local |= {c for c, w in votes.items() if c in _DOLLARS - {"USD"} and w >= _HEADING}
        vote(local.pop() if len(local) == 1 else "USD", dollars)
    return votes


def _heading(words: list[str], tok: str) -> bool:
    """Whether a row's words are the currency mark and column headings only ("DESCRIPTION  QTY  RM")."""
    heading = _heading_word()
    return bool(words) and all(w == tok or heading.fullmatch(w.strip("()[]:")) for w in words)


@cache
def _heading_word() -> re.Pattern[str]:
    """One word of a column heading: the label lexicon's column, item-header and tax words (any
    language), or a mark set between headings."""
    from docextract.rules import lexicon  # data only; imported late, as the rules import this module

    fragments = [f for role in lexicon.COLUMNS.values() for group in role.values() for f in group]
    fragments += [f for lex in (lexicon.ITEM_HEADER_WORDS, lexicon.TAX_COLUMN, lexicon.TAX_WORDS) for group in lex.values() for f in group]
    return re.compile("|".join(f"(?:{f})" for f in fragments) + r"|[@x&/|:.\-]", re.I)


def _beside_cents(line: str, start: int, end: int) -> bool:
    """Whether an amount with cents stands right after or before ``line[start:end]`` (a code before a
    dollar sign and its amount too: "NZD $3,552.04")."""
    near = _AMOUNT_AFTER.match(re.sub(r"^[ \t]?\$", "", line[end:]))
    return bool(near and re.search(r"[.,]\d|[.,]-", near.group(0))) or bool(_AMOUNT_BEFORE.search(line[:start]))


def _address_line(line: str) -> bool:
    """Whether a line reads as part of an address (a postcode, a comma before the place, or the place
    alone), where a country or region name names where the shop is, not a product's origin."""
    line = line.strip()
    return bool(re.search(r"(?<![\d.,])\d{4,6}(?![\d.,])|,\s*[^\W\d_][^,]*$", line)) or bool(
        re.fullmatch(r"[^\W\d_][^\W\d_ .]*(?:\s+[^\W\d_.]+)?\.?", line)
    )


def detect_currency(text: str) -> str | None:
    """The currency a text marks most strongly (:func:`currency_evidence`); ``None`` when none is."""
    votes = currency_evidence(text)
    if not votes:
        return None
    code, weight = max(votes.items(), key=lambda kv: kv[1])
    return code if weight >= _MIN_VOTES else None


def _after_label(text: str, pos: int) -> bool:
    return bool(re.search(r"(?:CURRENCY|DEVISE|WÄHRUNG|VALUTA|MONEDA|MOEDA)\W{0,3}$", text[max(0, pos - 14) : pos], re.I))


# ------------------------------------------------------------------------------------------ amounts


@dataclass(frozen=True)
class AmountMatch:
    """An amount found in a text: its value, span, currency (if marked) and whether it had decimals."""

    value: Decimal
    start: int
    end: int
    text: str
    currency: str | None = None
    has_decimals: bool = True


# A number with optional thousands groups and decimals, e.g. 1,234.56 / 1.234,56 / 1 234,56 / 80.90 /
# 2480 / -9,32 / 9.32- (trailing minus on some tills). Groups use , . space, apostrophe or thin space.
# Cents without the leading zero (".01", "-.02": some tills print roundings so) count too, and
# India's lakh grouping ("4,16,686.00": the last group of three, the others of two).
_LAKHS = r"\d{1,2}(?:,\d{2})+,\d{3}"
_NUM = r"(?:" + _LAKHS + r"|\d{1,3}(?:[,.'\u202f\u00a0]\d{3}|(?<! ) (?! )\d{3})+|\d+)(?:[.,]\d{1,2}(?!\d))?|(?<![\w.,])\.\d{2}(?![\d.,])"
_AMOUNT = re.compile(
    rf"(?P<neg1>[-(])?\s?(?P<cur1>{_SYMBOL_ALT})?\s?(?P<neg2>-)?\s?(?P<num>{_NUM})(?P<neg3>-)?\s?"
    rf"(?P<cur2>€|£|\$|₹|₺|zł|Kč|Ft|lei|EUR|USD|GBP|MYR|RM|CHF|kr)?(?P<close>\))?",
)


def _to_decimal(num: str, decimal_sep: str | None = None) -> tuple[Decimal, bool] | None:
    """Interpret one numeric token. Returns (value, had_decimals) or None.

    The decimal separator is the last ``.`` or ``,`` when 1-2 digits follow it; three digits after a
    single separator mean thousands (``1,234`` / ``1.234``) unless ``decimal_sep`` says otherwise.
    """
    s = num.replace("\u202f", " ").replace("\u00a0", " ").replace("'", " ").strip()
    m = re.search(r"[.,](\d+)$", s)
    has_dec = False
    if m:
        sep = s[m.start()]
        ndig = len(m.group(1))
        if ndig in (1, 2) or (ndig == 3 and decimal_sep == sep and s.count(sep) == 1):
            int_part, frac = s[: m.start()], m.group(1)
            has_dec = True
        else:
            int_part, frac = s, ""
    else:
        int_part, frac = s, ""
    int_digits = re.sub(r"[.,\s]", "", int_part) or ("0" if has_dec else "")
    if not int_digits.isdigit():
        return None
    # Thousands groups must be 3 digits; "12.34.56" is not an amount (dates, ids); lakhs group by two.
    groups = re.split(r"[.,\s]", int_part)
    lakhs = re.fullmatch(_LAKHS, int_part) is not None
    if len(groups) > 1 and not lakhs and (not all(len(g) == 3 for g in groups[1:]) or len(groups[0]) > 3):
        return None
    try:
        return Decimal(f"{int_digits}.{frac}" if frac else int_digits), has_dec
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        return None


# "RMO.02", "2l.85", "1O.00": an amount with cents where OCR read a digit as a look-alike letter. Only
# tokens with two decimals, mostly real digits, standing alone or after a currency, are read as digits.
_AMOUNT_LOOKALIKE = re.compile(
    r"(?:(?<=RM)|(?<=[$€£])|(?<![A-Za-z0-9]))[0-9OolI|]{1,4}[.,][0-9OolI|]{2}(?![0-9A-Za-z|])"
)
_AMOUNT_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})


def _fix_amount_lookalikes(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        digits = sum(c.isdigit() for c in tok)
        wrong = len(tok) - digits - 1
        if wrong == 0 or digits < 2 or wrong > 1 or tok.endswith("l"):
            return tok  # "0,5l", "1.5l": a volume in litres, not 0.51
        return tok.translate(_AMOUNT_DIGITS)

    return _AMOUNT_LOOKALIKE.sub(fix, text)


# A unit of measure glued to a number ("0,5l", "1.5kg", "330ml", "12oz") makes it a measure.
_UNIT = re.compile(
    r"(?:[mcd]?[lL]|ML|CL|[kKm]?g|KG|lbs?|LBS?|oz|OZ|[cmk]?m"
    # (and after a space, the measures no money is written with: "32.252 gal", "1 250 kWh")
    r"|\s(?i:gal(?:lons?)?|lit(?:re|er)s?|ltrs?|tonnes?|m³|m3|kWh))(?![A-Za-z0-9])"
)


def find_amounts(
    text: str, *, require_decimals: bool = False, decimal_sep: str | None = None
) -> list[AmountMatch]:
    """All amounts in a text, left to right.

    Integers without decimals and without a currency mark are only returned when
    ``require_decimals`` is False (quantities and ids look like that too). Numbers that are part of a
    date, a time, a percentage or a longer id (``CS00012345``) are skipped.
    """
    text = _fix_amount_lookalikes(normalize_chars(text))
    out: list[AmountMatch] = []
    for m in _AMOUNT.finditer(text):
        num = m.group("num")
        s, e = m.start("num"), m.end("num")
        # Skip digits glued to letters (ids like "E8318", "OR1803"), and pieces of dates/times/percents.
        before = text[max(0, s - 1) : s]
        after = text[e : e + 1]
        # "3X4.20" and "2@1.50" are qty x price: the x/@ is a separator, not part of an id.
        glued = before.isalnum() and not (before in "xX" and text[max(0, s - 2) : s - 1].isdigit())
        # "12.34.56": a number continuing another one through a separator is a date or an id.
        chained = before in ".," and text[max(0, s - 2) : s - 1].isdigit()
        # ... but an ISO code glued before an amount with cents is its currency ("GBP1,740.00")
        code = text[max(0, s - 3) : s]
        coded = (glued and code in _ISO_CODES and not text[max(0, s - 4) : max(0, s - 3)].isalpha()
                 and re.search(r"[.,]\d{2}$", num) is not None)
        # ... and a lone "R" glued before one (the rand's "R8,605.38"; which currency the page's
        # evidence says, the mark alone names none)
        rand = (before == "R" and not text[max(0, s - 2) : s - 1].isalnum() and re.search(r"[.,]\d{2}$", num) is not None)
        if before and (glued or chained or before in "/:#") and not m.group("cur1") and not coded and not rand:
            continue
        if after in ("/", ":", "%") or (after and after.isdigit()) or re.match(r"\s%", text[e : e + 2]):
            continue  # "5,5 %" is a rate, as "21%" is
        if _UNIT.match(text, e):
            continue  # "0,5l", "1.5kg", "330ml": a measure
        if after == "." and re.match(r"\.\d", text[e : e + 2]):
            continue
        if re.match(r"[.,-]\d", text[e : e + 2]) and not m.group("neg3"):
            continue  # "12-06-2018", "1.2.3"
        parsed = _to_decimal(num.strip(), decimal_sep)
        if parsed is None:
            continue
        value, has_dec = parsed
        cur_tok = m.group("cur1") or m.group("cur2") or (code if coded else None)
        currency = parse_currency(cur_tok) if cur_tok else None
        if require_decimals and not has_dec and currency is None:
            continue
        neg = bool(m.group("neg2") or m.group("neg3") or (m.group("neg1") == "-"))
        neg = neg or (m.group("neg1") == "(" and m.group("close") == ")")
        if neg:
            value = -value
        start = m.start("cur1") if m.group("cur1") else s - 3 if coded else s - 1 if rand else s
        out.append(AmountMatch(value, start, m.end(), text[start : m.start()] + m.group(0).strip(), currency, has_dec))
    return out


def parse_amount(text: str, *, decimal_sep: str | None = None) -> Decimal | None:
    """The amount a short text (a cell, a value) stands for, or None.

    Handles ``1.234,56``, ``1,234.56``, ``1 234,56``, ``RM 80.90``, ``$7.25``, ``-9,32 €``, ``(12.00)``,
    ``9.32-``. When a text holds several amounts, the last one is taken (the value of ``qty x price``
    rows and labels like ``TOTAL 12.00``).
    """
    found = find_amounts(text, decimal_sep=decimal_sep)
    return found[-1].value if found else None


# -------------------------------------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {}


def _add_months(names: str) -> None:
    for i, group in enumerate(names.split(";"), start=1):
        for name in group.split(","):
            name = name.strip().lower()
            if name:
                _MONTHS[name] = i


# English, French, German, Dutch, Spanish, Italian, Portuguese, Malay (with common abbreviations); Nordic and Polish below.
_add_months(
    "january,jan;february,feb;march,mar;april,apr;may;june,jun;july,jul;august,aug;"
    "september,sep,sept;october,oct;november,nov;december,dec"
)
_add_months(
    "janvier,janv;février,fevrier,févr,fevr,fév;mars;avril,avr;mai;juin;juillet,juil;août,aout;"
    "septembre;octobre;novembre;décembre,decembre,déc"
)
_add_months("januar,jän,jänner;februar;märz,maerz,mrz;april;mai;juni;juli;august;september;oktober,okt;november;dezember,dez")
_add_months("januari;februari;maart,mrt;april;mei;juni;juli;augustus;september;oktober;november;december")
_add_months(
    "enero,ene;febrero;marzo;abril,abr;mayo;junio;julio;agosto,ago;septiembre,setiembre,set;octubre;"
    "noviembre;diciembre,dic"
)
_add_months("gennaio,gen;febbraio;marzo;aprile;maggio,mag;giugno,giu;luglio,lug;agosto;settembre;ottobre,ott;novembre;dicembre")
_add_months("janeiro;fevereiro,fev;março,marco;abril;maio;junho;julho;agosto;setembro;outubro,out;novembro;dezembro")
_add_months("januari;februari;mac;april;mei;jun;julai;ogos,ogo;september;oktober;november;disember,dis")
# Swedish, Danish and Norwegian, Polish (the genitive of dates, "23 marca 2025", and the nominative).
_add_months("januari;februari;mars;april;maj;juni;juli;augusti;september;oktober;november;december")
_add_months("januar;februar;marts;april;maj;juni;juli;august;september;oktober;november;desember")
# Finnish (and its partitive, "6. lokakuuta 2023"), Hungarian, Czech (genitive and nominative), Romanian, Turkish.
_add_months(
    "tammikuu,tammikuuta;helmikuu,helmikuuta;maaliskuu,maaliskuuta;huhtikuu,huhtikuuta;toukokuu,toukokuuta;"
    "kesäkuu,kesäkuuta;heinäkuu,heinäkuuta;elokuu,elokuuta;syyskuu,syyskuuta;lokakuu,lokakuuta;"
    "marraskuu,marraskuuta;joulukuu,joulukuuta"
)
_add_months(
    "január;február,febr;március,márc;április,ápr;május,máj;június,jún;július,júl;augusztus;szeptember,szept;"
    "október;november;december"
)
_add_months(
    "ledna,leden;února,únor;března,březen;dubna,duben;května,květen;června,červen;července,červenec;srpna,srpen;"
    "září;října,říjen;listopadu,listopad;prosince,prosinec"
)
_add_months("ianuarie;februarie;martie;aprilie;mai;iunie;iulie;august;septembrie;octombrie;noiembrie;decembrie")
_add_months("ocak;şubat,subat;mart;nisan;mayıs,mayis;haziran;temmuz;ağustos,agustos;eylül,eylul;ekim;kasım,kasim;aralık,aralik")
_add_months(
    "stycznia,styczeń,sty;lutego,luty,lut;marca,marzec;kwietnia,kwiecień,kwi;maja;czerwca,czerwiec,cze;"
    "lipca,lipiec,lip;sierpnia,sierpień;września,wrzesień,wrz;października,październik,paź;listopada,listopad;"
    "grudnia,grudzień,gru"
)

# Russian, Ukrainian and Bulgarian (genitive, "5 ноября 2026 г.", and nominative), Greek (genitive, with and
# without accents), Slovenian, Serbian (both scripts), Croatian and Estonian. Croatian's "listopad" is
# October where Czech and Polish have November: it is left out.
_add_months(
    "января,январь,янв;февраля,февраль,фев;марта,март,мар;апреля,апрель,апр;мая,май;июня,июнь,июн;"
    "июля,июль,июл;августа,август,авг;сентября,сентябрь,сен,сент;октября,октябрь,окт;ноября,ноябрь,ноя;"
    "декабря,декабрь,дек"
)
_add_months("січня;лютого;березня;квітня;травня;червня;липня;серпня;вересня;жовтня;листопада;грудня")
_add_months("януари;февруари;март;април;май;юни;юли;август;септември;октомври;ноември;декември")
_add_months(
    "ιανουαρίου,ιανουαριου;φεβρουαρίου,φεβρουαριου;μαρτίου,μαρτιου;απριλίου,απριλιου;μαΐου,μαιου;"
    "ιουνίου,ιουνιου;ιουλίου,ιουλιου;αυγούστου,αυγουστου;σεπτεμβρίου,σεπτεμβριου;οκτωβρίου,οκτωβριου;"
    "νοεμβρίου,νοεμβριου;δεκεμβρίου,δεκεμβριου"
)
_add_months(
    "januar,januarja;februar,februarja;marec,marca;april,aprila;maj,maja;junij,junija;julij,julija;"
    "avgust,avgusta;september,septembra;oktober,oktobra;november,novembra;december,decembra"
)
_add_months("januar;februar;mart;april;maj;jun;jul;avgust;septembar;oktobar;novembar;decembar")
_add_months("јануар;фебруар;март;април;мај;јун;јул;август;септембар;октобар;новембар;децембар")
_add_months("siječnja;veljače;ožujka;travnja;svibnja;lipnja;srpnja;kolovoza;rujna;;studenoga,studenog;prosinca")
_add_months("jaanuar;veebruar;märts;aprill;mai;juuni;juuli;august;september;oktoober;november;detsember")
# Indonesian (Malay's are above)
_add_months("januari;februari;maret;april;mei;juni;juli;agustus,agu,agt;september;oktober,okt;november;desember,des")
# Slovak (genitive and nominative), Latvian, Catalan, Icelandic, Albanian, Swahili, Afrikaans, Maltese,
# Luxembourgish and Filipino.
_add_months(
    "januára,január;februára,február;marca;apríla;mája;júna;júla;augusta;septembra;októbra;novembra;decembra"
)
_add_months("janvāris,janvārī;februāris;marts;aprīlis;maijs;jūnijs;jūlijs;augusts;septembris;oktobris;novembris;decembris")
_add_months("gener;febrer;març;abril;maig;juny;juliol;agost;setembre;octubre;novembre;desembre")
_add_months("janúar;febrúar;mars;apríl;maí;júní;júlí;ágúst;september;október;nóvember;desember")
_add_months("janar;shkurt;mars;prill;maj;qershor;korrik;gusht;shtator;tetor;nëntor;dhjetor")
_add_months("januari;februari;machi;aprili;mei;juni;julai;agosti;septemba;oktoba;novemba;desemba")
_add_months("januarie;februarie;maart;april;mei;junie;julie;augustus;september;oktober;november;desember")
_add_months("jannar;frar;marzu;april;mejju;ġunju,gunju;lulju;awwissu;settembru;ottubru;novembru;diċembru,dicembru")
_add_months("januar;februar;mäerz;abrëll;mee;juni;juli;august;september;oktober;november;dezember")
_add_months("enero;pebrero;marso;abril;mayo;hunyo;hulyo;agosto;setyembre;oktubre;nobyembre;disyembre")


def month_names() -> list[str]:
    """The month names and abbreviations dates are read with, lower case, every language."""
    return list(_MONTHS)


_MONTH_ALT = "|".join(sorted((re.escape(k) for k in _MONTHS), key=len, reverse=True))


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text, with its span and whether its day/month order was certain."""

    value: dt.date
    start: int
    end: int
    text: str
    ambiguous: bool = False  # numeric d/m order decided by the hint, not by the numbers
    dayfirst: bool | None = None  # for numeric dates: whether it was read day-first


_SEP = r"[/\-.]"
# d/m/y or m/d/y (1-2 digit parts, 2 or 4 digit year); the separators must match.
_YEAR = r"((?:19|20)\d{2}(?=\d{1,2}[:.]\d\d|\d(?![\d:.,]))|(?:\d{4}|\d{2})(?!\d))"
# A 4-digit year may run straight into the time when OCR drops the space ("03-05-202114:02:11"), or
# carry one stray digit OCR read from the edge of the paper ("09-07-20221": no year has 5 digits).
# Also straight after a time when OCR dropped the space ("18:1524/05/18").
_DMY = re.compile(
    rf"(?:(?<![\d/.\-])|(?<=\d[:.]\d\d))(\d{{1,2}})\s?({_SEP})\s?(\d{{1,2}})\s?\2\s?{_YEAR}"
)
# One separator misread by OCR ("25/03-2018", "25.03/2018", "25/03,2018"): only with a 4-digit year and
# nothing numeric after it, since mixed separators also join the parts of ids.
_DMY_MIXED = re.compile(r"(?<![\d/.,\-])(\d{1,2})\s?([/\-.])\s?(\d{1,2})\s?[/\-.,]\s?((?:19|20)\d{2})(?![\d/.\-])")
# y-m-d with a 4-digit year (ISO and East-Asian order), also with the time glued on ("2018-03-2513:45").
_YMD = re.compile(r"(?<![\d/.\-])(\d{4})([/\-.])(\d{1,2})\2(\d{1,2})(?:(?!\d)|(?=[01]?\d[:.][0-5]\d|2[0-3][:.][0-5]\d))")
# Chinese, Japanese and Korean: 2025年3月14日, 2025년 3월 14일
_YMD_CJK = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
# Vietnamese: "Ngày 03 tháng 11 năm 2026" (day, month, year)
_VI_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|,|/)\s*(\d{4})(?!\d)", re.I)
# Compact ISO 20180325 only when it is clearly a date (no other digits around).
_YMD_COMPACT = re.compile(r"(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
# Compact day-first 25032018 only beside a time of day ("25032018 13:11:54"): alone it is any id.
_DMY_COMPACT = re.compile(
    r"(?<![\d])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((?:19|20)\d{2})(?=\s{1,3}(?:[01]?\d|2[0-3])[:.][0-5]\d)"
)
# 3 MAR 2018, 03-MAR-18, 3. März 2021, 1 de enero de 2020, 19 april 2014, 27Oct202209:45 (time glued on)
_D_MON_Y = re.compile(
    rf"(?<![\w])(\d{{1,2}})(?:st|nd|rd|th|er|\.)?[\s\-/.]*(?:de\s+|d['’]|ta['’]\s*)?({_MONTH_ALT})\.?[\s\-/.,]*(?:de\s+)?{_YEAR}",
    re.I,
)
# Latvian, year first: "2026. gada 5. decembris"
_Y_GADA_D_MON = re.compile(rf"(?<![\w])(\d{{4}})\.?\s*gada\s+(\d{{1,2}})\.?\s*({_MONTH_ALT})(?![\w])", re.I)
# August 3, 2014 / Aug 3 , 2014 / Jan 1 2022 / MAR-03-2018 (not "MAY 2018": the day and year are apart)
_MON_D_Y = re.compile(
    rf"(?<![\w])({_MONTH_ALT})\.?[\s\-/.]*(\d{{1,2}})(?:st|nd|rd|th)?(?:\s?[,\-/.]\s*|\s+)(\d{{4}}|\d{{2}})(?![\d:])",
    re.I,
)


# OCR reads digits as look-alike letters ("2O/O3/2Ol8", "l2-06-2018", "S/05/2018"). Inside a token that
# is mostly digits and date separators, these letters are read as the digits they resemble.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "i": "1",
                                   "|": "1", "!": "1", "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2"})
_DATEISH_TOKEN = re.compile(r"[0-9OoDQlIi|!SsBZz]+(?:\s?[/\-.]\s?[0-9OoDQlIi|!SsBZz]+){2}")


_SHORT_NUMBER = re.compile(r"(?<![A-Za-z0-9])[0-9OoDQlIi|SsBZz]{2,4}(?![A-Za-z0-9])")


def _fix_digit_lookalikes(text: str, *, month_words: bool = False) -> str:
    """``text`` (same length) with look-alike letters read as digits inside numeric date-shaped tokens.

    Only tokens of three parts joined by date separators that are mostly digits are touched, so words
    ("SDN BHD", "LOT") and amounts are left alone; with ``month_words`` also 2-4 character tokens that
    are at least half digits (the day and year around a month name).
    """

    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        digits = sum(c.isdigit() for c in tok)
        letters = len(tok) - digits - len(re.findall(r"[\s/\-.]", tok))
        # Real digits clearly outnumber look-alikes ("2O/03/2018", "l2-06-2018", not "S/B" or "I/O").
        if letters == 0 or digits < 4 or letters > max(1, digits // 3):
            return tok
        return tok.translate(_DIGIT_LOOKALIKES)

    def fix_word(m: re.Match[str]) -> str:
        tok = m.group(0)
        digits = sum(c.isdigit() for c in tok)
        # A short number standing next to a month name: "1O MAY 2O18" (day, 2- or 4-digit year).
        if digits == 0 or digits < len(tok) - digits:
            return tok
        return tok.translate(_DIGIT_LOOKALIKES)

    text = _DATEISH_TOKEN.sub(fix, text)
    return _SHORT_NUMBER.sub(fix_word, text) if month_words else text


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        # Receipts are recent: 00-69 → 2000s, 70-99 → 1900s.
        n += 2000 if n < 70 else 1900
    return n


def _make_date(y: int, m: int, d: int) -> dt.date | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, *, dayfirst: bool = True) -> list[DateMatch]:
    """All dates in a text, left to right.

    Numeric dates whose first two parts are both ≤ 12 follow ``dayfirst`` and are marked ambiguous;
    ``13/01/2020`` and ``01/13/2020`` are decided by the numbers. Month names are recognised in English,
    French, German, Dutch, Spanish, Italian, Portuguese and Malay.
    """
    text = normalize_chars(text)
    # Numeric patterns read the text with OCR look-alikes fixed (same length, so spans still match);
    # a tilde between digits is OCR's reading of a hyphen ("23-08~23").
    digits = re.sub(r"(?<=\d)~(?=\d)", "-", _fix_digit_lookalikes(text))
    named = _fix_digit_lookalikes(text, month_words=True)
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(
        start: int, end: int, value: dt.date | None, ambiguous: bool = False, dfirst: bool | None = None
    ) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(DateMatch(value, start, end, text[start:end], ambiguous, dfirst))

    for m in _YMD.finditer(digits):
        add(m.start(), m.end(), _make_date(int(m.group(1)), int(m.group(3)), int(m.group(4))))
    for m in _YMD_CJK.finditer(text):
        add(m.start(), m.end(), _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _VI_DATE.finditer(text):
        add(m.start(), m.end(), _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _D_MON_Y.finditer(named):
        add(m.start(), m.end(), _make_date(_year(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))))
    for m in _Y_GADA_D_MON.finditer(named):
        add(m.start(), m.end(), _make_date(int(m.group(1)), _MONTHS[m.group(3).lower()], int(m.group(2))))
    for m in _MON_D_Y.finditer(named):
        add(m.start(), m.end(), _make_date(_year(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))))
    for m in [*_DMY.finditer(digits), *_DMY_MIXED.finditer(digits)]:
        a, b, y = int(m.group(1)), int(m.group(3)), _year(m.group(4))
        if a > 12 and b <= 12:
            add(m.start(), m.end(), _make_date(y, b, a), dfirst=True)
        elif b > 12 and a <= 12:
            add(m.start(), m.end(), _make_date(y, a, b), dfirst=False)
        elif a <= 12 and b <= 12:
            d, mo = (a, b) if dayfirst else (b, a)
            add(m.start(), m.end(), _make_date(y, mo, d), ambiguous=a != b, dfirst=None if a == b else dayfirst)
    for m in _YMD_COMPACT.finditer(text):
        add(m.start(), m.end(), _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _DMY_COMPACT.finditer(text):
        add(m.start(), m.end(), _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1))), dfirst=True)
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str, *, dayfirst: bool = True) -> dt.date | None:
    """The first date in a text, or None (see :func:`find_dates`)."""
    found = find_dates(text, dayfirst=dayfirst)
    return found[0].value if found else None


# A US town, state and ZIP code ("Springfield, IL 62701"): month-first dates where no currency says.
US_ADDRESS = re.compile(r",\s*(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH"
                        r"|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s+\d{5}(?:-\d{4})?\b")


def infer_dayfirst(texts: list[str], *, default: bool = True) -> bool:
    """Whether a document writes numeric dates day-first, judged from its unambiguous dates.

    ``default`` is returned when no numeric date decides it (pass False for US documents).
    """
    day, month = 0, 0
    for t in texts:
        for m in _DMY.finditer(normalize_text(t)):
            a, b = int(m.group(1)), int(m.group(3))
            if a > 12 >= b:
                day += 1
            elif b > 12 >= a:
                month += 1
    if day == month:
        return default
    return day > month


# -------------------------------------------------------------------------------------------- times


@dataclass(frozen=True)
class TimeMatch:
    """A time of day found in a text, normalised to 24 h ``HH:MM`` or ``HH:MM:SS``."""

    value: str
    start: int
    end: int
    text: str


_TIME = re.compile(
    # also straight after a date's 4-digit year when OCR dropped the space ("04/06/201818:17:54")
    r"(?:(?<![\d:.])|(?<=[/\-. A-Za-z](?:19|20)\d\d))([01]?\d|2[0-3])\s?[:h.]\s?([0-5]\d)(?:\s?[:.]\s?([0-5]\d))?(?![\d])\s?([AaPp]\.?\s?[Mm]\.?)?(?![A-Za-z])"
)


def find_times(text: str) -> list[TimeMatch]:
    """All times of day in a text (``14:21``, ``2:56PM``, ``10:17:32 PM``, ``14h30``).

    A dot separator (``14.30``) is only accepted with AM/PM, since it is usually an amount.
    """
    text = normalize_chars(text)
    out: list[TimeMatch] = []
    for m in _TIME.finditer(text):
        sep = text[m.start(1) + len(m.group(1)) : m.start(2)].strip()
        ampm = (m.group(4) or "").replace(".", "").replace(" ", "").lower()
        if sep == "." and not ampm:
            continue
        h, mi, s = int(m.group(1)), m.group(2), m.group(3)
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        value = f"{h:02d}:{mi}" + (f":{s}" if s else "")
        out.append(TimeMatch(value, m.start(), m.end(), m.group(0).strip()))
    return out


def parse_time(text: str) -> str | None:
    """The first time of day in a text as ``HH:MM[:SS]`` (24 h), or None."""
    found = find_times(text)
    return found[0].value if found else None
