"""Sample frames from a video: one every N seconds, or one per scene change.

Frames are decoded with PyAV (``pip install "docextract[video]"``) and yielded one at a time as
:class:`Frame` objects (a PIL image and its timestamp), so a long video never sits in memory.

Scene changes are found on a small grey thumbnail of every decoded frame: a frame is kept when its
mean absolute difference from the *last kept* frame (0 = identical, 1 = black vs. white) exceeds the
threshold. Comparing with the last kept frame, not the previous one, also catches slow fades and pans.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docextract.errors import InputError, MissingDependency, UsageError

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

DEFAULT_SCENE_THRESHOLD = 0.12
"""Mean absolute grey-level difference (0..1) from the last kept frame that counts as a new scene."""
THUMB_SIZE = (64, 36)
"""Thumbnail the scene detector compares (width, height)."""

_UNITS = {"ms": 0.001, "s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0}
_DURATION_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*(ms|sec|min|s|m|h)")


@dataclass(frozen=True)
class Frame:
    """One sampled frame: its position in the sample, its time in seconds and its pixels."""

    index: int  # 0-based among the sampled frames
    time: float  # seconds from the start of the stream
    image: Image.Image = field(repr=False)

    @property
    def timestamp(self) -> str:
        """``HH:MM:SS.mmm``."""
        return format_timestamp(self.time)


def parse_duration(text: str) -> float:
    """Seconds from ``5``, ``5s``, ``1.5s``, ``500ms``, ``2m``, ``1m30s``, ``1h`` or ``00:01:30(.5)``."""
    value = text.strip().lower()
    seconds: float | None = None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        seconds = float(value)
    elif re.fullmatch(r"(\d+:){1,2}\d+(\.\d+)?", value):
        seconds = 0.0
        for part in value.split(":"):
            seconds = seconds * 60 + float(part)
    elif value and _DURATION_PART.sub("", value).strip() == "":
        seconds = sum(float(n) * _UNITS[u] for n, u in _DURATION_PART.findall(value))
    if seconds is None or seconds <= 0:
        raise UsageError(f"invalid duration {text!r}: use a positive time like 5s, 500ms, 1m30s or 00:01:30")
    return seconds


def format_timestamp(seconds: float) -> str:
    """``HH:MM:SS.mmm`` for a time in seconds."""
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def sample_frames(
    path: str | os.PathLike[str],
    *,
    every: float | None = None,
    scenes: float | None = None,
    max_frames: int | None = None,
    max_pixels: int | None = None,
) -> Iterator[Frame]:
    """Yield frames of the first video stream of ``path``.

    Args:
        path: a video file PyAV (FFmpeg) can read.
        every: keep the first frame at or after every multiple of this many seconds (0, 5, 10...).
        scenes: keep the first frame and every frame that differs from the last kept one by more
            than this (0..1, see :data:`DEFAULT_SCENE_THRESHOLD`). With both, a frame is kept when
            either rule keeps it. With neither, one frame every 5 seconds.
        max_frames: stop after this many frames.
        max_pixels: refuse a stream whose frames are larger (checked from its header, before decoding).

    Raises:
        InputError: the file cannot be opened or has no video stream.
        MissingDependency: PyAV is not installed.
    """
    if every is not None and every <= 0:
        raise UsageError("--every must be a positive duration")
    if scenes is not None and not 0 < scenes < 1:
        raise UsageError(f"--scenes threshold {scenes} must be between 0 and 1 (e.g. {DEFAULT_SCENE_THRESHOLD})")
    if every is None and scenes is None:
        every = 5.0
    selector = _Selector(every, scenes)
    count = 0
    for time, frame in _decode(Path(os.fspath(path)), max_pixels):
        if max_frames is not None and count >= max_frames:
            return
        if selector.keep(time, frame):
            yield Frame(count, time, frame.to_image())
            count += 1


class _Selector:
    """Decides, frame by frame, which frames to keep."""

    def __init__(self, every: float | None, scenes: float | None) -> None:
        self.every = every
        self.scenes = scenes
        self.next_time = 0.0
        self.last: np.ndarray | None = None

    def keep(self, time: float, frame: Any) -> bool:
        by_time = self.every is not None and time >= self.next_time - 1e-6
        thumb = _thumbnail(frame) if self.scenes is not None else None
        by_scene = thumb is not None and (self.last is None or scene_difference(self.last, thumb) > self.scenes)  # type: ignore[operator]
        if by_time:
            assert self.every is not None
            while self.next_time <= time + 1e-6:
                self.next_time += self.every
        if by_time or by_scene:
            if thumb is not None:
                self.last = thumb
            return True
        return False


def scene_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference of two grey thumbnails, 0 (same) to 1 (black vs. white)."""
    import numpy as np

    return float(np.abs(a.astype(np.float32) - b.astype(np.float32)).mean() / 255.0)


