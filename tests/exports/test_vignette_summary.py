"""The session summary as PDF and XLSX, read back: the figures equal the database, no answer leaks."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func
from sqlmodel import select

from exports.pdf_base import escape
from exports.vignette_summary import collect_summary, write_summary_pdf
from exports.vignette_summary_xlsx import write_summary_xlsx
from storage.formatting import format_number, format_percent
from storage.models.vignettes import Code, Coding, Response
from storage.services.coding import apply_codes, set_number
from storage.services.vignette_sessions import capture_response, create_session
from storage.services.vignettes import create_vignette

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("Under lunsjen sier et barn til et annet at maten hans lukter rart, og flere ler. Gutten slutter å "
        "spise. Hva gjør du nå, og hva gjør dere <etterpå> & i morgen?")
SECRET = "Oskar sa at ingen ville sitte ved siden av ham"
LEVELS = ["low", "medium", "high"]


@pytest.fixture
def summary(store, muni):
    vignette = create_vignette(store, {"title": "Lunsj & <latter>", "target": "both", "text": TEXT,
                                       "follow_up_questions": ["Hva sier dere til barnet som lo?"],
                                       "themes": ["forebygge"]})
    s = create_session(store, {
        "municipality_id": muni.id, "vignette_version_id": vignette.latest.id, "held_on": date(2026, 2, 11),
        "title": "=SUM(A1) første økt",
        "groups": [{"name": "=HYPERLINK(\"http://x\")", "unit_kind": "kindergarten", "roles": ["leader"]},
                   {"name": "@Gruppe 2", "unit_kind": "school", "roles": ["pedagogical_leader", "Miljøarbeider"]}]})
    sid = s.session.id
    for i in range(14):
        kind, role = ("kindergarten", "assistant") if i % 2 else ("school", "leader" if i % 7 == 0 else "lærer")
        rid = capture_response(store, sid, {"text": f"{SECRET} ({i}). Vi griper inn med en gang.",
                                            "unit_kind": kind, "role": role}).response.id
        apply_codes(store, rid, "RP", [f"responsibility:{LEVELS[i % 3]}", "pdh:handle"])
        set_number(store, rid, "RP", "repertoire", i % 5)
        if i < 12:
            apply_codes(store, rid, "K2", [f"responsibility:{LEVELS[i % 3] if i % 4 else 'high'}", "pdh:handle"])
    capture_response(store, sid, {"text": "Et svar som ikke er kodet.", "unit_kind": "school", "role": "lærer"})
    return collect_summary(store, sid)


def _flat(reader: PdfReader) -> str:
    """The PDF's text with all runs of white space as one space (table cells come out on lines)."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _db_count(store, statement) -> int:
    with store.reader() as session:
        return session.exec(statement).one()


def test_pdf_reads_back_with_the_database_counts_and_no_answers(store, summary, tmp_path):
    path = tmp_path / "oppsummering.pdf"
    write_summary_pdf(summary, path)
    reader = PdfReader(path)
    text = _flat(reader)
    responses = _db_count(store, select(func.count()).select_from(Response))
    coded = _db_count(store, select(func.count(func.distinct(Coding.response_id))).where(Coding.coder == "RP"))
    assert (responses, coded) == (15, 14)
    assert f"Antall svar {responses}" in text and f"Kodede svar {coded}" in text
    assert "n = 14" in text  # «Alle» in every dimension table
    assert "Oppsummering av vignettøkt" in text and "Lunsj & <latter>" in text
    assert "<etterpå> & i morgen?" in text  # escaped in, read back as written
    assert "Enighet mellom kodere" in text and "Kappa" in text
    assert SECRET not in text and "Deltaker 1" not in text  # aggregates only (DOMAIN.md §8)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Side {number} av {len(reader.pages)}" in page.extract_text()
    meta = reader.metadata
    assert meta.title == "Oppsummering: =SUM(A1) første økt" and meta.author == "Nettverkslogg"
    assert "Vignettøkt 11.02.2026, Fjordvik" == meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "nb-NO"
    fonts = {str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts) and any("DejaVuSans-Bold" in f for f in fonts)


