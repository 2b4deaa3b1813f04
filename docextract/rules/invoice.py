"""Invoice rules: number, dates, parties, currency, lines and the totals block.

Labels come from the lexicon in :mod:`docextract.rules.lexicon` (English, French, German,
Dutch, Spanish, Italian, Portuguese). A label's value is paired by layout (:func:`_pair`): in the
label's cell, in the next cell of its row, or in the cell under it. The issuer is scored over the
name-like cells (:func:`_issuer`), the currency comes from printed marks, or from a statement of it
where no amount carries one. The amount due wins over plain totals; net/ex-tax totals are subtotals.
"""

from __future__ import annotations

import difflib
import itertools
import re
import statistics
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from docextract.layout import Line, union_bbox
from docextract.parsing import (
    AmountMatch,
    detect_currency,
    find_amounts,
    find_dates,
    infer_dayfirst,
    normalize_chars,
    normalize_text,
    parse_currency,
    strip_currency,
)
from docextract.rules import DocContext, Reading, Value, _value_below, amounts_parser, cells_of, find_labelled
from docextract.rules import lexicon as labels
from docextract.rules.receipt import (
    CONTACT,
    DISCOUNT,
    LEGAL,
    PHONE,
    SUBTOTAL,
    SUMMARY,
    TAX,
    TAX_EXCLUDE,
    TAX_ID,
    TOTAL_EXCLUDE,
    TOTAL_PLAIN,
    TOTAL_STRONG,
    _addressish,
    _clean_name,
    _items,
    _letters,
    _parse_item_row,
    _product_is,
    normalize_legal_form,
)
from docextract.types import BBox, Word

__all__ = ["extract_invoice"]

Parse = Callable[[str], list[tuple[Any, int, int]]]

_I = re.IGNORECASE

INVOICE_NO = labels.compile_labels(labels.INVOICE_NUMBER)
REFERENCE_NO = labels.compile_labels(labels.REFERENCE_NUMBER)
_ID_TOKEN = re.compile(r"(?<![\w-])(?:[#:]\s*)?([^\W_][\w\-/.]*[^\W_]|\d)(?![\w])")  # any script's letters ("Α-448")

DATE_INVOICE = labels.compile_labels(labels.INVOICE_DATE)
DATE_GENERIC = labels.compile_labels(labels.DATE_GENERIC)
DATE_OTHER = labels.compile_labels(labels.OTHER_DATE)
DUE_DATE = labels.compile_labels(labels.DUE_DATE)
AMOUNT_DUE = labels.compile_labels(labels.AMOUNT_DUE)
SUBTOTAL = re.compile(rf"{SUBTOTAL.pattern}|{labels.compile_labels(labels.INVOICE_SUBTOTAL).pattern}", _I)
TOTAL_EXCLUDE = re.compile(rf"{TOTAL_EXCLUDE.pattern}|{SUBTOTAL.pattern}|{labels.compile_lexicon(labels.PAID_WORDS).pattern}", _I)
TITLE_WORDS = labels.compile_labels(labels.INVOICE_TITLE, labels.QUOTE_TITLE)
_TOTAL_LABEL = re.compile(rf"{AMOUNT_DUE.pattern}|{SUBTOTAL.pattern}|{TOTAL_STRONG.pattern}|{TOTAL_PLAIN.pattern}", _I)
_GROUP_TOTAL = re.compile(rf"^\W*(?:{_TOTAL_LABEL.pattern})\b", _I)  # "Total Backups & Snapshots" in an item table
_PREVIOUS_BALANCE = labels.compile_lexicon(labels.PREVIOUS_BALANCE_WORDS)
_CARRIED = labels.compile_lexicon(labels.CARRIED_WORDS)
_CURRENT_CHARGES = labels.compile_lexicon(labels.CURRENT_CHARGES_WORDS)
_SETTLED = labels.compile_words(labels.SETTLED_WORDS)
# a company's name ends with its legal form
LEGAL_INSIDE = re.compile(rf"(?:{LEGAL.pattern}|{labels.compile_words(labels.LEGAL_FORMS).pattern})", _I)
LEGAL_FORM = re.compile(rf"(?:{LEGAL_INSIDE.pattern})\W*$", _I)
ISSUER_LABEL = labels.compile_labels(labels.ISSUER)
# "Customer No", "Kundennr.", "N° client", "Code client": a number, not the customer.
_NUMBER_WORD = r"(?:N(?:UM(?:BER|MER|[EÉ]RO)?|R|O)\b|NR\.|NO\.|N°|ID\b|#|CODE|REF|ACCOUNT|KONTO|NUMMER|NR\b)"
CUSTOMER = re.compile(
    rf"(?:{labels.compile_labels(labels.CUSTOMER).pattern})(?!\s*-?\s*{_NUMBER_WORD})(?!N)", _I
)
CUSTOMER_NUMBER = re.compile(
    rf"(?:{_NUMBER_WORD}|N\.?\s*[°O]|C[OÓ]D(?:IGO|ICE)?\.?|R[ÉE]F\.?)\s*(?:DE\s*|DU\s*|DEL\s*)?(?:CLIENTE?|KLANT|KUNDE)"
    r"|(?:KLANT|KUNDE?N?|DEBITEUR)\s*-?\s*(?:NUMMER|NR)|(?:NUMER|NR)\s*KLIENTA"
    rf"|(?:CUSTOMER|CLIENT|ACCOUNT)\s*-?\s*(?:{_NUMBER_WORD}|N\.?\s*[°O])",
    _I,
)

# Another field's label right after a label in the same box (see _pair); the rule between two
# headings may read as a mark ("Fattura n. - Data fattura").
_NEXT_LABEL = re.compile(
    r"[.:]?\s*[-–|·]?\s+(" + "|".join(p.pattern for p in (CUSTOMER_NUMBER, DATE_INVOICE, DATE_GENERIC, DUE_DATE, DATE_OTHER, INVOICE_NO))
    + ")",
    _I,
)


def _glue(text: str) -> bool:
    """Whether ``text`` may join a label to its value: spaces and marks only (":", "#", "°", or what
    OCR reads them as: a quote, a comma), no letter or digit."""
    return not re.search(r"[^\W_]", text)


# A series' letters before a number of the series ("FT 2024/9041", "FV 2025/03/115", "FPR 232/2024").
_SERIES = re.compile(r"(?<![\w-])([A-Z]{1,4}) $")


