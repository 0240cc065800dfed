"""Analysis: distributions per dimension split by unit kind and role, before/after, word counts."""

from __future__ import annotations

from datetime import date

import pytest

from storage.errors import DomainError
from storage.services.coding import apply_codes, set_number
from storage.services.vignette_analysis import analyse, compare_sessions, describe_change, role_group
from storage.services.vignette_sessions import capture_response, create_session
from storage.services.vignettes import list_vignettes

# (unit kind, role, words, responsibility, perspective, repertoire, pdh codes)
BEFORE = [
    ("kindergarten", "leader", 4, "high", "systemic", 4, ["prevent", "handle"]),
    ("kindergarten", "assistant", 2, "low", "individual", 1, ["handle"]),
    ("kindergarten", "assistant", 3, "low", "individual", 2, []),
    ("kindergarten", "kindergarten_teacher", 5, "medium", "relational", 2, ["handle"]),
    ("school", "pedagogical_leader", 6, "medium", "individual", 3, ["detect", "handle"]),
    ("school", "pedagogical_leader", 2, "low", "individual", 1, ["handle"]),
    ("school", "leader", 8, "high", "systemic", 6, ["prevent", "detect", "handle"]),
    ("school", "Rektor", 4, "medium", "relational", 9, ["prevent"]),
]
AFTER = [
    ("kindergarten", "leader", 6, "high", "systemic", 5, ["prevent", "detect", "handle"]),
    ("kindergarten", "assistant", 4, "medium", "relational", 3, ["prevent", "handle"]),
    ("kindergarten", "assistant", 4, "high", "relational", 3, ["handle"]),
    ("kindergarten", "kindergarten_teacher", 6, "high", "systemic", 4, ["prevent"]),
    ("kindergarten", "pedagogical_leader", 6, "high", "systemic", 4, ["prevent", "detect"]),
    ("school", "pedagogical_leader", 7, "medium", "relational", 3, ["detect", "handle"]),
    ("school", "leader", 8, "high", "systemic", 6, ["prevent", "handle"]),
]


def _words(n: int) -> str:
    return " ".join(["ord"] * n)


def _session(store, muni, version_id, day, rows, *, second_coder_from: int | None = None):
    s = create_session(store, {"municipality_id": muni.id, "vignette_version_id": version_id, "held_on": day})
    for i, (unit_kind, role, words, resp, persp, rep, pdh) in enumerate(rows):
        rid = capture_response(store, s.session.id, {"text": _words(words), "unit_kind": unit_kind,
                                                      "role": role}).response.id
        apply_codes(store, rid, "RP", [f"responsibility:{resp}", f"perspective:{persp}"] + [f"pdh:{k}" for k in pdh])
        set_number(store, rid, "RP", "repertoire", rep)
        if second_coder_from is not None and i >= second_coder_from:
            apply_codes(store, rid, "K2", ["responsibility:low", "perspective:individual"])
    capture_response(store, s.session.id, {"text": "Ikke kodet ennå, men telles i antall svar.",
                                           "unit_kind": "ppt", "role": "ppt"})
    return s.session.id


@pytest.fixture
def sessions(store, muni):
    version = list_vignettes(store, target="kindergarten")[0].latest
    before = _session(store, muni, version.id, date(2025, 9, 3), BEFORE, second_coder_from=5)
    after = _session(store, muni, version.id, date(2026, 5, 6), AFTER)
    return before, after


def test_role_groups():
    assert role_group("leader") == "leaders" and role_group(" Rektor ") == "leaders"
    assert role_group("assistant") == "staff" and role_group("Pedagogisk leder") == "staff"
    assert role_group("ppt") == "other_role" and role_group(None) == "other_role"


def test_distributions_per_dimension_with_n_split_by_unit_and_role(store, sessions):
    a = analyse(store, sessions[0])
    assert (a.responses, a.coded) == (9, 8)
    assert a.sessions[0].coder == "RP"  # K2 coded three answers; RP's codes count, each answer once
    assert [g.group.key for g in a.groups] == ["all", "kindergarten", "school", "other_unit", "leaders", "staff",
                                               "other_role"]
    assert {g.group.key: g.n for g in a.groups} == {"all": 8, "kindergarten": 4, "school": 4, "other_unit": 0,
                                                    "leaders": 3, "staff": 5, "other_role": 0}
    resp = a.dimension("responsibility")
    assert resp.kind == "single"
    all_ = resp.figures("all")
    assert all_.n == 8
    assert [(s.key, s.count) for s in all_.shares] == [("low", 3), ("medium", 3), ("high", 2)]
    assert all_.shares[0].share == pytest.approx(3 / 8)
    kg = resp.figures("kindergarten")
    assert kg.n == 4 and [s.count for s in kg.shares] == [2, 1, 1]
    leaders = resp.figures("leaders")
    assert leaders.n == 3 and [s.count for s in leaders.shares] == [0, 1, 2]
    assert resp.figures("other_unit").n == 0 and resp.figures("other_unit").shares[0].share is None


def test_multiple_choice_shares_are_of_all_coded_answers(store, sessions):
    pdh = analyse(store, sessions[0]).dimension("pdh")
    all_ = pdh.figures("all")
    assert pdh.kind == "multiple" and all_.n == 8  # one answer has no pdh code: absent, still counted
    assert {s.key: s.count for s in all_.shares} == {"prevent": 3, "detect": 2, "handle": 6}
    assert pdh.figures("school").shares[2].share == pytest.approx(3 / 4)


