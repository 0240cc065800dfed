"""The report PDF's layout rules, read back from the files: captions and headings stay with what they
describe, the funds statement is as short as its content, the footer never runs into «Side x av y», the
viewer shows the title, and every font is embedded."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from exports.pdf_base import MM, PdfMeta, bar_chart, build_pdf, heading, keep_with_what_follows, para
from exports.report_pdf import report_pdf_bytes
from storage.services.report_data import collect_report
from storage.store import Store
from storage.urls import resolve_url
from tests.report_world import TODAY, make_demo, municipality_id

#: The subheadings the report uses besides the contents list's sections.
SUBHEADINGS = ("Ressurspersoner", "Lærende nettverk", "Ansatte nådd", "Oppmøte på samlinger etter rolle",
               "Forpliktelsene i tilbudet", "Kartlegging", "Temaer som ble brukt oftest",
               "Arbeidsmåter som ble brukt oftest")


@pytest.fixture(scope="module")
def demo_path(template_db, tmp_path_factory):
    return make_demo(template_db, tmp_path_factory.mktemp("report-layout"))


@pytest.fixture
def demo(demo_path):
    store = Store(resolve_url(demo_path))
    yield store
    store.close()


def body_lines(reader: PdfReader, page_index: int) -> list[str]:
    """The page's text lines without the footer (its last two lines: name · date, «Side x av y»)."""
    lines = [line.strip() for line in reader.pages[page_index].extract_text().splitlines() if line.strip()]
    lines = [line for line in lines if not re.fullmatch(r".*Side \d+ av \d+", line)]
    return lines[:-1] if lines and " · " in lines[-1] else lines


def _reports(demo):
    mid = municipality_id(demo)
    return [collect_report(demo, mid, "midterm", None, TODAY), collect_report(demo, mid, "midterm", "2026H", TODAY),
            collect_report(demo, mid, "final", None, TODAY)]


@pytest.mark.parametrize("which", [0, 1, 2], ids=["midterm", "midterm-2026H", "final"])
def test_no_page_starts_with_a_caption_or_ends_with_a_heading(demo, which):
    data = _reports(demo)[which]
    reader = PdfReader(io.BytesIO(report_pdf_bytes(data, {"experiences": "Tekst."})))
    contents = {re.sub(r"\s*\d+$", "", line) for line in body_lines(reader, 1)} - {"", "Innhold"}
    headings = contents | set(SUBHEADINGS)
    for i in range(2, len(reader.pages)):
        lines = body_lines(reader, i)
        assert lines, f"page {i + 1} is empty"
        assert not lines[0].startswith("Figur:"), f"page {i + 1} starts with a caption: {lines[0]}"
        assert lines[-1] not in headings, f"page {i + 1} ends with the heading «{lines[-1]}»"


@pytest.mark.parametrize("room_mm", range(120, 250, 5))
def test_heading_chart_and_caption_share_a_page_wherever_they_fall(room_mm):
    """A heading, its intro, its chart and the chart's caption, placed at every height of a page."""
    from reportlab.platypus import Spacer

    story = [Spacer(1, room_mm * MM), *heading("Overskrift over figuren", 2), para("Innledning til figuren."),
             bar_chart(["Høsten 2025", "Våren 2026"], [("Før", [10, 20]), ("Etter", [30, 40])], height=60 * MM),
             para("Figur: før og etter.", "small")]
    from exports.pdf_base import content_width

    buffer = io.BytesIO()
    build_pdf(buffer, keep_with_what_follows(story, content_width()), PdfMeta(title="Test"))
    reader = PdfReader(buffer)
    pages = [p.extract_text() for p in reader.pages]
    on = lambda text: [i for i, page in enumerate(pages) if text in page]  # noqa: E731
    assert on("Overskrift over figuren") == on("Figur: før og etter.") == on("Innledning til figuren.")


def test_funds_statement_is_not_longer_than_its_content(demo):
    data = collect_report(demo, municipality_id(demo), "funds", None, TODAY)
    reader = PdfReader(io.BytesIO(report_pdf_bytes(data, {})))
    assert len(reader.pages) <= 2
    assert all(body_lines(reader, i) for i in range(len(reader.pages)))


def test_long_municipality_name_does_not_run_into_the_page_number(demo):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from exports.pdf_base import FONT, MARGIN, register_fonts

    register_fonts()
    data = collect_report(demo, municipality_id(demo), "funds", None, TODAY)
    data = dataclasses.replace(data, municipality="Nordre Follo og Søndre Land og Aurskog-Høland og Evenes og "
                                                  "Tjeldsund og Porsanger")
    reader = PdfReader(io.BytesIO(report_pdf_bytes(data, {})))
    width = float(reader.pages[0].mediabox.width)
    for page in reader.pages:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        footer = next(line for line in reversed(lines) if " · " in line and "kommune" in line[-40:] or "…" in line)
        number = next(line for line in reversed(lines) if re.fullmatch(r"Side \d+ av \d+", line))
        assert footer.endswith(data.today.strftime("%d.%m.%Y"))
        left_end = MARGIN + stringWidth(footer, FONT, 8)
        right_start = width - MARGIN - stringWidth(number, FONT, 8)
        assert left_end + 3 * MM <= right_start, (footer, number)


def test_viewer_shows_the_title_and_every_font_is_embedded(demo, tmp_path):
    data = collect_report(demo, municipality_id(demo), "final", None, TODAY)
    pdf = report_pdf_bytes(data, {})
    reader = PdfReader(io.BytesIO(pdf))
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    if shutil.which("pdffonts"):
        path = tmp_path / "rapport.pdf"
        path.write_bytes(pdf)
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), listing
