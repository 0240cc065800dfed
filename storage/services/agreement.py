"""Agreement between two coders: Cohen's kappa per dimension, a plain-language reading, disagreements.

The rules (the choices are ours; the issue asks that they be written down):

- An answer is *double-coded* when both coders have at least one coding on it in the codebook.
- **Single-choice dimensions** (responsibility, perspective, regulations, classification): Cohen's kappa
  over the double-coded answers where both coders chose a code in the dimension; categories are the
  codes. An answer only one of them coded in the dimension is not in the number, but is listed as a
  disagreement to settle.
- **Multiple-choice dimensions** (pdh, duty_to_act): each code is a present/absent judgement on every
  double-coded answer (a code the coder did not mark is "absent"), giving one 2×2 kappa per code. The
  dimension's headline is the pooled kappa over all its codes (the answer × code judgements pooled
  into one 2×2 table, De Vries et al. 2008), not an average of the per-code values.
- **Numeric dimensions** (repertoire): over the answers where both coders gave a number, the share with
  the same number, the share within ±1, and an unweighted Cohen's kappa with each number as a category.
  The exact kappa is strict — 3 against 4 counts as a disagreement as much as 1 against 6 — so the ±1
  share is shown next to it.
- Fewer than 10 double-coded answers behind a figure: no number, a Norwegian sentence saying so. A
  multiple-choice dimension neither coder marked on any of the answers counts as not coded (n = 0).
- Kappa is undefined when both coders used one and the same category throughout (expected agreement
  is 1): no number, a sentence saying they agreed on every answer.
- The reading uses Landis & Koch's bands, merged to five Norwegian words: up to 0,20 «svært svak»,
  0,21–0,40 «svak», 0,41–0,60 «moderat», 0,61–0,80 «god», above 0,80 «svært god» (negative values fall
  in «svært svak»). The band is taken from the value rounded to two decimals, as it is shown.

All codings of the two coders are read in one query and counted in one pass.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from ..errors import DomainError
from ..formatting import format_number, format_percent, round_half_up
from ..i18n import _
from ..models.vignettes import Coding, Response
from ..store import Store
from .coding import CodebookView, Dimension, as_uuid, codebook_view, gc_paused, load_codings
from .vignette_sessions import pseudonym_order

MIN_DOUBLE_CODED = 10
BANDS: tuple[tuple[float, str], ...] = (
    (0.20, "svært svak"), (0.40, "svak"), (0.60, "moderat"), (0.80, "god"), (float("inf"), "svært god"))


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> tuple[float | None, float | None, int]:
    """(kappa, observed agreement, n) for pairs of ratings. Kappa is None when n is 0 or when the
    expected agreement is 1 (both raters used one and the same category throughout)."""
    table = Counter(pairs)
    n = sum(table.values())
    if n == 0:
        return None, None, 0
    rows: Counter = Counter()
    cols: Counter = Counter()
    agree = 0
    for (a, b), count in table.items():
        rows[a] += count
        cols[b] += count
        if a == b:
            agree += count
    observed = agree / n
    expected = sum(rows[c] * cols.get(c, 0) for c in rows) / (n * n)
    if expected >= 1.0:
        return None, observed, n
    return (observed - expected) / (1 - expected), observed, n


def kappa_band(kappa: float) -> str:
    """Landis & Koch's reading in Norwegian: svært svak / svak / moderat / god / svært god."""
    shown = round_half_up(kappa, 2)
    return _(next(word for limit, word in BANDS if shown <= limit))


@dataclass(frozen=True)
class Kappa:
    """One kappa figure: for a dimension, or for one code of a multiple-choice dimension."""

    key: str
    label: str
    n: int  # double-coded answers behind the figure
    kappa: float | None
    observed: float | None  # share of answers the coders agreed on
    within_one: float | None  # numeric dimensions: share within ±1
    band: str | None
    reading: str


@dataclass(frozen=True)
class DimensionAgreement:
    dimension: str
    label: str
    kind: str  # "single", "multiple", "numeric"
    overall: Kappa
    per_code: tuple[Kappa, ...]  # multiple-choice dimensions: one per code


