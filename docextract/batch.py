"""Batch extraction: many documents → one JSONL file that never loses work.

Discovery walks folders (recursively) and expands globs; every supported file (by suffix, or by its
magic bytes) becomes a :class:`Job` keyed by the SHA-256 of its content. A process pool (one engine
per worker, loaded once by the pool initializer) extracts the documents in parallel; the parent is
the only writer of the output and appends one JSON line per document as soon as it finishes
(``os.write`` of the whole line on an ``O_APPEND`` descriptor, then ``fsync``).

Rerunning the same command resumes: documents whose key is already in the output are skipped
(``retry_failed`` redoes the failed ones; the new line supersedes the old, and
:func:`read_results` keeps the last line per key). A crash or ``kill -9`` can at worst leave a
trailing partial line, which :class:`ResultWriter` truncates away on the next start.

Record format (one JSON object per line, UTF-8)::

    v             1 (record format version)
    key           the resume key: the content's sha256, or "path:<source>" when the file could
                  not be read at all (missing, unreadable, not a regular file)
    source        the path as given/discovered, as text. Names that are not valid UTF-8 have their
                  undecodable bytes written as \\xNN (so the JSON is always valid UTF-8), and the
                  exact name is in ``source_bytes_hex`` (hex of the path bytes); use
                  :func:`record_path` to get a usable path back.
    sha256        hex digest of the content (null when unreadable)
    size          bytes (null when unreadable)
    status        ok | partial | failed
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

import concurrent.futures as cf
import errno
import glob
import hashlib
import json
import os
import stat
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from docextract.engines import Engine, EngineOptions, select_engine
from docextract.errors import DocextractError, EngineLoadError, UsageError
from docextract.sources import IMAGE_SUFFIXES, PDF_SUFFIXES, sniff

RECORD_VERSION = 1
SUPPORTED_SUFFIXES = frozenset(PDF_SUFFIXES | IMAGE_SUFFIXES)
_HASH_CHUNK = 1 << 20

__all__ = [
    "BatchEvent",
    "BatchOptions",
    "BatchSummary",
    "Job",
    "ResultWriter",
    "discover",
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
    key: str
    sha256: str | None = None
    size: int | None = None
    error: str | None = None  # set when the file cannot even be hashed: it becomes a failed record


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
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise UsageError(f"{_safe(item)} matches no files; check the pattern (quote it so the shell does not expand it)")
            for match in matches:
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


def _job(path: str) -> Job:
    name = _safe(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return Job(path, f"path:{name}", error=f"{name} does not exist (a broken link?); check the path")
    except OSError as exc:
        return Job(path, f"path:{name}", error=f"{name} cannot be read ({exc.strerror or exc}); check its permissions")
    if stat.S_ISDIR(st.st_mode):
        return Job(path, f"path:{name}", error=f"{name} is a directory, not a file; pass the folder itself to batch")
    if not stat.S_ISREG(st.st_mode):
        return Job(path, f"path:{name}", error=f"{name} is not a regular file (a pipe, socket or device); copy the document to a file")
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_HASH_CHUNK):
                digest.update(chunk)
    except PermissionError:
        return Job(path, f"path:{name}", error=f"{name} cannot be read (permission denied); check its permissions")
    except OSError as exc:
        return Job(path, f"path:{name}", error=f"{name} cannot be read ({exc.strerror or exc}); check the file or disk")
    sha = digest.hexdigest()
    return Job(path, sha, sha256=sha, size=st.st_size)


# --------------------------------------------------------------------------------------------------
# records


def _safe(text: str) -> str:
    """Text that encodes as UTF-8: undecodable bytes of file names become ``\\xNN``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


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
                  seconds: float = 0.0, detail: str | None = None) -> dict[str, Any]:
    """The record of a document that could not be processed."""
    record = _base_record(job)
    record.update(status="failed", schema=schema, engine=engine, model=None, needs_review=True, data=None,
                  issues=[], provenance={}, pages=[], seconds=round(seconds, 3), error=error, tiles=[])
    if detail:
        record["detail"] = detail
    return record


def result_record(job: Job, full: dict[str, Any]) -> dict[str, Any]:
    """The record of a finished extraction, from ``Extraction.to_dict(full=True)``."""
    record = _base_record(job)
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


