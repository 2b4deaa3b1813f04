"""Invoice rules: number, dates, parties, currency, lines and the totals block.

Label → value pairing (right of the label, else below it in the same column) with labels in
English, French, German, Dutch, Spanish, Italian and Portuguese. The amount due wins over plain
totals; net/ex-tax totals are subtotals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from docextract.checks import check_invoice
from docextract.layout import union_bbox
from docextract.parsing import find_dates, normalize_text
from docextract.rules import DocContext, Extraction, Value, _value_below, amounts_parser, find_labelled
from docextract.rules.receipt import (
    LEGAL,
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
    _is_noise,
    _items,
    _letters,
)
from docextract.types import Word

__all__ = ["extract_invoice"]

_I = re.IGNORECASE

INVOICE_NO = re.compile(
    r"(?:INVOICE|INV|BILL|FACTURE|FACTUUR|RECHNUNG|FACTURA|FATTURA|FATURA|NOTA|RECEIPT)\s*-?\s*"
    r"(?:NUMBER|NUMMER|NUMÉRO|NUMERO|NÚMERO|NUM|NO|NR|N°|Nº|N\.|#|ID)\.?\s*:?"
    r"|FACTUURNUMMER|RECHNUNGSNUMMER|RECHNUNGS-?NR\.?|(?:N°|NUMÉRO|NUMERO|NÚMERO)\s*DE\s*(?:FACTURE|FACTURA)"
    r"|INVOICE\s*:",
    _I,
)
REFERENCE_NO = re.compile(
    r"BOOKING\s*(?:ID|NO|NUMBER|REF)|ORDER\s*(?:ID|NO|NUMBER|#)|REFERENCE\s*(?:NO|NUMBER)?|\bREF\b\.?"
    r"|DOCUMENT\s*(?:NO|NUMBER)|^\s*#",
    _I,
)
_ID_TOKEN = re.compile(r"(?<![\w-])(?:[#:]\s*)?([A-Za-z0-9][A-Za-z0-9_\-/.]*[A-Za-z0-9]|\d)(?![\w])")

DATE_INVOICE = re.compile(
    r"INVOICE\s*DATE|DATE\s*OF\s*(?:ISSUE|INVOICE)|ISSUE\s*DATE|DATE\s*(?:DE\s*)?FACTURE|FACTUURDATUM"
    r"|RECHNUNGSDATUM|FECHA\s*(?:DE\s*)?(?:FACTURA|EMISI[OÓ]N)|DATA\s*(?:DA\s*)?FATTURA|BILL\s*DATE",
    _I,
)
DATE_GENERIC = re.compile(r"\bDATE\b|\bDATUM\b|\bFECHA\b|\bDATA\b|\bDATED\b", _I)
DATE_OTHER = re.compile(
    r"DUE|ORDER|DELIVERY|SHIP|CHECK|PERIOD|FROM|UNTIL|BIRTH|EXPIR|VALID|ORDERDATUM|LIEFER|BESTELL|F[AÄ]LLIG"
    r"|[ÉE]CH[ÉE]ANCE|VERVAL|VENCIMIENTO|SCADENZA|COMMANDE|PEDIDO",
    _I,
)
DUE_DATE = re.compile(
    r"DUE\s*(?:DATE|ON|BY)|PAYMENT\s*DUE|PAY\s*BY|F[AÄ]LLIG|ZAHLBAR\s*BIS|[ÉE]CH[ÉE]ANCE|VERVALDATUM"
    r"|FECHA\s*DE\s*VENCIMIENTO|SCADENZA|VENCIMENTO",
    _I,
)
AMOUNT_DUE = re.compile(
    r"AMOUNT\s*DUE|BALANCE\s*DUE|TOTAL\s*(?:AMOUNT\s*)?DUE|TOTAL\s*PAYABLE|AMOUNT\s*PAYABLE|GRAND\s*TOTAL"
    r"|TOTAL\s*TTC|NET\s*[AÀ]\s*PAYER|TE\s*BETALEN|ZU\s*ZAHLEN|RECHNUNGSBETRAG|GESAMTBETRAG|TOTAL\s*A\s*PAGAR"
    r"|IMPORTE\s*TOTAL|TOTALE\s*(?:DA\s*PAGARE|FATTURA)|TOTAL\s*FOR\s*THIS\s*INVOICE|INVOICE\s*TOTAL",
    _I,
)
CUSTOMER = re.compile(
    r"BILL(?:ED)?\s*TO|SOLD\s*TO|SHIP\s*TO|INVOICE\s*TO|CUSTOMER|CLIENT|FACTUREADRES|FACTURÉ\s*À|RECHNUNGSADRESSE"
    r"|KUNDE|CLIENTE|ATTN",
    _I,
)


def _ids(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _ID_TOKEN.finditer(text):
        tok = m.group(1)
        if not re.search(r"\d", tok) or find_dates(tok) or re.fullmatch(r"\d{1,2}", tok):
            continue
        out.append((tok, m.start(1), m.end(1)))
    return out


def _invoice_number(ctx: DocContext) -> Value | None:
    for label, score in ((INVOICE_NO, 2.0), (REFERENCE_NO, 1.0)):
        found = find_labelled(ctx, label, _ids)
        if found:
            v = found[0]
            v.score = score
            return v
    return None


def _dates(ctx: DocContext) -> tuple[Value | None, Value | None]:
    def parse(text: str) -> list[tuple[Any, int, int]]:
        return [(d.value, d.start, d.end) for d in find_dates(text, dayfirst=ctx.dayfirst)]

    cands: list[Value] = []
    for v in find_labelled(ctx, DATE_INVOICE, parse):
        v.score = 3.0
        cands.append(v)
    for v in find_labelled(ctx, DATE_GENERIC, parse):
        if not DATE_OTHER.search(ctx.texts[v.row]) and not DUE_DATE.search(ctx.texts[v.row]):
            v.score = 2.0
            cands.append(v)
    if not cands:
        for i, t in enumerate(ctx.texts):
            if DATE_OTHER.search(t) or DUE_DATE.search(t):
                continue
            for d in find_dates(t, dayfirst=ctx.dayfirst):
                cands.append(ctx.value_at(i, d.start, d.end, d.value, -0.01 * i))
    date = max(cands, key=lambda v: (v.score, -v.row)) if cands else None
    due = find_labelled(ctx, DUE_DATE, parse)
    return date, (due[0] if due else None)


def _total_block(ctx: DocContext) -> dict[str, Value]:
    parse = amounts_parser(ctx)
    out: dict[str, Value] = {}

    def money(label: re.Pattern[str], exclude: re.Pattern[str] | None) -> list[Value]:
        return [v for v in find_labelled(ctx, label, parse, exclude=exclude) if isinstance(v.value, Decimal)]

    due = money(AMOUNT_DUE, re.compile(r"SUB\s*-?\s*TOTAL|\bHT\b|EXCL", _I))
    totals = money(TOTAL_STRONG, TOTAL_EXCLUDE) + money(TOTAL_PLAIN, TOTAL_EXCLUDE)
    totals = [v for v in totals if not SUMMARY.search(ctx.texts[v.row])]
    if due:
        # A positive amount due beats a zero "balance" printed after a payment.
        positive = [v for v in due if v.value > 0]
        out["total"] = (positive or due)[0]
    elif totals:
        out["total"] = max(totals, key=lambda v: v.row)
    sub = money(SUBTOTAL, None)
    if sub:
        # An explicit "subtotal" beats an ex-tax total (they differ when prices include tax).
        explicit = [v for v in sub if re.search(r"SUB\s*-?\s*TOTA", ctx.texts[v.row], _I)]
        out["subtotal"] = (explicit or sub)[0]
    tax = [v for v in money(TAX, TAX_EXCLUDE) if v.value >= 0]
    if "total" in out:
        tax = [v for v in tax if v.value < out["total"].value or out["total"].value == 0]
    if tax:
        # With several tax rows (per service, per rate), the one nearest above the total is the sum.
        above = [v for v in tax if "total" in out and v.row < out["total"].row]
        out["tax"] = max(above, key=lambda v: v.row) if above else tax[0]
    return out


def _parties(ctx: DocContext) -> tuple[dict[str, Any], dict[str, Any], dict[str, Value]]:
    issuer: dict[str, Any] = {"name": None, "address": None, "tax_id": None}
    customer: dict[str, Any] = {"name": None, "address": None, "tax_id": None}
    prov: dict[str, Value] = {}
    cust_rows: set[int] = set()
    for i, t in enumerate(ctx.texts):
        m = CUSTOMER.search(t)
        if not m:
            continue
        cust_rows.add(i)
        if customer["name"] is not None:
            continue
        rest = re.sub(r"^\W*(?:ADDRESS|ADRES|ADRESSE)?\W*", "", t[m.end() :], flags=_I).strip()
        if _letters(rest) >= 3 and not CUSTOMER.match(rest):
            name = ctx.value_at(i, len(t) - len(rest), len(t), rest)
        else:
            name = _value_below(ctx, i, m.start(), m.end(), _name_parse)
        if name is None:
            continue
        customer["name"] = normalize_text(re.sub(r"^ATTN\W*", "", name.value, flags=_I))
        prov["customer.name"] = name
        addr = [j for j in range(name.row + 1, min(name.row + 4, len(ctx.texts))) if _addressish(ctx.texts[j])]
        cust_rows.update(range(i, (addr[-1] if addr else name.row) + 1))
        if addr:
            customer["address"] = normalize_text(", ".join(_cell_under(ctx, j, name) for j in addr))
    legal = [
        (i, cell)
        for i, row in enumerate(ctx.rows)
        if i not in cust_rows
        for cell in row.cells()
        if re.search(LEGAL.pattern + r"\W*$", _clean_name(cell.text), _I) and not _is_noise(cell.text)
    ]
    if legal:
        i, cell = legal[0]
        name = _clean_name(cell.text)
        issuer["name"] = name
        prov["issuer.name"] = ctx.row_value(i, name)
        addr_rows = []
        for j in range(i + 1, min(i + 4, len(ctx.texts))):
            if _addressish(ctx.texts[j]) and re.search(r"\d", ctx.texts[j]) and j not in cust_rows:
                addr_rows.append(j)
            elif addr_rows:
                break
        if addr_rows:
            text = normalize_text(", ".join(_cell_under(ctx, j, prov["issuer.name"]) for j in addr_rows))
            issuer["address"] = text
            prov["issuer.address"] = Value(text, text, union_bbox(ctx.rows[j].bbox for j in addr_rows), 1.0, ctx.rows[i].source)
    for v in find_labelled(ctx, TAX_ID, _ids):
        if v.row not in cust_rows and len(v.value) >= 6:
            issuer["tax_id"] = v.value
            prov["issuer.tax_id"] = v
            break
    return issuer, customer, prov


def _name_parse(text: str) -> list[tuple[Any, int, int]]:
    text = text.strip()
    if _letters(text) >= 3 and not CUSTOMER.match(text):
        return [(text, 0, len(text))]
    return []


def _cell_under(ctx: DocContext, j: int, anchor: Value) -> str:
    """The text of row ``j`` in the column of ``anchor`` (the whole row when no cell lines up)."""
    if anchor.bbox is None:
        return ctx.texts[j]
    for cell in ctx.rows[j].cells():
        if cell.x0 <= anchor.bbox[2] and cell.x1 >= anchor.bbox[0]:
            return cell.text
    return ctx.texts[j]


def extract_invoice(words: Sequence[Word], *, currency_hint: str | None = None) -> Extraction:
    """Invoice fields (the ``invoice`` schema) from words with boxes, with provenance and check issues."""
    ctx = DocContext(words, currency_hint=currency_hint)
    values: dict[str, Value] = {}
    number = _invoice_number(ctx)
    date, due = _dates(ctx)
    block = _total_block(ctx)
    for key, v in (("invoice_number", number), ("date", date), ("due_date", due)):
        if v is not None:
            values[key] = v
    for key in ("subtotal", "tax", "total"):
        if key in block:
            values[key] = block[key]
    issuer, customer, party_prov = _parties(ctx)
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
    head = max([v.row for k, v in values.items() if k in ("invoice_number", "date")] + [0])
    stop = min([v.row for k, v in block.items()] + [len(ctx.texts)])
    lines = _items(ctx, head + 1, stop) if stop > head else []
    provenance = {k: v.source() for k, v in values.items()}
    provenance.update({k: v.source() for k, v in party_prov.items()})
    for n, item in enumerate(lines):
        provenance[f"lines[{n}].amount"] = item.pop("_value").source()
        item.pop("_desc_row")
    data["lines"] = lines
    return Extraction(data=data, provenance=provenance, issues=check_invoice(data), text="\n".join(ctx.texts))
