"""Issue 11, items 1, 3, 5 and 9: a report's figures are bounded by the time it describes, count one
set of units, and warn when the money does not add up. Figures are recomputed with plain SQL."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from storage.services.funds import add_expense
from storage.services.participation import list_grants, update_grant
from storage.services.report_data import collect_report
from storage.store import Store
from storage.urls import resolve_url
from tests.report_world import make_demo, municipality_id


@pytest.fixture(scope="module")
def demo_path(template_db, tmp_path_factory):
    return make_demo(template_db, tmp_path_factory.mktemp("report-time"))


@pytest.fixture
def demo(demo_path):
    store = Store(resolve_url(demo_path))
    yield store
    store.close()


def sql(path, query, *args):
    with sqlite3.connect(path) as con:
        value = con.execute(query, args).fetchone()[0]
    con.close()
    return value or 0


def without_print_date(data) -> dict:
    figures = data.figures()
    figures.pop("today")
    return figures


# --- item 1: a closed semester reads the same whenever the report is made -----------------------

def test_a_closed_semester_gives_the_same_figures_whatever_the_print_date(demo, demo_path):
    mid = municipality_id(demo)
    july = collect_report(demo, mid, "midterm", "2026V", date(2026, 7, 15))
    november = collect_report(demo, mid, "midterm", "2026V", date(2026, 11, 29))
    assert without_print_date(july) == without_print_date(november)
    # The demo has spending after the semester, so a figure that followed the print date would differ.
    assert sql(demo_path, "select sum(amount_nok) from expense where spent_on between '2026-07-01' and "
                          "'2026-11-29'") > 0


def test_semester_and_running_totals_equal_the_database(demo, demo_path):
    f = collect_report(demo, municipality_id(demo), "midterm", "2026V", date(2026, 11, 29)).funds
    in_semester = "spent_on between '2026-01-01' and '2026-06-30'"
    to_date = "spent_on <= '2026-06-30'"
    assert f.as_of == date(2026, 6, 30)
    assert f.spent == sql(demo_path, f"select sum(amount_nok) from expense where {in_semester}")
    assert f.spent_from_grant == sql(demo_path, f"select sum(amount_nok) from expense where {in_semester} "
                                                "and funded_by = 'grant'")
    assert f.spent_to_date == sql(demo_path, f"select sum(amount_nok) from expense where {to_date}")
    assert f.remaining == f.granted - sql(demo_path, f"select sum(amount_nok) from expense where {to_date} "
                                                     "and funded_by = 'grant'")
    assert f.own == sql(demo_path, "select sum(amount_nok) from own_funding where semester = '2026V'")
    assert f.running  # the semester starts after the period: both figures are shown
    assert sum(line.total for line in f.lines) == f.spent


def test_the_obligation_row_and_the_key_figure_agree(demo):
    """The funds obligation of a past semester is judged on its last day, like the report's figures."""
    from storage.formatting import format_kroner

    data = collect_report(demo, municipality_id(demo), "midterm", "2026V", date(2026, 11, 29))
    row = next(o for o in data.obligations if o.obligation == "Midlene i rute")
    if row.status == "met":
        assert format_kroner(data.funds.spent_to_date) in row.reason


def test_the_running_label_writes_the_date_out(demo):
    from exports.report_pdf_sections import key_figures

    data = collect_report(demo, municipality_id(demo), "midterm", "2026V", date(2026, 11, 29))
    labels = [label for label, _value in key_figures(data)]
    assert "Brukt i semesteret" in labels
    assert "Brukt hittil per 30. juni 2026" in labels
    assert "Igjen av tilskuddet per 30. juni 2026" in labels


# --- item 3: a report made before its time is over says so ---------------------------------------

def test_a_final_report_before_the_end_carries_the_notice(demo):
    from exports.report_email import email_body

    data = collect_report(demo, municipality_id(demo), "final", None, date(2026, 11, 20))
    notice = "Perioden er ikke avsluttet; tallene gjelder til 20. november 2026."
    assert data.time_notice == notice
    assert notice in email_body(data)
    closed = collect_report(demo, municipality_id(demo), "final", None, date(2027, 8, 1))
    assert closed.time_notice is None


