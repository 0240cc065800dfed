"""Every file the app writes for the user is written whole under a hidden name beside it
(`.Øktlogg Lia skole.xlsx.part`), flushed to disk, then renamed over the real name with `os.replace`.
A kill, a power cut or a full disk mid-write therefore leaves the old file (or none) under the real
name, never a broken one. A `.part` left by such a stop is removed the next time the app writes into
that folder (`remove_stale_parts`)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"
#: The kinds of file the app writes; only their `.part` files are ever removed.
OUR_SUFFIXES = (".xlsx", ".pdf", ".ics", ".eml", ".csv", ".txt", ".zip", ".json")
STALE_SECONDS = 60  # a younger .part may belong to a write still going on in another window


def part_path(target: str | Path) -> Path:
    target = Path(target)
    return target.with_name(f".{target.name}{PART_SUFFIX}")


def remove_stale_parts(folder: str | Path, *, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove the `.part` files an earlier, stopped write left in `folder`; returns what was removed."""
    removed = []
    now = time.time()
    try:
        candidates = list(Path(folder).glob(f".*{PART_SUFFIX}"))
    except OSError:
        return removed
    for part in candidates:
        if not part.name[1:-len(PART_SUFFIX)].lower().endswith(OUR_SUFFIXES):
            continue
        try:
            if now - part.stat().st_mtime >= older_than:
                part.unlink()
                removed.append(part)
        except OSError:
            log.warning("could not remove the stale file %s", part, exc_info=True)
    if removed:
        log.info("removed %d stale .part file(s) in %s", len(removed), folder)
    return removed


def _flush(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


@contextmanager
def atomic_target(target: str | Path) -> Iterator[Path]:
    """Yield the `.part` path to write to; on success it replaces `target`, on failure it is removed."""
    target = Path(target)
    remove_stale_parts(target.parent)
    part = part_path(target)
    part.unlink(missing_ok=True)
    try:
        yield part
        _flush(part)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: str | Path, data: bytes) -> Path:
    target = Path(target)
    with atomic_target(target) as part:
        part.write_bytes(data)
    return target


@contextmanager
def output_target(target):
    """For writers that take a path or an open binary file: a path is written atomically (the `.part`
    path is yielded), a file object is yielded as it is."""
    if isinstance(target, str | os.PathLike):
        with atomic_target(target) as part:
            yield part
    else:
        yield target


def save_workbook(wb, target) -> None:
    """`wb.save` to a path (atomically) or to an open binary file."""
    with output_target(target) as out:
        wb.save(out)
