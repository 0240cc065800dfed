"""Oversikt: live figures for the current municipality, straight from `overview_counts`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from .. import topics
from ..format import kroner, semester_span, thousands
from .base import FigureCard, Page, card, card_grid, muted, section_title


def load_overview(store, progress, cancel):
    """Worker job: (municipality, counts) for the current municipality, or None if there is none."""
    from storage.services.municipalities import current_municipality
    from storage.services.overview import overview_counts

    municipality = current_municipality(store)
    if municipality is None:
        return None
    return municipality, overview_counts(store, municipality.id)


class OverviewPage(Page):
    TOPICS = frozenset({topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY, topics.PARTICIPATION, topics.UNITS,
                        topics.NETWORKS, topics.GATHERINGS, topics.SESSION_LOGS, topics.VIGNETTES, topics.FUNDS})
    setup_requested = Signal()
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Status for kommunen akkurat nå, med tall rett fra databasen."))
        self.counts = None
        self.states = QStackedWidget()
        self.body.addWidget(self.states)

        self.loading_label = QLabel(self.tr("Laster …"))
        self.loading_label.setObjectName("loading")
        self.states.addWidget(self.loading_label)
        # Built when needed, after the first paint: the empty state and the figures.
        self.empty_panel: QWidget | None = None
        self.figures_panel: QWidget | None = None
        self.figures: dict[str, FigureCard] = {}

    def _build_empty_panel(self) -> QWidget:
        empty, empty_layout = card()
        empty_layout.setSpacing(10)
        empty_layout.addWidget(section_title(self.tr("Ingen kommune er satt opp ennå")))
        empty_layout.addWidget(muted(self.tr("Sett opp kommunen din, eller åpne eksempeldata for å se "
                                             "hvordan programmet virker.")))
        start = QPushButton(self.tr("Kom i gang"))
        start.setObjectName("primary")
        start.clicked.connect(self.setup_requested)
        row = QHBoxLayout()
        row.addWidget(start)
        row.addStretch(1)
        empty_layout.addLayout(row)
        return empty

    def _build_figures(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.municipality_label = section_title("")
        self.period_label = muted("")
        layout.addWidget(self.municipality_label)
        layout.addWidget(self.period_label)
        layout.addSpacing(8)

        def cards(*pairs: tuple[str, str]) -> list[FigureCard]:
            made = [FigureCard(caption) for _key, caption in pairs]
            self.figures.update({key: c for (key, _caption), c in zip(pairs, made, strict=True)})
            return made

        layout.addWidget(section_title(self.tr("Deltakere")))
        layout.addLayout(card_grid(cards(("kindergartens", self.tr("Barnehager")),
                                         ("schools", self.tr("Skoler")),
                                         ("networks", self.tr("Nettverk")))))
        layout.addSpacing(10)
        layout.addWidget(section_title(self.tr("Samlinger og logger")))
        layout.addLayout(card_grid(cards(("gatherings_held", self.tr("Samlinger gjennomført")),
                                         ("gatherings_planned", self.tr("Samlinger planlagt")),
                                         ("session_logs", self.tr("Øktlogger")),
                                         ("responses", self.tr("Vignettsvar")))))
        layout.addSpacing(10)
        layout.addWidget(section_title(self.tr("Økonomi")))
        layout.addLayout(card_grid(cards(("grant_nok", self.tr("Tilskudd")),
                                         ("own_nok", self.tr("Egenfinansiering")),
                                         ("spent_nok", self.tr("Brukt hittil")),
                                         ("remaining_nok", self.tr("Igjen")))))
        return widget

    def is_loading(self) -> bool:
        return self.states.currentWidget() is self.loading_label

    def load(self) -> None:
        self.runner.submit(load_overview, on_done=self._show)

    def _show(self, result) -> None:
        if result is None:
            self.counts = None
            if self.empty_panel is None:
                self.empty_panel = self._build_empty_panel()
                self.states.addWidget(self.empty_panel)
            self.states.setCurrentWidget(self.empty_panel)
            self.loaded.emit()
            return
        municipality, counts = result
        self.counts = counts
        if self.figures_panel is None:
            self.figures_panel = self._build_figures()
            self.states.addWidget(self.figures_panel)
        self.municipality_label.setText(self.tr("{name} kommune").format(name=municipality.name)
                                        if not municipality.name.lower().endswith("kommune")
                                        else municipality.name)
        parts = []
        if counts.cohort is not None:
            parts.append(self.tr("Pulje {n}").format(n=counts.cohort))
        if counts.semesters:
            parts.append(self.tr("{span} ({n} semestre)").format(span=semester_span(counts.semesters),
                                                                 n=len(counts.semesters)))
        self.period_label.setText("  ·  ".join(parts) or self.tr("Ingen deltakelse er registrert."))
        values = {
            "kindergartens": thousands(counts.kindergartens),
            "schools": thousands(counts.schools),
            "networks": thousands(counts.networks),
            "gatherings_held": thousands(counts.gatherings_held),
            "gatherings_planned": thousands(counts.gatherings_planned),
            "session_logs": thousands(counts.session_logs),
            "responses": thousands(counts.responses),
            "grant_nok": kroner(counts.grant_nok),
            "own_nok": kroner(counts.own_nok),
            "spent_nok": kroner(counts.spent_nok),
            "remaining_nok": kroner(counts.remaining_nok),
        }
        for key, text in values.items():
            self.figures[key].set_value(text)
        self.states.setCurrentWidget(self.figures_panel)
        self.loaded.emit()
