"""Import pymupdf without the extras it switches on by itself.

pymupdf >= 2.0 imports ``pymupdf.layout`` when installed, which loads an ONNX layout model at import
(seconds, hundreds of MB per process, and onnxruntime's telemetry). docextract does not use it, so
it is kept out; and pymupdf's table finder would otherwise *print* (to stdout, which carries our
data) a suggestion to install it. Every docextract module imports pymupdf from here.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PYMUPDF_SUGGEST_LAYOUT_ANALYZER", "0")
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
if "pymupdf" not in sys.modules:
    sys.modules.setdefault("pymupdf.layout", None)  # type: ignore[arg-type]  # import fails → pymupdf skips it

import pymupdf  # noqa: E402

__all__ = ["pymupdf"]
