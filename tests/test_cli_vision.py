"""The vision commands end to end through typer: stdout carries only data, stderr the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_jobs import SNIPPET, code_pdf, lines_image, report_pdf
from typer.testing import CliRunner  # noqa: TID251 - tests drive the CLI

from docextract.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def no_configured_model(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DOCEXTRACT_MODEL", "DOCEXTRACT_MMPROJ", "DOCEXTRACT_ENGINE", "DOCEXTRACT_BASE_URL"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli")
    paths = {"report": root / "report.pdf", "code": root / "code.pdf", "img": root / "a&b.png"}
    paths["report"].write_bytes(report_pdf())
    paths["code"].write_bytes(code_pdf())
    lines_image(200, 120).save(paths["img"])
    return paths


@pytest.fixture(scope="module")
def model_args(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    pytest.importorskip("llama_cpp")
    pytest.importorskip("gguf")
    from docextract.testing.tiny_vlm import write_tiny_vlm

    model, mmproj = write_tiny_vlm(tmp_path_factory.mktemp("vlm"), image_size=224)
    return ["--model", str(model), "--mmproj", str(mmproj)]


@pytest.mark.parametrize(
    ("command", "extra"),
    [("describe", []), ("ask", ["What is the total?"]), ("alt-text", [])],
)
def test_vision_commands_need_a_model(files: dict[str, Path], command: str, extra: list[str]) -> None:
    result = runner.invoke(app, [command, str(files["img"]), *extra])
    assert result.exit_code == 2
    assert result.stdout == ""
    err = " ".join(result.stderr.split())
    assert f"{command} needs a vision model" in err
    assert "docextract models" in err and "docextract models pull NAME" in err
    assert "--model path.gguf --mmproj mmproj.gguf" in err
    assert "Traceback" not in result.output


def test_video_without_model_or_schema_needs_a_model(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["video", str(files["img"]), "--every", "1s"])
    assert result.exit_code == 2 and result.stdout == "" and "needs a vision model" in result.stderr


def test_ocr_on_the_reader(files: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(app, ["ocr", str(files["report"])])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith("## Quarterly Report\n")
    assert "| North | 120 | 1,200.00 |" in result.stdout and result.stdout.endswith("finance team.\n")
    plain = runner.invoke(app, ["ocr", str(files["report"]), "-f", "text"])
    assert plain.exit_code == 0 and "|" not in plain.stdout and "Quarterly Report" in plain.stdout
    out = tmp_path / "report.md"
    written = runner.invoke(app, ["ocr", str(files["report"]), "-o", str(out)])
    assert written.exit_code == 0 and written.stdout == "" and out.read_text() == result.stdout


def test_code_on_the_reader(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["code", str(files["code"])])
    assert result.exit_code == 0, result.output
    assert result.stdout == SNIPPET + "\n"
    assert "language: python" in result.stderr
    as_json = runner.invoke(app, ["code", str(files["code"]), "-f", "json", "-q"])
    assert json.loads(as_json.stdout) == {"language": "python", "code": SNIPPET} and as_json.stderr == ""


@pytest.mark.parametrize("command, args, message", [
    ("code", ["-o", "{input}"], "{input} is also an input"),
    ("ocr", ["-o", "{input}"], "{input} is also an input"),
    ("code", ["-o", "{tmp}/code.json"], "a .json file cannot hold this output"),
    ("code", ["-f", "json", "-o", "{tmp}/code.py"], "a .py file cannot hold this output; name it .json"),
    ("code", ["-o", "{tmp}/missing/code.py"], "the folder {tmp}/missing does not exist"),
    ("ocr", ["-o", "{tmp}/text.xlsx"], "a .xlsx file cannot hold this output"),
])
def test_code_and_ocr_refuse_an_output_before_any_work(files: dict[str, Path], tmp_path: Path, command: str,
                                                       args: list[str], message: str) -> None:
    """Refused before anything is read (exit 2): the input named as the output (even under an
    output's suffix), a suffix of another format, a missing folder; the input stays as it was."""
    shot = tmp_path / "shot.md"  # a screenshot under a name ocr could write
    shot.write_bytes(files["img"].read_bytes())
    fill = {"input": str(shot), "tmp": str(tmp_path)}
    result = runner.invoke(app, [command, str(shot), *[a.format(**fill) for a in args]])
    assert result.exit_code == 2 and result.stdout == ""
    assert message.format(**fill) in " ".join(result.stderr.split())
    assert shot.read_bytes() == files["img"].read_bytes() and sorted(p.name for p in tmp_path.iterdir()) == ["shot.md"]


def test_user_errors_are_one_line(files: dict[str, Path], tmp_path: Path) -> None:
    missing = runner.invoke(app, ["ocr", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 1 and missing.stdout == "" and "does not exist" in missing.stderr
    assert "Traceback" not in missing.output
    pages = runner.invoke(app, ["ocr", str(files["report"]), "--pages", "9"])
    assert pages.exit_code == 2 and "out of range" in pages.stderr


def test_describe_and_ask_on_the_tiny_model(files: dict[str, Path], model_args: list[str]) -> None:
    for args in (["describe", str(files["img"])], ["ask", str(files["img"]), "What is shown?"]):
        result = runner.invoke(app, [*args, *model_args, "--max-tokens", "8"])
        assert result.exit_code == 0, result.output
        # the tiny model writes only control characters: cleaned away, so stdout holds no stray bytes
        assert all(c == "\n" or c.isprintable() for c in result.stdout)
        assert "Traceback" not in result.stderr


def test_alt_text_html_on_the_tiny_model(files: dict[str, Path], model_args: list[str]) -> None:
    result = runner.invoke(app, ["alt-text", str(files["img"]), str(files["img"]), "--html", *model_args, "--max-tokens", "16"])
    lines = result.stdout.splitlines()
    missing = result.stderr.count("the model gave no alt text")  # random weights may say nothing usable
    assert len(lines) + missing == 2 and result.exit_code == (3 if missing else 0), result.output
    for line in lines:
        assert line.startswith(f'<img src="{str(files["img"]).replace("&", "&amp;")}" alt="') and line.endswith('">')
        alt = line.split('alt="', 1)[1][:-2]
        assert 0 < len(alt) <= 125 and '"' not in alt  # never alt="": that marks an image decorative
    as_json = runner.invoke(app, ["alt-text", str(files["img"]), "--json", *model_args, "--max-tokens", "8"])
    assert json.loads(as_json.stdout)["file"] == str(files["img"])


def test_code_and_ocr_on_the_tiny_model(files: dict[str, Path], model_args: list[str]) -> None:
    code = runner.invoke(app, ["code", str(files["img"]), "-f", "json", *model_args, "--max-tokens", "40"])
    assert code.exit_code in (0, 3), code.output
    assert set(json.loads(code.stdout)) == {"language", "code"}
    ocr = runner.invoke(app, ["ocr", str(files["img"]), *model_args, "--max-tokens", "8"])
    assert ocr.exit_code == 0, ocr.output
    # The PDF's text layer wins over the model: exact text, no model call needed.
    layer = runner.invoke(app, ["ocr", str(files["report"]), *model_args])
    assert layer.exit_code == 0 and "| North | 120 | 1,200.00 |" in layer.stdout


def test_video_jsonl_per_frame(tmp_path: Path, model_args: list[str]) -> None:
    pytest.importorskip("av")
    from docextract.sources.video import write_test_video

    clip = write_test_video(tmp_path / "clip.mp4", [(220, 0, 0), (0, 200, 0), (0, 200, 0), (0, 0, 220)], seconds_each=1.0, fps=5)
    every = runner.invoke(app, ["video", str(clip), "--every", "2s", *model_args, "--max-tokens", "8"])
    assert every.exit_code == 0, every.output
    records = [json.loads(line) for line in every.stdout.splitlines()]
    assert [(r["frame"], r["time"], r["timestamp"]) for r in records] == [(0, 0.0, "00:00:00.000"), (1, 2.0, "00:00:02.000")]
    assert all(isinstance(r["text"], str) for r in records)
    scenes = runner.invoke(app, ["video", str(clip), "--scenes", "0.12", "--ask", "Which colour?", *model_args, "--max-tokens", "8"])
    assert scenes.exit_code == 0, scenes.output
    assert [json.loads(line)["time"] for line in scenes.stdout.splitlines()] == [0.0, 1.0, 3.0]
    bad = runner.invoke(app, ["video", str(clip), "--every", "soon", *model_args])
    assert bad.exit_code == 2 and bad.stdout == "" and "invalid duration" in bad.stderr
