"""Item 7 of issue 11: one way to write a figure, whichever layer shows it."""

from __future__ import annotations

import ast
from datetime import date, datetime
from pathlib import Path

from storage.formatting import (
    format_change,
    format_date,
    format_datetime,
    format_kroner,
    format_long_date,
    format_month,
    format_number,
    format_percent,
    semester_span,
    semester_title,
    shown_change_points,
)

ROOT = Path(__file__).resolve().parents[2]
NBSP, MINUS = "\u00a0", "\u2212"


def test_percent_rounds_half_up():
    # 1/8 = 12.5 %: people (and the county) read «13 %», never «12 %».
    assert format_percent(1 / 8) == f"13{NBSP}%"
    assert format_percent(3 / 8) == f"38{NBSP}%"  # 37.5 → 38 (round-half-even would give 38 too, 12.5 → 12)
    assert format_percent(0.025) == f"3{NBSP}%"
    assert format_percent(None) == "–"


def test_kroner_use_a_no_break_space_and_a_real_minus():
    assert format_kroner(620_001) == f"620{NBSP}001{NBSP}kr"
    assert format_kroner(-99_379_999) == f"{MINUS}99{NBSP}379{NBSP}999{NBSP}kr"
    assert " " not in format_kroner(1_234_567)  # never a normal space: the line never breaks inside


def test_numbers_and_dates():
    assert format_number(12345) == f"12{NBSP}345"
    assert format_number(2.25, 1) == "2,3"
    assert format_date(date(2026, 3, 4)) == "04.03.2026"
    assert format_date(datetime(2026, 3, 4, 9, 5)) == "04.03.2026"
    assert format_datetime(datetime(2026, 3, 4, 9, 5)) == "04.03.2026 09:05"
    assert format_long_date(date(2026, 11, 29)) == "29. november 2026"
    assert format_month(date(2027, 6, 1)) == "juni 2027"
    assert semester_title("2026V") == "Våren 2026"
    assert semester_span(["2025H", "2026V", "2026H"]) == "2025H–2026H"


def test_a_change_column_is_the_difference_of_the_shown_values():
    # 12.5 % → 37.5 % is shown as 13 % → 38 %, so the change must read +25, and 12.4 % → 12.6 % as 12 → 13: +1.
    for before, after in ((0.125, 0.375), (0.124, 0.126), (0.445, 0.455), (0.5, 0.125)):
        shown = int(format_percent(after).split(NBSP)[0]) - int(format_percent(before).split(NBSP)[0])
        assert shown_change_points(before, after) == shown
    assert format_change(-2) == f"{MINUS}2" and format_change(3) == "+3" and format_change(0) == "0"


def _defined_functions(folder: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                found.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    return found


def test_no_other_module_formats_figures_or_dates_itself():
    """The duplicated helpers are gone: no second percent, kroner, thousands or date writer, and no
    strftime('%d.%m.%Y') outside storage/formatting.py."""
    banned = {"percent", "_percent", "_pct", "thousands", "kroner", "long_date", "fmt_date", "fmt_month",
              "format_day", "norwegian_date", "format_kroner", "format_date", "format_percent", "format_number",
              "round_half_up", "number", "_d"}
    for folder in ("storage", "exports", "ui"):
        for name, paths in _defined_functions(folder).items():
            if name in banned:
                assert paths == ["storage/formatting.py"], (name, paths)
    for folder in ("storage", "exports", "ui", "desktop"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert '%d.%m.%Y' not in text or path.name == "formatting.py", path
