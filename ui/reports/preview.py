"""The live preview: Qt's own PDF viewer (QtPdf) over the PDF bytes of the latest build.

QtPdf is imported here, and this module only when the Rapporter page is first shown.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


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
        self._buffer: QBuffer | None = None
        self.pdf: bytes = b""

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        if busy:
            self.status.setText(self.tr("Oppdaterer forhåndsvisningen …"))

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        self._buffer = buffer
        if old is not None:
            old.close()
            old.deleteLater()
        self.status.setText(self.tr("{n} sider").format(n=self.document.pageCount()))

    def page_count(self) -> int:
        return self.document.pageCount()

    def show_message(self, text: str) -> None:
        self.status.setText(text)
