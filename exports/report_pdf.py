"""The report to the county governor as PDF: cover, contents with page numbers, sections, charts.

`write_report_pdf(report, texts, target)` writes one municipality's report; `report` may also be a list
of ReportData (a county-wide run), which gives one cover, one contents list and a part per municipality.
The contents list gets its page numbers from a first, silent build (ReportLab's two-pass pattern) —
unless `page_numbers=False`.

Built on pdf_base: DejaVu Sans embedded, «Side X av Y», metadata (title, author, subject, nb-NO), header
rows that repeat, user text escaped. The resource person's texts (`texts`, keys from
report_data.TEXT_SECTIONS) are printed as written, as paragraphs separated by blank lines.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from storage.enums import ReportKind
from storage.formatting import format_date, format_long_date
from storage.i18n import _
from storage.services.report_data import ReportData, text_titles

from . import report_pdf_context as ctx
from . import report_pdf_sections as sec
from .pdf_base import (
    ACCENT,
    MM,
    PdfMeta,
    build_pdf,
    content_width,
    escape,
    keep_with_what_follows,
    markup,
    para,
    styles,
    vector_drawing,
)

PROGRAMME = "Inkluderende barnehage- og skolemiljø – samlingsbasert tilbud"
def report_title(d: ReportData) -> str:
    return {ReportKind.MIDTERM: _("Underveisrapport"), ReportKind.FINAL: _("Sluttrapport"),
            ReportKind.FUNDS: _("Rapport om bruk av midler")}[d.kind]


def file_stem(d: ReportData) -> str:
    """«Underveisrapport Fjordvik 2026V», safe as a file name."""
    scope = d.semester or (d.semesters[-1] if d.kind is ReportKind.MIDTERM and d.semesters else "")
    stem = " ".join(p for p in (report_title(d), d.municipality, scope) if p)
    return "".join(ch for ch in stem if ch not in '<>:"/\\|?*').strip()


class _Toc:
    """Contents entries and the pages they were drawn on (filled by the first build)."""

    def __init__(self, pages: dict[int, int] | None):
        self.entries: list[tuple[int, str]] = []
        self.pages = pages if pages is not None else {}

    def heading(self, text: str, level: int) -> list:
        from reportlab.platypus import CondPageBreak, Flowable

        toc = self
        key = len(self.entries)
        if level <= 1:
            self.entries.append((level, text))

        class Mark(Flowable):
            def wrap(self, *_args):
                return 0, 0

            def draw(self):
                toc.pages.setdefault(key, self.canv.getPageNumber())

        style = {0: "title", 1: "h1", 2: "h2"}[min(level, 2)]
        flow = [CondPageBreak({0: 80 * MM, 1: 60 * MM}.get(level, 40 * MM)), para(text, style)]
        if level <= 1:
            flow.insert(1, Mark())
        return flow

    def table(self, numbered: bool):
        rows = []
        for key, (level, text) in enumerate(self.entries):
            page = str(self.pages.get(key, "")) if numbered else ""
            label = f"<b>{escape(text)}</b>" if level == 0 else escape(text)
            rows.append([markup(label, "cell"), markup(page, "cell_right")])
        from reportlab.platypus import Table, TableStyle

        table = Table(rows or [["", ""]], colWidths=[content_width() - 20 * MM, 20 * MM], hAlign="LEFT",
                      repeatRows=0)
        pad = 3 if len(rows) <= 30 else 1.2  # a county's long list stays on one page
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                                   ("TOPPADDING", (0, 0), (-1, -1), pad),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#dde9ed")]))
        return table


def _band(title: str, subtitle: str):
    """The coloured title band on the cover (vector drawing)."""
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib import colors

    width, height = content_width(), 46 * MM
    drawing = vector_drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.HexColor(ACCENT), strokeColor=None))
    drawing.add(Rect(0, 0, 4 * MM, height, fillColor=colors.HexColor("#e08a2e"), strokeColor=None))
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = 26
    while size > 14 and stringWidth(title, "DejaVuSans-Bold", size) > width - 20 * MM:
        size -= 1
    drawing.add(String(12 * MM, height - 20 * MM, title, fontName="DejaVuSans-Bold", fontSize=size,
                       fillColor=colors.white))
    drawing.add(String(12 * MM, height - 30 * MM, subtitle, fontName="DejaVuSans", fontSize=11,
                       fillColor=colors.HexColor("#dde9ed")))
    return drawing


def is_draft(d: ReportData, texts: dict[str, str]) -> bool:
    """A mid-term or final report without any of the resource person's own texts is a draft (a funds
    statement's comments are optional)."""
    return d.kind is not ReportKind.FUNDS and not any((texts.get(k) or "").strip() for k in text_titles())


