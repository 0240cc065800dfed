from datetime import date

import pytest

from storage.errors import DomainError
from storage.rules import granted_amount
from storage.services.participation import (
    add_grant,
    delete_grant,
    get_participation,
    grant_proposals,
    list_grants,
    update_grant,
    update_participation,
)


def test_update_participation_changes_only_what_is_set(store, part):
    updated = update_participation(store, part.id, {"cohort": 8, "period_end": date(2027, 12, 31)})
    assert updated.cohort == 8 and updated.kindergarten_authority and updated.offer == part.offer
    assert updated.semesters[-1] == "2027H"


def test_end_before_start_is_refused_and_nothing_changed(store, part):
    with pytest.raises(DomainError) as caught:
        update_participation(store, part.id, {"period_end": date(2025, 1, 1)})
    assert caught.value.field == "period_end" and "før periodestart" in caught.value.message
    assert get_participation(store, part.id).period_end == part.period_end


def test_roles_change_grants_in_the_same_transaction(store, part):
    assert {g.basis for g in list_grants(store, part.id)} == {"kindergarten_authority", "school_owner"}
    update_participation(store, part.id, {"school_owner": False})
    assert [(g.basis, g.amount_nok) for g in list_grants(store, part.id)] == [("kindergarten_authority", 260_000)]
    proposals = grant_proposals(store, part.id)
    assert [(p.basis, p.amount_nok, p.present) for p in proposals] == [("kindergarten_authority", 260_000, True)]
    with pytest.raises(DomainError, match="minst én rolle"):
        update_participation(store, part.id, {"kindergarten_authority": False})
    assert len(list_grants(store, part.id)) == 1


def test_edit_grant_share_and_shared_with(store, part):
    grant = list_grants(store, part.id)[0]
    updated = update_grant(store, grant.id, {"share_percent": 50, "shared_with": "Nabovik kommune"})
    assert updated.share_percent == 50 and updated.amount_nok == 260_000
    assert granted_amount(updated.amount_nok, updated.share_percent) == 130_000


@pytest.mark.parametrize("changes, field, message", [
    ({"share_percent": 0}, "share_percent", "«Andel (%)» må være minst 1"),
    ({"share_percent": 101}, "share_percent", "«Andel (%)» kan ikke være mer enn 100"),
    ({"amount_nok": -5}, "amount_nok", "«Beløp (kr)» kan ikke være et negativt tall"),
    ({"amount_nok": 12.5}, "amount_nok", "«Beløp (kr)» må være et helt tall"),
])
def test_bad_grant_changes(store, part, changes, field, message):
    grant = list_grants(store, part.id)[0]
    with pytest.raises(DomainError) as caught:
        update_grant(store, grant.id, changes)
    assert caught.value.field == field and message in caught.value.message
    assert list_grants(store, part.id)[0] == grant


def test_add_and_delete_grant(store, part, counts):
    before = counts()["grant"]
    with pytest.raises(DomainError, match="negativt tall"):
        add_grant(store, part.id, {"basis": "school_owner", "amount_nok": -1})
    assert counts()["grant"] == before
    extra = add_grant(store, part.id, {"basis": "school_owner", "amount_nok": 50_000})
    assert counts()["grant"] == before + 1
    delete_grant(store, extra.id)
    assert counts()["grant"] == before
