"""Universal design: every focusable control on every page has an accessible name (its text, a bound
label or a name of its own), and Tab reaches every enabled input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from .planning_helpers import demo, open_section, wait_jobs  # noqa: F401

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView, QAbstractButton)


def _controls(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget, QTabBar) or not widget.isVisible():
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus == 0 or not widget.isEnabled():
            continue
        if isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)) or widget.objectName().startswith("qt_"):
            continue  # a part of another control
        found.append(widget)
    return found


def _describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    text = text() if callable(text) and isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}({widget.objectName() or text or widget.toolTip()[:30]})"


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in _controls(root):
        face = QAccessible.queryAccessibleInterface(widget)
        if face is None or not face.text(QAccessible.Text.Name).strip():
            missing.append(_describe(widget))
    return missing


def unreachable(window, root: QWidget) -> list[str]:
    """Inputs on `root` that Tab does not reach, walking the focus chain from the first."""
    controls = [w for w in _controls(root) if not isinstance(w, QAbstractButton)]
    if not controls:
        return []
    seen, widget = set(), controls[0]
    for _ in range(2000):
        seen.add(widget)
        widget = widget.nextInFocusChain()
        if widget is controls[0]:
            break
    return [_describe(w) for w in controls if w not in seen and w.focusProxy() not in seen]


def test_every_control_has_a_name_and_tab_reaches_every_input(make_window, demo, qtbot):  # noqa: F811
    window = make_window()
    missing, lost = {}, {}
    for row, page in enumerate(window.pages):
        window.show_page(row)
        wait_jobs(window, qtbot)
        keys = ("participation", "units", "resource_persons", "networks", "tasks", "plan") if row == 1 else ("",)
        for key in keys:
            if key and key != "participation":
                open_section(window, qtbot, key)
            QApplication.processEvents()
            name = f"{page.page_title()} {key}".strip()
            missing[name], lost[name] = unnamed(page), unreachable(window, page)
    assert not any(missing.values()), {k: v for k, v in missing.items() if v}
    assert not any(lost.values()), {k: v for k, v in lost.items() if v}


def test_every_dialog_control_has_a_name_and_tab_reaches_every_input(make_window, demo, qtbot):  # noqa: F811
    from .test_laptop_fit import each_dialog

    window = make_window()
    missing, lost = {}, {}
    for name, dialog in each_dialog(window, qtbot):
        QApplication.processEvents()
        missing[name], lost[name] = unnamed(dialog), unreachable(window, dialog)
    assert not any(missing.values()), {k: v for k, v in missing.items() if v}
    assert not any(lost.values()), {k: v for k, v in lost.items() if v}
