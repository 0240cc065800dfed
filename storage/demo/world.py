"""Who takes part: municipalities, their participation, units, resource persons and learning networks."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..enums import Area, NetworkTarget, Ownership, UnitKind
from ..models import (
    DEFAULT_OFFER,
    LearningNetwork,
    Municipality,
    NetworkFocus,
    NetworkMember,
    Participation,
    ResourceAssignment,
    ResourcePerson,
    Unit,
)
from ..semesters import semesters_between
from . import names, texts
from .writer import Writer, make_rng, new_id

COHORT = 7
PERIOD = (date(2025, 8, 1), date(2027, 6, 30))


@dataclass
class UnitInfo:
    id: uuid.UUID
    name: str
    kind: str
    ownership: str
    stages: str | None
    staff: int

    @property
    def is_school(self) -> bool:
        return self.kind in (UnitKind.SCHOOL, UnitKind.COMBINED)


@dataclass
class NetworkInfo:
    id: uuid.UUID
    name: str
    target: str
    members: list[UnitInfo]
    focus: dict[str, str] = field(default_factory=dict)


@dataclass
class MuniInfo:
    index: int
    id: uuid.UUID
    name: str
    inhabitants: int
    kindergarten_authority: bool
    school_owner: bool
    participation_id: uuid.UUID
    period_start: date
    period_end: date
    semesters: list[str]
    units: list[UnitInfo] = field(default_factory=list)
    networks: list[NetworkInfo] = field(default_factory=list)
    resource_persons: list[str] = field(default_factory=list)

    @property
    def teaching_units(self) -> list[UnitInfo]:
        """Kindergartens and schools: the units that log their own sessions."""
        return [u for u in self.units if u.kind != UnitKind.PPT]

    @property
    def ppt(self) -> UnitInfo | None:
        return next((u for u in self.units if u.kind == UnitKind.PPT), None)


@dataclass(frozen=True)
class MuniSpec:
    name: str
    inhabitants: int
    kindergarten_authority: bool
    school_owner: bool
    kindergartens: int
    private_kindergartens: int
    school_stages: tuple[str, ...]
    combined: int = 0


def municipality_scale_specs() -> list[MuniSpec]:
    """One mid-sized municipality taking part as both kindergarten authority and school owner."""
    return [MuniSpec("Fjordvik", 12_140, True, True, kindergartens=10, private_kindergartens=4,
                     school_stages=("1-7", "1-7", "1-7", "8-10", "8-10", "1-10"))]


def county_scale_specs(seed: int, municipalities: int = 40, units_target: int = 1200) -> list[MuniSpec]:
    """A county's worth: 3 000–30 000 inhabitants, a few taking part in one role only."""
    rng = make_rng(seed, "county-specs")
    only_kindergarten = set(rng.sample(range(1, municipalities), 3))
    only_school = set(rng.sample(sorted(set(range(1, municipalities)) - only_kindergarten), 2))
    sizes = [12_140] + [int(math.exp(rng.uniform(math.log(3_000), math.log(30_000))))
                        for _ in range(municipalities - 1)]
    weights = [s ** 0.8 * (0.6 if i in only_kindergarten | only_school else 1.0) for i, s in enumerate(sizes)]
    scale = (units_target - municipalities) / sum(weights)  # one PPT unit each
    specs = []
    for i, inhabitants in enumerate(sizes):
        n = max(4, round(weights[i] * scale))
        ka, so = i not in only_school, i not in only_kindergarten
        kindergartens = n if not so else (0 if not ka else max(2, round(n * rng.uniform(0.6, 0.7))))
        schools = n - kindergartens
        combined = 1 if ka and so and schools > 4 and rng.random() < 0.3 else 0
        schools -= combined
        stages = _school_stages(rng, schools)
        private = round(kindergartens * rng.uniform(0.2, 0.5))
        specs.append(MuniSpec(names.MUNICIPALITY_NAMES[i], inhabitants, ka, so, kindergartens, private,
                              stages, combined))
    return specs


def _school_stages(rng, schools: int) -> tuple[str, ...]:
    if schools <= 0:
        return ()
    if schools == 1:
        return ("1-10",)
    stages = ["1-7", "8-10"]  # both stages represented, as the programme asks
    for _ in range(schools - 2):
        stages.append(rng.choices(["1-7", "8-10", "1-10"], weights=[6, 2.5, 1.5])[0])
    return tuple(sorted(stages))


