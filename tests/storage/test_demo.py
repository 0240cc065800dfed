"""The demo generator: realistic counts, determinism, all-or-nothing, and data that passes the checks."""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import func, text
from sqlmodel import select

from storage.db import integrity_problems
from storage.demo import DEMO_TODAY, PLAN_SECTIONS, DemoSummary, generate_demo
from storage.enums import ExpenseCategory, GatheringKind, GatheringStatus
from storage.errors import DomainError
from storage.models import (
    CURRENT_MUNICIPALITY_KEY,
    Attendance,
    Coding,
    Expense,
    Gathering,
    Grant,
    Municipality,
    OwnFunding,
    Participation,
    PlanVersion,
    Response,
    SessionLog,
    Task,
    Unit,
    VignetteSession,
)
from storage.semesters import semester_of, semesters_between
from storage.services.municipalities import create_municipality
from storage.services.overview import check_database
from storage.services.plans import PLAN_SECTIONS as SERVICE_SECTIONS
from storage.services.resource_persons import resource_rule_by_month
from storage.services.settings import read_setting
from storage.store import Store
from storage.urls import resolve_url

from .conftest import MUNICIPALITY, PARTICIPATION


@pytest.fixture
def another_store(template_db, tmp_path):
    """A second fresh database, to compare two runs."""
    path = tmp_path / "second.db"
    shutil.copyfile(template_db, path)
    s = Store(resolve_url(path))
    yield s
    s.close()


def _scalar(store: Store, statement):
    with store.reader() as s:
        return s.exec(statement).one()


def _fingerprint(store: Store) -> dict:
    """What must be identical between two runs with the same seed."""
    with store.reader() as s:
        return {
            "counts": check_database(store).row_counts,
            "units": s.exec(select(Unit.name, Unit.kind, Unit.staff_count).order_by(Unit.name)).all(),
            "logs": s.exec(select(SessionLog.held_on, SessionLog.theme, SessionLog.what_done,
                                  SessionLog.reflections, SessionLog.next_steps, SessionLog.staff_present)
                           .order_by(SessionLog.id)).all(),
            "log_ids": s.exec(select(SessionLog.id).order_by(SessionLog.held_on, SessionLog.id)).all(),
            "gatherings": s.exec(select(Gathering.title, Gathering.starts_at, Gathering.status)
                                 .order_by(Gathering.id)).all(),
            "responses": s.exec(select(Response.respondent, Response.text).order_by(Response.id)).all(),
            "expenses": s.exec(select(Expense.spent_on, Expense.amount_nok).order_by(Expense.id)).all(),
            "stamps": s.exec(select(SessionLog.created_at).order_by(SessionLog.id)).all(),
        }


# --- municipality scale ----------------------------------------------------------------------------

def test_municipality_scale_counts(store):
    labels = []
    summary = generate_demo(store, progress=lambda done, total, label: labels.append((done, total, label)))
    assert isinstance(summary, DemoSummary)
    assert summary.municipalities == 1
    assert 15 <= summary.units <= 20
    assert summary.networks == 3
    assert 60 <= summary.gatherings <= 110
    assert 200 <= summary.session_logs <= 450
    assert 24 <= summary.responses <= 45
    assert 2 <= summary.vignette_sessions <= 3
    assert summary.expenses >= 25
    assert str(summary).startswith("1 kommune, ")
    assert "øktlogger" in str(summary)
    # Progress: Norwegian labels, never backwards, ends at the total.
    assert [d for d, _t, _l in labels] == sorted(d for d, _t, _l in labels)
    assert labels[-1][0] == labels[-1][1]
    assert {"Lager samlinger", "Lager øktlogger", "Lager vignettøkter"} <= {label for *_x, label in labels}

    with store.reader() as s:
        muni = s.exec(select(Municipality)).one()
        units = s.exec(select(Unit)).all()
        kinds = Counter(u.kind for u in units)
        assert 8 <= kinds["kindergarten"] <= 12 and kinds["school"] == 6 and kinds["ppt"] == 1
        assert {u.ownership for u in units if u.kind == "kindergarten"} == {"public", "private"}
        assert {u.stages for u in units if u.kind == "school"} == {"1-7", "8-10", "1-10"}
        part = s.exec(select(Participation)).one()
        assert (part.cohort, part.kindergarten_authority, part.school_owner) == (7, True, True)
        assert sum(g.amount_nok for g in s.exec(select(Grant))) == 520_000
        assert len(s.exec(select(OwnFunding)).all()) == 4
        categories = {e.category for e in s.exec(select(Expense))}
        assert categories == {c.value for c in ExpenseCategory}
        assert all(e.spent_on < DEMO_TODAY for e in s.exec(select(Expense)))
        versions = s.exec(select(PlanVersion).order_by(PlanVersion.version)).all()
        assert [v.version for v in versions] == [1, 2]
        assert all(set(v.sections) == set(PLAN_SECTIONS) and v.reason for v in versions)
        assert set(PLAN_SECTIONS) == {key for key, _title in SERVICE_SECTIONS}
        assert [g["semester"] for g in versions[-1].goals] == ["2025H", "2026V", "2026H", "2027V"]
        tasks = s.exec(select(Task)).all()
        assert any(t.status == "done" for t in tasks)
        assert any(t.status == "open" and t.due_date < DEMO_TODAY for t in tasks)
    assert read_setting(store, CURRENT_MUNICIPALITY_KEY) == muni.id.hex
    # One assignment ends a month early: the resource-person rule finds exactly that month.
    failing = [m.month for m in resource_rule_by_month(store, muni.id) if not m.met]
    assert failing == [date(2027, 6, 1)]


