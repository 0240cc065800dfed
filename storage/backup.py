"""Consistent copies of an SQLite database file with SQLite's online backup API (safe while in use),
checked for damage before they are taken, and an atomic restore.

Damage must not spread: a damaged database is never copied over the backups, the newest backup that
passes SQLite's check is never pruned, and a restore source is copied and checked before the live
file is touched.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import DatabaseError
from .i18n import _
from .probe import connect_read_only, is_sqlite_file, probe_sqlite

log = logging.getLogger(__name__)

KEEP_BACKUPS = 10
_PREFIX = "nettverkslogg-"
_MAX_PROBLEMS = 20


@dataclass(frozen=True)
class BackupInfo:
    """One backup as Innstillinger lists it."""

    path: Path
    made: datetime
    size: int
    ok: bool  # SQLite's quick_check found no damage
    kind: str  # the label in the name: "daglig", "manuell", "for-gjenoppretting", "for-skjema-0001"


def _connect_ro(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    if immutable:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True, timeout=10)
    return connect_read_only(path, timeout=10)


def quick_check(path: Path, *, immutable: bool = False) -> list[str]:
    """SQLite's `PRAGMA quick_check` on a file: [] when no damage was found, else what SQLite says.

    `immutable`: for files nothing writes to (backups), so no -wal/-shm is created beside them."""
    try:
        conn = _connect_ro(path, immutable=immutable)
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA quick_check({_MAX_PROBLEMS})")]
        finally:
            conn.close()
    except sqlite3.Error as exc:  # a badly damaged file fails before it can report
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def require_undamaged(path: Path) -> None:
    """Refuse to go on with a damaged database: nothing is copied or written from it."""
    problems = quick_check(path)
    if problems:
        log.error("quick_check failed for %s: %s", path, "; ".join(problems))
        raise DatabaseError(_("Databasen {path} er skadet, så ingenting er gjort. Gjenopprett den fra en "
                              "sikkerhetskopi (Innstillinger → Sikkerhetskopier).").format(path=path))


def _fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` survive a power loss (not possible, nor needed, on Windows)."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: Path, dest: Path) -> Path:
    """Copy `source` into `dest` page by page; works while another process has `source` open.

    The copy is written as `.part` and renamed when complete; it uses a rollback journal, so reading
    it later leaves no -wal/-shm files beside it."""
    source, dest = Path(source), Path(dest)
    if not source.exists():
        raise DatabaseError(_("Finner ikke databasen {path}.").format(path=source))
    tmp = dest.with_name(dest.name + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        src = _connect_ro(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        tmp.replace(dest)
        _fsync_dir(dest.parent)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(_("Kunne ikke lage kopi til {dest}: {reason}").format(dest=dest, reason=exc)) from exc
    return dest


def planned_backup(backup_dir: Path, label: str, now: datetime | None = None) -> Path:
    """The name the next backup gets, e.g. `nettverkslogg-20261122-083000-daglig.db` (a free one)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    dest = Path(backup_dir) / f"{_PREFIX}{stamp}-{label}.db"
    counter = 1
    while dest.exists():
        counter += 1
        dest = Path(backup_dir) / f"{_PREFIX}{stamp}-{label}-{counter}.db"
    return dest


def make_backup(db_path: Path, backup_dir: Path, label: str, now: datetime | None = None) -> Path:
    """A timestamped copy in `backup_dir`."""
    return copy_database(db_path, planned_backup(backup_dir, label, now))


def _parse_name(path: Path) -> tuple[datetime | None, str]:
    """(when, label) from `nettverkslogg-YYYYmmdd-HHMMSS-label[-n].db`."""
    parts = path.stem[len(_PREFIX):].split("-", 2)
    try:
        made = datetime.strptime(f"{parts[0]}-{parts[1]}", "%Y%m%d-%H%M%S")
    except (ValueError, IndexError):
        return None, ""
    label = parts[2] if len(parts) > 2 else ""
    head, _, tail = label.rpartition("-")
    return made, (head if tail.isdigit() and head and not head.startswith("for-skjema") else label)


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups in `backup_dir`, oldest first."""
    folder = Path(backup_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{_PREFIX}*.db"))


def describe_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups, newest first, each with its size and whether SQLite's check passes on it."""
    infos = []
    for path in reversed(list_backups(backup_dir)):
        try:
            stat = path.stat()
        except OSError:
            continue  # pruned meanwhile
        made, kind = _parse_name(path)
        infos.append(BackupInfo(path=path, made=made or datetime.fromtimestamp(stat.st_mtime), size=stat.st_size,
                                ok=not quick_check(path, immutable=True), kind=kind))
    return infos


