"""The import preview: what each returned workbook would do before anything is stored.

Per file: new, changed and unchanged rows, or why it is refused; every cell error as `Øktlogg!C12`
with its Norwegian explanation; the rows that would be stored, and the stored logs whose row was
emptied or reused («Raden er tømt – loggen beholdes»: never deleted). «Lagre» asks first when there
are such rows, then stores every file without errors in one transaction (commit_import); «Avbryt»
stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from .. import topics
from ..pages.base import section_title
from ..widgets.table_model import RIGHT, Column, RecordTableModel

REFUSED = "#b3261e"


@dataclass(frozen=True)
class ErrorLine:
    file_name: str
    ref: str
    message: str


@dataclass(frozen=True)
class RowLine:
    file_name: str
    unit: str
    held_on: str
    theme: str
    status: str
    fields: str


_STATUS = {"new": "Ny", "changed": "Endret", "unchanged": "Uendret", "kept": "Beholdes"}
_FIELDS = {"held_on": "dato", "duration_minutes": "varighet", "staff_present": "til stede", "staff_total": "ansatte",
           "led_by": "ledet av", "theme": "tema", "method": "metode", "what_done": "hva ble gjort",
           "reflections": "refleksjoner", "next_steps": "neste gang", "children_involved": "barn",
           "parents_involved": "foreldre"}


def _file_state(p) -> str:
    if p.refused:
        return "Avvist: " + p.refused
    if p.errors:
        return "Har feil – ingenting fra fila lagres"
    if not p.new and not p.changed:
        return "Ingen endringer"
    return "Klar til lagring"


FILE_COLUMNS = [
    Column("Fil", lambda p: p.file_name, tooltip=lambda p: p.file_name),
    Column("Nye", lambda p: "" if p.refused else len(p.new), align=RIGHT),
    Column("Endrede", lambda p: "" if p.refused else len(p.changed), align=RIGHT),
    Column("Uendrede", lambda p: "" if p.refused else len(p.unchanged), align=RIGHT),
    Column("Beholdes", lambda p: "" if p.refused else len(p.kept), align=RIGHT),
    Column("Feil", lambda p: "" if p.refused else len(p.errors), align=RIGHT),
    Column("Status", _file_state, tooltip=_file_state,
           foreground=lambda p: REFUSED if not p.ok else None),
]
ERROR_COLUMNS = [
    Column("Fil", lambda e: e.file_name),
    Column("Celle", lambda e: e.ref),
    Column("Forklaring", lambda e: e.message, tooltip=lambda e: e.message),
]
ROW_COLUMNS = [
    Column("Fil", lambda r: r.file_name),
    Column("Enhet", lambda r: r.unit),
    Column("Dato", lambda r: r.held_on),
    Column("Tema", lambda r: r.theme),
    Column("Status", lambda r: r.status),
    Column("Endret", lambda r: r.fields),
]


def _row_note(r) -> str:
    note = ", ".join(_FIELDS.get(f, f) for f in r.changed_fields)
    if r.moved_from is not None:
        note = ", ".join(filter(None, (f"flyttet fra rad {r.moved_from}", note)))
    return note


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _table(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ImportPreviewDialog(QDialog):
    stored = Signal(object)  # ImportResult

    def __init__(self, previews: list, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.previews, self.runner = previews, runner
        self.result_ = None
        self.setWindowTitle(self.tr("Les inn utfylte skjema"))
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        storable = [p for p in previews if p.ok and (p.new or p.changed)]
        blocked = [p for p in previews if not p.ok]
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setObjectName("sectionTitle")
        layout.addWidget(self.headline)
        self.explain = QLabel()
        self.explain.setObjectName("muted")
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.files_model = RecordTableModel(FILE_COLUMNS)
        self.files_model.set_rows(previews)
        self.files = _table(self.files_model)
        self.files.setMaximumHeight(40 + 30 * min(len(previews), 6))
        self.files.resizeColumnsToContents()
        self.files.setColumnWidth(0, min(max(self.files.columnWidth(0), 200), 360))
        layout.addWidget(self.files)
        splitter = QSplitter(Qt.Orientation.Vertical)
        errors = [ErrorLine(p.file_name, self.tr("Hele fila"), p.refused) for p in previews if p.refused]
        errors += [ErrorLine(p.file_name, e.ref, e.message) for p in previews for e in p.errors]
        rows = [RowLine(p.file_name, r.unit_name, format_date(r.log.held_on), r.log.theme,
                        _STATUS.get(str(r.status), str(r.status)), _row_note(r))
                for p in previews for r in p.rows]
        rows += [RowLine(p.file_name, k.unit_name, format_date(k.log.held_on), k.log.theme, _STATUS["kept"],
                         f"{k.ref}: {k.message}") for p in previews for k in p.kept]
        self.kept = [k for p in previews if p.ok for k in p.kept]
        self.errors_model = RecordTableModel(ERROR_COLUMNS)
        self.errors_model.set_rows(errors)
        self.rows_model = RecordTableModel(ROW_COLUMNS)
        self.rows_model.set_rows(rows)
        for title, model in ((self.tr("Feil og avviste filer"), self.errors_model),
                             (self.tr("Rader i filene"), self.rows_model)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 8, 0, 0)
            box_layout.addWidget(section_title(title))
            view = _table(model)
            view.resizeColumnsToContents()
            if model is self.errors_model:
                view.setWordWrap(True)
                view.setColumnWidth(0, min(view.columnWidth(0), 300))
                view.resizeRowsToContents()
            box_layout.addWidget(view, 1)
            splitter.addWidget(box)
            if model is self.errors_model:
                self.errors_view = view
            else:
                self.rows_view = view
        if not errors:
            self.errors_view.parent().hide()
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        buttons.addWidget(self.message, 1)
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Lagre"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(bool(storable))
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        new = sum(len(p.new) for p in storable)
        changed = sum(len(p.changed) for p in storable)
        if storable:
            self.headline.setText(self.tr("Klar til lagring: {new} og {changed} fra {files}").format(
                new=_count(new, self.tr("ny logg"), self.tr("nye logger")),
                changed=_count(changed, self.tr("endret"), self.tr("endrede")),
                files=_count(len(storable), self.tr("fil"), self.tr("filer"))))
        elif blocked:
            self.headline.setText(self.tr("Ingenting kan lagres"))
        else:
            self.headline.setText(self.tr("Ingen endringer: alt i filene er allerede lagret"))
        if blocked:
            explain = self.tr("Filer som er avvist eller har feil, lagres ikke. Rett feilene i Excel og les dem inn på "
                              "nytt. De andre filene lagres når du trykker «Lagre».")
        else:
            explain = self.tr("Ingenting er lagret ennå. «Lagre» lagrer alt på én gang; «Avbryt» lagrer ingenting.")
        if self.kept:
            explain += " " + self.tr("En rad som er tømt i Excel, sletter ikke loggen: slike logger står som "
                                     "«Beholdes» under og blir ikke endret.")
        self.explain.setText(explain)

    def save(self) -> None:
        if self.kept and not self.confirm_kept():
            return
        previews = self.previews

        def job(store, progress, cancel):
            from storage.services.session_log_import import commit_import

            return commit_import(store, previews)

        self.save_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.runner.submit(job, on_done=self._stored, on_error=self._failed, label=self.tr("Lagrer øktlogger …"),
                           changes={topics.SESSION_LOGS})

    def confirm_kept(self) -> bool:
        """Ask before storing when rows that held a stored log were emptied or reused in Excel."""
        n = len(self.kept)
        rows = self.tr("Én rad") if n == 1 else self.tr("{n} rader").format(n=n)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Tømte rader"),
                          self.tr("{rows} i skjemaet hadde en lagret økt, men er tømt eller brukt til en annen økt. "
                                  "Loggene beholdes som de er. Slett dem under «Øktlogger» hvis de ikke skal være "
                                  "med.").format(rows=rows), parent=self)
        save = box.addButton(self.tr("Lagre resten"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        return box.clickedButton() is save

    def _stored(self, result) -> None:
        self.result_ = result
        self.stored.emit(result)
        self.accept()

    def _failed(self, exc) -> None:
        self.cancel_button.setEnabled(True)
        self.message.setText(exc.message)
