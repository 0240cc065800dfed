from datetime import date

import pytest

from storage.errors import DomainError
from storage.services.networks import create_network
from storage.services.tasks import add_task, delete_task, list_tasks, set_task_status, update_task
from storage.services.units import add_unit

TODAY = date(2026, 3, 1)


def test_tasks_per_network_and_unit_with_overdue(store, muni):
    net = create_network(store, muni.id, {"name": "Skolenettverket", "target": "school"})
    unit = add_unit(store, muni.id, {"name": "Fjordvik skole", "kind": "school"})
    late = add_task(store, muni.id, {"title": "Prøv vignett 3 i personalmøtet", "network_id": net.id,
                                     "due_date": date(2026, 2, 1)})
    add_task(store, muni.id, {"title": "Kartlegg friminuttene", "unit_id": unit.id, "due_date": date(2026, 4, 1)})
    add_task(store, muni.id, {"title": "Les kapittel 9 A", "network_id": net.id})
    items = list_tasks(store, muni.id, today=TODAY)
    assert [(t.title, t.overdue) for t in items] == [("Prøv vignett 3 i personalmøtet", True),
                                                     ("Kartlegg friminuttene", False), ("Les kapittel 9 A", False)]
    assert [t.title for t in list_tasks(store, muni.id, today=TODAY, unit_id=unit.id)] == ["Kartlegg friminuttene"]
    assert [t.title for t in list_tasks(store, muni.id, today=TODAY, overdue_only=True)] == [late.title]
    assert set_task_status(store, late.id, "done").status == "done"
    assert not any(t.overdue for t in list_tasks(store, muni.id, today=TODAY))
    assert update_task(store, late.id, {"due_date": None}).due_date is None
    delete_task(store, late.id)
    assert len(list_tasks(store, muni.id, today=TODAY, network_id=net.id)) == 1


def test_task_bad_input(store, muni, counts):
    before = counts()
    with pytest.raises(DomainError) as caught:
        add_task(store, muni.id, {"title": "Uten eier"})
    assert caught.value.field == "network_id"
    with pytest.raises(DomainError) as caught:
        add_task(store, muni.id, {"title": "X", "unit_id": None})
    assert caught.value.field == "title"
    with pytest.raises(DomainError) as caught:
        add_task(store, muni.id, {"title": "Dato", "due_date": "snart"})
    assert caught.value.field == "due_date" and "«Frist» må være en dato" in caught.value.message
    assert counts() == before
