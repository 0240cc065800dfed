"""One writer per database file: a lock file beside the database, held while the app has it open."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DatabaseError
from .i18n import _

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class DatabaseLock:
    """Exclusive, non-blocking lock on `<database>.lock`; released when the process ends."""

    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".lock")
        self._fd: int | None = None

    def acquire(self) -> DatabaseLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise DatabaseError(_("Databasen {path} ligger i en mappe som er skrivebeskyttet. Velg en mappe "
                                  "du kan skrive i, eller kopier filen dit. Filen er ikke endret.").format(
                                      path=self.path.with_suffix(""))) from exc
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseError(_(
                "Databasen {path} er allerede åpen i Nettverkslogg på denne maskinen. Bytt til vinduet "
                "som er åpent, eller lukk det først.").format(path=self.path.with_suffix("")), exit_code=3)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
