"""Samlinger: every gathering of the municipality (filter by semester, kind, network, status; search),
«Registrer samling» for a held gathering or a planned one filled in, and the reflection templates.

Built after the first paint: the table model and the views (ui/gatherings/) are imported in __init__.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QWidget

from .. import topics
from .base import Page


class GatheringsPage(Page):
    TOPICS = frozenset({topics.CURRENT_MUNICIPALITY, topics.GATHERINGS, topics.NETWORKS, topics.UNITS,
                        topics.PARTICIPATION})
    SCROLLS = False
    today = staticmethod(date.today)  # tests set a fixed day

    def __init__(self, parent: QWidget | None = None):
        from ..gatherings.list_view import GatheringsListView
        from ..gatherings.templates_view import ReflectionTemplatesView

        super().__init__(parent)
        self.set_intro(self.tr("Fagdager, regionale samlinger, oppstartssamlingen og nettverksmøtene: hva som skjedde, "
                               "hvem som kom, og hvilke oppgaver enhetene tar med seg."))
        self.tabs = QTabWidget()
        self.body.addWidget(self.tabs, 1)
        self.list_view = GatheringsListView(self)
        self.templates_view = ReflectionTemplatesView()
        self.tabs.addTab(self.list_view, self.tr("Samlinger"))
        self.tabs.addTab(self.templates_view, self.tr("Refleksjonsmaler"))

    def attach(self, runner) -> None:
        self.list_view.runner = runner
        self.templates_view.runner = runner
        super().attach(runner)

    def open_section(self, section: str) -> None:
        self.tabs.setCurrentIndex(1 if section == "templates" else 0)

    def load(self) -> None:
        self.list_view.load()
        self.templates_view.load()

    @property
    def editor(self):
        return self.list_view.editor

    def open_editor(self, gathering_id=None) -> None:
        self.list_view.open_editor(gathering_id)
