"""Receipt rules: merchant header, date/time, totals block, line items.

General rules only (no per-merchant templates):

* merchant name: the header row scored most like a business name: a legal form ending it (SDN BHD,
  LTD, GMBH, INC, B.V. ...) or a business word, address rows following in its block, larger print,
  an early position; never a title (TAX INVOICE, RECEIPT, WELCOME ...), id, contact or address row.
  A name row ending in a joiner ("&") or followed by a row that is only a legal form goes on there.
* address: the first run of rows under the name that reads as an address (street words, a
  postcode); runs are split at registration and tax numbers, "(formerly known as ...)", bracketed
  branch names, contact rows and layout gaps, and end at a title, date or body row.
* totals: a consistency solver picks the total among the amounts under total labels (and bare
  amounts of the totals block, and cash − change) by label strength and the arithmetic they satisfy
  with the subtotal, tax, charges, rounding, discount, cash and change; never from an item's price
  line or a tax-summary table. Label words come from :mod:`docextract.rules.lexicon`.
* items: rows between the column header (or the header block) and the totals whose right end is an
  amount; qty × unit price = amount decides which number is which.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from docextract.parsing import find_dates, find_times, normalize_text, parse_amount, parse_currency
from docextract.rules import DocContext, Reading, Value
from docextract.rules.lexicon import (
    ADDRESS_LABEL,
    BODY,
    BUSINESS,
    CASH,
    CASH_EXCLUDE,
    CHANGE,
    CHARGE,
    COLUMNS,
    CONTACT,
    DATE_BAD,
    DATE_LABEL,
    DISCOUNT,
    FORMERLY,
    FUZZY_LABEL_WORDS,
    ITEM_HEADER,
    LEGAL,
    LEGAL_FORM_WORDS,
    LEGAL_FORMS,
    MALAY_STREET,
    NAME_JOINER,
    NEAR_LABEL_WORDS,
    PAYMENT_METHOD_WORDS,
    ROUNDING,
    STREET_WORDS,
    SUBTOTAL,
    SUMMARY,
    TAX,
    TAX_EXCLUDE,
    TAX_ID,
    TIME_LABEL,
    TIP,
    TITLE,
    TOTAL_EXCLUDE,
    TOTAL_PLAIN,
    TOTAL_STRONG,
    TOTAL_WEAK,
    UNIT_WORDS,
    alternation,
    compile_words,
)
from docextract.types import Word

__all__ = ["extract_receipt"]

_I = re.IGNORECASE
_TODAY = dt.date.today()

# ----------------------------------------------------------------------------------------- labels

# The label words of totals, payments, taxes and dates live in the lexicon (per concept and language).
# Header patterns (the words are in the lexicon).
# "TEL" as OCR reads it: "Te1", "TeI", "Te|", "Telr" (a colon read as a letter).
_TEL = r"\bT[E3][L1I|][A-Z]?(?![A-Z0-9])"
# Phone numbers: "+603 7726 2929", "07-3523888", "03-2141 8888", "(217) 555-0100", "555-123-4567".
PHONE = re.compile(
    r"\+\s?\d{2,3}[\s\-]?\(?\d|(?<![\w/.\-])0\d{1,3}\s?-\s?\d{3,4}\s?\d{3,4}(?![\w/])"
    r"|\(\d{2,4}\)\s?\d{3,4}[\s\-]?\d{4}\b|(?<![\w/.\-])\d{3}[\-.]\d{3}[\-.]\d{4}(?![\w/])",
)
# A phone number's label too garbled to read: a short token ending in ":" / "." or holding a digit or "/".
_PHONE_LABEL = re.compile(r"(?:\s|^)(?:[A-Z][A-Z0-9|/]{0,4}[.:]\W{0,2}|[A-Z](?=[A-Z]{0,3}[0-9|/])[A-Z0-9|/]{1,4}\W{0,3})$", _I)
# Where a contact part of a row starts: its label, else the phone number itself.
_CONTACT_CUT = re.compile(rf"\b(?:TEL|TELE?PHONE|PHONE|FAX|H/P|HP|MOBILE|HOTLINE)\b|{_TEL}", _I)
_LEGAL_FORMS = alternation(LEGAL_FORM_WORDS)
# A legal form ends a name (a branch in brackets may follow); "PT" / "CV" lead it (Indonesia).
_LEGAL_END = re.compile(rf"\b(?:{_LEGAL_FORMS})\b\.?(?:\s*\([^)]*\)?)?\W*$|^\W*(?:PT|CV)\.?\s", _I)
# OCR debris after a name's legal form: a token of one to three characters ("... SDN BHD 7K").
_AFTER_LEGAL = re.compile(rf"(\b(?:{_LEGAL_FORMS})\b\.?)(?:\s+|(?<=\.))[A-Z0-9]{{1,3}}\.?$", _I)
# Street words or a postcode.
ADDRESS_WORDS = re.compile(rf"{STREET_WORDS.pattern}|\b\d{{4,6}}\b", _I)
_REG_NO = re.compile(
    r"\s*(?:\((?=[^)]*\d)[^)]*\)?|\(?\b(?:CO\.?\s*(?:NO|REG)|COMPANY\s*NO)[^)]*\)?|\b\d{3,}\s*-\s*[A-Z]\b|\b[A-Z]{0,2}\d{5,}-?[A-Z]?\b)\s*$",
    _I,
)

# A labelled number alone on its row ("STORE: 1234", "ROC: 12345-K"), unless the label is an address's ("NO: 12").
_KEY_NUMBER = re.compile(
    r"^\W*(?!(?:NO|LOT|UNIT|BLK|BLOCK|LEVEL|SUITE|FLOOR)\b)[A-Z][A-Z./ ]{0,14}?\s*[:#]\s*[A-Z]{0,3}\d[\dA-Z\s/-]*\W*$", _I
)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _is_noise(text: str) -> bool:
    """Rows that are not words: numbers, ids, single letters, barcodes, a rule of one repeated mark
    ("*****", which OCR may read as letters of another script)."""
    chars = text.replace(" ", "")
    letters = _letters(text)
    if len(chars) >= 5 and max(map(chars.count, set(chars))) >= 0.6 * len(chars):
        return True
    return letters < 3 or letters < 0.4 * len(chars)


def _is_stop(text: str) -> bool:
    return bool(
        CONTACT.search(text)
        or PHONE.search(text)
        or TAX_ID.search(text)
        or find_dates(text)
        or find_times(text)
        or BODY.search(text)
        or re.search(r"\d[.,]\d\d\b", text)
    )


# A unit's floor and number on a line of its own ("#01-59", "#B1-12A"), as Singapore writes them.
_UNIT_LINE = re.compile(r"#\s?[A-Z]?\d{1,3}-\d{1,4}[A-Z]?")


def _addressish(text: str) -> bool:
    return bool(ADDRESS_WORDS.search(text)) or bool(re.search(r"\d", text) and "," in text) or bool(_UNIT_LINE.fullmatch(text.strip(" ,")))


# Legal forms as OCR garbles them. "SDN BHD" (Sendirian Berhad): "SN BHD", "SIN N BHD", "5DN BHD", "SDNBHD";
# "S/B" (its short form): "5/B", "S/8"; a lone "BHD": "8HD", "BH0".
_SDN_BHD = re.compile(
    r"(?<![A-Z0-9])[S5$][DNHIL1O]{0,2}[.,]?\s*(?:[A-Z1]{1,2}[.,]?\s*)?[B8]H[DO0]\.?(?![A-Z0-9])", _I
)
_GLUED_SDN_BHD = re.compile(r"(?<=[A-Z])(SDN\.?\s*BHD)(?![A-Z0-9])", _I)
_S_B = re.compile(r"(?<![A-Z0-9/])[S5$]\s?/\s?[B8](?![A-Z0-9/])", _I)
_BHD = re.compile(r"(?<![A-Z0-9])[B8]H[O0](?![A-Z0-9])|(?<![A-Z0-9])8HD(?![A-Z0-9])", _I)
_LTD = re.compile(r"(?<=[A-Z.,] )(?:[L1I|]T[D0O]|LT[D0O]|[L1I|]TD)\.?(?![A-Z0-9])", _I)
# "S.r.l." (Italian) with its l read as I, 1 or |: "S.r.I.".
_SRL = re.compile(r"(?<=[A-Z] )(S\.\s?)(R)(\.\s?)[I1|](?=\.|(?![A-Z0-9]))", _I)
# A dotted legal form ending the name with a letter read as a digit ("Groep V.0.F.", "S.A.5."): the
# digits that look like letters are the letters, where that makes a legal form of the lexicon.
_DOTTED_END = re.compile(r"(?<=\s)(?:[A-Z0-9]\.\s?){2,}[A-Z0-9]?$", _I)
_DOTTED_FORM = re.compile(rf"(?:{alternation(LEGAL_FORM_WORDS)}|{alternation(LEGAL_FORMS)})\.?", _I)
_AS_LETTERS = str.maketrans("0158", "OISB")
# "GmbH & Co. KG" with the spaces around its ampersand or before KG lost: "GmbH&Co. KG", "Co.KG".
_GMBH_CO = re.compile(r"(?<=GMBH)\s*&\s*(?=CO\b)", _I)
_CO_KG = re.compile(r"(?<=&\sCO\.)(?=KG\b)", _I)


def _same_case(new: str, old: str) -> str:
    """``new`` (upper case) in the case ``old`` was printed in: upper, lower or title."""
    letters = [c for c in old if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) * 2 > len(letters) or old.upper() == old:
        return new
    if old.lower() == old:
        return new.lower()
    return new.title()


def normalize_legal_form(text: str) -> str:
    """Fix OCR-garbled legal-form tokens of a business name (``SDN BHD``, ``S/B``, ``BHD``, ``LTD``,
    ``S.r.l.``, ``GmbH & Co.``).

    Only the tokens are rewritten (in the case they were printed in); the words of the name are not.
    The form must follow a word of the name, so a name never *becomes* a legal form.
    """

    def sdn_bhd(m: re.Match[str]) -> str:
        tok = m.group(0)
        if m.start() == 0 or not re.search(r"[A-Z]", text[: m.start()], _I):
            return tok
        if not re.search(r"\s$", tok) and m.end() < len(text) and text[m.end()] == ".":
            return tok
        letters = re.sub(r"[^A-Z0-9$]", "", tok.upper())
        if letters == "BHD" or len(letters) > 7 or re.fullmatch(r"SDN\.?\s+BHD\.?", tok, _I):
            return tok  # already right ("SDN BHD", "Sdn. Bhd.")
        # Keep the printed abbreviation dots ("Sdn, Bhd." was "Sdn. Bhd.").
        mid = "." if re.match(r"[S5$]\w*\s*[.,]", tok) else ""
        dot = "." if tok.rstrip().endswith(".") else ""
        return _same_case("SDN" + mid + " BHD", tok) + dot

    text = _SDN_BHD.sub(sdn_bhd, text)
    text = _GLUED_SDN_BHD.sub(lambda m: " " + m.group(1), text)
    text = _S_B.sub(lambda m: "S/B" if m.group(0).replace(" ", "").upper() != "S/B" else m.group(0), text)
    text = _BHD.sub(lambda m: _same_case("BHD", m.group(0)), text)
    text = _LTD.sub(lambda m: _same_case("LTD", m.group(0)) + ("." if m.group(0).endswith(".") else ""), text)
    text = _SRL.sub(lambda m: m.group(1) + m.group(2) + m.group(3) + ("l" if m.group(2).islower() else "L"), text)
    text = _CO_KG.sub(" ", _GMBH_CO.sub(" & ", text))

    def dotted(m: re.Match[str]) -> str:
        fixed = m.group(0).translate(_AS_LETTERS)
        return fixed if re.search(r"\d", m.group(0)) and _DOTTED_FORM.fullmatch(fixed.strip()) else m.group(0)

    text = _DOTTED_END.sub(dotted, text.rstrip())
    return re.sub(r"\s+", " ", text).strip()


# Letters OCR read as digits inside lower-case words ("Leve1", "Kua1a", "Te1", "Sh0p", "P1aza"): a digit
# with a lower-case letter after it and a letter before it, or ending a word after two lower-case
# letters, is the letter.
_DIGIT_IN_WORD = re.compile(r"(?<=[A-Za-z])[10](?=[a-z])|(?<=[a-z]{2})[10](?![\w])|(?<![\w])[10](?=[a-z]{2,}\b)")
# A postcode glued to the town after it ("43200Cheras"): digits then a capitalised word.
_GLUED_TOWN = re.compile(r"(?<=\b\d{4})(?=[A-Z][a-z]{2,})|(?<=\b\d{5})(?=[A-Z][a-z]{2,})")


def fix_ocr_words(text: str) -> str:
    """Undo OCR slips that only make sense one way: digits inside lower-case words, a postcode glued to a town."""
    text = _DIGIT_IN_WORD.sub(lambda m: "l" if m.group(0) == "1" else "o", text)
    return _GLUED_TOWN.sub(" ", text)


def _without_accents(text: str) -> str:
    """``text`` with the accents of its letters dropped ("JALÄN" → "JALAN")."""
    parts = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in parts if not unicodedata.combining(c)))


def _clean_name(text: str) -> str:
    text = normalize_text(text)
    prev = None
    while prev != text:
        prev = text
        text = _REG_NO.sub("", text).strip(" -,:")
    return text


def _name_text(text: str) -> str:
    """The merchant name as it is reported: an earlier name and registration numbers dropped, legal
    form and OCR slips fixed."""
    former = FORMERLY.search(text)
    if former is not None:
        text = text[: former.start()].rstrip(" ([-,")
    text = re.sub(r"^\W*#\d+\s+", "", text)  # a running number printed before the name
    text = re.sub(r"(?<![lL])·|·(?![lL])", " ", text)  # a speck read as a middle dot (Catalan's "l·l" kept)
    # Debris is cut before the legal form is mended: "SON. BHD.XQ" reads as "SDN. BHD." only alone.
    text = _AFTER_LEGAL.sub(r"\1", _clean_name(text))
    # A 0 inside an upper-case word ("G0LDEN", "SRI-0") is an O: names spell numbers apart.
    text = re.sub(r"(?<=[A-Z])0(?=[A-Z])|(?<=[A-Z]{2}-)0(?![\w-])", "O", text)
    return normalize_legal_form(fix_ocr_words(text))


# ----------------------------------------------------------------------------------------- header


def _header_rows(ctx: DocContext) -> list[int]:
    """Indices of the rows that may hold the merchant header (before the body starts)."""
    out: list[int] = []
    for i, t in enumerate(ctx.texts[:25]):
        if re.search(r"\d[.,]\d\d\b", t) and _letters(t) and (TOTAL_PLAIN.search(t) or len(out) > 6):
            break
        out.append(i)
    return out


def _gap(ctx: DocContext, i: int, j: int) -> float:
    """The blank space between rows ``i`` and ``j`` (``j`` below), in heights of the taller row."""
    a, b = ctx.rows[i], ctx.rows[j]
    return (b.y0 - a.y1) / max(a.height, b.height, 1.0)


def _is_id_row(text: str) -> bool:
    """A registration or tax number row ("(123456-X)", "CO. REG NO: ...", "GST ID: ...", "STORE: 1234"),
    or one naming the business's earlier name."""
    if TAX_ID.search(text) or FORMERLY.search(text) or _KEY_NUMBER.match(text):
        return True
    rest = _clean_name(text)
    return _letters(rest) < 3 and _letters(rest) < _letters(text)


