"""The figures of a report to the county governor (DOMAIN.md §5), computed from the data, as one frozen
read model that the PDF, the workbook and the archive all use.

`collect_report(store, municipality_id, kind, semester, today)`:

* **midterm** (underveisrapport): one semester (`semester`) or, without it, the period so far (every
  semester that has started by `today`);
* **final** (sluttrapport): the whole period;
* **funds** (bruk av midler): the funds statement for the whole period (the other sections empty).

A semester outside the period raises DomainError. A municipality without participation or without any
recorded work gives a ReportData whose `empty_reason` says so, never an exception.

Aggregates only (DOMAIN.md §8): counts per role, unit kind, theme and method; no names of people, no
text from session logs or vignette answers. The resource person's own texts (experiences, development,
continuation) are not figures: they travel beside the ReportData and are saved with the snapshot.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import select

from ..enums import ExpenseCategory, FundingSource, ParticipantRole, ReportKind
from ..errors import DomainError
from ..formatting import format_date, format_kroner, format_long_date
from ..i18n import _
from ..models import (
    Municipality,
    Participation,
    ParticipationRead,
)
from ..rules import granted_amount
from ..semesters import semester_bounds, semester_label
from ..store import Store
from .common import require
from .report_context import ReportContextFigures, collect_context

#: Keys of the resource person's own texts, in the order they appear in the report, with their titles.
TEXT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("experiences", "Erfaringer fra arbeidet"),
    ("development", "Utvikling i barnehager og skoler"),
    ("continuation", "Videre arbeid etter perioden"),
)
#: Mapping tools the plan's mapping section is searched for (case-insensitive).
MAPPING_TOOLS = ("Elevundersøkelsen", "Ståstedsanalysen", "RefLex", "Foreldreundersøkelsen",
                 "Barnehagefaktaark", "Observasjon", "Vignett")
#: How many themes and working methods a top list shows; ties with the last are shown too, up to TOP_MAX
#: rows, and the rest is counted («og 3 til»), never dropped without a word.
TOP_N = 8
TOP_MAX = 12


def text_titles() -> dict[str, str]:
    return {key: _(title) for key, title in TEXT_SECTIONS}


@dataclass(frozen=True)
class NetworkLine:
    name: str
    target: str  # label
    leader: str
    kindergartens: int
    schools: int
    others: int


@dataclass(frozen=True)
class UnitFigures:
    """The units the report counts: those that took part in its semesters (units.took_part), archived or
    not; `archived` says how many of them are archived now. Every unit figure uses this one set."""

    total: int = 0
    kindergartens: int = 0
    schools: int = 0
    others: int = 0
    public: int = 0
    private: int = 0
    primary: int = 0  # schools with barnetrinn (1–7 or 1–10)
    lower_secondary: int = 0  # schools with ungdomstrinn (8–10 or 1–10)
    in_networks: int = 0
    active: int = 0  # units with a session log or attendance in the report's semesters
    staff: int = 0  # registered staff of all units
    public_kindergartens: int = 0
    private_kindergartens: int = 0
    public_schools: int = 0
    private_schools: int = 0
    public_others: int = 0
    private_others: int = 0
    archived: int = 0  # archived units counted because they took part in the report's semesters


@dataclass(frozen=True)
class SemesterRow:
    semester: str
    held_by_level: dict[str, int]  # GatheringLevel value → gatherings held
    held: int
    planned: int
    cancelled: int
    leaders: int  # attendance of leaders (styrer/rektor) at held gatherings
    other_staff: int  # other staff attendance
    parents: int
    ppt: int
    logs: int
    log_participants: int  # sum of staff_present over the semester's logs
    reached: int  # distinct staff reached (lower bound, see reach.py)
    staff_known: int
    units_half_or_more: int
    obligations_met: int  # requirements of the grant letter only (ObligationGroup.REQUIREMENT)
    obligations_at_risk: int
    obligations_missing: int
    obligations_planned: int = 0  # requirements with a gathering planned, not yet held (never met)
    advice_follow_up: int = 0  # advice from Nettverkslogg not followed


@dataclass(frozen=True)
class ObligationRow:
    semester: str
    obligation: str  # label
    status: str  # ObligationStatus value
    status_label: str
    reason: str
    group: str = "requirement"  # ObligationGroup value


@dataclass(frozen=True)
class VignetteChange:
    dimension: str
    code: str
    before_n: int
    before: float | None
    after_n: int
    after: float | None
    biggest: bool  # the code with the largest change in its dimension (charted)


@dataclass(frozen=True)
class VignettePair:
    vignette: str
    before_title: str
    before_on: date
    after_title: str
    after_on: date
    changes: tuple[VignetteChange, ...]
    means: tuple[tuple[str, float | None, float | None], ...]  # label, before, after
    warnings: tuple[str, ...]
    network: str = ""  # both sessions are in this network (see report_vignettes)
    before_coded: int = 0  # coded answers in each session
    after_coded: int = 0


@dataclass(frozen=True)
class FundsLine:
    category: str  # ExpenseCategory value
    label: str
    grant: int
    own: int

    @property
    def total(self) -> int:
        return self.grant + self.own


@dataclass(frozen=True)
class FundsFigures:
    """Money, bounded by the report's time (see `report_bounds`).

    `spent*`, `lines`, `own` and `own_by_semester` cover the report's semesters («i semesteret» /
    «i perioden»); `*_to_date` run from the start of the period to `as_of` («hittil per <dato>»).
    `granted` is the sum of the grant rows as shown (`grants`)."""

    granted: int = 0
    own: int = 0  # own financing entered for the report's semesters
    own_total: int = 0  # own financing entered for the whole period
    own_to_date: int = 0  # for the semesters up to and including the report's last
    spent: int = 0
    spent_from_grant: int = 0
    spent_from_own: int = 0
    lines: tuple[FundsLine, ...] = ()
    grants: tuple[tuple[str, int, int, int], ...] = ()  # basis label, amount, share %, granted
    own_by_semester: tuple[tuple[str, int], ...] = ()
    warning: str | None = None
    first: date | None = None  # the first day the report covers
    as_of: date | None = None  # the last day the figures run to
    spent_to_date: int = 0
    spent_to_date_from_grant: int = 0
    spent_to_date_from_own: int = 0

    @property
    def remaining(self) -> int:
        """What is left of the grant on `as_of`."""
        return self.granted - self.spent_to_date_from_grant

    @property
    def running(self) -> bool:
        """True when the report starts after the period does, so the running total differs from the
        report's own figures and both are shown."""
        return self.spent_to_date != self.spent or self.own_to_date != self.own


