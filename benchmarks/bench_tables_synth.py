"""docextract's tables on generated statistical tables (docextract.testing.tables), scored as
bench_tables scores ICDAR 2013: adjacency F1, rows and columns right.

A development set with no end: layouts drawn at random (rules, header tiers, wrapped and
indented labels, row spacing; on one page in four a second table), so a rule tuned here has
to hold for the kind, not for a table. Tables are counted one by one (rows, cols), F1 by page.

    .venv/bin/python benchmarks/bench_tables_synth.py [--n 200] [--detail] [--save SEED]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_tables import Result, clean, relations  # noqa: E402


def run(seed: int, res: Result, by_style: dict[str, Result], detail: bool) -> None:
    from docextract.sources.mupdf import pymupdf
    from docextract.tables import extract_pdf_tables
    from docextract.testing.tables import random_layout, random_page_pdf

    data, wants = random_page_pdf(seed)
    lay = random_layout(seed)
    style = f"{lay.kind}/{lay.style}" + ("+2" if len(wants) > 1 else "")
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        tables = extract_pdf_tables(doc[0], 1)
    grids = [([t.columns] if t.columns else []) + [list(r) for r in t.rows] for t in tables]
    gold: Counter = Counter()
    for want in wants:
        gold += relations(want)
    pred: Counter = Counter()
    for g in grids:
        pred += relations(g)
    all_ok = True
    for want in wants:
        best = max(grids, key=lambda g: sum((relations(g) & relations(want)).values()), default=[])
        g, b = clean(want), clean(best)
        rows_ok = len(g) == len(b)
        cols_ok = bool(b) and len(g[0]) == len(b[0])
        all_ok = all_ok and rows_ok and cols_ok
        for r in (res, by_style.setdefault(style, Result())):
            r.tables += 1
            r.rows_ok += rows_ok
            r.cols_ok += cols_ok
    for r in (res, by_style[style]):
        r.rel.add(gold, pred)
    if detail and not (all_ok and pred == gold):
        print(f"seed {seed} ({style}): {len(grids)} tables (want {len(wants)}), rows {[len(g) for g in grids]} "
              f"(want {[len(clean(w)) for w in wants]})")  # fmt: skip
        for k in sorted((gold - pred).elements())[:8]:
            print(f"    missing {k}")
        for k in sorted((pred - gold).elements())[:8]:
            print(f"    extra   {k}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--detail", action="store_true")
    ap.add_argument("--save", type=int, help="write this seed's PDF to synth-SEED.pdf and print its grid")
    args = ap.parse_args()
    if args.save is not None:
        from docextract.testing.tables import random_page_pdf

        data, wants = random_page_pdf(args.save)
        Path(f"synth-{args.save}.pdf").write_bytes(data)
        for want in wants:
            for row in want:
                print(row)
            print()
        return 0
    res = Result()
    by_style: dict[str, Result] = {}
    for seed in range(args.first, args.first + args.n):
        run(seed, res, by_style, args.detail)
    for name, r in [("all", res), *sorted(by_style.items())]:
        print(f"{name:<17} F1 {r.rel.f1:.3f}  rows {r.rows_ok}/{r.tables} ({100 * r.rows_ok / r.tables:.0f}%)  "
              f"cols {r.cols_ok}/{r.tables}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
