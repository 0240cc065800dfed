"""The Qt application: build and show the main window fast, load data after the first paint.

Everything imported here before the first paint is Qt and light stdlib only (a test checks it);
the runner's worker thread loads SQLModel afterwards.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

EXIT_AFTER_PAINT_ENV = "NETTVERKSLOGG_EXIT_AFTER_PAINT"
APP_NAME = "Nettverkslogg"


def make_application(argv: list[str] | None = None):
    """The QApplication with names, Norwegian locale and the app's style (reuses one if it exists)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from .style import apply_style

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    apply_style(app)
    return app


def _report_first_paint(process_start: float, app) -> None:
    from PySide6.QtCore import QTimer

    print(f"first-paint {time.perf_counter() - process_start:.4f}", flush=True)
    print(f"first-paint-wall {time.time():.6f}", flush=True)  # read by bench/startup.py
    QTimer.singleShot(0, app.quit)


def run_app(opened, paths, *, demo: bool, process_start: float,
            set_crash_reporter: Callable | None = None,
            after_first_paint: tuple[Callable[[], None], ...] = ()) -> int:
    """Show the main window for an opened (migrated, locked) database; return the exit code.

    `after_first_paint` callables run once the window has been painted (e.g. the daily backup)."""
    from .main_window import MainWindow

    app = make_application()
    exit_after_paint = os.environ.get(EXIT_AFTER_PAINT_ENV) == "1"
    reporters = []

    def install_crash_reporter() -> None:
        # After the first paint (until then desktop's stderr reporter and the log file serve).
        from .crash_dialog import CrashReporter

        reporters.append(CrashReporter())
        set_crash_reporter(reporters[-1])

    window = MainWindow(opened, paths, demo=demo, start_on_paint=not exit_after_paint)
    if exit_after_paint:
        window.first_painted.connect(lambda: _report_first_paint(process_start, app))
    else:
        if set_crash_reporter is not None:
            window.first_painted.connect(install_crash_reporter)
        for hook in after_first_paint:
            window.first_painted.connect(hook)
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    try:
        return app.exec()
    finally:
        window.save_geometry()
        window.shutdown()
        if reporters:
            set_crash_reporter(None)
