"""Table extraction on PDFs generated here with known cells, a rasterised + OCR'd page, and exports."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path
from typing import Any

import pytest

from docextract.schemas.table import Table
from docextract.sources.mupdf import pymupdf
from docextract.tables import (
    extract_pdf_tables,
    merge_rows,
    stitch_tables,
    tables_from_words,
    to_dataframes,
    write_csv,
    write_xlsx,
)
from docextract.tables.export import parse_number
from docextract.types import Word

FONT = 10
BODY = [
    ["Apples", "1,200", "3.50"],
    ["Bananas", "85", "(12)"],
    ["Cherries", "7", "12%"],
    ["Dates", "-", "0.75"],
]


# ---------------------------------------------------------------- PDF builders


def text(page: pymupdf.Page, x: float, y: float, s: str, right: float | None = None) -> None:
    """Write ``s`` with its baseline at y, starting at x (or ending at ``right``)."""
    if right is not None:
        x = right - pymupdf.get_text_length(s, fontsize=FONT)
    page.insert_text((x, y), s, fontsize=FONT)


def ruled_table(
    page: pymupdf.Page,
    top: float,
    rows: list[list[str | list[str]]],
    widths: tuple[float, ...] = (140, 90, 90),
    left: float = 72,
    spans: dict[tuple[int, int], int] | None = None,
    open_below: set[tuple[int, int]] | None = None,
) -> None:
    """A fully ruled grid; a cell may be a list of lines; ``spans[(r, c)] = n`` merges n columns;
    a cell in ``open_below`` has no rule under it (it runs into the next row)."""
    spans = spans or {}
    open_below = open_below or set()
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    y = top
    for r, row in enumerate(rows):
        nlines = max(len(c) if isinstance(c, list) else 1 for c in row)
        height = 6 + 13 * nlines
        for c in range(len(widths)):
            if (r - 1, c) not in open_below:
                page.draw_line((xs[c], y), (xs[c + 1], y), width=0.6)
        covered = {c + k for (rr, c), n in spans.items() if rr == r for k in range(1, n)}
        for c, x in enumerate(xs):
            if c not in covered:
                page.draw_line((x, y), (x, y + height), width=0.6)
        for c, cell in enumerate(row):
            for i, line in enumerate(cell if isinstance(cell, list) else [cell]):
                if line:
                    text(page, xs[c] + 4, y + 14 + 13 * i, line)
        y += height
    page.draw_line((xs[0], y), (xs[-1], y), width=0.6)


def plain_table(page: pymupdf.Page, top: float, rows: list[list[str]], left: float = 72) -> float:
    """An unruled table: a left-aligned label column and right-aligned number columns."""
    y = top
    for row in rows:
        text(page, left, y, row[0])
        for j, cell in enumerate(row[1:], 1):
            text(page, 0, y, cell, right=left + 150 + 90 * j)
        y += 16
    return y


def grid(t: Table) -> list[list[str]]:
    return ([t.columns] if t.columns else []) + t.rows


@pytest.fixture
def doc() -> pymupdf.Document:
    d = pymupdf.open()
    yield d
    d.close()


# ---------------------------------------------------------------- digital PDFs


def test_ruled_table_with_header_and_wrapped_cell(doc: pymupdf.Document) -> None:
    page = doc.new_page()
    text(page, 72, 60, "A paragraph before the table that is not part of it.")
    ruled_table(page, 100, [["Fruit", ["Weight", "kg"], "Price"], *BODY])
    [t] = extract_pdf_tables(page, 1)
    assert t.page == 1
    assert t.columns == ["Fruit", "Weight kg", "Price"]
    assert t.rows == BODY


def test_unruled_table(doc: pymupdf.Document) -> None:
    page = doc.new_page()
    text(page, 72, 60, "Sales by fruit, first quarter, in the shops of the region.")
    plain_table(page, 100, [["Fruit", "Weight", "Price"], *BODY])
    text(page, 72, 220, "Some closing remarks follow the table here, as a long sentence of prose.")
    [t] = extract_pdf_tables(page, 1)
    assert t.columns == ["Fruit", "Weight", "Price"]
    assert t.rows == BODY


def test_spanning_header_kept_in_start_cell(doc: pymupdf.Document) -> None:
    page = doc.new_page()
    rows: list[list[str | list[str]]] = [["", "Measures", ""], ["Fruit", "Weight", "Price"], *BODY]
    ruled_table(page, 100, rows, spans={(0, 1): 2})
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["", "Measures", ""], ["Fruit", "Weight", "Price"], *BODY]


def test_row_spanning_cell_kept_in_start_cell(doc: pymupdf.Document) -> None:
    page = doc.new_page()
    rows: list[list[str | list[str]]] = [["Fruit", "Weight", "Price"], ["Citrus", "4", "1.10"], ["", "6", "0.90"]]
    ruled_table(page, 100, rows, open_below={(1, 0)})
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Fruit", "Weight", "Price"], ["Citrus", "4", "1.10"], ["", "6", "0.90"]]


def test_unruled_spanning_header(doc: pymupdf.Document) -> None:
    page = doc.new_page()
    text(page, 72 + 180, 84, "Measures")  # centred over the two number columns
    plain_table(page, 100, [["Fruit", "Weight", "Price"], *BODY])
    [t] = extract_pdf_tables(page, 1)
    # the stub heading spans both header rows: its text in the first (as ICDAR 2013 writes it)
    assert grid(t) == [["Fruit", "Measures", ""], ["", "Weight", "Price"], *BODY]


def test_two_tables_on_one_page(doc: pymupdf.Document) -> None:
    page = doc.new_page()
    ruled_table(page, 80, [["Fruit", "Weight", "Price"], *BODY[:2]])
    text(page, 72, 200, "Between the tables there is a sentence of ordinary running text.")
    plain_table(page, 250, [["Vegetable", "Weight", "Price"], ["Leeks", "4", "2.10"], ["Onions", "9", "0.40"]])
    first, second = extract_pdf_tables(page, 1)
    assert grid(first) == [["Fruit", "Weight", "Price"], *BODY[:2]]
    assert grid(second) == [["Vegetable", "Weight", "Price"], ["Leeks", "4", "2.10"], ["Onions", "9", "0.40"]]


def test_table_across_two_pages_is_stitched(doc: pymupdf.Document) -> None:
    header = ["Fruit", "Weight", "Price"]
    ruled_table(doc.new_page(), 600, [header, *BODY[:2]])
    ruled_table(doc.new_page(), 72, [header, *BODY[2:]])
    tables = extract_pdf_tables(doc[0], 1) + extract_pdf_tables(doc[1], 2)
    assert len(tables) == 2
    [t] = stitch_tables(tables)
    assert t.page == 1 and t.columns == header and t.rows == BODY


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_sideways_text(doc: pymupdf.Document, rotate: int) -> None:
    """Text set sideways in the content stream (a landscape table on a portrait page)."""
    page = doc.new_page()
    rows = [["Fruit", "Weight", "Price"], *BODY]
    origin = {90: (100, 700), 180: (500, 700), 270: (500, 100)}[rotate]
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            along, across = 110.0 * j, 16.0 * i
            dx, dy = {90: (across, -along), 180: (-along, -across), 270: (-across, along)}[rotate]
            page.insert_text((origin[0] + dx, origin[1] + dy), cell, fontsize=FONT, rotate=rotate)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def test_prose_and_lists_are_not_tables(doc: pymupdf.Document) -> None:
    page = doc.new_page()
    for i in range(4):
        text(page, 80, 100 + 14 * i, "•")
        text(page, 100, 100 + 14 * i, f"bullet point number {i} says something fairly long about it")
    text(page, 72, 200, "Just one line.")
    assert extract_pdf_tables(page, 1) == []


def rule(page: pymupdf.Page, y: float, x0: float, x1: float) -> None:
    page.draw_line((x0, y), (x1, y), width=0.5)


# a statistics-office table: title above a top rule, group headings over partial rules, header
# cells of two lines, a section label under the header rule, a rule under the last row
STAT_LEFT, STAT_RIGHTS = 72, (250, 320, 410, 480)


def stat_table(page: pymupdf.Page, top: float, *, rules: bool = True) -> float:
    """Draw the table; returns the y of its bottom rule."""
    text(page, 72, top, "Table 4.")
    text(page, 120, top, "Harvest and prices of orchard fruit, by orchard and season, over")
    text(page, 120, top + 12, "the years of the survey")  # the title's second line
    text(page, 250, top + 26, "[In tonnes]")
    y = top + 34
    if rules:
        rule(page, y, STAT_LEFT, 480)
    y += 14
    text(page, 238, y, "Harvest")  # over the two harvest columns
    text(page, 404, y, "Price")  # over the two price columns
    if rules:
        rule(page, y + 4, 200, 320)
        rule(page, y + 4, 360, 480)
    y += 16
    for right, word in zip(STAT_RIGHTS, ("Spring", "Autumn", "Per", "Per"), strict=True):
        text(page, 0, y, word, right=right)
    y += 12
    text(page, STAT_LEFT, y, "Orchard")
    for right, word in zip(STAT_RIGHTS, ("(tonnes)", "(tonnes)", "kilogram", "box"), strict=True):
        text(page, 0, y, word, right=right)
    if rules:
        rule(page, y + 5, STAT_LEFT, 480)
    y += 18
    text(page, STAT_LEFT, y, "Observed")
    for row in STAT_BODY:
        y += 14
        text(page, STAT_LEFT, y, row[0])
        for right, cell in zip(STAT_RIGHTS, row[1:], strict=True):
            text(page, 0, y, cell, right=right)
    if rules:
        rule(page, y + 5, STAT_LEFT, 480)
    return y + 5


STAT_BODY = [
    ["North Hill", "1,204", "1,310", "2.15", "24.50"],
    ["River Bend", "876", "902", "2.40", "26.10"],
    ["Old Mill", "2,031", "1,988", "1.95", "22.75"],
    ["Stone Gate", "455", "471", "2.60", "29.00"],
]
STAT_GRID = [
    ["Orchard", "Harvest", "", "Price", ""],
    ["", "Spring (tonnes)", "Autumn (tonnes)", "Per kilogram", "Per box"],
    ["Observed", "", "", "", ""],
    *STAT_BODY,
]


def test_header_rows_follow_the_ruling_lines(doc: pymupdf.Document) -> None:
    """The title above the top rule is not the table; the header's rows are where rules split
    it: a heading over a partial rule sits in the first column the rule covers, a header cell of
    two lines is one cell, "Orchard" (a cell running down the header) is in its start row, and
    the section label under the header rule stays a row of its own."""
    page = doc.new_page()
    stat_table(page, 80)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == STAT_GRID


def test_header_without_rules_keeps_its_lines(doc: pymupdf.Document) -> None:
    """Without rules nothing says where the header ends or how it is cut: its lines stay rows."""
    page = doc.new_page()
    stat_table(page, 80, rules=False)
    tables = extract_pdf_tables(page, 1)
    body = [r for t in tables for r in grid(t) if r and r[0] in {b[0] for b in STAT_BODY}]
    assert body == STAT_BODY


def test_lines_never_join_across_a_rule(doc: pymupdf.Document) -> None:
    """A short line under a rule (a lone label in lower case, which would otherwise continue the
    cell above it) starts a row of its own."""
    page = doc.new_page()
    rows = [["Fruit", "Weight", "Price"], ["Apples", "1,200", "3.50"], ["pears", "", ""], ["Dates", "7", "0.75"]]
    y = 100
    for i, row in enumerate(rows):
        text(page, 72, y, row[0])
        for j, cell in enumerate(row[1:], 1):
            if cell:
                text(page, 0, y, cell, right=222 + 90 * j)
        if i in (0, 1):
            rule(page, y + 4, 72, 402)
        y += 13
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


BANDED = [
    ["Part", "Qty", "Price"],
    ["Hex bolts, zinc plated Size M8, 40 mm", "120", "0.35"],
    ["Washers", "300", "0.05"],
    ["Wood screws Countersunk, 4 x 30", "80", "0.12"],
    ["Nails", "500", "0.01"],
    ["Tacks", "200", "0.02"],
]


def banded_table(page: pymupdf.Page) -> None:
    """Rows ruled apart (no rules between the columns), some of two lines."""
    bands = [
        [["Part", "Qty", "Price"]],
        [["Hex bolts, zinc plated", "120", "0.35"], ["Size M8, 40 mm", "", ""]],
        [["Washers", "300", "0.05"]],
        [["Wood screws", "80", "0.12"], ["Countersunk, 4 x 30", "", ""]],
        [["Nails", "500", "0.01"], ["Tacks", "200", "0.02"]],
    ]
    y = 100
    for band in bands:
        rule(page, y - 11, 72, 402)
        for line in band:
            text(page, 72, y, line[0])
            for j, cell in enumerate(line[1:], 1):
                if cell:
                    text(page, 0, y, cell, right=222 + 90 * j)
            y += 12
        y += 6
    rule(page, y - 11, 72, 402)


def test_rows_ruled_apart_hold_cells_of_several_lines(doc: pymupdf.Document) -> None:
    """Rules between the rows (none between the columns): the lines between two rules are one
    row, whatever letter the wrapped line starts with; two lines of figures are two records."""
    page = doc.new_page()
    banded_table(page)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == BANDED


def _scan(page: pymupdf.Page, clip: pymupdf.Rect) -> Any:
    from PIL import Image

    pix = page.get_pixmap(dpi=150, clip=clip)
    return Image.frombytes("RGB", (pix.width, pix.height), pix.samples)


def test_a_scans_ruling_lines_are_read_as_a_pdfs(doc: pymupdf.Document) -> None:
    """The same table scanned: its rules are ink, found in the image, and put in the OCR words'
    frame, so the lines between two rules are one row as in the PDF (without them, "Size M8, 40
    mm" and "Countersunk, 4 x 30" were rows of their own)."""
    from docextract.ocr import get_reader
    from docextract.tables import ruling_lines, scan_tables

    page = doc.new_page()
    banded_table(page)
    image = _scan(page, pymupdf.Rect(60, 70, 420, 230))
    read = get_reader().read(image)
    hs, vs = ruling_lines(image, read.to_upright)
    assert len(hs) == 6 and all(abs(x1 - x0 - 330 * 150 / 72) < 6 for _, x0, x1 in hs)
    [t] = scan_tables(read.words, 1, hs, vs)
    assert grid(t) == BANDED
    assert grid(tables_from_words(read.words, 1)[0]) != BANDED


def test_a_rule_drawn_grey_across_two_pixel_rows_is_found() -> None:
    """A rule a pixel thick that falls between two rows of the scan's pixels is drawn as two grey
    rows (153 of 255 where its page's text is black): lighter than the cut between ink and paper
    that the text sets, it was missed, and the last row of a ruled table went with it. Rules are
    ink halfway from that cut to white; a light shading is not."""
    from PIL import Image, ImageDraw, ImageFont

    from docextract.tables import ruling_lines

    img = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(img)
    face = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 15)
    for k in range(3):
        draw.text((40, 20 + 22 * k), "Utilities 8.9 10.6 Stable, Construction 84.5 69.8", fill=0, font=face)
    draw.rectangle((30, 100, 570, 100), fill=0)  # a black rule
    draw.rectangle((30, 160, 570, 161), fill=153)  # a grey one, two pixel rows
    draw.rectangle((30, 200, 570, 240), fill=235)  # a light band of shading
    hs, _ = ruling_lines(img.convert("RGB"))
    assert [round(y) for y, _, _ in hs] == [100, 161]


def test_a_rule_along_a_grey_header_is_found() -> None:
    """A table's frame drawn along a shaded header (grey 170, darker than halfway from the ink's
    cut to white) ran into the shading as one band too thick for a rule, and the lattice lost its
    top and the header row with it. A thin line darker than what is either side of it is a rule;
    the shading's own edges and a band of it are not."""
    from PIL import Image, ImageDraw, ImageFont

    from docextract.tables import ruling_lines

    img = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(img)
    face = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 15)
    for k in range(3):
        draw.text((40, 200 + 22 * k), "Utilities 8.9 10.6 Stable, Construction 84.5 69.8", fill=0, font=face)
    draw.rectangle((30, 60, 570, 90), fill=170)  # the header's shading
    draw.rectangle((30, 60, 570, 61), fill=0)  # the frame's top along it
    draw.rectangle((30, 90, 570, 91), fill=0)  # the rule under it
    draw.rectangle((30, 140, 570, 170), fill=170)  # a band of shading alone
    hs, _ = ruling_lines(img.convert("RGB"))
    assert [round(y) for y, _, _ in hs] == [61, 91]


