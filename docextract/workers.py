"""Documents are read in child processes the parent can end: at a time limit, on Ctrl-C or
SIGTERM, and when the parent itself dies (no orphans).

A :class:`Worker` is one child process. It builds its state once with ``setup(config)`` (the schema
and a loaded engine), then runs tasks one at a time with ``handle(state, task, emit)`` and sends the
result back. A task still running at its deadline (a PDF whose page renders for hours, a server
that never answers) is ended with SIGKILL, which needs no co-operation from native code. Children
ignore SIGINT (a terminal sends it to the whole process group; the parent decides what it means)
and die with their parent: ``PR_SET_PDEATHSIG`` on Linux, and a thread watching the parent as the
portable fallback.

:func:`extract_isolated` is :func:`docextract.extract` run that way, for one document. A command
that reads one document starts its worker first thing (:func:`prestart_worker`): the child imports
the pipeline and loads the models it will likely need while the command line is still being
imported and parsed, and is given its job when that is known.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from docextract.errors import DocextractError, TimeLimitExceeded, WorkerDied

__all__ = ["DEFAULT_TIMEOUT", "ENGINE", "MODEL_TIMEOUT", "STREAM", "IsolatedJobs", "Terminated", "Worker", "call",
           "default_timeout", "extract_isolated", "prestart_worker", "wait_any"]

Emit = Callable[[Any], None]

DEFAULT_TIMEOUT = 900.0
"""Seconds one document may take with the offline reader (a 300-page scan through OCR fits)."""
MODEL_TIMEOUT = 3600.0
"""With a vision model, whose tiles take seconds to minutes each on a CPU."""


def default_timeout(engine: str | None) -> float:
    """The time limit per document when none is given: :data:`DEFAULT_TIMEOUT` for the reader,
    :data:`MODEL_TIMEOUT` for any other engine (by its registered name)."""
    return DEFAULT_TIMEOUT if engine == "reader" else MODEL_TIMEOUT


class Terminated(KeyboardInterrupt):
    """The process was asked to stop by a signal other than Ctrl-C (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def _context() -> Any:
    """fork where it is safe (Linux, no other thread that could hold a lock): the child starts in
    milliseconds; spawn elsewhere."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class Worker:
    """One child process running ``handle(state, task, emit)`` for each task, after ``setup(config)``.

    The functions and ``config`` must be picklable (module-level) when the child is spawned.
    """

    def __init__(self, setup: Callable[[Any], Any] | None, config: Any, handle: Callable[[Any, Any, Emit], Any] | None,
                 *, context: Any = None, warm: Callable[[], None] | None = None) -> None:
        """``warm``: a worker started before its job is known (``setup`` and ``handle`` None): the
        child runs ``warm()`` (imports, models it will likely need), then waits for
        :meth:`configure`."""
        self._ctx = context or _context()
        self._conn, child_conn = self._ctx.Pipe(duplex=True)
        self.process = self._ctx.Process(target=_child_main, args=(child_conn, os.getpid(), setup, config, handle, warm),
                                         name="docextract-worker", daemon=True)
        # A Ctrl-C that lands inside fork() would be raised in an at-fork hook, where Python only
        # prints it: held back until the child exists, it interrupts this process as usual.
        held = _block_stop_signals()
        try:
            self.process.start()
        finally:
            _unblock(held)
        child_conn.close()
        self.ready = False
        self.task: Any = None  # the task in hand (None: idle)
        self.started: float | None = None  # when the child began the task
        self.timeout: float | None = None

    # -- parent side ----------------------------------------------------------------------------

    def configure(self, setup: Callable[[Any], Any], config: Any, handle: Callable[[Any, Any, Emit], Any]) -> None:
        """Give a worker started with ``warm`` its job. The functions and ``config`` are pickled
        (an error here leaves the child waiting, unchanged); the child logs at this process's
        command level (:data:`LOG_LEVEL_ENV`)."""
        self._conn.send(("setup", setup, config, handle, os.environ.get(LOG_LEVEL_ENV)))

    def submit(self, task: Any, timeout: float | None) -> None:
        """Hand the worker a task; its clock starts when the child takes it up."""
        assert self.task is None, "one task at a time"
        self._conn.send(("task", task))  # OSError when the child has gone: the task is not taken
        self.task, self.timeout, self.started = task, timeout or None, None

    @property
    def deadline(self) -> float | None:
        if self.task is None or self.started is None or self.timeout is None:
            return None
        return self.started + self.timeout

    @property
    def handles(self) -> list[Any]:
        return [self._conn, self.process.sentinel]

    def receive(self) -> list[tuple[Any, ...]]:
        """The messages waiting, without blocking. Raises :class:`WorkerDied` when the child has
        ended and nothing more is to come."""
        messages: list[tuple[Any, ...]] = []
        try:
            while self._conn.poll():
                message = self._conn.recv()
                messages.append(message)
                kind = message[0]
                if kind == "ready":
                    self.ready = True
                elif kind == "started":
                    self.started = time.monotonic()
                elif kind in ("done", "error", "setup_error"):
                    self.task = None
        except (EOFError, OSError):
            pass
        if not messages and not self.process.is_alive():
            self.process.join()
            raise WorkerDied(self.process.exitcode)
        return messages

    def expired(self, now: float | None = None) -> bool:
        deadline = self.deadline
        return deadline is not None and (now or time.monotonic()) >= deadline

    def kill(self) -> None:
        """End the child now (SIGKILL) and reap it."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(10)
        self._conn.close()

    def stop(self) -> None:
        """Ask an idle child to exit; kill it if it does not within a moment."""
        if self.process.is_alive() and self.task is None:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self.process.join(2)
        self.kill()


def wait_any(workers: Sequence[Worker], timeout: float | None) -> None:
    """Block until one of ``workers`` has a message or has ended, or ``timeout`` seconds pass."""
    handles = [h for w in workers for h in w.handles]
    if handles:
        multiprocessing.connection.wait(handles, timeout)
    elif timeout:
        time.sleep(timeout)


def ended_by_signal(exc: WorkerDied) -> int | None:
    """The stop signal (SIGTERM, SIGINT, SIGHUP) that ended a worker from outside, if one did: that
    is someone stopping the run, not the document's fault."""
    code = exc.exitcode
    stops = {int(s) for s in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", signal.SIGTERM))}
    return -code if code is not None and -code in stops else None


# -- child side ---------------------------------------------------------------------------------


def _stop_signals() -> set[int]:
    return {int(s) for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None}


def _block_stop_signals() -> set[int] | None:
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        return None
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, _stop_signals()))


