"""Dialogs for the user's own codes: add a code (in a dimension or a new one), delete a code in use
(move its codings to another code of the dimension, or delete them)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .. import counts
from ..widgets.forms import form_error


class _Dialog(QDialog):
    def __init__(self, owner, view, on_saved, title: str):
        super().__init__(owner)
        self.owner, self.view, self.on_saved = owner, view, on_saved
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error_label = form_error()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("primary")
        self.buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.buttons)

    def show_error(self, exc) -> None:
        self.error_label.setText(exc.message)
        self.error_label.show()

    def run(self, job) -> None:
        self.owner.page.runner.submit(job, on_done=self._done, on_error=self.show_error, changes={"vignettes"})

    def _done(self, _result) -> None:
        self.accept()
        self.on_saved()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class AddCodeDialog(_Dialog):
    def __init__(self, owner: QWidget, view, on_saved):
        super().__init__(owner, view, on_saved, owner.tr("Ny kode"))
        self.dimension_combo = QComboBox()
        for dim in view.dimensions:
            if not dim.numeric:
                self.dimension_combo.addItem(dim.label, dim.key)
        self.dimension_combo.addItem(self.tr("Ny dimensjon …"), None)
        self.new_dimension_edit = QLineEdit()
        self.new_dimension_edit.setPlaceholderText(self.tr("Navnet på den nye dimensjonen"))
        self.multiple_check = QCheckBox(self.tr("Flere koder kan gjelde samme svar"))
        self.label_edit = QLineEdit()
        self.shortcut_edit = QLineEdit()
        self.shortcut_edit.setMaxLength(1)
        self.shortcut_edit.setMaximumWidth(60)
        taken = ", ".join(sorted(view.by_shortcut))
        self.form.addRow(self.tr("Dimensjon"), self.dimension_combo)
        self.form.addRow("", self.new_dimension_edit)
        self.form.addRow("", self.multiple_check)
        self.form.addRow(self.tr("Kode"), self.label_edit)
        self.form.addRow(self.tr("Hurtigtast"), self.shortcut_edit)
        hint = QLabel(self.tr("Én tast. Disse er i bruk: {keys}").format(keys=taken))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        self.finish_layout()
        self.dimension_combo.currentIndexChanged.connect(self._dimension_changed)
        self._dimension_changed()

    def _dimension_changed(self) -> None:
        new = self.dimension_combo.currentData() is None
        self.new_dimension_edit.setVisible(new)
        self.multiple_check.setVisible(new)

    def save(self) -> None:
        dimension = self.dimension_combo.currentData() or self.new_dimension_edit.text().strip()
        data = {"dimension": dimension, "label": self.label_edit.text().strip(),
                "shortcut": self.shortcut_edit.text().strip() or None,
                "multiple": self.multiple_check.isChecked()}
        codebook_id = self.view.codebook.id

        def job(store, progress, cancel):
            from storage.services.codebooks import add_code
            return add_code(store, codebook_id, data)
        self.run(job)


class DeleteCodeDialog(_Dialog):
    def __init__(self, owner: QWidget, view, on_saved):
        super().__init__(owner, view, on_saved, owner.tr("Slett kode"))
        self.ok_button.setText(self.tr("Slett koden"))
        self.code_combo = QComboBox()
        for dim in view.dimensions:
            for code in dim.codes:
                self.code_combo.addItem(f"{dim.label}: {code.label}", code)
        self.usage_label = QLabel()
        self.usage_label.setWordWrap(True)
        self.remap_radio = QRadioButton(self.tr("Flytt kodingene til:"))
        self.remap_combo = QComboBox()
        self.delete_radio = QRadioButton(self.tr("Slett kodingene"))
        self.remap_radio.setChecked(True)
        self.form.addRow(self.tr("Kode"), self.code_combo)
        self.form.addRow("", self.usage_label)
        self.form.addRow(self.remap_radio, self.remap_combo)
        self.form.addRow("", self.delete_radio)
        self.finish_layout()
        self.code_combo.currentIndexChanged.connect(self._code_changed)
        self._code_changed()

    def _code_changed(self) -> None:
        code = self.code_combo.currentData()
        self.remap_combo.clear()
        if code is None:
            return
        dim = self.view.dimension(code.dimension)
        for other in dim.codes:
            if other.id != code.id:
                self.remap_combo.addItem(other.label, other.id)
        self.usage_label.setText(self.tr("Teller bruk …"))
        code_id = code.id

        def job(store, progress, cancel):
            from storage.services.codebooks import code_usage
            return code_usage(store, code_id)
        self.owner.page.runner.submit(job, on_done=self._show_usage)

    def _show_usage(self, n: int) -> None:
        used = n > 0
        self.usage_label.setText(counts.code_used(n)
                                 if used else self.tr("Koden er ikke brukt i noen koding."))
        for w in (self.remap_radio, self.remap_combo, self.delete_radio):
            w.setVisible(used)
        self.remap_radio.setEnabled(self.remap_combo.count() > 0)
        if not self.remap_combo.count():
            self.delete_radio.setChecked(True)

    def save(self) -> None:
        code = self.code_combo.currentData()
        if code is None:
            return
        remap = self.remap_combo.currentData() if self.remap_radio.isChecked() and self.remap_radio.isVisible() \
            else None
        delete = self.delete_radio.isChecked() and self.delete_radio.isVisible()

        def job(store, progress, cancel):
            from storage.services.codebooks import delete_code
            return delete_code(store, code.id, remap_to=remap, delete_codings=delete)
        self.run(job)
