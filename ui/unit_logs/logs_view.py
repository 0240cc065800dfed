"""«Logger»: choose a unit (type to find it), see its session logs, and write, copy, edit or delete them.

The form beside the table is for a new log until a row is opened for editing (double-click or
«Rediger»). Ctrl+Enter saves; after a new log the form starts the next one with the date and numbers
kept. «Kopier forrige» fills the form from the unit's last log (copy_last_log).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from .. import topics
from ..gatherings.common import find_data
from ..widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy
from .form import LogForm


@dataclass(frozen=True)
class UnitChoice:
    id: uuid.UUID
    name: str
    kind: str
    staff_count: int
    leader_role: str | None


def load_units(store, progress, cancel):
    from storage.enums import UnitKind
    from storage.services.units import list_units

    from ..gatherings.common import municipality_and_period

    found = municipality_and_period(store)
    if found is None:
        return None
    municipality = found[0]
    return municipality.id, [UnitChoice(u.id, u.name, UnitKind(u.kind).label, u.staff_count, u.leader_role)
                             for u in list_units(store, municipality.id)]


def _yes(value: bool) -> str:
    return "Ja" if value else ""


LOG_COLUMNS = [
    Column("Dato", lambda r: format_date(r.held_on), sort_key=lambda r: r.held_on),
    Column("Tema", lambda r: r.theme, tooltip=lambda r: r.what_done or r.theme),
    Column("Til stede", lambda r: f"{r.staff_present} av {r.staff_total}", align=RIGHT,
           sort_key=lambda r: r.staff_present),
    Column("Min", lambda r: r.duration_minutes, align=RIGHT),
    Column("Ledet av", lambda r: r.led_by or ""),
    Column("Barn", lambda r: _yes(r.children_involved)),
    Column("Foreldre", lambda r: _yes(r.parents_involved)),
    Column("Kilde", lambda r: "Excel" if str(getattr(r.source, "value", r.source)) == "excel" else "App"),
]


class LogsView(QWidget):
    saved = Signal(object)  # the stored log

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.runner = None
        self.municipality_id = None
        self.units: list[UnitChoice] = []
        self.editing: uuid.UUID | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        caption = QLabel(self.tr("&Enhet"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.setMinimumWidth(320)
        self.unit.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.unit.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        caption.setBuddy(self.unit)
        top.addWidget(caption)
        top.addWidget(self.unit)
        self.unit_info = QLabel()
        self.unit_info.setObjectName("muted")
        top.addWidget(self.unit_info, 1)
        layout.addLayout(top)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        self.model = RecordTableModel(LOG_COLUMNS)
        self.proxy = SearchProxy(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        row.addWidget(self.count_label, 1)
        self.edit_button = QPushButton(self.tr("Rediger"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Slett"))
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        left_layout.addLayout(row)
        splitter.addWidget(left)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form = LogForm()
        scroll.setWidget(self.form)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.form.error)  # outside the scroll area: always in sight
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Kopier forrige"))
        self.copy_button.setToolTip(self.tr("Fyll skjemaet fra enhetens siste logg (Ctrl+K)"))
        self.copy_button.clicked.connect(self.copy_last)
        self.new_button = QPushButton(self.tr("Ny logg"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton(self.tr("Lagre (Ctrl+Enter)"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right_layout.addLayout(buttons)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        right_layout.addWidget(self.status)
        splitter.addWidget(right)
        splitter.setSizes([600, 480])
        layout.addWidget(splitter, 1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.copy_last)
        self._set_editing(None)

    def today(self) -> date:
        return self.page.today()

    # --- loading ------------------------------------------------------------------------------------

    def load(self) -> None:
        self.runner.submit(load_units, on_done=self._units_loaded)

    def _units_loaded(self, result) -> None:
        if result is None:
            self.municipality_id, self.units = None, []
        else:
            self.municipality_id, self.units = result
        chosen = self.current_unit().id if self.current_unit() else None
        self.unit.blockSignals(True)
        self.unit.clear()
        for unit in self.units:
            self.unit.addItem(unit.name, unit.id)
        index = find_data(self.unit, chosen)
        self.unit.setCurrentIndex(index if index >= 0 else (0 if self.units else -1))
        self.unit.blockSignals(False)
        self._unit_changed(keep_form=chosen is not None and index >= 0)

    def current_unit(self) -> UnitChoice | None:
        unit_id = self.unit.currentData()
        return next((u for u in self.units if u.id == unit_id), None)

    def select_unit(self, unit_id: uuid.UUID) -> None:
        self.unit.setCurrentIndex(max(find_data(self.unit, unit_id), 0))

    def _unit_changed(self, *_args, keep_form: bool = False) -> None:
        unit = self.current_unit()
        if unit is None:
            self.model.set_rows([])
            self.unit_info.setText("")
            return
        self.unit_info.setText(self.tr("{kind} · {n} ansatte").format(kind=unit.kind, n=unit.staff_count))
        if not keep_form:
            self._set_editing(None)
            self.form.start_next(unit.staff_count, self.today(), unit.leader_role)
            self.form.staff_present.setValue(unit.staff_count)
        self.load_logs()

    def load_logs(self) -> None:
        unit = self.current_unit()
        if unit is None or self.municipality_id is None:
            return
        municipality_id = self.municipality_id

        def job(store, progress, cancel):
            from storage.services.session_logs import LogFilter, list_logs

            return unit.id, list_logs(store, municipality_id, LogFilter(unit_id=unit.id))

        self.runner.submit(job, on_done=self._logs_loaded)

    def _logs_loaded(self, result) -> None:
        unit_id, logs = result
        if self.current_unit() is None or self.current_unit().id != unit_id:
            return
        self.model.set_rows(logs)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(max(self.table.columnWidth(1), 160), 230))
        self.table.setColumnWidth(4, min(self.table.columnWidth(4), 150))
        self.count_label.setText(self.tr("{n} logger").format(n=len(logs)) if len(logs) != 1 else self.tr("1 logg"))

    # --- editing ------------------------------------------------------------------------------------

    def _set_editing(self, log_id: uuid.UUID | None) -> None:
        self.editing = log_id
        self.form.heading.setText(self.tr("Ny øktlogg") if log_id is None else self.tr("Endre øktlogg"))
        self.copy_button.setEnabled(log_id is None)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0]) if rows else None

    def edit_selected(self) -> None:
        log = self.selected()
        if log is not None:
            self._set_editing(log.id)
            self.form.set_values(log)
            self.form.held_on.setFocus()

    def start_new(self) -> None:
        unit = self.current_unit()
        self._set_editing(None)
        if unit is not None:
            self.form.start_next(unit.staff_count, self.today(), unit.leader_role)
        self.form.held_on.setFocus()

    def copy_last(self) -> None:
        unit = self.current_unit()
        if unit is None or self.editing is not None:
            return
        today = self.today()

        def job(store, progress, cancel):
            from storage.services.session_logs import copy_last_log

            return copy_last_log(store, unit.id, today=today)

        self.runner.submit(job, on_done=self._copied)

    def _copied(self, log) -> None:
        self.form.set_values(log)
        self.status.setText(self.tr("Fylt ut fra forrige logg. Skriv det som er nytt, og lagre med Ctrl+Enter."))
        self.form.theme.setFocus() if not log.theme else self.form.what_done.setFocus()

    def save(self) -> None:
        unit = self.current_unit()
        if unit is None or not self.save_button.isEnabled():
            return
        values, log_id, today = self.form.values(), self.editing, self.today()

        def job(store, progress, cancel):
            from storage.services.session_logs import add_log, update_log

            if log_id is None:
                return add_log(store, unit.id, values, today=today)
            return update_log(store, log_id, values, today=today)

        self.save_button.setEnabled(False)
        self.runner.submit(job, on_done=self._saved, on_error=self._failed, changes={topics.SESSION_LOGS})

    def _saved(self, log) -> None:
        self.save_button.setEnabled(True)
        was_edit = self.editing is not None
        self.status.setText((self.tr("Endret loggen fra {day}.") if was_edit else
                             self.tr("Lagret loggen fra {day}. Skriv neste.")).format(
            day=format_date(log.held_on)))
        unit = self.current_unit()
        self._set_editing(None)
        self.form.start_next(unit.staff_count if unit else 0, log.held_on)
        self.form.held_on.setFocus()
        self.load_logs()
        self.saved.emit(log)

    def _failed(self, exc) -> None:
        self.save_button.setEnabled(True)
        self.form.show_error(exc.message, exc.field)

    def delete_selected(self) -> None:
        log = self.selected()
        if log is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Slett øktlogg"),
                          self.tr("Slette loggen fra {day} om «{theme}»?").format(
                              day=format_date(log.held_on), theme=log.theme),
                          QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton(self.tr("Slett"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        self.confirm_box = box
        box.exec()
        if box.clickedButton() is yes:
            self.delete_log(log.id)

    def delete_log(self, log_id: uuid.UUID) -> None:
        def job(store, progress, cancel):
            from storage.services.session_logs import delete_log

            delete_log(store, log_id)

        if self.editing == log_id:
            self.start_new()
        self.runner.submit(job, on_done=lambda _r: self.load_logs(), changes={topics.SESSION_LOGS})
