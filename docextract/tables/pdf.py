"""Tables of digital PDF pages: ruled tables from vector lines, unruled ones from text alignment.

Ruled tables: the page's strokes (lines, thin rectangles, stroked rectangle edges) are joined into
horizontal and vertical rules; each group of crossing rules is a lattice whose cells are the boxes
between rules, joined across missing rules (merged cells). Cell text comes from the page's words.
A lattice is kept only when it does not cut words apart and its cells do not hold whitespace
columns (shading, not rules); a ruled row whose cells stack aligned lines of numbers is split into
its lines, one that stacks records (runs of lines at the leading, set further apart) into those.
The words left over are searched for whitespace tables (:mod:`docextract.tables.grid`), those
inside a drawn box (a framed table, a sidebar) apart from those outside it.
Filled shapes without a stroke (row shading, zebra stripes) are not rules.
"""

from __future__ import annotations

import bisect
import statistics
from typing import TYPE_CHECKING, Any

from docextract.schemas.table import Table
from docextract.tables.grid import (
    Line,
    RowText,
    Rule,
    finish_rows,
    group_lines,
    is_figure,
    is_table,
    make_table,
    placed_tables,
    split_chunks,
    tight_box,
)
from docextract.types import BBox, Word

if TYPE_CHECKING:
    from docextract.sources.mupdf import pymupdf

MIN_RULES = 2  # ruling segments needed in each direction before looking for ruled tables
MIN_SEGMENT = 3.0  # shorter strokes are glyph parts or dots, not rules
SNAP = 1.5  # points: positions this close are one rule
JOIN = 3.0  # points: collinear pieces this close are one rule, and rules this close cross
STACK_GAP = 15.0  # points between two lattices of one width that are still one table
MAX_ROW_SPAN = 12  # rows a merged cell may span (how far back a word's cell is searched)
MAX_CUT_WORDS = 0.02  # share of a ruled table's words its grid may cut before we distrust it
LEADING_GAP = 0.1  # text heights between two lines of one cell at most (set at the leading)
OVERLAP = 0.25  # text heights two lines of a ruled row overlap by when its cells are set apart
APART = 0.4  # text heights more than the leading between the records stacked in a ruled row


Direction = tuple[int, int]  # the text's reading direction in unrotated page space, snapped


def text_lines(pdf_page: pymupdf.Page) -> list[dict[str, Any]]:
    """The page's text lines (pymupdf's ``dict`` lines: ``dir``, ``spans``, ``bbox``), read once for
    :func:`text_direction` and :func:`page_words`."""
    return [line for block in pdf_page.get_text("dict", flags=0)["blocks"] for line in block.get("lines", [])]


def text_direction(lines: list[dict[str, Any]]) -> Direction:
    """The dominant reading direction of the page's text lines (:func:`text_lines`): (1, 0) for upright text."""
    counts: dict[Direction, int] = {}
    for line in lines:
        d = (round(line["dir"][0]), round(line["dir"][1]))
        counts[d] = counts.get(d, 0) + len(line["spans"])
    return max(counts, key=counts.__getitem__) if counts else (1, 0)


def orient(box: Any, d: Direction) -> BBox:
    """A box in the frame where text of direction ``d`` reads left to right, lines top to bottom."""
    c, s = d
    if (c, s) == (1, 0):
        return (box[0], box[1], box[2], box[3])
    xs = [box[0] * c + box[1] * s, box[2] * c + box[3] * s]
    ys = [-box[0] * s + box[1] * c, -box[2] * s + box[3] * c]
    return (min(xs), min(ys), max(xs), max(ys))


def page_words(pdf_page: pymupdf.Page, lines: list[dict[str, Any]], d: Direction = (1, 0)) -> list[Word]:
    """The text layer of a page as words, turned so that text of direction ``d`` is upright
    (PDF points; for ``(1, 0)`` the page's own frame, origin top-left). A line (of ``lines``,
    :func:`text_lines`) set across that direction (a column heading set upright) is one word,
    standing on its box's foot."""
    across = _lines_across(lines, d)
    out = []
    for t in pdf_page.get_text("words", sort=False):
        if t[4].strip():
            x0, y0, x1, y1 = orient(t[:4], d)
            w = Word(t[4], x0, y0, x1, y1)
            if not any(_inside(w, box) for _, box in across):
                out.append(w)
    for text, (x0, _, x1, y1) in across:
        out.append(Word(text, x0, y1 - (x1 - x0), x1, y1))  # as high as its text is across
    return out


