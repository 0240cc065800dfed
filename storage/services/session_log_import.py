"""Import returned session-log workbooks: validate everything first, show a preview, then store all or
nothing.

1. exports.log_workbook.read_log_workbook(path) → ReturnedWorkbook (refuses unsafe or altered files).
2. `preview_workbook(store, workbook)` → FilePreview: new, changed and unchanged rows, and every error
   per cell (`Øktlogg!C12: …`). A file made by another database, for a unit not in this database (or
   not the one expected), or whose rows are stored for another unit, is refused as a whole.
   `preview_files(store, paths, read)` does this for several files (one preview each).
3. `commit_import(store, previews)` stores the rows of every preview without errors in one
   transaction; a refused file or one with errors stores nothing. Rows keep the identity the template
   gave them, so importing the same file again changes nothing and an edited row is updated. A row
   the director moved is recognised by its date and theme (session_log_matching); a stored log whose
   row was emptied or reused is kept, never deleted or overwritten, and listed in `FilePreview.kept`.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlmodel import Session, select

from ..backup import require_undamaged_store
from ..db import serialize_on
from ..enums import LogSource
from ..errors import DomainError
from ..i18n import _, ngettext
from ..models import SessionLog, SessionLogRead, Unit, utcnow
from ..store import Store
from ..validation import RULE_MESSAGES, collect_errors, label_for
from .cell_values import CellValueError, parse_date, parse_text, parse_whole_number, parse_yes_no
from .common import participation_row
from .log_templates import ReturnedRow, ReturnedSheet, ReturnedWorkbook
from .session_log_matching import MatchedRow, match_rows, theme_key
from .session_logs import LOG_FIELDS, SessionLogCreate, field_limit, insert_log, log_rule_errors, log_values
from .settings import database_id

logger = logging.getLogger(__name__)  # not `log`: here a log is a session log

_PARSERS: dict[str, Callable[[object], object]] = {
    "held_on": parse_date, "duration_minutes": parse_whole_number, "staff_present": parse_whole_number,
    "staff_total": parse_whole_number, "children_involved": parse_yes_no, "parents_involved": parse_yes_no}


class RowStatus(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class CellError:
    ref: str  # Øktlogg!C12
    message: str

    def __str__(self) -> str:
        return f"{self.ref}: {self.message}"


@dataclass(frozen=True)
class RowPreview:
    status: RowStatus
    ref: str  # the row's date cell, e.g. Øktlogg!B12
    row_id: uuid.UUID
    unit_id: uuid.UUID
    unit_name: str
    log: SessionLogCreate
    changed_fields: tuple[str, ...] = ()
    before: SessionLogRead | None = None
    moved_from: int | None = None  # the form row the log was stored from, when the row was moved


@dataclass(frozen=True)
class KeptRow:
    """A stored log whose row in the form is now empty or holds another session: it is kept as it is."""

    ref: str  # the row's date cell, e.g. Øktlogg!B9
    unit_name: str
    log: SessionLogRead
    reused: bool

    @property
    def message(self) -> str:
        if self.reused:
            return _("Raden har fått en annen økt – loggen beholdes")
        return _("Raden er tømt – loggen beholdes")


@dataclass
class FilePreview:
    file_name: str
    refused: str | None = None  # why the whole file is refused
    reason: str | None = None  # a short code: other_database, other_unit, altered, encrypted, zip_bomb, …
    rows: list[RowPreview] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    kept: list[KeptRow] = field(default_factory=list)  # stored logs no row holds any more; never changed
    template_id: uuid.UUID | None = None
    municipality_id: uuid.UUID | None = None

    def _rows(self, status: RowStatus) -> list[RowPreview]:
        return [r for r in self.rows if r.status == status]

    @property
    def new(self) -> list[RowPreview]:
        return self._rows(RowStatus.NEW)

    @property
    def changed(self) -> list[RowPreview]:
        return self._rows(RowStatus.CHANGED)

    @property
    def unchanged(self) -> list[RowPreview]:
        return self._rows(RowStatus.UNCHANGED)

    @property
    def ok(self) -> bool:
        """Nothing stops the file from being stored."""
        return self.refused is None and not self.errors

    def summary(self) -> str:
        """One line: «fil.xlsx: 3 nye, 1 endret, 5 uendrede, 0 feil» (or why it was refused)."""
        if self.refused is not None:
            return _("{file}: avvist – {why}").format(file=self.file_name, why=self.refused)
        line = _("{file}: {new}, {changed}, {unchanged}, {errors}").format(
            file=self.file_name, new=ngettext("{n} ny", "{n} nye", len(self.new)).format(n=len(self.new)),
            changed=ngettext("{n} endret", "{n} endrede", len(self.changed)).format(n=len(self.changed)),
            unchanged=ngettext("{n} uendret", "{n} uendrede", len(self.unchanged)).format(n=len(self.unchanged)),
            errors=_("{n} feil").format(n=len(self.errors)))
        if self.kept:
            line += _(", {kept} beholdes uendret").format(kept=ngettext(
                "{n} tømt rad", "{n} tømte rader", len(self.kept)).format(n=len(self.kept)))
        return line + (_(" – ingenting fra fila lagres") if self.errors else "")


@dataclass(frozen=True)
class ImportResult:
    files_stored: int
    files_skipped: int
    new: int
    changed: int
    unchanged: int


# --- one row, without the database ------------------------------------------------------------------

def parse_log_row(row: ReturnedRow) -> tuple[SessionLogCreate | None, list[CellError]]:
    """The row's cells as a SessionLogCreate, or every error with its cell. Never raises."""
    data: dict[str, object] = {"source": LogSource.EXCEL}
    errors: dict[str, str] = {}
    for name in LOG_FIELDS:
        cell = row.cells[name]
        if cell.formula:
            errors[name] = _("Cellen inneholder en formel ({formula}). Skriv selve verdien i stedet.").format(
                formula=str(cell.value)[:40])
            continue
        try:
            value = _PARSERS.get(name, parse_text)(cell.value)
        except CellValueError as exc:
            errors[name] = exc.message
            continue
        limit = field_limit(name, "max_length")
        if isinstance(value, str) and limit and len(value) > limit:
            errors[name] = _("«{label}» er for lang: {n} tegn, høyst {limit}. Kort ned teksten.").format(
                label=label_for(name), n=len(value), limit=limit)
        elif value is not None:
            data[name] = value
    present, total = data.get("staff_present"), data.get("staff_total")
    if isinstance(present, int) and isinstance(total, int) and present > total and "staff_present" not in errors:
        errors["staff_present"] = _(RULE_MESSAGES["staff_present_above_total"][1]) + " " + _(
            "({present} til stede, {total} i alt)").format(present=present, total=total)
    log, problems = collect_errors(SessionLogCreate, data)
    for name, message in problems:
        name = name if name in row.cells else "held_on"
        errors.setdefault(name, message)
    if errors:
        order = {name: n for n, name in enumerate(LOG_FIELDS)}
        return None, [CellError(row.cells[name].ref, message)
                      for name, message in sorted(errors.items(), key=lambda item: order.get(item[0], 99))]
    return log, []