def _ids(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _ID_TOKEN.finditer(text):
        tok = m.group(1)
        # a date is no number ("07.03.2025"), but a number may begin with one ("20250721-11")
        if not re.search(r"\d", tok) or re.fullmatch(r"\d{1,2}", tok) or any(d.start == 0 and d.end == len(tok) for d in find_dates(tok)):
            continue
        series = _SERIES.search(text[: m.start(1)]) if tok[0].isdigit() and "/" in tok else None
        if series and (TAX.fullmatch(series.group(1)) or re.fullmatch(labels.NUMBER_MARK, series.group(1), _I)):
            series = None  # "Faktura VAT 424/02/2024", "Nr 17/2024": a label's word, no series
        if series:
            out.append((text[series.start(1) : m.end(1)], series.start(1), m.end(1)))
        else:
            out.append((tok, m.start(1), m.end(1)))
    return out


def _cells(ctx: DocContext, i: int) -> list[tuple[int, int, Line]]:
    """The cells of row ``i`` with their span in ``ctx.texts[i]``."""
    return cells_of(ctx.rows[i])


def _value_opening(ctx: DocContext, i: int, start: int, end: int, parse: Parse) -> Value | None:
    """The value that opens ``texts[i][start:end]`` (after spaces and punctuation), or None."""
    seg = ctx.texts[i][start:end]
    found = sorted(parse(seg), key=lambda f: f[1])
    if not found or not _glue(seg[: found[0][1]]):
        return None
    v, s, e = found[0]
    return ctx.value_at(i, start + s, start + e, v)


def _pair(ctx: DocContext, label: re.Pattern[str], parse: Parse, *, skip: re.Pattern[str] | None = None,
          whole: bool = True) -> list[Value]:
    """Values paired with a label by layout, in reading order.

    A label's value is the value that follows it in its own cell ("Invoice No: 42"), else the one
    opening the next cell of its row (a label column and a value column), else the one opening the
    cell under it (labels above values, alone or in a grid of several). Only a label that ends its
    cell reaches beyond it: a cell going on in words is a sentence, not a label. A cell matching
    ``skip`` holds another field's label ("Customer No", "Order date"). ``whole``: a match of
    ``label`` is a label by itself, so another label after it in the same box is another field's
    (a generic "Date" is not: "Date de livraison" is one label).
    """
    out: list[Value] = []
    for i in range(len(ctx.texts)):
        cells = _cells(ctx, i)
        for k, (start, end, cell) in enumerate(cells):
            text = ctx.texts[i][start:end]
            m = label.search(text)
            if m is None:
                continue
            first = m.start()
            while (again := label.search(text, m.end())) and re.fullmatch(r"[\s.:]*/\s*", text[m.end() : again.start()]):
                m = again  # one label in two languages ("No de facture / Invoice No."): the value follows the last
            # OCR reads two headings set close together as one box ("NÚMERO DE FACTURA N° CLIENTE"
            # over two values): the label's part of the cell ends where another field's label starts.
            after = _NEXT_LABEL.match(text, m.end()) if whole else None
            own = after.start(1) if after else len(text)
            if skip is not None and skip.search(text[:own] if after else text[: m.end()]):
                continue  # (another field's label after the value is that field's: "… Account No.: 29845")
            got = _value_opening(ctx, i, start + m.end(), start + own, parse)
            if got is None and _glue(text[m.end() : own]):
                if k + 1 < len(cells) and after is None:
                    got = _value_opening(ctx, i, cells[k + 1][0], cells[k + 1][1], parse)
                if got is None:
                    span = (cell.x0, cell.x1)
                    if after is not None:  # its share of the box, by characters
                        span = (_x_share(cell, first / len(text)), _x_share(cell, own / len(text)))
                    elif text[:first].strip() and (box := ctx.rows[i].span_bbox(start + first, start + own)):
                        span = (box[0], box[2])  # another label before it in the cell: its own words' extent
                    got = _value_under(ctx, i, cell, parse, span)
            if got is not None:
                out.append(got)
    return out


def _x_share(cell: Line, share: float) -> float:
    return cell.x0 + share * (cell.x1 - cell.x0)


def _value_under(ctx: DocContext, i: int, label: Line, parse: Parse, span: tuple[float, float] | None = None) -> Value | None:
    """The value opening the first cell under ``label`` (overlapping its columns, or ``span`` of
    them), within a line or two."""
    h = max(label.height, 1.0)
    x0, x1 = span or (label.x0, label.x1)
    for j in range(i + 1, min(i + 4, len(ctx.rows))):
        if ctx.rows[j].y0 - label.y1 > 2.5 * h:
            break
        for start, end, cell in _cells(ctx, j):
            if cell.x1 >= x0 and cell.x0 <= x1 + h:
                if cell.x0 < x0 - h:  # a cell from the left running under the label: values set close together
                    return _value_within(ctx, j, start, end, parse, (x0, x1)) or _value_opening(ctx, j, start, end, parse)
                return _value_opening(ctx, j, start, end, parse)
    return None


def _value_within(ctx: DocContext, i: int, start: int, end: int, parse: Parse, span: tuple[float, float]) -> Value | None:
    """The first value of ``texts[i][start:end]`` that begins under ``span`` (x0, x1), or None."""
    for v, s, e in sorted(parse(ctx.texts[i][start:end]), key=lambda f: f[1]):
        box = ctx.rows[i].span_bbox(start + s, start + e)
        if box is not None and span[0] - ctx.rows[i].height <= box[0] <= span[1]:
            return ctx.value_at(i, start + s, start + e, v)
    return None


# Last resort: the document's title word after a short token OCR garbled ("REE FACTURE", "s° FACTURE:"
# for "Réf. facture", "N° facture"), alone in its cell.
_GARBLED_NO = re.compile(r"^\W*[^\s\d]{1,3}[.°º:]?\s*(?:INVOICE|RECHNUNG|FACTURE|FACTURA|FATTURA|FACTUUR|FATURA)\W*$", _I)
_TITLE_OR_CUSTOMER_NO = re.compile(f"{CUSTOMER_NUMBER.pattern}|{TITLE_WORDS.pattern}", _I)  # "TAX INVOICE" is a title


# The document's title and its number, alone in a cell ("Facture RG23-2203", "RECHNUNG Nr. 2024/17").
_TITLE_NUMBER = re.compile(
    rf"^\W*(?:(?:TAX|SALES|COMMERCIAL)\s+)?(?:{labels.alternation(labels.INVOICE_TITLE_WORDS)})\b"
    r"(?:\s+ELECTR[ÓO]NICA?\b)?"  # "Factura electrónica", Latin America's fiscal invoice
    rf"\s*(?:(?:{labels.NUMBER_MARK})\.?)?\s*[:#]?\s*",
    _I,
)
# A number mark alone before a number, under the title ("N° 88379", "Nº: 0003-00091471").
_BARE_MARK = re.compile(r"^\W*(?:N\.?\s*[°ºO]|NO\.|NR\.|№|#)\s*[:.]?\s*", _I)
# The number word alone as a label, opening its cell ("Numéro :", "Nomor:", "Number:"): the
# document's number where its title names the document and no label names the number otherwise.
# (alone in its cell, a grid's heading over its value: "NÚMERO", "N°")
_BARE_NUMBER = re.compile(r"^\W*(?:NUMBER|NUM[ÉE]RO|N[ÚU]MERO|NUMMER|NOMOR|NOMBOR|NUMER|BROJ|NO|NR|N\.?\s*[°º]|№)\s*\.?\s*(?::|$)", _I)
_QUOTE_NO = labels.compile_labels(labels.QUOTE_NUMBER)
_QUOTE_TITLE = labels.compile_labels(labels.QUOTE_TITLE)
_OTHER_NUMBER = re.compile(f"{CUSTOMER_NUMBER.pattern}|{labels.compile_labels(labels.OTHER_INVOICE).pattern}", _I)


def _invoice_number(ctx: DocContext) -> Value | None:
    """The invoice number: by its label, else the one the title carries, else a reference's, else
    after a garbled label (each weaker evidence, as its score says)."""
    finders: list[tuple[Callable[[], list[Value]], float]] = [
        (lambda: _pair(ctx, INVOICE_NO, _ids, skip=_OTHER_NUMBER), 2.0),
        (lambda: _pair(ctx, _QUOTE_NO, _ids, skip=_OTHER_NUMBER) if _titled(ctx, _QUOTE_TITLE) else [], 1.8),
        (lambda: _title_number(ctx), 1.5),
        (lambda: _pair(ctx, _BARE_NUMBER, _ids, skip=_OTHER_NUMBER) if _titled(ctx) else [], 1.2),
        (lambda: _pair(ctx, REFERENCE_NO, _ids, skip=CUSTOMER_NUMBER), 1.0),
        (lambda: _pair(ctx, _GARBLED_NO, _ids, skip=_TITLE_OR_CUSTOMER_NO), 0.5),
    ]
    for find, score in finders:
        found = find()
        if found:
            v = found[0]
            v.score = score
            return v
    return None


def _titled(ctx: DocContext, title: re.Pattern[str] | None = None) -> bool:
    """Whether a cell of the document is its title ("INVOICE", "Faktur Pajak", "Credit note"; or
    one ``title`` matches)."""
    title = title or TITLE_WORDS
    return any(title.search(ctx.texts[i][s:e]) for i in range(len(ctx.rows)) for s, e, _ in _cells(ctx, i))


def _title_number(ctx: DocContext) -> list[Value]:
    """The number the document's title carries where no label names it: the title and a number
    alone in a cell ("Invoice SI23/3482"), or the title alone over a cell that is a number alone
    ("Factuur" / "2023.03.745")."""
    out: list[Value] = []
    for i in range(len(ctx.texts)):
        for start, end, cell in _cells(ctx, i):
            text = ctx.texts[i][start:end]
            m = _TITLE_NUMBER.match(text)
            if m is None:
                # a continuation page's running head: "Acme SAS - Facture 2362709", "Acme | Invoice 17"
                for cut in _SEGMENTS.finditer(text):
                    head = _TITLE_NUMBER.match(text[cut.end() :])
                    found = _whole_id(text, cut.end() + head.end()) if head else None
                    if found is not None:
                        out.append(ctx.value_at(i, start + found[1], start + found[2], found[0]))
                        break
                continue
            if m.end() < len(text.rstrip()):
                found = _whole_id(text, m.end())
                if found is not None:
                    out.append(ctx.value_at(i, start + found[1], start + found[2], found[0]))
                continue
            for j in range(i + 1, min(i + 3, len(ctx.rows))):  # the title alone: the cell under it
                if ctx.rows[j].y0 - cell.y1 > 2.5 * max(cell.height, 1.0):
                    break
                under = [(s, e) for s, e, c in _cells(ctx, j) if c.x1 >= cell.x0 and c.x0 <= cell.x1]
                if under:
                    below = ctx.texts[j][under[0][0] : under[0][1]]
                    mark = _BARE_MARK.match(below)  # "N° 88379" under "FACTURA ELECTRÓNICA"
                    found = _whole_id(below, mark.end() if mark else 0)
                    if found is not None:
                        s = under[0][0]
                        out.append(ctx.value_at(j, s + found[1], s + found[2], found[0]))
                    break
    return out


# A running head's page number after the invoice's ("INV-490526 - page 2", "FV 2024/01/156 – strona 2 z 2").
_PAGE_AFTER = re.compile(rf"\s*[-–—|·,]?\s*(?:{labels.alternation(labels.PAGE_WORDS)})\s*\d+(?:\s*(?:/|\w{{1,3}})\s*\d+)?\s*$", _I)


def _whole_id(text: str, start: int) -> tuple[str, int, int] | None:
    """The number that is all of ``text[start:]`` (but spaces and a closing mark), or None (a
    series' letters before it are part of it: :func:`_ids`)."""
    rest = _PAGE_AFTER.sub("", text[start:])
    ids = _ids(rest)
    if len(ids) != 1 or rest[ids[0][2] :].strip(" .:"):
        return None
    tok, s, e = ids[0]
    return (tok, start + s, start + e) if not rest[:s].strip(" :#") else None


def _dates(ctx: DocContext) -> tuple[Value | None, Value | None]:
    def parse(text: str) -> list[tuple[Any, int, int]]:
        return [(d.value, d.start, d.end) for d in find_dates(text, dayfirst=ctx.dayfirst)]

    not_issue = re.compile(f"{DUE_DATE.pattern}|{DATE_OTHER.pattern}", _I)
    cands: list[Value] = []
    for v in _pair(ctx, DATE_INVOICE, parse):
        v.score = 3.0
        cands.append(v)
    for v in _pair(ctx, DATE_GENERIC, parse, skip=not_issue, whole=False):
        v.score = 2.0
        cands.append(v)
    due = _pair(ctx, DUE_DATE, parse)
    if not cands:
        # any date but one labelled as another date, in its cell or beside or above it
        other = {(v.row, v.text) for v in due + _pair(ctx, DATE_OTHER, parse)}
        for i in range(len(ctx.texts)):
            for start, end, _ in _cells(ctx, i):
                text = ctx.texts[i][start:end]
                if not_issue.search(text):
                    continue
                for d in find_dates(text, dayfirst=ctx.dayfirst):
                    if _inside_id(text, d.start, d.end):
                        continue  # "20251204-48": a number that begins with a date is no date
                    v = ctx.value_at(i, start + d.start, start + d.end, d.value, -0.01 * i)
                    if (v.row, v.text) not in other:
                        cands.append(v)
    date = max(cands, key=lambda v: (v.score, -v.row)) if cands else None
    return date, (due[0] if due else None)


def _inside_id(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer token with more digits, an id ("20251204-48")."""
    left = text[:start].split()[-1] if text[:start] and not text[:start][-1].isspace() else ""
    right = text[end:].split()[0] if text[end:] and not text[end:][0].isspace() else ""
    return bool(re.search(r"\d", left + right))


def _total_block(ctx: DocContext, heading: int | None) -> dict[str, Value]:
    """The amount due, subtotal, tax, discount and shipping (``charges``), by their labels.
    ``heading``: the item table's heading row, whose "Total" / "Amount" heads a column of line
    amounts, not the document's total."""
    parse = amounts_parser(ctx)
    out: dict[str, Value] = {}
    label_rows = [i for i in range(len(ctx.rows)) if i != heading]

    def money(label: re.Pattern[str], exclude: re.Pattern[str] | None) -> list[Value]:
        return [_after_base(ctx, v, parse) for v in find_labelled(ctx, label, parse, exclude=exclude, rows=label_rows)
                if isinstance(v.value, Decimal)]

    due = money(AMOUNT_DUE, re.compile(r"SUB\s*-?\s*TOTAL|\bHT\b|EXCL", _I))
    totals = money(TOTAL_STRONG, TOTAL_EXCLUDE) + money(TOTAL_PLAIN, TOTAL_EXCLUDE)
    totals = [_row_sum(ctx, v, parse) for v in totals if not SUMMARY.search(ctx.texts[v.row])]
    totals = [v for v in totals if not _tax_summary_row(ctx, v.row)] or totals
    totals = [v for v in totals if not _in_other_currency(ctx, v)] or totals
    due, totals = [v for v in due if not _column_under(ctx, v)], [v for v in totals if not _column_under(ctx, v)]
    positive = [v for v in due if v.value > 0]
    if positive or due and not any(v.value > 0 for v in totals):
        # A positive amount due beats a zero "balance" printed after a payment; a paid
        # invoice's total is what it was for, not the nothing left to pay.
        out["total"] = _before_settling(ctx, (positive or due)[0], totals) or (positive or due)[0]
    elif totals:
        # (the last of a grid's row of totals: "JUMLAH  PPN 11%  TOTAL")
        out["total"] = max([v for v in totals if v.value > 0] or totals, key=lambda v: (v.row, v.bbox[0] if v.bbox else 0))
    if any(v.value != 0 for v in money(_PREVIOUS_BALANCE, None)):
        # a bill that carries a balance from the one before: the amount to pay adds it; the
        # invoice's total is its own charges, where it says which they are
        current = [v for v in money(_CURRENT_CHARGES, None) if v.value > 0]
        if current:
            out["total"] = current[-1]
    sub = money(SUBTOTAL, None)
    if "total" not in out and sub:
        last = max(sub, key=lambda v: v.row)
        taxed = [v.row for v in money(TAX, TAX_EXCLUDE) if v.value > 0 and v.row < last.row]
        if taxed and not re.search(r"SUB\s*-?\s*TOTA", ctx.texts[last.row], _I):
            # a net amount under the taxes is what they add up to, the amount to pay ("NET AMOUNT"
            # under CGST and SGST on an Indian invoice), not the amount before them
            out["total"] = last
            sub = [v for v in sub if v.row < last.row]
    if sub:
        # An explicit "subtotal" beats an ex-tax total (they differ when prices include tax). A
        # column heading ("Montant HT", "Imponibile") labels a line, not the subtotal: the totals
        # block's label is the last one at or above the total.
        pool = [v for v in sub if re.search(r"SUB\s*-?\s*TOTA", ctx.texts[v.row], _I)] or sub
        if "total" in out:
            pool = [v for v in pool if v.row <= out["total"].row] or pool
        out["subtotal"] = max(pool, key=lambda v: v.row)
    # A discount in the totals block ("Discount (10%)  -12.00"): no schema field, but the checks
    # need it. Only between the subtotal and the total: a discount column in the items is not it.
    if "total" in out:
        top = out["subtotal"].row if "subtotal" in out else out["total"].row - 3
        disc = [v for v in money(DISCOUNT, None) if top <= v.row < out["total"].row and v.value != 0]
        if disc:
            out["discount"] = disc[0]
        # shipping and handling there too: the total holds it
        fees = {v.row: v for v in money(labels.SHIPPING, None) if top < v.row < out["total"].row and v.value > 0}
        if fees:
            out["charges"] = Value(sum((v.value for v in fees.values()), Decimal(0)), row=min(fees))
    tax = [v for v in money(TAX, TAX_EXCLUDE) if v.value >= 0]
    if "total" in out:
        tax = [v for v in tax if v.value < out["total"].value or out["total"].value == 0]
    if tax:
        # With several tax rows (per service, per rate), the one nearest above the total is the sum,
        # unless the rows between the subtotal and the total add up with it to the total.
        above = [v for v in tax if "total" in out and v.row < out["total"].row]
        out["tax"] = _tax_rows_sum(out, tax) or (max(above, key=lambda v: v.row) if above else tax[0])
    return out


def _in_other_currency(ctx: DocContext, v: Value) -> bool:
    """Whether the total ``v`` is labelled with another currency's code than the document's ("Total
    USD  1,280.18" under "Total CAD  1,750.80", an equivalent at an exchange rate)."""
    codes = {c for t in re.findall(r"\b[A-Z]{3}\b", ctx.texts[v.row]) if (c := parse_currency(t)) and c == t}
    return bool(codes) and ctx.currency is not None and ctx.currency not in codes


def _before_settling(ctx: DocContext, due: Value, totals: list[Value]) -> Value | None:
    """The invoice's total where the amount due is what payments, deposits or credits listed
    between the two left of it ("Total 2,730.94 / Applied balance −1,286.95 / Amount due
    1,443.99"): the invoice is for its total, what was settled of it is no part of that."""
    for t in sorted((t for t in totals if t.row < due.row and t.value > due.value), key=lambda v: -v.row):
        between = range(t.row + 1, due.row)
        found = [[a for a in ctx.amounts(k) if a.has_decimals] for k in between]
        if between and all(len(f) == 1 and _SETTLED.search(ctx.texts[k]) and not DISCOUNT.search(ctx.texts[k])
                           for k, f in zip(between, found)):
            if sum(abs(f[0].value) for f in found) == t.value - due.value:
                return t
    return None


def _column_under(ctx: DocContext, v: Value) -> bool:
    """Whether ``v`` was read under its label (none stands before it on its row) with another amount
    under it: a column's first value under a heading ("Line Total" over a timekeeper summary), no total."""
    text = ctx.texts[v.row]
    before = text[: max(text.find(v.text), 0)]
    if v.bbox is None or v.row + 1 >= len(ctx.rows) or any(p.search(before) for p in (TOTAL_STRONG, TOTAL_PLAIN, AMOUNT_DUE)):
        return False
    row = ctx.rows[v.row + 1]
    if row.y0 - ctx.rows[v.row].y1 > 1.5 * max(row.height, 1.0):
        return False
    boxes = [row.span_bbox(a.start, a.end) for a in ctx.amounts(v.row + 1) if a.has_decimals]
    return any(b is not None and b[0] < v.bbox[2] and b[2] > v.bbox[0] for b in boxes)


def _tax_summary_row(ctx: DocContext, i: int) -> bool:
    """Whether row ``i`` stands in a table whose headings name taxes twice or more ("Taxable Value
    Central Tax State Tax Total Tax Amount"): a tax summary's total row sums its bases and taxes,
    not the invoice. The headings may take up to three lines ("Central Tax" over "Rate  Amount")."""
    def words_only(k: int) -> bool:
        return not any(a.has_decimals for a in ctx.amounts(k))

    for j in range(i - 1, max(-1, i - 9), -1):
        if words_only(j) and len(ctx.texts[j].split()) >= 3:
            heading = itertools.takewhile(words_only, range(j, max(-1, j - 3), -1))
            return len(TAX.findall(" ".join(ctx.texts[k] for k in heading))) >= 2
    return False


def _row_sum(ctx: DocContext, v: Value, parse: Parse) -> Value:
    """A total row that sums a table's columns ("TOTAL:  740.05  170.21  910.26", net, tax and
    gross): the amount after the label that is the sum of two others there, not the first."""
    found = [(a, s, e) for a, s, e in parse(ctx.texts[v.row]) if isinstance(a, Decimal)]
    after = [f for f in found if f[1] >= ctx.texts[v.row].find(v.text)]
    if len(after) < 3:
        return v
    for a, s, e in after:
        others = [b for b, s2, _ in after if s2 != s]
        if any(x + y == a for k, x in enumerate(others) for y in others[k + 1 :]):
            return ctx.value_at(v.row, s, e, a)
    return v


def _after_base(ctx: DocContext, v: Value, parse: Parse) -> Value:
    """A rate's base before the amount, in brackets ("BTW 21% (67.733,40)  14.224,01", read as a
    negative amount) or after its word ("MwSt. 20 % auf 137.394,56  27.478,91"): the amount after
    it, the last on the row, instead."""
    text = ctx.texts[v.row]
    if v.value >= 0 and not labels.TAX_BASE.search(text[: max(0, text.find(v.text))]):
        return v
    found = [f for f in parse(text) if isinstance(f[0], Decimal)]
    value, start, end = found[-1] if found else (None, 0, 0)
    last = ctx.value_at(v.row, start, end, value) if found else v
    return last if last.bbox and v.bbox and last.bbox[0] > v.bbox[2] else v


def _tax_rows_sum(block: dict[str, Value], tax: list[Value]) -> Value | None:
    """The tax of several rates: the tax rows between the subtotal and the total when the subtotal
    and they (with shipping, less a discount) add up to the total, as one value (the sum, boxed
    round them)."""
    if "subtotal" not in block or "total" not in block:
        return None
    sub, total = block["subtotal"], block["total"]
    rows = {v.row: v for v in tax if sub.row < v.row < total.row}
    if len(rows) < 2:
        return None
    parts = list(rows.values())
    amount = sum((v.value for v in parts), Decimal(0))
    others = (block["charges"].value if "charges" in block else 0) - (abs(block["discount"].value) if "discount" in block else 0)
    if abs(sub.value + amount + others - total.value) > Decimal("0.01") * len(parts):
        return None
    box = union_bbox(v.bbox for v in parts if v.bbox is not None)
    return Value(amount, " + ".join(v.text for v in parts), box, min(v.confidence for v in parts), parts[0].origin,
                 parts[0].score, parts[-1].row)


@dataclass
class _Customer:
    """The customer's block: its fields and provenance, its rows and the box of its label, name and address."""

    fields: dict[str, Any]
    prov: dict[str, Value]
    rows: set[int]
    box: BBox | None
    others: list[BBox]


def _customer(ctx: DocContext) -> _Customer:
    """The customer: the name and address under (or after) a "Bill to" label. A second party's block
    beside or under it ("Lieferung an", "Ship to") is kept in ``others``: no issuer is read there."""
    customer: dict[str, Any] = {"name": None, "address": None, "tax_id": None}
    prov: dict[str, Value] = {}
    cust_rows: set[int] = set()
    cust_box: list[BBox] = []  # the customer block's label, name and address
    others: list[BBox] = []
    for i in range(len(ctx.texts)):
        # the label and what follows it in its own cell ("Herrn" beside "Rechnung Nr. 17" is alone)
        found = [
            (cell, m)
            for cell in ctx.rows[i].cells()
            if (m := CUSTOMER.search(t := normalize_chars(cell.text)))
            and not CUSTOMER_NUMBER.search(t)
            and not _id_after(t[m.end() :])
        ]
        if not found:
            continue
        cust_rows.add(i)
        for n, (cell, m) in enumerate(found):
            block = _labelled_party(ctx, i, cell, m)
            if n or customer["name"] is not None:
                if block is not None:
                    others.append(union_bbox([cell.bbox, *block[2]]))
                continue
            if block is None:
                continue
            name, addr, boxes = block
            customer["name"] = normalize_text(re.sub(r"^ATTN\W*", "", name.value, flags=_I))
            prov["customer.name"] = name
            cust_rows.update(range(i, (addr[-1] if addr else name.row) + 1))
            # the label that heads the block, not every customer word on the page ("ORIGINAL FOR
            # RECIPIENT" over the issuer's own block)
            cust_box += [cell.bbox, *boxes]
            if addr:
                customer["address"] = normalize_text(", ".join(_cell_under(ctx, j, name) for j in addr))
    return _Customer(customer, prov, cust_rows, union_bbox(cust_box), others)


def _labelled_party(ctx: DocContext, i: int, cell: Line, m: re.Match[str]) -> tuple[Value, list[int], list[BBox]] | None:
    """The party a customer's label in ``cell`` of row ``i`` names: its name (after the label in its
    cell, else under it), the rows of its address, and the boxes of both."""
    off = max(ctx.rows[i].text.find(cell.text), 0)  # the cell's place in the row's text
    t = normalize_chars(cell.text)
    rest = re.sub(r"^\W*(?:ADDRESS|ADRES|ADRESSE)?\W*", "", t[m.end() :], flags=_I).strip()
    again = CUSTOMER.match(rest)  # a second label ("Bill to: Customer"), not a name ("Customer Co")
    beside = _name_beside(ctx, i, cell) if not rest else None
    if _letters(rest) >= 3 and (again is None or _letters(rest[again.end() :]) >= 3):
        end = off + len(t.rstrip())
        name = ctx.value_at(i, end - len(rest), end, rest)
    elif beside is not None:
        name = beside
    else:
        name = _value_below(ctx, i, off + m.start(), off + m.end(), _name_parse)
    if name is None or _item_header(ctx, name.row) is not None:  # the item table's headings are no name
        return None
    addr = _address_rows(ctx, name)
    boxes = [] if name.bbox is None else [name.bbox, *(c.bbox for j in addr if (c := _cell_at(ctx, j, name)))]
    return name, addr, boxes


def _name_beside(ctx: DocContext, i: int, cell: Line) -> Value | None:
    """The name in the next cell right of a label alone in its cell, set close to it as on a form
    ("M/s.   Granite Peak Property Services"); not another label, nor its translation."""
    cells = cells_of(ctx.rows[i])
    k = next((k for k, (_, _, c) in enumerate(cells) if c.bbox == cell.bbox), None)
    if k is None or k + 1 >= len(cells):
        return None
    start, end, nxt = cells[k + 1]
    text = ctx.texts[i][start:end].strip()
    if nxt.x0 - cell.x1 > 6 * max(ctx.rows[i].height, 1.0) or CUSTOMER.search(text) or _RIGHT_TO_LEFT.search(text) or not _name_like(text):
        return None
    return ctx.value_at(i, start, start + len(text), text)


def _parties(ctx: DocContext, cust: _Customer, body: range) -> tuple[dict[str, Any], dict[str, Any], dict[str, Value]]:
    """The issuer, beside the customer found first. ``body``: the rows of the item table and the totals
    (no party there)."""
    issuer: dict[str, Any] = {"name": None, "address": None, "tax_id": None}
    customer, prov, cust_rows, box = cust.fields, dict(cust.prov), cust.rows, cust.box
    found_issuer = _issuer(ctx, [b for b in (box, *cust.others) if b is not None], body)
    if found_issuer is not None:
        name, sender = found_issuer
        name = replace(name, value=normalize_legal_form(name.value))
        issuer["name"] = name.value
        prov["issuer.name"] = name
        if sender:
            text = ", ".join(sender)
            issuer["address"] = text
            prov["issuer.address"] = ctx.row_value(name.row, text)
        else:
            addr_rows = _address_rows(ctx, name, digits=True, stop=cust_rows)
            if addr_rows:
                text = normalize_text(", ".join(_cell_under(ctx, j, name) for j in addr_rows))
                issuer["address"] = text
                prov["issuer.address"] = Value(text, text, union_bbox(ctx.rows[j].bbox for j in addr_rows), 1.0, ctx.rows[name.row].source)
    for v in find_labelled(ctx, TAX_ID, _ids):
        inside = box is not None and v.bbox is not None and _inside(v.bbox, box)
        if not inside and len(v.value) >= 6 and not re.fullmatch(r"[\d.,]+[.,]\d\d", v.value):  # not an amount
            issuer["tax_id"] = v.value
            prov["issuer.tax_id"] = v
            break
    return issuer, customer, prov


def _id_after(rest: str) -> bool:
    """Whether the rest of a label's cell is a number ("Client: 40213"): a customer's number, whatever
    the label's number word was read as, not the customer's block."""
    return bool(re.fullmatch(r"\W*[A-Z]{0,3}[-/]?\d[\w\-/]*\W*", rest.strip(), _I))


def _inside(b: BBox, box: BBox) -> bool:
    """Whether the centre of ``b`` lies in ``box``."""
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


# A sender line or a footer: "Name · Street · Town", "Name | Street | Town", "Name - Street - Town"
# (OCR reads a middle dot as a dash).
_SEGMENTS = re.compile(r"\s*[·•|]\s*|\s+[-–]\s+")
# A contact word as a label ("Mobile: 0171 ...", "Tel 03-..."), not inside a name ("Lindar Mobile").
_CONTACT_LABEL = re.compile(rf"(?:{CONTACT.pattern})(?=\s*[:.]?\s*[+(\d]|\s*:)|@|WWW\.|\.COM\b", _I)
# A bare date word as a label: first, or before a colon ("Data:"; "Selen Data Systems" is a name).
_DATE_LABEL = re.compile(rf"^\W*(?:{DATE_GENERIC.pattern})|(?:{DATE_GENERIC.pattern})\s*:", _I)
_ORDER_REFERENCE = labels.compile_labels(labels.ORDER_REFERENCE)
_CLOSING = labels.compile_labels(labels.CLOSING)
_NOT_A_NAME = re.compile(
    "|".join(
        p.pattern
        for p in (INVOICE_NO, DATE_INVOICE, _DATE_LABEL, DUE_DATE, DATE_OTHER, CUSTOMER, CUSTOMER_NUMBER, ISSUER_LABEL,
                  TITLE_WORDS, TAX_ID, _CONTACT_LABEL, PHONE, TAX, SUBTOTAL, TOTAL_PLAIN, TOTAL_STRONG, AMOUNT_DUE, SUMMARY,
                  _ORDER_REFERENCE, labels.compile_labels(labels.PAYMENT_SECTION), labels.compile_labels(labels.SALUTATION),
                  _CLOSING, labels.compile_labels(labels.ADDRESSEE))
    ),
    _I,
)
# The issuer's label and its name in one cell ("Đơn vị bán hàng: Công ty …", "Seller: Acme Ltd").
_ISSUER_LABEL_AND_NAME = re.compile(rf"\W*(?:{ISSUER_LABEL.pattern})[^:]{{0,12}}:\s*(?=\S)", _I)
_SIGN_OFF = re.compile(rf"^\W*(?:{labels.alternation(labels.SIGN_OFF)})\s+(?=\S)", _I)


# A row that labels one of the invoice's fields ("Invoice No: ...", "Date: ..."): no line of an address.
_FIELD_ROW = re.compile("|".join(p.pattern for p in (INVOICE_NO, DATE_INVOICE, DATE_GENERIC, DUE_DATE, DATE_OTHER, CUSTOMER_NUMBER)), _I)


def _name_like(name: str, *, sender: bool = False) -> bool:
    """Whether a cell's text can be a party's name: a few capitalised words, no label, address or
    sentence. A name of three words or more that ends in a legal form is one, though a word of it
    reads as a street's ("Alder & Finch Garden Centre Pty Ltd"; "Calgary AB" is a town and a
    province), and so is a sender line's first part ("Van Dijk Bouwmaterialen B.V. · Havenstraat
    125 · Den Haag")."""
    words = name.split()
    letters = _letters(name)
    longest = 9 if LEGAL_INSIDE.search(name) else 7  # "Công ty Cổ phần Thiết bị Minh Phát"
    if letters < 3 or letters < 0.6 * len(name.replace(" ", "")) or not 1 <= len(words) <= longest or ":" in name:
        return False
    if re.search(r"[。※]", name):
        return False  # a Japanese or Chinese sentence ("…対象商品です。") or a note's mark
    if sum(c.isdigit() for c in name) >= 2 or find_dates(name) or _place(name) and len(words) == 1 and not LEGAL_INSIDE.search(name):
        return False
    if _addressish(name) and not (LEGAL_FORM.search(name) and (sender or len(words) >= 3)):
        return False
    titles = re.split(r"\s*/\s*", name)
    if len(titles) >= 2 and all(TITLE_WORDS.search(t) for t in titles):
        return False  # a bilingual title ("FACTURE / INVOICE")
    lower = [w for w in words if len(w) >= 3 and w[0].islower() and not LEGAL_INSIDE.fullmatch(w)]  # "s.r.o." is a form
    return 2 * len(lower) <= len(words) and not _NOT_A_NAME.search(name)


_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


def _issuer(ctx: DocContext, parties: list[BBox], body: range) -> tuple[Value, list[str]] | None:
    """The issuer's name, scored over the cells that can be a name outside ``parties`` (the boxes of the
    customer's block and of a ship-to's) and the item table: the print size against the body text's,
    a legal form, a place near the top and first in reading order, an address under it, a sender
    line or footer ("Name · Street · Town", with the address after it), the same name printed twice,
    an issuer's label ("From", "Lieferant") above or before it. Returns the name and, from a sender
    line, its address parts."""
    heights = [r.height for r in ctx.rows if r.height > 0]
    if not heights:
        return None
    body_h = statistics.median(heights)
    top, bottom = ctx.rows[0].y0, ctx.rows[-1].y1
    cands: list[tuple[float, Value, list[str]]] = []
    seen: dict[str, int] = {}
    page = "".join(ctx.texts)
    latin = len(re.findall(r"[A-Za-z]", page)) > len(_ARABIC.findall(page))
    for i in range(len(ctx.rows)):
        if i in body:
            continue
        if any(a.has_decimals for a in ctx.amounts(i)) or _item_header(ctx, i) is not None:
            continue  # a row with money on it is an item's or a total's, a row of column headings no party's
        if i > 0 and _CLOSING.search(ctx.texts[i - 1]):
            continue  # under "Kind regards,": the writer, a person
        cells = _cells(ctx, i)
        for k, (start, end, cell) in enumerate(cells):
            text = ctx.texts[i][start:end]
            signed = _SIGN_OFF.match(text) is not None  # "For ACME Ltd:" over a signature
            if text.rstrip().endswith(":") and not signed:
                continue  # a label ("Ký hiệu:", "Mã số thuế:"), its value in the next cell
            labelled = _ISSUER_LABEL_AND_NAME.match(text)
            if labelled:
                start, text = start + labelled.end(), text[labelled.end() :]
                signed = _SIGN_OFF.match(text) is not None
            parts = [p for p in _SEGMENTS.split(text) if p.strip()]
            if len(parts) < 2 and text.count(",") >= 2:
                parts = [p for p in text.split(",") if p.strip()]
            if len(parts) < 2 and k == 0 and len(cells) > 2 and not _SEGMENTS.sub("", ctx.texts[i][cells[1][0] : cells[1][1]]):
                # a sender line set with wide spaces around its marks ("Silar e.K.   ·   Bergring ...")
                parts = [p for p in _SEGMENTS.split(ctx.texts[i]) if p.strip()]
            # (OCR may drop the spaces that make "10115 Berlin" an address: three parts with digits do)
            sender = len(parts) >= 2 and any(_addressish(p) for p in parts[1:]) or (
                len(parts) >= 3 and any(re.search(r"\d", p) for p in parts[1:])
            )
            # (and the specks OCR reads before a logo's name: "_ Novova Mobile")
            formed = [p for p in parts if LEGAL_FORM.search(p.strip())]
            if not sender and len(parts) >= 2 and len(formed) == 1:
                # a signature's "Accounts Receivable | Juniper Systems Inc.": the part with a legal form
                start, text = start + text.find(formed[0]), formed[0]
            name = _without_monogram(_SIGN_OFF.sub("", _clean_name(parts[0] if sender else text)).lstrip("_~·|* "))
            if not _name_like(name) and (cut := LEGAL_INSIDE.search(name)) and cut.start() > 0:
                name = name[: cut.end()].strip()  # a name runs into what follows it (OCR lost the mark between)
            if not _name_like(name, sender=sender) or any(_inside(cell.bbox, box) for box in parties):
                continue
            if latin and _ARABIC.search(name) and not re.search(r"[A-Za-z]", name):
                continue  # a bilingual page's Arabic labels and titles; its names are printed in Latin letters too
            at = max(text.find(name), 0)
            if text[at + len(name) :].lstrip().startswith(":") and not signed:
                continue  # the label of a value after it ("Mã số thuế: 5373703985")
            key = _key(name)
            seen[key] = seen.get(key, 0) + 1
            at += start
            value = ctx.value_at(i, at, at + len(name), name)
            score = min(2.0, max(-1.0, 3.0 * (cell.height / body_h - 1)))
            score += 1.0 if LEGAL_FORM.search(name) else 0.0
            score += 0.8 if cell.y0 < top + 0.25 * (bottom - top) else 0.0
            score += 1.0 if not cands else 0.0  # a letterhead comes first
            score += 2.0 if sender else 1.0 if not sender and _address_rows(ctx, value, digits=True) else 0.0
            score -= 1.0 if re.search(r"\d", name) else 0.0
            if labelled or _issuer_label_before(ctx, i, cell):
                score += 2.0
            score += _contact_kinds(ctx, i) if LEGAL_FORM.search(name) else 0
            cands.append((score, value, [normalize_text(p) for p in parts[1:]] if sender else []))
    if not cands:
        return None
    # the same name printed twice (the letterhead and the footer) is the issuer's; of its readings the
    # one with the most spaces between words (OCR drops spaces, it does not add them)
    def printed(c: tuple[float, Value, list[str]]) -> int:
        return sum(n for k, n in seen.items() if _same_name(k, _key(c[1].value)))

    brands = _brands(ctx, body_h, top + 0.25 * (bottom - top))

    def brand(c: tuple[float, Value, list[str]]) -> float:
        key = _key(c[1].value)
        return 2.0 if LEGAL_FORM.search(c[1].value) and any(key.startswith(b) and key != b for b in brands) else 0.0

    best = max(cands, key=lambda c: c[0] + (1.0 if printed(c) > 1 else 0.0) + brand(c))
    # of its readings, the one with the most spaces between words (OCR drops spaces, it does not
    # add them), then the one OCR is surest of
    same = [c for c in cands if _same_name(_key(c[1].value), _key(best[1].value))]
    return max(same, key=lambda c: (c[1].value.count(" "), c[1].confidence, c is best))[1:]


_CONTACT_KINDS = (PHONE, re.compile(r"@|\bWWW\.", _I), TAX_ID, re.compile(r"\bIBAN\b|\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,}"))


def _contact_kinds(ctx: DocContext, i: int) -> int:
    """How many kinds of a company's own details (phone, e-mail or web address, tax number, bank
    account) the row of its name (with a legal form) and the two under it print: a letterhead's or
    footer's block, the issuer's; a customer's block holds an address and perhaps one of them."""
    text = "\n".join(ctx.texts[i : i + 3])
    return sum(1 for pattern in _CONTACT_KINDS if pattern.search(text))


def _without_monogram(name: str) -> str:
    """``name`` without a logo's monogram or brand word OCR read in one line with it: the capitals
    of its words' initials ("CL Corvina Logistics LLC"), or its own first word in capitals
    ("HSINCHU Hsinchu Electronics Corporation", "JAYA PT Jaya Mitra": the name's form first)."""
    m = re.match(r"([A-Z][A-Z&'-]+)\s+(\S.*)", name)
    if m is None or LEGAL_INSIDE.fullmatch(m.group(1)):
        return name  # "AB Andersson Bygg", "PT Abadi Baru": a legal form first
    words = m.group(2).split()
    if any(w.strip(",.").casefold() == m.group(1).casefold() for w in words[:2]) and words[0] != m.group(1):
        return m.group(2)
    initials = "".join(w[0] for w in words[: len(m.group(1))]).upper()
    return m.group(2) if len(m.group(1)) <= 3 and initials == m.group(1) else name


def _brands(ctx: DocContext, body_h: float, top_end: float) -> set[str]:
    """The keys of brand words a logo sets large near the top ("Drumlin" over a bill whose footer
    names "Drumlin Telecom SA"): one or two words of letters, at least 1.5 times the body text's
    height. A name with a legal form that begins with one is the company the brand stands for."""
    out = set()
    for i, row in enumerate(ctx.rows):
        if row.y0 > top_end:
            break
        for start, end, cell in _cells(ctx, i):
            text = ctx.texts[i][start:end].strip()
            if cell.height >= 1.5 * body_h and re.fullmatch(r"[^\W\d_]{2,}(?: [^\W\d_]+)?", text) and len(_key(text)) >= 4:
                out.add(_key(text))
    return out


def _key(name: str) -> str:
    """A name as compared with its other printings: its letters and digits, in capitals."""
    return re.sub(r"[\W_]+", "", name).upper()


def _same_name(a: str, b: str) -> bool:
    """Whether two keys are one name read twice (OCR may misread a letter or two)."""
    return a == b or len(a) >= 6 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def _issuer_label_before(ctx: DocContext, i: int, cell: Line) -> bool:
    """Whether an issuer's label stands left of ``cell`` on its row or just above it."""
    for start, end, other in _cells(ctx, i):
        if other.x1 <= cell.x0 and ISSUER_LABEL.search(ctx.texts[i][start:end]):
            return True
    if i > 0:
        for start, end, other in _cells(ctx, i - 1):
            if other.x1 >= cell.x0 and other.x0 <= cell.x1 and ISSUER_LABEL.search(ctx.texts[i - 1][start:end]):
                return True
    return False


def _name_parse(text: str) -> list[tuple[Any, int, int]]:
    attn = re.match(r"\s*ATTN\W*", text, _I)  # "ATTN: <name>" names the customer
    start = attn.end() if attn else len(text) - len(text.lstrip())
    name = text[start:].rstrip()
    if _letters(name) >= 3 and not CUSTOMER.match(name):
        return [(name, start, start + len(name))]
    return []


def _address_rows(ctx: DocContext, name: Value, *, digits: bool = False, stop: Collection[int] = ()) -> list[int]:
    """The rows of the address under a party's ``name``, read in the name's column: lines that look
    like an address (``digits``: each with a number, for a letterhead whose other lines may be a
    slogan), then a country or region line; not across a gap wider than a line (the block has
    ended), and never a sentence, a tax id, a phone, mail or web line or a line with money on it."""
    rows: list[int] = []
    for j in range(name.row + 1, min(name.row + 5, len(ctx.texts))):
        if j in stop or ctx.rows[j].y0 - ctx.rows[j - 1].y1 > 1.5 * ctx.rows[j].height:
            break
        if any(a.has_decimals for a in ctx.amounts(j)):
            break  # "Support ........ 187,50": an item, its decimal comma no address's
        under = _cell_under(ctx, j, name)
        if len(under.split()) > 8 or TAX_ID.search(under) or CONTACT.search(under) or PHONE.search(under) or _FIELD_ROW.search(under):
            break
        if _addressish(under) and (not digits or re.search(r"\d", under)):
            rows.append(j)
        elif rows and _place(under):
            rows.append(j)  # "Germany", "United Kingdom" under the town
            break
        elif rows:
            break
    return rows


def _place(text: str) -> bool:
    """A line that can only be a country or region: one to three capitalised words of letters."""
    word = r"[^\W\d_a-z][^\W\d_]+"
    return bool(re.fullmatch(rf"{word}(?:[ .-]{word}){{0,2}}\.?", text.strip()))


# ----------------------------------------------------------------------------------- line items

# Column headings of an item table, by the role of their column. A heading's role is the role of
# its leftmost match ("Prijs incl. BTW" is a price, "Tax amount" a tax column).
_COLUMN_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("qty", labels.compile_words(labels.COLUMNS["qty"])),
    ("price", labels.compile_words(labels.COLUMNS["price"])),
    ("amount", labels.compile_words(labels.COLUMNS["amount"])),
    ("tax", re.compile(rf"{TAX.pattern}|{labels.compile_words(labels.TAX_COLUMN).pattern}", _I)),
    ("unit", labels.compile_words(labels.COLUMNS["unit"])),
    ("factor", labels.compile_words(labels.COLUMNS["factor"])),
    ("credit", labels.compile_words(labels.COLUMNS["credit"])),
    ("date", labels.compile_words(labels.COLUMNS["date"])),
    ("person", labels.compile_words(labels.COLUMNS["person"])),
    ("desc", labels.compile_words(labels.COLUMNS["desc"])),
    ("item", labels.compile_words(labels.COLUMNS["item"])),
)
_ROLE_PATTERN = dict(_COLUMN_ROLES)
_NUMERIC_ROLES = ("qty", "price", "amount", "tax", "credit")


@dataclass
class _Column:
    role: str | None
    x0: float
    x1: float


def _column_role(text: str) -> str | None:
    found = [(m.start(), role) for role, pattern in _COLUMN_ROLES if (m := pattern.search(text))]
    return min(found)[1] if found else None


_ARTICLE_HEADING = labels.compile_words(labels.COLUMNS["article"])
_QTY_HEADING = labels.compile_words(labels.COLUMNS["qty"])
# "Lp." Polish, "Ssz." Hungarian, "Č." Czech, "Nro" Finnish, "Sıra" Turkish, "Nr. crt." Romanian, "STT" Vietnamese,
# "Zap. št." Slovenian, "R. br." Croatian and Serbian, "№" Cyrillic, "Α/Α" Greek, "Eil." Lithuanian, "Sl. No.", "Sr. No." India
_POSITION = re.compile(
    r"POS\.?|POSITION|#|NO\.?|NR\.?|N\.|N°|Nº|№|LINE|LN|LP\.?|SSZ\.?|Č\.|NRO\.?|SIRA|CRT\.?|STT|ZAP\.?|ŠT\.?|R\.?\s*BR\.?"
    r"|Α/Α|EIL\.?|S\.?\s*L?\.?\s*NO\.?|SR\.?(?:\s*NO\.?)?",
    _I,
)
_POSITIONS = re.compile(rf"(?:{_POSITION.pattern})(?:\s+(?:{_POSITION.pattern}))?", _I)  # a heading on two lines
_POSITION_MARK = re.compile(r"POS\.?|NO\.|NR\.|N\.|N°|Nº|№|#|LP\.|SSZ\.|Č\.|NRO\.?|SIRA|STT|ZAP\.|R\.\s*BR\.|Α/Α|EIL\.|S(?:L?\.)\s*NO\.?|SR\.", _I)  # before a heading in its cell ("No. Description")
_QUALIFIER = re.compile(r"^(?:INCL|EXCL|INKL|EXKL|INCLUDING|EXCLUDING|EX|HORS|ZZGL|ZGL|SANS|AVEC|PER|PAR|PRO|ZA|BEZ)\.?$", _I)


def _heading_columns(words: Sequence[Word]) -> list[_Column]:
    """The columns under one heading cell. Headings set close together read as one cell ("BTW  Prijs
    incl. BTW" over a VAT-rate and a price column); a word that starts another role starts another
    column, except a qualified tax ("incl. BTW") and a price qualified as a total ("Total Price")."""
    cols: list[_Column] = []
    texts: list[list[str]] = []
    prev = ""
    for text, x0, x1 in _split_words(words):
        if not cols and _POSITION_MARK.fullmatch(text):
            cols.append(_Column("pos", x0, x1))  # "No. Description" set close: the line numbers' own column
            texts.append([text])
            continue
        role = None if _QUALIFIER.match(prev) else "article" if _ARTICLE_HEADING.fullmatch(text) else _column_role(text)
        prev = text
        cur = cols[-1] if cols else None
        if cur is not None and cur.role is not None and _heading_goes_on(cur.role, [*texts[-1], text]):
            role = cur.role  # one heading of two words ("Harga Satuan" is a price, not a price and a unit)
        if cur is None or (cur.role == "pos" and not _POSITION.fullmatch(text)) or (  # "STT Tên hàng hóa"
            role is not None and cur.role is not None and role != cur.role and (cur.role, role) != ("amount", "price")
        ):
            cols.append(_Column(role, x0, x1))
            texts.append([text])
        else:
            cur.x1 = x1
            cur.role = cur.role or role
            texts[-1].append(text)
    for col, heading in zip(cols, texts):
        # (a heading no word of which has a role alone: "Tên hàng hóa", "Thành tiền")
        col.role = _article_or(col.role or _column_role(" ".join(heading)), " ".join(heading))
    return cols


def _heading_goes_on(role: str, words: list[str]) -> bool:
    """Whether the last of ``words`` ends one match of ``role``'s headings that began before it."""
    joined = " ".join(words)
    pattern = _ROLE_PATTERN.get(role)
    return pattern is not None and any(m.end() == len(joined) and m.start() < len(joined) - len(words[-1])
                                       for m in pattern.finditer(joined))


def _article_or(role: str | None, heading: str) -> str | None:
    """``role``, or "article" where ``heading`` names an item's code ("Item #", "Product code",
    "Art.-Nr.", "Article" over "no."): the item's code, not its text."""
    return "article" if role in (None, "item") and _ARTICLE_HEADING.match(heading) else role


def _split_words(words: Sequence[Word]) -> list[tuple[str, float, float]]:
    """Single words with their x extents; an OCR box holding several words ("Item Qty Price") is cut
    in proportion to its characters."""
    out = []
    for w in words:
        text = w.text.strip()
        n = max(len(text), 1)
        for m in re.finditer(r"\S+", text):
            out.append((m.group(0), w.x0 + (w.x1 - w.x0) * m.start() / n, w.x0 + (w.x1 - w.x0) * m.end() / n))
    return out


def _item_header(ctx: DocContext, i: int) -> list[_Column] | None:
    """The columns of row ``i`` when it is the heading row of an item table: at least two headed
    columns, one of them for a description and one for a number (quantity, price or amount)."""
    text = ctx.texts[i].replace(" ", "")
    if any(a.has_decimals for a in ctx.amounts(i)) or sum(c.isdigit() for c in text) > 0.2 * len(text):
        return None  # a row of numbers, not of headings ("VAT 20%" may head a column)
    cols = []
    for cell in ctx.rows[i].cells():
        if _POSITION.fullmatch(cell.text.strip()):
            cols.append(_Column("pos", cell.x0, cell.x1))  # line numbers: neither description nor amount
            continue
        if cell.text.strip().casefold() == "per":
            cols.append(_Column("unit", cell.x0, cell.x1))  # Tally's "Qty  per  Rate": what the quantity counts
            continue
        under = _heading_columns(cell.words)
        words = len(cell.text.split())
        if words > 4 * len(under) and not (words <= 6 and under[0].role in ("desc", "item")):
            return None  # a sentence, not headings (a text's heading may be a phrase: "Denumirea produselor sau a serviciilor")
        cols += under
    roles = _text_column(cols)
    credits = [k for k, c in enumerate(cols) if c.role == "credit"]
    if credits and not roles & {"qty", "price", "amount"} and credits[0] > 0 and cols[credits[0] - 1].role is None:
        cols[credits[0] - 1].role = "amount"  # "Charges  Credits": what a folio's credits stand beside is its debits
        roles.add("amount")
    if not roles & {"desc", "item"} or not roles & {"qty", "price", "amount"}:
        return None
    return cols


def _text_column(cols: list[_Column]) -> set[str | None]:
    """The columns' roles, where an article-number column ("Item #", "Article" over "no.") that is
    the only column of words becomes the items' text: it holds it."""
    if not {c.role for c in cols} & {"desc", "item"}:
        for c in cols:
            c.role = "item" if c.role == "article" else c.role
    return {c.role for c in cols}


def _table_heading(ctx: DocContext, h: int) -> tuple[list[_Column], int] | None:
    """The columns of the item table headed at row ``h``, and the last row of its heading. Headings
    set on two lines ("Unit" over "Price", "Article" over "no.") read as one: a line set close above
    or below the heading row, of words only, each over one of its columns, adds its words to the
    column's heading, whose role is then the whole heading's ("Article no." an article number, not
    an item; a column that had no role may get one)."""
    cols = _item_header(ctx, h)
    if cols is None:
        return None
    last = h
    under: dict[int, list[str]] = {}  # a column's words on the line joined under the row
    # sub-headings under a group heading first: the group's line then stands over them; the line
    # under again once the line over has added columns ("Nr." over "crt.")
    joined: set[int] = set()
    tries = [h + 1, h - 1, h + 1]
    for j in tries:
        if not 0 <= j < len(ctx.rows) or j in joined:
            continue
        new = _sub_headings(ctx, h, j, cols)
        # a third line under the two ("Total" / "(Incl." / "VAT)") is set close to the second
        if not _heading_line(ctx, j, j - 1 if j - 1 in joined else h, cols + new):
            continue
        before = [c.role for c in cols]
        kept, cols = cols, sorted(cols + new, key=lambda c: c.x0)
        for col in cols:
            # word by word: one OCR box may hold the headings of several columns
            # a word over this column and another heads a group of columns, no one column
            words, own = ([t for t, a, b in _split_words(ctx.rows[r].words) if b >= col.x0 and a <= col.x1
                           and (r == h or not any(b >= c.x0 and a <= c.x1 for c in cols if c is not col))] for r in (j, h))
            if words:
                heading = " ".join(words + own + under.get(id(col), []) if j < h else own + under.get(id(col), []) + words)
                col.role = _article_or(_column_role(heading) or col.role, heading)
                if _POSITIONS.fullmatch(heading):
                    col.role = "pos"  # "Sıra" over "No", "Sl" over "No.": the lines' numbers
                if j > h:
                    under[id(col)] = under.get(id(col), []) + words
        roles = _text_column(cols)
        if not roles & {"desc", "item"} or not roles & {"qty", "price", "amount"}:
            cols = kept
            for c, role in zip(cols, before):  # the line read as no heading of this table's
                c.role = role
            under.clear()
            continue
        joined.add(j)
        last = max(last, j)
        if j > h and j - h < 3:
            tries.append(j + 1)
    if last + 1 < len(ctx.rows) and _column_numbers(ctx, last + 1):
        last += 1
    return cols, last


def _column_numbers(ctx: DocContext, j: int) -> bool:
    """Whether row ``j`` numbers the columns of the heading above it ("A  B  C  1  2  3 = 1 x 2" on
    a Vietnamese VAT invoice, "1  2  3  4  5" on forms): three cells or more, each a letter or a
    number alone or a formula of them."""
    cells = [c.text.strip() for c in ctx.rows[j].cells()]
    return len(cells) >= 3 and all(re.fullmatch(r"[A-Z]|\d{1,2}|\d{1,2}\s*=\s*\d{1,2}(?:\s*[x×*+/-]\s*\d{1,2})+", c) for c in cells)


def _whole_money(numbers: list[tuple[_Column, AmountMatch, int]]) -> list[tuple[_Column, AmountMatch, int]]:
    """A line's whole numbers under its price and amount headings, when its count times the price
    makes the amount (forints, yen: money without cents); none else (a footer's register numbers
    under the amounts' column are no money)."""
    qty = next((a.value for col, a, _ in numbers if col.role == "qty"), None)
    priced = [(col, a, off) for col, a, off in numbers if col.role in ("price", "amount")]
    prices = [a.value for col, a, _ in priced if col.role == "price"]
    if qty is None or not any(_multiplies(qty, p, a.value) for p in prices for col, a, _ in priced if col.role == "amount"):
        return []
    return priced


def _sub_headings(ctx: DocContext, h: int, j: int, cols: list[_Column]) -> list[_Column]:
    """The cells of line ``j`` (over or under heading row ``h``) that stand beyond all of its
    columns: new columns, when one of them heads numbers ("Einzelpreis  Gesamtpreis  Gegenwert"
    set a line above "Bezeichnung  Menge"; "unitario" and "totale" under a "Prezzo" set over
    both). Under the row, a cell that names no role by itself ("Einzel", "per stuk") takes the
    role of the one heading set over them all on the line above ("Preis"), unless a cell beside
    it has that role."""
    beyond = [c for c in ctx.rows[j].cells() if not any(c.x1 >= col.x0 and c.x0 <= col.x1 for col in cols)]
    roles = [_column_role(c.text) for c in beyond]
    over = j > h > 0 and ctx.rows[h].y0 - ctx.rows[h - 1].y1 <= 0.5 * max(ctx.rows[h].height, 1.0)
    x0, x1 = min((c.x0 for c in beyond), default=0.0), max((c.x1 for c in beyond), default=0.0)
    # the one heading set over the sub-headings, centred on them all
    groups = [c.text for c in ctx.rows[h - 1].cells() if c.x1 >= x0 and c.x0 <= x1] if over else []
    group = _column_role(groups[0]) if len(groups) == 1 else None
    out = []
    for cell, role in zip(beyond, roles, strict=True):
        if role is None and group not in roles:
            role = group
        out.append(_Column(role, cell.x0, cell.x1))
    return out if any(c.role in _NUMERIC_ROLES for c in out) else []


def _heading_line(ctx: DocContext, j: int, h: int, cols: list[_Column]) -> bool:
    """Whether row ``j`` continues the heading row ``h`` on a line of its own."""
    upper, lower = (ctx.rows[j], ctx.rows[h]) if j < h else (ctx.rows[h], ctx.rows[j])
    height = max(upper.height, lower.height, 1.0)
    if lower.y0 - upper.y1 > 0.5 * height or re.search(r"\d", ctx.texts[j]):
        return False
    # cell by cell: a group heading may start left of the column it is centred over ("Mal Hizmet")
    return all(any(cell.x1 >= c.x0 and cell.x0 <= c.x1 for c in cols) for cell in ctx.rows[j].cells())


def _nearest_column(cols: list[_Column], x0: float, x1: float) -> _Column:
    """The column something at ``x0..x1`` stands in: the nearest heading; between two, the one it
    overlaps more."""
    return min(cols, key=lambda c: (max(0.0, c.x0 - x1, x0 - c.x1), max(c.x0, x0) - min(c.x1, x1)))


def _numeric_column(cols: list[_Column], x0: float, x1: float) -> _Column | None:
    """The column a number stands in, when that is a number column."""
    col = _nearest_column(cols, x0, x1)
    return col if col.role in _NUMERIC_ROLES else None


_TABLE_END = re.compile(
    # longer phrases first: "Total factura" is one label, not "Total" and a word
    rf"{AMOUNT_DUE.pattern}|{SUBTOTAL.pattern}|{TOTAL_STRONG.pattern}|{TOTAL_PLAIN.pattern}|{TAX.pattern}", _I
)
_FIELD_NOTE = re.compile(r"^[A-Za-zÀ-ÿ][\w .()/-]{0,30}:\s")  # "Notes: ...", "Serial: ..." under an item


def _table_items(ctx: DocContext) -> list[dict[str, Any]] | None:
    """Line items read from an item table with a heading row (Description / Qty / Price / Amount),
    each number taken from the column it stands in. None when the document has no such table."""
    for h in range(len(ctx.texts)):
        heading = _table_heading(ctx, h)
        if heading is None:
            continue
        items = _rows_under(ctx, heading[1], heading[0])
        if not items:
            continue
        # the table again under the next group's name, its heading row repeated ("Communications"
        # over its own "Désignation  Montant"): its lines are the invoice's too
        roles = [c.role for c in heading[0]]
        for again in range(max(it["_desc_row"] for it in items) + 1, len(ctx.texts)):
            repeated = _table_heading(ctx, again)
            if repeated is not None and [c.role for c in repeated[0]] == roles and (more := _rows_under(ctx, repeated[1], repeated[0])):
                items += more
        return items
    return None


def _record_items(ctx: DocContext) -> list[dict[str, Any]] | None:
    """Line items printed as records of label/value rows, one record per item (an e-invoice
    viewer's positions: "Artikelname  Widget", "Menge  5 H87", "Preis pro Einheit  120.50",
    "Gesamtpreis  602.50"). A record opens at a description's label and takes the number labels
    under it, each once; it is an item when it has an amount, or a quantity and a price. None where
    no record is one."""
    items: list[dict[str, Any]] = []
    record: dict[str, tuple[int, int, int, Any]] = {}

    def close() -> None:
        if "desc" not in record:
            return
        qty, price = (record[k][3] if k in record else None for k in ("qty", "price"))
        where = record.get("amount") or record.get("price")
        amount = record["amount"][3] if "amount" in record else qty * price if qty is not None and price is not None else None
        if amount is None or where is None:
            return
        row, start, end, _ = where
        items.append({"description": record["desc"][3], "code": None, "quantity": qty, "unit": None, "unit_price": price,
                      "amount": amount, "_value": ctx.value_at(row, start, end, amount), "_desc_row": record["desc"][0]})

    for i in range(len(ctx.texts)):
        cells = cells_of(ctx.rows[i])
        role = None
        if len(cells) == 2:
            label, (start, _, value) = cells[0][2].text.strip().rstrip(":"), cells[1]
            if len(label.split()) <= 4 and not re.search(r"\d", label):
                role = _column_role(label)
        if role in ("desc", "item") and _letters(value.text) >= 2:
            close()
            record = {"desc": (i, start, start + len(value.text), " ".join(value.text.split()))}
            continue
        if record and role in ("qty", "price", "amount", "tax", "unit") and role not in record:
            found = find_amounts(value.text, decimal_sep=ctx.decimal_sep)
            if found:
                record[role] = (i, start + found[0].start, start + found[0].end, found[0].value)
                continue
        close()
        record = {}
    close()
    return items or None


@dataclass
class _TableRow:
    """A row of an item table: an item (a price or an amount in its number columns) or a row of
    text only. ``desc`` is its description text, ``width`` how wide that text is and ``y`` the
    middle of its words (of the whole row where it has none): lines of text in one column compare
    alike whatever stands beside them."""

    i: int
    desc: str
    width: float
    y: float
    item: dict[str, Any] | None = None
    size: float = 0.0  # the height of its text's words: its print size
    pitch: float = 0.0  # how wide its words' characters are on average: its print size too

    @classmethod
    def of(cls, ctx: DocContext, i: int, desc: str, words: list[Word], item: dict[str, Any] | None = None) -> _TableRow:
        row = ctx.rows[i]
        if not words:
            return cls(i, desc, 0.0, (row.y0 + row.y1) / 2, item, row.height)
        width = max(w.x1 for w in words) - min(w.x0 for w in words)
        size = statistics.median(w.y1 - w.y0 for w in words)
        pitch = sum(w.x1 - w.x0 for w in words) / max(1, sum(len(w.text) for w in words))
        return cls(i, desc, width, sum(w.y0 + w.y1 for w in words) / (2 * len(words)), item, size, pitch)


def _rows_under(ctx: DocContext, h: int, cols: list[_Column]) -> list[dict[str, Any]]:
    """The items of the table whose heading row is ``h``: rows with a price or an amount in its
    number columns, each with the rows of text that belong to it (:func:`_attach`)."""
    first_number = _numbers_start(cols)
    rows: list[_TableRow] = []
    since: list[Decimal] = []  # the line amounts since the last group's subtotal
    listed: list[Decimal] = []  # all line amounts
    sections: set[str] = set()  # the rows of words only
    grouped = False  # a group's subtotal seen in the table
    last = h
    for i in range(h + 1, len(ctx.texts)):
        row, text = ctx.rows[i], ctx.texts[i]
        if row.y0 - ctx.rows[last].y1 > 4 * max(row.height, ctx.rows[last].height, 1):
            break  # the table has ended
        if _CARRIED.search(text):
            last = i
            continue  # "Carried forward: 14,678.24" at a page's foot, "Brought forward" at the next one's head
        slack = 2 * row.height
        end = _TABLE_END.search(text)
        if end and _in_tax_column(row, end, cols) and not _TOTAL_LABEL.search(text) and sum(a.has_decimals for a in ctx.amounts(i)) >= 2:
            end = None  # an item's tax in a column of its own ("23% VAT" under "Tax Type"), beside its price
        if end and end.start() <= 2 and SUMMARY.match(text, end.start()):
            break  # "GST Summary", "VAT analysis": the tax's table under the items'
        if end and _names_a_group(ctx, i, since):
            last, since = i, []
            continue  # "Total Content Delivery  490.17" set right, the next group's heading under it
        if end and (_x_at(row, end.start(), end.end()) >= first_number - slack or _only_labels(text)):
            break  # the totals under the table ("Subtotal", "Total HT"), not a description that says "total"
        if end and len(listed) >= 2 and not _group_named(text) and sum(listed) in {a.value for a in ctx.amounts(i)}:
            break  # a row that sums the lines above and names a total, wherever it stands
        if end and _QTY_HEADING.search(text, end.end()):
            break  # "Total hours  21,50", "Total Qty": the quantities' sum, no item
        if listed and _ends_in_total(text):
            break  # "Base  %  Cuota  Subtotal  48 456,81": a total's label, then only its amount
        found = ctx.amounts(i)
        if not found:
            sections.add(" ".join(text.split()).casefold())  # a row of words: a section's heading, maybe
        if len(listed) >= 2 and [a.value for a in found] == [sum(listed)] and len(_without_amounts(text, found).split()) <= 2:
            break  # "Netto  1 155,60": a word or two and the sum of the lines, a total whatever its label
        last = i
        cells = _column_cells(row, cols)
        numbers, taken, counted = _row_numbers(ctx, i, cols, cells)
        money = [(col, a, off) for col, a, off in numbers if a.has_decimals or a.currency]
        if not any(col.role in ("price", "amount") for col, _, _ in money):
            money = _whole_money(numbers) or money  # money without cents beside a quantity with them ("1,50")
        desc, desc_words, extra = _description(ctx, i, cols, cells, taken, first_number)
        priced = [m for m in money if m[0].role in ("amount", "price")]
        if priced and _GROUP_TOTAL.match(desc) and since and (
            sum(since) in {m[1].value for m in priced} or (not grouped and _continued_group(ctx, i, desc, since, priced))
        ):
            since, grouped = [], True
            continue  # a group's subtotal inside the table ("Total Backups & Snapshots": its lines' sum)
        if not priced:
            if desc:
                rows.append(_TableRow.of(ctx, i, desc, desc_words))
            continue
        # the number in the amount column, else the rightmost (line amounts stand last)
        last_col, amount, off = max(priced, key=lambda m: (m[0].role == "amount", m[0].x1, m[2] + m[1].start))
        qty = next((a.value for col, a, _ in numbers if col.role == "qty"), None)
        prices = [a.value for col, a, _ in money if col.role == "price" and a is not amount]
        if not prices and qty is not None:
            # a price column headed in words of its own, or in words that also head tax rates
            # ("Taux"): qty × price = amount, which no tax of the line makes
            prices = [a.value for col, a, _ in money if a is not amount and _product_is(qty, a.value, amount.value)]
        unit = prices[0] if prices else None
        if qty is not None and unit is not None and not _multiplies(qty, unit, amount.value):
            # two amount columns (net and gross): the line's amount is the one quantity × price make
            made = [(a, o) for col, a, o in money if col.role == "amount" and _multiplies(qty, unit, a.value)]
            if made:
                amount, off = made[-1]
        if (qty is None or unit is None or not _multiplies(qty, unit, amount.value)) and (net := _before_tax(cols, money, last_col)):
            amount, off = net  # net and gross amounts with the tax between them: the line's is the net
        if qty is None and unit is None:
            # Numbers that OCR read in one box with the description ("Widget 2 £10.00"): as on receipts.
            parsed = _parse_item_row(ctx, i, []) if any(a.has_decimals or a.currency for a in ctx.amounts(i)) else None
            # ... when they agree: a model number in the description ("HP 26X") is no quantity
            # ... and a count alone is no line number ("2   Support   695,00" under "N°")
            if (
                parsed is not None
                and parsed["amount"] == amount.value
                and _multiplies(parsed["quantity"], parsed["unit_price"], amount.value)
                and (parsed["unit_price"] is not None or all(c.role != "pos" for c in cols))
            ):
                qty, unit = parsed["quantity"], parsed["unit_price"]
                if desc.startswith(parsed["description"]):
                    desc = parsed["description"]
        if qty is None and unit is None and " ".join(_without_amounts(text, found).split()).casefold() in sections:
            break  # "Parts  123.78" under the lines: a section's sum, named as its heading in the table was
        item = {
            "description": desc,
            "code": extra["article"],
            "quantity": qty,
            "unit": extra["unit"] or counted,
            "unit_price": unit,
            "amount": amount.value,
            "_value": ctx.value_at(i, off + amount.start, off + amount.end, amount.value),
            "_desc_row": i,
        }
        rows.append(_TableRow.of(ctx, i, desc, desc_words, item))
        since.append(amount.value)
        listed.append(amount.value)
    desc_x0 = min(c.x0 for c in cols if c.role in ("desc", "item"))
    full = 0.6 * (first_number - desc_x0) if first_number > desc_x0 else 0.0
    return [item for item in _attach(ctx, rows, full) if _letters(item["description"]) >= 2]


def _before_tax(cols: list[_Column], money: list[tuple[_Column, AmountMatch, int]], last: _Column) -> tuple[AmountMatch, int] | None:
    """The line's amount in an amount column left of a tax column that stands left of ``last``
    (where the line's gross amount was read): "Taxable  GST %  CGST  SGST  Amount" gives the net
    line amount first, the tax, then the gross."""
    taxes = [c for c in cols if c.role == "tax" and c.x0 < last.x0]
    nets = [(a, o) for col, a, o in money if col.role == "amount" and col is not last and any(col.x1 <= t.x0 for t in taxes)]
    return nets[-1] if nets else None


def _group_named(text: str) -> str:
    """The name after a total's label that begins a row ("Total Backups & Snapshots  45.00" totals
    a group), "" where only amounts follow it ("Osnova za DDV  803,60 €") or what the total counts
    ("Total (Excl. VAT)") and its label's translation on a bilingual page."""
    m = _GROUP_TOTAL.match(text)
    if m is None:
        return ""
    rest = text[m.end() :]
    rest = _without_amounts(rest, find_amounts(rest))
    named = " ".join(w for w in re.findall(r"[^\s()\[\]]+", _latin_only(rest, m.group(0)))
                     if not _QUALIFIER.match(w) and not TAX.fullmatch(w.rstrip(".")))
    return rest if _letters(named) >= 3 else ""


def _continued_group(ctx: DocContext, i: int, desc: str, since: list[Decimal], priced: list[Any]) -> bool:
    """Whether row ``i``, the table's first group subtotal ("Summe IT-Zubehör  4.538,70"), sums a
    group begun on the page before: a name after the total's label, more than the lines above it
    add up to, and the next group's heading under it (a row of words only)."""
    return _group_named(desc) != "" and all(sum(since) < m[1].value for m in priced) and _group_heading_under(ctx, i)


def _named_before_total(text: str) -> bool:
    """Whether a row's words before a total's label name a group ("Parts subtotal", "Fees subtotal"),
    and nothing but amounts follows it; "Total excl. VAT", "Net total" name no group."""
    found = list(_TOTAL_LABEL.finditer(text))
    if not found:
        return False
    before, after = text[: found[0].start()], text[found[-1].end() :]
    return (_letters(before) >= 3 and not _letters(_without_amounts(after, find_amounts(after)))
            and not TAX.search(before) and not re.search(r"\b(?:NET|NETT?O|GROSS|BRUTTO)\b", before, _I))


def _names_a_group(ctx: DocContext, i: int, since: list[Decimal]) -> bool:
    """Whether row ``i`` totals a group of lines inside the table, not the table: a total's label
    and the group's name (after it or before: "Fees subtotal"), the sum of the lines since the
    last group, and under it the next group's heading (a row of words only: not a discount or the
    tax of the whole table)."""
    text = ctx.texts[i]
    if not (_group_named(text) or _named_before_total(text)) or not since or sum(since) not in {a.value for a in ctx.amounts(i)}:
        return False
    return _group_heading_under(ctx, i)


def _group_heading_under(ctx: DocContext, i: int) -> bool:
    """Whether the row under row ``i`` heads the next group: words only, no total's or tax's label."""
    if i + 1 >= len(ctx.texts):
        return False
    below = ctx.texts[i + 1]
    return not ctx.amounts(i + 1) and _TABLE_END.search(below) is None and _letters(below) >= 3


def _ends_in_total(text: str) -> bool:
    """Whether a total's label comes last in a row of words, followed by nothing but amounts (a
    description may begin with "Total", as in "Total care package", not end with it)."""
    found = list(_TOTAL_LABEL.finditer(text))
    if not found or not _letters(text[: found[-1].start()]):
        return False
    rest = text[found[-1].end() :]
    amounts = find_amounts(rest)
    return bool(amounts) and not re.search(r"[^\W\d_]{2,}", _without_amounts(rest, amounts))


def _in_prose(ctx: DocContext, v: Value) -> bool:
    """Whether the amount ``v`` stands inside a sentence ("Merci de régler la somme de 38 721,71 €
    par virement sous 30 jours"): words follow it on its line, where an item's amount ends its row
    (but for a tax code: "12.00 A"), or the sentence's full stop does ("... frais de recouvrement
    de 40 €.")."""
    if v.bbox is None or not 0 <= v.row < len(ctx.rows):
        return False
    after = [w.text for w in ctx.rows[v.row].words if w.x0 >= v.bbox[2] - 1]
    if sum(_letters(t) >= 3 for t in after) >= 2 or sum(_letters(t) >= 2 for t in after) >= 3:
        return True  # ("... 38 721,71 € par virement", "$901.34 is due by 03/02/2026")
    row = ctx.texts[v.row].rstrip()
    return not _letters("".join(after)) and row.endswith(".") and _letters(row) >= 12


def _in_tax_column(row: Any, m: re.Match[str], cols: list[_Column]) -> bool:
    """Whether the label word ``m`` stands in a tax column of the table (a tax rate's or type's)."""
    box = row.span_bbox(m.start(), m.end())
    return box is not None and _nearest_column(cols, box[0], box[2]).role == "tax"


def _attach(ctx: DocContext, rows: list[_TableRow], full: float) -> list[dict[str, Any]]:
    """The items of ``rows``, each described by its own text and the text rows that belong to it.

    A description of several lines may carry the item's numbers on its first line (the lines
    under it continue it), on its last line (the lines above begin it) or in between. Between two
    items, the text rows are split where the vertical step from row to row (centre to centre) is
    widest, since a cell's lines are closer together than the table's rows; where the steps are
    alike, they continue the item above. A row joins an item only when it is close to it
    (:func:`_close`). An item with no description of its own takes the (up to two) text rows
    above it, close or not. Notes under an item ("Notes: parts replaced") join no description.
    ``full``: how wide a line of the description column is when it wrapped (:func:`_close`).
    """
    anchors = [k for k, r in enumerate(rows) if r.item is not None]
    steps = [_step(rows[a], rows[b]) for a, b in zip(anchors, anchors[1:]) if b == a + 1]
    pitch = statistics.median_high(steps) if steps else None

    def close(upper: _TableRow, lower: _TableRow) -> bool:
        return _close(ctx, upper, lower, pitch, full)

    items: list[dict[str, Any]] = []
    bounds = [-1, *anchors, len(rows)]
    for lo, hi in zip(bounds, bounds[1:]):
        texts = rows[lo + 1 : hi]  # the text rows between two items (before the first, after the last)
        above = rows[lo] if lo >= 0 else None
        below = rows[hi] if hi < len(rows) else None
        ends = ([above] if above else []) + texts + ([below] if below else [])
        steps = [_step(a, b) for a, b in zip(ends, ends[1:])]
        split = len(texts)  # texts[:split] continue the item above, texts[split:] begin the one below
        if above is None:
            split = 0
        elif below is not None and steps and max(steps) >= 1.2 * min(steps):
            split = steps.index(max(steps))
        if above is not None and above.item is not None:
            prev = above
            for row in texts[:split]:
                if not close(prev, row):
                    break
                prev = row
                if not _FIELD_NOTE.match(row.desc) and not _smaller(ctx, row, above):
                    above.item["description"] = f"{above.item['description']} {row.desc}".strip()
        if below is not None and below.item is not None:
            head = texts[split:]
            if below.desc:
                nxt, keep = below, len(head)
                while keep and close(head[keep - 1], nxt):
                    keep -= 1
                    nxt = head[keep]
                head = head[keep:]
            else:
                head = head[-2:]
            below.item["description"] = " ".join([*(r.desc for r in head), below.desc]).strip()
            items.append(below.item)
    return items


def _smaller(ctx: DocContext, row: _TableRow, item: _TableRow) -> bool:
    """Whether ``row`` is set in smaller print than the item's line: a note under it ("Certificates
    on request"), no part of its description. In a text layer the words' boxes follow their type
    size; an OCR box's height follows its letters' ascenders and descenders too, so there the
    characters must be narrower as well (over lines of some length: one letter's width varies)."""
    sources = {ctx.rows[row.i].source, ctx.rows[item.i].source}
    if sources == {"text"}:
        return row.size < 0.9 * item.size
    return (sources == {"ocr"} and min(len(row.desc), len(item.desc)) >= 8
            and row.size < 0.85 * item.size and row.pitch < 0.85 * item.pitch)


def _step(upper: _TableRow, lower: _TableRow) -> float:
    return lower.y - upper.y


def _close(ctx: DocContext, upper: _TableRow, lower: _TableRow, pitch: float | None, full: float) -> bool:
    """Whether ``lower`` may be the next line of ``upper``'s description.

    Closer than the table's usual step between single-line items (``pitch``, less 10 %), it
    is. Otherwise it may be a wrapped line in a table whose rows are as close as lines of text
    (the step under 1.6 line heights). Where the table shows rows that far apart between items,
    a row spaced like an item row joins only when ``upper`` is a line that wrapped: at least
    ``full`` wide (60 % of the room between the description's heading and the number columns),
    not a short group heading ("Hardware") above an item or a short item above one.
    """
    step = _step(upper, lower)
    if pitch is not None and step < 0.9 * pitch:
        return True
    if step >= 1.6 * max(ctx.rows[upper.i].height, ctx.rows[lower.i].height):
        return False
    return pitch is None or upper.width >= full


_OUTLINE = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=\S)")
_COUNTED = re.compile(r"^(\d{1,4})\.?\s+(?=[^\W\d_])")  # "2 Akstur": a line's number, then its text


