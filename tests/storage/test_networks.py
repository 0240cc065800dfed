import uuid
from datetime import date, datetime, time

import pytest

from storage.enums import GatheringKind
from storage.errors import DomainError
from storage.services.gatherings_plan import (
    add_programme_gathering,
    cancel_gathering,
    create_gathering,
    delete_gathering,
    get_gathering,
    list_gatherings,
    update_gathering,
)
from storage.services.networks import (
    archive_network,
    create_network,
    find_network,
    get_network,
    list_networks,
    plan_gathering_series,
    series_dates,
    set_focus,
    set_members,
    update_network,
)
from storage.services.units import add_unit

NETWORK = {"name": "Barnehagenettverk Nord", "target": "kindergarten", "leader": "styrer i Solsikken"}


@pytest.fixture
def units(store, muni):
    return [add_unit(store, muni.id, {"name": n, "kind": "kindergarten"}) for n in ("Solsikken", "Tusenfryd")]


def test_network_with_members_and_focus(store, muni, units):
    net = create_network(store, muni.id, NETWORK, [units[0].id])
    assert [u.name for u in get_network(store, net.id).members] == ["Solsikken"]
    assert [u.name for u in set_members(store, net.id, [u.id for u in units])] == ["Solsikken", "Tusenfryd"]
    set_focus(store, net.id, "2025H", "Relasjoner mellom barn")
    set_focus(store, net.id, "2026V", "Foreldresamarbeid")
    set_focus(store, net.id, "2026V", "Foreldresamarbeid og språk")
    set_focus(store, net.id, "2025H", "")
    assert get_network(store, net.id).focus == {"2026V": "Foreldresamarbeid og språk"}
    assert update_network(store, net.id, {"description": "Alle kommunale barnehager"}).target == "kindergarten"
    assert find_network(store, muni.id, "barnehagenettverk  nord").id == net.id
    archive_network(store, net.id)
    assert list_networks(store, muni.id) == []
    assert len(list_networks(store, muni.id, include_archived=True)) == 1


def test_network_bad_input(store, muni, units, counts):
    create_network(store, muni.id, NETWORK)
    before = counts()
    with pytest.raises(DomainError) as caught:
        create_network(store, muni.id, {**NETWORK, "name": "BARNEHAGENETTVERK nord"})
    assert caught.value.field == "name" and "finnes allerede" in caught.value.message
    with pytest.raises(DomainError) as caught:
        create_network(store, muni.id, {**NETWORK, "name": "Nytt"}, [uuid.uuid4()])
    assert caught.value.field == "members"
    with pytest.raises(DomainError) as caught:
        create_network(store, muni.id, {**NETWORK, "name": "Nytt", "target": "alle"})
    assert caught.value.field == "target"
    assert counts() == before
    with pytest.raises(DomainError, match="Fant ikke nettverket «Sør»"):
        find_network(store, muni.id, "Sør")


def test_focus_outside_the_period_is_refused(store, muni):
    net = create_network(store, muni.id, NETWORK)
    with pytest.raises(DomainError) as caught:
        set_focus(store, net.id, "2031H", "Noe")
    assert caught.value.field == "semester" and "utenfor perioden" in caught.value.message


def test_series_dates():
    assert series_dates(date(2025, 8, 15), date(2025, 10, 1), 3, 2) == [
        date(2025, 8, 20), date(2025, 9, 10), date(2025, 10, 1)]


