"""Offline OCR for the reader: RapidOCR's PP-OCR models (bundled in the ``rapidocr`` wheel) on ONNX Runtime.

One :class:`OcrReader` loads the models once and reads page images::

    result = get_reader().read(image)        # PIL image, any mode
    for w in result.words:                   # text lines in the *upright* frame
        print(w.text, w.bbox, w.confidence)
    result.to_original(w.bbox)               # the same box in the input image's pixels

What :meth:`OcrReader.read` does, and why (measured on the SROIE receipts with
``benchmarks/bench_ocr.py``, 2 CPU cores):

1. Normalizes the image to 8-bit RGB (alpha over white, 16-bit and float stretched to 0-255),
   shrinks huge scans to at most ``work_side`` px (text stays well above the recognizer's 48 px
   input) and enlarges tiny ones.
2. Detects text lines on a copy of about ``det_megapixels``: detection cost grows with pixels and
   at full size it was a third of the time; 0.5 MP reads receipts as well (0.35 MP lost small
   print). Where the lines found are very thin (a dense A4 page), it looks again, larger.
3. Finds the page rotation (0/90/180/270): sideways pages have tall line boxes; upside-down is
   decided by the bundled 0/180 line classifier voting on the longest lines. The page is then
   turned and detected again (rare, so the simple way). Skew is the median angle of long line
   boxes (up to 10 degrees; up to 40 where most lines agree, as in a receipt photographed at an
   angle); it needs no second pass because every line is cut out with a perspective warp that
   levels it, and boxes are reported in the deskewed frame.
4. Recognizes each line cut out directly at the recognizer's 48 px height (the recognizer's cost
   is linear in width, so lines are not padded to RapidOCR's 320 px minimum, and lines of
   near-equal width share a batch), on one single-threaded session per core in parallel.
   Per-line 0/180 classification is skipped: it flipped correct lines and cost time.
5. Decodes the recognizer's CTC output itself, keeping each character's position, and puts back
   word spaces the recognizer dropped where the line's pixels show a gap ("TEL:03-..." becomes
   "TEL: 03-..." when it is printed so).

All coordinates of the result are in the upright frame at the input image's scale.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from docextract import lettercase, spelling
from docextract.errors import MissingDependency, ModelError

if TYPE_CHECKING:
    from PIL import Image

    from docextract import ppocr
    from docextract.types import BBox, Word

log = logging.getLogger(__name__)

__all__ = ["OcrReader", "OcrResult", "get_reader"]

_DET_MODEL = "PP-OCRv6_det_small.onnx"
_REC_MODEL = "PP-OCRv6_rec_small.onnx"
_CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"


@dataclass
class OcrResult:
    """What OCR found on one image.

    ``words`` are text lines (``source="ocr"``, ``confidence`` in [0, 1]) in the *upright* frame:
    the input image turned ``angle`` degrees counter-clockwise, then ``skew`` degrees
    counter-clockwise about its centre (both as PIL's ``Image.rotate(deg, expand=True)``), at
    the input's pixel scale. ``size`` is that frame's (width, height). Use :meth:`to_original`
    to map a box back to the input image's pixels.
    """

    words: list[Word]
    angle: int = 0
    skew: float = 0.0
    size: tuple[int, int] = (0, 0)
    _to_input: np.ndarray = field(default_factory=lambda: np.eye(3), repr=False)
    _input_size: tuple[int, int] | None = field(default=None, repr=False)

    def to_original(self, bbox: BBox) -> tuple[float, float, float, float]:
        """The input-image box (axis-aligned, around the rotated corners) of an upright-frame box."""
        x0, y0, x1, y1 = bbox
        corners = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]], dtype=np.float64)
        pts = corners @ self._to_input.T
        return _bounds(pts, self._input_size)

    def to_upright(self, points: np.ndarray) -> np.ndarray:
        """Points ``(N, 2)`` of the input image in the upright frame of :attr:`words`."""
        pts = np.c_[np.asarray(points, np.float64).reshape(-1, 2), np.ones(len(points))]
        out = pts @ np.linalg.inv(self._to_input).T
        return out[:, :2] / out[:, 2:]

    @property
    def text(self) -> str:
        """The words as plain text, one line of the page per line (rows grouped by position)."""
        return "\n".join(" ".join(w.text for w in row) for row in _rows(self.words))


class OcrReader:
    """Reusable OCR engine: loads the ONNX models on first use, once; thread-safe ``read``."""

    def __init__(
        self,
        threads: int | None = None,
        *,
        det_megapixels: float = 0.5,
        work_side: int = 2000,
        rec_squeeze: float = 1.0,
        min_score: float = 0.5,
        unclip: float = 1.4,
        max_batch: int = 8,
        reread_below: float = 0.0,
        spelling: bool = True,
    ) -> None:
        """
        Args:
            threads: cores to use (detection's intra-op threads, parallel recognizer calls);
                default: the CPUs this process may run on (``os.sched_getaffinity``).
            det_megapixels: image size the text detector sees (its cost grows with pixels).
            work_side: longest side lines are cut from; larger scans are shrunk first.
            rec_squeeze: width factor of line crops for the recognizer (cost is linear in width;
                0.9 saved 6% and cost 0.4 points of CER, 0.8 hurt condensed receipt fonts).
            min_score: lines the recognizer is less sure of are dropped (rulers, stars, noise).
            max_batch: most lines recognized in one call.
            reread_below: a line with a character read less surely than this is read again from
                two other cuts of its box and the readings vote (``_reread``). Off (0) by default:
                at 0.7 it lowered SROIE line CER a little (tune 3.58 -> 3.53 %, check 3.689 ->
                3.683 %) for about 20 more line crops per receipt, but the receipt fields read
                from it got worse on both parts (a cut with more margin loses decimal points and
                word spaces).
            unclip: how far the detector grows each text region into its line box (RapidOCR's
                default is 1.6, PaddleOCR's 1.5). Tighter boxes hug the text and split lines at
                wide gaps: SROIE line CER (``bench_ocr.py``) 3.07 % at 1.3, 2.99 % at 1.4,
                3.51 % at 1.5, 3.66 % at 1.6; 1.4 reads about 4 % slower than 1.6 (tighter boxes
                make wider recognizer inputs).
            spelling: a word in no language's word list that the recognizer's probabilities
                allow to be a listed word one letter away is read as that word ("Jaian" ->
                "Jalan"; :mod:`docextract.spelling`). Never for code.
        """
        self.threads = threads or _free_cpus()
        self.det_megapixels = det_megapixels
        self.work_side = work_side
        self.rec_squeeze = rec_squeeze
        self.min_score = min_score
        self.unclip = unclip
        self.max_batch = max_batch
        self.reread_below = reread_below
        self.spelling = spelling
        self._models: _Models | None = None
        self._lock = threading.Lock()

    def settings(self) -> dict[str, Any]:
        """The knobs in effect (for benchmarks and ``doctor``)."""
        return {
            "threads": self.threads,
            "det_megapixels": self.det_megapixels,
            "work_side": self.work_side,
            "rec_squeeze": self.rec_squeeze,
            "min_score": self.min_score,
            "unclip": self.unclip,
            "max_batch": self.max_batch,
            "reread_below": self.reread_below,
            "spelling": self.spelling,
        }

    def load(self) -> None:
        """Load the models now (otherwise on the first ``read``). Idempotent."""
        self._get_models().wait()

    def prefetch(self) -> None:
        """Start loading the models in the background: a page is about to be rendered or decoded
        for :meth:`read`, which then waits for what it needs. A failure is raised by ``read``."""
        try:
            self._get_models()
        except Exception:  # read() tries again and raises it where it can be reported
            pass

    def read(self, image: Image.Image, *, detect_rotation: bool = True, code: bool = False) -> OcrResult:
        """OCR one image: text lines in reading order, in the upright, deskewed frame.

        ``detect_rotation=False`` skips the 90/180/270 check (for images known to be upright,
        e.g. rendered PDF pages); small skew is always corrected. A blank image gives no words.
        ``code``: the image is source code in one font, so the case of every ``c o s u v w x z p``
        is set by its height against the x-height and cap height (otherwise only in words whose
        case is odd, like ``TOtal``; see :mod:`docextract.lettercase`).
        """
        models = self._get_models()
        with self._lock:  # ONNX sessions are thread-safe but would fight over the same cores
            return self._read(models, image, detect_rotation, code)

    # --- pipeline ---------------------------------------------------------------------------

    def _read(self, models: _Models, image: Image.Image, detect_rotation: bool, code: bool = False) -> OcrResult:
        started = time.perf_counter()
        in_w, in_h = image.size
        work = _prepare(image, self.work_side)
        quads = self._detect(models, work)
        turns = 0  # counter-clockwise quarter turns
        if detect_rotation and len(quads):
            turns = _coarse_turns(models, work, quads)
            if turns:
                work = np.ascontiguousarray(np.rot90(work, turns))
                quads = self._detect(models, work)
        skew = _skew(quads)
        h, w = work.shape[:2]
        frame = _Frame.build(in_w, in_h, turns, skew, w, h)
        detected = time.perf_counter()
        words = self._recognize(models, work, quads, frame, code)
        log.debug("OCR %dx%d: %d lines found in %.2f s (turned %d, skew %.1f), %d read in %.2f s", in_w, in_h, len(quads),
                  detected - started, 90 * turns, skew, len(words), time.perf_counter() - detected)
        return OcrResult(
            words=_reading_order(words),
            angle=90 * turns,
            skew=round(skew, 2),
            size=frame.size,
            _to_input=frame.to_input,
            _input_size=(in_w, in_h),
        )

    def _detect(self, models: _Models, work: np.ndarray) -> np.ndarray:
        """Line quads (N, 4, 2) in ``work`` pixels, clockwise from the top-left corner.

        The detector sees at most ``det_megapixels``; when the lines it finds there are thinner
        than the detector handles well (a dense A4 page), or some are set so close that they run
        together (a table of small figures: a column of them found as one box many lines tall,
        or boxes closer than :data:`_MIN_PITCH_PX`), it looks again at a larger scale.
        """
        h, w = work.shape[:2]
        s = min(1.0, math.sqrt(self.det_megapixels * 1e6 / (h * w)))
        quads = _detect_at(models, work, s)
        if len(quads) and s < 1:
            across, down = _edges(quads)
            thick = float(np.median(np.minimum(across, down))) * s
            if thick < _MIN_LINE_PX:
                return _detect_at(models, work, min(1.0, s * _GOOD_LINE_PX / max(thick, 1.0)))
            if np.mean(across > down) > 0.5 and float(down.max()) * s > _BLOCK_LINES * thick:
                # On a page of lines that run across, a box many lines tall is lines set so close
                # that they ran together: a column of small figures, read as one.
                return _detect_at(models, work, 1.0)
            # Rows run together at a small scale are measured as one: their pitch looks wider than
            # it is, and the larger look may still merge them. It is measured again there.
            for _ in range(_PITCH_LOOKS):
                pitch = _dense_pitch(quads) * s
                if pitch >= _MIN_PITCH_PX or s >= 1:
                    break
                s = min(1.0, s * _GOOD_PITCH_PX / max(pitch, 1.0))
                quads = _detect_at(models, work, s)
        return quads

    def _recognize(self, models: _Models, work: np.ndarray, quads: np.ndarray, frame: _Frame, code: bool) -> list[Word]:
        """The words of the line boxes, and of the lone marks the boxes that read as text leave
        uncovered (:func:`_lone_marks`: a box around a lone mark often reads as nothing)."""
        crops = [_crop(work, q, self.rec_squeeze) for q in quads]
        cuts = {i: _Cut(quads[i], c) for i, c in enumerate(crops) if c is not None}
        mend = self.spelling and not code
        found = _recognize_batched(models, [c.crop for c in cuts.values()], self.max_batch, mend)
        readings = dict(zip(cuts, found, strict=True))
        doubtful = [i for i, r in readings.items() if r.text and r.least < self.reread_below]
        if doubtful:
            readings.update(self._reread(models, work, doubtful, readings, cuts, mend))
        readings = {i: r for i, r in readings.items() if r.text.strip() and r.score >= self.min_score}
        from docextract.types import Word  # pydantic: not needed to start loading the models

        texts = _set_case(readings, cuts, code)
        words = []
        for i, text in texts.items():
            x0, y0, x1, y1 = frame.box(quads[i])
            spans = _word_spans(readings[i], cuts[i], frame)
            words.append(Word(text.strip(), x0, y0, x1, y1, round(float(readings[i].score), 4), "ocr", spans))
        words += [Word(text, *frame.box(quad), _MARK_SCORE, "ocr") for text, quad in _lone_marks(work, quads[sorted(readings)])]
        return words

    def _reread(
        self,
        models: _Models,
        work: np.ndarray,
        lines: list[int],
        readings: dict[int, _Reading],
        cuts: dict[int, _Cut],
        mend: bool,
    ) -> dict[int, _Reading]:
        """Doubtful lines read again from two other cuts of their boxes, and voted.

        Small, faint print is read differently when its line is cut out with more margin (the
        letters smaller in the 48 px crop) or less (larger); where a character was in doubt, the
        three readings vote (:func:`_vote`). ``cuts`` is updated with the cut whose reading
        gives the result its spacing (the characters' positions are those of that cut). Measured
        with ``benchmarks/bench_ocr.py`` (see the README).
        """
        more = [(i, _grown(cuts[i].quad, across, along)) for i in lines for across, along in _RECUTS]
        new = [(i, _Cut(q, c)) for i, q in more if (c := _crop(work, q, self.rec_squeeze)) is not None]
        again = _recognize_batched(models, [cut.crop for _, cut in new], self.max_batch, mend)
        options: dict[int, list[tuple[_Reading, _Cut]]] = {i: [(readings[i], cuts[i])] for i in lines}
        for (i, cut), reading in zip(new, again, strict=True):
            options[i].append((reading, cut))
        out = {}
        for i, found in options.items():
            out[i], cuts[i] = _vote(found)
        log.debug("OCR: %d doubtful lines read again (%d more crops)", len(lines), len(new))
        return out

    def _get_models(self) -> _Models:
        if self._models is None:
            with self._lock:
                if self._models is None:
                    self._models = _Models.load(self.threads, self.unclip)
        return self._models


_READER: OcrReader | None = None
_READER_LOCK = threading.Lock()


def get_reader() -> OcrReader:
    """The process-wide :class:`OcrReader` (models load on its first ``read``)."""
    global _READER
    if _READER is None:
        with _READER_LOCK:
            if _READER is None:
                _READER = OcrReader()
    return _READER


# --- models ----------------------------------------------------------------------------------


class _Models:
    """PP-OCR's networks, their sessions built in the background (:meth:`load`) in the order a read
    needs them: the detector first, so that a page is being detected while the recognizer loads.
    ``workers`` threads run recognizer batches at once, on the one session."""

    def __init__(self, model_dir: Path, pending: dict[str, Future[Any]], workers: int) -> None:
        self._model_dir = model_dir
        self._pending = pending
        self.workers = workers

    @property
    def det(self) -> ppocr.Detector:
        return self._get("det")

    @property
    def cls(self) -> ppocr.Classifier:  # 0/180 per line
        return self._get("cls")

    @property
    def rec(self) -> ppocr.Recognizer:
        return self._get("rec")

    def wait(self) -> None:
        for key in self._pending:
            self._get(key)

    def _get(self, key: str) -> Any:
        try:
            return self._pending[key].result()
        except ImportError as e:  # pragma: no cover - core dependencies
            raise MissingDependency(
                f"OCR needs the rapidocr and onnxruntime packages ({e}); run: pip install 'rapidocr>=3.4,<4' onnxruntime"
            ) from e
        except Exception as e:
            raise ModelError(f"could not load the OCR models from {self._model_dir}: {e}") from e

    @classmethod
    def load(cls, threads: int, unclip: float = 1.4) -> _Models:
        # onnxruntime (>= 1.31 on Linux) ships Microsoft's 1DS telemetry: on import it writes
        # $TMPDIR/.ses and may resolve its collector's host name. This switch, read by its native
        # code at import, turns that off; nothing may leave this machine.
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import importlib.util

        found = importlib.util.find_spec("rapidocr")
        if found is None or found.origin is None or importlib.util.find_spec("onnxruntime") is None:  # pragma: no cover
            raise MissingDependency("OCR needs the rapidocr and onnxruntime packages; run: pip install 'rapidocr>=3.4,<4' onnxruntime")
        model_dir = Path(found.origin).parent / "models"
        paths = {k: model_dir / name for k, name in (("Det", _DET_MODEL), ("Rec", _REC_MODEL), ("Cls", _CLS_MODEL))}
        missing = [str(p) for p in paths.values() if not p.is_file()]
        if missing:
            raise ModelError(
                f"the OCR models bundled with rapidocr are missing ({', '.join(missing)}); "
                "reinstall it: pip install --force-reinstall 'rapidocr>=3.4,<4'"
            )
        # Recognition runs line batches in parallel, each call single-threaded: a 48 px high line
        # is too small for ONNX Runtime's intra-op threads to pay off (measured on 2 cores: 139
        # SROIE lines in 5.1 s on two 1-thread sessions vs 8.2 s on one 2-thread session). The
        # calls share one session: as fast as a session each (40 SROIE receipts 27.5 s against
        # 27.8 s) and 0.1 s of CPU less to load, which a one-shot run pays in full.
        # Detection gets all threads (one large image parallelizes well).
        workers = min(threads, _MAX_REC_WORKERS)

        def det() -> ppocr.Detector:
            from docextract import ppocr

            return ppocr.Detector(ppocr.session(paths["Det"], threads), unclip_ratio=unclip)

        def cls_() -> ppocr.Classifier:
            from docextract import ppocr

            return ppocr.Classifier(ppocr.session(paths["Cls"], threads))

        def rec() -> ppocr.Recognizer:
            from docextract import ppocr

            return ppocr.Recognizer(ppocr.session(paths["Rec"], max(1, threads // workers), arena=True))

        # Building a session is native code that releases the GIL: one per core at a time.
        pool = ThreadPoolExecutor(max(1, min(threads, 3)), thread_name_prefix="docextract-ocr-load")
        pending = {"det": pool.submit(det), "cls": pool.submit(cls_), "rec": pool.submit(rec)}
        pool.shutdown(wait=False)
        started = time.perf_counter()

        left = [len(pending)]
        counting = threading.Lock()

        def loaded(_: Future[Any]) -> None:
            with counting:
                left[0] -= 1
                if left[0]:
                    return
            if not any(f.exception() for f in pending.values()):
                log.info("OCR models loaded in %.2f s (%d recognizer worker%s, %d thread%s)", time.perf_counter() - started,
                         workers, "" if workers == 1 else "s", threads, "" if threads == 1 else "s")

        for future in pending.values():
            future.add_done_callback(loaded)
        return cls(model_dir, pending, workers)


_MAX_REC_WORKERS = 4  # recognizer calls at once


def _free_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# --- image preparation -----------------------------------------------------------------------

_MIN_SIDE = 64  # the detector works in multiples of 32 and needs some margin around text


def _prepare(image: Image.Image, work_side: int) -> np.ndarray:
    """The image as a BGR uint8 array; huge scans shrink, tiny images grow."""
    from docextract.sources.images import to_rgb  # docextract.sources imports pydantic: not at load

    rgb = to_rgb(image)
    w, h = rgb.size
    scale = 1.0
    if max(w, h) > work_side:
        scale = work_side / max(w, h)
    elif min(w, h) < _MIN_SIDE:
        scale = min(4.0, _MIN_SIDE / max(1, min(w, h)))
    if scale != 1.0:
        from PIL import Image as PILImage

        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        rgb = rgb.resize(size, PILImage.Resampling.BILINEAR, reducing_gap=2.0)
    arr = np.asarray(rgb)[:, :, ::-1]  # the PP-OCR models were trained on OpenCV's BGR
    return np.ascontiguousarray(arr)


def _resize(img: np.ndarray, s: float) -> np.ndarray:
    import cv2

    h, w = img.shape[:2]
    return cv2.resize(img, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA)


_MIN_LINE_PX = 10  # detected line boxes thinner than this (det pixels) get a second, larger look
_GOOD_LINE_PX = 16
# Lines set closer than this (det pixels, centre to centre) run together in the detector's map:
# a dense table's rows of figures become one box, or none. Such a page gets a second, larger look.
_MIN_PITCH_PX = 14
_GOOD_PITCH_PX = 18
_PITCH_LOOKS = 2  # larger looks at most, for rows set close
_BLOCK_LINES = 8  # a box this many median lines tall, on a page of level lines, is lines run together
# (a logo or a large total on a SROIE receipt photo measures at most 5.6 lines)


def _dense_pitch(quads: np.ndarray) -> float:
    """How close the page's lines are set where they are set closest: the 10th percentile, over
    the boxes with a box under them, of the distance to the nearest one below (centre to centre;
    a box below overlaps it across and its centre is lower by 0.4 of the smaller box's height,
    so a word beside it on the same line is none)."""
    lo, hi = quads.min(axis=1), quads.max(axis=1)
    cy = (lo[:, 1] + hi[:, 1]) / 2
    across = np.minimum(hi[:, None, 0], hi[None, :, 0]) - np.maximum(lo[:, None, 0], lo[None, :, 0]) > 0
    tall = hi[:, 1] - lo[:, 1]
    below = cy[None, :] - cy[:, None]
    under = below > 0.4 * np.minimum(tall[:, None], tall[None, :])
    below = np.where(across & under, below, np.inf).min(axis=1)
    below = below[np.isfinite(below)]
    return float(np.percentile(below, 10)) if len(below) else math.inf


def _detect_at(models: _Models, work: np.ndarray, s: float) -> np.ndarray:
    """Detector on ``work`` scaled by ``s`` (padded white to >= 64 px a side): quads in work px."""
    small = _resize(work, s) if s < 1 else work
    h, w = small.shape[:2]
    if h < _MIN_SIDE or w < _MIN_SIDE:  # the detector rounds sizes to multiples of 32
        pad = np.full((max(h, _MIN_SIDE), max(w, _MIN_SIDE), 3), 255, np.uint8)
        pad[:h, :w] = small
        small = pad
    return models.det(small) / s


_MARK_SCORE = 0.9  # the confidence given a mark read by its shape


def _lone_marks(work: np.ndarray, quads: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """Marks that no line box covers, read by their shape: a dash ("-"), two dots stacked (":")
    or side by side (".." or "..."), each with a box one line high.

    A statistical table's mark for a figure not available, nil or withheld, alone in its cell, is
    a few pixels at the scale the detector sees a page and is never found; its cell then reads
    empty and its neighbours close up. (Read by the recognizer, a dash alone comes out as the
    CJK "一" it looks like, and dots as "·".) A mark is a dark blob under half a line high and at
    most a line wide, or two or three set close; it stands on a row after a line box (its label),
    whose height its box takes, with no other such blob within a line and a half (dotted leaders,
    speckle and dashed rules are many). A noisy image, with more such blobs than line boxes,
    gets none.
    """
    import cv2

    if len(quads) < 3:
        return []
    line = float(np.median(np.minimum(*_edges(quads))))
    gray = cv2.cvtColor(work, cv2.COLOR_BGR2GRAY)
    _, dark = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    covered = np.zeros(dark.shape, np.uint8)
    cv2.fillPoly(covered, [q.astype(np.int32) for q in quads], 1)
    _, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    blobs = sorted(
        (x, y, x + w, y + h)
        for x, y, w, h, area in stats[1:].tolist()
        if h <= 0.5 * line and w <= line and area >= 2 and not covered[y : y + h, x : x + w].any()
    )
    if not blobs or len(blobs) > len(quads):
        return []
    groups: list[list[tuple[int, int, int, int]]] = []
    bounds: list[list[float]] = []  # each group's x0, y0, x1, y1
    for b in blobs:  # left to right: a blob joins a group it is set close after on its row
        for g, box in zip(groups, bounds, strict=True):
            if abs((b[1] + b[3]) / 2 - (box[1] + box[3]) / 2) <= 0.5 * line and b[0] - box[2] <= 0.4 * line:
                g.append(b)
                box[:] = [min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[2]), max(box[3], b[3])]
                break
        else:
            groups.append([b])
            bounds.append(list(b))
    gb = np.array(bounds, np.float64)
    cys = (gb[:, 1] + gb[:, 3]) / 2
    lo, hi = quads.min(axis=1), quads.max(axis=1)
    out = []
    for i, g in enumerate(groups):
        x0, _, x1, y1 = gb[i]
        cy = cys[i]
        beside = (np.abs(cys - cy) <= 0.5 * line) & (gb[:, 0] - x1 < 1.5 * line) & (x0 - gb[:, 2] < 1.5 * line)
        text = _mark_shape(g)
        # dots sit on the baseline, a third of a line under the middle of their row's letters
        mid = y1 - line / 3 if text is not None and text.startswith(".") else cy
        row = np.flatnonzero((lo[:, 1] < mid) & (mid < hi[:, 1]))
        # a cell's mark stands after its row's label: a speck before a line is no mark
        if text is None or beside.sum() > 1 or not (hi[row, 0] <= x0).any() or x1 - x0 > line:
            continue
        # as high as the line box of its row (a box centred on dots would reach into the next)
        k = row[np.argmin(np.abs((lo[row, 1] + hi[row, 1]) / 2 - mid))]
        top, bottom, pad = float(lo[k, 1]), float(hi[k, 1]), 0.3 * line
        out.append((text, np.array([[x0 - pad, top], [x1 + pad, top], [x1 + pad, bottom], [x0 - pad, bottom]], np.float32)))
    return out


def _mark_shape(blobs: list[tuple[int, int, int, int]]) -> str | None:
    """What a group of blobs is: a dash (one, at least 1.6 times as wide as tall and 3 px long: a
    2 x 1 speck is a dot), a colon (two dots of a size, one above the other) or dots side by side;
    else None."""
    sizes = [(x1 - x0, y1 - y0) for x0, y0, x1, y1 in blobs]
    dots = all(max(w, h) <= 2 * min(w, h) for w, h in sizes)
    if len(blobs) == 1:
        w, h = sizes[0]
        return "-" if w >= 1.6 * h and w >= 3 else None
    if not dots:
        return None
    if len(blobs) == 2:
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = sorted(blobs, key=lambda b: b[1])
        if min(ax1, bx1) - max(ax0, bx0) > 0 and by0 >= ay1:
            return ":"
    ys = [(y0 + y1) / 2 for _, y0, _, y1 in blobs]
    xs = sorted(blobs)
    side = all(b[0] >= a[2] for a, b in zip(xs, xs[1:]))
    return "." * len(blobs) if side and max(ys) - min(ys) <= max(h for _, h in sizes) else None


# --- rotation and skew -----------------------------------------------------------------------

_LONG = 2.0  # a box this many times longer than thick is a text line whose direction is clear
_CLS_LINES = 12  # lines the 0/180 classifier votes with


def _edges(quads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lengths of the top (p0→p1) and left (p0→p3) edges of each quad."""
    return (
        np.linalg.norm(quads[:, 1] - quads[:, 0], axis=1),
        np.linalg.norm(quads[:, 3] - quads[:, 0], axis=1),
    )


def _coarse_turns(models: _Models, work: np.ndarray, quads: np.ndarray) -> int:
    """Counter-clockwise quarter turns (0-3) that make the page upright.

    Sideways text gives tall line boxes, so box shapes tell 0/180 from 90/270 for free; which of
    the two is then the majority vote of the line classifier (trained on 0 vs 180) on the longest
    lines, cut out and turned to read along the box.
    """
    top, left = _edges(quads)
    flat = top >= _LONG * left
    tall = left >= _LONG * top
    sideways = (left * tall).sum() > 1.5 * (top * flat).sum()
    pick = tall if sideways else flat
    if not pick.any():
        return 0
    idx = np.flatnonzero(pick)
    idx = idx[np.argsort(-np.maximum(top, left)[idx])][:_CLS_LINES]
    crops = []
    for q in quads[idx]:
        crop = _crop(work, q, 1.0)
        if crop is not None:
            crops.append(crop)
    if not crops:
        return 0
    votes = models.cls(crops)  # [(label, score)]
    flipped = sum(s for label, s in votes if "180" in label)
    upright = sum(s for label, s in votes if "180" not in label)
    turned = flipped > upright
    if sideways:
        # crops of tall boxes were turned a quarter counter-clockwise; "upright" means the page
        # needs the same quarter turn, "180" the opposite one
        return 3 if turned else 1
    return 2 if turned else 0


_MAX_SKEW = 10.0  # degrees; beyond this a "line" is a diagonal stamp or noise, not skew ...
_MAX_STEEP = 40.0  # ... unless most lines agree on an angle up to this (a photo taken askew)
_STEEP_AGREE = 0.6


def _skew(quads: np.ndarray) -> float:
    """Page skew in degrees (counter-clockwise correction), from the angle of the long, level-ish
    line boxes. When they say level (or there are none) but a quarter of the line boxes lean one
    way, the angle at which the box centres line up in rows decides: the detector reports short,
    slightly tilted boxes as level, so a sparse page (an invoice's columns, a form) tilted by 1.5
    degrees read as level and its rows fell apart."""
    if not len(quads):
        return 0.0
    skew = _skew_from_boxes(quads)
    if skew == 0.0:
        found = _skew_from_rows(quads)
        # ... but only where a good share of the line boxes do lean that way: a level page full of
        # level boxes keeps 0 whatever else lines up (a stamp, a column of figures). A table of
        # short words and figures has no long boxes to lean; there the rows must line up clearly
        # better at their angle than level: 1.15 times for a scan's small tilt (up to 2 degrees),
        # 1.8 beyond (real level pages reach 1.45 at -4.3 degrees), and not at the search's edge.
        # Lines of running text, whose angle the detector measures to a tenth of a degree, that lie
        # level overrule it: a level table's grid of figures also lines up along its diagonals.
        if found is not None and not _level_text(quads):
            rows, gain = found
            clear = (abs(rows) <= 2.0 and gain >= 1.15) or (abs(rows) <= _ROW_SKEW - 0.5 and gain >= 1.8)
            if _leaning(quads, rows) >= 0.25 or clear:
                skew = rows
    return skew if abs(skew) >= 0.2 else 0.0  # below that boxes are already tight


def _level_text(quads: np.ndarray) -> bool:
    """Whether three or more lines of running text (boxes ten times as long as thick) are there,
    and level (their width-weighted median angle under 0.2 degrees)."""
    top, left = _edges(quads)
    text = top >= 10 * left
    return int(text.sum()) >= 3 and abs(_weighted_median(_angles(quads[text]), top[text])) < 0.2


def _leaning(quads: np.ndarray, skew: float) -> float:
    """The share of the line boxes (twice as long as thick) tilted at least 0.5 degrees the way of ``skew``."""
    top, left = _edges(quads)
    lines = top >= 2 * left
    if not lines.any():
        return 0.0
    angles = _angles(quads[lines])
    return float(np.mean((np.abs(angles) >= 0.5) & (np.sign(angles) == np.sign(skew))))


def _angles(quads: np.ndarray) -> np.ndarray:
    """Each box's angle in degrees, from its top edge. Image y grows downwards: a line rising to
    the right has dy < 0 and needs a clockwise turn, i.e. a negative counter-clockwise
    correction -- which is its angle as measured here."""
    d = quads[:, 1] - quads[:, 0]
    return np.degrees(np.arctan2(d[:, 1], d[:, 0]))


def _skew_from_boxes(quads: np.ndarray) -> float:
    """The width-weighted median angle of the long line boxes (0 below 0.2 degrees).

    Up to ``_MAX_SKEW`` degrees, as measured. A steeper median (a receipt photographed at an angle)
    counts only where the lines agree on it: at least ``_STEEP_AGREE`` of the long boxes' width
    within 3 degrees of it; a diagonal stamp or a few stray lines do not."""
    top, left = _edges(quads)
    long = top >= 3 * left
    if long.sum() < 2:
        return 0.0
    angles, widths = _angles(quads[long]), top[long]
    steep = np.abs(angles) <= _MAX_STEEP
    if steep.any():
        median = _weighted_median(angles[steep], widths[steep])
        agree = widths[np.abs(angles - median) <= 3.0].sum() / widths.sum()
        if abs(median) > _MAX_SKEW and agree >= _STEEP_AGREE and long.sum() >= 4:
            return median
    ok = np.abs(angles) <= _MAX_SKEW
    if not ok.any():
        return 0.0
    skew = _weighted_median(angles[ok], widths[ok])
    return skew if abs(skew) >= 0.2 else 0.0


_ROW_SKEW = 5.0  # degrees searched for rows of boxes (wider angles line up stamps and diagonals)
_ROW_BOXES = 150  # the widest boxes the row angle is measured on


def _skew_from_rows(quads: np.ndarray) -> tuple[float, float] | None:
    """The angle (degrees, -_ROW_SKEW..+_ROW_SKEW) at which the centres of the level-ish boxes
    line up best in rows (pairs of boxes whose centres, measured across that angle, are within a
    fraction of a line height of each other, weighted by their widths) and how much better they
    line up there than level (score ratio), or None when fewer than three rows hold two boxes or
    more (one text column: nothing lines up sideways)."""
    top, left = _edges(quads)
    flat = top >= 1.2 * left
    if flat.sum() < 6:
        return None
    idx = np.flatnonzero(flat)
    idx = idx[np.argsort(-top[idx])][:_ROW_BOXES]  # the pair measure grows with the square of boxes
    centres = quads[idx].mean(axis=1).astype(np.float64)
    weights = top[idx].astype(np.float64)
    sigma = max(float(np.median(left[idx])) / 4, 1.0)
    pair_w = np.outer(weights, weights)
    np.fill_diagonal(pair_w, 0.0)

    def across(deg: float) -> np.ndarray:
        t = math.radians(deg)
        return centres[:, 1] * math.cos(t) - centres[:, 0] * math.sin(t)

    def score(deg: float) -> float:
        y = across(deg)
        return float((pair_w * np.exp(-(((y[:, None] - y[None, :]) / sigma) ** 2) / 2)).sum())

    coarse = np.arange(-_ROW_SKEW, _ROW_SKEW + 1e-9, 0.25)
    best = max(coarse, key=lambda d: (score(d), -abs(d)))
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05)
    best = float(max(fine, key=lambda d: (score(d), -abs(d))))
    _, counts = np.unique(np.round(across(best) / (2 * sigma)), return_counts=True)
    if (counts >= 2).sum() < 3:
        return None
    return best, score(best) / max(score(0.0), 1e-12)


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = np.argsort(values)
    cum = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cum, cum[-1] / 2)])


