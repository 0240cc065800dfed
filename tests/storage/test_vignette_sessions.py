"""Vignette sessions and captured answers: pseudonyms, anonymous mode, word count, bad input."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from storage.errors import DomainError
from storage.models.vignettes import MAX_ANSWER_CHARS
from storage.services.units import add_unit
from storage.services.vignette_sessions import (
    capture_response,
    create_session,
    delete_session,
    get_session,
    list_responses,
    list_sessions,
    next_pseudonym,
    update_response,
    update_session,
)
from storage.services.vignettes import list_vignettes

ANSWER = "Vi ville snakket med jenta først, og så med de andre barna om hvordan leken kan bli åpen for flere."


@pytest.fixture
def vignette(store, muni):
    return list_vignettes(store, target="kindergarten")[0]


@pytest.fixture
def vsession(store, muni, vignette):
    return create_session(store, {
        "municipality_id": muni.id, "vignette_version_id": vignette.latest.id, "held_on": date(2025, 10, 1),
        "groups": [{"name": "Gruppe 1", "unit_kind": "kindergarten", "roles": ["leader", "assistant", " "]},
                   {"name": "Gruppe 2", "unit_kind": "school", "roles": ["pedagogical_leader"]}]})


@pytest.fixture
def unit(store, muni):
    return add_unit(store, muni.id, {"name": "Solsiden barnehage", "kind": "kindergarten"})


def test_create_session_takes_title_and_phases_from_the_vignette(vsession, vignette):
    s = vsession.session
    assert s.title == f"{vignette.vignette.title} – 01.10.2025"
    assert s.phase_minutes == vignette.latest.phase_minutes
    assert [g.name for g in vsession.groups] == ["Gruppe 1", "Gruppe 2"]
    assert vsession.groups[0].roles == ["leader", "assistant"]
    assert vsession.responses == 0 and vsession.version.id == vignette.latest.id


def test_groups_need_different_names(store, muni, vignette, counts):
    before = counts()
    with pytest.raises(DomainError, match="To grupper heter «Gruppe 1»"):
        create_session(store, {"municipality_id": muni.id, "vignette_version_id": vignette.latest.id,
                               "held_on": date(2025, 10, 1),
                               "groups": [{"name": "Gruppe 1"}, {"name": "gruppe 1"}]})
    assert counts() == before


def test_capture_computes_the_word_count_and_suggests_the_next_pseudonym(store, vsession, unit):
    sid = vsession.session.id
    assert next_pseudonym(store, sid) == "Deltaker 1"
    first = capture_response(store, sid, {"text": ANSWER, "unit_id": unit.id, "role": "assistant"})
    assert first.response.respondent == "Deltaker 1"
    assert first.response.word_count == 20
    assert first.response.unit_kind == "kindergarten"  # taken from the unit
    assert first.warnings == []
    capture_response(store, sid, {"respondent": "Deltaker 12", "text": "Snakke med barna."})
    assert next_pseudonym(store, sid) == "Deltaker 13"
    assert next_pseudonym(store, sid, "group") == "Gruppe 1"
    capture_response(store, sid, {"respondent_kind": "group", "text": "Vi ville grepet inn.",
                                  "unit_kind": "school", "role": "pedagogical_leader"})
    assert next_pseudonym(store, sid, "group") == "Gruppe 2"
    names = [r.respondent for r in list_responses(store, sid)]
    assert names == ["Gruppe 1", "Deltaker 1", "Deltaker 12"]
    assert get_session(store, sid).responses == 3


def test_anonymous_mode_stores_no_unit(store, muni, vignette, unit):
    anon = create_session(store, {"municipality_id": muni.id, "vignette_version_id": vignette.latest.id,
                                  "held_on": date(2025, 10, 1), "anonymous": True})
    result = capture_response(store, anon.session.id, {"text": ANSWER, "unit_id": unit.id,
                                                       "unit_kind": "kindergarten", "role": "leader"})
    assert result.response.unit_id is None
    assert result.response.unit_kind == "kindergarten" and result.response.role == "leader"


def test_turning_anonymous_on_later_removes_the_units(store, vsession, unit):
    sid = vsession.session.id
    capture_response(store, sid, {"text": ANSWER, "unit_id": unit.id})
    update_session(store, sid, {"anonymous": True})
    assert [r.unit_id for r in list_responses(store, sid)] == [None]


def test_an_empty_answer_is_refused_and_nothing_is_stored(store, vsession, counts):
    before = counts()
    with pytest.raises(DomainError) as err:
        capture_response(store, vsession.session.id, {"text": "   \n\t "})
    assert err.value.message == "Svaret er tomt. Skriv inn svaret før du lagrer."
    assert err.value.field == "text"
    assert counts() == before


def test_an_answer_over_the_length_limit_is_refused_and_nothing_is_stored(store, vsession, counts):
    before = counts()
    with pytest.raises(DomainError) as err:
        capture_response(store, vsession.session.id, {"text": "ord " * 1500})
    assert err.value.message.startswith("Svaret er for langt: 5\u00a0999 tegn, høyst 5\u00a0000 er tillatt.")
    assert counts() == before
    # exactly at the limit is fine
    ok = capture_response(store, vsession.session.id, {"text": "a" * MAX_ANSWER_CHARS})
    assert len(ok.response.text) == MAX_ANSWER_CHARS


def test_a_pseudonym_is_used_once_per_session(store, vsession, counts):
    capture_response(store, vsession.session.id, {"respondent": "Deltaker 3", "text": ANSWER})
    before = counts()
    with pytest.raises(DomainError, match="«deltaker  3» har allerede et svar"):
        capture_response(store, vsession.session.id, {"respondent": "deltaker  3", "text": ANSWER})
    assert counts() == before


def test_answers_with_personal_identifiers_are_stored_with_warnings(store, vsession):
    result = capture_response(store, vsession.session.id, {
        "text": "Mor (ring 412 34 567 eller mor@example.no) sier at gutten har det vondt."})
    assert result.response.id
    assert len(result.warnings) == 2
    assert "telefonnummer (412 34 567)" in result.warnings[0]
    assert "e-postadresse (mor@example.no)" in result.warnings[1]


def test_update_response_recounts_words_and_checks_the_text(store, vsession, counts):
    captured = capture_response(store, vsession.session.id, {"text": ANSWER})
    edited = update_response(store, captured.response.id, {"text": "Gripe inn med en gang."})
    assert edited.response.word_count == 5
    before = counts()
    with pytest.raises(DomainError, match="Svaret er tomt"):
        update_response(store, captured.response.id, {"text": ""})
    assert counts() == before


def test_unit_from_another_municipality_or_unknown_session_is_refused(store, vsession):
    with pytest.raises(DomainError, match="Fant ikke enheten"):
        capture_response(store, vsession.session.id, {"text": ANSWER, "unit_id": uuid.uuid4()})
    with pytest.raises(DomainError, match="Fant ikke vignettøkta"):
        capture_response(store, uuid.uuid4(), {"text": ANSWER})


def test_list_and_delete_sessions(store, muni, vsession, vignette):
    capture_response(store, vsession.session.id, {"text": ANSWER})
    assert [s.session.id for s in list_sessions(store, muni.id, vignette_id=vignette.id)] == [vsession.session.id]
    assert list_sessions(store, muni.id, vignette_id=uuid.uuid4()) == []
    delete_session(store, vsession.session.id)
    assert list_sessions(store, muni.id) == []
