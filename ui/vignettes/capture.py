"""The capture form: one answer at a time, per group or per participant, without touching the mouse.

Ctrl+Enter saves and moves on to the next respondent (the next free pseudonym, or the next group not yet
answered). The word count follows the typing. An answer that seems to hold a personal identifier gets a
warning before it is stored: Ctrl+Enter (or «Lagre likevel») stores it anyway, Esc goes back to editing.
An empty or too long answer is refused by the service with a Norwegian message and nothing is stored.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..widgets.forms import form_error

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")  # the same rule as storage.content.word_count
ROLES = (("", "–"), ("leader", "Styrer/rektor"), ("pedagogical_leader", "Pedagogisk leder/lærer"),
         ("kindergarten_teacher", "Barnehagelærer"), ("assistant", "Fagarbeider/assistent"), ("ppt", "PPT"),
         ("owner", "Eier/kommune"), ("other", "Andre"))
UNIT_KINDS = ((None, "–"), ("kindergarten", "Barnehage"), ("school", "Skole"), ("combined", "Kombinert"),
              ("ppt", "PP-tjenesten"), ("other", "Annet"))


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


class CaptureForm(QFrame):
    saved = Signal(object)  # CaptureResult

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.page = page
        self.detail = None
        self.answered: set[str] = set()
        self._confirmed_text: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Registrer svar"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Per gruppe"), "group")
        self.kind_combo.addItem(self.tr("Per deltaker"), "participant")
        self.respondent_edit = QLineEdit()
        self.respondent_edit.setAccessibleName(self.tr("Svar fra"))
        self.unit_combo = QComboBox()
        for key, label in UNIT_KINDS:
            self.unit_combo.addItem(self.tr(label), key)
        self.role_combo = QComboBox()
        self.role_combo.setEditable(True)
        for key, label in ROLES:
            self.role_combo.addItem(self.tr(label), key)
        self.role_combo.setAccessibleName(self.tr("Rolle"))
        form.addRow(self.tr("Svar &gis"), self.kind_combo)
        form.addRow(self.tr("Svar &fra"), self.respondent_edit)
        form.addRow(self.tr("&Enhetstype"), self.unit_combo)
        form.addRow(self.tr("&Rolle"), self.role_combo)
        layout.addLayout(form)
        self.anonymous_note = QLabel(self.tr("Anonym modus: ingen enhet lagres på svarene."))
        self.anonymous_note.setObjectName("muted")
        layout.addWidget(self.anonymous_note)
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setAccessibleName(self.tr("Svaret"))
        self.answer_edit.setPlaceholderText(self.tr("Skriv svaret her. Ingen navn på barn. Ctrl+Enter lagrer og går "
                                                    "videre til neste."))
        self.answer_edit.setTabChangesFocus(True)
        self.answer_edit.setMinimumHeight(150)
        self.answer_edit.setMaximumHeight(220)
        layout.addWidget(self.answer_edit, 1)
        bottom = QHBoxLayout()
        self.words_label = QLabel()
        self.words_label.setObjectName("muted")
        self.save_button = QPushButton(self.tr("Lagre svar (Ctrl+Enter)"))
        self.save_button.setObjectName("primary")
        bottom.addWidget(self.words_label, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)

        self.warning_box = QFrame()
        self.warning_box.setStyleSheet("QFrame { background: #fff6e0; border: 1px solid #e8c36a; "
                                       "border-radius: 6px; } QLabel { border: none; background: transparent; }")
        warning_layout = QVBoxLayout(self.warning_box)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        warning_buttons = QHBoxLayout()
        self.save_anyway_button = QPushButton(self.tr("Lagre likevel (Ctrl+Enter)"))
        self.edit_button = QPushButton(self.tr("Rediger svaret (Esc)"))
        warning_buttons.addStretch(1)
        warning_buttons.addWidget(self.edit_button)
        warning_buttons.addWidget(self.save_anyway_button)
        warning_layout.addWidget(self.warning_label)
        warning_layout.addLayout(warning_buttons)
        self.warning_box.hide()
        layout.addWidget(self.warning_box)
        self.error_label = form_error()
        layout.addWidget(self.error_label)
        self.status_label = QLabel()
        self.status_label.setObjectName("muted")
        layout.addWidget(self.status_label)

        for widget in (self.kind_combo, self.respondent_edit, self.unit_combo, self.role_combo, self.answer_edit,
                       self.save_button, self.save_anyway_button, self.edit_button):
            widget.installEventFilter(self)
        self.save_button.clicked.connect(self.submit)
        self.save_anyway_button.clicked.connect(self.submit)
        self.edit_button.clicked.connect(self.back_to_editing)
        self.answer_edit.textChanged.connect(self._text_changed)
        self.kind_combo.currentIndexChanged.connect(lambda *_: self.suggest_next())
        self.respondent_edit.editingFinished.connect(self._respondent_chosen)
        self._text_changed()

    def eventFilter(self, watched, event) -> bool:
        """Ctrl+Enter saves from any field of the form; Esc leaves a warning to edit the answer."""
        if event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ControlModifier:
                self.submit()
                return True
            if key == Qt.Key.Key_Escape and self.warning_box.isVisible():
                self.back_to_editing()
                return True
        return super().eventFilter(watched, event)

    # --- session ----------------------------------------------------------------------------------

    def set_session(self, detail, responses) -> None:
        self.detail = detail
        self.answered = {r.respondent.casefold() for r in responses}
        self.anonymous_note.setVisible(detail.session.anonymous)
        has_groups = bool(detail.session.groups)
        self.kind_combo.setCurrentIndex(0 if has_groups else 1)
        self.suggest_next()

    def _groups(self):
        return self.detail.groups if self.detail else []

    def suggest_next(self) -> None:
        """The next respondent: the first group without an answer, else the next free pseudonym."""
        if self.detail is None:
            return
        kind = self.kind_combo.currentData()
        if kind == "group":
            for group in self._groups():
                if group.name.casefold() not in self.answered:
                    self.respondent_edit.setText(group.name)
                    self._respondent_chosen()
                    return
        detail = self.detail

        def job(store, progress, cancel):
            from storage.services.vignette_sessions import next_pseudonym
            return next_pseudonym(store, detail.session.id, kind)
        self.page.runner.submit(job, on_done=self.respondent_edit.setText)

    def _respondent_chosen(self) -> None:
        name = self.respondent_edit.text().strip().casefold()
        for group in self._groups():
            if group.name.casefold() == name:
                self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(
                    str(group.unit_kind) if group.unit_kind else None), 0))
                return

    def _text_changed(self) -> None:
        n = count_words(self.answer_edit.toPlainText())
        self.words_label.setText(self.tr("{n} ord").format(n=n) if n != 1 else self.tr("1 ord"))
        if self._confirmed_text is not None and self.answer_edit.toPlainText() != self._confirmed_text:
            self._confirmed_text = None
            self.warning_box.hide()
        self.error_label.hide()

    def role_value(self) -> str | None:
        text = self.role_combo.currentText().strip()
        index = self.role_combo.findText(text)
        if index >= 0:
            return self.role_combo.itemData(index) or None
        return text or None

    def values(self) -> dict:
        return {"respondent": self.respondent_edit.text().strip() or None,
                "respondent_kind": self.kind_combo.currentData(),
                "unit_kind": self.unit_combo.currentData(),
                "role": self.role_value(),
                "text": self.answer_edit.toPlainText()}

    # --- saving -----------------------------------------------------------------------------------

    def back_to_editing(self) -> None:
        self.warning_box.hide()
        self._confirmed_text = None
        self.answer_edit.setFocus()

    def submit(self) -> None:
        if self.detail is None:
            return
        from storage.privacy import personal_identifier_warnings  # light: no database

        data = self.values()
        text = data["text"]
        if self._confirmed_text != text:
            warnings = personal_identifier_warnings(" \n".join(str(data[k] or "") for k in ("text", "respondent",
                                                                                            "role")))
            if warnings and text.strip():
                self._confirmed_text = text
                self.warning_label.setText("\n".join(warnings) + "\n" + self.tr(
                    "Du kan lagre svaret likevel, eller gå tilbake og rette det."))
                self.warning_box.show()
                self.save_anyway_button.setFocus()
                return
        session_id = self.detail.session.id

        def job(store, progress, cancel):
            from storage.services.vignette_sessions import capture_response
            return capture_response(store, session_id, data)
        self.page.runner.submit(job, on_done=self._saved, on_error=self._refused, changes={"vignettes"})

    def _refused(self, exc) -> None:
        self.error_label.setText(exc.message)
        self.error_label.show()
        self.answer_edit.setFocus()

    def _saved(self, result) -> None:
        self._confirmed_text = None
        self.warning_box.hide()
        self.error_label.hide()
        response = result.response
        self.answered.add(response.respondent.casefold())
        self.status_label.setText(self.tr("Lagret: {name}, {n} ord.").format(name=response.respondent,
                                                                              n=response.word_count))
        self.answer_edit.clear()
        self.role_combo.setCurrentIndex(0)
        self.suggest_next()
        self.answer_edit.setFocus()
        self.saved.emit(result)
