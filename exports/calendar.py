"""Gatherings as an iCalendar (.ics) file that Outlook and Thunderbird import.

Each event's UID is derived from the gathering's UUID, so importing a newer export updates the
events instead of duplicating them; SEQUENCE grows with the gathering's `updated_at`. Times are local
Norwegian time (TZID Europe/Oslo). The VTIMEZONE gives the EU summer-time rule as two yearly RRULEs (last
Sunday of March and of October), as Outlook writes it: a list of change dates on one RDATE line puts
vobject and older Outlook versions an hour off. A cancelled gathering keeps its UID and STATUS:CANCELLED,
and its summary starts with «AVLYST:», since Outlook ignores STATUS in a published calendar. Takes read
models, never touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from storage.enums import GatheringKind, GatheringStatus
from storage.i18n import _
from storage.models import GatheringRead

from .atomic_file import write_bytes_atomic

OSLO = ZoneInfo("Europe/Oslo")
UID_DOMAIN = "nettverkslogg"
PRODID = "-//Nettverkslogg//Nettverkslogg 1.0//NO"
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def event_uid(gathering_id: UUID) -> str:
    """The stable UID of a gathering's event."""
    return f"{gathering_id}@{UID_DOMAIN}"


def sequence_of(updated_at: datetime) -> int:
    """A revision number that grows with every change: seconds since 2020 of the last update."""
    if updated_at.tzinfo is None:
        updated_at = updated_at.replace(tzinfo=UTC)
    return max(0, int((updated_at - _SEQUENCE_EPOCH).total_seconds()))


def oslo_timezone() -> Timezone:
    """Europe/Oslo as a VTIMEZONE with yearly rules (the EU rule, in force since 1996)."""
    tz = Timezone()
    tz.add("tzid", "Europe/Oslo")
    tz.add("x-lic-location", "Europe/Oslo")
    for part, name, start, month, before, after in (
            (TimezoneDaylight(), "CEST", datetime(1970, 3, 29, 2, 0), 3, timedelta(hours=1), timedelta(hours=2)),
            (TimezoneStandard(), "CET", datetime(1970, 10, 25, 3, 0), 10, timedelta(hours=2), timedelta(hours=1))):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


def _description(gathering: GatheringRead, network_name: str | None) -> str:
    lines = [GatheringKind(gathering.kind).label + (f" – {network_name}" if network_name else "")]
    if gathering.agenda:
        lines += ["", gathering.agenda]
    return "\n".join(lines)


def build_calendar(gatherings: Iterable[GatheringRead], *, network_names: Mapping[UUID, str] | None = None,
                   name: str | None = None, now: datetime | None = None) -> Calendar:
    """One VEVENT per gathering (cancelled ones as STATUS:CANCELLED, so calendars remove them)."""
    network_names = network_names or {}
    gatherings = list(gatherings)
    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name or _("Samlinger"))
    calendar.add("x-wr-timezone", "Europe/Oslo")
    for gathering in gatherings:
        start = gathering.starts_at.replace(tzinfo=OSLO)
        event = Event()
        event.add("uid", event_uid(gathering.id))
        event.add("dtstamp", stamp)
        event.add("sequence", sequence_of(gathering.updated_at))
        event.add("last-modified", gathering.updated_at if gathering.updated_at.tzinfo else
                  gathering.updated_at.replace(tzinfo=UTC))
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=gathering.duration_minutes))
        cancelled = gathering.status == GatheringStatus.CANCELLED
        event.add("summary", _("AVLYST: {title}").format(title=gathering.title) if cancelled else gathering.title)
        if gathering.place:
            event.add("location", gathering.place)
        event.add("description", _description(gathering, network_names.get(gathering.network_id)))
        event.add("categories", [GatheringKind(gathering.kind).label])
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
        calendar.add_component(event)
    if gatherings:
        calendar.subcomponents.insert(0, oslo_timezone())  # before the events that use it
    return calendar


def write_calendar(path: str | Path, gatherings: Iterable[GatheringRead], **kwargs) -> int:
    """Write the .ics file (CRLF lines, UTF-8) and return the number of events."""
    calendar = build_calendar(gatherings, **kwargs)
    data = calendar.to_ical()
    write_bytes_atomic(path, data)
    return len(calendar.walk("VEVENT"))


def export_gatherings(store, municipality_id: UUID, path: str | Path, *, network_id: UUID | None = None,
                      ids: Iterable[UUID] | None = None, name: str | None = None) -> int:
    """Write the municipality's gatherings — all, one network's, or those in `ids` — to `path`."""
    from storage.services.gatherings_plan import list_gatherings
    from storage.services.networks import network_names

    gatherings = list_gatherings(store, municipality_id, network_id=network_id, ids=ids)
    return write_calendar(path, gatherings, network_names=network_names(store, municipality_id), name=name)