def _unnumbered(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lines whose texts all open with a position's outline number ("1.1 Roof", "1.2 Walls") or
    count them (1, 2, 3 or 10, 20, 30: a position column without a heading) without it."""
    if len(lines) < 2:
        return lines
    if all(_OUTLINE.match(ln["description"]) for ln in lines):
        for ln in lines:
            ln["description"] = _OUTLINE.sub("", ln["description"])
        return lines
    found = [_COUNTED.match(ln["description"]) for ln in lines]
    numbers = [int(m.group(1)) for m in found if m]
    if len(numbers) == len(lines) and any(numbers == list(range(step, step * (len(lines) + 1), step)) for step in (1, 10)):
        for ln, m in zip(lines, found):
            ln["description"] = ln["description"][m.end():]
    return lines


def _before_sums(ctx: DocContext, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``lines`` up to the first whose amount is the sum of a column of the three or more above
    it (a progress invoice's "Contract sum", "Billed so far" and "This invoice" under its
    positions, whatever their labels): sums, no items."""
    for n in range(3, len(lines)):
        rows = [ctx.amounts(ln["_desc_row"]) for ln in lines[:n]]
        width = min(len(r) for r in rows)
        sums = {sum((r[-k].value for r in rows), Decimal(0)) for k in range(1, width + 1)}
        if lines[n]["amount"] in sums:
            return lines[:n]
    return lines


def _adds_up(lines: list[dict[str, Any]], targets: list[Decimal]) -> bool:
    total = sum((ln["amount"] for ln in lines), Decimal(0))
    return bool(lines) and any(abs(total - t) <= Decimal("0.01") * max(1, len(lines)) for t in targets)


def _detail_items(ctx: DocContext, start: int, targets: list[Decimal], *, alone: bool = False) -> list[dict[str, Any]] | None:
    """Items read from a run of rows of a label and an amount after row ``start``, when they add up
    to a target (the subtotal or total): either every row of the run is an item, or the rows form an
    outline in which each item is followed by the rows that make it up ("Storage 12.00", then
    "Monthly fee 5.00", "Usage 7.00", "VAT 0.00") and the items add up. The first run that gives
    such items (a flat run: two or more); None when none does. Totals labels and rows of text end a
    run. ``alone``: a run of one row whose amount is the target is the item too, unless it reads as
    a payment ("Paid by card")."""
    runs: list[list[dict[str, Any]]] = [[]]
    for i in range(start, len(ctx.texts)):
        amounts = [a for a in ctx.amounts(i) if a.has_decimals or a.currency]
        desc = normalize_text(ctx.texts[i][: amounts[-1].start]).strip(" :-*.") if len(amounts) == 1 else ""
        totals = TOTAL_STRONG.search(desc) or TOTAL_PLAIN.search(desc) or SUBTOTAL.search(desc) or AMOUNT_DUE.search(desc)
        if len(amounts) != 1 or _letters(desc) < 2 or totals:
            if runs[-1]:
                runs.append([])
            continue
        a = amounts[0]
        runs[-1].append(
            {"description": desc, "quantity": None, "unit_price": None, "amount": a.value,
             "_value": ctx.value_at(i, a.start, a.end, a.value), "_desc_row": i}
        )
    for rows in runs:
        # A flat run needs two rows (one row of the total's amount may be a payment); an outline is
        # its own evidence: a row whose parts under it add up to it.
        if len(rows) >= 2 and _adds_up(rows, targets):
            return rows
        if alone and len(rows) == 1 and rows[0]["amount"] in targets and not labels.CASH.search(rows[0]["description"]):
            return rows
        outline = _outline(rows)
        if outline is not None and _adds_up(outline, targets):
            return outline
    return None


def _outline(rows: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The top rows of an outline: each followed by rows whose amounts add up to its own (then any
    rows of zero); None when the rows are no such outline. A single top row needs two parts or more:
    one row repeating another's amount is no breakdown of it."""
    items, k = [], 0
    if len(rows) >= 2 and rows[0]["amount"] == rows[1]["amount"] and all(r["amount"] == 0 for r in rows[2:]):
        return None
    while k < len(rows):
        parent, j, part = rows[k], k + 1, Decimal(0)
        while j < len(rows) and part != parent["amount"]:
            part += rows[j]["amount"]
            j += 1
        if part != parent["amount"] or j == k + 1:
            return None
        while j < len(rows) and rows[j]["amount"] == 0:
            j += 1  # "VAT $0.00" after the charges that make up the item
        items.append(parent)
        k = j
    return items


def _row_numbers(
    ctx: DocContext, i: int, cols: list[_Column], cells: list[Line]
) -> tuple[list[tuple[_Column, AmountMatch, int]], set[int], str | None]:
    """The numbers of row ``i`` (parted into ``cells`` by :func:`_column_cells`) that stand in a
    number column: (column, amount, offset of its cell in the row's text), the character positions
    they take, and the unit printed after a quantity in its cell ("20 pce", "699 kWh 0,2514").
    Other cells that mix words and numbers ("Widget 2 £10.00") are left to the description, but
    for the numbers after the last word of an OCR box that ran the description on into them."""
    row = ctx.rows[i]
    out: list[tuple[_Column, AmountMatch, int]] = []
    taken: set[int] = set()
    unit = None
    for cell in cells:
        offset = row.spans[row.words.index(cell.words[0])][0]
        pieces = [(0, cell.text)]
        m = _QTY_UNIT.match(cell.text)
        if m and strip_currency(m.group(2)).strip() and not _has_words(cell.text[m.end() :], ctx):
            pieces = [(0, m.group(1)), (m.end(), cell.text[m.end() :])]
        for start, text in pieces:
            found = find_amounts(text, decimal_sep=ctx.decimal_sep)
            rates = _rates(text, ctx, found)
            numbers = sorted([*found, *rates], key=lambda a: a.start)
            if cell.words[0].source == "ocr":
                numbers = _straddling(numbers, text, ctx, i, offset + start, cols)
            if numbers and _has_words(text, ctx, numbers) and cell.words[0].source == "ocr":
                # one OCR box ran the description on into the numbers ("... of the 9.5 136.00 T
                # 1,292.00"): the numbers after its last word, where they stand under number headings
                last = max((word.end() for word in _WORD.finditer(text)), default=0)
                numbers = [a for a in numbers if a.start >= last]
                tail = [replace(a, start=a.start - last, end=a.end - last) for a in numbers]
                if not any(a.has_decimals for a in numbers) or _has_words(text[last:], ctx, tail):
                    continue
            elif not numbers or _has_words(text, ctx, numbers):
                continue
            for a in numbers:
                rate = a in rates
                a = replace(a, start=a.start + start, end=a.end + start)
                box = row.span_bbox(offset + a.start, offset + a.end)
                col = _numeric_column(cols, box[0], box[2]) if box else None
                if col is not None and (col.role == "price" or not rate):
                    taken.update(range(offset + a.start, offset + a.end))
                    out.append((col, a, offset))
                    if m and start == 0 and len(pieces) == 2 and col.role == "qty":
                        unit = m.group(2)
                        taken.update(range(offset + m.start(2), offset + m.end(2)))
    return out, taken, unit


def _straddling(numbers: list[AmountMatch], text: str, ctx: DocContext, i: int, offset: int,
                cols: list[_Column]) -> list[AmountMatch]:
    """``numbers`` (of ``text``, which stands at ``offset`` in row ``i``) with each one grouped by a
    space whose first group stands under the quantity column, the rest under another number
    column, and whose product is another number of the row (the line's amount), read as two: a
    count and a price that OCR boxed together ("1 147.86" under Qty and Price, which reads as
    1147.86 whole). For OCR boxes only: a text layer's words stand where they are printed, and
    there a space groups thousands."""
    out: list[AmountMatch] = []
    for a in numbers:
        gap = re.search(r"\d( )\d", a.text)
        if gap is None:
            out.append(a)
            continue
        cut = a.start + gap.start(1)
        parts = [find_amounts(text[lo:hi], decimal_sep=ctx.decimal_sep) for lo, hi in ((a.start, cut), (cut + 1, a.end))]
        if all(len(p) == 1 for p in parts):
            first = replace(parts[0][0], start=parts[0][0].start + a.start, end=parts[0][0].end + a.start)
            rest = replace(parts[1][0], start=parts[1][0].start + cut + 1, end=parts[1][0].end + cut + 1)
            boxes = [ctx.rows[i].span_bbox(offset + p.start, offset + p.end) for p in (first, rest)]
            under = [_numeric_column(cols, box[0], box[2]) if box else None for box in boxes]
            start, end = offset + a.start, offset + a.end
            others = [b.value for b in ctx.amounts(i) if b.end <= start or b.start >= end]
            if under[0] is not None and under[1] is not None and under[0].role == "qty" and under[1].role != "qty" \
                    and any(_product_is(first.value, rest.value, b) for b in others):
                out += [first, rest]
                continue
        out.append(a)
    return out


_RATE = re.compile(r"(?<!\S)(\d{1,6})([.,])(\d{3,5})(?!\S)")


def _rates(text: str, ctx: DocContext, found: Sequence[AmountMatch]) -> list[AmountMatch]:
    """Prices per unit given to more than two decimals ("0.2816" per kWh) among ``text``'s words
    outside the amounts ``found`` there, written with the document's decimal separator. Read only in
    a price column: elsewhere "1.500" may be fifteen hundred."""
    return [
        AmountMatch(Decimal(f"{m.group(1)}.{m.group(3)}"), m.start(1), m.end(3), m.group(0))
        for m in _RATE.finditer(text)
        if m.group(2) == ctx.decimal_sep and not any(a.start < m.end() and m.start() < a.end for a in found)
    ]


# A count and its unit in one cell ("20 pce", "1 ens.", "699 kWh"), not a count times a price ("2 x").
_QTY_UNIT = re.compile(r"^(\d{1,3}(?:[,.'\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s+(?![xX]\b)([^\W\d_]{1,10}[²³]?\.?)(?=\s|$)")


def _has_words(text: str, ctx: DocContext, found: Sequence[AmountMatch] | None = None) -> bool:
    """Whether ``text`` holds words besides its amounts and currencies."""
    if found is None:
        found = find_amounts(text, decimal_sep=ctx.decimal_sep)
    return bool(re.search(r"[A-Za-z]{2,}", _without_amounts(text, found)))


_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]{3,}")


def _under(cols: list[_Column], w: Word) -> _Column | None:
    """The column whose heading stands over word ``w``: None under none (or under two)."""
    over = [c for c in cols if w.x0 < c.x1 and w.x1 > c.x0]
    return over[0] if len(over) == 1 else None


def _column_cells(row: Line, cols: list[_Column]) -> list[Line]:
    """The row's cells, parted further where words set close stand under different headings
    ("50 pce" under "Qté" and "Unité", "8 110,00" under "Heures" and "Taux", "1 10 St." under
    "Pos.", "Anz." and "Einheit"). Nothing is parted off a description: its last words may run
    under a number's heading ("selon devis n° 9396")."""
    out: list[Line] = []
    for cell in row.cells():
        owners = [_under(cols, w) for w in cell.words]
        for k in range(len(owners) - 2, -1, -1):
            if owners[k] is None and not _LETTER.search(cell.words[k].text + cell.words[k + 1].text):
                owners[k] = owners[k + 1]  # a right-aligned number's first digits, out from under its heading
        words: list[Word] = []
        owner: _Column | None = None
        for w, col in zip(cell.words, owners):
            if words and col is not None and owner is not None and col is not owner and owner.role not in ("desc", "item"):
                out.append(Line(words))
                words, owner = [], None
            words.append(w)
            owner = owner or col
        out.append(Line(words))
    return out


def _without_amounts(text: str, found: Sequence[AmountMatch]) -> str:
    """``text`` with the amounts ``found`` in it and its currency marks blanked out."""
    for a in reversed(found):
        text = text[: a.start] + " " + text[a.end :]
    return strip_currency(text)


def _numbers_start(cols: list[_Column]) -> float:
    """Where the number columns right of the description begin (a quantity column may come first)."""
    text = min((c.x0 for c in cols if c.role in ("desc", "item")), default=float("-inf"))
    right = [c.x0 for c in cols if c.role in _NUMERIC_ROLES and c.x0 > text]
    return min(right) if right else min(c.x0 for c in cols if c.role in _NUMERIC_ROLES)


def _only_labels(text: str) -> bool:
    """Whether a row says nothing but labels of the totals (totals, tax, charges, discounts) and
    amounts ("Total (incl. VAT)  12.00", "SUBTOTAAL  TOESLAG  BTW 21%  TOTAAL"), as opposed to an
    item that mentions a total ("Total care package")."""
    rest = strip_currency(_TABLE_END.sub(" ", TAX.sub(" ", DISCOUNT.sub(" ", labels.SHIPPING.sub(" ", text)))))
    rest = _latin_only(rest, text)
    return not any(w.upper() not in ("INCL", "EXCL", "INKL", "EXKL") for w in re.findall(r"[^\W\d_]{4,}", rest))


_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\ufb1d-\ufdff\ufe70-\ufeff]+")


