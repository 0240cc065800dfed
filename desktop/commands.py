"""The CLI commands that run without a window: demo, check, backup, restore."""

from __future__ import annotations

import os
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
        if opened.notice:
            _err(opened.notice)
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


def _damaged(path: Path, problems: list[str]) -> int:
    print(_("Database: {db}").format(db=path))
    print(_("Integritetssjekk: FEIL"))
    for problem in problems[:50]:
        print(f"  {problem}")
    print(_("Databasen er skadet. Gjenopprett den fra en sikkerhetskopi (Innstillinger → Sikkerhetskopier, "
            "eller «restore --from»)."))
    return 1


def run_check(paths: AppPaths) -> int:
    from storage.backup import quick_check
    from storage.migrate import check_writable, prepare_database
    from storage.probe import is_sqlite_file, probe_sqlite
    from storage.schema_version import HEAD
    from storage.services.overview import check_database
    from storage.store import Store

    if "://" not in paths.database:
        path = Path(paths.database)
        if not path.exists():
            raise DatabaseError(_("Finner ikke databasen {path}.").format(path=path))
        check_writable(path)  # SQLite's WAL needs to write beside the file even to read it
        try:
            probe = probe_sqlite(path)
        except DatabaseError:
            problems = quick_check(path) if path.is_file() and is_sqlite_file(path) else []
            if problems:
                return _damaged(path, problems)
            raise
        if probe.is_new:
            raise DatabaseError(_("{path} er tom: den er ikke en Nettverkslogg-database ennå.").format(path=path))
        if probe.needs_upgrade:
            print(_("Skjemaversjon: {rev} (denne versjonen bruker {head}; databasen oppgraderes når appen "
                    "åpner den)").format(rev=probe.revision, head=HEAD))
            return 0
        problems = quick_check(path)
        if problems:
            return _damaged(path, problems)
    opened = prepare_database(paths.database, paths.backup_dir, create=False, upgrade=False)
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


def _refuse_target(path: Path, dest: Path, overwrite: bool) -> None:
    """`backup --out` never writes over the database, nor over any file unless asked to."""
    if dest.parent == path.parent and dest.name in {path.name + end for end in ("", "-wal", "-shm", "-journal", ".lock")}:
        raise DatabaseError(_("Kopien kan ikke ha samme navn som databasen."))
    if not dest.exists():
        return
    if dest.is_dir():
        raise DatabaseError(_("{dest} er en mappe. Skriv navnet på fila kopien skal lagres i.").format(dest=dest))
    if path.exists() and os.path.samefile(dest, path):
        raise DatabaseError(_("Kopien kan ikke ha samme navn som databasen."))
    if not overwrite:
        raise DatabaseError(_("{dest} finnes allerede. Velg et annet navn, eller bruk --overwrite for å skrive "
                              "over fila.").format(dest=dest))
    if Path(str(dest) + ".lock").exists() or Path(str(dest) + "-wal").exists():
        from storage.lock import DatabaseLock

        try:
            DatabaseLock(dest).acquire().release()
        except DatabaseError:
            raise DatabaseError(_("{dest} er en database som er åpen i Nettverkslogg. Den blir ikke skrevet "
                                  "over.").format(dest=dest)) from None


def run_backup(paths: AppPaths, out: str, overwrite: bool = False) -> int:
    from storage.backup import copy_database, require_undamaged
    from storage.probe import probe_sqlite
    from storage.urls import resolve_url, sqlite_path

    if sqlite_path(resolve_url(paths.database)) is None:  # a server: what the login sees, as a file
        from .commands_copy import run_server_backup

        return run_server_backup(paths.database, out, overwrite)
    path = _require_sqlite_file(paths.database)
    if not path.exists():
        raise DatabaseError(_("Finner ikke databasen {path}.").format(path=path))
    probe_sqlite(path)  # refuses a file that is not ours
    dest = Path(out).expanduser().resolve()
    _refuse_target(path.resolve(), dest, overwrite)
    require_undamaged(path)
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
