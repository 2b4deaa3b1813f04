"""OpenAIEngine against a scripted local HTTP server and against a real ``llama_cpp.server``.

Every socket here is on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("httpx")
from PIL import Image  # noqa: E402
from pydantic import BaseModel  # noqa: E402

from docextract.engines import get_engine  # noqa: E402
from docextract.engines.llama.grammar import compile_grammar  # noqa: E402
from docextract.engines.openai import (  # noqa: E402
    OpenAIEngine,
    detect_server,
    is_local_url,
    map_finish_reason,
    normalize_base_url,
)
from docextract.errors import EngineError, MissingDependency, ModelError, UsageError  # noqa: E402
from docextract.schemas import resolve_schema  # noqa: E402
from docextract.types import EngineRequest  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def image(color: tuple[int, int, int] = (200, 30, 30)) -> Image.Image:
    return Image.new("RGB", (32, 24), color)


class Item(BaseModel):
    name: str
    count: int


# --- a scripted OpenAI-like server ---------------------------------------------------------------

Reply = tuple[int, dict[str, str], bytes]


class Scripted:
    """A threaded HTTP server that answers each request with the next scripted reply (the last
    one repeats) and records method, path, headers and JSON body."""

    def __init__(self, replies: list[Reply | Callable[[dict[str, Any]], Reply]]) -> None:
        self.replies = list(replies)
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                req = {
                    "method": self.command,
                    "path": self.path,
                    "headers": dict(self.headers),
                    "json": json.loads(raw) if raw else None,
                }
                outer.requests.append(req)
                reply = outer.replies.pop(0) if len(outer.replies) > 1 else outer.replies[0]
                status, headers, body = reply(req) if callable(reply) else reply
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def scripted() -> Iterator[Callable[..., Scripted]]:
    servers: list[Scripted] = []

    def make(*replies: Reply | Callable[[dict[str, Any]], Reply]) -> Scripted:
        servers.append(Scripted(list(replies)))
        return servers[-1]

    yield make
    for s in servers:
        s.close()


def js(obj: Any, status: int = 200, **headers: str) -> Reply:
    return status, {"Content-Type": "application/json", **headers}, json.dumps(obj).encode()


def completion(text: str, finish: str = "stop") -> Reply:
    return js(
        {
            "choices": [{"message": {"role": "assistant", "content": text}, "finish_reason": finish}],
            "usage": {"prompt_tokens": 7, "completion_tokens": 3},
        }
    )


def engine(url: str, **kw: Any) -> OpenAIEngine:
    kw.setdefault("model", "m")
    kw.setdefault("server", "generic")
    kw.setdefault("backoff", 0.01)
    return OpenAIEngine(url, **kw)


# --- pure helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8080/v1", True),
        ("http://localhost:11434", True),
        ("http://[::1]:8000/v1", True),
        ("http://127.3.2.1/v1", True),
        ("http://0.0.0.0:8080", True),
        ("http://box.localhost/v1", True),
        ("https://api.openai.com/v1", False),
        ("http://192.168.1.20:8080/v1", False),
        ("http://localhost.evil.com/v1", False),
        ("gpu-box:8080", False),
    ],
)
def test_is_local_url(url: str, local: bool) -> None:
    assert is_local_url(url) is local


def test_url_and_server_helpers() -> None:
    assert normalize_base_url("localhost:8080") == "http://localhost:8080/v1"
    assert normalize_base_url("http://h:1/v1/") == "http://h:1/v1"
    assert normalize_base_url("https://x/openai/v1") == "https://x/openai/v1"
    assert detect_server("http://127.0.0.1:9/v1", {"me"}) == "llama-cpp-python"
    assert detect_server("http://127.0.0.1:9/v1", {"llamacpp"}) == "llama-server"
    assert detect_server("http://127.0.0.1:9/v1", {"vllm"}) == "vllm"
    assert detect_server("http://localhost:11434/v1") == "ollama"
    assert detect_server("https://api.openai.com/v1", {"system"}) == "openai"
    assert detect_server("http://127.0.0.1:9/v1", {"someone"}) == "generic"
    assert [map_finish_reason(r) for r in ("stop", "length", None, "eos", "content_filter")] == [
        "stop",
        "length",
        "stop",
        "stop",
        "error",
    ]


def test_registry_and_locality() -> None:
    with pytest.raises(UsageError, match="not on this machine.*--allow-remote"):
        get_engine("openai", base_url="https://api.example.com/v1", model="x")
    remote = get_engine("openai", base_url="https://api.example.com/v1", model="x", allow_remote=True)
    assert isinstance(remote, OpenAIEngine) and remote.local is False
    assert OpenAIEngine("http://127.0.0.1:1/v1").local is True
    assert remote.describe()["base_url"] == "https://api.example.com/v1"
    with pytest.raises(EngineError, match="unknown server kind"):
        OpenAIEngine(server="nope")  # type: ignore[arg-type]


# --- payloads per server kind --------------------------------------------------------------------


def _payload(server: str) -> dict[str, Any]:
    eng = OpenAIEngine("http://127.0.0.1:1/v1", model="m", server=server)  # type: ignore[arg-type]
    req = EngineRequest(images=[image()], prompt="read it", schema=resolve_schema(Item))
    return eng.build_payload(req, resolve_schema(Item).json_schema)


def _has_llama_cpp() -> bool:
    try:
        import llama_cpp.llama_grammar  # noqa: F401
    except Exception:
        return False
    return True


@pytest.mark.skipif(not _has_llama_cpp(), reason="grammar compilation needs llama-cpp-python")
def test_payload_schema_modes() -> None:
    schema = Item.model_json_schema()
    # llama.cpp servers get the project's safe grammar (no raw control characters in strings)
    assert _payload("llama-cpp-python")["grammar"] == compile_grammar(schema)
    assert "response_format" not in _payload("llama-server")
    assert "root ::=" in _payload("llama-server")["grammar"]
    rf = _payload("vllm")["response_format"]
    assert rf["type"] == "json_schema" and rf["json_schema"] == {"name": "Item", "schema": schema}
    generic = _payload("generic")
    assert generic["response_format"] == {"type": "json_object"}
    assert generic["messages"][0]["content"][-1]["text"] == "read it"  # the pipeline's prompt already holds the schema
    assert "repeat_penalty" not in generic
    assert _payload("llama-server")["repeat_penalty"] == 1.0
    content = _payload("vllm")["messages"][0]["content"]
    assert content[0]["type"] == "image_url" and content[0]["image_url"]["url"].startswith("data:image/png;base64,")
    assert content[-1] == {"type": "text", "text": "read it"}


def test_grammar_falls_back_to_server_side_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    import docextract.engines.llama.grammar

    def missing(_schema: object) -> str:
        raise MissingDependency("no llama-cpp-python here")

    monkeypatch.setattr(docextract.engines.llama.grammar, "compile_grammar", missing)
    payload = _payload("llama-server")
    assert payload["response_format"] == {"type": "json_object", "schema": Item.model_json_schema()}
    assert "grammar" not in payload


def test_jpeg_images() -> None:
    eng = OpenAIEngine("http://127.0.0.1:1/v1", model="m", server="vllm", image_format="jpeg")
    rgba = Image.new("RGBA", (8, 8), (1, 2, 3, 4))
    payload = eng.build_payload(EngineRequest(images=[rgba], prompt="p", schema=None), None)
    assert payload["messages"][0]["content"][0]["image_url"]["url"].startswith("data:image/jpeg;base64,")
    assert "response_format" not in payload


# --- HTTP behaviour against the scripted server --------------------------------------------------


def test_retries_500_then_200(scripted: Callable[..., Scripted]) -> None:
    srv = scripted(
        js({"error": {"message": "busy"}}, 500), js({"error": "busy"}, 503), completion('{"name": "a", "count": 1}')
    )
    eng = engine(srv.url, retries=3)
    out = eng.generate(EngineRequest(images=[image()], prompt="p", schema=resolve_schema(Item)))
    assert json.loads(out.text) == {"name": "a", "count": 1}
    assert (eng.requests_sent, eng.retries_done) == (3, 2)
    assert (out.prompt_tokens, out.completion_tokens, out.image_encodes) == (7, 3, 1)
    assert [r["path"] for r in srv.requests] == ["/v1/chat/completions"] * 3


def test_retry_after_429_and_giving_up(scripted: Callable[..., Scripted]) -> None:
    srv = scripted(
        js({"error": {"message": "slow down"}}, 429, **{"Retry-After": "0"}),
        js({"error": {"message": "still broken"}}, 500),
    )
    eng = engine(srv.url, retries=2)
    with pytest.raises(EngineError, match=r"failed \(HTTP 500\): still broken"):
        eng.generate(EngineRequest(images=[], prompt="p", schema=None))
    assert eng.requests_sent == 3 and eng.retries_done == 2


def test_4xx_bodies_are_summarised(scripted: Callable[..., Scripted]) -> None:
    srv = scripted(
        js({"detail": [{"loc": ["body", "messages"], "msg": "field required"}]}, 422),
        js({"error": {"message": "bad key"}}, 401),
        js({"error": {"message": "Requested tokens (5000) exceed context window of 4096"}}, 400),
        (400, {"Content-Type": "text/plain"}, b"x" * 2000),
    )
    eng = engine(srv.url, retries=3, api_key_env="DX_TEST_KEY")
    req = EngineRequest(images=[], prompt="p", schema=None)
    with pytest.raises(EngineError, match=r"HTTP 422\): body.messages: field required"):
        eng.generate(req)
    with pytest.raises(EngineError, match=r"\$DX_TEST_KEY"):
        eng.generate(req)
    with pytest.raises(ModelError, match="context"):
        eng.generate(req)
    with pytest.raises(EngineError) as info:
        eng.generate(req)
    assert len(str(info.value)) < 400  # long bodies are shortened
    assert eng.retries_done == 0  # 4xx is never retried


def test_unreachable_url_fails_fast_with_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    eng = engine(url, retries=2, backoff=0.05)
    start = time.perf_counter()
    with pytest.raises(
        EngineError, match=r"no server at http://127\.0\.0\.1:\d+/v1/chat/completions — is it running\?"
    ):
        eng.generate(EngineRequest(images=[], prompt="p", schema=None))
    assert time.perf_counter() - start < 5
    assert eng.requests_sent == 3 and eng.retries_done == 2
    # auto-detection also fails clearly, in load()
    with pytest.raises(EngineError, match="no server at"):
        OpenAIEngine(url, retries=0).load()


def test_streaming_sse_to_on_text(scripted: Callable[..., Scripted]) -> None:
    chunks = ["Hel", "lo", " world"]
    events = [{"choices": [{"delta": {"role": "assistant"}, "finish_reason": None}]}]
    events += [{"choices": [{"delta": {"content": c}, "finish_reason": None}]} for c in chunks]
    events += [{"choices": [{"delta": {}, "finish_reason": "length"}]}]
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    srv = scripted(js({}, 503), (200, {"Content-Type": "text/event-stream"}, body.encode()))
    got: list[str] = []
    eng = engine(srv.url)
    out = eng.generate(EngineRequest(images=[image()], prompt="describe", schema=None, on_text=got.append))
    assert got == chunks and out.text == "Hello world"
    assert out.finish_reason == "length"
    assert srv.requests[-1]["json"]["stream"] is True
    assert eng.retries_done == 1


def test_streaming_request_errors_are_summarised(scripted: Callable[..., Scripted]) -> None:
    srv = scripted(js({"error": {"message": "bad key"}}, 401))
    eng = engine(srv.url, retries=2, api_key_env="DX_TEST_KEY")
    with pytest.raises(EngineError, match=r"\$DX_TEST_KEY"):
        eng.generate(EngineRequest(images=[], prompt="p", schema=None, on_text=lambda _: None))
    assert srv.requests[-1]["json"]["stream"] is True
    assert (eng.requests_sent, eng.retries_done) == (1, 0)


def test_finish_reason_length_and_api_key(scripted: Callable[..., Scripted], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DX_TEST_KEY", "sekrit")
    srv = scripted(completion('{"name": "a', "length"))
    eng = engine(srv.url, api_key_env="DX_TEST_KEY")
    out = eng.generate(EngineRequest(images=[], prompt="p", schema=None, max_tokens=5, temperature=0.2, seed=9))
    assert out.finish_reason == "length"
    sent = srv.requests[0]
    assert sent["headers"]["Authorization"] == "Bearer sekrit"
    assert {k: sent["json"][k] for k in ("model", "max_tokens", "temperature", "seed")} == {
        "model": "m",
        "max_tokens": 5,
        "temperature": 0.2,
        "seed": 9,
    }


def test_auto_detect_model_and_server(scripted: Callable[..., Scripted]) -> None:
    srv = scripted(
        js({"object": "list", "data": [{"id": "tiny", "object": "model", "owned_by": "llamacpp"}]}), completion("{}")
    )
    eng = OpenAIEngine(srv.url)
    eng.load()
    assert (eng.model, eng.server, eng.profile.schema_mode) == ("tiny", "llama-server", "grammar")
    assert srv.requests[0]["path"] == "/v1/models"


def test_ollama_uses_native_format_for_schemas(scripted: Callable[..., Scripted]) -> None:
    srv = scripted(
        js(
            {
                "model": "llava",
                "message": {"role": "assistant", "content": '{"name":"x","count":2}'},
                "done_reason": "stop",
                "prompt_eval_count": 4,
                "eval_count": 2,
            }
        )
    )
    eng = engine(srv.url, server="ollama", model="llava")
    out = eng.generate(EngineRequest(images=[image()], prompt="p", schema=resolve_schema(Item)))
    assert json.loads(out.text) == {"name": "x", "count": 2} and out.prompt_tokens == 4
    sent = srv.requests[0]
    assert sent["path"] == "/api/chat"
    assert sent["json"]["format"] == Item.model_json_schema()
    assert sent["json"]["messages"][0]["images"][0].startswith("iVBOR")  # raw base64 PNG, no data URL


# --- a real llama_cpp.server with the tiny random-weight VLM -------------------------------------


def _server_available() -> bool:
    try:
        import llama_cpp.server.app  # noqa: F401
        import uvicorn  # noqa: F401
    except Exception:
        return False
    try:
        import docextract.testing.tiny_vlm  # noqa: F401
    except Exception:
        return False
    return True


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not _server_available():
        pytest.skip("llama-cpp-python[server] or docextract.testing.tiny_vlm not available")
    from docextract.testing.tiny_vlm import write_tiny_vlm

    model, mmproj = write_tiny_vlm(tmp_path_factory.mktemp("tiny_vlm"))
    port = free_port()
    log = tmp_path_factory.mktemp("server_log") / "server.log"
    cmd = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model), "--clip_model_path", str(mmproj), "--chat_format", "llava-1-5",
        "--model_alias", "tiny", "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", "2048", "--n_threads", "1", "--n_threads_batch", "1", "--verbose", "False",
    ]  # fmt: skip
    with log.open("wb") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, "OMP_NUM_THREADS": "1"})
    url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_for(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"llama_cpp.server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(f"{url}/models", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    pytest.fail(f"llama_cpp.server did not come up in {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def test_real_server_json_schema_output(llama_server: str) -> None:
    eng = OpenAIEngine(llama_server, timeout=120)
    with eng:
        assert (eng.server, eng.model) == ("llama-cpp-python", "tiny")
        spec = resolve_schema(Item)
        out = eng.generate(EngineRequest(images=[image()], prompt="Read the item.", schema=spec, max_tokens=96))
    data = json.loads(out.text)
    assert isinstance(spec.validate(data), Item)
    assert out.finish_reason == "stop" and out.completion_tokens > 0 and out.image_encodes == 1


def test_real_server_streams_free_text(llama_server: str) -> None:
    got: list[str] = []
    with OpenAIEngine(llama_server, model="tiny", server="llama-cpp-python", timeout=120) as eng:
        out = eng.generate(
            EngineRequest(
                images=[image((0, 90, 200))],
                prompt="Describe the image.",
                schema=None,
                max_tokens=12,
                on_text=got.append,
            )
        )
    assert len(got) >= 2  # arrived in pieces
    assert "".join(got) == out.text and out.text
    assert out.finish_reason == "length"


def test_a_run_that_reads_nothing_keeps_the_earlier_output(scripted: Callable[..., Scripted], tmp_path: Path) -> None:
    """Every request refused: the file an earlier run wrote at -o is kept, not replaced by an empty record."""
    def reply(req: dict[str, Any]) -> Reply:
        if req["path"].endswith("/models"):
            return js({"data": [{"id": "m"}]})
        return js({"error": {"message": "model not loaded"}}, status=400)

    server = scripted(reply)
    img = tmp_path / "r.png"
    image().save(img)
    keep = tmp_path / "keep.json"
    keep.write_text('{"total": 11.05}\n')
    run = subprocess.run([sys.executable, "-m", "docextract", "image", str(img), "--schema", "receipt", "--engine", "openai",
                          "--base-url", server.url, "--model", "m", "-o", str(keep)],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert server.requests, "the server was asked"
    assert keep.read_text() == '{"total": 11.05}\n'
    assert f"{keep} was not written" in " ".join(run.stderr.split())
