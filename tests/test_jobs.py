"""The vision jobs: text layout (Markdown, tables, code), the reader paths, and the plumbing on the
tiny random-weight model (prompts, tiles, streaming order, alt-text bound). Real engines, no mocks:
the tiny model runs in llama.cpp; :class:`Recording` only watches what passes through it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from docextract import jobs
from docextract.engines.base import Engine
from docextract.errors import UsageError
from docextract.textlayout import (
    TableBlock,
    guess_language,
    snap_indents,
    table_to_markdown,
    words_to_code,
    words_to_markdown,
)
from docextract.types import EngineOutput, EngineRequest, Word

SNIPPET = '''import os


def total(items):
    result = 0
    for item in items:
        if item.price > 0:
            result += item.price
    return result


class Cart:
    def __init__(self):
        self.items = []'''


def code_pdf(text: str = SNIPPET, size: float = 12) -> bytes:
    """A PDF page with ``text`` set in pymupdf's built-in Courier (no system fonts needed)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=460, height=40 + len(text.splitlines()) * size * 1.3)
    y = 30.0
    for line in text.splitlines():
        page.insert_text((20, y), line, fontname="cour", fontsize=size)
        y += size * 1.3
    data = doc.tobytes()
    doc.close()
    return data


def report_pdf() -> bytes:
    """A page with a heading, prose, an unruled table and a footer line."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((50, 60), "Quarterly Report", fontsize=22)
    page.insert_text((50, 100), "Sales rose in every region this quarter.", fontsize=11)
    page.insert_text((50, 115), "The table below lists the totals.", fontsize=11)
    y = 160
    for row in [("Region", "Units", "Revenue"), ("North", "120", "1,200.00"), ("South", "80", "800.50"), ("East", "95", "950.25")]:
        for x, cell in zip((50, 250, 400), row, strict=True):
            page.insert_text((x, y), cell, fontsize=11)
        y += 18
    page.insert_text((50, y + 30), "Prepared by the finance team.", fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


LEFT = ["The first column starts here and", "runs on for a few lines of text", "before it ends at the bottom of", "the page with this closing line."]
RIGHT = ["A second column stands beside it", "and is read only after the first", "column has been read all the way", "down to its last line of prose."]


def two_column_pdf() -> bytes:
    """A page with a full-width heading, two columns of prose on shared baselines, a footer."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((50, 60), "Field Notes", fontsize=22)
    for i, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        page.insert_text((50, 110 + 15 * i), left, fontsize=11)
        page.insert_text((320, 110 + 15 * i), right, fontsize=11)
    page.insert_text((50, 240), "Page footer, full width.", fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def render(pdf: bytes, dpi: float = 150) -> Image.Image:
    from docextract.testing.documents import render_pdf

    return render_pdf(pdf, dpi)


# --- textlayout ----------------------------------------------------------------------------------


def w(text: str, x0: float, y0: float, x1: float | None = None, h: float = 10) -> Word:
    return Word(text, x0, y0, x1 if x1 is not None else x0 + 6 * len(text), y0 + h)


def test_markdown_paragraphs_heading_and_table_in_reading_order() -> None:
    words = [w("Title", 10, 0, h=24), w("first", 10, 40), w("line", 44, 40), w("second", 10, 52),
             w("A", 10, 100), w("B", 100, 100), w("1", 10, 112), w("2", 100, 112), w("after", 10, 160)]
    table = TableBlock((10, 100, 110, 122), ["A", "B"], [["1", "2"]])
    md = words_to_markdown(words, [table])
    assert md == "## Title\n\nfirst line\nsecond\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nafter"
    plain = words_to_markdown(words, [table], plain=True)
    assert plain == "Title\n\nfirst line\nsecond\n\nA  B\n1  2\n\nafter"


def test_table_markdown_escapes_and_pads() -> None:
    md = table_to_markdown(TableBlock((0, 0, 1, 1), [], [["a|b", "c\nd"], ["only"]]))
    assert md.splitlines() == ["| a\\|b | c d |", "|---|---|", "| only |  |"]


def test_prose_that_looks_like_markdown_is_escaped() -> None:
    assert words_to_markdown([w("#", 0, 0), w("1", 10, 0), w("total", 20, 0)]) == "\\# 1 total"


def test_columns_of_prose_are_read_one_after_the_other() -> None:
    words = [w("Heading", 10, 0, h=20)]
    for i in range(4):
        words += [w("left", 10, 40 + 14 * i), w(f"column line {i}", 40, 40 + 14 * i)]
        words += [w("right", 300, 40 + 14 * i), w(f"column line {i}", 336, 40 + 14 * i)]
    md = words_to_markdown(words)
    left = "\n".join(f"left column line {i}" for i in range(4))
    right = "\n".join(f"right column line {i}" for i in range(4))
    assert md == f"## Heading\n\n{left}\n\n{right}"


def test_labels_and_amounts_far_apart_stay_rows() -> None:
    rows = [("Subtotal", "10.00"), ("Tax", "0.80"), ("Total", "10.80"), ("Cash", "20.00"), ("Change", "9.20")]
    words = [x for i, (label, amount) in enumerate(rows) for x in (w(label, 10, 14 * i), w(amount, 300, 14 * i))]
    assert words_to_markdown(words).splitlines() == [f"{label} {amount}" for label, amount in rows]
    # a narrow first column (item numbers) beside prose is not split off either
    words = [x for i in range(4) for x in (w(f"{i + 1}.", 10, 14 * i), w("an item described at some length", 60, 14 * i))]
    lines = [f"{i + 1}. an item described at some length" for i in range(4)]
    assert [" ".join(ln.split()) for ln in words_to_markdown(words, plain=True).splitlines()] == lines


def test_code_indentation_from_positions() -> None:
    cw = 7.0  # a monospace character
    rows = ["def f(x):", "    if x:", "        return  1", "", "    return 0"]
    words = []
    for i, row in enumerate(rows):
        col = 0
        for token in row.split(" "):
            if token:
                words.append(Word(token, col * cw, i * 14, (col + len(token)) * cw, i * 14 + 10))
            col += len(token) + 1
    assert words_to_code(words) == "\n".join(rows)


def test_snap_indents() -> None:
    assert snap_indents([0, 3.8, 8.3, 12.1]) == [0, 4, 8, 12]
    assert snap_indents([0, 2.1, 3.9]) == [0, 2, 4]
    assert snap_indents([0, 1.2, 3.1]) == [0, 1, 3]


@pytest.mark.parametrize(
    ("code", "language"),
    [
        (SNIPPET, "python"),
        ("#include <stdio.h>\nint main(void) {\n    printf(\"hi\");\n}", "c"),
        ("const x = 1;\nfunction f() { console.log(x); }", "javascript"),
        ("package main\n\nfunc main() {\n    x := 1\n    fmt.Println(x)\n}", "go"),
        ("fn main() {\n    let mut x = 1;\n    println!(\"{}\", x);\n}", "rust"),
        ("SELECT name FROM users WHERE id = 1;", "sql"),
        ("hello world", None),
    ],
)
def test_guess_language(code: str, language: str | None) -> None:
    assert guess_language(code) == language


# --- alt text and streaming clean-up -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A red bicycle leaning against a brick wall in the rain. " * 5,
        "Image of a cat sleeping on a laptop keyboard",
        "x" * 300,
        "  \x01\x02 Two  spaced\n words ",
    ],
)
def test_trim_alt_text(text: str) -> None:
    alt = jobs.trim_alt_text(text)
    assert len(alt) <= jobs.ALT_TEXT_MAX
    assert "\n" not in alt and "  " not in alt and not alt.lower().startswith("image of")
    if " " in text.strip() and len(text) > 125:
        assert text.startswith(alt) or alt in text  # cut at a word boundary: a prefix of the words
        assert not alt.endswith(" ")