def test_gatherings_cover_every_semester_with_one_obligation_missing(store):
    generate_demo(store)
    with store.reader() as s:
        gatherings = s.exec(select(Gathering)).all()
        owner_at = {a.gathering_id for a in s.exec(select(Attendance).where(Attendance.role == "owner"))}
    semesters = semesters_between(date(2025, 8, 1), date(2027, 6, 30))
    assert semesters == ["2025H", "2026V", "2026H", "2027V"]
    by_semester = Counter(semester_of(g.starts_at.date()) for g in gatherings)
    assert all(by_semester[sem] >= 8 for sem in semesters)
    obligations = Counter((semester_of(g.starts_at.date()), g.kind) for g in gatherings
                          if g.kind in (GatheringKind.NATIONAL_SPECIALIST_DAY, GatheringKind.REGIONAL_GATHERING))
    missing = [(sem, kind) for sem in semesters for kind in ("national_specialist_day", "regional_gathering")
               if obligations[(sem, kind)] == 0]
    assert len(missing) == 1 and semesters.index(missing[0][0]) < semesters.index(semester_of(DEMO_TODAY))
    assert sum(g.kind == GatheringKind.LOCAL_STARTUP for g in gatherings) == 1
    for g in gatherings:
        assert g.starts_at.tzinfo is None
        if g.status == GatheringStatus.HELD:
            assert g.starts_at.date() < DEMO_TODAY
        elif g.status == GatheringStatus.PLANNED:
            assert g.starts_at.date() >= DEMO_TODAY
    assert sum(g.status == GatheringStatus.CANCELLED for g in gatherings) == 1
    held_fagdager = [g for g in gatherings if g.kind == GatheringKind.NATIONAL_SPECIALIST_DAY
                     and g.status == GatheringStatus.HELD]
    with_owner = sum(g.id in owner_at for g in held_fagdager)
    assert len(held_fagdager) >= 2 and 0 < with_owner < len(held_fagdager)


def test_staff_present_never_above_total_and_stamps_before_today(store):
    generate_demo(store)
    assert _scalar(store, select(func.count()).select_from(SessionLog)
                   .where(SessionLog.staff_present > SessionLog.staff_total)) == 0
    assert _scalar(store, select(func.min(SessionLog.staff_total))) >= 1
    with store.reader() as s:
        for table in ("session_log", "gathering", "response", "expense", "unit", "coding"):
            latest = s.exec(text(f"SELECT max(created_at) FROM {table}")).scalar()
            assert str(latest) < str(DEMO_TODAY + timedelta(days=1))
        logs = s.exec(select(SessionLog)).all()
    assert len({log.theme for log in logs}) >= 15
    assert len({log.what_done for log in logs}) > 0.9 * len(logs)
    assert all(log.held_on < DEMO_TODAY for log in logs)


def test_no_broken_references(store):
    generate_demo(store)
    assert integrity_problems(store.engine) == []


def test_vignettes_before_and_after_with_two_coders(store):
    generate_demo(store)
    with store.reader() as s:
        sessions = s.exec(select(VignetteSession).order_by(VignetteSession.held_on)).all()
        assert sessions[0].vignette_version_id == sessions[-1].vignette_version_id
        assert semester_of(sessions[0].held_on) == "2025H" and semester_of(sessions[-1].held_on) == "2026H"
        for session in sessions:
            responses = s.exec(select(Response).where(Response.session_id == session.id)).all()
            assert 8 <= len(responses) <= 15
            assert all(r.respondent.startswith(("Gruppe ", "Deltaker ")) and r.unit_kind and r.role
                       for r in responses)
        coders = Counter(c.coder for c in s.exec(select(Coding)))
        assert coders["RP"] > 0 and coders["K2"] > 0
        rows = s.exec(text(
            "SELECT vs.held_on, c.key, c.dimension, x.coder, x.response_id FROM coding x "
            "JOIN code c ON c.id = x.code_id JOIN response r ON r.id = x.response_id "
            "JOIN vignette_session vs ON vs.id = r.session_id WHERE c.dimension = 'responsibility'")).all()
    score = {"low": 1, "medium": 2, "high": 3}
    early = [score[k] for day, k, _d, coder, _r in rows if coder == "RP" and str(day) == str(sessions[0].held_on)]
    late = [score[k] for day, k, _d, coder, _r in rows if coder == "RP" and str(day) == str(sessions[-1].held_on)]
    assert sum(late) / len(late) > sum(early) / len(early)
    rp = {r: k for _day, k, _d, coder, r in rows if coder == "RP"}
    k2 = {r: k for _day, k, _d, coder, r in rows if coder == "K2"}
    assert k2 and set(k2) <= set(rp)


