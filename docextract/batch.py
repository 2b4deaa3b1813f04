"""Batch extraction: many documents → one JSONL file that never loses work.

Discovery walks folders (recursively, never through symlinked folders) and expands globs; every
supported file (by suffix, or by its magic bytes) becomes a :class:`Job`, one per path (the same
bytes under two names are two records). An :class:`Executor` runs the jobs: :class:`LocalPool`
on this machine, or :class:`docextract.batch_ray.RayExecutor` on a Ray cluster (which also reads
URI inputs, ``s3://``, ``file://``..., in its workers). Either way worker processes
(:class:`docextract.workers.Worker`, one engine each, loaded once) extract the documents, one at a
time each, so a document still running at the time limit, or one that kills its process, is that
document's failed record and the batch goes on with a fresh worker. The parent is the only writer
of the output and appends one JSON line per document as soon as it finishes (``os.write`` of the
whole line on an ``O_APPEND`` descriptor, then ``fsync``); a ``.parquet`` output is the same
journal, folded into one Parquet file when the run ends (:class:`ParquetResults`).

Rerunning the same command resumes: documents whose path is already in the output with the same
content are skipped (``retry_failed`` redoes the failed ones, timed out included; the new line
supersedes the old, and :func:`read_results` keeps the last line per key). A crash or ``kill -9``
can at worst leave a trailing partial line, which :class:`ResultWriter` truncates away on the next
start.

Record format (one JSON object per line, UTF-8)::

    v             2 (record format version; 1 keyed records by content)
    key           the resume key: the absolute path (as text, like ``source``), or the URI
    source        the path as given/discovered, as text. Names that are not valid UTF-8 have their
                  undecodable bytes written as \\xNN (so the JSON is always valid UTF-8), and the
                  exact name is in ``source_bytes_hex`` (hex of the path bytes); use
                  :func:`record_path` to get a usable path back.
    sha256        hex digest of the bytes that were read (null when unreadable)
    size          bytes (null when unreadable)
    status        ok | partial | failed
    reason        for failed records: error (the file or an engine said why), timeout (still
                  running at the time limit), crash (its process died), internal (a bug)
    schema, engine, model, needs_review, data, issues, provenance, pages, seconds, error
                  as in ``Extraction.to_dict(full=True)``
    tiles         per-tile summary as in ``to_dict(full=True)`` but without ``raw_text`` (model
                  output can be large; rerun the one document with ``--full`` to see it), except
                  for tiles that did not succeed, which keep it for diagnosis
    detail        for internal errors only: the worker's traceback
    finished_at   UTC ISO 8601 time the record was written

The library never prints: progress goes to an ``on_event`` callback.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import json
import logging
import os
import re
import stat
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from docextract.engines import Engine, EngineOptions, select_engine
from docextract.errors import DocextractError, EngineLoadError, TimeLimitExceeded, UsageError, WorkerDied
from docextract.names import printable as _safe
from docextract.sources import IMAGE_SUFFIXES, PDF_SUFFIXES, sniff

log = logging.getLogger(__name__)

RECORD_VERSION = 2
PART = "\0"  # in read_results' keys: a file's key, PART, its document's number (no path holds a NUL)
SUPPORTED_SUFFIXES = frozenset(PDF_SUFFIXES | IMAGE_SUFFIXES)
_HASH_CHUNK = 1 << 20

__all__ = [
    "BatchEvent",
    "BatchOptions",
    "BatchSummary",
    "Executor",
    "Job",
    "LocalPool",
    "ParquetResults",
    "ResultWriter",
    "Sink",
    "WorkerConfig",
    "discover",
    "document_record",
    "is_uri",
    "open_results",
    "plan",
    "read_results",
    "record_path",
    "run_batch",
]


# --------------------------------------------------------------------------------------------------
# discovery


@dataclass
class Job:
    """One document to process: its path, resume key and (when readable) hash and size."""

    path: str  # as os.fsdecode gives it (surrogate escapes for non-UTF-8 names)
    key: str  # path_key(path)
    sha256: str | None = None
    size: int | None = None
    error: str | None = None  # set when the file cannot even be hashed: it becomes a failed record
    data: bytes | None = field(default=None, repr=False)  # the bytes, when they travel with the job (Ray)


@dataclass
class Discovery:
    """What the inputs expanded to."""

    files: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files in folders that are not documents
    warnings: list[str] = field(default_factory=list)  # folders that could not be listed


def discover(inputs: Sequence[str | os.PathLike[str]]) -> Discovery:
    """Expand folders (recursively) and globs into document paths, in a stable order.

    A file named explicitly is always taken (if it is not a document, its record says why);
    inside folders, files are taken when their suffix is a supported format or their first bytes
    sniff as PDF or image. Raises :class:`UsageError` when an input matches nothing.
    """
    found = Discovery()
    seen: set[str] = set()

    def add(path: str) -> None:
        norm = os.path.normpath(path)
        if norm not in seen:
            seen.add(norm)
            found.files.append(path)

    for raw in inputs:
        item = os.fsdecode(raw)
        if os.path.lexists(item):
            _expand_path(item, add, found)
        elif glob.has_magic(item):
            matches = sorted(_glob(item))
            if not matches:
                raise UsageError(f"{_safe(item)} matches no files; check the pattern (quote it so the shell does not expand it)")
            for match in matches:
                if not (os.path.islink(match) and os.path.isdir(match)):  # as in folders: links to folders are not followed
                    _expand_path(match, add, found)
        else:
            raise UsageError(f"{_safe(item)} does not exist; check the path")
    found.ignored = [f for f in found.ignored if os.path.normpath(f) not in seen]  # named explicitly too
    return found


def _expand_path(path: str, add: Callable[[str], None], found: Discovery) -> None:
    if os.path.isdir(path):
        for file in _walk(path, found):
            if _looks_supported(file):
                add(file)
            else:
                found.ignored.append(file)
    else:
        add(path)


def _glob(pattern: str) -> Iterator[str]:
    """``glob.glob(pattern, recursive=True)``, except that ``**`` never descends into a symlinked
    folder (the standard one does: a link to a parent folder gives every file ~40 times over)."""
    parts = pattern.replace(os.sep, "/").split("/")
    if "**" not in parts:
        yield from glob.glob(pattern)  # no recursion, so no loop
        return
    star = parts.index("**")
    head, rest = "/".join(parts[:star]), parts[star:]
    if not head:
        roots = ["/" if pattern.startswith("/") else "."]
    elif glob.has_magic(head):
        roots = [r for r in glob.glob(head) if not os.path.islink(r)]
    else:
        roots = [head]
    for root in roots:
        if not os.path.isdir(root):
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            real_dirs = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
            rel = os.path.relpath(dirpath, root)
            prefix = [] if rel == "." else rel.split(os.sep)
            if not prefix and head and _glob_match(rest, []):
                yield root
            for name in real_dirs + sorted(filenames):
                if _glob_match(rest, [*prefix, name]):
                    yield os.path.join(dirpath, name) if head else os.path.join(*prefix, name)


def _glob_match(pattern: list[str], parts: list[str]) -> bool:
    """Path components against pattern components, as glob does: ``**`` is any number of them,
    and names starting with a dot are matched only by a pattern that starts with one."""
    import fnmatch

    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_glob_match(rest, parts[i:]) for i in range(len(parts) + 1)
                   if not any(p.startswith(".") for p in parts[:i]))
    return (bool(parts) and (not parts[0].startswith(".") or head.startswith("."))
            and fnmatch.fnmatchcase(parts[0], head) and _glob_match(rest, parts[1:]))


def _walk(root: str, found: Discovery) -> Iterator[str]:
    def onerror(exc: OSError) -> None:
        found.warnings.append(f"{_safe(exc.filename or root)} cannot be listed ({exc.strerror or exc}); it was skipped")

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames.sort()
        for name in sorted(filenames):
            yield os.path.join(dirpath, name)


def _looks_supported(path: str) -> bool:
    if os.path.splitext(path)[1].lower() in SUPPORTED_SUFFIXES:
        return True
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
            return False
        with open(path, "rb") as fh:
            return sniff(fh.read(2048)) is not None
    except OSError:
        return False


def plan(files: Iterable[str]) -> list[Job]:
    """Hash every file (streaming) into a :class:`Job`; unreadable files get an ``error``."""
    return [_job(path) for path in files]


def path_key(path: str | os.PathLike[str]) -> str:
    """A document's resume key: its absolute path (symlinks not resolved: each name is a record)."""
    return _safe(os.path.abspath(os.fsdecode(path)))


