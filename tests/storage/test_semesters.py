from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.errors import DomainError
from storage.semesters import semester_bounds, semester_label, semester_of, semesters_between


def test_pulje_5_has_six_semesters():
    assert semesters_between(date(2020, 1, 1), date(2022, 12, 31)) == [
        "2020V", "2020H", "2021V", "2021H", "2022V", "2022H"]


def test_period_starting_in_autumn():
    assert semesters_between(date(2025, 8, 1), date(2027, 6, 30)) == ["2025H", "2026V", "2026H", "2027V"]


def test_end_before_start_gives_no_semesters():
    assert semesters_between(date(2021, 1, 1), date(2020, 1, 1)) == []


def test_bounds_and_label():
    assert semester_bounds("2021H") == (date(2021, 7, 1), date(2021, 12, 31))
    assert semester_label("2021V") == "våren 2021"


@pytest.mark.parametrize("bad", ["2021", "21H", "2021X", "", "2021h"])
def test_bad_semester_is_a_norwegian_error(bad):
    with pytest.raises(DomainError, match="er ikke et semester"):
        semester_bounds(bad)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 3000))
def test_semesters_cover_every_day_once_in_order(start, length):
    end = start + timedelta(days=length)
    semesters = semesters_between(start, end)
    assert semesters[0] == semester_of(start) and semesters[-1] == semester_of(end)
    assert len(semesters) == len(set(semesters))
    assert semesters == sorted(semesters, key=lambda s: (s[:4], s[4] == "H"))
    for semester in semesters:
        first, last = semester_bounds(semester)
        assert first <= end and last >= start
