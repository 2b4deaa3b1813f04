"""A results JSONL file with its corrections applied.

Each saved edit or accepted document is one JSON line appended to ``RESULTS.corrections.jsonl``::

    {"action": "edit", "source": "r/1.jpg", "sha256": "...", "field": "total", "old": 11.05, "new": 12.5, "time": "..."}
    {"action": "accept", "source": "r/1.jpg", "sha256": "...", "field": null, "time": "..."}

Lines apply in order to the latest record of the document with that sha256 (a document read again
keeps its corrections). A value is validated by the document's schema before it is written; the
arithmetic checks run again on the corrected data (:func:`docextract.pipeline.document_checks`).
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import logging
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docextract.errors import InputError, UsageError
from docextract.types import Issue, Status

if TYPE_CHECKING:
    from docextract.output.result import Extraction
    from docextract.schemas import SchemaSpec

log = logging.getLogger(__name__)

Loc = tuple[str | int, ...]
_PART = re.compile(r"([^.\[\]\s]+)|\[(\d+)\]")


def corrections_path(results: str | os.PathLike[str]) -> Path:
    """``out.jsonl`` → ``out.corrections.jsonl`` beside it."""
    path = Path(results)
    return path.with_name(f"{path.stem}.corrections.jsonl")


# --------------------------------------------------------------------------------------------------
# field paths: "total", "issuer.name", "items[0].amount" (the keys of a result's provenance)


def parse_path(path: str) -> Loc:
    """``"items[0].amount"`` → ``("items", 0, "amount")``; :class:`UsageError` for anything else."""
    parts: list[str | int] = []
    pos = 0
    for m in _PART.finditer(path):
        gap = path[pos:m.start()]
        # a name follows a dot (the first stands alone); an index follows its field directly
        if gap != ("" if m.group(2) is not None or not parts else "."):
            break
        parts.append(m.group(1) if m.group(1) is not None else int(m.group(2)))
        pos = m.end()
    if not parts or pos != len(path) or isinstance(parts[0], int):
        raise UsageError(f"{path!r} is not a field path (like total, issuer.name or items[0].amount)")
    return tuple(parts)


def format_path(loc: Iterable[str | int]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def get_path(data: Any, loc: Loc) -> Any:
    """The value at ``loc``; :class:`KeyError` when the path is not in the data."""
    for part in loc:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                raise KeyError(format_path(loc))
        elif not isinstance(data, dict) or part not in data:
            raise KeyError(format_path(loc))
        data = data[part]
    return data


def set_path(data: dict[str, Any], loc: Loc, value: Any) -> None:
    """Set the value at ``loc`` (an empty object on the way is created; list items must exist)."""
    node: Any = data
    for part, following in zip(loc, loc[1:]):
        if isinstance(part, str) and isinstance(node, dict) and node.get(part) is None and isinstance(following, str):
            node[part] = {}
        node = get_path(node, (part,))
    last = loc[-1]
    if isinstance(last, int):
        get_path(node, (last,))
    elif not isinstance(node, dict):
        raise KeyError(format_path(loc))
    node[last] = value


def field_paths(data: Any, prefix: Loc = ()) -> list[Loc]:
    """The editable leaves of JSON-ready data: scalars, inside objects and lists of objects; a list of
    scalars is one leaf."""
    if isinstance(data, dict):
        return [loc for key, value in data.items() for loc in field_paths(value, (*prefix, key))]
    if isinstance(data, list) and data and all(isinstance(x, dict) for x in data):
        return [loc for n, item in enumerate(data) for loc in field_paths(item, (*prefix, n))]
    return [prefix] if prefix else []


# --------------------------------------------------------------------------------------------------
# values typed in by a person


def _spec_for(schema: str) -> SchemaSpec | None:
    """The built-in schema a record names; a user's own schema is not known from its name alone."""
    from docextract.schemas import BUILTIN_SCHEMAS, resolve_schema

    return resolve_schema(schema) if schema in BUILTIN_SCHEMAS else None


def _errors(spec: SchemaSpec, data: dict[str, Any]) -> list[tuple[Loc, str]]:
    """Validation errors of ``data`` as (location, message), empty when it validates."""
    if spec.model is not None:
        from pydantic import ValidationError

        try:
            spec.model.model_validate(data)
        except ValidationError as exc:
            return [(tuple(e["loc"]), str(e["msg"]).removeprefix("Value error, ")) for e in exc.errors()]
        return []
    import jsonschema

    validator = jsonschema.Draft202012Validator(spec.json_schema)
    return [(tuple(e.absolute_path), e.message) for e in validator.iter_errors(data)]


