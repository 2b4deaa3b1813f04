"""The built-in ``receipt`` schema (and the line item it shares with ``invoice``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from docextract.schemas.types import CurrencyCode, Money, Quantity

# In the JSON Schema too (not only a Python validator), so the grammar enforces it.
TimeOfDay = Annotated[str, StringConstraints(pattern=r"^([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$")]


class LineItem(BaseModel):
    """One purchased item or invoice line."""

    model_config = ConfigDict(extra="ignore")

    description: str | None = Field(None, description="item text as printed")
    quantity: Quantity | None = Field(None, description="number of units")
    unit_price: Money | None = Field(None, description="price of one unit")
    amount: Money | None = Field(None, description="line total")


class Receipt(BaseModel):
    """A till receipt."""

    model_config = ConfigDict(extra="ignore")

    merchant_name: str | None = Field(None, description="shop or company name from the header")
    merchant_address: str | None = Field(None, description="address of the shop, one line")
    date: dt.date | None = Field(None, description="purchase date, ISO 8601 (YYYY-MM-DD)")
    time: TimeOfDay | None = Field(None, description="purchase time HH:MM or HH:MM:SS (24 h)")
    currency: CurrencyCode | None = Field(None, description="ISO 4217 currency code, e.g. USD, EUR, MYR")
    items: list[LineItem] = Field(default_factory=list, description="purchased items in printed order")
    subtotal: Money | None = Field(None, description="total before tax")
    tax: Money | None = Field(None, description="tax amount (VAT, GST, sales tax)")
    tip: Money | None = Field(None, description="tip or gratuity")
    total: Money | None = Field(None, description="amount paid, including tax")
    payment_method: str | None = Field(None, description="cash, card, ...")