def _thumbnail(frame: Any) -> np.ndarray:
    width, height = THUMB_SIZE
    return frame.reformat(width=width, height=height, format="gray").to_ndarray()


def _decode(path: Path, max_pixels: int | None = None) -> Iterator[tuple[float, Any]]:
    """``(seconds, av.VideoFrame)`` for every frame of the first video stream, in order."""
    av = _import_av()
    try:
        container = av.open(str(path))
    except FileNotFoundError:
        raise InputError(f"{path} does not exist; check the path", path=path) from None
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise InputError(f"{path} is not a video PyAV/FFmpeg can read ({exc})", path=path) from None
    with container:
        if not container.streams.video:
            raise InputError(f"{path} has no video stream", path=path)
        stream = container.streams.video[0]
        if max_pixels is not None and stream.width and stream.height:
            from docextract.sources.images import check_size

            check_size(stream.width, stream.height, str(path), max_pixels, " (its frames)")
        stream.thread_type = "AUTO"
        base = stream.start_time * stream.time_base if stream.start_time is not None and stream.time_base else 0
        try:
            for frame in container.decode(stream):
                seconds = frame.time if frame.time is not None else 0.0
                yield max(0.0, float(seconds - base)), frame
        except av.FFmpegError as exc:
            raise InputError(f"{path} is damaged: decoding stopped ({exc})", path=path) from None


def _import_av() -> Any:
    try:
        import av
    except ImportError:
        raise MissingDependency('video needs PyAV: pip install "docextract[video]"  (or: pip install av)') from None
    return av


def write_test_video(
    path: str | os.PathLike[str],
    colours: list[tuple[int, int, int]],
    *,
    seconds_each: float = 1.0,
    fps: int = 10,
    size: tuple[int, int] = (160, 96),
    labels: list[str] | None = None,
) -> Path:
    """Write a small MPEG-4 video: one solid colour (with an optional label) per segment.

    Used by the tests and demos; segment ``i`` starts at ``i * seconds_each`` seconds.
    """
    av = _import_av()
    from PIL import Image, ImageDraw

    out = Path(os.fspath(path))
    with av.open(str(out), mode="w") as container:
        stream = container.add_stream("mpeg4", rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, fps)
        frames_each = max(1, round(seconds_each * fps))
        pts = 0
        for i, colour in enumerate(colours):
            image = Image.new("RGB", size, colour)
            if labels and i < len(labels):
                ImageDraw.Draw(image).text((8, 8), labels[i], fill=(255 - colour[0], 255 - colour[1], 255 - colour[2]))
            for _ in range(frames_each):
                frame = av.VideoFrame.from_image(image)
                frame.pts, frame.time_base = pts, Fraction(1, fps)
                pts += 1
                container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return out


__all__ = [
    "DEFAULT_SCENE_THRESHOLD",
    "Frame",
    "format_timestamp",
    "parse_duration",
    "sample_frames",
    "scene_difference",
    "write_test_video",
]
