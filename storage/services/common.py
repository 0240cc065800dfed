"""Helpers the services share: fetch a row or fail in Norwegian, apply an XUpdate, period checks, dates."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlmodel import Session, SQLModel, select

from ..errors import ConcurrentEditError, DomainError
from ..formatting import format_date
from ..i18n import _
from ..models import Participation, utcnow
from ..validation import validated

T = TypeVar("T", bound=SQLModel)

LOCAL_TZ = ZoneInfo("Europe/Oslo")


def require(session: Session, model: type[T], row_id: uuid.UUID, message: str) -> T:
    """The row with `row_id`, or a DomainError with `message` (Norwegian: «Fant ikke enheten.»)."""
    row = session.get(model, row_id) if row_id is not None else None
    if row is None:
        raise DomainError(message)
    return row


def apply_update(row: SQLModel, changes: BaseModel | dict, update_model: type[BaseModel],
                 create_model: type[BaseModel]) -> dict[str, Any]:
    """Apply the fields the caller set (`exclude_unset`) to `row`, after validating the merged result.

    The merged record is validated as `create_model`, so cross-field rules (end before start) and
    required fields hold after the update too. Returns the fields that were changed.

    `changes` may carry `row_version`: the version the user's form showed. If the row has changed
    since, nothing is applied and ConcurrentEditError says so (optimistic concurrency)."""
    check_row_version(row, changes)
    data = validated(update_model, changes).model_dump(exclude_unset=True)
    merged = {name: getattr(row, name) for name in create_model.model_fields if hasattr(row, name)}
    checked = validated(create_model, merged | data)
    values = {name: getattr(checked, name) for name in data}
    changed = {name: value for name, value in values.items() if getattr(row, name) != value}
    if changed:
        row.sqlmodel_update(changed)
        row.updated_at = utcnow()
    return changed


def check_row_version(row: SQLModel, changes: BaseModel | dict) -> None:
    """Refuse the change when the row is no longer the version the user started from."""
    seen = changes.get("row_version") if isinstance(changes, dict) else getattr(changes, "row_version", None)
    if seen is None or getattr(row, "row_version", seen) == seen:
        return
    label = getattr(row, "name", None) or getattr(row, "title", None)
    message = (_("«{name}» er endret av en annen siden du åpnet den. Ingenting er lagret.").format(name=label)
               if label else _("Dette er endret av en annen siden du åpnet det. Ingenting er lagret."))
    raise ConcurrentEditError(message, table=row.__tablename__, row_id=getattr(row, "id", None))


def participation_row(session: Session, municipality_id: uuid.UUID) -> Participation:
    """The municipality's participation (the newest), or a Norwegian error."""
    row = session.exec(select(Participation).where(Participation.municipality_id == municipality_id)
                       .order_by(Participation.period_start.desc())).first()
    if row is None:
        raise DomainError(_("Kommunen har ingen deltakelse registrert."))
    return row


def check_in_period(day: date, part: Participation, *, field: str, what: str) -> None:
    """Refuse a date outside the participation period, naming the field (`what` is a Norwegian noun)."""
    if not part.period_start <= day <= part.period_end:
        raise DomainError(_("{what} {day} er utenfor perioden {start}–{end}.").format(
            what=what, day=format_date(day), start=format_date(part.period_start),
            end=format_date(part.period_end)), field=field)


def local_date(moment: datetime) -> date:
    """The local (Norwegian) calendar date of a stored UTC timestamp."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ).date()


def clean_text(value: str | None) -> str | None:
    """Trimmed text, or None when nothing is left."""
    if value is None:
        return None
    value = value.strip()
    return value or None
