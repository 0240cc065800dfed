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
        print(f"visited-pages {self.row} failures {len(self.failures)}", flush=True)
        self.app.exit(1 if self.failures else 0)

    def _timed_out(self) -> None:
        print(f"page tour timed out at page {self.row}", file=sys.stderr, flush=True)
        self.app.exit(2)
