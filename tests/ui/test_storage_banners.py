"""The window on a read-only database (banner, saving explains why) and in a risky folder (warned once,
shown in Innstillinger, moved safely)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from storage.store import Store
from storage.urls import resolve_url
from tests.e2e.conftest import ReadOnlyFolder
from tests.ui.conftest import FakePaths, add_municipality

READ_ONLY = ("Databasen kan ikke endres fordi fila eller mappa den ligger i er skrivebeskyttet. Ingenting er "
             "lagret. Flytt fila til en mappe du kan skrive i, og åpne den der.")


@pytest.fixture
def window_on(qtbot, tmp_path):
    from ui.main_window import MainWindow

    made, crashes = [], []

    def make(path, *, read_only: bool = False) -> MainWindow:
        from storage.migrate import prepare_database

        paths = FakePaths(database=str(path), data_dir=tmp_path / "lokal", backup_dir=tmp_path / "kopier",
                          log_dir=tmp_path / "logg")
        window = MainWindow(prepare_database(path, paths.backup_dir, read_only=read_only), paths,
                            crash_handler=crashes.append)
        qtbot.addWidget(window)
        made.append(window)
        with qtbot.waitSignal(window.ready, timeout=20_000):
            window.show()
        return window

    yield make
    for window in made:
        window.shutdown()
    assert not crashes, crashes


def _database_with_two_municipalities(template_db, folder):
    path = folder / "kommune.db"
    shutil.copyfile(template_db, path)
    store = Store(resolve_url(path))
    add_municipality(store, "Alta", "5601", "Finnmark")
    add_municipality(store, "Bodø", "1804")
    store.close()
    return path


def test_read_only_database_opens_with_a_banner_and_saving_explains(window_on, template_db, tmp_path, qtbot):
    folder = ReadOnlyFolder(tmp_path / "skrivebeskyttet")
    path = _database_with_two_municipalities(template_db, folder.path)
    folder.lock()
    try:
        window = window_on(path, read_only=True)
        assert window.read_only_banner is not None and window.read_only_banner.isVisible()
        assert "bare for lesing" in window.read_only_banner.text()
        assert window.windowTitle() == "Nettverkslogg — Bodø"

        settings = window.settings_page
        window.show_page(7)
        box = settings.municipality_box
        qtbot.waitUntil(lambda: box.isEnabled() and box.count() == 2)
        box.activated.emit(0)  # the user picks Alta: a write
        qtbot.waitUntil(lambda: window.runner.last_message_box is not None, timeout=10_000)
        message = window.runner.last_message_box
        assert message is not None and message.text() == READ_ONLY
        message.close()
    finally:
        folder.unlock()
    assert sorted(p.name for p in folder.path.iterdir()) == ["kommune.db"]


def test_risky_folder_is_warned_once_shown_in_settings_and_moved(window_on, template_db, tmp_path, qtbot):
    synced = tmp_path / "OneDrive - Kommune" / "Nettverk"
    synced.mkdir(parents=True)
    path = _database_with_two_municipalities(template_db, synced)
    window = window_on(path)
    guard = window.location_guard
    assert guard.risk is not None and guard.risk.service == "OneDrive"
    assert guard.warning_box is not None and guard.warning_box.isVisible()
    assert "OneDrive" in guard.warning_box.text()
    settings = window.settings_page
    assert not settings.location_warning.isHidden() and "OneDrive" in settings.location_label.text()

    move = next(b for b in guard.warning_box.buttons()
                if guard.warning_box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    move.click()
    qtbot.waitUntil(lambda: "Databasen ligger nå i" in guard.warning_box.text(), timeout=10_000)
    done = guard.warning_box
    with qtbot.waitSignal(window.restart_requested, timeout=5_000) as restart:
        done.buttons()[0].click()
    new_path = tmp_path / "lokal" / "nettverkslogg.db"
    assert restart.args == [str(new_path)]
    assert path.exists()  # the old file is kept
    for db in (path, new_path):
        names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM municipality ORDER BY name")]
        assert names == ["Alta", "Bodø"]
    window.shutdown()

    again = window_on(path)  # the same file once more: no second warning, still in Innstillinger
    assert again.location_guard.warning_box is None
    assert not again.settings_page.location_warning.isHidden()
    again.settings_page.move_button.click()  # Innstillinger offers the move with the same question
    assert again.location_guard.warning_box is not None and again.location_guard.warning_box.isVisible()
