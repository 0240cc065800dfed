"""The report's figures equal what the database holds; bad input gives a clear message, not a crash."""

from __future__ import annotations

from datetime import date

import pytest

from storage.enums import ReportKind
from storage.errors import DomainError
from storage.services.report_data import collect_report
from storage.store import Store
from storage.urls import resolve_url
from tests.report_world import TODAY, db_truth, make_demo, municipality_id


@pytest.fixture(scope="module")
def demo_path(template_db, tmp_path_factory):
    return make_demo(template_db, tmp_path_factory.mktemp("report-data"))


@pytest.fixture
def demo(demo_path):
    store = Store(resolve_url(demo_path))
    yield store
    store.close()


def test_final_report_counts_equal_the_database(demo, demo_path):
    truth = db_truth(demo_path)
    data = collect_report(demo, municipality_id(demo), ReportKind.FINAL, None, TODAY)
    assert data.has_data
    assert data.units.total == truth["units"]
    assert data.units.kindergartens + data.units.schools + data.units.others == truth["units"]
    assert data.units.public + data.units.private == truth["units"]
    assert data.gatherings_held == truth["held"]
    assert data.log_count == truth["logs"]
    assert data.funds.granted == truth["grant"]
    assert data.funds.spent == truth["spent"]
    assert data.funds.spent_from_grant == truth["spent_grant"]
    assert sum(line.total for line in data.funds.lines) == data.funds.spent
    assert data.semesters == ("2025H", "2026V", "2026H", "2027V")


def test_midterm_for_one_semester_counts_only_that_semester(demo, demo_path):
    import sqlite3

    data = collect_report(demo, municipality_id(demo), "midterm", "2026V", TODAY)
    assert data.semesters == ("2026V",)
    with sqlite3.connect(demo_path) as con:
        held = con.execute("select count(*) from gathering where status = 'held' and starts_at >= '2026-01-01' "
                           "and starts_at < '2026-07-01'").fetchone()[0]
        logs = con.execute("select count(*) from session_log where held_on between '2026-01-01' and "
                           "'2026-06-30'").fetchone()[0]
    assert data.gatherings_held == held
    assert data.log_count == logs
    assert {o.semester for o in data.obligations} == {"2026V"}


def test_midterm_without_semester_covers_the_period_so_far(demo):
    data = collect_report(demo, municipality_id(demo), "midterm", None, TODAY)
    assert data.semesters == ("2025H", "2026V", "2026H")


def test_report_holds_aggregates_only(demo):
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    assert data.vignettes, "the demo uses one vignette twice"
    assert all(c.before is None or 0 <= c.before <= 1 for p in data.vignettes for c in p.changes)
    figures = str(data.figures())
    from storage.models import Response, SessionLog

    with demo.reader() as s:
        answer = s.exec(__import__("sqlmodel").select(Response.text)).first()
        reflection = s.exec(__import__("sqlmodel").select(SessionLog.reflections).where(
            SessionLog.reflections.is_not(None))).first()
    assert answer[:40] not in figures
    assert reflection[:40] not in figures


def test_semester_outside_the_period_is_refused(demo):
    with pytest.raises(DomainError, match="utenfor perioden"):
        collect_report(demo, municipality_id(demo), "midterm", "2030H", TODAY)


def test_badly_written_semester_is_refused(demo):
    with pytest.raises(DomainError):
        collect_report(demo, municipality_id(demo), "midterm", "høst", TODAY)


def test_municipality_without_data_gives_an_empty_report(store, muni):
    data = collect_report(store, muni.id, "midterm", None, date(2026, 3, 1))
    assert not data.has_data
    assert "ingen tall" in data.empty_reason
    assert data.units.total == 0 and data.gatherings_held == 0


def test_municipality_without_participation_gives_an_empty_report(store):
    from storage.models import Municipality

    with store.transaction() as s:  # the app always makes a participation; an old or merged file may not
        row = Municipality(name="Tomvik", number="4698", county="Vestland")
        s.add(row)
        s.flush()
        plain_id = row.id
    data = collect_report(store, plain_id, "final", None, date(2026, 3, 1))
    assert not data.has_data and data.semesters == ()
    funds = collect_report(store, plain_id, "funds", None, date(2026, 3, 1))
    assert not funds.has_data


def test_funds_report_before_any_expense(store, muni):
    data = collect_report(store, muni.id, "funds", None, date(2026, 3, 1))
    assert data.funds.granted == 520_000  # both roles, granted when the municipality was created
    assert data.funds.spent == 0 and data.funds.remaining == 520_000
