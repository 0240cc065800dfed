from datetime import date

import pytest

from storage.errors import DomainError
from storage.services.municipalities import create_municipality
from storage.services.resource_persons import (
    add_assignment,
    add_person,
    add_person_with_assignment,
    check_resource_rule,
    delete_assignment,
    list_assignments,
    list_people,
    months_between,
    resource_rule_by_month,
    update_assignment,
    update_person,
)

START, END = date(2025, 8, 1), date(2027, 6, 30)
WHOLE = {"start": START, "end": END}


def test_people_and_assignments(store, muni):
    line = add_person_with_assignment(store, muni.id, {"name": "Kari Nordmann"},
                                      {"area": "kindergarten", "position_percent": 20, **WHOLE})
    assert line.person.name == "Kari Nordmann" and line.assignment.position_percent == 20
    loner = add_person(store, {"name": "Ola Uten Stilling"})
    assert [p.name for p in list_people(store, muni.id)] == ["Kari Nordmann"]
    assert {p.name for p in list_people(store)} == {"Kari Nordmann", "Ola Uten Stilling"}
    add_assignment(store, muni.id, loner.id, {"area": "school", "position_percent": 25, **WHOLE})
    assert [a.person.name for a in list_assignments(store, muni.id)] == ["Kari Nordmann", "Ola Uten Stilling"]
    assert update_person(store, loner.id, {"email": "ola@fjordvik.no"}).name == "Ola Uten Stilling"
    changed = update_assignment(store, line.assignment.id, {"position_percent": 30})
    assert changed.position_percent == 30 and changed.area == "kindergarten"
    delete_assignment(store, changed.id)
    assert [a.person.name for a in list_assignments(store, muni.id)] == ["Ola Uten Stilling"]


@pytest.mark.parametrize("assignment, field, message", [
    ({"area": "school", "position_percent": 0, **WHOLE}, "position_percent", "«Stillingsprosent» må være minst 1"),
    ({"area": "school", "position_percent": 101, **WHOLE}, "position_percent",
     "«Stillingsprosent» kan ikke være mer enn 100"),
    ({"area": "school", "position_percent": 20, "start": END, "end": START}, "end", "før fra-dato"),
    ({"area": "school", "position_percent": 20, "start": date(2019, 1, 1), "end": END}, "start", "«Fra» må ligge"),
    ({"area": "school", "position_percent": 20, "start": START, "end": date(2035, 1, 1)}, "end", "«Til» må ligge"),
    ({"area": "school", "position_percent": 20, "start": date(2028, 1, 1), "end": date(2028, 6, 1)}, "start",
     "«Fra» må ligge"),
    ({"area": "hage", "position_percent": 20, **WHOLE}, "area", "«Område»"),
])
def test_bad_assignments_name_the_field_and_store_nothing(store, muni, counts, assignment, field, message):
    before = counts()
    with pytest.raises(DomainError) as caught:
        add_person_with_assignment(store, muni.id, {"name": "Kari Nordmann"}, assignment)
    assert caught.value.field == field and message in caught.value.message
    assert counts() == before


def test_update_to_end_before_start_is_refused(store, muni):
    line = add_person_with_assignment(store, muni.id, {"name": "Kari"}, {"area": "school", "position_percent": 20,
                                                                          **WHOLE})
    with pytest.raises(DomainError) as caught:
        update_assignment(store, line.assignment.id, {"end": date(2025, 1, 1)})
    assert caught.value.field == "end"
    assert list_assignments(store, muni.id)[0].assignment.end == END


def test_a_person_serving_two_municipalities_cannot_exceed_100_percent(store, muni, counts):
    other = create_municipality(store, {"name": "Nabovik", "number": "4698", "county": "Vestland"},
                                {"cohort": 7, "school_owner": True, "period_start": START, "period_end": END})
    line = add_person_with_assignment(store, muni.id, {"name": "Kari"}, {"area": "both", "position_percent": 60,
                                                                          **WHOLE})
    add_assignment(store, other.id, line.person.id, {"area": "school", "position_percent": 40, **WHOLE})
    before = counts()
    with pytest.raises(DomainError) as caught:
        add_assignment(store, other.id, line.person.id, {"area": "school", "position_percent": 10,
                                                          "start": date(2026, 1, 1), "end": date(2026, 6, 30)})
    assert caught.value.field == "position_percent" and "110 %" in caught.value.message
    assert counts() == before


def test_months_between():
    assert months_between(date(2025, 11, 15), date(2026, 2, 1)) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]


def test_rule_two_people_at_20_percent_is_met_every_month():
    checks = check_resource_rule(START, END, True, True, [("kindergarten", 20, START, END), ("school", 20, START, END)])
    assert len(checks) == 23 and all(c.met for c in checks)
    assert checks[0].kindergarten_percent == 20 and checks[0].school_percent == 20
    assert checks[0].reason == "August 2025: barnehage 20 %, skole 20 %."


def test_rule_one_person_at_40_percent_covers_both_areas():
    checks = check_resource_rule(START, END, True, True, [("both", 40, START, END)])
    assert all(c.met and c.kindergarten_percent == 20 and c.school_percent == 20 for c in checks)


def test_rule_one_person_at_30_percent_for_both_is_not_enough():
    check = check_resource_rule(START, END, True, True, [("both", 30, START, END)])[0]
    assert not check.met and check.kindergarten_percent == 15
    assert "barnehage har 15 % og skole har 15 %" in check.reason


def test_rule_counts_only_areas_taken_part_in():
    checks = check_resource_rule(START, END, True, False, [("both", 20, START, END)])
    assert all(c.met and c.school_percent is None and c.kindergarten_percent == 20 for c in checks)
    checks = check_resource_rule(START, END, False, True, [("school", 20, START, END)])
    assert all(c.met for c in checks)


def test_rule_needs_the_whole_month():
    checks = check_resource_rule(START, date(2025, 12, 31), False, True, [("school", 20, date(2025, 8, 1),
                                                                          date(2025, 10, 15))])
    assert [c.met for c in checks] == [True, True, False, False, False]
    assert checks[2].reason == "Oktober 2025: skole har 0 % (minst 20 % per område)."


def test_rule_from_the_database(store, muni):
    add_person_with_assignment(store, muni.id, {"name": "Kari"}, {"area": "kindergarten", "position_percent": 20,
                                                                   **WHOLE})
    add_person_with_assignment(store, muni.id, {"name": "Ola"}, {"area": "school", "position_percent": 20,
                                                                  "start": START, "end": date(2026, 12, 31)})
    checks = resource_rule_by_month(store, muni.id)
    assert [c.month for c in checks if not c.met] == months_between(date(2027, 1, 1), END)
