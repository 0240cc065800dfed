"""Innstillinger: which municipality the app shows, where the files live, and the backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from .. import topics
from ..format import safe_url
from .base import Page, card, muted, section_title


def load_settings(store, progress, cancel):
    """Worker job: the municipalities, the current one's id, the database ID, and whether the login
    belongs to one municipality on a shared server (then that is the municipality, with no choice)."""
    from storage.server_access import login_scope
    from storage.services.municipalities import current_municipality, list_municipalities
    from storage.services.settings import database_id

    current = current_municipality(store)
    scope = login_scope(store.engine)
    municipal_login = scope is not None and not scope[0]
    return (list_municipalities(store), (current.id.hex if current else None), database_id(store),
            municipal_login)


def choose_municipality(municipality_hex: str):
    def job(store, progress, cancel):
        import uuid

        from storage.services.municipalities import set_current_municipality

        set_current_municipality(store, uuid.UUID(municipality_hex))

    return job


def _value_label(text: str) -> QLabel:
    from PySide6.QtCore import Qt

    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class SettingsPage(Page):
    TOPICS = frozenset({topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY, topics.SETTINGS})
    loaded = Signal()
    move_requested = Signal()  # move the database out of a risky folder

    def __init__(self, opened, paths, parent: QWidget | None = None):
        from PySide6.QtCore import Qt  # not at module level: the module loads before the first paint

        super().__init__(parent)
        self.set_intro(self.tr("Velg hvilken kommune du arbeider med, se hvor programmet lagrer filene, "
                               "og ta eller bruk sikkerhetskopier."))

        frame, layout = card()
        layout.setSpacing(8)
        layout.addWidget(section_title(self.tr("Kommune")))
        row = QHBoxLayout()
        chooser_label = QLabel(self.tr("&Kommunen du arbeider med:"))
        self.municipality_box = QComboBox()
        self.municipality_box.setMinimumWidth(280)
        self.municipality_box.setMaxVisibleItems(20)
        self.municipality_box.addItem(self.tr("Laster …"))
        self.municipality_box.setEnabled(False)
        self.municipality_box.activated.connect(self._chosen)
        chooser_label.setBuddy(self.municipality_box)
        self.chooser_label = chooser_label
        row.addWidget(chooser_label)
        row.addWidget(self.municipality_box)
        row.addStretch(1)
        layout.addLayout(row)
        self.municipality_hint = muted(self.tr("Tallene og sidene viser bare data for kommunen du velger her."))
        layout.addWidget(self.municipality_hint)
        self.body.addWidget(frame)

        frame, layout = card()
        layout.setSpacing(8)
        layout.addWidget(section_title(self.tr("Filer")))
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        database = str(opened.path) if opened.path is not None else safe_url(opened.url)
        self.database_value = _value_label(database)
        self.backup_value = _value_label(str(paths.backup_dir))
        self.log_value = _value_label(str(paths.log_file))
        self.database_id_value = _value_label(opened.database_id or "–")
        form.addRow(self.tr("Databasefil:"), self.database_value)
        form.addRow(self.tr("Sikkerhetskopier:"), self._with_open_button(self.backup_value, Path(paths.backup_dir)))
        form.addRow(self.tr("Loggfil:"), self._with_open_button(self.log_value, Path(paths.log_file).parent))
        form.addRow(self.tr("Database-ID:"), self.database_id_value)
        layout.addLayout(form)
        self.location_warning = QWidget()
        warning_row = QHBoxLayout(self.location_warning)
        warning_row.setContentsMargins(0, 4, 0, 0)
        self.location_label = QLabel()
        self.location_label.setObjectName("formError")
        self.location_label.setWordWrap(True)
        self.move_button = QPushButton(self.tr("Flytt til lokal mappe …"))
        self.move_button.setToolTip(str(paths.data_dir))
        self.move_button.clicked.connect(self.move_requested)
        warning_row.addWidget(self.location_label, 1)
        warning_row.addWidget(self.move_button)
        self.location_warning.hide()
        layout.addWidget(self.location_warning)
        self.body.addWidget(frame)

        from .settings_backups import BackupsCard

        self.backups = BackupsCard(opened.path, Path(paths.backup_dir),
                                   read_only=getattr(opened, "read_only", False))
        self.body.addWidget(self.backups)

        from .settings_server import ServerCard

        self.server = ServerCard(opened.url if opened.path is None else None, Path(paths.data_dir))
        self.body.addWidget(self.server)

    def show_location_risk(self, text: str) -> None:
        """The database lies in a cloud-synced folder or on a network share: say so, offer the move."""
        self.location_label.setText(text)
        self.location_warning.show()

    def _with_open_button(self, value: QLabel, folder: Path) -> QWidget:
        widget = QWidget()
        row = QHBoxLayout(widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(value, 1)
        button = QPushButton(self.tr("Åpne mappen"))
        button.setToolTip(str(folder))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        row.addWidget(button)
        return widget

    def attach(self, runner) -> None:
        self.backups.attach(runner)
        self.server.attach(runner)
        super().attach(runner)

    def load(self) -> None:
        self.runner.submit(load_settings, on_done=self._show)
        self.backups.load()

    def _show(self, result) -> None:
        municipalities, current_id, database_id, municipal_login = result
        box = self.municipality_box
        self.chooser_label.setVisible(not municipal_login)
        box.setVisible(not municipal_login)
        if municipal_login and municipalities:
            self.municipality_hint.setText(self.tr(
                "Du er logget inn på serveren for {name}. Du ser og endrer bare denne kommunens data.").format(
                    name=municipalities[0].name))
        box.blockSignals(True)
        box.clear()
        for m in municipalities:
            box.addItem(f"{m.name} ({m.number})", m.id.hex)  # a str: QVariant compares it by value
        if not municipalities:
            box.addItem(self.tr("Ingen kommuner ennå"))
        index = box.findData(current_id) if current_id is not None else -1
        box.setCurrentIndex(max(index, 0))
        box.setEnabled(bool(municipalities))
        box.blockSignals(False)
        if database_id:
            self.database_id_value.setText(database_id)
        self.loaded.emit()

    def _chosen(self, index: int) -> None:
        municipality_hex = self.municipality_box.itemData(index)
        if not municipality_hex or self.runner is None:
            return
        self.runner.submit(choose_municipality(municipality_hex), changes={topics.CURRENT_MUNICIPALITY})
