"""Consistent copies of an SQLite database file with SQLite's online backup API (safe while in use)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from .errors import DatabaseError
from .i18n import _
from .probe import is_sqlite_file, probe_sqlite

KEEP_BACKUPS = 10
_PREFIX = "nettverkslogg-"


def copy_database(source: Path, dest: Path) -> Path:
    """Copy `source` into `dest` page by page; works while another process has `source` open."""
    source, dest = Path(source), Path(dest)
    if not source.exists():
        raise DatabaseError(_("Finner ikke databasen {path}.").format(path=source))
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        tmp.replace(dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(_("Kunne ikke lage kopi til {dest}: {reason}").format(dest=dest, reason=exc)) from exc
    return dest


def make_backup(db_path: Path, backup_dir: Path, label: str, now: datetime | None = None) -> Path:
    """A timestamped copy in `backup_dir`, e.g. `nettverkslogg-20261122-083000-daglig.db`."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    dest = Path(backup_dir) / f"{_PREFIX}{stamp}-{label}.db"
    counter = 1
    while dest.exists():
        counter += 1
        dest = Path(backup_dir) / f"{_PREFIX}{stamp}-{label}-{counter}.db"
    return copy_database(db_path, dest)


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups in `backup_dir`, oldest first."""
    folder = Path(backup_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{_PREFIX}*.db"))


def prune_backups(backup_dir: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest `keep` backups; returns what was deleted."""
    backups = list_backups(backup_dir)
    doomed = backups[:-keep] if keep > 0 else backups
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def daily_backup(db_path: Path, backup_dir: Path, now: datetime | None = None,
                 keep: int = KEEP_BACKUPS) -> Path | None:
    """Make today's backup unless one exists; keep the newest `keep`. None when nothing was done."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    now = now or datetime.now()
    today = f"{_PREFIX}{now:%Y%m%d}-"
    if any(p.name.startswith(today) for p in list_backups(backup_dir)):
        return None
    made = make_backup(db_path, backup_dir, "daglig", now)
    prune_backups(backup_dir, keep)
    return made


def restore_database(db_path: Path, source: Path, backup_dir: Path) -> Path | None:
    """Replace `db_path` with the Nettverkslogg database `source`, keeping the current one as a backup.

    Returns the backup of the database that was replaced (None if there was none).
    """
    db_path, source = Path(db_path), Path(source)
    if not source.is_file():
        raise DatabaseError(_("Finner ikke filen {path}.").format(path=source))
    if source.stat().st_size == 0 or not is_sqlite_file(source):
        raise DatabaseError(_("Filen {path} er ikke en Nettverkslogg-database. Ingenting er endret.").format(
            path=source))
    probe = probe_sqlite(source)
    if probe.revision is None or probe.database_id is None:
        raise DatabaseError(_("Filen {path} er ikke en Nettverkslogg-database. Ingenting er endret.").format(
            path=source))
    if db_path.exists() and db_path.resolve() == source.resolve():
        raise DatabaseError(_("Du kan ikke gjenopprette en database fra seg selv."))
    kept = None
    if db_path.exists() and db_path.stat().st_size > 0:
        kept = make_backup(db_path, backup_dir, "for-gjenoppretting")
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    tmp = db_path.with_name(db_path.name + ".restore")
    copy_database(source, tmp)
    shutil.move(tmp, db_path)
    return kept
