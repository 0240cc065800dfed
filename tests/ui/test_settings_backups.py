"""Innstillinger → Sikkerhetskopier: list with check results, take one now, restore with the kept copy named."""

from __future__ import annotations

import sqlite3

from tests.damage import damage_table
from tests.ui.conftest import add_municipality


def show_settings(window, qtbot):
    card = window.settings_page.backups
    with qtbot.waitSignal(card.loaded, timeout=20_000):
        window.navigate("settings")
    return card


def test_backups_listed_taken_and_restored(make_window, store, paths, db_path, qtbot):
    from storage.backup import make_backup

    good = make_backup(db_path, paths.backup_dir, "daglig")  # an empty database
    bad = make_backup(db_path, paths.backup_dir, "manuell")
    damage_table(bad)
    add_municipality(store)
    window = make_window()
    card = show_settings(window, qtbot)
    rows = {card.table.item(r, 0).toolTip(): card.table.item(r, 3).text() for r in range(card.table.rowCount())}
    assert rows == {str(good): "✓ Uten feil", str(bad): "✗ Skadet – kan ikke brukes"}

    card.table.selectRow([info.path for info in card.backups].index(bad))
    assert not card.restore_button.isEnabled()  # a damaged copy cannot be restored

    with qtbot.waitSignal(card.loaded, timeout=20_000):
        card.backup_button.click()
    assert card.table.rowCount() == 3 and "Sikkerhetskopi lagret" in card.message.text()

    card.table.selectRow([info.path for info in card.backups].index(good))
    asked = []
    card.confirm = lambda text: asked.append(text) or True
    with qtbot.waitSignal(card.restored, timeout=20_000) as restored:
        card.restore_button.click()
    kept = restored.args[0]
    assert str(kept) in asked[0]  # the confirmation named the copy that is kept
    assert sqlite3.connect(kept).execute("SELECT count(*) FROM municipality").fetchone()[0] == 1
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM municipality").fetchone()[0] == 0
    qtbot.waitUntil(lambda: window.current is None, timeout=20_000)  # the window reloaded the restored file
    assert not window.crashes


def test_overview_says_when_backups_cannot_be_written(make_window, paths, qtbot):
    paths.backup_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.backup_dir.write_text("a file where the folder should be")
    window = make_window()
    qtbot.waitUntil(lambda: window.overview.backup_warning.isVisible(), timeout=20_000)
    assert "kan ikke lagres" in window.overview.backup_warning.text()
