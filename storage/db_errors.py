"""SQLite and file-system failures as Norwegian messages that say what to do.

The one place that turns a full disk, a read-only file or folder, a database held by another program
or a damaged file into a `DatabaseError`. `Store.transaction()` uses it (then nothing was stored), and
so do the CLI and the GUI runner for whatever fails outside a transaction. Standard library only: the
runner and the CLI import it on paths where SQLAlchemy may not be loaded yet. SQLAlchemy wraps the
driver's error in `.orig`, so the chain is walked rather than the types imported.
"""

from __future__ import annotations

import errno
import sqlite3

from .errors import DatabaseError, DomainError
from .i18n import _

# SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

FULL, READ_ONLY, LOCKED, DAMAGED, IO_ERROR, CANNOT_OPEN = "full", "read_only", "locked", "damaged", "io", "cannot_open"
FILE_READ_ONLY = "file_read_only"  # an ordinary file (an export, a lock file), not the database

_SQLITE_KINDS = {
    SQLITE_FULL: FULL,
    SQLITE_READONLY: READ_ONLY,
    SQLITE_PERM: READ_ONLY,
    SQLITE_BUSY: LOCKED,
    SQLITE_LOCKED: LOCKED,
    SQLITE_CORRUPT: DAMAGED,
    SQLITE_NOTADB: DAMAGED,
    SQLITE_IOERR: IO_ERROR,
    SQLITE_CANTOPEN: CANNOT_OPEN,
}
_OS_KINDS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EFBIG: FULL,
    errno.EROFS: FILE_READ_ONLY,
    errno.EACCES: FILE_READ_ONLY,
    errno.EPERM: FILE_READ_ONLY,
    errno.EIO: IO_ERROR,
}


class StorageFailure(DatabaseError):
    """A storage failure with its `kind` (FULL, READ_ONLY, …), so callers can react without reading text."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind


def _nothing_saved(saving: bool) -> str:
    return _("Ingenting er lagret.") + " " if saving else ""


def _message(kind: str, saving: bool, filename: str | None = None) -> str:
    nothing = _nothing_saved(saving)
    if kind == FILE_READ_ONLY:
        if filename:
            return _("Ingen tilgang til {path}: fila eller mappa er skrivebeskyttet eller låst. Velg en annen "
                     "fil eller mappe.").format(path=filename)
        return _("Ingen tilgang til en fil eller mappe: den er skrivebeskyttet eller låst. Velg en annen fil "
                 "eller mappe.")
    if kind == FULL:
        return _("Disken er full. {nothing}Frigjør plass og prøv igjen.").format(nothing=nothing)
    if kind == READ_ONLY or (kind == CANNOT_OPEN and saving):
        return _("Databasen kan ikke endres fordi fila eller mappa den ligger i er skrivebeskyttet. {nothing}"
                 "Flytt fila til en mappe du kan skrive i, og åpne den der.").format(nothing=nothing)
    if kind == LOCKED:
        return _("Databasen er i bruk av et annet program. {nothing}Lukk det andre programmet, eller vent litt, "
                 "og prøv igjen.").format(nothing=nothing)
    if kind == DAMAGED:
        return _("Databasefila er skadet. {nothing}Gjenopprett databasen fra en sikkerhetskopi.").format(
            nothing=nothing)
    if kind == CANNOT_OPEN:
        return _("Kan ikke åpne databasefila. Sjekk at fila finnes, og at du har tilgang til mappa den ligger i.")
    return _("Kunne ikke lese eller skrive databasefila (feil på disken eller nettverket). {nothing}"
             "Prøv igjen. Hjelper ikke det, kopier fila til en lokal disk.").format(nothing=nothing)


def _causes(exc: BaseException):
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend([getattr(current, "orig", None), current.__cause__, current.__context__])


def failure_kind(exc: BaseException) -> str | None:
    """FULL, READ_ONLY, LOCKED, DAMAGED, IO_ERROR, CANNOT_OPEN or FILE_READ_ONLY; None otherwise."""
    return _failure(exc)[0]


def _failure(exc: BaseException) -> tuple[str | None, str | None]:
    for cause in _causes(exc):
        if isinstance(cause, sqlite3.Error):
            code = getattr(cause, "sqlite_errorcode", None)
            if code is not None and (code & 0xFF) in _SQLITE_KINDS:
                return _SQLITE_KINDS[code & 0xFF], None
            text = str(cause).lower()  # errors raised before SQLite gave a code
            if "locked" in text:
                return LOCKED, None
            if "readonly" in text or "read-only" in text:
                return READ_ONLY, None
            if "disk is full" in text:
                return FULL, None
            if "malformed" in text or "not a database" in text:
                return DAMAGED, None
        elif isinstance(cause, OSError) and cause.errno in _OS_KINDS:
            filename = cause.filename if isinstance(cause.filename, str) else None
            return _OS_KINDS[cause.errno], filename
    return None, None


def database_error(exc: BaseException, *, saving: bool = False) -> DomainError | None:
    """The DomainError to show for `exc`, or None when it is not a storage failure (a bug, then).

    `saving`: the failure happened inside a transaction that was rolled back, so the message can say
    that nothing was stored. A DomainError is returned unchanged.
    """
    if isinstance(exc, DomainError):
        return exc
    from sqlalchemy.orm.exc import StaleDataError

    if isinstance(exc, StaleDataError):  # the row's version changed between reading and writing it
        from .errors import ConcurrentEditError

        return ConcurrentEditError(_("Noen andre lagret de samme opplysningene i samme øyeblikk. Ingenting er "
                                     "lagret. Last inn på nytt og gjør endringen igjen."))
    kind, filename = _failure(exc)
    if kind is None:
        return None
    return StorageFailure(_message(kind, saving, filename), kind)
