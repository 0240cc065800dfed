"""No clipped texts at 1280×720: every combo box shows its whole current item and every line edit its
whole placeholder, every label its whole text («Alle semes», «Tilskudd (kommunens ande» were cut off)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QStyle, QStyleOptionComboBox

from .planning_helpers import demo, open_section, wait_jobs  # noqa: F401


def _combo_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    return rect.width()


def clipped(page) -> list[str]:
    QApplication.processEvents()
    found = []
    for combo in page.findChildren(QComboBox):
        if combo.isVisible() and not combo.isEditable() and combo.currentText():
            if combo.fontMetrics().horizontalAdvance(combo.currentText()) > _combo_room(combo):
                found.append(f"combo «{combo.currentText()}»")
    for edit in page.findChildren(QLineEdit):
        if edit.isVisible() and edit.placeholderText() and not edit.text() and edit.parent() is not None \
                and not isinstance(edit.parent(), QComboBox) and type(edit.parent()).__name__ != "QAbstractSpinBox":
            room = edit.contentsRect().width() - 8
            if edit.fontMetrics().horizontalAdvance(edit.placeholderText()) > room:
                found.append(f"placeholder «{edit.placeholderText()}»")
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap() and label.pixmap().isNull() \
                and label.width() < label.sizeHint().width() - 2:
            found.append(f"label «{label.text()[:40]}»")
    return found


def test_no_clipped_texts_on_any_page(make_window, demo, qtbot):  # noqa: F811
    window = make_window()
    found = {}
    for row, page in enumerate(window.pages):
        window.show_page(row)
        wait_jobs(window, qtbot)
        if row == 1:
            for key in ("units", "resource_persons", "networks", "tasks", "plan", "participation"):
                if key != "participation":
                    open_section(window, qtbot, key)
                else:
                    window.navigate("planning.participation")
                    wait_jobs(window, qtbot)
                found[f"planning.{key}"] = clipped(page)
        else:
            found[page.page_title()] = clipped(page)
    assert not any(found.values()), {k: v for k, v in found.items() if v}
