"""Table extraction benchmark: docextract against camelot (lattice, stream) and pdfplumber.

Data: ``../shared/eval/tables`` (never copied into the repository):

* ``icdar2013/``: born-digital PDFs, one ``*.tN.rM.pP.csv`` per table region (page P), spanning text
  in the start cell. The whole document is labelled, so tables found on other pages count as
  false positives.
* ``camelot/`` and ``tabula_java/``: expected CSVs from those projects' test suites (``cases.json``).
  Their cell conventions follow the tool that produced them, so the score is lenient by nature.

Measures (for each tool, every tool run on the same files in the same run):

* **F1** (primary): ICDAR-2013-style adjacency relations. For every non-empty cell of a grid we
  take its nearest non-empty neighbour to the right (same row) and below (same column) and form
  ``(text, neighbour text, direction)``; texts are normalised (NFKC, lower case, dash variants to
  ``-``, all whitespace removed). Relations of all expected tables of a document (restricted to
  the scored pages) form one multiset, those of all predicted tables on the same pages another;
  true positives are their multiset intersection. Counts are summed over documents (micro F1).
  This rewards correct segmentation and placement, and does not collapse when a single spurious
  row or column shifts every index.
* **cellF1**: the same micro F1 on the bag of normalised non-empty cell texts (content and cell
  splitting, position-free).
* **rows/cols**: for every expected table, the predicted table on its page sharing most relations
  is its match; counts whether the match has the same number of rows (resp. columns) after
  dropping empty rows and columns on both sides.
* **seconds**: wall time of the tool over the whole set (open + extract).

``--tools docextract-ocr`` measures the scanned path on the same documents: each page that holds an
expected table is rendered at 150 dpi, OCR'd with :mod:`docextract.ocr` and passed to
``tables_from_words`` (only those pages are scored, so its precision ignores other pages). It is
slow on a small CPU and not in the default tool list.

Run::

    .venv/bin/python benchmarks/bench_tables.py [--tools docextract,camelot-lattice,...] [--sets icdar2013]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Grid = list[list[str]]
Predicted = dict[int, list[Grid]]  # page (1-based) -> grids found there

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "tables"
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2015\u30fc]")
_SPACE = re.compile(r"\s+")


@dataclass
class Doc:
    """One PDF with its expected tables on the pages that are scored."""

    set_name: str
    name: str
    pdf: Path
    pages: set[int]
    expected: list[tuple[int, Grid]] = field(default_factory=list)  # (page, grid)


# ---------------------------------------------------------------- scoring


def norm(text: str | None) -> str:
    """Normalise a cell for comparison: NFKC, lower case, dashes unified, whitespace removed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    return _SPACE.sub("", _DASHES.sub("-", text))


def clean(grid: Grid) -> Grid:
    """Normalised grid without empty rows and columns."""
    g = [[norm(c) for c in row] for row in grid]
    g = [row for row in g if any(row)]
    if not g:
        return []
    width = max(len(r) for r in g)
    g = [r + [""] * (width - len(r)) for r in g]
    keep = [j for j in range(width) if any(r[j] for r in g)]
    return [[r[j] for j in keep] for r in g]


def relations(grid: Grid) -> Counter[tuple[str, str, str]]:
    """Adjacency relations: each non-empty cell with its next non-empty cell right and below."""
    g = clean(grid)
    out: Counter[tuple[str, str, str]] = Counter()
    for i, row in enumerate(g):
        for j, text in enumerate(row):
            if not text:
                continue
            right = next((c for c in row[j + 1 :] if c), None)
            if right is not None:
                out[(text, right, "h")] += 1
            below = next((g[k][j] for k in range(i + 1, len(g)) if g[k][j]), None)
            if below is not None:
                out[(text, below, "v")] += 1
    return out


def cells(grid: Grid) -> Counter[str]:
    return Counter(c for row in clean(grid) for c in row if c)


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, gold: Counter, pred: Counter) -> None:
        self.tp += sum((gold & pred).values())
        self.pred += sum(pred.values())
        self.gold += sum(gold.values())

    @property
    def f1(self) -> float:
        return 2 * self.tp / (self.pred + self.gold) if self.pred + self.gold else 1.0


