"""«Analyse»: distributions per dimension split by unit type or by role, as a table and a bar chart with
n behind every figure; before/after against another session on the same vignette; PDF/XLSX export.

QtCharts is imported here, and this module only when the view opens.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_percent

from .compare_view import CompareView

GROUP_COLOURS = {"all": "#2f5d8a", "kindergarten": "#e07b39", "school": "#3c9d5d", "other_unit": "#8a8f98",
                 "leaders": "#8e5ba8", "staff": "#d4a017", "other_role": "#b0b6be"}
AXES = (("unit", "Enhetstype"), ("role", "Rolle"))


def load_analysis(session_id, municipality_id):
    """The session's analysis and the other sessions on the same vignette (for before/after)."""
    def job(store, progress, cancel):
        from storage.services.vignette_analysis import analyse
        from storage.services.vignette_sessions import list_sessions

        analysis = analyse(store, session_id)
        same = list_sessions(store, municipality_id, vignette_id=analysis.sessions[0].vignette_id)
        return analysis, [d for d in same if d.session.id != session_id]
    return job


class AnalysisView(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.detail = None
        self.analysis = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Lagre sammendrag som PDF …"))
        self.xlsx_button = QPushButton(self.tr("Lagre sammendrag som Excel …"))
        top.addWidget(self.figures_label, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        distribution = QWidget()
        dist_layout = QHBoxLayout(distribution)
        dist_layout.setContentsMargins(0, 6, 0, 0)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Del opp etter:")))
        self.axis_combo = QComboBox()
        for key, label in AXES:
            self.axis_combo.addItem(self.tr(label), key)
        side.addWidget(self.axis_combo)
        side.addWidget(QLabel(self.tr("Dimensjon:")))
        self.dimension_list = QListWidget()
        self.dimension_list.setMaximumWidth(240)
        self.dimension_list.setSpacing(3)
        side.addWidget(self.dimension_list, 1)
        dist_layout.addLayout(side)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(6, 6, 6, 6))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.table = QTableWidget()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(self.table)
        splitter.setSizes([380, 220])
        dist_layout.addWidget(splitter, 1)
        self.tabs.addTab(distribution, self.tr("Fordeling"))
        self.compare = CompareView(page)
        self.tabs.addTab(self.compare, self.tr("Før og etter"))

        self.axis_combo.currentIndexChanged.connect(self.show_dimension)
        self.dimension_list.currentRowChanged.connect(self.show_dimension)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))

    def set_session(self, detail) -> None:
        self.detail = detail
        self.page.runner.submit(load_analysis(detail.session.id, detail.session.municipality_id), on_done=self._loaded)

    def _loaded(self, result) -> None:
        analysis, others = result
        self.analysis = analysis
        overview = analysis.sessions[0]
        words = "–" if overview.mean_words is None else f"{overview.mean_words:.0f}"
        self.figures_label.setText(self.tr(
            "<b>{n}</b> svar, <b>{coded}</b> kodet{coder}. Gjennomsnittlig {words} ord per svar.").format(
            n=analysis.responses, coded=analysis.coded, words=words,
            coder=self.tr(" (koder: {c})").format(c=overview.coder) if overview.coder else ""))
        row = max(self.dimension_list.currentRow(), 0)
        self.dimension_list.blockSignals(True)
        self.dimension_list.clear()
        for dim in analysis.dimensions:
            self.dimension_list.addItem(dim.label)
        self.dimension_list.blockSignals(False)
        self.dimension_list.setCurrentRow(min(row, len(analysis.dimensions) - 1))
        self.show_dimension()
        self.compare.set_sessions(self.detail, others)

    def groups(self, dimension):
        axis = self.axis_combo.currentData()
        return [g for g in dimension.groups if g.group.axis in ("all", axis) and (g.n or g.group.key == "all")]

    def show_dimension(self) -> None:
        if self.analysis is None or not self.analysis.dimensions:
            return
        dim = self.analysis.dimensions[max(self.dimension_list.currentRow(), 0)]
        groups = self.groups(dim)
        labels = [s.label for s in groups[0].shares] if groups else []
        # table: one row per code, one column per group, "count (share)", and n in the header
        self.table.clear()
        self.table.setRowCount(len(labels) + (1 if dim.kind == "numeric" else 0))
        self.table.setColumnCount(len(groups))
        self.table.setHorizontalHeaderLabels([f"{g.group.label}\n(n={g.n})" for g in groups])
        self.table.setVerticalHeaderLabels(labels + ([self.tr("Gjennomsnitt")] if dim.kind == "numeric" else []))
        for c, g in enumerate(groups):
            for r, share in enumerate(g.shares):
                item = QTableWidgetItem(f"{share.count} ({format_percent(share.share)})")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            if dim.kind == "numeric":
                mean = "–" if g.mean is None else f"{g.mean:.1f}".replace(".", ",")
                self.table.setItem(len(labels), c, QTableWidgetItem(mean))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._chart(dim, groups, labels)

    def _chart(self, dim, groups, labels) -> None:
        chart = QChart()  # a fresh chart: the view deletes the old one with its series and axes
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view.setChart(chart)
        self.chart = chart
        note = self.tr(" – flere koder kan gjelde samme svar") if dim.kind == "multiple" else ""
        chart.setTitle(self.tr("{dimension}: andel av svarene{note}").format(dimension=dim.label, note=note))
        title_font = QFont(chart.titleFont())
        title_font.setPointSize(11)
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        series = QBarSeries()
        for g in groups:
            bars = QBarSet(f"{g.group.label} (n={g.n})")
            bars.setColor(QColor(GROUP_COLOURS.get(g.group.key, "#8a8f98")))
            for share in g.shares:
                bars.append(0 if share.share is None else round(share.share * 100))
            series.append(bars)
        series.setLabelsVisible(len(groups) * len(labels) <= 24)
        series.setLabelsFormat("@value %")
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(labels)
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d %%")
        y.setTickCount(6)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    # --- export -----------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        if self.detail is None:
            return
        from pathlib import Path

        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in self.detail.session.title).strip()
        name = f"Vignettøkt {safe}.{kind}"
        filters = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel-arbeidsbok (*.xlsx)")
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("Lagre sammendrag"), str(Path(folder) / name),
                                                    filters)
        if path:
            self.export_to(path, kind)

    def export_to(self, path: str, kind: str) -> None:
        session_id = self.detail.session.id

        def job(store, progress, cancel):
            from exports.vignette_summary import collect_summary
            summary = collect_summary(store, session_id)
            if kind == "pdf":
                from exports.vignette_summary import write_summary_pdf
                write_summary_pdf(summary, path)
            else:
                from exports.vignette_summary_xlsx import write_summary_xlsx
                write_summary_xlsx(summary, path)
            return path
        self.page.runner.submit(job, on_done=self._exported, label=self.tr("Lager sammendraget …"))

    def _exported(self, path: str) -> None:
        self.figures_label.setText(self.figures_label.text().split("<br>")[0] + "<br>" + self.tr(
            "Sammendraget er lagret: {path}").format(path=path))
        self.last_export = path
