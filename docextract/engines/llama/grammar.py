"""JSON Schema → GBNF grammar for constrained decoding with llama.cpp.

llama-cpp-python ships a JSON-Schema-to-GBNF converter, but used as is it has traps that matter
for extraction:

* its string rule admits raw control characters (U+0000–U+001F), which strict JSON parsers
  reject, and lone UTF-16 surrogate escapes (``\\ud800``) that Python parses but cannot encode;
* its number rule admits exponents and ~16-digit parts (a random model wrote
  ``{"total":5E+7989275898989898}``); amounts must be plain, bounded decimals;
* a regex ``.`` becomes "any character but a line break", raw quotes and backslashes included;
* it silently ignores keywords it cannot express (``not``, ``if``/``then``...), and the chat
  handlers silently fall back to "any JSON" when conversion fails.

:func:`compile_grammar` fixes the rules above and raises :class:`~docextract.errors.SchemaError`
with the reason instead of falling back. The result is plain GBNF text (cached per schema);
:func:`load_grammar` turns it into a ``llama_cpp.LlamaGrammar``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from docextract.errors import MissingDependency, SchemaError
from docextract.schemas.types import MAX_MONEY_DIGITS

if TYPE_CHECKING:
    from llama_cpp import LlamaGrammar

MAX_INT_DIGITS = MAX_MONEY_DIGITS
"""Integer digits a grammar-constrained number may have (same bound as the money fields)."""
MAX_FRAC_DIGITS = 4
"""Decimal places a grammar-constrained number may have."""

_HEX = "[0-9a-fA-F]"
# One JSON string character: anything but a quote, a backslash or a control character, or a valid
# escape. \u escapes exclude the UTF-16 surrogate range D800-DFFF (a lone surrogate parses in
# Python but cannot be written out as UTF-8).
SAFE_CHAR = (
    r'[^"\\\x00-\x1F] | "\\" (["\\/bfnrt] | "u" ([0-9a-cA-CeEfF] '
    + f"{_HEX} {_HEX} {_HEX}"
    + r" | [dD] [0-7] "
    + f"{_HEX} {_HEX}))"
)
_INT_PART = f'("0" | [1-9] [0-9]{{0,{MAX_INT_DIGITS - 1}}})'
# Plain decimals only: no exponent, no leading zeros, bounded digits on both sides of the point.
SAFE_NUMBER = f'"-"? {_INT_PART} ("." [0-9]{{1,{MAX_FRAC_DIGITS}}})? space'
SAFE_INTEGER = f'"-"? {_INT_PART} space'
# ISO dates a document can carry: years 1000-2999 and no month/day combination that cannot exist
# (29 February is allowed; validation still rejects it in common years).
SAFE_DATE = (
    '[12] [0-9] [0-9] [0-9] "-" ('
    ' "02-" ("0" [1-9] | [12] [0-9])'
    ' | ("0" [13-9] | "1" [0-2]) "-" ("0" [1-9] | [12] [0-9] | "30")'
    ' | ("0" [13578] | "1" [02]) "-31" )'
)

# Keywords that change which documents are valid in ways the converter cannot express; it would
# silently ignore them and the grammar would allow (or force) output the schema rejects.
UNSUPPORTED_KEYWORDS = frozenset(
    {
        "not",
        "if",
        "then",
        "else",
        "dependentRequired",
        "dependentSchemas",
        "dependencies",
        "patternProperties",
        "propertyNames",
        "contains",
        "minContains",
        "maxContains",
        "unevaluatedProperties",
        "unevaluatedItems",
        "minProperties",
        "maxProperties",
        "$dynamicRef",
        "$recursiveRef",
    }
)
# Keywords whose value is a schema or a list/dict of schemas (walked to find nested keywords).
_SUBSCHEMA_KEYS = ("items", "additionalProperties", "prefixItems", "anyOf", "oneOf", "allOf")
_SUBSCHEMA_MAPS = ("properties", "$defs", "definitions")


def compile_grammar(json_schema: dict[str, Any] | str) -> str:
    """The GBNF grammar that admits exactly the JSON documents of ``json_schema`` (as text).

    Raises :class:`SchemaError` naming the reason when the schema cannot be converted faithfully;
    never falls back to a looser grammar. Results are cached per schema.
    """
    if isinstance(json_schema, str):
        text = json_schema
    else:
        try:
            # Key order matters: properties are generated in document order.
            text = json.dumps(json_schema)
        except (TypeError, ValueError) as exc:
            raise SchemaError(f"schema is not JSON-serialisable: {exc}") from None
    return _compile_cached(text)


@lru_cache(maxsize=64)
def _compile_cached(schema_text: str) -> str:
    try:
        schema = json.loads(schema_text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"schema is not valid JSON: {exc}") from None
    if not isinstance(schema, dict):
        raise SchemaError("a schema must be a JSON object")
    _check_supported(schema, "#")
    converter = _converter()
    try:
        schema = converter.resolve_refs(schema, "schema")
        converter.visit(schema, "")
    except SchemaError:
        raise
    except (AssertionError, ValueError, KeyError, TypeError, RecursionError) as exc:
        # The converter reports unsupported constructs with asserts and ValueErrors.
        reason = str(exc).strip() or type(exc).__name__
        raise SchemaError(f"schema cannot be turned into a grammar: {reason}") from None
    return converter.format_grammar()


def _check_supported(node: Any, where: str) -> None:
    """Raise SchemaError for keywords the grammar cannot enforce (see UNSUPPORTED_KEYWORDS)."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            _check_supported(item, f"{where}/{i}")
        return
    if not isinstance(node, dict):
        return
    bad = sorted(UNSUPPORTED_KEYWORDS.intersection(node))
    if bad:
        raise SchemaError(
            f"schema keyword {bad[0]!r} at {where} cannot be enforced by a grammar; "
            "remove it or express the rule with properties/anyOf/enum"
        )
    ref = node.get("$ref")
    if isinstance(ref, str) and not ref.startswith("#/"):
        raise SchemaError(f"schema reference {ref!r} at {where} is not local; only '#/...' references are supported")
    for key in _SUBSCHEMA_KEYS:
        if isinstance(node.get(key), (dict, list)):
            _check_supported(node[key], f"{where}/{key}")
    for key in _SUBSCHEMA_MAPS:
        sub = node.get(key)
        if isinstance(sub, dict):
            for name, value in sub.items():
                _check_supported(value, f"{where}/{key}/{name}")


