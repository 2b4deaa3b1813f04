"""Open documents and produce their pages lazily.

PDFs go through pymupdf (rasterized at a chosen DPI, text layer kept as words); images through
Pillow (EXIF orientation applied, every frame of a multi-frame TIFF is a page). Every way a file can
be unreadable becomes an :class:`~docextract.errors.InputError` that names the file and the fix.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docextract.errors import InputError, UsageError
from docextract.names import printable
from docextract.sources.images import check_size
from docextract.types import Page

if TYPE_CHECKING:
    from PIL import Image

DEFAULT_DPI = 200
DEFAULT_MAX_PIXELS = 200_000_000  # per page/frame; a decompression bomb is refused before decoding
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".gif"}
PDF_SUFFIXES = {".pdf"}

_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "image"),  # JPEG
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"II*\x00", "image"),  # TIFF little-endian
    (b"MM\x00*", "image"),  # TIFF big-endian
    (b"BM", "image"),
    (b"GIF8", "image"),
]


def sniff(head: bytes) -> str | None:
    """``"pdf"``, ``"image"`` or ``None`` from a file's first bytes."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    # Some PDF writers put junk (BOM, whitespace, mail headers) before the header.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def parse_pages(spec: str | None, count: int) -> list[int]:
    """Parse a 1-based page range like ``"1-3,7"`` or ``"5-"`` into sorted page numbers."""
    if spec is None or spec.strip() in ("", "all"):
        return list(range(1, count + 1))
    pages: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        m = re.fullmatch(r"(\d+)?\s*(-)?\s*(\d+)?", part)
        if not part or m is None or (m.group(1) is None and m.group(3) is None):
            raise UsageError(f"invalid page range {spec!r}: use numbers and ranges like 1-3,7 (1-based)")
        first = int(m.group(1)) if m.group(1) else 1
        last = (int(m.group(3)) if m.group(3) else count) if m.group(2) else first
        if first < 1 or last < first:
            raise UsageError(f"invalid page range {part!r}: pages are 1-based and ranges go up (3-5)")
        if first > count:
            raise UsageError(f"page {first} is out of range: the document has {count} page(s)")
        pages.update(range(first, min(last, count) + 1))
    return sorted(pages)


@dataclass
class Document:
    """An opened document. Iterate :meth:`pages`; close when done (or use ``with``)."""

    path: Path | None
    kind: str  # "pdf" or "image"
    page_count: int
    data: bytes = field(repr=False)
    _handle: Any = field(default=None, repr=False)
    max_pixels: int = DEFAULT_MAX_PIXELS
    label: str | None = None  # what messages call a document read from bytes (its file's name)

    @property
    def name(self) -> str:
        return self.label or (printable(self.path) if self.path else "<bytes>")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def pages(self, pages: str | list[int] | None = None, dpi: float = DEFAULT_DPI) -> Iterator[Page]:
        """Yield the selected pages (1-based numbers), one at a time."""
        numbers = pages if isinstance(pages, list) else parse_pages(pages, self.page_count)
        for n in numbers:
            yield self.page(n, dpi)

    def page(self, page_no: int, dpi: float = DEFAULT_DPI) -> Page:
        """One page (1-based); :class:`InputError` if that page alone is damaged."""
        if not 1 <= page_no <= self.page_count:
            raise UsageError(f"page {page_no} is out of range: {self.name} has {self.page_count} page(s)")
        return self._pdf_page(page_no, dpi) if self.kind == "pdf" else self._image_page(page_no)

    def _pdf_page(self, page_no: int, dpi: float) -> Page:
        from docextract.sources import pdf as _pdf

        return _pdf.make_page(self._handle, page_no, dpi, self.name, self.max_pixels)

    def _image_page(self, page_no: int) -> Page:
        img = self._handle
        try:
            img.seek(page_no - 1)
        except EOFError:  # pragma: no cover - page_count came from n_frames
            raise InputError(f"{self.name}: frame {page_no} is missing", path=self.path) from None
        except Exception as exc:  # a frame over Pillow's own size limit, a damaged frame
            raise InputError(f"{self.name}: frame {page_no} cannot be read ({type(exc).__name__}: {exc})", path=self.path) from None
        check_size(img.width, img.height, self.name, self.max_pixels, f" frame {page_no}")
        image = _load_frame(img, self.name)
        dpi = _image_dpi(img)
        return Page(page_no, image.width, image.height, dpi, render=lambda: image, _image=image)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def source_name(source: Any) -> str:
    """How a source is named in results and messages: its path, ``<bytes>`` or ``<image>``."""
    if isinstance(source, (bytes, bytearray)):
        return "<bytes>"
    if isinstance(source, (str, os.PathLike)):
        return printable(source)
    return "<image>" if _is_pil_image(source) else repr(source)[:80]


