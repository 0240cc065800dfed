"""Copying one municipality between a laptop's SQLite file and a PostgreSQL server: every row of the
municipality arrives, a second copy changes nothing, nothing is deleted, a row changed on both sides
keeps the newer version and is reported, and the copy back gives the same report."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update
from sqlmodel import SQLModel

import storage.models  # noqa: F401
from exports.copy_report import write_conflict_report
from storage.copy_data import copy_municipality
from storage.demo import generate_demo
from storage.migrate import prepare_database
from storage.models import Unit, utcnow
from storage.scope import DATABASE_ONLY, SHARED, municipality_rows
from storage.store import Store
from storage.urls import resolve_url
from tests.e2e.conftest import ROOT


@pytest.fixture
def laptop(tmp_path):
    path = tmp_path / "laptop.db"
    prepare_database(path)
    store = Store(resolve_url(path))
    generate_demo(store)
    yield store
    store.close()


@pytest.fixture
def server(pg_server):
    name = f"copy_{uuid.uuid4().hex[:10]}"
    url = pg_server.create_database(name, template="template_nl")
    store = Store(url)
    yield store
    store.close()
    pg_server.drop_database(name)


def municipality_counts(store) -> dict[str, int]:
    """Rows per table that belong to the (only) municipality, counted with the scope's joins."""
    tables = SQLModel.metadata.tables
    with store.reader() as session:
        municipality_id = session.exec(select(storage.models.Municipality.id)).scalars().one()
        counts = {}
        for table in SQLModel.metadata.sorted_tables:
            if table.name in DATABASE_ONLY:
                continue
            query = select(table) if table.name in SHARED else municipality_rows(table, tables, municipality_id)
            counts[table.name] = session.connection().execute(
                select(func.count()).select_from(query.subquery())).scalar()
    return counts


def test_copy_to_the_server_and_again(laptop, server):
    result = copy_municipality(laptop, server)
    expected = municipality_counts(laptop)
    assert municipality_counts(server) == expected
    assert result.inserted == {table: n for table, n in expected.items() if n}
    assert not result.conflicts
    again = copy_municipality(laptop, server)
    assert again.changed == 0 and again.unchanged == sum(expected.values())


def test_dry_run_stores_nothing(laptop, server):
    result = copy_municipality(laptop, server, dry_run=True)
    assert sum(result.inserted.values()) > 1000
    with server.reader() as session:
        assert session.exec(select(func.count()).select_from(Unit)).scalar() == 0


def _rename_unit(store, unit_id, name, minutes_later: int) -> None:
    with store.transaction() as session:
        unit = session.get(Unit, unit_id)
        unit.name = name
        session.flush()
        session.execute(update(Unit).where(Unit.id == unit_id).values(
            updated_at=utcnow() + timedelta(minutes=minutes_later)))


def test_changes_travel_and_conflicts_are_reported(laptop, server, tmp_path):
    copy_municipality(laptop, server)
    with laptop.reader() as session:
        first, second = session.exec(select(Unit.id).order_by(Unit.name).limit(2)).scalars().all()
    _rename_unit(laptop, first, "Endret på laptopen", 1)          # one side only: travels, no conflict
    _rename_unit(laptop, second, "Laptopens navn", 1)             # both sides: the newer one wins
    _rename_unit(server, second, "Serverens navn", 2)
    result = copy_municipality(laptop, server)
    assert result.updated == {"unit": 1}
    assert [(c.table, c.kept) for c in result.conflicts] == [("unit", "destination")]
    with server.reader() as session:
        assert session.get(Unit, first).name == "Endret på laptopen"
        assert session.get(Unit, second).name == "Serverens navn"
    report = write_conflict_report(result, tmp_path / "konflikter.csv")
    rows = list(csv.reader(report.open(encoding="utf-8-sig"), delimiter=";"))
    assert ["unit", str(second), "name", "Laptopens navn", "Serverens navn", "målet"] in rows
    back = copy_municipality(server, laptop)  # the server's newer name comes home; nothing is deleted
    with laptop.reader() as session:
        assert session.get(Unit, second).name == "Serverens navn"
    assert back.updated.get("unit") == 1


def test_copy_back_gives_the_same_report(laptop, server, tmp_path):
    """Laptop → server → a new laptop file, through the CLI; the two laptops' reports hold the same values."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETTVERKSLOGG")}
    env.update(HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"), PYTHONPATH=str(ROOT))

    def cli(*args):
        done = subprocess.run([sys.executable, "-m", "desktop", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        return done

    original = str(laptop.engine.url.database)
    server_url = server.engine.url.render_as_string(hide_password=False)
    cli("copy", "--from", original, "--to", server_url)
    cli("copy", "--from", server_url, "--to", str(tmp_path / "ny.db"))
    values = []
    for database, folder in ((original, "a"), (str(tmp_path / "ny.db"), "b")):
        cli("report", "--db", database, "--kind", "final", "--format", "xlsx", "--out", str(tmp_path / folder),
            "--today", "2027-08-01")
        book = load_workbook(next((tmp_path / folder).glob("*.xlsx")))
        values.append({(ws.title, c.coordinate): c.value for ws in book for row in ws.iter_rows() for c in row})
    assert values[0] == values[1]
    assert len(values[0]) > 200


def test_a_server_backup_holds_what_the_login_sees(pg_server, tmp_path):
    """A server database copied whole into a new SQLite file: every row of every municipality it holds.
    (County scale is timed in bench/copy_server.py.)"""
    from storage.copy_data import copy_everything_visible

    name = f"copyall_{uuid.uuid4().hex[:8]}"
    source = Store(pg_server.create_database(name, template="template_nl"))
    try:
        generate_demo(source, seed=5)
        target_path = tmp_path / "serverkopi.db"
        prepare_database(target_path)
        target = Store(resolve_url(target_path))
        results = copy_everything_visible(source, target)
        with source.reader() as a, target.reader() as b:
            for table in ("municipality", "unit", "session_log", "expense", "coding"):
                count = f'SELECT count(*) FROM "{table}"'
                assert a.connection().exec_driver_sql(count).scalar() == b.connection().exec_driver_sql(count).scalar()
        assert [r.municipality for r in results] == ["Fjordvik"] and results[0].changed > 1000
        target.close()
    finally:
        source.close()
        pg_server.drop_database(name)


def test_backup_command_on_a_server_writes_a_sqlite_file(server, laptop, tmp_path):
    """`backup --db postgresql://…` takes the server's data home as a file that `check` accepts."""
    copy_municipality(laptop, server)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETTVERKSLOGG")}
    env.update(HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"), PYTHONPATH=str(ROOT))
    url = server.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "hjem.db"

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)

    done = cli("backup", "--db", url, "--out", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Kopi av 1 kommune lagret" in done.stdout
    assert not list(tmp_path.glob(".hjem.db.part*"))
    check = cli("check", "--db", str(out))
    assert check.returncode == 0 and "Integritetssjekk: ok" in check.stdout
    assert municipality_counts(Store(resolve_url(out))) == municipality_counts(laptop)
    again = cli("backup", "--db", url, "--out", str(out))
    assert again.returncode == 2 and "--overwrite" in again.stderr