def _unblock(previous: set[int] | None) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


LOG_LEVEL_ENV = "DOCEXTRACT_LOG_LEVEL"
"""The command's level for docextract's log, which a spawned child (no logging set up) logs at."""


def _log_like_parent(level: str | None = None, early: _EarlyLog | None = None) -> None:
    """A spawned child starts with no logging set up (a forked one inherits the parent's): it logs
    docextract's records to stderr at the command's level (``level``, else :data:`LOG_LEVEL_ENV`),
    marked with its process id. ``early``: the :class:`_EarlyLog` of a child forked before the
    command set up its log (:func:`prestart_worker`): its records look like the command's, and
    the ones held so far go out at that level."""
    level = level if level is not None else os.environ.get(LOG_LEVEL_ENV)
    logger = logging.getLogger("docextract")
    handler: logging.Handler | None = None
    if level and level.isdigit() and not logging.getLogger().handlers and not any(h is not early for h in logger.handlers):
        from docextract.names import SafeFormatter

        handler = logging.StreamHandler()
        # like the command's own lines (docextract.cli.common.setup_logging); a spawned child's name its process
        tag = "" if early is not None else " [%(process)d]"
        handler.setFormatter(SafeFormatter(f"%(asctime)s %(levelname)s %(name)s{tag}: %(message)s", "%H:%M:%S"))
    if early is not None:
        threshold = int(level) if handler is not None and level else logging.WARNING
        early.pass_on(handler or logging.lastResort or logging.StreamHandler(), threshold)
        logger.setLevel(threshold)
    elif handler is not None and level:
        logger.addHandler(handler)
        logger.setLevel(int(level))
        logger.propagate = False


