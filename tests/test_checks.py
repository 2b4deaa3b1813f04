"""Arithmetic checks: each one fires on a wrong document and stays quiet on a right one."""

from __future__ import annotations

from decimal import Decimal as D

from docextract.checks import check_invoice, check_receipt
from docextract.schemas import Invoice, LineItem, Receipt, resolve_schema


def codes(issues: list) -> list[str]:
    return [i.code for i in issues]


def test_consistent_receipt_has_no_issues() -> None:
    r = {
        "items": [{"quantity": 2, "unit_price": D("1.50"), "amount": D("3.00")}, {"amount": D("7.00")}],
        "subtotal": D("10.00"),
        "tax": D("0.60"),
        "total": D("10.60"),
    }
    assert check_receipt(r) == []


def test_item_amount_mismatch() -> None:
    r = {"items": [{"quantity": 3, "unit_price": D("2.00"), "amount": D("5.00")}]}
    issues = check_receipt(r)
    assert codes(issues) == ["item-amount-mismatch"]
    assert issues[0].field == "items[0].amount"


def test_items_subtotal_mismatch() -> None:
    r = {"items": [{"amount": D("3.00")}, {"amount": D("4.00")}], "subtotal": D("9.00"), "total": D("9.00")}
    assert codes(check_receipt(r)) == ["items-subtotal-mismatch"]


def test_total_mismatch_and_rounding_tip_discount() -> None:
    r = {"subtotal": D("80.91"), "tax": D("0"), "total": D("80.90")}
    assert codes(check_receipt(r, tolerance="0.001")) == ["total-mismatch"]
    assert check_receipt(r, rounding=D("-0.01"), tolerance="0.001") == []
    r2 = {"subtotal": D("20.00"), "tax": D("1.00"), "tip": D("3.00"), "total": D("22.00")}
    assert check_receipt(r2, discount=D("2.00")) == []
    assert codes(check_receipt(r2)) == ["total-mismatch"]
    r3 = {"subtotal": D("100"), "tax": D("20"), "total": D("150")}
    assert codes(check_receipt(r3)) == ["total-mismatch"]
    # A promotion printed among the items ("ITEM PROMO -3.51") is in the subtotal already.
    r4 = {"subtotal": D("122.78"), "tax": D("0"), "total": D("122.80")}
    assert check_receipt(r4, discount=D("3.51"), rounding=D("0.02"), tolerance="0.001") == []
    assert codes(check_receipt(r4, discount=D("3.51"), rounding=D("0.05"), tolerance="0.001")) == ["total-mismatch"]


def test_tax_inclusive_prices_pass() -> None:
    # EU/MY receipts print the VAT included in the total: subtotal == total is consistent too.
    assert check_receipt({"subtotal": D("12.00"), "tax": D("0.68"), "total": D("12.00")}) == []


def test_line_prices_that_include_tax_add_up_to_the_total() -> None:
    # An EU shop invoice: line prices include VAT, the subtotal printed is the net amount.
    inv = {"lines": [{"amount": D("399.00")}, {"amount": D("60.00")}], "subtotal": D("379.34"), "tax": D("79.66")}
    assert check_invoice(inv | {"total": D("459.00")}) == []
    assert codes(check_invoice(inv | {"total": D("470.00")})) == ["items-subtotal-mismatch", "total-mismatch"]
    # no subtotal printed: net lines add up to the total less the tax
    net = {"lines": [{"amount": D("2.00")}], "tax": D("0.46")}
    assert check_invoice(net | {"total": D("2.46")}) == []
    assert codes(check_invoice(net | {"total": D("2.60")})) == ["items-subtotal-mismatch"]


def test_negative_total_is_info_and_models_accepted() -> None:
    issues = check_receipt({"total": D("-1.73")})
    assert codes(issues) == ["negative-total"] and issues[0].severity == "info"
    model = Receipt(items=[LineItem(quantity=D(2), unit_price=D("2.5"), amount=D("6"))])
    assert codes(check_receipt(model)) == ["item-amount-mismatch"]


def test_invoice_checks() -> None:
    inv = Invoice(
        lines=[LineItem(amount=D("45.93")), LineItem(quantity=1, unit_price=D("0.75"), amount=D("0.75"))],
        subtotal=D("46.68"),
        tax=D("9.34"),
        total=D("56.02"),
    )
    assert check_invoice(inv) == []
    bad = inv.model_copy(update={"total": D("60.00")})
    assert codes(check_invoice(bad)) == ["total-mismatch"]
    # the schema kits run the checks: invoice has them, table none
    assert codes(resolve_schema("invoice").check(bad.model_dump())) == ["total-mismatch"]
    assert resolve_schema("table").check({}) == []
    import datetime as dt

    late = {"date": dt.date(2022, 2, 1), "due_date": dt.date(2022, 1, 1)}
    assert codes(check_invoice(late)) == ["due-before-date"]
