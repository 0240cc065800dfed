"""Session logs (øktlogger): each unit's own development sessions between gatherings.

Rules beyond the model's own (present ≤ total, lengths, ranges): the date lies within the
participation period and is not in the future. `log_rule_errors` returns every broken rule with its
field, so the Excel importer can point at the cell; the form services raise the first one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel
from sqlalchemy import func, or_
from sqlmodel import Field, Session, SQLModel, select

from ..enums import LogSource
from ..errors import DomainError
from ..formatting import format_date
from ..i18n import _
from ..models import Participation, SessionLog, SessionLogBase, SessionLogRead, Unit
from ..semesters import semester_bounds
from ..store import Store
from ..validation import label_for, validated
from .common import apply_update, clean_text, participation_row, require

#: The fields a user types (everything but the source).
LOG_FIELDS = ("held_on", "duration_minutes", "staff_present", "staff_total", "led_by", "theme", "method",
              "what_done", "reflections", "next_steps", "children_involved", "parents_involved")
_TEXT_FIELDS = ("led_by", "theme", "method", "what_done", "reflections", "next_steps")


def field_limit(name: str, limit: str) -> int | None:
    """A limit the SessionLog model puts on a field (`max_length`, `ge`, `le`), or None.
    Templates and the importer take their limits from here, so they never drift from the model."""
    for item in SessionLogBase.model_fields[name].metadata:
        value = getattr(item, limit, None)
        if value is not None:
            return value
    return None


class SessionLogCreate(SessionLogBase):
    """A new session log for a unit (the unit is given separately)."""


class SessionLogUpdate(SQLModel):
    """Changes to a log; the merged result is validated again as a SessionLogCreate."""

    held_on: date | None = None
    duration_minutes: int | None = Field(default=None, ge=5, le=600)
    staff_present: int | None = Field(default=None, ge=0, le=1000)
    staff_total: int | None = Field(default=None, ge=1, le=1000)
    led_by: str | None = Field(default=None, max_length=60)
    theme: str | None = Field(default=None, min_length=2, max_length=200)
    method: str | None = Field(default=None, max_length=200)
    what_done: str | None = Field(default=None, max_length=4000)
    reflections: str | None = Field(default=None, max_length=4000)
    next_steps: str | None = Field(default=None, max_length=4000)
    children_involved: bool | None = None
    parents_involved: bool | None = None


class SessionLogItem(SessionLogRead):
    """A log as lists show it: with the unit's name."""

    unit_name: str


@dataclass(frozen=True)
class LogFilter:
    """What a log list is narrowed to. Every part is optional."""

    unit_id: uuid.UUID | None = None
    semester: str | None = None
    start: date | None = None
    end: date | None = None
    search: str | None = None
    source: LogSource | None = None
    children_involved: bool | None = None
    parents_involved: bool | None = None


def _missing() -> str:
    return _("Fant ikke øktloggen.")


def tidy_log(data: BaseModel | dict) -> dict:
    """Trimmed texts, empty optional texts as None (the form and the importer share this)."""
    data = data.model_dump(exclude_unset=True) if isinstance(data, BaseModel) else dict(data)
    for name in _TEXT_FIELDS:
        if isinstance(data.get(name), str):
            data[name] = clean_text(data[name]) if name != "theme" else data[name].strip()
    return data


def log_rule_errors(part: Participation, held_on: date, today: date) -> list[tuple[str, str]]:
    """(field, Norwegian message) for each rule the date breaks: outside the period, in the future."""
    errors = []
    if not part.period_start <= held_on <= part.period_end:
        errors.append(("held_on", _("«{label}»: {day} er utenfor perioden {start}–{end}.").format(
            label=label_for("held_on"), day=format_date(held_on), start=format_date(part.period_start),
            end=format_date(part.period_end))))
    elif held_on > today:
        errors.append(("held_on", _("«{label}»: {day} er fram i tid. Logg økter som er holdt.").format(
            label=label_for("held_on"), day=format_date(held_on))))
    return errors


def _check_rules(session: Session, unit: Unit, held_on: date, today: date | None) -> None:
    errors = log_rule_errors(participation_row(session, unit.municipality_id), held_on, today or date.today())
    if errors:
        field, message = errors[0]
        raise DomainError(message, field=field)


def insert_log(session: Session, unit_id: uuid.UUID, log: SessionLogCreate, *,
               log_id: uuid.UUID | None = None) -> SessionLog:
    """Add an already checked log inside the caller's transaction (the importer passes the row's id)."""
    row = SessionLog.model_validate(log, update={"unit_id": unit_id, **({"id": log_id} if log_id else {})})
    session.add(row)
    return row


