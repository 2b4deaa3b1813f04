"""Merge per-tile (and per-page) results into one document result.

Strategies, chosen by the schema kit (:attr:`docextract.schemas.SchemaSpec.merge`):

- ``document`` / ``object``: scalar fields are reconciled (agreement wins; a conflict keeps the
  majority value, ties go to the first in reading order, and every conflict becomes an Issue, never
  silently dropped); lists are concatenated in reading order with the run of duplicates that tile
  overlap creates removed; nested objects are merged field by field.
- ``tables``: tables concatenated; a table whose columns match the previous one (next tile or next
  page) continues it, with overlap rows removed.
- ``lines``: the ``code`` field's lines joined with the lines repeated by the overlap removed.

Before merging, :func:`drop_summaries` leaves out the items of a page that only sums another
page's items (a bill's summary beside its usage detail), for kits with an items list.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from docextract.types import FieldSource, Issue


@dataclass
class Part:
    """One tile's validated data, in reading order (page, then tile index)."""

    data: dict[str, Any]
    page: int
    index: int
    provenance: dict[str, FieldSource] = field(default_factory=dict)


@dataclass
class Merged:
    data: dict[str, Any] | None
    provenance: dict[str, FieldSource]
    issues: list[Issue]
    # where parts disagreed on a top-level value: each part's value, its provenance and its page, in
    # reading order, for a kit's checks to choose among (the pipeline's Document.finish)
    choices: dict[str, list[tuple[Any, FieldSource | None, int]]] = field(default_factory=dict)


def merge_parts(parts: list[Part], strategy: str) -> Merged:
    """Merge parts with the named strategy (see module docstring)."""
    parts = sorted(parts, key=lambda p: (p.page, p.index))
    if not parts:
        return Merged(None, {}, [])
    if len(parts) == 1:
        return Merged(parts[0].data, dict(parts[0].provenance), [])
    if strategy == "lines":
        return _merge_code(parts)
    if strategy == "tables":
        return _merge_tables(parts)
    return _merge_objects(parts)


def drop_summaries(parts: list[Part], items_field: str) -> list[Part]:
    """The parts with a summary page's items left out. A page whose items (two or more) each add up
    a run of another page's items, in order and all of them (a bill's summary of its usage detail:
    "Content Delivery 490.17" over "Edge data out 421.05", "Edge requests 69.12"), lists the same
    charges twice; the detail stays. Where each run is one item, the detail is the page whose items
    say more (a quantity, a price). Items without an ``amount`` are never compared."""
    pages = sorted({p.page for p in parts})
    by_page = {n: [p for p in parts if p.page == n] for n in pages}
    amounts = {n: _amounts(by_page[n], items_field) for n in pages}
    filled = {n: _filled(by_page[n], items_field) for n in pages}

    def summarizes(a: int, b: int) -> bool:
        x, y = amounts[a], amounts[b]
        if a == b or not x or not y or len(x) < 2 or not _sums_runs(x, y):
            return False
        return len(x) < len(y) or filled[a] < filled[b]

    # only pages whose items add up alike can be two views of the same charges (a long file's
    # hundreds of pages are not compared pair by pair)
    by_sum: dict[Decimal, list[int]] = {}
    for n in pages:
        if amounts[n]:
            by_sum.setdefault(sum(amounts[n]), []).append(n)
    summaries = {a for alike in by_sum.values() for a in alike for b in alike if summarizes(a, b)}
    if not summaries:
        return parts
    out = []
    for p in parts:
        if p.page in summaries:
            prov = {k: v for k, v in p.provenance.items() if not k.startswith(f"{items_field}[")}
            p = Part({**p.data, items_field: []}, p.page, p.index, prov)
        out.append(p)
    return out


def _amounts(parts: list[Part], items_field: str) -> list[Decimal] | None:
    """The amounts of a page's items in order; None where one has none."""
    out = []
    for p in sorted(parts, key=lambda p: p.index):
        for item in p.data.get(items_field) or []:
            try:
                out.append(Decimal(str(item["amount"])))
            except (KeyError, TypeError, InvalidOperation):
                return None
    return out


