"""A strip above the pages that stays while a condition lasts (read-only database, risky folder).

Message boxes are for one moment; a banner is for a state the user should keep in mind.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """Text and at most one action button, on a warm warning colour."""

    action = Signal()

    def __init__(self, text: str, *, action_text: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(12)
        self.label = QLabel(text)
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.button: QPushButton | None = None
        if action_text:
            self.button = QPushButton(action_text)
            self.button.clicked.connect(self.action)
            layout.addWidget(self.button)
        self.setAccessibleName(text)

    def text(self) -> str:
        return self.label.text()
