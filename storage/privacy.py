"""Spot personal identifiers in free text, to WARN (never block) before answers and logs are stored.

Three kinds are looked for (DOMAIN.md §8: answers must not identify anyone):

- a Norwegian national identity number (fødselsnummer) or D-number: 11 digits whose two control
  digits pass the mod-11 check and whose first six digits are a possible date (D-numbers add 4 to
  the first digit of the day; H-numbers add 4 to the first digit of the month). Random 11-digit
  numbers fail the control digits about 99 times in 100, so they are not reported;
- a Norwegian phone number: 8 digits starting with 2–9, written together or in the usual groups
  (41 23 45 67, 412 34 567, 4123 4567), optionally after +47 or 0047;
- an e-mail address.

The warnings are in Norwegian and show enough of the match to find it (a fødselsnummer is masked).
"""

from __future__ import annotations

import re
from datetime import date

from .i18n import _

_K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# 11 digits, together or as 6+5 with a space ("010190 12345"), not part of a longer number.
_ELEVEN = re.compile(r"(?<![\d])(\d{6})[ \u00a0]?(\d{5})(?![\d])")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)47[ \u00a0-]?)?"
    r"([2-9]\d{7}|[2-9]\d(?:[ \u00a0]\d\d){3}|[2-9]\d\d[ \u00a0]\d\d[ \u00a0]\d{3}|[2-9]\d{3}[ \u00a0]\d{4})"
    r"(?![\d]|[ \u00a0]\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w])")


def _control_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    rest = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    control = 0 if rest == 0 else 11 - rest
    return None if control == 10 else control


def control_digits(first_nine: str) -> tuple[int, int] | None:
    """The two control digits (k1, k2) of a fødselsnummer's first nine digits, or None if none exist."""
    k1 = _control_digit(first_nine, _K1_WEIGHTS)
    if k1 is None:
        return None
    k2 = _control_digit(first_nine + str(k1), _K2_WEIGHTS)
    return None if k2 is None else (k1, k2)


def _plausible_date(six: str) -> bool:
    day, month, year = int(six[:2]), int(six[2:4]), int(six[4:])
    if day > 40:  # D-number
        day -= 40
    if month > 40:  # H-number (help number)
        month -= 40
    try:
        date(2000 + year, month, day)  # a leap year base accepts 29 February
    except ValueError:
        return False
    return True


def is_fodselsnummer(number: str) -> bool:
    """True for 11 digits with valid control digits and a possible birth date (also D- and H-numbers)."""
    digits = re.sub(r"[\s\u00a0]", "", number)
    if len(digits) != 11 or not digits.isdigit() or not _plausible_date(digits[:6]):
        return False
    return control_digits(digits[:9]) == (int(digits[9]), int(digits[10]))


def personal_identifier_warnings(text: str | None) -> list[str]:
    """Norwegian warnings for what in `text` looks like a fødselsnummer, a phone number or an e-mail
    address; empty when nothing was found. One warning per match, in the order they appear."""
    if not text:
        return []
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for match in _ELEVEN.finditer(text):
        if is_fodselsnummer(match.group(1) + match.group(2)):
            taken.append(match.span())
            found.append((match.start(), _("Teksten ser ut til å inneholde et fødselsnummer ({masked}). Svar "
                                           "skal ikke kunne knyttes til en person – fjern nummeret.").format(
                masked=match.group(1) + "*****")))
    for match in _PHONE.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        found.append((match.start(), _("Teksten ser ut til å inneholde et telefonnummer ({number}). Fjern det "
                                       "hvis det kan knyttes til en person.").format(number=match.group(0))))
    for match in _EMAIL.finditer(text):
        found.append((match.start(), _("Teksten ser ut til å inneholde en e-postadresse ({address}). Fjern den "
                                       "hvis den kan knyttes til en person.").format(address=match.group(0))))
    return [message for _pos, message in sorted(found, key=lambda item: item[0])]
