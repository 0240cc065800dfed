"""Enheter: the municipality's kindergartens and schools, search as you type, add, edit, archive, import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import topics
from ..widgets.table_model import RIGHT, Column, FastSearchProxy, RecordTableModel
from .common import (
    FormDialog,
    Section,
    confirm,
    enum_combo,
    load_context,
    make_table,
    selected_row,
)

NAME, KIND, OWNERSHIP, STAGES, STAFF, LEADER, EMAIL, STATUS = range(8)


def load_units(store, progress, cancel):
    from storage.services.units import list_units

    context = load_context(store)
    units = list_units(store, context.municipality.id, include_archived=True) if context else []
    return context, units


class UnitDialog(FormDialog):
    """Add a unit (unit None) or edit one."""

    def __init__(self, runner, municipality_id, unit=None, parent=None):
        from storage.enums import Ownership, Stages, UnitKind

        super().__init__(runner, "", parent, changes={topics.UNITS})
        self.setWindowTitle(self.tr("Ny enhet") if unit is None else self.tr("Rediger enhet"))
        self.municipality_id, self.unit = municipality_id, unit
        self.name = QLineEdit(unit.name if unit else "")
        self.kind = enum_combo(UnitKind, unit.kind if unit else UnitKind.KINDERGARTEN)
        self.ownership = enum_combo(Ownership, unit.ownership if unit else Ownership.PUBLIC)
        self.stages = QComboBox()
        self.stages.addItem(self.tr("Ikke aktuelt"), None)
        for member in Stages:
            self.stages.addItem(member.label, member)
        if unit and unit.stages:
            self.stages.setCurrentIndex(self.stages.findData(unit.stages))
        self.staff = QSpinBox()
        self.staff.setRange(0, 2000)
        self.staff.setValue(unit.staff_count if unit else 0)
        self.leader_role = QLineEdit(unit.leader_role or "" if unit else "")
        self.leader_role.setPlaceholderText(self.tr("For eksempel styrer eller rektor"))
        self.leader_email = QLineEdit(unit.leader_email or "" if unit else "")
        for label, widget in ((self.tr("Navn:"), self.name), (self.tr("Type:"), self.kind),
                              (self.tr("Eierform:"), self.ownership), (self.tr("Trinn:"), self.stages),
                              (self.tr("Antall ansatte:"), self.staff), (self.tr("Lederens rolle:"), self.leader_role),
                              (self.tr("Lederens e-post:"), self.leader_email)):
            self.form.addRow(label, widget)
        self.name.setFocus()

    def values(self) -> dict:
        return {"name": self.name.text(), "kind": self.kind.currentData(), "ownership": self.ownership.currentData(),
                "stages": self.stages.currentData(), "staff_count": self.staff.value(),
                "leader_role": self.leader_role.text().strip() or None,
                "leader_email": self.leader_email.text().strip() or None}

    def job(self):
        values, mid, unit = self.versioned(self.values(), self.unit), self.municipality_id, self.unit

        def fn(store, progress, cancel):
            from storage.services.units import add_unit, update_unit

            return add_unit(store, mid, values) if unit is None else update_unit(store, unit.id, values)

        return fn


class UnitsSection(Section):
    TOPICS = frozenset({topics.UNITS})

    def __init__(self, parent: QWidget | None = None):
        from storage.enums import UnitKind

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Søk i enhetene"))
        self.search.setPlaceholderText(self.tr("Søk i navn, leder og e-post …"))
        self.search.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("Alle typer"), None)
        for member in UnitKind:
            self.kind_filter.addItem(member.label, member)
        self.show_archived = QCheckBox(self.tr("Vis arkiverte"))
        bar.addWidget(self.search, 2)
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.show_archived)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.model = RecordTableModel([
            Column(self.tr("Navn"), lambda u: u.name, stretch=True),
            Column(self.tr("Type"), lambda u: u.kind.label),
            Column(self.tr("Eierform"), lambda u: u.ownership.label),
            Column(self.tr("Trinn"), lambda u: u.stages.label if u.stages else ""),
            Column(self.tr("Ansatte"), lambda u: u.staff_count, align=RIGHT),
            Column(self.tr("Leder"), lambda u: u.leader_role or ""),
            Column(self.tr("E-post"), lambda u: u.leader_email or "", stretch=True),
            Column(self.tr("Status"), lambda u: self.tr("Arkivert") if u.archived else self.tr("Aktiv"),
                   foreground=lambda u: "#52606d" if u.archived else None),
        ])
        self.proxy = FastSearchProxy(self.model)
        self.view = make_table(self.model, self.proxy)
        self.view.setAccessibleName(self.tr("Enheter"))
        self.view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _i: self.edit_unit())
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Ny enhet …"))
        self.add_button.setObjectName("primary")
        self.edit_button = QPushButton(self.tr("Rediger …"))
        self.archive_button = QPushButton(self.tr("Arkiver"))
        self.import_button = QPushButton(self.tr("Importer enhetsliste …"))
        for b in (self.add_button, self.edit_button, self.archive_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self.proxy.set_search)
        self.kind_filter.currentIndexChanged.connect(self._filter)
        self.show_archived.toggled.connect(self._filter)
        self.add_button.clicked.connect(self.add_unit)
        self.edit_button.clicked.connect(self.edit_unit)
        self.archive_button.clicked.connect(self.archive_unit)
        self.import_button.clicked.connect(self.import_units)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.archive_unit)
        self.view.selectionModel().currentRowChanged.connect(self._selection)
        self._filter()

    def _filter(self, *_args) -> None:
        kind, archived = self.kind_filter.currentData(), self.show_archived.isChecked()
        self.proxy.set_predicate(lambda u: (kind is None or u.kind == kind) and (archived or not u.archived))

    def _selection(self, *_args) -> None:
        unit = selected_row(self.view)
        self.archive_button.setText(self.tr("Hent tilbake") if unit and unit.archived else self.tr("Arkiver"))

    def load(self) -> None:
        self.runner.submit(load_units, on_done=self._show)

    def _show(self, result) -> None:
        self.context, units = result
        self.setEnabled(self.context is not None)
        self.proxy.set_rows(units)
        self._selection()
        self.loaded.emit()

    def add_unit(self) -> None:
        if self.municipality_id:
            UnitDialog(self.runner, self.municipality_id, None, self).open()

    def edit_unit(self) -> None:
        unit = selected_row(self.view)
        if unit is not None:
            UnitDialog(self.runner, self.municipality_id, unit, self).open()

    def archive_unit(self) -> None:
        unit = selected_row(self.view)
        if unit is None:
            return
        restore = unit.archived
        if not restore and not confirm(self, self.tr("Arkiver enhet"),
                                       self.tr("Arkivere «{name}»? Enheten beholder loggene sine, men vises ikke "
                                               "lenger i lister og nye planer.").format(name=unit.name),
                                       self.tr("Arkiver")):
            return

        def fn(store, progress, cancel):
            from storage.services.units import archive_unit

            return archive_unit(store, unit.id, not restore)

        self.runner.submit(fn, changes={topics.UNITS})

    def import_units(self) -> None:
        from .units_import import choose_and_import

        if self.municipality_id:
            choose_and_import(self, self.runner, self.municipality_id)