def open_document(
    source: str | os.PathLike[str] | bytes | Image.Image,
    *,
    password: str | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    name: str | None = None,
) -> Document:
    """Open a PDF or image from a path, bytes or a PIL image; raise :class:`InputError` with a fix if
    it can't be read. A PIL image is read as a lossless PNG of itself (a notebook's or a video's frame).
    ``name`` is what messages call the document (default: its path, or ``<bytes>``)."""
    if _is_pil_image(source):
        check_size(source.width, source.height, "<image>", max_pixels)  # type: ignore[union-attr]
        source = _png_bytes(source)  # type: ignore[arg-type]
    elif isinstance(source, bytearray):
        source = bytes(source)
    elif not isinstance(source, (bytes, str, os.PathLike)):
        raise InputError(
            f"cannot read a {type(source).__name__}: pass a file path, the file's bytes or a PIL image"
        )
    path = None if isinstance(source, bytes) else Path(os.fsdecode(source))
    data = source if isinstance(source, bytes) else _read(path)  # type: ignore[arg-type]
    name = name or (printable(path) if path else "<bytes>")
    if not data:
        raise InputError(f"{name} is empty (0 bytes); check that the file was fully copied or downloaded", path=path)
    kind = sniff(data[:2048])
    if kind is None:
        raise InputError(_unsupported_message(name, path, data), path=path)
    if kind == "pdf":
        from docextract.sources import pdf as _pdf

        handle, count = _pdf.open_pdf(data, name, password)
        return Document(path, "pdf", count, data, handle, max_pixels, name)
    handle, count = _open_image(data, name, max_pixels)
    return Document(path, "image", count, data, handle, max_pixels, name)


def _is_pil_image(obj: Any) -> bool:
    module = type(obj).__module__ or ""
    return module.startswith("PIL.") and hasattr(obj, "save") and hasattr(obj, "mode")


def _png_bytes(image: Image.Image) -> bytes:
    import io

    buf = io.BytesIO()
    try:
        image.save(buf, format="PNG")
    except (OSError, ValueError) as exc:  # modes PNG cannot hold (CMYK, float): as 8-bit RGB
        from docextract.sources.images import to_rgb

        buf = io.BytesIO()
        try:
            to_rgb(image).save(buf, format="PNG")
        except (OSError, ValueError):
            raise InputError(f"cannot read this {image.mode} image: {exc}") from None
    return buf.getvalue()


def _read(path: Path) -> bytes:
    name = printable(path)
    if path.is_dir():
        raise InputError(f"{name} is a directory, not a file; use `docextract batch {name}` for folders", path=path)
    if path.exists() and not path.is_file():
        raise InputError(f"{name} is not a regular file (a pipe, socket or device); copy the document to a file", path=path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name} does not exist; check the path", path=path) from None
    except PermissionError:
        raise InputError(f"{name} cannot be read (permission denied); check its permissions", path=path) from None
    except OSError as exc:
        raise InputError(f"{name} cannot be read: {exc.strerror or exc}", path=path) from None


def _unsupported_message(name: str, path: Path | None, data: bytes) -> str:
    suffix = path.suffix.lower() if path else ""
    if suffix in PDF_SUFFIXES:
        return f"{name} is named .pdf but is not a PDF (it does not start with %PDF-); it may be corrupt or mislabelled"
    if suffix in IMAGE_SUFFIXES:
        return f"{name} is named {suffix} but is not an image docextract can read; it may be corrupt or mislabelled"
    looks_text = all(32 <= b < 127 or b in b"\r\n\t" for b in data[:512])
    what = "a text file" if looks_text else "an unsupported format"
    return f"{name} is {what}; docextract reads PDF, JPEG, PNG, TIFF, WebP, BMP and GIF"


def _open_image(data: bytes, name: str, max_pixels: int) -> tuple[Image.Image, int]:
    import io
    import warnings

    from PIL import Image

    # Pillow's own bomb check reads a process-wide limit; docextract leaves it as the caller set it
    # and checks the header's size against max_pixels itself.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        img = _open_unchecked(data, name)
    except Exception as exc:  # Pillow raises many types for broken files
        # Pillow's messages may name its file object ("<_io.BytesIO object at 0x...>"), which is
        # ours, not the user's: dropped
        detail = re.sub(r"\s*<[^<>]*\bat 0x[0-9a-fA-F]+>", "", str(exc)).strip()
        raise InputError(f"{name} is not a readable image ({detail or type(exc).__name__}); it may be damaged or cut short",
                         path=name) from None
    try:
        check_size(img.width, img.height, name, max_pixels)
    except InputError:
        img.close()
        raise
    return img, max(1, getattr(img, "n_frames", 1))


def _open_unchecked(data: bytes, name: str) -> Image.Image:
    """Open an image whose header Pillow's process-wide limit refused: its size is checked against
    ``max_pixels`` next, so a file over that limit is still refused before it is decoded."""
    import io

    from PIL import Image

    Image.init()
    for fmt in Image.ID:
        factory, accept = Image.OPEN[fmt]
        try:
            if accept is None or accept(data[:16]) is True:
                return factory(io.BytesIO(data), "")  # type: ignore[no-any-return]
        except (SyntaxError, IndexError, TypeError, ValueError, OSError):
            continue
    raise InputError(f"{name} is not a readable image", path=name)


def _load_frame(img: Image.Image, name: str) -> Image.Image:
    from PIL import ImageOps

    from docextract.sources.images import to_rgb

    try:
        return to_rgb(ImageOps.exif_transpose(img))
    except Exception as exc:  # truncated data surfaces only when pixels are decoded
        raise InputError(f"{name} is truncated or corrupt ({type(exc).__name__}: {exc})", path=name) from None


def _image_dpi(img: Image.Image) -> float:
    dpi = img.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50 <= value <= 2400 else 0.0  # 0: unknown (most phone photos)
