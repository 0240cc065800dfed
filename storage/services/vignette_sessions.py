"""Vignette sessions and the answers captured in them.

A session shows one version of a vignette at a gathering or in a network, with groups (name, unit
kind, role mix), phase lengths and an anonymous mode. Answers are captured per group or per participant
under a pseudonym ("Gruppe 3", "Deltaker 12") with unit kind and role; in anonymous mode no unit is
stored. The word count is computed. An empty answer, or one over the length limit, is refused with a
Norwegian message and nothing is stored. Answers that seem to hold a personal identifier are stored,
but come back with warnings (storage.privacy).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, select

from ..content import word_count
from ..enums import RespondentKind
from ..errors import DomainError
from ..formatting import format_date, format_number
from ..i18n import _
from ..models import Gathering, LearningNetwork, Municipality, Unit
from ..models.base import utcnow
from ..models.vignettes import (
    MAX_ANSWER_CHARS,
    Coding,
    Response,
    ResponseCreate,
    ResponseRead,
    ResponseUpdate,
    SessionGroup,
    Vignette,
    VignetteRead,
    VignetteSession,
    VignetteSessionCreate,
    VignetteSessionRead,
    VignetteSessionUpdate,
    VignetteVersion,
    VignetteVersionRead,
)
from ..privacy import personal_identifier_warnings
from ..store import Store
from ..validation import label_for, validated
from .common import require

PSEUDONYM_PREFIX = {RespondentKind.GROUP: "Gruppe", RespondentKind.PARTICIPANT: "Deltaker"}
_NUMBERED = re.compile(r"^(.*?)\s*(\d+)$")


@dataclass(frozen=True)
class SessionDetail:
    """A session with the vignette text it used and how many answers it holds."""

    session: VignetteSessionRead
    vignette: VignetteRead
    version: VignetteVersionRead
    responses: int
    coded: int

    @property
    def groups(self) -> list[SessionGroup]:
        return [SessionGroup.model_validate(g) for g in self.session.groups]


@dataclass(frozen=True)
class CaptureResult:
    """The stored answer, and warnings (Norwegian) when it seems to hold a personal identifier."""

    response: ResponseRead
    warnings: list[str]


def _session_not_found() -> str:
    return _("Fant ikke vignettøkta.")


def _as_dict(data: BaseModel | dict) -> dict:
    return data.model_dump(exclude_unset=True) if isinstance(data, BaseModel) else dict(data)


# --- sessions -------------------------------------------------------------------------------------

def _check_links(session: Session, municipality_id: uuid.UUID, gathering_id: uuid.UUID | None,
                 network_id: uuid.UUID | None) -> None:
    """The gathering and the network must belong to the session's municipality."""
    if gathering_id is not None:
        row = require(session, Gathering, gathering_id, _("Fant ikke samlingen."))
        if row.municipality_id != municipality_id:
            raise DomainError(_("Samlingen hører til en annen kommune."), field="gathering_id")
    if network_id is not None:
        row = require(session, LearningNetwork, network_id, _("Fant ikke nettverket."))
        if row.municipality_id != municipality_id:
            raise DomainError(_("Nettverket hører til en annen kommune."), field="network_id")


def _check_groups(groups: list[SessionGroup]) -> list[dict]:
    seen: dict[str, str] = {}
    for group in groups:
        key = " ".join(group.name.split()).casefold()
        if key in seen:
            raise DomainError(_("To grupper heter «{name}». Gi gruppene ulike navn.").format(name=seen[key]),
                              field="groups")
        seen[key] = group.name
    return [g.model_dump(mode="json") for g in groups]


def create_session(store: Store, data: VignetteSessionCreate | dict) -> SessionDetail:
    """A new session on one vignette version. Without a title it is named after the vignette and the
    date; without phase lengths it takes the version's suggestion."""
    data = validated(VignetteSessionCreate, data)
    with store.transaction() as session:
        require(session, Municipality, data.municipality_id, _("Fant ikke kommunen."))
        version = require(session, VignetteVersion, data.vignette_version_id, _("Fant ikke vignettversjonen."))
        vignette = require(session, Vignette, version.vignette_id, _("Fant ikke vignetten."))
        _check_links(session, data.municipality_id, data.gathering_id, data.network_id)
        title = data.title or _("{title} – {day}").format(title=vignette.title, day=format_date(data.held_on))
        row = VignetteSession(
            municipality_id=data.municipality_id, vignette_version_id=version.id,
            gathering_id=data.gathering_id, network_id=data.network_id, title=title[:200], held_on=data.held_on,
            anonymous=data.anonymous, phase_minutes=list(data.phase_minutes or version.phase_minutes),
            groups=_check_groups(data.groups))
        session.add(row)
        session.flush()
        return _detail(session, row)


