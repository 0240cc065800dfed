"""«Bibliotek»: the vignettes with a target filter and search, the chosen one's text and follow-up
questions; create, edit, duplicate and archive."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy
from .editor import VignetteEditor


def load_library(store, progress, cancel):
    from storage.services.vignettes import list_vignettes

    return list_vignettes(store)


def vignette_html(title: str, text: str, questions: list[str], meta: str = "") -> str:
    from html import escape

    parts = [f"<h2 style='margin-bottom:4px'>{escape(title)}</h2>"]
    if meta:
        parts.append(f"<p style='color:#52606d'>{escape(meta)}</p>")
    parts += [f"<p style='line-height:140%'>{escape(p)}</p>" for p in text.split("\n") if p.strip()]
    if questions:
        parts.append("<h3>Oppfølgingsspørsmål</h3><ol>")
        parts += [f"<li style='margin-bottom:4px'>{escape(q)}</li>" for q in questions]
        parts.append("</ol>")
    return "".join(parts)


class LibraryView(QWidget):
    session_requested = Signal(object)  # a VignetteItem to start a session with

    COLUMNS = [
        Column("Tittel", lambda i: i.vignette.title),
        Column("Målgruppe", lambda i: i.vignette.target.label),
        Column("Ord", lambda i: len(i.latest.text.split()), align=RIGHT),
        Column("Versjon", lambda i: i.latest.version, align=RIGHT),
        Column("Økter", lambda i: i.sessions, align=RIGHT),
        Column("Kilde", lambda i: "Innebygd" if i.builtin else "Egen"),
    ]

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        filters = QHBoxLayout()
        self.target_combo = QComboBox()
        self.target_combo.setAccessibleName(self.tr("Målgruppe"))
        for key, label in ((None, self.tr("Alle målgrupper")), ("kindergarten", self.tr("Barnehage")),
                           ("school", self.tr("Skole"))):
            self.target_combo.addItem(label, key)
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Søk i vignettene"))
        self.search_edit.setPlaceholderText(self.tr("Søk i tittel, tekst og temaer …"))
        self.search_edit.setClearButtonEnabled(True)
        filters.addWidget(self.target_combo)
        filters.addWidget(self.search_edit, 1)
        layout.addLayout(filters)

        self.model = RecordTableModel([Column(self.tr(c.title), c.text, c.align) for c in self.COLUMNS])
        self.proxy = SearchProxy(self.model)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Vignetter"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Vignettens tekst"))
        self.detail.setOpenLinks(False)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([520, 480])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Ny vignett"))
        self.edit_button = QPushButton(self.tr("Rediger"))
        self.duplicate_button = QPushButton(self.tr("Dupliser"))
        self.archive_button = QPushButton(self.tr("Arkiver"))
        self.session_button = QPushButton(self.tr("Ny vignettøkt med denne"))
        self.session_button.setObjectName("primary")
        for b in (self.new_button, self.edit_button, self.duplicate_button, self.archive_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.session_button)
        layout.addLayout(buttons)

        self.target_combo.currentIndexChanged.connect(self._filter)
        self.search_edit.textChanged.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda *_: self.edit())
        self.new_button.clicked.connect(self.create)
        self.edit_button.clicked.connect(self.edit)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.archive_button.clicked.connect(self.archive)
        self.session_button.clicked.connect(lambda: self.current() and self.session_requested.emit(self.current()))
        self._show_current()

    # --- data -------------------------------------------------------------------------------------

    def load(self) -> None:
        self.page.runner.submit(load_library, on_done=self.show_items)

    def show_items(self, items) -> None:
        chosen = self.current()
        self.model.set_rows(items)
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        self.select(chosen.id if chosen else None)

    def select(self, vignette_id) -> None:
        for row in range(self.proxy.rowCount()):
            if vignette_id is None or self.model.row_at(self.proxy.index(row, 0)).id == vignette_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                break
        self._show_current()

    def current(self):
        return self.model.row_at(self.table.currentIndex())

    def _filter(self) -> None:
        target = self.target_combo.currentData()
        self.proxy.set_predicate(None if target is None else
                                 lambda i: str(i.vignette.target) in (target, "both"))
        self.proxy.set_search(self.search_edit.text())
        if self.current() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_current()

    def _show_current(self) -> None:
        item = self.current()
        for b in (self.edit_button, self.duplicate_button, self.archive_button, self.session_button):
            b.setEnabled(item is not None)
        if item is None:
            self.detail.setHtml(f"<p style='color:#52606d'>{self.tr('Velg en vignett i lista.')}</p>")
            return
        v = item.latest
        meta = " · ".join(filter(None, [item.vignette.target.label, v.setting or "",
                                        self.tr("{n} ord").format(n=len(v.text.split())),
                                        self.tr("versjon {n}").format(n=v.version),
                                        ", ".join(v.themes)]))
        self.detail.setHtml(vignette_html(item.vignette.title, v.text, v.follow_up_questions, meta))

    # --- actions ----------------------------------------------------------------------------------

    def _run_editor(self, item, job_for) -> None:
        dialog = VignetteEditor(item, self)

        def save() -> None:
            values = dialog.values()
            self.page.runner.submit(job_for(values), on_done=lambda result: done(result),
                                    on_error=lambda exc: dialog.show_error(exc.message), changes={"vignettes"})

        def done(result) -> None:
            dialog.done(1)
            new_item = getattr(result, "item", result)
            if getattr(result, "new_version", False):
                box = QMessageBox(QMessageBox.Icon.Information, self.tr("Ny versjon"), self.tr(
                    "Vignetten er brukt i en økt, så endringen ble lagret som versjon {n}. Øktene som alt er "
                    "holdt, beholder teksten de brukte.").format(n=new_item.latest.version),
                    QMessageBox.StandardButton.Ok, self)
                box.open()
                self.last_message = box
            self.load_then_select(new_item.id)

        dialog.accept = save  # keep the dialog open until the save succeeded
        dialog.open()
        self._editor = dialog

    def load_then_select(self, vignette_id) -> None:
        self.page.runner.submit(load_library, on_done=lambda items: (self.show_items(items), self.select(vignette_id)))

    def create(self) -> None:
        def job_for(values):
            def job(store, progress, cancel):
                from storage.services.vignettes import create_vignette
                return create_vignette(store, values)
            return job
        self._run_editor(None, job_for)

    def edit(self) -> None:
        item = self.current()
        if item is None:
            return

        def job_for(values):
            def job(store, progress, cancel):
                from storage.services.vignettes import update_vignette
                return update_vignette(store, item.id, values)
            return job
        self._run_editor(item, job_for)

    def duplicate(self) -> None:
        item = self.current()
        if item is None:
            return

        def job(store, progress, cancel):
            from storage.services.vignettes import duplicate_vignette
            return duplicate_vignette(store, item.id)
        self.page.runner.submit(job, on_done=lambda new: self.load_then_select(new.id), changes={"vignettes"})

    def archive(self) -> None:
        item = self.current()
        if item is None:
            return
        answer = QMessageBox.question(self, self.tr("Arkiver vignett"), self.tr(
            "Arkivere «{title}»? Den forsvinner fra biblioteket, men øktene som brukte den, beholder teksten."
        ).format(title=item.vignette.title))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def job(store, progress, cancel):
            from storage.services.vignettes import archive_vignette
            return archive_vignette(store, item.id)
        self.page.runner.submit(job, on_done=lambda _r: self.load(), changes={"vignettes"})