def read_results(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """The latest record per document (key, i.e. sha256) of a batch JSONL file, in file order.

    Later lines supersede earlier ones (``--retry-failed`` appends); a truncated last line and
    lines that are not JSON objects are ignored. A missing file reads as empty.
    """
    results: dict[str, dict[str, Any]] = {}
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        return results
    with fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break  # a partial line from a crash
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                key = record.get("key") or record.get("sha256") or f"path:{record.get('source')}"
                results.pop(key, None)  # keep file order of the latest line
                results[key] = record
    return results


# --------------------------------------------------------------------------------------------------
# the writer


class ResultWriter:
    """The single appender of a batch's JSONL file: one ``os.write`` + ``fsync`` per line.

    Opening takes an exclusive ``flock`` (a second batch on the same file fails fast) and repairs a
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
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise UsageError(f"another docextract batch is writing {self.path}; wait for it or use another -o") from None
            raise

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


# --------------------------------------------------------------------------------------------------
# the worker side (runs in pool processes)

_WORKER: dict[str, Any] = {}


@dataclass(frozen=True)
class WorkerConfig:
    """What each worker needs to build its engine once and run documents (picklable)."""

    schema: str  # as given: a name, file.py:Class or a .schema.json path
    schema_name: str  # what records call it
    engine: str | type[Engine]
    engine_options: EngineOptions = field(default_factory=EngineOptions)
    options: dict[str, Any] = field(default_factory=dict)  # pipeline Options fields


def _init_worker(config: WorkerConfig) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it) and load the engine once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    _WORKER.clear()
    _WORKER["config"] = config
    try:
        from docextract.schemas import resolve_schema

        _WORKER["spec"] = resolve_schema(config.schema)
        engine = select_engine(config.engine, config.engine_options)
        engine.load()
        _WORKER["engine"] = engine
    except Exception as exc:  # reported by the first task, which stops the batch
        _WORKER["load_error"] = f"{type(exc).__name__}: {exc}" if not isinstance(exc, DocextractError) else str(exc)


def _exit_with_parent() -> None:
    """End this worker as soon as the batch process is gone (killed with -9, say).

    Pool workers hold both ends of their task queue's pipe, so they never see it close and
    would otherwise wait forever, each holding a loaded engine in memory.
    """
    import multiprocessing
    import multiprocessing.connection
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - only ever called in a pool worker
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="docextract-parent-watch", daemon=True).start()


def _engine_name(engine: str | type[Engine]) -> str:
    return engine if isinstance(engine, str) else engine.name


def _work(job: Job) -> dict[str, Any]:
    """Extract one document in a worker; every failure becomes a failed record."""
    if "load_error" in _WORKER:
        raise EngineLoadError(_WORKER["load_error"])
    from docextract.pipeline import Options, run

    config: WorkerConfig = _WORKER["config"]
    engine = _WORKER["engine"]
    started = time.perf_counter()
    try:
        result = run(job.path, _WORKER["spec"], engine, Options(**config.options))
    except DocextractError as exc:
        return failed_record(job, str(exc), schema=config.schema_name, engine=engine.name, seconds=time.perf_counter() - started)
    except Exception as exc:  # an engine bug must not kill the batch
        message = f"{_safe(job.path)}: internal error ({type(exc).__name__}: {exc}); please report it with this file if you can"
        return failed_record(job, message, schema=config.schema_name, engine=engine.name,
                             seconds=time.perf_counter() - started, detail=traceback.format_exc(limit=20))
    return result_record(job, result.to_dict(full=True))


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


@dataclass(frozen=True)
class BatchEvent:
    """Progress: ``start`` (total), ``skipped``, ``done`` (one record written), ``crash`` (a worker died)."""

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
    duplicates: int = 0
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


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    options: BatchOptions | None = None,
    on_event: Callable[[BatchEvent], None] | None = None,
) -> BatchSummary:
    """Extract every document under ``inputs`` into the JSONL file ``output``, resuming a previous run.

    Raises :class:`UsageError` when the inputs match nothing or the output is locked, and
    :class:`EngineLoadError` when the engine cannot be loaded; per-document problems are records.
    """
    opts = options or BatchOptions()
    emit = on_event or (lambda e: None)
    started = time.perf_counter()
    found = discover(inputs)
    if not found.files:
        raise UsageError("no documents found in " + ", ".join(_safe(os.fsdecode(i)) for i in inputs)
                         + "; docextract reads PDF, JPEG, PNG, TIFF, WebP, BMP and GIF")
    from docextract.schemas import resolve_schema

    schema = resolve_schema(opts.schema).name  # fails early, in the parent, on a bad schema
    summary = BatchSummary(ignored=len(found.ignored), warnings=list(found.warnings))
    with ResultWriter(output) as writer:
        summary.repaired_bytes = writer.repaired
        previous = read_results(output)
        _check_schema(previous, schema, output)
        jobs = plan(found.files)
        todo, keys = _select(jobs, previous, opts.retry_failed, summary)
        emit(BatchEvent("start", total=len(todo)))
        final = {k: previous[k]["status"] for k in keys if k in previous}

        def written(record: dict[str, Any]) -> None:
            record["finished_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
            writer.write(record)
            status = record["status"]
            setattr(summary, status, getattr(summary, status) + 1)
            final[record["key"]] = status
            emit(BatchEvent("done", total=len(todo), done=summary.processed, record=record))

        pending = [j for j in todo if j.error is None]
        for job in todo:
            if job.error is not None:
                written(failed_record(job, job.error, schema=schema, engine=_engine_name(opts.engine)))
        if pending:
            summary.workers = min(opts.workers or default_workers(), len(pending))
            _run_pool(pending, opts, schema, summary.workers, written, emit)
    summary.final = {s: sum(1 for v in final.values() if v == s) for s in ("ok", "partial", "failed")}
    summary.seconds = time.perf_counter() - started
    return summary


def _check_schema(previous: dict[str, dict[str, Any]], schema: str, output: str | os.PathLike[str]) -> None:
    other = {r.get("schema") for r in previous.values()} - {schema, None}
    if other:
        raise UsageError(f"{_safe(os.fsdecode(output))} holds {', '.join(sorted(map(str, other)))} results, not {schema}; "
                         "use another -o file for this schema")


def _select(jobs: list[Job], previous: dict[str, dict[str, Any]], retry_failed: bool,
            summary: BatchSummary) -> tuple[list[Job], list[str]]:
    """The jobs to run now, and the keys of every document of this run."""
    todo: list[Job] = []
    keys: list[str] = []
    seen: set[str] = set()
    for job in jobs:
        if job.key in seen:
            summary.duplicates += 1  # same content at another path: one record is enough
            continue
        seen.add(job.key)
        keys.append(job.key)
        old = previous.get(job.key)
        if old is not None and not (retry_failed and old.get("status") == "failed"):
            summary.skipped += 1
            continue
        todo.append(job)
    return todo, keys


def _run_pool(jobs: list[Job], opts: BatchOptions, schema: str, workers: int,
              written: Callable[[dict[str, Any]], None], emit: Callable[[BatchEvent], None]) -> None:
    """Run ``jobs`` on a process pool, at most ``workers`` in flight, surviving worker crashes.

    When a worker process dies (native crash, out of memory) every in-flight document is a
    suspect; a lone suspect gets a failed record, several are rerun one at a time to find it.
    """
    import multiprocessing

    config = WorkerConfig(opts.schema, schema, opts.engine, opts.engine_options, dict(opts.options))
    context = multiprocessing.get_context("spawn")
    queue = list(reversed(jobs))  # pop() from the end keeps the input order
    isolate: list[Job] = []
    while queue or isolate:
        limit = 1 if isolate else workers
        source = isolate if isolate else queue
        pool = cf.ProcessPoolExecutor(max_workers=limit, mp_context=context, initializer=_init_worker, initargs=(config,))
        try:
            suspects = _drain(pool, source, limit, config, written)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        if not suspects:
            continue
        emit(BatchEvent("crash", done=len(suspects)))
        if len(suspects) == 1:
            job = suspects[0]
            written(failed_record(job, _crash_message(job), schema=schema, engine=_engine_name(opts.engine)))
        else:
            isolate.extend(reversed(suspects))


def _drain(pool: cf.ProcessPoolExecutor, source: list[Job], limit: int, config: WorkerConfig,
           written: Callable[[dict[str, Any]], None]) -> list[Job]:
    """Feed ``source`` (popped from the end) to the pool; return the in-flight jobs if it broke."""
    in_flight: dict[cf.Future[dict[str, Any]], Job] = {}
    while source or in_flight:
        while source and len(in_flight) < limit:
            job = source.pop()
            try:
                in_flight[pool.submit(_work, job)] = job
            except BrokenProcessPool:  # a worker died after an earlier job finished: this one never ran
                source.append(job)
                return _settle(in_flight, written)
        done, _ = cf.wait(in_flight, return_when=cf.FIRST_COMPLETED)
        broken: list[Job] = []
        for future in done:
            job = in_flight.pop(future)
            try:
                record = future.result()
            except BrokenProcessPool:
                broken.append(job)
                continue
            except EngineLoadError:
                raise
            except Exception as exc:  # pickling trouble and the like: still a record
                record = failed_record(job, f"{_safe(job.path)}: internal error ({type(exc).__name__}: {exc})",
                                       schema=config.schema_name, engine=_engine_name(config.engine))
            written(record)
        if broken:
            return broken + _settle(in_flight, written)
    return []


def _settle(in_flight: dict[cf.Future[dict[str, Any]], Job], written: Callable[[dict[str, Any]], None]) -> list[Job]:
    """After the pool broke: write what still finished, return the rest as suspects."""
    cf.wait(in_flight)
    suspects: list[Job] = []
    for future, job in in_flight.items():
        try:
            written(future.result())
        except Exception:
            suspects.append(job)
    return suspects


def _crash_message(job: Job) -> str:
    return (f"{_safe(job.path)}: the worker process died while reading this file (a crash in a native library "
            "or out of memory); try it alone with `docextract pdf/image FILE -vv`, or lower --dpi / --workers")
