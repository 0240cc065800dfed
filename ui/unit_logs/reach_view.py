"""«Rekkevidde»: per unit and semester, how many of the staff the work reached (storage.services.reach),
units below half their staff highlighted, with the rule in one sentence above the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_percent

from ..widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy

LOW = "#b3261e"
HALF = 0.5  # the same threshold as storage.services.reach.HALF


def _share_text(share: float | None) -> str:
    return "ukjent" if share is None else format_percent(share)


def _low(row) -> str | None:
    return LOW if row.share is None or row.share < HALF else None


REACH_COLUMNS = [
    Column("Enhet", lambda r: r.unit_name),
    Column("Type", lambda r: r.unit_kind.label),
    Column("Ansatte", lambda r: r.staff or "ukjent", align=RIGHT, sort_key=lambda r: r.staff),
    Column("Nådd", lambda r: r.reached, align=RIGHT),
    Column("Andel", lambda r: _share_text(r.share), align=RIGHT, foreground=_low,
           sort_key=lambda r: -1 if r.share is None else r.share),
    Column("Største logg", lambda r: r.from_logs or "", align=RIGHT, sort_key=lambda r: r.from_logs),
    Column("Største samling", lambda r: r.from_gatherings or "", align=RIGHT, sort_key=lambda r: r.from_gatherings),
    Column("Logger", lambda r: r.log_count, align=RIGHT),
    Column("Samlinger", lambda r: r.gathering_count, align=RIGHT),
]


def load_reach(semester: str | None, today):
    def job(store, progress, cancel):
        from storage.semesters import semester_of
        from storage.services.reach import reach_by_unit, summarise

        from ..gatherings.common import municipality_and_period

        found = municipality_and_period(store)
        if found is None:
            return None
        municipality, _start, _end, semesters = found
        chosen = semester or semester_of(today)
        if chosen not in semesters:
            chosen = semesters[-1] if today > _end else semesters[0]
        rows = reach_by_unit(store, municipality.id, chosen)
        return chosen, semesters, rows, summarise(chosen, rows)

    return job


class ReachView(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.runner = None
        self.summary = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        rule = QLabel(self.tr(
            "Nådd er det største antallet ansatte på én øktlogg eller på én samling i semesteret – ikke summen, "
            "fordi det ofte er de samme folkene – og aldri flere enn enheten har. Enheter som har nådd under "
            "halvparten av personalet, er merket med rødt."))
        rule.setObjectName("muted")
        rule.setWordWrap(True)
        layout.addWidget(rule)
        top = QHBoxLayout()
        caption = QLabel(self.tr("&Semester"))
        self.semester = QComboBox()
        self.semester.setMinimumWidth(110)
        caption.setBuddy(self.semester)
        self.semester.currentIndexChanged.connect(self._semester_changed)
        top.addWidget(caption)
        top.addWidget(self.semester)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        top.addWidget(self.summary_label, 1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Søk etter enhet"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(240)
        top.addWidget(self.search)
        layout.addLayout(top)
        self.model = RecordTableModel(REACH_COLUMNS)
        self.proxy = SearchProxy(self.model)
        self.search.textChanged.connect(self.proxy.set_search)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.table, 1)

    def load(self, semester: str | None = None) -> None:
        if self.runner is not None:
            self.runner.submit(load_reach(semester or self.semester.currentData(), self.page.today()),
                               on_done=self._loaded)

    def _semester_changed(self) -> None:
        if self.semester.currentData():
            self.load(self.semester.currentData())

    def _loaded(self, result) -> None:
        if result is None:
            self.model.set_rows([])
            self.summary_label.setText("")
            return
        chosen, semesters, rows, summary = result
        self.summary = summary
        self.semester.blockSignals(True)
        self.semester.clear()
        for semester in reversed(semesters):
            self.semester.addItem(semester, semester)
        self.semester.setCurrentIndex(max(self.semester.findData(chosen), 0))
        self.semester.blockSignals(False)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        share = _share_text(summary.share)
        self.summary_label.setText(self.tr(
            "<b>{reached} av {staff} ansatte nådd ({share})</b> · {half} av {units} enheter har nådd minst "
            "halvparten · {none} enheter ikke nådd").format(
            reached=summary.reached, staff=summary.staff, share=share, half=summary.units_half_or_more,
            units=summary.units, none=summary.units_none))
