"""Oversikt: the obligation lines equal obligations_status, each with its chip; «Gå til» opens the right tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from storage.demo import DEMO_TODAY
from storage.services.obligations import obligations_status

from .planning_helpers import demo, wait_jobs  # noqa: F401

CHIP_TEXT = {"met": "Oppfylt", "planned": "Planlagt", "at_risk": "I fare", "missing": "Mangler",
             "follow_up": "Bør følges opp", "not_applicable": "Ikke aktuelt"}


def loaded_overview(window, qtbot):
    page = window.pages[0]
    qtbot.waitUntil(lambda: not page.is_loading() and bool(page.obligations), timeout=15_000)
    wait_jobs(window, qtbot)  # a second load (start-up) may still rebuild the rows
    return page


def click(page, qtbot, button) -> None:
    page.scroll.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_obligation_lines_equal_obligations_status(make_window, qtbot, demo, store):  # noqa: F811
    municipality, _part = demo
    window = make_window()
    page = loaded_overview(window, qtbot)
    expected = obligations_status(store, municipality.id, today=DEMO_TODAY)
    assert page.obligations == expected
    assert page.semester_combo.currentData() == "2026H"  # the current semester first
    seen_statuses = set()
    for semester in page.obligation_semesters():
        page.semester_combo.setCurrentIndex(page.semester_combo.findData(semester))
        lines = [x for x in expected if x.semester == semester]
        assert [r["line"] for r in page.obligation_rows] == lines
        for row in page.obligation_rows:
            line = row["line"]
            assert CHIP_TEXT[str(line.status)] in row["chip"].text()
            assert row["reason"].text() == line.reason
            seen_statuses.add(str(line.status))
    assert seen_statuses == set(CHIP_TEXT)  # the demo exercises all six
    # the two groups are headed (issue 11, item 10), «I fare» only under the grant letter's requirements
    headings = [w.text() for w in page.findChildren(QLabel, "obligationGroup")]
    assert headings[:2] == ["Krav i tilskuddsbrevet", "Råd fra Nettverkslogg"]
    assert all(r["line"].group.value == "requirement" for r in page.obligation_rows
               if r["chip"].text().endswith("I fare"))


def test_go_to_navigates_to_the_right_tab(make_window, qtbot, demo):  # noqa: F811
    window = make_window()
    page = loaded_overview(window, qtbot)
    planning = window.pages[1]
    targets = {}
    for row in page.obligation_rows:
        targets.setdefault(row["line"].fix_target, row["button"])
    assert "planning.resource_persons" in targets and "funds" in targets
    click(page, qtbot, targets["planning.resource_persons"])
    assert window.current_page() is planning
    assert planning.current_section() is planning.section("resource_persons")
    wait_jobs(window, qtbot)
    window.navigate("overview")
    click(page, qtbot, targets["planning.gatherings"])
    assert planning.current_section() is planning.section("networks")
    wait_jobs(window, qtbot)
    window.navigate("overview")
    click(page, qtbot, targets["funds"])
    assert window.current_page() is window.pages[5]
    wait_jobs(window, qtbot)
