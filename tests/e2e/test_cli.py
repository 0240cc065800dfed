"""The CLI as a user runs it: exit codes, Norwegian messages, files left untouched on bad input."""

import shutil
import sqlite3

from storage.schema_version import HEAD
from tests.e2e.conftest import sha


def test_help_is_norwegian(cli):
    result = cli("--help")
    assert result.returncode == 0
    assert "eksempeldata" in result.stdout and "integritetssjekk" in result.stdout
    assert result.stdout.startswith("bruk:") and "options" not in result.stdout


def test_argument_errors_are_norwegian(cli):
    result = cli("backup", "--db", "x.db")
    assert result.returncode == 2 and "disse valgene må være med: --out" in result.stderr


def test_check_on_missing_file(cli, tmp_path):
    result = cli("check", "--db", str(tmp_path / "finnes-ikke.db"))
    assert result.returncode != 0
    assert "Finner ikke databasen" in result.stderr
    assert not (tmp_path / "finnes-ikke.db").exists()
    assert "Traceback" not in result.stderr


def test_check_on_a_text_file(cli, tmp_path):
    path = tmp_path / "notater.db"
    path.write_text("Dette er ikke en database.\n")
    before = sha(path)
    result = cli("check", "--db", str(path))
    assert result.returncode != 0
    assert "ikke en Nettverkslogg-database" in result.stderr
    assert sha(path) == before and "Traceback" not in result.stderr


def test_window_refuses_a_non_sqlite_file_before_qt(cli, tmp_path):
    path = tmp_path / "bilde.db"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    before = sha(path)
    result = cli("--db", str(path))
    assert result.returncode != 0 and "ikke en Nettverkslogg-database" in result.stderr
    assert sha(path) == before


def test_newer_database_is_refused(cli, db_path):
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE alembic_version SET version_num = '0999'")
    c.close()
    before = sha(db_path)
    for args in (("check", "--db", str(db_path)), ("--db", str(db_path))):
        result = cli(*args)
        assert result.returncode != 0
        assert "nyere versjon av Nettverkslogg" in result.stderr
        assert sha(db_path) == before


def test_read_only_folder_is_refused(cli, template_db, read_only_folder):
    existing = read_only_folder.path / "kommune.db"
    shutil.copyfile(template_db, existing)
    read_only_folder.lock()
    before = sha(existing)
    # The window opens such a file for reading (test_cli_storage_failures.py); everything else refuses.
    for args in (("check", "--db", str(existing)),
                 ("--db", str(read_only_folder.path / "ny.db")),
                 ("demo", "--db", str(read_only_folder.path / "ny.db"))):
        result = cli(*args)
        assert result.returncode != 0, args
        assert "skrivebeskyttet" in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert sha(existing) == before
    assert sorted(p.name for p in read_only_folder.path.iterdir()) == ["kommune.db"]


def test_backup_and_restore(cli, db_path, tmp_path):
    copy = tmp_path / "kopi.db"
    result = cli("backup", "--db", str(db_path), "--out", str(copy))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db_path) as c:
        c.execute("INSERT INTO setting (key, value, updated_at) VALUES ('x', 'y', '2026-01-01 00:00:00')")
    c.close()
    result = cli("restore", "--db", str(db_path), "--from", str(copy))
    assert result.returncode == 0, result.stderr
    assert "tatt vare på" in result.stdout
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM setting WHERE key='x'").fetchone()[0] == 0


def test_restore_refuses_a_foreign_file(cli, db_path, tmp_path):
    junk = tmp_path / "regneark.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really")
    before = sha(db_path)
    result = cli("restore", "--db", str(db_path), "--from", str(junk))
    assert result.returncode != 0 and "ikke en Nettverkslogg-database" in result.stderr
    assert sha(db_path) == before


def test_check_reports_ok_and_finds_broken_references(cli, db_path):
    result = cli("check", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert f"Skjemaversjon: {HEAD}" in result.stdout and "Integritetssjekk: ok" in result.stdout
    with sqlite3.connect(db_path) as c:  # a session log pointing at a unit that does not exist
        c.execute("PRAGMA foreign_keys=OFF")
        c.execute("INSERT INTO session_log (id, created_at, updated_at, unit_id, held_on, duration_minutes, "
                  "staff_present, staff_total, theme, children_involved, parents_involved, source) VALUES "
                  "('0123456789abcdef0123456789abcdef', '2026-01-01', '2026-01-01', "
                  "'ffffffffffffffffffffffffffffffff', '2026-01-01', 60, 5, 10, 'Tema', 0, 0, 'app')")
    c.close()
    result = cli("check", "--db", str(db_path))
    assert result.returncode == 1
    assert "Integritetssjekk: FEIL" in result.stdout and "session_log" in result.stdout