def update_session(store: Store, session_id: uuid.UUID, changes: VignetteSessionUpdate | dict) -> SessionDetail:
    """Change title, date, phases, groups or links. Turning anonymous mode on removes the units of
    the answers already captured; the vignette version of a session never changes."""
    data = validated(VignetteSessionUpdate, changes).model_dump(exclude_unset=True)
    with store.transaction() as session:
        row = require(session, VignetteSession, session_id, _session_not_found())
        for name in ("title", "held_on", "anonymous", "phase_minutes"):
            if data.get(name) is None:
                data.pop(name, None)
        if "groups" in data:
            data["groups"] = _check_groups([SessionGroup.model_validate(g) for g in data["groups"] or []])
        _check_links(session, row.municipality_id, data.get("gathering_id", row.gathering_id),
                     data.get("network_id", row.network_id))
        row.sqlmodel_update(data)
        row.updated_at = utcnow()
        if data.get("anonymous"):
            for response in session.exec(select(Response).where(Response.session_id == session_id,
                                                                Response.unit_id.is_not(None))).all():  # type: ignore[union-attr]
                response.unit_id = None
        session.flush()
        return _detail(session, row)


def delete_session(store: Store, session_id: uuid.UUID) -> None:
    """Delete a session with its answers and their coding."""
    with store.transaction() as session:
        row = require(session, VignetteSession, session_id, _session_not_found())
        response_ids = select(Response.id).where(Response.session_id == session_id)
        for coding in session.exec(select(Coding).where(Coding.response_id.in_(response_ids))).all():  # type: ignore[attr-defined]
            session.delete(coding)
        for response in session.exec(select(Response).where(Response.session_id == session_id)).all():
            session.delete(response)
        session.flush()
        session.delete(row)


def _detail(session: Session, row: VignetteSession) -> SessionDetail:
    version = session.get(VignetteVersion, row.vignette_version_id)
    vignette = session.get(Vignette, version.vignette_id)
    responses = session.exec(select(func.count()).select_from(Response)
                             .where(Response.session_id == row.id)).one()
    coded = session.exec(select(func.count(func.distinct(Coding.response_id)))
                         .join(Response, Response.id == Coding.response_id)
                         .where(Response.session_id == row.id)).one()
    return SessionDetail(VignetteSessionRead.model_validate(row), VignetteRead.model_validate(vignette),
                         VignetteVersionRead.model_validate(version), responses, coded)


def get_session(store: Store, session_id: uuid.UUID) -> SessionDetail:
    with store.reader() as session:
        return _detail(session, require(session, VignetteSession, session_id, _session_not_found()))


def list_sessions(store: Store, municipality_id: uuid.UUID, *,
                  vignette_id: uuid.UUID | None = None) -> list[SessionDetail]:
    """The municipality's sessions, newest first; `vignette_id` keeps those on one vignette."""
    query = select(VignetteSession).where(VignetteSession.municipality_id == municipality_id)
    if vignette_id is not None:
        query = query.join(VignetteVersion, VignetteVersion.id == VignetteSession.vignette_version_id) \
            .where(VignetteVersion.vignette_id == vignette_id)
    with store.reader() as session:
        rows = session.exec(query.order_by(VignetteSession.held_on.desc(), VignetteSession.title)).all()
        return [_detail(session, r) for r in rows]


# --- answers --------------------------------------------------------------------------------------

def check_answer_text(text: str | None) -> str:
    """The answer trimmed, or a Norwegian error when it is empty or longer than the limit."""
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Svaret er tomt. Skriv inn svaret før du lagrer."), field="text")
    if len(text) > MAX_ANSWER_CHARS:
        raise DomainError(_("Svaret er for langt: {n} tegn, høyst {limit} er tillatt. Kort det ned eller del "
                            "det i to svar.").format(n=format_number(len(text)),
                                                      limit=format_number(MAX_ANSWER_CHARS)),
                          field="text")
    return text


def _pseudonym_number(name: str, prefix: str) -> int | None:
    match = _NUMBERED.match(name.strip())
    if match and match.group(1).casefold() == prefix.casefold():
        return int(match.group(2))
    return None


def _next_pseudonym(session: Session, session_id: uuid.UUID, kind: RespondentKind) -> str:
    prefix = _(PSEUDONYM_PREFIX[kind])
    names = session.exec(select(Response.respondent).where(Response.session_id == session_id)).all()
    numbers = [n for n in (_pseudonym_number(name, prefix) for name in names) if n is not None]
    return f"{prefix} {max(numbers, default=0) + 1}"


def next_pseudonym(store: Store, session_id: uuid.UUID,
                   kind: RespondentKind | str = RespondentKind.PARTICIPANT) -> str:
    """The next free pseudonym of its kind: «Deltaker 13» after «Deltaker 12»."""
    with store.reader() as session:
        require(session, VignetteSession, session_id, _session_not_found())
        return _next_pseudonym(session, session_id, RespondentKind(kind))


