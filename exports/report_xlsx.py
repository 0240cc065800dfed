"""The report to the county governor as an Excel workbook: «Sammendrag» and one sheet per section.

Every block is a real Excel table with a frozen header row and fitted widths; kroner carry the format
`# ##0 "kr"`; totals are SUM formulas over the table's own cells, so the workbook stays right when a
reader edits a figure. Two charts: gatherings per semester and funds per category. User text that starts
with =, +, - or @ is stored as text (vignette_summary_xlsx.put). openpyxl is imported inside the functions.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from storage.enums import ReportKind
from storage.i18n import _
from storage.services.report_data import ReportData, text_titles

from .atomic_file import save_workbook
from .report_pdf import PROGRAMME, report_title
from .report_pdf_sections import LEVELS, key_figures, semester_key, short_semester
from .vignette_summary_xlsx import fit_columns, put, sheet_title

KRONER = '# ##0 "kr"'
PERCENT = "0%"


class Formula(str):
    """A formula the code wrote (never user text): stored as a formula."""


def _table(ws, name: str, top: int, header: list[str], rows: list[list[Any]], *, formats: dict[int, str] | None = None,
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
                cell = ws.cell(row=r, column=c, value=str(value))
                if c - 1 in formats:
                    cell.number_format = formats[c - 1]
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
            cell = ws.cell(row=last, column=c + 1, value=f"=SUM({letter}{top + 1}:{letter}{last - 1})")
            cell.font = Font(bold=True)
            if c in formats:
                cell.number_format = formats[c]
    return last + 2


def _as_number(text: str) -> int | str:
    plain = text.replace("\u00a0", "")
    return int(plain) if plain.isdigit() else text


def _finish(ws, freeze: str = "A2") -> None:
    ws.freeze_panes = freeze
    fit_columns(ws, maximum=70)


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
    row = _table(ws, "Rapport", 3, [_("Felt"), _("Verdi")], facts)
    ws.cell(row=date_row, column=2).number_format = "dd.mm.yyyy"
    money = {_("Tilskudd"): d.funds.granted, _("Egenfinansiering"): d.funds.own, _("Brukt i alt"): d.funds.spent,
             _("Igjen av tilskuddet"): d.funds.remaining}
    figures = [[label, money.get(label, _as_number(value))] for label, value in key_figures(d)]
    top = row
    row = _table(ws, "Nokkeltall", top, [_("Nøkkeltall"), _("Verdi")], figures)
    for r in range(top + 1, row - 1):
        if ws.cell(row=r, column=1).value in money:
            ws.cell(row=r, column=2).number_format = KRONER
    titles = text_titles()
    text_rows = [[titles[k], (texts.get(k) or "").strip()] for k in titles]
    top = row
    row = _table(ws, "Egne_tekster", top, [_("Ressurspersonens tekst"), _("Tekst")], text_rows)
    for r in range(top + 1, row - 1):
        ws.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    _finish(ws, "A4")
    ws.column_dimensions["B"].width = 80


def _participation(ws, d: ReportData) -> None:
    u = d.units
    row = _table(ws, "Enheter", 1, [_("Enheter"), _("Kommunale"), _("Private"), _("I alt")],
                 [[_("Barnehager"), u.public_kindergartens, u.private_kindergartens, u.kindergartens],
                  [_("Skoler"), u.public_schools, u.private_schools, u.schools],
                  [_("Andre enheter"), u.public - u.public_kindergartens - u.public_schools,
                   u.private - u.private_kindergartens - u.private_schools, u.others]],
                 total=_("Alle enheter"), sum_columns=(1, 2, 3))
    row = _table(ws, "Ansatte_naadd", row, [_("Semester"), _("Ansatte nådd"), _("Ansatte i alt"), _("Andel"),
                                            _("Enheter med minst halvparten")],
                 [[short_semester(r.semester), r.reached, r.staff_known,
                   r.reached / r.staff_known if r.staff_known else None, r.units_half_or_more]
                  for r in d.semester_rows], formats={3: PERCENT})
    _table(ws, "Oppmote_rolle", row, [_("Rolle"), _("Oppmøter på gjennomførte samlinger")],
           [[label, n] for label, n in d.attendance_by_role], total=_("I alt"), sum_columns=(1,))
    _finish(ws)


def _gatherings(ws, d: ReportData) -> None:
    from openpyxl.chart import BarChart, Reference

    header = [_("Semester"), *[level.label for level in LEVELS], _("Gjennomført i alt"), _("Avlyst"),
              _("Forpliktelser oppfylt"), _("I fare"), _("Mangler")]
    rows = [[short_semester(r.semester), *[r.held_by_level.get(level.value, 0) for level in LEVELS], r.held,
             r.cancelled, r.obligations_met, r.obligations_at_risk, r.obligations_missing] for r in d.semester_rows]
    row = _table(ws, "Samlinger", 1, header, rows, total=_("Sum"), sum_columns=tuple(range(1, 8)))
    if rows:
        chart = BarChart()
        chart.title = _("Gjennomførte samlinger per semester")
        chart.y_axis.title = _("Samlinger")
        data = Reference(ws, min_col=7, min_row=1, max_row=1 + len(rows))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + len(rows)))
        chart.height, chart.width = 7, 16
        ws.add_chart(chart, f"A{row + len(d.obligations) + 3}")
    _table(ws, "Forpliktelser", row, [_("Semester"), _("Forpliktelse"), _("Status"), _("Begrunnelse")],
           [[short_semester(o.semester), o.obligation, o.status_label, o.reason] for o in d.obligations])
    _finish(ws)


def _themes(ws, d: ReportData) -> None:
    rows = [[_("Forebygge, avdekke, håndtere"), t.capitalize(), n] for t, n in d.goal_themes]
    rows += [[_("Nasjonalt tema for barnehagen"), t.capitalize(), n] for t, n in d.national_themes]
    rows += [[_("Annet tema"), t.capitalize(), n] for t, n in d.other_themes]
    row = _table(ws, "Temaer", 1, [_("Gruppe"), _("Tema"), _("Samlinger")], rows)
    row = _table(ws, "Kartlegging", row, [_("Kartleggingsverktøy")], [[t] for t in d.mapping_tools])
    parents = sum(r.parents for r in d.semester_rows)
    ppt = sum(r.ppt for r in d.semester_rows)
    _table(ws, "Involvering", row, [_("Involvering"), _("Antall")],
           [[_("Øktlogger der barn/elever var involvert"), d.logs_with_children],
            [_("Øktlogger der foreldre var involvert"), d.logs_with_parents],
            [_("Foreldremøter gjennomført"), d.parent_meetings],
            [_("Foreldre til stede på samlinger (oppmøter)"), parents],
            [_("PPT til stede på samlinger (oppmøter)"), ppt],
            [_("Samlinger med PPT til stede"), d.gatherings_with_ppt]])
    _finish(ws)


def _logs(ws, d: ReportData) -> None:
    row = _table(ws, "Oktlogger", 1, [_("Semester"), _("Øktlogger"), _("Deltakere i alt")],
                 [[short_semester(r.semester), r.logs, r.log_participants] for r in d.semester_rows],
                 total=_("Sum"), sum_columns=(1, 2))
    row = _table(ws, "Tema_okter", row, [_("Tema"), _("Økter")], [[t, n] for t, n in d.log_themes])
    _table(ws, "Arbeidsmaater", row, [_("Arbeidsmåte"), _("Økter")], [[t, n] for t, n in d.log_methods])
    _finish(ws)


def _vignettes(ws, d: ReportData) -> None:
    rows = []
    for pair in d.vignettes:
        for c in pair.changes:
            rows.append([pair.vignette, c.dimension, c.code, c.before_n, c.before, c.after_n, c.after])
    _table(ws, "Vignetter", 1, [_("Vignett"), _("Dimensjon"), _("Kode"), _("Svar før (n)"), _("Før"),
                                _("Svar etter (n)"), _("Etter")], rows, formats={4: PERCENT, 6: PERCENT})
    _finish(ws)


def _funds(ws, d: ReportData) -> None:
    from openpyxl.chart import BarChart, Reference

    f = d.funds
    lines = list(f.lines)
    row = _table(ws, "Utgifter", 1, [_("Utgiftskategori"), _("Fra tilskudd"), _("Egenfinansiering"), _("I alt")],
                 [[line.label, line.grant, line.own, Formula(f"=B{i}+C{i}")] for i, line in enumerate(lines, start=2)],
                 formats={1: KRONER, 2: KRONER, 3: KRONER}, total=_("Sum brukt"), sum_columns=(1, 2, 3))
    sum_row = row - 2
    top = row
    row = _table(ws, "Tilskudd", top, [_("Tilskudd"), _("Beløp"), _("Andel"), _("Tildelt")],
                 [[basis, amount, share / 100, granted] for basis, amount, share, granted in f.grants],
                 formats={1: KRONER, 2: PERCENT, 3: KRONER}, total=_("Sum tilskudd"), sum_columns=(3,))
    grant_row = row - 2
    top = row
    row = _table(ws, "Egenfinansiering", top, [_("Semester"), _("Egenfinansiering")],
                 [[short_semester(s), a] for s, a in sorted(f.own_by_semester, key=lambda p: semester_key(p[0]))],
                 formats={1: KRONER}, total=_("Sum egenfinansiering"), sum_columns=(1,))
    own_row = row - 2
    top = row
    _table(ws, "Status_midler", top, [_("Status"), _("Beløp")],
           [[_("Tildelt tilskudd"), Formula(f"=D{grant_row}")], [_("Brukt av tilskuddet"), Formula(f"=B{sum_row}")],
            [_("Igjen av tilskuddet"), Formula(f"=D{grant_row}-B{sum_row}")], [_("Egenfinansiering planlagt"), Formula(f"=B{own_row}")],
            [_("Egenfinansiering brukt"), Formula(f"=C{sum_row}")]], formats={1: KRONER})
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
        (_("Deltakelse"), _participation), (_("Samlinger"), _gatherings), (_("Temaer og involvering"), _themes),
        (_("Øktlogger"), _logs), (_("Vignetter"), _vignettes), (_("Midler"), _funds)]
    for title, write in sections:
        write(wb.create_sheet(sheet_title(title, taken)), d)
    save_workbook(wb, target)


def report_xlsx_bytes(d: ReportData, texts: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    write_report_xlsx(d, texts, buffer)
    return buffer.getvalue()
