"""The base of every PDF the app writes: fonts, page template, metadata, styles, tables, escaping.

- DejaVu Sans (regular and bold, resources/fonts/, licence beside them) is embedded, so æøå and
  symbols such as ± and → print everywhere.
- Every page has a footer with the report's name and «Side X av Y».
- The document carries title, author, subject, keywords and language (nb-NO) in its metadata.
- User text goes through `escape` before it becomes a Paragraph: ReportLab reads paragraph text as
  markup, so a stray «<» or «&» would break the build or change the layout.
- `data_table` repeats its header rows on every page a table spans.
- Every font in the file is embedded: vector drawings start in DejaVu Sans (`vector_drawing`), not in
  ReportLab's default Helvetica, which would be listed unembedded.
- The footer's left text is shortened with «…» so it never runs into «Side X av Y»; the viewer shows the
  document's title, not its file name (DisplayDocTitle).

ReportLab is imported inside the functions: importing this module costs nothing at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as _xml_escape

from storage.i18n import _

from .atomic_file import output_target

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

MM = 72 / 25.4  # points per millimetre (reportlab.lib.units.mm without the import)
MARGIN = 18 * MM
FOOTER_HEIGHT = 10 * MM

INK = "#1d2b30"
ACCENT = "#1f5a6b"
MUTED = "#5b6b70"
RULE = "#b8c7cc"
HEADER_FILL = "#dde9ed"
ZEBRA_FILL = "#f4f7f8"
WARNING_INK = "#8a4b00"
#: Series colours for charts: distinguishable, and still apart when printed in grey.
CHART_COLOURS = ("#1f5a6b", "#e08a2e", "#7aa95c", "#a05195", "#5b8fd1", "#c94f4f", "#8c8c8c")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class PdfMeta:
    """What the PDF says about itself (File → Properties) and in its footer."""

    title: str
    subject: str = ""
    author: str = "Nettverkslogg"
    keywords: tuple[str, ...] = ()
    language: str = "nb-NO"
    footer: str | None = None  # the footer's left text; the title when None


def escape(text: Any) -> str:
    """User text made safe for a ReportLab Paragraph: &, < and > escaped, control characters dropped,
    line breaks kept."""
    if text is None:
        return ""
    cleaned = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return _xml_escape(cleaned).replace("\n", "<br/>")


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular, bold) once, with bold as the family's bold face."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FONT_FILES.items():
        path = FONT_DIR / file
        if not path.is_file():
            raise FileNotFoundError(_("Skriften {file} mangler i {folder}.").format(file=file, folder=FONT_DIR))
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    from reportlab.platypus.tables import CellStyle

    CellStyle.fontname = FONT  # a table cell without FONTNAME would otherwise select unembedded Helvetica
    return FONT, FONT_BOLD


@lru_cache(maxsize=1)
def styles() -> dict[str, Any]:
    """Paragraph styles by name: title, subtitle, h1, h2, body, quote, small, note, warning, cell,
    cell_right, cell_head, cell_head_right."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    ink, accent, muted = colors.HexColor(INK), colors.HexColor(ACCENT), colors.HexColor(MUTED)
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, textColor=ink, spaceAfter=6)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0)
    head = ParagraphStyle("cell_head", parent=cell, fontName=FONT_BOLD)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=25,
                                textColor=accent, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11, leading=15, textColor=muted,
                                   spaceAfter=14),
        "h1": ParagraphStyle("h1", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18, textColor=accent,
                             spaceBefore=14, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=11.5, leading=15, textColor=ink,
                             spaceBefore=10, spaceAfter=4),
        "body": body,
        "quote": ParagraphStyle("quote", parent=body, leftIndent=10, borderPadding=(6, 8, 6, 8),
                                backColor=colors.HexColor(ZEBRA_FILL), borderColor=colors.HexColor(RULE),
                                borderWidth=0.5, spaceBefore=4, spaceAfter=10),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=muted),
        "note": ParagraphStyle("note", parent=body, fontSize=9, leading=12, textColor=muted),
        "draft": ParagraphStyle("draft", parent=body, fontName=FONT_BOLD, fontSize=22, leading=26,
                                textColor=colors.HexColor(WARNING_INK), spaceAfter=2),
        "warning": ParagraphStyle("warning", parent=body, fontSize=9, leading=12,
                                  textColor=colors.HexColor(WARNING_INK)),
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "cell_head": head,
        "cell_head_right": ParagraphStyle("cell_head_right", parent=head, alignment=TA_RIGHT),
        "cell_head_narrow": ParagraphStyle("cell_head_narrow", parent=head, alignment=TA_RIGHT, fontSize=8,
                                           leading=10),
    }


