"""Oppgaver: tasks between gatherings, per network or unit, with due date and status; overdue ones in red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from .. import topics
from ..widgets.table_model import Column, RecordTableModel, SearchProxy
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
    today,
)

RED = "#b3261e"


def make_load(day):
    def load_tasks(store, progress, cancel):
        from storage.services.networks import list_networks
        from storage.services.tasks import list_tasks
        from storage.services.units import list_units

        context = load_context(store)
        if context is None:
            return None, [], [], []
        mid = context.municipality.id
        return context, list_tasks(store, mid, today=day), list_networks(store, mid), list_units(store, mid)

    return load_tasks


def owner_combo(tr, networks, units, network_id=None, unit_id=None) -> QComboBox:
    combo = QComboBox()
    for n in networks:
        combo.addItem(tr("Nettverk: {name}").format(name=n.name), ("network", n.id))
    for u in units:
        combo.addItem(tr("Enhet: {name}").format(name=u.name), ("unit", u.id))
    wanted = ("network", network_id) if network_id else ("unit", unit_id) if unit_id else None
    if wanted:
        combo.setCurrentIndex(max(0, combo.findData(wanted)))
    return combo


class TaskDialog(FormDialog):
    def __init__(self, runner, municipality_id, networks, units, task=None, parent=None, *, owner_id=None):
        from storage.enums import TaskStatus

        super().__init__(runner, "", parent, changes={topics.TASKS})
        self.setWindowTitle(self.tr("Ny oppgave") if task is None else self.tr("Rediger oppgave"))
        self.mid, self.task = municipality_id, task
        self.title = QLineEdit(task.title if task else "")
        self.title.setPlaceholderText(self.tr("For eksempel: prøv vignetten på personalmøtet"))
        network_id = task.network_id if task else owner_id if any(n.id == owner_id for n in networks) else None
        unit_id = task.unit_id if task else owner_id if any(u.id == owner_id for u in units) else None
        self.owner = owner_combo(self.tr, networks, units, network_id, unit_id)
        self.due = date_edit(task.due_date if task and task.due_date else today())
        self.status = enum_combo(TaskStatus, task.status if task else TaskStatus.OPEN)
        self.description = QPlainTextEdit(task.description or "" if task else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        self.form.addRow(self.tr("Oppgave:"), self.title)
        self.form.addRow(self.tr("Gjelder:"), self.owner)
        self.form.addRow(self.tr("Frist:"), self.due)
        self.form.addRow(self.tr("Status:"), self.status)
        self.form.addRow(self.tr("Beskrivelse:"), self.description)

    def job(self):
        kind, owner_id = self.owner.currentData() or (None, None)
        values = {"title": self.title.text().strip(), "description": self.description.toPlainText().strip() or None,
                  "due_date": from_qdate(self.due.date()), "status": self.status.currentData(),
                  "network_id": owner_id if kind == "network" else None,
                  "unit_id": owner_id if kind == "unit" else None}
        mid, task = self.mid, self.task

        def fn(store, progress, cancel):
            from storage.services.tasks import add_task, update_task

            return add_task(store, mid, values) if task is None else update_task(store, task.id, values)

        return fn


class TasksSection(Section):
    TOPICS = frozenset({topics.TASKS, topics.NETWORKS, topics.UNITS})

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.networks, self.units, self.names = [], [], {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        bar = QHBoxLayout()
        self.owner_filter = QComboBox()
        self.overdue_only = QCheckBox(self.tr("Bare forfalte"))
        self.hide_done = QCheckBox(self.tr("Skjul utførte og avlyste"))
        bar.addWidget(QLabel(self.tr("Vis:")))
        bar.addWidget(self.owner_filter, 1)
        bar.addWidget(self.overdue_only)
        bar.addWidget(self.hide_done)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        red = lambda t: RED if t.overdue else None  # noqa: E731
        self.model = RecordTableModel([
            Column(self.tr("Frist"), lambda t: format_date(t.due_date), sort_key=lambda t: t.due_date or "9",
                   foreground=red, width=90),
            Column(self.tr("Oppgave"), lambda t: t.title, foreground=red, width=330),
            Column(self.tr("Gjelder"), lambda t: self.names.get(t.network_id or t.unit_id, ""), width=220),
            Column(self.tr("Status"), lambda t: self.tr("⚠ Forfalt") if t.overdue else t.status.label,
                   foreground=red),
        ])
        self.proxy = SearchProxy(self.model)
        self.view = make_table(self.model, self.proxy)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _i: self.edit_task())
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Ny oppgave …"))
        add.setObjectName("primary")
        add.clicked.connect(self.add_task)
        edit = QPushButton(self.tr("Rediger …"))
        edit.clicked.connect(self.edit_task)
        done = QPushButton(self.tr("Merk som utført"))
        done.clicked.connect(self.mark_done)
        delete = QPushButton(self.tr("Slett"))
        delete.clicked.connect(self.delete_task)
        for b in (add, edit, done, delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.owner_filter.currentIndexChanged.connect(self._filter)
        self.overdue_only.toggled.connect(self._filter)
        self.hide_done.toggled.connect(self._filter)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_task)

    def load(self) -> None:
        self.runner.submit(make_load(today()), on_done=self._show)

    def _show(self, result) -> None:
        self.context, tasks, self.networks, self.units = result
        self.setEnabled(self.context is not None)
        self.names = {n.id: n.name for n in self.networks} | {u.id: u.name for u in self.units}
        chosen = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("Alle nettverk og enheter"), None)
        for n in self.networks:
            self.owner_filter.addItem(self.tr("Nettverk: {name}").format(name=n.name), n.id)
        for u in self.units:
            self.owner_filter.addItem(self.tr("Enhet: {name}").format(name=u.name), u.id)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(chosen)))
        self.owner_filter.blockSignals(False)
        self.model.set_rows(tasks)
        overdue = sum(t.overdue for t in tasks)
        self.summary.setText(self.tr("{n} oppgaver, {o} forfalt.").format(n=len(tasks), o=overdue))
        self.summary.setStyleSheet(f"color: {RED}; font-weight: 600;" if overdue else "")
        self._filter()
        self.loaded.emit()

    def _filter(self, *_args) -> None:
        owner, overdue, hide = self.owner_filter.currentData(), self.overdue_only.isChecked(), self.hide_done.isChecked()
        self.proxy.set_predicate(lambda t: (owner is None or owner in (t.network_id, t.unit_id))
                                 and (not overdue or t.overdue) and (not hide or t.status == "open"))

    def add_task(self) -> None:
        if self.municipality_id:
            TaskDialog(self.runner, self.municipality_id, self.networks, self.units, None, self,
                       owner_id=self.owner_filter.currentData()).open()

    def edit_task(self) -> None:
        task = selected_row(self.view)
        if task is not None:
            TaskDialog(self.runner, self.municipality_id, self.networks, self.units, task, self).open()

    def mark_done(self) -> None:
        task = selected_row(self.view)
        if task is None:
            return

        def fn(store, progress, cancel):
            from storage.enums import TaskStatus
            from storage.services.tasks import set_task_status

            return set_task_status(store, task.id, TaskStatus.DONE)

        self.runner.submit(fn, changes={topics.TASKS})

    def delete_task(self) -> None:
        task = selected_row(self.view)
        if task is None or not confirm(self, self.tr("Slett oppgave"),
                                       self.tr("Slette oppgaven «{title}»?").format(title=task.title), self.tr("Slett")):
            return

        def fn(store, progress, cancel):
            from storage.services.tasks import delete_task

            delete_task(store, task.id)

        self.runner.submit(fn, changes={topics.TASKS})
