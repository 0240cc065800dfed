"""Storage failures under real conditions become Norwegian messages that say what to do (issue 10.5).

A full disk is a tiny tmpfs, a read-only folder or file is `chattr +i`, the lock is `BEGIN EXCLUSIVE`
in another process, the damage is garbage written over the file's pages.
"""

from __future__ import annotations

import shutil

import pytest

from storage import db as storage_db
from storage.errors import DatabaseError
from storage.probe import probe_sqlite
from storage.services.municipalities import create_municipality, list_municipalities
from storage.store import Store
from storage.urls import resolve_url
from tests.e2e.conftest import ReadOnlyFolder
from tests.failure_conditions import copy_into, damage
from tests.storage.conftest import MUNICIPALITY, PARTICIPATION

FULL = "Disken er full. Ingenting er lagret. Frigjør plass og prøv igjen."
READ_ONLY = ("Databasen kan ikke endres fordi fila eller mappa den ligger i er skrivebeskyttet. Ingenting er "
             "lagret. Flytt fila til en mappe du kan skrive i, og åpne den der.")
LOCKED = ("Databasen er i bruk av et annet program. Ingenting er lagret. Lukk det andre programmet, eller vent "
          "litt, og prøv igjen.")
DAMAGED = "Databasefila er skadet. Gjenopprett databasen fra en sikkerhetskopi."


def _save(store: Store):
    return create_municipality(store, MUNICIPALITY, PARTICIPATION)


@pytest.fixture
def read_only_folder(tmp_path):
    folder = ReadOnlyFolder(tmp_path / "skrivebeskyttet")
    yield folder
    folder.unlock()


def test_full_disk_stores_nothing_and_says_so(template_db, tiny_disk):
    disk = tiny_disk(2048)
    store = Store(resolve_url(copy_into(template_db, disk.path)))
    try:
        assert list_municipalities(store) == []  # the -wal and -shm files exist now
        disk.fill()
        with pytest.raises(DatabaseError) as caught:
            _save(store)
        assert caught.value.message == FULL
        disk.free_space()
        assert list_municipalities(store) == []
        assert _save(store).name == MUNICIPALITY["name"]  # with room again, saving works
    finally:
        store.close()


def test_read_only_folder_explains_why_nothing_was_saved(template_db, read_only_folder):
    path = copy_into(template_db, read_only_folder.path)
    read_only_folder.lock()
    for read_only in (False, True):
        store = Store(resolve_url(path), read_only=read_only)
        try:
            with pytest.raises(DatabaseError) as caught:
                _save(store)
            assert caught.value.message == READ_ONLY
        finally:
            store.close()
    reader = Store(resolve_url(path), read_only=True)
    try:
        assert list_municipalities(reader) == []  # a read-only store still reads
    finally:
        reader.close()


def test_read_only_file_explains_why_nothing_was_saved(db_path):
    file = ReadOnlyFolder.__new__(ReadOnlyFolder)  # chattr +i works on a file as well
    file.path = db_path
    file.lock()
    try:
        store = Store(resolve_url(db_path))
        try:
            with pytest.raises(DatabaseError) as caught:
                _save(store)
            assert caught.value.message == READ_ONLY
        finally:
            store.close()
    finally:
        file.unlock()
        db_path.chmod(0o644)


def test_database_held_by_another_program(db_path, lock_holder, monkeypatch):
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 300)
    store = Store(resolve_url(db_path))
    try:
        holder = lock_holder(db_path)
        with pytest.raises(DatabaseError) as caught:
            _save(store)
        assert caught.value.message == LOCKED
        holder.release()
        assert _save(store).name == MUNICIPALITY["name"]
    finally:
        store.close()


def test_damaged_file_is_named_as_damaged(db_path, tmp_path):
    shutil.copyfile(db_path, tmp_path / "før.db")
    damage(db_path)
    store = Store(resolve_url(db_path))
    try:
        with pytest.raises(DatabaseError) as caught:
            list_municipalities(store)
        assert caught.value.message == DAMAGED
    finally:
        store.close()
    with pytest.raises(DatabaseError) as caught:
        probe_sqlite(db_path)
    assert "skadet" in caught.value.message and "malformed" not in caught.value.message


def test_a_file_without_access_outside_the_database(tmp_path):
    """An export folder the user may not write in: named, in Norwegian, not called the database."""
    from storage.db_errors import database_error

    folder = ReadOnlyFolder(tmp_path / "rapporter")
    folder.lock()
    try:
        with pytest.raises(OSError) as caught:
            (folder.path / "rapport.pdf").write_bytes(b"%PDF")
    finally:
        folder.unlock()
    error = database_error(caught.value)
    assert error is not None and error.message.startswith(f"Ingen tilgang til {folder.path / 'rapport.pdf'}:")
    assert "Databasen" not in error.message
    assert database_error(ValueError("x")) is None  # a bug stays a bug (the crash dialog)
