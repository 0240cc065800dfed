"""Dialogs of the Nettverk tab: a network, a gathering series, one gathering, a programme gathering."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QTimeEdit

from .. import topics
from .common import FormDialog, date_edit, enum_combo, from_qdate, to_qdate

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]


def time_edit(value: time | None = None) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    value = value or time(9, 0)
    edit.setTime(QTime(value.hour, value.minute))
    return edit


def duration_spin(minutes: int = 120) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 24 * 60)
    spin.setSingleStep(15)
    spin.setSuffix(" min")
    spin.setValue(minutes)
    return spin


def semester_combo(semesters: list[str], current: str | None = None) -> QComboBox:
    from storage.semesters import semester_label

    combo = QComboBox()
    for semester in semesters:
        combo.addItem(f"{semester} ({semester_label(semester)})", semester)
    if current in semesters:
        combo.setCurrentIndex(semesters.index(current))
    return combo


class NetworkDialog(FormDialog):
    def __init__(self, runner, municipality_id, network=None, parent=None):
        from storage.enums import NetworkTarget

        super().__init__(runner, "", parent, changes={topics.NETWORKS})
        self.setWindowTitle(self.tr("Nytt nettverk") if network is None else self.tr("Rediger nettverk"))
        self.mid, self.network = municipality_id, network
        self.name = QLineEdit(network.name if network else "")
        self.target = enum_combo(NetworkTarget, network.target if network else NetworkTarget.KINDERGARTEN)
        self.leader = QLineEdit(network.leader or "" if network else "")
        self.description = QPlainTextEdit(network.description or "" if network else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(80)
        self.form.addRow(self.tr("Navn:"), self.name)
        self.form.addRow(self.tr("Målgruppe:"), self.target)
        self.form.addRow(self.tr("Leder:"), self.leader)
        self.form.addRow(self.tr("Beskrivelse:"), self.description)

    def job(self):
        values = {"name": self.name.text(), "target": self.target.currentData(),
                  "leader": self.leader.text().strip() or None,
                  "description": self.description.toPlainText().strip() or None}
        mid, network = self.mid, self.network

        def fn(store, progress, cancel):
            from storage.services.networks import create_network, update_network

            return create_network(store, mid, values) if network is None else update_network(store, network.id, values)

        return fn


class SeriesDialog(FormDialog):
    """«Planlegg samlingsrekke»: every N weeks on a weekday and time within a semester."""

    def __init__(self, runner, network, semesters: list[str], current: str | None, parent=None):
        super().__init__(runner, "", parent, changes={topics.GATHERINGS}, save_text=self.tr("Lag samlingene"))
        self.setWindowTitle(self.tr("Planlegg samlingsrekke for {name}").format(name=network.name))
        self.network = network
        self.semester = semester_combo(semesters, current)
        self.every = QSpinBox()
        self.every.setRange(1, 12)
        self.every.setValue(5)
        self.every.setPrefix(self.tr("hver "))
        self.every.setSuffix(self.tr(". uke"))
        self.weekday = QComboBox()
        for i, name in enumerate(WEEKDAYS):
            self.weekday.addItem(name, i)
        self.weekday.setCurrentIndex(2)
        self.start_time = time_edit(time(13, 0))
        self.duration = duration_spin(120)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("For eksempel rådhuset, møterom 2"))
        self.form.addRow(self.tr("Semester:"), self.semester)
        self.form.addRow(self.tr("Hvor ofte:"), self.every)
        self.form.addRow(self.tr("Ukedag:"), self.weekday)
        self.form.addRow(self.tr("Klokkeslett:"), self.start_time)
        self.form.addRow(self.tr("Varighet:"), self.duration)
        self.form.addRow(self.tr("Sted:"), self.place)
        self.form.addRow(self._note())

    def _note(self):
        from ..pages.base import muted

        return muted(self.tr("Bare skoletiden i perioden brukes. Planlagte samlinger som nettverket alt har i "
                             "semesteret, erstattes. Du kan justere hver samling etterpå."))

    def job(self):
        t = self.start_time.time()
        args = (self.network.id, self.semester.currentData(), self.every.value(), self.weekday.currentData(),
                time(t.hour(), t.minute()), self.duration.value(), self.place.text().strip() or None)

        def fn(store, progress, cancel):
            from storage.services.networks import plan_gathering_series

            return plan_gathering_series(store, *args, replace_planned=True)

        return fn


class GatheringDialog(FormDialog):
    """Adjust one gathering: title, day and time, duration, place, status."""

    def __init__(self, runner, gathering, parent=None):
        from storage.enums import GatheringStatus

        super().__init__(runner, "", parent, changes={topics.GATHERINGS})
        self.setWindowTitle(self.tr("Endre samling"))
        self.gathering = gathering
        self.title = QLineEdit(gathering.title)
        self.day = date_edit(gathering.starts_at.date())
        self.start_time = time_edit(gathering.starts_at.time())
        self.duration = duration_spin(gathering.duration_minutes)
        self.place = QLineEdit(gathering.place or "")
        self.status = enum_combo(GatheringStatus, gathering.status)
        self.form.addRow(self.tr("Tittel:"), self.title)
        self.form.addRow(self.tr("Dato:"), self.day)
        self.form.addRow(self.tr("Klokkeslett:"), self.start_time)
        self.form.addRow(self.tr("Varighet:"), self.duration)
        self.form.addRow(self.tr("Sted:"), self.place)
        self.form.addRow(self.tr("Status:"), self.status)

    def job(self):
        t = self.start_time.time()
        changes = {"title": self.title.text().strip(),
                   "starts_at": datetime.combine(from_qdate(self.day.date()), time(t.hour(), t.minute())),
                   "duration_minutes": self.duration.value(), "place": self.place.text().strip() or None,
                   "status": self.status.currentData()}
        gid = self.gathering.id

        def fn(store, progress, cancel):
            from storage.services.gatherings_plan import update_gathering

            return update_gathering(store, gid, changes)

        return fn


class ProgrammeGatheringDialog(FormDialog):
    """Enter a national specialist day, a regional gathering or the local start-up for a semester."""

    def __init__(self, runner, municipality_id, semesters: list[str], current: str | None, parent=None):
        from storage.enums import GatheringKind
        from storage.semesters import semester_bounds

        super().__init__(runner, "", parent, changes={topics.GATHERINGS})
        self.setWindowTitle(self.tr("Ny fagdag eller regional samling"))
        self.mid = municipality_id
        self.kind = enum_combo(GatheringKind, members=[GatheringKind.NATIONAL_SPECIALIST_DAY,
                                                       GatheringKind.REGIONAL_GATHERING, GatheringKind.LOCAL_STARTUP])
        self.semester = semester_combo(semesters, current)
        self.day = date_edit()
        self.start_time = time_edit(time(9, 0))
        self.duration = duration_spin(360)
        self.place = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Tom: navnet på samlingstypen"))
        self.form.addRow(self.tr("Type:"), self.kind)
        self.form.addRow(self.tr("Semester:"), self.semester)
        self.form.addRow(self.tr("Dato:"), self.day)
        self.form.addRow(self.tr("Klokkeslett:"), self.start_time)
        self.form.addRow(self.tr("Varighet:"), self.duration)
        self.form.addRow(self.tr("Sted:"), self.place)
        self.form.addRow(self.tr("Tittel:"), self.title)

        def semester_changed(_i=0):
            first, last = semester_bounds(self.semester.currentData())
            day = from_qdate(self.day.date())
            if not first <= day <= last:
                self.day.setDate(to_qdate(first))

        self.semester.currentIndexChanged.connect(semester_changed)
        if semesters:
            semester_changed()

    def job(self):
        t = self.start_time.time()
        args = (self.mid, self.kind.currentData(), self.semester.currentData(),
                datetime.combine(from_qdate(self.day.date()), time(t.hour(), t.minute())))
        kwargs = {"place": self.place.text().strip() or None, "title": self.title.text().strip() or None,
                  "duration_minutes": self.duration.value()}

        def fn(store, progress, cancel):
            from storage.services.gatherings_plan import add_programme_gathering

            return add_programme_gathering(store, *args, **kwargs)

        return fn
