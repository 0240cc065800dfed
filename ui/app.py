"""The Qt application: build and show the main window fast, load data after the first paint.

Everything imported here before the first paint is Qt and light stdlib only (a test checks it);
the runner's worker thread loads SQLModel afterwards.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

EXIT_AFTER_PAINT_ENV = "NETTVERKSLOGG_EXIT_AFTER_PAINT"
#: With this set to 1 as well, the window opens every page and waits for its data before it quits
#: (the installed-wheel and bundle tests: a page that cannot be imported or built fails them).
VISIT_PAGES_ENV = "NETTVERKSLOGG_VISIT_PAGES"
APP_NAME = "Nettverkslogg"
ICON_FILE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "nettverkslogg-256.png"


def make_application(argv: list[str] | None = None, version: str | None = None):
    """The QApplication with names, version, icon, Norwegian locale and the app's style (reuses one
    if it exists)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .style import apply_style

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    if version:
        app.setApplicationVersion(version)
    if ICON_FILE.is_file():
        app.setWindowIcon(QIcon(str(ICON_FILE)))
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    if not getattr(app, "qt_translator", None):
        from .qt_translations import install_qt_translations

        app.qt_translator = install_qt_translations(app)
    apply_style(app)
    return app


def _report_first_paint(process_start: float, app) -> None:
    from PySide6.QtCore import QTimer

    print(f"first-paint {time.perf_counter() - process_start:.4f}", flush=True)
    print(f"first-paint-wall {time.time():.6f}", flush=True)  # read by bench/startup.py
    QTimer.singleShot(0, app.quit)


def _restart(app, database: str) -> None:
    """Start a new Nettverkslogg on `database` (after it was moved), or with "" on what the settings say
    (after connecting to a server or going back to the file), and close this one."""
    from PySide6.QtCore import QProcess

    args = [] if getattr(sys, "frozen", False) else ["-m", "desktop"]
    QProcess.startDetached(sys.executable, [*args, *(["--db", database] if database else [])])
    app.quit()


def run_app(opened, paths, *, demo: bool, process_start: float,
            set_crash_reporter: Callable | None = None,
            after_first_paint: tuple[Callable[[Callable[[str], None]], None], ...] = (),
            version: str | None = None) -> int:
    """Show the main window for an opened (migrated, locked) database; return the exit code.

    `after_first_paint` callables run once the window has been painted (e.g. the daily backup); each
    gets `tell(message)`, which shows a problem on Oversikt from any thread."""
    from .main_window import MainWindow

    app = make_application(version=version)
    visit_pages = os.environ.get(VISIT_PAGES_ENV) == "1"
    exit_after_paint = os.environ.get(EXIT_AFTER_PAINT_ENV) == "1" and not visit_pages
    reporters = []

    def install_crash_reporter() -> None:
        # After the first paint (until then desktop's stderr reporter and the log file serve).
        from .crash_dialog import CrashReporter

        reporters.append(CrashReporter())
        set_crash_reporter(reporters[-1])

    window = MainWindow(opened, paths, demo=demo, start_on_paint=not exit_after_paint)
    if visit_pages:
        from .page_tour import PageTour

        tour = PageTour(window, app)
        if set_crash_reporter is not None:
            set_crash_reporter(tour.report_crash)
            reporters.append(tour)
    elif exit_after_paint:
        window.first_painted.connect(lambda: _report_first_paint(process_start, app))
    else:
        if set_crash_reporter is not None:
            window.first_painted.connect(install_crash_reporter)
        for hook in after_first_paint:
            window.first_painted.connect(lambda hook=hook: hook(window.backup_problem.emit))
    window.restart_requested.connect(lambda database: _restart(app, database))
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    try:
        return app.exec()
    finally:
        window.save_geometry()
        window.shutdown()
        if reporters:
            set_crash_reporter(None)
