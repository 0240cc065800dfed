"""Rapporter: the mid-term report, the final report and the funds statement to the county governor.

Left: the kind and semester, the resource person's own texts, the recipient, «Lagre filer» and «Send til
statsforvalteren», and the archive. Right: a live preview (QtPdf) rebuilt in the runner while the user
types (debounced). Saving and sending archive the report; an archived file opens exactly as it was.
QtPdf and the report parts are imported when the page is first shown, not at start-up.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import topics
from ..widgets.saved_notice import SavedNotice
from .base import Page, muted, section_title

DEBOUNCE_MS = 700
TEXT_FIELDS = (("experiences", "Erfaringer fra arbeidet"), ("development", "Utvikling i barnehager og skoler"),
               ("continuation", "Videre arbeid etter perioden"))
KINDS = (("midterm", "Underveisrapport"), ("final", "Sluttrapport"), ("funds", "Bruk av midler"))


def outbox_folder() -> Path:
    """Where e-mail drafts and opened archive files are written: Documents/Nettverkslogg-rapporter."""
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or tempfile.gettempdir()) / "Nettverkslogg-rapporter"


class ReportsPage(Page):
    SCROLLS = False
    TOPICS = frozenset({topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY, topics.PARTICIPATION, topics.UNITS,
                        topics.NETWORKS, topics.GATHERINGS, topics.SESSION_LOGS, topics.VIGNETTES, topics.FUNDS,
                        topics.PLANS, topics.RESOURCE_PERSONS, topics.SETTINGS, topics.REPORTS})
    preview_ready = Signal()
    loaded = Signal()
    finished = Signal(object)  # the path written by save (list) or send (Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_intro(self.tr("Lag underveisrapport, sluttrapport og rapport om bruk av midler til statsforvalteren, "
                               "med tall rett fra databasen. Skriv dine egne vurderinger ved siden av "
                               "forhåndsvisningen."))
        self.context = None
        self.open_url = None  # QDesktopServices.openUrl unless a test replaces it
        self.outbox = None  # Path; outbox_folder() unless a test replaces it
        self.choose_folder = None  # () -> str | None; a folder dialog unless a test replaces it
        self._generation = 0
        self._preview_running = False
        self._preview_pending = False
        self._built = False
        self._draft_loading = False
        self._draft_key = None  # (municipality, kind, semester) whose texts the editors hold
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("muted")
        self.body.addWidget(self.message)
        self.saved_notice = SavedNotice()  # stays after the reload that a save triggers
        self.body.addWidget(self.saved_notice)
        self.splitter = QSplitter()
        self.body.addWidget(self.splitter, 1)

    # --- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        from ..reports.archive import ArchiveList
        from ..reports.preview import PreviewPane

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(8)
        form = QFormLayout()
        self.kind_box = QComboBox()
        for value, label in KINDS:
            self.kind_box.addItem(self.tr(label), value)
        self.semester_box = QComboBox()
        self.semester_box.setAccessibleName(self.tr("Semester"))
        form.addRow(self.tr("Rapport"), self.kind_box)
        form.addRow(self.tr("Semester"), self.semester_box)
        column.addLayout(form)
        self.county_box = QCheckBox(self.tr("Alle kommunene i databasen (fylkesrapport)"))
        self.county_box.setToolTip(self.tr("Én rapport over alle kommunene: en oversikt med én rad per kommune, "
                                           "fylkets sum og en kort del per kommune. Den arkiveres ikke."))
        self.county_box.setVisible(False)
        self.county_box.toggled.connect(self._county_toggled)
        column.addWidget(self.county_box)
        self.editors: dict[str, QPlainTextEdit] = {}
        for key, title in TEXT_FIELDS:
            column.addWidget(section_title(self.tr(title)))
            editor = QPlainTextEdit()
            editor.setAccessibleName(self.tr(title))
            editor.setPlaceholderText(self.tr("Skriv med egne ord. Ikke skriv navn på barn eller ansatte."))
            editor.setMinimumHeight(70)
            editor.textChanged.connect(self._schedule)
            self.editors[key] = editor
            column.addWidget(editor, 1)
        recipient_row = QHBoxLayout()
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("postmottak@statsforvalteren.no"))
        self.recipient.setAccessibleName(self.tr("E-postadressen til statsforvalteren"))
        self.recipient.editingFinished.connect(self._store_recipient)
        recipient_row.addWidget(QLabel(self.tr("Til")))
        recipient_row.addWidget(self.recipient, 1)
        column.addLayout(recipient_row)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Lagre filer …"))
        self.save_button.setToolTip(self.tr("Lagre PDF og Excel i en mappe. Rapporten arkiveres."))
        self.send_button = QPushButton(self.tr("Send til statsforvalteren"))
        self.send_button.setObjectName("primary")
        self.send_button.setToolTip(self.tr("Lag et e-postutkast med PDF og Excel vedlagt og åpne det i "
                                            "e-postprogrammet. Rapporten arkiveres."))
        self.save_button.clicked.connect(self.save_files)
        self.send_button.clicked.connect(self.send)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        column.addLayout(buttons)
        column.addWidget(section_title(self.tr("Arkiv")))
        column.addWidget(muted(self.tr("Alle rapporter som er lagret eller sendt, nøyaktig slik de var.")))
        self.archive = ArchiveList()
        self.archive.setMinimumHeight(140)  # about four rows; the text editors give way first
        self.archive.open_requested.connect(self.open_archived)
        column.addWidget(self.archive, 1)
        self.preview = PreviewPane()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.semester_box.currentIndexChanged.connect(self._load_draft)
        self._built = True

    # --- data ------------------------------------------------------------------------------------

    def load(self) -> None:
        from ..reports.jobs import load_context

        if not self._built:
            self._build()
        self.runner.submit(load_context, on_done=self._show_context)

    def _show_context(self, context) -> None:
        self.context = context
        enabled = context is not None and bool(context.semesters)
        for widget in (self.save_button, self.send_button, self.kind_box, self.semester_box):
            widget.setEnabled(enabled)
        if context is None:
            self.message.setText(self.tr("Ingen kommune er satt opp ennå. Sett opp kommunen under Planlegging "
                                         "først."))
            self.archive.set_entries([])
            self.loaded.emit()
            return
        self.message.setText(self.tr("{name} kommune").format(name=context.municipality))
        self.county_box.setVisible(context.municipalities > 1)
        if context.municipalities <= 1:
            self.county_box.setChecked(False)
        chosen = self.semester_box.currentData()
        self.semester_box.blockSignals(True)
        self.semester_box.clear()
        self.semester_box.addItem(self.tr("Perioden så langt"), None)
        for semester in context.semesters:
            self.semester_box.addItem(semester, semester)
        index = self.semester_box.findData(chosen)
        self.semester_box.setCurrentIndex(max(index, 0))
        self.semester_box.blockSignals(False)
        if not self.recipient.hasFocus():
            self.recipient.setText(context.recipient)
        self.archive.set_entries(context.archive)
        self.send_button.setEnabled(enabled and not self.county())
        self._kind_changed()
        self.loaded.emit()

    def _kind_changed(self, *_args) -> None:
        self.semester_box.setEnabled(self.kind() == "midterm" and self.context is not None)
        self._load_draft()

    def _load_draft(self, *_args) -> None:
        """Show the chosen report's saved texts; no preview (which saves the texts) runs until they are in
        the editors, so one report's texts never land in another's draft."""
        from ..reports.jobs import make_load_draft

        if self.context is None or self.runner is None:
            return
        if (self.context.municipality_id, self.kind(), self.semester()) == self._draft_key:
            self._schedule()  # same report (the data changed): keep what is being typed
            return
        self._debounce.stop()
        self._draft_loading = True
        self.runner.submit(make_load_draft(self.context.municipality_id, self.kind(), self.semester()),
                           on_done=self._show_draft, on_error=self._draft_failed)

    def _show_draft(self, loaded) -> None:
        kind, semester, texts = loaded
        if (kind, semester) != (self.kind(), self.semester()):
            return  # another report was chosen meanwhile; its own load follows
        for key, editor in self.editors.items():
            if editor.toPlainText() != texts.get(key, ""):
                editor.blockSignals(True)
                editor.setPlainText(texts.get(key, ""))
                editor.blockSignals(False)
        self._draft_loading = False
        self._draft_key = (self.context.municipality_id, kind, semester)
        self.refresh_preview()

    def _draft_failed(self, exc) -> None:
        self._draft_loading = False
        self.message.setText(exc.message)

    def county(self) -> bool:
        return self.county_box.isChecked() and not self.county_box.isHidden()

    def _county_toggled(self, county: bool) -> None:
        for editor in self.editors.values():
            editor.setEnabled(not county)
        self.send_button.setEnabled(not county and self.context is not None and bool(self.context.semesters))
        self.recipient.setEnabled(not county)
        self._schedule()

    def kind(self) -> str:
        return self.kind_box.currentData()

    def semester(self) -> str | None:
        return self.semester_box.currentData() if self.kind() == "midterm" else None

    def texts(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def _today(self):
        from ..planning.common import today

        return today()

    # --- preview ---------------------------------------------------------------------------------

    def _schedule(self, *_args) -> None:
        if self.context is not None and self.runner is not None:
            self._debounce.start()

    def refresh_preview(self) -> None:
        """Build the PDF in the runner; while one build runs, at most one more waits."""
        from ..reports.jobs import make_preview

        if self.context is None or self.runner is None or self._draft_loading:
            return
        if self._preview_running:
            self._preview_pending = True
            return
        self._preview_running = True
        self._generation += 1
        generation = self._generation
        self.preview.set_busy(True)
        if self.county():
            from ..reports.jobs import make_county_preview

            job = make_county_preview(self.kind(), self.semester(), self._today())
        else:
            job = make_preview(self.context.municipality_id, self.kind(), self.semester(), self.texts(), self._today())
        self.runner.submit(job, on_done=lambda pdf: self._show_preview(generation, pdf),
                           on_error=self._preview_failed)

    def _preview_done(self) -> None:
        self._preview_running = False
        self.preview.set_busy(False)
        if self._preview_pending:
            self._preview_pending = False
            self.refresh_preview()

    def _show_preview(self, generation: int, pdf: bytes) -> None:
        if generation == self._generation:
            self.preview.show_pdf(pdf)
        self._preview_done()
        if not self._preview_running:
            self.preview_ready.emit()

    def _preview_failed(self, exc) -> None:
        self._preview_done()
        self.preview.show_message(exc.message)

    # --- save, send, archive ---------------------------------------------------------------------

    def _store_recipient(self) -> None:
        from ..reports.jobs import make_store_recipient

        if self.runner is None or self.context is None or self.recipient.text().strip() == self.context.recipient:
            return
        self.runner.submit(make_store_recipient(self.recipient.text()), changes={topics.SETTINGS},
                           on_error=lambda exc: self.message.setText(exc.message))

    def _ask_folder(self) -> str | None:
        if self.choose_folder is not None:
            return self.choose_folder()
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(self, self.tr("Velg mappen rapporten skal lagres i")) or None

    def save_files(self) -> None:
        from ..reports.jobs import make_save

        folder = self._ask_folder()
        if not folder or self.context is None:
            return
        if self.county():
            from ..reports.jobs import make_county_save

            self.runner.submit(make_county_save(self.kind(), self.semester(), self._today(), Path(folder)),
                               label=self.tr("Lager fylkesrapporten …"), on_done=self._saved_county,
                               on_error=self._failed)
            return
        job = make_save(self.context.municipality_id, self.kind(), self.semester(), self.texts(), self._today(),
                        Path(folder))
        self.runner.submit(job, label=self.tr("Lager rapporten …"), changes={topics.REPORTS},
                           on_done=self._saved, on_error=self._failed)

    def _saved(self, written) -> None:
        self.saved_notice.show_saved(self.tr("Lagret og arkivert: {files}.").format(
            files=", ".join(Path(p).name for p in written)), Path(written[0]).parent)
        self.finished.emit(written)

    def _saved_county(self, written) -> None:
        self.message.setText(self.tr("Lagret: {files}").format(files=", ".join(str(p) for p in written)))
        self.finished.emit(written)

    def send(self) -> None:
        from ..reports.jobs import make_send

        if self.context is None or self.county():
            return
        if not self.recipient.text().strip():
            self.message.setText(self.tr("Skriv inn e-postadressen til statsforvalteren i feltet «Til» først."))
            self.recipient.setFocus()
            return
        job = make_send(self.context.municipality_id, self.kind(), self.semester(), self.texts(), self._today(),
                        self.recipient.text(), self.outbox or outbox_folder())
        self.runner.submit(job, label=self.tr("Lager e-postutkastet …"), changes={topics.REPORTS, topics.SETTINGS},
                           on_done=self._sent, on_error=self._failed)

    def _sent(self, path: Path) -> None:
        self._open(path)
        self.saved_notice.show_saved(self.tr("E-postutkastet er åpnet i e-postprogrammet og rapporten er "
                                             "arkivert: {name}.").format(name=Path(path).name), Path(path).parent)
        self.finished.emit(path)

    def _failed(self, exc) -> None:
        self.message.setText(exc.message)

    def open_archived(self, row) -> None:
        from ..reports.jobs import make_open_archived

        folder = (self.outbox or outbox_folder()) / "arkiv" / row.archived_at.strftime("%Y-%m-%d %H.%M.%S")
        self.runner.submit(make_open_archived(row.file_id, folder), on_done=self._open, on_error=self._failed)

    def _open(self, path: Path) -> None:
        from PySide6.QtCore import QUrl

        url = QUrl.fromLocalFile(str(path))
        if self.open_url is not None:
            self.open_url(url)
            return
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(url):
            self.message.setText(self.tr("Fant ikke et program som kan åpne {path}.").format(path=path))
