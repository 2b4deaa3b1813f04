"""Regenerate the sample documents: ``python samples/make_samples.py``.

The samples are made by docextract's own generators (docextract/testing/documents.py), so their
contents are known: invoice.pdf is a digital invoice (text layer, German number format) and
receipt.jpg a receipt photographed sideways: rotated 90°, skewed 2°, blurred, noisy, low contrast.
"""

from pathlib import Path

from docextract.testing.documents import ReceiptData, invoice_pdf, receipt_image, receipt_pdf

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    invoice_pdf(HERE / "invoice.pdf")
    receipt_pdf(HERE / "receipt.pdf")
    receipt_image(HERE / "receipt.jpg", ReceiptData(), dpi=150, rotate=90, skew=2.0, blur=0.7, noise=10, contrast=0.7, quality=65)
