"""Live figures for the Oversikt page and `nettverkslogg check`: counts straight from the database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, text
from sqlmodel import SQLModel, select

from ..db import integrity_problems
from ..enums import GatheringStatus, UnitKind
from ..models import (
    Gathering,
    LearningNetwork,
    Response,
    SessionLog,
    Unit,
    VignetteSession,
)
from ..store import Store
from .funds import funds_summary
from .municipalities import participation_of


@dataclass(frozen=True)
class OverviewCounts:
    municipality_id: uuid.UUID
    kindergartens: int
    schools: int
    other_units: int
    networks: int
    gatherings_held: int
    gatherings_planned: int
    session_logs: int
    vignette_sessions: int
    responses: int
    grant_nok: int
    own_nok: int
    spent_nok: int
    remaining_nok: int
    cohort: int | None = None
    semesters: list[str] = field(default_factory=list)


def overview_counts(store: Store, municipality_id: uuid.UUID, today: date | None = None) -> OverviewCounts:
    part = participation_of(store, municipality_id)
    funds = funds_summary(store, part.id, today or date.today()) if part is not None else None
    with store.reader() as s:
        units_by_kind = dict(s.exec(
            select(Unit.kind, func.count()).where(Unit.municipality_id == municipality_id, Unit.archived == False)  # noqa: E712
            .group_by(Unit.kind)).all())
        gatherings = dict(s.exec(
            select(Gathering.status, func.count()).where(Gathering.municipality_id == municipality_id)
            .group_by(Gathering.status)).all())
        networks = s.exec(select(func.count()).select_from(LearningNetwork).where(
            LearningNetwork.municipality_id == municipality_id, LearningNetwork.archived == False)).one()  # noqa: E712
        logs = s.exec(select(func.count()).select_from(SessionLog).join(Unit, SessionLog.unit_id == Unit.id)
                      .where(Unit.municipality_id == municipality_id)).one()
        sessions = s.exec(select(func.count()).select_from(VignetteSession).where(
            VignetteSession.municipality_id == municipality_id)).one()
        responses = s.exec(select(func.count()).select_from(Response)
                           .join(VignetteSession, Response.session_id == VignetteSession.id)
                           .where(VignetteSession.municipality_id == municipality_id)).one()
    kinds = {UnitKind(k): n for k, n in units_by_kind.items()}
    return OverviewCounts(
        municipality_id=municipality_id,
        kindergartens=kinds.get(UnitKind.KINDERGARTEN, 0),
        schools=kinds.get(UnitKind.SCHOOL, 0) + kinds.get(UnitKind.COMBINED, 0),
        other_units=kinds.get(UnitKind.PPT, 0) + kinds.get(UnitKind.OTHER, 0),
        networks=networks,
        gatherings_held=gatherings.get(GatheringStatus.HELD.value, 0),
        gatherings_planned=gatherings.get(GatheringStatus.PLANNED.value, 0),
        session_logs=logs, vignette_sessions=sessions, responses=responses,
        grant_nok=funds.granted_nok if funds else 0, own_nok=funds.own_nok if funds else 0,
        spent_nok=funds.spent_nok if funds else 0, remaining_nok=funds.remaining_nok if funds else 0,
        cohort=part.cohort if part else None, semesters=part.semesters if part else [],
    )


@dataclass(frozen=True)
class CheckReport:
    revision: str | None
    database_id: str | None
    row_counts: dict[str, int]
    problems: list[str] | None  # None: the database offers no integrity check

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(store: Store) -> CheckReport:
    """Schema version, rows per table and the database's own integrity check."""
    counts: dict[str, int] = {}
    with store.reader() as s:
        revision = s.exec(text("SELECT version_num FROM alembic_version")).scalar()
        database_id = s.exec(text("SELECT value FROM setting WHERE key = 'database_id'")).scalar()
        for name, table in sorted(SQLModel.metadata.tables.items()):
            counts[name] = s.exec(select(func.count()).select_from(table)).one()
    return CheckReport(revision=revision, database_id=database_id, row_counts=counts,
                       problems=integrity_problems(store.engine))
