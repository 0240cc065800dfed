"""Table benchmark: the units and gatherings tables for a whole county, filtered as the user types.

    .venv/bin/python bench/tables.py [--db county.db] [--words skole,samling] [--runs 3]

Without --db it uses (or makes) the county-scale demo database (bench/.cache/county.db). Loads every
municipality's units and gatherings through the services into the Planlegging tab's own table models
(RecordTableModel + the tabs' FastSearchProxy, a SearchProxy that builds each row's search text
once and sorts rows in Python, shown in a QTableView), then types each word
letter by letter with `set_search` and times every keystroke, the filter alone and with the view's
repaint, then deletes the word again. Target: ≤ 50 ms per keystroke (the median with the repaint;
spikes come from other load on the machine). Not a test: prints the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.planning import ensure_county_db  # noqa: E402

TARGET_MS = 50.0


def load_county(store):
    from storage.services.gatherings_plan import list_gatherings
    from storage.services.municipalities import list_municipalities
    from storage.services.networks import network_names
    from storage.services.units import list_units

    units, gatherings, names = [], [], {}
    for municipality in list_municipalities(store):
        units += list_units(store, municipality.id, include_archived=True)
        gatherings += list_gatherings(store, municipality.id)
        names |= network_names(store, municipality.id)
    return units, gatherings, names


def type_word(app, proxy, word: str) -> tuple[list[float], list[float]]:
    """Milliseconds per keystroke, typing `word` and deleting it letter by letter: (filter only, with paint)."""
    filter_ms, total_ms = [], []
    texts = [word[:i] for i in range(1, len(word) + 1)] + [word[:i] for i in range(len(word) - 1, -1, -1)]
    for text in texts:
        start = time.perf_counter()
        proxy.set_search(text)
        filtered = time.perf_counter()
        app.processEvents()  # the view's layout and its one repaint of the visible rows
        done = time.perf_counter()
        filter_ms.append((filtered - start) * 1000)
        total_ms.append((done - start) * 1000)
    return filter_ms, total_ms


def p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--words", default="skole,barnehage,nettverk,oppstart,ø")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from storage.store import Store
    from storage.urls import resolve_url

    app = QApplication([])
    from ui.style import apply_style

    apply_style(app)
    from ui.planning.networks import NetworksSection
    from ui.planning.units import UnitsSection

    path = args.db or ensure_county_db()
    store = Store(resolve_url(path))
    start = time.perf_counter()
    units, gatherings, names = load_county(store)
    load_s = time.perf_counter() - start
    store.close()
    print(f"Database: {path}")
    print(f"Lest fra tjenestene: {len(units)} enheter og {len(gatherings)} samlinger på {load_s:.2f} s")

    units_tab, networks_tab = UnitsSection(), NetworksSection()
    networks_tab.names = names
    tables = []
    for name, tab, _model, proxy, view, rows in (
            ("Enheter", units_tab, units_tab.model, units_tab.proxy, units_tab.view, units),
            ("Samlinger", networks_tab, networks_tab.gatherings_model, networks_tab.gatherings_proxy,
             networks_tab.gatherings_view, gatherings)):
        proxy.set_predicate(None)
        tab.resize(1300, 800)
        tab.show()
        start = time.perf_counter()
        proxy.set_rows(rows)
        app.processEvents()
        fill_ms = (time.perf_counter() - start) * 1000
        tables.append((name, view, proxy, fill_ms))

    medians, filter_worst = [], 0.0
    for name, _view, proxy, fill_ms in tables:
        print(f"\n{name}: {proxy.sourceModel().rowCount()} rader, fylt og vist på {fill_ms:.1f} ms")
        for word in args.words.split(","):
            filters, totals = [], []
            for _ in range(args.runs):
                f, t = type_word(app, proxy, word)
                filters += f
                totals += t
            proxy.set_search(word)
            hits = proxy.rowCount()
            proxy.set_search("")
            medians.append(statistics.median(totals))
            filter_worst = max(filter_worst, max(filters))
            print(f"  «{word}»: {len(totals)} tastetrykk — filter median {statistics.median(filters):4.1f} ms, "
                  f"verst {max(filters):4.1f} ms; med tegning median {statistics.median(totals):5.1f} ms, "
                  f"90 % {p90(totals):5.1f} ms, verst {max(totals):5.1f} ms; {hits} treff")
    worst_median = max(medians)
    verdict = "OK" if worst_median <= TARGET_MS else "FOR TREGT"
    print(f"\nFilteret alene: verst {filter_worst:.1f} ms per tastetrykk.")
    print(f"Med tegning av tabellen: verste median {worst_median:.1f} ms per tastetrykk (mål ≤ {TARGET_MS:.0f} ms) "
          f"— {verdict}")
    return 0 if worst_median <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
