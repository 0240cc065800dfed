"""The obligations overview: for each semester of the period, is each programme obligation met?

Each line is met / planned / at risk / missing / follow up / not applicable, with a one-line Norwegian
reason and the page where it is fixed.

Two groups (`Obligation.group`): the requirements of Udir's grant letter (fagdag, regional gathering,
start-up gathering, resource persons) and the app's own advice (both school stages, which Udir only
recommends; the plan updated; the funds on pace). Advice is met, «Bør følges opp» or not applicable,
never «I fare» or «Mangler» (the rules below say missing/at risk; for advice both read «Bør følges
opp»). A gathering planned for a day ahead is «Planlagt» (`planned`), never met: only a held gathering
meets a requirement.

The rules, per semester (a semester is past once its last day is before `today`, future while its first
day is after `today`, otherwise current):

* National specialist day — met when a fagdag in the semester is registered as held with the owner
  level present (attendance with role "owner"); planned when one is planned for a day still ahead; a held
  fagdag without the owner level, a planned one whose day has passed, or none at all is missing in a
  past semester and at risk in the current or a future one.
* Regional gathering — the same, without the owner-level requirement.
* Local start-up gathering (once in the period) — met in the semester it was held (planned if it is
  planned for a day ahead); not applicable in every other semester once it is held or planned; if there is none,
  missing in past semesters, at risk in the current one (and in the first semester when the period has
  not started), not applicable in later future semesters.
* Resource persons — met when the 20 % + 20 % rule holds every month of the semester; missing if a
  month that has ended fails, at risk if only the current or coming months fail (see
  resource_persons.check_resource_rule).
* Both school stages — school owners only (else not applicable): met when the participating (not
  archived) schools include barnetrinn (1–7 or 1–10) and ungdomstrinn (8–10 or 1–10); else missing,
  or at risk in a future semester.
* Plan updated — met when a plan version was saved within the semester; else missing (past), at risk
  (current) or not applicable (future).
* Funds on track — the spending-pace rule of funds.summarise, judged at the end of a past semester
  (missing if it warns) or today in the current one (at risk if it warns); not applicable in the future.

Eight queries in all, whatever the size of the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func
from sqlmodel import Session, select

from ..enums import AttendeeRole, GatheringKind, GatheringStatus, LabelledEnum, Stages, UnitKind
from ..errors import DomainError
from ..formatting import format_date, format_kroner
from ..i18n import _, ngettext
from ..models import Attendance, Gathering, Participation, ParticipationRead, Plan, PlanVersion, Unit
from ..semesters import semester_bounds, semester_label, semester_of
from ..store import Store
from .common import local_date, participation_row
from .funds import FundsData, load_funds, summarise
from .resource_persons import MonthCheck, rule_months


class Obligation(LabelledEnum):
    NATIONAL_SPECIALIST_DAY = "national_specialist_day"
    REGIONAL_GATHERING = "regional_gathering"
    LOCAL_STARTUP = "local_startup"
    RESOURCE_PERSONS = "resource_persons"
    SCHOOL_STAGES = "school_stages"
    PLAN_UPDATED = "plan_updated"
    FUNDS_ON_TRACK = "funds_on_track"

    @classmethod
    def _labels(cls):
        return {"national_specialist_day": "Nasjonal fagdag med eiernivået",
                "regional_gathering": "Regional samling", "local_startup": "Lokal oppstartssamling",
                "resource_persons": "Ressurspersoner (20 % + 20 %)",
                "school_stages": "Barnetrinn og ungdomstrinn er med", "plan_updated": "Planen oppdatert",
                "funds_on_track": "Midlene i rute"}


    @property
    def group(self) -> ObligationGroup:
        """Udir's requirement (the grant letter) or the app's own advice."""
        return ObligationGroup.ADVICE if self in ADVICE else ObligationGroup.REQUIREMENT


class ObligationGroup(LabelledEnum):
    REQUIREMENT = "requirement"
    ADVICE = "advice"

    @classmethod
    def _labels(cls):
        return {"requirement": "Krav i tilskuddsbrevet", "advice": "Råd fra Nettverkslogg"}


#: What Udir only recommends or what the app itself suggests; never «I fare», never counted as a requirement.
ADVICE = frozenset({Obligation.SCHOOL_STAGES, Obligation.PLAN_UPDATED, Obligation.FUNDS_ON_TRACK})


class ObligationStatus(LabelledEnum):
    MET = "met"
    PLANNED = "planned"  # a gathering is planned for a day ahead: not met until it is held
    AT_RISK = "at_risk"
    MISSING = "missing"
    FOLLOW_UP = "follow_up"  # advice not followed (the advice group's only "not met")
    NOT_APPLICABLE = "not_applicable"

    @classmethod
    def _labels(cls):
        return {"met": "Oppfylt", "planned": "Planlagt", "at_risk": "I fare", "missing": "Mangler",
                "follow_up": "Bør følges opp", "not_applicable": "Gjelder ikke"}


#: The page (a short key the UI navigates by) where each obligation is put right.
FIX_TARGETS = {
    Obligation.NATIONAL_SPECIALIST_DAY: "planning.gatherings", Obligation.REGIONAL_GATHERING: "planning.gatherings",
    Obligation.LOCAL_STARTUP: "planning.gatherings", Obligation.RESOURCE_PERSONS: "planning.resource_persons",
    Obligation.SCHOOL_STAGES: "planning.units", Obligation.PLAN_UPDATED: "planning.plan",
    Obligation.FUNDS_ON_TRACK: "funds",
}

MET, PLANNED, AT_RISK, MISSING, NOT_APPLICABLE = (
    ObligationStatus.MET, ObligationStatus.PLANNED, ObligationStatus.AT_RISK, ObligationStatus.MISSING,
    ObligationStatus.NOT_APPLICABLE)


@dataclass(frozen=True)
class ObligationLine:
    semester: str
    obligation: Obligation
    status: ObligationStatus
    reason: str
    fix_target: str

    @property
    def group(self) -> ObligationGroup:
        return self.obligation.group


@dataclass(frozen=True)
class _Gathering:
    kind: str
    status: str
    day: date
    owner: int


@dataclass(frozen=True)
class _Semester:
    name: str
    first: date
    last: date
    phase: str  # "past", "current" or "future"
    is_first: bool

    def pick(self, past: ObligationStatus, current: ObligationStatus, future: ObligationStatus) -> ObligationStatus:
        return {"past": past, "current": current, "future": future}[self.phase]


@dataclass(frozen=True)
class _Facts:
    part: Participation
    gatherings: list[_Gathering]
    months: list[MonthCheck]
    stages: dict[str | None, int]
    plan_days: list[date]
    funds: FundsData
    today: date


def _load(session: Session, part: Participation, today: date) -> _Facts:
    owner = func.coalesce(func.sum(case((Attendance.role == AttendeeRole.OWNER.value, Attendance.count), else_=0)), 0)
    kinds = [GatheringKind.NATIONAL_SPECIALIST_DAY.value, GatheringKind.REGIONAL_GATHERING.value,
             GatheringKind.LOCAL_STARTUP.value]
    rows = session.exec(
        select(Gathering.kind, Gathering.status, Gathering.starts_at, owner)
        .outerjoin(Attendance, Attendance.gathering_id == Gathering.id)
        .where(Gathering.municipality_id == part.municipality_id, Gathering.kind.in_(kinds))
        .group_by(Gathering.id, Gathering.kind, Gathering.status, Gathering.starts_at)
        .order_by(Gathering.starts_at)).all()
    gatherings = [_Gathering(k, s, at.date(), int(o)) for k, s, at, o in rows]
    stages = dict(session.exec(
        select(Unit.stages, func.count()).where(
            Unit.municipality_id == part.municipality_id, Unit.archived == False,  # noqa: E712
            Unit.kind.in_([UnitKind.SCHOOL.value, UnitKind.COMBINED.value])).group_by(Unit.stages)).all())
    plan_days = sorted(local_date(at) for at in session.exec(
        select(PlanVersion.created_at).join(Plan, Plan.id == PlanVersion.plan_id)
        .where(Plan.participation_id == part.id)).all())
    return _Facts(part, gatherings, rule_months(session, part), stages, plan_days, load_funds(session, part), today)


def _gathering_line(facts: _Facts, sem: _Semester, kind: GatheringKind, need_owner: bool, noun: str) -> tuple:
    today = facts.today
    found = [g for g in facts.gatherings if g.kind == kind and sem.first <= g.day <= sem.last]
    held = [g for g in found if g.status == GatheringStatus.HELD]
    good = [g for g in held if g.owner > 0 or not need_owner]
    planned = [g for g in found if g.status == GatheringStatus.PLANNED]
    if good:
        text = _("Deltok {day} med eiernivået.") if need_owner else _("Deltok {day}.")
        return MET, text.format(day=format_date(good[0].day))
    if held:
        return sem.pick(MISSING, AT_RISK, AT_RISK), _("{noun} {day} er registrert uten noen fra eiernivået.").format(
            noun=noun, day=format_date(held[0].day))
    ahead = [g for g in planned if g.day >= today]
    if ahead:
        return PLANNED, _("Planlagt {day}, ikke holdt ennå.").format(day=format_date(ahead[0].day))
    if planned:
        return sem.pick(MISSING, AT_RISK, AT_RISK), _(
            "{noun} {day} er ikke registrert som gjennomført.").format(noun=noun, day=format_date(planned[0].day))
    cancelled = [g for g in found if g.status == GatheringStatus.CANCELLED]
    if cancelled:
        return sem.pick(MISSING, AT_RISK, AT_RISK), _("{noun} {day} ble avlyst, og ingen annen er lagt inn.").format(
            noun=noun, day=format_date(cancelled[0].day))
    return sem.pick(MISSING, AT_RISK, AT_RISK), _("Ingen {noun} er lagt inn for {semester}.").format(
        noun=noun.lower(), semester=semester_label(sem.name))


def _national(facts: _Facts, sem: _Semester) -> tuple:
    return _gathering_line(facts, sem, GatheringKind.NATIONAL_SPECIALIST_DAY, True, _("Fagdag"))


def _regional(facts: _Facts, sem: _Semester) -> tuple:
    return _gathering_line(facts, sem, GatheringKind.REGIONAL_GATHERING, False, _("Regional samling"))


def _startup(facts: _Facts, sem: _Semester) -> tuple:
    found = [g for g in facts.gatherings if g.kind == GatheringKind.LOCAL_STARTUP]
    held = [g for g in found if g.status == GatheringStatus.HELD]
    planned = [g for g in found if g.status == GatheringStatus.PLANNED]
    if held:
        day = held[0].day
        return (MET if semester_of(day) == sem.name else NOT_APPLICABLE), _("Holdt {day}.").format(
            day=format_date(day))
    if planned:
        day = planned[0].day
        if semester_of(day) != sem.name:
            return NOT_APPLICABLE, _("Planlagt {day}.").format(day=format_date(day))
        if day >= facts.today:
            return PLANNED, _("Planlagt {day}, ikke holdt ennå.").format(day=format_date(day))
        return sem.pick(MISSING, AT_RISK, AT_RISK), _("Oppstartssamlingen {day} er ikke registrert som "
                                                      "gjennomført.").format(day=format_date(day))
    if sem.phase == "future" and not sem.is_first:
        return NOT_APPLICABLE, _("Holdes én gang, tidlig i perioden.")
    return sem.pick(MISSING, AT_RISK, AT_RISK), _("Ingen lokal oppstartssamling er holdt eller planlagt.")


def _resource_persons(facts: _Facts, sem: _Semester) -> tuple:
    months = [m for m in facts.months if sem.first <= m.month <= sem.last]
    failing = [m for m in months if not m.met]
    if not failing:
        return MET, _("Minst 20 % per område i alle {n} månedene.").format(n=len(months))
    ended = [m for m in failing if (m.month + timedelta(days=32)).replace(day=1) <= facts.today]
    more = len(failing) - 1
    reason = failing[0].reason if not more else " ".join([failing[0].reason, ngettext(
        "Også {n} måned til.", "Også {n} måneder til.", more).format(n=more)])
    return (MISSING if ended else AT_RISK), reason


def _schools(n: int) -> str:
    return ngettext("{n} skole", "{n} skoler", n).format(n=n)


def _school_stages(facts: _Facts, sem: _Semester) -> tuple:
    if not facts.part.school_owner:
        return NOT_APPLICABLE, _("Gjelder bare skoleeiere.")
    primary = facts.stages.get(Stages.PRIMARY.value, 0) + facts.stages.get(Stages.BOTH.value, 0)
    lower = facts.stages.get(Stages.LOWER_SECONDARY.value, 0) + facts.stages.get(Stages.BOTH.value, 0)
    if primary and lower:
        return MET, _("Barnetrinn: {p}, ungdomstrinn: {u}.").format(p=_schools(primary), u=_schools(lower))
    lacking = [_("barnetrinn")] if not primary else []
    lacking += [_("ungdomstrinn")] if not lower else []
    reason = _("Ingen deltakende skoler med {stages}.").format(stages=_(" eller ").join(lacking))
    unknown = facts.stages.get(None, 0)
    if unknown:
        reason += " " + ngettext("{n} skole mangler trinn.", "{n} skoler mangler trinn.", unknown).format(n=unknown)
    return sem.pick(MISSING, MISSING, AT_RISK), reason


def _plan(facts: _Facts, sem: _Semester) -> tuple:
    days = [d for d in facts.plan_days if sem.first <= d <= sem.last]
    if days:
        return MET, _("Ny versjon lagret {day}.").format(day=format_date(days[-1]))
    if sem.phase == "future":
        return NOT_APPLICABLE, _("Vurderes når semesteret er i gang.")
    if sem.phase == "past":
        return MISSING, _("Planen ble ikke oppdatert {semester}.").format(semester=semester_label(sem.name))
    return AT_RISK, _("Planen er ikke oppdatert ennå {semester}.").format(semester=semester_label(sem.name))


def _funds(facts: _Facts, sem: _Semester) -> tuple:
    if sem.phase == "future":
        return NOT_APPLICABLE, _("Vurderes når semesteret er i gang.")
    summary = summarise(facts.funds, sem.last if sem.phase == "past" else facts.today)
    if summary.warning:
        return sem.pick(MISSING, AT_RISK, AT_RISK), summary.warning
    return MET, _("Brukt {spent} av {available}.").format(spent=format_kroner(summary.spent_nok),
                                                          available=format_kroner(summary.available_nok))


_RULES: dict[Obligation, Callable[[_Facts, _Semester], tuple]] = {
    Obligation.NATIONAL_SPECIALIST_DAY: _national, Obligation.REGIONAL_GATHERING: _regional,
    Obligation.LOCAL_STARTUP: _startup, Obligation.RESOURCE_PERSONS: _resource_persons,
    Obligation.SCHOOL_STAGES: _school_stages, Obligation.PLAN_UPDATED: _plan, Obligation.FUNDS_ON_TRACK: _funds,
}


def obligations_status(store: Store, municipality_id: uuid.UUID, semester: str | None = None,
                       today: date | None = None) -> list[ObligationLine]:
    """Every obligation for every semester of the period (or just `semester`), as of `today`."""
    today = today or date.today()
    with store.reader() as session:
        part = participation_row(session, municipality_id)
        semesters = ParticipationRead.model_validate(part).semesters
        if semester is not None:
            semester_bounds(semester)  # the form: 2026V
            if semester not in semesters:
                raise DomainError(_("{semester} er utenfor perioden ({first}–{last}).").format(
                    semester=semester, first=semesters[0], last=semesters[-1]), field="semester")
        facts = _load(session, part, today)
    lines = []
    for index, name in enumerate(semesters):
        if semester is not None and name != semester:
            continue
        first, last = semester_bounds(name)
        first, last = max(first, part.period_start), min(last, part.period_end)
        phase = "past" if last < today else "future" if first > today else "current"
        sem = _Semester(name, first, last, phase, index == 0)
        for obligation, rule in _RULES.items():
            status, reason = rule(facts, sem)
            if obligation.group is ObligationGroup.ADVICE and status in (AT_RISK, MISSING):
                status = ObligationStatus.FOLLOW_UP
            lines.append(ObligationLine(name, obligation, status, reason, FIX_TARGETS[obligation]))
    return lines
