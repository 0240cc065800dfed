"""«Lag svarark»: a workbook for vignette answers given on paper or by e-mail, written and read back here.

`write_response_sheet(spec, path)` writes «Slik svarer du» (plain instructions, the vignette text and the
follow-up questions), «Svar» (one row per respondent: pseudonym, unit type, role, answer; data validation
on every input cell; only input cells editable) and a very hidden identity sheet: template version,
database identity, session identity, row identities and a digest (like exports/log_workbook.py).

`read_response_sheet(path)` checks the file (exports.workbook_safety) and the template and returns a
ReturnedResponseSheet: every typed value with its cell reference. Validation against the database is
storage.services.response_import's job. openpyxl is imported only when a sheet is written or read.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from storage.errors import DomainError
from storage.i18n import _
from storage.services.log_templates import ReturnedCell

from .atomic_file import save_workbook
from .workbook_safety import SHEET_PASSWORD, check_workbook_file, put_text, seal_workbook, xml_refusal

TEMPLATE_KIND = "vignette_response_sheet"
TEMPLATE_VERSION = 1
META_SHEET = "_nettverkslogg"
GUIDE_SHEET = "Slik svarer du"
ANSWER_SHEET = "Svar"
HEADER_ROW = 6
FIRST_ROW = 7
DEFAULT_ROWS = 40
MAX_ROWS = 500

#: (column letter, field, header, width)
COLUMNS = (("A", "respondent", "Svar fra (gruppe eller deltaker, ikke navn)", 24),
           ("B", "unit_kind", "Enhetstype", 16), ("C", "role", "Rolle", 24), ("D", "text", "Svar", 90))
UNIT_KIND_CHOICES = ("Barnehage", "Skole", "Kombinert", "PP-tjenesten", "Annet")
ROLE_CHOICES = ("Styrer/rektor", "Pedagogisk leder/lærer", "Barnehagelærer", "Fagarbeider/assistent", "PPT",
                "Eier/kommune", "Andre")

log = logging.getLogger(__name__)


class SheetRefused(DomainError):
    """The file is a workbook, but not an unaltered response sheet. `reason` names the check."""

    def __init__(self, message: str, reason: str):
        super().__init__(message, field="file")
        self.reason = reason


@dataclass(frozen=True)
class ResponseSheetSpec:
    """What a response sheet is made for: one session, in one database."""

    database_id: str
    session_id: uuid.UUID
    session_title: str
    held_on: str  # dd.mm.åååå
    vignette_title: str
    vignette_text: str
    follow_up_questions: list[str]
    anonymous: bool
    pseudonyms: list[str]  # suggested pseudonyms, one per row (Deltaker 4, Deltaker 5 …)
    max_answer_chars: int = 5000


@dataclass(frozen=True)
class ReturnedResponseRow:
    row: int
    row_id: uuid.UUID
    cells: dict[str, ReturnedCell]  # field → cell
    suggested: str | None  # the pseudonym the sheet suggested in column A


@dataclass
class ReturnedResponseSheet:
    file_name: str
    template_version: int
    template_id: uuid.UUID
    database_id: str
    session_id: uuid.UUID
    session_title: str
    rows: list[ReturnedResponseRow] = field(default_factory=list)
    stray: list[ReturnedCell] = field(default_factory=list)  # values outside the input cells


def build_spec(store, session_id: uuid.UUID, rows: int = DEFAULT_ROWS) -> ResponseSheetSpec:
    """The spec for a session's response sheet: `rows` rows with the next free participant pseudonyms."""
    from storage.formatting import format_date
    from storage.models.vignettes import MAX_ANSWER_CHARS
    from storage.services.settings import database_id
    from storage.services.vignette_sessions import get_session, next_pseudonym

    db_id = database_id(store)
    if not db_id:
        raise DomainError(_("Databasen mangler identitet, så et svarark kan ikke lages. Start Nettverkslogg på nytt."))
    detail = get_session(store, session_id)
    first = next_pseudonym(store, session_id, "participant")
    prefix, _sep, number = first.rpartition(" ")
    start = int(number)
    rows = max(1, min(rows, MAX_ROWS))
    return ResponseSheetSpec(
        database_id=db_id, session_id=session_id, session_title=detail.session.title,
        held_on=format_date(detail.session.held_on), vignette_title=detail.vignette.title,
        vignette_text=detail.version.text, follow_up_questions=list(detail.version.follow_up_questions),
        anonymous=detail.session.anonymous, pseudonyms=[f"{prefix} {start + i}" for i in range(rows)],
        max_answer_chars=MAX_ANSWER_CHARS)


