"""docextract.ocr with the real bundled models: text rendered with PIL, then read back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from docextract.ocr import OcrReader, OcrResult, get_reader

LINES = ["GROCERY MART", "Milk 2L 4.50", "Bread 3.20", "TOTAL 7.70", "Thank you!"]
_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if _FONT.is_file():
        return ImageFont.truetype(str(_FONT), size)
    return ImageFont.load_default(size=size)  # scalable since Pillow 10.1


def render(lines: list[str] = LINES, size: int = 30, width: int = 520) -> tuple[Image.Image, dict[str, tuple]]:
    """A white page with one text line per entry; returns it and each line's ink box."""
    font = _font(size)
    step = int(size * 1.8)
    img = Image.new("RGB", (width, 40 + step * len(lines)), "white")
    draw = ImageDraw.Draw(img)
    boxes = {}
    for i, text in enumerate(lines):
        xy = (30, 20 + i * step)
        draw.text(xy, text, fill="black", font=font)
        boxes[text] = draw.textbbox(xy, text, font=font)
    return img, boxes


def norm(text: str) -> str:
    return "".join(text.split()).upper()


def texts(result: OcrResult) -> list[str]:
    return [norm(w.text) for w in result.words]


def fits(box: tuple, ink: tuple, tol: float = 4) -> bool:
    """``box`` holds the ink (detector boxes have a margin) and is not much larger than it."""
    holds = box[0] <= ink[0] + tol and box[1] <= ink[1] + tol and box[2] >= ink[2] - tol and box[3] >= ink[3] - tol
    w, h = box[2] - box[0], box[3] - box[1]
    iw, ih = ink[2] - ink[0], ink[3] - ink[1]
    # the detector's margin is about half the text height on each side
    return holds and max(w, h) < max(iw, ih) + 1.5 * min(iw, ih) and min(w, h) < 2.2 * min(iw, ih)


@pytest.fixture(scope="module")
def reader() -> OcrReader:
    return get_reader()


@pytest.fixture(scope="module")
def page() -> tuple[Image.Image, dict[str, tuple]]:
    return render()


def test_reads_lines_in_order(reader: OcrReader, page: tuple) -> None:
    img, _ = page
    res = reader.read(img)
    assert texts(res) == [norm(t) for t in LINES]
    assert res.angle == 0 and res.skew == 0.0 and res.size == img.size
    assert all(w.source == "ocr" and 0.5 <= w.confidence <= 1.0 for w in res.words)
    assert all(0 <= w.x0 < w.x1 <= img.width and 0 <= w.y0 < w.y1 <= img.height for w in res.words)
    assert res.text.splitlines()[0] == "GROCERY MART"


def test_boxes_match_the_ink(reader: OcrReader, page: tuple) -> None:
    img, boxes = page
    res = reader.read(img)
    for w in res.words:
        ink = next(b for t, b in boxes.items() if norm(t) == norm(w.text))
        assert fits(w.bbox, ink), (w.text, w.bbox, ink)
        assert res.to_original(w.bbox) == pytest.approx(w.bbox, abs=1e-6)  # upright input


def _turned(box: tuple, angle: int, w: int, h: int) -> tuple:
    """``box`` of a w x h image after ``Image.rotate(angle, expand=True)`` (counter-clockwise)."""
    x0, y0, x1, y1 = box
    if angle == 90:
        return (y0, w - x1, y1, w - x0)
    if angle == 180:
        return (w - x1, h - y1, w - x0, h - y0)
    return (h - y1, x0, h - y0, x1)  # 270


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_rotated_pages_are_turned_upright(reader: OcrReader, page: tuple, angle: int) -> None:
    img, boxes = page
    res = reader.read(img.rotate(angle, expand=True))
    assert res.angle == (360 - angle) % 360
    assert texts(res) == [norm(t) for t in LINES]
    assert res.size == img.size
    total = next(w for w in res.words if norm(w.text) == "TOTAL7.70")
    assert fits(total.bbox, boxes["TOTAL 7.70"])  # upright frame = the unrotated page
    expected = _turned(boxes["TOTAL 7.70"], angle, *img.size)
    assert fits(res.to_original(total.bbox), expected), (res.to_original(total.bbox), expected)


