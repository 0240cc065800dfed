"""Innstillinger → Sikkerhetskopier: the backups with date, size and check result; take one now; restore.

A restore runs as a runner job, so nothing else uses the database meanwhile: the job closes the
runner's own connections first, swaps the file (storage.backup.restore_database, atomic), and the
Store opens fresh connections to the restored file on the next job. Every page then reloads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from .. import topics
from .base import card, muted, section_title

KINDS = {
    "daglig": QT_TRANSLATE_NOOP("BackupsCard", "Daglig"),
    "manuell": QT_TRANSLATE_NOOP("BackupsCard", "Tatt for hånd"),
    "for-gjenoppretting": QT_TRANSLATE_NOOP("BackupsCard", "Før gjenoppretting"),
    "for-skjema": QT_TRANSLATE_NOOP("BackupsCard", "Før oppgradering"),
}
DATE, KIND, SIZE, CHECK = range(4)


def load_backups(backup_dir: Path):
    def job(store, progress, cancel):
        from storage.backup import describe_backups

        return describe_backups(backup_dir)

    return job


def backup_now(db_path: Path, backup_dir: Path):
    def job(store, progress, cancel):
        from storage.backup import make_backup, prune_backups, require_undamaged

        require_undamaged(db_path)
        made = make_backup(db_path, backup_dir, "manuell")
        prune_backups(backup_dir)
        return made

    return job


def restore_from(db_path: Path, source: Path, backup_dir: Path, keep_as: Path):
    def job(store, progress, cancel):
        from storage.backup import restore_database

        store.close()  # no connection of ours stays open on the file that is swapped
        return restore_database(db_path, source, backup_dir, keep_as=keep_as)

    return job


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


class BackupsCard(QWidget):
    """The «Sikkerhetskopier» card; `attach(runner)` after the first paint, then `load()`."""

    loaded = Signal()
    restored = Signal(object)  # the path of the kept copy (or None)

    def __init__(self, db_path: Path | None, backup_dir: Path, parent: QWidget | None = None, *,
                 read_only: bool = False):
        super().__init__(parent)
        self.db_path = db_path
        self.read_only = read_only  # the database is open for reading only: it cannot be replaced
        self.backup_dir = Path(backup_dir)
        self.runner = None
        self.backups: list = []
        frame, layout = card()
        layout.setSpacing(8)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout.addWidget(section_title(self.tr("Sikkerhetskopier")))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Dato"), self.tr("Type"), self.tr("Størrelse"),
                                              self.tr("Kontroll")])
        self.table.setAccessibleName(self.tr("Sikkerhetskopier"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHECK, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.table.setMaximumHeight(230)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)
        self.status = muted(self.tr("Laster …"))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Ta sikkerhetskopi nå"))
        self.backup_button.clicked.connect(self.take_backup)
        self.restore_button = QPushButton(self.tr("Gjenopprett …"))
        self.restore_button.setToolTip(self.tr("Bytt ut databasen med den valgte kopien"))
        self.restore_button.clicked.connect(self.ask_restore)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = muted("")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        layout.addWidget(muted(self.tr("Programmet tar en sikkerhetskopi av databasen hver dag du bruker det, "
                                       "og før hver oppgradering. De ti nyeste beholdes, og alltid den nyeste "
                                       "som er kontrollert uten feil.")))
        if db_path is None:
            self.status.setText(self.tr("Databasen ligger på en databasetjener. Ta sikkerhetskopi der."))
        self._update_buttons()

    def attach(self, runner) -> None:
        self.runner = runner
        self._update_buttons()

    def load(self) -> None:
        if self.runner is None or self.db_path is None:
            return
        self.runner.submit(load_backups(self.backup_dir), on_done=self._show)

    def _show(self, backups) -> None:
        from PySide6.QtCore import Qt

        self.backups = list(backups)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            kind = next((text for key, text in KINDS.items() if info.kind.startswith(key)), info.kind)
            check = self.tr("✓ Uten feil") if info.ok else self.tr("✗ Skadet – kan ikke brukes")
            cells = [info.made.strftime("%d.%m.%Y %H:%M"), self.tr(kind), size_text(info.size), check]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column == SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not info.ok:
                    item.setForeground(QColor("#7d1a1a"))
                self.table.setItem(row, column, item)
        good = [row for row, info in enumerate(self.backups) if info.ok]
        if good:
            self.table.selectRow(good[0])
        if self.backups:
            n = len(self.backups)
            text = self.tr("1 kopi i {folder}") if n == 1 else self.tr("{n} kopier i {folder}")
            self.status.setText(text.format(n=n, folder=self.backup_dir))
        else:
            self.status.setText(self.tr("Ingen sikkerhetskopier ennå i {folder}.").format(folder=self.backup_dir))
        self._update_buttons()
        self.loaded.emit()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        ready = self.runner is not None and self.db_path is not None
        self.backup_button.setEnabled(ready)
        chosen = self.selected() if ready else None
        self.restore_button.setEnabled(chosen is not None and chosen.ok and not self.read_only)

    # --- actions ---------------------------------------------------------------------------------

    def take_backup(self) -> None:
        self.runner.submit(backup_now(self.db_path, self.backup_dir), label=self.tr("Tar sikkerhetskopi …"),
                           on_done=self._backup_done)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _backup_done(self, made) -> None:
        self._say(self.tr("Sikkerhetskopi lagret: {path}").format(path=made))
        self.load()

    def restore_question(self, chosen, keep_as: Path) -> str:
        return self.tr("Databasen byttes ut med sikkerhetskopien fra {date}.\n\nDen databasen du har nå, blir "
                       "tatt vare på som\n{kept}\n\nVil du gjenopprette?").format(
                           date=chosen.made.strftime("%d.%m.%Y kl. %H:%M"), kept=keep_as)

    def ask_restore(self) -> None:
        from storage.backup import planned_backup

        chosen = self.selected()
        if chosen is None:
            return
        keep_as = planned_backup(self.backup_dir, "for-gjenoppretting")
        if self.confirm(self.restore_question(chosen, keep_as)):
            self.restore(chosen.path, keep_as)

    def confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Gjenopprett database"), text,
                          QMessageBox.StandardButton.NoButton, self)
        ok = box.addButton(self.tr("Gjenopprett"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def restore(self, source: Path, keep_as: Path) -> None:
        self.runner.submit(restore_from(self.db_path, source, self.backup_dir, keep_as),
                           label=self.tr("Gjenoppretter databasen …"), changes={topics.ALL},
                           on_done=self._restored)

    def _restored(self, kept) -> None:
        if kept is not None:
            self._say(self.tr("Databasen er gjenopprettet. Den forrige er tatt vare på som {kept}.").format(kept=kept))
        else:
            self._say(self.tr("Databasen er gjenopprettet."))
        self.restored.emit(kept)  # every page reloads on the runner's data_changed(ALL)
