"""Words the recognizer misread by a letter, mended against a word list by its own probabilities.

Greedy CTC decoding takes the likeliest character at each time step, so one faint letter turns
"Jalan" into "Jaian" and "Amount" into "Amaunt", and the rules then miss a label or keep the
slip in a name. A read word that is in no language's list is compared with the listed words one
edit away (a letter changed, added or dropped, or two letters read for one): each is scored by
the probability the recognizer's output gives it over the word's own time steps, summed over all
alignments (the CTC forward pass), and the likeliest replaces the read word when it is at least
a twentieth as likely as the reading (``RATIO``). Letter case is scored as one (the list is lower
case) and set after the reading. Words the recognizer is sure of never change, since a listed
word's likelihood then falls far below the reading's; nor do words of under four letters.
Before that, :func:`mend_twins` reads the digits that stand among letters as the letters they are
twins of in print (a stroke I or 1 among small letters as l, a zero as O), also in short words.

The list: the most frequent words of English, Malay, Indonesian, German, French, Spanish,
Italian and Dutch from wordfreq (CC-BY-SA 4.0, Robyn Speer), with the label words of
:mod:`docextract.rules.lexicon` and the month names of :mod:`docextract.parsing`, written by
``scripts/build_words.py``. It is kept as the sorted 64-bit BLAKE2b keys of its words
(``words.npy``), which load in about a millisecond where a set of 170,000 strings took 0.1-0.2 s:
a one-shot run would pay that at every start."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

__all__ = ["known", "mend_twins", "mend_words", "word_key"]

WORDS_FILE = Path(__file__).with_name("words.npy")
MIN_LETTERS = 4
# How much less likely than the reading a listed word may be. SROIE tune, mean of the four
# fields: 0.856 without, 0.859 at 0.02 and 0.05, 0.857 at 0.2, 0.856 at 0.5.
RATIO = 0.05
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The accented letters of the list's languages: edits of a word that has one may use them all
# ("Discño" -> "Diseño", "sécurite" -> "sécurité"); a plain word's edits stay in a-z, where the
# list mostly holds its unaccented spelling too.
_ACCENTED = "àáâãäçèéêëìíîïñòóôõöùúûüß"

Char = tuple[str, float, float]  # character, centre x in the crop, probability
Span = tuple[int, int, int]  # first and end time step, class


def word_key(word: str) -> int:
    """A word's key in the list: the first 8 bytes of its BLAKE2b digest (a word not in the list
    matches a key of it with a chance of 1 in 10^14)."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


@cache
def _keys() -> np.ndarray:
    return np.load(WORDS_FILE, allow_pickle=False)


def known(words: Sequence[str]) -> np.ndarray:
    """Whether each of ``words`` (lower case) is in the list."""
    keys = _keys()
    wanted = np.fromiter((word_key(w) for w in words), dtype=np.uint64, count=len(words))
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return keys[at] == wanted


def mend_words(
    chars: list[Char], spans: list[Span], spaced: list[bool], probs: np.ndarray, alphabet: list[str]
) -> tuple[list[Char], list[bool]]:
    """``chars`` (one line's greedy CTC reading; ``spaced``: a space goes before each, from the
    pixels) with each unlisted word of letters replaced by the listed word one edit away that the
    recognizer's ``probs`` (time steps × classes, class 0 the blank) make likeliest, where that is
    at least ``RATIO`` as likely as the reading; and the spaces of the result."""
    out: list[Char] = []
    out_spaced: list[bool] = []
    n = 0
    while n < len(chars):
        m = n + 1
        if chars[n][0].isalpha():
            while m < len(chars) and chars[m][0].isalpha() and not spaced[m]:
                m += 1
            read = "".join(c[0] for c in chars[n:m])
            t0 = spans[n - 1][1] if n else 0
            t1 = spans[m][0] if m < len(spans) else len(probs)
            better = _better_word(read, probs[t0:t1], alphabet)
            if better is not None:
                log.debug("OCR: %r read as %r", read, better)
                out.extend(_placed(better, chars[n:m]))
                out_spaced.extend([spaced[n]] + [False] * (len(better) - 1))
                n = m
                continue
        out.extend(chars[n:m])
        out_spaced.extend(spaced[n:m])
        n = m
    return out, out_spaced


