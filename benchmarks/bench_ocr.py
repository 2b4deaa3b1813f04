"""OCR benchmark on SROIE receipts: line-level character error rate and seconds per receipt.

Usage::

    python benchmarks/bench_ocr.py [--split tune,check] [--limit N] [--skip N] [--threads T] [--data DIR] \\
        [--no-rotation] [--set det_megapixels=0.35 ...] [-v]

``--split`` reads the receipts of those parts of ``DIR/split.json`` (develop on ``tune``, report
``check``) and prints their figures side by side; ``--split ''`` reads every receipt as one set.

Data: ``DIR/images/ID.jpg`` with ``DIR/ocr/ID.txt`` line ground truth, one line per text box:
``x1,y1,x2,y2,x3,y3,x4,y4,TEXT``. The eval data is read in place, never copied into the repo.

How lines are matched (CER): SROIE's line boxes and the OCR's line boxes do not split text the
same way (one GT box "TOTAL 12.00" may be two OCR boxes, or two GT boxes one OCR box). So boxes
are grouped: a predicted and a GT box are linked when their intersection covers at least half of
the smaller of the two; each connected group of linked boxes is compared as one string (each
side's texts in reading order: top to bottom by row, then left to right). Unlinked GT boxes count
as deleted, unlinked predicted boxes as inserted. Whitespace is dropped (spacing is inconsistent
in SROIE's ground truth), text is NFKC-normalized and compared upper case (SROIE's GT is all upper
case, the receipts are not). CER = total edit distance / total GT characters.

Timing: wall-clock seconds of ``OcrReader.read`` per receipt after one warm-up image (model
loading excluded), plus the CPU seconds of the process (robust to other load on the machine).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

Box = tuple[float, float, float, float]
DEFAULT_DATA = Path("/work/shared/eval/sroie")


@dataclass
class Line:
    text: str
    box: Box


def load_gt(path: Path) -> list[Line]:
    """SROIE line ground truth: 8 coordinates then the text (which may contain commas)."""
    lines = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = raw.split(",", 8)
        if len(parts) < 9 or not parts[8].strip():
            continue
        xs = [float(v) for v in parts[0:8:2]]
        ys = [float(v) for v in parts[1:8:2]]
        lines.append(Line(parts[8], (min(xs), min(ys), max(xs), max(ys))))
    return lines


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (two-row dynamic programming)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _linked(a: Box, b: Box, min_cover: float = 0.5) -> bool:
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return False
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return iw * ih >= min_cover * max(smaller, 1e-6)


def _reading_order(lines: list[Line]) -> str:
    """Texts of a group top to bottom (rows = boxes whose centres are within half a height)."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
        cy = (line.box[1] + line.box[3]) / 2
        if rows:
            last = rows[-1][-1]
            if abs(cy - (last.box[1] + last.box[3]) / 2) < 0.5 * (last.box[3] - last.box[1]):
                rows[-1].append(line)
                continue
        rows.append([line])
    return "".join(ln.text for row in rows for ln in sorted(row, key=lambda ln: ln.box[0]))


def _normalize(text: str) -> str:
    # SROIE's ground truth is upper case throughout; NFKC folds full-width punctuation ("：").
    return "".join(unicodedata.normalize("NFKC", text).upper().split())


def line_errors(pred: list[Line], gt: list[Line]) -> tuple[int, int]:
    """(edit distance, GT characters) of one page, by linked groups of boxes (module docstring)."""
    nodes = [("g", i) for i in range(len(gt))] + [("p", i) for i in range(len(pred))]
    parent = {n: n for n in nodes}

    def find(n: tuple[str, int]) -> tuple[str, int]:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for gi, g in enumerate(gt):
        for pi, p in enumerate(pred):
            if _linked(g.box, p.box):
                parent[find(("g", gi))] = find(("p", pi))
    groups: dict[tuple[str, int], tuple[list[Line], list[Line]]] = {}
    for kind, i in nodes:
        g_list, p_list = groups.setdefault(find((kind, i)), ([], []))
        (g_list if kind == "g" else p_list).append(gt[i] if kind == "g" else pred[i])
    errors = chars = 0
    for g_list, p_list in groups.values():
        g_text, p_text = _normalize(_reading_order(g_list)), _normalize(_reading_order(p_list))
        errors += edit_distance(g_text, p_text)
        chars += len(g_text)
    return errors, chars


