"""«Registrer samling»: record a held gathering, new or a planned one filled in, in one dialog.

Left: what, when, where, the network, agenda, themes, reflections, decisions, tasks to the next
gathering and the reflection templates used. Right: the attendance grid (units × roles). «Lagre»
(Ctrl+S or Ctrl+Enter) sends everything to `record_gathering` in one runner job — one transaction; a
DomainError shows its Norwegian message above the buttons and nothing is stored.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time

from PySide6.QtCore import QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from .. import topics
from ..pages.base import section_title
from ..widgets.screen import fit_to_screen
from .attendance import AttendanceGrid
from .common import date_edit, edit_date, form_error, select_data, show_error
from .tasks_editor import TaskRows


@dataclass
class EditorContext:
    municipality_id: uuid.UUID
    kinds: list[tuple[str, str]]
    levels: list[tuple[str, str]]
    level_of_kind: dict[str, str]
    roles: list[tuple[str, str]]
    units: list[tuple[uuid.UUID, str]]
    networks: list[tuple[uuid.UUID, str]]
    members: dict[uuid.UUID, set[uuid.UUID]]
    themes: list[str]
    templates: list[tuple[str, str]]
    detail: object | None = None  # GatheringDetail of the gathering being filled in
    extra: dict = field(default_factory=dict)


def load_editor_context(gathering_id: uuid.UUID | None):
    def job(store, progress, cancel) -> EditorContext | None:
        from storage.content import load_reflection_templates
        from storage.enums import AttendeeRole, GatheringKind, GatheringLevel
        from storage.services.gatherings import get_gathering_detail, theme_choices
        from storage.services.gatherings_plan import LEVEL_OF_KIND
        from storage.services.municipalities import current_municipality
        from storage.services.networks import get_network, list_networks
        from storage.services.units import list_units

        municipality = current_municipality(store)
        if municipality is None:
            return None
        networks = list_networks(store, municipality.id)
        members = {n.id: {u.id for u in get_network(store, n.id).members} for n in networks}
        return EditorContext(
            municipality.id, [(k.value, k.label) for k in GatheringKind], [(v.value, v.label) for v in GatheringLevel],
            {k.value: v.value for k, v in LEVEL_OF_KIND.items()}, [(r.value, r.label) for r in AttendeeRole],
            [(u.id, u.name) for u in list_units(store, municipality.id)], [(n.id, n.name) for n in networks],
            members, theme_choices(), [(t.key, t.title) for t in load_reflection_templates()],
            get_gathering_detail(store, gathering_id) if gathering_id else None)

    return job


def _text_box(placeholder: str, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class GatheringEditor(QDialog):
    """Open with `GatheringEditor(context, runner, today, parent)`; `saved(detail)` after storing."""

    def __init__(self, context: EditorContext, runner, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.runner, self.today = context, runner, today
        self.saved_detail = None
        self.confirm_box = None  # «Lagre uten oppmøte?», while it is asked
        detail = context.detail
        self.gathering_id = detail.gathering.id if detail else None
        self.setWindowTitle(self.tr("Registrer samling") if detail is None
                            else self.tr("Registrer samling: {title}").format(title=detail.gathering.title))
        fit_to_screen(self, 1360, 840)
        outer = QVBoxLayout(self)
        splitter = QSplitter()
        outer.addWidget(splitter, 1)
        splitter.addWidget(self._left())
        splitter.addWidget(self._right())
        splitter.setSizes([560, 800])
        self.error = form_error()
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        hint = QLabel(self.tr("Ctrl+S lagrer. Tab går videre i oppmøtetabellen."))
        hint.setObjectName("muted")
        buttons.addWidget(hint)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Lagre samlingen"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        for keys in (QKeySequence.StandardKey.Save, "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        self._fill(detail)

    # --- building ---------------------------------------------------------------------------------

    def _left(self) -> QWidget:
        c = self.context
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 12, 4)
        layout.addWidget(section_title(self.tr("Samlingen")))
        form = QFormLayout()
        self.kind = QComboBox()
        for value, label in c.kinds:
            self.kind.addItem(label, value)
        self.level = QComboBox()
        for value, label in c.levels:
            self.level.addItem(label, value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.day = date_edit(self.today)
        self.day.setAccessibleName(self.tr("Dato"))
        self.start_time = QTimeEdit(QTime(12, 0))
        self.start_time.setAccessibleName(self.tr("Klokkeslett"))
        self.start_time.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setAccessibleName(self.tr("Varighet"))
        self.duration.setRange(5, 24 * 60 * 3)
        self.duration.setSingleStep(15)
        self.duration.setValue(180)
        self.duration.setSuffix(self.tr(" min"))
        when = QHBoxLayout()
        for widget, label in ((self.day, None), (self.start_time, self.tr("kl.")), (self.duration, self.tr("varighet"))):
            if label:
                when.addWidget(QLabel(label))
            when.addWidget(widget)
        when.addStretch(1)
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.network = QComboBox()
        self.network.addItem(self.tr("Ikke knyttet til et nettverk"), None)
        for net_id, name in c.networks:
            self.network.addItem(name, net_id)
        self.network.currentIndexChanged.connect(self._network_changed)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Nivå"), self.level)
        form.addRow(self.tr("Tittel"), self.title)
        form.addRow(self.tr("Dato"), when)
        form.addRow(self.tr("Sted"), self.place)
        form.addRow(self.tr("Nettverk"), self.network)
        layout.addLayout(form)
        layout.addWidget(section_title(self.tr("Innhold")))
        self.agenda = _text_box(self.tr("Program og saker"))
        self.agenda.setAccessibleName(self.tr("Program"))
        layout.addWidget(QLabel(self.tr("Program")))
        layout.addWidget(self.agenda)
        layout.addWidget(QLabel(self.tr("Temaer")))
        themes = QGridLayout()
        self.theme_boxes: dict[str, QCheckBox] = {}
        for n, theme in enumerate(c.themes):
            box = QCheckBox(theme[:1].upper() + theme[1:])
            self.theme_boxes[theme] = box
            if n < 3:  # forebygge, avdekke, håndtere side by side; the national themes one per line
                themes.addWidget(box, 0, n)
            else:
                themes.addWidget(box, n - 2, 0, 1, 3)
        themes.setColumnStretch(2, 1)
        layout.addLayout(themes)
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Andre temaer"))
        self.tags.setPlaceholderText(self.tr("Andre temaer, skilt med komma (f.eks. lekeveiledning, overganger)"))
        layout.addWidget(self.tags)
        self.reflections = _text_box(self.tr("Hva deltakerne reflekterte over (uten navn på barn)"))
        self.decisions = _text_box(self.tr("Hva nettverket ble enige om"))
        self.reflections.setAccessibleName(self.tr("Refleksjoner"))
        self.decisions.setAccessibleName(self.tr("Beslutninger"))
        layout.addWidget(QLabel(self.tr("Refleksjoner")))
        layout.addWidget(self.reflections)
        layout.addWidget(QLabel(self.tr("Beslutninger")))
        layout.addWidget(self.decisions)
        layout.addWidget(section_title(self.tr("Oppgaver til neste samling")))
        self.existing_tasks = QLabel()
        self.existing_tasks.setObjectName("muted")
        self.existing_tasks.setWordWrap(True)
        self.existing_tasks.hide()
        layout.addWidget(self.existing_tasks)
        self.tasks = TaskRows()
        self.tasks.set_units(c.units)
        layout.addWidget(self.tasks)
        layout.addWidget(section_title(self.tr("Refleksjonsmaler som ble brukt")))
        self.templates = QListWidget()
        self.templates.setAccessibleName(self.tr("Refleksjonsmaler som ble brukt"))
        for key, title in c.templates:
            item = QListWidgetItem(title)
            item.setData(256, key)
            item.setCheckState(self._unchecked())
            self.templates.addItem(item)
        self.templates.setFixedHeight(min(len(c.templates), 8) * 24 + 8)
        layout.addWidget(self.templates)
        layout.addStretch(1)
        scroll.setWidget(inner)
        return scroll

    @staticmethod
    def _unchecked():
        from PySide6.QtCore import Qt

        return Qt.CheckState.Unchecked

    def _right(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(12, 4, 4, 4)
        layout.addWidget(section_title(self.tr("Oppmøte")))
        hint = QLabel(self.tr("Skriv antall per enhet og rolle. Tomme felt er 0. Nettverkets enheter står først."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.attendance = AttendanceGrid()
        self.attendance.set_units(self.context.units, self.context.roles)
        layout.addWidget(self.attendance, 1)
        return widget

    # --- behaviour --------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        select_data(self.level, self.context.level_of_kind.get(kind))
        self.title.setPlaceholderText(self.kind.currentText())

    def _network_changed(self) -> None:
        self.attendance.set_members(self.context.members.get(self.network.currentData(), set()))

    def _fill(self, detail) -> None:
        self._kind_changed()
        if detail is None:
            select_data(self.kind, "network_meeting")
            return
        g = detail.gathering
        select_data(self.kind, g.kind.value if hasattr(g.kind, "value") else g.kind)
        select_data(self.level, g.level.value if hasattr(g.level, "value") else g.level)
        if g.title != self.kind.currentText():
            self.title.setText(g.title)
        from .common import set_edit_date

        set_edit_date(self.day, g.starts_at.date())
        self.start_time.setTime(QTime(g.starts_at.hour, g.starts_at.minute))
        self.duration.setValue(g.duration_minutes)
        self.place.setText(g.place or "")
        select_data(self.network, g.network_id)
        self.agenda.setPlainText(g.agenda or "")
        self.reflections.setPlainText(g.reflections or "")
        self.decisions.setPlainText(g.decisions or "")
        known = {t.casefold(): t for t in self.theme_boxes}
        free = []
        for theme in g.themes:
            if theme.casefold() in known:
                self.theme_boxes[known[theme.casefold()]].setChecked(True)
            else:
                free.append(theme)
        self.tags.setText(", ".join(free))
        from PySide6.QtCore import Qt

        for i in range(self.templates.count()):
            item = self.templates.item(i)
            if item.data(256) in g.reflection_templates:
                item.setCheckState(Qt.CheckState.Checked)
        self.attendance.set_counts({(a.unit_id, a.role.value if hasattr(a.role, "value") else a.role): a.count
                                    for a in detail.attendance})
        if detail.tasks:
            self.existing_tasks.setText(self.tr("Allerede gitt: {tasks}").format(
                tasks="; ".join(t.title for t in detail.tasks)))
            self.existing_tasks.show()

    def record(self) -> dict:
        """The form as a GatheringRecord dict; raises ValueError(message) for what the form can tell."""
        from PySide6.QtCore import Qt

        themes = [t for t, box in self.theme_boxes.items() if box.isChecked()]
        themes += [t.strip() for t in self.tags.text().split(",") if t.strip()]
        t = self.start_time.time()
        tasks = self.tasks.drafts()
        return {
            "title": self.title.text().strip() or None, "kind": self.kind.currentData(),
            "level": self.level.currentData(),
            "starts_at": datetime.combine(edit_date(self.day), time(t.hour(), t.minute())),
            "duration_minutes": self.duration.value(), "place": self.place.text().strip() or None,
            "network_id": self.network.currentData(), "agenda": self.agenda.toPlainText(),
            "themes": themes, "reflections": self.reflections.toPlainText(),
            "decisions": self.decisions.toPlainText(),
            "reflection_templates": [self.templates.item(i).data(256) for i in range(self.templates.count())
                                     if self.templates.item(i).checkState() == Qt.CheckState.Checked],
            "attendance": [{"unit_id": unit, "role": role, "count": n}
                           for (unit, role), n in self.attendance.counts().items()],
            "tasks": [{"title": d.title, "unit_id": d.unit_id, "due_date": d.due_date} for d in tasks],
        }

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            record = self.record()
        except ValueError as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, None)
        if record["network_id"] is None and not record["attendance"]:
            self._ask_without_attendance(record)
            return
        self._store(record)

    def _ask_without_attendance(self, record: dict) -> None:
        """A held gathering with neither a network nor attendance counts in the report as held: ask."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Lagre uten oppmøte?"), self.tr(
            "Samlingen er ikke knyttet til et nettverk, og ingen er ført som deltakere. Den blir likevel "
            "regnet som holdt i rapporten. Vil du lagre den uten oppmøte?"), QMessageBox.StandardButton.NoButton,
            self)
        box.setWindowTitle(self.tr("Lagre uten oppmøte?"))
        store = box.addButton(self.tr("Lagre uten oppmøte"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Gå tilbake"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.buttonClicked.connect(lambda button: self._store(record) if button is store else None)
        self.confirm_box = box
        box.open()

    def _store(self, record: dict) -> None:
        self.save_button.setEnabled(False)
        municipality_id, gathering_id, today = self.context.municipality_id, self.gathering_id, self.today

        def job(store, progress, cancel):
            from storage.services.gatherings import record_gathering

            return record_gathering(store, municipality_id, record, gathering_id=gathering_id, today=today)

        self.runner.submit(job, on_done=self._saved, on_error=self._failed,
                           changes={topics.GATHERINGS, topics.SESSION_LOGS})

    def _saved(self, detail) -> None:
        self.saved_detail = detail
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc) -> None:
        self.save_button.setEnabled(True)
        show_error(self.error, exc.message)
