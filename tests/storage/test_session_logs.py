"""Session logs: add, edit, delete, list with filters, copy the last one; every rule in Norwegian."""

from __future__ import annotations

from datetime import date

import pytest

from storage.enums import LogSource
from storage.errors import DomainError
from storage.services.session_logs import (
    LogFilter,
    add_log,
    copy_last_log,
    delete_log,
    get_log,
    list_logs,
    update_log,
)
from tests.log_world import TODAY, dump, make_world

SOLSIKKEN, LIA = "Solsikken barnehage", "Lia skole"


@pytest.fixture
def world(store):
    return make_world(store)


def log(**changes) -> dict:
    data = {"held_on": date(2026, 10, 6), "duration_minutes": 60, "staff_present": 15, "staff_total": 20,
            "led_by": " Styrer ", "theme": "Voksenrollen i frileken", "method": "Vignett og samtale",
            "what_done": "Vi leste en vignett og snakket i grupper.", "reflections": "  ",
            "next_steps": "Prøve lekeveiledning ute."}
    data.update(changes)
    return data


def test_add_and_read_a_log(store, world):
    added = add_log(store, world.unit(SOLSIKKEN).id, log(), today=TODAY)
    again = get_log(store, added.id)
    assert again.led_by == "Styrer" and again.reflections is None and again.source == LogSource.APP
    assert (again.staff_present, again.staff_total, again.unit_id) == (15, 20, world.unit(SOLSIKKEN).id)


@pytest.mark.parametrize("changes, field, text", [
    ({"staff_present": 21}, "staff_present", "Ansatte til stede kan ikke være flere enn ansatte i alt."),
    ({"staff_present": -1}, "staff_present", "«Ansatte til stede» kan ikke være et negativt tall."),
    ({"theme": "T" * 201}, "theme", "«Tema» er for lang (høyst 200 tegn)."),
    ({"what_done": "x" * 4001}, "what_done", "«Hva gjorde vi» er for lang (høyst 4000 tegn)."),
    ({"duration_minutes": 700}, "duration_minutes", "«Varighet (minutter)» kan ikke være mer enn 600."),
    ({"held_on": date(2025, 6, 1)}, "held_on", "utenfor perioden 01.08.2025–30.06.2027"),
    ({"held_on": date(2026, 11, 21)}, "held_on", "fram i tid"),
])
def test_rules_are_refused_with_a_norwegian_message_and_nothing_stored(store, world, changes, field, text):
    before = dump(store)
    with pytest.raises(DomainError) as caught:
        add_log(store, world.unit(SOLSIKKEN).id, log(**changes), today=TODAY)
    assert text in caught.value.message and caught.value.field == field
    assert dump(store) == before


def test_update_validates_the_merged_log(store, world):
    added = add_log(store, world.unit(SOLSIKKEN).id, log(), today=TODAY)
    with pytest.raises(DomainError, match="flere enn ansatte i alt"):
        update_log(store, added.id, {"staff_total": 10}, today=TODAY)
    changed = update_log(store, added.id, {"staff_total": 15, "method": ""}, today=TODAY)
    assert changed.staff_total == 15 and changed.method is None
    with pytest.raises(DomainError, match="fram i tid"):
        update_log(store, added.id, {"held_on": date(2027, 1, 5)}, today=TODAY)


def test_delete(store, world):
    added = add_log(store, world.unit(SOLSIKKEN).id, log(), today=TODAY)
    delete_log(store, added.id)
    with pytest.raises(DomainError, match="Fant ikke øktloggen"):
        get_log(store, added.id)


def test_list_per_unit_and_municipality_with_filters(store, world):
    sol, lia = world.unit(SOLSIKKEN).id, world.unit(LIA).id
    add_log(store, sol, log(held_on=date(2026, 3, 2)), today=TODAY)
    add_log(store, sol, log(held_on=date(2026, 10, 6), children_involved=True, theme="Barnas stemme"), today=TODAY)
    add_log(store, lia, log(held_on=date(2026, 9, 1), staff_total=30, theme="Klasseledelse"), today=TODAY)
    muni = world.municipality.id
    assert [x.held_on for x in list_logs(store, muni)] == [date(2026, 10, 6), date(2026, 9, 1), date(2026, 3, 2)]
    assert {x.unit_name for x in list_logs(store, muni, LogFilter(unit_id=lia))} == {LIA}
    assert len(list_logs(store, muni, LogFilter(semester="2026H"))) == 2
    assert len(list_logs(store, muni, LogFilter(start=date(2026, 9, 1), end=date(2026, 9, 30)))) == 1
    assert [x.theme for x in list_logs(store, muni, LogFilter(search="STEMME"))] == ["Barnas stemme"]
    assert [x.theme for x in list_logs(store, muni, LogFilter(children_involved=True))] == ["Barnas stemme"]
    assert list_logs(store, muni, LogFilter(source=LogSource.EXCEL)) == []
    assert len(list_logs(store, muni, limit=1)) == 1


def test_copy_last_log(store, world):
    sol = world.unit(SOLSIKKEN).id
    first = copy_last_log(store, sol, today=TODAY)
    assert (first.held_on, first.staff_present, first.staff_total, first.theme) == (TODAY, 20, 20, "")
    add_log(store, sol, log(held_on=date(2026, 3, 2), theme="Eldre"), today=TODAY)
    add_log(store, sol, log(held_on=date(2026, 10, 6), duration_minutes=45, children_involved=True), today=TODAY)
    copy = copy_last_log(store, sol, today=TODAY)
    assert copy.held_on == TODAY and copy.duration_minutes == 45 and copy.theme == "Voksenrollen i frileken"
    assert copy.led_by == "Styrer" and copy.children_involved and copy.staff_present == 15
    assert copy.what_done is None and copy.reflections is None and copy.next_steps is None
    stored = add_log(store, sol, copy, today=TODAY)
    assert stored.held_on == TODAY
