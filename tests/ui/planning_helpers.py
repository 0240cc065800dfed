"""Shared steps for the Planlegging, Økonomi and Oversikt tests: the demo, a pinned day, opening a section."""

from __future__ import annotations

import pytest

from storage.demo import DEMO_TODAY, generate_demo


@pytest.fixture
def demo(store, monkeypatch):
    """The demo municipality, with the UI's «today» pinned to the demo's day."""
    import ui.planning.common as common

    monkeypatch.setattr(common, "TODAY", DEMO_TODAY)
    generate_demo(store)
    from storage.services.municipalities import current_municipality, participation_of

    municipality = current_municipality(store)
    return municipality, participation_of(store, municipality.id)


def open_section(window, qtbot, key: str):
    page = window.pages[1]
    section = page.section(key)
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        window.navigate(f"planning.{key}")
    return page, section


def wait_jobs(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=15_000)
