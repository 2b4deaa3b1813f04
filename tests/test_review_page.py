"""The review page in a real browser: Debian's Chromium driven by Playwright, against `docextract review`
serving a batch of generated receipts read by the real reader (OCR and text layer)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from docextract.testing.documents import ReceiptData, random_receipt, receipt_image, receipt_pdf

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (the dev extra has it)")
httpx = pytest.importorskip("httpx")

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    if os.environ.get("CI"):
        pytest.fail("chromium is missing: scripts/test.sh installs it with apt-get", pytrace=False)
    pytest.skip("no chromium on PATH (scripts/test.sh installs it where apt-get is usable)", allow_module_level=True)

BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]
PDF_DPI, PHOTO_DPI, PHOTO_MARGIN = 200, 150, 40  # batch's default dpi; receipt_image's render and border


@dataclass
class Misprinted(ReceiptData):
    """A till that prints a total one dollar over subtotal + tax (the checks must flag it)."""

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax + 1


@dataclass
class Served:
    url: str
    base: str
    token: str
    results: Path
    corrections: Path
    records: dict[str, dict[str, Any]]  # by file name
    receipts: dict[str, ReceiptData]
    files: dict[str, bytes]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("review")
    docs = root / "docs"
    docs.mkdir()
    receipts = {"misprint.pdf": Misprinted(merchant_name="HARBOUR DELI"), "clean.pdf": ReceiptData(), "photo.jpg": random_receipt(3)}
    files = {
        "misprint.pdf": receipt_pdf(docs / "misprint.pdf", receipts["misprint.pdf"]),
        "clean.pdf": receipt_pdf(docs / "clean.pdf", receipts["clean.pdf"]),
        "photo.jpg": receipt_image(docs / "photo.jpg", receipts["photo.jpg"], dpi=PHOTO_DPI),
    }
    exe = [sys.executable, "-m", "docextract"]
    subprocess.run([*exe, "batch", "docs", "-o", "results.jsonl", "-q", "-j", "2"], cwd=root, check=True, timeout=300)
    results = root / "results.jsonl"
    records = {Path(r["source"]).name: r for r in map(json.loads, results.read_text().splitlines())}
    # The misprint fails its check; the clean one passes (whether it is trusted is the calibration's).
    assert records["misprint.pdf"]["needs_review"] and any(i["code"] == "total-mismatch" for i in records["misprint.pdf"]["issues"])
    assert not [i for i in records["clean.pdf"]["issues"] if i["stage"] == "check"]
    # Served from another directory than the batch ran in: the documents are found beside the results.
    proc = subprocess.Popen([*exe, "review", str(results), "--no-browser"], cwd=root.parent, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), (url, proc.stderr.read() if proc.poll() is not None else "")
        parts = urlsplit(url)
        yield Served(url, f"{parts.scheme}://{parts.netloc}", parts.query.removeprefix("token="), results,
                     root / "results.corrections.jsonl", records, receipts, files)
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl+C: the normal way to stop it
        rest, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert rest == ""  # stdout carried the URL line alone


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, served):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.requested = []  # type: ignore[attr-defined]
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requested.append(r.url))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.goto(served.url)
    pg.wait_for_selector("body[data-ready=true]", timeout=15_000)
    yield pg
    context.close()


def drawn_rect(pdf: bytes, value: str, label: str) -> tuple[float, float, float, float]:
    """Where the generator drew ``value`` on the row labelled ``label``, in PDF points."""
    from docextract.sources.mupdf import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        words = doc[0].get_text("words")
    rows = [w for w in words if w[4] == label]
    assert rows, label
    hits = [w for w in words if w[4] == value and any(abs(w[3] - r[3]) < 2 for r in rows)]
    assert len(hits) == 1, (value, label, hits)
    return hits[0][:4]


def shown_box(pg: Any, field: str, frame: list[float]) -> tuple[float, float, float, float]:
    """The field's box on the screen, in page pixels (the frame of the provenance boxes)."""
    box = pg.locator(f'[data-box="{field}"]')
    box.scroll_into_view_if_needed()
    b, img = box.bounding_box(), pg.locator("#page-img").bounding_box()
    sx, sy = frame[0] / img["width"], frame[1] / img["height"]
    return ((b["x"] - img["x"]) * sx, (b["y"] - img["y"]) * sy, (b["x"] + b["width"] - img["x"]) * sx,
            (b["y"] + b["height"] - img["y"]) * sy)


