"""Engine set-up: the only place that knows about SQLite pragmas. Any SQLAlchemy URL works."""

from __future__ import annotations

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from .errors import DatabaseError
from .i18n import _
from .probe import connect_read_only
from .urls import resolve_url, sqlite_path  # noqa: F401  (re-exported)

BUSY_TIMEOUT_MS = 5000


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _set_read_only_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def make_engine(url: str, *, read_only: bool = False, **kwargs) -> Engine:
    """An engine for `url`; SQLite connections get WAL, foreign keys, synchronous=FULL, busy timeout.

    `read_only` (SQLite files only): connections that never write, see `connect_read_only`."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(_("«{url}» er verken en databasefil eller en gyldig databaseadresse.").format(
            url=url)) from exc
    sqlite = parsed.get_backend_name() == "sqlite"
    path = sqlite_path(url) if sqlite else None
    if read_only and path is not None:
        kwargs.setdefault("creator", lambda: connect_read_only(path, BUSY_TIMEOUT_MS / 1000))
    elif sqlite:
        kwargs.setdefault("connect_args", {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    try:
        engine = create_engine(url, **kwargs)
    except (ImportError, NoSuchModuleError) as exc:
        raise _missing_driver(parsed.get_backend_name()) from exc
    if sqlite:
        event.listen(engine, "connect", _set_read_only_pragmas if read_only else _set_sqlite_pragmas)
    return engine


def _missing_driver(backend: str) -> DatabaseError:
    if backend == "postgresql":
        return DatabaseError(_("Nettverkslogg er installert uten støtte for PostgreSQL-servere. Installer "
                               "tillegget med «pip install nettverkslogg[postgres]», og prøv igjen."))
    return DatabaseError(_("Nettverkslogg kan ikke bruke databaser av typen «{backend}». Bruk en databasefil "
                           "eller en PostgreSQL-server.").format(backend=backend))


def integrity_problems(engine: Engine) -> list[str] | None:
    """SQLite's integrity and foreign-key checks; [] when all is well. PostgreSQL enforces foreign keys
    itself: there the check lists constraints it has not validated. None on other databases."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT conrelid::regclass::text, conname FROM pg_constraint "
                "WHERE NOT convalidated AND connamespace = 'public'::regnamespace").all()
        return [f"{table}: begrensningen {name} er ikke kontrollert" for table, name in rows]
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as connection:
        rows = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check").all()]
        problems = [] if rows == ["ok"] else rows
        for table, rowid, parent, _fk in connection.exec_driver_sql("PRAGMA foreign_key_check").all():
            problems.append(f"{table} rad {rowid}: peker til manglende rad i {parent}")
    return problems


def serialize_on(session, key: str) -> None:
    """Make transactions that work on `key` (a returned form, say) wait for each other until commit.

    On a PostgreSQL server two clients may import the same form at the same moment; with a
    transaction-scoped advisory lock the second one waits and then sees the first one's rows, so each
    log is stored once. On SQLite (the app and a command line at once) a write statement that changes
    nothing takes the file's write lock before anything is read, with the same effect."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtextextended(%(key)s, 0))", {"key": key})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("UPDATE setting SET value = value WHERE 1 = 0")