@dataclass
class Result:
    rel: Score = field(default_factory=Score)
    cell: Score = field(default_factory=Score)
    tables: int = 0
    rows_ok: int = 0
    cols_ok: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def score_doc(doc: Doc, pred: Predicted, res: Result) -> None:
    """Add one document's counts to ``res``."""
    gold_rel: Counter = Counter()
    gold_cell: Counter = Counter()
    for _, grid in doc.expected:
        gold_rel += relations(grid)
        gold_cell += cells(grid)
    pred_rel: Counter = Counter()
    pred_cell: Counter = Counter()
    for page in doc.pages:
        for grid in pred.get(page, []):
            pred_rel += relations(grid)
            pred_cell += cells(grid)
    res.rel.add(gold_rel, pred_rel)
    res.cell.add(gold_cell, pred_cell)
    for page, grid in doc.expected:
        res.tables += 1
        want = relations(grid)
        cands = pred.get(page, [])
        if not cands:
            continue
        best = max(cands, key=lambda g: sum((relations(g) & want).values()))
        if not sum((relations(best) & want).values()):
            continue
        g, b = clean(grid), clean(best)
        res.rows_ok += len(g) == len(b)
        res.cols_ok += (len(g[0]) if g else 0) == (len(b[0]) if b else 0)


# ---------------------------------------------------------------- data


def read_csv(path: Path) -> Grid:
    with path.open(newline="", encoding="utf-8") as f:
        return [list(r) for r in csv.reader(f)]


def load_icdar(root: Path) -> list[Doc]:
    docs = []
    for pdf in sorted(root.glob("*.pdf")):
        from docextract.sources.mupdf import pymupdf

        with pymupdf.open(pdf) as d:
            pages = set(range(1, d.page_count + 1))
        doc = Doc("icdar2013", pdf.stem, pdf, pages)
        for csv_path in sorted(root.glob(f"{pdf.stem}.t*.csv")):
            page = int(re.search(r"\.p(\d+)\.csv$", csv_path.name).group(1))  # type: ignore[union-attr]
            doc.expected.append((page, read_csv(csv_path)))
        docs.append(doc)
    return docs


def load_cases(root: Path, set_name: str) -> list[Doc]:
    """camelot/ and tabula_java/ cases, grouped by PDF; only page 1 is scored (all cases are there)."""
    by_pdf: dict[str, Doc] = {}
    for case in json.loads((root / "cases.json").read_text()):
        pdf = root / case["pdf"]
        doc = by_pdf.setdefault(case["pdf"], Doc(set_name, pdf.stem, pdf, {1}))
        doc.expected.append((1, read_csv(root / case["expected_csv"])))
    return list(by_pdf.values())


# ---------------------------------------------------------------- tools


def run_docextract(pdf: Path) -> Predicted:
    from docextract.sources.mupdf import pymupdf
    from docextract.tables import extract_pdf_tables

    out: Predicted = {}
    with pymupdf.open(pdf) as doc:
        for page in doc:
            n = page.number + 1
            out[n] = [table_grid(t) for t in extract_pdf_tables(page, n)]
    return out


def run_docextract_ocr(pdf: Path, pages: set[int] | None = None, dpi: int = 150) -> Predicted:
    """The scanned path: render each scored page, OCR it, tables from the OCR lines."""
    from PIL import Image

    from docextract.ocr import get_reader
    from docextract.sources.mupdf import pymupdf
    from docextract.tables import tables_from_words

    reader = get_reader()
    out: Predicted = {}
    with pymupdf.open(pdf) as doc:
        for page in doc:
            n = page.number + 1
            if pages is not None and n not in pages:
                continue
            pix = page.get_pixmap(dpi=dpi)
            image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            words = reader.read(image, detect_rotation=False).words
            out[n] = [table_grid(t) for t in tables_from_words(words, n)]
    return out


