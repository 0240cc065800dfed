"""Resource persons and their assignments, and the programme's resource-person rule month by month.

A person may serve several municipalities; an assignment ties one person to one municipality for an
area (kindergarten, school or both), a position in per cent and a period.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from ..enums import Area
from ..errors import DomainError
from ..formatting import format_date, format_month, format_number
from ..i18n import _
from ..models import (
    Municipality,
    Participation,
    ResourceAssignment,
    ResourceAssignmentCreate,
    ResourceAssignmentRead,
    ResourceAssignmentUpdate,
    ResourcePerson,
    ResourcePersonCreate,
    ResourcePersonRead,
    ResourcePersonUpdate,
)
from ..rules import MIN_POSITION_PERCENT_PER_AREA
from ..store import Store
from ..validation import label_for, validated
from .common import apply_update, participation_row, require

#: How far an assignment may reach before the period starts or after it ends.
SLACK_DAYS = 366


@dataclass(frozen=True)
class AssignmentLine:
    person: ResourcePersonRead
    assignment: ResourceAssignmentRead


@dataclass(frozen=True)
class MonthCheck:
    """The rule in one month. A percent is None when the municipality does not take part in that area."""

    month: date  # first day of the month
    kindergarten_percent: float | None
    school_percent: float | None
    met: bool
    reason: str


# --- people -------------------------------------------------------------------------------------

def _person_missing() -> str:
    return _("Fant ikke ressurspersonen.")


def list_people(store: Store, municipality_id: uuid.UUID | None = None) -> list[ResourcePersonRead]:
    """Everyone (to pick a person who already serves another municipality), or those assigned here."""
    query = select(ResourcePerson)
    if municipality_id is not None:
        query = query.where(ResourcePerson.id.in_(select(ResourceAssignment.resource_person_id).where(
            ResourceAssignment.municipality_id == municipality_id)))
    with store.reader() as session:
        return [ResourcePersonRead.model_validate(r) for r in session.exec(query.order_by(ResourcePerson.name))]


def add_person(store: Store, person: ResourcePersonCreate | dict) -> ResourcePersonRead:
    person = validated(ResourcePersonCreate, person)
    with store.transaction() as session:
        row = ResourcePerson.model_validate(person)
        session.add(row)
        session.flush()
        return ResourcePersonRead.model_validate(row)


def update_person(store: Store, person_id: uuid.UUID, changes: ResourcePersonUpdate | dict) -> ResourcePersonRead:
    with store.transaction() as session:
        row = require(session, ResourcePerson, person_id, _person_missing())
        apply_update(row, changes, ResourcePersonUpdate, ResourcePersonCreate)
        session.flush()
        return ResourcePersonRead.model_validate(row)


def delete_person(store: Store, person_id: uuid.UUID) -> None:
    """Delete a person and all their assignments."""
    with store.transaction() as session:
        session.delete(require(session, ResourcePerson, person_id, _person_missing()))


# --- assignments --------------------------------------------------------------------------------

def _check_assignment(session: Session, row: ResourceAssignment) -> None:
    """Dates within sensible bounds of the period; the person's positions never add up to over 100 %."""
    part = participation_row(session, row.municipality_id)
    earliest = part.period_start - timedelta(days=SLACK_DAYS)
    latest = part.period_end + timedelta(days=SLACK_DAYS)
    if row.start < earliest or row.start > part.period_end:
        raise DomainError(_("«{label}» må ligge mellom {earliest} og periodens slutt {end}.").format(
            label=label_for("start"), earliest=format_date(earliest), end=format_date(part.period_end)),
            field="start")
    if row.end > latest or row.end < part.period_start:
        raise DomainError(_("«{label}» må ligge mellom periodens start {start} og {latest}.").format(
            label=label_for("end"), start=format_date(part.period_start), latest=format_date(latest)),
            field="end")
    others = session.exec(select(ResourceAssignment).where(
        ResourceAssignment.resource_person_id == row.resource_person_id, ResourceAssignment.id != row.id,
        ResourceAssignment.start <= row.end, ResourceAssignment.end >= row.start)).all()
    for day in sorted({row.start} | {o.start for o in others if o.start > row.start}):
        total = row.position_percent + sum(o.position_percent for o in others if o.start <= day <= o.end)
        if total > 100:
            raise DomainError(_("«{label}»: personen ville hatt {total} % stilling til sammen fra {day} "
                                "(høyst 100 %).").format(label=label_for("position_percent"), total=total,
                                                         day=format_date(day)), field="position_percent")


def add_assignment(store: Store, municipality_id: uuid.UUID, person_id: uuid.UUID,
                   assignment: ResourceAssignmentCreate | dict) -> ResourceAssignmentRead:
    assignment = validated(ResourceAssignmentCreate, assignment)
    with store.transaction() as session:
        require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        require(session, ResourcePerson, person_id, _person_missing())
        row = ResourceAssignment.model_validate(
            assignment, update={"municipality_id": municipality_id, "resource_person_id": person_id})
        _check_assignment(session, row)
        session.add(row)
        session.flush()
        return ResourceAssignmentRead.model_validate(row)


