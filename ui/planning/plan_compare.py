"""«Sammenlign versjoner»: two versions side by side, insertions green, deletions red and struck through."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
)

from storage.formatting import format_date

INSERTED = "background:#d9f2dd; color:#14532d;"
DELETED = "background:#fbe0e0; color:#8a1c1c; text-decoration:line-through;"


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def render(diffs, side: str) -> str:
    """HTML for one pane: `side` "old" shows deletions struck through, "new" shows insertions in green."""
    parts = ["<html><body style='font-size:10.5pt'>"]
    for diff in diffs:
        mark = " <span style='color:#8a5a00'>(endret)</span>" if diff.changed else ""
        parts.append(f"<h3 style='margin-top:14px'>{html.escape(diff.title)}{mark}</h3><p>")
        for seg in diff.segments:
            if seg.op == "equal":
                parts.append(_text(seg.old if side == "old" else seg.new))
            elif side == "old" and seg.op in ("delete", "replace") and seg.old:
                parts.append(f"<span style='{DELETED}'>{_text(seg.old)}</span>")
            elif side == "new" and seg.op in ("insert", "replace") and seg.new:
                parts.append(f"<span style='{INSERTED}'>{_text(seg.new)}</span>")
        parts.append("</p>")
    parts.append("</body></html>")
    return "".join(parts)


class CompareDialog(QDialog):
    def __init__(self, runner, versions, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.versions = sorted(versions, key=lambda v: v.version)
        self.diffs = []
        self.setWindowTitle(self.tr("Sammenlign versjoner av planen"))
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.left = QComboBox()
        self.right = QComboBox()
        for combo in (self.left, self.right):
            for v in self.versions:
                combo.addItem(self.tr("Versjon {n} ({day}): {reason}").format(
                    n=v.version, day=format_date(v.created_at.date()), reason=v.reason), v.id)
        self.left.setCurrentIndex(max(0, len(self.versions) - 2))
        self.right.setCurrentIndex(len(self.versions) - 1)
        row.addWidget(QLabel(self.tr("Fra:")))
        row.addWidget(self.left, 1)
        row.addWidget(QLabel(self.tr("Til:")))
        row.addWidget(self.right, 1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        legend = QLabel(self.tr("<span style='{d}'>&nbsp;Tatt bort&nbsp;</span> &nbsp; "
                                "<span style='{i}'>&nbsp;Lagt til&nbsp;</span>").format(d=DELETED, i=INSERTED))
        layout.addWidget(legend)
        panes = QHBoxLayout()
        self.old_pane = QTextBrowser()
        self.new_pane = QTextBrowser()
        for pane in (self.old_pane, self.new_pane):
            panes.addWidget(pane, 1)
        layout.addLayout(panes, 1)
        self.old_pane.verticalScrollBar().valueChanged.connect(lambda v: self._sync(self.old_pane, self.new_pane))
        self.new_pane.verticalScrollBar().valueChanged.connect(lambda v: self._sync(self.new_pane, self.old_pane))
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.left.currentIndexChanged.connect(self.refresh)
        self.right.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _sync(self, source: QTextBrowser, target: QTextBrowser) -> None:
        s, t = source.verticalScrollBar(), target.verticalScrollBar()
        if s.maximum() > 0:
            t.blockSignals(True)
            t.setValue(round(s.value() / s.maximum() * t.maximum()))
            t.blockSignals(False)

    def refresh(self, *_args) -> None:
        a, b = self.left.currentData(), self.right.currentData()

        def fn(store, progress, cancel):
            from storage.services.plans import compare_version_ids

            return compare_version_ids(store, a, b)

        self.runner.submit(fn, on_done=self._show)

    def _show(self, diffs) -> None:
        self.diffs = diffs
        changed = [d.title for d in diffs if d.changed]
        self.summary.setText(self.tr("{n} av {total} deler er endret: {list}").format(
            n=len(changed), total=len(diffs), list=", ".join(changed)) if changed
            else self.tr("Ingen forskjeller mellom de to versjonene."))
        self.old_pane.setHtml(render(diffs, "old"))
        self.new_pane.setHtml(render(diffs, "new"))