def test_plan_gathering_series_in_a_semester(store, muni):
    net = create_network(store, muni.id, NETWORK)
    series = plan_gathering_series(store, net.id, "2025H", 5, 2, time(12, 30), 150, "Rådhuset")
    assert [g.starts_at.date() for g in series] == [date(2025, 8, 20), date(2025, 9, 24), date(2025, 10, 29),
                                                    date(2025, 12, 3)]
    assert all(g.starts_at.time() == time(12, 30) and g.network_id == net.id and g.status == "planned"
               for g in series)
    assert series[0].title == "Barnehagenettverk Nord: samling 1" and series[0].level == "network"
    with pytest.raises(DomainError, match="allerede 4 planlagte samlinger"):
        plan_gathering_series(store, net.id, "2025H", 4, 1, time(9), 120)
    again = plan_gathering_series(store, net.id, "2025H", 6, 1, time(9), 120, replace_planned=True)
    assert len(list_gatherings(store, muni.id, network_id=net.id)) == len(again) == 3
    # then adjusted one by one
    moved = update_gathering(store, again[1].id, {"starts_at": datetime(2025, 10, 2, 9, 0), "agenda": "Vignett"})
    assert moved.starts_at == datetime(2025, 10, 2, 9, 0) and moved.title == again[1].title
    assert cancel_gathering(store, again[2].id).status == "cancelled"
    assert len(list_gatherings(store, muni.id, network_id=net.id, include_cancelled=False)) == 2
    delete_gathering(store, again[0].id)
    assert len(list_gatherings(store, muni.id, semester="2025H")) == 2


def test_series_outside_the_period_is_refused(store, muni, counts):
    net = create_network(store, muni.id, NETWORK)
    before = counts()
    with pytest.raises(DomainError) as caught:
        plan_gathering_series(store, net.id, "2028V", 4, 1, time(9), 120)
    assert caught.value.field == "semester" and "utenfor perioden 01.08.2025–30.06.2027" in caught.value.message
    with pytest.raises(DomainError) as caught:
        plan_gathering_series(store, net.id, "2026V", 0, 1, time(9), 120)
    assert caught.value.field == "every_weeks"
    with pytest.raises(DomainError) as caught:
        plan_gathering_series(store, net.id, "2026V", 4, 1, time(9), 2)
    assert caught.value.field == "duration_minutes"
    assert counts() == before


def test_gathering_outside_the_period_is_refused(store, muni, counts):
    before = counts()
    with pytest.raises(DomainError) as caught:
        create_gathering(store, muni.id, {"title": "Nettverkssamling", "kind": "network_meeting",
                                          "starts_at": datetime(2027, 9, 1, 12)})
    assert caught.value.field == "starts_at"
    assert caught.value.message == "Samlingen 01.09.2027 er utenfor perioden 01.08.2025–30.06.2027."
    assert counts() == before
    inside = create_gathering(store, muni.id, {"title": "Nettverkssamling", "kind": "network_meeting",
                                               "starts_at": datetime(2026, 9, 1, 12)})
    with pytest.raises(DomainError) as caught:
        update_gathering(store, inside.id, {"starts_at": datetime(2025, 6, 1, 12)})
    assert caught.value.field == "starts_at"
    assert get_gathering(store, inside.id).starts_at == datetime(2026, 9, 1, 12)


def test_programme_gatherings_per_semester(store, muni):
    day = add_programme_gathering(store, muni.id, GatheringKind.NATIONAL_SPECIALIST_DAY, "2026V",
                                  datetime(2026, 3, 12, 9), place="Oslo")
    assert day.level == "national" and day.title == "Nasjonal fagdag" and day.duration_minutes == 360
    regional = add_programme_gathering(store, muni.id, "regional_gathering", "2026V", datetime(2026, 4, 20, 10))
    assert regional.level == "regional"
    with pytest.raises(DomainError) as caught:
        add_programme_gathering(store, muni.id, "regional_gathering", "2026H", datetime(2026, 4, 20, 10))
    assert caught.value.field == "starts_at" and "ikke i høsten 2026" in caught.value.message
    with pytest.raises(DomainError) as caught:
        add_programme_gathering(store, muni.id, "network_meeting", "2026H", datetime(2026, 9, 20, 10))
    assert caught.value.field == "kind"
    kinds = [g.kind for g in list_gatherings(store, muni.id, kinds=["national_specialist_day"])]
    assert kinds == ["national_specialist_day"]
