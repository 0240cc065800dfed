"""The development plan with its versions, and the money: grants, own financing, expenses."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..enums import ExpenseCategory, FundingSource, ParticipantRole
from .base import IdTimestamps, ReadFields


class PlanBase(SQLModel):
    title: str = Field(min_length=2, max_length=200)


class Plan(IdTimestamps, PlanBase, table=True):
    __tablename__ = "plan"
    participation_id: uuid.UUID = Field(foreign_key="participation.id", index=True, ondelete="CASCADE")


class PlanRead(ReadFields, PlanBase):
    participation_id: uuid.UUID


class PlanVersionBase(SQLModel):
    version: int = Field(ge=1)
    reason: str = Field(min_length=2, max_length=200, description="One line: why the plan changed")
    sections: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    goals: list[dict] = Field(default_factory=list, sa_type=JSON, description="Goals and measures per semester")


class PlanVersion(IdTimestamps, PlanVersionBase, table=True):
    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "version"),)
    plan_id: uuid.UUID = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")


class PlanVersionRead(ReadFields, PlanVersionBase):
    plan_id: uuid.UUID


class PlanVersionCreate(SQLModel):
    """What the user saves; the version number is given by the service."""

    reason: str = Field(min_length=2, max_length=200)
    sections: dict[str, str] = Field(default_factory=dict)
    goals: list[dict] = Field(default_factory=list)


class GrantBase(SQLModel):
    basis: ParticipantRole = Field(sa_type=String(30))
    amount_nok: int = Field(ge=0, le=100_000_000, description="Whole kroner")
    share_percent: int = Field(default=100, ge=1, le=100)
    shared_with: str | None = Field(default=None, max_length=300)


class Grant(IdTimestamps, GrantBase, table=True):
    __tablename__ = "grant"
    participation_id: uuid.UUID = Field(foreign_key="participation.id", index=True, ondelete="CASCADE")


class GrantRead(ReadFields, GrantBase):
    participation_id: uuid.UUID


class GrantCreate(GrantBase):
    pass


class GrantUpdate(SQLModel):
    basis: ParticipantRole | None = None
    amount_nok: int | None = Field(default=None, ge=0, le=100_000_000)
    share_percent: int | None = Field(default=None, ge=1, le=100)
    shared_with: str | None = Field(default=None, max_length=300)


class OwnFundingBase(SQLModel):
    semester: str = Field(min_length=5, max_length=5)
    amount_nok: int = Field(ge=0, le=100_000_000)
    description: str | None = Field(default=None, max_length=300)


class OwnFunding(IdTimestamps, OwnFundingBase, table=True):
    __tablename__ = "own_funding"
    participation_id: uuid.UUID = Field(foreign_key="participation.id", index=True, ondelete="CASCADE")


class OwnFundingRead(ReadFields, OwnFundingBase):
    participation_id: uuid.UUID


class OwnFundingCreate(OwnFundingBase):
    pass


class OwnFundingUpdate(SQLModel):
    semester: str | None = Field(default=None, min_length=5, max_length=5)
    amount_nok: int | None = Field(default=None, ge=0, le=100_000_000)
    description: str | None = Field(default=None, max_length=300)


class ExpenseBase(SQLModel):
    spent_on: date
    category: ExpenseCategory = Field(sa_type=String(30))
    amount_nok: int = Field(ge=0, le=100_000_000, description="Whole kroner")
    funded_by: FundingSource = Field(default=FundingSource.GRANT, sa_type=String(10))
    description: str | None = Field(default=None, max_length=300, sa_type=Text)


class Expense(IdTimestamps, ExpenseBase, table=True):
    __tablename__ = "expense"
    participation_id: uuid.UUID = Field(foreign_key="participation.id", index=True, ondelete="CASCADE")


class ExpenseRead(ReadFields, ExpenseBase):
    participation_id: uuid.UUID


class ExpenseCreate(ExpenseBase):
    pass


class ExpenseUpdate(SQLModel):
    spent_on: date | None = None
    category: ExpenseCategory | None = None
    amount_nok: int | None = Field(default=None, ge=0, le=100_000_000)
    funded_by: FundingSource | None = None
    description: str | None = Field(default=None, max_length=300)
