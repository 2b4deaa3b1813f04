"""Peak memory of extracting a long PDF vs a short one: pages stream, so it should barely grow.

Usage::

    python benchmarks/bench_memory.py [--pages 200] [--ocr-pages 20] [--dpi 200]

Each measurement runs in a fresh child process that imports docextract, loads the engine, records
its resident set size (the baseline), extracts the document and reports ``ru_maxrss`` (peak RSS)
from ``resource.getrusage``. Documents are generated on the spot (A4 pages):

- ``text``: invoice pages with a text layer. The reader reads the words and never rasterizes.
- ``scan``: the same invoice as a 150-dpi JPEG on each page, no text layer, so every page is
  rasterized at ``--dpi`` (200 dpi A4 = 1654x2339 RGB, 11.6 MB per page: 200 pages held at once
  would be 2.3 GB). Measured twice: with ``raster`` (an engine that only takes the page image, to
  show the pipeline's own footprint without OCR cost) and with the real ``reader`` (OCR), for a
  smaller page count because OCR of an A4 page takes seconds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from docextract.engines.base import Engine
from docextract.types import EngineOutput


class RasterEngine(Engine):
    name = "raster"
    structured = True
    vision = False
    tile_size = None

    def generate(self, request):
        pixels = sum(im.width * im.height for im in request.images)
        return EngineOutput(text="", data={"merchant_name": f"{pixels} px"})


def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


path, engine_name, dpi = sys.argv[1], sys.argv[2], float(sys.argv[3])
import docextract
from docextract.engines import get_engine
engine = RasterEngine() if engine_name == "raster" else get_engine(engine_name)
engine.load()
import pymupdf, PIL.Image  # noqa: F401  (loaded by the first page anyway; part of the baseline)
baseline = rss_mb()
started = time.perf_counter()
result = docextract.extract(path, schema="invoice", engine=engine, dpi=dpi)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"pages": len(result.pages), "baseline_mb": baseline, "peak_mb": peak, "seconds": seconds,
                  "status": result.status.value}))
"""


def text_pdf(path: Path, pages: int) -> None:
    """``pages`` copies of the generated invoice (with its text layer)."""
    import pymupdf

    from docextract.testing.documents import invoice_pdf

    src = pymupdf.open(stream=invoice_pdf(), filetype="pdf")
    doc = pymupdf.open()
    for _ in range(pages):
        doc.insert_pdf(src)
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    src.close()


def scan_pdf(path: Path, pages: int) -> None:
    """``pages`` A4 pages each holding a 150-dpi JPEG of the invoice and no text layer."""
    import io

    import pymupdf

    from docextract.testing.documents import degrade, invoice_pdf, render_pdf

    buf = io.BytesIO()
    degrade(render_pdf(invoice_pdf(), dpi=150), margin=0, noise=4.0, blur=0.4).save(buf, "JPEG", quality=75)
    jpeg = buf.getvalue()
    doc = pymupdf.open()
    xref = 0
    for _ in range(pages):
        page = doc.new_page(width=595, height=842)
        if xref:
            page.insert_image(page.rect, xref=xref)
        else:
            xref = page.insert_image(page.rect, stream=jpeg)
    doc.save(path, garbage=3, deflate=True)
    doc.close()


def measure(path: Path, engine: str, dpi: float) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), engine, str(dpi)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"measurement failed for {path.name} ({engine}):\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="pages of the long document (text and raster runs)")
    parser.add_argument("--ocr-pages", type=int, default=20, help="pages of the long document for the OCR run")
    parser.add_argument("--short", type=int, default=2, help="pages of the short document")
    parser.add_argument("--dpi", type=float, default=200)
    args = parser.parse_args()

    runs = [
        ("text layer", "text", "reader", args.short), ("text layer", "text", "reader", args.pages),
        ("scan, no text", "scan", "raster", args.short), ("scan, no text", "scan", "raster", args.pages),
        ("scan, no text", "scan", "reader", args.short), ("scan, no text", "scan", "reader", args.ocr_pages),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind, maker, engine, pages in runs:
            path = Path(tmp) / f"{maker}-{pages}.pdf"
            if not path.exists():
                (text_pdf if maker == "text" else scan_pdf)(path, pages)
            started = time.perf_counter()
            result = measure(path, engine, args.dpi)
            rows.append((kind, engine + (" (OCR)" if engine == "reader" and maker == "scan" else ""), pages,
                         path.stat().st_size / 1e6, result, time.perf_counter() - started))
            print(f"  measured {path.name} with {engine}: peak {result['peak_mb']:.0f} MB", file=sys.stderr)

    print(f"\nPeak RSS, one fresh process per row, {args.dpi:g} dpi, A4 pages\n")
    print("| document | engine | pages | file MB | RSS after load MB | peak RSS MB | growth MB | s/page |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for kind, engine, pages, size, r, _ in rows:
        growth = r["peak_mb"] - r["baseline_mb"]
        print(f"| {kind} | {engine} | {pages} | {size:.1f} | {r['baseline_mb']:.0f} | {r['peak_mb']:.0f} | "
              f"{growth:.0f} | {r['seconds'] / max(1, r['pages']):.3f} |")


if __name__ == "__main__":
    main()
