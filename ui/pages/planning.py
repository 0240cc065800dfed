"""Planlegging: participation, units, resource persons, networks and gatherings, tasks and the plan.

Each tab is a section in ui/planning/; a section loads when it is first shown and again when a
write touches what it shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from .. import topics
from ..topics import touches
from .base import Page

SECTION_KEYS = ["participation", "units", "resource_persons", "networks", "tasks", "plan"]
ALIASES = {"gatherings": "networks"}


class PlanningPage(Page):
    SCROLLS = False
    TOPICS = frozenset({topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY, topics.PARTICIPATION, topics.UNITS,
                        topics.NETWORKS, topics.GATHERINGS, topics.PLANS, topics.FUNDS, topics.RESOURCE_PERSONS,
                        topics.TASKS})

    def __init__(self, parent: QWidget | None = None):
        from ..planning.networks import NetworksSection
        from ..planning.participation import ParticipationSection
        from ..planning.plan import PlanSection
        from ..planning.resource_persons import ResourcePersonsSection
        from ..planning.tasks import TasksSection
        from ..planning.units import UnitsSection

        super().__init__(parent)
        self.set_intro(self.tr("Sett opp deltakelsen, enhetene, ressurspersonene, nettverkene og planen "
                               "for hele perioden."))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.sections = {
            "participation": ParticipationSection(),
            "units": UnitsSection(),
            "resource_persons": ResourcePersonsSection(),
            "networks": NetworksSection(),
            "tasks": TasksSection(),
            "plan": PlanSection(),
        }
        titles = {"participation": self.tr("Deltakelse"), "units": self.tr("Enheter"),
                  "resource_persons": self.tr("Ressurspersoner"), "networks": self.tr("Nettverk og samlinger"),
                  "tasks": self.tr("Oppgaver"), "plan": self.tr("Plan")}
        for key in SECTION_KEYS:
            self.tabs.addTab(self.sections[key], titles[key])
        self.tabs.currentChanged.connect(self._tab_changed)
        self.body.addWidget(self.tabs, 1)

    def section(self, key: str):
        return self.sections[ALIASES.get(key, key)]

    def unsaved_changes(self) -> list[str]:
        plan = self.sections["plan"]
        return [self.tr("teksten i planen")] if plan.editors and plan.is_changed() else []

    def current_section(self):
        return self.tabs.currentWidget()

    def open_section(self, section: str) -> None:
        key = ALIASES.get(section, section)
        if key in self.sections:
            self.tabs.setCurrentWidget(self.sections[key])
            if key == "networks" and section == "gatherings":
                self.sections[key].focus_gatherings()

    def attach(self, runner) -> None:
        for section in self.sections.values():
            section.attach(runner)
        super().attach(runner)

    def on_data_changed(self, changed: set[str]) -> None:
        if self.runner is None:
            return
        base = {topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY, topics.PARTICIPATION}
        for section in self.sections.values():
            if touches(changed, section.TOPICS | base):
                section.mark_dirty()
        if self.isVisible():
            self.current_section().ensure_loaded()

    def load(self) -> None:
        for section in self.sections.values():
            section.mark_dirty()
        self.current_section().ensure_loaded()

    def _tab_changed(self, _index: int) -> None:
        if self.runner is not None:
            self.current_section().ensure_loaded()
