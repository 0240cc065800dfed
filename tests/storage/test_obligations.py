from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from storage.enums import AttendeeRole, GatheringKind
from storage.errors import DomainError
from storage.models import Attendance, PlanVersion
from storage.services.funds import add_expense
from storage.services.gatherings_plan import add_programme_gathering, update_gathering
from storage.services.municipalities import create_municipality, participation_of
from storage.services.obligations import Obligation, ObligationStatus, obligations_status
from storage.services.plans import save_plan
from storage.services.resource_persons import add_person_with_assignment
from storage.services.units import add_unit

TODAY = date(2026, 11, 20)
START, END = date(2025, 8, 1), date(2027, 6, 30)


def held(store, gathering, owner=0):
    update_gathering(store, gathering.id, {"status": "held"})
    if owner:
        with store.transaction() as s:
            s.add(Attendance(gathering_id=gathering.id, role=AttendeeRole.OWNER, count=owner))


def plan_version_on(store, part, day, text):
    version = save_plan(store, part.id, {"organisation": text}, [], f"Endret {day}").version
    with store.transaction() as s:
        row = s.exec(select(PlanVersion).where(PlanVersion.id == version.id)).one()
        row.created_at = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)


@pytest.fixture
def scenario(store, muni, part):
    add = add_programme_gathering
    held(store, add(store, muni.id, GatheringKind.NATIONAL_SPECIALIST_DAY, "2025H", datetime(2025, 10, 2, 9)), 2)
    held(store, add(store, muni.id, "regional_gathering", "2025H", datetime(2025, 11, 12, 9)))
    held(store, add(store, muni.id, "local_startup", "2025H", datetime(2025, 8, 26, 8, 30)), 3)
    held(store, add(store, muni.id, GatheringKind.NATIONAL_SPECIALIST_DAY, "2026V", datetime(2026, 3, 3, 9)))
    add(store, muni.id, GatheringKind.NATIONAL_SPECIALIST_DAY, "2026H", datetime(2026, 10, 1, 9))
    add(store, muni.id, "regional_gathering", "2026H", datetime(2026, 12, 1, 9))
    add_person_with_assignment(store, muni.id, {"name": "Kari"}, {"area": "kindergarten", "position_percent": 20,
                                                                   "start": START, "end": END})
    add_person_with_assignment(store, muni.id, {"name": "Ola"}, {"area": "school", "position_percent": 20,
                                                                  "start": START, "end": date(2026, 11, 30)})
    for name, stages in (("Lia skole", "1-7"), ("Nordby ungdomsskole", "8-10")):
        add_unit(store, muni.id, {"name": name, "kind": "school", "stages": stages})
    plan_version_on(store, part, date(2025, 9, 15), "Første tekst")
    for month in range(8, 13):
        add_expense(store, part.id, {"spent_on": date(2025, month, 10), "amount_nok": 25_000,
                                     "category": "resource_person"})
    return {(line.semester, line.obligation): line for line in obligations_status(store, muni.id, today=TODAY)}


def test_every_semester_has_every_obligation(scenario):
    assert {s for s, _ in scenario} == {"2025H", "2026V", "2026H", "2027V"}
    assert len(scenario) == 4 * len(Obligation)
    assert all(line.reason and line.fix_target for line in scenario.values())


