"""The handle services work through: one engine, sessions, and transactions at the service level.

Storage failures (full disk, read-only file, a database held by another program, a damaged file)
leave `transaction()` and `reader()` as a `DatabaseError` with a Norwegian message (storage/db_errors.py);
a transaction that fails that way has stored nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from .db import make_engine
from .db_errors import database_error
from .errors import DomainError


class Store:
    """Owns the engine. `transaction()` is all-or-nothing; `reader()` is for queries.

    `read_only`: open an SQLite file without writing to it (a read-only file or folder); every
    transaction then fails with a message that says why."""

    def __init__(self, url: str, engine: Engine | None = None, *, read_only: bool = False):
        self.url = url
        self.read_only = read_only
        self.engine = engine or make_engine(url, read_only=read_only)
        self._sessions = sessionmaker(self.engine, class_=Session, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back entirely on any error."""
        with _storage_errors(saving=True), self._sessions.begin() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with _storage_errors(saving=False), self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def _storage_errors(*, saving: bool) -> Iterator[None]:
    try:
        yield
    except DomainError:
        raise
    except Exception as exc:
        error = database_error(exc, saving=saving)
        if error is None:
            raise
        raise error from exc
