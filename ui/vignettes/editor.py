"""The dialog for writing or editing a vignette: title, target, setting, text, follow-up questions, phases."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..widgets.forms import form_error, save_cancel_buttons
from ..widgets.screen import fit_to_screen

TARGETS = (("kindergarten", "Barnehage"), ("school", "Skole"), ("both", "Barnehage og skole"))


def word_count(text: str) -> int:
    return len(text.split())


class VignetteEditor(QDialog):
    """`values()` gives the dict for create_vignette / update_vignette."""

    def __init__(self, item=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rediger vignett") if item else self.tr("Ny vignett"))
        fit_to_screen(self, 760, 720)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title_edit = QLineEdit()
        self.target_combo = QComboBox()
        for key, label in TARGETS:
            self.target_combo.addItem(self.tr(label), key)
        self.setting_edit = QLineEdit()
        self.setting_edit.setPlaceholderText(self.tr("For eksempel: garderoben etter utetid"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMinimumHeight(220)
        self.words_label = QLabel()
        self.words_label.setObjectName("muted")
        self.text_edit.textChanged.connect(self._count)
        self.questions_edit = QPlainTextEdit()
        self.questions_edit.setPlaceholderText(self.tr("Ett spørsmål per linje"))
        self.questions_edit.setMaximumHeight(110)
        self.themes_edit = QLineEdit()
        self.themes_edit.setPlaceholderText(self.tr("Skill med komma"))
        self.phase_spins = []
        phases = QHBoxLayout()
        for label in (self.tr("Individuelt"), self.tr("Gruppe"), self.tr("Plenum")):
            spin = QSpinBox()
            spin.setRange(1, 90)
            spin.setSuffix(self.tr(" min"))
            spin.setAccessibleName(label)
            phases.addWidget(QLabel(label))
            phases.addWidget(spin)
            self.phase_spins.append(spin)
        phases.addStretch(1)
        form.addRow(self.tr("Tittel"), self.title_edit)
        form.addRow(self.tr("Målgruppe"), self.target_combo)
        form.addRow(self.tr("Situasjon"), self.setting_edit)
        form.addRow(self.tr("Tekst"), self.text_edit)
        form.addRow("", self.words_label)
        form.addRow(self.tr("Oppfølgingsspørsmål"), self.questions_edit)
        form.addRow(self.tr("Temaer"), self.themes_edit)
        form.addRow(self.tr("Faser"), phases)
        layout.addLayout(form)
        self.error_label = form_error()
        layout.addWidget(self.error_label)
        buttons, self.save_button = save_cancel_buttons(self, self.tr("Lagre"))
        layout.addWidget(buttons)
        if item is not None:
            v = item.latest
            self.title_edit.setText(item.vignette.title)
            self.target_combo.setCurrentIndex(max(self.target_combo.findData(str(item.vignette.target)), 0))
            self.setting_edit.setText(v.setting or "")
            self.text_edit.setPlainText(v.text)
            self.questions_edit.setPlainText("\n".join(v.follow_up_questions))
            self.themes_edit.setText(", ".join(v.themes))
            minutes = v.phase_minutes
        else:
            minutes = [5, 15, 15]
        for spin, value in zip(self.phase_spins, minutes, strict=False):
            spin.setValue(value)
        self._count()

    def _count(self) -> None:
        n = word_count(self.text_edit.toPlainText())
        self.words_label.setText(self.tr("{n} ord (anbefalt 80–200, avslutt med et spørsmål)").format(n=n))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def values(self) -> dict:
        return {
            "title": self.title_edit.text().strip(),
            "target": self.target_combo.currentData(),
            "setting": self.setting_edit.text().strip() or None,
            "text": self.text_edit.toPlainText().strip(),
            "follow_up_questions": [q.strip() for q in self.questions_edit.toPlainText().splitlines() if q.strip()],
            "themes": [t.strip() for t in self.themes_edit.text().split(",") if t.strip()],
            "phase_minutes": [s.value() for s in self.phase_spins],
        }