@dataclass(frozen=True)
class ReportData:
    kind: ReportKind
    municipality: str
    number: str
    county: str
    cohort: int | None
    period_start: date | None
    period_end: date | None
    semester: str | None
    semesters: tuple[str, ...]  # the semesters the figures cover
    today: date
    roles: tuple[str, ...] = ()  # barnehagemyndighet / skoleeier labels
    resource_persons: tuple[tuple[str, int], ...] = ()  # area label, position % (no names)
    resource_people: int = 0
    networks: tuple[NetworkLine, ...] = ()
    units: UnitFigures = field(default_factory=UnitFigures)
    semester_rows: tuple[SemesterRow, ...] = ()
    attendance_by_role: tuple[tuple[str, int], ...] = ()  # role label, attendance at held gatherings
    obligations: tuple[ObligationRow, ...] = ()
    goal_themes: tuple[tuple[str, int], ...] = ()  # forebygge/avdekke/håndtere → gatherings
    national_themes: tuple[tuple[str, int], ...] = ()
    other_themes: tuple[tuple[str, int], ...] = ()
    other_themes_more: int = 0  # themes left out of the list (see TOP_N)
    mapping_tools: tuple[str, ...] = ()
    mapping_text: str = ""
    vignette_sessions: int = 0
    vignette_responses: int = 0
    logs_with_children: int = 0
    logs_with_parents: int = 0
    parent_meetings: int = 0
    gatherings_with_ppt: int = 0
    log_count: int = 0
    log_units: int = 0
    log_hours: float = 0.0
    log_themes: tuple[tuple[str, int], ...] = ()
    log_methods: tuple[tuple[str, int], ...] = ()
    log_themes_more: int = 0
    log_methods_more: int = 0
    vignettes: tuple[VignettePair, ...] = ()
    funds: FundsFigures = field(default_factory=FundsFigures)
    empty_reason: str | None = None
    context: ReportContextFigures = field(default_factory=ReportContextFigures)  # report_context.py
    covers_until: date | None = None  # the last day of the report's semesters (within the period)
    as_of: date | None = None  # the last day its figures run to: covers_until, or the day it was made

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def has_data(self) -> bool:
        return self.empty_reason is None

    @property
    def period_label(self) -> str:
        if self.period_start is None or self.period_end is None:
            return ""
        return f"{format_date(self.period_start)}–{format_date(self.period_end)}"

    @property
    def scope_label(self) -> str:
        """What the figures cover: «høsten 2025», «høsten 2025–våren 2026» or the period."""
        if not self.semesters:
            return ""
        if len(self.semesters) == 1:
            return semester_label(self.semesters[0])
        return f"{semester_label(self.semesters[0])} – {semester_label(self.semesters[-1])}"

    @property
    def scope_word(self) -> str:
        """«i semesteret» for one semester, «i perioden» for more."""
        return _("i semesteret") if len(self.semesters) == 1 else _("i perioden")

    @property
    def is_open(self) -> bool:
        """Made before the last day it covers: the figures run to `as_of`, not to the end."""
        return self.as_of is not None and self.covers_until is not None and self.as_of < self.covers_until

    @property
    def time_notice(self) -> str | None:
        """The notice on the cover and in the e-mail when the report is made before its time is over."""
        if not self.is_open or not self.has_data:
            return None
        if self.kind is ReportKind.MIDTERM and len(self.semesters) == 1:
            text = _("Semesteret er ikke avsluttet; tallene gjelder til {day}.")
        else:
            text = _("Perioden er ikke avsluttet; tallene gjelder til {day}.")
        return text.format(day=format_long_date(self.as_of))

    @property
    def gatherings_held(self) -> int:
        return sum(r.held for r in self.semester_rows)

    def figures(self) -> dict:
        """Everything as JSON-friendly data, for the archive snapshot."""
        data = asdict(self)
        data["kind"] = self.kind.value
        return _jsonable(data)


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _report_semesters(part: ParticipationRead, kind: ReportKind, semester: str | None, today: date) -> list[str]:
    semesters = part.semesters
    if semester is not None:
        semester = semester.strip().upper()
        semester_bounds(semester)  # the form 2026V, with its own message
        if semester not in semesters:
            raise DomainError(_("{semester} er utenfor perioden ({first}–{last}).").format(
                semester=semester, first=semesters[0], last=semesters[-1]), field="semester")
        if kind is ReportKind.MIDTERM:
            return [semester]
    if kind is ReportKind.MIDTERM:
        started = [s for s in semesters if semester_bounds(s)[0] <= today]
        return started or semesters[:1]
    return list(semesters)


