"""What every page shares: the header style, a scrollable body, lazy reloads on `data_changed`.

Pages are built before the first paint, so this module and the pages import only Qt. Storage
services are imported inside the job functions, which run on the runner's worker thread. The
`PySide6.QtCore.Qt` namespace (~20 ms to create) is imported only in code that runs after the paint.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..topics import touches


class Page(QWidget):
    """A page with a title and a one-sentence intro. Subclasses set TOPICS and implement `load`.

    SCROLLS = False gives a page that fills the window (for tables and editors that scroll
    themselves) instead of one long scrolling page; it scrolls only when the window is smaller
    than its minimum size. A page asks the main window to go elsewhere
    with `navigate_requested.emit("planning.units")`; the window shows that page and calls its
    `open_section("units")`.
    """

    TOPICS: frozenset[str] = frozenset()
    SCROLLS: bool = True
    navigate_requested = Signal(str)
    setup_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = None
        self._dirty = False
        self._title = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        content.setObjectName("pageContent")
        # Every page scrolls when the window is smaller than what it needs (a laptop at 1280×720):
        # a page that fills the window (SCROLLS = False) just never needs to at a normal size.
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(6)
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.intro_label = QLabel()
        self.intro_label.setObjectName("pageIntro")
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addSpacing(18)
        self.body_host = QWidget()
        self.body = QVBoxLayout(self.body_host)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(14)
        layout.addWidget(self.body_host, 0 if self.SCROLLS else 1)
        self._layout = layout
        self.setup_notice: QWidget | None = None
        if self.SCROLLS:
            layout.addStretch(1)

    def set_intro(self, intro: str) -> None:
        self.intro_label.setText(intro)

    def set_title(self, title: str) -> None:
        """The main window gives each page its title, the same as in the navigation."""
        self._title = title
        self.title_label.setText(title)
        self.title_label.setAccessibleName(title)

    def page_title(self) -> str:
        return self._title

    def set_municipality_known(self, known: bool) -> None:
        """No municipality yet: show a short text and «Sett opp kommunen» instead of controls that
        would do nothing (or fail) without one."""
        if not known and self.setup_notice is None:
            self.setup_notice = self._build_setup_notice()
            self._layout.insertWidget(self._layout.indexOf(self.body_host), self.setup_notice, 1)
        if self.setup_notice is not None:
            self.setup_notice.setVisible(not known)
        self.body_host.setVisible(known)

    def _build_setup_notice(self) -> QWidget:
        from PySide6.QtWidgets import QHBoxLayout, QPushButton

        frame, layout = card()
        layout.setSpacing(10)
        layout.addWidget(section_title(self.tr("Ingen kommune er satt opp ennå")))
        layout.addWidget(muted(self.tr("Denne siden tar i bruk kommunen og deltakelsen i programmet. "
                                       "Sett opp kommunen først.")))
        self.setup_button = QPushButton(self.tr("Sett opp kommunen"))
        self.setup_button.setObjectName("primary")
        self.setup_button.clicked.connect(self.setup_requested)
        row = QHBoxLayout()
        row.addWidget(self.setup_button)
        row.addStretch(1)
        layout.addLayout(row)
        notice = QWidget()  # the card at the top; the rest of the page stays empty
        notice_layout = QVBoxLayout(notice)
        notice_layout.setContentsMargins(0, 0, 0, 0)
        notice_layout.addWidget(frame)
        notice_layout.addStretch(1)
        return notice

    # --- data -----------------------------------------------------------------------------------

    def attach(self, runner) -> None:
        """The runner is ready (after the first paint): load now if shown, else when shown."""
        from PySide6.QtCore import Qt

        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's controls
        self.runner = runner
        self._dirty = True
        if self.isVisible():
            self.reload()

    def detach(self) -> None:
        """The runner is stopping (the window closes): a timer that fires later submits nothing."""
        self.runner = None

    def on_data_changed(self, topics: set[str]) -> None:
        if self.runner is None or not touches(topics, self.TOPICS):
            return
        self._dirty = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty and self.runner is not None:
            self.reload()

    def reload(self) -> None:
        self._dirty = False
        self.load()

    def open_section(self, section: str) -> None:
        """Show one part of the page (e.g. "units" on Planlegging). Pages with sections override."""

    def unsaved_changes(self) -> list[str]:
        """Names of what the user has typed but not saved (asked before the window closes)."""
        return []

    def load(self) -> None:
        """Submit a read job to self.runner. Pages without data do nothing."""


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("muted")
    label.setWordWrap(True)
    return label


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(4)
    return frame, layout


class FigureCard(QFrame):
    """A big number with a caption under it."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setObjectName("card")
        self.setMinimumWidth(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(2)
        self.caption = caption
        self.value_label = QLabel("–")
        self.value_label.setObjectName("cardValue")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("cardLabel")
        self.caption_label.setWordWrap(True)  # «Tilskudd (kommunens andel)» on a narrow card
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)
        self.setAccessibleName(f"{self.caption}: {text}")

    def value(self) -> str:
        return self.value_label.text()


def card_grid(cards: list[QWidget], columns: int = 4) -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(12)
    for i, widget in enumerate(cards):
        grid.addWidget(widget, i // columns, i % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    return grid


class PlaceholderPage(Page):
    """A page that later issues fill: heading, intro and what the page will hold."""

    def set_points(self, points: list[str]) -> None:
        frame, layout = card()
        layout.setSpacing(8)
        layout.addWidget(section_title(self.tr("På denne siden")))
        for point in points:
            label = QLabel(f"•  {point}")
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addSpacing(6)
        layout.addWidget(muted(self.tr("Denne siden er ikke ferdig ennå.")))
        self.body.addWidget(frame)
