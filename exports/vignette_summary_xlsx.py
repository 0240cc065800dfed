"""A vignette session's summary as an Excel workbook: a summary sheet and one sheet per dimension.

Every block of figures is a real Excel table (filter buttons, banded rows) with a frozen header and
sensible column widths. User text that starts with =, +, - or @ is stored as text, never as a
formula. Aggregates only, as in the PDF.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from storage.i18n import _

from .atomic_file import save_workbook
from .vignette_summary import SessionSummary, key_figures, role_label, shown_groups, unit_kind_label
from .workbook_safety import put_text

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
PERCENT = "0%"
DECIMAL = "0.00"


def put(ws, row: int, column: int, value: Any, number_format: str | None = None):
    """Write one cell; text is always text (a leading = + - @ never makes a formula)."""
    cell = ws.cell(row=row, column=column)
    put_text(cell, value)
    if number_format:
        cell.number_format = number_format
    return cell


def add_table(ws, name: str, top: int, header: list[str], rows: list[list[Any]],
              formats: dict[int, str] | None = None) -> int:
    """Write a header and rows from column A at row `top` as an Excel table; returns the next free row."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    for c, title in enumerate(header, start=1):
        put(ws, top, c, title).font = Font(bold=True)
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, (formats or {}).get(c - 1))
    last = top + max(len(rows), 1)
    table = Table(displayName=name, ref=f"A{top}:{get_column_letter(len(header))}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    return last + 2


def fit_columns(ws, minimum: int = 8, maximum: int = 60) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                text = f"{cell.value:.2f}" if isinstance(cell.value, float) else str(cell.value)
                longest = max(len(line) for line in text.split("\n"))
                widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(max(width + 2, minimum), maximum)


def sheet_title(label: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\)."""
    base = _SHEET_FORBIDDEN.sub("-", label).strip("' ")[:31] or _("Ark")
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def _summary_sheet(ws, summary: SessionSummary) -> None:
    from openpyxl.styles import Font

    put(ws, 1, 1, _("Oppsummering av vignettøkt")).font = Font(bold=True, size=14)
    row = add_table(ws, "Nokkeltall", 3, [_("Felt"), _("Verdi")], [list(pair) for pair in key_figures(summary)])
    for cell in ws["B"][3:row]:
        if isinstance(cell.value, float):
            cell.number_format = "0.0"
        elif isinstance(cell.value, date | datetime):
            cell.number_format = "dd.mm.yyyy"
    analysis = summary.analysis
    coded = {g.group.key: g.n for g in analysis.groups}
    row = add_table(ws, "Svar_per_gruppe", row, [_("Svarte"), _("Svar"), _("Kodede svar"), _("Ord per svar")],
                    [[w.group.label, w.n, coded.get(w.group.key, 0), w.mean] for w in analysis.words],
                    {3: "0.0"})
    if summary.detail.groups:
        row = add_table(ws, "Grupper", row, [_("Gruppe"), _("Enhetstype"), _("Roller")],
                        [[g.name, unit_kind_label(g.unit_kind), ", ".join(role_label(r) for r in g.roles)]
                         for g in summary.detail.groups])
    if summary.agreement is not None:
        report = summary.agreement
        add_table(ws, "Enighet", row, [_("Dimensjon"), _("Kappa"), _("Tolkning"), _("Dobbeltkodede svar"),
                                       _("Lesning")],
                  [[d.label, d.overall.kappa, d.overall.band or "", d.overall.n, d.overall.reading]
                   for d in report.dimensions], {1: DECIMAL})
    ws.freeze_panes = "A2"
    fit_columns(ws)
    ws.column_dimensions["B"].width = min(max(ws.column_dimensions["B"].width, 20), 60)


def _dimension_sheet(ws, index: int, dimension) -> None:
    numeric = dimension.kind == "numeric"
    header = [_("Gruppe"), _("Svar i gruppen (n)"), _("Antall handlinger") if numeric else _("Kode"), _("Antall"),
              _("Andel")]
    if numeric:
        header.append(_("Gjennomsnitt i gruppen"))
    rows = []
    for group in shown_groups(dimension):
        for share in group.shares:
            row = [group.group.label, group.n, share.label, share.count, share.share]
            if numeric:
                row.append(group.mean)
            rows.append(row)
    add_table(ws, f"Dimensjon_{index}", 1, header, rows, {4: PERCENT, 5: "0.0"})
    ws.freeze_panes = "A2"
    fit_columns(ws)


def write_summary_xlsx(summary: SessionSummary, target: Path | str | BinaryIO) -> None:
    """The summary as .xlsx: «Sammendrag» and a sheet per dimension."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.title = _("Oppsummering: {title}").format(title=summary.title)
    wb.properties.creator = "Nettverkslogg"
    wb.properties.language = "nb-NO"
    taken: set[str] = set()
    ws = wb.active
    ws.title = sheet_title(_("Sammendrag"), taken)
    _summary_sheet(ws, summary)
    for index, dimension in enumerate(summary.analysis.dimensions, start=1):
        _dimension_sheet(wb.create_sheet(sheet_title(dimension.label, taken)), index, dimension)
    save_workbook(wb, target)