def _is_preamble(text: str) -> bool:
    """Rows that may stand between a name and its address and are neither: ids, contact rows, a branch
    or trade name in brackets, "(formerly known as ...)", noise."""
    return (
        _is_id_row(text)
        or bool(CONTACT.search(text) or PHONE.search(text))
        or bool(re.fullmatch(r"\W*\(.*\)?\W*", text))
        or _is_noise(text)
    )


def _address_follows(ctx: DocContext, i: int, rows: list[int]) -> bool:
    """Whether address rows follow row ``i`` in its block (ids and contact rows may come between)."""
    last = i
    for j in range(i + 1, min(i + 6, len(ctx.texts))):
        if j not in rows or _gap(ctx, last, j) > 2.0:
            return False
        t = ctx.texts[j]
        if _addressish(t) and not _is_id_row(t):
            return True
        if TITLE.search(t) or find_dates(t) or BODY.search(t) or not _is_preamble(t) and j > i + 2:
            return False
        last = j
    return False


def _name_score(ctx: DocContext, i: int, rank: int, median: float, rows: list[int]) -> float:
    t = ctx.texts[i]
    former = FORMERLY.search(t)
    if former is not None:  # "NEW NAME SDN BHD (formerly known as ...)": the name before it
        t = t[: former.start()]
    if _is_noise(t) or TITLE.search(t) or CONTACT.search(t) or BODY.search(t):
        return -9.0
    if find_dates(t) or find_times(t) or re.search(r"\d[.,]\d\d\b", t) or ADDRESS_LABEL.match(t):
        return -9.0
    if TAX_ID.search(t) and not LEGAL.search(_clean_name(t)):
        return -9.0
    score = 0.0
    fixed = normalize_legal_form(_clean_name(t))
    legal = bool(_LEGAL_END.search(fixed) or BUSINESS.search(fixed))
    if _LEGAL_END.search(fixed):
        score += 3.0
    elif legal:
        score += 2.0
    if _address_follows(ctx, i, rows):
        score += 1.5
    if not legal and (_addressish(_clean_name(t)) or (i > 0 and _addressish(ctx.texts[i - 1]) and _gap(ctx, i - 1, i) < 1.0)):
        score -= 2.0  # an address row, or one inside an address
    if ":" in t:
        score -= 1.5
    if median and 1.2 * median < ctx.rows[i].height < 2.5 * median:
        score += 1.0  # the name is printed large (a row far taller is a logo, which OCR reads badly)
    score -= 0.3 * rank  # the name is printed first
    return score


