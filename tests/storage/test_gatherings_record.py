"""Recording a held gathering: attendance per unit and role, themes, templates, tasks to the next one."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from storage.enums import AttendeeRole, GatheringLevel, GatheringStatus
from storage.errors import DomainError
from storage.services.gatherings import (
    attendance_by_gathering,
    get_gathering_detail,
    normalise_themes,
    record_gathering,
    set_attendance,
    theme_choices,
)
from storage.services.gatherings_plan import list_gatherings
from storage.services.tasks import list_tasks
from tests.log_world import TODAY, dump, make_world

SOLSIKKEN, TUSENFRYD = "Solsikken barnehage", "Tusenfryd barnehage"


@pytest.fixture
def world(store):
    return make_world(store)


def record(world, **changes) -> dict:
    data = {"kind": "network_meeting", "starts_at": datetime(2026, 10, 15, 12, 30), "duration_minutes": 150,
            "place": "Solsikken barnehage", "network_id": world.network.id,
            "agenda": "Erfaringsdeling; vignett om leken; oppgaver", "themes": ["Forebygge", "lek", "forebygge",
                                                                                "kommunikasjon og språk"],
            "reflections": "Flere ser at de voksne må være nærmere leken.", "decisions": "Vi prøver lekeveiledning.",
            "reflection_templates": ["fremme_hemme", "barnas_stemme"],
            "attendance": [{"unit_id": world.unit(SOLSIKKEN).id, "role": "leader", "count": 1},
                           {"unit_id": world.unit(SOLSIKKEN).id, "role": "pedagogical_leader", "count": 3},
                           {"unit_id": world.unit(TUSENFRYD).id, "role": "assistant", "count": 2},
                           {"unit_id": world.unit(TUSENFRYD).id, "role": "ppt", "count": 0},
                           {"role": "owner", "count": 1}],
            "tasks": [{"title": "Prøv lekeveiledning ute"},
                      {"title": "Skriv ned to situasjoner fra garderoben", "unit_id": world.unit(TUSENFRYD).id,
                       "due_date": date(2026, 11, 30)}]}
    data.update(changes)
    return data


def test_record_a_held_gathering(store, world):
    detail = record_gathering(store, world.municipality.id, record(world), today=TODAY)
    g = detail.gathering
    assert g.status == GatheringStatus.HELD and g.level == GatheringLevel.NETWORK and g.title == "Nettverkssamling"
    assert g.themes == ["forebygge", "lek", "kommunikasjon og språk"]
    assert g.reflection_templates == ["fremme_hemme", "barnas_stemme"]
    assert detail.total_attendance == 7 and len(detail.attendance) == 4  # the zero count is not stored
    assert detail.count_for(world.unit(SOLSIKKEN).id, AttendeeRole.PEDAGOGICAL_LEADER) == 3
    assert detail.count_for(None, AttendeeRole.OWNER) == 1
    assert detail.unit_names[world.unit(TUSENFRYD).id] == TUSENFRYD
    tasks = {t.title: t for t in detail.tasks}
    assert tasks["Prøv lekeveiledning ute"].due_date == date(2026, 12, 3)  # the network's next gathering
    assert tasks["Prøv lekeveiledning ute"].network_id == world.network.id
    assert tasks["Skriv ned to situasjoner fra garderoben"].unit_id == world.unit(TUSENFRYD).id
    assert len(list_tasks(store, world.municipality.id, today=TODAY)) == 4
    assert attendance_by_gathering(store, [g.id]) == {g.id: 7}
    assert get_gathering_detail(store, g.id).attendance == detail.attendance


def test_fill_in_a_planned_gathering(store, world):
    [planned] = list_gatherings(store, world.municipality.id)
    with pytest.raises(DomainError, match="fram i tid"):
        record_gathering(store, world.municipality.id, record(world, starts_at=planned.starts_at),
                         gathering_id=planned.id, today=TODAY)
    detail = record_gathering(store, world.municipality.id, record(world, starts_at=planned.starts_at, tasks=[],
                                                                   title="Samling 3"),
                              gathering_id=planned.id, today=date(2026, 12, 4))
    assert detail.gathering.id == planned.id and detail.gathering.status == GatheringStatus.HELD
    assert detail.gathering.title == "Samling 3" and len(list_gatherings(store, world.municipality.id)) == 1


def test_attendance_is_replaced_as_a_whole(store, world):
    detail = record_gathering(store, world.municipality.id, record(world), today=TODAY)
    rows = set_attendance(store, detail.gathering.id, [{"unit_id": world.unit(SOLSIKKEN).id, "role": "leader",
                                                        "count": 2}])
    assert [(r.role, r.count) for r in rows] == [(AttendeeRole.LEADER, 2)]


@pytest.mark.parametrize("changes, text", [
    ({"attendance": [{"role": "leader", "count": -1}]}, "«Antall» kan ikke være et negativt tall."),
    ({"attendance": [{"role": "leader", "count": 1}, {"role": "leader", "count": 2}]}, "to tall for samme enhet"),
    ({"reflection_templates": ["finnes_ikke"]}, "Ukjent refleksjonsmal: finnes_ikke."),
    ({"themes": ["x" * 81]}, "er for langt"),
    ({"starts_at": datetime(2025, 5, 1, 12)}, "utenfor perioden"),
    ({"network_id": None}, "Velg et nettverk eller en enhet for oppgaven."),
])
def test_bad_records_store_nothing(store, world, changes, text):
    detail = record_gathering(store, world.municipality.id, record(world, tasks=[]), today=TODAY)
    before = dump(store)
    with pytest.raises(DomainError) as caught:
        record_gathering(store, world.municipality.id, record(world, **changes), today=TODAY)
    assert text in caught.value.message
    with pytest.raises(DomainError):
        set_attendance(store, detail.gathering.id, [{"role": "leader", "count": -3}])
    assert dump(store) == before


def test_attendance_from_another_municipality_is_refused(store, world):
    import uuid

    with pytest.raises(DomainError, match="finnes ikke i denne kommunen"):
        record_gathering(store, world.municipality.id,
                         record(world, attendance=[{"unit_id": uuid.uuid4(), "role": "leader", "count": 1}]),
                         today=TODAY)


def test_theme_choices_and_normalising():
    choices = theme_choices()
    assert choices[:3] == ["forebygge", "avdekke", "håndtere"] and len(choices) == 7
    assert normalise_themes(["  Håndtere ", "HÅNDTERE", "digital  mobbing", ""]) == ["håndtere", "digital mobbing"]
