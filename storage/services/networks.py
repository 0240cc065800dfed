"""Learning networks: name, target, leader, member units, focus per semester, and a series of planned
network gatherings that the user then adjusts one by one (storage.services.gatherings_plan)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from pydantic import BaseModel
from sqlalchemy import delete
from sqlmodel import Session, select

from ..enums import GatheringKind, GatheringLevel, GatheringStatus
from ..errors import DomainError
from ..formatting import format_date
from ..i18n import _
from ..models import (
    Gathering,
    GatheringCreate,
    GatheringRead,
    LearningNetwork,
    LearningNetworkCreate,
    LearningNetworkRead,
    LearningNetworkUpdate,
    Municipality,
    NetworkFocus,
    NetworkMember,
    Participation,
    Unit,
    UnitRead,
)
from ..semesters import semester_bounds, semester_label
from ..store import Store
from ..validation import label_for, validated
from .common import apply_update, participation_row, require
from .gatherings_plan import insert_gathering
from .units import name_key

#: The part of each half-year when network gatherings are held (school holidays left out).
SPRING_WINDOW = ((1, 6), (6, 20))
AUTUMN_WINDOW = ((8, 15), (12, 19))


@dataclass(frozen=True)
class NetworkDetail:
    network: LearningNetworkRead
    members: list[UnitRead]
    focus: dict[str, str]  # semester → focus


def _missing() -> str:
    return _("Fant ikke nettverket.")


def _as_dict(data: BaseModel | dict) -> dict:
    data = data.model_dump(exclude_unset=True) if isinstance(data, BaseModel) else dict(data)
    if isinstance(data.get("name"), str):
        data["name"] = " ".join(data["name"].split())
    return data


def _check_unique(session: Session, municipality_id: uuid.UUID, name: str, exclude_id: uuid.UUID | None = None):
    rows = session.exec(select(LearningNetwork.id, LearningNetwork.name)
                        .where(LearningNetwork.municipality_id == municipality_id)).all()
    clash = next((n for i, n in rows if i != exclude_id and name_key(n) == name_key(name)), None)
    if clash is not None:
        raise DomainError(_("«{label}»: et nettverk med navnet «{name}» finnes allerede.").format(
            label=label_for("name"), name=clash), field="name")


def _set_members(session: Session, network: LearningNetwork, unit_ids: Iterable[uuid.UUID]) -> None:
    unit_ids = set(unit_ids)
    if unit_ids:
        found = set(session.exec(select(Unit.id).where(Unit.id.in_(unit_ids),
                                                       Unit.municipality_id == network.municipality_id)).all())
        if found != unit_ids:
            raise DomainError(_("En eller flere av enhetene finnes ikke i denne kommunen."), field="members")
    session.exec(delete(NetworkMember).where(NetworkMember.network_id == network.id))
    session.add_all(NetworkMember(network_id=network.id, unit_id=u) for u in unit_ids)


def list_networks(store: Store, municipality_id: uuid.UUID, *, include_archived: bool = False
                  ) -> list[LearningNetworkRead]:
    query = select(LearningNetwork).where(LearningNetwork.municipality_id == municipality_id)
    if not include_archived:
        query = query.where(LearningNetwork.archived == False)  # noqa: E712
    with store.reader() as session:
        return [LearningNetworkRead.model_validate(r) for r in session.exec(query.order_by(LearningNetwork.name))]


def get_network(store: Store, network_id: uuid.UUID) -> NetworkDetail:
    with store.reader() as session:
        row = require(session, LearningNetwork, network_id, _missing())
        members = session.exec(select(Unit).join(NetworkMember, NetworkMember.unit_id == Unit.id)
                               .where(NetworkMember.network_id == network_id).order_by(Unit.name)).all()
        focus = session.exec(select(NetworkFocus.semester, NetworkFocus.focus)
                             .where(NetworkFocus.network_id == network_id).order_by(NetworkFocus.semester)).all()
        return NetworkDetail(LearningNetworkRead.model_validate(row), [UnitRead.model_validate(u) for u in members],
                             dict(focus))


def find_network(store: Store, municipality_id: uuid.UUID, name: str) -> LearningNetworkRead:
    """The network with this name (spacing and case do not matter), or a Norwegian error."""
    for network in list_networks(store, municipality_id, include_archived=True):
        if name_key(network.name) == name_key(name):
            return network
    raise DomainError(_("Fant ikke nettverket «{name}».").format(name=name), field="network")


def create_network(store: Store, municipality_id: uuid.UUID, network: LearningNetworkCreate | dict,
                   member_ids: Iterable[uuid.UUID] = ()) -> LearningNetworkRead:
    network = validated(LearningNetworkCreate, _as_dict(network))
    with store.transaction() as session:
        require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        _check_unique(session, municipality_id, network.name)
        row = LearningNetwork.model_validate(network, update={"municipality_id": municipality_id})
        session.add(row)
        session.flush()
        _set_members(session, row, member_ids)
        return LearningNetworkRead.model_validate(row)


def update_network(store: Store, network_id: uuid.UUID, changes: LearningNetworkUpdate | dict
                   ) -> LearningNetworkRead:
    changes = _as_dict(changes)
    with store.transaction() as session:
        row = require(session, LearningNetwork, network_id, _missing())
        if changes.get("name") is not None:
            _check_unique(session, row.municipality_id, changes["name"], exclude_id=row.id)
        apply_update(row, changes, LearningNetworkUpdate, LearningNetworkCreate)
        session.flush()
        return LearningNetworkRead.model_validate(row)


def archive_network(store: Store, network_id: uuid.UUID, archived: bool = True) -> LearningNetworkRead:
    return update_network(store, network_id, {"archived": archived})


def set_members(store: Store, network_id: uuid.UUID, unit_ids: Iterable[uuid.UUID]) -> list[UnitRead]:
    """Make exactly these units the network's members."""
    with store.transaction() as session:
        _set_members(session, require(session, LearningNetwork, network_id, _missing()), unit_ids)
    return get_network(store, network_id).members


