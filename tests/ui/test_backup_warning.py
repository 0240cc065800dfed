"""A problem the daily-backup thread tells the window lands on Oversikt (signal across threads)."""

from __future__ import annotations

import threading


def test_backup_problem_from_another_thread_shows_on_oversikt(make_window, qtbot):
    window = make_window()
    thread = threading.Thread(target=window.backup_problem.emit, args=("Dagens sikkerhetskopi ble ikke tatt: disken er full.",))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: window.overview.backup_warning.isVisible(), timeout=5_000)
    assert "disken er full" in window.overview.backup_warning.text()
    if window.welcome is not None:
        window.welcome.reject()