def _lines_across(lines: list[dict[str, Any]], d: Direction) -> list[tuple[str, BBox]]:
    """Text lines running across direction ``d`` (their text and oriented box)."""
    out = []
    for line in lines:
        ld = (round(line["dir"][0]), round(line["dir"][1]))
        text = "".join(span["text"] for span in line["spans"]).strip()
        if text and ld[0] * d[0] + ld[1] * d[1] == 0:  # perpendicular
            out.append((" ".join(text.split()), orient(line["bbox"], d)))
    return out


def extract_pdf_tables(pdf_page: pymupdf.Page, page_no: int) -> list[Table]:
    """All tables of a digital PDF page, top to bottom.

    Ruled tables come from the page's ruling lines and rectangles (merged cells kept in their start
    cell, wrapped text joined); the remaining words are searched for whitespace-aligned tables.
    Pages whose text runs sideways or upside down are read in the text's own direction.
    Header rows become ``columns`` (see :func:`docextract.tables.grid.detect_header`).
    """
    lines = text_lines(pdf_page)
    d = text_direction(lines)
    hs, vs = ruling_segments(pdf_page)
    return ruled_and_open_tables(page_words(pdf_page, lines, d), hs, vs, page_no, d)


def ruled_and_open_tables(
    words: list[Word], hs: list[Segment], vs: list[Segment], page_no: int, d: Direction = (1, 0)
) -> list[Table]:
    """Tables of a page's words and ruling segments (in PDF points, page space; ``d`` turns them
    into the words' frame): ruled lattices first, then whitespace tables in what is left, a drawn
    frame bounding each. A scan's OCR words and ink rules go the same way
    (:func:`docextract.tables.scan.scan_tables`)."""
    # OCR boxes carry the detector's margin; a lattice places words by their text's extent
    placed = [tight_box(w) for w in words]
    found: list[tuple[float, Table]] = []
    boxes: list[BBox] = []
    for bbox, grid in _ruled_grids(hs, vs, placed, d):
        boxes.append(bbox)
        found.append((bbox[1], make_table(grid, page_no)))
    rest = [w for w, p in zip(words, placed, strict=True) if not any(_inside(p, b) for b in boxes)]
    rules = text_rules(hs, vs, d)
    for group in _by_frame(rest, [orient(b, d) for b in _frames(hs, vs)]):
        found += placed_tables(group, page_no, rules)
    return [t for _, t in sorted(found, key=lambda p: p[0])]


# ---------------------------------------------------------------- ruled tables


Segment = tuple[float, float, float]  # position, start, end: y, x0, x1 or x, y0, y1


