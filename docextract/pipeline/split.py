"""Several documents in one file: where one ends and the next begins.

A PDF from a scanner or an accounts system often holds a stack (three invoices, a month of
receipts). The pipeline reads every page; this stage then groups the pages into documents, each
merged, validated and checked on its own and reported with the pages it came from.

With ``auto``, page *k* opens a new document when

- it names a document (an invoice number, the schema's *key*) other than the current one; or
- the current document is complete (its total is read) and page *k* looks like a first page: a
  header (the issuer's or merchant's name) with a date or a key, and a total of its own; or the
  current document is complete and page *k* names another issuer or merchant.

A page that repeats the current key, a page with neither header nor total (more line items,
terms and conditions), and a page that says it is page *k* of *n* with *k* > 1 ("Seite 2 von 2":
its running footer may name the issuer and its totals the document's) stay with the document
before it: a two-page invoice stays one invoice.
``pages`` makes every page a document (a stack of one-page receipts); ``off`` keeps the file one.
Which fields are key, header, date and total is the schema kit's (:attr:`SchemaSpec.document`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docextract.pipeline.merge import norm
from docextract.schemas.spec import DocumentFields

SPLIT_MODES = ("auto", "pages", "off")


def field_value(data: dict[str, Any] | None, path: str | None) -> Any:
    """The value at a dotted path (``issuer.name``), None where it is missing or empty."""
    value: Any = data
    for part in (path or "").split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return None if value in ("", [], {}) else value


def _first(data: dict[str, Any] | None, paths: Sequence[str]) -> Any:
    return next((v for v in (field_value(data, p) for p in paths) if v is not None), None)


@dataclass
class _Current:
    """What the document being gathered has shown so far."""

    key: Any = None
    header: Any = None
    complete: bool = False

    def absorb(self, data: dict[str, Any] | None, fields: DocumentFields) -> None:
        self.key = self.key if self.key is not None else _first(data, fields.key)
        self.header = self.header if self.header is not None else _first(data, fields.header)
        self.complete = self.complete or field_value(data, fields.total) is not None


def _opens_document(current: _Current, data: dict[str, Any] | None, fields: DocumentFields) -> bool:
    key = _first(data, fields.key)
    if key is not None and current.key is not None:
        return norm(key) != norm(current.key)  # the key decides whenever both pages show one
    if not current.complete:
        return False  # the current document has not ended yet
    header = _first(data, fields.header)
    if header is None:
        return False
    if key is None and field_value(data, fields.date) is None:
        return False  # a first page shows its date or its number along with the header
    if current.header is not None and norm(header) != norm(current.header):
        return True  # another issuer or merchant after a complete document
    return field_value(data, fields.total) is not None


def page_of(texts: Sequence[str]) -> tuple[int, int] | None:
    """The (page, of pages) a page's lines print ("Page 2 of 3"), None where none says it."""
    from docextract.rules.lexicon import PAGE_OF

    for text in texts:
        m = PAGE_OF.search(text)
        if m and 0 < int(m.group(1)) <= int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
    return None


def split_pages(pages: Sequence[tuple[int, dict[str, Any] | None]], fields: DocumentFields | None,
                mode: str = "auto", continued: frozenset[int] = frozenset()) -> list[list[int]]:
    """Page numbers grouped into documents, in order, from each page's own data (see the module
    docstring). Pages whose data is None (nothing read) and the ``continued`` pages (page *k* > 1
    of *n*) stay with the document before them."""
    if mode not in SPLIT_MODES:
        raise ValueError(f"unknown split mode {mode!r}; use one of: {', '.join(SPLIT_MODES)}")
    numbers = [n for n, _ in pages]
    if mode == "off" or len(numbers) < 2:
        return [numbers] if numbers else []
    if mode == "pages":
        return [[n] for n in numbers]
    if fields is None:
        return [numbers]  # the schema says nothing about documents: nothing to split on
    groups: list[list[int]] = []
    current = _Current()
    for n, data in pages:
        if groups and (n in continued or not _opens_document(current, data, fields)):
            groups[-1].append(n)
        else:
            groups.append([n])
            current = _Current()
        current.absorb(data, fields)
    return groups
