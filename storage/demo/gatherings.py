"""Gatherings across every semester, with attendance counts per unit and role, and tasks between them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..enums import AttendeeRole, GatheringKind, GatheringLevel, GatheringStatus, TaskStatus, UnitKind
from ..models import Attendance, Gathering, Task
from ..semesters import semester_label, semester_of
from . import texts
from .dates import next_workday, random_workday, semester_window
from .world import MuniInfo, NetworkInfo, UnitInfo
from .writer import Writer, make_rng, new_id, stamp


@dataclass(frozen=True)
class Meeting:
    """A network meeting, kept in memory for tasks and vignette sessions."""

    id: uuid.UUID
    network: NetworkInfo
    day: date
    held: bool


@dataclass(frozen=True)
class Trip:
    """A held gathering away from home (fagdag, regional), for the travel expenses."""

    day: date
    title: str
    place: str
    persons: int
    national: bool


@dataclass
class GatheringSummary:
    meetings: list[Meeting]
    trips: list[Trip]
    startup_day: date


@dataclass(frozen=True)
class Tuning:
    guidance_chance: float  # per unit and semester
    parent_meetings: tuple[int, int]
    cancel_chance: float  # per past network meeting
    missing_chance: float  # that a municipality skips one obligation in a past semester
    owner_absent_chance: float


MUNICIPALITY_TUNING = Tuning(0.25, (2, 2), 0.0, 0.0, 0.0)
COUNTY_TUNING = Tuning(0.5, (0, 3), 0.02, 0.3, 0.2)


def shared_calendar(seed: int, semesters: list[str]) -> dict[str, dict[str, date]]:
    """The national fagdag and the regional gathering of each semester: the same days for everyone."""
    calendar = {}
    for semester in semesters:
        rng = make_rng(seed, "calendar", semester)
        first, last = semester_window(semester)
        if semester.endswith("H"):
            fagdag = random_workday(rng, first + timedelta(days=35), first + timedelta(days=70))
            regional = random_workday(rng, first + timedelta(days=75), last - timedelta(days=20))
        else:
            fagdag = random_workday(rng, first + timedelta(days=30), first + timedelta(days=80))
            regional = random_workday(rng, first + timedelta(days=95), last - timedelta(days=20))
        calendar[semester] = {"fagdag": fagdag, "regional": regional}
    return calendar


class GatheringMaker:
    def __init__(self, w: Writer, seed: int, muni: MuniInfo, calendar, tuning: Tuning):
        self.w, self.muni, self.calendar, self.tuning = w, muni, calendar, tuning
        self.rng = make_rng(seed, "gatherings", muni.index)
        self.today = w.today
        self.meetings: list[Meeting] = []
        self.trips: list[Trip] = []
        self._persons = 0

    # --- rows ---------------------------------------------------------------------------------------

    def _gathering(self, *, title: str, kind: str, level: str, day: date, at: time, minutes: int,
                   place: str | None, themes: list[str], agenda: str | None, reflections: str | None = None,
                   decisions: str | None = None, network: NetworkInfo | None = None,
                   cancelled: bool = False) -> tuple[uuid.UUID, bool]:
        held = day < self.today and not cancelled
        status = (GatheringStatus.CANCELLED if cancelled else
                  GatheringStatus.HELD if held else GatheringStatus.PLANNED)
        gid = new_id(self.rng)
        created = stamp(day - timedelta(days=self.rng.randint(14, 60)), self.today, 9)
        updated = stamp(day + timedelta(days=self.rng.randint(0, 3)), self.today, 16) if held else created
        self.w.add(Gathering, {
            "id": gid, "municipality_id": self.muni.id, "network_id": network.id if network else None,
            "title": title[:200], "kind": kind, "level": level, "starts_at": datetime.combine(day, at),
            "duration_minutes": minutes, "place": place, "status": status, "themes": themes,
            "agenda": agenda, "reflections": reflections if held else None,
            "decisions": decisions if held else None, "reflection_templates": [],
            "created_at": created, "updated_at": updated})
        return gid, held

    def _attend(self, gathering_id: uuid.UUID, unit: UnitInfo | None, role: str, count: int, day: date) -> None:
        if count > 0:
            self._persons += count
            self.w.add(Attendance, {"gathering_id": gathering_id, "unit_id": unit.id if unit else None,
                                    "role": role, "count": count}, rng=self.rng, day=day)

    def _unit_delegation(self, gid: uuid.UUID, unit: UnitInfo, day: date, big: bool = False) -> None:
        """Who a unit sends: the leader, one or more pedagogues, now and then an assistant."""
        r = self.rng
        if unit.kind == UnitKind.PPT:
            self._attend(gid, unit, AttendeeRole.PPT, r.randint(1, 3 if big else 1), day)
            return
        if r.random() < 0.88:
            self._attend(gid, unit, AttendeeRole.LEADER, 1, day)
        self._attend(gid, unit, AttendeeRole.PEDAGOGICAL_LEADER, r.randint(1, 4 if big else 2), day)
        if unit.kind == UnitKind.KINDERGARTEN:
            self._attend(gid, unit, AttendeeRole.KINDERGARTEN_TEACHER, r.choice([0, 0, 1, 2 if big else 1]), day)
        if r.random() < (0.6 if big else 0.15):
            self._attend(gid, unit, AttendeeRole.ASSISTANT, r.randint(1, 3 if big else 1), day)

    # --- kinds ----------------------------------------------------------------------------------------

    def build(self) -> GatheringSummary:
        r, muni = self.rng, self.muni
        past = [s for s in muni.semesters if semester_window(s)[1] < self.today]
        missing = None
        if muni.index == 0:
            missing = ("2026V", "regional") if "2026V" in past else None
        elif past and r.random() < self.tuning.missing_chance:
            missing = (r.choice(past), r.choice(["fagdag", "regional"]))
        for s_index, semester in enumerate(muni.semesters):
            owner_absent = (muni.index == 0 and s_index == 0) or (
                muni.index > 0 and r.random() < self.tuning.owner_absent_chance)
            if missing != (semester, "fagdag"):
                self._fagdag(semester, s_index, owner_absent)
            if missing != (semester, "regional"):
                self._regional(semester, s_index)
        self._startup()
        for net in muni.networks:
            self._network_meetings(net)
        self._guidance_and_parents()
        return GatheringSummary(self.meetings, self.trips, self.startup_day)

    def _fagdag(self, semester: str, s_index: int, owner_absent: bool) -> None:
        r, day = self.rng, self.calendar[semester]["fagdag"]
        topic = texts.FAGDAG_TOPICS[s_index % len(texts.FAGDAG_TOPICS)]
        gid, held = self._gathering(
            title=f"Nasjonal fagdag {semester_label(semester)}", kind=GatheringKind.NATIONAL_SPECIALIST_DAY,
            level=GatheringLevel.NATIONAL, day=day, at=time(9, 30), minutes=360,
            place=texts.FAGDAG_PLACES[s_index % len(texts.FAGDAG_PLACES)],
            themes=texts.goal_themes(r) + ["aktivitetsplikt"], agenda=texts.fagdag_agenda(topic),
            reflections=" ".join([texts.OWNER_REFLECTIONS[2 if owner_absent else r.randint(0, 1)],
                                  texts.sentences(r, texts.OBLIGATION_REFLECTIONS, 1, 2)]),
            decisions=texts.sentences(r, texts.OBLIGATION_DECISIONS, 1, 2))
        if not held:
            return
        self._persons = 0
        if not owner_absent:
            self._attend(gid, None, AttendeeRole.OWNER, r.randint(1, 2), day)
        leaders = r.sample(self.muni.teaching_units, min(len(self.muni.teaching_units), r.randint(2, 4)))
        for unit in leaders:
            self._attend(gid, unit, AttendeeRole.LEADER, 1, day)
        if self.muni.ppt and r.random() < 0.5:
            self._attend(gid, self.muni.ppt, AttendeeRole.PPT, 1, day)
        place = texts.FAGDAG_PLACES[s_index % len(texts.FAGDAG_PLACES)]
        if not place.startswith("Digitalt"):
            self.trips.append(Trip(day, f"Nasjonal fagdag {semester_label(semester)}", place, self._persons, True))

    def _regional(self, semester: str, s_index: int) -> None:
        r, day = self.rng, self.calendar[semester]["regional"]
        topic = texts.REGIONAL_TOPICS[s_index % len(texts.REGIONAL_TOPICS)]
        gid, held = self._gathering(
            title=f"Regional samling {semester_label(semester)}", kind=GatheringKind.REGIONAL_GATHERING,
            level=GatheringLevel.REGIONAL, day=day, at=time(9, 0), minutes=360,
            place=texts.REGIONAL_PLACES[s_index % len(texts.REGIONAL_PLACES)],
            themes=texts.goal_themes(r) + [r.choice(texts.KINDERGARTEN_THEMES)], agenda=texts.regional_agenda(topic),
            reflections=texts.sentences(r, texts.OBLIGATION_REFLECTIONS, 2, 3),
            decisions=texts.sentences(r, texts.OBLIGATION_DECISIONS, 1, 2))
        if not held:
            return
        self._persons = 0
        self._attend(gid, None, AttendeeRole.OWNER, 1, day)
        units = self.muni.teaching_units
        for unit in r.sample(units, min(len(units), r.randint(3, 6))):
            self._attend(gid, unit, AttendeeRole.LEADER, 1, day)
            if r.random() < 0.4:
                self._attend(gid, unit, AttendeeRole.PEDAGOGICAL_LEADER, 1, day)
        if self.muni.ppt and r.random() < 0.6:
            self._attend(gid, self.muni.ppt, AttendeeRole.PPT, 1, day)
        self.trips.append(Trip(day, f"Regional samling {semester_label(semester)}",
                               texts.REGIONAL_PLACES[s_index % len(texts.REGIONAL_PLACES)], self._persons, False))

    def _startup(self) -> None:
        r, first = self.rng, self.muni.semesters[0]
        start, _end = semester_window(first)
        day = random_workday(r, start + timedelta(days=10), start + timedelta(days=24), (1, 2, 3))
        gid, held = self._gathering(
            title="Lokal oppstartssamling for alle enheter", kind=GatheringKind.LOCAL_STARTUP,
            level=GatheringLevel.MUNICIPAL, day=day, at=time(8, 30), minutes=330,
            place=r.choice(["Kulturhuset", "Kommunestyresalen", "Samfunnshuset"]),
            themes=list(texts.GOAL_THEMES) + [texts.KINDERGARTEN_THEMES[2]], agenda=texts.STARTUP_AGENDA,
            reflections="Alle enhetene var representert. " + texts.sentences(r, texts.NETWORK_REFLECTIONS, 1, 2),
            decisions="Møteplanen for nettverkene ble vedtatt. " + texts.sentences(r, texts.NETWORK_DECISIONS, 1, 1))
        if held:
            self._attend(gid, None, AttendeeRole.OWNER, r.randint(2, 3), day)
            self._attend(gid, None, AttendeeRole.PARENTS, r.randint(1, 3), day)
            for unit in self.muni.units:
                self._unit_delegation(gid, unit, day, big=True)
        self.startup_day = day

    def _network_meetings(self, net: NetworkInfo) -> None:
        r, muni = self.rng, self.muni
        weekday = r.choice([1, 2, 3])
        at = r.choice([time(12, 30), time(13, 0), time(13, 30)] if net.target != "school" else
                      [time(13, 30), time(14, 0), time(14, 15)])
        minutes = r.choice([150, 180, 180, 210])
        day = next_workday(self.startup_day + timedelta(days=r.randint(14, 28)), weekday)
        cancel_first_past = muni.index == 0 and net is muni.networks[-1]
        n = 0
        while day <= muni.period_end - timedelta(days=7):
            n += 1
            semester = semester_of(day)
            cancelled = day < self.today and (
                (cancel_first_past and semester == "2026V") or r.random() < self.tuning.cancel_chance)
            cancel_first_past = cancel_first_past and not cancelled
            focus = net.focus.get(semester, "")
            host = r.choice(net.members)
            gid, held = self._gathering(
                title=f"{net.name} – samling {n}", kind=GatheringKind.NETWORK_MEETING,
                level=GatheringLevel.NETWORK, day=day, at=at, minutes=minutes,
                place=host.name if host.kind != UnitKind.PPT else "Kommunehuset",
                themes=texts.gathering_themes(r, net.target), agenda=texts.network_agenda(r, net.target, focus),
                reflections=texts.sentences(r, texts.NETWORK_REFLECTIONS, 1, 3),
                decisions=texts.sentences(r, texts.NETWORK_DECISIONS, 1, 2), network=net, cancelled=cancelled)
            if held:
                for unit in net.members:
                    if r.random() < 0.92:
                        self._unit_delegation(gid, unit, day)
                if r.random() < 0.2:
                    self._attend(gid, None, AttendeeRole.OWNER, 1, day)
            self.meetings.append(Meeting(gid, net, day, held))
            next_day = next_workday(day + timedelta(days=r.randint(28, 42)), weekday)
            if next_day.month == 8 and next_day.day < 25:  # let the units start the school year first
                next_day = next_workday(next_day + timedelta(days=7), weekday)
            if not cancelled:
                self._tasks(gid, net, day, next_day)
            day = next_day

    def _tasks(self, gid: uuid.UUID, net: NetworkInfo, day: date, due: date) -> None:
        if day >= self.today:
            return
        r = self.rng
        due = next_workday(due - timedelta(days=1))
        picks = r.sample(texts.TASKS[net.target], r.choice([1, 1, 2]))
        units = [u for u in net.members if u.kind != UnitKind.PPT]
        if units and r.random() < 0.3:
            picks.append(r.choice(texts.UNIT_TASKS))
        for title, description in picks:
            unit = r.choice(units) if (title, description) in texts.UNIT_TASKS else None
            if due < self.today:
                status = r.choices([TaskStatus.DONE, TaskStatus.OPEN, TaskStatus.CANCELLED], [80, 15, 5])[0]
            else:
                status = TaskStatus.DONE if r.random() < 0.1 else TaskStatus.OPEN
            created = stamp(day, self.today, 16)
            updated = stamp(min(due, self.today - timedelta(days=1)), self.today, 12) if status != TaskStatus.OPEN \
                else created
            self.w.add(Task, {"id": new_id(r), "municipality_id": self.muni.id, "network_id": net.id,
                              "unit_id": unit.id if unit else None, "gathering_id": gid, "title": title,
                              "description": description, "due_date": due, "status": status,
                              "created_at": created, "updated_at": updated})

    def _guidance_and_parents(self) -> None:
        r, muni = self.rng, self.muni
        for semester in muni.semesters:
            first, last = semester_window(semester)
            for unit in muni.teaching_units:
                if r.random() >= self.tuning.guidance_chance:
                    continue
                day = random_workday(r, first + timedelta(days=14), last)
                gid, held = self._gathering(
                    title=f"Veiledning: {unit.name}", kind=GatheringKind.GUIDANCE, level=GatheringLevel.UNIT,
                    day=day, at=r.choice([time(8, 30), time(12, 0), time(14, 0)]), minutes=r.choice([60, 90, 120]),
                    place=unit.name, themes=texts.goal_themes(r),
                    agenda=texts.sentences(r, texts.GUIDANCE_AGENDA, 1, 2),
                    reflections=texts.sentences(r, texts.GUIDANCE_REFLECTIONS, 1, 2), decisions=None)
                if held:
                    self._attend(gid, unit, AttendeeRole.LEADER, 1, day)
                    self._attend(gid, unit, AttendeeRole.PEDAGOGICAL_LEADER, r.randint(1, 5), day)
        low, high = self.tuning.parent_meetings
        units = muni.teaching_units
        for k in range(r.randint(low, high)):
            unit = units[(k * 5 + r.randint(0, 3)) % len(units)]
            semester = muni.semesters[min(1 + k, len(muni.semesters) - 1)]
            first, last = semester_window(semester)
            day = random_workday(r, first + timedelta(days=20), last - timedelta(days=30))
            gid, held = self._gathering(
                title=f"Foreldremøte om et trygt og godt miljø – {unit.name}", kind=GatheringKind.PARENT_MEETING,
                level=GatheringLevel.UNIT, day=day, at=time(18, 0), minutes=90, place=unit.name,
                themes=["forebygge", "foreldresamarbeid"], agenda=texts.PARENT_AGENDA,
                reflections="Godt oppmøte og gode spørsmål om hva foreldre kan gjøre for å støtte vennskap.",
                decisions="Foreldrerådet tar temaet videre i sitt neste møte.")
            if held:
                self._attend(gid, unit, AttendeeRole.PARENTS, r.randint(12, 45), day)
                self._attend(gid, unit, AttendeeRole.LEADER, 1, day)
                self._attend(gid, unit, AttendeeRole.PEDAGOGICAL_LEADER, r.randint(2, 4), day)


def make_gatherings(w: Writer, seed: int, muni: MuniInfo, calendar, tuning: Tuning) -> GatheringSummary:
    return GatheringMaker(w, seed, muni, calendar, tuning).build()

