"""The county report as an Excel workbook, made to be filtered and added up.

«Tall» has one row per municipality per figure (municipality, number, cohort, group, figure, value, unit)
as a real Excel table, so a county governor filters on a figure or a municipality in Excel. «Oversikt» has
one row per municipality with the same figures as columns (the county PDF's overview uses the same
columns) and the county's totals as SUM formulas with their values stored. Figures come from
report_figures, as in a municipality's own workbook.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from storage.i18n import _
from storage.services.report_data import ReportData

from .atomic_file import write_bytes_atomic
from .report_figures import figures, overview_groups
from .report_pdf import report_title
from .report_xlsx import NUMBER_FORMATS, fit_columns, print_on_a4, put, write_table
from .xlsx_formulas import save_with_values


def county_title(reports: Sequence[ReportData]) -> str:
    d = reports[0]
    return _("{title} – {n} kommuner i {county}").format(title=report_title(d), n=len(reports), county=d.county)


def _overview(ws, reports: Sequence[ReportData]) -> None:
    from openpyxl.styles import Font

    groups = overview_groups(reports[0].kind)
    columns = [column for _title, group in groups for column in group]
    put(ws, 1, 1, county_title(reports)).font = Font(bold=True, size=14)
    header = [_("Kommune"), _("Kommunenummer"), _("Pulje"), *[label for _key, label, _unit in columns]]
    rows = []
    for d in reports:
        values = {f.key: f.value for f in figures(d, county=True)}
        rows.append([d.municipality, d.number, d.cohort, *[values[key] for key, _label, _unit in columns]])
    formats = {3 + i: NUMBER_FORMATS.get(unit, "0") for i, (_key, _label, unit) in enumerate(columns)}
    write_table(ws, "Oversikt", 3, header, rows, formats=formats, total=_("Fylket i alt"),
                sum_columns=tuple(range(3, 3 + len(columns))))
    ws.freeze_panes = "B4"
    fit_columns(ws, maximum=28)
    print_on_a4(ws, landscape=True)


def _long(ws, reports: Sequence[ReportData]) -> None:
    groups = overview_groups(reports[0].kind)
    group_of = {key: title for title, group in groups for key, _label, _unit in group}
    header = [_("Kommune"), _("Kommunenummer"), _("Pulje"), _("Rapporten gjelder"), _("Gruppe"), _("Nøkkeltall"),
              _("Verdi"), _("Enhet")]
    rows = []
    for d in reports:
        for f in figures(d, county=True):
            rows.append([d.municipality, d.number, d.cohort, d.scope_label or d.period_label, group_of.get(f.key, ""),
                         f.label, f.value, f.unit])
    write_table(ws, "Tall", 1, header, rows)
    for r, row in enumerate(rows, start=2):
        unit = row[7]
        ws.cell(row=r, column=7).number_format = NUMBER_FORMATS.get(unit, "0")
    ws.freeze_panes = "B2"
    fit_columns(ws, maximum=40)
    print_on_a4(ws, landscape=True)


def write_county_xlsx(reports: Sequence[ReportData], target: Path | str | BinaryIO) -> None:
    from openpyxl import Workbook

    if not reports:
        raise ValueError("no reports")
    wb = Workbook()
    wb.properties.title = county_title(reports)
    wb.properties.creator = "Nettverkslogg"
    wb.properties.language = "nb-NO"
    wb.properties.subject = _("Til Statsforvalteren i {county}").format(county=reports[0].county)
    overview = wb.active
    overview.title = _("Oversikt")
    _overview(overview, reports)
    _long(wb.create_sheet(_("Tall")), reports)
    content = save_with_values(wb)
    if isinstance(target, str | Path):
        write_bytes_atomic(target, content)
    else:
        target.write(content)


def county_xlsx_bytes(reports: Sequence[ReportData]) -> bytes:
    buffer = io.BytesIO()
    write_county_xlsx(reports, buffer)
    return buffer.getvalue()