def _cover(reports: Sequence[ReportData], title: str, draft: bool = False, compact: bool = False) -> list:
    """The cover; `compact` (a funds statement, about one page of content) leaves out the big spacing and
    the page break, so the content starts on the first page."""
    from reportlab.platypus import PageBreak, Spacer

    d = reports[0]
    county = d.county
    rows: list[list] = []
    if len(reports) == 1:
        rows.append([_("Kommune"), f"{d.municipality} kommune ({d.number})"])
        if d.cohort is not None:
            rows.append([_("Pulje"), str(d.cohort)])
        if d.period_label:
            rows.append([_("Periode"), d.period_label])
        if d.scope_label and d.kind is not ReportKind.FUNDS:
            rows.append([_("Rapporten gjelder"), d.scope_label])
        if d.roles:
            rows.append([_("Deltar som"), _(" og ").join(d.roles)])
    else:
        rows.append([_("Kommuner"), str(len(reports))])
        cohorts = sorted({r.cohort for r in reports if r.cohort is not None})
        if cohorts:
            rows.append([_("Pulje"), ", ".join(str(c) for c in cohorts)])
    rows.append([_("Mottaker"), _("Statsforvalteren i {county}").format(county=county)])
    rows.append([_("Dato"), format_long_date(d.today)])
    subtitle = PROGRAMME if len(reports) == 1 else _("Samlet for {n} kommuner i {county}").format(
        n=len(reports), county=county)
    gap = 0.4 if compact else 1.0
    story = [Spacer(1, 10 * MM * gap), _band(title, subtitle), Spacer(1, 14 * MM * gap)]
    if draft:
        story += [para(_("Utkast"), "draft"),
                  para(_("Ressurspersonens egne vurderinger (erfaringer, utvikling og videre arbeid) er ikke skrevet "
                         "ennå."), "warning")]
    story += [para(_("Til Statsforvalteren i {county}").format(county=county), "h1"), Spacer(1, 4 * MM)]
    from reportlab.platypus import Table, TableStyle

    table = Table([[para(k, "note"), para(v)] for k, v in rows], colWidths=[45 * MM, content_width() - 45 * MM],
                  hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#b8c7cc"),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    story += [table, Spacer(1, 8 * MM * gap)]
    notices = [r.time_notice for r in reports if r.time_notice][:1]  # the same day for every municipality
    story += [para(notice, "warning") for notice in notices]
    story.append(Spacer(1, 8 * MM * gap))
    story.append(para((_("Tallene i rapporten er talt opp fra kommunens registreringer i Nettverkslogg. Rapporten "
                         "inneholder bare samletall: ingen navn på barn, elever eller ansatte, og ingen "
                         "enkeltsvar.") if len(reports) == 1 else
                       _("Tallene i rapporten er talt opp fra kommunenes registreringer i Nettverkslogg. Rapporten "
                         "inneholder bare samletall: ingen navn på barn, elever eller ansatte, og ingen "
                         "enkeltsvar.")), "note"))
    if not compact:
        story.append(PageBreak())
    return story


def _municipality_body(d: ReportData, texts: dict[str, str], h) -> list:
    from reportlab.platypus import Table, TableStyle

    titles = text_titles()
    out = sec.summary(d, h)
    if not d.has_data:
        box = Table([[para(_("Ingen tall å rapportere"), "h2")], [para(d.empty_reason or "")]],
                    colWidths=[content_width()])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, "#8a4b00"), ("BACKGROUND", (0, 0), (-1, -1), "#fdf3e6"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 6)]))
        out += [box]
    if d.kind is ReportKind.FUNDS:
        if d.has_data:
            out += sec.funds(d, h)
        if any((texts.get(k) or "").strip() for k in titles):
            out += h(_("Kommentarer"), 1)
            for key, title in titles.items():
                if (texts.get(key) or "").strip():
                    out += sec.own_text(title, texts[key], h, 2)
        return out
    if d.has_data:
        for part in (sec.organisation, sec.participation, ctx.reach_by_role, sec.gatherings, sec.themes,
                     ctx.templates_used, sec.involvement, sec.vignettes, ctx.vignette_sessions, sec.session_logs):
            out += part(d, h)
    out += sec.own_text(titles["experiences"], texts.get("experiences", ""), h)
    out += sec.own_text(titles["development"], texts.get("development", ""), h)
    if d.has_data:
        out += sec.funds(d, h)
    out += sec.own_text(titles["continuation"], texts.get("continuation", ""), h)
    return out


