"""The database in a risky folder (cloud sync, network share): warn once, and move it on request.

Detection and the safe move are Qt-free (storage/location.py, storage/relocate.py); this module asks
the user, runs the move on the runner's worker (no other write can come in between) and then asks the
window to restart on the new file. The old file is kept where it was.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

SETTINGS_ORG = APP_NAME = "Nettverkslogg"
_WARNED_KEY = "risky_folder/warned"


def move_job(source: Path, data_dir: Path):
    def job(store, progress, cancel):
        from storage.relocate import local_target, move_database

        return move_database(source, local_target(data_dir))

    return job


class LocationGuard(QObject):
    """Owns the risky-folder warning for one window. `moved(path)` is emitted after a verified move."""

    moved = Signal(str)

    def __init__(self, window: QWidget, opened, paths):
        super().__init__(window)
        self._window = window
        self._opened = opened
        self._paths = paths
        self.risk = None
        self.warning_box: QMessageBox | None = None

    def check(self):
        """Find out whether the database is in a risky folder; warn the first time for this file."""
        from storage.location import risky_location

        path = self._opened.path
        if path is None or getattr(self._opened, "read_only", False):
            return None
        self.risk = risky_location(path)
        if self.risk is None:
            return None
        log.warning("Databasen %s ligger på et usikkert sted: %s", path, self.risk.service)
        settings = QSettings(SETTINGS_ORG, APP_NAME)
        warned = settings.value(_WARNED_KEY, [], type=list) or []
        if str(path) not in warned:
            settings.setValue(_WARNED_KEY, [*warned, str(path)])
            self.ask()
        return self.risk

    def ask(self) -> None:
        """Explain the risk and offer the move (at start, and from Innstillinger)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Databasen ligger på et usikkert sted"),
                          self.risk.message, QMessageBox.StandardButton.NoButton, self._window)
        box.setInformativeText(self.tr("Vil du flytte den nå? Den gamle fila blir liggende der den er."))
        move = box.addButton(self.tr("Flytt databasen"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("Ikke nå"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.buttonClicked.connect(lambda button: self.move() if button is move else None)
        box.open()
        self.warning_box = box

    def move(self) -> None:
        """Copy the database to the local data folder, verify it, then restart on the copy."""
        runner = getattr(self._window, "runner", None)
        if runner is None or self._opened.path is None:
            return
        runner.submit(move_job(self._opened.path, Path(self._paths.data_dir)),
                      label=self.tr("Flytter databasen …"), on_done=self._moved)

    def _moved(self, new_path) -> None:
        log.info("Databasen er flyttet til %s; den gamle fila %s er beholdt", new_path, self._opened.path)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Databasen er flyttet"),
                          self.tr("Databasen ligger nå i {new}. Nettverkslogg starter på nytt med den.").format(
                              new=new_path), QMessageBox.StandardButton.NoButton, self._window)
        box.setInformativeText(self.tr("Den gamle fila ligger fortsatt i {old}. Ikke bruk den videre, og "
                                       "slett den når du har sett at alt er med.").format(old=self._opened.path))
        box.addButton(self.tr("Start på nytt"), QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(lambda _result: self.moved.emit(str(new_path)))
        box.open()
        self.warning_box = box
