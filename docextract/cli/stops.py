"""Stop signals for the command line, installed before anything heavy is imported, so that Ctrl-C
or SIGTERM while the command line itself loads ends it as cleanly as later (no traceback)."""

from __future__ import annotations

import sys
from typing import Any

_STOP: dict[str, Any] = {"signum": None, "reported": False}


def catch_stop_signals() -> None:
    """Ctrl-C raises KeyboardInterrupt, SIGTERM and SIGHUP :class:`~docextract.workers.Terminated`.
    Once one came, the others are ignored while the command cleans up (children ended, claims
    released) and says what happened: a third Ctrl-C cannot cut that short with a traceback."""
    import signal

    from docextract.workers import Terminated

    stops = [s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]

    def stop(signum: int, frame: object) -> None:
        for sig in stops:
            signal.signal(sig, signal.SIG_IGN)
        _STOP["signum"] = signum
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Terminated(signum)

    for sig in stops:
        if signal.getsignal(sig) is not signal.SIG_IGN:  # under nohup, SIGHUP stays ignored
            signal.signal(sig, stop)


def stop_line(exc: BaseException) -> tuple[str, int]:
    """What to say after a stop signal, and the exit code: ``interrupted`` (130) for Ctrl-C,
    ``terminated by SIGTERM`` (128 + the signal) for the others."""
    import signal

    from docextract.workers import Terminated

    signum = exc.signum if isinstance(exc, Terminated) else _STOP["signum"]
    if signum in (None, signal.SIGINT):
        return "interrupted", 128 + signal.SIGINT
    return f"terminated by {signal.Signals(signum).name}", 128 + signum


def end_by_sigint(code: object) -> None:
    """After Ctrl-C, once the command has cleaned up and said so (exit status 130), the process
    ends by SIGINT, as Python ends on an interrupt nobody caught: a calling shell then knows the
    user stopped it (``$?`` is 130, and a script's loop stops too, which a plain exit 130 does
    not do). It would also be luck otherwise: CPython ends by SIGINT anyway when the interrupt
    passed through an ``eval`` on its way (a namedtuple being made in an import). The
    interrupt's traceback is not printed; interpreter shutdown (atexit, flushes) runs as usual."""
    import signal

    if code != 128 + signal.SIGINT or _STOP["signum"] != signal.SIGINT:
        return
    sys.excepthook = lambda *args: None
    raise KeyboardInterrupt from None