def build_municipality(w: Writer, seed: int, index: int, spec: MuniSpec, used_people: set[str],
                       shared_person: dict) -> MuniInfo:
    """Write one municipality with its participation, units, resource persons and networks."""
    rng = make_rng(seed, "municipality", index)
    start, end = PERIOD
    muni = MuniInfo(index=index, id=new_id(rng), name=spec.name, inhabitants=spec.inhabitants,
                    kindergarten_authority=spec.kindergarten_authority, school_owner=spec.school_owner,
                    participation_id=new_id(rng), period_start=start, period_end=end,
                    semesters=semesters_between(start, end))
    created = start - timedelta(days=rng.randint(20, 60))
    w.add(Municipality, {"id": muni.id, "name": spec.name, "number": names.municipality_number(index),
                         "county": names.COUNTY, "inhabitants": spec.inhabitants}, day=created)
    w.add(Participation, {"id": muni.participation_id, "municipality_id": muni.id,
                          "offer": DEFAULT_OFFER, "cohort": COHORT,
                          "kindergarten_authority": spec.kindergarten_authority,
                          "school_owner": spec.school_owner, "independent_school": False,
                          "period_start": start, "period_end": end}, day=created)
    _units(w, rng, muni, spec, created)
    _resource_persons(w, rng, muni, index, used_people, shared_person, created)
    _networks(w, rng, muni, created)
    return muni


def _units(w: Writer, rng, muni: MuniInfo, spec: MuniSpec, created: date) -> None:
    namer = names.UnitNamer(rng, muni.name)
    domain = names.email_domain(muni.name)
    private = set(rng.sample(range(spec.kindergartens), min(spec.private_kindergartens, spec.kindergartens)))
    plan: list[tuple[str, str, str | None]] = []
    for k in range(spec.kindergartens):
        plan.append((UnitKind.KINDERGARTEN, Ownership.PRIVATE if k in private else Ownership.PUBLIC, None))
    plan += [(UnitKind.SCHOOL, Ownership.PUBLIC, s) for s in spec.school_stages]
    plan += [(UnitKind.COMBINED, Ownership.PUBLIC, "1-7")] * spec.combined
    plan.append((UnitKind.PPT, Ownership.PUBLIC, None))
    for kind, ownership, stages in plan:
        if kind == UnitKind.KINDERGARTEN:
            name = namer.kindergarten(ownership == Ownership.PRIVATE)
            staff = rng.randint(6, 20) if ownership == Ownership.PRIVATE else rng.randint(10, 28)
            role = "styrer"
        elif kind == UnitKind.SCHOOL:
            name = namer.school(stages)
            staff = {"1-7": rng.randint(16, 45), "8-10": rng.randint(20, 50), "1-10": rng.randint(14, 55)}[stages]
            role = "rektor"
        elif kind == UnitKind.COMBINED:
            name, staff, role = namer.combined(), rng.randint(15, 30), "enhetsleder"
        else:
            name, staff, role = namer.ppt(), rng.randint(5, 14), "leder for PP-tjenesten"
        unit = UnitInfo(new_id(rng), name, kind, ownership, stages, staff)
        muni.units.append(unit)
        if ownership == Ownership.PRIVATE:
            email = f"styrer@{names.slug(name)}.example"
        else:
            email = f"{names.slug(role.split()[0])}.{names.slug(name)}@{domain}"
        w.add(Unit, {"id": unit.id, "municipality_id": muni.id, "name": name, "kind": kind,
                     "ownership": ownership, "stages": stages, "staff_count": staff, "leader_role": role,
                     "leader_email": email[:200],
                     "archived": False}, day=created)


