import math

import pytest
from PIL import Image

from docextract.errors import UsageError
from docextract.pipeline.tiling import (
    TileSpec,
    axis_starts,
    estimate_text_height,
    grid,
    parse_tiles_option,
    plan_tiles,
    tile_page,
)
from docextract.types import Page, Word


def covered(boxes, w, h, step=13):
    """Every sampled point of the page lies in some tile."""
    for x in range(0, w, step):
        for y in range(0, h, step):
            if not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes):
                return False
    return True


@pytest.mark.parametrize("w,h,text", [(1700, 2200, 25), (800, 4000, 20), (2480, 3508, 40), (1000, 333, 12), (5000, 600, 30)])
@pytest.mark.parametrize("size,overlap", [(336, 0.15), (448, 0.15), (336, 0.3), (224, 0.0)])
def test_tiles_cover_page_overlap_and_stay_inside(w, h, text, size, overlap):
    spec = TileSpec(size, overlap)
    scale, boxes = plan_tiles(w, h, spec, text_px=text)
    assert covered(boxes, w, h)
    for x0, y0, x1, y1 in boxes:
        assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h
        # a tile never exceeds the encoder size once scaled
        assert (x1 - x0) * scale <= size + 1e-6 and (y1 - y0) * scale <= size + 1e-6
    # neighbours overlap by at least the requested fraction of the tile
    xs = sorted({b[0] for b in boxes})
    window = size / scale
    for a, b in zip(xs, xs[1:]):
        assert a + window - b >= overlap * window - 1e-6
    # legibility: text at least ~15 px after scaling, unless the tile budget forced it down
    assert text * scale >= min(15, text) - 1e-6 or len(boxes) > 40


def test_tile_count_as_expected():
    # 1700x2200 page, text 25 px -> scale 0.6 -> 1020x1320 canvas in 336 tiles with 15% overlap
    scale, boxes = plan_tiles(1700, 2200, TileSpec(336), text_px=25)
    assert scale == pytest.approx(0.6)
    step = 336 - 0.15 * 336
    nx = math.ceil((1020 - 0.15 * 336) / step)
    ny = math.ceil((1320 - 0.15 * 336) / step)
    assert len(boxes) == nx * ny == 20


def test_small_image_is_one_tile_and_never_upscaled():
    scale, boxes = plan_tiles(300, 200, TileSpec(336), text_px=12)
    assert boxes == [(0.0, 0.0, 300.0, 200.0)] and scale == 1.0


def test_big_text_page_fits_one_tile():
    scale, boxes = plan_tiles(1000, 800, TileSpec(448), text_px=200)
    assert len(boxes) == 1 and scale == pytest.approx(0.448)


def test_tiles_off_and_budget():
    scale, boxes = plan_tiles(1700, 2200, TileSpec(336, mode="off"), text_px=25)
    assert len(boxes) == 1 and scale == pytest.approx(336 / 2200)
    scale, boxes = plan_tiles(1700, 2200, TileSpec(336, mode=4), text_px=25)
    assert len(boxes) <= 4
    assert covered(boxes, 1700, 2200)


def test_axis_starts_even_spread():
    starts = axis_starts(1000, 300, 45)
    assert starts[0] == 0 and starts[-1] == pytest.approx(700)
    gaps = {round(b - a, 6) for a, b in zip(starts, starts[1:])}
    assert len(gaps) == 1 and 300 - gaps.pop() >= 45
    assert grid(100, 100, 300, 0.15) == [(0, 0, 100, 100)]


def test_parse_tiles_option_and_spec_validation():
    assert parse_tiles_option("AUTO") == "auto" and parse_tiles_option("off") == "off" and parse_tiles_option("6") == 6
    for bad in ("0", "-1", "many"):
        with pytest.raises(UsageError):
            parse_tiles_option(bad)
    with pytest.raises(UsageError):
        TileSpec(336, overlap=0.7)


def test_tile_page_crops_scale_and_words():
    img = Image.new("RGB", (1200, 1600), "white")
    words = [Word("TOTAL", 100, 1500, 200, 1530), Word("HEAD", 10, 10, 60, 40)]
    page = Page(1, 1200, 1600, 200, render=lambda: img, words=words)
    tiles = tile_page(page, TileSpec(336))
    assert len(tiles) > 1
    for t in tiles:
        assert max(t.image.size) <= 336
        assert t.image.size == (round((t.bbox[2] - t.bbox[0]) * t.scale), round((t.bbox[3] - t.bbox[1]) * t.scale))
    total_tiles = [t for t in tiles if any(w.text == "TOTAL" for w in t.words or [])]
    assert total_tiles
    t = total_tiles[0]
    w = next(w for w in t.words if w.text == "TOTAL")
    assert t.to_page(w.bbox) == pytest.approx((100, 1500, 200, 1530))


def test_estimate_text_height_of_rendered_text():
    from docextract.testing.documents import receipt_pdf, render_pdf

    img = render_pdf(receipt_pdf(), dpi=200)
    h = estimate_text_height(img)
    # 9 pt Courier at 200 dpi: cap height ~ 9 * 0.6 / 72 * 200 = 15 px; accept a broad band
    assert h is not None and 8 < h < 30
    assert estimate_text_height(Image.new("RGB", (500, 500), "white")) is None