# --- frames ----------------------------------------------------------------------------------


@dataclass
class _Frame:
    """Maps work-image points (after the quarter turns) to the upright frame and back to the input."""

    to_upright: np.ndarray  # 3x3: turned work px -> upright px (input scale)
    to_input: np.ndarray  # 3x3: upright px -> input px
    size: tuple[int, int]

    @classmethod
    def build(cls, in_w: int, in_h: int, turns: int, skew: float, w: int, h: int) -> _Frame:
        """``in_w``, ``in_h``: the input image; ``w``, ``h``: the turned work image."""
        iw, ih = (in_h, in_w) if turns % 2 else (in_w, in_h)  # turned frame at input scale
        t = math.radians(skew)
        c, s = math.cos(t), math.sin(t)
        uw, uh = abs(iw * c) + abs(ih * s), abs(iw * s) + abs(ih * c)
        # PIL's rotate(skew, expand=True): about the centre, counter-clockwise on screen (y down)
        rot = np.array([[c, s, 0], [-s, c, 0], [0, 0, 1]])
        deskew = _translate(uw / 2, uh / 2) @ rot @ _translate(-iw / 2, -ih / 2)
        unscale = np.diag([iw / w, ih / h, 1.0])  # per axis: work sizes were rounded
        to_upright = deskew @ unscale
        # turned input px -> input px: undo the counter-clockwise quarter turns
        untur = _unturn(turns, in_w, in_h)
        to_input = untur @ np.linalg.inv(deskew)
        return cls(to_upright, to_input, (round(uw), round(uh)))

    def box(self, quad: np.ndarray) -> BBox:
        pts = np.c_[quad, np.ones(len(quad))] @ self.to_upright.T
        return _bounds(pts, self.size)


