"""Planning gatherings: create, edit, cancel and delete planned gatherings, and enter the programme's
national specialist days, regional gatherings and the local start-up gathering per semester.

Every gathering lies within the participation period; one outside it is refused with a Norwegian
message naming the time field.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import exists
from sqlmodel import Session, select

from ..enums import GatheringKind, GatheringLevel, GatheringStatus
from ..errors import DomainError
from ..formatting import format_date
from ..i18n import _
from ..models import (
    Attendance,
    Gathering,
    GatheringCreate,
    GatheringRead,
    GatheringUpdate,
    LearningNetwork,
    Municipality,
)
from ..semesters import semester_bounds, semester_label, semester_of
from ..store import Store
from ..validation import label_for, validated
from .common import apply_update, check_in_period, participation_row, require

#: The level a gathering of each kind is held at, when the caller does not say.
LEVEL_OF_KIND = {
    GatheringKind.NATIONAL_SPECIALIST_DAY: GatheringLevel.NATIONAL,
    GatheringKind.REGIONAL_GATHERING: GatheringLevel.REGIONAL,
    GatheringKind.LOCAL_STARTUP: GatheringLevel.MUNICIPAL,
    GatheringKind.NETWORK_MEETING: GatheringLevel.NETWORK,
    GatheringKind.UNIT_SESSION: GatheringLevel.UNIT,
    GatheringKind.GUIDANCE: GatheringLevel.UNIT,
    GatheringKind.PARENT_MEETING: GatheringLevel.UNIT,
    GatheringKind.OTHER: GatheringLevel.MUNICIPAL,
}

#: The gatherings the programme requires, entered per semester (the local start-up once).
PROGRAMME_KINDS = (GatheringKind.NATIONAL_SPECIALIST_DAY, GatheringKind.REGIONAL_GATHERING,
                   GatheringKind.LOCAL_STARTUP)


def _missing() -> str:
    return _("Fant ikke samlingen.")


def _with_level(data: BaseModel | dict) -> dict:
    data = data.model_dump(exclude_unset=True) if isinstance(data, BaseModel) else dict(data)
    if data.get("level") is None and data.get("kind") in set(GatheringKind):
        data["level"] = LEVEL_OF_KIND[GatheringKind(data["kind"])]
    return data


def check_gathering(session: Session, municipality_id: uuid.UUID, starts_at: datetime,
                    network_id: uuid.UUID | None) -> None:
    """Within the participation period, and the network (if any) belongs to the municipality."""
    check_in_period(starts_at.date(), participation_row(session, municipality_id), field="starts_at",
                    what=_("Samlingen"))
    if network_id is not None:
        network = session.get(LearningNetwork, network_id)
        if network is None or network.municipality_id != municipality_id:
            raise DomainError(_("Fant ikke nettverket i denne kommunen."), field="network_id")


def insert_gathering(session: Session, municipality_id: uuid.UUID, gathering: GatheringCreate) -> Gathering:
    """Check and add one gathering inside the caller's transaction."""
    check_gathering(session, municipality_id, gathering.starts_at, gathering.network_id)
    row = Gathering.model_validate(gathering, update={"municipality_id": municipality_id})
    session.add(row)
    return row


def create_gathering(store: Store, municipality_id: uuid.UUID, gathering: GatheringCreate | dict) -> GatheringRead:
    """A new gathering; the level follows from the kind when not given."""
    gathering = validated(GatheringCreate, _with_level(gathering))
    with store.transaction() as session:
        require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        row = insert_gathering(session, municipality_id, gathering)
        session.flush()
        return GatheringRead.model_validate(row)


def add_programme_gathering(store: Store, municipality_id: uuid.UUID, kind: GatheringKind, semester: str,
                            starts_at: datetime, *, place: str | None = None, title: str | None = None,
                            duration_minutes: int = 360) -> GatheringRead:
    """Enter a national specialist day, a regional gathering or the local start-up for a semester."""
    kind = GatheringKind(kind)
    if kind not in PROGRAMME_KINDS:
        raise DomainError(_("Velg nasjonal fagdag, regional samling eller lokal oppstartssamling."), field="kind")
    first, last = semester_bounds(semester)
    if isinstance(starts_at, datetime) and not first <= starts_at.date() <= last:
        raise DomainError(_("«{label}»: {day} er ikke i {semester}.").format(
            label=label_for("starts_at"), day=format_date(starts_at.date()), semester=semester_label(semester)),
            field="starts_at")
    return create_gathering(store, municipality_id, {
        "title": title or kind.label, "kind": kind, "starts_at": starts_at, "place": place,
        "duration_minutes": duration_minutes})


def update_gathering(store: Store, gathering_id: uuid.UUID, changes: GatheringUpdate | dict) -> GatheringRead:
    with store.transaction() as session:
        row = require(session, Gathering, gathering_id, _missing())
        apply_update(row, changes, GatheringUpdate, GatheringCreate)
        check_gathering(session, row.municipality_id, row.starts_at, row.network_id)
        session.flush()
        return GatheringRead.model_validate(row)


def cancel_gathering(store: Store, gathering_id: uuid.UUID) -> GatheringRead:
    return update_gathering(store, gathering_id, {"status": GatheringStatus.CANCELLED})


def delete_gathering(store: Store, gathering_id: uuid.UUID) -> None:
    """Delete a gathering that has no attendance registered (otherwise cancel it)."""
    with store.transaction() as session:
        row = require(session, Gathering, gathering_id, _missing())
        if session.exec(select(exists().where(Attendance.gathering_id == gathering_id))).one():
            raise DomainError(_("Samlingen har registrert oppmøte og kan ikke slettes. Avlys den i stedet."))
        session.delete(row)


def list_gatherings(store: Store, municipality_id: uuid.UUID, *, semester: str | None = None,
                    network_id: uuid.UUID | None = None, kinds: Iterable[GatheringKind] | None = None,
                    ids: Iterable[uuid.UUID] | None = None, include_cancelled: bool = True) -> list[GatheringRead]:
    """The municipality's gatherings in time order, filtered as asked."""
    query = select(Gathering).where(Gathering.municipality_id == municipality_id)
    if semester is not None:
        first, last = semester_bounds(semester)
        query = query.where(Gathering.starts_at >= datetime.combine(first, datetime.min.time()),
                            Gathering.starts_at <= datetime.combine(last, datetime.max.time()))
    if network_id is not None:
        query = query.where(Gathering.network_id == network_id)
    if kinds is not None:
        query = query.where(Gathering.kind.in_([GatheringKind(k).value for k in kinds]))
    if ids is not None:
        query = query.where(Gathering.id.in_(list(ids)))
    if not include_cancelled:
        query = query.where(Gathering.status != GatheringStatus.CANCELLED.value)
    with store.reader() as session:
        return [GatheringRead.model_validate(r) for r in session.exec(query.order_by(Gathering.starts_at)).all()]


def get_gathering(store: Store, gathering_id: uuid.UUID) -> GatheringRead:
    with store.reader() as session:
        return GatheringRead.model_validate(require(session, Gathering, gathering_id, _missing()))


def gathering_semester(gathering: GatheringRead) -> str:
    return semester_of(gathering.starts_at.date())
