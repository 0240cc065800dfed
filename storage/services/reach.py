"""Reach: how many of a unit's staff took part in the work in a semester, as a share of its staff.

The rule (per unit and semester; a semester is 2026V = January–June, 2026H = July–December):

* **From session logs**: the largest `staff_present` of any of the unit's session logs held in the
  semester. Logs are not summed: the same people come to every staff meeting, and the largest single
  session is the most we know for certain were different people.
* **From gatherings**: for every gathering in the semester that was not cancelled, the attendance
  attributed to the unit in staff roles (styrer/rektor, pedagogisk leder/lærer, barnehagelærer,
  fagarbeider/assistent, andre; PPT only when the unit itself is a PPT unit — parents and the owner
  level are never the unit's staff) is summed per gathering; the largest such gathering counts.
* **Reached** = the larger of the two (not their sum: the people at the gatherings usually also sit in
  the staff meeting), capped at the staff count. It is a lower bound on how many different people took
  part — honest, never an estimate that inflates.
* **Share** = reached / staff. Staff is the unit's registered `staff_count`; if that is 0, the
  largest `staff_total` typed in the semester's logs; if neither is known, the share is unknown (None).

The municipality summary adds reached and staff over the units whose staff is known, and counts units
reaching at least half their staff (`HALF`), units with some reach below that, and units with none.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time

from sqlmodel import select

from ..enums import AttendeeRole, GatheringStatus, UnitKind
from ..models import Attendance, Gathering, SessionLog, Unit
from ..semesters import semester_bounds, semester_of, semesters_between
from ..store import Store
from .common import participation_row
from .units import took_part

HALF = 0.5

#: Attendance roles that are a unit's own staff (PPT counts for PPT units only).
STAFF_ROLES = frozenset({AttendeeRole.LEADER, AttendeeRole.PEDAGOGICAL_LEADER, AttendeeRole.KINDERGARTEN_TEACHER,
                         AttendeeRole.ASSISTANT, AttendeeRole.OTHER})


@dataclass(frozen=True)
class UnitReach:
    unit_id: uuid.UUID
    unit_name: str
    unit_kind: UnitKind
    semester: str
    staff: int  # the denominator; 0 when unknown
    from_logs: int
    from_gatherings: int
    log_count: int
    gathering_count: int

    @property
    def reached(self) -> int:
        best = max(self.from_logs, self.from_gatherings)
        return min(best, self.staff) if self.staff else best

    @property
    def share(self) -> float | None:
        return self.reached / self.staff if self.staff else None


@dataclass(frozen=True)
class ReachSummary:
    semester: str
    units: int
    units_known_staff: int
    units_half_or_more: int
    units_some: int  # reached someone, below half
    units_none: int
    staff: int
    reached: int

    @property
    def share(self) -> float | None:
        return self.reached / self.staff if self.staff else None


def reach_by_unit(store: Store, municipality_id: uuid.UUID, semester: str) -> list[UnitReach]:
    """Reach of every active unit in the semester (archived units too if they have data), by name."""
    return reach_by_semester(store, municipality_id, [semester])[semester]


def reach_by_semester(store: Store, municipality_id: uuid.UUID,
                      semesters: list[str]) -> dict[str, list[UnitReach]]:
    """`reach_by_unit` for several semesters with one set of queries (reports ask for every semester)."""
    bounds = {sem: semester_bounds(sem) for sem in semesters}
    first, last = min(b[0] for b in bounds.values()), max(b[1] for b in bounds.values())
    start, end = datetime.combine(first, time.min), datetime.combine(last, time.max)
    with store.reader() as session:
        units = session.exec(select(Unit).where(Unit.municipality_id == municipality_id)).all()
        logs = session.exec(
            select(SessionLog.unit_id, SessionLog.held_on, SessionLog.staff_present, SessionLog.staff_total)
            .join(Unit, SessionLog.unit_id == Unit.id)
            .where(Unit.municipality_id == municipality_id, SessionLog.held_on >= first,
                   SessionLog.held_on <= last)).all()
        attendance = session.exec(
            select(Attendance.gathering_id, Attendance.unit_id, Attendance.role, Attendance.count,
                   Gathering.starts_at)
            .join(Gathering, Attendance.gathering_id == Gathering.id)
            .where(Gathering.municipality_id == municipality_id, Attendance.unit_id.is_not(None),
                   Gathering.status != GatheringStatus.CANCELLED.value,
                   Gathering.starts_at >= start, Gathering.starts_at <= end)).all()
    kinds = {u.id: UnitKind(u.kind) for u in units}
    log_figures: dict[str, dict[uuid.UUID, tuple[int, int, int]]] = {sem: {} for sem in semesters}
    for unit_id, held_on, present, total in logs:
        sem = semester_of(held_on)
        if sem in log_figures:
            best, most, n = log_figures[sem].get(unit_id, (0, 0, 0))
            log_figures[sem][unit_id] = (max(best, present or 0), max(most, total or 0), n + 1)
    per_gathering: dict[str, dict[tuple[uuid.UUID, uuid.UUID], int]] = {sem: defaultdict(int) for sem in semesters}
    for gathering_id, unit_id, role, count, starts_at in attendance:
        sem = semester_of(starts_at.date())
        role = AttendeeRole(role)
        if sem in per_gathering and (role in STAFF_ROLES or (role == AttendeeRole.PPT
                                                             and kinds.get(unit_id) == UnitKind.PPT)):
            per_gathering[sem][(unit_id, gathering_id)] += count
    return {sem: _unit_rows(sem, units, log_figures[sem], per_gathering[sem]) for sem in semesters}


def _unit_rows(semester: str, units, logs: dict, per_gathering: dict) -> list[UnitReach]:
    best_gathering: dict[uuid.UUID, int] = defaultdict(int)
    gathering_count: dict[uuid.UUID, int] = defaultdict(int)
    for (unit_id, _gid), count in per_gathering.items():
        best_gathering[unit_id] = max(best_gathering[unit_id], count)
        gathering_count[unit_id] += 1
    result = []
    for unit in units:
        best_log, log_total, n_logs = logs.get(unit.id, (0, 0, 0))
        if not took_part(unit.archived, bool(n_logs or gathering_count.get(unit.id))):
            continue
        result.append(UnitReach(
            unit_id=unit.id, unit_name=unit.name, unit_kind=UnitKind(unit.kind), semester=semester,
            staff=unit.staff_count or (log_total or 0), from_logs=best_log or 0,
            from_gatherings=best_gathering.get(unit.id, 0), log_count=n_logs,
            gathering_count=gathering_count.get(unit.id, 0)))
    return sorted(result, key=lambda r: r.unit_name.casefold())


def summarise(semester: str, rows: list[UnitReach]) -> ReachSummary:
    known = [r for r in rows if r.staff]
    return ReachSummary(
        semester=semester, units=len(rows), units_known_staff=len(known),
        units_half_or_more=sum(1 for r in known if r.share is not None and r.share >= HALF),
        units_some=sum(1 for r in rows if r.reached and not (r.share is not None and r.share >= HALF)),
        units_none=sum(1 for r in rows if not r.reached),
        staff=sum(r.staff for r in known), reached=sum(r.reached for r in known))


def reach_summary(store: Store, municipality_id: uuid.UUID, semester: str) -> ReachSummary:
    """The municipality's reach in the semester (see the module docstring for the rule)."""
    return summarise(semester, reach_by_unit(store, municipality_id, semester))


def reach_per_semester(store: Store, municipality_id: uuid.UUID) -> dict[str, ReachSummary]:
    """The summary for every semester of the participation period, in order."""
    with store.reader() as session:
        part = participation_row(session, municipality_id)
        first, last = part.period_start, part.period_end
    semesters = semesters_between(first, last)
    return {sem: summarise(sem, rows) for sem, rows in reach_by_semester(store, municipality_id, semesters).items()}
