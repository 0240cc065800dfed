"""The planning commands: `status` (the obligations overview) and `calendar` (gatherings as .ics)."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

from storage.errors import DatabaseError, DomainError
from storage.formatting import format_date
from storage.i18n import _

from .paths import AppPaths


def _open_store(paths: AppPaths, *, writes: bool = False):
    """An existing database, never created. Only a command that `writes` data upgrades an older schema."""
    from storage.migrate import prepare_database
    from storage.store import Store

    if "://" not in paths.database and not Path(paths.database).exists():
        raise DatabaseError(_("Finner ikke databasen {path}.").format(path=paths.database))
    opened = prepare_database(paths.database, paths.backup_dir, create=False, upgrade=writes)
    return Store(opened.url)


def _municipality(store, wanted: str | None):
    """The municipality named or numbered `wanted`, else the one last chosen in the app."""
    from storage.services.municipalities import current_municipality, list_municipalities
    from storage.services.units import name_key

    if wanted is None:
        municipality = current_municipality(store)
        if municipality is None:
            raise DomainError(_("Databasen har ingen kommune ennå."))
        return municipality
    municipalities = list_municipalities(store)
    for municipality in municipalities:
        if wanted.strip() == municipality.number or name_key(wanted) == name_key(municipality.name):
            return municipality
    names = ", ".join(f"{m.name} ({m.number})" for m in municipalities[:10])
    raise DomainError(_("Fant ikke kommunen «{wanted}». Kommuner i databasen: {names}.").format(
        wanted=wanted, names=names or _("ingen")), field="kommune")


def _emit(lines: list[str]) -> None:
    """Print to stdout; a reader that stops early (`| head`) is not an error."""
    try:
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join([cell.ljust(width) for cell, width in zip(row, widths, strict=False)] + [row[-1]]).rstrip()
            for row in rows]


def run_status(paths: AppPaths, municipality: str | None, semester: str | None, as_json: bool,
               today: date | None) -> int:
    from storage.services.municipalities import participation_of
    from storage.services.obligations import obligations_status

    store = _open_store(paths)
    try:
        chosen = _municipality(store, municipality)
        today = today or date.today()
        lines = obligations_status(store, chosen.id, semester=semester.strip().upper() if semester else None,
                                   today=today)
        part = participation_of(store, chosen.id)
    finally:
        store.close()
    if as_json:
        _emit([json.dumps([{"semester": line.semester, "obligation": line.obligation.value,
                            "group": line.group.value, "status": line.status.value, "reason": line.reason}
                           for line in lines],
                          ensure_ascii=False, indent=2)])
        return 0
    out = [_("Forpliktelser for {name} – pulje {cohort}, {first}–{last}, vurdert {today}").format(
        name=chosen.name, cohort=part.cohort, first=part.semesters[0], last=part.semesters[-1],
        today=format_date(today)), ""]
    rows = [[_("Semester"), _("Forpliktelse"), _("Status"), _("Begrunnelse")]]
    rows += [[line.semester, line.obligation.label, line.status.label, line.reason] for line in lines]
    table = _table(rows)
    out.append(table[0])
    for index, (line, text) in enumerate(zip(lines, table[1:], strict=True)):
        if index and line.semester != lines[index - 1].semester:
            out.append("")
        out.append(text)
    _emit(out)
    return 0

def run_calendar(paths: AppPaths, municipality: str | None, out: str, network: str | None) -> int:
    from exports.calendar import export_gatherings
    from storage.services.networks import find_network

    store = _open_store(paths)
    try:
        chosen = _municipality(store, municipality)
        network_id = find_network(store, chosen.id, network).id if network else None
        dest = Path(out).expanduser()
        if dest.suffix.lower() != ".ics":
            raise DomainError(_("Kalenderfila må slutte på .ics."), field="out")
        try:
            count = export_gatherings(store, chosen.id, dest, network_id=network_id,
                                      name=network or _("Samlinger i {name}").format(name=chosen.name))
        except OSError as exc:
            from exports.report_files import os_reason

            raise DomainError(_("Kan ikke skrive {path}: {error}").format(path=dest, error=os_reason(exc)),
                              field="out") from exc
    finally:
        store.close()
    print(_("Skrev {n} samlinger til {path}.").format(n=count, path=dest))
    return 0
