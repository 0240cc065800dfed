"""The list of gatherings on Samlinger: filter by semester, kind, network and status, search, and open
«Registrer samling» for a new gathering or the chosen one (a planned one filled in, or a held one corrected)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from ..widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy
from .common import find_data


@dataclass(frozen=True)
class GatheringRow:
    id: uuid.UUID
    starts_at: datetime
    title: str
    kind: str
    kind_label: str
    level_label: str
    network_id: uuid.UUID | None
    network: str
    place: str
    status: str
    status_label: str
    semester: str
    attendance: int


@dataclass(frozen=True)
class GatheringsData:
    municipality_id: uuid.UUID
    rows: list[GatheringRow]
    semesters: list[str]
    kinds: list[tuple[str, str]]
    statuses: list[tuple[str, str]]
    networks: list[tuple[uuid.UUID, str]]


def load_gatherings(store, progress, cancel) -> GatheringsData | None:
    from storage.enums import GatheringKind, GatheringLevel, GatheringStatus
    from storage.services.gatherings import attendance_by_gathering
    from storage.services.gatherings_plan import gathering_semester, list_gatherings
    from storage.services.networks import list_networks, network_names

    from .common import municipality_and_period

    found = municipality_and_period(store)
    if found is None:
        return None
    municipality, _start, _end, semesters = found
    gatherings = list_gatherings(store, municipality.id)
    counts = attendance_by_gathering(store, [g.id for g in gatherings])
    names = network_names(store, municipality.id)
    rows = [GatheringRow(g.id, g.starts_at, g.title, GatheringKind(g.kind).value, GatheringKind(g.kind).label,
                         GatheringLevel(g.level).label, g.network_id, names.get(g.network_id, ""), g.place or "",
                         GatheringStatus(g.status).value, GatheringStatus(g.status).label, gathering_semester(g),
                         counts.get(g.id, 0)) for g in gatherings]
    return GatheringsData(municipality.id, rows, semesters, [(k.value, k.label) for k in GatheringKind],
                          [(s.value, s.label) for s in GatheringStatus],
                          [(n.id, n.name) for n in list_networks(store, municipality.id)])


def _status_colour(row: GatheringRow) -> str | None:
    return {"planned": "#2f5d8a", "cancelled": "#8a8f98"}.get(row.status)


COLUMNS = [
    Column("Dato", lambda r: format_date(r.starts_at), sort_key=lambda r: r.starts_at),
    Column("Kl.", lambda r: r.starts_at.strftime("%H:%M")),
    Column("Samling", lambda r: r.title, tooltip=lambda r: r.title),
    Column("Type", lambda r: r.kind_label),
    Column("Nivå", lambda r: r.level_label),
    Column("Status", lambda r: r.status_label, foreground=_status_colour),
    Column("Oppmøte", lambda r: r.attendance or "", align=RIGHT, sort_key=lambda r: r.attendance),
    Column("Nettverk", lambda r: r.network, tooltip=lambda r: r.network or None),
    Column("Sted", lambda r: r.place, tooltip=lambda r: r.place or None),
]


class GatheringsListView(QWidget):
    """The table and its filters; `open_editor(id or None)` loads the editor's context, then shows it."""

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.runner = None
        self.data: GatheringsData | None = None
        self.editor = None
        self._build_list()

    def today(self) -> date:
        return self.page.today()

    def load(self) -> None:
        self.runner.submit(load_gatherings, on_done=self._loaded)

    def _build_list(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        filters = QHBoxLayout()
        self.semester = QComboBox()
        self.kind = QComboBox()
        self.network = QComboBox()
        self.status = QComboBox()
        for combo, label in ((self.semester, self.tr("Semester")), (self.kind, self.tr("Type")),
                             (self.network, self.tr("Nettverk")), (self.status, self.tr("Status"))):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
            combo.setMinimumWidth(120)
            combo.setMaximumWidth(210)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Søk i samlinger"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_search(text))
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)
        self.model = RecordTableModel(COLUMNS)
        self.proxy = SearchProxy(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        buttons.addWidget(self.count_label)
        self.message = QLabel()
        self.message.setObjectName("muted")
        buttons.addWidget(self.message, 1)
        self.fill_button = QPushButton(self.tr("Registrer valgt samling"))
        self.fill_button.setToolTip(self.tr("Fyll inn en planlagt samling etter at den er holdt, eller rett en "
                                            "registrert samling"))
        self.fill_button.clicked.connect(self.open_selected)
        self.new_button = QPushButton(self.tr("Registrer ny samling"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        buttons.addWidget(self.fill_button)
        buttons.addWidget(self.new_button)
        layout.addLayout(buttons)

    def _loaded(self, data: GatheringsData | None) -> None:
        self.data = data
        rows = data.rows if data else []
        self._fill_filters(data)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column, widest in ((2, 300), (7, 180)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self._apply_filter()

    def _fill_filters(self, data: GatheringsData | None) -> None:
        def refill(combo: QComboBox, items: list[tuple[object, str]], everything: str, default=None) -> None:
            chosen = combo.currentData() if combo.count() else default
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(find_data(combo, chosen), 0))
            combo.blockSignals(False)

        if data is None:
            return
        from .common import semester_of

        current = semester_of(self.today())
        refill(self.semester, [(s, s) for s in reversed(data.semesters)], self.tr("Alle semestre"),
               current if current in data.semesters else None)
        refill(self.kind, data.kinds, self.tr("Alle typer"))
        refill(self.network, data.networks, self.tr("Alle nettverk"))
        refill(self.status, data.statuses, self.tr("Alle"))

    def _apply_filter(self) -> None:
        semester, kind = self.semester.currentData(), self.kind.currentData()
        network, status = self.network.currentData(), self.status.currentData()

        def keep(row: GatheringRow) -> bool:
            return ((semester is None or row.semester == semester) and (kind is None or row.kind == kind)
                    and (network is None or row.network_id == network) and (status is None or row.status == status))

        self.proxy.set_predicate(keep)
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        self.count_label.setText(self.tr("Viser {shown} av {total} samlinger").format(shown=shown, total=total))

    def selected(self) -> GatheringRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0]) if indexes else None

    # --- the editor ---------------------------------------------------------------------------------

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_editor(row.id)

    def open_editor(self, gathering_id: uuid.UUID | None) -> None:
        from .editor import load_editor_context

        self.runner.submit(load_editor_context(gathering_id), on_done=self._show_editor)

    def _show_editor(self, context) -> None:
        if context is None:
            return
        from .editor import GatheringEditor

        self.editor = GatheringEditor(context, self.runner, self.today(), self)
        self.editor.accepted.connect(self._editor_saved)
        self.editor.open()
        self.editor.kind.setFocus()

    def _editor_saved(self) -> None:
        detail = self.editor.saved_detail if self.editor else None
        if detail is not None:
            self.message.setText(self.tr("  ·  Lagret «{title}» med {n} deltakere og {t} oppgaver til neste samling.").format(
                title=detail.gathering.title, n=detail.total_attendance, t=len(detail.tasks)))
