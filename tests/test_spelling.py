"""Misread words mended against the word list by the recognizer's own probabilities (docextract.spelling)."""

from __future__ import annotations

import string

import numpy as np
import pytest

from docextract import spelling
from docextract.ocr import _ctc_text

_ALPHABET = ["blank", *string.ascii_lowercase, *string.ascii_uppercase, *string.digits, " ", ".", ":", *"éñÉÑ"]


def _probs(seq: str, doubts: dict[int, dict[str, float]] | None = None) -> np.ndarray:
    """CTC output for ``seq`` ("-" = blank, one time step per character), each step sure (0.9)
    unless ``doubts`` gives that step's probabilities."""
    probs = np.full((len(seq), len(_ALPHABET)), 0.001, np.float32)
    for t, ch in enumerate(seq):
        probs[t, 0 if ch == "-" else _ALPHABET.index(ch)] = 0.9
    for t, shares in (doubts or {}).items():
        probs[t, :] = 0.001
        for ch, p in shares.items():
            probs[t, 0 if ch == "-" else _ALPHABET.index(ch)] = p
    return probs


def _read(
    seq: str, doubts: dict[int, dict[str, float]] | None = None, mend: bool = True, blank_px: tuple[int, int] = (0, 0)
) -> str:
    """The line's text, its crop all ink (4 px per time step) but for the columns ``blank_px``."""
    probs = _probs(seq, doubts)
    crop = np.full((48, 4 * len(seq), 3), 0, np.uint8)
    crop[:, blank_px[0] : blank_px[1]] = 255
    return _ctc_text(probs, _ALPHABET, crop, 4 * len(seq), mend).text


def test_the_word_list_holds_words_of_each_language_and_the_label_abbreviations() -> None:
    listed = ["total", "amount", "jalan", "rechnung", "facture", "importe", "totale", "factuur", "qty", "jln"]
    assert spelling.known(listed).all()
    assert not spelling.known(["jaian", "amaunt", "totai", "zzzz"]).any()
    keys = np.load(spelling.WORDS_FILE)
    assert keys.dtype == np.uint64 and (np.diff(keys) > 0).all() and len(keys) > 100_000


def test_a_doubtful_letter_is_read_as_the_listed_word_the_recognizer_allows() -> None:
    # "Jaian": the "i" at 0.55 with "l" at 0.35 beside it is the "l" of "Jalan"
    assert _read("J-a-i-a-n", {4: {"i": 0.55, "l": 0.35}}) == "Jalan"
    # in capitals, and with the runner-up in the other case: the word keeps the reading's case
    assert _read("A-M-A-U-N-T", {4: {"A": 0.6, "o": 0.3}}) == "AMOUNT"
    # a letter dropped: "Totl" with an "a" half-seen between "t" and "l" is "Total"
    assert _read("T-o-t---l", {6: {"-": 0.6, "a": 0.3}}) == "Total"
    # two letters read for one: the "G" of "PETALING" read as "Ci"
    seq, doubts = "P-E-T-A-L-I-N-C-i", {14: {"C": 0.5, "G": 0.4}, 16: {"i": 0.5, "-": 0.3, "G": 0.15}}
    assert _read(seq, doubts) == "PETALING"
    # the mended letter is the first, and the recognizer leans to its capital
    assert _read("b-u-a-r-d-i-a-n", {0: {"b": 0.5, "G": 0.3, "g": 0.1}}) == "Guardian"


@pytest.mark.parametrize(
    ("read", "at", "meant"),
    [("Invaice", 3, "Invoice"), ("Auqust", 2, "August"), ("imponibite", 8, "imponibile"), ("cfiente", 1, "cliente"),
     ("Fevereira", 8, "Fevereiro"), ("RECHNUNQS", 7, "RECHNUNGS"),
     # a heading in capitals without its accent, as French ones often are ("QUANTITÉ")
     ("QUANTTTE", 5, "QUANTITE"),
     # a word with an accent is mended too, to accented letters as well
     ("Discño", 3, "Diseño"), ("sécurite", 7, "sécurité"), ("Hébecgement", 4, "Hébergement")],
)
def test_label_words_and_month_names_of_each_language_are_mended(read: str, at: int, meant: str) -> None:
    """The slips OCR makes in invoices' labels and dates ("Invaice No", "16. Auqust 2024", "Totale
    imponibite"), the recognizer giving the printed letter as runner-up; also a Portuguese month,
    and the first part of a compound label ("Rechnungs-Nr.") that no frequency list holds."""
    seq = "-".join(read)
    assert _read(seq, {2 * at: {read[at]: 0.55, meant[at]: 0.35}}) == meant


