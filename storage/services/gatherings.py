"""Recording a held gathering: what happened, who came (counts per unit and role), themes, reflections,
decisions, the reflection templates used, and the tasks the units take with them to the next gathering.

Planning (creating planned gatherings, series, programme gatherings) lives in `gatherings_plan`; this
module reuses its checks and inserts, and the tasks service for the tasks. `record_gathering` is one
transaction: the gathering, its whole attendance set and its new tasks are stored together or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, Field, NaiveDatetime
from sqlalchemy import delete, func
from sqlmodel import Session, select

from ..content import GOAL_THEMES, load_reflection_templates
from ..enums import AttendeeRole, GatheringKind, GatheringLevel, GatheringStatus
from ..errors import DomainError
from ..formatting import format_date
from ..i18n import _
from ..models import (
    Attendance,
    AttendanceRead,
    Gathering,
    GatheringCreate,
    GatheringRead,
    GatheringUpdate,
    Municipality,
    Task,
    TaskCreate,
    TaskRead,
    Unit,
)
from ..store import Store
from ..validation import label_for, validated
from .common import apply_update, clean_text, require
from .gatherings_plan import LEVEL_OF_KIND, check_gathering, insert_gathering
from .tasks import insert_task

#: The national themes of the regional scheme for kindergartens.
KINDERGARTEN_THEMES = (
    "barnehagen som pedagogisk virksomhet", "kommunikasjon og språk",
    "et inkluderende miljø for omsorg, lek, læring og danning", "barnehagens verdigrunnlag",
)
MAX_THEMES = 20
MAX_THEME_LENGTH = 80


class AttendanceCount(BaseModel):
    """How many of one role came from one unit; no unit means the owner level (kommune) or guests."""

    unit_id: uuid.UUID | None = None
    role: AttendeeRole
    count: int = Field(ge=0, le=10_000)


class NextTask(BaseModel):
    """A task to the next gathering. Without a unit it is the whole network's task."""

    title: str = Field(min_length=2, max_length=200)
    description: str | None = None
    due_date: date | None = None
    unit_id: uuid.UUID | None = None


class GatheringRecord(BaseModel):
    """What the resource person records after a gathering. `title` defaults to the kind's label and
    `level` to the kind's usual level."""

    title: str | None = Field(default=None, max_length=200)
    kind: GatheringKind
    level: GatheringLevel | None = None
    starts_at: NaiveDatetime
    duration_minutes: int = Field(default=180, ge=5, le=24 * 60 * 3)
    place: str | None = Field(default=None, max_length=200)
    network_id: uuid.UUID | None = None
    agenda: str | None = None
    themes: list[str] = Field(default_factory=list)
    reflections: str | None = None
    decisions: str | None = None
    reflection_templates: list[str] = Field(default_factory=list)
    attendance: list[AttendanceCount] = Field(default_factory=list)
    tasks: list[NextTask] = Field(default_factory=list)


@dataclass(frozen=True)
class GatheringDetail:
    """A gathering with its attendance (unit names resolved) and the tasks it gave."""

    gathering: GatheringRead
    attendance: list[AttendanceRead]
    tasks: list[TaskRead]
    unit_names: dict[uuid.UUID, str]

    @property
    def total_attendance(self) -> int:
        return sum(a.count for a in self.attendance)

    def count_for(self, unit_id: uuid.UUID | None, role: AttendeeRole) -> int:
        return next((a.count for a in self.attendance if a.unit_id == unit_id and a.role == role), 0)


def theme_choices() -> list[str]:
    """The themes offered first: forebygge/avdekke/håndtere and the national kindergarten themes.
    Any other theme may be added as a free tag."""
    return list(GOAL_THEMES) + list(KINDERGARTEN_THEMES)


