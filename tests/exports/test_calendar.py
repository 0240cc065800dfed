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


def _year_of_gatherings(store, muni):
    """Weekly gatherings over two school years (across four summer-time changes) and programme days on
    the Saturday and Sunday of each change."""
    net = create_network(store, muni.id, {"name": "Skolenettverket", "target": "school"})
    gatherings = []
    for semester in ("2025H", "2026V", "2026H", "2027V"):
        gatherings += plan_gathering_series(store, net.id, semester, 1, 0, time(13, 30), 120)
    for semester, day in (("2026V", datetime(2026, 3, 28, 9, 0)), ("2026V", datetime(2026, 3, 29, 9, 0)),
                          ("2025H", datetime(2025, 10, 25, 9, 0)), ("2025H", datetime(2025, 10, 26, 9, 0)),
                          ("2026H", datetime(2026, 10, 25, 9, 0)), ("2027V", datetime(2027, 3, 28, 9, 0))):
        gatherings.append(add_programme_gathering(store, muni.id, GatheringKind.REGIONAL_GATHERING, semester,
                                                  day, place="Bergen"))
    return gatherings


def test_vtimezone_uses_yearly_rules_not_a_list_of_dates(store, muni, tmp_path):
    _year_of_gatherings(store, muni)
    path = tmp_path / "samlinger.ics"
    export_gatherings(store, muni.id, path)
    (tz,) = read(path).walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Oslo"
    parts = {p.name: p for p in tz.subcomponents}
    assert set(parts) == {"DAYLIGHT", "STANDARD"}
    for name, month in (("DAYLIGHT", 3), ("STANDARD", 10)):
        assert "RDATE" not in parts[name]
        rule = parts[name]["RRULE"]
        assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [month] and rule["BYDAY"] == ["-1SU"]


def test_a_second_parser_puts_every_event_at_the_right_utc_time(store, muni, tmp_path):
    """vobject reads the VTIMEZONE itself (not the system's zone data): each DTSTART in UTC must equal
    the gathering's Oslo wall-clock time converted with the tz database."""
    import vobject

    gatherings = _year_of_gatherings(store, muni)
    path = tmp_path / "samlinger.ics"
    export_gatherings(store, muni.id, path)
    expected = {event_uid(g.id): g.starts_at.replace(tzinfo=ZoneInfo("Europe/Oslo")).astimezone(UTC)
                for g in gatherings}
    parsed = vobject.readOne(path.read_text(encoding="utf-8"))
    got = {ev.uid.value: ev.dtstart.value.astimezone(UTC) for ev in parsed.vevent_list}
    assert len(got) == len(expected) > 60
    wrong = {uid: (got[uid], when) for uid, when in expected.items() if got[uid] != when}
    assert wrong == {}
    summer = sum(1 for when in expected.values() if when.utcoffset() == timedelta(0) and
                 when.astimezone(ZoneInfo("Europe/Oslo")).utcoffset() == timedelta(hours=2))
    assert 0 < summer < len(expected)  # both offsets are exercised


def test_cancelled_gathering_keeps_its_uid_and_says_avlyst(store, muni, tmp_path):
    net = create_network(store, muni.id, {"name": "Skolenettverket", "target": "school"})
    series = plan_gathering_series(store, net.id, "2026V", 4, 2, time(13, 30), 150)
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    export_gatherings(store, muni.id, first)
    cancel_gathering(store, series[1].id)
    export_gatherings(store, muni.id, second)
    before = {str(e["UID"]): e for e in read(first).walk("VEVENT")}
    after = {str(e["UID"]): e for e in read(second).walk("VEVENT")}
    assert set(before) == set(after)
    uid = event_uid(series[1].id)
    assert str(after[uid]["SUMMARY"]) == "AVLYST: " + str(before[uid]["SUMMARY"])
    assert str(after[uid]["STATUS"]) == "CANCELLED"
    others = [u for u in after if u != uid]
    assert all(not str(after[u]["SUMMARY"]).startswith("AVLYST") for u in others)
