"""Vignetter: the library, the sessions, and one session's workspace (run, code, agreement, analysis).

The views live in ui/vignettes/; this page holds them together. Services are imported inside the job
functions; the analysis view (QtCharts) is imported only when it is first opened.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from .. import topics
from .base import Page


def load_session(session_id):
    def job(store, progress, cancel):
        from storage.services.vignette_sessions import get_session, list_responses
        return get_session(store, session_id), list_responses(store, session_id)
    return job


class VignettesPage(Page):
    TOPICS = frozenset({topics.VIGNETTES, topics.CURRENT_MUNICIPALITY, topics.MUNICIPALITIES})
    SCROLLS = False

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Korte fortellinger fra hverdagen til refleksjon i nettverket – og til å se om "
                               "måten dere tenker på, endrer seg over tid."))
        self.detail = None
        self.responses = []
        self._light = False  # the last change was a coding: refresh the header, not the open view
        self.analysis = None
        self.stack = QStackedWidget()
        self.body.addWidget(self.stack, 1)

        from ..vignettes.library import LibraryView
        from ..vignettes.sessions import SessionsView

        self.home = QTabWidget()
        self.library = LibraryView(self)
        self.sessions = SessionsView(self)
        self.home.addTab(self.library, self.tr("Bibliotek"))
        self.home.addTab(self.sessions, self.tr("Økter"))
        self.stack.addWidget(self.home)

        self.workspace = QWidget()
        ws_layout = QVBoxLayout(self.workspace)
        ws_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Alle økter"))
        self.session_label = QLabel()
        self.session_label.setObjectName("sectionTitle")
        self.session_label.setWordWrap(True)
        head.addWidget(self.back_button)
        head.addSpacing(10)
        head.addWidget(self.session_label, 1)
        ws_layout.addLayout(head)
        self.session_tabs = QTabWidget()
        ws_layout.addWidget(self.session_tabs, 1)
        self.stack.addWidget(self.workspace)

        from ..vignettes.agreement_view import AgreementView
        from ..vignettes.coding import CodingView
        from ..vignettes.run import RunView

        self.run = RunView(self)
        self.coding = CodingView(self)
        self.agreement = AgreementView(self)
        self.analysis_holder = QWidget()
        QVBoxLayout(self.analysis_holder).setContentsMargins(0, 0, 0, 0)
        self.session_tabs.addTab(self.run, self.tr("Gjennomføring"))
        self.session_tabs.addTab(self.coding, self.tr("Koding"))
        self.session_tabs.addTab(self.agreement, self.tr("Samsvar mellom kodere"))
        self.session_tabs.addTab(self.analysis_holder, self.tr("Analyse"))

        self.library.session_requested.connect(self.new_session)
        self.sessions.new_requested.connect(lambda: self.new_session(None))
        self.sessions.open_requested.connect(lambda d: self.open_session(d.session.id))
        self.back_button.clicked.connect(self.close_session)
        self.session_tabs.currentChanged.connect(lambda *_: self._show_tab())
        self.agreement.open_answer.connect(self._open_answer)

    # --- data -------------------------------------------------------------------------------------

    def on_data_changed(self, changed: set[str]) -> None:
        self._light = topics.VIGNETTE_CODING in changed and topics.ALL not in changed
        super().on_data_changed(changed)

    def load(self) -> None:
        light, self._light = self._light, False
        if light and self.detail is not None and self.stack.currentWidget() is self.workspace:
            self.runner.submit(load_session(self.detail.session.id), on_done=self._header_loaded)
            self.sessions.load()
            return
        self.library.load()
        self.sessions.load()
        if self.detail is not None:
            self.runner.submit(load_session(self.detail.session.id), on_done=self._session_loaded,
                               on_error=lambda _exc: self.close_session())

    def open_section(self, section: str) -> None:
        if section in ("library", "sessions"):
            self.close_session()
            self.home.setCurrentIndex(0 if section == "library" else 1)

    # --- sessions ---------------------------------------------------------------------------------

    def new_session(self, chosen_vignette=None) -> None:
        from ..vignettes.sessions import load_session_choices

        self.runner.submit(load_session_choices, on_done=lambda r: self._new_session_dialog(r, chosen_vignette))

    def _new_session_dialog(self, choices, chosen_vignette) -> None:
        from ..vignettes.sessions import NewSessionDialog

        dialog = NewSessionDialog(*choices, chosen_vignette=chosen_vignette, parent=self)
        self.new_session_dialog = dialog

        def save() -> None:
            values = dialog.values()

            def job(store, progress, cancel):
                from storage.services.vignette_sessions import create_session
                return create_session(store, values)
            self.runner.submit(job, on_done=created, on_error=lambda exc: dialog.show_error(exc.message),
                               changes={topics.VIGNETTES})

        def created(detail) -> None:
            dialog.done(1)
            self.open_session(detail.session.id)

        dialog.accept = save
        dialog.open()

    def open_session(self, session_id) -> None:
        self.runner.submit(load_session(session_id), on_done=self._session_opened)

    def _session_opened(self, result) -> None:
        self.session_tabs.setCurrentIndex(0)
        self._session_loaded(result)
        self.stack.setCurrentWidget(self.workspace)
        self.run.capture.answer_edit.setFocus()

    def _header_loaded(self, result) -> None:
        detail, responses = result
        self.detail, self.responses = detail, responses
        s = detail.session
        self.session_label.setText(self.tr("{title} · {day} · {n} svar, {coded} kodet").format(
            title=s.title, day=format_date(s.held_on), n=detail.responses, coded=detail.coded))

    def _session_loaded(self, result) -> None:
        self._header_loaded(result)
        self.run.set_session(self.detail, self.responses)
        self._show_tab()

    def close_session(self) -> None:
        self.run.timer.pause()
        self.run.close_presenter()
        self.detail = None
        self.stack.setCurrentWidget(self.home)
        self.home.setCurrentWidget(self.sessions)

    def _show_tab(self) -> None:
        if self.detail is None:
            return
        current = self.session_tabs.currentWidget()
        if current is self.coding:
            self.coding.set_session(self.detail)
            self.coding.setFocus()
        elif current is self.agreement:
            self.agreement.set_session(self.detail)
        elif current is self.analysis_holder:
            if self.analysis is None:
                from ..vignettes.analysis_view import AnalysisView
                self.analysis = AnalysisView(self)
                self.analysis_holder.layout().addWidget(self.analysis)
            self.analysis.set_session(self.detail)

    def _open_answer(self, response_id) -> None:
        self.coding.pending_answer = response_id
        if self.session_tabs.currentWidget() is self.coding:
            self.coding.set_session(self.detail)
        else:
            self.session_tabs.setCurrentWidget(self.coding)
