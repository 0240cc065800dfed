"""`nettverkslogg demo`: realistic, deterministic example data for an empty database.

`generate_demo(store, scale, seed)` writes one fictional municipality ("municipality") or a county's
worth of them ("county", for benchmarks) in a single transaction. The same seed always gives the same
rows, ids and timestamps: nothing depends on the wall clock, only on `seed` and `today`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import select

from ..content import ensure_builtin_content
from ..errors import DomainError
from ..i18n import _, ngettext
from ..models import (
    CURRENT_MUNICIPALITY_KEY,
    Attendance,
    Coding,
    Expense,
    Gathering,
    LearningNetwork,
    Municipality,
    Response,
    SessionLog,
    Setting,
    Task,
    Unit,
    VignetteSession,
)
from ..store import Store
from .funds import expenses, grants_and_funding
from .gatherings import COUNTY_TUNING, MUNICIPALITY_TUNING, make_gatherings, shared_calendar
from .logs import make_session_logs
from .plans import PLAN_SECTIONS, make_plan
from .vignettes import load_content, make_vignette_sessions
from .world import PERIOD, build_municipality, county_scale_specs, municipality_scale_specs
from .writer import Writer, stamp

DEMO_TODAY = date(2026, 11, 20)
SCALES = ("municipality", "county")
LOGS_PER_UNIT = {"municipality": (14, 24), "county": (40, 64)}

__all__ = ["DEMO_TODAY", "SCALES", "PLAN_SECTIONS", "DemoSummary", "generate_demo"]


@dataclass(frozen=True)
class DemoSummary:
    """What the generator wrote, counted per kind of row."""

    scale: str
    seed: int
    municipalities: int
    units: int
    networks: int
    gatherings: int
    attendance: int
    tasks: int
    session_logs: int
    vignette_sessions: int
    responses: int
    codings: int
    expenses: int

    def __str__(self) -> str:
        return _("{municipalities}, {units} enheter, {networks} nettverk, {gatherings} samlinger, "
                 "{logs} øktlogger, {responses} vignettsvar og {expenses} utgifter").format(
            municipalities=ngettext("{n} kommune", "{n} kommuner", self.municipalities).format(
                n=self.municipalities),
            units=self.units, networks=self.networks, gatherings=self.gatherings, logs=self.session_logs,
            responses=self.responses, expenses=self.expenses)


def generate_demo(store: Store, scale: str = "municipality", seed: int = 1,
                  progress: Callable[[int, int, str], None] | None = None,
                  cancel: threading.Event | None = None, today: date = DEMO_TODAY) -> DemoSummary:
    """Fill an empty database with example data, all or nothing.

    Raises DomainError if the database already has a municipality, or if `cancel` is set (then
    nothing is stored). `progress(done, total, label)` is called with Norwegian labels.
    """
    if scale not in SCALES:
        raise DomainError(_("Ukjent omfang «{scale}». Velg municipality eller county.").format(scale=scale),
                          field="scale")
    county = scale == "county"
    with store.transaction() as session:
        if session.exec(select(func.count()).select_from(Municipality)).one():
            raise DomainError(_("Databasen har allerede data. Eksempeldata kan bare legges i en tom database."))
        specs = county_scale_specs(seed) if county else municipality_scale_specs()
        w = Writer(session, today, progress, cancel, total_steps=2 + 5 * len(specs))
        w.step(_("Legger inn innebygd innhold"), 0)
        ensure_builtin_content(session)
        content = load_content(session)
        w.step(_("Legger inn innebygd innhold"))

        used_people: set[str] = set()
        shared_person: dict = {}
        munis = []
        for index, spec in enumerate(specs):
            munis.append(build_municipality(w, seed, index, spec, used_people, shared_person))
            w.step(_("Lager kommuner og enheter"))

        calendar = shared_calendar(seed, munis[0].semesters)
        tuning = COUNTY_TUNING if county else MUNICIPALITY_TUNING
        summaries = []
        for muni in munis:
            summaries.append(make_gatherings(w, seed, muni, calendar, tuning))
            w.step(_("Lager samlinger"))

        for muni in munis:
            make_session_logs(w, seed, muni, LOGS_PER_UNIT[scale])
            w.step(_("Lager øktlogger"))

        for muni, summary in zip(munis, summaries, strict=True):
            make_vignette_sessions(w, seed, muni, content, summary.meetings, county)
            w.step(_("Lager vignettøkter"))

        shares = _shared_grants(munis) if county else {}
        for muni, summary in zip(munis, summaries, strict=True):
            grant, own = grants_and_funding(w, seed, muni, shares.get(muni.index))
            expenses(w, seed, muni, summary, grant)
            make_plan(w, seed, muni, grant, own, versions=2 if muni.index == 0 or muni.index % 3 else 1)
            w.step(_("Lager økonomi og planer"))

        _current_municipality(w, munis[0].id.hex)
        w.flush()
        w.step(_("Lagrer"))
        counts = {model: w.count(model) for model in (
            Municipality, Unit, LearningNetwork, Gathering, Attendance, Task, SessionLog, VignetteSession,
            Response, Coding, Expense)}
    return DemoSummary(
        scale=scale, seed=seed, municipalities=counts[Municipality], units=counts[Unit],
        networks=counts[LearningNetwork], gatherings=counts[Gathering], attendance=counts[Attendance],
        tasks=counts[Task], session_logs=counts[SessionLog], vignette_sessions=counts[VignetteSession],
        responses=counts[Response], codings=counts[Coding], expenses=counts[Expense])


def _shared_grants(munis) -> dict[int, tuple[int, str]]:
    """The two smallest municipalities with both roles apply together and share their grants."""
    both = sorted((m for m in munis[1:] if m.kindergarten_authority and m.school_owner),
                  key=lambda m: (m.inhabitants, m.index))[:2]
    if len(both) < 2:
        return {}
    a, b = both
    return {a.index: (50, f"{b.name} kommune"), b.index: (50, f"{a.name} kommune")}


def _current_municipality(w: Writer, value: str) -> None:
    when = stamp(PERIOD[0], w.today, 8)
    row = w.session.get(Setting, CURRENT_MUNICIPALITY_KEY)
    if row is None:
        w.add(Setting, {"key": CURRENT_MUNICIPALITY_KEY, "value": value, "updated_at": when})
    else:
        row.value, row.updated_at = value, when
