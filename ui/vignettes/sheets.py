"""«Lag svarark» and «Les inn svarark»: the response-sheet workbook for answers on paper or by e-mail.

Reading checks the whole file first and shows a preview: the errors with their cells («Svar!D7»), the
warnings about personal identifiers, and the answers; only «Les inn» stores them, all or none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..widgets.forms import form_error
from ..widgets.screen import fit_to_screen
from ..widgets.table_model import RIGHT, Column, RecordTableModel


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def write_response_sheet(view: QWidget, detail, path: str | None = None, rows: int | None = None) -> None:
    if rows is None:
        rows, ok = QInputDialog.getInt(view, view.tr("Lag svarark"), view.tr("Hvor mange svarrader skal arket ha?"),
                                       40, 1, 500)
        if not ok:
            return
    if path is None:
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in detail.session.title).strip()
        path, _chosen = QFileDialog.getSaveFileName(view, view.tr("Lagre svarark"),
                                                    str(Path(_documents()) / f"Svarark {safe}.xlsx"),
                                                    view.tr("Excel-arbeidsbok (*.xlsx)"))
        if not path:
            return
    session_id = detail.session.id

    def job(store, progress, cancel):
        from exports.response_sheet import build_spec
        from exports.response_sheet import write_response_sheet as write
        return write(build_spec(store, session_id, rows), path)

    def done(written) -> None:
        view.last_sheet = str(written)
        box = QMessageBox(QMessageBox.Icon.Information, view.tr("Svarark laget"), view.tr(
            "Svararket er lagret: {path}\n\nSend det til deltakerne. Når det kommer tilbake, velg «Les inn svarark» "
            "i denne økta.").format(path=written), QMessageBox.StandardButton.Ok, view)
        box.open()
        view.last_message = box

    view.page.runner.submit(job, on_done=done, label=view.tr("Lager svararket …"))


def read_response_sheet(view: QWidget, detail, path: str | None = None) -> None:
    if path is None:
        path, _chosen = QFileDialog.getOpenFileName(view, view.tr("Les inn svarark"), _documents(),
                                                    view.tr("Excel-arbeidsbok (*.xlsx)"))
        if not path:
            return
    session_id = detail.session.id

    def job(store, progress, cancel):
        from exports.response_sheet import read_response_sheet as read
        from storage.services.response_import import preview_response_sheet
        return preview_response_sheet(store, read(path), session_id)

    def refused(exc) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, view.tr("Svararket kan ikke leses inn"), exc.message,
                          QMessageBox.StandardButton.Ok, view)
        box.open()
        view.last_message = box

    view.page.runner.submit(job, on_done=lambda preview: _show_preview(view, preview), on_error=refused,
                            label=view.tr("Leser svararket …"))


def _show_preview(view: QWidget, preview) -> None:
    dialog = PreviewDialog(preview, view)
    view.preview_dialog = dialog

    def store_all() -> None:
        def job(store, progress, cancel):
            from storage.services.response_import import import_response_sheet
            return import_response_sheet(store, preview)
        view.page.runner.submit(job, on_done=lambda results: dialog.stored(len(results)),
                                on_error=lambda exc: dialog.show_error(exc.message), changes={"vignettes"})

    dialog.accept = store_all
    dialog.open()


class PreviewDialog(QDialog):
    def __init__(self, preview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Les inn svarark"))
        fit_to_screen(self, 860, 560)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(preview.summary())
        self.summary_label.setWordWrap(True)
        self.summary_label.setObjectName("sectionTitle")
        layout.addWidget(self.summary_label)
        if preview.errors or preview.warnings:
            problems = [(e, self.tr("Feil")) for e in preview.errors] + \
                       [(w, self.tr("Advarsel")) for w in preview.warnings]
            model = RecordTableModel([
                Column(self.tr("Celle"), lambda p: p[0].ref),
                Column(self.tr("Type"), lambda p: p[1],
                       foreground=lambda p: "#b3261e" if p[1] == self.tr("Feil") else "#8a5a00"),
                Column(self.tr("Hva er galt"), lambda p: p[0].message),
            ], self)
            model.set_rows(problems)
            table = QTableView()
            table.setModel(model)
            table.verticalHeader().hide()
            table.setWordWrap(True)
            table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            layout.addWidget(table, 1)
            self.problems = model
            self.problem_table = table
        if preview.warnings and not preview.errors:
            note = QLabel(self.tr("Advarslene stopper ikke innlesingen, men sjekk at ingen kan kjennes igjen."))
            note.setObjectName("muted")
            layout.addWidget(note)
        self.answers = RecordTableModel([
            Column(self.tr("Rad"), lambda a: a.row, align=RIGHT),
            Column(self.tr("Svar fra"), lambda a: a.data["respondent"]),
            Column(self.tr("Ord"), lambda a: a.words, align=RIGHT),
            Column(self.tr("Svar"), lambda a: " ".join(a.data["text"].split())[:140]),
        ], self)
        self.answers.set_rows(list(preview.answers))
        if preview.answers:
            table = QTableView()
            table.setModel(self.answers)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
            layout.addWidget(table, 1)
        self.error_label = form_error()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("Les inn {n} svar").format(n=len(preview.answers)),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(preview.ok)
        self.import_button.setVisible(preview.ok)  # with errors there is nothing to press: the summary says why
        buttons.addButton(self.tr("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(lambda: self.accept())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if hasattr(self, "problem_table"):
            self.problem_table.resizeRowsToContents()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def stored(self, n: int) -> None:
        self.summary_label.setText(self.tr("{n} svar er lest inn.").format(n=n))
        self.import_button.setEnabled(False)
        self.done(1)
