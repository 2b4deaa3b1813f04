"""The built-in ``invoice`` schema."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from docextract.schemas.receipt import LineItem
from docextract.schemas.types import CurrencyCode, Money


class Party(BaseModel):
    """A company or person on an invoice."""

    model_config = ConfigDict(extra="ignore")

    name: str | None = None
    address: str | None = None
    tax_id: str | None = Field(None, description="VAT / GST / tax registration number")


class InvoiceLine(LineItem):
    """An invoice line: a receipt's item, with the columns invoices add."""

    model_config = ConfigDict(extra="ignore", from_attributes=True)  # a LineItem is an invoice line too

    code: str | None = Field(None, description="the item's article number, SKU or product code, from a column of its own")
    unit: str | None = Field(None, description="what the quantity counts, as printed (h, pcs, kg, m)")


class Invoice(BaseModel):
    """A supplier invoice."""

    model_config = ConfigDict(extra="ignore")

    invoice_number: str | None = Field(None, description="the invoice's own number")
    issuer: Party = Field(default_factory=Party, description="who sent the invoice")
    customer: Party = Field(default_factory=Party, description="who is billed")
    date: dt.date | None = Field(None, description="invoice date, ISO 8601")
    due_date: dt.date | None = Field(None, description="payment due date, ISO 8601")
    currency: CurrencyCode | None = Field(None, description="ISO 4217 currency code")
    lines: list[InvoiceLine] = Field(default_factory=list, description="invoice lines in printed order")
    subtotal: Money | None = Field(None, description="total before tax")
    tax: Money | None = Field(None, description="total tax")
    total: Money | None = Field(None, description="the invoice's total including tax: what it is for, before any payment, deposit or credit applied to it")
