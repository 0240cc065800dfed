"""The session-log form, made for the keyboard: Tab through date, minutes, staff present / total, who led,
theme, method, the three texts and the two checkboxes; Ctrl+Enter saves (the page then starts the next).
`values()` gives the log as a dict for the session-log services; `set_values(log)` fills it from a log
or from `copy_last_log`."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..gatherings.common import date_edit, edit_date, form_error, set_edit_date, show_error

LEADER_CHOICES = ("Styrer", "Rektor", "Pedagogisk leder", "Lærer", "Barnehagelærer", "Fagarbeider", "Assistent",
                  "Ressursperson", "PPT")


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setMinimumWidth(90)
    return box


def _text(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(64)
    return box


class LogForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        layout.addWidget(self.heading)
        form = QFormLayout()
        form.setHorizontalSpacing(10)
        self.held_on = date_edit(date.today())
        self.duration = _spin(5, 600, self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Varighet"))
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        row = QHBoxLayout()
        row.addWidget(self.held_on)
        row.addWidget(QLabel(self.tr("Varighet")))
        row.addWidget(self.duration)
        row.addStretch(1)
        date_label = QLabel(self.tr("&Dato"))
        date_label.setBuddy(self.held_on)
        form.addRow(date_label, row)
        self.staff_present = _spin(0, 1000)
        self.staff_present.setAccessibleName(self.tr("Ansatte til stede"))
        self.staff_total = _spin(1, 1000)
        self.staff_total.setAccessibleName(self.tr("Ansatte i alt"))
        staff = QHBoxLayout()
        staff.addWidget(self.staff_present)
        staff.addWidget(QLabel(self.tr("av")))
        staff.addWidget(self.staff_total)
        staff.addWidget(QLabel(self.tr("ansatte")))
        staff.addStretch(1)
        form.addRow(self.tr("Til stede"), staff)
        self.led_by = QComboBox()
        self.led_by.setEditable(True)
        self.led_by.addItems(LEADER_CHOICES)
        self.led_by.lineEdit().setMaxLength(60)
        form.addRow(self.tr("Ledet av"), self.led_by)
        self.theme = QLineEdit()
        self.theme.setMaxLength(200)
        self.theme.setPlaceholderText(self.tr("F.eks. voksenrollen i frileken"))
        form.addRow(self.tr("&Tema"), self.theme)
        self.method = QLineEdit()
        self.method.setMaxLength(200)
        self.method.setPlaceholderText(self.tr("F.eks. vignett og refleksjon i grupper"))
        form.addRow(self.tr("Metode"), self.method)
        layout.addLayout(form)
        self.what_done = _text(self.tr("Hva gjorde dere?"))
        self.reflections = _text(self.tr("Hva kom fram? Skriv ikke navn på barn."))
        self.next_steps = _text(self.tr("Hva prøver dere før neste gang?"))
        for label, box in ((self.tr("Hva ble gjort"), self.what_done), (self.tr("Refleksjoner"), self.reflections),
                           (self.tr("Dette prøver vi før neste gang"), self.next_steps)):
            caption = QLabel(label)
            caption.setBuddy(box)
            layout.addWidget(caption)
            layout.addWidget(box)
        involved = QHBoxLayout()
        self.children = QCheckBox(self.tr("Barn eller elever var med"))
        self.parents = QCheckBox(self.tr("Foreldre var med"))
        involved.addWidget(self.children)
        involved.addWidget(self.parents)
        involved.addStretch(1)
        layout.addLayout(involved)
        self.error = form_error()
        layout.addWidget(self.error)
        self.fields = {"held_on": self.held_on, "duration_minutes": self.duration,
                       "staff_present": self.staff_present, "staff_total": self.staff_total,
                       "led_by": self.led_by, "theme": self.theme, "method": self.method,
                       "what_done": self.what_done, "reflections": self.reflections, "next_steps": self.next_steps,
                       "children_involved": self.children, "parents_involved": self.parents}

    def values(self) -> dict:
        return {
            "held_on": edit_date(self.held_on), "duration_minutes": self.duration.value(),
            "staff_present": self.staff_present.value(), "staff_total": self.staff_total.value(),
            "led_by": self.led_by.currentText().strip() or None, "theme": self.theme.text().strip(),
            "method": self.method.text().strip() or None, "what_done": self.what_done.toPlainText(),
            "reflections": self.reflections.toPlainText(), "next_steps": self.next_steps.toPlainText(),
            "children_involved": self.children.isChecked(), "parents_involved": self.parents.isChecked(),
        }

    def set_values(self, log) -> None:
        """Fill from a session log (stored, or a SessionLogCreate from copy_last_log)."""
        self.show_error(None)
        set_edit_date(self.held_on, log.held_on)
        self.duration.setValue(log.duration_minutes or 60)
        self.staff_total.setValue(max(log.staff_total or 1, 1))
        self.staff_present.setValue(log.staff_present or 0)
        self.led_by.setCurrentText(log.led_by or "")
        self.theme.setText(log.theme or "")
        self.method.setText(log.method or "")
        self.what_done.setPlainText(log.what_done or "")
        self.reflections.setPlainText(log.reflections or "")
        self.next_steps.setPlainText(log.next_steps or "")
        self.children.setChecked(bool(log.children_involved))
        self.parents.setChecked(bool(log.parents_involved))

    def start_next(self, staff_count: int, day: date, leader_role: str | None = None) -> None:
        """An empty form for the next log: the date and numbers kept, the texts cleared."""
        self.show_error(None)
        if staff_count:
            self.staff_total.setValue(staff_count)
            self.staff_present.setValue(min(self.staff_present.value() or staff_count, staff_count))
        set_edit_date(self.held_on, day)
        if leader_role:  # a new unit: its leader role, not the first item of the list
            self.led_by.setCurrentText(leader_role)
        for box in (self.theme, self.method):
            box.clear()
        for box in (self.what_done, self.reflections, self.next_steps):
            box.clear()
        self.children.setChecked(False)
        self.parents.setChecked(False)

    def show_error(self, message: str | None, field: str | None = None) -> None:
        show_error(self.error, message)
        for name, widget in self.fields.items():
            invalid = bool(message) and name == field
            if widget.property("invalid") != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        widget = self.fields.get(field or "")
        if message and widget is not None:
            widget.setFocus()
