"""What a report says about how the work was done, beside the counts (DOMAIN.md §5): staff reached per
role, the vignette sessions held and the reflection templates used at gatherings.

Kept apart from report_data/report_parts (which count the figures) so the two grow independently; a
ReportData carries the result in its `context` field. Aggregates only: roles, dates, titles of
vignettes and templates, counts of answers — never names of people or answer texts.

**Staff reached per role** follows reach.py's rule, per role: for each unit and staff role, the largest
attendance of that role from the unit at one held gathering in the report's semesters; summed over the
units. The largest single gathering, not the sum, because the same people come again: it measures how
many were exposed to the work (a lower bound), not how much each took part.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import select

from ..content import load_reflection_templates
from ..enums import AttendeeRole, GatheringStatus
from ..models import (
    Attendance,
    Gathering,
    LearningNetwork,
    Response,
    Vignette,
    VignetteSession,
    VignetteVersion,
)
from ..semesters import semester_bounds
from ..store import Store
from .reach import STAFF_ROLES


@dataclass(frozen=True)
class RoleReach:
    role: str  # the role's label
    people: int  # lower bound, see the module docstring


@dataclass(frozen=True)
class VignetteSessionLine:
    held_on: date
    vignette: str
    network: str  # "" when the session belongs to no network
    responses: int


@dataclass(frozen=True)
class TemplateUse:
    template: str  # the template's title
    gatherings: int  # held gatherings in the period that used it


@dataclass(frozen=True)
class ReportContextFigures:
    reach_by_role: tuple[RoleReach, ...] = ()
    vignette_sessions: tuple[VignetteSessionLine, ...] = ()
    templates: tuple[TemplateUse, ...] = ()


def _span(semesters: tuple[str, ...] | list[str]) -> tuple[date, date]:
    return semester_bounds(semesters[0])[0], semester_bounds(semesters[-1])[1]


def collect_context(store: Store, municipality_id: uuid.UUID, semesters: tuple[str, ...] | list[str]
                    ) -> ReportContextFigures:
    """Reach per role, vignette sessions and reflection templates of the municipality in `semesters`."""
    if not semesters:
        return ReportContextFigures()
    first, last = _span(semesters)
    start, end = datetime.combine(first, time.min), datetime.combine(last, time.max)
    with store.reader() as session:
        held = session.exec(select(Gathering.id, Gathering.reflection_templates).where(
            Gathering.municipality_id == municipality_id, Gathering.status == GatheringStatus.HELD.value,
            Gathering.starts_at >= start, Gathering.starts_at <= end)).all()
        ids = [gathering_id for gathering_id, _templates in held]
        rows = session.exec(select(Attendance.unit_id, Attendance.role, Attendance.count).where(
            Attendance.gathering_id.in_(ids), Attendance.unit_id.is_not(None))).all() if ids else []
        sessions = session.exec(
            select(VignetteSession.id, VignetteSession.held_on, Vignette.title, LearningNetwork.name)
            .join(VignetteVersion, VignetteVersion.id == VignetteSession.vignette_version_id)
            .join(Vignette, Vignette.id == VignetteVersion.vignette_id)
            .join(LearningNetwork, LearningNetwork.id == VignetteSession.network_id, isouter=True)
            .where(VignetteSession.municipality_id == municipality_id, VignetteSession.held_on >= first,
                   VignetteSession.held_on <= last)
            .order_by(VignetteSession.held_on, Vignette.title)).all()
        session_ids = [s[0] for s in sessions]
        answers = Counter(session.exec(select(Response.session_id).where(
            Response.session_id.in_(session_ids))).all()) if session_ids else Counter()
    best: dict[tuple[uuid.UUID, str], int] = defaultdict(int)
    for unit_id, role, count in rows:
        if AttendeeRole(role) in STAFF_ROLES:
            best[(unit_id, role)] = max(best[(unit_id, role)], count)
    per_role: dict[str, int] = defaultdict(int)
    for (_unit, role), count in best.items():
        per_role[role] += count
    reach = tuple(RoleReach(role.label, per_role.get(role.value, 0)) for role in AttendeeRole
                  if role in STAFF_ROLES)
    titles = {t.key: t.title for t in load_reflection_templates()}
    used = Counter(key for _id, keys in held for key in dict.fromkeys(keys or []))
    templates = tuple(TemplateUse(titles.get(key, key), n)
                      for key, n in sorted(used.items(), key=lambda p: (-p[1], titles.get(p[0], p[0]))))
    lines = tuple(VignetteSessionLine(held_on, vignette, network or "", answers.get(sid, 0))
                  for sid, held_on, vignette, network in sessions)
    return ReportContextFigures(reach, lines, templates)