def vector_drawing(width: float, height: float):
    """A reportlab.graphics Drawing whose initial font is DejaVu Sans (its default, Helvetica, would be
    put in the PDF unembedded even when no text uses it)."""
    from reportlab.graphics.shapes import Drawing

    register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT
    return drawing


def para(text: Any, style: str = "body"):
    """A Paragraph of user (or any plain) text, escaped."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), styles()[style])


def heading(text: Any, level: int = 1, *, room: float = 45 * MM) -> list:
    """A heading that starts a new page when less than `room` is left below it, so it never ends a
    page alone, while the long table after it may still split across pages."""
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(room), para(text, f"h{level}")]


def is_heading(flowable) -> bool:
    style = getattr(flowable, "style", None)
    return getattr(style, "name", None) in ("title", "h1", "h2")


def is_caption(flowable) -> bool:
    style = getattr(flowable, "style", None)
    return getattr(style, "name", None) == "small"


def keep_with_what_follows(story: list, width: float, limit: float = 110 * MM) -> list:
    """The story with each heading kept on a page with what it introduces, and each chart with its
    caption. A heading is grouped with the paragraphs after it and the first table or chart (with its
    caption), as long as the group stays under `limit`; a longer table starts under its heading anyway
    (the CondPageBreak before the heading leaves room) and splits with its header repeated. Zero-height
    marks right before a heading (contents-list page marks) move into the group, so they record the page
    the heading lands on."""
    from reportlab.platypus import KeepTogether, Paragraph
    from reportlab.platypus.flowables import CondPageBreak, PageBreak

    def height(flowable) -> float:
        return flowable.wrap(width, 10_000)[1] if not isinstance(flowable, KeepTogether) else limit + 1

    out: list = []
    i = 0
    while i < len(story):
        item = story[i]
        if is_heading(item):
            group = [item]
            while out and not isinstance(out[-1], Paragraph | CondPageBreak | PageBreak) and height(out[-1]) == 0:
                group.insert(0, out.pop())
            used = height(item)
            j = i + 1
            while j < len(story):
                following = story[j]
                if is_heading(following) or isinstance(following, CondPageBreak | PageBreak):
                    break
                extra = height(following)
                caption = story[j + 1] if j + 1 < len(story) and is_caption(story[j + 1]) else None
                if caption is not None:
                    extra += height(caption)
                if used + extra > limit:
                    break
                group.append(following)
                used += extra
                j += 1
                if caption is not None:
                    group.append(caption)
                    j += 1
                if not isinstance(following, Paragraph):
                    break  # the first table or chart ends the group
            out.append(KeepTogether(group))
            i = j
        elif i + 1 < len(story) and not isinstance(item, Paragraph) and is_caption(story[i + 1]):
            out.append(KeepTogether([item, story[i + 1]]))
            i += 2
        else:
            out.append(item)
            i += 1
    return out


def markup(text: str, style: str = "body"):
    """A Paragraph of trusted markup (<b>, <br/>) built by the code; escape user parts first."""
    from reportlab.platypus import Paragraph

    return Paragraph(text, styles()[style])


def content_width(pagesize: tuple[float, float] | None = None) -> float:
    from reportlab.lib.pagesizes import A4

    return (pagesize or A4)[0] - 2 * MARGIN


def table_style(header_rows: int = 1, rows: int = 0, zebra: bool = True):
    """Grid lines, a shaded header that repeats, zebra rows, top-aligned cells."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor(RULE)),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEADER_FILL)),
                     ("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
                     ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, colors.HexColor(ACCENT))]
    if zebra:
        for row in range(header_rows + 1, rows, 2):
            commands.append(("BACKGROUND", (0, row), (-1, row), colors.HexColor(ZEBRA_FILL)))
    return TableStyle(commands)


def data_table(rows: Sequence[Sequence[Any]], *, col_widths: Sequence[float] | None = None, header_rows: int = 1,
               align_right: Sequence[int] = (), zebra: bool = True):
    """A table of plain values: strings and numbers become escaped, wrapping Paragraphs (columns in
    `align_right` right-aligned), flowables are kept. The header rows repeat on every page."""
    from reportlab.platypus import Flowable, Table

    right = set(align_right)
    cells = []
    for r, row in enumerate(rows):
        head = r < header_rows
        cells.append([value if isinstance(value, Flowable) else para(
            "" if value is None else value,
            ("cell_head" if head else "cell") + ("_right" if c in right else "")) for c, value in enumerate(row)])
    table = Table(cells, colWidths=list(col_widths) if col_widths else None, repeatRows=header_rows,
                  hAlign="LEFT")
    table.setStyle(table_style(header_rows, len(cells), zebra))
    return table


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened at a word with «…» when it is wider than `width` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(" ,·–") + " …"
        if stringWidth(candidate, font, size) <= width:
            return candidate
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