def test_a_scanned_lattice_is_read_by_its_cells(doc: pymupdf.Document) -> None:
    """A table ruled on every side of every cell, scanned: its rules across and down make a
    lattice, read cell by cell as a PDF's is. Two sizes set far apart in one cell stay one cell
    ("M6 M8"); with the rules across alone they read as two columns."""
    from docextract.ocr import get_reader
    from docextract.tables import ruling_lines, scan_tables

    page = doc.new_page()
    ruled_table(page, 100, [["Part", "Sizes", "Price"], ["Bolts", "M6", "0.35"], ["Nuts", "M5", "0.10"], ["Screws", "M3", "0.12"]],
                widths=(90, 120, 60))
    for i, size in enumerate(["M8", "M6", "M4"]):
        text(page, 242, 133 + 19 * i, size)
    image = _scan(page, pymupdf.Rect(60, 80, 420, 240))
    read = get_reader().read(image)
    hs, vs = ruling_lines(image, read.to_upright)
    want = (["Part", "Sizes", "Price"], [["Bolts", "M6 M8", "0.35"], ["Nuts", "M5 M6", "0.10"], ["Screws", "M3 M4", "0.12"]])
    assert [(t.columns, t.rows) for t in scan_tables(read.words, 1, hs, vs)] == [want]
    [across] = scan_tables(read.words, 1, hs)
    assert len(across.columns) == 4


def test_a_scanned_page_read_as_a_table_uses_its_ruling_lines() -> None:
    """End to end, as a user runs it: ``extract(scan, "table")`` reads the scan's rules and
    gives the rows the PDF gives; the OCR job's Markdown tables use them too."""
    from docextract import extract
    from docextract.jobs import ocr_markdown
    from docextract.testing.documents import degrade, render_pdf

    doc = pymupdf.open()
    banded_table(doc.new_page())
    data = doc.tobytes()
    assert [t.rows for t in extract(data, "table").data.tables] == [BANDED[1:]]
    scan = degrade(render_pdf(data, dpi=150), blur=0.5, noise=4, seed=2)
    assert [t.rows for t in extract(scan, "table").data.tables] == [BANDED[1:]]
    assert "| Hex bolts, zinc plated Size M8, 40 mm | 120 | 0.35 |" in ocr_markdown(scan)


def test_ruling_lines_of_a_page_read_sideways_are_level_in_the_words_frame(doc: pymupdf.Document) -> None:
    """A page photographed a quarter turned: its rules run up the input image; in the frame of
    the OCR words (turned upright) they are level, between the lines they were drawn between."""
    from docextract.ocr import get_reader
    from docextract.tables import ruling_lines

    page = doc.new_page()
    banded_table(page)
    image = _scan(page, pymupdf.Rect(60, 70, 420, 230)).rotate(90, expand=True)
    read = get_reader().read(image)
    assert read.angle in (90, 270)
    hs, vs = ruling_lines(image, read.to_upright)
    assert len(hs) == 6
    tops = sorted(w.cy for w in read.words if w.text in ("Part", "Washers", "Nails"))
    between = [y for y, _, _ in hs]
    assert between[0] < tops[0] < between[1] < tops[1] < between[3] < tops[2] < between[5]


SPACED_GRID = [
    ["Part", "Maker", "Qty", "Price"],
    ["Imported", "", "", ""],
    ["Hex bolts, zinc plated Size M8, 40 mm", "Nordic Fasteners AB", "120", "0.35"],
    ["Washers", "Baltic Steel", "300", "0.05"],
    ["Wood screws Countersunk Brass", "Nordic Fasteners", "80", "0.12"],
    ["Nails", "Baltic Steel", "500", "0.01"],
]


def spaced_table(page: pymupdf.Page) -> None:
    """Rows set apart by more than a line's leading, wrapped cells at the leading, no rules."""
    lines = [  # (space above, cells)
        (0, ["Part", "Maker", "Qty", "Price"]),
        (20, ["Imported", "", "", ""]),
        (20, ["Hex bolts, zinc plated", "Nordic Fasteners", "120", "0.35"]),
        (11, ["Size M8, 40 mm", "AB", "", ""]),
        (20, ["Washers", "Baltic Steel", "300", "0.05"]),
        (20, ["Wood screws", "Nordic Fasteners", "80", "0.12"]),
        (11, ["Countersunk", "", "", ""]),
        (11, ["Brass", "", "", ""]),
        (20, ["Nails", "Baltic Steel", "500", "0.01"]),
    ]
    y = 100.0
    for space, cells in lines:
        y += space
        text(page, 72, y, cells[0])
        if cells[1]:
            text(page, 200, y, cells[1])
        for j, cell in enumerate(cells[2:]):
            if cell:
                text(page, 0, y, cell, right=360 + 70 * j)


def test_a_line_closer_than_the_rows_continues_the_cell_above(doc: pymupdf.Document) -> None:
    """A line at the leading holding only the continued cells belongs to the row above, whatever
    letter it starts with; a label at the rows' spacing ("Imported") stays a row of its own."""
    page = doc.new_page()
    spaced_table(page)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == SPACED_GRID


def test_scanned_wrapped_cells_by_the_row_pitch(doc: pymupdf.Document) -> None:
    """The same table rendered and read by the OCR: its boxes have other margins than a text
    layer's, the pitches tell the same."""
    from PIL import Image

    page = doc.new_page()
    spaced_table(page)
    pix = page.get_pixmap(dpi=150, clip=pymupdf.Rect(60, 80, 450, 300))
    image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    [t] = tables_from_words(_ocr_words(image), 1)
    assert grid(t) == SPACED_GRID


def test_a_wider_number_stays_in_its_column(doc: pymupdf.Document) -> None:
    """A total with more digits than the rest of its right-aligned column starts inside the gap
    before the column, closer to the label column, and sits tight against its neighbour."""
    page = doc.new_page()
    rows = [
        ["Region", "2019", "2020", "2021"],
        ["Northern uplands", "485,670", "503,528", "521,015"],
        ["Southern coast", "142,526", "153,203", "161,817"],
        ["All", "12,753,438", "12,799,250", "12,815,544"],
    ]
    y = 100
    for row in rows:
        text(page, 72, y, row[0])
        for j, cell in enumerate(row[1:]):
            text(page, 0, y, cell, right=225 + 56 * j)
        y += 13
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def centred(page: pymupdf.Page, x0: float, x1: float, y: float, s: str) -> None:
    text(page, (x0 + x1 - pymupdf.get_text_length(s, fontsize=FONT)) / 2, y, s)


def test_header_lines_set_on_the_bottom_line_join(doc: pymupdf.Document) -> None:
    """No rules: heading cells of two lines set on the bottom line (the stub heading and a
    one-line heading sit on the second line), centred over right-aligned figures; a group
    heading centred over two columns stays a row of its own, in its start column."""
    page = doc.new_page()
    cols = [(200, 270), (280, 350), (360, 430)]
    centred(page, 200, 350, 100, "Harvest")
    for (x0, x1), head in zip(cols, ["Spring", "Autumn", ""], strict=True):
        if head:
            centred(page, x0, x1, 114, head)
    text(page, 72, 126, "Orchard")
    for (x0, x1), head in zip(cols, ["(tonnes)", "(tonnes)", "Price"], strict=True):
        centred(page, x0, x1, 126, head)
    body = [
        ["North Hill", "1,204", "1,310", "2.15"],
        ["River Bend", "876", "902", "2.40"],
        ["Old Mill", "2,031", "1,988", "1.95"],
    ]
    for i, row in enumerate(body):
        text(page, 72, 146 + 14 * i, row[0])
        for (_, x1), cell in zip(cols, row[1:], strict=True):
            text(page, 0, 146 + 14 * i, cell, right=x1 - 10)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Orchard", "Harvest", "", ""], ["", "Spring (tonnes)", "Autumn (tonnes)", "Price"], *body]


def test_a_wrapped_label_whose_figures_come_on_its_last_line(doc: pymupdf.Document) -> None:
    """The label's first line, alone, reaches past the label column; its figures (one of them a
    statistical mark, ':') come with its second line; a '$' set apart in the column is the
    figure's."""
    page = doc.new_page()
    rows = [
        ["Region", "Farms", "Income"],
        ["North", "$ 1,204", "$ 310"],
        ["Coastal plains and the river valleys of the south", ":", "902"],
        ["Uplands", "2,031", "198"],
    ]
    y = 100
    text(page, 72, y, rows[0][0])
    text(page, 0, y, rows[0][1], right=260)
    text(page, 0, y, rows[0][2], right=330)
    y += 16
    text(page, 72, y, rows[1][0])
    for right, cell in ((260, "1,204"), (330, "310")):
        text(page, right - 45, y, "$")
        text(page, 0, y, cell, right=right)
    y += 16
    text(page, 72, y, "Coastal plains and the river valleys of")
    y += 12
    text(page, 78, y, "the south")
    text(page, 0, y, ":", right=260)
    text(page, 0, y, "902", right=330)
    y += 16
    text(page, 72, y, rows[3][0])
    text(page, 0, y, rows[3][1], right=260)
    text(page, 0, y, rows[3][2], right=330)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def test_a_ruled_row_holding_only_a_label_stays_a_row(doc: pymupdf.Document) -> None:
    page = doc.new_page()
    rows: list[list[str | list[str]]] = [
        ["Fruit", "Weight", "Price"],
        ["Imported", "", ""],
        *BODY[:2],
        ["Local", "", ""],
    ]
    rows.append(BODY[3])
    ruled_table(page, 100, rows)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


TEXT_ROWS = [
    ["Measure", "What it does", "Who"],
    ["Grants for small farms", "pays part of the cost of new sheds and fences on farms under ten hectares", "Ministry"],
    ["Training", "courses in the winter months for new farmers and their staff", "Regions"],
    ["Advice", "visits on request", "Chambers of agriculture"],
    ["Audit", "a yearly check of the accounts of every programme", ""],
]


def text_table(page: pymupdf.Page, rows: list[list[str]], *, rules: bool, header_bottom: bool = False) -> None:
    """Three columns of wrapped text (10 pt at 12 pt leading), rows 8 pt apart."""
    xs, widths = (72, 200, 430), (120, 220, 100)
    y = 100.0
    if rules:
        rule(page, y - 12, 72, 540)
    for r, row in enumerate(rows):
        wrapped = [_wrap_text(cell, w) for cell, w in zip(row, widths, strict=True)]
        n = max(len(c) for c in wrapped)
        for x, lines in zip(xs, wrapped, strict=True):
            shift = n - len(lines) if r == 0 and header_bottom else 0
            for i, line in enumerate(lines):
                text(page, x, y + 12 * (i + shift), line)
        y += 12 * n + 8
        if rules:
            rule(page, y - 16, 72, 540)


def _wrap_text(s: str, width: float) -> list[str]:
    lines: list[str] = []
    for word in s.split():
        if lines and pymupdf.get_text_length(f"{lines[-1]} {word}", fontsize=FONT) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def test_text_table_ruled_between_rows(doc: pymupdf.Document) -> None:
    """Long text in most columns is a table when rules cut it into rows; the last row's lone
    wrapped line and the row with an empty cell belong to it down to the closing rule."""
    page = doc.new_page()
    text_table(page, TEXT_ROWS, rules=True)
    text(page, 72, 300, "A paragraph of running text follows the table at some distance below it.")
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == TEXT_ROWS


def test_text_table_rows_apart_with_a_header_on_its_bottom_line(doc: pymupdf.Document) -> None:
    """No rules: rows stand apart by more than the leading; the header's cells are set on its
    bottom line, so its first line is not a full row yet."""
    page = doc.new_page()
    rows = [["Measure of support", "What it does", "Who"], *TEXT_ROWS[1:4]]
    text_table(page, rows, rules=False, header_bottom=True)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def _simple_table(page: pymupdf.Page, top: float, rows: list[list[str]], rules: bool) -> float:
    """Label and right-aligned figures a line, 13 pt apart; booktabs rules if ``rules``."""
    y, right = top, 222 + 90 * (len(rows[0]) - 1)
    if rules:
        rule(page, y - 11, 72, right)
    for i, row in enumerate(rows):
        text(page, 72, y, row[0])
        for j, cell in enumerate(row[1:], 1):
            text(page, 0, y, cell, right=222 + 90 * j)
        if rules and i == 0:
            rule(page, y + 4, 72, right)
        y += 13
    if rules:
        rule(page, y - 8, 72, right)
    return y


def test_two_tables_one_under_the_other(doc: pymupdf.Document) -> None:
    """Tables set closer than a blank line apart: parted by the rules that close the one and
    open the next, or (unruled) by the caption of the second."""
    first = [["Fruit", "Weight", "Price"], *BODY[:3]]
    second = [["Vegetable", "Weight", "Price"], ["Leeks", "4", "2.10"], ["Onions", "9", "0.40"]]
    page = doc.new_page()
    y = _simple_table(page, 100, first, rules=True)
    _simple_table(page, y + 12, second, rules=True)
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [first, second]
    page = doc.new_page()
    y = _simple_table(page, 100, first, rules=False)
    text(page, 72, y + 2, "Table 2. Vegetables sold in the same shops")
    _simple_table(page, y + 17, second, rules=False)
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [first, second]


def test_a_note_between_two_ruled_tables_of_different_widths(doc: pymupdf.Document) -> None:
    """A note under one table's closing rule and over the next one's opening rule, as close as
    rows: the rules' different widths part the tables (a section label between the rules of
    one table does not)."""
    first = [["Fruit", "Weight", "Price"], *BODY[:3]]
    second = [["Vegetable", "Weight", "Price", "Stock"], ["Leeks", "4", "2.10", "30"], ["Onions", "9", "0.40", "75"]]
    page = doc.new_page()
    y = _simple_table(page, 100, first, rules=True)
    text(page, 72, y + 2, "1 Prices per kilogram at the market")
    _simple_table(page, y + 19, second, rules=True)
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [first, second]
    page = doc.new_page()  # the same rules around a section label: one table
    y = _simple_table(page, 100, [*first, ["Dried fruit", "", ""]], rules=True)
    _simple_table(page, y + 6, second[1:], rules=True)
    [t] = extract_pdf_tables(page, 1)
    assert len(grid(t)) == 7


def test_headings_set_upright(doc: pymupdf.Document) -> None:
    """Column headings set upright (reading upwards) over their columns are the header row,
    each one cell, whatever its height."""
    page = doc.new_page()
    rows = [["Region", "Harvest 2019", "Harvest 2020"], ["North", "1,204", "1,310"], ["South", "876", "902"]]
    text(page, 72, 160, rows[0][0])
    for j, head in enumerate(rows[0][1:]):
        page.insert_text((250 + 70 * j, 160), head, fontsize=FONT, rotate=90)
    for i, row in enumerate(rows[1:]):
        text(page, 72, 178 + 14 * i, row[0])
        for j, cell in enumerate(row[1:]):
            text(page, 0, 178 + 14 * i, cell, right=262 + 70 * j)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def _clean(rows: list[list[str]]) -> list[list[str]]:
    rows = [r for r in rows if any(r)]
    keep = [j for j in range(len(rows[0])) if any(r[j] for r in rows)] if rows else []
    return [[r[j] for j in keep] for r in rows]


def test_random_statistical_tables_come_out_cell_for_cell() -> None:
    """Forty layouts drawn at random (docextract.testing.tables: rules or none, header tiers,
    wrapped and indented labels, text tables, row spacing): most come out exactly as labelled
    (35 of 40 when written; 20 before the mechanisms these tests name)."""
    from docextract.testing.tables import random_table_pdf

    exact = 0
    for seed in range(1000, 1040):
        data, want = random_table_pdf(seed)
        with pymupdf.open(stream=data, filetype="pdf") as d:
            got = [_clean(grid(t)) for t in extract_pdf_tables(d[0], 1)]
        exact += _clean(want) in got
    assert exact >= 33