def _job(path: str) -> Job:
    name, key = _safe(path), path_key(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return Job(path, key, error=f"{name} does not exist (a broken link?); check the path")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Job(path, key, error=f"{name} is a symbolic link that leads back to itself; fix or remove the link")
        return Job(path, key, error=f"{name} cannot be read ({exc.strerror or exc}); check its permissions")
    if stat.S_ISDIR(st.st_mode):
        return Job(path, key, error=f"{name} is a directory, not a file; pass the folder itself to batch")
    if not stat.S_ISREG(st.st_mode):
        return Job(path, key, error=f"{name} is not a regular file (a pipe, socket or device); copy the document to a file")
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_HASH_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except PermissionError:
        return Job(path, key, error=f"{name} cannot be read (permission denied); check its permissions")
    except OSError as exc:
        return Job(path, key, error=f"{name} cannot be read ({exc.strerror or exc}); check the file or disk")
    return Job(path, key, sha256=digest.hexdigest(), size=size)


# --------------------------------------------------------------------------------------------------
# records


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _safe(value)
    if isinstance(value, dict):
        return {_safe(str(k)): _scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub(v) for v in value]
    return value


def _base_record(job: Job) -> dict[str, Any]:
    record: dict[str, Any] = {"v": RECORD_VERSION, "key": job.key, "source": _safe(job.path)}
    raw = os.fsencode(job.path)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        record["source_bytes_hex"] = raw.hex()
    record.update(sha256=job.sha256, size=job.size)
    return record


def failed_record(job: Job, error: str, *, schema: str | None = None, engine: str | None = None,
                  seconds: float = 0.0, detail: str | None = None, reason: str = "error") -> dict[str, Any]:
    """The record of a document that could not be processed; ``reason`` is ``error``, ``timeout``,
    ``crash`` or ``internal``."""
    record = _base_record(job)
    record.update(status="failed", reason=reason, schema=schema, engine=engine, model=None, needs_review=True,
                  data=None, issues=[], provenance={}, pages=[], seconds=round(seconds, 3), error=error, tiles=[])
    if detail:
        record["detail"] = detail
    return record


def result_record(job: Job, full: dict[str, Any]) -> dict[str, Any]:
    """The record of a finished extraction, from ``Extraction.to_dict(full=True)`` (whose sha256 is
    that of the bytes the extraction read: a file replaced since planning gets the new one's)."""
    record = _base_record(job)
    if full.get("sha256"):
        record["sha256"] = full["sha256"]
    record["status"] = full.get("status")
    body = {k: v for k, v in full.items() if k not in ("source", "sha256")}
    body["tiles"] = [
        t if t.get("status") != "ok" else {k: v for k, v in t.items() if k != "raw_text"} for t in body.get("tiles", [])
    ]
    record.update(body)
    return record


def record_path(record: dict[str, Any]) -> Path:
    """The exact path of a record's document (decoding ``source_bytes_hex`` when present)."""
    hexed = record.get("source_bytes_hex")
    if hexed:
        return Path(os.fsdecode(bytes.fromhex(hexed)))
    return Path(record["source"])


def record_key(record: dict[str, Any]) -> str:
    """The key of a record in :func:`read_results`: its file's resume key, and for the second,
    third... document of a file that holds several, ``PART`` and the document's number.
    Records of format 1 (keyed by content) get their path's key."""
    document = record.get("document")
    if isinstance(document, int) and document > 1:
        return f"{file_key(record)}{PART}{document}"
    return file_key(record)


def file_key(record: dict[str, Any]) -> str:
    """The resume key of a record's file."""
    if record.get("v", 1) >= 2 and record.get("key"):
        return str(record["key"])
    try:
        return path_key(record_path(record))
    except (KeyError, TypeError, ValueError):
        return str(record.get("key") or record.get("sha256"))


def is_parquet(path: str | os.PathLike[str]) -> bool:
    """Whether a batch output is a Parquet file (by its suffix) rather than JSON lines."""
    return os.fsdecode(path).lower().endswith(".parquet")


def journal_path(path: str | os.PathLike[str]) -> Path:
    """Where the records of a Parquet output wait until its run ends."""
    path = Path(path)
    return path.with_name(path.name + ".journal.jsonl")


def read_results(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """The latest record per document (key: its absolute path) of a batch JSONL file, in file order.

    Later lines supersede earlier ones (``--retry-failed`` appends); a file's first record also
    supersedes the other documents of an earlier reading of it (a file holding several documents
    has a record for each). A truncated last line (a crash while writing it) is ignored; other
    lines that are no result record (not JSON, or no document's ``source``) are skipped with a
    warning that counts them. A missing file reads as empty. A ``.parquet`` output reads as its records followed by those
    of its journal (a run still going or stopped).
    """
    results: dict[str, dict[str, Any]] = {}
    parts: dict[str, list[str]] = {}  # a file's key -> its other documents' keys
    if is_parquet(path):
        from docextract.batch_parquet import read_parquet

        if os.path.exists(path):
            for record in read_parquet(path):
                _keep(results, parts, record)
        path = journal_path(path)
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        return results
    skipped: list[int] = []
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                break  # a partial line from a crash
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if isinstance(record, dict) and record.get("source") is not None:
                _keep(results, parts, record)
            elif line.strip():
                skipped.append(n)
    warn_skipped(log, path, skipped, "result record")
    return results


def warn_skipped(logger: logging.Logger, path: str | os.PathLike[str], lines: list[int], what: str) -> None:
    """Warn, once per file, of the line numbers of a JSONL file that held no ``what`` and were skipped."""
    if lines:
        logger.warning("%s: %d line%s that %s no %s skipped (line %s)", os.fsdecode(path), len(lines),
                       "" if len(lines) == 1 else "s", "is" if len(lines) == 1 else "are", what,
                       ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else ""))


RESULTS_SUFFIXES = (".jsonl", ".ndjson", ".parquet")


def no_results(path: str | os.PathLike[str]) -> str:
    """What to say of a file that holds no batch results (or cannot: another kind of file), with
    the command that makes one."""
    name = Path(path).name
    if name.lower().endswith(RESULTS_SUFFIXES):
        return f"{os.fsdecode(path)} holds no results; make it with `docextract batch DIR -o {name}`"
    name = Path(path).stem + ".jsonl"
    return (f"{os.fsdecode(path)} is not a results file; results are the JSONL a batch writes "
            f"(beside a .xlsx or .csv it writes too): `docextract batch DIR -o {name}`")


def _keep(results: dict[str, dict[str, Any]], parts: dict[str, list[str]], record: dict[str, Any]) -> None:
    key = record_key(record)
    if PART in key:
        parts.setdefault(key.partition(PART)[0], []).append(key)
    else:  # a file read again: the other documents of its earlier reading are gone
        for old in parts.pop(key, []):
            results.pop(old, None)
    results.pop(key, None)  # keep file order of the latest line
    results[key] = record


# --------------------------------------------------------------------------------------------------
# the writer


class ResultWriter:
    """The single appender of a batch's JSONL file: one ``os.write`` + ``fsync`` per line.

    Opening takes an exclusive ``flock`` (a second batch, or a single run's ``-o``, on the same file
    fails fast: :mod:`docextract.outputs`) and repairs a
    trailing partial line left by a crash (``repaired`` says how many bytes were dropped).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            self._lock()
            self.repaired = self._repair()
        except BaseException:
            os.close(self._fd)
            raise

    def _lock(self) -> None:
        from docextract.outputs import lock

        lock(self._fd, self.path)

    def _repair(self) -> int:
        size = os.fstat(self._fd).st_size
        if size == 0:
            return 0
        end = size
        block = 1 << 16
        while end > 0:
            start = max(0, end - block)
            chunk = os.pread(self._fd, end - start, start)
            if end == size and chunk.endswith(b"\n"):
                return 0
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            end = start
        else:
            keep = 0
        os.ftruncate(self._fd, keep)
        os.fsync(self._fd)
        return size - keep

    def write(self, record: dict[str, Any]) -> None:
        """Append one record as one line, durably."""
        line = (json.dumps(_scrub(record), ensure_ascii=False, separators=(",", ":"), default=str) + "\n").encode("utf-8")
        view = memoryview(line)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ParquetResults:
    """The writer of a ``.parquet`` output: records go to a :class:`ResultWriter` journal beside it
    (``NAME.parquet.journal.jsonl``: same lock, same crash repair) and are folded into the
    Parquet file when the run ends.

    A Parquet file cannot be appended to and a half-written one is unreadable; this way a killed
    run loses nothing (its journal is read with the file, and folded in by the next run) and a
    reader never sees a partial file (the new file is renamed over the old one).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        from docextract.batch_parquet import require

        require()  # before any work
        self.path = Path(path)
        self._journal: ResultWriter | None = ResultWriter(journal_path(self.path))
        self.repaired = self._journal.repaired

    def write(self, record: dict[str, Any]) -> None:
        assert self._journal is not None, "closed"
        self._journal.write(record)

    def close(self) -> None:
        """Fold the journal into the Parquet file, then remove it (while holding its lock)."""
        journal, self._journal = self._journal, None
        if journal is None:
            return
        try:
            if journal.path.stat().st_size:
                from docextract.batch_parquet import write_parquet

                write_parquet(self.path, read_results(self.path).values())
            journal.path.unlink()
        finally:
            journal.close()

    def __enter__(self) -> ParquetResults:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_results(path: str | os.PathLike[str]) -> ResultWriter | ParquetResults:
    """The writer of a batch's output: :class:`ResultWriter` for JSONL, :class:`ParquetResults` for ``.parquet``."""
    return ParquetResults(path) if is_parquet(path) else ResultWriter(path)


# --------------------------------------------------------------------------------------------------
# one document (in a worker process)


@dataclass(frozen=True)
class WorkerConfig:
    """What each worker needs to build its engine once and run documents (picklable)."""

    schema: str  # as given: a name, file.py:Class or a .schema.json path
    schema_name: str  # what records call it
    engine: str | type[Engine]
    engine_options: EngineOptions = field(default_factory=EngineOptions)
    options: dict[str, Any] = field(default_factory=dict)  # pipeline Options fields


def _engine_name(engine: str | type[Engine]) -> str:
    return engine if isinstance(engine, str) else engine.name


def document_record(job: Job, spec: Any, engine: Any, options: dict[str, Any], schema_name: str) -> dict[str, Any]:
    """Extract one file as one document with a loaded engine into its record (see
    :func:`document_records`)."""
    return document_records(job, spec, engine, {**options, "split": "off"}, schema_name)[0]


def document_records(job: Job, spec: Any, engine: Any, options: dict[str, Any], schema_name: str) -> list[dict[str, Any]]:
    """Extract one file with a loaded engine into its records: one per document it holds
    (``options["split"]``), each with the file's key and, when there are several, ``document``
    (1, 2...) and ``documents`` (how many); every failure becomes a failed record. What a worker
    runs for each job (and what any other executor can run). A job that carries its bytes
    (``data``) is read from them, named as its path or URI is."""
    from docextract.pipeline import Options, run_documents

    started = time.perf_counter()
    try:
        if job.data is None:
            results = run_documents(job.path, spec, engine, Options(**options))
        else:
            name = _safe(job.path) if is_uri(job.path) else _safe(Path(job.path))
            results = run_documents(job.data, spec, engine, Options(**options), name=name)
    except DocextractError as exc:
        return [failed_record(_job(job.path) if job.data is None else job, str(exc), schema=schema_name,
                              engine=engine.name, seconds=time.perf_counter() - started)]
    except Exception as exc:  # an engine bug must not kill the batch
        message = f"{_safe(job.path)}: internal error ({type(exc).__name__}: {exc}); please report it with this file if you can"
        return [failed_record(job, message, schema=schema_name, engine=engine.name, reason="internal",
                              seconds=time.perf_counter() - started, detail=traceback.format_exc(limit=20))]
    records = []
    for n, result in enumerate(results, 1):
        record = result_record(job, result.to_dict(full=True))
        if job.data is not None:
            record["size"] = len(job.data)
        elif record["sha256"] != job.sha256:  # replaced since it was planned: the size of what was read
            record["size"] = None if (now := _job(job.path)).sha256 != record["sha256"] else now.size
        if len(results) > 1:
            record.update(document=n, documents=len(results))
        records.append(record)
    return records


def _setup_worker(config: WorkerConfig) -> dict[str, Any]:
    from docextract.schemas import resolve_schema

    spec = resolve_schema(config.schema)
    engine = select_engine(config.engine, config.engine_options)
    engine.load()
    return {"spec": spec, "engine": engine, "config": config}


def _handle_job(state: dict[str, Any], job: Job, emit: Any) -> list[dict[str, Any]]:
    config: WorkerConfig = state["config"]
    return document_records(job, state["spec"], state["engine"], config.options, config.schema_name)


# --------------------------------------------------------------------------------------------------
# the parent side


@dataclass
class BatchOptions:
    """How to run a batch."""

    schema: str = "receipt"
    engine: str | type[Engine] = "reader"  # a registered engine name, or an Engine subclass
    engine_options: EngineOptions = field(default_factory=EngineOptions)  # as select_engine takes them
    options: dict[str, Any] = field(default_factory=dict)  # pipeline Options fields (pages, dpi...)
    workers: int | None = None  # default: the CPUs this process may use
    retry_failed: bool = False
    timeout: float | None = None  # seconds per document; None: workers.default_timeout(engine), 0: none


@dataclass(frozen=True)
class BatchEvent:
    """Progress: ``start`` (total), ``done`` (one record written), ``crash`` (a worker died),
    ``timeout`` (a document was stopped at the time limit), ``skipped`` (a worker found a URI's
    content already done), ``retry`` (a Ray worker died; its document was redone)."""

    kind: str
    total: int = 0
    done: int = 0
    record: dict[str, Any] | None = None


@dataclass
class BatchSummary:
    """Counts of a run: processed now (by status), skipped (already done), ignored, time."""

    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0
    ignored: int = 0
    repaired_bytes: int = 0
    seconds: float = 0.0
    workers: int = 0
    final: dict[str, int] = field(default_factory=dict)  # statuses of this run's documents after it
    warnings: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.ok + self.partial + self.failed

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 all ok, 1 nothing could be processed (all failed), 3 some partial or failed."""
        final = self.final
        total = sum(final.values())
        if total and final.get("failed", 0) == total:
            return 1
        if final.get("failed", 0) or final.get("partial", 0):
            return 3
        return 0


def default_workers() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class Executor(Protocol):
    """Where a batch's documents are processed: :class:`LocalPool` (this machine's cores) or
    :class:`docextract.batch_ray.RayExecutor` (a Ray cluster). The batch process stays the only
    writer: an executor hands every record to the :class:`Sink`."""

    def run(self, jobs: list[Job], config: WorkerConfig, timeout: float | None, sink: Sink) -> int:
        """Process ``jobs`` with ``timeout`` seconds per document; return the number of workers used."""
        ...


@dataclass
class LocalPool:
    """Worker processes on this machine (``workers``: default the CPUs this process may use)."""

    workers: int | None = None

    def run(self, jobs: list[Job], config: WorkerConfig, timeout: float | None, sink: Sink) -> int:
        count = min(self.workers or default_workers(), len(jobs))
        _run_workers(jobs, config, count, timeout, sink)
        return count


class Sink:
    """The batch's end of an executor: writes each document's record once, counts, reports progress."""

    def __init__(self, writer: ResultWriter | ParquetResults, previous: dict[str, dict[str, Any]], summary: BatchSummary,
                 total: int, retry_failed: bool, emit: Callable[[BatchEvent], None]) -> None:
        self.writer, self.previous, self.summary, self.total = writer, previous, summary, total
        self.retry_failed, self.emit = retry_failed, emit
        self.final: dict[str, str] = {}  # key -> status, for this run's documents
        self.written: set[str] = set()

    def record(self, record: dict[str, Any]) -> None:
        """Write a document's record (a second one for the same document in this run is dropped)."""
        key = record_key(record)
        if key in self.written:
            return
        self.written.add(key)
        record["finished_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.writer.write(record)
        status = record["status"]
        setattr(self.summary, status, getattr(self.summary, status) + 1)
        self.final[key] = status
        if record.get("document", 1) == 1:  # one event per file, however many documents it holds
            self.emit(BatchEvent("done", total=self.total, done=self.summary.processed, record=record))

    def skipped(self, key: str) -> None:
        """A worker found this URI's content already done (see :meth:`done`)."""
        self.summary.skipped += 1
        self.final[key] = self.previous[key]["status"]
        self.emit(BatchEvent("skipped", total=self.total, done=self.summary.processed))

    def done(self) -> dict[str, str]:
        """What a worker may skip: the recorded sha256 of each URI done before (its failed ones are
        redone with ``retry_failed``)."""
        return {k: r["sha256"] for k, r in self.previous.items()
                if is_uri(k) and r.get("sha256") and not (self.retry_failed and r.get("status") == "failed")}


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    options: BatchOptions | None = None,
    on_event: Callable[[BatchEvent], None] | None = None,
    *,
    other_outputs: Sequence[str | os.PathLike[str]] = (),
    executor: Executor | None = None,
) -> BatchSummary:
    """Extract every document under ``inputs`` into ``output`` (``.jsonl``, or ``.parquet``),
    resuming a previous run; ``executor`` says where (default: a :class:`LocalPool`).

    Raises :class:`UsageError` when the inputs match nothing, when the output (or one of
    ``other_outputs``, the files the caller will write from it) is an input, or when the output is
    being written by another job; :class:`EngineLoadError` when the engine cannot be loaded.
    Per-document problems are records. Ctrl-C (KeyboardInterrupt) ends the workers and propagates.
    """
    opts = options or BatchOptions()
    executor = executor or LocalPool(opts.workers)
    emit = on_event or (lambda e: None)
    started = time.perf_counter()
    found, remote = _discover(inputs, executor)
    from docextract.schemas import resolve_schema

    schema = resolve_schema(opts.schema).name  # fails early, in the parent, on a bad schema
    from docextract.outputs import check_not_inputs

    claimed = [output, journal_path(output)] if is_parquet(output) else [output]
    check_not_inputs([*claimed, *other_outputs], found.files)
    summary = BatchSummary(ignored=len(found.ignored), warnings=list(found.warnings))
    with open_results(output) as writer:
        summary.repaired_bytes = writer.repaired
        previous = read_results(output)
        _check_schema(previous, schema, output)
        todo, keys = _select(plan(found.files), previous, opts.retry_failed, summary)
        # URI documents are read (and hashed) by the workers only: they skip what is done already.
        todo += [Job(uri, uri) for uri in remote]
        sink = Sink(writer, previous, summary, len(todo), opts.retry_failed, emit)
        sink.final.update({k: previous[k]["status"] for k in keys if k in previous})
        emit(BatchEvent("start", total=len(todo)))
        pending = [j for j in todo if j.error is None]
        for job in todo:
            if job.error is not None:
                sink.record(failed_record(job, job.error, schema=schema, engine=_engine_name(opts.engine)))
        if pending:
            from docextract.workers import default_timeout

            timeout = default_timeout(_engine_name(opts.engine)) if opts.timeout is None else opts.timeout
            config = WorkerConfig(opts.schema, schema, opts.engine, opts.engine_options, dict(opts.options))
            summary.workers = executor.run(pending, config, timeout, sink)
    summary.final = {s: sum(1 for v in sink.final.values() if v == s) for s in ("ok", "partial", "failed")}
    summary.seconds = time.perf_counter() - started
    return summary