def _filled(parts: list[Part], items_field: str) -> int:
    """How many values a page's items hold."""
    return sum(v not in (None, "") for p in parts for item in p.data.get(items_field) or [] for v in item.values())


def _sums_runs(totals: list[Decimal], lines: list[Decimal]) -> bool:
    """Whether ``lines`` split, in order, into runs that add up to ``totals`` one by one."""
    k = 0
    for total in totals:
        run = Decimal(0)
        start = k
        while k < len(lines) and run < total:
            run += lines[k]
            k += 1
        if k == start or run != total:
            return False
    return k == len(lines)


# --- normalisation -------------------------------------------------------------------------------


def norm(value: Any) -> Any:
    """A comparison key: numbers by value, text by case-folded words, containers recursively."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, Decimal)):
        try:
            return Decimal(str(value)).normalize()
        except InvalidOperation:
            return str(value)
    if isinstance(value, str):
        return " ".join(re.sub(r"[^\w.,:/-]+", " ", value.casefold()).split())
    if isinstance(value, dict):
        return tuple(sorted((k, norm(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(norm(v) for v in value)
    return value


def overlap_run(head: list[Any], tail: list[Any]) -> int:
    """Length of the longest run where the end of ``head`` equals the start of ``tail``."""
    a, b = [norm(x) for x in head], [norm(x) for x in tail]
    for k in range(min(len(a), len(b)), 0, -1):
        if a[-k:] == b[:k]:
            return k
    return 0


def concat_dedup(lists: list[list[Any]]) -> tuple[list[Any], list[int]]:
    """Concatenate lists dropping overlap runs; also return where each list's kept part starts."""
    out: list[Any] = []
    offsets = []
    for items in lists:
        k = overlap_run(out, items)
        offsets.append(len(out) - k)
        out.extend(items[k:])
    return out, offsets


# --- objects ------------------------------------------------------------------------------------


def _merge_objects(parts: list[Part]) -> Merged:
    issues: list[Issue] = []
    prov: dict[str, FieldSource] = {}
    data = _merge_dicts([p.data for p in parts], parts, "", issues, prov)
    choices: dict[str, list[tuple[Any, FieldSource | None, int]]] = {}
    for key in data:
        present = [(p.data.get(key), p) for p in parts if p.data.get(key) not in (None, "", [], {})]
        if present and not isinstance(present[0][0], (list, dict)) and len({norm(v) for v, _ in present}) > 1:
            choices[key] = [(v, part.provenance.get(key), part.page) for v, part in present]
    return Merged(data, prov, issues, choices)


def _merge_dicts(
    dicts: list[dict[str, Any]], parts: list[Part], prefix: str, issues: list[Issue], prov: dict[str, FieldSource]
) -> dict[str, Any]:
    keys: list[str] = []
    for d in dicts:
        keys.extend(k for k in d if k not in keys)
    out: dict[str, Any] = {}
    for key in keys:
        path = f"{prefix}{key}"
        values = [d.get(key) for d in dicts]
        present = [(v, p) for v, p in zip(values, parts) if v not in (None, "", [], {})]
        if not present:
            out[key] = next((v for v in values if key in dicts[0]), values[0])
            continue
        sample = present[0][0]
        if isinstance(sample, list):
            out[key] = _merge_lists(present, path, prov)
        elif isinstance(sample, dict):
            subs = [v if isinstance(v, dict) else {} for v, _ in present]
            out[key] = _merge_dicts(subs, [p for _, p in present], f"{path}.", issues, prov)
        else:
            out[key] = _reconcile(present, path, issues, prov)
    return out