# ---------------------------------------------------------------- words and scans


def test_tables_from_words_clusters_rows_and_columns() -> None:
    words = [
        Word("Name", 10, 10, 40, 20), Word("Qty", 120, 10, 140, 20),
        Word("Big", 10, 30, 28, 40), Word("box", 31, 30, 50, 40), Word("2", 133, 31, 140, 41),
        Word("Lid", 10, 50, 28, 60), Word("14", 127, 49, 140, 59),
    ]  # fmt: skip
    [t] = tables_from_words(words, 3)
    assert (t.page, t.columns, t.rows) == (3, ["Name", "Qty"], [["Big box", "2"], ["Lid", "14"]])


def _ocr_words(image: object) -> list[Word]:
    """OCR through docextract.ocr when it exists, else rapidocr directly (same Word boxes)."""
    try:
        from docextract.ocr import get_reader
    except ImportError:
        import numpy as np
        from rapidocr import RapidOCR

        out = RapidOCR()(np.asarray(image))
        words = []
        for box, txt, conf in zip(out.boxes, out.txts, out.scores, strict=False):
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            words.append(Word(txt, min(xs), min(ys), max(xs), max(ys), float(conf), "ocr"))
        return words
    return list(get_reader().read(image).words)


def test_scanned_table_via_ocr(doc: pymupdf.Document) -> None:
    from PIL import Image

    page = doc.new_page()
    rows = [
        ["Fruit", "Weight", "Price"],
        ["Apples", "1,200", "3.50"],
        ["Bananas", "85", "0.25"],
        ["Dates", "7", "0.75"],
    ]
    plain_table(page, 100, rows)
    pix = page.get_pixmap(dpi=150, clip=pymupdf.Rect(60, 80, 420, 170))
    image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    [t] = tables_from_words(_ocr_words(image), 1)
    assert grid(t) == rows


@pytest.mark.parametrize("skew", [-1.0, 0.7, 2.5])
def test_a_scanned_table_tilted_slightly_keeps_its_rows(skew: float) -> None:
    """A table of short words and figures scanned at a small tilt: no long line box shows the
    angle, the rows lining up do; each row's figures stay with its label (they fell into rows of
    their own before)."""
    from docextract import extract
    from docextract.testing.documents import degrade, render_pdf

    rows = [
        ["Region", "Q1", "Q2", "Q3", "Q4"],
        ["North", "1,200", "1,350", "1,410", "1,520"],
        ["South", "980", "1,020", "1,110", "1,090"],
        ["East", "1,530", "1,610", "1,700", "1,820"],
        ["West", "760", "820", "905", "990"],
    ]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            x = (60, 200, 300, 400, 500)[c] + (60 - pymupdf.get_text_length(text, fontsize=11) if c else 0)
            page.insert_text((x, 120 + 22 * r), text, fontsize=11)
    data = doc.tobytes()
    want = [t.rows for t in extract(data, "table").data.tables]
    assert want and want[0][0] == rows[1]
    scan = degrade(render_pdf(data, dpi=200), skew=skew, blur=0.7, noise=6, seed=3)
    assert [t.rows for t in extract(scan, "table").data.tables] == want


# ---------------------------------------------------------------- stitching


def test_merge_rows_drops_longest_overlap() -> None:
    a = [["1"], ["2"], ["3"], ["2"], ["3"]]
    assert merge_rows(a, [["2"], ["3"], ["4"]]) == a + [["4"]]
    assert merge_rows([["1"]], [["2"]]) == [["1"], ["2"]]
    assert merge_rows([["1"], ["2"]], [["1"], ["2"]]) == [["1"], ["2"]]


def test_stitch_keeps_unrelated_tables_apart() -> None:
    a = Table(columns=["a", "b"], rows=[["1", "2"]], page=1)
    b = Table(columns=["x", "y", "z"], rows=[["1", "2", "3"]], page=2)
    c = Table(columns=["a", "b"], rows=[["5", "6"]], page=4)  # not the next page
    assert len(stitch_tables([a, b, c])) == 3


def test_stitch_headerless_continuation_and_tile_overlap() -> None:
    a = Table(columns=["a", "b"], rows=[["1", "2"], ["3", "4"]], page=1)
    b = Table(rows=[["3", "4"], ["5", "6"]], page=2)
    [t] = stitch_tables([a, b])
    assert t.rows == [["1", "2"], ["3", "4"], ["5", "6"]]
    assert a.rows == [["1", "2"], ["3", "4"]]  # inputs untouched


# ---------------------------------------------------------------- exports


TABLES = [
    Table(columns=["Fruit", "Weight", "Price"], rows=BODY, page=1),
    Table(columns=["k", "v"], rows=[["x", "1"], ["y", "2"]], page=2),
]


@pytest.mark.parametrize(
    ("cell", "value"),
    [("1,234.5", 1234.5), ("(12)", -12.0), ("12%", 12.0), ("-3", -3.0), ("€ 4", 4.0), ("abc", None), ("1.2.3", None)],
)
def test_parse_number(cell: str, value: float | None) -> None:
    assert parse_number(cell) == value


def test_dataframes_type_numeric_columns() -> None:
    import pandas as pd

    df, small = to_dataframes(TABLES)
    assert list(df.columns) == ["Fruit", "Weight", "Price"]
    assert not pd.api.types.is_numeric_dtype(df["Fruit"])
    assert str(df["Weight"].dtype) == "float64"  # "-" is missing, so float with NaN
    assert df["Weight"].tolist()[:3] == [1200.0, 85.0, 7.0] and df["Weight"].isna().tolist()[3]
    assert df["Price"].tolist() == [3.5, -12.0, 12.0, 0.75]
    assert str(small["v"].dtype) == "int64"


def test_dataframe_folds_multi_row_header() -> None:
    t = Table(
        rows=[["", "Revenue", ""], ["Region", "2023", "2024"], ["North", "1,000", "1,200"], ["South", "(5)", "-"]]
    )
    [df] = to_dataframes([t])
    assert list(df.columns) == ["Region", "Revenue 2023", "Revenue 2024"]
    assert df["Revenue 2023"].tolist() == [1000, -5]
    assert df["Region"].tolist() == ["North", "South"]


def test_write_csv_numbers_files(tmp_path: Path) -> None:
    paths = write_csv(TABLES, tmp_path / "tables.csv")
    assert paths == [tmp_path / "tables-1.csv", tmp_path / "tables-2.csv"]
    with paths[1].open(newline="") as f:
        assert list(csv.reader(f)) == [["k", "v"], ["x", "1"], ["y", "2"]]
    assert write_csv(TABLES[:1], tmp_path / "one.csv") == [tmp_path / "one.csv"]
    assert (tmp_path / "one.csv").read_text().splitlines()[0] == "Fruit,Weight,Price"


def test_write_xlsx_one_sheet_per_table(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(TABLES, tmp_path / "tables.xlsx")
    wb = load_workbook(path)
    assert len(wb.sheetnames) == 2
    rows = list(wb[wb.sheetnames[0]].iter_rows(values_only=True))
    assert rows[0] == ("Fruit", "Weight", "Price")
    assert rows[1] == ("Apples", 1200, 3.5)
    assert rows[4] == ("Dates", None, 0.75)
    assert list(wb[wb.sheetnames[1]].iter_rows(values_only=True)) == [("k", "v"), ("x", 1), ("y", 2)]


def test_a_group_heading_set_apart_over_stacked_headings(doc: pymupdf.Document) -> None:
    """No rules: a group heading stands further above the column headings than their lines
    stand from each other, so it is a header row of its own, also over a heading of its column;
    the headings' lines join (set on the bottom line)."""
    page = doc.new_page()
    text(page, 0, 102, "Sold", right=402)  # over the three columns, as far right as the middle one
    heads = [["", "Price", ""], ["Weight", "per unit", "Stock"], ["(kg)", "(EUR)", "(units)"]]
    for k, cells in enumerate(heads):
        for j, cell in enumerate(cells, 1):
            if cell:
                text(page, 0, 118 + 11 * k, cell, right=222 + 90 * j)
    text(page, 72, 140, "Fruit")
    y = 156
    for row in BODY:  # rows as close as the headings' lines (no spacing tells them apart)
        text(page, 72, y, row[0])
        for j, cell in enumerate([row[1], row[2].strip("()%"), "12"], 1):
            text(page, 0, y, cell, right=222 + 90 * j)
        y += 12
    text(page, 72, y + 30, "A paragraph of running text follows the table at some distance below it.")
    [t] = extract_pdf_tables(page, 1)
    g = grid(t)
    assert [c for c in g[0] if c] == ["Fruit", "Sold"]
    assert g[1] == ["", "Weight (kg)", "Price per unit (EUR)", "Stock (units)"]
    assert len(g) == 2 + len(BODY)


def test_a_caption_numbered_after_a_colon_is_not_a_row(doc: pymupdf.Document) -> None:
    """A caption line "Table: 3" whose title is set apart in columns is still the caption."""
    page = doc.new_page()
    text(page, 72, 100, "Table: 3")
    text(page, 160, 100, "Fruit sold")
    text(page, 0, 100, "(in 000)", right=402)
    rows = [["Fruit", "Weight", "Price"], *BODY]
    plain_table(page, 118, rows)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def _airy_table(page: pymupdf.Page, rows: list[list[str]], pitch: float = 22) -> float:
    """Label and right-aligned figures, rows set well apart (further than a cell's leading)."""
    y = 100.0
    for row in rows:
        for j, cell in enumerate(row):
            if cell and j == 0:
                text(page, 72, y, cell)
            elif cell:
                text(page, 0, y, cell, right=222 + 90 * j)
        y += pitch
    return y


def test_a_last_row_holding_only_a_label(doc: pymupdf.Document) -> None:
    """No rules: the last row holds only its label, as far below the row above as rows are
    apart; the paragraph after the table stands further off and is not a row."""
    page = doc.new_page()
    rows = [["Fruit", "Weight", "Price"], *BODY, ["Elderberries", "", ""]]
    y = _airy_table(page, rows)
    text(page, 72, y + 14, "A paragraph of running text follows the table a blank line below it.")
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows
    page = doc.new_page()  # a line of prose at the rows' spacing runs past the first column
    y = _airy_table(page, rows[:-1])
    text(page, 72, y, "A paragraph of running text follows the table right under it.")
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows[:-1]


def test_records_set_apart_under_one_rule(doc: pymupdf.Document) -> None:
    """Rules between columns and under the header only: the records stacked in the body's
    ruled row are rows of their own where their lines stand further apart than the lines of a
    cell (the cells of several lines join)."""
    head = ["Crop", "Where grown", "How sold"]
    records = [
        [["Leeks"], ["Northern valleys", "and the coast"], ["Fresh"]],
        [["Onions and", "shallots"], ["Everywhere"], ["Dried or", "fresh"]],
        [["Kale"], ["Hill farms"], ["Fresh"]],
    ]
    xs = [72, 200, 330, 440]
    page = doc.new_page()
    for x, cell in zip(xs, head, strict=False):
        text(page, x + 4, 114, cell)
    y = 136.0
    for record in records:
        for x, cell in zip(xs, record, strict=False):
            for k, line in enumerate(cell):
                text(page, x + 4, y + 11 * k, line)
        y += 11 * max(len(c) for c in record) + 7
    for yy in (100, 120, y):
        page.draw_line((xs[0], yy), (xs[-1], yy), width=0.6)
    for x in xs:
        page.draw_line((x, 100), (x, y), width=0.6)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [head] + [[" ".join(c) for c in r] for r in records]


def test_a_heading_wrapped_above_the_header_line_of_a_text_table(doc: pymupdf.Document) -> None:
    """No numbers, no rules: the headings stand on one line but the last one, whose first line
    stands alone above it; the lower-case line under it goes on with it, so the two are one row."""
    page = doc.new_page()
    xs = [72, 170, 280, 390]
    text(page, xs[3], 100, "Main buyers and")
    rows = [
        ["Crop", "Where grown", "How sold", "their region"],
        ["Leeks", "Northern valleys", "Fresh", "Shops in town"],
        ["Onions", "Everywhere", "Dried", "Markets abroad"],
        ["Kale", "Hill farms", "Fresh", "Restaurants"],
    ]
    for i, row in enumerate(rows):
        for x, cell in zip(xs, row, strict=True):
            text(page, x, 111 + 14 * i, cell)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Crop", "Where grown", "How sold", "Main buyers and their region"], *rows[1:]]


SIDE_LEFT = [["Region", "2010", "2011"], ["North", "1,204", "1,310"], ["South", "876", "902"],
             ["East", "2,031", "1,988"], ["West", "455", "471"], ["Central", "97", "101"]]
SIDE_RIGHT = [["State", "Weights", "Change"], ["Ohio", "723", "1.8"], ["Iowa", "427", "(5.3)"], ["Utah", "34", "(1.5)"]]


def figures_table(page: pymupdf.Page, x: float, top: float, pitch: float, rows: list[list[str]], rights: tuple[float, ...]) -> None:
    """A label column at ``x`` and right-aligned figure columns ending at ``rights``, a row per ``pitch``."""
    for i, row in enumerate(rows):
        text(page, x, top + pitch * i, row[0])
        for right_edge, cell in zip(rights, row[1:], strict=True):
            text(page, 0, top + pitch * i, cell, right=right_edge)


def test_group_headings_centred_over_their_columns_span_them(doc: pymupdf.Document) -> None:
    """Booktabs rules, no rule under the group headings: a heading centred over two columns
    spans them, though a space between its words falls in the gap between them ("Share of" |
    "GDP (%)"); a heading wrapped over two lines of its own closes the gap between its columns
    in the header only, and the figures below stay in two columns."""
    page = doc.new_page()
    cols = [(200, 262), (272, 334), (350, 412), (422, 484)]
    rule(page, 88, 72, 484)
    centred(page, 200, 334, 100, "Share of GDP (%)")
    centred(page, 350, 484, 100, "Gross domestic")
    centred(page, 350, 484, 112, "product")
    text(page, 72, 126, "Sector")
    for (x0, x1), head in zip(cols, ["EU-27", "Euro area", "EU-27", "Euro area"], strict=True):
        centred(page, x0, x1, 126, head)
    rule(page, 131, 72, 484)
    body = [
        ["Mining and quarrying", "6,0", "6,4", "3 409", "2 950"],
        ["Manufacturing", "45,2", "46,4", "3 827", "3 608"],
        ["Construction", "10,9", "9,9", "16 881", "19 225"],
    ]
    figures_table(page, 72, 145, 14, body, tuple(x1 - 6 for _, x1 in cols))
    rule(page, 190, 72, 484)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[0][:3] == ["Sector", "Share of GDP (%)", ""]
    assert grid(t)[-3:] == body


def test_figures_set_closer_than_a_column_gap_are_cells_of_their_own(doc: pymupdf.Document) -> None:
    """Columns of figures only a few points apart: each figure is a cell, the years heading them
    too; a number grouped by spaces ("12 345") stays one."""
    page = doc.new_page()
    rights = (236, 262, 288, 330)
    text(page, 72, 100, "Sex and age")
    for right, year in zip(rights, ("2008", "2009", "2010", "2011"), strict=True):
        text(page, 0, 100, year, right=right)
    body = [
        ["16 to 19 years", "21.0", "20.8", "19.2", "12 345"],
        ["20 to 24 years", "10.5", "11.0", "9.8", "10 700"],
        ["25 to 29 years", "8.1", ":", "7.7", "9 050"],
    ]
    figures_table(page, 72, 116, 14, body, rights)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Sex and age", "2008", "2009", "2010", "2011"], *body]


def test_two_tables_side_by_side(doc: pymupdf.Document) -> None:
    """Two tables set side by side with their own captions and rows are two tables; a text
    column after the figures of one table is still that table's column."""
    page = doc.new_page()
    text(page, 72, 90, "Table 1. Harvest by region")
    text(page, 330, 90, "Table 2. Weights by state")
    figures_table(page, 72, 110, 14, SIDE_LEFT, (210, 260))
    figures_table(page, 330, 112, 16, SIDE_RIGHT, (440, 500))
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [SIDE_LEFT, SIDE_RIGHT]
    # one table whose figures are followed by a column of words stays one table
    page = doc.new_page()
    rows = [["Region", "2010", "Source", "Rank"], ["North", "1,204", "Survey", "1"], ["South", "876", "Census", "2"],
            ["East", "2,031", "Survey", "3"], ["West", "455", "Register", "4"]]
    for i, row in enumerate(rows):
        text(page, 72, 110 + 14 * i, row[0])
        text(page, 0, 110 + 14 * i, row[1], right=210)
        text(page, 300, 110 + 14 * i, row[2])
        text(page, 0, 110 + 14 * i, row[3], right=420)
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [rows]


def test_a_caption_over_two_lines_and_notes_after_the_source_are_no_rows(doc: pymupdf.Document) -> None:
    """Side by side, the lines beside a table belong to the region of both: the second line of a
    caption above one and the footnotes after the source line under the other are no rows."""
    page = doc.new_page()
    text(page, 72, 96, "Table 1. Harvest by region")
    text(page, 330, 84, "Table 2. Weights and change by")
    text(page, 330, 96, "state, 2011")
    figures_table(page, 72, 112, 14, SIDE_LEFT, (210, 260))
    figures_table(page, 330, 112, 14, SIDE_RIGHT, (440, 500))
    text(page, 330, 112 + 14 * 4, "Source: state survey.")
    text(page, 330, 112 + 14 * 5, "(1) Provisional.")
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [SIDE_LEFT, SIDE_RIGHT]


def test_a_table_beside_a_column_of_running_text(doc: pymupdf.Document) -> None:
    """A two-column report page: the paragraph's lines beside the table are no column of it."""
    page = doc.new_page()
    rows = [["Region", "2010", "2011"], ["North", "1,204", "1,310"], ["South", "876", "902"], ["East", "2,031", "1,988"],
            ["West", "455", "471"], ["Central", "97", "101"]]
    text(page, 72, 96, "Table 1. Harvest by region")
    for i, row in enumerate(rows):
        text(page, 72, 112 + 14 * i, row[0])
        for right_edge, cell in zip((200, 250), row[1:], strict=True):
            text(page, 0, 112 + 14 * i, cell, right=right_edge)
    paragraph = [
        "The harvest rose in most regions in 2011, led by",
        "the East, where new orchards came into bearing. In",
        "the South the spring frost cut the yield by a fifth,",
        "and prices rose as a result. Exports held up well",
        "despite the strong currency, and the share of",
        "organic fruit grew again for the fourth year.",
    ]
    for i, line in enumerate(paragraph):
        text(page, 300, 92 + 13 * i, line)
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [rows]


def test_a_framed_table_beside_another_is_a_table_of_its_own(doc: pymupdf.Document) -> None:
    """A table drawn in a box of its own, set close beside another: the box's edge bounds it,
    though the gap between the two is narrower than a table's column gap may be."""
    page = doc.new_page()
    figures_table(page, 72, 110, 14, SIDE_LEFT, (210, 260))
    figures_table(page, 282, 112, 16, SIDE_RIGHT, (390, 440))
    page.draw_rect(pymupdf.Rect(276, 98, 448, 112 + 16 * 3 + 6), width=0.6)
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [SIDE_LEFT, SIDE_RIGHT]
    # a box around one row (a highlighted total) bounds nothing
    page = doc.new_page()
    figures_table(page, 72, 110, 14, SIDE_LEFT, (210, 260))
    page.draw_rect(pymupdf.Rect(68, 110 + 14 * 4 - 10, 264, 110 + 14 * 4 + 4), width=0.6)
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [SIDE_LEFT]


def test_wrapped_labels_a_little_closer_than_the_rows(doc: pymupdf.Document) -> None:
    """Rows set only a little further apart than the text's leading: a label's wrapped line at the
    leading goes on in its cell, a label alone at the rows' spacing is a row of its own."""
    page = doc.new_page()
    lines = [  # (space above, cells)
        (0, ["Region", "2009", "2010"]),
        (14.5, ["Northeast", "39,132", "41,959"]),
        (14.5, ["New England", "1,250", "1,512"]),
        (14.5, ["Middle", "89", "86"]),
        (12.5, ["Atlantic", "", ""]),
        (14.5, ["Midwest", "5,948", "5,409"]),
        (14.5, ["East North", "1,895", "1,946"]),
        (12.5, ["Central", "", ""]),
        (14.5, ["Territories", "", ""]),
        (14.5, ["Guam", "42", "40"]),
        (14.5, ["Palau", "598", "713"]),
    ]
    y = 100.0
    for space, cells in lines:
        y += space
        figures_table(page, 72, y, 0, [cells], (240, 300))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [
        ["Region", "2009", "2010"], ["Northeast", "39,132", "41,959"], ["New England", "1,250", "1,512"],
        ["Middle Atlantic", "89", "86"], ["Midwest", "5,948", "5,409"], ["East North Central", "1,895", "1,946"],
        ["Territories", "", ""], ["Guam", "42", "40"], ["Palau", "598", "713"],
    ]


GROUPED_BODY = [
    ["Total, 16 years and over", "52.8", "0.5", "27,634", "(5.5)"],
    ["55 to 64 years", "24.3", "0.9", "15,003", "(0.8)"],
    ["65 years and over", "90.0", "2.2", "610", "(0.2)"],
]
GROUPED_COLS = [(200, 250), (258, 308), (330, 380), (388, 438)]


def grouped_table(page: pymupdf.Page, heading_lines: list[tuple[float, list[tuple[int, str]]]], leaf_y: float, leaves: list[str]) -> None:
    """Booktabs rules; group headings ``(y, [(first column, text), ...])`` centred over two
    columns each, leaf headings at ``leaf_y``, the body under the header rule."""
    rule(page, 80, 72, 440)
    for y, headings in heading_lines:
        for first, s in headings:
            centred(page, GROUPED_COLS[first][0], GROUPED_COLS[first + 1][1], y, s)
    for (_, x1), s in zip(GROUPED_COLS, leaves, strict=True):
        text(page, 0, leaf_y, s, right=x1)
    rule(page, leaf_y + 5, 72, 440)
    figures_table(page, 72, leaf_y + 20, 14, GROUPED_BODY, tuple(x1 for _, x1 in GROUPED_COLS))
    rule(page, leaf_y + 20 + 14 * 3, 72, 440)


def test_group_headings_wrapped_over_lines_of_their_own(doc: pymupdf.Document) -> None:
    """Group headings set over two lines, at the leading, closer than the header's tiers: one
    heading each, over a rule of its own, whether the lines are top or bottom aligned."""
    leaves = ["Level", "Change", "Level", "Change"]
    page = doc.new_page()
    grouped_table(page, [(94, [(0, "Share of population"), (2, "Population on")]), (104, [(0, "aged 65 and over"), (2, "1 January")])], 122, leaves)
    for first in (0, 2):
        rule(page, 108, GROUPED_COLS[first][0], GROUPED_COLS[first + 1][1])
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:2] == [["", "Share of population aged 65 and over", "", "Population on 1 January", ""], ["", *leaves]]
    assert grid(t)[2:] == GROUPED_BODY
    page = doc.new_page()  # bottom aligned, no rules under the groups
    grouped_table(page, [(94, [(2, "Population on the")]), (104, [(0, "Deaths registered"), (2, "first of January")])], 122, leaves)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:2] == [["", "Deaths registered", "", "Population on the first of January", ""], ["", *leaves]]


