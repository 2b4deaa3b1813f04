"""An engine for any OpenAI-compatible chat server: llama-server, ``llama_cpp.server``, Ollama,
LM Studio, vLLM or a cloud API.

This is the only engine that opens a socket, and only to the configured ``base_url``. Images are
sent as PNG (or JPEG) data URLs. Structured output goes through whatever schema support the server
has (see :data:`SERVERS`); where it has none, JSON mode is requested, the schema is put in the
prompt and the pipeline validates the reply. Free-text replies stream (SSE) to ``request.on_text``.

Only ``httpx`` is needed (``pip install 'docextract[server]'``); the ``openai`` package is not used.
"""

from __future__ import annotations

import base64
import io
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from docextract.engines.base import Engine, EngineOptions
from docextract.errors import EngineError, MissingDependency, ModelError, UsageError
from docextract.hosts import is_local_url
from docextract.types import EngineOutput, EngineRequest

if TYPE_CHECKING:
    import httpx
    from PIL import Image

SchemaMode = Literal["grammar", "response_format_schema", "json_schema", "ollama_format", "json_object"]
ServerName = Literal["auto", "llama-server", "llama-cpp-python", "ollama", "lmstudio", "vllm", "openai", "generic"]


@dataclass(frozen=True)
class ServerProfile:
    """What a server honours for structured output.

    ``schema_mode``:
      * ``grammar``: a GBNF ``grammar`` compiled locally by :func:`docextract.grammar.compile_grammar`
        (llama.cpp's llama-server and llama-cpp-python's ``llama_cpp.server``). Their own
        schema-to-grammar conversion admits raw control characters in strings and unbounded
        numbers, so the safe grammar is sent instead. Without llama-cpp-python on the client
        this falls back to
      * ``response_format_schema``: ``response_format={"type": "json_object", "schema": S}`` (the
        server converts the schema itself);
      * ``json_schema``: the OpenAI form ``response_format={"type": "json_schema", "json_schema":
        {"name": ..., "schema": S}}`` (vLLM's structured outputs, LM Studio, OpenAI);
      * ``ollama_format``: Ollama's native ``/api/chat`` with ``format=S`` (its ``/v1`` endpoint only
        has JSON mode);
      * ``json_object``: JSON mode only; the schema is in the prompt (the pipeline's prompts carry
        it) and the reply is validated by the pipeline.
    """

    name: str
    schema_mode: SchemaMode
    enforces_schema: bool


SERVERS: dict[str, ServerProfile] = {
    "llama-server": ServerProfile("llama-server", "grammar", True),
    "llama-cpp-python": ServerProfile("llama-cpp-python", "grammar", True),
    "ollama": ServerProfile("ollama", "ollama_format", True),
    "vllm": ServerProfile("vllm", "json_schema", True),
    "lmstudio": ServerProfile("lmstudio", "json_schema", True),
    "openai": ServerProfile("openai", "json_schema", True),
    "generic": ServerProfile("generic", "json_object", False),
}

_OWNED_BY = {
    "me": "llama-cpp-python",
    "llamacpp": "llama-server",
    "vllm": "vllm",
    "organization_owner": "lmstudio",
    "library": "ollama",
}
_DEFAULT_PORTS = {11434: "ollama", 1234: "lmstudio"}
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 30.0
MAX_REPLY_BYTES = 64 << 20
"""A reply larger than this is refused (a tile's answer is kilobytes; 64 MiB is a broken server)."""


def normalize_base_url(url: str) -> str:
    """``localhost:8080`` → ``http://localhost:8080/v1``; a URL with a path is kept as given."""
    url = url.strip()
    if "//" not in url:
        url = f"http://{url}"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if not path:
        path = "/v1"
    return f"{parts.scheme}://{parts.netloc}{path}"