def _candidates(text: str) -> list[Any]:
    """What a typed text can mean: nothing (empty), the text, or the JSON it spells (12.5, true, [..])."""
    if not text.strip():
        return [None]
    out: list[Any] = [text]
    try:
        value = json.loads(text)
    except ValueError:
        return out
    if not isinstance(value, str):
        out.append(value)
    return out


def _trial(spec: SchemaSpec, data: dict[str, Any], loc: Loc, value: Any,
           before: set[tuple[Loc, str]]) -> tuple[dict[str, Any], str | None]:
    """``data`` with ``value`` at ``loc``, and the schema's message if that makes it invalid: errors
    at this field, or new ones elsewhere (a cross-field rule), beyond those of ``before``; an already
    invalid document does not block edits of its valid fields."""
    trial = copy.deepcopy(data)
    set_path(trial, loc, value)
    errors = [e for e in _errors(spec, trial) if e[0][: len(loc)] == loc or e not in before]
    return trial, errors[0][1] if errors else None


def coerce_value(spec: SchemaSpec | None, data: dict[str, Any], loc: Loc, text: str) -> Any:
    """The JSON-ready value ``text`` gives the field at ``loc``, as the schema reads it; ValueError
    with the schema's message when no reading of it is valid."""
    get_path(data, loc)  # the field must exist
    candidates = _candidates(text)
    if spec is None:  # an unknown schema: numbers and booleans where the text spells one
        return candidates[-1]
    before = set(_errors(spec, data))
    first_error = None
    for value in candidates:
        trial, error = _trial(spec, data, loc, value, before)
        if error is None:
            if not before:
                return get_path(spec.dump(spec.validate(trial)), loc)
            return value
        first_error = first_error or error
    raise ValueError(first_error)


# --------------------------------------------------------------------------------------------------
# documents


@dataclass
class ReviewedDocument:
    """One document of the results with its corrections applied."""

    id: str  # stable, URL-safe
    record: dict[str, Any] = field(repr=False)
    original: Extraction = field(repr=False)
    result: Extraction = field(repr=False)  # corrected: data, issues (checks again), needs_review
    corrected: dict[str, Any] = field(default_factory=dict)  # path → the value as read
    accepted: str | None = None  # when a reviewer accepted it
    order: int = 0  # position in the results file

    @property
    def source(self) -> str:
        return self.result.source

    @property
    def min_confidence(self) -> float:
        return min((p.confidence for p in self.result.provenance.values()), default=1.0)