def collect_report(store: Store, municipality_id: uuid.UUID, kind: ReportKind | str, semester: str | None = None,
                   today: date | None = None, *, detail: bool = True) -> ReportData:
    """The report's figures; see the module docstring. `detail=False` is the lighter set a county-wide
    run needs (no vignette before/after comparisons)."""
    from .report_parts import collect_parts

    kind = ReportKind(kind)
    today = today or date.today()
    with store.reader() as session:
        muni = require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        part_row = session.exec(select(Participation).where(Participation.municipality_id == municipality_id)).first()
        part = ParticipationRead.model_validate(part_row) if part_row is not None else None
    base = {"kind": kind, "municipality": muni.name, "number": muni.number, "county": muni.county, "today": today}
    if part is None:
        if semester:
            raise DomainError(_("{name} har ingen deltakelsesperiode, så det finnes ingen semestre å rapportere "
                                "for.").format(name=muni.name), field="semester")
        return ReportData(**base, cohort=None, period_start=None, period_end=None, semester=None, semesters=(),
                          empty_reason=_("{name} har ikke registrert deltakelse i tilbudet ennå, så rapporten har "
                                         "ingen tall.").format(name=muni.name))
    semesters = _report_semesters(part, kind, semester, today)
    first, last, as_of = report_bounds(part, semesters, today)
    base |= {"cohort": part.cohort, "period_start": part.period_start, "period_end": part.period_end,
             "semester": semester.strip().upper() if semester else None, "semesters": tuple(semesters),
             "covers_until": last, "as_of": as_of}
    roles = tuple(label for flag, label in ((part.kindergarten_authority, _("barnehagemyndighet")),
                                            (part.school_owner, _("skoleeier")),
                                            (part.independent_school, _("frittstående skole"))) if flag)
    base["roles"] = roles
    if today < first:
        return ReportData(**base, empty_reason=_not_started(part, semesters, first))
    funds = _funds(store, part, semesters, today)
    if kind is ReportKind.FUNDS:
        empty = None if (funds.granted or funds.spent or funds.own) else _(
            "Det er ikke registrert tilskudd, egenfinansiering eller utgifter for {name} ennå.").format(name=muni.name)
        return ReportData(**base, funds=funds, empty_reason=empty)
    parts = collect_parts(store, municipality_id, part, semesters, today, detail=detail)
    empty = None
    if parts["units"].total == 0 and not parts["semester_rows_have_data"]:
        empty = _("Det er ikke registrert enheter, samlinger eller øktlogger for {name} i {scope} ennå, så "
                  "rapporten har ingen tall å vise.").format(
            name=muni.name, scope=semester_label(semesters[0]) if len(semesters) == 1 else _("perioden"))
    parts.pop("semester_rows_have_data")
    context = collect_context(store, municipality_id, semesters) if detail else ReportContextFigures()
    return ReportData(**base, **parts, funds=funds, empty_reason=empty, context=context)


