"""Cohen's kappa between two coders, checked against examples computed by hand."""

from __future__ import annotations

from datetime import date

import pytest

from storage.errors import DomainError
from storage.formatting import format_number, format_percent
from storage.services.agreement import (
    agreement,
    coder_pair,
    cohen_kappa,
    kappa_band,
)
from storage.services.coding import apply_codes, set_number
from storage.services.vignette_sessions import capture_response, create_session
from storage.services.vignettes import list_vignettes

# Responsibility, 12 answers coded by A and B (rows A, columns B):
#
#              B low  B medium  B high | A total
#   A low        3       1        0    |   4
#   A medium     1       3        1    |   5
#   A high       0       0        3    |   3
#   B total      4       4        4    |  12
#
#   po = (3 + 3 + 3) / 12 = 0.75
#   pe = (4·4 + 5·4 + 3·4) / 12² = 48 / 144 = 0.3333
#   κ  = (0.75 − 0.3333) / (1 − 0.3333) = 0.4167 / 0.6667 = 0.625  → «god» (0.61–0.80)
RESPONSIBILITY_A = ["low"] * 3 + ["low"] + ["medium"] + ["medium"] * 3 + ["medium"] + ["high"] * 3
RESPONSIBILITY_B = ["low"] * 3 + ["medium"] + ["low"] + ["medium"] * 3 + ["high"] + ["high"] * 3

# pdh «prevent» as present/absent on the same 12 answers (detect and handle marked by neither):
#
#              B yes  B no | A total
#   A yes        5      1  |   6
#   A no         2      4  |   6
#   B total      7      5  |  12
#
#   po = 9/12 = 0.75;  pe = (6·7 + 6·5) / 144 = 72/144 = 0.5;  κ = 0.25 / 0.5 = 0.50  → «moderat»
#   detect, handle: both «absent» on all 12 → pe = 1, κ undefined.
#   Pooled over the 3 codes (36 judgements): yes/yes 5, yes/no 1, no/yes 2, no/no 4 + 24 = 28;
#   po = 33/36 = 0.916667;  pe = (6·7 + 30·29) / 36² = 912/1296 = 0.703704;
#   κ = 0.212963 / 0.296296 = 0.71875  → «god»
PREVENT_A = [True] * 5 + [True] + [False] * 2 + [False] * 4
PREVENT_B = [True] * 5 + [False] + [True] * 2 + [False] * 4

# Repertoire counts:
#   A: 2 3 3 4 1 2 5 3 2 4 3 1
#   B: 2 3 4 4 1 3 5 3 2 2 3 1
#   Same number on 9 of 12 (0.75); within ±1 on 11 of 12 (only 4 vs 2 is further apart) → 92 %.
#   Values as categories — A: 1×2, 2×3, 3×4, 4×2, 5×1;  B: 1×2, 2×3, 3×4, 4×2, 5×1
#   pe = (2·2 + 3·3 + 4·4 + 2·2 + 1·1) / 144 = 34/144 = 0.236111
#   κ  = (0.75 − 0.236111) / (1 − 0.236111) = 0.513889 / 0.763889 = 0.672727  → «god»
REPERTOIRE_A = [2, 3, 3, 4, 1, 2, 5, 3, 2, 4, 3, 1]
REPERTOIRE_B = [2, 3, 4, 4, 1, 3, 5, 3, 2, 2, 3, 1]

# Perspective: A codes all 12 «relational», B only the first 6 → 6 pairs, too few for a number.


@pytest.fixture
def coded(store, muni):
    version = list_vignettes(store, target="kindergarten")[0].latest
    s = create_session(store, {"municipality_id": muni.id, "vignette_version_id": version.id,
                               "held_on": date(2026, 3, 4)})
    sid = s.session.id
    for i in range(12):
        rid = capture_response(store, sid, {"text": f"Svar {i}: vi følger med og snakker med barna."}).response.id
        apply_codes(store, rid, "A", [f"responsibility:{RESPONSIBILITY_A[i]}", "perspective:relational"]
                    + (["pdh:prevent"] if PREVENT_A[i] else []))
        apply_codes(store, rid, "B", [f"responsibility:{RESPONSIBILITY_B[i]}"]
                    + (["perspective:relational"] if i < 6 else []) + (["pdh:prevent"] if PREVENT_B[i] else []))
        set_number(store, rid, "A", "repertoire", REPERTOIRE_A[i])
        set_number(store, rid, "B", "repertoire", REPERTOIRE_B[i])
    capture_response(store, sid, {"text": "Et svar bare A har kodet."})
    return sid