def test_header_tiers_set_at_one_spacing_stay_tiers(doc: pymupdf.Document) -> None:
    """A heading over a year heading, the lines as far apart as the header's other lines, is a
    tier of its own (a heading over all the years set short, centred over one of them)."""
    page = doc.new_page()
    grouped_table(page, [(94, [(2, "Deaths registered")]), (108, [(0, "Year 2010 census"), (2, "Year 2011 census")])], 122,
                  ["Level", "Change", "Level", "Change"])
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:3] == [["", "", "", "Deaths registered", ""], ["", "Year 2010 census", "", "Year 2011 census", ""],
                           ["", "Level", "Change", "Level", "Change"]]


def test_a_units_row_is_a_header_row_of_its_own(doc: pymupdf.Document) -> None:
    """A row of units under the headings ("Unit | number | % | EUR m | %") stays a row, its
    "Unit" in its place; a unit in brackets ends the heading above it ("Area" / "(ha)")."""
    page = doc.new_page()
    grouped_table(page, [(94, [(0, "Agricultural holdings"), (2, "Utilised farm area")])], 108, ["2010", "2011", "2010", "2011"])
    text(page, 72, 108, "Region")
    units = ["number", "%", "EUR m", "%"]
    text(page, 72, 116, "Unit")
    for (_, x1), s in zip(GROUPED_COLS, units, strict=True):
        text(page, 0, 116, s, right=x1)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:3] == [["Region", "Agricultural holdings", "", "Utilised farm area", ""], ["", "2010", "2011", "2010", "2011"],
                           ["Unit", *units]]
    page = doc.new_page()
    grouped_table(page, [(94, [(0, "Agricultural holdings"), (2, "Utilised farm area")])], 108, ["Area", "Arable", "Area", "Number"])
    for first in (0, 1, 2):
        text(page, 0, 116, "(ha)", right=GROUPED_COLS[first][1])
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:2] == [["", "Agricultural holdings", "", "Utilised farm area", ""], ["", "Area (ha)", "Arable (ha)", "Area (ha)", "Number"]]


def test_a_note_mark_after_a_year_heading_is_no_figure(doc: pymupdf.Document) -> None:
    """"2007 (1)": the note mark goes with its year, no figure, and the lines above the rule under
    the header are still read as its header (a group heading over two lines one heading)."""
    page = doc.new_page()
    leaves = ["Level", "Change", "Level", "Change"]
    grouped_table(page, [(94, [(0, "Unemployment rate"), (2, "Long-term rate")]), (104, [(0, "2007 (1)"), (2, "2008 (2)")])], 122, leaves)
    for first in (0, 2):
        rule(page, 108, GROUPED_COLS[first][0], GROUPED_COLS[first + 1][1])
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["", "Unemployment rate 2007 (1)", "", "Long-term rate 2008 (2)", ""], ["", *leaves], *GROUPED_BODY]


def test_a_stub_heading_beside_the_leaf_headings_heads_the_header(doc: pymupdf.Document) -> None:
    """No rules: the stub column's heading set on the header's last line, beside the leaf
    headings under the years, spans the header's rows; its text goes in the first."""
    page = doc.new_page()
    rights = (200, 260, 330, 390)
    centred(page, 150, 260, 96, "2005")
    centred(page, 280, 390, 96, "2006")
    figures_table(page, 72, 110, 14, [["State", "Level", "Change", "Level", "Change"]], rights)
    body = [["Alabama", "39.6", "-2.2", "39.7", "-2.1"], ["Alaska", "n.a.", "-5.2", "1067.7", "n.a."], ["Arizona", "4.1", "0.8", "3.6", "-0.2"]]
    figures_table(page, 72, 126, 14, body, rights)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["State", "2005", "", "2006", ""], ["", "Level", "Change", "Level", "Change"], *body]


def test_a_label_wrapped_inside_brackets_goes_on(doc: pymupdf.Document) -> None:
    """"Primary education (ISCED" / "1)": a line closing the bracket the label above left open
    goes on in its cell, though it reads like a number; rows at the text's leading, no rules."""
    page = doc.new_page()
    rows = [["Level of education", "Q1", "Q2"], ["Pre-primary education", "72.4", "81.7"],
            ["Primary education (ISCED", "24.7", "27.0"], ["1)", "", ""], ["Lower secondary", "80.9", "72.6"]]
    for i, row in enumerate(rows):
        figures_table(page, 72, 110 + 13 * i, 0, [row], (280, 330))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [rows[0], rows[1], ["Primary education (ISCED 1)", "24.7", "27.0"], rows[4]]


def two_columns_of_text(page: pymupdf.Page, left: list[str], right: list[str]) -> None:
    """Two columns of running text from the top of a report page, a line a leading apart."""
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        text(page, 40, 90 + 13 * i, a)
        text(page, 310, 90 + 13 * i, b)


def test_two_columns_of_running_text_above_a_table_are_no_rows(doc: pymupdf.Document) -> None:
    """A two-column report page: a line across both columns of text is two long runs of words,
    no row of the table set under the left column."""
    page = doc.new_page()
    two_columns_of_text(
        page,
        ["Annual averages are calculated as the mean of the four", "quarterly estimates, and the table below shows the",
         "corresponding changes over the years by industry."],
        ["Detailed definitions of the concepts used are given in", "the methodological notes at the end of this issue;",
         "seasonally adjusted data are shown unless stated."],
    )
    rows = [["Industry", "2007", "2008"], ["Total nonfarm", "41.3", "40.6"], ["Total private", "48.3", "45.8"],
            ["Government", "17.3", "14.0"], ["Federal", "75.8", "83.7"]]
    figures_table(page, 40, 140, 13, rows, (200, 260))
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [rows]


def test_two_captions_side_by_side_wrapped_onto_a_second_line(doc: pymupdf.Document) -> None:
    """Two captions side by side, each wrapped: their second lines make a line of two cells, no
    row of either table."""
    page = doc.new_page()
    text(page, 72, 84, "Table 1. Harvest by region and")
    text(page, 330, 84, "Table 2. Weights and change by")
    text(page, 72, 96, "year, 2010-2011")
    text(page, 330, 96, "state, 2011 (2005 = 100)")
    figures_table(page, 72, 112, 14, SIDE_LEFT, (210, 260))
    figures_table(page, 330, 112, 14, SIDE_RIGHT, (440, 500))
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [SIDE_LEFT, SIDE_RIGHT]


def test_a_table_beside_a_shorter_one_goes_on_beside_its_notes(doc: pymupdf.Document) -> None:
    """Side by side: the longer table's last rows stand beside the shorter one's source and
    notes, which end only their own table."""
    page = doc.new_page()
    long_rows = [["Level", "2012", "2013"], ["Primary", "406", "394"], ["Lower secondary", "212", "230"],
                 ["Upper secondary", "118", "125"], ["Tertiary", "87", "91"], ["Doctoral", "12", "14"],
                 ["Total", "835", "854"]]
    figures_table(page, 72, 110, 24, long_rows, (220, 270))
    figures_table(page, 330, 110, 16, SIDE_RIGHT, (440, 500))
    text(page, 330, 110 + 16 * 4, "Source: state survey, 2011 edition.")
    text(page, 330, 110 + 16 * 5 + 6, "Note: data for Utah refer to 2010.")
    tables = [grid(t) for t in extract_pdf_tables(page, 1)]
    assert tables == [long_rows, SIDE_RIGHT]


def test_footnotes_and_a_caption_under_a_table_are_no_rows(doc: pymupdf.Document) -> None:
    """Under the last row: a footnote ("(1) Provisional.") and the table's caption set below it."""
    page = doc.new_page()
    figures_table(page, 72, 110, 14, SIDE_LEFT, (210, 260))
    text(page, 72, 110 + 14 * 6, "(1) Provisional.")
    text(page, 72, 110 + 14 * 7, "Table 4. Harvest by region, 2010-2011")
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [SIDE_LEFT]


def test_the_short_last_lines_of_two_paragraphs_are_no_table_line(doc: pymupdf.Document) -> None:
    """Two columns of text whose paragraphs end in short lines, side by side, a table under one
    column: the two last lines are no row of it."""
    page = doc.new_page()
    two_columns_of_text(
        page,
        ["Decreases were registered in water supply and in", "petroleum products, mainly reflecting lower output",
         "in the second half of the year for both."],
        ["More information on the data sources and on the", "quality of the estimates is available on the site.",
         "Data are shown as stated."],
    )
    rows = [["Region", "Index", "Rate"], ["Northeast", "95.6", "1.1"], ["New England", "117.1", "-0.2"],
            ["Midwest", "102.4", "0.7"], ["South", "100.3", "3.7"]]
    figures_table(page, 310, 140, 13, rows, (450, 510))
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [rows]


