"""The conflict list of a copy between two databases, as a CSV file Excel opens (UTF-8 with BOM,
semicolons): one line per column that differs, with the value on each side and which one was kept."""

from __future__ import annotations

import csv
from pathlib import Path

from storage.copy_data import CopyResult
from storage.i18n import _

from .atomic_file import atomic_target
from .workbook_safety import TEXT_ONLY_START


def write_conflict_report(result: CopyResult, target: str | Path) -> Path:
    target = Path(target)
    kept = {"source": _("kilden"), "destination": _("målet")}
    with atomic_target(target) as part, open(part, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([_("Tabell"), _("Rad"), _("Kolonne"), _("I kilden"), _("I målet"), _("Beholdt")])
        for conflict in result.conflicts:
            for column in sorted(conflict.source):
                if column == "created_at":
                    continue
                here, there = conflict.source.get(column), conflict.destination.get(column)
                if here != there:
                    writer.writerow([conflict.table, conflict.row_id, column, _guard(here), _guard(there),
                                     kept[conflict.kept]])
    return target


def _guard(value: str | None) -> str:
    """User text that Excel would read as a formula stays text."""
    text = "" if value is None else value
    return "'" + text if text.startswith(TEXT_ONLY_START) else text
