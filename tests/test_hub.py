"""pull() against a local fake of the Hugging Face hub's file endpoints (no internet)."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("huggingface_hub")

from docextract.catalog.hub import plan, pull  # noqa: E402
from docextract.catalog.models import find_model, resolve_model  # noqa: E402
from docextract.errors import ModelError  # noqa: E402

COMMIT = "0123456789abcdef0123456789abcdef01234567"
REPO = "vikhyatk/moondream2"
MODEL = "moondream2-text-model-f16.gguf"
MMPROJ = "moondream2-mmproj-f16.gguf"


class FakeHub:
    """Serves ``HEAD/GET /{repo}/resolve/{revision}/{filename}`` the way the hub does: ``X-Repo-Commit``,
    a quoted SHA-256 ``ETag`` (as for LFS files), ``Content-Length``, ``Range`` support, and
    ``X-Error-Code`` on 404s."""

    def __init__(self, files: dict[str, dict[str, bytes]]) -> None:
        self.files = files
        self.bad_etag: set[str] = set()
        self.log: list[tuple[str, str]] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _serve(self, body: bool) -> None:
                hub.log.append((self.command, self.path))
                parts = self.path.split("?")[0].strip("/").split("/")
                if len(parts) < 5 or parts[2] != "resolve":
                    return self._error(404, "RepoNotFound", "not a resolve URL")
                repo, filename = f"{parts[0]}/{parts[1]}", "/".join(parts[4:])
                if repo not in hub.files:
                    return self._error(404, "RepoNotFound", "Repository not found")
                data = hub.files[repo].get(filename)
                if data is None:
                    return self._error(404, "EntryNotFound", "Entry not found", commit=True)
                sha = hashlib.sha256(data).hexdigest()
                if filename in hub.bad_etag:
                    sha = hashlib.sha256(b"something else").hexdigest()
                start = 0
                rng = self.headers.get("Range")
                if rng and rng.startswith("bytes=") and body:
                    start = int(rng[6:].split("-")[0] or 0)
                chunk = data[start:]
                self.send_response(206 if start else 200)
                self.send_header("X-Repo-Commit", COMMIT)
                self.send_header("ETag", f'"{sha}"')
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(chunk)))
                if start:
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.end_headers()
                if body:
                    self.wfile.write(chunk)

            def _error(self, status: int, code: str, message: str, commit: bool = False) -> None:
                payload = f'{{"error": "{message}"}}'.encode()
                self.send_response(status)
                self.send_header("X-Error-Code", code)
                self.send_header("X-Error-Message", message)
                if commit:
                    self.send_header("X-Repo-Commit", COMMIT)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            def do_HEAD(self) -> None:
                self._serve(body=False)

            def do_GET(self) -> None:
                self._serve(body=True)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def gets(self) -> int:
        return sum(1 for method, _ in self.log if method == "GET")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


MODEL_BYTES = b"GGUF\x03\x00\x00\x00" + bytes(range(256)) * 400  # ~100 kB, several chunks
MMPROJ_BYTES = b"GGUF\x03\x00\x00\x00" + b"projector" * 1000


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))
    monkeypatch.setenv("DOCEXTRACT_HOME", str(tmp_path / "dx"))
    monkeypatch.setenv("OLLAMA_MODELS", str(tmp_path / "ollama"))
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    for var in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    fake = FakeHub({REPO: {MODEL: MODEL_BYTES, MMPROJ: MMPROJ_BYTES}, "someone/other": {"a.gguf": b"GGUFa"}})
    yield fake
    fake.close()


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_plan_from_catalog() -> None:
    assert plan("qwen2.5-vl-3b")[:3] == (
        "ggml-org/Qwen2.5-VL-3B-Instruct-GGUF",
        "Qwen2.5-VL-3B-Instruct-Q4_K_M.gguf",
        "mmproj-Qwen2.5-VL-3B-Instruct-f16.gguf",
    )
    assert plan("qwen2.5-vl-3b:Q8_0")[1] == "Qwen2.5-VL-3B-Instruct-Q8_0.gguf"
    assert plan("qwen2.5vl:3b")[1] == "Qwen2.5-VL-3B-Instruct-Q4_K_M.gguf"  # Ollama-style alias, not a quant
    assert plan("llava-1.5-7b", quant="q5_k")[1] == "ggml-model-q5_k.gguf"
    with pytest.raises(ModelError, match="unknown model"):
        plan("no-such-model")
    with pytest.raises(ModelError, match="no quantization"):
        plan("moondream2:Q2_K")


def test_pull_into_cache_then_resolve(hub: FakeHub, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int | None]] = []
    result = pull("moondream2", endpoint=hub.url, progress=lambda f, done, total: seen.append((f, done, total)))
    assert result.model_path.read_bytes() == MODEL_BYTES
    assert result.mmproj_path is not None and result.mmproj_path.read_bytes() == MMPROJ_BYTES
    assert str(result.model_path).startswith(
        str(tmp_path / "hf" / "models--vikhyatk--moondream2" / "snapshots" / COMMIT)
    )
    assert result.verified == (MODEL, MMPROJ) and result.quant == "F16" and result.entry is not None
    # progress reached the full size of each file
    assert (MODEL, len(MODEL_BYTES), len(MODEL_BYTES)) in seen and (
        MMPROJ,
        len(MMPROJ_BYTES),
        len(MMPROJ_BYTES),
    ) in seen
    # the pulled files are what resolution finds by name
    assert resolve_model("moondream2") == (result.model_path, result.mmproj_path)
    assert find_model("moondream2").source == "huggingface"
    # a second pull downloads nothing (HEAD only)
    gets = hub.gets()
    again = pull("moondream2", endpoint=hub.url)
    assert again.model_path == result.model_path and hub.gets() == gets


def test_pull_to_dest_and_hf_endpoint_env(hub: FakeHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    dest = tmp_path / "models"
    result = pull("moondream2", dest=dest)
    assert result.model_path == dest / MODEL and result.model_path.read_bytes() == MODEL_BYTES
    assert result.mmproj_path == dest / MMPROJ
    assert result.verified == (MODEL, MMPROJ)
    assert resolve_model(str(dest / MODEL)) == (dest / MODEL, dest / MMPROJ)


def test_pull_any_repo(hub: FakeHub) -> None:
    result = pull(repo="someone/other", model_file="a.gguf", endpoint=hub.url)
    assert result.model_path.read_bytes() == b"GGUFa" and result.mmproj_path is None and result.entry is None


def test_offline_fails_fast_and_clearly(hub: FakeHub) -> None:
    dead = closed_port_url()
    start = time.perf_counter()
    with pytest.raises(ModelError, match=r"cannot reach http://127\.0\.0\.1:\d+ to download vikhyatk/moondream2"):
        pull("moondream2", endpoint=dead)
    assert time.perf_counter() - start < 5
    # once cached, pull works offline and returns the cached files
    online = pull("moondream2", endpoint=hub.url)
    offline = pull("moondream2", endpoint=dead)
    assert (offline.model_path, offline.mmproj_path) == (online.model_path, online.mmproj_path)


def test_missing_repo_and_file(hub: FakeHub) -> None:
    with pytest.raises(ModelError, match="repository nobody/nothing not found"):
        pull(repo="nobody/nothing", model_file="x.gguf", endpoint=hub.url)
    with pytest.raises(ModelError, match="has no file missing.gguf"):
        pull(repo="someone/other", model_file="missing.gguf", endpoint=hub.url)


def test_checksum_mismatch_is_caught(hub: FakeHub, tmp_path: Path) -> None:
    hub.bad_etag.add(MMPROJ)
    with pytest.raises(ModelError, match="corrupt"):
        pull("moondream2", endpoint=hub.url)
    blobs = tmp_path / "hf" / "models--vikhyatk--moondream2" / "blobs"
    assert [p.read_bytes() for p in blobs.iterdir() if p.is_file()] == [MODEL_BYTES]  # the bad one is gone
