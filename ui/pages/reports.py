"""Rapporter: mid-term and final reports to the county governor (filled by a later issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .base import PlaceholderPage


class ReportsPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Lag underveisrapport og sluttrapport til statsforvalteren med tall rett fra databasen."))
        self.set_points([
            self.tr("Underveisevaluering og sluttevaluering"),
            self.tr("Rapporten som PDF og tallene som Excel"),
            self.tr("Bare samlede tall, aldri enkeltsvar"),
        ])
