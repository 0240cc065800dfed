"""Enhetslogger: session logs from the units' own sessions (filled by a later issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .base import PlaceholderPage


class UnitLogsPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Se hva barnehagene og skolene gjør i egne økter mellom samlingene."))
        self.set_points([
            self.tr("Øktlogger fra styrere og rektorer"),
            self.tr("Excel-maler for logg som du sender ut og leser inn igjen"),
            self.tr("Hvor mange ansatte som er nådd i hver enhet"),
        ])
