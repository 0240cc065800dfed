"""Logging to a file in the user log folder (and to stderr for warnings).

The file rotates at start-up (1 MB × 5 files) rather than with logging.handlers, which would pull
`socket` and `pickle` into the start-up path.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("nettverkslogg")

MAX_BYTES = 1_000_000
KEEP_FILES = 5


def rotate(log_file: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP_FILES) -> None:
    """nettverkslogg.log → .1 → .2 … when the current file has grown past `max_bytes`."""
    if not log_file.exists() or log_file.stat().st_size < max_bytes:
        return
    for n in range(keep - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{n}")
        if older.exists():
            older.replace(log_file.with_name(f"{log_file.name}.{n + 1}"))
    log_file.replace(log_file.with_name(f"{log_file.name}.1"))


def setup_logging(log_file: Path, level: int = logging.INFO) -> Path | None:
    """Log to `log_file`. Returns the file, or None if the folder is not writable."""
    root = logging.getLogger()
    root.setLevel(level)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    stderr.addFilter(lambda record: not getattr(record, "file_only", False))
    root.addHandler(stderr)
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        rotate(log_file)
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_file
