"""«Lag loggskjema»: the session-log workbook for kindergarten directors and principals, written and read
back by this one module.

`write_log_workbooks(specs, folder)` writes one .xlsx per spec (storage.services.log_templates): an
input sheet «Øktlogg» per unit (data validation on every input cell, only input cells editable, the
structure protected), «Slik fyller du ut» with plain instructions, «Samlinger og oppgaver» with the
upcoming gatherings and open tasks, and a very hidden identity sheet (exports.log_workbook_layout).

`read_log_workbook(path)` checks the file (exports.workbook_safety) and the template (identity sheet,
version, digest, sheets, headers, row count) and returns a ReturnedWorkbook: every typed value with its
cell reference, formulas marked. Comparing it with the database is storage's job
(storage.services.session_log_import). openpyxl is imported only when a workbook is written or read.
"""

from __future__ import annotations

import logging
import re
import uuid
from copy import copy
from datetime import UTC, datetime
from pathlib import Path

from storage.errors import DomainError
from storage.formatting import format_date
from storage.i18n import _
from storage.services.log_templates import (
    TEMPLATE_KIND,
    TEMPLATE_VERSION,
    LogTemplateSpec,
    ReturnedCell,
    ReturnedRow,
    ReturnedSheet,
    ReturnedWorkbook,
)

from .atomic_file import save_workbook
from .log_workbook_guide import write_guide_sheet, write_info_sheet
from .log_workbook_layout import (
    FIRST_ROW,
    HEADER_ROW,
    INPUT_ROWS,
    MAX_DATA_ROWS,
    META_SHEET,
    SHEET_PASSWORD,
    Meta,
    cell_ref,
    columns,
    sheet_names,
)
from .workbook_safety import check_workbook_file, put_text, seal_workbook, xml_refusal

__all__ = ["TemplateRefused", "read_log_workbook", "template_file_name", "write_log_workbook",
           "write_log_workbooks"]

ROLE_CHOICES = ("Styrer", "Rektor", "Pedagogisk leder", "Lærer", "Barnehagelærer", "Fagarbeider", "Assistent",
                "Ressursperson", "PPT", "Annen")

log = logging.getLogger(__name__)


class TemplateRefused(DomainError):
    """The file is a workbook, but not an unaltered session-log template. `reason` names the check."""

    def __init__(self, message: str, reason: str):
        super().__init__(message, field="file")
        self.reason = reason


# --- writing ---------------------------------------------------------------------------------------

def template_file_name(spec: LogTemplateSpec) -> str:
    """«Øktlogg Solsikken barnehage.xlsx»: characters Windows refuses in file names are replaced."""
    return _("Øktlogg {name}").format(name=re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", spec.title).strip(". ")) + ".xlsx"


def write_log_workbooks(specs: list[LogTemplateSpec], folder: str | Path) -> list[Path]:
    """One workbook per spec in `folder` (made if missing); names made unique with (2), (3) …"""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths, taken = [], set()
    for spec in specs:
        name = template_file_name(spec)
        stem, n = name[:-5], 2
        while name.casefold() in taken:
            name, n = f"{stem} ({n}).xlsx", n + 1
        taken.add(name.casefold())
        paths.append(write_log_workbook(spec, folder / name))
    return paths


def _styles():
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side

    thin = Side(style="thin", color="B7B7B7")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    input_style = NamedStyle(name="input", fill=PatternFill("solid", fgColor="FFF8DC"), border=border,
                             alignment=Alignment(vertical="top", wrap_text=True), protection=Protection(locked=False))
    date_style = NamedStyle(name="input_date", fill=PatternFill("solid", fgColor="FFF8DC"), border=border,
                            alignment=Alignment(vertical="top"), protection=Protection(locked=False),
                            number_format="DD.MM.YYYY")
    header = {"font": Font(bold=True), "fill": PatternFill("solid", fgColor="D9E2F3"), "border": border,
              "alignment": Alignment(wrap_text=True, vertical="center")}
    return input_style, date_style, header


def _validations(ws, spec: LogTemplateSpec, last_row: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    first, last = spec.allowed_start, spec.allowed_end
    for col in columns():
        rng = f"{col.letter}{FIRST_ROW}:{col.letter}{last_row}"
        if col.kind == "date":
            dv = DataValidation(type="date", operator="between",
                                formula1=f"DATE({first.year},{first.month},{first.day})",
                                formula2=f"DATE({last.year},{last.month},{last.day})",
                                error=_("Skriv en dato mellom {a} og {b}, for eksempel 12.03.2026.").format(
                                    a=format_date(first), b=format_date(last)))
        elif col.bounds:
            low, high = col.bounds
            dv = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high),
                                error=_("Skriv et helt tall fra {low} til {high}.").format(low=low, high=high))
        elif col.kind == "yesno":
            dv = DataValidation(type="list", formula1='"{}"'.format(",".join((_("Ja"), _("Nei")))),
                                error=_("Velg ja eller nei."))
        elif col.kind == "role":
            dv = DataValidation(type="list", formula1='"{}"'.format(",".join(_(r) for r in ROLE_CHOICES)),
                                errorStyle="warning",
                                error=_("Skriv rollen, ikke navnet (høyst {n} tegn).").format(n=col.max_length))
        elif col.max_length:
            dv = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(col.max_length),
                                error=_("Høyst {n} tegn.").format(n=col.max_length))
        else:
            continue
        dv.errorTitle = col.header
        dv.showErrorMessage = True
        dv.allow_blank = True
        dv.add(rng)
        ws.add_data_validation(dv)


