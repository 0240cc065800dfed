"""The Excel round trip from Enhetslogger: write the templates from the page, fill one in with openpyxl
as a director would, import it through the preview dialog (file list or drag and drop), and see the
logs in the table and the reach. Re-importing shows everything unchanged; a refused file or one with
errors stores nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from storage.services.reach import reach_by_unit
from storage.services.session_logs import list_logs
from tests.log_world import TODAY, dump, fill, make_world, typical_row
from ui.gatherings.common import select_data

SOLSIKKEN = "Solsikken barnehage"


def open_page(make_window, qtbot):
    window = make_window()
    page = window.page(3)
    page.today = lambda: TODAY
    window.navigate("unit_logs")
    qtbot.waitUntil(lambda: page.logs_view.unit.count() == 3, timeout=15_000)
    return window, page


def write_templates(page, qtbot, folder: Path, **choice) -> list[Path]:
    with qtbot.waitSignal(page.roundtrip.written, timeout=30_000) as signal:
        page.roundtrip.write_templates(folder, **choice)
    return signal.args[0]


def preview(page, qtbot, *paths: Path):
    with qtbot.waitSignal(page.roundtrip.previewed, timeout=30_000) as signal:
        page.roundtrip.import_files(list(paths))
    return signal.args[0]


def summary(dialog) -> list[tuple]:
    return [(p.file_name, len(p.new), len(p.changed), len(p.unchanged), len(p.errors), p.reason)
            for p in dialog.files_model.rows()]


def test_round_trip_through_the_page(make_window, store, qtbot, tmp_path):
    world = make_world(store)
    window, page = open_page(make_window, qtbot)
    paths = write_templates(page, qtbot, tmp_path / "ut")
    assert sorted(p.name for p in paths) == ["Øktlogg Lia skole.xlsx", "Øktlogg Solsikken barnehage.xlsx",
                                             "Øktlogg Tusenfryd barnehage.xlsx"]
    assert "Laget 3 loggskjema" in page.status.text()
    solsikken = fill(tmp_path / "ut" / "Øktlogg Solsikken barnehage.xlsx", {
        8: typical_row(held_on="14.10.2026", staff_present=16),
        9: typical_row(held_on="2/11-26", theme="Språk som inkluderer", parents_involved="ja")})
    dialog = preview(page, qtbot, solsikken)
    assert summary(dialog) == [("Øktlogg Solsikken barnehage.xlsx", 2, 0, 0, 0, None)]
    assert dialog.save_button.isEnabled() and "2 nye logger" in dialog.headline.text()
    assert {r.theme for r in dialog.rows_model.rows()} == {"Voksenrollen i frileken", "Språk som inkluderer"}
    with qtbot.waitSignal(page.roundtrip.imported, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Lagret 2 nye" in page.status.text()
    logs = list_logs(store, world.municipality.id)
    assert sorted((log.held_on, log.theme) for log in logs) == [
        (date(2026, 10, 14), "Voksenrollen i frileken"), (date(2026, 11, 2), "Språk som inkluderer")]
    # In the window: the unit's log table and the reach figures.
    view = page.logs_view
    select_data(view.unit, world.unit(SOLSIKKEN).id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=15_000)
    assert {r.source for r in view.model.rows()} == {"excel"}
    window.navigate("unit_logs.reach")
    qtbot.waitUntil(lambda: page.reach_view.summary is not None and page.reach_view.summary.reached == 16,
                    timeout=15_000)
    shown = {r.unit_name: r for r in page.reach_view.model.rows()}
    assert shown[SOLSIKKEN].share == 16 / 20
    assert shown[SOLSIKKEN] == {r.unit_name: r for r in reach_by_unit(store, world.municipality.id, "2026H")}[SOLSIKKEN]
    # The same file again: everything unchanged, nothing to store.
    before = dump(store)
    again = preview(page, qtbot, solsikken)
    assert summary(again) == [("Øktlogg Solsikken barnehage.xlsx", 0, 0, 2, 0, None)]
    assert not again.save_button.isEnabled() and "Ingen endringer" in again.headline.text()
    again.reject()
    assert dump(store) == before


def test_refused_and_faulty_files_store_nothing(make_window, store, qtbot, tmp_path):
    world = make_world(store)
    window, page = open_page(make_window, qtbot)
    paths = write_templates(page, qtbot, tmp_path, unit_ids=[world.unit(SOLSIKKEN).id])
    faulty = fill(paths[0], {8: typical_row(), 9: typical_row(held_on="12.10.2026", staff_present=25)})
    not_a_workbook = tmp_path / "regnskap.xlsx"
    not_a_workbook.write_text("dette er ikke et regneark")
    before = dump(store)
    dialog = preview(page, qtbot, faulty, not_a_workbook)
    rows = summary(dialog)
    assert rows[0][:5] == ("Øktlogg Solsikken barnehage.xlsx", 1, 0, 0, 1)
    assert rows[1][0] == "regnskap.xlsx" and rows[1][5] is not None
    errors = [(e.file_name, e.ref, e.message) for e in dialog.errors_model.rows()]
    assert errors[0][:2] == ("regnskap.xlsx", "Hele fila") and "ikke en Excel-arbeidsbok" in errors[0][2]
    assert errors[1][1] == "Øktlogg!D9" and "til stede" in errors[1][2].lower()
    assert not dialog.save_button.isEnabled() and dialog.headline.text() == "Ingenting kan lagres"
    dialog.reject()
    assert dump(store) == before


def test_files_dropped_on_the_page_are_previewed(make_window, store, qtbot, tmp_path):
    world = make_world(store)
    window, page = open_page(make_window, qtbot)
    paths = write_templates(page, qtbot, tmp_path, network_id=world.network.id)
    assert [p.name for p in paths] == ["Øktlogg Barnehagenettverket.xlsx"]
    filled = fill(paths[0], {8: typical_row(held_on="01.10.2026", staff_total=12, staff_present=9)},
                  sheet="Tusenfryd barnehage")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(filled)), QUrl.fromLocalFile(str(tmp_path / "notat.txt"))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(page.roundtrip.previewed, timeout=30_000) as signal:
        page.dropEvent(event)
    dialog = signal.args[0]
    assert summary(dialog) == [("Øktlogg Barnehagenettverket.xlsx", 1, 0, 0, 0, None)]
    with qtbot.waitSignal(page.roundtrip.imported, timeout=30_000):
        dialog.save()
    assert len(list_logs(store, world.municipality.id)) == 1
