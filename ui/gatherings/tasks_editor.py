"""Tasks to the next gathering, typed in the gathering editor: title, unit (or the whole network) and an
optional due date. Each row becomes a Task when the gathering is saved."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .common import find_data, parse_norwegian_date


@dataclass(frozen=True)
class TaskDraft:
    title: str
    unit_id: uuid.UUID | None
    due_date: date | None


class TaskRows(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._units: list[tuple[uuid.UUID, str]] = []
        self.rows: list[tuple[QLineEdit, QComboBox, QLineEdit, QPushButton]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        for column, text in enumerate((self.tr("Oppgave"), self.tr("For"), self.tr("Frist"))):
            label = QLabel(text)
            label.setObjectName("muted")
            self.grid.addWidget(label, 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        layout.addLayout(self.grid)
        self.empty_label = QLabel(self.tr("Ingen nye oppgaver. Fristen blir nettverkets neste samling om du ikke "
                                          "skriver en."))
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Legg til oppgave"))
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_units(self, units: list[tuple[uuid.UUID, str]]) -> None:
        self._units = list(units)
        for _title, combo, _due, _remove in self.rows:
            chosen = combo.currentData()
            self._fill_combo(combo)
            combo.setCurrentIndex(max(find_data(combo, chosen), 0))

    def _fill_combo(self, combo: QComboBox) -> None:
        combo.clear()
        combo.addItem(self.tr("Hele nettverket"), None)
        for unit_id, name in self._units:
            combo.addItem(name, unit_id)

    def add_row(self, title: str = "", unit_id: uuid.UUID | None = None, due: str = "", *,
                focus: bool = False) -> None:
        line = len(self.rows) + 1
        title_edit = QLineEdit(title)
        title_edit.setPlaceholderText(self.tr("Hva skal enhetene gjøre?"))
        title_edit.setMaxLength(200)
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._fill_combo(combo)
        combo.setCurrentIndex(max(find_data(combo, unit_id), 0))
        combo.setMaximumWidth(200)
        due_edit = QLineEdit(due)
        due_edit.setPlaceholderText(self.tr("dd.mm.åååå"))
        due_edit.setFixedWidth(110)
        remove = QPushButton(self.tr("Fjern"))
        widgets = (title_edit, combo, due_edit, remove)
        remove.clicked.connect(lambda: self._remove(widgets))
        for column, widget in enumerate(widgets):
            self.grid.addWidget(widget, line, column)
        self.rows.append(widgets)
        self.empty_label.hide()
        if focus:
            title_edit.setFocus()

    def _remove(self, widgets) -> None:
        drafts = [(t.text(), c.currentData(), d.text()) for t, c, d, _r in self.rows if (t, c, d, _r) != widgets]
        self.clear()
        for title, unit_id, due in drafts:
            self.add_row(title, unit_id, due)

    def clear(self) -> None:
        for widgets in self.rows:
            for widget in widgets:
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = []
        self.empty_label.show()

    def drafts(self) -> list[TaskDraft]:
        """The rows with a title; raises ValueError(message) for a due date that is not dd.mm.åååå."""
        result = []
        for title, combo, due, _remove in self.rows:
            if not title.text().strip():
                continue
            try:
                day = parse_norwegian_date(due.text())
            except ValueError:
                raise ValueError(self.tr("Fristen «{text}» for oppgaven «{task}» er ikke en dato. Skriv den som "
                                         "dd.mm.åååå.").format(text=due.text(), task=title.text().strip())) from None
            unit_id = combo.currentData() if combo.currentText() == combo.itemText(combo.currentIndex()) else None
            result.append(TaskDraft(title.text().strip(), unit_id, day))
        return result
