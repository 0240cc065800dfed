"""Migrations: the schema they build equals the models; upgrades back up first; newer DBs are refused."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import storage.migrate
import storage.models  # noqa: F401
import storage.probe
from storage.backup import list_backups
from storage.db import make_engine
from storage.errors import DatabaseError, NewerDatabaseError
from storage.migrate import MIGRATIONS_DIR, alembic_config, prepare_database
from storage.schema_version import HEAD, REVISIONS
from storage.urls import resolve_url

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrated_schema_equals_models(backend_url):
    """On SQLite and on PostgreSQL alike."""
    engine = make_engine(backend_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


def test_known_revisions_equal_alembic_history():
    script = ScriptDirectory.from_config(alembic_config())
    history = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(history) == REVISIONS
    assert script.get_current_head() == HEAD


def test_new_database_runs_every_migration_and_gets_an_identity(tmp_path):
    opened = prepare_database(tmp_path / "ny.db")
    assert opened.revision == HEAD and opened.upgraded_from == "" and opened.backup is None
    assert len(opened.database_id) == 36
    again = prepare_database(tmp_path / "ny.db")
    assert again.database_id == opened.database_id and again.upgraded_from is None


def test_sqlite_pragmas(db_path):
    engine = make_engine(resolve_url(db_path))
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    engine.dispose()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.name)
def test_each_release_fixture_upgrades_with_its_data(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = sqlite3.connect(path).execute("SELECT count(*) FROM session_log").fetchone()[0]
    opened = prepare_database(path, tmp_path / "backup")
    assert opened.revision == HEAD
    assert sqlite3.connect(path).execute("SELECT count(*) FROM session_log").fetchone()[0] == before > 0


def test_fixture_exists_for_the_first_schema():
    assert (FIXTURES / "schema-0001.db").exists()


def test_newer_database_is_refused_untouched(db_path):
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    c.close()
    before = digest(db_path)
    with pytest.raises(NewerDatabaseError, match="nyere versjon"):
        prepare_database(db_path)
    assert digest(db_path) == before


@pytest.mark.parametrize("content", [b"hello, this is text\n" * 10, b"PK\x03\x04" + b"\0" * 200])
def test_not_sqlite_is_refused_untouched(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match="ikke en Nettverkslogg-database"):
        prepare_database(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE customers (id INTEGER)")
    c.close()
    before = digest(path)
    with pytest.raises(DatabaseError, match="ikke fra Nettverkslogg"):
        prepare_database(path)
    assert digest(path) == before


def test_upgrade_makes_a_backup_first(tmp_path, monkeypatch, db_path):
    """A next revision (written here, for the test) upgrades a database at HEAD after copying it."""
    following = f"{int(HEAD) + 1:04d}"
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations)
    (migrations / "versions" / f"{following}_test.py").write_text(
        f'import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "{following}"\ndown_revision = "{HEAD}"\n'
        'branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n'
        '    with op.batch_alter_table("unit") as batch:\n'
        '        batch.add_column(sa.Column("test_note", sa.String(20), nullable=True))\n\n\n'
        'def downgrade():\n    pass\n')
    monkeypatch.setattr(storage.migrate, "MIGRATIONS_DIR", migrations)
    for module in (storage.migrate, storage.probe):
        monkeypatch.setattr(module, "REVISIONS", (*REVISIONS, following))
        monkeypatch.setattr(module, "HEAD", following)
    monkeypatch.setattr(storage.probe.Probe, "needs_upgrade", property(lambda self: self.revision != following))
    before = digest(db_path)
    opened = prepare_database(db_path, tmp_path / "kopier")
    assert opened.upgraded_from == HEAD and opened.revision == following
    assert opened.backup in list_backups(tmp_path / "kopier")
    assert digest(opened.backup) == before or sqlite3.connect(opened.backup).execute(
        "SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    columns = [r[1] for r in sqlite3.connect(db_path).execute("PRAGMA table_info(unit)")]
    assert "test_note" in columns


def test_0002_moves_the_old_shared_draft_to_the_current_municipalitys_reports(tmp_path):
    """The 0001 app kept one draft for all reports in a setting; after 0002 it is the current
    municipality's draft of each report kind for the whole period, and the setting is gone."""
    import json

    path = tmp_path / "schema-0001.db"
    shutil.copyfile(FIXTURES / "schema-0001.db", path)
    texts = {"experiences": "Felles språk – æøå", "development": "", "continuation": "Vi fortsetter."}
    with sqlite3.connect(path) as c:
        (municipality,) = c.execute("SELECT id FROM municipality ORDER BY name LIMIT 1").fetchone()
        c.execute("INSERT INTO setting (key, value, updated_at) VALUES ('report_draft_texts', ?, "
                  "'2026-11-01 10:00:00.000000')", (json.dumps(texts, ensure_ascii=False),))
    c.close()
    opened = prepare_database(path, tmp_path / "backup")
    assert opened.upgraded_from == "0001" and opened.revision == HEAD
    with sqlite3.connect(path) as c:
        rows = c.execute("SELECT municipality_id, kind, scope, texts FROM report_draft ORDER BY kind").fetchall()
        left = c.execute("SELECT count(*) FROM setting WHERE key = 'report_draft_texts'").fetchone()[0]
    c.close()
    assert [(r[0], r[1], r[2]) for r in rows] == [(municipality, k, "") for k in ("final", "funds", "midterm")]
    assert all(json.loads(r[3]) == texts for r in rows)
    assert left == 0
