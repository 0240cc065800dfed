"""A fast look at an SQLite database file with the standard library only, before anything heavy loads.

Start-up uses it to refuse bad files early and to decide whether migrations must run at all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import DatabaseError, NewerDatabaseError
from .i18n import _
from .schema_version import APPLICATION_ID, HEAD, REVISIONS, TABLES

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_CANTOPEN = 14


@dataclass(frozen=True)
class Probe:
    path: Path
    exists: bool
    revision: str | None = None
    database_id: str | None = None
    municipality_name: str | None = None
    application_id: int = 0
    # Tables left by a first start that was stopped before it finished (older versions committed each
    # CREATE TABLE on its own): no version row and no data, so the file can be rebuilt.
    half_made_tables: tuple[str, ...] = ()

    @property
    def is_new(self) -> bool:
        return self.revision is None

    @property
    def is_empty(self) -> bool:
        """Nothing in it yet: zero bytes, no tables, or a half-made first start."""
        return self.exists and self.revision is None

    @property
    def needs_upgrade(self) -> bool:
        return self.revision != HEAD


def is_sqlite_file(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def connect_read_only(path: Path, timeout: float = 5) -> sqlite3.Connection:
    """Open an SQLite file for reading only, even in a folder nobody may write in.

    A WAL database needs its `-shm` file; where that cannot be created the file is opened as
    immutable (nobody can write it there either)."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # SQLite opens the file lazily
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorcode", None) != SQLITE_CANTOPEN:
            raise
    return sqlite3.connect(f"{uri}&immutable=1", uri=True, timeout=timeout, check_same_thread=False)


def probe_sqlite(path: Path) -> Probe:
    """Check that `path` is empty/absent or a Nettverkslogg database this version can open.

    Raises DatabaseError (not SQLite, not ours, unreadable) or NewerDatabaseError.
    """
    path = Path(path)
    if not path.exists():
        return Probe(path=path, exists=False)
    if path.is_dir():
        raise DatabaseError(_("{path} er en mappe, ikke en databasefil.").format(path=path))
    if path.stat().st_size == 0:
        return Probe(path=path, exists=True)
    try:
        if not is_sqlite_file(path):
            raise DatabaseError(_("Filen {path} er ikke en Nettverkslogg-database (den er ikke en "
                                  "SQLite-fil). Filen er ikke endret.").format(path=path))
        conn = connect_read_only(path)
    except (OSError, sqlite3.Error) as exc:
        raise _unreadable(path, exc) from exc
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if application_id not in (0, APPLICATION_ID):
            raise _not_ours(path)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return Probe(path=path, exists=True, application_id=application_id)
        row = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        if revision is None:
            if _is_half_made(conn, tables):
                return Probe(path=path, exists=True, application_id=application_id,
                             half_made_tables=tuple(sorted(tables)))
            raise _not_ours(path)
        if "setting" not in tables or (application_id == 0 and revision not in REVISIONS):
            # Every version that knows a later schema stamps its files with our application_id, so an
            # unknown revision without it comes from another program that also uses Alembic.
            raise _not_ours(path)
        if revision not in REVISIONS:
            raise NewerDatabaseError(_(
                "Databasen {path} er laget av en nyere versjon av Nettverkslogg (skjema {revision}). "
                "Oppdater programmet før du åpner den. Filen er ikke endret.").format(
                    path=path, revision=revision))
        database_id = _scalar(conn, "SELECT value FROM setting WHERE key='database_id'")
        name = None
        if "municipality" in tables:
            current = _scalar(conn, "SELECT value FROM setting WHERE key='current_municipality_id'")
            if current:
                name = _scalar(conn, "SELECT name FROM municipality WHERE id=?", current.replace("-", ""))
            if name is None:
                name = _scalar(conn, "SELECT name FROM municipality ORDER BY name LIMIT 1")
        return Probe(path=path, exists=True, revision=revision, database_id=database_id,
                     municipality_name=name, application_id=application_id)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()


def _unreadable(path: Path, exc: BaseException) -> DatabaseError:
    """The file cannot be read: say why in Norwegian (never SQLite's English text)."""
    from .db_errors import DAMAGED, database_error

    if isinstance(exc, OSError):
        return DatabaseError(_("Kan ikke lese {path}. Sjekk at fila finnes, og at du har tilgang til den.").format(
            path=path))
    error = database_error(exc)
    if error is None or getattr(error, "kind", None) == DAMAGED:
        return DatabaseError(_("Filen {path} er skadet eller ikke en Nettverkslogg-database. Filen er ikke "
                               "endret. Gjenopprett databasen fra en sikkerhetskopi.").format(path=path))
    return DatabaseError(_("Kan ikke åpne {path}. {reason}").format(path=path, reason=error.message))


def _not_ours(path: Path) -> DatabaseError:
    return DatabaseError(_("Filen {path} er en SQLite-database, men ikke fra Nettverkslogg. "
                           "Filen er ikke endret.").format(path=path))


def _is_half_made(conn: sqlite3.Connection, tables: set[str]) -> bool:
    """Only our own tables, an empty version table among them, and not one row anywhere."""
    if "alembic_version" not in tables or not tables <= TABLES | {"alembic_version"}:
        return False
    return all(conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is None for name in tables)


def _scalar(conn: sqlite3.Connection, sql: str, *params):
    row = conn.execute(sql, params).fetchone()
    return row[0] if row else None
