"""The vignette before/after comparisons of a report: which sessions are fair to compare.

A pair compares like with like: the first and the last *coded* session (at least one coded answer) of
the *same vignette in the same network* within the report's days. The network of a session is its own
network, or else the network of the gathering it was held at; sessions tied to no network form their
own group («Uten nettverk»). Pairing the first and last session without these conditions compared
different groups of people, or a side without codes that filled the tables with «–».

Each pair names the sessions it compares (title, date, coded answers), so the report can say so.
Aggregates only: shares and means of coded answers, no answer text.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from datetime import date

from sqlalchemy import func
from sqlmodel import select

from ..errors import DomainError
from ..i18n import _
from ..models import Coding, Gathering, LearningNetwork, Response, VignetteSession, VignetteVersion
from ..store import Store
from .report_data import VignetteChange, VignettePair
from .vignette_analysis import compare_sessions

log = logging.getLogger(__name__)


def coded_sessions(store: Store, municipality_id: uuid.UUID, first: date, last: date) -> list[tuple]:
    """Sessions in [first, last] with at least one coded answer, oldest first, as
    (id, title, held_on, vignette_id, network_id, network_name, coded answers)."""
    network = func.coalesce(VignetteSession.network_id, Gathering.network_id)
    with store.reader() as s:
        rows = s.exec(select(VignetteSession.id, VignetteSession.title, VignetteSession.held_on,
                             VignetteVersion.vignette_id, network)
                      .join(VignetteVersion, VignetteVersion.id == VignetteSession.vignette_version_id)
                      .outerjoin(Gathering, Gathering.id == VignetteSession.gathering_id)
                      .where(VignetteSession.municipality_id == municipality_id,
                             VignetteSession.held_on >= first, VignetteSession.held_on <= last)
                      .order_by(VignetteSession.held_on, VignetteSession.created_at)).all()
        if not rows:
            return []
        coded = dict(s.exec(select(Response.session_id, func.count(func.distinct(Response.id)))
                            .join(Coding, Coding.response_id == Response.id)
                            .where(Response.session_id.in_([r[0] for r in rows]))
                            .group_by(Response.session_id)).all())
        names = dict(s.exec(select(LearningNetwork.id, LearningNetwork.name)
                            .where(LearningNetwork.municipality_id == municipality_id)).all())
    return [(sid, title, day, vignette, net, names.get(net) if net else None, coded[sid])
            for sid, title, day, vignette, net in rows if coded.get(sid)]


def vignette_pairs(store: Store, municipality_id: uuid.UUID, first: date, last: date) -> tuple[VignettePair, ...]:
    """One pair per vignette and network used in two or more coded sessions (see the module docstring)."""
    groups: dict[tuple, list] = defaultdict(list)
    for row in coded_sessions(store, municipality_id, first, last):
        groups[(row[3], row[4])].append(row)
    pairs = []
    for rows in groups.values():
        if len(rows) < 2:
            continue
        before, after = rows[0], rows[-1]
        try:
            comparison = compare_sessions(store, before[0], after[0])
        except DomainError:
            log.warning("Vignette sessions %s and %s could not be compared", before[0], after[0], exc_info=True)
            continue
        pairs.append(_pair(comparison, before, after))
    return tuple(sorted(pairs, key=lambda p: (p.vignette.casefold(), p.network.casefold())))


def _pair(comparison, before: tuple, after: tuple) -> VignettePair:
    changes = [c for c in comparison.changes if c.group.key == "all"]
    biggest: dict[str, float] = {}
    for c in changes:
        if c.change is not None and abs(c.change) > biggest.get(c.dimension, -1):
            biggest[c.dimension] = abs(c.change)
    picked, seen = [], set()
    for c in changes:
        top = c.change is not None and abs(c.change) == biggest.get(c.dimension) and c.dimension not in seen
        if top:
            seen.add(c.dimension)
        picked.append(VignetteChange(c.dimension_label, c.label, c.before_n, c.before_share, c.after_n,
                                     c.after_share, top))
    means = tuple((m.label, m.before_mean, m.after_mean) for m in comparison.means if m.group.key == "all")
    return VignettePair(comparison.before.vignette_title, before[1], before[2], after[1], after[2], tuple(picked),
                        means, tuple(w for w in comparison.warnings if "«Alle»" in w),
                        network=before[5] or _("Uten nettverk"), before_coded=before[6], after_coded=after[6])
