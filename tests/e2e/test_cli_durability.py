"""Issue 10 through the real CLI: damaged files, backup targets, read-only commands, restore messages."""

from __future__ import annotations

import sqlite3

import pytest

from tests.damage import damage_table
from tests.e2e.conftest import sha

READ_ONLY_COMMANDS = [
    ("check",),
    ("status",),
    ("calendar", "--out", "{tmp}/k.ics"),
    ("log-templates", "--out", "{tmp}/skjema"),
    ("report", "--kind", "midterm", "--out", "{tmp}/rapport"),
]


def test_check_reports_a_damaged_file_without_a_traceback(cli, db_path):
    damage_table(db_path, "unit")
    result = cli("check", "--db", str(db_path))
    assert result.returncode == 1, result.stderr
    assert "Integritetssjekk: FEIL" in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_backup_refuses_a_damaged_file(cli, db_path, tmp_path):
    damage_table(db_path, "unit")
    result = cli("backup", "--db", str(db_path), "--out", str(tmp_path / "kopi.db"))
    assert result.returncode == 2 and "skadet" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "kopi.db").exists()


def test_backup_out_refuses_an_existing_file_unless_overwrite(cli, db_path, tmp_path, template_db):
    other = tmp_path / "annen.db"
    other.write_bytes(template_db.read_bytes())
    with sqlite3.connect(other) as c:
        c.execute("INSERT INTO setting (key, value, updated_at) VALUES ('annen', 'ja', '2026-01-01')")
    c.close()
    before = sha(other)
    result = cli("backup", "--db", str(db_path), "--out", str(other))
    assert result.returncode == 2 and "finnes allerede" in result.stderr and "--overwrite" in result.stderr
    assert sha(other) == before
    result = cli("backup", "--db", str(db_path), "--out", str(other), "--overwrite")
    assert result.returncode == 0, result.stderr
    assert sqlite3.connect(other).execute("SELECT count(*) FROM setting WHERE key='annen'").fetchone()[0] == 0


def test_backup_never_writes_over_the_database(cli, db_path, tmp_path):
    before = sha(db_path)
    link = tmp_path / "lenke.db"
    link.symlink_to(db_path)
    for out in (db_path, link, tmp_path / (db_path.name + "-wal")):
        result = cli("backup", "--db", str(db_path), "--out", str(out), "--overwrite")
        assert result.returncode == 2 and "samme navn som databasen" in result.stderr, (out, result.stderr)
    assert sha(db_path) == before


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=lambda c: c[0])
def test_read_only_commands_refuse_an_empty_file(cli, tmp_path, command):
    path = tmp_path / "tom.db"
    path.write_bytes(b"")
    args = [part.format(tmp=tmp_path) for part in command]
    result = cli(*args, "--db", str(path))
    assert result.returncode != 0
    assert "er tom" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("tom.db")) == ["tom.db"]


def test_restore_names_the_kept_copy(cli, db_path, tmp_path):
    copy = tmp_path / "kopi.db"
    assert cli("backup", "--db", str(db_path), "--out", str(copy)).returncode == 0
    result = cli("restore", "--db", str(db_path), "--from", str(copy))
    assert result.returncode == 0, result.stderr
    kept = result.stdout.split("tatt vare på her: ")[1].strip()
    assert sqlite3.connect(kept).execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert not list(db_path.parent.glob(db_path.name + ".gjenoppretting*"))
