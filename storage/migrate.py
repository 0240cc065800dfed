"""Open a database for use: check it, back it up, and bring its schema to this version's head.

Alembic runs inside the app with a config built in code. For an SQLite file that is already up to
date nothing heavier than the standard library's sqlite3 is loaded, so start-up stays fast.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import DatabaseError, NewerDatabaseError
from .i18n import _
from .probe import Probe, probe_sqlite
from .schema_version import HEAD, REVISIONS
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
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe_file = folder / f".nettverkslogg-skrivetest-{os.getpid()}"
        probe_file.write_bytes(b"")
        probe_file.unlink()
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


def upgrade_to_head(url: str) -> None:
    """Run every pending migration in one transaction (a new database runs them all from empty)."""
    from alembic import command

    from .db import make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
    finally:
        engine.dispose()


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
                     read_only: bool = False) -> OpenedDatabase:
    """Check `target` and migrate it to head, copying an existing file to `backup_dir` first.

    Raises DatabaseError with a Norwegian message for a file that cannot be used; the file is then
    left untouched. `read_only`: the caller found the file cannot be written; a file at head is then
    opened for reading (one that needs creating or upgrading is refused).
    """
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is None:
        revision = current_revision(url)
        if revision is not None and revision not in REVISIONS:
            raise NewerDatabaseError(_("Databasen er laget av en nyere versjon av Nettverkslogg (skjema "
                                       "{revision}). Oppdater programmet.").format(revision=revision))
        if revision != HEAD:
            upgrade_to_head(url)
        return OpenedDatabase(url=url, path=None, revision=HEAD, database_id=None, municipality_name=None,
                              upgraded_from=revision or "")

    probe: Probe = probe_sqlite(path)
    if not probe.exists and not create:
        raise DatabaseError(_("Finner ikke databasen {path}.").format(path=path))
    if not probe.needs_upgrade:
        return OpenedDatabase(url=url, path=path, revision=HEAD, database_id=probe.database_id,
                              municipality_name=probe.municipality_name, read_only=read_only)

    check_writable(path)
    from .backup import make_backup

    backup = None
    if not probe.is_new:
        if backup_dir is None:
            backup_dir = path.parent / "sikkerhetskopier"
        backup = make_backup(path, backup_dir, f"for-skjema-{HEAD}")
    log.info("Oppgraderer %s fra skjema %s til %s", path, probe.revision or "(ny)", HEAD)
    upgrade_to_head(url)
    after = probe_sqlite(path)
    return OpenedDatabase(url=url, path=path, revision=HEAD, database_id=after.database_id,
                          municipality_name=after.municipality_name,
                          upgraded_from=probe.revision or "", backup=backup)
