"""Økonomi: the figures, the summary and the warning are those of funds_summary; expenses add and refuse."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from storage.demo import DEMO_TODAY
from storage.enums import ExpenseCategory
from storage.formatting import format_kroner as kroner
from storage.services.funds import add_expense, funds_summary, list_expenses

from .planning_helpers import demo, wait_jobs  # noqa: F401


def open_funds(window, qtbot):
    page = window.pages[5]
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        window.navigate("funds")
    return page


def check_page_equals_summary(page, summary) -> None:
    assert page.cards["granted"].value() == kroner(summary.granted_nok)
    assert page.cards["own"].value() == kroner(summary.own_nok)
    assert page.cards["spent"].value() == kroner(summary.spent_nok)
    assert page.cards["remaining"].value() == kroner(summary.remaining_nok)
    model = page.summary_model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    last = model.columnCount() - 1
    for category in ExpenseCategory:
        assert model.index(rows[category.label], last).data() == kroner(summary.spent_by_category.get(category, 0))
    assert model.index(rows["Brukt i alt"], last).data() == kroner(summary.spent_nok)
    if summary.warning:
        assert page.warning_label.isVisible() and summary.warning in page.warning_label.text()
    else:
        assert not page.warning_label.isVisible()


def test_the_funds_page_equals_funds_summary_and_shows_the_warning(make_window, qtbot, demo, store):  # noqa: F811
    _municipality, part = demo
    window = make_window()
    page = open_funds(window, qtbot)
    summary = funds_summary(store, part.id, DEMO_TODAY)
    check_page_equals_summary(page, summary)
    assert page.expense_proxy.rowCount() == len(list_expenses(store, part.id))
    # semester columns add up per category
    model = page.summary_model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[1:-1] == ["2025H", "2026V", "2026H", "2027V"]

    # An expense stored elsewhere: the page reloads on the topic and still equals the service
    add_expense(store, part.id, {"spent_on": date(2026, 11, 2), "category": "other", "amount_nok": 1_000,
                                 "funded_by": "grant"})
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        window.runner.notify({"funds"})
    summary = funds_summary(store, part.id, DEMO_TODAY)
    check_page_equals_summary(page, summary)


def test_the_warning_is_shown_when_funds_summary_warns(make_window, qtbot, demo, store):  # noqa: F811
    from storage.services.funds import add_own_funding

    _municipality, part = demo
    add_own_funding(store, part.id, {"semester": "2026H", "amount_nok": 2_000_000})
    summary = funds_summary(store, part.id, DEMO_TODAY)
    assert summary.warning
    window = make_window()
    page = open_funds(window, qtbot)
    check_page_equals_summary(page, summary)


def test_expense_filters_add_and_a_negative_amount_refused(make_window, qtbot, demo, store):  # noqa: F811
    _municipality, part = demo
    window = make_window()
    page = open_funds(window, qtbot)
    travel = ExpenseCategory.TRAVEL
    page.category_filter.setCurrentIndex(page.category_filter.findData(travel))
    assert page.expense_proxy.rowCount() == len(list_expenses(store, part.id, category=travel))
    page.semester_filter.setCurrentIndex(page.semester_filter.findData("2026V"))
    assert page.expense_proxy.rowCount() == len(list_expenses(store, part.id, category=travel, semester="2026V"))
    before = len(list_expenses(store, part.id))

    dialog = page.add_expense()
    dialog.amount.setValue(-1)
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    wait_jobs(window, qtbot)
    assert dialog.isVisible() and dialog.error_label.text()
    assert len(list_expenses(store, part.id)) == before

    dialog.amount.setValue(4_500)
    dialog.category.setCurrentIndex(dialog.category.findData(travel))
    dialog.day.setDate(dialog.day.date().fromString("10.03.2026", "dd.MM.yyyy"))
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    assert len(list_expenses(store, part.id)) == before + 1
    assert page.expense_proxy.rowCount() == len(list_expenses(store, part.id, category=travel, semester="2026V"))
    check_page_equals_summary(page, funds_summary(store, part.id, DEMO_TODAY))


def test_an_implausible_amount_is_asked_about_before_it_is_stored(make_window, qtbot, demo, store):  # noqa: F811
    """Issue 11, item 9: 100 000 000 kr on a grant of a few hundred thousand is a typing slip until the
    user says otherwise: the dialog warns, stores nothing, and stores only on «Lagre likevel»."""
    _municipality, part = demo
    window = make_window()
    page = open_funds(window, qtbot)
    before = len(list_expenses(store, part.id))
    dialog = page.add_expense()
    dialog.amount.setValue(100_000_000)
    dialog.day.setDate(dialog.day.date().fromString("10.03.2026", "dd.MM.yyyy"))
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    wait_jobs(window, qtbot)
    assert dialog.isVisible() and "Stemmer beløpet?" in dialog.error_label.text()
    assert dialog.save_button.text() == "Lagre likevel"
    assert len(list_expenses(store, part.id)) == before
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    assert len(list_expenses(store, part.id)) == before + 1
