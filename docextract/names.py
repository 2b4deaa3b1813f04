"""File names as text that is safe to write: valid UTF-8 for data, no control sequences for a terminal.

A POSIX file name is bytes; Python hands undecodable ones over with surrogate escapes, which no
UTF-8 writer accepts (``| jq`` breaks on them, ``-o`` fails). Data gets such bytes as the four
characters ``\\xNN`` (the exact name travels separately where it matters: a batch record's
``source_bytes_hex``). A name may also hold terminal escape sequences; text for a terminal gets
every control character spelled out.
"""

from __future__ import annotations

import logging
import os
import re

__all__ = ["SafeFormatter", "printable", "terminal_safe"]

# C0 controls but tab and newline, DEL and the C1 controls (\x9b alone starts a sequence on many terminals)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(name: str | os.PathLike[str] | bytes) -> str:
    """A path or name as text that encodes as UTF-8: undecodable bytes become ``\\xNN``."""
    text = os.fsdecode(name) if isinstance(name, (bytes, os.PathLike)) else name
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


def terminal_safe(text: str) -> str:
    """``text`` with control characters (ESC, CR, backspace, CSI...) written as ``\\xNN``."""
    text = printable(text)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class SafeFormatter(logging.Formatter):
    """Log lines for a terminal: control characters in a record (a file name's) spelled out."""

    def format(self, record: logging.LogRecord) -> str:
        return terminal_safe(super().format(record))
