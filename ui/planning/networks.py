"""Nettverk og samlinger: networks, members, focus per semester, gathering series, programme gatherings, .ics."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from .. import topics
from ..pages.base import muted, section_title
from ..widgets.table_model import Column, FastSearchProxy, RecordTableModel
from .common import (
    Section,
    confirm,
    load_context,
    make_table,
    selected_row,
    selected_rows,
    today,
)
from .network_dialogs import GatheringDialog, NetworkDialog, ProgrammeGatheringDialog, SeriesDialog

SHOW_NETWORK, SHOW_PROGRAMME, SHOW_ALL = range(3)
NETWORK_COLUMN = 4


def load_networks(store, progress, cancel):
    from storage.services.gatherings_plan import list_gatherings
    from storage.services.networks import get_network, list_networks
    from storage.services.units import list_units

    context = load_context(store)
    if context is None or context.participation is None:
        return context, [], {}, [], []
    mid = context.municipality.id
    networks = list_networks(store, mid)
    details = {n.id: get_network(store, n.id) for n in networks}
    return context, networks, details, list_units(store, mid), list_gatherings(store, mid)


class NetworksSection(Section):
    TOPICS = frozenset({topics.NETWORKS, topics.GATHERINGS, topics.UNITS})

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.details: dict = {}
        self.semesters: list[str] = []
        self.names: dict = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        # left: the networks, members and focus
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 8, 0)
        box.addWidget(section_title(self.tr("Nettverk")))
        self.model = RecordTableModel([
            Column(self.tr("Navn"), lambda n: n.name, width=210),
            Column(self.tr("Målgruppe"), lambda n: n.target.label, width=95),
            Column(self.tr("Leder"), lambda n: n.leader or ""),
        ])
        self.view = make_table(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMaximumHeight(170)
        self.view.doubleClicked.connect(lambda _i: self.edit_network())
        box.addWidget(self.view)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Nytt nettverk …"))
        add.clicked.connect(self.add_network)
        edit = QPushButton(self.tr("Rediger …"))
        edit.clicked.connect(self.edit_network)
        self.archive_button = QPushButton(self.tr("Arkiver"))
        self.archive_button.clicked.connect(self.archive_network)
        for b in (add, edit, self.archive_button):
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        box.addSpacing(6)
        box.addWidget(section_title(self.tr("Medlemmer")))
        self.members = QListWidget()
        self.members.setStyleSheet("QListWidget::item { padding: 2px 0; }")
        box.addWidget(self.members, 1)
        save_members = QPushButton(self.tr("Lagre medlemmer"))
        save_members.clicked.connect(self.save_members)
        row = QHBoxLayout()
        row.addWidget(save_members)
        row.addStretch(1)
        box.addLayout(row)
        box.addSpacing(6)
        box.addWidget(section_title(self.tr("Fokus per semester")))
        row = QHBoxLayout()
        self.focus_semester = QComboBox()
        self.focus_semester.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.focus_text = QLineEdit()
        self.focus_text.setPlaceholderText(self.tr("For eksempel: relasjonen mellom voksne og barn"))
        save_focus = QPushButton(self.tr("Lagre fokus"))
        save_focus.clicked.connect(self.save_focus)
        self.focus_text.returnPressed.connect(self.save_focus)
        row.addWidget(self.focus_semester)
        row.addWidget(save_focus)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.focus_text)
        splitter.addWidget(left)

        # right: the gatherings
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(8, 0, 0, 0)
        box.addWidget(section_title(self.tr("Samlinger")))
        row = QHBoxLayout()
        self.show_combo = QComboBox()
        self.show_combo.addItems([self.tr("Det valgte nettverkets samlinger"),
                                  self.tr("Fagdager, regionale samlinger og oppstart"), self.tr("Alle samlinger")])
        self.semester_filter = QComboBox()
        self.semester_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(self.show_combo, 1)
        row.addWidget(self.semester_filter)
        self.export_row = row
        box.addLayout(row)
        self.gatherings_model = RecordTableModel([
            Column(self.tr("Dato"), lambda g: format_date(g.starts_at.date()), sort_key=lambda g: g.starts_at, width=90),
            Column(self.tr("Kl."), lambda g: f"{g.starts_at.hour:02d}:{g.starts_at.minute:02d}", width=50),
            Column(self.tr("Tittel"), lambda g: g.title, width=230),
            Column(self.tr("Type"), lambda g: g.kind.label, width=135),
            Column(self.tr("Nettverk"), lambda g: self.names.get(g.network_id, ""), width=150),
            Column(self.tr("Sted"), lambda g: g.place or "", width=135),
            Column(self.tr("Status"), lambda g: g.status.label,
                   foreground=lambda g: "#52606d" if g.status == "cancelled" else None),
        ])
        self.gatherings_proxy = FastSearchProxy(self.gatherings_model)
        self.gatherings_view = make_table(self.gatherings_model, self.gatherings_proxy)
        self.gatherings_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.gatherings_view.doubleClicked.connect(lambda _i: self.edit_gathering())
        box.addWidget(self.gatherings_view, 1)
        self.gatherings_note = muted("")
        box.addWidget(self.gatherings_note)
        row = QHBoxLayout()
        self.series_button = QPushButton(self.tr("Planlegg samlingsrekke …"))
        self.series_button.setObjectName("primary")
        self.series_button.clicked.connect(self.plan_series)
        self.programme_button = QPushButton(self.tr("Ny programsamling …"))
        self.programme_button.setToolTip(self.tr("Nasjonal fagdag, regional samling eller lokal oppstartssamling"))
        self.programme_button.clicked.connect(self.add_programme)
        edit_g = QPushButton(self.tr("Endre …"))
        edit_g.clicked.connect(self.edit_gathering)
        self.delete_button = QPushButton(self.tr("Slett"))
        self.delete_button.clicked.connect(self.delete_gathering)
        self.export_button = QPushButton(self.tr("Eksporter kalender (.ics)"))
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Alle samlinger"), lambda: self.export_calendar("all"))
        menu.addAction(self.tr("Det valgte nettverket"), lambda: self.export_calendar("network"))
        menu.addAction(self.tr("Valgte samlinger i lista"), lambda: self.export_calendar("selected"))
        self.export_button.setMenu(menu)
        for b in (self.series_button, self.programme_button, edit_g, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        self.export_row.addWidget(self.export_button)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 800])

        self.view.selectionModel().currentRowChanged.connect(self._network_changed)
        self.show_combo.currentIndexChanged.connect(self._filter)
        self.semester_filter.currentIndexChanged.connect(self._filter)
        self.focus_semester.currentIndexChanged.connect(self._show_focus)
        QShortcut(QKeySequence.StandardKey.Delete, self.gatherings_view, self.delete_gathering)

    # --- data ----------------------------------------------------------------------------------------

    def load(self) -> None:
        self.runner.submit(load_networks, on_done=self._show)

    def _show(self, result) -> None:
        from storage.semesters import semester_of, semesters_between

        self.context, networks, self.details, units, gatherings = result
        part = self.context.participation if self.context else None
        self.setEnabled(part is not None)
        self.semesters = semesters_between(part.period_start, part.period_end) if part else []
        current = semester_of(today())
        self.names = {n.id: n.name for n in networks}
        previous = self.selected_network()
        for combo, first in ((self.focus_semester, None), (self.semester_filter, self.tr("Alle semestre"))):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first:
                combo.addItem(first, None)
            for s in self.semesters:
                combo.addItem(s, s)
            index = combo.findData(chosen if chosen else (current if combo is self.focus_semester else None))
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        self.model.set_rows(networks)
        self.members.clear()
        for unit in units:
            item = QListWidgetItem(f"{unit.name}  ({unit.kind.label})")
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self.gatherings_proxy.set_rows(gatherings)
        row = next((i for i, n in enumerate(networks) if previous and n.id == previous.id), 0)
        if networks:
            self.view.selectRow(row)
        self._network_changed()
        self.loaded.emit()

    def selected_network(self):
        return selected_row(self.view)

    def focus_gatherings(self) -> None:
        """Opened from Oversikt to fix a programme obligation: show the programme gatherings."""
        self.show_combo.setCurrentIndex(SHOW_PROGRAMME)

    def _network_changed(self, *_args) -> None:
        network = self.selected_network()
        detail = self.details.get(network.id) if network else None
        member_ids = {u.id for u in detail.members} if detail else set()
        for i in range(self.members.count()):
            item = self.members.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in member_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._show_focus()
        self._filter()

    def _show_focus(self, *_args) -> None:
        network = self.selected_network()
        detail = self.details.get(network.id) if network else None
        self.focus_text.setText(detail.focus.get(self.focus_semester.currentData(), "") if detail else "")
        self.focus_text.setCursorPosition(0)

    def _filter(self, *_args) -> None:
        from storage.enums import GatheringKind
        from storage.semesters import semester_of

        show, semester = self.show_combo.currentIndex(), self.semester_filter.currentData()
        network = self.selected_network()
        network_id = network.id if network else None
        programme = {GatheringKind.NATIONAL_SPECIALIST_DAY, GatheringKind.REGIONAL_GATHERING,
                     GatheringKind.LOCAL_STARTUP}

        def keep(g) -> bool:
            if semester and semester_of(g.starts_at.date()) != semester:
                return False
            if show == SHOW_NETWORK:
                return g.network_id == network_id
            if show == SHOW_PROGRAMME:
                return g.kind in programme
            return True

        self.gatherings_proxy.set_predicate(keep)
        self.gatherings_view.setColumnHidden(NETWORK_COLUMN, show != SHOW_ALL)
        self.series_button.setEnabled(network is not None)
        n = self.gatherings_proxy.rowCount()
        self.gatherings_note.setText(self.tr("{n} samlinger vises. Dobbeltklikk for å endre en samling.").format(n=n))

    # --- networks ------------------------------------------------------------------------------------

    def add_network(self) -> None:
        if self.municipality_id:
            NetworkDialog(self.runner, self.municipality_id, None, self).open()

    def edit_network(self) -> None:
        network = self.selected_network()
        if network is not None:
            NetworkDialog(self.runner, self.municipality_id, network, self).open()

    def archive_network(self) -> None:
        network = self.selected_network()
        if network is None or not confirm(self, self.tr("Arkiver nettverk"),
                                          self.tr("Arkivere «{name}»? Samlingene og loggene beholdes.").format(
                                              name=network.name), self.tr("Arkiver")):
            return

        def fn(store, progress, cancel):
            from storage.services.networks import archive_network

            return archive_network(store, network.id)

        self.runner.submit(fn, changes={topics.NETWORKS})

    def checked_members(self) -> list:
        return [self.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members.count())
                if self.members.item(i).checkState() == Qt.CheckState.Checked]

    def save_members(self) -> None:
        network, ids = self.selected_network(), self.checked_members()
        if network is None:
            return

        def fn(store, progress, cancel):
            from storage.services.networks import set_members

            return set_members(store, network.id, ids)

        self.runner.submit(fn, changes={topics.NETWORKS})

    def save_focus(self) -> None:
        network, semester, text = self.selected_network(), self.focus_semester.currentData(), self.focus_text.text()
        if network is None or semester is None:
            return

        def fn(store, progress, cancel):
            from storage.services.networks import set_focus

            return set_focus(store, network.id, semester, text)

        self.runner.submit(fn, changes={topics.NETWORKS})

    # --- gatherings ----------------------------------------------------------------------------------

    def _current_semester(self) -> str | None:
        from storage.semesters import semester_of

        return self.semester_filter.currentData() or semester_of(today())

    def plan_series(self) -> SeriesDialog | None:
        network = self.selected_network()
        if network is None:
            return None
        dialog = SeriesDialog(self.runner, network, self.semesters, self._current_semester(), self)
        dialog.open()
        return dialog

    def add_programme(self) -> ProgrammeGatheringDialog | None:
        if not self.municipality_id:
            return None
        dialog = ProgrammeGatheringDialog(self.runner, self.municipality_id, self.semesters,
                                          self._current_semester(), self)
        dialog.open()
        return dialog

    def edit_gathering(self) -> None:
        gathering = selected_row(self.gatherings_view)
        if gathering is not None:
            GatheringDialog(self.runner, gathering, self).open()

    def delete_gathering(self) -> None:
        gathering = selected_row(self.gatherings_view)
        if gathering is None or not confirm(
                self, self.tr("Slett samling"),
                self.tr("Slette «{title}» {day}? En samling med registrert oppmøte kan bare avlyses.").format(
                    title=gathering.title, day=format_date(gathering.starts_at.date())), self.tr("Slett")):
            return

        def fn(store, progress, cancel):
            from storage.services.gatherings_plan import delete_gathering

            delete_gathering(store, gathering.id)

        self.runner.submit(fn, changes={topics.GATHERINGS})

    def export_calendar(self, which: str, path: str | None = None) -> None:
        network, ids, network_id = self.selected_network(), None, None
        if which == "network":
            if network is None:
                return
            network_id = network.id
        elif which == "selected":
            ids = [g.id for g in selected_rows(self.gatherings_view)]
            if not ids:
                self.gatherings_note.setText(self.tr("Velg samlingene du vil eksportere i lista først."))
                return
        if path is None:
            name = network.name if which == "network" else self.tr("samlinger")
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Eksporter kalender"), f"{name}.ics",
                                                   self.tr("Kalenderfil (*.ics)"))
            if not path:
                return
        mid = self.municipality_id

        def fn(store, progress, cancel):
            from exports.calendar import export_gatherings

            return export_gatherings(store, mid, path, network_id=network_id, ids=ids)

        self.runner.submit(fn, on_done=lambda n: self.gatherings_note.setText(
            self.tr("{n} samlinger er lagret i {path}.").format(n=n, path=path)), label=self.tr("Lager kalenderfil …"))
