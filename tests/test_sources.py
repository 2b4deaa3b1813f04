import io

import pymupdf
import pytest
from PIL import Image

from docextract.errors import InputError, UsageError
from docextract.sources import open_document, parse_pages, sniff
from docextract.testing.documents import invoice_pdf, receipt_pdf


def test_parse_pages():
    assert parse_pages(None, 5) == [1, 2, 3, 4, 5]
    assert parse_pages("1-3,7", 9) == [1, 2, 3, 7]
    assert parse_pages("4-", 6) == [4, 5, 6]
    assert parse_pages("2, 2-3", 5) == [2, 3]
    assert parse_pages("3-99", 4) == [3, 4]
    for bad in ("0", "3-1", "a", "1,,2", "-"):
        with pytest.raises(UsageError):
            parse_pages(bad, 5)
    with pytest.raises(UsageError, match="has 3 page"):
        parse_pages("5", 3)


def test_pdf_pages_are_lazy_and_carry_text_layer(tmp_path):
    doc = pymupdf.open()
    for i in range(4):
        doc.new_page(width=300, height=400).insert_text((20, 40), f"Page number {i + 1} text here", fontsize=12)
    path = tmp_path / "four.pdf"
    doc.save(path)
    with open_document(path) as d:
        assert d.kind == "pdf" and d.page_count == 4
        pages = d.pages("2,4", dpi=144)
        first = next(pages)
        assert first.number == 2 and first._image is None  # not rendered yet
        assert [w.text for w in first.words][:2] == ["Page", "number"]
        assert (first.width, first.height) == (600, 800)
        assert first.image.size == (600, 800)
        assert next(pages).number == 4


def test_rotated_pdf_page_words_follow_display(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=400)
    page.insert_text((20, 40), "Top left words here", fontsize=12)
    page.set_rotation(90)
    path = tmp_path / "rot.pdf"
    doc.save(path)
    with open_document(path) as d:
        p = next(d.pages(dpi=72))
        assert (p.width, p.height) == (400, 300)
        w = p.words[0]
        assert w.x0 > 300 and w.y0 < 150  # text at the top-left of the page is now top-right


def test_image_exif_orientation_and_tiff_frames(tmp_path):
    img = Image.new("RGB", (200, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW on display
    path = tmp_path / "photo.jpg"
    img.save(path, exif=exif)
    with open_document(path) as d:
        page = next(d.pages())
        assert page.image.size == (100, 200)
    frames = [Image.new("L", (50, 60), v) for v in (0, 128, 255)]
    tif = tmp_path / "multi.tiff"
    frames[0].save(tif, save_all=True, append_images=frames[1:])
    with open_document(tif) as d:
        assert d.page_count == 3
        assert [p.image.getpixel((0, 0)) for p in d.pages()] == [(0, 0, 0), (128, 128, 128), (255, 255, 255)]


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "BMP"])
def test_image_formats_and_modes(tmp_path, fmt):
    img = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    path = tmp_path / f"x.{fmt.lower()}"
    img.save(path, fmt)
    with open_document(path) as d:
        assert next(d.pages()).image.mode == "RGB"


def test_bytes_input_and_sha256():
    data = invoice_pdf()
    with open_document(data) as d:
        assert d.kind == "pdf" and len(d.sha256) == 64 and d.name == "<bytes>"


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "1", "P", "I;16", "CMYK", "F"])
def test_pil_image_input(mode):
    """A PIL image (a notebook's, a video frame) is read as a lossless PNG of itself, any mode."""
    img = Image.new("RGB", (60, 40), (255, 255, 255))
    img.paste((0, 0, 0), (10, 10, 30, 20))
    img = img.convert(mode)
    with open_document(img) as d:
        assert d.kind == "image" and d.name == "<bytes>"
        page = next(d.pages()).image
        assert page.mode == "RGB" and page.size == (60, 40)
        assert page.getpixel((15, 15)) == (0, 0, 0) and page.getpixel((50, 30)) == (255, 255, 255)


def test_other_objects_give_a_clear_error():
    with pytest.raises(InputError, match="pass a file path, the file's bytes or a PIL image"):
        open_document([1, 2, 3])


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.pdf", b"", "is empty"),
        ("text.pdf", b"hello, this is text", "not a PDF"),
        ("notes.txt", b"just some notes\n", "text file"),
        ("blob.bin", bytes(range(256)), "unsupported format"),
        ("broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "not a readable image|truncated"),
        ("trunc.pdf", receipt_pdf()[:200], "damaged"),
        ("trunc.png", b"\x89PNG\r\n\x1a\n", "not a readable image"),
    ],
)
def test_broken_inputs_give_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        with open_document(path) as d:
            list(d.pages())
    assert name in str(info.value)
    assert " at 0x" not in str(info.value)  # no internal object of the reader's


def test_encrypted_pdf(tmp_path):
    doc = pymupdf.open()
    doc.new_page().insert_text((50, 50), "secret total 42.00")
    path = tmp_path / "locked.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="owner")
    with pytest.raises(InputError, match="--password"):
        open_document(path)
    with pytest.raises(InputError, match="wrong"):
        open_document(path, password="nope")
    with open_document(path, password="pw") as d:
        assert "secret" in [w.text for w in next(d.pages()).words]


def test_image_size_limit(tmp_path):
    path = tmp_path / "huge.png"
    Image.new("L", (3000, 3000)).save(path)
    with pytest.raises(InputError, match="--max-pixels"):
        open_document(path, max_pixels=1_000_000)


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        open_document(tmp_path / "nope.pdf")
    with pytest.raises(InputError, match="directory"):
        open_document(tmp_path)


def test_sniff():
    assert sniff(b"%PDF-1.7") == "pdf"
    assert sniff(b"\n\n%PDF-1.4") == "pdf"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image"
    buf = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buf, "PNG")
    assert sniff(buf.getvalue()) == "image"
    assert sniff(b"hello") is None
