"""The live preview: Qt's own PDF viewer (QtPdf) over the PDF bytes of the latest build.

QtPdf is imported here, and this module only when the Rapporter page is first shown.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from .. import counts


class PreviewPane(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.status = QLabel(self.tr("Forhåndsvisningen kommer her."))
        self.status.setObjectName("muted")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy indicator while a build runs
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setAccessibleName(self.tr("Forhåndsvisning av rapporten"))
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        self._folder = tempfile.TemporaryDirectory(prefix="nettverkslogg-forhandsvisning-")
        self._turn = 0
        self.pdf: bytes = b""

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        if busy:
            self.status.setText(self.tr("Oppdaterer forhåndsvisningen …"))

    def show_pdf(self, pdf: bytes) -> None:
        """Show `pdf`. QPdfDocument reads a file synchronously (a QBuffer would have to outlive it)."""
        self.pdf = pdf
        self._turn += 1
        path = Path(self._folder.name) / f"forhandsvisning-{self._turn % 2}.pdf"
        self.document.close()
        path.write_bytes(pdf)
        self.document.load(str(path))
        self.status.setText(counts.pages(self.document.pageCount()))

    def page_count(self) -> int:
        return self.document.pageCount()

    def show_message(self, text: str) -> None:
        self.status.setText(text)