def normalise_themes(themes: Iterable[str]) -> list[str]:
    """Trimmed, single-spaced, without duplicates (case does not matter); the known themes in their
    own spelling. Refuses too many or too long tags."""
    known = {t.casefold(): t for t in theme_choices()}
    result: list[str] = []
    seen: set[str] = set()
    for theme in themes:
        text = " ".join(str(theme).split())
        if not text or text.casefold() in seen:
            continue
        if len(text) > MAX_THEME_LENGTH:
            raise DomainError(_("Temaet «{theme}» er for langt (høyst {n} tegn).").format(
                theme=text[:40] + "…", n=MAX_THEME_LENGTH), field="themes")
        seen.add(text.casefold())
        result.append(known.get(text.casefold(), text))
    if len(result) > MAX_THEMES:
        raise DomainError(_("Velg høyst {n} temaer.").format(n=MAX_THEMES), field="themes")
    return result


def check_template_keys(keys: Iterable[str]) -> list[str]:
    """The keys of the reflection templates used, each one a built-in template (storage.content)."""
    known = {t.key for t in load_reflection_templates()}
    result = list(dict.fromkeys(keys))
    unknown = [k for k in result if k not in known]
    if unknown:
        raise DomainError(_("Ukjent refleksjonsmal: {keys}.").format(keys=", ".join(unknown)),
                          field="reflection_templates")
    return result


def _check_attendance(session: Session, municipality_id: uuid.UUID,
                      counts: Iterable[AttendanceCount]) -> list[AttendanceCount]:
    """Units of the municipality, one count per unit and role; zero counts are left out."""
    counts = list(counts)
    seen: set[tuple[uuid.UUID | None, str]] = set()
    for item in counts:
        key = (item.unit_id, item.role.value)
        if key in seen:
            raise DomainError(_("Oppmøtet har to tall for samme enhet og rolle ({role}).").format(
                role=item.role.label), field="attendance")
        seen.add(key)
    unit_ids = {c.unit_id for c in counts if c.unit_id is not None}
    if unit_ids:
        found = set(session.exec(select(Unit.id).where(Unit.id.in_(unit_ids),
                                                       Unit.municipality_id == municipality_id)).all())
        if found != unit_ids:
            raise DomainError(_("En eller flere av enhetene i oppmøtet finnes ikke i denne kommunen."),
                              field="attendance")
    return [c for c in counts if c.count > 0]


def _replace_attendance(session: Session, gathering: Gathering, counts: Iterable[AttendanceCount]) -> None:
    counts = _check_attendance(session, gathering.municipality_id, counts)
    session.exec(delete(Attendance).where(Attendance.gathering_id == gathering.id))
    session.add_all(Attendance(gathering_id=gathering.id, unit_id=c.unit_id, role=c.role, count=c.count)
                    for c in counts)


def _next_gathering_day(session: Session, gathering: Gathering) -> date | None:
    """The day of the network's next planned gathering after this one (the default due date)."""
    if gathering.network_id is None:
        return None
    nxt = session.exec(select(Gathering.starts_at).where(
        Gathering.network_id == gathering.network_id, Gathering.starts_at > gathering.starts_at,
        Gathering.status == GatheringStatus.PLANNED.value).order_by(Gathering.starts_at)).first()
    return nxt.date() if nxt else None


def _add_tasks(session: Session, gathering: Gathering, tasks: Iterable[NextTask]) -> None:
    due = _next_gathering_day(session, gathering)
    for task in tasks:
        insert_task(session, gathering.municipality_id, validated(TaskCreate, {
            "title": task.title, "description": clean_text(task.description),
            "due_date": task.due_date or due, "network_id": gathering.network_id, "unit_id": task.unit_id,
            "gathering_id": gathering.id}))


def _gathering_fields(record: GatheringRecord) -> dict:
    kind = GatheringKind(record.kind)
    return {
        "title": (record.title or "").strip() or kind.label, "kind": kind,
        "level": record.level or LEVEL_OF_KIND[kind], "starts_at": record.starts_at,
        "duration_minutes": record.duration_minutes, "place": clean_text(record.place),
        "status": GatheringStatus.HELD, "themes": normalise_themes(record.themes),
        "agenda": clean_text(record.agenda), "reflections": clean_text(record.reflections),
        "decisions": clean_text(record.decisions),
        "reflection_templates": check_template_keys(record.reflection_templates),
        "network_id": record.network_id}