def encode_image(image: Image.Image, fmt: Literal["png", "jpeg"] = "png", quality: int = 90) -> str:
    """A ``data:image/...;base64,`` URL of a PIL image."""
    buf = io.BytesIO()
    if fmt == "jpeg":
        img = image if image.mode in ("RGB", "L") else image.convert("RGB")
        img.save(buf, format="JPEG", quality=quality)
    else:
        img = image if image.mode in ("RGB", "RGBA", "L", "LA", "P", "1", "I;16") else image.convert("RGB")
        img.save(buf, format="PNG")
    return f"data:image/{fmt};base64,{base64.b64encode(buf.getvalue()).decode('ascii')}"


def schema_dict(schema: Any) -> dict[str, Any] | None:
    """The JSON Schema of a :class:`~docextract.schemas.SchemaSpec`, Pydantic model or dict."""
    if schema is None:
        return None
    if isinstance(schema, dict):
        return schema
    js = getattr(schema, "json_schema", None)
    if isinstance(js, dict):
        return js
    if hasattr(schema, "model_json_schema"):
        return dict(schema.model_json_schema())
    raise EngineError(f"cannot turn {type(schema).__name__} into a JSON Schema")


class OpenAIEngine(Engine):
    """Any OpenAI-compatible chat-completions server.

    Args:
        base_url: the server's OpenAI base (``http://127.0.0.1:8080/v1``; ``/v1`` is added when the
            URL has no path).
        model: the server's model name; ``None`` takes the first one ``/v1/models`` lists.
        api_key_env: environment variable holding the bearer token (sent only if set).
        timeout: seconds to wait for the server to send anything (the start of a non-streamed reply,
            or the next streamed chunk); connecting gives up after ``connect_timeout``.
        total_timeout: seconds one request may take from start to the reply's last byte, however
            the server trickles it; ``probe_timeout`` is the same for the model listing
            (``/v1/models``), which answers at once when the server is sane.
        max_reply_bytes: the largest reply read (default :data:`MAX_REPLY_BYTES`); larger ones fail.
        allow_remote: send images to a server that is not on this machine. Without it such a
            ``base_url`` is refused (:class:`~docextract.errors.UsageError`) before any connection.
        retries: re-tries after connection errors, HTTP 429 and 5xx, with exponential backoff
            (``backoff``, ``2*backoff``, ...; ``Retry-After`` is honoured up to 30 s).
        server: ``auto`` detects the server from ``/v1/models``; or name it to pick its schema support.
        tile_size: the square side the served model's image encoder sees natively.
        image_format: ``png`` (lossless, default) or ``jpeg`` (smaller uploads).
    """

    name = "openai"
    structured = False
    vision = True

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8080/v1",
        model: str | None = None,
        api_key_env: str = "OPENAI_API_KEY",
        timeout: float = 300.0,
        retries: int = 3,
        server: ServerName = "auto",
        tile_size: int = 448,
        *,
        connect_timeout: float = 5.0,
        total_timeout: float = 900.0,
        probe_timeout: float = 15.0,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        backoff: float = 0.5,
        image_format: Literal["png", "jpeg"] = "png",
        allow_remote: bool = False,
    ) -> None:
        if server != "auto" and server not in SERVERS:
            raise EngineError(f"unknown server kind {server!r}; choose auto or one of: {', '.join(SERVERS)}")
        self.base_url = normalize_base_url(base_url)
        if not allow_remote and not is_local_url(self.base_url):
            raise UsageError(f"{self.base_url} is not on this machine, and document images would be sent there; "
                             "pass --allow-remote (allow_remote=True) if that is intended")
        self.model = model
        self.api_key_env = api_key_env
        self.timeout = float(timeout)
        self.connect_timeout = float(connect_timeout)
        self.total_timeout = float(total_timeout)
        self.probe_timeout = float(probe_timeout)
        self.max_reply_bytes = int(max_reply_bytes)
        self.retries = max(0, int(retries))
        self.backoff = float(backoff)
        self.server = server
        self.tile_size = tile_size
        self.image_format = image_format
        self.local = is_local_url(self.base_url)  # type: ignore[misc]  # per instance, not per class
        self.requests_sent = 0  # HTTP requests made, retries included
        self.retries_done = 0  # how many of them were re-tries
        self._client: httpx.Client | None = None

    @classmethod
    def from_options(cls, options: EngineOptions) -> OpenAIEngine:
        """``--base-url`` is required (no server is assumed); ``--model`` names the served model."""
        if not options.base_url:
            raise UsageError("the openai engine needs --base-url (e.g. http://127.0.0.1:8080/v1)")
        return cls(options.base_url, options.model, allow_remote=options.allow_remote)

    # -- lifecycle --------------------------------------------------------------------------------

    @property
    def root_url(self) -> str:
        """The server root (``base_url`` without a trailing ``/v1``), for native endpoints."""
        return self.base_url[: -len("/v1")] if self.base_url.endswith("/v1") else self.base_url

    @property
    def profile(self) -> ServerProfile:
        """The structured-output profile in use (``generic`` until ``auto`` has been detected)."""
        return SERVERS.get(self.server, SERVERS["generic"])

    @property
    def model_id(self) -> str | None:
        return self.model

    def describe(self) -> dict[str, Any]:
        return {
            **super().describe(),
            "base_url": self.base_url,
            "server": self.server,
            "local": self.local,
            "schema_mode": self.profile.schema_mode,
        }

    def load(self) -> None:
        """Open the HTTP client; detect the server kind and the model name when not given. Idempotent."""
        if self._client is not None:
            return
        try:
            import httpx
        except ImportError:
            raise MissingDependency("the openai engine needs httpx: pip install 'docextract[server]'") from None
        headers = {"Accept": "application/json"}
        key = os.environ.get(self.api_key_env, "").strip() if self.api_key_env else ""
        if key:
            headers["Authorization"] = f"Bearer {key}"
        self._client = httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(self.timeout, connect=self.connect_timeout),
            follow_redirects=False,
            trust_env=False,  # no proxies from the environment: talk to base_url only
        )
        if self.server == "auto" or self.model is None:
            try:
                self._inspect_server()
            except BaseException:
                self.close()
                raise

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _inspect_server(self) -> None:
        listing = self._request_json("GET", f"{self.base_url}/models", probe=True)
        models = [m for m in listing.get("data", []) if isinstance(m, dict)] if isinstance(listing, dict) else []
        if self.model is None:
            if not models:
                raise EngineError(f"the server at {self.base_url} lists no models; pass the model name")
            self.model = str(models[0].get("id"))
        if self.server == "auto":
            owned = {str(m.get("owned_by", "")) for m in models}
            self.server = detect_server(self.base_url, owned)

    # -- generation -------------------------------------------------------------------------------

    def generate(self, request: EngineRequest) -> EngineOutput:
        """Send one chat completion with the request's images, prompt and schema."""
        self.load()
        started = time.perf_counter()
        schema = schema_dict(request.schema)
        if schema is not None and self.profile.schema_mode == "ollama_format":
            out = self._generate_ollama(request, schema)
        elif schema is None and request.on_text is not None:
            out = self._generate_stream(request)
        else:
            out = self._generate_once(request, schema)
        out.image_encodes = len(request.images)
        out.seconds = time.perf_counter() - started
        return out

    def build_payload(
        self, request: EngineRequest, schema: dict[str, Any] | None, *, stream: bool = False
    ) -> dict[str, Any]:
        """The ``/v1/chat/completions`` body for a request (exposed for tests and debugging)."""
        mode = self.profile.schema_mode if schema is not None else None
        content: list[dict[str, Any]] = [
            {"type": "image_url", "image_url": {"url": encode_image(img, self.image_format)}} for img in request.images
        ]
        content.append({"type": "text", "text": request.prompt})
        payload: dict[str, Any] = {
            "messages": [{"role": "user", "content": content}],
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "seed": request.seed,
            "stream": stream,
        }
        if self.model:
            payload["model"] = self.model
        if self.profile.schema_mode == "grammar":
            # llama.cpp sampling option (llama_cpp.server defaults to 1.1): a repeat penalty pushes
            # JSON away from repeated digits and keys; free text needs a little to avoid loops.
            payload["repeat_penalty"] = 1.0 if schema is not None else 1.1
        if mode == "grammar":
            grammar = _safe_grammar(schema or {})
            if grammar is not None:
                payload["grammar"] = grammar
            else:
                payload["response_format"] = {"type": "json_object", "schema": schema}
        elif mode == "response_format_schema":
            payload["response_format"] = {"type": "json_object", "schema": schema}
        elif mode == "json_schema":
            name = str((schema or {}).get("title") or "extraction")
            payload["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": _safe_name(name), "schema": schema},
            }
        elif mode in ("json_object", "ollama_format"):
            payload["response_format"] = {"type": "json_object"}
        return payload

    def _generate_once(self, request: EngineRequest, schema: dict[str, Any] | None) -> EngineOutput:
        body = self._request_json("POST", f"{self.base_url}/chat/completions", json=self.build_payload(request, schema))
        try:
            choice = body["choices"][0]
            text = choice.get("message", {}).get("content") or ""
        except (KeyError, IndexError, TypeError, AttributeError):
            raise EngineError(
                f"the server at {self.base_url} sent a reply without choices: {_shorten(json.dumps(body))}"
            ) from None
        usage = body.get("usage") or {}
        return EngineOutput(
            text=text,
            finish_reason=map_finish_reason(choice.get("finish_reason")),
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
        )

    def _generate_stream(self, request: EngineRequest) -> EngineOutput:
        assert request.on_text is not None
        parts: list[str] = []
        finish: str | None = None
        usage: dict[str, Any] = {}
        payload = self.build_payload(request, None, stream=True)
        for event in self._stream_events(f"{self.base_url}/chat/completions", payload):
            if event.get("usage"):
                usage = event["usage"]
            for choice in event.get("choices") or []:
                delta = (choice.get("delta") or {}).get("content") or ""
                if delta:
                    parts.append(delta)
                    request.on_text(delta)
                finish = choice.get("finish_reason") or finish
        return EngineOutput(
            text="".join(parts),
            finish_reason=map_finish_reason(finish),
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or len(parts)),
        )

    def _generate_ollama(self, request: EngineRequest, schema: dict[str, Any]) -> EngineOutput:
        """Ollama's native ``/api/chat``, whose ``format`` takes a JSON Schema."""
        images = [encode_image(img, self.image_format).split(",", 1)[1] for img in request.images]
        payload = {
            "model": self.model,
            "messages": [{"role": "user", "content": request.prompt, "images": images}],
            "format": schema,
            "stream": False,
            "options": {"temperature": request.temperature, "seed": request.seed, "num_predict": request.max_tokens},
        }
        body = self._request_json("POST", f"{self.root_url}/api/chat", json=payload)
        text = ((body.get("message") or {}).get("content") or "") if isinstance(body, dict) else ""
        return EngineOutput(
            text=text,
            finish_reason=map_finish_reason(body.get("done_reason") if isinstance(body, dict) else None),
            prompt_tokens=int(body.get("prompt_eval_count") or 0),
            completion_tokens=int(body.get("eval_count") or 0),
        )

    # -- HTTP with retries and limits ------------------------------------------------------------

    def _request_json(self, method: str, url: str, *, probe: bool = False, **kwargs: Any) -> Any:
        response, deadline = self._send(method, url, probe=probe, **kwargs)
        try:
            body = b"".join(self._body(response, url, deadline))
        finally:
            response.close()
        try:
            return json.loads(body)
        except ValueError:
            raise EngineError(f"the server at {url} did not answer with JSON: {_shorten(body.decode('utf-8', 'replace'))}") from None

    def _stream_events(self, url: str, payload: dict[str, Any]) -> Iterator[dict[str, Any]]:
        response, deadline = self._send("POST", url, json=payload)
        try:
            yield from _parse_sse(_lines(self._body(response, url, deadline)))
        finally:
            response.close()

    def _body(self, response: httpx.Response, url: str, deadline: float) -> Iterator[bytes]:
        """The reply's bytes as they come, within the size cap and the request's total deadline."""
        import httpx

        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_reply_bytes:
            raise self._too_large(url, int(declared))
        size = 0
        try:
            for chunk in response.iter_bytes():  # decoded: a compressed bomb counts in full
                size += len(chunk)
                if size > self.max_reply_bytes:
                    raise self._too_large(url, size)
                if time.monotonic() > deadline:
                    raise EngineError(f"the server at {url} was still sending when the request's time ran out; "
                                      "stopped (the openai engine's total_timeout / probe_timeout)")
                yield chunk
        except httpx.TimeoutException:
            raise EngineError(f"the server at {url} sent nothing for {self.timeout:.0f} s; raise the timeout") from None
        except httpx.HTTPError as exc:
            raise EngineError(f"talking to {url} failed: {type(exc).__name__}: {exc}") from None

    def _too_large(self, url: str, size: int) -> EngineError:
        return EngineError(f"the server at {url} sent a reply of over {size / 1e6:,.0f} MB, more than the limit of "
                           f"{self.max_reply_bytes / 1e6:,.0f} MB; it was not read (the openai engine's max_reply_bytes)")

    def _send(self, method: str, url: str, *, probe: bool = False, **kwargs: Any) -> tuple[httpx.Response, float]:
        """Send with retries: connection failures and busy answers (429, 5xx) are tried again after a
        back-off; other failures become an :class:`EngineError`. Returns the response, its body
        unread, and the monotonic time by which the whole reply must have arrived."""
        import httpx

        client = self._http()
        total = self.probe_timeout if probe else self.total_timeout
        for attempt in range(self.retries + 1):
            self.requests_sent += 1
            self.retries_done += attempt > 0
            deadline = time.monotonic() + total
            wait = min(self.timeout, total)
            request = client.build_request(
                method, url, timeout=httpx.Timeout(wait, connect=min(self.connect_timeout, total)), **kwargs)
            try:
                response: httpx.Response = client.send(request, stream=True)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                if attempt >= self.retries:
                    raise _no_server(url, exc) from None
                self._sleep(attempt, None)
                continue
            except httpx.TimeoutException:
                raise EngineError(f"the server at {url} did not answer within {wait:.0f} s; raise the timeout") from None
            except httpx.HTTPError as exc:
                raise EngineError(f"talking to {url} failed: {type(exc).__name__}: {exc}") from None
            if response.status_code >= 400:
                try:
                    body = b"".join(self._body(response, url, deadline))
                finally:
                    response.close()
                if response.status_code in _RETRY_STATUS and attempt < self.retries:
                    self._sleep(attempt, response)
                    continue
                raise _http_error(response.status_code, body, url, self.api_key_env, self.model)
            return response, deadline
        raise AssertionError("unreachable")  # pragma: no cover

    def _sleep(self, attempt: int, response: httpx.Response | None) -> None:
        delay = self.backoff * (2**attempt)
        if response is not None:
            retry_after = response.headers.get("Retry-After", "")
            if retry_after.replace(".", "", 1).isdigit():
                delay = min(float(retry_after), _MAX_RETRY_AFTER)
        time.sleep(delay)

    def _http(self) -> httpx.Client:
        if self._client is None:
            self.load()
        assert self._client is not None
        return self._client


