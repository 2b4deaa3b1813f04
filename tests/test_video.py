"""Frame sampling on a real (generated) MPEG-4 video: by time and by scene change."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("av")

from docextract.errors import InputError, UsageError  # noqa: E402
from docextract.sources.video import format_timestamp, parse_duration, sample_frames, write_test_video  # noqa: E402

RED, GREEN, BLUE, YELLOW = (230, 20, 20), (20, 200, 40), (20, 40, 230), (240, 230, 30)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """5 one-second segments at 10 fps: red, green, blue, blue (other label), yellow."""
    path = tmp_path_factory.mktemp("video") / "clip.mp4"
    return write_test_video(path, [RED, GREEN, BLUE, BLUE, YELLOW], seconds_each=1.0, fps=10,
                            labels=["one", "two", "three", "four", "five"])


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("5", 5.0), ("5s", 5.0), ("1.5s", 1.5), ("500ms", 0.5), ("2m", 120.0), ("1m30s", 90.0), ("1h", 3600.0),
     ("00:01:30", 90.0), ("1:02:03.5", 3723.5), (" 10 s ", 10.0)],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "0", "-1s", "fast", "5 parsecs", "1:xx"])
def test_parse_duration_rejects_nonsense(text: str) -> None:
    with pytest.raises(UsageError, match="duration"):
        parse_duration(text)


def test_format_timestamp() -> None:
    assert format_timestamp(0) == "00:00:00.000"
    assert format_timestamp(5.0) == "00:00:05.000"
    assert format_timestamp(3723.4567) == "01:02:03.457"


def test_every_n_seconds(clip: Path) -> None:
    frames = list(sample_frames(clip, every=2.0))
    assert [f.time for f in frames] == pytest.approx([0.0, 2.0, 4.0])
    assert [f.index for f in frames] == [0, 1, 2]
    assert [f.timestamp for f in frames] == ["00:00:00.000", "00:00:02.000", "00:00:04.000"]
    assert frames[0].image.size == (160, 96)
    # The frames are the segments' colours: red at 0 s, blue at 2 s, yellow at 4 s.
    centre = [f.image.getpixel((80, 60)) for f in frames]
    assert [max(range(3), key=lambda i, c=c: c[i]) for c in centre] == [0, 2, 0]


def test_every_fraction_and_max_frames(clip: Path) -> None:
    assert [f.time for f in sample_frames(clip, every=0.5)] == pytest.approx([i * 0.5 for i in range(10)])
    assert len(list(sample_frames(clip, every=0.5, max_frames=3))) == 3


def test_default_is_every_five_seconds(clip: Path) -> None:
    assert [f.time for f in sample_frames(clip)] == [0.0]


def test_scene_changes(clip: Path) -> None:
    frames = list(sample_frames(clip, scenes=0.12))
    # A new frame at each colour change; the label change inside the blue part is not a new scene.
    assert [f.time for f in frames] == pytest.approx([0.0, 1.0, 2.0, 4.0])


def test_scenes_and_every_combine(clip: Path) -> None:
    times = [f.time for f in sample_frames(clip, scenes=0.12, every=3.0)]
    assert times == pytest.approx([0.0, 1.0, 2.0, 3.0, 4.0])


def test_bad_inputs(tmp_path: Path, clip: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        list(sample_frames(tmp_path / "missing.mp4"))
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    with pytest.raises(InputError, match="not a video"):
        list(sample_frames(text))
    with pytest.raises(UsageError):
        list(sample_frames(clip, scenes=1.5))
