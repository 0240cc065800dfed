"""What is stored now for one row, field by field: shown beside the user's own values when a save
was refused because someone else changed the row in the meantime (optimistic concurrency)."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from ..errors import DomainError
from ..i18n import _
from ..store import Store
from ..validation import label_for

BOOKKEEPING = {"id", "created_at", "updated_at", "row_version"}


def stored_values(store: Store, table: str, row_id: uuid.UUID) -> tuple[int, dict]:
    """The row's version and its user-visible fields (name → value) as stored now."""
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401

    definition = SQLModel.metadata.tables.get(table)
    if definition is None or "id" not in definition.c:
        raise DomainError(_("Fant ikke opplysningene."))
    with store.reader() as session:
        row = session.connection().execute(select(definition).where(definition.c.id == row_id)).first()
    if row is None:
        raise DomainError(_("Opplysningene er slettet av en annen."))
    values = dict(row._mapping)
    return values.get("row_version", 1), {k: v for k, v in values.items() if k not in BOOKKEEPING}


def differences(mine: dict, stored: dict) -> list[tuple[str, object, object]]:
    """(label, my value, stored value) for each field the user's form holds that differs from the row."""
    out = []
    for field, value in mine.items():
        if field in BOOKKEEPING or field not in stored:
            continue
        theirs = stored[field]
        if _plain(value) != _plain(theirs):
            out.append((label_for(field), value, theirs))
    return out


def _plain(value):
    """Enums and their stored strings compare equal."""
    return getattr(value, "value", value)
