"""Access control on a real PostgreSQL server: a municipality login sees and changes only its own
municipality's rows, also in plain SQL with its own credentials; a county login reads everything and
changes nothing municipal; built-in content is readable by all.

Expected counts come from the database owner's view with explicit joins, not from the code under test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from sqlmodel import SQLModel

import storage.models  # noqa: F401
from storage.demo import generate_demo
from storage.errors import DomainError
from storage.migrate import prepare_database
from storage.scope import BY_MUNICIPALITY, BY_PARENT, PERSON_TABLE, SHARED, unclassified
from storage.server_access import add_login, init_server, list_logins, login_scope, remove_login
from storage.store import Store
from tests.e2e.conftest import ROOT

PASSWORD = "et-langt-passord-for-test"


class World:
    def __init__(self, server, name):
        self.server, self.name = server, name
        self.admin_url = server.database_url(name)
        self.suffix = uuid.uuid4().hex[:6]
        self.municipal = f"kommune_{self.suffix}"
        self.county = f"fylke_{self.suffix}"

    def login_url(self, role: str) -> str:
        return f"postgresql+psycopg://{role}:{PASSWORD}@/{self.name}?host={self.server.socket_dir}"

    def connect(self, role: str | None = None):
        if role is None:
            return psycopg.connect(host=str(self.server.socket_dir), dbname=self.name, user="nettverkslogg_test",
                                   password=self.server.password)
        return psycopg.connect(host=str(self.server.socket_dir), dbname=self.name, user=role, password=PASSWORD)


@pytest.fixture(scope="module")
def world(pg_server):
    name = f"access_{uuid.uuid4().hex[:8]}"
    pg_server.create_database(name)
    w = World(pg_server, name)
    prepare_database(w.admin_url)
    store = Store(w.admin_url)
    generate_demo(store, scale="county", seed=3)
    init_server(store.engine)
    with w.connect() as connection:
        w.numbers = [row[0] for row in connection.execute("SELECT number FROM municipality ORDER BY name")]
        w.own_id = connection.execute("SELECT id FROM municipality WHERE number = %s", (w.numbers[0],)).fetchone()[0]
    add_login(store.engine, w.municipal, PASSWORD, municipality_number=w.numbers[0])
    add_login(store.engine, w.county, PASSWORD, county=True)
    w.store = store
    yield w
    for role in (w.municipal, w.county):
        try:
            remove_login(store.engine, role)
        except DomainError:
            pass
    store.close()
    pg_server.drop_database(name)


def _path_to_municipality(table: str) -> tuple[str, str]:
    """FROM … JOIN … chain from `table` (alias t0) to its municipality column, as (joins, column)."""
    joins, alias, current = "", "t0", table
    depth = 0
    while current not in BY_MUNICIPALITY:
        column, parent = BY_PARENT[current]
        depth += 1
        joins += f' JOIN "{parent}" t{depth} ON t{depth}.id = {alias}."{column}"'
        alias, current = f"t{depth}", parent
    return joins, f'{alias}."{BY_MUNICIPALITY[current]}"'


def _expected(world, table: str, municipality_id) -> int:
    joins, column = _path_to_municipality(table)
    with world.connect() as connection:
        return connection.execute(f'SELECT count(*) FROM "{table}" t0{joins} WHERE {column} = %s',
                                  (municipality_id,)).fetchone()[0]


def _count(connection, table: str) -> int:
    return connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def test_every_table_has_an_access_rule():
    assert unclassified(set(SQLModel.metadata.tables) | {"alembic_version"}) == set()


def test_municipality_login_sees_only_its_rows_in_plain_sql(world):
    seen_total = all_total = 0
    with world.connect(world.municipal) as mine, world.connect() as owner:
        for table in sorted(set(BY_MUNICIPALITY) | set(BY_PARENT)):
            expected = _expected(world, table, world.own_id)
            assert _count(mine, table) == expected, table
            seen_total += expected
            all_total += _count(owner, table)
        assert _count(mine, "municipality") == 1
        assert 0 < seen_total < all_total
        for table in SHARED - {"setting"}:
            assert _count(mine, table) == _count(owner, table) > 0, table
        people_of_others = owner.execute(
            "SELECT count(*) FROM resource_person p WHERE NOT EXISTS (SELECT 1 FROM resource_assignment a "
            "WHERE a.resource_person_id = p.id AND a.municipality_id = %s)", (world.own_id,)).fetchone()[0]
        assert _count(mine, PERSON_TABLE) == _count(owner, PERSON_TABLE) - people_of_others


def test_municipality_login_cannot_touch_another_municipality(world):
    with world.connect(world.municipal) as mine, world.connect() as owner:
        other = owner.execute("SELECT id FROM municipality WHERE id <> %s LIMIT 1", (world.own_id,)).fetchone()[0]
        other_unit = owner.execute("SELECT id FROM unit WHERE municipality_id = %s LIMIT 1", (other,)).fetchone()[0]
        changed = mine.execute("UPDATE unit SET name = name || ' x' WHERE id = %s", (other_unit,)).rowcount
        assert changed == 0
        assert mine.execute("DELETE FROM session_log WHERE unit_id = %s", (other_unit,)).rowcount == 0
        mine.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            mine.execute("INSERT INTO unit (id, municipality_id, name, kind, ownership, stages, staff_count, "
                         "leader_role, leader_email, archived, created_at, updated_at) "
                         "SELECT gen_random_uuid(), %s, 'Ny enhet', kind, ownership, stages, staff_count, "
                         "leader_role, leader_email, false, now(), now() FROM unit LIMIT 1", (other,))
        mine.rollback()
        own_unit = mine.execute("SELECT id FROM unit LIMIT 1").fetchone()[0]
        assert mine.execute("UPDATE unit SET updated_at = now() WHERE id = %s", (own_unit,)).rowcount == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # moving a row out of its municipality
            mine.execute("UPDATE unit SET municipality_id = %s WHERE id = %s", (other, own_unit))
        mine.rollback()


def test_county_login_reads_everything_and_changes_nothing(world):
    with world.connect(world.county) as county, world.connect() as owner:
        for table in sorted(set(BY_MUNICIPALITY) | set(BY_PARENT) | {PERSON_TABLE}):
            assert _count(county, table) == _count(owner, table), table
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            county.execute("UPDATE unit SET name = name")
        county.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            county.execute("DELETE FROM expense")


def test_the_app_on_a_municipality_login_works_on_its_own_municipality(world):
    from storage.services.municipalities import list_municipalities
    from storage.services.units import list_units

    store = Store(world.login_url(world.municipal))
    try:
        assert login_scope(store.engine) == (False, world.own_id.hex)
        municipalities = list_municipalities(store)
        assert [m.id for m in municipalities] == [world.own_id]
        assert len(list_units(store, world.own_id)) == _expected(world, "unit", world.own_id)
    finally:
        store.close()
    county = Store(world.login_url(world.county))
    try:
        assert login_scope(county.engine) == (True, None)
        assert len(list_municipalities(county)) == len(world.numbers)
    finally:
        county.close()
    assert login_scope(world.store.engine) is None  # the owner: no login row, no restriction


def test_logins_are_listed_and_bad_requests_refused(world):
    logins = {login.name: login for login in list_logins(world.store.engine)}
    assert logins[world.county].county and logins[world.municipal].municipality_number == world.numbers[0]
    with pytest.raises(DomainError, match="finnes allerede"):
        add_login(world.store.engine, world.municipal, PASSWORD, municipality_number=world.numbers[0])
    with pytest.raises(DomainError, match="ingen kommune med nummer"):
        add_login(world.store.engine, f"ny_{world.suffix}", PASSWORD, municipality_number="0000")
    with pytest.raises(DomainError, match="minst 12 tegn"):
        add_login(world.store.engine, f"ny_{world.suffix}", "kort", county=True)
    with pytest.raises(DomainError, match="kan ikke brukes"):
        add_login(world.store.engine, "Robert'); DROP TABLE unit;--", PASSWORD, county=True)


def test_server_commands(world, tmp_path):
    """init, add-user (password from the environment, never an argument), users, remove-user."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETTVERKSLOGG")}
    env.update(HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"), PYTHONPATH=str(ROOT),
               NETTVERKSLOGG_PASSWORD=PASSWORD)
    user = f"cli_{world.suffix}"

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "desktop", "server", *args, "--db", world.admin_url],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    init = cli("init")
    assert init.returncode == 0, init.stderr[-3000:]
    added = cli("add-user", "--user", user, "--kommune", world.numbers[1])
    assert added.returncode == 0, added.stderr
    assert PASSWORD not in added.stdout + added.stderr
    listed = cli("users")
    assert user in listed.stdout and world.numbers[1] in listed.stdout
    with psycopg.connect(host=str(world.server.socket_dir), dbname=world.name, user=user, password=PASSWORD) as c:
        assert _count(c, "municipality") == 1
    assert cli("remove-user", "--user", user).returncode == 0
    assert user not in cli("users").stdout
    refused = cli("add-user", "--user", user)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
