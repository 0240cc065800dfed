"""Vignettes (versioned cases), vignette sessions, responses, and their coding."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import field_validator
from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..enums import Area, RespondentKind, UnitKind
from .base import IdTimestamps, ReadFields

MAX_VIGNETTE_CHARS = 4000
MAX_ANSWER_CHARS = 5000


class VignetteBase(SQLModel):
    title: str = Field(min_length=2, max_length=200)
    target: Area = Field(sa_type=String(20), description="Kindergarten, school or both")
    builtin_key: str | None = Field(default=None, max_length=60)
    archived: bool = False


class Vignette(IdTimestamps, VignetteBase, table=True):
    __tablename__ = "vignette"


class VignetteRead(ReadFields, VignetteBase):
    pass


class VignetteContentBase(SQLModel):
    """What a version of a vignette holds besides its number (shared with VignetteCreate)."""

    text: str = Field(min_length=20, max_length=MAX_VIGNETTE_CHARS, sa_type=Text)
    follow_up_questions: list[str] = Field(default_factory=list, sa_type=JSON)
    setting: str | None = Field(default=None, max_length=200)
    themes: list[str] = Field(default_factory=list, sa_type=JSON)
    phase_minutes: list[int] = Field(default_factory=lambda: [5, 15, 15], sa_type=JSON)


def _tidy_lines(values: list[str] | None) -> list[str] | None:
    """Trimmed list entries without empty ones (follow-up questions, themes)."""
    return None if values is None else [v.strip() for v in values if v and v.strip()]


def _tidy_text(value: str | None) -> str | None:
    return None if value is None else value.strip()


def _tidy_optional(value: str | None) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else value


def _check_minutes(values: list[int] | None) -> list[int] | None:
    if values is not None and (len(values) != 3 or any(m < 0 or m > 120 for m in values)):
        raise ValueError("phase_minutes")
    return values


class VignetteCreate(VignetteContentBase):
    """A new vignette as the user writes it: title and target, plus the text of its first version."""

    title: str = Field(min_length=2, max_length=200)
    target: Area

    _text = field_validator("title", "text", mode="before")(lambda v: _tidy_text(v))
    _optional = field_validator("setting", mode="before")(lambda v: _tidy_optional(v))
    _lines = field_validator("follow_up_questions", "themes")(lambda v: _tidy_lines(v))
    _minutes = field_validator("phase_minutes")(lambda v: _check_minutes(v))


class VignetteUpdate(SQLModel):
    """Changes to a vignette (all optional, applied with exclude_unset). Text changes make a new
    version when a session has used the current one."""

    title: str | None = Field(default=None, min_length=2, max_length=200)
    target: Area | None = None
    archived: bool | None = None
    text: str | None = Field(default=None, min_length=20, max_length=MAX_VIGNETTE_CHARS)
    follow_up_questions: list[str] | None = None
    setting: str | None = Field(default=None, max_length=200)
    themes: list[str] | None = None
    phase_minutes: list[int] | None = None

    _text = field_validator("title", "text", mode="before")(lambda v: _tidy_text(v))
    _optional = field_validator("setting", mode="before")(lambda v: _tidy_optional(v))
    _lines = field_validator("follow_up_questions", "themes")(lambda v: _tidy_lines(v))
    _minutes = field_validator("phase_minutes")(lambda v: _check_minutes(v))


class VignetteVersionBase(VignetteContentBase):
    version: int = Field(ge=1)


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


class SessionGroup(SQLModel):
    """One group of a session as stored in ``VignetteSession.groups``: a name, a unit kind, a role mix."""

    name: str = Field(min_length=1, max_length=60)
    unit_kind: UnitKind | None = None
    roles: list[str] = Field(default_factory=list)

    _name = field_validator("name", mode="before")(lambda v: _tidy_text(v))
    _roles = field_validator("roles")(lambda v: _tidy_lines(v))


class VignetteSessionCreate(VignetteSessionBase):
    """A new session. Without a title the service names it after the vignette; without phase lengths
    it takes the version's suggestion."""

    title: str | None = Field(default=None, max_length=200)  # type: ignore[assignment]
    phase_minutes: list[int] | None = None  # type: ignore[assignment]
    groups: list[SessionGroup] = Field(default_factory=list)  # type: ignore[assignment]
    municipality_id: uuid.UUID
    vignette_version_id: uuid.UUID
    gathering_id: uuid.UUID | None = None
    network_id: uuid.UUID | None = None

    _title = field_validator("title", mode="before")(lambda v: _tidy_optional(v))
    _minutes = field_validator("phase_minutes")(lambda v: _check_minutes(v))


class VignetteSessionUpdate(SQLModel):
    title: str | None = Field(default=None, min_length=2, max_length=200)
    held_on: date | None = None
    anonymous: bool | None = None
    phase_minutes: list[int] | None = None
    groups: list[SessionGroup] | None = None
    gathering_id: uuid.UUID | None = None
    network_id: uuid.UUID | None = None

    _title = field_validator("title", mode="before")(lambda v: _tidy_text(v))
    _minutes = field_validator("phase_minutes")(lambda v: _check_minutes(v))


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
    text: str = Field(min_length=1, max_length=MAX_ANSWER_CHARS, sa_type=Text)
    word_count: int = Field(default=0, ge=0)


class Response(IdTimestamps, ResponseBase, table=True):
    __tablename__ = "response"
    session_id: uuid.UUID = Field(foreign_key="vignette_session.id", index=True, ondelete="CASCADE")
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id", index=True, ondelete="SET NULL")


class ResponseCreate(SQLModel):
    """An answer as captured. The text is checked by the service (empty, too long); the word count is
    computed; without a pseudonym the service suggests the next one ("Deltaker 12")."""

    respondent: str | None = Field(default=None, max_length=60)
    respondent_kind: RespondentKind = RespondentKind.PARTICIPANT
    unit_kind: UnitKind | None = None
    role: str | None = Field(default=None, max_length=60)
    unit_id: uuid.UUID | None = None
    text: str

    _optional = field_validator("respondent", "role", mode="before")(lambda v: _tidy_optional(v))


class ResponseUpdate(SQLModel):
    respondent: str | None = Field(default=None, min_length=1, max_length=60)
    respondent_kind: RespondentKind | None = None
    unit_kind: UnitKind | None = None
    role: str | None = Field(default=None, max_length=60)
    unit_id: uuid.UUID | None = None
    text: str | None = None

    _optional = field_validator("respondent", "role", mode="before")(lambda v: _tidy_optional(v))


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


class CodebookCreate(SQLModel):
    name: str = Field(min_length=2, max_length=120)

    _name = field_validator("name", mode="before")(lambda v: _tidy_text(v))


class CodeCreate(CodeBase):
    """A user-defined code: in an existing dimension of the codebook (it takes that dimension's
    single/multiple/numeric kind) or in a new one. Without a key the service derives one from the label."""

    key: str | None = Field(default=None, max_length=60)  # type: ignore[assignment]

    _text = field_validator("dimension", "label", mode="before")(lambda v: _tidy_text(v))
    _optional = field_validator("key", "shortcut", mode="before")(lambda v: _tidy_optional(v))


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
