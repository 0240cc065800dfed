"""Issue 10: restore and creation are atomic, damage is noticed and never spreads, our files are marked."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import alembic.op
import pytest

import storage.backup
from storage.backup import (
    daily_backup,
    describe_backups,
    list_backups,
    make_backup,
    prune_backups,
    quick_check,
    restore_database,
)
from storage.errors import DatabaseError
from storage.importers.tables import RawRow, RawTable
from storage.importers.units import import_units
from storage.migrate import prepare_database
from storage.probe import probe_sqlite
from storage.schema_version import APPLICATION_ID
from storage.services.municipalities import create_municipality
from tests.damage import damage_table
from tests.storage.test_municipalities import MUNICIPALITY, PARTICIPATION

ROOT = Path(__file__).resolve().parent.parent.parent


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def commit_and_die(path: Path, key: str) -> None:
    """Another process commits a row and is killed: the commit lives only in the database's -wal."""
    code = ("import os, sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL')\n"
            "c.execute('PRAGMA wal_autocheckpoint=0')\n"
            "c.execute(\"INSERT INTO setting (key, value, updated_at) VALUES (?, 'v', '2026-01-01')\", (sys.argv[2],))\n"
            "c.commit(); os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path), key], check=True)
    assert Path(str(path) + "-wal").stat().st_size > 0


# --- 1. restore is atomic ------------------------------------------------------------------------

def test_restore_stopped_before_the_swap_keeps_every_commit(db_path, tmp_path, monkeypatch):
    source = make_backup(db_path, tmp_path / "b", "manuell")
    commit_and_die(db_path, "only-in-wal")
    real_copy = storage.backup.copy_database

    def copy_then_fail(src, dest):  # the disk fills up while the source is copied beside the database
        if Path(dest).parent == db_path.parent:
            raise DatabaseError("Disken er full.")
        return real_copy(src, dest)

    monkeypatch.setattr(storage.backup, "copy_database", copy_then_fail)
    with pytest.raises(DatabaseError):
        restore_database(db_path, source, tmp_path / "b")
    assert count(db_path, "SELECT count(*) FROM setting WHERE key='only-in-wal'") == 1
    assert not list(db_path.parent.glob("*.gjenoppretting*"))


def test_restore_keeps_a_copy_with_the_commits_in_the_wal(db_path, tmp_path):
    source = make_backup(db_path, tmp_path / "b", "manuell")
    commit_and_die(db_path, "only-in-wal")
    kept = restore_database(db_path, source, tmp_path / "b")
    assert count(kept, "SELECT count(*) FROM setting WHERE key='only-in-wal'") == 1
    assert count(db_path, "SELECT count(*) FROM setting WHERE key='only-in-wal'") == 0
    assert quick_check(db_path) == [] and probe_sqlite(db_path).database_id


def test_restore_refuses_a_damaged_source_and_changes_nothing(store, db_path, tmp_path):
    create_municipality(store, MUNICIPALITY, PARTICIPATION)
    store.close()
    source = make_backup(db_path, tmp_path / "b", "manuell")
    damage_table(source)
    before = count(db_path, "SELECT count(*) FROM municipality")
    with pytest.raises(DatabaseError, match="skadet"):
        restore_database(db_path, source, tmp_path / "b")
    assert count(db_path, "SELECT count(*) FROM municipality") == before == 1
    assert list_backups(tmp_path / "b") == [source]


# --- 2. a new database appears whole or not at all -----------------------------------------------

def test_creation_stopped_halfway_leaves_no_tables(tmp_path, monkeypatch):
    path = tmp_path / "ny.db"

    def stop(*args, **kwargs):  # the last step of the first migration: as if the power went
        raise KeyboardInterrupt

    monkeypatch.setattr(alembic.op, "bulk_insert", stop)
    with pytest.raises(KeyboardInterrupt):
        prepare_database(path)
    monkeypatch.undo()
    assert count(path, "SELECT count(*) FROM sqlite_master WHERE type='table'") == 0
    opened = prepare_database(path)
    assert opened.created and opened.database_id


def half_made(template_db: Path, path: Path) -> Path:
    """What an older version left after a kill during the first start: tables, no version row, no rows."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    for (sql,) in sqlite3.connect(template_db).execute(
            "SELECT sql FROM sqlite_master WHERE type='table' AND name IN ('codebook', 'municipality', 'setting')"):
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def test_half_made_file_is_rebuilt_with_a_message(template_db, tmp_path):
    path = half_made(template_db, tmp_path / "halv.db")
    with pytest.raises(DatabaseError, match="ikke ferdig laget"):
        prepare_database(path, create=False)  # read-only commands do not rebuild
    opened = prepare_database(path)
    assert "laget på nytt" in opened.notice
    assert opened.database_id and count(path, "SELECT count(*) FROM session_log") == 0


def test_half_made_file_with_data_is_not_touched(template_db, tmp_path):
    path = half_made(template_db, tmp_path / "halv.db")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO setting (key, value, updated_at) VALUES ('x', 'y', '2026-01-01')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="ikke fra Nettverkslogg"):
        prepare_database(path)
    assert path.read_bytes() == before


# --- 4. damage is noticed -------------------------------------------------------------------------

def test_daily_backup_refuses_a_damaged_database(db_path, tmp_path):
    folder = tmp_path / "b"
    start = datetime(2026, 1, 1, 8, 0)
    good = daily_backup(db_path, folder, now=start)
    damage_table(db_path)
    with pytest.raises(DatabaseError, match="skadet"):
        daily_backup(db_path, folder, now=start + timedelta(days=1))
    assert list_backups(folder) == [good]


def test_pruning_never_deletes_the_newest_good_backup(db_path, tmp_path):
    folder = tmp_path / "b"
    start = datetime(2026, 1, 1, 8, 0)
    made = [make_backup(db_path, folder, "daglig", start + timedelta(days=day)) for day in range(6)]
    for path in made[2:]:  # damaged copies (e.g. from an older version that did not check)
        damage_table(path)
    deleted = prune_backups(folder, keep=3)
    assert made[1] not in deleted and made[1].exists()
    assert made[0] in deleted
    infos = {info.path: info.ok for info in describe_backups(folder)}
    assert infos[made[1]] is True and infos[made[-1]] is False
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in infos)  # no -wal/-shm litter


def test_import_refuses_to_write_into_a_damaged_database(store, db_path):
    municipality = create_municipality(store, MUNICIPALITY, PARTICIPATION)
    store.close()
    damage_table(db_path, "session_log")
    raw = RawTable(headers=["Navn", "Type"], rows=[RawRow(2, ["Solsikken barnehage", "Barnehage"])])
    with pytest.raises(DatabaseError, match="skadet"):
        import_units(store, municipality.id, raw)
    assert count(db_path, "SELECT count(*) FROM municipality") == 1


# --- 8. our files carry an application_id ---------------------------------------------------------

def test_new_and_old_databases_get_the_application_id(tmp_path, template_db):
    assert count(template_db, "PRAGMA application_id") == APPLICATION_ID
    old = tmp_path / "gammel.db"  # the first release's schema, made before application_id was used
    old.write_bytes((ROOT / "tests" / "fixtures" / "schema-0001.db").read_bytes())
    assert count(old, "PRAGMA application_id") == 0
    with pytest.raises(DatabaseError, match="eldre skjemaversjon"):
        prepare_database(old, create=False, upgrade=False)  # read-only use neither upgrades nor marks
    assert count(old, "PRAGMA application_id") == 0
    prepare_database(old, tmp_path / "kopier")
    assert count(old, "PRAGMA application_id") == APPLICATION_ID
    current = tmp_path / "uten-merke.db"  # at this version, but from before the mark
    current.write_bytes(template_db.read_bytes())
    with sqlite3.connect(current) as conn:
        conn.execute("PRAGMA application_id=0")
    conn.close()
    prepare_database(current, create=False, upgrade=False)
    assert count(current, "PRAGMA application_id") == 0
    prepare_database(current)
    assert count(current, "PRAGMA application_id") == APPLICATION_ID


def test_another_programs_alembic_database_is_not_called_newer(tmp_path):
    path = tmp_path / "annet.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('a1b2c3d4e5f6')")
        conn.execute("CREATE TABLE setting (key TEXT, value TEXT)")
    conn.close()
    with pytest.raises(DatabaseError, match="ikke fra Nettverkslogg"):
        prepare_database(path)
    with sqlite3.connect(path) as conn:  # with our mark, the same file is ours from a newer version
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.close()
    with pytest.raises(DatabaseError, match="nyere versjon"):
        prepare_database(path)


def test_a_file_marked_by_another_program_is_not_ours(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA application_id=1234")
    conn.close()
    with pytest.raises(DatabaseError, match="ikke fra Nettverkslogg"):
        prepare_database(db_path)


def test_known_tables_equal_the_models():
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401
    from storage.schema_version import TABLES

    assert set(SQLModel.metadata.tables) == TABLES
