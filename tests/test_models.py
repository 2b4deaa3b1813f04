"""Model catalog and resolution against fake model folders, HF caches and Ollama stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docextract.catalog import models
from docextract.catalog.models import find_catalog, find_model, recommend, resolve_model
from docextract.errors import ModelError

GGUF = b"GGUF\x03\x00\x00\x00" + b"\x00" * 16  # a GGUF header is enough: resolution never loads


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every store at empty temp folders so the real home directory is never searched."""
    monkeypatch.setenv("DOCEXTRACT_HOME", str(tmp_path / "dx"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))
    monkeypatch.setenv("OLLAMA_MODELS", str(tmp_path / "ollama"))


def _touch(path: Path, data: bytes = GGUF) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _fake_hf(root: Path, repo: str, files: list[str], rev: str = "a" * 40, main: bool = True) -> Path:
    repo_dir = root / ("models--" + repo.replace("/", "--"))
    snap = repo_dir / "snapshots" / rev
    for name in files:
        blob = _touch(repo_dir / "blobs" / f"{abs(hash(name)):x}")
        snap.mkdir(parents=True, exist_ok=True)
        (snap / name).symlink_to(blob)
    if main:
        _touch(repo_dir / "refs" / "main", rev.encode())
    return snap


def _fake_ollama(root: Path, name: str, tag: str, projector: bool = True) -> tuple[Path, Path | None]:
    model_hex, proj_hex = "1" * 64, "2" * 64
    layers = [
        {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{model_hex}", "size": 24},
        {"mediaType": "application/vnd.ollama.image.template", "digest": "sha256:" + "3" * 64, "size": 5},
    ]
    model = _touch(root / "blobs" / f"sha256-{model_hex}")
    proj = None
    if projector:
        layers.append(
            {"mediaType": "application/vnd.ollama.image.projector", "digest": f"sha256:{proj_hex}", "size": 24}
        )
        proj = _touch(root / "blobs" / f"sha256-{proj_hex}")
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "layers": layers,
    }
    _touch(root / "manifests" / "registry.ollama.ai" / "library" / name / tag, json.dumps(manifest).encode())
    return model, proj


# --- catalog -------------------------------------------------------------------------------------


def test_catalog_entries_are_consistent() -> None:
    names = set()
    for entry in models.CATALOG:
        assert entry.min_ram_gb <= entry.recommended_ram_gb
        assert entry.name not in names
        names.add(entry.name)
        if entry.quants:
            assert entry.quant().name == entry.default_quant
            assert all(q.filename.endswith(".gguf") and not models.is_projector(q.filename) for q in entry.quants)
        if entry.mmproj:
            assert models.is_projector(entry.mmproj)
    # every name selects exactly one entry
    all_names = [n for e in models.CATALOG for n in e.names()]
    assert len(all_names) == len(set(all_names))


def test_catalog_ram_figures() -> None:
    assert (find_catalog("moondream2").min_ram_gb, find_catalog("moondream2").recommended_ram_gb) == (2, 4)
    assert (find_catalog("llava-1.5-7b").min_ram_gb, find_catalog("llava-1.5-7b").recommended_ram_gb) == (6, 8)
    assert (find_catalog("llava-1.5-13b").min_ram_gb, find_catalog("llava-1.5-13b").recommended_ram_gb) == (10, 16)


def test_find_catalog_by_alias_repo_and_ollama_name() -> None:
    assert find_catalog("Moondream").name == "moondream2"
    assert find_catalog("mys/ggml_llava-v1.5-7b").name == "llava-1.5-7b"
    assert find_catalog("qwen2.5vl:3b").name == "qwen2.5-vl-3b"
    assert find_catalog("nope") is None
    with pytest.raises(ModelError, match="known models"):
        models.get_catalog("nope")
    with pytest.raises(ModelError, match="no quantization"):
        find_catalog("llava-1.5-7b").quant("Q9")


@pytest.mark.parametrize(
    ("ram", "expected"),
    [
        (0.5, None),
        (1.5, "smolvlm-500m"),  # only the minimum fits
        (3.0, "smolvlm-500m"),
        (5.0, "moondream2"),
        (8.0, "qwen2.5-vl-3b"),
        (10.0, "qwen2.5-vl-7b"),
        (64.0, "qwen2.5-vl-7b"),
    ],
)
def test_recommend_fits_ram(ram: float, expected: str | None) -> None:
    got = recommend(ram)
    if expected is None:
        assert got is None
        return
    entry, quant = got
    assert entry.name == expected
    assert entry.min_ram_gb <= ram
    assert quant.name == entry.default_quant or entry.ram_needed_gb(quant.name) <= ram


def test_recommend_picks_bigger_quant_when_roomy() -> None:
    tight = recommend(6.0)
    roomy = recommend(8.5)
    assert tight[0].name == roomy[0].name == "qwen2.5-vl-3b"
    assert tight[1].name == "Q4_K_M"
    assert roomy[1].name == "Q8_0"
    assert recommend(10.0)[1].name == "Q4_K_M" and recommend(12.0)[1].name == "Q8_0"
    assert recommend(4.0, vram_gb=24.0)[0].name == "qwen2.5-vl-7b"  # GPU memory counts
    few_cores = recommend(32.0, max_params_b=4.5, upgrade_quant=False)
    assert (few_cores[0].name, few_cores[1].name) == ("qwen2.5-vl-3b", "Q4_K_M")


# --- resolution ----------------------------------------------------------------------------------


