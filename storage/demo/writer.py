"""Buffered bulk writing for the demo generator: deterministic ids and timestamps, chunked Core inserts.

Rows are collected per table and written with `session.execute(insert(table), rows)` in chunks. A flush
always writes every buffered table in foreign-key order (parents first), because SQLite checks foreign
keys as each row goes in.
"""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert
from sqlmodel import Session, SQLModel

from ..errors import DomainError
from ..i18n import _

CHUNK_ROWS = 4000

Progress = Callable[[int, int, str], None]


def make_rng(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible random stream for one part of the data (string seeds are stable)."""
    return random.Random("/".join([str(seed), *map(str, parts)]))


def new_id(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID drawn from `rng`, so the same seed gives the same keys."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def stamp(day: date, today: date, hour: int = 15, minute: int = 0) -> datetime:
    """A fixed, timezone-aware UTC timestamp on `day` (never after the demo's `today`)."""
    day = min(day, today)
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


class Writer:
    """Collects rows per table and writes them in chunks, in foreign-key order; counts what it wrote."""

    def __init__(self, session: Session, today: date, progress: Progress | None,
                 cancel: threading.Event | None, total_steps: int):
        self.session = session
        self.today = today
        self._progress = progress
        self._cancel = cancel
        self._order = [t.name for t in SQLModel.metadata.sorted_tables]
        self._buffers: dict[str, list[dict]] = {}
        self._tables = dict(SQLModel.metadata.tables)
        self._pending = 0
        self.counts: dict[str, int] = {}
        self.done = 0
        self.total = max(total_steps, 1)
        self.label = ""

    # --- rows -------------------------------------------------------------------------------------

    def add(self, model: type[SQLModel], row: dict, rng: random.Random | None = None,
            day: date | None = None) -> dict:
        """Buffer one row of `model`. With `rng`, give it an id; with `day`, its created/updated time."""
        if rng is not None and "id" not in row:
            row["id"] = new_id(rng)
        if day is not None:
            when = stamp(day, self.today, 14 + (row["id"].int % 4 if "id" in row else 0), 0)
            row.setdefault("created_at", when)
            row.setdefault("updated_at", when)
        name = model.__tablename__
        self._buffers.setdefault(name, []).append(row)
        self._pending += 1
        if self._pending >= CHUNK_ROWS:
            self.flush()
        return row

    def flush(self) -> None:
        """Write every buffered row, parents before children, then check the cancel flag."""
        for name in self._order:
            rows = self._buffers.get(name)
            if not rows:
                continue
            table = self._tables[name]
            for start in range(0, len(rows), CHUNK_ROWS):
                self.session.execute(insert(table), rows[start:start + CHUNK_ROWS])
            self.counts[name] = self.counts.get(name, 0) + len(rows)
            rows.clear()
        self._pending = 0
        self.check_cancel()

    # --- progress and cancelling ------------------------------------------------------------------

    def check_cancel(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise DomainError(_("Avbrutt. Ingenting er lagret."))

    def step(self, label: str, steps: int = 1) -> None:
        """Report progress: `steps` more done under `label` (a Norwegian phrase)."""
        self.check_cancel()
        self.done = min(self.done + steps, self.total)
        self.label = label
        if self._progress is not None:
            self._progress(self.done, self.total, label)

    def count(self, model: type[SQLModel]) -> int:
        return self.counts.get(model.__tablename__, 0) + len(self._buffers.get(model.__tablename__, []))


def days(start: date, end: date):
    """Every date from `start` to `end` inclusive."""
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)
