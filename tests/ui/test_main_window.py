"""The main window: title, the eight pages, Ctrl+N, Oversikt's live figures, switching municipality."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from storage.formatting import format_kroner as kroner
from storage.formatting import format_number as thousands

from .conftest import add_municipality

PAGE_TITLES = ["Oversikt", "Planlegging", "Samlinger", "Enhetslogger", "Vignetter", "Økonomi", "Rapporter",
               "Innstillinger"]


def test_title_and_the_eight_pages(make_window, store):
    add_municipality(store)
    window = make_window()
    assert window.windowTitle() == "Nettverkslogg — Bodø"
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == PAGE_TITLES
    assert window.stack.count() == 8
    assert [page.page_title() for page in window.pages] == PAGE_TITLES
    assert [page.title_label.text() for page in window.pages] == PAGE_TITLES
    assert all(page.intro_label.text() for page in window.pages)
    assert "Database:" in window.database_label.text()


def test_title_without_a_municipality(make_window):
    window = make_window()
    assert window.windowTitle() == "Nettverkslogg"
    window.welcome.reject()


def test_ctrl_number_switches_page(make_window, store, qtbot):
    add_municipality(store)
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, title in [(3, "Samlinger"), (8, "Innstillinger"), (1, "Oversikt"), (6, "Økonomi")]:
        qtbot.keyClick(window.navigation, Qt.Key.Key_0 + number, Qt.KeyboardModifier.ControlModifier)
        assert window.navigation.currentRow() == number - 1
        assert window.current_page().page_title() == title


def test_arrow_keys_in_the_navigation(make_window, store, qtbot):
    add_municipality(store)
    window = make_window()
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_page().page_title() == "Planlegging"


def _expected_figures(store):
    from storage.services.municipalities import current_municipality
    from storage.services.overview import overview_counts

    counts = overview_counts(store, current_municipality(store).id)
    return counts, {
        "kindergartens": thousands(counts.kindergartens), "schools": thousands(counts.schools),
        "networks": thousands(counts.networks), "gatherings_held": thousands(counts.gatherings_held),
        "gatherings_planned": thousands(counts.gatherings_planned),
        "session_logs": thousands(counts.session_logs), "responses": thousands(counts.responses),
        "grant_nok": kroner(counts.grant_nok), "spent_nok": kroner(counts.spent_nok),
    }


def test_overview_shows_the_counts_from_the_services(make_window, store, qtbot):
    from storage.services.funds import add_expense
    from storage.services.municipalities import participation_of
    from storage.services.networks import create_network
    from storage.services.units import add_unit

    bodo = add_municipality(store)
    for name, kind in [("Solsiden barnehage", "kindergarten"), ("Lia barnehage", "kindergarten"),
                       ("Nordstrand skole", "school")]:
        add_unit(store, bodo.id, {"name": name, "kind": kind, "staff_count": 12})
    create_network(store, bodo.id, {"name": "Barnehagenettverket", "target": "kindergarten"})
    part = participation_of(store, bodo.id)
    add_expense(store, part.id, {"spent_on": date(2021, 3, 1), "category": "travel", "amount_nok": 12_500})

    window = make_window()
    overview = window.overview
    qtbot.waitUntil(lambda: overview.counts is not None)
    counts, expected = _expected_figures(store)
    assert (counts.kindergartens, counts.schools, counts.networks) == (2, 1, 1)
    for key, text in expected.items():
        assert overview.figures[key].value() == text, key
    assert overview.figures["grant_nok"].value() == "520\u00a0000\u00a0kr"
    assert overview.figures["spent_nok"].value() == "12\u00a0500\u00a0kr"
    assert "Pulje 5" in overview.period_label.text()
    assert "2020V–2022H" in overview.period_label.text()

    # A write through the runner with a topic refreshes the page.
    def add_school(store, progress, cancel):
        return add_unit(store, bodo.id, {"name": "Vestbyen skole", "kind": "school"})

    with qtbot.waitSignal(overview.loaded, timeout=10_000):
        window.runner.submit(add_school, changes={"units"})
    assert overview.figures["schools"].value() == "2"


def test_overview_with_demo_data_matches_the_services(make_window, store, qtbot):
    from storage.demo import generate_demo

    generate_demo(store)
    window = make_window()
    qtbot.waitUntil(lambda: window.overview.counts is not None, timeout=10_000)
    _counts, expected = _expected_figures(store)
    for key, text in expected.items():
        assert window.overview.figures[key].value() == text, key


def test_overview_says_loading_before_the_runner_starts(qtbot, db_path, paths):
    from ui.main_window import MainWindow

    from .conftest import open_db

    window = MainWindow(open_db(db_path, paths), paths, start_on_paint=False)
    qtbot.addWidget(window)
    window.show()
    assert window.overview.is_loading()
    assert window.overview.loading_label.text() == "Laster …"
    assert window.runner is None


def test_switching_municipality_in_settings(make_window, store, qtbot):
    add_municipality(store, "Alta", "5601", "Finnmark")
    add_municipality(store, "Bodø", "1804")  # made current last
    add_municipality(store, "Tromsø", "5501", "Troms", kindergarten=False)
    from storage.services.municipalities import list_municipalities, set_current_municipality

    set_current_municipality(store, next(m.id for m in list_municipalities(store) if m.name == "Bodø"))
    window = make_window()
    assert window.windowTitle() == "Nettverkslogg — Bodø"
    qtbot.waitUntil(lambda: window.overview.counts is not None)
    assert window.overview.municipality_label.text().startswith("Bodø")

    settings = window.settings_page
    window.show_page(7)
    box = settings.municipality_box
    qtbot.waitUntil(lambda: box.isEnabled() and box.count() == 3)
    assert [box.itemText(i) for i in range(3)] == ["Alta (5601)", "Bodø (1804)", "Tromsø (5501)"]
    assert box.currentText() == "Bodø (1804)"
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # the user picks Tromsø with the keyboard
    qtbot.waitUntil(lambda: window.windowTitle() == "Nettverkslogg — Tromsø")
    window.show_page(0)
    qtbot.waitUntil(lambda: window.overview.municipality_label.text().startswith("Tromsø"))
    assert window.overview.figures["grant_nok"].value() == "260\u00a0000\u00a0kr"


def test_settings_shows_the_files(make_window, store, paths):
    add_municipality(store)
    window = make_window()
    settings = window.settings_page
    assert settings.database_value.text() == str(window.opened.path)
    assert settings.backup_value.text() == str(paths.backup_dir)
    assert settings.log_value.text() == str(paths.log_file)
    assert settings.database_id_value.text() == window.opened.database_id


def test_geometry_is_saved_and_restored(make_window, store, qtbot):
    add_municipality(store)
    window = make_window()
    window.resize(700, 520)
    window.close()
    again = make_window()
    assert (again.width(), again.height()) == (700, 520)


def test_navigate_opens_the_page_and_its_section(make_window, monkeypatch):
    window = make_window()
    opened = []
    planning = window.page(1)
    monkeypatch.setattr(planning, "open_section", opened.append)
    planning.navigate_requested.emit("planning.units")
    assert window.current_page() is planning and opened == ["units"]
    window.navigate("funds")
    assert window.current_page() is window.page(5)
    window.navigate("nowhere.at.all")
    assert window.current_page() is window.page(5)
