"""The development plan: the sections the programme asks for, goals and measures per semester, and
versions. Saving a changed plan makes a new version with a required one-line reason; saving unchanged
content makes none. Any two versions can be compared section by section, word by word.
"""

from __future__ import annotations

import difflib
import re
import uuid
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field, field_validator
from sqlalchemy import func
from sqlmodel import select

from ..errors import DomainError
from ..i18n import _
from ..models import Participation, ParticipationRead, Plan, PlanRead, PlanVersion, PlanVersionRead
from ..semesters import semester_label
from ..store import Store
from ..validation import label_for, validated
from .common import require

#: Section keys in the order of the programme letter, with their Norwegian titles.
PLAN_SECTIONS: tuple[tuple[str, str], ...] = (
    ("organisation", "Organisering og forankring"),
    ("all_units_benefit", "Hvordan alle enheter får nytte"),
    ("financing_and_implementation", "Finansierings- og gjennomføringsplan"),
    ("involvement", "Involvering av barn/elever, foreldre og PPT"),
    ("participating_units", "Deltakende enheter"),
    ("mapping", "Kartlegging"),
)
GOALS_KEY = "goals"
MAX_SECTION_CHARS = 20_000

Op = Literal["equal", "insert", "delete", "replace"]


class PlanGoal(BaseModel):
    """One goal for a semester with its measures (tiltak)."""

    semester: str = Field(min_length=5, max_length=5)
    goal: str = Field(min_length=2, max_length=500)
    measures: list[str] = Field(default_factory=list)

    @field_validator("goal")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("measures")
    @classmethod
    def _measures(cls, value: list[str]) -> list[str]:
        return [m.strip() for m in value if m and m.strip()]


@dataclass(frozen=True)
class PlanState:
    plan: PlanRead | None
    current: PlanVersionRead | None
    versions: list[PlanVersionRead]  # newest first


@dataclass(frozen=True)
class SaveResult:
    version: PlanVersionRead | None
    created: bool  # False: the content was unchanged, no new version


@dataclass(frozen=True)
class DiffSegment:
    """A run of words: `old` is the text in the first version, `new` in the second (equal when unchanged)."""

    op: Op
    old: str
    new: str


@dataclass(frozen=True)
class SectionDiff:
    key: str
    title: str
    changed: bool
    segments: list[DiffSegment]


def section_titles() -> dict[str, str]:
    """Section key → Norwegian title, goals last."""
    return {key: _(title) for key, title in PLAN_SECTIONS} | {GOALS_KEY: _("Mål og tiltak per semester")}


def _missing() -> str:
    return _("Fant ikke deltakelsen.")


def _normal_sections(sections: dict[str, str]) -> dict[str, str]:
    known = {key for key, _title in PLAN_SECTIONS}
    result = {}
    for key, text in (sections or {}).items():
        if key not in known:
            raise DomainError(_("«{key}» er ikke en del av planen.").format(key=key), field="sections")
        text = "\n".join(line.rstrip() for line in str(text or "").strip().splitlines())
        if len(text) > MAX_SECTION_CHARS:
            raise DomainError(_("«{title}» er for lang (høyst {n} tegn).").format(
                title=section_titles()[key], n=MAX_SECTION_CHARS), field=key)
        if text:
            result[key] = text
    return result


def _normal_goals(goals: list, semesters: list[str]) -> list[dict]:
    checked = [validated(PlanGoal, g) for g in goals or []]
    for goal in checked:
        if goal.semester not in semesters:
            raise DomainError(_("«{label}»: {semester} er ikke et semester i perioden ({first}–{last}).").format(
                label=label_for("semester"), semester=goal.semester, first=semesters[0], last=semesters[-1]),
                field="semester")
    checked.sort(key=lambda g: semesters.index(g.semester))
    return [g.model_dump() for g in checked]