def _latin_only(text: str, label: str) -> str:
    """``text`` without its Arabic or Hebrew words where ``label`` is in Latin letters: a bilingual
    page's translation of the label beside it ("Total (Excl. VAT)  الإجمالي غير شامل الضريبة")."""
    return _RIGHT_TO_LEFT.sub(" ", text) if re.search(r"[A-Za-z]", label) else text


def _x_at(row: Any, start: int, end: int) -> float:
    box = row.span_bbox(start, end)
    return box[0] if box else row.x0


def _multiplies(qty: Decimal | None, unit: Decimal | None, amount: Decimal) -> bool:
    """Whether a quantity and unit price read from one line make its amount (or are not both there)."""
    if qty is None or unit is None:
        return True
    return abs(qty * unit - amount) <= Decimal("0.01") * max(Decimal(1), abs(qty))


def _description(
    ctx: DocContext, i: int, cols: list[_Column], cells: list[Line], taken: set[int], first_number: float
) -> tuple[str, list[Word], dict[str, str | None]]:
    """Row ``i``'s text outside the numbers' columns (which begin at ``first_number``): the item's
    description, its words, and the text of its article-number and unit columns (by role)."""
    row = ctx.rows[i]
    numeric = [c for c in cols if c.role in _NUMERIC_ROLES]
    text_x0 = min((c.x0 for c in cols if c.role in ("desc", "item")), default=float("-inf"))
    desc_x0 = min((c.x0 for c in cols if c.role == "desc"), default=float("-inf"))
    dated = next((c for c in cols if c.role == "date"), None)
    parts, used = [], []
    other: dict[str, list[str]] = {"article": [], "unit": []}
    # where each word's cell begins: a cell that begins among the numbers is no description's
    starts = {id(w): cell.x0 for cell in cells for w in cell.words}
    roles = [_nearest_column(cols, w.x0, w.x1).role for w in row.words]
    dates = _date_words(row.words, roles)
    spans = list(row.spans)
    for n, (w, (s, e)) in enumerate(zip(row.words, spans)):
        if any(k in taken for k in range(s, e)):
            cut = min(k for k in range(s, e) if k in taken)
            if w.source == "ocr" and _letters(strip_currency(row.text[s:cut])) >= 2:
                parts.append(strip_currency(row.text[s:cut]))  # one OCR box: the description, then the line's numbers
                used.append(w)
            continue
        if not strip_currency(w.text).strip() and n + 1 < len(spans) and any(k in taken for k in range(*spans[n + 1])):
            continue  # the currency printed before its amount ("USD 2,444.66"), left of the amounts' column
        role = roles[n]
        if role == "pos" and not re.search(r"[A-Za-z]{2,}", w.text):
            continue  # the line's number
        if n in dates or (role == "factor" and not re.search(r"[^\W\d_]", w.text)) or role == "person":
            continue  # the line's date, in a column of its own; a fee's multiplier; who did the work
        cx = (w.x0 + w.x1) / 2
        unit_cell = role == "unit" and _nearest_column(cols, w.x0, w.x0).role == "unit"  # begins under the unit's heading
        # under "Item" before "Description", a code ("K968") is the item's code; words are its name
        coded = role == "item" and w.x1 <= desc_x0 and _CODE.fullmatch(w.text.strip())
        # a cell that begins under the text runs on towards the codes: still the text
        code_cell = role == "article" and _nearest_column(cols, starts[id(w)], starts[id(w)]).role == "article"
        if code_cell or coded or (role == "unit" and (cx >= first_number or w.x1 <= text_x0 or unit_cell)):
            other["unit" if role == "unit" else "article"].append(ctx.texts[i][s:e])  # "HW-204" under "Item #", "Stk" under "Einheit"
            continue
        if role is None and _own_column(cols, starts[id(w)], text_x0, row.height):
            continue  # "B25660" under "Batch", "1x30g" under "Pack": a column of its own
        if role in ("qty", "price") and starts[id(w)] >= first_number - row.height and strip_currency(w.text).strip(" %"):
            other["unit"].append(ctx.texts[i][s:e])  # "GB-month" under "Unit" (a heading that may mean a price)
            continue
        under_numbers = any(c.x0 <= cx <= c.x1 for c in numeric) or cx >= first_number
        if under_numbers and not re.search(r"[A-Za-z]{3,}", strip_currency(w.text)):
            continue  # a currency, a unit ("pc", "%") or a stray mark in the numbers' columns
        if role == "tax" and cx >= first_number:
            continue  # "VAT" under "Tax type"
        text = row.text[s:e]  # as printed: the folding of ctx.texts keeps each character's place
        if dated is not None and w.x0 <= dated.x1 and (found := find_dates(text)) and found[0].start == 0:
            text = text[found[0].end :]  # one OCR box holding the line's date and its text
        parts.append(text)
        used.append(w)
    extra = {k: normalize_text(" ".join(v)).strip() or None for k, v in other.items()}
    desc = normalize_text(" ".join(parts), printed=True).strip(" :-*\u2013\u2014")
    pos = next((c for c in cols if c.role == "pos"), None)
    if pos is not None and used and used[0].x0 < pos.x1:
        desc = re.sub(r"^\d{1,3}\.?\s+", "", desc)  # the line's number, read by OCR in one box with its text
    return desc, used, extra