def add_log(store: Store, unit_id: uuid.UUID, log: SessionLogCreate | dict, *,
            today: date | None = None) -> SessionLogRead:
    log = validated(SessionLogCreate, tidy_log(log))
    with store.transaction() as session:
        unit = require(session, Unit, unit_id, _("Fant ikke enheten."))
        _check_rules(session, unit, log.held_on, today)
        row = insert_log(session, unit_id, log)
        session.flush()
        return SessionLogRead.model_validate(row)


def update_log(store: Store, log_id: uuid.UUID, changes: SessionLogUpdate | dict, *,
               today: date | None = None) -> SessionLogRead:
    changes = tidy_log(changes)
    with store.transaction() as session:
        row = require(session, SessionLog, log_id, _missing())
        unit = require(session, Unit, row.unit_id, _("Fant ikke enheten."))
        changed = apply_update(row, changes, SessionLogUpdate, SessionLogCreate)
        if "held_on" in changed:
            _check_rules(session, unit, row.held_on, today)
        session.flush()
        return SessionLogRead.model_validate(row)


def delete_log(store: Store, log_id: uuid.UUID) -> None:
    with store.transaction() as session:
        session.delete(require(session, SessionLog, log_id, _missing()))


def get_log(store: Store, log_id: uuid.UUID) -> SessionLogRead:
    with store.reader() as session:
        return SessionLogRead.model_validate(require(session, SessionLog, log_id, _missing()))


def list_logs(store: Store, municipality_id: uuid.UUID, where: LogFilter | None = None, *,
              limit: int | None = None) -> list[SessionLogItem]:
    """The municipality's session logs, newest first, narrowed by `where`."""
    where = where or LogFilter()
    query = (select(SessionLog, Unit.name).join(Unit, SessionLog.unit_id == Unit.id)
             .where(Unit.municipality_id == municipality_id))
    if where.unit_id is not None:
        query = query.where(SessionLog.unit_id == where.unit_id)
    if where.semester is not None:
        first, last = semester_bounds(where.semester)
        query = query.where(SessionLog.held_on >= first, SessionLog.held_on <= last)
    if where.start is not None:
        query = query.where(SessionLog.held_on >= where.start)
    if where.end is not None:
        query = query.where(SessionLog.held_on <= where.end)
    if where.source is not None:
        query = query.where(SessionLog.source == LogSource(where.source).value)
    for name in ("children_involved", "parents_involved"):
        if getattr(where, name) is not None:
            query = query.where(getattr(SessionLog, name) == getattr(where, name))
    if where.search and where.search.strip():
        pattern = f"%{where.search.strip().lower()}%"
        query = query.where(or_(*(func.lower(getattr(SessionLog, name)).like(pattern) for name in _TEXT_FIELDS)))
    query = query.order_by(SessionLog.held_on.desc(), SessionLog.created_at.desc())
    if limit is not None:
        query = query.limit(limit)
    with store.reader() as session:
        return [SessionLogItem.model_validate(log, update={"unit_name": name})
                for log, name in session.exec(query).all()]


def copy_last_log(store: Store, unit_id: uuid.UUID, *, today: date | None = None) -> SessionLogCreate:
    """A new log to start from: the unit's last log with today's date and empty free texts (what was
    done, reflections, next steps), so only what differs needs typing. Without an earlier log: the
    unit's staff count as present and total, 60 minutes, and an empty theme (to be filled in)."""
    today = today or date.today()
    with store.reader() as session:
        unit = require(session, Unit, unit_id, _("Fant ikke enheten."))
        last = session.exec(select(SessionLog).where(SessionLog.unit_id == unit_id)
                            .order_by(SessionLog.held_on.desc(), SessionLog.created_at.desc())).first()
    if last is None:
        staff = max(unit.staff_count, 1)
        return SessionLogCreate.model_construct(
            held_on=today, duration_minutes=60, staff_present=staff, staff_total=staff, led_by=unit.leader_role,
            theme="", method=None, what_done=None, reflections=None, next_steps=None,
            children_involved=False, parents_involved=False, source=LogSource.APP)
    keep = {name: getattr(last, name) for name in ("duration_minutes", "staff_present", "staff_total", "led_by",
                                                  "theme", "method", "children_involved", "parents_involved")}
    return SessionLogCreate.model_validate({**keep, "held_on": today, "source": LogSource.APP})


def log_values(log: SessionLogCreate | SessionLog | SessionLogRead) -> dict:
    """The typed fields of a log, for comparing an imported row with a stored one."""
    return {name: getattr(log, name) for name in LOG_FIELDS}
