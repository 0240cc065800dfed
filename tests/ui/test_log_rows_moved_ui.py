"""The import preview after the director moved rows: a moved row is «Uendret» (flyttet fra rad 10), the
stored log whose row was emptied is listed as «Beholdes» with «Raden er tømt – loggen beholdes», and
«Lagre» asks before storing the rest. Nothing is deleted."""

from __future__ import annotations

import os
from collections import Counter

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from exports.log_workbook import read_log_workbook
from storage.services.session_log_import import commit_import, preview_files
from storage.services.session_logs import list_logs
from tests.log_world import TODAY, fill, make_world, typical_row
from tests.ui.test_log_roundtrip_ui import open_page, preview, write_templates

EMPTY = dict.fromkeys(typical_row(), None)


def answer_question(qtbot, button_text: str, seen: list) -> None:
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        if os.environ.get("SCREENSHOTS"):
            box.grab().save(os.path.join(os.environ["SCREENSHOTS"], f"moved-rows-question-{len(seen)}.png"))
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(50, click)


def test_moved_rows_in_the_preview_dialog(make_window, store, qtbot, tmp_path):
    world = make_world(store)
    window, page = open_page(make_window, qtbot)
    [form] = write_templates(page, qtbot, tmp_path, unit_ids=[world.unit("Solsikken barnehage").id])
    sessions = {8: typical_row(held_on="12.03.2026", theme="Første økt"),
                9: typical_row(held_on="09.04.2026", theme="Andre økt"),
                10: typical_row(held_on="07.05.2026", theme="Tredje økt")}
    fill(form, sessions)
    commit_import(store, preview_files(store, [form], read_log_workbook, today=TODAY))
    fill(form, {9: sessions[10], 10: EMPTY, 11: typical_row(held_on="04.06.2026", theme="Fjerde økt")})
    dialog = preview(page, qtbot, form)
    shown = {(r.theme, r.status, r.fields) for r in dialog.rows_model.rows()}
    assert shown == {("Første økt", "Uendret", ""), ("Tredje økt", "Uendret", "flyttet fra rad 10"),
                     ("Fjerde økt", "Ny", ""), ("Andre økt", "Beholdes", "Øktlogg!B9: Raden er tømt – loggen beholdes")}
    assert "slike logger står som «Beholdes»" in dialog.explain.text()
    dialog.resize(1100, 560)
    if os.environ.get("SCREENSHOTS"):
        dialog.grab().save(os.path.join(os.environ["SCREENSHOTS"], "moved-rows-preview.png"))
    # «Avbryt» in the question stores nothing; «Lagre resten» stores the new session and keeps the old.
    seen: list[str] = []
    answer_question(qtbot, "Avbryt", seen)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].startswith("Én rad i skjemaet hadde en lagret økt")
    assert len(list_logs(store, world.municipality.id)) == 3 and dialog.isVisible()
    answer_question(qtbot, "Lagre resten", seen)
    with qtbot.waitSignal(page.roundtrip.imported, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert Counter(log.theme for log in list_logs(store, world.municipality.id)) == Counter(
        {"Første økt": 1, "Andre økt": 1, "Tredje økt": 1, "Fjerde økt": 1})
