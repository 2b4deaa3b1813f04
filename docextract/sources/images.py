"""Image helpers shared by the sources and the OCR."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docextract.errors import InputError

if TYPE_CHECKING:
    from PIL import Image


MAX_ASPECT = 100
"""Longest side over shortest side of a page. Past this an image is a strip, not a document, and
the scaling that tiling and OCR apply to fit it would multiply its pixels."""


def check_size(width: int, height: int, name: str, max_pixels: int, what: str = "", fix: str = "") -> None:
    """:class:`InputError` before decoding or rendering when a page would be too big or too thin."""
    if width * height > max_pixels:
        raise InputError(
            f"{name}{what} is {width}x{height} pixels, over the limit of {max_pixels:,}; "
            f"{fix or 'if the file is trusted, raise it with --max-pixels'}",
            path=name,
        )
    if min(width, height) > 0 and max(width, height) / min(width, height) > MAX_ASPECT:
        raise InputError(
            f"{name}{what} is {width}x{height} pixels, more than {MAX_ASPECT} times as long as it is wide; "
            "crop it into pages a document reader can take",
            path=name,
        )


def to_rgb(image: Image.Image) -> Image.Image:
    """8-bit RGB: transparency over white, 16-bit/32-bit/float gray stretched to 0-255."""
    import numpy as np
    from PIL import Image as PILImage

    mode = image.mode
    if mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        a = np.asarray(image, dtype=np.float32)
        lo, hi = float(a.min()), float(a.max())
        a = (a - lo) * (255.0 / (hi - lo)) if hi > lo else np.full_like(a, 255.0)
        return PILImage.fromarray(a.astype(np.uint8), "L").convert("RGB")
    if mode in ("RGBA", "LA", "PA", "La", "RGBa") or (mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = PILImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        return PILImage.alpha_composite(white, rgba).convert("RGB")
    return image if mode == "RGB" else image.convert("RGB")
