"""Enheter: search as you type, a duplicate name refused in Norwegian, the unit-list import all or nothing."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from storage.services.units import list_units

from .planning_helpers import demo, open_section, wait_jobs  # noqa: F401

HEADERS = ["Navn", "Type", "Eierform", "Trinn", "Antall ansatte", "Leder", "E-post"]


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


def shown_names(section) -> list[str]:
    proxy = section.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_the_unit_table_filters_as_you_type(make_window, qtbot, demo, store):  # noqa: F811
    municipality, _part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "units")
    active = [u.name for u in list_units(store, municipality.id)]
    assert sorted(shown_names(section)) == sorted(active)
    shown_after = []
    for letter in "barnesk":  # every keystroke filters at once
        qtbot.keyClicks(section.search, letter)
        shown_after.append(len(shown_names(section)))
    assert shown_after == sorted(shown_after, reverse=True) and shown_after[-1] < len(active)
    assert set(shown_names(section)) == {n for n in active if "barnesk" in n.lower()}
    section.search.clear()
    section.kind_filter.setCurrentIndex(section.kind_filter.findText("Skole"))
    assert len(shown_names(section)) == sum(u.kind == "school" for u in list_units(store, municipality.id))


def test_a_duplicate_unit_name_shows_the_norwegian_error_and_stores_nothing(make_window, qtbot, demo, store):  # noqa: F811
    from ui.planning.units import UnitDialog

    municipality, _part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "units")
    before = list_units(store, municipality.id, include_archived=True)
    dialog = UnitDialog(window.runner, municipality.id, None, section)
    dialog.open()
    dialog.name.setText("  " + before[0].name.upper() + " ")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
    wait_jobs(window, qtbot)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "finnes allerede" in dialog.error_label.text() or "allerede" in dialog.error_label.text()
    assert len(list_units(store, municipality.id, include_archived=True)) == len(before)
    dialog.name.setText("Helt ny barnehage")
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Helt ny barnehage" in shown_names(section)


def test_import_with_a_bad_file_shows_row_and_column_errors_and_stores_nothing(make_window, qtbot, demo, store,  # noqa: F811
                                                                                 tmp_path):
    from ui.planning.units_import import UnitImportDialog

    municipality, _part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "units")
    before = len(list_units(store, municipality.id, include_archived=True))
    bad = write_csv(tmp_path / "feil.csv", [
        ["Solsikken barnehage", "Barnehage", "Privat", "", "14", "styrer", "styrer@solsikken.no"],
        ["Fjellet skole", "Sykehus", "Kommunal", "1–7", "mange", "rektor", "rektor@fjellet.no"],
        ["Solsikken barnehage", "Barnehage", "", "", "10", "styrer", "ikke-en-epost"],
    ])
    dialog = UnitImportDialog(window.runner, municipality.id, section)
    dialog.open()
    dialog.open_file(str(bad))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15_000)
    errors = dialog.errors_model.rows()
    cells = {(e.row, e.column) for e in errors}
    assert (3, "Type") in cells and (3, "Antall ansatte") in cells
    assert any(e.row == 4 for e in errors)
    assert all(e.message for e in errors)
    assert dialog.errors_view.model().index(0, 2).data() == errors[0].message
    assert not dialog.import_button.isEnabled()
    dialog.store_all()
    wait_jobs(window, qtbot)
    assert len(list_units(store, municipality.id, include_archived=True)) == before


def test_import_with_a_good_file_and_a_changed_mapping_stores_every_row(make_window, qtbot, demo, store,  # noqa: F811
                                                                          tmp_path):
    from ui.planning.units_import import UnitImportDialog

    municipality, _part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "units")
    before = len(list_units(store, municipality.id, include_archived=True))
    good = write_csv(tmp_path / "enheter.csv", [
        ["Solsikken barnehage", "Barnehage", "Privat", "", "14", "styrer", "styrer@solsikken.no"],
        ["Fjellet skole", "Skole", "Kommunal", "1–7", "32", "rektor", "rektor@fjellet.no"],
    ])
    dialog = UnitImportDialog(window.runner, municipality.id, section)
    dialog.open()
    dialog.open_file(str(good))
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.ok, timeout=15_000)
    assert dialog.combos["name"].currentData() == "Navn"
    dialog.preview = None
    dialog.combos["leader_email"].setCurrentIndex(0)  # «— ikke med —»: the e-mails stay out
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.ok, timeout=15_000)
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Importer 2 enheter"
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    units = list_units(store, municipality.id, include_archived=True)
    assert len(units) == before + 2
    added = {u.name: u for u in units if u.name in ("Solsikken barnehage", "Fjellet skole")}
    assert added["Fjellet skole"].staff_count == 32 and added["Fjellet skole"].leader_email is None
    assert {"Solsikken barnehage", "Fjellet skole"} <= set(shown_names(section))


def test_sorting_by_a_column_keeps_the_search(make_window, qtbot, demo, store):  # noqa: F811
    municipality, _part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "units")
    section.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # Ansatte
    staff = [int(section.proxy.index(r, 4).data()) for r in range(section.proxy.rowCount())]
    assert staff == sorted(staff, reverse=True)
    qtbot.keyClicks(section.search, "barnehage")
    staff = [int(section.proxy.index(r, 4).data()) for r in range(section.proxy.rowCount())]
    assert staff == sorted(staff, reverse=True) and len(staff) == sum(
        "barnehage" in u.name.lower() for u in list_units(store, municipality.id))
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        window.runner.notify({"units"})  # a reload keeps the order and the search
    staff_after = [int(section.proxy.index(r, 4).data()) for r in range(section.proxy.rowCount())]
    assert staff_after == staff
