"""Documents with known contents, generated on the spot: for tests, samples/ and demos.

Everything is drawn with pymupdf's built-in fonts (Helvetica, Courier), so no system fonts are
needed; images are rendered from the PDF and then degraded like a phone photo or a cheap scan
(rotation, skew, blur, noise, low contrast, JPEG artefacts).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

MM = 72 / 25.4


@dataclass
class ReceiptData:
    """What a generated receipt says (the expected extraction)."""

    merchant_name: str = "GREENLEAF GROCERY"
    # The name as printed when it takes more than one row (joined by a space it is ``merchant_name``).
    name_lines: list[str] | None = None
    # Rows between the name and the address: registration numbers, "(formerly known as ...)", a branch.
    header_lines: list[str] = field(default_factory=list)
    address_lines: list[str] = field(default_factory=lambda: ["12 Harbour Street", "Springfield IL 62701"])
    phone: str = "TEL 217-555-0142"
    date_text: str = "03/14/2025"
    date_iso: str = "2025-03-14"
    time: str = "18:42"
    currency_symbol: str = "$"
    currency: str = "USD"
    items: list[tuple[str, int, str]] = field(
        default_factory=lambda: [("ORGANIC MILK 1L", 2, "2.49"), ("SOURDOUGH BREAD", 1, "4.25"), ("BANANAS", 3, "0.39")]
    )
    tax_rate: str = "0.0625"
    payment_method: str = "VISA"

    @property
    def merchant_address(self) -> str:
        return ", ".join(self.address_lines)

    def amount(self, qty: int, unit: str) -> Decimal:
        return Decimal(unit) * qty

    @property
    def subtotal(self) -> Decimal:
        return sum((self.amount(q, u) for _, q, u in self.items), Decimal("0"))

    @property
    def tax(self) -> Decimal:
        return (self.subtotal * Decimal(self.tax_rate)).quantize(Decimal("0.01"))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax

    def expected(self) -> dict[str, Any]:
        return {
            "merchant_name": self.merchant_name,
            "merchant_address": self.merchant_address,
            "date": self.date_iso,
            "total": self.total,
            "subtotal": self.subtotal,
            "tax": self.tax,
            "currency": self.currency,
        }


def receipt_lines(r: ReceiptData) -> list[tuple[str, str]]:
    """(left, right) text pairs, top to bottom."""
    s = r.currency_symbol
    lines: list[tuple[str, str]] = [(n, "") for n in (r.name_lines or [r.merchant_name])]
    lines += [(h, "") for h in r.header_lines]
    lines += [(a, "") for a in r.address_lines]
    lines += [(r.phone, ""), ("", ""), (f"DATE {r.date_text}", f"TIME {r.time}"), ("", "")]
    for desc, qty, unit in r.items:
        lines.append((f"{desc}", f"{s}{r.amount(qty, unit):.2f}"))
        if qty > 1:
            lines.append((f"  {qty} @ {s}{Decimal(unit):.2f}", ""))
    lines += [("", ""), ("SUBTOTAL", f"{s}{r.subtotal:.2f}"), (f"SALES TAX {Decimal(r.tax_rate) * 100:.2f}%", f"{s}{r.tax:.2f}")]
    lines += [("TOTAL", f"{s}{r.total:.2f}"), (r.payment_method, f"{s}{r.total:.2f}"), ("", ""), ("THANK YOU FOR SHOPPING", "")]
    return lines


def receipt_pdf(path: Path | None = None, r: ReceiptData | None = None, *, lines: list[tuple[str, str]] | None = None) -> bytes:
    """An 80 mm till receipt as a digital PDF (with a text layer); ``lines``: other (left, right) rows
    than :func:`receipt_lines` gives (a receipt with a part left out, say)."""
    from docextract.sources.mupdf import pymupdf

    r = r or ReceiptData()
    lines = receipt_lines(r) if lines is None else lines
    width, line_h, margin = 80 * MM, 13.0, 5 * MM
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=margin * 2 + line_h * (len(lines) + 1))
    y = margin + line_h
    for left, right in lines:
        if left:
            page.insert_text((margin, y), left, fontname="cour", fontsize=9)
        if right:
            tw = pymupdf.get_text_length(right, fontname="cour", fontsize=9)
            page.insert_text((width - margin - tw, y), right, fontname="cour", fontsize=9)
        y += line_h
    data = doc.tobytes()
    doc.close()
    if path:
        Path(path).write_bytes(data)
    return data


@dataclass
class InvoiceData:
    """What a generated invoice says."""

    issuer: str = "Northwind Analytics GmbH"
    issuer_address: list[str] = field(default_factory=lambda: ["Hauptstrasse 5", "10115 Berlin", "Germany"])
    vat_id: str = "DE123456789"
    customer: str = "Contoso Ltd"
    customer_address: list[str] = field(default_factory=lambda: ["1 Market Road", "Leeds LS1 4AP", "United Kingdom"])
    invoice_number: str = "INV-2025-0042"
    date_text: str = "07.02.2025"
    date_iso: str = "2025-02-07"
    due_text: str = "09.03.2025"
    due_iso: str = "2025-03-09"
    currency: str = "EUR"
    lines: list[tuple[str, int, str]] = field(
        default_factory=lambda: [("Data pipeline audit", 1, "1200.00"), ("Dashboard licences", 5, "49.90"), ("Support hours", 8, "85.00")]
    )
    vat_rate: str = "0.19"

    @property
    def subtotal(self) -> Decimal:
        return sum((Decimal(u) * q for _, q, u in self.lines), Decimal("0"))

    @property
    def tax(self) -> Decimal:
        return (self.subtotal * Decimal(self.vat_rate)).quantize(Decimal("0.01"))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax


def _eu(amount: Decimal) -> str:
    """1234.5 → '1.234,50'."""
    return f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def invoice_pdf(path: Path | None = None, inv: InvoiceData | None = None) -> bytes:
    """An A4 invoice with a line-item table, German number format, as a digital PDF."""
    from docextract.sources.mupdf import pymupdf

    inv = inv or InvoiceData()
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)

    def text(x: float, y: float, s: str, size: float = 10, right: bool = False, bold: bool = False) -> None:
        font = "hebo" if bold else "helv"
        if right:
            x -= pymupdf.get_text_length(s, fontname=font, fontsize=size)
        page.insert_text((x, y), s, fontname=font, fontsize=size)

    text(50, 70, inv.issuer, 16, bold=True)
    for i, line in enumerate([*inv.issuer_address, f"VAT ID: {inv.vat_id}"]):
        text(50, 90 + 13 * i, line)
    text(545, 70, "INVOICE", 18, right=True, bold=True)
    text(380, 100, "Invoice No:")
    text(545, 100, inv.invoice_number, right=True)
    text(380, 114, "Invoice Date:")
    text(545, 114, inv.date_text, right=True)
    text(380, 128, "Due Date:")
    text(545, 128, inv.due_text, right=True)
    text(50, 180, "Bill To:", bold=True)
    for i, line in enumerate([inv.customer, *inv.customer_address]):
        text(50, 195 + 13 * i, line)
    y = 280
    for x, head, right in ((50, "Description", False), (330, "Qty", True), (430, "Unit Price", True), (545, "Amount", True)):
        text(x, y, head, bold=True, right=right)
    page.draw_line((50, y + 5), (545, y + 5))
    for desc, qty, unit in inv.lines:
        y += 18
        text(50, y, desc)
        text(330, y, str(qty), right=True)
        text(430, y, _eu(Decimal(unit)), right=True)
        text(545, y, _eu(Decimal(unit) * qty), right=True)
    page.draw_line((50, y + 8), (545, y + 8))
    y += 28
    for label, value, bold in (("Subtotal", inv.subtotal, False), (f"VAT {int(Decimal(inv.vat_rate) * 100)}%", inv.tax, False), ("Total EUR", inv.total, True)):
        text(380, y, label, bold=bold)
        text(545, y, _eu(value), right=True, bold=bold)
        y += 16
    text(50, 780, "Payment within 30 days. IBAN DE89 3704 0044 0532 0130 00")
    data = doc.tobytes()
    doc.close()
    if path:
        Path(path).write_bytes(data)
    return data


def stacked_pdf(parts: list[bytes], path: Path | None = None) -> bytes:
    """One PDF holding several documents, page after page (a scanner's stack, an accounts
    system's export): the pages of each PDF in ``parts``, in order."""
    from docextract.sources.mupdf import pymupdf

    doc = pymupdf.open()
    for part in parts:
        with pymupdf.open(stream=part, filetype="pdf") as src:
            doc.insert_pdf(src)
    data = doc.tobytes()
    doc.close()
    if path:
        Path(path).write_bytes(data)
    return data


def continued_invoice_pdf(path: Path | None = None, inv: InvoiceData | None = None) -> bytes:
    """A two-page invoice: header and the line items on page 1, the header repeated on page 2
    with the last line items and the totals (as many accounts systems print them)."""
    from docextract.sources.mupdf import pymupdf

    inv = inv or InvoiceData()
    doc = pymupdf.open()

    def text(page: Any, x: float, y: float, s: str, right: bool = False, bold: bool = False) -> None:
        font = "hebo" if bold else "helv"
        if right:
            x -= pymupdf.get_text_length(s, fontname=font, fontsize=10)
        page.insert_text((x, y), s, fontname=font, fontsize=10)

    def header(page: Any, n: int) -> None:
        text(page, 50, 70, inv.issuer, bold=True)
        text(page, 380, 70, "INVOICE", bold=True)
        text(page, 380, 90, "Invoice No:")
        text(page, 545, 90, inv.invoice_number, right=True)
        text(page, 380, 104, "Invoice Date:")
        text(page, 545, 104, inv.date_text, right=True)
        text(page, 50, 810, f"Page {n} of 2")
        for x, head, right in ((50, "Description", False), (330, "Qty", True), (430, "Unit Price", True), (545, "Amount", True)):
            text(page, x, 150, head, bold=True, right=right)

    half = (len(inv.lines) + 1) // 2
    for n, lines in ((1, inv.lines[:half]), (2, inv.lines[half:])):
        page = doc.new_page(width=595, height=842)
        header(page, n)
        y = 150
        for desc, qty, unit in lines:
            y += 18
            text(page, 50, y, desc)
            text(page, 330, y, str(qty), right=True)
            text(page, 430, y, _eu(Decimal(unit)), right=True)
            text(page, 545, y, _eu(Decimal(unit) * qty), right=True)
    y += 30
    for label, value in (("Subtotal", inv.subtotal), (f"VAT {int(Decimal(inv.vat_rate) * 100)}%", inv.tax), ("Total EUR", inv.total)):
        text(page, 380, y, label)
        text(page, 545, y, _eu(value), right=True)
        y += 16
    data = doc.tobytes()
    doc.close()
    if path:
        Path(path).write_bytes(data)
    return data


def render_pdf(data: bytes, dpi: float = 150, page: int = 0) -> Any:
    """Rasterize one page of PDF bytes to a PIL image."""
    from PIL import Image

    from docextract.sources.mupdf import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as doc:
        pix = doc[page].get_pixmap(dpi=round(dpi), colorspace=pymupdf.csRGB, alpha=False)
        return Image.frombytes("RGB", (pix.width, pix.height), pix.samples)


def degrade(
    image: Any,
    *,
    rotate: int = 0,
    skew: float = 0.0,
    blur: float = 0.0,
    noise: float = 0.0,
    contrast: float = 1.0,
    margin: int = 40,
    seed: int = 0,
) -> Any:
    """Make a clean render look like a photo/scan: paper margin, skew, quarter-turn, blur, noise, contrast."""
    import numpy as np
    from PIL import Image, ImageEnhance, ImageFilter, ImageOps

    img = ImageOps.expand(image.convert("RGB"), border=margin, fill=(250, 250, 246))
    if skew:
        img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 250, 246))
    if contrast != 1.0:
        img = ImageEnhance.Contrast(img).enhance(contrast)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        rng = np.random.default_rng(seed)
        arr = np.asarray(img, dtype=np.float32) + rng.normal(0, noise, (img.height, img.width, 1))
        img = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"))
    if rotate:
        img = img.rotate(rotate, expand=True)
    return img


