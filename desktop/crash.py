"""Uncaught errors: log them with the traceback, then tell the user in plain Norwegian.

Before Qt runs the message goes to stderr; once the window is up, ui/ installs a dialog with
`set_reporter`.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from .logs import log

Reporter = Callable[[str, Path | None], None]
_state: dict = {"reporter": None, "log_file": None}


def crash_text(exc_type, exc, tb) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def _stderr_reporter(report: str, log_file: Path | None) -> None:
    print("Nettverkslogg stoppet på grunn av en uventet feil.", file=sys.stderr)
    if log_file:
        print(f"Detaljer er lagret i {log_file}", file=sys.stderr)
    print(report, file=sys.stderr)


def set_reporter(reporter: Reporter | None) -> None:
    _state["reporter"] = reporter


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report = crash_text(exc_type, exc, tb)
    log.critical("Uventet feil:\n%s", report, extra={"file_only": True})
    reporter = _state["reporter"] or _stderr_reporter
    try:
        reporter(report, _state["log_file"])
    except Exception:  # the reporter itself failed: fall back to stderr
        _stderr_reporter(report, _state["log_file"])


def install(log_file: Path | None) -> None:
    _state["log_file"] = log_file
    sys.excepthook = _excepthook
    threading.excepthook = lambda args: _excepthook(args.exc_type, args.exc_value, args.exc_traceback)
