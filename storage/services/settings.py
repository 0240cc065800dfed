"""Named settings stored in the database (everything a user enters goes to the database)."""

from __future__ import annotations

from sqlmodel import Session

from ..models import DATABASE_ID_KEY, Setting, utcnow
from ..store import Store


def get_setting(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else default


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        row.updated_at = utcnow()


def read_setting(store: Store, key: str, default: str | None = None) -> str | None:
    with store.reader() as session:
        return get_setting(session, key, default)


def write_setting(store: Store, key: str, value: str) -> None:
    with store.transaction() as session:
        put_setting(session, key, value)


def database_id(store: Store) -> str | None:
    return read_setting(store, DATABASE_ID_KEY)