def receipt_image(
    path: Path | None = None,
    r: ReceiptData | None = None,
    *,
    dpi: float = 150,
    rotate: int = 0,
    skew: float = 0.0,
    blur: float = 0.6,
    noise: float = 8.0,
    contrast: float = 0.8,
    quality: int = 70,
) -> bytes:
    """A scanned-looking receipt JPEG (rendered, degraded, JPEG-compressed)."""
    img = degrade(render_pdf(receipt_pdf(None, r), dpi), rotate=rotate, skew=skew, blur=blur, noise=noise, contrast=contrast)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    data = buf.getvalue()
    if path:
        Path(path).write_bytes(data)
    return data


def random_receipt(seed: int) -> ReceiptData:
    """A different plausible receipt per seed (for fuzzing the reader and batch tests)."""
    rng = random.Random(seed)
    names = ["CORNER MART", "BLUE RIVER CAFE", "CITY HARDWARE", "FRESH FOODS MARKET", "SUNRISE BAKERY"]
    items = [(f"ITEM {chr(65 + i)}{rng.randint(10, 99)}", rng.randint(1, 3), f"{rng.randint(1, 40)}.{rng.randint(0, 99):02d}") for i in range(rng.randint(1, 5))]
    month, day = rng.randint(1, 12), rng.randint(13, 28)
    return ReceiptData(
        merchant_name=rng.choice(names),
        address_lines=[f"{rng.randint(1, 999)} Main Street", "Portland OR 97201"],
        date_text=f"{month:02d}/{day:02d}/2024",
        date_iso=f"2024-{month:02d}-{day:02d}",
        items=items,
    )