class _EarlyLog(logging.Handler):
    """Holds the log records of a pre-started child until the command's level is known (the
    models it loads meanwhile log their timings), then passes them on at that level."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.target: logging.Handler | None = None
        self.threshold = logging.WARNING
        logger = logging.getLogger("docextract")
        logger.addHandler(self)
        logger.setLevel(logging.DEBUG)
        logger.propagate = False

    def emit(self, record: logging.LogRecord) -> None:  # called under the handler's lock
        if self.target is None:
            self.records.append(record)
        elif record.levelno >= self.threshold:
            self.target.handle(record)

    def pass_on(self, target: logging.Handler, threshold: int) -> None:
        with self.lock:  # type: ignore[union-attr]
            self.target, self.threshold = target, threshold
            for record in self.records:
                if record.levelno >= threshold:
                    target.handle(record)
            self.records.clear()


def _child_main(conn: Any, parent_pid: int, setup: Callable[[Any], Any] | None, config: Any,
                handle: Callable[[Any, Any, Emit], Any] | None, warm: Callable[[], None] | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # a forked child inherits the parent's handlers
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # the mask the parent held while starting this process
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _stop_signals())
    _die_with_parent(parent_pid)
    _keep_freed_memory()

    def send(message: tuple[Any, ...]) -> None:
        conn.send(message)

    def receive() -> Any:
        try:
            return conn.recv()
        except (EOFError, OSError):
            return None

    def leave() -> None:  # done: skip the interpreter's teardown (native libraries, open files)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    early = None
    if warm is not None:  # started before the job was known: get ready for the likely one
        early = _EarlyLog()
        try:
            warm()
        except Exception:  # a guess that failed costs nothing: the job itself reports real errors
            pass
        message = receive()
        if message is None or message[0] != "setup":
            leave()
        _, setup, config, handle, level = message
        _log_like_parent(level, early)
    else:
        _log_like_parent()
    assert setup is not None and handle is not None
    try:
        state = setup(config)
    except BaseException as exc:  # a user's schema module may raise SystemExit
        send(("setup_error", _portable(exc), traceback.format_exc(limit=20)))
        return
    send(("ready",))
    while True:
        message = receive()
        if message is None:
            leave()
        send(("started",))
        try:
            result = handle(state, message[1], lambda event: send(("event", event)))
        except BaseException as exc:
            send(("error", _portable(exc), traceback.format_exc(limit=20)))
            continue
        send(("done", result))


def _keep_freed_memory() -> None:
    """Keep freed blocks of up to 32 MB on the heap (glibc) for the next document and page.

    By default glibc hands each large buffer (a page image, a network's activations) back to the
    system when it is freed and maps fresh zeroed pages for the next one: page faults that cost a
    new child about 0.04 s of CPU on one receipt (fewer later, as glibc raises its threshold).
    Only in these children: a library has no business setting its host process's allocator.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None)
            libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD (32 MB is glibc's ceiling on 64-bit)
            libc.mallopt(-1, 256 << 20)  # M_TRIM_THRESHOLD
        except (OSError, AttributeError):  # pragma: no cover - not glibc
            pass


def _die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), else a thread watching it.

    A thread alone is not enough: native code busy in the main thread (a page that renders for
    hours) may never let it run.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            pass
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        os._exit(1)
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="docextract-parent-watch", daemon=True).start()


