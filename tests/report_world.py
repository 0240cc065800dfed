"""The demo database for report tests, and the figures the database holds, counted with plain SQL
(independently of the services under test)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from storage.demo import DEMO_TODAY, generate_demo
from storage.store import Store
from storage.urls import resolve_url

TODAY = DEMO_TODAY


def make_demo(template_db: Path, folder: Path) -> Path:
    path = folder / "demo.db"
    shutil.copyfile(template_db, path)
    store = Store(resolve_url(path))
    try:
        generate_demo(store)
    finally:
        store.close()
    return path


def db_truth(path: Path) -> dict[str, int]:
    """Counts for the whole period, as of the demo's today (expenses dated after today not spent)."""
    with sqlite3.connect(path) as con:
        one = lambda sql: con.execute(sql).fetchone()[0] or 0  # noqa: E731
        return {
            # The units a report counts: not archived, or archived but active (a log or attendance at a
            # held gathering); the demo's period holds all of its data.
            "units": one("select count(*) from unit u where archived = 0 or exists (select 1 from session_log l "
                         "where l.unit_id = u.id) or exists (select 1 from attendance a join gathering g on "
                         "g.id = a.gathering_id where a.unit_id = u.id and g.status = 'held')"),
            "held": one("select count(*) from gathering where status = 'held'"),
            "logs": one("select count(*) from session_log"),
            "grant": int(one("select sum(amount_nok * share_percent / 100) from \"grant\"")),
            "own": one("select sum(amount_nok) from own_funding"),
            "spent": one(f"select sum(amount_nok) from expense where spent_on <= '{TODAY}'"),
            "spent_grant": one(f"select sum(amount_nok) from expense where funded_by = 'grant' and "
                               f"spent_on <= '{TODAY}'"),
        }


def municipality_id(store: Store):
    from storage.services.municipalities import list_municipalities

    return list_municipalities(store)[0].id
