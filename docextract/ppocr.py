"""PP-OCR's three networks (text lines, 0/180 lines, characters) on ONNX Runtime sessions.

The networks' input preparation and the detector's box extraction (DB post-processing) follow
PaddleOCR's (Apache-2.0), as RapidOCR ports them. RapidOCR supplies the model files; its Python
stages are not imported, because importing any of them parses its 85 KB model table into
OmegaConf twice: 0.45 s of CPU on every start of the command line, where the whole one-shot
start-up budget is half of one receipt's reading (about 0.35 s).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pyclipper

__all__ = ["Classifier", "Detector", "Recognizer", "session"]


def session(path: Path, threads: int, *, arena: bool = False) -> Any:
    """An ONNX Runtime CPU session for one network, with all graph optimizations.

    ``arena``: keep the memory of the largest input so far for the next runs. Right for the
    recognizer, whose inputs are at most a batch of 48 px lines: its first run is then not the
    slowest (measured: first SROIE receipt read 0.84 -> 0.78 s, later ones 1-2 % faster, 90 MB
    more held). Not for the detector, whose input is a whole page at any size.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = arena
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Idle pool threads sleep instead of spinning: between the detector's parallel steps they
    # took cores from the recognizer's workers and the Python around them (30 SROIE receipts,
    # warm: 5-7 % less CPU, 1-5 % less time).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    cpu = ("CPUExecutionProvider", {"arena_extend_strategy": "kSameAsRequested"})
    return ort.InferenceSession(str(path), sess_options=options, providers=[cpu])


def _run(sess: Any, batch: np.ndarray) -> np.ndarray:
    return sess.run(None, {sess.get_inputs()[0].name: batch})[0]


def _normalized(img: np.ndarray) -> np.ndarray:
    """uint8 HWC (RGB or BGR as given) to float32 CHW in [-1, 1]: the networks' (x/255 - 0.5) / 0.5."""
    return (img.astype(np.float32) * np.float32(2 / 255) - np.float32(1)).transpose(2, 0, 1)


