"""Random statistical tables drawn into PDFs, each with the grid a person would label.

The layouts are those of statistics offices' and agencies' reports: a caption above, notes
below, prose around; a header of one or two tiers (group headings over runs of columns, column
headings of one or two lines), a stub column of labels that wrap, indent and carry section
headings, right-aligned figures; rules as booktabs (top, under the header, bottom), between all
rows, a full grid, or none; row spacing from tight (a wrapped line as far from its row as rows
are from each other) to airy. The expected grid follows the ICDAR 2013 convention: one row per
table row (wrapped text joined with a space), one header row per tier, text spanning columns in
its start cell, captions and notes outside.

    data, grid = random_table_pdf(seed)
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

WORDS = (
    "population households employment agriculture industry services transport energy housing "
    "education health income exports imports production consumption investment wages prices "
    "farms forests water waste emissions public private total net gross annual rural urban "
    "regional national domestic foreign manufacturing construction retail trade tourism "
    "students teachers hospitals vehicles roads railways electricity gas oil coal fisheries"
).split()
UNITS = ("(%)", "(thousands)", "(EUR m)", "(tonnes)", "(km)", "per 1 000", "(index)", "(USD)")
STYLES = ("none", "booktabs", "rows", "grid")  # and "columns": rules between columns, none between rows


@dataclass
class Cell:
    lines: list[str]
    span: int = 1  # columns covered (header group headings)


@dataclass
class Layout:
    """The drawn table: header tiers, body rows (stub lines + figures), and the styling."""

    font: str
    size: float
    style: str
    widths: list[float]
    tiers: list[list[Cell | None]] = field(default_factory=list)
    body: list[tuple[list[list[str]], float]] = field(default_factory=list)  # cells (their lines), stub indent
    kind: str = "figures"  # "figures": a stub and right-aligned figures; "text": wrapped text in every column
    figures_on: str = "first"  # wrapped stub: figures on its "first" or "last" line or in the "middle"
    row_gap: float = 0.0  # extra space between rows, in text sizes
    header_align: str = "bottom"
    header_bold: bool = False
    zebra: bool = False  # every other body row shaded (a fill, no stroke)
    bold: set[int] = field(default_factory=set)  # body rows set in bold (section headings, totals)
    space_before: dict[int, float] = field(default_factory=dict)  # extra space above a body row, in sizes
    dollar: bool = False  # "$" set at the left of the first and last rows' figure cells
    vertical: bool = False  # the column headings (not the stub's) set upright, reading upwards


def _phrase(rng: random.Random, lo: int, hi: int, cap: bool = True) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    text = " ".join(words)
    return text[0].upper() + text[1:] if cap else text


def _figure(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.06:
        return rng.choice(["-", "n/a", ":"])
    if kind == "int":
        return f"{rng.randint(0, 10 ** rng.randint(1, 6)):,}"
    if kind == "pct":
        return f"{rng.uniform(0, 100):.1f}"
    if kind == "signed":
        v = rng.uniform(-50, 50)
        return f"{v:.1f}" if v >= 0 else f"-{-v:.1f}"
    return f"{rng.uniform(0, 1000):,.2f}"


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy wrap of ``text`` into lines no wider than ``width`` points."""
    from docextract.sources.mupdf import pymupdf

    lines: list[str] = []
    for word in text.replace(" 000", "\x00000").split():  # "1 000" is never broken
        word = word.replace("\x00", " ")
        if lines and pymupdf.get_text_length(f"{lines[-1]} {word}", fontname=font, fontsize=size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def random_layout(seed: int) -> Layout:
    lay = _random_layout(seed)
    if random.Random(seed + 2 * 10**6).random() < 0.15:  # (a stream of its own: the layouts stay)
        lay.style = "columns"
    if lay.kind == "figures" and random.Random(seed + 4 * 10**6).random() < 0.1:
        lay.vertical = True
    return lay


def _random_layout(seed: int) -> Layout:
    rng = random.Random(seed)
    if rng.random() < 0.3:
        return _text_layout(rng)
    ncols = rng.randint(3, 7)
    size = rng.choice([7.0, 8.0, 9.0, 10.0])
    stub = rng.uniform(110, 190)
    rest = min(rng.uniform(45, 80), (500 - stub) / (ncols - 1))
    lay = Layout(
        font=rng.choice(["helv", "tiro"]),
        size=size,
        style=rng.choice(STYLES),
        widths=[stub] + [rest] * (ncols - 1),
        figures_on=rng.choice(["first", "last"]),
        row_gap=rng.choice([0.0, 0.0, 0.3, 0.6, 1.0]),
        header_align=rng.choice(["bottom", "top"]),
        header_bold=rng.random() < 0.3,
        zebra=rng.random() < 0.2,
    )
    if ncols >= 4 and rng.random() < 0.5:  # group headings over runs of figure columns
        tier: list[Cell | None] = [None]
        j = 1
        while j < ncols:
            n = min(rng.randint(2, 3), ncols - j)
            tier.append(Cell([_phrase(rng, 1, 2)], n) if n >= 2 else None)
            tier += [None] * (n - 1)
            j += n
        lay.tiers.append(tier)
    years = rng.random() < 0.4
    start = rng.randint(1990, 2015)
    heads: list[Cell | None] = [Cell([_phrase(rng, 1, 2)]) if rng.random() < 0.8 else None]
    for j in range(1, ncols):
        if years:
            heads.append(Cell([str(start + j)]))
        else:
            text = _phrase(rng, 1, 3) + (" " + rng.choice(UNITS) if rng.random() < 0.3 else "")
            heads.append(Cell(_wrap(text, rest - 10, lay.font, size)))
    lay.tiers.append(heads)
    kinds = [rng.choice(["int", "pct", "dec", "signed"]) for _ in range(ncols - 1)]
    long_labels = rng.choice([2, 4, 7])
    nrows = rng.randint(4, 14)
    for r in range(nrows):
        if rng.random() < 0.1 and r < nrows - 1:  # a section heading: a label alone on its row
            if rng.random() < 0.5:
                lay.bold.add(r)
            if r and rng.random() < 0.5:
                lay.space_before[r] = rng.choice([0.5, 1.0])
            lay.body.append(([[_phrase(rng, 1, 3)]] + [[]] * (ncols - 1), 0.0))
            continue
        indent = rng.choice([0.0, 0.0, 8.0])
        lines = _wrap(_phrase(rng, 1, long_labels), stub - 16 - indent, lay.font, size)
        lay.body.append(([lines] + [[_figure(rng, k)] for k in kinds], indent))
    if rng.random() < 0.3:  # footnote marks on a few labels, headings and figures
        for cells, _ in lay.body:
            for j, c in enumerate(cells):
                if c and rng.random() < (0.1 if j == 0 else 0.03):
                    c[-1] += "^" + rng.choice(["1", "2", "a", "*"])
        for c in heads:
            if c and rng.random() < 0.15:
                c.lines[-1] += "^" + rng.choice(["1", "2", "3"])
    if rng.random() < 0.3:  # a total row, in bold
        lay.body.append(([["Total"]] + [[_figure(rng, k)] for k in kinds], 0.0))
        lay.bold.add(len(lay.body) - 1)
    lay.dollar = rng.random() < 0.15 and all(k != "signed" for k in kinds)
    # a column is at least as wide as its widest word or figure (type is never set overlapping)
    from docextract.sources.mupdf import pymupdf

    texts = [w for c in heads[1:] if c for ln in c.lines for w in ln.split()]
    texts += [f for cells, _ in lay.body for c in cells[1:] for f in c]
    need = max(pymupdf.get_text_length(t, fontname=lay.font, fontsize=size) for t in texts) + 12
    lay.widths = [stub] + [max(rest, need)] * (ncols - 1)
    if random.Random(seed + 10**6).random() < 0.25:  # (a stream of its own: the layouts above stay)
        lay.figures_on = "middle"
    return lay


def _text_layout(rng: random.Random) -> Layout:
    """A table of text: two to four columns of wrapped phrases, rows apart by space or rules."""
    ncols = rng.randint(2, 4)
    size = rng.choice([8.0, 9.0, 10.0])
    widths = [rng.uniform(90, 480 / ncols) for _ in range(ncols)]
    style = rng.choice(STYLES)
    lay = Layout(
        font=rng.choice(["helv", "tiro"]),
        size=size,
        style=style,
        widths=widths,
        kind="text",
        row_gap=rng.choice([0.4, 0.7, 1.0] + ([0.0] if style in ("rows", "grid") else [])),
        header_align=rng.choice(["bottom", "top"]),
        header_bold=rng.random() < 0.5,
        zebra=rng.random() < 0.2,
    )
    lay.tiers.append([Cell(_wrap(_phrase(rng, 1, 3), w - 12, lay.font, size)) for w in widths])
    long_cells = [rng.choice([2, 5, 12]) for _ in range(ncols)]
    for _ in range(rng.randint(3, 9)):
        cells = []
        for w, n in zip(widths, long_cells, strict=True):
            text = _phrase(rng, 1, n) if rng.random() < 0.92 else ""
            cells.append(_wrap(text, w - 12, lay.font, size) if text else [])
        if not cells[0]:
            cells[0] = [_phrase(rng, 1, 2)]
        lay.body.append((cells, 0.0))
    return lay


def draw_layout(page: Any, lay: Layout, top: float, left: float = 60) -> float:
    """Draw the table with its top at ``top``; returns the y under it."""
    from docextract.sources.mupdf import pymupdf

    size, lead = lay.size, lay.size * 1.2
    xs = [left]
    for w in lay.widths:
        xs.append(xs[-1] + w)
    pad = 4.0
    hlines: list[tuple[float, float, float]] = []
    vlines_rows: list[tuple[float, float, list[tuple[float, float]]]] = []  # y0, y1, x-ranges merged

    def put(x0: float, x1: float, y: float, s: str, align: str, bold: bool = False) -> None:
        font = {"helv": "hebo", "tiro": "tibo"}[lay.font] if bold else lay.font
        s, _, mark = s.partition("^")  # a footnote mark, set small and raised after the text
        width = pymupdf.get_text_length(s, fontname=font, fontsize=size)
        full = width + pymupdf.get_text_length(mark, fontname=font, fontsize=0.6 * size)
        x = {"left": x0 + pad, "right": x1 - pad - full, "centre": (x0 + x1 - full) / 2}[align]
        page.insert_text((x, y), s, fontname=font, fontsize=size)
        if mark:
            page.insert_text((x + width + 0.5, y - 0.38 * size), mark, fontname=font, fontsize=0.6 * size)

    y = top
    hlines.append((y, xs[0], xs[-1]))
    for t, tier in enumerate(lay.tiers):
        nlines = max(len(c.lines) for c in tier if c) if any(tier) else 1
        y_top = y
        base = y + size + 3
        upright = lay.vertical and t == len(lay.tiers) - 1
        if upright:  # the tier as high as its longest heading
            long = max(pymupdf.get_text_length(_flat(c), fontname=lay.font, fontsize=size) for c in tier[1:] if c)
            nlines = max(nlines, int((long + 6) / lead) + 1)
        for j, c in enumerate(tier):
            if c is None:
                continue
            if upright and j:
                x = (xs[j] + xs[j + 1]) / 2 + size / 3
                page.insert_text((x, y + nlines * lead + 2), _flat(c), fontname=lay.font, fontsize=size, rotate=90)
                continue
            x1 = xs[j + c.span]
            offset = nlines - len(c.lines) if lay.header_align == "bottom" else 0
            for i, s in enumerate(c.lines):
                align = "left" if j == 0 or lay.kind == "text" else "centre"
                put(xs[j], x1, base + lead * (i + offset), s, align, lay.header_bold)
            if c.span > 1 and lay.style != "none":  # a rule under a group heading
                hlines.append((y + nlines * lead + 5, xs[j] + 2, x1 - 2))
        y += nlines * lead + 5
        if (
            t == len(lay.tiers) - 1
            or lay.style == "grid"
            or lay.style == "columns"
            and not any(c and c.span > 1 for c in tier)
        ):
            hlines.append((y, xs[0], xs[-1]))
        vlines_rows.append((y_top, y, _cuts(tier, xs)))
    y += 0 if lay.style in ("grid", "columns") else lay.row_gap * size * 0.5  # rules close the gap
    for r, (cells, indent) in enumerate(lay.body):
        y_top = y
        nlines = max(len(c) for c in cells)
        height = nlines * lead + lay.row_gap * size + 2 + lay.space_before.get(r, 0.0) * size
        if lay.zebra and r % 2 == 0:
            page.draw_rect(pymupdf.Rect(xs[0], y, xs[-1], y + height), color=None, fill=(0.88, 0.9, 0.95))
        base = y + size + 2 + lay.space_before.get(r, 0.0) * size
        bold = r in lay.bold
        for i, s in enumerate(cells[0]):
            put(xs[0] + indent + (6 if i and lay.kind == "figures" else 0), xs[1], base + lead * i, s, "left", bold)
        fig_line = {"first": 0, "last": len(cells[0]) - 1, "middle": (len(cells[0]) - 1) / 2}[lay.figures_on]
        dollar = lay.dollar and r in (0, len(lay.body) - 1)
        for j, c in enumerate(cells[1:], 1):
            for i, s in enumerate(c):
                if lay.kind == "text":
                    put(xs[j], xs[j + 1], base + lead * i, s, "left")
                else:
                    put(xs[j], xs[j + 1], base + lead * fig_line, s, "right", bold)
                    if dollar and s[:1].isdigit():
                        put(xs[j], xs[j + 1], base + lead * fig_line, "$", "left", bold)
        y += height
        if lay.style in ("rows", "grid") and r < len(lay.body) - 1:
            hlines.append((y, xs[0], xs[-1]))
        vlines_rows.append((y_top, y, [(x, x) for x in xs]))
    hlines.append((y, xs[0], xs[-1]))
    if lay.style == "none":
        return y
    for yy, x0, x1 in hlines:
        page.draw_line((x0, yy), (x1, yy), width=0.5)
    if lay.style in ("grid", "columns"):
        for y0, y1, cuts in vlines_rows:
            for x, _ in cuts:
                page.draw_line((x, y0), (x, y1), width=0.5)
    return y


def _flat(c: Cell) -> str:
    """A heading's text on one line, its footnote mark set in line (an upright heading)."""
    return " ".join(c.lines).replace("^", "")


def _cuts(tier: list[Cell | None], xs: list[float]) -> list[tuple[float, float]]:
    """Vertical rule positions of a header tier: none inside a cell spanning columns."""
    inside = {j + k for j, c in enumerate(tier) if c for k in range(1, c.span)}
    return [(x, x) for j, x in enumerate(xs) if j not in inside]


def expected_grid(lay: Layout) -> list[list[str]]:
    """The labelled grid (a footnote mark is part of its cell's text)."""
    return [[c.replace("^", "") for c in row] for row in _expected(lay)]


def _expected(lay: Layout) -> list[list[str]]:
    ncols = len(lay.widths)
    out = []
    for tier in lay.tiers:
        out.append([" ".join(c.lines) if c else "" for c in tier] + [""] * (ncols - len(tier)))
    for r, (cells, _) in enumerate(lay.body):
        dollar = lay.dollar and r in (0, len(lay.body) - 1)
        out.append(
            [" ".join(c) for c in cells[:1]]
            + [("$ " if dollar and c[0][:1].isdigit() else "") + " ".join(c) if c else "" for c in cells[1:]]
        )
    return out


def random_table_pdf(seed: int) -> tuple[bytes, list[list[str]]]:
    """A one-page PDF: prose, a caption, the table, a note, prose; and the table's grid."""
    data, grids = _page(seed, second=False)
    return data, grids[0]


def random_page_pdf(seed: int) -> tuple[bytes, list[list[list[str]]]]:
    """Like :func:`random_table_pdf`; on one page in four a second table of the same style
    follows the first (after its caption or a gap): the page's grids, top to bottom."""
    return _page(seed, second=random.Random(seed + 3 * 10**6).random() < 0.25)


def _page(seed: int, second: bool) -> tuple[bytes, list[list[list[str]]]]:
    from docextract.sources.mupdf import pymupdf

    rng = random.Random(seed * 7919 + 1)
    lay = random_layout(seed)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=1008 if second else 792)
    y = 70.0
    for _ in range(rng.randint(0, 3)):
        page.insert_text((60, y), _phrase(rng, 10, 14) + ".", fontname="tiro", fontsize=10)
        y += 13
    y += 14
    if rng.random() < 0.7:
        page.insert_text(
            (60, y), f"Table {rng.randint(1, 30)}. {_phrase(rng, 4, 9)}", fontname="hebo", fontsize=lay.size + 1
        )
        y += lay.size + 8
    y = draw_layout(page, lay, y)
    if rng.random() < 0.6:
        y += lay.size + 4
        note = rng.choice(["Source: ", "Note: ", "1 "]) + _phrase(rng, 6, 12, cap=False)
        page.insert_text((60, y), note, fontname=lay.font, fontsize=max(6.0, lay.size - 1))
    grids = [expected_grid(lay)]
    if second:
        other = random_layout(seed + 5000)
        other.style = lay.style
        y += lay.size * rng.choice([1.5, 2.5, 3.5])
        if rng.random() < 0.6:
            page.insert_text(
                (60, y + lay.size),
                f"Table {rng.randint(31, 60)}. {_phrase(rng, 4, 9)}",
                fontname="hebo",
                fontsize=lay.size + 1,
            )
            y += 2 * lay.size + 6
        y = draw_layout(page, other, y)
        grids.append(expected_grid(other))
    y += 30
    for _ in range(rng.randint(0, 3)):
        page.insert_text((60, y), _phrase(rng, 10, 14) + ".", fontname="tiro", fontsize=10)
        y += 13
    data = doc.tobytes()
    doc.close()
    return data, grids