@lru_cache(maxsize=1)
def _numbered_canvas():
    """A Canvas that holds its pages until the end, then writes «Side X av Y» on each."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        footer_text = ""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(MARGIN, FOOTER_HEIGHT + 4, width - MARGIN, FOOTER_HEIGHT + 4)
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor(MUTED))
            pages = _("Side {page} av {total}").format(page=self._pageNumber, total=total)
            self.drawRightString(width - MARGIN, FOOTER_HEIGHT - 6, pages)
            room = width - 2 * MARGIN - self.stringWidth(pages, FONT, 8) - 6 * MM
            head, sep, tail = self.footer_text.rpartition(" · ")  # keep the date, shorten the name
            text = (fit_text(head, FONT, 8, room - self.stringWidth(sep + tail, FONT, 8)) + sep + tail if sep
                    else fit_text(self.footer_text, FONT, 8, room))
            self.drawString(MARGIN, FOOTER_HEIGHT - 6, text)
            self.restoreState()

    return NumberedCanvas


def build_pdf(target: Path | str | BinaryIO, story: list, meta: PdfMeta, *, landscape: bool = False,
              invariant: bool = False) -> int:
    """Write `story` (a list of flowables) as an A4 PDF with the footer and the metadata of `meta`;
    return the number of pages. `invariant` makes the bytes reproducible (no creation time), for tests."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turn

    register_fonts()
    pagesize = turn(A4) if landscape else A4
    with output_target(target) as out:
        _build(out, story, meta, pagesize, invariant)


def _build(target, story: list, meta: PdfMeta, pagesize, invariant: bool) -> None:
    from reportlab.platypus import Frame, PageTemplate
    from reportlab.platypus.doctemplate import BaseDocTemplate

    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target, pagesize=pagesize, leftMargin=MARGIN,
        rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + FOOTER_HEIGHT / 2, title=meta.title,
        author=meta.author, subject=meta.subject, keywords=list(meta.keywords), creator="Nettverkslogg",
        lang=meta.language, invariant=int(invariant), initialFontName=FONT, displayDocTitle=True)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = meta.footer or meta.title
    canvas_class = type("ReportCanvas", (_numbered_canvas(),), {"footer_text": footer})
    doc.build(story, canvasmaker=canvas_class)
    return doc.page


def _wrap_label(label: str, width: int = 14) -> str:
    """Break a category label at spaces so it fits under its bar group."""
    lines, line = [], ""
    for word in label.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


def bar_chart(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], *,
              width: float | None = None, height: float = 62 * MM, value_max: float | None = 100,
              value_suffix: str = " %", colours: Sequence[str] | None = None):
    """A vector grouped bar chart (reportlab.graphics): one group of bars per category, one colour
    per series (`colours`, or CHART_COLOURS in turn), a legend below. None leaves a gap."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.lib import colors

    register_fonts()
    width = width or content_width()
    per_row = max(1, int((width - 44) // 84))
    legend_rows = 0 if len(series) < 2 else -(-len(series) // per_row)
    legend_height = 12 * legend_rows
    label_lines = max((_wrap_label(c).count("\n") + 1 for c in categories), default=1)
    bottom = 6 + legend_height + 6 + 9 * label_lines + 4
    drawing = vector_drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, bottom
    chart.width, chart.height = width - 44, height - bottom - 8
    chart.data = [[v if v is not None else None for v in values] for _name, values in series]
    chart.groupSpacing = 8
    chart.barSpacing = 1
    chart.categoryAxis.categoryNames = [_wrap_label(c) for c in categories]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = colors.HexColor(RULE)
    chart.valueAxis.valueMin = 0
    top = max((v for _n, values in series for v in values if v is not None), default=0)
    chart.valueAxis.valueMax = value_max if value_max is not None else max(1, top * 1.15)
    if value_max == 100:
        chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:g}{value_suffix}".replace(".", ",")
    chart.valueAxis.strokeColor = colors.HexColor(RULE)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor(ZEBRA_FILL)
    fills = [colors.HexColor(c) for c in (colours or [CHART_COLOURS[i % len(CHART_COLOURS)]
                                                      for i in range(len(series))])]
    for i, fill in enumerate(fills):
        chart.bars[i].fillColor = fill
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if legend_rows:
        legend = Legend()
        legend.boxAnchor = "nw"
        legend.x, legend.y = 34, 6 + legend_height
        legend.alignment = "right"
        legend.columnMaximum = legend_rows
        legend.fontName = FONT
        legend.fontSize = 8
        legend.dx = legend.dy = 7
        legend.deltay = 12
        legend.deltax = 84
        legend.colorNamePairs = [(fill, name) for fill, (name, _v) in zip(fills, series, strict=True)]
        drawing.add(legend)
    return drawing
