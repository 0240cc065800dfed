"""Engine set-up: the only place that knows about SQLite pragmas. Any SQLAlchemy URL works."""

from __future__ import annotations

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

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
    parsed = make_url(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    path = sqlite_path(url) if sqlite else None
    if read_only and path is not None:
        kwargs.setdefault("creator", lambda: connect_read_only(path, BUSY_TIMEOUT_MS / 1000))
    elif sqlite:
        kwargs.setdefault("connect_args", {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    engine = create_engine(url, **kwargs)
    if sqlite:
        event.listen(engine, "connect", _set_read_only_pragmas if read_only else _set_sqlite_pragmas)
    return engine


def integrity_problems(engine: Engine) -> list[str] | None:
    """SQLite's integrity and foreign-key checks; [] when all is well, None on other databases."""
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as connection:
        rows = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check").all()]
        problems = [] if rows == ["ok"] else rows
        for table, rowid, parent, _fk in connection.exec_driver_sql("PRAGMA foreign_key_check").all():
            problems.append(f"{table} rad {rowid}: peker til manglende rad i {parent}")
    return problems
