"""Samlinger: record a gathering with attendance and a task through the editor; a bad entry stores
nothing; the reflection templates list and print."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt

from storage.services.gatherings import get_gathering_detail
from storage.services.gatherings_plan import list_gatherings
from storage.services.tasks import list_tasks
from tests.log_world import TODAY, dump, make_world
from ui.gatherings.common import select_data

SOLSIKKEN, TUSENFRYD = "Solsikken barnehage", "Tusenfryd barnehage"


def open_page(make_window, qtbot):
    window = make_window()
    page = window.page(2)
    page.today = lambda: TODAY
    window.navigate("gatherings")
    qtbot.waitUntil(lambda: page.list_view.data is not None, timeout=15_000)
    return window, page


def open_editor(page, qtbot, gathering_id=None):
    page.open_editor(gathering_id)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=15_000)
    return page.editor


def test_record_a_gathering_with_attendance_and_a_task(make_window, store, qtbot):
    world = make_world(store)
    window, page = open_page(make_window, qtbot)
    assert page.list_view.model.rowCount() == 1  # the planned network gathering
    editor = open_editor(page, qtbot)
    editor.kind.setCurrentIndex(editor.kind.findData("network_meeting"))
    assert editor.level.currentData() == "network"
    editor.day.setDate(QDate(2026, 11, 12))
    editor.place.setText("Solsikken barnehage")
    select_data(editor.network, world.network.id)
    editor.theme_boxes["forebygge"].setChecked(True)
    editor.tags.setText("lekeveiledning, overganger")
    editor.reflections.setPlainText("Vi går ulikt inn i leken.")
    # The network's members come first in the grid; numbers typed from the keyboard.
    solsikken, tusenfryd = world.unit(SOLSIKKEN).id, world.unit(TUSENFRYD).id
    box = editor.attendance.boxes[(solsikken, "leader")]
    box.setFocus()
    qtbot.keyClicks(box, "2")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.attendance.boxes[(solsikken, "pedagogical_leader")], "4")
    editor.attendance.boxes[(tusenfryd, "assistant")].setValue(3)
    editor.attendance.boxes[(None, "owner")].setValue(1)
    assert editor.attendance.total() == 10
    editor.tasks.add_row("Prøv lekeveiledning ute", solsikken, "03.12.2026")
    editor.templates.item(0).setCheckState(Qt.CheckState.Checked)
    template_key = editor.templates.item(0).data(256)
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible() or editor.error.isVisible(), timeout=15_000)
    assert not editor.error.isVisible(), editor.error.text()

    held = [g for g in list_gatherings(store, world.municipality.id) if g.status == "held"]
    assert len(held) == 1
    detail = get_gathering_detail(store, held[0].id)
    assert detail.gathering.title == "Nettverkssamling" and detail.gathering.place == "Solsikken barnehage"
    assert detail.gathering.starts_at == datetime(2026, 11, 12, 12, 0)
    assert detail.gathering.themes == ["forebygge", "lekeveiledning", "overganger"]
    assert detail.gathering.reflection_templates == [template_key]
    assert detail.count_for(solsikken, "leader") == 2 and detail.count_for(solsikken, "pedagogical_leader") == 4
    assert detail.count_for(tusenfryd, "assistant") == 3 and detail.count_for(None, "owner") == 1
    tasks = [t for t in list_tasks(store, world.municipality.id, today=TODAY) if t.gathering_id == held[0].id]
    assert [(t.title, t.unit_id, t.due_date) for t in tasks] == [("Prøv lekeveiledning ute", solsikken,
                                                                 date(2026, 12, 3))]
    qtbot.waitUntil(lambda: page.list_view.model.rowCount() == 2, timeout=15_000)


def test_fill_in_a_planned_gathering_keeps_it_one_gathering(make_window, store, qtbot):
    world = make_world(store)
    window, page = open_page(make_window, qtbot)
    planned = list_gatherings(store, world.municipality.id)[0]
    editor = open_editor(page, qtbot, planned.id)
    assert editor.title.text() == "Nettverkssamling om voksenrollen"
    assert editor.network.currentData() == world.network.id
    editor.day.setDate(QDate(2026, 11, 19))  # it was moved earlier and held
    editor.attendance.boxes[(world.unit(SOLSIKKEN).id, "leader")].setValue(1)
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=15_000)
    gatherings = list_gatherings(store, world.municipality.id)
    assert len(gatherings) == 1 and gatherings[0].status == "held"


def test_a_bad_entry_shows_the_norwegian_message_and_stores_nothing(make_window, store, qtbot):
    world = make_world(store)
    window, page = open_page(make_window, qtbot)
    before = dump(store)
    editor = open_editor(page, qtbot)
    editor.day.setDate(QDate(2026, 12, 24))  # after «today»
    editor.attendance.boxes[(world.unit(SOLSIKKEN).id, "leader")].setValue(2)
    editor.tasks.add_row("Del erfaringer", None, "")
    editor.save()
    qtbot.waitUntil(lambda: editor.error.isVisible(), timeout=15_000)
    assert "fram i tid" in editor.error.text() and "24.12.2026" in editor.error.text()
    assert editor.isVisible() and editor.save_button.isEnabled()
    # A due date that is not a date is caught by the form, before anything is sent.
    editor.day.setDate(QDate(2026, 11, 2))
    editor.tasks.rows[0][2].setText("neste uke")
    editor.save()
    assert "neste uke" in editor.error.text() and "dd.mm.åååå" in editor.error.text()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=15_000)
    assert dump(store) == before
    editor.reject()


def test_reflection_templates_are_listed_and_print_as_one_page_pdf(make_window, store, qtbot, tmp_path):
    from pypdf import PdfReader

    make_world(store)
    window, page = open_page(make_window, qtbot)
    window.navigate("gatherings.templates")
    view = page.templates_view
    qtbot.waitUntil(lambda: view.list.count() >= 6, timeout=15_000)
    view.list.setCurrentRow(1)
    template = view.current()
    assert template.title in view.text.toPlainText() and template.questions[0] in view.text.toPlainText()
    target = tmp_path / "mal.pdf"
    with qtbot.waitSignal(view.written, timeout=20_000):
        view.write([template], target)
    reader = PdfReader(target)
    assert len(reader.pages) == 1 and template.title in reader.pages[0].extract_text()
    assert "Fjordvik" in reader.pages[0].extract_text()
    assert "Lagret" in view.status.text()
