"""The daily backup refuses a damaged database; the reason reaches the user (Oversikt), not only the log."""

from __future__ import annotations

import shutil

from desktop.__main__ import _start_daily_backup
from storage.backup import list_backups
from tests.damage import damage_table


def test_a_refused_daily_backup_is_told(db_path, tmp_path):
    damaged = tmp_path / "skadet.db"
    shutil.copyfile(db_path, damaged)
    damage_table(damaged, "setting")
    told: list[str] = []
    _start_daily_backup(damaged, tmp_path / "kopier", told.append).join(timeout=60)
    assert len(told) == 1 and told[0].startswith("Dagens sikkerhetskopi ble ikke tatt: ")
    assert list_backups(tmp_path / "kopier") == []


def test_a_good_daily_backup_says_nothing(db_path, tmp_path):
    told: list[str] = []
    _start_daily_backup(db_path, tmp_path / "kopier", told.append).join(timeout=60)
    assert told == [] and len(list_backups(tmp_path / "kopier")) == 1
