"""Issue 11, items 2 and 10: a planned gathering is «Planlagt», never met, and the obligations come in
two groups — Udir's requirements, and the app's own advice, which is never «I fare»."""

from __future__ import annotations

from datetime import date, datetime

from storage.enums import GatheringKind
from storage.services.gatherings_plan import add_programme_gathering
from storage.services.obligations import ADVICE, Obligation, ObligationGroup, obligations_status
from storage.services.report_data import collect_report

TODAY = date(2026, 11, 20)


def plan_2027v(store, muni):
    add_programme_gathering(store, muni.id, GatheringKind.NATIONAL_SPECIALIST_DAY, "2027V", datetime(2027, 2, 11, 9))
    add_programme_gathering(store, muni.id, GatheringKind.REGIONAL_GATHERING, "2027V", datetime(2027, 3, 10, 9))


def test_a_gathering_planned_ahead_is_planned_not_met(store, muni):
    plan_2027v(store, muni)
    lines = {(x.semester, x.obligation): x for x in obligations_status(store, muni.id, today=TODAY)}
    for obligation in (Obligation.NATIONAL_SPECIALIST_DAY, Obligation.REGIONAL_GATHERING):
        line = lines[("2027V", obligation)]
        assert line.status == "planned" and line.status.label == "Planlagt"
        assert line.reason.startswith("Planlagt ")
    assert not any(x.status == "met" for x in lines.values() if x.obligation in (
        Obligation.NATIONAL_SPECIALIST_DAY, Obligation.REGIONAL_GATHERING, Obligation.LOCAL_STARTUP))


def test_the_report_headline_never_counts_a_planned_gathering(store, muni):
    from exports.report_pdf_sections import obligations_headline

    plan_2027v(store, muni)
    data = collect_report(store, muni.id, "final", None, TODAY)
    # Nothing is held and no resource person is registered: by hand, no requirement is met.
    assert obligations_headline(data).startswith("0 av ")
    assert "2 er planlagt, men ikke holdt ennå." in obligations_headline(data)
    row = next(r for r in data.semester_rows if r.semester == "2027V")
    assert row.obligations_met == 0 and row.obligations_planned == 2


def test_advice_is_its_own_group_and_never_at_risk_or_missing(store, muni):
    lines = obligations_status(store, muni.id, today=TODAY)
    assert {x.obligation for x in lines if x.group is ObligationGroup.ADVICE} == {
        Obligation.SCHOOL_STAGES, Obligation.PLAN_UPDATED, Obligation.FUNDS_ON_TRACK} == ADVICE
    for line in lines:
        if line.group is ObligationGroup.ADVICE:
            assert line.status in ("met", "follow_up", "not_applicable"), line
        else:
            assert line.status != "follow_up", line
    # This municipality has no plan versions: the plan advice needs following up, it is not «I fare».
    assert any(x.obligation is Obligation.PLAN_UPDATED and x.status.label == "Bør følges opp" for x in lines)
    assert ObligationGroup.REQUIREMENT.label == "Krav i tilskuddsbrevet"
    assert ObligationGroup.ADVICE.label == "Råd fra Nettverkslogg"


def test_the_pdf_shows_two_groups_and_i_fare_only_among_the_requirements(store, muni):
    from exports.report_pdf import report_pdf_bytes
    from tests.exports.test_report_pdf import text_of

    data = collect_report(store, muni.id, "final", None, TODAY)
    data = data.__class__(**{**data.__dict__, "empty_reason": None})  # show the sections of an empty start
    _reader, text = text_of(report_pdf_bytes(data, {}))
    requirements = text.index("Krav i tilskuddsbrevet")  # a level-2 heading: not in the contents list
    advice = text.index("Råd fra Nettverkslogg", requirements)
    after = text.index("Temaer i arbeidet", advice)
    assert "I fare" in text[requirements:advice]
    assert "I fare" not in text[advice:after] and "Mangler" not in text[advice:after]
    assert "Bør følges opp" in text[advice:after]
