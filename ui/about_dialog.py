"""«Om Nettverkslogg»: the version (for support questions), the versions of Qt, PySide6 and Python,
where the data lives, and the licences of what the app is built on.

The one-folder app carries THIRD-PARTY-NOTICES.txt beside its programs (build.spec); an installed
wheel relies on each package's own licence files, so the button appears only where the file is.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"


def notices_file() -> Path | None:
    """The third-party notices of the one-folder app, if this is one."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    for candidate in (folder / NOTICES_FILE, Path(getattr(sys, "_MEIPASS", folder)) / NOTICES_FILE):
        if candidate.is_file():
            return candidate
    return None


class AboutDialog(QDialog):
    help_requested = Signal()

    def __init__(self, database: str, log_file: str, parent: QWidget | None = None):
        import PySide6

        super().__init__(parent)
        self.setWindowTitle(self.tr("Om Nettverkslogg"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)

        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QApplication.windowIcon().pixmap(64, 64))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(self.tr("Nettverkslogg"))
        title.setObjectName("pageTitle")
        self.version_label = QLabel(self.tr("Versjon {version}").format(
            version=QApplication.applicationVersion() or "–"))
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        names = QVBoxLayout()
        names.addWidget(title)
        names.addWidget(self.version_label)
        head.addLayout(names, 1)
        layout.addLayout(head)

        layout.addWidget(self._text(self.tr(
            "Planlegging, logg og rapportering for lærende nettverk i Inkluderende barnehage- og "
            "skolemiljø.")))
        self.platform_label = self._text(self.tr("Qt {qt}, PySide6 {pyside}, Python {python}").format(
            qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()))
        self.platform_label.setObjectName("muted")
        layout.addWidget(self.platform_label)
        paths = self._text(self.tr("Database: {database}\nLoggfil: {log}").format(database=database, log=log_file))
        paths.setObjectName("muted")
        paths.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(paths)
        layout.addWidget(self._text(self.tr(
            "Nettverkslogg bygger på Qt og PySide6, som har lisensen LGPL-3.0. Qt-bibliotekene ligger som "
            "egne filer i programmappen og kan byttes ut med andre bygg av samme versjon. Skriften DejaVu "
            "Sans og de andre bibliotekene har sine egne frie lisenser.")))

        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.notices = notices_file()
        if self.notices is not None:
            show = buttons.addButton(self.tr("Vis lisenser …"), QDialogButtonBox.ButtonRole.ActionRole)
            show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.notices))))
        help_button = buttons.addButton(self.tr("Hjelp …"), QDialogButtonBox.ButtonRole.HelpRole)
        help_button.setToolTip(self.tr("En kort veiledning for hver side (Shift+F1)"))
        help_button.clicked.connect(self.help_requested)
        help_button.clicked.connect(self.accept)
        close = buttons.addButton(self.tr("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(560, self.screen().availableGeometry().width() - 40))
        self.resize(self.minimumWidth(), layout.totalHeightForWidth(self.minimumWidth()))

    @staticmethod
    def _text(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label
