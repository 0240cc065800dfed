"""Who takes part: municipality, participation, resource persons, units and learning networks."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import computed_field, field_validator, model_validator
from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..enums import Area, NetworkTarget, Ownership, Stages, UnitKind
from ..semesters import semesters_between
from .base import IdTimestamps, ReadFields

DEFAULT_OFFER = "Inkluderende barnehage- og skolemiljø – samlingsbasert tilbud"


def _municipality_number(value: str | None) -> str | None:
    """Kommunenummer: exactly four digits."""
    if value is not None and not (len(value) == 4 and value.isdigit()):
        raise ValueError("municipality_number")
    return value


# --- Municipality -------------------------------------------------------------------------------

class MunicipalityBase(SQLModel):
    name: str = Field(min_length=2, max_length=100)
    number: str = Field(min_length=4, max_length=4, description="Kommunenummer, four digits")
    county: str = Field(min_length=2, max_length=100)
    inhabitants: int | None = Field(default=None, ge=0, le=2_000_000)

    _four_digits = field_validator("number")(lambda value: _municipality_number(value))


class Municipality(IdTimestamps, MunicipalityBase, table=True):
    __tablename__ = "municipality"
    __table_args__ = (UniqueConstraint("number"),)


class MunicipalityCreate(MunicipalityBase):
    pass


class MunicipalityUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=2, max_length=100)
    number: str | None = Field(default=None, min_length=4, max_length=4)
    county: str | None = Field(default=None, min_length=2, max_length=100)
    inhabitants: int | None = Field(default=None, ge=0, le=2_000_000)

    _four_digits = field_validator("number")(lambda value: _municipality_number(value))


class MunicipalityRead(ReadFields, MunicipalityBase):
    pass


# --- Participation ------------------------------------------------------------------------------

class ParticipationBase(SQLModel):
    offer: str = Field(default=DEFAULT_OFFER, max_length=200)
    cohort: int = Field(ge=1, le=99, description="Pulje")
    kindergarten_authority: bool = False
    school_owner: bool = False
    independent_school: bool = False
    period_start: date
    period_end: date

    @model_validator(mode="after")
    def _check_period_and_roles(self):
        if self.period_end < self.period_start:
            raise ValueError("period_end_before_start")
        if not (self.kindergarten_authority or self.school_owner or self.independent_school):
            raise ValueError("no_role")
        return self


class Participation(IdTimestamps, ParticipationBase, table=True):
    __tablename__ = "participation"
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")


class ParticipationCreate(ParticipationBase):
    pass


class ParticipationUpdate(SQLModel):
    """Changes to a participation; the merged result is validated again as a ParticipationCreate."""

    offer: str | None = Field(default=None, max_length=200)
    cohort: int | None = Field(default=None, ge=1, le=99)
    kindergarten_authority: bool | None = None
    school_owner: bool | None = None
    independent_school: bool | None = None
    period_start: date | None = None
    period_end: date | None = None


class ParticipationRead(ReadFields, ParticipationBase):
    municipality_id: uuid.UUID

    @computed_field
    @property
    def semesters(self) -> list[str]:
        """The semesters of the period, derived from its dates."""
        return semesters_between(self.period_start, self.period_end)


# --- Resource persons ---------------------------------------------------------------------------

class ResourcePersonBase(SQLModel):
    name: str = Field(min_length=2, max_length=100)
    email: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=30)


class ResourcePerson(IdTimestamps, ResourcePersonBase, table=True):
    __tablename__ = "resource_person"


class ResourcePersonRead(ReadFields, ResourcePersonBase):
    pass


class ResourcePersonCreate(ResourcePersonBase):
    pass


class ResourcePersonUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=2, max_length=100)
    email: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=30)


class ResourceAssignmentBase(SQLModel):
    area: Area = Field(sa_type=String(20))
    position_percent: int = Field(ge=1, le=100)
    start: date
    end: date

    @model_validator(mode="after")
    def _check_dates(self):
        if self.end < self.start:
            raise ValueError("end_before_start")
        return self


class ResourceAssignment(IdTimestamps, ResourceAssignmentBase, table=True):
    """A resource person's position in one municipality for one area and period."""

    __tablename__ = "resource_assignment"
    resource_person_id: uuid.UUID = Field(foreign_key="resource_person.id", index=True, ondelete="CASCADE")
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")