@pytest.mark.parametrize(
    ("read", "at", "meant"),
    [("Materialkoaten", 10, "Materialkosten"), ("Wartungsvertzag", 12, "Wartungsvertrag"),
     ("Advievwerk", 5, "Advieswerk")],
)
def test_a_slip_in_a_compound_is_mended_by_its_parts(read: str, at: int, meant: str) -> None:
    """German and Dutch write two words as one, and no list holds every compound: a slip in one
    part is mended to a listed word while the other part is listed as read (a linking "s" after
    the first part allowed)."""
    assert not spelling.known([meant.lower()])[0]  # only its parts are listed
    assert _read("-".join(read), {2 * at: {read[at]: 0.55, meant[at]: 0.35}}) == meant
    # a compound read as printed is left alone
    assert _read("-".join(meant), {2 * at: {meant[at]: 0.55, read[at]: 0.35}}) == meant


def test_a_sure_reading_a_listed_word_a_short_word_and_code_stay_as_read() -> None:
    # the recognizer is sure of the "i": a name that is no word keeps it
    assert _read("J-a-i-a-n", {4: {"i": 0.97, "l": 0.002}}) == "Jaian"
    # a listed word is never changed, however doubtful a letter
    assert _read("T-o-t-a-l", {6: {"a": 0.4, "e": 0.35}}) == "Total"
    # under four letters: too little to tell a slip from an abbreviation
    assert _read("T-m-n", {2: {"m": 0.5, "o": 0.4}}) == "Tmn"
    # words with digits around them are words of their own; mending off leaves all alone
    assert _read("1-2-J-a-i-a-n", {8: {"i": 0.55, "l": 0.35}}) == "12Jalan"
    assert _read("J-a-i-a-n", {4: {"i": 0.55, "l": 0.35}}, mend=False) == "Jaian"


def test_a_space_the_pixels_show_ends_a_word() -> None:
    """"Totalf" is "Total" and "f" where the print has a gap between them (the space the
    recognizer missed): the word is not mended across it into "Total" alone."""
    seq, doubt = "T-o-t-a-l-------f", {16: {"f": 0.5, "-": 0.45}}
    assert _read(seq, doubt, blank_px=(38, 64)) == "Total f"
    assert _read(seq, doubt) == "Total"  # no gap in the print: one unlisted word, its "f" in doubt


def test_the_likelihood_sums_every_alignment() -> None:
    """CTC's forward pass: "aa" needs a blank between its letters; "a" is read by any run of a's
    with blanks around, so over two steps P("a") = p(a)p(a) + p(a)p(-) + p(-)p(a)."""
    emit = {"a": np.array([0.6, 0.5]), "": np.array([0.4, 0.5])}
    assert np.exp(spelling._log_likelihood("a", emit)) == pytest.approx(0.6 * 0.5 + 0.6 * 0.5 + 0.4 * 0.5)
    assert spelling._log_likelihood("aa", emit) is None  # two steps cannot hold a, blank, a
    emit3 = {"a": np.array([0.6, 0.1, 0.7]), "": np.array([0.4, 0.9, 0.3])}
    assert np.exp(spelling._log_likelihood("aa", emit3)) == pytest.approx(0.6 * 0.9 * 0.7)


def test_a_stroke_among_small_letters_is_the_small_l_the_recognizer_allows() -> None:
    """A small l, a capital I and a digit 1 are one stroke in many sans-serif fonts: beside small
    letters, where the recognizer gives l some weight and the word with l is listed, it is l."""
    assert _read("J-I-n", {2: {"I": 0.6, "l": 0.3}}) == "Jln"  # also under the four letters words are mended from
    assert _read("T-o-t-a-1", {8: {"1": 0.6, "l": 0.3}}) == "Total"
    assert _read("B-i-1-1", {4: {"1": 0.6, "l": 0.3}, 6: {"1": 0.5, "l": 0.4}}) == "Bill"
    # the 1's flag was seen: a digit it stays ("No1", "Ctr1")
    assert _read("N-o-1", {4: {"1": 0.95, "l": 0.001}}) == "No1"
    # camel case is no slip: "Taxlnv" is no word; nor are capitals, where a stroke is an I
    assert _read("T-a-x-I-n-v", {6: {"I": 0.6, "l": 0.3}}) == "TaxInv"
    assert _read("J-I-N", {2: {"I": 0.6, "l": 0.3}}) == "JIN"
    assert _read("T-o-t-a-1", {8: {"1": 0.6, "l": 0.3}}, mend=False) == "Tota1"


def test_a_zero_among_letters_is_the_o_the_recognizer_allows() -> None:
    """A zero beside letters is the O of their case where the word so read is listed."""
    assert _read("S-I-N-G-A-P-0-R-E", {12: {"0": 0.6, "O": 0.3}}) == "SINGAPORE"
    assert _read("c-0-u-n-t-e-r", {2: {"0": 0.6, "o": 0.3}}) == "counter"
    # a zero the recognizer is sure of stays, as does one in no listed word
    assert _read("B-0-0-K", {2: {"0": 0.95, "O": 0.001}, 4: {"0": 0.95, "O": 0.001}}) == "B00K"
    assert _read("J-0-0", {2: {"0": 0.6, "O": 0.3}, 4: {"0": 0.6, "O": 0.3}}) == "J00"
