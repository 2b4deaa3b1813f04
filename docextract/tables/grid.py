"""Tables from positioned words: text lines, table regions, columns from whitespace, cells.

Works in any coordinate frame (PDF points or image pixels): every tolerance is relative to the
median text height. The same code serves the text layer of digital PDFs and OCR words of scans.

Steps: words → text lines (vertical overlap) → chunks (words split at wide gaps, and between
figures set close) → regions (runs of lines with two or more chunks, plus the short lines between
and just above them; a region holding two tables side by side, or a table beside running text,
cut in two) → columns (vertical whitespace gaps; the few chunks whose removal opens a gap are
spanning cells) → rows.

Horizontal ruling lines, where the page has them (digital PDFs), refine this: title lines above a
table's top rule are not the table; the lines above the rule under the header are the header,
split into rows only where a rule or a spanning cell separates them (a header cell of several
lines is one cell; its text goes to the top of its rule-free column run, the start cell of a cell
spanning rows); a header cell over a partial rule spans the columns that rule covers; and no two
lines join into one row across a rule.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from docextract.schemas.table import Table
from docextract.types import Word

CHUNK_GAP = 0.6  # a gap wider than this many text heights splits a line into cells
WORD_SPACE = 0.45  # the widest a space between two words of one cell is, in text heights
RUN_ON_SPACE = 0.3  # the narrowest space between cells set as close as words are, in text heights
# ... and how much wider than a chunk's other spaces it is: a text layer's spaces are the font's
# own width, OCR's are blanks in the ink, which vary with the letters either side
RUN_ON_WIDER = 1.15
RUN_ON_WIDER_OCR = 1.3
REGION_GAP = 2.2  # a vertical gap (in line heights) this large ends a table region
LOOKAHEAD = 4  # lone lines (section labels) may run this long before the next tabular line
SECTION_LINES = 2  # a section label between two parts of a table: at most this many lines
SECTION_GAP = 3.5  # ... at most this far below the rows above (in line heights; 5 and 3 lines: same)
MAX_SPANNING = 0.25  # at most this share of a region's chunks may be taken as spanning cells
OCR_PAD = 0.2  # share of an OCR box's height that is padding on each side
# OCR boxes, trimmed of their padding, reach only as far as the letters: the blank between two
# lines of one paragraph or cell is wider against their height than a text layer's
LEADING_GAP_OCR = 0.8  # a paragraph's next line, in line heights (0.5 in text layers)
WRAP_GAP_OCR = 1.25  # a cell's wrapped line (0.8 in text layers)
# Two words are on one line where their boxes overlap by this share of the shorter one. OCR boxes
# reach as far as the ink (about 0.8 of a font's box), so headings set half a line apart (centred
# over lines of their neighbours') overlap less: a third matches the text layer's half.
ON_LINE = 0.5
ON_LINE_OCR = 0.33

ALIGNED = 0.05  # text heights within which a heading's word ends where a column gap does
TIGHT = 0.75  # lines closer than this share of the row pitch are one row's lines
LEADING_MARGIN = 0.1  # text heights by which a cell's lines are closer than any two rows, at least
SET_APART = 1.3  # header lines this many times their leading apart are tiers of their own
MAX_HEADER = 8  # lines above the rule under the header that may still be a header

Rule = tuple[float, float, float]  # a horizontal ruling line: y, x0, x1 in the words' frame

# what statistical tables print for a figure not available, nil or withheld
_MARKS = {"-", "–", "—", "−", "n/a", "na", "n.a.", "..", "...", ":", "x", "*"}
_CAPTION = re.compile(r"^(table|exhibit|figure|fig\.|chart)\s*[:.]?\s*[\dA-Z]", re.IGNORECASE)
_FOOTER = re.compile(r"^(source|sources|note|notes)\b", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}\)|\*+)\s*[^\W\d]")  # "(1) Provisional.", "* Significant."
_YEAR = re.compile(r"^(1[89]|20)\d\d([-/–](\d\d|\d{4}))?[a-z*]?$")  # a year or a span of years
_PART_OF_YEAR = re.compile(r"^[A-Z]\d{1,2}$")  # a quarter, a half, a month: "Q2", "H1", "T3", "M04"
_UNIT_NUMBER = re.compile(r"^1(0+|([ ,.]?000)+)$")  # the power of ten of a unit ("per 1 000")
# A unit of measure heading a column: a share, a count, a scale, a currency (and its scale), an
# index base, a physical unit. A header line of these only is a units row; a unit in brackets
# ends the heading above it ("Area" / "(ha)").
_SCALE = r"(?:thousands?|millions?|billions?|th|m|mn|bn|'000|1[ ,.]?000(?:[ ,.]?000)*)"
_UNIT = re.compile(
    rf"^(?:%(?:\s*change)?|per\s*cent|percent|pp|p\.p\.|number|no\.|units?|{_SCALE}(?:\s+[^\W\d]{{1,6}})?"
    rf"|rate|ratio|index|\d{{4}}\s*=\s*100|per\s+{_SCALE}(?:\s+\w+)?|(?:(?-i:[A-Z]{{3}})|[$€£¥])\s*{_SCALE}?"
    rf"|{_SCALE}\s*(?:(?-i:[A-Z]{{3}})|[$€£¥])|kg|t|tonnes?|ha|km|hours?|days?|years?|persons?)$",
    re.IGNORECASE,
)
_UNIT_STUB = re.compile(r"^(?:units?|unit of measure|measure)$", re.IGNORECASE)
_UNIT_NOTE = re.compile(r"^(?:units?|unit of measure)\s*:", re.IGNORECASE)  # "Unit: EUR million" over a table
# Words no label ends on (articles, prepositions, conjunctions; en, de, fr, es, it, nl), as set
# inside a label, in lower case ("Class A" ends): a label ending on one goes on in the next line's
# cell, whatever that starts with ("aged" / "65 or over").
_OPEN_END = frozenset(
    "a an the of and or to by with from for at in on than under aged between per "
    "der die das des dem den und oder von mit für bis zu im unter "
    "le la les de du des et ou à au aux en pour par sur "
    "el los las del y o con por para entre "
    "il lo gli della delle dei e con per tra "
    "het een van en of met voor tot".split()
)
_GROUP = re.compile(r"^\d{3}(?:[.,]\d+)?[%)]*(?:[a-z*]|\((?:\d{1,2}|[a-z])\))?$")  # three digits that go on with a number ("237(b)": and its note)
_NOTE = re.compile(r"^\(\d{1,2}\)$")  # a note mark ("(1)")
_NOTED = re.compile(r"^(.*\d%?)\((?:\d{1,2}|[a-z])\)$")  # a figure and its note mark ("107.7(1)")
_FLAG = re.compile(r"^(?:[a-w]|\([a-w]\)|\*{1,3}|%|‰)$")  # set apart after a figure ("18 048 p", "35.6 %"; x marks a gap)
_GROUPED = re.compile(r"(?:^|[^\d.,])\d{1,3}$")  # a number's leading digits, or a group of them
_SIGN = re.compile(r"^[$€£¥₹]$|^[A-Z]{0,2}\$$")  # "$", "€", "US$"
# a figure, perhaps with a footnote mark set after it ("776a", "12.5*")
_NUMERIC = re.compile(r"^[\s(\[+\-−–—$€£¥%]*\d[\d\s.,'’%)\]]*[%)]*[a-z*†‡]?$")


@dataclass
class Chunk:
    """Adjacent words of one line that belong to one cell."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Line:
    """A text line: words sharing a vertical band, split into chunks."""

    words: list[Word]
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.height for w in self.words)

    @property
    def ocr(self) -> bool:
        """Whether its words are OCR boxes (a page's words come from one source)."""
        return self.words[0].source == "ocr"


# ---------------------------------------------------------------- lines and chunks


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Group words into text lines by vertical overlap, top to bottom, words left to right."""
    lines: list[Line] = []
    for w in sorted((w for w in words if w.text.strip()), key=lambda w: (w.cy, w.x0)):
        last = lines[-1] if lines else None
        if last is not None and _joins(last, w):
            last.words.append(w)
        else:
            lines.append(Line([w]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def _joins(line: Line, w: Word) -> bool:
    """Whether ``w`` sits on ``line``: compared with the line's first word and with its word
    nearest to ``w`` across (OCR boxes of one line drift up or down along it), never with the
    line as a whole, so that a line never grows into its neighbours (OCR boxes of adjacent
    lines overlap)."""
    near = min(line.words, key=lambda a: max(a.x0 - w.x1, w.x0 - a.x1))
    return _on(line.words[0], w) or _on(near, w)


def _on(a: Word, w: Word) -> bool:
    overlap = min(a.y1, w.y1) - max(a.y0, w.y0)
    share = ON_LINE_OCR if a.source == "ocr" or w.source == "ocr" else ON_LINE
    return overlap > share * min(a.height, w.height) or a.y0 <= w.cy <= a.y1 and w.height < a.height


def split_chunks(line: Line, gap: float | None = None) -> list[Chunk]:
    """Split a line where the horizontal gap exceeds ``gap`` (default: CHUNK_GAP × text height)."""
    limit = CHUNK_GAP * line.height if gap is None else gap
    chunks = [Chunk([line.words[0]])]
    for w in line.words[1:]:
        if w.x0 - chunks[-1].x1 > limit:
            chunks.append(Chunk([w]))
        else:
            chunks[-1].words.append(w)
    return chunks


def _split_figures(chunks: list[Chunk]) -> list[Chunk]:
    """A run of figures set closer than a column gap ("21.0 20.8 19.2", "2008 2009") is a cell per
    figure, unless a figure goes on with the next group of three digits ("12 345") or is a year's
    note mark ("2007 (1)"); a flag or sign set apart after a figure ("18 048 p", "35.6 %") stays
    with it. OCR boxes are parted so too, now that their ends are their ink (``Word.spans``;
    with the detector's margins for ends, ICDAR tune read through OCR had F1 0.890 without this,
    0.800 with it)."""
    out: list[Chunk] = []
    for c in (part for chunk in chunks for part in _label_and_figures(chunk)):
        figures = _figure(c.words[0].text) and all(_figure_or_flag(w.text) for w in c.words)
        if len(c.words) < 2 or not figures:
            out.append(c)
            continue
        part = [c.words[0]]
        for w in c.words[1:]:
            if _goes_on_figure(part[-1].text, w.text):
                part.append(w)
            else:
                out.append(Chunk(part))
                part = [w]
        out.append(Chunk(part))
    return out


def _goes_on_figure(before: str, text: str) -> bool:
    """Whether ``text``, set a space after the figure ``before``, is part of the same cell: the
    next group of three digits ("12 345"), a year's note mark ("2007 (1)"), or a flag."""
    return bool(_GROUP.match(text) and _GROUPED.search(before) or _NOTE.match(text) and _YEAR.match(before)
                or _FLAG.match(text))


