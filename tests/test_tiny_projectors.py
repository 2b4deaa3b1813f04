"""Projector families other than LLaVA's ``mlp``, on the real llama.cpp path (libmtmd), no mocks.

Each family is a tiny random-weight mmproj from docextract.testing.tiny_vlm paired with the same
tiny llama text model. The engine must pick the family's handler by itself, size tiles from the
mmproj, and still produce strict, schema-valid JSON under the grammar.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("gguf")

from PIL import Image  # noqa: E402

from docextract.engines.llama.gguf import check_pair, read_gguf_info  # noqa: E402
from docextract.schemas import resolve_schema  # noqa: E402
from docextract.testing.tiny_vlm import main, write_tiny_vlm  # noqa: E402
from docextract.types import EngineRequest  # noqa: E402

CONTROL = re.compile(r"[\x00-\x1f]")
IMAGE_SIZE = 224

# family -> (handler "auto" must choose, image tokens for one IMAGE_SIZE square)
FAMILIES = {
    # Gemma 3: 16x16 patches, 4x4 average pool -> 16 tokens; no dedicated llama-cpp-python
    # handler, so the model's own chat template through libmtmd's generic handler.
    "gemma3": ("mtmd", (IMAGE_SIZE // 14 // 4) ** 2),
}


@pytest.fixture(scope="module", params=sorted(FAMILIES))
def family_pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    family = request.param
    model, mmproj = write_tiny_vlm(tmp_path_factory.mktemp(f"tiny_{family}"), IMAGE_SIZE, projector=family)
    return family, model, mmproj


@pytest.fixture(scope="module")
def family_engine(family_pair: tuple[str, Path, Path]) -> Iterator[object]:
    pytest.importorskip("llama_cpp")
    from docextract.engines.llama.engine import LlamaEngine

    _, model, mmproj = family_pair
    engine = LlamaEngine(model, mmproj, n_threads=1)  # handler "auto"
    engine.load()
    yield engine
    engine.close()


def test_metadata_and_handler_choice(family_pair: tuple[str, Path, Path], tiny_vlm: tuple[Path, Path]) -> None:
    pytest.importorskip("llama_cpp")
    from docextract.engines.llama.engine import choose_handler

    family, model, mmproj = family_pair
    handler, tokens = FAMILIES[family]
    m, p = read_gguf_info(model), read_gguf_info(mmproj)
    assert (p.kind, p.projector_type, p.image_size, p.patch_size) == ("mmproj", family, IMAGE_SIZE, 14)
    assert p.projection_dim == m.hidden_size == 64
    assert p.image_tokens == tokens
    check_pair(m, p)
    assert choose_handler(m, p) == handler
    assert model.read_bytes() == tiny_vlm[0].read_bytes()  # same text model for every family


def test_engine_loads_and_gives_valid_strict_json(family_pair: tuple[str, Path, Path], family_engine: object) -> None:
    family, _, mmproj = family_pair
    handler, tokens = FAMILIES[family]
    engine = family_engine
    assert engine.handler_name == handler  # type: ignore[attr-defined]
    assert engine.tile_size == read_gguf_info(mmproj).image_size == IMAGE_SIZE  # type: ignore[attr-defined]
    assert engine.image_tokens == tokens  # type: ignore[attr-defined]

    img = Image.new("RGB", (IMAGE_SIZE, IMAGE_SIZE), "white")
    img.paste((0, 0, 0), (40, 100, 180, 120))
    spec = resolve_schema("code")
    req = EngineRequest(images=[img], prompt="Extract the data as JSON.", schema=spec, max_tokens=200)
    out = engine.generate(req)  # type: ignore[attr-defined]
    assert out.finish_reason == "stop", out.text
    assert not CONTROL.search(out.text), repr(out.text)
    data = json.loads(out.text)
    spec.validate(data)
    assert out.image_encodes == 1
    assert out.prompt_tokens > tokens and out.completion_tokens > 0


def test_default_projector_is_unchanged_mlp(tmp_path: Path, tiny_vlm: tuple[Path, Path]) -> None:
    model, mmproj = write_tiny_vlm(tmp_path, IMAGE_SIZE, projector="mlp")
    assert model.read_bytes() == tiny_vlm[0].read_bytes()
    assert mmproj.read_bytes() == tiny_vlm[1].read_bytes()


def test_bad_projector_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown projector"):
        write_tiny_vlm(tmp_path, projector="nope")
    with pytest.raises(ValueError, match="multiple of 4"):
        write_tiny_vlm(tmp_path, image_size=210, projector="gemma3")  # 15 patches a side


def test_cli_projector_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "g"), "--image-size", "112", "--projector", "gemma3"]) == 0
    printed = capsys.readouterr().out.split()
    info = read_gguf_info(printed[1])
    assert (info.projector_type, info.image_size, info.image_tokens) == ("gemma3", 112, 4)
    with pytest.raises(SystemExit):
        main([str(tmp_path / "x"), "--projector", "nope"])
