"""Open a database for use: check it, back it up, and bring its schema to this version's head.

Alembic runs inside the app with a config built in code. For an SQLite file that is already up to
date nothing heavier than the standard library's sqlite3 is loaded, so start-up stays fast.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import DatabaseError, NewerDatabaseError
from .i18n import _
from .probe import Probe, probe_sqlite
from .schema_version import APPLICATION_ID, HEAD, REVISIONS
from .urls import resolve_url, sqlite_path

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class OpenedDatabase:
    url: str
    path: Path | None
    revision: str
    database_id: str | None
    municipality_name: str | None
    upgraded_from: str | None = None
    backup: Path | None = None
    read_only: bool = False  # the file or its folder cannot be written: open it for reading only
    notice: str | None = None  # something the user should be told (e.g. a half-made file was rebuilt)

    @property
    def created(self) -> bool:
        return self.upgraded_from == "" and self.backup is None


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def check_writable(path: Path) -> None:
    """Make sure the database file and its folder can be written (SQLite needs the folder for its
    journal). Tries for real: permission bits say little for root or on network drives."""
    from .folders import try_write

    try:
        try_write(path.parent)
        if path.exists():
            with open(path, "r+b"):
                pass
    except OSError as exc:
        raise DatabaseError(_("Databasen {path} ligger i en mappe eller fil som er skrivebeskyttet. Velg en "
                              "mappe du kan skrive i, eller kopier filen dit. Filen er ikke endret.").format(
                                  path=path)) from exc


def is_writable(path: Path) -> bool:
    try:
        check_writable(path)
    except DatabaseError:
        return False
    return True


def _transactional_ddl(engine) -> None:
    """SQLAlchemy's documented pysqlite recipe: let SQLAlchemy, not the driver, begin transactions, so
    CREATE TABLE is inside the transaction too and a new database appears whole or not at all."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade_to_head(url: str, drop_first: tuple[str, ...] = ()) -> None:
    """Run every pending migration in one transaction (a new database runs them all from empty).

    `drop_first`: empty tables of a half-made file, dropped in the same transaction. SQLite files are
    stamped with our application_id in that transaction as well."""
    from alembic import command

    from .db import make_engine

    engine = make_engine(url)
    is_sqlite = engine.dialect.name == "sqlite"
    if is_sqlite:
        _transactional_ddl(engine)
    try:
        with engine.begin() as connection:
            if drop_first:
                connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
                for table in drop_first:
                    connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{table}"')
            command.upgrade(alembic_config(connection), "head")
            if is_sqlite:
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    finally:
        engine.dispose()


def stamp_application_id(path: Path) -> None:
    """Mark a database made before application_id was used (best effort: a read-only file stays as it is)."""
    try:
        conn = sqlite3.connect(path, timeout=5)
        try:
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.commit()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.warning("Kunne ikke merke %s med application_id: %s", path, exc)


def current_revision(url: str) -> str | None:
    """The schema revision of any SQLAlchemy database (slow path; SQLite files use the probe)."""
    from alembic.runtime.migration import MigrationContext

    from .db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def prepare_database(target: str | Path, backup_dir: Path | None = None, *, create: bool = True,
                     upgrade: bool = True, read_only: bool = False) -> OpenedDatabase:
    """Check `target` and migrate it to head, copying an existing file to `backup_dir` first.

    `create=False`: a missing or empty file is refused, not created. `upgrade=False` (read-only
    commands): an older schema is refused, not migrated. `read_only`: the caller found the file cannot
    be written; a file at head is then opened for reading (one that needs creating or upgrading is
    refused). Raises DatabaseError with a Norwegian message for a file that cannot be used; the file
    is then left untouched.
    """
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is None:
        revision = current_revision(url)
        if revision is not None and revision not in REVISIONS:
            raise NewerDatabaseError(_("Databasen er laget av en nyere versjon av Nettverkslogg (skjema "
                                       "{revision}). Oppdater programmet.").format(revision=revision))
        if revision != HEAD:
            if revision is None and not create:
                raise DatabaseError(_("Databasen er tom: den er ikke en Nettverkslogg-database ennå."))
            if not upgrade:
                from sqlalchemy.engine import make_url

                raise _older(make_url(url).render_as_string(hide_password=True), revision)
            upgrade_to_head(url)
        return OpenedDatabase(url=url, path=None, revision=HEAD, database_id=None, municipality_name=None,
                              upgraded_from=revision or "")

    probe: Probe = probe_sqlite(path)
    if not create:
        if not probe.exists:
            raise DatabaseError(_("Finner ikke databasen {path}.").format(path=path))
        if probe.half_made_tables:
            raise DatabaseError(_("Databasen {path} ble ikke ferdig laget (programmet ble avbrutt). Åpne den i "
                                  "Nettverkslogg, så lages den på nytt.").format(path=path))
        if probe.is_empty:
            raise DatabaseError(_("{path} er tom: den er ikke en Nettverkslogg-database ennå.").format(path=path))
    if not probe.needs_upgrade:
        if create and not read_only and probe.application_id == 0:
            stamp_application_id(path)
        return OpenedDatabase(url=url, path=path, revision=HEAD, database_id=probe.database_id,
                              municipality_name=probe.municipality_name, read_only=read_only)
    if not upgrade:
        raise _older(path, probe.revision)

    check_writable(path)
    from .backup import make_backup

    backup = None
    notice = None
    if not probe.is_new:
        if backup_dir is None:
            backup_dir = path.parent / "sikkerhetskopier"
        backup = make_backup(path, backup_dir, f"for-skjema-{HEAD}")
    elif probe.half_made_tables:
        notice = _("Databasen {path} ble ikke ferdig laget sist (programmet ble avbrutt). Den var tom og er "
                   "laget på nytt.").format(path=path)
        log.warning("Half-made database %s rebuilt (tables: %s)", path, ", ".join(probe.half_made_tables))
    log.info("Oppgraderer %s fra skjema %s til %s", path, probe.revision or "(ny)", HEAD)
    upgrade_to_head(url, drop_first=probe.half_made_tables)
    after = probe_sqlite(path)
    return OpenedDatabase(url=url, path=path, revision=HEAD, database_id=after.database_id,
                          municipality_name=after.municipality_name,
                          upgraded_from=probe.revision or "", backup=backup, notice=notice)


def _older(where, revision: str | None) -> DatabaseError:
    return DatabaseError(_("Databasen {path} har en eldre skjemaversjon ({revision}). Åpne den i Nettverkslogg "
                           "først, så oppgraderes den. Filen er ikke endret.").format(
                               path=where, revision=revision or "–"))
