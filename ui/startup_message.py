"""Messages shown instead of the main window: the database cannot be opened (in use, damaged, from a
newer version, read-only), or a command ran from the windowed program, which has no console.

A user who double-clicks Nettverkslogg must see why nothing opened; stderr alone says nothing to them.
With NETTVERKSLOGG_EXIT_AFTER_PAINT=1 (tests and benchmarks) the box closes itself once painted and
prints its text, so a headless run can check that it appeared.
"""

from __future__ import annotations

import os
import sys

from .app import EXIT_AFTER_PAINT_ENV, make_application


def can_show_dialogs() -> bool:
    """False where nobody could see a dialog: Qt's offscreen platform (unless a test waits for the
    box), or Linux without a display."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if os.environ.get(EXIT_AFTER_PAINT_ENV) == "1":
        return True
    if platform in ("offscreen", "minimal"):
        return False
    if sys.platform.startswith("linux") and not platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def show_message(text: str, *, title: str, error: bool = True, details: str = "") -> None:
    """A modal message box with the app's icon and style; returns when the user closes it."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMessageBox

    make_application([sys.argv[0] if sys.argv else "nettverkslogg"])
    icon = QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(box.tr("Lukk"))
    if details:
        box.setDetailedText(details)

    class CloseWhenPainted(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print(f"startup-message {text}", file=sys.__stdout__ or sys.stdout, flush=True)
                QTimer.singleShot(0, box.accept)
            return False

    if os.environ.get(EXIT_AFTER_PAINT_ENV) == "1":
        closer = CloseWhenPainted(box)
        box.installEventFilter(closer)
    box.exec()


def ask(question: str, *, title: str) -> bool:
    """A yes/no question before the main window exists («Ja» is the default)."""
    from PySide6.QtWidgets import QMessageBox

    make_application([sys.argv[0] if sys.argv else "nettverkslogg"])
    box = QMessageBox(QMessageBox.Icon.Question, title, question)
    yes = box.addButton(box.tr("Ja, åpne den lokale kopien"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(box.tr("Nei"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    if os.environ.get(EXIT_AFTER_PAINT_ENV) == "1":  # tests: answer yes once painted
        from PySide6.QtCore import QTimer

        print(f"startup-question {question}", file=sys.__stdout__ or sys.stdout, flush=True)
        QTimer.singleShot(0, yes.click)
    box.exec()
    return box.clickedButton() is yes