@pytest.mark.parametrize("semester, obligation, status, reason", [
    ("2025H", "national_specialist_day", "met", "Deltok 02.10.2025 med eiernivået."),
    ("2025H", "regional_gathering", "met", "Deltok 12.11.2025."),
    ("2025H", "local_startup", "met", "Holdt 26.08.2025."),
    ("2025H", "resource_persons", "met", "Minst 20 % per område i alle 5 månedene."),
    ("2025H", "school_stages", "met", "Barnetrinn: 1 skole, ungdomstrinn: 1 skole."),
    ("2025H", "plan_updated", "met", "Ny versjon lagret 15.09.2025."),
    ("2025H", "funds_on_track", "met", "Brukt 125\u00a0000\u00a0kr av 520\u00a0000\u00a0kr."),
    ("2026V", "national_specialist_day", "missing", "Fagdag 03.03.2026 er registrert uten noen fra eiernivået."),
    ("2026V", "regional_gathering", "missing", "Ingen regional samling er lagt inn for våren 2026."),
    ("2026V", "local_startup", "not_applicable", "Holdt 26.08.2025."),
    ("2026V", "plan_updated", "follow_up", "Planen ble ikke oppdatert våren 2026."),
    ("2026V", "funds_on_track", "follow_up", "mer enn dobbelt så raskt"),
    ("2026H", "national_specialist_day", "at_risk", "Fagdag 01.10.2026 er ikke registrert som gjennomført."),
    ("2026H", "regional_gathering", "planned", "Planlagt 01.12.2026, ikke holdt ennå."),
    ("2026H", "resource_persons", "at_risk", "Desember 2026: skole har 0 %"),
    ("2026H", "plan_updated", "follow_up", "Planen er ikke oppdatert ennå høsten 2026."),
    ("2026H", "funds_on_track", "follow_up", "mer enn dobbelt så raskt"),
    ("2027V", "national_specialist_day", "at_risk", "Ingen fagdag er lagt inn for våren 2027."),
    ("2027V", "resource_persons", "at_risk", "Januar 2027: skole har 0 % (minst 20 % per område). Også 5 måneder til."),
    ("2027V", "plan_updated", "not_applicable", "Vurderes når semesteret er i gang."),
    ("2027V", "funds_on_track", "not_applicable", "Vurderes når semesteret er i gang."),
])
def test_rules(scenario, semester, obligation, status, reason):
    line = scenario[(semester, obligation)]
    assert line.status == status and reason in line.reason


def test_fix_targets_and_labels(scenario):
    line = scenario[("2026H", "resource_persons")]
    assert line.fix_target == "planning.resource_persons" and line.status.label == "I fare"
    assert scenario[("2025H", "plan_updated")].fix_target == "planning.plan"
    assert scenario[("2025H", "funds_on_track")].fix_target == "funds"
    assert ObligationStatus.NOT_APPLICABLE.label == "Gjelder ikke" and Obligation.LOCAL_STARTUP.label


def test_past_resource_gap_is_missing(store, muni):
    add_person_with_assignment(store, muni.id, {"name": "Kari"}, {"area": "both", "position_percent": 30,
                                                                   "start": START, "end": END})
    line = obligations_status(store, muni.id, "2025H", today=TODAY)[3]
    assert line.obligation == "resource_persons" and line.status == "missing"
    assert line.reason.startswith("August 2025: barnehage har 15 % og skole har 15 %")


def test_one_semester_and_semester_outside_the_period(store, muni):
    lines = obligations_status(store, muni.id, "2026V", today=TODAY)
    assert {line.semester for line in lines} == {"2026V"} and len(lines) == len(Obligation)
    with pytest.raises(DomainError) as caught:
        obligations_status(store, muni.id, "2031H", today=TODAY)
    assert caught.value.field == "semester" and "utenfor perioden (2025H–2027V)" in caught.value.message
    with pytest.raises(DomainError, match="ikke et semester"):
        obligations_status(store, muni.id, "høst", today=TODAY)


def test_kindergarten_authority_only(store):
    only = create_municipality(store, {"name": "Barnevik", "number": "4690", "county": "Vestland"},
                               {"cohort": 7, "kindergarten_authority": True, "period_start": START,
                                "period_end": END})
    lines = {(line.semester, line.obligation): line for line in obligations_status(store, only.id, today=TODAY)}
    assert lines[("2025H", "school_stages")].status == "not_applicable"
    startup = [lines[(s, "local_startup")].status for s in ("2025H", "2026V", "2026H", "2027V")]
    assert startup == ["missing", "missing", "at_risk", "not_applicable"]
    assert participation_of(store, only.id).school_owner is False


def test_school_owner_missing_a_stage(store, muni):
    add_unit(store, muni.id, {"name": "Lia skole", "kind": "school", "stages": "1-7"})
    add_unit(store, muni.id, {"name": "Ny skole", "kind": "school"})
    line = {(x.semester, x.obligation): x for x in obligations_status(store, muni.id, today=TODAY)}
    assert line[("2026V", "school_stages")].status == "follow_up"
    assert line[("2026V", "school_stages")].reason == ("Ingen deltakende skoler med ungdomstrinn. "
                                                      "1 skole mangler trinn.")
    assert line[("2027V", "school_stages")].status == "follow_up"
