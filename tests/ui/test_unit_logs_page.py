"""Enhetslogger: the log form saves from the keyboard and starts the next, «Kopier forrige» fills it,
edit and delete work, a bad entry shows its Norwegian message and stores nothing, and reach shows it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from storage.services.session_logs import list_logs
from tests.log_world import TODAY, dump, make_world
from ui.gatherings.common import select_data

SOLSIKKEN = "Solsikken barnehage"


def open_page(make_window, qtbot, world):
    window = make_window()
    page = window.page(3)
    page.today = lambda: TODAY
    window.navigate("unit_logs")
    view = page.logs_view
    qtbot.waitUntil(lambda: view.unit.count() == 3, timeout=15_000)
    select_data(view.unit, world.unit(SOLSIKKEN).id)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=15_000)
    return window, page, view


def type_log(qtbot, form, theme: str, present: int) -> None:
    form.held_on.setDate(QDate(2026, 10, 14))
    form.staff_present.setValue(present)
    form.theme.setFocus()
    qtbot.keyClicks(form.theme, theme)
    qtbot.keyClicks(form.method, "Vignett og samtale")
    form.what_done.setPlainText("Vi så på en vignett om utestengning.")
    form.children.setChecked(True)


def test_log_form_saves_by_keyboard_and_copy_last_fills_it(make_window, store, qtbot):
    world = make_world(store)
    window, page, view = open_page(make_window, qtbot, world)
    form = view.form
    assert form.staff_total.value() == 20 and form.staff_present.value() == 20  # the unit's staff prefilled
    type_log(qtbot, form, "Voksenrollen i leken", 14)
    with qtbot.waitSignal(view.saved, timeout=15_000):
        qtbot.keyClick(form.theme, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    logs = list_logs(store, world.municipality.id)
    assert [(log.unit_name, log.held_on, log.theme, log.staff_present, log.staff_total, log.children_involved)
            for log in logs] == [(SOLSIKKEN, date(2026, 10, 14), "Voksenrollen i leken", 14, 20, True)]
    assert logs[0].method == "Vignett og samtale" and logs[0].led_by
    # The form starts the next log: texts cleared, date and staff kept.
    assert form.theme.text() == "" and form.what_done.toPlainText() == "" and form.staff_total.value() == 20
    assert "Lagret loggen fra 14.10.2026" in view.status.text()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15_000)
    # «Kopier forrige»: the last log's theme, method and numbers with today's date.
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.theme.text() == "Voksenrollen i leken", timeout=15_000)
    assert form.method.text() == "Vignett og samtale" and form.staff_present.value() == 14
    assert form.held_on.date() == QDate(2026, 11, 20) and form.what_done.toPlainText() == ""


def test_edit_and_delete_a_log(make_window, store, qtbot):
    world = make_world(store)
    window, page, view = open_page(make_window, qtbot, world)
    type_log(qtbot, view.form, "Språk i hverdagen", 10)
    with qtbot.waitSignal(view.saved, timeout=15_000):
        view.save()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15_000)
    view.table.selectRow(0)
    view.edit_selected()
    assert view.editing is not None and view.form.theme.text() == "Språk i hverdagen"
    view.form.theme.setText("Språk som inkluderer")
    with qtbot.waitSignal(view.saved, timeout=15_000):
        view.save()
    logs = list_logs(store, world.municipality.id)
    assert len(logs) == 1 and logs[0].theme == "Språk som inkluderer"
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.rows()[0].theme == "Språk som inkluderer",
                    timeout=15_000)
    view.delete_log(logs[0].id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=15_000)
    assert list_logs(store, world.municipality.id) == []


def test_a_bad_log_shows_the_norwegian_message_and_stores_nothing(make_window, store, qtbot):
    world = make_world(store)
    window, page, view = open_page(make_window, qtbot, world)
    before = dump(store)
    type_log(qtbot, view.form, "Voksenrollen", 25)  # more present than the 20 on the staff
    view.save()
    qtbot.waitUntil(lambda: view.form.error.isVisible(), timeout=15_000)
    assert "til stede" in view.form.error.text().lower()
    view.form.staff_present.setValue(5)
    view.form.held_on.setDate(QDate(2026, 12, 1))  # after «today»
    view.save()
    qtbot.waitUntil(lambda: "fram i tid" in view.form.error.text(), timeout=15_000)
    assert view.form.held_on.property("invalid") is True
    assert dump(store) == before


def test_reach_view_shows_the_share_and_marks_low_units(make_window, store, qtbot):
    world = make_world(store)
    window, page, view = open_page(make_window, qtbot, world)
    type_log(qtbot, view.form, "Voksenrollen", 15)
    with qtbot.waitSignal(view.saved, timeout=15_000):
        view.save()
    window.navigate("unit_logs.reach")
    reach = page.reach_view
    qtbot.waitUntil(lambda: reach.summary is not None and reach.summary.reached == 15, timeout=15_000)
    assert reach.semester.currentData() == "2026H"
    rows = {r.unit_name: r for r in reach.model.rows()}
    assert rows[SOLSIKKEN].reached == 15 and rows[SOLSIKKEN].share == 0.75
    column = 4
    index = next(reach.model.index(i, column) for i, r in enumerate(reach.model.rows()) if r.unit_name == "Lia skole")
    assert index.data() == "0\u00a0%" and index.data(Qt.ItemDataRole.ForegroundRole) is not None
    solsikken = next(reach.model.index(i, column) for i, r in enumerate(reach.model.rows())
                     if r.unit_name == SOLSIKKEN)
    assert solsikken.data() == "75\u00a0%" and solsikken.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "15 av 62 ansatte nådd" in reach.summary_label.text()