def _check_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Skriv en kort begrunnelse (én linje) for endringen i planen."), field="reason")
    if "\n" in reason or "\r" in reason:
        raise DomainError(_("«{label}» må være én linje.").format(label=label_for("reason")), field="reason")
    if len(reason) < 2 or len(reason) > 200:
        raise DomainError(_("«{label}» må være 2–200 tegn.").format(label=label_for("reason")), field="reason")
    return reason


def get_plan(store: Store, participation_id: uuid.UUID) -> PlanState:
    with store.reader() as session:
        plan = session.exec(select(Plan).where(Plan.participation_id == participation_id)).first()
        if plan is None:
            return PlanState(None, None, [])
        versions = session.exec(select(PlanVersion).where(PlanVersion.plan_id == plan.id)
                                .order_by(PlanVersion.version.desc())).all()
        reads = [PlanVersionRead.model_validate(v) for v in versions]
        return PlanState(PlanRead.model_validate(plan), reads[0] if reads else None, reads)


def save_plan(store: Store, participation_id: uuid.UUID, sections: dict[str, str], goals: list,
              reason: str | None, *, title: str | None = None) -> SaveResult:
    """Save the plan. Changed content becomes a new version (the reason is required, one line);
    unchanged content makes no version and needs no reason."""
    with store.transaction() as session:
        part = require(session, Participation, participation_id, _missing())
        semesters = ParticipationRead.model_validate(part).semesters
        sections = _normal_sections(sections)
        goals = _normal_goals(goals, semesters)
        plan = session.exec(select(Plan).where(Plan.participation_id == participation_id)).first()
        latest = None
        if plan is not None:
            latest = session.exec(select(PlanVersion).where(PlanVersion.plan_id == plan.id)
                                  .order_by(PlanVersion.version.desc())).first()
        if latest is not None and latest.sections == sections and latest.goals == goals:
            return SaveResult(PlanVersionRead.model_validate(latest), created=False)
        reason = _check_reason(reason)
        if plan is None:
            plan = Plan(participation_id=participation_id, title=(title or _("Utviklingsplan")).strip())
            session.add(plan)
            session.flush()
        number = (session.exec(select(func.max(PlanVersion.version)).where(PlanVersion.plan_id == plan.id)).one()
                  or 0) + 1
        row = PlanVersion(plan_id=plan.id, version=number, reason=reason, sections=sections, goals=goals)
        session.add(row)
        session.flush()
        return SaveResult(PlanVersionRead.model_validate(row), created=True)


def get_version(store: Store, version_id: uuid.UUID) -> PlanVersionRead:
    with store.reader() as session:
        return PlanVersionRead.model_validate(require(session, PlanVersion, version_id,
                                                      _("Fant ikke planversjonen.")))


def goals_text(goals: list[dict]) -> str:
    """Goals and measures as plain text, one semester block after another (for diffs and reports)."""
    blocks = []
    for goal in goals:
        lines = [f"{semester_label(goal['semester']).capitalize()}: {goal['goal']}"]
        lines += [f"– {m}" for m in goal.get("measures", [])]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


_TOKENS = re.compile(r"\s+|[^\s]+")


def diff_words(old: str, new: str) -> list[DiffSegment]:
    """Word-level changes from `old` to `new`; joining `old` (or `new`) of the segments gives the text back."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [DiffSegment(op, "".join(a[i1:i2]), "".join(b[j1:j2]))
            for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def compare_versions(a: PlanVersionRead, b: PlanVersionRead) -> list[SectionDiff]:
    """Every section (and the goals) of version `a` against version `b`, with the changes marked."""
    result = []
    for key, title in section_titles().items():
        if key == GOALS_KEY:
            old, new = goals_text(a.goals), goals_text(b.goals)
        else:
            old, new = a.sections.get(key, ""), b.sections.get(key, "")
        result.append(SectionDiff(key, title, old != new, diff_words(old, new)))
    return result


def compare_version_ids(store: Store, a_id: uuid.UUID, b_id: uuid.UUID) -> list[SectionDiff]:
    return compare_versions(get_version(store, a_id), get_version(store, b_id))