def _reconcile(present: list[tuple[Any, Part]], path: str, issues: list[Issue], prov: dict[str, FieldSource]) -> Any:
    counts = Counter(norm(v) for v, _ in present)
    best_key, best_n = counts.most_common(1)[0]
    # Ties go to the first value in reading order (Counter keeps insertion order for equal counts).
    winner, part = next((v, p) for v, p in present if norm(v) == best_key)
    if path in part.provenance:
        prov[path] = part.provenance[path]
    if len(counts) > 1:
        issues.append(
            Issue(
                code="merge-conflict",
                message=f"tiles disagree on {path}: {_describe_votes(present)}; kept {winner!r} ({best_n} of {len(present)})",
                stage="merge",
                field=path,
                page=part.page,
            )
        )
    return winner


def _describe_votes(present: list[tuple[Any, Part]], limit: int = 5) -> str:
    """``'12.10' (page 1 tile 3), '18.40' (page 1 tiles 4, 6)`` — compact even for many tiles."""
    groups: dict[Any, tuple[Any, list[str]]] = {}
    for value, part in present:
        groups.setdefault(norm(value), (value, []))[1].append(f"{part.page}.{part.index + 1}")
    shown = [f"{v!r} (page.tile {', '.join(where[:limit])}{', ...' if len(where) > limit else ''})" for v, where in groups.values()]
    return ", ".join(shown[:limit]) + (f" and {len(shown) - limit} more values" if len(shown) > limit else "")


def _merge_lists(present: list[tuple[Any, Part]], path: str, prov: dict[str, FieldSource]) -> list[Any]:
    lists = [list(v) for v, _ in present]
    merged, offsets = concat_dedup(lists)
    for (_, part), offset in zip(present, offsets):
        pattern = re.compile(rf"^{re.escape(path)}\[(\d+)\](.*)$")
        for key, source in part.provenance.items():
            m = pattern.match(key)
            if m and int(m.group(1)) + offset < len(merged):
                new_key = f"{path}[{int(m.group(1)) + offset}]{m.group(2)}"
                prov.setdefault(new_key, source)
    return merged


# --- code and tables -----------------------------------------------------------------------------


def merge_lines(texts: list[str]) -> str:
    """Join text blocks, dropping the lines the next block repeats (compared without indentation)."""
    lines: list[str] = []
    for text in texts:
        new = text.splitlines()
        a = [x.strip() for x in lines]
        b = [x.strip() for x in new]
        k = next((k for k in range(min(len(a), len(b)), 0, -1) if a[-k:] == b[:k]), 0)
        lines.extend(new[k:])
    return "\n".join(lines)


def _merge_code(parts: list[Part]) -> Merged:
    issues: list[Issue] = []
    langs = [(p.data.get("language"), p) for p in parts if p.data.get("language")]
    prov: dict[str, FieldSource] = {}
    language = _reconcile(langs, "language", issues, prov) if langs else None
    code = merge_lines([str(p.data.get("code") or "") for p in parts])
    return Merged({"language": language, "code": code}, prov, issues)


def _merge_tables(parts: list[Part]) -> Merged:
    """Tile tables joined within a page, then tables continuing on the next page stitched."""
    from docextract.schemas import Table
    from docextract.tables import stitch_tables

    tables: list[dict[str, Any]] = []
    for part in parts:
        for table in part.data.get("tables") or []:
            table = {"columns": list(table.get("columns") or []), "rows": list(table.get("rows") or []),
                     "page": table.get("page") or part.page}
            prev = tables[-1] if tables else None
            if prev is not None and prev["page"] == table["page"] and _continues(prev, table):
                prev["rows"].extend(table["rows"][overlap_run(prev["rows"], table["rows"]):])
            else:
                tables.append(table)
    stitched = stitch_tables([Table.model_validate(t) for t in tables])
    return Merged({"tables": [t.model_dump() for t in stitched]}, {}, [])


def _continues(prev: dict[str, Any], table: dict[str, Any]) -> bool:
    """The next tile's table continues this one: same header, or no header and as many columns."""
    if table["columns"]:
        return norm(table["columns"]) == norm(prev["columns"])
    width = len(prev["columns"]) or (len(prev["rows"][0]) if prev["rows"] else 0)
    return bool(table["rows"]) and width == len(table["rows"][0])