def newest_good_backup(backup_dir: Path) -> Path | None:
    """The newest backup that passes SQLite's check (checks from the newest down, stops at the first)."""
    for path in reversed(list_backups(backup_dir)):
        if not quick_check(path, immutable=True):
            return path
    return None


def prune_backups(backup_dir: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest `keep` backups, never the newest one that passes the check; returns what
    was deleted. Also removes `.part` files left by a copy that was stopped."""
    backups = list_backups(backup_dir)
    doomed = backups[:-keep] if keep > 0 else backups
    if doomed:
        spared = newest_good_backup(backup_dir)
        doomed = [p for p in doomed if p != spared]
    for path in doomed:
        path.unlink(missing_ok=True)
    for part in Path(backup_dir).glob(f"{_PREFIX}*.db.part"):
        part.unlink(missing_ok=True)
    return doomed


def daily_backup(db_path: Path, backup_dir: Path, now: datetime | None = None,
                 keep: int = KEEP_BACKUPS) -> Path | None:
    """Make today's backup unless one exists; keep the newest `keep`. None when nothing was done.

    A damaged database is not copied (DatabaseError): the backups from before the damage stay."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    now = now or datetime.now()
    today = f"{_PREFIX}{now:%Y%m%d}-"
    if any(p.name.startswith(today) for p in list_backups(backup_dir)):
        return None
    require_undamaged(db_path)
    made = make_backup(db_path, backup_dir, "daglig", now)
    prune_backups(backup_dir, keep)
    return made


def backup_folder_problem(backup_dir: Path) -> str | None:
    """A Norwegian sentence when backups cannot be written to `backup_dir`, else None (tries for real)."""
    from .folders import try_write

    folder = Path(backup_dir)
    try:
        try_write(folder)
    except OSError as exc:
        log.warning("Backup folder %s cannot be written: %s", folder, exc)
        return _("Sikkerhetskopier kan ikke lagres i {folder}: mappen kan ikke skrives til. Databasen blir ikke "
                 "sikkerhetskopiert før dette er rettet.").format(folder=folder)
    return None


def _not_ours(source: Path) -> DatabaseError:
    return DatabaseError(_("Filen {path} er ikke en Nettverkslogg-database. Ingenting er endret.").format(path=source))


def _checkpoint(db_path: Path) -> None:
    """Move every commit from the live database's -wal into its main file and empty the -wal."""
    conn = sqlite3.connect(db_path, timeout=10)
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    if busy:
        raise DatabaseError(_("Databasen {path} er i bruk av et annet program. Lukk det og prøv igjen. "
                              "Ingenting er endret.").format(path=db_path))


def restore_database(db_path: Path, source: Path, backup_dir: Path, keep_as: Path | None = None) -> Path | None:
    """Replace `db_path` with the Nettverkslogg database `source`, keeping the current one as a backup.

    The caller holds the database lock. Whenever this stops, the live file is either the whole old
    database or the whole restored one: the source is copied and checked beside the database first,
    the old database is copied (with its -wal) to `backup_dir`, and only then is the file swapped.
    `keep_as`: the name for that copy (shown to the user before); by default a new name in `backup_dir`.
    Returns the backup of the database that was replaced (None if there was none).
    """
    db_path, source = Path(db_path), Path(source)
    if not source.is_file():
        raise DatabaseError(_("Finner ikke filen {path}.").format(path=source))
    if source.stat().st_size == 0 or not is_sqlite_file(source):
        raise _not_ours(source)
    probe = probe_sqlite(source)
    if probe.revision is None or probe.database_id is None:
        raise _not_ours(source)
    if db_path.exists() and db_path.resolve() == source.resolve():
        raise DatabaseError(_("Du kan ikke gjenopprette en database fra seg selv."))

    tmp = db_path.with_name(db_path.name + ".gjenoppretting")
    try:
        copy_database(source, tmp)
        if quick_check(tmp):
            log.error("Restore source %s is damaged: %s", source, "; ".join(quick_check(tmp)))
            raise DatabaseError(_("Kopien {path} er skadet og kan ikke brukes. Velg en annen kopi. Ingenting er "
                                  "endret.").format(path=source))
        kept = None
        if db_path.exists() and db_path.stat().st_size > 0:
            if keep_as is None or keep_as.exists():
                keep_as = planned_backup(backup_dir, "for-gjenoppretting")
            kept = copy_database(db_path, keep_as)
            _checkpoint(db_path)
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)
    finally:
        tmp.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):  # emptied by the checkpoint; they belong to the old file
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    return kept


def require_undamaged_store(store) -> None:
    """Before an import writes: refuse when the store's SQLite file is damaged (other databases pass)."""
    from .urls import sqlite_path

    path = sqlite_path(store.url)
    if path is not None and path.exists():
        require_undamaged(path)