def _own_column(cols: list[_Column], start: float, text_x0: float, slack: float) -> bool:
    """Whether a cell beginning at ``start`` begins under a column headed in words of no role right
    of the items' text ("Pack", "Batch", "Exp." between "Product Name" and "Rate"): that column's
    value, no part of the text (a long text that runs on under it began under its own heading)."""
    texts = [c for c in cols if c.role in ("desc", "item")]
    if not texts or start <= text_x0:
        return False
    col = _nearest_column(cols, start, start)
    return col.role is None and col.x0 > max(c.x1 for c in texts) and start >= col.x0 - slack


# Dotted leaders between a line's text and its amount ("Design review .......... 790.05").
_LEADER = re.compile(r"\s*(?:\.\s?){3,}$")
# An item's code: one token with a digit, letters and digits ("K968", "HX-2041", "77.120.75").
_CODE = re.compile(r"(?=\S*\d)[A-Z0-9][A-Z0-9\-./]{1,19}", _I)


def _date_words(words: Sequence[Word], roles: list[str | None]) -> range:
    """Where the line's date stands in a date column (indices of ``words``, each word's column
    role in ``roles``): from the first word in that column, as many words as read as one date
    ("May 30th, 2024", its year past the narrow heading) or as a period of two ("2 avril 2025 -
    1 mai 2025" under "Période")."""
    first = next((k for k, role in enumerate(roles) if role == "date"), None)
    if first is None:
        return range(0)
    end = first
    for k in range(first + 1, min(first + 9, len(words)) + 1):
        text = " ".join(w.text for w in words[first:k])
        found = find_dates(text)
        if not found or found[0].start != 0 or len(found) > 2:
            continue
        between = text[found[0].end : found[1].start].strip() if len(found) == 2 else ""
        if found[-1].end >= len(text.rstrip(" ,.")) and re.fullmatch(r"[-–—]|[^\W\d_]{1,3}|", between):
            end = k
    return range(first, end)


