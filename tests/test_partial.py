"""A damaged page loses only itself: the rest is kept, the result is partial, the CLI exits 3."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from docextract import extract
from docextract.cli.common import exit_code_for
from docextract.errors import InputError
from docextract.output.result import Extraction
from docextract.testing.documents import ReceiptData, receipt_pdf, render_pdf
from docextract.types import Status


def tiff_with_corrupt_second_frame(path: Path) -> None:
    first = render_pdf(receipt_pdf(None, ReceiptData()), dpi=110)
    second = Image.new("RGB", first.size, "white")
    first.save(path, save_all=True, append_images=[second], compression="tiff_deflate")
    with Image.open(path) as img:
        img.seek(1)
        offset, length = img.tag_v2[273][0], img.tag_v2[279][0]
    data = bytearray(path.read_bytes())
    data[offset + 2 : offset + length] = b"\xff" * (length - 2)  # keep the zlib header, break the stream
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("partial") / "two-pages.tiff"
    tiff_with_corrupt_second_frame(path)
    return path


def test_damaged_page_gives_a_partial_result(damaged):
    result = extract(damaged, "receipt")
    assert result.status is Status.PARTIAL
    assert result.data.total == ReceiptData().total  # page 1 was read
    [issue] = [i for i in result.issues if i.code == "page-unreadable"]
    assert issue.page == 2 and "corrupt" in issue.message
    with pytest.raises(InputError):
        extract(damaged, "receipt", fail_fast=True)


def test_cli_exit_code_3_with_output_written(damaged, tmp_path):
    out = tmp_path / "r.json"
    run = subprocess.run([sys.executable, "-m", "docextract", "image", str(damaged), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 3, run.stderr
    assert json.loads(out.read_text())["total"] == float(ReceiptData().total)
    assert "page 2" in run.stderr and "Traceback" not in run.stderr


def test_exit_code_rules():
    def r(status):
        return Extraction(source="x", schema="receipt", engine="reader", status=status, data=None)

    assert exit_code_for([r(Status.OK)]) == 0
    assert exit_code_for([r(Status.OK), r(Status.PARTIAL)]) == 3
    assert exit_code_for([r(Status.OK), r(Status.FAILED)]) == 3
    assert exit_code_for([r(Status.FAILED)]) == 1
