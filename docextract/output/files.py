"""Output files: what a suffix means, checked before any work, and written whole or not at all.

A file is written next to its final place under a hidden temporary name and renamed over it
once complete, so a reader never sees half a file and a failure leaves the old one. Errors name
the user's path, never the temporary one.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from docextract.errors import ExportError, UsageError

# What each output suffix holds; a writer refuses a suffix that does not match what it writes.
FORMATS: dict[str, str] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}


def format_of(path: str | os.PathLike[str], allowed: Iterable[str], default: str | None = None) -> str:
    """The format a path's suffix names, one of ``allowed``; :class:`UsageError` otherwise.

    ``default`` is for paths whose suffix names no known format (code written to ``x.py``).
    """
    allowed = list(allowed)
    suffix = Path(path).suffix.lower()
    fmt = FORMATS.get(suffix, default if suffix not in FORMATS else None)
    if fmt in allowed:
        return fmt  # type: ignore[return-value]
    names = ", ".join(s for s, f in FORMATS.items() if f in allowed)
    what = f"a {suffix} file" if suffix else "a name without a suffix"
    raise UsageError(f"{os.fspath(path)}: {what} cannot hold this output; name it {names}")


def check_output(path: str | os.PathLike[str]) -> Path:
    """Fail now, before any work, when ``path`` cannot be written: a missing folder, a folder in
    its place, a folder that is not writable."""
    target = Path(path)
    parent = target.parent
    if target.is_dir():
        raise UsageError(f"{os.fspath(path)} is a folder; give a file name, e.g. {Path(path) / 'results'}{target.suffix or '.json'}")
    if not parent.is_dir():
        raise UsageError(f"cannot write {os.fspath(path)}: the folder {os.fspath(parent)} does not exist; create it first")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {os.fspath(path)}: the folder {os.fspath(parent)} is not writable")
    return target


def write_atomic(path: str | os.PathLike[str], content: str | bytes | Callable[[Path], None]) -> Path:
    """Write ``content`` (text as UTF-8, bytes, or a function that writes the file it is given)
    to ``path`` in one piece: the old file stays until the new one is complete."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # Mode 0o666 under the umask: the file gets the permissions any new file would.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise ExportError(_message(path, exc)) from None
    try:
        if callable(content):
            os.close(fd)
            content(tmp)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(_message(path, exc)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _message(path: str | os.PathLike[str], exc: OSError) -> str:
    parent = Path(path).parent
    if isinstance(exc, FileNotFoundError) and not parent.is_dir():
        return f"cannot write {os.fspath(path)}: the folder {os.fspath(parent)} does not exist; create it first"
    return f"cannot write {os.fspath(path)}: {exc.strerror or exc}"
