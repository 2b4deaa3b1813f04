"""Words with boxes → text in reading order: Markdown (with tables), plain text, or source code.

The reader side of ``docextract ocr`` and ``docextract code``. Words come from a PDF text layer
(one box per word) or from OCR (one box per text line); rows are formed by
:func:`docextract.layout.group_rows`, so reading order is top to bottom, left to right, except
that columns of prose are read one after the other (:func:`regions`).

* :func:`words_to_markdown` — paragraphs separated by blank lines, large text as headings, and
  tables (found elsewhere, passed in as :class:`TableBlock`) as Markdown tables at their place.
* :func:`words_to_code` — indentation recovered from each row's left edge in character widths (a
  monospace font is assumed), spaces inside a row from the gaps between words, blank lines from
  vertical gaps.
* :func:`guess_language` — a programming language from simple keyword heuristics.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from docextract.layout import Line, group_blocks, group_rows, union_bbox
from docextract.types import BBox, Word

HEADING_RATIO = 1.6
"""A short row whose text is this many times taller than the body text becomes a heading."""


@dataclass
class TableBlock:
    """A table found on a page: its box (in the words' coordinates), header cells and body rows."""

    bbox: BBox
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


# --- Markdown / plain text -----------------------------------------------------------------------


def locate_tables(words: Sequence[Word], tables: Sequence[Any]) -> list[TableBlock]:
    """Give tables found in ``words`` (objects with ``columns`` and ``rows``) their boxes.

    A table's box is the union of the longest run of consecutive rows whose words are nearly all
    cell text of that table; tables that cannot be placed (fewer than 60 % of their words found)
    are dropped, so their words stay in the text.
    """
    lines = group_rows(words)
    used: set[int] = set()
    out: list[TableBlock] = []
    for table in tables:
        columns = [str(c) for c in getattr(table, "columns", []) or []]
        rows = [[str(c) for c in r] for r in getattr(table, "rows", []) or []]
        want = Counter(tok for cell in [*columns, *(c for r in rows for c in r)] for tok in cell.split())
        span = _best_run(lines, want, used)
        if span is None:
            continue
        used.update(range(*span))
        box = union_bbox(w.bbox for ln in lines[span[0] : span[1]] for w in ln.words)
        if box is not None:
            out.append(TableBlock(box, columns, rows))
    return out


def _best_run(lines: Sequence[Line], want: Counter[str], used: set[int]) -> tuple[int, int] | None:
    total = sum(want.values())
    if not total:
        return None
    marked = [i not in used and _row_in(ln, want) for i, ln in enumerate(lines)]
    best: tuple[int, int] | None = None
    best_hits = 0
    i = 0
    while i < len(lines):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and marked[j]:
            j += 1
        left = Counter(want)
        hits = 0
        for ln in lines[i:j]:
            for tok in ln.text.split():
                if left[tok] > 0:
                    left[tok] -= 1
                    hits += 1
        if hits > best_hits:
            best, best_hits = (i, j), hits
        i = j
    return best if best_hits >= 0.6 * total else None


def _row_in(line: Line, want: Counter[str]) -> bool:
    tokens = line.text.split()
    return bool(tokens) and sum(1 for t in tokens if want[t] > 0) >= 0.8 * len(tokens)


def words_to_markdown(words: Sequence[Word], tables: Sequence[TableBlock] = (), *, plain: bool = False) -> str:
    """The words as Markdown in reading order (``plain=True``: plain text, tables as aligned rows).

    Columns of prose (a two-column article) are read one after the other (:func:`regions`).
    Words whose centre lies inside a table's box are replaced by the table, which takes part in
    that reading order as one box.
    """
    free = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
    body = _body_height(group_rows(free))
    boxes = [Word("", *t.bbox) for t in tables]
    stand_ins = {id(b): t for b, t in zip(boxes, tables, strict=True)}
    chunks: list[str] = []
    for region in regions([*free, *boxes], unit=_median_height(free)):
        texts = [w for w in region if id(w) not in stand_ins]
        parts = [(block[0].y0, _block_text(block, body, plain)) for block in group_blocks(group_rows(texts))]
        for w in region:
            if (table := stand_ins.get(id(w))) is not None:
                parts.append((table.bbox[1], table_to_text(table) if plain else table_to_markdown(table)))
        chunks += [text for _, text in sorted(parts, key=lambda p: p[0]) if text]
    return "\n\n".join(chunks)


# Reading order across columns: a recursive XY cut (Nagy & Seth, 1984) that only cuts where the
# result reads like columns of prose, so receipts and forms (labels left, amounts right) keep
# their rows.
_BAND_GAP = 0.8  # a full-width horizontal gap this many text heights tall separates bands
_GUTTER = 1.0  # a column gutter is at least this many text heights wide
_MIN_COLUMN_ROWS = 3
_PROSE_CHARS = 15  # mean characters per row on each side of a gutter, for it to be prose


def regions(words: Sequence[Word], *, unit: float | None = None) -> list[list[Word]]:
    """The words in reading-order regions: bands top to bottom, columns of prose left to right.

    A band ends at a horizontal gap across the whole region that is taller than ``_BAND_GAP``
    text heights. Inside a band, a vertical gutter with no word in it, at least ``_GUTTER`` text
    heights wide, splits it into columns when each side has at least ``_MIN_COLUMN_ROWS`` rows
    averaging ``_PROSE_CHARS`` characters (so label/amount pairs and tables are not split).
    Bands and columns are cut again inside (three columns, a column's paragraphs). ``unit``:
    the text height (default: the median height of ``words``).
    """
    unit = _median_height(words) if unit is None else unit
    if unit <= 0:
        return [list(words)] if words else []
    out: list[list[Word]] = []
    _cut(list(words), unit, out, depth=0)
    return out


def _median_height(words: Sequence[Word]) -> float:
    heights = [w.y1 - w.y0 for w in words if w.y1 > w.y0]
    return statistics.median(heights) if heights else 0.0


def _cut(words: list[Word], unit: float, out: list[list[Word]], depth: int) -> None:
    if len(words) < 2 or depth > 12:
        if words:
            out.append(words)
        return
    bands = _split(words, lambda w: (w.y0, w.y1), _BAND_GAP * unit)
    if len(bands) > 1:
        for band in bands:
            _cut(band, unit, out, depth + 1)
        return
    columns = _split(words, lambda w: (w.x0, w.x1), _GUTTER * unit)
    if len(columns) > 1 and all(_is_prose(c) for c in columns):
        for column in columns:
            _cut(column, unit, out, depth + 1)
        return
    out.append(words)


def _split(words: list[Word], span: Any, min_gap: float) -> list[list[Word]]:
    """``words`` split where the intervals ``span(word)`` leave a gap wider than ``min_gap``."""
    ordered = sorted(words, key=lambda w: span(w)[0])
    groups: list[list[Word]] = [[ordered[0]]]
    reach = span(ordered[0])[1]
    for w in ordered[1:]:
        start, end = span(w)
        if start - reach > min_gap:
            groups.append([w])
        else:
            groups[-1].append(w)
        reach = max(reach, end)
    return groups


def _is_prose(words: list[Word]) -> bool:
    rows = group_rows(words)
    if len(rows) < _MIN_COLUMN_ROWS:
        return False
    return sum(len(ln.text) for ln in rows) / len(rows) >= _PROSE_CHARS


def table_to_markdown(table: TableBlock) -> str:
    """A GitHub-flavoured Markdown table (the first row is the header when ``columns`` is empty)."""
    rows = [list(r) for r in table.rows]
    header = list(table.columns) or (rows.pop(0) if rows else [])
    width = max([len(header), *(len(r) for r in rows)], default=0)
    if width == 0:
        return ""

    def fmt(cells: list[str]) -> str:
        cells = [_md_cell(c) for c in cells] + [""] * (width - len(cells))
        return "| " + " | ".join(cells) + " |"

    out = [fmt(header), "|" + "|".join(["---"] * width) + "|"]
    out.extend(fmt(r) for r in rows)
    return "\n".join(out)


def table_to_text(table: TableBlock) -> str:
    """The table as plain text: cells padded into aligned columns."""
    rows = [list(table.columns)] if table.columns else []
    rows += [list(r) for r in table.rows]
    rows = [[" ".join(c.split()) for c in r] for r in rows]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    sizes = [max(len(r[i]) for r in rows) for i in range(width)]
    return "\n".join("  ".join(c.ljust(s) for c, s in zip(r, sizes, strict=True)).rstrip() for r in rows)


def _md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _inside(word: Word, box: BBox) -> bool:
    return box[0] <= word.cx <= box[2] and box[1] <= word.cy <= box[3]


def _body_height(lines: Sequence[Line]) -> float:
    heights = [ln.height for ln in lines if ln.height > 0]
    return statistics.median(heights) if heights else 0.0


def _block_text(block: Sequence[Line], body: float, plain: bool) -> str:
    if plain:  # wide gaps (label ... value) stay wide
        return "\n".join(ln.text for ln in block)
    texts = [" ".join(ln.text.split()) for ln in block]
    tall = body > 0 and all(ln.height >= HEADING_RATIO * body for ln in block)
    if tall and len(block) <= 2 and sum(map(len, texts)) <= 120:
        return "## " + " ".join(texts)
    return "\n".join(_escape_md_line(t) for t in texts)


def _escape_md_line(text: str) -> str:
    """Keep a line of prose from turning into Markdown syntax it did not mean (a list, a heading)."""
    if re.match(r"^(#{1,6}\s|>|[-+*]\s+\S|\d+\.\s)", text) and not re.match(r"^[-+*•]\s", text):
        return "\\" + text
    return text


# --- code ----------------------------------------------------------------------------------------


def words_to_code(words: Sequence[Word]) -> str:
    """Source code from words rendered in a monospace font, indentation and blank lines restored."""
    lines = group_rows(words)
    if not lines:
        return ""
    char_w = char_width(words)
    margin = min(ln.x0 for ln in lines)
    indents = snap_indents([(ln.x0 - margin) / char_w for ln in lines])
    pitch = _line_pitch(lines)
    out: list[str] = []
    for i, (line, indent) in enumerate(zip(lines, indents, strict=True)):
        if i and pitch:
            gap = round((line.cy - lines[i - 1].cy) / pitch) - 1
            out.extend([""] * max(0, min(gap, 3)))
        out.append(" " * indent + _row_text(line, char_w))
    return "\n".join(out)


def char_width(words: Sequence[Word]) -> float:
    """Median width of one character (monospace), from words of at least two characters."""
    ratios = [(w.x1 - w.x0) / len(w.text) for w in words if len(w.text) >= 2 and w.x1 > w.x0]
    if not ratios:
        ratios = [(w.x1 - w.x0) / max(1, len(w.text)) for w in words if w.x1 > w.x0]
    return statistics.median(ratios) if ratios else 1.0


def snap_indents(raw: Sequence[float]) -> list[int]:
    """Indentation in characters, snapped to a 4- or 2-space grid when every row fits one."""
    for unit in (4, 2):
        if all(abs(r - unit * round(r / unit)) <= 0.25 * unit for r in raw):
            return [unit * round(r / unit) for r in raw]
    return [max(0, round(r)) for r in raw]


def _row_text(line: Line, char_w: float) -> str:
    """A row's words with as many spaces between them as the gaps hold characters (at least one)."""
    parts = [line.words[0].text]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        spaces = max(1, round((w.x0 - prev.x1) / char_w))
        parts.append(" " * spaces + w.text)
    return "".join(parts).rstrip()


def _line_pitch(lines: Sequence[Line]) -> float:
    """The usual distance between consecutive rows' centres (the smaller half of the gaps)."""
    steps = sorted(b.cy - a.cy for a, b in zip(lines, lines[1:], strict=False) if b.cy > a.cy)
    if not steps:
        return 0.0
    return statistics.median(steps[: max(1, (len(steps) + 1) // 2)])


# --- language ------------------------------------------------------------------------------------

_LANGUAGE_RULES: dict[str, tuple[str, ...]] = {
    "python": (r"^\s*def \w+\(.*\)\s*(->.*)?:\s*$", r"^\s*(from \w[\w.]* )?import \w", r"^\s*class \w+(\(.*\))?:\s*$",
               r"\bself\b", r"^\s*(elif|except|finally)\b", r"\b(None|True|False)\b", r"^\s*print\(", r":\s*$"),
    "javascript": (r"\bfunction\b", r"\b(const|let|var) \w+\s*=", r"=>", r"console\.log", r";\s*$", r"\brequire\("),
    "typescript": (r"\binterface \w+", r":\s*(string|number|boolean)\b", r"\bexport (type|interface)\b"),
    "java": (r"\bpublic (static )?(class|void)\b", r"System\.out\.print", r"\bprivate \w+ \w+;"),
    "c": (r"#include\s*<\w+\.h>", r"\bint main\(", r"\bprintf\(", r"\bmalloc\("),
    "cpp": (r"#include\s*<\w+>", r"\bstd::", r"\bcout\s*<<", r"\btemplate\s*<"),
    "go": (r"^package \w+", r"\bfunc \w*\(", r":=", r"\bfmt\.\w+\("),
    "rust": (r"\bfn \w+\(", r"\blet mut\b", r"\bimpl\b", r"println!\(", r"->\s*\w+\s*\{"),
    "ruby": (r"^\s*end\s*$", r"\bputs\b", r"^\s*def \w+(\(.*\))?\s*$", r"\.each do\b"),
    "php": (r"<\?php", r"\$\w+\s*=", r"\becho\b.*;"),
    "bash": (r"^#!.*\b(ba)?sh\b", r"^\s*(fi|done|esac)\s*$", r"\bthen\b", r"\becho\b", r"\$\{?\w+"),
    "sql": (r"(?i)\bselect\b.*\bfrom\b", r"(?i)\b(insert into|create table|where|group by)\b"),
    "html": (r"<(html|div|body|span|p|a)\b", r"</\w+>"),
    "css": (r"^\s*[.#]?[\w-]+\s*\{\s*$", r"^\s*[\w-]+:\s*[^;]+;\s*$"),
}


def guess_language(code: str) -> str | None:
    """The most likely programming language of ``code`` (lower case), or ``None`` when unsure."""
    lines = code.splitlines()
    # Each rule counts once: one distinctive construct outweighs many lines ending in ';' or ':'.
    scores = {
        lang: sum(1 for pattern in rules if any(re.search(pattern, line) for line in lines))
        for lang, rules in _LANGUAGE_RULES.items()
    }
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else None


__all__ = [
    "TableBlock",
    "char_width",
    "guess_language",
    "locate_tables",
    "snap_indents",
    "table_to_markdown",
    "table_to_text",
    "words_to_code",
    "words_to_markdown",
]
