"""A Norwegian school year, roughly: which days units and networks can meet, and handy date arithmetic."""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=16)
def _closed_days(year: int) -> frozenset[date]:
    """Holidays and school breaks in `year`: summer, autumn (week 41), Christmas, winter (week 9), Easter."""
    closed: set[date] = set()

    def span(start: date, end: date) -> None:
        closed.update(start + timedelta(days=n) for n in range((end - start).days + 1))

    span(date(year, 6, 20), date(year, 8, 17))
    span(date(year, 12, 20), date(year, 12, 31))
    span(date(year, 1, 1), date(year, 1, 3))
    span(date.fromisocalendar(year, 41, 1), date.fromisocalendar(year, 41, 5))
    span(date.fromisocalendar(year, 9, 1), date.fromisocalendar(year, 9, 5))
    easter = easter_sunday(year)
    span(easter - timedelta(days=6), easter + timedelta(days=1))
    closed.update({date(year, 5, 1), date(year, 5, 17), easter + timedelta(days=39),
                   easter + timedelta(days=50)})
    return frozenset(closed)


def is_workday(day: date) -> bool:
    """A weekday outside holidays and school breaks."""
    return day.weekday() < 5 and day not in _closed_days(day.year)


def next_workday(day: date, weekday: int | None = None) -> date:
    """The first workday on or after `day` (on `weekday`, if given: 0 is Monday)."""
    while not is_workday(day) or (weekday is not None and day.weekday() != weekday):
        day += timedelta(days=1)
    return day


def workdays(start: date, end: date, weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)) -> list[date]:
    """Every workday from `start` to `end` inclusive that falls on one of `weekdays`."""
    result = []
    day = start
    while day <= end:
        if day.weekday() in weekdays and is_workday(day):
            result.append(day)
        day += timedelta(days=1)
    return result


def random_workday(rng: random.Random, start: date, end: date, weekdays: tuple[int, ...] = (0, 1, 2, 3)) -> date:
    """A workday between `start` and `end` (Monday–Thursday by default; gatherings avoid Fridays)."""
    choices = workdays(start, end, weekdays)
    return rng.choice(choices) if choices else next_workday(start)


def semester_window(semester: str) -> tuple[date, date]:
    """The part of a semester when gatherings are held: mid-August to mid-December, January to mid-June."""
    year, half = int(semester[:4]), semester[4]
    if half == "V":
        return date(year, 1, 6), date(year, 6, 15)
    return date(year, 8, 18), date(year, 12, 16)
