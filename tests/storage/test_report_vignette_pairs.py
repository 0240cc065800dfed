"""Issue 11, item 4: a before/after pair compares the first and the last *coded* session of the *same
vignette in the same network*, and names the sessions it compares."""

from __future__ import annotations

import sqlite3
from datetime import date

from storage.services.coding import apply_codes
from storage.services.networks import create_network
from storage.services.report_data import collect_report
from storage.services.vignette_sessions import capture_response, create_session
from storage.services.vignettes import list_vignettes


def session(store, muni, version_id, day, network_id, title, coded: int, uncoded: int = 1):
    s = create_session(store, {"municipality_id": muni.id, "vignette_version_id": version_id, "held_on": day,
                               "network_id": network_id, "title": title})
    for i in range(coded + uncoded):
        rid = capture_response(store, s.session.id, {"text": "Jeg ville snakket med barnet og kollegene.",
                                                      "unit_kind": "kindergarten", "role": "assistant"}).response.id
        if i < coded:
            apply_codes(store, rid, "RP", ["responsibility:high" if day.year > 2025 else "responsibility:low"])
    return s.session.id


def test_pairs_are_coded_sessions_of_one_network(store, muni, db_path):
    version = list_vignettes(store, target="kindergarten")[0].latest
    north = create_network(store, muni.id, {"name": "Nord", "target": "kindergarten"}).id
    south = create_network(store, muni.id, {"name": "Sør", "target": "kindergarten"}).id
    session(store, muni, version.id, date(2025, 9, 1), north, "Nord høst", coded=6)
    session(store, muni, version.id, date(2025, 10, 1), south, "Sør høst", coded=6)
    session(store, muni, version.id, date(2026, 3, 1), north, "Nord vår", coded=6)
    session(store, muni, version.id, date(2026, 4, 1), south, "Sør vår", coded=6)
    session(store, muni, version.id, date(2026, 5, 1), north, "Nord ukodet", coded=0, uncoded=5)  # the last one

    pairs = collect_report(store, muni.id, "final", None, date(2026, 11, 1)).vignettes
    compared = {(p.network, p.before_title, p.after_title) for p in pairs}
    assert compared == {("Nord", "Nord høst", "Nord vår"), ("Sør", "Sør høst", "Sør vår")}

    # Each side of each pair is one network's coded session (plain SQL over the file).
    with sqlite3.connect(db_path) as con:
        for p in pairs:
            for title, n in ((p.before_title, p.before_coded), (p.after_title, p.after_coded)):
                network, coded = con.execute(
                    "select n.name, (select count(distinct r.id) from response r join coding c on "
                    "c.response_id = r.id where r.session_id = s.id) from vignette_session s join "
                    "learning_network n on n.id = s.network_id where s.title = ?", (title,)).fetchone()
                assert network == p.network and coded == n == 6
            assert all(c.before is not None and c.after is not None for c in p.changes if c.before_n)
    con.close()


def test_the_report_says_which_sessions_were_compared(store, muni):
    from exports.report_pdf import report_pdf_bytes
    from tests.exports.test_report_pdf import text_of

    version = list_vignettes(store, target="kindergarten")[0].latest
    north = create_network(store, muni.id, {"name": "Nord", "target": "kindergarten"}).id
    session(store, muni, version.id, date(2025, 9, 1), north, "Nord høst", coded=6)
    session(store, muni, version.id, date(2026, 3, 1), north, "Nord vår", coded=5)
    data = collect_report(store, muni.id, "final", None, date(2026, 11, 1))
    _reader, text = text_of(report_pdf_bytes(data, {}))
    flat = " ".join(text.split())
    assert "Sammenlignet: Nord høst (01.09.2025, 6 kodede svar) og Nord vår (01.03.2026, 5 kodede svar)" in flat
