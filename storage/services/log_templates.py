"""The session-log workbook that goes out to directors and principals and comes back: the data both
ways, as plain dataclasses, so exports/ can write and read the file without storage knowing about it.

Out: `log_template_specs` gathers what a template is pre-filled with (unit, network, period, upcoming
gatherings, open tasks, the database's identity). In: exports/ reads a returned file into a
`ReturnedWorkbook` (every value with its cell reference such as `Øktlogg!C12`), and
storage.services.session_log_import validates it against the database.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlmodel import select

from ..enums import GatheringLevel, GatheringStatus, TaskStatus, UnitKind
from ..errors import DomainError
from ..i18n import _
from ..models import Gathering, LearningNetwork, Municipality, NetworkMember, Task, Unit
from ..semesters import semester_bounds, semester_of
from ..store import Store
from .common import participation_row, require
from .settings import database_id

TEMPLATE_KIND = "nettverkslogg-øktlogg"
TEMPLATE_VERSION = 1
#: Units that get a log template when none are chosen: those that hold staff sessions of their own.
LOGGING_KINDS = (UnitKind.KINDERGARTEN, UnitKind.SCHOOL, UnitKind.COMBINED)
MAX_GATHERINGS, MAX_TASKS = 12, 15


@dataclass(frozen=True)
class TemplateGathering:
    starts_at: datetime
    title: str
    place: str | None
    network: str | None


@dataclass(frozen=True)
class TemplateTask:
    title: str
    description: str | None
    due_date: date | None
    for_whom: str  # the unit's or the network's name


@dataclass(frozen=True)
class TemplateUnit:
    unit_id: uuid.UUID
    name: str
    kind: str  # Norwegian label
    staff_count: int
    networks: list[str]
    gatherings: list[TemplateGathering]
    tasks: list[TemplateTask]


@dataclass(frozen=True)
class LogTemplateSpec:
    """One workbook: one unit, or a network with a sheet per member unit."""

    database_id: str
    municipality_id: uuid.UUID
    municipality_name: str
    period_start: date  # the period the template is meant for
    period_end: date
    allowed_start: date  # the dates a log may have: the participation period
    allowed_end: date
    units: list[TemplateUnit]
    network: str | None = None

    @property
    def title(self) -> str:
        return self.network or self.units[0].name


# --- what comes back ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReturnedCell:
    ref: str  # Excel reference with the sheet: Øktlogg!C12
    value: object
    formula: bool = False


@dataclass(frozen=True)
class ReturnedRow:
    sheet: str
    excel_row: int
    row_id: uuid.UUID
    cells: dict[str, ReturnedCell]  # session-log field → cell (empty cells included)


@dataclass(frozen=True)
class ReturnedSheet:
    name: str
    unit_id: uuid.UUID
    unit_name: str
    rows: list[ReturnedRow]  # the input rows with something typed in them
    stray: list[ReturnedCell] = field(default_factory=list)  # values outside the input cells
    row_ids: dict[int, uuid.UUID] = field(default_factory=dict)  # every input row → its identity
    date_refs: dict[int, str] = field(default_factory=dict)  # every input row → its date cell, Øktlogg!B9


@dataclass(frozen=True)
class ReturnedWorkbook:
    file_name: str
    template_version: int
    template_id: uuid.UUID
    database_id: str
    municipality_id: uuid.UUID
    sheets: list[ReturnedSheet]


# --- building the specs ------------------------------------------------------------------------------

def _period(part, today: date) -> tuple[date, date]:
    """The current semester inside the participation period; the whole period if today is outside."""
    if part.period_start <= today <= part.period_end:
        first, last = semester_bounds(semester_of(today))
        return max(first, part.period_start), min(last, part.period_end)
    return part.period_start, part.period_end


def log_template_specs(store: Store, municipality_id: uuid.UUID, *, network_id: uuid.UUID | None = None,
                       unit_ids: list[uuid.UUID] | None = None, today: date | None = None
                       ) -> list[LogTemplateSpec]:
    """What «Lag loggskjema» writes: one spec per unit (the chosen ones, or every active kindergarten
    and school), or — with `network_id` — one spec for the network with all its member units."""
    today = today or date.today()
    db_id = database_id(store)
    if not db_id:
        raise DomainError(_("Databasen mangler sin identitet (database-ID). Kjør «nettverkslogg check»."))
    with store.reader() as session:
        municipality = require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        part = participation_row(session, municipality_id)
        start, end = _period(part, today)
        network = None
        query = select(Unit).where(Unit.municipality_id == municipality_id, Unit.archived == False)  # noqa: E712
        if network_id is not None:
            network = require(session, LearningNetwork, network_id, _("Fant ikke nettverket."))
            query = query.join(NetworkMember, NetworkMember.unit_id == Unit.id).where(
                NetworkMember.network_id == network_id)
        elif unit_ids is not None:
            query = query.where(Unit.id.in_(unit_ids))
        else:
            query = query.where(Unit.kind.in_([k.value for k in LOGGING_KINDS]))
        units = session.exec(query.order_by(Unit.name)).all()
        if not units:
            raise DomainError(_("Det finnes ingen enheter å lage loggskjema for."), field="units")
        networks = {n.id: n.name for n in session.exec(
            select(LearningNetwork).where(LearningNetwork.municipality_id == municipality_id))}
        membership: dict[uuid.UUID, list[uuid.UUID]] = {}
        for net_id, unit_id in session.exec(select(NetworkMember.network_id, NetworkMember.unit_id)
                                            .where(NetworkMember.network_id.in_(list(networks)))).all():
            membership.setdefault(unit_id, []).append(net_id)
        gatherings = session.exec(select(Gathering).where(
            Gathering.municipality_id == municipality_id, Gathering.status == GatheringStatus.PLANNED.value,
            Gathering.starts_at >= datetime.combine(today, time.min),
            Gathering.starts_at <= datetime.combine(max(end, today), time.max)).order_by(Gathering.starts_at)).all()
        tasks = session.exec(select(Task).where(Task.municipality_id == municipality_id,
                                                Task.status == TaskStatus.OPEN.value)
                             .order_by(Task.due_date.is_(None), Task.due_date, Task.title)).all()
        unit_names = {u.id: u.name for u in units}

        def template_unit(unit: Unit) -> TemplateUnit:
            nets = membership.get(unit.id, [])
            mine = [TemplateGathering(g.starts_at, g.title, g.place, networks.get(g.network_id))
                    for g in gatherings
                    if g.network_id in nets or (g.network_id is None and g.level == GatheringLevel.MUNICIPAL.value)]
            todo = [TemplateTask(t.title, t.description, t.due_date,
                                 unit_names.get(t.unit_id, unit.name) if t.unit_id else networks.get(t.network_id, ""))
                    for t in tasks if t.unit_id == unit.id or (t.unit_id is None and t.network_id in nets)]
            return TemplateUnit(unit.id, unit.name, UnitKind(unit.kind).label, unit.staff_count,
                                sorted(networks[n] for n in nets), mine[:MAX_GATHERINGS], todo[:MAX_TASKS])

        common = {"database_id": db_id, "municipality_id": municipality_id,
                  "municipality_name": municipality.name, "period_start": start, "period_end": end,
                  "allowed_start": part.period_start, "allowed_end": part.period_end}
        if network is not None:
            return [LogTemplateSpec(units=[template_unit(u) for u in units], network=network.name, **common)]
        return [LogTemplateSpec(units=[template_unit(u)], **common) for u in units]
