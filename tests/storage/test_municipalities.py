from datetime import date

import pytest

from storage.errors import DomainError
from storage.schema_version import HEAD
from storage.services.municipalities import (
    count_municipalities,
    create_municipality,
    current_municipality,
    list_municipalities,
    participation_of,
    set_current_municipality,
)
from storage.services.overview import check_database, overview_counts

MUNICIPALITY = {"name": "Fjordvik", "number": "4699", "county": "Vestland", "inhabitants": 12000}
PARTICIPATION = {"cohort": 7, "kindergarten_authority": True, "school_owner": True,
                 "period_start": date(2025, 8, 1), "period_end": date(2027, 6, 30)}


def test_create_municipality_proposes_grants_and_becomes_current(store):
    created = create_municipality(store, MUNICIPALITY, PARTICIPATION)
    assert current_municipality(store).id == created.id
    part = participation_of(store, created.id)
    assert part.semesters == ["2025H", "2026V", "2026H", "2027V"]
    counts = overview_counts(store, created.id)
    assert counts.grant_nok == 520_000
    assert counts.cohort == 7 and counts.kindergartens == 0 and counts.session_logs == 0


def test_independent_school_gets_100_000(store):
    created = create_municipality(store, {**MUNICIPALITY, "number": "4698"},
                                  {**PARTICIPATION, "kindergarten_authority": False, "school_owner": False,
                                   "independent_school": True})
    assert overview_counts(store, created.id).grant_nok == 100_000


@pytest.mark.parametrize("municipality, participation, field, message", [
    ({**MUNICIPALITY, "number": "46a9"}, PARTICIPATION, "number", "fire sifre"),
    ({**MUNICIPALITY, "name": "F"}, PARTICIPATION, "name", "«Kommune» er for kort"),
    ({**MUNICIPALITY, "county": ""}, PARTICIPATION, "county", "«Fylke»"),
    (MUNICIPALITY, {**PARTICIPATION, "period_end": date(2025, 1, 1)}, "period_end", "før periodestart"),
    (MUNICIPALITY, {**PARTICIPATION, "kindergarten_authority": False, "school_owner": False},
     "kindergarten_authority", "minst én rolle"),
    (MUNICIPALITY, {**PARTICIPATION, "cohort": 0}, "cohort", "«Pulje» må være minst 1"),
    (MUNICIPALITY, {**PARTICIPATION, "period_start": "i fjor"}, "period_start", "«Periodestart» må være en dato"),
])
def test_bad_input_is_refused_with_a_norwegian_message_and_nothing_stored(
        store, municipality, participation, field, message):
    with pytest.raises(DomainError) as caught:
        create_municipality(store, municipality, participation)
    assert caught.value.field == field
    assert message in caught.value.message
    assert count_municipalities(store) == 0
    assert sum(check_database(store).row_counts[t] for t in ("municipality", "participation", "grant")) == 0


def test_duplicate_number_is_refused_and_first_kept(store):
    create_municipality(store, MUNICIPALITY, PARTICIPATION)
    with pytest.raises(DomainError, match="finnes allerede"):
        create_municipality(store, {**MUNICIPALITY, "name": "Annen"}, PARTICIPATION)
    assert [m.name for m in list_municipalities(store)] == ["Fjordvik"]


def test_switching_current_municipality(store):
    first = create_municipality(store, MUNICIPALITY, PARTICIPATION)
    second = create_municipality(store, {**MUNICIPALITY, "name": "Aslandet", "number": "4697"}, PARTICIPATION,
                                 make_current=False)
    assert current_municipality(store).id == first.id
    set_current_municipality(store, second.id)
    assert current_municipality(store).name == "Aslandet"


def test_check_database_on_fresh_db(store):
    report = check_database(store)
    assert report.ok and report.problems == []
    assert report.revision == HEAD  # the newest schema
    assert report.row_counts["setting"] == 1  # the database identity
    assert len(report.database_id) == 36


def test_first_municipality_brings_the_builtin_content(store):
    create_municipality(store, MUNICIPALITY, PARTICIPATION)
    counts = check_database(store).row_counts
    assert counts["codebook"] == 1 and counts["code"] > 10 and counts["vignette"] >= 2
    assert counts["vignette_version"] == counts["vignette"]


def test_start_up_probe_reads_the_current_municipality_name(store, db_path):
    from storage.migrate import prepare_database

    create_municipality(store, MUNICIPALITY, PARTICIPATION)
    second = create_municipality(store, {**MUNICIPALITY, "name": "Aslandet", "number": "4697"}, PARTICIPATION)
    assert prepare_database(db_path).municipality_name == "Aslandet"
    set_current_municipality(store, second.id)
    assert prepare_database(db_path).municipality_name == "Aslandet"
