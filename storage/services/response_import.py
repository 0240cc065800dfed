"""Reading a returned vignette response sheet into a session: validate the whole file, preview, store all
or nothing.

The workbook is read by exports.response_sheet (this module receives its ReturnedResponseSheet, duck-typed:
storage never imports exports). Refused as a whole, with a Norwegian message: a sheet made from another
database, or for another session than the one it is read into. Per cell, with its reference
(«Svar!D7»): an empty or too long answer, an unknown unit type, a too long pseudonym or role, a pseudonym
used twice or already answered in the session, a formula. Answers that seem to hold a personal identifier
come back as warnings, not errors. Storing goes through vignette_sessions.capture_response for each
answer, inside one transaction: one failure stores nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlmodel import Session

from ..backup import require_undamaged_store
from ..enums import AttendeeRole, RespondentKind, UnitKind
from ..errors import DomainError
from ..i18n import _
from ..privacy import personal_identifier_warnings
from ..store import Store
from .cell_values import CellValueError, parse_text
from .session_log_import import CellError
from .settings import database_id
from .vignette_sessions import (
    PSEUDONYM_PREFIX,
    CaptureResult,
    capture_response,
    check_answer_text,
    get_session,
    list_responses,
)


@dataclass(frozen=True)
class SheetAnswer:
    row: int
    row_id: uuid.UUID
    data: dict  # for capture_response
    words: int


@dataclass(frozen=True)
class SheetPreview:
    file_name: str
    session_id: uuid.UUID
    session_title: str
    answers: tuple[SheetAnswer, ...]
    errors: tuple[CellError, ...]
    warnings: tuple[CellError, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.answers)

    def summary(self) -> str:
        if self.errors:
            return _("{name}: {n} feil må rettes før noe kan leses inn. Ingenting er lagret.").format(
                name=self.file_name, n=len(self.errors))
        if not self.answers:
            return _("{name} har ingen svar å lese inn.").format(name=self.file_name)
        return _("{name}: {n} svar er klare til å leses inn i «{title}».").format(
            name=self.file_name, n=len(self.answers), title=self.session_title)


def _lookup(enum) -> dict[str, str]:
    table = {}
    for member in enum:
        table[member.value.casefold()] = member.value
        table[member.label.casefold()] = member.value
    return table


def _unit_kind(value: str) -> str | None:
    table = _lookup(UnitKind) | {"pp-tjeneste": "ppt", "ppt": "ppt", "bhg": "kindergarten"}
    return table.get(value.casefold())


def _role(value: str) -> str:
    return _lookup(AttendeeRole).get(value.casefold(), value)


def _check_identity(store: Store, sheet, expected_session_id: uuid.UUID):
    if sheet.database_id != database_id(store):
        raise DomainError(_("{name} er laget fra en annen Nettverkslogg-database og kan ikke leses inn her.").format(
            name=sheet.file_name), field="file")
    expected = get_session(store, expected_session_id)
    if sheet.session_id != expected_session_id:
        raise DomainError(_("{name} er svararket for økta «{other}», ikke for «{this}». Åpne den økta og les arket "
                            "inn der, eller lag et nytt svarark for denne økta.").format(
            name=sheet.file_name, other=sheet.session_title, this=expected.session.title), field="file")
    return expected


def _text(cell, errors: list[CellError], limit: int | None = None, label: str = "") -> str | None:
    if cell.formula:
        errors.append(CellError(cell.ref, _("Cellen inneholder en formel. Skriv teksten direkte.")))
        return None
    try:
        text = parse_text(cell.value)
    except CellValueError as exc:
        errors.append(CellError(cell.ref, exc.message))
        return None
    if text is not None and limit is not None and len(text) > limit:
        errors.append(CellError(cell.ref, _("{label} er for lang: {n} tegn, høyst {limit}.").format(
            label=label, n=len(text), limit=limit)))
        return None
    return text


def preview_response_sheet(store: Store, sheet, expected_session_id: uuid.UUID) -> SheetPreview:
    """Check every row of a returned sheet against the session; nothing is stored."""
    from ..content import word_count

    detail = _check_identity(store, sheet, expected_session_id)
    taken = {r.respondent.casefold(): r.respondent for r in list_responses(store, expected_session_id)}
    errors: list[CellError] = [CellError(c.ref, _("Denne cellen er utenfor svarområdet og blir ikke lest. Flytt "
                                                  "innholdet til en svarrad i kolonne A–D.")) for c in sheet.stray]
    warnings: list[CellError] = []
    answers: list[SheetAnswer] = []
    seen: dict[str, str] = {}
    for row in sheet.rows:
        cells = row.cells
        row_errors: list[CellError] = []
        respondent = _text(cells["respondent"], row_errors, 60, _("«Svar fra»")) or row.suggested
        unit_text = _text(cells["unit_kind"], row_errors)
        role_text = _text(cells["role"], row_errors, 60, _("Rollen"))
        unit_kind = None
        if unit_text:
            unit_kind = _unit_kind(unit_text)
            if unit_kind is None:
                row_errors.append(CellError(cells["unit_kind"].ref, _(
                    "Ukjent enhetstype «{value}». Velg Barnehage, Skole, Kombinert, PP-tjenesten eller Annet."
                ).format(value=unit_text)))
        text = None
        if not cells["text"].formula:
            try:
                text = check_answer_text(parse_text(cells["text"].value))
            except (DomainError, CellValueError) as exc:
                row_errors.append(CellError(cells["text"].ref, exc.message))
        else:
            _text(cells["text"], row_errors)
        if respondent:
            key = " ".join(respondent.split()).casefold()
            if key in taken:
                row_errors.append(CellError(cells["respondent"].ref, _(
                    "«{name}» har allerede et svar i økta. Skriv et annet kallenavn.").format(name=respondent)))
            elif key in seen:
                row_errors.append(CellError(cells["respondent"].ref, _(
                    "«{name}» står også i {other}. Hver rad må ha sitt eget kallenavn.").format(
                    name=respondent, other=seen[key])))
            seen.setdefault(key, cells["respondent"].ref)
        errors += row_errors
        if row_errors:
            continue
        for message in personal_identifier_warnings(" \n".join(filter(None, [text, respondent, role_text]))):
            warnings.append(CellError(cells["text"].ref, message))
        group_prefix = _(PSEUDONYM_PREFIX[RespondentKind.GROUP]).casefold()
        kind = RespondentKind.GROUP if (respondent or "").casefold().startswith(group_prefix) \
            else RespondentKind.PARTICIPANT
        answers.append(SheetAnswer(row.row, row.row_id, {
            "respondent": respondent, "respondent_kind": kind, "unit_kind": unit_kind,
            "role": _role(role_text) if role_text else None, "text": text}, word_count(text)))
    return SheetPreview(sheet.file_name, expected_session_id, detail.session.title, tuple(answers), tuple(errors),
                        tuple(warnings))


class _OneTransaction:
    """A Store whose transactions and reads all happen in one outer session, so that several calls of
    capture_response are stored together or not at all."""

    def __init__(self, session: Session):
        self._session = session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        yield self._session


def import_response_sheet(store: Store, preview: SheetPreview) -> list[CaptureResult]:
    """Store every answer of a checked preview, or none (the first error rolls all back)."""
    if preview.errors:
        raise DomainError(preview.summary(), field="file")
    if not preview.answers:
        raise DomainError(_("Svararket har ingen svar å lese inn."), field="file")
    require_undamaged_store(store)
    with store.transaction() as session:
        shared = _OneTransaction(session)
        return [capture_response(shared, preview.session_id, answer.data) for answer in preview.answers]
