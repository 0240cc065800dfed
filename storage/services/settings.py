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


#: The county governor's e-mail address that report drafts are addressed to.
COUNTY_GOVERNOR_EMAIL_KEY = "county_governor_email"


def county_governor_email(store: Store) -> str:
    return read_setting(store, COUNTY_GOVERNOR_EMAIL_KEY, "") or ""


def set_county_governor_email(store: Store, email: str) -> str:
    """Store the recipient of report drafts; an empty value clears it. A malformed address is refused."""
    from ..errors import DomainError
    from ..i18n import _
    from .units import _EMAIL

    email = (email or "").strip()
    if email and not _EMAIL.match(email):
        raise DomainError(_("«{value}» ser ikke ut som en e-postadresse.").format(value=email), field="email")
    write_setting(store, COUNTY_GOVERNOR_EMAIL_KEY, email)
    return email
