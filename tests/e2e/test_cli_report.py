"""`nettverkslogg report` as a user runs it, on the demo database."""

from __future__ import annotations

import email
import sqlite3
from email import policy

import pytest
from pypdf import PdfReader

DEMO_TODAY = "2026-11-20"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    import os
    import subprocess
    import sys

    from tests.e2e.conftest import ROOT

    folder = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "HOME": str(folder / "home"), "XDG_DATA_HOME": str(folder / "data"),
           "XDG_STATE_HOME": str(folder / "state"), "PYTHONPATH": str(ROOT)}
    path = folder / "demo.db"
    result = subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(path)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return path


def test_report_both_formats_with_eml(cli, demo_db, tmp_path):
    out = tmp_path / "rapporter"
    result = cli("report", "--db", str(demo_db), "--kind", "midterm", "--semester", "2026V", "--format", "both",
                 "--out", str(out), "--eml", "--to", "sf@example.no", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    names = sorted(p.suffix for p in out.iterdir())
    assert names == [".eml", ".pdf", ".xlsx"]
    pdf = next(out.glob("*.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    with sqlite3.connect(demo_db) as con:
        units = con.execute("select count(*) from unit where archived = 0").fetchone()[0]
        archived = con.execute("select count(*) from report_file").fetchone()[0]
        recipient = con.execute("select recipient from report_snapshot").fetchone()[0]
    assert "Enheter som deltar" in text and str(units) in text
    message = email.message_from_bytes(next(out.glob("*.eml")).read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["To"] == "sf@example.no"
    assert len(list(message.iter_attachments())) == 2
    assert archived == 3 and recipient == "sf@example.no"


def test_semester_outside_the_period(cli, demo_db, tmp_path):
    result = cli("report", "--db", str(demo_db), "--kind", "midterm", "--semester", "2019H", "--format", "pdf",
                 "--out", str(tmp_path / "ut"))
    assert result.returncode == 2
    assert "utenfor perioden" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_folder_not_writable(cli, demo_db, read_only_folder):
    read_only_folder.lock()
    result = cli("report", "--db", str(demo_db), "--kind", "final", "--format", "both",
                 "--out", str(read_only_folder.path))
    assert result.returncode == 2
    assert "Kan ikke lagre i mappen" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(read_only_folder.path.iterdir()) == []


def test_funds_xlsx_only(cli, demo_db, tmp_path):
    out = tmp_path / "midler"
    result = cli("report", "--db", str(demo_db), "--kind", "funds", "--format", "xlsx", "--out", str(out),
                 "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert [p.suffix for p in out.iterdir()] == [".xlsx"]


@pytest.fixture
def own_db(demo_db, tmp_path):
    import shutil

    path = tmp_path / "egen.db"
    shutil.copyfile(demo_db, path)
    return path


def _pdf_pages(folder):
    return [page.extract_text() for page in PdfReader(next(folder.glob("*.pdf"))).pages]


def test_text_file_replaces_the_draft_and_later_runs_use_the_saved_draft(cli, own_db, tmp_path):
    texts = tmp_path / "tekster.md"
    texts.write_text("# Erfaringer\nEnhetene har fått et felles språk.\n\n# Utvikling\nFlere refleksjonsgrupper.\n\n"
                     "# Videre arbeid\nVi fortsetter i Fjordvik.\n", encoding="utf-8")
    first = tmp_path / "først"
    result = cli("report", "--db", str(own_db), "--kind", "final", "--format", "pdf", "--out", str(first),
                 "--today", DEMO_TODAY, "--text-file", str(texts))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(own_db) as con:
        rows = con.execute("select kind, scope, texts from report_draft").fetchall()
    assert [(k, s) for k, s, _t in rows] == [("final", "")]
    assert "Vi fortsetter i Fjordvik." in rows[0][2]
    second = tmp_path / "så"
    result = cli("report", "--db", str(own_db), "--kind", "final", "--format", "pdf", "--out", str(second),
                 "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    for folder in (first, second):
        pages = _pdf_pages(folder)
        text = " ".join(pages)
        assert "Enhetene har fått et felles språk." in text and "Vi fortsetter i Fjordvik." in text
        assert "Utkast" not in pages[0]


def test_bad_text_file_is_refused_and_keeps_the_draft(cli, own_db, tmp_path):
    texts = tmp_path / "tekster.txt"
    texts.write_bytes("# Erfaringer\nBlåbær\n".encode("latin-1"))
    result = cli("report", "--db", str(own_db), "--kind", "final", "--format", "pdf", "--out", str(tmp_path / "ut"),
                 "--text-file", str(texts))
    assert result.returncode == 2 and "UTF-8" in result.stderr and "Traceback" not in result.stderr
    with sqlite3.connect(own_db) as con:
        assert con.execute("select count(*) from report_draft").fetchone()[0] == 0


def test_report_without_own_texts_says_utkast_on_the_cover(cli, own_db, tmp_path):
    out = tmp_path / "ut"
    result = cli("report", "--db", str(own_db), "--kind", "midterm", "--semester", "2026V", "--format", "pdf",
                 "--out", str(out), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert "Utkast" in _pdf_pages(out)[0]


def test_eml_without_a_recipient_is_archived_as_saved_not_sent(cli, own_db, tmp_path):
    with sqlite3.connect(own_db) as con:
        con.execute("delete from setting where key = 'county_governor_email'")
        con.execute("delete from report_file")
        con.execute("delete from report_snapshot")
    out = tmp_path / "ut"
    result = cli("report", "--db", str(own_db), "--kind", "final", "--format", "both", "--out", str(out), "--eml",
                 "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    message = email.message_from_bytes(next(out.glob("*.eml")).read_bytes(), policy=policy.default)
    assert "To" not in message
    with sqlite3.connect(own_db) as con:
        rows = con.execute("select recipient, sent_at from report_snapshot").fetchall()
    assert rows == [(None, None)]


@pytest.fixture
def county_db(own_db):
    """The demo municipality and a second one, with its own units and gatherings."""
    from datetime import date, datetime

    from storage.enums import GatheringKind
    from storage.services.gatherings_plan import add_programme_gathering
    from storage.services.municipalities import create_municipality
    from storage.services.units import add_unit
    from storage.store import Store
    from storage.urls import resolve_url

    store = Store(resolve_url(own_db))
    try:
        other = create_municipality(store, {"name": "Havbakken", "number": "4698", "county": "Vestland"},
                                    {"cohort": 7, "kindergarten_authority": True, "school_owner": True,
                                     "period_start": date(2025, 8, 1), "period_end": date(2027, 6, 30)})
        for name, kind in (("Havbakken barnehage", "kindergarten"), ("Havbakken skole", "school")):
            add_unit(store, other.id, {"name": name, "kind": kind, "staff_count": 12})
        add_programme_gathering(store, other.id, GatheringKind.REGIONAL_GATHERING, "2026V",
                                datetime(2026, 3, 12, 9, 0), place="Bergen")
    finally:
        store.close()
    return own_db


def test_county_report_has_a_row_per_municipality_and_the_county_totals(cli, county_db, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "fylke"
    result = cli("report", "--db", str(county_db), "--county", "--kind", "midterm", "--format", "both",
                 "--out", str(out), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert sorted(p.suffix for p in out.iterdir()) == [".pdf", ".xlsx"]
    with sqlite3.connect(county_db) as con:
        names = [n for (n,) in con.execute("select name from municipality order by name")]
    wb = load_workbook(next(out.glob("*.xlsx")), data_only=True)
    long = wb["Tall"]
    header = [c.value for c in long[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in long.iter_rows(min_row=2)]
    per_figure = {}
    for row in rows:
        per_figure.setdefault(row["Nøkkeltall"], {})[row["Kommune"]] = row["Verdi"]
    assert set(per_figure["Enheter som deltar"]) == set(names) and len(names) == 2
    assert all(len(by_muni) == len(names) for by_muni in per_figure.values())
    assert all(isinstance(row["Verdi"], int | float) for row in rows)
    for name in names:  # each municipality's row holds the figures of its own report
        own = tmp_path / name
        result = cli("report", "--db", str(county_db), "--kommune", name, "--kind", "midterm", "--format", "xlsx",
                     "--out", str(own), "--today", DEMO_TODAY)
        assert result.returncode == 0, result.stderr
        summary = load_workbook(next(own.glob("*.xlsx")), data_only=True)["Sammendrag"]
        key = {r[0].value: r[1].value for r in summary.iter_rows() if r[0].value in per_figure}
        assert key and all(per_figure[label][name] == value for label, value in key.items()), name
    overview = wb["Oversikt"]
    header = [c.value for c in overview[3]]
    total = next(r for r in overview.iter_rows(min_row=4) if r[0].value == "Fylket i alt")
    column = header.index("Enheter som deltar")
    assert total[column].value == sum(per_figure["Enheter som deltar"].values())
    pages = [p.extract_text() for p in PdfReader(next(out.glob("*.pdf"))).pages]
    text = " ".join(pages)
    assert "Oversikt over kommunene" in text and "Fylket i alt" in text
    for name in names:
        assert f"{name} kommune" in text


def test_county_report_refuses_options_of_a_municipality_report(cli, county_db, tmp_path):
    result = cli("report", "--db", str(county_db), "--county", "--kind", "final", "--out", str(tmp_path / "ut"),
                 "--eml")
    assert result.returncode == 2 and "--county" in result.stderr and "Traceback" not in result.stderr
