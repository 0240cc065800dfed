"""Oversikt: live figures for the current municipality, straight from `overview_counts`."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_kroner, format_number, semester_span

from .. import topics
from .base import FigureCard, Page, card, card_grid, muted, section_title


def make_load(today):
    def load_overview(store, progress, cancel):
        """Worker job: (municipality, counts, obligation lines) for the current municipality, or None."""
        from storage.services.municipalities import current_municipality, participation_of
        from storage.services.obligations import obligations_status
        from storage.services.overview import overview_counts

        municipality = current_municipality(store)
        if municipality is None:
            return None
        lines = []
        if participation_of(store, municipality.id) is not None:
            lines = obligations_status(store, municipality.id, today=today)
        return municipality, overview_counts(store, municipality.id, today), lines

    return load_overview


# status → (chip text, text colour, background); text and symbol as well as colour
CHIPS = {
    "met": (QT_TRANSLATE_NOOP("OverviewPage", "✓ Oppfylt"), "#14532d", "#d9f2dd"),
    "planned": (QT_TRANSLATE_NOOP("OverviewPage", "◷ Planlagt"), "#1f3f66", "#dde8f5"),
    "at_risk": (QT_TRANSLATE_NOOP("OverviewPage", "! I fare"), "#6b4500", "#fdeccc"),
    "missing": (QT_TRANSLATE_NOOP("OverviewPage", "✗ Mangler"), "#7d1a1a", "#fbe0e0"),
    "follow_up": (QT_TRANSLATE_NOOP("OverviewPage", "→ Bør følges opp"), "#52606d", "#f3ecd9"),
    "not_applicable": (QT_TRANSLATE_NOOP("OverviewPage", "– Ikke aktuelt"), "#52606d", "#eceff3"),
}


class OverviewPage(Page):
    TOPICS = frozenset({topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY, topics.PARTICIPATION, topics.UNITS,
                        topics.NETWORKS, topics.GATHERINGS, topics.SESSION_LOGS, topics.VIGNETTES, topics.FUNDS,
                        topics.PLANS, topics.RESOURCE_PERSONS})
    setup_requested = Signal()
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Status for kommunen akkurat nå, med tall rett fra databasen."))
        self.counts = None
        self.backup_warning = QLabel()
        self.backup_warning.setObjectName("warningBanner")
        self.backup_warning.setWordWrap(True)
        self.backup_warning.setVisible(False)
        self.body.addWidget(self.backup_warning)
        self.states = QStackedWidget()
        self.body.addWidget(self.states)

        self.loading_label = QLabel(self.tr("Laster …"))
        self.loading_label.setObjectName("loading")
        self.states.addWidget(self.loading_label)
        # Built when needed, after the first paint: the empty state and the figures.
        self.empty_panel: QWidget | None = None
        self.figures_panel: QWidget | None = None
        self.figures: dict[str, FigureCard] = {}
        self.obligations: list = []
        self.obligation_rows: list[dict] = []

    def set_backup_warning(self, text: str | None) -> None:
        """Say on Oversikt, not only in the log, when backups cannot be made."""
        self.backup_warning.setText(text or "")
        self.backup_warning.setVisible(bool(text))

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
        layout.addSpacing(14)
        layout.addLayout(self._build_obligations())
        return widget

    def _build_obligations(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(section_title(self.tr("Forpliktelser i programmet")))
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Semester:")))
        self.semester_combo = QComboBox()
        self.semester_combo.setMinimumWidth(300)
        self.semester_combo.currentIndexChanged.connect(self._show_obligations)
        head.addWidget(self.semester_combo)
        box.addLayout(head)
        frame, inner = card()
        self.obligation_grid = QGridLayout()
        self.obligation_grid.setHorizontalSpacing(14)
        self.obligation_grid.setVerticalSpacing(8)
        self.obligation_grid.setColumnStretch(2, 1)
        inner.addLayout(self.obligation_grid)
        self.no_obligations = muted(self.tr("Ingen deltakelse er registrert, så det er ingen forpliktelser å vise."))
        inner.addWidget(self.no_obligations)
        box.addWidget(frame)
        return box

    def obligation_semesters(self) -> list[str]:
        seen: list[str] = []
        for line in self.obligations:
            if line.semester not in seen:
                seen.append(line.semester)
        return seen

    def _fill_semesters(self, current: str) -> None:
        semesters = self.obligation_semesters()
        chosen = self.semester_combo.currentData()
        self.semester_combo.blockSignals(True)
        self.semester_combo.clear()
        for semester in semesters:
            lines = [x for x in self.obligations if x.semester == semester]
            missing = sum(x.status == "missing" for x in lines)
            risk = sum(x.status == "at_risk" for x in lines)
            parts = [self.tr("{n} mangler").format(n=missing)] if missing else []
            parts += [self.tr("{n} i fare").format(n=risk)] if risk else []
            advice = sum(x.status == "follow_up" for x in lines)
            parts += [self.tr("{n} råd å følge opp").format(n=advice)] if advice else []
            text = semester + (self.tr(" (nå)") if semester == current else "")
            text += f" – {', '.join(parts)}" if parts else self.tr(" – alt i orden")
            self.semester_combo.addItem(text, semester)
        wanted = chosen if chosen in semesters else current if current in semesters else None
        if wanted is None and semesters:
            wanted = semesters[0] if current < semesters[0] else semesters[-1]
        self.semester_combo.setCurrentIndex(max(0, self.semester_combo.findData(wanted)))
        self.semester_combo.blockSignals(False)
        self._show_obligations()

    def _show_obligations(self, *_args) -> None:
        from PySide6.QtCore import QCoreApplication

        grid = self.obligation_grid
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        semester = self.semester_combo.currentData()
        lines = [x for x in self.obligations if x.semester == semester]
        self.no_obligations.setVisible(not lines)
        self.obligation_rows = []
        row = 0
        group = None
        for line in lines:
            if line.group is not group:  # «Krav i tilskuddsbrevet», then «Råd fra Nettverkslogg»
                group = line.group
                heading = QLabel(group.label)
                heading.setObjectName("obligationGroup")
                heading.setStyleSheet("font-weight: 700; margin-top: 6px;")
                grid.addWidget(heading, row, 0, 1, 4)
                row += 1
            text, colour, background = CHIPS[str(line.status)]
            chip = QLabel(QCoreApplication.translate("OverviewPage", text))
            chip.setObjectName("statusChip")
            chip.setStyleSheet(f"QLabel {{ color: {colour}; background: {background}; border-radius: 10px; "
                               f"padding: 3px 10px; font-weight: 600; }}")
            chip.setMinimumWidth(120)
            name = QLabel(line.obligation.label)
            name.setStyleSheet("font-weight: 600;")
            reason = QLabel(line.reason)
            reason.setWordWrap(True)
            go = QPushButton(self.tr("Gå til"))
            go.setAccessibleName(self.tr("Gå til: {what}").format(what=line.obligation.label))
            go.clicked.connect(lambda _c=False, target=line.fix_target: self.navigate_requested.emit(target))
            grid.addWidget(name, row, 0)
            grid.addWidget(chip, row, 1)
            grid.addWidget(reason, row, 2)
            grid.addWidget(go, row, 3)
            self.obligation_rows.append({"line": line, "chip": chip, "reason": reason, "button": go})
            row += 1

    def is_loading(self) -> bool:
        return self.states.currentWidget() is self.loading_label

    def load(self) -> None:
        from ..planning.common import today

        self._today = today()
        self.runner.submit(make_load(self._today), on_done=self._show)

    def _show(self, result) -> None:
        if result is None:
            self.counts = None
            if self.empty_panel is None:
                self.empty_panel = self._build_empty_panel()
                self.states.addWidget(self.empty_panel)
            self.states.setCurrentWidget(self.empty_panel)
            self.loaded.emit()
            return
        municipality, counts, self.obligations = result
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
            "kindergartens": format_number(counts.kindergartens),
            "schools": format_number(counts.schools),
            "networks": format_number(counts.networks),
            "gatherings_held": format_number(counts.gatherings_held),
            "gatherings_planned": format_number(counts.gatherings_planned),
            "session_logs": format_number(counts.session_logs),
            "responses": format_number(counts.responses),
            "grant_nok": format_kroner(counts.grant_nok),
            "own_nok": format_kroner(counts.own_nok),
            "spent_nok": format_kroner(counts.spent_nok),
            "remaining_nok": format_kroner(counts.remaining_nok),
        }
        for key, text in values.items():
            self.figures[key].set_value(text)
        from storage.semesters import semester_of

        self._fill_semesters(semester_of(self._today))
        self.states.setCurrentWidget(self.figures_panel)
        self.loaded.emit()
