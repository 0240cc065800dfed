"""Two users editing the same row never lose a change silently (SQLite and PostgreSQL alike).

- The form's version: a save that starts from an older version than the stored row is refused with
  «<navn> er endret av en annen siden du åpnet den», and the other user's change stays.
- The same moment: two transactions that read the same version and both write — the second one finds
  no row with that version and is refused (SQLAlchemy's version counter), nothing half-stored.
"""

from __future__ import annotations

import pytest

from storage.errors import ConcurrentEditError
from storage.models import Unit
from storage.services.units import add_unit, get_unit, update_unit
from storage.store import Store

SKOLE = {"name": "Bakken skole", "kind": "school", "stages": "1-7"}


@pytest.fixture
def second_store(backend_url):
    """Another user's connection to the same database."""
    other = Store(backend_url)
    yield other
    other.close()


def test_a_stale_form_is_refused_and_the_other_change_kept(store, second_store, muni):
    unit = add_unit(store, muni.id, SKOLE)
    assert unit.row_version == 1
    seen_by_me = get_unit(store, unit.id)
    theirs = update_unit(second_store, unit.id, {"staff_count": 31, "row_version": unit.row_version})
    assert theirs.row_version == 2
    with pytest.raises(ConcurrentEditError, match="«Bakken skole» er endret av en annen siden du åpnet den"):
        update_unit(store, unit.id, {"staff_count": 12, "row_version": seen_by_me.row_version})
    stored = get_unit(store, unit.id)
    assert stored.staff_count == 31 and stored.row_version == 2
    mine = update_unit(store, unit.id, {"staff_count": 12, "row_version": stored.row_version})  # after reloading
    assert mine.staff_count == 12 and mine.row_version == 3


def test_saving_without_a_version_still_works(store, muni):
    unit = add_unit(store, muni.id, SKOLE)
    assert update_unit(store, unit.id, {"staff_count": 5}).row_version == 2


def test_two_writes_at_the_same_moment(store, second_store, muni):
    unit = add_unit(store, muni.id, SKOLE)
    with pytest.raises(ConcurrentEditError, match="samme øyeblikk"):
        with store.transaction() as mine:
            row = mine.get(Unit, unit.id)
            assert row.row_version == 1
            update_unit(second_store, unit.id, {"staff_count": 44})  # the other user commits first
            row.staff_count = 7
            mine.flush()  # UPDATE … WHERE row_version = 1 finds no row
    stored = get_unit(store, unit.id)
    assert stored.staff_count == 44 and stored.row_version == 2
