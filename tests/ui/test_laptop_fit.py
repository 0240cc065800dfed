"""Every page and dialog fits a laptop screen of 1280×720 logical pixels, with its buttons in view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.fit import misfits, widening_labels
from tests.ui.planning_helpers import demo, open_section, wait_jobs  # noqa: F401

pytestmark = pytest.mark.slow


def test_every_page_fits_the_screen(make_window, demo, qtbot):  # noqa: F811
    window = make_window()
    problems = []
    for row in range(len(window.pages)):
        window.show_page(row)
        wait_jobs(window, qtbot)
        problems += [f"page {row}: {p}" for p in misfits(window)]
        page = window.current_page()
        needed, room = page.scroll.widget().minimumSizeHint().width(), page.scroll.viewport().width()
        if needed > room:  # the page would scroll sideways
            problems.append(f"page {row}: needs {needed} px of {room}")
        problems += [f"page {row}: {p}" for p in widening_labels(page, page.width())]
    assert not problems, problems


def _dialogs() -> set:
    return {w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()}


def each_dialog(window, qtbot):
    """Open every dialog of the app in turn on the demo data: yields (name, dialog), then closes it."""
    from ui.planning.units_import import UnitImportDialog

    for page in window.pages:  # all built and loaded
        window.show_page(window.pages.index(page))
        wait_jobs(window, qtbot)
    planning, gatherings, vignettes, funds = window.pages[1], window.pages[2], window.pages[4], window.pages[5]
    for key in ("units", "tasks", "networks"):
        open_section(window, qtbot, key)
    units, networks = planning.section("units"), planning.section("networks")
    openers = {
        "Om Nettverkslogg": window.show_about,
        "Hjelp": window.show_help,
        "Ny enhet": units.add_unit,
        "Les inn enheter": lambda: UnitImportDialog(window.runner, units.municipality_id, units).open(),
        "Nytt nettverk": networks.add_network,
        "Programsamling": networks.add_programme,
        "Samlingsrekke": lambda: (networks.view.selectRow(0), networks.plan_series()),
        "Ny oppgave": planning.section("tasks").add_task,
        "Registrer samling": lambda: gatherings.open_editor(None),
        "Ny vignettøkt": vignettes.new_session,
        "Ny utgift": funds.add_expense,
        "Egen finansiering": funds.add_own,
        "Ny vignett": vignettes.library.create,
        "Velkommen": window.show_welcome,
    }
    for name, opener in openers.items():
        before = _dialogs()
        opener()
        qtbot.waitUntil(lambda before=before: bool(_dialogs() - before), timeout=15_000)
        for dialog in _dialogs() - before:
            yield name, dialog
            dialog.reject()


def test_every_dialog_fits_the_screen(make_window, demo, qtbot):  # noqa: F811
    window = make_window()
    problems = []
    for name, dialog in each_dialog(window, qtbot):
        problems += [f"{name}: {p}" for p in misfits(dialog)]
    assert not problems, problems
