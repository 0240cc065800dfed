"""The CLI commands that run without a window: demo, check, backup, restore."""

from __future__ import annotations

import sys
from pathlib import Path

from storage.errors import DatabaseError
from storage.i18n import _

from .paths import AppPaths


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _require_sqlite_file(database: str) -> Path:
    from storage.urls import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(database))
    if path is None:
        raise DatabaseError(_("Denne kommandoen virker bare på en SQLite-databasefil."))
    return path


def run_demo(paths: AppPaths, scale: str, seed: int) -> int:
    from storage.lock import DatabaseLock
    from storage.migrate import prepare_database
    from storage.store import Store

    lock = None
    path = _require_sqlite_file(paths.database) if "://" not in paths.database else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = DatabaseLock(path).acquire()
    try:
        opened = prepare_database(paths.database, paths.backup_dir)
        from storage.demo import generate_demo

        store = Store(opened.url)
        last = {"label": None}

        def progress(done: int, total: int, label: str) -> None:
            if label != last["label"]:
                _err(f"{label} …")
                last["label"] = label

        summary = generate_demo(store, scale=scale, seed=seed, progress=progress)
        store.close()
        print(_("Eksempeldata skrevet til {db}: {summary}").format(db=paths.database, summary=summary))
        return 0
    finally:
        if lock:
            lock.release()


def run_check(paths: AppPaths) -> int:
    from storage.migrate import check_writable, prepare_database
    from storage.probe import probe_sqlite
    from storage.schema_version import HEAD
    from storage.services.overview import check_database
    from storage.store import Store

    if "://" not in paths.database:
        path = Path(paths.database)
        if not path.exists():
            raise DatabaseError(_("Finner ikke databasen {path}.").format(path=path))
        probe = probe_sqlite(path)
        if probe.is_new:
            raise DatabaseError(_("{path} er tom: den er ikke en Nettverkslogg-database ennå.").format(path=path))
        if probe.needs_upgrade:
            print(_("Skjemaversjon: {rev} (denne versjonen bruker {head}; databasen oppgraderes når appen "
                    "åpner den)").format(rev=probe.revision, head=HEAD))
            return 0
        check_writable(path)  # SQLite's WAL needs to write beside the file even to read it
    opened = prepare_database(paths.database, paths.backup_dir, create=False)
    store = Store(opened.url)
    try:
        report = check_database(store)
    finally:
        store.close()
    print(_("Database: {db}").format(db=paths.database))
    print(_("Skjemaversjon: {rev}").format(rev=report.revision))
    print(_("Database-ID: {id}").format(id=report.database_id))
    print(_("Rader per tabell:"))
    width = max(len(name) for name in report.row_counts)
    for name, count in report.row_counts.items():
        print(f"  {name:<{width}}  {count:>8}")
    if report.problems is None:
        print(_("Integritetssjekk: ikke tilgjengelig for denne databasetypen"))
    elif report.problems:
        print(_("Integritetssjekk: FEIL"))
        for problem in report.problems[:50]:
            print(f"  {problem}")
        return 1
    else:
        print(_("Integritetssjekk: ok"))
    return 0


def run_backup(paths: AppPaths, out: str) -> int:
    from storage.backup import copy_database
    from storage.probe import probe_sqlite

    path = _require_sqlite_file(paths.database)
    if not path.exists():
        raise DatabaseError(_("Finner ikke databasen {path}.").format(path=path))
    probe_sqlite(path)  # refuses a file that is not ours
    dest = Path(out).expanduser().resolve()
    if dest == path.resolve():
        raise DatabaseError(_("Kopien kan ikke ha samme navn som databasen."))
    copy_database(path, dest)
    print(_("Kopi lagret: {dest}").format(dest=dest))
    return 0


def run_restore(paths: AppPaths, source: str) -> int:
    from storage.backup import restore_database
    from storage.lock import DatabaseLock

    path = _require_sqlite_file(paths.database)
    path.parent.mkdir(parents=True, exist_ok=True)
    with DatabaseLock(path):
        kept = restore_database(path, Path(source).expanduser(), paths.backup_dir)
    print(_("Databasen er gjenopprettet fra {source}.").format(source=source))
    if kept:
        print(_("Den gamle databasen er tatt vare på her: {kept}").format(kept=kept))
    return 0
