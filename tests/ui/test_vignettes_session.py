"""A full vignette session in the window: create it from the page, run the phase timer, capture three
answers by keyboard, code them by shortcut keys, open the analysis, and check database and figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from .conftest import add_municipality

VIGNETTES_ROW = 4
ANSWERS = [
    "Vi ville snakket med jenta og de andre barna, og laget en plan for leken i hele barnegruppa.",
    "Vi tar det opp på personalmøtet og følger med i flere uker, så varsler vi styrer.",
    "Vi ville trøstet henne og sagt til de andre at de må la henne være med.",
]


def idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10_000)


def open_page(window, qtbot):
    window.show_page(VIGNETTES_ROW)
    page = window.current_page()
    idle(qtbot, window)
    return page


def create_session_from_page(window, qtbot, page, *, anonymous=False):
    """Choose the first kindergarten vignette in the library and make a session with three groups."""
    page.library.target_combo.setCurrentIndex(page.library.target_combo.findData("kindergarten"))
    page.library.table.selectRow(0)
    page.library.session_button.click()
    qtbot.waitUntil(lambda: getattr(page, "new_session_dialog", None) is not None and
                    page.new_session_dialog.isVisible(), timeout=10_000)
    dialog = page.new_session_dialog
    assert dialog.groups.rowCount() == 3
    kind = dialog.groups.cellWidget(2, 1)  # the groups start as the vignette's target; make one a school
    kind.setCurrentIndex(kind.findData("school"))
    dialog.groups.item(2, 2).setText("leader, assistant")
    dialog.phase_spins[0].setValue(2)
    dialog.anonymous_check.setChecked(anonymous)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.workspace and page.detail is not None,
                    timeout=10_000)
    idle(qtbot, window)
    return dialog


def test_a_full_session_run(make_window, store, qtbot):
    from storage.services.coding import response_codes
    from storage.services.vignette_sessions import list_responses, list_sessions

    muni = add_municipality(store)
    window = make_window()
    page = open_page(window, qtbot)
    assert page.library.model.rowCount() >= 12
    create_session_from_page(window, qtbot, page)
    detail = page.detail
    assert [g.name for g in detail.groups] == ["Gruppe 1", "Gruppe 2", "Gruppe 3"]
    assert detail.session.phase_minutes[0] == 2
    [stored] = list_sessions(store, muni.id)
    assert stored.session.id == detail.session.id

    # the phase timer: start, tick through the first phase, skip the second, pause
    run = page.run
    timer = run.timer
    assert timer.phase_name() == "Individuell refleksjon" and timer.remaining == 120
    run.timer_panel.start_button.click()
    assert timer.running and run.timer_panel.start_button.text() == "Pause"
    timer.tick(60)
    assert run.timer_panel.clock_label.text() == "1:00"
    timer.tick(60)
    assert timer.phase_name() == "Gruppesamtale" and timer.remaining == detail.session.phase_minutes[1] * 60
    run.timer_panel.skip_button.click()
    assert timer.phase_name() == "Plenum"
    run.timer_panel.spins[2].setValue(3)
    assert timer.remaining == 180 or timer.remaining <= 180
    run.timer_panel.start_button.click()
    assert not timer.running

    # the presenter window follows the same timer
    run.timer_panel.presenter_button.click()
    presenter = run.presenter
    assert presenter.isVisible()
    assert detail.version.text == presenter.text_label.text()
    assert "Plenum" in presenter.phase_label.text() and presenter.clock_label.text() == timer.remaining_text()
    timer.skip()
    assert presenter.phase_label.text() == "Ferdig"

    # capture three answers by keyboard only: the groups come in order, Ctrl+Enter saves and moves on
    capture = run.capture
    for n, answer in enumerate(ANSWERS, start=1):
        assert capture.respondent_edit.text() == f"Gruppe {n}"
        capture.answer_edit.setFocus()
        qtbot.keyClicks(capture.answer_edit, answer)
        assert capture.words_label.text() == f"{len(answer.split())} ord"
        qtbot.keyClick(capture.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda n=n: len(page.responses) == n and capture.answer_edit.toPlainText() == "",
                        timeout=10_000)
        idle(qtbot, window)
    responses = list_responses(store, detail.session.id)
    assert [r.respondent for r in responses] == ["Gruppe 1", "Gruppe 2", "Gruppe 3"]
    assert [r.text for r in responses] == ANSWERS
    assert responses[0].unit_kind == "kindergarten" and responses[2].unit_kind == "school"
    assert run.answers_model.rowCount() == 3

    # coding by shortcut keys for coder RP: 3 = high responsibility, s = systemic, f = prevent, h = handle
    page.session_tabs.setCurrentWidget(page.coding)
    coding = page.coding
    qtbot.waitUntil(lambda: len(coding.responses) == 3 and coding.view is not None, timeout=10_000)
    idle(qtbot, window)
    coding.coder_combo.setEditText("RP")
    keys = ["3sfh", "2rf", "1i"]
    for i, typed in enumerate(keys):
        coding.setFocus()
        for key in typed:
            qtbot.keyClick(coding, key)
            idle(qtbot, window)
        assert coding.position_label.text() == f"Svar {i + 1} av 3"
        qtbot.keyClick(coding, Qt.Key.Key_PageDown)
        idle(qtbot, window)
    first = response_codes(store, responses[0].id, "RP")
    assert first.keys() == {"responsibility:high", "perspective:systemic", "pdh:prevent", "pdh:handle"}
    assert response_codes(store, responses[2].id, "RP").keys() == {"responsibility:low", "perspective:individual"}
    on = [p.code.label for p in coding.pills.values() if p.on]
    assert on == ["Lite ansvar", "Individ"]  # the last answer is shown with its codes lit
    qtbot.keyClick(coding, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    idle(qtbot, window)
    assert coding.position_label.text() == "Svar 2 av 3"

    # analysis: the figures equal what was coded, with n behind them
    page.session_tabs.setCurrentWidget(page.analysis_holder)
    qtbot.waitUntil(lambda: page.analysis is not None and page.analysis.analysis is not None, timeout=10_000)
    idle(qtbot, window)
    analysis = page.analysis
    assert analysis.analysis.responses == 3 and analysis.analysis.coded == 3
    assert "<b>3</b> svar" in analysis.figures_label.text()
    analysis.dimension_list.setCurrentRow(0)  # Ansvar
    header = [analysis.table.horizontalHeaderItem(c).text() for c in range(analysis.table.columnCount())]
    assert header == ["Alle\n(n=3)", "Barnehage\n(n=2)", "Skole\n(n=1)"]
    rows = [analysis.table.verticalHeaderItem(r).text() for r in range(analysis.table.rowCount())]
    assert rows == ["Lite ansvar", "Noe ansvar", "Tydelig ansvar"]
    assert [analysis.table.item(r, 0).text() for r in range(3)] == ["1 (33\u00a0%)", "1 (33\u00a0%)", "1 (33\u00a0%)"]
    series = analysis.chart.series()[0]
    assert series.barSets()[0].label() == "Alle (n=3)"
    assert [series.barSets()[0].at(i) for i in range(3)] == [33, 33, 33]
    analysis.axis_combo.setCurrentIndex(1)  # by role
    header = [analysis.table.horizontalHeaderItem(c).text() for c in range(analysis.table.columnCount())]
    assert header[0] == "Alle\n(n=3)"
    assert window.crashes == []


def test_a_too_long_or_empty_answer_is_refused_with_a_message(make_window, store, qtbot):
    from storage.models.vignettes import MAX_ANSWER_CHARS
    from storage.services.vignette_sessions import list_responses

    add_municipality(store)
    window = make_window()
    page = open_page(window, qtbot)
    create_session_from_page(window, qtbot, page, anonymous=True)
    capture = page.run.capture
    capture.submit()
    qtbot.waitUntil(capture.error_label.isVisible, timeout=10_000)
    assert "Svaret er tomt" in capture.error_label.text()
    capture.answer_edit.setPlainText("x" * (MAX_ANSWER_CHARS + 1))
    capture.submit()
    qtbot.waitUntil(capture.error_label.isVisible, timeout=10_000)
    assert "for langt" in capture.error_label.text()
    assert list_responses(store, page.detail.session.id) == []

    # a phone number: a warning first, nothing stored; Ctrl+Enter again stores it anyway
    capture.answer_edit.setPlainText("Ring foreldrene på 912 34 567 og avtal et møte med dem samme dag.")
    capture.submit()
    assert capture.warning_box.isVisible() and "telefonnummer" in capture.warning_label.text()
    idle(qtbot, window)
    assert list_responses(store, page.detail.session.id) == []
    capture.submit()
    qtbot.waitUntil(lambda: len(list_responses(store, page.detail.session.id)) == 1, timeout=10_000)
    [stored] = list_responses(store, page.detail.session.id)
    assert stored.unit_id is None and stored.respondent == "Gruppe 1"
    qtbot.waitUntil(lambda: capture.respondent_edit.text() == "Gruppe 2", timeout=10_000)
    capture.kind_combo.setCurrentIndex(capture.kind_combo.findData("participant"))  # per participant
    qtbot.waitUntil(lambda: capture.respondent_edit.text() == "Deltaker 1", timeout=10_000)
    assert not QMessageBox().isVisible()
