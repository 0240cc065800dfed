"""Session logs: each kindergarten and school logs its own staff meetings and reflection groups."""

from __future__ import annotations

from datetime import date, timedelta

from ..enums import LogSource, UnitKind
from ..models import SessionLog
from ..semesters import semester_of
from . import logtexts as lt
from .dates import workdays
from .world import MuniInfo
from .writer import Writer, make_rng, new_id, stamp

LOG_START = date(2025, 8, 18)  # the first working week after the summer


def make_session_logs(w: Writer, seed: int, muni: MuniInfo, per_unit: tuple[int, int]) -> None:
    """Between `per_unit` logs for every kindergarten and school, on past working days."""
    rng = make_rng(seed, "logs", muni.index)
    candidates = workdays(max(LOG_START, muni.period_start), w.today - timedelta(days=1))
    if not candidates:
        return
    focus_of = {}
    for net in muni.networks:
        for unit in net.members:
            focus_of.setdefault(unit.id, net.focus)
    for unit in muni.teaching_units:
        kind = lt.KG if unit.kind == UnitKind.KINDERGARTEN else lt.SCHOOL
        count = min(len(candidates), rng.randint(*per_unit))
        excel = rng.random() < 0.3  # some units send their logs in the Excel template
        focus = focus_of.get(unit.id, {})
        for held_on in sorted(rng.sample(candidates, count)):
            _log(w, rng, unit, kind, held_on, focus.get(semester_of(held_on), ""), excel)


def _log(w: Writer, rng, unit, kind: str, held_on: date, focus: str, excel: bool) -> None:
    session_type, who, (low, high) = rng.choice(lt.SESSION_TYPES[kind])
    if who == "all":
        total = max(1, unit.staff)
        present = total - rng.randint(0, max(1, total // 5))
    else:
        total = min(max(1, unit.staff), rng.randint(4, 8))
        present = total - rng.choice([0, 0, 0, 1, 1, 2])
    present = max(0, min(present, total))
    led_by = rng.choice(lt.LEADERS[kind])
    theme = lt.focus_theme(focus) if focus and rng.random() < 0.35 else rng.choice(lt.THEMES[kind])
    what = [rng.choice(lt.OPENINGS).format(Led=led_by[0].upper() + led_by[1:], led=led_by)]
    what += rng.sample(lt.WHAT_DONE[kind], rng.choice([1, 2, 2, 3]))
    children = any("Elevrådet" in sentence for sentence in what) or rng.random() < (0.08 if kind == lt.KG else 0.1)
    parents = rng.random() < 0.04
    if children and not any("Elevrådet" in sentence for sentence in what):
        what.append(lt.CHILDREN[kind])
    if parents:
        what.append(lt.PARENTS)
    reflections = None if rng.random() < 0.1 else " ".join(rng.sample(lt.REFLECTIONS[kind], rng.randint(1, 3)))
    next_steps = None if rng.random() < 0.08 else " ".join(rng.sample(lt.NEXT_STEPS[kind], rng.randint(1, 2)))
    written = held_on + timedelta(days=rng.choice([0, 0, 1, 2, 5, 9]))
    when = stamp(written, w.today, 12 + rng.randint(0, 6))
    w.add(SessionLog, {
        "id": new_id(rng), "unit_id": unit.id, "held_on": held_on,
        "duration_minutes": rng.randrange(low, high + 1, 15), "staff_present": present, "staff_total": total,
        "led_by": led_by, "theme": f"{session_type}: {theme}"[:200] if rng.random() < 0.25 else theme,
        "method": rng.choice(lt.METHODS[kind]), "what_done": " ".join(what), "reflections": reflections,
        "next_steps": next_steps, "children_involved": children, "parents_involved": parents,
        "source": LogSource.EXCEL if excel and rng.random() < 0.8 else LogSource.APP,
        "created_at": when, "updated_at": when})
