"""Logging to a rotating file in the user log folder (and to stderr for warnings)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

log = logging.getLogger("nettverkslogg")


def setup_logging(log_file: Path, level: int = logging.INFO) -> Path | None:
    """Log to `log_file` (1 MB × 5 files). Returns the file, or None if the folder is not writable."""
    root = logging.getLogger()
    root.setLevel(level)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    stderr.addFilter(lambda record: not getattr(record, "file_only", False))
    root.addHandler(stderr)
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_file
