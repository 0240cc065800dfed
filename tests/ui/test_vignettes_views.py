"""Vignetter views: the phase timer, the presenter window, versions on edit, kappa with too few answers,
user codes, and response sheets from the session view."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ui.vignettes.phase_timer import PhaseTimer, clock

from .conftest import add_municipality
from .test_vignettes_session import ANSWERS, idle, open_page


def make_session(store, muni, *, coders=()):
    from storage.services.coding import apply_shortcuts
    from storage.services.vignette_sessions import capture_response, create_session
    from storage.services.vignettes import list_vignettes

    vignette = list_vignettes(store, target="school")[0]
    detail = create_session(store, {"municipality_id": muni.id, "vignette_version_id": vignette.latest.id,
                                    "held_on": date(2025, 9, 1),
                                    "groups": [{"name": "Gruppe 1", "unit_kind": "school"}]})
    responses = [capture_response(store, detail.session.id, {"text": text, "unit_kind": "school"}).response
                 for text in ANSWERS]
    for coder, keys in coders:
        for response, key in zip(responses, keys, strict=True):
            apply_shortcuts(store, response.id, coder, key)
    return vignette, detail, responses


def test_phase_timer_counts_down_and_moves_on_without_sleeping(qtbot):
    timer = PhaseTimer([1, 2, 3])
    seen = []
    timer.phase_changed.connect(seen.append)
    assert (timer.phase_name(), timer.remaining_text()) == ("Individuell refleksjon", "1:00")
    timer.start()
    timer.tick(45)
    assert timer.remaining_text() == "0:15"
    timer.tick(20)  # runs over: the next phase has lost 5 seconds
    assert timer.phase_name() == "Gruppesamtale" and timer.remaining == 115 and seen == [1]
    timer.set_minutes(1, 4)  # lengthen the running phase by two minutes
    assert timer.remaining == 235
    timer.pause()
    timer.tick(0)
    timer.skip()
    assert timer.phase_name() == "Plenum" and timer.remaining == 180
    with qtbot.waitSignal(timer.finished, timeout=1000):
        timer.tick(180)
    assert timer.done and timer.phase_name() == "Ferdig" and not timer.running
    timer.reset()
    assert timer.phase == 0 and timer.remaining == 60
    assert clock(3599) == "59:59"


def test_presenter_shows_the_text_large_and_follows_the_phase(qtbot):
    from ui.vignettes.presenter import PresenterWindow

    timer = PhaseTimer([5, 15, 15])
    presenter = PresenterWindow(timer)
    qtbot.addWidget(presenter)
    presenter.set_vignette("Utenfor leken", "Tekst om en jente som står utenfor leken. Hva gjør du?")
    presenter.resize(1400, 900)
    presenter.show()
    assert presenter.text_label.text().startswith("Tekst om en jente")
    assert presenter.text_label.font().pointSizeF() >= 24
    assert presenter.clock_label.font().pointSizeF() > presenter.text_label.font().pointSizeF()
    assert presenter.phase_label.text() == "Individuell refleksjon  (pause)" and presenter.clock_label.text() == "5:00"
    timer.start()
    timer.tick(30)
    assert presenter.phase_label.text() == "Individuell refleksjon" and presenter.clock_label.text() == "4:30"
    timer.skip()
    assert presenter.phase_label.text() == "Gruppesamtale" and presenter.clock_label.text() == "15:00"
    assert presenter.screen_choice.count() >= 1
    presenter.toggle_full_screen()
    assert presenter.isFullScreen() and presenter.tools.isHidden()
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    assert not presenter.isFullScreen() and not presenter.tools.isHidden()
    timer.pause()


def test_editing_a_used_vignette_makes_a_new_version(make_window, store, qtbot):
    from storage.services.vignette_sessions import get_session
    from storage.services.vignettes import get_vignette

    muni = add_municipality(store)
    vignette, detail, _responses = make_session(store, muni)
    window = make_window()
    page = open_page(window, qtbot)
    library = page.library
    library.select(vignette.id)
    assert library.current().id == vignette.id
    assert vignette.latest.follow_up_questions[0] in library.detail.toPlainText()
    library.edit()
    editor = library._editor
    new_text = vignette.latest.text.replace("?", "? Hva gjør dere i personalet?", 1)
    editor.text_edit.setPlainText(new_text)
    editor.save_button.click()
    qtbot.waitUntil(lambda: getattr(library, "last_message", None) is not None, timeout=10_000)
    assert "versjon 2" in library.last_message.text()
    assert get_vignette(store, vignette.id).latest.text == new_text
    assert get_session(store, detail.session.id).version.text == vignette.latest.text  # the old session keeps it
    idle(qtbot, window)
    assert library.current().latest.version == 2


def test_kappa_view_says_too_few_on_a_small_session(make_window, store, qtbot):
    muni = add_municipality(store)
    _vignette, detail, _responses = make_session(store, muni, coders=[("RP", ["3s", "2r", "1i"]),
                                                                       ("K2", ["3s", "1r", "1s"])])
    window = make_window()
    page = open_page(window, qtbot)
    page.open_session(detail.session.id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    page.session_tabs.setCurrentWidget(page.agreement)
    view = page.agreement
    qtbot.waitUntil(lambda: view.report is not None, timeout=10_000)
    assert view.report.double_coded == 3
    assert "for få dobbeltkodede svar" in view.summary_label.text()
    first = view.model.rows()[0]
    assert first.label == "Ansvar" and first.overall.kappa is None
    assert view.model.index(0, 1).data() == "–" and view.model.index(0, 3).data() == "3"
    assert "For få dobbeltkodede svar" in view.model.index(0, 4).data()
    disagreements = {(d.respondent, d.dimension) for d in view.report.disagreements}
    assert ("Deltaker 2", "responsibility") in disagreements and ("Deltaker 3", "perspective") in disagreements
    # double-click a disagreement: the coding view opens on that answer
    row = next(i for i in range(view.disagreement_proxy.rowCount())
               if view.disagreement_proxy.index(i, 0).data() == "Deltaker 3")
    view.disagreement_table.doubleClicked.emit(view.disagreement_proxy.index(row, 0))
    qtbot.waitUntil(lambda: page.session_tabs.currentWidget() is page.coding
                    and page.coding.position_label.text() == "Svar 3 av 3", timeout=10_000)


def test_user_code_by_its_key_and_deleting_it_with_remap(make_window, store, qtbot):
    from storage.services.coding import response_codes

    muni = add_municipality(store)
    _vignette, detail, responses = make_session(store, muni)
    window = make_window()
    page = open_page(window, qtbot)
    page.open_session(detail.session.id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    page.session_tabs.setCurrentWidget(page.coding)
    coding = page.coding
    qtbot.waitUntil(lambda: coding.view is not None and bool(coding.responses), timeout=10_000)
    idle(qtbot, window)
    coding.add_code()
    from ui.vignettes.code_dialogs import AddCodeDialog, DeleteCodeDialog

    add = coding.findChild(AddCodeDialog)
    add.dimension_combo.setCurrentIndex(add.dimension_combo.findText("Vurdering av situasjonen"))
    add.label_edit.setText("Utestenging")
    add.shortcut_edit.setText("x")
    add.ok_button.click()
    qtbot.waitUntil(lambda: any(p.code.label == "Utestenging" for p in coding.pills.values()), timeout=10_000)
    idle(qtbot, window)
    coding.coder_combo.setEditText("RP")
    coding.setFocus()
    qtbot.keyClick(coding, "x")
    idle(qtbot, window)
    assert response_codes(store, responses[0].id, "RP").keys() == {"classification:utestenging"}
    coding.delete_code()
    delete = coding.findChild(DeleteCodeDialog)
    delete.code_combo.setCurrentIndex(delete.code_combo.findText("Vurdering av situasjonen: Utestenging"))
    qtbot.waitUntil(lambda: "brukt i 1 koding." in delete.usage_label.text(), timeout=10_000)
    delete.remap_combo.setCurrentIndex(delete.remap_combo.findText("Mobbing"))
    delete.ok_button.click()
    qtbot.waitUntil(lambda: not any(p.code.label == "Utestenging" for p in coding.pills.values()), timeout=10_000)
    assert response_codes(store, responses[0].id, "RP").keys() == {"classification:bullying"}


def test_response_sheet_from_the_session_view(make_window, store, qtbot, tmp_path):
    from openpyxl import load_workbook

    from exports.response_sheet import ANSWER_SHEET, FIRST_ROW
    from storage.services.vignette_sessions import list_responses

    muni = add_municipality(store)
    _vignette, detail, _responses = make_session(store, muni)
    window = make_window()
    page = open_page(window, qtbot)
    page.open_session(detail.session.id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    run = page.run
    path = tmp_path / "svar.xlsx"
    from ui.vignettes.sheets import read_response_sheet, write_response_sheet

    write_response_sheet(run, page.detail, str(path), rows=5)
    qtbot.waitUntil(lambda: getattr(run, "last_sheet", None) == str(path), timeout=10_000)
    wb = load_workbook(path)
    ws = wb[ANSWER_SHEET]
    assert ws[f"A{FIRST_ROW}"].value == "Deltaker 4"
    ws[f"B{FIRST_ROW}"], ws[f"D{FIRST_ROW}"] = "Skole", "Vi ville snakket med klassen om hvordan vi er mot hverandre."
    ws[f"D{FIRST_ROW + 1}"], ws[f"B{FIRST_ROW + 1}"] = None, "Skole"
    wb.save(path)
    read_response_sheet(run, page.detail, str(path))
    qtbot.waitUntil(lambda: getattr(run, "preview_dialog", None) is not None, timeout=10_000)
    dialog = run.preview_dialog
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.index(0, 0).data() == f"Svar!D{FIRST_ROW + 1}"
    dialog.reject()
    ws[f"B{FIRST_ROW + 1}"] = None
    wb.save(path)
    run.preview_dialog = None
    read_response_sheet(run, page.detail, str(path))
    qtbot.waitUntil(lambda: run.preview_dialog is not None, timeout=10_000)
    assert run.preview_dialog.import_button.isEnabled()
    run.preview_dialog.import_button.click()
    qtbot.waitUntil(lambda: len(page.responses) == 4, timeout=10_000)
    assert "Deltaker 4" in [r.respondent for r in list_responses(store, detail.session.id)]


def test_kappa_view_on_the_demo_data_says_too_few(make_window, store, qtbot):
    from storage.demo import generate_demo
    from storage.services.agreement import MIN_DOUBLE_CODED

    generate_demo(store)
    window = make_window()
    page = open_page(window, qtbot)
    page.home.setCurrentWidget(page.sessions)
    double = [d for d in page.sessions.model.rows() if d.coded]
    assert double
    page.open_session(double[0].session.id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    page.session_tabs.setCurrentWidget(page.agreement)
    view = page.agreement
    qtbot.waitUntil(lambda: view.report is not None, timeout=10_000)
    assert (view.report.coder_a, view.report.coder_b) == ("RP", "K2")
    assert view.report.double_coded < MIN_DOUBLE_CODED  # the demo's second coder coded a few answers
    assert "for få dobbeltkodede svar" in view.summary_label.text()
    assert all(d.overall.kappa is None for d in view.report.dimensions)
    assert view.disagreements.rowCount() >= 1


def test_before_after_and_summary_export(make_window, store, qtbot, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from storage.services.coding import apply_shortcuts
    from storage.services.vignette_sessions import capture_response, create_session

    muni = add_municipality(store)
    vignette, before, responses = make_session(store, muni, coders=[("RP", ["1i", "1i", "2r"])])
    after = create_session(store, {"municipality_id": muni.id, "vignette_version_id": vignette.latest.id,
                                   "held_on": date(2026, 3, 1)})
    for text, key in zip(ANSWERS, ["3s", "3s", "2s"], strict=True):
        response = capture_response(store, after.session.id, {"text": text, "unit_kind": "school"}).response
        apply_shortcuts(store, response.id, "RP", key)
    window = make_window()
    page = open_page(window, qtbot)
    page.open_session(after.session.id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    page.session_tabs.setCurrentWidget(page.analysis_holder)
    qtbot.waitUntil(lambda: page.analysis is not None and page.analysis.compare.comparison is not None,
                    timeout=10_000)
    compare = page.analysis.compare
    assert compare.comparison.before.session_id == before.session.id
    assert "For få svar til å sammenligne «Alle»" in compare.warnings_label.text()
    rows = {(c.dimension, c.key, c.group.key): c for c in compare.model.rows()}
    high = rows[("responsibility", "high", "all")]
    assert (high.before_n, high.after_n, round(high.change)) == (3, 3, 67)
    analysis = page.analysis
    analysis.export_to(str(tmp_path / "sammendrag.pdf"), "pdf")
    qtbot.waitUntil(lambda: getattr(analysis, "last_export", None) == str(tmp_path / "sammendrag.pdf"),
                    timeout=20_000)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "sammendrag.pdf").pages)
    assert after.session.title.split(" – ")[0] in text
    analysis.export_to(str(tmp_path / "sammendrag.xlsx"), "xlsx")
    qtbot.waitUntil(lambda: analysis.last_export == str(tmp_path / "sammendrag.xlsx"), timeout=20_000)
    assert load_workbook(tmp_path / "sammendrag.xlsx").sheetnames
