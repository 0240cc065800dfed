import sqlite3
from datetime import datetime, timedelta

import pytest

from storage.backup import (
    KEEP_BACKUPS,
    copy_database,
    daily_backup,
    list_backups,
    make_backup,
    restore_database,
)
from storage.errors import DatabaseError
from storage.lock import DatabaseLock
from storage.services.municipalities import count_municipalities, create_municipality
from tests.storage.test_municipalities import MUNICIPALITY, PARTICIPATION


def test_copy_while_a_writer_holds_the_database(store, db_path, tmp_path):
    create_municipality(store, MUNICIPALITY, PARTICIPATION)
    writer = sqlite3.connect(db_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE municipality SET inhabitants = 1")
    copy = copy_database(db_path, tmp_path / "copy.db")
    writer.rollback()
    writer.close()
    rows = sqlite3.connect(copy).execute("SELECT name, inhabitants FROM municipality").fetchall()
    assert rows == [("Fjordvik", 12000)]


def test_daily_backup_once_a_day_and_keeps_ten(db_path, tmp_path):
    folder = tmp_path / "backups"
    start = datetime(2026, 1, 1, 8, 0)
    assert daily_backup(db_path, folder, now=start) is not None
    assert daily_backup(db_path, folder, now=start + timedelta(hours=3)) is None
    for day in range(1, 15):
        daily_backup(db_path, folder, now=start + timedelta(days=day))
    kept = list_backups(folder)
    assert len(kept) == KEEP_BACKUPS
    assert kept[-1].name.startswith("nettverkslogg-20260115-")
    assert kept[0].name.startswith("nettverkslogg-20260106-")


def test_restore_replaces_and_keeps_the_old_one(store, db_path, tmp_path):
    snapshot = make_backup(db_path, tmp_path / "b", "manuell")  # empty database
    create_municipality(store, MUNICIPALITY, PARTICIPATION)
    store.close()
    kept = restore_database(db_path, snapshot, tmp_path / "b")
    assert kept is not None and kept.exists()
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM municipality").fetchone()[0] == 0
    assert sqlite3.connect(kept).execute("SELECT count(*) FROM municipality").fetchone()[0] == 1


@pytest.mark.parametrize("content", [b"", b"not a database at all", None])
def test_restore_refuses_non_databases(store, db_path, tmp_path, content):
    create_municipality(store, MUNICIPALITY, PARTICIPATION)
    source = tmp_path / "source.db"
    if content is None:  # an SQLite file that is not ours
        with sqlite3.connect(source) as c:
            c.execute("CREATE TABLE x (y)")
        c.close()
    else:
        source.write_bytes(content)
    with pytest.raises(DatabaseError, match="ikke (en|fra) Nettverkslogg"):
        restore_database(db_path, source, tmp_path / "b")
    assert count_municipalities(store) == 1
    assert list_backups(tmp_path / "b") == []


def test_lock_refuses_a_second_holder(db_path):
    with DatabaseLock(db_path):
        with pytest.raises(DatabaseError, match="allerede åpen") as caught:
            DatabaseLock(db_path).acquire()
        assert caught.value.exit_code == 3
    with DatabaseLock(db_path):  # released: can be taken again
        pass
