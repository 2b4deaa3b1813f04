"""``docextract batch --ray``: the same batch, its documents processed on a Ray cluster.

:class:`RayExecutor` is an executor of :func:`docextract.batch.run_batch`: discovery, resume by
SHA-256, the records and the single writer stay in the batch process (the Ray driver); only the
per-document job moves. It builds a Ray Data pipeline whose map stage is an actor pool
(:class:`_ExtractActor`). Each actor reads its documents in a child process of its own
(:class:`docextract.workers.Worker`: the engine loaded once, the per-document time limit, a native
crash that is the document's failed record and a fresh child) exactly as a worker of the local
pool does, and the records stream back to the driver as they finish.

How documents reach the workers:

- local paths (discovered and hashed on the driver): their bytes travel through Ray's object
  store, so the workers need not see the driver's disk;
- URIs (``file:///shared/scans``, ``s3://bucket/scans/``, any filesystem pyarrow opens): listed on
  the driver, read and hashed by the workers themselves; the URI is the record's key. A worker
  skips a URI whose content is recorded as done (the driver sends it their hashes), so a rerun
  reads but does not extract them again.

When an actor itself dies (node lost, the actor process killed or out of memory) Ray restarts it
and retries its task: the documents of that task are redone, and only records that arrive are
written, once each. A document that takes its actor down ``attempts`` times becomes a failed
record; a small counter actor keeps the attempts, since the dying process cannot.

Ray is imported only here, and only when a run starts (``pip install 'docextract[ray]'``).
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from docextract.batch import (
    SUPPORTED_SUFFIXES,
    BatchEvent,
    Discovery,
    Job,
    Sink,
    WorkerConfig,
    _engine_name,
    _handle_job,
    _safe,
    _setup_worker,
    collect,
    failed_record,
    is_uri,
)
from docextract.errors import ClusterError, EngineLoadError, MissingDependency, UsageError
from docextract.hosts import is_local_host, is_local_url

__all__ = ["RayExecutor"]

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'docextract[ray]'"


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise MissingDependency(f"running on Ray needs Ray Data on this machine and every node: {INSTALL_HINT}") from None
    return ray


@dataclass
class RayExecutor:
    """Run a batch's documents on Ray: ``address`` is ``local`` (start a Ray instance on this
    machine for the run), ``auto`` (``$RAY_ADDRESS`` when set, else the cluster ``ray start``
    began on this machine) or a cluster address (``host:6379``, ``ray://host:10001``); a process
    already connected (``ray.init`` called) uses its connection.

    ``workers``: actors in the pool (default: as many as the cluster's nodes fit); each takes
    ``cpus`` CPUs and ``gpus`` GPUs. ``attempts``: how many times a document may kill its worker
    before it gets a failed record. ``init``: more keyword arguments for ``ray.init`` (such as
    ``runtime_env``). ``allow_remote``: the cluster may be on other machines, which the documents
    are then sent to. Without it a cluster address that is not on this machine is refused
    (:class:`~docextract.errors.UsageError`) before any connection, and so is a cluster, once
    connected, with a node on another machine.
    """

    address: str = "local"
    workers: int | None = None
    cpus: float = 1.0
    gpus: float = 0.0
    attempts: int = 3
    init: dict[str, Any] = field(default_factory=dict)
    allow_remote: bool = field(default=False, kw_only=True)

    def __post_init__(self) -> None:
        self._check_address()
        if self.cpus <= 0 or self.gpus < 0:
            raise UsageError(f"each Ray worker needs more than 0 CPUs and at least 0 GPUs, not {self.cpus} and {self.gpus}")
        if self.workers is not None and self.workers < 1:
            raise UsageError(f"--ray-workers must be at least 1, not {self.workers}")
        if self.attempts < 1:
            raise UsageError(f"attempts must be at least 1, not {self.attempts}")

    @property
    def remote(self) -> str | None:
        """The cluster address the run connects to when that is not this machine, else ``None``."""
        return remote_address(self.address)

    def _check_address(self) -> None:
        where = self.remote
        if where is None or self.allow_remote:
            return
        via, hint = ("", "for a cluster started on this machine, use --ray auto or its 127.0.0.1 address") \
            if where == self.address else (" (from $RAY_ADDRESS, which --ray auto follows)", "unset RAY_ADDRESS for a cluster started on this machine")
        raise UsageError(f"the Ray cluster at {where}{via} is not on this machine, and the documents would be sent to "
                         f"its nodes; pass --allow-remote (allow_remote=True) if that is intended, or {hint}")

    def list_uris(self, uris: list[str]) -> Discovery:
        """The documents under URIs (a file, or a folder listed recursively, taken by suffix)."""
        return list_uris(uris)

    def run(self, jobs: list[Job], config: WorkerConfig, timeout: float | None, sink: Sink) -> int:
        self._check_address()  # again: $RAY_ADDRESS is read when Ray connects
        with _connected(self.address, self.init) as ray:
            if not self.allow_remote:
                _refuse_nodes_elsewhere(ray)
            low, high = self._pool(ray, len(jobs))
            attempts = ray.remote(num_cpus=0)(_Attempts).remote()
            done = sink.done() if any(_reads_itself(j) for j in jobs) else {}
            dataset, sent = _dataset(ray, jobs, high, config, sink)
            dataset = dataset.map_batches(
                _ExtractActor,
                batch_size=1,
                batch_format="pyarrow",
                compute=ray.data.ActorPoolStrategy(min_size=low, max_size=high),
                num_cpus=self.cpus,
                num_gpus=self.gpus or None,
                fn_constructor_kwargs={"config": config, "timeout": timeout, "attempts": attempts, "done": done,
                                       "limit": self.attempts},
            )
            dataset.context.enable_progress_bars = False
            _drain(dataset, sent, config, sink)
            return high

    def _pool(self, ray: Any, jobs: int) -> tuple[int, int]:
        """(min, max) actors: ``workers`` (or all that fit), at least the ones the nodes fit now."""
        fit = 0
        for node in ray.nodes():
            if not node.get("Alive"):
                continue
            res = node.get("Resources", {})
            n = int(res.get("CPU", 0) // self.cpus)
            if self.gpus:
                n = min(n, int(res.get("GPU", 0) // self.gpus))
            fit += n
        if fit == 0:
            need = f"{self.cpus:g} CPU(s)" + (f" and {self.gpus:g} GPU(s)" if self.gpus else "")
            raise ClusterError(f"no node of the Ray cluster has {need} for one worker; lower --ray-cpus/--ray-gpus or add a node")
        high = min(self.workers or fit, jobs)
        # More workers than the nodes fit now wait for an autoscaler to add nodes, and never block the run.
        return min(high, fit), high


def remote_address(address: str) -> str | None:
    """Where ``ray.init(address=address)`` connects when that is not this machine, else ``None``:
    ``local`` starts Ray here, and ``auto`` takes ``$RAY_ADDRESS`` when it is set (a cluster
    anywhere), else finds the cluster ``ray start`` began on this machine."""
    if address == "auto":
        address = os.environ.get("RAY_ADDRESS") or "auto"
    return None if address in ("local", "auto") or is_local_url(address) else address


def _refuse_nodes_elsewhere(ray: Any) -> None:
    """A head on this machine may have nodes on others joined: documents would go to them too."""
    here = ray.util.get_node_ip_address()
    nodes = {str(n.get("NodeManagerAddress")) for n in ray.nodes() if n.get("Alive")}
    elsewhere = sorted(ip for ip in nodes - {here} if not is_local_host(ip))
    if elsewhere:
        raise UsageError(f"the Ray cluster has nodes on other machines ({', '.join(elsewhere)}), and the documents "
                         "would be sent to them; pass --allow-remote (allow_remote=True) if that is intended")


@contextmanager
def _connected(address: str, init: dict[str, Any]) -> Iterator[Any]:
    """Ray, connected for the run (and disconnected after, when this run connected it)."""
    ray = _ray()
    if ray.is_initialized():
        yield ray
        return
    kwargs = dict(init)
    if address == "local":
        kwargs.setdefault("include_dashboard", False)
    try:
        with _no_usage_reports(address == "local"):
            ray.init(address=address, **kwargs)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        hint = "start one with `ray start --head` or use --ray local" if address == "auto" else "check the address"
        raise ClusterError(f"cannot connect to a Ray cluster at {address} ({_first_line(exc)}); {hint}") from None
    try:
        yield ray
    finally:
        ray.shutdown()


@contextmanager
def _no_usage_reports(local: bool) -> Iterator[None]:
    """A Ray instance started here reports no usage statistics (it would send them over the
    network); its processes read the setting when they start, so it is set only meanwhile."""
    name = "RAY_USAGE_STATS_ENABLED"
    before = os.environ.get(name)
    if local and before is None:
        os.environ[name] = "0"
    try:
        yield
    finally:
        if local and before is None:
            os.environ.pop(name, None)


def _reads_itself(job: Job) -> bool:
    """Whether a worker reads (and hashes) this document itself: a URI that the driver did not hash."""
    return job.sha256 is None and is_uri(job.path)


def _job_json(job: Job) -> str:
    return json.dumps({k: v for k, v in asdict(job).items() if k != "data"})


def _dataset(ray: Any, jobs: list[Job], workers: int, config: WorkerConfig, sink: Sink) -> tuple[Any, dict[int, Job]]:
    """The input dataset (one row per document: its index, its job, its bytes unless a worker reads
    it) and the jobs sent, by index. A local file that cannot be read any more gets its record here."""
    import pyarrow as pa

    per_block = max(1, min(64, len(jobs) // (workers * 8)))  # enough blocks to keep every worker fed
    refs, sent, rows = [], {}, []

    def flush() -> None:
        table = pa.table({
            "i": pa.array([r[0] for r in rows], pa.int64()),
            "job": pa.array([r[1] for r in rows], pa.string()),
            "data": pa.array([r[2] for r in rows], pa.binary()),
        })
        refs.append(ray.put(table))
        rows.clear()

    for i, job in enumerate(jobs):
        data = None
        if not _reads_itself(job):
            try:
                data = Path(job.path).read_bytes()
            except OSError as exc:
                message = f"{_safe(job.path)} cannot be read any more ({exc.strerror or exc}); check the file"
                sink.record(failed_record(job, message, schema=config.schema_name, engine=_engine_name(config.engine)))
                continue
        sent[i] = job
        rows.append((i, _job_json(job), data))
        if len(rows) >= per_block:
            flush()
    if rows:
        flush()
    return ray.data.from_arrow_refs(refs), sent


def _drain(dataset: Any, sent: dict[int, Job], config: WorkerConfig, sink: Sink) -> None:
    """Write each record as it streams in; a document retried after its worker died comes once."""
    pending = dict(sent)
    try:
        for row in dataset.iter_rows():
            job = pending.pop(int(row["i"]), None)
            if job is None:
                continue  # a second output for the same document (a retried task)
            kind, payload = row["kind"], json.loads(row["record"])
            if kind == "load_error":
                raise EngineLoadError(payload)
            if row["attempt"] > 1:
                sink.emit(BatchEvent("retry", done=1))
            if kind == "skipped":
                sink.skipped(payload)
            else:
                sink.record(payload)
    except (EngineLoadError, KeyboardInterrupt):
        raise
    except Exception as exc:  # Ray gave up (actors cannot start, the cluster went away...)
        hint = " (is docextract installed on every node, in the same version?)" if "ModuleNotFoundError" in str(exc) else ""
        raise ClusterError(f"the Ray run stopped: {type(exc).__name__}: {_first_line(exc)}{hint}; the records finished so "
                           "far are in the output: rerun the same command to continue") from None
    for job in pending.values():  # Ray said the run finished without them: never drop one silently
        message = f"{_safe(job.path)}: Ray finished the run without a result for this document; rerun with --retry-failed"
        sink.record(failed_record(job, message, schema=config.schema_name, engine=_engine_name(config.engine), reason="internal"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# --------------------------------------------------------------------------------------------------
# the cluster side


class _Attempts:
    """How many times each in-flight document was started (a Ray actor that outlives the workers)."""

    def __init__(self) -> None:
        self.started: dict[int, int] = {}

    def begin(self, i: int) -> int:
        self.started[i] = self.started.get(i, 0) + 1
        return self.started[i]

    def end(self, i: int) -> None:
        self.started.pop(i, None)


class _ExtractActor:
    """The map stage: one document per call, read in this actor's child process."""

    def __init__(self, config: WorkerConfig, timeout: float | None, attempts: Any, done: dict[str, str], limit: int) -> None:
        self.config, self.timeout, self.attempts, self.done, self.limit = config, timeout, attempts, done, limit
        self.child = self._start()  # the engine loads now, once (again only after a crash or a time-out)

    def _start(self) -> Any:
        from docextract.workers import Worker

        return Worker(_setup_worker, self.config, _handle_job)

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        import ray

        out: dict[str, list[Any]] = {"i": [], "kind": [], "record": [], "attempt": []}
        for i, job_json, data in zip(batch["i"].to_pylist(), batch["job"].to_pylist(), batch["data"].to_pylist()):
            attempt = ray.get(self.attempts.begin.remote(i))
            kind, payload = self._one(Job(**json.loads(job_json), data=data), attempt)
            self.attempts.end.remote(i)
            out["i"].append(i)
            out["kind"].append(kind)
            out["record"].append(json.dumps(payload, default=str))
            out["attempt"].append(attempt)
        return out

    def _one(self, job: Job, attempt: int) -> tuple[str, Any]:
        config = self.config
        if job.data is None:  # read first, so that even a crash's record has the content's hash
            job = _read_uri(job)
            if job.data is None:
                return "record", failed_record(job, job.error or "", schema=config.schema_name, engine=_engine_name(config.engine))
            if self.done.get(job.key) == job.sha256:
                return "skipped", job.key
        if attempt > self.limit:
            return "record", failed_record(job, _died_message(job, attempt - 1), schema=config.schema_name,
                                           engine=_engine_name(config.engine), reason="crash")
        try:
            return "record", self._extract(job)
        except EngineLoadError as exc:
            return "load_error", str(exc)

    def _extract(self, job: Job) -> dict[str, Any]:
        """The document's record from the child, within the time limit (a fresh child after one ended)."""
        import time

        from docextract.workers import wait_any

        for _ in range(3):
            if self.child is None:
                self.child = self._start()
            try:
                self.child.submit(job, self.timeout)
                break
            except OSError:  # it died while idle: a fresh one
                self.child.kill()
                self.child = None
        else:
            raise EngineLoadError("the worker processes end as soon as they start; run one document with -vv to see why")
        while True:
            deadline = self.child.deadline
            wait_any([self.child], None if deadline is None else max(0.0, deadline - time.monotonic()))
            records, ended = collect(self.child, self.config, self.timeout, lambda event: None)
            if ended:
                self.child = None
            if records:
                return records[0]


def _read_uri(job: Job) -> Job:
    """The job with its bytes, hash and size; or, when the URI cannot be read, with an error."""
    from pyarrow import fs

    try:
        filesystem, path = fs.FileSystem.from_uri(job.path)
        with filesystem.open_input_stream(path) as fh:
            data = fh.read()
    except Exception as exc:  # pyarrow raises OSError, FileNotFoundError, ArrowInvalid...
        return Job(job.path, job.key, error=f"{_safe(job.path)} cannot be read ({_first_line(exc)}); check the URI and its permissions")
    return Job(job.path, job.key, sha256=hashlib.sha256(data).hexdigest(), size=len(data), data=data)


def _died_message(job: Job, deaths: int) -> str:
    return (f"{_safe(job.path)}: the Ray worker died {deaths} times while reading this file (out of memory, or its "
            "node lost); try it alone with `docextract pdf/image FILE -vv`, or give the workers more memory")


# --------------------------------------------------------------------------------------------------
# URI inputs


def list_uris(uris: list[str]) -> Discovery:
    """Expand URIs into document URIs: a file is taken as named, a folder recursively by suffix."""
    try:
        from pyarrow import fs
    except ImportError:
        raise MissingDependency(f"reading URIs needs pyarrow: {INSTALL_HINT}") from None
    found = Discovery()
    seen: set[str] = set()
    for uri in uris:
        if glob.has_magic(uri.split("://", 1)[1]):
            raise UsageError(f"{_safe(uri)}: patterns are not expanded in URIs; name the folder, which is searched recursively")
        try:
            filesystem, root = fs.FileSystem.from_uri(uri)
            info = filesystem.get_file_info(root)
            if info.type == fs.FileType.Directory:
                listing = filesystem.get_file_info(fs.FileSelector(root, recursive=True))
        except Exception as exc:  # pyarrow's errors: OSError, ArrowInvalid (unknown scheme), ...
            raise UsageError(f"{_safe(uri)} cannot be listed ({_first_line(exc)}); check the URI and its credentials") from None
        if info.type == fs.FileType.NotFound:
            raise UsageError(f"{_safe(uri)} does not exist; check the URI")
        if info.type != fs.FileType.Directory:
            if uri not in seen:
                seen.add(uri)
                found.files.append(uri)
            continue
        base = uri.rstrip("/")
        for entry in sorted(listing, key=lambda e: e.path):
            if entry.type != fs.FileType.File:
                continue
            child = f"{base}/{os.path.relpath(entry.path, root)}"
            if os.path.splitext(entry.path)[1].lower() not in SUPPORTED_SUFFIXES:
                found.ignored.append(child)
            elif child not in seen:
                seen.add(child)
                found.files.append(child)
    return found