def _doc_id(record: dict[str, Any]) -> str:
    key = record.get("key") or record.get("sha256") or f"path:{record.get('source')}"
    document = record.get("document")  # one of several documents in the file
    key = f"{key}#{document}" if isinstance(document, int) and document > 1 else key
    return hashlib.sha256(str(key).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def apply_corrections(record: dict[str, Any], entries: list[dict[str, Any]], order: int = 0) -> ReviewedDocument:
    """The document of ``record`` with the correction lines meant for it applied, in order."""
    from docextract.output.result import Extraction
    from docextract.pipeline import document_checks, needs_review

    original = Extraction.from_dict(record)
    result = Extraction.from_dict(record)
    doc = ReviewedDocument(_doc_id(record), record, original, result, order=order)
    data = copy.deepcopy(original.data)
    spec = _spec_for(original.schema)
    edits: dict[str, tuple[Any, Any]] = {}
    for entry in entries:
        if entry.get("action") == "accept":
            doc.accepted = str(entry.get("time") or "")
            continue
        path = entry.get("field")
        if not isinstance(data, dict) or not isinstance(path, str):
            continue
        try:
            loc = parse_path(path)
            first = edits[path][0] if path in edits else get_path(data, loc)
            new = entry.get("new")
            # as the page saves it: a value the schema takes for the field (a file edited by hand may hold any)
            if spec is not None and (refused := _trial(spec, data, loc, new, set(_errors(spec, data)))[1]):
                raise ValueError(refused)
            set_path(data, loc, new)
        except (UsageError, KeyError):
            log.warning("%s: correction of %r does not fit this document's data; ignored", record.get("source"), path)
            continue
        except ValueError as exc:
            log.warning("%s: correction of %r to %r is no value of that field (%s); ignored", record.get("source"), path,
                        entry.get("new"), exc)
            continue
        edits[path] = (first, new)
    result.data = data
    if edits:
        old_checks = {(i.code, i.field) for i in document_checks(original)} if original.data is not None else set()
        kept = [i for i in original.issues if not (i.stage == "check" and (i.code, i.field) in old_checks) and i.field not in edits]
        result.issues = kept + document_checks(result)
        for path, (old, new) in edits.items():
            if path in result.provenance:
                result.provenance[path] = result.provenance[path].model_copy(update={"confidence": 1.0})
            result.issues.append(Issue(code="corrected", severity="info", stage="review", field=path,
                                       message=f"{path} corrected by a reviewer: {json.dumps(old)} → {json.dumps(new)}"))
        doc.corrected = {p: old for p, (old, _) in edits.items()}
    if doc.accepted is not None:
        result.issues.append(Issue(code="accepted", severity="info", stage="review",
                                   message=f"accepted by a reviewer{' at ' + doc.accepted if doc.accepted else ''}"))
    result.needs_review = doc.accepted is None and (needs_review(result) if edits else original.needs_review)
    return doc


def read_corrections(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The correction lines of a file in order (a missing file has none; a torn last line is
    skipped; other lines that are no correction are skipped with a warning that counts them)."""
    entries: list[dict[str, Any]] = []
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        return entries
    skipped: list[int] = []
    with fh:
        for n, line in enumerate(fh, 1):
            try:
                entry = json.loads(line)
            except ValueError:
                entry = None
            if isinstance(entry, dict) and entry.get("sha256"):
                entries.append(entry)
            elif line.strip() and line.endswith(b"\n"):
                skipped.append(n)
    from docextract.batch import warn_skipped

    warn_skipped(log, path, skipped, "correction")
    return entries


def _append(path: Path, entries: list[dict[str, Any]]) -> None:
    """Append whole lines in one write, durably (the file is the only record of the review). After
    a torn last line (a crash while writing it) the new lines start on a line of their own."""
    data = b"".join(json.dumps(e, ensure_ascii=False).encode("utf-8") + b"\n" for e in entries)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _stat_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@functools.lru_cache(maxsize=256)
def _file_sha256(path: str, mtime_ns: int, size: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ReviewStore:
    """The documents of a results file, corrections applied; reloads when either file changes.

    Thread-safe: the page's server handles requests in a thread pool.
    """

    def __init__(self, results: str | os.PathLike[str]) -> None:
        from docextract.batch import RESULTS_SUFFIXES, no_results

        self.results = Path(results)
        if self.results.is_file() and not self.results.name.lower().endswith(RESULTS_SUFFIXES):
            raise InputError(no_results(self.results), path=self.results)
        self.corrections = corrections_path(self.results)
        self._lock = threading.RLock()
        self._stamp: tuple[Any, ...] | None = None
        self._docs: dict[str, ReviewedDocument] = {}
        self.refresh()
        if not self._docs:
            raise InputError(no_results(self.results), path=self.results)

    def _read_stamp(self) -> tuple[Any, ...]:
        stamp: list[Any] = []
        for path in (self.results, self.corrections):
            try:
                st = path.stat()
                stamp.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                stamp.append(None)
        return tuple(stamp)

    def refresh(self) -> None:
        """Read both files again if they changed (a batch may still be appending)."""
        from docextract.batch import read_results

        with self._lock:
            stamp = self._read_stamp()
            if stamp == self._stamp:
                return
            if stamp[0] is None:
                raise InputError(f"{self.results} does not exist; check the path", path=self.results)
            if self.results.is_dir():
                raise InputError(f"{self.results} is a directory; pass the results .jsonl file", path=self.results)
            records = [r for r in read_results(self.results).values() if isinstance(r.get("source"), str)]
            by_sha: dict[str, list[dict[str, Any]]] = {}
            for entry in read_corrections(self.corrections):
                by_sha.setdefault(entry["sha256"], []).append(entry)
            docs = [apply_corrections(r, by_sha.get(r.get("sha256") or "", []), n) for n, r in enumerate(records)]
            self._docs = {d.id: d for d in docs}
            self._stamp = stamp

    def documents(self) -> list[ReviewedDocument]:
        """In the results file's order."""
        with self._lock:
            return list(self._docs.values())

    def queue(self) -> list[ReviewedDocument]:
        """Review order: documents that need review first; among them those not read at all (failed),
        then those with a failed check or a missing key field (a definite problem), then those only
        judged doubtful; the least confident first; then file order."""

        def problem(d: ReviewedDocument) -> int:
            if d.result.status is Status.FAILED:
                return 0
            return 1 if any(i.stage in ("check", "merge") for i in d.result.issues) else 2

        return sorted(self.documents(), key=lambda d: (not d.result.needs_review, problem(d), d.min_confidence, d.order))

    def get(self, doc_id: str) -> ReviewedDocument:
        """:class:`KeyError` for an id that is not one of the results' documents."""
        with self._lock:
            return self._docs[doc_id]

    def document_file(self, doc: ReviewedDocument) -> Path:
        """The document's file: as recorded, else beside the results file (a relative path is relative
        to where the batch ran)."""
        from docextract.batch import record_path

        path = record_path(doc.record)
        if path.is_absolute() or path.exists():
            return path
        beside = self.results.parent / path
        return beside if beside.exists() else path

    def file_problem(self, doc: ReviewedDocument) -> str | None:
        """Why the page may not be shown as it was read: the file is gone, or it has changed."""
        path = self.document_file(doc)
        try:
            digest = _file_sha256(str(path), *_stat_key(path))
        except OSError:
            return f"{path} cannot be read here (moved, deleted or no permission), so its pages cannot be shown"
        if doc.record.get("sha256") and digest != doc.record["sha256"]:
            return f"{path} has changed since it was read: the boxes may not sit on the page as it is now"
        return None

    def preview(self, doc_id: str, edits: dict[str, str]) -> tuple[ReviewedDocument, dict[str, str]]:
        """The document as it would be with ``edits`` (path → typed text) saved, and the fields whose
        text the schema refuses (path → message). Nothing is written."""
        doc = self.get(doc_id)
        entries, errors = self._entries(doc, edits)
        return self._with(doc, entries), errors

    def save(self, doc_id: str, edits: dict[str, str], accept: bool = False) -> tuple[ReviewedDocument, dict[str, str]]:
        """Append the valid edits that change a value (and an acceptance) to the corrections file.

        Nothing is written when any edit is refused, so a document is never half saved."""
        with self._lock:
            doc = self.get(doc_id)
            if not doc.record.get("sha256"):
                return doc, {"": "this result names no sha256 of its file, so no correction could be matched to it"}
            entries, errors = self._entries(doc, edits)
            if errors:
                return doc, errors
            if accept:
                entries.append(self._entry(doc, "accept"))
            if entries:
                _append(self.corrections, entries)
                self._stamp = None
                self.refresh()
            return self.get(doc_id), {}

    def _entries(self, doc: ReviewedDocument, edits: dict[str, str]) -> tuple[list[dict[str, Any]], dict[str, str]]:
        spec = _spec_for(doc.result.schema)
        data = doc.result.data
        entries: list[dict[str, Any]] = []
        errors: dict[str, str] = {}
        if not isinstance(data, dict):
            return entries, dict.fromkeys(edits, "this document has no data to correct")
        for path, text in edits.items():
            try:
                loc = parse_path(path)
                old = get_path(data, loc)
                new = coerce_value(spec, data, loc, text if isinstance(text, str) else json.dumps(text))
            except UsageError as exc:
                errors[path] = str(exc)
                continue
            except KeyError:
                errors[path] = f"{path} is not a field of this document"
                continue
            except ValueError as exc:
                errors[path] = str(exc)
                continue
            if new != old or type(new) is not type(old):
                entries.append(self._entry(doc, "edit", field=format_path(loc), old=old, new=new))
        return entries, errors

    def _with(self, doc: ReviewedDocument, entries: list[dict[str, Any]]) -> ReviewedDocument:
        if not entries:
            return doc
        sha = doc.record.get("sha256") or ""
        earlier = [e for e in read_corrections(self.corrections) if e["sha256"] == sha]
        return apply_corrections(doc.record, earlier + entries, doc.order)

    @staticmethod
    def _entry(doc: ReviewedDocument, action: str, **values: Any) -> dict[str, Any]:
        entry: dict[str, Any] = {"action": action, "source": doc.record.get("source"), "sha256": doc.record.get("sha256"),
                                 "field": None}
        entry.update(values)
        entry["time"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return entry

    def results_for_export(self) -> list[Extraction]:
        """Every document's corrected result, in the results file's order."""
        self.refresh()
        return [d.result for d in self.documents()]