def _cell_under(ctx: DocContext, j: int, anchor: Value) -> str:
    """The text of row ``j`` in the column of ``anchor`` (the whole row when no cell lines up)."""
    cell = _cell_at(ctx, j, anchor)
    return cell.text if cell is not None else ctx.texts[j]


def _cell_at(ctx: DocContext, j: int, anchor: Value) -> Any:
    """The cell of row ``j`` in the column of ``anchor``, or None."""
    if anchor.bbox is None:
        return None
    for cell in ctx.rows[j].cells():
        if cell.x0 <= anchor.bbox[2] and cell.x1 >= anchor.bbox[0]:
            return cell
    return None


_CURRENCY_STATED = re.compile(
    rf"(?:{labels.compile_labels(labels.CURRENCY_STATED).pattern})\W{{0,3}}([A-Z]{{3}}|[^\w\s])(?![A-Za-z])", _I
)
_UNIT_CODE = re.compile(r"\(\s*([A-Z]{3}|[^\w\s()])\s*\)")
_HEADING_CODE = re.compile(r"(?<=\w)\s+(?:(?:in|en)\s+)?([A-Z]{3})$")  # a heading's words, then its unit


def _stated_currency(ctx: DocContext) -> str | None:
    """The currency the invoice states its amounts in, where no amount carries one: a statement
    ("All amounts in CHF", "Devise : EUR") or a unit in an item table's headings ("Amount (CHF)").
    Codes count in capitals only, so a word is never read as one."""
    for i, text in enumerate(ctx.texts):
        for m in _CURRENCY_STATED.finditer(text):
            code = parse_currency(m.group(1)) if m.group(1).isupper() or not m.group(1).isalpha() else None
            if code:
                return code
        if _item_header(ctx, i) is not None:
            for m in _UNIT_CODE.finditer(text):
                code = parse_currency(m.group(1))
                if code:
                    return code
            for start, end, _cell in _cells(ctx, i):  # "Betrag in EUR", "Belastung CHF"
                m = _HEADING_CODE.search(text[start:end])
                if m and (code := parse_currency(m.group(1))):
                    return code
    return None