def _input_sheet(wb, name: str, unit, spec: LogTemplateSpec, styles, rows: int) -> list[tuple[int, uuid.UUID]]:
    from openpyxl.styles import Font
    from openpyxl.worksheet.protection import SheetProtection

    input_style, date_style, header = styles
    ws = wb.create_sheet(name)
    cols = columns()
    put_text(ws["A1"], _("Øktlogg – {unit}").format(unit=unit.name))
    ws["A1"].font = Font(bold=True, size=14)
    put_text(ws["A2"], _("Enhet: {unit} ({kind}), {municipality} kommune").format(
        unit=unit.name, kind=unit.kind.lower(), municipality=spec.municipality_name))
    put_text(ws["A3"], _("Nettverk: {names}").format(names=", ".join(unit.networks) or _("ingen")))
    ws["A4"] = _("Skjemaet gjelder {start}–{end}. Datoer fra {a} til {b} kan føres.").format(
        start=format_date(spec.period_start), end=format_date(spec.period_end), a=format_date(spec.allowed_start), b=format_date(spec.allowed_end))
    ws["A5"] = _("Ansatte i enheten (registrert hos kommunen): {n}. Les arket «Slik fyller du ut» først.").format(
        n=unit.staff_count)
    for col in cols:
        cell = ws[f"{col.letter}{HEADER_ROW}"]
        cell.value = col.header
        for attr, value in header.items():
            setattr(cell, attr, value)
        ws.column_dimensions[col.letter].width = col.width
    ws.row_dimensions[HEADER_ROW].height = 45
    # Style one cell per column, then copy its style array: much faster than naming the style per cell.
    protos = []
    for index, col in enumerate(cols[1:], start=2):
        cell = ws.cell(row=FIRST_ROW, column=index)
        cell.style = date_style.name if col.kind == "date" else input_style.name
        protos.append(cell._style)
    identities = []
    for n in range(rows):
        row = FIRST_ROW + n
        ws.cell(row=row, column=1, value=n + 1)
        if n:
            for index, proto in enumerate(protos, start=2):
                ws.cell(row=row, column=index)._style = copy(proto)
        identities.append((row, uuid.uuid4()))
    _validations(ws, spec, FIRST_ROW + rows - 1)
    ws.freeze_panes = f"B{FIRST_ROW}"
    ws.protection = SheetProtection(sheet=True, formatColumns=False, formatRows=False)
    ws.protection.set_password(SHEET_PASSWORD)
    return identities


