"""docextract.ppocr runs PP-OCR's networks as rapidocr's own stages do: rapidocr is the oracle.

The stages are built the rapidocr way (``RapidOCR(params=...)``, with the settings docextract.ocr
uses) on the same bundled models, and both read the same generated receipt photo.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

pytest.importorskip("onnxruntime")
rapidocr = pytest.importorskip("rapidocr")

from docextract import ocr, ppocr  # noqa: E402
from docextract.testing.documents import random_receipt, receipt_image  # noqa: E402

MODELS = Path(rapidocr.__file__).parent / "models"
UNCLIP = 1.4


@pytest.fixture(scope="module")
def rapid() -> object:
    params = {
        "Det.model_path": str(MODELS / ocr._DET_MODEL),
        "Cls.model_path": str(MODELS / ocr._CLS_MODEL),
        "Rec.model_path": str(MODELS / ocr._REC_MODEL),
        "Global.log_level": "error",
        "Det.limit_type": "max",
        "Det.limit_side_len": 100_000,
        "Det.unclip_ratio": UNCLIP,
        "Rec.rec_img_shape": [3, ppocr.Recognizer.height, ppocr.Recognizer.height],
    }
    return rapidocr.RapidOCR(params=params)


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    """A receipt photo, turned to BGR as docextract.ocr hands pages to the networks."""
    data = receipt_image(None, random_receipt(7), dpi=150, skew=1.5)
    return np.ascontiguousarray(np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))[:, :, ::-1])


def _crops(page: np.ndarray, quads: np.ndarray, n: int) -> list[np.ndarray]:
    crops = []
    for q in quads[:n]:
        x0, y0 = np.floor(q.min(axis=0)).astype(int)
        x1, y1 = np.ceil(q.max(axis=0)).astype(int)
        crop = page[y0:y1, x0:x1]
        scale = ppocr.Recognizer.height / crop.shape[0]
        crops.append(np.ascontiguousarray(Image.fromarray(crop).resize((max(1, math.ceil(crop.shape[1] * scale)), ppocr.Recognizer.height))))
    return crops


def test_detector_finds_the_boxes_rapidocr_finds(rapid: object, page: np.ndarray) -> None:
    ours = ppocr.Detector(ppocr.session(MODELS / ocr._DET_MODEL, 2), unclip_ratio=UNCLIP)(page)
    theirs = np.asarray(rapid._load_det_model()(page).boxes, np.float32)
    assert len(ours) >= 10 and ours.shape == theirs.shape
    assert np.abs(ours - theirs).max() <= 1.0  # the same boxes, in the same order


def test_classifier_and_recognizer_agree_with_rapidocr(rapid: object, page: np.ndarray) -> None:
    quads = ppocr.Detector(ppocr.session(MODELS / ocr._DET_MODEL, 2), unclip_ratio=UNCLIP)(page)
    crops = _crops(page, quads, 8)
    crops.append(np.ascontiguousarray(np.rot90(crops[0], 2)))  # one line upside down

    ours = ppocr.Classifier(ppocr.session(MODELS / ocr._CLS_MODEL, 2))(crops)
    theirs = rapid._load_cls_model()(crops).cls_res
    assert [label for label, _ in ours] == [label for label, _ in theirs]
    assert np.allclose([s for _, s in ours], [s for _, s in theirs], atol=1e-4)
    assert ours[-1][0] == "180"

    rec = ppocr.Recognizer(ppocr.session(MODELS / ocr._REC_MODEL, 1, arena=True))
    theirs_rec = rapid._load_rec_model()
    assert rec.alphabet == theirs_rec.postprocess_op.character
    probs, width = rec(crops)
    ratio = max([1.0] + [c.shape[1] / c.shape[0] for c in crops])
    batch = np.stack([theirs_rec.resize_norm_img(c, ratio) for c in crops]).astype(np.float32)
    assert width == batch.shape[3]
    assert np.allclose(probs, theirs_rec.session(batch), atol=1e-4)