def _text_outside(ctx: DocContext, box: BBox) -> str:
    """The page's rows without the words inside ``box``."""
    return "\n".join(
        normalize_chars(" ".join(w.text for w in row.words if not _inside(w.bbox, box))) for row in ctx.rows
    )


_EMAIL_LABEL = re.compile(rf"^\W*(?:{labels.compile_words(labels.EMAIL_HEADER).pattern})\s*:", _I)
_EMAIL_ONLY = re.compile(rf"^\W*(?:{labels.compile_words(labels.EMAIL_ONLY).pattern})\s*:", _I)


_PRINTED_AT = re.compile(r"^\W*\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]\.?M\.?)?(?!\S)", _I)


def _furniture(ctx: DocContext) -> set[int]:
    """The rows a program printing the page adds around it: a browser's first line (when it was
    printed, the page's title) and last (the address, "1/2"), and an e-mail's header as a mail
    program prints it: three rows or more in a row, each opening with a header's label ("From:",
    "Sent:", "To:", "Subject:"), one of them a label only e-mails have and one an address or a
    "Sent:" date. Their dates are when the page was printed or the message sent and their names a
    site's or a person's: the invoice's own fields stand under them."""
    drop: set[int] = set()
    if ctx.rows and _PRINTED_AT.match(ctx.texts[0]):
        drop.add(0)
    if ctx.rows and re.search(r"https?://\S+", ctx.texts[-1]) and re.search(r"\b\d{1,3}\s*/\s*\d{1,3}\s*$", ctx.texts[-1]):
        drop.add(len(ctx.rows) - 1)
    run: list[int] = []
    for i in [*range(len(ctx.texts)), -1]:
        if i >= 0 and _EMAIL_LABEL.match(ctx.texts[i]):
            run.append(i)
            continue
        texts = [ctx.texts[k] for k in run]
        if len(run) >= 3 and any(_EMAIL_ONLY.match(t) for t in texts) and any("@" in t or _EMAIL_ONLY.match(t) and re.search(r"\d", t) for t in texts):
            drop.update(run)
        run = []
    return drop


