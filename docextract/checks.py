"""Arithmetic checks on receipts and invoices. They report, never fix.

Each check compares printed numbers within a tolerance and returns :class:`~docextract.types.Issue`
objects with stable codes:

* ``item-amount-mismatch``  qty × unit price ≠ line amount
* ``items-subtotal-mismatch``  Σ line amounts ≠ subtotal (or ≠ total when there is no subtotal)
* ``total-mismatch``  subtotal + tax + tip − discount ± rounding ≠ total (tax-inclusive prices, where
  subtotal = total, pass too; so do a discount already in the subtotal and an unused rounding line)
* ``negative-total``  a total below zero (refunds and credit notes print them; worth a look)
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel

from docextract.types import Issue

__all__ = ["check_invoice", "check_receipt"]

DEFAULT_TOLERANCE = Decimal("0.02")


def _dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _as_dict(doc: Mapping[str, Any] | BaseModel) -> dict[str, Any]:
    if isinstance(doc, BaseModel):
        return doc.model_dump()
    return dict(doc)


def _issue(code: str, message: str, field: str | None) -> Issue:
    return Issue(code=code, message=message, severity="warning", stage="check", field=field)


def _check_items(items: list[Any], tol: Decimal, prefix: str) -> list[Issue]:
    issues = []
    for n, raw in enumerate(items or []):
        item = _as_dict(raw) if isinstance(raw, (BaseModel, Mapping)) else {}
        q, u, a = _dec(item.get("quantity")), _dec(item.get("unit_price")), _dec(item.get("amount"))
        if q is None or u is None or a is None:
            continue
        expected = q * u
        # Unit prices are often rounded to cents; allow that rounding times the quantity.
        if abs(expected - a) > max(tol, abs(q) * Decimal("0.005")):
            issues.append(
                _issue(
                    "item-amount-mismatch",
                    f"line {n + 1}: {q} × {u} = {expected} but the amount is {a}",
                    f"{prefix}[{n}].amount",
                )
            )
    return issues


def _sum_items(items: list[Any]) -> tuple[Decimal, int] | None:
    amounts = []
    for raw in items or []:
        item = _as_dict(raw) if isinstance(raw, (BaseModel, Mapping)) else {}
        a = _dec(item.get("amount"))
        if a is None:
            return None  # an unreadable line makes the sum meaningless
        amounts.append(a)
    return (sum(amounts, Decimal(0)), len(amounts)) if amounts else None


def _check_totals(
    d: dict[str, Any],
    items_key: str,
    tol: Decimal,
    *,
    rounding: Any = None,
    discount: Any = None,
    charges: Any = None,
) -> list[Issue]:
    issues: list[Issue] = []
    subtotal, tax, tip, total = (_dec(d.get(k)) for k in ("subtotal", "tax", "tip", "total"))
    rnd = _dec(rounding if rounding is not None else d.get("rounding")) or Decimal(0)
    disc = abs(_dec(discount if discount is not None else d.get("discount")) or Decimal(0))
    fees = _dec(charges) or Decimal(0)
    summed = _sum_items(d.get(items_key) or [])
    if summed is not None:
        s, n = summed
        target, name = (subtotal, "subtotal") if subtotal is not None else (total, "total")
        # Item-level tolerance grows with the number of lines (each printed amount is rounded).
        item_tol = max(tol, Decimal("0.01") * n)
        # Line prices that include tax add up to the total rather than to the net subtotal; with no
        # subtotal printed, net line prices add up to the total less the tax.
        targets = [t for t in (subtotal, total) if t is not None]
        if subtotal is None and total is not None and tax:
            targets.append(total - tax)
        if targets and all(abs(s - t) > item_tol and abs(s - disc - t) > item_tol for t in targets):
            issues.append(
                _issue(
                    "items-subtotal-mismatch",
                    f"the {n} line amounts add up to {s} but the {name} is {target}",
                    name,
                )
            )
    if subtotal is not None and total is not None:
        # With and without the tax (prices that include it print it for information), the rounding
        # and the discount (a promotion among the items is in the subtotal already).
        candidates = [
            subtotal + t + (tip or 0) - d + r + c
            for t in dict.fromkeys((tax or Decimal(0), Decimal(0)))
            for d in dict.fromkeys((disc, Decimal(0)))
            for r in dict.fromkeys((rnd, Decimal(0)))
            for c in dict.fromkeys((fees, Decimal(0)))
        ]
        if all(abs(c - total) > tol for c in candidates):
            parts = f"subtotal {subtotal}" + (f" + tax {tax}" if tax else "") + (f" + tip {tip}" if tip else "")
            parts += (f" + shipping {fees}" if fees else "")
            parts += (f" − discount {disc}" if disc else "") + (f" + rounding {rnd}" if rnd else "")
            issues.append(
                _issue("total-mismatch", f"{parts} = {candidates[0]} but the total is {total}", "total")
            )
    if total is not None and total < 0:
        issues.append(
            Issue(
                code="negative-total",
                message=f"the total is negative ({total}): a refund or credit note?",
                severity="info",
                stage="check",
                field="total",
            )
        )
    return issues


def check_receipt(
    receipt: Mapping[str, Any] | BaseModel,
    *,
    rounding: Any = None,
    discount: Any = None,
    tolerance: Decimal | float | str = DEFAULT_TOLERANCE,
) -> list[Issue]:
    """Arithmetic issues of a receipt (dict or :class:`~docextract.schemas.receipt.Receipt`).

    ``rounding`` (signed, as printed) and ``discount`` are not schema fields; pass them when known,
    or put ``"rounding"`` / ``"discount"`` keys in the dict.
    """
    d = _as_dict(receipt)
    tol = _dec(tolerance) or DEFAULT_TOLERANCE
    issues = _check_items(d.get("items") or [], tol, "items")
    return issues + _check_totals(d, "items", tol, rounding=rounding, discount=discount)


def check_invoice(
    invoice: Mapping[str, Any] | BaseModel,
    *,
    rounding: Any = None,
    discount: Any = None,
    charges: Any = None,
    tolerance: Decimal | float | str = DEFAULT_TOLERANCE,
) -> list[Issue]:
    """Arithmetic issues of an invoice (dict or :class:`~docextract.schemas.receipt.Invoice`);
    ``discount`` and ``charges`` (shipping, handling) are printed amounts no field holds."""
    d = _as_dict(invoice)
    tol = _dec(tolerance) or DEFAULT_TOLERANCE
    issues = _check_items(d.get("lines") or [], tol, "lines")
    issues += _check_totals(d, "lines", tol, rounding=rounding, discount=discount, charges=charges)
    if d.get("date") and d.get("due_date") and d["due_date"] < d["date"]:
        issues.append(_issue("due-before-date", f"due date {d['due_date']} is before the invoice date {d['date']}", "due_date"))
    return issues
