"""The engine registry (entry points, built-in and from other packages) and docextract.testing.FakeEngine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

import docextract
from docextract.engines import (
    _OWN,
    ENTRY_POINT_GROUP,
    EngineOptions,
    engine_class,
    list_engines,
    select_engine,
)
from docextract.engines.reader import ReaderEngine
from docextract.errors import EngineNotFound, UsageError
from docextract.testing import FakeEngine

REPO = Path(__file__).resolve().parents[1]

PLUGIN_MODULE = '''
from docextract.engines import Engine
from docextract.types import EngineOutput


class EchoEngine(Engine):
    """Answers every receipt with one line item named after --model."""

    name = "echo"
    structured = True
    vision = False

    def __init__(self, model=None):
        self.model = model or "no model"

    def generate(self, request):
        seen = "image" if request.images else "words"
        data = {"merchant_name": f"Echo {self.model} ({seen})", "total": "12.50", "currency": "EUR"}
        return EngineOutput(text="", data=data)
'''


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory):
    """A real package with its own pyproject, built and installed by pip into a folder of its own."""
    pytest.importorskip("hatchling", reason="hatchling (a dev extra) builds the package: rerun scripts/setup.sh")
    root = tmp_path_factory.mktemp("plugin")
    src = root / "echo-engine"
    (src / "echo_engine").mkdir(parents=True)
    (src / "echo_engine" / "__init__.py").write_text(PLUGIN_MODULE)
    (src / "pyproject.toml").write_text(textwrap.dedent(f'''
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "echo-engine"
        version = "1.0"

        [project.entry-points."{ENTRY_POINT_GROUP}"]
        echo = "echo_engine:EchoEngine"
        reader = "echo_engine:EchoEngine"
    '''))
    site = root / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
                    "--target", str(site), str(src)], check=True, capture_output=True, text=True, timeout=300)
    return site


def run_with(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    for name in ("DOCEXTRACT_ENGINE", "DOCEXTRACT_MODEL", "DOCEXTRACT_MMPROJ", "DOCEXTRACT_BASE_URL"):
        env.pop(name, None)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=240, cwd=REPO, env=env)


def test_an_engine_from_another_installed_package_runs_on_the_command_line(plugin_site, tmp_path):
    image = tmp_path / "x.png"
    Image.new("RGB", (64, 48), "white").save(image)
    done = run_with(plugin_site, "-m", "docextract", "image", str(image), "--schema", "receipt", "--engine", "echo",
                    "--model", "tiny", "--full")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["engine"] == "echo"
    assert result["data"]["merchant_name"] == "Echo tiny (image)"  # --model reached the constructor
    assert result["data"]["total"] == 12.5


def test_a_plugin_engine_runs_in_a_batch_whose_workers_find_it_too(plugin_site, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.png", "b.png"):
        Image.new("RGB", (64, 48), "white").save(docs / name)
    out = tmp_path / "r.jsonl"
    done = run_with(plugin_site, "-m", "docextract", "batch", str(docs), "--schema", "receipt", "--engine", "echo",
                    "--model", "tiny", "-o", str(out), "-j", "2", "-q")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(Path(r["source"]).name for r in records) == ["a.png", "b.png"]
    assert {r["engine"] for r in records} == {"echo"} and {r["status"] for r in records} == {"ok"}
    assert {r["data"]["merchant_name"] for r in records} == {"Echo tiny (image)"}


def test_a_plugin_cannot_take_a_builtin_name_and_is_listed(plugin_site):
    code = ("import docextract.engines as e; print(e.engine_class('reader').__module__); print(','.join(e.list_engines()))")
    done = run_with(plugin_site, "-c", code)
    assert done.returncode == 0, done.stderr
    module, names = done.stdout.split()
    assert module == "docextract.engines.reader"
    assert names == "echo,llama,openai,reader"
    assert "ignoring engine 'reader' from echo-engine" in done.stderr


def test_pyproject_registers_the_builtin_engines_as_the_fallback_table_says():
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["entry-points"][ENTRY_POINT_GROUP] == _OWN
    assert set(_OWN) <= set(list_engines())


def test_unknown_engine_names_the_known_ones():
    with pytest.raises(EngineNotFound, match="known engines: llama, openai, reader"):
        engine_class("nope")
    with pytest.raises(EngineNotFound, match="not a docextract.engines.Engine subclass"):
        select_engine(dict)  # type: ignore[arg-type]


def test_select_engine_passes_only_the_options_an_engine_takes():
    # --model set in the environment must not break the reader, which has no use for it.
    assert isinstance(select_engine("reader", EngineOptions(model="some.gguf", threads=2)), ReaderEngine)
    with pytest.raises(UsageError, match="needs --model"):
        select_engine("llama", EngineOptions())
    with pytest.raises(UsageError, match="needs --base-url"):
        select_engine("openai", EngineOptions(model="x"))
    with pytest.raises(UsageError, match="--allow-remote"):
        select_engine("openai", EngineOptions(base_url="https://api.example.com/v1", model="x"))
    remote = select_engine("openai", EngineOptions(base_url="https://api.example.com/v1", model="x", allow_remote=True))
    assert not remote.local and remote.model == "x"


def _png(tmp_path: Path) -> Path:
    path = tmp_path / "blank.png"
    Image.new("RGB", (300, 200), "white").save(path)
    return path


def test_fake_engine_answers_with_the_given_dict_and_records_requests(tmp_path):
    engine = FakeEngine({"merchant_name": "Corner Shop", "total": "4.20"})
    result = docextract.extract(_png(tmp_path), "receipt", engine=engine)
    assert result.ok and result.engine == "fake"
    assert result.data.merchant_name == "Corner Shop" and result.data.total == Decimal("4.20")
    assert len(engine.requests) == 1
    request = engine.requests[0]
    assert request.schema.name == "receipt" and request.images[0].size == (300, 200)


def test_fake_engine_gives_a_list_in_turn_so_reasks_can_be_tested(tmp_path):
    engine = FakeEngine(["not json at all", {"merchant_name": "Second Try", "total": "1.00"}])
    result = docextract.extract(_png(tmp_path), "receipt", engine=engine)
    assert result.data.merchant_name == "Second Try"
    assert result.tiles[0].attempts == 2 and len(engine.requests) == 2
    assert "not json at all" in engine.requests[1].prompt  # the re-ask shows the model its answer


def test_fake_engine_running_out_is_a_failed_tile_not_a_crash(tmp_path):
    engine = FakeEngine([])
    result = docextract.extract(_png(tmp_path), "receipt", engine=engine)
    assert result.status.value == "failed"
    assert "was given 0 output(s)" in (result.error or "")


def test_a_builtin_engine_is_found_without_reading_every_package(monkeypatch):
    """``extract()`` without an engine looks up "reader" on every call: no entry-point scan for it."""
    import docextract.engines as engines

    def scan(**_: object) -> None:
        raise AssertionError("entry points scanned")

    monkeypatch.setattr(engines.metadata, "entry_points", scan)
    assert engines.engine_class("reader").__module__ == "docextract.engines.reader"
    with pytest.raises(AssertionError, match="scanned"):
        engines.engine_class("echo")  # a plugin's name is looked up among the entry points