def extract_invoice(words: Sequence[Word], *, currency_hint: str | None = None) -> Reading:
    """Invoice fields (the ``invoice`` schema) from words with boxes, with provenance; ``check_amounts``
    holds the printed amounts the kit's checks need that no field holds."""
    ctx = DocContext(words, currency_hint=currency_hint)
    if drop := _furniture(ctx):  # (read again without it: the rows' texts and amounts shape all that follows)
        gone = {id(w) for i in drop for w in ctx.rows[i].words}
        ctx = DocContext([w for w in words if id(w) not in gone], currency_hint=currency_hint)
    cust = _customer(ctx)
    if currency_hint is None and not any(a.currency for i in range(len(ctx.texts)) for a in ctx.amounts(i)):
        # No amount carries a mark: a statement of the currency, else what the page says outside the
        # customer's block (the customer's country is where the bill goes, not what it is in).
        own = ctx.currency if cust.box is None else detect_currency(_text_outside(ctx, cust.box))
        currency = _stated_currency(ctx) or own
        if currency != ctx.currency:
            # as a context built with the hint: the currency and the date order it implies (the rows,
            # texts and amounts do not depend on it)
            ctx.currency = currency
            ctx.dayfirst = infer_dayfirst(ctx.texts, default=currency != "USD")
    if ctx.currency == "USD" and labels.language_of(ctx.text) not in (None, "en"):
        # month first is an American English habit, not the dollar's: other languages write the day first
        ctx.dayfirst = infer_dayfirst(ctx.texts, default=True)
    values: dict[str, Value] = {}
    number = _invoice_number(ctx)
    date, due = _dates(ctx)
    head_row = next((h for h in range(len(ctx.texts)) if _item_header(ctx, h) is not None), None)
    block = _total_block(ctx, head_row)
    for key, v in (("invoice_number", number), ("date", date), ("due_date", due)):
        if v is not None:
            values[key] = v
    for key in ("subtotal", "tax", "total"):
        if key in block:
            values[key] = block[key]
    block_rows = [v.row for v in block.values()]
    body_start = head_row if head_row is not None else min(block_rows, default=len(ctx.texts))
    issuer, customer, party_prov = _parties(ctx, cust, range(body_start, max([*block_rows, body_start - 1]) + 1))
    data: dict[str, Any] = {
        "invoice_number": None,
        "issuer": issuer,
        "customer": customer,
        "date": None,
        "due_date": None,
        "currency": ctx.currency,
        "lines": [],
        "subtotal": None,
        "tax": None,
        "total": None,
    }
    for key, v in values.items():
        data[key] = v.value
    head = max([v.row for k, v in values.items() if k in ("invoice_number", "date")] + [-1])
    stop = min([v.row for k, v in block.items()] + [len(ctx.texts)])
    table = _table_items(ctx) or _record_items(ctx)
    if table is not None:
        lines = _unnumbered(table)
    else:
        lines = _unnumbered(_before_sums(ctx, [ln for ln in (_items(ctx, head + 1, stop) if stop > head else [])
                                                if not _in_prose(ctx, ln["_value"])]))
        target = [v.value for k, v in block.items() if k in ("subtotal", "total")]
        if target and (len(lines) < 2 or not _adds_up(lines, target)):
            # A statement whose detail follows its summary (the total first, then each service,
            # with the charges that make it up under it): the detail beats a summary line
            # ("Current charges") that is the total itself, and then may be one line too.
            alone = len(lines) == 1 and lines[0]["amount"] in target
            detail = _detail_items(ctx, block["total"].row + 1 if "total" in block else stop, target, alone=alone)
            if detail:
                lines = detail
    provenance = {k: v.source() for k, v in values.items()}
    provenance.update({k: v.source() for k, v in party_prov.items()})
    for n, item in enumerate(lines):
        provenance[f"lines[{n}].amount"] = item.pop("_value").source()
        item.pop("_desc_row")
        item["description"] = _LEADER.sub("", item["description"])
    data["lines"] = lines
    extra = {k: abs(block[k].value) for k in ("discount", "charges") if k in block}
    # The arithmetic is the schema kit's to check, once, on the merged document (a page may be a part).
    return Reading(data=data, provenance=provenance, text="\n".join(ctx.texts), check_amounts=extra)
