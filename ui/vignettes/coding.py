"""«Koding»: the answers one by one, coded by the codebook's shortcut keys for one coder identity.

PgDn / Alt+Right: next answer; PgUp / Alt+Left: previous. A code's key applies it (single-choice
dimensions replace, multiple-choice toggle); the repertoire's key moves to its number box. Every code
goes through storage.services.coding.apply_shortcuts, with the coder typed in «Koder».
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import topics
from .run import role_label

CODING_CHANGES = frozenset({topics.VIGNETTES, topics.VIGNETTE_CODING})


def load_coding(session_id, coder):
    def job(store, progress, cancel):
        from storage.services.coding import get_codebook, session_coders
        from storage.services.vignette_sessions import list_responses

        return get_codebook(store), list_responses(store, session_id), session_coders(store, session_id)
    return job


PILLS_PER_ROW = 3  # four wrapped pills still need more than the codes pane has at 1280 px


class CodePill(QLabel):
    def __init__(self, code, parent: QWidget | None = None):
        key = f"[{code.shortcut}] " if code.shortcut else ""
        super().__init__(f"{key}{code.label}", parent)
        self.code = code
        self.setWordWrap(True)  # a long code wraps onto two lines instead of being cut off
        self.setToolTip(code.label)
        self.set_on(False)

    def set_on(self, on: bool) -> None:
        self.on = on
        self.setStyleSheet("QLabel { border-radius: 10px; padding: 3px 10px; %s }" % (
            "background: #2f5d8a; color: white; font-weight: 600;" if on else
            "background: #eef1f4; color: #1f2933; border: 1px solid #d5dbe3;"))


class CodingView(QWidget):
    open_answer = Signal(object)
    coded = Signal()

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.detail = None
        self.view = None  # CodebookView
        self.responses = []
        self.index = 0
        self.state = None  # ResponseCodes of the current answer and coder
        self.pills: dict = {}
        self.spins: dict[str, QSpinBox] = {}
        self.pending_answer = None  # a response id to show once the answers are loaded
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Koder:")))
        self.coder_combo = QComboBox()
        self.coder_combo.setEditable(True)
        self.coder_combo.setMinimumWidth(120)
        self.coder_combo.setToolTip(self.tr("Hvem som koder, for eksempel initialene dine. En annen koder kan kode "
                                            "de samme svarene under sitt eget navn."))
        top.itemAt(0).widget().setBuddy(self.coder_combo)
        top.addWidget(self.coder_combo)
        self.prev_button = QPushButton(self.tr("◀ Forrige (PgUp)"))
        self.next_button = QPushButton(self.tr("Neste (PgDn) ▶"))
        self.position_label = QLabel()
        self.position_label.setObjectName("muted")
        top.addSpacing(16)
        top.addWidget(self.prev_button)
        top.addWidget(self.position_label)
        top.addWidget(self.next_button)
        top.addStretch(1)
        self.add_code_button = QPushButton(self.tr("Ny kode …"))
        self.delete_code_button = QPushButton(self.tr("Slett kode …"))
        top.addWidget(self.add_code_button)
        top.addWidget(self.delete_code_button)
        layout.addLayout(top)

        splitter = QSplitter()
        self.answer_view = QTextBrowser()
        self.answer_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter.addWidget(self.answer_view)
        self.codes_area = QScrollArea()
        self.codes_area.setWidgetResizable(True)
        self.codes_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter.addWidget(self.codes_area)
        splitter.setSizes([560, 520])
        layout.addWidget(splitter, 1)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("muted")
        self.message_label.setText(self.tr(self.HINT))
        layout.addWidget(self.message_label)

        for keys, step in (("PgDown", 1), ("Alt+Right", 1), ("PgUp", -1), ("Alt+Left", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))
        self.prev_button.clicked.connect(lambda: self.move(-1))
        self.next_button.clicked.connect(lambda: self.move(1))
        self.coder_combo.lineEdit().returnPressed.connect(self._coder_chosen)
        self.coder_combo.activated.connect(lambda *_: self._coder_chosen())
        self.add_code_button.clicked.connect(self.add_code)
        self.delete_code_button.clicked.connect(self.delete_code)

    # --- loading ----------------------------------------------------------------------------------

    def coder(self) -> str:
        return self.coder_combo.currentText().strip()

    def set_session(self, detail) -> None:
        changed = self.detail is None or self.detail.session.id != detail.session.id
        self.detail = detail
        if changed:
            self.index = 0
        self.page.runner.submit(load_coding(detail.session.id, self.coder()), on_done=self._loaded)

    def _loaded(self, result) -> None:
        view, responses, coders = result
        self.responses = responses
        current = self.coder()
        names = [name for name, _n in coders] or ["RP"]
        self.coder_combo.blockSignals(True)
        self.coder_combo.clear()
        self.coder_combo.addItems(names + (["K2"] if len(names) == 1 else []))
        self.coder_combo.setEditText(current or names[0])
        self.coder_combo.blockSignals(False)
        if self.view is None or self.view != view:
            self.view = view
            self._build_codes()
        self.index = min(self.index, max(len(responses) - 1, 0))
        if self.pending_answer is not None:
            self.index = next((i for i, r in enumerate(responses) if r.id == self.pending_answer), self.index)
            self.pending_answer = None
        self.show_answer()

    def _build_codes(self) -> None:
        panel = QWidget()
        grid = QVBoxLayout(panel)
        grid.setContentsMargins(8, 4, 8, 4)
        self.pills, self.spins = {}, {}
        for dim in self.view.dimensions:
            box = QFrame()
            box.setObjectName("card")
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(12, 8, 12, 8)
            kind = self.tr("antall") if dim.numeric else (self.tr("flere mulig") if dim.multiple else
                                                           self.tr("velg én"))
            title = QLabel(f"<b>{escape(dim.label)}</b> <span style='color:#52606d'>({kind})</span>")
            title.setWordWrap(True)
            box_layout.addWidget(title)
            row = QGridLayout()
            row.setHorizontalSpacing(6)
            if dim.numeric:
                spin = QSpinBox()
                spin.setRange(-1, 50)
                spin.setSpecialValueText(self.tr("ikke kodet"))
                spin.setValue(-1)
                spin.setAccessibleName(dim.label)
                code = dim.codes[0]
                label = self.tr("{label} [{key}], Enter lagrer").format(label=code.label, key=code.shortcut) \
                    if code.shortcut else code.label
                label = QLabel(label)
                label.setWordWrap(True)
                row.addWidget(label, 0, 0)
                row.addWidget(spin, 0, 1)
                spin.editingFinished.connect(lambda d=dim.key, s=spin: self.set_number(d, s.value()))
                self.spins[dim.key] = spin
            else:
                for i, code in enumerate(dim.codes):
                    pill = CodePill(code)
                    pill.mousePressEvent = lambda _e, c=code: self.apply_code(c)
                    row.addWidget(pill, i // PILLS_PER_ROW, i % PILLS_PER_ROW)
                    self.pills[code.id] = pill
                for column in range(min(PILLS_PER_ROW, len(dim.codes))):
                    row.setColumnStretch(column, 1)
            box_layout.addLayout(row)
            grid.addWidget(box)
        grid.addStretch(1)
        self.codes_area.setWidget(panel)

    def current(self):
        return self.responses[self.index] if 0 <= self.index < len(self.responses) else None

    def show_answer(self) -> None:
        response = self.current()
        n = len(self.responses)
        self.position_label.setText(self.tr("Svar {i} av {n}").format(i=self.index + 1 if n else 0, n=n))
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < n - 1)
        if response is None:
            self.answer_view.setHtml(f"<p>{self.tr('Ingen svar å kode ennå.')}</p>")
            self._show_state(None)
            return
        who = " · ".join(filter(None, [response.respondent, response.unit_kind.label if response.unit_kind else "",
                                       role_label(response.role), self.tr("{n} ord").format(n=response.word_count)]))
        paragraphs = "".join(f"<p style='line-height:140%'>{escape(p)}</p>" for p in response.text.split("\n")
                             if p.strip())
        self.answer_view.setHtml(f"<p style='color:#52606d'>{escape(who)}</p>"
                                 f"<div style='font-size:12pt'>{paragraphs}</div>")
        coder = self.coder()
        if not coder:
            self._show_state(None)
            return
        rid = response.id

        def job(store, progress, cancel):
            from storage.services.coding import response_codes
            return response_codes(store, rid, coder)
        self.page.runner.submit(job, on_done=self._show_state)

    def _show_state(self, state) -> None:
        self.state = state
        on = set() if state is None else {c.id for codes in state.codes.values() for c in codes}
        for code_id, pill in self.pills.items():
            pill.set_on(code_id in on)
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(state.numbers.get(key, -1) if state else -1)
            spin.blockSignals(False)

    # --- navigation and coding --------------------------------------------------------------------

    def move(self, step: int) -> None:
        if self.responses:
            self.index = max(0, min(len(self.responses) - 1, self.index + step))
            self.show_answer()
            self.setFocus()

    def go_to(self, response_id) -> None:
        for i, r in enumerate(self.responses):
            if r.id == response_id:
                self.index = i
                self.show_answer()
                self.setFocus()

    def _coder_chosen(self) -> None:
        self.show_answer()
        self.setFocus()

    def keyPressEvent(self, event) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right):
            self.move(1)
            return
        if key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            self.move(-1)
            return
        text = event.text()
        if self.view is not None and len(text) == 1 and text.strip() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.apply_key(text)
            return
        super().keyPressEvent(event)

    HINT = "Trykk tasten i hakeparentes for å kode svaret. PgDn eller Alt+→ går til neste svar."

    def _error(self, exc) -> None:
        self.message_label.setText(exc.message)

    def apply_key(self, key: str) -> None:
        response, coder = self.current(), self.coder()
        if response is None or self.view is None:
            return
        code = self.view.by_shortcut.get(key.casefold())
        if code is not None and code.numeric:
            spin = self.spins[code.dimension]
            spin.setFocus()
            spin.selectAll()
            return
        rid = response.id

        def job(store, progress, cancel):
            from storage.services.coding import apply_shortcuts
            return apply_shortcuts(store, rid, coder, key)
        self.message_label.setText(self.tr(self.HINT))
        self.page.runner.submit(job, on_done=self._coded, on_error=self._error, changes=CODING_CHANGES)

    def apply_code(self, code) -> None:
        """A click on a code: the same as its key, also for codes without one."""
        response, coder = self.current(), self.coder()
        if response is None:
            return
        if code.numeric:
            self.spins[code.dimension].setFocus()
            return
        rid, code_id = response.id, code.id

        def job(store, progress, cancel):
            from storage.services.coding import apply_codes
            return apply_codes(store, rid, coder, [code_id])
        self.page.runner.submit(job, on_done=self._coded, on_error=self._error, changes=CODING_CHANGES)
        self.setFocus()

    def set_number(self, dimension: str, value: int) -> None:
        response, coder = self.current(), self.coder()
        if response is None or (self.state and self.state.numbers.get(dimension, -1) == value):
            self.setFocus()
            return
        rid = response.id

        def job(store, progress, cancel):
            from storage.services.coding import set_number
            return set_number(store, rid, coder, dimension, None if value < 0 else value)
        self.page.runner.submit(job, on_done=self._coded, on_error=self._error, changes=CODING_CHANGES)
        self.setFocus()

    def _coded(self, state) -> None:
        self._show_state(state)
        self.coded.emit()

    # --- the user's own codes ---------------------------------------------------------------------

    def add_code(self) -> None:
        from .code_dialogs import AddCodeDialog
        if self.view is not None:
            AddCodeDialog(self, self.view, on_saved=lambda: self.set_session(self.detail)).open()

    def delete_code(self) -> None:
        from .code_dialogs import DeleteCodeDialog
        if self.view is not None:
            DeleteCodeDialog(self, self.view, on_saved=lambda: self.set_session(self.detail)).open()
