"""Uncaught errors: a calm explanation, the report to copy, and where the log is.

The reporter is installed before the first paint, so `Qt` is imported only when a dialog is built.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .widgets.screen import fit_to_screen


class CrashDialog(QDialog):
    def __init__(self, report: str, log_file: Path | str | None, parent: QWidget | None = None):
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Uventet feil"))
        fit_to_screen(self, 680, 500)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = QLabel(self.tr("Noe gikk galt"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        text = QLabel(self.tr(
            "Det oppstod en uventet feil i Nettverkslogg. Det du allerede har lagret, ligger trygt i "
            "databasen. Du kan fortsette, men start gjerne programmet på nytt.\n\n"
            "Trenger du hjelp? Kopier rapporten under og send den til den som hjelper deg med programmet. "
            "Rapporten viser hvor i programmet feilen skjedde."))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.report_box = QPlainTextEdit(report)
        self.report_box.setReadOnly(True)
        self.report_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_box.setAccessibleName(self.tr("Feilrapport"))
        layout.addWidget(self.report_box, 1)
        where = (self.tr("Loggfil: {path}").format(path=log_file) if log_file
                 else self.tr("Det finnes ingen loggfil for denne økten."))
        self.log_label = QLabel(where)
        self.log_label.setObjectName("muted")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.log_label)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Kopier rapport"))
        self.copy_button.clicked.connect(self.copy_report)
        close = QPushButton(self.tr("Lukk"))
        close.setObjectName("primary")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        close.setFocus()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Kopiert"))


class CrashReporter(QObject):
    """A reporter for desktop.crash.set_reporter: callable from any thread, shows the dialog on the GUI thread."""

    _reported = Signal(str, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self._reported.connect(self._show)

    def __call__(self, report: str, log_file: Path | None) -> None:
        self._reported.emit(report, log_file)

    @Slot(str, object)
    def _show(self, report: str, log_file) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one at a time; every error is in the log
        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(report, log_file, parent)
        self.dialog.open()
