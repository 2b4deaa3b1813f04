"""Letter case by glyph height, for letters whose capital and small forms share a shape.

The recognizer sees ``c o s u v w x z p`` and ``C O S U V W X Z P`` as one glyph at two sizes
(and ``k`` as ``K``, whose arms differ in height),
and from a 48 px line crop alone it often picks the wrong one (``s += x`` read as ``S += X``).
The ink says which it is: a small letter rises from the baseline to the x-height, a capital to
the cap height, and both heights can be measured on letters whose case is not in doubt
(``a e m n r`` and ``g q y`` stop at the x-height; other capitals and digits reach the cap
height).

:func:`glyph_rises` measures how far each character's ink rises above its line's baseline;
:func:`Heights.of` takes the two reference heights from measured characters (one line's, or a
whole page's where every line is set in one font, as in a code screenshot); :func:`recase` sets
the ambiguous letters accordingly: everywhere for source code, and in prose only inside words
whose case is odd (``sUM``, ``TOtal``), and only where that leaves them in a usual case, so that
a word read as small letters, capitals or capitalized is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["AMBIGUOUS", "Heights", "glyph_rises", "odd_ambiguous", "odd_case", "recase"]

AMBIGUOUS = frozenset("cosuvwxzpk")
_SMALL = frozenset("aemnrgqy")  # rise to the x-height
# Rise to the cap height. Not the ascenders (b d f h k l): in many fonts they stand a tenth
# or more above the capitals, as much as a small print's x-height differs from its cap height.
_TALL = frozenset("ABDEFGHIJKLMNQRTY0123456789")
_DESCENDERS = frozenset("gjpqy")
_X_RATIO = 0.72  # x-height over cap height of common text and code fonts, when only one is seen
_MIN_GAP = 2.5  # px of the crop between x-height and cap height below which nothing is told
_TOLERANCE = 0.35  # how far from a reference height (share of the gap) a rise still counts as it


@dataclass(frozen=True)
class Heights:
    """The x-height and cap height of some text, in the units of the rises they came from."""

    x: float
    cap: float

    @classmethod
    def of(cls, chars: Sequence[tuple[str, float | None]], ratio: float = _X_RATIO) -> Heights | None:
        """From ``(char, rise)`` pairs: the median rise of the small reference letters and of
        the tall ones, or None. Where only one kind is there, the other is estimated from it by
        ``ratio`` (x-height over cap height)."""
        small = [r for c, r in chars if r is not None and c in _SMALL]
        tall = [r for c, r in chars if r is not None and c in _TALL]
        if not small and not tall:
            return None
        x = float(np.median(small)) if small else ratio * float(np.median(tall))
        cap = float(np.median(tall)) if tall else x / ratio
        return cls(x, cap)

    def capital(self, rise: float | None, unit: float = 1.0) -> bool | None:
        """True where ``rise`` is the cap height, False where the x-height, None where neither
        clearly (or the two are too close to tell apart; ``unit``: crop px per rise unit)."""
        gap = self.cap - self.x
        if rise is None or gap * unit < _MIN_GAP:
            return None
        if abs(rise - self.x) <= _TOLERANCE * gap:
            return False
        if abs(rise - self.cap) <= _TOLERANCE * gap:
            return True
        return None


def recase(text: str, capital: Sequence[bool | None], *, everywhere: bool) -> str:
    """``text`` (one entry of ``capital`` per character) with its ambiguous letters in the case
    their ink shows: ``everywhere`` (code), or else only in runs of letters whose case is odd
    (:func:`odd_case`: ``sUM``, ``TOtal``) and only where that makes it plain (``SUM``, ``Total``)."""
    chars = list(text)
    for run in _LETTERS.finditer(text):
        span = range(run.start(), run.end())
        if not everywhere and not odd_case(run.group()):
            continue
        new = [
            (c.upper() if capital[i] else c.lower()) if capital[i] is not None and c.lower() in AMBIGUOUS else c
            for i, c in zip(span, run.group(), strict=True)
        ]
        if everywhere or not odd_case("".join(new)):
            chars[run.start() : run.end()] = new
    return "".join(chars)


_LETTERS = re.compile(r"[^\W\d_]+")


def odd_case(word: str) -> bool:
    """Whether a run of letters is in none of the usual cases: all small, all capitals, or a
    capital and then small letters."""
    return not (word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower()) or len(word) < 2)


def odd_ambiguous(text: str) -> bool:
    """Whether ``text`` holds a run of letters in an odd case (:func:`odd_case`) with a letter of
    one shape in both cases, which :func:`recase` may set right."""
    return any(odd_case(m.group()) and any(c.lower() in AMBIGUOUS for c in m.group()) for m in _LETTERS.finditer(text))


def glyph_rises(crop: np.ndarray, chars: Sequence[tuple[str, float]]) -> list[float | None]:
    """Per character ``(char, centre x in crop px)`` of a line crop: how many crop rows its ink
    rises above the line's baseline, or None where no glyph of its own was found (touching
    glyphs, spaces) or the line has no letters to find the baseline on."""
    out: list[float | None] = [None] * len(chars)
    glyphs, ink = _glyphs(crop)
    if not glyphs:
        return out
    found = _match(glyphs, ink, [(i, x) for i, (c, x) in enumerate(chars) if not c.isspace()])
    on_base = [box for i, box in found.items() if chars[i][0].isalnum() and chars[i][0] not in _DESCENDERS]
    if not on_base:
        return out
    base = _baseline(on_base)
    for i, (x0, y0, x1, y1) in found.items():
        if chars[i][0] in "kK":  # the stem is tall either way: the arms tell (right half)
            rows = np.flatnonzero(ink[y0:y1, (x0 + x1) // 2 : x1].any(axis=1))
            y0 = y0 + int(rows[0]) if len(rows) else y0
        out[i] = float(base((x0 + x1) / 2)) - y0
    return out


def _baseline(glyphs: list[Box]) -> np.poly1d:
    """The line under the glyphs' bottoms, as a function of x: a line box a little off level
    leaves its crop's text sloping by a few pixels from end to end (a straight line through the
    bottoms, refitted without the farthest third where there are enough glyphs)."""
    xs = np.array([(g[0] + g[2]) / 2 for g in glyphs], dtype=np.float64)
    ys = np.array([g[3] for g in glyphs], dtype=np.float64)
    if len(glyphs) < 2 or np.ptp(xs) < 1:
        return np.poly1d([float(np.median(ys))])
    fit = np.poly1d(np.polyfit(xs, ys, 1))
    if len(glyphs) >= 6:
        near = np.argsort(np.abs(ys - fit(xs)))[: max(3, 2 * len(glyphs) // 3)]
        fit = np.poly1d(np.polyfit(xs[near], ys[near], 1))
    return fit


def _glyphs(crop: np.ndarray) -> tuple[list[Box], np.ndarray]:
    """Glyph boxes ``(x0, y0, x1, y1)`` of a line crop, left to right, and its ink mask. Glyphs
    are connected ink components, those stacked over each other joined (the dot of an ``i``,
    the bars of ``=``). Ink is what differs from the background (the crop's most common grey),
    so a dark theme or coloured syntax reads like black on white."""
    import cv2

    gray = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    diff = cv2.absdiff(gray, np.full_like(gray, int(np.median(gray))))
    if int(diff.max()) < 40:
        return [], np.zeros(gray.shape, bool)
    _, ink = cv2.threshold(diff, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    height = crop.shape[0]
    parts = sorted(
        [x, y, x + w, y + h]
        for x, y, w, h, area in stats[1:n].tolist()
        if area >= 3 and h < height - 1 and w < 3 * height  # not a rule or the crop's frame
        and not _neighbour(y, h, height)
    )
    glyphs: list[list[int]] = []
    for p in parts:
        if glyphs and min(p[2], glyphs[-1][2]) - p[0] > 0.5 * min(p[2] - p[0], glyphs[-1][2] - glyphs[-1][0]):
            g = glyphs[-1]
            glyphs[-1] = [g[0], min(g[1], p[1]), max(g[2], p[2]), max(g[3], p[3])]
        else:
            glyphs.append(p)
    return [(g[0], g[1], g[2], g[3]) for g in glyphs], ink > 0


Box = tuple[int, int, int, int]


def _neighbour(y: int, h: int, height: int) -> bool:
    """Whether a component cut by the crop's top or bottom edge lies in its outer quarter: ink
    of the line above or below that a cut with a margin takes in (a descender or a capital cut
    by a tight crop reaches towards the middle)."""
    centre = y + h / 2
    return (y == 0 and centre < height / 4) or (y + h >= height and centre > 3 * height / 4)


def _match(glyphs: list[Box], ink: np.ndarray, chars: list[tuple[int, float]]) -> dict[int, Box]:
    """Character index -> the box of its own ink.

    One glyph per character in order where the counts agree. Otherwise each character takes
    its nearest glyph once the recognizer's lag is allowed for (its positions trail the glyphs
    by a few pixels); a glyph that ``m`` characters claim and that is about ``m`` characters
    wide (touching letters of small print) is cut into ``m`` equal slots, each measured on the
    ink of all but its edge columns. Other glyphs claimed by several characters tell nothing.
    """
    if len(glyphs) == len(chars):
        return {i: g for (i, _), g in zip(chars, glyphs, strict=True)}
    if not chars:
        return {}
    centres = np.array([(g[0] + g[2]) / 2 for g in glyphs])
    xs = np.array([x for _, x in chars])
    lag = float(np.median(xs - centres[np.abs(xs[:, None] - centres[None, :]).argmin(axis=1)]))
    steps = np.diff(xs)
    pitch = float(np.median(steps)) if len(steps) else float(glyphs[0][2] - glyphs[0][0])
    nearest = np.abs((xs - lag)[:, None] - centres[None, :]).argmin(axis=1).tolist()
    claims: dict[int, list[int]] = {}
    for (i, _), g in zip(chars, nearest, strict=True):
        claims.setdefault(g, []).append(i)
    out: dict[int, Box] = {}
    for g, owners in claims.items():
        x0, _, x1, _ = glyphs[g]
        m = len(owners)
        if not 0.6 * m * pitch <= x1 - x0 <= 1.3 * m * pitch and not (m == 1 and x1 - x0 < 0.6 * pitch):
            continue
        if m == 1:
            out[owners[0]] = glyphs[g]
            continue
        width = (x1 - x0) / m
        for k, i in enumerate(owners):
            a, b = round(x0 + (k + 0.1) * width), round(x0 + (k + 0.9) * width)
            rows = np.flatnonzero(ink[:, a : max(b, a + 1)].any(axis=1))
            if len(rows):
                out[i] = (a, int(rows[0]), b, int(rows[-1]) + 1)
    return out