def _bounds(pts: np.ndarray, size: tuple[int, int] | None) -> BBox:
    """Axis-aligned box around points, inside ``(0, 0, *size)`` (the detector's margins may
    reach past the page edge)."""
    x0, y0 = pts[:, 0].min(), pts[:, 1].min()
    x1, y1 = pts[:, 0].max(), pts[:, 1].max()
    if size is not None:
        x0, x1 = np.clip([x0, x1], 0, size[0])
        y0, y1 = np.clip([y0, y1], 0, size[1])
    return (float(x0), float(y0), float(x1), float(y1))


def _translate(dx: float, dy: float) -> np.ndarray:
    return np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], dtype=np.float64)


def _unturn(turns: int, in_w: int, in_h: int) -> np.ndarray:
    """3x3 map from the input turned ``turns`` quarters counter-clockwise back to the input.

    One counter-clockwise turn (``np.rot90``) sends input (x, y) to (y, W - x); its inverse sends
    turned (u, v) to (W - v, u).
    """
    m = np.eye(3)
    w, h = in_w, in_h
    for _ in range(turns % 4):
        # turned once more: undo the last turn (in a frame whose pre-turn width is w)
        one = np.array([[0, -1, w], [1, 0, 0], [0, 0, 1]], dtype=np.float64)
        m = m @ one
        w, h = h, w
    return m


