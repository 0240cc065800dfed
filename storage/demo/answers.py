"""Vignette answers assembled from tagged moves, so the coding that follows matches what the text says.

Answers of higher quality take more responsibility, use more moves and reach further (from the child
to the relations around it to the whole environment). Styles vary: a running text, a compact sentence,
or a list as groups often write on a sheet.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from ..content import load_vignettes, word_count
from . import answer_banks as ab


@dataclass(frozen=True)
class Answer:
    text: str
    quality: int  # 1 low, 2 medium, 3 high
    moves: int
    reach: int  # 1 individual, 2 relational, 3 systemic
    regulations: bool
    classification: str
    pdh: tuple[str, ...]
    duties: tuple[str, ...]

    @property
    def words(self) -> int:
        return word_count(self.text)


@lru_cache(maxsize=1)
def _topic_banks() -> dict[str, str]:
    """Built-in vignette key → the answer bank its topics call for (content files, read once)."""
    try:
        vignettes = load_vignettes()
    except Exception:  # the content files are another module's business; fall back to the peer bank
        return {}
    result = {}
    for v in vignettes:
        banks = [ab.TOPIC_BANKS[t] for t in v.topics if t in ab.TOPIC_BANKS]
        result[v.builtin_key] = banks[0] if banks else "peers"
    return result


def bank_for(vignette_key: str) -> str:
    return vignette_key if vignette_key in ab.MOVES else _topic_banks().get(vignette_key, "peers")


def write_answer(rng: random.Random, vignette_key: str, school: bool, group: bool, progress: float,
                 role: str | None) -> Answer:
    """One answer. `progress` runs from 0 at the start of the period to 1 at its latest session: later
    answers are better on average. Assistants answer a little more briefly than pedagogues."""
    early, late = (40, 42, 18), (15, 40, 45)
    weights = [e + (lt - e) * progress for e, lt in zip(early, late, strict=True)]
    if role == "assistant":
        weights = [weights[0] + 10, weights[1], max(5.0, weights[2] - 10)]
    quality = rng.choices([1, 2, 3], weights)[0]
    key = bank_for(vignette_key)
    words = {"{barnet}": "eleven" if school else "barnet", "{barna}": "elevene" if school else "barna",
             "{leder}": "rektor" if school else "styrer", "{enhet}": "skolen" if school else "barnehagen"}

    moves = ab.MOVES[key]
    if role == "leader":  # a leader does not report to herself
        moves = [m for m in moves if "notify" not in m[1]] or moves
    count = {1: rng.choice([1, 1, 2]), 2: rng.choice([2, 3, 3]), 3: rng.choice([4, 5, 6])}[quality]
    pool = moves if quality == 3 else [m for m in moves if m[3] <= 2] or moves
    chosen = rng.sample(pool, min(count, len(pool)))
    if quality == 3 and all(m[3] < 3 for m in chosen):
        chosen[-1] = rng.choice([m for m in moves if m[3] == 3] or moves)
    chosen.sort(key=lambda m: m[3])
    classification = rng.choices(["not_considered", "one_off", "bullying", "violation"],
                                 {1: [60, 35, 3, 2], 2: [25, 35, 25, 15], 3: [5, 10, 50, 35]}[quality])[0]
    regulations = rng.random() < {1: 0.05, 2: 0.3, 3: 0.7}[quality]
    stance = rng.choice(ab.STANCES[classification])
    phrases = [m[0] for m in chosen]

    parts: list[str] = []
    if stance and quality > 1:
        parts.append(stance)
    if quality >= 2 and rng.random() < (0.4 if quality == 2 else 0.7):
        parts.append(rng.choice(ab.COMMENTS[key]))
    style = rng.choices(["list", "compact", "running"], [3 if group else 0.5, 2, 5])[0]
    if len(phrases) == 1:
        parts.append(rng.choice(ab.HEDGED if quality == 1 else ab.HEDGED[2:]).format(m=phrases[0]))
    elif style == "compact" and len(phrases) <= 3 and not any("," in p for p in phrases):
        parts.append(f"Jeg ville {', '.join(phrases[:-1])} og {phrases[-1]}.")
    elif style == "list":
        lines = "\n".join(f"- {p[0].upper()}{p[1:]}" for p in phrases)
        parts.append(f"{rng.choice(ab.LIST_HEADS)}\n{lines}")
    else:
        middle = rng.sample(ab.MIDDLE_STEPS, min(len(ab.MIDDLE_STEPS), max(0, len(phrases) - 2)))
        parts.append(rng.choice(ab.FIRST_STEPS).format(m=phrases[0]))
        parts += [template.format(m=p) for template, p in zip(middle, phrases[1:-1], strict=False)]
        parts.append(rng.choice(ab.LAST_STEPS).format(m=phrases[-1]))
    if quality == 1 and rng.random() < 0.6:
        parts.append(ab.LOW_FILLERS[key])
    elif stance and quality == 1:
        parts.append(stance)
    if regulations:
        parts.append(rng.choice(ab.REGULATIONS["school" if school else "kindergarten"]))
    if quality == 3 and rng.random() < 0.8:
        parts.append(rng.choice(ab.CLOSINGS))
    text = ("\n" if style == "list" and len(phrases) > 1 else " ").join(parts)
    for placeholder, word in words.items():
        text = text.replace(placeholder, word)
    if group:
        text = text.replace("jeg ", "vi ").replace("Jeg ", "Vi ").replace(" meg ", " oss ")
    return Answer(
        text=text, quality=quality, moves=len(chosen), reach=max(m[3] for m in chosen),
        regulations=regulations, classification=classification,
        pdh=tuple(sorted({g for m in chosen for g in m[2]})),
        duties=tuple(sorted({d for m in chosen for d in m[1]})))