def mend_twins(chars: list[Char], spans: list[Span], spaced: list[bool], probs: np.ndarray, alphabet: list[str]) -> list[Char]:
    """``chars`` with the letters a word's digits stand for where the glyphs are twins: a capital
    I or a digit 1 among small letters read as the small l it is ("JIn", "Tota1", "Bi11" ->
    "Jln", "Total", "Bill": in many sans-serif fonts the three are one vertical stroke), and a
    zero among letters read as the O it is ("SINGAP0RE"). Only where the word so read is listed
    and the recognizer gives the letter at least ``RATIO`` of the read mark's probability there;
    a small i has a dot, so a stroke read as I beside small letters is an l (camel case such as
    "TaxInv" stays: "taxlnv" is no word), and "No1" keeps its digit where the 1's flag was seen."""
    letters = _letter_classes(alphabet)  # cached: the alphabet is 18,708 classes, and this runs per line
    classes = {ch: [k for k in letters.get(ch.lower(), []) if alphabet[k] == ch] for ch in "lOo"}
    if not all(classes.values()):
        return chars
    out = list(chars)
    n = 0
    while n < len(chars):
        m = n + 1
        if _in_word(chars[n][0]):
            while m < len(chars) and _in_word(chars[m][0]) and not spaced[m]:
                m += 1
        text = "".join(c[0] for c in chars[n:m])
        twins = _twins(text)
        if twins and text[0].isalpha():  # "1ax1nv" is no word read with strokes
            word = "".join(twins.get(k, ch) for k, ch in enumerate(text))
            if known([word.lower()])[0] and all(_likely(probs, spans[n + k], classes[c]) for k, c in twins.items()):
                log.debug("OCR: %r read as %r", text, word)
                for k, c in twins.items():
                    out[n + k] = (c, *chars[n + k][1:])
        n = m
    return out


def _in_word(ch: str) -> bool:
    return ch.isalpha() or ch in "10"


def _twins(text: str) -> dict[int, str]:
    """The letter each digit-like mark of ``text`` may stand for: runs of I and 1 with a small
    letter before or after the run ("Bi11") an l each; a 0 beside a letter an O of its case."""
    out = {k: "l" for m in re.finditer(r"[I1]+", text)
           if (m.start() and text[m.start() - 1].islower()) or text[m.end():m.end() + 1].islower()
           for k in range(m.start(), m.end())}
    for k, ch in enumerate(text):
        near = [c for c in (text[k - 1] if k else "", text[k + 1 : k + 2]) if c.isalpha()]
        if ch == "0" and near:
            out[k] = "o" if all(c.islower() for c in near) else "O"
    return out


def _likely(probs: np.ndarray, span: Span, classes: list[int]) -> bool:
    t0, t1, k = span
    read = float(probs[t0:t1, k].max())
    return float(probs[t0:t1, classes].max()) >= RATIO * read


def _better_word(read: str, window: np.ndarray, alphabet: list[str]) -> str | None:
    lower = read.lower()
    if len(read) < MIN_LETTERS or known([lower])[0]:
        return None
    edits = [w for w in _edits(lower) if len(w) >= MIN_LETTERS]
    listed = [w for w, ok in zip(edits, known(edits), strict=True) if ok]
    if len(lower) >= 2 * MIN_LETTERS:
        listed += _compounds(lower)
    if not listed:
        return None
    emit = _letter_probs(window, alphabet)
    if emit is None:
        return None
    base = _log_likelihood(lower, emit)
    if base is None:
        return None
    scored = [(s, w) for w in listed if (s := _log_likelihood(w, emit)) is not None]
    if not scored:
        return None
    score, best = max(scored)
    if score - base < np.log(RATIO):
        return None
    return _cased(best, read, _first_case(best[0], window, alphabet))


def _compounds(word: str) -> list[str]:
    """Two listed words written as one (German and Dutch compounds: "materialkosten"), one edit
    away from ``word`` in one part while the other part is as read ("materialkoaten" ->
    "materialkosten"); none where ``word`` itself is such a compound. A first part may end in a
    linking "s" ("wartungsvertrag")."""
    cuts = range(MIN_LETTERS, len(word) - MIN_LETTERS + 1)
    lefts, rights = [word[:i] for i in cuts], [word[i:] for i in cuts]
    ok = known(lefts + [_unlinked(w) for w in lefts] + rights)
    n = len(lefts)
    left_ok = ok[:n] | ok[n : 2 * n]
    right_ok = ok[2 * n :]
    if (left_ok & right_ok).any():
        return []
    candidates: list[tuple[str, str, str]] = []  # (compound, its edited part, which part that is)
    for left, right, lok, rok in zip(lefts, rights, left_ok, right_ok, strict=True):
        if lok:
            candidates += [(left + e, e, "right") for e in _edits(right) if len(e) >= MIN_LETTERS]
        if rok:
            candidates += [(e + right, e, "left") for e in _edits(left) if len(e) >= MIN_LETTERS]
    if not candidates:
        return []
    parts = [_unlinked(e) if side == "left" else e for _, e, side in candidates]
    hit = known([e for _, e, _ in candidates]) | known(parts)
    return sorted({c for (c, _, _), h in zip(candidates, hit, strict=True) if h})


def _unlinked(first_part: str) -> str:
    """A compound's first part without the linking "s" it may end in ("wartungs" -> "wartung")."""
    return first_part[:-1] if first_part.endswith("s") and len(first_part) > MIN_LETTERS else first_part