# --- cropping and recognition ----------------------------------------------------------------


def _crop(img: np.ndarray, quad: np.ndarray, squeeze: float) -> np.ndarray | None:
    """The line under ``quad`` warped level, at the recognizer's height; tall boxes turned a quarter
    counter-clockwise. ``squeeze`` scales the width. None for degenerate boxes."""
    import cv2

    from docextract.ppocr import Recognizer  # imported with the models

    top, left = _edges(quad[None])
    w, h = float(top[0]), float(left[0])
    if w < 2 or h < 2:
        return None
    tall = h >= 1.5 * w
    long, thick = (h, w) if tall else (w, h)
    out_h = Recognizer.height
    out_w = max(8, round(long * out_h / thick * squeeze))
    # destination corners in the (possibly turned) crop: p0..p3 clockwise from the top-left
    if tall:  # the box's left edge becomes the crop's bottom edge (a counter-clockwise turn)
        dst = [[0, out_h], [0, 0], [out_w, 0], [out_w, out_h]]
    else:
        dst = [[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]]
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), np.array(dst, np.float32))
    flags = cv2.INTER_AREA if thick > 2 * out_h else cv2.INTER_LINEAR
    return cv2.warpPerspective(img, m, (out_w, out_h), flags=flags, borderMode=cv2.BORDER_REPLICATE)


