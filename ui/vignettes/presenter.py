"""The presenter window: the vignette text and the current phase in large, calm type for a projector.

A top-level window the facilitator moves to a second screen and makes full-screen (F11 or the button;
Esc leaves full-screen). It follows the session's PhaseTimer and shows nothing of the captured answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..widgets.screen import fit_to_screen
from .phase_timer import PhaseTimer

PRESENTER_STYLE = """
QWidget#presenter { background: #fbfaf6; }
QLabel#presenterTitle { color: #2f5d8a; font-weight: 600; }
QLabel#presenterText { color: #1f2933; }
QLabel#presenterPhase { color: #52606d; }
QLabel#presenterClock { color: #1f2933; font-weight: 600; }
QFrame#presenterBar { background: #eef1f4; border-top: 1px solid #d5dbe3; }
"""


class PresenterWindow(QWidget):
    def __init__(self, timer: PhaseTimer, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PRESENTER_STYLE)
        self.setWindowTitle(self.tr("Vignett – visning"))
        self.timer = timer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(80, 56, 80, 32)
        body_layout.setSpacing(28)
        self.title_label = QLabel()
        self.title_label.setObjectName("presenterTitle")
        self.title_label.setWordWrap(True)
        self.text_label = QLabel()
        self.text_label.setObjectName("presenterText")
        self.text_label.setWordWrap(True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        body_layout.addWidget(self.title_label)
        body_layout.addWidget(self.text_label, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea { background: transparent; } QScrollArea > QWidget > QWidget "
                             "{ background: transparent; }")
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        bar = QWidget()
        bar.setObjectName("presenterBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(80, 18, 80, 18)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("presenterPhase")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("presenterClock")
        bar_layout.addWidget(self.phase_label, 1)
        bar_layout.addWidget(self.clock_label)
        layout.addWidget(bar)

        tools = QHBoxLayout()
        tools.setContentsMargins(12, 6, 12, 6)
        self.screen_choice = QComboBox()
        self.screen_choice.setAccessibleName(self.tr("Skjerm"))
        self.fullscreen_button = QPushButton(self.tr("Fullskjerm (F11)"))
        self.fullscreen_button.clicked.connect(self.toggle_full_screen)
        self.screen_choice.activated.connect(self._move_to_chosen_screen)
        tools.addStretch(1)
        tools.addWidget(QLabel(self.tr("Vis på:")))
        tools.addWidget(self.screen_choice)
        tools.addWidget(self.fullscreen_button)
        self.tools = QWidget()
        self.tools.setLayout(tools)
        layout.addWidget(self.tools)

        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._leave_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, timer.toggle)
        timer.changed.connect(self.follow_timer)
        self._fill_screens()
        fit_to_screen(self, 1100, 700)
        self._apply_fonts()
        self.follow_timer()

    def set_vignette(self, title: str, text: str) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text)

    def follow_timer(self) -> None:
        timer = self.timer
        self.phase_label.setText(timer.phase_name() + ("" if timer.running or timer.done else
                                                       self.tr("  (pause)")))
        self.clock_label.setText("" if timer.done else timer.remaining_text())

    # --- screens ----------------------------------------------------------------------------------

    def _fill_screens(self) -> None:
        self.screen_choice.clear()
        for i, screen in enumerate(QGuiApplication.screens()):
            size = screen.geometry()
            self.screen_choice.addItem(self.tr("Skjerm {n}: {w}×{h}").format(n=i + 1, w=size.width(),
                                                                              h=size.height()))
        if len(QGuiApplication.screens()) > 1:
            self.screen_choice.setCurrentIndex(1)

    def _move_to_chosen_screen(self) -> None:
        screens = QGuiApplication.screens()
        index = self.screen_choice.currentIndex()
        if 0 <= index < len(screens):
            full = self.isFullScreen()
            if full:
                self.showNormal()
            geometry = screens[index].availableGeometry()
            self.move(geometry.topLeft())
            if full:
                self.showFullScreen()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self._leave_full_screen()
        else:
            self._move_to_chosen_screen()
            self.showFullScreen()
            self.tools.hide()

    def _leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        self.tools.show()

    # --- type sizes follow the window -------------------------------------------------------------

    def _apply_fonts(self) -> None:
        height = max(self.height(), 400)
        base = max(14, min(32, height // 34))
        for label, factor, bold in ((self.title_label, 1.25, True), (self.text_label, 1.0, False),
                                    (self.phase_label, 1.1, False), (self.clock_label, 1.9, True)):
            font = QFont(label.font())
            font.setPointSizeF(base * factor)
            font.setBold(bold)
            label.setFont(font)
        self.text_label.setStyleSheet(f"line-height: 140%; font-size: {base}pt;")

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif key == Qt.Key.Key_Escape:
            self._leave_full_screen()
        elif key == Qt.Key.Key_Space:
            self.timer.toggle()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_fonts()