def _not_started(part: ParticipationRead, semesters: list[str], first: date) -> str:
    if first <= part.period_start:
        return _("Perioden starter {day}, så det finnes ingen tall å rapportere ennå.").format(
            day=format_long_date(part.period_start))
    return _("{semester} har ikke begynt ennå (starter {day}), så det finnes ingen tall å rapportere.").format(
        semester=semester_label(semesters[0]).capitalize(), day=format_long_date(first))


def collect_county_reports(store: Store, kind: ReportKind | str, semester: str | None = None,
                           today: date | None = None) -> list[ReportData]:
    """Every municipality's figures for one county-wide report, without the vignette comparisons."""
    from .municipalities import list_municipalities

    return [collect_report(store, m.id, kind, semester, today, detail=False) for m in list_municipalities(store)]


def _funds(store: Store, part: ParticipationRead, semesters: list[str], today: date) -> FundsFigures:
    """The money, bounded by the report's semesters (see `report_bounds`): what was spent in them, and the
    running total from the start of the period to the same day, so a closed semester reads the same
    whatever the print date."""
    from ..models import Grant, OwnFunding
    from .funds import load_funds, summarise

    first, last, as_of = report_bounds(part, semesters, today)
    with store.reader() as session:
        grants = session.exec(select(Grant).where(Grant.participation_id == part.id)
                              .order_by(Grant.basis, Grant.created_at)).all()
        grant_rows = tuple((ParticipantRole(g.basis).label, g.amount_nok,
                            g.share_percent, granted_amount(g.amount_nok, g.share_percent)) for g in grants)
        own_rows = session.exec(select(OwnFunding.semester, func.sum(OwnFunding.amount_nok))
                                .where(OwnFunding.participation_id == part.id).group_by(OwnFunding.semester)).all()
        row = session.get(Participation, part.id)
        data = load_funds(session, row)
    # Past the period's end the summary is judged on the day (money left over is warned about);
    # otherwise on the report's last day.
    summary = summarise(data, today if last >= part.period_end and today > part.period_end else as_of)
    from_grant: dict[ExpenseCategory, int] = defaultdict(int)
    from_own: dict[ExpenseCategory, int] = defaultdict(int)
    to_date = {"grant": 0, "own": 0}
    for day, category, source, amount in data.spent_by_day:
        if day > as_of:
            continue
        source = "own" if source == FundingSource.OWN else "grant"
        to_date[source] += amount
        if day >= first:
            (from_grant if source == "grant" else from_own)[ExpenseCategory(category)] += amount
    lines = tuple(FundsLine(c.value, c.label, from_grant.get(c, 0), from_own.get(c, 0)) for c in ExpenseCategory
                  if c is not ExpenseCategory.OTHER or from_grant.get(c) or from_own.get(c))
    own = {sem: int(amount) for sem, amount in own_rows}
    scope = set(semesters)
    granted = sum(r[3] for r in grant_rows)
    own_total = sum(own.values())
    warning = summary.warning
    spent_total = sum(to_date.values())
    if spent_total > granted + own_total:
        warning = _("Utgiftene hittil ({spent}) er høyere enn tilskudd og egenfinansiering til sammen "
                    "({available}). Sjekk beløpene.").format(spent=format_kroner(spent_total),
                                                            available=format_kroner(granted + own_total))
    return FundsFigures(
        granted=granted, own=sum(a for sem, a in own.items() if sem in scope), own_total=own_total,
        own_to_date=sum(a for sem, a in own.items() if _semester_order(sem) <= _semester_order(semesters[-1])),
        spent=sum(from_grant.values()) + sum(from_own.values()), spent_from_grant=sum(from_grant.values()),
        spent_from_own=sum(from_own.values()), lines=lines, grants=grant_rows,
        own_by_semester=tuple(sorted(((sem, a) for sem, a in own.items() if sem in scope),
                                     key=lambda p: _semester_order(p[0]))),
        warning=warning, first=first, as_of=as_of, spent_to_date=spent_total,
        spent_to_date_from_grant=to_date["grant"], spent_to_date_from_own=to_date["own"])


def _semester_order(semester: str) -> tuple[int, int]:
    return int(semester[:4]), 0 if semester[4] == "V" else 1


def report_bounds(part: ParticipationRead, semesters: list[str], today: date) -> tuple[date, date, date]:
    """(first day, last day, as-of day) of what a report covers: its semesters within the period, and
    the day its figures run to — the last day, or today if the report is made before that day."""
    first = max(semester_bounds(semesters[0])[0], part.period_start)
    last = min(semester_bounds(semesters[-1])[1], part.period_end)
    return first, last, min(today, last)