# Other cuts of a doubtful line's box: (share of its thickness added above and below, and at
# each end). On SROIE's tune receipts these two voting with the first reading did best of the
# cuts tried (also: the crop stretched 1.25 or squeezed 0.85 in width).
_RECUTS = ((0.2, 0.3), (-0.08, 0.0))


def _grown(quad: np.ndarray, across: float, along: float) -> np.ndarray:
    """``quad`` grown by ``across`` times its thickness on both sides of the line and ``along``
    times its thickness at both ends (negative values shrink), as :func:`_crop` orients it."""
    q = quad.astype(np.float64)
    top, left = q[1] - q[0], q[3] - q[0]
    bottom, right = q[2] - q[3], q[2] - q[1]
    w, h = float(np.linalg.norm(top)), float(np.linalg.norm(left))
    if w < 1e-6 or h < 1e-6:
        return quad
    out = q.copy()
    if h >= 1.5 * w:  # a tall box: its line runs down the page (as in _crop)
        out[[0, 3]] -= across * np.stack([top, bottom])
        out[[1, 2]] += across * np.stack([top, bottom])
        out[[0, 1]] -= along * w * np.stack([left, right]) / np.linalg.norm(np.stack([left, right]), axis=1)[:, None]
        out[[3, 2]] += along * w * np.stack([left, right]) / np.linalg.norm(np.stack([left, right]), axis=1)[:, None]
    else:
        out[[0, 1]] -= across * np.stack([left, right])
        out[[3, 2]] += across * np.stack([left, right])
        out[[0, 3]] -= along * h * np.stack([top, bottom]) / np.linalg.norm(np.stack([top, bottom]), axis=1)[:, None]
        out[[1, 2]] += along * h * np.stack([top, bottom]) / np.linalg.norm(np.stack([top, bottom]), axis=1)[:, None]
    return out.astype(np.float32)


