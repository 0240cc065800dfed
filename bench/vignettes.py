"""Vignette benchmark: the analysis of 2 000 coded answers and kappa over 1 000 double-coded answers.

    .venv/bin/python bench/vignettes.py [--db county.db] [--runs 9]

Without --db it makes the county-scale demo database once (bench/.cache/county.db). Sessions are taken
in a fixed order until they hold 2 000 answers coded by "RP" (analysis) and 1 000 answers coded by both
"RP" and "K2" (kappa). If the database has fewer double-coded answers than that, a copy of it
(bench/.cache/county-kappa.db, made once) gets K2 codings through the coding services until it has.
Prints the cold first run and the median of `--runs` warm runs. Targets: analysis ≤ 0.5 s, kappa ≤ 0.1 s.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
sys.path.insert(0, str(ROOT))
from bench.common import ensure_county_db, timed  # noqa: E402,F401

ANALYSIS_ANSWERS, KAPPA_ANSWERS = 2000, 1000
ANALYSIS_TARGET_S, KAPPA_TARGET_S = 0.5, 0.1
CODER_A, CODER_B = "RP", "K2"



def coder_counts(store) -> list[tuple]:
    """(session id, answers coded by A, answers coded by A and B) for every session, in a fixed order."""
    from storage.services.agreement import agreement
    from storage.services.coding import session_coders
    from storage.services.municipalities import list_municipalities
    from storage.services.vignette_sessions import list_sessions

    rows = []
    for municipality in list_municipalities(store):
        for detail in sorted(list_sessions(store, municipality.id), key=lambda d: (d.session.held_on, d.session.id)):
            coders = dict(session_coders(store, detail.session.id))
            double = agreement(store, detail.session.id, CODER_A, CODER_B).double_coded if CODER_B in coders else 0
            rows.append((detail.session.id, coders.get(CODER_A, 0), double))
    return rows


def take(rows: list[tuple], column: int, wanted: int) -> tuple[list, int]:
    ids, total = [], 0
    for row in rows:
        if total >= wanted:
            break
        if row[column]:
            ids.append(row[0])
            total += row[column]
    return ids, total


def top_up_double_coding(store, rows: list[tuple], missing: int) -> None:
    """Let K2 code answers RP has coded (same codes) until `missing` more answers are double-coded."""
    from storage.services.coding import apply_codes, response_codes, set_number
    from storage.services.vignette_sessions import list_responses

    for session_id, coded, double in rows:
        if missing <= 0:
            return
        if not coded or double:
            continue
        for response in list_responses(store, session_id):
            first = response_codes(store, response.id, CODER_A)
            if not first.codes and not first.numbers:
                continue
            apply_codes(store, response.id, CODER_B, sorted(first.keys()))
            for dimension, value in first.numbers.items():
                set_number(store, response.id, CODER_B, dimension, value)
            missing -= 1
            if missing <= 0:
                return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    from storage.services.agreement import agreement
    from storage.services.vignette_analysis import analyse
    from storage.store import Store
    from storage.urls import resolve_url

    path = args.db or ensure_county_db()
    store = Store(resolve_url(path))
    rows = coder_counts(store)
    kappa_ids, double = take(rows, 2, KAPPA_ANSWERS)
    if double < KAPPA_ANSWERS:
        store.close()
        copy = CACHE / "county-kappa.db"
        if not copy.exists():
            print(f"{double} dobbeltkodede svar; lager {copy} med flere K2-kodinger …", flush=True)
            shutil.copyfile(path, copy)
            store = Store(resolve_url(copy))
            top_up_double_coding(store, rows, KAPPA_ANSWERS - double)
        else:
            store = Store(resolve_url(copy))
        rows = coder_counts(store)
        kappa_ids, double = take(rows, 2, KAPPA_ANSWERS)
    analysis_ids, coded = take(rows, 1, ANALYSIS_ANSWERS)

    cold, warm, result = timed(lambda: analyse(store, analysis_ids, coder=CODER_A), args.runs)
    print(f"Analyse: {result.coded} kodede svar ({result.responses} svar) i {len(analysis_ids)} økter: "
          f"første {cold:.3f} s, median {warm:.3f} s (mål ≤ {ANALYSIS_TARGET_S} s)")
    ok = warm <= ANALYSIS_TARGET_S
    cold, warm, report = timed(lambda: agreement(store, kappa_ids, CODER_A, CODER_B), args.runs)
    print(f"Kappa: {report.double_coded} dobbeltkodede svar i {len(kappa_ids)} økter, "
          f"{len(report.disagreements)} uenigheter: første {cold:.3f} s, median {warm:.3f} s "
          f"(mål ≤ {KAPPA_TARGET_S} s)")
    ok = ok and warm <= KAPPA_TARGET_S
    store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