class ResourceAssignmentRead(ReadFields, ResourceAssignmentBase):
    resource_person_id: uuid.UUID
    municipality_id: uuid.UUID


class ResourceAssignmentCreate(ResourceAssignmentBase):
    pass


class ResourceAssignmentUpdate(SQLModel):
    """Changes to an assignment; the merged result is validated again as a ResourceAssignmentCreate."""

    area: Area | None = None
    position_percent: int | None = Field(default=None, ge=1, le=100)
    start: date | None = None
    end: date | None = None


# --- Units --------------------------------------------------------------------------------------

class UnitBase(SQLModel):
    name: str = Field(min_length=2, max_length=120)
    kind: UnitKind = Field(sa_type=String(20))
    ownership: Ownership = Field(default=Ownership.PUBLIC, sa_type=String(10))
    stages: Stages | None = Field(default=None, sa_type=String(10))
    staff_count: int = Field(default=0, ge=0, le=1000)
    leader_role: str | None = Field(default=None, max_length=60)
    leader_email: str | None = Field(default=None, max_length=200)
    archived: bool = False


class Unit(IdTimestamps, UnitBase, table=True):
    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("municipality_id", "name"),)
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")


class UnitCreate(UnitBase):
    pass


class UnitUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=2, max_length=120)
    kind: UnitKind | None = None
    ownership: Ownership | None = None
    stages: Stages | None = None
    staff_count: int | None = Field(default=None, ge=0, le=1000)
    leader_role: str | None = Field(default=None, max_length=60)
    leader_email: str | None = Field(default=None, max_length=200)
    archived: bool | None = None


class UnitRead(ReadFields, UnitBase):
    municipality_id: uuid.UUID


# --- Learning networks --------------------------------------------------------------------------

class LearningNetworkBase(SQLModel):
    name: str = Field(min_length=2, max_length=120)
    target: NetworkTarget = Field(sa_type=String(20))
    leader: str | None = Field(default=None, max_length=120, description="Role or name of the leader")
    description: str | None = Field(default=None, max_length=2000)
    archived: bool = False


class LearningNetwork(IdTimestamps, LearningNetworkBase, table=True):
    __tablename__ = "learning_network"
    __table_args__ = (UniqueConstraint("municipality_id", "name"),)
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")


class LearningNetworkRead(ReadFields, LearningNetworkBase):
    municipality_id: uuid.UUID


class LearningNetworkCreate(LearningNetworkBase):
    pass


class LearningNetworkUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=2, max_length=120)
    target: NetworkTarget | None = None
    leader: str | None = Field(default=None, max_length=120)
    description: str | None = Field(default=None, max_length=2000)
    archived: bool | None = None


class NetworkMember(SQLModel, table=True):
    """A unit's membership of a learning network."""

    __tablename__ = "network_member"
    network_id: uuid.UUID = Field(foreign_key="learning_network.id", primary_key=True, ondelete="CASCADE")
    unit_id: uuid.UUID = Field(foreign_key="unit.id", primary_key=True, index=True, ondelete="CASCADE")


class NetworkFocus(IdTimestamps, table=True):
    """What a network concentrates on in one semester."""

    __tablename__ = "network_focus"
    __table_args__ = (UniqueConstraint("network_id", "semester"),)
    network_id: uuid.UUID = Field(foreign_key="learning_network.id", index=True, ondelete="CASCADE")
    semester: str = Field(max_length=5)
    focus: str = Field(max_length=2000)
