"""At 1280 px every column of the planning and funds tables is in view, and Koding's code buttons wrap
instead of being cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import add_municipality
from .planning_helpers import demo, open_section, wait_jobs  # noqa: F401
from .test_vignettes_session import open_page
from .test_vignettes_views import make_session


def _hidden_columns(view) -> list[str]:
    QApplication.processEvents()
    header, model = view.horizontalHeader(), view.model()
    width = view.viewport().width()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())
            if header.sectionViewportPosition(i) + header.sectionSize(i) > width + 1]


def test_planning_and_funds_tables_show_every_column(make_window, demo, qtbot):  # noqa: F811
    window = make_window()
    hidden = {}
    for key, attributes in (("units", ["view"]), ("networks", ["view", "gatherings_view"]),
                            ("resource_persons", ["view"]), ("tasks", ["view"])):
        _page, section = open_section(window, qtbot, key)
        for attribute in attributes:
            hidden[f"{key}.{attribute}"] = _hidden_columns(getattr(section, attribute))
    window.navigate("planning.participation")  # loaded with the page
    wait_jobs(window, qtbot)
    hidden["participation.grants_view"] = _hidden_columns(window.pages[1].section("participation").grants_view)
    window.navigate("funds")
    wait_jobs(window, qtbot)
    funds = window.current_page()
    for attribute in ("expense_view", "summary_view", "grant_view", "own_view"):
        hidden[f"funds.{attribute}"] = _hidden_columns(getattr(funds, attribute))
    assert not any(hidden.values()), hidden


def test_code_buttons_wrap_in_the_coding_view(make_window, store, qtbot):
    muni = add_municipality(store)
    _vignette, detail, _responses = make_session(store, muni)
    window = make_window()
    page = open_page(window, qtbot)
    page.open_session(detail.session.id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    page.session_tabs.setCurrentWidget(page.coding)
    coding = page.coding
    qtbot.waitUntil(lambda: coding.view is not None and bool(coding.pills), timeout=10_000)
    QApplication.processEvents()
    area = coding.codes_area
    assert area.widget().minimumSizeHint().width() <= area.viewport().width()
    cut = [p.text() for p in coding.pills.values()
           if p.isVisible() and (p.width() < p.minimumSizeHint().width()
                                 or p.mapTo(area.viewport(), p.rect().topRight()).x() > area.viewport().width())]
    assert not cut, cut
