"""Warnings for personal identifiers: fødselsnummer (with control digits), phone numbers, e-mail."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from storage.privacy import control_digits, is_fodselsnummer, personal_identifier_warnings

K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _reference_controls(nine: str) -> tuple[int, int] | None:
    """The rule as Skatteetaten writes it, independently of the module: k = 11 - (sum mod 11), 11 → 0,
    10 → no valid number."""
    k1 = 11 - sum(int(d) * w for d, w in zip(nine, K1, strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    k2 = 11 - sum(int(d) * w for d, w in zip(nine + str(k1), K2, strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    return None if k2 == 10 else (k1, k2)


@st.composite
def fodselsnummer(draw, d_number: bool = False) -> str:
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2039, 12, 31)))
    individual = draw(st.integers(min_value=0, max_value=999))
    day = born.day + (40 if d_number else 0)
    nine = f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
    controls = _reference_controls(nine)
    assume(controls is not None)
    return nine + "".join(map(str, controls))


def test_a_known_fodselsnummer_passes():
    # 150765 005 65: k1 = 11 - (3·1+7·5+6·0+1·7+8·6+9·5+4·0+5·0+2·5 = 148; 148 mod 11 = 5) = 6;
    # k2 = 11 - (5·1+4·5+3·0+2·7+7·6+6·5+5·0+4·0+3·5+2·6 = 138; 138 mod 11 = 6) = 5.
    assert is_fodselsnummer("15076500565")
    # 010190 123: k1 = 11 - (0+7+0+1+72+0+4+10+6 = 100; 100 mod 11 = 1) = 10 → no valid number exists.
    assert control_digits("010190123") is None
    assert control_digits("150765005") == (6, 5)
    assert not is_fodselsnummer("15076500566")


@given(fodselsnummer())
def test_generated_valid_fodselsnummer_are_detected(number):
    assert is_fodselsnummer(number)
    warnings = personal_identifier_warnings(f"Barnet har nummer {number} i papirene.")
    assert len(warnings) == 1 and "fødselsnummer" in warnings[0]
    assert number[:6] + "*****" in warnings[0] and number not in warnings[0]


@given(fodselsnummer(d_number=True))
def test_generated_d_numbers_are_detected(number):
    assert personal_identifier_warnings(number) and "fødselsnummer" in personal_identifier_warnings(number)[0]


@given(fodselsnummer(), st.integers(min_value=1, max_value=99))
def test_a_number_with_wrong_control_digits_is_not_detected(number, delta):
    wrong = number[:9] + f"{(int(number[9:]) + delta) % 100:02d}"
    assume(wrong != number)
    assert not is_fodselsnummer(wrong)
    assert not any("fødselsnummer" in w for w in personal_identifier_warnings(f"Saksnummer {wrong}."))


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_random_eleven_digit_numbers_with_wrong_control_digits_are_not_detected(digits):
    assume(_reference_controls(digits[:9]) != (int(digits[9]), int(digits[10])))
    assert not is_fodselsnummer(digits)
    assert not any("fødselsnummer" in w for w in personal_identifier_warnings(digits))


def test_phone_numbers_in_the_usual_forms_are_detected():
    for phone in ("41234567", "41 23 45 67", "412 34 567", "4123 4567", "+47 412 34 567", "0047 41234567",
                  "+4741234567", "22 33 44 55"):
        warnings = personal_identifier_warnings(f"Ring meg på {phone} i morgen.")
        assert len(warnings) == 1 and "telefonnummer" in warnings[0], phone
        assert phone in warnings[0]


def test_numbers_that_are_not_phone_numbers_give_no_warning():
    for text in ("Vi har 260 000 kr i tilskudd.", "Det var 12 barn og 3 voksne.", "Pulje 5, 2020V–2022H.",
                 "12345678", "Saksnummer 123456789012", "1 200 000 kr", "20 000 000 kr",
                 "Møtet er 12.03.2027 kl. 09.00."):
        assert personal_identifier_warnings(text) == [], text


def test_email_addresses_are_detected():
    warnings = personal_identifier_warnings("Send til ola.nordmann+skole@kommune.no, takk.")
    assert warnings == ["Teksten ser ut til å inneholde en e-postadresse (ola.nordmann+skole@kommune.no). "
                        "Fjern den hvis den kan knyttes til en person."]
    assert personal_identifier_warnings("Vi bruker @-tegnet i chatten") == []


def test_warnings_come_in_text_order_and_a_clean_text_has_none():
    text = "Kontakt a@b.no eller 99 88 77 66; barnets nummer er 150765 00565."
    warnings = personal_identifier_warnings(text)
    assert [w.split("(")[0] for w in warnings] == [
        "Teksten ser ut til å inneholde en e-postadresse ",
        "Teksten ser ut til å inneholde et telefonnummer ",
        "Teksten ser ut til å inneholde et fødselsnummer "]
    assert personal_identifier_warnings("Jenta står utenfor leken igjen.") == []
    assert personal_identifier_warnings("") == [] and personal_identifier_warnings(None) == []


def test_the_date_rule_rejects_impossible_birth_dates():
    nine = "320190123"  # day 32
    controls = control_digits(nine)
    if controls is not None:
        assert not is_fodselsnummer(nine + "".join(map(str, controls)))
    born = date(1990, 1, 1) + timedelta(days=400)
    nine = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}456"
    if (c := control_digits(nine)) is not None:
        assert is_fodselsnummer(nine + "".join(map(str, c)))
