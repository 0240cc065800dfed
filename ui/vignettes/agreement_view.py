"""«Samsvar mellom kodere»: Cohen's kappa per dimension for two coders, read in plain Norwegian, and the
answers they disagree on (double-click opens the answer in the coding view)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy


def kappa_text(d) -> str:
    k = d.overall.kappa
    return "–" if k is None else f"{k:.2f}".replace(".", ",").replace("-", "\u2212")


class AgreementView(QWidget):
    open_answer = Signal(object)  # response id

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.detail = None
        self.report = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.coder_a = QComboBox()
        self.coder_b = QComboBox()
        self.coder_a.setAccessibleName(self.tr("Koder A"))
        self.coder_b.setAccessibleName(self.tr("Koder B"))
        self.compute_button = QPushButton(self.tr("Beregn samsvar"))
        self.compute_button.setObjectName("primary")
        top.addWidget(QLabel(self.tr("Koder A:")))
        top.addWidget(self.coder_a)
        top.addWidget(QLabel(self.tr("Koder B:")))
        top.addWidget(self.coder_b)
        top.addWidget(self.compute_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = RecordTableModel([
            Column(self.tr("Dimensjon"), lambda d: d.label),
            Column(self.tr("Kappa"), kappa_text, align=RIGHT),
            Column(self.tr("Enighet"), lambda d: d.overall.band or ""),
            Column(self.tr("n"), lambda d: d.overall.n, align=RIGHT),
            Column(self.tr("Slik kan tallet leses"), lambda d: d.overall.reading,
                   tooltip=lambda d: "\n".join(f"{k.label}: {k.reading}" for k in d.per_code) or d.overall.reading),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(0, 200)
        layout.addWidget(self.table, 3)
        title = QLabel(self.tr("Uenigheter å avklare (dobbeltklikk for å åpne svaret)"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.disagreements = RecordTableModel([
            Column(self.tr("Svar fra"), lambda d: d.respondent),
            Column(self.tr("Dimensjon"), lambda d: d.dimension_label),
            Column(self.tr("Koder A"), lambda d: d.coder_a),
            Column(self.tr("Koder B"), lambda d: d.coder_b),
        ])
        self.disagreement_proxy = SearchProxy(self.disagreements)
        self.disagreement_table = QTableView()
        self.disagreement_table.setModel(self.disagreement_proxy)
        self.disagreement_table.setSortingEnabled(True)
        self.disagreement_table.verticalHeader().hide()
        self.disagreement_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.disagreement_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.disagreement_table, 2)
        self.compute_button.clicked.connect(self.compute)
        self.disagreement_table.doubleClicked.connect(self._open)
        self.disagreement_table.activated.connect(self._open)

    def set_session(self, detail) -> None:
        self.detail = detail
        session_id = detail.session.id

        def job(store, progress, cancel):
            from storage.services.coding import session_coders
            return session_coders(store, session_id)
        self.page.runner.submit(job, on_done=self._coders)

    def _coders(self, coders) -> None:
        names = [name for name, _n in coders]
        for combo, index in ((self.coder_a, 0), (self.coder_b, 1)):
            keep = combo.currentText()
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(names.index(keep) if keep in names else min(index, len(names) - 1))
        enough = len(names) >= 2
        self.compute_button.setEnabled(enough)
        if not enough:
            self.model.set_rows([])
            self.disagreements.set_rows([])
            self.summary_label.setText(self.tr(
                "Samsvar krever at to personer har kodet de samme svarene. Be en kollega kode økta under sitt "
                "eget navn i «Koding» (for eksempel «K2»), og kom tilbake hit."))
        else:
            self.compute()

    def compute(self) -> None:
        a, b = self.coder_a.currentText(), self.coder_b.currentText()
        if self.detail is None or not a or not b:
            return
        session_id = self.detail.session.id

        def job(store, progress, cancel):
            from storage.services.agreement import agreement
            return agreement(store, session_id, a, b)
        self.page.runner.submit(job, on_done=self._show, on_error=lambda exc: self.summary_label.setText(exc.message))

    def _show(self, report) -> None:
        self.report = report
        few = report.double_coded < report.min_double_coded
        text = self.tr("{a} og {b} har begge kodet {n} svar.").format(a=report.coder_a, b=report.coder_b,
                                                                       n=report.double_coded)
        if few:
            text += " " + self.tr("Det er for få dobbeltkodede svar til å beregne kappa – det trengs minst {min}. "
                                  "Uenighetene under kan likevel avklares.").format(min=report.min_double_coded)
        self.summary_label.setText(text)
        self.model.set_rows(list(report.dimensions))
        self.table.resizeRowsToContents()
        self.disagreements.set_rows(list(report.disagreements))

    def _open(self, index) -> None:
        item = self.disagreements.row_at(index)
        if item is not None:
            self.open_answer.emit(item.response_id)
