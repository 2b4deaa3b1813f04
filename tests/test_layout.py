"""Rows, cells and blocks from words with boxes."""

from __future__ import annotations

from docextract.layout import Line, group_blocks, group_rows, reading_order, union_bbox
from docextract.types import Word


def w(text: str, x0: float, y0: float, x1: float | None = None, h: float = 10) -> Word:
    return Word(text, x0, y0, x1 if x1 is not None else x0 + 8 * len(text), y0 + h)


def test_rows_by_vertical_overlap_left_to_right() -> None:
    words = [w("80.90", 300, 101), w("TOTAL", 10, 100), w("CASH", 10, 120), w("100.00", 290, 122)]
    rows = group_rows(words)
    # Cells far apart are joined by three spaces (so "1   120,00" never reads as 1120.00).
    assert [r.text for r in rows] == ["TOTAL   80.90", "CASH   100.00"]


def test_skewed_row_stays_together() -> None:
    # Each word 4 px lower than the previous one: the row drifts by more than a text height overall.
    words = [w(t, 10 + 60 * i, 100 + 4 * i) for i, t in enumerate(["A1", "B2", "C3", "D4", "E5"])]
    words.append(w("NEXT", 10, 125))
    rows = group_rows(words)
    assert rows[0].text.split() == ["A1", "B2", "C3", "D4", "E5"]
    assert rows[1].text == "NEXT"


def test_stacked_words_and_tall_stamp_stay_apart() -> None:
    rows = group_rows([w("NAME", 10, 100), w("ADDR", 10, 106)])  # overlapping x: never one row
    assert len(rows) == 2
    stamp = Word("POSTED", 200, 60, 320, 122)  # a tall box reaching into the name row
    rows = group_rows([stamp, w("YONG CEN ENTERPRISE", 10, 100, 180, h=34)])
    assert len(rows) == 2


def test_padded_ocr_boxes_set_close_stay_one_row() -> None:
    """OCR pads its boxes: a count "6" set close before "85.00" overlaps it by a few pixels (a
    third of its own width), which two cells of one line do and two stacked lines do not."""
    words = [Word("Process review", 100, 754, 300, 775), Word("6", 966, 754, 988, 773), Word("85.00", 979, 751, 1055, 778),
             Word("510.00", 1080, 751, 1156, 778)]
    assert [r.text for r in group_rows(words)] == ["Process review   6 85.00   510.00"]
    stacked = [Word("Hours", 960, 750, 1000, 772), Word("total", 962, 760, 998, 782)]  # a narrow column's two lines
    assert len(group_rows(stacked)) == 2


def test_cells_split_at_wide_gaps() -> None:
    line = Line([w("Total", 10, 0), w("TTC", 55, 0), w(":", 85, 0), w("56,02", 400, 0), w("€", 445, 0)])
    assert [c.text for c in line.cells()] == ["Total TTC :", "56,02 €"]


def test_words_set_large_are_parted_by_their_own_size() -> None:
    """A letterhead's name in 60 px type beside its address in 20 px: the name's word space (20 px)
    is wide against the row's small print but narrow against the name's own, so the name stays one
    cell; a column gap among the small words still parts them."""
    line = Line([w("Marta", 10, 0, 190, h=60), w("Lindqvist", 210, 0, 520, h=60), w("Leeds", 900, 20, 960, h=20),
                 w("LS2", 966, 20, 1000, h=20), w("7AB", 1006, 20, 1040, h=20)])
    assert [c.text for c in line.cells()] == ["Marta Lindqvist", "Leeds LS2 7AB"]
    assert line.text == "Marta Lindqvist   Leeds LS2 7AB"


def test_span_bbox_inside_one_ocr_box() -> None:
    line = Line([Word("TOTAL 12.00", 0, 0, 110, 10)])
    box = line.span_bbox(6, 11)
    assert box is not None and 55 <= box[0] <= 65 and box[2] == 110


def test_blocks_and_reading_order() -> None:
    words = [w("Name", 10, 0), w("Street 1", 10, 12), w("City", 10, 24), w("Far below", 10, 200)]
    blocks = group_blocks(group_rows(words))
    assert [len(b) for b in blocks] == [3, 1]
    assert [x.text for x in reading_order(list(reversed(words)))] == ["Name", "Street 1", "City", "Far below"]
    assert union_bbox([]) is None
