"""Smaller text defects: the session header says the date once, blank returned forms are not «already
stored», the funds filter is not cut off mid-word, and the archive has no «SHA-256» column."""

from __future__ import annotations

from PySide6.QtCore import Qt

from storage.services.session_log_import import FilePreview
from ui import counts
from ui.reports.archive import ArchiveList
from ui.unit_logs.preview_dialog import ImportPreviewDialog

from .planning_helpers import demo, wait_jobs  # noqa: F401


def test_session_heading_says_the_date_once():
    assert counts.session_heading("Grenser i lek 12.11.2026", "12.11.2026", 5, 3) == \
        "Grenser i lek 12.11.2026 · 5 svar, 3 kodet"
    assert counts.session_heading("Høstøkta", "12.11.2026", 1, 0) == "Høstøkta · 12.11.2026 · 1 svar, 0 kodet"


def test_blank_returned_forms_are_called_blank(qtbot):
    dialog = ImportPreviewDialog([FilePreview("Solsikken.xlsx"), FilePreview("Lia.xlsx")], runner=None)
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "Ingen logger å lagre: skjemaene er ikke fylt ut ennå"


def test_funds_filter_and_archive_columns(make_window, demo, qtbot):  # noqa: F811
    window = make_window()
    window.navigate("funds")
    wait_jobs(window, qtbot)
    assert window.current_page().source_filter.itemText(0) == "Tilskudd og egenfinansiering"
    archive = ArchiveList()
    qtbot.addWidget(archive)
    headers = [archive.model.headerData(i, Qt.Orientation.Horizontal) for i in range(archive.model.columnCount())]
    assert "SHA-256" not in headers and "Fil" in headers
