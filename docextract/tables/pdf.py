"""Tables of digital PDF pages: ruled tables from vector lines, unruled ones from text alignment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docextract.schemas.table import Table
from docextract.tables.grid import tables_from_words
from docextract.types import Word

if TYPE_CHECKING:
    import pymupdf


def page_words(pdf_page: pymupdf.Page) -> list[Word]:
    """The text layer of a page as words in PDF points (origin top-left)."""
    return [Word(t[4], t[0], t[1], t[2], t[3]) for t in pdf_page.get_text("words", sort=False) if t[4].strip()]


def extract_pdf_tables(pdf_page: pymupdf.Page, page_no: int) -> list[Table]:
    """All tables of a digital PDF page, top to bottom.

    Ruled tables come from the page's ruling lines and rectangles (merged cells kept in their start
    cell, wrapped text joined); the remaining words are searched for whitespace-aligned tables.
    """
    words = page_words(pdf_page)
    return tables_from_words(words, page_no)