def is_uri(text: str | os.PathLike[str]) -> bool:
    """Whether an input names a filesystem URI (``s3://``, ``gs://``, ``file://``...), not a local path."""
    return bool(_URI.match(os.fsdecode(text)))


_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def _discover(inputs: Sequence[str | os.PathLike[str]], executor: Executor) -> tuple[Discovery, list[str]]:
    """Local documents (discovered here) and URI documents (listed by an executor that reads URIs)."""
    uris = [os.fsdecode(i) for i in inputs if is_uri(i)]
    found = discover([i for i in inputs if not is_uri(i)])
    remote: list[str] = []
    if uris:
        lister = getattr(executor, "list_uris", None)
        if lister is None:
            raise UsageError(f"{_safe(uris[0])} is a URI: documents on a shared filesystem or an object store are read "
                             "by Ray workers (--ray); here, pass local paths")
        listed = lister(uris)
        remote, found.ignored, found.warnings = listed.files, found.ignored + listed.ignored, found.warnings + listed.warnings
    if not found.files and not remote:
        raise UsageError("no documents found in " + ", ".join(_safe(os.fsdecode(i)) for i in inputs)
                         + "; docextract reads PDF, JPEG, PNG, TIFF, WebP, BMP and GIF")
    return found, remote


def _check_schema(previous: dict[str, dict[str, Any]], schema: str, output: str | os.PathLike[str]) -> None:
    other = {r.get("schema") for r in previous.values()} - {schema, None}
    if other:
        raise UsageError(f"{_safe(os.fsdecode(output))} holds {', '.join(sorted(map(str, other)))} results, not {schema}; "
                         "use another -o file for this schema")


