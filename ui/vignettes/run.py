"""«Gjennomføring»: the facilitator's view of a running session.

Left: the vignette text, the follow-up questions and the phase timer (start/pause, skip, lengths).
Right: the capture form and the answers captured so far. «Vis på projektor» opens the presenter
window, driven by the same PhaseTimer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..widgets.table_model import RIGHT, Column, RecordTableModel
from .capture import CaptureForm
from .library import vignette_html
from .phase_timer import PHASE_NAMES, PhaseTimer


class TimerPanel(QFrame):
    presenter_requested = Signal()

    def __init__(self, timer: PhaseTimer, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.timer = timer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        row = QHBoxLayout()
        self.phase_label = QLabel()
        self.phase_label.setObjectName("sectionTitle")
        self.clock_label = QLabel()
        font = QFont(self.clock_label.font())
        font.setPointSize(24)
        font.setBold(True)
        self.clock_label.setFont(font)
        row.addWidget(self.phase_label, 1)
        row.addWidget(self.clock_label)
        layout.addLayout(row)
        self.steps_label = QLabel()
        self.steps_label.setObjectName("muted")
        self.steps_label.setWordWrap(True)
        layout.addWidget(self.steps_label)
        buttons = QHBoxLayout()
        self.start_button = QPushButton()
        self.start_button.setObjectName("primary")
        self.skip_button = QPushButton(self.tr("Neste fase"))
        self.reset_button = QPushButton(self.tr("Start på nytt"))
        self.presenter_button = QPushButton(self.tr("Vis på projektor"))
        for b in (self.start_button, self.skip_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.presenter_button)
        layout.addLayout(buttons)
        lengths = QHBoxLayout()
        lengths.addWidget(QLabel(self.tr("Minutter:")))
        self.spins: list[QSpinBox] = []
        for i, name in enumerate(PHASE_NAMES):
            spin = QSpinBox()
            spin.setRange(1, 90)
            spin.setValue(timer.minutes[i])
            spin.setAccessibleName(self.tr(name))
            spin.setToolTip(self.tr(name))
            spin.valueChanged.connect(lambda value, i=i: timer.set_minutes(i, value))
            lengths.addWidget(QLabel((self.tr("Individuelt"), self.tr("Gruppe"), self.tr("Plenum"))[i]))
            lengths.addWidget(spin)
            self.spins.append(spin)
        lengths.addStretch(1)
        layout.addLayout(lengths)
        self.start_button.clicked.connect(timer.toggle)
        self.skip_button.clicked.connect(timer.skip)
        self.reset_button.clicked.connect(timer.reset)
        self.presenter_button.clicked.connect(self.presenter_requested)
        timer.changed.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        t = self.timer
        self.phase_label.setText(t.phase_name())
        self.clock_label.setText("" if t.done else t.remaining_text())
        self.start_button.setText(self.tr("Pause") if t.running else self.tr("Start"))
        self.start_button.setEnabled(not t.done)
        self.skip_button.setEnabled(not t.done)
        steps = []
        for i, name in enumerate(PHASE_NAMES):
            text = f"{self.tr(name)} ({t.minutes[i]} min)"
            steps.append(f"▶ {text}" if i == t.phase else text)
        self.steps_label.setText("  →  ".join(steps))


class RunView(QWidget):
    """Set with `set_session(detail, responses)`; the page reloads it after every saved answer."""

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.detail = None
        self.presenter = None
        self.timer = PhaseTimer()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        self.text_view = QTextBrowser()
        left_layout.addWidget(self.text_view, 1)
        self.timer_panel = TimerPanel(self.timer)
        self.timer_panel.presenter_requested.connect(self.show_presenter)
        left_layout.addWidget(self.timer_panel)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.capture = CaptureForm(page)
        right_layout.addWidget(self.capture, 0)
        answers_row = QHBoxLayout()
        answers_title = QLabel(self.tr("Svar i økta"))
        answers_title.setObjectName("sectionTitle")
        self.sheet_button = QPushButton(self.tr("Lag svarark …"))
        self.sheet_button.setToolTip(self.tr("Et Excel-ark for svar på papir eller e-post"))
        self.import_button = QPushButton(self.tr("Les inn svarark …"))
        answers_row.addWidget(answers_title, 1)
        answers_row.addWidget(self.sheet_button)
        answers_row.addWidget(self.import_button)
        right_layout.addLayout(answers_row)
        self.answers_model = RecordTableModel([
            Column(self.tr("Svar fra"), lambda r: r.respondent),
            Column(self.tr("Enhetstype"), lambda r: r.unit_kind.label if r.unit_kind else ""),
            Column(self.tr("Rolle"), lambda r: role_label(r.role)),
            Column(self.tr("Ord"), lambda r: r.word_count, align=RIGHT),
            Column(self.tr("Svar"), lambda r: " ".join(r.text.split())[:120]),
        ])
        self.answers = QTableView()
        self.answers.setModel(self.answers_model)
        self.answers.verticalHeader().hide()
        self.answers.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.answers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.answers.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        right_layout.addWidget(self.answers, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 560])
        layout.addWidget(splitter)
        self.sheet_button.clicked.connect(self.write_sheet)
        self.import_button.clicked.connect(self.read_sheet)

    def set_session(self, detail, responses) -> None:
        first = self.detail is None or self.detail.session.id != detail.session.id
        self.detail = detail
        if first:
            self.timer.pause()
            for i, minutes in enumerate(detail.session.phase_minutes[:3]):
                self.timer_panel.spins[i].setValue(minutes)
                self.timer.set_minutes(i, minutes)
            self.timer.reset()
            v = detail.version
            groups = ", ".join(g.name for g in detail.groups)
            meta = self.tr("Versjon {n}").format(n=v.version) + (f" · {groups}" if groups else "") + (
                self.tr(" · anonym økt") if detail.session.anonymous else "")
            self.text_view.setHtml(vignette_html(detail.vignette.title, v.text, v.follow_up_questions, meta))
            self.capture.set_session(detail, responses)
            if self.presenter is not None:
                self.presenter.set_vignette(detail.vignette.title, v.text)
        self.answers_model.set_rows(responses)
        self.capture.answered = {r.respondent.casefold() for r in responses}

    def show_presenter(self) -> None:
        from .presenter import PresenterWindow

        if self.presenter is None:
            self.presenter = PresenterWindow(self.timer, self)  # a window of its own, deleted with the page
        if self.detail is not None:
            self.presenter.set_vignette(self.detail.vignette.title, self.detail.version.text)
        self.presenter.show()
        self.presenter.raise_()

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()

    # --- response sheets --------------------------------------------------------------------------

    def write_sheet(self) -> None:
        if self.detail is None:
            return
        from .sheets import write_response_sheet
        write_response_sheet(self, self.detail)

    def read_sheet(self) -> None:
        if self.detail is None:
            return
        from .sheets import read_response_sheet
        read_response_sheet(self, self.detail)


def role_label(role: str | None) -> str:
    labels = {"leader": "Styrer/rektor", "pedagogical_leader": "Pedagogisk leder/lærer",
              "kindergarten_teacher": "Barnehagelærer", "assistant": "Fagarbeider/assistent", "ppt": "PPT",
              "owner": "Eier/kommune", "parents": "Foreldre", "other": "Andre"}
    return labels.get(role or "", role or "")