def _portable(exc: BaseException) -> BaseException:
    """An exception that survives pickling: docextract errors as they are, others as their text."""
    import pickle

    if isinstance(exc, DocextractError):
        try:
            pickle.loads(pickle.dumps(exc))
            return exc
        except Exception:
            err = DocextractError(str(exc))
            err.exit_code = getattr(exc, "exit_code", 1)
            return err
    if isinstance(exc, SystemExit):
        return DocextractError(f"the code exited (SystemExit: {exc.code})")
    return RuntimeError(f"{type(exc).__name__}: {exc}")


# -- one call in a child ----------------------------------------------------------------------


def call(worker: Worker, task: Any, timeout: float | None, name: str, on_event: Emit | None = None,
         per_event: bool = False) -> Any:
    """Run ``task`` on an idle ``worker`` and wait for its result, relaying its events to
    ``on_event``. Raises the child's error, :class:`TimeLimitExceeded` (the worker is then
    killed) or :class:`WorkerDied`; ``name`` (the document) is what those messages name.
    ``per_event``: the limit is for each stretch up to the next event (a job of many parts,
    each reported as it is done), not for the whole task."""
    emit = on_event or (lambda event: None)
    worker.submit(task, timeout)
    while True:
        deadline = worker.deadline
        wait_any([worker], None if deadline is None else max(0.0, deadline - time.monotonic()))
        try:
            messages = worker.receive()
        except WorkerDied as exc:
            exc.source = name
            raise
        for message in messages:
            kind = message[0]
            if kind == "event":
                emit(message[1])
                if per_event:
                    worker.started = time.monotonic()
            elif kind == "done":
                return message[1]
            elif kind in ("error", "setup_error"):
                raise message[1]
        if worker.expired():
            worker.kill()
            raise TimeLimitExceeded(name, timeout or 0.0)


def _setup_extract(config: tuple[Any, Any, Any]) -> tuple[Any, Any]:
    from docextract.engines import select_engine
    from docextract.schemas import resolve_schema

    schema, engine, engine_options = config
    spec = resolve_schema(schema)
    built = select_engine(engine, engine_options)
    built.load()
    return spec, built


def _handle_extract(state: tuple[Any, Any], task: tuple[Any, dict[str, Any]], emit: Emit) -> Any:
    import dataclasses

    from docextract.pipeline import Options, run_documents

    spec, engine = state
    source, options = task
    # The kit (checks, exporters: functions) stays behind; the parent has its own.
    return [dataclasses.replace(r, spec=None) for r in run_documents(source, spec, engine, Options(**options), emit)]


def extract_isolated(
    source: str | os.PathLike[str] | bytes,
    schema: Any,
    engine: Any = None,
    engine_options: Any = None,
    *,
    timeout: float | None = None,
    on_event: Emit | None = None,
    **options: Any,
) -> Any:
    """:func:`docextract.pipeline.run` in a child process that is ended after ``timeout`` seconds
    (``None`` or 0: no limit), on Ctrl-C/SIGTERM in this process, or when this process dies.

    ``engine`` (a registered name, an Engine subclass or ``None`` for the default) is built in the
    child with :func:`docextract.engines.select_engine` from ``engine_options`` (an
    :class:`~docextract.engines.EngineOptions`); its load time does not count against the limit.
    Returns the :class:`~docextract.output.result.Extraction`; raises the child's
    :class:`DocextractError`, :class:`TimeLimitExceeded` or :class:`WorkerDied`.
    """
    return documents_isolated(source, schema, engine, engine_options, timeout=timeout, on_event=on_event,
                              **{**options, "split": "off"})[0]


def documents_isolated(
    source: str | os.PathLike[str] | bytes,
    schema: Any,
    engine: Any = None,
    engine_options: Any = None,
    *,
    timeout: float | None = None,
    on_event: Emit | None = None,
    **options: Any,
) -> list[Any]:
    """:func:`extract_isolated` for a file that may hold several documents (``split=`` among the
    ``options``, see :func:`docextract.pipeline.run_documents`): one result per document."""
    from docextract.schemas import resolve_schema
    from docextract.sources import source_name

    kit = resolve_schema(schema)  # a bad schema fails here, and the results get this kit back
    config = (schema, engine, engine_options)
    worker = _take_prestarted(_setup_extract, config, _handle_extract) or Worker(_setup_extract, config, _handle_extract)
    try:
        results = call(worker, (source, options), timeout, source_name(source), on_event)
    finally:
        worker.kill()
    for result in results:
        result.spec = kit
    return results  # type: ignore[no-any-return]