def _select(jobs: list[Job], previous: dict[str, dict[str, Any]], retry_failed: bool,
            summary: BatchSummary) -> tuple[list[Job], list[str]]:
    """The jobs to run now, and the keys of every document of this run. A path already recorded is
    redone when its content changed since, or when (one of its documents) failed and ``retry_failed``."""
    todo: list[Job] = []
    keys: list[str] = []
    parts: dict[str, list[str]] = {}  # a file's key -> its other documents' keys
    for key in previous:
        if PART in key:
            parts.setdefault(key.partition(PART)[0], []).append(key)
    for job in jobs:
        keys.append(job.key)
        old = previous.get(job.key)
        mine = parts.get(job.key, [])
        changed = old is not None and job.sha256 is not None and old.get("sha256") not in (None, job.sha256)
        failed = any(previous[k].get("status") == "failed" for k in [job.key, *mine] if k in previous)
        if old is not None and not changed and not (retry_failed and failed):
            summary.skipped += 1
            keys += mine
            continue
        todo.append(job)
    return todo, keys


def _run_workers(jobs: list[Job], config: WorkerConfig, count: int, timeout: float | None, sink: Sink) -> None:
    """Run ``jobs`` on ``count`` worker processes, one document each at a time.

    A worker still on its document at the time limit is killed and replaced; so is one that dies
    (a native crash, out of memory). Either way that document alone gets a failed record. A worker
    ended from outside by SIGTERM/SIGINT/SIGHUP stops the run instead (someone is stopping it).
    """
    import multiprocessing
    from collections import deque

    from docextract.workers import Worker, wait_any

    context = multiprocessing.get_context("spawn")  # workers start while the progress bar's thread runs
    queue = deque(jobs)
    pool: list[Worker] = []
    lost = [0]

    def assign(worker: Worker) -> None:
        job = queue.popleft()
        try:
            worker.submit(job, timeout)
        except OSError:  # it died while idle: the job goes back, the worker is replaced
            queue.appendleft(job)
            pool.remove(worker)
            worker.kill()
            lost[0] += 1
            if lost[0] > 3 * count:
                raise EngineLoadError("the worker processes end as soon as they start; run one document with -vv to see why") from None

    try:
        while queue or any(w.task is not None for w in pool):
            pool[:] = [w for w in pool if w.task is not None or w.process.is_alive()]
            for worker in [w for w in pool if w.task is None]:
                if queue:
                    assign(worker)
            while queue and len(pool) < count:
                pool.append(Worker(_setup_worker, config, _handle_job, context=context))
                assign(pool[-1])
            busy = [w for w in pool if w.task is not None]
            deadlines = [d for w in busy if (d := w.deadline) is not None]
            wait_any(busy, max(0.0, min(deadlines) - time.monotonic()) if deadlines else None)
            for worker in busy:
                records, ended = collect(worker, config, timeout, sink.emit)
                if ended:
                    pool.remove(worker)
                for record in records:
                    sink.record(record)
    finally:
        for worker in pool:
            worker.stop()