def _check_unit(session: Session, owner: VignetteSession, data: dict) -> None:
    """Anonymous sessions store no unit; a unit must belong to the session's municipality and gives
    the unit kind when none was chosen."""
    if owner.anonymous:
        data["unit_id"] = None
        return
    if data.get("unit_id") is None:
        return
    unit = require(session, Unit, data["unit_id"], _("Fant ikke enheten."))
    if unit.municipality_id != owner.municipality_id:
        raise DomainError(_("Enheten hører til en annen kommune."), field="unit_id")
    if data.get("unit_kind") is None:
        data["unit_kind"] = unit.kind


def _check_unique_respondent(session: Session, session_id: uuid.UUID, respondent: str,
                             exclude_id: uuid.UUID | None = None) -> None:
    rows = session.exec(select(Response.id, Response.respondent).where(Response.session_id == session_id)).all()
    key = " ".join(respondent.split()).casefold()
    if any(" ".join(name.split()).casefold() == key and rid != exclude_id for rid, name in rows):
        raise DomainError(_("«{name}» har allerede et svar i denne økta. Rediger det svaret, eller velg et annet "
                            "navn.").format(name=respondent), field="respondent")


def _warnings(data: dict) -> list[str]:
    return personal_identifier_warnings(" \n".join(str(data.get(k) or "") for k in ("text", "respondent", "role")))


def capture_response(store: Store, session_id: uuid.UUID, data: ResponseCreate | dict) -> CaptureResult:
    """Store one answer. Without a pseudonym the next one of its kind is used."""
    raw = _as_dict(data)
    text = check_answer_text(raw.get("text"))
    fields = validated(ResponseCreate, raw | {"text": text}).model_dump()
    with store.transaction() as session:
        owner = require(session, VignetteSession, session_id, _session_not_found())
        _check_unit(session, owner, fields)
        if fields["respondent"] is None:
            fields["respondent"] = _next_pseudonym(session, session_id, fields["respondent_kind"])
        _check_unique_respondent(session, session_id, fields["respondent"])
        row = Response(session_id=session_id, word_count=word_count(text), **fields)
        session.add(row)
        session.flush()
        return CaptureResult(ResponseRead.model_validate(row), _warnings(fields))


def update_response(store: Store, response_id: uuid.UUID, changes: ResponseUpdate | dict) -> CaptureResult:
    """Edit an answer; a new text gets a new word count and is checked like a new answer."""
    raw = _as_dict(changes)
    if "text" in raw:
        raw["text"] = check_answer_text(raw["text"])
    data = validated(ResponseUpdate, raw).model_dump(exclude_unset=True)
    with store.transaction() as session:
        row = require(session, Response, response_id, _("Fant ikke svaret."))
        owner = session.get(VignetteSession, row.session_id)
        if "respondent" in data:
            if data["respondent"] is None:
                raise DomainError(_("«{label}» må fylles ut.").format(label=label_for("respondent")),
                                  field="respondent")
            _check_unique_respondent(session, row.session_id, data["respondent"], exclude_id=row.id)
        if "respondent_kind" in data and data["respondent_kind"] is None:
            data.pop("respondent_kind")
        if "unit_id" in data or owner.anonymous:
            _check_unit(session, owner, data)
        if "text" in data:
            data["word_count"] = word_count(data["text"])
        row.sqlmodel_update(data)
        row.updated_at = utcnow()
        session.flush()
        result = ResponseRead.model_validate(row)
    return CaptureResult(result, _warnings(result.model_dump()))


def delete_response(store: Store, response_id: uuid.UUID) -> None:
    with store.transaction() as session:
        row = require(session, Response, response_id, _("Fant ikke svaret."))
        for coding in session.exec(select(Coding).where(Coding.response_id == response_id)).all():
            session.delete(coding)
        session.flush()
        session.delete(row)


def pseudonym_order(name: str) -> tuple:
    """Sort key for pseudonyms: «Gruppe 2» before «Gruppe 10»."""
    match = _NUMBERED.match(name.strip())
    return (match.group(1).casefold(), int(match.group(2))) if match else (name.casefold(), -1)


def list_responses(store: Store, session_id: uuid.UUID) -> list[ResponseRead]:
    """A session's answers: groups first, then participants, in pseudonym order (Gruppe 2 before 10)."""
    with store.reader() as session:
        require(session, VignetteSession, session_id, _session_not_found())
        rows = session.exec(select(Response).where(Response.session_id == session_id)).all()
        reads = [ResponseRead.model_validate(r) for r in rows]
    return sorted(reads, key=lambda r: (r.respondent_kind != RespondentKind.GROUP, pseudonym_order(r.respondent),
                                        r.created_at))
