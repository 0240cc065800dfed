"""Økonomi: grants, own funding and expenses (filled by a later issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .base import PlaceholderPage


class FundsPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Følg tilskuddet, egenfinansieringen og utgiftene gjennom hele perioden."))
        self.set_points([
            self.tr("Tilskudd per rolle og egenfinansiering"),
            self.tr("Utgifter i de fire kategoriene tilskuddet kan brukes til"),
            self.tr("Hvor mye som er brukt, og hvor mye som er igjen"),
        ])
