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
