"""The vignette library: list, search, create, edit with versions, duplicate, archive."""

from __future__ import annotations

from datetime import date

import pytest

from storage.content import load_vignettes
from storage.errors import DomainError
from storage.services.vignette_sessions import create_session, get_session
from storage.services.vignettes import (
    archive_vignette,
    create_vignette,
    duplicate_vignette,
    get_vignette,
    list_vignettes,
    update_vignette,
    vignette_versions,
)

TEXT = ("På avdelingen har to gutter lenge lekt sammen hver dag. Den siste uka har den ene begynt å si at "
        "den andre ikke får være med, og de andre barna gjør det samme. Hva gjør du?")
NEW = {"title": "Vennskap som brister", "target": "kindergarten", "text": TEXT,
       "follow_up_questions": ["Hva vet dere om det som har skjedd?", "  ", "Hvem snakker dere med først?"],
       "setting": "Frilek inne", "themes": ["forebygge", "vennskap"], "phase_minutes": [4, 12, 10]}


def test_builtin_library_is_listed_and_filtered(store, muni):
    everything = list_vignettes(store)
    assert len(everything) == len(load_vignettes())
    kindergarten = list_vignettes(store, target="kindergarten")
    school = list_vignettes(store, target="school")
    assert kindergarten and school
    assert all(i.vignette.target in ("kindergarten", "both") for i in kindergarten)
    assert all(i.vignette.target in ("school", "both") for i in school)
    assert all(i.versions == 1 and i.sessions == 0 and i.builtin for i in everything)


def test_search_is_case_insensitive_over_text_and_themes_with_norwegian_letters(store, muni):
    hits = list_vignettes(store, search="KLASSECHAT")
    assert hits and all("klassechat" in (i.latest.text + i.vignette.title).casefold() for i in hits)
    create_vignette(store, NEW | {"title": "Ærfuglen på SFO", "themes": ["håndtere"]})
    assert [i.vignette.title for i in list_vignettes(store, search="ÆRFUGL")] == ["Ærfuglen på SFO"]
    assert any(i.vignette.title == "Ærfuglen på SFO" for i in list_vignettes(store, search="HÅNDTERE"))
    assert list_vignettes(store, search="finnes ikke i noen tekst") == []


def test_create_tidies_the_input(store):
    item = create_vignette(store, NEW)
    assert item.vignette.builtin_key is None and not item.builtin
    assert item.latest.version == 1
    assert item.latest.follow_up_questions == ["Hva vet dere om det som har skjedd?", "Hvem snakker dere med først?"]
    assert item.latest.phase_minutes == [4, 12, 10]


def test_create_with_a_too_short_text_names_the_field(store):
    with pytest.raises(DomainError) as err:
        create_vignette(store, NEW | {"text": "   For kort.  "})
    assert err.value.message == "«Tekst» er for kort (minst 20 tegn)."
    assert err.value.field == "text"
    assert list_vignettes(store) == []


def test_bad_phase_lengths_are_refused_in_norwegian(store):
    with pytest.raises(DomainError, match="tre tall fra 0 til 120 minutter"):
        create_vignette(store, NEW | {"phase_minutes": [5, 500, 5]})


def test_editing_an_unused_vignette_changes_its_latest_version_in_place(store):
    item = create_vignette(store, NEW)
    result = update_vignette(store, item.id, {"text": TEXT.replace("to gutter", "to jenter")})
    assert not result.new_version
    assert result.item.versions == 1
    assert "to jenter" in result.item.latest.text
    assert result.item.latest.id == item.latest.id


def test_editing_after_use_makes_a_new_version_and_the_old_session_keeps_its_text(store, muni):
    item = create_vignette(store, NEW)
    used = create_session(store, {"municipality_id": muni.id, "vignette_version_id": item.latest.id,
                                  "held_on": date(2025, 9, 10)})
    result = update_vignette(store, item.id, {"text": TEXT.replace("to gutter", "to jenter"),
                                              "title": "Vennskap som brister (revidert)"})
    assert result.new_version
    assert result.item.versions == 2 and result.item.latest.version == 2
    assert "to jenter" in result.item.latest.text
    old = get_session(store, used.session.id)
    assert old.version.version == 1 and old.version.text == TEXT
    assert [v.version for v in vignette_versions(store, item.id)] == [2, 1]
    # the title belongs to the vignette, not the version
    assert old.vignette.title == "Vennskap som brister (revidert)"
    # a later session gets the new version; editing again makes a third one only once that is used
    again = update_vignette(store, item.id, {"setting": "Garderoben"})
    assert not again.new_version and again.item.versions == 2


def test_changing_only_title_or_target_makes_no_version(store, muni):
    item = create_vignette(store, NEW)
    create_session(store, {"municipality_id": muni.id, "vignette_version_id": item.latest.id,
                           "held_on": date(2025, 9, 10)})
    result = update_vignette(store, item.id, {"title": "Ny tittel", "target": "both"})
    assert not result.new_version and result.item.versions == 1
    assert result.item.vignette.target == "both"


def test_duplicate_copies_the_latest_text_as_a_new_vignette(store, muni):
    builtin = list_vignettes(store, target="school")[0]
    copy = duplicate_vignette(store, builtin.id)
    assert copy.id != builtin.id
    assert copy.vignette.title == f"Kopi av {builtin.vignette.title}"
    assert copy.latest.text == builtin.latest.text and copy.latest.version == 1
    assert copy.vignette.builtin_key is None
    assert get_vignette(store, builtin.id).versions == 1


def test_archive_hides_from_the_list_and_can_be_undone(store):
    item = create_vignette(store, NEW)
    archive_vignette(store, item.id)
    assert list_vignettes(store) == []
    assert [i.id for i in list_vignettes(store, include_archived=True)] == [item.id]
    archive_vignette(store, item.id, archived=False)
    assert [i.id for i in list_vignettes(store)] == [item.id]


def test_unknown_vignette_is_a_norwegian_error(store):
    import uuid
    with pytest.raises(DomainError, match="Fant ikke vignetten"):
        get_vignette(store, uuid.uuid4())
