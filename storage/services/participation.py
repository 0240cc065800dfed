"""The participation (offer, cohort, roles, period) and its grants.

The semesters follow from the period's dates (`ParticipationRead.semesters`). Grants are proposed from
the roles (storage.rules) and can then be edited: amount, share in per cent, and who the grant is shared
with.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from ..enums import ParticipantRole
from ..i18n import _
from ..models import (
    Grant,
    GrantCreate,
    GrantRead,
    GrantUpdate,
    Participation,
    ParticipationCreate,
    ParticipationRead,
    ParticipationUpdate,
)
from ..rules import proposed_grants, roles_of
from ..store import Store
from ..validation import validated
from .common import apply_update, require


def _missing() -> str:
    return _("Fant ikke deltakelsen.")


@dataclass(frozen=True)
class GrantProposal:
    """A grant the roles give, and whether the participation already has a grant on that basis."""

    basis: ParticipantRole
    amount_nok: int
    present: bool


def get_participation(store: Store, participation_id: uuid.UUID) -> ParticipationRead:
    with store.reader() as session:
        return ParticipationRead.model_validate(require(session, Participation, participation_id, _missing()))


def update_participation(store: Store, participation_id: uuid.UUID,
                         changes: ParticipationUpdate | dict) -> ParticipationRead:
    """Change offer, cohort, roles or period. A role taken up gets its proposed grant; a role given up
    loses its grant — in the same transaction."""
    with store.transaction() as session:
        row = require(session, Participation, participation_id, _missing())
        changed = apply_update(row, changes, ParticipationUpdate, ParticipationCreate)
        if changed.keys() & {"kindergarten_authority", "school_owner", "independent_school"}:
            _align_grants_with_roles(session, row)
        session.flush()
        return ParticipationRead.model_validate(row)


def _align_grants_with_roles(session: Session, part: Participation) -> None:
    roles = set(roles_of(part.kindergarten_authority, part.school_owner, part.independent_school))
    grants = session.exec(select(Grant).where(Grant.participation_id == part.id)).all()
    have = {ParticipantRole(g.basis) for g in grants}
    for grant in grants:
        if ParticipantRole(grant.basis) not in roles:
            session.delete(grant)
    for role, amount in proposed_grants(part.kindergarten_authority, part.school_owner, part.independent_school):
        if role not in have:
            session.add(Grant(participation_id=part.id, basis=role, amount_nok=amount))


def grant_proposals(store: Store, participation_id: uuid.UUID) -> list[GrantProposal]:
    """The grants the roles give (260 000 / 260 000 / 100 000 kr) and whether each is registered."""
    with store.reader() as session:
        part = require(session, Participation, participation_id, _missing())
        have = set(session.exec(select(Grant.basis).where(Grant.participation_id == participation_id)).all())
    return [GrantProposal(role, amount, role.value in have)
            for role, amount in proposed_grants(part.kindergarten_authority, part.school_owner,
                                                part.independent_school)]


def list_grants(store: Store, participation_id: uuid.UUID) -> list[GrantRead]:
    with store.reader() as session:
        rows = session.exec(select(Grant).where(Grant.participation_id == participation_id)
                            .order_by(Grant.basis, Grant.created_at)).all()
        return [GrantRead.model_validate(r) for r in rows]


def add_grant(store: Store, participation_id: uuid.UUID, grant: GrantCreate | dict) -> GrantRead:
    grant = validated(GrantCreate, grant)
    with store.transaction() as session:
        require(session, Participation, participation_id, _missing())
        row = Grant.model_validate(grant, update={"participation_id": participation_id})
        session.add(row)
        session.flush()
        return GrantRead.model_validate(row)


def update_grant(store: Store, grant_id: uuid.UUID, changes: GrantUpdate | dict) -> GrantRead:
    """Edit amount (whole kroner), share (1–100 %) or who the grant is shared with."""
    with store.transaction() as session:
        row = require(session, Grant, grant_id, _("Fant ikke tilskuddet."))
        apply_update(row, changes, GrantUpdate, GrantCreate)
        session.flush()
        return GrantRead.model_validate(row)


def delete_grant(store: Store, grant_id: uuid.UUID) -> None:
    with store.transaction() as session:
        session.delete(require(session, Grant, grant_id, _("Fant ikke tilskuddet.")))
