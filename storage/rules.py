"""The programme's rules as data (Udir's letter on the gathering-based offer)."""

from __future__ import annotations

from .enums import ParticipantRole

# Grant per role, whole kroner.
GRANT_NOK: dict[ParticipantRole, int] = {
    ParticipantRole.KINDERGARTEN_AUTHORITY: 260_000,
    ParticipantRole.SCHOOL_OWNER: 260_000,
    ParticipantRole.INDEPENDENT_SCHOOL: 100_000,
}

# Resource person: at least this share per area, or one person covering both at twice that.
MIN_POSITION_PERCENT_PER_AREA = 20


def roles_of(kindergarten_authority: bool, school_owner: bool, independent_school: bool) -> list[ParticipantRole]:
    roles = []
    if kindergarten_authority:
        roles.append(ParticipantRole.KINDERGARTEN_AUTHORITY)
    if school_owner:
        roles.append(ParticipantRole.SCHOOL_OWNER)
    if independent_school:
        roles.append(ParticipantRole.INDEPENDENT_SCHOOL)
    return roles


def proposed_grants(kindergarten_authority: bool, school_owner: bool,
                    independent_school: bool) -> list[tuple[ParticipantRole, int]]:
    """The grants the roles give: 260 000 per authority/owner role, 100 000 for an independent school."""
    return [(role, GRANT_NOK[role]) for role in roles_of(kindergarten_authority, school_owner, independent_school)]


def granted_amount(amount_nok: int, share_percent: int) -> int:
    """The municipality's part of a grant, whole kroner (rounded down). A grant total is the sum of
    these, never a sum of fractions."""
    return amount_nok * share_percent // 100
