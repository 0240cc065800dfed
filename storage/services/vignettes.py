"""The vignette library: list, create, edit, duplicate and archive vignettes.

A vignette's text lives in numbered versions. Sessions point at a version, so editing a vignette that
a session has used makes a NEW version and the old session keeps the text it used. Editing a vignette
no session has used changes its latest version in place. Title, target and archiving belong to the
vignette itself and never make a version.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from ..enums import Area
from ..errors import DomainError
from ..i18n import _
from ..models.base import utcnow
from ..models.vignettes import (
    Vignette,
    VignetteContentBase,
    VignetteCreate,
    VignetteRead,
    VignetteSession,
    VignetteUpdate,
    VignetteVersion,
    VignetteVersionRead,
)
from ..store import Store
from ..validation import validated
from .common import require

#: Fields that belong to a version (text and what goes with it); the rest belong to the vignette.
CONTENT_FIELDS: tuple[str, ...] = tuple(VignetteContentBase.model_fields)
VIGNETTE_FIELDS: tuple[str, ...] = ("title", "target", "archived")


@dataclass(frozen=True)
class VignetteItem:
    """A vignette with its latest version, how many versions it has and how many sessions used it."""

    vignette: VignetteRead
    latest: VignetteVersionRead
    versions: int
    sessions: int

    @property
    def id(self) -> uuid.UUID:
        return self.vignette.id

    @property
    def builtin(self) -> bool:
        return self.vignette.builtin_key is not None


@dataclass(frozen=True)
class EditResult:
    item: VignetteItem
    new_version: bool  # True: the edit made a new version (a session had used the old one)


def _not_found() -> str:
    return _("Fant ikke vignetten.")


def _latest(session: Session, vignette_id: uuid.UUID) -> VignetteVersion:
    row = session.exec(select(VignetteVersion).where(VignetteVersion.vignette_id == vignette_id)
                       .order_by(VignetteVersion.version.desc())).first()
    if row is None:  # every vignette is created with a version; this is a broken database
        raise DomainError(_("Vignetten har ingen tekst lagret."))
    return row


def _item(session: Session, vignette: Vignette) -> VignetteItem:
    latest = _latest(session, vignette.id)
    versions = session.exec(select(func.count()).select_from(VignetteVersion)
                            .where(VignetteVersion.vignette_id == vignette.id)).one()
    return VignetteItem(VignetteRead.model_validate(vignette), VignetteVersionRead.model_validate(latest),
                        versions, _session_count(session, [vignette.id]).get(vignette.id, 0))


def _session_count(session: Session, vignette_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    ids = list(vignette_ids)
    if not ids:
        return {}
    rows = session.exec(select(VignetteVersion.vignette_id, func.count(VignetteSession.id))
                        .join(VignetteSession, VignetteSession.vignette_version_id == VignetteVersion.id)
                        .where(VignetteVersion.vignette_id.in_(ids))  # type: ignore[attr-defined]
                        .group_by(VignetteVersion.vignette_id)).all()
    return dict(rows)


def _matches(item: VignetteItem, needle: str) -> bool:
    """Case-insensitive search in title, text, setting, themes and follow-up questions (Python's
    casefold handles æøå, which SQL lower() does not on every database)."""
    v = item.latest
    haystack = " ".join([item.vignette.title, v.text, v.setting or "", *v.themes, *v.follow_up_questions])
    return needle in haystack.casefold()


def list_vignettes(store: Store, *, target: Area | str | None = None, search: str | None = None,
                   include_archived: bool = False) -> list[VignetteItem]:
    """The library by title. `target` kindergarten/school also lists vignettes meant for both."""
    query = select(Vignette)
    if not include_archived:
        query = query.where(Vignette.archived == False)  # noqa: E712
    if target is not None:
        target = Area(target)
        wanted = [Area.KINDERGARTEN, Area.SCHOOL, Area.BOTH] if target == Area.BOTH else [target, Area.BOTH]
        query = query.where(Vignette.target.in_([t.value for t in wanted]))  # type: ignore[attr-defined]
    with store.reader() as session:
        vignettes = session.exec(query.order_by(Vignette.title)).all()
        ids = [v.id for v in vignettes]
        latest: dict[uuid.UUID, VignetteVersion] = {}
        counts: dict[uuid.UUID, int] = {}
        if ids:
            for row in session.exec(select(VignetteVersion).where(
                    VignetteVersion.vignette_id.in_(ids))).all():  # type: ignore[attr-defined]
                counts[row.vignette_id] = counts.get(row.vignette_id, 0) + 1
                if row.vignette_id not in latest or row.version > latest[row.vignette_id].version:
                    latest[row.vignette_id] = row
        used = _session_count(session, ids)
        items = [VignetteItem(VignetteRead.model_validate(v), VignetteVersionRead.model_validate(latest[v.id]),
                              counts[v.id], used.get(v.id, 0)) for v in vignettes if v.id in latest]
    needle = (search or "").strip().casefold()
    return [i for i in items if _matches(i, needle)] if needle else items


def get_vignette(store: Store, vignette_id: uuid.UUID) -> VignetteItem:
    with store.reader() as session:
        return _item(session, require(session, Vignette, vignette_id, _not_found()))


def vignette_versions(store: Store, vignette_id: uuid.UUID) -> list[VignetteVersionRead]:
    """Every version of a vignette, newest first."""
    with store.reader() as session:
        require(session, Vignette, vignette_id, _not_found())
        rows = session.exec(select(VignetteVersion).where(VignetteVersion.vignette_id == vignette_id)
                            .order_by(VignetteVersion.version.desc())).all()
        return [VignetteVersionRead.model_validate(r) for r in rows]


def get_version(store: Store, version_id: uuid.UUID) -> VignetteVersionRead:
    with store.reader() as session:
        return VignetteVersionRead.model_validate(
            require(session, VignetteVersion, version_id, _("Fant ikke vignettversjonen.")))


def create_vignette(store: Store, data: VignetteCreate | dict) -> VignetteItem:
    """A new vignette (never built-in) with its first version."""
    data = validated(VignetteCreate, data)
    with store.transaction() as session:
        row = Vignette(title=data.title, target=data.target)
        session.add(row)
        session.flush()  # no ORM relationships: the parent must exist before its version
        session.add(VignetteVersion(vignette_id=row.id, version=1,
                                    **data.model_dump(include=set(CONTENT_FIELDS))))
        session.flush()
        return _item(session, row)


def _version_used(session: Session, version_id: uuid.UUID) -> bool:
    return session.exec(select(func.count()).select_from(VignetteSession)
                        .where(VignetteSession.vignette_version_id == version_id)).one() > 0


def update_vignette(store: Store, vignette_id: uuid.UUID, changes: VignetteUpdate | dict) -> EditResult:
    """Apply the fields the caller set. A changed text (or follow-up questions, setting, themes, phase
    lengths) makes a new version if a session used the latest one; otherwise the latest is edited."""
    data = validated(VignetteUpdate, changes).model_dump(exclude_unset=True)
    with store.transaction() as session:
        row = require(session, Vignette, vignette_id, _not_found())
        latest = _latest(session, vignette_id)
        current = {name: getattr(row, name) for name in VIGNETTE_FIELDS}
        current |= {name: getattr(latest, name) for name in CONTENT_FIELDS}
        merged = validated(VignetteCreate, current | {k: v for k, v in data.items() if k != "archived"})
        vignette_changes = {name: getattr(merged, name) for name in ("title", "target")
                            if getattr(row, name) != getattr(merged, name)}
        if "archived" in data and data["archived"] is not None and data["archived"] != row.archived:
            vignette_changes["archived"] = data["archived"]
        content = merged.model_dump(include=set(CONTENT_FIELDS))
        content_changes = {name: value for name, value in content.items() if getattr(latest, name) != value}
        new_version = False
        if content_changes:
            if _version_used(session, latest.id):
                session.add(VignetteVersion(vignette_id=row.id, version=latest.version + 1, **content))
                new_version = True
            else:
                latest.sqlmodel_update(content_changes)
                latest.updated_at = utcnow()
        if vignette_changes or content_changes:
            row.sqlmodel_update(vignette_changes)
            row.updated_at = utcnow()
        session.flush()
        return EditResult(_item(session, row), new_version)


def duplicate_vignette(store: Store, vignette_id: uuid.UUID, title: str | None = None) -> VignetteItem:
    """A user's own copy of a vignette (its latest text as version 1), e.g. to adapt a built-in one."""
    with store.reader() as session:
        source = require(session, Vignette, vignette_id, _not_found())
        latest = _latest(session, vignette_id)
        data = {"title": title or _("Kopi av {title}").format(title=source.title)[:200],
                "target": source.target, **{name: getattr(latest, name) for name in CONTENT_FIELDS}}
    return create_vignette(store, data)


def archive_vignette(store: Store, vignette_id: uuid.UUID, archived: bool = True) -> VignetteItem:
    """Archive (or bring back) a vignette: it leaves the library list, its sessions keep their text."""
    return update_vignette(store, vignette_id, {"archived": archived}).item