def ink_inside(pg: Any, field: str) -> float:
    """Share of dark pixels in the screenshot under the field's box (its text, not blank paper)."""
    import numpy as np
    from PIL import Image

    b = pg.locator(f'[data-box="{field}"]').bounding_box()
    shot = np.asarray(Image.open(io.BytesIO(pg.screenshot())).convert("L"), dtype=np.float32)
    inside = shot[round(b["y"]) + 3:round(b["y"] + b["height"]) - 3, round(b["x"]) + 3:round(b["x"] + b["width"]) - 3]
    paper = float(np.median(shot))  # the page fills most of the screen
    return float((inside < 0.7 * paper).mean())


def open_doc(pg: Any, name: str) -> None:
    pg.locator(f'#queue-list button[title$="{name}"]').click()
    pg.wait_for_function(f"() => document.querySelector('#doc-title').textContent.endsWith({json.dumps(name)})")
    pg.wait_for_function("() => document.querySelector('#page-img').complete && document.querySelectorAll('[data-box]').length > 0")


def test_boxes_sit_on_the_words_they_were_read_from(page, served):
    pg = page
    first = pg.locator("#queue-list li button").first.get_attribute("title")
    assert first.endswith("misprint.pdf")  # the one with a failed check comes first

    # The text layer's boxes are the words' own; OCR's are its line boxes, a few pixels wider.
    for name, dpi, offset, tolerance in (("clean.pdf", PDF_DPI, 0, 1.5), ("photo.jpg", PHOTO_DPI, PHOTO_MARGIN, 6)):
        open_doc(pg, name)
        record = served.records[name]
        receipt = served.receipts[name]
        frame = [record["tiles"][0]["bbox"][2], record["tiles"][0]["bbox"][3]]
        expected_boxes = {k for k, v in record["provenance"].items() if v.get("bbox")}
        assert {pg.locator("[data-box]").nth(i).get_attribute("data-box") for i in range(pg.locator("[data-box]").count())} == expected_boxes
        for field, label, value in (("total", "TOTAL", receipt.total), ("subtotal", "SUBTOTAL", receipt.subtotal)):
            on_screen = shown_box(pg, field, frame)
            recorded = record["provenance"][field]["bbox"]
            assert all(abs(a - b) <= 1.5 for a, b in zip(on_screen, recorded)), (name, field, on_screen, recorded)
            pdf = receipt_pdf(None, receipt)
            drawn = [c * dpi / 72 + offset for c in drawn_rect(pdf, f"${value:.2f}", label)]
            assert all(abs(a - b) <= tolerance for a, b in zip(on_screen, drawn)), (name, field, on_screen, drawn)
            assert ink_inside(pg, field) > 0.05, (name, field)
    assert not pg.problems, pg.problems
    assert {urlsplit(u).hostname for u in pg.requested} == {"127.0.0.1"}


def test_box_and_field_find_each_other(page):
    pg = page
    pg.locator('[data-box="total"]').click()
    assert pg.evaluate("document.activeElement.dataset.input") == "total"
    pg.locator('[data-input="subtotal"]').click()
    assert "selected" in pg.locator('[data-box="subtotal"]').get_attribute("class")
    assert "selected" not in pg.locator('[data-box="total"]').get_attribute("class")


def test_editing_the_total_rechecks_and_reaches_the_export_and_corrections(page, served):
    pg = page
    results_before = served.results.read_bytes()
    receipt = served.receipts["misprint.pdf"]
    assert pg.locator("#doc-title").text_content().endswith("misprint.pdf")
    assert pg.locator('[data-check="total-mismatch"]').count() == 1
    right = f"{receipt.subtotal + receipt.tax:.2f}"
    pg.locator('[data-input="total"]').fill(right)
    # The checks run again as the value is typed, before anything is saved.
    pg.wait_for_selector('#checks .ok', timeout=5000)
    assert pg.locator('[data-check="total-mismatch"]').count() == 0
    assert not served.corrections.exists()
    pg.locator('[data-action="save"]').click()
    pg.wait_for_function("() => document.querySelector('#status').textContent.startsWith('Saved 1 correction')")

    lines = [json.loads(line) for line in served.corrections.read_text().splitlines()]
    assert len(lines) == 1
    entry = lines[0]
    assert entry["field"] == "total" and entry["source"].endswith("misprint.pdf")
    assert entry["sha256"] == served.records["misprint.pdf"]["sha256"]
    assert Decimal(str(entry["old"])) == receipt.total and Decimal(str(entry["new"])) == Decimal(right)
    assert entry["time"]
    assert served.results.read_bytes() == results_before  # RESULTS is never rewritten

    reply = httpx.get(f"{served.base}/export.csv", params={"token": served.token, "mode": "summary"})
    assert reply.status_code == 200
    rows = {Path(r["source"]).name: r for r in csv.DictReader(io.StringIO(reply.text))}
    assert Decimal(rows["misprint.pdf"]["total"]) == Decimal(right)
    assert Decimal(rows["clean.pdf"]["total"]) == served.receipts["clean.pdf"].total
    xlsx = httpx.get(f"{served.base}/export.xlsx", headers={"X-Docextract-Token": served.token})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"

    pg.reload()
    pg.wait_for_selector("body[data-ready=true]")
    open_doc(pg, "misprint.pdf")
    assert pg.locator('[data-input="total"]').input_value() == right
    assert "corrected" in pg.locator('[data-input="total"]').get_attribute("class")