def write_log_workbook(spec: LogTemplateSpec, path: str | Path, *, rows: int = INPUT_ROWS) -> Path:
    """Write one session-log workbook for `spec` to `path`."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    styles = _styles()
    for style in styles[:2]:
        wb.add_named_style(style)
    meta = Meta(kind=TEMPLATE_KIND, version=TEMPLATE_VERSION, template_id=uuid.uuid4(),
                database_id=spec.database_id, municipality_id=spec.municipality_id,
                created=datetime.now(UTC).isoformat(timespec="seconds"),
                headers=[(c.letter, c.header) for c in columns()], sheets=[], input_rows=rows)
    for name, unit in zip(sheet_names([u.name for u in spec.units]), spec.units, strict=True):
        meta.sheets.append((name, unit.unit_id, unit.name))
        meta.rows += [(name, row, row_id) for row, row_id in _input_sheet(wb, name, unit, spec, styles, rows)]
    write_guide_sheet(wb, spec)
    write_info_sheet(wb, spec)
    seal_workbook(wb, META_SHEET, meta.sealed().records() + [("digest", meta.digest)], active=0)
    save_workbook(wb, path)
    return path


# --- reading ---------------------------------------------------------------------------------------

def _altered(message: str) -> TemplateRefused:
    return TemplateRefused(message + " " + _("Lag et nytt loggskjema i Nettverkslogg og før inn radene der."),
                           "altered")


def _read_meta(wb, name: str) -> Meta:
    if META_SHEET not in wb.sheetnames:
        raise TemplateRefused(_("{name} er ikke et loggskjema fra Nettverkslogg (skjemaets skjulte identitetsark "
                                "mangler). Bruk et loggskjema laget med «Lag loggskjema».").format(name=name),
                              "not_template")
    try:
        meta = Meta.parse(list(wb[META_SHEET].iter_rows(values_only=True)))
    except (KeyError, ValueError, IndexError, TypeError) as exc:
        log.warning("Identitetsarket i %s kan ikke leses", name, exc_info=True)
        raise _altered(_("{name}: det skjulte identitetsarket i skjemaet er endret eller ødelagt.").format(
            name=name)) from exc
    if meta.kind != TEMPLATE_KIND:
        raise TemplateRefused(_("{name} er ikke et loggskjema for øktlogger.").format(name=name), "not_template")
    if meta.version != TEMPLATE_VERSION:
        raise _altered(_("{name} er laget med versjon {found} av loggskjemaet, men denne versjonen av "
                         "Nettverkslogg leser versjon {expected}.").format(
            name=name, found=meta.version, expected=TEMPLATE_VERSION))
    if meta.digest != meta.compute_digest():
        raise _altered(_("{name}: det skjulte identitetsarket i skjemaet er endret.").format(name=name))
    return meta


def _check_structure(wb, meta: Meta, name: str) -> None:
    present = [s for s in wb.sheetnames if s != META_SHEET]
    for sheet, _unit_id, unit_name in meta.sheets:
        if sheet not in wb.sheetnames:
            extra = [s for s in present if s not in {m[0] for m in meta.sheets}]
            hint = _(" Fila har i stedet: {names}.").format(names=", ".join(f"«{s}»" for s in extra)) if extra else ""
            raise _altered(_("{name}: arket «{sheet}» (for {unit}) mangler – er det slettet eller har det fått nytt "
                             "navn?{hint}").format(name=name, sheet=sheet, unit=unit_name, hint=hint))
    expected = dict(meta.headers)
    if [c.letter for c in columns()] != list(expected):
        raise _altered(_("{name}: skjemaets kolonner stemmer ikke med denne versjonen.").format(name=name))
    rows = sum(max((wb[s].max_row or 0) - meta.header_row, 0) for s, _u, _n in meta.sheets)
    if rows > MAX_DATA_ROWS:
        raise _too_many_rows(name, f"{rows:,}".replace(",", " "), meta)


def _too_many_rows(name: str, rows: str, meta: Meta) -> TemplateRefused:
    return TemplateRefused(_("{name} har {rows} rader under overskriftene; grensen er {limit}. Et loggskjema har "
                             "{n} rader per enhet.").format(name=name, rows=rows,
                                                             limit=f"{MAX_DATA_ROWS:,}".replace(",", " "),
                                                             n=meta.input_rows), "too_many_rows")


class _Empty:
    value = None
    data_type = "n"


EMPTY = _Empty()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_sheet(ws, sheet: str, unit_id: uuid.UUID, unit_name: str, meta: Meta, row_ids: dict[int, uuid.UUID],
                name: str) -> ReturnedSheet:
    from openpyxl.utils import get_column_letter

    cols = columns()
    expected = dict(meta.headers)
    last_input = meta.first_row + meta.input_rows - 1
    limit = meta.header_row + MAX_DATA_ROWS + 1
    prefix = cell_ref(sheet, "")
    rows: list[ReturnedRow] = []
    stray: list[ReturnedCell] = []
    for number, cells in enumerate(ws.iter_rows(min_row=meta.header_row, max_row=limit), start=meta.header_row):
        if number == meta.header_row:
            for col, cell in zip(cols, tuple(cells) + (None,) * len(cols), strict=False):
                found = cell.value if cell is not None else None
                if str(found or "").strip() != expected[col.letter]:
                    raise _altered(_("{name}: overskriften i {ref} er endret (står «{found}», skal være "
                                     "«{expected}»).").format(name=name, ref=cell_ref(sheet, f"{col.letter}{number}"),
                                                             found=found or "", expected=expected[col.letter]))
            continue
        cells = tuple(cells) + (EMPTY,) * (len(cols) - len(cells))
        if number == limit and any(not _blank(cell.value) for cell in cells):  # the file gave no dimension
            raise _too_many_rows(name, _("mer enn {n}").format(n=f"{MAX_DATA_ROWS:,}".replace(",", " ")), meta)
        extra_from = 0
        if meta.first_row <= number <= last_input:
            extra_from = len(cols)
            typed = cells[1:len(cols)]
            if any(not _blank(cell.value) for cell in typed):
                values = {col.field: ReturnedCell(f"{prefix}{col.letter}{number}", cell.value, cell.data_type == "f")
                          for col, cell in zip(cols[1:], typed, strict=True)}
                rows.append(ReturnedRow(sheet, number, row_ids[number], values))
        for index, cell in enumerate(cells[extra_from:], start=extra_from + 1):
            if not _blank(cell.value):
                stray.append(ReturnedCell(f"{prefix}{get_column_letter(index)}{number}", cell.value,
                                          cell.data_type == "f"))
    return ReturnedSheet(sheet, unit_id, unit_name, rows, stray, dict(row_ids),
                         {number: f"{prefix}{cols[1].letter}{number}" for number in row_ids})


def read_log_workbook(path: str | Path) -> ReturnedWorkbook:
    """Read a returned session-log workbook, refusing it (UnsafeWorkbook, TemplateRefused) unless it is
    a safe, unaltered template. Values are returned as typed; validation is storage's job."""
    from openpyxl import load_workbook

    path = check_workbook_file(path)
    name = path.name
    try:
        wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        log.warning("%s cannot be opened as a workbook", name, exc_info=True)
        raise xml_refusal(exc, name) or TemplateRefused(_("{name} kan ikke leses som Excel-arbeidsbok. Åpne den i Excel og lagre den på nytt "
                                "som .xlsx.").format(name=name), "not_workbook") from exc
    try:
        meta = _read_meta(wb, name)
        _check_structure(wb, meta, name)
        sheets = []
        for sheet, unit_id, unit_name in meta.sheets:
            row_ids = {row: row_id for s, row, row_id in meta.rows if s == sheet}
            sheets.append(_read_sheet(wb[sheet], sheet, unit_id, unit_name, meta, row_ids, name))
    except DomainError:
        raise
    except Exception as exc:
        log.warning("%s cannot be read", name, exc_info=True)
        raise xml_refusal(exc, name) or TemplateRefused(_(
            "{name} kan ikke leses: fila er skadet. Lag et nytt loggskjema i Nettverkslogg og før inn radene "
            "der.").format(name=name), "not_workbook") from exc
    finally:
        wb.close()
    return ReturnedWorkbook(file_name=name, template_version=meta.version, template_id=meta.template_id,
                            database_id=meta.database_id, municipality_id=meta.municipality_id, sheets=sheets)