def test_a_header_line_of_one_cell_under_the_top_rule_stays(doc: pymupdf.Document) -> None:
    """Booktabs, the region starting under its top rule: a header line read as one cell (its
    headings set close) is the table's heading row, no title to drop."""
    page = doc.new_page()
    rule(page, 86, 72, 330)
    text(page, 0, 98, "Current prices Annual rate", right=326)
    rule(page, 103, 72, 330)
    body = [["Total economy", "185 601", "-2,0"], ["Mining", "13 461", "+2,9"], ["Manufacturing", "2 103", "+2,3"]]
    closed_rows(page, 72, 118, 14, body, (250, 326), (72, 330))
    [t] = extract_pdf_tables(page, 1)
    assert len(grid(t)) == 1 + len(body) and grid(t)[1:] == body


def test_a_table_goes_on_beside_the_caption_and_notes_of_a_shorter_one(doc: pymupdf.Document) -> None:
    """Side by side: the shorter table, in a box, has its caption under it on a line of its own
    and its notes, beside the longer table's rows; they end only their own table."""
    page = doc.new_page()
    short = [["Crop", "2006", "2007"], ["Rice", "-0.3", "-0.5"], ["Beans", "+0.8", "-2.6"], ["Nuts", "+3.0", "-1.6"]]
    figures_table(page, 72, 110, 14, short, (200, 250))
    page.draw_rect(pymupdf.Rect(66, 98, 256, 110 + 14 * 3 + 6), width=0.6)  # boxed: a group of its own
    text(page, 72, 110 + 14 * 4 + 4, "Table 1.1 - Change by crop (%)")
    text(page, 72, 110 + 14 * 5 + 10, "Source: farm survey, 2008.")
    text(page, 72, 110 + 14 * 6 + 10, "Note: data for one state refer to 2006.")
    long_rows = [["State", "Level", "Change"], ["Arizona", "4,350", "-2.3"], ["Arkansas", "7,829", "2.8"],
                 ["California", "n.a.", "-0.8"], ["Hawaii", "76", "-0.1"], ["Nebraska", "1,758", "2.7"],
                 ["New Mexico", "8,364", "0.0"], ["Ohio", "328", "-4.4"]]
    figures_table(page, 330, 110, 17, long_rows, (440, 500))
    tables = [grid(t) for t in extract_pdf_tables(page, 1)]
    assert short in tables and long_rows in tables and len(tables) == 2


def closed_rows(page: pymupdf.Page, x: float, top: float, pitch: float, rows: list[list[str]],
                rights: tuple[float, ...], rule_span: tuple[float, float]) -> None:
    """:func:`figures_table` with the rule that closes it under its last row."""
    figures_table(page, x, top, pitch, rows, rights)
    rule(page, top + pitch * (len(rows) - 1) + 5, *rule_span)


def test_a_centred_caption_wrapped_onto_a_second_line_is_no_row(doc: pymupdf.Document) -> None:
    """A caption centred over a table, its second line centred under the first: no header row."""
    page = doc.new_page()
    centred(page, 60, 300, 84, "Table 2. Average household size by country,")
    centred(page, 60, 300, 96, "2011-2012 (persons)")
    rows = [["Member State", "2011", "2012"], ["Belgium", "6.14", "6.77"], ["Bulgaria", "0.82", "0.89"],
            ["Denmark", "x", "3.37"], ["Germany", "4.64", "4.49"]]
    figures_table(page, 90, 116, 14, rows, (230, 270))
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [rows]


def test_a_unit_line_above_the_top_rule_of_one_side_is_no_row(doc: pymupdf.Document) -> None:
    """Two tables side by side under captions side by side: the unit line above the right one's
    top rule, which spans that side only, is no header row."""
    page = doc.new_page()
    text(page, 72, 84, "Table 1. Harvest by region")
    text(page, 330, 84, "Table 2. Weights by state")
    figures_table(page, 72, 116, 14, SIDE_LEFT, (210, 260))
    text(page, 0, 100, "(per 1 000 inhabitants)", right=500)
    rule(page, 104, 330, 504)
    figures_table(page, 330, 116, 14, SIDE_RIGHT, (440, 500))
    rule(page, 120, 330, 504)
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [SIDE_LEFT, SIDE_RIGHT]


def test_a_caption_wrapped_beside_the_other_tables_header_is_no_row(doc: pymupdf.Document) -> None:
    """Captions side by side, the left one wrapped onto the line where the right table's header
    stands: once the sides are cut apart, that line's left half is the caption's."""
    page = doc.new_page()
    text(page, 72, 84, "Table 1. Harvest by region and")
    text(page, 72, 96, "year, 2010-2011")
    text(page, 330, 84, "Table 2. Weights by state")
    figures_table(page, 72, 112, 14, SIDE_LEFT[1:], (210, 260))
    figures_table(page, 330, 96, 14, SIDE_RIGHT, (440, 500))
    assert [grid(t) for t in extract_pdf_tables(page, 1)] == [SIDE_RIGHT, SIDE_LEFT[1:]]  # by the top of each


def test_a_heading_wrapped_onto_its_number_is_no_data_row(doc: pymupdf.Document) -> None:
    """Booktabs header: "Under 65" wrapped so that "65" stands alone under "Under", beside words
    ("over", "Rank"): a line of headings, not the table's first row of figures."""
    page = doc.new_page()
    rule(page, 96, 72, 400)
    centred(page, 200, 300, 108, "2009")
    centred(page, 200, 250, 121, "Under")
    centred(page, 250, 300, 121, "65 and")
    text(page, 72, 134, "Household type")
    centred(page, 200, 250, 134, "65")
    centred(page, 250, 300, 134, "over")
    text(page, 0, 134, "Rank", right=390)
    rule(page, 139, 72, 400)
    body = [["Single person", "11.1", "10.7", "2"], ["Two adults", "31.4", "31.8", "27"], ["Other", "70.3", "71.6", "21"]]
    closed_rows(page, 72, 153, 14, body, (245, 295, 390), (72, 400))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Household type", "2009", "", "Rank"], ["", "Under 65", "65 and over", ""], *body]


def test_headings_set_close_as_one_cell_above_the_header_rule(doc: pymupdf.Document) -> None:
    """Narrow columns: the header's words, one over each column, are set closer than cells and
    read as one; the line above the rule under them is the header, the unit line above it not."""
    page = doc.new_page()
    text(page, 150, 84, "Table A.1 - Rate by state, 2009")
    text(page, 0, 98, "%", right=297)
    for word, right in (("Men", 232), ("Women", 270), ("Total", 297)):
        text(page, 0, 112, word, right=right)
    rule(page, 116, 150, 300)
    rows = [["Michigan", "23.8", "25.3", "24.4"], ["Minnesota", "71.2", "82.0", "77.6"],
            ["Mississippi", "22.7", "-", "21.1"], ["Missouri", "42.4", "40.5", "41.9"]]
    figures_table(page, 150, 130, 14, rows, (232, 270, 297))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["", "Men", "Women", "Total"], *rows]


def test_a_note_mark_on_the_line_below_goes_with_its_cell(doc: pymupdf.Document) -> None:
    """A narrow column: "2011 (1)" wrapped, the note mark alone under the year, is one heading."""
    page = doc.new_page()
    rows = [["Level", "2009", "2010", "2011 (1)"], ["Primary", "6,960", "6,844", "6,201"],
            ["Lower secondary", "9,066", "7,917", "9,703"], ["Upper secondary", "8,756", "8,187", "8,150"]]
    figures_table(page, 72, 110, 16, [[*rows[0][:3], "2011"]], (230, 270, 310))
    text(page, 0, 121, "(1)", right=310)
    figures_table(page, 72, 140, 16, rows[1:], (230, 270, 310))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows
    # a label's note mark wrapped alone under it; under a figure, "(12)" is a negative figure
    page = doc.new_page()
    figures_table(page, 72, 110, 16, rows[:2], (230, 270, 310))
    text(page, 72, 142, "(3)")
    figures_table(page, 72, 158, 16, [*rows[2:], ["Tertiary", "", "(12)", ""]], (230, 270, 310))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [rows[0], [f"{rows[1][0]} (3)", *rows[1][1:]], *rows[2:], ["Tertiary", "", "(12)", ""]]


def set_lines(page: pymupdf.Page, x: float, lines: list[tuple[float, list[str]]], rights: tuple[float, ...]) -> None:
    """Lines at their own baselines: a label at ``x``, then cells right-aligned at ``rights``."""
    for y, row in lines:
        if row[0]:
            text(page, x, y, row[0])
        for right_edge, cell in zip(rights, row[1:], strict=False):
            text(page, 0, y, cell, right=right_edge)


def test_a_label_ending_on_a_word_no_label_ends_on_goes_on(doc: pymupdf.Document) -> None:
    """Wrapped labels whose next line starts with a number: after "under" (figures on the last
    line) and after "aged" (figures on the first) the label goes on; "15-24 years" after a full
    label is a row."""
    page = doc.new_page()
    lines = [
        (110, ["Household type", "2010", "2011"]),
        (130, ["Single person", "8.1", "7.7"]),
        (150, ["Two adults, both under"]),
        (162, ["65 years", "6.5", "6.2"]),
        (182, ["Two adults, at least one aged", "63.4", "78.2"]),
        (194, ["65 or over"]),
        (214, ["15-24 years", "87.8", "79.6"]),
    ]
    set_lines(page, 72, lines, (280, 330))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Household type", "2010", "2011"], ["Single person", "8.1", "7.7"],
                       ["Two adults, both under 65 years", "6.5", "6.2"],
                       ["Two adults, at least one aged 65 or over", "63.4", "78.2"], ["15-24 years", "87.8", "79.6"]]


def test_a_units_row_under_year_headings_and_a_unit_note_above(doc: pymupdf.Document) -> None:
    """Unruled, rows set apart further than a label's lines: the units under the years stay a
    row of their own, and the unit note over the table ("Unit: thousand") is no row."""
    page = doc.new_page()
    text(page, 0, 96, "Unit: thousand", right=330)
    lines = [
        (114, ["Type of household", "2009", "2010", "2011"]),
        (126, ["", "rate", "rate", "rate"]),
        (146, ["Single person", "4.59", "4.51", "4.36"]),
        (166, ["Single person with"]),
        (178, ["dependent children", "4.23", "3.73", "4.10"]),
        (198, ["Two adults", "0.37", "0.43", "0.39"]),
        (218, ["Total", "6.15", "6.02", "5.83"]),
    ]
    set_lines(page, 72, lines, (230, 280, 330))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Type of household", "2009", "2010", "2011"], ["", "rate", "rate", "rate"],
                       ["Single person", "4.59", "4.51", "4.36"],
                       ["Single person with dependent children", "4.23", "3.73", "4.10"],
                       ["Two adults", "0.37", "0.43", "0.39"], ["Total", "6.15", "6.02", "5.83"]]
    # a unit in brackets over the table is its unit note, too
    page = doc.new_page()
    text(page, 0, 96, "(%)", right=330)
    set_lines(page, 72, [lines[0], *lines[2:]], (230, 280, 330))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[0] == ["Type of household", "2009", "2010", "2011"]


def leaf_pairs(page: pymupdf.Page, y: float, pair: tuple[str, str]) -> None:
    """Two leaf headings under each of two groups (170-290 and 300-420), centred on columns 60 pt wide."""
    for k, (x0, x1) in enumerate(((170, 230), (230, 290), (300, 360), (360, 420))):
        centred(page, x0, x1, y, pair[k % 2])


def test_group_headings_ending_on_an_open_word_go_on(doc: pymupdf.Document) -> None:
    """Group headings wrapped over lines set as far apart as the header's tiers: a heading line
    ending on a word no heading ends on ("on", "and") goes on in the line below, in its columns."""
    page = doc.new_page()
    rule(page, 92, 72, 420)
    centred(page, 170, 290, 105, "Public expenditure on")
    centred(page, 300, 420, 105, "Early leavers from")
    text(page, 72, 120, "Member State")
    centred(page, 170, 290, 120, "education as % of GDP")
    centred(page, 300, 420, 120, "education and")
    centred(page, 300, 420, 135, "training")
    leaf_pairs(page, 150, ("Males", "Females"))
    rule(page, 155, 72, 420)
    body = [["Cyprus", "8.22", "9.42", "53.2", "58.7"], ["Latvia", "8.94", "8.23", "18.9", "21.4"],
            ["Lithuania", "7.64", "8.06", "23.0", "21.4"]]
    closed_rows(page, 72, 170, 15, body, (225, 285, 345, 405), (72, 420))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Member State", "Public expenditure on education as % of GDP", "", "Early leavers from education and training", ""],
                       ["", "Males", "Females", "Males", "Females"], *body]


def test_a_group_heading_goes_on_in_lower_case_at_the_tiers_leading(doc: pymupdf.Document) -> None:
    """A group heading wrapped onto a second line set as far below as the leaf headings are, the
    neighbouring groups set on that line (bottom aligned): its next line starts in lower case, so
    the two lines are one heading; a heading under it starting anew, in capitals, is a tier."""

    def header(page: pymupdf.Page, second: str) -> None:
        rule(page, 92, 72, 480)
        centred(page, 170, 290, 105, "Share of total")
        text(page, 72, 130, "Cause of death")
        centred(page, 170, 290, 118, second)
        centred(page, 300, 420, 118, "Hospital beds")
        leaf_pairs(page, 131, ("Public", "Private"))
        rule(page, 136, 72, 420)

    body = [["Cancer", "8.2", "9.4", "532", "587"], ["Stroke", "8.9", "8.2", "189", "214"],
            ["Diabetes", "7.6", "8.0", "230", "214"]]
    page = doc.new_page()
    header(page, "deaths (%)")
    closed_rows(page, 72, 150, 15, body, (225, 285, 345, 405), (72, 420))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Cause of death", "Share of total deaths (%)", "", "Hospital beds", ""],
                       ["", "Public", "Private", "Public", "Private"], *body]
    page = doc.new_page()
    header(page, "Deaths in 2010")
    closed_rows(page, 72, 150, 15, body, (225, 285, 345, 405), (72, 420))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:2] == [["Cause of death", "Share of total", "", "", ""],
                           ["", "Deaths in 2010", "", "Hospital beds", ""]]


def test_a_heading_between_two_headings_over_wide_columns_heads_both(doc: pymupdf.Document) -> None:
    """A year centred over two wide columns whose headings are right-aligned and whose figures
    are centred: it stands between the two headings, over neither and over no figure, so it
    heads both; a heading with figures of its own beside it, in its column, heads that column."""
    page = doc.new_page()
    rule(page, 92, 72, 420)
    centred(page, 180, 412, 105, "2010")
    text(page, 72, 120, "Household type")
    text(page, 0, 120, "Males", right=282)
    text(page, 0, 120, "Females", right=412)
    rule(page, 125, 72, 420)
    body = [["Single person", "622", "576"], ["Two adults", "3,214", "3,156"], ["Other", "2,219", "2,048"]]
    for k, row in enumerate(body):
        text(page, 72, 140 + 15 * k, row[0])
        centred(page, 200, 262, 140 + 15 * k, row[1])
        centred(page, 326, 386, 140 + 15 * k, row[2])
    rule(page, 175, 72, 420)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Household type", "2010", ""], ["", "Males", "Females"], *body]
    page = doc.new_page()
    rule(page, 92, 72, 420)
    text(page, 72, 120, "Household type")
    text(page, 0, 105, "Single", right=262)
    text(page, 0, 120, "person", right=262)
    text(page, 296, 105, "Roads")
    text(page, 0, 120, "Couples", right=412)
    rule(page, 125, 72, 420)
    rows = [["Total", "622", "17", "576"], ["Urban", "3,214", "24", "3,156"], ["Rural", "2,219", "31", "2,048"]]
    for k, row in enumerate(rows):
        text(page, 72, 140 + 15 * k, row[0])
        for right_edge, cell in zip((262, 345, 412), row[1:], strict=True):
            text(page, 0, 140 + 15 * k, cell, right=right_edge)
    rule(page, 175, 72, 420)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Household type", "Single person", "Roads", "Couples"], *rows]


