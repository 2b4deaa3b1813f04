"""``docextract models``, ``models pull`` (against a local stand-in for the hub) and ``doctor``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner  # noqa: TID251 - tests drive the CLI

from docextract.catalog.models import list_catalog
from docextract.cli import app

runner = CliRunner()


def test_models_json_lists_the_catalog() -> None:
    result = runner.invoke(app, ["models", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["name"] for r in rows] == [e.name for e in list_catalog()]
    for row in rows:
        assert {"name", "family", "handler", "chat_format", "quants", "min_ram_gb", "recommended_ram_gb", "hf_repo",
                "ollama", "mmproj", "tile_size", "downloadable"} <= set(row)
        assert row["min_ram_gb"] <= row["recommended_ram_gb"]
        if row["quants"]:
            assert sum(q["default"] for q in row["quants"]) == 1
            assert all(q["file"].endswith(".gguf") and q["size_gb"] > 0 for q in row["quants"])


def test_models_table() -> None:
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    for entry in list_catalog():
        assert entry.name in result.stdout
    assert "models pull" in result.stderr


def test_doctor_json_structure() -> None:
    result = runner.invoke(app, ["doctor", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {"cpu", "memory", "gpus", "llama", "threads", "recommendation", "warnings"} <= set(report)
    assert report["cpu"]["usable_cores"] >= 1 and isinstance(report["gpus"], list)
    assert report["threads"]["suggested_n_threads"] >= 1
    assert all({"code", "message"} <= set(w) for w in report["warnings"])


def test_doctor_human_report() -> None:
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("CPU:") and "RAM:" in result.stdout and "llama.cpp:" in result.stdout


def test_models_pull_from_a_local_hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("huggingface_hub")
    from test_hub import MMPROJ, MMPROJ_BYTES, MODEL, MODEL_BYTES, REPO, FakeHub

    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))
    monkeypatch.setenv("DOCEXTRACT_HOME", str(tmp_path / "dx"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    for var in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    hub = FakeHub({REPO: {MODEL: MODEL_BYTES, MMPROJ: MMPROJ_BYTES}})
    try:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        result = runner.invoke(app, ["models", "pull", "moondream2"])
        assert result.exit_code == 0, result.output
        model, mmproj = (Path(p) for p in result.stdout.splitlines())
        assert model.read_bytes() == MODEL_BYTES and mmproj.read_bytes() == MMPROJ_BYTES
        assert f"--model {model}" in " ".join(result.stderr.split())
        dest = tmp_path / "plain"
        as_json = runner.invoke(app, ["models", "pull", "moondream2", "--dir", str(dest), "--json", "-q"])
        assert as_json.exit_code == 0, as_json.output
        info = json.loads(as_json.stdout)
        assert Path(info["model"]).parent == dest and info["repo"] == REPO and as_json.stderr == ""
    finally:
        hub.close()


def test_models_pull_unknown_name_is_one_line_and_a_usage_error() -> None:
    result = runner.invoke(app, ["models", "pull", "no-such-model"])
    assert result.exit_code == 2
    assert result.stdout == "" and "unknown model 'no-such-model'" in result.stderr
    assert "Traceback" not in result.output
