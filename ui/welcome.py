"""First run: open the demo data, or set up one's own municipality (saved through the runner)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_kroner, semester_span

from . import topics
from .widgets.forms import form_error

COUNTIES = ["Agder", "Akershus", "Buskerud", "Finnmark", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo",
            "Rogaland", "Telemark", "Troms", "Trøndelag", "Vestfold", "Vestland", "Østfold"]


def default_period(today: date | None = None) -> tuple[date, date]:
    """From the start of this semester, six semesters long."""
    today = today or date.today()
    if today.month <= 6:
        return date(today.year, 1, 1), date(today.year + 2, 12, 31)
    return date(today.year, 7, 1), date(today.year + 3, 6, 30)


def make_create_job(municipality: dict, participation: dict):
    def job(store, progress, cancel):
        from storage.services.municipalities import create_municipality

        return create_municipality(store, municipality, participation)

    return job


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageIntro")
    label.setWordWrap(True)
    return label


class ChoiceButton(QPushButton):
    """A large button with a bold title and a line of explanation under it."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("choice")
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.setMinimumHeight(78)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(3)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("choiceTitle")
        self.text_label = QLabel(text)
        self.text_label.setObjectName("choiceText")
        self.text_label.setWordWrap(True)
        for label in (self.title_label, self.text_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)


