"""Coding answers: by reference and shortcut, single vs multiple vs numeric, user codes, deleting codes."""

from __future__ import annotations

from datetime import date

import pytest

from storage.errors import DomainError
from storage.services.codebooks import (
    add_code,
    code_usage,
    create_codebook,
    delete_code,
    get_codebook,
    list_codebooks,
)
from storage.services.coding import (
    apply_codes,
    apply_shortcuts,
    clear_dimension,
    response_codes,
    session_coders,
    set_number,
)
from storage.services.vignette_sessions import capture_response, create_session
from storage.services.vignettes import list_vignettes


@pytest.fixture
def answers(store, muni):
    version = list_vignettes(store, target="school")[0].latest
    s = create_session(store, {"municipality_id": muni.id, "vignette_version_id": version.id,
                               "held_on": date(2025, 11, 5)})
    return [capture_response(store, s.session.id, {"text": f"Svar nummer {i}: vi griper inn og varsler."}).response
            for i in range(3)]


def test_the_builtin_codebook_has_seven_dimensions_in_order(store, muni):
    view = get_codebook(store)
    assert [d.key for d in view.dimensions] == ["responsibility", "perspective", "repertoire", "regulations",
                                                "classification", "pdh", "duty_to_act"]
    assert view.dimension("responsibility").label == "Ansvar"
    assert view.dimension("pdh").multiple and view.dimension("repertoire").numeric
    assert view.by_shortcut["s"].key == "systemic"
    assert [b.name for b in list_codebooks(store)] == ["Standard kodebok"]


def test_single_choice_replaces_and_multiple_choice_toggles(store, answers):
    rid = answers[0].id
    state = apply_codes(store, rid, "RP", ["responsibility:low", "pdh:prevent", "detect"])
    assert state.keys() == {"responsibility:low", "pdh:prevent", "pdh:detect"}
    state = apply_codes(store, rid, "RP", ["high", "pdh.prevent"])
    assert state.keys() == {"responsibility:high", "pdh:detect"}
    assert response_codes(store, rid, "RP").keys() == state.keys()
    # toggling twice in one call leaves it as it was
    assert apply_codes(store, rid, "RP", ["handle", "handle"]).keys() == state.keys()


def test_shortcuts_code_by_keys_case_insensitively(store, answers):
    state = apply_shortcuts(store, answers[0].id, "RP", "2S l F 4")
    assert state.keys() == {"responsibility:medium", "perspective:systemic", "regulations:invoked",
                            "pdh:prevent", "duty_to_act:follow"}
    state = apply_shortcuts(store, answers[0].id, "RP", "3n4")
    assert state.keys() == {"responsibility:high", "perspective:systemic", "regulations:not_invoked",
                            "pdh:prevent"}


def test_coders_are_kept_apart(store, answers):
    apply_codes(store, answers[0].id, "RP", ["high"])
    apply_codes(store, answers[0].id, "K2", ["medium"])
    apply_codes(store, answers[1].id, "RP", ["low"])
    assert response_codes(store, answers[0].id, "RP").keys() == {"responsibility:high"}
    assert response_codes(store, answers[0].id, "K2").keys() == {"responsibility:medium"}
    assert session_coders(store, answers[0].session_id) == [("RP", 2), ("K2", 1)]


def test_the_repertoire_count_is_a_number(store, answers):
    rid = answers[0].id
    assert set_number(store, rid, "RP", "repertoire", 3).numbers == {"repertoire": 3}
    assert set_number(store, rid, "RP", "repertoire", 5).numbers == {"repertoire": 5}
    assert code_usage(store, get_codebook(store).code("repertoire:count").id) == 1
    assert set_number(store, rid, "RP", "repertoire", None).numbers == {}
    with pytest.raises(DomainError, match="«Handlingsrepertoar» er et antall"):
        apply_shortcuts(store, rid, "RP", "a")
    with pytest.raises(DomainError, match="helt tall fra 0 til 1000"):
        set_number(store, rid, "RP", "repertoire", -1)
    with pytest.raises(DomainError, match="«Ansvar» er ikke et antall"):
        set_number(store, rid, "RP", "responsibility", 2)