def sheet_file_name(spec: ResponseSheetSpec) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in spec.session_title).strip()
    return _("Svarark {title}.xlsx").format(title=safe[:80])


def _norm(record) -> list[str]:
    values = ["" if v is None else str(v) for v in record]
    while values and values[-1] == "":
        values.pop()
    return values


def _digest(records: list[list]) -> str:
    canonical = json.dumps([_norm(record) for record in records], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- writing ---------------------------------------------------------------------------------------

def _guide(wb, spec: ResponseSheetSpec) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(GUIDE_SHEET)
    ws.column_dimensions["A"].width = 110
    lines: list[tuple[str, str | None]] = [
        (_("Svar på vignetten – {title}").format(title=spec.session_title), "title"),
        (_("Dato for økta: {day}").format(day=spec.held_on), None),
        ("", None),
        (_("Slik gjør du det"), "heading"),
        (_("1. Les fortellingen under, og tenk over hva du selv ville gjort."), None),
        (_("2. Skriv svaret ditt i arket «Svar», én rad per gruppe eller deltaker."), None),
        (_("3. I kolonnen «Svar fra» står det et forslag som «Deltaker 4». Behold det, eller skriv navnet på "
           "gruppa. Skriv aldri navnet ditt eller navn på barn, foreldre eller kolleger."), None),
        (_("4. Velg enhetstype og rolle fra listene. La dem stå tomme hvis du ikke vil oppgi dem."), None),
        (_("5. Ikke skriv telefonnummer, e-postadresser eller fødselsnummer i svaret."), None),
        (_("6. Lagre fila og send den tilbake til ressurspersonen. Ikke endre navn på arkene."), None),
        (_("Et svar kan være høyst {n} tegn langt.").format(n=spec.max_answer_chars), None),
    ]
    if spec.anonymous:
        lines.append((_("Økta er anonym: svarene lagres uten enhet."), None))
    lines += [("", None), (spec.vignette_title, "heading")]
    lines += [(p, "text") for p in spec.vignette_text.split("\n") if p.strip()]
    if spec.follow_up_questions:
        lines += [("", None), (_("Spørsmål å tenke på"), "heading")]
        lines += [(f"• {q}", None) for q in spec.follow_up_questions]
    for row, (text, kind) in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1)
        put_text(cell, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if kind == "title":
            cell.font = Font(bold=True, size=14)
        elif kind == "heading":
            cell.font = Font(bold=True, size=12)
        if kind == "text":
            ws.row_dimensions[row].height = 15 * (len(text) // 100 + 1)
    ws.protection.sheet = True
    ws.protection.set_password(SHEET_PASSWORD)


def _validations(ws, spec: ResponseSheetSpec, last: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    checks = [
        ("A", DataValidation(type="textLength", operator="lessThanOrEqual", formula1="60",
                             error=_("Høyst 60 tegn. Skriv et kallenavn som «Deltaker 4», ikke navnet ditt."))),
        ("B", DataValidation(type="list", formula1='"{}"'.format(",".join(UNIT_KIND_CHOICES)),
                             error=_("Velg en enhetstype fra lista."))),
        ("C", DataValidation(type="list", formula1='"{}"'.format(",".join(ROLE_CHOICES)), errorStyle="warning",
                             error=_("Velg en rolle fra lista, eller skriv rollen (ikke navnet)."))),
        ("D", DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(spec.max_answer_chars),
                             error=_("Svaret er for langt: høyst {n} tegn.").format(n=spec.max_answer_chars))),
    ]
    for letter, dv in checks:
        dv.allow_blank = True
        dv.showErrorMessage = True
        dv.errorTitle = next(header for col, _f, header, _w in COLUMNS if col == letter)
        dv.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        ws.add_data_validation(dv)


def write_response_sheet(spec: ResponseSheetSpec, path: str | Path) -> Path:
    """Write the response sheet for one session to `path` (one input row per suggested pseudonym)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    path = Path(path)
    rows = max(1, min(len(spec.pseudonyms), MAX_ROWS))
    wb = Workbook()
    wb.remove(wb.active)
    _guide(wb, spec)
    ws = wb.create_sheet(ANSWER_SHEET)
    put_text(ws["A1"], _("Svar – {title}").format(title=spec.session_title))
    ws["A1"].font = Font(bold=True, size=14)
    put_text(ws["A2"], _("Vignett: {title}").format(title=spec.vignette_title))
    ws["A3"] = _("Les arket «Slik svarer du» først. Én rad per gruppe eller deltaker. Ingen navn.")
    thin = Side(style="thin", color="B7B7B7")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="FFF8DC")
    for letter, _field, header, width in COLUMNS:
        cell = ws[f"{letter}{HEADER_ROW}"]
        cell.value = _(header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        cell.border = border
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[HEADER_ROW].height = 32
    records: list[list] = [["kind", TEMPLATE_KIND], ["version", TEMPLATE_VERSION],
                           ["template_id", str(uuid.uuid4())], ["database_id", spec.database_id],
                           ["session_id", str(spec.session_id)], ["session_title", spec.session_title],
                           ["created", datetime.now(UTC).isoformat(timespec="seconds")],
                           ["header_row", HEADER_ROW], ["first_row", FIRST_ROW], ["rows", rows]]
    records += [["header", letter, _(header)] for letter, _f, header, _w in COLUMNS]
    for n in range(rows):
        row = FIRST_ROW + n
        for letter, name, _header, _w in COLUMNS:
            cell = ws[f"{letter}{row}"]
            cell.fill, cell.border = fill, border
            cell.protection = Protection(locked=False)
            cell.alignment = Alignment(wrap_text=name == "text", vertical="top")
        suggested = spec.pseudonyms[n] if n < len(spec.pseudonyms) else ""
        put_text(ws[f"A{row}"], suggested or None)
        ws.row_dimensions[row].height = 60
        records.append(["row", row, str(uuid.uuid4()), suggested])
    _validations(ws, spec, FIRST_ROW + rows - 1)
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.set_password(SHEET_PASSWORD)
    seal_workbook(wb, META_SHEET, records + [["digest", _digest(records)]], active=1)
    save_workbook(wb, path)
    return path


# --- reading ---------------------------------------------------------------------------------------

def _altered(message: str) -> SheetRefused:
    return SheetRefused(message + " " + _("Lag et nytt svarark i Nettverkslogg og før inn svarene der."), "altered")


def _meta(wb, name: str) -> tuple[dict, dict[int, tuple[uuid.UUID, str]], dict[str, str]]:
    if META_SHEET not in wb.sheetnames:
        raise SheetRefused(_("{name} er ikke et svarark fra Nettverkslogg (det skjulte identitetsarket mangler). "
                             "Bruk et svarark laget med «Lag svarark».").format(name=name), "not_template")
    records = [[v for v in r] for r in wb[META_SHEET].iter_rows(values_only=True)]
    records = [r[:max((i + 1 for i, v in enumerate(r) if v is not None), default=0)] for r in records]
    records = [r for r in records if r]
    try:
        digest = next(r[1] for r in records if r[0] == "digest")
        body = [r for r in records if r[0] != "digest"]
        scalars = {r[0]: r[1] for r in body if r[0] not in ("row", "header")}
        rows = {int(r[1]): (uuid.UUID(str(r[2])), str(r[3] or "") if len(r) > 3 else "") for r in body
                if r[0] == "row"}
        headers = {str(r[1]): str(r[2]) for r in body if r[0] == "header"}
    except (StopIteration, IndexError, ValueError, TypeError) as exc:
        log.warning("Identitetsarket i %s kan ikke leses", name, exc_info=True)
        raise _altered(_("{name}: det skjulte identitetsarket er endret eller ødelagt.").format(name=name)) from exc
    if scalars.get("kind") != TEMPLATE_KIND:
        raise SheetRefused(_("{name} er ikke et svarark for vignettsvar.").format(name=name), "not_template")
    if str(scalars.get("version")) != str(TEMPLATE_VERSION):
        raise _altered(_("{name} er laget med versjon {found} av svararket, men denne versjonen av Nettverkslogg "
                         "leser versjon {expected}.").format(name=name, found=scalars.get("version"),
                                                              expected=TEMPLATE_VERSION))
    if digest != _digest(body):
        raise _altered(_("{name}: det skjulte identitetsarket er endret.").format(name=name))
    return scalars, rows, headers


def read_response_sheet(path: str | Path) -> ReturnedResponseSheet:
    """Read a returned response sheet, refusing it (UnsafeWorkbook, SheetRefused) unless it is a safe,
    unaltered template. Values come back as typed, with their cell references; checking is storage's job."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    path = check_workbook_file(path)
    name = path.name
    try:
        wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        log.warning("%s cannot be opened as a workbook", name, exc_info=True)
        raise xml_refusal(exc, name) or SheetRefused(_("{name} kan ikke leses som Excel-arbeidsbok. Åpne den i Excel og lagre den på nytt "
                             "som .xlsx.").format(name=name), "not_workbook") from exc
    try:
        scalars, row_ids, headers = _meta(wb, name)
        if ANSWER_SHEET not in wb.sheetnames:
            raise _altered(_("{name}: arket «{sheet}» mangler – er det slettet eller har det fått nytt navn?").format(
                name=name, sheet=ANSWER_SHEET))
        ws = wb[ANSWER_SHEET]
        first, last = FIRST_ROW, FIRST_ROW + len(row_ids) - 1
        result = ReturnedResponseSheet(name, int(scalars["version"]), uuid.UUID(str(scalars["template_id"])),
                                       str(scalars["database_id"]), uuid.UUID(str(scalars["session_id"])),
                                       str(scalars["session_title"]))
        for number, cells in enumerate(ws.iter_rows(min_row=HEADER_ROW, max_row=last + MAX_ROWS), start=HEADER_ROW):
            cells = list(cells)
            if number == HEADER_ROW:
                for (letter, _f, _h, _w), cell in zip(COLUMNS, cells + [None] * 4, strict=False):
                    found = str(getattr(cell, "value", "") or "").strip()
                    if found != headers.get(letter):
                        raise _altered(_("{name}: overskriften i {sheet}!{ref} er endret (står «{found}», skal være "
                                         "«{expected}»).").format(name=name, sheet=ANSWER_SHEET,
                                                                 ref=f"{letter}{number}", found=found,
                                                                 expected=headers.get(letter)))
                continue
            values = {}
            for (letter, field_name, _h, _w), cell in zip(COLUMNS, cells + [None] * 4, strict=False):
                value = getattr(cell, "value", None)
                values[field_name] = ReturnedCell(f"{ANSWER_SHEET}!{letter}{number}", value,
                                                  getattr(cell, "data_type", "n") == "f")
            typed = [c for f, c in values.items() if not _blank(c.value)]
            if first <= number <= last:
                row_id, suggested = row_ids[number]
                if any(not _blank(values[f].value) for f in ("unit_kind", "role", "text")) or (
                        not _blank(values["respondent"].value)
                        and str(values["respondent"].value).strip() != suggested):
                    result.rows.append(ReturnedResponseRow(number, row_id, values, suggested or None))
            else:
                result.stray += typed
            for index, cell in enumerate(cells[len(COLUMNS):], start=len(COLUMNS) + 1):
                if not _blank(getattr(cell, "value", None)):
                    result.stray.append(ReturnedCell(f"{ANSWER_SHEET}!{get_column_letter(index)}{number}",
                                                     cell.value))
    except DomainError:
        raise
    except Exception as exc:
        log.warning("%s cannot be read", name, exc_info=True)
        raise xml_refusal(exc, name) or SheetRefused(_(
            "{name} kan ikke leses: fila er skadet. Lag et nytt svarark i Nettverkslogg og før inn svarene "
            "der.").format(name=name), "not_workbook") from exc
    finally:
        wb.close()
    return result


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