def _vote(found: list[tuple[_Reading, _Cut]]) -> tuple[_Reading, _Cut]:
    """One reading from several of the same line (each with the cut it was read from).

    Where all have as many characters (spaces aside), each character is the most frequent one
    at its place (a tie: the one of the surest reading), spaced as the surest reading (whose
    cut is returned); otherwise the most frequent text wins, ties to the surest reading.
    """
    found = [f for f in found if f[0].text] or found[:1]
    bare = [r.text.replace(" ", "") for r, _ in found]
    ranked = sorted(range(len(found)), key=lambda k: -found[k][0].score)
    best, cut = found[ranked[0]]
    if len({len(b) for b in bare}) == 1:
        chars = []
        for k in range(len(bare[0])):
            counts: dict[str, int] = {}
            for b in bare:
                counts[b[k]] = counts.get(b[k], 0) + 1
            top = max(counts.values())
            chars.append(next(bare[j][k] for j in ranked if counts[bare[j][k]] == top))
        picked = iter(chars)
        text = "".join(c if c == " " else next(picked) for c in best.text)
        return best._replace(text=text), cut
    counts = {b: bare.count(b) for b in bare}
    k = max(ranked, key=lambda j: (counts[bare[j]], found[j][0].score))
    return found[k]


def _recognize_batched(models: _Models, crops: list[np.ndarray], max_batch: int, mend: bool) -> list[_Reading]:
    """The reading of each crop.

    Crops of near-equal width share a batch: the recognizer pads a batch to its widest crop, so
    mixing widths wastes compute, while one call per line wastes the per-call overhead. Batches
    run on the recognizer workers in parallel, widest first so the workers finish together.
    """
    if not crops:
        return []
    order = sorted(range(len(crops)), key=lambda i: crops[i].shape[1])
    batches: list[list[int]] = []
    for i in order:
        if batches and len(batches[-1]) < max_batch and crops[i].shape[1] <= 1.15 * crops[batches[-1][0]].shape[1]:
            batches[-1].append(i)
        else:
            batches.append([i])
    batches.reverse()
    out: list[_Reading] = [_NOTHING] * len(crops)
    rec = models.rec

    def run(batch: list[int]) -> None:
        for i, result in zip(batch, _recognize_one_batch(rec, [crops[i] for i in batch], mend), strict=True):
            out[i] = result

    if models.workers == 1 or len(batches) == 1:
        for batch in batches:
            run(batch)
    else:
        with ThreadPoolExecutor(models.workers) as pool:
            list(pool.map(run, batches))  # list(): re-raise a worker's exception here
    return out


