"""The .ics export read back with icalendar: one event per gathering, stable UIDs, Oslo time."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from exports.calendar import event_uid, export_gatherings
from storage.enums import GatheringKind
from storage.services.gatherings_plan import add_programme_gathering, cancel_gathering, update_gathering
from storage.services.networks import create_network, plan_gathering_series


def read(path):
    return Calendar.from_ical(path.read_bytes())


def test_export_parses_back_with_one_event_per_gathering(store, muni, tmp_path):
    net = create_network(store, muni.id, {"name": "Skolenettverket", "target": "school"})
    series = plan_gathering_series(store, net.id, "2026V", 4, 2, time(13, 30), 150, "Lia skole")
    day = add_programme_gathering(store, muni.id, GatheringKind.NATIONAL_SPECIALIST_DAY, "2026V",
                                  datetime(2026, 3, 12, 9, 30), place="Oslo")
    update_gathering(store, day.id, {"agenda": "Aktivitetsplikten i praksis"})
    cancel_gathering(store, series[1].id)
    path = tmp_path / "samlinger.ics"
    assert export_gatherings(store, muni.id, path) == len(series) + 1
    cal = read(path)
    events = cal.walk("VEVENT")
    assert len(events) == len(series) + 1
    by_uid = {str(e["UID"]): e for e in events}
    assert set(by_uid) == {event_uid(g.id) for g in [*series, day]}
    fagdag = by_uid[event_uid(day.id)]
    assert fagdag.decoded("DTSTART") == datetime(2026, 3, 12, 9, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    assert fagdag.decoded("DTEND") == datetime(2026, 3, 12, 15, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    assert fagdag["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert str(fagdag["SUMMARY"]) == "Nasjonal fagdag" and str(fagdag["LOCATION"]) == "Oslo"
    assert "Aktivitetsplikten i praksis" in str(fagdag["DESCRIPTION"])
    assert str(fagdag["STATUS"]) == "CONFIRMED"
    assert str(by_uid[event_uid(series[1].id)]["STATUS"]) == "CANCELLED"
    assert "Skolenettverket" in str(by_uid[event_uid(series[0].id)]["DESCRIPTION"])
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Oslo"]


def test_uids_are_stable_and_sequence_grows(store, muni, tmp_path, monkeypatch):
    net = create_network(store, muni.id, {"name": "Barnehagenettverket", "target": "kindergarten"})
    series = plan_gathering_series(store, net.id, "2025H", 6, 1, time(12, 30), 180)
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    export_gatherings(store, muni.id, first, network_id=net.id)
    later = datetime.now(UTC) + timedelta(minutes=5)  # an edit made a little later
    monkeypatch.setattr("storage.services.common.utcnow", lambda: later)
    update_gathering(store, series[0].id, {"starts_at": datetime(2025, 8, 26, 12, 30)})
    export_gatherings(store, muni.id, second, network_id=net.id)
    old = {str(e["UID"]): e for e in read(first).walk("VEVENT")}
    new = {str(e["UID"]): e for e in read(second).walk("VEVENT")}
    assert old.keys() == new.keys() and len(new) == len(series)
    moved = event_uid(series[0].id)
    assert int(new[moved]["SEQUENCE"]) > int(old[moved]["SEQUENCE"])
    assert new[moved].decoded("DTSTART").date().isoformat() == "2025-08-26"
    untouched = event_uid(series[1].id)
    assert int(new[untouched]["SEQUENCE"]) == int(old[untouched]["SEQUENCE"])


def test_export_a_selection(store, muni, tmp_path):
    net = create_network(store, muni.id, {"name": "Nettverket", "target": "mixed"})
    series = plan_gathering_series(store, net.id, "2026H", 3, 0, time(9), 120)
    path = tmp_path / "utvalg.ics"
    assert export_gatherings(store, muni.id, path, ids=[series[0].id, series[2].id]) == 2
    assert {str(e["UID"]) for e in read(path).walk("VEVENT")} == {event_uid(series[0].id), event_uid(series[2].id)}