def test_explicit_paths(tmp_path: Path) -> None:
    model = _touch(tmp_path / "m" / "llava-v1.5-7b-Q4_K_M.gguf")
    proj = _touch(tmp_path / "m" / "mmproj-model-f16.gguf")
    assert resolve_model(model) == (model, proj)
    assert resolve_model(str(tmp_path / "m")) == (model, proj)
    other = _touch(tmp_path / "elsewhere" / "clip.gguf")
    assert resolve_model(model, mmproj=other) == (model, other)
    with pytest.raises(ModelError, match="projector file"):
        resolve_model(model, mmproj=tmp_path / "missing-mmproj.gguf")
    with pytest.raises(ModelError, match="not found"):
        resolve_model(tmp_path / "missing.gguf")


def test_projector_beside_prefers_matching_name(tmp_path: Path) -> None:
    a = _touch(tmp_path / "Qwen2.5-VL-3B-Instruct-Q4_K_M.gguf")
    _touch(tmp_path / "mmproj-gemma-3-4b.gguf")
    want = _touch(tmp_path / "mmproj-Qwen2.5-VL-3B-Instruct-f16.gguf")
    assert resolve_model(a)[1] == want


def test_docextract_models_folder(tmp_path: Path) -> None:
    folder = tmp_path / "dx" / "models" / "moondream2"
    model = _touch(folder / "moondream2-text-model-f16.gguf")
    proj = _touch(folder / "moondream2-mmproj-f16.gguf")
    assert resolve_model("moondream2") == (model, proj)
    assert resolve_model("moondream") == (model, proj)  # alias → same entry folder
    single = _touch(tmp_path / "dx" / "models" / "my-model.gguf")
    assert resolve_model("my-model") == (single, None)


def test_hf_cache_layout(tmp_path: Path) -> None:
    repo = "ggml-org/Qwen2.5-VL-3B-Instruct-GGUF"
    snap = _fake_hf(
        tmp_path / "hf",
        repo,
        [
            "Qwen2.5-VL-3B-Instruct-Q8_0.gguf",
            "Qwen2.5-VL-3B-Instruct-Q4_K_M.gguf",
            "mmproj-Qwen2.5-VL-3B-Instruct-f16.gguf",
        ],
    )
    found = find_model("qwen2.5-vl-3b")
    assert found.source == "huggingface"
    assert found.model_path == snap / "Qwen2.5-VL-3B-Instruct-Q4_K_M.gguf"  # the catalog default quant
    assert found.mmproj_path == snap / "mmproj-Qwen2.5-VL-3B-Instruct-f16.gguf"
    assert found.entry is not None and found.entry.name == "qwen2.5-vl-3b"
    # the repo id and an explicit quant work too; the returned paths resolve to real blobs
    model, proj = resolve_model(f"{repo}:Q8_0")
    assert model.name == "Qwen2.5-VL-3B-Instruct-Q8_0.gguf"
    assert model.resolve().read_bytes().startswith(b"GGUF") and proj is not None


def test_hf_cache_unknown_repo_and_hf_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_CACHE")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hfhome"))
    snap = _fake_hf(
        tmp_path / "hfhome" / "hub", "someone/tiny-vlm-GGUF", ["tiny.gguf", "tiny-projector.gguf"], main=False
    )
    assert resolve_model("someone/tiny-vlm-GGUF") == (snap / "tiny.gguf", snap / "tiny-projector.gguf")


def test_ollama_store(tmp_path: Path) -> None:
    model, proj = _fake_ollama(tmp_path / "ollama", "llava", "13b")
    found = find_model("llava:13b")
    assert (found.model_path, found.mmproj_path, found.source) == (model, proj, "ollama")
    model2, _ = _fake_ollama(tmp_path / "ollama", "moondream", "latest")
    assert resolve_model("moondream:latest")[0] == model2
    # a catalog name falls back to its Ollama name when nothing else has it
    assert resolve_model("moondream2")[0] == model2


def test_ollama_without_projector_and_missing_blob(tmp_path: Path) -> None:
    _fake_ollama(tmp_path / "ollama", "gemma3", "4b", projector=False)
    assert resolve_model("gemma3:4b")[1] is None
    model, _ = _fake_ollama(tmp_path / "ollama", "bakllava", "latest")
    model.unlink()
    with pytest.raises(ModelError, match="ollama pull bakllava"):
        resolve_model("bakllava")


def test_search_order_docextract_before_hf_before_ollama(tmp_path: Path) -> None:
    _fake_ollama(tmp_path / "ollama", "moondream", "latest")
    snap = _fake_hf(
        tmp_path / "hf", "vikhyatk/moondream2", ["moondream2-text-model-f16.gguf", "moondream2-mmproj-f16.gguf"]
    )
    assert find_model("moondream2").source == "huggingface"
    assert resolve_model("moondream2")[0] == snap / "moondream2-text-model-f16.gguf"
    _touch(tmp_path / "dx" / "models" / "moondream2" / "moondream2-text-model-f16.gguf")
    assert find_model("moondream2").source == "docextract"


def test_not_found_lists_every_place(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        resolve_model("qwen2.5-vl-7b")
    msg = str(info.value)
    assert str(tmp_path / "dx" / "models") in msg
    assert "models--ggml-org--Qwen2.5-VL-7B-Instruct-GGUF" in msg
    assert "qwen2.5vl" in msg and "Ollama" in msg
    assert "docextract models pull qwen2.5-vl-7b" in msg
    with pytest.raises(ModelError, match="catalog name"):
        resolve_model("totally-unknown")
    with pytest.raises(ModelError, match="no model given"):
        resolve_model("  ")
