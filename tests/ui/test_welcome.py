"""First run: the welcome dialog, the set-up form with Norwegian errors, and demo data."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from .conftest import add_municipality


def _municipalities(store):
    from storage.services.municipalities import list_municipalities

    return list_municipalities(store)


def _open_form(window, qtbot):
    welcome = window.welcome
    assert welcome is not None and welcome.isVisible()
    qtbot.mouseClick(welcome.setup_button, Qt.MouseButton.LeftButton)
    assert welcome.stack.currentIndex() == 1
    return welcome


def _fill(welcome, qtbot, *, number: str):
    qtbot.keyClicks(welcome.name_edit, "Bergen")
    welcome.number_edit.clear()
    qtbot.keyClicks(welcome.number_edit, number)
    welcome.county_box.setCurrentText("Vestland")
    welcome.kindergarten_check.setChecked(True)
    welcome.school_check.setChecked(True)
    welcome.cohort_spin.setValue(5)
    welcome.start_edit.setDate(QDate(2020, 1, 1))
    welcome.end_edit.setDate(QDate(2022, 12, 31))


def test_empty_database_opens_the_welcome_dialog(make_window, qtbot):
    window = make_window()
    welcome = window.welcome
    assert welcome.isVisible()
    assert welcome.windowTitle() == "Velkommen til Nettverkslogg"
    assert welcome.demo_button.title_label.text() == "Åpne eksempeldata"
    assert welcome.setup_button.title_label.text() == "Sett opp egen kommune"
    overview = window.overview
    qtbot.waitUntil(lambda: overview.empty_panel is not None and overview.empty_panel.isVisibleTo(overview))


def test_form_rejects_a_bad_number_then_accepts_a_good_one(make_window, store, qtbot):
    window = make_window()
    welcome = _open_form(window, qtbot)
    assert welcome.offer_edit.text().startswith("Inkluderende barnehage- og skolemiljø")
    assert welcome.start_edit.displayFormat() == "dd.MM.yyyy" and welcome.start_edit.calendarPopup()
    _fill(welcome, qtbot, number="46a1")
    assert "6 semestre" in welcome.hint_label.text()
    assert "520\u00a0000\u00a0kr" in welcome.hint_label.text()

    qtbot.mouseClick(welcome.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: welcome.form_error.isVisibleTo(welcome), timeout=10_000)
    assert welcome.form_error.text() == "Kommunenummer må være fire sifre, for eksempel 4601."
    assert welcome.error_field == "number"
    assert welcome.focusWidget() is welcome.number_edit
    assert welcome.number_edit.property("invalid") is True
    assert welcome.isVisible()
    assert _municipalities(store) == []

    welcome.number_edit.clear()
    qtbot.keyClicks(welcome.number_edit, "4601")
    with qtbot.waitSignal(welcome.municipality_created, timeout=10_000) as created:
        qtbot.mouseClick(welcome.save_button, Qt.MouseButton.LeftButton)
    assert created.args[0].name == "Bergen"
    assert not welcome.isVisible()
    [bergen] = _municipalities(store)
    assert (bergen.name, bergen.number, bergen.county) == ("Bergen", "4601", "Vestland")
    from storage.services.municipalities import participation_of

    part = participation_of(store, bergen.id)
    assert (part.cohort, part.period_start, part.period_end) == (5, date(2020, 1, 1), date(2022, 12, 31))
    assert part.kindergarten_authority and part.school_owner and not part.independent_school
    qtbot.waitUntil(lambda: window.windowTitle() == "Nettverkslogg — Bergen")
    qtbot.waitUntil(lambda: window.overview.counts is not None)
    assert window.overview.figures["grant_nok"].value() == "520\u00a0000\u00a0kr"


def test_form_needs_a_role_and_focuses_it(make_window, store, qtbot):
    window = make_window()
    welcome = _open_form(window, qtbot)
    _fill(welcome, qtbot, number="4601")
    welcome.kindergarten_check.setChecked(False)
    welcome.school_check.setChecked(False)
    qtbot.mouseClick(welcome.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: welcome.form_error.isVisibleTo(welcome), timeout=10_000)
    assert "Velg minst én rolle" in welcome.form_error.text()
    assert welcome.focusWidget() is welcome.kindergarten_check
    assert _municipalities(store) == []


def test_form_rejects_a_number_that_exists(make_window, store, qtbot):
    window = make_window()
    welcome = _open_form(window, qtbot)
    add_municipality(store, "Bodø", "4601")  # made by someone else meanwhile
    _fill(welcome, qtbot, number="4601")
    qtbot.mouseClick(welcome.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: welcome.form_error.isVisibleTo(welcome), timeout=10_000)
    assert welcome.form_error.text() == "Kommunenummer 4601 finnes allerede (Bodø)."
    assert [m.name for m in _municipalities(store)] == ["Bodø"]


def test_escape_in_the_form_goes_back_to_the_choices(make_window, qtbot):
    window = make_window()
    welcome = _open_form(window, qtbot)
    qtbot.keyClick(welcome, Qt.Key.Key_Escape)
    assert welcome.stack.currentIndex() == 0
    assert welcome.isVisible()


def test_welcome_demo_choice_fills_the_database(make_window, store, qtbot):
    window = make_window()
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.windowTitle() != "Nettverkslogg", timeout=60_000)
    assert len(_municipalities(store)) == 1
    qtbot.waitUntil(lambda: window.overview.counts is not None, timeout=10_000)
    assert window.overview.counts.session_logs > 0


def test_demo_flag_on_an_empty_database_skips_the_dialog(make_window, store, qtbot):
    window = make_window(demo=True)
    assert window.welcome is None
    qtbot.waitUntil(lambda: window.windowTitle() != "Nettverkslogg", timeout=60_000)
    [municipality] = _municipalities(store)
    assert window.windowTitle() == f"Nettverkslogg — {municipality.name}"
    qtbot.waitUntil(lambda: "kommune" in window.statusBar().currentMessage(), timeout=10_000)


def test_demo_flag_leaves_a_filled_database_alone(make_window, store, qtbot):
    add_municipality(store)
    window = make_window(demo=True)
    assert window.windowTitle() == "Nettverkslogg — Bodø"
    qtbot.waitUntil(lambda: not window.runner.busy())
    assert len(_municipalities(store)) == 1


def test_the_form_tabs_in_reading_order(make_window, qtbot):
    window = make_window()
    welcome = _open_form(window, qtbot)
    welcome.activateWindow()
    qtbot.waitUntil(welcome.isActiveWindow)
    welcome.name_edit.setFocus()
    expected = [welcome.number_edit, welcome.county_box, welcome.kindergarten_check, welcome.school_check,
                welcome.independent_check, welcome.offer_edit, welcome.cohort_spin, welcome.start_edit,
                welcome.end_edit, welcome.back_button, welcome.save_button]
    for widget in expected:
        before = welcome.focusWidget()
        for _section in range(3):  # Tab walks a date's day, month and year before it leaves the field
            qtbot.keyClick(welcome.focusWidget(), Qt.Key.Key_Tab)
            if welcome.focusWidget() is not before:
                break
        assert welcome.focusWidget() is widget, (welcome.focusWidget(), widget)
