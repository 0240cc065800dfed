"""Vignette sessions at network meetings, with answers and their coding by "RP" (and a second coder, "K2")."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from ..enums import AttendeeRole, RespondentKind, UnitKind
from ..models import Code, Codebook, Coding, Response, Vignette, VignetteSession, VignetteVersion
from .answers import Answer, write_answer
from .gatherings import Meeting
from .world import MuniInfo, UnitInfo
from .writer import Writer, make_rng, new_id, stamp

FIRST_CODER, SECOND_CODER = "RP", "K2"


@dataclass(frozen=True)
class VignetteRef:
    key: str
    title: str
    target: str
    version_id: uuid.UUID
    phase_minutes: list[int]


@dataclass(frozen=True)
class Content:
    vignettes: list[VignetteRef]
    codes: dict[tuple[str, str], uuid.UUID]

    def pick(self, rng: random.Random, target: str, prefer: str | None = None) -> VignetteRef | None:
        """A vignette for a network: `prefer` by key if present, else one meant for its target."""
        if not self.vignettes:
            return None
        for v in self.vignettes:
            if v.key == prefer:
                return v
        wanted = {"kindergarten": ("kindergarten", "both"), "school": ("school", "both"),
                  "mixed": ("both", "kindergarten", "school")}[target]
        fitting = [v for v in self.vignettes if v.target in wanted[:2]] or self.vignettes
        return rng.choice(fitting)


def load_content(session: Session) -> Content:
    """The built-in vignettes (version 1) and the built-in codebook's codes, as installed by content.py."""
    rows = session.exec(select(Vignette, VignetteVersion)
                        .join(VignetteVersion, VignetteVersion.vignette_id == Vignette.id)
                        .where(VignetteVersion.version == 1, Vignette.builtin_key.is_not(None))  # type: ignore
                        .order_by(Vignette.builtin_key)).all()
    vignettes = [VignetteRef(v.builtin_key, v.title, v.target, ver.id, list(ver.phase_minutes)) for v, ver in rows]
    book = session.exec(select(Codebook).where(Codebook.builtin == True)).first()  # noqa: E712
    codes = {}
    if book is not None:
        codes = {(c.dimension, c.key): c.id for c in session.exec(select(Code).where(Code.codebook_id == book.id))}
    return Content(vignettes, codes)


@dataclass(frozen=True)
class Plan:
    meeting: Meeting
    vignette: VignetteRef
    respondents: int
    groups: bool
    coded: float  # share of answers coded by RP
    second: float  # share coded again by K2


class VignetteMaker:
    def __init__(self, w: Writer, seed: int, muni: MuniInfo, content: Content):
        self.w, self.muni, self.content = w, muni, content
        self.rng = make_rng(seed, "vignettes", muni.index)

    def municipality_plans(self, meetings: list[Meeting]) -> list[Plan]:
        """Three sessions: a kindergarten vignette early and late (before/after), a school one between."""
        kg = next((n for n in self.muni.networks if n.target == "kindergarten"), self.muni.networks[0])
        school = next((n for n in self.muni.networks if n.target == "school"), self.muni.networks[-1])
        kg_vignette = self.content.pick(self.rng, "kindergarten", "bhg_utenfor_leken")
        school_vignette = self.content.pick(self.rng, "school", "skole_bilde_i_klassechatten")
        wanted = [(kg, "2025H", kg_vignette, 12, False, 1.0, 0.6), (school, "2026V", school_vignette, 8, True, 1.0, 0.0),
                  (kg, "2026H", kg_vignette, 14, False, 1.0, 0.6)]
        plans = []
        for net, semester, vignette, n, groups, coded, second in wanted:
            held = [m for m in meetings if m.network is net and m.held and _semester(m.day) == semester]
            if held and vignette:
                plans.append(Plan(held[min(1, len(held) - 1)], vignette, n, groups, coded, second))
        return plans

    def county_plans(self, meetings: list[Meeting]) -> list[Plan]:
        """Three to seven sessions per network; its first vignette comes back in its last session."""
        r, plans = self.rng, []
        for net in self.muni.networks:
            held = [m for m in meetings if m.network is net and m.held]
            if not held:
                continue
            chosen = sorted(r.sample(held, min(len(held), r.randint(3, 7))), key=lambda m: m.day)
            first = self.content.pick(r, net.target)
            second_share = 0.5 if r.random() < 0.15 else 0.0
            for i, meeting in enumerate(chosen):
                vignette = first if i in (0, len(chosen) - 1) else self.content.pick(r, net.target)
                if vignette is None:
                    continue
                plans.append(Plan(meeting, vignette, r.randint(12, 28), r.random() < 0.35,
                                  r.choice([1.0, 1.0, 0.5, 0.0]), second_share))
        return plans

    def write(self, plans: list[Plan]) -> None:
        for plan in plans:
            self._session(plan)

    # --- one session ---------------------------------------------------------------------------------

    def _session(self, plan: Plan) -> None:
        r, meeting, net = self.rng, plan.meeting, plan.meeting.network
        sid = new_id(r)
        anonymous = r.random() < 0.25
        span = max(1, (self.w.today - self.muni.period_start).days)
        progress = min(1.0, max(0.0, (meeting.day - self.muni.period_start).days / span))
        units = [u for u in net.members if u.kind != UnitKind.PPT] or net.members
        respondents = []
        for k in range(1, plan.respondents + 1):
            unit = r.choice(net.members) if r.random() < 0.05 else r.choice(units)
            if plan.groups:
                roles = sorted({_role(r, unit) for _ in range(r.randint(3, 5))})
                respondents.append((f"Gruppe {k}", RespondentKind.GROUP, unit, roles))
            else:
                respondents.append((f"Deltaker {k}", RespondentKind.PARTICIPANT, unit, [_role(r, unit)]))
        groups = [{"name": name, "unit_kind": unit.kind, "roles": roles}
                  for name, kind, unit, roles in respondents if kind == RespondentKind.GROUP]
        when = stamp(meeting.day, self.w.today, 17)
        self.w.add(VignetteSession, {
            "id": sid, "municipality_id": self.muni.id, "vignette_version_id": plan.vignette.version_id,
            "gathering_id": meeting.id, "network_id": net.id,
            "title": f"{plan.vignette.title} – {net.name}"[:200], "held_on": meeting.day, "anonymous": anonymous,
            "phase_minutes": plan.vignette.phase_minutes, "groups": groups, "created_at": when, "updated_at": when})
        coded_at = stamp(meeting.day + timedelta(days=r.randint(2, 20)), self.w.today, 10)
        for name, kind, unit, roles in respondents:
            school = plan.vignette.target == "school" or (plan.vignette.target == "both" and unit.is_school)
            role = roles[0] if kind == RespondentKind.PARTICIPANT else _main_role(roles)
            answer = write_answer(r, plan.vignette.key, school, kind == RespondentKind.GROUP, progress, role)
            rid = new_id(r)
            self.w.add(Response, {
                "id": rid, "session_id": sid, "unit_id": None if anonymous else unit.id, "respondent": name,
                "respondent_kind": kind, "unit_kind": unit.kind, "role": role, "text": answer.text,
                "word_count": answer.words, "created_at": when, "updated_at": when})
            if r.random() < plan.coded:
                codes = _codes(answer)
                self._coding(rid, FIRST_CODER, codes, coded_at)
                if r.random() < plan.second:
                    self._coding(rid, SECOND_CODER, _disagree(r, codes), coded_at + timedelta(days=3))

    def _coding(self, response_id: uuid.UUID, coder: str, codes: list[tuple[str, str, int | None]], when) -> None:
        for dimension, key, number in codes:
            code_id = self.content.codes.get((dimension, key))
            if code_id is not None:
                self.w.add(Coding, {"id": new_id(self.rng), "response_id": response_id, "code_id": code_id,
                                    "coder": coder, "value_number": number, "created_at": when, "updated_at": when})


