"""The report workbook read back with openpyxl: totals equal the database's, text stays text."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from exports.report_xlsx import KRONER, report_xlsx_bytes
from storage.services.report_data import collect_report
from storage.store import Store
from storage.urls import resolve_url
from tests.report_world import TODAY, db_truth, make_demo, municipality_id


@pytest.fixture(scope="module")
def demo_path(template_db, tmp_path_factory):
    return make_demo(template_db, tmp_path_factory.mktemp("report-xlsx"))


@pytest.fixture
def demo(demo_path):
    store = Store(resolve_url(demo_path))
    yield store
    store.close()


def evaluate(ws, value):
    """The value of a cell, computing the SUM and + formulas the workbook uses."""
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    total = 0
    for term in re.split(r"(?=[+-])", value[1:]):
        sign = -1 if term.startswith("-") else 1
        term = term.lstrip("+-")
        match = re.fullmatch(r"SUM\(([A-Z]+\d+):([A-Z]+\d+)\)", term)
        cells = [c for row in ws[match.group(1):match.group(2)] for c in row] if match else [ws[term]]
        total += sign * sum(evaluate(ws, c.value) or 0 for c in cells)
    return total


def row_of(ws, label):
    for row in ws.iter_rows():
        if row[0].value == label:
            return row
    raise AssertionError(label)


def test_workbook_totals_equal_the_database(demo, demo_path):
    truth = db_truth(demo_path)
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    wb = load_workbook(io.BytesIO(report_xlsx_bytes(data, {})))
    assert wb.sheetnames[0] == "Sammendrag"
    funds = wb["Midler"]
    spent = row_of(funds, "Sum brukt")
    assert evaluate(funds, spent[3].value) == truth["spent"]
    assert evaluate(funds, spent[1].value) == truth["spent_grant"]
    assert spent[3].value.startswith("=SUM(")
    assert spent[3].number_format == KRONER
    assert evaluate(funds, row_of(funds, "Sum tilskudd")[3].value) == truth["grant"]
    assert evaluate(funds, row_of(funds, "Sum egenfinansiering")[1].value) == truth["own"]
    assert evaluate(funds, row_of(funds, "Igjen av tilskuddet")[1].value) == truth["grant"] - truth["spent_grant"]
    gatherings = wb["Samlinger"]
    assert evaluate(gatherings, row_of(gatherings, "Sum")[6].value) == truth["held"]
    logs = wb["Øktlogger"]
    assert evaluate(logs, row_of(logs, "Sum")[1].value) == truth["logs"]
    units = wb["Deltakelse"]
    assert evaluate(units, row_of(units, "Alle enheter")[3].value) == truth["units"]
    summary = wb["Sammendrag"]
    assert row_of(summary, "Enheter som deltar")[1].value == truth["units"]
    for ws in wb.worksheets:
        assert ws.freeze_panes, ws.title
        assert ws.tables, ws.title
    assert len(funds._charts) == 1 and len(gatherings._charts) == 1


def test_user_text_that_looks_like_a_formula_stays_text(demo):
    data = collect_report(demo, municipality_id(demo), "midterm", "2026V", TODAY)
    texts = {"experiences": "=HYPERLINK(\"http://x\")", "development": "+47 er landskoden", "continuation": "@alle"}
    wb = load_workbook(io.BytesIO(report_xlsx_bytes(data, texts)))
    values = {row[0].value: row[1] for row in wb["Sammendrag"].iter_rows()}
    assert values["Erfaringer fra arbeidet"].value == "=HYPERLINK(\"http://x\")"
    assert values["Erfaringer fra arbeidet"].data_type == "s"
    assert values["Utvikling i barnehager og skoler"].value == "+47 er landskoden"
    assert values["Videre arbeid etter perioden"].value == "@alle"


def test_empty_municipality_gives_a_summary_saying_so(store, muni):
    from datetime import date

    data = collect_report(store, muni.id, "midterm", None, date(2026, 3, 1))
    wb = load_workbook(io.BytesIO(report_xlsx_bytes(data, {})))
    assert wb.sheetnames == ["Sammendrag"]
    assert "ingen tall" in row_of(wb["Sammendrag"], "Merk")[1].value


def _workbooks(demo, kind="final"):
    data = collect_report(demo, municipality_id(demo), kind, None, TODAY)
    content = report_xlsx_bytes(data, {})
    return data, load_workbook(io.BytesIO(content)), load_workbook(io.BytesIO(content), data_only=True)


def test_workbook_holds_what_the_email_promises_one_number_per_cell(demo, demo_path):
    """Networks, resource persons, vignette figures and log hours are in the workbook as numbers, equal
    to the database; no cell of the key figures packs several numbers into text («10 / 6 / 1»)."""
    import sqlite3

    _data, wb, _values = _workbooks(demo)
    with sqlite3.connect(demo_path) as con:
        networks = con.execute("select count(*) from learning_network").fetchone()[0]
        people = con.execute("select count(distinct resource_person_id) from resource_assignment").fetchone()[0]
        sessions = con.execute("select count(*) from vignette_session").fetchone()[0]
        responses = con.execute("select count(*) from response").fetchone()[0]
        hours = con.execute("select sum(duration_minutes) from session_log").fetchone()[0] / 60
    summary = wb["Sammendrag"]
    key = {row[0].value: row[1].value for row in summary.iter_rows() if row[0].value}
    assert key["Lærende nettverk"] == networks > 0
    assert key["Ressurspersoner"] == people > 0
    assert key["Vignettøkter"] == sessions > 0 and key["Vignettsvar"] == responses > 0
    assert key["Timer i øktloggene"] == pytest.approx(hours, abs=0.05) and hours > 0
    start = next(r for r in summary.iter_rows() if r[0].value == "Nøkkeltall")[0].row
    for row in summary.iter_rows(min_row=start + 1):
        if row[0].value is None:
            break
        assert isinstance(row[1].value, int | float), (row[0].value, row[1].value)
    organisation = wb["Organisering"]
    names = [r[0].value for r in organisation.iter_rows(min_row=2) if r[0].value not in (None, "Sum")]
    assert len([n for n in names if n not in ("Område",)]) >= networks
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and re.fullmatch(r"\d+ / \d+( / \d+)?", cell.value)), \
                    (ws.title, cell.coordinate, cell.value)


def test_formula_cells_store_their_computed_value(demo):
    """A preview that does not calculate (data_only) sees the same number the formula gives."""
    _data, wb, values = _workbooks(demo)
    formulas = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    formulas += 1
                    cached = values[ws.title][cell.coordinate].value
                    assert cached is not None, (ws.title, cell.coordinate, cell.value)
                    assert cached == pytest.approx(evaluate(ws, cell.value)), (ws.title, cell.coordinate)
    assert formulas > 10


def test_kroner_use_the_readers_own_grouping(demo):
    _data, wb, _values = _workbooks(demo)
    assert KRONER == '#,##0 "kr"'
    formats = {cell.number_format for ws in wb.worksheets for row in ws.iter_rows() for cell in row}
    assert KRONER in formats
    assert not any("# ##0" in f for f in formats)
    summary = wb["Sammendrag"]
    assert next(r for r in summary.iter_rows() if r[0].value == "Tilskudd")[1].number_format == KRONER


@pytest.mark.parametrize("kind", ["final", "funds"])
def test_each_sheet_prints_on_a4_width(demo, kind):
    _data, wb, _values = _workbooks(demo, kind)
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0, ws.title