# --- one file, against the database -----------------------------------------------------------------

def refused_preview(file_name: str, error: DomainError, reason: str | None = None) -> FilePreview:
    logger.info("%s avvist: %s", file_name, error.message, exc_info=(type(error), error, error.__traceback__))
    return FilePreview(file_name, refused=error.message, reason=reason or getattr(error, "reason", None) or "refused")


class _Refused(Exception):
    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.message, self.reason = message, reason


def _check_identity(session: Session, workbook: ReturnedWorkbook, db_id: str | None,
                    expected_unit_id: uuid.UUID | None) -> dict[uuid.UUID, Unit]:
    name = workbook.file_name
    if workbook.database_id != db_id:
        raise _Refused(_("{name} er laget av en annen Nettverkslogg-database, ikke denne. Importer den i databasen "
                         "som laget skjemaet, eller lag et nytt loggskjema herfra.").format(name=name), "other_database")
    units: dict[uuid.UUID, Unit] = {}
    for sheet in workbook.sheets:
        unit = session.get(Unit, sheet.unit_id)
        if unit is None:
            raise _Refused(_("{name} er laget for enheten «{unit}», som ikke finnes i databasen lenger.").format(
                name=name, unit=sheet.unit_name), "other_unit")
        if unit.municipality_id != workbook.municipality_id:
            raise _Refused(_("{name}: enheten «{unit}» hører til en annen kommune enn skjemaet ble laget for.").format(
                name=name, unit=unit.name), "other_unit")
        units[unit.id] = unit
    if expected_unit_id is not None and expected_unit_id not in units:
        wanted = session.get(Unit, expected_unit_id)
        raise _Refused(_("{name} er loggskjemaet for {found}, ikke for «{wanted}».").format(
            name=name, found=", ".join(f"«{u.name}»" for u in units.values()),
            wanted=wanted.name if wanted else "?"), "other_unit")
    return units