def split_figure_boxes(words: Sequence[Word]) -> list[Word]:
    """OCR boxes that hold a run of figures ("1,087,000 1,108,150", "21.0 20.8"), cut into a box
    per figure, as :func:`_split_figures` parts a text layer's words: the detector boxes cells set
    close together as one line. The cuts are placed by character count (figures are set in
    tabular widths). Boxes of other text, and figures that go on ("4 820"), stay whole."""
    out: list[Word] = []
    for w in words:
        tokens = w.text.split(" ")
        if w.source != "ocr" or len(tokens) < 2 or not _figure(tokens[0]) or not all(map(_figure_or_flag, tokens)):
            out.append(w)
            continue
        parts = [[tokens[0]]]
        for t in tokens[1:]:
            if _goes_on_figure(parts[-1][-1], t):
                parts[-1].append(t)
            else:
                parts.append([t])
        if len(parts) == 1:
            out.append(w)
            continue
        per_char = (w.x1 - w.x0) / len(w.text)
        start = 0
        for part in parts:
            text = " ".join(part)
            out.append(Word(text, w.x0 + start * per_char, w.y0, w.x0 + (start + len(text)) * per_char, w.y1,
                            w.confidence, w.source))
            start += len(text) + 1
    return out


def _figure(text: str) -> bool:
    """Whether a word is a figure, perhaps with a note mark set close after it ("107.7(1)", "54(b)")."""
    noted = _NOTED.match(text)
    return is_figure(noted.group(1) if noted else text)


def _figure_or_flag(text: str) -> bool:
    """Whether a word is a figure, or a flag or sign set apart after one ("p", "%")."""
    return _figure(text) or bool(_FLAG.match(text))


def _label_and_figures(c: Chunk) -> list[Chunk]:
    """A chunk of words and figures set closer than a column gap but farther apart than its
    words ("Hospital beds 38,4 p 36,1", "24,8 Stable"): the words (no figure among them, three at
    most after the figures) and the figures parted where they meet, by a space wider than a
    word space. Otherwise the chunk as it is."""
    if len(c.words) < 2:
        return [c]
    runs = [[w for _, w in run] for _, run in itertools.groupby(
        ((_figure_or_flag(w.text), w) for w in c.words), key=lambda kw: kw[0])]
    if len(runs) != 2:
        return [c]
    figures_first = is_figure(runs[0][0].text)
    label, figures = (runs[1], runs[0]) if figures_first else runs
    if not is_figure(figures[0].text) or figures_first and len(label) > 3:
        return [c]
    spaces = [b.x0 - a.x1 for a, b in zip(label, label[1:], strict=False)]
    height = statistics.median(w.height for w in c.words)
    if runs[1][0].x0 - runs[0][-1].x1 <= max([RUN_ON_SPACE * height, *(1.25 * s for s in spaces)]):
        return [c]
    return [Chunk(runs[0]), Chunk(runs[1])]


def _attach_signs(chunks: list[Chunk]) -> list[Chunk]:
    """A currency sign set apart at the left of its column belongs to the figure after it."""
    out: list[Chunk] = []
    for c in chunks:
        if out and _SIGN.match(out[-1].text) and is_numeric(c.text):
            out[-1] = Chunk(out[-1].words + c.words)
        else:
            out.append(c)
    return out


# ---------------------------------------------------------------- regions


def find_regions(lines: list[Line], rules: Sequence[Rule] = ()) -> list[list[Line]]:
    """Runs of lines that look tabular (two or more chunks) with short lines between and above;
    a caption or a table's closing rule followed by the next one's opening rule ends a run."""
    regions: list[list[Line]] = []
    i = 0
    while i < len(lines):
        if not _tabular(lines[i]) or i and _text_goes_on(lines[i - 1], lines[i]):
            i += 1
            continue
        start = i
        # a caption wrapped onto this line (side by side, two captions' ends make two cells)
        if i and _captions(lines[i - 1]) and _wraps_onto(lines[i - 1], lines[i]):
            start = i - 1
        j = i
        while (
            j + 1 < len(lines)
            and _continues(lines, j)
            and not _two_rules(lines[j], lines[j + 1], rules)
            and not _note_between(lines, j, rules)
        ):
            j += 1
        while j > start and not _tabular(lines[j]):  # never end on a lone line
            j -= 1
        region = _trim(_extend_up(lines, start, lines[start : j + 1]))
        if region:
            regions.append(region)
        i = j + 1
    return regions


def _tabular(ln: Line) -> bool:
    """Whether a line may be a table's: two cells or more, not all of them runs of running text
    (a line across two columns of text is two such runs)."""
    return len(ln.chunks) >= 2 and not all(_running(c, ln.height) for c in ln.chunks)


def _running(c: Chunk, height: float) -> bool:
    """Whether a chunk is a run of running text: six words or more, fifteen text heights wide or
    more (a table's wordiest cells wrap sooner)."""
    return len(c.words) >= 6 and c.x1 - c.x0 >= 15 * height


def _text_goes_on(above: Line, ln: Line) -> bool:
    """Whether ``ln`` goes on with the columns of running text of the line above: ``above`` is
    runs of running text, and each cell of ``ln`` starts where one of them starts, a leading
    below (the short last lines of two paragraphs side by side)."""
    if len(above.chunks) < 2 or _tabular(above) or len(ln.chunks) > len(above.chunks):
        return False
    return _starts_under(above, ln, [c.x0 for c in above.chunks])


def _line_text(ln: Line) -> str:
    return " ".join(w.text for w in ln.words)


def _trim(region: list[Line]) -> list[Line]:
    """Drop a caption ("Table 3. ...") above a region, with the lines it wraps onto, and a unit
    note ("Unit: EUR million", "(%)"), and source notes below it, with the footnotes after them."""
    while region and _CAPTION.match(_line_text(region[0])):
        caption, region = region[0], region[1:]
        while region and _wraps_onto(caption, region[0]):
            caption, region = region[0], region[1:]
    while region and len(region[0].chunks) == 1 and _unit_note(_line_text(region[0])):
        region = region[1:]
    lone = len(region)
    while lone and len(region[lone - 1].chunks) == 1:
        lone -= 1
    footer = next((k for k in range(lone, len(region)) if _ends_table(_line_text(region[k]))), len(region))
    return region[:footer]


def _unit_note(text: str) -> bool:
    """Whether a line over a table gives its unit: "Unit: EUR million", or a unit in brackets,
    "(%)", "(per 1 000 inhabitants)"."""
    bracketed = text.startswith("(") and text.endswith(")") and _UNIT.match(text[1:-1].strip())
    return bool(_UNIT_NOTE.match(text) or bracketed)


def _ends_table(text: str) -> bool:
    """Whether a lone line after a table's last row ends it: a source, a note, a footnote or the
    caption of the table (set under it) or of the next."""
    return bool(_FOOTER.match(text) or _FOOTNOTE.match(text) or _CAPTION.match(text))


def _captions(ln: Line) -> bool:
    """Whether a line is two captions or more set side by side (each cell one)."""
    return len(ln.chunks) >= 2 and all(_CAPTION.match(c.text) for c in ln.chunks)


def _caption_wraps_onto(above: Line, ln: Line) -> bool:
    """Whether ``ln`` is the next line of the caption ``above``."""
    return bool(_CAPTION.match(_line_text(above))) and _wraps_onto(above, ln)


def _wraps_onto(above: Line, ln: Line) -> bool:
    """Whether ``ln`` goes on with the paragraph of ``above``: the same size, a leading below,
    each of its cells starting where one of ``above`` starts (two captions side by side wrap
    as two cells), or, one line centred under another, on its centre."""
    if _captions(above):
        return _starts_under(above, ln, [c.x0 for c in above.chunks])
    return _starts_under(above, ln, [above.words[0].x0]) or (
        len(ln.chunks) == 1 and abs(_centre(ln) - _centre(above)) < above.height / 2 and _leading_below(above, ln)
    )


def _centre(ln: Line) -> float:
    return (min(w.x0 for w in ln.words) + max(w.x1 for w in ln.words)) / 2


def _starts_under(above: Line, ln: Line, starts: list[float]) -> bool:
    """Whether ``ln`` is set a leading under ``above`` in its size, each of its cells starting at
    one of ``starts``."""
    return _leading_below(above, ln) and all(any(abs(c.x0 - x) < above.height for x in starts) for c in ln.chunks)


def _leading_below(above: Line, ln: Line) -> bool:
    """Whether ``ln`` is set a leading under ``above``, in its size."""
    return _same_size(above, ln) and _gap(above, ln) < (LEADING_GAP_OCR if above.ocr or ln.ocr else 0.5)


def _extend_down(region: list[Line], lines: list[Line], rules: Sequence[Rule]) -> list[Line]:
    """A region with the lone lines under its last tabular line that belong to it: those down
    to the rule across the table that closes them (the last row's wrapped or half-empty lines),
    or lines at the leading that continue a cell of the line above, inside its column."""
    k = _index_of(lines, region[-1])
    left, right = _tabular_extent(region)
    h = statistics.median(ln.height for ln in region)
    across = sorted(r[0] for r in rules if _full_width(r, left, right))
    tail: list[Line] = []
    keep = 0
    prev = region[-1]
    budget, i = LOOKAHEAD, k
    while budget and i + 1 < len(lines) and not _note_between(lines, i, rules):
        i += 1
        ln = lines[i]
        budget -= not _goes_on(prev, ln)
        text = _line_text(ln)
        inside = ln.chunks[0].x0 >= left - h and ln.chunks[-1].x1 <= right + h
        if (
            len(ln.chunks) >= 2  # the region ended above a line of cells: another table's
            or not inside
            or not _same_size(ln, prev)
            or _gap(prev, ln) > REGION_GAP
            or _ends_table(text)
        ):
            break
        tail.append(ln)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if keep == len(tail) - 1 and (_goes_on(prev, ln) or _label_row(region, prev, ln, nxt)):
            keep = len(tail)
        below = lines[i + 1].y0 if i + 1 < len(lines) else ln.y1 + 2 * h
        if any(ln.y1 <= y <= min(below, ln.y1 + 2 * h) for y in across):
            keep = len(tail)  # a rule across the table closes the lines so far
        prev = ln
    return region + tail[:keep]


def _label_row(region: list[Line], prev: Line, ln: Line, nxt: Line | None) -> bool:
    """Whether a lone line under a table is its last row, holding only a label: inside the first
    column, as far below the line above as the table's rows are apart, and further from what
    follows (a paragraph after the table spans its columns or stands apart)."""
    rows = [i for i in range(1, len(region)) if len(region[i].chunks) >= 2]
    if len(rows) < 2:
        return False
    second = min(region[i].chunks[1].x0 for i in rows)  # where the second column starts
    step = statistics.median(_gap(region[i - 1], region[i]) for i in rows)
    if ln.chunks[-1].x1 >= second or abs(_gap(prev, ln) - step) > 0.15:
        return False
    return nxt is None or not _same_size(ln, nxt) or _gap(ln, nxt) > step + 0.5


def _ruled_across(region: list[Line], rules: Sequence[Rule]) -> bool:
    """Whether rules across the region frame it and part its lines (one between two lines and
    one more): text set in columns that rules cut into rows is a table, not a page's columns."""
    left, right = _tabular_extent(region)
    ys = [r[0] for r in _rules_near(region, rules) if _full_width(r, left, right)]
    inner = [y for y in ys if region[0].y1 < y < region[-1].y0]
    return len(ys) >= 2 and bool(inner)


def _continues_cells(above: Line, ln: Line) -> bool:
    """Whether each chunk of ``ln`` lies under one chunk of ``above``, before the next one."""
    for c in ln.chunks:
        under = [a for a in above.chunks if a.x0 - 2 * ln.height < c.x1 and c.x0 < a.x1]
        nxt = [a.x0 for a in above.chunks if a.x0 > c.x0]
        if len(under) != 1 or nxt and c.x1 >= min(nxt):
            return False
    return True