def test_leaf_headings_set_as_close_as_words_part_at_the_columns(doc: pymupdf.Document) -> None:
    """Leaf headings wrapped onto two lines, right-aligned over narrow columns, their first
    lines set closer than a word space: the line is one chunk across four columns, parted where
    its spaces fall in the columns' gaps. A heading over the four, its words a space apart,
    stays one."""
    page = doc.new_page()
    rights = (231, 265, 296, 330)  # cells 3.5 pt apart: closer than words are
    rule(page, 80, 72, 336)
    text(page, 216, 92, "Mean income per head")  # centred, each space in a column gap
    centred(page, 204, 265, 105, "Nov. 2010")
    centred(page, 269, 330, 105, "Dec. 2010")
    text(page, 72, 118, "Household type")
    for right_edge, first, second in zip(rights, ("Under", "65 and") * 2, ("65", "over") * 2, strict=True):
        text(page, 0, 118, first, right=right_edge)
        text(page, 0, 130, second, right=right_edge)
    rule(page, 135, 72, 336)
    body = [["Single person", "1.11", "0.97", "1.12", "0.98"], ["Two adults", "1.08", "1.06", "0.99", "1.11"],
            ["Three adults", "1.09", "1.00", "0.87", "0.93"], ["Other", "1.02", "1.05", "0.97", "0.92"],
            ["Total", "1.07", "1.03", "0.96", "0.99"]]
    closed_rows(page, 72, 150, 15, body, rights, (72, 336))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Household type", "Mean income per head", "", "", ""],
                       ["", "Nov. 2010", "", "Dec. 2010", ""],
                       ["", "Under 65", "65 and over", "Under 65", "65 and over"], *body]


def test_a_year_over_a_heading_in_its_column_is_a_tier(doc: pymupdf.Document) -> None:
    """A year centred over two wide columns of right-aligned figures sits over the first
    column's heading, not seen to span both: a year is a heading whole, so it is a tier over
    "Number", not the start of one heading "2010 Number", also where a heading beside it wraps
    over a line between them; "2011" over "Q2" is one heading."""
    rights = (293, 406, 534)
    cases = [("2010", ("Number", "%"), ["Change"], [["State", "2010", "", "Change (%)"], ["", "Number", "%", ""]]),
             ("2010", ("Number", "%"), ["Change", "over the"],
              [["State", "2010", "", "Change over the (%)"], ["", "Number", "%", ""]]),
             ("2011", ("Q2", "Q3"), ["Change"], [["State", "2011 Q2", "2011 Q3", "Change (%)"]])]
    for group, leaves, change, want in cases:
        page = doc.new_page()
        rule(page, 290, 72, 540)
        top = 331 - 14 * len(change)
        if group == "2010":
            text(page, 277, top, group)
        else:
            for right_edge in rights[:2]:
                text(page, 0, top, group, right=right_edge)
        for k, line in enumerate(change):
            text(page, 0, top + 14 * k, line, right=rights[2])
        text(page, 78, 331, "State")
        for right_edge, leaf in zip(rights, (*leaves, "(%)"), strict=True):
            text(page, 0, 331, leaf, right=right_edge)
        rule(page, 336, 72, 540)
        body = [["Arizona", "191", "54.2", "-1.0"], ["Arkansas", "137", "86.2", "-5.3"], ["California", "237", "10.1", "0.0"],
                ["Colorado", "554", "55.9", "-8.4"]]
        closed_rows(page, 78, 352, 15, body, rights, (72, 540))
        [t] = extract_pdf_tables(page, 1)
        assert grid(t) == [*want, *body], change


def test_a_group_heading_of_three_lines_keeps_the_columns_of_its_widest(doc: pymupdf.Document) -> None:
    """Booktabs, 8 pt: a group heading wrapped over three lines, its first line narrower than the
    middle column it is centred on, its neighbours set on its last line (bottom aligned) at the
    leaf headings' leading: its lines join over the columns of the widest, which its last line
    goes on in, so the three are one heading in one tier."""
    page = doc.new_page()

    def at(x: float, y: float, s: str) -> None:
        page.insert_text((x, y), s, fontsize=8)

    rule(page, 219.4, 76.2, 535.8)
    at(414.4, 229.4, "Long-term")
    at(406.4, 239.0, "unemployment")
    for x, s in ((195.4, "Employees"), (294.7, "Persons employed"), (418.4, "rate (%)"), (482.4, "Annual change")):
        at(x, 248.6, s)
    leaves = [(176.2, "Men"), (201.4, "Women"), (245.3, "Total"), (283.9, "Men"), (309.1, "Women"), (365.0, "Total"),
              (392.5, "Men"), (417.7, "Women"), (455.0, "Total"), (483.3, "2009/2008 (%)")]
    for x, s in leaves:
        at(x, 260.4, s)
    rule(page, 267.0, 76.2, 535.8)
    xs = (171.7, 208.9, 243.1, 279.4, 316.7, 362.8, 392.5, 429.7, 457.2, 524.7)
    for k, label in enumerate(("Total", "Industry", "Services", "Farming")):
        at(76.2, 280 + 11 * k, label)
        for x, value in zip(xs, ("5,650", "6,200", "5,772", "622.3", "581.7", "521.1", "61.7", "57.0", "61.3", "1.4"),
                            strict=True):
            at(x, 280 + 11 * k, value)
    rule(page, 330, 76.2, 535.8)
    [t] = extract_pdf_tables(page, 1)
    head, leaves = grid(t)[:2]
    assert head[7:] == ["Long-term unemployment rate (%)", "", "", "Annual change 2009/2008 (%)"]
    assert leaves[7:10] == ["Men", "Women", "Total"]


def test_labels_and_figures_set_closer_than_a_column_gap_part(doc: pymupdf.Document) -> None:
    """Columns about five points apart at 10 pt: a label runs on into the figure after it
    ("Curative beds 12,7") and a figure into the word after it ("14,1 Up"), each one chunk;
    they part where words and figures meet by more than a word space."""
    page = doc.new_page()
    rows = [["Type", "2010", "2011", "Trend"], ["Dentists", "28,7", "29,0", "Stable"],
            ["Curative beds", "12,7", "14,1", "Up"], ["Pharmacists", "15,3", "16,4", "Down"],
            ["Nurses", "28,6", "26,2", "Stable"], ["Care beds", "21,0", "26,2", "Up"]]
    for k, (label, a, b, trend) in enumerate(rows):
        y = 100 + 15 * k
        text(page, 72, y, label)
        text(page, 0, y, a, right=158)
        text(page, 0, y, b, right=183)
        text(page, 188, y, trend)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def test_two_headings_set_as_close_as_words_part_at_their_gap(doc: pymupdf.Document) -> None:
    """Two wrapped headings side by side, the first right-aligned and the second left-aligned
    four points after it: "Share of Enrolment" is one chunk over two columns, parted where the
    space between them is wider than its words' spaces."""
    page = doc.new_page()
    text(page, 0, 100, "Share of", right=200)
    text(page, 204.3, 100, "Enrolment")
    text(page, 72, 112, "ISCED level")
    text(page, 0, 112, "women (%)", right=200)
    text(page, 204.3, 112, "rate (%)")
    rows = [["Pre-primary", "60.3", "61.7"], ["Primary", "48.9", "97.2"], ["Lower secondary", "49.1", "95.0"],
            ["Upper secondary", "51.2", "78.4"], ["Tertiary", "57.0", "41.3"]]
    figures_table(page, 72, 130, 14, rows, (200, 248))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["ISCED level", "Share of women (%)", "Enrolment rate (%)"], *rows]
    # in a monospaced font a word space is a letter wide: a heading over two columns stays one
    page = doc.new_page()

    def mono(x: float, y: float, s: str, right: float | None = None) -> None:
        width = pymupdf.get_text_length(s, fontname="cour", fontsize=7)
        page.insert_text((x if right is None else right - width, y), s, fontname="cour", fontsize=7)

    mono(249, 100, "Growth rate")
    for k, (label, a, b) in enumerate([("Product", "Number", "%"), ("Total", "-2.5", "42.3"), ("Solid fuels", "-0.6", "75.3"),
                                       ("Natural gas", "n.a.", "64.5"), ("Nuclear heat", "-0.2", "8.8")]):
        mono(97, 110 + 10 * k, label)
        mono(0, 110 + 10 * k, a, right=271)
        mono(0, 110 + 10 * k, b, right=298.5)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:2] == [["Product", "Growth rate", ""], ["", "Number", "%"]]


def test_unruled_group_headings_go_on_beside_the_stub_heading(doc: pymupdf.Document) -> None:
    """No rules: a group heading wrapped onto a second line in lower case, the stub heading set
    on that line (vertically centred on the header): the two lines are the groups' row, the
    stub heading in it, over the leaf headings."""
    page = doc.new_page()
    centred(page, 170, 290, 100, "Net migration")
    centred(page, 300, 420, 100, "Average")
    text(page, 72, 112, "Member State")
    centred(page, 300, 420, 112, "household size")
    leaf_pairs(page, 124, ("Urban", "Rural"))
    body = [["Belgium", "4", "-91", "3.65", "3.20"], ["Bulgaria", "12", "-35", "2.91", "3.02"],
            ["Denmark", "7", "-18", "2.14", "2.33"], ["Germany", "53", "-60", "2.03", "2.21"]]
    figures_table(page, 72, 140, 14, body, (225, 285, 345, 405))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Member State", "Net migration", "", "Average household size", ""],
                       ["", "Urban", "Rural", "Urban", "Rural"], *body]


def justified(page: pymupdf.Page, x0: float, x1: float, y: float, s: str) -> None:
    """A line of running text set justified from x0 to x1: its word spaces stretched."""
    words = s.split()
    widths = [pymupdf.get_text_length(w, fontsize=FONT) for w in words]
    space = (x1 - x0 - sum(widths)) / (len(words) - 1)
    x = x0
    for word, width in zip(words, widths, strict=True):
        text(page, x, y, word)
        x += width + space


def test_justified_text_above_a_narrower_ruled_table_is_no_row(doc: pymupdf.Document) -> None:
    """Two columns of justified text, word spaces stretched into gaps, above a table whose top
    rule spans only part of the page: the lines reaching past the rule's ends are not the table's."""
    page = doc.new_page()
    for i, (a, b) in enumerate([("Between 2007 and 2008 persons employed rose", "The gap between North and West narrowed"),
                                ("Professional services accounted for nine", "slightly to four percentage points in"),
                                ("recorded the largest share followed by Ohio", "the year while the table shows it")]):
        justified(page, 40, 290, 90 + 13 * i, a)
        justified(page, 310, 560, 90 + 13 * i, b)
    rule(page, 140, 40, 240)
    rows = [["Industry", "Nov. 2007", "Dec. 2007"], ["Total nonfarm", "41.3", "40.6"], ["Mining", "23.4", "21.5"],
            ["Construction", "46.9", "46.8"], ["Manufacturing", "43.4", "40.0"]]
    figures_table(page, 44, 153, 15, rows[:1], (180, 236))
    rule(page, 158, 40, 240)
    closed_rows(page, 44, 172, 15, rows[1:], (180, 236), (40, 240))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def test_a_group_heading_does_not_go_on_in_a_leaf_heading_under_it(doc: pymupdf.Document) -> None:
    """Unruled: "2009 (prov.)" over "q-o-q" and "y-o-y" is their group, though the leaf line
    under it starts in lower case, as the second line of a wrapped heading beside it does."""
    page = doc.new_page()
    text(page, 0, 110, "Annual rate of", right=250)
    text(page, 266, 110, "2009 (prov.)")  # over both, flush with the first on the left
    text(page, 72, 123, "Industry")
    text(page, 0, 123, "change (%)", right=250)
    text(page, 0, 123, "q-o-q", right=290)
    text(page, 0, 123, "y-o-y", right=322)
    text(page, 0, 123, "Rank", right=370)
    body = [["Utilities", "(0.7)", "1.1", "(0.5)", "11"], ["Information", "(1.0)", "(3.5)", "(1.1)", "6"],
            ["Financial activities", "(2.6)", "(0.9)", "0.2", "27"], ["Construction", "1.4", "2.2", "(0.3)", "3"]]
    figures_table(page, 72, 140, 14, body, (250, 290, 322, 370))
    [t] = extract_pdf_tables(page, 1)
    # (the wrapped heading beside it, "Annual rate of" / "change (%)", is left on two rows: an
    # unruled header's lines join whole or not at all)
    assert grid(t)[2:] == body
    assert [row[2:4] for row in grid(t)[:2]] == [["2009 (prov.)", ""], ["q-o-q", "y-o-y"]]


def test_a_short_line_centred_under_a_group_heading_goes_on_in_it(doc: pymupdf.Document) -> None:
    """Booktabs, the header's lines evenly spaced: "rate", centred under the group heading "Crude
    birth" over two columns, is its second line, not a tier of its own."""
    page = doc.new_page()
    rule(page, 92, 72, 420)
    for x0, x1, first, second in ((180, 300, "Crude birth", "rate"), (300, 420, "Net", "migration")):
        centred(page, x0, x1, 105, first)
        centred(page, x0, x1, 118, second)
    for k, x0 in enumerate((180, 240, 300, 360)):
        centred(page, x0, x0 + 60, 131, "Men" if k % 2 == 0 else "Women")
    text(page, 72, 131, "State")
    rule(page, 136, 72, 420)
    body = [["Connecticut", "30.3", "30.5", "3.66", "3.61"], ["Delaware", "8.5", "7.8", "1.80", "1.84"],
            ["Florida", "11.2", "10.9", "2.31", "2.40"]]
    closed_rows(page, 72, 150, 14, body, (232, 292, 352, 412), (72, 420))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["State", "Crude birth rate", "", "Net migration", ""], ["", "Men", "Women", "Men", "Women"], *body]


def test_a_short_heading_centred_between_two_columns_heads_both(doc: pymupdf.Document) -> None:
    """Booktabs: a year narrower than the gap it is centred on, over a heading in each column
    either side, is their group heading (not a line of one of their headings)."""
    page = doc.new_page()
    rule(page, 98, 72, 372)
    rule(page, 129, 72, 372)
    lines = [(124, ["State", "Number", "%", "Total"])]
    body = [["Arizona", "191", "54.2", "230"], ["Arkansas", "137", "86.2", "129"],
            ["California", "2,371", "10.1", "2,402"], ["Colorado", "554", "55.9", "560"]]
    lines += [(140 + 14 * i, row) for i, row in enumerate(body)]
    set_lines(page, 72, lines, (230, 290, 370))
    rule(page, 140 + 14 * 3 + 5, 72, 372)
    gap = (230 + 290 - pymupdf.get_text_length("54.2", fontsize=FONT)) / 2
    centred(page, gap - 15, gap + 15, 110, "2010")
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["State", "2010", "", "Total"], ["", "Number", "%", ""], *body]


def test_two_ruled_tables_set_close_side_by_side(doc: pymupdf.Document) -> None:
    """Two tables side by side, the gap between them narrower than a column gap inside the
    right one, each ruled across itself only; the right one's labels repeat by section."""
    page = doc.new_page()
    left_rows = [["Characteristic", "2007", "2008"], ["Civilian population", "38.3", "35.5"],
                 ["Civilian labor force", "34.2", "34.3"], ["Participation rate", "22.6", "23.2"]]
    right_rows = [["Characteristic", "Part-time", "Vacancies"], ["Men", "", ""], ["Labor force", "26.6", "23.5"],
                  ["Participation", "64.4", "64.5"], ["Women", "", ""], ["Labor force", "62.1", "73.0"],
                  ["Participation", "34.3", "30.2"]]
    for x0, x1, rows, rights in ((40, 262, left_rows, (220, 260)), (282, 520, right_rows, (440, 518))):
        rule(page, 96, x0, x1)
        set_lines(page, x0 + 2, [(110 + 14 * i, row) for i, row in enumerate(rows)], rights)
        rule(page, 115, x0, x1)
        rule(page, 110 + 14 * (len(rows) - 1) + 5, x0, x1)
    tables = [grid(t) for t in extract_pdf_tables(page, 1)]
    assert left_rows in tables and right_rows in tables