def _classify(matched: MatchedRow, unit: Unit) -> RowPreview:
    row, log, existing = matched.row, matched.log, matched.existing
    ref = row.cells["held_on"].ref
    if existing is None:
        return RowPreview(RowStatus.NEW, ref, matched.log_id, unit.id, unit.name, log)
    new, old = log_values(log), log_values(existing)
    changed = tuple(name for name in LOG_FIELDS if new[name] != old[name])
    return RowPreview(RowStatus.CHANGED if changed else RowStatus.UNCHANGED, ref, matched.log_id, unit.id,
                      unit.name, log, changed, SessionLogRead.model_validate(existing), matched.moved_from)


def _form_ids(sheet: ReturnedSheet) -> list[uuid.UUID]:
    return list(sheet.row_ids.values()) or [r.row_id for r in sheet.rows]


def _same_day_logs(session: Session, unit_id: uuid.UUID, typed: list[tuple[ReturnedRow, SessionLogCreate]]
                   ) -> list[SessionLog]:
    """The unit's logs imported from Excel that share a date and theme with a typed row."""
    keys = {(log.held_on, theme_key(log.theme)) for _row, log in typed}
    if not keys:
        return []
    found = session.exec(select(SessionLog).where(SessionLog.unit_id == unit_id,
                                                  SessionLog.source == LogSource.EXCEL.value,
                                                  SessionLog.held_on.in_({day for day, _t in keys}))).all()
    return [log for log in found if (log.held_on, theme_key(log.theme)) in keys]


def _preview_sheet(session: Session, preview: FilePreview, sheet: ReturnedSheet, unit: Unit, part, today: date,
                   existing: dict[uuid.UUID, SessionLog]) -> None:
    for cell in sheet.stray:
        preview.errors.append(CellError(cell.ref, _("Verdien står utenfor skjemaets felt og kan ikke leses. "
                                                    "Flytt den til en tom rad i skjemaet.")))
    typed: list[tuple[ReturnedRow, SessionLogCreate]] = []
    for row in sheet.rows:
        log, errors = parse_log_row(row)
        if log is not None:
            errors = [CellError(row.cells[name].ref, message)
                      for name, message in log_rule_errors(part, log.held_on, today)]
        if errors:
            preview.errors.extend(errors)
        else:
            typed.append((row, log))
    row_ids = sheet.row_ids or {r.excel_row: r.row_id for r in sheet.rows}
    form_logs = {i: existing[i] for i in row_ids.values() if i in existing}
    matched, kept = match_rows(typed, row_ids, form_logs,
                               _same_day_logs(session, unit.id, typed))
    preview.rows += [_classify(m, unit) for m in matched]
    preview.kept += [KeptRow(sheet.date_refs.get(k.excel_row, f"{sheet.name}!{k.excel_row}"), unit.name,
                             SessionLogRead.model_validate(k.log), k.reused) for k in kept]


