from decimal import Decimal

from docextract.pipeline.merge import Part, concat_dedup, drop_summaries, merge_lines, merge_parts, overlap_run
from docextract.types import FieldSource


def item(d, a):
    return {"description": d, "quantity": None, "unit_price": None, "amount": a}


def test_line_items_duplicated_by_overlap_are_removed():
    top = Part({"merchant_name": "ACME", "items": [item("MILK", 2.49), item("BREAD", 4.25), item("EGGS", 3.10)], "total": None}, 1, 0)
    bottom = Part({"merchant_name": None, "items": [item("bread", 4.25), item("EGGS", 3.1), item("TEA", 1.00)], "total": 10.84}, 1, 1)
    merged = merge_parts([bottom, top], "document")
    assert [i["description"] for i in merged.data["items"]] == ["MILK", "BREAD", "EGGS", "TEA"]
    assert merged.data["merchant_name"] == "ACME" and merged.data["total"] == 10.84
    assert merged.issues == []


def test_repeated_items_that_are_not_overlap_are_kept():
    a = Part({"items": [item("COFFEE", 3), item("COFFEE", 3)]}, 1, 0)
    b = Part({"items": [item("MUFFIN", 2)]}, 1, 1)
    assert len(merge_parts([a, b], "document").data["items"]) == 3


def test_conflicting_totals_are_kept_as_issue():
    parts = [Part({"total": 10.84}, 1, 0), Part({"total": 18.40}, 1, 1), Part({"total": "10.84"}, 1, 2)]
    merged = merge_parts(parts, "document")
    assert merged.data["total"] == 10.84  # majority
    [issue] = merged.issues
    assert issue.code == "merge-conflict" and issue.field == "total" and "18.4" in issue.message


def test_conflict_tie_goes_to_reading_order_and_nested_fields_merge():
    parts = [Part({"issuer": {"name": "Northwind", "tax_id": None}}, 1, 0), Part({"issuer": {"name": "Southwind", "tax_id": "DE1"}}, 2, 0)]
    merged = merge_parts(parts, "document")
    assert merged.data["issuer"] == {"name": "Northwind", "tax_id": "DE1"}
    assert [i.field for i in merged.issues] == ["issuer.name"]


def test_provenance_follows_items_through_concatenation():
    src = FieldSource(page=1, bbox=(1, 2, 3, 4), text="4.25")
    a = Part({"items": [item("A", 1)]}, 1, 0, {"items[0].amount": src})
    b = Part({"items": [item("B", 2)]}, 1, 1, {"items[0].amount": src.model_copy(update={"text": "2"})})
    merged = merge_parts([a, b], "document")
    assert merged.provenance["items[1].amount"].text == "2"


def test_code_lines_joined_without_overlap():
    a = Part({"language": "python", "code": "def f(x):\n    y = x + 1\n    return y"}, 1, 0)
    b = Part({"language": "python", "code": "    y = x + 1\n    return y\n\nprint(f(2))"}, 1, 1)
    merged = merge_parts([a, b], "lines")
    assert merged.data["code"] == "def f(x):\n    y = x + 1\n    return y\n\nprint(f(2))"
    assert merge_lines(["a\nb", "c"]) == "a\nb\nc"


def test_table_rows_across_tiles_and_pages():
    t1 = {"tables": [{"columns": ["Item", "Qty"], "rows": [["a", "1"], ["b", "2"]]}]}
    t2 = {"tables": [{"columns": [], "rows": [["b", "2"], ["c", "3"]]}]}
    t3 = {"tables": [{"columns": ["Item", "Qty"], "rows": [["d", "4"]]}, {"columns": ["X"], "rows": [["1"]]}]}
    merged = merge_parts([Part(t1, 1, 0), Part(t2, 1, 1), Part(t3, 2, 0)], "tables")
    tables = merged.data["tables"]
    assert tables[0]["rows"] == [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]] and tables[0]["page"] == 1
    assert tables[1]["columns"] == ["X"] and tables[1]["page"] == 2


def test_overlap_helpers():
    assert overlap_run([1, 2, 3], [2, 3, 4]) == 2
    assert overlap_run([1, 2], [3]) == 0
    assert overlap_run(["A  b"], ["a b"]) == 1
    assert overlap_run([Decimal("1.50")], [1.5]) == 1
    merged, offsets = concat_dedup([[1, 2], [2, 3], [3]])
    assert merged == [1, 2, 3] and offsets == [0, 1, 2]


def _lines(page: int, *amounts: str) -> Part:
    prov = {f"lines[{k}].amount": FieldSource(page=page, text=a) for k, a in enumerate(amounts)}
    return Part({"lines": [{"amount": Decimal(a)} for a in amounts], "total": Decimal("42.50")}, page, 0, prov)


def test_a_summary_page_is_dropped_only_when_it_sums_every_run_of_the_detail() -> None:
    summary, detail = _lines(1, "30.00", "12.50"), _lines(2, "20.00", "10.00", "12.50")
    kept = drop_summaries([summary, detail], "lines")
    assert kept[0].data["lines"] == [] and kept[0].provenance == {} and kept[0].data["total"] == Decimal("42.50")
    assert kept[1] is detail
    merged = merge_parts(kept, "document")
    assert [ln["amount"] for ln in merged.data["lines"]] == [Decimal("20.00"), Decimal("10.00"), Decimal("12.50")]
    assert merged.provenance["lines[0].amount"].page == 2
    # a summary line with no detail, detail in another order, a line left over, a summary of one line:
    # both pages stay
    for other in (_lines(2, "20.00", "10.00"), _lines(2, "12.50", "20.00", "10.00"), _lines(2, "30.00", "12.50", "0.00")):
        assert drop_summaries([summary, other], "lines") == [summary, other]
    assert drop_summaries([_lines(1, "42.50"), detail], "lines")[0].data["lines"] == [{"amount": Decimal("42.50")}]


def test_of_two_pages_listing_the_same_amounts_the_one_that_says_more_stays() -> None:
    summary, detail = _lines(1, "30.00", "12.50"), _lines(2, "30.00", "12.50")
    for k, qty in enumerate(("600", "250")):
        detail.data["lines"][k]["quantity"] = Decimal(qty)
    assert [len(p.data["lines"]) for p in drop_summaries([summary, detail], "lines")] == [0, 2]
    assert [len(p.data["lines"]) for p in drop_summaries([detail, summary], "lines")] == [2, 0]
    same = _lines(2, "30.00", "12.50")
    assert drop_summaries([summary, same], "lines") == [summary, same]  # alike: nothing to choose
