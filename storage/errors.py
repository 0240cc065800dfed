"""Domain errors: each carries a user-facing Norwegian message and, where it helps, the field."""

from __future__ import annotations


class DomainError(Exception):
    """Bad input or a broken rule. `message` is shown to the user as it is (bokmål)."""

    def __init__(self, message: str, *, field: str | None = None, exit_code: int = 2):
        super().__init__(message)
        self.message = message
        self.field = field
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class DatabaseError(DomainError):
    """The database file cannot be used: not SQLite, too new, unreadable, locked, read-only."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of Nettverkslogg."""


class ConcurrentEditError(DomainError):
    """Someone else saved the row after the user opened it (or at the same moment); nothing was
    stored. The UI offers to reload the row or to look at the differences."""

    def __init__(self, message: str, *, table: str | None = None, row_id=None):
        super().__init__(message)
        self.table = table
        self.row_id = row_id
