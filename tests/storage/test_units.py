from datetime import date, datetime

import pytest

from storage.enums import AttendeeRole, GatheringKind, GatheringLevel, UnitKind
from storage.errors import DomainError
from storage.models import Attendance, Gathering, SessionLog
from storage.services.units import (
    UnitRemoval,
    add_unit,
    archive_unit,
    get_unit,
    list_units,
    remove_unit,
    update_unit,
)

SKOLE = {"name": "Fjordvik skole", "kind": "school", "stages": "1-7", "staff_count": 30,
         "leader_role": "rektor", "leader_email": "rektor@fjordvik.kommune.no"}


def test_add_edit_and_list_with_filters(store, muni):
    school = add_unit(store, muni.id, SKOLE)
    add_unit(store, muni.id, {"name": "Solsikken barnehage", "kind": "kindergarten", "ownership": "private"})
    assert [u.name for u in list_units(store, muni.id)] == ["Fjordvik skole", "Solsikken barnehage"]
    assert [u.name for u in list_units(store, muni.id, kinds=[UnitKind.KINDERGARTEN])] == ["Solsikken barnehage"]
    assert [u.name for u in list_units(store, muni.id, search="REKTOR")] == ["Fjordvik skole"]
    updated = update_unit(store, school.id, {"staff_count": 32, "stages": "1-10"})
    assert updated.staff_count == 32 and updated.stages == "1-10" and updated.name == "Fjordvik skole"
    assert updated.updated_at >= school.updated_at


def test_duplicate_name_in_one_municipality_is_refused(store, muni, counts):
    add_unit(store, muni.id, SKOLE)
    before = counts()
    with pytest.raises(DomainError) as caught:
        add_unit(store, muni.id, {**SKOLE, "name": "  fjordvik   SKOLE "})
    assert caught.value.field == "name"
    assert "«Navn»" in caught.value.message and "finnes allerede" in caught.value.message
    assert counts() == before


def test_renaming_onto_another_unit_is_refused(store, muni):
    add_unit(store, muni.id, SKOLE)
    other = add_unit(store, muni.id, {"name": "Nordby skole", "kind": "school"})
    with pytest.raises(DomainError, match="finnes allerede"):
        update_unit(store, other.id, {"name": "Fjordvik skole"})
    assert get_unit(store, other.id).name == "Nordby skole"
    assert update_unit(store, other.id, {"name": "Nordby  skole"}).name == "Nordby skole"  # itself is fine


@pytest.mark.parametrize("data, field, message", [
    ({**SKOLE, "staff_count": -1}, "staff_count", "«Antall ansatte» kan ikke være et negativt tall"),
    ({**SKOLE, "staff_count": "mange"}, "staff_count", "«Antall ansatte» må være et helt tall"),
    ({**SKOLE, "kind": "bibliotek"}, "kind", "«Type»"),
    ({**SKOLE, "leader_email": "rektor-at-skolen"}, "leader_email", "e-postadresse"),
    ({**SKOLE, "name": " "}, "name", "«Navn»"),
])
def test_bad_unit_input(store, muni, counts, data, field, message):
    before = counts()
    with pytest.raises(DomainError) as caught:
        add_unit(store, muni.id, data)
    assert caught.value.field == field and message in caught.value.message
    assert counts() == before


def test_unit_with_history_is_archived_not_deleted(store, muni):
    used = add_unit(store, muni.id, SKOLE)
    unused = add_unit(store, muni.id, {"name": "Nordby skole", "kind": "school"})
    with store.transaction() as s:
        s.add(SessionLog(unit_id=used.id, held_on=date(2025, 9, 1), staff_present=10, staff_total=20,
                         theme="Trygt miljø"))
    assert remove_unit(store, used.id) == UnitRemoval.ARCHIVED
    assert remove_unit(store, unused.id) == UnitRemoval.DELETED
    assert list_units(store, muni.id) == []
    assert [u.name for u in list_units(store, muni.id, include_archived=True)] == ["Fjordvik skole"]
    assert archive_unit(store, used.id, archived=False).archived is False


def test_unit_with_attendance_is_archived(store, muni):
    unit = add_unit(store, muni.id, SKOLE)
    with store.transaction() as s:
        g = Gathering(municipality_id=muni.id, title="Nettverkssamling", kind=GatheringKind.NETWORK_MEETING,
                      level=GatheringLevel.NETWORK, starts_at=datetime(2025, 9, 10, 12, 0))
        s.add(g)
        s.flush()
        s.add(Attendance(gathering_id=g.id, unit_id=unit.id, role=AttendeeRole.LEADER, count=1))
    assert remove_unit(store, unit.id) == UnitRemoval.ARCHIVED
    assert get_unit(store, unit.id).archived


def test_unknown_unit(store, muni):
    import uuid

    with pytest.raises(DomainError, match="Fant ikke enheten"):
        update_unit(store, uuid.uuid4(), {"name": "Ny"})