def add_person_with_assignment(store: Store, municipality_id: uuid.UUID, person: ResourcePersonCreate | dict,
                               assignment: ResourceAssignmentCreate | dict) -> AssignmentLine:
    """A new person and their first assignment, all or nothing."""
    person = validated(ResourcePersonCreate, person)
    assignment = validated(ResourceAssignmentCreate, assignment)
    with store.transaction() as session:
        require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        person_row = ResourcePerson.model_validate(person)
        session.add(person_row)
        session.flush()
        row = ResourceAssignment.model_validate(
            assignment, update={"municipality_id": municipality_id, "resource_person_id": person_row.id})
        _check_assignment(session, row)
        session.add(row)
        session.flush()
        return AssignmentLine(ResourcePersonRead.model_validate(person_row), ResourceAssignmentRead.model_validate(row))


def update_assignment(store: Store, assignment_id: uuid.UUID,
                      changes: ResourceAssignmentUpdate | dict) -> ResourceAssignmentRead:
    with store.transaction() as session:
        row = require(session, ResourceAssignment, assignment_id, _("Fant ikke stillingen."))
        apply_update(row, changes, ResourceAssignmentUpdate, ResourceAssignmentCreate)
        _check_assignment(session, row)
        session.flush()
        return ResourceAssignmentRead.model_validate(row)


def delete_assignment(store: Store, assignment_id: uuid.UUID) -> None:
    with store.transaction() as session:
        session.delete(require(session, ResourceAssignment, assignment_id, _("Fant ikke stillingen.")))


def list_assignments(store: Store, municipality_id: uuid.UUID) -> list[AssignmentLine]:
    with store.reader() as session:
        rows = session.exec(
            select(ResourcePerson, ResourceAssignment)
            .join(ResourceAssignment, ResourceAssignment.resource_person_id == ResourcePerson.id)
            .where(ResourceAssignment.municipality_id == municipality_id)
            .order_by(ResourcePerson.name, ResourceAssignment.start)).all()
        return [AssignmentLine(ResourcePersonRead.model_validate(p), ResourceAssignmentRead.model_validate(a))
                for p, a in rows]


# --- the rule -----------------------------------------------------------------------------------

def months_between(start: date, end: date) -> list[date]:
    """First day of every month from `start`'s month to `end`'s month."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def check_resource_rule(period_start: date, period_end: date, kindergarten: bool, school: bool,
                        assignments: Iterable[tuple[str, int, date, date]]) -> list[MonthCheck]:
    """The resource-person rule for every month of the period.

    Each month needs at least 20 % for kindergarten (if the municipality takes part as kindergarten
    authority) and at least 20 % for school (as school owner or independent school).

    * An assignment counts for a month only if it covers the WHOLE month — or, in the first and last
      month of the period, the whole part of the month that lies inside the period.
    * Area "kindergarten" or "school" counts fully for that area.
    * Area "both" is split evenly between the two areas when the municipality takes part in both, so one
      person at 40 % or more covers both areas (20 + 20) and a person at 30 % gives 15 + 15. When the
      municipality takes part in only one area, "both" counts fully for that area.

    `assignments` are tuples (area, position_percent, start, end)."""
    assignments = [(Area(a), p, s, e) for a, p, s, e in assignments]
    need = MIN_POSITION_PERCENT_PER_AREA
    result = []
    for month in months_between(period_start, period_end):
        first = max(month, period_start)
        last = min((month + timedelta(days=32)).replace(day=1) - timedelta(days=1), period_end)
        kg = sc = 0.0
        for area, percent, start, end in assignments:
            if start > first or end < last:
                continue
            if area == Area.KINDERGARTEN:
                kg += percent
            elif area == Area.SCHOOL:
                sc += percent
            elif kindergarten and school:
                kg += percent / 2
                sc += percent / 2
            elif kindergarten:
                kg += percent
            else:
                sc += percent
        short = []
        if kindergarten and kg < need:
            short.append(_("barnehage har {percent} %").format(percent=format_number(kg)))
        if school and sc < need:
            short.append(_("skole har {percent} %").format(percent=format_number(sc)))
        if short:
            reason = _("{month}: {short} (minst {need} % per område).").format(
                month=format_month(month).capitalize(), short=_(" og ").join(short), need=need)
        else:
            parts = ([_("barnehage {percent} %").format(percent=format_number(kg))] if kindergarten else []) + \
                    ([_("skole {percent} %").format(percent=format_number(sc))] if school else [])
            reason = _("{month}: {parts}.").format(month=format_month(month).capitalize(), parts=", ".join(parts))
        result.append(MonthCheck(month, kg if kindergarten else None, sc if school else None, not short, reason))
    return result


def rule_months(session: Session, part: Participation) -> list[MonthCheck]:
    """The rule for a participation, read with the caller's session (one query)."""
    rows = session.exec(select(ResourceAssignment.area, ResourceAssignment.position_percent,
                               ResourceAssignment.start, ResourceAssignment.end)
                        .where(ResourceAssignment.municipality_id == part.municipality_id)).all()
    return check_resource_rule(part.period_start, part.period_end, part.kindergarten_authority,
                               part.school_owner or part.independent_school, rows)


def resource_rule_by_month(store: Store, municipality_id: uuid.UUID) -> list[MonthCheck]:
    """The resource-person rule for every month of the municipality's period (see check_resource_rule)."""
    with store.reader() as session:
        return rule_months(session, participation_row(session, municipality_id))
