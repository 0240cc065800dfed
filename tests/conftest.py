"""Shared fixtures. No Qt here: storage and export tests run without it.

Each test gets a fresh database copied from one migrated once per session (Anki's getEmptyCol).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storage.migrate import prepare_database
from storage.store import Store
from storage.urls import resolve_url

pytest_plugins = ["tests.failure_conditions"]  # tiny_disk, lock_holder

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    prepare_database(path)
    return path


@pytest.fixture
def db_path(template_db, tmp_path) -> Path:
    """A fresh, migrated, empty database file for this test."""
    path = tmp_path / "nettverkslogg.db"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def store(db_path):
    s = Store(resolve_url(db_path))
    yield s
    s.close()
