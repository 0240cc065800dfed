"""«Økter»: the municipality's vignette sessions, and the «Ny vignettøkt» dialog."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from ..widgets.forms import form_error, save_cancel_buttons
from ..widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy

UNIT_KINDS = (("kindergarten", "Barnehage"), ("school", "Skole"), ("combined", "Kombinert"), ("ppt", "PP-tjenesten"),
              ("other", "Annet"), (None, "Blandet/ukjent"))


def load_sessions(store, progress, cancel):
    from storage.services.municipalities import current_municipality
    from storage.services.vignette_sessions import list_sessions

    municipality = current_municipality(store)
    return (municipality, list_sessions(store, municipality.id)) if municipality else (None, [])


def load_session_choices(store, progress, cancel):
    """Vignettes, gatherings and networks for the «Ny vignettøkt» dialog."""
    from storage.services.gatherings_plan import list_gatherings
    from storage.services.municipalities import current_municipality
    from storage.services.networks import list_networks
    from storage.services.vignettes import list_vignettes

    municipality = current_municipality(store)
    if municipality is None:
        from storage.errors import DomainError
        raise DomainError("Sett opp kommunen først, så kan du holde vignettøkter.")
    return (municipality, list_vignettes(store), list_gatherings(store, municipality.id, include_cancelled=False),
            list_networks(store, municipality.id))


class SessionsView(QWidget):
    open_requested = Signal(object)  # a SessionDetail
    new_requested = Signal()

    COLUMNS = [
        Column("Dato", lambda d: format_date(d.session.held_on), sort_key=lambda d: d.session.held_on),
        Column("Økt", lambda d: d.session.title),
        Column("Vignett", lambda d: d.vignette.title),
        Column("Versjon", lambda d: d.version.version, align=RIGHT),
        Column("Grupper", lambda d: len(d.session.groups), align=RIGHT),
        Column("Svar", lambda d: d.responses, align=RIGHT),
        Column("Kodet", lambda d: d.coded, align=RIGHT),
        Column("Anonym", lambda d: "Ja" if d.session.anonymous else ""),
    ]

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.municipality = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Søk i øktene …"))
        self.search_edit.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("Ny vignettøkt"))
        self.new_button.setObjectName("primary")
        self.open_button = QPushButton(self.tr("Åpne økta"))
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.model = RecordTableModel([Column(self.tr(c.title), c.text, c.align, c.sort_key) for c in self.COLUMNS])
        self.proxy = SearchProxy(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("Ingen vignettøkter ennå. Velg «Ny vignettøkt» for å lage den første."))
        self.empty_label.setObjectName("muted")
        layout.addWidget(self.empty_label)
        self.search_edit.textChanged.connect(self.proxy.set_search)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self._open_current)
        self.table.doubleClicked.connect(lambda *_: self._open_current())
        self.table.activated.connect(lambda *_: self._open_current())

    def load(self) -> None:
        self.page.runner.submit(load_sessions, on_done=self.show_sessions)

    def show_sessions(self, result) -> None:
        self.municipality, sessions = result
        self.model.set_rows(sessions)
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        self.empty_label.setVisible(not sessions)
        if sessions and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _open_current(self) -> None:
        detail = self.model.row_at(self.table.currentIndex())
        if detail is not None:
            self.open_requested.emit(detail)


class NewSessionDialog(QDialog):
    """Pick vignette, gathering or network, date, groups, phase lengths and anonymous mode."""

    def __init__(self, municipality, vignettes, gatherings, networks, chosen_vignette=None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ny vignettøkt"))
        self.resize(760, 640)
        self.municipality = municipality
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.vignette_combo = QComboBox()
        self.vignette_combo.setAccessibleName(self.tr("Vignett"))
        for item in vignettes:
            self.vignette_combo.addItem(f"{item.vignette.title} ({item.vignette.target.label.lower()})", item)
        if chosen_vignette is not None:
            self.vignette_combo.setCurrentIndex(max(0, next(
                (i for i, v in enumerate(vignettes) if v.id == chosen_vignette.id), 0)))
        self.link_combo = QComboBox()
        self.link_combo.setAccessibleName(self.tr("Samling eller nettverk"))
        self.link_combo.addItem(self.tr("Ingen (frittstående økt)"), None)
        for n in networks:
            self.link_combo.addItem(self.tr("Nettverk: {name}").format(name=n.name), ("network", n.id))
        for g in gatherings:
            self.link_combo.addItem(self.tr("Samling: {title} ({day})").format(
                title=g.title, day=format_date(g.starts_at)), ("gathering", g.id, g.starts_at.date()))
        self.link_combo.currentIndexChanged.connect(self._link_changed)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Tom: vignettens tittel og datoen"))
        phases = QHBoxLayout()
        self.phase_spins = []
        for label in (self.tr("Individuelt"), self.tr("Gruppe"), self.tr("Plenum")):
            spin = QSpinBox()
            spin.setRange(1, 90)
            spin.setSuffix(self.tr(" min"))
            spin.setAccessibleName(label)
            phases.addWidget(QLabel(label))
            phases.addWidget(spin)
            self.phase_spins.append(spin)
        phases.addStretch(1)
        self.anonymous_check = QCheckBox(self.tr("Anonym modus (lagrer ingen enhet på svarene)"))
        form.addRow(self.tr("Vignett"), self.vignette_combo)
        form.addRow(self.tr("Knyttet til"), self.link_combo)
        form.addRow(self.tr("Dato"), self.date_edit)
        form.addRow(self.tr("Tittel"), self.title_edit)
        form.addRow(self.tr("Faser"), phases)
        form.addRow("", self.anonymous_check)
        layout.addLayout(form)

        layout.addWidget(QLabel(self.tr("Grupper (navn, enhetstype og hvilke roller som sitter i gruppa):")))
        self.groups = QTableWidget(0, 3)
        self.groups.setHorizontalHeaderLabels([self.tr("Navn"), self.tr("Enhetstype"), self.tr("Roller")])
        self.groups.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.groups.horizontalHeader().resizeSection(0, 160)
        self.groups.horizontalHeader().resizeSection(1, 160)
        self.groups.verticalHeader().hide()
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        layout.addWidget(self.groups, 1)
        group_buttons = QHBoxLayout()
        add = QPushButton(self.tr("Legg til gruppe"))
        remove = QPushButton(self.tr("Fjern gruppe"))
        add.clicked.connect(lambda: self.add_group())
        remove.clicked.connect(lambda: self.groups.removeRow(self.groups.currentRow()))
        group_buttons.addWidget(add)
        group_buttons.addWidget(remove)
        group_buttons.addStretch(1)
        layout.addLayout(group_buttons)

        self.error_label = form_error()
        layout.addWidget(self.error_label)
        buttons, self.create_button = save_cancel_buttons(self, self.tr("Lag økta"))
        layout.addWidget(buttons)
        self.vignette_combo.currentIndexChanged.connect(self._vignette_changed)
        self._vignette_changed()
        for i in range(3):
            self.add_group(self.tr("Gruppe {n}").format(n=i + 1), "kindergarten" if i < 2 else "school")

    def add_group(self, name: str = "", unit_kind: str | None = None, roles: str = "") -> None:
        row = self.groups.rowCount()
        self.groups.insertRow(row)
        self.groups.setItem(row, 0, QTableWidgetItem(name or self.tr("Gruppe {n}").format(n=row + 1)))
        combo = QComboBox()
        for key, label in UNIT_KINDS:
            combo.addItem(self.tr(label), key)
        combo.setCurrentIndex(max(combo.findData(unit_kind), 0))
        self.groups.setCellWidget(row, 1, combo)
        self.groups.setItem(row, 2, QTableWidgetItem(roles))

    def _vignette_changed(self) -> None:
        item = self.vignette_combo.currentData()
        if item is not None:
            for spin, minutes in zip(self.phase_spins, item.latest.phase_minutes, strict=False):
                spin.setValue(minutes)

    def _link_changed(self) -> None:
        link = self.link_combo.currentData()
        if link and link[0] == "gathering":
            day = link[2]
            self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def values(self) -> dict:
        item = self.vignette_combo.currentData()
        link = self.link_combo.currentData()
        groups = []
        for row in range(self.groups.rowCount()):
            name = (self.groups.item(row, 0).text() if self.groups.item(row, 0) else "").strip()
            if not name:
                continue
            roles = self.groups.item(row, 2).text() if self.groups.item(row, 2) else ""
            groups.append({"name": name, "unit_kind": self.groups.cellWidget(row, 1).currentData(),
                           "roles": [r.strip() for r in roles.split(",") if r.strip()]})
        return {
            "municipality_id": self.municipality.id,
            "vignette_version_id": item.latest.id if item else None,
            "held_on": self.date_edit.date().toPython(),
            "title": self.title_edit.text().strip() or None,
            "phase_minutes": [s.value() for s in self.phase_spins],
            "anonymous": self.anonymous_check.isChecked(),
            "groups": groups,
            "gathering_id": link[1] if link and link[0] == "gathering" else None,
            "network_id": link[1] if link and link[0] == "network" else None,
        }