def _parts(data: Path, split: str) -> dict[str, list[str]] | None:
    """Receipt ids with an image and ground truth, by part of ``split.json`` (or all as one part)."""
    have = {p.stem for p in (data / "images").glob("*.jpg") if (data / "ocr" / f"{p.stem}.txt").exists()}
    names = [x for x in split.split(",") if x]
    if not names:
        return {"all": sorted(have)}
    path = data / "split.json"
    if not path.exists():
        print(f"no {path}: use --split ''", file=sys.stderr)
        return None
    table = json.loads(path.read_text())
    unknown = [n for n in names if not isinstance(table.get(n), list)]
    if unknown:
        print(f"{path} has no part {', '.join(unknown)}", file=sys.stderr)
        return None
    return {n: [i for i in table[n] if i in have] for n in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="tune,check", help="parts of split.json, side by side ('' = all receipts)")
    parser.add_argument("--limit", type=int, default=0, help="first N receipts of each part (0 = all)")
    parser.add_argument("--skip", type=int, default=0, help="skip the first N receipts of each part")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--no-rotation", action="store_true", help="read with detect_rotation=False")
    parser.add_argument("--verbose", "-v", action="store_true", help="one row per receipt")
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="an OcrReader setting, e.g. det_megapixels=0.35"
    )
    args = parser.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from PIL import Image

    from docextract.ocr import OcrReader

    parts = _parts(args.data, args.split)
    if parts is None:
        return 1
    parts = {name: ids[args.skip :][: args.limit or None] for name, ids in parts.items()}
    if not any(parts.values()):
        print(f"no images with ground truth under {args.data}", file=sys.stderr)
        return 1

    settings = {k: ast.literal_eval(v) for k, v in (kv.split("=", 1) for kv in args.set)}  # 0.35, 2, False
    reader = OcrReader(threads=args.threads, **settings)
    first = next(ids[0] for ids in parts.values() if ids)
    with Image.open(args.data / "images" / f"{first}.jpg") as im:  # warm-up: model loading is not per-receipt cost
        reader.read(im.convert("RGB"), detect_rotation=not args.no_rotation)

    if args.verbose:
        print(f"{'part':<6} {'receipt':<16} {'size':>11} {'lines':>5} {'CER':>6} {'s':>6}")
    totals: dict[str, list[float]] = {}
    for name, ids in parts.items():
        total = totals.setdefault(name, [0, 0, 0.0, 0.0, 0])  # errors, GT chars, wall s, cpu s, receipts
        for stem in ids:
            with Image.open(args.data / "images" / f"{stem}.jpg") as im:
                im.load()
                t0, c0 = time.perf_counter(), time.process_time()
                res = reader.read(im, detect_rotation=not args.no_rotation)
                dt, dc = time.perf_counter() - t0, time.process_time() - c0
            pred = [Line(w.text, res.to_original(w.bbox)) for w in res.words]
            err, chars = line_errors(pred, load_gt(args.data / "ocr" / f"{stem}.txt"))
            for i, v in enumerate((err, chars, dt, dc, 1)):
                total[i] += v
            if args.verbose:
                size = f"{im.width}x{im.height}"
                print(f"{name:<6} {stem:<16} {size:>11} {len(pred):>5} {err / max(chars, 1):6.3f} {dt:6.2f}")
    print(f"\n{'part':<6} {'receipts':>8} {'threads':>7} {'CER':>6} {'s/receipt':>9} {'cpu s/receipt':>13}")
    for name, (err, chars, wall, cpu, n) in totals.items():
        n = max(int(n), 1)
        print(f"{name:<6} {n:>8} {reader.threads:>7} {err / max(chars, 1):6.4f} {wall / n:9.3f} {cpu / n:13.3f}")
    print(f"settings: {reader.settings()}  cpus={sorted(os.sched_getaffinity(0))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
