"""Where the files went: a confirmation that stays until the next save, with a link to the folder.

The page's own message line is rewritten on every reload (which a save triggers), so a confirmation
there is gone before the user has read it. This one changes only when something new is saved.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)


class SavedNotice(QLabel):
    """`show_saved(text, folder)`; the link «Åpne mappen» opens the folder (`open_url` can be replaced)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("savedNotice")
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.linkActivated.connect(self._open)
        self.open_url = None  # tests and callers may route the URL elsewhere
        self.folder: Path | None = None
        self.hide()

    def show_saved(self, text: str, folder: Path) -> None:
        self.folder = Path(folder)
        url = QUrl.fromLocalFile(str(self.folder)).toString()
        self.setText(f"✓ {escape(text)} <a href=\"{escape(url)}\">{escape(self.tr('Åpne mappen'))}</a>")
        self.setToolTip(str(self.folder))
        self.setAccessibleName(f"{text} {self.tr('Åpne mappen')}")
        self.show()

    def _open(self, link: str) -> None:
        url = QUrl(link)
        if self.open_url is not None:
            self.open_url(url)
            return
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(url):
            log.warning("could not open the folder %s", url.toLocalFile())
            self.setText(self.tr("Fant ikke et program som kan åpne mappen {folder}.").format(folder=self.folder))
