"""Analysis of coded answers: distributions per dimension, split by unit kind and by role, and the change
between two sessions on the same vignette. Read models (dataclasses) ready for tables and charts.

- Each answer counts once. When a session was coded by two people, one coder's codes are used: the
  coder asked for if they coded the session, otherwise the one who coded most of its answers
  (alphabetically on a tie). Agreement between coders is agreement.py's business.
- n behind a figure: single-choice dimensions — answers with a code in the dimension; multiple-choice —
  answers the coder coded at all (a code not marked is absent); numeric — answers with a number.
- Splits: unit kind (barnehage / skole / other or unknown) and role (leaders: styrer, rektor, owner;
  staff: pedagogical leaders, teachers, kindergarten teachers, assistants; other or unknown).
- Before/after: two sessions on the same vignette; the change in percentage points per code and group,
  with a warning for every group with fewer than 5 coded answers on either side.

Everything is read in two queries and counted in one pass.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from ..errors import DomainError
from ..formatting import format_date, format_percent, round_half_up
from ..i18n import _
from ..models.vignettes import Response, Vignette, VignetteSession, VignetteVersion
from ..store import Store
from .coding import CodebookView, as_uuid, codebook_view, fetch_plain, gc_paused, load_codings, raw_id

MIN_GROUP = 5
NUMERIC_BUCKETS = 7  # 0, 1, …, 5, "6 eller flere"

LEADER_ROLES = frozenset({"leader", "owner", "styrer", "rektor", "styrer/rektor", "assisterende styrer",
                          "assisterende rektor", "inspektør", "avdelingsleder", "eier/kommune"})
STAFF_ROLES = frozenset({"pedagogical_leader", "kindergarten_teacher", "assistant", "pedagogisk leder",
                         "pedagogisk leder/lærer", "barnehagelærer", "lærer", "kontaktlærer", "faglærer",
                         "assistent", "fagarbeider", "fagarbeider/assistent", "barne- og ungdomsarbeider",
                         "miljøarbeider", "spesialpedagog", "ansatt"})


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    axis: str  # "all", "unit", "role"


GROUPS: tuple[Group, ...] = (
    Group("all", _("Alle"), "all"), Group("kindergarten", _("Barnehage"), "unit"),
    Group("school", _("Skole"), "unit"), Group("other_unit", _("Annen eller ukjent enhet"), "unit"),
    Group("leaders", _("Ledere"), "role"), Group("staff", _("Ansatte"), "role"),
    Group("other_role", _("Annen eller ukjent rolle"), "role"))
_OPTIONAL = {"other_unit", "other_role"}  # shown only when they have answers


def unit_group(unit_kind: str | None) -> str:
    return unit_kind if unit_kind in ("kindergarten", "school") else "other_unit"


def role_group(role: str | None) -> str:
    """leaders / staff / other_role for a stored role (an AttendeeRole value or a typed Norwegian title)."""
    key = " ".join((role or "").split()).casefold()
    return "leaders" if key in LEADER_ROLES else "staff" if key in STAFF_ROLES else "other_role"


@dataclass(frozen=True)
class Share:
    key: str
    label: str
    count: int
    share: float | None  # count / n; None when n is 0


@dataclass(frozen=True)
class GroupFigures:
    group: Group
    n: int
    shares: tuple[Share, ...]
    mean: float | None = None  # numeric dimensions


@dataclass(frozen=True)
class DimensionFigures:
    dimension: str
    label: str
    kind: str  # "single", "multiple", "numeric"
    groups: tuple[GroupFigures, ...]

    def figures(self, group_key: str) -> GroupFigures | None:
        return next((g for g in self.groups if g.group.key == group_key), None)


@dataclass(frozen=True)
class WordFigures:
    group: Group
    n: int
    mean: float | None


@dataclass(frozen=True)
class SessionOverview:
    session_id: uuid.UUID
    title: str
    held_on: date
    vignette_id: uuid.UUID
    vignette_title: str
    version: int
    responses: int
    coded: int
    coder: str | None
    mean_words: float | None


@dataclass(frozen=True)
class Analysis:
    sessions: tuple[SessionOverview, ...]
    responses: int
    coded: int
    groups: tuple[GroupFigures, ...]  # answers per group (n = coded answers), without shares
    dimensions: tuple[DimensionFigures, ...]
    words: tuple[WordFigures, ...]  # average word count of all answers (coded or not) per group

    def dimension(self, key: str) -> DimensionFigures:
        return next(d for d in self.dimensions if d.dimension == key)

    def coded_in(self, group_key: str) -> int:
        return next((g.n for g in self.groups if g.group.key == group_key), 0)


def _shown_groups(counts: Counter) -> tuple[Group, ...]:
    return tuple(g for g in GROUPS if g.key not in _OPTIONAL or counts[g.key])


def _bucket(value: int) -> str:
    return str(min(value, NUMERIC_BUCKETS - 1))


def _dimension_figures(view: CodebookView, groups: tuple[Group, ...], tallies: dict) -> tuple[DimensionFigures, ...]:
    result = []
    for dim in view.dimensions:
        kind = "numeric" if dim.numeric else "multiple" if dim.multiple else "single"
        figures = []
        for group in groups:
            n, counts, total = tallies[(dim.key, group.key)]
            if dim.numeric:
                items = [(str(v), str(v) if v < NUMERIC_BUCKETS - 1 else _("{n} eller flere").format(n=v))
                         for v in range(NUMERIC_BUCKETS)]
            else:
                items = [(c.key, c.label) for c in dim.codes]
            shares = tuple(Share(key, label, counts[key], counts[key] / n if n else None) for key, label in items)
            figures.append(GroupFigures(group, n, shares, (total / n if n else None) if dim.numeric else None))
        result.append(DimensionFigures(dim.key, dim.label, kind, tuple(figures)))
    return tuple(result)


def _primary_coders(rows: list[tuple], session_of: dict, preferred: str | None) -> dict[object, str]:
    """Session → the coder whose codes count (see the module docstring)."""
    per_session: dict[object, Counter] = {}
    for rid, coder, *_rest in rows:
        per_session.setdefault(session_of[rid], Counter())[coder] += 1
    return {sid: preferred if preferred in counts else min(counts, key=lambda c: (-counts[c], c))
            for sid, counts in per_session.items()}


def analyse(store: Store, session_ids: uuid.UUID | Iterable[uuid.UUID], *, coder: str | None = None,
            codebook_id: uuid.UUID | None = None) -> Analysis:
    """Distributions per dimension for one or more sessions, pooled, split by unit kind and role."""
    ids = [session_ids] if isinstance(session_ids, uuid.UUID) else list(dict.fromkeys(session_ids))
    if not ids:
        raise DomainError(_("Velg minst én vignettøkt."), field="session_id")
    with gc_paused():
        with store.reader() as session:
            view = codebook_view(session, codebook_id)
            meta = session.exec(select(VignetteSession, VignetteVersion.version, Vignette.id, Vignette.title)
                                .join(VignetteVersion, VignetteVersion.id == VignetteSession.vignette_version_id)
                                .join(Vignette, Vignette.id == VignetteVersion.vignette_id)
                                .where(VignetteSession.id.in_(ids))).all()  # type: ignore[attr-defined]
            if len(meta) != len(ids):
                raise DomainError(_("Fant ikke vignettøkta."), field="session_id")
            answers = fetch_plain(session, select(raw_id(Response.id), raw_id(Response.session_id),
                                                  Response.unit_kind, Response.role, Response.word_count)
                                  .where(Response.session_id.in_(ids)))  # type: ignore[attr-defined]
            rows = load_codings(session, ids, view)
        return _analysis(view, meta, answers, rows, coder)


def _analysis(view: CodebookView, meta: list, answers: list[tuple], rows: list[tuple],
              preferred: str | None) -> Analysis:
    session_of = {rid: sid for rid, sid, *_rest in answers}
    coders = _primary_coders(rows, session_of, preferred)
    coded: dict[object, dict] = {}  # answer → dimension → set of code keys, or the number
    for rid, coder, code, number, _name in rows:
        if coders[session_of[rid]] != coder:
            continue
        state = coded.setdefault(rid, {})
        if code.numeric:
            if number is not None:
                state[code.dimension] = number
        else:
            state.setdefault(code.dimension, set()).add(code.key)

    answer_counts, coded_counts, words = Counter(), Counter(), Counter()
    per_session: dict[object, list[int]] = {}
    tallies: dict = {(d.key, g.key): [0, Counter(), 0] for d in view.dimensions for g in GROUPS}
    for rid, sid, unit_kind, role, word_count in answers:
        keys = ("all", unit_group(unit_kind), role_group(role))
        stats = per_session.setdefault(sid, [0, 0, 0])
        stats[0] += 1
        stats[2] += word_count
        for key in keys:
            answer_counts[key] += 1
            words[key] += word_count
        state = coded.get(rid)
        if state is None:
            continue
        stats[1] += 1
        for key in keys:
            coded_counts[key] += 1
        for dim in view.dimensions:
            value = state.get(dim.key)
            if dim.numeric and value is not None:
                for key in keys:
                    tally = tallies[(dim.key, key)]
                    tally[0] += 1
                    tally[1][_bucket(value)] += 1
                    tally[2] += value
            elif dim.multiple or value:
                for key in keys:
                    tally = tallies[(dim.key, key)]
                    tally[0] += 1
                    tally[1].update(value or ())

    groups = _shown_groups(answer_counts)
    per_session = {as_uuid(sid): stats for sid, stats in per_session.items()}
    coders = {as_uuid(sid): coder for sid, coder in coders.items()}
    overviews = []
    for row, version, vignette_id, vignette_title in sorted(meta, key=lambda m: (m[0].held_on, m[0].title)):
        n, n_coded, total_words = per_session.get(row.id, [0, 0, 0])
        overviews.append(SessionOverview(row.id, row.title, row.held_on, vignette_id, vignette_title, version, n,
                                         n_coded, coders.get(row.id), total_words / n if n else None))
    return Analysis(
        tuple(overviews), answer_counts["all"], coded_counts["all"],
        tuple(GroupFigures(g, coded_counts[g.key], ()) for g in groups),
        _dimension_figures(view, groups, tallies),
        tuple(WordFigures(g, answer_counts[g.key], words[g.key] / answer_counts[g.key]
                          if answer_counts[g.key] else None) for g in groups))


# --- before and after -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    dimension: str
    dimension_label: str
    key: str
    label: str
    group: Group
    before_n: int
    before_share: float | None
    after_n: int
    after_share: float | None
    change: float | None  # percentage points, after − before
    small: bool  # a side has fewer than MIN_GROUP answers


@dataclass(frozen=True)
class MeanChange:
    key: str  # a numeric dimension, or "words"
    label: str
    group: Group
    before_n: int
    before_mean: float | None
    after_n: int
    after_mean: float | None
    change: float | None
    small: bool


@dataclass(frozen=True)
class Comparison:
    before: SessionOverview
    after: SessionOverview
    changes: tuple[Change, ...]
    means: tuple[MeanChange, ...]
    warnings: tuple[str, ...]


def compare_sessions(store: Store, before_id: uuid.UUID, after_id: uuid.UUID, *, coder: str | None = None,
                     codebook_id: uuid.UUID | None = None) -> Comparison:
    """Change per dimension, code and group between two sessions on the same vignette."""
    if before_id == after_id:
        raise DomainError(_("Velg to ulike økter å sammenligne."), field="session_id")
    before = analyse(store, before_id, coder=coder, codebook_id=codebook_id)
    after = analyse(store, after_id, coder=coder, codebook_id=codebook_id)
    b, a = before.sessions[0], after.sessions[0]
    if b.vignette_id != a.vignette_id:
        raise DomainError(_("Økter kan bare sammenlignes når de brukte samme vignett («{one}» og «{two}»).").format(
            one=b.vignette_title, two=a.vignette_title), field="session_id")
    warnings = []
    if b.version != a.version:
        warnings.append(_("Øktene brukte ulike versjoner av vignetten (versjon {one} og {two}), så teksten kan ha "
                          "endret seg mellom dem.").format(one=b.version, two=a.version))
    keys = {g.group.key for g in before.groups} | {g.group.key for g in after.groups}
    groups = [g for g in GROUPS if g.key in keys and (before.coded_in(g.key) or after.coded_in(g.key))]
    small = set()
    for group in groups:
        nb, na = before.coded_in(group.key), after.coded_in(group.key)
        if nb < MIN_GROUP or na < MIN_GROUP:
            small.add(group.key)
            warnings.append(_("For få svar til å sammenligne «{group}»: {before} kodede svar før og {after} etter "
                              "(minst {min} på hver side). Tolk endringen med varsomhet.").format(
                group=group.label, before=nb, after=na, min=MIN_GROUP))
    changes, means = [], []
    for dim_b in before.dimensions:
        dim_a = after.dimension(dim_b.dimension)
        for group in groups:
            fb, fa = dim_b.figures(group.key), dim_a.figures(group.key)
            nb, na = (fb.n if fb else 0), (fa.n if fa else 0)
            if dim_b.kind == "numeric":
                mb, ma = (fb.mean if fb else None), (fa.mean if fa else None)
                means.append(MeanChange(dim_b.dimension, dim_b.label, group, nb, mb, na, ma,
                                        ma - mb if ma is not None and mb is not None else None, group.key in small))
                continue
            shares_a = {s.key: s for s in fa.shares} if fa else {}
            for share in (fb.shares if fb else ()):
                other = shares_a.get(share.key)
                sb, sa = share.share, (other.share if other else None)
                changes.append(Change(dim_b.dimension, dim_b.label, share.key, share.label, group, nb, sb, na, sa,
                                      (sa - sb) * 100 if sa is not None and sb is not None else None,
                                      group.key in small))
    words_a = {w.group.key: w for w in after.words}
    for w in before.words:
        other = words_a.get(w.group.key)
        if w.group in groups and other is not None:
            means.append(MeanChange("words", _("Antall ord"), w.group, w.n, w.mean, other.n, other.mean,
                                    other.mean - w.mean if other.mean is not None and w.mean is not None else None,
                                    w.group.key in small))
    return Comparison(b, a, tuple(changes), tuple(means), tuple(warnings))


def describe_change(change: Change) -> str:
    """«Tydelig ansvar: 20 % → 45 % (+25 prosentpoeng)» for tables and tooltips."""
    if change.before_share is None or change.after_share is None or change.change is None:
        return _("{label}: for få svar").format(label=change.label)
    return _("{label}: {before} → {after} ({sign}{points} prosentpoeng)").format(
        label=change.label, before=format_percent(change.before_share), after=format_percent(change.after_share),
        sign="+" if change.change >= 0 else "\u2212", points=f"{round_half_up(abs(change.change)):.0f}")


def session_label(overview: SessionOverview) -> str:
    return _("{title} ({day})").format(title=overview.title, day=format_date(overview.held_on))
