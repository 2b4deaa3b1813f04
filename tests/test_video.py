"""Frame sampling on a real (generated) MPEG-4 video: by time and by scene change."""

from __future__ import annotations

import json
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


# -- the command: each frame within --timeout, in a child process --------------------------------


@pytest.fixture
def stalls_on_blue():  # type: ignore[no-untyped-def]
    """A loopback OpenAI-compatible server that describes a frame by its colour, except a blue one,
    which it never answers (until the test ends)."""
    import base64
    import io
    import threading

    from PIL import Image, ImageStat
    from test_openai_engine import Scripted, completion, js

    release = threading.Event()
    blue_waiting = threading.Event()  # a blue frame's request has come in (its reading has begun)

    def answer(req):  # type: ignore[no-untyped-def]
        if req["method"] == "GET":
            return js({"object": "list", "data": [{"id": "m", "object": "model", "owned_by": "tests"}]})
        url = next(p["image_url"]["url"] for p in req["json"]["messages"][0]["content"] if p["type"] == "image_url")
        red, green, blue = ImageStat.Stat(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB")).mean
        if blue > max(red, green):
            blue_waiting.set()
            release.wait(120)
        text = "a red frame" if red > green else "a green frame"
        if not req["json"].get("stream"):
            return completion(text)
        events = [{"choices": [{"delta": {"content": text}, "finish_reason": None}]},
                  {"choices": [{"delta": {}, "finish_reason": "stop"}]}]
        body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
        return 200, {"Content-Type": "text/event-stream"}, body.encode()

    class Args(list):  # the command's arguments, and the event above
        blue_waiting: threading.Event

    server = Scripted([answer])
    args = Args(["--base-url", server.url, "--model", "m"])
    args.blue_waiting = blue_waiting
    yield args
    release.set()
    server.close()


def test_video_reads_each_frame_within_the_time_limit_in_a_child(tmp_path: Path, stalls_on_blue: list[str]) -> None:
    from test_batch import cli, lines

    clip = write_test_video(tmp_path / "clip.mp4", [RED, GREEN, BLUE, RED], seconds_each=1.0, fps=5)
    out = tmp_path / "frames.jsonl"
    result = cli("video", clip, "--every", "1s", "--timeout", "2", "-o", out, *stalls_on_blue, timeout=120)
    assert result.returncode == 3, result.stderr  # a frame failed; the others were read
    assert "Traceback" not in result.stderr
    frames = lines(out)
    assert [(f["frame"], f.get("text")) for f in frames] == [(0, "a red frame"), (1, "a green frame"), (2, None), (3, "a red frame")]
    stalled = frames[2]
    assert (stalled["status"], stalled["reason"], stalled["timestamp"]) == ("failed", "timeout", "00:00:02.000")
    assert "clip.mp4 frame 2 at 00:00:02.000: not finished within the time limit of 2 s" in stalled["error"]

    onto_input = cli("video", clip, "-o", clip, *stalls_on_blue)
    assert onto_input.returncode == 2 and "is also an input" in onto_input.stderr
    assert lines(out) == frames and sample_frames(clip, every=1.0)  # the video is still there


def test_a_crashed_frame_gets_its_line_and_sigterm_stops_a_video_keeping_its_lines(tmp_path: Path, stalls_on_blue: list[str]) -> None:
    import os
    import signal
    import time

    from test_limits import children, start, wait_gone

    clip = write_test_video(tmp_path / "clip.mp4", [RED, GREEN, BLUE, RED, BLUE], seconds_each=1.0, fps=5)
    out = tmp_path / "frames.jsonl"
    proc = start("video", clip, "--every", "1s", "-o", out, *stalls_on_blue)  # the default limit: an hour a frame

    def wait_for_lines(n: int) -> list[int]:
        deadline = time.monotonic() + 90
        while not out.exists() or out.read_bytes().count(b"\n") < n:
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()[1].decode(errors="replace")
            time.sleep(0.05)
        return children(proc.pid)

    try:
        wait_for_lines(2)
        # Kill the child while a blue frame waits for its answer: once its reading has begun (killed
        # while it decodes the frame, the video itself fails, by design).
        assert stalls_on_blue.blue_waiting.wait(90)  # type: ignore[attr-defined]
        os.kill(children(proc.pid)[0], signal.SIGKILL)
        kids = wait_for_lines(4)  # a fresh child goes on after it, to the next blue frame
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err
    assert err.decode().strip() == "Error: terminated by SIGTERM"
    frames = [json.loads(line) for line in out.read_text().splitlines()]
    assert [f.get("text") for f in frames] == ["a red frame", "a green frame", None, "a red frame"]
    assert (frames[2]["status"], frames[2]["reason"]) == ("failed", "crash") and "frame 2 at 00:00:02.000" in frames[2]["error"]
    assert kids and not wait_gone(kids), "the child reading the video outlived its parent"
