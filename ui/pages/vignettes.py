"""Vignetter: vignettes, sessions, responses and coding (filled by a later issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .base import PlaceholderPage


class VignettesPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Bruk korte fortellinger fra hverdagen til refleksjon og til å se endring over tid."))
        self.set_points([
            self.tr("Ferdige vignetter og vignetter du skriver selv"),
            self.tr("Vignettøkter med svar uten navn på barn"),
            self.tr("Koding av svar og sammenligning før og etter"),
        ])