def ruling_segments(pdf_page: pymupdf.Page) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical ruling segments of a page (lines, thin rectangles, rectangle edges),
    in unrotated page coordinates, collinear pieces joined."""
    hs: list[Segment] = []
    vs: list[Segment] = []
    for path in pdf_page.get_drawings():
        stroked = path.get("color") is not None  # else a fill: shading, whose edges are not rules
        for item in path["items"]:
            if item[0] == "l":
                p, q = item[1], item[2]
                if abs(p.y - q.y) <= SNAP:
                    hs.append(((p.y + q.y) / 2, min(p.x, q.x), max(p.x, q.x)))
                elif abs(p.x - q.x) <= SNAP:
                    vs.append(((p.x + q.x) / 2, min(p.y, q.y), max(p.y, q.y)))
            elif item[0] in ("re", "qu"):
                r = item[1] if item[0] == "re" else item[1].rect
                if r.height <= 2 * SNAP:
                    hs.append(((r.y0 + r.y1) / 2, r.x0, r.x1))
                elif r.width <= 2 * SNAP:
                    vs.append(((r.x0 + r.x1) / 2, r.y0, r.y1))
                elif stroked:
                    hs += [(r.y0, r.x0, r.x1), (r.y1, r.x0, r.x1)]
                    vs += [(r.x0, r.y0, r.y1), (r.x1, r.y0, r.y1)]
    return _join(hs), _join(vs)


def _join(segs: list[Segment]) -> list[Segment]:
    """Group segments by position (within SNAP) and join overlapping or touching ones."""
    groups: list[list[Segment]] = []
    for seg in sorted(s for s in segs if s[2] - s[1] >= MIN_SEGMENT):
        if groups and seg[0] - groups[-1][0][0] <= SNAP:
            groups[-1].append(seg)
        else:
            groups.append([seg])
    out: list[Segment] = []
    for group in groups:
        pos = sum(g[0] for g in group) / len(group)
        runs: list[list[float]] = []
        for _, a, b in sorted(group, key=lambda g: g[1]):
            if runs and a <= runs[-1][1] + JOIN:
                runs[-1][1] = max(runs[-1][1], b)
            else:
                runs.append([a, b])
        out += [(pos, a, b) for a, b in runs]
    return out


def _has_rules(hs: list[Segment], vs: list[Segment]) -> bool:
    """Whether there are enough segments in each direction to hold a ruled table."""
    return len(hs) >= MIN_RULES and len(vs) >= MIN_RULES


def lattice_tables(hs: list[Segment], vs: list[Segment]) -> list[tuple[BBox, list[BBox]]]:
    """Ruled tables: groups of crossing segments, each with its cells (merged cells as one box)."""
    out = []
    for h_group, v_group in _components(hs, vs):
        ys = _distinct([h[0] for h in h_group])
        xs = _distinct([v[0] for v in v_group])
        if len(ys) >= 2 and len(xs) >= 2:
            cells = _lattice_cells(ys, xs, h_group, v_group)
            if len(cells) >= 2:
                out.append(((xs[0], ys[0], xs[-1], ys[-1]), cells))
    return _stack(sorted(out, key=lambda t: t[0][1]))


def _stack(tables: list[tuple[BBox, list[BBox]]]) -> list[tuple[BBox, list[BBox]]]:
    """Join lattices stacked right under one another with the same width (a rule left out)."""
    out: list[tuple[BBox, list[BBox]]] = []
    for box, cells in tables:
        if out:
            (x0, y0, x1, y1), above = out[-1]
            if 0 <= box[1] - y1 <= STACK_GAP and abs(box[0] - x0) <= 2 * SNAP and abs(box[2] - x1) <= 2 * SNAP:
                top_row = [c for c in cells if abs(c[1] - box[1]) <= SNAP]
                gap = [(c[0], y1, c[2], box[1]) for c in top_row] if box[1] - y1 > 2 * SNAP else []
                out[-1] = ((min(x0, box[0]), y0, max(x1, box[2]), box[3]), above + gap + cells)
                continue
        out.append((box, cells))
    return out


def _crosses(h: Segment, v: Segment) -> bool:
    return h[1] - JOIN <= v[0] <= h[2] + JOIN and v[1] - JOIN <= h[0] <= v[2] + JOIN


def _components(hs: list[Segment], vs: list[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    """Connected groups of horizontal and vertical segments (union-find over crossings)."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _crosses(h, v):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _frames(hs: list[Segment], vs: list[Segment]) -> list[BBox]:
    """Closed boxes drawn on the page: groups of rules whose outer edges all run the box's full
    length (a table's outer frame, a boxed sidebar)."""
    out = []
    for h_group, v_group in _components(hs, vs):
        y0, y1 = min(h[0] for h in h_group), max(h[0] for h in h_group)
        x0, x1 = min(v[0] for v in v_group), max(v[0] for v in v_group)
        if all(_edge(h_group, y, x0, x1) for y in (y0, y1)) and all(_edge(v_group, x, y0, y1) for x in (x0, x1)):
            out.append((x0, y0, x1, y1))
    return out


def _edge(segs: list[Segment], pos: float, a: float, b: float) -> bool:
    """Whether a segment at ``pos`` runs from ``a`` to ``b``."""
    return any(abs(s[0] - pos) <= SNAP and s[1] <= a + JOIN and s[2] >= b - JOIN for s in segs)


def _by_frame(words: list[Word], frames: list[BBox]) -> list[list[Word]]:
    """The words inside each frame (the smallest one holding them) apart from those outside: a
    frame's edge bounds what reads as one table. Frames of fewer than three lines' height (a boxed
    total) bound nothing."""
    h = statistics.median(w.height for w in words) if words else 0.0
    frames = sorted((f for f in frames if f[3] - f[1] >= 3 * h), key=lambda f: (f[2] - f[0]) * (f[3] - f[1]))
    groups: dict[int, list[Word]] = {}
    for w in words:
        k = next((i for i, f in enumerate(frames) if _inside(w, f)), -1)
        groups.setdefault(k, []).append(w)
    return list(groups.values())