def _semester_in_period(part: Participation, semester: str) -> tuple[date, date]:
    first, last = semester_bounds(semester)
    if last < part.period_start or first > part.period_end:
        raise DomainError(_("{semester} er utenfor perioden {start}–{end}.").format(
            semester=semester_label(semester).capitalize(), start=format_date(part.period_start),
            end=format_date(part.period_end)), field="semester")
    return max(first, part.period_start), min(last, part.period_end)


def set_focus(store: Store, network_id: uuid.UUID, semester: str, focus: str | None) -> None:
    """The network's focus for a semester; empty text removes it."""
    focus = (focus or "").strip()
    if len(focus) > 2000:
        raise DomainError(_("Fokuset er for langt (høyst 2000 tegn)."), field="focus")
    with store.transaction() as session:
        network = require(session, LearningNetwork, network_id, _missing())
        _semester_in_period(participation_row(session, network.municipality_id), semester)
        row = session.exec(select(NetworkFocus).where(NetworkFocus.network_id == network_id,
                                                      NetworkFocus.semester == semester)).first()
        if not focus:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(NetworkFocus(network_id=network_id, semester=semester, focus=focus))
        else:
            row.focus = focus


def series_dates(first: date, last: date, every_weeks: int, weekday: int) -> list[date]:
    """Every `every_weeks` weeks on `weekday` (0 is Monday), from the first such day on or after `first`."""
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    dates = []
    while day <= last:
        dates.append(day)
        day += timedelta(weeks=every_weeks)
    return dates


def plan_gathering_series(store: Store, network_id: uuid.UUID, semester: str, every_weeks: int, weekday: int,
                          start_time: time, duration_minutes: int, place: str | None = None, *,
                          replace_planned: bool = False) -> list[GatheringRead]:
    """Planned network gatherings every `every_weeks` weeks on `weekday` at `start_time` in `semester`.

    Only the part of the semester inside the period is used, and only school time (6 January – 20 June,
    15 August – 19 December). If the network already has planned gatherings in the semester, they are
    replaced when `replace_planned` is true; otherwise the series is refused."""
    if not isinstance(every_weeks, int) or not 1 <= every_weeks <= 26:
        raise DomainError(_("Velg et antall uker mellom samlingene fra 1 til 26."), field="every_weeks")
    if not isinstance(weekday, int) or not 0 <= weekday <= 6:
        raise DomainError(_("Velg en ukedag."), field="weekday")
    with store.transaction() as session:
        network = require(session, LearningNetwork, network_id, _missing())
        part = participation_row(session, network.municipality_id)
        first, last = _semester_in_period(part, semester)
        year = int(semester[:4])
        (m1, d1), (m2, d2) = SPRING_WINDOW if semester.endswith("V") else AUTUMN_WINDOW
        first, last = max(first, date(year, m1, d1)), min(last, date(year, m2, d2))
        dates = series_dates(first, last, every_weeks, weekday)
        if not dates:
            raise DomainError(_("Ingen datoer passer i {semester} innenfor perioden.").format(
                semester=semester_label(semester)), field="semester")
        window = (datetime.combine(first, time.min), datetime.combine(last, time.max))
        planned = session.exec(select(Gathering).where(
            Gathering.network_id == network_id, Gathering.kind == GatheringKind.NETWORK_MEETING.value,
            Gathering.status == GatheringStatus.PLANNED.value,
            Gathering.starts_at >= window[0], Gathering.starts_at <= window[1])).all()
        if planned and not replace_planned:
            raise DomainError(_("Nettverket har allerede {n} planlagte samlinger i {semester}. Endre dem én og én, "
                                "eller lag serien på nytt og erstatt dem.").format(
                n=len(planned), semester=semester_label(semester)), field="semester")
        for row in planned:
            session.delete(row)
        rows = []
        for n, day in enumerate(dates, start=1):
            gathering = validated(GatheringCreate, {
                "title": _("{network}: samling {n}").format(network=network.name, n=n),
                "kind": GatheringKind.NETWORK_MEETING, "level": GatheringLevel.NETWORK,
                "starts_at": datetime.combine(day, start_time), "duration_minutes": duration_minutes,
                "place": place, "network_id": network_id})
            rows.append(insert_gathering(session, network.municipality_id, gathering))
        session.flush()
        return [GatheringRead.model_validate(r) for r in rows]


def network_names(store: Store, municipality_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """Network id → name, archived networks included (for labels in lists and exports)."""
    with store.reader() as session:
        return dict(session.exec(select(LearningNetwork.id, LearningNetwork.name)
                                 .where(LearningNetwork.municipality_id == municipality_id)).all())