# ---------------------------------------------------------------------------------------------
# helpers


def detect_server(base_url: str, owned_by: set[str] | frozenset[str] = frozenset()) -> str:
    """Guess the server kind from ``/v1/models``' ``owned_by`` values, then the host and port."""
    for owner in owned_by:
        if owner in _OWNED_BY:
            return _OWNED_BY[owner]
    parts = urlsplit(base_url)
    host = (parts.hostname or "").lower()
    if host == "api.openai.com":
        return "openai"
    if parts.port in _DEFAULT_PORTS:
        return _DEFAULT_PORTS[parts.port]
    return "generic"


def _safe_grammar(schema: dict[str, Any]) -> str | None:
    """The project's safe GBNF for ``schema``; ``None`` when llama-cpp-python is not installed here.

    Raises :class:`~docextract.errors.SchemaError` when the schema cannot be enforced faithfully.
    """
    from docextract.engines.llama.grammar import compile_grammar

    try:
        return compile_grammar(schema)
    except MissingDependency:
        return None


def map_finish_reason(reason: str | None) -> Literal["stop", "length", "error"]:
    """OpenAI/Ollama finish reasons → ``stop`` / ``length`` / ``error``."""
    if reason == "length":
        return "length"
    if reason in ("error", "content_filter"):
        return "error"
    return "stop"


