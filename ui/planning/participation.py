"""Deltakelse: offer, pulje, roles and period (semesters follow), and the grants proposed from the roles."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_kroner, format_percent_value

from .. import topics
from ..pages.base import card, muted, section_title
from ..widgets.forms import form_error
from ..widgets.table_model import RIGHT, Column, RecordTableModel
from .common import (
    FormDialog,
    Section,
    date_edit,
    from_qdate,
    load_context,
    make_table,
    selected_row,
    to_qdate,
)


def load_participation(store, progress, cancel):
    from storage.services.participation import grant_proposals, list_grants

    context = load_context(store)
    if context is None or context.participation is None:
        return context, [], []
    pid = context.participation.id
    return context, list_grants(store, pid), grant_proposals(store, pid)


class GrantDialog(FormDialog):
    def __init__(self, runner, grant, parent=None):
        super().__init__(runner, parent.tr("Rediger tilskudd") if parent else "Rediger tilskudd", parent,
                         changes={topics.PARTICIPATION, topics.FUNDS})
        self.grant = grant
        self.form.addRow(self.tr("Grunnlag:"), QLabel(grant.basis.label))
        self.amount = QSpinBox()
        self.amount.setRange(0, 100_000_000)
        self.amount.setSingleStep(10_000)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setSuffix(" kr")
        self.amount.setValue(grant.amount_nok)
        self.share = QSpinBox()
        self.share.setRange(1, 100)
        self.share.setSuffix(" %")
        self.share.setValue(grant.share_percent)
        self.shared_with = QLineEdit(grant.shared_with or "")
        self.shared_with.setPlaceholderText(self.tr("For eksempel Saltdal og Fauske"))
        self.form.addRow(self.tr("Beløp:"), self.amount)
        self.form.addRow(self.tr("Kommunens andel:"), self.share)
        self.form.addRow(self.tr("Delt med:"), self.shared_with)

    def job(self):
        grant_id = self.grant.id
        changes = {"amount_nok": self.amount.value(), "share_percent": self.share.value(),
                   "shared_with": self.shared_with.text().strip() or None}

        def fn(store, progress, cancel):
            from storage.services.participation import update_grant

            return update_grant(store, grant_id, changes)

        return fn


class ParticipationSection(Section):
    TOPICS = frozenset({topics.PARTICIPATION, topics.FUNDS})

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        row = QHBoxLayout()
        layout.addLayout(row, 1)

        frame, box = card()
        box.setSpacing(8)
        box.addWidget(section_title(self.tr("Deltakelse")))
        form = QFormLayout()
        self.offer = QLineEdit()
        self.cohort = QSpinBox()
        self.cohort.setRange(1, 99)
        self.kindergarten = QCheckBox(self.tr("Barnehagemyndighet"))
        self.school = QCheckBox(self.tr("Skoleeier"))
        self.independent = QCheckBox(self.tr("Frittstående skole"))
        self.start = date_edit()
        self.end = date_edit()
        self.semesters = QLabel()
        self.semesters.setWordWrap(True)
        form.addRow(self.tr("Tilbud:"), self.offer)
        form.addRow(self.tr("Pulje:"), self.cohort)
        roles = QVBoxLayout()
        for check in (self.kindergarten, self.school, self.independent):
            roles.addWidget(check)
        form.addRow(self.tr("Deltar som:"), roles)
        form.addRow(self.tr("Periode fra:"), self.start)
        form.addRow(self.tr("Periode til:"), self.end)
        form.addRow(self.tr("Semestre:"), self.semesters)
        box.addLayout(form)
        self.error = form_error()
        box.addWidget(self.error)
        self.save_button = QPushButton(self.tr("Lagre deltakelsen"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        self.saved_label = QLabel()
        buttons.addWidget(self.saved_label)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addStretch(1)
        row.addWidget(frame, 3)

        frame, box = card()
        box.setSpacing(8)
        box.addWidget(section_title(self.tr("Tilskudd")))
        box.addWidget(muted(self.tr("Foreslått ut fra rollene: 260\u00a0000 kr per barnehagemyndighet og skoleeier, "
                                    "100\u00a0000 kr per frittstående skole. Et tilskudd kan deles med andre kommuner.")))
        self.grants_model = RecordTableModel([
            Column(self.tr("Grunnlag"), lambda g: g.basis.label, width=190),
            Column(self.tr("Beløp"), lambda g: format_kroner(g.amount_nok), align=RIGHT, width=110),
            Column(self.tr("Andel"), lambda g: format_percent_value(g.share_percent), align=RIGHT, width=70),
            Column(self.tr("Delt med"), lambda g: g.shared_with or ""),
        ])
        self.grants_view = make_table(self.grants_model)
        self.grants_view.doubleClicked.connect(lambda _i: self.edit_grant())
        self.grants_view.setMaximumHeight(160)
        box.addWidget(self.grants_view)
        self.proposals = muted("")
        box.addWidget(self.proposals)
        edit = QPushButton(self.tr("Rediger tilskudd …"))
        edit.clicked.connect(self.edit_grant)
        buttons = QHBoxLayout()
        buttons.addWidget(edit)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addStretch(1)
        row.addWidget(frame, 3)
        for w in (self.start, self.end, self.kindergarten, self.school, self.independent):
            (w.dateChanged if hasattr(w, "dateChanged") else w.toggled).connect(self._preview_semesters)

    def load(self) -> None:
        self.runner.submit(load_participation, on_done=self._show)

    def _show(self, result) -> None:
        context, grants, proposals = result
        self.context = context
        part = context.participation if context else None
        self.setEnabled(part is not None)
        if part is not None:
            self.offer.setText(part.offer)
            self.offer.setCursorPosition(0)
            self.cohort.setValue(part.cohort)
            self.kindergarten.setChecked(part.kindergarten_authority)
            self.school.setChecked(part.school_owner)
            self.independent.setChecked(part.independent_school)
            self.start.setDate(to_qdate(part.period_start))
            self.end.setDate(to_qdate(part.period_end))
        self.grants_model.set_rows(grants)
        missing = [p for p in proposals if not p.present]
        self.proposals.setText(
            self.tr("Mangler tilskudd for: {list}").format(
                list=", ".join(f"{p.basis.label} ({format_kroner(p.amount_nok)})" for p in missing))
            if missing else self.tr("Alle rollene har sitt tilskudd."))
        self._preview_semesters()
        self.error.hide()
        self.loaded.emit()

    def _preview_semesters(self, *_args) -> None:
        from storage.semesters import semesters_between

        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        if end < start:
            self.semesters.setText(self.tr("Sluttdatoen er før startdatoen."))
            return
        found = semesters_between(start, end)
        self.semesters.setText(self.tr("{list} ({n} semestre)").format(list=", ".join(found), n=len(found)))

    def save(self) -> None:
        pid = self.participation_id
        if pid is None:
            return
        changes = {"offer": self.offer.text().strip(), "cohort": self.cohort.value(),
                   "kindergarten_authority": self.kindergarten.isChecked(), "school_owner": self.school.isChecked(),
                   "independent_school": self.independent.isChecked(),
                   "period_start": from_qdate(self.start.date()), "period_end": from_qdate(self.end.date())}

        def fn(store, progress, cancel):
            from storage.services.participation import update_participation

            return update_participation(store, pid, changes)

        self.error.hide()
        self.saved_label.setText("")
        self.runner.submit(fn, on_done=lambda _p: self.saved_label.setText(self.tr("✓ Lagret.")),
                           on_error=self._error, changes={topics.PARTICIPATION, topics.FUNDS})

    def _error(self, exc) -> None:
        self.error.setText(exc.message)
        self.error.show()

    def edit_grant(self) -> None:
        grant = selected_row(self.grants_view)
        if grant is None and self.grants_model.rows():
            grant = self.grants_model.rows()[0]
        if grant is not None:
            GrantDialog(self.runner, grant, self).open()
