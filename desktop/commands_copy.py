"""`nettverkslogg copy --from SRC --to DST`: one municipality's data between two databases (a laptop's
SQLite file and a PostgreSQL server, either way). Nothing is deleted; conflicts go to a CSV report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storage.errors import DatabaseError
from storage.i18n import _, ngettext


def _open(target: str, *, create: bool):
    from storage.migrate import prepare_database
    from storage.store import Store
    from storage.urls import resolve_url

    if not create and "://" not in target and not Path(target).exists():
        raise DatabaseError(_("Finner ikke databasen {path}.").format(path=target))
    return Store(prepare_database(resolve_url(target), create=create).url)


def run(args) -> int:
    from storage.copy_data import copy_municipality

    source = _open(args.source, create=False)
    destination = _open(args.target, create=not args.dry_run)
    try:
        result = copy_municipality(source, destination, args.kommune, dry_run=args.dry_run)
    finally:
        source.close()
        destination.close()
    inserted, updated = sum(result.inserted.values()), sum(result.updated.values())
    head = _("Prøvekjøring, ingenting er lagret: ") if result.dry_run else ""
    print(head + _("{municipality}: {new}, {changed}, {same} uendret.").format(
        municipality=result.municipality,
        new=ngettext("{n} ny rad", "{n} nye rader", inserted).format(n=inserted),
        changed=ngettext("{n} oppdatert", "{n} oppdatert", updated).format(n=updated), same=result.unchanged))
    if result.conflicts:
        from exports.copy_report import write_conflict_report

        report = Path(args.report or f"kopi-konflikter-{date.today().isoformat()}.csv")
        write_conflict_report(result, report)
        print(ngettext("{n} rad var endret begge steder; den nyeste er beholdt. Se {file}.",
                       "{n} rader var endret begge steder; den nyeste er beholdt. Se {file}.",
                       len(result.conflicts)).format(n=len(result.conflicts), file=report))
    return 0


def run_server_backup(url: str, out: str, overwrite: bool = False) -> int:
    """`backup --db postgresql://…`: every municipality the login can see, as a new SQLite file, so a
    municipality can always take its data home. Written under a temporary name and renamed when whole."""
    import os

    from storage.copy_data import copy_everything_visible

    target = Path(out).expanduser().resolve()
    if target.exists() and not overwrite:
        raise DatabaseError(_("{path} finnes allerede. Velg et annet navn, eller bruk --overwrite.").format(
            path=target))
    part = target.with_name(f".{target.name}.part")
    part.unlink(missing_ok=True)
    source = _open(url, create=False)
    destination = _open(str(part), create=True)
    try:
        results = copy_everything_visible(source, destination)
    finally:
        source.close()
        destination.close()
    import sqlite3

    with sqlite3.connect(part) as connection:  # fold the write-ahead log into the file before renaming it
        connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    os.replace(part, target)
    print(ngettext("Kopi av {n} kommune lagret: {dest}", "Kopi av {n} kommuner lagret: {dest}",
                   len(results)).format(n=len(results), dest=target))
    return 0
