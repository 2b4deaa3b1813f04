"""Table extraction: digital PDF pages, OCR'd scans, multi-page stitching and exports::

    from docextract.tables import extract_pdf_tables, stitch_tables, to_dataframes, write_xlsx

    tables = stitch_tables([t for page in doc for t in extract_pdf_tables(page, page.number + 1)])
    frames = to_dataframes(tables)  # numeric columns typed
    write_xlsx(tables, "tables.xlsx")  # one sheet per table

For scans, OCR words and the image's ruling lines give the same tables::

    read = get_reader().read(image)
    tables = scan_tables(read.words, page_no, *ruling_lines(image, read.to_upright))
"""

from __future__ import annotations

from docextract.tables.export import to_dataframes, write_csv, write_xlsx
from docextract.tables.grid import merge_rows, stitch_tables, tables_from_words
from docextract.tables.pdf import extract_pdf_tables
from docextract.tables.scan import ruling_lines, scan_tables

__all__ = [
    "extract_pdf_tables",
    "merge_rows",
    "ruling_lines",
    "scan_tables",
    "stitch_tables",
    "tables_from_words",
    "to_dataframes",
    "write_csv",
    "write_xlsx",
]
