"""Small pieces the Samlinger and Enhetslogger pages share: dates in dd.mm.åååå, a labelled form
error, combos that find their item by data, and the current municipality's period (worker side)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from ..widgets.forms import form_error  # noqa: F401  (used by the gatherings and log views)

DATE_FORMAT = "dd.MM.yyyy"
_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s*$")


def semester_of(day: date) -> str:
    """2026-11-20 → «2026H» (the same rule as storage.semesters, without loading storage)."""
    return f"{day.year}{'V' if day.month <= 6 else 'H'}"


def parse_norwegian_date(text: str) -> date | None:
    """«3.12.2026» or «03.12.26» → date; empty → None; anything else raises ValueError."""
    if not text.strip():
        return None
    match = _DATE.match(text)
    if not match:
        raise ValueError(text)
    day, month, year = (int(g) for g in match.groups())
    return date(year + 2000 if year < 100 else year, month, day)


def date_edit(day: date | None = None, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumWidth(130)
    if day is not None:
        edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def edit_date(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def set_edit_date(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def find_data(combo: QComboBox, data) -> int:
    """The index of the item whose data equals `data`, or -1. (QComboBox.findData does not match
    Python objects such as UUIDs.)"""
    return next((i for i in range(combo.count()) if combo.itemData(i) == data), -1)


def select_data(combo: QComboBox, data) -> None:
    """Select the item whose data equals `data` (the first item when none does)."""
    combo.setCurrentIndex(max(find_data(combo, data), 0))



def show_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


def municipality_and_period(store):
    """Worker side: (municipality, period_start, period_end, semesters) or None without a municipality."""
    from storage.services.municipalities import current_municipality, participation_of

    municipality = current_municipality(store)
    part = participation_of(store, municipality.id) if municipality is not None else None
    if part is None:
        return None
    return municipality, part.period_start, part.period_end, part.semesters
