"""docextract batch: discovery, the JSONL writer, resume, retry, crash safety (a real kill -9)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docextract.batch import (
    BatchOptions,
    Job,
    ResultWriter,
    discover,
    failed_record,
    plan,
    read_results,
    record_path,
    run_batch,
)
from docextract.engines.reader import ReaderEngine
from docextract.errors import UsageError
from docextract.testing.documents import ReceiptData, random_receipt, receipt_image, receipt_pdf

REPO = Path(__file__).resolve().parents[1]


def cli(*args: str | os.PathLike[str], timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess (stderr is not a TTY: no progress bar)."""
    return subprocess.run([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], capture_output=True,
                          text=True, errors="replace", timeout=timeout, cwd=REPO)


def lines(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.endswith(b"\n"), "the JSONL file must end with a complete line"
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def make_pdfs(folder: Path, seeds: range) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in seeds:
        path = folder / f"receipt-{seed:02d}.pdf"
        receipt_pdf(path, random_receipt(seed))
        paths.append(path)
    return paths


class FlakyEngine(ReaderEngine):
    """The real reader, except on receipts from "BOOM MART" (an unexpected exception) and "DIE MART"
    (the worker process dies, as on a native crash)."""

    def generate(self, request):  # type: ignore[no-untyped-def]
        text = " ".join(w.text for w in request.words or [])
        if "BOOM" in text:
            raise RuntimeError("engine bug: something nobody expected")
        if "DIE" in text:
            os._exit(7)
        return super().generate(request)


# -- unit: records, writer, reader ---------------------------------------------------------------


def test_read_results_keeps_last_line_per_key_and_ignores_partial_tail(tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_text(
        '{"v":2,"key":"a","status":"failed","source":"x.pdf"}\n'
        '{"v":2,"key":"b","status":"ok","source":"y.pdf"}\n'
        "not json\n"
        '{"v":2,"key":"a","status":"ok","source":"x.pdf"}\n'
        '{"v":1,"key":"0123abcd","status":"ok","source":"old.pdf"}\n'  # format 1 was keyed by content
        '{"v":2,"key":"c","status":"ok","sou',
        encoding="utf-8",
    )
    results = read_results(out)
    assert list(results) == ["b", "a", os.path.abspath("old.pdf")]
    assert results["a"]["status"] == "ok"
    assert read_results(tmp_path / "missing.jsonl") == {}


def test_a_link_that_leads_back_to_itself_is_named_so(tmp_path):
    (tmp_path / "loop.jpg").symlink_to(tmp_path / "loop.jpg")
    [job] = plan(discover([str(tmp_path / "loop.jpg")]).files)
    assert job.error is not None and job.error.endswith("loop.jpg is a symbolic link that leads back to itself; fix or remove the link")


def test_writer_truncates_a_partial_last_line_and_appends_whole_lines(tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_bytes(b'{"key":"a","status":"ok"}\n{"key":"b","sta')
    with ResultWriter(out) as writer:
        assert writer.repaired == len(b'{"key":"b","sta')
        writer.write({"key": "b", "status": "ok", "source": "caf\udce9.pdf"})
    assert [r["key"] for r in lines(out)] == ["a", "b"]
    assert lines(out)[1]["source"] == "caf\\xe9.pdf"  # valid UTF-8 JSON for a non-UTF-8 name
    out.write_bytes(b'{"key":"only-partial"')
    with ResultWriter(out) as writer:
        assert writer.repaired == len(b'{"key":"only-partial"')
    assert out.read_bytes() == b""


def test_second_writer_on_the_same_file_is_refused(tmp_path):
    out = tmp_path / "r.jsonl"
    with ResultWriter(out), pytest.raises(UsageError, match="being written by another running docextract job"):
        ResultWriter(out)


def test_non_utf8_source_round_trips_through_source_bytes_hex(tmp_path):
    raw = os.fsencode(tmp_path) + b"/re\xe7u.pdf"
    job = Job(os.fsdecode(raw), "path:x")
    record = failed_record(job, "boom")
    out = tmp_path / "r.jsonl"
    with ResultWriter(out) as writer:
        writer.write(record)
    (back,) = read_results(out).values()
    assert os.fsencode(record_path(back)) == raw
    assert back["source"].endswith("re\\xe7u.pdf")


# -- unit: discovery --------------------------------------------------------------------------------


def test_discover_walks_folders_sniffs_content_and_expands_globs(tmp_path):
    make_pdfs(tmp_path / "a" / "deep", range(1))
    (tmp_path / "a" / "scan-without-suffix").write_bytes(receipt_pdf())
    (tmp_path / "a" / "notes.txt").write_text("shopping list")
    (tmp_path / "a" / "photo.JPG").write_bytes(b"\xff\xd8\xff not really")  # taken by suffix; fails later
    found = discover([tmp_path / "a"])
    names = sorted(Path(f).name for f in found.files)
    assert names == ["photo.JPG", "receipt-00.pdf", "scan-without-suffix"]
    assert [Path(f).name for f in found.ignored] == ["notes.txt"]
    assert [Path(f).name for f in discover([str(tmp_path / "a" / "**" / "*.pdf")]).files] == ["receipt-00.pdf"]
    # the same file twice (folder and file) is one document
    assert len(discover([tmp_path / "a", tmp_path / "a" / "deep" / "receipt-00.pdf"]).files) == 3
    with pytest.raises(UsageError, match="matches no files"):
        discover([str(tmp_path / "*.tiff")])
    with pytest.raises(UsageError, match="does not exist"):
        discover([tmp_path / "nope"])


# -- library: worker failures become records ------------------------------------------------------


def test_engine_exception_and_worker_death_become_failed_records(tmp_path):
    docs = tmp_path / "docs"
    make_pdfs(docs, range(3))
    receipt_pdf(docs / "boom.pdf", ReceiptData(merchant_name="BOOM MART"))
    receipt_pdf(docs / "die.pdf", ReceiptData(merchant_name="DIE MART"))
    out = tmp_path / "r.jsonl"
    opts = BatchOptions(schema="receipt", engine=FlakyEngine, workers=2)
    events = []
    summary = run_batch([docs], out, opts, events.append)
    records = {Path(r["source"]).name: r for r in lines(out)}
    assert len(records) == 5 and len(lines(out)) == 5
    assert {n: r["status"] for n, r in records.items()} == {
        "boom.pdf": "failed", "die.pdf": "failed", "receipt-00.pdf": "ok", "receipt-01.pdf": "ok", "receipt-02.pdf": "ok"}
    assert "internal error (RuntimeError: engine bug" in records["boom.pdf"]["error"]
    assert "Traceback" in records["boom.pdf"]["detail"]
    assert "process reading this file died (exit code 7" in records["die.pdf"]["error"]
    assert (records["die.pdf"]["reason"], records["boom.pdf"]["reason"]) == ("crash", "internal")
    assert (summary.ok, summary.failed, summary.exit_code) == (3, 2, 3)
    assert any(e.kind == "crash" for e in events)


# -- the command, end to end ----------------------------------------------------------------------


def test_batch_command_resume_retry_and_csv(tmp_path):
    docs = tmp_path / "in box"
    make_pdfs(docs, range(3))
    receipt_image(docs / "photo.jpg", dpi=100)
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "readme.md").write_text("not a document")
    out, csv = tmp_path / "results.jsonl", tmp_path / "results.csv"

    first = cli("batch", docs, "--schema", "receipt", "-o", out, "--csv", csv, "--workers", "2")
    assert first.returncode == 3, first.stderr
    assert "Traceback" not in first.stderr
    records = lines(out)
    assert len(records) == 5
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["empty.pdf"]["status"] == "failed" and "empty (0 bytes)" in by_name["empty.pdf"]["error"]
    assert by_name["empty.pdf"]["sha256"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    for name in ("receipt-00.pdf", "receipt-01.pdf", "receipt-02.pdf"):
        r = by_name[name]
        assert r["status"] in ("ok", "partial") and r["data"]["total"] is not None, r
        assert r["engine"] == "reader" and len(r["sha256"]) == 64 and r["seconds"] >= 0
        assert all("raw_text" not in t for t in r["tiles"] if t["status"] == "ok")
    expected = random_receipt(1)
    assert by_name["receipt-01.pdf"]["data"]["total"] == pytest.approx(float(expected.total))
    assert by_name["photo.jpg"]["status"] in ("ok", "partial") and by_name["photo.jpg"]["data"]["total"] == pytest.approx(11.05)
    assert "failed:" in first.stderr and "empty.pdf" in first.stderr
    assert "1 failed" in first.stderr and "0 skipped" in first.stderr and "docs/s" in first.stderr
    rows = csv.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("source,pages,status,needs_review,issues,") and len(rows) > 5  # items mode: a row per line item

    again = cli("batch", docs, "--schema", "receipt", "-o", out, "-j", "2")
    assert again.returncode == 3
    assert len(lines(out)) == 5  # nothing redone
    assert "5 skipped" in again.stderr
    assert "1 failed from an earlier run (--retry-failed redoes the failed)" in " ".join(again.stderr.split())  # why exit 3

    (docs / "empty.pdf").write_bytes(receipt_pdf(None, random_receipt(9)))  # fixed in place: new content
    retry = cli("batch", docs, "--schema", "receipt", "-o", out, "--retry-failed", "--csv", csv, "--csv-mode", "summary")
    assert retry.returncode == 0, retry.stderr  # the old failed record is no longer part of this run
    assert len(lines(out)) == 6
    assert len(csv.read_text(encoding="utf-8").splitlines()) == 1 + 5  # summary: one row per document (path)

    (docs / "bad.pdf").write_bytes(b"%PDF-1.4 nothing else")
    retry = cli("batch", docs, "--schema", "receipt", "-o", out, "--retry-failed", "-q")
    assert retry.returncode == 3 and len(lines(out)) == 7
    retry = cli("batch", docs, "--schema", "receipt", "-o", out, "--retry-failed", "-q")
    assert len(lines(out)) == 8  # the failed one was redone: a new line that supersedes the old
    latest = read_results(out)
    assert len(latest) == 6 and sum(r["status"] == "failed" for r in latest.values()) == 1


def test_batch_usage_errors(tmp_path):
    r = cli("batch", tmp_path / "missing", "-o", tmp_path / "r.jsonl")
    assert r.returncode == 2 and "does not exist" in r.stderr and "Traceback" not in r.stderr
    r = cli("batch", str(tmp_path / "*.pdf"), "-o", tmp_path / "r.jsonl")
    assert r.returncode == 2 and "matches no files" in r.stderr
    (tmp_path / "notes.txt").write_text("x")
    r = cli("batch", tmp_path, "-o", tmp_path / "r.jsonl")
    assert r.returncode == 2 and "no documents found" in r.stderr
    r = cli("batch", tmp_path)
    assert r.returncode == 2 and "-o results.jsonl" in r.stderr


def test_batch_of_only_failures_exits_1(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"")
    (tmp_path / "b.jpg").write_bytes(b"not an image at all")
    r = cli("batch", tmp_path, "-o", tmp_path / "r.jsonl", "-j", "1")
    assert r.returncode == 1, r.stderr
    assert [x["status"] for x in lines(tmp_path / "r.jsonl")] == ["failed", "failed"]


def _children(pid: int) -> list[int]:
    """Child process ids of ``pid`` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has ended; only its parent (now init) has to reap it


def test_kill_9_mid_run_loses_nothing_and_rerun_completes_without_duplicates(tmp_path):
    docs = tmp_path / "scans"
    docs.mkdir()
    n = 4
    for seed in range(n):  # OCR'd images: slow enough (~1 s each) to kill mid-run
        receipt_image(docs / f"scan-{seed}.jpg", random_receipt(seed), dpi=90)
    out = tmp_path / "r.jsonl"
    cmd = [sys.executable, "-m", "docextract", "batch", str(docs), "-o", str(out), "--workers", "1"]
    log = tmp_path / "stderr.txt"
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 1:
                break
            if proc.poll() is not None:
                pytest.fail(f"batch ended before it could be killed: {log.read_text(errors='replace')}")
            time.sleep(0.05)
        workers = _children(proc.pid)
        assert workers, "the batch runs its documents in worker processes"
        os.kill(proc.pid, signal.SIGKILL)  # the parent (the writer) only, as a crash would
        proc.wait(30)
        # its workers notice and end too, instead of idling forever with a loaded engine
        end = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < end:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "orphaned batch workers"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    done_before = lines(out)  # every line complete, valid JSON
    assert 1 <= len(done_before) < n
    # A crash in the middle of a write would leave a partial line; simulate one to check the repair.
    with open(out, "ab") as fh:
        fh.write(b'{"v":1,"key":"deadbeef","source":"half-writ')
    rerun = cli("batch", docs, "-o", out, "--workers", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert "partial line" in rerun.stderr
    after = lines(out)
    assert after[: len(done_before)] == done_before  # nothing written before was touched
    keys = [r["key"] for r in after]
    assert len(keys) == len(set(keys)) == n  # the rest completed, no duplicates
    assert {Path(r["source"]).name for r in after} == {f"scan-{i}.jpg" for i in range(n)}
    assert all(r["status"] in ("ok", "partial") for r in after)
    assert f"{len(done_before)} skipped" in rerun.stderr
