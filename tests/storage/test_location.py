"""Risky folders (cloud sync, network shares) are recognised, and a database moves out of them safely."""

from __future__ import annotations

import sqlite3

import pytest

from storage.errors import DatabaseError
from storage.location import CLOUD, NETWORK, network_filesystem, risky_location
from storage.relocate import local_target, move_database
from storage.services.municipalities import create_municipality, list_municipalities
from storage.store import Store
from storage.urls import resolve_url
from tests.storage.conftest import MUNICIPALITY, PARTICIPATION

LOCAL_MOUNTS = "/dev/sda1 / ext4 rw 0 0\ntmpfs /tmp tmpfs rw 0 0\n"
SHARE_MOUNTS = LOCAL_MOUNTS + ("//filserver/felles /mnt/felles cifs rw 0 0\n"
                               "nas:/home /home/kari/nas\\040disk nfs4 rw 0 0\n")


@pytest.mark.parametrize("path, service", [
    ("/home/kari/OneDrive/nettverkslogg.db", "OneDrive"),
    ("/home/kari/OneDrive - Bodø kommune/Logg/nettverkslogg.db", "OneDrive"),
    ("/Users/kari/Library/CloudStorage/OneDrive-Personal/nettverkslogg.db", "OneDrive"),
    ("/home/kari/Dropbox/nettverkslogg.db", "Dropbox"),
    ("/home/kari/Dropbox (Kommune)/nettverkslogg.db", "Dropbox"),
    ("/Users/kari/Library/CloudStorage/GoogleDrive-kari@example.no/My Drive/logg.db", "Google Drive"),
    ("/home/kari/Google Drive/logg.db", "Google Drive"),
    ("/Users/kari/Library/Mobile Documents/com~apple~CloudDocs/logg.db", "iCloud"),
])
def test_cloud_folders_by_name(path, service):
    found = risky_location(path, environ={}, mounts=LOCAL_MOUNTS, windows=False)
    assert found is not None and (found.kind, found.service) == (CLOUD, service)
    assert service in found.message


def test_onedrive_by_environment_on_windows():
    env = {"OneDriveCommercial": "C:\\Users\\kari\\Bodø kommune"}
    found = risky_location("C:\\Users\\kari\\Bodø kommune\\Dokumenter\\logg.db", environ=env, windows=True)
    assert found is not None and found.service == "OneDrive"
    assert risky_location("C:\\Users\\kari\\AppData\\Local\\Nettverkslogg\\nettverkslogg.db", environ=env,
                          windows=True) is None


def test_network_shares():
    unc = risky_location("\\\\filserver\\felles\\logg.db", environ={}, windows=True)
    assert unc is not None and unc.kind == NETWORK
    assert network_filesystem("/mnt/felles/logg.db", SHARE_MOUNTS) == "cifs"
    assert network_filesystem("/home/kari/nas disk/logg.db", SHARE_MOUNTS) == "nfs4"
    assert network_filesystem("/home/kari/nas/logg.db", SHARE_MOUNTS) is None
    found = risky_location("/mnt/felles/logg.db", environ={}, mounts=SHARE_MOUNTS, windows=False)
    assert found is not None and found.kind == NETWORK and "nettverksdisk" in found.message


def test_local_folders_are_not_risky(tmp_path):
    assert risky_location(tmp_path / "nettverkslogg.db", environ={}) is None  # this machine's real mounts
    assert risky_location("/home/kari/Dokumenter/logg.db", environ={}, mounts=LOCAL_MOUNTS, windows=False) is None


def test_a_real_folder_named_onedrive(tmp_path, db_path):
    synced = tmp_path / "OneDrive" / "Jobb"
    synced.mkdir(parents=True)
    assert risky_location(synced / "logg.db", environ={}).service == "OneDrive"
    assert risky_location(db_path, environ={"OneDrive": str(db_path.parent)}).service == "OneDrive"


def test_move_copies_every_row_and_keeps_the_old_file(store, db_path, tmp_path):
    create_municipality(store, MUNICIPALITY, PARTICIPATION)  # the rows may still be in the -wal file
    before = db_path.read_bytes()
    target = local_target(tmp_path / "lokal")
    assert target.name == "nettverkslogg.db"
    moved = move_database(db_path, target)
    assert moved == target and db_path.read_bytes() == before
    copy = Store(resolve_url(moved))
    try:
        assert [m.name for m in list_municipalities(copy)] == [MUNICIPALITY["name"]]
    finally:
        copy.close()
    assert sorted(p.name for p in target.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == \
        ["nettverkslogg.db"]
    assert local_target(target.parent).name.startswith("nettverkslogg-flyttet-")
    with pytest.raises(DatabaseError):
        move_database(db_path, target)  # never over an existing database


def test_a_copy_that_differs_is_not_switched_to(db_path, tmp_path, monkeypatch):
    import storage.relocate as relocate

    real_copy = relocate.copy_database

    def bad_copy(source, dest):
        real_copy(source, dest)
        with sqlite3.connect(dest) as conn:
            conn.execute("DELETE FROM setting WHERE key='database_id'")
        conn.close()

    monkeypatch.setattr(relocate, "copy_database", bad_copy)
    target = tmp_path / "lokal" / "nettverkslogg.db"
    with pytest.raises(DatabaseError) as caught:
        move_database(db_path, target)
    assert "ikke flyttet" in caught.value.message
    assert list(target.parent.iterdir()) == []
