"""The Excel round trip on Enhetslogger: «Lag loggskjema» (one workbook per unit, or one per network,
into a folder) and «Les inn utfylte skjema» (several files from the file dialog or dropped on the page:
validated in a runner job, then the preview dialog)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .. import counts

XLSX_SUFFIXES = (".xlsx", ".xlsm")


class TemplateChoiceDialog(QDialog):
    """Whom the workbooks are for: every kindergarten and school, one network, or the chosen unit."""

    def __init__(self, networks: list[tuple[uuid.UUID, str]], unit: tuple[uuid.UUID, str] | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lag loggskjema"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Skjemaene er Excel-filer som styrere og rektorer fyller ut og sender tilbake. De er "
                               "fylt ut med enheten, perioden, kommende samlinger og åpne oppgaver."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.all_units = QRadioButton(self.tr("Én fil per barnehage og skole"))
        self.per_network = QRadioButton(self.tr("Én fil for et nettverk, med et ark per enhet:"))
        self.one_unit = QRadioButton(self.tr("Bare for {unit}").format(unit=unit[1]) if unit else self.tr("Bare valgt enhet"))
        self.one_unit.setEnabled(unit is not None)
        self.network = QComboBox()
        for net_id, name in networks:
            self.network.addItem(name, net_id)
        self.per_network.setEnabled(bool(networks))
        self.network.setEnabled(False)
        self.per_network.toggled.connect(self.network.setEnabled)
        for button in (self.all_units, self.per_network, self.one_unit):
            self.group.addButton(button)
        self.all_units.setChecked(True)
        layout.addWidget(self.all_units)
        row = QHBoxLayout()
        row.addWidget(self.per_network)
        row.addWidget(self.network, 1)
        layout.addLayout(row)
        layout.addWidget(self.one_unit)
        self.unit_id = unit[0] if unit else None
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Avbryt"))
        cancel.clicked.connect(self.reject)
        ok = QPushButton(self.tr("Velg mappe …"))
        ok.setObjectName("primary")
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout.addLayout(buttons)

    def choice(self) -> dict:
        """Keyword arguments for log_template_specs."""
        if self.per_network.isChecked():
            return {"network_id": self.network.currentData()}
        if self.one_unit.isChecked():
            return {"unit_ids": [self.unit_id]}
        return {}


class RoundTrip(QObject):
    """Writes templates and reads returned files for a page; `status(text)` reports what happened."""

    status = Signal(str)
    written = Signal(list)  # paths
    previewed = Signal(object)  # the ImportPreviewDialog, shown
    imported = Signal(object)  # ImportResult

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.dialog = None

    @property
    def runner(self):
        return self.page.runner

    # --- out ----------------------------------------------------------------------------------------

    def ask_and_write(self, networks: list[tuple[uuid.UUID, str]], unit: tuple[uuid.UUID, str] | None) -> None:
        chooser = TemplateChoiceDialog(networks, unit, self.page)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        folder = QFileDialog.getExistingDirectory(self.page, self.tr("Velg mappe for loggskjemaene"),
                                                  str(Path.home()))
        if folder:
            self.write_templates(Path(folder), **chooser.choice())

    def write_templates(self, folder: Path, *, network_id: uuid.UUID | None = None,
                        unit_ids: list[uuid.UUID] | None = None) -> None:
        today = self.page.today()

        def job(store, progress, cancel):
            from exports.log_workbook import template_file_name, write_log_workbook
            from storage.services.log_templates import log_template_specs
            from storage.services.municipalities import require_current_municipality

            municipality = require_current_municipality(store)
            specs = log_template_specs(store, municipality.id, network_id=network_id, unit_ids=unit_ids, today=today)
            folder.mkdir(parents=True, exist_ok=True)
            paths, taken = [], set()
            for n, spec in enumerate(specs):
                if cancel.is_set():
                    break
                progress(n, len(specs), spec.title)
                name = template_file_name(spec)
                stem, k = name[:-5], 2
                while name.casefold() in taken or (folder / name).exists():
                    name, k = f"{stem} ({k}).xlsx", k + 1
                taken.add(name.casefold())
                paths.append(write_log_workbook(spec, folder / name))
            progress(len(specs), len(specs), "")
            return paths

        self.runner.submit(job, on_done=self._written, label=self.tr("Lager loggskjema …"), cancellable=True)

    def _written(self, paths: list[Path]) -> None:
        if paths:
            self.status.emit(self.tr("Laget {n} loggskjema i {folder}").format(n=len(paths), folder=paths[0].parent)
                             if len(paths) != 1 else self.tr("Laget {path}").format(path=paths[0]))
        self.written.emit(paths)

    # --- in -----------------------------------------------------------------------------------------

    def ask_and_import(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self.page, self.tr("Les inn utfylte skjema"), str(Path.home()),
                                                      self.tr("Excel-arbeidsbøker (*.xlsx *.xlsm);;Alle filer (*)"))
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Validate every file in a runner job, then show the preview (nothing is stored before «Lagre»)."""
        today = self.page.today()

        def job(store, progress, cancel):
            from exports.log_workbook import read_log_workbook
            from storage.services.session_log_import import preview_files

            done = iter(range(len(paths)))

            def read(path: Path):
                progress(next(done, len(paths)), len(paths), path.name)
                return read_log_workbook(path)

            return preview_files(store, paths, read, today=today)

        self.runner.submit(job, on_done=self._show_preview, label=counts.checking_files(len(paths)))

    def _show_preview(self, previews: list) -> None:
        from .preview_dialog import ImportPreviewDialog

        self.dialog = ImportPreviewDialog(previews, self.runner, self.page)
        self.dialog.stored.connect(self._imported)
        self.dialog.open()
        self.previewed.emit(self.dialog)

    def _imported(self, result) -> None:
        self.status.emit(counts.logs_stored(result.new, result.changed, result.files_stored, result.unchanged))
        self.imported.emit(result)


def dropped_workbooks(mime) -> list[Path]:
    """The local .xlsx files in a drag's data (other files are left out)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(XLSX_SUFFIXES)]
