"""In-process engine: a local GGUF vision model run by llama-cpp-python (libmtmd for images).

Structured output is enforced with a GBNF grammar compiled by :mod:`docextract.engines.llama.grammar` and
passed as ``grammar=``. ``response_format`` is deliberately *not* used: the chat handlers replace
any grammar with their own when it is set, and fall back to "any JSON" without a word when the
schema does not convert.

Costs the pipeline should know about (llama-cpp-python 0.3.x):

* every call re-encodes its images — the chat handler resets the context and clears the KV cache
  first, so there is no image cache and no prompt-prefix reuse between calls (re-asking about
  the same tile pays the encoder again); :attr:`EngineOutput.image_encodes` counts encodes;
* an image costs a fixed number of tokens per encoder (LLaVA-1.5: 576 at 336 px), so ``n_ctx``
  is sized from the mmproj's encoder + a prompt budget + the output budget.
"""

from __future__ import annotations

import base64
import io
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docextract.engines.base import Engine, EngineOptions
from docextract.engines.llama import INSTALL_HINT, llama_cpp_installed
from docextract.engines.llama.gguf import GGUFInfo, check_pair, read_gguf_info
from docextract.engines.llama.grammar import compile_grammar, load_grammar
from docextract.errors import EngineError, MissingDependency, ModelError, SchemaError, UsageError
from docextract.types import EngineOutput, EngineRequest, Issue

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

ENV_MODEL = "DOCEXTRACT_MODEL"
ENV_MMPROJ = "DOCEXTRACT_MMPROJ"

PROMPT_BUDGET = 1536
"""Tokens reserved for the text of a prompt (instructions, schema, text-layer words)."""
OUTPUT_BUDGET = 2048
"""Tokens reserved for the answer (``EngineRequest.max_tokens`` defaults to the same)."""

# handler name -> llama_cpp.llama_chat_format class. Aliases map the model families users know.
HANDLERS: dict[str, str] = {
    "llava-1-5": "Llava15ChatHandler",
    "llava-1-6": "Llava16ChatHandler",
    "moondream": "MoondreamChatHandler",
    "nanollava": "NanoLlavaChatHandler",
    "minicpm-v": "MiniCPMv26ChatHandler",
    "qwen2.5-vl": "Qwen25VLChatHandler",
    "mtmd": "MTMDChatHandler",
}
HANDLER_ALIASES: dict[str, str] = {
    "llava": "llava-1-5",
    "llava-1.5": "llava-1-5",
    "bakllava": "llava-1-5",
    "obsidian": "llava-1-5",
    "llava-1.6": "llava-1-6",
    "minicpm": "minicpm-v",
    "minicpm-v-2.6": "minicpm-v",
    "qwen2-vl": "qwen2.5-vl",
    "qwen25vl": "qwen2.5-vl",
    "generic": "mtmd",
}

_PIP_HINT = INSTALL_HINT


def choose_handler(model: GGUFInfo, mmproj: GGUFInfo | None) -> str:
    """The chat handler for a model/mmproj pair, from the projector type and the model's name."""
    name = f"{model.name or ''} {model.path.name}".lower()
    ptype = (mmproj.projector_type if mmproj else None) or ""
    if "moondream" in name:
        return "moondream"
    if "nanollava" in name or "nano-llava" in name:
        return "nanollava"
    if ptype == "resampler" or "minicpm" in name:
        return "minicpm-v"
    if ptype in ("qwen2vl_merger", "qwen2.5vl_merger", "qwen2.5o"):
        return "qwen2.5-vl"
    if ptype in ("mlp", "mlp_norm", "ldp", "ldpv2"):
        # LLaVA-1.6 ("anyres") mmprojs list grid pinpoints; BakLLaVA/LLaVA-1.5 do not.
        return "llava-1-6" if mmproj and mmproj.grid_pinpoints else "llava-1-5"
    # Any other family: its own chat template through libmtmd's generic handler.
    return "mtmd" if model.has_chat_template else "llava-1-5"