def test_rotation_check_can_be_skipped(reader: OcrReader, page: tuple) -> None:
    img, _ = page
    res = reader.read(img.rotate(180, expand=True), detect_rotation=False)
    assert res.angle == 0
    assert texts(res) != [norm(t) for t in LINES]


def test_small_skew_is_corrected(reader: OcrReader, page: tuple) -> None:
    img, boxes = page
    skewed = img.rotate(3, expand=True, fillcolor="white", resample=Image.Resampling.BICUBIC)
    res = reader.read(skewed)
    assert texts(res) == [norm(t) for t in LINES]
    assert res.skew == pytest.approx(-3.0, abs=0.6)
    # level boxes in the upright frame: as tall as the unskewed page's (a skewed line's box
    # would be taller by its width * sin 3 deg, ~9 px here)
    total = next(w for w in res.words if norm(w.text) == "TOTAL7.70")
    level = next(w for w in reader.read(img).words if norm(w.text) == "TOTAL7.70")
    assert abs(total.height - level.height) < 4
    ink = boxes["TOTAL 7.70"]
    # mapped back, the box lies on the text in the skewed input
    cx, cy = (ink[0] + ink[2]) / 2, (ink[1] + ink[3]) / 2
    t = np.radians(3)  # where rotate(3, expand=True) puts the unskewed centre
    w, h = img.size
    ex = (cx - w / 2) * np.cos(t) + (cy - h / 2) * np.sin(t) + skewed.width / 2
    ey = -(cx - w / 2) * np.sin(t) + (cy - h / 2) * np.cos(t) + skewed.height / 2
    x0, y0, x1, y1 = res.to_original(total.bbox)
    assert x0 < ex < x1 and y0 < ey < y1


@pytest.mark.parametrize("angle", [-25, 18, 35])
def test_a_page_photographed_askew_is_levelled(reader: OcrReader, page: tuple, angle: float) -> None:
    """Beyond 10 degrees a tilt counts where the lines agree on it (a receipt photographed at an
    angle, here on a dark table): the rows read as rows, in order."""
    img, _ = page
    turned = img.rotate(angle, expand=True, fillcolor=(40, 40, 40), resample=Image.Resampling.BICUBIC)
    res = reader.read(turned)
    assert res.skew == pytest.approx(-angle, abs=1.0)
    assert texts(res) == [norm(t) for t in LINES]


def test_a_diagonal_stamp_is_no_skew(reader: OcrReader) -> None:
    """A level page with one long diagonal line (a stamp) stays level."""
    img, _ = render(LINES + [""] * 8, size=30, width=700)
    stamp = Image.new("RGB", (640, 60), "white")
    ImageDraw.Draw(stamp).text((10, 10), "PAID WITH THANKS 2025", fill="black", font=_font(34))
    stamp = stamp.rotate(25, expand=True, fillcolor="white")
    img.paste(stamp, (40, img.height - stamp.height - 5))
    res = reader.read(img)
    assert res.skew == 0.0
    assert texts(res)[: len(LINES)] == [norm(t) for t in LINES]


@pytest.mark.parametrize(
    "image",
    [
        Image.new("RGB", (400, 300), "white"),
        Image.new("L", (400, 300), 0),
        Image.new("RGB", (3, 2), "white"),
        Image.new("RGBA", (50, 50), (0, 0, 0, 0)),
    ],
    ids=["white", "black", "tiny", "transparent"],
)
def test_blank_images_give_no_words(reader: OcrReader, image: Image.Image) -> None:
    res = reader.read(image)
    assert res.words == []
    assert res.size == image.size


def _modes(img: Image.Image) -> dict[str, Image.Image]:
    gray = img.convert("L")
    rgba = Image.new("RGBA", img.size, (0, 0, 0, 0))  # black text on a transparent page
    rgba.putalpha(Image.eval(gray, lambda v: 255 - v))
    sixteen = Image.fromarray(np.asarray(gray, dtype=np.uint16) * 257)  # mode I;16
    return {"L": gray, "P": img.convert("P"), "RGBA": rgba, "I;16": sixteen, "1": gray.convert("1")}