_PRESTARTED: Worker | None = None


def prestart_worker(warm: Callable[[], None]) -> None:
    """Fork the next :func:`documents_isolated` worker now, to run ``warm()`` (imports, models the
    document will likely need) while this process is still busy with other things (the command
    line's imports and parsing). Only where fork is safe (Linux, this process has no other thread);
    an unused one ends with this process."""
    global _PRESTARTED
    if _PRESTARTED is not None or not sys.platform.startswith("linux") or threading.active_count() != 1:
        return
    try:
        _PRESTARTED = Worker(None, None, None, context=multiprocessing.get_context("fork"), warm=warm)
    except OSError:  # no process to be had: the document is read the usual way
        pass


def _take_prestarted(setup: Callable[[Any], Any], config: Any, handle: Callable[[Any, Any, Emit], Any]) -> Worker | None:
    """The pre-started worker, given this job, or None (none started, it died, or the job cannot
    be sent to it: a schema object that does not pickle)."""
    global _PRESTARTED
    worker, _PRESTARTED = _PRESTARTED, None
    if worker is None:
        return None
    try:
        if worker.process.is_alive():
            worker.configure(setup, config, handle)
            return worker
    except Exception:  # pickling failed before anything was sent, or the pipe is gone
        pass
    worker.kill()
    return None


class ENGINE:
    """Stands for the child's engine among the arguments of an :class:`IsolatedJobs` call."""


class STREAM:
    """Stands for a callback that relays streamed text to the parent's ``on_text``."""


def _setup_jobs(config: tuple[Any, Any]) -> Any:
    from docextract.engines import select_engine

    engine, engine_options = config
    built = select_engine(engine, engine_options)
    if not built.vision:  # the jobs read words themselves without a vision model
        built.close()
        return None
    built.load()
    return built


def _handle_job_call(engine: Any, task: tuple[str, tuple[Any, ...], dict[str, Any]], emit: Emit) -> Any:
    import importlib

    target, args, kwargs = task
    module, _, name = target.partition(":")
    fn = getattr(importlib.import_module(module), name)

    def fill(value: Any) -> Any:
        return engine if value is ENGINE else emit if value is STREAM else value

    return fn(*map(fill, args), **{k: fill(v) for k, v in kwargs.items()})


class IsolatedJobs:
    """One child process with one engine that runs :mod:`docextract.jobs` functions a call at a
    time, each with its own time limit (a hostile page must not hang ``ocr`` or ``describe``)::

        with IsolatedJobs("llama", options) as jobs:
            answer = jobs.call("docextract.jobs:describe", "photo.jpg", ENGINE, on_text=STREAM,
                               timeout=600, on_event=print)

    A call that times out kills the child; the next call starts a new one. With ``per_event``
    the time limit is for each stretch between the job's events instead (see :func:`call`).
    """

    def __init__(self, engine: Any, engine_options: Any) -> None:
        self._config = (engine, engine_options)
        self._worker: Worker | None = None

    def call(self, target: str, *args: Any, timeout: float | None, on_event: Emit | None = None, per_event: bool = False,
             **kwargs: Any) -> Any:
        from docextract.sources import source_name

        if self._worker is None or not self._worker.process.is_alive():
            self._worker = Worker(_setup_jobs, self._config, _handle_job_call)
        try:
            return call(self._worker, (target, args, kwargs), timeout, source_name(args[0]) if args else target, on_event,
                        per_event)
        except (TimeLimitExceeded, WorkerDied):
            self.close()
            raise

    def close(self) -> None:
        if self._worker is not None:
            self._worker.kill()
            self._worker = None

    def __enter__(self) -> IsolatedJobs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
