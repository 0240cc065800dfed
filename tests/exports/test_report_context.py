"""The report says how the work was done (issue 11 item 12): staff reached per role, with «nådd» defined
on the page that shows it; the vignette sessions held; the reflection templates used. Figures are
checked against plain SQL on the database."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from collections import defaultdict

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from exports.report_pdf import report_pdf_bytes
from exports.report_xlsx import report_xlsx_bytes
from storage.content import load_reflection_templates
from storage.services.report_data import collect_report
from storage.store import Store
from storage.urls import resolve_url
from tests.report_world import TODAY, make_demo, municipality_id

STAFF_ROLES = ("leader", "pedagogical_leader", "kindergarten_teacher", "assistant", "other")


@pytest.fixture(scope="module")
def demo_path(template_db, tmp_path_factory):
    return make_demo(template_db, tmp_path_factory.mktemp("report-context"))


@pytest.fixture
def demo(demo_path, tmp_path):
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    store = Store(resolve_url(copy))
    store.path = copy
    yield store
    store.close()


def _table(ws, first_header: str) -> list[list]:
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == first_header)
    out = []
    for r in rows[start + 1:]:
        if r[0] is None:
            break
        out.append(list(r))
    return out


def test_staff_reached_per_role_is_the_largest_gathering_per_unit_and_role(demo):
    with sqlite3.connect(demo.path) as con:
        rows = con.execute("select a.unit_id, a.role, a.count from attendance a join gathering g on g.id = "
                           "a.gathering_id where g.status = 'held' and a.unit_id is not null").fetchall()
    best = defaultdict(int)
    for unit, role, count in rows:
        if role in STAFF_ROLES:
            best[(unit, role)] = max(best[(unit, role)], count)
    expected = defaultdict(int)
    for (_unit, role), count in best.items():
        expected[role] += count
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    wb = load_workbook(io.BytesIO(report_xlsx_bytes(data, {})), data_only=True)
    labels = {"leader": "Styrer/rektor", "pedagogical_leader": "Pedagogisk leder/lærer",
              "kindergarten_teacher": "Barnehagelærer", "assistant": "Fagarbeider/assistent", "other": "Andre"}
    table = list(wb["Deltakelse"].iter_rows(values_only=True))
    start = [i for i, r in enumerate(table) if r[:2] == ("Rolle", "Ansatte nådd (minst)")][0]
    reached = {r[0]: r[1] for r in table[start + 1:start + 1 + len(labels)]}
    assert reached == {labels[role]: expected.get(role, 0) for role in STAFF_ROLES}
    assert sum(reached.values()) > 0


def test_reach_is_defined_on_the_page_that_shows_it(demo):
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    reader = PdfReader(io.BytesIO(report_pdf_bytes(data, {"experiences": "x"})))
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    shown = [i for i, text in enumerate(pages) if "Ansatte nådd etter rolle" in text and "Innhold" not in text]
    assert shown
    page = pages[shown[0]] + " " + (pages[shown[0] + 1] if shown[0] + 1 < len(pages) else "")
    assert "største enkeltøkta" in page and "eksponering" in page and "tidligere semestre" in page


def test_vignette_sessions_held_are_listed_with_their_answers(demo):
    with sqlite3.connect(demo.path) as con:
        expected = con.execute("select s.held_on, count(r.id) from vignette_session s left join response r on "
                               "r.session_id = s.id group by s.id order by s.held_on").fetchall()
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    assert [(s.held_on.isoformat(), s.responses) for s in data.context.vignette_sessions] == expected
    assert expected
    wb = load_workbook(io.BytesIO(report_xlsx_bytes(data, {})), data_only=True)
    listed = _table(wb["Vignetter"], "Dato")
    assert [(r[0].date().isoformat(), r[3]) for r in listed] == expected
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report_pdf_bytes(data, {}))).pages)
    assert "Vignettøkter i rapportperioden" in text


def test_reflection_templates_used_at_held_gatherings_are_counted(demo):
    template = load_reflection_templates()[0]
    with sqlite3.connect(demo.path) as con:
        held = [g for (g,) in con.execute("select id from gathering where status = 'held' order by starts_at "
                                          "limit 3")]
        planned = [g for (g,) in con.execute("select id from gathering where status <> 'held' limit 1")]
        for gathering in held + planned:
            con.execute("update gathering set reflection_templates = ? where id = ?",
                        (json.dumps([template.key]), gathering))
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    assert [(t.template, t.gatherings) for t in data.context.templates] == [(template.title, 3)]
    text = " ".join(" ".join(p.extract_text().split()) for p in
                    PdfReader(io.BytesIO(report_pdf_bytes(data, {}))).pages)
    assert "Refleksjonsmaler brukt på samlinger" in text and template.title in text