def _recognize_one_batch(rec: ppocr.Recognizer, crops: list[np.ndarray], mend: bool) -> list[_Reading]:
    """The reading of each crop, from one call of the recognizer's network.

    The CTC output is decoded here rather than by RapidOCR so that each character keeps its
    position in the crop: the recognizer often drops the space after a colon or before a
    bracket ("TEL:03-...", "Total(incl GST)"), and the pixels show where a space is.
    """
    probs, width = rec(crops)  # (lines, time steps, classes); class 0 is CTC's blank
    return [_ctc_text(p, rec.alphabet, crop, width, mend) for p, crop in zip(probs, crops, strict=True)]


def _set_case(readings: dict[int, _Reading], cuts: dict[int, _Cut], code: bool) -> dict[int, str]:
    """The lines' texts with the letters of one shape in both cases set by their height.

    Code: every such letter, against the x-height and cap height of its line, or of the whole
    page where the line lacks letters whose case is sure (``s += x``; one font throughout),
    measured in work pixels. Prose: only inside words whose case is odd, against the line's own
    heights (a receipt mixes sizes).
    """
    texts = {i: r.text for i, r in readings.items()}
    todo = [i for i, r in readings.items() if code or lettercase.odd_ambiguous(r.text)]
    if not todo:
        return texts
    rises: dict[int, list[float | None]] = {}
    for i in todo:
        chars = [(c, x) for c, x in zip(readings[i].text, readings[i].xs, strict=True) if x is not None]
        found = iter(lettercase.glyph_rises(cuts[i].crop, chars))
        per_px = cuts[i].thick / cuts[i].crop.shape[0]  # work px per crop px
        rises[i] = [None if x is None else _scaled(next(found), per_px) for x in readings[i].xs]
    page = lettercase.Heights.of([p for i in todo for p in zip(texts[i], rises[i], strict=True)]) if code else None
    for i in todo:
        # A line's own reference letters measure it best (a pixel of the page's small print is a
        # tenth of its cap height); the page's heights fill in what the line lacks.
        own = list(zip(texts[i], rises[i], strict=True))
        heights = lettercase.Heights.of(own, page.x / page.cap) if page else lettercase.Heights.of(own)
        heights = heights or page
        if heights is None:
            continue
        unit = cuts[i].crop.shape[0] / cuts[i].thick  # crop px per work px
        capital = [heights.capital(r, unit) for r in rises[i]]
        texts[i] = lettercase.recase(texts[i], capital, everywhere=code)
    return texts


def _scaled(rise: float | None, factor: float) -> float | None:
    return None if rise is None else rise * factor


_SPACE_GAP = 0.45  # blank columns, as a fraction of the line's height, that make a word space
_NUMERIC = frozenset("0123456789.,")


class _Cut(NamedTuple):
    """A line box (work px) and the crop cut out of it for the recognizer."""

    quad: np.ndarray
    crop: np.ndarray

    @property
    def tall(self) -> bool:
        """Whether the box runs down the page (:func:`_crop` turns its crop a quarter)."""
        top, left = (float(v[0]) for v in _edges(self.quad[None]))
        return left >= 1.5 * top

    @property
    def thick(self) -> float:
        """The box's side the crop is cut across (as :func:`_crop` orients it), in work px."""
        top, left = (float(v[0]) for v in _edges(self.quad[None]))
        return top if self.tall else left


class _Reading(NamedTuple):
    """One line crop as read: text, mean and least character probability, each text character's
    centre in the crop (None for the spaces put back), and the crop's ink columns
    (:func:`_ink_columns`; None where nothing was read)."""

    text: str
    score: float
    least: float
    xs: list[float | None]
    ink: np.ndarray | None = None


_NOTHING = _Reading("", 0.0, 0.0, [])


def _ctc_text(probs: np.ndarray, alphabet: list[str], crop: np.ndarray, padded_width: int, mend: bool = False) -> _Reading:
    """Greedy CTC decoding of one line, with the spaces the recognizer missed put back.

    Score: the mean probability of the emitted characters (as RapidOCR computes it). A space
    is added between two characters when the widest run of ink-free columns between their
    centres is wider than ``_SPACE_GAP`` times the line's height, except beside a number's
    point or comma ("12.50", "1,234"). On SROIE's 1,955 lines whose characters were read right,
    this fixed the spacing of 27 lines (against the human transcription) and changed none that
    were right; spaces the recognizer did emit are kept (removing narrow ones broke more than
    it fixed). Between two digits it holds too (a date and a time run together, two table cells
    "1,031,7731,068,270") where the blank is also twice as wide as the line's digits are mostly
    set apart (a font may set every digit of a number half a line height apart): on SROIE it
    parted 22 of 13,935 lines, most of them a date from its time; independent tables through
    OCR, development F1 up by 0.001-0.002 on two splits.

    ``mend``: words in no word list that the probabilities allow to be a listed word one letter
    away are read as that word (:mod:`docextract.spelling`); spaces are found first, so a word
    is never mended across one.
    """
    best = probs.argmax(axis=1)
    step = padded_width / len(best)  # crop pixels per time step
    chars: list[tuple[str, float, float]] = []  # (char, centre x, probability)
    spans: list[tuple[int, int, int]] = []  # first and end time step, class of each character
    prev, first = 0, 0
    for t, k in enumerate(best.tolist() + [0]):
        if k != prev:
            if prev:
                chars.append((alphabet[prev], (first + t) / 2 * step, float(probs[first, prev])))
                spans.append((first, t, prev))
            first = t
        prev = k
    # A speck at either end of the line read as punctuation ("POPULAR BOOK-"): the mark is less
    # likely than not, and the runner-up is no character at all.
    for end in (-1, 0):
        if chars and chars[end][0] in _SPECKS and _is_speck(probs, *spans[end]):
            del chars[end], spans[end]
    # A doubtful accent ("SETIA ÁLAM", p 0.56, runner-up "A"): the plain letter.
    for n, ((ch, x, p), (t0, t1, k)) in enumerate(zip(chars, spans)):
        if ord(ch) > 127 and (plain := _doubtful_accent(probs, alphabet, ch, t0, t1, k)):
            chars[n] = (plain, x, p)
    if not chars:
        return _NOTHING
    ink = _ink_columns(crop)
    pairs = list(zip(chars, chars[1:]))
    gaps = [b - a for a, b in (_widest_blank(ink, xa, xb) for (_, xa, _), (_, xb, _) in pairs)]
    # digits inside a number are set evenly: two set twice as far apart as the line's digits
    # mostly are belong to two numbers (fonts differ: some set every digit 0.5 heights apart)
    digits = [g for ((a, _, _), (b, _, _)), g in zip(pairs, gaps) if a.isdigit() and b.isdigit()]
    apart = 2 * float(np.median(digits)) if digits else math.inf
    spaced = [False] + [
        a != " "
        and b != " "
        and gap > _SPACE_GAP * crop.shape[0]
        and (a not in _NUMERIC or b not in _NUMERIC or a.isdigit() and b.isdigit() and gap > apart)
        for ((a, _, _), (b, _, _)), gap in zip(pairs, gaps)
    ]
    if mend:
        chars = spelling.mend_twins(chars, spans, spaced, probs, alphabet)
        chars, spaced = spelling.mend_words(chars, spans, spaced, probs, alphabet)
    ps = [c[2] for c in chars]
    out: list[str] = []
    xs: list[float | None] = []
    for (ch, x, _), space in zip(chars, spaced, strict=True):
        if space:
            out.append(" ")
            xs.append(None)
        out.append(ch)
        xs.append(x)
    return _Reading("".join(out), float(np.mean(ps)), min(ps), xs, ink)


