"""The main window: navigation on the left (Ctrl+1..8), one page at a time on the right.

It is built and painted before any database code loads; the runner (and with it SQLModel) starts
only after the first paint. Pages show «Laster …» until their data arrives.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from . import topics
from .format import safe_url
from .pages.base import Page
from .pages.overview import OverviewPage

APP_NAME = "Nettverkslogg"
SETTINGS_ORG = "Nettverkslogg"

# (title, module, class). Only Oversikt is imported before the first paint; the rest when built.
NAVIGATION: list[tuple[str, str, str]] = [
    (QT_TRANSLATE_NOOP("MainWindow", "Oversikt"), "ui.pages.overview", "OverviewPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Planlegging"), "ui.pages.planning", "PlanningPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Samlinger"), "ui.pages.gatherings", "GatheringsPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Enhetslogger"), "ui.pages.unit_logs", "UnitLogsPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Vignetter"), "ui.pages.vignettes", "VignettesPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Økonomi"), "ui.pages.funds", "FundsPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Rapporter"), "ui.pages.reports", "ReportsPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Innstillinger"), "ui.pages.settings", "SettingsPage"),
]
OVERVIEW, SETTINGS = 0, 7
OWN_SETUP_STATE = (OVERVIEW, SETTINGS)  # pages that work (or say so themselves) without a municipality
# Keys for navigate("planning.units"): the page part of the key, in NAVIGATION's order.
PAGE_KEYS = ["overview", "planning", "gatherings", "unit_logs", "vignettes", "funds", "reports", "settings"]


def window_title(municipality_name: str | None) -> str:
    return f"{APP_NAME} — {municipality_name}" if municipality_name else APP_NAME


def load_current(store, progress, cancel):
    """Worker job: the municipality the user works on, or None on an empty database."""
    from storage.services.municipalities import current_municipality

    return current_municipality(store)


def check_backup_folder(backup_dir):
    def job(store, progress, cancel):
        """Worker job: a sentence for Oversikt when backups cannot be written, else None."""
        from storage.backup import backup_folder_problem

        return backup_folder_problem(backup_dir)

    return job


def make_demo_job(scale: str = "municipality", seed: int = 1):
    def job(store, progress, cancel):
        from storage.demo import generate_demo

        return generate_demo(store, scale=scale, seed=seed, progress=progress, cancel=cancel)

    return job


class MainWindow(QMainWindow):
    first_painted = Signal()
    ready = Signal()  # the runner runs and the current municipality is known
    restart_requested = Signal(str)  # start again on this database file (after it was moved)
    backup_problem = Signal(str)  # from the daily-backup thread: shown on Oversikt

    def __init__(self, opened, paths, *, demo: bool = False, start_on_paint: bool = True,
                 crash_handler=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.opened = opened
        self.paths = paths
        self.runner = None
        self.welcome = None
        self.current = None
        self._known: bool | None = None  # whether a municipality is set up (None until loaded)
        self._demo = demo
        self._start_on_paint = start_on_paint
        self._crash_handler = crash_handler
        self._painted = False
        self.read_only = bool(getattr(opened, "read_only", False))
        self.location_guard = None
        self.setWindowTitle(window_title(opened.municipality_name))
        self.backup_problem.connect(lambda text: self.overview.set_backup_warning(text))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(220)
        self.navigation.setAccessibleName(self.tr("Sider"))
        self.stack = QStackedWidget()
        self._pages: list[Page | None] = [None] * len(NAVIGATION)
        for number, (title, _module, _name) in enumerate(NAVIGATION, start=1):
            item = QListWidgetItem(self.tr(title))
            item.setSizeHint(QSize(200, 40))
            item.setToolTip(self.tr("{page} (Ctrl+{n})").format(page=self.tr(title), n=number))
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # the page itself is built when first needed
        self.navigation.currentRowChanged.connect(self._on_row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QFrame()
        side.setObjectName("navigationColumn")
        side.setFixedWidth(220)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 8)
        side_layout.setSpacing(4)
        side_layout.addWidget(self.navigation, 1)
        self.about_button = QPushButton(self.tr("Om Nettverkslogg"))
        self.about_button.setObjectName("navigationFooter")
        self.about_button.setToolTip(self.tr("Versjon og lisenser (F1)"))
        self.about_button.clicked.connect(self.show_about)
        self.help_button = QPushButton(self.tr("Hjelp"))
        self.help_button.setObjectName("navigationFooter")
        self.help_button.setToolTip(self.tr("Hva siden er til, hva Udir krever, og hvor dataene går (Shift+F1)"))
        self.help_button.clicked.connect(self.show_help)
        side_layout.addWidget(self.help_button)
        side_layout.addWidget(self.about_button)
        layout.addWidget(side)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.banners = right
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self.read_only_banner = None
        if self.read_only:
            self.read_only_banner = self.add_banner(self.tr(
                "Databasen er åpnet bare for lesing, fordi fila eller mappa den ligger i er skrivebeskyttet. "
                "Du kan se på alt, men ikke lagre endringer. Flytt fila til en mappe du kan skrive i, og åpne "
                "den der."))

        database = str(opened.path) if opened.path is not None else safe_url(opened.url)
        self.database_label = QLabel(self.tr("Database: {path}").format(path=database))
        self.database_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().setSizeGripEnabled(True)

        self._restore_geometry()
        self.navigation.setCurrentRow(0)
        self.navigation.setFocus()

    def add_banner(self, text: str, action_text: str | None = None):
        """A banner above the pages (read-only database, risky folder); returns it."""
        from .widgets.banner import Banner

        banner = Banner(text, action_text=action_text)
        self.banners.insertWidget(self.banners.count() - 1, banner)
        return banner

    # --- pages and navigation --------------------------------------------------------------------

    def page(self, row: int) -> Page:
        """The page in that row, built now if it was not built yet."""
        page = self._pages[row]
        if page is None:
            title, module, name = NAVIGATION[row]
            page_class = OverviewPage if row == OVERVIEW else getattr(importlib.import_module(module), name)
            page = page_class(self.opened, self.paths) if row == SETTINGS else page_class()
            page.set_title(self.tr(title))
            page.setup_requested.connect(self.show_welcome)
            if self._known is not None and row not in OWN_SETUP_STATE:
                page.set_municipality_known(self._known)
            page.navigate_requested.connect(self.navigate)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[row] = page
            if self.runner is not None:
                page.attach(self.runner)
        return page

    @property
    def pages(self) -> list[Page]:
        return [self.page(row) for row in range(len(self._pages))]

    @property
    def overview(self) -> OverviewPage:
        return self.page(OVERVIEW)

    @property
    def settings_page(self):
        return self.page(SETTINGS)

    def _on_row_changed(self, row: int) -> None:
        if row >= 0:
            self.page(row)
            self.stack.setCurrentIndex(row)

    def show_page(self, row: int) -> None:
        from PySide6.QtCore import Qt  # not at module level: keeps ~20 ms off the start-up path

        self.navigation.setCurrentRow(row)
        self.stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def navigate(self, target: str) -> None:
        """Go to "page" or "page.section", e.g. "planning.resource_persons" or "funds"."""
        key, _, section = target.partition(".")
        if key not in PAGE_KEYS:
            return
        row = PAGE_KEYS.index(key)
        self.show_page(row)
        if section:
            self.page(row).open_section(section)

    def _add_shortcuts(self) -> None:
        """Ctrl+1..8 (made after the first paint: QShortcut is one more class to load before it)."""
        from PySide6.QtGui import QKeySequence, QShortcut

        for row in range(len(NAVIGATION)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self)
            shortcut.activated.connect(lambda row=row: self.show_page(row))
        QShortcut(QKeySequence("F1"), self).activated.connect(self.show_about)
        QShortcut(QKeySequence("Shift+F1"), self).activated.connect(self.show_help)

    def show_about(self) -> None:
        from PySide6.QtCore import Qt

        from .about_dialog import AboutDialog

        database = str(self.opened.path) if self.opened.path is not None else safe_url(self.opened.url)
        dialog = AboutDialog(database, str(self.paths.log_file), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.help_requested.connect(self.show_help)
        dialog.open()
        self.about = dialog

    def show_help(self) -> None:
        """The guide for the page shown now (Shift+F1, «Hjelp», or «Hjelp» in «Om Nettverkslogg»)."""
        from PySide6.QtCore import Qt

        from .help_dialog import HelpDialog

        row = self.navigation.currentRow()
        pages = [(key, self.tr(title)) for key, (title, _m, _n) in zip(PAGE_KEYS, NAVIGATION, strict=True)]
        dialog = HelpDialog(pages, PAGE_KEYS[max(row, 0)], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.help = dialog

    def _build_remaining_pages(self) -> None:
        """After start-up, build the other pages one per event-loop turn, so switching is instant."""
        for row, page in enumerate(self._pages):
            if page is None:
                self.page(row)
                QTimer.singleShot(0, self._build_remaining_pages)
                return

    # --- start-up --------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
            QTimer.singleShot(0, self._add_shortcuts)
            if self._start_on_paint:
                QTimer.singleShot(0, self.start_background)

    def start_background(self) -> None:
        """Start the runner (its thread creates the Store and imports SQLModel) and load the data."""
        if self.runner is not None:
            return
        from .runner import Runner

        self.runner = Runner(self.opened.url, self, crash_handler=self._crash_handler, read_only=self.read_only)
        self.runner.data_changed.connect(self._on_data_changed)
        self.runner.submit(load_current, on_done=self._on_initial)
        if self.opened.path is not None:
            self.runner.submit(check_backup_folder(self.paths.backup_dir), on_done=self.overview.set_backup_warning)
        if getattr(self.opened, "notice", None):
            self.statusBar().showMessage(self.opened.notice, 30_000)
        for page in self._pages:
            if page is not None:
                page.attach(self.runner)
        QTimer.singleShot(0, self._build_remaining_pages)

    def _on_initial(self, current) -> None:
        self._set_current(current)
        if current is None and not self.read_only:
            if self._demo:
                self.run_demo()
            else:
                self.show_welcome()
        self._check_location()
        self.ready.emit()

    def _check_location(self) -> None:
        """Warn (once per file) when the database lies in a cloud-synced folder or on a network share."""
        from .database_location import LocationGuard

        self.location_guard = LocationGuard(self, self.opened, self.paths)
        self.location_guard.moved.connect(self.restart_requested)
        self.settings_page.server.restart_requested.connect(lambda: self.restart_requested.emit(""))
        risk = self.location_guard.check()
        if risk is not None:
            self.settings_page.show_location_risk(risk.message)
            self.settings_page.move_requested.connect(self.location_guard.ask)

    def _set_current(self, current) -> None:
        self.current = current
        self._known = current is not None
        for row, page in enumerate(self._pages):
            if page is not None and row not in OWN_SETUP_STATE:
                page.set_municipality_known(self._known)
        self.setWindowTitle(window_title(current.name if current else None))

    def _on_data_changed(self, changed: set[str]) -> None:
        for page in self._pages:
            if page is not None:
                page.on_data_changed(changed)
        if topics.touches(changed, {topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY}):
            self.runner.submit(load_current, on_done=self._set_current)

    # --- first run: welcome and demo data --------------------------------------------------------

    def show_welcome(self) -> None:
        if self.runner is None:
            return
        if self.welcome is not None and self.welcome.isVisible():
            self.welcome.raise_()
            return
        from .welcome import WelcomeDialog

        self.welcome = WelcomeDialog(self.runner, self)
        self.welcome.demo_requested.connect(self.run_demo)
        self.welcome.open()

    def run_demo(self) -> None:
        self.runner.submit(make_demo_job(), label=self.tr("Lager eksempeldata …"), cancellable=True,
                           changes={topics.ALL}, on_done=self._demo_done, on_error=self._demo_failed)

    def _demo_done(self, summary) -> None:
        self.statusBar().showMessage(self.tr("Eksempeldata er lagt inn: {summary}").format(summary=summary), 20_000)

    def _demo_failed(self, error) -> None:
        if self.current is None and not self._demo:
            self.show_welcome()
            if self.welcome is not None:
                self.welcome.show_message(error.message)
        else:
            self.statusBar().showMessage(error.message, 15_000)

    # --- geometry and shutdown -------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings(SETTINGS_ORG, APP_NAME)
        geometry = settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry()
            self.resize(min(1200, available.width() - 40), min(800, available.height() - 40))
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)

    def save_geometry(self) -> None:
        settings = QSettings(SETTINGS_ORG, APP_NAME)
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())

    def shutdown(self) -> None:
        for page in self._pages:
            if page is not None:
                page.detach()
        if self.runner is not None:
            self.runner.shutdown()

    def unsaved_changes(self) -> list[str]:
        return [item for page in self._pages if page is not None for item in page.unsaved_changes()]

    def closeEvent(self, event) -> None:
        unsaved = self.unsaved_changes()
        if unsaved and not self._confirm_close(unsaved):
            event.ignore()
            return
        self.save_geometry()
        self.shutdown()
        super().closeEvent(event)

    def _confirm_close(self, unsaved: list[str]) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Endringer er ikke lagret"),
                          self.tr("Du har ikke lagret {what}. Vil du lukke Nettverkslogg likevel?").format(
                              what=", ".join(unsaved)), parent=self)
        close = box.addButton(self.tr("Lukk uten å lagre"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Gå tilbake"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.exec()
        return box.clickedButton() is close
