"""Image helpers shared by the sources and the OCR."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image


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
