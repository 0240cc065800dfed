"""Ten clients on one PostgreSQL server for 60 s, all in one municipality: each edits units the way the
app does (read, change, save with the version it read; on «endret av en annen» read again and redo) and
now and then reads in the same returned session-log form as everyone else.

    .venv/bin/python bench/concurrent_clients.py [--clients 10] [--seconds 60]

Afterwards: lost updates (each unit's staff count must have grown by exactly the number of saves the
clients were told succeeded), duplicate logs (the form's sessions stored once each), and tracebacks
(any error other than the expected refusal). Starts a private server (tests/pg_server.py) and stops it.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORM_ROWS = 6
TODAY = date(2026, 11, 20)


def client(url: str, unit_ids: list[str], form: str, seconds: float, seed: int) -> dict:
    import uuid

    from exports.log_workbook import read_log_workbook
    from storage.errors import ConcurrentEditError
    from storage.services.session_log_import import commit_import, preview_files
    from storage.services.units import get_unit, update_unit
    from storage.store import Store

    store = Store(url)
    rng = random.Random(seed)
    done = {"saves": {u: 0 for u in unit_ids}, "refused": 0, "imports": 0, "errors": [], "operations": 0}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if rng.random() < 0.1:
                previews = preview_files(store, [form], read_log_workbook, today=TODAY)
                commit_import(store, previews)
                done["imports"] += 1
            else:
                unit_id = rng.choice(unit_ids)
                while True:  # what a user does after «endret av en annen»: look again, redo the change
                    seen = get_unit(store, uuid.UUID(unit_id))
                    try:
                        update_unit(store, seen.id, {"staff_count": seen.staff_count + 1,
                                                     "row_version": seen.row_version})
                        done["saves"][unit_id] += 1
                        break
                    except ConcurrentEditError:
                        done["refused"] += 1
            done["operations"] += 1
        except Exception:  # noqa: BLE001 - counted: the benchmark's result
            done["errors"].append(traceback.format_exc())
    store.close()
    return done


def count_logs(store, unit_id) -> int:
    from sqlalchemy import func, select

    from storage.models import SessionLog

    with store.reader() as session:
        return session.exec(select(func.count()).select_from(SessionLog).where(SessionLog.unit_id == unit_id)).one()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    options = parser.parse_args()

    from exports.log_workbook import write_log_workbooks
    from storage.demo import generate_demo
    from storage.migrate import prepare_database
    from storage.models import Unit
    from storage.services.log_templates import log_template_specs
    from storage.services.municipalities import current_municipality
    from storage.services.units import list_units
    from storage.store import Store
    from tests.log_world import fill, typical_row
    from tests.pg_server import PostgresServer

    folder = Path(f"/tmp/nettverkslogg-bench-clients-{os.getpid()}")
    server = PostgresServer(folder).start()
    work = Path(tempfile.mkdtemp())
    try:
        url = server.create_database("clients")
        prepare_database(url)
        store = Store(url)
        generate_demo(store)
        municipality = current_municipality(store)
        units = list_units(store, municipality.id)[:3]
        before = {u.id.hex: u.staff_count for u in units}
        from exports.log_workbook_layout import FIRST_ROW

        [form] = write_log_workbooks(log_template_specs(store, municipality.id, unit_ids=[units[0].id],
                                                         today=TODAY), work)
        fill(form, {FIRST_ROW + i: typical_row(held_on=f"{10 + i}.03.2026", theme=f"Tema {i}")
                    for i in range(FORM_ROWS)})
        logs_before = count_logs(store, units[0].id)
        start = time.monotonic()
        with ProcessPoolExecutor(options.clients) as pool:
            results = list(pool.map(client, [url] * options.clients, [[u.id.hex for u in units]] * options.clients,
                                    [str(form)] * options.clients, [options.seconds] * options.clients,
                                    range(options.clients)))
        elapsed = time.monotonic() - start
        with store.reader() as session:
            after = {u.id.hex: session.get(Unit, u.id).staff_count for u in units}
        logs_after = count_logs(store, units[0].id)
        saves = {u: sum(r["saves"][u] for r in results) for u in before}
        lost = sum(saves[u] - (after[u] - before[u]) for u in before)
        operations = sum(r["operations"] for r in results)
        errors = [e for r in results for e in r["errors"]]
        print(f"clients              {options.clients} for {elapsed:.0f} s")
        print(f"operations           {operations} ({operations / elapsed:.0f} per second)")
        print(f"saves                {sum(saves.values())}, refused and redone {sum(r['refused'] for r in results)}")
        print(f"imports of one form  {sum(r['imports'] for r in results)}")
        print(f"lost updates         {lost}")
        print(f"duplicate logs       {logs_after - logs_before - FORM_ROWS}")
        print(f"tracebacks           {len(errors)}")
        for error in errors[:3]:
            print(error, file=sys.stderr)
        store.close()
        return 0 if lost == 0 and not errors and logs_after - logs_before == FORM_ROWS else 1
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
