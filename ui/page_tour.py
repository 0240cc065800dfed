"""A tour of every page (NETTVERKSLOGG_VISIT_PAGES=1): open each page in turn, wait until its data
has loaded, then quit with 0, or with 1 if anything raised on the way.

The installed-wheel and one-folder bundle tests use it: a page whose module is missing from the
package, or that fails when built or loaded, fails them, as it would fail a user after the first paint.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer

STEP_MS = 50
TIMEOUT_MS = 180_000


class PageTour(QObject):
    def __init__(self, window, app):
        super().__init__(window)
        self.window = window
        self.app = app
        self.row = 0
        self.failures: list[str] = []
        window.ready.connect(self._next)
        QTimer.singleShot(TIMEOUT_MS, self._timed_out)

    def report_crash(self, report: str, log_file) -> None:
        """The crash reporter during the tour: print the traceback, fail at the end."""
        self.failures.append(report)
        print(report, file=sys.stderr, flush=True)

    def _next(self) -> None:
        runner = self.window.runner
        if runner is not None and runner.busy():
            QTimer.singleShot(STEP_MS, self._next)
            return
        pages = self.window.navigation.count()
        if self.row < pages:
            self.window.show_page(self.row)
            print(f"visited-page {self.row + 1} {type(self.window.current_page()).__name__}", flush=True)
            self.row += 1
            QTimer.singleShot(STEP_MS, self._next)
            return
        try:
            self._check_pdf_and_charts()
        except Exception as exc:  # noqa: BLE001 - reported, and the tour fails
            self.failures.append(repr(exc))
            print(f"pdf/charts check failed: {exc!r}", file=sys.stderr, flush=True)
        print(f"visited-pages {self.row} failures {len(self.failures)}", flush=True)
        self.app.exit(1 if self.failures else 0)

    def _check_pdf_and_charts(self) -> None:
        """QtPdf and QtCharts load and draw (the bundle leaves much of Qt out): a reflection handout
        made by ReportLab is opened and rendered by QtPdf, and a bar chart is drawn by QtCharts."""
        import tempfile
        from pathlib import Path

        from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument

        from exports.reflection_handout import write_reflection_handout
        from storage.content import load_reflection_templates

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "mal.pdf"
            write_reflection_handout(load_reflection_templates()[0], path)
            document = QPdfDocument(self)
            document.load(str(path))
            image = document.render(0, QSize(300, 420))
            colours = {image.pixel(x, y) for x in range(0, 300, 3) for y in range(0, 420, 3)}
            print(f"qtpdf-pages {document.pageCount()} colours {len(colours)}", flush=True)
            document.close()
        bars = QBarSet("x")
        bars.append([1, 3, 2])
        series = QBarSeries()
        series.append(bars)
        chart = QChart()
        chart.addSeries(series)
        view = QChartView(chart)
        view.resize(300, 200)
        print(f"qtcharts-drawn {not view.grab().isNull()}", flush=True)

    def _timed_out(self) -> None:
        print(f"page tour timed out at page {self.row}", file=sys.stderr, flush=True)
        self.app.exit(2)
