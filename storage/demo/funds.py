"""The money: grants from the rules, own financing per semester, and expenses in whole kroner."""

from __future__ import annotations

from datetime import date, timedelta

from ..enums import ExpenseCategory, FundingSource
from ..models import Expense, Grant, OwnFunding
from ..rules import proposed_grants
from ..semesters import semester_label
from .dates import next_workday
from .gatherings import GatheringSummary
from .world import MuniInfo
from .writer import Writer, make_rng, new_id

MONTHLY_COST_FULL_POSITION = 62_000  # salary and social costs for a pedagogue, kroner per month

OWN_FUNDING_TEXTS = (
    "Frikjøp av ressursperson utover tilskuddet",
    "Vikarutgifter og møtetid i nettverkene",
    "Kommunens andel av samlinger og reiser",
    "Tid til refleksjonsgrupper i enhetene",
)
OTHER_EXPENSES = (
    ("Fagbøker til nettverkene", 2_000, 8_000),
    ("Trykking av refleksjonskort og plakater", 1_500, 5_000),
    ("Kurs i prosessledelse for ressurspersonene", 6_000, 15_000),
    ("Lisens for digitalt verktøy til gruppearbeid", 1_000, 4_000),
)
STARTUP_EXPENSES = (
    ("Leie av lokaler, lokal oppstartssamling", 4_000, 12_000),
    ("Servering, lokal oppstartssamling", 8_000, 25_000),
    ("Honorar og reise for foredragsholder", 12_000, 30_000),
)


def grants_and_funding(w: Writer, seed: int, muni: MuniInfo,
                       share: tuple[int, str] | None = None) -> tuple[int, list[int]]:
    """Grants as the rules give them (optionally shared with a partner) and own financing per semester.
    Returns the grant in kroner and the own financing of each semester."""
    rng = make_rng(seed, "funds", muni.index)
    total = 0
    percent, partner = share if share else (100, None)
    for role, amount in proposed_grants(muni.kindergarten_authority, muni.school_owner, False):
        w.add(Grant, {"participation_id": muni.participation_id, "basis": role, "amount_nok": amount,
                      "share_percent": percent, "shared_with": partner}, rng=rng, day=muni.period_start)
        total += amount * percent // 100
    base = max(20_000, muni.inhabitants * rng.uniform(4, 9))
    own = []
    for i, semester in enumerate(muni.semesters):
        own.append(int(base * rng.uniform(0.9, 1.1)) // 1000 * 1000 + (15_000 if i >= 1 else 0))
        w.add(OwnFunding, {"participation_id": muni.participation_id, "semester": semester,
                           "amount_nok": own[-1], "description": OWN_FUNDING_TEXTS[i % len(OWN_FUNDING_TEXTS)]},
              rng=rng, day=muni.period_start + timedelta(days=30))
    return total, own


def expenses(w: Writer, seed: int, muni: MuniInfo, summary: GatheringSummary, grant_total: int) -> None:
    """Past expenses in all five categories; grant-funded spending stays within the grant."""
    rng = make_rng(seed, "expenses", muni.index)
    rows: list[dict] = []

    def spend(day: date, category: str, amount: int, description: str, funded_by: str = FundingSource.GRANT):
        if day < w.today and amount > 0:
            rows.append({"spent_on": day, "category": category, "amount_nok": int(amount),
                         "funded_by": funded_by, "description": description[:300]})

    # Buying out the resource persons: one internal invoice per area and month (not July).
    areas = ["barnehage"] * muni.kindergarten_authority + ["skole"] * muni.school_owner
    month = date(muni.period_start.year, muni.period_start.month, 1)
    while month < w.today:
        if month.month != 7:
            for area in areas:
                amount = round(MONTHLY_COST_FULL_POSITION * 0.2 * rng.uniform(0.96, 1.04))
                label = f"Frikjøp ressursperson {area}, 20 % stilling, {month:%m.%Y}"
                spend(_last_workday(month), ExpenseCategory.RESOURCE_PERSON, amount, label,
                      FundingSource.GRANT if rng.random() < 0.7 else FundingSource.OWN)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    for trip in summary.trips:
        per_person = rng.randint(4_500, 7_500) if trip.national else rng.randint(600, 1_800)
        what = "Fly og hotell" if trip.national else "Reise og bilgodtgjørelse"
        spend(trip.day + timedelta(days=rng.randint(3, 20)), ExpenseCategory.TRAVEL,
              max(1, trip.persons) * per_person, f"{what}, {trip.title} ({max(1, trip.persons)} personer)")
    for label, low, high in STARTUP_EXPENSES:
        spend(summary.startup_day + timedelta(days=rng.randint(0, 14)), ExpenseCategory.STARTUP_GATHERING,
              round(rng.randint(low, high), -2), label)
    for meeting in summary.meetings:
        if meeting.held and rng.random() < 0.4:
            spend(meeting.day, ExpenseCategory.NETWORK_MEETINGS, round(rng.randint(1_200, 4_500), -1),
                  f"Servering, {meeting.network.name}")
        if meeting.held and rng.random() < 0.15:
            spend(meeting.day + timedelta(days=10), ExpenseCategory.NETWORK_MEETINGS,
                  round(rng.randint(3_000, 12_000), -2), f"Vikarutgifter, {meeting.network.name}",
                  FundingSource.OWN)
    for semester in muni.semesters:
        label, low, high = OTHER_EXPENSES[rng.randrange(len(OTHER_EXPENSES))]
        start = date(int(semester[:4]), 2 if semester.endswith("V") else 9, 10)
        spend(start + timedelta(days=rng.randint(0, 90)), ExpenseCategory.OTHER, round(rng.randint(low, high), -1),
              f"{label} ({semester_label(semester)})")
    _keep_within_grant(rows, grant_total)
    for row in sorted(rows, key=lambda r: (r["spent_on"], r["category"], r["description"])):
        w.add(Expense, {"id": new_id(rng), "participation_id": muni.participation_id, **row},
              day=row["spent_on"] + timedelta(days=1))


def _keep_within_grant(rows: list[dict], grant_total: int) -> None:
    """Move the latest grant-funded rows to own financing once the grant so far would be overspent
    (leave about a fifth of the grant for the last semester)."""
    budget = int(grant_total * 0.8)
    used = 0
    for row in sorted(rows, key=lambda r: r["spent_on"]):
        if row["funded_by"] != FundingSource.GRANT:
            continue
        if used + row["amount_nok"] > budget:
            row["funded_by"] = FundingSource.OWN
        else:
            used += row["amount_nok"]


def _last_workday(month: date) -> date:
    last = date(month.year + month.month // 12, month.month % 12 + 1, 1) - timedelta(days=1)
    day = last
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day if day.month == month.month else next_workday(month)
