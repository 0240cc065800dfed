"""Settings (key/value, including the database's identity), report drafts and archived report snapshots."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, LargeBinary, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..enums import ReportKind
from .base import IdTimestamps, ReadFields, utcnow

DATABASE_ID_KEY = "database_id"
CURRENT_MUNICIPALITY_KEY = "current_municipality_id"


class Setting(SQLModel, table=True):
    """One named value. `database_id` identifies this database in templates that go out and back."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(sa_type=Text)
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})


class ReportDraft(IdTimestamps, table=True):
    """The resource person's own texts for one report (kind and semester, or the whole period when
    `scope` is empty) while they are written: the Rapporter page and `nettverkslogg report` share it."""

    __tablename__ = "report_draft"
    __table_args__ = (UniqueConstraint("municipality_id", "kind", "scope"),)
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")
    kind: ReportKind = Field(sa_type=String(20))
    scope: str = Field(default="", max_length=5)  # a semester (2026V), or "" for the whole period
    texts: dict[str, str] = Field(default_factory=dict, sa_type=JSON)


class ReportSnapshotBase(SQLModel):
    kind: ReportKind = Field(sa_type=String(20))
    semester: str | None = Field(default=None, max_length=5)
    texts: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    figures: dict = Field(default_factory=dict, sa_type=JSON)
    recipient: str | None = Field(default=None, max_length=200)
    sent_at: datetime | None = None


class ReportSnapshot(IdTimestamps, ReportSnapshotBase, table=True):
    """A report as it was saved or sent, with its texts and the figures it was built from."""

    __tablename__ = "report_snapshot"
    municipality_id: uuid.UUID = Field(foreign_key="municipality.id", index=True, ondelete="CASCADE")


class ReportSnapshotRead(ReadFields, ReportSnapshotBase):
    municipality_id: uuid.UUID


class ReportFile(IdTimestamps, table=True):
    """A file of a snapshot, byte for byte, so an archived report opens exactly as it was sent."""

    __tablename__ = "report_file"
    snapshot_id: uuid.UUID = Field(foreign_key="report_snapshot.id", index=True, ondelete="CASCADE")
    filename: str = Field(max_length=200)
    media_type: str = Field(max_length=100)
    sha256: str = Field(min_length=64, max_length=64)
    content: bytes = Field(sa_type=LargeBinary)