TOTALS_LAYOUTS = (
    "item_at", "cash_change", "rounding", "rounding_unlabelled", "tax_inclusive", "service_charge", "tendered", "misread"
)


def totals_receipt(layout: str, seed: int) -> tuple[list[str | tuple[str, str]], dict[str, Decimal]]:
    """The rows of a receipt whose totals block follows ``layout`` (one of :data:`TOTALS_LAYOUTS`), with
    amounts drawn from ``seed``, and the amounts a reader should find (``total``, and where printed
    ``subtotal``, ``tax``, ``rounding``, ``cash``, ``change``).

    Rows are strings (a centred line) or ``(left, right)`` pairs, as a till prints them:

    * ``item_at``: an item with its quantity line ("2 @ 15.90") and a "Net Amt" total;
    * ``cash_change``: total, cash handed over, change; a count line "TOTAL QTY";
    * ``rounding``: total incl. tax, a cash rounding, the rounded total, cash and change;
    * ``rounding_unlabelled``: the same with the rounded total's label unreadable and no payment;
    * ``tax_inclusive``: subtotal = total, the tax included printed under it;
    * ``service_charge``: subtotal, an intermediate total, service charge, tax, the final total;
    * ``tendered``: the money handed over under a total label, change, the real total above it;
    * ``misread``: the total's amount misread by OCR (a "$" read as a digit before it), against the
      subtotal, tax and card payment that agree.
    """
    rng = random.Random(f"{layout}:{seed}")
    cent = Decimal("0.01")

    def money() -> Decimal:
        return Decimal(rng.randint(150, 4999)) * cent

    shop = rng.choice(["KEDAI RUNCIT MAJU", "HILLTOP DINER", "PASAR MINI SETIA", "NORTHWIND CAFE"])
    rows: list[str | tuple[str, str]] = [shop, f"{rng.randint(1, 99)}, JALAN {rng.choice(['MAWAR', 'KENANGA', 'ANGSANA'])} 3", "TEL 03-5555 0101"]
    rows.append((f"DATE {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024", f"{rng.randint(8, 21)}:{rng.randint(0, 59):02d}"))
    qty, unit = rng.randint(2, 4), money()
    other = money()
    rows += [("ITEM A", f"{other:.2f}"), ("ITEM B", f"{qty * unit:.2f}"), (f"{qty} @ {unit:.2f}", "")]
    sub = other + qty * unit
    tax = (sub * Decimal("0.06")).quantize(cent)
    out: dict[str, Decimal] = {}
    if layout == "item_at":
        # the unit price on an item line beside its amount, and a total labelled "Net Amt"
        rows[-2:] = [("ITEM B", ""), (f"{qty} x @{unit:.2f}", f"{qty * unit:.2f}")]
        rows += [("Net Amt", f"{sub:.2f}"), ("Thank you", "")]
        out["total"] = sub
    elif layout == "cash_change":
        cash = (sub // 10 + 1) * 10
        rows += [("TOTAL QTY", f"{qty + 1}"), ("TOTAL", f"{sub:.2f}"), ("CASH", f"{cash:.2f}"), ("CHANGE", f"{cash - sub:.2f}")]
        out.update(total=sub, cash=cash, change=cash - sub)
    elif layout in ("rounding", "rounding_unlabelled"):
        gross = sub + tax
        rounded = (gross * 20).quantize(Decimal(1), rounding="ROUND_HALF_UP") / 20
        if rounded == gross:
            gross += cent
            rounded = (gross * 20).quantize(Decimal(1), rounding="ROUND_HALF_UP") / 20
        adj = rounded - gross
        rows += [("SUBTOTAL", f"{sub:.2f}"), ("GST 6%", f"{tax:.2f}"), ("TOTAL INCL GST", f"{gross:.2f}"), ("ROUNDING ADJ", f"{adj:.2f}")]
        out.update(subtotal=sub, tax=tax, rounding=adj, total=rounded.quantize(cent))
        if layout == "rounding":
            cash = (rounded // 10 + 1) * 10
            rows += [("NET TOTAL", f"{rounded:.2f}"), ("CASH", f"{cash:.2f}"), ("CHANGE", f"{cash - rounded:.2f}")]
            out.update(cash=cash, change=cash - rounded)
        else:
            rows += [("Gr@nd T7x1", f"{rounded:.2f}"), "THANK YOU"]
    elif layout == "tax_inclusive":
        included = (sub * 6 / 106).quantize(cent)
        rows += [("SUB TOTAL", f"{sub:.2f}"), ("TOTAL", f"{sub:.2f}"), ("GST 6% INCLUDED", f"{included:.2f}")]
        out.update(total=sub, subtotal=sub)
    elif layout == "service_charge":
        disc = Decimal(rng.randint(1, int(sub) // 2 or 1))
        base = sub - disc
        service = (base * Decimal("0.10")).quantize(cent)
        tax = ((base + service) * Decimal("0.06")).quantize(cent)
        rows += [("SUBTOTAL", f"{sub:.2f}"), ("DISCOUNT", f"-{disc:.2f}"), ("TOTAL AMOUNT", f"{base:.2f}")]
        rows += [("SERVICE CHARGE 10%", f"{service:.2f}"), ("GST 6%", f"{tax:.2f}"), ("TOTAL AMOUNT", f"{base + service + tax:.2f}")]
        out.update(total=base + service + tax, subtotal=sub, tax=tax)
    elif layout == "tendered":
        paid = (sub // 5 + 1) * 5
        rows += [("AMOUNT INCL. GST", f"{sub:.2f}"), ("TOTAL", f"{paid:.2f}"), ("CHANGE", f"{paid - sub:.2f}")]
        out.update(total=sub, change=paid - sub)
    elif layout == "misread":
        rows += [("SUBTOTAL", f"{sub:.2f}"), ("TAX", f"{tax:.2f}"), ("TOTAL", f"5{sub + tax:.2f}"), ("VISA", f"{sub + tax:.2f}")]
        out.update(total=sub + tax, subtotal=sub, tax=tax)
    else:
        raise ValueError(f"unknown totals layout {layout!r}")
    return rows, out


def nested_forms_pdf(depth: int = 30) -> bytes:
    """A ~6 KB, well-formed one-page PDF that takes hours to render or read: each form XObject
    draws the next one twice, so the page paints 2**depth rectangles (depth 18 takes seconds)."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /X0 5 0 R >> >> /Contents 4 0 R >>",
        4: b"<< /Length 6 >>\nstream\n/X0 Do\nendstream",
    }
    for level in range(depth + 1):
        if level < depth:
            body = b"/X%d Do /X%d Do" % (level + 1, level + 1)
            resources = b"/Resources << /XObject << /X%d %d 0 R >> >>" % (level + 1, level + 6)
        else:
            body, resources = b"0 0 1 1 re f", b""
        objects[level + 5] = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 200 200] %s /Length %d >>\nstream\n%s\nendstream"
                              % (resources, len(body), body))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number in sorted(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref, size = len(out), len(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)