def test_a_code_outside_the_codebook_is_refused_and_nothing_is_stored(store, answers, counts):
    before = counts()
    with pytest.raises(DomainError) as err:
        apply_codes(store, answers[0].id, "RP", ["responsibility:high", "courage"])
    assert err.value.message == "Koden «courage» finnes ikke i kodeboka «Standard kodebok»."
    assert err.value.field == "code"
    assert counts() == before
    with pytest.raises(DomainError, match="Hurtigtasten «z» hører ikke til noen kode"):
        apply_shortcuts(store, answers[0].id, "RP", "3z")
    with pytest.raises(DomainError, match="Koden «perspective:high» finnes ikke"):
        apply_codes(store, answers[0].id, "RP", ["perspective:high"])
    assert counts() == before


def test_a_coder_is_required(store, answers):
    with pytest.raises(DomainError, match="Skriv inn hvem som koder"):
        apply_codes(store, answers[0].id, "  ", ["high"])


def test_user_codes_in_a_new_dimension_and_in_an_existing_one(store, answers):
    book = create_codebook(store, "Vår kodebok", copy_from=get_codebook(store).codebook.id)
    assert len(book.by_id) == len(get_codebook(store).by_id)
    parents = add_code(store, book.codebook.id, {"dimension": "Foreldresamarbeid", "label": "Foreldre involvert",
                                                 "shortcut": "p"})
    assert parents.key == "foreldre_involvert" and not parents.multiple and parents.ordinal == 1
    extra = add_code(store, book.codebook.id, {"dimension": "pdh", "label": "Følge opp over tid", "shortcut": "o",
                                               "multiple": False})
    assert extra.multiple and extra.ordinal == 4  # takes the dimension's kind
    view = get_codebook(store, book.codebook.id)
    assert view.dimensions[-1].key == "Foreldresamarbeid" and view.dimensions[-1].label == "Foreldresamarbeid"
    state = apply_shortcuts(store, answers[0].id, "RP", "po", codebook_id=book.codebook.id)
    assert state.keys() == {"Foreldresamarbeid:foreldre_involvert", "pdh:folge_opp_over_tid"}
    with pytest.raises(DomainError, match="Hurtigtasten «P» brukes allerede av «Foreldre involvert»"):
        add_code(store, book.codebook.id, {"dimension": "Foreldresamarbeid", "label": "Noe annet", "shortcut": "P"})
    with pytest.raises(DomainError, match="«Foreldre involvert» finnes allerede"):
        add_code(store, book.codebook.id, {"dimension": "Foreldresamarbeid", "label": "foreldre involvert"})
    with pytest.raises(DomainError, match="er et antall og har bare én kode"):
        add_code(store, book.codebook.id, {"dimension": "repertoire", "label": "Mange"})
    with pytest.raises(DomainError, match="finnes allerede"):
        create_codebook(store, "vår kodebok")


def test_deleting_a_code_in_use_needs_a_choice(store, answers, counts):
    book = create_codebook(store, "Egen")
    a = add_code(store, book.codebook.id, {"dimension": "Tone", "label": "Varm"})
    b = add_code(store, book.codebook.id, {"dimension": "Tone", "label": "Kjølig"})
    other = add_code(store, book.codebook.id, {"dimension": "Lengde", "label": "Kort"})
    for r in answers[:2]:
        apply_codes(store, r.id, "RP", [a.id], codebook_id=book.codebook.id)
    before = counts()
    with pytest.raises(DomainError) as err:
        delete_code(store, a.id)
    assert err.value.message == ("Koden «Varm» er brukt i 2 kodinger. Velg en annen kode i «Tone» som kodingene "
                                 "skal flyttes til, eller velg å slette kodingene.")
    with pytest.raises(DomainError, match="bare flyttes til en annen kode i samme dimensjon"):
        delete_code(store, a.id, remap_to=other.id)
    assert counts() == before
    assert delete_code(store, a.id, remap_to=b.id) == 2
    assert code_usage(store, b.id) == 2
    assert response_codes(store, answers[0].id, "RP", book.codebook.id).keys() == {"Tone:kjolig"}
    assert delete_code(store, b.id, delete_codings=True) == 2
    assert response_codes(store, answers[0].id, "RP", book.codebook.id).keys() == set()
    assert delete_code(store, other.id) == 0


def test_builtin_codes_cannot_be_deleted(store, answers):
    with pytest.raises(DomainError, match="innebygde kodeboka kan ikke slettes"):
        delete_code(store, get_codebook(store).code("responsibility:low").id, delete_codings=True)


def test_clear_dimension(store, answers):
    apply_codes(store, answers[0].id, "RP", ["high", "prevent", "detect"])
    assert clear_dimension(store, answers[0].id, "RP", "pdh").keys() == {"responsibility:high"}
    assert response_codes(store, answers[0].id, "RP").keys() == {"responsibility:high"}
