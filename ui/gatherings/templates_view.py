"""«Refleksjonsmaler»: the built-in reflection templates, a list and the chosen one's text, and «Skriv ut
som PDF» (one handout page per template, exports.reflection_handout)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import counts

_TARGET = {"kindergarten": "barnehage", "school": "skole", "both": "barnehage og skole"}


def load_templates(store, progress, cancel):
    from storage.content import load_reflection_templates
    from storage.services.municipalities import current_municipality

    municipality = current_municipality(store)
    return load_reflection_templates(), municipality.name if municipality else None


def template_html(template) -> str:
    e = html.escape
    parts = [f"<h2 style='color:#2f5d8a'>{e(template.title)}</h2>",
             f"<p style='color:#52606d'>For {_TARGET.get(template.target, 'barnehage og skole')} · "
             f"ca. {template.suggested_minutes} minutter</p>", f"<p>{e(template.purpose)}</p>"]
    if template.steps:
        parts.append("<h3>Slik gjør dere</h3><ol>" + "".join(f"<li>{e(s)}</li>" for s in template.steps) + "</ol>")
    if template.questions:
        parts.append("<h3>Spørsmål å snakke om</h3><ol>"
                     + "".join(f"<li>{e(q)}</li>" for q in template.questions) + "</ol>")
    return "".join(parts)


class ReflectionTemplatesView(QWidget):
    written = Signal(list)  # the PDF paths written

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = None
        self.templates: list = []
        self.municipality: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        intro = QLabel(self.tr("Maler for refleksjon i nettverket og på personalmøter. Skriv dem ut som ett ark per "
                               "mal og del ut på samlingen."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter()
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        self.list.setStyleSheet("QListWidget::item { padding: 7px 6px; }")
        self.list.currentRowChanged.connect(self._show)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons.addWidget(self.status, 1)
        self.pdf_button = QPushButton(self.tr("Skriv ut som PDF …"))
        self.pdf_button.setObjectName("primary")
        self.pdf_button.clicked.connect(self.ask_and_write_current)
        self.all_button = QPushButton(self.tr("Alle maler som PDF …"))
        self.all_button.clicked.connect(self.ask_and_write_all)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.pdf_button)
        layout.addLayout(buttons)

    def load(self) -> None:
        if self.runner is not None:
            self.runner.submit(load_templates, on_done=self._loaded)

    def _loaded(self, result) -> None:
        self.templates, self.municipality = result
        row = max(self.list.currentRow(), 0)
        self.list.clear()
        for template in self.templates:
            item = QListWidgetItem(template.title)
            item.setToolTip(template.purpose)
            self.list.addItem(item)
        if self.templates:
            self.list.setCurrentRow(min(row, len(self.templates) - 1))

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.templates):
            self.text.setHtml(template_html(self.templates[row]))

    def current(self):
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    # --- PDF ----------------------------------------------------------------------------------------

    def ask_and_write_current(self) -> None:
        template = self.current()
        if template is None:
            return
        from exports.reflection_handout import handout_file_name  # light: ReportLab loads when writing

        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Skriv ut som PDF"),
                                                    str(Path.home() / handout_file_name(template)),
                                                    self.tr("PDF (*.pdf)"))
        if path:
            self.write([template], Path(path))

    def ask_and_write_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Velg mappe for refleksjonsmalene"), str(Path.home()))
        if folder:
            self.write(list(self.templates), Path(folder))

    def write(self, templates: list, target: Path) -> None:
        """One template to the file `target`, or several into the folder `target`, in a runner job."""
        municipality = self.municipality

        def job(store, progress, cancel):
            from exports.reflection_handout import write_reflection_handout, write_reflection_handouts

            if target.suffix.lower() == ".pdf":
                write_reflection_handout(templates[0], target, municipality=municipality)
                return [target]
            return write_reflection_handouts(templates, target, municipality=municipality, progress=progress)

        self.runner.submit(job, on_done=self._written, label=self.tr("Skriver refleksjonsmaler som PDF …"))

    def _written(self, paths: list[Path]) -> None:
        if len(paths) == 1:
            self.status.setText(self.tr("Lagret {path}").format(path=paths[0]))
        else:
            self.status.setText(counts.pdfs_saved(len(paths), paths[0].parent))
        self.written.emit(paths)
