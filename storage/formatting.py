"""How numbers, kroner, percentages, dates and semesters are written, in one place for every layer.

ui/ and exports/ used to carry their own helpers: five ways to write a date, kroner with a normal space
in one module and a no-break space in another, and two percent roundings that made «13 %» and «12 %»
of the same 1/8. Everything a user reads goes through this module (no Qt, no database), so the same
figure is written the same way in the app, the PDF, the workbook and the e-mail.

The rules:

* grouping with a no-break space (U+00A0), decimal comma, a real minus sign (U+2212);
* kroner are whole kroner: «260 000 kr»;
* percentages are rounded half up (12,5 % → 13 %), never half to even;
* figures shown together add up as shown: a change column is the difference of the two shown
  (rounded) values, see `shown_change_points`;
* short dates «03.12.2026», long dates «3. desember 2026», months «desember 2026»;
* semesters «våren 2026» in running text, «Våren 2026» as a table label, «2025H–2027V» as a span.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from .i18n import _
from .semesters import semester_label

NBSP = "\u00a0"
MINUS = "\u2212"
DASH = "–"  # a value that cannot be computed

MONTH_NAMES = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
               "oktober", "november", "desember")


def round_half_up(value: float, decimals: int = 0) -> float:
    """Rounding as people do it (0.625 → 0.63, 12.5 → 13), not Python's round-half-to-even."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def _grouped(text: str) -> str:
    """'1,234,567.5' (Python's format) → '1 234 567,5' with no-break spaces and a real minus."""
    return text.replace(",", NBSP).replace(".", ",").replace("-", MINUS)


def format_number(value: int | float | None, decimals: int | None = None) -> str:
    """12345 → «12 345»; 2.25 with decimals=1 → «2,3». Whole numbers without decimals unless asked;
    a float with a fraction gets one decimal unless `decimals` says otherwise. None → «–»."""
    if value is None:
        return DASH
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    if decimals == 0:
        return _grouped(f"{int(round_half_up(value)):,}")
    return _grouped(f"{round_half_up(value, decimals):,.{decimals}f}")


def format_kroner(amount: int) -> str:
    """Whole kroner: «260 000 kr», «−5 000 kr», no-break spaces throughout (never «173 685» on one line
    and «kr» on the next)."""
    return _("{amount}\u00a0kr").format(amount=format_number(int(amount)))


def percent_points(share: float | None) -> int | None:
    """A share 0–1 as the whole percent that is shown (half up): 1/8 → 13."""
    return None if share is None else int(round_half_up(share * 100))


def format_percent(share: float | None, decimals: int = 0) -> str:
    """A share 0–1 as a percentage: 1/8 → «13 %». None → «–»."""
    if share is None:
        return DASH
    return f"{format_number(share * 100, decimals)}{NBSP}%"


def format_percent_value(value: float | int | None) -> str:
    """A number that already is a percentage (a position of 20 %, a grant share of 50 %): «20 %»,
    «12,5 %»."""
    if value is None:
        return DASH
    return f"{format_number(value)}{NBSP}%"


def shown_change_points(before: float | None, after: float | None) -> int | None:
    """The change in percentage points between two shares, as the difference of the two *shown*
    percentages, so that a reader who subtracts the columns gets the change column."""
    if before is None or after is None:
        return None
    return percent_points(after) - percent_points(before)


def format_change(value: int | float | None, decimals: int = 0) -> str:
    """A signed change: «+3», «−2», «0»; None → «–»."""
    if value is None:
        return DASH
    rounded = round_half_up(value, decimals)
    if rounded == 0:
        return format_number(0, decimals)
    return ("+" if rounded > 0 else "") + format_number(rounded, decimals)


def format_date(day: date | datetime | None) -> str:
    """Short Norwegian date: «03.12.2026» (no strftime: it is slow in big Qt tables). None → «»."""
    if day is None:
        return ""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def format_datetime(moment: datetime | None) -> str:
    """«03.12.2026 14:05»."""
    if moment is None:
        return ""
    return f"{format_date(moment)} {moment.hour:02d}:{moment.minute:02d}"


def format_time(moment: datetime) -> str:
    """«14:05»."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def format_long_date(day: date) -> str:
    """The date written out: «3. desember 2026»."""
    return f"{day.day}. {_(MONTH_NAMES[day.month - 1])} {day.year}"


def format_month(day: date) -> str:
    """Month and year: «desember 2026»."""
    return f"{_(MONTH_NAMES[day.month - 1])} {day.year}"


def format_semester(semester: str) -> str:
    """In running text: «våren 2026»."""
    return semester_label(semester)


def semester_title(semester: str) -> str:
    """As a label in a table or chart: «Våren 2026»."""
    return semester_label(semester).capitalize()


def semester_span(semesters: Sequence[str]) -> str:
    """['2025H', '2026V', '2026H'] → «2025H–2026H»."""
    if not semesters:
        return ""
    if len(semesters) == 1:
        return semesters[0]
    return f"{semesters[0]}–{semesters[-1]}"


def semester_scope(semesters: Sequence[str]) -> str:
    """What a report covers, in words: «høsten 2025» or «høsten 2025 – våren 2026»."""
    if not semesters:
        return ""
    if len(semesters) == 1:
        return format_semester(semesters[0])
    return f"{format_semester(semesters[0])} – {format_semester(semesters[-1])}"
