"""The real pipeline on the tiny random-weight vision model (real llama.cpp, real grammar)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from docextract import extract
from docextract.errors import SchemaError
from docextract.pipeline.tiling import TileSpec, plan_tiles, text_height
from docextract.schemas import BUILTIN_SCHEMAS, resolve_schema
from docextract.sources import open_document
from docextract.testing.documents import ReceiptData, receipt_pdf, render_pdf
from docextract.types import Status

SMALL = ReceiptData(items=[("TEA", 1, "1.50")], address_lines=["1 Main St"])


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("docs")
    pdf = root / "small.pdf"
    receipt_pdf(pdf, SMALL)
    png = root / "small.png"
    render_pdf(pdf.read_bytes(), dpi=40).save(png)
    return {"pdf": pdf, "png": png}


@pytest.mark.parametrize("name", sorted(BUILTIN_SCHEMAS))
def test_every_builtin_schema_through_extract(tiny_engine, docs, name):
    result = extract(docs["png"], name, engine=tiny_engine, max_tokens=400)
    assert result.status is Status.OK, result.issues
    spec = resolve_schema(name)
    spec.validate(result.data_dict())  # the merged output is valid for the schema
    for tile in result.tiles:
        json.loads(tile.raw_text)  # every tile's raw text is strict JSON
        assert tile.image_encodes == 1
    assert result.engine == "llama" and result.model == "model.gguf"


def test_tiles_match_the_encoder(tiny_engine, docs):
    with open_document(docs["pdf"]) as doc:
        page = next(doc.pages(dpi=150))
        scale, boxes = plan_tiles(page.width, page.height, TileSpec(tiny_engine.tile_size), text_height(page))
    assert tiny_engine.tile_size == 224 and len(boxes) > 1
    result = extract(docs["pdf"], "receipt", engine=tiny_engine, dpi=150, max_tokens=400)
    assert [tuple(t.bbox) for t in result.tiles] == [tuple(b) for b in boxes]
    for t in result.tiles:
        w, h = (t.bbox[2] - t.bbox[0]) * scale, (t.bbox[3] - t.bbox[1]) * scale
        assert max(w, h) <= 224 + 1
    assert result.status is Status.OK


def test_truncation_is_partial_with_raw_text_kept(tiny_engine, docs):
    result = extract(docs["png"], "receipt", engine=tiny_engine, max_tokens=4)
    assert result.status is Status.FAILED  # the only tile was cut off, even after one retry
    tile = result.tiles[0]
    assert tile.finish_reason == "length" and tile.raw_text and tile.attempts == 2
    assert any(i.code == "truncated" and "--max-tokens" in i.message for i in result.issues)


def test_uncompilable_schema_fails_clearly(tiny_engine, docs, tmp_path):
    bad = tmp_path / "bad.schema.json"
    bad.write_text(json.dumps({"type": "object", "properties": {"x": {"type": "string", "pattern": "[A-Z]{3}"}}}))
    with pytest.raises(SchemaError, match="grammar"):
        extract(docs["png"], str(bad), engine=tiny_engine, max_tokens=64, fail_fast=True)


def test_cli_pdf_and_image_with_the_tiny_model(tiny_vlm, docs, tmp_path):
    model, mmproj = tiny_vlm
    out = tmp_path / "receipt.csv"
    base = [sys.executable, "-m", "docextract", "--", "--model", str(model), "--mmproj", str(mmproj), "--max-tokens", "400", "-q"]
    run = subprocess.run([*base[:3], "image", str(docs["png"]), "--schema", "receipt", *base[4:], "-o", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert out.read_text().startswith("source,pages,status,needs_review,issues,")
    run = subprocess.run([*base[:3], "image", str(docs["png"]), "--schema", "code", *base[4:]], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert set(json.loads(run.stdout)) == {"language", "code"}
    assert run.stderr == ""


def test_cli_uncompilable_schema_exit_code(tiny_vlm, docs, tmp_path):
    model, mmproj = tiny_vlm
    bad = tmp_path / "bad.schema.json"
    bad.write_text(json.dumps({"type": "object", "properties": {"x": {"type": "string", "pattern": "[A-Z]{3}"}}}))
    run = subprocess.run([sys.executable, "-m", "docextract", "image", str(docs["png"]), "--schema", str(bad),
                          "--model", str(model), "--mmproj", str(mmproj)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "grammar" in run.stderr and run.stdout == ""


def test_image_small_is_one_tile(tiny_engine, tmp_path):
    path = tmp_path / "tiny.png"
    Image.new("RGB", (120, 90), "white").save(path)
    result = extract(path, "code", engine=tiny_engine, max_tokens=400)
    assert len(result.tiles) == 1 and result.tiles[0].bbox == (0, 0, 120, 90)


def test_status_partial_when_some_tiles_fail():
    from docextract.output.result import Extraction
    from docextract.pipeline import _set_status
    from docextract.types import Issue, TileResult

    ok = TileResult(page=1, index=0, bbox=(0, 0, 1, 1), status=Status.OK, data={"total": 1})
    cut = TileResult(page=1, index=1, bbox=(0, 0, 1, 1), status=Status.FAILED, raw_text='{"tot', finish_reason="length",
                     issues=[Issue(code="truncated", message="cut", severity="error")])
    r = Extraction(source="x", schema="receipt", engine="llama", status=Status.OK, data={"total": 1}, tiles=[ok, cut])
    _set_status(r)
    assert r.status is Status.PARTIAL and r.needs_review
    r = Extraction(source="x", schema="receipt", engine="llama", status=Status.OK, data=None, tiles=[cut], issues=cut.issues)
    _set_status(r)
    assert r.status is Status.FAILED and r.error == "cut"


def test_reask_is_text_only_and_keeps_raw_text(tiny_engine, docs):
    from pydantic import BaseModel, field_validator

    class Rejecting(BaseModel):
        total: float | None = None

        @field_validator("total")
        @classmethod
        def _never(cls, v):
            raise ValueError("rejected on purpose")

    result = extract(docs["png"], Rejecting, engine=tiny_engine, max_tokens=400, reasks=1)
    [tile] = result.tiles
    assert tile.attempts == 2 and tile.image_encodes == 1  # the re-ask did not re-encode the image
    assert result.status is Status.FAILED and tile.raw_text
    assert any(i.code == "invalid-output" and "rejected on purpose" in i.message for i in result.issues)