def _story(reports: Sequence[ReportData], texts: dict[str, str], pages: dict[int, int] | None,
           numbered: bool) -> tuple[list, _Toc]:
    from reportlab.platypus import PageBreak

    toc = _Toc(pages)
    county = len(reports) > 1
    title = report_title(reports[0])
    body: list = []
    if county:
        body += sec.county_overview(list(reports), toc.heading)
        from reportlab.platypus import KeepTogether

        for d in reports:  # a municipality's part is kept on one page
            body.append(KeepTogether(toc.heading(_("{name} kommune").format(name=d.municipality), 1)
                                     + sec.county_part(d, toc.heading)))
    else:
        body += _municipality_body(reports[0], texts, toc.heading)
    body = keep_with_what_follows(body, content_width())
    compact = not county and reports[0].kind is ReportKind.FUNDS
    story = _cover(reports, title, draft=not county and is_draft(reports[0], texts), compact=compact)
    if compact:  # two short sections need no contents list
        return story + body, toc
    story += [para(_("Innhold"), "h1"), toc.table(numbered), PageBreak()]
    return story + body, toc


def write_report_pdf(report: ReportData | Sequence[ReportData], texts: dict[str, str] | None,
                     target: Path | str | BinaryIO, *, page_numbers: bool = True, invariant: bool = False) -> None:
    """Write the report (or a county's reports) as PDF to `target`."""
    reports = [report] if isinstance(report, ReportData) else list(report)
    if not reports:
        raise ValueError("no reports")
    texts = texts or {}
    styles()
    d = reports[0]
    title = report_title(d)
    if len(reports) == 1:
        full = _("{title} – {name} kommune").format(title=title, name=d.municipality)
    else:
        full = _("{title} – {n} kommuner i {county}").format(title=title, n=len(reports), county=d.county)
    meta = PdfMeta(title=full, subject=_("{kind} til Statsforvalteren i {county}, {programme}").format(
        kind=d.kind_label, county=d.county, programme=PROGRAMME), author=_("{name} kommune").format(
        name=d.municipality) if len(reports) == 1 else "Nettverkslogg",
        keywords=(_("lærende nettverk"), _("inkluderende barnehage- og skolemiljø"), d.kind_label),
        footer=f"{full} · {format_date(d.today)}")
    pages: dict[int, int] = {}
    if page_numbers:
        story, _toc = _story(reports, texts, pages, False)
        build_pdf(io.BytesIO(), story, meta, invariant=invariant)
    story, _toc = _story(reports, texts, pages, page_numbers)
    build_pdf(target, story, meta, invariant=invariant)


def report_pdf_bytes(report: ReportData | Sequence[ReportData], texts: dict[str, str] | None = None, **kw) -> bytes:
    buffer = io.BytesIO()
    write_report_pdf(report, texts, buffer, **kw)
    return buffer.getvalue()