def _semester(day: date) -> str:
    return f"{day.year}{'V' if day.month <= 6 else 'H'}"


def _role(r: random.Random, unit: UnitInfo) -> str:
    if unit.kind == UnitKind.PPT:
        return AttendeeRole.PPT
    if unit.kind == UnitKind.KINDERGARTEN:
        return r.choices([AttendeeRole.LEADER, AttendeeRole.PEDAGOGICAL_LEADER, AttendeeRole.KINDERGARTEN_TEACHER,
                          AttendeeRole.ASSISTANT], [2, 5, 2, 3])[0]
    return r.choices([AttendeeRole.LEADER, AttendeeRole.PEDAGOGICAL_LEADER, AttendeeRole.ASSISTANT], [2, 8, 1])[0]


def _main_role(roles: list[str]) -> str:
    """A group's role: its most senior pedagogue, as a group is usually led by one."""
    for role in (AttendeeRole.PEDAGOGICAL_LEADER, AttendeeRole.LEADER, AttendeeRole.KINDERGARTEN_TEACHER):
        if role in roles:
            return role
    return roles[0]


def _codes(a: Answer) -> list[tuple[str, str, int | None]]:
    codes: list[tuple[str, str, int | None]] = [
        ("responsibility", {1: "low", 2: "medium", 3: "high"}[a.quality], None),
        ("perspective", {1: "individual", 2: "relational", 3: "systemic"}[a.reach], None),
        ("repertoire", "count", a.moves),
        ("regulations", "invoked" if a.regulations else "not_invoked", None),
        ("classification", a.classification, None),
    ]
    codes += [("pdh", key, None) for key in a.pdh]
    codes += [("duty_to_act", key, None) for key in a.duties]
    return codes


_SCALES = {"responsibility": ["low", "medium", "high"], "perspective": ["individual", "relational", "systemic"],
           "classification": ["not_considered", "one_off", "bullying", "violation"]}


def _disagree(r: random.Random, codes: list[tuple[str, str, int | None]]) -> list[tuple[str, str, int | None]]:
    """The second coder mostly agrees; now and then one step apart, a count off by one, a duty missed."""
    result = []
    for dimension, key, number in codes:
        if dimension in _SCALES and r.random() < 0.12:
            scale = _SCALES[dimension]
            i = scale.index(key) + r.choice([-1, 1])
            key = scale[min(max(i, 0), len(scale) - 1)]
        elif dimension == "repertoire" and r.random() < 0.2:
            number = max(0, (number or 0) + r.choice([-1, 1]))
        elif dimension in ("pdh", "duty_to_act") and r.random() < 0.1:
            continue
        result.append((dimension, key, number))
    return result


def make_vignette_sessions(w: Writer, seed: int, muni: MuniInfo, content: Content, meetings: list[Meeting],
                           county: bool) -> None:
    maker = VignetteMaker(w, seed, muni, content)
    maker.write(maker.county_plans(meetings) if county else maker.municipality_plans(meetings))

