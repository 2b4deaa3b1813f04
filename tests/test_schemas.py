import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from docextract.errors import SchemaError, SchemaNotFound
from docextract.schemas import BUILTIN_SCHEMAS, Receipt, resolve_schema
from docextract.schemas.files import render

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(BUILTIN_SCHEMAS))
def test_schema_files_are_current(name):
    path = ROOT / "schemas" / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == render(name), "run: python -m docextract.schemas.files schemas"


def test_receipt_field_names():
    assert list(Receipt.model_fields) == [
        "merchant_name", "merchant_address", "date", "time", "currency", "items",
        "subtotal", "tax", "tip", "total", "payment_method",
    ]
    inv = BUILTIN_SCHEMAS["invoice"].model_fields
    assert {"invoice_number", "issuer", "customer", "date", "due_date", "currency", "lines", "subtotal", "tax", "total"} <= set(inv)


def test_money_is_exact_and_bounded():
    r = Receipt.model_validate({"total": "12.10", "tax": 0.1, "items": [{"amount": 3}], "currency": "usd"})
    assert r.total == Decimal("12.10") and r.tax == Decimal("0.1") and r.currency == "USD"
    dumped = json.loads(r.model_dump_json())
    assert dumped["total"] == 12.1 and dumped["items"][0]["amount"] == 3
    for bad in ("inf", "NaN", float("inf"), float("nan"), "5E+7989275898989898", 1e20, "12,10"):
        with pytest.raises(ValidationError):
            Receipt.model_validate({"total": bad})
    with pytest.raises(ValidationError):
        Receipt.model_validate({"time": "25:00"})


def test_resolve_builtin_python_and_json(tmp_path):
    assert resolve_schema("receipt").model is Receipt
    py = tmp_path / "models.py"
    py.write_text("from pydantic import BaseModel\nclass Expense(BaseModel):\n    vendor: str\n    amount: float\n")
    spec = resolve_schema(f"{py}:Expense")
    assert spec.name == "expense" and spec.validate({"vendor": "x", "amount": 1}).vendor == "x"
    js = tmp_path / "ticket.schema.json"
    js.write_text(json.dumps({"type": "object", "properties": {"seat": {"type": "string"}}, "required": ["seat"]}))
    spec = resolve_schema(str(js))
    assert spec.name == "ticket" and spec.validate({"seat": "12A"}) == {"seat": "12A"}
    with pytest.raises(Exception, match="seat"):
        spec.validate({})


def test_resolve_errors(tmp_path):
    with pytest.raises(SchemaNotFound, match="receipt, table"):
        resolve_schema("reciept")
    py = tmp_path / "m.py"
    py.write_text("from pydantic import BaseModel\nclass A(BaseModel):\n    x: int\n")
    with pytest.raises(SchemaNotFound, match="Pydantic models there: A"):
        resolve_schema(f"{py}:B")
    bad = tmp_path / "boom.py"
    bad.write_text("raise RuntimeError('nope')\n")
    with pytest.raises(SchemaError, match="RuntimeError: nope"):
        resolve_schema(f"{bad}:X")
    js = tmp_path / "bad.schema.json"
    js.write_text("{not json")
    with pytest.raises(SchemaError, match="not valid JSON"):
        resolve_schema(str(js))
    js.write_text(json.dumps({"type": "array"}))
    with pytest.raises(SchemaError, match="top level"):
        resolve_schema(str(js))
    with pytest.raises(SchemaNotFound):
        resolve_schema(str(tmp_path / "missing.schema.json"))


USER_KIT = '''
from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel

from docextract.schemas import SchemaSpec
from docextract.types import Issue


class Expense(BaseModel):
    docextract_max_tokens: ClassVar[int] = 300
    docextract_merge: ClassVar[str] = "document"
    amount: Decimal | None = None
    limit: Decimal | None = None


def over_limit(data, printed):
    if data.get("amount") is not None and data.get("limit") is not None and data["amount"] > data["limit"]:
        return [Issue(code="over-limit", message="over the limit", stage="check", field="amount")]
    return []


KIT = SchemaSpec("expense", Expense, merge="document", max_tokens=700, checks=over_limit)
'''


def test_a_user_schema_gets_a_kit_of_its_own(tmp_path):
    """Checks, token budget and merging come from the user's kit (or the model's class variables),
    exactly as for the built-ins."""
    from PIL import Image

    import docextract
    from docextract.testing import FakeEngine

    (tmp_path / "kit.py").write_text(USER_KIT)
    image = tmp_path / "page.png"
    Image.new("RGB", (200, 100), "white").save(image)

    engine = FakeEngine({"amount": "120.00", "limit": "100.00"})
    result = docextract.extract(image, f"{tmp_path / 'kit.py'}:KIT", engine=engine)
    assert engine.requests[0].max_tokens == 700
    assert [i.code for i in result.issues] == ["over-limit"] and result.needs_review

    from_model = resolve_schema(f"{tmp_path / 'kit.py'}:Expense")
    assert (from_model.max_tokens, from_model.merge, from_model.checks) == (300, "document", None)
    assert resolve_schema("receipt").rules is not None and from_model.rules is None


@pytest.mark.parametrize("merge", ["object", "document"])
def test_a_kits_checks_run_once_on_the_merged_data_whatever_its_merge(tmp_path, merge):
    """The README's own example kit leaves merge at its default ("object"): its checks must run too."""
    from decimal import Decimal

    from PIL import Image
    from pydantic import BaseModel

    import docextract
    from docextract.schemas import SchemaSpec
    from docextract.testing import FakeEngine
    from docextract.types import Issue

    class Expense(BaseModel):
        amount: Decimal | None = None

    seen: list[dict] = []

    def over_budget(data, printed):
        seen.append(data)
        return [Issue(code="over-budget", message="over budget", stage="check", field="amount")] if data["amount"] > 100 else []

    image = tmp_path / "page.png"
    Image.new("RGB", (200, 100), "white").save(image)
    kit = SchemaSpec("expense", Expense, merge=merge, checks=over_budget)
    flagged = docextract.extract(image, kit, engine=FakeEngine({"amount": "120.00"}))
    assert [i.code for i in flagged.issues] == ["over-budget"] and flagged.needs_review
    assert seen == [{"amount": Decimal("120.00")}]
    fine = docextract.extract(image, kit, engine=FakeEngine({"amount": "20.00"}))
    assert fine.issues == [] and not fine.needs_review
