"""What the planning sections share: today's date, the municipality context, a section base, a form dialog.

Only Qt and the light `storage.enums`/`storage.errors` load here; services are imported inside jobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from ..widgets.forms import form_error
from ..widgets.table_model import RecordTableModel, SearchProxy

DISABLED_PRIMARY = "QPushButton#primary:disabled { background: #a9b8c8; border-color: #a9b8c8; color: #eef2f6; }"
TODAY: date | None = None  # tests pin the day (the demo is built for 2026-11-20)


def today() -> date:
    return TODAY or date.today()


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(day or today()))
    return edit


@dataclass
class Context:
    """The current municipality and its participation (None when there is none)."""

    municipality: object
    participation: object | None


def load_context(store) -> Context | None:
    from storage.services.municipalities import current_municipality, participation_of

    municipality = current_municipality(store)
    if municipality is None:
        return None
    return Context(municipality, participation_of(store, municipality.id))


def enum_combo(enum_cls, current=None, *, members=None) -> QComboBox:
    combo = QComboBox()
    for member in members or list(enum_cls):
        combo.addItem(member.label, member)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def make_table(model: RecordTableModel, proxy: SearchProxy | None = None) -> QTableView:
    view = QTableView()
    view.setModel(proxy or model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(proxy is not None)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    for i, column in enumerate(model.columns):
        if column.width:
            view.setColumnWidth(i, column.width)
    return view


def selected_rows(view: QTableView) -> list:
    model = view.model()
    return [model.data(index, Qt.ItemDataRole.UserRole + 1) for index in view.selectionModel().selectedRows()]


def selected_row(view: QTableView):
    rows = selected_rows(view)
    return rows[0] if rows else None


def confirm(parent: QWidget, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(parent.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


class Section(QWidget):
    """One tab of Planlegging: loads with the page's runner, reports what it wrote."""

    TOPICS: frozenset[str] = frozenset()
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = None
        self.context: Context | None = None
        self._dirty = True
        self.setStyleSheet(DISABLED_PRIMARY)

    def attach(self, runner) -> None:
        self.runner = runner
        self._dirty = True

    def mark_dirty(self) -> None:
        self._dirty = True

    def ensure_loaded(self) -> None:
        if self._dirty and self.runner is not None:
            self._dirty = False
            self.load()

    def load(self) -> None:
        """Submit a read job; on_done fills the widgets and emits `loaded`."""

    @property
    def municipality_id(self):
        return self.context.municipality.id if self.context else None

    @property
    def participation_id(self):
        part = self.context.participation if self.context else None
        return part.id if part else None


def _shown(value) -> str:
    """A stored or typed value as a user reads it (dates as 24.12.2026, choices by their label)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, date):
        return format_date(value)
    return str(getattr(value, "label", None) or value)


class FormDialog(QDialog):
    """A form whose «Lagre» runs a job; a DomainError shows in the dialog and nothing is stored.

    Enter saves (the default button), Esc cancels. Subclasses add rows to `self.form` and implement
    `job()` returning `fn(store, progress, cancel)`.
    """

    saved = Signal(object)

    def __init__(self, runner, title: str, parent: QWidget | None = None, *, changes=frozenset(),
                 save_text: str | None = None):
        super().__init__(parent)
        self.runner = runner
        self.changes = set(changes)
        self.result_value = None
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.error_label = form_error()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(save_text or self.tr("Lagre"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        cancel = self.buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)  # Enter always saves; Esc cancels
        self._busy = False
        self._overwrite = False
        self.form_values: dict = {}
        self.conflict = None
        self.conflict_bar = self._conflict_bar()
        layout.addWidget(self.conflict_bar)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def job(self):
        raise NotImplementedError

    def versioned(self, values: dict, row) -> dict:
        """`values` with the version of `row` the form was opened on, so a save over someone else's
        later change is refused (none for a new row, or once the user chose «Lagre mine likevel»)."""
        self.form_values = values
        if row is None or self._overwrite:
            return values
        return values | {"row_version": row.row_version}

    def _conflict_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.differences_button = QPushButton(self.tr("Se forskjellene …"))
        self.differences_button.clicked.connect(self.show_differences)
        self.overwrite_button = QPushButton(self.tr("Lagre mine likevel"))
        self.overwrite_button.setToolTip(self.tr("Erstatter det den andre lagret, med det som står i skjemaet"))
        self.overwrite_button.clicked.connect(self._save_over)
        for button in (self.differences_button, self.overwrite_button):
            button.setAutoDefault(False)  # Enter still saves
            row.addWidget(button)
        row.addStretch(1)
        bar.hide()
        return bar

    def _failed(self, exc) -> None:
        from storage.errors import ConcurrentEditError

        if isinstance(exc, ConcurrentEditError) and exc.row_id is not None:
            self.conflict = exc
            self.show_error(exc.message + " " + self.tr(
                "Se hva som er lagret nå, eller lagre det du har skrevet over det. Avbryt for å beholde det "
                "den andre lagret."))
            self.conflict_bar.show()
            self.runner.notify(self.changes)  # the page behind shows what is stored now
            return
        self.show_error(exc.message)

    def _save_over(self) -> None:
        self._overwrite = True
        self.conflict_bar.hide()
        self.save()

    def show_differences(self) -> None:
        conflict, mine = self.conflict, dict(self.form_values)

        def fn(store, progress, cancel):
            from storage.services.stored_rows import differences, stored_values

            return differences(mine, stored_values(store, conflict.table, conflict.row_id)[1])

        self.runner.submit(fn, on_done=self._show_differences, on_error=lambda exc: self.show_error(exc.message))

    def _show_differences(self, rows) -> None:
        if rows:
            lines = [self.tr("{field}: du skrev «{mine}», lagret er «{theirs}»").format(
                field=field, mine=_shown(mine), theirs=_shown(theirs)) for field, mine, theirs in rows]
            text = "\n".join(lines)
        else:
            text = self.tr("Det som er lagret nå, er det samme som i skjemaet ditt.")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Forskjeller"), text, parent=self)
        box.setObjectName("differences")
        box.open()
        self.differences_box = box

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self._busy = False

    def save(self) -> None:
        if self._busy:  # a second Enter while the first save runs
            return
        try:
            fn = self.job()
        except ValueError as exc:  # a form-level check in Norwegian
            self.show_error(str(exc))
            return
        self._busy = True
        self.runner.submit(fn, on_done=self._done, on_error=self._failed, changes=self.changes)

    def _done(self, result) -> None:
        self.result_value = result
        self.saved.emit(result)
        self.accept()
