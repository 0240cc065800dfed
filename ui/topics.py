"""Topics for the runner's `data_changed` signal: what a write touched, so pages reload only what they show."""

from __future__ import annotations

from collections.abc import Iterable

ALL = "*"  # everything may have changed (demo data, import, restore)
MUNICIPALITIES = "municipalities"
CURRENT_MUNICIPALITY = "current_municipality"
PARTICIPATION = "participation"
UNITS = "units"
NETWORKS = "networks"
GATHERINGS = "gatherings"
SESSION_LOGS = "session_logs"
VIGNETTES = "vignettes"
VIGNETTE_CODING = "vignette_coding"  # codes on answers (sent with VIGNETTES); the coding view itself needs no reload
FUNDS = "funds"
PLANS = "plans"
SETTINGS = "settings"
RESOURCE_PERSONS = "resource_persons"
TASKS = "tasks"
REPORTS = "reports"  # the report archive


def touches(changed: Iterable[str], wanted: Iterable[str]) -> bool:
    """True if a change to `changed` concerns a view that shows `wanted`."""
    changed = set(changed)
    return ALL in changed or bool(changed & set(wanted))