def _first_case(letter: str, window: np.ndarray, alphabet: list[str]) -> tuple[float, float]:
    """The weight the recognizer gives ``letter`` in lower and in upper case over the word's first
    time steps (a quarter of the window: where its first letter stands)."""
    head = window[: max(1, len(window) // 4)]
    weights = [0.0, 0.0]
    for k in _letter_classes(alphabet).get(letter, []):
        weights[alphabet[k].isupper()] += float(head[:, k].max())
    return weights[0], weights[1]


def _edits(word: str) -> set[str]:
    """Words one letter changed, added or dropped from ``word`` (Norvig's edits1, no swaps), and
    two neighbouring letters read for one ("petalinci": the G of "petaling" read as "Ci")."""
    letters = _LETTERS if word.isascii() else _LETTERS + _ACCENTED
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in cuts if b}
    changed = {a + c + b[1:] for a, b in cuts if b for c in letters if c != b[0]}
    added = {a + c + b for a, b in cuts for c in letters}
    merged = {a + c + b[2:] for a, b in cuts if len(b) > 1 for c in letters}
    return dropped | changed | added | merged


_CLASSES: dict[int, tuple[list[str], dict[str, list[int]]]] = {}


def _letter_classes(alphabet: list[str]) -> dict[str, list[int]]:
    """The classes of each letter (both cases) in the recognizer's alphabet, kept per alphabet
    object: it is 18,708 characters, too long to hash at every word as a cache key."""
    held = _CLASSES.get(id(alphabet))
    if held is not None and held[0] is alphabet:
        return held[1]
    out: dict[str, list[int]] = {}
    for k, ch in enumerate(alphabet):
        if k and len(ch) == 1 and ch.lower() in _LETTERS + _ACCENTED:
            out.setdefault(ch.lower(), []).append(k)
    _CLASSES[id(alphabet)] = (alphabet, out)
    return out


def _letter_probs(window: np.ndarray, alphabet: list[str]) -> dict[str, np.ndarray] | None:
    """Per lower-case letter, its probability at each time step of ``window`` (both cases summed),
    and the blank's under ``""``. A word with a letter outside these is not scored."""
    if not len(window):
        return None
    classes = _letter_classes(alphabet)
    emit = {c: window[:, ks].sum(axis=1) for c, ks in classes.items()}
    emit[""] = window[:, 0]
    return emit


def _log_likelihood(word: str, emit: dict[str, np.ndarray]) -> float | None:
    """log P(word | window) under CTC: the sum over every alignment of its letters and blanks."""
    if any(c not in emit for c in word):
        return None
    labels = [""]
    for c in word:
        labels += [c, ""]
    rows = np.stack([emit[c] for c in labels], axis=1)  # time × extended labels
    s = len(labels)
    # A step may skip the blank between two different letters, never between two equal ones.
    skip = np.zeros(s, dtype=bool)
    for i in range(3, s, 2):
        skip[i] = labels[i] != labels[i - 2]
    alpha = np.zeros(s)
    alpha[0], alpha[1] = rows[0, 0], rows[0, 1]
    log_scale = 0.0
    for t in range(1, len(rows)):
        prev = alpha
        alpha = prev.copy()
        alpha[1:] += prev[:-1]
        alpha[2:] += np.where(skip[2:], prev[:-2], 0.0)
        alpha *= rows[t]
        total = alpha.sum()
        if total <= 0:
            return None
        alpha /= total
        log_scale += float(np.log(total))
    end = alpha[-1] + alpha[-2]
    return None if end <= 0 else log_scale + float(np.log(end))


def _cased(word: str, read: str, emit_case: tuple[float, float]) -> str:
    """``word`` in the read word's case: the case most of the read letters after the first have,
    and the first letter's own, or where the first letter is the one mended, the case the
    recognizer gave more weight at its place (``emit_case``: lower, upper)."""
    rest = read[1:]
    upper = sum(c.isupper() for c in rest) > len(rest) / 2
    if word[0] == read[0].lower():
        first = read[0]
    else:
        first = word[0].upper() if emit_case[1] > emit_case[0] else word[0]
    return first + (word[1:].upper() if upper else word[1:])


def _placed(word: str, read: list[Char]) -> list[Char]:
    """The mended word's characters, spread over the read ones' positions and keeping their
    probabilities (the line's score stays the recognizer's)."""
    if len(word) == len(read):
        return [(ch, x, p) for ch, (_, x, p) in zip(word, read, strict=True)]
    x0, x1 = read[0][1], read[-1][1]
    step = (x1 - x0) / max(1, len(word) - 1)
    mean = sum(c[2] for c in read) / len(read)
    return [(ch, x0 + i * step, mean) for i, ch in enumerate(word)]