def _lattice_cells(ys: list[float], xs: list[float], hs: list[Segment], vs: list[Segment]) -> list[BBox]:
    """Cells of a lattice: elementary boxes joined across missing rules."""
    rows, cols = len(ys) - 1, len(xs) - 1

    def v_rule(x: float, y0: float, y1: float) -> bool:
        return any(abs(v[0] - x) <= SNAP and v[1] <= y0 + 2 * SNAP and v[2] >= y1 - 2 * SNAP for v in vs)

    def h_rule(y: float, x0: float, x1: float) -> bool:
        return any(abs(h[0] - y) <= SNAP and h[1] <= x0 + 2 * SNAP and h[2] >= x1 - 2 * SNAP for h in hs)

    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(rows):
        for j in range(cols):
            if j + 1 < cols and not v_rule(xs[j + 1], ys[i], ys[i + 1]):
                parent[find(i * cols + j)] = find(i * cols + j + 1)
            if i + 1 < rows and not h_rule(ys[i + 1], xs[j], xs[j + 1]):
                parent[find(i * cols + j)] = find((i + 1) * cols + j)
    boxes: dict[int, list[float]] = {}
    for i in range(rows):
        for j in range(cols):
            b = boxes.setdefault(find(i * cols + j), [xs[j], ys[i], xs[j + 1], ys[i + 1]])
            b[:] = [min(b[0], xs[j]), min(b[1], ys[i]), max(b[2], xs[j + 1]), max(b[3], ys[i + 1])]
    return [(b[0], b[1], b[2], b[3]) for b in boxes.values()]


def _inside(w: Word, box: BBox) -> bool:
    return box[0] <= w.cx <= box[2] and box[1] <= w.cy <= box[3]


def text_rules(hs: list[Segment], vs: list[Segment], d: Direction) -> list[Rule]:
    """The rules that run along the text lines, as (y, x0, x1) in the frame of :func:`page_words`."""
    boxes = [(x0, y, x1, y) for y, x0, x1 in hs] + [(x, y0, x, y1) for x, y0, y1 in vs]
    out = []
    for box in boxes:
        x0, y0, x1, y1 = orient(box, d)
        if x1 - x0 > y1 - y0:
            out.append(((y0 + y1) / 2, x0, x1))
    return sorted(out)


def _ruled_grids(
    hs: list[Segment], vs: list[Segment], words: list[Word], d: Direction
) -> list[tuple[BBox, list[list[str]]]]:
    if not _has_rules(hs, vs):
        return []
    out = []
    for box, cell_boxes in lattice_tables(hs, vs):
        bbox = orient(box, d)
        inside = [w for w in words if _inside(w, bbox)]
        cells = _cell_matrix([orient(c, d) for c in cell_boxes])
        placed = _assign(cells, inside)
        if not inside or _cut_share(cells, placed) > MAX_CUT_WORDS:
            continue
        grid = _fill(placed, [(c[1], c[0], c[2]) for row in cells for c in row if c is not None])
        # rules vouch for long text cells, but not for a framed paragraph of two lines
        ok = len(grid) > 2 and len(grid[0]) >= 2 or is_table(grid)
        if ok and not _too_coarse(placed):
            out.append((bbox, grid))
    return out


def _cell_matrix(cells: list[BBox]) -> list[list[BBox | None]]:
    """Cells placed on the grid of their distinct top and left edges; None under merged cells."""
    ys = _distinct([c[1] for c in cells])
    xs = _distinct([c[0] for c in cells])
    matrix: list[list[BBox | None]] = [[None] * len(xs) for _ in ys]
    for c in cells:
        matrix[_index(c[1], ys)][_index(c[0], xs)] = c
    return matrix


