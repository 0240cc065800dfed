"""What happens: gatherings with attendance, tasks between gatherings, and units' session logs."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import NaiveDatetime, model_validator
from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..enums import AttendeeRole, GatheringKind, GatheringLevel, GatheringStatus, LogSource, TaskStatus
from .base import IdTimestamps, ReadFields


class GatheringBase(SQLModel):
    title: str = Field(min_length=2, max_length=200)
    kind: GatheringKind = Field(sa_type=String(30))
    level: GatheringLevel = Field(sa_type=String(20))
    starts_at: NaiveDatetime = Field(description="Local time of the gathering")
    duration_minutes: int = Field(default=180, ge=5, le=24 * 60 * 3)
    place: str | None = Field(default=None, max_length=200)
    status: GatheringStatus = Field(default=GatheringStatus.PLANNED, sa_type=String(20))
    themes: list[str] = Field(default_factory=list, sa_type=JSON)
    agenda: str | None = Field(default=None, sa_type=Text)
    reflections: str | None = Field(default=None, sa_type=Text)
    decisions: str | None = Field(default=None, sa_type=Text)
    reflection_templates: list[str] = Field(default_factory=list, sa_type=JSON)


class Gathering(IdTimestamps, GatheringBase, table=True):
    __tablename__ = "gathering"
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")
    network_id: uuid.UUID | None = Field(
        default=None, foreign_key="learning_network.id", index=True, ondelete="SET NULL")


class GatheringRead(ReadFields, GatheringBase):
    municipality_id: uuid.UUID
    network_id: uuid.UUID | None


class GatheringCreate(GatheringBase):
    network_id: uuid.UUID | None = None


class GatheringUpdate(SQLModel):
    title: str | None = Field(default=None, min_length=2, max_length=200)
    kind: GatheringKind | None = None
    level: GatheringLevel | None = None
    starts_at: NaiveDatetime | None = None
    duration_minutes: int | None = Field(default=None, ge=5, le=24 * 60 * 3)
    place: str | None = Field(default=None, max_length=200)
    status: GatheringStatus | None = None
    themes: list[str] | None = None
    agenda: str | None = None
    reflections: str | None = None
    decisions: str | None = None
    reflection_templates: list[str] | None = None
    network_id: uuid.UUID | None = None


class AttendanceBase(SQLModel):
    role: AttendeeRole = Field(sa_type=String(30))
    count: int = Field(ge=0, le=10_000)


class Attendance(IdTimestamps, AttendanceBase, table=True):
    """How many people of one role came from one unit (or from the owner level: no unit)."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("gathering_id", "unit_id", "role"),)
    gathering_id: uuid.UUID = Field(foreign_key="gathering.id", index=True, ondelete="CASCADE")
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id", index=True, ondelete="CASCADE")


class AttendanceRead(ReadFields, AttendanceBase):
    gathering_id: uuid.UUID
    unit_id: uuid.UUID | None


class TaskBase(SQLModel):
    title: str = Field(min_length=2, max_length=200)
    description: str | None = Field(default=None, sa_type=Text)
    due_date: date | None = None
    status: TaskStatus = Field(default=TaskStatus.OPEN, sa_type=String(20))


class Task(IdTimestamps, TaskBase, table=True):
    """Oppgave til neste samling: for a network, a unit, or both."""

    __tablename__ = "task"
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")
    network_id: uuid.UUID | None = Field(
        default=None, foreign_key="learning_network.id", index=True, ondelete="CASCADE")
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id", index=True, ondelete="CASCADE")
    gathering_id: uuid.UUID | None = Field(
        default=None, foreign_key="gathering.id", index=True, ondelete="SET NULL")


class TaskRead(ReadFields, TaskBase):
    municipality_id: uuid.UUID
    network_id: uuid.UUID | None
    unit_id: uuid.UUID | None
    gathering_id: uuid.UUID | None


class TaskCreate(TaskBase):
    network_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None
    gathering_id: uuid.UUID | None = None


class TaskUpdate(SQLModel):
    title: str | None = Field(default=None, min_length=2, max_length=200)
    description: str | None = None
    due_date: date | None = None
    status: TaskStatus | None = None
    network_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None
    gathering_id: uuid.UUID | None = None


class SessionLogBase(SQLModel):
    held_on: date
    duration_minutes: int = Field(default=60, ge=5, le=600)
    staff_present: int = Field(ge=0, le=1000)
    staff_total: int = Field(ge=1, le=1000)
    led_by: str | None = Field(default=None, max_length=60, description="Role of who led the session")
    theme: str = Field(min_length=2, max_length=200)
    method: str | None = Field(default=None, max_length=200)
    what_done: str | None = Field(default=None, max_length=4000, sa_type=Text)
    reflections: str | None = Field(default=None, max_length=4000, sa_type=Text)
    next_steps: str | None = Field(default=None, max_length=4000, sa_type=Text)
    children_involved: bool = False
    parents_involved: bool = False
    source: LogSource = Field(default=LogSource.APP, sa_type=String(10))

    @model_validator(mode="after")
    def _present_within_total(self):
        if self.staff_present > self.staff_total:
            raise ValueError("staff_present_above_total")
        return self


class SessionLog(IdTimestamps, SessionLogBase, table=True):
    """Øktlogg: one development session a unit held on its own (staff meeting, reflection group)."""

    __tablename__ = "session_log"
    unit_id: uuid.UUID = Field(foreign_key="unit.id", index=True, ondelete="CASCADE")


class SessionLogRead(ReadFields, SessionLogBase):
    unit_id: uuid.UUID
