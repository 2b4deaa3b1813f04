"""Output files are checked and claimed before any work starts.

An output may not be one of the inputs (``-o`` onto the PDF being read), may not be named twice
(``--csv`` naming the JSONL), and may not be a file that another running docextract job is writing.
Every running job holds an exclusive ``flock`` on each output file for as long as it runs (the
batch's JSONL is the very descriptor it appends to); a file created only to hold the claim is
removed again when nothing was written to it. Outputs that are not regular files (``/dev/stdout``,
a pipe) are written as they are, unclaimed.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from docextract.errors import DocextractError, UsageError
from docextract.names import printable

__all__ = ["OutputClaim", "check_not_inputs", "lock"]


def lock(fd: int, path: str | os.PathLike[str]) -> None:
    """Take an exclusive lock on ``fd`` without waiting; :class:`UsageError` when another job holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            raise UsageError(f"{printable(path)} is being written by another running docextract job; "
                             "wait for it to finish or choose another output") from None
        raise


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def check_not_inputs(outputs: Sequence[str | os.PathLike[str]], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """:class:`UsageError` when an output is one of the inputs or two outputs are the same file."""
    seen: dict[object, str] = {}
    for out in outputs:
        key: object = _identity(out) or os.path.realpath(out)
        if key in seen:
            raise UsageError(f"{printable(out)} is named as two outputs ({seen[key]} too); give each its own file")
        seen[key] = printable(out)
    wanted = {_identity(o): o for o in outputs} if outputs else {}
    wanted.pop(None, None)
    if not wanted:
        return
    for item in inputs:
        ident = _identity(item)
        if ident in wanted:
            raise UsageError(f"{printable(wanted[ident])} is also an input; writing there would destroy it, "
                             "so choose another output file")


class OutputClaim:
    """Claim ``paths`` for writing: refused (exit 2) when one is an input or held by another running
    job; an error naming the file when it cannot be written. Use as a context manager."""

    def __init__(self, paths: Sequence[str | os.PathLike[str]], inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.paths = [Path(p) for p in paths]
        check_not_inputs(self.paths, inputs)
        self._held: list[tuple[Path, int, bool]] = []
        try:
            for path in self.paths:
                self._claim(path)
        except BaseException:
            self.release()
            raise

    def _claim(self, path: Path) -> None:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise DocextractError(f"cannot write {printable(path)}: {exc.strerror or exc}") from None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise UsageError(f"{printable(path)} is a directory; name a file to write")
        if st is not None and not stat.S_ISREG(st.st_mode):
            return  # /dev/stdout, a pipe: written as it is
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise DocextractError(f"cannot write {printable(path)}: {exc.strerror or exc}") from None
        self._held.append((path, fd, st is None))
        lock(fd, path)

    def release(self) -> None:
        """Let the outputs go; remove the files made only to claim them (still empty, still ours)."""
        for path, fd, created in self._held:
            try:
                if created:
                    mine, now = os.fstat(fd), os.stat(path)
                    if (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino) and now.st_size == 0:
                        os.unlink(path)
            except OSError:
                pass
            finally:
                os.close(fd)
        self._held = []

    def __enter__(self) -> OutputClaim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
