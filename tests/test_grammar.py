"""docextract.engines.llama.grammar: JSON Schema → GBNF with safe strings, bounded plain numbers, loud failures."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("llama_cpp")

from docextract.engines.llama.grammar import (  # noqa: E402
    MAX_FRAC_DIGITS,
    MAX_INT_DIGITS,
    _normalise_pattern,
    compile_grammar,
    load_grammar,
)
from docextract.errors import SchemaError  # noqa: E402
from docextract.schemas import list_schemas, resolve_schema  # noqa: E402


def _rules(gbnf: str) -> dict[str, str]:
    return dict(line.split(" ::= ", 1) for line in gbnf.splitlines())


@pytest.mark.parametrize("name", list_schemas())
def test_builtin_schemas_compile_with_safe_rules(name: str) -> None:
    gbnf = compile_grammar(resolve_schema(name).json_schema)
    rules = _rules(gbnf)
    assert "root" in rules
    # Strings: no raw quote, backslash or control character; only JSON escapes.
    assert rules["char"].startswith(r'[^"\\\x00-\x1F]')
    # No exponent anywhere, and number/integer rules bounded.
    assert "[eE]" not in gbnf
    for rule in ("number", "integer"):
        if rule in rules:
            assert f"{{0,{MAX_INT_DIGITS - 1}}}" in rules[rule]
            assert "+" not in rules[rule] and "*" not in rules[rule]


def test_number_rule_is_a_plain_bounded_decimal() -> None:
    rules = _rules(compile_grammar({"type": "object", "properties": {"x": {"type": "number"}}}))
    assert (
        rules["number"]
        == f'"-"? ("0" | [1-9] [0-9]{{0,{MAX_INT_DIGITS - 1}}}) ("." [0-9]{{1,{MAX_FRAC_DIGITS}}})? space'
    )


def test_property_order_is_kept() -> None:
    gbnf = compile_grammar(resolve_schema("receipt").json_schema)
    root = _rules(gbnf)["root"]
    assert root.index("merchant-name-kv") < root.index("items-kv") < root.index("total-kv")


def test_results_are_cached() -> None:
    schema = resolve_schema("invoice").json_schema
    assert compile_grammar(schema) is compile_grammar(dict(schema))


def test_date_rule_only_admits_possible_dates() -> None:
    rules = _rules(compile_grammar({"type": "object", "properties": {"d": {"type": "string", "format": "date"}}}))
    assert rules["date"].startswith("[12] [0-9] [0-9] [0-9]")
    assert '"-31"' in rules["date"] and '"02-"' in rules["date"]


def test_regex_dot_and_negated_classes_cannot_break_the_string() -> None:
    schema = {"type": "object", "properties": {"p": {"type": "string", "pattern": r"^[^x]+\d.$"}}}
    rules = _rules(compile_grammar(schema))
    assert rules["p"] == r'"\"" [^"\\\x00-\x1Fx]+ [0-9] dot "\"" space'
    assert rules["dot"].startswith(r'( [^"\\\x00-\x1F]')


def test_normalise_pattern() -> None:
    assert _normalise_pattern(r"^\d{3}-\w+$") == "^[0-9]{3}-[a-zA-Z0-9_]+$"
    assert _normalise_pattern(r"^[\d.]+$") == "^[0-9.]+$"
    assert _normalise_pattern(r"^[^,]*$") == r'^[^"\\\x00-\x1F,]*$'
    assert _normalise_pattern(r"^a\.b$") == r"^a\.b$"


@pytest.mark.parametrize(
    ("schema", "reason"),
    [
        # The converter itself rejects unanchored patterns (valid JSON Schema, search semantics).
        ({"type": "object", "properties": {"code": {"type": "string", "pattern": "[A-Z]+"}}}, "Pattern must start"),
        ({"type": "object", "properties": {"a": {"type": "string", "pattern": "^(?=x)$"}}}, "Unsupported pattern"),
        ({"type": "object", "properties": {"a": {"type": "integer"}}, "not": {"required": ["a"]}}, "'not'"),
        ({"type": "object", "properties": {"a": {"type": "string"}}, "if": {}, "then": {}}, "'if'"),
        ({"type": "object", "patternProperties": {"^x": {"type": "string"}}}, "'patternProperties'"),
        ({"type": "object", "properties": {"a": {"$ref": "https://example.com/a.json"}}}, "not local"),
        ({"type": "object", "properties": {"a": {"$ref": "#/$defs/missing"}}}, "missing"),
    ],
)
def test_unconvertible_schemas_raise_schema_error(schema: dict, reason: str) -> None:
    with pytest.raises(SchemaError, match=re.escape(reason)):
        compile_grammar(schema)


def test_bad_input_raises_schema_error() -> None:
    with pytest.raises(SchemaError):
        compile_grammar("[1, 2]")
    with pytest.raises(SchemaError):
        compile_grammar("{not json")
    with pytest.raises(SchemaError):
        compile_grammar({"type": "object", "default": object()})


def test_load_grammar() -> None:
    from llama_cpp import LlamaGrammar

    gbnf = compile_grammar(resolve_schema("code").json_schema)
    assert isinstance(load_grammar(gbnf), LlamaGrammar)
    with pytest.raises(SchemaError):
        load_grammar("")
