"""Samlinger: gatherings at every level, per semester (filled by a later issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .base import PlaceholderPage


class GatheringsPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Hold oversikt over fagdager, regionale samlinger, oppstartssamlingen og nettverksmøtene."))
        self.set_points([
            self.tr("Planlagte og gjennomførte samlinger per semester"),
            self.tr("Hvem som deltar fra hver barnehage og skole"),
            self.tr("Oppgaver enhetene skal gjøre før neste samling"),
        ])
