"""Defaults that fit the case: vignette groups take the network's target group, «Ledet av» the unit's
leader role (rektor for schools), and a gathering series in late November the next semester."""

from __future__ import annotations

from datetime import date

import pytest

from storage.semesters import semester_to_plan
from tests.log_world import make_world
from ui.gatherings.common import select_data

from .planning_helpers import open_section
from .test_unit_logs_page import open_page as open_logs
from .test_vignettes_session import idle
from .test_vignettes_session import open_page as open_vignettes


def _group_kinds(dialog) -> list:
    return [dialog.groups.cellWidget(row, 1).currentData() for row in range(dialog.groups.rowCount())]


def test_vignette_groups_follow_the_network_target(make_window, store, qtbot):
    world = make_world(store)
    window = make_window()
    page = open_vignettes(window, qtbot)
    page.new_session()
    qtbot.waitUntil(lambda: getattr(page, "new_session_dialog", None) is not None
                    and page.new_session_dialog.isVisible(), timeout=10_000)
    dialog = page.new_session_dialog
    school = next(i for i in range(dialog.vignette_combo.count())
                  if str(dialog.vignette_combo.itemData(i).vignette.target) == "school")
    dialog.vignette_combo.setCurrentIndex(school)
    assert _group_kinds(dialog) == ["school"] * 3
    dialog.link_combo.setCurrentIndex(next(i for i in range(dialog.link_combo.count())
                                           if dialog.link_combo.itemData(i) is not None
                                           and tuple(dialog.link_combo.itemData(i)) == ("network", world.network.id)))
    assert _group_kinds(dialog) == ["kindergarten"] * 3  # a kindergarten network, whatever the vignette
    dialog.add_group()
    assert _group_kinds(dialog)[-1] == "kindergarten"
    dialog.reject()
    idle(qtbot, window)


def test_log_form_is_led_by_the_units_leader(make_window, store, qtbot):
    world = make_world(store)
    window, _page, view = open_logs(make_window, qtbot, world)
    assert view.form.led_by.currentText() == "Styrer"  # Solsikken barnehage
    select_data(view.unit, world.unit("Lia skole").id)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=15_000)
    assert view.form.led_by.currentText() == "Rektor"


@pytest.mark.parametrize(("day", "semester"), [(date(2026, 11, 20), "2027V"), (date(2026, 10, 31), "2026H"),
                                               (date(2027, 6, 5), "2027H"), (date(2027, 3, 1), "2027V")])
def test_the_semester_to_plan_is_the_next_when_less_than_a_month_is_left(day, semester):
    assert semester_to_plan(day) == semester


def test_series_in_late_november_proposes_next_spring(make_window, store, qtbot, monkeypatch):
    import ui.planning.common as common

    monkeypatch.setattr(common, "TODAY", date(2026, 11, 20))
    make_world(store)
    window = make_window()
    _page, section = open_section(window, qtbot, "networks")
    section.view.selectRow(0)
    dialog = section.plan_series()
    assert dialog.semester.currentData() == "2027V"
    dialog.reject()
