"""«Forkast endringene» on Plan asks before it throws away what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .planning_helpers import demo, open_section  # noqa: F401

ADDED = " Foreldrerådet får planen til høring."


def _button(box, text):
    return next(b for b in box.buttons() if b.text() == text)


def test_discarding_the_plan_text_asks_first(make_window, qtbot, demo):  # noqa: F811
    window = make_window()
    _page, section = open_section(window, qtbot, "plan")
    editor = section.editors["organisation"]
    editor.setPlainText(editor.toPlainText() + ADDED)
    qtbot.mouseClick(section.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.revert_box is not None and section.revert_box.isVisible(), timeout=5_000)
    assert editor.toPlainText().endswith(ADDED)  # nothing thrown away while asking
    _button(section.revert_box, "Behold teksten").click()
    assert editor.toPlainText().endswith(ADDED) and section.is_changed()

    qtbot.mouseClick(section.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.revert_box.isVisible(), timeout=5_000)
    _button(section.revert_box, "Forkast endringene").click()
    assert not editor.toPlainText().endswith(ADDED) and not section.is_changed()
