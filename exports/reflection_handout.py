"""A reflection template as a one-page handout to print for a gathering or a staff meeting.

`write_reflection_handout(template, target)` writes one A4 page: the title, who it is for and how long
it takes, the purpose, the steps (numbered), the questions with lines to write on, and a box for what
the group agrees to try. `write_reflection_handouts(templates, folder)` writes one file per template.
Built on exports.pdf_base (embedded DejaVu Sans, escaped text, metadata); ReportLab loads lazily.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from storage.content import ReflectionTemplate
from storage.i18n import _

from .pdf_base import (
    ACCENT,
    MM,
    RULE,
    PdfMeta,
    build_pdf,
    content_width,
    escape,
    markup,
    para,
    styles,
    vector_drawing,
)

__all__ = ["handout_file_name", "write_reflection_handout", "write_reflection_handouts"]

_TARGET = {"kindergarten": "barnehage", "school": "skole", "both": "barnehage og skole"}


def handout_file_name(template: ReflectionTemplate) -> str:
    """«Refleksjonsmal – Barnas stemme.pdf» (characters Windows refuses replaced)."""
    title = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", template.title).strip(". ")
    return _("Refleksjonsmal – {title}").format(title=title) + ".pdf"


def _lines(count: int, width: float):
    """`count` ruled lines to write on."""
    from reportlab.graphics.shapes import Line
    from reportlab.lib import colors

    gap = 7.5 * MM
    drawing = vector_drawing(width, count * gap)
    for i in range(count):
        y = i * gap + 1
        drawing.add(Line(0, y, width, y, strokeColor=colors.HexColor(RULE), strokeWidth=0.5))
    return drawing


def _story(template: ReflectionTemplate, municipality: str | None, write_lines: int) -> list:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Spacer, Table, TableStyle

    s = styles()
    width = content_width()
    target = _TARGET.get(template.target, _TARGET["both"])
    about = _("For {target} · ca. {minutes} minutter").format(target=target, minutes=template.suggested_minutes)
    if municipality:
        about += " · " + escape(municipality)
    story: list = [para(_("Refleksjonsmal"), "small"), para(template.title, "title"), markup(about, "subtitle")]
    story.append(para(template.purpose, "quote"))
    item_style = ParagraphStyle("handout_item", parent=s["body"], spaceAfter=3)
    if template.steps:
        story.append(para(_("Slik gjør dere"), "h2"))
        story.append(ListFlowable(
            [ListItem(_item(step, item_style), leftIndent=14)
             for step in template.steps],
            bulletType="1", bulletFontName=s["body"].fontName, bulletFontSize=10, leftIndent=14,
            bulletColor=colors.HexColor(ACCENT)))
    if template.questions:
        story.append(para(_("Spørsmål å snakke om"), "h2"))
        for n, question in enumerate(template.questions, 1):
            story.append(KeepTogether([
                markup(f"<b>{n}.</b> {escape(question)}", "body"), _lines(write_lines, width), Spacer(1, 3)]))
    box = Table([[markup(_("<b>Dette prøver vi før neste gang:</b>"), "body")], [_lines(3, width - 16)]],
                colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(ACCENT)),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                             ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    story += [Spacer(1, 8), KeepTogether([box])]
    story.append(Spacer(1, 6))
    story.append(para(_("Skriv ikke navn på barn eller elever. Beskriv voksne med rolle, ikke navn."), "small"))
    return story


def _item(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def _fits_one_page(story: list) -> bool:
    from io import BytesIO

    return build_pdf(BytesIO(), story, PdfMeta(title="x"), invariant=True) == 1


def write_reflection_handout(template: ReflectionTemplate, target: Path | str | BinaryIO, *,
                             municipality: str | None = None, invariant: bool = False) -> None:
    """One page: as many writing lines under each question as fit (from 4 down to 1)."""
    lines = next((n for n in (4, 3, 2, 1) if _fits_one_page(_story(template, municipality, n))), 0)
    story = _story(template, municipality, lines)  # flowables are used up by a build: make them anew
    meta = PdfMeta(title=template.title, subject=_("Refleksjonsmal fra Nettverkslogg"),
                   keywords=(_("refleksjonsmal"), _("inkluderende barnehage- og skolemiljø"), template.key),
                   footer=_("Refleksjonsmal: {title}").format(title=template.title))
    build_pdf(Path(target) if isinstance(target, str) else target, story, meta, invariant=invariant)


def write_reflection_handouts(templates: list[ReflectionTemplate], folder: str | Path, *,
                              municipality: str | None = None, progress=None) -> list[Path]:
    """One PDF per template in `folder` (made if missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, template in enumerate(templates):
        if progress is not None:
            progress(n, len(templates), template.title)
        path = folder / handout_file_name(template)
        write_reflection_handout(template, path, municipality=municipality)
        paths.append(path)
    return paths
