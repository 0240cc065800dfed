"""The report to the county governor as an Excel workbook: «Sammendrag» and one sheet per section.

It holds what the e-mail promises («de samme tallene»): the headline figures (report_figures), networks and
resource persons, units and staff, gatherings and obligations, themes, session logs with hours, vignette
figures and funds — one number per cell, so a county can add municipalities' files together.

Every block is a real Excel table with a frozen header row and fitted widths; kroner carry the format
`#,##0 "kr"` (the reader's own digit grouping); totals are SUM formulas over the table's own cells, so the
workbook stays right when a reader edits a figure, and every formula also stores its computed value
(xlsx_formulas) for previews that do not calculate. Each sheet prints on A4, fitted to the page width.
Two charts: gatherings per semester and funds per category. User text that starts with =, +, - or @ is
stored as text (vignette_summary_xlsx.put). openpyxl is imported inside the functions.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from storage.enums import ReportKind
from storage.i18n import _
from storage.services.report_data import ReportData, text_titles

from .atomic_file import write_bytes_atomic
from .report_figures import HOURS, figures
from .report_figures import KRONER as KRONER_UNIT
from .report_figures import PERCENT as PERCENT_UNIT
from .report_pdf import PROGRAMME, report_title
from .report_pdf_sections import LEVELS, semester_key, short_semester
from .vignette_summary_xlsx import fit_columns, put, sheet_title
from .xlsx_formulas import put_formula, save_with_values

KRONER = '#,##0 "kr"'
PERCENT = "0%"
HOURS_FORMAT = "0.0"
WHOLE_PERCENT = '0" %"'


class Formula(str):
    """A formula the code wrote (never user text): stored as a formula, with the value it computes."""

    value: int | float | None

    def __new__(cls, text: str, value: int | float | None = None):
        obj = super().__new__(cls, text)
        obj.value = value
        return obj


def _plain(value: Any) -> int | float:
    if isinstance(value, Formula):
        return value.value or 0
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0


def write_table(ws, name: str, top: int, header: list[str], rows: list[list[Any]], *, formats: dict[int, str] | None = None,
           total: str | None = None, sum_columns: Sequence[int] = ()) -> int:
    """Header and rows from column A at `top` as an Excel table; with `total`, a row below the table
    whose `sum_columns` are SUM formulas over the table's rows. Returns the next free row."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    formats = formats or {}
    for c, title in enumerate(header, start=1):
        put(ws, top, c, title).font = Font(bold=True)
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values, start=1):
            if isinstance(value, Formula):
                put_formula(ws, r, c, str(value), value.value, formats.get(c - 1))
            else:
                put(ws, r, c, value, formats.get(c - 1))
    last = top + max(len(rows), 1)
    table = Table(displayName=name, ref=f"A{top}:{get_column_letter(len(header))}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    if total is not None:
        last += 1
        put(ws, last, 1, total).font = Font(bold=True)
        for c in sum_columns:
            letter = get_column_letter(c + 1)
            total_value = sum(_plain(values[c]) for values in rows if c < len(values))
            cell = put_formula(ws, last, c + 1, f"=SUM({letter}{top + 1}:{letter}{last - 1})", total_value,
                               formats.get(c))
            cell.font = Font(bold=True)
    return last + 2


NUMBER_FORMATS = {KRONER_UNIT: KRONER, HOURS: HOURS_FORMAT, PERCENT_UNIT: WHOLE_PERCENT}


def print_on_a4(ws, landscape: bool = False) -> None:
    """Print the sheet on A4, all columns on the page's width (as many pages down as needed)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.print_title_rows = None


def _finish(ws, freeze: str = "A2", landscape: bool = False) -> None:
    ws.freeze_panes = freeze
    fit_columns(ws, maximum=70)
    print_on_a4(ws, landscape)


def _summary(ws, d: ReportData, texts: dict[str, str]) -> None:
    from openpyxl.styles import Alignment, Font

    put(ws, 1, 1, f"{report_title(d)} – {d.municipality} kommune").font = Font(bold=True, size=14)
    facts = [[_("Program"), PROGRAMME], [_("Kommune"), f"{d.municipality} ({d.number})"],
             [_("Fylke"), d.county], [_("Pulje"), d.cohort if d.cohort is not None else "–"],
             [_("Periode"), d.period_label or "–"], [_("Rapporten gjelder"), d.scope_label or "–"],
             [_("Mottaker"), _("Statsforvalteren i {county}").format(county=d.county)],
             [_("Dato"), d.today]]
    date_row = 3 + len(facts)
    if d.empty_reason:
        facts.append([_("Merk"), d.empty_reason])
    row = write_table(ws, "Rapport", 3, [_("Felt"), _("Verdi")], facts)
    ws.cell(row=date_row, column=2).number_format = "dd.mm.yyyy"
    shown = figures(d)
    top = row
    row = write_table(ws, "Nokkeltall", top, [_("Nøkkeltall"), _("Verdi")], [[f.label, f.value] for f in shown])
    for r, figure in enumerate(shown, start=top + 1):
        ws.cell(row=r, column=2).number_format = NUMBER_FORMATS.get(figure.unit, "0")
    titles = text_titles()
    text_rows = [[titles[k], (texts.get(k) or "").strip()] for k in titles]
    top = row
    row = write_table(ws, "Egne_tekster", top, [_("Ressurspersonens tekst"), _("Tekst")], text_rows)
    for r in range(top + 1, row - 1):
        ws.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    _finish(ws, "A4")
    ws.column_dimensions["B"].width = 80


def _organisation(ws, d: ReportData) -> None:
    row = write_table(ws, "Nettverk", 1, [_("Nettverk"), _("Målgruppe"), _("Ledes av"), _("Barnehager"), _("Skoler"),
                                     _("Andre enheter"), _("Enheter i alt")],
                 [[n.name, n.target, n.leader or "", n.kindergartens, n.schools, n.others,
                   n.kindergartens + n.schools + n.others] for n in d.networks],
                 total=_("Sum"), sum_columns=(3, 4, 5, 6))
    write_table(ws, "Ressurspersoner", row, [_("Område"), _("Stillingsandel")],
           [[area, pct / 100] for area, pct in d.resource_persons], formats={1: PERCENT},
           total=_("Sum"), sum_columns=(1,))
    _finish(ws)


def _participation(ws, d: ReportData) -> None:
    u = d.units
    row = write_table(ws, "Enheter", 1, [_("Enheter"), _("Kommunale"), _("Private"), _("I alt")],
                 [[_("Barnehager"), u.public_kindergartens, u.private_kindergartens, u.kindergartens],
                  [_("Skoler"), u.public_schools, u.private_schools, u.schools],
                  [_("Andre enheter"), u.public - u.public_kindergartens - u.public_schools,
                   u.private - u.private_kindergartens - u.private_schools, u.others]],
                 total=_("Alle enheter"), sum_columns=(1, 2, 3))
    row = write_table(ws, "Ansatte_naadd", row, [_("Semester"), _("Ansatte nådd"), _("Ansatte i alt"), _("Andel"),
                                            _("Enheter med minst halvparten")],
                 [[short_semester(r.semester), r.reached, r.staff_known,
                   r.reached / r.staff_known if r.staff_known else None, r.units_half_or_more]
                  for r in d.semester_rows], formats={3: PERCENT})
    row = write_table(ws, "Oppmote_rolle", row, [_("Rolle"), _("Oppmøter på gjennomførte samlinger")],
                      [[label, n] for label, n in d.attendance_by_role], total=_("I alt"), sum_columns=(1,))
    row = write_table(ws, "Naadd_rolle", row, [_("Rolle"), _("Ansatte nådd (minst)")],
                      [[r.role, r.people] for r in d.context.reach_by_role], total=_("I alt"), sum_columns=(1,))
    from .report_pdf_context import REACH_DEFINITION

    put(ws, row, 1, _(REACH_DEFINITION))
    _finish(ws)


def _gatherings(ws, d: ReportData) -> None:
    from openpyxl.chart import BarChart, Reference

    header = [_("Semester"), *[level.label for level in LEVELS], _("Gjennomført i alt"), _("Avlyst"),
              _("Forpliktelser oppfylt"), _("I fare"), _("Mangler")]
    rows = [[short_semester(r.semester), *[r.held_by_level.get(level.value, 0) for level in LEVELS], r.held,
             r.cancelled, r.obligations_met, r.obligations_at_risk, r.obligations_missing] for r in d.semester_rows]
    row = write_table(ws, "Samlinger", 1, header, rows, total=_("Sum"), sum_columns=tuple(range(1, 8)))
    if rows:
        chart = BarChart()
        chart.title = _("Gjennomførte samlinger per semester")
        chart.y_axis.title = _("Samlinger")
        data = Reference(ws, min_col=7, min_row=1, max_row=1 + len(rows))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + len(rows)))
        chart.height, chart.width = 7, 16
        ws.add_chart(chart, f"A{row + len(d.obligations) + 3}")
    write_table(ws, "Forpliktelser", row, [_("Semester"), _("Forpliktelse"), _("Status"), _("Begrunnelse")],
           [[short_semester(o.semester), o.obligation, o.status_label, o.reason] for o in d.obligations])
    _finish(ws, landscape=True)


def _themes(ws, d: ReportData) -> None:
    rows = [[_("Forebygge, avdekke, håndtere"), t.capitalize(), n] for t, n in d.goal_themes]
    rows += [[_("Nasjonalt tema for barnehagen"), t.capitalize(), n] for t, n in d.national_themes]
    rows += [[_("Annet tema"), t.capitalize(), n] for t, n in d.other_themes]
    row = write_table(ws, "Temaer", 1, [_("Gruppe"), _("Tema"), _("Samlinger")], rows)
    row = write_table(ws, "Kartlegging", row, [_("Kartleggingsverktøy")], [[t] for t in d.mapping_tools])
    parents = sum(r.parents for r in d.semester_rows)
    ppt = sum(r.ppt for r in d.semester_rows)
    row = write_table(ws, "Refleksjonsmaler", row, [_("Refleksjonsmal brukt på samlinger"), _("Samlinger")],
                      [[t.template, t.gatherings] for t in d.context.templates])
    write_table(ws, "Involvering", row, [_("Involvering"), _("Antall")],
           [[_("Øktlogger der barn/elever var involvert"), d.logs_with_children],
            [_("Øktlogger der foreldre var involvert"), d.logs_with_parents],
            [_("Foreldremøter gjennomført"), d.parent_meetings],
            [_("Foreldre til stede på samlinger (oppmøter)"), parents],
            [_("PPT til stede på samlinger (oppmøter)"), ppt],
            [_("Samlinger med PPT til stede"), d.gatherings_with_ppt]])
    _finish(ws)


def _logs(ws, d: ReportData) -> None:
    row = write_table(ws, "Oktlogger_i_alt", 1, [_("Øktlogger"), _("Antall")],
                 [[_("Øktlogger"), d.log_count], [_("Enheter som har logget"), d.log_units],
                  [_("Timer i øktloggene"), d.log_hours]])
    ws.cell(row=4, column=2).number_format = HOURS_FORMAT
    row = write_table(ws, "Oktlogger", row, [_("Semester"), _("Øktlogger"), _("Deltakere i alt")],
                 [[short_semester(r.semester), r.logs, r.log_participants] for r in d.semester_rows],
                 total=_("Sum"), sum_columns=(1, 2))
    row = write_table(ws, "Tema_okter", row, [_("Tema"), _("Økter")], [[t, n] for t, n in d.log_themes])
    write_table(ws, "Arbeidsmaater", row, [_("Arbeidsmåte"), _("Økter")], [[t, n] for t, n in d.log_methods])
    _finish(ws)


def _vignettes(ws, d: ReportData) -> None:
    row = write_table(ws, "Vignettall", 1, [_("Vignetter"), _("Antall")],
                 [[_("Vignettøkter"), d.vignette_sessions], [_("Vignettsvar"), d.vignette_responses],
                  [_("Vignetter sammenlignet før og etter"), len(d.vignettes)]])
    rows = []
    for pair in d.vignettes:
        for c in pair.changes:
            rows.append([pair.vignette, c.dimension, c.code, c.before_n, c.before, c.after_n, c.after])
    row = write_table(ws, "Vignettokter", row, [_("Dato"), _("Vignett"), _("Nettverk"), _("Svar")],
                      [[v.held_on, v.vignette, v.network, v.responses] for v in d.context.vignette_sessions])
    for r in range(row - 1 - len(d.context.vignette_sessions), row - 1):
        ws.cell(row=r, column=1).number_format = "dd.mm.yyyy"
    write_table(ws, "Vignetter", row, [_("Vignett"), _("Dimensjon"), _("Kode"), _("Svar før (n)"), _("Før"),
                                _("Svar etter (n)"), _("Etter")], rows, formats={4: PERCENT, 6: PERCENT})
    _finish(ws)


def _funds(ws, d: ReportData) -> None:
    from openpyxl.chart import BarChart, Reference

    f = d.funds
    lines = list(f.lines)
    row = write_table(ws, "Utgifter", 1, [_("Utgiftskategori"), _("Fra tilskudd"), _("Egenfinansiering"), _("I alt")],
                 [[line.label, line.grant, line.own, Formula(f"=B{i}+C{i}", line.grant + line.own)]
                  for i, line in enumerate(lines, start=2)],
                 formats={1: KRONER, 2: KRONER, 3: KRONER}, total=_("Sum brukt"), sum_columns=(1, 2, 3))
    sum_row = row - 2
    top = row
    row = write_table(ws, "Tilskudd", top, [_("Tilskudd"), _("Beløp"), _("Andel"), _("Tildelt")],
                 [[basis, amount, share / 100, granted] for basis, amount, share, granted in f.grants],
                 formats={1: KRONER, 2: PERCENT, 3: KRONER}, total=_("Sum tilskudd"), sum_columns=(3,))
    grant_row = row - 2
    top = row
    row = write_table(ws, "Egenfinansiering", top, [_("Semester"), _("Egenfinansiering")],
                 [[short_semester(s), a] for s, a in sorted(f.own_by_semester, key=lambda p: semester_key(p[0]))],
                 formats={1: KRONER}, total=_("Sum egenfinansiering"), sum_columns=(1,))
    own_row = row - 2
    top = row
    granted = sum(g[3] for g in f.grants)
    used, own_used = sum(line.grant for line in lines), sum(line.own for line in lines)
    write_table(ws, "Status_midler", top, [_("Status"), _("Beløp")],
           [[_("Tildelt tilskudd"), Formula(f"=D{grant_row}", granted)],
            [_("Brukt av tilskuddet"), Formula(f"=B{sum_row}", used)],
            [_("Igjen av tilskuddet"), Formula(f"=D{grant_row}-B{sum_row}", granted - used)],
            [_("Egenfinansiering planlagt"), Formula(f"=B{own_row}", sum(a for _s, a in f.own_by_semester))],
            [_("Egenfinansiering brukt"), Formula(f"=C{sum_row}", own_used)]], formats={1: KRONER})
    if lines:
        chart = BarChart()
        chart.title = _("Brukt per utgiftskategori")
        chart.y_axis.title = _("Kroner")
        chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=1, max_row=1 + len(lines)), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + len(lines)))
        chart.height, chart.width = 8, 18
        ws.add_chart(chart, "F2")
    _finish(ws)


def write_report_xlsx(d: ReportData, texts: dict[str, str] | None, target: Path | str | BinaryIO) -> None:
    """The report as .xlsx: «Sammendrag» and a sheet per section (only «Midler» for a funds statement)."""
    from openpyxl import Workbook

    texts = texts or {}
    wb = Workbook()
    wb.properties.title = f"{report_title(d)} – {d.municipality} kommune"
    wb.properties.creator = "Nettverkslogg"
    wb.properties.language = "nb-NO"
    wb.properties.subject = _("Til Statsforvalteren i {county}").format(county=d.county)
    taken: set[str] = set()
    ws = wb.active
    ws.title = sheet_title(_("Sammendrag"), taken)
    _summary(ws, d, texts)
    sections = [] if not d.has_data else [(_("Midler"), _funds)] if d.kind is ReportKind.FUNDS else [
        (_("Organisering"), _organisation), (_("Deltakelse"), _participation), (_("Samlinger"), _gatherings), (_("Temaer og involvering"), _themes),
        (_("Øktlogger"), _logs), (_("Vignetter"), _vignettes), (_("Midler"), _funds)]
    for title, write in sections:
        write(wb.create_sheet(sheet_title(title, taken)), d)
    content = save_with_values(wb)
    if isinstance(target, str | Path):
        write_bytes_atomic(target, content)
    else:
        target.write(content)


def report_xlsx_bytes(d: ReportData, texts: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    write_report_xlsx(d, texts, buffer)
    return buffer.getvalue()
