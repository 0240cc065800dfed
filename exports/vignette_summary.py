"""A vignette session's summary as PDF (and, through vignette_summary_xlsx, as a workbook).

Aggregates only (DOMAIN.md §8): the vignette text, the groups, how many answered, distributions per
dimension split by unit kind and role, and the coders' agreement. No answer text, no pseudonym, no
single answer's codes leave the machine this way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from storage.enums import AttendeeRole, UnitKind
from storage.formatting import format_date, format_number, format_percent
from storage.i18n import _
from storage.services.agreement import AgreementReport, agreement, coder_pair
from storage.services.municipalities import list_municipalities
from storage.services.networks import network_names
from storage.services.vignette_analysis import MIN_GROUP, Analysis, DimensionFigures, analyse
from storage.services.vignette_sessions import SessionDetail, get_session
from storage.store import Store

from .pdf_base import (
    CHART_COLOURS,
    MM,
    PdfMeta,
    bar_chart,
    build_pdf,
    content_width,
    data_table,
    escape,
    heading,
    markup,
    para,
)

#: The groups a summary shows, in order (the optional "other" groups only when they have answers),
#: each with the same colour in every chart.
GROUP_COLOURS = {"all": CHART_COLOURS[0], "kindergarten": CHART_COLOURS[1], "school": CHART_COLOURS[2],
                 "other_unit": CHART_COLOURS[6], "leaders": CHART_COLOURS[3], "staff": CHART_COLOURS[4],
                 "other_role": CHART_COLOURS[5]}
SUMMARY_GROUPS = tuple(GROUP_COLOURS)


@dataclass(frozen=True)
class SessionSummary:
    """Everything a session summary shows, as read models."""

    detail: SessionDetail
    analysis: Analysis
    agreement: AgreementReport | None
    municipality: str
    network: str | None

    @property
    def title(self) -> str:
        return self.detail.session.title


def collect_summary(store: Store, session_id: uuid.UUID, *, coder: str | None = None) -> SessionSummary:
    """Read what the summary needs: the session, its analysis and, if two people coded it, their kappa."""
    detail = get_session(store, session_id)
    session = detail.session
    pair = coder_pair(store, [session_id])
    report = agreement(store, session_id, *pair) if pair else None
    municipality = next((m.name for m in list_municipalities(store) if m.id == session.municipality_id), "")
    network = network_names(store, session.municipality_id).get(session.network_id) if session.network_id else None
    return SessionSummary(detail, analyse(store, session_id, coder=coder), report, municipality, network)


def role_label(role: str | None) -> str:
    if not role:
        return _("Ukjent")
    try:
        return AttendeeRole(role).label
    except ValueError:
        return role


def unit_kind_label(kind: str | None) -> str:
    try:
        return UnitKind(kind).label if kind else _("Ukjent")
    except ValueError:
        return kind or _("Ukjent")


def count_and_share(count: int, share: float | None) -> str:
    return "–" if share is None else f"{count} ({format_percent(share)})"


def key_figures(summary: SessionSummary) -> list[tuple[str, str | int | float | date | None]]:
    """(label, value) rows for the top of both the PDF and the workbook; counts stay numbers."""
    detail, analysis = summary.detail, summary.analysis
    overview = analysis.sessions[0]
    rows: list[tuple[str, str | int | float | date | None]] = [
        (_("Økt"), detail.session.title), (_("Dato"), detail.session.held_on),
        (_("Kommune"), summary.municipality)]
    if summary.network:
        rows.append((_("Nettverk"), summary.network))
    rows += [
        (_("Vignett"), _("{title} (versjon {version})").format(title=detail.vignette.title,
                                                                version=detail.version.version)),
        (_("Antall svar"), analysis.responses),
        (_("Kodede svar"), analysis.coded),
        (_("Grupper"), len(detail.session.groups)),
        (_("Anonym økt"), _("Ja") if detail.session.anonymous else _("Nei")),
        (_("Koder"), overview.coder or _("Ingen ennå")),
        (_("Gjennomsnittlig antall ord per svar"), overview.mean_words),
    ]
    return rows


def format_value(value: str | int | float | date | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float):
        return format_number(value, 1)
    return str(value)


def shown_groups(dimension: DimensionFigures):
    """The groups a dimension's table shows: «Alle», and every other group that has coded answers."""
    return [g for g in dimension.groups if g.group.key in SUMMARY_GROUPS and (g.n or g.group.key == "all")]