def _parse_sse(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    """Server-sent events of a streamed chat completion, until ``data: [DONE]``."""
    for line in lines:
        line = line.strip()
        if not line.startswith("data:"):
            continue
        data = line[len("data:") :].strip()
        if data == "[DONE]":
            return
        try:
            event = json.loads(data)
        except ValueError:
            continue
        if isinstance(event, dict):
            if "error" in event and not event.get("choices"):
                raise EngineError(f"the server failed while streaming: {_summarise(event)}")
            yield event


def _lines(chunks: Iterator[bytes]) -> Iterator[str]:
    """Text lines of a byte stream (server-sent events are UTF-8)."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line.decode("utf-8", "replace")
    if pending:
        yield pending.decode("utf-8", "replace")


def _no_server(url: str, exc: Exception) -> EngineError:
    return EngineError(f"no server at {url} — is it running? ({type(exc).__name__}: {exc})")


def _http_error(status: int, body: bytes, url: str, api_key_env: str, model: str | None) -> EngineError:
    text = body.decode("utf-8", "replace")
    try:
        detail = _summarise(json.loads(text))
    except ValueError:
        detail = _shorten(text)
    lower = detail.lower()
    if "context" in lower and ("exceed" in lower or "too long" in lower or "maximum" in lower):
        return ModelError(
            f"the prompt does not fit the model's context at {url} (HTTP {status}): {detail}; use smaller tiles or a larger context"
        )
    if status in (401, 403):
        return EngineError(f"{url} refused the request (HTTP {status}): {detail}; check ${api_key_env}")
    if status == 404:
        return EngineError(f"{url} answered 404 (unknown endpoint or model {model!r}): {detail}")
    if status == 413:
        return EngineError(
            f"{url} refused the upload as too large (HTTP 413); use smaller tiles or image_format='jpeg'"
        )
    if status >= 500:
        return EngineError(f"the server at {url} failed (HTTP {status}): {detail}")
    return EngineError(f"{url} rejected the request (HTTP {status}): {detail}")


def _summarise(body: Any) -> str:
    """The human part of an error body: ``error.message``, ``detail`` or the JSON itself, shortened."""
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict) and err.get("message"):
            return _shorten(str(err["message"]))
        if isinstance(err, str):
            return _shorten(err)
        detail = body.get("detail")
        if isinstance(detail, list):  # FastAPI validation errors
            msgs = [
                f"{'.'.join(str(x) for x in d.get('loc', []))}: {d.get('msg')}" for d in detail if isinstance(d, dict)
            ]
            return _shorten("; ".join(msgs))
        if detail:
            return _shorten(str(detail))
        if body.get("message"):
            return _shorten(str(body["message"]))
    return _shorten(json.dumps(body))


def _shorten(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _safe_name(name: str) -> str:
    """OpenAI's ``json_schema.name``: letters, digits, ``_`` and ``-``, at most 64 characters."""
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in name)[:64] or "extraction"


__all__ = [
    "SERVERS",
    "OpenAIEngine",
    "ServerProfile",
    "detect_server",
    "encode_image",
    "is_local_url",
    "map_finish_reason",
    "normalize_base_url",
    "schema_dict",
]