def test_pdf_kappa_matches_the_agreement_service(summary, tmp_path):
    path = tmp_path / "k.pdf"
    write_summary_pdf(summary, path)
    text = _flat(PdfReader(path))
    resp = summary.agreement.dimension("responsibility").overall
    assert summary.agreement.double_coded == 12 and resp.n == 12 and resp.kappa is not None
    row = f"Ansvar {format_number(resp.kappa, 2)} {resp.band} {format_percent(resp.observed)} 12"
    assert row.replace("\u00a0", " ") in text.replace("\u00a0", " ")
    # the double-coded dimension without enough pairs says so instead of a number
    perspective = summary.agreement.dimension("perspective").overall
    assert perspective.kappa is None and perspective.n == 0


def test_xlsx_totals_equal_the_database(store, summary, tmp_path):
    path = tmp_path / "oppsummering.xlsx"
    write_summary_xlsx(summary, path)
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Sammendrag" and "Ansvar" in wb.sheetnames
    key = {row[0]: row[1] for row in wb["Sammendrag"].iter_rows(min_row=4, max_row=14, values_only=True) if row[0]}
    assert key["Antall svar"] == _db_count(store, select(func.count()).select_from(Response))
    assert key["Kodede svar"] == 14
    coded_in_responsibility = _db_count(store, select(func.count()).select_from(Coding).join(
        Code, Code.id == Coding.code_id).where(Coding.coder == "RP", Code.dimension == "responsibility"))
    sheet = wb["Ansvar"]
    assert sheet.freeze_panes == "A2" and list(sheet.tables) == ["Dimensjon_1"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sum(r[3] for r in rows if r[0] == "Alle") == coded_in_responsibility == 14
    assert all(r[1] == 14 for r in rows if r[0] == "Alle")
    by_group = {}
    for r in rows:
        by_group[r[0]] = by_group.get(r[0], 0) + r[3]
    assert by_group["Barnehage"] + by_group["Skole"] == 14
    assert by_group["Ledere"] + by_group["Ansatte"] == 14
    handle = [r for r in wb["Forebygge, avdekke, håndtere"].iter_rows(min_row=2, values_only=True)
              if r[0] == "Alle" and r[2] == "Håndtere"]
    assert handle[0][3] == 14 and handle[0][4] == 1
    repertoire = [r for r in wb["Handlingsrepertoar"].iter_rows(min_row=2, values_only=True) if r[0] == "Alle"]
    assert sum(r[3] for r in repertoire) == 14 and repertoire[0][5] == pytest.approx(sum(i % 5 for i in range(14)) / 14)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and SECRET in v for v in row)


def test_xlsx_stores_formula_like_user_text_as_text(summary, tmp_path):
    path = tmp_path / "f.xlsx"
    write_summary_xlsx(summary, path)
    wb = load_workbook(path)
    ws = wb["Sammendrag"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in ("=SUM(A1) første økt", "=HYPERLINK(\"http://x\")", "@Gruppe 2"):
        assert cells[text].data_type == "s", text
        assert cells[text].quotePrefix
    assert "Grupper" in ws.tables and "Enighet" in ws.tables and "Nokkeltall" in ws.tables


def test_escape_for_reportlab_paragraphs():
    assert escape("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert escape("linje 1\nlinje 2\r\nlinje 3") == "linje 1<br/>linje 2<br/>linje 3"
    assert escape("null\x00tegn") == "nulltegn" and escape(None) == ""


def test_an_uncoded_session_still_makes_a_summary(store, muni, tmp_path):
    vignette = create_vignette(store, {"title": "Tom økt", "target": "school", "text": TEXT})
    s = create_session(store, {"municipality_id": muni.id, "vignette_version_id": vignette.latest.id,
                               "held_on": date(2026, 3, 1)})
    summary = collect_summary(store, s.session.id)
    assert summary.agreement is None and summary.analysis.responses == 0
    write_summary_pdf(summary, tmp_path / "tom.pdf")
    write_summary_xlsx(summary, tmp_path / "tom.xlsx")
    assert "Ingen svar er kodet ennå." in _flat(PdfReader(tmp_path / "tom.pdf"))


def test_importing_the_pdf_base_does_not_load_reportlab():
    script = "import sys, exports.pdf_base, exports.vignette_summary; print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