def test_a_short_heading_centred_over_the_middle_of_three_heads_them(doc: pymupdf.Document) -> None:
    """Booktabs: "2010" alone over "Q1", "Q2", "Q3", centred on the middle one, heads the three;
    "Share of" over "total" is one heading's two lines. A heading beside the three set between
    the year's line and theirs does not hide them."""
    page = doc.new_page()
    rule(page, 96, 72, 412)
    centred(page, 230, 290, 110, "2010")
    centred(page, 340, 410, 110, "Share of")
    lines = [(124, ["Region", "Q1", "Q2", "Q3", "total"])]
    body = [["North", "16.8", "16.6", "19.3", "21.0"], ["South", "11.3", "12.3", "12.7", "13.1"],
            ["East", "9.1", "9.4", "9.9", "10.2"]]
    lines += [(140 + 14 * i, row) for i, row in enumerate(body)]
    set_lines(page, 72, lines, (220, 280, 340, 400))
    rule(page, 129, 72, 412)
    rule(page, 140 + 14 * 2 + 5, 72, 412)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Region", "2010", "", "", "Share of total"], ["", "Q1", "Q2", "Q3", ""], *body]
    # centred over the three, the last one wider, so not quite over the middle one
    page = doc.new_page()
    rule(page, 96, 72, 412)
    male = 220 - pymupdf.get_text_length("Male", fontsize=FONT)
    centred(page, male, 345, 110, "2007")
    lines = [(124, ["State", "Male", "Female", "Both sexes"])]
    lines += [(140 + 14 * i, row[:4]) for i, row in enumerate(body)]
    set_lines(page, 72, lines, (220, 275, 345))
    rule(page, 129, 72, 412)
    rule(page, 140 + 14 * 2 + 5, 72, 412)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["State", "2007", "", ""], ["", "Male", "Female", "Both sexes"], *[row[:4] for row in body]]
    # a heading beside them set between the two lines (vertically centred) is not the next line
    page = doc.new_page()
    rule(page, 96, 72, 412)
    centred(page, male, 345, 110, "2007")
    text(page, 0, 117, "Rank", right=400)
    lines = [(124, ["State", "Male", "Female", "Both sexes"])]
    lines += [(140 + 14 * i, [*row[:4], str(i + 1)]) for i, row in enumerate(body)]
    set_lines(page, 72, lines, (220, 275, 345, 400))
    rule(page, 129, 72, 412)
    rule(page, 140 + 14 * 2 + 5, 72, 412)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:2] == [["State", "2007", "", "", "Rank"], ["", "Male", "Female", "Both sexes", ""]]


def test_a_flag_set_apart_after_a_figure_stays_with_it(doc: pymupdf.Document) -> None:
    """Columns of figures a few points apart, one figure flagged "p" after a space, or figures
    with their "%" set apart: the flag or the sign goes with its figure, and the figures stay a
    cell each ("x" after a figure is a cell of its own)."""
    page = doc.new_page()
    rows = [["Activity", "2007", "2008", "2009"], ["Mining", "10 520", "10 840", "10 388"],
            ["Construction", "15 204", "18 048 p", "15 379"], ["Trade", "9 851", "x", "9 968"],
            ["Transport", "11 458", "11 005", "11 246"]]
    for i, row in enumerate(rows):
        text(page, 72, 110 + 14 * i, row[0])
        for right, cell in zip((200, 244, 280), row[1:], strict=True):
            text(page, 0, 110 + 14 * i, cell, right=right)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows
    # a per cent sign set apart after its figure, the next column close by
    page = doc.new_page()
    rows = [["Level", "Count", "Share", "Count", "Share"], ["Primary", "-5.5", "35.6 %", "-4.2", "31.0 %"],
            ["Secondary", "0.8", "14.6 %", "-1.1", "16.5 %"], ["Tertiary", "2.4", "9.1 %", "1.7", "8.8 %"]]
    for i, row in enumerate(rows):
        text(page, 72, 110 + 14 * i, row[0])
        for right, cell in zip((170, 207, 262, 299), row[1:], strict=True):
            text(page, 0, 110 + 14 * i, cell, right=right)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == rows


def test_a_section_label_right_under_the_header_is_a_row(doc: pymupdf.Document) -> None:
    """Unruled: "Men" alone in the stub column right under the header line is the first
    section's label, not the stub heading's next line ("Sex and age Men")."""
    page = doc.new_page()
    lines = [(110, ["Sex and age", "Dec. 2011", "Jan. 2012", "Feb. 2012"]), (124, ["Men"])]
    body = [["16 to 19 years", "4.7", "5.3", "5.2"], ["20 to 24 years", "18.2", "18.2", "18.1"],
            ["25 to 34 years", "12.9", "11.0", "12.3"], ["35 to 44 years", "8.1", "8.4", "8.0"]]
    lines += [(138 + 14 * i, row) for i, row in enumerate(body)]
    set_lines(page, 72, lines, (240, 300, 360))
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Sex and age", "Dec. 2011", "Jan. 2012", "Feb. 2012"], ["Men", "", "", ""], *body]


def test_scanned_section_labels_with_taller_boxes_stay_in_the_table() -> None:
    """OCR boxes are as tall as a line's letters reach: a section label with a descender
    ("Industry") comes out a fifth taller than the header's box, and is no heading in another
    size that ends the table."""

    def line(y: float, cells: list[tuple[str, float, float]], h: float = 20) -> list[Word]:
        return [Word(text, x0, y, x1, y + h, 0.99, "ocr") for text, x0, x1 in cells]

    words = [
        *line(100, [("Sector", 10, 70), ("2007", 300, 340), ("2008", 400, 440)]),
        *line(128, [("Industry", 10, 90)], h=24),
        *line(160, [("Mining", 10, 75), ("4,045", 290, 340), ("3,740", 390, 440)]),
        *line(190, [("Energy", 10, 78), ("5,157", 290, 340), ("4,958", 390, 440)]),
        *line(218, [("Services", 10, 92)], h=24),
        *line(250, [("Trade", 10, 60), ("163", 305, 340), ("177", 405, 440)]),
        *line(280, [("Transport", 10, 95), ("92", 315, 340), ("96", 415, 440)]),
    ]
    [t] = tables_from_words(words, 1)
    assert grid(t) == [["Sector", "2007", "2008"], ["Industry", "", ""], ["Mining", "4,045", "3,740"],
                       ["Energy", "5,157", "4,958"], ["Services", "", ""], ["Trade", "163", "177"],
                       ["Transport", "92", "96"]]


def test_a_scanned_label_wrapped_onto_a_line_of_descenders_stays_in_the_table() -> None:
    """A label wrapped over three lines, its last all descenders and capitals ("conditioning
    supply", 31 px) under one with none ("steam and air", 23 px): a third taller, and still the
    label's line, not a heading that ends the table before the section row under it."""

    def line(y: float, cells: list[tuple[str, float, float]], h: float = 24) -> list[Word]:
        return [Word(text, x0, y, x1, y + h, 0.99, "ocr") for text, x0, x1 in cells]

    words = [  # section labels at the left edge, the items under them indented
        *line(76, [("Sector", 10, 70), ("2007", 300, 340), ("2008", 400, 440)]),
        *line(104, [("Industry", 10, 90)]),
        *line(130, [("Manufacturing", 27, 150), ("5,157", 290, 340), ("4,958", 390, 440)]),
        *line(156, [("Electricity, gas,", 27, 160), ("163", 305, 340), ("177", 405, 440)]),
        *line(180, [("steam and air", 27, 150)], h=23),
        *line(200, [("conditioning supply", 27, 195)], h=31),
        *line(228, [("Services", 10, 92)]),
        *line(252, [("Wholesale and retail", 27, 200), ("92", 315, 340), ("96", 415, 440)]),
        *line(282, [("Transport", 27, 110), ("71", 315, 340), ("72", 415, 440)]),
    ]
    [t] = tables_from_words(words, 1)
    assert grid(t) == [["Sector", "2007", "2008"], ["Industry", "", ""], ["Manufacturing", "5,157", "4,958"],
                       ["Electricity, gas, steam and air conditioning supply", "163", "177"], ["Services", "", ""],
                       ["Wholesale and retail", "92", "96"], ["Transport", "71", "72"]]


def test_an_ocr_box_of_figures_set_close_is_a_cell_per_figure() -> None:
    """The detector boxes cells set close as one line ("1,087,000 1,108,150"): each figure is a
    cell, cut at its place by character count, while a number that goes on ("4 820", "12 345"),
    a note mark after a year and a flag stay with their figure, and text stays whole."""
    from docextract.tables.grid import split_figure_boxes

    def box(text: str) -> Word:
        return Word(text, 100, 10, 100 + 10 * len(text), 30, 0.99, "ocr")

    [a, b] = split_figure_boxes([box("1,087,000 1,108,150")])
    assert (a.text, a.x0, a.x1, b.text, b.x0, b.x1) == ("1,087,000", 100, 190, "1,108,150", 200, 290)
    assert [w.text for w in split_figure_boxes([box("4 820 5 426 5 907")])] == ["4 820", "5 426", "5 907"]
    assert [w.text for w in split_figure_boxes([box("21.0 20.8 (1.5)")])] == ["21.0", "20.8", "(1.5)"]
    for whole in ("12 345 678", "2007 (1)", "35.6 %", "18 048 p", "Total 12", "of which 3"):
        assert [w.text for w in split_figure_boxes([box(whole)])] == [whole]
    layer = Word("21.0 20.8", 100, 10, 190, 30, 1.0, "text")  # a text layer's spaces are parted elsewhere
    assert split_figure_boxes([layer]) == [layer]


@pytest.mark.parametrize(("between", "tables"), [("Services", 1), ("Table 2. Services by region", 2)])
def test_a_section_label_set_far_below_the_rows_keeps_the_table_whole(between: str, tables: int) -> None:
    """A section label set further below the rows than a table region goes on (2.6 line heights
    here) split one table in two; the rows under it go on in the same columns with figures, so
    the two parts are one table. A caption between starts another table."""
    from docextract.tables.grid import placed_tables

    words: list[Word] = []
    y = 100.0

    def row(label: str, *figures: str) -> None:
        nonlocal y
        words.append(Word(label, 50, y, 50 + 6 * len(label), y + 10, 1.0, "text"))
        for k, f in enumerate(figures):
            words.append(Word(f, 250 + 80 * k, y, 250 + 80 * k + 6 * len(f), y + 10, 1.0, "text"))
        y += 14

    row("Sector", "2011", "2012", "Trend")
    for label, a, b, trend in [("Mining", "1,304", "1,310", "Up"), ("Manufacturing", "198", "201", "Down"),
                               ("Construction", "87", "90", "Up")]:
        row(label, a, b, trend)
    y += 26
    words.append(Word(between, 50, y, 50 + 6 * len(between), y + 10, 1.0, "text"))
    y += 14
    for label, a, b, trend in [("Transport", "51", "53", "Up"), ("Education", "1,083", "1,090", "Down"),
                               ("Health", "384", "380", "Up")]:
        row(label, a, b, trend)
    found = [t for _, t in placed_tables(words, 1)]
    assert len(found) == tables
    if tables == 1:
        assert [r[0] for r in found[0].rows][3:] == ["Construction", "Services", "Transport", "Education", "Health"]


def test_ocr_headings_set_half_a_line_apart_share_a_line() -> None:
    """Headings centred over a header's lines ("Gross domestic" / "product (EUR" / "million)"
    beside "Volume index" / "(2005 = 100)") stand half a line apart. A text layer's boxes (the
    font's height) overlap by over half and make one line; OCR boxes reach only as far as the
    ink and overlapped by 0.44 of the shorter one: each heading's line was a header tier of its
    own (five where the truth has one). Rows of figures a pitch apart stay apart."""
    from docextract.tables.grid import group_lines

    def box(text: str, x: float, y0: float, y1: float, source: str = "ocr") -> Word:
        return Word(text, x, y0, x + 10 * len(text), y1, 0.99, source)

    # ink boxes of a generated report page's header, read through OCR
    header = [box("Gross domestic", 100, 275.2, 282.5), box("Volume index", 300, 279.3, 288.7)]
    assert [len(ln.words) for ln in group_lines(header)] == [2]
    rows = [box("Total", 100, 300, 309), box("238,655", 300, 300.5, 309.5), box("Solid fuels", 100, 312, 321)]
    assert [[w.text for w in ln.words] for ln in group_lines(rows)] == [["Total", "238,655"], ["Solid fuels"]]
    # a text layer's boxes as far apart keep its own bar
    layer = [box("Gross domestic", 100, 275.2, 282.5, "text"), box("Volume index", 300, 279.3, 288.7, "text")]
    assert len(group_lines(layer)) == 2


def test_a_figure_with_its_note_mark_is_a_figure_of_its_own() -> None:
    """A note mark set close after a figure ("107.7(1)", "54(b)") leaves it a figure: a box of
    two such cells is two cells (it was left whole, and its two columns read as one), and a
    group of three digits with a note still goes on with the number before it ("1 237(b)")."""
    from docextract.tables.grid import split_figure_boxes

    def box(text: str) -> Word:
        return Word(text, 100, 10, 100 + 10 * len(text), 30, 0.99, "ocr")

    assert [w.text for w in split_figure_boxes([box("10.1% 107.7(1)")])] == ["10.1%", "107.7(1)"]
    assert [w.text for w in split_figure_boxes([box("54(b) 57")])] == ["54(b)", "57"]
    for whole in ("1 237(b)", "2007 (1)", "Total(1) 12"):
        assert [w.text for w in split_figure_boxes([box(whole)])] == [whole]


@pytest.mark.parametrize(("apart", "boxes"), [(6, ["Male Female Both sexes"]), (9, ["Male Female", "Both sexes"])])
def test_headings_set_close_head_their_columns(doc: pymupdf.Document, apart: float, boxes: list[str]) -> None:
    """Column headings set a few points apart over columns as wide as their headings. Six points
    apart, the detector boxes them as one line: the reader keeps where each word's ink lies, and
    the box is cut where a column gap meets a blank wider than its other word spaces. Nine
    points apart they are two boxes whose margins overlap ("Female" and "Both"): their ink, not
    their margins, tells where they end. Each heading heads its column ("Both sexes" whole)."""
    from PIL import Image

    from docextract.ocr import get_reader
    from docextract.tables import scan_tables

    page = doc.new_page()
    y = 80.0
    for _ in range(4):
        page.insert_text((72, y), "Annual averages are calculated as the mean of the four quarterly estimates.", fontsize=10)
        y += 13
    heads = ["Male", "Female", "Both sexes"]
    rows = [["Region", *heads], ["North", "12.5", "13.1", "25.6"], ["South", "8.4", "9.0", "17.4"],
            ["East", "10.2", "11.8", "22.0"], ["West", "7.7", "6.9", "14.6"]]
    widths = (pymupdf.get_text_length(h, fontsize=10) + apart for h in heads)
    rights = list(itertools.accumulate(widths, initial=200.0 - apart))[1:]
    y += 20
    for row in rows:
        text(page, 72, y, row[0])
        for cell, right in zip(row[1:], rights, strict=True):
            text(page, 0, y, cell, right=right)
        y += 14
    pix = page.get_pixmap(dpi=150)
    read = get_reader().read(Image.frombytes("RGB", (pix.width, pix.height), pix.samples), detect_rotation=False)
    assert [w.text for w in read.words if w.text in boxes] == boxes
    [t] = scan_tables(read.words, 1)
    assert grid(t) == rows


def test_figures_in_ocr_boxes_set_close_are_a_cell_each() -> None:
    """Figures set a third of a line apart are boxed one by one or several to a box; either way
    each is a cell, as in a text layer. The boxes' ends are their ink as the reader measured it
    (``Word.spans``), not the detector's margins, so the text layer's rule for a run of figures
    holds for OCR boxes too (with the margins it had split numbers)."""
    from docextract.tables import scan_tables

    def box(text: str, x0: float, x1: float, y: float) -> Word:
        return Word(text, x0 - 6, y - 6, x1 + 6, y + 20, 0.99, "ocr", ((x0, x1),))

    rows = [["Household", "2010", "2011", "2012"], ["Single person", "87.8", "79.6", "76.7"],
            ["Two adults", "64.2", "61.9", "58.3"], ["With children", "71.5", "70.4", "69.0"], ["Other", "55.1", "52.8", "50.2"]]
    words = []
    for i, row in enumerate(rows):
        y = 100.0 + 30 * i
        words += [box(row[0], 40, 40 + 9 * len(row[0]), y), box(row[1], 260, 296, y)]
        words += [box(row[2], 302, 338, y), box(row[3], 344, 380, y)] if i else [box(f"{row[2]} {row[3]}", 302, 380, y)]
    [t] = scan_tables(words, 1)
    assert grid(t) == rows


