"""Shared pieces of every table: UUID key, timestamps, the metadata naming convention."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic's batch mode can alter SQLite tables (Alembic docs).
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Aware UTC now; SQLModel stores timestamps in UTC and returns them aware."""
    return datetime.now(UTC)


class IdTimestamps(SQLModel):
    """UUID primary key (records merge across laptops), created/updated times, and a version number.

    `row_version` is SQLAlchemy's version counter (`version_id_col`): every UPDATE checks that the row still
    has the version it was read with and adds one, so two users who save the same row at the same moment
    on a shared server cannot overwrite each other unnoticed. Editors also send the version they showed
    (`apply_update`), which covers the time between opening a form and saving it."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})
    row_version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy passes the class
        return {"version_id_col": cls.__table__.c.row_version}


class ReadFields(SQLModel):
    """Fields every read model carries besides its Base."""

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    row_version: int = 1
