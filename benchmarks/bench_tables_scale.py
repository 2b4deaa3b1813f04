"""How table reading scales with a page's size: dense pages of figures, same run.

    python benchmarks/bench_tables_scale.py [--rows 25,50,100,200] [--cols 25] [--repeat 3]

Each page is one table (a label column and ``--cols`` right-aligned figure columns, 6 pt type on
an A2 page) drawn with PyMuPDF, read with ``docextract.tables.extract_pdf_tables`` (text layer).
Prints seconds per page and per cell (the best of ``--repeat``) and the ratio of the largest
page's time per cell to the smallest's: near 1 when the work grows with the cells, far above
it where it grows faster (a page of 4,000 cells once took 6 s in the column finder alone).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docextract.sources.mupdf import pymupdf  # noqa: E402
from docextract.tables import extract_pdf_tables  # noqa: E402


def dense_page(doc: pymupdf.Document, rows: int, cols: int, seed: int) -> pymupdf.Page:
    rng = random.Random(seed)
    page = doc.new_page(width=1190, height=max(400, 60 + rows * 10.5))
    y = 40.0
    for r in range(rows):
        page.insert_text((30, y), f"Row label {r}", fontsize=6)
        for c in range(cols):
            s = f"{rng.randint(0, 99999):,}"
            page.insert_text((170 + c * 40 - pymupdf.get_text_length(s, fontsize=6), y), s, fontsize=6)
        y += 10.5
    return page


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="25,50,100,200")
    ap.add_argument("--cols", type=int, default=25)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    sizes = [int(n) for n in args.rows.split(",")]
    doc = pymupdf.open()
    per_cell = {}
    print(f"{'rows':>6} {'cells':>7} {'s/page':>8} {'us/cell':>8}  table read")
    for n in sizes:
        page = dense_page(doc, n, args.cols, n)
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            tables = extract_pdf_tables(page, 1)
            best = min(best, time.perf_counter() - t0)
        cells = n * (args.cols + 1)
        per_cell[n] = best / cells
        shape = f"{len(tables[0].rows)} x {len(tables[0].rows[0])}" if tables and tables[0].rows else "none"
        print(f"{n:>6} {cells:>7} {best:>8.3f} {1e6 * per_cell[n]:>8.1f}  {shape}")
    print(f"time per cell, {sizes[-1]} rows against {sizes[0]}: {per_cell[sizes[-1]] / per_cell[sizes[0]]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