def test_a_group_headings_words_in_ocr_stay_together_over_its_columns() -> None:
    """A group heading read through OCR crosses the gap between the two columns it heads, with a
    space inside it. OCR's spaces are blanks in the ink, which vary with the letters beside them
    ("Share of" 10 px, "of GDP" 8.5): a cell boundary there must stand out more than a text
    layer's (1.3 times the other spaces, not 1.15), or the heading is cut ("Share" | "of GDP")."""
    from docextract.tables import scan_tables

    def box(text: str, spans: list[tuple[float, float]], y: float) -> Word:
        return Word(text, spans[0][0] - 6, y - 6, spans[-1][1] + 6, y + 20, 0.99, "ocr", tuple(spans))

    words = [box("Sector", [(40, 80)], 100), box("Share of GDP", [(262, 300), (310, 322), (330.5, 358)], 100),
             box("2010", [(262, 290)], 130), box("2011", [(332, 360)], 130)]
    body = [["Industry", "21.4", "22.0"], ["Services", "61.2", "60.8"], ["Farming", "2.1", "1.9"], ["Mining", "4.4", "4.6"]]
    for i, (label, a, b) in enumerate(body):
        y = 160.0 + 30 * i
        words += [box(label, [(40, 40 + 8 * len(label))], y), box(a, [(290 - 7 * len(a), 290)], y),
                  box(b, [(360 - 7 * len(b), 360)], y)]
    [t] = scan_tables(words, 1)
    assert grid(t) == [["Sector", "Share of GDP", ""], ["", "2010", "2011"], *body]


def test_a_scanned_tables_marks_for_no_figure_are_read(doc: pymupdf.Document) -> None:
    """A dash, a colon or two dots alone in a cell is a few pixels where the detector sees a whole
    page, and was never read: its cell came out empty. The OCR reads such marks by their shape
    (as high as their row's line boxes), so the table keeps them; its paragraph gets none of its
    own, and a speck before a line is no mark (a cell's mark stands after its row's label)."""
    from PIL import Image

    from docextract.ocr import get_reader
    from docextract.tables import scan_tables

    page = doc.new_page()
    y = 80.0
    for _ in range(5):
        page.insert_text((72, y), "Annual averages are calculated as the mean of the four quarterly estimates.", fontsize=10)
        y += 13
    page.insert_text((30, y - 13), "-", fontsize=10)
    rows = [["Country", "2010", "2011", "2012"], ["Belgium", "12.5", ":", "7,031"], ["Bulgaria", "..", "3.2", "6,112"],
            ["Czechia", "8.1", "-", "5,876"], ["Denmark", ":", "4.4", ".."], ["Estonia", "2.0", "1.9", "-"],
            ["Finland", "..", ":", "4,005"]]
    y += 20
    for row in rows:
        text(page, 72, y, row[0])
        for j, cell in enumerate(row[1:], 1):
            text(page, 0, y, cell, right=200 + 70 * j)
        y += 14
    pix = page.get_pixmap(dpi=150)
    read = get_reader().read(Image.frombytes("RGB", (pix.width, pix.height), pix.samples), detect_rotation=False)
    [t] = scan_tables(read.words, 1)
    assert grid(t) == rows
    assert sum(w.text in (":", "..", "-") for w in read.words) == 8


def test_a_small_tables_dots_are_read(doc: pymupdf.Document) -> None:
    """In 7 pt type under 10 pt text a dot of ".." or ":" is two pixels at 150 dpi, and the
    detector's box around a colon often reads as nothing: both are marks all the same."""
    from PIL import Image

    from docextract.ocr import get_reader
    from docextract.tables import scan_tables

    page = doc.new_page()
    y = 80.0
    for _ in range(5):
        page.insert_text((72, y), "Annual averages are calculated as the mean of the four quarterly estimates.", fontsize=10)
        y += 13
    rows = [["Country", "2010", "2011", "2012"], ["Belgium", "12.5", ":", "7,031"], ["Bulgaria", "..", "3.2", "6,112"],
            ["Denmark", ":", "4.4", ".."], ["Finland", "..", ":", "4,005"]]
    y += 20
    for row in rows:
        page.insert_text((72, y), row[0], fontsize=7)
        for j, cell in enumerate(row[1:], 1):
            page.insert_text((200 + 60 * j - pymupdf.get_text_length(cell, fontsize=7), y), cell, fontsize=7)
        y += 10
    pix = page.get_pixmap(dpi=150)
    read = get_reader().read(Image.frombytes("RGB", (pix.width, pix.height), pix.samples), detect_rotation=False)
    [t] = scan_tables(read.words, 1)
    assert grid(t) == rows


def test_stub_and_last_headings_set_between_the_tiers_span_the_header() -> None:
    """An unruled header of two tiers (years over "Level" / "Change") with the stub's heading and
    the last column's set between them, centred on the header: they span its rows, so they go in
    its first row, not a row of their own."""

    def line(y: float, cells: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(text, x0, y, x1, y + 20, 0.99, "ocr") for text, x0, x1 in cells]

    words = [
        *line(100, [("2010", 235, 275), ("2011", 415, 455)]),
        *line(112, [("Age", 10, 45), ("Trend", 560, 610)]),
        *line(124, [("Level", 180, 230), ("Change", 270, 335), ("Level", 360, 410), ("Change", 450, 515)]),
        *line(156, [("15-24 years", 10, 120), ("4,045", 180, 230), ("1.2", 300, 335), ("3,740", 360, 410),
                    ("-0.8", 475, 515), ("up", 580, 610)]),
        *line(180, [("25-34 years", 10, 120), ("5,157", 180, 230), ("0.4", 300, 335), ("4,958", 360, 410),
                    ("2.1", 480, 515), ("down", 570, 610)]),
        *line(204, [("35-44 years", 10, 120), ("6,001", 180, 230), ("1.9", 300, 335), ("5,876", 360, 410),
                    ("0.3", 480, 515), ("up", 580, 610)]),
    ]
    [t] = tables_from_words(words, 1)
    assert grid(t)[:2] == [["Age", "2010", "", "2011", "", "Trend"], ["", "Level", "Change", "Level", "Change", ""]]


def test_a_scanned_captions_centred_second_line_is_no_heading() -> None:
    """A caption of two lines centred over a scanned table: OCR boxes, trimmed of their padding,
    reach only as far as the letters, so the second line stands more than half a box height
    under the first (here 0.65) and still goes on with it, not into the table's header."""

    def line(y: float, cells: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(text, x0, y, x1, y + 24, 0.99, "ocr") for text, x0, x1 in cells]

    words = [
        *line(100, [("Table 2 Average household size by country,", 150, 560)]),
        *line(124, [("2011-2012 (persons)", 290, 420)]),
        *line(158, [("Member State", 150, 270), ("2011", 380, 420), ("2012", 480, 520)]),
        *line(188, [("Belgium", 150, 230), ("6,14", 380, 420), ("6,77", 480, 520)]),
        *line(216, [("Bulgaria", 150, 235), ("0,82", 380, 420), ("0,89", 480, 520)]),
        *line(244, [("Czechia", 150, 230), ("2,45", 380, 420), ("2,61", 480, 520)]),
    ]
    [t] = tables_from_words(words, 1)
    assert grid(t)[0] == ["Member State", "2011", "2012"]


def test_a_scanned_label_wrapped_a_line_lower_stays_one_row() -> None:
    """A row label wrapped onto a second line (its figures beside either line) in a scan: the
    blank between the two OCR boxes, trimmed of their padding, is a box height, wider against it
    than a text layer's between wrapped lines, and the label is still one row."""

    def line(y: float, cells: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(text, x0, y, x1, y + 24, 0.99, "ocr") for text, x0, x1 in cells]

    words = [
        *line(100, [("Cause of death", 10, 150), ("2010", 420, 460), ("2011", 520, 560)]),
        *line(134, [("Malignant neoplasms", 10, 210), ("20.8", 420, 460), ("23.0", 520, 560)]),
        *line(168, [("Malignant neoplasm of trachea, bronchus and", 10, 380)]),
        *line(197, [("lung", 10, 50), ("16.0", 420, 460), ("14.0", 520, 560)]),
        *line(231, [("Two adults, at least one aged 65", 10, 300), ("14.2", 420, 460), ("13.2", 520, 560)]),
        *line(260, [("or over", 10, 75)]),
        *line(294, [("Diseases of the heart", 10, 220), ("8.1", 425, 460), ("7.9", 525, 560)]),
    ]
    [t] = tables_from_words(words, 1)
    assert [r[0] for r in grid(t)] == ["Cause of death", "Malignant neoplasms", "Malignant neoplasm of trachea, bronchus and lung",
                                       "Two adults, at least one aged 65 or over", "Diseases of the heart"]


def test_a_group_heading_set_close_after_another_stays_whole(doc: pymupdf.Document) -> None:
    """Group headings over pairs of columns ("Number", "%"), set so close that two run into one
    chunk: "Long-term unemployment" ends two word spaces before "Average usual", whose
    own word space falls in the gap between its two columns. The chunk is parted where it stands
    out (between the headings), and "Average usual", centred over its columns, spans them."""
    page = doc.new_page(width=700)

    def width(s: str) -> float:
        return pymupdf.get_text_length(s, fontsize=FONT)

    pairs = (230.0, 360.0, 490.0)  # each pair: "Number" over figures ending 34 pt on, "%" 76 pt on
    centred(page, pairs[0], pairs[0] + 76, 110, "Jobless rate")
    centred(page, pairs[2], pairs[2] + 76, 110, "Average usual")
    g2_x = pairs[2] + (76 - width("Average usual")) / 2
    text(page, g2_x - 2.5 * width(" ") - width("Long-term unemployment"), 110, "Long-term unemployment")
    text(page, 72, 124, "Characteristic")
    for x in pairs:
        text(page, x, 124, "Number")
        text(page, 0, 124, "%", right=x + 76)
    body = [
        ["Civilian population", "10.8", "11.2%", "10.1", "10.5%", "12.5", "12.3%"],
        ["Civilian labor force", "78.4", "78.7%", "3.9", "80.6%", "84.7", "83.2%"],
        ["Men, 20 years and over", "6.1", "7.0%", "5.2", "6.6%", "7.9", "8.1%"],
    ]
    rights = tuple(r for x in pairs for r in (x + width("Number"), x + 76))
    # "Average usual"'s space lies in the gap between its columns' figures
    assert rights[4] < g2_x + width("Average") < g2_x + width("Average ") < rights[5] - width("12.3%")
    figures_table(page, 72, 140, 14, body, rights)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[0] == ["Characteristic", "Jobless rate", "", "Long-term unemployment", "", "Average usual", ""]
    assert grid(t)[1:] == [["", "Number", "%", "Number", "%", "Number", "%"], *body]


def test_a_group_heading_of_one_line_beside_wrapped_ones(doc: pymupdf.Document) -> None:
    """Booktabs rules: group headings over pairs of columns set on the bottom line, "Deaths" in
    one line beside "Crude birth" / "rate" and "Population on" / "1 January": the two lines are
    one tier of headings, the leaves under them another."""
    page = doc.new_page()
    rule(page, 88, 72, 510)
    pairs = [(200, 240, 250, 290), (310, 350, 360, 400), (420, 460, 470, 510)]
    centred(page, 200, 290, 100, "Crude birth")
    centred(page, 420, 510, 100, "Population on")
    for (x0, _, _, x1), head in zip(pairs, ["rate", "Deaths", "1 January"], strict=True):
        centred(page, x0, x1, 111, head)
    for a0, a1, b0, b1 in pairs:
        centred(page, a0, a1, 127, "1 000")
        centred(page, b0, b1, 127, "%")
    body = [
        ["Single person", "7,9", "47,7", "9,1", "57,7", "8,0", "49,4"],
        ["Two adults", "272,9", "3,3", "240,7", "2,9", "246,1", "3,2"],
        ["Other households", "951,7", "38,3", "1 027,0", "42,1", "900,4", "42,5"],
    ]
    rule(page, 131, 72, 510)
    figures_table(page, 72, 145, 14, body, tuple(x for a0, a1, b0, b1 in pairs for x in (a1, b1)))
    rule(page, 178, 72, 510)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:2] == [["", "Crude birth rate", "", "Deaths", "", "Population on 1 January", ""],
                           ["", "1 000", "%", "1 000", "%", "1 000", "%"]]
    assert grid(t)[2:] == body


def test_years_under_a_group_heading_are_a_tier_of_their_own(doc: pymupdf.Document) -> None:
    """"Livestock units" over three years, the middle one centred under it: the years start anew
    (a new tier), so the heading does not go on in "2008" though "2007" and "2009" beside it have
    nothing above them."""
    page = doc.new_page()
    pairs = [(200, 240, 250, 290), (310, 350, 360, 400), (420, 460, 470, 510)]
    rule(page, 88, 72, 540)
    centred(page, 310, 400, 100, "Livestock units")
    for (x0, _, _, x1), year in zip(pairs, ["2007", "2008", "2009"], strict=True):
        centred(page, x0, x1, 114, year)
    for a0, a1, b0, b1 in pairs:
        centred(page, a0, a1, 128, "Urban")
        centred(page, b0, b1, 128, "Rural")
    rule(page, 132, 72, 540)
    body = [["Cattle", "9718", "11019", "9766", "11180", "11283", "11175"],
            ["Pigs", "20045", "20137", "21279", "20078", "20591", "17273"],
            ["Sheep", "3120", "2987", "3304", "3011", "2876", "3290"]]
    figures_table(page, 72, 146, 14, body, tuple(x for a0, a1, b0, b1 in pairs for x in (a1, b1)))
    rule(page, 180, 72, 540)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[:3] == [["", "", "", "Livestock units", "", "", ""],
                           ["", "2007", "", "2008", "", "2009", ""],
                           ["", "Urban", "Rural", "Urban", "Rural", "Urban", "Rural"]]


def test_two_headings_set_close_over_their_own_columns_stay_apart(doc: pymupdf.Document) -> None:
    """Booktabs rules; "Deaths" right-aligned over its figures and "Status" starting where its
    labels start, a few points after: two cells set close, not one heading centred over both."""
    page = doc.new_page()
    right, left = 340.0, 344.5  # the figures end, and the labels start
    rule(page, 88, 72, 420)
    text(page, 72, 100, "Age")
    text(page, 0, 100, "Hospital beds", right=250)
    text(page, 0, 100, "Deaths", right=right)
    text(page, left, 100, "Status")
    rule(page, 105, 72, 420)
    body = [["15-74 years", "65 714", "64 286", "Final"], ["25-34 years", "2 429", "2 668", "Revised"],
            ["35-44 years", "7 175", "8 158", "Provisional"]]
    for i, (label, beds, deaths, status) in enumerate(body):
        y = 120 + 14 * i
        text(page, 72, y, label)
        text(page, 0, y, beds, right=250)
        text(page, 0, y, deaths, right=right)
        text(page, left, y, status)
    rule(page, 160, 72, 420)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t) == [["Age", "Hospital beds", "Deaths", "Status"], *body]


def test_a_header_line_of_two_cells_set_close_is_two_cells(doc: pymupdf.Document) -> None:
    """The leaf line of a header holds only "Deaths Status", set close (the stub heading stands
    on the line above): a line's only chunk is one cell, but not two words that end and start
    where a column gap does."""
    page = doc.new_page()
    right, left = 340.0, 344.5  # the figures end, and the labels start
    rule(page, 88, 72, 420)
    text(page, 72, 100, "Age")
    centred(page, 290, 400, 100, "Outcome")
    text(page, 0, 112, "Deaths", right=right)
    text(page, left, 112, "Status")
    rule(page, 117, 72, 420)
    body = [["15-74 years", "64 286", "Final"], ["25-34 years", "2 668", "Revised"], ["35-44 years", "8 158", "Provisional"]]
    for i, (label, deaths, status) in enumerate(body):
        y = 132 + 14 * i
        text(page, 72, y, label)
        text(page, 0, y, deaths, right=right)
        text(page, left, y, status)
    rule(page, 172, 72, 420)
    [t] = extract_pdf_tables(page, 1)
    assert grid(t)[1:] == [["", "Deaths", "Status"], *body]
