"""The tiny test model writer and the GGUF metadata reader (no llama.cpp needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("gguf")

from docextract.engines.llama.gguf import check_pair, read_gguf_info  # noqa: E402
from docextract.errors import ModelError  # noqa: E402
from docextract.testing.tiny_vlm import main, write_tiny_vlm  # noqa: E402


def test_metadata_of_the_pair(tiny_vlm: tuple[Path, Path]) -> None:
    model, mmproj = read_gguf_info(tiny_vlm[0]), read_gguf_info(tiny_vlm[1])
    assert (model.kind, model.architecture, model.hidden_size, model.context_length) == ("model", "llama", 64, 4096)
    assert model.has_chat_template
    assert (mmproj.kind, mmproj.projector_type, mmproj.image_size, mmproj.patch_size) == ("mmproj", "mlp", 224, 14)
    assert mmproj.projection_dim == 64
    assert mmproj.image_tokens == 256
    check_pair(model, mmproj)


def test_image_size_is_configurable_and_output_deterministic(tmp_path: Path, tiny_vlm: tuple[Path, Path]) -> None:
    model, mmproj = write_tiny_vlm(tmp_path / "a", image_size=336)
    info = read_gguf_info(mmproj)
    assert info.image_size == 336 and info.image_tokens == 576  # LLaVA-1.5's 576 at 336 px
    again = write_tiny_vlm(tmp_path / "b", image_size=336)
    assert model.read_bytes() == again[0].read_bytes()
    assert mmproj.read_bytes() == again[1].read_bytes()
    assert model.read_bytes() == tiny_vlm[0].read_bytes()  # the text model does not depend on the image size
    other_seed = write_tiny_vlm(tmp_path / "c", image_size=336, seed=1)
    assert other_seed[0].read_bytes() != model.read_bytes()


def test_bad_image_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="multiple of patch_size"):
        write_tiny_vlm(tmp_path, image_size=300)


def test_cli_writes_both_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "out"), "--image-size", "112"]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(tmp_path / "out" / "model.gguf"), str(tmp_path / "out" / "mmproj.gguf")]
    assert read_gguf_info(printed[1]).image_size == 112


def test_projection_mismatch_is_named(tmp_path: Path, tiny_vlm: tuple[Path, Path]) -> None:
    _, bad = write_tiny_vlm(tmp_path, projection_dim=48)
    with pytest.raises(ModelError) as err:
        check_pair(read_gguf_info(tiny_vlm[0]), read_gguf_info(bad))
    msg = str(err.value)
    assert f"mmproj {bad} does not fit model {tiny_vlm[0]}" in msg
    assert "projector outputs 48, model expects 64" in msg


def test_unreadable_files(tmp_path: Path, tiny_vlm: tuple[Path, Path]) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        read_gguf_info(tmp_path / "missing.gguf")
    (tmp_path / "text.gguf").write_text("hello")
    with pytest.raises(ModelError, match="not a GGUF file"):
        read_gguf_info(tmp_path / "text.gguf")
    (tmp_path / "empty.gguf").write_bytes(b"")
    with pytest.raises(ModelError, match="not a GGUF file"):
        read_gguf_info(tmp_path / "empty.gguf")
    for size in (8, 200, 4000, tiny_vlm[1].stat().st_size - 100):
        cut = tmp_path / f"cut{size}.gguf"
        cut.write_bytes(tiny_vlm[1].read_bytes()[:size])
        with pytest.raises(ModelError, match="corrupt or truncated"):
            read_gguf_info(cut)


@pytest.mark.parametrize(
    ("fields", "tokens"),
    [
        ({"projector_type": "mlp", "image_size": 336, "patch_size": 14}, 576),  # LLaVA-1.5
        ({"projector_type": "mlp", "image_size": 448, "patch_size": 14}, 1024),
        # LLaVA-1.6 anyres: overview + up to 2×2 grid cells of 336 px
        (
            {"projector_type": "mlp", "image_size": 336, "patch_size": 14, "grid_pinpoints": (336, 672, 672, 672)},
            576 * 5,
        ),
        ({"projector_type": "resampler", "image_size": 448, "patch_size": 14, "query_num": 64}, 64),  # MiniCPM-V
        ({"projector_type": "qwen2.5vl_merger", "image_size": 448, "patch_size": 14}, 256),  # 2×2 merge
        ({"projector_type": "idefics3", "image_size": 512, "patch_size": 16, "merge": 4}, 64),
    ],
)
def test_image_token_estimates(fields: dict, tokens: int) -> None:
    from docextract.engines.llama.gguf import GGUFInfo

    info = GGUFInfo(path=Path("/m/mmproj.gguf"), kind="mmproj", architecture="clip", **fields)
    assert info.image_tokens == tokens
