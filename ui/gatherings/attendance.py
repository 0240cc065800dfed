"""The attendance grid: how many of each role came from each unit, as spin boxes typed from the keyboard.

Rows are units (the chosen network's members first, then the other units; a first row for those who
came without a unit: the owner level, PPT, guests), columns the eight attendee roles. Tab moves along a
row and on to the next; a spin box selects its number when it gets focus, so typing replaces it.
Changing the network reorders the rows and keeps every number typed.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import counts

NO_UNIT = None
#: Column headers that fit above a number box (the full role name is the tooltip).
SHORT_HEADERS = {"leader": "Styrer/\nrektor", "pedagogical_leader": "Ped. leder/\nlærer",
                 "kindergarten_teacher": "Barnehage-\nlærer", "assistant": "Fagarb./\nassistent", "ppt": "PPT",
                 "owner": "Eier/\nkommune", "parents": "Foreldre", "other": "Andre"}


class CountBox(QSpinBox):
    """A compact 0–999 box without arrows that selects its text on focus."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(0, 999)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setFixedWidth(58)
        self.setSpecialValueText(" ")  # 0 shows empty, so the typed numbers stand out

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.selectAll()


class AttendanceGrid(QWidget):
    """`set_units(units, roles, members)`; `counts()` → {(unit_id or None, role): count > 0}."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._units: list[tuple[uuid.UUID, str]] = []
        self._roles: list[tuple[str, str]] = []
        self._members: set[uuid.UUID] = set()
        self._values: dict[tuple[uuid.UUID | None, str], int] = {}
        self.boxes: dict[tuple[uuid.UUID | None, str], CountBox] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        outer.addWidget(self.scroll)
        self.total_label = QLabel()
        self.total_label.setObjectName("muted")
        outer.addWidget(self.total_label)
        self._inner: QWidget | None = None

    def set_units(self, units: list[tuple[uuid.UUID, str]], roles: list[tuple[str, str]],
                  members: set[uuid.UUID] | None = None) -> None:
        self._units, self._roles = list(units), list(roles)
        self._members = set(members or ())
        self._rebuild()

    def set_members(self, members: set[uuid.UUID]) -> None:
        self._remember()
        self._members = set(members)
        self._rebuild()

    def set_counts(self, counts: dict[tuple[uuid.UUID | None, str], int]) -> None:
        self._values = {k: v for k, v in counts.items() if v}
        for key, box in self.boxes.items():
            box.setValue(self._values.get(key, 0))
        self._update_total()

    def counts(self) -> dict[tuple[uuid.UUID | None, str], int]:
        self._remember()
        return {k: v for k, v in self._values.items() if v > 0}

    def total(self) -> int:
        return sum(self.counts().values())

    def first_box(self) -> CountBox | None:
        return next(iter(self.boxes.values()), None)

    # --- building ---------------------------------------------------------------------------------

    def _remember(self) -> None:
        for key, box in self.boxes.items():
            if box.value():
                self._values[key] = box.value()
            else:
                self._values.pop(key, None)

    def _ordered_rows(self) -> list[tuple[uuid.UUID | None, str, bool]]:
        """(unit_id, name, starts a group) in display order."""
        members = [(u, n) for u, n in self._units if u in self._members]
        others = [(u, n) for u, n in self._units if u not in self._members]
        rows: list[tuple[uuid.UUID | None, str, bool]] = [(NO_UNIT, self.tr("Uten enhet"), False)]
        rows += [(u, n, i == 0) for i, (u, n) in enumerate(members)]
        rows += [(u, n, i == 0 and bool(members)) for i, (u, n) in enumerate(others)]
        return rows

    def _rebuild(self) -> None:
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        corner = QLabel(self.tr("Enhet"))
        corner.setStyleSheet("font-weight: 600;")
        grid.addWidget(corner, 0, 0, Qt.AlignmentFlag.AlignBottom)
        for column, (role, label) in enumerate(self._roles, 1):
            head = QLabel(SHORT_HEADERS.get(role, label))
            head.setToolTip(label)
            head.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            head.setStyleSheet("font-weight: 600; font-size: 9pt;")
            grid.addWidget(head, 0, column, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.boxes = {}
        line = 1
        rows = self._ordered_rows()
        for unit_id, name, starts_group in rows:
            if starts_group:
                text = self.tr("Nettverkets enheter") if unit_id in self._members else self.tr("Andre enheter")
                group = QLabel(text)
                group.setObjectName("muted")
                grid.addWidget(group, line, 0, 1, len(self._roles) + 1)
                line += 1
            label = QLabel(name)
            label.setToolTip(name if unit_id is not None
                             else self.tr("Eier/kommune, PPT og gjester som ikke hører til en enhet"))
            label.setMaximumWidth(240)
            grid.addWidget(label, line, 0)
            for column, (role, role_label) in enumerate(self._roles, 1):
                box = CountBox()
                box.setAccessibleName(f"{name}: {role_label}")
                box.setValue(self._values.get((unit_id, role), 0))
                box.valueChanged.connect(self._on_value)
                grid.addWidget(box, line, column)
                self.boxes[(unit_id, role)] = box
            label.setBuddy(self.boxes[(unit_id, self._roles[0][0])] if self._roles else None)
            line += 1
        grid.setColumnStretch(len(self._roles) + 1, 1)
        grid.setRowStretch(line, 1)
        self.scroll.setWidget(inner)
        self._inner = inner
        self._update_total()

    def _on_value(self, _value: int) -> None:
        self._update_total()
        self.changed.emit()

    def _update_total(self) -> None:
        total = sum(box.value() for box in self.boxes.values())
        units = {unit for (unit, _role), box in self.boxes.items() if box.value() and unit is not None}
        self.total_label.setText(counts.attendance_total(total, len(units)))
