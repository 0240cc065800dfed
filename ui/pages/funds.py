"""Økonomi: grants, own financing per semester, expenses by category, spent and remaining, and a warning
when the rest cannot plausibly be spent before the period ends (all from storage.services.funds)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date, format_kroner, format_percent_value
from storage.rules import granted_amount

from .. import topics
from ..widgets.forms import form_error
from .base import FigureCard, Page, card_grid, muted, section_title


def make_load(day):
    def load_funds_page(store, progress, cancel):
        from storage.semesters import semesters_between
        from storage.services.funds import funds_summary, list_expenses, list_own_funding
        from storage.services.participation import list_grants
        from ui.planning.common import load_context

        context = load_context(store)
        if context is None or context.participation is None:
            return None
        part = context.participation
        return {"context": context, "summary": funds_summary(store, part.id, day),
                "expenses": list_expenses(store, part.id), "own": list_own_funding(store, part.id),
                "grants": list_grants(store, part.id),
                "semesters": semesters_between(part.period_start, part.period_end)}

    return load_funds_page


class FundsPage(Page):
    SCROLLS = False
    TOPICS = frozenset({topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY, topics.PARTICIPATION, topics.FUNDS})
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QShortcut

        from ..planning.common import make_table
        from ..widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy

        super().__init__(parent)
        self.set_intro(self.tr("Følg tilskuddet, egenfinansieringen og utgiftene gjennom hele perioden."))
        self.data = None
        self.summary = None
        self.warning_label = form_error()
        self.body.addWidget(self.warning_label)
        self.cards = {key: FigureCard(caption) for key, caption in (
            ("granted", self.tr("Tilskudd (kommunens andel)")), ("own", self.tr("Egenfinansiering")),
            ("spent", self.tr("Brukt hittil")), ("remaining", self.tr("Igjen")))}
        self.body.addLayout(card_grid(list(self.cards.values())))
        self.pace_label = muted("")
        self.body.addWidget(self.pace_label)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.body.addWidget(self.tabs, 1)

        # Utgifter
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.setContentsMargins(0, 10, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Søk i utgiftene …"))
        self.search.setClearButtonEnabled(True)
        self.semester_filter = QComboBox()
        self.category_filter = QComboBox()
        self.source_filter = QComboBox()
        for combo in (self.semester_filter, self.category_filter, self.source_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for w in (self.search, self.semester_filter, self.category_filter, self.source_filter):
            bar.addWidget(w, 1 if w is self.search else 0)
        box.addLayout(bar)
        self.expense_model = RecordTableModel([
            Column(self.tr("Dato"), lambda e: format_date(e.spent_on), sort_key=lambda e: e.spent_on,
                   width=95),
            Column(self.tr("Kategori"), lambda e: e.category.label, width=330),
            Column(self.tr("Betalt av"), lambda e: e.funded_by.label, width=130),
            Column(self.tr("Beløp"), lambda e: format_kroner(e.amount_nok), sort_key=lambda e: e.amount_nok, align=RIGHT,
                   width=110),
            Column(self.tr("Beskrivelse"), lambda e: e.description or ""),
        ])
        self.expense_proxy = SearchProxy(self.expense_model)
        self.expense_view = make_table(self.expense_model, self.expense_proxy)
        self.expense_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.expense_view.doubleClicked.connect(lambda _i: self.edit_expense())
        box.addWidget(self.expense_view, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Ny utgift …"))
        add.setObjectName("primary")
        add.clicked.connect(self.add_expense)
        edit = QPushButton(self.tr("Rediger …"))
        edit.clicked.connect(self.edit_expense)
        delete = QPushButton(self.tr("Slett"))
        delete.clicked.connect(self.delete_expense)
        for b in (add, edit, delete):
            row.addWidget(b)
        row.addStretch(1)
        self.filtered_sum = QLabel()
        row.addWidget(self.filtered_sum)
        box.addLayout(row)
        QShortcut(QKeySequence.StandardKey.Delete, self.expense_view, self.delete_expense)
        self.tabs.addTab(tab, self.tr("Utgifter"))

        # Oppsummering
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.setContentsMargins(0, 10, 0, 0)
        box.addWidget(section_title(self.tr("Brukt per kategori og semester")))
        self.summary_model = RecordTableModel([])
        self.summary_view = make_table(self.summary_model)
        box.addWidget(self.summary_view, 1)
        self.source_label = muted("")
        box.addWidget(self.source_label)
        self.tabs.addTab(tab, self.tr("Oppsummering"))

        # Tilskudd og egenfinansiering
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.setContentsMargins(0, 10, 0, 0)
        box.addWidget(section_title(self.tr("Tilskudd")))
        self.grant_model = RecordTableModel([
            Column(self.tr("Grunnlag"), lambda g: g.basis.label, width=200),
            Column(self.tr("Beløp"), lambda g: format_kroner(g.amount_nok), align=RIGHT, width=120),
            Column(self.tr("Andel"), lambda g: format_percent_value(g.share_percent), align=RIGHT, width=70),
            Column(self.tr("Kommunens del"), lambda g: format_kroner(granted_amount(g.amount_nok, g.share_percent)), align=RIGHT,
                   width=130),
            Column(self.tr("Delt med"), lambda g: g.shared_with or ""),
        ])
        self.grant_view = make_table(self.grant_model)
        self.grant_view.setMaximumHeight(130)
        self.grant_view.doubleClicked.connect(lambda _i: self.edit_grant())
        box.addWidget(self.grant_view)
        row = QHBoxLayout()
        edit = QPushButton(self.tr("Rediger tilskudd …"))
        edit.clicked.connect(self.edit_grant)
        row.addWidget(edit)
        row.addStretch(1)
        box.addLayout(row)
        box.addSpacing(8)
        box.addWidget(section_title(self.tr("Egenfinansiering per semester")))
        self.own_model = RecordTableModel([
            Column(self.tr("Semester"), lambda o: o.semester, width=100),
            Column(self.tr("Beløp"), lambda o: format_kroner(o.amount_nok), align=RIGHT, width=120),
            Column(self.tr("Beskrivelse"), lambda o: o.description or ""),
        ])
        self.own_view = make_table(self.own_model)
        self.own_view.doubleClicked.connect(lambda _i: self.edit_own())
        box.addWidget(self.own_view, 1)
        row = QHBoxLayout()
        for text, slot in ((self.tr("Ny egenfinansiering …"), self.add_own), (self.tr("Rediger …"), self.edit_own),
                           (self.tr("Slett"), self.delete_own)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        QShortcut(QKeySequence.StandardKey.Delete, self.own_view, self.delete_own)
        self.tabs.addTab(tab, self.tr("Tilskudd og egenfinansiering"))

        self.search.textChanged.connect(self._filter)
        for combo in (self.semester_filter, self.category_filter, self.source_filter):
            combo.currentIndexChanged.connect(self._filter)

    # --- data ----------------------------------------------------------------------------------------

    def load(self) -> None:
        from ..planning.common import today

        self.runner.submit(make_load(today()), on_done=self._show)

    def _fill_combo(self, combo: QComboBox, first: str, items: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def _show(self, data) -> None:
        from storage.enums import ExpenseCategory, FundingSource

        self.data = data
        self.setEnabled(data is not None)
        if data is None:
            return
        s = self.summary = data["summary"]
        self.warning_label.setText("⚠ " + s.warning if s.warning else "")
        self.warning_label.setVisible(bool(s.warning))
        for key, value in (("granted", s.granted_nok), ("own", s.own_nok), ("spent", s.spent_nok),
                           ("remaining", s.remaining_nok)):
            self.cards[key].set_value(format_kroner(value))
        self.pace_label.setText(self.tr(
            "Brukt i snitt {avg} per måned i {passed} måneder. For å bruke resten må det brukes {need} per måned "
            "de {left} månedene som er igjen. Igjen av tilskuddet: {grant_left}.").format(
            avg=format_kroner(s.average_monthly_nok), passed=s.months_passed, need=format_kroner(s.needed_monthly_nok),
            left=s.months_left, grant_left=format_kroner(s.remaining_grant_nok)))
        self._fill_combo(self.semester_filter, self.tr("Alle semestre"), [(x, x) for x in data["semesters"]])
        self._fill_combo(self.category_filter, self.tr("Alle kategorier"), [(c.label, c) for c in ExpenseCategory])
        self._fill_combo(self.source_filter, self.tr("Tilskudd og egen"), [(f.label, f) for f in FundingSource])
        self.expense_model.set_rows(data["expenses"])
        self.grant_model.set_rows(data["grants"])
        order = {s: i for i, s in enumerate(data["semesters"])}
        self.own_model.set_rows(sorted(data["own"], key=lambda o: order.get(o.semester, len(order))))
        self._fill_summary(data["semesters"])
        self._filter()
        self.loaded.emit()

    def _fill_summary(self, semesters: list[str]) -> None:
        from storage.enums import ExpenseCategory

        from ..widgets.table_model import RIGHT, Column, RecordTableModel

        s = self.summary
        rows = [(c.label, {sem: s.spent_by_semester.get(sem, {}).get(c, 0) for sem in semesters},
                 s.spent_by_category.get(c, 0)) for c in ExpenseCategory]
        totals = {sem: sum(s.spent_by_semester.get(sem, {}).values()) for sem in semesters}
        rows.append((self.tr("Brukt i alt"), totals, s.spent_nok))
        rows.append((self.tr("Egenfinansiering"), {sem: s.own_by_semester.get(sem, 0) for sem in semesters},
                     s.own_nok))
        columns = [Column(self.tr("Kategori"), lambda r: r[0], width=340)]
        columns += [Column(sem, lambda r, sem=sem: format_kroner(r[1][sem]), align=RIGHT, width=110) for sem in semesters]
        columns.append(Column(self.tr("Totalt"), lambda r: format_kroner(r[2]), align=RIGHT))
        self.summary_model = RecordTableModel(columns)
        self.summary_model.set_rows(rows)
        self.summary_view.setModel(self.summary_model)
        for i, column in enumerate(columns):
            if column.width:
                self.summary_view.setColumnWidth(i, column.width)
        self.source_label.setText(self.tr(
            "Av det som er brukt, er {grant} betalt med tilskudd og {own} med egenfinansiering. "
            "Igjen i alt: {rest} av {available}.").format(
            grant=format_kroner(s.spent_from_grant_nok), own=format_kroner(s.spent_from_own_nok), rest=format_kroner(s.remaining_nok),
            available=format_kroner(s.available_nok)))

    def _filter(self, *_args) -> None:
        from storage.semesters import semester_of

        from ..widgets.table_model import ROW_ROLE

        semester, category = self.semester_filter.currentData(), self.category_filter.currentData()
        source = self.source_filter.currentData()
        self.expense_proxy.set_search(self.search.text())
        self.expense_proxy.set_predicate(
            lambda e: (semester is None or semester_of(e.spent_on) == semester)
            and (category is None or e.category == category) and (source is None or e.funded_by == source))
        shown = [self.expense_proxy.index(r, 0).data(ROW_ROLE) for r in range(self.expense_proxy.rowCount())]
        self.filtered_sum.setText(self.tr("{n} utgifter, til sammen {sum}").format(
            n=len(shown), sum=format_kroner(sum(e.amount_nok for e in shown))))

    # --- actions -------------------------------------------------------------------------------------

    @property
    def participation_id(self):
        return self.data["context"].participation.id if self.data else None

    def add_expense(self):
        from ..funds.dialogs import ExpenseDialog

        if self.participation_id:
            dialog = ExpenseDialog(self.runner, self.participation_id, None, self)
            dialog.open()
            return dialog
        return None

    def edit_expense(self) -> None:
        from ..funds.dialogs import ExpenseDialog
        from ..planning.common import selected_row

        expense = selected_row(self.expense_view)
        if expense is not None:
            ExpenseDialog(self.runner, self.participation_id, expense, self).open()

    def delete_expense(self) -> None:
        from ..planning.common import confirm, selected_row

        expense = selected_row(self.expense_view)
        if expense is None or not confirm(self, self.tr("Slett utgift"), self.tr(
                "Slette utgiften på {amount} ({category})?").format(amount=format_kroner(expense.amount_nok),
                                                                    category=expense.category.label),
                self.tr("Slett")):
            return

        def fn(store, progress, cancel):
            from storage.services.funds import delete_expense

            delete_expense(store, expense.id)

        self.runner.submit(fn, changes={topics.FUNDS})

    def edit_grant(self) -> None:
        from ..planning.common import selected_row
        from ..planning.participation import GrantDialog

        grant = selected_row(self.grant_view)
        if grant is not None:
            GrantDialog(self.runner, grant, self).open()

    def add_own(self) -> None:
        from storage.semesters import semester_of

        from ..funds.dialogs import OwnFundingDialog
        from ..planning.common import today

        if self.participation_id:
            OwnFundingDialog(self.runner, self.participation_id, self.data["semesters"], None, self,
                             current=semester_of(today())).open()

    def edit_own(self) -> None:
        from ..funds.dialogs import OwnFundingDialog
        from ..planning.common import selected_row

        own = selected_row(self.own_view)
        if own is not None:
            OwnFundingDialog(self.runner, self.participation_id, self.data["semesters"], own, self).open()

    def delete_own(self) -> None:
        from ..planning.common import confirm, selected_row

        own = selected_row(self.own_view)
        if own is None or not confirm(self, self.tr("Slett egenfinansiering"), self.tr(
                "Slette egenfinansieringen på {amount} for {semester}?").format(
                amount=format_kroner(own.amount_nok), semester=own.semester), self.tr("Slett")):
            return

        def fn(store, progress, cancel):
            from storage.services.funds import delete_own_funding

            delete_own_funding(store, own.id)

        self.runner.submit(fn, changes={topics.FUNDS})