def table_grid(t: object) -> Grid:
    columns = list(getattr(t, "columns", []))
    rows = [list(r) for r in getattr(t, "rows", [])]
    return ([columns] if columns else []) + rows


def run_camelot(flavor: str) -> Callable[[Path], Predicted]:
    def run(pdf: Path) -> Predicted:
        import camelot

        kwargs = {"backend": "pdfium"} if flavor == "lattice" else {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tables = camelot.read_pdf(str(pdf), pages="all", flavor=flavor, **kwargs)
        out: Predicted = {}
        for t in tables:
            out.setdefault(int(t.page), []).append(t.df.astype(str).values.tolist())
        return out

    return run


def run_pdfplumber(pdf: Path) -> Predicted:
    import pdfplumber

    out: Predicted = {}
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages, 1):
            out[i] = [[[c or "" for c in row] for row in t] for t in page.extract_tables()]
    return out


def run_pymupdf(pdf: Path) -> Predicted:
    from docextract.sources.mupdf import pymupdf

    out: Predicted = {}
    with pymupdf.open(pdf) as doc:
        for page in doc:
            tabs = page.find_tables()
            out[page.number + 1] = [[[c or "" for c in r] for r in t.extract()] for t in tabs.tables]
    return out


TOOLS: dict[str, Callable[[Path], Predicted]] = {
    "docextract": run_docextract,
    "docextract-ocr": run_docextract_ocr,
    "camelot-lattice": run_camelot("lattice"),
    "camelot-stream": run_camelot("stream"),
    "pdfplumber": run_pdfplumber,
    "pymupdf": run_pymupdf,
}


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=EVAL)
    ap.add_argument("--tools", default="docextract,camelot-lattice,camelot-stream,pdfplumber")
    ap.add_argument("--sets", default="icdar2013,camelot,tabula_java")
    ap.add_argument("--only", default="", help="substring of document names to keep")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    root = args.data.resolve()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

    docs: list[Doc] = []
    for s in args.sets.split(","):
        docs += load_icdar(root / s) if s == "icdar2013" else load_cases(root / s, s)
    docs = [d for d in docs if args.only in d.name]
    tools = args.tools.split(",")
    sets = sorted({d.set_name for d in docs}, key=args.sets.split(",").index)
    results: dict[tuple[str, str], Result] = {(s, t): Result() for s in sets for t in tools}
    for tool in tools:
        for doc in docs:
            res = results[(doc.set_name, tool)]
            t0 = time.perf_counter()
            if tool == "docextract-ocr":  # slow: OCR only the pages with tables, score only those
                doc = Doc(doc.set_name, doc.name, doc.pdf, {p for p, _ in doc.expected}, doc.expected)
            try:
                pred = run_docextract_ocr(doc.pdf, doc.pages) if tool == "docextract-ocr" else TOOLS[tool](doc.pdf)
            except Exception as e:  # noqa: BLE001 - a tool failing on a file is a result
                pred = {}
                res.errors.append(f"{doc.name}: {type(e).__name__}: {e}"[:200])
            res.seconds += time.perf_counter() - t0
            score_doc(doc, pred, res)

    print(f"{'set':<12} {'tool':<16} {'F1':>6} {'cellF1':>7} {'rows':>7} {'cols':>7} {'seconds':>8}")
    report = []
    for (s, t), r in results.items():
        print(
            f"{s:<12} {t:<16} {r.rel.f1:6.3f} {r.cell.f1:7.3f} {r.rows_ok:>3}/{r.tables:<3} "
            f"{r.cols_ok:>3}/{r.tables:<3} {r.seconds:8.2f}"
        )
        for e in r.errors:
            print(f"    error {e}")
        report.append(
            {
                "set": s,
                "tool": t,
                "f1": r.rel.f1,
                "cell_f1": r.cell.f1,
                "tables": r.tables,
                "rows_ok": r.rows_ok,
                "cols_ok": r.cols_ok,
                "seconds": r.seconds,
                "errors": r.errors,
            }
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