@dataclass(frozen=True)
class Disagreement:
    response_id: uuid.UUID
    respondent: str
    dimension: str
    dimension_label: str
    coder_a: str  # coder A's code(s) or number, as labels
    coder_b: str


@dataclass(frozen=True)
class AgreementReport:
    coder_a: str
    coder_b: str
    double_coded: int
    dimensions: tuple[DimensionAgreement, ...]
    disagreements: tuple[Disagreement, ...]
    min_double_coded: int = MIN_DOUBLE_CODED

    def dimension(self, key: str) -> DimensionAgreement:
        return next(d for d in self.dimensions if d.dimension == key)


def _reading(kappa: float | None, observed: float | None, n: int, a: str, b: str, min_n: int,
             within_one: float | None = None) -> tuple[float | None, str | None, str]:
    if n == 0:
        return None, None, _("Ingen svar er kodet av begge i denne dimensjonen.")
    if n < min_n:
        return None, None, _("For få dobbeltkodede svar til å beregne kappa: {n} svar er kodet av begge, det "
                             "trengs minst {min}.").format(n=n, min=min_n)
    if kappa is None:
        return None, None, _("Kappa kan ikke beregnes: {a} og {b} brukte samme kode på alle {n} svarene og er "
                             "enige om alle.").format(a=a, b=b, n=n)
    band = kappa_band(kappa)
    text = _("Kappa {kappa}: {band} enighet mellom {a} og {b} ({n} svar kodet av begge, enige om {share})."
             ).format(kappa=format_number(kappa, 2), band=band, a=a, b=b, n=n, share=format_percent(observed))
    if within_one is not None:
        text += " " + _("Innenfor ±1 i {share} av svarene.").format(share=format_percent(within_one))
    return kappa, band, text


def _figure(key: str, label: str, pairs: list[tuple], a: str, b: str, min_n: int, n: int | None = None,
            within_one: float | None = None) -> Kappa:
    kappa, observed, count = cohen_kappa(pairs)
    n = count if n is None else n
    kappa, band, text = _reading(kappa, observed, n, a, b, min_n, within_one)
    return Kappa(key, label, n, kappa, observed if n >= min_n else None,
                 within_one if n >= min_n else None, band, text)


def coder_pair(store: Store, session_ids: Iterable[uuid.UUID]) -> tuple[str, str] | None:
    """The two coders with the most coded answers in the sessions, or None if fewer than two coded."""
    ids = list(session_ids)
    if not ids:
        return None
    with store.reader() as session:
        rows = session.exec(select(Coding.coder, func.count(func.distinct(Coding.response_id)))
                            .join(Response, Response.id == Coding.response_id)
                            .where(Response.session_id.in_(ids)).group_by(Coding.coder)).all()  # type: ignore[attr-defined]
    ranked = sorted(rows, key=lambda item: (-item[1], item[0]))
    return (ranked[0][0], ranked[1][0]) if len(ranked) >= 2 else None


def _labels(dim: Dimension, keys: Iterable[str]) -> str:
    codes = sorted((c for c in dim.codes if c.key in keys), key=lambda c: c.ordinal)
    return ", ".join(c.label for c in codes) or _("(ikke kodet)")


def agreement(store: Store, session_ids: uuid.UUID | Iterable[uuid.UUID], coder_a: str, coder_b: str, *,
              codebook_id: uuid.UUID | None = None, min_double_coded: int = MIN_DOUBLE_CODED) -> AgreementReport:
    """Kappa per dimension for two coders over the answers of one or more sessions."""
    ids = [session_ids] if isinstance(session_ids, uuid.UUID) else list(session_ids)
    if coder_a == coder_b:
        raise DomainError(_("Velg to ulike kodere for å beregne enighet."), field="coder")
    with gc_paused():
        with store.reader() as session:
            view = codebook_view(session, codebook_id)
            rows = load_codings(session, ids, view, [coder_a, coder_b], double_coded=True)
        by_coder: dict[str, dict[object, dict]] = {coder_a: {}, coder_b: {}}
        names: dict[object, str] = {}
        for rid, coder, code, number, name in rows:  # one pass: answer → dimension → codes or number
            names[rid] = name
            state = by_coder[coder].setdefault(rid, {})
            if code.numeric:
                if number is not None:
                    state[code.dimension] = number
            else:
                state.setdefault(code.dimension, set()).add(code.key)
        return _report(view, by_coder, names, coder_a, coder_b, min_double_coded)


