"""Fixtures for the planning services: a municipality with its participation, and row counting."""

from __future__ import annotations

from datetime import date

import pytest

from storage.services.municipalities import create_municipality, participation_of
from storage.services.overview import check_database
from storage.store import Store

MUNICIPALITY = {"name": "Fjordvik", "number": "4699", "county": "Vestland", "inhabitants": 12000}
PARTICIPATION = {"cohort": 7, "kindergarten_authority": True, "school_owner": True,
                 "period_start": date(2025, 8, 1), "period_end": date(2027, 6, 30)}


@pytest.fixture
def store(backend_url):
    """The store of every storage and export test, on SQLite and on PostgreSQL."""
    s = Store(backend_url)
    yield s
    s.close()


@pytest.fixture
def muni(store):
    """Fjordvik, kindergarten authority and school owner, 2025-08-01 – 2027-06-30."""
    return create_municipality(store, MUNICIPALITY, PARTICIPATION)


@pytest.fixture
def part(store, muni):
    return participation_of(store, muni.id)


@pytest.fixture
def counts(store):
    """Rows per table now: call it before and after to see that nothing was stored."""
    def count() -> dict[str, int]:
        return check_database(store).row_counts
    return count
