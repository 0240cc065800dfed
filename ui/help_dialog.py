"""«Hjelp» (Shift+F1): a short built-in guide per page, opened on the page the user is on.

The texts are data (resources/content/help/<page>.md, plain bokmål) and are read from the program
folder, so help works without a network. F1 stays «Om Nettverkslogg», as it was before help existed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .widgets.screen import fit_to_screen


class HelpDialog(QDialog):
    def __init__(self, pages: list[tuple[str, str]], current: str, parent: QWidget | None = None):
        """`pages`: (key, title) in the navigation's order; `current`: the key of the page shown."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hjelp"))
        fit_to_screen(self, 820, 560)
        self.keys = [key for key, _title in pages]
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.pages = QListWidget()
        self.pages.setAccessibleName(self.tr("Sider"))
        self.pages.addItems([title for _key, title in pages])
        self.pages.setMaximumWidth(200)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Hjelpetekst"))
        self.text.setOpenExternalLinks(False)
        row.addWidget(self.pages)
        row.addWidget(self.text, 1)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pages.currentRowChanged.connect(self._show)
        self.pages.setCurrentRow(self.keys.index(current) if current in self.keys else 0)

    def _show(self, row: int) -> None:
        from storage.content import help_text

        if 0 <= row < len(self.keys):
            self.text.setMarkdown(help_text(self.keys[row]))

    def shown_text(self) -> str:
        return self.text.toPlainText()
