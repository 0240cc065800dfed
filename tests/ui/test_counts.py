"""Every counted noun agrees with its count: each message rendered with 1 and with 2."""

from __future__ import annotations

import re

import pytest

from ui import counts

# A noun in the plural right after the number 1 («1 oppgaver», «fra 1 filer»).
PLURALS = ("oppgaver", "filer", "enheter", "utgifter", "versjoner", "samlinger", "deltakere", "ansatte",
           "semestre", "deler", "måneder", "sider", "kodinger", "rader", "PDF-er", "logger", "nye", "endrede")
ONE_PLURAL = re.compile(r"(?<![\d ])1 (?:" + "|".join(re.escape(p) for p in PLURALS) + r")\b")

MESSAGES = {
    "tasks_summary": lambda n: counts.tasks_summary(n, 0),
    "logs_stored": lambda n: counts.logs_stored(n, n, n, 0),
    "checking_files": counts.checking_files,
    "reach_summary": lambda n: counts.reach_summary(n, n, "50 %", n, n, n),
    "expenses_sum": lambda n: counts.expenses_sum(n, "1 000 kr"),
    "versions_saved": counts.versions_saved,
    "parts_changed": lambda n: counts.parts_changed(1, n, "Mål"),
    "gatherings_shown": lambda n: counts.gatherings_shown(1, n),
    "gathering_saved": lambda n: counts.gathering_saved("Samling", n, n),
    "attendance_total": lambda n: counts.attendance_total(n, n),
    "staff_count": lambda n: counts.staff_count("Skole", n),
    "semesters_count": counts.semesters_count,
    "gatherings_listed": counts.gatherings_listed,
    "calendar_saved": lambda n: counts.calendar_saved(n, "/tmp/a.ics"),
    "pdfs_saved": lambda n: counts.pdfs_saved(n, "/tmp"),
    "code_used": counts.code_used,
    "pages": counts.pages,
    "import_units": counts.import_units,
    "rows_read": lambda n: counts.rows_read(n, 0),
    "rows_ok": counts.rows_ok,
    "months_failing": lambda n: counts.months_failing(1, n, "mars 2026"),
    "months_ok": counts.months_ok,
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_one_is_singular_and_two_is_plural(name):
    one, two = MESSAGES[name](1), MESSAGES[name](2)
    assert not ONE_PLURAL.search(one), one
    assert one != two and "{" not in one and "{" not in two


@pytest.mark.parametrize(("message", "one", "two"), [
    (lambda n: counts.tasks_summary(n, 0), "1 oppgave, 0 forfalt.", "2 oppgaver, 0 forfalt."),
    (lambda n: counts.logs_stored(n, 0, n, 0), "Lagret 1 ny logg og 0 endrede logger fra 1 fil (0 var uendret).",
     "Lagret 2 nye logger og 0 endrede logger fra 2 filer (0 var uendret)."),
    (lambda n: counts.reach_summary(3, 10, "30 %", 0, 2, n), "<b>3 av 10 ansatte nådd (30 %)</b> · 0 av 2 enheter "
     "har nådd minst halvparten · 1 enhet ikke nådd", "<b>3 av 10 ansatte nådd (30 %)</b> · 0 av 2 enheter har "
     "nådd minst halvparten · 2 enheter ikke nådd"),
    (lambda n: counts.expenses_sum(n, "500 kr"), "1 utgift, til sammen 500 kr", "2 utgifter, til sammen 500 kr"),
    (counts.versions_saved, "1 versjon lagret.", "2 versjoner lagret."),
])
def test_the_messages_named_in_the_issue(message, one, two):
    assert (message(1), message(2)) == (one, two)


def test_the_tasks_section_shows_one_task_in_the_singular(make_window, store, qtbot, monkeypatch):
    from datetime import date

    import ui.planning.common as common
    from storage.services.tasks import list_tasks
    from tests.log_world import make_world

    from .planning_helpers import open_section

    monkeypatch.setattr(common, "TODAY", date(2026, 11, 20))
    world = make_world(store)
    window = make_window()
    _page, section = open_section(window, qtbot, "tasks")
    n = len(list_tasks(store, world.municipality.id, today=date(2026, 11, 20)))
    assert section.summary.text().startswith(f"{n} oppgave{'r' if n != 1 else ''},")
