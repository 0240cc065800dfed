"""Setting up a municipality with its participation, and choosing which one the app shows."""

from __future__ import annotations

import uuid

from sqlalchemy import func
from sqlmodel import select

from ..content import ensure_builtin_content
from ..errors import DomainError
from ..i18n import _
from ..models import (
    CURRENT_MUNICIPALITY_KEY,
    Grant,
    Municipality,
    MunicipalityCreate,
    MunicipalityRead,
    Participation,
    ParticipationCreate,
    ParticipationRead,
)
from ..rules import proposed_grants
from ..store import Store
from ..validation import validated
from .settings import get_setting, put_setting


def create_municipality(store: Store, municipality: MunicipalityCreate | dict,
                        participation: ParticipationCreate | dict, *, make_current: bool = True) -> MunicipalityRead:
    """Create a municipality, its participation and the grants its roles give, in one transaction.

    The built-in codebook and vignettes are installed with the first municipality."""
    municipality = validated(MunicipalityCreate, municipality, labels={"name": "Kommune"})
    participation = validated(ParticipationCreate, participation)
    with store.transaction() as session:
        ensure_builtin_content(session)
        clash = session.exec(select(Municipality).where(Municipality.number == municipality.number)).first()
        if clash is not None:
            raise DomainError(_("Kommunenummer {number} finnes allerede ({name}).").format(
                number=municipality.number, name=clash.name), field="number")
        row = Municipality.model_validate(municipality)
        session.add(row)
        session.flush()
        part = Participation.model_validate(participation, update={"municipality_id": row.id})
        session.add(part)
        session.flush()
        for role, amount in proposed_grants(part.kindergarten_authority, part.school_owner,
                                            part.independent_school):
            session.add(Grant(participation_id=part.id, basis=role, amount_nok=amount))
        if make_current:
            put_setting(session, CURRENT_MUNICIPALITY_KEY, row.id.hex)
        return MunicipalityRead.model_validate(row)


def list_municipalities(store: Store) -> list[MunicipalityRead]:
    with store.reader() as session:
        rows = session.exec(select(Municipality).order_by(Municipality.name)).all()
        return [MunicipalityRead.model_validate(r) for r in rows]


def count_municipalities(store: Store) -> int:
    with store.reader() as session:
        return session.exec(select(func.count()).select_from(Municipality)).one()


def current_municipality(store: Store) -> MunicipalityRead | None:
    """The municipality the user works on: the one chosen last, else the first by name."""
    with store.reader() as session:
        chosen = get_setting(session, CURRENT_MUNICIPALITY_KEY)
        row = session.get(Municipality, uuid.UUID(chosen)) if chosen else None
        if row is None:
            row = session.exec(select(Municipality).order_by(Municipality.name)).first()
        return MunicipalityRead.model_validate(row) if row else None


def require_current_municipality(store: Store) -> MunicipalityRead:
    """The current municipality, or a DomainError that tells the user to set one up first."""
    municipality = current_municipality(store)
    if municipality is None:
        raise DomainError(_("Ingen kommune er satt opp ennå. Sett opp kommunen først."))
    return municipality


def set_current_municipality(store: Store, municipality_id: uuid.UUID) -> None:
    with store.transaction() as session:
        if session.get(Municipality, municipality_id) is None:
            raise DomainError(_("Fant ikke kommunen."))
        put_setting(session, CURRENT_MUNICIPALITY_KEY, municipality_id.hex)


def participation_of(store: Store, municipality_id: uuid.UUID) -> ParticipationRead | None:
    """The municipality's participation (the newest, if it has taken part in several cohorts)."""
    with store.reader() as session:
        row = session.exec(select(Participation).where(Participation.municipality_id == municipality_id)
                           .order_by(Participation.period_start.desc())).first()
        return ParticipationRead.model_validate(row) if row else None
