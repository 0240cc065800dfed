"""The CLI and the window under real storage failures: a Norwegian message, no traceback (issue 10.5),
and database paths with `%20` or `?` (issue 10.6)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys

from tests.e2e.conftest import ROOT, sha
from tests.failure_conditions import copy_into, damage

ENGLISH = ("disk image", "malformed", "is locked", "readonly", "read-only", "unable to", "attempt to",
           "No space", "denied", "Error", "error", "Traceback", "sqlite3", "SQL")


def _norwegian_only(stderr: str) -> None:
    text = re.sub(r"/\S+", "", stderr)  # file paths
    assert not [word for word in ENGLISH if word in text], stderr


def _log_text(app_env) -> str:
    folder = os.path.join(app_env["XDG_STATE_HOME"], "Nettverkslogg", "log")
    return "".join(open(os.path.join(folder, name), encoding="utf-8").read() for name in os.listdir(folder))


def test_demo_on_a_full_disk(cli, tiny_disk, app_env):
    disk = tiny_disk(700)  # room for the empty schema, not for the demo data
    result = cli("demo", "--db", str(disk.path / "ny.db"))
    assert result.returncode != 0
    assert "Disken er full." in result.stderr and "Frigjør plass og prøv igjen." in result.stderr
    _norwegian_only(result.stderr)
    assert "Traceback" in _log_text(app_env)  # the traceback is kept in the log file, not shown


def test_write_while_another_program_holds_the_database(cli, db_path, lock_holder):
    holder = lock_holder(db_path)
    result = cli("demo", "--db", str(db_path))
    holder.release()
    assert result.returncode != 0
    assert ("Databasen er i bruk av et annet program. Ingenting er lagret. Lukk det andre programmet, eller "
            "vent litt, og prøv igjen.") in result.stderr
    _norwegian_only(result.stderr)
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM municipality").fetchone()[0] == 0


def test_damaged_database(cli, db_path):
    damage(db_path)
    before = sha(db_path)
    for args in (("status", "--db", str(db_path)), ("--db", str(db_path))):
        result = cli(*args)
        assert result.returncode != 0, args
        assert "skadet" in result.stderr and "sikkerhetskopi" in result.stderr, result.stderr
        _norwegian_only(result.stderr)
    assert sha(db_path) == before


def test_window_opens_a_read_only_database_for_reading(template_db, read_only_folder, app_env):
    existing = copy_into(template_db, read_only_folder.path)
    read_only_folder.lock()
    before = sha(existing)
    env = dict(app_env, NETTVERKSLOGG_EXIT_AFTER_PAINT="1")
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(existing)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "first-paint" in result.stdout
    assert sha(existing) == before
    assert sorted(p.name for p in read_only_folder.path.iterdir()) == ["kommune.db"]


def test_paths_with_percent_and_question_mark(cli, template_db, tmp_path):
    for name in ("kommune%20ny.db", "kommune?x=1.db", "kommune%3F#2.db"):
        folder = tmp_path / name.replace("?", "_").replace("%", "_").replace("#", "_")
        folder.mkdir()
        target = folder / name
        result = cli("demo", "--db", str(target))
        assert result.returncode == 0, (name, result.stderr)
        assert sorted(p.name for p in folder.iterdir() if not p.name.endswith((".lock", "-wal", "-shm"))) \
            == [name]
        result = cli("check", "--db", str(target))
        assert result.returncode == 0, (name, result.stderr)
        assert "Integritetssjekk: ok" in result.stdout
        assert sqlite3.connect(target).execute("SELECT count(*) FROM municipality").fetchone()[0] == 1
    copy = tmp_path / "kopi%20av.db"
    shutil.copyfile(template_db, copy)
    result = cli("status", "--db", str(copy))
    assert "Finner ikke databasen" not in result.stderr
