"""The llama engine on the tiny random-weight model: real llama.cpp, no mocks.

The tiny model (see docextract.testing.tiny_vlm) *prefers* raw control characters, long digit
runs and closing quotes. Whatever it writes under a schema must still be strict JSON that
validates — the grammar alone forces that.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

pytest.importorskip("llama_cpp")

from docextract.engines import get_engine  # noqa: E402
from docextract.engines.llama.engine import LlamaEngine, choose_handler, default_n_ctx  # noqa: E402
from docextract.engines.llama.gguf import GGUFInfo, read_gguf_info  # noqa: E402
from docextract.engines.llama.grammar import MAX_FRAC_DIGITS, MAX_INT_DIGITS  # noqa: E402
from docextract.errors import ModelError, SchemaError, UsageError  # noqa: E402
from docextract.schemas import list_schemas, resolve_schema  # noqa: E402
from docextract.types import EngineRequest  # noqa: E402

CONTROL = re.compile(r"[\x00-\x1f]")
PLAIN_NUMBER = re.compile(rf"-?(0|[1-9][0-9]{{0,{MAX_INT_DIGITS - 1}}})(\.[0-9]{{1,{MAX_FRAC_DIGITS}}})?")
# Fields whose validators the JSON Schema does not express, so no grammar can enforce them:
# Receipt.time checks HH:MM in Python but its schema is a bare string (reported to the schemas owner).
AMOUNTS = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "total": {"type": "number"}, "count": {"type": "integer"}},
    "required": ["name", "total", "count"],
}


@pytest.fixture(scope="module")
def tile() -> Image.Image:
    img = Image.new("RGB", (224, 224), "white")
    for x in range(20, 200, 10):
        img.paste((0, 0, 0), (x, 100, x + 5, 120))
    return img


def _ask(engine: LlamaEngine, tile: Image.Image, schema: object, **kw: object) -> object:
    req = EngineRequest(images=[tile], prompt="Extract the data as JSON.", schema=schema, **kw)  # type: ignore[arg-type]
    return engine.generate(req)


def test_tile_size_and_image_tokens_come_from_the_mmproj(tiny_engine: LlamaEngine, tiny_vlm: tuple[Path, Path]) -> None:
    info = read_gguf_info(tiny_vlm[1])
    assert tiny_engine.tile_size == info.image_size == 224
    assert tiny_engine.image_tokens == (224 // 14) ** 2
    assert tiny_engine.handler_name == "llava-1-5"
    assert tiny_engine.n_ctx == default_n_ctx(read_gguf_info(tiny_vlm[0]), info) >= 256 + 1536 + 2048
    d = tiny_engine.describe()
    assert d["engine"] == "llama" and d["tile_size"] == 224 and d["model"] == "model.gguf"


@pytest.mark.parametrize("name", list_schemas())
def test_every_builtin_schema_gives_valid_strict_json(tiny_engine: LlamaEngine, tile: Image.Image, name: str) -> None:
    spec = resolve_schema(name)
    out = _ask(tiny_engine, tile, spec, max_tokens=400)
    assert out.finish_reason == "stop", out.text
    assert not CONTROL.search(out.text), repr(out.text)
    data = json.loads(out.text)  # strict: raw control characters would fail here
    assert out.image_encodes == 1
    assert out.prompt_tokens > tiny_engine.image_tokens and out.completion_tokens > 0
    assert out.seconds > 0
    spec.validate(data)  # the grammar alone makes a random-weight model's output valid


def test_numbers_are_bounded_plain_decimals(tiny_engine: LlamaEngine, tile: Image.Image) -> None:
    out = _ask(tiny_engine, tile, AMOUNTS, max_tokens=200)
    assert out.finish_reason == "stop", out.text
    data = json.loads(out.text)
    raw_total = re.search(r'"total"\s*:\s*([^,}\s]+)', out.text).group(1)  # type: ignore[union-attr]
    raw_count = re.search(r'"count"\s*:\s*([^,}\s]+)', out.text).group(1)  # type: ignore[union-attr]
    assert PLAIN_NUMBER.fullmatch(raw_total), raw_total
    assert PLAIN_NUMBER.fullmatch(raw_count) and "." not in raw_count, raw_count
    # The model favours digits: it runs to the bound, which is what the grammar must stop.
    assert len(raw_total.lstrip("-").split(".")[0]) == MAX_INT_DIGITS
    assert isinstance(data["count"], int)
    assert not CONTROL.search(data["name"])


def test_stock_grammar_would_not_be_safe(tiny_engine: LlamaEngine, tile: Image.Image) -> None:
    """The same model under llama-cpp-python's own grammar writes what ours forbids — proof
    that the safe rules, not luck, make the tests above pass."""
    from llama_cpp.llama_grammar import LlamaGrammar, json_schema_to_gbnf

    from docextract.engines.llama.engine import _data_uri

    grammar = LlamaGrammar.from_string(json_schema_to_gbnf(json.dumps(AMOUNTS)), verbose=False)
    messages = [
        {
            "role": "user",
            "content": [
                {"type": "image_url", "image_url": {"url": _data_uri(tile)}},
                {"type": "text", "text": "Extract the data as JSON."},
            ],
        }
    ]
    resp = tiny_engine._llama.create_chat_completion(
        messages=messages, grammar=grammar, max_tokens=60, temperature=0.0, repeat_penalty=1.0
    )
    text = resp["choices"][0]["message"]["content"]
    assert CONTROL.search(text), repr(text)
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


def test_free_text_streams_and_reports_length(tiny_engine: LlamaEngine, tile: Image.Image) -> None:
    pieces: list[str] = []
    req = EngineRequest(images=[tile], prompt="Describe the image.", schema=None, max_tokens=8, on_text=pieces.append)
    out = tiny_engine.generate(req)
    assert out.finish_reason == "length"
    assert pieces and "".join(pieces) == out.text
    assert 0 < out.completion_tokens <= 8


def test_streamed_and_plain_usage_agree(tiny_engine: LlamaEngine, tile: Image.Image) -> None:
    plain = tiny_engine.generate(EngineRequest(images=[tile], prompt="Describe.", schema=None, max_tokens=6))
    streamed = tiny_engine.generate(
        EngineRequest(images=[tile], prompt="Describe.", schema=None, max_tokens=6, on_text=lambda _: None)
    )
    assert (streamed.text, streamed.finish_reason) == (plain.text, plain.finish_reason)
    assert (streamed.prompt_tokens, streamed.completion_tokens) == (plain.prompt_tokens, plain.completion_tokens)


def test_answer_cut_by_the_context_is_flagged(tiny_vlm: tuple[Path, Path], tile: Image.Image) -> None:
    with LlamaEngine(*tiny_vlm, n_ctx=512, n_threads=1) as engine:
        out = engine.generate(EngineRequest(images=[tile], prompt="Describe.", schema=None, max_tokens=400))
    assert out.finish_reason == "length"
    assert out.prompt_tokens + out.completion_tokens == 512
    assert [i.code for i in out.issues] == ["context-full"]


def test_tiny_max_tokens_gives_length(tiny_engine: LlamaEngine, tile: Image.Image) -> None:
    out = _ask(tiny_engine, tile, resolve_schema("receipt"), max_tokens=3)
    assert out.finish_reason == "length"
    assert out.completion_tokens == 3
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.text)


def test_every_call_encodes_every_image(tiny_engine: LlamaEngine, tile: Image.Image) -> None:
    req = EngineRequest(images=[tile, tile], prompt="Compare.", schema=resolve_schema("code"), max_tokens=200)
    out = tiny_engine.generate(req)
    assert out.image_encodes == 2
    assert out.prompt_tokens > 2 * tiny_engine.image_tokens
    again = tiny_engine.generate(req)
    assert again.image_encodes == 2 and again.text == out.text  # deterministic at temperature 0


def test_unconvertible_schema_fails_loudly(tiny_engine: LlamaEngine, tile: Image.Image) -> None:
    bad = {"type": "object", "properties": {"code": {"type": "string", "pattern": "[A-Z]{3}"}}}
    with pytest.raises(SchemaError, match="Pattern must start"):
        _ask(tiny_engine, tile, bad)
    with pytest.raises(SchemaError):
        _ask(tiny_engine, tile, 42)
    # Converts, but the GBNF does not parse in llama.cpp (no \S there): refused before sampling
    # instead of leaving a NULL grammar sampler in the chain.
    unparsable = {"type": "object", "properties": {"a": {"type": "string", "pattern": r"^\S+$"}}}
    with pytest.raises(SchemaError, match="does not parse"):
        _ask(tiny_engine, tile, unparsable)


def test_nothing_is_printed(tiny_vlm: tuple[Path, Path], tile: Image.Image, capfd: pytest.CaptureFixture[str]) -> None:
    with LlamaEngine(*tiny_vlm, n_threads=1) as engine:
        _ask(engine, tile, resolve_schema("code"), max_tokens=20)
    out, err = capfd.readouterr()
    assert out == ""
    assert err == ""  # verbose=False: not even llama.cpp's or libmtmd's progress logs


def test_prompt_over_context_is_a_model_error(tiny_vlm: tuple[Path, Path], tile: Image.Image) -> None:
    engine = LlamaEngine(*tiny_vlm, n_ctx=200, n_threads=1)
    try:
        with pytest.raises(ModelError, match="n_ctx"):
            _ask(engine, tile, resolve_schema("code"))
    finally:
        engine.close()


def test_mismatched_mmproj_is_a_model_error(tiny_vlm: tuple[Path, Path], tmp_path: Path) -> None:
    from docextract.testing.tiny_vlm import write_tiny_vlm

    _, other = write_tiny_vlm(tmp_path, projection_dim=48)
    with pytest.raises(ModelError, match="projector outputs 48, model expects 64"):
        LlamaEngine(tiny_vlm[0], other)
    with pytest.raises(ModelError, match="vision projector"):
        LlamaEngine(tiny_vlm[1], tiny_vlm[0])  # swapped


def test_missing_and_bad_files_are_model_errors(
    tiny_vlm: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        LlamaEngine(tmp_path / "nope.gguf", tiny_vlm[1])
    with pytest.raises(ModelError, match="does not exist"):
        LlamaEngine(tiny_vlm[0], tmp_path / "nope-mmproj.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model at all")
    with pytest.raises(ModelError, match="not a GGUF file"):
        LlamaEngine(junk, tiny_vlm[1])
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(tiny_vlm[0].read_bytes()[:4000])
    with pytest.raises(ModelError, match="corrupt or truncated"):
        LlamaEngine(cut, tiny_vlm[1])
    monkeypatch.delenv("DOCEXTRACT_MODEL", raising=False)
    with pytest.raises(ModelError, match="DOCEXTRACT_MODEL"):
        LlamaEngine()


def test_paths_default_from_the_environment(tiny_vlm: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCEXTRACT_MODEL", str(tiny_vlm[0]))
    monkeypatch.setenv("DOCEXTRACT_MMPROJ", str(tiny_vlm[1]))
    engine = get_engine("llama")
    assert isinstance(engine, LlamaEngine)
    assert engine.model_id == "model.gguf" and engine.tile_size == 224


def test_handler_choice(tiny_vlm: tuple[Path, Path]) -> None:
    model, mmproj = read_gguf_info(tiny_vlm[0]), read_gguf_info(tiny_vlm[1])
    assert choose_handler(model, mmproj) == "llava-1-5"
    assert LlamaEngine(*tiny_vlm, handler="bakllava").handler_name == "llava-1-5"
    assert LlamaEngine(*tiny_vlm, handler="mtmd").handler_name == "mtmd"
    with pytest.raises(UsageError, match="unknown chat handler"):
        LlamaEngine(*tiny_vlm, handler="bogus")


def test_generic_mtmd_handler_runs_with_the_models_template(tiny_vlm: tuple[Path, Path], tile: Image.Image) -> None:
    with LlamaEngine(*tiny_vlm, handler="mtmd", n_threads=1) as engine:
        spec = resolve_schema("table")
        out = _ask(engine, tile, spec, max_tokens=200)
    assert out.finish_reason == "stop"
    spec.validate(json.loads(out.text))


def _info(kind: str, **kw: object) -> GGUFInfo:
    return GGUFInfo(
        path=Path(f"/models/{kw.pop('file', kind)}.gguf"), kind=kind, architecture=str(kw.pop("arch", "llama")), **kw
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("model", "mmproj", "handler"),
    [
        (_info("model", name="llava-v1.5-7b"), _info("mmproj", projector_type="mlp"), "llava-1-5"),
        (_info("model", name="BakLLaVA-1"), _info("mmproj", projector_type="mlp"), "llava-1-5"),
        (
            _info("model", name="llava-v1.6-mistral-7b"),
            _info("mmproj", projector_type="mlp", grid_pinpoints=(336, 672)),
            "llava-1-6",
        ),
        (_info("model", name="moondream2", arch="phi2"), _info("mmproj", projector_type="mlp"), "moondream"),
        (_info("model", name="nanoLLaVA", arch="qwen2"), _info("mmproj", projector_type="mlp"), "nanollava"),
        (_info("model", name="MiniCPM-V-2_6", arch="qwen2"), _info("mmproj", projector_type="resampler"), "minicpm-v"),
        (
            _info("model", name="Qwen2.5-VL-3B", arch="qwen2vl"),
            _info("mmproj", projector_type="qwen2.5vl_merger"),
            "qwen2.5-vl",
        ),
        (
            _info("model", name="gemma-3-4b", arch="gemma3", has_chat_template=True),
            _info("mmproj", projector_type="gemma3"),
            "mtmd",
        ),
    ],
)
def test_handler_follows_projector_and_name(model: GGUFInfo, mmproj: GGUFInfo, handler: str) -> None:
    assert choose_handler(model, mmproj) == handler


def test_missing_llama_cpp_names_the_install_command(
    tiny_vlm: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from docextract.errors import MissingDependency

    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # what `import llama_cpp` sees when it is not installed
    with pytest.raises(MissingDependency, match="pip install"):
        LlamaEngine(*tiny_vlm).load()