def _error_label() -> QLabel:
    label = form_error()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _mark(widget: QWidget, invalid: bool) -> None:
    """Set the `invalid` property the style sheet draws a red frame for."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class WelcomeDialog(QDialog):
    demo_requested = Signal()
    municipality_created = Signal(object)

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.error_field: str | None = None
        self.setWindowTitle(self.tr("Velkommen til Nettverkslogg"))
        self.setModal(True)
        self.resize(640, 660)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._build_choices())
        self.stack.addWidget(self._build_form())
        self.demo_button.setFocus()

    # --- the two choices -------------------------------------------------------------------------

    def _build_choices(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(36, 32, 36, 32)
        layout.setSpacing(10)
        layout.addWidget(_heading(self.tr("Velkommen")))
        layout.addWidget(_intro(self.tr("Nettverkslogg hjelper deg å planlegge, logge og rapportere arbeidet "
                                        "i de lærende nettverkene. Hvordan vil du begynne?")))
        layout.addSpacing(14)
        self.demo_button = ChoiceButton(self.tr("Åpne eksempeldata"),
                                        self.tr("Se hvordan programmet virker, med en tenkt kommune full av data."))
        self.setup_button = ChoiceButton(self.tr("Sett opp egen kommune"),
                                         self.tr("Fyll inn kommunen, rollene og perioden. Det tar et par minutter."))
        layout.addWidget(self.demo_button)
        layout.addSpacing(4)
        layout.addWidget(self.setup_button)
        self.demo_button.clicked.connect(self._choose_demo)
        self.setup_button.clicked.connect(self.show_form)
        self.choice_message = _error_label()
        layout.addWidget(self.choice_message)
        layout.addStretch(1)
        return page

    def _choose_demo(self) -> None:
        self.accept()
        self.demo_requested.emit()

    def show_message(self, text: str) -> None:
        self.choice_message.setText(text)
        self.choice_message.show()

    # --- the set-up form -------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        from storage.models.organisation import DEFAULT_OFFER

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(36, 28, 36, 24)
        layout.setSpacing(8)
        layout.addWidget(_heading(self.tr("Sett opp egen kommune")))
        layout.addWidget(_intro(self.tr("Fyll inn alle feltene, og velg minst én rolle.")))
        layout.addSpacing(10)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("for eksempel Bodø"))
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(4)
        self.number_edit.setFixedWidth(110)
        self.number_edit.setPlaceholderText(self.tr("for eksempel 1804"))
        self.number_edit.setToolTip(self.tr("Kommunenummeret har fire sifre, for eksempel 1804."))
        self.county_box = QComboBox()
        self.county_box.setEditable(True)
        self.county_box.addItems(COUNTIES)
        self.county_box.setCurrentIndex(-1)
        self.county_box.lineEdit().setPlaceholderText(self.tr("velg eller skriv"))
        self.kindergarten_check = QCheckBox(self.tr("Barnehagemyndighet"))
        self.school_check = QCheckBox(self.tr("Skoleeier"))
        self.independent_check = QCheckBox(self.tr("Frittstående skole"))
        roles = QVBoxLayout()
        roles.setSpacing(4)
        for check in (self.kindergarten_check, self.school_check, self.independent_check):
            roles.addWidget(check)
            check.toggled.connect(self._update_hints)
        self.offer_edit = QLineEdit(DEFAULT_OFFER)
        self.offer_edit.setCursorPosition(0)
        self.cohort_spin = QSpinBox()
        self.cohort_spin.setRange(1, 99)
        self.cohort_spin.setValue(1)
        self.cohort_spin.setFixedWidth(110)
        start, end = default_period()
        self.start_edit = self._date_edit(start)
        self.end_edit = self._date_edit(end)

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Kommune:"), self.name_edit)
        form.addRow(self.tr("Kommune&nummer:"), self.number_edit)
        form.addRow(self.tr("&Fylke:"), self.county_box)
        form.addRow(self.tr("Rolle:"), roles)
        form.addRow(self.tr("&Tilbud:"), self.offer_edit)
        form.addRow(self.tr("&Pulje:"), self.cohort_spin)
        form.addRow(self.tr("Periode f&ra:"), self.start_edit)
        form.addRow(self.tr("Periode t&il:"), self.end_edit)
        layout.addLayout(form)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("muted")
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        layout.addSpacing(6)
        self.form_error = _error_label()
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Tilbake"))
        self.save_button = QPushButton(self.tr("Lagre og start"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.back_button.clicked.connect(self.show_choices)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.field_widgets = {
            "name": self.name_edit, "number": self.number_edit, "county": self.county_box,
            "kindergarten_authority": self.kindergarten_check, "school_owner": self.school_check,
            "independent_school": self.independent_check, "offer": self.offer_edit, "cohort": self.cohort_spin,
            "period_start": self.start_edit, "period_end": self.end_edit,
        }
        self.start_edit.dateChanged.connect(self._update_hints)
        self.end_edit.dateChanged.connect(self._update_hints)
        self._update_hints()
        return page

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setFixedWidth(150)
        calendar = edit.calendarWidget()
        calendar.setMinimumWidth(340)  # room for "man." … "søn." and week numbers
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        calendar.setGridVisible(False)
        return edit

    def _update_hints(self, *_args) -> None:
        from storage.rules import proposed_grants
        from storage.semesters import semesters_between

        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        parts = []
        if end >= start:
            semesters = semesters_between(start, end)
            parts.append(self.tr("Perioden gir {n} semestre: {span}.").format(
                n=len(semesters), span=semester_span(semesters)))
        grants = proposed_grants(self.kindergarten_check.isChecked(), self.school_check.isChecked(),
                                 self.independent_check.isChecked())
        if grants:
            parts.append(self.tr("Tilskudd etter rollene: {amount}.").format(
                amount=format_kroner(sum(amount for _role, amount in grants))))
        self.hint_label.setText("  ".join(parts))

    def show_form(self) -> None:
        self.stack.setCurrentIndex(1)
        self.name_edit.setFocus()

    def show_choices(self) -> None:
        self.stack.setCurrentIndex(0)
        self.setup_button.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.stack.currentIndex() == 1 and self.save_button.isEnabled():
            self.show_choices()
            return
        super().keyPressEvent(event)

    # --- saving ----------------------------------------------------------------------------------

    def form_values(self) -> tuple[dict, dict]:
        municipality = {"name": self.name_edit.text().strip(), "number": self.number_edit.text().strip(),
                        "county": self.county_box.currentText().strip()}
        participation = {
            "offer": self.offer_edit.text().strip(), "cohort": self.cohort_spin.value(),
            "kindergarten_authority": self.kindergarten_check.isChecked(),
            "school_owner": self.school_check.isChecked(),
            "independent_school": self.independent_check.isChecked(),
            "period_start": self.start_edit.date().toPython(), "period_end": self.end_edit.date().toPython(),
        }
        return municipality, participation

    def save(self) -> None:
        self._clear_error()
        self.save_button.setEnabled(False)
        self.save_button.setText(self.tr("Lagrer …"))
        municipality, participation = self.form_values()
        self.runner.submit(make_create_job(municipality, participation), on_done=self._saved,
                           on_error=self._failed, changes={topics.MUNICIPALITIES, topics.CURRENT_MUNICIPALITY,
                                                           topics.PARTICIPATION, topics.FUNDS})

    def _saved(self, municipality) -> None:
        self._reset_save_button()
        self.municipality_created.emit(municipality)
        self.accept()

    def _failed(self, error) -> None:
        self._reset_save_button()
        self.form_error.setText(error.message)
        self.form_error.show()
        widget = self.field_widgets.get(getattr(error, "field", None) or "")
        if widget is not None:
            _mark(widget, True)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        self.error_field = getattr(error, "field", None)

    def _clear_error(self) -> None:
        self.form_error.hide()
        self.form_error.clear()
        self.error_field = None
        for widget in self.field_widgets.values():
            _mark(widget, False)

    def _reset_save_button(self) -> None:
        self.save_button.setEnabled(True)
        self.save_button.setText(self.tr("Lagre og start"))
