"""Move the database to a safe (local) folder without risking it: copy, verify, then switch.

The copy is made with SQLite's backup API (storage/backup.py's `copy_database`), so it holds every
committed row including those still in the `-wal` file; it is checked (integrity, same database ID,
same schema, same rows per table) under a temporary name and only then given its real name. The old
file is never changed or deleted: the caller switches to the new one (the app restarts on it).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from .backup import copy_database
from .errors import DatabaseError
from .i18n import _
from .probe import connect_read_only

log = logging.getLogger(__name__)

DEFAULT_NAME = "nettverkslogg.db"


def local_target(data_dir: Path, now: datetime | None = None) -> Path:
    """Where a moved database goes: the usual file in the data folder, or a dated name if that exists."""
    data_dir = Path(data_dir)
    usual = data_dir / DEFAULT_NAME
    if not usual.exists():
        return usual
    return data_dir / f"nettverkslogg-flyttet-{(now or datetime.now()):%Y%m%d-%H%M%S}.db"


def _fingerprint(conn: sqlite3.Connection) -> tuple:
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    database_id = conn.execute("SELECT value FROM setting WHERE key='database_id'").fetchone()
    return revision, database_id, counts


def _check_copy(source: Path, copy: Path) -> None:
    src, dst = connect_read_only(source), sqlite3.connect(copy)
    try:
        ok = dst.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        if not ok or _fingerprint(src) != _fingerprint(dst):
            raise DatabaseError(_("Kopien av databasen ble ikke lik originalen, så databasen er ikke flyttet. "
                                  "Den gamle fila er ikke endret."))
    finally:
        src.close()
        dst.close()


def move_database(source: Path, dest: Path) -> Path:
    """Copy `source` to `dest` (which must not exist), verify the copy, and return `dest`.

    On any failure nothing is left at `dest` and `source` is untouched."""
    source, dest = Path(source), Path(dest)
    if dest.exists():
        raise DatabaseError(_("Det finnes allerede en database i {path}. Ingenting er flyttet.").format(path=dest))
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".flytter")
    try:
        copy_database(source, tmp)
        _check_copy(source, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("Databasen er kopiert fra %s til %s og kontrollert", source, dest)
    return dest