def test_a_refused_value_is_not_saved(page, served):
    pg = page
    open_doc(pg, "clean.pdf")
    before = served.corrections.read_bytes() if served.corrections.exists() else b""
    pg.locator('[data-input="date"]').fill("next tuesday")
    pg.locator('[data-input="date"]').press("Enter")
    pg.wait_for_selector('[data-error="date"]')
    assert (served.corrections.read_bytes() if served.corrections.exists() else b"") == before


def test_keyboard_next_previous_accept(page, served):
    pg = page
    current = "document.querySelector('#queue-list li[aria-current=\"true\"]').dataset.doc"
    ids = pg.eval_on_selector_all("#queue-list li", "els => els.map(e => e.dataset.doc)")
    pg.wait_for_function(f"() => {current} === {json.dumps(ids[0])}")
    pg.locator("#doc-title").click()  # focus is on the page, not in a field
    pg.keyboard.press("j")
    pg.wait_for_function(f"() => {current} === {json.dumps(ids[1])} && document.querySelector('#doc-title').textContent.length")
    pg.keyboard.press("k")
    pg.wait_for_function(f"() => {current} === {json.dumps(ids[0])}")
    pg.wait_for_function(f"() => location.hash === '#{ids[0]}'")
    pg.keyboard.press("a")
    pg.wait_for_function(f"() => {current} === {json.dumps(ids[1])}")
    accepted = [json.loads(line) for line in served.corrections.read_text().splitlines() if '"accept"' in line]
    assert accepted and accepted[-1]["source"].endswith(pg.eval_on_selector_all(
        "#queue-list li button", "els => els.map(e => e.title)")[0].split("/")[-1])
    assert pg.locator("#queue-list li").first.locator(".badge.accepted").count() == 1


def test_refusals(served):
    doc_id = httpx.get(f"{served.base}/api/documents", params={"token": served.token}).json()["documents"][0]["id"]
    assert httpx.get(f"{served.base}/").status_code == 401
    assert httpx.get(f"{served.base}/api/documents/{doc_id}/pages/1").status_code == 401
    assert httpx.get(f"{served.base}/export.csv").status_code == 401
    kept = served.corrections.read_bytes() if served.corrections.exists() else b""
    for action in ("save", "check"):  # writing needs the token as much as reading
        assert httpx.post(f"{served.base}/api/documents/{doc_id}/{action}", json={"total": "0.01"}).status_code == 401
    assert (served.corrections.read_bytes() if served.corrections.exists() else b"") == kept
    assert httpx.get(f"{served.base}/", params={"token": served.token + "x"}).status_code == 403
    # DNS rebinding: a page of another site that resolves to 127.0.0.1 sends its own name.
    assert httpx.get(served.url, headers={"Host": "attacker.example"}).status_code == 400
    assert httpx.get(served.url, headers={"Host": f"attacker.example:{urlsplit(served.base).port}"}).status_code == 400
    token = {"token": served.token}
    for path in ("/api/documents/../../../etc/passwd", "/static/..%2F..%2F..%2Fpyproject.toml", "/static/store.py",
                 "/api/documents/0123456789abcdef/pages/1", f"/api/documents/{doc_id}/pages/2",
                 "/docs/clean.pdf", "/results.jsonl"):
        assert httpx.get(served.base + path, params=token).status_code == 404, path
    assert "has no page 2 among those read (page 1)" in httpx.get(f"{served.base}/api/documents/{doc_id}/pages/2", params=token).text
    page_png = httpx.get(f"{served.base}/api/documents/{doc_id}/pages/1", params=token)
    assert page_png.status_code == 200 and page_png.headers["content-type"] in ("image/png", "image/jpeg")
    assert "default-src 'self'" in page_png.headers["content-security-policy"]
    assert httpx.get(f"{served.base}/", params=token).headers["content-security-policy"].startswith("default-src 'self'")
