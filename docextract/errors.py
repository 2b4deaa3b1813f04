"""Exceptions raised by docextract.

Per-tile and per-field problems are *data* (:class:`docextract.types.Issue` on the result);
exceptions are for things that stop a whole document::

    DocextractError
    ├── InputError            the file cannot be read: missing, empty, corrupt, encrypted, too big,
    │                         unsupported format, bad page range
    ├── UsageError            invalid options (exit code 2)
    │   └── NeedsVisionModel  a job that needs a vision model was given none
    ├── SchemaError           a schema cannot be imported, is invalid, or cannot become a grammar (exit code 2)
    │   └── SchemaNotFound    unknown schema name (lists the known ones)
    ├── EngineError           an engine failed
    │   ├── EngineNotFound    unknown engine name
    │   ├── MissingDependency an optional package is not installed (names the pip command)
    │   ├── ModelError        model files missing/corrupt/mismatched, prompt over the context
    │   │   └── ModelNotFound no catalog model of that name or quantization (lists the known ones)
    │   └── EngineLoadError   a batch worker could not load the engine: nothing can be processed
    ├── ExportError           the result cannot be written in the requested format
    ├── TimeLimitExceeded     a document was still being read at --timeout; its process was ended
    ├── WorkerDied            the process reading a document died (native crash, out of memory)
    └── ClusterError          the Ray cluster cannot be reached, or stopped a batch run

Every message is one sentence that names the file or value and says what to change.
"""

from __future__ import annotations


class DocextractError(Exception):
    """Base class of every docextract error."""

    exit_code = 1


class InputError(DocextractError):
    """A document could not be opened or read."""

    def __init__(self, message: str, *, path: object = None) -> None:
        super().__init__(message)
        self.path = path


class UsageError(DocextractError):
    """Invalid options (page range, tile setting...)."""

    exit_code = 2


class NeedsVisionModel(UsageError):
    """The job needs an engine that understands images (a vision model), not the OCR reader."""


class SchemaError(DocextractError):
    """A schema cannot be loaded, validated or compiled to a grammar: the schema given is at fault,
    as with any bad option value (exit code 2)."""

    exit_code = 2


class SchemaNotFound(SchemaError, LookupError):
    """No schema with that name or path."""

    exit_code = 2


class EngineError(DocextractError):
    """An extraction engine failed."""


class EngineNotFound(EngineError, LookupError):
    """No engine with that name."""

    exit_code = 2


class MissingDependency(EngineError, ImportError):
    """An optional dependency is missing; the message names the install command."""


class ModelError(EngineError):
    """Model files are missing, corrupt or do not fit together, or a prompt is too long."""


class EngineLoadError(EngineError):
    """The engine could not be loaded in a batch worker: nothing can be processed."""


class ModelNotFound(ModelError, LookupError):
    """No known model of that name (or no such quantization of it)."""

    exit_code = 2


class ExportError(DocextractError):
    """The result cannot be exported in the requested format."""


class TimeLimitExceeded(DocextractError):
    """A document was still being read at its time limit; the process reading it was ended."""

    def __init__(self, source: str, seconds: float) -> None:
        super().__init__(
            f"{source}: not finished within the time limit of {seconds:g} s, so it was stopped; "
            "if the file is trusted and just slow, raise --timeout (0: no limit)"
        )
        self.source, self.seconds = source, seconds

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.source, self.seconds))


class WorkerDied(DocextractError):
    """The child process reading a document ended without an answer (a native crash, out of memory)."""

    def __init__(self, exitcode: int | None, source: str | None = None) -> None:
        self.exitcode, self.source = exitcode, source
        super().__init__(str(self))

    def __str__(self) -> str:
        import signal

        how = f"exit code {self.exitcode}"
        if self.exitcode is not None and self.exitcode < 0:
            try:
                how = signal.Signals(-self.exitcode).name
            except ValueError:
                how = f"signal {-self.exitcode}"
        where = f"{self.source}: " if self.source else ""
        return (f"{where}the process reading this file died ({how}: a crash in a native library or out of memory); "
                "try it alone with -vv, or lower --dpi / --max-pixels")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.exitcode, self.source))


class ClusterError(DocextractError):
    """The Ray cluster cannot be reached, has no room for a worker, or stopped a batch run."""
