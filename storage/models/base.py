"""Shared pieces of every table: UUID key, timestamps, the metadata naming convention."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

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
    """UUID primary key (records merge across laptops) and created/updated times."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})


class ReadFields(SQLModel):
    """Fields every read model carries besides its Base."""

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime
