"""Checks that a window or dialog fits the 1280×720 test screen and that its buttons can be seen."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

SCREEN_WIDTH, SCREEN_HEIGHT = 1280, 720


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def misfits(top: QWidget) -> list[str]:
    """What does not fit: the window larger than the screen, or a button outside the window."""
    QApplication.processEvents()
    name = top.windowTitle() or type(top).__name__
    problems = []
    available = top.screen().availableGeometry()
    assert (available.width(), available.height()) == (SCREEN_WIDTH, SCREEN_HEIGHT)
    size, needed = top.frameGeometry().size(), top.minimumSizeHint().expandedTo(top.minimumSize())
    if size.width() > available.width() or size.height() > available.height():
        problems.append(f"{name}: {size.width()}×{size.height()}")
    if needed.width() > available.width() or needed.height() > available.height():
        problems.append(f"{name} needs {needed.width()}×{needed.height()}")
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or _in_scroll_area(button, top):
            continue
        rect = button.rect().translated(button.mapTo(top, button.rect().topLeft()))
        if not top.rect().contains(rect) or rect.bottom() > available.height() or rect.right() > available.width():
            problems.append(f"{name}: button «{button.text()}» at {rect.x()},{rect.y()} is outside")
    return problems


LONG_TEXT = " ".join(["Lagret «Nettverkssamling» med 12 deltakere og 3 oppgaver til neste samling."] * 4)


def widening_labels(page: QWidget, room: int) -> list[str]:
    """Message labels on `page` (empty until something happens) that would make it wider than `room`
    px if they showed a long message."""
    from PySide6.QtWidgets import QLabel

    found = []
    content = page.scroll.widget() if page.scroll is not None else page
    for label in page.findChildren(QLabel):
        if label.text() or not label.isVisibleTo(page) or _in_scroll_area(label, content):
            continue
        before = label.text()
        label.setText(LONG_TEXT)
        QApplication.processEvents()
        if content.minimumSizeHint().width() > room:
            found.append(f"{type(label.parentWidget()).__name__}: «{before[:40]}»")
        label.setText(before)
        QApplication.processEvents()
    return found
