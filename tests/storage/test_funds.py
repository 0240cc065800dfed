from datetime import date

import pytest

from storage.errors import DomainError
from storage.services.funds import (
    add_expense,
    add_own_funding,
    delete_expense,
    funds_summary,
    list_expenses,
    list_own_funding,
    update_expense,
    update_own_funding,
)
from storage.services.participation import list_grants, update_grant


def expense(day, amount, category="resource_person", funded_by="grant"):
    return {"spent_on": day, "amount_nok": amount, "category": category, "funded_by": funded_by}


def test_summary_per_category_and_semester(store, part):
    add_own_funding(store, part.id, {"semester": "2025H", "amount_nok": 50_000, "description": "Vikarer"})
    add_expense(store, part.id, expense(date(2025, 9, 1), 40_000))
    add_expense(store, part.id, expense(date(2025, 10, 1), 12_500, "travel"))
    add_expense(store, part.id, expense(date(2026, 2, 1), 30_000, "network_meetings", "own"))
    add_expense(store, part.id, expense(date(2026, 9, 1), 99_000))  # after "today": not yet counted
    summary = funds_summary(store, part.id, today=date(2026, 3, 15))
    assert summary.granted_nok == 520_000 and summary.own_nok == 50_000 and summary.available_nok == 570_000
    assert summary.spent_nok == 82_500 and summary.spent_from_own_nok == 30_000
    assert summary.spent_by_category == {"resource_person": 40_000, "travel": 12_500, "network_meetings": 30_000}
    assert summary.spent_by_semester == {"2025H": {"resource_person": 40_000, "travel": 12_500},
                                         "2026V": {"network_meetings": 30_000}}
    assert summary.remaining_nok == 487_500 and summary.remaining_grant_nok == 467_500
    assert summary.months_passed == 7 and summary.months_left == 16
    assert summary.average_monthly_nok == 82_500 // 7
    # 487 500 over 16 months is 30 469 a month, more than twice 11 785: warn
    assert summary.warning and "mer enn dobbelt så raskt" in summary.warning
    assert "30.06.2027" in summary.warning


def test_no_warning_when_on_pace(store, part):
    for month in range(8, 13):
        add_expense(store, part.id, expense(date(2025, month, 5), 22_000))
    summary = funds_summary(store, part.id, today=date(2026, 1, 10))
    assert summary.months_passed == 5 and summary.warning is None


def test_no_warning_too_early(store, part):
    assert funds_summary(store, part.id, today=date(2025, 9, 10)).warning is None


def test_warning_after_the_period_and_when_overspent(store, part):
    add_expense(store, part.id, expense(date(2027, 6, 1), 500_000))
    assert "20\u00a0000\u00a0kr av tilskuddet er ikke brukt" in funds_summary(store, part.id, date(2027, 8, 1)).warning
    add_expense(store, part.id, expense(date(2027, 6, 2), 30_000))
    assert "10\u00a0000\u00a0kr høyere" in funds_summary(store, part.id, date(2027, 8, 1)).warning


def test_shared_grant_counts_the_share(store, part):
    grant = list_grants(store, part.id)[0]
    update_grant(store, grant.id, {"share_percent": 50})
    assert funds_summary(store, part.id, date(2026, 1, 1)).granted_nok == 390_000


@pytest.mark.parametrize("data, field, message", [
    (expense(date(2025, 9, 1), -100), "amount_nok", "«Beløp (kr)» kan ikke være et negativt tall"),
    (expense(date(2025, 9, 1), 99.5), "amount_nok", "«Beløp (kr)» må være et helt tall"),
    (expense(date(2025, 9, 1), 100, "kake"), "category", "«Kategori»"),
    (expense(date(2027, 9, 1), 100), "spent_on", "Datoen 01.09.2027 er utenfor perioden"),
    (expense("i går", 100), "spent_on", "«Dato» må være en dato"),
])
def test_bad_expenses_store_nothing(store, part, counts, data, field, message):
    before = counts()
    with pytest.raises(DomainError) as caught:
        add_expense(store, part.id, data)
    assert caught.value.field == field and message in caught.value.message
    assert counts() == before


def test_bad_own_funding_stores_nothing(store, part, counts):
    before = counts()
    with pytest.raises(DomainError) as caught:
        add_own_funding(store, part.id, {"semester": "2026V", "amount_nok": -1})
    assert caught.value.field == "amount_nok" and "negativt" in caught.value.message
    with pytest.raises(DomainError) as caught:
        add_own_funding(store, part.id, {"semester": "2030V", "amount_nok": 1})
    assert caught.value.field == "semester" and "ikke et semester i perioden" in caught.value.message
    assert counts() == before


def test_edit_and_delete(store, part):
    own = add_own_funding(store, part.id, {"semester": "2026V", "amount_nok": 10_000})
    assert update_own_funding(store, own.id, {"amount_nok": 12_000}).amount_nok == 12_000
    assert [o.amount_nok for o in list_own_funding(store, part.id)] == [12_000]
    first = add_expense(store, part.id, expense(date(2025, 9, 1), 1_000))
    add_expense(store, part.id, expense(date(2026, 3, 1), 2_000, "other"))
    with pytest.raises(DomainError) as caught:
        update_expense(store, first.id, {"amount_nok": -3})
    assert caught.value.field == "amount_nok"
    assert update_expense(store, first.id, {"description": "Frikjøp"}).amount_nok == 1_000
    assert [e.amount_nok for e in list_expenses(store, part.id, semester="2026V")] == [2_000]
    assert [e.amount_nok for e in list_expenses(store, part.id, category="resource_person")] == [1_000]
    delete_expense(store, first.id)
    assert len(list_expenses(store, part.id)) == 1


def test_an_implausible_expense_is_warned_about_before_it_is_stored(store, part):
    """Issue 11, item 9: an amount above grant plus own financing, or one that brings spending above them."""
    from storage.services.funds import expense_warning

    available = 520_000 + 50_000  # the fixture's two grants, and the own financing added here
    add_own_funding(store, part.id, {"semester": "2025H", "amount_nok": 50_000})
    assert "Stemmer beløpet?" in expense_warning(store, part.id, 100_000_000)
    assert expense_warning(store, part.id, available) is None
    first = add_expense(store, part.id, expense(date(2025, 9, 1), available - 1_000))
    assert "blir utgiftene" in expense_warning(store, part.id, 2_000)
    assert expense_warning(store, part.id, 1_000) is None
    assert expense_warning(store, part.id, available, expense_id=first.id) is None  # editing that expense
