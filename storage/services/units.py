"""Units (kindergartens, schools, PPT): add, edit, archive or delete, list with filters.

A unit with history (session logs, attendance at gatherings or vignette responses) is archived, never
deleted, so reports keep their counts. A unit without history may be deleted.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel
from sqlalchemy import exists, func, or_
from sqlmodel import Session, select

from ..enums import UnitKind
from ..errors import DomainError
from ..i18n import _
from ..models import Attendance, Municipality, Response, SessionLog, Unit, UnitCreate, UnitRead, UnitUpdate
from ..store import Store
from ..validation import label_for, validated
from .common import apply_update, require

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class UnitRemoval(StrEnum):
    DELETED = "deleted"
    ARCHIVED = "archived"


def name_key(name: str) -> str:
    """How names are compared for duplicates: spacing and case do not matter."""
    return " ".join(name.split()).casefold()


def _as_dict(data: BaseModel | dict) -> dict:
    return data.model_dump(exclude_unset=True) if isinstance(data, BaseModel) else dict(data)


def _tidy(data: dict) -> dict:
    """Collapse spaces in the name, drop empty optional texts."""
    data = dict(data)
    if isinstance(data.get("name"), str):
        data["name"] = " ".join(data["name"].split())
    for key in ("leader_role", "leader_email"):
        if isinstance(data.get(key), str):
            data[key] = data[key].strip() or None
    return data


def check_email(email: str | None) -> None:
    if email is not None and not _EMAIL.match(email):
        raise DomainError(_("«{label}» ser ikke ut som en e-postadresse: {value}").format(
            label=label_for("leader_email"), value=email), field="leader_email")


def prepare_unit(data: BaseModel | dict) -> UnitCreate:
    """Validate one unit as the user typed it (shared by the form and the unit-list importer)."""
    unit = validated(UnitCreate, _tidy(_as_dict(data)))
    check_email(unit.leader_email)
    return unit


def existing_name_keys(session: Session, municipality_id: uuid.UUID,
                       exclude_id: uuid.UUID | None = None) -> dict[str, str]:
    """Name key → name of every unit in the municipality (archived ones included)."""
    query = select(Unit.id, Unit.name).where(Unit.municipality_id == municipality_id)
    return {name_key(name): name for unit_id, name in session.exec(query).all() if unit_id != exclude_id}


def _check_unique(session: Session, municipality_id: uuid.UUID, name: str,
                  exclude_id: uuid.UUID | None = None) -> None:
    clash = existing_name_keys(session, municipality_id, exclude_id).get(name_key(name))
    if clash is not None:
        raise DomainError(_("«{label}»: en enhet med navnet «{name}» finnes allerede i kommunen.").format(
            label=label_for("name"), name=clash), field="name")


def list_units(store: Store, municipality_id: uuid.UUID, *, include_archived: bool = False,
               kinds: Iterable[UnitKind] | None = None, search: str | None = None) -> list[UnitRead]:
    """The municipality's units by name; `search` matches name, leader's role or e-mail."""
    query = select(Unit).where(Unit.municipality_id == municipality_id)
    if not include_archived:
        query = query.where(Unit.archived == False)  # noqa: E712
    if kinds is not None:
        query = query.where(Unit.kind.in_([UnitKind(k).value for k in kinds]))
    if search and search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(or_(func.lower(Unit.name).like(pattern), func.lower(Unit.leader_role).like(pattern),
                                func.lower(Unit.leader_email).like(pattern)))
    with store.reader() as session:
        return [UnitRead.model_validate(r) for r in session.exec(query.order_by(Unit.name)).all()]


def get_unit(store: Store, unit_id: uuid.UUID) -> UnitRead:
    with store.reader() as session:
        return UnitRead.model_validate(require(session, Unit, unit_id, _("Fant ikke enheten.")))


def add_unit(store: Store, municipality_id: uuid.UUID, unit: UnitCreate | dict) -> UnitRead:
    unit = prepare_unit(unit)
    with store.transaction() as session:
        require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        _check_unique(session, municipality_id, unit.name)
        row = Unit.model_validate(unit, update={"municipality_id": municipality_id})
        session.add(row)
        session.flush()
        return UnitRead.model_validate(row)


def add_units(session: Session, municipality_id: uuid.UUID, units: Iterable[UnitCreate]) -> list[UnitRead]:
    """Add already validated units inside the caller's transaction (the importer's step 4)."""
    rows = [Unit.model_validate(u, update={"municipality_id": municipality_id}) for u in units]
    session.add_all(rows)
    session.flush()
    return [UnitRead.model_validate(r) for r in rows]


def update_unit(store: Store, unit_id: uuid.UUID, changes: UnitUpdate | dict) -> UnitRead:
    changes = _tidy(_as_dict(changes))
    with store.transaction() as session:
        row = require(session, Unit, unit_id, _("Fant ikke enheten."))
        if changes.get("name") is not None:
            _check_unique(session, row.municipality_id, validated(UnitUpdate, changes).name, exclude_id=row.id)
        apply_update(row, changes, UnitUpdate, UnitCreate)
        check_email(row.leader_email)
        session.flush()
        return UnitRead.model_validate(row)


def archive_unit(store: Store, unit_id: uuid.UUID, archived: bool = True) -> UnitRead:
    """Archive (or bring back) a unit: it keeps its history but leaves lists and new plans."""
    return update_unit(store, unit_id, {"archived": archived})


def took_part(archived: bool, active: bool) -> bool:
    """Whether a unit counts in a report or a reach figure for a span of time: every unit that is not
    archived, and an archived one only if it was active in the span (a session log, or attendance at a
    gathering). The one definition reports and reach use; archived units that count are marked."""
    return not archived or active


def unit_has_history(session: Session, unit_id: uuid.UUID) -> bool:
    """Session logs, attendance or vignette responses point at the unit."""
    return session.exec(select(
        exists().where(SessionLog.unit_id == unit_id) | exists().where(Attendance.unit_id == unit_id)
        | exists().where(Response.unit_id == unit_id))).one()


def remove_unit(store: Store, unit_id: uuid.UUID) -> UnitRemoval:
    """Delete a unit without history; archive one with session logs, attendance or responses."""
    with store.transaction() as session:
        row = require(session, Unit, unit_id, _("Fant ikke enheten."))
        if unit_has_history(session, unit_id):
            row.archived = True
            return UnitRemoval.ARCHIVED
        session.delete(row)
        return UnitRemoval.DELETED
