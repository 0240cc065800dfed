"""Shared fixtures. No Qt here: storage and export tests run without it.

Each test gets a fresh database copied from one migrated once per session (Anki's getEmptyCol).
The storage and export tests get their `store` from `backend_url`, one parametrised fixture that
gives each test a fresh database on SQLite and on a private PostgreSQL server (tests/pg_server.py);
tests that work on the SQLite file itself (`db_path`) run on SQLite only.
"""

from __future__ import annotations

import os
import shutil
import uuid
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


BACKENDS = ("sqlite", "postgres")
REQUIRE_POSTGRES_ENV = "NETTVERKSLOGG_TEST_REQUIRE_POSTGRES"


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    """The test run's PostgreSQL server with a migrated template database, or a skip saying why not."""
    from tests.pg_server import PostgresServer, ServerUnavailable

    def unavailable(reason: str):
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":  # CI: a skipped backend would go unnoticed
            pytest.fail(reason)
        pytest.skip(reason)

    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install -e .[postgres])")
    folder = Path("/tmp") / f"nettverkslogg-pg-{os.getpid()}"  # short: a Unix socket path has ~100 bytes
    shutil.rmtree(folder, ignore_errors=True)
    try:
        server = PostgresServer(folder).start()
    except ServerUnavailable as exc:
        unavailable(str(exc))
    try:
        prepare_database(server.create_database("template_nl"))
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def backend_url(request, db_path):
    """A fresh, migrated, empty database on each backend: the SQLite file of `db_path`, or a database
    on the PostgreSQL server made from the migrated template."""
    if request.param == "sqlite":
        yield resolve_url(db_path)
        return
    server = request.getfixturevalue("pg_server")
    name = f"t{uuid.uuid4().hex[:16]}"
    yield server.create_database(name, template="template_nl")
    server.drop_database(name)


def pytest_collection_modifyitems(config, items):
    """A test that uses the SQLite file itself (`db_path` beside `store`) runs on SQLite only."""
    kept = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec and callspec.params.get("backend_url") == "postgres" and _uses_file(item):
            continue
        kept.append(item)
    items[:] = kept


def _uses_file(item) -> bool:
    import inspect

    return "db_path" in inspect.signature(item.function).parameters
