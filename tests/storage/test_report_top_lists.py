"""Issue 11, item 8: a top list never drops an item silently at a tie; it shows the ties or says how
many it left out («og N til»)."""

from __future__ import annotations

import sqlite3

from storage.services.report_data import TOP_MAX, TOP_N, collect_report
from storage.services.report_parts import top_list
from tests.report_world import TODAY, make_demo, municipality_id


def test_items_tied_with_the_last_place_are_all_shown():
    counts = [(f"tema {i:02d}", 10 - i) for i in range(TOP_N - 1)] + [("b", 1), ("a", 1), ("c", 1)]
    shown, more = top_list(counts)
    assert len(shown) == TOP_N + 2 and more == 0
    assert {name for name, _n in shown} == {name for name, _n in counts}


def test_too_many_ties_are_counted_not_dropped():
    counts = [("først", 5)] + [(f"tema {i:02d}", 1) for i in range(TOP_MAX * 2)]
    shown, more = top_list(counts)
    assert shown == (("først", 5),)  # every item below shares one count: none of them is picked at random
    assert len(shown) + more == len(counts)


def test_no_tie_at_the_cut_keeps_the_top_n():
    counts = [(f"tema {i:02d}", 100 - i) for i in range(TOP_N + 5)]
    shown, more = top_list(counts)
    assert len(shown) == TOP_N and more == 5


def test_the_report_lists_or_counts_every_log_theme(template_db, tmp_path):
    from storage.store import Store
    from storage.urls import resolve_url

    path = make_demo(template_db, tmp_path)
    store = Store(resolve_url(path))
    try:
        data = collect_report(store, municipality_id(store), "final", None, TODAY)
    finally:
        store.close()
    with sqlite3.connect(path) as con:
        themes = con.execute("select trim(theme), count(*) from session_log where theme is not null and "
                             "trim(theme) != '' group by trim(theme)").fetchall()
        methods = con.execute("select count(distinct trim(method)) from session_log where method is not null "
                              "and trim(method) != ''").fetchone()[0]
    con.close()
    assert len(data.log_themes) + data.log_themes_more == len(themes)
    assert len(data.log_methods) + data.log_methods_more == methods
    shown = dict(data.log_themes)
    left_out = [n for name, n in themes if name not in shown]
    assert all(n <= min(shown.values()) for n in left_out)  # nothing left out beats a shown theme
