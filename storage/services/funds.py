"""Money: own financing per semester, expenses by category, and the summary with its spending warning.

Grants themselves are edited in storage.services.participation. All amounts are whole kroner.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from ..enums import ExpenseCategory, FundingSource
from ..errors import DomainError
from ..formatting import format_date, format_kroner
from ..i18n import _
from ..models import (
    Expense,
    ExpenseCreate,
    ExpenseRead,
    ExpenseUpdate,
    Grant,
    OwnFunding,
    OwnFundingCreate,
    OwnFundingRead,
    OwnFundingUpdate,
    Participation,
    ParticipationRead,
)
from ..rules import granted_amount
from ..semesters import semester_bounds, semester_of
from ..store import Store
from ..validation import label_for, validated
from .common import apply_update, check_in_period, require

#: Warn when the rest would have to be spent more than this many times faster than so far.
PACE_FACTOR = 2
#: Months of the period that must have passed before the pace is judged.
MIN_MONTHS_TO_JUDGE = 3


@dataclass(frozen=True)
class FundsSummary:
    granted_nok: int  # the grants, each times the municipality's share
    own_nok: int
    spent_nok: int
    spent_from_grant_nok: int
    spent_from_own_nok: int
    spent_by_category: dict[ExpenseCategory, int]
    spent_by_semester: dict[str, dict[ExpenseCategory, int]]  # semester → category → kroner
    own_by_semester: dict[str, int]
    months_passed: int
    months_left: int
    average_monthly_nok: int
    needed_monthly_nok: int
    warning: str | None = None

    @property
    def available_nok(self) -> int:
        return self.granted_nok + self.own_nok

    @property
    def remaining_nok(self) -> int:
        return self.available_nok - self.spent_nok

    @property
    def remaining_grant_nok(self) -> int:
        return self.granted_nok - self.spent_from_grant_nok


@dataclass(frozen=True)
class FundsData:
    """What the summary is computed from: three aggregate queries."""

    period_start: date
    period_end: date
    granted: int
    own_by_semester: dict[str, int]
    spent_by_day: list[tuple[date, str, str, int]] = field(default_factory=list)  # day, category, source, kroner


def _missing() -> str:
    return _("Fant ikke deltakelsen.")


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def load_funds(session: Session, part: Participation) -> FundsData:
    # The total is the sum of the rows as shown (each rounded down), never a sum of fractions.
    granted = sum(granted_amount(amount, share) for amount, share in session.exec(
        select(Grant.amount_nok, Grant.share_percent).where(Grant.participation_id == part.id)).all())
    own = session.exec(select(OwnFunding.semester, func.sum(OwnFunding.amount_nok))
                       .where(OwnFunding.participation_id == part.id).group_by(OwnFunding.semester)).all()
    spent = session.exec(select(Expense.spent_on, Expense.category, Expense.funded_by, func.sum(Expense.amount_nok))
                         .where(Expense.participation_id == part.id)
                         .group_by(Expense.spent_on, Expense.category, Expense.funded_by)).all()
    return FundsData(part.period_start, part.period_end, int(granted), {s: int(a) for s, a in own},
                     [(d, c, f, int(a)) for d, c, f, a in spent])


def summarise(data: FundsData, today: date) -> FundsSummary:
    """The summary as of `today`: expenses dated up to and including `today` count as spent (the same
    rule as the reports, so a report's figures and its «Midlene i rute» line agree).

    The warning rule: once at least three months of the period have passed, compare the kroner
    left (grants times share, plus own financing, minus expenses) per month left of the period —
    this month included — with the average spent per month so far. If the rest would have to be
    spent more than twice as fast as until now, the money cannot plausibly be spent in time. After
    the period, any grant money left is warned about; so is spending more than is available."""
    now = _month_index(today)
    by_category: dict[ExpenseCategory, int] = {}
    by_semester: dict[str, dict[ExpenseCategory, int]] = {}
    from_grant = from_own = 0
    for day, category, source, amount in data.spent_by_day:
        if day > today:
            continue
        category = ExpenseCategory(category)
        by_category[category] = by_category.get(category, 0) + amount
        semester = by_semester.setdefault(semester_of(day), {})
        semester[category] = semester.get(category, 0) + amount
        if source == FundingSource.OWN:
            from_own += amount
        else:
            from_grant += amount
    spent = from_grant + from_own
    own = sum(data.own_by_semester.values())
    passed = max(0, min(now, _month_index(data.period_end) + 1) - _month_index(data.period_start))
    left = max(0, _month_index(data.period_end) - now + 1)
    remaining = data.granted + own - spent
    average = spent // passed if passed else 0
    needed = -(-remaining // left) if left and remaining > 0 else 0
    warning = None
    if remaining < 0:
        warning = _("Utgiftene er {over} høyere enn tilskudd og egenfinansiering til sammen.").format(
            over=format_kroner(-remaining))
    elif today > data.period_end and data.granted - from_grant > 0:
        warning = _("Perioden er over, og {rest} av tilskuddet er ikke brukt.").format(
            rest=format_kroner(data.granted - from_grant))
    elif left and passed >= MIN_MONTHS_TO_JUDGE and remaining > 0 and needed > PACE_FACTOR * average:
        warning = _("Det er {rest} igjen som skal brukes innen {end}: {needed} per måned de {left} månedene som "
                    "er igjen, mot {average} per måned hittil. Det er mer enn dobbelt så raskt som til nå.").format(
            rest=format_kroner(remaining), end=format_date(data.period_end), needed=format_kroner(needed),
            left=left, average=format_kroner(average))
    return FundsSummary(
        granted_nok=data.granted, own_nok=own, spent_nok=spent, spent_from_grant_nok=from_grant,
        spent_from_own_nok=from_own, spent_by_category=by_category, spent_by_semester=by_semester,
        own_by_semester=dict(data.own_by_semester), months_passed=passed, months_left=left,
        average_monthly_nok=average, needed_monthly_nok=needed, warning=warning)


def funds_summary(store: Store, participation_id: uuid.UUID, today: date) -> FundsSummary:
    """Granted, own, spent per category and semester, remaining, and a warning (see `summarise`)."""
    with store.reader() as session:
        part = require(session, Participation, participation_id, _missing())
        return summarise(load_funds(session, part), today)


# --- own financing ------------------------------------------------------------------------------

def _check_semester(part: Participation, semester: str) -> None:
    semester_bounds(semester)  # the form: 2026V
    semesters = ParticipationRead.model_validate(part).semesters
    if semester not in semesters:
        raise DomainError(_("«{label}»: {semester} er ikke et semester i perioden ({first}–{last}).").format(
            label=label_for("semester"), semester=semester, first=semesters[0], last=semesters[-1]),
            field="semester")


def add_own_funding(store: Store, participation_id: uuid.UUID, own: OwnFundingCreate | dict) -> OwnFundingRead:
    own = validated(OwnFundingCreate, own)
    with store.transaction() as session:
        part = require(session, Participation, participation_id, _missing())
        _check_semester(part, own.semester)
        row = OwnFunding.model_validate(own, update={"participation_id": participation_id})
        session.add(row)
        session.flush()
        return OwnFundingRead.model_validate(row)


def update_own_funding(store: Store, own_id: uuid.UUID, changes: OwnFundingUpdate | dict) -> OwnFundingRead:
    with store.transaction() as session:
        row = require(session, OwnFunding, own_id, _("Fant ikke egenfinansieringen."))
        apply_update(row, changes, OwnFundingUpdate, OwnFundingCreate)
        _check_semester(session.get(Participation, row.participation_id), row.semester)
        session.flush()
        return OwnFundingRead.model_validate(row)


def delete_own_funding(store: Store, own_id: uuid.UUID) -> None:
    with store.transaction() as session:
        session.delete(require(session, OwnFunding, own_id, _("Fant ikke egenfinansieringen.")))


def list_own_funding(store: Store, participation_id: uuid.UUID) -> list[OwnFundingRead]:
    with store.reader() as session:
        rows = session.exec(select(OwnFunding).where(OwnFunding.participation_id == participation_id)
                            .order_by(OwnFunding.semester, OwnFunding.created_at)).all()
        return [OwnFundingRead.model_validate(r) for r in rows]


# --- expenses -----------------------------------------------------------------------------------

def expense_warning(store: Store, participation_id: uuid.UUID, amount_nok: int,
                    expense_id: uuid.UUID | None = None) -> str | None:
    """A warning, asked about before storing (not an error): the amount is larger than the grant and own
    financing together, or it brings all expenses above them. A typing slip such as 100 000 000 kr on a
    620 001 kr grant is caught here instead of in the report to the county governor."""
    with store.reader() as session:
        part = require(session, Participation, participation_id, _missing())
        data = load_funds(session, part)
        others = session.exec(select(func.coalesce(func.sum(Expense.amount_nok), 0)).where(
            Expense.participation_id == participation_id,
            *([Expense.id != expense_id] if expense_id is not None else []))).one()
    available = data.granted + sum(data.own_by_semester.values())
    if amount_nok > available:
        return _("Beløpet {amount} er større enn tilskuddet og egenfinansieringen til sammen ({available}). "
                 "Stemmer beløpet?").format(amount=format_kroner(amount_nok), available=format_kroner(available))
    if others + amount_nok > available:
        return _("Med denne utgiften blir utgiftene {total}, mer enn tilskuddet og egenfinansieringen til sammen "
                 "({available}). Stemmer beløpet?").format(total=format_kroner(others + amount_nok),
                                                          available=format_kroner(available))
    return None


def add_expense(store: Store, participation_id: uuid.UUID, expense: ExpenseCreate | dict) -> ExpenseRead:
    """An expense in whole kroner, dated within the period (the money must be spent in the period)."""
    expense = validated(ExpenseCreate, expense)
    with store.transaction() as session:
        part = require(session, Participation, participation_id, _missing())
        check_in_period(expense.spent_on, part, field="spent_on", what=_("Datoen"))
        row = Expense.model_validate(expense, update={"participation_id": participation_id})
        session.add(row)
        session.flush()
        return ExpenseRead.model_validate(row)


def update_expense(store: Store, expense_id: uuid.UUID, changes: ExpenseUpdate | dict) -> ExpenseRead:
    with store.transaction() as session:
        row = require(session, Expense, expense_id, _("Fant ikke utgiften."))
        apply_update(row, changes, ExpenseUpdate, ExpenseCreate)
        check_in_period(row.spent_on, session.get(Participation, row.participation_id), field="spent_on",
                        what=_("Datoen"))
        session.flush()
        return ExpenseRead.model_validate(row)


def delete_expense(store: Store, expense_id: uuid.UUID) -> None:
    with store.transaction() as session:
        session.delete(require(session, Expense, expense_id, _("Fant ikke utgiften.")))


def list_expenses(store: Store, participation_id: uuid.UUID, *, semester: str | None = None,
                  category: ExpenseCategory | None = None) -> list[ExpenseRead]:
    query = select(Expense).where(Expense.participation_id == participation_id)
    if semester is not None:
        first, last = semester_bounds(semester)
        query = query.where(Expense.spent_on >= first, Expense.spent_on <= last)
    if category is not None:
        query = query.where(Expense.category == ExpenseCategory(category).value)
    with store.reader() as session:
        return [ExpenseRead.model_validate(r) for r in session.exec(query.order_by(Expense.spent_on)).all()]