def collect(worker: Any, config: WorkerConfig, timeout: float | None,
            emit: Callable[[BatchEvent], None]) -> tuple[list[dict[str, Any]], bool]:
    """What a busy :class:`docextract.workers.Worker` has for its document now: the records that
    came, and whether the worker ended (it died, or ran out of time: its document's failed record is
    among them). Raises :class:`EngineLoadError` when it could not load the engine, and
    :class:`docextract.workers.Terminated` when a stop signal from outside ended it."""
    from docextract.workers import Terminated, ended_by_signal

    job = worker.task
    try:
        messages = worker.receive()
    except WorkerDied as exc:
        stop = ended_by_signal(exc)
        if stop is not None:
            raise Terminated(stop) from None
        emit(BatchEvent("crash", done=1))
        return [_end(worker, config, _crash_message(job, exc), "crash")], True
    records: list[dict[str, Any]] = []
    for message in messages:
        if message[0] == "done":  # a file's records: one per document it holds
            records.extend(message[1] if isinstance(message[1], list) else [message[1]])
        elif message[0] == "setup_error":
            raise EngineLoadError(str(message[1]))
        elif message[0] == "error":  # the record could not even be made
            records.append(failed_record(job, f"{_safe(job.path)}: internal error ({message[1]})", reason="internal",
                                         schema=config.schema_name, engine=_engine_name(config.engine), detail=message[2]))
    if worker.task is not None and worker.expired():
        emit(BatchEvent("timeout", done=1))
        return [*records, _end(worker, config, str(TimeLimitExceeded(_safe(job.path), timeout or 0.0)), "timeout")], True
    return records, False


def _end(worker: Any, config: WorkerConfig, message: str, reason: str) -> dict[str, Any]:
    """Kill a worker; the failed record of the document it had."""
    job, seconds = worker.task, time.monotonic() - worker.started if worker.started else 0.0
    worker.kill()
    return failed_record(job, message, schema=config.schema_name, engine=_engine_name(config.engine), reason=reason,
                         seconds=seconds)


def _crash_message(job: Job, exc: WorkerDied) -> str:
    exc.source = _safe(job.path)
    return str(exc)
