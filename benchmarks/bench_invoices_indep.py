"""The offline reader on invoices from an independently written generator (benchmarks/indep_invoices).

    python benchmarks/bench_invoices_indep.py [--set indep_invoices2] [--n 60] [--png 20] [--split dev,check] [--keep DIR]

``indep_invoices/gen.py`` was written by a helper session that could not read docextract's own
invoice generator or its rules: issuers left, right, centred or in a letter's layout; six
languages; dates, numbers and currencies written many ways; items with and without quantities,
quantity first, wrapped descriptions; one or two tax rates, shipping, discounts; two-page
invoices. Its ground truth: number, date, issuer, total (the amount due), currency (empty where
nothing on the page names one), the line items.

Splits, fixed once: ``dev`` (seed 20250307) is developed on; ``check`` (seed 20251206) is reported
and not inspected invoice by invoice.

``--set indep_invoices2``: a second generator, written in the fifteenth session by another helper
session under the same rule (it could read neither docextract nor the first generator), of
real-world archetypes: cloud billing statements, marketplace tax invoices with order numbers and
dates beside the invoice's, utility bills with previous balances and payments, hotel folios,
letter-style invoices, German, French, Spanish, Italian, Dutch and Portuguese invoices with their
own labels, numbers only in a title or a grid, issuers only in a footer; a third of its PNGs
scanned-looking. Its truth's total is the invoice's grand total (not a balance after payments).
Splits: ``dev`` seed 20260101, ``check`` seed 20260202. The truth format and ``score.py`` are the
first set's.

``--set indep_invoices3``: a third generator, written in the seventeenth session by a helper under
the same rule (it could read neither docextract, its tests nor the first two generators): per-line
discounts, two tax rates with a totals box and a tax summary, web-shop orders with SKUs and
coupons, timesheets with project subtotals, landscape wholesale invoices over two pages with
carried-forward lines, telecom bills whose summary page precedes the detail, issuers in a dark
header band, Swedish, Danish and Polish invoices (labels outside the lexicon's languages), US
invoices with remit-to blocks, and dotted-leader freelancer invoices; ten languages. Splits:
``dev`` seed 20261207, ``check`` seed 20261208.

``--set indep_invoices4``: a fourth generator, written in the eighteenth session by a helper under
the same rule (it could read only ``indep_invoices/score.py``): construction progress invoices
(previous invoices and retention deducted), dental and veterinary bills (procedure codes, dates,
insurer's share after the total), catering invoices (per-person lines, service charge, tip), fully
ruled grids with merged heading cells, invoices in one currency with another's equivalents, long
wrapped descriptions with notes under them, Czech, Finnish, Norwegian, Hungarian, Turkish and
Romanian invoices, two invoices in one PDF (its truth lists both under ``documents``; the items
scored are both invoices' lines), a parties' sidebar with a grid of labels over values, and
receipt-like invoices on an 80 mm page. Splits: ``dev`` seed 20261214, ``check`` seed 20261215.

``--set indep_invoices5``: a fifth generator, written in the nineteenth session by a helper under
the same rule (it could read only ``score.py`` and this file): Indian GST tax invoices (HSN
summaries, lakh grouping, round-off lines), Swiss invoices with a QR-bill slip, Canadian,
Australian, New Zealand, South African and Irish invoices, Latin American fiscal invoices (Mexico,
Brazil, Argentina, Chile: "$" for pesos, folio numbers beside fiscal keys), SaaS bills with
proration credits and usage at tiny unit prices, freight invoices full of weights and shipment
numbers, item tables continued over pages, gross-price invoices whose labels stand under or left
of their amounts, letters and one-line invoices without a table, and Greek, Bulgarian, Serbian,
Croatian, Slovenian, Estonian, Lithuanian, Russian and Ukrainian invoices. Its truth's currency is
the country's where only "$" is printed. Splits: ``dev`` seed 20261221, ``check`` seed 20261222.

``--set indep_invoices6``: a sixth generator, written in the twentieth session by a helper under
the same rule (it could read only ``score.py``, this docstring and the fifth generator's
docstrings): Indonesian, Malaysian, Vietnamese and Philippine invoices, Kenyan, Nigerian, Ghanaian
(levies before VAT) and Moroccan ones, credit notes (negative totals) and proformas, car and
appliance repairs (parts and labour sections with their own subtotals, a vehicle block full of
numbers), lawyers' and consultants' time entries with disbursements, fuel and commodities (prices
with three decimals), labels above their values, amount columns left of the description or tables
without a heading row, deposits and payments after the total, and Korean, Japanese, Taiwanese
and Hong Kong invoices in English. Its truth's total is the grand total before deposits and
payments. Splits: ``dev`` seed 20261228, ``check`` seed 20261229.

``--set indep_invoices7``: a seventh generator, written in the twenty-first session by a helper
under the same rule (it could read only ``score.py``, this docstring and the sixth generator's
docstring): SaaS invoices and receipts (amount due in large print, proration, tax by
jurisdiction), small-business templates (QuickBooks, Xero, Zoho, FreshBooks, Wave), dense ERP
printouts (positions 10/20/30, material numbers, reference blocks, Skonto), monospace fan-fold and
AS/400 printouts aligned with spaces, European e-invoice views (FatturaPA with cassa and ritenuta,
Spanish and Portuguese facturas with ATCUD, Factur-X, XRechnung, Peppol), airline, rail and
car-rental invoices, Gulf VAT invoices (Arabic labels on some), Slovak, Latvian, Catalan,
Icelandic, Albanian, Swahili, Afrikaans, Maltese, Luxembourgish and Filipino invoices, totals-first
layouts with remittance slips and credits in parentheses, and long tables over 2-3 pages with
category subtotals and carried sums. Its truth's total is the grand total before payments,
withholding and cash discounts; its tax counts only taxes added on top (VAT included in the prices
is no tax). Splits: ``dev`` seed 20270104, ``check`` seed 20270105.

``--set indep_invoices8``: an eighth generator, written in the twenty-second session by a helper
under the same rule (it could read only ``score.py``, this docstring and the seventh generator's
docstring): image-only PDFs (scans, some pages turned), invoices printed from a browser (print
date, URL, order number and date beside the invoice's) and from an e-mail client (a "Sent" date),
export commercial invoices (incoterms, HS codes, FOB + freight + insurance = CIF, L/C and B/L
numbers), Indian pharmaceutical distributors' invoices of 16-17 columns, watermarks and rubber
stamps with dates of their own, carbon-copy invoice-book forms filled in another font, kits with
components at 0.00, returns and cash rounding, Hebrew and Japanese qualified invoices and
English-Chinese bilingual ones, and several invoices in one PDF. Splits: ``dev`` seed 20270111,
``check`` seed 20270112.
The second and third generators draw with Debian's fonts-liberation, the seventh with it and
fonts-dejavu-core, the others with fonts-dejavu-core. For each split: every PDF (text layer) and the first
``--png`` single-page invoices rendered at 150 dpi (OCR), read in this process as
``docextract pdf``/``image --schema invoice`` reads them (``split="auto"``); the table, the review
flags and every wrong field are printed by ``indep_invoices/score.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "indep_invoices"))  # score.py (both sets)

SEEDS = {
    "indep_invoices": {"dev": 20250307, "check": 20251206},
    "indep_invoices2": {"dev": 20260101, "check": 20260202},
    "indep_invoices3": {"dev": 20261207, "check": 20261208},
    "indep_invoices4": {"dev": 20261214, "check": 20261215},
    "indep_invoices5": {"dev": 20261221, "check": 20261222},
    "indep_invoices6": {"dev": 20261228, "check": 20261229},
    "indep_invoices7": {"dev": 20270104, "check": 20270105},
    "indep_invoices8": {"dev": 20270111, "check": 20270112},
}


def run_split(name: str, n: int, png: int, root: Path, gen_set: str = "indep_invoices") -> str:
    import importlib.util

    import score

    spec = importlib.util.spec_from_file_location(f"{gen_set}_gen", HERE / gen_set / "gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen  # (dataclasses look their module up there)
    spec.loader.exec_module(gen)

    import docextract

    data, out = root / name / "data", root / name / "out"
    with contextlib.redirect_stdout(io.StringIO()):
        gen.main(n, SEEDS[gen_set][name], str(data))
    for mode in ("pdf", "png"):
        (out / mode).mkdir(parents=True, exist_ok=True)
    singles = 0
    for pdf in sorted(data.glob("*.pdf")):
        results = docextract.extract_documents(pdf, "invoice", split="auto")
        _save(out / "pdf" / f"{pdf.stem}.json", results)
        pages = sorted(data.glob(f"{pdf.stem}_p*.png"))
        if len(pages) == 1 and singles < png:
            singles += 1
            _save(out / "png" / f"{pdf.stem}.json", docextract.extract_documents(pages[0], "invoice", split="auto"))
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        score.main(str(data), str(out))
    return text.getvalue()


def _save(path: Path, results: list) -> None:
    records = [json.loads(r.to_json(full=True)) for r in results]  # as `docextract pdf --full` writes them
    path.write_text(json.dumps(records[0] if len(records) == 1 else records), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", dest="gen_set", default="indep_invoices", choices=sorted(SEEDS), help="which generator")
    ap.add_argument("--n", type=int, default=60, help="invoices per split")
    ap.add_argument("--png", type=int, default=20, help="single-page invoices per split also read from a 150 dpi PNG")
    ap.add_argument("--split", default="dev,check")
    ap.add_argument("--keep", type=Path, help="write the invoices and results here (else a temporary folder)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for name in args.split.split(","):
            print(f"== {args.gen_set} {name} (seed {SEEDS[args.gen_set][name]}, {args.n} invoices, {args.png} also as PNG)")
            print(run_split(name, args.n, args.png, root / args.gen_set, args.gen_set))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
