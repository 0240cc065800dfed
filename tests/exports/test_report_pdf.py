"""The report PDF read back with pypdf: the counts the database holds, the metadata, user text intact."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from exports.report_pdf import report_pdf_bytes
from storage.formatting import format_kroner
from storage.services.report_data import collect_report
from storage.store import Store
from storage.urls import resolve_url
from tests.report_world import TODAY, db_truth, make_demo, municipality_id


@pytest.fixture(scope="module")
def demo_path(template_db, tmp_path_factory):
    return make_demo(template_db, tmp_path_factory.mktemp("report-pdf"))


@pytest.fixture
def demo(demo_path):
    store = Store(resolve_url(demo_path))
    yield store
    store.close()


def text_of(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"[\s\u00a0\u202f]+", " ", text)


def key_figure(text: str, label: str) -> str:
    match = re.search(re.escape(label) + r" (\d{1,3}(?: \d{3})*(?: kr)?)", text)
    assert match, f"{label} not in the PDF"
    return match.group(1).strip()


def test_final_report_holds_the_database_counts(demo, demo_path):
    truth = db_truth(demo_path)
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    reader, text = text_of(report_pdf_bytes(data, {}))
    assert key_figure(text, "Enheter som deltar") == str(truth["units"])
    assert key_figure(text, "Samlinger gjennomført") == str(truth["held"])
    assert key_figure(text, "Øktlogger fra enhetene") == str(truth["logs"])
    assert key_figure(text, "Tilskudd for hele perioden") == format_kroner(truth["grant"]).replace("\u00a0", " ")
    assert key_figure(text, "Brukt hittil per 20. november 2026") == format_kroner(truth["spent"]).replace("\u00a0", " ")
    assert "Til Statsforvalteren i Vestland" in text
    assert "Innhold" in text
    pages = len(reader.pages)
    assert f"Side {pages} av {pages}" in text
    meta = reader.metadata
    assert meta.title.startswith("Sluttrapport – ")
    assert "Statsforvalteren" in meta.subject
    assert meta.author.endswith("kommune")
    assert b"nb-NO" in report_pdf_bytes(data, {}, page_numbers=False)


def test_font_is_embedded(demo):
    data = collect_report(demo, municipality_id(demo), "midterm", "2026V", TODAY)
    reader = PdfReader(io.BytesIO(report_pdf_bytes(data, {})))
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVuSans" in f for f in fonts)


def test_contents_list_gives_the_page_of_each_section(demo):
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    reader, _text = text_of(report_pdf_bytes(data, {}))
    contents = reader.pages[1].extract_text()
    match = re.search(r"Bruk av midler\s*(\d+)", contents)
    assert match
    page = int(match.group(1))
    assert "Bruk av midler" in reader.pages[page - 1].extract_text()


def test_user_text_with_markup_characters_is_printed_as_written(demo):
    data = collect_report(demo, municipality_id(demo), "midterm", None, TODAY)
    texts = {"experiences": "Vi brukte <b>ikke fet</b> & «5 < 7» – og <br> står som tekst.",
             "development": "A & B <unclosed", "continuation": "Videre & fram >"}
    _reader, text = text_of(report_pdf_bytes(data, texts))
    assert "<b>ikke fet</b> & «5 < 7»" in text
    assert "A & B <unclosed" in text
    assert "Videre & fram >" in text


def test_municipality_without_data_says_so_clearly(store, muni):
    data = collect_report(store, muni.id, "midterm", None, date(2026, 3, 1))
    _reader, text = text_of(report_pdf_bytes(data, {"experiences": "Oppstart."}))
    assert "Ingen tall å rapportere" in text
    assert "ingen tall" in text and "Oppstart." in text


def test_funds_statement(demo, demo_path):
    truth = db_truth(demo_path)
    data = collect_report(demo, municipality_id(demo), "funds", None, TODAY)
    _reader, text = text_of(report_pdf_bytes(data, {}))
    assert "Rapport om bruk av midler" in text
    assert "Sum brukt " + format_kroner(truth["spent_grant"]).replace("\u00a0", " ") in text
    assert "Øktlogger fra enhetene" not in text


def test_county_report_has_a_part_per_municipality(demo):
    from storage.services.municipalities import list_municipalities

    reports = [collect_report(demo, m.id, "midterm", None, TODAY) for m in list_municipalities(demo)] * 2
    _reader, text = text_of(report_pdf_bytes(reports, {}))
    assert "Samlet for 2 kommuner i Vestland" in text and "Oversikt over kommunene" in text
    assert text.count(f"{reports[0].municipality} kommune") >= 2