def _continues_name(ctx: DocContext, above: int, below: int) -> bool:
    """Whether row ``below`` carries on the name of row ``above`` ("... PAINT &" / "HARDWARE",
    "... RESOURCES" / "SDN. BHD.")."""
    a, b = ctx.texts[above], ctx.texts[below]
    if _gap(ctx, above, below) > 1.0 or ctx.rows[below].height < 0.7 * ctx.rows[above].height:
        return False
    if _is_noise(b) or _is_stop(b) or TITLE.search(b) or _addressish(b) or _is_preamble(b) or ADDRESS_LABEL.match(b):
        return False
    only_legal = not re.sub(LEGAL, "", normalize_legal_form(_clean_name(b))).strip(" .,&()-")
    return only_legal or bool(NAME_JOINER.search(a) or re.match(r"\W*(?:&|AND\b)", b, _I))


def _merchant(ctx: DocContext) -> tuple[Value | None, Value | None]:
    rows = _header_rows(ctx)
    if not rows:
        return None, None
    words = [ctx.rows[i].height for i in rows if not _is_noise(ctx.texts[i])]
    median = sorted(words)[len(words) // 2] if words else 0.0
    scored = [(_name_score(ctx, i, r, median, rows), i) for r, i in enumerate(rows)]
    best_score, best = max(scored, key=lambda s: (s[0], -s[1]))
    if best_score <= -9:
        return None, None
    name_rows = [best]
    stem = re.sub(LEGAL, "", _clean_name(ctx.texts[best])).strip(" .,()")
    # "MPH BOOKSTORES" / "SDN BHD": a name broken before its legal suffix continues the row above.
    if not any(_letters(tok) >= 3 for tok in stem.split()) and best > 0 and LEGAL.search(ctx.texts[best]):
        above = best - 1
        if _name_score(ctx, above, 0, median, rows) > -9 and _gap(ctx, above, best) < 1.0:
            name_rows.insert(0, above)
    while len(name_rows) < 3 and name_rows[-1] + 1 < len(ctx.texts) and _continues_name(ctx, name_rows[-1], name_rows[-1] + 1):
        name_rows.append(name_rows[-1] + 1)
    text = _name_text(" ".join(ctx.texts[i] for i in name_rows))
    address = _address(ctx, name_rows[-1])
    if address is not None and MALAY_STREET.search(address.value):
        # Malay and English are written without accents: on a Malaysian header one is an OCR slip.
        text = _without_accents(text)
        address.value = _without_accents(address.value)
    name = Value(
        text,
        text,
        _union([ctx.rows[i].bbox for i in name_rows]),
        min(ctx.rows[i].confidence for i in name_rows),
        ctx.rows[best].source,
        best_score,
        best,
    )
    # What the name was chosen on, for the confidence model: its score and its margin over the
    # next best row (a close second means the choice was close), whether a legal form ends it.
    others = [sc for sc, i in scored if i not in name_rows]
    name.evidence = {
        "score": best_score,
        "margin": best_score - max(others, default=-9.0),
        "legal_end": float(bool(_LEGAL_END.search(text))),
        "rows": float(len(name_rows)),
    }
    if address is not None:
        address.evidence = {"after_name": float(address.row - name_rows[-1])}
    return name, address


def _union(boxes: list[Any]) -> Any:
    from docextract.layout import union_bbox

    return union_bbox(boxes)


def _address_runs(ctx: DocContext, name_row: int) -> list[list[tuple[int, str]]]:
    """The runs of rows under the name that may be its address, split at ids, contact rows and gaps,
    up to the first title, date or body row."""
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    last = name_row
    bracket = False  # a bracket opened on a preamble row: "(formerly known as" / "... SDN BHD)"
    for i in range(name_row + 1, min(name_row + 12, len(ctx.texts))):
        t = ctx.texts[i]
        if bracket:
            bracket = False
            if ")" in t and "(" not in t:  # the bracket's second row
                last = i
                continue
        # A big vertical gap ends a run. A blank line in a receipt printed line by line is a smaller
        # gap, but still several times the gaps between the address's lines.
        if run:
            idx = [run[0][0] - 1] + [j for j, _ in run]
            gaps = [_gap(ctx, a, b) for a, b in zip(idx, idx[1:])]
            g = _gap(ctx, last, i)
            if g > 2.5 or (g > 1.0 and g > 3 * max(max(gaps), 0.3)):
                runs.append(run)
                run = []
                if any(_addressish(x) for _, x in runs[-1]):
                    break
        label = ADDRESS_LABEL.match(t)
        if label:  # "Address: ..." starts an address
            if run:
                runs.append(run)
            run, t = [], t[label.end() :]
        if BODY.search(t) or (re.search(r"\d[.,]\d\d\b", t) and not STREET_WORDS.search(t)):
            break  # the body starts (but "NO.12,14 & 16, JALAN ..." is an address)
        if TITLE.search(t) or find_dates(t) or find_times(t):
            if runs or run or i - name_row > 3:
                break
            last = i  # a title or the date printed between the name and the address
            continue
        cut = _CONTACT_CUT.search(t) or PHONE.search(t)
        if cut is not None and _CONTACT_CUT.match(t, cut.start()) is None:
            # A bare phone number: the label before it (if OCR garbled it past recognition) goes too.
            # Only a short token that is visibly a label ("Tx1.:", "T/P:"), not a town ("JOHOR 07-...").
            found = _PHONE_LABEL.search(t[: cut.start()])
            if found is not None and not ADDRESS_WORDS.search(found.group(0)):
                cut = found
        head = t[: cut.start()].strip(" ,") if cut else ""
        if cut and len(head) > 8 and not _is_stop(head) and (run or _addressish(head)):
            run.append((i, head))
        # Ids, contact rows and bracketed rows end a run; so does noise, unless it reads as an address
        # ("LOT PTD 1234 & PTD 5678").
        unit = run and _UNIT_LINE.fullmatch(t.strip(" ,")) is not None  # "#01-59" under its street
        if cut or _is_preamble(t) and not unit and not (_is_noise(t) and not _is_id_row(t) and _addressish(t) and _letters(t) >= 3):
            bracket = t.count("(") > t.count(")")
            if run:
                runs.append(run)
                run = []
            last = i
            continue
        run.append((i, t))
        last = i
    if run:
        runs.append(run)
    return [r for r in runs if r]


# In small print a comma loses its tail and is read as a period. Between a house or street number
# and the next word of an address ("NO 12. JALAN", "3/9.TAMAN") it is a comma; a period after
# letters may be an abbreviation's ("NO.", "JLN.") and stays.
_PERIOD_FOR_COMMA = re.compile(r"(?<=\d)\.(?=\s*[A-Za-z])")


def _address(ctx: DocContext, name_row: int) -> Value | None:
    runs = _address_runs(ctx, name_row)
    # The first run that reads as an address; a branch or trade name alone is none.
    found = next((r for r in runs if any(_addressish(t) for _, t in r)), None)
    if found is None:
        # Some tills print the address at the foot, after the totals.
        found = _foot_address(ctx, name_row)
    if found is None and runs:
        # Rows with no address words right under the name may be its address ("AUTOROUTE X / TOWN");
        # past a title or the date they are the body.
        between = [ctx.texts[j] for j in range(name_row + 1, runs[0][0][0])]
        if not any(TITLE.search(t) or find_dates(t) or find_times(t) for t in between):
            found = runs[0]
    if not found:
        return None
    picked = found[:6]
    # Drop leading rows that are a branch or brand name rather than the address.
    while len(picked) > 1 and not _addressish(picked[0][1]) and _addressish(picked[1][1]):
        picked.pop(0)
    text = _PERIOD_FOR_COMMA.sub(",", fix_ocr_words(normalize_text(" ".join(t for _, t in picked))))
    idx = [j for j, _ in picked]
    return Value(
        text,
        text,
        _union([ctx.rows[j].bbox for j in idx]),
        min(ctx.rows[j].confidence for j in idx),
        ctx.rows[idx[0]].source,
        0.0,
        idx[0],
    )


def _foot_address(ctx: DocContext, name_row: int) -> list[tuple[int, str]] | None:
    """An address printed in the last rows of a receipt: a run with a street word and a postcode."""
    n = len(ctx.texts)
    for i in range(max(name_row + 1, n - 12), n):
        t = ctx.texts[i]
        if not STREET_WORDS.search(t) or _is_id_row(t) or re.search(r"\d[.,]\d\d\b", t):
            continue
        run = next(iter(_address_runs(ctx, i - 1)), [])
        if run and run[0][0] == i and any(re.search(r"\b\d{4,6}\b", x) for _, x in run):
            return run
    return None


# ------------------------------------------------------------------------------------ date / time


def _date(ctx: DocContext) -> Value | None:
    """The purchase date: labelled, beside a time of day, near the top; not a due, expiry or
    membership date. Its ``evidence``: ``label``, ``time`` (a time on its row), ``other_label`` (a
    not-purchase label on its row), ``ambiguous`` (day/month order guessed), ``repeats`` (other
    printings of the same date), ``margin`` (its score over the best other date's)."""
    cands: list[tuple[float, Value, dict[str, float]]] = []
    for i, t in enumerate(ctx.texts):
        times = find_times(t)
        for m in find_dates(t, dayfirst=ctx.dayfirst):
            ev = {"label": 0.0, "time": 0.0, "other_label": 0.0, "ambiguous": float(m.ambiguous)}
            score = 0.0
            before = t[: m.start]
            if DATE_LABEL.search(before) or (i > 0 and DATE_LABEL.search(ctx.texts[i - 1]) and not before.strip()):
                score += 2.0
                ev["label"] = 1.0
            if DATE_BAD.search(t):
                score -= 3.0
                ev["other_label"] = 1.0
            if any(tm.start >= m.end or tm.end <= m.start for tm in times):
                score += 1.0  # a purchase is stamped with its time
                ev["time"] = 1.0
            if m.ambiguous:
                score -= 0.5
            if m.dayfirst is not None and m.dayfirst != ctx.dayfirst:
                score -= 1.5  # the numbers force an order the rest of the document does not use
            if m.value > _TODAY + dt.timedelta(days=400):
                score -= 3.0
            score -= 0.02 * i  # the purchase date is printed near the top
            cands.append((score, ctx.value_at(i, m.start, m.end, m.value, score), ev))
    if not cands:
        return None
    cands.sort(key=lambda c: -c[0])
    score, best, ev = cands[0]
    others = [c[0] for c in cands[1:] if c[1].value != best.value]
    ev["repeats"] = float(sum(1 for c in cands[1:] if c[1].value == best.value))
    ev["margin"] = round(score - others[0], 3) if others else 9.0
    best.evidence = ev
    return best


def _time(ctx: DocContext, date: Value | None) -> Value | None:
    cands: list[Value] = []
    for i, t in enumerate(ctx.texts):
        for m in find_times(t):
            score = 1.0 if TIME_LABEL.search(t[: m.start]) else 0.0
            if date is not None:
                score += 2.0 if i == date.row else max(0.0, 1.0 - 0.3 * abs(i - date.row))
            score -= 0.01 * i
            cands.append(ctx.value_at(i, m.start, m.end, m.value, score))
    return max(cands, key=lambda v: v.score) if cands else None


# ----------------------------------------------------------------------------------------- totals

_LOOKALIKE_LETTERS = str.maketrans({"0": "O", "1": "L", "|": "L", "!": "L", "5": "S", "8": "B", "4": "A"})
_LABEL_TOKEN = re.compile(r"[A-Za-z0-9|!]+")


def _same_glyph(read: str, label: str) -> bool:
    """Whether OCR's ``read`` may stand for the label's letter: the same, or a T whose faded bar left an I."""
    return read == label or (read == "I" and label == "T")


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of the read ``a`` to the label word ``b`` (letters that OCR reads for one
    another cost nothing), or ``limit + 1`` when it is larger than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (not _same_glyph(ca, cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _fuzzy_word(token: str) -> str | None:
    """The label word an OCR-garbled token stands for, or None."""
    up = token.upper()
    if len(up) < 4 or up in NEAR_LABEL_WORDS or up in FUZZY_LABEL_WORDS or sum(c.isalpha() for c in up) < 3:
        return None
    read = up.translate(_LOOKALIKE_LETTERS)
    for word, limit in FUZZY_LABEL_WORDS.items():
        if _same_glyph(read[0], word[0]) and _edit_distance(read, word, limit) <= limit:
            return word
    return None


def label_view(text: str) -> tuple[str, list[int]]:
    """``text`` with OCR-garbled label words read as the words, and each view position's offset in ``text``.

    A currency glued to a label ("TotaiRM12.50") is split off first. The offsets let a label found in
    the view be located in the original text (``offsets[k]`` for view index ``k``; one extra entry
    for the end).
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _LABEL_TOKEN.finditer(text):
        tok, start = m.group(0), m.start()
        glued = re.fullmatch(r"([A-Za-z]{3,}?)(RM|USD|EUR|SGD)(\d.*)?", tok)
        core = glued.group(1) if glued else tok
        word = _fuzzy_word(core) if not core.isdigit() else None
        if word is None:
            continue
        out.append(text[pos:start])
        offsets.extend(range(pos, start))
        out.append(word + (" " if glued else ""))
        span = len(core)
        offsets.extend(min(start + k * span // len(word), start + span - 1) for k in range(len(word)))
        if glued:
            offsets.append(start + span)
        pos = start + span
    out.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(out), offsets


def _view(ctx: DocContext, i: int) -> tuple[str, list[int]]:
    cache: dict[int, tuple[str, list[int]]] = ctx.__dict__.setdefault("_label_views", {})
    if i not in cache:
        cache[i] = label_view(ctx.texts[i])
    return cache[i]



def _row_amount(ctx: DocContext, i: int, after: int = 0) -> Value | None:
    """The rightmost amount of row ``i`` after character ``after``, preferring ones with decimals."""
    found = [a for a in ctx.amounts(i) if a.start >= after]
    with_dec = [a for a in found if a.has_decimals or a.currency]
    pick = with_dec[-1] if with_dec else None
    if pick is None:
        # The decimal point read as a dash or lost by OCR ("TOTAL : 12-40", "TOTAL : 12 40"), the
        # row's last token.
        m = _DASH_CENTS.search(ctx.texts[i], after)
        if m is None:
            return None
        value = Decimal(f"{m.group(1)}.{m.group(2)}")
        return ctx.value_at(i, m.start(), m.end(), value)
    return ctx.value_at(i, pick.start, pick.end, pick.value)


_DASH_CENTS = re.compile(r"(?<![\w./\-])(\d{1,6})[-~ ](\d{2})\s*$")


def _labelled_rows(
    ctx: DocContext, label: re.Pattern[str], exclude: re.Pattern[str] | None, rows: range, *, blank: bool = False
) -> list[Value]:
    """The amount after ``label`` on each row of ``rows`` (or alone on the next row). A row matching
    ``exclude`` is skipped, or with ``blank`` only the excluded phrase is ("TOTAL SAVING 0.00  TOTAL 9.50")."""
    out = []
    for i in rows:
        t, offsets = _view(ctx, i)
        if exclude is not None and blank:
            t = exclude.sub(lambda m: " " * len(m.group(0)), t)
        m = label.search(t)
        if not m or (exclude is not None and not blank and exclude.search(t)):
            continue
        v = _row_amount(ctx, i, offsets[m.end() - 1] + 1 if m.end() > m.start() else offsets[m.end()])
        if v is None:
            # "TOTAL" on one row and its amount alone on the next (narrow tills).
            if i + 1 < len(ctx.texts) and _letters(ctx.texts[i + 1]) < 3:
                v = _row_amount(ctx, i + 1)
        if v is not None:
            out.append(v)
    return out


def _summary_start(ctx: DocContext, first_total: int) -> int:
    for i in range(first_total + 1, len(ctx.texts)):
        if SUMMARY.search(ctx.texts[i]):
            return i
    return len(ctx.texts)


# An item's price line: "@ 15.90", "2 x 7.95", "3X4.20" (not "GST @6%"). Its amounts are never the total.
_ITEM_PRICE = re.compile(
    r"@\s*(?:RM|\$|€|£)?\s*\d+[.,]\d{2}(?!\d|\s*%)|(?<![\w.,])\d{1,4}(?:[.,]\d{1,3})?\s*[xX×*]\s*(?:RM|\$|€|£)?\s*\d+[.,]\d{2}(?!\d)"
)
# Label strengths of a total candidate: how surely its label names the amount to pay.
_STRONG, _PLAIN, _WEAK, _SUB, _NONE = 3.0, 2.0, 1.0, 0.5, 0.0
# A total derived from the payment (cash − change) when no row labels it; above a weak label.
_DERIVED_PAID, _DERIVED_CASH = 1.5, 1.25
# Score of the arithmetic relations a total takes part in, and of the last total label of the block.
_REL_PAID, _REL_CASH, _REL_SUM, _REL_SUB_ONLY, _REL_ROUNDED = 2.0, 1.0, 2.0, 1.0, 1.5
_UNROUNDED, _INTERMEDIATE, _LAST, _REPEAT = -1.0, 1.5, 1.0, 0.5
_CENT = Decimal("0.005")


@dataclass
class _Cand:
    """A total candidate: where it was read, how its row is labelled, whether it was derived."""

    value: Value
    strength: float
    derived: bool = False


def _eq(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) < _CENT


def _is_item_line(ctx: DocContext, i: int) -> bool:
    return bool(_ITEM_PRICE.search(ctx.texts[i]))


def _totals(ctx: DocContext) -> dict[str, Value]:
    """Total, subtotal, tax, tip, rounding, discount, cash and change by a consistency solver.

    Every amount a total label (strong, plain, weak) names is a candidate, and so are bare amounts of
    the totals block and the payment (cash − change). Each candidate is scored by its label, by being
    the last total label of the block (the amount after rounding), and by the arithmetic it satisfies
    with the other labelled amounts: cash − change = total, subtotal + tax ± rounding − discount =
    total, a total before it plus the rounding = total, the amount printed twice. Amounts on an item's
    price line ("2 x 7.95", "@ 15.90") and in a tax summary table are no candidates. The other fields
    are those the winning arithmetic used, else the labelled ones nearest the total.

    Each value's ``evidence``: the total's ``label`` (3 strong, 2 plain, 1 weak, 0.5 a subtotal label, 0
    none or derived), ``derived`` (1 when it is cash − change, not a printed amount), ``last_label`` (1
    when on the block's last total label), ``relations`` (how many of: cash − change, tendered − change,
    base + adjustments, rounded from an earlier total agree), ``repeats`` (other candidates printing
    the same amount), ``margin`` (its score over the runner-up's), ``candidates`` (how many there
    were), and ``items_sum`` (1 when the line items add up to it or the subtotal; set by
    :func:`extract_receipt`); the other fields' ``label`` (1) and ``relations`` (1 when the total's
    arithmetic used them).
    """
    n = len(ctx.texts)
    by_row: dict[int, _Cand] = {}
    for label, strength in ((TOTAL_WEAK, _WEAK), (TOTAL_PLAIN, _PLAIN), (TOTAL_STRONG, _STRONG)):
        for v in _labelled_rows(ctx, label, TOTAL_EXCLUDE, range(n), blank=True):
            by_row[v.row] = _Cand(v, strength)
    cash = _labelled_rows(ctx, CASH, CASH_EXCLUDE, range(n))
    change = _labelled_rows(ctx, CHANGE, None, range(n))
    subs = _labelled_rows(ctx, SUBTOTAL, None, range(n))
    taxes = [v for v in _labelled_rows(ctx, TAX, TAX_EXCLUDE, range(n)) if v.value >= 0]
    roundings = _labelled_rows(ctx, ROUNDING, TOTAL_EXCLUDE, range(n))
    discounts = _labelled_rows(ctx, DISCOUNT, None, range(n))
    tips = _labelled_rows(ctx, TIP, TOTAL_EXCLUDE, range(n))
    charges = [v for v in _labelled_rows(ctx, CHARGE, None, range(n)) if v.value > 0]
    # A rounding is cents; a "rounding" row printing a whole total is the rounded total ("ROUNDING RM 30.05").
    for v in roundings:
        if abs(v.value) >= 1 and v.row not in by_row:
            by_row[v.row] = _Cand(v, _WEAK)
    roundings = [v for v in roundings if abs(v.value) < 1]
    # What may stand between a subtotal and the total, each with its sign (a rounding either way).
    adjustments: list[tuple[str, Decimal, Value]] = [("tax", v.value, v) for v in taxes[:3] if v.value > 0]
    adjustments += [("charge", v.value, v) for v in charges[:2]]
    adjustments += [("rounding", s * v.value, v) for v in roundings[-2:] if v.value for s in (1, -1)]
    adjustments += [("discount", -abs(v.value), v) for v in discounts[:2] if v.value]
    rounding_rows = [i for i in range(n) if ROUNDING.search(_view(ctx, i)[0]) and not TOTAL_EXCLUDE.search(_view(ctx, i)[0])]

    # A subtotal is the total where nothing is added to it (and a rounded "subtotal" is the amount due).
    for v in subs:
        if v.row not in by_row:
            by_row[v.row] = _Cand(v, _SUB)
    # The money handed over is no total, even under a total label ("ACCEPTED TOTAL 10.00").
    paid_at = {(v.row, v.value) for v in cash}
    by_row = {r: c for r, c in by_row.items() if (r, c.value.value) not in paid_at}

    labelled = [c for r, c in sorted(by_row.items()) if c.strength > _WEAK]
    first = min([c.value.row for c in labelled] or [c.value.row for c in by_row.values()] or [n])
    block_start = min([first] + [v.row for v in subs])
    # The tax summary table after the totals (its heading may carry a weak label: "Amount(RM)").
    anchor = min([c.value.row for c in by_row.values() if c.strength >= _SUB] + [n])
    end = _summary_start(ctx, anchor if anchor < n else -1)
    cands = [c for r, c in sorted(by_row.items()) if r < end and not _is_item_line(ctx, r)]
    taken = set(by_row) | {v.row for group in (cash, change, subs, taxes, roundings, discounts, tips) for v in group}
    # Bare amounts of the block: a total whose label OCR could not read (after a rounding line, say).
    after_rounding = {k + d for k in rounding_rows for d in (1, 2)}
    for i in range(block_start, min(end, n)):
        if i in taken or _is_item_line(ctx, i) or (_letters(ctx.texts[i]) >= 3 and i not in after_rounding):
            continue
        v = _row_amount(ctx, i)
        if v is not None and v.value > 0:
            cands.append(_Cand(v, _NONE))
    change_v = change[0] if change else None
    if cash:
        c0 = cash[0]
        paid = abs(c0.value) - (abs(change_v.value) if change_v is not None else 0)
        if paid > 0:
            strength = _DERIVED_PAID if change_v is not None else _DERIVED_CASH
            cands.append(_Cand(Value(paid, c0.text, c0.bbox, c0.confidence, c0.origin, 0, c0.row), strength, True))

    out: dict[str, Value] = {}
    used: dict[str, Any] = {}
    scored: list[tuple[tuple[float, dict[str, Any]], _Cand]] = []
    if cands:
        scored = [(_score_total(c, cands, cash, change_v, subs, adjustments, roundings, rounding_rows), c) for c in cands]
        scored = [sc for sc in scored if sc[0][0] > -9]
        # A total a later total is computed from ("TOTAL 40.00 ... SERVICE 4.00 ... TOTAL 46.64") is an
        # intermediate one.
        bases = {id(sc[0][1]["base"]) for sc in scored if "base" in sc[0][1]}
        scored = [((s - _INTERMEDIATE if id(c.value) in bases else s, u), c) for (s, u), c in scored]
        # ... and a "total" that is the money handed over is none.
        tendered = {id(sc[0][1]["tendered"]) for sc in scored if "tendered" in sc[0][1]}
        scored = [((s - _REL_PAID if id(c.value) in tendered else s, u), c) for (s, u), c in scored]
    if cands and scored:
        scored.sort(key=lambda sc: (sc[0][0], not sc[1].derived, sc[1].value.row))
        (best_score, used), best = scored[-1]
        # the best candidate for another amount (the same amount printed twice is no rival)
        rivals = [sc[0][0] for sc in scored[:-1] if not _eq(sc[1].value.value, best.value.value)]
        runner_up = max(rivals) if rivals else 0.0
        total = best.value
        total.evidence = {
            "label": best.strength if not best.derived else 0.0,
            "derived": float(best.derived),
            "last_label": float(bool(labelled) and not best.derived and total.row == labelled[-1].value.row),
            "relations": float(sum(1 for k in ("paid", "tendered", "sum", "rounded") if k in used)),
            "repeats": float(sum(1 for c in cands if c is not best and not c.derived and _eq(c.value.value, total.value))),
            "margin": round(best_score - runner_up, 3),
            "candidates": float(len(cands)),
        }
        out["total"] = total
        limit = total.row
        for key, vals, pick_last in (
            ("subtotal", subs, False),
            ("tax", [v for v in taxes if v.value < abs(total.value) or total.value == 0], False),
            ("rounding", roundings, True),
            ("discount", discounts, False),
        ):
            v = used.get(key)
            if v is None:
                before = [x for x in vals if x.row <= limit]
                if key == "tax":
                    before = before or vals  # a tax line printed under the total
                v = (before[-1] if pick_last else before[0]) if before else None
            if v is not None:
                agrees = key in used and ("sum" in used or (key == "rounding" and "rounded" in used))
                # a copy: one printed amount may be two fields (a subtotal that is the total)
                out[key] = replace(v, evidence={"label": 1.0, "relations": float(agrees)})
        tip = [v for v in tips if v.row <= limit]
        if tip:
            out["tip"] = replace(tip[0], evidence={"label": 1.0, "relations": 0.0})
    else:
        tax = taxes[:1]
        if tax:
            out["tax"] = tax[0]
        if subs:
            out["subtotal"] = subs[0]
    paid_agrees = float("total" in out and "paid" in used)
    if cash:
        out["cash"] = replace(cash[0], evidence={"label": 1.0, "relations": paid_agrees})
    if change_v is not None:
        out["change"] = replace(change_v, evidence={"label": 1.0, "relations": paid_agrees})
    return out


def _score_total(
    c: _Cand,
    cands: list[_Cand],
    cash: list[Value],
    change: Value | None,
    subs: list[Value],
    adjustments: list[tuple[str, Decimal, Value]],
    roundings: list[Value],
    rounding_rows: list[int],
) -> tuple[float, dict[str, Any]]:
    """The support of total candidate ``c``, and the amounts its arithmetic used (by field; "paid",
    "sum", "rounded" mark the relations that held)."""
    t = c.value.value
    score = c.strength - (1.0 if t < 0 else 0.0)  # a refund or adjustment note's negative total is rare
    used: dict[str, Any] = {}
    labelled_rows = [x.value.row for x in cands if x.strength > _WEAK and not x.derived]
    if not c.derived and labelled_rows and c.value.row == max(labelled_rows):
        score += _LAST
    if t == 0:
        score -= 1.0
    # cash − change = total
    if cash and not c.derived:
        paid = abs(cash[0].value) - (abs(change.value) if change is not None else 0)
        if change is not None and _eq(paid, t):
            score += _REL_PAID
            used["paid"] = True
        elif change is None and _eq(abs(cash[0].value), t):
            score += _REL_CASH
            used["paid"] = True
    # The amount handed over read as a total ("TOTAL 10.00 / CHANGE 5.00" with no cash line): a total
    # just above the change, less the change, is this total printed above it.
    if change is not None and not cash and not c.derived and change.value:
        for x in cands:
            if x is c or x.derived or not (c.value.row < x.value.row < change.row <= x.value.row + 2):
                continue
            if _eq(abs(x.value.value) - abs(change.value), t):
                score += _REL_PAID
                used["tendered"] = x.value
    # base + adjustments = total: a subtotal (or a total before it, then this one is the final one) plus
    # taxes and charges, ± the rounding, − discounts
    best_sum = 0.0
    bases = [("subtotal", s) for s in subs if s is not c.value and (c.derived or s.row <= c.value.row)]
    bases += [("base", x.value) for x in cands if not x.derived and x is not c and x.value.row < c.value.row]
    for kind, base in bases:
        adjust = [a for a in adjustments if a[2].row != base.row and a[2].row != c.value.row]
        for size in range(min(3, len(adjust)) + 1):
            for combo in itertools.combinations(adjust, size):
                if len({a[0] for a in combo}) < size or (kind == "base" and size == 0):
                    continue  # each field once; an earlier total alone is a repeat, counted below
                if not _eq(base.value + sum((a[1] for a in combo), Decimal(0)), t):
                    continue
                gain = _REL_SUM if combo else _REL_SUB_ONLY
                if gain > best_sum:
                    best_sum = gain
                    for k in ("subtotal", "base", "tax", "charge", "rounding", "discount"):
                        used.pop(k, None)
                    used.update({kind: base, "sum": True}, **{a[0]: a[2] for a in combo})
    score += best_sum
    # a total before it plus the rounding = total (it is the rounded one), or the reverse
    for other in cands:
        if other is c or other.derived or other.strength == _NONE and c.strength == _NONE:
            continue
        diff = abs(t - other.value.value)
        if diff == 0 or diff > Decimal("0.10"):
            continue
        lo, hi = sorted((other.value.row, c.value.row))
        between = [r for r in rounding_rows if lo < r < hi]
        amounts = [r for r in roundings if lo < r.row < hi]
        # the rounding's own amount, or (unread) a difference of at most 10 cents
        if between and (not amounts or any(_eq(abs(r.value), diff) for r in amounts)):
            if other.value.row < c.value.row:
                # the same total, rounded: it carries the label of the unrounded one
                score += _REL_ROUNDED + max(0.0, other.strength - c.strength)
                used["rounded"] = True
                if amounts:
                    used["rounding"] = amounts[-1]
            else:
                score += _UNROUNDED
    # printed twice
    if any(_eq(x.value.value, t) and x is not c and not x.derived and x.value.row != c.value.row for x in cands):
        score += _REPEAT
    if c.strength < _WEAK and score < 2.0:
        return -9.0, {}  # a bare amount or a subtotal is the total only where the arithmetic says so
    return score, used


# ------------------------------------------------------------------------------------------ items



def _items(ctx: DocContext, start: int, stop: int) -> list[dict[str, Any]]:
    """Line items between rows ``start`` and ``stop`` (exclusive)."""
    for i in range(start, stop):
        if len(ITEM_HEADER.findall(ctx.texts[i])) >= 2 and not ctx.amounts(i):
            start = i + 1
            break
    items: list[dict[str, Any]] = []
    pending: list[int] = []  # description rows without an amount
    for i in range(start, stop):
        t = _view(ctx, i)[0]
        amts = [a for a in ctx.amounts(i) if a.has_decimals or a.currency]
        if not amts or TOTAL_PLAIN.search(t) or SUBTOTAL.search(t) or CASH.search(t) or CHANGE.search(t):
            # a description printed above its numbers; not "EUR" over the prices, not a heading row
            if (_letters(t) >= 3 and not TOTAL_PLAIN.search(t) and parse_currency(t) is None and not _heading_row(t)
                    and not _SECTION.fullmatch(t.strip(" :"))):
                pending = (pending + [i])[-2:]
            else:
                pending = []
            continue
        if DISCOUNT.search(t) or TAX.search(t) or (ROUNDING.search(t) and abs(amts[-1].value) < 1):
            continue  # a rounding is cents ("Design review and feedback round  790.05" is an item)
        item = _parse_item_row(ctx, i, pending)
        if item is not None:
            items.append(item)
        elif items and not _priced_by_qty_line(ctx, i, items[-1]):
            _apply_qty_line(items[-1], t)
        pending = []
    return items


def _priced_by_qty_line(ctx: DocContext, i: int, item: dict[str, Any]) -> bool:
    """``Cola 0,51`` over ``2 x 1,99   3,98``: when the row under an item is a quantity line with an
    amount of its own (2 × 1,99 = 3,98) in the amounts' column, and the item's "amount" stands well
    left of that column, the item's number was part of its name (a size OCR read as "0,51") and the
    quantity line prices it. Returns whether it did."""
    found = _qty_line(ctx.texts[i])
    amounts = [a for a in ctx.amounts(i) if a.has_decimals]
    if found is None or len(amounts) < 2 or item["quantity"] is not None:
        return False
    qty, unit = found
    own = amounts[-1]
    if not _product_is(qty, unit, own.value) or own.value == item["amount"]:
        return False
    value = ctx.value_at(i, own.start, own.end, own.value)
    old = item["_value"]
    if value.bbox is None or old.bbox is None or old.bbox[2] > value.bbox[2] - 2 * ctx.rows[i].height:
        return False
    item.update(
        description=normalize_text(f"{item['description']} {old.text}"),
        quantity=qty,
        unit_price=unit,
        amount=own.value,
        _value=value,
    )
    return True


# A count before the description: 1-99, a space or an "x", then a word ("2 Soda", "2 x Croissant",
# "2X CROISSANT"; not "7UP", not "100 PLUS").
_LEADING_QTY = re.compile(r"([1-9]\d?)(?:\s*[xX×*])?\s+(?=[^\W\d_]{3})")
QTY_LINE = re.compile(r"^\W*(\d{1,4}(?:[.,]\d{1,3})?)\s*(?:[xX@*]|PCS?\s*[xX@]?)\s*(?:RM|\$|€|£)?\s*(\d+[.,]\d{2})\b")


def _qty_line(text: str) -> tuple[Decimal, Decimal] | None:
    """The quantity and unit price of a quantity line (``2 @ $2.49``, ``2 x 1,99``), or None."""
    m = QTY_LINE.match(text.strip())
    if not m:
        return None
    qty, unit = (Decimal(g.replace(",", ".")) for g in m.groups())
    return (qty, unit) if qty > 0 else None


def _apply_qty_line(item: dict[str, Any], text: str) -> None:
    """``2 @ $2.49`` under an item: its quantity and unit price, when they multiply to its amount."""
    found = _qty_line(text)
    if found is not None and _product_is(found[0], found[1], item["amount"]):
        item["quantity"], item["unit_price"] = found


def _parse_item_row(ctx: DocContext, i: int, pending: list[int]) -> dict[str, Any] | None:
    t = ctx.texts[i]
    nums = ctx.amounts(i)
    amount = [a for a in nums if a.has_decimals or a.currency][-1]
    # Description: the text before the first number of the trailing number run.
    first_num = amount.start
    # In a text layer, words of one cell are one space apart and cells three: a number one space
    # after a word is part of the description ("Part number 35   2   1.50   3.00").
    # An OCR box is a cell too: a whole number that ends a box opening with words ("Part number 31"
    # beside the boxes "2", "1.50", "3.00") is part of the description, where other boxes before the
    # amount hold the row's numbers ("COLA 2" beside "3.00" alone: 2 is the count).
    text_layer = ctx.rows[i].source == "text"
    row = ctx.rows[i]
    for a in reversed(nums[:-1] if nums[-1] is amount else nums):
        if a.end <= first_num and not _glued(t, a.start, a.end) and not re.search(r"[A-Za-z]{2,}", t[a.end : first_num]):
            if text_layer and re.search(r"[^\W\d_]\S* $", t[: a.start]) and not _TIMES.search(t[: a.start]):
                break
            if not text_layer and not a.has_decimals and _ends_a_named_box(row, t, a.start, a.end, amount.start):
                if any(b.start >= a.end and b is not amount for b in nums):
                    break
            first_num = a.start
    desc = normalize_text(re.sub(r"\s+[xX@*]?\s*$", "", t[:first_num])).strip(" :-*")
    if _unit_only(desc):
        desc = ""  # a unit-of-measure column ("PCS", "UNIT") stands where the description would
    if _letters(desc) < 2 and pending:
        desc = normalize_text(" ".join(ctx.texts[j] for j in pending))
    elif pending and _letters(desc) >= 2 and re.fullmatch(r"[\d\s\W]*", ctx.texts[pending[-1]] or ""):
        pass
    qty: Decimal | None = None
    unit: Decimal | None = None
    # Numbers glued to letters are sizes or codes (1L, 500G, A4), never quantities or prices.
    others = [a.value for a in nums if a is not amount and a.start >= first_num and not _glued(t, a.start, a.end)]
    for q in others:
        for u in others:
            if q is not u and q > 0 and _product_is(q, u, amount.value):
                qty, unit = q, u
                break
        if qty is not None:
            break
    if qty is None:
        # "2 x 1.50"; with the count's unit between ("1,5 t x 67,99"), where they make the amount
        m = re.search(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]{1,5}\.?\s*)?[xX@×]\s*(?:RM|\$|€|£)?\s*(\d+[.,]\d{2})", t)
        if m:
            q, u = (Decimal(g.replace(",", ".")) for g in (m.group(1), m.group(3)))
            if not m.group(2) or _product_is(q, u, amount.value):
                qty, unit = q, u
    if qty is None and len(others) == 1 and others[0] == others[0].to_integral_value() and 0 < others[0] < 1000:
        qty = others[0]  # the unit price is not printed: it stays empty (never a number made up)
    lead = _LEADING_QTY.match(desc)
    if qty is None and lead:  # "2 Cheeseburger  25.98": the count leads the description
        qty, desc = Decimal(lead.group(1)), desc[lead.end() :]
        # "2 X CROISSANT 1,10   2,20": the unit price, where one multiplies to the amount (in a text
        # layer a price one space after the name was kept in the description)
        unit = next((u for u in others if _product_is(qty, u, amount.value)), None)
        tail = re.search(r"\s(\d{1,6}[.,]\d{2})$", desc)
        if unit is None and tail:
            u = parse_amount(tail.group(1), decimal_sep=ctx.decimal_sep)
            if u is not None and _product_is(qty, u, amount.value):
                unit, desc = u, desc[: tail.start()]
    if not desc or _letters(desc) < 2:
        return None
    return {
        "description": desc,
        "quantity": qty,
        "unit_price": unit,
        "amount": amount.value,
        "_value": ctx.value_at(i, amount.start, amount.end, amount.value),
        "_desc_row": i,
    }


def _product_is(qty: Decimal, unit: Decimal, amount: Decimal) -> bool:
    """Whether a count times a unit price makes an amount, to the cent."""
    return abs(qty * unit - amount) <= Decimal("0.011")


# A section's heading over the items ("Items", "Varer", "Leistungen"): no item's description.
_SECTION = compile_words(COLUMNS["item"], COLUMNS["desc"])
_TIMES = re.compile(r"(?<![^\W\d_])[xX×@] $")  # "1,5 t x 67,99": a times sign, no word before the price


def _unit_only(text: str) -> bool:
    """Whether a text holds only units of measure and numbers ("PCS", "2 UNIT", "1 EA")."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and all(w.upper() in UNIT_WORDS for w in words)


def _heading_row(text: str) -> bool:
    """Whether a row is an item table's heading ("QTY  DESCRIPTION  PRICE  AMOUNT"): two heading words
    and nothing much else."""
    heads = ITEM_HEADER.findall(text)
    rest = _letters(ITEM_HEADER.sub(" ", text))
    return len(heads) >= 2 and rest <= 4


def _ends_a_named_box(row: Any, text: str, start: int, end: int, amount_start: int) -> bool:
    """Whether ``text[start:end]`` is the last token of an OCR box that opens with a word, and the
    row's amount stands in another box."""
    end = start + len(text[start:end].rstrip())  # a match may take the space after it
    for s, e in row.spans:
        if s <= start < e:
            return e <= amount_start and not text[end:e].strip() and bool(re.match(r"\s*[^\W\d_]{2,}", text[s:start]))
    return False


def _glued(text: str, start: int, end: int) -> bool:
    return (end < len(text) and text[end].isalpha()) or (start > 0 and text[start - 1].isalpha())


# ------------------------------------------------------------------------------------------ entry


def _last_row(ctx: DocContext, v: Value) -> int:
    """The last row a value was read from (an address takes several), before the totals."""
    if v.bbox is None:
        return v.row
    last = v.row
    for j in range(v.row + 1, len(ctx.texts)):
        if (ctx.rows[j].y0 + ctx.rows[j].y1) / 2 > v.bbox[3]:
            break
        last = j
    return last


def _payment_method(ctx: DocContext, found: dict[str, Value]) -> str | None:
    if "cash" not in found:
        return None
    t = ctx.texts[found["cash"].row].upper()
    for key, name in PAYMENT_METHOD_WORDS:
        if key in t:
            return name
    return "card" if re.search(r"\bCB\b", t) else None  # carte bancaire


def extract_receipt(words: Sequence[Word], *, currency_hint: str | None = None) -> Reading:
    """Receipt fields (the ``receipt`` schema) from words with boxes, with provenance; ``check_amounts``
    holds the printed amounts the kit's checks need that no field holds."""
    ctx = DocContext(words, currency_hint=currency_hint)
    data: dict[str, Any] = {
        "merchant_name": None,
        "merchant_address": None,
        "date": None,
        "time": None,
        "currency": ctx.currency,
        "items": [],
        "subtotal": None,
        "tax": None,
        "tip": None,
        "total": None,
        "payment_method": None,
    }
    values: dict[str, Value] = {}
    name, address = _merchant(ctx)
    date = _date(ctx)
    time = _time(ctx, date)
    found = _totals(ctx)
    for key, v in (("merchant_name", name), ("merchant_address", address), ("date", date), ("time", time)):
        if v is not None:
            values[key] = v
    for key in ("subtotal", "tax", "tip", "total"):
        if key in found:
            values[key] = found[key]
    for key, v in values.items():
        data[key] = v.value
    data["payment_method"] = _payment_method(ctx, found)

    first_total = min([v.row for k, v in found.items() if k in ("subtotal", "total", "tax")] + [len(ctx.texts)])
    # The items lie between the header and the totals; a date printed at the foot (as on German
    # and French tills) is not part of the header.
    header = ("merchant_name", "merchant_address", "date", "time")
    header_end = max([_last_row(ctx, v) for k, v in values.items() if k in header and v.row < first_total] + [0])
    items = _items(ctx, header_end + 1, first_total) if first_total > header_end else []
    provenance = {k: v.source() for k, v in values.items()}
    for n, item in enumerate(items):
        provenance[f"items[{n}].amount"] = item.pop("_value").source()
        item.pop("_desc_row")
    data["items"] = items
    if "total" in found and items:
        # the items adding up to the subtotal or the total backs both (evidence only: items are read
        # after the totals, from the rows above them)
        amounts = sum((i["amount"] for i in items), Decimal(0))
        agree = any(_eq(amounts, found[k].value) for k in ("total", "subtotal") if k in found)
        found["total"].evidence["items_sum"] = float(agree)
    extra = {k: found[k].value for k in ("rounding", "discount") if k in found}
    if "discount" in extra:
        extra["discount"] = abs(extra["discount"])
    evidence = {k: dict(v.evidence) for k, v in values.items() if v.evidence}
    evidence.update({k: dict(found[k].evidence) for k in ("rounding", "discount", "cash", "change") if k in found and found[k].evidence})
    # The arithmetic is the schema kit's to check, once, on the merged document (a page may be a part).
    return Reading(data=data, provenance=provenance, text="\n".join(ctx.texts), check_amounts=extra, evidence=evidence)
