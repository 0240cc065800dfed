"""The programme's rules as data (Udir's letter on the gathering-based offer)."""

from __future__ import annotations

from .enums import ParticipantRole, UnitKind

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


# Who leads a unit's staff meetings when the unit has no leader role of its own on record.
LEADER_ROLE_BY_KIND: dict[UnitKind, str] = {
    UnitKind.KINDERGARTEN: "Styrer",
    UnitKind.SCHOOL: "Rektor",
    UnitKind.COMBINED: "Rektor",
}


def leader_role_of(kind, leader_role: str | None) -> str | None:
    """The unit's leader role: the one on record, else the usual title for its kind (rektor for schools)."""
    if leader_role:
        return leader_role
    try:
        return LEADER_ROLE_BY_KIND.get(UnitKind(kind))
    except ValueError:
        return None