def _distinct(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(v: float, edges: list[float]) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _assign(cells: list[list[Any]], words: list[Word]) -> list[list[list[Word]]]:
    """The words of each cell (row by row, column by column) by their centre."""
    out: list[list[list[Word]]] = [[[] for _ in row] for row in cells]
    tops = [min((c[1] for c in row if c is not None), default=float("inf")) for row in cells]
    for w in words:
        r = bisect.bisect_right(tops, w.cy) - 1
        for i in range(r, max(-1, r - MAX_ROW_SPAN), -1):  # a merged cell may start rows above
            j = next((j for j, c in enumerate(cells[i]) if c is not None and _in_box(w, c)), None)
            if j is not None:
                out[i][j].append(w)
                break
    return out


def _in_box(w: Word, c: Any) -> bool:
    return c[0] <= w.cx <= c[2] and c[1] <= w.cy <= c[3]


def _cut_share(cells: list[list[Any]], placed: list[list[list[Word]]]) -> float:
    """Share of words that stick out of their cell by over a quarter of their width."""
    cut = total = 0
    for row, row_words in zip(cells, placed, strict=True):
        for c, ws in zip(row, row_words, strict=True):
            for w in ws:
                total += 1
                cut += max(0.0, c[0] - w.x0) + max(0.0, w.x1 - c[2]) > 0.25 * (w.x1 - w.x0)
    return cut / total if total else 1.0


def _too_coarse(placed: list[list[list[Word]]]) -> bool:
    """Whether cells hold whitespace-separated columns (a grid from shading or stripes, not rules)."""
    coarse = filled = 0
    for row_words in placed:
        lines = [ln for ws in row_words if ws for ln in group_lines(ws)]
        filled += bool(lines)
        coarse += any(len(split_chunks(ln, 2 * ln.height)) >= 3 for ln in lines)
    return coarse > 0.25 * filled


def _cell_text(words: list[Word]) -> str:
    return " ".join(" ".join(w.text for w in ln.words) for ln in group_lines(words))


def _fill(placed: list[list[list[Word]]], rules: list[Rule]) -> list[list[str]]:
    """Cell texts of a ruled grid; rows holding aligned lines of numbers are split into lines,
    which may join again as wrapped lines, never across one of ``rules`` (the cells' top edges)."""
    rows: list[RowText] = []
    for row_words in placed:
        rows += _split_row(row_words)
    return finish_rows(rows, rules)


def _row_text(per_cell: list[list[Word]]) -> RowText:
    ws = [w for cell in per_cell for w in cell] or [Word("", 0, 0, 0, 1)]
    row = RowText([_cell_text(c) for c in per_cell], min(w.y0 for w in ws), max(w.y1 for w in ws),
                  statistics.median(w.height for w in ws))  # fmt: skip
    row.spans = {j: (min(w.x0 for w in c), max(w.x1 for w in c)) for j, c in enumerate(per_cell) if c}
    return row


def _split_row(per_cell: list[list[Word]]) -> list[RowText]:
    """One ruled row, or several when its cells stack unruled records line by line."""
    lines = [group_lines(ws) for ws in per_cell]
    multi = [ls for ls in lines if len(ls) >= 2]
    numeric = any(all(is_figure(" ".join(w.text for w in ln.words)) for ln in ls) for ls in multi)
    bands = group_lines([w for ws in per_cell for w in ws])
    aligned = multi and len(bands) == max(len(ls) for ls in multi)  # lines line up across cells
    if len(multi) < 2 or not numeric or not aligned:
        parts = [_row_text(ws) for ws in _apart(per_cell, bands)]
        for part in parts if len(parts) > 1 else []:
            part.final = True  # records of their own: no line of one joins the next
        return parts
    rows = []
    for band in bands:
        ids = {id(w) for w in band.words}
        rows.append(_row_text([[w for w in ws if id(w) in ids] for ws in per_cell]))
    return rows


def _apart(per_cell: list[list[Word]], bands: list[Line]) -> list[list[list[Word]]]:
    """The words of a ruled row, cell by cell, split where its lines stand further apart than
    its cells' own lines do (unruled records under one rule: each a run of lines at the
    leading); one part when no line stands at the leading or none further, or when lines of
    different cells overlap (each cell's lines set on their own, as headings centred in cells)."""
    if len(bands) < 3:
        return [per_cell]
    h = statistics.median(b.height for b in bands)
    gaps = [b.y0 - a.y1 for a, b in zip(bands, bands[1:], strict=False)]
    lead = min(gaps)
    if not -OVERLAP * h <= lead <= LEADING_GAP * h:
        return [per_cell]
    parts: list[list[Line]] = [[bands[0]]]
    for gap, band in zip(gaps, bands[1:], strict=True):
        if gap > lead + APART * h:
            parts.append([band])
        else:
            parts[-1].append(band)
    out = []
    for part in parts:
        ids = {id(w) for band in part for w in band.words}
        out.append([[w for w in ws if id(w) in ids] for ws in per_cell])
    # each record opens with its label; else the lines are cells of a header set on their own
    return out if all(cells[0] for cells in out) else [per_cell]
