"""An untouched «Registrer ny samling» does not store a held gathering without network or attendance
before the user has answered «Lagre uten oppmøte?»."""

from __future__ import annotations

from storage.services.gatherings_plan import list_gatherings
from tests.log_world import make_world

from .test_gatherings_page import open_editor, open_page


def _held(store, world):
    return [g for g in list_gatherings(store, world.municipality.id) if g.status == "held"]


def test_untouched_form_asks_before_storing(make_window, store, qtbot):
    world = make_world(store)
    window, page = open_page(make_window, qtbot)
    editor = open_editor(page, qtbot)
    editor.save()
    qtbot.waitUntil(lambda: editor.confirm_box is not None and editor.confirm_box.isVisible(), timeout=5_000)
    assert editor.confirm_box.windowTitle() == "Lagre uten oppmøte?"
    back = next(b for b in editor.confirm_box.buttons() if b.text() == "Gå tilbake")
    back.click()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=5_000)
    assert editor.isVisible() and _held(store, world) == []

    editor.save()
    qtbot.waitUntil(lambda: editor.confirm_box.isVisible(), timeout=5_000)
    next(b for b in editor.confirm_box.buttons() if b.text() == "Lagre uten oppmøte").click()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=15_000)
    assert len(_held(store, world)) == 1


def test_attendance_stores_without_asking(make_window, store, qtbot):
    world = make_world(store)
    _window, page = open_page(make_window, qtbot)
    editor = open_editor(page, qtbot)
    editor.attendance.boxes[(None, "owner")].setValue(2)
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=15_000)
    assert editor.confirm_box is None and len(_held(store, world)) == 1