def test_pure_kappa_matches_the_hand_computed_tables():
    pairs = list(zip(RESPONSIBILITY_A, RESPONSIBILITY_B, strict=True))
    kappa, observed, n = cohen_kappa(pairs)
    assert (n, observed) == (12, 0.75) and kappa == pytest.approx(0.625)
    assert cohen_kappa(zip(PREVENT_A, PREVENT_B, strict=True))[0] == pytest.approx(0.5)
    assert cohen_kappa(zip(REPERTOIRE_A, REPERTOIRE_B, strict=True))[0] == pytest.approx(0.672727, abs=1e-6)
    assert cohen_kappa([("x", "x")] * 5) == (None, 1.0, 5)
    assert cohen_kappa([]) == (None, None, 0)
    # perfect disagreement on a balanced 2×2: po = 0, pe = 0.5, κ = −1
    assert cohen_kappa([(True, False), (False, True)] * 3)[0] == pytest.approx(-1.0)


def test_bands_follow_landis_and_koch_on_the_shown_value():
    assert [kappa_band(k) for k in (-0.3, 0.0, 0.2, 0.204, 0.21, 0.4, 0.41, 0.6, 0.61, 0.8, 0.805, 1.0)] == [
        "svært svak", "svært svak", "svært svak", "svært svak", "svak", "svak", "moderat", "moderat", "god",
        "god", "svært god", "svært god"]
    assert format_number(0.71875, 2) == "0,72" and format_number(0.5, 1) == "0,5"
    assert format_number(0.625, 2) == "0,63" and format_percent(0.125) == "13\u00a0%"  # half up, as people round
    assert format_number(-0.25, 2) == "\u22120,25"


def test_agreement_per_dimension_against_the_hand_computed_example(store, coded):
    report = agreement(store, coded, "A", "B")
    assert report.double_coded == 12

    resp = report.dimension("responsibility").overall
    assert resp.n == 12 and resp.kappa == pytest.approx(0.625) and resp.band == "god"
    assert resp.reading == ("Kappa 0,63: god enighet mellom A og B (12 svar kodet av begge, enige om 75\u00a0%).")

    pdh = report.dimension("pdh")
    assert pdh.kind == "multiple"
    assert pdh.overall.kappa == pytest.approx(0.71875) and pdh.overall.band == "god"
    prevent, detect, handle = pdh.per_code
    assert prevent.kappa == pytest.approx(0.5) and prevent.band == "moderat" and prevent.n == 12
    assert detect.kappa is None and "enige om alle" in detect.reading

    rep = report.dimension("repertoire").overall
    assert rep.kappa == pytest.approx(0.672727, abs=1e-6) and rep.observed == 0.75
    assert rep.within_one == pytest.approx(11 / 12)
    assert rep.reading.endswith("Innenfor ±1 i 92\u00a0% av svarene.")


def test_too_few_double_coded_answers_says_so_instead_of_a_number(store, coded):
    perspective = agreement(store, coded, "A", "B").dimension("perspective").overall
    assert perspective.n == 6
    assert perspective.kappa is None and perspective.band is None and perspective.observed is None
    assert perspective.reading == ("For få dobbeltkodede svar til å beregne kappa: 6 svar er kodet av begge, "
                                   "det trengs minst 10.")
    assert not any(ch.isdigit() for ch in perspective.reading.split(":")[0])


def test_dimensions_nobody_coded_have_no_number(store, coded):
    report = agreement(store, coded, "A", "B")
    classification = report.dimension("classification").overall
    assert classification.n == 0 and classification.kappa is None
    assert classification.reading == "Ingen svar er kodet av begge i denne dimensjonen."
    duties = report.dimension("duty_to_act")  # multiple-choice, never marked by either coder
    assert duties.overall.n == 0 and all(c.n == 0 for c in duties.per_code)


def test_disagreements_list_what_to_settle(store, coded):
    report = agreement(store, coded, "A", "B")
    by_dim: dict[str, list] = {}
    for d in report.disagreements:
        by_dim.setdefault(d.dimension, []).append(d)
    assert len(by_dim["responsibility"]) == 3
    assert len(by_dim["pdh"]) == 3
    assert len(by_dim["repertoire"]) == 3
    assert len(by_dim["perspective"]) == 6
    first = by_dim["responsibility"][0]
    assert (first.respondent, first.dimension_label, first.coder_a, first.coder_b) == (
        "Deltaker 4", "Ansvar", "Lite ansvar", "Noe ansvar")
    assert by_dim["perspective"][0].coder_b == "(ikke kodet)"
    assert by_dim["repertoire"][-1].coder_a == "4" and by_dim["repertoire"][-1].coder_b == "2"
    respondents = [d.respondent for d in report.disagreements]
    assert respondents == sorted(respondents, key=lambda r: int(r.split()[-1]))


def test_coder_pair_and_same_coder(store, coded):
    assert coder_pair(store, [coded]) == ("A", "B")
    with pytest.raises(DomainError, match="to ulike kodere"):
        agreement(store, coded, "A", "A")
