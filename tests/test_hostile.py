"""Hostile inputs: each is one plain-language line on stderr naming the file and the fix (no traceback)
from ``docextract pdf/image``, and a ``failed`` record in a batch that goes on."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pymupdf
import pytest

from docextract.testing.documents import receipt_image, receipt_pdf

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "s3cret"


def cli(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], capture_output=True,
                          text=True, errors="replace", timeout=240, cwd=REPO)


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (/Kids [] /Count 0), written by hand."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def bomb_png(width: int = 50_000, height: int = 50_000) -> bytes:
    """A tiny PNG that claims 2.5 gigapixels (a decompression bomb): the header alone must stop it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def encrypted_pdf() -> bytes:
    doc = pymupdf.open(stream=receipt_pdf(), filetype="pdf")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=PASSWORD, owner_pw=PASSWORD + "-owner")
    doc.close()
    return data


# name -> (bytes or None for special set-up, words the one-line message must contain)
CASES: dict[str, tuple[bytes | None, tuple[str, ...]]] = {
    "empty.pdf": (b"", ("empty (0 bytes)",)),
    "truncated.pdf": (None, ("damaged", "re-export")),
    "encrypted.pdf": (None, ("encrypted", "--password")),
    "zero-pages.pdf": (zero_page_pdf(), ("no pages",)),
    "bomb.png": (bomb_png(), ("50000x50000", "--max-pixels")),
    "letter.pdf": (b"Dear customer,\nthis is plain text.\n", ("not a PDF", "mislabelled")),
    "noise.jpg": (bytes(range(256)) * 4, ("not an image", "corrupt")),
    "sheet.xlsx": (b"PK\x03\x04" + bytes(200), ("unsupported format", "PDF, JPEG")),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, (data, _) in CASES.items():
        if data is not None:
            (folder / name).write_bytes(data)
    pdf = receipt_pdf()
    (folder / "truncated.pdf").write_bytes(pdf[:300])  # cut inside the first objects: beyond repair
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    return folder


def assert_one_line_error(result: subprocess.CompletedProcess[str], name: str, words: tuple[str, ...]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert name in errors[0], errors[0]
    for word in words:
        assert word in errors[0], errors[0]
    assert result.stdout == ""


@pytest.mark.parametrize("name", list(CASES))
def test_single_file_commands_fail_with_one_plain_line(hostile, name):
    command = "image" if name.endswith((".png", ".jpg")) else "pdf"
    result = cli(command, hostile / name, "--schema", "receipt")
    assert result.returncode == 1, result.stderr
    assert_one_line_error(result, name, CASES[name][1])


def test_password_and_max_pixels_options(hostile, tmp_path):
    opened = cli("pdf", hostile / "encrypted.pdf", "--password", PASSWORD)
    assert opened.returncode == 0, opened.stderr
    assert json.loads(opened.stdout)["total"] == 11.05
    wrong = cli("pdf", hostile / "encrypted.pdf", "--password", "nope")
    assert wrong.returncode == 1
    assert_one_line_error(wrong, "encrypted.pdf", ("password is wrong",))
    photo = tmp_path / "photo.jpg"
    receipt_image(photo, dpi=80)
    small = cli("image", photo, "--max-pixels", "1000")
    assert small.returncode == 1
    assert_one_line_error(small, "photo.jpg", ("over the limit of 1,000", "--max-pixels"))


def test_directory_and_missing_path_given_as_a_file(tmp_path):
    folder = tmp_path / "looks-like.pdf"
    folder.mkdir()
    result = cli("pdf", folder)
    assert result.returncode == 1
    assert_one_line_error(result, "looks-like.pdf", ("is a directory", "docextract batch"))
    result = cli("pdf", tmp_path / "gone.pdf")
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr and "gone.pdf" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(receipt_pdf())
    path.chmod(0)
    result = cli("pdf", path)
    assert result.returncode == 1
    assert_one_line_error(result, "locked.pdf", ("permission denied",))


def test_batch_records_every_hostile_file_and_goes_on(hostile, tmp_path):
    docs = tmp_path / "mixed"
    docs.mkdir()
    for path in hostile.iterdir():
        (docs / path.name).write_bytes(path.read_bytes())
    (docs / "folder.pdf").mkdir()  # a directory named like a document: walked, not read
    (docs / "half.pdf").write_bytes(receipt_pdf()[:2000])  # repairable: mupdf recovers part of the page
    good = receipt_pdf()
    odd_names = ["my receipt (copy) #2.pdf", "z" * 246 + ".pdf"]
    for name in odd_names:
        (docs / name).write_bytes(good if name.startswith("my") else receipt_pdf(None, None) + b"\n% different bytes\n")
    raw_name = os.fsencode(docs) + b"/re\xe7u-latin1.pdf"
    with open(raw_name, "wb") as fh:
        fh.write(good + b"\n% another copy\n")
    unreadable = None
    if os.path.exists("/proc/self/mem"):  # unreadable even for root: reading at offset 0 is an I/O error
        unreadable = docs / "io-error.pdf"
        unreadable.symlink_to("/proc/self/mem")
    if hasattr(os, "mkfifo"):
        os.mkfifo(docs / "pipe.pdf")  # must not block the batch
    out = tmp_path / "r.jsonl"
    # inside a folder, a non-document (sheet.xlsx) is ignored; named explicitly, it gets a record
    result = cli("batch", docs, docs / "sheet.xlsx", "-o", out, "--workers", "2")
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    records = [json.loads(line) for line in raw.decode("utf-8").splitlines()]  # valid UTF-8 JSON
    by_name = {os.path.basename(r["source"]): r for r in records}
    for name, (_, words) in CASES.items():
        record = by_name[name]
        assert record["status"] == "failed", record
        assert name in record["error"] and all(w in record["error"] for w in words), record["error"]
        assert name in result.stderr
    assert by_name["pipe.pdf"]["status"] == "failed" and "not a regular file" in by_name["pipe.pdf"]["error"]
    if unreadable is not None:
        assert by_name["io-error.pdf"]["status"] == "failed" and "cannot be read" in by_name["io-error.pdf"]["error"]
    half = by_name["half.pdf"]  # whatever could be recovered, as a record (never a crash)
    assert half["status"] in ("ok", "partial", "failed") and (half["status"] != "failed" or half["error"])
    for name in odd_names:
        assert by_name[name]["status"] == "ok", by_name[name]
    latin = by_name["re\\xe7u-latin1.pdf"]
    assert latin["status"] == "ok" and bytes.fromhex(latin["source_bytes_hex"]) == raw_name
    assert "ignored" not in result.stderr
    with_password = cli("batch", docs, "-o", out, "--retry-failed", "--password", PASSWORD, "-q")
    from docextract.batch import read_results

    latest = {os.path.basename(r["source"]): r for r in read_results(out).values()}
    assert with_password.returncode == 3
    assert latest["encrypted.pdf"]["status"] == "ok"