def record_gathering(store: Store, municipality_id: uuid.UUID, record: GatheringRecord | dict, *,
                     gathering_id: uuid.UUID | None = None, today: date | None = None) -> GatheringDetail:
    """Record a held gathering: a new one, or the planned gathering `gathering_id` filled in.

    The attendance given replaces the gathering's whole attendance set; the tasks are added as new
    tasks (their due date defaults to the network's next planned gathering). One transaction."""
    record = validated(GatheringRecord, record)
    today = today or date.today()
    if record.starts_at.date() > today:
        raise DomainError(_("«{label}»: {day} er fram i tid. En samling kan registreres som holdt først "
                            "når den har vært.").format(label=label_for("starts_at"),
                                                        day=format_date(record.starts_at.date())),
                          field="starts_at")
    fields = _gathering_fields(record)
    with store.transaction() as session:
        require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        if gathering_id is None:
            row = insert_gathering(session, municipality_id, validated(GatheringCreate, fields))
        else:
            row = require(session, Gathering, gathering_id, _("Fant ikke samlingen."))
            if row.municipality_id != municipality_id:
                raise DomainError(_("Samlingen hører til en annen kommune."))
            apply_update(row, fields, GatheringUpdate, GatheringCreate)
            check_gathering(session, municipality_id, row.starts_at, row.network_id)
        session.flush()
        _replace_attendance(session, row, record.attendance)
        _add_tasks(session, row, record.tasks)
        session.flush()
        return _detail(session, row)


def set_attendance(store: Store, gathering_id: uuid.UUID, counts: Iterable[AttendanceCount | dict]
                   ) -> list[AttendanceRead]:
    """Replace the gathering's attendance with these counts (each ≥ 0), in one transaction."""
    counts = [validated(AttendanceCount, c) for c in counts]
    with store.transaction() as session:
        row = require(session, Gathering, gathering_id, _("Fant ikke samlingen."))
        _replace_attendance(session, row, counts)
        session.flush()
        return _attendance(session, gathering_id)


def _attendance(session: Session, gathering_id: uuid.UUID) -> list[AttendanceRead]:
    rows = session.exec(select(Attendance).where(Attendance.gathering_id == gathering_id)).all()
    order = {role.value: n for n, role in enumerate(AttendeeRole)}
    rows = sorted(rows, key=lambda a: (a.unit_id is not None, str(a.unit_id), order.get(a.role, 99)))
    return [AttendanceRead.model_validate(a) for a in rows]


def _detail(session: Session, row: Gathering) -> GatheringDetail:
    attendance = _attendance(session, row.id)
    tasks = session.exec(select(Task).where(Task.gathering_id == row.id).order_by(Task.title)).all()
    unit_ids = {a.unit_id for a in attendance if a.unit_id} | {t.unit_id for t in tasks if t.unit_id}
    names = dict(session.exec(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))).all()) if unit_ids else {}
    return GatheringDetail(GatheringRead.model_validate(row), attendance,
                           [TaskRead.model_validate(t) for t in tasks], names)


def get_gathering_detail(store: Store, gathering_id: uuid.UUID) -> GatheringDetail:
    """The gathering with its attendance and the tasks it gave."""
    with store.reader() as session:
        return _detail(session, require(session, Gathering, gathering_id, _("Fant ikke samlingen.")))


def attendance_by_gathering(store: Store, gathering_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Total attendance per gathering (for lists)."""
    ids = list(gathering_ids)
    if not ids:
        return {}
    with store.reader() as session:
        rows = session.exec(select(Attendance.gathering_id, func.sum(Attendance.count))
                            .where(Attendance.gathering_id.in_(ids)).group_by(Attendance.gathering_id)).all()
    return {gid: int(total) for gid, total in rows}
