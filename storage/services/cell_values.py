"""Turn what a person typed in a spreadsheet cell into a date, a whole number, yes/no or text.

Shared by the importers of returned workbooks (session logs now, vignette response sheets later).
Each parser returns None for an empty cell and raises CellValueError with a Norwegian message that
shows the expected form.

Dates typed as text — accepted: 12.03.2021, 12.3.2021, 12.3.21, 12. 3. 2021, 12/3-21, 12/3-2021,
2021-03-12, 12. mars 2021, 12 mar 21; real Excel dates and Excel day numbers (years 2000–2099).
Refused as ambiguous: 03/12/2021 and 03-12-2021 (day or month first?); refused as incomplete: 12.03,
12/3 (no year). Two-digit years are 2000–2099.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from ..formatting import format_date
from ..i18n import _

DATE_FORM = "dd.mm.åååå, for eksempel 12.03.2021"
_EXCEL_EPOCH = date(1899, 12, 30)
_FIRST_SERIAL, _LAST_SERIAL = (date(2000, 1, 1) - _EXCEL_EPOCH).days, (date(2099, 12, 31) - _EXCEL_EPOCH).days

_MONTHS = {"januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
           "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
           "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12}

_DOTTED = re.compile(r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4}|\d{2})\.?")
_SLASH_DASH = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*-\s*(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?")
_NAMED = re.compile(r"(\d{1,2})\s*\.?\s*([a-zæøå]+)\.?\s*(\d{4}|\d{2})")
_AMBIGUOUS = re.compile(r"\d{1,2}\s*([/-])\s*\d{1,2}\s*\1\s*\d{2,4}")
_NO_YEAR = re.compile(r"\d{1,2}\s*[./-]\s*\d{1,2}\.?|\d{1,2}\.?\s*[a-zæøå]+\.?")

_YES = {"ja", "j", "yes", "y", "x", "1", "true", "sant"}
_NO = {"nei", "n", "no", "0", "false", "usant", "-"}


class CellValueError(ValueError):
    """What is wrong with one cell's value, in Norwegian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _make(year: int, month: int, day: int, typed: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellValueError(_("«{value}» er ikke en dato som finnes. Skriv datoen som {form}.").format(
            value=_shown(typed), form=_(DATE_FORM))) from None


def parse_date(value: object) -> date | None:
    """A date from a cell: an Excel date, an Excel day number, or Norwegian text (see the module)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time) or isinstance(value, timedelta):
        raise CellValueError(_("Cellen har et klokkeslett, ikke en dato. Skriv datoen som {form}.").format(
            form=_(DATE_FORM)))
    if isinstance(value, bool):
        raise CellValueError(_("Skriv datoen som {form}.").format(form=_(DATE_FORM)))
    if isinstance(value, int | float):
        if float(value).is_integer() and _FIRST_SERIAL <= value <= _LAST_SERIAL:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise CellValueError(_("«{value}» er ikke en dato. Skriv datoen som {form}.").format(
            value=_shown(value), form=_(DATE_FORM)))
    text = " ".join(str(value).split()).lower()
    if match := _DOTTED.fullmatch(text) or _SLASH_DASH.fullmatch(text):
        day, month, year = match.groups()
        return _make(_year(year), int(month), int(day), text)
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        return _make(int(year), int(month), int(day), text)
    if (match := _NAMED.fullmatch(text)) and match.group(2) in _MONTHS:
        day, month, year = match.groups()
        return _make(_year(year), _MONTHS[month], int(day), text)
    if _AMBIGUOUS.fullmatch(text):
        raise CellValueError(_("«{value}» kan leses på flere måter (dag eller måned først?). Skriv datoen som "
                               "{form}.").format(value=_shown(value), form=_(DATE_FORM)))
    if _NO_YEAR.fullmatch(text):
        raise CellValueError(_("«{value}» mangler årstall. Skriv datoen som {form}.").format(
            value=_shown(value), form=_(DATE_FORM)))
    raise CellValueError(_("«{value}» er ikke en dato. Skriv datoen som {form}.").format(
        value=_shown(value), form=_(DATE_FORM)))


def parse_whole_number(value: object) -> int | None:
    """A whole number: a number cell, or text of digits (spaces between thousands allowed)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, date | time | timedelta):
        raise CellValueError(_("Skriv et helt tall, for eksempel 12."))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellValueError(_("Skriv et helt tall (fikk {value}).").format(value=str(value).replace(".", ",")))
    text = str(value).replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[+-]?\d{1,9}", text):
        return int(text)
    raise CellValueError(_("Skriv et helt tall (fikk «{value}»).").format(value=_shown(value)))


def parse_yes_no(value: object) -> bool | None:
    """Ja/nei (also j/n, x for yes, 1/0, TRUE/FALSE)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower().rstrip(".")
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellValueError(_("Skriv ja eller nei (fikk «{value}»).").format(value=_shown(value)))


def parse_text(value: object) -> str | None:
    """Trimmed text; numbers and dates as a person would write them."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("ja") if value else _("nei")
    if isinstance(value, datetime):
        value = value.date() if value.time() == time() else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return format_date(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None
