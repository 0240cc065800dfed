"""Plan: the plan's sections as text editors, goals and measures per semester, versions and comparison."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from storage.formatting import format_date

from .. import topics
from ..pages.base import muted
from .common import FormDialog, Section, load_context

GOALS_PREFIX = "goals:"


def load_plan(store, progress, cancel):
    from storage.semesters import semesters_between
    from storage.services.plans import get_plan, section_titles

    context = load_context(store)
    if context is None or context.participation is None:
        return context, None, {}, []
    part = context.participation
    return (context, get_plan(store, part.id), section_titles(),
            semesters_between(part.period_start, part.period_end))


def goals_to_text(goals: list[dict], semester: str) -> str:
    lines = []
    for goal in goals:
        if goal.get("semester") != semester:
            continue
        lines.append(goal.get("goal", ""))
        lines.extend(f"- {m}" for m in goal.get("measures", []))
    return "\n".join(lines)


def text_to_goals(text: str, semester: str) -> list[dict]:
    """One goal per line; lines starting with «-» are measures (tiltak) of the goal above."""
    goals: list[dict] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[0] in "-–•" and goals:
            goals[-1]["measures"].append(line[1:].strip())
        else:
            goals.append({"semester": semester, "goal": line.lstrip("-–• "), "measures": []})
    return goals


class ReasonDialog(FormDialog):
    """«Lagre ny versjon»: a required one-line reason."""

    def __init__(self, runner, participation_id, sections, goals, parent=None):
        super().__init__(runner, "", parent, changes={topics.PLANS}, save_text=self.tr("Lagre ny versjon"))
        self.setWindowTitle(self.tr("Lagre ny versjon av planen"))
        self.pid, self.sections, self.goals = participation_id, sections, goals
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("For eksempel: Ny skole med fra høsten"))
        self.reason.setMaxLength(200)
        self.setMinimumWidth(540)
        question = QLabel(self.tr("Hva er endret, og hvorfor?"))
        question.setBuddy(self.reason)
        self.form.addRow(question)
        self.form.addRow(self.reason)
        self.form.addRow(muted(self.tr("Én linje. Begrunnelsen vises når du sammenligner versjoner.")))
        self.reason.setFocus()

    def job(self):
        pid, sections, goals, reason = self.pid, self.sections, self.goals, self.reason.text()

        def fn(store, progress, cancel):
            from storage.services.plans import save_plan

            return save_plan(store, pid, sections, goals, reason)

        return fn


class PlanSection(Section):
    TOPICS = frozenset({topics.PLANS})

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = None
        self.semesters: list[str] = []
        self.editors: dict[str, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        bar = QHBoxLayout()
        self.version_label = QLabel()
        self.version_label.setWordWrap(True)
        bar.addWidget(self.version_label, 1)
        self.compare_button = QPushButton(self.tr("Sammenlign versjoner …"))
        self.compare_button.clicked.connect(self.compare)
        self.revert_button = QPushButton(self.tr("Forkast endringene"))
        self.revert_button.clicked.connect(self._fill)
        self.save_button = QPushButton(self.tr("Lagre ny versjon …"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        for b in (self.compare_button, self.revert_button, self.save_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.message = muted("")
        layout.addWidget(self.message)
        body = QHBoxLayout()
        self.parts = QListWidget()
        self.parts.setFixedWidth(300)
        self.parts.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.stack = QStackedWidget()
        body.addWidget(self.parts)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        self.parts.currentRowChanged.connect(self.stack.setCurrentIndex)

    def load(self) -> None:
        self.runner.submit(load_plan, on_done=self._show)

    def _build_editors(self, titles: dict[str, str]) -> None:
        if self.editors:
            return
        keys = [k for k in titles if k != "goals"]
        for key in keys:
            self._add_editor(key, titles[key], "")
        for semester in self.semesters:
            self._add_editor(GOALS_PREFIX + semester,
                             self.tr("Mål og tiltak {semester}").format(semester=semester),
                             self.tr("Ett mål per linje. Tiltak under målet starter med «-»."))
        self.parts.setCurrentRow(0)

    def _add_editor(self, key: str, title: str, hint: str) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(8, 0, 0, 0)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        box.addWidget(heading)
        if hint:
            box.addWidget(muted(hint))
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        editor.textChanged.connect(self._changed)
        box.addWidget(editor, 1)
        self.editors[key] = editor
        self.stack.addWidget(page)
        self.parts.addItem(title)

    def _show(self, result) -> None:
        keep_typed = bool(self.editors) and self.is_changed()  # a reload never overwrites unsaved text
        self.context, self.state, titles, self.semesters = result
        self.setEnabled(self.participation_id is not None)
        if self.participation_id is None:
            self.loaded.emit()
            return
        self._build_editors(titles)
        self._fill(keep_typed=keep_typed)
        self.loaded.emit()

    def _fill(self, *, keep_typed: bool = False) -> None:
        current = self.state.current if self.state else None
        sections = current.sections if current else {}
        goals = current.goals if current else []
        for key, editor in ({} if keep_typed else self.editors).items():
            editor.blockSignals(True)
            if key.startswith(GOALS_PREFIX):
                editor.setPlainText(goals_to_text(goals, key[len(GOALS_PREFIX):]))
            else:
                editor.setPlainText(sections.get(key, ""))
            editor.blockSignals(False)
        if current is None:
            self.version_label.setText(self.tr("Planen er ikke lagret ennå."))
        else:
            self.version_label.setText(self.tr("Versjon {n}, lagret {day}: {reason}").format(
                n=current.version, day=format_date(current.created_at.date()), reason=current.reason))
        self.compare_button.setEnabled(bool(self.state and len(self.state.versions) >= 2))
        self.message.setText(self.tr("{n} versjoner lagret.").format(n=len(self.state.versions)) if self.state else "")
        self._changed()

    def sections(self) -> dict[str, str]:
        return {k: e.toPlainText() for k, e in self.editors.items() if not k.startswith(GOALS_PREFIX)}

    def goals(self) -> list[dict]:
        goals = []
        for key, editor in self.editors.items():
            if key.startswith(GOALS_PREFIX):
                goals.extend(text_to_goals(editor.toPlainText(), key[len(GOALS_PREFIX):]))
        return goals

    def is_changed(self) -> bool:
        current = self.state.current if self.state else None
        if current is None:
            return any(e.toPlainText().strip() for e in self.editors.values())
        same_sections = all(current.sections.get(k, "").strip() == v.strip() for k, v in self.sections().items())
        old_goals = [(g["semester"], g["goal"], list(g.get("measures", []))) for g in current.goals]
        new_goals = [(g["semester"], g["goal"], g["measures"]) for g in self.goals()]
        return not (same_sections and old_goals == new_goals)

    def _changed(self) -> None:
        changed = self.is_changed()
        self.save_button.setEnabled(changed)
        self.revert_button.setEnabled(changed)
        if changed:
            self.message.setText(self.tr("Du har endringer som ikke er lagret."))

    def save(self) -> ReasonDialog | None:
        if not self.is_changed():
            self.message.setText(self.tr("Ingen endringer å lagre."))
            return None
        dialog = ReasonDialog(self.runner, self.participation_id, self.sections(), self.goals(), self)
        dialog.open()
        return dialog

    def compare(self):
        from .plan_compare import CompareDialog

        if not self.state or len(self.state.versions) < 2:
            return None
        dialog = CompareDialog(self.runner, self.state.versions, self)
        dialog.open()
        return dialog