def default_n_ctx(model: GGUFInfo, mmproj: GGUFInfo | None) -> int:
    """Image tokens + :data:`PROMPT_BUDGET` + :data:`OUTPUT_BUDGET`, rounded up to 256 and
    capped at the model's training context."""
    image_tokens = (mmproj.image_tokens if mmproj else 0) or 0
    want = image_tokens + PROMPT_BUDGET + OUTPUT_BUDGET
    want = _round_up(want, 256)
    return min(want, _round_up(model.context_length, 256)) if model.context_length else want


@dataclass
class _Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0


class LlamaEngine(Engine):
    """A local GGUF vision model via llama-cpp-python.

    Args:
        model_path: the text model GGUF; defaults to ``$DOCEXTRACT_MODEL``.
        mmproj_path: the vision projector GGUF; defaults to ``$DOCEXTRACT_MMPROJ``. Without one
            the engine is text-only and refuses images.
        handler: ``"auto"`` (from the projector type and model name) or one of :data:`HANDLERS`
            (``llava-1-5``, ``llava-1-6``, ``moondream``, ``nanollava``, ``minicpm-v``,
            ``qwen2.5-vl``, ``mtmd``) or an alias (``bakllava``...).
        n_ctx: context size; default :func:`default_n_ctx`.
        n_threads: CPU threads for decoding *and* the image encoder; default: the cores this
            process may use.
        n_gpu_layers: layers offloaded to a GPU build (0 = CPU only, -1 = all).
        seed: sampling seed of the context (each request also passes its own ``seed``).
        verbose: let llama.cpp log to stderr (it never writes to stdout either way).

    Metadata is read (and the model/mmproj pair checked) on construction; weights load in
    :meth:`load` or on the first :meth:`generate`.
    """

    name = "llama"
    structured = False
    vision = True
    local = True

    def __init__(
        self,
        model_path: str | os.PathLike[str] | None = None,
        mmproj_path: str | os.PathLike[str] | None = None,
        handler: str = "auto",
        n_ctx: int | None = None,
        n_threads: int | None = None,
        n_gpu_layers: int = 0,
        seed: int = 0,
        verbose: bool = False,
    ) -> None:
        model_path = model_path or os.environ.get(ENV_MODEL) or None
        mmproj_path = mmproj_path or os.environ.get(ENV_MMPROJ) or None
        if model_path is None:
            raise ModelError(f"no model given: pass model_path= (a .gguf file) or set {ENV_MODEL}")
        self.model_info = read_gguf_info(model_path)
        self.mmproj_info = read_gguf_info(mmproj_path) if mmproj_path else None
        if self.mmproj_info is not None:
            check_pair(self.model_info, self.mmproj_info)
        elif self.model_info.kind != "model":
            raise ModelError(f"{self.model_info.path} is a vision projector (mmproj); pass it as mmproj_path")
        self.handler_name = self._resolve_handler(handler)
        # llama.cpp pads the context to a multiple of 256 but llama-cpp-python sizes its token
        # buffer from the number given; a mismatch turns "prompt too long" into a numpy error.
        self.n_ctx = _round_up(int(n_ctx), 256) if n_ctx else default_n_ctx(self.model_info, self.mmproj_info)
        self.n_threads = int(n_threads) if n_threads else _free_cores()
        self.n_gpu_layers = n_gpu_layers
        self.seed = seed
        self.verbose = verbose
        # The encoder's native square side: tiles of this size are seen without rescaling.
        self.tile_size = self.mmproj_info.image_size if self.mmproj_info else None
        self._llama: Any = None
        self._handler: Any = None
        self._checked_grammars: set[str] = set()

    @classmethod
    def from_options(cls, options: EngineOptions) -> LlamaEngine:
        """``--model`` is a GGUF path or a model name found on disk (see :mod:`docextract.catalog.models`)."""
        if not llama_cpp_installed():  # before anything about the model: that is the first thing to fix
            raise MissingDependency(f"the llama engine needs llama-cpp-python, which this set-up leaves out; install it: {INSTALL_HINT}")
        if not options.model:
            raise UsageError("the llama engine needs --model (a GGUF file or a known model name; see `docextract models`)")
        model, mmproj = options.model, options.mmproj
        if not (Path(model).is_file() and mmproj):
            from docextract.catalog.models import resolve_model

            found, proj = resolve_model(model, mmproj)
            model, mmproj = str(found), str(proj) if proj else None
        return cls(model, mmproj, handler=options.handler or "auto", n_threads=options.threads, verbose=options.verbose)

    # -- public API ---------------------------------------------------------------------------

    @property
    def model_id(self) -> str | None:
        return self.model_info.path.name

    @property
    def image_tokens(self) -> int | None:
        """Prompt tokens one image costs (fixed per encoder; an estimate for dynamic encoders)."""
        return self.mmproj_info.image_tokens if self.mmproj_info else None

    def describe(self) -> dict[str, Any]:
        info = super().describe()
        info.update(
            mmproj=self.mmproj_info.path.name if self.mmproj_info else None,
            handler=self.handler_name,
            n_ctx=self.n_ctx,
            n_threads=self.n_threads,
            image_tokens=self.image_tokens,
        )
        return info

    def load(self) -> None:
        """Load the weights and the vision projector (idempotent)."""
        if self._llama is not None:
            return
        started = time.perf_counter()
        llama_cpp = _import_llama_cpp()
        _route_mtmd_logs()
        handler = self._make_handler() if self.mmproj_info else None
        try:
            llama = llama_cpp.Llama(
                model_path=str(self.model_info.path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                n_threads_batch=self.n_threads,
                n_gpu_layers=self.n_gpu_layers,
                seed=self.seed,
                chat_handler=handler,
                verbose=self.verbose,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelError(
                f"llama.cpp could not load {self.model_info.path}: {exc}; the file may be corrupt, "
                "or need a newer llama-cpp-python"
            ) from None
        if handler is not None:
            self._init_projector(handler, llama)
        self._llama, self._handler = llama, handler
        log.info("llama: loaded %s%s in %.2f s (handler %s, n_ctx %d, %d threads)", self.model_info.path.name,
                 f" + {self.mmproj_info.path.name}" if self.mmproj_info else "", time.perf_counter() - started,
                 self.handler_name, self.n_ctx, self.n_threads)

    def generate(self, request: EngineRequest) -> EngineOutput:
        """Run one request: its images (as PNG data URIs) and prompt, constrained to
        ``request.schema`` by a grammar when one is given."""
        if request.images and self.mmproj_info is None:
            raise ModelError(f"{self.model_info.path.name} has no vision projector; pass mmproj_path= to send images")
        self.load()
        grammar = self._grammar_for(request.schema)
        kwargs = self._completion_kwargs(request, grammar)
        start = time.perf_counter()
        try:
            if request.on_text is not None:
                text, finish, usage = self._run_streaming(kwargs, request.on_text)
            else:
                text, finish, usage = self._run(kwargs)
        except ValueError as exc:
            raise self._translate_error(exc, request) from None
        seconds = time.perf_counter() - start
        return EngineOutput(
            text=text,
            finish_reason=finish,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            image_encodes=len(request.images),  # no image cache: every call encodes every image
            seconds=seconds,
            issues=self._context_issues(request, finish, usage),
        )

    def close(self) -> None:
        """Free the model, context and projector."""
        llama, self._llama, self._handler = self._llama, None, None
        if llama is not None:
            llama.close()

    # -- loading ------------------------------------------------------------------------------

    def _resolve_handler(self, handler: str) -> str:
        if handler == "auto":
            return choose_handler(self.model_info, self.mmproj_info)
        key = HANDLER_ALIASES.get(handler.lower(), handler.lower())
        if key not in HANDLERS:
            known = ", ".join(["auto", *HANDLERS, *HANDLER_ALIASES])
            raise UsageError(f"unknown chat handler {handler!r}; known: {known}")
        return key

    def _make_handler(self) -> Any:
        from llama_cpp import llama_chat_format

        assert self.mmproj_info is not None
        cls_name = HANDLERS[self.handler_name]
        cls = getattr(llama_chat_format, cls_name, None)
        if cls is None:
            raise MissingDependency(
                f"llama-cpp-python has no {cls_name} (needed for handler {self.handler_name!r}); "
                f"upgrade it: {_PIP_HINT}"
            )
        kwargs: dict[str, Any] = {"clip_model_path": str(self.mmproj_info.path), "verbose": self.verbose}
        if self.handler_name == "mtmd":
            kwargs["use_gpu"] = self.n_gpu_layers != 0
        return cls(**kwargs)

    def _init_projector(self, handler: Any, llama: Any) -> None:
        # The handlers load the mmproj lazily on the first call; do it now so load() surfaces a
        # bad projector and generate() timings do not include it.
        init = getattr(handler, "_init_mtmd_context", None)
        if init is None:  # pragma: no cover - older/newer binding layouts
            return
        try:
            init(llama)
        except ValueError as exc:
            llama.close()
            assert self.mmproj_info is not None
            raise ModelError(
                f"llama.cpp could not load the vision projector {self.mmproj_info.path} for "
                f"{self.model_info.path.name}: {exc}; use the mmproj released with this model"
            ) from None

    # -- generation ---------------------------------------------------------------------------

    def _grammar_for(self, schema: Any) -> Any:
        if schema is None:
            return None
        json_schema = getattr(schema, "json_schema", schema)
        if not isinstance(json_schema, (dict, str)):
            raise SchemaError(
                f"cannot build a grammar from a {type(schema).__name__}; pass a SchemaSpec or a JSON Schema dict"
            )
        gbnf = compile_grammar(json_schema)
        self._check_grammar(gbnf)
        return load_grammar(gbnf)

    def _check_grammar(self, gbnf: str) -> None:
        """Parse the grammar against the model's vocabulary once.

        llama-cpp-python only parses GBNF when sampling starts, and a grammar that fails there
        leaves a NULL sampler in the chain (a crash, not an error).
        """
        if gbnf in self._checked_grammars:
            return
        import llama_cpp
        from llama_cpp._utils import suppress_stdout_stderr

        with suppress_stdout_stderr(disable=self.verbose):
            sampler = llama_cpp.llama_sampler_init_grammar(self._llama._model.vocab, gbnf.encode("utf-8"), b"root")
        if not sampler:
            raise SchemaError(
                "the grammar compiled from the schema does not parse in llama.cpp; simplify the schema's patterns"
            )
        llama_cpp.llama_sampler_free(sampler)
        self._checked_grammars.add(gbnf)

    def _completion_kwargs(self, request: EngineRequest, grammar: Any) -> dict[str, Any]:
        content: list[dict[str, Any]] = [
            {"type": "image_url", "image_url": {"url": _data_uri(img)}} for img in request.images
        ]
        content.append({"type": "text", "text": request.prompt})
        return {
            "messages": [{"role": "user", "content": content}],
            "grammar": grammar,
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "seed": request.seed,
            # A repeat penalty would push JSON away from repeated digits and keys; free text at
            # temperature 0 needs a little to avoid loops.
            "repeat_penalty": 1.0 if grammar is not None else 1.1,
        }

    def _run(self, kwargs: dict[str, Any]) -> tuple[str, Any, _Usage]:
        response = self._llama.create_chat_completion(**kwargs)
        choice = response["choices"][0]
        usage = response.get("usage") or {}
        return (
            choice["message"].get("content") or "",
            _finish(choice.get("finish_reason")),
            _Usage(int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0))),
        )

    def _run_streaming(self, kwargs: dict[str, Any], on_text: Any) -> tuple[str, Any, _Usage]:
        parts: list[str] = []
        finish: Any = "stop"
        chunks: Iterator[dict[str, Any]] = self._llama.create_chat_completion(stream=True, **kwargs)
        for chunk in chunks:
            choice = chunk["choices"][0]
            piece = choice.get("delta", {}).get("content")
            if piece:
                parts.append(piece)
                on_text(piece)
            if choice.get("finish_reason"):
                finish = _finish(choice["finish_reason"])
        # Streams carry no usage; a chunk is one token except where multi-byte characters merge.
        # The context holds prompt + answer, less the last token when the answer was cut.
        completion = len(parts)
        prompt = int(self._llama.n_tokens) - completion + (1 if finish == "length" else 0)
        return "".join(parts), finish, _Usage(max(0, prompt), completion)

    def _translate_error(self, exc: ValueError, request: EngineRequest) -> Exception:
        msg = str(exc)
        if ("exceed" in msg and ("n_ctx" in msg or "context" in msg)) or "could not broadcast" in msg:
            images = len(request.images)
            return ModelError(
                f"the prompt does not fit the context of {self.n_ctx} tokens ({msg}); {images} image(s) "
                f"cost about {images * (self.image_tokens or 0)} tokens — pass a larger n_ctx to the llama engine "
                f"(the model was trained on {self.model_info.context_length or 'unknown'}), send fewer images "
                "or shorten the prompt"
            )
        if "bitmap" in msg or "image" in msg.lower():
            return EngineError(f"llama.cpp could not read an image of the request: {msg}")
        return EngineError(f"llama.cpp failed: {msg}")

    def _context_issues(self, request: EngineRequest, finish: str, usage: _Usage) -> list[Issue]:
        # llama-cpp-python silently lowers max_tokens to what is left of the context.
        if finish != "length" or usage.prompt_tokens + request.max_tokens <= self.n_ctx:
            return []
        return [
            Issue(
                code="context-full",
                message=(
                    f"the answer was cut at the end of the {self.n_ctx}-token context "
                    f"({usage.prompt_tokens} prompt tokens); pass a larger n_ctx to the llama engine"
                ),
                severity="warning",
                stage="engine",
            )
        ]