# --- determinism, refusal, cancelling --------------------------------------------------------------

def test_same_seed_same_data_other_seed_other_data(store, another_store, template_db, tmp_path):
    generate_demo(store, seed=1)
    generate_demo(another_store, seed=1)
    first, second = _fingerprint(store), _fingerprint(another_store)
    assert first == second
    third_path = tmp_path / "third.db"
    shutil.copyfile(template_db, third_path)
    third = Store(resolve_url(third_path))
    try:
        generate_demo(third, seed=2)
        other = _fingerprint(third)
    finally:
        third.close()
    assert other["units"] != first["units"]
    assert other["logs"] != first["logs"]


def test_refuses_a_database_with_data(store, counts):
    create_municipality(store, MUNICIPALITY, PARTICIPATION)
    before = counts()
    with pytest.raises(DomainError) as error:
        generate_demo(store)
    assert "allerede data" in str(error.value)
    assert counts() == before


def test_cancel_rolls_everything_back(store, counts):
    before = counts()
    cancel = threading.Event()
    calls = []

    def progress(done, total, label):
        calls.append(label)
        if label == "Lager øktlogger":
            cancel.set()

    with pytest.raises(DomainError) as error:
        generate_demo(store, progress=progress, cancel=cancel)
    assert str(error.value) == "Avbrutt. Ingenting er lagret."
    assert counts() == before
    # Cancelled before it starts: nothing at all, not even the built-in content.
    cancel.set()
    with pytest.raises(DomainError):
        generate_demo(store, cancel=cancel)
    assert counts() == before


def test_unknown_scale_is_refused(store, counts):
    before = counts()
    with pytest.raises(DomainError):
        generate_demo(store, scale="country")
    assert counts() == before


# --- county scale ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_county_scale(store):
    started = time.perf_counter()
    summary = generate_demo(store, scale="county")
    elapsed = time.perf_counter() - started
    assert summary.municipalities == 40

    def near(value: int, target: int) -> bool:
        return 0.9 * target <= value <= 1.1 * target

    assert near(summary.units, 1200)
    assert near(summary.networks, 200)
    assert near(summary.gatherings, 6000)
    assert near(summary.session_logs, 60_000)
    assert near(summary.responses, 20_000)
    assert elapsed < 40
    with store.reader() as s:
        parts = s.exec(select(Participation)).all()
        inhabitants = [m.inhabitants for m in s.exec(select(Municipality))]
        numbers = s.exec(select(Municipality.number)).all()
    assert 3_000 <= min(inhabitants) and max(inhabitants) <= 30_000
    assert len(set(numbers)) == 40
    assert any(not p.school_owner for p in parts) and any(not p.kindergarten_authority for p in parts)
    assert _scalar(store, select(func.count()).select_from(SessionLog)
                   .where(SessionLog.staff_present > SessionLog.staff_total)) == 0
    assert integrity_problems(store.engine) == []


def test_every_row_passes_the_read_models(store):
    """Core inserts skip pydantic: read everything back through the models the UI uses."""
    from storage import models as m
    from storage.services.units import check_email

    generate_demo(store)
    pairs = [(m.Unit, m.UnitRead), (m.LearningNetwork, m.LearningNetworkRead), (m.Gathering, m.GatheringRead),
             (m.Attendance, m.AttendanceRead), (m.Task, m.TaskRead), (m.SessionLog, m.SessionLogRead),
             (m.VignetteSession, m.VignetteSessionRead), (m.Response, m.ResponseRead), (m.Coding, m.CodingRead),
             (m.Grant, m.GrantRead), (m.OwnFunding, m.OwnFundingRead), (m.Expense, m.ExpenseRead),
             (m.PlanVersion, m.PlanVersionRead), (m.ResourceAssignment, m.ResourceAssignmentRead),
             (m.ResourcePerson, m.ResourcePersonRead), (m.Participation, m.ParticipationRead)]
    with store.reader() as s:
        for table, read in pairs:
            rows = s.exec(select(table)).all()
            assert rows, table.__tablename__
            for row in rows:
                read.model_validate(row)
                assert row.created_at.year >= 2025
        for unit in s.exec(select(m.Unit)):
            check_email(unit.leader_email)