def preview_workbook(store: Store, workbook: ReturnedWorkbook, *, expected_unit_id: uuid.UUID | None = None,
                     today: date | None = None) -> FilePreview:
    """Check a returned workbook against the database without storing anything."""
    today = today or date.today()
    preview = FilePreview(workbook.file_name, template_id=workbook.template_id,
                          municipality_id=workbook.municipality_id)
    db_id = database_id(store)
    with store.reader() as session:
        try:
            units = _check_identity(session, workbook, db_id, expected_unit_id)
            row_ids = [i for s in workbook.sheets for i in _form_ids(s)]
            existing = {log.id: log for log in session.exec(select(SessionLog).where(SessionLog.id.in_(row_ids)))}
            for sheet in workbook.sheets:
                foreign = [i for i in _form_ids(sheet) if i in existing and existing[i].unit_id != sheet.unit_id]
                if foreign:
                    raise _Refused(_("{name}: radene i arket «{sheet}» er allerede lagret for en annen enhet. Fila er "
                                     "kopiert fra en annen enhets skjema.").format(name=workbook.file_name,
                                                                                  sheet=sheet.name), "other_unit")
            part = participation_row(session, workbook.municipality_id)
        except _Refused as refusal:
            preview.refused, preview.reason = refusal.message, refusal.reason
            return preview
        except DomainError as exc:
            logger.info("%s avvist: %s", workbook.file_name, exc.message, exc_info=True)
            preview.refused, preview.reason = exc.message, "refused"
            return preview
        for sheet in workbook.sheets:
            _preview_sheet(session, preview, sheet, units[sheet.unit_id], part, today, existing)
    return preview


def preview_files(store: Store, paths: Iterable[str | Path], read: Callable[[Path], ReturnedWorkbook], *,
                  expected_unit_id: uuid.UUID | None = None, today: date | None = None) -> list[FilePreview]:
    """One preview per file. `read` is exports.log_workbook.read_log_workbook (storage cannot import
    exports); a file it refuses gets a refused preview. The same template twice is refused the second time."""
    previews: list[FilePreview] = []
    seen: dict[uuid.UUID, str] = {}
    for path in paths:
        path = Path(path)
        try:
            workbook = read(path)
        except DomainError as exc:
            previews.append(refused_preview(path.name, exc))
            continue
        preview = preview_workbook(store, workbook, expected_unit_id=expected_unit_id, today=today)
        if preview.refused is None and workbook.template_id in seen:
            preview = refused_preview(path.name, DomainError(_(
                "{name} er samme loggskjema som {other} i denne importen. Velg bare den nyeste av dem.").format(
                name=path.name, other=seen[workbook.template_id])), "duplicate")
        seen.setdefault(workbook.template_id, path.name)
        previews.append(preview)
    return previews


def commit_import(store: Store, previews: Iterable[FilePreview]) -> ImportResult:
    """Store the rows of every preview that is `ok`, in one transaction. Each row is compared with the
    database again inside the transaction, so a preview that has gone stale cannot overwrite newer data."""
    previews = list(previews)
    storable = [p for p in previews if p.ok]
    ids = [p.template_id for p in storable]
    if len(ids) != len(set(ids)):
        raise DomainError(_("Samme loggskjema er valgt to ganger. Velg bare den nyeste fila."))
    counts = {RowStatus.NEW: 0, RowStatus.CHANGED: 0, RowStatus.UNCHANGED: 0}
    require_undamaged_store(store)
    with store.transaction() as session:
        for template_id in sorted(str(i) for i in ids):  # a fixed order: two imports never deadlock
            serialize_on(session, f"loggskjema:{template_id}")
        for preview in storable:
            ids = [row.row_id for row in preview.rows]
            stored = {log.id: log for log in session.exec(select(SessionLog).where(SessionLog.id.in_(ids)))}
            for row in preview.rows:
                existing = stored.get(row.row_id)
                if existing is None:
                    insert_log(session, row.unit_id, row.log, log_id=row.row_id)
                    counts[RowStatus.NEW] += 1
                    continue
                if existing.unit_id != row.unit_id:
                    raise DomainError(_("{name}: en rad er lagret for en annen enhet siden forhåndsvisningen. "
                                        "Ingenting er lagret; les inn fila på nytt.").format(name=preview.file_name))
                changes = {k: v for k, v in log_values(row.log).items() if getattr(existing, k) != v}
                if changes:
                    existing.sqlmodel_update(changes)
                    existing.updated_at = utcnow()
                counts[RowStatus.CHANGED if changes else RowStatus.UNCHANGED] += 1
            session.flush()
    return ImportResult(files_stored=len(storable), files_skipped=len(previews) - len(storable),
                        new=counts[RowStatus.NEW], changed=counts[RowStatus.CHANGED],
                        unchanged=counts[RowStatus.UNCHANGED])