def test_numeric_repertoire_has_a_mean_and_buckets(store, sessions):
    rep = analyse(store, sessions[0]).dimension("repertoire")
    all_ = rep.figures("all")
    assert rep.kind == "numeric" and all_.n == 8
    assert all_.mean == pytest.approx((4 + 1 + 2 + 2 + 3 + 1 + 6 + 9) / 8)
    buckets = {s.key: s.count for s in all_.shares}
    assert buckets["1"] == 2 and buckets["2"] == 2 and buckets["6"] == 2  # 6 and 9 share «6 eller flere»
    assert all_.shares[-1].label == "6 eller flere"


def test_word_count_averages_include_uncoded_answers(store, sessions):
    a = analyse(store, sessions[0])
    words = {w.group.key: (w.n, w.mean) for w in a.words}
    assert words["all"][0] == 9
    assert words["kindergarten"] == (4, pytest.approx(14 / 4))
    assert words["other_unit"][0] == 1
    assert a.sessions[0].mean_words == pytest.approx((34 + 8) / 9)


def test_a_chosen_coder_is_used_where_they_coded(store, sessions):
    a = analyse(store, sessions[0], coder="K2")
    assert a.sessions[0].coder == "K2" and a.coded == 3
    assert [s.count for s in a.dimension("responsibility").figures("all").shares] == [3, 0, 0]


def test_across_sessions_pools_the_answers(store, sessions):
    a = analyse(store, list(sessions))
    assert a.responses == 17 and a.coded == 15
    assert [s.held_on for s in a.sessions] == [date(2025, 9, 3), date(2026, 5, 6)]
    assert [(s.responses, s.coded) for s in a.sessions] == [(9, 8), (8, 7)]
    assert a.dimension("responsibility").figures("all").n == 15


def test_before_and_after_change_per_dimension_with_small_group_warning(store, sessions):
    c = compare_sessions(store, *sessions)
    high = next(ch for ch in c.changes if ch.dimension == "responsibility" and ch.key == "high"
                and ch.group.key == "all")
    assert (high.before_n, high.after_n) == (8, 7)
    assert high.change == pytest.approx((5 / 7 - 2 / 8) * 100)
    assert describe_change(high) == "Tydelig ansvar: 25\u00a0% → 71\u00a0% (+46 prosentpoeng)"
    school = next(ch for ch in c.changes if ch.key == "high" and ch.group.key == "school"
                  and ch.dimension == "responsibility")
    assert school.small and (school.before_n, school.after_n) == (4, 2)
    assert any("«Skole»: 4 kodede svar før og 2 etter (minst 5 på hver side)" in w for w in c.warnings)
    assert any("«Ledere»: 3 kodede svar før og 2 etter" in w for w in c.warnings)
    assert not any("«Alle»" in w for w in c.warnings)
    rep = next(m for m in c.means if m.key == "repertoire" and m.group.key == "all")
    assert rep.change == pytest.approx(28 / 7 - 28 / 8)
    assert any(m.key == "words" and m.group.key == "all" for m in c.means)


def test_compare_refuses_different_vignettes_and_the_same_session(store, muni, sessions):
    other = list_vignettes(store, target="school")[0].latest
    third = create_session(store, {"municipality_id": muni.id, "vignette_version_id": other.id,
                                   "held_on": date(2026, 6, 1)})
    with pytest.raises(DomainError, match="samme vignett"):
        compare_sessions(store, sessions[0], third.session.id)
    with pytest.raises(DomainError, match="to ulike økter"):
        compare_sessions(store, sessions[0], sessions[0])


def test_the_demo_sessions_analyse_consistently_with_the_database(store):
    from sqlalchemy import func
    from sqlmodel import select

    from storage.demo import generate_demo
    from storage.models.vignettes import Coding, Response
    from storage.services.agreement import agreement, coder_pair
    from storage.services.municipalities import current_municipality
    from storage.services.vignette_sessions import list_sessions

    generate_demo(store, "municipality", seed=1)
    sessions = list_sessions(store, current_municipality(store).id)
    assert sessions
    for detail in sessions:
        sid = detail.session.id
        with store.reader() as s:
            answers = s.exec(select(func.count()).select_from(Response).where(Response.session_id == sid)).one()
            coded = s.exec(select(func.count(func.distinct(Coding.response_id))).join(
                Response, Response.id == Coding.response_id).where(Response.session_id == sid,
                                                                   Coding.coder == "RP")).one()
        a = analyse(store, sid)
        assert (a.responses, a.coded) == (answers, coded) == (detail.responses, detail.coded)
        assert a.dimension("responsibility").figures("all").n == coded
        if (pair := coder_pair(store, [sid])) is not None:
            report = agreement(store, sid, *pair)
            assert 0 < report.double_coded <= coded
    same = {}
    for detail in sessions:
        same.setdefault(detail.vignette.id, []).append(detail)
    before, after = sorted(next(v for v in same.values() if len(v) > 1), key=lambda d: d.session.held_on)[:2]
    comparison = compare_sessions(store, before.session.id, after.session.id)
    assert comparison.changes and comparison.before.held_on < comparison.after.held_on
