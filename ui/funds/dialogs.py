"""Dialogs of Økonomi: an expense and own financing for a semester (whole kroner)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QSpinBox

from .. import topics
from ..planning.common import FormDialog, date_edit, enum_combo, from_qdate, today
from ..planning.network_dialogs import semester_combo


def kroner_spin(value: int = 0) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1, 100_000_000)  # −1 lets the service say that amounts cannot be negative
    spin.setSingleStep(1000)
    spin.setGroupSeparatorShown(True)
    spin.setSuffix(" kr")
    spin.setValue(value)
    return spin


class _AskFirst:
    """The job's answer when the amount looks implausible: nothing is stored, the dialog asks."""

    def __init__(self, warning: str):
        self.warning = warning


class ExpenseDialog(FormDialog):
    """An expense. An implausible amount (storage.services.funds.expense_warning) is asked about first:
    the warning shows in the dialog and «Lagre likevel» stores it."""

    def __init__(self, runner, participation_id, expense=None, parent=None, *, day=None):
        from storage.enums import ExpenseCategory, FundingSource

        super().__init__(runner, "", parent, changes={topics.FUNDS})
        self.setWindowTitle(self.tr("Ny utgift") if expense is None else self.tr("Rediger utgift"))
        self.pid, self.expense = participation_id, expense
        self.day = date_edit(expense.spent_on if expense else day or today())
        self.category = enum_combo(ExpenseCategory, expense.category if expense else ExpenseCategory.NETWORK_MEETINGS)
        self.amount = kroner_spin(expense.amount_nok if expense else 0)
        self.funded_by = enum_combo(FundingSource, expense.funded_by if expense else FundingSource.GRANT)
        self.description = QLineEdit(expense.description or "" if expense else "")
        self.description.setPlaceholderText(self.tr("For eksempel: servering, nettverkssamling mars"))
        self.form.addRow(self.tr("Dato:"), self.day)
        self.form.addRow(self.tr("Kategori:"), self.category)
        self.form.addRow(self.tr("Beløp:"), self.amount)
        self.form.addRow(self.tr("Betalt av:"), self.funded_by)
        self.form.addRow(self.tr("Beskrivelse:"), self.description)
        self.amount.setFocus()
        self.confirmed = False
        self.amount.valueChanged.connect(self._amount_changed)

    def _amount_changed(self, _value) -> None:
        if self.confirmed:
            self.confirmed = False
            self.save_button.setText(self.tr("Lagre"))
            self.error_label.hide()

    def job(self):
        values = {"spent_on": from_qdate(self.day.date()), "category": self.category.currentData(),
                  "amount_nok": self.amount.value(), "funded_by": self.funded_by.currentData(),
                  "description": self.description.text().strip() or None}
        values = self.versioned(values, self.expense)
        pid, expense, confirmed = self.pid, self.expense, self.confirmed

        def fn(store, progress, cancel):
            from storage.services.funds import add_expense, expense_warning, update_expense

            if not confirmed:
                warning = expense_warning(store, pid, values["amount_nok"], expense.id if expense else None)
                if warning:
                    return _AskFirst(warning)
            return add_expense(store, pid, values) if expense is None else update_expense(store, expense.id, values)

        return fn

    def _done(self, result) -> None:
        if isinstance(result, _AskFirst):
            self.show_error(result.warning)
            self.confirmed = True
            self.save_button.setText(self.tr("Lagre likevel"))
            return
        super()._done(result)


class OwnFundingDialog(FormDialog):
    def __init__(self, runner, participation_id, semesters, own=None, parent=None, *, current=None):
        super().__init__(runner, "", parent, changes={topics.FUNDS})
        self.setWindowTitle(self.tr("Ny egenfinansiering") if own is None else self.tr("Rediger egenfinansiering"))
        self.pid, self.own = participation_id, own
        self.semester = semester_combo(semesters, own.semester if own else current)
        self.amount = kroner_spin(own.amount_nok if own else 0)
        self.description = QLineEdit(own.description or "" if own else "")
        self.description.setPlaceholderText(self.tr("For eksempel: frikjøp dekket av kommunen"))
        self.form.addRow(self.tr("Semester:"), self.semester)
        self.form.addRow(self.tr("Beløp:"), self.amount)
        self.form.addRow(self.tr("Beskrivelse:"), self.description)

    def job(self):
        values = self.versioned({"semester": self.semester.currentData(), "amount_nok": self.amount.value(),
                                 "description": self.description.text().strip() or None}, self.own)
        pid, own = self.pid, self.own

        def fn(store, progress, cancel):
            from storage.services.funds import add_own_funding, update_own_funding

            return add_own_funding(store, pid, values) if own is None else update_own_funding(store, own.id, values)

        return fn
