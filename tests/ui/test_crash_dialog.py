"""Uncaught errors: the crash dialog shows the report, copies it and says where the log is."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ui.crash_dialog import CrashDialog, CrashReporter

REPORT = 'Traceback (most recent call last):\n  File "x.py", line 1, in <module>\nZeroDivisionError: boom\n'


def test_the_dialog_shows_the_report_and_copies_it(qtbot):
    dialog = CrashDialog(REPORT, Path("/tmp/logg/nettverkslogg.log"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Uventet feil"
    assert dialog.report_box.toPlainText() == REPORT
    assert dialog.report_box.isReadOnly()
    assert "/tmp/logg/nettverkslogg.log" in dialog.log_label.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == REPORT
    assert dialog.copy_button.text() == "Kopiert"


def test_without_a_log_file(qtbot):
    dialog = CrashDialog(REPORT, None)
    qtbot.addWidget(dialog)
    assert "ingen loggfil" in dialog.log_label.text()


def test_the_reporter_can_be_called_from_any_thread(qtbot):
    reporter = CrashReporter()
    thread = threading.Thread(target=reporter, args=(REPORT, Path("/tmp/x.log")))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog.report_box.toPlainText() == REPORT
    reporter(REPORT + "again", None)  # a second error while the first dialog is open: still one dialog
    first = reporter.dialog
    assert reporter.dialog is first
    first.close()