def _round_up(n: int, step: int) -> int:
    return -(-n // step) * step


def _finish(reason: Any) -> Any:
    return "length" if reason == "length" else "stop"


def _data_uri(image: Image.Image) -> str:
    """PNG data URI (lossless; libmtmd decodes it with stb_image)."""
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)  # speed over size: it never leaves the process
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _free_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _route_mtmd_logs() -> None:
    """Send libmtmd's logs through llama-cpp-python's logger, which honours ``verbose``.

    The chat handlers only silence libmtmd while loading; its per-image progress lines
    ("encoding image slice...") would otherwise go straight to the terminal on every call.
    """
    try:
        from llama_cpp import _logger, mtmd_cpp
    except ImportError:  # pragma: no cover - binding without mtmd
        return
    for name in ("mtmd_log_set", "mtmd_helper_log_set"):
        setter = getattr(mtmd_cpp, name, None)
        if setter is not None:
            setter(_logger.llama_log_callback, None)


def _import_llama_cpp() -> Any:
    try:
        import llama_cpp
    except ImportError as exc:
        raise MissingDependency(
            f"the llama engine needs llama-cpp-python, which is not installed ({exc}); install it: {_PIP_HINT}"
        ) from None
    return llama_cpp


def model_paths_from_env() -> tuple[Path | None, Path | None]:
    """``($DOCEXTRACT_MODEL, $DOCEXTRACT_MMPROJ)`` as paths (None when unset)."""
    model, mmproj = os.environ.get(ENV_MODEL), os.environ.get(ENV_MMPROJ)
    return (Path(model) if model else None, Path(mmproj) if mmproj else None)


__all__ = ["HANDLERS", "LlamaEngine", "choose_handler", "default_n_ctx", "model_paths_from_env"]
