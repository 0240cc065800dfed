"""«Før og etter»: the change per dimension between two sessions on the same vignette, with n on each
side and a warning for every group too small to compare."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from storage.formatting import format_change, format_date, format_percent

from ..widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy


def _points(change) -> str:
    return "–" if change is None else f"{format_change(change)} p.p."


class CompareView(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.detail = None
        self.comparison = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sammenlign med en annen økt med samme vignett:")))
        self.other_combo = QComboBox()
        self.other_combo.setMinimumWidth(320)
        top.addWidget(self.other_combo, 1)
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("Alle grupper"), None)
        top.addWidget(self.group_combo)
        layout.addLayout(top)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("QLabel { background: #fff6e0; border: 1px solid #e8c36a; "
                                          "border-radius: 6px; padding: 8px; }")
        self.warnings_label.hide()
        layout.addWidget(self.warnings_label)
        self.model = RecordTableModel([
            Column(self.tr("Dimensjon"), lambda c: c.dimension_label),
            Column(self.tr("Kode"), lambda c: c.label),
            Column(self.tr("Gruppe"), lambda c: c.group.label),
            Column(self.tr("Før"), lambda c: f"{format_percent(c.before_share)} (n={c.before_n})", align=RIGHT),
            Column(self.tr("Etter"), lambda c: f"{format_percent(c.after_share)} (n={c.after_n})", align=RIGHT),
            Column(self.tr("Endring"), lambda c: _points(c.change), align=RIGHT,
                   sort_key=lambda c: -999 if c.change is None else c.change,
                   foreground=lambda c: "#8a8f98" if c.small else None,
                   tooltip=lambda c: self.tr("For få svar til å sammenligne denne gruppen") if c.small else None),
        ])
        self.proxy = SearchProxy(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the codebook's order until a header is clicked
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.other_combo.currentIndexChanged.connect(self.compare)
        self.group_combo.currentIndexChanged.connect(self._filter)

    def set_sessions(self, detail, others) -> None:
        self.detail = detail
        self.other_combo.blockSignals(True)
        self.other_combo.clear()
        for other in sorted(others, key=lambda d: d.session.held_on):
            self.other_combo.addItem(f"{other.session.title} ({format_date(other.session.held_on)}, "
                                     f"{other.coded} kodet)", other)
        self.other_combo.blockSignals(False)
        if not others:
            self.model.set_rows([])
            self.warnings_label.hide()
            self.empty_label.setText(self.tr("Ingen andre økter har brukt denne vignetten ennå. Bruk den samme "
                                             "vignetten senere i puljen, så kan du se om svarene endrer seg."))
            return
        self.empty_label.setText("")
        self.compare()

    def compare(self) -> None:
        other = self.other_combo.currentData()
        if other is None or self.detail is None:
            return
        first, second = sorted([self.detail, other], key=lambda d: (d.session.held_on, d.session.created_at))
        before_id, after_id = first.session.id, second.session.id

        def job(store, progress, cancel):
            from storage.services.vignette_analysis import compare_sessions
            return compare_sessions(store, before_id, after_id)
        self.page.runner.submit(job, on_done=self._show, on_error=lambda exc: self._fail(exc.message))

    def _fail(self, message: str) -> None:
        self.model.set_rows([])
        self.warnings_label.setText(message)
        self.warnings_label.show()

    def _show(self, comparison) -> None:
        self.comparison = comparison
        keep = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("Alle grupper"), None)
        seen = []
        for change in comparison.changes:
            if change.group.key not in seen:
                seen.append(change.group.key)
                self.group_combo.addItem(change.group.label, change.group.key)
        self.group_combo.setCurrentIndex(max(self.group_combo.findData(keep), 0))
        self.group_combo.blockSignals(False)
        self.model.set_rows(list(comparison.changes))
        self._filter()
        lines = [self.tr("Før: {a} ({da}). Etter: {b} ({db}).").format(
            a=comparison.before.title, da=format_date(comparison.before.held_on),
            b=comparison.after.title, db=format_date(comparison.after.held_on))]
        lines += list(comparison.warnings)
        self.warnings_label.setText("\n".join(lines))
        self.warnings_label.setVisible(True)

    def _filter(self) -> None:
        key = self.group_combo.currentData()
        self.proxy.set_predicate(None if key is None else (lambda c: c.group.key == key))
