"""Reach per unit and semester, and the municipality's summary (the rule is in storage.services.reach)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from storage.demo import generate_demo
from storage.enums import AttendeeRole
from storage.services.gatherings import record_gathering
from storage.services.gatherings_plan import cancel_gathering
from storage.services.municipalities import list_municipalities
from storage.services.reach import reach_by_unit, reach_per_semester, reach_summary
from storage.services.session_logs import add_log
from storage.services.units import update_unit
from tests.log_world import TODAY, make_world

SOLSIKKEN, LIA, TUSENFRYD = "Solsikken barnehage", "Lia skole", "Tusenfryd barnehage"


@pytest.fixture
def world(store):
    return make_world(store)


def log(store, unit_id, day: date, present: int, total: int = 20):
    add_log(store, unit_id, {"held_on": day, "staff_present": present, "staff_total": total,
                             "theme": "Voksenrollen"}, today=TODAY)


def gathering(store, world, day: date, counts: list[tuple[str, AttendeeRole, int]]):
    return record_gathering(store, world.municipality.id, {
        "kind": "network_meeting", "starts_at": datetime.combine(day, datetime.min.time()).replace(hour=12),
        "network_id": world.network.id,
        "attendance": [{"unit_id": world.unit(name).id if name else None, "role": role, "count": n}
                       for name, role, n in counts]}, today=TODAY)


def by_name(store, world, semester: str):
    return {r.unit_name: r for r in reach_by_unit(store, world.municipality.id, semester)}


def test_logs_count_the_largest_session_not_the_sum(store, world):
    sol = world.unit(SOLSIKKEN).id
    log(store, sol, date(2026, 9, 1), 8)
    log(store, sol, date(2026, 10, 1), 12)
    log(store, sol, date(2026, 3, 1), 19)  # another semester
    r = by_name(store, world, "2026H")[SOLSIKKEN]
    assert (r.from_logs, r.log_count, r.reached, r.staff) == (12, 2, 12, 20)
    assert r.share == pytest.approx(0.6)


def test_gatherings_count_staff_roles_per_gathering(store, world):
    gathering(store, world, date(2026, 9, 10), [(SOLSIKKEN, AttendeeRole.LEADER, 1),
                                                (SOLSIKKEN, AttendeeRole.PEDAGOGICAL_LEADER, 2),
                                                (SOLSIKKEN, AttendeeRole.PARENTS, 30),
                                                (None, AttendeeRole.OWNER, 2)])
    gathering(store, world, date(2026, 10, 10), [(SOLSIKKEN, AttendeeRole.LEADER, 1),
                                                 (SOLSIKKEN, AttendeeRole.ASSISTANT, 4),
                                                 (SOLSIKKEN, AttendeeRole.PPT, 2)])
    r = by_name(store, world, "2026H")[SOLSIKKEN]
    assert (r.from_gatherings, r.gathering_count) == (5, 2)  # parents, owner and PPT are not its staff
    assert r.reached == 5


def test_cancelled_gatherings_do_not_count(store, world):
    detail = gathering(store, world, date(2026, 9, 10), [(TUSENFRYD, AttendeeRole.LEADER, 1)])
    cancel_gathering(store, detail.gathering.id)
    assert by_name(store, world, "2026H")[TUSENFRYD].reached == 0


def test_logs_and_gatherings_are_not_added(store, world):
    sol = world.unit(SOLSIKKEN).id
    log(store, sol, date(2026, 9, 1), 6)
    gathering(store, world, date(2026, 9, 10), [(SOLSIKKEN, AttendeeRole.PEDAGOGICAL_LEADER, 4)])
    r = by_name(store, world, "2026H")[SOLSIKKEN]
    assert (r.from_logs, r.from_gatherings, r.reached) == (6, 4, 6)


def test_reached_is_capped_at_staff_and_unknown_staff_falls_back(store, world):
    tus = world.unit(TUSENFRYD)
    log(store, tus.id, date(2026, 9, 1), 15, total=15)  # the unit registered 12 staff
    assert by_name(store, world, "2026H")[TUSENFRYD].reached == 12
    update_unit(store, tus.id, {"staff_count": 0})
    r = by_name(store, world, "2026H")[TUSENFRYD]
    assert (r.staff, r.reached, r.share) == (15, 15, 1.0)


def test_share_is_unknown_without_staff(store, world):
    update_unit(store, world.unit(LIA).id, {"staff_count": 0})
    r = by_name(store, world, "2026H")[LIA]
    assert r.share is None and r.reached == 0


def test_municipality_summary(store, world):
    log(store, world.unit(SOLSIKKEN).id, date(2026, 9, 1), 10)  # 10 of 20: half
    log(store, world.unit(LIA).id, date(2026, 9, 1), 6, total=30)  # 6 of 30: some
    summary = reach_summary(store, world.municipality.id, "2026H")
    assert (summary.units, summary.units_known_staff) == (3, 3)
    assert (summary.units_half_or_more, summary.units_some, summary.units_none) == (1, 1, 1)
    assert (summary.staff, summary.reached) == (62, 16)
    assert summary.share == pytest.approx(16 / 62)
    per = reach_per_semester(store, world.municipality.id)
    assert list(per) == ["2025H", "2026V", "2026H", "2027V"] and per["2026H"] == summary


def test_reach_on_demo_data_is_a_share_between_nothing_and_everyone(store):
    generate_demo(store, scale="municipality", seed=3)
    [muni] = list_municipalities(store)
    for semester, summary in reach_per_semester(store, muni.id).items():
        rows = reach_by_unit(store, muni.id, semester)
        assert summary.units == len(rows)
        assert all(r.share is None or 0 <= r.share <= 1 for r in rows)
        assert summary.reached <= summary.staff


def test_all_semesters_at_once_equals_one_by_one(store):
    from storage.demo import generate_demo
    from storage.services.municipalities import current_municipality, participation_of
    from storage.services.reach import reach_by_semester, reach_by_unit

    generate_demo(store)
    municipality = current_municipality(store)
    semesters = participation_of(store, municipality.id).semesters
    together = reach_by_semester(store, municipality.id, semesters)
    assert list(together) == semesters
    for semester in semesters:
        assert together[semester] == reach_by_unit(store, municipality.id, semester)
    assert any(row.reached for rows in together.values() for row in rows)
