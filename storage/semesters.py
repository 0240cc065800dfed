"""Semesters of a participation period, derived from dates: `2020V` (spring) and `2020H` (autumn)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import DomainError
from .i18n import _

_SEMESTER_RE = re.compile(r"^(\d{4})([VH])$")

#: The part of each half-year when network gatherings are held (school holidays left out).
SPRING_WINDOW = ((1, 6), (6, 20))
AUTUMN_WINDOW = ((8, 15), (12, 19))


def semester_of(day: date) -> str:
    """The semester a date falls in: January–June is V (vår), July–December is H (høst)."""
    return f"{day.year}{'V' if day.month <= 6 else 'H'}"


def semester_bounds(semester: str) -> tuple[date, date]:
    """First and last day of a semester such as `2021H`."""
    match = _SEMESTER_RE.match(semester or "")
    if not match:
        raise DomainError(_("«{value}» er ikke et semester. Skriv for eksempel 2021V eller 2021H.").format(
            value=semester), field="semester")
    year, half = int(match.group(1)), match.group(2)
    if half == "V":
        return date(year, 1, 1), date(year, 6, 30)
    return date(year, 7, 1), date(year, 12, 31)


def semesters_between(start: date, end: date) -> list[str]:
    """Every semester the period from `start` to `end` (inclusive) touches, in order."""
    if end < start:
        return []
    result: list[str] = []
    year, half = start.year, 0 if start.month <= 6 else 1
    last = (end.year, 0 if end.month <= 6 else 1)
    while (year, half) <= last:
        result.append(f"{year}{'VH'[half]}")
        year, half = (year, 1) if half == 0 else (year + 1, 0)
    return result


def next_semester(semester: str) -> str:
    """`2026H` → `2027V`, `2027V` → `2027H`."""
    return semester_of(semester_bounds(semester)[1] + timedelta(days=1))


def semester_to_plan(day: date, *, days_left: int = 30) -> str:
    """The semester a new plan is for: the current one, or the next when less than a month of its
    gathering time is left (in late November, the autumn's gatherings are as good as over)."""
    current = semester_of(day)
    (_start, (month, last_day)) = SPRING_WINDOW if current.endswith("V") else AUTUMN_WINDOW
    left = (date(day.year, month, last_day) - day).days
    return next_semester(current) if left < days_left else current


def semester_label(semester: str) -> str:
    """Human label: `2021H` → `høsten 2021`."""
    semester_bounds(semester)  # validates
    year, half = semester[:4], semester[4]
    return (_("våren {year}") if half == "V" else _("høsten {year}")).format(year=year)
