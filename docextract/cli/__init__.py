"""The ``docextract`` command. The only package that imports typer/rich or writes to the terminal.

The commands live in :mod:`docextract.cli.commands`. This module stays light so that :func:`main` can
start the process that will read the document before typer, rich and the commands are imported
(see :func:`prestart`).
"""

from __future__ import annotations

import os
import sys
from typing import Any

__all__ = ["app", "main", "prestart"]


def main() -> None:
    """Console-script entry point: no traceback reaches the user unless they ask with -vv."""
    from docextract.cli.stops import catch_stop_signals, end_by_sigint, stop_line

    catch_stop_signals()
    try:
        prestart(sys.argv[1:])
        from docextract.cli.commands import main as run
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM while the command line loads
        # typer or rich may be half-imported now (the signal can land inside their imports), and
        # importing them again fails: the line is written plainly.
        line, code = stop_line(exc)
        sys.stderr.write(f"Error: {line}\n")
        end_by_sigint(code)
        raise SystemExit(code) from None
    try:
        run()
    except SystemExit as exc:
        end_by_sigint(exc.code)
        raise


# Commands that read one document in a child process (docextract.workers.documents_isolated).
_ONE_DOCUMENT = {"image", "pdf"}
# The flags that choose the engine (docextract.defaults.engine_name); a projector implies a model.
_FLAG_KEYS = {"--engine": "engine", "-e": "engine", "--base-url": "base_url", "--model": "model", "-m": "model",
              "--mmproj": "model"}
_STOP_FLAGS = {"--help", "--version"}


def prestart(args: list[str]) -> None:
    """Start the child process that will read the document now, while this one imports the command
    line and parses it: ``image`` and ``pdf`` read their file in a child
    (:func:`docextract.workers.documents_isolated`), and the child's imports (and, for an image
    read by the offline reader, the OCR models) then load on the other core. A guess from the
    arguments alone: when the command turns out to need no such child, it is ended unused."""
    command = next((a for a in args if not a.startswith("-")), None)
    if command not in _ONE_DOCUMENT or _STOP_FLAGS.intersection(args):
        return
    from docextract.workers import prestart_worker

    prestart_worker(_warm_image if command == "image" and _reads_offline(args) else _warm_pdf)


def _reads_offline(args: list[str]) -> bool:
    """Whether the arguments (and the environment) leave the engine at the offline reader, whose
    OCR every image needs."""
    from docextract.defaults import engine_name

    given = {"engine": os.environ.get("DOCEXTRACT_ENGINE"), "base_url": os.environ.get("DOCEXTRACT_BASE_URL"),
             "model": os.environ.get("DOCEXTRACT_MODEL")}
    for i, arg in enumerate(args):
        name, _, value = arg.partition("=")
        key = _FLAG_KEYS.get(name)
        if key is not None:
            given[key] = value or (args[i + 1] if i + 1 < len(args) else None)
    return engine_name(given["engine"], base_url=given["base_url"], model=given["model"]) == "reader"


def _warm_image() -> None:
    """In the pre-started child of ``image``: the OCR models load on a thread, the pipeline imports."""
    from docextract.ocr import get_reader

    get_reader().prefetch()
    _warm_pdf()


def _warm_pdf() -> None:
    """In the pre-started child: what reading any document imports."""
    import docextract.engines.reader  # noqa: F401
    import docextract.pipeline  # noqa: F401
    import docextract.schemas  # noqa: F401


def __getattr__(name: str) -> Any:
    if name == "app":
        from docextract.cli.commands import app

        return app
    raise AttributeError(f"module 'docextract.cli' has no attribute {name!r}")
