"""The command line as a new user meets it: what a missing optional engine says, a closed stdout,
errors that name the user's paths, logging with -v, progress lines when stderr is not a terminal."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
from typer.testing import CliRunner  # noqa: TID251 - tests drive the CLI

from docextract.cli import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def text_pdf(path: Path, pages: int = 1, lines: int = 40) -> Path:
    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page()
        for i in range(lines):
            page.insert_text((40, 40 + i * 18), f"Page {p + 1} line {i + 1}: the quick brown fox jumps over the lazy dog")
    doc.save(path)
    return path


def test_llama_engine_without_llama_cpp_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # as in the default set-up, which leaves it out
    pdf = text_pdf(tmp_path / "a.pdf")
    result = runner.invoke(app, ["pdf", str(pdf), "--engine", "llama", "--model", "nosuch.gguf"])
    assert result.exit_code == 1 and result.stdout == ""
    message = " ".join(result.stderr.split())
    assert "needs llama-cpp-python" in message and "scripts/setup.sh --llama" in message and "docextract[llama]" in message


def test_closed_stdout_ends_quietly(tmp_path):
    pdf = text_pdf(tmp_path / "long.pdf", pages=40)  # more text than a pipe holds
    proc = subprocess.Popen([sys.executable, "-m", "docextract", "ocr", str(pdf), "-f", "text"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 141  # the status of a command ended by SIGPIPE, as `yes | head -1`
    assert first.startswith(b"Page 1 line 1") and err == ""


def cli(*args: str | os.PathLike[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], capture_output=True, text=True,
                          timeout=240, cwd=REPO, env={**os.environ, **(env or {})})


def test_verbose_shows_the_tile_plan_engine_and_timings(tmp_path):
    from docextract.testing.documents import ReceiptData, receipt_image, receipt_pdf

    pdf = receipt_pdf(tmp_path / "r.pdf", ReceiptData()) and tmp_path / "r.pdf"
    quiet = cli("pdf", pdf)
    assert quiet.returncode == 0 and quiet.stderr == ""
    info = cli("pdf", pdf, "-v")
    assert info.returncode == 0 and info.stdout == quiet.stdout
    assert "r.pdf page 1/1:" in info.stderr and "at 200 dpi, text layer; 1 tile" in info.stderr
    assert "page 1 tile 0: ok in" in info.stderr and "DEBUG" not in info.stderr
    jpg = tmp_path / "r.jpg"
    receipt_image(jpg, ReceiptData())
    debug = cli("image", jpg, "-vv")
    assert debug.returncode == 0, debug.stderr
    assert "docextract.ocr: OCR models loaded in" in debug.stderr and "lines found in" in debug.stderr
    assert "DEBUG docextract.pipeline:   tile 0: box" in debug.stderr


def test_batch_prints_progress_lines_when_stderr_is_not_a_terminal(tmp_path):
    from docextract.testing.documents import random_receipt, receipt_pdf

    for i in range(3):
        receipt_pdf(tmp_path / f"r{i}.pdf", random_receipt(i))
    run = cli("batch", tmp_path, "-o", tmp_path / "out.jsonl", "-j", "1", env={"DOCEXTRACT_PROGRESS_SECONDS": "0"})
    assert run.returncode == 0, run.stderr
    progress = [line for line in run.stderr.splitlines() if line.startswith("batch: ")]
    counts = [line.split(",")[0] for line in progress]
    assert sorted(set(counts) - {"batch: 0/3 documents"}) == [f"batch: {i}/3 documents" for i in (1, 2, 3)], run.stderr
    assert "3 ok, 0 partial, 0 failed" in run.stderr


def test_ocr_output_suffix_decides_the_format(tmp_path):
    import json

    pdf = text_pdf(tmp_path / "a.pdf")
    as_json = cli("ocr", pdf, "-o", tmp_path / "a.json")
    assert as_json.returncode == 0, as_json.stderr
    record = json.loads((tmp_path / "a.json").read_text())
    assert record["source"] == str(pdf) and record["text"].startswith("Page 1 line 1")
    assert cli("ocr", pdf, "-o", tmp_path / "a.txt").returncode == 0
    assert (tmp_path / "a.txt").read_text().startswith("Page 1 line 1")
    refused = cli("ocr", pdf, "-o", tmp_path / "a.xlsx")
    assert refused.returncode == 2 and "cannot hold this output" in refused.stderr
    mismatch = cli("ocr", pdf, "-f", "text", "-o", tmp_path / "b.json")
    assert mismatch.returncode == 2 and not (tmp_path / "b.json").exists()
    assert json.loads(cli("ocr", pdf, "-f", "json").stdout)["format"] == "markdown"


def test_empty_alt_text_is_never_written_as_decorative(tmp_path):
    import json

    from PIL import Image
    from test_openai_engine import Scripted, completion, js

    def answer(req: dict) -> tuple:
        return js({"data": [{"id": "m"}]}) if req["method"] == "GET" else completion('  ""  ')

    server = Scripted([answer])
    try:
        img = tmp_path / "logo.png"
        Image.new("RGB", (64, 64), (200, 30, 30)).save(img)
        base = ["--engine", "openai", "--base-url", server.url, "--model", "m"]
        html = cli("alt-text", img, "--html", *base)
        assert html.returncode == 3 and html.stdout == "", html.stderr
        assert "gave no alt text" in html.stderr and "decorative" in html.stderr
        as_json = cli("alt-text", img, "--json", *base)
        assert as_json.returncode == 3 and json.loads(as_json.stdout) == {"file": str(img), "alt": None}
    finally:
        server.close()


PRESTARTED = """
import json, sys
from docextract import workers
from docextract.cli import prestart

