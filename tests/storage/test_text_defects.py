"""Texts that said something wrong: the municipality form's field names, and the funds warning after
nothing is spent yet."""

from __future__ import annotations

from datetime import date

import pytest

from storage.errors import DomainError
from storage.services.funds import funds_summary
from storage.services.municipalities import create_municipality

PARTICIPATION = {"cohort": 5, "kindergarten_authority": True, "school_owner": True,
                 "period_start": date(2025, 8, 1), "period_end": date(2027, 6, 30)}


@pytest.mark.parametrize(("municipality", "message", "field"), [
    ({"name": "B", "number": "1804", "county": "Nordland"}, "«Kommune» er for kort (minst 2 tegn).", "name"),
    ({"name": "Bodø", "number": "18", "county": "Nordland"}, "Kommunenummer må være fire sifre, for eksempel 4601.",
     "number"),
    ({"name": "Bodø", "number": "180412", "county": "Nordland"},
     "Kommunenummer må være fire sifre, for eksempel 4601.", "number"),
])
def test_the_welcome_forms_errors_use_its_labels(store, municipality, message, field):
    with pytest.raises(DomainError) as caught:
        create_municipality(store, municipality, PARTICIPATION)
    assert (caught.value.message, caught.value.field) == (message, field)


def test_nothing_spent_yet_is_not_called_twice_as_fast(store, part):
    warning = funds_summary(store, part.id, today=date(2026, 1, 10)).warning
    assert warning is not None and "dobbelt så raskt" not in warning
    assert warning.startswith("Ingenting er brukt ennå.")
