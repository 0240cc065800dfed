"""A report's headline figures as plain numbers, one number per figure, with a stable key and a unit.

The workbook's «Nøkkeltall» table, the county workbook (one row per municipality per figure) and the
county PDF's overview table all use this one list, so a county can add municipalities' files together
and the PDF and the workbook never disagree about what a column holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.enums import ReportKind
from storage.i18n import _
from storage.services.report_data import ReportData

COUNT, KRONER, HOURS, PERCENT = "antall", "kr", "timer", "prosent"


def N_(message: str) -> str:  # noqa: N802 (gettext's name): marks a label translated where it is shown
    return message


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int | float
    unit: str  # COUNT, KRONER, HOURS or PERCENT


#: key, label, unit, and how the value is read from a ReportData; in the order they are shown.
_ACTIVITY = (
    ("units", N_("Enheter som deltar"), COUNT, lambda d: d.units.total),
    ("kindergartens", N_("Barnehager"), COUNT, lambda d: d.units.kindergartens),
    ("schools", N_("Skoler"), COUNT, lambda d: d.units.schools),
    ("other_units", N_("Andre enheter"), COUNT, lambda d: d.units.others),
    ("public_units", N_("Kommunale enheter"), COUNT, lambda d: d.units.public),
    ("private_units", N_("Private enheter"), COUNT, lambda d: d.units.private),
    ("units_in_networks", N_("Enheter i lærende nettverk"), COUNT, lambda d: d.units.in_networks),
    ("networks", N_("Lærende nettverk"), COUNT, lambda d: len(d.networks)),
    ("resource_persons", N_("Ressurspersoner"), COUNT, lambda d: d.resource_people),
    ("resource_percent", N_("Stillingsandel for ressurspersoner i alt (prosent)"), PERCENT,
     lambda d: sum(pct for _area, pct in d.resource_persons)),
    ("gatherings_held", N_("Samlinger gjennomført"), COUNT, lambda d: d.gatherings_held),
    ("gatherings_cancelled", N_("Samlinger avlyst"), COUNT, lambda d: sum(r.cancelled for r in d.semester_rows)),
    ("session_logs", N_("Øktlogger fra enhetene"), COUNT, lambda d: d.log_count),
    ("units_logging", N_("Enheter som har logget"), COUNT, lambda d: d.log_units),
    ("log_hours", N_("Timer i øktloggene"), HOURS, lambda d: d.log_hours),
    ("vignette_sessions", N_("Vignettøkter"), COUNT, lambda d: d.vignette_sessions),
    ("vignette_responses", N_("Vignettsvar"), COUNT, lambda d: d.vignette_responses),
    ("vignette_comparisons", N_("Vignetter sammenlignet før og etter"), COUNT, lambda d: len(d.vignettes)),
)
_MONEY = (
    ("granted", N_("Tilskudd"), KRONER, lambda d: d.funds.granted),
    ("own", N_("Egenfinansiering"), KRONER, lambda d: d.funds.own),
    ("spent", N_("Brukt i alt"), KRONER, lambda d: d.funds.spent),
    ("spent_from_grant", N_("Brukt av tilskuddet"), KRONER, lambda d: d.funds.spent_from_grant),
    ("remaining", N_("Igjen av tilskuddet"), KRONER, lambda d: d.funds.remaining),
)


#: The overview's column groups (a table each in the county PDF, side by side in the workbook).
OVERVIEW_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Enheter"), ("units", "kindergartens", "schools", "other_units", "public_units", "private_units",
                     "units_in_networks")),
    (N_("Organisering og samlinger"), ("networks", "resource_persons", "resource_percent", "gatherings_held",
                                       "gatherings_cancelled")),
    (N_("Øktlogger og vignetter"), ("session_logs", "units_logging", "log_hours", "vignette_sessions",
                                    "vignette_responses", "vignette_comparisons")),
    (N_("Midler"), ("granted", "own", "spent", "spent_from_grant", "remaining")),
)


#: Column headings for the county PDF's narrow overview columns (under their group's heading); a long word
#: is broken by hand («-\n»), as ReportLab does not hyphenate.
SHORT_LABELS = {
    "units": N_("I alt"), "kindergartens": N_("Barne-\nhager"), "schools": N_("Skoler"), "other_units": N_("Andre"),
    "public_units": N_("Kommu-\nnale"), "private_units": N_("Private"), "units_in_networks": N_("I nettverk"),
    "networks": N_("Nettverk"), "resource_persons": N_("Ressurs-\npersoner"),
    "resource_percent": N_("Stillings-\nandel"), "gatherings_held": N_("Samlinger holdt"),
    "gatherings_cancelled": N_("Samlinger avlyst"), "session_logs": N_("Øktlogger"),
    "units_logging": N_("Enheter som logger"), "log_hours": N_("Timer"), "vignette_sessions": N_("Vignett-\nøkter"),
    "vignette_responses": N_("Vignett-\nsvar"), "vignette_comparisons": N_("Før–etter"),
    "granted": N_("Tilskudd"), "own": N_("Egen-\nfinansiering"), "spent": N_("Brukt i alt"),
    "spent_from_grant": N_("Brukt av tilskudd"), "remaining": N_("Igjen"),
}


def overview_groups(kind: ReportKind | str, short: bool = False) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The county overview's groups for a report of `kind`: (title, [(key, label, unit)]); `short` gives
    the PDF's short column headings."""
    columns = {key: (key, _(SHORT_LABELS[key]) if short else label, unit)
               for key, label, unit in figure_columns(kind, county=True)}
    groups = []
    for title, keys in OVERVIEW_GROUPS:
        present = [columns[k] for k in keys if k in columns]
        if present:
            groups.append((_(title), present))
    return groups


#: Figures a county report leaves out: it collects without the vignette before/after comparisons (the
#: slowest part of a report, and not shown in a county report), so their count would read 0.
NOT_IN_COUNTY = frozenset({"vignette_comparisons"})


def _rows(kind: ReportKind | str, county: bool) -> tuple:
    rows = _MONEY if ReportKind(kind) is ReportKind.FUNDS else _ACTIVITY + _MONEY
    return tuple(row for row in rows if not (county and row[0] in NOT_IN_COUNTY))


def figure_columns(kind: ReportKind | str, county: bool = False) -> list[tuple[str, str, str]]:
    """(key, label, unit) of the figures a report of `kind` has (`county`: in a county report)."""
    return [(key, _(label), unit) for key, label, unit, _read in _rows(kind, county)]


def figures(d: ReportData, county: bool = False) -> list[Figure]:
    """The report's headline figures (for a funds statement only the money; `county`: as a county report
    shows them)."""
    return [Figure(key, _(label), read(d), unit) for key, label, unit, read in _rows(d.kind, county)]