def test_a_period_not_started_says_so(store):
    from storage.services.municipalities import create_municipality

    muni = create_municipality(store, {"name": "Seinvik", "number": "4697", "county": "Vestland"},
                               {"cohort": 8, "kindergarten_authority": True, "period_start": date(2027, 8, 1),
                                "period_end": date(2029, 6, 30)})
    for kind in ("midterm", "final", "funds"):
        data = collect_report(store, muni.id, kind, None, date(2027, 3, 1))
        assert not data.has_data
        assert data.empty_reason == "Perioden starter 1. august 2027, så det finnes ingen tall å rapportere ennå."
    later = collect_report(store, muni.id, "midterm", "2028V", date(2027, 9, 1))
    assert "Våren 2028 har ikke begynt ennå" in later.empty_reason


# --- item 5: one set of units ---------------------------------------------------------------------

@pytest.fixture
def demo_with_archived(demo_path, tmp_path):
    """The demo with one unit that has session logs archived afterwards."""
    path = tmp_path / "archived.db"
    shutil.copyfile(demo_path, path)
    with sqlite3.connect(path) as con:
        con.execute("update unit set archived = 1 where id = (select unit_id from session_log "
                    "group by unit_id order by count(*) desc limit 1)")
    con.close()
    store = Store(resolve_url(path))
    yield store, path
    store.close()


def test_archived_units_that_took_part_count_everywhere_and_are_marked(demo_with_archived):
    store, path = demo_with_archived
    data = collect_report(store, municipality_id(store), "final", None, date(2026, 11, 20))
    took_part = ("from unit u where (archived = 0 or exists (select 1 from session_log l where l.unit_id = u.id) "
                 "or exists (select 1 from attendance a join gathering g on g.id = a.gathering_id "
                 "where a.unit_id = u.id and g.status = 'held'))")
    u = data.units
    assert u.total == sql(path, f"select count(*) {took_part}")
    assert u.archived == sql(path, f"select count(*) {took_part} and archived = 1") == 1
    assert u.staff == sql(path, f"select sum(staff_count) {took_part}")
    assert u.kindergartens + u.schools + u.others == u.total == u.public + u.private
    assert data.log_units <= u.total and u.active <= u.total
    for line in data.networks:  # network members are counted on the same basis
        assert line.kindergartens + line.schools + line.others <= u.total


# --- item 9: the money adds up, and an impossible sum is warned about -----------------------------

def test_the_grant_total_equals_its_rows_when_a_share_is_applied(store, muni, part):
    for grant in list_grants(store, part.id):
        update_grant(store, grant.id, {"amount_nok": 333_333, "share_percent": 33})
    f = collect_report(store, muni.id, "funds", None, date(2026, 3, 1)).funds
    assert [row[3] for row in f.grants] == [109_999, 109_999]  # 333 333 × 33 % = 109 999,89, rounded down
    assert f.granted == sum(row[3] for row in f.grants) == 219_998


def test_spending_beyond_grant_and_own_funding_is_warned_in_the_report(store, muni, part):
    add_expense(store, part.id, {"spent_on": date(2025, 9, 1), "amount_nok": 100_000_000,
                                 "category": "resource_person"})
    from exports.report_pdf import report_pdf_bytes
    from tests.exports.test_report_pdf import text_of

    data = collect_report(store, muni.id, "funds", None, date(2025, 10, 1))
    assert data.funds.remaining < 0
    assert data.funds.warning and "høyere enn tilskudd og egenfinansiering" in data.funds.warning
    _reader, text = text_of(report_pdf_bytes(data, {}))
    start = text.index("Sammendrag Oversikten")  # the section, not a contents line
    summary = text[start:text.index("Bruk av midler", start)]
    assert "høyere enn tilskudd og egenfinansiering" in summary  # beside the key figures, not only at the end