def test_alt_text_cut_at_word_boundary() -> None:
    alt = jobs.trim_alt_text("word " * 40)
    assert alt.endswith("word") and len(alt) <= 125 and len(alt) > 115


def test_cleaner_streams_exactly_what_it_returns() -> None:
    seen: list[str] = []
    cleaner = jobs._Cleaner(seen.append)
    for piece in ["\n", " \x01", "Hello", " ", "\x02wor", "ld", "\n\n", "Next", " ", "\n"]:
        cleaner(piece)
    assert cleaner.text() == "Hello world\n\nNext"
    assert "".join(seen) == cleaner.text()


# --- the reader (no model) -----------------------------------------------------------------------


def test_ocr_markdown_from_the_pdf_text_layer(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(report_pdf())
    streamed: list[str] = []
    md = jobs.ocr_markdown(pdf, on_text=streamed.append)
    assert "".join(streamed) == md
    assert md.startswith("## Quarterly Report\n\nSales rose in every region this quarter.")
    assert "| Region | Units | Revenue |\n|---|---|---|\n| North | 120 | 1,200.00 |" in md
    assert md.endswith("Prepared by the finance team.")
    text = jobs.ocr_markdown(pdf, plain=True)
    assert "|" not in text and "North   120    1,200.00" in text


def test_two_column_page_in_reading_order(tmp_path: Path) -> None:
    expected = "## Field Notes\n\n" + "\n".join(LEFT) + "\n\n" + "\n".join(RIGHT) + "\n\nPage footer, full width."
    assert jobs.ocr_markdown(two_column_pdf()) == expected  # text layer
    text = jobs.ocr_markdown(render(two_column_pdf(), 150), plain=True)  # OCR of the rendered page
    assert [" ".join(p.split()) for p in text.split("\n\n")] == [
        "Field Notes",
        " ".join(LEFT),
        " ".join(RIGHT),
        "Page footer, full width.",
    ]


def test_ocr_pages_are_separated(tmp_path: Path) -> None:
    import pymupdf

    doc = pymupdf.open()
    for n in (1, 2):
        doc.new_page().insert_text((50, 60), f"This is page number {n} of the test", fontsize=12)
    pages = list(jobs.iter_ocr(doc.tobytes()))
    assert [(p.page, p.origin) for p in pages] == [(1, "text"), (2, "text")]
    assert jobs.ocr_markdown(doc.tobytes(), pages="2") == "This is page number 2 of the test"


def test_code_from_the_pdf_text_layer_keeps_indentation() -> None:
    result = jobs.code(code_pdf())
    assert result.code == SNIPPET
    assert result.language == "python"


def test_ocr_and_code_on_rendered_images() -> None:
    pytest.importorskip("docextract.ocr")
    md = jobs.ocr_markdown(render(report_pdf(), 150))
    assert "Quarterly Report" in md and "finance team" in md
    assert "| Region | Units | Revenue |" in md and "| North | 120 | 1,200.00 |" in md
    result = jobs.code(render(code_pdf(size=14), 150))
    indents = [len(line) - len(line.lstrip(" ")) for line in result.code.splitlines() if line.strip()]
    assert indents == [len(line) - len(line.lstrip(" ")) for line in SNIPPET.splitlines() if line.strip()]
    assert result.language == "python"


CASE_SNIPPET = """def scan(words, ok):
    s = 0
    for x in words:
        s += x
    vowels = count(words)
    Zoo.scan(ok)
    Cow = Vex(sox, WOX, zsu)
    Kit = kx(ok, KW)
    return s, vowels"""
_MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")


def screenshot(text: str, size: int, dark: bool) -> Image.Image:
    """``text`` as an editor shows it: DejaVu Sans Mono, light or dark theme."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(_MONO), size)
    rows = text.splitlines()
    img = Image.new("RGB", (int(max(font.getlength(r) for r in rows)) + 40, int(len(rows) * size * 1.4) + 30),
                    (30, 30, 30) if dark else "white")
    draw = ImageDraw.Draw(img)
    for i, row in enumerate(rows):
        draw.text((20, 15 + i * size * 1.4), row, font=font, fill=(220, 220, 220) if dark else (20, 20, 20))
    return img


@pytest.mark.skipif(not _MONO.is_file(), reason="DejaVu Sans Mono is not installed")
@pytest.mark.parametrize(("size", "dark"), [(16, False), (14, True), (24, False)])
def test_code_keeps_letter_case_of_letters_of_one_shape(size: int, dark: bool) -> None:
    """``s += x`` is not ``S += X``: c o s u v w x z p (and k by its arms) take their case from
    their height (the recognizer alone read the capitals), in lines with no letter of sure case
    too."""
    pytest.importorskip("docextract.ocr")
    assert jobs.code(screenshot(CASE_SNIPPET, size, dark)).code == CASE_SNIPPET


def test_vision_jobs_refuse_the_reader() -> None:
    from docextract.engines.reader import ReaderEngine

    for call in (lambda e: jobs.describe(b"x", e), lambda e: jobs.ask(b"x", "why?", e), lambda e: jobs.alt_text(b"x", e)):
        for engine in (None, ReaderEngine()):
            with pytest.raises(jobs.NeedsVisionModel, match="models pull NAME") as info:
                call(engine)
            assert info.value.exit_code == 2 and "--mmproj" in str(info.value)


def test_unknown_option_and_empty_question() -> None:
    with pytest.raises(TypeError, match="unknown option"):
        jobs.ocr_markdown(report_pdf(), colour="blue")
    with pytest.raises(UsageError, match="empty"):
        jobs.ask(b"x", "  ", None)


# --- the tiny model ------------------------------------------------------------------------------


class Recording(Engine):
    """Passes every request to a real engine and keeps the requests and the streamed pieces."""

    name = "recording"

    def __init__(self, inner: Engine) -> None:
        self.inner = inner
        self.tile_size = inner.tile_size
        self.requests: list[EngineRequest] = []
        self.pieces: list[list[str]] = []
        self.outputs: list[EngineOutput] = []

    def generate(self, request: EngineRequest) -> EngineOutput:
        pieces: list[str] = []
        sink = request.on_text

        def tee(piece: str) -> None:
            pieces.append(piece)
            if sink is not None:
                sink(piece)

        output = self.inner.generate(replace(request, on_text=tee if sink is not None else None))
        self.requests.append(request)
        self.pieces.append(pieces)
        self.outputs.append(output)
        return output


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    pytest.importorskip("llama_cpp")
    pytest.importorskip("gguf")
    from docextract.engines.llama.engine import LlamaEngine
    from docextract.testing.tiny_vlm import write_tiny_vlm

    engine = LlamaEngine(*write_tiny_vlm(tmp_path_factory.mktemp("vlm"), image_size=224), n_threads=2)
    engine.load()
    yield engine
    engine.close()


def lines_image(width: int, height: int) -> Image.Image:
    """Text-like ink: thin bars every 20 px, so tiling measures text and cuts tall images."""
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    for y in range(10, height - 10, 20):
        draw.rectangle((8, y, width - 8, y + 4), fill="black")
    return img


def test_describe_one_tile_streams_in_order(tiny: Engine) -> None:
    rec = Recording(tiny)
    streamed: list[str] = []
    answer = jobs.describe(lines_image(200, 120), rec, on_text=streamed.append, max_tokens=12)
    assert len(rec.requests) == 1 and answer.tiles == 1
    request = rec.requests[0]
    assert request.prompt == jobs.DESCRIBE_PROMPT and request.schema is None and request.max_tokens == 12
    assert len(request.images) == 1 and request.images[0].size == (200, 120)
    # The engine streamed every token, in order, and what the job streamed is what it returned:
    # the raw text minus control characters and outer blank space.
    assert "".join(rec.pieces[0]) == rec.outputs[0].text and len(rec.pieces[0]) >= 1
    assert "".join(streamed) == answer.text == jobs._CONTROL.sub("", rec.outputs[0].text).strip()
    assert answer.truncated == (rec.outputs[0].finish_reason == "length")


def test_describe_tall_image_tiles_then_combines(tiny: Engine) -> None:
    rec = Recording(tiny)
    answer = jobs.describe(lines_image(224, 380), rec, max_tokens=6)
    tiles = [r for r in rec.requests if r.images]
    assert answer.tiles == len(tiles) == 2
    assert [r.prompt.split(".")[0] for r in tiles] == ["This image is part 1 of 2 of the page", "This image is part 2 of 2 of the page"]
    assert all(max(r.images[0].size) <= 224 for r in tiles)
    combine = rec.requests[-1]
    assert not combine.images and "Descriptions of 2 parts of one page" in combine.prompt
    assert rec.requests[:-1] == tiles and [r.on_text is not None for r in rec.requests] == [False, False, True]


def test_ask_multi_page_asks_each_part_then_combines(tiny: Engine) -> None:
    import pymupdf

    doc = pymupdf.open()
    for _ in range(2):
        doc.new_page(width=150, height=100).draw_rect(pymupdf.Rect(10, 10, 140, 20), fill=(0, 0, 0))
    rec = Recording(tiny)
    answer = jobs.ask(doc.tobytes(), "What is the total?", rec, max_tokens=4, dpi=72)
    assert answer.pages == 2 and len(rec.requests) == 3
    assert all("Question: What is the total?" in r.prompt and "NOT VISIBLE" in r.prompt for r in rec.requests[:2])
    assert rec.requests[0].prompt.startswith("This image is part 1 of page 1.")
    assert rec.requests[1].prompt.startswith("This image is part 1 of page 2.")
    assert not rec.requests[2].images and "Answers from 2 parts of one document" in rec.requests[2].prompt


def test_alt_text_is_bounded(tiny: Engine) -> None:
    rec = Recording(tiny)
    alt = jobs.alt_text(lines_image(120, 80), rec, max_tokens=60)
    assert len(alt) <= 125 and "\n" not in alt
    assert rec.requests[0].prompt == jobs.ALT_PROMPT and rec.requests[0].max_tokens == 60


def test_code_with_a_model_goes_through_the_code_schema(tiny: Engine) -> None:
    rec = Recording(tiny)
    result = jobs.code(lines_image(200, 100), rec, max_tokens=40)
    assert len(rec.requests) >= 1 and rec.requests[0].schema.name == "code"
    assert "Extract the code" in rec.requests[0].prompt
    assert isinstance(result.code, str)


def test_ocr_with_a_model_stitches_tiles(tiny: Engine) -> None:
    rec = Recording(tiny)
    streamed: list[str] = []
    pages = list(jobs.iter_ocr(lines_image(224, 380), rec, on_text=streamed.append, max_tokens=6))
    assert [(p.page, p.origin) for p in pages] == [(1, "model")]
    assert len(rec.requests) == 2 and all(jobs.OCR_PROMPT in r.prompt for r in rec.requests)
    assert rec.requests[0].on_text is not None  # the first tile streams live
    assert "".join(streamed) == pages[0].text


def test_video_frames_with_the_model(tiny: Engine, tmp_path: Path) -> None:
    pytest.importorskip("av")
    from docextract.sources.video import write_test_video

    clip = write_test_video(tmp_path / "c.mp4", [(200, 0, 0), (0, 0, 200)], seconds_each=1.0, fps=5)
    rec = Recording(tiny)
    frames = list(jobs.video_frames(clip, rec, every=1.0, question="What colour?", max_tokens=4))
    assert [(f.index, f.timestamp) for f in frames] == [(0, "00:00:00.000"), (1, "00:00:01.000")]
    assert all("Question: What colour?" in r.prompt for r in rec.requests) and len(rec.requests) == 2
    assert frames[1].to_dict() == {"frame": 1, "time": 1.0, "timestamp": "00:00:01.000", "text": frames[1].text}