class Detector:
    """Text-line quads from the DB detector: ``(N, 4, 2)`` in the image's pixels, each clockwise
    from the top-left corner, rows top to bottom and left to right within a row."""

    _MIN_SIZE = 3  # px of the map: shorter regions are noise
    _SAME_ROW = 10  # px: boxes whose tops are closer are ordered left to right

    def __init__(self, sess: Any, *, unclip_ratio: float, thresh: float = 0.3, box_thresh: float = 0.5,
                 max_candidates: int = 1000) -> None:
        self.session = sess
        self.unclip_ratio = unclip_ratio
        self.thresh = thresh
        self.box_thresh = box_thresh
        self.max_candidates = max_candidates

    def __call__(self, img: np.ndarray) -> np.ndarray:
        h, w = img.shape[:2]
        # The network needs sides that are multiples of 32.
        size = (int(round(w / 32) * 32), int(round(h / 32) * 32))
        if min(size) <= 0:
            return np.zeros((0, 4, 2), np.float32)
        pred = _run(self.session, _normalized(cv2.resize(img, size))[None])[0, 0]
        mask = cv2.dilate((pred > self.thresh).astype(np.uint8), np.ones((2, 2), np.uint8))
        quads = self._quads(pred, mask, w, h)
        return _rows_first(quads, self._SAME_ROW) if len(quads) else np.zeros((0, 4, 2), np.float32)

    def _quads(self, pred: np.ndarray, mask: np.ndarray, width: int, height: int) -> np.ndarray:
        map_h, map_w = mask.shape
        contours, _ = cv2.findContours(mask * 255, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        out = []
        for contour in contours[: self.max_candidates]:
            points, short = _min_box(contour)
            if short < self._MIN_SIZE or _mean_inside(pred, points) < self.box_thresh:
                continue
            box, short = _min_box(self._unclip(points))
            if short < self._MIN_SIZE + 2:
                continue
            box[:, 0] = np.clip(np.round(box[:, 0] / map_w * width), 0, width)
            box[:, 1] = np.clip(np.round(box[:, 1] / map_h * height), 0, height)
            quad = _clockwise(box.astype(np.int32).astype(np.float32))
            quad[:, 0] = np.clip(quad[:, 0], 0, width - 1).astype(np.int32)
            quad[:, 1] = np.clip(quad[:, 1], 0, height - 1).astype(np.int32)
            if int(np.linalg.norm(quad[0] - quad[1])) > 3 and int(np.linalg.norm(quad[0] - quad[3])) > 3:
                out.append(quad)
        return np.array(out, np.float32).reshape(-1, 4, 2)

    def _unclip(self, box: np.ndarray) -> np.ndarray:
        """The region grown outward by area x ratio / perimeter (DB's shrink, undone)."""
        distance = cv2.contourArea(box) * self.unclip_ratio / cv2.arcLength(box, True)
        offset = pyclipper.PyclipperOffset()
        offset.AddPath(box, pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
        return np.array(offset.Execute(distance)).reshape(-1, 1, 2).astype(np.int32)


def _min_box(contour: np.ndarray) -> tuple[np.ndarray, float]:
    """The minimum-area rectangle around a contour (corners from the top-left, clockwise) and its short side."""
    rect = cv2.minAreaRect(contour)
    p = sorted(cv2.boxPoints(rect), key=lambda pt: pt[0])
    left = (p[0], p[1]) if p[1][1] > p[0][1] else (p[1], p[0])  # (top, bottom)
    right = (p[2], p[3]) if p[3][1] > p[2][1] else (p[3], p[2])
    return np.array([left[0], right[0], right[1], left[1]]), min(rect[1])


def _mean_inside(pred: np.ndarray, box: np.ndarray) -> float:
    """The detector's mean score inside a quad (its bounding window, masked by the quad)."""
    h, w = pred.shape
    x0, x1 = (int(np.clip(v, 0, w - 1)) for v in (np.floor(box[:, 0].min()), np.ceil(box[:, 0].max())))
    y0, y1 = (int(np.clip(v, 0, h - 1)) for v in (np.floor(box[:, 1].min()), np.ceil(box[:, 1].max())))
    mask = np.zeros((y1 - y0 + 1, x1 - x0 + 1), np.uint8)
    cv2.fillPoly(mask, (box - [x0, y0]).reshape(1, -1, 2).astype(np.int32), 1)
    return float(cv2.mean(pred[y0 : y1 + 1, x0 : x1 + 1], mask)[0])


def _clockwise(pts: np.ndarray) -> np.ndarray:
    """Four corners ordered top-left, top-right, bottom-right, bottom-left."""
    by_x = pts[np.argsort(pts[:, 0])]
    tl, bl = by_x[:2][np.argsort(by_x[:2, 1])]
    tr, br = by_x[2:][np.argsort(by_x[2:, 1])]
    return np.array([tl, tr, br, bl], np.float32)


def _rows_first(quads: np.ndarray, same_row: float) -> np.ndarray:
    """Quads by their tops (stable), then left to right among neighbours less than ``same_row`` apart."""
    by_y = quads[np.argsort(quads[:, 0, 1], kind="stable")]
    row = np.concatenate([[0], np.cumsum(np.diff(by_y[:, 0, 1]) >= same_row)])
    return by_y[np.lexsort((by_y[:, 0, 0], row))]


class Classifier:
    """Whether each text-line crop is upright (``"0"``) or upside down (``"180"``), with the score."""

    _SHAPE = (48, 192)  # PP-OCR's mobile 0/180 classifier input (height, width)
    _LABELS = ("0", "180")

    def __init__(self, sess: Any) -> None:
        self.session = sess

    def __call__(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        if not crops:
            return []
        height, width = self._SHAPE
        batch = np.zeros((len(crops), 3, height, width), np.float32)
        for i, crop in enumerate(crops):
            w = min(width, math.ceil(height * crop.shape[1] / crop.shape[0]))
            batch[i, :, :, :w] = _normalized(cv2.resize(crop, (w, height)))
        probs = _run(self.session, batch)
        return [(self._LABELS[int(k)], float(p[k])) for p, k in zip(probs, probs.argmax(axis=1), strict=True)]


class Recognizer:
    """Per-time-step character probabilities of text-line crops (CTC; class 0 is the blank)."""

    height = 48  # the network's fixed input height

    def __init__(self, sess: Any) -> None:
        self.session = sess
        # The model carries its character set; CTC adds the blank before it and a space after.
        chars = sess.get_modelmeta().custom_metadata_map["character"].splitlines()
        self.alphabet = ["blank", *chars, " "]

    def __call__(self, crops: list[np.ndarray], min_ratio: float = 1.0) -> tuple[np.ndarray, int]:
        """``(crops, time steps, classes)`` for crops padded to one width, and that width: the
        widest crop's (at the network's height), at least ``min_ratio`` x the height. (RapidOCR
        pads to 320 px; a batch of short lines, "RM" or "1.00", then costs 320 px of compute.)"""
        ratio = max([min_ratio] + [c.shape[1] / c.shape[0] for c in crops])
        width = int(self.height * ratio)
        batch = np.zeros((len(crops), 3, self.height, width), np.float32)
        for i, crop in enumerate(crops):
            w = min(width, math.ceil(self.height * crop.shape[1] / crop.shape[0]))
            batch[i, :, :, :w] = _normalized(cv2.resize(crop, (w, self.height)))
        return _run(self.session, batch), width