def _gap(a: Line, b: Line) -> float:
    return (b.y0 - a.y1) / max(a.height, b.height, 1e-6)


def _continues(lines: list[Line], j: int) -> bool:
    """Whether line j+1 still belongs to the region that line j is in."""
    nxt = lines[j + 1]
    if _gap(lines[j], nxt) > REGION_GAP or _CAPTION.match(_line_text(nxt)) and not _off_to_a_side(lines[j], nxt):
        return False
    if _tabular(nxt):
        return True
    if not _same_size(lines[j], nxt) or _FOOTER.match(
        _line_text(nxt)
    ):  # a heading in another font size separates two tables
        return False
    # a lone chunk (section label, wrapped cell) stays if a tabular line follows closely; lines
    # that go on with a cell of the line above (a long text cell) do not count against that
    budget, k = LOOKAHEAD, j + 2
    while budget and k < len(lines):
        if _tabular(lines[k]):
            return _gap(lines[k - 1], lines[k]) <= REGION_GAP
        if _CAPTION.match(_line_text(lines[k])):
            return False
        budget -= not _goes_on(lines[k - 1], lines[k])
        k += 1
    return False


def _off_to_a_side(ln: Line, other: Line) -> bool:
    """Whether ``other`` lies wholly left or right of ``ln``'s cells, a text height apart or more
    (the caption of a table set beside this one)."""
    return other.chunks[-1].x1 < ln.chunks[0].x0 - ln.height or other.chunks[0].x0 > ln.chunks[-1].x1 + ln.height


def _two_rules(a: Line, b: Line, rules: Sequence[Rule]) -> bool:
    """Whether a rule across line ``a`` and, lower down, a rule across line ``b`` lie between
    them (one table's bottom rule and the next one's top rule; a double rule is drawn closer)."""

    def across(ln: Line) -> list[float]:
        x0, x1 = ln.words[0].x0, ln.words[-1].x1
        return [y for y, r0, r1 in rules if _mid(a) < y < _mid(b) and r0 <= x0 + ln.height and r1 >= x1 - ln.height]

    under_a, over_b = across(a), across(b)
    return bool(under_a and over_b) and max(over_b) - min(under_a) > 0.5 * a.height


def _rules_under(a: Line, b: Line, rules: Sequence[Rule], ln: Line) -> list[Rule]:
    """The rules between lines ``a`` and ``b`` that run across the whole of line ``ln``."""
    x0, x1, h = ln.words[0].x0, ln.words[-1].x1, ln.height
    return [r for r in rules if _mid(a) < r[0] < _mid(b) and r[1] <= x0 + h and r[2] >= x1 - h]


def _note_between(lines: list[Line], j: int, rules: Sequence[Rule]) -> bool:
    """Whether a rule under line ``j`` closes a table and, after lone lines (a note), a rule of
    another width opens the next one (the rules of one table, around a section label, are as wide
    as each other)."""
    closing = _rules_under(lines[j], lines[j + 1], rules, lines[j])
    if not closing or len(lines[j + 1].chunks) >= 2:
        return False
    k = j + 2
    while k < len(lines) and k <= j + 1 + LOOKAHEAD and len(lines[k].chunks) < 2:
        k += 1
    if k >= len(lines) or k > j + 1 + LOOKAHEAD:
        return False
    opening = _rules_under(lines[k - 1], lines[k], rules, lines[k])
    tol = 2 * lines[j].height
    return any(abs(a[1] - b[1]) > tol or abs(a[2] - b[2]) > tol for a in closing for b in opening)


def _goes_on(above: Line, ln: Line) -> bool:
    """Whether ``ln`` is a further line of cells of ``above``: at the leading, under them."""
    return _same_size(above, ln) and _gap(above, ln) <= 0.5 and _continues_cells(above, ln)


def _same_size(a: Line, b: Line) -> bool:
    # OCR's boxes are as tall as the line's letters reach ("Industry" 24 px, "2007" 20 px;
    # "conditioning supply" 31 px under "steam and air" 23 px)
    return abs(a.height - b.height) <= (0.35 if a.ocr or b.ocr else 0.15) * max(a.height, b.height)


def _extend_up(lines: list[Line], start: int, region: list[Line]) -> list[Line]:
    """Add header lines above: close lines whose text lies inside the region but off its left edge
    (not a caption's second line)."""
    left = min(c.x0 for ln in region for c in ln.chunks)
    right = max(c.x1 for ln in region for c in ln.chunks)
    width = right - left
    k = start - 1
    while k >= 0 and _gap(lines[k], region[0]) <= 1.5:
        ln = lines[k]
        inside = ln.chunks[0].x0 > left + 0.1 * width and ln.chunks[-1].x1 <= right + 0.05 * width
        if not inside or not _same_size(ln, region[0]) or k and _caption_wraps_onto(lines[k - 1], ln):
            break
        region.insert(0, ln)
        k -= 1
    return region


# ---------------------------------------------------------------- columns