_SPECKS = frozenset("-_.,'`~:;")


def _is_speck(probs: np.ndarray, t0: int, t1: int, k: int) -> bool:
    """Whether the mark of class ``k`` read at time steps ``t0..t1`` (at an end of the line) is a
    doubtful read of a speck: its best time step gives it under 0.5, with the CTC blank as
    runner-up. On SROIE and FUNSD (2,741 lines matched to their transcription) this removed two
    wrong marks and no right one; a 0.6 bar already removed right ones (``(RM)``, ``Bill To:``)."""
    p, runner = _peak(probs, t0, t1, k)
    return p < 0.5 and runner == 0


_ACCENT_DOUBT = 0.7


def _doubtful_accent(probs: np.ndarray, alphabet: list[str], char: str, t0: int, t1: int, k: int) -> str | None:
    """The plain letter for an accented Latin letter the recognizer gives under 0.7 with that
    plain letter as runner-up, else None. Its alphabet holds accented capitals that faint print
    on English and Malay receipts turns into ("ÁLAM", "Čigarette"); on SROIE and FUNSD both
    accented letters read under 0.7 were such slips. Surer reads are left alone (French "é" is
    printed, and is read at > 0.9 on clean print)."""
    plain = unicodedata.normalize("NFD", char)[0]
    if plain == char or not plain.isascii() or not plain.isalpha():
        return None
    p, runner = _peak(probs, t0, t1, k)
    return plain if p < _ACCENT_DOUBT and runner > 0 and alphabet[runner] == plain else None


def _peak(probs: np.ndarray, t0: int, t1: int, k: int) -> tuple[float, int]:
    """Class ``k``'s probability at its surest time step in ``t0..t1``, and the runner-up class
    there (0: the CTC blank)."""
    row = probs[t0 + int(np.argmax(probs[t0:t1, k]))]
    rest = row.copy()
    rest[k] = -1.0
    return float(row[k]), int(np.argmax(rest))


def _ink_columns(crop: np.ndarray) -> np.ndarray:
    """Per column of a line crop: does its line's ink reach it. The ink is the dark (Otsu)
    pixels of the band of rows nearest the crop's middle that blank rows set apart from the
    rest (the box's margin may hold the letters of the next line set close, or a table's rule),
    without rows dark nearly all the way across (a rule touching the letters)."""
    import cv2

    gray = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    _, dark = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    share = (dark > 0).mean(axis=1)
    rows = np.flatnonzero(share > 0)
    if not len(rows):
        return dark.any(axis=0)
    top = bottom = int(rows[np.argmin(np.abs(rows - len(share) / 2))])
    while top > 0 and share[top - 1] > 0:
        top -= 1
    while bottom + 1 < len(share) and share[bottom + 1] > 0:
        bottom += 1
    band = dark[top : bottom + 1][share[top : bottom + 1] < 0.9]
    return band.any(axis=0) if len(band) else dark.any(axis=0)


def _widest_blank(ink: np.ndarray, x0: float, x1: float) -> tuple[int, int]:
    """The longest run of ink-free columns between x0 and x1, as (first, past the last) column;
    an empty run where there is none."""
    first = max(0, int(x0))
    best = (first, first)
    start = first
    for x, has_ink in enumerate(ink[first : int(x1) + 1].tolist(), first):
        if has_ink:
            start = x + 1
        elif x + 1 - start > best[1] - best[0]:
            best = (start, x + 1)
    return best


def _word_spans(reading: _Reading, cut: _Cut, frame: _Frame) -> tuple[tuple[float, float], ...]:
    """The ink of each word of a level line across, as x spans in the upright frame: from the
    first character's left edge to the last one's right edge, parted at each space by the widest
    ink-free run between the characters either side; mapped from the crop back through the
    cut's warp. Empty for a tall (turned) line, or where the line's text has no edge (a rule
    through its box)."""
    import cv2

    text, xs, ink = reading.text, reading.xs, reading.ink
    h, w = cut.crop.shape[:2]
    chars = [(k, x) for k, (c, x) in enumerate(zip(text, xs, strict=True)) if x is not None and c != " "]
    if not chars or ink is None or cut.tall:
        return ()
    start, end = _ink_edge(ink, chars[0][1], -1), _ink_edge(ink, chars[-1][1], 1)
    if start is None or end is None:
        return ()
    cuts: list[float] = [start]
    for (ka, xa), (kb, xb) in zip(chars, chars[1:]):
        if " " in text[ka + 1 : kb]:
            a, b = _widest_blank(ink, xa, xb)
            cuts += (a, b) if b > a else ((xa + xb) / 2,) * 2
    cuts.append(end)
    back = cv2.getPerspectiveTransform(np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32), cut.quad.astype(np.float32))
    pts = np.c_[np.asarray(cuts, np.float64), np.full(len(cuts), h / 2), np.ones(len(cuts))] @ back.T.astype(np.float64)
    up = np.c_[pts[:, :2] / pts[:, 2:], np.ones(len(cuts))] @ frame.to_upright.T
    xs_up = (up[:, 0] / up[:, 2]).round(1).tolist()
    return tuple(zip(xs_up[::2], xs_up[1::2], strict=True))


def _ink_edge(ink: np.ndarray, x: float, step: int) -> float | None:
    """The outer edge of the character centred near column ``x``, going left (``step`` -1) or
    right (1): past any blank before its ink (a thin letter's centre may miss its stroke), to the
    first blank column after; None where the ink runs to the crop's end (a rule through it)."""
    i, seen = min(max(int(x), 0), len(ink) - 1), False
    while 0 <= i < len(ink):
        if ink[i]:
            seen = True
        elif seen:
            return i + 1 if step < 0 else i
        i += step
    return None if seen else x


# --- reading order ---------------------------------------------------------------------------


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped into rows (centres within half the smaller height), top to bottom, then
    each row left to right."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.cy):
        if rows:
            ref = rows[-1]
            cy = sum(r.cy for r in ref) / len(ref)
            hh = min(w.height, min(r.height for r in ref))
            if abs(w.cy - cy) <= 0.5 * hh:
                ref.append(w)
                continue
        rows.append([w])
    return [sorted(r, key=lambda w: w.x0) for r in rows]


def _reading_order(words: list[Word]) -> list[Word]:
    return [w for row in _rows(words) for w in row]
