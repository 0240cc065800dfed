"""Planlegging: the binding plan for the competence development (filled by a later issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .base import PlaceholderPage


class PlanningPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Lag planen for kompetanseutviklingen sammen med barnehagene og skolene, og følg den opp."))
        self.set_points([
            self.tr("Planen for hele perioden, med versjoner du kan sammenligne"),
            self.tr("Hvordan arbeidet er organisert og forankret i enhetene"),
            self.tr("Kartlegging, for eksempel Elevundersøkelsen og Ståstedsanalysen"),
        ])
