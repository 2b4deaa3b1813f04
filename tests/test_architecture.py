"""The package's shape: imports flow one way (no cycles), and only the schema kits know schema names."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "docextract"
SCHEMA_NAMES = {"receipt", "invoice", "table", "code"}


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the docextract modules it imports, anywhere in its code (function-level and
    ``TYPE_CHECKING`` imports too). ``from pkg import sub`` is an edge to ``pkg.sub`` when that
    is a module, else to ``pkg``; the parent packages every import runs are not counted."""
    modules = _modules()

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, (path, is_package) in modules.items():
        base = module if is_package else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = base.split(".")[: len(base.split(".")) - node.level + 1]
                    source = ".".join(parts + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in modules else source for a in node.names]
            else:
                continue
            for target in targets:
                if target == "docextract" or target.startswith("docextract."):
                    dest = owner(target)
                    if dest is not None and dest != module:
                        graph[module].add(dest)
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively: the components of more than one module (the cycles)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}, "f": {"g"}, "g": {"f"}}
    assert sorted(strongly_connected(graph)) == [["a", "b", "c"], ["f", "g"]]


def test_the_import_graph_sees_function_level_and_relative_imports():
    graph = import_graph()
    assert "docextract.catalog.models" in graph["docextract.engines.llama.engine"]  # inside from_options
    assert "docextract.sources.pdf" in graph["docextract.sources"]  # from docextract.sources import pdf
    assert "docextract.output.result" in graph["docextract.cli.common"]


def test_docextract_has_no_import_cycles():
    cycles = strongly_connected(import_graph())
    assert cycles == [], "modules that import each other, directly or round a loop: " + "; ".join(" <-> ".join(c) for c in cycles)


def _name_comparisons(source: str) -> list[tuple[int, str]]:
    """``(line, name)`` of each comparison with a built-in schema's name (``x == "table"``, ``x in ("receipt", ...)``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        for side in (node.left, *node.comparators):
            values = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
            found.extend((node.lineno, v.value) for v in values if isinstance(v, ast.Constant) and v.value in SCHEMA_NAMES)
    return found


def test_the_name_finder_finds_name_checks():
    source = 'if spec.name == "table":\n    pass\nok = name in ("receipt", "x")\nfine = data.get("code")\n'
    assert _name_comparisons(source) == [(1, "table"), (3, "receipt")]


def test_only_the_schema_kits_know_schema_names():
    """The stages ask the schema kit (SchemaSpec) for token budgets, checks, merging, exports and
    rules; branching on a schema's name anywhere else would bypass user schemas."""
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line} compares with {name!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "schemas" not in path.relative_to(PACKAGE).parts
        for line, name in _name_comparisons(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_cli_functions_take_a_handful_of_parameters():
    """Commands take option groups (docextract.cli.options), not a parameter per option."""
    too_many = []
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                args = [a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs) if a.arg not in ("self", "cls")]
                if len(args) > 6:
                    too_many.append(f"{path.name}:{node.lineno} {node.name}({', '.join(args)})")
    assert too_many == []
