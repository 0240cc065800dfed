"""Enhetslogger: each unit's session logs (write, copy, edit, delete), the reach per unit and semester,
and the Excel round trip: «Lag loggskjema» and «Les inn utfylte skjema» (also by dropping files here).

Built after the first paint: the views in ui/unit_logs/ (and the table model) are imported in __init__.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QWidget

from .. import topics
from .base import Page


class UnitLogsPage(Page):
    TOPICS = frozenset({topics.CURRENT_MUNICIPALITY, topics.SESSION_LOGS, topics.UNITS, topics.GATHERINGS,
                        topics.NETWORKS, topics.PARTICIPATION})
    SCROLLS = False
    today = staticmethod(date.today)  # tests set a fixed day

    def __init__(self, parent: QWidget | None = None):
        from ..unit_logs.logs_view import LogsView
        from ..unit_logs.reach_view import ReachView
        from ..unit_logs.roundtrip import RoundTrip

        super().__init__(parent)
        self.set_intro(self.tr("Hva barnehagene og skolene gjør i egne økter mellom samlingene, og hvor mange av "
                               "de ansatte arbeidet har nådd. Dra utfylte loggskjema hit for å lese dem inn."))
        self.setAcceptDrops(True)
        self.networks: list = []
        self.roundtrip = RoundTrip(self)
        actions = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        actions.addWidget(self.status, 1)
        self.write_button = QPushButton(self.tr("Lag loggskjema …"))
        self.write_button.setToolTip(self.tr("Excel-skjema som styrere og rektorer fyller ut og sender tilbake"))
        self.write_button.clicked.connect(self.ask_write_templates)
        self.import_button = QPushButton(self.tr("Les inn utfylte skjema …"))
        self.import_button.setToolTip(self.tr("Velg en eller flere utfylte skjema, eller dra dem hit"))
        self.import_button.clicked.connect(self.roundtrip.ask_and_import)
        actions.addWidget(self.write_button)
        actions.addWidget(self.import_button)
        self.body.addLayout(actions)
        self.tabs = QTabWidget()
        self.logs_view = LogsView(self)
        self.reach_view = ReachView(self)
        self.tabs.addTab(self.logs_view, self.tr("Logger"))
        self.tabs.addTab(self.reach_view, self.tr("Rekkevidde"))
        self.body.addWidget(self.tabs, 1)
        self.roundtrip.status.connect(self.status.setText)

    def attach(self, runner) -> None:
        self.logs_view.runner = runner
        self.reach_view.runner = runner
        super().attach(runner)

    def open_section(self, section: str) -> None:
        self.tabs.setCurrentIndex(1 if section == "reach" else 0)

    def load(self) -> None:
        self.logs_view.load()
        self.reach_view.load()

        def networks(store, progress, cancel):
            from storage.services.municipalities import current_municipality
            from storage.services.networks import list_networks

            municipality = current_municipality(store)
            return [(n.id, n.name) for n in list_networks(store, municipality.id)] if municipality else []

        self.runner.submit(networks, on_done=lambda found: setattr(self, "networks", found))

    # --- the Excel round trip -----------------------------------------------------------------------

    def ask_write_templates(self) -> None:
        unit = self.logs_view.current_unit()
        self.roundtrip.ask_and_write(self.networks, (unit.id, unit.name) if unit else None)

    def dragEnterEvent(self, event) -> None:
        from ..unit_logs.roundtrip import dropped_workbooks

        if dropped_workbooks(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        from ..unit_logs.roundtrip import dropped_workbooks

        paths = dropped_workbooks(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.roundtrip.import_files(paths)
