"""Benchmark of the session-log workbooks (not a test): «Lag loggskjema» for 60 units, and importing 40
returned workbooks of 50 rows each (read, validate, preview, store in one transaction).

    .venv/bin/python bench/log_workbooks.py [--runs 3] [--demo]

Targets: writing 60 templates ≤ 3 s; importing the 40 workbooks ≤ 3 s in total. The database is
synthetic (a municipality with 60 units in four networks, planned gatherings and open tasks); with
--demo it is the municipality-scale demo database, topped up to 60 units. Filling in the workbooks (as a
director would, with openpyxl) is not timed. The median of the runs is printed with the targets.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exports.log_workbook import read_log_workbook, write_log_workbooks  # noqa: E402
from exports.log_workbook_layout import FIRST_ROW, columns  # noqa: E402
from storage.migrate import prepare_database  # noqa: E402
from storage.models import UnitCreate  # noqa: E402
from storage.services.log_templates import log_template_specs  # noqa: E402
from storage.services.municipalities import create_municipality, current_municipality  # noqa: E402
from storage.services.networks import create_network, plan_gathering_series  # noqa: E402
from storage.services.session_log_import import commit_import, preview_files  # noqa: E402
from storage.services.tasks import add_task  # noqa: E402
from storage.services.units import add_units, list_units  # noqa: E402
from storage.store import Store  # noqa: E402
from storage.urls import resolve_url  # noqa: E402

TODAY = date(2026, 11, 20)
UNITS, FILES, ROWS = 60, 40, 50
THEMES = ("Voksenrollen i frileken", "Språk som inkluderer", "Aktivitetsplikten i praksis", "Overganger i hverdagen",
          "Vennskap og tilhørighet", "Elevmedvirkning og klassemiljø")


def synthetic(store: Store):
    muni = create_municipality(store, {"name": "Benkvik", "number": "4698", "county": "Vestland"},
                               {"cohort": 7, "kindergarten_authority": True, "school_owner": True,
                                "period_start": date(2025, 8, 1), "period_end": date(2027, 6, 30)})
    return muni


def top_up_units(store: Store, municipality_id) -> list:
    have = list_units(store, municipality_id, kinds=["kindergarten", "school", "combined"])
    missing = UNITS - len(have)
    if missing > 0:
        with store.transaction() as session:
            add_units(session, municipality_id, [UnitCreate(name=f"Benk {'barnehage' if n % 3 else 'skole'} {n + 1}",
                                                            kind="kindergarten" if n % 3 else "school",
                                                            staff_count=12 + n % 25) for n in range(missing)])
    units = list_units(store, municipality_id, kinds=["kindergarten", "school", "combined"])[:UNITS]
    return units


def setup(path: Path, demo: bool):
    prepare_database(path)
    store = Store(resolve_url(path))
    if demo:
        from storage.demo import generate_demo

        generate_demo(store, scale="municipality", seed=1)
        muni = current_municipality(store)
    else:
        muni = synthetic(store)
    units = top_up_units(store, muni.id)
    if not demo:
        for n in range(4):
            members = [u.id for u in units[n::4]]
            network = create_network(store, muni.id, {"name": f"Nettverk {n + 1}", "target": "mixed"}, members)
            plan_gathering_series(store, network.id, "2026H", 5, n, clock(12, 30), 150, "Rådhuset")
            plan_gathering_series(store, network.id, "2027V", 5, n, clock(12, 30), 150, "Rådhuset")
            add_task(store, muni.id, {"title": f"Oppgave til samling i nettverk {n + 1}", "network_id": network.id,
                                      "due_date": date(2026, 12, 10)})
    return store, muni, units


def fill(paths: list[Path], seed: int) -> None:
    import openpyxl

    rng = random.Random(seed)
    where = {c.field: c.letter for c in columns() if c.field}
    days = [date(2026, 1, 5) + timedelta(days=n) for n in range((TODAY - date(2026, 1, 5)).days)]
    for path in paths:
        wb = openpyxl.load_workbook(path)
        ws = wb["Øktlogg"]
        for n in range(ROWS):
            row, total = FIRST_ROW + n, rng.randint(8, 40)
            day = rng.choice(days)
            values = {"held_on": day.strftime("%d.%m.%Y") if n % 2 else datetime.combine(day, clock()),
                      "duration_minutes": rng.choice([45, 60, 90]), "staff_present": rng.randint(1, total),
                      "staff_total": total, "led_by": rng.choice(["Styrer", "Rektor", "Pedagogisk leder"]),
                      "theme": rng.choice(THEMES), "method": "Refleksjon i grupper",
                      "what_done": "Vi leste en vignett og delte erfaringer fra egen avdeling. " * 3,
                      "reflections": "Vi trenger en felles forståelse av når vi griper inn.",
                      "next_steps": "Prøve ut lekeveiledning i to uker.",
                      "children_involved": rng.choice(["Ja", "Nei"]), "parents_involved": "Nei"}
            for name, value in values.items():
                ws[f"{where[name]}{row}"] = value
        wb.save(path)


def run_once(store: Store, muni, units, folder: Path, seed: int) -> dict[str, float]:
    t0 = time.perf_counter()
    specs = log_template_specs(store, muni.id, unit_ids=[u.id for u in units], today=TODAY)
    paths = write_log_workbooks(specs, folder)
    t1 = time.perf_counter()
    assert len(paths) == UNITS
    returned = paths[:FILES]
    fill(returned, seed)
    t2 = time.perf_counter()
    previews = preview_files(store, returned, read_log_workbook, today=TODAY)
    t3 = time.perf_counter()
    result = commit_import(store, previews)
    t4 = time.perf_counter()
    assert all(p.ok for p in previews), [p.summary() for p in previews if not p.ok][:3]
    assert result.new == FILES * ROWS, result
    again = preview_files(store, returned, read_log_workbook, today=TODAY)
    commit_import(store, again)
    t5 = time.perf_counter()
    assert all(len(p.unchanged) == ROWS for p in again)
    return {"write": t1 - t0, "preview": t3 - t2, "commit": t4 - t3, "import": t4 - t2, "reimport": t5 - t4}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--demo", action="store_true", help="use the municipality-scale demo database")
    args = parser.parse_args()
    figures: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            store, muni, units = setup(Path(tmp) / f"bench{run}.db", args.demo)
            try:
                for key, value in run_once(store, muni, units, Path(tmp) / f"ut{run}", run).items():
                    figures.setdefault(key, []).append(value)
            finally:
                store.close()
    median = {key: statistics.median(values) for key, values in figures.items()}
    print(f"database: {'demo (municipality), topped up to 60 units' if args.demo else 'synthetic, 60 units'}; "
          f"runs: {args.runs}")
    print(f"write {UNITS} templates:            {median['write']:.2f} s   (target ≤ 3 s)  "
          f"runs: {', '.join(f'{v:.2f}' for v in figures['write'])}")
    print(f"import {FILES} workbooks × {ROWS} rows:   {median['import']:.2f} s   (target ≤ 3 s)  "
          f"= preview {median['preview']:.2f} s + commit {median['commit']:.2f} s; "
          f"runs: {', '.join(f'{v:.2f}' for v in figures['import'])}")
    print(f"re-import, nothing changes:       {median['reimport']:.2f} s")
    ok = median["write"] <= 3 and median["import"] <= 3
    print("OK" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
