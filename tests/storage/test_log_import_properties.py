"""Hypothesis: the date parser and the session-log row validator, for anything a cell can hold."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.services.cell_values import CellValueError, parse_date, parse_whole_number, parse_yes_no
from storage.services.log_templates import ReturnedCell, ReturnedRow
from storage.services.session_log_import import parse_log_row
from storage.services.session_logs import LOG_FIELDS, field_limit

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember")
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
NORWEGIAN_FORMS = (
    lambda d: f"{d.day:02}.{d.month:02}.{d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year % 100:02}",
    lambda d: f"{d.day}/{d.month}-{d.year % 100:02}",
    lambda d: f"{d.day}/{d.month}-{d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",
    lambda d: datetime.combine(d, time(8, 30)),
    lambda d: (d - date(1899, 12, 30)).days,
)
CELL_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60), st.text(alphabet="0123456789./- ", max_size=12), DAYS,
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2110, 1, 1)), st.times(),
    st.sampled_from(["ja", "Nei", "x", "12.03.2026", "=SUM(A1:A3)", "  ", "12/3", "03/12/2026", "Styrer"]),
)


@given(DAYS, st.sampled_from(NORWEGIAN_FORMS))
def test_every_accepted_form_gives_back_the_date(day, form):
    assert parse_date(form(day)) == day


@given(st.integers(1, 12), st.integers(1, 12), st.integers(2000, 2099), st.sampled_from("/-"))
def test_day_month_year_with_slashes_or_dashes_is_always_refused(a, b, year, sep):
    typed = f"{a:02}{sep}{b:02}{sep}{year}"
    try:
        parse_date(typed)
    except CellValueError as exc:
        assert "dd.mm.åååå, for eksempel 12.03.2021" in exc.message
    else:
        raise AssertionError(f"{typed} was accepted")


@given(st.integers(1, 31), st.integers(1, 12), st.sampled_from((".", "/")))
def test_a_date_without_a_year_is_refused(day, month, sep):
    try:
        parse_date(f"{day}{sep}{month}")
    except CellValueError as exc:
        assert "mangler årstall" in exc.message
    else:
        raise AssertionError("accepted without a year")


@given(CELL_VALUES)
def test_parsers_return_a_value_or_a_norwegian_message(value):
    for parser, kinds in ((parse_date, (date,)), (parse_whole_number, (int,)), (parse_yes_no, (bool,))):
        try:
            result = parser(value)
        except CellValueError as exc:
            assert exc.message and exc.message[0].isupper() or exc.message.startswith("«")
        else:
            assert result is None or isinstance(result, kinds)


def _row(values: dict[str, object], formulas: frozenset[str] = frozenset()) -> ReturnedRow:
    letters = "BCDEFGHIJKLM"
    cells = {name: ReturnedCell(f"Øktlogg!{letters[n]}9", values.get(name), name in formulas)
             for n, name in enumerate(LOG_FIELDS)}
    return ReturnedRow("Øktlogg", 9, uuid.uuid4(), cells)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({name: CELL_VALUES for name in LOG_FIELDS}),
       st.frozensets(st.sampled_from(LOG_FIELDS), max_size=2))
def test_row_validator_never_raises_and_points_at_cells(values, formulas):
    row = _row(values, formulas)
    log, errors = parse_log_row(row)
    refs = {cell.ref for cell in row.cells.values()}
    if log is None:
        assert errors and all(e.ref in refs and e.message for e in errors)
        assert all(any(e.ref == row.cells[f].ref for e in errors) for f in formulas)
    else:
        assert not errors and not formulas
        assert 0 <= log.staff_present <= log.staff_total
        assert len(log.theme) <= field_limit("theme", "max_length")
        assert 5 <= log.duration_minutes <= 600


@given(DAYS.filter(lambda d: d.year < 2099), st.integers(1, 1000), st.data())
def test_a_valid_row_is_read_as_typed(day, total, data):
    present = data.draw(st.integers(0, total))
    theme = data.draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå ", min_size=2, max_size=200)
                      .filter(lambda t: len(t.strip()) >= 2))
    minutes = data.draw(st.integers(5, 600))
    log, errors = parse_log_row(_row({
        "held_on": day.strftime("%d.%m.%Y"), "duration_minutes": str(minutes), "staff_present": float(present),
        "staff_total": total, "theme": theme, "children_involved": "Ja", "parents_involved": None}))
    assert errors == []
    assert (log.held_on, log.duration_minutes, log.staff_present, log.staff_total) == (day, minutes, present, total)
    assert log.theme == theme.strip() and log.children_involved and not log.parents_involved
    assert log.held_on - day == timedelta(0)