# --- PDF ------------------------------------------------------------------------------------------

def _dimension_block(dimension: DimensionFigures) -> list:
    from reportlab.platypus import KeepTogether, Spacer

    groups = shown_groups(dimension)
    if not groups or groups[0].n == 0:
        return [KeepTogether([para(dimension.label, "h2"),
                              para(_("Ingen av svarene er kodet i denne dimensjonen."), "note")])]
    width = content_width()
    first = 46 * MM
    rest = (width - first) / max(len(groups), 1)
    header = [_("Kode")] + [
        f"{g.group.label}\n" + _("n = {n}").format(n=g.n) + (" *" if 0 < g.n < MIN_GROUP else "") for g in groups]
    rows = [header]
    for i, share in enumerate(groups[0].shares if groups else ()):
        rows.append([share.label] + [count_and_share(g.shares[i].count, g.shares[i].share) for g in groups])
    if dimension.kind == "numeric":
        rows.append([_("Gjennomsnitt")] + [format_number(g.mean, 1) if g.mean is not None else "–" for g in groups])
    table = data_table(rows, col_widths=[first] + [rest] * len(groups), align_right=range(1, len(groups) + 1))
    charted = [g for g in groups if g.n >= MIN_GROUP]
    chart = bar_chart([s.label for s in groups[0].shares],
                      [(g.group.label, [None if s.share is None else s.share * 100 for s in g.shares])
                       for g in charted], width=width, colours=[GROUP_COLOURS[g.group.key] for g in charted])
    note = {
        "multiple": _("Flere koder kan gjelde samme svar; andelene er av alle kodede svar i gruppen."),
        "numeric": _("Antall ulike handlinger svaret foreslår, fordelt på svarene."),
        "single": _("Andel av svarene som er kodet i denne dimensjonen."),
    }[dimension.kind]
    parts = [para(dimension.label, "h2"), para(note, "note"), table]
    if charted:
        parts += [Spacer(1, 4 * MM), chart]
    return [KeepTogether(parts)]


def agreement_rows(report: AgreementReport) -> list[tuple[str, float | None, str, float | None, int]]:
    """(label, kappa, band, observed share, n) per dimension, then per code of multiple-choice ones."""
    rows = []
    for dim in report.dimensions:
        k = dim.overall
        rows.append((dim.label, k.kappa, k.band or "", k.observed, k.n))
        rows += [("\u00a0\u00a0\u00a0\u00a0" + c.label, c.kappa, c.band or "", c.observed, c.n)
                 for c in dim.per_code]
    return rows


def _agreement_block(report: AgreementReport) -> list:
    from reportlab.platypus import KeepTogether, Spacer

    flow = [para(_("Enighet mellom kodere"), "h1"),
            para(_("{a} og {b} har kodet de samme {n} svarene hver for seg. Cohens kappa måler hvor enige de er "
                   "utover det som kunne skjedd ved en tilfeldighet: 1 er full enighet, 0 er ikke bedre enn "
                   "tilfeldig.").format(a=report.coder_a, b=report.coder_b, n=report.double_coded))]
    if all(d.overall.kappa is None and d.overall.n < report.min_double_coded for d in report.dimensions):
        return [KeepTogether(flow + [para(report.dimensions[0].overall.reading if report.dimensions else "",
                                          "warning")])]
    width = content_width()
    figures = agreement_rows(report)
    rows = [[_("Dimensjon"), _("Kappa"), _("Tolkning"), _("Enige"), _("Svar (n)")]]
    rows += [[label, format_number(kappa, 2) if kappa is not None else "–", band or "–",
              format_percent(observed) if observed is not None else "–", str(n)]
             for label, kappa, band, observed, n in figures]
    flow += [data_table(rows, col_widths=[width * 0.42, width * 0.13, width * 0.17, width * 0.13, width * 0.15],
                        align_right=(1, 3, 4)), Spacer(1, 3 * MM)]
    flow += [para(f"{d.label}: " + _("samme antall i {same}, innenfor ±1 i {near} av svarene.").format(
        same=format_percent(d.overall.observed), near=format_percent(d.overall.within_one)), "note")
        for d in report.dimensions if d.kind == "numeric" and d.overall.within_one is not None]
    if any(kappa is None for _label, kappa, *_rest in figures):
        flow.append(para(_("– betyr at kappa ikke kan beregnes: færre enn {min} svar er kodet av begge, eller "
                           "begge brukte samme kode på alle svarene.").format(min=report.min_double_coded), "note"))
    flow.append(para(_("Tolkningen følger Landis og Koch: svært svak (til 0,20), svak (til 0,40), moderat (til "
                       "0,60), god (til 0,80) og svært god (over 0,80)."), "note"))
    return [KeepTogether(flow)]


