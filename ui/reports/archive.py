"""The archive list: every saved or sent report file, newest first (date, kind, recipient, SHA-256)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_datetime

from ..widgets.table_model import Column, RecordTableModel, SearchProxy

KIND_LABELS = {"midterm": "Underveisrapport", "final": "Sluttrapport", "funds": "Bruk av midler"}


@dataclass(frozen=True)
class ArchiveRow:
    file_id: object
    archived_at: datetime
    kind: str
    semester: str | None
    filename: str
    recipient: str
    sent: bool
    sha256: str


def archive_rows(entries) -> list[ArchiveRow]:
    from datetime import UTC
    from zoneinfo import ZoneInfo

    oslo = ZoneInfo("Europe/Oslo")
    rows = []
    for entry in entries:
        snap = entry.snapshot
        moment = (snap.sent_at or snap.created_at)
        moment = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(oslo)
        for f in entry.files:
            rows.append(ArchiveRow(f.id, moment, str(snap.kind), snap.semester, f.filename, snap.recipient or "",
                                   snap.sent_at is not None, f.sha256))
    return rows


class ArchiveList(QWidget):
    open_requested = Signal(object)  # ArchiveRow

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        columns = [
            Column(self.tr("Dato"), lambda r: format_datetime(r.archived_at),
                   sort_key=lambda r: r.archived_at),
            Column(self.tr("Type"), lambda r: self.tr(KIND_LABELS.get(r.kind, r.kind))
                   + (f" {r.semester}" if r.semester else "")),
            Column(self.tr("Fil"), lambda r: r.filename),
            Column(self.tr("Mottaker"), lambda r: r.recipient if r.sent else self.tr("(lagret)")),
            Column(self.tr("SHA-256"), lambda r: r.sha256[:16] + "…", tooltip=lambda r: r.sha256),
        ]
        self.model = RecordTableModel(columns, self)
        self.proxy = SearchProxy(self.model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        from PySide6.QtCore import Qt

        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Arkiverte rapporter"))
        self.table.doubleClicked.connect(self._open_selected)
        self.open_button = QPushButton(self.tr("Åpne arkivert fil"))
        self.open_button.clicked.connect(self._open_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)

    def set_entries(self, entries) -> None:
        self.model.set_rows(archive_rows(entries))
        self.open_button.setEnabled(bool(self.model.rows()))

    def rows(self) -> list[ArchiveRow]:
        return self.model.rows()

    def _open_selected(self, *_args) -> None:
        indexes = self.table.selectionModel().selectedRows()
        row = self.model.row_at(indexes[0]) if indexes else None
        if row is None and self.model.rows():
            row = self.model.row_at(self.proxy.index(0, 0))
        if row is not None:
            self.open_requested.emit(row)