@pytest.mark.parametrize("mode", ["L", "P", "RGBA", "I;16", "1"])
def test_image_modes(reader: OcrReader, mode: str) -> None:
    img, _ = render(LINES[:2])
    res = reader.read(_modes(img)[mode], detect_rotation=False)
    assert texts(res) == [norm(t) for t in LINES[:2]]


def test_small_and_huge_scales(reader: OcrReader) -> None:
    img, _ = render(["No. 42"], size=14, width=80)  # a 14 px snippet
    assert texts(reader.read(img)) == ["NO.42"]
    big, boxes = render(LINES[:3], size=150, width=2600)  # a 2600 px scan is shrunk, boxes are not
    res = reader.read(big)
    assert texts(res) == [norm(t) for t in LINES[:3]]
    assert fits(res.words[0].bbox, boxes[LINES[0]], tol=15)


def test_get_reader_is_cached() -> None:
    assert get_reader() is get_reader()


# --- spaces from the pixels ------------------------------------------------------------------

_ALPHABET = ["blank", "A", "B", ":", "1", "2", ".", " ", "Á"]


def _ctc(seq: str, width: int) -> np.ndarray:
    """Probabilities over ``_ALPHABET`` for ``seq`` ("-" = blank), one time step per 4 px."""
    probs = np.full((width // 4, len(_ALPHABET)), 0.01, np.float32)
    for t, ch in enumerate(seq.ljust(width // 4, "-")):
        probs[t, 0 if ch == "-" else _ALPHABET.index(ch)] = 0.9
    return probs


def _line(ink_spans: list[tuple[int, int]], width: int = 160) -> np.ndarray:
    crop = np.full((48, width, 3), 255, np.uint8)
    for x0, x1 in ink_spans:
        crop[10:38, x0:x1] = 0
    return crop


def test_missing_space_is_put_back_where_the_pixels_show_a_gap() -> None:
    from docextract.ocr import _ctc_text

    # "A" at x 8-20, ":" at x 24-28; "B" at x 60-72: 32 blank columns > 0.45 x 48
    probs = _ctc("--A-:-------B", 160)
    read = _ctc_text(probs, _ALPHABET, _line([(6, 20), (24, 28), (58, 72)]), 160)
    assert read.text == "A: B"
    assert read.score == pytest.approx(0.9) and read.least == pytest.approx(0.9)
    assert read.xs[2] is None and [round(x) for x in read.xs if x is not None] == [10, 18, 50]
    # the same characters printed close together keep no space
    text = _ctc_text(_ctc("--A-:-B", 160), _ALPHABET, _line([(6, 20), (22, 26), (28, 40)]), 160).text
    assert text == "A:B"


def test_no_space_is_put_inside_a_number_or_doubled() -> None:
    from docextract.ocr import _ctc_text

    # "1.2" with a wide gap after the point stays one number
    text = _ctc_text(_ctc("--1-.-------2", 160), _ALPHABET, _line([(6, 20), (24, 28), (58, 72)]), 160).text
    assert text == "1.2"
    # a space the recognizer emitted is kept, and not doubled
    text = _ctc_text(_ctc("--A---- ----B", 160), _ALPHABET, _line([(6, 20), (58, 72)]), 160).text
    assert text == "A B"
    # repeated characters need a blank between them; blanks only give nothing
    text = _ctc_text(_ctc("-11-1", 160), _ALPHABET, _line([(4, 10), (16, 22)]), 160).text
    assert text == "11"
    assert _ctc_text(_ctc("", 160), _ALPHABET, _line([]), 160)[:2] == ("", 0.0)


def test_a_doubtful_mark_at_a_line_end_is_dropped() -> None:
    """A speck after the last letter read as "." with p < 0.5 and the blank as runner-up goes; a
    sure mark, a doubtful letter, or a mark whose runner-up is another character stays."""
    from docextract.ocr import _ctc_text

    line = _line([(6, 20), (24, 36), (44, 46)])

    def read(p_mark: float, runner_up: int) -> str:
        probs = _ctc("--A-B-.", 160)
        probs[6, _ALPHABET.index(".")] = p_mark
        probs[6, runner_up] = 0.3
        return _ctc_text(probs, _ALPHABET, line, 160)[0]

    assert read(0.45, 0) == "AB"
    assert read(0.55, 0) == "AB."
    assert read(0.45, _ALPHABET.index(":")) == "AB."
    # at the start too, and a doubtful letter is not a speck
    probs = _ctc("-.-A-B", 160)
    probs[1, _ALPHABET.index(".")], probs[1, 0] = 0.45, 0.3
    assert _ctc_text(probs, _ALPHABET, line, 160)[0] == "AB"
    probs = _ctc("--A-B-1", 160)
    probs[6, _ALPHABET.index("1")], probs[6, 0] = 0.45, 0.3
    assert _ctc_text(probs, _ALPHABET, line, 160)[0] == "AB1"


def test_a_doubtful_accent_is_the_plain_letter() -> None:
    """"Á" at 0.56 with "A" as runner-up reads "A"; a sure "Á", or a doubtful one whose runner-up is
    something else, stays."""
    from docextract.ocr import _ctc_text

    line = _line([(6, 20), (24, 36)])

    def read(p: float, runner_up: str) -> str:
        probs = _ctc("--B-Á", 160)
        probs[4, _ALPHABET.index("Á")] = p
        probs[4, _ALPHABET.index(runner_up)] = 0.35
        return _ctc_text(probs, _ALPHABET, line, 160)[0]

    assert read(0.56, "A") == "BA"
    assert read(0.9, "A") == "BÁ"
    assert read(0.56, "B") == "BÁ"


def test_wide_gap_after_a_colon_reads_as_a_space(reader: OcrReader) -> None:
    font = _font(30)
    img = Image.new("RGB", (520, 80), "white")
    draw = ImageDraw.Draw(img)
    draw.text((30, 20), "TEL:", fill="black", font=font)
    left = draw.textbbox((30, 20), "TEL:", font=font)[2]
    draw.text((left + 22, 20), "0312 5678", fill="black", font=font)
    words = reader.read(img).words
    assert [w.text for w in words] == ["TEL: 0312 5678"]


# --- letter case by glyph height -------------------------------------------------------------


def _crop_of(text: str, size: int = 30, dark: bool = False) -> tuple[np.ndarray, list[tuple[str, float]]]:
    """A 48 px line crop of ``text`` and each character's centre x (where the recognizer puts it)."""
    font = _font(size)
    width = int(font.getlength(text)) + 20
    bg, fg = ("black", "white") if dark else ("white", "black")
    img = Image.new("RGB", (width, 48), bg)
    ImageDraw.Draw(img).text((10, 6), text, fill=fg, font=font)
    xs = [10 + (font.getlength(text[:i]) + font.getlength(text[: i + 1])) / 2 for i in range(len(text))]
    return np.asarray(img)[:, :, ::-1].copy(), list(zip(text, xs, strict=True))


@pytest.mark.parametrize("dark", [False, True])
def test_case_of_one_shape_letters_follows_their_height(dark: bool) -> None:
    from docextract.lettercase import Heights, glyph_rises, odd_case, recase

    assert [odd_case(w) for w in ("sUM", "TOtal", "sum", "SUM", "Sum", "x", "McDonald")] == [True, True, False, False, False, False, True]
    crop, chars = _crop_of("Zoo.scan(ok) Wax", dark=dark)
    rises = glyph_rises(crop, chars)
    heights = Heights.of([(c, r) for (c, _), r in zip(chars, rises, strict=True)])
    assert heights is not None and heights.cap - heights.x > 4
    capital = [heights.capital(r) for r in rises]
    misread = "ZOO.SCan(Ok) WaX"  # only letters of one shape are in doubt
    assert recase(misread, capital, everywhere=True) == "Zoo.scan(ok) Wax"
    # prose: only a word in an odd case is changed, and only where that makes its case plain
    assert recase("ZOO.SCAN(OK) WaX", capital, everywhere=False) == "ZOO.SCAN(OK) Wax"
    assert recase("zoo.scan(ok) wax", capital, everywhere=False) == "zoo.scan(ok) wax"
    assert recase("Zoo.SCaN(OK) wAX", capital, everywhere=False) == "Zoo.SCaN(OK) wAX"


def test_case_is_left_alone_where_the_ink_cannot_tell() -> None:
    from docextract.lettercase import Heights, glyph_rises

    # only letters of one shape in both cases: no reference height on the line
    crop, chars = _crop_of("sox wuz")
    assert Heights.of([(c, r) for (c, _), r in zip(chars, glyph_rises(crop, chars), strict=True)]) is None
    # a blank crop, and a gap between x-height and cap height too small to measure
    assert glyph_rises(np.full((48, 80, 3), 255, np.uint8), [("s", 20.0), ("a", 40.0)]) == [None, None]
    assert Heights(x=20.0, cap=21.0).capital(20.0) is None
    assert Heights(x=20.0, cap=28.0).capital(24.0) is None  # halfway: neither
    assert Heights(x=20.0, cap=28.0).capital(27.0) is True and Heights(x=20.0, cap=28.0).capital(21.0) is False


# --- doubtful lines read again -----------------------------------------------------------------


def test_readings_of_a_doubtful_line_vote() -> None:
    from docextract.ocr import _Reading, _vote

    crops = [np.full((48, 40 + k, 3), 255, np.uint8) for k in range(3)]

    def vote(*found: tuple[str, float]) -> tuple[str, int]:
        reading, crop = _vote([(_Reading(t, s, s, []), c) for (t, s), c in zip(found, crops, strict=False)])
        return reading.text, crop.shape[1] - 40

    # characters vote where lengths agree (spaces aside), spaced as the surest reading
    assert vote(("Cashter", 0.7), ("Cash ier", 0.86), ("Cashler", 0.83)) == ("Cash ier", 1)
    assert vote(("Subtotai :", 0.6), ("Subtotal:", 0.95), ("Subtotal :", 0.89)) == ("Subtotal:", 1)
    # a tie at a place goes to the surest reading
    assert vote(("RM 0.00", 0.6), ("RM O.00", 0.86), ("RM 8.00", 0.97)) == ("RM 8.00", 2)
    # lengths differ: the most frequent text, else the surest
    assert vote(("0 00", 0.5), ("000", 0.99), ("0.00", 0.94)) == ("000", 1)
    assert vote(("80 91", 0.5), ("80.91", 0.96), ("80.91", 0.91)) == ("80.91", 1)
    assert vote(("", 0.0), ("TOTAL", 0.9)) == ("TOTAL", 1)


def test_other_cuts_of_a_line_box_grow_across_and_along_the_line() -> None:
    from docextract.ocr import _grown

    level = np.array([[10, 10], [110, 10], [110, 30], [10, 30]], np.float32)
    assert _grown(level, 0.2, 0.3).tolist() == [[4, 6], [116, 6], [116, 34], [4, 34]]
    assert _grown(level, -0.1, 0.0).tolist() == [[10, 12], [110, 12], [110, 28], [10, 28]]
    tall = np.array([[10, 10], [30, 10], [30, 110], [10, 110]], np.float32)  # a line running down
    assert _grown(tall, 0.2, 0.3).tolist() == [[6, 4], [34, 4], [34, 116], [6, 116]]


def test_reading_every_line_again_keeps_clean_print(page: tuple[Image.Image, dict[str, tuple]]) -> None:
    img, _ = page
    again = OcrReader(reread_below=1.01)  # every line read again from the other cuts
    assert texts(again.read(img)) == [norm(t) for t in LINES]


def _dense_table_page(size: int = 15, pitch: int = 18) -> tuple[Image.Image, list[str]]:
    """An A4 page at 150 dpi: paragraphs of body text, then a table of small figures set one
    line under the next (a 15 px font on an 18 px pitch by default), as report pages set them."""
    img = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(img)
    body, small = _font(22), _font(size)
    for i in range(18):
        draw.text((120, 120 + 38 * i), "The survey measured the rate in every region of the country.", fill="black", font=body)
    rng = np.random.default_rng(7)
    figures = []
    for r in range(24):
        y = 860 + pitch * r
        draw.text((300, y), f"Region {r + 1}", fill="black", font=small)
        for c in range(3):
            value = f"{rng.integers(10, 99)},{rng.integers(0, 9)}"
            figures.append(value)
            draw.text((480 + 110 * c, y), value, fill="black", font=small)
    return img, figures


def test_small_figures_set_close_are_read_line_by_line(reader: OcrReader) -> None:
    # Shrunk to the detector's half megapixel, the table's lines run together (6 of the 72
    # figures were read); lines found that close get the page a second, larger look.
    img, figures = _dense_table_page()
    read = [norm(w.text) for w in reader.read(img, detect_rotation=False).words]
    found = sum(read.count(f) for f in set(figures))
    assert found >= 0.9 * len(figures), (found, len(figures))


def test_a_column_of_figures_run_together_into_one_box_gets_a_larger_look(reader: OcrReader) -> None:
    # Set closer still (13 px on 16), each column of figures is one box 12 lines tall at the
    # detector's scale and the page's closest lines are the body's: 1 of the 72 was read.
    img, figures = _dense_table_page(13, 16)
    read = [norm(w.text) for w in reader.read(img, detect_rotation=False).words]
    found = sum(read.count(f) for f in set(figures))
    assert found >= 0.9 * len(figures), (found, len(figures))


def test_rows_still_run_together_after_a_larger_look_are_measured_again() -> None:
    """Rows that ran together at the first scale measure wider apart than they are, so the
    second look may still be too small; their pitch is measured again there. The fake detector
    finds a table's rows as a real one did on a report page of 7 pt figures (A4 at 150 dpi):
    13 px apart at the first scale (pairs run together), 10 px at 0.66, 15.5 px at 1.0."""
    from docextract.ocr import OcrReader

    work = np.full((1754, 1240, 3), 255, np.uint8)
    scales: list[float] = []

    class Det:
        def __call__(self, img: np.ndarray) -> np.ndarray:
            s = img.shape[1] / work.shape[1]
            scales.append(s)
            pitch = 13.0 if s < 0.6 else 10.0 * s / 0.66 if s < 0.9 else 15.5 * s
            rows = [(100.0, 100.0 + pitch * i) for i in range(30)]
            return np.array([[[x, y], [x + 200, y], [x + 200, y + 12], [x, y + 12]] for x, y in rows])

    class Models:
        det = Det()

    OcrReader()._detect(Models(), work)  # type: ignore[arg-type]
    assert [round(s, 2) for s in scales] == [0.48, 0.66, 1.0]


def test_level_running_text_overrules_a_grid_lined_up_along_a_diagonal() -> None:
    """Short boxes of a table are reported level whatever their tilt, so a page without long lines
    is levelled by the angle at which the box centres line up in rows. A level table's grid can
    line up better along a diagonal (it read a clean statistics page 4 degrees askew and crossed
    its rows); lines of running text, whose angle the detector measures well, keep such a page
    level."""
    from docextract.ocr import _skew

    def box(x: float, y: float, w: float, h: float = 24.0) -> list[list[float]]:
        return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]]

    tilt = np.tan(np.radians(4.0))
    # five columns of figures whose centres rise 4 degrees to the right, each box level
    grid = [box(200 + 170 * j, 300 + 30 * i - 170 * j * tilt, 55) for i in range(14) for j in range(5)]
    assert _skew(np.array(grid, np.float32)) == pytest.approx(-4.0, abs=0.1)
    text = [box(100, 100 + 30 * i, 1000) for i in range(4)]
    assert _skew(np.array(text + grid, np.float32)) == 0.0


@pytest.mark.parametrize(("font", "left", "right"), [("DejaVuSans", "05-03-2018", "19:02:50"),
                                                     ("DejaVuSansMono", "1,031,773", "1,068,270")])
def test_a_blank_between_two_digits_is_a_space(reader: OcrReader, font: str, left: str, right: str) -> None:
    """The recognizer runs figures set a few points apart together ("05-03-201819:02:50", two
    table cells as "1,031,7731,068,270"); the blank in the ink between them puts the space back,
    as between letters (digits inside one number stand closer)."""
    face = ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{font}.ttf", 22)
    img = Image.new("RGB", (600, 70), "white")
    draw = ImageDraw.Draw(img)
    draw.text((20, 20), left, fill="black", font=face)
    draw.text((29 + draw.textlength(left, font=face), 20), right, fill="black", font=face)
    assert [w.text for w in reader.read(img).words] == [f"{left} {right}"]


def test_digits_a_font_sets_wide_apart_stay_one_number(reader: OcrReader) -> None:
    """Some fonts set every digit of a number half a line height apart (PyMuPDF's Japanese font):
    a blank between two digits parts them only where it is twice as wide as the line's digits
    are mostly set apart ("¥6 1 0" had come out, and a subtotal of 6)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=260, height=60)
    page.insert_text((10, 25), "小計              ¥610", fontname="japan", fontsize=10)
    page.insert_text((10, 41), "合計              ¥658", fontname="japan", fontsize=10)
    pix = page.get_pixmap(dpi=200)
    words = reader.read(Image.frombytes("RGB", (pix.width, pix.height), pix.samples)).words
    assert [w.text.lstrip("¥￥ ") for w in words if "¥" in w.text or "￥" in w.text] == ["610", "658"]


def test_dots_take_the_row_their_baseline_is_on() -> None:
    """Dots sit on the baseline, low in their line: a line box of the next column set lower (a
    two-column page) can be nearer their centre than their own row's. The mark is placed by the
    middle of its letters' height, a third of a line over the dots."""
    from docextract.ocr import _lone_marks

    work = np.full((300, 700, 3), 255, np.uint8)
    work[119:122, 350:353] = 0
    work[119:122, 357:360] = 0

    def box(x0: float, y0: float, x1: float) -> list[list[float]]:
        return [[x0, y0], [x1, y0], [x1, y0 + 24], [x0, y0 + 24]]

    quads = np.array([box(10, 100, 300), box(400, 114, 600), box(10, 200, 300)], np.float32)
    [(text, quad)] = _lone_marks(work, quads)
    assert text == ".." and (quad[0][1], quad[2][1]) == (100, 124)


def test_a_line_keeps_where_its_words_ink_lies(reader: OcrReader) -> None:
    """The detector boxes words set close as one line, and a table's cells too ("Male Female
    Both sexes" over three columns), with a margin that varies; the reader keeps where each
    word's ink begins and ends (from the line's crop, mapped back to the page), so that columns
    can part the line."""
    face = ImageFont.truetype(str(_FONT), 24)
    img = Image.new("RGB", (640, 80), "white")
    draw = ImageDraw.Draw(img)
    x, inks = 20, []
    for word in ["Male", "Female", "Both", "sexes", "1,087"]:
        inks.append(draw.textbbox((x, 25), word, font=face))
        draw.text((x, 25), word, fill="black", font=face)
        x = inks[-1][2] + 14
    [line] = reader.read(img, detect_rotation=False).words
    assert line.text == "Male Female Both sexes 1,087"
    assert len(line.spans) == 5
    for (x0, x1), ink in zip(line.spans, inks, strict=True):
        assert abs(x0 - ink[0]) <= 4 and abs(x1 - ink[2]) <= 4
    # another frame may turn the line: its ink spans are not carried there
    assert line.mapped(lambda b: b).spans == ()
    assert line.moved(10, 0, 2.0).spans[0] == ((line.spans[0][0] + 10) * 2, (line.spans[0][1] + 10) * 2)


def test_a_line_crops_ink_leaves_out_its_margins_neighbours() -> None:
    """A line box's margin may hold the descenders of the line above set close, or a table's
    rule: the columns between the line's words are blank all the same (the spaces and word
    extents are measured there), but not where the line's own letters are."""
    from docextract.ocr import _ink_columns

    crop = np.full((48, 120), 255, np.uint8)
    crop[0:5, :] = 0  # a rule through the top margin
    crop[8:11, 30:50] = 0  # descenders of the line above, blank rows from this line's letters
    crop[15:36, 10:28] = 0  # the line: two words
    crop[15:36, 60:100] = 0
    crop[14:38, 70:72] = 0  # a tall letter
    ink = _ink_columns(crop)
    assert ink[10:28].all() and ink[60:100].all()
    assert not ink[28:60].any() and not ink[:10].any() and not ink[100:].any()
    # bold capitals' top strokes make a row dark most of the way across: still the line's own ink
    # (taking it for a rule had cut "B ASE IMPONIBLE", "Imprime erie")
    crop = np.full((48, 120), 255, np.uint8)
    for x0, x1 in ((5, 51), (62, 116)):
        crop[15:18, x0:x1] = 0  # the strokes across the top
        crop[15:36, x0 : x0 + 3] = 0  # and the stems
        crop[15:36, x1 - 3 : x1] = 0
    ink = _ink_columns(crop)
    assert ink[5:51].all() and ink[62:116].all() and not ink[51:62].any()