def _groups_block(summary: SessionSummary) -> list:
    groups = summary.detail.groups
    width = content_width()
    flow = heading(_("Grupper"))
    if groups:
        rows = [[_("Gruppe"), _("Enhetstype"), _("Roller")]]
        rows += [[g.name, unit_kind_label(g.unit_kind), ", ".join(role_label(r) for r in g.roles) or "–"]
                 for g in groups]
        flow.append(data_table(rows, col_widths=[width * 0.25, width * 0.2, width * 0.55]))
    else:
        flow.append(para(_("Økta hadde ingen faste grupper; svarene ble skrevet av deltakerne hver for seg.")))
    analysis = summary.analysis
    rows = [[_("Svarte"), _("Svar"), _("Kodede svar"), _("Ord per svar")]]
    coded = {g.group.key: g.n for g in analysis.groups}
    for w in analysis.words:
        rows.append([w.group.label, str(w.n), str(coded.get(w.group.key, 0)),
                     format_number(w.mean, 1) if w.mean is not None else "–"])
    flow += [*heading(_("Svar fordelt på enhetstype og rolle"), 2),
             data_table(rows, col_widths=[width * 0.4, width * 0.2, width * 0.2, width * 0.2], align_right=(1, 2, 3))]
    return flow


def summary_story(summary: SessionSummary) -> list:
    from reportlab.platypus import Spacer

    detail, version = summary.detail, summary.detail.version
    width = content_width()
    story = [para(_("Oppsummering av vignettøkt"), "title"),
             para(f"{detail.session.title} · {format_date(detail.session.held_on)}", "subtitle"),
             data_table([[label, format_value(value)] for label, value in key_figures(summary)], header_rows=0,
                        col_widths=[width * 0.38, width * 0.62]),
             Spacer(1, 3 * MM),
             para(_("Rapporten viser bare samlede tall. Svarene og hvem som skrev dem er ikke med."), "note"),
             *heading(_("Vignetten")), para(version.text, "quote")]
    if version.follow_up_questions:
        story += heading(_("Oppfølgingsspørsmål"), 2)
        story += [markup("• " + escape(q), "body") for q in version.follow_up_questions]
    story += _groups_block(summary)
    story += heading(_("Koding per dimensjon"), room=130 * MM)  # with the first dimension's table and chart
    if summary.analysis.coded == 0:
        story.append(para(_("Ingen svar er kodet ennå.")))
    else:
        story.append(para(_("Tallene viser antall svar med koden og andelen av svarene i gruppen (n). Grupper "
                            "merket * har færre enn {min} svar; tolk dem med varsomhet. Diagrammene viser bare "
                            "grupper med minst {min} svar.").format(min=MIN_GROUP), "note"))
        for dimension in summary.analysis.dimensions:
            story += _dimension_block(dimension)
    if summary.agreement is not None:
        story += _agreement_block(summary.agreement)
    return story


def write_summary_pdf(summary: SessionSummary, target: Path | str | BinaryIO, *, invariant: bool = False) -> None:
    """The summary as an A4 PDF with page numbers and metadata."""
    meta = PdfMeta(title=_("Oppsummering: {title}").format(title=summary.title),
                   subject=_("Vignettøkt {day}, {municipality}").format(
                       day=format_date(summary.detail.session.held_on), municipality=summary.municipality),
                   keywords=(_("vignett"), _("koding"), _("inkluderende barnehage- og skolemiljø")),
                   footer=_("Vignettøkt: {title}").format(title=summary.title))
    build_pdf(Path(target) if isinstance(target, str) else target, summary_story(summary), meta,
              invariant=invariant)
