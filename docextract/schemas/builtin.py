"""The built-in schema kits: ``receipt``, ``invoice``, ``table`` and ``code``.

Each kit names the modules that do its work (the checks, the rules, the table finder); they are
imported when first used, so that importing a schema stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from docextract.errors import ExportError
from docextract.schemas.code import Code
from docextract.schemas.invoice import Invoice
from docextract.schemas.receipt import Receipt
from docextract.schemas.spec import DocumentFields, SchemaSpec
from docextract.schemas.table import Table, Tables
from docextract.types import Issue, Word


def _receipt_checks(data: dict[str, Any], printed: Mapping[str, Any]) -> list[Issue]:
    from docextract.checks import check_receipt

    return check_receipt(data, **printed)


def _invoice_checks(data: dict[str, Any], printed: Mapping[str, Any]) -> list[Issue]:
    from docextract.checks import check_invoice

    return check_invoice(data, **printed)


def _receipt_rules(words: Sequence[Word], *, tables: Any = None) -> Any:
    from docextract.rules.receipt import extract_receipt

    return extract_receipt(words, currency_hint=None)


def _invoice_rules(words: Sequence[Word], *, tables: Any = None) -> Any:
    from docextract.rules.invoice import extract_invoice

    return extract_invoice(words, currency_hint=None)


def _table_rules(words: Sequence[Word], *, tables: Callable[[], list[Table]] | None = None) -> Any:
    """Tables by rows and columns of words; a digital PDF page's own (ruling lines, text layer) where it has them."""
    from docextract.rules import Reading

    if tables is not None:
        return Reading(data={"tables": [t.model_dump() for t in tables()]})
    from docextract.tables import tables_from_words

    found = tables_from_words(list(words), 0)
    return Reading(data={"tables": [t.model_dump(exclude={"page"}) for t in found]}, text=_text(words))


def _code_rules(words: Sequence[Word], *, tables: Any = None) -> Any:
    """Code from word positions: indentation from the left edges."""
    from docextract.rules import Reading
    from docextract.textlayout import guess_language, words_to_code

    code = words_to_code(list(words))
    return Reading(data={"language": guess_language(code), "code": code}, text=_text(words))


def _text(words: Sequence[Word]) -> str:
    return "\n".join(w.text for w in words)


def _no_rows(message: str) -> Callable[[dict[str, Any], str], list[dict[str, Any]]]:
    def rows(data: dict[str, Any], mode: str) -> list[dict[str, Any]]:
        raise ExportError(message)

    return rows


def _tables_of(data: dict[str, Any]) -> list[Table]:
    return [Table.model_validate(t) for t in data.get("tables") or []]


BUILTIN_SPECS: dict[str, SchemaSpec] = {
    spec.name: spec
    for spec in (
        SchemaSpec("receipt", Receipt, merge="document", items_field="items", checks=_receipt_checks, rules=_receipt_rules,
                   document=DocumentFields(header=("merchant_name",), date="date", total="total"),
                   key_fields=("merchant_name", "merchant_address", "date", "total"), calibration="receipt"),
        SchemaSpec("invoice", Invoice, merge="document", items_field="lines", max_tokens=2048,
                   checks=_invoice_checks, rules=_invoice_rules,
                   document=DocumentFields(key=("invoice_number",), header=("issuer.name",), date="date", total="total"),
                   key_fields=("issuer.name", "invoice_number", "date", "total")),
        SchemaSpec("table", Tables, merge="tables", max_tokens=3072, tables=_tables_of, rules=_table_rules,
                   rows=_no_rows("table results have one CSV per table: use Reading.write_tables() or -o tables.csv")),
        SchemaSpec("code", Code, merge="lines", max_tokens=3072, rules=_code_rules,
                   rows=_no_rows("code has no tabular form; export it as JSON or plain text")),
    )
}