path = sys.argv[1]
prestart(["image", path, "--schema", "receipt"])
early = workers._PRESTARTED
assert early is not None, "no worker was pre-started"
[result] = workers.documents_isolated(path, "receipt")
assert workers._PRESTARTED is None and early.process.exitcode is not None, "the pre-started worker was not the one used"
# a job that cannot be sent to it (a lambda does not pickle): it is ended, a new worker reads instead
prestart(["pdf", path])
spare = workers._PRESTARTED
assert workers._take_prestarted(workers._setup_extract, lambda: None, workers._handle_extract) is None
assert spare.process.exitcode is not None
prestart(["pdf", path])  # one never given a job ends with this process
print(json.dumps({"total": str(result.data.total), "unused": workers._PRESTARTED.process.pid}))
"""


def test_the_reading_child_is_started_before_the_command_line_and_used(tmp_path):
    from docextract.testing.documents import ReceiptData, receipt_image

    jpg = tmp_path / "r.jpg"
    data = ReceiptData()
    receipt_image(jpg, data)
    run = subprocess.run([sys.executable, "-c", PRESTARTED, str(jpg)], capture_output=True, text=True, timeout=240,
                         cwd=REPO)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["total"] == str(data.total)
    status = Path(f"/proc/{out['unused']}/status")
    assert not status.exists() or "zombie" not in status.read_text()  # ended and reaped with its parent
    assert run.stderr == ""


@pytest.mark.parametrize(
    ("args", "env", "offline"),
    [
        (["image", "r.jpg"], {}, True),
        (["image", "r.jpg", "--engine", "reader"], {}, True),
        (["image", "r.jpg", "-e=reader"], {}, True),
        (["image", "r.jpg", "--engine", "llama"], {}, False),
        (["image", "r.jpg", "--model", "m.gguf"], {}, False),
        (["image", "r.jpg", "--base-url", "http://localhost:8080"], {}, False),
        (["image", "r.jpg"], {"DOCEXTRACT_ENGINE": "openai"}, False),
        (["image", "r.jpg"], {"DOCEXTRACT_MODEL": "m.gguf"}, False),
        (["image", "r.jpg", "-e", "reader"], {"DOCEXTRACT_MODEL": "m.gguf"}, True),
        (["image", "r.jpg", "--mmproj=p.gguf"], {}, False),
        (["image", "r.jpg"], {"DOCEXTRACT_BASE_URL": "http://localhost:8080"}, False),
    ],
)
def test_the_ocr_models_are_loaded_ahead_only_for_the_offline_reader(monkeypatch, args, env, offline):
    from docextract.cli import _reads_offline

    for key in ("DOCEXTRACT_ENGINE", "DOCEXTRACT_MODEL", "DOCEXTRACT_BASE_URL"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert _reads_offline(args) is offline


# Where glibc puts a 24 MB buffer (bytes mapped on their own while it lives) and what it keeps
# for the next one after it is freed (free bytes left on the heap): deterministic, unlike page
# fault counts, which transparent huge pages change.
_HEAP_PROBE = """
import ctypes
class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
buf = b"\\x01" * (24 << 20)
mapped = libc.mallinfo2().hblkhd
del buf
result = (mapped, libc.mallinfo2().fordblks)
"""


def _no_state(config):  # type: ignore[no-untyped-def]
    return None


def _heap_job(state, task, emit):  # type: ignore[no-untyped-def]
    scope: dict = {}
    exec(_HEAP_PROBE, scope)
    return scope["result"]


def _glibc_2_33() -> bool:
    import ctypes

    return sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "mallinfo2")


@pytest.mark.skipif(not _glibc_2_33(), reason="glibc's allocator (mallinfo2: glibc 2.33+)")
def test_a_reading_child_keeps_freed_buffers_for_the_next_page():
    """A page's image and activations are large buffers: the child takes them from the heap and
    keeps them there when freed, instead of mapping fresh zeroed pages for each one."""
    from docextract import workers

    plain = subprocess.run([sys.executable, "-c", _HEAP_PROBE + "print(*result)"], capture_output=True, text=True,
                           check=True)
    mapped, kept = map(int, plain.stdout.split())
    assert mapped >= 24 << 20 and kept < 24 << 20  # glibc's default: a mapping of its own, returned when freed

    worker = workers.Worker(_no_state, None, _heap_job, context=multiprocessing.get_context("fork"))
    try:
        mapped, kept = workers.call(worker, None, 60, "heap")
    finally:
        worker.stop()
    assert mapped < 24 << 20 and kept >= 24 << 20