def _converter() -> Any:
    """A llama-cpp-python SchemaConverter whose string, number and regex-dot rules are safe."""
    try:
        from llama_cpp import llama_grammar as lg
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(
            f"compiling a schema to a grammar needs llama-cpp-python ({exc}); "
            'install it with: pip install "docextract[llama]"'
        ) from None

    overrides = {
        lg.PRIMITIVE_RULES["char"].content: lg.BuiltinRule(SAFE_CHAR, []),
        lg.PRIMITIVE_RULES["number"].content: lg.BuiltinRule(SAFE_NUMBER, []),
        lg.PRIMITIVE_RULES["integer"].content: lg.BuiltinRule(SAFE_INTEGER, []),
        lg.STRING_FORMAT_RULES["date"].content: lg.BuiltinRule(SAFE_DATE, []),
    }
    unsafe_dots = {lg.DOT, lg.DOTALL}

    class _SafeConverter(lg.SchemaConverter):  # type: ignore[misc, valid-type]
        def _add_primitive(self, name: str, rule: Any) -> str:
            # Primitive rules are recognised by content (a root-level rule is named "root").
            rule = overrides.get(rule.content, rule)
            key: str = self._add_rule(name, rule.content)
            for dep in rule.deps:
                dep_rule = lg.PRIMITIVE_RULES.get(dep) or lg.STRING_FORMAT_RULES.get(dep)
                dep_rule = overrides.get(dep_rule.content, dep_rule) if dep_rule else None
                if dep_rule is None:
                    raise SchemaError(f"internal grammar rule {dep!r} is unknown")
                if dep not in self._rules:
                    self._add_primitive(dep, dep_rule)
            return key

        def _add_rule(self, name: str, rule: str) -> str:
            if name == "dot" and rule in unsafe_dots:
                # A regex "." inside a JSON string is one JSON string character.
                rule = f"( {SAFE_CHAR} )"
            return super()._add_rule(name, rule)  # type: ignore[no-any-return]

        def _visit_pattern(self, pattern: str, name: str) -> str:
            return super()._visit_pattern(_normalise_pattern(pattern), name)  # type: ignore[no-any-return]

    return _SafeConverter(prop_order={}, allow_fetch=False, dotall=False, raw_pattern=False)


_CLASS_ESCAPES = {"d": "0-9", "w": "a-zA-Z0-9_"}


def _normalise_pattern(pattern: str) -> str:
    """Rewrite the regex features the converter copies verbatim into invalid or unsafe GBNF.

    ``\\d``/``\\w`` become character classes (GBNF has no such escapes) and negated classes
    ``[^...]`` also exclude quotes, backslashes and control characters (raw in a JSON string they
    would break it).
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt in _CLASS_ESCAPES:
                body = _CLASS_ESCAPES[nxt]
                out.append(body if in_class else f"[{body}]")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if not in_class and c == "[":
            in_class = True
            if pattern.startswith("[^", i):
                out.append('[^"\\\\\\x00-\\x1F')
                i += 2
                continue
        elif in_class and c == "]":
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


def load_grammar(gbnf: str) -> LlamaGrammar:
    """A ``llama_cpp.LlamaGrammar`` for GBNF text (llama_cpp is imported only here).

    Note that llama-cpp-python only parses the text when sampling starts; the engine checks it
    against the model's vocabulary first (see ``LlamaEngine``) so a bad grammar fails loudly.
    """
    try:
        from llama_cpp import LlamaGrammar
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(
            f"grammar-constrained decoding needs llama-cpp-python ({exc}); "
            'install it with: pip install "docextract[llama]"'
        ) from None
    if not gbnf.strip() or not re.search(r"^root\s*::=", gbnf, re.MULTILINE):
        raise SchemaError("grammar has no 'root' rule")
    return LlamaGrammar.from_string(gbnf, verbose=False)


__all__ = ["MAX_FRAC_DIGITS", "MAX_INT_DIGITS", "compile_grammar", "load_grammar"]
