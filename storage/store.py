"""The handle services work through: one engine, sessions, and transactions at the service level."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from .db import make_engine


class Store:
    """Owns the engine. `transaction()` is all-or-nothing; `reader()` is for queries."""

    def __init__(self, url: str, engine: Engine | None = None):
        self.url = url
        self.engine = engine or make_engine(url)
        self._sessions = sessionmaker(self.engine, class_=Session, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back entirely on any error."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
