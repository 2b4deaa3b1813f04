"""Hostile input, second round: nothing hangs, nothing is overwritten, no side effects.

Real processes and signals (a PDF that renders for hours, Ctrl-C, SIGTERM, kill -9), real servers
on loopback that misbehave, generated files. Time limits are short so the whole file stays quick.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

import docextract
from docextract.batch import Job, ResultWriter, document_record, plan, read_results
from docextract.errors import EngineError, InputError, SchemaError, UsageError
from docextract.testing.documents import nested_forms_pdf, random_receipt, receipt_image, receipt_pdf

REPO = Path(__file__).resolve().parents[1]


def cli(*args: str | os.PathLike[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], capture_output=True,
                          text=True, errors="replace", timeout=timeout, cwd=REPO)


def start(*args: str | os.PathLike[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_for_children(proc: subprocess.Popen[bytes], seconds: float = 60) -> list[int]:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        kids = children(proc.pid)
        if kids:
            return kids
        assert proc.poll() is None, proc.communicate()[1].decode(errors="replace")
        time.sleep(0.02)
    pytest.fail("no child process appeared")


def wait_gone(pids: list[int], seconds: float = 20) -> list[int]:
    end = time.monotonic() + seconds
    while any(alive(p) for p in pids) and time.monotonic() < end:
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


@pytest.fixture(scope="module")
def slow_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("slow") / "forms.pdf"
    path.write_bytes(nested_forms_pdf())
    assert path.stat().st_size < 8000
    return path


def header_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` (its pixels are never there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


# -- time limits, signals, orphans ------------------------------------------------------------------


@pytest.mark.parametrize("command", ["pdf", "ocr"])
def test_a_pdf_that_renders_for_hours_is_stopped_at_the_timeout(slow_pdf: Path, command: str) -> None:
    result = cli(command, slow_pdf, "--timeout", "2", timeout=90)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert "forms.pdf: not finished within the time limit of 2 s" in result.stderr and "--timeout" in result.stderr


@pytest.mark.parametrize(("sig", "code", "words"), [(signal.SIGINT, -signal.SIGINT, "interrupted"),
                                                     (signal.SIGTERM, 143, "terminated by SIGTERM")])
def test_ctrl_c_and_sigterm_end_the_work_and_say_so(slow_pdf: Path, sig: signal.Signals, code: int, words: str) -> None:
    proc = start("pdf", slow_pdf)
    kids = wait_for_children(proc)
    time.sleep(0.3)  # inside the render, deep in native code
    for _ in range(3 if sig == signal.SIGINT else 1):  # a third Ctrl-C must not print a traceback
        proc.send_signal(sig)
        time.sleep(0.05)
    _, err = proc.communicate(timeout=30)
    stderr = err.decode(errors="replace")
    assert proc.returncode == code, stderr
    assert stderr.strip() == f"Error: {words}", stderr
    assert not wait_gone(kids), "the child reading the PDF outlived its parent"


def test_ctrl_c_in_a_shell_loop_stops_the_loop(slow_pdf: Path) -> None:
    # A terminal's Ctrl-C reaches the whole process group. A shell goes on with its loop when the
    # command it waits for exits (even with 130: it handled the interrupt); it stops when the
    # command ends by SIGINT, after docextract has cleaned up and said so.
    script = f'for i in 1 2; do "{sys.executable}" -m docextract pdf "{slow_pdf}"; echo "status $?"; done; echo after'
    proc = subprocess.Popen(["bash", "-c", script], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    docextract = wait_for_children(proc)[0]
    end = time.monotonic() + 60
    while not children(docextract) and time.monotonic() < end:  # the child reading the PDF has started
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the loop's second run, when the first exited instead
    assert err.decode(errors="replace").strip() == "Error: interrupted"
    assert proc.returncode == -signal.SIGINT and out == b"", out  # no "status", no second run, no "after"


def test_ctrl_c_while_the_ocr_models_load_says_interrupted(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    receipt_image(photo, dpi=80)
    proc = start("image", photo)
    wait_for_children(proc)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    stderr = err.decode(errors="replace")
    if proc.returncode == 0:  # the machine was fast enough to finish first: nothing to check
        pytest.skip("the read finished before the interrupt")
    assert proc.returncode == -signal.SIGINT and stderr.strip() == "Error: interrupted", stderr
    assert "could not load" not in stderr


def test_ctrl_c_while_typer_imports_says_interrupted(tmp_path: Path) -> None:
    # The signal lands inside typer's import (a slow machine), just after one of its modules loaded
    # and before its package holds it: saying so must not need the half-imported library.
    code = (
        "import os, signal, sys\n"
        "def calls(frame, event, arg):\n"
        "    return returns if frame.f_code.co_name == '_load_unlocked' else None\n"
        "def returns(frame, event, arg):\n"
        "    if event == 'return' and getattr(arg, '__name__', '') == 'typer._click.core':\n"
        "        sys.settrace(None)\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return returns\n"
        "sys.settrace(calls)\n"
        "sys.argv = ['docextract', 'image', sys.argv[1]]\n"
        "from docextract.cli import main\n"
        "main()\n"
    )
    photo = tmp_path / "photo.jpg"
    receipt_image(photo, dpi=80)
    result = subprocess.run([sys.executable, "-c", code, str(photo)], capture_output=True, text=True, timeout=60,
                            cwd=REPO)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == -signal.SIGINT and result.stderr.strip() == "Error: interrupted", result.stderr


def test_kill_9_leaves_no_worker_behind_even_inside_native_code(slow_pdf: Path, tmp_path: Path) -> None:
    for args in (["pdf", slow_pdf], ["batch", slow_pdf, "-o", tmp_path / "r.jsonl", "-q"]):
        proc = start(*args)
        kids = wait_for_children(proc)
        time.sleep(0.5)
        proc.kill()
        proc.communicate(timeout=30)
        assert not wait_gone(kids), f"{args[0]}: orphaned worker at 100 % CPU"


def test_sigterm_stops_a_batch_keeps_its_records_and_says_how_to_go_on(slow_pdf: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a-forms.pdf").write_bytes(slow_pdf.read_bytes())
    receipt_pdf(docs / "b.pdf")
    out = tmp_path / "r.jsonl"
    proc = start("batch", docs, "-o", out, "-j", "2")
    end = time.monotonic() + 60
    while not (out.exists() and out.read_bytes().count(b"\n") >= 1) and time.monotonic() < end:
        assert proc.poll() is None, proc.communicate()[1]
        time.sleep(0.05)
    kids = children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert b"terminated by SIGTERM" in err and b"rerun the same command" in err and b"Traceback" not in err
    assert [Path(r["source"]).name for r in read_results(out).values()] == ["b.pdf"]  # no record for the one stopped
    assert not wait_gone(kids)


def test_batch_stops_a_slow_document_records_why_goes_on_and_does_not_redo_it(slow_pdf: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "forms.pdf").write_bytes(slow_pdf.read_bytes())
    receipt_pdf(docs / "a.pdf", random_receipt(1))
    receipt_pdf(docs / "b.pdf", random_receipt(2))
    out = tmp_path / "r.jsonl"
    first = cli("batch", docs, "-o", out, "-j", "2", "--timeout", "3")
    assert first.returncode == 3, first.stderr
    records = {Path(r["source"]).name: r for r in read_results(out).values()}
    assert records["forms.pdf"]["status"] == "failed" and records["forms.pdf"]["reason"] == "timeout"
    assert "time limit of 3 s" in records["forms.pdf"]["error"]
    assert records["a.pdf"]["status"] == records["b.pdf"]["status"] == "ok"
    again = cli("batch", docs, "-o", out, "--timeout", "3")  # does not hang on it again
    assert again.returncode == 3 and "3 skipped" in again.stderr, again.stderr
    retry = cli("batch", docs, "-o", out, "--timeout", "1", "--retry-failed", "-q")  # unless asked
    assert retry.returncode == 3
    assert len(out.read_text().splitlines()) == 4 and "time limit of 1 s" in read_results(out)[str(docs / "forms.pdf")]["error"]


# -- the openai engine against servers that misbehave -------------------------------------------------


class RawServer:
    """A loopback TCP server whose every connection is handled by ``behave(conn)`` on a thread."""

    def __init__(self, behave) -> None:  # type: ignore[no-untyped-def]
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"
        self.behave, self.sent, self.stop = behave, 0, threading.Event()
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            self.behave(self, conn)
        except OSError:
            pass

    def send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.sent += len(data)

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        for conn in self.conns:
            conn.close()


@pytest.fixture
def raw_server() -> Iterator:  # type: ignore[type-arg]
    servers: list[RawServer] = []

    def make(behave):  # type: ignore[no-untyped-def]
        servers.append(RawServer(behave))
        return servers[-1]

    yield make
    for server in servers:
        server.close()


def _silent(server: RawServer, conn: socket.socket) -> None:
    server.stop.wait(30)


def _trickle(server: RawServer, conn: socket.socket) -> None:
    server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    for _ in range(300):  # one space every 0.05 s: never silent long enough for a read timeout
        if server.stop.wait(0.05):
            return
        server.send(conn, b"1\r\n \r\n")


def _huge_declared(server: RawServer, conn: socket.socket) -> None:
    server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1500000000\r\n\r\n")
    chunk = b" " * 65536
    for _ in range(1500000000 // len(chunk)):
        server.send(conn, chunk)


def _endless(server: RawServer, conn: socket.socket) -> None:
    server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"10000\r\n" + b" " * 65536 + b"\r\n"
    for _ in range(1500000000 // 65536):  # 1.5 GB unless the client stops reading
        server.send(conn, chunk)


def _engine(url: str, **kw):  # type: ignore[no-untyped-def]
    from docextract.engines.openai import OpenAIEngine

    kw.setdefault("model", "m")
    kw.setdefault("server", "generic")
    return OpenAIEngine(url, retries=0, **kw)


def _ask(eng) -> None:  # type: ignore[no-untyped-def]
    from docextract.types import EngineRequest

    eng.generate(EngineRequest(images=[], prompt="p", schema=None))


def test_openai_deadlines_a_server_that_never_answers_or_trickles(raw_server) -> None:  # type: ignore[no-untyped-def]
    silent = raw_server(_silent)
    with pytest.raises(EngineError, match="did not answer within 1 s"):
        _ask(_engine(silent.url, timeout=1))
    with pytest.raises(EngineError, match="did not answer within 1 s"):  # a silent /v1/models: the probe's own limit
        _engine(silent.url, model=None, server="auto", probe_timeout=1).load()
    trickle = raw_server(_trickle)
    began = time.monotonic()
    with pytest.raises(EngineError, match="still sending"):
        _ask(_engine(trickle.url, timeout=5, total_timeout=1))
    assert time.monotonic() - began < 10


def test_openai_refuses_a_reply_over_the_size_cap_without_reading_it(raw_server) -> None:  # type: ignore[no-untyped-def]
    declared = raw_server(_huge_declared)
    with pytest.raises(EngineError, match=r"reply of over 1,500 MB.*limit of 67 MB"):
        _ask(_engine(declared.url))
    endless = raw_server(_endless)
    with pytest.raises(EngineError, match="limit of 1 MB"):
        _ask(_engine(endless.url, max_reply_bytes=1_000_000))
    endless.close()
    assert endless.sent < 50_000_000  # it stopped reading at the cap (socket buffers aside)


def test_a_server_not_on_this_machine_needs_allow_remote_and_nothing_connects_before(tmp_path: Path) -> None:
    from docextract.engines.openai import OpenAIEngine

    with pytest.raises(UsageError, match="--allow-remote"):
        OpenAIEngine("http://gpu-box.invalid:8080/v1")
    assert OpenAIEngine("http://gpu-box.invalid:8080/v1", allow_remote=True).local is False  # no connection yet
    doc = tmp_path / "r.pdf"
    receipt_pdf(doc)
    guard = ("import os, sys\n"
             "sys.addaudithook(lambda e, a: e in ('socket.connect', 'socket.getaddrinfo') and os._exit(99))\n"
             "from docextract.cli import main\nmain()\n")
    for command in (["pdf", str(doc)], ["batch", str(doc), "-o", str(tmp_path / "r.jsonl")]):
        result = subprocess.run([sys.executable, "-c", guard, *command, "--base-url", "http://gpu-box.invalid:8080/v1"],
                                capture_output=True, text=True, cwd=REPO, timeout=60)
        assert result.returncode == 2, result.stderr
        assert "not on this machine" in result.stderr and "--allow-remote" in result.stderr


# -- outputs: checked before the work, never an input or another job's file ---------------------------


def test_outputs_are_checked_before_the_work_and_never_an_input(slow_pdf: Path, tmp_path: Path) -> None:
    doc = tmp_path / "invoice.pdf"
    original = receipt_pdf(doc)
    onto_input = cli("pdf", doc, "-o", doc)
    assert onto_input.returncode == 2 and "is also an input" in onto_input.stderr, onto_input.stderr
    assert doc.read_bytes() == original
    # the output is checked first: a slow document is never started for an output that cannot be written
    missing = cli("pdf", slow_pdf, "-o", tmp_path / "no" / "such" / "dir.json", "--timeout", "60")
    assert missing.returncode == 2 and "cannot write" in missing.stderr and "time limit" not in missing.stderr
    jsonl = tmp_path / "r.jsonl"
    assert cli("batch", doc, "-o", jsonl, "--csv", jsonl).returncode == 2
    jsonl.write_text("")
    as_input = cli("batch", doc, jsonl, "-o", jsonl)
    assert as_input.returncode == 2 and "is also an input" in as_input.stderr
    listed = tmp_path / "list.json"
    listed.write_text("{}")
    assert cli("batch", listed, "-o", listed).returncode == 2 and listed.read_text() == "{}"


def test_a_running_batchs_files_are_not_replaced_by_another_job(tmp_path: Path) -> None:
    doc = tmp_path / "r.pdf"
    receipt_pdf(doc)
    jsonl = tmp_path / "running.jsonl"
    jsonl.write_text('{"v":2,"key":"k","source":"x.pdf","status":"ok"}\n')
    before = jsonl.read_bytes()
    with ResultWriter(jsonl):  # a batch is appending to it
        single = cli("pdf", doc, "-o", jsonl)
        assert single.returncode == 2 and "being written by another running docextract job" in single.stderr
        csv = cli("batch", doc, "-o", tmp_path / "other.jsonl", "--csv", jsonl)  # refused for its suffix already
        assert csv.returncode == 2 and "cannot hold this output; name it .csv" in csv.stderr
    assert jsonl.read_bytes() == before
    assert not (tmp_path / "other.jsonl").exists() or (tmp_path / "other.jsonl").read_bytes() == b""


def test_a_failed_write_leaves_no_temporary_file_and_names_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docextract.cli.common import write_text
    from docextract.errors import ExportError

    target = tmp_path / "out.json"

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device", os.fspath(src))

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError, match="No space left") as info:
        write_text("{}", target)
    assert str(target) in str(info.value) and ".tmp" not in str(info.value)
    assert list(tmp_path.iterdir()) == []


# -- records, names, globs ------------------------------------------------------------------------------


def test_one_record_per_path_and_the_sha256_of_what_was_read(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        (docs / name).write_bytes(b"")
    receipt_pdf(docs / "r1.pdf")
    (docs / "copy.pdf").write_bytes((docs / "r1.pdf").read_bytes())
    out = tmp_path / "r.jsonl"
    result = cli("batch", docs, "-o", out, "-j", "1")
    assert result.returncode == 3, result.stderr
    assert sorted(Path(r["source"]).name for r in read_results(out).values()) == ["a.pdf", "b.pdf", "c.pdf", "copy.pdf", "r1.pdf"]
    # a file replaced after it was planned: the record carries the hash of the bytes actually read
    path = docs / "r1.pdf"
    (job,) = plan([str(path)])
    new = receipt_pdf(None, random_receipt(5))
    path.write_bytes(new)
    from docextract.engines.reader import ReaderEngine
    from docextract.schemas import resolve_schema

    record = document_record(job, resolve_schema("receipt"), ReaderEngine(), {}, "receipt")
    import hashlib

    assert record["sha256"] == hashlib.sha256(new).hexdigest() != job.sha256 and record["size"] == len(new)
    assert isinstance(job, Job)


def test_non_utf8_and_escape_sequence_names_are_safe_on_stdout_stderr_and_in_o(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    latin = folder + b"/re\xe7u.pdf"
    with open(latin, "wb") as fh:
        fh.write(receipt_pdf())
    out = folder + b"/r\xe9sultat.json"
    shown = subprocess.run([sys.executable, "-m", "docextract", "pdf", latin, "--full"], capture_output=True, cwd=REPO, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout.decode("utf-8"))["source"].endswith("re\\xe7u.pdf")  # valid UTF-8: jq reads it
    written = subprocess.run([sys.executable, "-m", "docextract", "pdf", latin, "--full", "-o", out], capture_output=True, cwd=REPO, timeout=60)
    assert written.returncode == 0, written.stderr
    with open(out, "rb") as fh:
        assert json.loads(fh.read().decode("utf-8"))["data"]["total"] == 11.05
    evil = tmp_path / "\x1b[2J\x1b]0;pwned\x07bad.pdf"
    evil.write_bytes(b"")
    for args in (["pdf", evil], ["batch", evil, "-o", tmp_path / "e.jsonl"]):
        result = subprocess.run([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], capture_output=True, cwd=REPO, timeout=60)
        assert result.returncode == 1, result.stderr
        assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr
        assert b"\\x1b[2J" in result.stderr


def test_globs_do_not_follow_symlink_loops(tmp_path: Path) -> None:
    from docextract.batch import discover

    root = tmp_path / "tree"
    (root / "sub" / "deep").mkdir(parents=True)
    for rel in ("a.pdf", "sub/b.pdf", "sub/deep/c.pdf"):
        (root / rel).write_bytes(b"%PDF-1.4")
    (root / "sub" / "up").symlink_to("..")
    (root / "sub" / "deep" / "top").symlink_to(root)
    found = discover([str(root / "**" / "*.pdf")])
    assert sorted(os.path.relpath(f, root) for f in found.files) == ["a.pdf", "sub/b.pdf", "sub/deep/c.pdf"]
    assert len(discover([str(root / "**")]).files) == 3
    assert len(discover([str(root)]).files) == 3


# -- schemas ----------------------------------------------------------------------------------------------


def test_schema_files_have_depth_and_size_limits(tmp_path: Path) -> None:
    deep = tmp_path / "deep.schema.json"
    deep.write_text('{"type":"object","properties":{"a":' * 5000 + '{"type":"string"}' + "}}" * 5000)
    with pytest.raises(SchemaError, match="nested deeper than 64 levels"):
        docextract.pipeline.resolve_schema(str(deep))
    node: dict = {"type": "string"}
    for _ in range(5000):
        node = {"type": "object", "properties": {"a": node}}
    with pytest.raises(SchemaError, match="nested deeper than 64 levels"):
        docextract.pipeline.resolve_schema(node)
    big = tmp_path / "big.schema.json"
    with open(big, "w") as fh:
        fh.write('{"type":"object","description":"' + "x" * 30_000_000 + '"}')
    began = time.monotonic()
    with pytest.raises(SchemaError, match="larger than 2 MB"):
        docextract.pipeline.resolve_schema(str(big))
    assert time.monotonic() - began < 5  # refused unread, not parsed and validated for a minute
    exits = tmp_path / "exits.py"
    exits.write_text("raise SystemExit(7)\n")
    doc = tmp_path / "r.pdf"
    receipt_pdf(doc)
    # an engine that reads your own schemas (the offline reader refuses them unread); no server is asked
    engine = ["--engine", "openai", "--base-url", "http://127.0.0.1:9/v1", "--model", "m"]
    result = cli("pdf", doc, "--schema", f"{exits}:Model", *engine)
    assert result.returncode == 2 and "importing" in result.stderr and "SystemExit: 7" in result.stderr, result.stderr
    depth = cli("pdf", doc, "--schema", deep, *engine)
    assert depth.returncode == 2 and "nested deeper" in depth.stderr and "RecursionError" not in depth.stderr


# -- pixels, options, global state ---------------------------------------------------------------------------


def test_max_pixels_applies_to_pdf_pages_and_odd_aspect_ratios(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page(width=14400, height=14400)  # a 200-inch page, no text layer: it must be rendered
    poster = tmp_path / "poster.pdf"
    doc.save(poster)
    with pytest.raises(InputError, match=r"page 1 at 72 dpi is 14400x14400 pixels, over the limit.*lower --dpi"):
        docextract.extract(poster, "receipt", dpi=72)
    strip = header_png(30_000, 100)
    with pytest.raises(InputError, match="more than 100 times as long as it is wide"):
        docextract.extract(strip, "receipt")
    cut = cli("pdf", poster, "--dpi", "72")
    assert cut.returncode == 1 and "over the limit" in cut.stderr
    from docextract.sources.video import sample_frames, write_test_video

    video = write_test_video(tmp_path / "v.mp4", [(255, 0, 0)], size=(160, 96))
    with pytest.raises(InputError, match=r"\(its frames\) is 160x96 pixels, over the limit of 10,000"):
        next(sample_frames(video, max_pixels=10_000))


def test_the_library_changes_no_global_state_and_checks_a_pil_image_before_decoding(tmp_path: Path) -> None:
    from PIL import Image

    before = Image.MAX_IMAGE_PIXELS
    receipt_image(tmp_path / "p.png", dpi=60)
    docextract.extract(tmp_path / "p.png", "receipt")
    assert Image.MAX_IMAGE_PIXELS == before
    with Image.open(tmp_path / "p.png") as lazy, pytest.raises(InputError, match="over the limit of 1,000"):
        docextract.extract(lazy, "receipt", max_pixels=1000)
    assert lazy._im is None  # refused from the header: the pixels were never decoded
    # A header Pillow's own process-wide limit refuses is still judged by max_pixels alone
    from docextract.sources import open_document

    with open_document(header_png(15_000, 12_500), max_pixels=200_000_000) as opened:
        assert opened.page_count == 1
    with pytest.raises(InputError, match="over the limit"):
        open_document(header_png(15_000, 12_500), max_pixels=100_000_000)
    assert Image.MAX_IMAGE_PIXELS == before


def test_bad_option_values_and_misspelt_keywords_are_clean_errors(tmp_path: Path) -> None:
    doc = tmp_path / "r.pdf"
    receipt_pdf(doc)
    with pytest.raises(UsageError, match=r"dpi=-5 is out of range"):
        docextract.extract(doc, "receipt", dpi=-5)
    with pytest.raises(UsageError, match=r"unknown option 'dpii'.*\bdpi\b"):
        docextract.extract(doc, "receipt", dpii=100)
    assert cli("pdf", doc, "--dpi", "-5").returncode == 2
