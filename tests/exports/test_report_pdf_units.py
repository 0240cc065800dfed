"""Issue 11, item 6: the PDF's units table has «Andre enheter», so its columns add up, and counts are
written with the right singular or plural («1 annen enhet»)."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from exports.report_pdf import report_pdf_bytes
from storage.services.report_data import collect_report
from storage.services.units import add_unit
from tests.exports.test_report_pdf import text_of

ROWS = ("Barnehager", "Skoler", "Andre enheter", "Alle enheter")


def units_table(text: str) -> dict[str, tuple[int, int, int]]:
    start = text.index("Enheter Kommunale Private I alt")
    table = {}
    for label in ROWS:
        match = re.search(re.escape(label) + r" (\d+) (\d+) (\d+)", text[start:])
        assert match, label
        table[label] = tuple(int(g) for g in match.groups())
    return table


def test_the_units_table_adds_up_and_has_other_units(store, muni, db_path):
    add_unit(store, muni.id, {"name": "Lia barnehage", "kind": "kindergarten"})
    add_unit(store, muni.id, {"name": "Bakken barnehage", "kind": "kindergarten", "ownership": "private"})
    add_unit(store, muni.id, {"name": "Lia skole", "kind": "school", "stages": "1-7"})
    add_unit(store, muni.id, {"name": "PP-tjenesten", "kind": "ppt"})
    data = collect_report(store, muni.id, "final", None, date(2026, 3, 1))
    data = data.__class__(**{**data.__dict__, "empty_reason": None})
    _reader, text = text_of(report_pdf_bytes(data, {}))
    table = units_table(text)
    for column in range(3):  # kommunale, private, i alt: the rows add up to «Alle enheter»
        assert sum(table[label][column] for label in ROWS[:3]) == table["Alle enheter"][column]
    for label in ROWS:  # and each row's public + private is its total
        assert table[label][0] + table[label][1] == table[label][2]
    with sqlite3.connect(db_path) as con:
        by_hand = con.execute("select count(*) from unit where kind not in ('kindergarten', 'school', "
                              "'combined')").fetchone()[0]
    con.close()
    assert table["Andre enheter"][2] == by_hand == 1
    assert "1 annen enhet" in text and "1 andre enheter" not in text
    assert "2 barnehager" in text and "1 skole " in text
