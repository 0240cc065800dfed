"""A small municipality for the gathering, session-log and workbook tests, a dump of every row (to
show that a refused import changed nothing), and filling in a template as a director would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlmodel import SQLModel

from storage.models import LearningNetworkRead, MunicipalityRead, UnitRead
from storage.services.gatherings_plan import create_gathering
from storage.services.municipalities import create_municipality
from storage.services.networks import create_network
from storage.services.tasks import add_task
from storage.services.units import add_unit
from storage.store import Store

TODAY = date(2026, 11, 20)
MUNICIPALITY = {"name": "Fjordvik", "number": "4699", "county": "Vestland", "inhabitants": 12000}
PARTICIPATION = {"cohort": 7, "kindergarten_authority": True, "school_owner": True,
                 "period_start": date(2025, 8, 1), "period_end": date(2027, 6, 30)}


@dataclass
class World:
    municipality: MunicipalityRead
    units: dict[str, UnitRead]
    network: LearningNetworkRead

    def unit(self, name: str) -> UnitRead:
        return self.units[name]


def make_world(store: Store) -> World:
    """Fjordvik with two kindergartens in a network and a school; a planned network gathering after
    TODAY and two open tasks."""
    muni = create_municipality(store, MUNICIPALITY, PARTICIPATION)
    units = {name: add_unit(store, muni.id, {"name": name, "kind": kind, "staff_count": staff})
             for name, kind, staff in (("Solsikken barnehage", "kindergarten", 20), ("Lia skole", "school", 30),
                                       ("Tusenfryd barnehage", "kindergarten", 12))}
    network = create_network(store, muni.id, {"name": "Barnehagenettverket", "target": "kindergarten"},
                             [units["Solsikken barnehage"].id, units["Tusenfryd barnehage"].id])
    create_gathering(store, muni.id, {"title": "Nettverkssamling om voksenrollen", "kind": "network_meeting",
                                      "starts_at": datetime(2026, 12, 3, 12, 30), "place": "Rådhuset",
                                      "network_id": network.id})
    add_task(store, muni.id, {"title": "Prøv ut lekeveiledning", "network_id": network.id,
                              "due_date": date(2026, 12, 3)})
    add_task(store, muni.id, {"title": "=Del erfaringer fra garderoben", "unit_id": units["Solsikken barnehage"].id})
    return World(muni, units, network)


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: equal dumps mean an unchanged database."""
    result = {}
    with store.reader() as session:
        for name, table in sorted(SQLModel.metadata.tables.items()):
            rows = session.execute(select(table)).all()
            result[name] = sorted((tuple(row) for row in rows), key=repr)
    return result


def letters() -> dict[str, str]:
    from exports.log_workbook_layout import columns

    return {c.field: c.letter for c in columns() if c.field}


def fill(path: Path, rows: dict[int, dict[str, object]], sheet: str = "Øktlogg") -> Path:
    """Type values into a template with openpyxl, as a director would in Excel: {excel row: {field: value}}."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    where = letters()
    for row, values in rows.items():
        for name, value in values.items():
            ws[f"{where[name]}{row}"] = value
    wb.save(path)
    return path


def typical_row(**changes) -> dict[str, object]:
    """One session as a director types it: Norwegian text, a date typed as text."""
    row = {"held_on": "12.03.2026", "duration_minutes": 90, "staff_present": 14, "staff_total": 20,
           "led_by": "Styrer", "theme": "Voksenrollen i frileken", "method": "Refleksjon i grupper",
           "what_done": "Vi så på en vignett om et barn som ikke slipper inn i leken, og snakket om hva vi gjør.",
           "reflections": "Vi er ulike i hvor raskt vi går inn. Vi trenger en felles forståelse.",
           "next_steps": "Hver avdeling prøver lekeveiledning ute i to uker.",
           "children_involved": "Nei", "parents_involved": "nei"}
    row.update(changes)
    return row
