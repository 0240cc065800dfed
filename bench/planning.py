"""Planning benchmark: the obligations overview (`nettverkslogg status`) for one municipality.

    .venv/bin/python bench/planning.py [--db county.db] [--runs 5] [--kommune NAVN_ELLER_NUMMER]

Without --db it makes the county-scale demo database once (bench/.cache/county.db). Prints the cold
first run and the median of `--runs` warm runs of `obligations_status` for the municipality (the current
one, else the one named), and the same for the funds summary and the resource-person rule. Target for
the overview: ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
sys.path.insert(0, str(ROOT))
from bench.common import ensure_county_db  # noqa: E402

TARGET_S = 0.3


def timed(call, runs: int) -> tuple[float, float]:
    """Seconds of the first (cold) call and the median of `runs` calls after it."""
    start = time.perf_counter()
    call()
    cold = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return cold, statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kommune")
    args = parser.parse_args()

    from storage.demo import DEMO_TODAY
    from storage.services.funds import funds_summary
    from storage.services.municipalities import current_municipality, list_municipalities, participation_of
    from storage.services.obligations import obligations_status
    from storage.services.overview import check_database
    from storage.services.resource_persons import resource_rule_by_month
    from storage.store import Store
    from storage.urls import resolve_url

    path = args.db or ensure_county_db()
    store = Store(resolve_url(path))
    municipality = current_municipality(store)
    if args.kommune:
        municipality = next(m for m in list_municipalities(store) if args.kommune in (m.name, m.number))
    part = participation_of(store, municipality.id)
    rows = check_database(store).row_counts
    print(f"Database: {path} — {rows['municipality']} kommuner, {rows['unit']} enheter, "
          f"{rows['gathering']} samlinger, {rows['session_log']} øktlogger")
    print(f"Kommune: {municipality.name}, {len(part.semesters)} semestre, vurdert {DEMO_TODAY}")

    results = {
        "obligations_status": timed(lambda: obligations_status(store, municipality.id, today=DEMO_TODAY), args.runs),
        "funds_summary": timed(lambda: funds_summary(store, part.id, DEMO_TODAY), args.runs),
        "resource_rule_by_month": timed(lambda: resource_rule_by_month(store, municipality.id), args.runs),
    }
    for name, (cold, median) in results.items():
        print(f"  {name:<24} første {cold * 1000:7.1f} ms   median av {args.runs}: {median * 1000:7.1f} ms")
    median = results["obligations_status"][1]
    verdict = "OK" if median <= TARGET_S else "FOR TREGT"
    print(f"Forpliktelsesoversikt: {median * 1000:.1f} ms (mål ≤ {TARGET_S * 1000:.0f} ms) — {verdict}")
    store.close()
    return 0 if median <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
