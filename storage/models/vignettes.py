"""Vignettes (versioned cases), vignette sessions, responses, and their coding."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..enums import Area, RespondentKind, UnitKind
from .base import IdTimestamps, ReadFields


class VignetteBase(SQLModel):
    title: str = Field(min_length=2, max_length=200)
    target: Area = Field(sa_type=String(20), description="Kindergarten, school or both")
    builtin_key: str | None = Field(default=None, max_length=60)
    archived: bool = False


class Vignette(IdTimestamps, VignetteBase, table=True):
    __tablename__ = "vignette"


class VignetteRead(ReadFields, VignetteBase):
    pass


class VignetteVersionBase(SQLModel):
    version: int = Field(ge=1)
    text: str = Field(min_length=20, max_length=4000, sa_type=Text)
    follow_up_questions: list[str] = Field(default_factory=list, sa_type=JSON)
    setting: str | None = Field(default=None, max_length=200)
    themes: list[str] = Field(default_factory=list, sa_type=JSON)
    phase_minutes: list[int] = Field(default_factory=lambda: [5, 15, 15], sa_type=JSON)


class VignetteVersion(IdTimestamps, VignetteVersionBase, table=True):
    """The text of a vignette as it stood; sessions point at a version, so old sessions keep theirs."""

    __tablename__ = "vignette_version"
    __table_args__ = (UniqueConstraint("vignette_id", "version"),)
    vignette_id: uuid.UUID = Field(foreign_key="vignette.id", index=True, ondelete="CASCADE")


class VignetteVersionRead(ReadFields, VignetteVersionBase):
    vignette_id: uuid.UUID


class VignetteSessionBase(SQLModel):
    title: str = Field(min_length=2, max_length=200)
    held_on: date
    anonymous: bool = False
    phase_minutes: list[int] = Field(default_factory=lambda: [5, 15, 15], sa_type=JSON)
    groups: list[dict] = Field(default_factory=list, sa_type=JSON,
                               description="Groups: name, unit kind, role mix")


class VignetteSession(IdTimestamps, VignetteSessionBase, table=True):
    __tablename__ = "vignette_session"
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")
    vignette_version_id: uuid.UUID = Field(foreign_key="vignette_version.id", index=True)
    gathering_id: uuid.UUID | None = Field(
        default=None, foreign_key="gathering.id", index=True, ondelete="SET NULL")
    network_id: uuid.UUID | None = Field(
        default=None, foreign_key="learning_network.id", index=True, ondelete="SET NULL")


class VignetteSessionRead(ReadFields, VignetteSessionBase):
    municipality_id: uuid.UUID
    vignette_version_id: uuid.UUID
    gathering_id: uuid.UUID | None
    network_id: uuid.UUID | None


class ResponseBase(SQLModel):
    respondent: str = Field(min_length=1, max_length=60, description="Pseudonym: Gruppe 3, Deltaker 12")
    respondent_kind: RespondentKind = Field(sa_type=String(20))
    unit_kind: UnitKind | None = Field(default=None, sa_type=String(20))
    role: str | None = Field(default=None, max_length=60)
    text: str = Field(min_length=1, max_length=5000, sa_type=Text)
    word_count: int = Field(default=0, ge=0)


class Response(IdTimestamps, ResponseBase, table=True):
    __tablename__ = "response"
    session_id: uuid.UUID = Field(foreign_key="vignette_session.id", index=True, ondelete="CASCADE")
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id", index=True, ondelete="SET NULL")


class ResponseRead(ReadFields, ResponseBase):
    session_id: uuid.UUID
    unit_id: uuid.UUID | None


class CodebookBase(SQLModel):
    name: str = Field(min_length=2, max_length=120)
    builtin: bool = False


class Codebook(IdTimestamps, CodebookBase, table=True):
    __tablename__ = "codebook"


class CodebookRead(ReadFields, CodebookBase):
    pass


class CodeBase(SQLModel):
    dimension: str = Field(min_length=1, max_length=60, description="e.g. responsibility, perspective")
    key: str = Field(min_length=1, max_length=60)
    label: str = Field(min_length=1, max_length=120)
    ordinal: int = 0
    multiple: bool = Field(default=False, description="More than one code of the dimension may apply")
    numeric: bool = Field(default=False, description="The coding carries a number (e.g. repertoire)")
    shortcut: str | None = Field(default=None, max_length=10)


class Code(IdTimestamps, CodeBase, table=True):
    __tablename__ = "code"
    __table_args__ = (UniqueConstraint("codebook_id", "dimension", "key"),)
    codebook_id: uuid.UUID = Field(foreign_key="codebook.id", index=True, ondelete="CASCADE")


class CodeRead(ReadFields, CodeBase):
    codebook_id: uuid.UUID


class CodingBase(SQLModel):
    coder: str = Field(min_length=1, max_length=60, description="Who coded: initials or role")
    value_number: int | None = Field(default=None, ge=0, le=1000)


class Coding(IdTimestamps, CodingBase, table=True):
    __tablename__ = "coding"
    __table_args__ = (UniqueConstraint("response_id", "code_id", "coder"),)
    response_id: uuid.UUID = Field(foreign_key="response.id", index=True, ondelete="CASCADE")
    code_id: uuid.UUID = Field(foreign_key="code.id", index=True)


class CodingRead(ReadFields, CodingBase):
    response_id: uuid.UUID
    code_id: uuid.UUID
