"""The runner's boundary: a storage failure outside a transaction reaches the user as its Norwegian
message (not the crash dialog), and the traceback goes to the log."""

from __future__ import annotations

import logging

from storage import db as storage_db
from storage.urls import resolve_url
from ui.runner import Runner

LOCKED = "Databasen er i bruk av et annet program. Lukk det andre programmet, eller vent litt, og prøv igjen."


def test_a_locked_database_is_a_message_not_a_crash(qtbot, db_path, lock_holder, monkeypatch, caplog):
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 300)
    crashes, errors = [], []
    runner = Runner(resolve_url(db_path), crash_handler=crashes.append)
    try:
        holder = lock_holder(db_path)

        def job(store, progress, cancel):  # a write outside Store.transaction(): the boundary maps it
            with store.engine.connect() as conn:
                conn.exec_driver_sql("INSERT INTO setting (key, value, updated_at) VALUES ('x', 'y', '2026-01-01')")
                conn.commit()

        with caplog.at_level(logging.INFO, logger="ui.runner"):
            with qtbot.waitSignal(runner.job_finished, timeout=10_000):
                runner.submit(job, on_error=errors.append)
        holder.release()
    finally:
        runner.shutdown()
    assert crashes == []
    assert [e.message for e in errors] == [LOCKED]
    [record] = [r for r in caplog.records if r.name == "ui.runner"]
    assert record.exc_info is not None and "locked" in str(record.exc_info[1].__cause__)