def _union_gaps(spans: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """Gaps between the union of x-intervals, at least ``min_gap`` wide."""
    gaps = []
    spans = sorted(spans)
    end = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - end >= min_gap:
            gaps.append((end, x0))
        end = max(end, x1)
    return gaps


def find_columns(region: list[Line], exclude: frozenset[int] = frozenset()) -> list[tuple[float, float]]:
    """Column separators (whitespace gaps) of a region, after setting spanning chunks (and the
    chunks whose ``id`` is in ``exclude``) aside."""
    # only lines with several cells define columns: lone chunks are titles, labels or spans
    chunks = [c for ln in region if len(ln.chunks) >= 2 for c in ln.chunks if id(c) not in exclude]
    if not chunks:
        return []
    h = statistics.median(ln.height for ln in region)
    min_gap = 0.3 * h
    spans = [(c.x0, c.x1) for c in chunks]
    gaps = _union_gaps(spans, min_gap)
    spanning: set[int] = set()
    budget = max(1, int(MAX_SPANNING * len(chunks)))
    # a gap that setting a chunk aside opens lies inside it, between chunks that overlap it (no
    # other reaches into it): only those are looked at, found by their starts (a page of 4,000
    # cells took seconds here when each chunk was tried against all)
    by_start = sorted(range(len(spans)), key=lambda i: spans[i][0])
    starts = [spans[i][0] for i in by_start]
    widest = max(x1 - x0 for x0, x1 in spans)
    for idx in sorted(range(len(chunks)), key=lambda i: spans[i][0] - spans[i][1]):
        if len(spanning) >= budget or len(spanning) + 1 >= len(spans):
            break
        c0, c1 = spans[idx]
        window = by_start[bisect.bisect_left(starts, c0 - widest) : bisect.bisect_left(starts, c1)]
        near = [spans[i] for i in window if spans[i][1] > c0 and i != idx and i not in spanning]
        new = _union_gaps(near, min_gap) if near else []
        if any(c0 < g0 and g1 < c1 and not _overlaps_any((g0, g1), gaps) for g0, g1 in new):
            spanning.add(idx)
            gaps = _union_gaps([s for i, s in enumerate(spans) if i not in spanning], min_gap)
    gaps = sorted(gaps + _gaps_under_headings(region, exclude, gaps, min_gap))
    # gaps that several spanning chunks close together (titles, notes inside long tables)
    allowed = int(0.08 * sum(1 for ln in region if len(ln.chunks) >= 2))
    if allowed:
        extra = [g for g in _crossed_gaps(spans, allowed, min_gap) if not _overlaps_any(g, gaps)]
        gaps = sorted(gaps + extra)
    return gaps


def _gaps_under_headings(
    region: list[Line], exclude: frozenset[int], gaps: list[tuple[float, float]], min_gap: float
) -> list[tuple[float, float]]:
    """Gaps between the columns of the lines from the first figure down that only lines above it
    close: group headings over several columns, wrapped over lines of their own ("Gross
    domestic" / "product (EUR" / "million)" over "Current prices" and "Volume")."""
    first = _first_figures(region)
    rows = [ln for ln in region[first:] if len(ln.chunks) >= 2]
    if not first or first > MAX_HEADER or len(rows) < 3:  # a header over rows of figures
        return []
    body = [(c.x0, c.x1) for ln in rows for c in ln.chunks if id(c) not in exclude]
    return [g for g in _union_gaps(body, min_gap) if not _overlaps_any(g, gaps)] if body else []


def _crossed_gaps(spans: list[tuple[float, float]], allowed: int, min_gap: float) -> list[tuple[float, float]]:
    """Whitespace gaps crossed by at most ``allowed`` chunks (each crossing it entirely)."""
    edges = sorted({x for s in spans for x in s})
    zones: list[list[float]] = []
    for a, b in zip(edges, edges[1:], strict=False):
        count = sum(1 for x0, x1 in spans if x0 <= a and b <= x1)
        if count <= allowed:
            if zones and zones[-1][1] == a:
                zones[-1][1] = b
            else:
                zones.append([a, b])
    out = []
    for z0, z1 in zones:
        inside = [(max(x0, z0), min(x1, z1)) for x0, x1 in spans if x0 < z1 and z0 < x1 and not (x0 <= z0 and z1 <= x1)]
        free = _free_parts(z0, z1, inside)
        best = max(free, key=lambda g: g[1] - g[0], default=None)
        if best and best[1] - best[0] >= min_gap and z0 > edges[0] and z1 < edges[-1]:
            out.append(best)
    return out


def _free_parts(z0: float, z1: float, covered: list[tuple[float, float]]) -> list[tuple[float, float]]:
    parts, x = [], z0
    for c0, c1 in sorted(covered):
        if c0 > x:
            parts.append((x, c0))
        x = max(x, c1)
    if x < z1:
        parts.append((x, z1))
    return parts


def _overlaps_any(gap: tuple[float, float], gaps: list[tuple[float, float]]) -> bool:
    return any(g0 < gap[1] and gap[0] < g1 for g0, g1 in gaps)


def _split_at_gaps(chunk: Chunk, gaps: list[tuple[float, float]]) -> list[Chunk]:
    """Split a chunk where a word gap falls inside a column gap (two cells set too close)."""
    parts = [Chunk([chunk.words[0]])]
    for w in chunk.words[1:]:
        prev = parts[-1].x1
        if any(prev <= g1 and w.x0 >= g0 and min(w.x0, g1) - max(prev, g0) >= 0 for g0, g1 in gaps):
            parts.append(Chunk([w]))
        else:
            parts[-1].words.append(w)
    return parts


def _column_of(x0: float, x1: float, gaps: list[tuple[float, float]]) -> int:
    """The column of a cell spanning x0..x1: the one its start lies in; a cell starting inside a
    gap belongs to the column it reaches into (a wider number, bold or signed, in a right-aligned
    column), one lying inside a gap to the nearer side."""
    j = 0
    for g0, g1 in gaps:
        j += x0 >= g1 or x0 >= g0 and (x1 > g1 or x0 + x1 >= g0 + g1)
    return j


def _last_column(x0: float, x1: float, gaps: list[tuple[float, float]]) -> int:
    """The last column a cell spanning x0..x1 reaches: it crosses each gap it passes entirely."""
    return _column_of(x0, x1, gaps) + sum(1 for g0, g1 in gaps if x0 < g0 and g1 < x1)


def region_grid(region: list[Line], rules: Sequence[Rule] = ()) -> list[list[str]]:
    """The cell texts of a region: one row per text line (wrapped cells joined; header lines by
    the ruling lines, see the module docstring), empty columns dropped and complementary neighbour
    columns (a ragged or centred column split in two) merged."""
    rules = _rules_near(region, rules)
    head = _header_size(region, rules)
    spanned = _spanned_chunks(region, head, rules)
    gaps = find_columns(region, frozenset(spanned))
    rows = _place(region, gaps, spanned)
    # columns no line fills both of, side by side (centred headings over right-aligned figures,
    # a ragged column), are one column before lines are joined by their cells
    joined = _complementary_gaps(rows, gaps)
    if joined:
        gaps = [g for i, g in enumerate(gaps) if i not in joined]
    short = _short_groups(region, gaps)
    if joined or short:
        rows = _place(region, gaps, spanned | short)
    body = _join_ruled_rows(rows[head:], rules, _tabular_extent(region))
    grid = finish_rows((_header_rows(rows[:head], rules) if head else []) + body, rules)
    return grid if head else _stub_heading_up(grid)


def _short_groups(region: list[Line], gaps: list[tuple[float, float]]) -> dict[int, Rule]:
    """Header headings narrower than a column gap, centred on one between two columns that each
    have a heading of their own under it ("2010" over "Number" and "%"): a group heading over
    both (``id`` -> the columns' extent, as :func:`_spanned_chunks` gives it). A heading of one
    column is aligned with its column, not centred on a gap."""
    first = _first_figures(region)
    if not gaps or not 1 < first <= MAX_HEADER:
        return {}
    left, right = _tabular_extent(region)
    edges = [left] + [x for g in gaps for x in g] + [right]
    out: dict[int, Rule] = {}
    for i, ln in enumerate(region[: first - 1]):
        heads = [(c.x0 + c.x1) / 2 for b in region[i + 1 : first] for c in b.chunks]
        for c in ln.chunks:
            for k, (g0, g1) in enumerate(gaps):
                x0, x1 = edges[2 * k], edges[2 * k + 3]
                if (
                    abs(c.x0 + c.x1 - g0 - g1) <= ln.height
                    and not (c.x0 < g0 and g1 < c.x1)
                    and x0 - ln.height <= c.x0
                    and c.x1 <= x1 + ln.height
                    and any(x0 <= m <= g0 for m in heads)
                    and any(g1 <= m <= x1 for m in heads)
                ):
                    out[id(c)] = (ln.y1, x0, x1)
            for k in range(1, len(gaps)):
                x0, x1 = edges[2 * k - 2], edges[2 * k + 3]  # the three columns around column k
                if id(c) not in out and _heads_three(c, ln, _next_over(region[i + 1 : first], x0, x1), edges, k):
                    out[id(c)] = (ln.y1, x0, x1)
            if id(c) not in out:
                pair = _between_headings(c, region, i, first, gaps)
                if pair is not None:
                    out[id(c)] = (ln.y1, edges[2 * pair[0]], edges[2 * pair[1] + 1])
    return out


def _next_over(lines: list[Line], x0: float, x1: float) -> Line:
    """The first of ``lines`` with anything between x0 and x1 (past a heading set beside them at
    mid height between two lines), or the first."""
    return next((ln for ln in lines if any(x0 <= d.x1 and d.x0 <= x1 for d in ln.chunks)), lines[0])


def _between_headings(c: Chunk, region: list[Line], i: int, first: int, gaps: list[tuple[float, float]]) -> tuple[int, int] | None:
    """The columns of the headings next to a heading of header line ``i`` on either side in the
    header's lines below, when it is over neither and over nothing else in the table: a group
    heading over both, centred on columns wider than their text ("2010" over a right-aligned
    "Males" and "Females", decimal-aligned figures under them). None when it is over anything,
    or a column between the two holds anything else (its own figures, to the side of it)."""
    others = [o for k, ln in enumerate(region) if k != i for o in ln.chunks]
    if any(o.x0 < c.x1 and c.x0 < o.x1 for o in others):
        return None
    below = [o for ln in region[i + 1 : first] for o in ln.chunks if not is_figure(o.text)]  # (marks for none too)
    left = max((o for o in below if o.x1 <= c.x0), key=lambda o: o.x1, default=None)
    right = min((o for o in below if c.x1 <= o.x0), key=lambda o: o.x0, default=None)
    if left is None or right is None:
        return None
    start, last = _column_of(left.x0, left.x1, gaps), _column_of(right.x0, right.x1, gaps)
    if not 0 < start < last:
        return None
    # a column between the two that holds anything but this heading is its own
    return None if any(start < _column_of(o.x0, o.x1, gaps) < last for o in others) else (start, last)


def _heads_three(c: Chunk, ln: Line, below: Line, edges: list[float], k: int) -> bool:
    """Whether ``c``, centred over column ``k`` (or over the three) and alone over it and its two
    neighbours, heads the three: the line right under it has a heading in each, the middle one
    no next line of ``c`` ("2010" over "Q1", "Q2", "Q3"; not "Share of" over "total")."""
    x0, x1 = edges[2 * k], edges[2 * k + 1]
    centre = c.x0 + c.x1  # (twice) on the middle column's centre or the three's
    if min(abs(centre - x0 - x1), abs(centre - edges[2 * k - 2] - edges[2 * k + 3])) > ln.height:
        return False
    if not (x0 - ln.height <= c.x0 and c.x1 <= x1 + ln.height):
        return False
    if any(o is not c and edges[2 * k - 2] <= o.x1 and o.x0 <= edges[2 * k + 3] for o in ln.chunks):
        return False
    under = [[d for d in below.chunks if edges[2 * j] <= (d.x0 + d.x1) / 2 <= edges[2 * j + 1]] for j in (k - 1, k, k + 1)]
    if not all(len(u) == 1 for u in under):
        return False
    return not _carries_on(c.text, under[1][0].text) and c.text.split()[-1] not in _OPEN_END


def _stub_heading_up(grid: list[list[str]]) -> list[list[str]]:
    """A header without a rule under it: the stub column's heading set on the header's last line
    (bottom aligned, beside the leaf headings) spans the header's rows, so it goes in the first,
    as the ruled header's cells move up their empty columns."""
    first = next((k for k, row in enumerate(grid) if any(_datum(c) for c in row if c)), 0)
    while first > 1 and not any(grid[first - 1][1:]):
        first -= 1  # section labels under the header
    # a header line of nothing but the stub's and the last column's headings, set between the
    # tiers (centred on the header): they span its rows, so they go in the first
    for k in range(first - 1, 0, -1):
        edge = {j for j, c in enumerate(grid[k]) if c}
        if edge and edge <= {0, len(grid[k]) - 1} and not any(row[j] for row in grid[:k] for j in edge):
            for j in edge:
                grid[0][j] = grid[k][j]
            del grid[k]
            first -= 1
    last = first - 1
    if last >= 1 and grid[last][0] and any(grid[last][1:]) and not any(row[0] for row in grid[:last]):
        grid[0][0], grid[last][0] = grid[last][0], ""
    return grid


def _place(region: list[Line], gaps: list[tuple[float, float]], spanned: dict[int, Rule]) -> list[RowText]:
    """Each line's chunks put in the columns between ``gaps``."""
    ncols = len(gaps) + 1
    centres = _column_centres(region, gaps)
    edges = _tabular_extent(region)
    rows: list[RowText] = []
    for ln in region:
        row = RowText([""] * ncols, ln.y0, ln.y1, ln.height, ocr=ln.ocr)
        for chunk in ln.chunks:
            if id(chunk) in spanned:  # one cell over the columns its rule covers
                _, r0, r1 = spanned[id(chunk)]
                covered = [j for j, c in enumerate(centres) if r0 <= c <= r1]
                j = covered[0] if covered else _column_of(chunk.x0, chunk.x1, gaps)
                _put(row, j, chunk, covered[-1] if covered else j)
                continue
            # a line's only chunk is one cell: lines of one chunk define no column gap; nor is
            # a heading centred over the columns it crosses, in a line of words
            parts = _run_on_cells(chunk, ln.height, gaps)
            if parts is None:
                if len(ln.chunks) == 1 and not _fills_gap(chunk, gaps, ln.height) or _centred_heading(ln, chunk, gaps, edges):
                    parts = [chunk]
                else:
                    cells = _run_on_cells(chunk, ln.height, gaps, partial=True) or [chunk]
                    parts = [q for c in cells for q in ([c] if _centred_heading(ln, c, gaps, edges) else _split_at_gaps(c, gaps))]
            for part in parts:
                _put(row, _column_of(part.x0, part.x1, gaps), part, _last_column(part.x0, part.x1, gaps))
        rows.append(row)
    return rows


def _words(chunk: Chunk) -> Chunk:
    """The chunk with each OCR line cut into its words where the reader measured their ink
    (``Word.spans``): a box's words are known only where a column gap may part it."""
    out: list[Word] = []
    for w in chunk.words:
        tokens = w.text.split(" ")
        if len(tokens) < 2 or len(w.spans) != len(tokens):
            out.append(w)
            continue
        out += [replace(w, text=t, x0=a, x1=b, spans=()) for t, (a, b) in zip(tokens, w.spans, strict=True)]
    return Chunk(out) if len(out) > len(chunk.words) else chunk


def _letter_width(chunk: Chunk) -> float:
    """The mean width of a chunk's letters."""
    return sum(w.x1 - w.x0 for w in chunk.words) / max(1, sum(len(w.text) for w in chunk.words))


def _run_on_cells(chunk: Chunk, height: float, gaps: list[tuple[float, float]], partial: bool = False) -> list[Chunk] | None:
    """A chunk of cells set too close to part, parted: it crosses column gaps with a space
    between its words inside each ("Under 65 and Under 65 and" over leaf columns four points
    apart, "Share of Enrolment"), parted at the widest space inside each gap. None when it is
    not. ``partial``: parted only at the gaps whose spaces stand out, where not all do (a word
    of the chunk may cross a gap itself): the heading after such a space may be one centred over
    two columns ("unemployment" / "Average usual", a word space apart, over "Number" and "%")."""
    crossed = [g for g in gaps if chunk.x0 < g[0] and g[1] < chunk.x1]
    if not crossed:
        return None
    chunk = _words(chunk)
    pairs = list(enumerate(zip(chunk.words, chunk.words[1:], strict=False), 1))
    cuts = []
    for g0, g1 in crossed:
        spaces = [(b.x0 - a.x1, k) for k, (a, b) in pairs if a.x1 <= g1 and b.x0 >= g0]
        if spaces:
            cuts.append(max(spaces)[1])
        elif not partial:
            return None
    if not cuts or len(set(cuts)) < len(cuts):
        return None
    # the cells are set farther apart than its words are (a heading's words a space apart, over
    # columns set as close, stay one); with no other space to go by, farther than a word space
    # can be: 0.3 text heights, or a letter and more (a monospaced font's space is a letter wide).
    widths = [b.x0 - a.x1 for _, (a, b) in pairs]
    wider = RUN_ON_WIDER_OCR if chunk.words[0].source == "ocr" else RUN_ON_WIDER
    cuts.sort(key=lambda k: -widths[k - 1])
    for n in range(len(cuts), 0 if partial else len(cuts) - 1, -1):
        inner = [w for k, w in enumerate(widths, 1) if k not in cuts[:n]]
        bound = wider * max(inner) if inner else max(RUN_ON_SPACE * height, 1.1 * _letter_width(chunk))
        if widths[cuts[n - 1] - 1] > bound:
            bounds = [0, *sorted(cuts[:n]), len(chunk.words)]
            return [Chunk(chunk.words[i:j]) for i, j in zip(bounds, bounds[1:], strict=False)]
    return None


def _fills_gap(chunk: Chunk, gaps: list[tuple[float, float]], height: float) -> bool:
    """Whether two words of ``chunk`` end and start where one of ``gaps`` does (within
    ``ALIGNED`` text heights): two cells set close, each the widest of its column ("Deaths
    Status" over figures right-aligned on "Deaths" and labels starting under "Status")."""
    edge = ALIGNED * height
    return any(
        abs(a.x1 - g0) <= edge and abs(b.x0 - g1) <= edge
        for a, b in zip(chunk.words, chunk.words[1:], strict=False)
        for g0, g1 in gaps
    )


def _centred_heading(ln: Line, chunk: Chunk, gaps: list[tuple[float, float]], edges: tuple[float, float]) -> bool:
    """Whether ``chunk`` is a group heading set over several columns ("Share of GDP (%)" over
    "EU-27" and "Euro area"): it crosses a column gap, its line holds no figure (but years), and
    it stands centred over the columns it reaches. Two cells set too close are not centred so."""
    first, last = _column_of(chunk.x0, chunk.x1, gaps), _last_column(chunk.x0, chunk.x1, gaps)
    crossed = [g for g in gaps if chunk.x0 < g[1] and g[0] < chunk.x1]
    if not crossed or _holds_figure(ln):
        return False
    # its words are set a space apart where it crosses a gap, not as far as cells are; nor do
    # two of them end and start where the gap does
    if any(b.x0 - a.x1 > WORD_SPACE * ln.height for a, b in zip(chunk.words, chunk.words[1:], strict=False)):
        return False
    if _fills_gap(chunk, crossed, ln.height):
        return False
    left = gaps[first - 1][1] if first else edges[0]
    right = gaps[last][0] if last < len(gaps) else edges[1]
    slack = 0.15 * (right - left) + 0.5 * ln.height
    return right > left and abs((chunk.x0 + chunk.x1) - (left + right)) / 2 <= slack


def _complementary_gaps(rows: list[RowText], gaps: list[tuple[float, float]]) -> set[int]:
    """Indices of the gaps between neighbour columns that no line fills both of and whose texts
    sit close (as :func:`_merge_complementary` merges them after the lines are joined)."""
    h = statistics.median(r.height for r in rows)
    out: set[int] = set()
    used = [r.filled for r in rows]
    extent = _extent(rows, 0)
    for i in range(len(gaps)):
        right = _extent(rows, i + 1)
        clash = any(i in u and i + 1 in u for u in used)
        if extent != (0.0, 0.0) and right != (0.0, 0.0) and not clash and right[0] - extent[1] < 1.5 * h:
            out.add(i)
            used = [u | {i + 1} if i in u else u for u in used]  # the merged column goes on as i + 1
            extent = (min(extent[0], right[0]), max(extent[1], right[1]))
        else:
            extent = right
    return out


def _put(row: RowText, j: int, part: Chunk, last: int) -> None:
    row.cells[j] = f"{row.cells[j]} {part.text}".strip()
    a = row.spans.get(j, (part.x0, part.x1))
    row.spans[j] = (min(a[0], part.x0), max(a[1], part.x1))
    row.cover[j] = max(row.cover.get(j, j), last)


# ---------------------------------------------------------------- ruling lines


def _tabular_extent(region: list[Line]) -> tuple[float, float]:
    lines = [ln for ln in region if len(ln.chunks) >= 2] or region
    return min(c.x0 for ln in lines for c in ln.chunks), max(c.x1 for ln in lines for c in ln.chunks)


def _rules_near(region: list[Line], rules: Sequence[Rule]) -> list[Rule]:
    """The rules that cross the region's columns, from just above its first line to just below its last."""
    if not rules or not region:
        return []
    left, right = _tabular_extent(region)
    h = statistics.median(ln.height for ln in region)
    top, bottom = region[0].y0 - h, region[-1].y1 + h
    return sorted(r for r in rules if top <= r[0] <= bottom and r[1] < right and left < r[2])


def _full_width(rule: Rule, left: float, right: float) -> bool:
    margin = 0.05 * (right - left)
    return rule[1] <= left + margin and rule[2] >= right - margin


def _mid(ln: Line | RowText) -> float:
    return (ln.y0 + ln.y1) / 2


def below_top_rule(region: list[Line], rules: Sequence[Rule]) -> list[Line]:
    """A region without the title lines above its top rule: lines of a single chunk each (a
    caption's second line, a unit line) above the first rule across the whole table, but for a
    header line over it whose words, set close, head a column each (split into cells)."""
    rules = _rules_near(region, rules)
    if len(region) < 3 or not rules:
        return region
    region = _within_top_rule(region, rules)
    left, right = _tabular_extent(region)
    for y, _, _ in (r for r in rules if _full_width(r, left, right)):
        above = sum(1 for ln in region if _mid(ln) < y)
        if above == len(region):
            break
        if not above:
            return region  # it starts under its top rule: a one-cell line there is a heading
        if any(len(ln.chunks) >= 2 for ln in region[:above]):
            return region
        gaps = find_columns(region[above:])
        while above and _headings_over(region[above - 1], gaps):
            above -= 1  # a header line set close as one cell, above the rule under the header
            region[above].chunks = [Chunk([w]) for w in region[above].words]
        return region[above:]
    return region


def _within_top_rule(region: list[Line], rules: list[Rule]) -> list[Line]:
    """A region without the lines above its top rule that reach out past the rule's ends, when
    the lines under the rule keep within them: a table's top rule spans it, and the text above
    that is wider (a page's two columns of running text) is not the table's."""
    counts = ((rule, sum(1 for ln in region if _mid(ln) < rule[0])) for rule in rules)
    top = next(((rule, above) for rule, above in counts if 0 < above < len(region)), None)
    if top is None:
        return region
    (_, x0, x1), above = top
    slack = statistics.median(ln.height for ln in region)
    inside = [all(x0 - slack <= w.x0 and w.x1 <= x1 + slack for w in ln.words) for ln in region]
    below = inside[above:]  # the table's rows (not a total under its own rule)
    if len(below) >= 3 and sum(below) >= 0.9 * len(below) and not all(inside[:above]):
        return region[above:]
    return region


def _headings_over(ln: Line, gaps: list[tuple[float, float]]) -> bool:
    """Whether a line's words are one heading word over each of two columns or more (set closer
    than cells, so read as one): a caption's or a unit line's words run on over the columns."""
    columns = [_column_of(w.x0, w.x1, gaps) for w in ln.words]
    crossing = any(_last_column(w.x0, w.x1, gaps) != j for w, j in zip(ln.words, columns, strict=True))
    return len(set(columns)) == len(columns) >= 2 and not crossing


def _header_size(region: list[Line], rules: list[Rule]) -> int:
    """Number of header lines: those above the first rule across the table that has lines below
    it, when none of them holds a number (0 without such a rule)."""
    if not rules:
        return 0
    left, right = _tabular_extent(region)
    for rule in rules:
        if not _full_width(rule, left, right):
            continue
        y = rule[0]
        above = sum(1 for ln in region if _mid(ln) < y)
        if not above:
            continue
        if above == len(region) or above > MAX_HEADER:
            return 0
        numbers = any(_holds_figure(ln) for ln in region[:above])
        return 0 if numbers else above
    return 0


def _spanned_chunks(region: list[Line], head: int, rules: list[Rule]) -> dict[int, Rule]:
    """Chunks of the first ``head`` lines set over a partial rule (a rule under a group heading):
    ``id`` → that rule."""
    out: dict[int, Rule] = {}
    if not head:
        return out
    left, right = _tabular_extent(region)
    for ln in region[:head]:
        for c in ln.chunks:
            centre, slack = (c.x0 + c.x1) / 2, ln.height
            below = [r for r in rules if r[0] > _mid(ln) and r[1] <= centre <= r[2]]
            if not below:
                continue
            rule = min(below)
            if rule[1] <= c.x0 + slack and rule[2] >= c.x1 - slack and not _full_width(rule, left, right):
                out[id(c)] = rule
    return out


def _column_centres(region: list[Line], gaps: list[tuple[float, float]]) -> list[float]:
    left, right = _tabular_extent(region)
    edges = [left] + [x for g in gaps for x in g] + [right]
    return [(edges[2 * j] + edges[2 * j + 1]) / 2 for j in range(len(gaps) + 1)]


def _ruled_between(a: RowText, b: RowText, rules: Sequence[Rule], x0: float, x1: float) -> bool:
    """Whether a rule between rows ``a`` and ``b`` (above ``b``) crosses x0..x1."""
    ya, yb = _mid(a), _mid(b)
    return any(ya < y < yb and r0 < x1 and x0 < r1 for y, r0, r1 in rules)


def _row_extent(*rows: RowText) -> tuple[float, float]:
    spans = [s for r in rows for s in r.spans.values()]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else (0.0, 0.0)


def _spans_columns(row: RowText) -> bool:
    return any(last > j for j, last in row.cover.items())


def _header_rows(lines: list[RowText], rules: list[Rule]) -> list[RowText]:
    """Header lines as header rows: lines join into one row unless a rule, a cell spanning
    columns or a row of units separates them (the lines of group headings wrapped over lines of
    their own, set closer than the tiers, join as one); then each cell's text moves up its
    column, over empty cells and no rule, to the top of the run (the start cell of a cell
    spanning rows), joining a cell of one column it meets there."""
    tiers: list[list[RowText]] = [[lines[0]]]
    width = max(len(r.filled - {0}) for r in lines)
    steps = [_mid(b) - _mid(a) for a, b in zip(lines, lines[1:], strict=False)]
    for i, b in enumerate(lines[1:]):
        a = tiers[-1][-1]
        ruled = _ruled_between(a, b, rules, *_row_extent(a, b))
        # a heading's lines are set closer than the header's tiers (the widest step below them)
        closer = steps[i] < max(steps[i + 1 :], default=0.0) - LEADING_MARGIN * b.height
        joins = not ruled and ((closer or _carried_on(a, b)) and _wraps_headings(a, b) or _group_goes_on(a, b))
        under = {} if joins or ruled else _centred_under(a, b)
        if joins or under:
            _move_under(a, b, under)
            tiers[-1].append(b)
        elif (any(map(_spans_columns, tiers[-1])) or _spans_columns(b) or ruled or _units_row(a, width)
              or _units_row(b, width) or _year_over_tier(tiers[-1], b)):
            tiers.append([b])
        else:
            tiers[-1].append(b)
    rows = []
    for tier in tiers:
        row = tier[0]
        for other in tier[1:]:
            _absorb(row, other)
            for j, last in other.cover.items():
                row.cover[j] = max(row.cover.get(j, j), last)
        rows.append(row)
    for k in range(1, len(rows)):
        if _units_row(rows[k], width):
            continue  # units stay under their headings
        for j in sorted(rows[k].filled):
            if rows[k].cover.get(j, j) > j:
                continue
            x = sum(rows[k].spans[j]) / 2
            top = k
            while top > 0 and not _ruled_between(tiers[top - 1][-1], tiers[top][0], rules, x, x):
                owner = next((s for s, last in rows[top - 1].cover.items() if s <= j <= last), None)
                if owner is None and _under_year(rows[top - 1], rows[k], j):
                    break  # a leaf beside the year's own: the year heads them both
                if owner is not None:
                    if owner == j and rows[top - 1].cover[j] == j and not _year_over(rows[top - 1].cells[j], rows[k].cells[j]):
                        rows[top - 1].cells[j] = f"{rows[top - 1].cells[j]} {rows[k].cells[j]}"
                        rows[k].cells[j] = ""
                        rows[k].cover.pop(j, None)
                    break
                top -= 1
            if top < k and rows[k].cells[j]:
                rows[top].cells[j], rows[k].cells[j] = rows[k].cells[j], ""
                rows[top].cover[j] = j
                rows[top].spans[j] = rows[k].spans[j]
                rows[k].cover.pop(j, None)
    for row in rows:
        row.final = True
    return rows


def _year_over(above: str, text: str) -> bool:
    """Whether a heading is a year over a heading that does not go on from it: a year is a
    heading whole, so the two are tiers ("2010" over "Number" and "%", set over wide columns,
    where it is not seen to span both), but for a part of the year it goes on in ("2011" / "Q2")."""
    return bool(_YEAR.match(above)) and not _carries_on(above, text) and not _PART_OF_YEAR.match(text)


def _year_over_tier(tier: list[RowText], b: RowText) -> bool:
    """Whether a year of a header tier's lines stands over a heading of line ``b`` in its column
    (lines between it and ``b`` empty there) that does not go on from it: see :func:`_year_over`."""
    return any(
        _year_over(next((r.cells[j] for r in reversed(tier) if r.cells[j]), ""), b.cells[j]) for j in b.filled
    )


def _under_year(above: RowText, row: RowText, j: int) -> bool:
    """Whether column ``j`` of header row ``row`` is a leaf of the group a year in ``above`` heads:
    its nearest heading to the left in ``above`` is a year kept over a leaf of its own, each
    column between holds a leaf, with nothing over it, and the year reaches out past them all,
    towards this one ("%" beside "Number" under "2010"; not "Rank" beyond the group)."""
    i = j - 1
    while i > 0 and not above.cells[i] and row.cells[i]:
        i -= 1
    if i <= 0 or not row.cells[i] or not _year_over(above.cells[i], row.cells[i]):
        return False
    return above.spans[i][1] > max((row.spans[c][1] for c in range(i, j) if c in row.spans), default=above.spans[i][1])


def _units_row(row: RowText, width: int) -> bool:
    """Whether a header line is a row of units ("EUR m | % | index"), which is a row of its own:
    units only, labelled "Unit" or under most of the ``width`` columns the header's widest line
    heads (a unit under some headings only is the end of theirs: "Area" / "(ha)")."""
    cells = [c for j, c in enumerate(row.cells) if c and not (j == 0 and _UNIT_STUB.match(c))]
    labelled = len(cells) < len(row.filled)  # "Unit" in the stub column
    return len(cells) >= (2 if labelled else max(2, 0.6 * width)) and all(_UNIT.match(c) for c in cells)


def _centred_under(a: RowText, b: RowText) -> dict[int, int]:
    """When each heading of line ``b`` is the next line of a group heading in ``a`` (centred
    under a heading of ``a`` in the same columns, the two over several: "Unemployment" / "rate
    (%)", "Net" / "migration"), or starts on ``b`` with nothing above it (a heading of one line
    set on the bottom line beside them: "Deaths" beside "Crude birth" / "rate"; the others then
    read on from their lines above, where a new tier would start anew: "Livestock units" over
    "2008", beside "2007"): each heading's column -> the column its heading above starts in.
    Empty when not."""
    starts: dict[int, int] = {}
    alone = False
    for j in b.filled:
        last = b.cover.get(j, j)
        above = [k for k in a.filled if k <= last and j <= a.cover.get(k, k)]
        if not above and j:
            alone = True
            continue
        if len(above) != 1 or above[0] in starts.values():
            return {}
        k = above[0]
        if max(last, a.cover.get(k, k)) == k or abs(sum(a.spans[k]) - sum(b.spans[j])) >= b.height:
            return {}
        starts[j] = k
    if alone and not all(_carries_on(a.cells[k], b.cells[j]) or _open_ended(a.cells[k], b.cells[j]) for j, k in starts.items()):
        return {}
    return starts


def _move_under(a: RowText, b: RowText, starts: dict[int, int]) -> None:
    """Set each heading of ``b`` and the heading above it in ``a`` (``starts``, as
    :func:`_centred_under` gives them) in the same columns, the wider line's, to join there: a
    heading's lines are centred on its columns, and its narrower line reaches fewer of them."""
    for j, k in starts.items():
        last = max(b.cover.pop(j, j), a.cover.pop(k, k))
        first = min(j, k)
        if j != first:
            b.cells[first], b.cells[j] = b.cells[j], ""
            b.spans[first] = b.spans.pop(j)
        if k != first:
            a.cells[first], a.cells[k] = a.cells[k], ""
            a.spans[first] = a.spans.pop(k)
        a.cover[first] = b.cover[first] = last


def _group_goes_on(a: RowText, b: RowText) -> bool:
    """Whether each heading of line ``b`` goes on with the group heading over its columns in line
    ``a``, starting in the same column, that ends on a word no heading ends on ("Public
    expenditure on" / "education as % of GDP")."""
    groups = {s: last for s, last in a.cover.items() if last > s}
    cells = [j for j in b.filled if j or a.cells[0]]  # (beside them, the stub's heading)
    return bool(cells) and all(
        j in groups and b.cover.get(j, j) <= groups[j] and _open_ended(a.cells[j], b.cells[j]) for j in cells
    )


def _carried_on(a: RowText, b: RowText) -> bool:
    """Whether the headings of line ``b`` over the same columns as a group heading of line ``a``
    read as its next line ("Share of total" / "deaths (%)"), so the two are lines of one heading
    even where the header's tiers are set no farther apart; a new tier's heading starts anew
    ("Livestock units" / "2008")."""
    shared = _shared_groups(a, b)
    return bool(shared) and all(_carries_on(a.cells[j], b.cells[j]) for j in shared)


def _shared_groups(a: RowText, b: RowText) -> list[int]:
    """The columns where lines ``a`` and ``b`` each hold a heading spanning the same columns."""
    return [j for j in a.filled & b.filled if a.cover.get(j, j) == b.cover.get(j, j) > j]


def _wraps_headings(a: RowText, b: RowText) -> bool:
    """Whether header lines ``a`` and ``b`` are lines of the same group headings ("Share of
    population" / "aged 65 and over"): they share a heading spanning columns, and each heading of
    one spans the same columns as the other's heading it meets, if any (a heading wraps onto
    fewer lines than its neighbours, top or bottom aligned)."""

    def meets(r: RowText, j: int, last: int) -> list[int]:
        return [k for k in r.filled if k <= last and j <= r.cover.get(k, k)]

    shared = _shared_groups(a, b)
    return bool(shared) and all(
        meets(o, j, r.cover.get(j, j)) in ([], [j]) and (not o.cells[j] or o.cover.get(j, j) == r.cover.get(j, j))
        for r, o in ((a, b), (b, a))
        for j in r.filled
    )


def _join_ruled_rows(rows: list[RowText], rules: list[Rule], extent: tuple[float, float]) -> list[RowText]:
    """Rows of a table ruled between its rows: the lines between two rules across the table make
    rows as a header's lines do (cells of several lines joined, a heading spanning columns a row
    of its own), unless they stack records (numbers in one column)."""
    inner = [r[0] for r in rules if _full_width(r, *extent) and rows and _mid(rows[0]) < r[0] < _mid(rows[-1])]
    if len(inner) < 2:
        return rows
    bands: dict[int, list[RowText]] = {}
    for r in rows:
        bands.setdefault(bisect.bisect(inner, _mid(r)), []).append(r)
    out: list[RowText] = []
    for band in bands.values():
        stacked = any(_stacked(a, b) for i, a in enumerate(band) for b in band[i + 1 :])
        out += band if stacked or len(band) == 1 else _header_rows(band, rules)
    return out


def _stacked(a: RowText, b: RowText) -> bool:
    """Whether two lines are records of their own: both hold a number in one column."""
    return any(is_figure(a.cells[j]) and is_figure(b.cells[j]) for j in a.filled & b.filled)


def is_figure(text: str) -> bool:
    """Whether a cell reads as a figure: a number or a mark for none (":", "-", "n/a")."""
    return is_numeric(text) or text.strip().lower() in _MARKS


def finish_rows(rows: list[RowText], rules: Sequence[Rule] = ()) -> list[list[str]]:
    """Grid of placed rows: wrapped lines joined (never across one of ``rules``), empty rows and
    columns dropped, complementary neighbour columns merged."""
    rows = [r for r in _join_wrapped(rows, rules) if r.filled]
    if not rows:
        return []
    ncols = len(rows[0].cells)
    keep = [j for j in range(ncols) if any(r.cells[j] for r in rows)]
    grid = [[r.cells[j] for j in keep] for r in rows]
    return _merge_complementary(grid, [_extent(rows, j) for j in keep], statistics.median(r.height for r in rows))


@dataclass
class RowText:
    """One text line (or ruled row) placed on the columns: cell texts, vertical extent, cell spans."""

    cells: list[str]
    y0: float
    y1: float
    height: float
    spans: dict[int, tuple[float, float]] = field(default_factory=dict)
    cover: dict[int, int] = field(default_factory=dict)  # start column -> last column a cell covers
    final: bool = False  # a header row placed by the rules: joins no neighbour
    ocr: bool = False  # its words are OCR boxes

    @property
    def filled(self) -> set[int]:
        return {j for j, c in enumerate(self.cells) if c}


def _extent(rows: list[RowText], j: int) -> tuple[float, float]:
    spans = [r.spans[j] for r in rows if j in r.spans]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else (0.0, 0.0)


def _is_continuation(text: str) -> bool:
    return bool(text) and (text[0].islower() or text[0] in "(&[") and not is_numeric(text)


def _carries_on(above: str, text: str) -> bool:
    """Whether a cell's line goes on with the cell above: in lower case, closing a bracket the
    line above left open ("Primary education (ISCED" / "1)"), or a note mark of a year or a
    label ("2011" / "(1)")."""
    if _NOTE.match(text) and above and (_YEAR.match(above.split()[-1]) or not is_numeric(above)):
        return True  # a negative figure in brackets stays under a figure
    return _is_continuation(text) or above.count("(") > above.count(")") and text.count(")") > text.count("(")


def _open_ended(above: str, text: str) -> bool:
    """Whether a label goes on in the next line's cell, whatever that starts with: it ends on a
    word no label ends on ("aged" / "65 or over")."""
    return bool(above) and above.split()[-1] in _OPEN_END and not is_numeric(text)


def _join_wrapped(rows: list[RowText], rules: Sequence[Rule] = ()) -> list[RowText]:
    """Join text lines that belong to one table row: lines that overlap vertically (numbers
    centred beside a wrapped label), and wrapped continuations (a close line starting in lower
    case, or closer than rows are to each other, holding only the continued cells, fewer than a
    full row)."""
    if not rows:
        return rows
    full = max(len(r.filled) for r in rows)
    row_step = _row_step(rows, full)
    # stacked header lines are joined only above the first row holding a number
    header = not _has_data(rows[0]) and any(_has_data(r) for r in rows)
    lead = _header_leading(rows) if header else None
    out = [rows[0]]
    for above, r in zip(rows, rows[1:], strict=False):
        prev = out[-1]
        if prev.final or r.final or _ruled_between(prev, r, rules, *_row_extent(prev, r)):
            header = header and not _has_data(r)
            out.append(r)
            continue
        overlap = min(prev.y1, r.y1) - max(prev.y0, r.y0)
        shared = prev.filled & r.filled
        centred = abs((prev.y0 + prev.y1) - (r.y0 + r.y1)) / 2 < 0.65 * r.height
        if overlap > 0.2 * r.height and centred and not shared:
            _absorb(prev, r)
            continue
        gap = r.y0 - prev.y1
        spaced = row_step is not None and _mid(r) - _mid(above) > row_step  # as rows are
        if (
            header
            and gap <= 0.8 * r.height
            and not spaced
            and (r.filled <= prev.filled or prev.filled <= r.filled and _aligned(prev, r) and not _has_marks(r))
            and not _spans_columns(prev)
            and not _spans_columns(r)
            and not _has_data(r)
            and not _has_data(prev)
            and not _section_under(prev, r)
            and (lead is None or _mid(r) - _mid(above) <= SET_APART * lead)
        ):  # top or bottom aligned
            _absorb(prev, r)  # stacked header lines ("to air" over "kg/year")
            continue
        header = header and not _has_data(r)
        tight = row_step is not None and not spaced and not _has_figure(r)
        # a label's open end goes on in a row of figures (a heading's too, but the header's
        # lines join by the rules above)
        body = _has_datum(prev) or _has_datum(r)
        # a heading over several columns goes on in a line centred under it, not in a leaf's
        same = body or all(
            prev.cover.get(j, j) <= r.cover.get(j, j) or abs(sum(prev.spans[j]) - sum(r.spans[j])) < r.height
            for j in shared
        )
        cont = shared and same and gap <= (WRAP_GAP_OCR if r.ocr else 0.8) * r.height and not _units_row(r, full) and (
            tight
            or all(_carries_on(prev.cells[j], r.cells[j]) or body and _open_ended(prev.cells[j], r.cells[j]) for j in shared)
        )
        # r continues prev's cells; or prev is a wrapped label whose row (numbers) comes with r
        rest_numeric = all(is_figure(r.cells[j]) for j in r.filled - shared)
        # or a partial line whose cells all go on in r (as cont tells: rows set apart, or r's text
        # there goes on in lower case), which fills more
        completes = len(prev.filled) < full and _aligned(prev, r)
        # or group headings whose next lines carry on, with headings beside them starting on it
        groups = header and _spans_columns(prev) and not _has_data(prev) and not _has_data(r)
        if cont and (
            r.filled <= shared and len(r.filled) < full or prev.filled <= shared and (rest_numeric or completes) or groups
        ):
            _absorb(prev, r)
            continue
        out.append(r)
    return out


def _section_under(prev: RowText, r: RowText) -> bool:
    """Whether ``r``, a label alone in the stub column under a line of headings, is a section's
    label ("Men" under "Sex and age | Dec. 2011 | ..."), not the stub heading's next line (which
    goes on in lower case, or after an open word)."""
    stub_only = r.filled == {0} and len(prev.filled - {0}) >= 2
    return stub_only and not (_carries_on(prev.cells[0], r.cells[0]) or _open_ended(prev.cells[0], r.cells[0]))


def _header_leading(rows: list[RowText]) -> float | None:
    """The leading of the header's lines (the least distance between two of them, centre to
    centre), when it has three lines or more to tell it from a wider step between its tiers."""
    head = []
    for r in rows:
        if _has_data(r):
            break
        head.append(r)
    steps = [_mid(b) - _mid(a) for a, b in zip(head, head[1:], strict=False)]
    steps = [d for d, b in zip(steps, head[1:], strict=False) if d > 0.5 * b.height]
    return min(steps) if len(steps) >= 2 else None


def _aligned(a: RowText, b: RowText) -> bool:
    """Whether the cells two lines share are aligned as the lines of one cell are: on the left,
    the centre or the right (a heading over several columns is centred over them, not its column)."""
    tol = 0.6 * max(a.height, b.height)
    for j in a.filled & b.filled:
        (a0, a1), (b0, b1) = a.spans[j], b.spans[j]
        if min(abs(a0 - b0), abs(a1 - b1), abs(a0 + a1 - b0 - b1) / 2) > tol:
            return False
    return True


def _row_step(rows: list[RowText], full: int) -> float | None:
    """The distance (centre to centre) from a line above that makes a line a row of its own, when
    some lines stand clearly closer than rows do (rows set apart by more than the text's leading;
    else a wrapped line cannot be told from a row by its spacing): closer than most rows by a
    quarter, or closer than any two full rows are by a tenth of the text height."""
    pitches = [_mid(b) - _mid(a) for a, b in zip(rows, rows[1:], strict=False)]
    to_full = [d for d, b in zip(pitches, rows[1:], strict=False) if len(b.filled) == full]
    if len(to_full) < 3:
        return None
    pitch = statistics.median(to_full)
    if min(pitches) <= TIGHT * pitch:
        return TIGHT * pitch
    between = [d for d, a, b in zip(pitches, rows, rows[1:], strict=False) if len(a.filled) == len(b.filled) == full]
    margin = LEADING_MARGIN * statistics.median(r.height for r in rows)
    if len(between) >= 3 and min(pitches) < min(between) - margin:
        return min(between) - margin / 2
    return None


def _has_figure(row: RowText) -> bool:
    return any(is_figure(c) for c in row.cells if c)


def _has_datum(row: RowText) -> bool:
    return any(_datum(c) for c in row.cells if c)


def _is_data(text: str) -> bool:
    return is_numeric(text) and not _UNIT_NUMBER.match(text.strip())


def _datum(text: str) -> bool:
    """Whether a cell is a figure of the data: years and units head columns, other numbers are data."""
    return _is_data(text) and not _YEAR.match(text)


def _first_figures(region: list[Line]) -> int:
    """Index of the region's first line holding a figure of the data (0 if none): the lines
    above it are its header's."""
    return next((k for k, ln in enumerate(region) if _holds_figure(ln)), 0)


def _holds_figure(ln: Line) -> bool:
    return any(_datum(c.text) for c in ln.chunks) and not _headings([c.text for c in ln.chunks[1:]])


def _has_data(row: RowText) -> bool:
    """Whether a line holds a number that is not a unit's power of ten, among no more headings
    than figures."""
    return any(_is_data(c) for c in row.cells if c) and not _headings(row.cells[1:])


def _headings(cells: Sequence[str]) -> bool:
    """Whether a line's cells after its first are more headings (words) than figures: a line of
    headings, some wrapped onto their number ("Under" over "65")."""
    words = sum(_heading_word(c) for c in cells)
    return words > sum(is_numeric(c) for c in cells if c)


def _heading_word(cell: str) -> bool:
    """Whether a cell is words without a digit, not a mark for a missing value ("x", "(NA)")."""
    return (
        any(ch.isalpha() for ch in cell)
        and not any(ch.isdigit() for ch in cell)
        and cell.strip("()[] ").lower() not in _MARKS
    )


def _has_marks(row: RowText) -> bool:
    return any(c.strip().lower() in _MARKS for c in row.cells if c)


def _absorb(row: RowText, other: RowText) -> None:
    row.cells = [f"{a} {b}".strip() for a, b in zip(row.cells, other.cells, strict=False)]
    row.y0, row.y1 = min(row.y0, other.y0), max(row.y1, other.y1)
    for j, (x0, x1) in other.spans.items():
        a = row.spans.get(j, (x0, x1))
        row.spans[j] = (min(a[0], x0), max(a[1], x1))


def _merge_complementary(grid: list[list[str]], extents: list[tuple[float, float]], h: float) -> list[list[str]]:
    """Merge neighbour columns that never both hold text in a row and sit close together."""
    j = 0
    while j + 1 < len(grid[0]) if grid else False:
        clash = any(r[j] and r[j + 1] for r in grid)
        if not clash and extents[j + 1][0] - extents[j][1] < 1.5 * h:
            grid = [r[:j] + [r[j] or r[j + 1]] + r[j + 2 :] for r in grid]
            extents = extents[:j] + [(extents[j][0], max(extents[j][1], extents[j + 1][1]))] + extents[j + 2 :]
        else:
            j += 1
    return grid


# ---------------------------------------------------------------- tables


def is_numeric(text: str) -> bool:
    """Whether a cell reads as a number ("1,234.5", "(12)", "12%", "-3")."""
    return bool(_NUMERIC.match(text.strip()))


def detect_header(grid: list[list[str]]) -> int:
    """Number of leading header rows (0 or 1): a first row of labels above rows holding numbers."""
    if len(grid) < 2:
        return 0
    first = grid[0]
    filled = [c for c in first if c]
    if len(filled) * 2 < len(first) or any(is_numeric(c) for c in filled):
        return 0
    return 1


def make_table(grid: list[list[str]], page_no: int) -> Table:
    """A :class:`Table` from a grid, the first row becoming ``columns`` when it reads as a header."""
    n = detect_header(grid)
    return Table(columns=grid[0] if n else [], rows=grid[n:], page=page_no)


def is_table(grid: list[list[str]], ruled: bool = False) -> bool:
    """Whether a grid is a table: not prose set in columns (unless ``ruled``: rules across it
    between its lines), not a bulleted list, not too small."""
    if len(grid) < 2 or not grid or len(grid[0]) < 2:
        return False
    multi = sum(1 for r in grid if sum(1 for c in r if c) >= 2)
    if multi < 2:
        return False
    if len(grid[0]) == 2 and all(len(r[0]) <= 3 and not r[0].isdigit() for r in grid):
        return False  # a bulleted or numbered list
    width = len(grid[0])
    if ruled:
        return True
    wordy = 0
    for j in range(width):
        col = [r[j] for r in grid if r[j]]
        wordy += bool(col) and sum(len(c) for c in col) / len(col) > 40
    return wordy * 2 < width  # prose set in columns


def placed_tables(words: list[Word], page_no: int, rules: Sequence[Rule] = ()) -> list[tuple[float, Table]]:
    """Like :func:`tables_from_words`, each table with the top of its region (for ordering);
    ``rules``: the page's horizontal ruling lines in the words' frame."""
    lines = group_lines([tight_box(w) for w in words])
    for ln in lines:
        ln.chunks = _cells(ln)
    out = []
    taken: set[int] = set()  # lines whose halves went on with two tables side by side
    for found in _sections_rejoined(find_regions(lines, rules), lines, rules):
        found = [ln for ln in found if id(ln) not in taken]
        if not found:
            continue
        region = below_top_rule(_extend_down(found, lines, rules), rules)
        for side in _side_by_side(region, lines, taken, _rules_near(region, rules)):
            part = below_top_rule(side, rules)  # a side's own top rule spans only that side
            grid = region_grid(part, rules)
            if is_table(grid, _ruled_across(part, rules)):
                out.append((part[0].y0, make_table(grid, page_no)))
    return out


def _sections_rejoined(regions: list[list[Line]], lines: list[Line], rules: Sequence[Rule]) -> list[list[Line]]:
    """Regions with the next one joined where a section label split one table in two: set
    further below the rows than the region gap allows, the label's lines (two at most, no
    caption or note) stand between, and the region below goes on in the same columns with
    figures from its first line (no header of its own), no rule across between."""
    out: list[list[Line]] = []
    for region in regions:
        label = _section_between(out[-1], region, lines, rules) if out else None
        if label is not None:
            out[-1] = out[-1] + label + region
        else:
            out.append(region)
    return out


def _section_between(above: list[Line], below: list[Line], lines: list[Line], rules: Sequence[Rule]) -> list[Line] | None:
    """The lines of the section label between two regions of one table (see
    :func:`_sections_rejoined`), or None where the two are not one table."""
    between = lines[_index_of(lines, above[-1]) + 1 : _index_of(lines, below[0])]
    if not 1 <= len(between) <= SECTION_LINES or any(len(ln.chunks) >= 2 for ln in between):
        return None
    if any(_CAPTION.match(_line_text(ln)) or _FOOTER.match(_line_text(ln)) for ln in between):
        return None
    left, right = _tabular_extent(above)
    h = statistics.median(ln.height for ln in above)
    if any(ln.chunks[0].x0 < left - h or ln.chunks[-1].x1 > right + h for ln in between):
        return None
    if _gap(above[-1], between[0]) > SECTION_GAP or _rules_under(above[-1], below[0], rules, above[-1]):
        return None
    if not _holds_figure(below[0]):
        return None
    top, low = find_columns(above), find_columns(below)
    return between if len(top) == len(low) > 0 and all(_overlaps_any(g, top) for g in low) else None


def _side_by_side(region: list[Line], lines: Sequence[Line], taken: set[int], rules: Sequence[Rule]) -> list[list[Line]]:
    """A region holding two tables set side by side, or a table beside a column of running text,
    as its two sides: cut at a whitespace gap through all its lines, three text heights wide or
    more (one and a half where ``rules``, the ruling lines near it, end at the gap and none
    crosses it), where one side is running text and the other is not, or where a table starts on
    its right: a column of labels after a column of figures, each side with columns of its own,
    and the labels all different (a column of words in one table repeats them) or the two sides'
    lines set apart (rows of one table share their lines) or ruled apart. Each side goes on in
    the page's ``lines`` below the region while they stay on their side of the cut (a table
    beside a shorter one goes on beside its notes); those lines are added to ``taken``."""
    if sum(len(ln.chunks) for ln in region if len(ln.chunks) >= 2) < 8:
        return [region]
    h = statistics.median(ln.height for ln in region)
    gaps = _union_gaps([(c.x0, c.x1) for ln in region for c in ln.chunks], 0.3 * h)
    # rules that end at a gap and none across it: each side ruled as a table of its own
    ruled = {g for g in gaps if _rules_part(g, rules, h)}
    for g0, g1 in sorted((g for g in gaps if g[1] - g[0] >= (1.5 if g in ruled else 3) * h), key=lambda g: g[0] - g[1]):
        cut = (g0 + g1) / 2
        pairs = [_halves(ln, cut) for ln in region]
        left = [a for a, _ in pairs if a is not None]
        right = [b for _, b in pairs if b is not None]
        apart = sum(a is None or b is None for a, b in pairs) > 0.3 * len(pairs)
        if _starts_table(left, right, apart, (g0, g1) in ruled) or _prose(left) != _prose(right) or _notes(left) != _notes(right):
            _go_on_below(region, lines, cut, (left, right), taken)
            above = _halves(lines[k - 1], cut) if (k := _index_of(lines, region[0])) else (None, None)
            return [part for side, cap in zip((left, right), above, strict=True) if (part := _trim(_under(cap, side)))]
    return [region]


def _index_of(lines: Sequence[Line], ln: Line) -> int:
    return next(i for i, other in enumerate(lines) if other is ln)


def _under(caption: Line | None, side: list[Line]) -> list[Line]:
    """A side of a cut region without the lines that its half of the line above, a caption,
    wraps onto (the other side's caption ended a line sooner, or wraps other than this one)."""
    if caption is None or not _CAPTION.match(_line_text(caption)):
        return side
    while side and len(side[0].chunks) == 1 and _wraps_onto(caption, side[0]):
        caption, side = side[0], side[1:]
    return side


def _go_on_below(region: list[Line], lines: Sequence[Line], cut: float, sides: tuple[list[Line], list[Line]], taken: set[int]) -> None:
    """Add to each side of a region cut at ``cut`` the halves of the lines below it, while no line
    runs across the cut (its words there closer than a text height) and each half stands within
    a region's gap of its side's last line."""
    k = next((i for i, ln in enumerate(lines) if ln is region[-1]), len(lines))
    for ln in lines[k + 1 :]:
        before = [w for w in ln.words if w.x1 <= cut]
        after = [w for w in ln.words if w.x0 >= cut]
        if id(ln) in taken or len(before) + len(after) < len(ln.words):
            return
        if before and after and after[0].x0 - before[-1].x1 < ln.height:
            return
        halves = _halves(ln, cut)
        if any(half is not None and (not side or _gap(side[-1], half) > REGION_GAP) for side, half in zip(sides, halves, strict=True)):
            return
        for side, half in zip(sides, halves, strict=True):
            if half is not None:
                side.append(half)
        taken.add(id(ln))


def _notes(lines: list[Line]) -> bool:
    """Whether lines are a column of notes: lines of one cell each, a caption, source or note
    among them (set beside a table that goes on past its neighbour's end)."""
    return all(len(ln.chunks) == 1 for ln in lines) and any(_ends_table(_line_text(ln)) for ln in lines)


def _prose(lines: list[Line]) -> bool:
    """Whether lines are a column of running text: most of them one run of it."""
    full = [ln for ln in lines if len(ln.chunks) == 1 and _running(ln.chunks[0], ln.height)]
    return len(lines) >= 3 and len(full) >= 0.6 * len(lines)


def _rules_part(gap: tuple[float, float], rules: Sequence[Rule], h: float) -> bool:
    """Whether ruling lines end at ``gap`` (within a text height) and none crosses it."""
    g0, g1 = gap
    ends = any(g0 - h <= r[2] <= g1 + h or g0 - h <= r[1] <= g1 + h for r in rules)
    return ends and not any(r[1] < g0 and g1 < r[2] for r in rules)


def _starts_table(left: list[Line], right: list[Line], apart: bool, ruled: bool = False) -> bool:
    """Whether ``right`` starts a table of its own beside ``left`` (see :func:`_side_by_side`);
    ``ruled``: rules part the two, so the labels may repeat (sections of one table)."""
    stub = [ln.chunks[0].text for ln in right if len(ln.chunks) >= 2]
    last = [ln.chunks[-1].text for ln in left if len(ln.chunks) >= 2]
    labels = [t for t in stub if not is_figure(t) and re.search(r"[^\W\d_]{2}", t)]
    return (
        len(stub) >= 3
        and len(last) >= 3
        and len(labels) >= 0.6 * len(stub)
        and (ruled or len(set(labels)) >= (0.8 if apart else 1.0) * len(labels))
        and sum(map(is_figure, last)) >= 0.5 * len(last)
    )


def _halves(ln: Line, cut: float) -> tuple[Line | None, Line | None]:
    """The line's words left and right of ``cut`` (a gap no word crosses), each a line of its
    own, or None where there are none."""
    halves = []
    for words in ([w for w in ln.words if w.x1 <= cut], [w for w in ln.words if w.x0 >= cut]):
        half = Line(words) if words else None
        if half is not None:
            half.chunks = _cells(half)
        halves.append(half)
    return halves[0], halves[1]


def _cells(ln: Line) -> list[Chunk]:
    """A line's chunks: split at wide gaps and between figures, signs joined to their figures."""
    return _attach_signs(_split_figures(split_chunks(ln)))


def tables_from_words(words: list[Word], page_no: int) -> list[Table]:
    """Tables in a page's words (OCR words or lines with boxes, or a PDF text layer).

    Rows come from text lines, columns from vertical whitespace; text spanning several columns is
    kept in its start cell, wrapped cells are joined. Returns one :class:`Table` per table region,
    top to bottom. Any coordinate frame works (tolerances scale with the text height). A scan
    whose ruling lines are known: :func:`docextract.tables.scan.scan_tables`.
    """
    return [t for _, t in placed_tables(words, page_no)]


def tight_box(w: Word) -> Word:
    """An OCR box without the detector's padding (boxes are about 1.6x the text height), so
    that tolerances in text heights mean the same as for a PDF text layer; across, the ink the
    reader measured where it did (the margin varies: a short word's overlaps its neighbour's
    box). A text layer's word as it is."""
    if w.source != "ocr":
        return w
    pad = OCR_PAD * w.height
    x0, x1 = (w.spans[0][0], w.spans[-1][1]) if w.spans else (w.x0 + pad, w.x1 - pad)
    if x1 <= x0:
        x0 = x1 = w.cx
    return replace(w, x0=x0, y0=w.y0 + pad, x1=x1, y1=w.y1 - pad)


# ---------------------------------------------------------------- stitching


def merge_rows(a_rows: list[list[str]], b_rows: list[list[str]]) -> list[list[str]]:
    """``a_rows`` then ``b_rows`` without the longest run where a's tail equals b's head (tile overlap)."""
    for n in range(min(len(a_rows), len(b_rows)), 0, -1):
        if a_rows[-n:] == b_rows[:n]:
            return a_rows + b_rows[n:]
    return a_rows + b_rows


def _continues_table(a: Table, b: Table) -> bool:
    width_a = len(a.columns) or (len(a.rows[0]) if a.rows else 0)
    width_b = len(b.columns) or (len(b.rows[0]) if b.rows else 0)
    if width_a != width_b or a.page is None or b.page is None or b.page - a.page != 1:
        return False
    return not b.columns or not a.columns or b.columns == a.columns


def stitch_tables(tables: list[Table]) -> list[Table]:
    """Join tables that continue on the next page; drop rows repeated by overlapping tiles.

    ``b`` continues ``a`` when it starts on the page after ``a``'s last page, has the same number
    of columns, and either repeats ``a``'s header or has none. A repeated header row is dropped.
    Tables on the same page are joined only when ``b``'s head repeats ``a``'s tail (tile overlap).
    """
    out: list[Table] = []
    last_page: dict[int, int] = {}
    for t in tables:
        prev = out[-1] if out else None
        if prev is not None and _same_page_overlap(prev, t):
            prev.rows = merge_rows(prev.rows, t.rows)
            continue
        if prev is not None and _continues_table(_at(prev, last_page[id(prev)]), t):
            body = t.rows
            if not t.columns and prev.columns and body and body[0] == prev.columns:
                body = body[1:]
            prev.rows = merge_rows(prev.rows, body)
            last_page[id(prev)] = t.page or 0
            continue
        t = t.model_copy(deep=True)
        out.append(t)
        last_page[id(t)] = t.page or 0
    return out


def _at(t: Table, page: int) -> Table:
    return t.model_copy(update={"page": page})


def _same_page_overlap(a: Table, b: Table) -> bool:
    if a.page != b.page or a.columns != b.columns or not a.rows or not b.rows:
        return False
    return merge_rows(a.rows, b.rows) != a.rows + b.rows
