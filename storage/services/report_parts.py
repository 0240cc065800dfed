"""The sections of a report (organisation, participation, gatherings, themes, involvement, session logs,
vignettes) computed for a set of semesters. Used by `report_data.collect_report`; aggregates only."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from datetime import date, datetime, time

from sqlalchemy import func
from sqlmodel import select

from ..content import GOAL_THEMES
from ..enums import (
    Area,
    AttendeeRole,
    GatheringKind,
    GatheringLevel,
    GatheringStatus,
    NetworkTarget,
    Ownership,
    Stages,
    UnitKind,
)
from ..models import (
    Attendance,
    Gathering,
    LearningNetwork,
    NetworkMember,
    ParticipationRead,
    Plan,
    PlanVersion,
    ResourceAssignment,
    Response,
    SessionLog,
    Unit,
    VignetteSession,
    VignetteVersion,
)
from ..semesters import semester_bounds, semester_of
from ..store import Store
from .gatherings import KINDERGARTEN_THEMES
from .obligations import ObligationGroup, ObligationStatus, obligations_status
from .reach import reach_by_semester
from .reach import summarise as summarise_reach
from .report_data import (
    MAPPING_TOOLS,
    TOP_MAX,
    TOP_N,
    NetworkLine,
    ObligationRow,
    SemesterRow,
    UnitFigures,
)
from .report_vignettes import vignette_pairs
from .units import took_part

SCHOOL_KINDS = (UnitKind.SCHOOL, UnitKind.COMBINED)


def collect_parts(store: Store, municipality_id: uuid.UUID, part: ParticipationRead, semesters: list[str],
                  today: date, *, detail: bool = True) -> dict:
    """The report's sections. `detail=False` leaves out the vignette before/after comparisons, which
    only a municipality's own report shows (a county-wide run shows key figures per municipality)."""
    first, last = semester_bounds(semesters[0])[0], semester_bounds(semesters[-1])[1]
    start, end = datetime.combine(first, time.min), datetime.combine(last, time.max)
    with store.reader() as s:
        units = s.exec(select(Unit).where(Unit.municipality_id == municipality_id)).all()
        networks = s.exec(select(LearningNetwork).where(LearningNetwork.municipality_id == municipality_id,
                                                        LearningNetwork.archived == False)  # noqa: E712
                          .order_by(LearningNetwork.name)).all()
        members = s.exec(select(NetworkMember.network_id, NetworkMember.unit_id)
                         .join(LearningNetwork, LearningNetwork.id == NetworkMember.network_id)
                         .where(LearningNetwork.municipality_id == municipality_id)).all()
        assignments = s.exec(select(ResourceAssignment).where(ResourceAssignment.municipality_id == municipality_id)
                             ).all()
        gatherings = s.exec(select(Gathering.id, Gathering.kind, Gathering.level, Gathering.status,
                                   Gathering.starts_at, Gathering.themes)
                            .where(Gathering.municipality_id == municipality_id, Gathering.starts_at >= start,
                                   Gathering.starts_at <= end)).all()
        attendance = s.exec(select(Attendance.gathering_id, Attendance.unit_id, Attendance.role, Attendance.count)
                            .join(Gathering, Gathering.id == Attendance.gathering_id)
                            .where(Gathering.municipality_id == municipality_id, Gathering.starts_at >= start,
                                   Gathering.starts_at <= end)).all()
        logs = s.exec(select(SessionLog.unit_id, SessionLog.held_on, SessionLog.duration_minutes,
                             SessionLog.staff_present, SessionLog.theme, SessionLog.method,
                             SessionLog.children_involved, SessionLog.parents_involved)
                      .join(Unit, Unit.id == SessionLog.unit_id)
                      .where(Unit.municipality_id == municipality_id, SessionLog.held_on >= first,
                             SessionLog.held_on <= last)).all()
        plan_text = s.exec(select(PlanVersion.sections).join(Plan, Plan.id == PlanVersion.plan_id)
                           .where(Plan.participation_id == part.id).order_by(PlanVersion.version.desc())).first()
        sessions = s.exec(select(VignetteSession.id, VignetteSession.title, VignetteSession.held_on,
                                 VignetteVersion.vignette_id)
                          .join(VignetteVersion, VignetteVersion.id == VignetteSession.vignette_version_id)
                          .where(VignetteSession.municipality_id == municipality_id,
                                 VignetteSession.held_on >= first, VignetteSession.held_on <= last)
                          .order_by(VignetteSession.held_on)).all()
        responses = s.exec(select(func.count()).select_from(Response)
                           .where(Response.session_id.in_([row[0] for row in sessions]))).one() if sessions else 0

    unit_kind = {u.id: UnitKind(u.kind) for u in units}
    status_of = {g[0]: GatheringStatus(g[3]) for g in gatherings}
    held_ids = {g[0] for g in gatherings if status_of[g[0]] is GatheringStatus.HELD}
    active_units = {u for u, *_rest in logs} | {a[1] for a in attendance if a[1] is not None and a[0] in held_ids}
    counted = [u for u in units if took_part(u.archived, u.id in active_units)]  # the report's units
    counted_ids = {u.id for u in counted}
    kind_of = {g[0]: GatheringKind(g[1]) for g in gatherings}
    semester_of_gathering = {g[0]: semester_of(g[4].date()) for g in gatherings}

    # Organisation
    member_units: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for network_id, unit_id in members:
        member_units[network_id].append(unit_id)
    network_lines = []
    for n in networks:
        kinds = Counter(unit_kind.get(u) for u in member_units.get(n.id, []) if u in counted_ids)
        network_lines.append(NetworkLine(n.name, NetworkTarget(n.target).label,
                                         n.leader or "", kinds[UnitKind.KINDERGARTEN],
                                         sum(kinds[k] for k in SCHOOL_KINDS),
                                         sum(v for k, v in kinds.items() if k not in (UnitKind.KINDERGARTEN,
                                                                                      *SCHOOL_KINDS))))
    active_assignments = [a for a in assignments if a.start <= end.date() and a.end >= start.date()]
    resource_persons = tuple(sorted((Area(a.area).label, a.position_percent)
                                    for a in active_assignments))

    # Units
    networked = {u for _n, u in members}

    def count(pred) -> int:
        return sum(1 for u in counted if pred(u))

    kg = lambda u: UnitKind(u.kind) is UnitKind.KINDERGARTEN  # noqa: E731
    sch = lambda u: UnitKind(u.kind) in SCHOOL_KINDS  # noqa: E731
    private = lambda u: Ownership(u.ownership) is Ownership.PRIVATE  # noqa: E731
    other = lambda u: not kg(u) and not sch(u)  # noqa: E731
    unit_figures = UnitFigures(
        total=len(counted), kindergartens=count(kg), schools=count(sch), others=count(other),
        public=count(lambda u: not private(u)), private=count(private),
        primary=count(lambda u: sch(u) and u.stages in (Stages.PRIMARY, Stages.BOTH, "1-7", "1-10")),
        lower_secondary=count(lambda u: sch(u) and u.stages in (Stages.LOWER_SECONDARY, Stages.BOTH, "8-10", "1-10")),
        in_networks=count(lambda u: u.id in networked), active=count(lambda u: u.id in active_units),
        staff=sum(u.staff_count for u in counted),
        public_kindergartens=count(lambda u: kg(u) and not private(u)),
        private_kindergartens=count(lambda u: kg(u) and private(u)),
        public_schools=count(lambda u: sch(u) and not private(u)), private_schools=count(lambda u: sch(u) and private(u)),
        public_others=count(lambda u: other(u) and not private(u)), private_others=count(lambda u: other(u) and private(u)),
        archived=count(lambda u: u.archived))

    # Gatherings and attendance per semester
    by_role: Counter = Counter()
    per_semester_role: dict[str, Counter] = defaultdict(Counter)
    ppt_gatherings = set()
    for gathering_id, _unit, role, n in attendance:
        if gathering_id not in held_ids:
            continue
        role = AttendeeRole(role)
        by_role[role] += n
        per_semester_role[semester_of_gathering[gathering_id]][role] += n
        if role is AttendeeRole.PPT and n:
            ppt_gatherings.add(gathering_id)
    scope = set(semesters)
    obligation_lines = [line for line in obligations_status(store, municipality_id, None, today)
                        if line.semester in scope]
    obligation_rows = tuple(ObligationRow(line.semester, line.obligation.label, line.status.value,
                                          line.status.label, line.reason, line.group.value)
                            for line in obligation_lines)
    log_by_semester: dict[str, list] = defaultdict(list)
    for row in logs:
        log_by_semester[semester_of(row[1])].append(row)
    reach_rows = reach_by_semester(store, municipality_id, semesters)
    rows = []
    for sem in semesters:
        in_sem = [g for g in gatherings if semester_of_gathering[g[0]] == sem]
        levels = Counter(GatheringLevel(g[2]).value for g in in_sem if g[0] in held_ids)
        roles = per_semester_role[sem]
        reach = summarise_reach(sem, reach_rows[sem])
        lines = [line for line in obligation_lines if line.semester == sem]
        required = [line for line in lines if line.group is ObligationGroup.REQUIREMENT]
        rows.append(SemesterRow(
            semester=sem, held_by_level=dict(levels), held=sum(levels.values()),
            planned=sum(1 for g in in_sem if status_of[g[0]] is GatheringStatus.PLANNED),
            cancelled=sum(1 for g in in_sem if status_of[g[0]] is GatheringStatus.CANCELLED),
            leaders=roles[AttendeeRole.LEADER],
            other_staff=sum(roles[r] for r in (AttendeeRole.PEDAGOGICAL_LEADER, AttendeeRole.KINDERGARTEN_TEACHER,
                                               AttendeeRole.ASSISTANT, AttendeeRole.OTHER)),
            parents=roles[AttendeeRole.PARENTS], ppt=roles[AttendeeRole.PPT],
            logs=len(log_by_semester[sem]), log_participants=sum(r[3] for r in log_by_semester[sem]),
            reached=reach.reached, staff_known=reach.staff, units_half_or_more=reach.units_half_or_more,
            obligations_met=sum(1 for line in required if line.status is ObligationStatus.MET),
            obligations_at_risk=sum(1 for line in required if line.status is ObligationStatus.AT_RISK),
            obligations_missing=sum(1 for line in required if line.status is ObligationStatus.MISSING),
            obligations_planned=sum(1 for line in required if line.status is ObligationStatus.PLANNED),
            advice_follow_up=sum(1 for line in lines if line.status is ObligationStatus.FOLLOW_UP)))

    # Themes of held gatherings
    themes: Counter = Counter()
    for g in gatherings:
        if g[0] in held_ids:
            themes.update({t.strip().casefold() for t in (g[5] or []) if t and t.strip()})
    goal = tuple((t, themes.get(t, 0)) for t in GOAL_THEMES)
    national = tuple((t, themes.get(t, 0)) for t in KINDERGARTEN_THEMES)
    known = set(GOAL_THEMES) | set(KINDERGARTEN_THEMES)
    others, others_more = top_list((t, n) for t, n in themes.items() if t not in known)

    # Mapping
    mapping_text = ((plan_text or {}).get("mapping") or "").strip()
    folded = mapping_text.casefold()
    tools = [t for t in MAPPING_TOOLS if t.casefold() in folded]
    if sessions and "Vignett" not in tools:
        tools.append("Vignett")

    # Session logs
    log_themes = Counter(r[4].strip() for r in logs if r[4])
    log_methods = Counter(r[5].strip() for r in logs if r[5])
    top_themes, top_methods = top_list(log_themes.items()), top_list(log_methods.items())
    return {
        "resource_persons": resource_persons,
        "resource_people": len({a.resource_person_id for a in active_assignments}),
        "networks": tuple(network_lines), "units": unit_figures, "semester_rows": tuple(rows),
        "attendance_by_role": tuple((r.label, by_role[r]) for r in AttendeeRole if by_role[r]),
        "obligations": obligation_rows, "goal_themes": goal, "national_themes": national, "other_themes": others,
        "other_themes_more": others_more,
        "mapping_tools": tuple(tools), "mapping_text": mapping_text,
        "vignette_sessions": len(sessions), "vignette_responses": responses,
        "logs_with_children": sum(1 for r in logs if r[6]), "logs_with_parents": sum(1 for r in logs if r[7]),
        "parent_meetings": sum(1 for gid in held_ids if kind_of[gid] is GatheringKind.PARENT_MEETING),
        "gatherings_with_ppt": len(ppt_gatherings),
        "log_count": len(logs), "log_units": len({r[0] for r in logs}),
        "log_hours": round(sum(r[2] for r in logs) / 60, 1),
        "log_themes": top_themes[0], "log_themes_more": top_themes[1],
        "log_methods": top_methods[0], "log_methods_more": top_methods[1],
        "vignettes": vignette_pairs(store, municipality_id, first, last) if detail else (),
        "semester_rows_have_data": bool(gatherings or logs or sessions),
    }


def top_list(counts, n: int = TOP_N, most: int = TOP_MAX) -> tuple[tuple[tuple[str, int], ...], int]:
    """The `n` most frequent items, most first (then by name), with every item tied with the n-th too —
    up to `most` rows; the second value is how many were left out, which the report says («og 3 til»)."""
    ranked = sorted(counts, key=lambda p: (-p[1], p[0]))
    if len(ranked) <= n:
        return tuple(ranked), 0
    cut = n
    while cut < len(ranked) and ranked[cut][1] == ranked[n - 1][1]:
        cut += 1
    if cut > most:  # too many ties to list: show the ones above the tie, and count the rest
        cut = next((i for i in range(n - 1, -1, -1) if ranked[i][1] != ranked[n - 1][1]), -1) + 1 or n
    return tuple(ranked[:cut]), len(ranked) - cut
