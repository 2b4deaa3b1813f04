"""Field types shared by the built-in schemas."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Union

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

MAX_MONEY_DIGITS = 12  # integer digits; the grammar bounds numbers the same way
_NUMERIC = re.compile(r"^[+-]?\d{1,15}(\.\d{1,6})?$")


def _to_decimal(value: Any) -> Any:
    """Accept ints, floats, Decimals and plain numeric strings; refuse inf/NaN and absurd sizes."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        try:
            d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:  # pragma: no cover - Decimal(int) never fails
            raise ValueError(f"not a number: {value!r}") from None
    elif isinstance(value, str):
        text = value.strip().replace(" ", "")
        if not _NUMERIC.match(text):
            raise ValueError(f"not a plain decimal number: {value!r}")
        d = Decimal(text)
    else:
        return value  # let pydantic report the type error
    if not d.is_finite():
        raise ValueError("money must be a finite number (no inf or NaN)")
    if d.adjusted() >= MAX_MONEY_DIGITS:
        raise ValueError(f"amount {value!r} has more than {MAX_MONEY_DIGITS} integer digits")
    return d


def _money_json(value: Decimal) -> float | int:
    # At most 12 integer + 4 decimal digits, so the float round-trips to the same decimal value.
    return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)


Money = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(_money_json, return_type=Union[int, float], when_used="json"),
    WithJsonSchema({"type": "number"}),
]
"""An exact amount: :class:`~decimal.Decimal` in Python, a plain JSON number in JSON."""

Quantity = Money

CurrencyCode = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().upper() if isinstance(v, str) else v),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code"}),
]