def _report(view: CodebookView, by_coder: dict, names: dict, coder_a: str, coder_b: str,
            min_double_coded: int) -> AgreementReport:
    double = sorted(set(by_coder[coder_a]) & set(by_coder[coder_b]),
                    key=lambda rid: (pseudonym_order(names[rid]), str(rid)))
    a_all, b_all = by_coder[coder_a], by_coder[coder_b]
    dimensions, disagreements = [], []
    for dim in view.dimensions:
        result, found = _dimension(dim, double, a_all, b_all, names, coder_a, coder_b, min_double_coded)
        dimensions.append(result)
        disagreements.extend(found)
    order = {as_uuid(rid): i for i, rid in enumerate(double)}
    disagreements.sort(key=lambda d: order[d.response_id])  # stable: per answer, the dimensions keep their order
    return AgreementReport(coder_a, coder_b, len(double), tuple(dimensions), tuple(disagreements),
                           min_double_coded)


def _dimension(dim: Dimension, double: list, a_all: dict, b_all: dict, names: dict,
               a: str, b: str, min_n: int) -> tuple[DimensionAgreement, list[Disagreement]]:
    found: list[Disagreement] = []

    def differ(rid: object, left: str, right: str) -> None:
        found.append(Disagreement(as_uuid(rid), names.get(rid, ""), dim.key, dim.label, left, right))

    if dim.numeric:
        pairs = []
        for rid in double:
            x, y = a_all[rid].get(dim.key), b_all[rid].get(dim.key)
            if x is not None and y is not None:
                pairs.append((x, y))
            if x != y:
                differ(rid, _("(ikke kodet)") if x is None else str(x), _("(ikke kodet)") if y is None else str(y))
        near = sum(1 for x, y in pairs if abs(x - y) <= 1) / len(pairs) if pairs else None
        return DimensionAgreement(dim.key, dim.label, "numeric",
                                  _figure(dim.key, dim.label, pairs, a, b, min_n, within_one=near), ()), found
    if dim.multiple:
        # a dimension neither coder used on any of these answers was not coded here: no pairs at all
        used = [rid for rid in double if dim.key in a_all[rid] or dim.key in b_all[rid]]
        answers = double if used else []
        pooled: list[tuple[bool, bool]] = []
        per_code = []
        for code in dim.codes:
            pairs = [(code.key in a_all[rid].get(dim.key, ()), code.key in b_all[rid].get(dim.key, ()))
                     for rid in answers]
            pooled.extend(pairs)
            per_code.append(_figure(f"{dim.key}:{code.key}", code.label, pairs, a, b, min_n, n=len(answers)))
        for rid in double:
            x, y = a_all[rid].get(dim.key, set()), b_all[rid].get(dim.key, set())
            if x != y:
                differ(rid, _labels(dim, x), _labels(dim, y))
        overall = _figure(dim.key, dim.label, pooled, a, b, min_n, n=len(answers))
        return DimensionAgreement(dim.key, dim.label, "multiple", overall, tuple(per_code)), found
    pairs = []
    for rid in double:
        x, y = a_all[rid].get(dim.key), b_all[rid].get(dim.key)
        if x and y:
            pairs.append((next(iter(x)), next(iter(y))))
        if (x or set()) != (y or set()):
            differ(rid, _labels(dim, x or ()), _labels(dim, y or ()))
    return DimensionAgreement(dim.key, dim.label, "single", _figure(dim.key, dim.label, pairs, a, b, min_n), ()), found
