"""Importer enhetsliste: pick a file, map its columns to fields, see every row's errors, store all or nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .. import counts, topics
from ..pages.base import muted, section_title
from ..widgets.forms import form_error
from ..widgets.screen import fit_to_screen
from ..widgets.table_model import RIGHT, Column, RecordTableModel
from .common import make_table

NOT_IMPORTED = None


def choose_and_import(parent: QWidget, runner, municipality_id) -> UnitImportDialog | None:
    path, _filter = QFileDialog.getOpenFileName(parent, parent.tr("Importer enhetsliste"), "",
                                                parent.tr("Regneark og CSV (*.xlsx *.csv)"))
    if not path:
        return None
    dialog = UnitImportDialog(runner, municipality_id, parent)
    dialog.open_file(path)
    dialog.open()
    return dialog


class UnitImportDialog(QDialog):
    """Step 2 (mapping) and step 3 (preview) of the importer; «Importer» is step 4."""

    def __init__(self, runner, municipality_id, parent: QWidget | None = None):
        from storage.importers.units import FIELDS

        super().__init__(parent)
        self.runner, self.municipality_id = runner, municipality_id
        self.raw = None
        self.existing: list[str] = []
        self.preview = None
        self.imported = None
        self.setWindowTitle(self.tr("Importer enhetsliste"))
        fit_to_screen(self, 820, 640)
        layout = QVBoxLayout(self)
        self.file_label = muted("")
        layout.addWidget(self.file_label)
        layout.addWidget(section_title(self.tr("1. Hvilken kolonne er hva?")))
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for key, field in FIELDS.items():
            combo = QComboBox()
            combo.setMinimumWidth(260)
            combo.currentIndexChanged.connect(self.revalidate)
            self.combos[key] = combo
            form.addRow(f"{field.label}{' *' if field.required else ''}:", combo)
        layout.addLayout(form)
        layout.addWidget(muted(self.tr("* må være med. Kolonner du ikke velger, blir ikke importert.")))
        layout.addSpacing(8)
        layout.addWidget(section_title(self.tr("2. Kontroll av hver rad")))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.errors_model = RecordTableModel([
            Column(self.tr("Rad"), lambda e: e.row, align=RIGHT),
            Column(self.tr("Kolonne"), lambda e: e.column),
            Column(self.tr("Feil"), lambda e: e.message),
        ])
        self.errors_view = make_table(self.errors_model)
        self.errors_view.setAccessibleName(self.tr("Feil i fila"))
        layout.addWidget(self.errors_view, 1)
        self.error_label = form_error()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("Importer"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.store_all)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)

    # --- step 1: read the file ---------------------------------------------------------------------

    def open_file(self, path: str) -> None:
        self.file_label.setText(self.tr("Fil: {path}").format(path=path))
        mid = self.municipality_id

        def fn(store, progress, cancel):
            from storage.importers.tables import read_table
            from storage.importers.units import suggest_mapping
            from storage.services.units import list_units

            raw = read_table(path)
            names = [u.name for u in list_units(store, mid, include_archived=True)]
            return raw, suggest_mapping(raw.headers), names

        self.runner.submit(fn, on_done=self._read, on_error=self._failed)

    def _failed(self, exc) -> None:
        self.error_label.setText(exc.message)
        self.error_label.show()
        self.import_button.setEnabled(False)

    def _read(self, result) -> None:
        self.raw, suggested, self.existing = result
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— ikke med —"), NOT_IMPORTED)
            for header in self.raw.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(suggested.get(key))))
            combo.blockSignals(False)
        self.revalidate()

    # --- step 2 and 3: mapping and preview -------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}

    def revalidate(self, *_args) -> None:
        if self.raw is None:
            return
        raw, mapping, existing = self.raw, self.mapping(), list(self.existing)

        def fn(store, progress, cancel):
            from storage.importers.units import validate_units

            return validate_units(raw, mapping, existing)

        self.runner.submit(fn, on_done=self._previewed, on_error=self._failed)

    def _previewed(self, preview) -> None:
        self.preview = preview
        self.errors_model.set_rows(preview.errors)
        self.error_label.hide()
        rows = len(self.raw.rows)
        if preview.errors:
            self.summary.setText(counts.rows_read(rows, len(preview.errors)))
        elif preview.valid:
            self.summary.setText(counts.rows_ok(len(preview.valid)))
        else:
            self.summary.setText(self.tr("Fila har ingen rader å importere."))
        if self.raw.note:
            self.summary.setText(self.summary.text() + " " + self.raw.note)
        self.import_button.setEnabled(preview.ok)
        self.import_button.setText(counts.import_units(len(preview.valid)) if preview.ok
                                   else self.tr("Importer"))

    # --- step 4: store all or nothing --------------------------------------------------------------

    def store_all(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        raw, mapping, mid = self.raw, self.mapping(), self.municipality_id

        def fn(store, progress, cancel):
            from storage.importers.units import import_units

            return import_units(store, mid, raw, mapping)

        self.import_button.setEnabled(False)
        self.runner.submit(fn, on_done=self._stored, on_error=self._failed, changes={topics.UNITS},
                           label=self.tr("Importerer enheter …"))

    def _stored(self, units) -> None:
        self.imported = units
        self.accept()