def _resource_persons(w: Writer, rng, muni: MuniInfo, index: int, used: set[str], shared: dict,
                      created: date) -> None:
    """Two at 20 % where both roles are taken, sometimes one at 40 %; now and then a gap to find."""
    start, end = muni.period_start, muni.period_end
    areas: list[tuple[str, int, date, date]] = []
    if muni.kindergarten_authority and muni.school_owner:
        if index > 0 and rng.random() < 0.2:
            areas.append((Area.BOTH, 40, start, end))
        else:
            areas += [(Area.KINDERGARTEN, 20, start, end), (Area.SCHOOL, 20, start, end)]
    elif muni.kindergarten_authority:
        areas.append((Area.KINDERGARTEN, rng.choice([20, 20, 25, 30]), start, end))
    else:
        areas.append((Area.SCHOOL, rng.choice([20, 20, 25]), start, end))
    if index == 0 or rng.random() < 0.15:
        # One assignment ends a month early: a gap in the resource-person rule for a check to find.
        area, pct, a_start, _a_end = areas[-1]
        areas[-1] = (area, pct, a_start, date(end.year, end.month, 1) - timedelta(days=1))
    domain = names.email_domain(muni.name)
    for area, pct, a_start, a_end in areas:
        if index > 0 and area == Area.KINDERGARTEN and shared.get("person") and not shared.get("used"):
            person_id, name = shared["person"]  # one person serves two neighbouring municipalities
            shared["used"] = True
        else:
            name = names.person_name(rng, used)
            person_id = new_id(rng)
            w.add(ResourcePerson, {"id": person_id, "name": name, "phone": None,
                                   "email": f"{names.slug(name).replace('-', '.')}@{domain}"}, day=created)
            if index > 0 and area == Area.KINDERGARTEN and "person" not in shared:
                shared["person"] = (person_id, name)
        muni.resource_persons.append(name)
        w.add(ResourceAssignment, {"resource_person_id": person_id, "municipality_id": muni.id, "area": area,
                                   "position_percent": pct, "start": a_start, "end": a_end},
              rng=rng, day=created)


def _networks(w: Writer, rng, muni: MuniInfo, created: date) -> None:
    kindergartens = [u for u in muni.units if u.kind == UnitKind.KINDERGARTEN]
    schools = [u for u in muni.units if u.is_school]
    ppt = muni.ppt
    groups: list[tuple[str, list[UnitInfo]]] = []
    mixed_members: list[UnitInfo] = []
    if kindergartens and schools:
        # The mixed network (transitions kindergarten–school) takes some of each and the PPT.
        k_mixed = max(1, round(len(kindergartens) * 0.4)) if len(kindergartens) > 3 else 1
        s_mixed = max(1, round(len(schools) * 0.3))
        mixed_schools = [s for s in schools if s.stages == "1-10"][:1]
        mixed_schools += [s for s in schools if s not in mixed_schools][:max(0, s_mixed - len(mixed_schools))]
        mixed_members = kindergartens[-k_mixed:] + mixed_schools
        own_kg = kindergartens[:-k_mixed] or kindergartens[:1]
        own_schools = [s for s in schools if s not in mixed_members] or schools[:1]
    else:
        own_kg, own_schools = kindergartens, schools
    for target, members, size in ((NetworkTarget.KINDERGARTEN, own_kg, 5), (NetworkTarget.SCHOOL, own_schools, 4)):
        if not members:
            continue
        count = max(1, round(len(members) / size))
        for n in range(count):
            groups.append((target, members[n::count]))
    if mixed_members:
        groups.append((NetworkTarget.MIXED, mixed_members + ([ppt] if ppt else [])))
    elif ppt and groups:
        groups[0][1].append(ppt)
    namer = names.UnitNamer(rng, muni.name)
    for i, (target, members) in enumerate(groups):
        stages = {u.stages for u in members if u.kind == UnitKind.SCHOOL}
        net = NetworkInfo(new_id(rng), namer.network(target, i, stages), target, members)
        muni.networks.append(net)
        w.add(LearningNetwork, {"id": net.id, "municipality_id": muni.id, "name": net.name, "target": target,
                                "leader": texts.network_leader(rng, target, members),
                                "description": texts.network_description(rng, target, len(members)),
                                "archived": False}, day=created + timedelta(days=30))
        for unit in members:
            w.add(NetworkMember, {"network_id": net.id, "unit_id": unit.id})
        focuses = texts.FOCUS[target][:]
        rng.shuffle(focuses)
        for s, semester in enumerate(muni.semesters):
            net.focus[semester] = focuses[s % len(focuses)]
            w.add(NetworkFocus, {"network_id": net.id, "semester": semester, "focus": net.focus[semester]},
                  rng=rng, day=created + timedelta(days=30 + 150 * s))
