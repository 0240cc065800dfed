"""Ressurspersoner: people and assignments, and the 20 % + 20 % rule month by month."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date, format_month, format_percent_value

from .. import topics
from ..pages.base import section_title
from ..widgets.table_model import RIGHT, Column, RecordTableModel
from .common import (
    FormDialog,
    Section,
    confirm,
    date_edit,
    enum_combo,
    from_qdate,
    load_context,
    make_table,
    selected_row,
)

RED = "#b3261e"


def load_people(store, progress, cancel):
    from storage.services.resource_persons import list_assignments, list_people, resource_rule_by_month

    context = load_context(store)
    if context is None or context.participation is None:
        return context, [], [], []
    mid = context.municipality.id
    return context, list_assignments(store, mid), list_people(store), resource_rule_by_month(store, mid)


class AssignmentDialog(FormDialog):
    """A new assignment (for a new or an existing person), or edit one line (line not None)."""

    def __init__(self, runner, context, people, line=None, parent=None):
        from storage.enums import Area

        super().__init__(runner, "", parent, changes={topics.RESOURCE_PERSONS})
        self.setWindowTitle(self.tr("Ny ressursperson") if line is None else self.tr("Rediger ressursperson"))
        self.mid, self.line = context.municipality.id, line
        part = context.participation
        self.person = QComboBox()
        self.person.addItem(self.tr("Ny person"), None)
        for p in people:
            self.person.addItem(p.name, p)
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.area = enum_combo(Area, line.assignment.area if line else Area.BOTH)
        self.position = QSpinBox()
        self.position.setRange(0, 100)
        self.position.setSuffix(" %")
        self.position.setValue(line.assignment.position_percent if line else 40)
        self.start = date_edit(line.assignment.start if line else part.period_start)
        self.end = date_edit(line.assignment.end if line else part.period_end)
        if line is None:
            self.form.addRow(self.tr("Person:"), self.person)
        else:
            self.name.setText(line.person.name)
            self.email.setText(line.person.email or "")
            self.phone.setText(line.person.phone or "")
        self.form.addRow(self.tr("Navn:"), self.name)
        self.form.addRow(self.tr("E-post:"), self.email)
        self.form.addRow(self.tr("Telefon:"), self.phone)
        self.form.addRow(self.tr("Område:"), self.area)
        self.form.addRow(self.tr("Stilling:"), self.position)
        self.form.addRow(self.tr("Fra:"), self.start)
        self.form.addRow(self.tr("Til:"), self.end)
        self.person.currentIndexChanged.connect(self._person_changed)

    def _person_changed(self, _index: int) -> None:
        person = self.person.currentData()
        for edit, value in ((self.name, person.name if person else ""), (self.email, person.email if person else ""),
                            (self.phone, person.phone if person else "")):
            edit.setText(value or "")
            edit.setEnabled(person is None)

    def job(self):
        person = {"name": self.name.text().strip(), "email": self.email.text().strip() or None,
                  "phone": self.phone.text().strip() or None}
        assignment = {"area": self.area.currentData(), "position_percent": self.position.value(),
                      "start": from_qdate(self.start.date()), "end": from_qdate(self.end.date())}
        existing, line, mid = self.person.currentData(), self.line, self.mid

        def fn(store, progress, cancel):
            from storage.services import resource_persons as rp

            if line is not None:
                rp.update_assignment(store, line.assignment.id, assignment)
                return rp.update_person(store, line.person.id, person)
            if existing is not None:
                return rp.add_assignment(store, mid, existing.id, assignment)
            return rp.add_person_with_assignment(store, mid, person, assignment)

        return fn


class ResourcePersonsSection(Section):
    TOPICS = frozenset({topics.RESOURCE_PERSONS})

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.people = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter, 1)

        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(section_title(self.tr("Ressurspersoner og stillinger")))
        self.model = RecordTableModel([
            Column(self.tr("Navn"), lambda a: a.person.name, width=200),
            Column(self.tr("E-post"), lambda a: a.person.email or "", width=220),
            Column(self.tr("Område"), lambda a: a.assignment.area.label, width=150),
            Column(self.tr("Stilling"), lambda a: format_percent_value(a.assignment.position_percent), align=RIGHT, width=70),
            Column(self.tr("Fra"), lambda a: format_date(a.assignment.start), width=100),
            Column(self.tr("Til"), lambda a: format_date(a.assignment.end)),
        ])
        self.view = make_table(self.model)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        box.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Ny ressursperson …"))
        self.add_button.setObjectName("primary")
        self.edit_button = QPushButton(self.tr("Rediger …"))
        self.delete_button = QPushButton(self.tr("Slett stillingen"))
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box.addLayout(buttons)
        splitter.addWidget(top)

        bottom = QWidget()
        box = QVBoxLayout(bottom)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(section_title(self.tr("Regelen måned for måned: minst 20 % barnehage og 20 % skole")))
        self.rule_summary = QLabel()
        self.rule_summary.setWordWrap(True)
        box.addWidget(self.rule_summary)
        red = lambda m: None if m.met else RED  # noqa: E731
        self.months_model = RecordTableModel([
            Column(self.tr("Måned"), lambda m: format_month(m.month), foreground=red, width=140),
            Column(self.tr("Barnehage"), lambda m: format_percent_value(m.kindergarten_percent), align=RIGHT, foreground=red,
                   width=90),
            Column(self.tr("Skole"), lambda m: format_percent_value(m.school_percent), align=RIGHT, foreground=red, width=90),
            Column(self.tr("Status"), lambda m: self.tr("Oppfylt") if m.met else self.tr("✗ Ikke oppfylt"),
                   foreground=red, width=120),
            Column(self.tr("Begrunnelse"), lambda m: m.reason, foreground=red),
        ])
        self.months_view = make_table(self.months_model)
        box.addWidget(self.months_view, 1)
        splitter.addWidget(bottom)
        splitter.setSizes([300, 400])

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete)

    def load(self) -> None:
        self.runner.submit(load_people, on_done=self._show)

    def _show(self, result) -> None:
        self.context, lines, self.people, months = result
        self.setEnabled(self.participation_id is not None)
        self.model.set_rows(lines)
        self.months_model.set_rows(months)
        unmet = [m for m in months if not m.met]
        if not months:
            self.rule_summary.setText("")
        elif unmet:
            self.rule_summary.setText(self.tr("⚠ {n} av {total} måneder oppfyller ikke regelen: {months}.").format(
                n=len(unmet), total=len(months), months=", ".join(format_month(m.month) for m in unmet)))
            self.rule_summary.setStyleSheet(f"color: {RED}; font-weight: 600;")
        else:
            self.rule_summary.setText(self.tr("✓ Regelen er oppfylt i alle {n} månedene.").format(n=len(months)))
            self.rule_summary.setStyleSheet("color: #1e6b35; font-weight: 600;")
        if unmet:
            row = months.index(unmet[0])
            self.months_view.scrollTo(self.months_model.index(row, 0))
        self.loaded.emit()

    def add(self) -> None:
        if self.participation_id:
            AssignmentDialog(self.runner, self.context, self.people, None, self).open()

    def edit(self) -> None:
        line = selected_row(self.view)
        if line is not None:
            AssignmentDialog(self.runner, self.context, self.people, line, self).open()

    def delete(self) -> None:
        line = selected_row(self.view)
        if line is None or not confirm(self, self.tr("Slett stillingen"),
                                       self.tr("Slette stillingen til {name} ({area}, {pct} %)?").format(
                                           name=line.person.name, area=line.assignment.area.label,
                                           pct=line.assignment.position_percent), self.tr("Slett")):
            return

        def fn(store, progress, cancel):
            from storage.services.resource_persons import delete_assignment

            delete_assignment(store, line.assignment.id)

        self.runner.submit(fn, changes={topics.RESOURCE_PERSONS})
